"""The case: what one complaint, appeal or claim is about, as plain dataclasses.

A case is what an observer hands to a lawyer as one JSON file (see
``caseio`` for reading and writing it). Everything here is data; nothing
decides validity or computes a term — that is ``checks`` and ``deadlines``.

Text fields are ``str`` and empty when unknown ("" rather than ``None``), so
callers never have to distinguish "missing" from "blank". Dates are
``datetime.date`` or ``None``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from typing import Any

FORMAT = "kzcomplaint/2"
"""Identifier of the case-file format written by this version (2: what happened after filing)."""


class Level(enum.StrEnum):
    """Level of a body: election commission, court, prosecutor's office or other authority."""

    CEC = "cec"
    TERRITORIAL = "territorial"
    DISTRICT = "district"
    PRECINCT = "precinct"
    COURT = "court"
    SUPREME_COURT = "supreme_court"
    CONSTITUTIONAL_COURT = "constitutional_court"
    AKIMAT = "akimat"
    PROSECUTOR = "prosecutor"
    OTHER = "other"


class ContestedType(enum.StrEnum):
    """What is contested: a decision, an action or a failure to act."""

    DECISION = "decision"
    ACTION = "action"
    INACTION = "inaction"


class Role(enum.StrEnum):
    """In what capacity the complainant acts.

    The last four are the officials entitled to bring election results to
    the Constitutional Court (Election Law arts. 68, 100); everyone else is
    not, and the checker says so.
    """

    OBSERVER = "observer"
    VOTER = "voter"
    CANDIDATE = "candidate"
    PROXY = "proxy"
    PARTY_REPRESENTATIVE = "party_representative"
    COMMISSION_MEMBER = "commission_member"
    PUBLIC_ASSOCIATION = "public_association"
    LAWYER = "lawyer"
    OTHER = "other"
    PRESIDENT = "president"
    CHAMBER_SPEAKER = "chamber_speaker"
    DEPUTIES_FIFTH = "deputies_fifth"
    PRIME_MINISTER = "prime_minister"


class ElectionKind(enum.StrEnum):
    """Kind of vote the case belongs to."""

    PRESIDENTIAL = "presidential"
    PARLIAMENTARY = "parliamentary"
    MASLIKHAT = "maslikhat"
    AKIM = "akim"
    REFERENDUM = "referendum"
    KURULTAI = "kurultai"
    OTHER = "other"


@dataclasses.dataclass
class Election:
    """The election or referendum the case belongs to."""

    kind: str = ElectionKind.PARLIAMENTARY.value
    voting_day: dt.date | None = None


@dataclasses.dataclass
class Person:
    """A complainant or representative, with every detail a court asks for."""

    full_name: str = ""
    iin: str = ""
    birth_date: dt.date | None = None
    birth_place: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    role: str = Role.OBSERVER.value
    organization: str = ""
    power_of_attorney: str = ""


@dataclasses.dataclass
class Body:
    """A respondent or addressee: a commission, court or other authority."""

    level: str = Level.PRECINCT.value
    name: str = ""
    number: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    bin: str = ""


@dataclasses.dataclass
class Contested:
    """The decision, action or inaction complained of."""

    type: str = ContestedType.ACTION.value
    date: dt.date | None = None
    time: str = ""
    place: str = ""
    decision_number: str = ""
    published_in: str = ""
    published_on: dt.date | None = None
    received_on: dt.date | None = None


class Medium(enum.StrEnum):
    """What an item of evidence is handed over on (printed beside its description)."""

    PAPER = "paper"
    USB_DRIVE = "usb_drive"
    OPTICAL_DISC = "optical_disc"
    MEMORY_CARD = "memory_card"


@dataclasses.dataclass
class Evidence:
    """One item of evidence, optionally backed by a file on disk."""

    description: str = ""
    file: str | None = None
    medium: str = ""
    """A :class:`Medium` value, or "" when not said."""
    translations: dict[str, str] = dataclasses.field(default_factory=dict)
    """The description in other languages (language → text), for a document in that language."""


