"""The deadline rules file and the engine: real dates, every branch of the count."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from kzcomplaint.core.case.model import Body, Case, Contested, Election
from kzcomplaint.core.law import calendar as workcal
from kzcomplaint.core.law import deadlines
from kzcomplaint.core.law.calendar import WorkCalendar
from kzcomplaint.core.law.citations import laws
from kzcomplaint.core.law.deadlines import Deadline, compute
from kzcomplaint.core.law.ruledata import RuleFileError
from kzcomplaint.core.text.i18n import Message, translator

D = dt.date
LANGUAGES = ("kk", "ru", "en")
LONG_AGO = D(2000, 1, 1)  # a "today" before every test date: no past/today warnings


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep a real user calendar file out of the tests."""
    monkeypatch.setenv("KZCOMPLAINT_HOME", str(tmp_path / "home"))
    workcal.default_calendar.cache_clear()
    yield
    workcal.default_calendar.cache_clear()


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar(shipped_file=workcal.shipped_file())


def _compute(rule: str, event: dt.date | None, cal: WorkCalendar, **kwargs: object) -> Deadline:
    kwargs.setdefault("today", LONG_AGO)
    return compute(rule, event, calendar=cal, **kwargs)  # type: ignore[arg-type]  # kwargs typed loosely


def _steps(deadline: Deadline) -> list[str]:
    return [step.msgid for step in deadline.steps]


def _warning(deadline: Deadline, code: str) -> Message:
    found = [w.message for w in deadline.warnings if w.code == code]
    assert len(found) == 1, deadline.warning_codes
    return found[0]


# -- the rule file -----------------------------------------------------------------------------

EXPECTED_RULES = {
    # id: (law, article, paragraph, trigger, length, unit, last day off)
    "election.appeal_filing": ("election_law", "20", "9", "event", 10, "calendar", "keep_and_flag"),
    "election.commission_review": ("election_law", "49", "4", "filing", 5, "calendar", "keep_and_flag"),
    "election.higher_commission_review": (
        "election_law",
        "49",
        "5",
        "filing",
        3,
        "calendar",
        "keep_and_flag",
    ),
    "election.court_review": ("election_law", "49", "1", "filing", 5, "calendar", "keep_and_flag"),
    "election.voter_list_review": ("election_law", "26", "2", "filing", 0, "calendar", "keep_and_flag"),
    "election.candidate_registration_appeal": (
        "election_law",
        "59",
        "8",
        "event",
        10,
        "calendar",
        "keep_and_flag",
    ),
    "election.candidate_registration_review": (
        "election_law",
        "59",
        "8",
        "filing",
        10,
        "calendar",
        "keep_and_flag",
    ),
    # Art. 89 para. 7: seven days, not ten, for a party list's or a candidate's registration.
    "election.party_list_registration_appeal": ("election_law", "89", "7", "event", 7, "calendar", "keep_and_flag"),
    "election.party_list_registration_review": ("election_law", "89", "7", "filing", 7, "calendar", "keep_and_flag"),
    # APPC art. 136: a month for a claim against an akimat, organisation or official.
    "appc.claim_filing_act": ("appc", "136", "1", "service", 1, "months", "keep_and_flag"),
    "appc.claim_filing_action": ("appc", "136", "2", "service", 1, "months", "keep_and_flag"),
    "appc.written_appeal_review": ("appc", "76", "1", "registration", 15, "working", "next_working_day"),
}


def test_rule_ids_are_the_expected_ones() -> None:
    assert set(deadlines.rules()) == set(EXPECTED_RULES)


@pytest.mark.parametrize("rule_id", sorted(EXPECTED_RULES))
def test_rule_declares_itself_fully(rule_id: str) -> None:
    law, article, paragraph, trigger, length, unit, non_working = EXPECTED_RULES[rule_id]
    for rule in deadlines.rules()[rule_id]:
        unit_of_article = rule.citation.part or rule.citation.paragraph
        assert (rule.citation.law, rule.citation.article, unit_of_article) == (
            law,
            article,
            paragraph,
        )
        assert rule.citation.law in laws() and rule.citation.is_confirmed
        assert (rule.trigger, rule.length, rule.unit, rule.non_working_last_day) == (
            trigger,
            length,
            unit,
            non_working,
        )
        for text in (rule.title, rule.trigger_label, rule.note):
            assert all(text[lang].strip() for lang in LANGUAGES)
        assert rule.verified_as_of == D(2026, 6, 30)
        expected_start = D(2021, 7, 1) if law == "appc" else D(1995, 9, 28)
        assert rule.effective_from == expected_start
        assert rule.citation.text("ru") and rule.citation.text("kk") and rule.citation.text("en")


