"""A fresh Linux machine: `make run` says which system library is missing instead of Qt's abort."""

from __future__ import annotations

import pytest

from kzcomplaint import app
from kzcomplaint.gui import platform_check

LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd1c7f3000)
\tlibQt6XcbQpa.so.6 => /opt/venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f3a1c000000)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f3a1b000000)
"""


def test_ldd_output_names_every_missing_library_once() -> None:
    assert platform_check.not_found_in_ldd(LDD_OUTPUT) == [
        "libxcb-cursor.so.0",
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
    ]
    assert platform_check.not_found_in_ldd("\tlibc.so.6 => /lib/libc.so.6 (0x1)\n") == []


def test_a_failed_dlopen_names_the_library() -> None:
    message = "libxcb-cursor.so.0: cannot open shared object file: No such file or directory"
    assert platform_check.not_found_in_dlopen(message) == ["libxcb-cursor.so.0"]


@pytest.mark.parametrize(
    ("library", "package"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libEGL.so.1", "libegl1"),
        ("libfontconfig.so.1.12.0", "libfontconfig1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
    ],
)
def test_the_package_that_holds_a_library(library: str, package: str) -> None:
    assert platform_check.package_for(library) == package


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"DISPLAY": ":0"}, True),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),
        ({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, True),
        ({}, False),
    ],
)
def test_only_an_x11_window_is_checked(monkeypatch, environ: dict[str, str], expected: bool) -> None:
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    assert platform_check.uses_xcb(environ) is expected


def test_the_installed_plugin_is_found_without_loading_qt() -> None:
    plugin = platform_check.xcb_plugin()
    assert plugin is not None and plugin.name == "libqxcb.so"


def test_a_complete_installation_is_checked_without_running_ldd(monkeypatch) -> None:
    import subprocess

    def no_ldd(*_args, **_kwargs):
        raise AssertionError("ldd must not run when the plugin loads")

    monkeypatch.setattr(subprocess, "run", no_ldd)
    assert platform_check.missing_libraries() == []


def _failed_load(monkeypatch) -> None:
    import ctypes

    def cannot_load(name, *_args, **_kwargs):
        raise OSError("libxcb-cursor.so.0: cannot open shared object file: No such file or directory")

    monkeypatch.setattr(ctypes, "CDLL", cannot_load)


def test_a_failed_load_names_every_missing_library_by_ldd(monkeypatch, tmp_path) -> None:
    import subprocess

    _failed_load(monkeypatch)
    calls = []

    def ldd(command, **_kwargs):
        calls.append(command)
        return subprocess.CompletedProcess(command, 0, LDD_OUTPUT, "")

    monkeypatch.setattr(subprocess, "run", ldd)
    monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/ldd")
    plugin = tmp_path / "libqxcb.so"
    assert platform_check.missing_libraries(plugin) == [
        "libxcb-cursor.so.0",
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
    ]
    assert calls == [["/usr/bin/ldd", str(plugin)]]


def test_without_ldd_the_failed_load_names_the_first_missing_library(monkeypatch, tmp_path) -> None:
    _failed_load(monkeypatch)
    monkeypatch.setattr("shutil.which", lambda name: None)
    assert platform_check.missing_libraries(tmp_path / "libqxcb.so") == ["libxcb-cursor.so.0"]


def test_a_missing_library_is_said_before_qt_starts(monkeypatch, capsys) -> None:
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    monkeypatch.setattr(platform_check, "missing_libraries", lambda plugin=None: ["libxcb-cursor.so.0"])

    def no_qt(*_args, **_kwargs):
        raise AssertionError("Qt must not be started when a library is missing")

    monkeypatch.setattr(app, "create_application", no_qt)
    assert app.main(ui_language="ru") == 2
    err = capsys.readouterr().err
    assert "libxcb-cursor.so.0" in err and "sudo apt install libxcb-cursor0" in err
    assert "не может открыть окно" in err


def test_a_missing_library_of_qt_itself_is_said(monkeypatch, capsys) -> None:
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(platform_check, "missing_libraries", lambda plugin=None: [])

    def qt_import_fails(*_args, **_kwargs):
        raise ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")

    monkeypatch.setattr(app, "create_application", qt_import_fails)
    assert app.main(ui_language="kk") == 2
    err = capsys.readouterr().err
    assert "libEGL.so.1" in err and "libegl1" in err
