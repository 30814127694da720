"""Typed text is never dropped: unreadable dates stay in the field, marked; «вчера», «кеше», "today" are read."""

from __future__ import annotations

import datetime as dt

from gui_cases import complete_case

from kzcomplaint.gui.widgets.fields import DateField

WHERE_WHEN_PAGE = 2
CHECK_PAGE = 6


def _type(field: DateField, text: str) -> None:
    field.edit.setFocus()
    field.edit.setText(text)
    field.edit.textEdited.emit(text)
    field.edit.editingFinished.emit()


def test_unreadable_date_stays_marked_after_leaving_the_page(make_window) -> None:
    window = make_window("kk")
    case = complete_case()
    case.contested.date = None
    window.draft.replace_case(case)
    wizard = window.wizard
    assert wizard.go_to_page(WHERE_WHEN_PAGE)
    page = wizard.currentPage()
    _type(page.date, "31 ақпан 2021")
    assert page.date.has_error()
    assert page.date.edit.property("unread") is True
    for elsewhere in (3, 5, 1, 7):
        assert wizard.go_to_page(elsewhere)
        assert wizard.go_to_page(WHERE_WHEN_PAGE)
        assert page.date.edit.text() == "31 ақпан 2021", elsewhere
        assert page.date.has_error() and page.date.feedback.isVisible()
        assert page.date.edit.property("unread") is True
    window.set_language("ru")
    assert page.date.edit.text() == "31 ақпан 2021"
    assert "февраль" not in page.date.feedback.text() and page.date.has_error()
    # The check page says which field holds text it could not read, and leads to it.
    assert wizard.go_to_page(CHECK_PAGE)
    check = wizard.currentPage()
    assert check.unread.isVisible()
    assert "31 ақпан 2021" in check.unread.text()
    assert "Где и когда" in check.unread.text() and "contested.date" not in check.unread.text().split('"')[::2][0]
    check.unread.linkActivated.emit("contested.date")
    assert wizard.currentId() == WHERE_WHEN_PAGE


def test_a_new_case_starts_with_empty_date_fields(make_window) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case())
    assert window.wizard.go_to_page(WHERE_WHEN_PAGE)
    page = window.wizard.currentPage()
    _type(page.filing_date, "the 5th")
    assert page.filing_date.has_error()
    window.new_case(ask=False, go_on=True)
    assert page.filing_date.edit.text() == ""
    assert not page.filing_date.has_error()
    assert page.filing_date.edit.property("unread") is not True


def test_yesterday_is_read_against_the_trainers_today(make_window) -> None:
    window = make_window("ru", role="trainer")
    window.draft.set_today(dt.date(2021, 1, 11))
    case = complete_case()
    case.contested.date = None
    window.draft.replace_case(case)
    assert window.wizard.go_to_page(WHERE_WHEN_PAGE)
    page = window.wizard.currentPage()
    page.date.edit.setText("вчера")
    page.date.edit.textEdited.emit("вчера")
    page.date._parse()  # the pause after typing
    assert page.date.date() == dt.date(2021, 1, 10)
    assert page.date.feedback.text() == "«вчера» прочитано как 10 января 2021 года"
    assert window.draft.case.contested.date == dt.date(2021, 1, 10)
    page.date.edit.editingFinished.emit()  # the user leaves the field
    assert page.date.edit.text() == "10.01.2021", "the word becomes the date it was read as"
    assert not page.date.has_error()


def test_kazakh_and_english_words_for_today_and_yesterday(make_window) -> None:
    window = make_window("kk", role="trainer")
    window.draft.set_today(dt.date(2021, 1, 11))
    window.draft.replace_case(complete_case())
    assert window.wizard.go_to_page(WHERE_WHEN_PAGE)
    page = window.wizard.currentPage()
    for typed, expected in (("бүгін", 11), ("кеше", 10), ("today", 11), ("yesterday", 10), ("сегодня", 11)):
        _type(page.filing_date, typed)
        assert page.filing_date.date() == dt.date(2021, 1, expected), typed
    assert window.draft.case.filing_date == dt.date(2021, 1, 11)


def test_yesterday_in_an_exercise_is_the_day_before_the_storys_day(make_window) -> None:
    from kzcomplaint.core.workshop import packs

    window = make_window("kk", role="trainer")
    window.draft.set_today(dt.date(2030, 6, 1))  # a trainer's date: the story's own day comes first
    scenario = packs.load_library(user=False).find("removed_for_live_broadcast")
    assert scenario is not None and window.workshop.start(scenario, "kk", "Айгүл")
    story_day = window.draft.case.story_today()
    assert story_day is not None and story_day != dt.date(2030, 6, 1)
    assert window.wizard.go_to_page(WHERE_WHEN_PAGE)
    page = window.wizard.currentPage()
    _type(page.filing_date, "кеше")
    assert page.filing_date.date() == story_day - dt.timedelta(days=1)
    assert window.draft.case.filing_date == story_day - dt.timedelta(days=1)


def test_yesterday_in_the_record_of_a_filing_is_the_day_before_the_apps_today(make_window) -> None:
    from kzcomplaint.gui.dialogs.filing import FILING, RecordDialog

    window = make_window("ru", role="trainer")
    window.draft.replace_case(complete_case())
    form = RecordDialog(window.translator, FILING, window.draft.case, dt.date(2024, 3, 14), window)
    _type(form.date, "вчера")
    assert form.date.date() == dt.date(2024, 3, 13)
    assert form.date.edit.text() == "13.03.2024"
    form.reject()