def test_rule_versions_never_overlap() -> None:
    for rule_id, versions in deadlines.rules().items():
        for earlier, later in zip(versions, versions[1:], strict=False):
            assert earlier.effective_to is not None, rule_id
            assert earlier.effective_to < later.effective_from, rule_id


def test_only_the_court_rule_has_an_immediate_window() -> None:
    windows = {rid: v[-1].immediate_window for rid, v in deadlines.rules().items() if v[-1].immediate_window}
    assert set(windows) == {"election.court_review"}
    window = windows["election.court_review"]
    assert (window.days, window.before, window.including_voting_day) == (5, "voting_day", True)


def test_catalogue_names_only_known_rules() -> None:
    """Cross-file check: every deadline rule the catalogue lists exists here."""
    from kzcomplaint.core.law import catalog

    named = {rule for info in catalog.catalog().values() for rule in info.deadline_rules}
    assert named and named <= set(deadlines.rules())


RULE_TEMPLATE = """
[[rule]]
id = "test.rule"
title = {{ kk = "а", ru = "б", en = "c" }}
trigger = "event"
trigger_label = {{ kk = "а", ru = "б", en = "c" }}
party = "complainant"
length = {length}
unit = "calendar"
start = "next_day"
non_working_last_day = "{non_working}"
citation = {{ law = "election_law", article = "20", paragraph = "9" }}
effective_from = {effective_from}
{effective_to}
verified_as_of = 2026-06-30
note = {{ kk = "а", ru = "б", en = "c" }}
late = {{ kk = "а", ru = "б", en = "c" }}
{extra}
"""


def _rule(
    length: int = 10,
    effective_from: str = "1995-09-28",
    effective_to: str | None = None,
    non_working: str = "keep_and_flag",
    extra: str = "",
) -> str:
    return RULE_TEMPLATE.format(
        length=length,
        effective_from=effective_from,
        effective_to=f"effective_to = {effective_to}" if effective_to else "",
        non_working=non_working,
        extra=extra,
    )


def _load(tmp_path: Path, text: str) -> deadlines.RuleSet:
    path = tmp_path / "deadlines.toml"
    path.write_text(text, encoding="utf-8")
    return deadlines.load_rules(path)


def test_applies_to_may_list_alternatives(tmp_path: Path) -> None:
    """Any one table of the list may select the rule; a blank answer that selects it is reported."""
    text = _rule(
        extra='applies_to = [{ details = { q = ["yes"] } }, { details = { q = [""] }, contested_types = ["decision"] }]'
    )
    [rule] = _load(tmp_path, text).versions["test.rule"]
    asked = SimpleNamespace(id="q")

    def fits(answer: str, kind: str, asks: bool = True) -> tuple[str, ...] | None:
        case = _case(details={"q": answer} if answer else {}, contested=Contested(type=kind))
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(deadlines, "kind_questions", lambda template: (asked,) if asks else ())
            return deadlines.selection(rule, case)

    assert fits("yes", "action") == ()  # said: whatever the rest
    assert fits("", "decision") == ("q",)  # unanswered, and it could be
    assert fits("", "action") is None  # unanswered, and it cannot be
    assert fits("no", "decision") is None
    assert fits("", "decision", asks=False) == ()  # a kind that does not ask: the rest decides alone


def test_loader_accepts_successive_versions(tmp_path: Path) -> None:
    loaded = _load(tmp_path, _rule(10, "1995-09-28", "2026-06-30") + _rule(7, "2026-07-01"))
    assert [rule.length for rule in loaded.versions["test.rule"]] == [10, 7]


@pytest.mark.parametrize(
    ("text", "match"),
    [
        (_rule(10, "1995-09-28") + _rule(7, "2026-07-01"), "overlap"),  # first version open-ended
        (_rule(10, "1995-09-28", "2026-07-01") + _rule(7, "2026-07-01"), "overlap"),  # one shared day
        (_rule(extra='colour = "red"'), "unknown keys"),
        (
            _rule().replace('citation = { law = "election_law", article = "20", paragraph = "9" }', ""),
            "citation",
        ),
        (_rule().replace('law = "election_law"', 'law = "no_such_law"'), "unknown law"),
        (_rule().replace('unit = "calendar"', 'unit = "weeks"'), "unit"),
        (_rule().replace("length = 10", "length = true"), "length"),
        (_rule(extra="same_day = true"), "same-day"),
        (_rule(0), "same-day"),
        (_rule(non_working="skip"), "non_working_last_day"),
        (_rule().replace('title = { kk = "а", ru = "б", en = "c" }', 'title = { ru = "б", en = "c" }'), "kk"),
        (_rule(effective_to="1990-01-01"), "before"),
        (
            _rule(
                extra='immediate_window = { days = 5, before = "counting_day", including_voting_day = true }'
            ),
            "before",
        ),
        (_rule(extra='applies_to = { addressee_levels = ["parliament"] }'), "unknown levels"),
        (_rule(extra="applies_to = { respondent_below_addressee = true }"), "commission_hierarchy"),
        (_rule(extra="applies_to = [{ respondent_below_addressee = true }]"), "commission_hierarchy"),
        (_rule(extra="applies_to = []"), "non-empty list"),
        (_rule(extra='applies_to = [{ election_kinds = ["mazhilis"] }]'), "unknown kinds of vote"),
        (_rule(extra='applies_to = [{ contested_types = ["decision"] }, "decision"]'), "\\[1\\]: expected a table"),
        ("", "no \\[\\[rule\\]\\]"),
    ],
)
def test_loader_rejects_bad_rules(tmp_path: Path, text: str, match: str) -> None:
    with pytest.raises(RuleFileError, match=match):
        _load(tmp_path, text)


