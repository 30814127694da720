"""Before the first window on Linux: are the system libraries Qt's X11 plugin needs installed?

Without them Qt prints "could not load the Qt platform plugin xcb" and aborts
the process (a core dump, no word on what to install). This module asks the
system's dynamic linker first, without loading Qt: loading the plugin through
:mod:`ctypes` succeeds when every library it needs is there (the usual case:
Qt then finds them already loaded, so the check costs the start nothing). When
it fails, ``ldd`` lists every library that cannot be found (the failed load
names only the first; it is that one where ``ldd`` is missing). The app then
says which libraries are missing and which packages hold them, and exits.

Nothing here imports Qt.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from pathlib import Path

# ``libfoo.so.N`` is in the Debian/Ubuntu package ``libfooN`` (``libfoo-N`` when the name ends
# in a digit), lower case; these few are named otherwise.
_PACKAGES = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0",
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)
_DLOPEN_ERROR = re.compile(r"(\S+\.so[.\d]*): cannot open shared object file")


def xcb_plugin() -> Path | None:
    """The X11 platform plugin of the installed PySide6 (None when there is none), found without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def uses_xcb(environ: dict[str, str] | os._Environ[str] | None = None) -> bool:
    """Whether Qt will open its window through X11 here (Linux, a display, no other platform asked for)."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return False
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0] == "xcb"
    return bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY")


def not_found_in_ldd(output: str) -> list[str]:
    """The libraries ``ldd`` reports as "not found", in its order, each once."""
    return list(dict.fromkeys(_NOT_FOUND.findall(output)))


def not_found_in_dlopen(message: str) -> list[str]:
    """The library a failed ``dlopen`` names ("libxcb-cursor.so.0: cannot open shared object file")."""
    return list(dict.fromkeys(_DLOPEN_ERROR.findall(message)))


def package_for(library: str) -> str:
    """The Debian/Ubuntu package that holds ``library`` (a file name such as ``libxcb-cursor.so.0``)."""
    if library in _PACKAGES:
        return _PACKAGES[library]
    match = re.fullmatch(r"(lib[\w.+-]*?)\.so\.(\d+)(?:\.[\d.]+)?", library)
    if match is None:
        return library
    name, version = match.groups()
    joiner = "-" if name[-1].isdigit() else ""
    return f"{name}{joiner}{version}".lower()


def missing_libraries(plugin: Path | None = None) -> list[str]:
    """The system libraries the X11 plugin needs that are not installed ([] when all are, or it cannot tell)."""
    import ctypes  # here, not at the top: the first window of a complete installation does without it

    plugin = plugin or xcb_plugin()
    if plugin is None:
        return []
    try:
        ctypes.CDLL(str(plugin))
    except OSError as error:
        first = not_found_in_dlopen(str(error))
    else:
        return []
    return _not_found_by_ldd(plugin) or first


def _not_found_by_ldd(plugin: Path) -> list[str]:
    """Every library of ``plugin`` the dynamic linker cannot find, by ``ldd`` ([] when it cannot tell)."""
    import shutil
    import subprocess

    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    try:
        result = subprocess.run(  # noqa: S603 - a fixed program on the app's own plugin file
            [ldd, str(plugin)], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return []
    return not_found_in_ldd(result.stdout) if result.returncode == 0 else []
