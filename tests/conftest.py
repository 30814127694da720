"""Project-wide test set-up: headless Qt and a private home for every test session.

``QT_QPA_PLATFORM=offscreen`` lets the GUI tests run without a display, and
``KZCOMPLAINT_HOME`` points the app's user folders (settings, drafts,
profile, the user's directory of bodies) at a temporary folder, so no test
reads or writes the real home.
"""

from __future__ import annotations

import os
import shutil
import tempfile
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
