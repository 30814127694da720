"""Terms falling due: the start screen's list of what must be done today, tomorrow, this week.

What is due in each recent case file comes from its timeline
(:func:`kzcomplaint.core.filing.timeline.case_timeline`): the filer's terms
of a document not yet handed in, the body's term to answer one that was
("the territorial commission must answer by …"), the next step's terms
after a refusal or no answer. This module only sorts them into the days
they fall due.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kzcomplaint.core.case.model import Case
    from kzcomplaint.core.filing.timeline import DueItem
    from kzcomplaint.core.law.deadlines import Deadline

DUE_WINDOW_DAYS = 7
"""How far ahead the start screen looks for terms that fall due ("this week")."""


@dataclasses.dataclass(frozen=True)
class DueTerm:
    """A term of a recent case that falls due soon.

    Attributes:
        path: the case file.
        case: the case as loaded.
        deadline: the term, as computed by the core.
        due: the day to act by: the last day, or today for "immediately".
        bucket: ``today``, ``tomorrow`` or ``week``.
        item: who must act and on what (the filer files, the body answers).
    """

    path: Path
    case: Case
    deadline: Deadline
    due: dt.date
    bucket: str
    item: DueItem | None = None


def _bucket(due: dt.date, today: dt.date) -> str | None:
    days = (due - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if 1 < days <= DUE_WINDOW_DAYS:
        return "week"
    return None


def due_terms(paths: Sequence[Path], *, today: dt.date | None = None) -> tuple[list[DueTerm], list[Path]]:
    """The terms of the given case files that fall due today, tomorrow or within a week.

    The terms are what each case's timeline says is due (a filed document's
    body's term in place of the filer's own); a term due "immediately"
    counts as due today. Terms already past are left out (the case's own
    deadline page shows them with a warning).

    Returns:
        The due terms, soonest first, and the files that could not be read.
    """
    from kzcomplaint.core.case import caseio
    from kzcomplaint.core.filing import timeline

    day = today or dt.date.today()
    terms: list[DueTerm] = []
    unreadable: list[Path] = []
    for path in paths:
        try:
            case = caseio.load_case(path)
        except caseio.CaseFileError:
            unreadable.append(path)
            continue
        for item in timeline.case_timeline(case, today=day).due:
            deadline = item.deadline
            due = day if deadline.immediate else deadline.last_day
            if due is None:
                continue
            bucket = _bucket(due, day)
            if bucket is not None:
                terms.append(DueTerm(path=path, case=case, deadline=deadline, due=due, bucket=bucket, item=item))
    terms.sort(key=lambda term: (term.due, str(term.path)))
    return terms, unreadable
