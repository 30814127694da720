"""Nothing lost: one autosave per window under a lock, restore after a crash, close asks, refused drafts kept."""

from __future__ import annotations

import json
from pathlib import Path

from gui_cases import complete_case
from gui_helpers import click_when_shown, die
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kzcomplaint.core.case import caseio, drafts


def _click_when_shown(_qtbot, text: str) -> None:
    click_when_shown(text)


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
    qtbot.waitUntil(lambda: first.draft.slot is not None and first.draft.slot.path.is_file(), timeout=5_000)
    slot_file = first.draft.slot.path
    assert slot_file.stat().st_mode & 0o777 == 0o600
    # While the first window lives, nobody else may take its draft.
    assert drafts.claim_orphans() == []
    die(first)
    second = make_window("en")
    assert second.draft.case.complainant.full_name == ""
    _click_when_shown(qtbot, "Restore")
    assert second.offer_restore()
    restored = second.draft.case
    assert restored.complainant.email == "after.crash@example.kz"
    assert restored.complainant.full_name == case.complainant.full_name
    assert restored.details == case.details
    assert second.draft.dirty, "a restored draft is still unsaved"
    assert second.draft.slot.path == slot_file, "the restored draft keeps autosaving into its own slot"
    qtbot.waitUntil(lambda: not second.wizard.walking)
    assert second.wizard.currentId() == 6, "a restored case opens at the check page"
    # Saving it removes the autosave.
    target = kz_home / "restored.json"
    assert second.save_as(target)
    assert not slot_file.exists()
    assert caseio.load_case(target).complainant.email == "after.crash@example.kz"


def test_discarding_the_draft_removes_it(make_window, qtbot) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case(), dirty=True)
    assert window.draft.autosave()
    slot_file = window.draft.slot.path
    die(window)
    other = make_window("en")
    _click_when_shown(qtbot, "Discard")
    assert not other.offer_restore()
    assert not slot_file.exists() and drafts.autosave_files() == []
    assert other.draft.case.template == ""


def test_a_draft_kept_for_later_is_offered_again(make_window, qtbot) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case(), dirty=True)
    assert window.draft.autosave()
    die(window)
    other = make_window("en")
    _click_when_shown(qtbot, "later")
    assert not other.offer_restore()
    [again] = drafts.claim_orphans()
    assert again.case.complainant.full_name == complete_case().complainant.full_name
    again.slot.release()


def test_page_change_autosaves_into_the_windows_own_slot(make_window) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case(), dirty=True)
    assert drafts.autosave_files() == []
    window.wizard.go_to_page(2)
    [path] = drafts.autosave_files()
    envelope = json.loads(path.read_text(encoding="utf-8"))
    assert envelope["format"] == drafts.AUTOSAVE_FORMAT and envelope["source"] is None
    assert envelope["case"]["complainant"]["full_name"] == complete_case().complainant.full_name


def test_two_windows_never_share_a_slot_and_each_draft_stays_bound_to_its_own_file(
    make_window, qtbot, kz_home: Path
) -> None:
    # 8 of 8 runs lost one copy's typing, and 5 of 8 bound a restored draft to the other case's file.
    paths = [kz_home / "first.json", kz_home / "second.json"]
    windows = []
    for index, path in enumerate(paths):
        case = complete_case()
        case.facts = f"Original facts {index}."
        caseio.save_case(case, path)
        window = make_window("en")
        assert window.open_path(path)
        window.draft.case.facts = f"Unsaved edit of window {index}."
        window.draft.touch()
        assert window.draft.autosave()
        windows.append(window)
    assert windows[0].draft.slot.path != windows[1].draft.slot.path
    for window in windows:
        die(window)
    third = make_window("en")
    _click_when_shown(qtbot, "Restore")
    QTimer.singleShot(300, lambda: _click_when_shown(qtbot, "Restore"))
    assert third.offer_restore()
    spawned = [w for w in QApplication.topLevelWidgets() if type(w) is type(third) and w not in (third, *windows)]
    restored = [third, *spawned]
    assert len(restored) == 2
    by_file = {window.draft.path: window.draft.case.facts for window in restored}
    assert by_file == {paths[0]: "Unsaved edit of window 0.", paths[1]: "Unsaved edit of window 1."}
    for window in restored:
        assert window.save()
    assert caseio.load_case(paths[0]).facts == "Unsaved edit of window 0."
    assert caseio.load_case(paths[1]).facts == "Unsaved edit of window 1."
    for window in restored[1:]:
        window.draft.dirty = False
        window.close()


