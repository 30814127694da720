"""What follows a document that was refused, left unanswered or answered (``rules/escalation.toml``).

The law room's part of the escalation chain: how a step ended decides what
the next document contests and from which date its term runs (a
:class:`Basis`, with the app's reading and its citation), which document
kinds may follow (``[[next]]``), how their answers are filled from the
earlier step (``[[prefill]]``) and the phrases those answers are written
with. Drafting the next document is ``core.filing.chain``; the deadline
engine asks :func:`basis_steps` to explain a contested date that comes from
an earlier step.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import string
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from kzcomplaint.core.case.model import ContestedType, Level, Outcome, StepEnd
from kzcomplaint.core.law import ruledata
from kzcomplaint.core.law.citations import Citation, parse_citation
from kzcomplaint.core.text.i18n import N_, Message
from kzcomplaint.core.text.languages import LANGUAGES

if TYPE_CHECKING:
    from kzcomplaint.core.case.model import Case, Step

RULES_FILE = "escalation.toml"

ENDS = tuple(end.value for end in StepEnd)
EVENTS = ("day_after_last_day", "last_day", "answer_date", "refusal_date")
DATE_SOURCES = ("filed_on", "answer_date", "document_date")
TEXT_SOURCES = (
    "receipt",
    "body",
    "result",
    "what_happened",
    "document",
    "refused_by",
    "grounds",
    "witnesses",
    "act_drawn",
)
ID_SOURCES = ("end", "outcome", "document_type", "how")
SOURCES = DATE_SOURCES + TEXT_SOURCES + ID_SOURCES

_BASIS_KEYS = frozenset(
    {
        "id",
        "end",
        "respondent_levels",
        "contested_type",
        "event",
        "citation",
        "reading",
        "effective_from",
        "effective_to",
        "verified_as_of",
    }
)
_BASIS_OPTIONAL = frozenset({"effective_to"})
_TOP_KEYS = frozenset({"basis", "next", "prefill", "phrases"})


@dataclasses.dataclass(frozen=True)
class Basis:
    """How a step ended and what the next document therefore contests, from which date.

    Attributes:
        id: the entry's id.
        end: a :class:`~kzcomplaint.core.case.model.StepEnd` value.
        respondent_levels: levels of the body whose inaction, decision or refusal it is.
        contested_type: what the next document contests.
        event: which date of the earlier step is the contested date.
        citation: the provision that sets the next term from that date.
        reading: the app's reading, kk/ru/en.
    """

    id: str
    end: str
    respondent_levels: tuple[str, ...]
    contested_type: str
    event: str
    citation: Citation
    reading: Mapping[str, str]
    effective_from: dt.date
    effective_to: dt.date | None
    verified_as_of: dt.date

    def in_force_on(self, day: dt.date) -> bool:
        """Whether the entry applies on ``day``."""
        return ruledata.in_force(self.effective_from, self.effective_to, day)


@dataclasses.dataclass(frozen=True)
class PrefillAnswer:
    """One answer of a next document filled from the earlier step: a fixed value or a source (mapped)."""

    question: str
    value: str | None = None
    source: str | None = None
    mapping: Mapping[str, str] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True)
class EscalationRules:
    """The whole of ``escalation.toml``, validated."""

    bases: tuple[Basis, ...]
    next_kinds: Mapping[str, tuple[str, ...]]
    prefill: Mapping[str, tuple[PrefillAnswer, ...]]
    phrases: Mapping[str, Mapping[str, str]]

    def phrase(self, key: str, language: str, **values: object) -> str:
        """The phrase ``key`` in ``language`` with its ``{fields}`` filled."""
        return self.phrases[key][language].format(**values)


# -- loading ----------------------------------------------------------------------------------


def _levels(raw: object, where: str) -> tuple[str, ...]:
    levels = ruledata.string_list(raw, where)
    known = {level.value for level in Level}
    bad = [level for level in levels if level not in known]
    if bad or not levels:
        raise ruledata.fail(where, f"expected levels among {sorted(known)}, got {list(levels)}")
    return levels


def _basis(entry: object, where: str) -> Basis:
    if not isinstance(entry, Mapping):
        raise ruledata.fail(where, "expected a table")
    ruledata.check_keys(entry, _BASIS_KEYS, _BASIS_OPTIONAL, where)
    effective_from = ruledata.date_value(entry["effective_from"], f"{where} effective_from", required=True)
    verified = ruledata.date_value(entry["verified_as_of"], f"{where} verified_as_of", required=True)
    assert effective_from is not None and verified is not None  # required=True
    return Basis(
        id=str(entry["id"]),
        end=ruledata.choice(entry["end"], ENDS, f"{where} end"),
        respondent_levels=_levels(entry["respondent_levels"], f"{where} respondent_levels"),
        contested_type=ruledata.choice(
            entry["contested_type"], tuple(t.value for t in ContestedType), f"{where} contested_type"
        ),
        event=ruledata.choice(entry["event"], EVENTS, f"{where} event"),
        citation=parse_citation(entry["citation"], f"{where} citation"),
        reading=ruledata.localized(entry["reading"], f"{where} reading"),
        effective_from=effective_from,
        effective_to=ruledata.date_value(entry.get("effective_to"), f"{where} effective_to"),
        verified_as_of=verified,
    )


def _prefill_answer(raw: object, where: str) -> PrefillAnswer:
    if not isinstance(raw, Mapping):
        raise ruledata.fail(where, "expected a table { question, value } or { question, from[, map] }")
    unknown = sorted(set(raw) - {"question", "value", "from", "map"})
    if unknown:
        raise ruledata.fail(where, f"unknown keys {unknown}")
    question = raw.get("question")
    if not isinstance(question, str) or not question:
        raise ruledata.fail(f"{where} question", "expected a question id")
    if ("value" in raw) == ("from" in raw):
        raise ruledata.fail(where, "give either a fixed value or a source (from), not both")
    if "value" in raw:
        if not isinstance(raw["value"], str) or "map" in raw:
            raise ruledata.fail(f"{where} value", "expected a string (and no map)")
        return PrefillAnswer(question, value=raw["value"])
    source = ruledata.choice(raw["from"], SOURCES, f"{where} from")
    mapping = raw.get("map", {})
    if not isinstance(mapping, Mapping) or not all(isinstance(v, str) for v in mapping.values()):
        raise ruledata.fail(f"{where} map", "expected a table of strings")
    if (source in ID_SOURCES) != bool(mapping):
        raise ruledata.fail(f"{where} map", f"{', '.join(ID_SOURCES)} need a map, and only they take one")
    return PrefillAnswer(question, source=source, mapping={str(k): str(v) for k, v in mapping.items()})


def parse_rules(data: Mapping[str, Any], source: str = RULES_FILE) -> EscalationRules:
    """Validate the escalation rule file.

    Raises:
        RuleFileError: naming the file, the entry and the key at fault.
    """
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise ruledata.fail(source, f"unknown top-level keys {unknown}")
    bases = tuple(
        _basis(entry, f"{source} [[basis]] #{index}") for index, entry in enumerate(data.get("basis", []), start=1)
    )
    seen: set[str] = set()
    for basis in bases:
        if basis.id in seen:
            raise ruledata.fail(f"{source} [[basis]] {basis.id}", "the id appears twice")
        seen.add(basis.id)
    next_kinds: dict[str, tuple[str, ...]] = {}
    for index, entry in enumerate(data.get("next", []), start=1):
        where = f"{source} [[next]] #{index}"
        if not isinstance(entry, Mapping) or set(entry) != {"end", "kinds"}:
            raise ruledata.fail(where, "expected a table with end and kinds")
        end = ruledata.choice(entry["end"], ENDS, f"{where} end")
        if end in next_kinds:
            raise ruledata.fail(where, f"{end!r} is listed twice")
        next_kinds[end] = ruledata.string_list(entry["kinds"], f"{where} kinds")
    prefill: dict[str, tuple[PrefillAnswer, ...]] = {}
    for index, entry in enumerate(data.get("prefill", []), start=1):
        where = f"{source} [[prefill]] #{index}"
        if not isinstance(entry, Mapping) or set(entry) != {"kind", "answers"}:
            raise ruledata.fail(where, "expected a table with kind and answers")
        kind = str(entry["kind"])
        if kind in prefill:
            raise ruledata.fail(where, f"{kind!r} is listed twice")
        answers = entry["answers"]
        if not isinstance(answers, list):
            raise ruledata.fail(f"{where} answers", "expected a list")
        prefill[kind] = tuple(_prefill_answer(raw, f"{where} answers[{i}]") for i, raw in enumerate(answers))
    raw_phrases = data.get("phrases", {})
    if not isinstance(raw_phrases, Mapping):
        raise ruledata.fail(f"{source} phrases", "expected tables")
    phrases: dict[str, dict[str, str]] = {}
    for key, raw in raw_phrases.items():
        where = f"{source} phrases.{key}"
        texts = ruledata.localized(raw, where)
        fields = {lang: {name for _, name, _, _ in string.Formatter().parse(texts[lang]) if name} for lang in LANGUAGES}
        if len({frozenset(names) for names in fields.values()}) > 1:
            raise ruledata.fail(where, f"the languages use different fields {fields}")
        phrases[str(key)] = texts
    return EscalationRules(bases, next_kinds, prefill, phrases)


@functools.cache
def rules() -> EscalationRules:
    """The shipped escalation rules (loaded once, validated)."""
    return parse_rules(ruledata.load(RULES_FILE))


# -- using them -------------------------------------------------------------------------------


OUTCOME_NAMES: Mapping[str, str] = {
    Outcome.GRANTED.value: N_("granted"),
    Outcome.PARTLY.value: N_("granted in part"),
    Outcome.REJECTED.value: N_("refused"),
    Outcome.RETURNED.value: N_("returned without being considered"),
    Outcome.NONE.value: N_("no answer by the last day"),
}
"""What a body answered, as the interface says it."""


def basis_for(end: str, respondent_level: str, on: dt.date | None = None) -> Basis | None:
    """The basis for a step that ended with ``end`` at a body of ``respondent_level``, if the app knows one."""
    day = on or dt.date.today()
    for basis in rules().bases:
        if basis.end == end and respondent_level in basis.respondent_levels and basis.in_force_on(day):
            return basis
    for basis in rules().bases:  # a date outside every entry's period: the latest reading, not none
        if basis.end == end and respondent_level in basis.respondent_levels:
            return basis
    return None


def event_of(step: Step, basis: Basis) -> dt.date | None:
    """The date of ``step`` that ``basis`` makes the next document's contested date (None if unknown)."""
    if basis.event == "day_after_last_day":
        return step.review_last_day + dt.timedelta(days=1) if step.review_last_day else None
    if basis.event == "last_day":
        return step.review_last_day
    if basis.event == "answer_date":
        return step.answer.date if step.answer is not None else None
    refused = [refusal.date for refusal in step.refusals if refusal.date is not None]
    return max(refused) if refused else None


