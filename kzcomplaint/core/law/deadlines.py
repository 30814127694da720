"""The deadline engine: when a term ends, with every step of the working shown.

The rules are data (``rules/deadlines.toml``): trigger, length, unit, how a
last day on a day off is treated, the window that turns a term into
"immediately", the citation and the dates the rule was in force and checked.
This module holds no legal number; it reads the rules, picks the version in
force on the trigger date, counts on a :class:`~kzcomplaint.core.law.calendar.WorkCalendar`
and explains itself: a :class:`Deadline` carries the steps of the count as
translatable messages and warnings for what the user must act on (a term
already past, a last day on a day off, a rule not checked against the law in
force on the date).

Counting conventions (from the team's reading of the law, see LAW.md "How to
count"): day 1 is the day after the trigger; a calendar-day term of N days
ends on trigger + N; a working-day term ends on the N-th working day after the
trigger; a term of N months ends on the same date N months later (the last
day of that month when it has no such date); "immediately" has no count at
all. A written appeal received on a day off is registered on the next working
day and its term counts from there (APPC art. 64 part 3). For a court or a
prosecutor, voting day and the day before it are working days (Election Law
art. 48 para. 1): a rule that says so never flags them as days off.
"""

from __future__ import annotations

import calendar as calendar_module
import dataclasses
import datetime as dt
import functools
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from kzcomplaint.core.case.model import ContestedType, ElectionKind, Level, get_path
from kzcomplaint.core.law import amendments, elections, escalation, ruledata
from kzcomplaint.core.law import calendar as workcal
from kzcomplaint.core.law.calendar import WorkCalendar
from kzcomplaint.core.law.citations import Citation, parse_citation
from kzcomplaint.core.law.questions import kind_questions
from kzcomplaint.core.text.i18n import N_, Message, Translator

if TYPE_CHECKING:
    from kzcomplaint.core.case.model import Case

RULES_FILE = "deadlines.toml"

TRIGGERS = ("event", "filing", "registration", "service")
UNITS = ("calendar", "working", "months")
STARTS = ("next_day",)
NON_WORKING_LAST_DAY = ("keep_and_flag", "next_working_day")
PARTIES = ("complainant", "body")
WINDOW_ANCHORS = ("voting_day",)

TRIGGER_FIELDS: Mapping[str, str] = {
    "event": "contested.date",
    # The model has no registration date: a written appeal is registered the
    # day it is received (the rule's note says so and what changes if not).
    "filing": "filing_date",
    "registration": "filing_date",
    # Service of the act on the complainant, or the day they learnt of the
    # action: the date received, else the day it happened (see case_deadlines).
    "service": "contested.received_on",
}
"""Which case field holds the date each trigger kind starts from."""

PAST = "deadline.past"
TODAY = "deadline.today"
NON_WORKING = "deadline.non_working_last_day"
TRIGGER_MISSING = "deadline.trigger_missing"
VOTING_DAY_MISSING = "deadline.voting_day_missing"
LAW_UNVERIFIED = "law.unverified"
CITATION_UNCONFIRMED = "citation.unconfirmed"
ELECTION_UNCONFIRMED = "election.unconfirmed"
CALENDAR_UNCONFIRMED = "calendar.unconfirmed"
UNANSWERED = "deadline.unanswered"

_RULE_KEYS = frozenset(
    {
        "id",
        "title",
        "trigger",
        "trigger_label",
        "party",
        "length",
        "unit",
        "start",
        "non_working_last_day",
        "immediate_window",
        "same_day",
        "applies_to",
        "citation",
        "effective_from",
        "effective_to",
        "verified_as_of",
        "note",
        "late",
        "voting_day_working",
    }
)
_PUBLISHED_LATER = N_(
    "It was published on {date}. That does not move the term: it still runs from {event}, "
    "the day it was taken."
)
_RECEIVED_LATER = N_("You received it on {date}. That does not move the term: it still runs from {event}.")

_OPTIONAL_KEYS = frozenset(
    {"immediate_window", "same_day", "applies_to", "effective_to", "late", "voting_day_working"}
)
_WINDOW_KEYS = frozenset({"days", "before", "including_voting_day"})
_APPLIES_KEYS = frozenset(
    {
        "addressee_levels",
        "respondent_below_addressee",
        "respondent_levels",
        "contested_types",
        "election_kinds",
        "details",
        "details_not",
    }
)
_TOP_KEYS = frozenset({"rule", "commission_hierarchy", "voting_day_working", "registration"})


class UnknownRuleError(LookupError):
    """A deadline rule id that is not in ``rules/deadlines.toml``."""

    def __init__(self, rule_id: str) -> None:
        """Remember the id and build the user-facing message."""
        self.rule_id = rule_id
        self.message = Message(
            N_("Unknown deadline rule “{rule}”. Known rules: {known}."),
            rule=rule_id,
            known=", ".join(rules()),
        )
        super().__init__(f"unknown deadline rule {rule_id!r}")


@dataclasses.dataclass(frozen=True)
class ImmediateWindow:
    """When a term becomes "immediately": a trigger less than ``days`` days before voting day."""

    days: int
    before: str
    including_voting_day: bool

    def covers(self, trigger: dt.date, voting_day: dt.date) -> bool:
        """True when ``trigger`` falls in the window before ``voting_day``."""
        days_before = (voting_day - trigger).days
        if days_before == 0:
            return self.including_voting_day
        return 0 < days_before < self.days