def test_a_refused_draft_is_kept_aside_and_restored_in_part(make_window, qtbot, kz_home: Path) -> None:
    window = make_window("en")
    case = complete_case()
    window.draft.replace_case(case, dirty=True)
    assert window.draft.autosave()
    slot_file = window.draft.slot.path
    die(window)
    envelope = json.loads(slot_file.read_text(encoding="utf-8"))
    envelope["case"]["contested"]["time"] = "25:99"  # what the old window let through
    envelope["case"]["complainant"]["address"] = "A" * 3000 + "\x07"
    envelope["case"]["nonsense"] = 1
    slot_file.write_text(json.dumps(envelope), encoding="utf-8")
    original = slot_file.read_bytes()

    other = make_window("en")
    _click_when_shown(qtbot, "Restore")
    assert other.offer_restore()
    [kept] = drafts.kept_drafts()
    assert kept.read_bytes() == original, "the refused draft is kept exactly as it was"
    restored = other.draft.case
    assert restored.complainant.full_name == case.complainant.full_name
    assert restored.complainant.address == "A" * 2000
    assert restored.contested.time == ""
    assert other.draft.path is None, "a draft read in part is bound to no file"
    rows = other.problems_dialog.rows()
    assert {field for field, _ in rows} == {"contested.time", "complainant.address", "nonsense"}
    assert str(kept) in other.problems_dialog.header.text()
    other.problems_dialog.close()


def test_a_case_file_the_loader_refuses_opens_what_it_can_and_is_left_as_it_is(make_window, kz_home: Path) -> None:
    path = kz_home / "case.json"
    data = caseio.case_to_dict(complete_case())
    data["facts"] = "Факты\x0b с управляющим символом."
    data["contested"]["date"] = "31.02.2021"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = path.read_bytes()
    window = make_window("en")
    assert not window.open_path(path)
    assert window.draft.case.complainant.full_name == complete_case().complainant.full_name
    assert window.draft.case.facts == "Факты с управляющим символом."
    assert window.draft.path is None and window.draft.dirty
    assert {field for field, _ in window.problems_dialog.rows()} == {"facts", "contested.date"}
    assert path.read_bytes() == before
    window.problems_dialog.close()


def test_closing_with_unsaved_answers_asks(make_window, qtbot, kz_home: Path) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case(), dirty=True)
    _click_when_shown(qtbot, "Cancel")
    assert not window.close(), "Cancel keeps the window and the answers"
    assert window.isVisible() and window.draft.dirty
    _click_when_shown(qtbot, "Discard")
    assert window.close()
    assert drafts.autosave_files() == []


def test_closing_with_save_writes_the_case(make_window, qtbot, kz_home: Path) -> None:
    window = make_window("en")
    path = kz_home / "case.json"
    caseio.save_case(complete_case(), path)
    assert window.open_path(path)
    window.draft.case.facts = "Changed before closing."
    window.draft.touch()
    window.draft.autosave()
    _click_when_shown(qtbot, "Save")
    assert window.close()
    assert caseio.load_case(path).facts == "Changed before closing."
    assert drafts.autosave_files() == []


def test_clean_close_after_save_leaves_no_autosave(make_window, kz_home: Path) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case(), dirty=True)
    window.draft.autosave()
    assert window.save_as(kz_home / "saved.json")
    window.close()
    assert drafts.autosave_files() == []
    assert drafts.recent_cases()[0].path == (kz_home / "saved.json")


def test_window_remembers_its_geometry(make_window) -> None:
    window = make_window("en")
    window.resize(760, 560)
    window.close()
    again = make_window("en")
    assert again.size().width() == 760
    assert again.size().height() == 560
