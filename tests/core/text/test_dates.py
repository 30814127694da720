"""Tests for core.dates: reading hand-written dates and writing legal ones."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzcomplaint.core.text import dates
from kzcomplaint.core.text.dates import DateError, parse_date, parse_time
from kzcomplaint.core.text.i18n import translator
from kzcomplaint.core.text.legal_dates import format_legal_date, format_numeric

JAN_10 = dt.date(2021, 1, 10)

ACCEPTED = [
    # ISO and numeric, day first
    "2021-01-10",
    "2021.01.10",
    "10.01.2021",
    "10/01/2021",
    "10-01-2021",
    "10.1.2021",
    "10/1/2021",
    " 10.01.2021 ",
    "10.01.2021 г.",
    "10.01.2021г.",
    "10.01.2021 г",
    "10.01.2021 ж.",
    "10.01.2021 года",
    "10.01.2021 жыл",
    # Russian
    "10 января 2021 г.",
    "10 января 2021 года",
    "10 январь 2021",
    "10 ЯНВАРЯ 2021 ГОДА",
    "«10» января 2021 г.",
    "10 янв. 2021",
    "10-го января 2021 года",
    # Kazakh
    "2021 жылғы 10 қаңтар",
    "10 қаңтар 2021 ж.",
    "2021 ж. 10 қаңтар",
    "10 қаңтар 2021 жыл",
    "2021 жылғы 10 қаңтардағы",
    "10 қаңтардағы 2021",
    "2021 ЖЫЛҒЫ 10 ҚАҢТАР",
    "2021 жылгы 10 кантар",  # typed on a Russian keyboard
    "10 қаң. 2021 ж.",
    # English
    "January 10, 2021",
    "10 January 2021",
    "Jan 10 2021",
    "jan 10, 2021",
    "10th of January 2021",
    # only dateparser knows these
    "Sunday, 10 January 2021",
    "в 2021 году 10 января",
    "10-е января 2021",
]


@pytest.mark.parametrize("text", ACCEPTED)
def test_accepted_forms_of_10_january_2021(text: str) -> None:
    assert parse_date(text) == JAN_10


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020 жылғы 29 ақпан", dt.date(2020, 2, 29)),
        ("1 мая 2021 г.", dt.date(2021, 5, 1)),
        ("1 май 2021", dt.date(2021, 5, 1)),
        ("2021 жылғы 21 наурыз", dt.date(2021, 3, 21)),
        ("2021 жылғы 1 сәуірдегі", dt.date(2021, 4, 1)),
        ("10 сауiр 2021", dt.date(2021, 4, 10)),  # Latin i for Kazakh і
        ("2021 жылғы 25 қазан", dt.date(2021, 10, 25)),
        ("2021 жылғы 25 қараша", dt.date(2021, 11, 25)),
        ("16 желтоқсан 2021 жыл", dt.date(2021, 12, 16)),
        ("Sept 3, 2021", dt.date(2021, 9, 3)),
        ("3 сент. 2021", dt.date(2021, 9, 3)),
        ("31.12.2100", dt.date(2100, 12, 31)),
        ("01.01.1900", dt.date(1900, 1, 1)),
    ],
)
def test_other_months_and_bounds(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "month", "year", "days", "day"),
    [
        ("31.02.2021", 2, 2021, 28, 31),
        ("29.02.2021", 2, 2021, 28, 29),
        ("2021-02-29", 2, 2021, 28, 29),
        ("31.04.2021", 4, 2021, 30, 31),
        ("0.01.2021", 1, 2021, 31, 0),
        ("29 февраля 2021 года", 2, 2021, 28, 29),
        ("2021 жылғы 29 ақпан", 2, 2021, 28, 29),
        ("February 30, 2021", 2, 2021, 28, 30),
    ],
)
def test_impossible_day_names_day_and_month(text: str, month: int, year: int, days: int, day: int) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text)
    error = caught.value
    assert error.code == "impossible"
    assert error.message.msgid == dates.MSG_NO_SUCH_DAY
    assert error.message.params == {"text": text, "month": month, "year": year, "days": days, "day": day}
    assert f"has days 1 to {days}, not {day}" in str(error)


def test_impossible_month() -> None:
    with pytest.raises(DateError) as caught:
        parse_date("10.13.2021")
    assert caught.value.code == "impossible"
    assert caught.value.message.msgid == dates.MSG_NO_SUCH_MONTH
    assert caught.value.message.params["month"] == 13


@pytest.mark.parametrize(
    "text", ["10.01.1899", "1899-12-31", "01.01.2101", "10 января 1800 года", "10 January 2150"]
)
def test_years_outside_1900_2100_rejected(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert caught.value.code == "year_range"
    assert "1900–2100" in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "10 января",  # no year
        "2021",
        "вчера",  # relative dates must never become a date in a case file
        "yesterday",
        "2 days ago",
        "1610236800",  # Unix timestamp
        "10 foo 2021",
        "10.01.2021.2021",
        "x" * 500,
        "1" * 500,
    ],
)
def test_not_recognised_says_which_forms_are_accepted(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text)
    error = caught.value
    assert error.code == "not_recognised"
    assert error.message.msgid == dates.MSG_NOT_RECOGNISED
    assert error.message.params == {"text": text}
    for form in ("DD.MM.YYYY", "10 января 2021 года", "2021 жылғы 10 қаңтар", "10 January 2021"):
        assert form in str(error)


@pytest.mark.parametrize("text", ["", "   ", "«»"])
def test_empty(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert caught.value.code == "empty"


def test_date_error_is_a_value_error_and_renders_in_every_language() -> None:
    with pytest.raises(ValueError):
        parse_date("31.02.2021")
    for text in ("31.02.2021", "10.13.2021", "1800-01-01", "abc", ""):
        with pytest.raises(DateError) as caught:
            parse_date(text)
        for language in ("kk", "ru", "en"):
            assert caught.value.message.render(translator(language))


LEGAL_FORMS = [
    (dt.date(2021, 1, 10), "kk", "2021 жылғы 10 қаңтар"),
    (dt.date(2021, 1, 10), "ru", "10 января 2021 года"),
    (dt.date(2021, 1, 10), "en", "10 January 2021"),
    (dt.date(2021, 5, 1), "ru", "1 мая 2021 года"),
    (dt.date(2024, 2, 29), "kk", "2024 жылғы 29 ақпан"),
    (dt.date(1900, 12, 31), "en", "31 December 1900"),
    (dt.date(2021, 4, 1), "kk", "2021 жылғы 1 сәуір"),
]


@pytest.mark.parametrize(("day", "language", "expected"), LEGAL_FORMS)
def test_format_legal_date(day: dt.date, language: str, expected: str) -> None:
    assert format_legal_date(day, language) == expected


def test_format_legal_date_rejects_unknown_language() -> None:
    with pytest.raises(ValueError):
        format_legal_date(JAN_10, "de")


@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_whatever_is_written_reads_back(day: dt.date) -> None:
    for language in ("kk", "ru", "en"):
        assert parse_date(format_legal_date(day, language)) == day
    assert parse_date(format_numeric(day)) == day
    assert parse_date(day.isoformat()) == day


@pytest.mark.parametrize("year", [1900, 2000, 2021, 2024, 2100])
def test_every_day_of_a_year_reads_back(year: int) -> None:
    day = dt.date(year, 1, 1)
    while day.year == year:
        for language in ("kk", "ru", "en"):
            assert parse_date(format_legal_date(day, language)) == day
        day += dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("day", "expected"),
    [(JAN_10, "10.01.2021"), (dt.date(1900, 1, 1), "01.01.1900"), (dt.date(2100, 12, 31), "31.12.2100")],
)
def test_format_numeric(day: dt.date, expected: str) -> None:
    assert format_numeric(day) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:30", "14:30"),
        ("14.30", "14:30"),
        ("1430", "14:30"),
        ("9:05", "09:05"),
        (" 00:00 ", "00:00"),
        ("23:59", "23:59"),
    ],
)
def test_parse_time(text: str, expected: str) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "24:00", "14:60", "2500"])
def test_parse_time_impossible(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_time(text)
    assert caught.value.code == "impossible"
    assert caught.value.message.msgid == dates.MSG_TIME_IMPOSSIBLE


@pytest.mark.parametrize("text", ["", "9", "14:3", "14-30", "около 14 часов", "14:30:00"])
def test_parse_time_not_recognised(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_time(text)
    assert caught.value.code == "not_recognised"
    assert "HH:MM" in str(caught.value)


@given(hours=st.integers(0, 23), minutes=st.integers(0, 59))
def test_parse_time_round_trip(hours: int, minutes: int) -> None:
    assert parse_time(f"{hours}:{minutes:02d}") == f"{hours:02d}:{minutes:02d}"
    assert parse_time(f"{hours:02d}.{minutes:02d}") == f"{hours:02d}:{minutes:02d}"


def test_month_words_do_not_collide() -> None:
    # Exact words are checked for ambiguity when the table is built; here: a
    # month word must not be a filler, and no Kazakh stem may swallow another.
    for word, month in dates._MONTH_WORDS.items():
        assert dates._month_of(word) == month
        assert word not in dates._FILLER_WORDS
    stems = [stem for stem, _ in dates._KK_STEMS]
    assert not [(a, b) for a in stems for b in stems if a != b and b.startswith(a)]


def test_importing_dates_does_not_import_dateparser() -> None:
    code = "import sys, kzcomplaint.core.text.dates; print('dateparser' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


TRAINING_TODAY = dt.date(2021, 1, 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("сегодня", dt.date(2021, 1, 10)),
        ("Вчера", dt.date(2021, 1, 9)),
        ("позавчера", dt.date(2021, 1, 8)),
        ("бүгін", dt.date(2021, 1, 10)),
        ("бугин", dt.date(2021, 1, 10)),  # typed on a Russian keyboard
        ("кеше", dt.date(2021, 1, 9)),
        ("алдыңғы күні", dt.date(2021, 1, 8)),
        ("today", dt.date(2021, 1, 10)),
        (" Yesterday. ", dt.date(2021, 1, 9)),
        ("«вчера»", dt.date(2021, 1, 9)),
    ],
)
def test_relative_words_read_against_the_given_today(text: str, expected: dt.date) -> None:
    assert dates.parse_date(text, today=TRAINING_TODAY) == expected
    assert dates.relative_days(text) == (expected - TRAINING_TODAY).days


def test_relative_words_cross_a_month_and_a_year() -> None:
    assert dates.parse_date("вчера", today=dt.date(2024, 3, 1)) == dt.date(2024, 2, 29)
    assert dates.parse_date("кеше", today=dt.date(2021, 1, 1)) == dt.date(2020, 12, 31)


@pytest.mark.parametrize("text", ["вчера", "кеше", "yesterday", "сегодня"])
def test_relative_words_are_not_dates_without_a_today(text: str) -> None:
    # A case file or a command line must not hold a date that means another day tomorrow.
    with pytest.raises(dates.DateError) as caught:
        dates.parse_date(text)
    assert caught.value.code == "not_recognised"


@pytest.mark.parametrize("text", ["10.01.2021", "вчерашний день", "завтра", "2 дня назад"])
def test_other_text_is_not_a_relative_word(text: str) -> None:
    assert dates.relative_days(text) is None


def test_absolute_dates_ignore_the_given_today() -> None:
    assert dates.parse_date("10.01.2021", today=dt.date(2030, 5, 5)) == dt.date(2021, 1, 10)
@pytest.mark.parametrize(
    "text", ["1³.01.2021", "10.01.202³", "²⁰²¹-01-10", "10 января 202³", "١٠.٠١.٢٠٢١", "１０.０１.２０２１"]
)
def test_digits_other_than_0_to_9_are_a_clear_error_not_a_date(text: str) -> None:
    # "10.01.202³" used to be read by dateparser as 10 January 2023; "²⁰²¹-01-10" raised a bare ValueError.
    with pytest.raises(dates.DateError) as caught:
        dates.parse_date(text)
    assert caught.value.code == "not_a_digit"
    assert caught.value.message.params["char"] in text and caught.value.message.params["char"] not in "0123456789"


@pytest.mark.parametrize("text", ["1⁴:30", "١٤:٣٠", "14:3０"])
def test_times_with_other_digits_are_refused(text: str) -> None:
    with pytest.raises(dates.DateError) as caught:
        dates.parse_time(text)
    assert caught.value.code == "not_a_digit"


@pytest.mark.parametrize("text", ["1⁴", "1⁴:30", "١٤:٣٠", "14:3０", "около 1⁴ ч"])
def test_a_time_input_refuses_other_digits_even_half_typed_or_among_words(text: str) -> None:
    assert dates.time_entry_state(text) == "invalid"
