"""The facts drafter (core/documents/facts.py): the kind's own sentences with the answers, never its questions.

Each expected draft is typed out from the template's ``[[paragraphs]]`` of
section ``circumstances`` (templates/observer_removed.toml 2.0.0, and the
test fixture for every type of question): the sentences that state an answer
and apply, filled in, closed as sentences, one a line, in the document's
language. What must not be there is tested too: a question's wording or
hint, the kind's sentence of the date and station (the document prints it
itself), a sentence whose condition does not hold.
"""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest
from render_helpers import FIXTURES

from kzcomplaint.core.case.model import Body, Case, CaseText, Contested
from kzcomplaint.core.documents import templates
from kzcomplaint.core.documents.facts import draft_facts
from kzcomplaint.core.law.catalog import catalog as _catalog
from kzcomplaint.core.law.checks import check_case
from kzcomplaint.core.law.questions import Question, facts_questions, kind_questions

FIXTURE = templates.load_template_path(FIXTURES / "observer_removed.toml")
SHIPPED = templates.load_template("observer_removed")


def _case(language: str, **details: str) -> Case:
    return Case(
        template="observer_removed",
        language=language,
        respondent=Body(level="precinct", number="999"),
        addressee=Body(level="territorial"),
        contested=Contested(type="action", date=dt.date(2021, 1, 10), time="14:30"),
        details=details,
    )


# ── The shipped kind: removed during the count, a written decision, no police, let back in ──

COUNT_ANSWERS = {
    "kk": {
        "removed_by": "комиссия төрағасы Ә. Б. Сапаров",
        "stated_reason": "«тікелей эфир жүргізесіз»",
        "first_steps": "жазбаша шешімді сұрадым",
    },
    "ru": {
        "removed_by": "председатель комиссии А. Б. Сапаров",
        "stated_reason": "«вы ведёте прямую трансляцию»",
        "first_steps": "попросила показать письменное решение",
    },
    "en": {
        "removed_by": "the chair A. B. Saparov",
        "stated_reason": "“you are broadcasting live”",
        "first_steps": "I asked for the written decision",
    },
}
CHOSEN = {"stage": "counting", "written_decision": "yes", "police_involved": "no", "returned_at": "15:10"}

COUNT_DRAFT = {
    "kk": [
        "Бұл дауыстарды санау кезінде болды.",
        "Үй-жайдан шығуды талап еткен адам: комиссия төрағасы Ә. Б. Сапаров.",
        "Шығарудың себебі ретінде мыналар айтылды: «тікелей эфир жүргізесіз».",
        "Мені шығару сайлау комиссиясының жазбаша шешімімен ресімделді.",
        "Шығуды талап еткенде мен мынадай әрекеттер жасадым: жазбаша шешімді сұрадым.",
        "Үй-жайға қайта кіруге маған рұқсат етілген уақыт: сағат 15:10.",
    ],
    "ru": [
        "Это произошло во время подсчёта голосов.",
        "Требование покинуть помещение предъявило следующее лицо: председатель комиссии А. Б. Сапаров.",
        "В качестве причины удаления было названо следующее: «вы ведёте прямую трансляцию».",
        "Удаление оформлено письменным решением избирательной комиссии.",
        "В ответ на требование покинуть помещение мною было сделано следующее: попросила показать письменное решение.",
        "Вернуться в помещение мне позволили лишь в 15:10.",
    ],
    "en": [
        "This happened during the counting of votes.",
        "The demand to leave the premises was made by: the chair A. B. Saparov.",
        "The reason given for the removal was: “you are broadcasting live”.",
        "The removal was set out in a written decision of the election commission.",
        "When told to leave, I did the following: I asked for the written decision.",
        "I was allowed back into the premises only at 15:10.",
    ],
}

# Sentences of the kind that must not be in this draft: the opening of the date and the
# station (no answer in it), and those whose conditions fail (not voting, a decision was
# written, no police, nobody named as witness, not recorded).
NOT_IN_COUNT_DRAFT = {
    "kk": [
        "2021 жылғы 10 қаңтар",
        "Бұл дауыс беру барысында болды.",
        "уәжді жазбаша шешімі маған көрсетілген де",
        "полиция қызметкерлері қатысты",
        "куәгерлердің көзінше",
        "жазбаға түсірдім",
    ],
    "ru": [
        "10 января 2021 года",
        "Это произошло во время голосования.",
        "не предъявлялось и не вручалось",
        "с участием сотрудников полиции",
        "в присутствии свидетелей",
        "записаны мною",
    ],
    "en": [
        "10 January 2021",
        "This happened during voting.",
        "No reasoned written decision",
        "Police officers took part",
        "in the presence of the following witnesses",
        "I recorded the circumstances",
    ],
}


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_shipped_kind_drafts_its_own_sentences_with_the_answers(language: str) -> None:
    case = _case(language, **COUNT_ANSWERS[language], **CHOSEN)
    draft = draft_facts(case, language)
    assert draft.split("\n") == COUNT_DRAFT[language]
    assert [text for text in NOT_IN_COUNT_DRAFT[language] if text in draft] == []
    assert draft_facts(case, language, template=SHIPPED) == draft  # the case's own kind by default


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_no_question_and_no_hint_is_ever_in_a_draft(language: str) -> None:
    draft = draft_facts(_case(language, **COUNT_ANSWERS[language], **CHOSEN), language)
    for question in SHIPPED.questions:
        assert question.label[language].rstrip("?") not in draft, question.id
        assert question.hint is None or question.hint[language] not in draft, question.id
        for option in question.options:  # a choice is told in a sentence, not by its label
            assert option.label[language] not in draft, option.id


