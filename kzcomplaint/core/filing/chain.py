"""The escalation chain: how a step ended, what may follow it, and the next document drafted from it.

A step ends when the body refuses to accept the document, answers it with a
refusal (in whole or in part) or a return, or lets the last day of its
review term pass without an answer. What the next document then contests,
from which date, to whom it may go and how its answers are filled are the
rules' (``core.law.escalation``, ``rules/hierarchy.toml``, the catalogue);
this module applies them to a case:

- :func:`step_end` says how the current step ended, if it has;
- :func:`proposals` lists the kinds that may follow, with their addressee;
- :func:`next_case` drafts the next document: every party, fact, evidence
  item and request carried over, the new contested act and date set, the
  answers the earlier step gives filled in, the earlier step kept in the
  case's history;
- :func:`refusal_act` drafts the act recording a refusal, signed by witnesses.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kzcomplaint.core.case.model import (
    Body,
    Case,
    Contested,
    ContestedType,
    Outcome,
    Step,
    StepEnd,
)
from kzcomplaint.core.filing.record import FilingError
from kzcomplaint.core.law import catalog, deadlines, escalation, routes
from kzcomplaint.core.law.citations import Citation
from kzcomplaint.core.text import legal_dates
from kzcomplaint.core.text.i18n import N_, Message

if TYPE_CHECKING:
    from kzcomplaint.core.law.deadlines import Deadline
    from kzcomplaint.core.law.directory import Directory
    from kzcomplaint.core.law.escalation import Basis

REFUSAL_ACT = "refusal_to_accept_act"
"""The document kind that records a refusal to accept, for its witnesses to sign."""

_DECISIONS = (Outcome.REJECTED.value, Outcome.PARTLY.value, Outcome.RETURNED.value)

MSG_NOT_ENDED = N_("This step has not ended yet: {why}")
MSG_NOT_FILED = N_("the document is not recorded as filed or refused.")
MSG_TERM_RUNS = N_("{body} may still answer until {last_day}.")
MSG_GRANTED = N_("the answer granted the complaint; there is nothing to contest.")
MSG_NO_REFUSAL = N_("No refusal to accept is recorded in this case.")
MSG_NO_DECISION = N_("No answer refusing or returning the document is recorded in this case.")
MSG_ANSWERED = N_("An answer is recorded ({outcome}): the body did answer.")
MSG_NOT_FILED_FOR_NO_ANSWER = N_("The document is not recorded as filed, so no term for an answer ran.")
MSG_NO_REVIEW_TERM = N_("The app knows no term for {body} to answer this document, so it cannot say when it ran out.")
MSG_NO_KIND = N_("“{kind}” cannot follow this step ({end}; body: {body}). It can be followed by: {choices}.")
MSG_NO_NEXT = N_("The app drafts no next document after this step ({end}; body: {body}).")
MSG_EARLY = N_(
    "{body} may still answer until {last_day}: the inaction is complete only after that. "
    "The next document is drafted ahead; file it only once the term has run out."
)
MSG_NOT_COMMISSION = N_("The act of refusal is for a refusal by an election commission; {body} is not one.")

END_NAMES = {
    StepEnd.NO_ANSWER.value: N_("no answer"),
    StepEnd.REJECTED.value: N_("refusal or return"),
    StepEnd.REFUSED.value: N_("refusal to accept"),
}
"""How a step ended, as messages say it."""


class EscalationError(FilingError):
    """The next step cannot be drafted as asked; ``message`` says why and what can be done."""


@dataclasses.dataclass(frozen=True)
class NextStep:
    """A document kind that may follow the current step, and where it would go.

    Attributes:
        kind: the catalogue id of the next document.
        end: how the current step ended (a StepEnd value).
        basis: what the next document contests and from which date, with the reading.
        addressee: the body it would go to (its level from the routes; name
            and details from the directory when known there).
        route: the provision that opens that route.
    """

    kind: str
    end: str
    basis: Basis
    addressee: Body
    route: Citation

    @property
    def title(self) -> dict[str, str]:
        """The next document's title in kk, ru and en."""
        return dict(catalog.get(self.kind).title)


