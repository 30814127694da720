"""Every month in every language, written out by hand: what the app prints and what it reads.

The formatter and the parser share one table of month names, so a round trip
(format, then parse) passes even when two months are swapped in it — every
July date would be printed and read as August. These expectations are typed
here, not computed by the code under test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kzcomplaint.core.text.dates import parse_date
from kzcomplaint.core.text.legal_dates import format_legal_date, format_legal_date_of

# month, Kazakh legal form, Russian legal form, English legal form — of the 15th day of 2021.
LEGAL_FORMS = [
    (1, "2021 жылғы 15 қаңтар", "15 января 2021 года", "15 January 2021"),
    (2, "2021 жылғы 15 ақпан", "15 февраля 2021 года", "15 February 2021"),
    (3, "2021 жылғы 15 наурыз", "15 марта 2021 года", "15 March 2021"),
    (4, "2021 жылғы 15 сәуір", "15 апреля 2021 года", "15 April 2021"),
    (5, "2021 жылғы 15 мамыр", "15 мая 2021 года", "15 May 2021"),
    (6, "2021 жылғы 15 маусым", "15 июня 2021 года", "15 June 2021"),
    (7, "2021 жылғы 15 шілде", "15 июля 2021 года", "15 July 2021"),
    (8, "2021 жылғы 15 тамыз", "15 августа 2021 года", "15 August 2021"),
    (9, "2021 жылғы 15 қыркүйек", "15 сентября 2021 года", "15 September 2021"),
    (10, "2021 жылғы 15 қазан", "15 октября 2021 года", "15 October 2021"),
    (11, "2021 жылғы 15 қараша", "15 ноября 2021 года", "15 November 2021"),
    (12, "2021 жылғы 15 желтоқсан", "15 декабря 2021 года", "15 December 2021"),
]

# Other ways people write the same dates: Russian nominative, Kazakh with the
# suffix of "dated …" (-дағы/-дегі/-тағы/-тегі), Kazakh typed on a Russian
# keyboard, English month first.
OTHER_FORMS = [
    (1, "15 январь 2021", "2021 жылғы 15 қаңтардағы", "2021 жылгы 15 кантар", "January 15, 2021"),
    (2, "15 февраль 2021", "2021 жылғы 15 ақпандағы", "2021 жылгы 15 акпан", "February 15, 2021"),
    (3, "15 март 2021", "2021 жылғы 15 наурыздағы", "2021 жылгы 15 наурыз", "March 15, 2021"),
    (4, "15 апрель 2021", "2021 жылғы 15 сәуірдегі", "2021 жылгы 15 сауир", "April 15, 2021"),
    (5, "15 май 2021", "2021 жылғы 15 мамырдағы", "2021 жылгы 15 мамыр", "May 15, 2021"),
    (6, "15 июнь 2021", "2021 жылғы 15 маусымдағы", "2021 жылгы 15 маусым", "June 15, 2021"),
    (7, "15 июль 2021", "2021 жылғы 15 шілдедегі", "2021 жылгы 15 шилде", "July 15, 2021"),
    (8, "15 август 2021", "2021 жылғы 15 тамыздағы", "2021 жылгы 15 тамыз", "August 15, 2021"),
    (9, "15 сентябрь 2021", "2021 жылғы 15 қыркүйектегі", "2021 жылгы 15 кыркуйек", "September 15, 2021"),
    (10, "15 октябрь 2021", "2021 жылғы 15 қазандағы", "2021 жылгы 15 казан", "October 15, 2021"),
    (11, "15 ноябрь 2021", "2021 жылғы 15 қарашадағы", "2021 жылгы 15 караша", "November 15, 2021"),
    (12, "15 декабрь 2021", "2021 жылғы 15 желтоқсандағы", "2021 жылгы 15 желтоксан", "December 15, 2021"),
]


def test_the_tables_cover_every_month_once() -> None:
    assert [row[0] for row in LEGAL_FORMS] == list(range(1, 13))
    assert [row[0] for row in OTHER_FORMS] == list(range(1, 13))


@pytest.mark.parametrize(("month", "kk", "ru", "en"), LEGAL_FORMS, ids=[str(row[0]) for row in LEGAL_FORMS])
def test_legal_form_of_every_month(month: int, kk: str, ru: str, en: str) -> None:
    day = dt.date(2021, month, 15)
    assert format_legal_date(day, "kk") == kk
    assert format_legal_date(day, "ru") == ru
    assert format_legal_date(day, "en") == en


@pytest.mark.parametrize("row", range(12), ids=[str(month) for month in range(1, 13)])
def test_the_date_before_an_act_in_every_month(row: int) -> None:
    """«2021 жылғы 15 қаңтардағы шешім»: the kk suffix by vowel harmony, typed above, never the bare month."""
    month, _, ru, en = LEGAL_FORMS[row]
    kk_of = OTHER_FORMS[row][2]
    day = dt.date(2021, month, 15)
    assert format_legal_date_of(day, "kk") == kk_of
    assert format_legal_date_of(day, "kk") != format_legal_date(day, "kk")
    assert format_legal_date_of(day, "ru") == f"от {ru}"
    assert format_legal_date_of(day, "en") == f"of {en}"
    assert parse_date(kk_of) == day


@pytest.mark.parametrize(("month", "kk", "ru", "en"), LEGAL_FORMS, ids=[str(row[0]) for row in LEGAL_FORMS])
def test_legal_form_of_every_month_reads_as_that_month(month: int, kk: str, ru: str, en: str) -> None:
    for text in (kk, ru, en, kk.upper(), ru.upper()):
        assert parse_date(text) == dt.date(2021, month, 15), text


@pytest.mark.parametrize("forms", OTHER_FORMS, ids=[str(row[0]) for row in OTHER_FORMS])
def test_other_forms_of_every_month_read_as_that_month(forms: tuple[int, str, str, str, str]) -> None:
    month, *texts = forms
    for text in texts:
        assert parse_date(text) == dt.date(2021, month, 15), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The months a swap would confuse, each next to its neighbour.
        ("2021 жылғы 31 шілде", dt.date(2021, 7, 31)),
        ("2021 жылғы 1 тамыз", dt.date(2021, 8, 1)),
        ("31 июля 2021 года", dt.date(2021, 7, 31)),
        ("1 августа 2021 года", dt.date(2021, 8, 1)),
        ("2021 жылғы 30 маусым", dt.date(2021, 6, 30)),
        ("2021 жылғы 1 қыркүйек", dt.date(2021, 9, 1)),
    ],
)
def test_month_boundaries(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2021 жылғы 31 маусым", "2021 жылғы 31 қыркүйек", "31 июня 2021 года"])
def test_thirty_day_months_have_no_31st(text: str) -> None:
    # A month table with June and July swapped would accept "31 маусым".
    with pytest.raises(ValueError):
        parse_date(text)
