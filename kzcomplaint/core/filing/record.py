"""Recording what happened to a document: handed in, refused, answered — in the case, and in its file.

Each ``record_*`` function checks the record against the case (a day not
yet come, an answer before the document was received) and returns a new
case with it; the case given is never changed. :func:`update_case_file`
does the same to a case file in one step: read, record, write atomically
(mode 0600), so the file holds the old case or the new one, never half.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from kzcomplaint.core.case.model import Answer, Filing, Outcome, Refusal
from kzcomplaint.core.text.i18n import N_, Message

if TYPE_CHECKING:
    from kzcomplaint.core.case.model import Case

MSG_FILING_NO_DATE = N_("Give the day the body received the document.")
MSG_REFUSAL_NO_DATE = N_("Give the day of the refusal.")
MSG_FUTURE = N_("{date} has not come yet (today is {today}): record only what has happened.")
MSG_BEFORE_CONTESTED = N_(
    "{date} is before the date of the contested decision or action, {contested}: check both dates."
)
MSG_ANSWER_NOT_FILED = N_(
    "No handing-in of this document is recorded: record when it was filed first, then the answer."
)
MSG_ANSWER_BEFORE_FILING = N_(
    "The answer is dated {date}, before the document was received on {filed}: check both dates."
)
MSG_NONE_WITH_DATE = N_("“No answer” has no date or number: leave them out, or choose what the answer said.")
MSG_ANSWER_NEEDS_DATE = N_("Give the date of the answer (the date written on it).")
MSG_DOES_NOT_FIT = N_("This record does not fit in a case file, so nothing was recorded: {field}: {reason}")

_Dated = TypeVar("_Dated", Filing, Refusal)


class FilingError(ValueError):
    """Something asked of a case after filing that cannot be done; ``message`` says why, for people."""

    def __init__(self, message: Message) -> None:
        """Keep the user-facing message (``str()`` is its English text)."""
        from kzcomplaint.core.text.i18n import translator

        super().__init__(message.render(translator("en")))
        self.message = message


class RecordError(FilingError):
    """A record that does not fit the case; ``message`` says what to correct. The case is unchanged."""


def _today(today: dt.date | None) -> dt.date:
    return today if today is not None else dt.date.today()


def _check_day(day: dt.date | None, missing: str, case: Case, today: dt.date) -> dt.date:
    if day is None:
        raise RecordError(Message(missing))
    if day > today:
        raise RecordError(Message(MSG_FUTURE, date=day, today=today))
    contested = case.contested.date
    if contested is not None and day < contested:
        raise RecordError(Message(MSG_BEFORE_CONTESTED, date=day, contested=contested))
    return day


def _fits(case: Case) -> Case:
    """``case`` itself when the file format holds it; RecordError otherwise.

    What is recorded must read back: a record over a limit of the file format
    (eleven witnesses, a megabyte of grounds) is refused here, before a case
    file or the window's draft holds what the loader would refuse.
    """
    from kzcomplaint.core.case import caseio

    try:
        caseio.parse_case(caseio.case_to_dict(case), "")
    except caseio.CaseFileError as error:
        problem = error.problems[0]
        raise RecordError(Message(MSG_DOES_NOT_FIT, field=problem.path, reason=problem.message)) from None
    return case


def record_filing(case: Case, filing: Filing, *, today: dt.date | None = None) -> Case:
    """``case`` with ``filing`` recorded: the body's review term now runs from ``filing.date``.

    Raises:
        RecordError: no date, a day not yet come, or a day before the contested act.
    """
    _check_day(filing.date, MSG_FILING_NO_DATE, case, _today(today))
    result = copy.deepcopy(case)
    result.filings = _in_order([*result.filings, copy.deepcopy(filing)])
    return _fits(result)


def _in_order(items: list[_Dated]) -> list[_Dated]:
    """Records by their day and time (a refusal before the handing-in by post that followed it)."""
    return sorted(items, key=lambda item: (item.date or dt.date.min, item.time))


def record_refusal(case: Case, refusal: Refusal, *, today: dt.date | None = None) -> Case:
    """``case`` with ``refusal`` recorded (the body would not accept the document).

    Raises:
        RecordError: no date, a day not yet come, or a day before the contested act.
    """
    _check_day(refusal.date, MSG_REFUSAL_NO_DATE, case, _today(today))
    result = copy.deepcopy(case)
    result.refusals = _in_order([*result.refusals, copy.deepcopy(refusal)])
    return _fits(result)


def record_answer(case: Case, answer: Answer, *, today: dt.date | None = None) -> Case:
    """``case`` with the body's ``answer`` (replacing one recorded before: the latest word counts).

    ``Outcome.NONE`` records that no answer came by the last day of the term;
    it has no date or number.

    Raises:
        RecordError: the document was not recorded as filed, the answer
            predates its receipt or lies in the future, or "no answer" has a date.
    """
    received = case.body_received_on() if case.is_filed else None
    if received is None:
        raise RecordError(Message(MSG_ANSWER_NOT_FILED))
    if answer.outcome == Outcome.NONE:
        if answer.date is not None or answer.number.strip():
            raise RecordError(Message(MSG_NONE_WITH_DATE))
    else:
        if answer.date is None:
            raise RecordError(Message(MSG_ANSWER_NEEDS_DATE))
        if answer.date > _today(today):
            raise RecordError(Message(MSG_FUTURE, date=answer.date, today=_today(today)))
        if answer.date < received:
            raise RecordError(Message(MSG_ANSWER_BEFORE_FILING, date=answer.date, filed=received))
    result = copy.deepcopy(case)
    result.answer = dataclasses.replace(answer)
    return _fits(result)


def update_case_file(path: str | os.PathLike[str], change: Callable[[Case], Case]) -> Case:
    """Read the case file ``path``, apply ``change``, and write the result back atomically (mode 0600).

    Raises:
        CaseFileError: the file cannot be read as a case.
        RecordError: ``change`` refused the record (the file is untouched).
        CaseSaveError: the file cannot be written (the old one is intact).
    """
    from kzcomplaint.core.case import caseio

    case = caseio.load_case(path)
    changed = change(case)
    caseio.save_case(changed, path)
    return changed


__all__ = [
    "FilingError",
    "RecordError",
    "record_answer",
    "record_filing",
    "record_refusal",
    "update_case_file",
]
