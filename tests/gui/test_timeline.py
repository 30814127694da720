"""The timeline dialog, recording what happened, the next step, the start page's terms and the year's calendar."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from gui_cases import complete_case
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kzcomplaint.core.case import caseio, drafts, limits
from kzcomplaint.core.case.model import Body, Case, Contested
from kzcomplaint.gui.dialogs.filing import ANSWER, FILING, REFUSAL, RecordDialog
from kzcomplaint.gui.dialogs.timeline import TimelineDialog
from kzcomplaint.gui.dialogs.workdays import WorkdaysDialog

D = dt.date


def precinct_case() -> Case:
    """A complaint to the precinct commission about its own action (no name of a directory body)."""
    case = complete_case()
    case.template = "observer_removed"
    case.election.voting_day = D(2024, 3, 10)
    case.respondent = Body(level="precinct", name="Участковая избирательная комиссия", number="205")
    case.addressee = Body(level="precinct", name="Участковая избирательная комиссия", number="205")
    case.contested = Contested(type="action", date=D(2024, 3, 10), time="14:20")
    return case


def opened(make_window, tmp_path: Path, language: str, today: dt.date) -> tuple[object, Path]:
    path = tmp_path / "complaint.json"
    caseio.save_case(precinct_case(), path)
    window = make_window(language, role="trainer")
    window.draft.set_today(today)
    assert window.open_path(path, ask=False)
    return window, path


def texts(model, column: int = 0) -> list[str]:
    return [model.item(row, column).text() for row in range(model.rowCount())]


def test_record_the_handing_in_and_the_bodys_term_replaces_the_filers(make_window, qtbot, tmp_path: Path) -> None:
    window, path = opened(make_window, tmp_path, "ru", D(2024, 3, 14))
    dialog = window.show_timeline()
    assert isinstance(dialog, TimelineDialog)
    assert texts(dialog.steps_model) == ["1. Жалоба на удаление наблюдателя с избирательного участка (это дело)"]
    assert any("20 марта 2024 года" in text for text in texts(dialog.due_model))
    assert not dialog.answer_button.isEnabled(), "no answer before the document is handed in"

    form = RecordDialog(dialog.translator, FILING, window.draft.case, D(2024, 3, 14), dialog)
    form.number.setText("15")
    form.person.setText("Д. Е. Тестова")
    form.time.edit.setText("10.05")
    form.buttons.button(form.buttons.StandardButton.Ok).click()
    assert form.result() == form.DialogCode.Accepted
    assert dialog.apply(form.result_case())

    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["filings"][0]["date"] == "2024-03-14" and saved["filings"][0]["time"] == "10:05"
    due = texts(dialog.due_model)
    assert len(due) == 1 and "19 марта 2024 года" in due[0] and "ч. 4 ст. 49" in due[0]
    assert "20 марта" not in due[0], "the reminder to file is gone"
    handed = dialog.steps_model.item(0, 2).text()
    assert "14 марта 2024 года" in handed and "15" in handed and "Д. Е. Тестова" in handed
    assert dialog.answer_button.isEnabled()
    dialog.reject()


def test_a_record_that_does_not_fit_is_said_in_the_form_and_nothing_changes(make_window, tmp_path: Path) -> None:
    window, path = opened(make_window, tmp_path, "kk", D(2024, 3, 14))
    before = path.read_bytes()
    form = RecordDialog(window.translator, FILING, window.draft.case, D(2024, 3, 14), window)
    form.date.edit.setText("20.03.2024")
    form.date.edit.editingFinished.emit()
    form.buttons.button(form.buttons.StandardButton.Ok).click()
    assert form.result() != form.DialogCode.Accepted
    assert form.problem.isVisibleTo(form) and "2024 жылғы 20 наурыз" in form.problem.text()
    assert form.result_case() is None and path.read_bytes() == before


def test_the_record_forms_hold_what_a_case_file_holds_and_say_so_in_words(make_window, tmp_path: Path) -> None:
    # Eleven witnesses, or a name longer than a case file holds, never reach the core's refusal,
    # whose message names the record's internal field (refusals.0.witnesses).
    window, path = opened(make_window, tmp_path, "ru", D(2024, 3, 14))
    before = path.read_bytes()
    form = RecordDialog(window.translator, REFUSAL, window.draft.case, D(2024, 3, 14), window)
    form.person.setText("П" * 5000)
    assert len(form.person.text()) == limits.text_limit("refusals.0.refused_by")
    form.witnesses.setPlainText("\n".join(f"Свидетель {number}, +7 700 000 00 {number:02d}" for number in range(11)))
    form.buttons.button(form.buttons.StandardButton.Ok).click()
    assert form.result() != form.DialogCode.Accepted and form.result_case() is None
    shown = form.problem.text()
    assert "не более 10 свидетелей" in shown and "в списке их 11" in shown
    assert "refusals" not in shown and "witnesses" not in shown
    assert path.read_bytes() == before
    form.witnesses.setPlainText("\n".join(f"Свидетель {number}" for number in range(10)))
    form.buttons.button(form.buttons.StandardButton.Ok).click()
    assert form.result() == form.DialogCode.Accepted
    assert len(form.result_case().refusals[-1].witnesses) == 10


def test_no_answer_then_the_next_step_is_drafted_saved_and_opened(make_window, qtbot, tmp_path: Path) -> None:
    window, path = opened(make_window, tmp_path, "kk", D(2024, 3, 14))
    dialog = window.show_timeline()
    form = RecordDialog(dialog.translator, FILING, window.draft.case, D(2024, 3, 14), dialog)
    form.buttons.button(form.buttons.StandardButton.Ok).click()
    dialog.apply(form.result_case())
    window.draft.set_today(D(2024, 3, 20))
    dialog.refresh()
    assert dialog.next_button.isEnabled()
    offered = texts(dialog.next_model)
    assert offered[0].startswith("Жоғары тұрған сайлау комиссиясына шағым")
    assert "2024 жылғы 30 наурыз" in offered[0]
    assert "20-бабының 9-тармағы" in dialog.next_model.item(0).toolTip(), "the reading and its citation"
    nxt = tmp_path / "appeal.json"
    assert dialog.draft_next(nxt) == nxt
    assert window.draft.path == nxt and window.draft.case.template == "appeal_to_higher_commission"
    assert [step.template for step in window.draft.case.history] == ["observer_removed"]
    assert dialog.steps_model.rowCount() == 2, "the dialog now shows the new case's whole chain"
    assert dialog.steps_model.item(0, 4).text() == "мерзімнің соңғы күні (2024 жылғы 19 наурыз) өткенге дейін жауап жоқ"
    dialog.reject()


def test_a_refusal_drafts_the_act_and_proposes_the_complaint(make_window, tmp_path: Path) -> None:
    window, _path = opened(make_window, tmp_path, "ru", D(2024, 3, 11))
    dialog = window.show_timeline()
    form = RecordDialog(dialog.translator, REFUSAL, window.draft.case, D(2024, 3, 11), dialog)
    form.person.setText("Б. Е. Примеров")
    form.witnesses.setPlainText("Тестов Арман, +7 700 000 00 71\nПробная Дана")
    form.buttons.button(form.buttons.StandardButton.Ok).click()
    dialog.apply(form.result_case())
    assert dialog.act_button.isVisibleTo(dialog)
    assert texts(dialog.next_model)[0].startswith("Жалоба на отказ принять жалобу или акт")
    act = tmp_path / "act.json"
    assert dialog.draft_act(act) == act
    assert window.draft.case.template == "refusal_to_accept_act"
    assert window.draft.case.details["witnesses"] == "Тестов Арман, +7 700 000 00 71\nПробная Дана"
    dialog.reject()


def _unconfirmed(found):
    """``found`` with every citation of its terms and next steps marked unconfirmed."""

    def off(citation):
        return dataclasses.replace(citation, confirmed=False)

    due = tuple(
        dataclasses.replace(item, deadline=dataclasses.replace(item.deadline, citation=off(item.deadline.citation)))
        for item in found.due
    )
    proposals = tuple(
        dataclasses.replace(step, basis=dataclasses.replace(step.basis, citation=off(step.basis.citation)))
        for step in found.proposals
    )
    return dataclasses.replace(found, due=due, proposals=proposals)


def test_an_unconfirmed_citation_is_marked_on_the_timeline(make_window, tmp_path: Path, monkeypatch) -> None:
    # Every citation the app shows is marked when the team could not read its source: the timeline's
    # terms and next steps too, not only the Deadlines and Check pages.
    from kzcomplaint.core.filing import timeline

    real = timeline.case_timeline
    monkeypatch.setattr(timeline, "case_timeline", lambda *args, **kwargs: _unconfirmed(real(*args, **kwargs)))
    window, _path = opened(make_window, tmp_path, "en", D(2024, 3, 14))
    dialog = window.show_timeline()
    form = RecordDialog(dialog.translator, FILING, window.draft.case, D(2024, 3, 14), dialog)
    form.buttons.button(form.buttons.StandardButton.Ok).click()
    dialog.apply(form.result_case())
    due = texts(dialog.due_model)
    assert due and all("(unconfirmed)" in text for text in due), due
    window.draft.set_today(D(2024, 3, 20))
    dialog.refresh()
    tips = [dialog.next_model.item(row).toolTip() for row in range(dialog.next_model.rowCount())]
    assert tips and all("(unconfirmed)" in tip for tip in tips), tips
    dialog.reject()


def test_a_case_that_cannot_be_saved_stops_the_next_document(make_window, tmp_path: Path, monkeypatch) -> None:
    # The refusal recorded could not be saved (a folder gone read-only): drafting the act must say so
    # and stop, not end in the crash dialog, and not open the act in the place of the unsaved case.
    from kzcomplaint.core.text.i18n import Message

    window, path = opened(make_window, tmp_path, "ru", D(2024, 3, 11))
    dialog = window.show_timeline()
    form = RecordDialog(dialog.translator, REFUSAL, window.draft.case, D(2024, 3, 11), dialog)
    form.person.setText("Б. Е. Примеров")
    form.buttons.button(form.buttons.StandardButton.Ok).click()

    def refuse(_case, target) -> None:
        raise caseio.CaseSaveError(str(target), Message("The folder is read-only."))

    monkeypatch.setattr(caseio, "save_case", refuse)
    dialog.apply(form.result_case())
    assert window.draft.dirty and dialog.status.is_error
    act = tmp_path / "act.json"
    assert dialog.draft_act(act) is None
    assert dialog.status.is_error and not act.exists()
    assert window.draft.path == path and window.draft.dirty and window.draft.case.refusals
    dialog.reject()


def test_the_answer_form_no_answer_has_no_date(make_window, tmp_path: Path) -> None:
    window, _path = opened(make_window, tmp_path, "en", D(2024, 3, 14))
    dialog = window.show_timeline()
    form = RecordDialog(dialog.translator, FILING, window.draft.case, D(2024, 3, 14), dialog)
    form.buttons.button(form.buttons.StandardButton.Ok).click()
    dialog.apply(form.result_case())
    answer = RecordDialog(dialog.translator, ANSWER, window.draft.case, D(2024, 3, 20), dialog)
    answer.outcome.setCurrentIndex(answer.outcome.findData("none"))
    assert not answer.date.isEnabled()
    answer.buttons.button(answer.buttons.StandardButton.Ok).click()
    dialog.apply(answer.result_case())
    assert window.draft.case.answer is not None and window.draft.case.answer.outcome == "none"
    assert texts(dialog.next_model), "no answer: the next step is offered"
    dialog.reject()


def test_document_page_and_start_page_open_the_timeline(make_window, qtbot, tmp_path: Path) -> None:
    window, path = opened(make_window, tmp_path, "ru", D(2024, 3, 14))
    window.wizard.go_to_page(len(window.wizard.pages) - 1)
    page = window.document_page
    qtbot.mouseClick(page.timeline_button, Qt.MouseButton.LeftButton)
    assert isinstance(window.timeline_dialog, TimelineDialog) and window.timeline_dialog.isVisible()
    window.timeline_dialog.reject()
    window.wizard.go_to_page(0)
    start = window.start_page
    start.load()
    assert start.timeline_button.isEnabled()
    qtbot.mouseClick(start.timeline_button, Qt.MouseButton.LeftButton)
    assert window.timeline_dialog.isVisible()
    window.timeline_dialog.reject()


def test_start_page_says_the_body_must_answer_by(make_window, qtbot, tmp_path: Path) -> None:
    case = precinct_case()
    from kzcomplaint.core.case.model import Filing

    case.filings = [Filing(date=D(2024, 3, 14))]
    path = tmp_path / "filed.json"
    caseio.save_case(case, path)
    drafts.remember_case(path, case.template)
    window = make_window("ru", role="trainer")
    window.draft.set_today(D(2024, 3, 15))
    start = window.start_page
    start.release_terms()
    start.load()
    qtbot.waitUntil(lambda: start.terms_model.rowCount() > 0, timeout=10_000)
    rules = texts(start.terms_model, 2)
    assert any("последний день для ответа — 19 марта 2024 года" in text for text in rules)
    assert not any("20 марта" in text for text in texts(start.terms_model, 0)), "the filer's own term is gone"


def test_the_years_calendar_shows_sources_and_takes_an_entry_of_ones_own(make_window, tmp_path: Path) -> None:
    window = make_window("kk")
    dialog = window.show_workdays()
    assert isinstance(dialog, WorkdaysDialog)
    dialog.year.setValue(2024)
    assert dialog.select_date(D(2024, 3, 21))
    row = dialog.view.currentIndex().row()
    assert "Наурыз" in dialog.model.item(row, 2).text()
    assert not dialog.remove_button.isEnabled(), "only one's own entries can be taken out"
    dialog.date.edit.setText("04.03.2026")
    dialog.date.edit.editingFinished.emit()
    dialog.reason.setText("Үкімет қаулысы (оқу мысалы)")
    assert dialog.add()
    assert dialog.year.value() == 2026 and dialog.select_date(D(2026, 3, 4))
    assert dialog.remove_button.isEnabled()
    assert dialog.remove_selected()
    assert not dialog.select_date(D(2026, 3, 4))
    dialog.reject()
    QApplication.processEvents()
