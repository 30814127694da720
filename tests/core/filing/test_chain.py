"""The escalation chain walked end to end: complaint → no answer → higher commission → refusal → court.

Every expected date is worked out by hand from the calendar (Election Law
terms in calendar days, day 1 the day after, a last day on a day off kept
and flagged): one chain runs across Nauryz 2024 (21–23 March and Monday 25
March off), one across New Year 2024 (1–2 January off).
"""

from __future__ import annotations

import datetime as dt

import pytest

from kzcomplaint.core.case.model import Answer, Case, Filing
from kzcomplaint.core.filing import chain, record, timeline
from kzcomplaint.core.law import deadlines
from kzcomplaint.core.law.deadlines import Deadline
from kzcomplaint.core.text.i18n import translator

from .conftest import precinct_complaint

D = dt.date


def terms(case: Case, today: dt.date) -> dict[str, Deadline]:
    return {deadline.rule: deadline for deadline in deadlines.case_deadlines(case, today=today)}


def filed(case: Case, on: dt.date, number: str) -> Case:
    filing = Filing(date=on, time="10:00", number=number, accepted_by="Д. Е. Тестова")
    return record.record_filing(case, filing, today=on)


# (voting day, contested day, first filing, its review's last day,
#  inaction day, appeal's last day, its recommended day or None,
#  appeal filed, higher review's last day, answer day, claim's last day,
#  claim's recommended day or None, claim filed, court review's last day)
NAURYZ = (
    D(2024, 3, 10), D(2024, 3, 10), D(2024, 3, 14), D(2024, 3, 19),
    D(2024, 3, 20), D(2024, 3, 30), D(2024, 3, 29),
    D(2024, 3, 20), D(2024, 3, 23), D(2024, 3, 22), D(2024, 4, 1), None,
    D(2024, 3, 25), D(2024, 3, 30),
)
NEW_YEAR = (
    D(2023, 12, 10), D(2023, 12, 15), D(2023, 12, 17), D(2023, 12, 22),
    D(2023, 12, 23), D(2024, 1, 2), D(2023, 12, 29),
    D(2023, 12, 28), D(2023, 12, 31), D(2023, 12, 30), D(2024, 1, 9), None,
    D(2024, 1, 3), D(2024, 1, 8),
)


