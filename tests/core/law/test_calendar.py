"""The working-day calendar: weekends, holidays, decreed transfers and override files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from kzcomplaint.core.law import calendar as workcal
from kzcomplaint.core.law.calendar import CalendarError, WorkCalendar, transferred_working_day
from kzcomplaint.core.law.ruledata import RuleFileError, load_path
from kzcomplaint.core.text.i18n import Message, translator

D = dt.date


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep a real user calendar file out of the tests and start each with a fresh default calendar."""
    monkeypatch.setenv("KZCOMPLAINT_HOME", str(tmp_path / "home"))
    workcal.default_calendar.cache_clear()
    yield
    workcal.default_calendar.cache_clear()


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    """The package calendar with the shipped overrides, no user file."""
    return WorkCalendar(shipped_file=workcal.shipped_file())


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("day", "working"),
    [
        # Weekends.
        (D(2021, 1, 8), True),  # Friday
        (D(2021, 1, 9), False),  # Saturday
        (D(2021, 1, 10), False),  # Sunday (voting day 2021)
        (D(2021, 1, 11), True),  # Monday
        # Nauryz 21-23 March and the days off that replace weekend days.
        (D(2021, 3, 19), True),
        (D(2021, 3, 21), False),  # Sunday and Nauryz
        (D(2021, 3, 22), False),
        (D(2021, 3, 23), False),
        (D(2021, 3, 24), False),  # observed for 21 March (Sunday)
        (D(2021, 3, 25), True),
        (D(2022, 3, 23), False),
        (D(2022, 3, 24), True),  # all three on weekdays: nothing observed
        (D(2024, 3, 25), False),  # observed for 23 March (Saturday)
        (D(2026, 3, 24), False),  # 21 and 22 March 2026 fell on the weekend
        (D(2026, 3, 25), False),
        (D(2026, 3, 26), True),
        # Year ends: 1-2 January, the observed days, 7 January (not moved).
        (D(2020, 12, 31), True),
        (D(2021, 1, 1), False),
        (D(2021, 1, 2), False),
        (D(2021, 1, 4), False),  # observed for 2 January (Saturday)
        (D(2021, 1, 5), True),
        (D(2021, 1, 7), False),  # Orthodox Christmas
        (D(2023, 1, 2), False),
        (D(2023, 1, 3), False),  # observed for 1 January (Sunday)
        (D(2023, 1, 9), True),  # 7 January 2023 was a Saturday: religious days off are not moved
        # May holidays.
        (D(2023, 5, 1), False),
        (D(2023, 5, 8), False),  # observed for 7 May (Sunday)
        (D(2023, 5, 9), False),
        (D(2023, 5, 10), True),
        # Holidays that changed: 30 August gone from 2026, 25 October back from 2022.
        (D(2025, 9, 1), False),  # 30 August 2025 (Saturday) observed
        (D(2026, 8, 31), True),  # Monday; 30 August 2026 is no holiday
        (D(2021, 10, 25), True),
        (D(2023, 10, 25), False),
        # Leap day is an ordinary day.
        (D(2024, 2, 29), True),
    ],
)
def test_working_days(cal: WorkCalendar, day: dt.date, working: bool) -> None:
    assert cal.is_working_day(day) is working
    assert (cal.day_off_reason(day) is None) is working


@pytest.mark.parametrize(
    ("working_day", "day_off"),
    [
        (D(2021, 7, 3), D(2021, 7, 5)),  # Saturday worked for the Monday before Capital Day
        (D(2020, 1, 5), D(2020, 1, 3)),  # a Sunday
        (D(2013, 12, 28), D(2014, 1, 3)),  # across New Year: known only from the next year's data
        (D(2022, 10, 22), D(2022, 10, 24)),
        (D(2024, 5, 4), D(2024, 5, 8)),
    ],
)
def test_decreed_transfers(cal: WorkCalendar, working_day: dt.date, day_off: dt.date) -> None:
    assert working_day.weekday() >= 5
    assert cal.is_working_day(working_day)
    assert not cal.is_working_day(day_off)
    reason = cal.working_day_reason(working_day)
    assert reason is not None and reason.params == {"date": day_off}
    assert cal.day_off_reason(day_off) == Message(
        "day off transferred from {date} by government decree", date=working_day
    )