@dataclasses.dataclass
class CaseText:
    """The user's own words in one language other than the case's (``Case.translations``).

    Each field, when filled, replaces the case's own for a document in that
    language; an empty one leaves the case's text (in ``Case.language``).
    """

    facts: str = ""
    details: dict[str, str] = dataclasses.field(default_factory=dict)
    """Answers in this language; only written answers need one (choices, dates and numbers are the same)."""
    requests: list[str] = dataclasses.field(default_factory=list)
    attachments: list[str] = dataclasses.field(default_factory=list)


class FilingMethod(enum.StrEnum):
    """How a document was handed in (or offered, when it was refused)."""

    IN_PERSON = "in_person"
    POST = "post"
    EMAIL = "email"
    EFILING = "efiling"


class Outcome(enum.StrEnum):
    """What the body answered; ``none``: no answer came by the last day of its term."""

    GRANTED = "granted"
    PARTLY = "partly"
    REJECTED = "rejected"
    RETURNED = "returned"
    NONE = "none"


class StepEnd(enum.StrEnum):
    """Why a step of the chain was followed by the next one."""

    NO_ANSWER = "no_answer"
    REJECTED = "rejected"
    REFUSED = "refused"


@dataclasses.dataclass
class Filing:
    """One handing-in of the document: the proof that the body received it.

    ``date`` is the day the body received it (for a letter, the day of
    delivery); the body's review term runs from it.
    """

    date: dt.date | None = None
    time: str = ""
    place: str = ""
    number: str = ""
    accepted_by: str = ""
    position: str = ""
    how: str = FilingMethod.IN_PERSON.value


@dataclasses.dataclass
class Witness:
    """Someone who saw a refusal to accept and can sign the act recording it."""

    full_name: str = ""
    contact: str = ""


@dataclasses.dataclass
class Refusal:
    """A refusal to accept the document: who refused, when, how, on what grounds, before whom."""

    date: dt.date | None = None
    time: str = ""
    place: str = ""
    refused_by: str = ""
    position: str = ""
    how: str = FilingMethod.IN_PERSON.value
    grounds: str = ""
    witnesses: list[Witness] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Answer:
    """The body's answer to the document, or that none came by the last day of its term."""

    outcome: str = Outcome.NONE.value
    date: dt.date | None = None
    number: str = ""


@dataclasses.dataclass
class Step:
    """An earlier document of the same chain, as it stood when the next one was drafted.

    Attributes:
        template: its document kind.
        respondent, addressee, contested: whom it was against, where it went,
            what it contested.
        filing_date: the date written on it.
        filings, refusals, answer: what happened to it.
        review_rule, review_last_day: the body's term as the app computed it
            when the next step was drafted ("" and None when there was none).
        end: why the next step followed (a :class:`StepEnd` value).
    """

    template: str = ""
    respondent: Body = dataclasses.field(default_factory=Body)
    addressee: Body = dataclasses.field(default_factory=Body)
    contested: Contested = dataclasses.field(default_factory=Contested)
    filing_date: dt.date | None = None
    filings: list[Filing] = dataclasses.field(default_factory=list)
    refusals: list[Refusal] = dataclasses.field(default_factory=list)
    answer: Answer | None = None
    review_rule: str = ""
    review_last_day: dt.date | None = None
    end: str = StepEnd.NO_ANSWER.value