def body_label(body: Body) -> str | dict[str, str]:
    """A body as messages name it: its name (and number) as written, else its level in each language.

    A :class:`~kzcomplaint.core.text.i18n.Message` renders the three-language
    form in its own language; :func:`body_text` gives one language.
    """
    name, number = body.name.strip(), body.number.strip()
    if number and not name.endswith(number):  # "… комиссия № 205" already says its number
        name = f"{name} № {number}".strip()
    if name:
        return name
    from kzcomplaint.core.law import directory

    names = directory.shipped_directory().level_names.get(body.level)
    if not names:
        return body.level
    return {language: text[:1].upper() + text[1:] for language, text in names.items()}


def body_text(body: Body, language: str) -> str:
    """:func:`body_label` in ``language``."""
    label = body_label(body)
    return label if isinstance(label, str) else label.get(language, body.level)


# -- how the step stands ----------------------------------------------------------------------


def is_body_rule(deadline: Deadline) -> bool:
    """Whether ``deadline`` is a body's term to decide (not the filer's term to file)."""
    versions = deadlines.rules().get(deadline.rule)
    return versions is not None and versions[-1].party == "body"


def review_deadline(case: Case, *, today: dt.date | None = None) -> Deadline | None:
    """The body's term to answer the document: the earliest that applies and has a last day."""
    found: list[tuple[dt.date, Deadline]] = []
    for deadline in deadlines.case_deadlines(case, today=today):
        if not is_body_rule(deadline):
            continue
        due = due_day(deadline)
        if due is not None:
            found.append((due, deadline))
    return min(found, key=lambda pair: pair[0])[1] if found else None


def due_day(deadline: Deadline) -> dt.date | None:
    """The day to act by: the last day, or the trigger day itself when the term is "immediately"."""
    return deadline.event if deadline.immediate else deadline.last_day


def _review_due(case: Case, today: dt.date) -> dt.date | None:
    """The day the body's term to answer ``case``'s document ends; None when the app knows no such term."""
    review = review_deadline(case, today=today)
    return due_day(review) if review is not None else None


def step_end(case: Case, *, today: dt.date | None = None) -> str | None:
    """How the current step ended, or None while it is still open (or ended well).

    A recorded answer decides (a refusal or a return: ``rejected``; "no
    answer": ``no_answer``; a grant: not ended badly, None); otherwise a
    document filed whose body's term has run out has ``no_answer``; one not
    filed but refused has ``refused``.
    """
    day = today if today is not None else dt.date.today()
    answer = case.answer
    if answer is not None:
        if answer.outcome in _DECISIONS:
            return StepEnd.REJECTED.value
        if answer.outcome == Outcome.NONE:
            return StepEnd.NO_ANSWER.value
        return None
    if case.is_filed:
        due = _review_due(case, day)
        return StepEnd.NO_ANSWER.value if due is not None and due < day else None
    if case.refusals:
        return StepEnd.REFUSED.value
    return None


def _check_end(case: Case, end: str, today: dt.date) -> list[Message]:
    """Refuse an ``end`` the case does not show; return the warnings of one it shows only ahead of time."""
    body = body_label(case.addressee)
    if end == StepEnd.REFUSED:
        if not case.refusals:
            raise EscalationError(Message(MSG_NO_REFUSAL))
        return []
    if end == StepEnd.REJECTED:
        if case.answer is None or case.answer.outcome not in _DECISIONS:
            raise EscalationError(Message(MSG_NO_DECISION))
        return []
    if case.answer is not None and case.answer.outcome != Outcome.NONE:
        outcome = Message(escalation.OUTCOME_NAMES[case.answer.outcome])
        raise EscalationError(Message(MSG_ANSWERED, outcome=outcome))
    if not case.is_filed:
        raise EscalationError(Message(MSG_NOT_FILED_FOR_NO_ANSWER))
    due = _review_due(case, today)
    if due is None:
        raise EscalationError(Message(MSG_NO_REVIEW_TERM, body=body))
    if due >= today and (case.answer is None):
        return [Message(MSG_EARLY, body=body, last_day=due)]
    return []


# -- what may follow ---------------------------------------------------------------------------


def _route(respondent: str, allowed: Sequence[str], on: dt.date) -> routes.Route | None:
    for route in routes.routes():
        if route.respondent == respondent and route.addressee in allowed and route.in_force_on(on):
            return route
    return None