@dataclasses.dataclass(frozen=True)
class AppliesTo:
    """Which cases a rule is for, judged by the addressee and the respondent.

    Attributes:
        addressee_levels: the rule applies only when the document goes to a
            body of one of these levels (empty = any).
        respondent_below_addressee: ``True`` = only when the respondent is a
            commission below the addressee commission; ``False`` = never then;
            ``None`` = either.
    """

    addressee_levels: tuple[str, ...] = ()
    respondent_below_addressee: bool | None = None
    respondent_levels: tuple[str, ...] = ()
    """The rule applies only when the respondent is of one of these levels (empty = any)."""
    contested_types: tuple[str, ...] = ()
    """The rule applies only to these kinds of contested act (empty = any)."""
    details: Mapping[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    """Answers that select the rule: ``{question: values}``; ``""`` among the values = unanswered."""
    details_not: Mapping[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    """Answers that exclude the rule."""
    election_kinds: tuple[str, ...] = ()
    """The rule applies only in a vote of one of these kinds (model.ElectionKind values; empty = any)."""


@dataclasses.dataclass(frozen=True)
class DeadlineRule:
    """One version of a deadline rule, as declared in ``rules/deadlines.toml``."""

    id: str
    title: Mapping[str, str]
    trigger: str
    trigger_label: Mapping[str, str]
    party: str
    length: int
    unit: str
    start: str
    non_working_last_day: str
    immediate_window: ImmediateWindow | None
    same_day: bool
    applies_to: tuple[AppliesTo, ...]
    """The cases the rule is for: it applies when ANY of these fits (``applies_to`` a table or a list)."""
    citation: Citation
    effective_from: dt.date
    effective_to: dt.date | None
    verified_as_of: dt.date
    note: Mapping[str, str]
    late: Mapping[str, str] | None = None
    """What happens to a document filed after the last day (complainant rules), in kk, ru and en."""
    voting_day_working: bool = False
    """The body concerned (a court, a prosecutor) works on voting day and the day before it."""

    def in_force_on(self, day: dt.date) -> bool:
        """True when this version was in force on ``day``."""
        return ruledata.in_force(self.effective_from, self.effective_to, day)


@dataclasses.dataclass(frozen=True)
class RuleSet:
    """All rules of a file: the versions of each id, oldest first, the commission order and shared grounds.

    Attributes:
        versions: every version of each rule id, oldest first.
        commission_hierarchy: election commissions, highest first.
        voting_day_working: the provision that makes voting day and the day
            before it working days for courts and prosecutors.
        registration: the provision that registers an appeal received on a
            day off on the next working day.
    """

    versions: Mapping[str, tuple[DeadlineRule, ...]]
    commission_hierarchy: tuple[str, ...]
    voting_day_working: Citation | None = None
    registration: Citation | None = None


@dataclasses.dataclass(frozen=True)
class DeadlineWarning:
    """Something about a deadline the user must see: ``code`` for programs, ``message`` for people."""

    code: str
    message: Message


@dataclasses.dataclass
class Deadline:
    """A computed term and how it was computed.

    Attributes:
        rule: the rule id.
        title: the rule's title in kk, ru and en.
        trigger: ``event``, ``filing`` or ``registration``.
        event: the trigger date (``None`` when it is not known).
        start: day 1 of the count (``None`` when there is no count).
        last_day: the last day, after any move (``None`` when immediate or
            when the trigger date is missing).
        immediate: the term is "without delay (same day)".
        same_day: the rule itself is "the same day" (``last_day`` = trigger).
        unit: ``calendar`` or ``working``.
        days: the rule's length.
        citation: where the rule comes from.
        steps: the working, in order, as translatable messages.
        warnings: what the user must act on.
        recommended_day: for a last day the law does not move, the last working
            day on or before it.
        note: the rule's interpretation note in kk, ru and en.
    """

    rule: str
    title: Mapping[str, str]
    trigger: str
    event: dt.date | None
    start: dt.date | None
    last_day: dt.date | None
    immediate: bool
    same_day: bool
    unit: str
    days: int
    citation: Citation
    steps: list[Message]
    warnings: list[DeadlineWarning]
    recommended_day: dt.date | None = None
    note: Mapping[str, str] = dataclasses.field(default_factory=dict)
    late: Mapping[str, str] | None = None
    via: Citation | None = None
    unanswered: tuple[str, ...] = ()
    """The kind's questions left blank that make this term apply (it may not, once they are answered)."""

    @property
    def warning_codes(self) -> list[str]:
        """The codes of :attr:`warnings`, in order."""
        return [warning.code for warning in self.warnings]

    def as_json(self, tr: Translator) -> dict[str, Any]:
        """Machine-readable form with texts in ``tr``'s language and ISO dates."""
        language = tr.language
        return {
            "rule": self.rule,
            "title": self.title[language],
            "trigger": self.trigger,
            "event": _iso(self.event),
            "start": _iso(self.start),
            "last_day": _iso(self.last_day),
            "immediate": self.immediate,
            "same_day": self.same_day,
            "unit": self.unit,
            "days": self.days,
            "citation": self.citation.text(language),
            "citation_confirmed": self.citation.is_confirmed,
            "citation_ref": self.citation.as_json(language),
            "via": self.via.text(language) if self.via is not None else None,
            "steps": [step.render(tr) for step in self.steps],
            "warnings": [{"code": w.code, "message": w.message.render(tr)} for w in self.warnings],
            "recommended_day": _iso(self.recommended_day),
            "unanswered": list(self.unanswered),
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


# -- loading the rules ---------------------------------------------------------------------


def _integer(raw: object, where: str, *, minimum: int) -> int:
    # bool is an int in Python; "length = true" is a typo, not 1.
    if not isinstance(raw, int) or isinstance(raw, bool) or raw < minimum:
        raise ruledata.RuleFileError(f"{where}: expected a whole number >= {minimum}, got {raw!r}")
    return raw


def _window(raw: object, where: str) -> ImmediateWindow | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise ruledata.RuleFileError(f"{where}: expected a table")
    unknown = set(raw) - _WINDOW_KEYS
    missing = _WINDOW_KEYS - set(raw)
    if unknown or missing:
        raise ruledata.RuleFileError(
            f"{where}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}"
        )
    return ImmediateWindow(
        days=_integer(raw["days"], f"{where} days", minimum=1),
        before=ruledata.choice(raw["before"], WINDOW_ANCHORS, f"{where} before"),
        including_voting_day=ruledata.boolean(raw["including_voting_day"], f"{where} including_voting_day"),
    )


def _applies_to(raw: object, where: str) -> tuple[AppliesTo, ...]:
    """``applies_to``: one table, or a list of tables of which any may fit (absent = every case)."""
    if raw is None:
        return (AppliesTo(),)
    if isinstance(raw, list):
        if not raw:
            raise ruledata.RuleFileError(f"{where}: expected a table or a non-empty list of tables")
        return tuple(_condition(item, f"{where}[{index}]") for index, item in enumerate(raw))
    return (_condition(raw, where),)


def _condition(raw: object, where: str) -> AppliesTo:
    if not isinstance(raw, Mapping):
        raise ruledata.RuleFileError(f"{where}: expected a table")
    unknown = set(raw) - _APPLIES_KEYS
    if unknown:
        raise ruledata.RuleFileError(f"{where}: unknown keys {sorted(unknown)}")
    levels = ruledata.string_list(raw.get("addressee_levels", []), f"{where} addressee_levels")
    known = {level.value for level in Level}
    bad = [level for level in levels if level not in known]
    if bad:
        raise ruledata.RuleFileError(f"{where} addressee_levels: unknown levels {bad}")
    respondents = ruledata.string_list(raw.get("respondent_levels", []), f"{where} respondent_levels")
    bad = [level for level in respondents if level not in known]
    if bad:
        raise ruledata.RuleFileError(f"{where} respondent_levels: unknown levels {bad}")
    contested = ruledata.string_list(raw.get("contested_types", []), f"{where} contested_types")
    bad = [kind for kind in contested if kind not in {t.value for t in ContestedType}]
    if bad:
        raise ruledata.RuleFileError(f"{where} contested_types: unknown types {bad}")
    votes = ruledata.string_list(raw.get("election_kinds", []), f"{where} election_kinds")
    bad = [kind for kind in votes if kind not in {k.value for k in ElectionKind}]
    if bad:
        raise ruledata.RuleFileError(f"{where} election_kinds: unknown kinds of vote {bad}")
    below = raw.get("respondent_below_addressee")
    return AppliesTo(
        addressee_levels=levels,
        respondent_below_addressee=None
        if below is None
        else ruledata.boolean(below, f"{where} respondent_below_addressee"),
        respondent_levels=respondents,
        contested_types=contested,
        details=_answers(raw.get("details"), f"{where} details"),
        details_not=_answers(raw.get("details_not"), f"{where} details_not"),
        election_kinds=votes,
    )


def _answers(raw: object, where: str) -> dict[str, tuple[str, ...]]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise ruledata.RuleFileError(f"{where}: expected a table of question id = [answers]")
    return {str(key): ruledata.string_list(value, f"{where}.{key}") for key, value in raw.items()}


def parse_rule(entry: Mapping[str, Any], where: str) -> DeadlineRule:
    """Validate one ``[[rule]]`` table.

    Raises:
        RuleFileError: naming ``where`` and the key at fault.
    """
    ruledata.check_keys(entry, _RULE_KEYS, _OPTIONAL_KEYS, where)
    rule_id = entry["id"]
    if not isinstance(rule_id, str) or not rule_id.strip():
        raise ruledata.RuleFileError(f"{where} id: expected a non-empty string")
    same_day = ruledata.boolean(entry.get("same_day", False), f"{where} same_day")
    length = _integer(entry["length"], f"{where} length", minimum=0)
    if same_day != (length == 0):
        raise ruledata.RuleFileError(f"{where}: a same-day rule has length 0, and only a same-day rule does")
    effective_from = ruledata.date_value(entry["effective_from"], f"{where} effective_from", required=True)
    effective_to = ruledata.date_value(entry.get("effective_to"), f"{where} effective_to")
    verified = ruledata.date_value(entry["verified_as_of"], f"{where} verified_as_of", required=True)
    assert effective_from is not None and verified is not None  # required=True
    if effective_to is not None and effective_to < effective_from:
        raise ruledata.RuleFileError(f"{where}: effective_to is before effective_from")
    window = _window(entry.get("immediate_window"), f"{where} immediate_window")
    if window is not None and same_day:
        raise ruledata.RuleFileError(f"{where}: a same-day rule cannot also have an immediate window")
    if entry["party"] == "complainant" and "late" not in entry:
        raise ruledata.RuleFileError(f"{where}: a complainant's term must say what happens when it is missed (late)")
    return DeadlineRule(
        id=rule_id,
        title=ruledata.localized(entry["title"], f"{where} title"),
        trigger=ruledata.choice(entry["trigger"], TRIGGERS, f"{where} trigger"),
        trigger_label=ruledata.localized(entry["trigger_label"], f"{where} trigger_label"),
        party=ruledata.choice(entry["party"], PARTIES, f"{where} party"),
        length=length,
        unit=ruledata.choice(entry["unit"], UNITS, f"{where} unit"),
        start=ruledata.choice(entry["start"], STARTS, f"{where} start"),
        non_working_last_day=ruledata.choice(
            entry["non_working_last_day"], NON_WORKING_LAST_DAY, f"{where} non_working_last_day"
        ),
        immediate_window=window,
        same_day=same_day,
        applies_to=_applies_to(entry.get("applies_to"), f"{where} applies_to"),
        citation=parse_citation(entry["citation"], f"{where} citation"),
        effective_from=effective_from,
        effective_to=effective_to,
        verified_as_of=verified,
        note=ruledata.localized(entry["note"], f"{where} note"),
        late=ruledata.localized(entry["late"], f"{where} late") if "late" in entry else None,
        voting_day_working=ruledata.boolean(entry.get("voting_day_working", False), f"{where} voting_day_working"),
    )


def parse_rules(data: Mapping[str, Any], source: str = RULES_FILE) -> RuleSet:
    """Validate a whole deadline rule file.

    Versions of one id must share trigger, party and unit and must not overlap
    in time (an event date must select exactly one version).

    Raises:
        RuleFileError: naming the file, the entry and the key at fault.
    """
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise ruledata.RuleFileError(f"{source}: unknown top-level keys {sorted(unknown)}")
    hierarchy = ruledata.string_list(data.get("commission_hierarchy", []), f"{source} commission_hierarchy")
    grounds = {key: _ground(data.get(key), f"{source} {key}") for key in ("voting_day_working", "registration")}
    raw_rules = data.get("rule")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise ruledata.RuleFileError(f"{source}: no [[rule]] entries")
    grouped: dict[str, list[DeadlineRule]] = {}
    for index, entry in enumerate(raw_rules, start=1):
        label = entry.get("id") if isinstance(entry, Mapping) and isinstance(entry.get("id"), str) else ""
        where = f"{source} [[rule]] #{index} {label}".rstrip()
        if not isinstance(entry, Mapping):
            raise ruledata.RuleFileError(f"{where}: expected a table")
        rule = parse_rule(entry, where)
        grouped.setdefault(rule.id, []).append(rule)
    versions: dict[str, tuple[DeadlineRule, ...]] = {}
    for rule_id, found in grouped.items():
        ordered = sorted(found, key=lambda rule: rule.effective_from)
        for earlier, later in zip(ordered, ordered[1:], strict=False):
            if earlier.effective_to is None or earlier.effective_to >= later.effective_from:
                raise ruledata.RuleFileError(
                    f"{source} rule {rule_id}: the versions from {earlier.effective_from} and "
                    f"{later.effective_from} overlap (give the earlier one an effective_to)"
                )
            for key in ("trigger", "party", "unit"):
                if getattr(earlier, key) != getattr(later, key):
                    raise ruledata.RuleFileError(f"{source} rule {rule_id}: versions differ in {key}")
        versions[rule_id] = tuple(ordered)
    uses_hierarchy = any(
        condition.respondent_below_addressee is not None
        for found in versions.values()
        for rule in found
        for condition in rule.applies_to
    )
    if uses_hierarchy and not hierarchy:
        raise ruledata.RuleFileError(
            f"{source}: respondent_below_addressee needs a commission_hierarchy list (highest first)"
        )
    all_rules = [rule for found in versions.values() for rule in found]
    if any(rule.voting_day_working for rule in all_rules) and grounds["voting_day_working"] is None:
        raise ruledata.RuleFileError(f"{source}: voting_day_working rules need a [voting_day_working] citation")
    if any(rule.trigger == "registration" for rule in all_rules) and grounds["registration"] is None:
        raise ruledata.RuleFileError(f"{source}: registration rules need a [registration] citation")
    return RuleSet(versions, hierarchy, grounds["voting_day_working"], grounds["registration"])


def _ground(raw: object, where: str) -> Citation | None:
    """A shared provision (``[voting_day_working]``, ``[registration]``): a table with a ``citation``."""
    if raw is None:
        return None
    if not isinstance(raw, Mapping) or set(raw) != {"citation"}:
        raise ruledata.RuleFileError(f"{where}: expected a table with only a citation")
    return parse_citation(raw["citation"], f"{where} citation")


def load_rules(path: Path | None = None) -> RuleSet:
    """Load and validate a deadline rule file (the shipped one when ``path`` is ``None``)."""
    if path is None:
        return parse_rules(ruledata.load(RULES_FILE), RULES_FILE)
    return parse_rules(ruledata.load_path(path), path.name)


@functools.cache
def _shipped() -> RuleSet:
    return load_rules()


def rules() -> Mapping[str, tuple[DeadlineRule, ...]]:
    """The shipped rules: every version of each id, oldest first (loaded once)."""
    return _shipped().versions


def rule_version(rule_id: str, on: dt.date) -> tuple[DeadlineRule, bool]:
    """The version of ``rule_id`` in force on ``on``.

    Returns:
        ``(rule, True)``, or ``(latest version, False)`` when no version was
        in force on that date — the caller must then warn.

    Raises:
        UnknownRuleError: no rule has that id.
    """
    try:
        versions = rules()[rule_id]
    except KeyError:
        raise UnknownRuleError(rule_id) from None
    for rule in versions:
        if rule.in_force_on(on):
            return rule, True
    return versions[-1], False


# -- computing -------------------------------------------------------------------------------


class DayCalendar(Protocol):
    """What the engine asks of a calendar (a :class:`WorkCalendar` or a view of one)."""

    def is_working_day(self, day: dt.date) -> bool: ...  # noqa: D102 - see WorkCalendar
    def day_off_reason(self, day: dt.date) -> Message | None: ...  # noqa: D102
    def working_day_reason(self, day: dt.date) -> Message | None: ...  # noqa: D102
    def is_confirmed(self, day: dt.date) -> bool: ...  # noqa: D102
    def next_working_day(self, day: dt.date) -> dt.date: ...  # noqa: D102
    def previous_working_day(self, day: dt.date) -> dt.date: ...  # noqa: D102
    def add_working_days(self, day: dt.date, count: int) -> dt.date: ...  # noqa: D102


class VotingDaysAtWork:
    """A calendar in which voting day and the day before it are working days (Election Law art. 48 para. 1).

    Courts, prosecutors and the police work on those two days, so a court's
    or a prosecutor's term ending on either is not flagged as a day off, and
    a working-day count includes them.
    """

    def __init__(self, calendar: DayCalendar, voting_day: dt.date, citation: Citation) -> None:
        """Wrap ``calendar`` for the election whose voting day is ``voting_day``."""
        self.calendar = calendar
        self.days = frozenset({voting_day, voting_day - dt.timedelta(days=1)})
        self.citation = citation

    def is_working_day(self, day: dt.date) -> bool:
        """True on voting day, the day before it and the calendar's working days."""
        return day in self.days or self.calendar.is_working_day(day)

    def day_off_reason(self, day: dt.date) -> Message | None:
        """``None`` on voting day and the day before it; otherwise the calendar's reason."""
        return None if day in self.days else self.calendar.day_off_reason(day)

    def working_day_reason(self, day: dt.date) -> Message | None:
        """Why a day that would be off is worked: voting day or its eve, or the calendar's reason."""
        if day in self.days and not self.calendar.is_working_day(day):
            return Message(
                N_("voting day or the day before it, a working day for courts and prosecutors ({citation})"),
                citation=self.citation,
            )
        return self.calendar.working_day_reason(day)

    def is_confirmed(self, day: dt.date) -> bool:
        """Voting day and its eve are working days by law whatever the calendar says."""
        return day in self.days or self.calendar.is_confirmed(day)

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after ``day``: the calendar's, or voting day or its eve before it."""
        found = self.calendar.next_working_day(day)
        return min([found, *(at_work for at_work in self.days if day < at_work < found)])

    def previous_working_day(self, day: dt.date) -> dt.date:
        """The last working day strictly before ``day``: the calendar's, or voting day or its eve after it."""
        found = self.calendar.previous_working_day(day)
        return max([found, *(at_work for at_work in self.days if found < at_work < day)])

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``day``."""
        for _ in range(count):
            day = self.next_working_day(day)
        return day


def add_months(day: dt.date, months: int) -> dt.date:
    """The same date ``months`` months later, or the last day of that month when it has no such date."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = calendar_module.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


@dataclasses.dataclass
class _Working:
    """What :func:`compute` collects while it counts."""

    rule: DeadlineRule
    calendar: DayCalendar
    citation: Citation
    steps: list[Message] = dataclasses.field(default_factory=list)
    warnings: list[DeadlineWarning] = dataclasses.field(default_factory=list)
    # Days whose working/off status the result depends on, for the
    # "unconfirmed day off" warning.
    consulted: set[dt.date] = dataclasses.field(default_factory=set)
    via: Citation | None = None

    def step(self, msgid: str, **params: object) -> None:
        self.steps.append(Message(msgid, **params))

    def warn(self, code: str, msgid: str, **params: object) -> None:
        self.warnings.append(DeadlineWarning(code, Message(msgid, **params)))


def compute(
    rule_id: str,
    event: dt.date | None,
    *,
    voting_day: dt.date | None = None,
    today: dt.date | None = None,
    calendar: WorkCalendar | None = None,
    published_on: dt.date | None = None,
    received_on: dt.date | None = None,
    served_assumed: bool = False,
    election_kind: str | None = None,
    basis: Sequence[Message] = (),
) -> Deadline:
    """Compute the term of ``rule_id`` starting from ``event``.

    Args:
        rule_id: an id from ``rules/deadlines.toml``.
        event: the trigger date (the decision, the receipt, the registration);
            ``None`` gives a deadline without a last day and a
            ``deadline.trigger_missing`` warning.
        voting_day: needed by rules that switch to "immediately" near it.
        today: the date to judge "past" and "today" against (default: the
            system date; the CLI's ``--today`` sets it for training).
        calendar: the working-day calendar (default: :func:`~kzcomplaint.core.law.calendar.default_calendar`).
        published_on: when the contested decision was published, if later than
            ``event`` — shown to make clear that it does not move the term.
        received_on: when the complainant received it, likewise.
        served_assumed: for a ``service`` rule, ``event`` is the day of the
            act or action because no later date of receipt was given; the
            working says so and how to change it.
        election_kind: the kind of vote (model.ElectionKind): a referendum
            cites its door to the Election Law; a vote whose law was not read
            (the Kurultai) makes the rule unconfirmed.
        basis: steps of the working that say where ``event`` comes from (a
            recorded filing, the end of an earlier step of the chain), shown
            right after the start of the term.

    Raises:
        UnknownRuleError: ``rule_id`` is not a known rule.
    """
    today = today if today is not None else dt.date.today()
    cal: DayCalendar = calendar if calendar is not None else workcal.default_calendar()
    rule, in_force = rule_version(rule_id, event if event is not None else today)
    shared = _shipped()
    if rule.voting_day_working and voting_day is not None and shared.voting_day_working is not None:
        cal = VotingDaysAtWork(cal, voting_day, shared.voting_day_working)
    vote = elections.rules_for(election_kind or "")
    work = _Working(rule, cal, vote.citation(rule.citation))
    work.step(N_("Rule: {title} ({citation})."), title=rule.title, citation=work.citation)
    if vote.via is not None and rule.citation.law == "election_law":
        work.step(N_("This vote follows the Election Law's complaint rules through {via}."), via=vote.via)
        work.via = vote.via
    if vote.note is not None:
        work.warn(ELECTION_UNCONFIRMED, N_("{note}"), note=vote.note)
    if not work.citation.is_confirmed:
        work.warn(
            CITATION_UNCONFIRMED,
            N_("The citation {citation} is unconfirmed: check the text before relying on this term."),
            citation=work.citation,
        )

    if event is None:
        work.step(
            N_("The term starts from {trigger}, which is not filled in yet."), trigger=rule.trigger_label
        )
        # The text names the date as the user knows it (the trigger's label); the case
        # file's field is a parameter for programs (a front end's "Go to field"), never shown.
        work.warn(
            TRIGGER_MISSING,
            N_("The date that starts this term is missing: fill in {trigger}."),
            trigger=rule.trigger_label,
            field=TRIGGER_FIELDS[rule.trigger],
        )
        work.step(N_("How the app reads the rule: {note}"), note=rule.note)
        return _deadline(work, event=None, start=None, last_day=None, immediate=False)

    _check_law(work, event, in_force)
    work.step(N_("The term starts from {trigger}: {event}."), trigger=rule.trigger_label, event=event)
    work.steps.extend(basis)
    if rule.trigger == "service":
        if served_assumed:
            work.step(
                N_(
                    "No later date of receipt is filled in, so the app takes the day it happened, {event}. "
                    "If the act was served on you, or you learnt of the action, later, enter that date "
                    "(“received on”): the term runs from it."
                ),
                event=event,
            )
        else:
            work.step(N_("That is the day you received the act or learnt of the action, as you entered it."))
    if rule.trigger == "registration":
        event = _registration_day(work, event, shared.registration)
    for late, msgid in (
        (published_on, _PUBLISHED_LATER),
        (received_on, _RECEIVED_LATER),
    ):
        # Only a contested decision is "published"; a receipt date has no such thing.
        if late is not None and late > event and rule.trigger == "event":
            work.step(msgid, date=late, event=event)

    immediate = _immediate(work, event, voting_day)
    if immediate:
        work.step(N_("How the app reads the rule: {note}"), note=rule.note)
        return _deadline(work, event=event, start=None, last_day=None, immediate=True)

    recommended: dt.date | None = None
    if rule.same_day:
        start = last_day = event
        work.step(N_("The rule requires a decision the same day: {last_day}."), last_day=last_day)
        # No day-off handling: the application was received that day, so the
        # body was at work; the law asks for the decision on that day.
    else:
        start, last_day = _count(work, event)
        last_day, recommended = _non_working_last_day(work, last_day)

    _explain_window(work, event, voting_day)
    if rule.late is not None:
        work.step(N_("If the term is missed: {late}"), late=rule.late)
    work.step(N_("How the app reads the rule: {note}"), note=rule.note)
    if today > last_day:
        work.warn(
            PAST,
            N_("The last day, {last_day}, has passed (today is {today})."),
            last_day=last_day,
            today=today,
        )
    elif today == last_day:
        work.warn(TODAY, N_("Today, {last_day}, is the last day."), last_day=last_day)
    _check_calendar_doubts(work)
    return _deadline(
        work, event=event, start=start, last_day=last_day, immediate=False, recommended_day=recommended
    )


def _deadline(
    work: _Working,
    *,
    event: dt.date | None,
    start: dt.date | None,
    last_day: dt.date | None,
    immediate: bool,
    recommended_day: dt.date | None = None,
) -> Deadline:
    rule = work.rule
    return Deadline(
        rule=rule.id,
        title=rule.title,
        trigger=rule.trigger,
        event=event,
        start=start,
        last_day=last_day,
        immediate=immediate,
        same_day=rule.same_day,
        unit=rule.unit,
        days=rule.length,
        citation=work.citation,
        steps=work.steps,
        warnings=work.warnings,
        recommended_day=recommended_day,
        note=rule.note,
        late=rule.late,
        via=work.via,
    )


def _registration_day(work: _Working, received: dt.date, citation: Citation | None) -> dt.date:
    """The day a written appeal received on ``received`` is registered (APPC art. 64 part 3)."""
    cal = work.calendar
    work.consulted.add(received)
    reason = cal.day_off_reason(received)
    if reason is None:
        work.step(
            N_(
                "It is registered the day it is received, {event}; one received after the end of the working "
                "day is registered on the next working day ({citation}), so hand it in during working hours."
            ),
            event=received,
            citation=citation,
        )
        return received
    registered = cal.next_working_day(received)
    work.consulted.update(_days_between(received, registered))
    work.step(
        N_(
            "{event} is a day off ({reason}): an appeal received on a day off is registered on the next "
            "working day, {registered} ({citation}). The term counts from there."
        ),
        event=received,
        reason=reason,
        registered=registered,
        citation=citation,
    )
    return registered


def _check_law(work: _Working, event: dt.date, in_force: bool) -> None:
    rule = work.rule
    if not in_force:
        work.warn(
            LAW_UNVERIFIED,
            N_(
                "No version of this rule checked by the app applies on {event}; the latest one "
                "(in force from {effective_from}) was used. "
                "Check the text of {citation} in force on that date."
            ),
            event=event,
            effective_from=rule.effective_from,
            citation=work.citation,
        )
    elif event > rule.verified_as_of:
        changes = amendments.known_changes([work.citation], event)
        if changes is None:
            work.warn(
                LAW_UNVERIFIED,
                N_(
                    "This rule was checked against the law as it stood on {verified}; {event} is later. "
                    "No change to {citation} is known to the app, but check the current text before relying "
                    "on this date."
                ),
                verified=rule.verified_as_of,
                event=event,
                citation=work.citation,
            )
        else:
            work.warn(
                LAW_UNVERIFIED,
                N_("This rule was checked against the law as it stood on {verified}; {event} is later. {changes}"),
                verified=rule.verified_as_of,
                event=event,
                changes=changes,
            )


def _immediate(work: _Working, event: dt.date, voting_day: dt.date | None) -> bool:
    """Whether the term is "immediately"; explains the test only when it is."""
    window = work.rule.immediate_window
    if window is None:
        return False
    if voting_day is None:
        work.warn(
            VOTING_DAY_MISSING,
            N_(
                "Voting day is not filled in. If {trigger} is less than {window} days before voting day "
                "or is voting day, the term is “immediately”, not {days} days."
            ),
            trigger=work.rule.trigger_label,
            window=window.days,
            days=work.rule.length,
        )
        return False
    if not window.covers(event, voting_day):
        return False
    _window_test(work, event, voting_day)
    work.step(N_("So there is no counting: the term is “immediately” — without delay (same day)."))
    return True


def _explain_window(work: _Working, event: dt.date, voting_day: dt.date | None) -> None:
    """Explain why a rule with an immediate window kept its normal term."""
    window = work.rule.immediate_window
    if window is None:
        return
    if voting_day is None:
        work.step(N_("Voting day is not known, so whether the term is “immediately” could not be checked."))
        return
    _window_test(work, event, voting_day)
    work.step(N_("So the normal term applies."))


def _window_test(work: _Working, event: dt.date, voting_day: dt.date) -> None:
    window = work.rule.immediate_window
    assert window is not None
    days_before = (voting_day - event).days
    if days_before < 0:
        work.step(
            N_("Voting day: {voting_day}. {event} is after voting day."), voting_day=voting_day, event=event
        )
        return
    work.step(
        N_("Voting day: {voting_day}. Days from {event} to voting day: {days_before}."),
        voting_day=voting_day,
        event=event,
        days_before=days_before,
    )
    if days_before == 0:
        if window.including_voting_day:
            work.step(N_("That is voting day itself, which the rule treats as “immediately”."))
        else:
            work.step(N_("That is voting day itself, which the rule does not include."))
    elif days_before < window.days:
        work.step(N_("That is less than {window} days before voting day."), window=window.days)
    else:
        work.step(N_("That is not less than {window} days before voting day."), window=window.days)


def _count(work: _Working, event: dt.date) -> tuple[dt.date, dt.date]:
    """Count the term; returns day 1 and the last day before any move."""
    rule, cal = work.rule, work.calendar
    if rule.unit == "calendar":
        work.step(N_("Length of the term, in calendar days: {days}."), days=rule.length)
        start = event + dt.timedelta(days=1)
        work.step(N_("Day 1 is the day after: {start}."), start=start)
        last_day = event + dt.timedelta(days=rule.length)
        work.step(N_("Last day (day {days}): {last_day}."), days=rule.length, last_day=last_day)
        return start, last_day
    if rule.unit == "months":
        work.step(N_("Length of the term, in months: {days}."), days=rule.length)
        start = event + dt.timedelta(days=1)
        work.step(N_("Day 1 is the day after: {start}."), start=start)
        last_day = add_months(event, rule.length)
        work.step(
            N_(
                "The term ends on the same date {days} month(s) later, or on the last day of that month "
                "when it has no such date: {last_day}."
            ),
            days=rule.length,
            last_day=last_day,
        )
        return start, last_day
    work.step(N_("Length of the term, in working days: {days}."), days=rule.length)
    start = cal.next_working_day(event)
    work.step(N_("Day 1 is the first working day after it: {start}."), start=start)
    last_day = cal.add_working_days(event, rule.length)
    day = event + dt.timedelta(days=1)
    while day <= last_day:
        work.consulted.add(day)
        reason = cal.day_off_reason(day)
        if reason is not None:
            work.step(N_("Not counted, day off: {date} — {reason}."), date=day, reason=reason)
        else:
            counted_weekend = cal.working_day_reason(day)
            if counted_weekend is not None:
                work.step(N_("Counted, working day: {date} — {reason}."), date=day, reason=counted_weekend)
        day += dt.timedelta(days=1)
    work.step(N_("Last day (working day {days}): {last_day}."), days=rule.length, last_day=last_day)
    return start, last_day


def _non_working_last_day(work: _Working, last_day: dt.date) -> tuple[dt.date, dt.date | None]:
    """Apply the rule's treatment of a last day off; returns the last day and the recommended day."""
    rule, cal = work.rule, work.calendar
    work.consulted.add(last_day)
    reason = cal.day_off_reason(last_day)
    if isinstance(cal, VotingDaysAtWork) and last_day in cal.days and not cal.calendar.is_working_day(last_day):
        work.step(
            N_(
                "{last_day} is voting day or the day before it: for courts, prosecutors and the police it is "
                "a working day ({citation}), so it is not a day off for this term."
            ),
            last_day=last_day,
            citation=cal.citation,
        )
    if rule.non_working_last_day == "next_working_day":
        if reason is None:
            return last_day, None
        moved = cal.next_working_day(last_day)
        work.consulted.update(_days_between(last_day, moved))
        work.step(
            N_("{last_day} is a day off ({reason}), so the last day moves to the next working day: {moved}."),
            last_day=last_day,
            reason=reason,
            moved=moved,
        )
        return moved, None
    # keep_and_flag
    if reason is None:
        return last_day, last_day
    recommended = cal.previous_working_day(last_day)
    work.consulted.update(_days_between(recommended, last_day))
    work.step(
        N_("{last_day} is a day off ({reason}). The law does not move the last day: it stays {last_day}."),
        last_day=last_day,
        reason=reason,
    )
    if rule.party == "complainant":
        work.step(
            N_(
                "Recommended: file by {recommended_day}, the last working day before it, "
                "in case offices are closed."
            ),
            recommended_day=recommended,
        )
        work.warn(
            NON_WORKING,
            N_("The last day, {last_day}, is a day off and is not moved: file by {recommended_day}."),
            last_day=last_day,
            recommended_day=recommended,
        )
    else:
        work.warn(
            NON_WORKING,
            N_(
                "The last day, {last_day}, is a day off; the law does not move it, "
                "so the body must act by then."
            ),
            last_day=last_day,
        )
    return last_day, recommended


def _days_between(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=offset) for offset in range((last - first).days + 1)]


def _check_calendar_doubts(work: _Working) -> None:
    for day in sorted(work.consulted):
        if work.calendar.is_confirmed(day):
            continue
        reason = work.calendar.day_off_reason(day)
        if reason is None:
            work.warn(
                CALENDAR_UNCONFIRMED,
                N_("Whether {date} is a working day is not confirmed; the dates above assume it is."),
                date=day,
            )
        else:
            work.warn(
                CALENDAR_UNCONFIRMED,
                N_("Whether {date} is a day off is not confirmed ({reason}); the dates above assume it is."),
                date=day,
                reason=reason,
            )


# -- a whole case ----------------------------------------------------------------------------


def selection(rule: DeadlineRule, case: Case, hierarchy: Sequence[str] | None = None) -> tuple[str, ...] | None:
    """How ``rule`` fits ``case``: ``None`` when it does not; else the questions left unanswered that select it.

    A condition may select a rule by a blank answer (``""`` among the values
    of ``details``): the term then applies until the user says otherwise
    (the seven days of Election Law art. 89 para. 7 while it is not said
    whether the contested decision refused a registration). The questions
    returned are those the kind asks and the user left blank; a condition
    that fits without one is preferred, so an empty tuple means the rule
    applies whatever is still to be answered.
    """
    asked = {question.id for question in kind_questions(case.template)}
    found: tuple[str, ...] | None = None
    for condition in rule.applies_to:
        blank = _fits(condition, case, hierarchy, asked)
        if blank is None:
            continue
        if not blank:
            return ()
        found = found or blank
    return found


def _fits(
    condition: AppliesTo, case: Case, hierarchy: Sequence[str] | None, asked: Collection[str]
) -> tuple[str, ...] | None:
    """``None`` when ``condition`` does not fit ``case``; else the asked questions whose blank answer it needs."""
    addressee = case.addressee.level
    if condition.addressee_levels and addressee not in condition.addressee_levels:
        return None
    if condition.respondent_levels and case.respondent.level not in condition.respondent_levels:
        return None
    if condition.contested_types and case.contested.type not in condition.contested_types:
        return None
    if condition.election_kinds and case.election.kind not in condition.election_kinds:
        return None
    blank: list[str] = []
    for question, values in condition.details.items():
        answer = case.details.get(question, "").strip()
        if answer not in values:
            return None
        if not answer and question in asked:
            blank.append(question)
    for question, values in condition.details_not.items():
        if case.details.get(question, "").strip() in values:
            return None
    if condition.respondent_below_addressee is not None:
        order = tuple(hierarchy if hierarchy is not None else _shipped().commission_hierarchy)
        respondent = case.respondent.level
        below = addressee in order and respondent in order and order.index(respondent) > order.index(addressee)
        if below != condition.respondent_below_addressee:
            return None
    return tuple(blank)


def case_deadlines(
    case: Case, *, today: dt.date | None = None, calendar: WorkCalendar | None = None
) -> list[Deadline]:
    """The terms that concern ``case``, in the catalogue's order.

    The candidate rules are the catalogue's ``deadline_rules`` for the case's
    document kind; a rule whose ``applies_to`` does not fit the addressee and
    respondent is left out (a complaint to a court has no commission review
    term). An unknown document kind gives no deadlines — the checker reports
    the kind itself. A missing trigger date gives a deadline without a last
    day and a ``deadline.trigger_missing`` warning, never an exception.
    Without ``today``, a workshop draft is judged on its story's day.
    """
    from kzcomplaint.core.law import catalog  # imported late: the catalogue is only needed here

    try:
        rule_ids = catalog.get(case.template).deadline_rules
    except LookupError:
        return []
    result = []
    for rule_id in rule_ids:
        versions = rules().get(rule_id)
        if versions is None:
            raise UnknownRuleError(rule_id)
        unanswered = selection(versions[-1], case)
        if unanswered is None:
            continue
        trigger = versions[-1].trigger
        basis: list[Message] = []
        if trigger in ("filing", "registration"):
            # A recorded handing-in is the day the body received it; the date
            # written on the document stands in until one is recorded.
            event = case.body_received_on()
            if case.is_filed:
                basis.append(Message(N_("That is the day the document was handed in, as recorded in the case.")))
        else:
            value = get_path(case, TRIGGER_FIELDS[trigger])
            event = value if isinstance(value, dt.date) else None
            basis = escalation.basis_steps(case, _review_rule)
        assumed = False
        if trigger == "service" and event is None and case.contested.date is not None:
            # Not served later as far as the case says: the day it happened.
            event, assumed = case.contested.date, True
        deadline = compute(
            rule_id,
            event,
            voting_day=case.election.voting_day,
            today=today or case.story_today(),
            calendar=calendar,
            published_on=case.contested.published_on if trigger == "event" else None,
            received_on=case.contested.received_on if trigger == "event" else None,
            served_assumed=assumed,
            election_kind=case.election.kind,
            basis=basis,
        )
        if unanswered:
            _until_answered(deadline, case.template, unanswered)
        result.append(deadline)
    return result


def _until_answered(deadline: Deadline, template: str, unanswered: Sequence[str]) -> None:
    """Mark a term that applies because the kind's questions ``unanswered`` are blank, and say so."""
    deadline.unanswered = tuple(unanswered)
    labels = {question.id: question.label for question in kind_questions(template)}
    for question in unanswered:
        deadline.warnings.insert(
            0,
            DeadlineWarning(
                UNANSWERED,
                Message(
                    N_(
                        "This term applies only for some answers to “{question}”, which is unanswered. Until you "
                        "answer it, this term is shown too, so that you do not miss it."
                    ),
                    question=labels[question],
                ),
            ),
        )


def _review_rule(rule_id: str) -> tuple[Mapping[str, str], Citation] | None:
    """Title and citation of a rule by id, for the working of a later step of a chain."""
    versions = rules().get(rule_id)
    return (versions[-1].title, versions[-1].citation) if versions else None


__all__ = [
    "CALENDAR_UNCONFIRMED",
    "CITATION_UNCONFIRMED",
    "ELECTION_UNCONFIRMED",
    "LAW_UNVERIFIED",
    "NON_WORKING",
    "PAST",
    "TODAY",
    "TRIGGER_FIELDS",
    "TRIGGER_MISSING",
    "UNANSWERED",
    "VOTING_DAY_MISSING",
    "AppliesTo",
    "DayCalendar",
    "Deadline",
    "DeadlineRule",
    "DeadlineWarning",
    "ImmediateWindow",
    "RuleSet",
    "UnknownRuleError",
    "VotingDaysAtWork",
    "add_months",
    "case_deadlines",
    "compute",
    "load_rules",
    "parse_rule",
    "parse_rules",
    "rule_version",
    "rules",
    "selection",
]