@pytest.mark.parametrize("dates", [NAURYZ, NEW_YEAR], ids=["across-nauryz", "across-new-year"])
def test_chain_complaint_no_answer_appeal_refusal_claim(dates: tuple[dt.date | None, ...]) -> None:
    (voting, contested, filed_on, review_last, inaction, appeal_last, appeal_recommended, appeal_filed,
     higher_last, answered_on, claim_last, claim_recommended, claim_filed, court_last) = dates
    assert all(isinstance(day, dt.date) for day in (voting, contested, filed_on, review_last, inaction))
    first = precinct_complaint(contested, voting_day=voting)  # type: ignore[arg-type]

    # Step 1: filed with the precinct commission itself: 5 days (art. 49, part 4).
    first = filed(first, filed_on, "15")  # type: ignore[arg-type]
    review = terms(first, filed_on)["election.commission_review"]  # type: ignore[arg-type]
    assert review.last_day == review_last
    assert review.citation.part == "4"
    assert chain.step_end(first, today=review_last) is None, "the commission may still answer on its last day"

    # The day after the last day the inaction is complete: the next step is due.
    assert chain.step_end(first, today=inaction) == "no_answer"
    kinds = [proposal.kind for proposal in chain.proposals(first, today=inaction)]
    assert kinds[0] == "appeal_to_higher_commission"

    # Step 2: the appeal to the higher commission against that inaction.
    appeal, warnings = chain.next_case(first, "appeal_to_higher_commission", today=inaction)
    assert warnings == []
    assert appeal.respondent.level == "precinct" and appeal.respondent.number == "205"
    assert appeal.addressee.level == "territorial"
    assert (appeal.contested.type, appeal.contested.date) == ("inaction", inaction)
    appeal_term = terms(appeal, inaction)["election.appeal_filing"]  # type: ignore[arg-type]
    assert appeal_term.last_day == appeal_last
    # A last day off is kept and flagged; the filer is told the working day before it.
    assert appeal_term.recommended_day == (appeal_recommended or appeal_last)
    assert ("deadline.non_working_last_day" in appeal_term.warning_codes) == (appeal_recommended is not None)
    assert appeal.history[-1].review_last_day == review_last
    assert appeal.history[-1].end == "no_answer"

    appeal = filed(appeal, appeal_filed, "31")  # type: ignore[arg-type]
    higher = terms(appeal, appeal_filed)  # type: ignore[arg-type]
    assert "election.commission_review" not in higher
    assert higher["election.higher_commission_review"].last_day == higher_last
    assert higher["election.higher_commission_review"].citation.part == "5"

    # The higher commission refuses: the claim contests its decision, 10 days from its date.
    appeal = record.record_answer(appeal, Answer(outcome="rejected", date=answered_on, number="7"), today=answered_on)
    assert chain.step_end(appeal, today=answered_on) == "rejected"
    claim, warnings = chain.next_case(appeal, "administrative_claim", today=answered_on)
    assert warnings == []
    assert claim.respondent.level == "territorial" and claim.addressee.level == "court"
    assert (claim.contested.type, claim.contested.date, claim.contested.decision_number) == (
        "decision",
        answered_on,
        "7",
    )
    claim_term = terms(claim, answered_on)["election.appeal_filing"]  # type: ignore[arg-type]
    assert claim_term.last_day == claim_last
    assert claim_term.recommended_day == (claim_recommended or claim_last)
    assert ("deadline.non_working_last_day" in claim_term.warning_codes) == (claim_recommended is not None)
    assert [step.template for step in claim.history] == ["observer_removed", "appeal_to_higher_commission"]

    # Step 3 filed with the court: 5 days (art. 49, part 1).
    claim = filed(claim, claim_filed, "2-101")  # type: ignore[arg-type]
    court = terms(claim, claim_filed)["election.court_review"]  # type: ignore[arg-type]
    assert court.last_day == court_last
    assert not court.immediate, "filed after voting day: the normal five days"

    # Every step in one view, the whole way down.
    found = timeline.case_timeline(claim, today=claim_filed)
    assert [step.template for step in found.steps] == [
        "observer_removed",
        "appeal_to_higher_commission",
        "administrative_claim",
    ]
    assert [step.review_last_day for step in found.steps] == [review_last, higher_last, court_last]
    assert [item.party for item in found.due] == ["answer"]
    assert found.due[0].due == court_last


def test_the_inaction_reading_is_in_the_working_with_its_citation() -> None:
    first = filed(precinct_complaint(D(2024, 3, 10), voting_day=D(2024, 3, 10)), D(2024, 3, 14), "15")
    appeal, _ = chain.next_case(first, "appeal_to_higher_commission", today=D(2024, 3, 20))
    working = terms(appeal, D(2024, 3, 20))["election.appeal_filing"]
    tr = translator("ru")
    steps = [step.render(tr) for step in working.steps]
    reading = next(step for step in steps if "считает бездействие совершённым на следующий день" in step)
    assert "п. 9 ст. 20" in reading
    assert any("19 марта 2024 года" in step and "ч. 4 ст. 49" in step for step in steps), "the body's last day"
    assert any(step.endswith("20 марта 2024 года.") for step in steps), "the contested date it gives"
    # The reading is the rules', in all three languages, never code.
    for language in ("kk", "ru", "en"):
        assert any("20" in step for step in (s.render(translator(language)) for s in working.steps))


