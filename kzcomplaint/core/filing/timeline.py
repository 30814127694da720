"""The case timeline: every step of a chain in one view, and what is due next, by when.

A case file holds its current document and, in ``history``, the earlier
documents of its chain as they stood when the next was drafted. The
timeline lists them all — where each went, when it was handed in or
refused, the body's term to answer, the answer — and what is due now:

- a document not yet handed in: the filer's terms to file it;
- one handed in and not yet answered: the body's term to answer it ("the
  territorial commission must answer by …") — the filer's reminder is gone;
- one refused, unanswered past the body's last day, or answered with a
  refusal: the filer's terms for the documents that may follow;
- one granted: nothing.

The start page, the ``.ics`` export and ``kzcomplaint timeline`` all read
what is due from here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from kzcomplaint.core.case.model import Answer, Body, Contested, Filing, Outcome, Refusal, Step
from kzcomplaint.core.filing import chain
from kzcomplaint.core.law import catalog, deadlines, escalation
from kzcomplaint.core.text.i18n import N_, Message, Translator

if TYPE_CHECKING:
    from kzcomplaint.core.case.model import Case
    from kzcomplaint.core.law.citations import Citation
    from kzcomplaint.core.law.deadlines import Deadline
    from kzcomplaint.core.law.directory import Directory

FILE = "file"
"""A due item the filer acts on: a document to hand in by its last day."""
ANSWER = "answer"
"""A due item the body acts on: its term to answer a document handed in."""

MSG_STEP_TO = N_("to {body}; contested {contested}: {date}")
MSG_STEP_FILED = N_("handed in on {date}")
MSG_STEP_FILED_AT = N_("handed in on {date} at {time}")
MSG_STEP_NUMBER = N_("registration No. {number}")
MSG_STEP_ACCEPTED = N_("accepted by {name}")
MSG_STEP_REFUSED = N_("refused on {date} by {name}")
MSG_STEP_REFUSED_ANON = N_("refused on {date}")
MSG_STEP_NOT_FILED = N_("not handed in yet")
MSG_STEP_TERM = N_("{rule} ({citation}): last day {date}")
MSG_STEP_ANSWER = N_("answer of {date}: {outcome}")
MSG_STEP_NO_ANSWER = N_("no answer by {date}")
MSG_STEP_AWAITING = N_("awaiting the answer")
MSG_UNKNOWN_DATE = N_("date not given")
CONTESTED_NAMES: Mapping[str, str] = {"decision": N_("decision"), "action": N_("action"), "inaction": N_("inaction")}
HOW_NAMES: Mapping[str, str] = {
    "in_person": N_("in person"),
    "post": N_("by post"),
    "email": N_("by e-mail"),
    "efiling": N_("electronically"),
}
"""How a document was handed in, as the interface says it."""

OUTCOME_NAMES = escalation.OUTCOME_NAMES
"""What a body answered, as the interface says it (re-exported for the front ends)."""

MSG_FILE_BY = N_("File “{document}” by {date}")
MSG_ANSWER_BY = N_("{body} must answer by {date}")
MSG_FILE_NOW = N_("File “{document}” without delay (same day)")
MSG_ANSWER_NOW = N_("{body} must answer without delay (same day)")
MSG_GRANTED_DONE = N_("The complaint was granted: nothing more is due.")
MSG_NOTHING_DUE = N_("Nothing is due in this case now.")


@dataclasses.dataclass(frozen=True)
class StepView:
    """One document of the chain as the timeline shows it.

    Attributes:
        number: its place in the chain, from 1.
        template: its document kind.
        respondent, addressee, contested: whom it was against, where it went, what it contested.
        filing_date: the date written on it.
        filings, refusals, answer: what happened to it.
        review: the body's term to answer it (rule id, title, citation, last
            day), when it was handed in and the app knows one.
        end: how it ended (a StepEnd value), None while open.
        current: whether it is the case's own document (not an earlier step).
    """

    number: int
    template: str
    respondent: Body
    addressee: Body
    contested: Contested
    filing_date: dt.date | None
    filings: tuple[Filing, ...]
    refusals: tuple[Refusal, ...]
    answer: Answer | None
    review_rule: str
    review_title: Mapping[str, str] | None
    review_citation: Citation | None
    review_last_day: dt.date | None
    end: str | None
    current: bool

    @property
    def title(self) -> Mapping[str, str]:
        """The document's title in kk, ru and en (its kind's id when the catalogue has no such kind)."""
        return _title(self.template)

    def where(self) -> Message:
        """Where it went and what it contested."""
        return Message(
            MSG_STEP_TO,
            body=chain.body_label(self.addressee),
            contested=Message(CONTESTED_NAMES.get(self.contested.type, self.contested.type)),
            date=self.contested.date or Message(MSG_UNKNOWN_DATE),
        )

    def handed_in(self) -> list[tuple[Message, ...]]:
        """Each handing-in and each refusal (its parts, to be joined by "; "), or that it was not handed in."""
        lines: list[tuple[Message, ...]] = []
        for filing in self.filings:
            parts = [Message(MSG_STEP_FILED_AT if filing.time else MSG_STEP_FILED, date=filing.date, time=filing.time)]
            if filing.how != "in_person":
                parts.append(Message(HOW_NAMES.get(filing.how, filing.how)))
            if filing.number.strip():
                parts.append(Message(MSG_STEP_NUMBER, number=filing.number.strip()))
            accepted = ", ".join(part for part in (filing.accepted_by.strip(), filing.position.strip()) if part)
            if accepted:
                parts.append(Message(MSG_STEP_ACCEPTED, name=accepted))
            lines.append(tuple(parts))
        for refusal in self.refusals:
            name = ", ".join(part for part in (refusal.refused_by.strip(), refusal.position.strip()) if part)
            if name:
                lines.append((Message(MSG_STEP_REFUSED, date=refusal.date, name=name),))
            else:
                lines.append((Message(MSG_STEP_REFUSED_ANON, date=refusal.date),))
        return lines or [(Message(MSG_STEP_NOT_FILED),)]

    def term(self) -> Message | None:
        """The body's term to answer, when it runs or ran."""
        if not self.review_rule or self.review_title is None or self.review_citation is None:
            return None
        return Message(
            MSG_STEP_TERM,
            rule=self.review_title,
            citation=self.review_citation,
            date=self.review_last_day or Message(MSG_UNKNOWN_DATE),
        )

    def outcome(self, granted: bool) -> Message | None:
        """The answer, its absence past the last day, or that it is awaited."""
        if self.answer is not None and self.answer.date is not None:
            return Message(
                MSG_STEP_ANSWER, date=self.answer.date, outcome=Message(OUTCOME_NAMES[self.answer.outcome])
            )
        if self.filings and self.end == "no_answer" and self.review_last_day is not None:
            return Message(MSG_STEP_NO_ANSWER, date=self.review_last_day)
        if self.filings and self.end is None and not granted:
            return Message(MSG_STEP_AWAITING)
        return None


