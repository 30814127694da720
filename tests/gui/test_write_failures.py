"""A file the window cannot write is named, in the interface language, with the system's reason.

Not the system's bare "Not a directory" in a Kazakh or Russian status line: which file,
and that it was not written, in the user's words (the system's own reason follows it).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_timeline import opened

from kzcomplaint.gui.dialogs.directory import DirectoryDialog

FRAMES = {"kk": "жазылмайды", "ru": "не удаётся записать"}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_calendars_and_the_directory_say_which_file_was_not_written(make_window, tmp_path: Path, language: str) -> None:
    window, _path = opened(make_window, tmp_path, language, dt.date(2024, 3, 14))
    blocked = tmp_path / "notes.txt"  # a file where the folder should be: no one can write in it, root neither
    blocked.write_text("not a folder", encoding="utf-8")

    target = blocked / "terms.ics"
    assert window.export_calendar(target) is None
    shown = window.status_label.text()
    assert FRAMES[language] in shown and str(target) in shown, shown

    timeline = window.show_timeline()
    target = blocked / "case.ics"
    assert timeline.export_ics(target) is None
    shown = timeline.status.text()
    assert timeline.status.is_error and FRAMES[language] in shown and str(target) in shown, shown
    timeline.reject()

    directory = DirectoryDialog(window.translator, window.draft, window)
    target = blocked / "bodies.toml"
    assert not directory.export_file(target)
    shown = directory.status.text()
    assert FRAMES[language] in shown and str(target) in shown, shown
    assert not target.exists()
    directory.reject()
