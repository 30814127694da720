"""Working days and days off in Kazakhstan, for counting terms.

A day is off when it is a Saturday or Sunday, a holiday the ``holidays``
package knows for Kazakhstan (national and state holidays, the days off that
replace holidays falling on a weekend, the first day of Kurban Ait and the
days off the Government moves by yearly decree), unless an override file says
otherwise. Days off are never written into this module: they come from the
package and from two override files of the same format —
``rules/calendar.toml`` shipped with the app and ``calendar.toml`` in the
user's config folder, so a user can add a decree the package does not know
yet without waiting for a release. What the package says is read from a table
generated from its pinned version (``holiday_table``, years 1991–2041); the
package itself is imported only for a year outside the table.

A decreed transfer makes a weekday off *and* a weekend day a working day. The
package only lists the day off, labelled "Day off (substituted from
MM/DD/YYYY)"; the working Saturday (or Sunday) is read back from that label.

Which statuses are doubtful is part of the answer: a holiday the package marks
"(estimated)" (Kurban Ait in years not yet fixed) or one an override file
marks unconfirmed is still treated as a day off, but :meth:`WorkCalendar.is_confirmed`
says so and the deadline engine warns.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kzcomplaint.core.files import resources
from kzcomplaint.core.law import ruledata
from kzcomplaint.core.text.i18n import N_, Message
from kzcomplaint.core.text.languages import LANGUAGES

COUNTRY = "KZ"
"""Country code of the ``holidays`` package calendar used."""

FILE_NAME = "calendar.toml"
"""Name of the override file, shipped in ``rules/`` and in the user's config folder."""

WORKING_DAY = "working_day"
DAY_OFF = "day_off"
KINDS = (WORKING_DAY, DAY_OFF)

# How far the day-by-day searches may run before the calendar is declared
# unusable. No real calendar has ten years of consecutive days off; a user file
# that does must fail loudly rather than hang.
_SEARCH_LIMIT = 3660

# The names the ``holidays`` package gives Kazakhstan's holidays in en_US. They
# are listed only so that ``pybabel extract`` puts them into the catalogues;
# a name the package adds later is shown in English until it is translated.
_PACKAGE_HOLIDAY_NAMES = (
    N_("New Year's Day"),
    N_("Orthodox Christmas"),
    N_("International Women's Day"),
    N_("Nowruz Holiday"),
    N_("Kazakhstan's People Solidarity Holiday"),
    N_("Defender of the Fatherland Day"),
    N_("Victory Day"),
    N_("Capital Day"),
    N_("Constitution Day"),
    N_("Republic Day"),
    N_("First President Day"),
    N_("Independence Day"),
    N_("Eid al-Adha"),
)

_WEEKDAY_NAMES = {5: N_("Saturday"), 6: N_("Sunday")}

# "Nowruz Holiday (observed)", "Eid al-Adha (observed, estimated)": a base name
# and the package's flags in brackets.
_FLAGS = re.compile(r"^(?P<name>.*?)\s*\((?P<flags>[^()]*)\)\s*$")