def _directory() -> Directory:
    from kzcomplaint.core.law import directory

    try:
        return directory.load_directory()
    except directory.DirectoryError:
        return directory.shipped_directory()  # the user's own file is reported where it is edited


def _addressee(case: Case, level: str, on: dt.date, found: Directory | None) -> Body:
    """The body of ``level`` a complaint against ``case.addressee`` goes to, from the directory when it knows one."""
    book = found if found is not None else _directory()
    region = ""
    for body in (case.addressee, case.respondent):
        entry = book.find(body)
        if entry is not None and entry.region:
            region = entry.region
            break
    for proposal in book.propose_addressees(
        case.addressee.level, region, [level], on=on, election_kind=case.election.kind
    ):
        if proposal.entry is not None:
            return book.to_body(proposal.entry, case.language)
    # A higher body of the same level (a higher territorial commission), or one
    # the directory does not list: named by its level, which body to be chosen.
    return book.generic_body(level, case.language)


def proposals(
    case: Case,
    end: str | None = None,
    *,
    today: dt.date | None = None,
    directory: Directory | None = None,
) -> list[NextStep]:
    """The document kinds that may follow the current step, in the rules' order.

    Args:
        case: the case whose step ended.
        end: how it ended (default: :func:`step_end`); None when it has not.
        today: the date taken as today.
        directory: the directory of bodies to name the addressee from (default: the user's).
    """
    day = today if today is not None else dt.date.today()
    end = end if end is not None else step_end(case, today=day)
    if end is None:
        return []
    respondent = case.addressee.level
    basis = escalation.basis_for(end, respondent, day)
    if basis is None:
        return []
    result: list[NextStep] = []
    for kind in escalation.rules().next_kinds.get(end, ()):
        info = catalog.get(kind)
        if respondent not in info.respondent_levels or basis.contested_type not in info.contests:
            continue
        route = _route(respondent, info.addressee_levels, day)
        if route is None:
            continue
        body = _addressee(case, route.addressee, day, directory)
        result.append(NextStep(kind=kind, end=end, basis=basis, addressee=body, route=route.citation))
    return result


# -- drafting the next document ----------------------------------------------------------------


def snapshot(case: Case, end: str, *, today: dt.date | None = None, review: Deadline | None = None) -> Step:
    """The current step as the history of the next document keeps it (``review``: its body's term, if known).

    A body's term to answer runs only from a recorded handing-in: a document
    refused, or not handed in yet, keeps none (the date written on it is not
    the day a body received it, and "no answer by …" would be untrue).
    """
    if review is None and case.is_filed:
        review = review_deadline(case, today=today)
    return Step(
        template=case.template,
        respondent=copy.deepcopy(case.respondent),
        addressee=copy.deepcopy(case.addressee),
        contested=copy.deepcopy(case.contested),
        filing_date=case.filing_date,
        filings=copy.deepcopy(case.filings),
        refusals=copy.deepcopy(case.refusals),
        answer=copy.deepcopy(case.answer),
        review_rule=review.rule if review is not None else "",
        review_last_day=due_day(review) if review is not None else None,
        end=end,
    )


