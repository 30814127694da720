"""Problems in the user's words: they name the body and the tab, and "Go to field" lands on the field."""

from __future__ import annotations

import dataclasses

from gui_cases import complete_case, wait_assessed
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kzcomplaint.gui.widgets.fields import tab_of

CHECK_PAGE, PARTIES_PAGE = 6, 4


def _select(check, code: str):
    problems = check.draft.problems
    row = next(index for index, problem in enumerate(problems) if problem.code == code)
    check.view.setCurrentIndex(check.model.index(row, 0))
    return problems[row]


def test_respondent_address_problem_names_the_body_and_the_tab(make_window, qtbot) -> None:
    window = make_window("ru")
    case = complete_case()
    case.respondent = dataclasses.replace(case.respondent, address="", phone="")
    window.draft.replace_case(case)
    assert window.wizard.go_to_page(CHECK_PAGE)
    wait_assessed(window, qtbot)
    check = window.wizard.currentPage()
    problem = _select(check, "respondent.address_missing")
    message = problem.message["ru"]
    assert "Участковая избирательная комиссия № 123" in message
    assert "обжалуете" in message and "не адресат" in message
    assert "на которую подаётся" not in message
    details = check.details.text()
    assert "Стороны › Ответчик" in details, details
    assert "respondent" not in details

    qtbot.mouseClick(check.go_button, Qt.MouseButton.LeftButton)
    assert window.wizard.currentId() == PARTIES_PAGE
    parties = window.wizard.currentPage()
    focused = QApplication.focusWidget()
    assert focused is parties.respondent.widgets["address"]
    assert tab_of(focused) == "Ответчик"
    assert parties.tabs.tabText(parties.tabs.currentIndex()) == "Ответчик"


def test_kazakh_and_english_messages_name_the_body(make_window, qtbot) -> None:
    window = make_window("kk")
    case = complete_case()
    case.respondent = dataclasses.replace(case.respondent, address="", phone="", email="")
    window.draft.replace_case(case)
    window.draft.recheck()
    wait_assessed(window, qtbot)
    for code in ("respondent.address_missing", "respondent.contacts_missing"):
        problem = next(p for p in window.draft.problems if p.code == code)
        assert "№ 123 учаскелік сайлау комиссиясы" in problem.message["kk"], code
        assert "Precinct election commission No. 123" in problem.message["en"], code
        assert "Участковая избирательная комиссия № 123" in problem.message["ru"], code


def test_addressee_problem_names_the_addressee_level(make_window, qtbot) -> None:
    window = make_window("en")
    case = complete_case()
    case.addressee = dataclasses.replace(case.addressee, name="")
    window.draft.replace_case(case)
    assert window.wizard.go_to_page(CHECK_PAGE)
    wait_assessed(window, qtbot)
    check = window.wizard.currentPage()
    problem = _select(check, "addressee.name_missing")
    assert "territorial election commission" in problem.message["en"]
    assert "Parties › Addressee" in check.details.text()


def test_a_missing_trigger_date_is_named_in_words(make_window) -> None:
    from kzcomplaint.core.law import deadlines

    case = complete_case()
    case.filing_date = None
    texts = [
        warning.message.render(_translator("ru"))
        for deadline in deadlines.case_deadlines(case)
        for warning in deadline.warnings
    ]
    assert texts
    assert not [text for text in texts if "filing_date" in text or "(field" in text or "поле" in text], texts


def _translator(language: str):
    from kzcomplaint.core.text.i18n import translator

    return translator(language)
