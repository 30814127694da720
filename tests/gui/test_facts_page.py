"""The facts page: questions by type, a facts text that follows the answers until the user edits it."""

from __future__ import annotations

import pytest
from gui_cases import complete_case
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QMessageBox, QPlainTextEdit

from kzcomplaint.gui.pages.facts import FactsPage, QuestionInput
from kzcomplaint.gui.widgets.fields import TimeField


def _facts_page(window) -> FactsPage:
    case = complete_case()
    case.facts = ""
    window.draft.replace_case(case)
    assert window.wizard.go_to_page(3)
    page = window.wizard.currentPage()
    assert isinstance(page, FactsPage)
    return page


def test_question_widgets_follow_their_type(make_window) -> None:
    page = _facts_page(make_window("en"))
    inputs = {path: entry.widget for path, entry in page.fields.items() if path.startswith("details.")}
    assert isinstance(inputs["details.written_decision"].input, QComboBox)
    assert isinstance(inputs["details.documents_presented"].input, QPlainTextEdit)
    assert isinstance(inputs["details.admitted_at"].input, TimeField)
    assert all(isinstance(widget, QuestionInput) for widget in inputs.values())
    # Required questions are marked; labels are in the interface language.
    assert page.fields["details.refused_by"].label.text().endswith("*")
    assert "Who refused" in page.fields["details.refused_by"].label.text()


def test_facts_follow_answers_until_edited(make_window, qtbot, monkeypatch) -> None:
    window = make_window("en")
    page = _facts_page(window)
    refused_by = page.fields["details.refused_by"].widget.input
    refused_by.setText("The chair, A. B. Testov")
    refused_by.textEdited.emit(refused_by.text())
    assert "The chair, A. B. Testov" in page.facts.toPlainText()
    assert window.draft.case.facts == page.facts.toPlainText()
    # The user edits the facts: later answers no longer overwrite them.
    page.facts.setPlainText("My own words.")
    refused_by.setText("The secretary")
    refused_by.textEdited.emit(refused_by.text())
    assert page.facts.toPlainText() == "My own words."
    assert "no longer redrafted" in page.facts_state.text()
    # Redraft asks first; answering No keeps the user's words.
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No)
    page.redraft()
    assert page.facts.toPlainText() == "My own words."
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    page.redraft()
    assert "The secretary" in page.facts.toPlainText()


@pytest.mark.parametrize(("language", "yes", "no"), [("ru", "Да", "Нет"), ("kk", "Иә", "Жоқ"), ("en", "Yes", "No")])
def test_yes_no_answer_is_stored_as_yes_or_no(make_window, language: str, yes: str, no: str) -> None:
    window = make_window(language)
    page = _facts_page(window)
    combo = page.fields["details.receipt_mark"].widget.input
    assert [combo.itemData(index) for index in range(combo.count())] == ["", "yes", "no"]
    assert [combo.itemText(index) for index in range(1, combo.count())] == [yes, no]
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)  # from "not answered" to the first answer
    assert combo.currentText() == yes
    assert window.draft.case.details["receipt_mark"] == "yes"
    QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == no
    assert window.draft.case.details["receipt_mark"] == "no"


def test_suggested_requests_are_filled_and_follow_the_document_language(make_window) -> None:
    window = make_window("en")
    case = complete_case()
    case.requests = []
    window.draft.replace_case(case)
    window.wizard.go_to_page(3)
    page = window.wizard.currentPage()
    russian = list(window.draft.case.requests)
    assert russian and all(request.strip() for request in russian)
    page.draft_language.setCurrentIndex(page.draft_language.findData("kk"))
    assert window.draft.case.language == "kk"
    assert window.draft.case.requests != russian, "untouched suggestions switch language"
    page.requests.setPlainText("Only this request.")
    page.draft_language.setCurrentIndex(page.draft_language.findData("en"))
    assert window.draft.case.requests == ["Only this request."], "the user's own requests are kept"


def test_evidence_items(make_window, monkeypatch, tmp_path) -> None:
    window = make_window("en")
    page = _facts_page(window)
    photo = tmp_path / "photo_0740.jpg"
    photo.write_bytes(b"synthetic")
    from kzcomplaint.gui.widgets import files

    monkeypatch.setattr(files, "open_files", lambda *args, **kwargs: [str(photo)])
    page.add_file_button.click()
    evidence = window.draft.case.evidence
    assert evidence[-1].file == str(photo) and evidence[-1].description == "photo_0740"
    index = page.evidence_model.index(len(evidence) - 1, 0)
    page.evidence_model.setData(index, "Photo of the closed door")
    assert window.draft.case.evidence[-1].description == "Photo of the closed door"
    page.evidence_view.setCurrentIndex(index)
    page.remove_item_button.click()
    assert len(window.draft.case.evidence) == len(evidence) - 1
