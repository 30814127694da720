"""The answer key of a scenario: each planted defect, why it matters, its ground in law, the fix.

What the checker says (the problem's message, its citation, the court
practice behind it) comes from the rule data through the checker; the pack
adds only the trainer's words — why it matters here, and the fix from the
facts sheet. The same entries feed the participant's end-of-exercise screen,
the presenter view and the printed key.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from kzcomplaint.core.law import checks
from kzcomplaint.core.law.citations import MSG_NO_PROVISION, MSG_PRACTICE, MSG_VIA
from kzcomplaint.core.text.i18n import N_, Translator
from kzcomplaint.core.workshop.packs import QUESTION, Defect, Scenario

MSG_UNCONFIRMED = N_("unconfirmed")
MSG_RIGHT_ANSWER = N_("Right answer: {answer}")


@dataclasses.dataclass(frozen=True)
class KeyEntry:
    """One defect of the answer key, every text in one language."""

    number: int
    code: str
    field: str
    kind: str
    problem: str
    """What the checker says is wrong."""
    why: str
    """Why it matters (the pack's words)."""
    law: tuple[str, ...]
    """The provision (or that none requires it), the door it applies through, the practice."""
    fix: str
    question: str = ""
    answer: str = ""
    """The right answer's label, for a question."""


def ground_texts(problem: checks.Problem, tr: Translator) -> tuple[str, ...]:
    """The grounds of a problem as lines: the provision or that none applies, the door, the practice."""
    if problem.citation is None:
        lines = [tr.gettext(MSG_NO_PROVISION)]
    else:
        mark = "" if problem.citation.is_confirmed else f" [{tr.gettext(MSG_UNCONFIRMED)}]"
        lines = [problem.citation.text(tr.language) + mark]
    if problem.via is not None:
        lines.append(tr.format(MSG_VIA, via=problem.via.text(tr.language)))
    if problem.practice is not None:
        lines.append(tr.format(MSG_PRACTICE, practice=problem.practice.text(tr.language)))
    return tuple(lines)


def entry(number: int, defect: Defect, planted: checks.Problem, tr: Translator) -> KeyEntry:
    """The key entry of ``defect``, as the checker reported it (``planted``) in the starting draft."""
    language = tr.language
    question = defect.question[language] if defect.kind == QUESTION and defect.question else ""
    answer = defect.choice_label(defect.answer, language) if defect.kind == QUESTION else ""
    return KeyEntry(
        number=number,
        code=defect.code,
        field=defect.field,
        kind=defect.kind,
        problem=planted.message.get(language, ""),
        why=defect.why[language],
        law=ground_texts(planted, tr),
        fix=defect.fix[language],
        question=question,
        answer=answer,
    )


def answer_key(scenario: Scenario, tr: Translator, only: Sequence[str] | None = None) -> list[KeyEntry]:
    """The key of ``scenario`` in ``tr``'s language; ``only`` limits it to those problem codes."""
    from kzcomplaint.core.workshop.exercise import planted_problems, unreported_problem

    reported = {problem.code: problem for problem in planted_problems(scenario, tr.language)}
    entries = []
    for number, defect in enumerate(scenario.defects, start=1):
        if only is not None and defect.code not in only:
            continue
        planted = reported.get(defect.code) or unreported_problem(defect, tr.language)
        entries.append(entry(number, defect, planted, tr))
    return entries


__all__ = ["KeyEntry", "answer_key", "entry", "ground_texts"]
