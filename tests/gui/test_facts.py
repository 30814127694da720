"""The facts text drafted from the answers: the kind's own sentences, never its questions."""

from __future__ import annotations

import datetime as dt

import pytest

from kzcomplaint.core.case.model import Body, Case, Contested
from kzcomplaint.core.documents import templates
from kzcomplaint.core.documents.facts import draft_facts


def _case(**details: str) -> Case:
    return Case(
        template="observer_removed",
        respondent=Body(level="precinct", number="999"),
        addressee=Body(level="territorial", name="Территориальная избирательная комиссия"),
        contested=Contested(type="action", date=dt.date(2021, 1, 10)),
        details=details,
    )


ANSWERS = {
    "removed_by": "the chair B. E. Primerov",
    "stage": "counting",
    "stated_reason": "obstructing the commission",
    "written_decision": "no",
    "police_involved": "yes",
    "first_steps": "asked for the written decision",
}


def test_draft_is_the_kinds_sentences_with_the_answers_in_them() -> None:
    text = draft_facts(_case(**ANSWERS), "en")
    lines = text.splitlines()
    assert "The demand to leave the premises was made by: the chair B. E. Primerov." in lines
    assert "This happened during the counting of votes." in lines
    assert "Police officers took part in the removal." in lines
    assert all(line.endswith(".") for line in lines)


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_draft_never_carries_a_question(language: str) -> None:
    template = templates.load_template("observer_removed")
    text = draft_facts(_case(**ANSWERS), language)
    for question in template.questions:
        assert question.label[language].rstrip("?") not in text, question.id


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("kk", "Бұл дауыстарды санау кезінде болды."),
        ("ru", "Это произошло во время подсчёта голосов."),
        ("en", "This happened during the counting of votes."),
    ],
)
def test_draft_in_the_document_language(language: str, sentence: str) -> None:
    assert sentence in draft_facts(_case(**ANSWERS), language).splitlines()


def test_the_kinds_own_opening_is_not_part_of_the_draft() -> None:
    """The sentence with the date and the station states no answer: the document prints it itself."""
    text = draft_facts(_case(**ANSWERS), "en")
    assert "10 January 2021" not in text


def test_nothing_answered_drafts_only_the_required_sentences_with_blanks() -> None:
    text = draft_facts(_case(), "en")
    assert "This happened" not in text  # the stage was not chosen
    assert templates.BLANK in text  # the required answers stay a line to fill


def test_answer_ending_a_sentence_gets_no_second_full_stop() -> None:
    text = draft_facts(_case(**{**ANSWERS, "removed_by": "the chair."}), "en")
    assert "made by: the chair." in text and ".." not in text


def test_a_translated_answer_drafts_in_its_language() -> None:
    from kzcomplaint.core.case.model import CaseText

    case = _case(**{**ANSWERS, "removed_by": "председатель комиссии"})
    case.language = "ru"
    case.translations = {"kk": CaseText(details={"removed_by": "комиссия төрағасы"})}
    assert "комиссия төрағасы" in draft_facts(case, "kk")
    assert "председатель комиссии" in draft_facts(case, "ru")