# A decreed transfer as the package writes it in en_US today is
# "Day off (substituted from 01/05/2020)". A label is taken as a transfer when
# it says so in any of the package's languages or simply carries a date (no
# holiday's name does), and the date is searched for in any of the three forms
# the package uses, so a change of the label's wording or date format does not
# silently drop working Saturdays.
_SUBSTITUTED = re.compile(r"substitut|transfer|ауыстыр|перен[её]с", re.IGNORECASE)
_DATE_FORMS: tuple[tuple[re.Pattern[str], tuple[str, str, str]], ...] = (
    (re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)"), ("month", "day", "year")),
    (re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)"), ("day", "month", "year")),
    (re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"), ("year", "month", "day")),
)
# A decree moves a day off within a few weeks, at most across New Year; a date
# further away than this in a label is a misreading, not a transfer.
_TRANSFER_MAX_DISTANCE = dt.timedelta(days=120)


class CalendarError(ValueError):
    """The calendar cannot answer (e.g. an override file makes every day a day off)."""

    def __init__(self, message: Message) -> None:
        """Keep the user-facing ``message``."""
        super().__init__(message.msgid.format(**message.params))
        self.message = message


@dataclasses.dataclass(frozen=True)
class Override:
    """One ``[[day]]`` entry of an override file: a date made working or off."""

    date: dt.date
    kind: str
    reason: Mapping[str, str]
    source: str = ""
    confirmed: bool = True
    origin: str = ""

    @property
    def working(self) -> bool:
        """True when the entry makes the date a working day."""
        return self.kind == WORKING_DAY


@dataclasses.dataclass(frozen=True)
class UnconfirmedHoliday:
    """An ``[[unconfirmed_holiday]]`` entry: a package holiday whose day-off status is in doubt.

    The day stays off (what the package says), but every date whose status
    depends on it is reported as unconfirmed. Matched by the package's en_US
    name, including its "(observed)" replacement days.
    """

    name: str
    from_date: dt.date
    to_date: dt.date | None
    reason: Mapping[str, str]
    source: str

    def covers(self, day: dt.date, package_name: str) -> bool:
        """True when ``package_name`` on ``day`` is this holiday, within its dates."""
        if all(_split_flags(part)[0] != self.name for part in package_name.split(";")):
            return False
        return self.from_date <= day and (self.to_date is None or day <= self.to_date)


@dataclasses.dataclass(frozen=True)
class OverrideFile:
    """The parsed content of one override file."""

    days: Mapping[dt.date, Override]
    unconfirmed_holidays: tuple[UnconfirmedHoliday, ...]


@dataclasses.dataclass(frozen=True)
class _PackageYear:
    """What the ``holidays`` package says about one year."""

    holidays: Mapping[dt.date, str]
    # working day -> the day off it was transferred to
    transfers: Mapping[dt.date, dt.date]
    problems: tuple[Message, ...]


def _split_flags(name: str) -> tuple[str, frozenset[str]]:
    """Split a package name into its base name and bracketed flags (observed, estimated)."""
    match = _FLAGS.match(name)
    if not match or _is_transfer_label(name):
        return name.strip(), frozenset()
    flags = frozenset(flag.strip().lower() for flag in match["flags"].split(","))
    return match["name"], flags


def _is_transfer_label(label: str) -> bool:
    return bool(_SUBSTITUTED.search(label)) or any(pattern.search(label) for pattern, _ in _DATE_FORMS)


def transferred_working_day(label: str, day_off: dt.date) -> dt.date | None:
    """The working day a decreed transfer label names, or ``None`` if it is not one.

    Args:
        label: the package's name for ``day_off``, e.g.
            ``"Day off (substituted from 01/05/2020)"``.
        day_off: the date the label belongs to; a date in the label implausibly
            far from it is rejected.

    Returns:
        The date that became a working day, or ``None`` when ``label`` is not
        a transfer label.

    Raises:
        ValueError: the label is a transfer but no plausible date can be read
            from it (the caller reports this rather than guessing).
    """
    matches = [(match, order) for pattern, order in _DATE_FORMS for match in pattern.finditer(label)]
    if not matches and not _SUBSTITUTED.search(label):
        return None
    for match, order in matches:
        parts = dict(zip(order, (int(group) for group in match.groups()), strict=True))
        try:
            found = dt.date(parts["year"], parts["month"], parts["day"])
        except ValueError:
            continue
        if found != day_off and abs(found - day_off) <= _TRANSFER_MAX_DISTANCE:
            return found
    raise ValueError(f"no plausible date in transfer label {label!r} of {day_off.isoformat()}")


def package_holidays(year: int) -> dict[dt.date, str]:
    """What the ``holidays`` package says about ``year`` in Kazakhstan: date → en_US name.

    Read from the table generated from the pinned package
    (:mod:`~kzcomplaint.core.law.holiday_table`, ``tools/holiday_table.py``);
    the package itself is imported only for a year outside the table, since
    importing it loads every country's calendar.
    """
    from kzcomplaint.core.law import holiday_table

    if holiday_table.FIRST_YEAR <= year <= holiday_table.LAST_YEAR:
        return {dt.date.fromisoformat(day): name for day, name in holiday_table.DAYS[year]}
    if year < holiday_table.FIRST_YEAR:
        return {}  # the package knows no Kazakh holiday before its first year (the tool checks)
    import holidays

    return {day: str(name) for day, name in holidays.country_holidays(COUNTRY, years=year, language="en_US").items()}


@functools.cache
def _package_year(year: int) -> _PackageYear:
    """Kazakhstan's holidays of ``year`` from the ``holidays`` package (cached)."""
    names = package_holidays(year)
    transfers: dict[dt.date, dt.date] = {}
    problems: list[Message] = []
    for day, name in names.items():
        # Two holidays on one date come joined with "; ".
        for part in str(name).split(";"):
            try:
                working = transferred_working_day(part, day)
            except ValueError:
                problems.append(
                    Message(
                        N_(
                            "The holiday calendar lists a transferred day off on {date} ({label}) "
                            "but the working day it was moved from could not be read; add it to "
                            "your calendar file if needed."
                        ),
                        date=day,
                        label=part.strip(),
                    )
                )
                continue
            if working is not None:
                transfers[working] = day
    return _PackageYear(names, transfers, tuple(problems))


def _reason_table(raw: object, where: str, *, lenient: bool) -> dict[str, str]:
    """A three-language reason; the user's file may give one text for all languages."""
    if not lenient:
        return ruledata.localized(raw, where)
    if isinstance(raw, str) and raw.strip():
        return dict.fromkeys(LANGUAGES, raw)
    if isinstance(raw, Mapping):
        given = {
            lang: raw[lang] for lang in LANGUAGES if isinstance(raw.get(lang), str) and raw[lang].strip()
        }
        if given:
            fallback = next(iter(given.values()))
            return {lang: str(given.get(lang, fallback)) for lang in LANGUAGES}
    raise ruledata.RuleFileError(f"{where}: a reason text is required")


def parse_override_file(data: Mapping[str, Any], source: str, *, user: bool = False) -> OverrideFile:
    """Validate the content of an override file.

    Args:
        data: the TOML document.
        source: the file name, for error messages.
        user: the user's own file, which may leave out ``source`` and give a
            single ``reason`` text instead of one per language.

    Raises:
        RuleFileError: naming the file, the entry and the key at fault.
    """
    unknown = set(data) - {"day", "unconfirmed_holiday"}
    if unknown:
        raise ruledata.RuleFileError(f"{source}: unknown tables {sorted(unknown)}")
    entries = data.get("day", [])
    if not isinstance(entries, list):
        raise ruledata.RuleFileError(f"{source}: 'day' must be an array of tables ([[day]])")
    days: dict[dt.date, Override] = {}
    for index, entry in enumerate(entries, start=1):
        where = f"{source} [[day]] #{index}"
        if not isinstance(entry, Mapping):
            raise ruledata.RuleFileError(f"{where}: expected a table")
        extra = set(entry) - {"date", "kind", "reason", "source", "confirmed"}
        if extra:
            raise ruledata.RuleFileError(f"{where}: unknown keys {sorted(extra)}")
        day = ruledata.date_value(entry.get("date"), f"{where} date", required=True)
        assert day is not None  # required=True never returns None
        kind = ruledata.choice(entry.get("kind"), KINDS, f"{where} kind")
        origin = entry.get("source", "")
        if not isinstance(origin, str) or (not user and not origin.strip()):
            raise ruledata.RuleFileError(f"{where} source: the decree or law that makes this day {kind}")
        if day in days:
            raise ruledata.RuleFileError(f"{where}: {day.isoformat()} is listed twice")
        days[day] = Override(
            date=day,
            kind=kind,
            reason=_reason_table(entry.get("reason"), f"{where} reason", lenient=user),
            source=origin,
            confirmed=ruledata.boolean(entry.get("confirmed", True), f"{where} confirmed"),
            origin=source,
        )
    raw_unconfirmed = data.get("unconfirmed_holiday", [])
    if not isinstance(raw_unconfirmed, list):
        raise ruledata.RuleFileError(f"{source}: 'unconfirmed_holiday' must be an array of tables")
    unconfirmed: list[UnconfirmedHoliday] = []
    for index, entry in enumerate(raw_unconfirmed, start=1):
        where = f"{source} [[unconfirmed_holiday]] #{index}"
        if not isinstance(entry, Mapping):
            raise ruledata.RuleFileError(f"{where}: expected a table")
        extra = set(entry) - {"name", "from", "to", "reason", "source"}
        if extra:
            raise ruledata.RuleFileError(f"{where}: unknown keys {sorted(extra)}")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ruledata.RuleFileError(f"{where} name: the holiday's name as the holidays package gives it")
        start = ruledata.date_value(entry.get("from"), f"{where} from", required=True)
        assert start is not None
        end = ruledata.date_value(entry.get("to"), f"{where} to")
        if end is not None and end < start:
            raise ruledata.RuleFileError(f"{where}: 'to' is before 'from'")
        origin = entry.get("source", "")
        if not isinstance(origin, str) or (not user and not origin.strip()):
            raise ruledata.RuleFileError(f"{where} source: where the doubt comes from")
        unconfirmed.append(
            UnconfirmedHoliday(
                name=name.strip(),
                from_date=start,
                to_date=end,
                reason=_reason_table(entry.get("reason"), f"{where} reason", lenient=user),
                source=origin,
            )
        )
    return OverrideFile(days, tuple(unconfirmed))


def _holiday_reason(name: str, day: dt.date) -> Message:
    """A translatable reason for the package's holiday ``name`` on ``day``."""
    parts = [part.strip() for part in name.split(";") if part.strip()]
    if len(parts) > 1:
        return Message(
            N_("{first}; {second}"),
            first=_holiday_reason(parts[0], day),
            second=_holiday_reason("; ".join(parts[1:]), day),
        )
    base, flags = _split_flags(name)
    if _is_transfer_label(base):
        # Re-written rather than shown as the package's label: its US-style
        # date is not something to put in front of a Kazakh or Russian reader.
        try:
            working = transferred_working_day(base, day)
        except ValueError:
            working = None
        if working is None:
            return Message(N_("day off transferred by government decree"))
        return Message(N_("day off transferred from {date} by government decree"), date=working)
    holiday = Message(base)
    observed = "observed" in flags
    estimated = "estimated" in flags
    if observed and estimated:
        return Message(N_("{holiday} (moved from a weekend; date estimated)"), holiday=holiday)
    if observed:
        return Message(N_("{holiday} (moved from a weekend)"), holiday=holiday)
    if estimated:
        return Message(N_("{holiday} (date estimated)"), holiday=holiday)
    return holiday


class WorkCalendar:
    """Which days are working days in Kazakhstan.

    Precedence, strongest first: the user's override file, the shipped override
    file, the package's holidays, working days read from the package's transfer
    labels, Saturday and Sunday. Package years are loaded lazily and cached.

    Attributes:
        load_warnings: messages about override data that was ignored (a broken
            user file, an unreadable transfer label); the front ends show them.
    """

    def __init__(self, *, shipped_file: Path | None = None, user_file: Path | None = None) -> None:
        """Build a calendar from the package plus the given override files.

        Args:
            shipped_file: the app's own override file; an error in it raises
                :class:`~kzcomplaint.core.law.ruledata.RuleFileError` (a bug to be
                caught by the tests, not by users).
            user_file: the user's override file; missing is fine, broken is
                reported in :attr:`load_warnings` and the file is ignored.
        """
        self.load_warnings: list[Message] = []
        self._layers: list[OverrideFile] = []
        self._loaded_years: set[int] = set()
        self._holidays: dict[dt.date, str] = {}
        self._transfers: dict[dt.date, dt.date] = {}
        if shipped_file is not None:
            self._layers.append(parse_override_file(ruledata.load_path(shipped_file), shipped_file.name))
        if user_file is not None and user_file.exists():
            try:
                layer = parse_override_file(ruledata.load_path(user_file), str(user_file), user=True)
            except ruledata.RuleFileError as error:
                self.load_warnings.append(
                    Message(
                        N_("Your calendar file {path} was ignored because it has an error: {error}"),
                        path=str(user_file),
                        error=str(error),
                    )
                )
            else:
                # The user's word beats the shipped file: checked first.
                self._layers.insert(0, layer)

    # -- what is known about one day ------------------------------------------------

    def _ensure_years(self, year: int) -> None:
        # A transfer can cross New Year (2014-01-03 off, 2013-12-28 working), so
        # the neighbouring years' labels are read too.
        for wanted in (year - 1, year, year + 1):
            if wanted in self._loaded_years or not dt.MINYEAR < wanted < dt.MAXYEAR:
                continue
            package = _package_year(wanted)
            self._holidays.update(package.holidays)
            self._transfers.update(package.transfers)
            self.load_warnings.extend(p for p in package.problems if p not in self.load_warnings)
            self._loaded_years.add(wanted)

    def override(self, day: dt.date) -> Override | None:
        """The override entry that decides ``day`` (the user's file first), or ``None``."""
        for layer in self._layers:
            if day in layer.days:
                return layer.days[day]
        return None

    def _unconfirmed_holiday(self, day: dt.date, name: str) -> UnconfirmedHoliday | None:
        for layer in self._layers:
            for entry in layer.unconfirmed_holidays:
                if entry.covers(day, name):
                    return entry
        return None

    def package_holiday(self, day: dt.date) -> str | None:
        """The ``holidays`` package's en_US name for ``day``, or ``None``."""
        self._ensure_years(day.year)
        return self._holidays.get(day)

    def is_working_day(self, day: dt.date) -> bool:
        """True when ``day`` is a working day."""
        override = self.override(day)
        if override is not None:
            return override.working
        self._ensure_years(day.year)
        if day in self._holidays:
            return False
        if day in self._transfers:
            return True
        return day.weekday() not in _WEEKDAY_NAMES

    def day_off_reason(self, day: dt.date) -> Message | None:
        """Why ``day`` is off, as a translatable message; ``None`` for a working day."""
        override = self.override(day)
        if override is not None:
            if override.working:
                return None
            if override.confirmed:
                return Message(N_("{reason}"), reason=override.reason)
            return Message(N_("{reason} (unconfirmed)"), reason=override.reason)
        if self.is_working_day(day):
            return None
        name = self._holidays.get(day)
        if name is None:
            return Message(_WEEKDAY_NAMES[day.weekday()])
        reason = _holiday_reason(name, day)
        doubt = self._unconfirmed_holiday(day, name)
        if doubt is not None:
            return Message(
                N_("{holiday} — unconfirmed: {reason}"), holiday=reason, reason=doubt.reason
            )
        return reason

    def working_day_reason(self, day: dt.date) -> Message | None:
        """Why a Saturday or Sunday is a working day (a transfer or override), else ``None``."""
        if day.weekday() not in _WEEKDAY_NAMES or not self.is_working_day(day):
            return None
        override = self.override(day)
        if override is not None:
            return Message(N_("{reason}"), reason=override.reason)
        return Message(
            N_("working day: its day off was transferred to {date} by government decree"),
            date=self._transfers[day],
        )

    def is_confirmed(self, day: dt.date) -> bool:
        """False when whether ``day`` is off is in doubt (estimated or marked unconfirmed)."""
        override = self.override(day)
        if override is not None:
            return override.confirmed
        self._ensure_years(day.year)
        name = self._holidays.get(day)
        if name is None:
            return True
        if any("estimated" in _split_flags(part)[1] for part in name.split(";")):
            return False
        return self._unconfirmed_holiday(day, name) is None

    # -- moving and counting ------------------------------------------------------------

    def _step(self, day: dt.date, step: int) -> dt.date:
        for _ in range(_SEARCH_LIMIT):
            day += dt.timedelta(days=step)
            if self.is_working_day(day):
                return day
        raise CalendarError(
            Message(N_("The calendar has no working day near {date}; check your calendar file."), date=day)
        )

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after ``day``."""
        return self._step(day, 1)

    def previous_working_day(self, day: dt.date) -> dt.date:
        """The last working day strictly before ``day``."""
        return self._step(day, -1)

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``day`` (``day`` itself not counted).

        ``count == 0`` returns ``day`` unchanged.

        Raises:
            ValueError: ``count`` is negative.
        """
        if count < 0:
            raise ValueError("count must not be negative")
        for _ in range(count):
            day = self.next_working_day(day)
        return day

    def days_off(self, first: dt.date, last: dt.date) -> list[tuple[dt.date, Message]]:
        """Every day off from ``first`` to ``last`` inclusive, with its reason."""
        result: list[tuple[dt.date, Message]] = []
        day = first
        while day <= last:
            reason = self.day_off_reason(day)
            if reason is not None:
                result.append((day, reason))
            day += dt.timedelta(days=1)
        return result


def shipped_file() -> Path:
    """The shipped override file."""
    return resources.rules_dir() / FILE_NAME


def user_file() -> Path:
    """Where the user's override file is looked for."""
    return resources.user_config_dir() / FILE_NAME


@functools.cache
def default_calendar() -> WorkCalendar:
    """The calendar with the shipped and the user's overrides (cached; ``cache_clear()`` to reload)."""
    return WorkCalendar(shipped_file=shipped_file(), user_file=user_file())


__all__ = [
    "DAY_OFF",
    "WORKING_DAY",
    "CalendarError",
    "Override",
    "OverrideFile",
    "UnconfirmedHoliday",
    "WorkCalendar",
    "default_calendar",
    "package_holidays",
    "parse_override_file",
    "shipped_file",
    "transferred_working_day",
    "user_file",
]