def test_transfers_match_the_package_own_list(cal: WorkCalendar) -> None:
    """Every working weekend day the package knows is found from its labels alone."""
    import holidays

    years = list(range(2000, 2028))
    package = holidays.country_holidays("KZ", years=years)
    expected = getattr(package, "weekend_workdays", None)
    assert expected is not None, "the pinned holidays package lists the working weekend days"
    found = set()
    for day in (D(year, 1, 1) + dt.timedelta(days=n) for year in years for n in range(366)):
        if day.year in years and day.weekday() >= 5 and cal.is_working_day(day):
            found.add(day)
    assert found == {day for day in expected if day.year in years}
    assert len(found) > 40


@pytest.mark.parametrize(
    ("label", "day_off", "expected"),
    [
        ("Day off (substituted from 01/05/2020)", D(2020, 1, 3), D(2020, 1, 5)),
        ("Day off (substituted from 12/28/2013)", D(2014, 1, 3), D(2013, 12, 28)),
        ("Day off (substituted from 7/3/2021)", D(2021, 7, 5), D(2021, 7, 3)),
        ("Day off (substituted from 2021-07-03)", D(2021, 7, 5), D(2021, 7, 3)),
        ("Day off (substituted from 03.07.2021)", D(2021, 7, 5), D(2021, 7, 3)),
        ("Демалыс күні (03.07.2021 бастап ауыстырылды)", D(2021, 7, 5), D(2021, 7, 3)),
        ("Substituted day off from 07/03/2021", D(2021, 7, 5), D(2021, 7, 3)),
        ("Day off (from 07/03/2021)", D(2021, 7, 5), D(2021, 7, 3)),  # reworded: the date gives it away
        ("Nowruz Holiday", D(2021, 3, 22), None),
        ("Nowruz Holiday (observed)", D(2021, 3, 24), None),
        ("Eid al-Adha (observed, estimated)", D(2030, 4, 15), None),
    ],
)
def test_transfer_label(label: str, day_off: dt.date, expected: dt.date | None) -> None:
    assert transferred_working_day(label, day_off) == expected


@pytest.mark.parametrize(
    ("label", "day_off"),
    [
        ("Day off (substituted from ??)", D(2021, 7, 5)),
        ("Day off (substituted from 02/30/2021)", D(2021, 3, 1)),  # no such date
        ("Day off (substituted from 07/03/2019)", D(2021, 7, 5)),  # two years away: a misreading
        ("Day off (substituted from 07/05/2021)", D(2021, 7, 5)),  # the day off itself
        ("Day off (02/30/2021)", D(2021, 3, 1)),  # a date-like text without a real date
    ],
)
def test_unreadable_transfer_label_is_an_error(label: str, day_off: dt.date) -> None:
    with pytest.raises(ValueError, match="transfer label"):
        transferred_working_day(label, day_off)


@pytest.mark.parametrize(
    ("day", "msgid", "params"),
    [
        (D(2021, 1, 9), "Saturday", {}),
        (D(2021, 1, 10), "Sunday", {}),
        (D(2021, 3, 22), "Nowruz Holiday", {}),
        (D(2021, 3, 24), "{holiday} (moved from a weekend)", {"holiday": Message("Nowruz Holiday")}),
        (D(2021, 1, 7), "Orthodox Christmas", {}),
        (D(2021, 1, 11), None, None),
    ],
)
def test_day_off_reason(
    cal: WorkCalendar, day: dt.date, msgid: str | None, params: dict[str, object] | None
) -> None:
    reason = cal.day_off_reason(day)
    if msgid is None:
        assert reason is None
    else:
        assert reason is not None
        assert (reason.msgid, reason.params) == (msgid, params)


@pytest.mark.parametrize(
    ("day", "confirmed"),
    [
        (D(2021, 3, 22), True),
        (D(2021, 1, 9), True),
        (D(2024, 6, 16), True),  # Kurban Ait 2024: a confirmed date in the package
        (D(2027, 3, 15), False),  # Constitution Day from 2027: day off unconfirmed (LAW.md §7)
        (D(2025, 9, 1), True),  # Constitution Day on 30 August before 2026 is not in doubt
    ],
)
def test_doubtful_days_off(cal: WorkCalendar, day: dt.date, confirmed: bool) -> None:
    assert not cal.is_working_day(day)
    assert cal.is_confirmed(day) is confirmed