@dataclasses.dataclass(frozen=True)
class DueItem:
    """A term that is running: who must act, on what, by when.

    Attributes:
        party: :data:`FILE` (the filer hands a document in) or :data:`ANSWER` (the body answers).
        document: the kind of the document concerned (to file, or to be answered).
        next_step: True when the document to file is the next step of the chain, not yet drafted.
        body: for :data:`ANSWER`, the body that must answer.
        deadline: the term, as the deadline engine computed it.
        key: a stable identity of the term across case files (the same term
            seen from an earlier step and from the next document is one).
    """

    party: str
    document: str
    next_step: bool
    body: Body | None
    deadline: Deadline
    key: str

    @property
    def due(self) -> dt.date | None:
        """The day to act by (the trigger day itself for "immediately")."""
        return chain.due_day(self.deadline)

    def message(self) -> Message:
        """What is due, as a sentence: "File “…” by …" or "… must answer by …"."""
        if self.party == ANSWER:
            body = chain.body_label(self.body) if self.body is not None else ""
            if self.deadline.immediate:
                return Message(MSG_ANSWER_NOW, body=body)
            return Message(MSG_ANSWER_BY, body=body, date=self.due)
        document = _title(self.document)
        if self.deadline.immediate:
            return Message(MSG_FILE_NOW, document=document)
        return Message(MSG_FILE_BY, document=document, date=self.due)


