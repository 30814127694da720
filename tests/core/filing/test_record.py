"""Recording filings, refusals and answers: what fits the case, what is refused, and the case file on disk."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest

from kzcomplaint.core.case import caseio
from kzcomplaint.core.case.model import Answer, Filing, Refusal, Witness
from kzcomplaint.core.filing import record
from kzcomplaint.core.law import deadlines
from kzcomplaint.core.text.i18n import translator

from .conftest import EXAMPLE, precinct_complaint

D = dt.date


def test_a_filing_starts_the_bodys_term_from_the_day_it_was_received() -> None:
    case = precinct_complaint(D(2024, 3, 10), voting_day=D(2024, 3, 10))
    case.filing_date = D(2024, 3, 12)  # the date written on the document
    planned = {d.rule: d for d in deadlines.case_deadlines(case, today=D(2024, 3, 12))}
    assert planned["election.commission_review"].last_day == D(2024, 3, 17)
    filed = record.record_filing(case, Filing(date=D(2024, 3, 13), number="9"), today=D(2024, 3, 13))
    review = {d.rule: d for d in deadlines.case_deadlines(filed, today=D(2024, 3, 13))}["election.commission_review"]
    assert review.last_day == D(2024, 3, 18), "the day it was received, not the date written on it"
    steps = [step.render(translator("en")) for step in review.steps]
    assert any("as recorded in the case" in step for step in steps)
    assert case.filings == [], "the case given is not changed"


def test_the_first_of_several_handings_in_counts() -> None:
    case = precinct_complaint(D(2024, 3, 10), voting_day=D(2024, 3, 10))
    case = record.record_filing(case, Filing(date=D(2024, 3, 15), how="post"), today=D(2024, 3, 20))
    case = record.record_filing(case, Filing(date=D(2024, 3, 13)), today=D(2024, 3, 20))
    assert [filing.date for filing in case.filings] == [D(2024, 3, 13), D(2024, 3, 15)]
    assert case.body_received_on() == D(2024, 3, 13)


@pytest.mark.parametrize(
    ("filing", "fragment"),
    [
        (Filing(date=None), "Give the day the body received"),
        (Filing(date=D(2024, 3, 30)), "has not come yet"),
        (Filing(date=D(2024, 3, 9)), "before the date of the contested"),
    ],
)
def test_a_filing_that_does_not_fit_is_refused(filing: Filing, fragment: str) -> None:
    case = precinct_complaint(D(2024, 3, 10), voting_day=D(2024, 3, 10))
    with pytest.raises(record.RecordError) as raised:
        record.record_filing(case, filing, today=D(2024, 3, 20))
    assert fragment in raised.value.message.render(translator("en"))
    for language in ("kk", "ru"):
        assert raised.value.message.render(translator(language)) != raised.value.message.render(translator("en"))


def test_an_answer_needs_a_filing_before_it_and_replaces_an_earlier_one() -> None:
    case = precinct_complaint(D(2024, 3, 10), voting_day=D(2024, 3, 10))
    with pytest.raises(record.RecordError):
        record.record_answer(case, Answer(outcome="rejected", date=D(2024, 3, 15)), today=D(2024, 3, 20))
    case = record.record_filing(case, Filing(date=D(2024, 3, 13)), today=D(2024, 3, 13))
    with pytest.raises(record.RecordError):
        record.record_answer(case, Answer(outcome="rejected", date=D(2024, 3, 12)), today=D(2024, 3, 20))
    with pytest.raises(record.RecordError):
        record.record_answer(case, Answer(outcome="none", date=D(2024, 3, 15)), today=D(2024, 3, 20))
    with pytest.raises(record.RecordError):
        record.record_answer(case, Answer(outcome="partly"), today=D(2024, 3, 20))
    first = record.record_answer(case, Answer(outcome="partly", date=D(2024, 3, 15)), today=D(2024, 3, 20))
    returned = Answer(outcome="returned", date=D(2024, 3, 16), number="2")
    second = record.record_answer(first, returned, today=D(2024, 3, 20))
    assert second.answer == Answer(outcome="returned", date=D(2024, 3, 16), number="2")
    none = record.record_answer(case, Answer(outcome="none"), today=D(2024, 3, 20))
    assert none.answer == Answer(outcome="none")


def test_update_case_file_writes_atomically_privately_and_leaves_the_file_alone_on_a_refused_record(
    tmp_path: Path,
) -> None:
    path = tmp_path / "case.json"
    path.write_bytes(EXAMPLE.read_bytes())
    os.chmod(path, 0o644)
    before = path.read_bytes()
    with pytest.raises(record.RecordError):
        record.update_case_file(path, lambda case: record.record_filing(case, Filing(date=D(2020, 1, 1))))
    assert path.read_bytes() == before, "a refused record changes nothing"
    refusal = Refusal(date=D(2021, 1, 12), refused_by="Б. Е. Примеров", witnesses=[Witness("Тестов А. С.", "")])
    record.update_case_file(path, lambda case: record.record_refusal(case, refusal, today=D(2021, 1, 12)))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "kzcomplaint/2"
    assert data["refusals"][0]["witnesses"] == [{"full_name": "Тестов А. С.", "contact": ""}]
    assert [p.name for p in tmp_path.iterdir()] == ["case.json"], "no temporary file left behind"


def test_format_1_files_load_and_are_written_back_as_format_2(tmp_path: Path) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    for name in ("filings", "refusals", "answer", "history"):
        del data[name]
    data["format"] = "kzcomplaint/1"  # as every case file was written before format 2
    case = caseio.parse_case(data, "example")
    assert (case.filings, case.refusals, case.answer, case.history) == ([], [], None, [])
    text = caseio.dumps_case(case)
    assert text.startswith('{\n  "format": "kzcomplaint/2",')
    again = json.loads(text)
    assert {"filings", "refusals", "answer", "history"} <= set(again)
    assert caseio.parse_case(again, "again") == case


def test_format_2_round_trips_every_after_filing_field() -> None:
    case = precinct_complaint(D(2024, 3, 10), voting_day=D(2024, 3, 10))
    case = record.record_refusal(
        case,
        Refusal(
            date=D(2024, 3, 11), time="09:40", place="участок", refused_by="Б. Е.", position="председатель",
            how="in_person", grounds="нет", witnesses=[Witness("А", "+7 700 000 00 41")],
        ),
        today=D(2024, 3, 11),
    )
    by_post = Filing(date=D(2024, 3, 12), time="11:05", how="post", number="")
    case = record.record_filing(case, by_post, today=D(2024, 3, 12))
    case = record.record_answer(case, Answer(outcome="rejected", date=D(2024, 3, 14), number="5"), today=D(2024, 3, 14))
    from kzcomplaint.core.filing import chain

    following, _ = chain.next_case(case, "appeal_to_higher_commission", today=D(2024, 3, 14))
    again = caseio.loads_case(caseio.dumps_case(following).encode("utf-8"), "x")
    assert again == following
    assert again.history[0].refusals[0].witnesses[0].contact == "+7 700 000 00 41"


def test_a_bad_after_filing_field_is_reported_with_its_path() -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["filings"] = [{"date": "31.02.2024", "how": "pigeon"}]
    data["answer"] = {"outcome": "maybe"}
    with pytest.raises(caseio.CaseFileError) as raised:
        caseio.parse_case(data, "bad")
    paths = {problem.path for problem in raised.value.problems}
    assert {"filings.0.date", "filings.0.how", "answer.outcome"} <= paths


def test_a_record_over_a_limit_of_the_file_format_is_refused_and_the_file_kept(tmp_path: Path) -> None:
    """Eleven witnesses (the format holds ten) must not turn a readable case file into one the loader refuses."""
    path = tmp_path / "case.json"
    path.write_bytes(EXAMPLE.read_bytes())
    before = path.read_bytes()
    witnesses = [Witness(full_name=f"Свидетель {n}") for n in range(11)]
    refusal = Refusal(date=D(2021, 1, 10), refused_by="Б. Е. Примеров", witnesses=witnesses)
    with pytest.raises(record.RecordError) as raised:
        record.update_case_file(path, lambda case: record.record_refusal(case, refusal, today=D(2021, 1, 11)))
    assert "refusals.0.witnesses" in raised.value.message.render(translator("en"))
    assert path.read_bytes() == before
    caseio.load_case(path)  # still readable
    # The same refusal recorded into a case in memory (the window's form) is refused too.
    with pytest.raises(record.RecordError):
        record.record_refusal(caseio.load_case(path), refusal, today=D(2021, 1, 11))
