"""Inline feedback as the user types: dates in three languages, times, IIN, phone, e-mail."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from kzcomplaint.core.text.i18n import translator
from kzcomplaint.gui.widgets.fields import (
    CheckedLineEdit,
    DateField,
    TimeField,
    email_verdict,
    iin_verdict,
    phone_verdict,
)


@pytest.fixture
def date_field(qtbot):
    field = DateField()
    qtbot.addWidget(field)
    field.retranslate(translator("en"))
    return field


@pytest.mark.parametrize(
    "typed",
    ["10.01.2021", "2021-01-10", "10 января 2021 года", "2021 жылғы 10 қаңтар", "10 January 2021", "January 10, 2021"],
)
def test_date_typed_in_any_language(date_field, qtbot, typed: str) -> None:
    with qtbot.waitSignal(date_field.dateChanged, timeout=3_000) as signal:
        date_field.edit.setText(typed)
        date_field.edit.editingFinished.emit()
    assert signal.args == [dt.date(2021, 1, 10)]
    assert date_field.feedback.text() == "10 January 2021"
    assert not date_field.has_error()


def test_date_typed_by_keys_parses_after_a_pause(date_field, qtbot) -> None:
    qtbot.keyClicks(date_field.edit, "10.01.2021")
    qtbot.waitUntil(lambda: date_field.date() == dt.date(2021, 1, 10), timeout=3_000)


def test_impossible_date_is_explained_inline(date_field) -> None:
    date_field.edit.setText("31.02.2021")
    date_field.edit.editingFinished.emit()
    assert date_field.date() is None
    assert date_field.has_error()
    assert "not a real date" in date_field.feedback.text()


def test_date_feedback_follows_the_interface_language(date_field) -> None:
    date_field.set_date(dt.date(2021, 1, 10))
    date_field.retranslate(translator("kk"))
    assert date_field.feedback.text() == "2021 жылғы 10 қаңтар"
    date_field.retranslate(translator("ru"))
    assert date_field.feedback.text() == "10 января 2021 года"


def test_calendar_pick_sets_the_date(date_field, qtbot) -> None:
    from PySide6.QtCore import QDate

    with qtbot.waitSignal(date_field.dateChanged, timeout=3_000):
        date_field.calendar.clicked.emit(QDate(2024, 3, 17))
    assert date_field.date() == dt.date(2024, 3, 17)
    assert date_field.edit.text() == "17.03.2024"


def test_half_typed_date_survives_a_reload(date_field) -> None:
    date_field.edit.setText("31.02.20")
    date_field.edit.editingFinished.emit()
    date_field.set_date(None)
    assert date_field.edit.text() == "31.02.20"


def test_time_field(qtbot) -> None:
    field = TimeField()
    qtbot.addWidget(field)
    field.retranslate(translator("en"))
    qtbot.keyClicks(field.edit, "1430")
    assert field.value() == "14:30"
    field.edit.setText("25:00")
    qtbot.keyClick(field.edit, Qt.Key.Key_End)
    field.edit.textEdited.emit("25:00")
    assert field.feedback.is_error


@pytest.mark.parametrize(
    ("verdict", "text", "valid", "shown"),
    [
        (iin_verdict, "800416400005", True, "16 April 1980"),
        (iin_verdict, "800416400006", False, "last digit"),
        (iin_verdict, "12345", False, "12 digits"),
        (phone_verdict, "8 700 000 00 01", True, "+7 700 000 00 01"),
        (phone_verdict, "+7 999 123 45 67", False, "Kazakhstan"),
        (email_verdict, "name@example.kz", True, ""),
        (email_verdict, "name@", False, "e-mail"),
    ],
)
def test_identifier_verdicts(verdict, text: str, valid: bool, shown: str) -> None:
    ok, message = verdict(text, translator("en"))
    assert ok is valid
    assert shown in message


def test_checked_line_edit_shows_the_verdict_as_you_type(qtbot) -> None:
    field = CheckedLineEdit(iin_verdict)
    qtbot.addWidget(field)
    field.retranslate(translator("en"))
    field.show()
    qtbot.keyClicks(field.edit, "80041640000")
    assert field.has_error()
    qtbot.keyClicks(field.edit, "5")
    assert not field.has_error()
    assert "16 April 1980" in field.feedback.text()


def test_a_superscript_digit_in_a_date_field_is_a_clear_error(qtbot) -> None:
    # "Something went wrong" (an uncaught ValueError) before.
    from kzcomplaint.core.text.i18n import translator
    from kzcomplaint.gui.widgets.fields import DateField

    field = DateField()
    qtbot.addWidget(field)
    field.retranslate(translator("ru"))
    field.edit.setText("10.01.202³")
    field._parse()  # noqa: SLF001 - what the typing delay triggers
    assert field.date() is None and field.has_error()
    assert "³" in field.feedback.text() and "0–9" in field.feedback.text()