# ── Every type of answer printed as the document prints it (the test fixture) ──


@pytest.mark.parametrize(
    ("language", "details", "expected"),
    [
        (
            "en",
            {"removed_by": "the chair", "police_involved": "yes", "by_whom": "police", "noticed_on": "10.01.2021",
             "removed_at": "14:30", "minutes": "20"},
            [
                "On 10 January 2021 I was removed from polling station No. 999 by the chair.",
                "The police were involved: yes; helped by: a police officer.",
                "I noticed it on 10 January 2021 at 14:30, 20 minutes.",
            ],
        ),
        (
            "ru",
            {"removed_by": "председатель комиссии", "police_involved": "yes", "by_whom": "member",
             "noticed_on": "2021-01-11", "removed_at": "09:05", "minutes": "25"},
            [
                "10 января 2021 года меня удалил с участка № 999 председатель комиссии.",
                "Полиция участвовала: да; помогал: член комиссии.",
                "Я заметил это 11 января 2021 года, в 09:05, 25 минут.",
            ],
        ),
        (
            "kk",
            {"removed_by": "комиссия төрағасы", "police_involved": "yes", "by_whom": "police",
             "noticed_on": "10 июля 2021 г.", "removed_at": "14:30", "minutes": "20"},
            [
                "2021 жылғы 10 қаңтар күні мені № 999 учаскеден комиссия төрағасы шығарды.",
                "Полиция қатысты: иә; көмектескен: полиция қызметкері.",
                "Мен мұны 2021 жылғы 10 шілде байқадым, сағат 14:30, 20 минут.",
            ],
        ),
        (
            "en",
            {"removed_by": "the chair.", "police_involved": "no", "by_whom": "police"},
            [
                "On 10 January 2021 I was removed from polling station No. 999 by the chair.",
                "The police were not involved.",
            ],
        ),
        (
            "kk",
            {"removed_by": "комиссия төрағасы", "police_involved": "no"},
            ["2021 жылғы 10 қаңтар күні мені № 999 учаскеден комиссия төрағасы шығарды.", "Полиция қатыспады."],
        ),
        (
            "ru",
            {"removed_by": "член комиссии", "police_involved": "no"},
            ["10 января 2021 года меня удалил с участка № 999 член комиссии.", "Полиция не участвовала."],
        ),
    ],
    ids=["en-every-type", "ru-iso-date-choice", "kk-typed-russian-date", "en-one-full-stop", "kk-no-police",
         "ru-no-police"],
)  # fmt: skip
def test_every_type_of_answer_in_the_documents_form(
    language: str, details: dict[str, str], expected: list[str]
) -> None:
    # yes/no as the frame's word, a choice as its option, a date in the legal form of the
    # language however it was typed, a time and a number as typed; one full stop at the end.
    draft = draft_facts(_case(language, **details), language, template=FIXTURE)
    assert draft.split("\n") == expected
    assert ".." not in draft and "{{" not in draft
    for question in FIXTURE.questions:
        assert question.label[language] not in draft


def test_an_answer_left_out_is_a_line_to_fill_not_a_guess() -> None:
    draft = draft_facts(_case("en"), "en", template=FIXTURE)
    # only the sentence that applies without any answer; the missing name is a blank
    assert draft == f"On 10 January 2021 I was removed from polling station No. 999 by {templates.BLANK}."