# -- counting ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "event", "start", "last_day", "recommended"),
    [
        # Leap years: day 10 of a term from 19 February.
        ("election.appeal_filing", D(2024, 2, 19), D(2024, 2, 20), D(2024, 2, 29), D(2024, 2, 29)),
        ("election.appeal_filing", D(2023, 2, 19), D(2023, 2, 20), D(2023, 3, 1), D(2023, 3, 1)),
        # Year end: 30 December + 10 = Saturday 9 January, over 1-2 and 7 January.
        ("election.appeal_filing", D(2020, 12, 30), D(2020, 12, 31), D(2021, 1, 9), D(2021, 1, 8)),
        # A Sunday last day stays; the Friday before is recommended.
        ("election.appeal_filing", D(2021, 1, 7), D(2021, 1, 8), D(2021, 1, 17), D(2021, 1, 15)),
        # Last day on the observed Nauryz day: back over Nauryz and the weekend.
        ("election.appeal_filing", D(2021, 3, 14), D(2021, 3, 15), D(2021, 3, 24), D(2021, 3, 19)),
        # Republic Day 2022: the Monday before was made off, the Saturday before worked.
        (
            "election.candidate_registration_appeal",
            D(2022, 10, 15),
            D(2022, 10, 16),
            D(2022, 10, 25),
            D(2022, 10, 22),
        ),
        (
            "election.candidate_registration_review",
            D(2022, 10, 20),
            D(2022, 10, 21),
            D(2022, 10, 30),
            D(2022, 10, 28),
        ),
        ("election.commission_review", D(2021, 1, 4), D(2021, 1, 5), D(2021, 1, 9), D(2021, 1, 8)),
        ("election.higher_commission_review", D(2021, 1, 5), D(2021, 1, 6), D(2021, 1, 8), D(2021, 1, 8)),
        # Same day: the trigger date is the last day.
        ("election.voter_list_review", D(2021, 1, 9), D(2021, 1, 9), D(2021, 1, 9), None),
        # APPC: 15 working days across Nauryz, across the May holidays, across New Year.
        ("appc.written_appeal_review", D(2023, 3, 15), D(2023, 3, 16), D(2023, 4, 10), None),
        ("appc.written_appeal_review", D(2023, 4, 20), D(2023, 4, 21), D(2023, 5, 16), None),
        ("appc.written_appeal_review", D(2021, 12, 28), D(2021, 12, 29), D(2022, 1, 21), None),
        # Registered on Friday before Nauryz 2022: day 1 is the Thursday after it.
        ("appc.written_appeal_review", D(2022, 3, 18), D(2022, 3, 24), D(2022, 4, 13), None),
    ],
)
def test_last_day(
    cal: WorkCalendar,
    rule: str,
    event: dt.date,
    start: dt.date,
    last_day: dt.date,
    recommended: dt.date | None,
) -> None:
    deadline = _compute(rule, event, cal)
    assert (deadline.start, deadline.last_day, deadline.recommended_day) == (start, last_day, recommended)
    assert deadline.event == event and not deadline.immediate
    non_working = not cal.is_working_day(last_day) and not deadline.same_day
    assert (deadlines.NON_WORKING in deadline.warning_codes) is (
        non_working and rule != "appc.written_appeal_review"
    )


