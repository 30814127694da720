"""kill -9 during a save and an autosave: the previous version survives, the next start leaves no temp file.

Real processes: a child writes, and is killed while its temporary file is
on disk (it says so from inside ``fsync``, where it then waits for the
kill); then the app is started for real (offscreen) in the same home.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kzcomplaint.core.case import caseio, drafts

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")

WRITER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from kzcomplaint.core.case import caseio, drafts
    from kzcomplaint.core.case.model import Case

    target, mode = Path(sys.argv[1]), sys.argv[2]
    real_fsync, writes = os.fsync, []

    def fsync_then_wait_for_the_kill(descriptor):
        real_fsync(descriptor)
        writes.append(1)
        if len(writes) == 3:  # the second case or draft: its temporary file is on disk now
            print("writing", flush=True)
            time.sleep(600)

    drafts.remember_case(target)  # the next start looks beside the recent cases
    os.fsync = fsync_then_wait_for_the_kill  # each write: the file's fsync, then its folder's
    if mode == "save":
        for number in range(2):
            caseio.save_case(Case(facts=f"version {number}"), target)
    else:
        slot = drafts.AutosaveSlot.create()
        for number in range(2):
            slot.write(Case(facts=f"version {number}"))
    """
)

START = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from kzcomplaint import app
    from kzcomplaint.gui.settings import UiSettings

    qapp = app.create_application()
    settings = UiSettings()
    settings.language, settings.role = "en", "observer"
    settings.sync()

    def keep_for_later():
        box = QApplication.activeModalWidget()
        if box is not None:
            box.reject()  # "Keep for later": the draft stays for the test to look at
        QTimer.singleShot(50, keep_for_later)

    def quit_once_painted(window):
        QTimer.singleShot(500, lambda: QApplication.exit(0))

    QTimer.singleShot(50, keep_for_later)
    QTimer.singleShot(200, lambda: [quit_once_painted(w) for w in QApplication.topLevelWidgets()[:1]])
    sys.exit(app.main())
    """
)


def _env(home: Path) -> dict[str, str]:
    return dict(os.environ, KZCOMPLAINT_HOME=str(home), QT_QPA_PLATFORM="offscreen")


def _kill_while_writing(home: Path, target: Path, mode: str) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target), mode], cwd=ROOT, env=_env(home), stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "writing"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL


def _temporary_files(*folders: Path) -> list[Path]:
    return [path for folder in folders for path in folder.rglob("*.tmp")]


def _start_the_app(home: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-c", START], cwd=ROOT, env=_env(home), capture_output=True, text=True, timeout=120
    )
    assert completed.returncode == 0, completed.stderr


def test_kill_during_a_save_keeps_the_previous_version(kz_home: Path, tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    target = cases / "case.json"
    _kill_while_writing(kz_home, target, "save")
    assert caseio.load_case(target).facts == "version 0", "the previous version survives whole"
    assert _temporary_files(cases), "killed with its temporary file on disk"
    _start_the_app(kz_home)
    assert _temporary_files(cases, kz_home) == []
    assert caseio.load_case(target).facts == "version 0"


def test_kill_during_an_autosave_keeps_the_previous_draft(kz_home: Path, tmp_path: Path) -> None:
    _kill_while_writing(kz_home, tmp_path / "case.json", "autosave")
    assert _temporary_files(drafts.drafts_dir())
    _start_the_app(kz_home)
    assert _temporary_files(kz_home) == []
    [draft] = drafts.claim_orphans()
    assert draft.case.facts == "version 0" and draft.problems == []
    draft.slot.release()