class _Sources:
    """The values ``[[prefill]]`` answers take from the earlier step, in the next document's language."""

    def __init__(self, case: Case, step: Step, language: str) -> None:
        self.case = case
        self.step = step
        self.language = language
        self.rules = escalation.rules()

    def phrase(self, key: str, **values: object) -> str:
        return self.rules.phrase(key, self.language, **values)

    def date(self, day: dt.date) -> str:
        return legal_dates.format_legal_date(day, self.language)

    def document(self) -> str:
        try:
            return catalog.get(self.step.template).title[self.language]
        except LookupError:
            return self.step.template

    def receipt(self) -> str:
        filings = [filing for filing in self.step.filings if filing.date is not None]
        if not filings:
            return ""
        filing = filings[0]
        assert filing.date is not None
        parts = [self.phrase("received", date=self.date(filing.date))]
        if filing.time:
            parts[0] = f"{parts[0]} {self.phrase('at_time', time=filing.time)}"
        if filing.how != "in_person":
            parts.append(self.phrase(f"by_{filing.how}"))
        if filing.number.strip():
            parts.append(self.phrase("incoming_number", number=filing.number.strip()))
        accepted = ", ".join(part for part in (filing.accepted_by.strip(), filing.position.strip()) if part)
        if accepted:
            parts.append(self.phrase("accepted_by", name=accepted))
        return "; ".join(parts)

    def result(self) -> str:
        answer = self.step.answer
        if answer is not None and answer.outcome in _DECISIONS and answer.date is not None:
            outcome = self.phrase(f"outcome_{answer.outcome}")
            if answer.number.strip():
                return self.phrase(
                    "answer_numbered", date=self.date(answer.date), number=answer.number, outcome=outcome
                )
            return self.phrase("answer", date=self.date(answer.date), outcome=outcome)
        if self.step.review_last_day is not None:
            return self.phrase("no_answer", last_day=self.date(self.step.review_last_day))
        return ""

    def what_happened(self) -> str:
        step = self.step
        if step.end == StepEnd.REFUSED:
            refusal = step.refusals[-1] if step.refusals else None
            if refusal is None or refusal.date is None:
                return ""
            when = (
                self.phrase("on_date_at", date=self.date(refusal.date), time=refusal.time)
                if refusal.time
                else self.phrase("on_date", date=self.date(refusal.date))
            )
            name = self.refused_by()
            if name:
                return self.phrase("refused_named", when=when, name=name, document=self.document())
            return self.phrase("refused_unnamed", when=when, document=self.document())
        if step.end == StepEnd.REJECTED:
            return self.phrase("decided", document=self.document(), result=self.result())
        received = self.case.body_received_on()
        if received is None or step.review_last_day is None:
            return ""
        found = deadlines.rules().get(step.review_rule)
        citation = found[-1].citation.text(self.language) if found else ""
        return self.phrase(
            "not_considered",
            date=self.date(received),
            document=self.document(),
            last_day=self.date(step.review_last_day),
            citation=citation,
        )

    def refused_by(self) -> str:
        refusal = self.step.refusals[-1] if self.step.refusals else None
        if refusal is None:
            return body_text(self.step.addressee, self.language) if self.step.end == StepEnd.NO_ANSWER else ""
        return ", ".join(part for part in (refusal.refused_by.strip(), refusal.position.strip()) if part)

    def witnesses(self) -> str:
        refusal = self.step.refusals[-1] if self.step.refusals else None
        if refusal is None:
            return ""
        lines = [
            ", ".join(part for part in (witness.full_name.strip(), witness.contact.strip()) if part)
            for witness in refusal.witnesses
        ]
        return "\n".join(line for line in lines if line)

    def value(self, source: str) -> str:
        step = self.step
        refusal = step.refusals[-1] if step.refusals else None
        answer = step.answer
        received = self.case.body_received_on() if self.case.is_filed else None
        if source == "filed_on":
            return received.isoformat() if received is not None else ""
        if source == "answer_date":
            return answer.date.isoformat() if answer is not None and answer.date is not None else ""
        if source == "document_date":
            return step.filing_date.isoformat() if step.filing_date is not None else ""
        if source == "receipt":
            return self.receipt()
        if source == "body":
            return body_text(step.addressee, self.language)
        if source == "result":
            return self.result()
        if source == "what_happened":
            return self.what_happened()
        if source == "document":
            return self.document()
        if source == "refused_by":
            return self.refused_by()
        if source == "grounds":
            return refusal.grounds.strip() if refusal is not None else ""
        if source == "witnesses":
            return self.witnesses()
        if source == "act_drawn":
            return self.phrase("act_drawn") if refusal is not None and refusal.witnesses else ""
        if source == "end":
            return step.end
        if source == "outcome":
            return answer.outcome if answer is not None else Outcome.NONE.value
        if source == "document_type":
            try:
                return catalog.get(step.template).document
            except LookupError:
                return ""
        if source == "how":
            return refusal.how if refusal is not None else ""
        raise ValueError(f"unknown prefill source {source!r}")  # the rule loader allows no other


