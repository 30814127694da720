"""Nothing lost: autosave on a timer and on page changes, restore after a crash, a clean close asks nothing."""

from __future__ import annotations

import json
from pathlib import Path

from gui_cases import complete_case
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kzcomplaint.core.case import caseio, drafts


def _click_when_shown(qtbot, text: str) -> None:
    """Click the button whose text contains ``text`` in the next modal message box."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        for button in box.buttons():
            if text in button.text().replace("&", ""):
                button.click()
                return

    QTimer.singleShot(0, click)


def test_restore_after_a_crash(make_window, qtbot, kz_home: Path) -> None:
    first = make_window("en")
    case = complete_case()
    first.draft.replace_case(case)
    first.wizard.go_to_page(4)
    parties = first.wizard.currentPage()
    parties.complainant.widgets["email"].edit.setText("after.crash@example.kz")
    assert first.draft.dirty
    # The timer writes the autosave every few seconds; here it fires at once.
    first.draft.autosave_timer.setInterval(10)
    qtbot.waitUntil(lambda: drafts.autosave_path().is_file(), timeout=5_000)
    assert drafts.autosave_path().stat().st_mode & 0o777 == 0o600
    # The process dies: no closeEvent, nothing cleaned up. A new start finds the draft.
    first.draft.autosave_timer.stop()
    second = make_window("en")
    assert second.draft.case.complainant.full_name == ""
    _click_when_shown(qtbot, "Restore")
    assert second.offer_restore()
    restored = second.draft.case
    assert restored.complainant.email == "after.crash@example.kz"
    assert restored.complainant.full_name == case.complainant.full_name
    assert restored.details == case.details
    assert second.draft.dirty, "a restored draft is still unsaved"
    qtbot.waitUntil(lambda: not second.wizard.walking)
    assert second.wizard.currentId() == 6, "a restored case opens at the check page"
    # Saving it removes the autosave.
    target = kz_home / "restored.json"
    assert second.save_as(target)
    assert not drafts.autosave_path().exists()
    assert caseio.load_case(target).complainant.email == "after.crash@example.kz"


def test_discarding_the_draft_removes_it(make_window, qtbot) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case(), dirty=True)
    assert window.draft.autosave()
    other = make_window("en")
    _click_when_shown(qtbot, "Discard")
    assert not other.offer_restore()
    assert not drafts.autosave_path().exists()
    assert other.draft.case.template == ""


def test_page_change_autosaves(make_window) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case(), dirty=True)
    assert not drafts.autosave_path().exists()
    window.wizard.go_to_page(2)
    assert drafts.autosave_path().is_file()
    meta = json.loads((drafts.drafts_dir() / drafts.AUTOSAVE_META_FILE).read_text())
    assert meta["source"] is None


def test_clean_close_asks_nothing_and_keeps_unsaved_answers(make_window, qtbot) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case(), dirty=True)
    window.close()  # a modal question would block here
    assert drafts.autosave_path().is_file(), "unsaved answers are kept for the next start"
    assert caseio.load_case(drafts.autosave_path()).complainant.full_name == complete_case().complainant.full_name


def test_clean_close_after_save_leaves_no_autosave(make_window, kz_home: Path) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case(), dirty=True)
    window.draft.autosave()
    assert window.save_as(kz_home / "saved.json")
    window.close()
    assert not drafts.autosave_path().exists()
    assert drafts.recent_cases()[0].path == (kz_home / "saved.json")


def test_window_remembers_its_geometry(make_window) -> None:
    window = make_window("en")
    window.resize(760, 560)
    window.close()
    again = make_window("en")
    assert again.size().width() == 760
    assert again.size().height() == 560
