"""Fixtures of the GUI tests: a main window in a private home, and synthetic cases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kzcomplaint.core.model import Body, Case, Contested, Election, Evidence, Person

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


@pytest.fixture
def make_window(qtbot, kz_home: Path) -> Iterator:
    """Build main windows in ``kz_home`` (observer role, language chosen); closed and reset after the test."""
    from kzcomplaint.app import build_main_window
    from kzcomplaint.gui import workers
    from kzcomplaint.gui.settings import UiSettings

    built = []

    def make(language: str = "en", role: str = "observer"):
        settings = UiSettings()
        settings.language = language
        settings.role = role
        window = build_main_window(language, settings=settings)
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        with qtbot.waitActive(window):
            window.activateWindow()
        built.append(window)
        return window

    yield make
    workers.wait_for_all()
    for window in built:
        window.draft.autosave_timer.stop()
        window.ui.set_language("en")
        window.deleteLater()
    QApplication.processEvents()
