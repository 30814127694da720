"""The facts text drafted from the answers (a pure function)."""

from __future__ import annotations

import dataclasses

import pytest

from kzcomplaint.core.documents import templates
from kzcomplaint.core.documents.facts import draft_facts
from kzcomplaint.gui import labels


@dataclasses.dataclass(frozen=True)
class Option:
    id: str
    label: dict[str, str]


@dataclasses.dataclass(frozen=True)
class Question:
    id: str
    type: str
    label: dict[str, str]
    options: tuple[Option, ...] = ()


QUESTIONS = (
    Question("who", "text", {"kk": "Кім?", "ru": "Кто?", "en": "Who?"}),
    Question("when", "date", {"kk": "Қашан", "ru": "Когда", "en": "When"}),
    Question("written", "yesno", {"kk": "Жазбаша ма?", "ru": "Письменно?", "en": "In writing?"}),
    Question(
        "how",
        "choice",
        {"kk": "Қалай", "ru": "Как", "en": "How"},
        (Option("police", {"kk": "полиция", "ru": "полиция", "en": "by the police"}),),
    ),
    Question("count", "number", {"kk": "Саны", "ru": "Сколько", "en": "How many"}),
    Question("skipped", "text", {"kk": "Бос", "ru": "Пусто", "en": "Empty"}),
)
ANSWERS = {"who": "The chair", "when": "2021-01-10", "written": "no", "how": "police", "count": "2"}


def test_draft_in_english() -> None:
    text = draft_facts(QUESTIONS, ANSWERS, "en", {"yes": "yes", "no": "no"})
    assert text.splitlines() == [
        "Who: The chair.",
        "When: 10 January 2021.",
        "In writing: no.",
        "How: by the police.",
        "How many: 2.",
    ]


@pytest.mark.parametrize(("language", "date"), [("kk", "2021 жылғы 10 қаңтар"), ("ru", "10 января 2021 года")])
def test_draft_in_the_document_language(language: str, date: str) -> None:
    text = draft_facts(QUESTIONS, ANSWERS, language, labels.yes_no_labels(language))
    assert date in text
    assert labels.yes_no_labels(language)["no"] in text
    assert "Пусто" not in text and "Бос" not in text


def test_nothing_answered_drafts_nothing() -> None:
    assert draft_facts(QUESTIONS, {}, "en", {"yes": "yes", "no": "no"}) == ""


def test_answer_ending_a_sentence_gets_no_second_full_stop() -> None:
    text = draft_facts(QUESTIONS[:1], {"who": "The chair."}, "en", {})
    assert text == "Who: The chair."


def test_unreadable_date_is_kept_as_typed() -> None:
    text = draft_facts(QUESTIONS[1:2], {"when": "early morning"}, "en", {})
    assert text == "When: early morning."


def test_real_template_questions_draft_in_every_language() -> None:
    template = templates.load_template("observer_denied_entry")
    answers = {question.id: "x" for question in template.questions if question.type in ("text", "multiline")}
    for language in ("kk", "ru", "en"):
        text = draft_facts(template.questions, answers, language, labels.yes_no_labels(language))
        assert len(text.splitlines()) == len(answers)
