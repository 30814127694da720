"""Election Law art. 89 para. 7 in the window: a district commission's decision appealed to the CEC.

«Отказ в регистрации или отмена решения о регистрации … кандидата по одномандатному территориальному
избирательному округу могут быть в семидневный срок обжалованы в Центральную избирательную комиссию»:
the Deadlines page shows the seven days while the question is unanswered, says why up front, and drops
them once the user says the decision is not such a refusal.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from gui_cases import complete_case

from kzcomplaint.gui.pages import STEP_TITLES
from kzcomplaint.gui.pages.deadlines import DeadlinesPage

SEVEN_DAYS = "election.party_list_registration_appeal"


def _district_decision(answer: str):
    case = complete_case()
    case.template = "appeal_to_higher_commission"
    case.respondent = dataclasses.replace(case.respondent, level="district", name="Окружная избирательная комиссия")
    case.addressee = dataclasses.replace(
        case.addressee, level="cec", name="Центральная избирательная комиссия Республики Казахстан"
    )
    case.contested = dataclasses.replace(case.contested, type="decision", date=dt.date(2021, 1, 4))
    case.details = {"lower_commission_act": "Отказано в регистрации кандидата.", "registration_decision": answer}
    return case


def _deadlines_page(window, qtbot) -> DeadlinesPage:
    assert window.wizard.go_to_page(list(STEP_TITLES).index("deadlines"))
    page = window.wizard.currentPage()
    assert isinstance(page, DeadlinesPage), page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    return page


@pytest.mark.parametrize(
    ("language", "seven", "question"),
    [
        ("kk", "ЖЕТІ күн", "бір мандатты аумақтық сайлау округі бойынша кандидатты"),
        ("ru", "СЕМИ дней", "отказ в регистрации кандидата по одномандатному территориальному"),
    ],
)
def test_unanswered_the_seven_days_show_and_the_page_says_why(
    make_window, qtbot, language: str, seven: str, question: str
) -> None:
    window = make_window(language)
    window.draft.replace_case(_district_decision(""))
    page = _deadlines_page(window, qtbot)
    assert SEVEN_DAYS in [term.rule for term in window.draft.deadlines]
    assert page.alerts.isVisibleTo(page)
    assert question in page.alerts.text()  # the question, by its label, says what lifts the term
    assert "registration_decision" not in page.alerts.text()
    notes = [term.note[language] for term in window.draft.deadlines if term.rule == SEVEN_DAYS]
    assert seven in notes[0]
    # Two terms, two last days: each line up front names its term, so the user knows which is which;
    # the blank question, which holds for two terms, is said once.
    titles = [term.title[language] for term in window.draft.deadlines]
    lines = page.alerts.text().splitlines()
    assert lines and all(
        any(line.startswith(f"{title}: ") or line.startswith(f"{title}; ") for title in titles) for line in lines
    ), lines
    assert len([line for line in lines if question in line]) == 1, lines


def test_answered_no_the_seven_days_go(make_window, qtbot) -> None:
    window = make_window("ru")
    window.draft.replace_case(_district_decision("other"))
    page = _deadlines_page(window, qtbot)
    rules = [term.rule for term in window.draft.deadlines]
    assert SEVEN_DAYS not in rules and "election.appeal_filing" in rules
    assert "одномандатному" not in page.alerts.text()


def test_answered_yes_only_the_seven_days(make_window, qtbot) -> None:
    window = make_window("ru")
    window.draft.replace_case(_district_decision("registration_refusal"))
    _deadlines_page(window, qtbot)
    rules = [term.rule for term in window.draft.deadlines]
    assert SEVEN_DAYS in rules and "election.appeal_filing" not in rules
    [term] = [term for term in window.draft.deadlines if term.rule == SEVEN_DAYS]
    assert term.last_day == dt.date(2021, 1, 11) and not term.unanswered
