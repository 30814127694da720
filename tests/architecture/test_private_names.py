"""No module reaches into another package's private names.

A name that starts with an underscore is a module's own business; the rooms of
the core (``core.text``, ``core.law``, …) and the front ends talk to each other
through public names only, so a room can be rearranged inside without
breaking another. Modules of the same package may share private helpers.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE_ROOT = Path(__file__).resolve().parents[2] / "kzcomplaint"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _package_of(module: str, is_package: bool) -> str:
    return module if is_package else module.rpartition(".")[0]


def _known_modules() -> dict[str, bool]:
    """Every module of kzcomplaint, and whether it is a package."""
    return {_module_name(path): path.name == "__init__.py" for path in PACKAGE_ROOT.rglob("*.py")}


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _reaches(source: str, my_package: str, modules: dict[str, bool]) -> list[str]:
    """The private names of other packages that ``source`` uses, as 'line: module.name'."""
    tree = ast.parse(source)
    aliases: dict[str, str] = {}
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                target = f"{node.module}.{alias.name}"
                if target in modules:
                    aliases[alias.asname or alias.name] = target
                elif node.module in modules and _private(alias.name):
                    if _package_of(node.module, modules[node.module]) != my_package:
                        found.append(f"{node.lineno}: {node.module}.{alias.name}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in modules and alias.asname:
                    aliases[alias.asname] = alias.name
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and _private(node.attr):
            target = aliases.get(node.value.id)
            if target is not None and _package_of(target, modules[target]) != my_package:
                found.append(f"{node.lineno}: {target}.{node.attr}")
    return found


MODULES = _known_modules()


@pytest.mark.parametrize("path", sorted(PACKAGE_ROOT.rglob("*.py")), ids=lambda p: _module_name(p))
def test_no_private_names_of_other_packages(path: Path) -> None:
    package = _package_of(_module_name(path), path.name == "__init__.py")
    assert _reaches(path.read_text(encoding="utf-8"), package, MODULES) == []


def test_the_scanner_sees_a_reach() -> None:
    """The check itself bites: a front-end module using a core private name is reported."""
    modules = {"kzcomplaint.core.law.checks": False, "kzcomplaint.core.law.routes": False}
    source = (
        "from kzcomplaint.core.law import checks\n"
        "from kzcomplaint.core.law.checks import _CHECKS\n"
        "checks._filled(1)\n"
        "checks.check_case\n"
    )
    assert _reaches(source, "kzcomplaint.gui.pages", modules) == [
        "2: kzcomplaint.core.law.checks._CHECKS",
        "3: kzcomplaint.core.law.checks._filled",
    ]
    # A module of the same package may share a private helper.
    assert _reaches(source, "kzcomplaint.core.law", modules) == []