def test_a_contested_date_changed_by_the_user_is_not_explained_by_the_reading() -> None:
    first = filed(precinct_complaint(D(2024, 3, 10), voting_day=D(2024, 3, 10)), D(2024, 3, 14), "15")
    appeal, _ = chain.next_case(first, "appeal_to_higher_commission", today=D(2024, 3, 20))
    appeal.contested.date = D(2024, 3, 21)
    working = terms(appeal, D(2024, 3, 21))["election.appeal_filing"]
    assert not any("считает бездействие" in step.render(translator("ru")) for step in working.steps)


def test_the_next_document_carries_every_party_fact_evidence_item_and_request() -> None:
    first = filed(precinct_complaint(D(2024, 3, 10), voting_day=D(2024, 3, 10)), D(2024, 3, 14), "15")
    first.requests = ["Признать удаление незаконным."]
    appeal, _ = chain.next_case(first, "appeal_to_higher_commission", today=D(2024, 3, 20))
    assert appeal.complainant == first.complainant
    assert appeal.representative == first.representative
    assert appeal.election == first.election
    assert appeal.evidence == first.evidence and appeal.evidence
    # The earlier requests first, then the new kind's own suggestions (for the inaction it contests).
    assert appeal.requests[0] == "Признать удаление незаконным."
    assert any("нижестоящей избирательной комиссии" in request for request in appeal.requests[1:])
    assert len(set(appeal.requests)) == len(appeal.requests)
    assert appeal.language == first.language
    # What the first document told (its own sentences, the facts in place of its answers') is told again.
    from kzcomplaint.core.documents import render

    told = render.circumstances(first, "ru")
    assert told and all(line in appeal.facts for line in told)
    assert appeal.facts.index(told[-1]) < appeal.facts.index("не рассмотрен"), "then what came of it"
    # The answers the earlier step gives.
    assert appeal.details["earlier_application"] == "yes"
    assert appeal.details["earlier_application_date"] == "2024-03-14"
    assert "№ 15" in appeal.details["earlier_application_receipt"]
    assert appeal.details["answer_status"] == "none"
    assert "19 марта 2024 года" in appeal.details["lower_commission_act"]
    # The draft is not filed, answered or refused yet.
    assert (appeal.filings, appeal.refusals, appeal.answer, appeal.filing_date) == ([], [], None, None)
    # The first case is not changed by drafting from it.
    assert first.template == "observer_removed" and first.history == []


def test_a_term_not_run_out_drafts_ahead_with_a_warning_and_nothing_before_filing() -> None:
    draft = precinct_complaint(D(2024, 3, 10), voting_day=D(2024, 3, 10))
    with pytest.raises(chain.EscalationError) as raised:
        chain.next_case(draft, "appeal_to_higher_commission", today=D(2024, 3, 12))
    assert "not recorded as filed" in str(raised.value)
    first = filed(draft, D(2024, 3, 14), "15")
    with pytest.raises(chain.EscalationError):
        chain.next_case(first, "appeal_to_higher_commission", today=D(2024, 3, 16))  # still open: no reason given
    appeal, warnings = chain.next_case(first, "appeal_to_higher_commission", "no_answer", today=D(2024, 3, 16))
    assert appeal.contested.date == D(2024, 3, 20)
    assert warnings and "19 March 2024" in warnings[0].render(translator("en"))


def test_a_kind_that_cannot_follow_is_refused_with_the_ones_that_can() -> None:
    first = filed(precinct_complaint(D(2024, 3, 10), voting_day=D(2024, 3, 10)), D(2024, 3, 14), "15")
    with pytest.raises(chain.EscalationError) as raised:
        chain.next_case(first, "ballot_stuffing", today=D(2024, 3, 21))
    text = raised.value.message.render(translator("en"))
    assert "appeal_to_higher_commission" in text and "ballot_stuffing" in text


