"""The holiday table is the pinned ``holidays`` package's word, and reading it does not import the package."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import holidays
import pytest

from kzcomplaint.core.law import calendar, holiday_table
from kzcomplaint.core.text.i18n import translator

ROOT = Path(__file__).resolve().parents[3]
YEARS = range(holiday_table.FIRST_YEAR, holiday_table.LAST_YEAR + 1)


def _pinned_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        dependencies = tomllib.load(handle)["project"]["dependencies"]
    requirement = next(r for r in dependencies if r.startswith("holidays"))
    assert "==" in requirement, f"holidays must be pinned to one version in pyproject.toml, not {requirement!r}"
    return requirement.split("==", 1)[1].split(";")[0].strip()


def test_the_package_is_pinned_to_the_version_the_table_was_made_from() -> None:
    assert holiday_table.PACKAGE_VERSION == _pinned_version() == holidays.__version__, (
        "the holidays pin changed: run tools/holiday_table.py and commit the table"
    )


@pytest.mark.parametrize("year", YEARS)
def test_the_table_equals_the_package(year: int) -> None:
    package = holidays.country_holidays("KZ", years=year, language="en_US")
    expected = {day: str(name) for day, name in package.items()}
    assert expected, f"the package lists no holiday in {year}"
    assert calendar.package_holidays(year) == expected


@pytest.mark.parametrize("year", [1950, holiday_table.FIRST_YEAR - 1])
def test_before_the_table_the_package_knows_no_holiday_either(year: int) -> None:
    assert calendar.package_holidays(year) == {}
    assert not holidays.country_holidays("KZ", years=year, language="en_US")


def test_a_year_after_the_table_is_asked_of_the_package() -> None:
    year = holiday_table.LAST_YEAR + 5
    days = calendar.package_holidays(year)
    assert dt.date(year, 12, 16) in days  # Independence Day
    assert days == {d: str(n) for d, n in holidays.country_holidays("KZ", years=year, language="en_US").items()}


def test_counting_terms_inside_the_table_never_imports_the_package(tmp_path: Path) -> None:
    code = textwrap.dedent(
        """
        import datetime as dt, sys
        from kzcomplaint.core.law import calendar
        cal = calendar.default_calendar()
        for year in range(calendar_first + 1, calendar_last):
            cal.is_working_day(dt.date(year, 1, 2))
            cal.is_working_day(dt.date(year, 12, 31))
        assert not cal.is_working_day(dt.date(2024, 5, 8)), "a decreed day off"
        assert cal.is_working_day(dt.date(2024, 5, 4)), "the Saturday worked for it"
        print(sorted(name for name in sys.modules if name == "holidays" or name.startswith("holidays.")))
        """
    ).replace("calendar_first", str(holiday_table.FIRST_YEAR)).replace("calendar_last", str(holiday_table.LAST_YEAR))
    completed = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"KZCOMPLAINT_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "[]"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_holiday_of_the_table_is_named_in_the_user_s_language(language: str) -> None:
    """A holiday name the catalogue lacks would be shown in English ("Victory Day") in a Kazakh or Russian working."""
    tr = translator(language)
    cal = calendar.WorkCalendar()
    english = {}
    for year in YEARS:
        for day in calendar.package_holidays(year):
            reason = cal.day_off_reason(day)
            assert reason is not None, day
            shown = reason.render(tr)
            if re.search("[A-Za-z]", shown):
                english[day] = shown
    assert not english, f"add the names to calendar._PACKAGE_HOLIDAY_NAMES and translate them: {english}"