@dataclasses.dataclass(frozen=True)
class Timeline:
    """Every step of a case and what is due next.

    Attributes:
        steps: the documents of the chain, oldest first; the last is the case's own.
        end: how the current step ended (a StepEnd value), None while open or granted.
        due: the terms running now, soonest first.
        proposals: the documents that may follow the current step.
        granted: the current document's answer granted it: the chain is done.
    """

    steps: tuple[StepView, ...]
    end: str | None
    due: tuple[DueItem, ...]
    proposals: tuple[chain.NextStep, ...]
    granted: bool
    next_due: Mapping[str, dt.date] = dataclasses.field(default_factory=dict)
    """The first last day of each proposed next document, by its kind."""

    @property
    def is_open(self) -> bool:
        """Whether anything is still due (a term running or a next step to take)."""
        return bool(self.due) or bool(self.proposals)

    def note(self) -> Message | None:
        """What to say in place of the running terms when there are none; None when a term runs.

        The complaint was granted; or it was handed in, and the app knows no
        term for the body to answer it (so it cannot tell when it ran out); or
        nothing is due.
        """
        current = self.steps[-1]
        if self.granted:
            return Message(MSG_GRANTED_DONE)
        if self.due:
            return None
        if current.filings and not current.review_rule and self.end is None:
            return Message(chain.MSG_NO_REVIEW_TERM, body=chain.body_label(current.addressee))
        return Message(MSG_NOTHING_DUE)

    def as_json(self, tr: Translator) -> dict[str, Any]:
        """Machine-readable form: texts in ``tr``'s language, ISO dates, deadlines as ``deadlines --json`` has them."""
        language = tr.language
        return {
            "steps": [_step_json(step, tr) for step in self.steps],
            "end": self.end,
            "granted": self.granted,
            "due": [
                {
                    "party": item.party,
                    "document": item.document,
                    "next_step": item.next_step,
                    "body": _body_json(item.body) if item.body is not None else None,
                    "due": _iso(item.due),
                    "text": item.message().render(tr),
                    "deadline": item.deadline.as_json(tr),
                }
                for item in self.due
            ],
            "next": [
                {
                    "kind": proposal.kind,
                    "title": proposal.title[language],
                    "end": proposal.end,
                    "contests": proposal.basis.contested_type,
                    "addressee": _body_json(proposal.addressee),
                    "route": proposal.route.text(language),
                    "basis": proposal.basis.id,
                    "basis_citation": proposal.basis.citation.text(language),
                    "due": _iso(self.next_due.get(proposal.kind)),
                    "reading": proposal.basis.reading[language],
                }
                for proposal in self.proposals
            ],
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _body_json(body: Body) -> dict[str, str]:
    return {"level": body.level, "name": body.name, "number": body.number}


def _title(kind: str) -> Mapping[str, str]:
    try:
        return catalog.get(kind).title
    except LookupError:
        return dict.fromkeys(("kk", "ru", "en"), kind)


def _step_json(step: StepView, tr: Translator) -> dict[str, Any]:
    language = tr.language
    return {
        "number": step.number,
        "current": step.current,
        "template": step.template,
        "title": step.title[language],
        "respondent": _body_json(step.respondent),
        "addressee": _body_json(step.addressee),
        "contested": {"type": step.contested.type, "date": _iso(step.contested.date)},
        "filing_date": _iso(step.filing_date),
        "filings": [
            {
                "date": _iso(filing.date),
                "time": filing.time,
                "place": filing.place,
                "number": filing.number,
                "accepted_by": filing.accepted_by,
                "position": filing.position,
                "how": filing.how,
            }
            for filing in step.filings
        ],
        "refusals": [
            {
                "date": _iso(refusal.date),
                "time": refusal.time,
                "place": refusal.place,
                "refused_by": refusal.refused_by,
                "position": refusal.position,
                "how": refusal.how,
                "grounds": refusal.grounds,
                "witnesses": [witness.full_name for witness in refusal.witnesses],
            }
            for refusal in step.refusals
        ],
        "answer": None
        if step.answer is None
        else {"outcome": step.answer.outcome, "date": _iso(step.answer.date), "number": step.answer.number},
        "review": None
        if not step.review_rule
        else {
            "rule": step.review_rule,
            "title": step.review_title[language] if step.review_title else None,
            "citation": step.review_citation.text(language) if step.review_citation else None,
            "last_day": _iso(step.review_last_day),
        },
        "end": step.end,
    }


def _view(number: int, step: Step, *, end: str | None, current: bool, citation: Citation | None = None) -> StepView:
    versions = deadlines.rules().get(step.review_rule)
    return StepView(
        number=number,
        template=step.template,
        respondent=step.respondent,
        addressee=step.addressee,
        contested=step.contested,
        filing_date=step.filing_date,
        filings=tuple(step.filings),
        refusals=tuple(step.refusals),
        answer=step.answer,
        review_rule=step.review_rule,
        review_title=versions[-1].title if versions else None,
        review_citation=citation or (versions[-1].citation if versions else None),
        review_last_day=step.review_last_day,
        end=end,
        current=current,
    )


def _person_key(case: Case) -> str:
    return case.complainant.iin.strip() or case.complainant.full_name.strip().casefold()


def _body_key(body: Body) -> str:
    return "|".join((body.level, body.name.strip().casefold(), body.number.strip()))


def _key(case: Case, party: str, deadline: Deadline, body: Body) -> str:
    raw = "\n".join((_person_key(case), party, deadline.rule, _iso(deadline.event) or "", _body_key(body)))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def _due_items(
    case: Case,
    end: str | None,
    proposals: list[chain.NextStep],
    review: Deadline | None,
    today: dt.date,
    next_due: dict[str, dt.date],
) -> list[DueItem]:
    """What is due; fills ``next_due`` with the first last day of each proposal."""
    items: list[DueItem] = []
    if case.answer is not None and case.answer.outcome == Outcome.GRANTED:
        return items
    if not case.is_filed:
        for deadline in deadlines.case_deadlines(case, today=today):
            if not chain.is_body_rule(deadline) and chain.due_day(deadline) is not None:
                key = _key(case, FILE, deadline, case.respondent)
                items.append(DueItem(FILE, case.template, False, None, deadline, key))
    elif end is None and review is not None:
        key = _key(case, ANSWER, review, case.addressee)
        items.append(DueItem(ANSWER, case.template, False, case.addressee, review, key))
    seen: set[tuple[str, dt.date | None]] = set()
    for proposal in proposals:
        for deadline in chain.next_terms(case, proposal, today=today):
            due = chain.due_day(deadline)
            if due is None:
                continue
            first = next_due.get(proposal.kind)
            next_due[proposal.kind] = due if first is None else min(first, due)
            if (deadline.rule, due) in seen:
                continue
            seen.add((deadline.rule, due))
            key = _key(case, FILE, deadline, case.addressee)
            items.append(DueItem(FILE, proposal.kind, True, None, deadline, key))
    items.sort(key=lambda item: (item.due or dt.date.max, item.party))
    return items


def case_timeline(
    case: Case, *, today: dt.date | None = None, directory: Directory | None = None
) -> Timeline:
    """The timeline of ``case``: its steps, how the current one ended, what is due, what may follow.

    Args:
        case: the case (its history holds the earlier steps).
        today: the date taken as today (a training date, or a test's).
        directory: the directory of bodies that names a next step's addressee.
    """
    day = today if today is not None else dt.date.today()
    steps = [_view(number, step, end=step.end, current=False) for number, step in enumerate(case.history, start=1)]
    review = chain.review_deadline(case, today=day) if case.is_filed else None
    end = chain.step_end(case, today=day)
    now = chain.snapshot(case, end or "", today=day, review=review)
    steps.append(_view(len(steps) + 1, now, end=end, current=True, citation=review.citation if review else None))
    proposals = chain.proposals(case, end, today=day, directory=directory) if end is not None else []
    granted = case.answer is not None and case.answer.outcome == Outcome.GRANTED
    next_due: dict[str, dt.date] = {}
    due = tuple(_due_items(case, end, proposals, review, day, next_due))
    return Timeline(
        steps=tuple(steps), end=end, due=due, proposals=tuple(proposals), granted=granted, next_due=next_due
    )


__all__ = [
    "ANSWER",
    "CONTESTED_NAMES",
    "FILE",
    "HOW_NAMES",
    "MSG_GRANTED_DONE",
    "MSG_NOTHING_DUE",
    "OUTCOME_NAMES",
    "DueItem",
    "StepView",
    "Timeline",
    "case_timeline",
]