# Which Kurban Ait dates are still estimated is the holiday data's opinion and
# changes as dates are fixed by decree; the tests below take the flag from the
# data and test what the app makes of it, never which year carries it.
DATA_YEARS = range(2024, 2042)


def _estimated_days(cal: WorkCalendar) -> list[tuple[dt.date, str]]:
    days = (D(year, 1, 1) + dt.timedelta(days=n) for year in DATA_YEARS for n in range(366))
    labelled = [(day, cal.package_holiday(day)) for day in days if day.year in DATA_YEARS]
    return [(day, label) for day, label in labelled if label and "estimated" in label]


def test_an_estimated_holiday_is_a_day_off_in_doubt(cal: WorkCalendar) -> None:
    estimated = _estimated_days(cal)
    # Lunar holidays years ahead are never fixed yet: the data always has some.
    assert estimated, f"no estimated holiday in {DATA_YEARS}"
    for day, label in estimated:
        assert not cal.is_working_day(day), day
        assert cal.is_confirmed(day) is False, day
        reason = cal.day_off_reason(day)
        assert reason is not None, day
        if ";" in label:  # two holidays on one day ("…; Nowruz Holiday"): each named in turn
            assert reason.msgid == "{first}; {second}", (day, label)
            continue
        moved = "observed" in label
        expected = "{holiday} (moved from a weekend; date estimated)" if moved else "{holiday} (date estimated)"
        assert reason.msgid == expected, (day, label)
        assert reason.params["holiday"] == Message(label.split(" (")[0]), (day, label)


def test_a_holiday_of_certain_date_is_confirmed(cal: WorkCalendar) -> None:
    overrides = workcal.parse_override_file(load_path(workcal.shipped_file()), "calendar.toml")
    checked = 0
    for day in (D(2025, 1, 1) + dt.timedelta(days=n) for n in range(365)):
        label = cal.package_holiday(day)
        if label is None or "estimated" in label or day in overrides.days:
            continue
        if any(entry.covers(day, label) for entry in overrides.unconfirmed_holidays):
            continue
        assert cal.is_confirmed(day), (day, label)
        checked += 1
    assert checked >= 10, "2025 has at least ten holidays and observed days off"


def test_unconfirmed_holiday_reason_says_so_in_every_language(cal: WorkCalendar) -> None:
    reason = cal.day_off_reason(D(2027, 3, 15))
    assert reason is not None and reason.msgid == "{holiday} — unconfirmed: {reason}"
    rendered = {lang: reason.render(translator(lang)) for lang in ("kk", "ru", "en")}
    assert "расталмаған" in rendered["kk"]
    assert "не подтверждено" in rendered["ru"]
    assert "not confirmed" in rendered["en"]
    assert not any("{" in text for text in rendered.values())