def test_a_kind_with_no_sentence_that_applies_drafts_nothing() -> None:
    data = tomllib.loads((FIXTURES / "observer_removed.toml").read_text(encoding="utf-8"))
    data["paragraphs"] = [p for p in data["paragraphs"] if p.get("when") or p["section"] != "circumstances"]
    only_conditional = templates.parse_template(data, "observer_removed.toml", expected_id="observer_removed")
    assert draft_facts(_case("ru", removed_by="председатель"), "ru", template=only_conditional) == ""


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("kk", "Үй-жайдан шығуды талап еткен адам: комиссия төрағасы."),
        ("ru", "Требование покинуть помещение предъявило следующее лицо: председатель комиссии."),
        ("en", "The demand to leave the premises was made by: председатель комиссии."),
    ],
)
def test_a_translated_answer_is_drafted_in_its_language_and_only_there(language: str, expected: str) -> None:
    case = _case("ru", removed_by="председатель комиссии", stage="voting")
    case.translations = {"kk": CaseText(details={"removed_by": "комиссия төрағасы"})}
    lines = draft_facts(case, language).split("\n")
    assert expected in lines
    # a choice needs no translation: the kind's sentence of it is in each language
    assert {"kk": "Бұл дауыс беру барысында болды.", "ru": "Это произошло во время голосования.",
            "en": "This happened during voting."}[language] == lines[0]  # fmt: skip


# ── The checker and the paper agree (facts.missing) ───────────────────────────────────────────

def _answer(question: Question, index: int) -> str:
    if question.type == "choice":
        return question.options[0].id
    if question.type == "yesno":
        return "yes"
    if question.type == "date":
        return "2021-01-09"
    if question.type == "time":
        return "14:30"
    if question.type == "number":
        return "3"
    return f"ответ-{index}"


def _printed_in_circumstances(kind_id: str) -> set[str]:
    """The answers the kind's sentences of the circumstances print (not those they only test)."""
    import re

    from kzcomplaint.core.files import resources

    data = tomllib.loads((resources.templates_dir() / f"{kind_id}.toml").read_text(encoding="utf-8"))
    texts = [p["ru"] for p in data.get("paragraphs", []) if p.get("section") == "circumstances"]
    return {name for text in texts for name in re.findall(r"\{\{[^}]*details\.([a-z_]+)", text)}


def _answered(kind_id: str, *, skip: str = "") -> Case:
    """A case of ``kind_id`` with no facts text and only the required questions answered (but ``skip``)."""
    info = _catalog()[kind_id]
    case = Case(
        template=kind_id,
        language="ru",
        respondent=Body(level=info.respondent_levels[0], number="9"),
        addressee=Body(level=info.addressee_levels[0]),
        contested=Contested(type=info.contests[0], date=dt.date(2021, 1, 10)),
    )
    for index, question in enumerate(kind_questions(kind_id)):
        if question.required and question.id != skip:
            case.details[question.id] = _answer(question, index)
    return case


@pytest.mark.parametrize("kind_id", sorted(_catalog()))
def test_answered_required_questions_state_the_facts_on_paper_and_the_checker_agrees(kind_id: str) -> None:
    case = _answered(kind_id)
    drafted = draft_facts(case, "ru")
    told = [q for q in facts_questions(kind_id) if q.required]
    assert told, "every kind tells some required answers in its circumstances"
    assert drafted.strip(), "the paper states the facts from the answers"
    printed = _printed_in_circumstances(kind_id)
    for index, question in enumerate(kind_questions(kind_id)):
        if question in told and question.type in ("text", "multiline") and question.id in printed:
            assert f"ответ-{index}" in drafted, question.id
    problems = {p.code: p for p in check_case(case, today=dt.date(2021, 1, 11))}
    assert "facts.missing" not in problems


@pytest.mark.parametrize("kind_id", sorted(_catalog()))
def test_a_required_answer_missing_from_the_facts_is_named(kind_id: str) -> None:
    told = [q for q in facts_questions(kind_id) if q.required and q.type in ("text", "multiline")]
    if not told:
        pytest.skip("no required text answer told in the circumstances")
    gap = told[0]
    case = _answered(kind_id, skip=gap.id)
    problems = {p.code: p for p in check_case(case, today=dt.date(2021, 1, 11))}
    problem = problems["facts.missing"]
    for lang in ("kk", "ru", "en"):
        assert gap.label[lang] in problem.message[lang]
        assert "{" not in problem.message[lang]
        # Only the missing one: an answered question is not named.
        for other in told[1:]:
            assert other.label[lang] not in problem.message[lang]
    # The paper lacks what the checker names: the draft is not the complete one.
    assert draft_facts(case, "ru") != draft_facts(_answered(kind_id), "ru")


def test_a_required_answer_the_facts_do_not_tell_is_not_a_facts_problem() -> None:
    """APPC art. 131 part 2 asks a claim for its facts; the kind of claim is not one (details.missing says it)."""
    case = _answered("administrative_claim", skip="claim_type")
    codes = {p.code for p in check_case(case, today=dt.date(2021, 1, 11))}
    assert "facts.missing" not in codes and "details.missing" in codes


def test_own_facts_text_needs_no_answers() -> None:
    case = _answered("observer_removed", skip="removed_by")
    case.facts = "Председатель комиссии вывел меня с участка."
    assert "facts.missing" not in {p.code for p in check_case(case, today=dt.date(2021, 1, 11))}
