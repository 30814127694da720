"""Synthetic cases for the GUI tests (a module of its own name: every test folder has a ``conftest``)."""

from __future__ import annotations

import datetime as dt

from kzcomplaint.core.case.model import Body, Case, Contested, Election, Evidence, Person

SYNTHETIC_IIN = "800416400005"
"""Made with core.ids.make_iin for 16 April 1980 (female): no real person."""


def complete_case() -> Case:
    """A fictitious case with every detail a court asks for."""
    return Case(
        template="observer_denied_entry",
        language="ru",
        election=Election(kind="parliamentary", voting_day=dt.date(2021, 1, 10)),
        complainant=Person(
            full_name="Тестова Айгерим Тестовна",
            iin=SYNTHETIC_IIN,
            birth_date=dt.date(1980, 4, 16),
            birth_place="г. Алматы",
            address="г. Алматы, ул. Примерная, д. 1, кв. 1",
            phone="+7 700 000 00 01",
            email="observer@example.kz",
            role="observer",
            organization="ОО «Пример» (вымышленная организация)",
        ),
        respondent=Body(
            level="precinct",
            name="Участковая избирательная комиссия",
            number="123",
            address="г. Алматы, ул. Примерная, д. 10",
            phone="+7 700 000 00 02",
        ),
        addressee=Body(
            level="territorial",
            name="Территориальная избирательная комиссия города Алматы",
            address="г. Алматы, пр. Примерный, д. 5",
            phone="+7 700 000 00 03",
        ),
        contested=Contested(type="action", date=dt.date(2021, 1, 10), time="07:40", place="г. Алматы, школа № 1"),
        facts="Председатель комиссии не допустил меня на участок в 07:40.",
        details={
            "refused_by": "Председатель комиссии (вымышленный)",
            "documents_presented": "Направление организации, удостоверение личности",
            "stated_reason": "«Лимит наблюдателей исчерпан»",
            "written_decision": "no",
            "first_steps": "Вручила председателю письменное заявление",
        },
        requests=["Признать действия комиссии незаконными."],
        evidence=[Evidence(description="Видеозапись отказа")],
        filing_date=dt.date(2021, 1, 11),
    )


def wait_assessed(window, qtbot) -> None:
    """Wait until the window's case has been checked: the check runs off the UI thread."""
    qtbot.waitUntil(lambda: window.draft.assessed and not window.draft.checking)