def test_steps_are_in_the_documented_order(cal: WorkCalendar) -> None:
    deadline = _compute("election.appeal_filing", D(2020, 12, 30), cal)
    assert _steps(deadline) == [
        "Rule: {title} ({citation}).",
        "The term starts from {trigger}: {event}.",
        "Length of the term, in calendar days: {days}.",
        "Day 1 is the day after: {start}.",
        "Last day (day {days}): {last_day}.",
        "{last_day} is a day off ({reason}). The law does not move the last day: it stays {last_day}.",
        "Recommended: file by {recommended_day}, the last working day before it, in case offices are closed.",
        "If the term is missed: {late}",
        "How the app reads the rule: {note}",
    ]
    assert deadline.steps[1].params["event"] == D(2020, 12, 30)
    assert deadline.steps[4].params == {"days": 10, "last_day": D(2021, 1, 9)}
    assert deadline.steps[5].params["reason"] == Message("Saturday")
    flag = _warning(deadline, deadlines.NON_WORKING)
    assert flag.params == {"last_day": D(2021, 1, 9), "recommended_day": D(2021, 1, 8)}


def test_working_days_list_each_skipped_day_with_its_reason(cal: WorkCalendar) -> None:
    deadline = _compute("appc.written_appeal_review", D(2023, 3, 15), cal)
    skipped = [
        (step.params["date"], step.params["reason"])
        for step in deadline.steps
        if step.msgid == "Not counted, day off: {date} — {reason}."
    ]
    assert [day for day, _ in skipped] == [
        D(2023, 3, 18),
        D(2023, 3, 19),
        D(2023, 3, 21),
        D(2023, 3, 22),
        D(2023, 3, 23),
        D(2023, 3, 25),
        D(2023, 3, 26),
        D(2023, 4, 1),
        D(2023, 4, 2),
        D(2023, 4, 8),
        D(2023, 4, 9),
    ]
    assert dict(skipped)[D(2023, 3, 22)] == Message("Nowruz Holiday")
    assert dict(skipped)[D(2023, 3, 18)] == Message("Saturday")
    assert "Last day (working day {days}): {last_day}." in _steps(deadline)


def test_working_saturday_is_counted_and_shown(cal: WorkCalendar) -> None:
    deadline = _compute("appc.written_appeal_review", D(2021, 6, 30), cal)
    counted = [s for s in deadline.steps if s.msgid == "Counted, working day: {date} — {reason}."]
    assert [s.params["date"] for s in counted] == [D(2021, 7, 3)]
    # 1 Jul (1), 2 Jul (2), Sat 3 Jul (3), 5-6 Jul off, 7 Jul (4) ... 20 Jul Kurban Ait ... 23 Jul (15).
    assert deadline.last_day == D(2021, 7, 23)


