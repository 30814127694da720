"""The year view of the working-day calendar and the user's own overrides, which the deadline engine reads."""

from __future__ import annotations

import datetime as dt
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from kzcomplaint.core.law import calendar as workcal
from kzcomplaint.core.law import deadlines, workdays
from kzcomplaint.core.text.i18n import translator

D = dt.date


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("KZCOMPLAINT_HOME", str(tmp_path / "home"))
    workcal.default_calendar.cache_clear()
    yield tmp_path / "home"
    workcal.default_calendar.cache_clear()


def by_day(year: int) -> dict[dt.date, workdays.DayStatus]:
    return {status.date: status for status in workdays.year_days(year)}


def test_a_year_lists_its_days_off_with_their_sources() -> None:
    days = by_day(2024)
    assert days[D(2024, 3, 21)].source == workdays.LAW and not days[D(2024, 3, 21)].working
    assert days[D(2024, 3, 25)].source == workdays.LAW, "Nauryz moved off a Saturday: the Law's own rule"
    assert days[D(2024, 3, 24)].source == workdays.WEEKEND
    assert days[D(2024, 5, 8)].source == workdays.DECREE and not days[D(2024, 5, 8)].working
    assert days[D(2024, 5, 4)].source == workdays.DECREE and days[D(2024, 5, 4)].working, "a Saturday worked"
    assert D(2024, 3, 20) not in days, "an ordinary working day is not listed"
    assert "Наурыз" in days[D(2024, 3, 21)].reason.render(translator("kk"))


def test_a_users_day_off_is_listed_as_theirs_and_moves_a_working_day_count() -> None:
    before = deadlines.compute("appc.written_appeal_review", D(2026, 3, 2), today=D(2026, 3, 1))
    workdays.add_override(D(2026, 3, 4), workcal.DAY_OFF, "Постановление № 0 (учебный пример)", source="decree")
    path = workcal.user_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    status = by_day(2026)[D(2026, 3, 4)]
    assert (status.source, status.origin, status.working, status.removable) == (
        workdays.USER_FILE,
        "decree",
        False,
        True,
    )
    after = deadlines.compute("appc.written_appeal_review", D(2026, 3, 2), today=D(2026, 3, 1))
    assert before.last_day is not None and after.last_day is not None
    assert after.last_day > before.last_day, "one more day off inside the 15 working days"
    assert workdays.remove_override(D(2026, 3, 4)) is True
    assert D(2026, 3, 4) not in by_day(2026)
    assert workdays.remove_override(D(2026, 3, 4)) is False


def test_a_users_working_saturday_and_replacing_an_entry() -> None:
    workdays.add_override(D(2026, 3, 7), workcal.WORKING_DAY, "рабочая суббота")
    workdays.add_override(D(2026, 3, 7), workcal.WORKING_DAY, "рабочая суббота (перенос)")
    status = by_day(2026)[D(2026, 3, 7)]
    assert status.working and status.source == workdays.USER_FILE
    assert "перенос" in status.reason.render(translator("ru"))
    assert workcal.user_file().read_text(encoding="utf-8").count("[[day]]") == 1


def test_what_the_user_wrote_by_hand_is_kept_and_a_broken_file_is_not_touched() -> None:
    path = workcal.user_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        '[[day]]\ndate = 2026-12-31\nkind = "day_off"\nreason.kk = "жыл соңы"\nreason.ru = "конец года"\n'
        'reason.en = "year end"\nsource = "решение"\n',
        encoding="utf-8",
    )
    workdays.add_override(D(2026, 3, 4), workcal.DAY_OFF, "причина \"в кавычках\" \\ и слэш")
    text = path.read_text(encoding="utf-8")
    assert 'reason.kk = "жыл соңы"' in text
    assert by_day(2026)[D(2026, 3, 4)].reason.render(translator("en")) == 'причина "в кавычках" \\ и слэш'
    path.write_text("[[day]\nbroken", encoding="utf-8")
    with pytest.raises(workdays.OverrideError):
        workdays.add_override(D(2026, 3, 5), workcal.DAY_OFF, "x")
    assert path.read_text(encoding="utf-8") == "[[day]\nbroken"


def test_an_override_needs_a_reason() -> None:
    with pytest.raises(workdays.OverrideError):
        workdays.add_override(D(2026, 3, 4), workcal.DAY_OFF, "   ")
    assert not workcal.user_file().exists()


def test_a_reason_with_a_del_character_is_written_and_read_back() -> None:
    """A reason pasted with U+007F: TOML forbids it raw, so it is escaped, never a crash or a broken file."""
    workdays.add_override(D(2026, 3, 4), workcal.DAY_OFF, "решение\x7f № 0")
    assert "\x7f" not in workcal.user_file().read_text(encoding="utf-8")
    assert by_day(2026)[D(2026, 3, 4)].reason.render(translator("ru")) == "решение\x7f № 0"