def test_shipped_unconfirmed_entry_still_matches_the_package(cal: WorkCalendar) -> None:
    """The shipped file names the holiday by the package's label; a rename must fail here."""
    overrides = workcal.parse_override_file(load_path(workcal.shipped_file()), "calendar.toml")
    assert overrides.unconfirmed_holidays
    for entry in overrides.unconfirmed_holidays:
        first_year = [entry.from_date + dt.timedelta(days=n) for n in range(366)]
        matched = [day for day in first_year if entry.covers(day, cal.package_holiday(day) or "")]
        assert matched, f"the package no longer has a holiday named {entry.name!r}"
        assert all(not cal.is_confirmed(day) for day in matched)


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (D(2020, 12, 30), D(2020, 12, 31)),
        (D(2020, 12, 31), D(2021, 1, 5)),  # over 1-2 January, the weekend and the observed Monday
        (D(2021, 1, 6), D(2021, 1, 8)),  # over 7 January
        (D(2021, 3, 19), D(2021, 3, 25)),  # over Nauryz
        (D(2021, 1, 11), D(2021, 1, 12)),  # strictly after, even from a working day
        (D(2021, 7, 2), D(2021, 7, 3)),  # the working Saturday
    ],
)
def test_next_working_day(cal: WorkCalendar, start: dt.date, expected: dt.date) -> None:
    assert cal.next_working_day(start) == expected


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (D(2021, 1, 5), D(2020, 12, 31)),
        (D(2021, 1, 10), D(2021, 1, 8)),
        (D(2021, 1, 12), D(2021, 1, 11)),  # strictly before
        (D(2022, 10, 25), D(2022, 10, 22)),  # Republic Day, decreed Monday off, working Saturday
    ],
)
def test_previous_working_day(cal: WorkCalendar, start: dt.date, expected: dt.date) -> None:
    assert cal.previous_working_day(start) == expected


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (D(2021, 1, 11), 0, D(2021, 1, 11)),
        (D(2021, 1, 11), 1, D(2021, 1, 12)),
        (D(2021, 1, 8), 1, D(2021, 1, 11)),
        (D(2020, 12, 30), 2, D(2021, 1, 5)),
        (D(2023, 3, 15), 15, D(2023, 4, 10)),  # across Nauryz
        (D(2023, 4, 20), 15, D(2023, 5, 16)),  # across the May holidays
        (D(2021, 6, 30), 3, D(2021, 7, 3)),  # the working Saturday counts
    ],
)
def test_add_working_days(cal: WorkCalendar, start: dt.date, count: int, expected: dt.date) -> None:
    assert cal.add_working_days(start, count) == expected


def test_add_working_days_rejects_negative(cal: WorkCalendar) -> None:
    with pytest.raises(ValueError):
        cal.add_working_days(D(2021, 1, 11), -1)


def test_days_off_lists_reasons(cal: WorkCalendar) -> None:
    listed = cal.days_off(D(2021, 3, 19), D(2021, 3, 25))
    assert [day for day, _ in listed] == [D(2021, 3, n) for n in (20, 21, 22, 23, 24)]
    assert listed[0][1] == Message("Saturday")


# -- override files -----------------------------------------------------------------------------

SHIPPED_LIKE = """
[[day]]
date = 2030-01-05
kind = "working_day"
reason.kk = "жұмыс сенбісі"
reason.ru = "рабочая суббота"
reason.en = "working Saturday"
source = "Test decree No. 1"

[[day]]
date = 2030-01-08
kind = "day_off"
reason.kk = "демалыс"
reason.ru = "выходной по переносу"
reason.en = "transferred day off"
source = "Test decree No. 1"
confirmed = false
"""


def test_shipped_override_file(tmp_path: Path) -> None:
    cal = WorkCalendar(shipped_file=_write(tmp_path / "calendar.toml", SHIPPED_LIKE))
    saturday, tuesday = D(2030, 1, 5), D(2030, 1, 8)
    assert cal.is_working_day(saturday)
    assert cal.working_day_reason(saturday) is not None
    assert not cal.is_working_day(tuesday)
    assert not cal.is_confirmed(tuesday)
    reason = cal.day_off_reason(tuesday)
    assert reason is not None and reason.msgid == "{reason} (unconfirmed)"
    assert "выходной по переносу" in reason.render(translator("ru"))
    assert "transferred day off" in reason.render(translator("en"))
    assert cal.load_warnings == []


def test_user_file_makes_a_saturday_working(tmp_path: Path) -> None:
    saturday = D(2026, 12, 19)
    before = workcal.default_calendar()
    assert not before.is_working_day(saturday)
    _write(
        workcal.user_file(),
        '[[day]]\ndate = 2026-12-19\nkind = "working_day"\nreason = "Рабочая суббота (перенос)"\n',
    )
    workcal.default_calendar.cache_clear()
    cal = workcal.default_calendar()
    assert cal.is_working_day(saturday)
    assert cal.load_warnings == []
    assert cal.next_working_day(D(2026, 12, 18)) == saturday
    reason = cal.working_day_reason(saturday)
    assert reason is not None and reason.render(translator("kk")) == "Рабочая суббота (перенос)"


