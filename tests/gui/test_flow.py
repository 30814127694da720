"""The whole flow as a user drives it: defects → "Go to field" fixes → export in every language → saved case."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from gui_cases import SYNTHETIC_IIN, complete_case
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from kzcomplaint.core.case import caseio
from kzcomplaint.gui.models.lists import KIND_ROLE
from kzcomplaint.gui.pages.check import CheckPage
from kzcomplaint.gui.pages.document import DocumentPage
from kzcomplaint.gui.widgets.fields import CheckedLineEdit, DateField
from kzcomplaint.gui.workers import export

CHECK_PAGE = 6
DOCUMENT_PAGE = 7


def _type_into(qtbot, widget, text: str) -> None:
    """Type ``text`` the way the user would (ASCII by keys; other scripts set, as STYLE.md says)."""
    edit = widget.edit if isinstance(widget, (CheckedLineEdit, DateField)) else widget
    if isinstance(edit, QPlainTextEdit):
        edit.setPlainText(text)
        return
    assert isinstance(edit, QLineEdit)
    edit.clear()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.setText(text)
        edit.textEdited.emit(text)
    if isinstance(widget, DateField):
        edit.editingFinished.emit()


# What a user types into the field a problem points at.
FIXES = {
    "complainant.iin": SYNTHETIC_IIN,
    "complainant.phone": "+7 700 000 00 01",
    "contested.date": "10 января 2021 года",
    "addressee.address": "Almaty, Primernyi prospekt 5",
    "addressee.phone": "+7 700 000 00 03",
    "addressee.email": "tec.example@example.kz",
    "respondent.address": "Almaty, Primernaya 10",
    "respondent.phone": "+7 700 000 00 02",
    "facts": "Председатель комиссии не допустил меня на участок.",
}


def _defective_case():
    case = complete_case()
    case.complainant = dataclasses.replace(case.complainant, iin="800416400006", phone="")
    case.respondent = dataclasses.replace(case.respondent, address="", phone="")
    case.contested = dataclasses.replace(case.contested, date=None)
    case.requests = []
    return case


def test_fix_defects_through_go_to_field_then_export(make_window, qtbot, tmp_path: Path) -> None:
    window = make_window("en")
    window.draft.replace_case(_defective_case())
    wizard = window.wizard
    assert wizard.go_to_page(CHECK_PAGE)
    check = wizard.currentPage()
    assert isinstance(check, CheckPage)
    qtbot.waitUntil(lambda: not window.draft.checking)  # the check runs off the UI thread
    first = [problem.field for problem in window.draft.problems if problem.blocking]
    assert {"complainant.iin", "complainant.phone", "contested.date", "respondent.address"} <= set(first)
    # Blocking problems are listed first.
    severities = [problem.severity for problem in window.draft.problems]
    assert severities == sorted(severities, key=lambda severity: severity != "blocking")

    visited = []
    for _round in range(12):
        blocking = [problem for problem in window.draft.problems if problem.blocking]
        if not blocking:
            break
        problem = blocking[0]
        row = window.draft.problems.index(problem)
        check.view.setCurrentIndex(check.model.index(row, 0))
        assert check.details.text(), "the selected problem shows what to do"
        qtbot.mouseClick(check.go_button, Qt.MouseButton.LeftButton)
        widget = QApplication.focusWidget()
        assert widget is not None, problem.field
        page = wizard.currentPage()
        target = page.widget_for(problem.field)
        assert target is not None, problem.field
        assert target.hasFocus() or target.isAncestorOf(widget), (problem.field, widget)
        visited.append(problem.field)
        if problem.field in FIXES:
            _type_into(qtbot, target, FIXES[problem.field])
        wizard.go_to_page(CHECK_PAGE)
        window.draft.recheck()
        qtbot.waitUntil(lambda: not window.draft.checking)
    assert not [problem for problem in window.draft.problems if problem.blocking], [
        (problem.code, problem.field) for problem in window.draft.problems
    ]
    assert "complainant.iin" in visited and "contested.date" in visited

    assert wizard.go_to_page(DOCUMENT_PAGE)
    document = wizard.currentPage()
    assert isinstance(document, DocumentPage)
    titles = {"kk": "ШАҒЫМ", "ru": "ЖАЛОБА", "en": "COMPLAINT"}
    for language in ("kk", "ru", "en", "kk+ru"):
        target = tmp_path / f"complaint_{language.replace('+', '_')}.docx"
        document.export(path=target, language=language)
        qtbot.waitUntil(lambda target=target: document.last_export() == target, timeout=20_000)
        text = "\n".join(export.docx_paragraphs(target.read_bytes()))
        assert "Тестова Айгерим Тестовна" in text
        assert SYNTHETIC_IIN in text
        for part in language.split("+"):
            assert titles[part] in text
        assert target.stat().st_mode & 0o777 == 0o600

    case_file = tmp_path / "case.json"
    assert window.save_as(case_file)
    saved = caseio.load_case(case_file)
    assert saved.complainant.iin == SYNTHETIC_IIN
    assert saved.contested.date == dt.date(2021, 1, 10)
    assert saved.respondent.address == FIXES["respondent.address"]
    assert saved.requests, "the suggested requests were filled in"
    assert saved.complainant.full_name == "Тестова Айгерим Тестовна"
    assert not window.draft.dirty


def test_preview_follows_output_language(make_window, qtbot) -> None:
    window = make_window("ru")
    window.draft.replace_case(complete_case())
    assert window.wizard.go_to_page(DOCUMENT_PAGE)
    document = window.document_page
    for language, title in (("kk", "ШАҒЫМ"), ("en", "COMPLAINT"), ("ru", "ЖАЛОБА")):
        document.language.setCurrentIndex(document.language.findData(language))
        qtbot.waitUntil(lambda title=title: title in document.preview.toPlainText(), timeout=20_000)
        assert window.draft.case.language == language
    assert window.ui.language == "ru", "the interface language is independent of the document's"


@pytest.mark.parametrize("page_id", range(1, 8))
def test_every_input_has_an_accessible_name(make_window, page_id: int) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case())
    page = window.wizard.pages[page_id]
    page.ensure_built()
    for path, entry in page.fields.items():
        assert entry.widget.accessibleName().strip(), path


def test_enter_goes_to_the_next_page(make_window, qtbot) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case())
    assert window.wizard.go_to_page(2)
    page = window.wizard.currentPage()
    page.number.setFocus()
    qtbot.keyClick(page.number, Qt.Key.Key_Return)
    assert window.wizard.currentId() == 3


def test_going_back_and_forth_keeps_every_answer(make_window, qtbot) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case())
    wizard = window.wizard
    assert wizard.go_to_page(2)
    where = wizard.currentPage()
    _type_into(qtbot, where.place, "Almaty, school 7")
    _type_into(qtbot, where.voting_day, "2021 жылғы 10 қаңтар")
    assert wizard.go_to_page(4)
    parties = wizard.currentPage()
    _type_into(qtbot, parties.complainant.widgets["email"], "new.address@example.kz")
    assert wizard.go_to_page(1)
    assert wizard.go_to_page(7)
    assert wizard.go_to_page(2)
    assert where.place.text() == "Almaty, school 7"
    assert where.voting_day.date() == dt.date(2021, 1, 10)
    assert window.draft.case.contested.place == "Almaty, school 7"
    assert window.draft.case.complainant.email == "new.address@example.kz"
    assert wizard.go_to_page(4)
    assert parties.complainant.widgets["email"].text() == "new.address@example.kz"


def _requirement_fields() -> list[str]:
    from kzcomplaint.core.law import checks

    return sorted({field for requirement in checks.requirements() for field in requirement.fields})


@pytest.mark.parametrize("field", _requirement_fields())
def test_every_checked_field_can_be_reached(make_window, field: str) -> None:
    window = make_window("en")
    case = complete_case()
    case.representative = None
    window.draft.replace_case(case)
    widget = window.wizard.go_to_field(field)
    assert widget is not None, field
    assert widget.isVisible(), field
    page = window.wizard.currentPage()
    decision_details = ("contested.decision_number", "contested.published_in", "contested.published_on")
    if field in (*decision_details, "contested.received_on"):
        # The case contests an action: the decision's details lead to "what is contested".
        assert widget is page.type
        window.draft.case.contested.type = "decision"
        page.load()
        widget = window.wizard.go_to_field(field)
        assert widget.isVisible(), field
    if field == "addressee.number" and window.draft.case.addressee.level == "territorial":
        # A territorial commission is known by its name: its name is asked for, not a number.
        assert widget is page.widget_for("addressee.name")
        return
    assert page.widget_for(field) is widget


def test_searching_does_not_change_the_chosen_situation(make_window, qtbot) -> None:
    window = make_window("ru")
    window.draft.replace_case(complete_case())
    assert window.wizard.go_to_page(1)
    page = window.wizard.currentPage()
    page.search.setText("выгнали")
    assert window.draft.case.template == "observer_denied_entry"
    assert page.proxy.rowCount() > 0
    visible = page.proxy.index(0, 0)
    kind = page.proxy.index(0, 0, visible)
    picked = kind.data(KIND_ROLE)
    page.tree.setCurrentIndex(kind)  # the user picks a found situation
    assert window.draft.case.template == picked != "observer_denied_entry"
    page.search.clear()
    assert window.draft.case.template == picked
    assert page.tree.currentIndex().data(KIND_ROLE) == picked


def test_a_kazakh_word_finds_its_situation_in_a_russian_interface(make_window) -> None:
    window = make_window("ru")
    window.new_case(ask=False, go_on=True)
    page = window.wizard.currentPage()
    page.search.setText("шығарып")
    found = {
        page.proxy.index(row, 0, page.proxy.index(group, 0)).data(KIND_ROLE)
        for group in range(page.proxy.rowCount())
        for row in range(page.proxy.rowCount(page.proxy.index(group, 0)))
    }
    assert "observer_removed" in found
    assert not page.empty_label.isVisibleTo(page)
    page.search.setText("удалили")  # the interface's own language still comes first
    assert page.proxy.rowCount() > 0
