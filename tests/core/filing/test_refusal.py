"""A refusal to accept, recorded → the act of refusal in kk/ru/en with its witnesses → the complaint about it."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from kzcomplaint.core.case.model import Refusal, Witness
from kzcomplaint.core.documents import render
from kzcomplaint.core.filing import chain, record, timeline
from kzcomplaint.core.law import checks, deadlines

from .conftest import precinct_complaint

D = dt.date
WITNESSES = [
    Witness("Тестов Арман Серикович", "+7 700 000 00 31"),
    Witness("Пробная Дана Ерлановна", "г. Примерск, ул. Учебная, д. 4"),
]


def refused_case():
    case = precinct_complaint(D(2024, 3, 10), voting_day=D(2024, 3, 10))
    case.filing_date = D(2024, 3, 11)
    refusal = Refusal(
        date=D(2024, 3, 11),
        time="09:40",
        place="г. Примерск, ул. Учебная, д. 2",
        refused_by="Б. Е. Примеров",
        position="председатель комиссии",
        grounds="«жалобы принимаются только после подведения итогов»",
        witnesses=list(WITNESSES),
    )
    return record.record_refusal(case, refusal, today=D(2024, 3, 11))


def docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    import re

    return "\n".join(
        "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", paragraph))
        for paragraph in re.findall(r"<w:p[ >].*?</w:p>", xml)
    )


def test_a_refusal_is_the_step_end_and_proposes_the_complaint_about_it() -> None:
    case = refused_case()
    assert not case.is_filed
    assert chain.step_end(case, today=D(2024, 3, 11)) == "refused"
    kinds = [proposal.kind for proposal in chain.proposals(case, today=D(2024, 3, 11))]
    assert kinds[0] == "complaint_not_accepted"


@pytest.mark.parametrize(
    ("language", "signature", "title"),
    [("kk", "(қолы)", "АКТ"), ("ru", "(подпись)", "АКТ"), ("en", "(signature)", "ACT")],
)
def test_the_act_of_refusal_renders_with_a_signature_line_for_each_witness(
    language: str, signature: str, title: str
) -> None:
    case = refused_case()
    case.language = language
    act = chain.refusal_act(case, today=D(2024, 3, 11))
    assert act.template == "refusal_to_accept_act"
    assert act.respondent == case.addressee, "the commission that refused"
    assert (act.contested.type, act.contested.date, act.contested.time) == ("action", D(2024, 3, 11), "09:40")
    text = docx_text(render.render_docx(act, language))
    assert title in text
    for number, witness in enumerate(WITNESSES, start=1):
        # Each witness once, on the line they sign: name, how to reach them, the line.
        assert f"{number}) {witness.full_name}, {witness.contact} ____________ {signature}" in text
        assert text.count(witness.full_name) == 1
    assert "3) " not in text.split(title, 1)[1].split(signature)[-1], "no blank witness line beside named ones"
    assert "Б. Е. Примеров, председатель комиссии" in text
    assert "жалобы принимаются только после подведения итогов" in text
    # What must not be on the paper: interface words, the app's ids, question labels.
    for absent in ("refusal_to_accept_act", "in_person", "Who refused", "Кто отказал", "Кім бас тартты", "{{"):
        assert absent not in text


def test_a_blank_act_has_witness_lines_to_sign() -> None:
    text = docx_text(render.render_blank("refusal_to_accept_act", "ru"))
    assert text.count("(фамилия, инициалы, подпись)") == 2


def test_the_act_has_its_answers_and_requests_and_no_term_of_its_own() -> None:
    act = chain.refusal_act(refused_case(), today=D(2024, 3, 11))
    blocking = [p.code for p in checks.check_case(act, today=D(2024, 3, 11)) if p.blocking]
    assert "addressee.wrong_level" not in blocking
    assert "requests.missing" not in blocking, "the kind's suggested requests are filled in"
    assert not [code for code in blocking if code.startswith("details.")]
    assert "requests.missing" not in blocking and "facts.missing" not in blocking
    assert act.facts == render.drafted_facts(act, act.language), "the act's own sentences, as the wizard drafts them"
    assert "Б. Е. Примеров" in act.facts
    for line in render.circumstances(precinct_complaint(D(2024, 3, 10), voting_day=D(2024, 3, 10)), "ru"):
        assert line not in act.facts, "the earlier document's account is not put before the witnesses to sign"
    assert deadlines.case_deadlines(act, today=D(2024, 3, 11)) == [], "the act has no term of its own"


def test_the_complaint_about_the_refusal_is_prefilled_from_it() -> None:
    case = refused_case()
    complaint, warnings = chain.next_case(case, "complaint_not_accepted", today=D(2024, 3, 11))
    assert warnings == []
    assert (complaint.contested.type, complaint.contested.date, complaint.contested.time) == (
        "action",
        D(2024, 3, 11),
        "09:40",
    )
    assert complaint.respondent.number == "205" and complaint.addressee.level == "territorial"
    details = complaint.details
    assert details["handed_to"] == "Б. Е. Примеров, председатель комиссии"
    assert details["document_type"] == "complaint"
    assert details["document_subject"] == "Жалоба на удаление наблюдателя с избирательного участка"
    assert details["refusal_form"] == "not_accepted"
    assert details["stated_reason"] == "«жалобы принимаются только после подведения итогов»"
    assert details["witnesses"].splitlines() == [
        "Тестов Арман Серикович, +7 700 000 00 31",
        "Пробная Дана Ерлановна, г. Примерск, ул. Учебная, д. 4",
    ]
    assert details["first_steps"].startswith("Вместе со свидетелями составил(а) акт")
    term = {d.rule: d for d in deadlines.case_deadlines(complaint, today=D(2024, 3, 11))}["election.appeal_filing"]
    assert term.last_day == D(2024, 3, 21), "10 days from the refusal (21 March is Nauryz: kept and flagged)"
    assert term.recommended_day == D(2024, 3, 20)
    assert complaint.history[-1].end == "refused" and complaint.history[-1].refusals[0].witnesses == WITNESSES


def test_a_document_never_handed_in_has_no_bodys_term_and_no_answer_said_to_be_missing() -> None:
    # The refused complaint carries the date written on it (11 March); no body received it, so no
    # term to answer ran from that date: neither the timeline nor the next document may say one did.
    case = refused_case()
    assert case.filing_date == D(2024, 3, 11) and not case.is_filed
    current = timeline.case_timeline(case, today=D(2024, 3, 11)).steps[-1]
    assert current.review_rule == "" and current.review_last_day is None and current.term() is None
    claim, _ = chain.next_case(case, "administrative_claim", today=D(2024, 3, 11))
    step = claim.history[-1]
    assert step.end == "refused" and step.review_rule == "" and step.review_last_day is None
    assert "prior_complaint_result" not in claim.details, "a refused document was not left unanswered"
    # The commission's 5-day term from 11 March would have ended on 16 March.
    for text in (*claim.details.values(), claim.facts):
        assert "16 марта 2024" not in text and "не дан" not in text


def test_the_act_has_nothing_due_and_is_not_said_to_be_granted() -> None:
    act = chain.refusal_act(refused_case(), today=D(2024, 3, 11))
    found = timeline.case_timeline(act, today=D(2024, 3, 11))
    note = found.note()
    assert found.due == () and note is not None and note.msgid == timeline.MSG_NOTHING_DUE
    assert not found.granted


def test_no_act_without_a_refusal_nor_for_a_body_that_is_not_a_commission() -> None:
    case = precinct_complaint(D(2024, 3, 10), voting_day=D(2024, 3, 10))
    with pytest.raises(chain.EscalationError):
        chain.refusal_act(case, today=D(2024, 3, 11))
    refused = refused_case()
    refused.addressee.level = "akimat"
    with pytest.raises(chain.EscalationError):
        chain.refusal_act(refused, today=D(2024, 3, 11))