def test_user_file_beats_shipped_file(tmp_path: Path) -> None:
    shipped = _write(tmp_path / "shipped.toml", SHIPPED_LIKE)
    user = _write(
        tmp_path / "user.toml",
        '[[day]]\ndate = 2030-01-05\nkind = "day_off"\nreason.ru = "не работаем"\n',
    )
    cal = WorkCalendar(shipped_file=shipped, user_file=user)
    assert not cal.is_working_day(D(2030, 1, 5))
    reason = cal.day_off_reason(D(2030, 1, 5))
    assert reason is not None and reason.render(translator("en")) == "не работаем"


@pytest.mark.parametrize(
    "content",
    [
        "[[day]\ndate = 2030-01-05\n",  # TOML syntax
        '[[day]]\ndate = 2030-01-05\nkind = "holiday"\nreason = "x"\n',  # unknown kind
        '[[day]]\ndate = "5 January"\nkind = "day_off"\nreason = "x"\n',  # not a date
        '[[day]]\ndate = 2030-01-05\nkind = "day_off"\n',  # no reason
        '[[day]]\ndate = 2030-01-05\nkind = "day_off"\nreason = "x"\ncolour = "red"\n',  # unknown key
    ],
)
def test_broken_user_file_is_ignored_with_a_warning(tmp_path: Path, content: str) -> None:
    user = _write(workcal.user_file(), content)
    cal = workcal.default_calendar()
    assert len(cal.load_warnings) == 1
    warning = cal.load_warnings[0]
    assert warning.params["path"] == str(user)
    # The file is ignored as a whole: the package calendar still answers.
    assert not cal.is_working_day(D(2030, 1, 5))  # a Saturday
    assert cal.is_working_day(D(2030, 1, 8))


def test_user_file_not_in_utf8_is_ignored_with_a_warning() -> None:
    # Notepad on a Russian Windows saves in cp1251; tomllib raises UnicodeDecodeError for it.
    user = workcal.user_file()
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_bytes('[[day]]\ndate = 2030-01-08\nkind = "day_off"\nreason = "перенос"\n'.encode("cp1251"))
    cal = workcal.default_calendar()
    assert len(cal.load_warnings) == 1
    assert "UTF-8" in cal.load_warnings[0].render(translator("en"))
    assert cal.is_working_day(D(2030, 1, 8))


def test_missing_user_file_is_fine() -> None:
    assert not workcal.user_file().exists()
    assert workcal.default_calendar().load_warnings == []


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("[[day]\n", "calendar.toml"),
        ('[[day]]\ndate = 2030-01-05\nkind = "working_day"\nreason = "x"\nsource = "y"\n', "reason"),
        (
            '[[day]]\ndate = 2030-01-05\nkind = "working_day"\n'
            'reason.kk = "a"\nreason.ru = "b"\nreason.en = "c"\n',
            "source",
        ),
        (SHIPPED_LIKE + SHIPPED_LIKE.replace("2030-01-08", "2030-01-09"), "twice"),
        ('[[holiday]]\nname = "x"\n', "unknown tables"),
        (
            '[[unconfirmed_holiday]]\nname = "Constitution Day"\nfrom = 2027-01-01\nto = 2026-01-01\n'
            'reason.kk = "a"\nreason.ru = "b"\nreason.en = "c"\nsource = "s"\n',
            "before",
        ),
    ],
)
def test_broken_shipped_file_is_an_error(tmp_path: Path, content: str, match: str) -> None:
    with pytest.raises(RuleFileError, match=match):
        WorkCalendar(shipped_file=_write(tmp_path / "calendar.toml", content))


def test_shipped_file_loads() -> None:
    cal = WorkCalendar(shipped_file=workcal.shipped_file())
    assert cal.load_warnings == []


def test_default_calendar_is_cached() -> None:
    assert workcal.default_calendar() is workcal.default_calendar()


def test_calendar_without_working_days_fails_loudly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    days = "".join(
        f'[[day]]\ndate = 2030-01-{n:02d}\nkind = "day_off"\nreason = "closed"\n' for n in range(1, 11)
    )
    cal = WorkCalendar(user_file=_write(tmp_path / "user.toml", days))
    monkeypatch.setattr(workcal, "_SEARCH_LIMIT", 5)
    with pytest.raises(CalendarError) as caught:
        cal.next_working_day(D(2029, 12, 31))
    assert "no working day" in caught.value.message.msgid
