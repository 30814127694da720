"""Draft the facts text from the answers to a template's questions (a pure function).

The draft is plain: one sentence per answered question, "<question>: <answer>.",
in the document's language, in the template's order, skipping unanswered
questions. Dates are written in the legal form of the language, choices by
their label, yes/no by the frame's words. The user edits the result; the
page never overwrites an edited text without being asked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol


class _Option(Protocol):
    # Read-only members: a frozen dataclass (``core.law.questions.Option``) satisfies them.
    @property
    def id(self) -> str: ...

    @property
    def label(self) -> Mapping[str, str]: ...


class QuestionLike(Protocol):
    """What the draft needs of a template question (``core.law.questions.Question``, frozen)."""

    @property
    def id(self) -> str: ...

    @property
    def type(self) -> str: ...

    @property
    def label(self) -> Mapping[str, str]: ...

    @property
    def options(self) -> Sequence[_Option]: ...


_END_PUNCTUATION = ".!?…"


def _value_text(question: QuestionLike, raw: str, language: str, yes_no: Mapping[str, str]) -> str:
    from kzcomplaint.core.text import dates, legal_dates

    if question.type == "yesno":
        return yes_no.get(raw, raw)
    if question.type == "choice":
        for option in question.options:
            if option.id == raw:
                return option.label[language]
        return raw
    if question.type == "date":
        try:
            return legal_dates.format_legal_date(dates.parse_date(raw), language)
        except dates.DateError:
            return raw
    return raw


def draft_facts(
    questions: Sequence[QuestionLike],
    answers: Mapping[str, str],
    language: str,
    yes_no: Mapping[str, str],
) -> str:
    """Assemble the answered questions into a facts text.

    Args:
        questions: the template's questions, in order.
        answers: ``case.details`` (question id → stored answer: ISO date,
            ``HH:MM``, option id, ``yes``/``no`` or text).
        language: the document language (kk, ru or en).
        yes_no: the words for ``yes`` and ``no`` in ``language``.

    Returns:
        One line per answered question; ``""`` when nothing is answered.
    """
    lines = []
    for question in questions:
        raw = (answers.get(question.id) or "").strip()
        if not raw:
            continue
        label = question.label[language].strip().rstrip("?:：").strip()
        value = _value_text(question, raw, language, yes_no).strip()
        if question.type == "multiline" and "\n" in value:
            value = "\n" + value
        sentence = f"{label}: {value}"
        if sentence[-1] not in _END_PUNCTUATION:
            sentence += "."
        lines.append(sentence)
    return "\n".join(lines)
