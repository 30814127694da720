"""Where the app's shipped data and the user's own files live.

The shipped data (``templates/``, ``locales/``, ``examples/``, ``scenarios/``,
``kzcomplaint/core/law/rules/``)
is found the same way in a source checkout, an installed wheel (hatchling
force-includes the top-level folders into the package) and a frozen
PyInstaller build (which unpacks next to ``sys._MEIPASS``). User files go to
the platform's data and config folders, or below ``$KZCOMPLAINT_HOME`` when
that is set (tests and portable installs).
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parents[2]
"""The ``kzcomplaint`` package folder."""


@functools.cache
def _data_root(name: str) -> Path:
    """Return the folder that holds the shipped top-level folder ``name``."""
    candidates = [_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "kzcomplaint" / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"kzcomplaint data folder {name!r} not found; looked in "
        + ", ".join(str(c) for c in candidates)
    )


def templates_dir() -> Path:
    """Folder of the document templates (one TOML file per document kind)."""
    return _data_root("templates")


def locales_dir() -> Path:
    """Folder of the gettext catalogues."""
    return _data_root("locales")


def rules_dir() -> Path:
    """Folder of the shipped rule files (requirements, deadlines, calendar…)."""
    return _PACKAGE_DIR / "core" / "law" / "rules"


def scenarios_dir() -> Path:
    """Folder of the shipped workshop scenario packs (fictitious people only)."""
    return _data_root("scenarios")


def examples_dir() -> Path:
    """Folder of the shipped example cases (fictitious people only)."""
    return _data_root("examples")


def _home() -> Path | None:
    value = os.environ.get("KZCOMPLAINT_HOME")
    return Path(value) if value else None


APP_NAME = "kzcomplaint"


def _xdg_user_dir(variable: str, default: str) -> Path | None:
    """The XDG base directory ``variable`` (or ``~/default``) with the app's folder, on Linux; None to ask platformdirs.

    The same folder platformdirs gives (a test compares them), without importing it and the
    modules it loads (some 5 ms before the first window). Only the plain case is answered here:
    an absolute ``$HOME`` and the variable unset, empty or absolute; anything else (a relative
    path, no home) is left to platformdirs, whose versions have each their own rule for it.
    """
    if not sys.platform.startswith("linux"):
        return None
    home = os.environ.get("HOME", "")
    value = os.environ.get(variable, "")
    if not os.path.isabs(home) or (value and not os.path.isabs(value)):
        return None
    return Path(value or os.path.join(home, default), APP_NAME)


def user_config_dir() -> Path:
    """Folder for the user's own settings and rule overrides (not created here)."""
    home = _home()
    if home is not None:
        return home / "config"
    xdg = _xdg_user_dir("XDG_CONFIG_HOME", ".config")
    if xdg is not None:
        return xdg
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def user_data_dir() -> Path:
    """Folder for drafts, profiles and the user's directory of bodies (not created here)."""
    home = _home()
    if home is not None:
        return home / "data"
    xdg = _xdg_user_dir("XDG_DATA_HOME", os.path.join(".local", "share"))
    if xdg is not None:
        return xdg
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
