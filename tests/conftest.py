"""Project-wide test set-up: headless Qt and a private home for every test session.

``QT_QPA_PLATFORM=offscreen`` lets the GUI tests run without a display, and
``KZCOMPLAINT_HOME`` points the app's user folders (settings, drafts,
profile, the user's directory of bodies) at a temporary folder, so no test
reads or writes the real home.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import types
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="kzcomplaint-tests-"))
os.environ["KZCOMPLAINT_HOME"] = str(_SESSION_HOME)

# The offscreen platform plugin cannot pass size hints to a window and says so
# as a Qt warning on every top-level layout; it is a limit of the plugin, not
# of the app, and must not fail tests that treat Qt warnings as failures.
OFFSCREEN_SIZE_HINTS = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Ignore the offscreen plugin's size-hint warning in every test."""
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Remove the session's private home."""
    shutil.rmtree(_SESSION_HOME, ignore_errors=True)


@pytest.fixture
def kz_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh private home for one test (empty settings, drafts, profile and directory)."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("KZCOMPLAINT_HOME", str(home))
    return home


@pytest.fixture
def frozen_today(monkeypatch: pytest.MonkeyPatch) -> Callable[[types.ModuleType, dt.date], None]:
    """Make ``dt.date.today()`` answer a fixed day inside one module (imported as ``import datetime as dt``).

    For the tests of "defaults to the system date": they must hold on any clock,
    so they set the date the module sees instead of reading the real one. Only
    the module's own name ``dt`` is replaced; dates it makes compare, hash and
    pass ``isinstance`` checks like ordinary dates.
    """

    def freeze(module: types.ModuleType, day: dt.date) -> None:
        class _AnyDate(type):
            def __instancecheck__(cls, instance: object) -> bool:
                return isinstance(instance, dt.date)

        class _FrozenDate(dt.date, metaclass=_AnyDate):
            @classmethod
            def today(cls) -> dt.date:
                return day

        shim = types.SimpleNamespace(**{name: getattr(dt, name) for name in dir(dt) if not name.startswith("__")})
        shim.date = _FrozenDate
        monkeypatch.setattr(module, "dt", shim)

    return freeze


@pytest.fixture(scope="session")
def office() -> dict[str, str]:
    """The commands of LibreOffice and poppler-utils: ``soffice``, ``pdftotext``, ``pdftoppm``, ``pdfinfo``.

    A test that opens documents in a real office suite fails in CI (``CI`` set)
    when one is missing, and skips only on a developer's machine without them.
    """
    found = {name: shutil.which(name) for name in ("soffice", "pdftotext", "pdftoppm", "pdfinfo")}
    missing = [name for name, path in found.items() if path is None]
    if missing:
        message = f"needs {', '.join(missing)} (apt-get install libreoffice-writer-nogui poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return {name: str(path) for name, path in found.items()}