def basis_steps(
    case: Case, review: Callable[[str], tuple[Mapping[str, str], Citation] | None]
) -> list[Message]:
    """The working that explains a contested date taken from the case's earlier step.

    Empty unless the case was drafted as the next step of a chain and its
    contested date is still the one the earlier step gives (a date the user
    changed has no such explanation).

    Args:
        case: the case.
        review: the title and citation of a deadline rule by its id (the
            deadline engine's own rules), None for an unknown id.
    """
    if not case.history:
        return []
    step = case.history[-1]
    on = case.contested.date or dt.date.today()
    basis = basis_for(step.end, case.respondent.level, on)
    if basis is None or case.contested.type != basis.contested_type:
        return []
    event = event_of(step, basis)
    if event is None or event != case.contested.date:
        return []
    body: object = step.addressee.name.strip()
    if not body:
        from kzcomplaint.core.law import directory  # only for a body known by its level alone

        names = directory.shipped_directory().level_names.get(step.addressee.level)
        body = {lang: text[:1].upper() + text[1:] for lang, text in names.items()} if names else step.addressee.level
    steps: list[Message] = []
    if step.end == StepEnd.NO_ANSWER:
        found = review(step.review_rule)
        if found is not None and step.review_last_day is not None:
            title, citation = found
            steps.append(
                Message(
                    N_(
                        "{body} had to answer the earlier document by {last_day} ({rule}, {citation}); "
                        "no answer is recorded."
                    ),
                    body=body,
                    last_day=step.review_last_day,
                    rule=title,
                    citation=citation,
                )
            )
    elif step.end == StepEnd.REJECTED and step.answer is not None and step.answer.date is not None:
        steps.append(
            Message(
                N_("{body} answered the earlier document on {date}: {outcome}."),
                body=body,
                date=step.answer.date,
                outcome=Message(OUTCOME_NAMES.get(step.answer.outcome, step.answer.outcome)),
            )
        )
    elif step.end == StepEnd.REFUSED:
        steps.append(Message(N_("{body} refused to accept the earlier document on {date}."), body=body, date=event))
    steps.append(
        Message(
            N_("How the app reads this step ({citation}): {reading}"), citation=basis.citation, reading=basis.reading
        )
    )
    steps.append(Message(N_("So the contested date is {event}."), event=event))
    return steps


__all__ = [
    "ENDS",
    "EVENTS",
    "OUTCOME_NAMES",
    "SOURCES",
    "Basis",
    "EscalationRules",
    "PrefillAnswer",
    "basis_for",
    "basis_steps",
    "event_of",
    "parse_rules",
    "rules",
]
