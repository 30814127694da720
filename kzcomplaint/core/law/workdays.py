"""The working-day calendar of a year, as a user checks it: every day off, why, and on whose word.

The deadline engine counts on :class:`~kzcomplaint.core.law.calendar.WorkCalendar`;
this module shows what it knows about a year — each day off and each
weekend day worked, with its reason and its source (the Law "On holidays"
through the ``holidays`` package, a Government decree moving a day off, the
app's own calendar file, the user's calendar file, or simply a weekend) —
and lets the user add or remove an entry of their own calendar file, the
file the engine already reads (``calendar.toml`` in the user's config folder).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tomllib
from collections.abc import Mapping
from pathlib import Path

from kzcomplaint.core.files import atomic
from kzcomplaint.core.law import calendar as workcal
from kzcomplaint.core.law import ruledata
from kzcomplaint.core.law.calendar import DAY_OFF, WORKING_DAY, WorkCalendar
from kzcomplaint.core.law.ruledata import toml_string
from kzcomplaint.core.text.i18n import N_, Message
from kzcomplaint.core.text.languages import LANGUAGES

WEEKEND = "weekend"
LAW = "law"
DECREE = "decree"
APP_FILE = "app_file"
USER_FILE = "user_file"
SOURCES = (WEEKEND, LAW, DECREE, APP_FILE, USER_FILE)

SOURCE_NAMES: Mapping[str, str] = {
    WEEKEND: N_("Saturday or Sunday"),
    LAW: N_("Law “On holidays” (the app's built-in list of holidays)"),
    DECREE: N_("Government decree moving a day off (the app's built-in list of holidays)"),
    APP_FILE: N_("the app's calendar file"),
    USER_FILE: N_("your calendar file"),
}
"""Where a day's status comes from, as the interface says it (the ``holidays`` package is
"the app's built-in list of holidays": a package's name is no word of the user's)."""

MSG_NO_REASON = N_("Give the reason for this day (a decree's number and date, for instance).")
MSG_BAD_FILE = N_("Your calendar file {path} has an error, so it was not changed: {error}")
MSG_WRITE_FAILED = N_("Your calendar file {path} could not be written: {reason}")

_HEADER = (
    "# Your own working-day calendar for kzcomplaint: days off and working days the\n"
    "# holidays package does not know (a new decree), read before everything else.\n"
)


class OverrideError(ValueError):
    """The user's calendar file cannot be changed as asked; ``message`` says why. The file is unchanged."""

    def __init__(self, message: Message) -> None:
        """Keep the user-facing message."""
        super().__init__(message.msgid.format(**{k: str(v) for k, v in message.params.items()}))
        self.message = message


@dataclasses.dataclass(frozen=True)
class DayStatus:
    """What the calendar says about one day that is not an ordinary working weekday.

    Attributes:
        date: the day.
        working: True for a weekend day worked (a transfer or an override).
        reason: why, as the deadline working says it.
        source: one of :data:`SOURCES`.
        origin: the override's own source text (a decree), when it has one.
        confirmed: False when the day's status is in doubt.
    """

    date: dt.date
    working: bool
    reason: Message
    source: str
    origin: str
    confirmed: bool

    @property
    def removable(self) -> bool:
        """Whether the user may take this entry out (only their own file's)."""
        return self.source == USER_FILE


def _source(calendar: WorkCalendar, day: dt.date, user: Path) -> tuple[str, str]:
    entry = calendar.override(day)
    if entry is not None:
        return (USER_FILE if entry.origin == str(user) else APP_FILE), entry.source
    name = calendar.package_holiday(day)
    if name is None:
        return (DECREE if calendar.is_working_day(day) else WEEKEND), ""
    if workcal._is_transfer_label(name):  # the same room: the calendar reads its own labels
        return DECREE, ""
    return LAW, ""


def year_days(year: int, calendar: WorkCalendar | None = None, *, user: Path | None = None) -> list[DayStatus]:
    """Every day off of ``year`` and every weekend day worked in it, in date order."""
    cal = calendar if calendar is not None else workcal.default_calendar()
    user_path = user if user is not None else workcal.user_file()
    result: list[DayStatus] = []
    day = dt.date(year, 1, 1)
    while day.year == year:
        off = cal.day_off_reason(day)
        worked = cal.working_day_reason(day) if off is None else None
        if off is not None or worked is not None:
            source, origin = _source(cal, day, user_path)
            reason = off if off is not None else worked
            assert reason is not None
            result.append(DayStatus(day, off is None, reason, source, origin, cal.is_confirmed(day)))
        elif (entry := cal.override(day)) is not None:  # a weekday the user (or the app) confirms as working
            source, origin = _source(cal, day, user_path)
            result.append(DayStatus(day, True, Message(N_("{reason}"), reason=entry.reason), source, origin, True))
        day += dt.timedelta(days=1)
    return result


