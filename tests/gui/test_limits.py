"""Whatever an input accepts, the case file accepts: every input at its maximum is saved, restored and reopened."""

from __future__ import annotations

from pathlib import Path

from gui_cases import complete_case
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from kzcomplaint.core.case import caseio, drafts, limits
from kzcomplaint.core.documents import templates
from kzcomplaint.gui.widgets.fields import InputGuard, TimeValidator, text_input_of

LETTER = "Ж"  # two bytes in UTF-8: the file grows as a Kazakh or Russian text would


def _most_questions_template() -> str:
    return max(templates.template_ids(), key=lambda kind: len(templates.load_template(kind).questions))


def _fill_every_input(window) -> int:
    """Type the most each input takes (and more: the input keeps its limit); return how many were filled."""
    filled = 0
    for page in window.wizard.pages:
        page.ensure_built()
        for entry in list(page.fields.values()):
            edit = text_input_of(entry.widget)
            if edit is None:
                continue
            guard = edit.findChild(InputGuard)
            assert guard is not None, f"{entry.path} has no limit"
            if isinstance(edit, QPlainTextEdit):
                edit.setFocus()
                edit.selectAll()
                # Lines of a hundred letters (one line of 100,000 takes Qt seconds to lay out).
                line = LETTER * 99 + "\n"
                edit.insertPlainText(line * (guard.limit // len(line) + 2))
                assert len(edit.toPlainText()) <= guard.limit, entry.path
                if guard.line_limit is not None:
                    assert all(len(line) <= guard.line_limit for line in edit.toPlainText().split("\n"))
            else:
                assert isinstance(edit, QLineEdit)
                edit.selectAll()
                if isinstance(edit.validator(), TimeValidator):
                    edit.insert("около " + "ч" * edit.maxLength())  # words are the user's own
                elif edit.validator() is not None:
                    edit.insert("9" * edit.maxLength())
                else:
                    edit.insert(LETTER * (edit.maxLength() + 50))
                assert edit.text() and len(edit.text()) <= min(edit.maxLength(), guard.limit), entry.path
                edit.textEdited.emit(edit.text())
            filled += 1
        page.store()
    return filled


def test_every_input_at_its_maximum_is_saved_restored_and_reopened(make_window, kz_home: Path) -> None:
    window = make_window("ru")
    case = complete_case()
    case.template = _most_questions_template()
    window.draft.replace_case(case)
    facts_page = next(page for page in window.wizard.pages if page.STEP == "facts")
    facts_page.ensure_built()
    long_name = kz_home / ("Ж" * 200) / ("Ж" * 200 + ".mp4")
    facts_page.add_picked_files([long_name] * (limits.MAX_EVIDENCE_ITEMS + 5))
    assert facts_page.evidence_model.rowCount() == limits.MAX_EVIDENCE_ITEMS
    assert not facts_page.add_file_button.isEnabled()
    for row in range(limits.MAX_EVIDENCE_ITEMS):
        index = facts_page.evidence_model.index(row, 0)
        facts_page.evidence_model.setData(index, LETTER * (limits.MAX_SHORT_TEXT_CHARS + 10) + "\x07")
    assert _fill_every_input(window) > 40
    for page in window.wizard.pages:
        page.store()
    drafted = window.draft.snapshot()
    assert len(drafted.facts) == limits.MAX_LONG_TEXT_CHARS
    assert all(len(item.description) == limits.MAX_SHORT_TEXT_CHARS for item in drafted.evidence)

    # Autosaved, restored after a "crash", saved as a case file and reopened: nothing refused, nothing lost.
    window.draft.touch()
    assert window.draft.autosave()
    window.draft.slot.lock.release()
    window.draft.slot, window.draft.dirty = None, False
    [restored] = drafts.claim_orphans()
    assert restored.problems == [] and restored.case == drafted
    target = kz_home / "maximum.json"
    caseio.save_case(restored.case, target)
    assert target.stat().st_size < limits.MAX_FILE_BYTES
    assert caseio.load_case(target) == drafted
    restored.slot.close()
    other = make_window("ru")
    assert other.open_path(target)
    assert other.draft.case == drafted


def test_the_file_size_limit_covers_every_input_at_its_maximum() -> None:
    most = max(len(templates.load_template(kind).questions) for kind in templates.template_ids())
    assert most <= limits.MAX_DETAILS
    # At most 4 bytes of UTF-8 (or a JSON escape) per character, and room for the field names.
    assert limits.max_case_chars(most) * 4 + 100_000 < limits.MAX_FILE_BYTES


def test_control_characters_are_removed_as_they_are_pasted_with_a_note(make_window) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case())
    window.wizard.go_to_page(4)
    parties = window.wizard.currentPage()
    edit = parties.complainant.widgets["full_name"]
    edit.selectAll()
    edit.insert("Тестова\x07 Айгерим\x0b\x0c")
    edit.textEdited.emit(edit.text())
    assert edit.text() == "Тестова Айгерим"
    assert window.draft.case.complainant.full_name == "Тестова Айгерим"
    assert "control characters were removed" in window.status_label.text()
    window.wizard.go_to_page(3)
    facts = window.wizard.currentPage().facts
    facts.selectAll()
    facts.insertPlainText("Строка\x1b[2J один\nстрока два\x00")
    assert facts.toPlainText() == "Строка[2J один\nстрока два"
    assert window.draft.case.facts == "Строка[2J один\nстрока два"


def test_a_time_that_cannot_exist_cannot_be_typed(make_window, qtbot) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case())
    window.wizard.go_to_page(2)
    time_edit = window.wizard.currentPage().time.edit
    time_edit.clear()
    qtbot.keyClicks(time_edit, "25:99")
    assert time_edit.text() == "2:"  # "25" and "2:9" can never become a time
    time_edit.clear()
    qtbot.keyClicks(time_edit, "14:69")
    assert time_edit.text() == "14:"
    time_edit.clear()
    qtbot.keyClicks(time_edit, "14:30")
    assert time_edit.text() == "14:30"
    window.wizard.currentPage().store()
    assert window.draft.case.contested.time == "14:30"