def test_a_rule_that_moves_the_last_day(
    cal: WorkCalendar, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The next_working_day branch with a calendar-day unit (no shipped rule combines them yet)."""
    moved = _load(tmp_path, _rule(10, non_working="next_working_day"))
    monkeypatch.setattr(deadlines, "_shipped", lambda: moved)
    deadline = _compute("test.rule", D(2020, 12, 30), cal)
    assert deadline.last_day == D(2021, 1, 11)  # Saturday 9 January -> Monday 11 January
    assert deadline.recommended_day is None
    move = [s for s in deadline.steps if s.msgid.endswith("moves to the next working day: {moved}.")]
    assert move and move[0].params["last_day"] == D(2021, 1, 9) and move[0].params["moved"] == D(2021, 1, 11)
    assert deadlines.NON_WORKING not in deadline.warning_codes


# -- the "immediately" window ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "immediate", "last_day"),
    [
        (D(2021, 1, 4), False, D(2021, 1, 9)),
        (D(2021, 1, 5), False, D(2021, 1, 10)),  # exactly 5 days before: not "less than 5"
        (D(2021, 1, 6), True, None),  # 4 days before
        (D(2021, 1, 9), True, None),
        (D(2021, 1, 10), True, None),  # voting day itself
        (D(2021, 1, 11), False, D(2021, 1, 16)),  # after voting day: the normal 5 days
    ],
)
def test_court_immediate_window(
    cal: WorkCalendar, received: dt.date, immediate: bool, last_day: dt.date | None
) -> None:
    deadline = _compute("election.court_review", received, cal, voting_day=D(2021, 1, 10))
    assert deadline.immediate is immediate
    assert deadline.last_day == last_day
    steps = _steps(deadline)
    if immediate:
        assert deadline.start is None
        assert "So there is no counting: the term is “immediately” — without delay (same day)." in steps
        assert not any(msgid.startswith("Length of the term") for msgid in steps)
    else:
        assert "So the normal term applies." in steps
        # The window test comes after the count, before the note.
        assert steps.index("So the normal term applies.") > steps.index("Last day (day {days}): {last_day}.")
    assert steps[-1] == "How the app reads the rule: {note}"
    assert "ODIHR" in deadline.steps[-1].params["note"]["en"]
    voting_step = [s for s in deadline.steps if s.msgid.startswith("Voting day: {voting_day}.")]
    assert voting_step and voting_step[0].params["voting_day"] == D(2021, 1, 10)


@pytest.mark.parametrize(
    ("received", "last_day", "at_work"),
    [
        (D(2021, 1, 4), D(2021, 1, 9), True),  # Saturday, the day before voting day
        (D(2021, 1, 5), D(2021, 1, 10), True),  # Sunday, voting day
        (D(2021, 1, 11), D(2021, 1, 16), False),  # a Saturday after the vote: an ordinary day off
    ],
)
def test_a_court_s_last_day_on_voting_day_or_its_eve_is_not_a_day_off(
    cal: WorkCalendar, received: dt.date, last_day: dt.date, at_work: bool
) -> None:
    """Art. 48 para. 1: courts and prosecutors work on voting day and the day before it."""
    deadline = _compute("election.court_review", received, cal, voting_day=D(2021, 1, 10))
    assert deadline.last_day == last_day
    explained = [s for s in deadline.steps if s.msgid.startswith("{last_day} is voting day or the day before it")]
    if at_work:
        assert deadlines.NON_WORKING not in deadline.warning_codes
        assert deadline.recommended_day == last_day
        assert explained and explained[0].params["last_day"] == last_day
        assert explained[0].params["citation"] == deadlines.load_rules().voting_day_working
    else:
        assert deadlines.NON_WORKING in deadline.warning_codes and not explained
        assert deadline.recommended_day == D(2021, 1, 15)


def test_court_without_voting_day_warns(cal: WorkCalendar) -> None:
    deadline = _compute("election.court_review", D(2021, 1, 6), cal)
    assert not deadline.immediate and deadline.last_day == D(2021, 1, 11)
    assert _warning(deadline, deadlines.VOTING_DAY_MISSING).params["window"] == 5


def test_voting_day_does_not_matter_without_a_window(cal: WorkCalendar) -> None:
    with_day = _compute("election.commission_review", D(2021, 1, 9), cal, voting_day=D(2021, 1, 10))
    without = _compute("election.commission_review", D(2021, 1, 9), cal)
    assert with_day.last_day == without.last_day == D(2021, 1, 14)
    assert not with_day.immediate and deadlines.VOTING_DAY_MISSING not in without.warning_codes


# -- the term runs from the taking of the decision ---------------------------------------------


def test_late_publication_does_not_move_the_term(cal: WorkCalendar) -> None:
    taken, published = D(2021, 1, 5), D(2021, 1, 8)
    deadline = _compute("election.appeal_filing", taken, cal, published_on=published)
    assert deadline.last_day == D(2021, 1, 15)
    late = [s for s in deadline.steps if s.msgid == deadlines._PUBLISHED_LATER]
    assert len(late) == 1 and late[0].params == {"date": published, "event": taken}
    assert _steps(deadline).index(deadlines._PUBLISHED_LATER) == 2  # right after the trigger date
    assert "not from the day you learned" in deadline.steps[-1].params["note"]["en"]


def test_publication_on_the_same_day_adds_nothing(cal: WorkCalendar) -> None:
    deadline = _compute("election.appeal_filing", D(2021, 1, 5), cal, published_on=D(2021, 1, 5))
    assert deadlines._PUBLISHED_LATER not in _steps(deadline)


# -- warnings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "codes"),
    [
        (D(2021, 1, 14), set()),
        (D(2021, 1, 15), {deadlines.TODAY}),
        (D(2021, 1, 16), {deadlines.PAST}),
        (D(2022, 1, 1), {deadlines.PAST}),
    ],
)
def test_past_and_today(cal: WorkCalendar, today: dt.date, codes: set[str]) -> None:
    deadline = _compute("election.appeal_filing", D(2021, 1, 5), cal, today=today)
    assert deadline.last_day == D(2021, 1, 15)
    assert set(deadline.warning_codes) == codes


@pytest.mark.parametrize(
    ("system_date", "codes"),
    [(D(2021, 1, 14), set()), (D(2021, 1, 15), {deadlines.TODAY}), (D(2021, 1, 16), {deadlines.PAST})],
)
def test_today_defaults_to_the_system_date(
    cal: WorkCalendar, frozen_today, system_date: dt.date, codes: set[str]
) -> None:
    frozen_today(deadlines, system_date)
    deadline = compute("election.appeal_filing", D(2021, 1, 5), calendar=cal)
    assert deadline.last_day == D(2021, 1, 15)
    assert set(deadline.warning_codes) == codes


@pytest.mark.parametrize(
    ("rule", "event", "unverified"),
    [
        ("election.appeal_filing", D(2026, 11, 3), True),  # after the wording read (before 1 July 2026)
        ("election.appeal_filing", D(2026, 7, 1), True),
        ("election.appeal_filing", D(2026, 6, 30), False),
        ("election.appeal_filing", D(2021, 1, 5), False),
        ("appc.written_appeal_review", D(2021, 6, 30), True),  # before the APPC took effect
        ("appc.written_appeal_review", D(2021, 7, 1), False),
    ],
)
def test_law_unverified(cal: WorkCalendar, rule: str, event: dt.date, unverified: bool) -> None:
    deadline = _compute(rule, event, cal)
    assert (deadlines.LAW_UNVERIFIED in deadline.warning_codes) is unverified
    assert deadline.last_day is not None  # computed with the latest rules all the same


def test_law_unverified_message_names_the_dates(cal: WorkCalendar) -> None:
    deadline = _compute("election.appeal_filing", D(2026, 11, 3), cal)
    message = _warning(deadline, deadlines.LAW_UNVERIFIED)
    assert message.params["verified"] == D(2026, 6, 30) and message.params["event"] == D(2026, 11, 3)
    assert deadline.last_day == D(2026, 11, 13)
    assert "30 июня 2026 года" in message.render(translator("ru"))


def test_version_in_force_is_used(cal: WorkCalendar, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    versions = _load(tmp_path, _rule(10, "1995-09-28", "2026-06-30") + _rule(7, "2026-07-01"))
    monkeypatch.setattr(deadlines, "_shipped", lambda: versions)
    assert _compute("test.rule", D(2026, 6, 30), cal).last_day == D(2026, 7, 10)
    assert _compute("test.rule", D(2026, 7, 1), cal).last_day == D(2026, 7, 8)
    before = _compute("test.rule", D(1990, 1, 1), cal)  # no version in force: the latest, with a warning
    assert before.days == 7 and deadlines.LAW_UNVERIFIED in before.warning_codes
    assert _warning(before, deadlines.LAW_UNVERIFIED).params["effective_from"] == D(2026, 7, 1)


def test_unconfirmed_day_off_is_warned(cal: WorkCalendar) -> None:
    # 5 March 2027 + 10 = 15 March 2027, Constitution Day: a day off only if LAW.md's doubt resolves so.
    deadline = _compute("election.appeal_filing", D(2027, 3, 5), cal)
    assert deadline.last_day == D(2027, 3, 15) and deadline.recommended_day == D(2027, 3, 12)
    message = _warning(deadline, deadlines.CALENDAR_UNCONFIRMED)
    assert message.params["date"] == D(2027, 3, 15)
    assert {deadlines.LAW_UNVERIFIED, deadlines.NON_WORKING} <= set(deadline.warning_codes)


@pytest.mark.parametrize(
    ("rule", "field"),
    [
        ("election.appeal_filing", "contested.date"),
        ("election.court_review", "filing_date"),
        ("appc.written_appeal_review", "filing_date"),
    ],
)
def test_missing_trigger_is_a_warning_not_an_exception(cal: WorkCalendar, rule: str, field: str) -> None:
    deadline = _compute(rule, None, cal, voting_day=D(2021, 1, 10))
    assert deadline.last_day is None and deadline.start is None and deadline.event is None
    assert deadline.immediate is False
    assert deadline.warning_codes == [deadlines.TRIGGER_MISSING]
    assert _warning(deadline, deadlines.TRIGGER_MISSING).params["field"] == field


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("rule", "field"), [("election.appeal_filing", "contested.date"), ("election.court_review", "filing_date")]
)
def test_missing_trigger_names_the_date_as_the_user_knows_it_not_the_case_file_field(
    cal: WorkCalendar, language: str, rule: str, field: str
) -> None:
    # The field's path is a parameter for a front end's "Go to field"; the user reads the date's label.
    deadline = _compute(rule, None, cal, voting_day=D(2021, 1, 10))
    tr = translator(language)
    text = _warning(deadline, deadlines.TRIGGER_MISSING).render(tr)
    assert deadlines.rules()[rule][-1].trigger_label[language] in text
    shown = [text, *deadline.as_json(tr)["steps"]]
    assert not [line for line in shown if field in line or "{" in line], shown


def test_unknown_rule(cal: WorkCalendar) -> None:
    with pytest.raises(deadlines.UnknownRuleError) as caught:
        _compute("election.no_such_rule", D(2021, 1, 5), cal)
    assert caught.value.message.params["rule"] == "election.no_such_rule"
    assert "election.appeal_filing" in caught.value.message.params["known"]


# -- output ------------------------------------------------------------------------------------


def test_as_json(cal: WorkCalendar) -> None:
    deadline = _compute("election.appeal_filing", D(2020, 12, 30), cal, today=D(2021, 1, 9))
    data = deadline.as_json(translator("ru"))
    assert {
        "rule",
        "title",
        "start",
        "last_day",
        "immediate",
        "unit",
        "days",
        "citation",
        "citation_confirmed",
        "steps",
        "warnings",
        "recommended_day",
    } <= set(data)
    assert data["rule"] == "election.appeal_filing"
    assert (data["start"], data["last_day"], data["recommended_day"]) == (
        "2020-12-31",
        "2021-01-09",
        "2021-01-08",
    )
    assert data["unit"] == "calendar" and data["days"] == 10 and data["immediate"] is False
    assert (
        data["citation"]
        == "п. 9 ст. 20 Конституционного закона Республики Казахстан «О выборах в Республике Казахстан»"
    )
    assert data["citation_confirmed"] is True
    assert data["title"].startswith("Подача жалобы")
    assert [w["code"] for w in data["warnings"]] == [deadlines.NON_WORKING, deadlines.TODAY]
    assert "9 января 2021 года" in data["warnings"][0]["message"]
    assert len(data["steps"]) == len(deadline.steps)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("rule", "event"),
    [
        ("election.appeal_filing", D(2027, 3, 5)),
        ("election.court_review", D(2021, 1, 6)),
        ("election.voter_list_review", D(2021, 1, 9)),
        ("appc.written_appeal_review", D(2023, 3, 15)),
        ("election.appeal_filing", None),
    ],
)
def test_every_step_renders(cal: WorkCalendar, language: str, rule: str, event: dt.date | None) -> None:
    deadline = _compute(rule, event, cal, voting_day=D(2021, 1, 10), published_on=D(2027, 3, 8))
    data = deadline.as_json(translator(language))
    texts = data["steps"] + [w["message"] for w in data["warnings"]]
    assert texts
    for text in texts:
        assert "{" not in text and "}" not in text, text
        assert "{'kk'" not in text and "Message(" not in text, text
    title = deadline.title[language]
    assert title in data["steps"][0]


# -- a whole case ------------------------------------------------------------------------------


def _case(**changes: object) -> Case:
    case = Case(
        template="test_kind",
        election=Election(voting_day=D(2021, 1, 10)),
        respondent=Body(level="precinct"),
        addressee=Body(level="territorial"),
        contested=Contested(date=D(2021, 1, 5)),
        filing_date=D(2021, 1, 7),
    )
    return dataclasses.replace(case, **changes)


ALL_RULES = tuple(EXPECTED_RULES)


@pytest.fixture
def fake_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    from kzcomplaint.core.law import catalog

    def get(template_id: str) -> SimpleNamespace:
        if template_id != "test_kind":
            raise catalog.UnknownTemplateError(template_id, ())
        return SimpleNamespace(deadline_rules=ALL_RULES)

    monkeypatch.setattr(catalog, "get", get)


COMMISSION = "election.appeal_filing"  # art. 20 para. 9: election commissions only


@pytest.mark.usefixtures("fake_catalogue")
@pytest.mark.parametrize(
    ("respondent", "addressee", "expected"),
    [
        ("precinct", "territorial", {COMMISSION, "election.higher_commission_review"}),
        ("district", "cec", {COMMISSION, "election.higher_commission_review"}),
        ("precinct", "precinct", {COMMISSION, "election.commission_review"}),
        ("akimat", "territorial", {"election.commission_review"}),
        ("precinct", "court", {COMMISSION, "election.court_review"}),
        ("precinct", "prosecutor", {COMMISSION, "election.court_review"}),
        ("cec", "supreme_court", {COMMISSION, "election.court_review"}),
        ("akimat", "akimat", {"appc.written_appeal_review"}),
        # Art. 49 part 2 sends them to court; APPC art. 136 gives a month (the case contests an action).
        ("akimat", "court", {"election.court_review", "appc.claim_filing_action"}),
        ("other", "court", {"election.court_review", "appc.claim_filing_action"}),
    ],
)
def test_case_rules_are_picked_by_addressee(
    cal: WorkCalendar, respondent: str, addressee: str, expected: set[str]
) -> None:
    # The candidates' terms are for a presidential vote (art. 59 para. 8) and for the refusal of a
    # registration (art. 89 para. 7): this case is an action in a parliamentary vote, neither of them.
    always = {"election.voter_list_review"}
    case = _case(respondent=Body(level=respondent), addressee=Body(level=addressee))
    found = [d.rule for d in deadlines.case_deadlines(case, today=LONG_AGO, calendar=cal)]
    assert set(found) == always | expected
    assert found == [rule for rule in ALL_RULES if rule in found]  # catalogue order kept


@pytest.mark.usefixtures("fake_catalogue")
def test_case_deadlines_use_the_right_dates(cal: WorkCalendar) -> None:
    case = _case(
        contested=Contested(date=D(2021, 1, 5), published_on=D(2021, 1, 8)),
        addressee=Body(level="court"),
        filing_date=D(2021, 1, 7),
    )
    by_rule = {d.rule: d for d in deadlines.case_deadlines(case, today=LONG_AGO, calendar=cal)}
    appeal = by_rule["election.appeal_filing"]
    assert appeal.event == D(2021, 1, 5) and appeal.last_day == D(2021, 1, 15)
    assert deadlines._PUBLISHED_LATER in _steps(appeal)
    court = by_rule["election.court_review"]
    assert court.event == D(2021, 1, 7) and court.immediate  # 3 days before voting day 10 January
    assert deadlines._PUBLISHED_LATER not in _steps(court)


@pytest.mark.usefixtures("fake_catalogue")
def test_case_without_filing_date(cal: WorkCalendar) -> None:
    case = _case(filing_date=None, addressee=Body(level="court"))
    by_rule = {d.rule: d for d in deadlines.case_deadlines(case, today=LONG_AGO, calendar=cal)}
    assert by_rule["election.appeal_filing"].last_day == D(2021, 1, 15)
    court = by_rule["election.court_review"]
    assert court.last_day is None and court.immediate is False
    assert _warning(court, deadlines.TRIGGER_MISSING).params["field"] == "filing_date"


@pytest.mark.usefixtures("fake_catalogue")
def test_case_of_unknown_kind_has_no_deadlines(cal: WorkCalendar) -> None:
    assert deadlines.case_deadlines(_case(template="no_such_kind"), calendar=cal) == []


def test_case_deadlines_with_the_real_catalogue(cal: WorkCalendar) -> None:
    from kzcomplaint.core.law import catalog

    assert "appeal_to_higher_commission" in catalog.catalog(), "a shipped kind"
    case = _case(template="appeal_to_higher_commission")
    found = [d.rule for d in deadlines.case_deadlines(case, today=LONG_AGO, calendar=cal)]
    assert found == ["election.appeal_filing", "election.higher_commission_review"]


def test_case_deadlines_judge_past_and_today_on_the_day_given(cal: WorkCalendar) -> None:
    # A trainer's "today" reaches every term of the case, not the machine's date.
    case = _case(template="appeal_to_higher_commission")
    days = ((D(2021, 1, 6), set()), (D(2021, 1, 15), {deadlines.TODAY}), (D(2021, 1, 16), {deadlines.PAST}))
    for today, codes in days:
        found = deadlines.case_deadlines(case, today=today, calendar=cal)
        [appeal] = [d for d in found if d.rule == "election.appeal_filing"]
        assert appeal.last_day == D(2021, 1, 15)
        assert set(appeal.warning_codes) & {deadlines.TODAY, deadlines.PAST} == codes, today


# Working-day terms counted by hand on the 2021 and 2023 calendars: which days are
# passed over, which weekend day is counted, and the last day.
@pytest.mark.parametrize(
    ("event", "skipped", "counted", "last_day"),
    [
        # Monday 14 June 2021: the Sunday before is not part of the term; day 15 is
        # Saturday 3 July, a working day by decree (its day off moved to 5 July).
        (
            D(2021, 6, 14),
            [D(2021, 6, 19), D(2021, 6, 20), D(2021, 6, 26), D(2021, 6, 27)],
            [D(2021, 7, 3)],
            D(2021, 7, 3),
        ),
        # Friday 17 March 2023: the weekend right after it and Nauryz (21-23 March) are passed over.
        (
            D(2023, 3, 17),
            [D(2023, 3, 18), D(2023, 3, 19), D(2023, 3, 21), D(2023, 3, 22), D(2023, 3, 23), D(2023, 3, 25),
             D(2023, 3, 26), D(2023, 4, 1), D(2023, 4, 2), D(2023, 4, 8), D(2023, 4, 9)],  # fmt: skip
            [],
            D(2023, 4, 12),
        ),
    ],
)
def test_working_day_count_lists_exactly_the_days_of_the_term(
    cal: WorkCalendar, event: dt.date, skipped: list[dt.date], counted: list[dt.date], last_day: dt.date
) -> None:
    deadline = _compute("appc.written_appeal_review", event, cal)
    assert deadline.last_day == last_day
    assert [s.params["date"] for s in deadline.steps if s.msgid.startswith("Not counted, day off")] == skipped
    assert [s.params["date"] for s in deadline.steps if s.msgid.startswith("Counted, working day")] == counted