# -- the user's file ---------------------------------------------------------------------------


def _entry_text(entry: workcal.Override) -> str:
    reason = entry.reason
    lines = ["[[day]]", f"date = {entry.date.isoformat()}", f"kind = {toml_string(entry.kind)}"]
    if len(set(reason.values())) == 1:
        lines.append(f"reason = {toml_string(next(iter(reason.values())))}")
    else:
        lines.extend(f"reason.{lang} = {toml_string(reason[lang])}" for lang in LANGUAGES)
    if entry.source:
        lines.append(f"source = {toml_string(entry.source)}")
    if not entry.confirmed:
        lines.append("confirmed = false")
    return "\n".join(lines) + "\n"


def _unconfirmed_text(entry: workcal.UnconfirmedHoliday) -> str:
    lines = ["[[unconfirmed_holiday]]", f"name = {toml_string(entry.name)}", f"from = {entry.from_date.isoformat()}"]
    if entry.to_date is not None:
        lines.append(f"to = {entry.to_date.isoformat()}")
    lines.extend(f"reason.{lang} = {toml_string(entry.reason[lang])}" for lang in LANGUAGES)
    if entry.source:
        lines.append(f"source = {toml_string(entry.source)}")
    return "\n".join(lines) + "\n"


def _read(path: Path) -> workcal.OverrideFile:
    if not path.exists():
        return workcal.OverrideFile({}, ())
    try:
        return workcal.parse_override_file(ruledata.load_path(path), str(path), user=True)
    except ruledata.RuleFileError as error:
        raise OverrideError(Message(MSG_BAD_FILE, path=str(path), error=str(error))) from None


def _write(path: Path, content: workcal.OverrideFile) -> None:
    blocks = [_entry_text(entry) for _, entry in sorted(content.days.items())]
    blocks += [_unconfirmed_text(entry) for entry in content.unconfirmed_holidays]
    text = _HEADER + "\n" + "\n".join(blocks)
    # What is written must read back: the engine would otherwise ignore the whole file.
    workcal.parse_override_file(tomllib.loads(text), str(path), user=True)
    try:
        atomic.write_private_file(path, text.encode("utf-8"))
    except OSError as error:
        raise OverrideError(Message(MSG_WRITE_FAILED, path=str(path), reason=error.strerror or str(error))) from None
    workcal.default_calendar.cache_clear()


def add_override(
    day: dt.date, kind: str, reason: str, *, source: str = "", path: Path | None = None
) -> None:
    """Make ``day`` a day off or a working day in the user's calendar file (replacing its entry there, if any).

    Raises:
        OverrideError: no reason given, or the file has an error or cannot be written (it is left as it was).
        ValueError: ``kind`` is not ``day_off`` or ``working_day`` (a programming error).
    """
    if kind not in (DAY_OFF, WORKING_DAY):
        raise ValueError(f"unknown kind {kind!r}")
    if not reason.strip():
        raise OverrideError(Message(MSG_NO_REASON))
    target = path if path is not None else workcal.user_file()
    content = _read(target)
    entry = workcal.Override(
        date=day, kind=kind, reason=dict.fromkeys(LANGUAGES, reason.strip()), source=source.strip()
    )
    _write(target, workcal.OverrideFile({**content.days, day: entry}, content.unconfirmed_holidays))


def remove_override(day: dt.date, *, path: Path | None = None) -> bool:
    """Take ``day`` out of the user's calendar file; False when it was not there.

    Raises:
        OverrideError: the file has an error or cannot be written (it is left as it was).
    """
    target = path if path is not None else workcal.user_file()
    content = _read(target)
    if day not in content.days:
        return False
    days = {key: value for key, value in content.days.items() if key != day}
    _write(target, workcal.OverrideFile(days, content.unconfirmed_holidays))
    return True


__all__ = [
    "APP_FILE",
    "DECREE",
    "LAW",
    "SOURCES",
    "SOURCE_NAMES",
    "USER_FILE",
    "WEEKEND",
    "DayStatus",
    "OverrideError",
    "add_override",
    "remove_override",
    "year_days",
]