def prefilled_answers(kind: str, case: Case, step: Step, language: str) -> dict[str, str]:
    """The answers of ``kind`` that ``[[prefill]]`` fills from ``step`` (empty values left out)."""
    sources = _Sources(case, step, language)
    answers: dict[str, str] = {}
    for item in escalation.rules().prefill.get(kind, ()):
        if item.value is not None:
            value = item.value
        else:
            assert item.source is not None  # the loader requires a value or a source
            value = sources.value(item.source)
            if item.mapping:
                value = item.mapping.get(value, "")
        if value:
            answers[item.question] = value
    return answers


def _carried_details(case: Case, kind: str) -> dict[str, str]:
    """The earlier answers to questions the next kind asks too (the rest is told in the facts)."""
    from kzcomplaint.core.documents import templates

    try:
        asked = {question.id for question in templates.load_template(kind).questions}
    except templates.TemplateError:
        return {}
    return {key: value for key, value in case.details.items() if key in asked and value.strip()}


def _carried_facts(case: Case) -> str:
    """What the earlier document told, as its text says it, for the next document's facts."""
    from kzcomplaint.core.documents import render, templates

    try:
        return "\n".join(render.circumstances(case, case.language))
    except (templates.TemplateError, render.RenderError, LookupError):
        return case.facts  # a kind without a template: the user's own facts still go on


def _draft(case: Case, proposal: NextStep, step: Step, *, full: bool) -> Case:
    basis = proposal.basis
    contested = Contested(type=basis.contested_type, date=escalation.event_of(step, basis))
    if step.end == StepEnd.REFUSED and step.refusals:
        contested.time, contested.place = step.refusals[-1].time, step.refusals[-1].place
    if basis.contested_type == ContestedType.DECISION and step.answer is not None:
        contested.decision_number = step.answer.number
    result = Case(
        template=proposal.kind,
        language=case.language,
        election=copy.deepcopy(case.election),
        complainant=copy.deepcopy(case.complainant),
        representative=copy.deepcopy(case.representative),
        respondent=copy.deepcopy(case.addressee),
        addressee=copy.deepcopy(proposal.addressee),
        contested=contested,
        requests=list(case.requests),
        evidence=copy.deepcopy(case.evidence),
        attachments=list(case.attachments),
        history=[*copy.deepcopy(case.history), step],
    )
    if full:
        result.details = {
            **_carried_details(case, proposal.kind),
            **prefilled_answers(proposal.kind, case, step, case.language),
        }
        # The facts text stands in for the kind's sentences that state an answer: the earlier
        # document's account first, then those sentences as the answers filled here make them.
        result.facts = "\n".join(part for part in (_carried_facts(case), _drafted_facts(result)) if part.strip())
        # The earlier requests go on, then what the new kind asks for in its own right.
        result.requests = _unique([*case.requests, *_suggested_requests(result)])
    return result


def _drafted_facts(case: Case) -> str:
    from kzcomplaint.core.documents import render, templates

    try:
        return render.drafted_facts(case, case.language)
    except (templates.TemplateError, render.RenderError, LookupError):
        return ""


def _unique(items: Sequence[str]) -> list[str]:
    result: list[str] = []
    for item in items:
        if item.strip() and item.strip() not in (kept.strip() for kept in result):
            result.append(item)
    return result


def _suggested_requests(case: Case) -> list[str]:
    from kzcomplaint.core.documents import render, templates

    try:
        return render.default_requests(case, case.language)
    except (templates.TemplateError, render.RenderError, LookupError):
        return []


def _chosen(case: Case, kind: str, end: str, day: dt.date, directory: Directory | None) -> NextStep:
    found = proposals(case, end, today=day, directory=directory)
    for proposal in found:
        if proposal.kind == kind:
            return proposal
    body = body_label(case.addressee)
    if not found:
        raise EscalationError(Message(MSG_NO_NEXT, end=Message(END_NAMES[end]), body=body))
    raise EscalationError(
        Message(
            MSG_NO_KIND,
            kind=kind,
            end=Message(END_NAMES[end]),
            body=body,
            choices=", ".join(proposal.kind for proposal in found),
        )
    )