def test_a_granted_complaint_has_no_next_step() -> None:
    first = filed(precinct_complaint(D(2024, 3, 10), voting_day=D(2024, 3, 10)), D(2024, 3, 14), "15")
    first = record.record_answer(first, Answer(outcome="granted", date=D(2024, 3, 16)), today=D(2024, 3, 16))
    assert chain.step_end(first, today=D(2024, 4, 1)) is None
    assert chain.proposals(first, today=D(2024, 4, 1)) == []
    found = timeline.case_timeline(first, today=D(2024, 4, 1))
    assert found.granted and found.due == () and not found.is_open
    with pytest.raises(chain.EscalationError):
        chain.next_case(first, "appeal_to_higher_commission", "rejected", today=D(2024, 4, 1))


def test_against_the_cec_the_next_step_is_the_supreme_court() -> None:
    case = precinct_complaint(D(2024, 3, 10), voting_day=D(2024, 3, 10), template="appeal_to_higher_commission")
    case.respondent.level, case.respondent.name = "territorial", "Территориальная избирательная комиссия"
    case.addressee.level, case.addressee.name, case.addressee.number = "cec", "Центральная избирательная комиссия", ""
    case = filed(case, D(2024, 3, 12), "88")
    case = record.record_answer(case, Answer(outcome="returned", date=D(2024, 3, 14)), today=D(2024, 3, 14))
    found = chain.proposals(case, today=D(2024, 3, 14))
    assert [(p.kind, p.addressee.level) for p in found] == [("administrative_claim_cec", "supreme_court")]
    claim, _ = chain.next_case(case, "administrative_claim_cec", today=D(2024, 3, 14))
    assert claim.details["cec_application"] == "yes"
    assert "возвращена без рассмотрения" in claim.details["cec_application_result"]
    assert terms(claim, D(2024, 3, 14))["election.appeal_filing"].last_day == D(2024, 3, 24)


def test_a_written_appeal_to_an_akimat_left_unanswered_runs_a_month_from_its_last_day() -> None:
    case = precinct_complaint(D(2024, 3, 4), voting_day=D(2024, 3, 10), template="coerced_voting")
    case.respondent.level, case.respondent.name, case.respondent.number = "akimat", "Аким района", ""
    case.addressee.level, case.addressee.name, case.addressee.number = "akimat", "Акимат района", ""
    case = filed(case, D(2024, 3, 11), "А-5")
    review = chain.review_deadline(case, today=D(2024, 3, 11))
    assert review is not None and review.rule == "appc.written_appeal_review"
    # 15 working days from the day after registration, 11 March: 12–15, 18–20, (Nauryz 21–25 off),
    # 26–29, 1–4 April.
    assert review.last_day == D(2024, 4, 4)
    claim, _ = chain.next_case(case, "administrative_claim", today=D(2024, 4, 5))
    # No answer: the month to have the action taken runs from the day the term expired (APPC art. 136, part 2).
    assert (claim.contested.type, claim.contested.date) == ("inaction", D(2024, 4, 4))
    assert claim.details["claim_type"] == "compel"
    month = terms(claim, D(2024, 4, 5))["appc.claim_filing_action"]
    assert month.last_day == D(2024, 5, 4)
    # Saturday 4 May 2024 was a working day by decree (its day off moved to 8 May): not flagged.
    assert month.recommended_day == D(2024, 5, 4)
    assert "deadline.non_working_last_day" not in month.warning_codes


def test_the_note_in_place_of_the_terms_is_said_only_when_no_term_runs() -> None:
    draft = precinct_complaint(D(2024, 3, 10), voting_day=D(2024, 3, 10))
    assert timeline.case_timeline(draft, today=D(2024, 3, 11)).note() is None, "the term to file runs"
    first = filed(draft, D(2024, 3, 14), "15")
    assert timeline.case_timeline(first, today=D(2024, 3, 15)).note() is None, "the body's term runs"
    granted = record.record_answer(first, Answer(outcome="granted", date=D(2024, 3, 16)), today=D(2024, 3, 16))
    note = timeline.case_timeline(granted, today=D(2024, 4, 1)).note()
    assert note is not None and note.msgid == timeline.MSG_GRANTED_DONE