@dataclasses.dataclass
class Exercise:
    """The workshop exercise a case is a participant's draft of (fictitious people only).

    Which scenario of which pack the draft started from, whose draft it is,
    the language of the workshop, the day the story takes as today (terms are
    judged as in the story), and the participant's answers to the scenario's
    questions (by problem code). ``core.workshop`` scores it; nothing of it is
    ever printed in the document.
    """

    scenario: str = ""
    pack: str = ""
    participant: str = ""
    language: str = "ru"
    today: dt.date | None = None
    answers: dict[str, str] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class Case:
    """One complaint, appeal or claim, as saved in a case file."""

    template: str = ""
    language: str = "ru"
    election: Election = dataclasses.field(default_factory=Election)
    complainant: Person = dataclasses.field(default_factory=Person)
    representative: Person | None = None
    respondent: Body = dataclasses.field(default_factory=Body)
    addressee: Body = dataclasses.field(
        default_factory=lambda: Body(level=Level.TERRITORIAL.value)
    )
    contested: Contested = dataclasses.field(default_factory=Contested)
    facts: str = ""
    details: dict[str, str] = dataclasses.field(default_factory=dict)
    requests: list[str] = dataclasses.field(default_factory=list)
    evidence: list[Evidence] = dataclasses.field(default_factory=list)
    attachments: list[str] = dataclasses.field(default_factory=list)
    filing_date: dt.date | None = None
    translations: dict[str, CaseText] = dataclasses.field(default_factory=dict)
    """The user's texts in other languages (language → texts), e.g. the Kazakh and Russian of one case."""
    filings: list[Filing] = dataclasses.field(default_factory=list)
    refusals: list[Refusal] = dataclasses.field(default_factory=list)
    answer: Answer | None = None
    history: list[Step] = dataclasses.field(default_factory=list)
    exercise: Exercise | None = None
    """Set when the case is a participant's draft in a workshop; None for a real case."""
    format: str = FORMAT

    def own_texts(self) -> list[str]:
        """What the user wrote in their own words: the facts, the answers and the requests."""
        return [self.facts, *self.details.values(), *self.requests]

    def story_today(self) -> dt.date | None:
        """The day an exercise's story takes as today (None for a real case): its terms are judged on it."""
        return self.exercise.today if self.exercise is not None else None

    def body_received_on(self) -> dt.date | None:
        """The day the body received the document: the first recorded filing, else the date written on it."""
        recorded = [filing.date for filing in self.filings if filing.date is not None]
        return min(recorded) if recorded else self.filing_date

    @property
    def is_filed(self) -> bool:
        """Whether a handing-in of the document is recorded."""
        return any(filing.date is not None for filing in self.filings)

    def texts_in(self, language: str) -> CaseText:
        """The user's own words for a document in ``language``: a translation where given, else the case's.

        Facts, requests and attachments are replaced whole; answers one by
        one (an answer with no translation keeps the case's).
        """
        own = CaseText(
            facts=self.facts,
            details=dict(self.details),
            requests=list(self.requests),
            attachments=list(self.attachments),
        )
        other = self.translations.get(language) if language != self.language else None
        if other is None:
            return own
        details = dict(own.details)
        details.update({key: value for key, value in other.details.items() if value.strip() and key in details})
        return CaseText(
            facts=other.facts if other.facts.strip() else own.facts,
            details=details,
            requests=list(other.requests) if any(r.strip() for r in other.requests) else own.requests,
            attachments=list(other.attachments) if any(a.strip() for a in other.attachments) else own.attachments,
        )

    def written_in(self, language: str) -> bool:
        """Whether the user's texts exist in ``language``: it is the case's language or a translation gives them."""
        if language == self.language:
            return True
        other = self.translations.get(language)
        if other is None:
            return False
        return bool(other.facts.strip() or any(r.strip() for r in other.requests)) or any(
            v.strip() for v in other.details.values()
        )


def get_path(obj: Any, path: str) -> Any:
    """Return the value at a dotted field path such as ``complainant.iin``.

    List items are addressed by index (``evidence.0.description``). Returns
    ``None`` when any step is missing, so callers can ask about optional
    parts (``representative.phone``) without guarding.
    """
    current = obj
    for part in path.split("."):
        if current is None:
            return None
        if isinstance(current, list):
            try:
                current = current[int(part)]
            except (ValueError, IndexError):
                return None
        elif isinstance(current, dict):
            current = current.get(part)
        else:
            current = getattr(current, part, None)
    return current