def next_case(
    case: Case,
    kind: str,
    end: str | None = None,
    *,
    today: dt.date | None = None,
    directory: Directory | None = None,
) -> tuple[Case, list[Message]]:
    """Draft the next document of the chain from ``case``.

    Every party, fact, evidence item and request is carried over; the next
    document contests the inaction, decision or refusal that ended this
    step, dated as the rules say; its answers are filled from this step; and
    this step goes into its history.

    Args:
        case: the current document, with what happened to it recorded.
        kind: the next document's kind (one of :func:`proposals`).
        end: how the step ended (default: :func:`step_end`).
        today: the date taken as today.
        directory: the directory of bodies to name the addressee from.

    Returns:
        The next case, and warnings (a term that has not run out yet).

    Raises:
        EscalationError: the step has not ended that way, or ``kind`` cannot follow it.
    """
    day = today if today is not None else dt.date.today()
    if end is None:
        end = step_end(case, today=day)
        if end is None:
            raise EscalationError(Message(MSG_NOT_ENDED, why=_why_open(case, day)))
    warnings = _check_end(case, end, day)
    proposal = _chosen(case, kind, end, day, directory)
    return _draft(case, proposal, snapshot(case, end, today=day), full=True), warnings


def next_terms(case: Case, proposal: NextStep, *, today: dt.date | None = None) -> list[Deadline]:
    """The filer's terms of the document ``proposal`` would draft (what is due next, by when)."""
    day = today if today is not None else dt.date.today()
    draft = _draft(case, proposal, snapshot(case, proposal.end, today=day), full=False)
    return [deadline for deadline in deadlines.case_deadlines(draft, today=day) if not is_body_rule(deadline)]


def _why_open(case: Case, today: dt.date) -> Message:
    if case.answer is not None and case.answer.outcome == Outcome.GRANTED:
        return Message(MSG_GRANTED)
    if not case.is_filed:
        return Message(MSG_NOT_FILED)
    due = _review_due(case, today)
    if due is None:
        return Message(MSG_NO_REVIEW_TERM, body=body_label(case.addressee))
    return Message(MSG_TERM_RUNS, body=body_label(case.addressee), last_day=due)


def refusal_act(case: Case, *, today: dt.date | None = None, directory: Directory | None = None) -> Case:
    """The act recording the latest refusal to accept ``case``'s document, for the witnesses to sign.

    It goes with the complaint about the refusal, so it is addressed where
    that complaint goes.

    Raises:
        EscalationError: no refusal is recorded, or the body is not an election commission.
    """
    day = today if today is not None else dt.date.today()
    if not case.refusals:
        raise EscalationError(Message(MSG_NO_REFUSAL))
    info = catalog.get(REFUSAL_ACT)
    if case.addressee.level not in info.respondent_levels:
        raise EscalationError(Message(MSG_NOT_COMMISSION, body=body_label(case.addressee)))
    step = snapshot(case, StepEnd.REFUSED.value, today=day)
    refusal = case.refusals[-1]
    following = proposals(case, StepEnd.REFUSED.value, today=day, directory=directory)
    addressee = copy.deepcopy(following[0].addressee) if following else Body(level=info.addressee_levels[0])
    act = Case(
        template=REFUSAL_ACT,
        language=case.language,
        election=copy.deepcopy(case.election),
        complainant=copy.deepcopy(case.complainant),
        representative=copy.deepcopy(case.representative),
        respondent=copy.deepcopy(case.addressee),
        addressee=addressee,
        contested=Contested(
            type=ContestedType.ACTION.value, date=refusal.date, time=refusal.time, place=refusal.place
        ),
        details=prefilled_answers(REFUSAL_ACT, case, step, case.language),
        filing_date=refusal.date,
        history=[*copy.deepcopy(case.history), step],
    )
    # As the wizard fills them: the facts are the act's own sentences from its answers (the filer may
    # add what they did then), never the earlier document's account, which the witnesses may not have
    # seen and would sign; the kind's default requests.
    act.facts = _drafted_facts(act)
    act.requests = _suggested_requests(act)
    return act


__all__ = [
    "END_NAMES",
    "REFUSAL_ACT",
    "EscalationError",
    "NextStep",
    "body_label",
    "body_text",
    "due_day",
    "is_body_rule",
    "next_case",
    "next_terms",
    "prefilled_answers",
    "proposals",
    "refusal_act",
    "review_deadline",
    "snapshot",
    "step_end",
]
