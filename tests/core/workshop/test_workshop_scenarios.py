"""The shipped scenarios: each starts, shows exactly its planted defects, and scores honestly."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest

from kzcomplaint.core.case import ids
from kzcomplaint.core.case.model import get_path
from kzcomplaint.core.law import checks, deadlines
from kzcomplaint.core.workshop import exercise, packs

ROOT = Path(__file__).resolve().parents[3]
SCENARIOS = [(scenario.id, scenario) for pack in packs.shipped_packs() for scenario in pack.scenarios]
IDS = [scenario_id for scenario_id, _ in SCENARIOS]
LANGUAGES = ("kk", "ru", "en")


def test_at_least_twelve_scenarios_cover_every_group_and_both_kinds_of_decision() -> None:
    assert len(SCENARIOS) >= 12
    assert len(set(IDS)) == len(IDS)
    groups = {scenario.group for _, scenario in SCENARIOS}
    assert groups == {"observer_rights", "voting", "counting", "decisions"}
    drafts = [scenario.draft_case("en") for _, scenario in SCENARIOS]
    decisions = [case for case in drafts if case.contested.type == "decision"]
    assert any(case.respondent.level == "cec" for case in decisions), "a CEC decision"
    assert any(case.respondent.level in ("precinct", "territorial") for case in decisions), "a commission's decision"


def test_the_defects_courts_dismissed_on_are_all_planted_somewhere() -> None:
    planted = {defect.code for _, scenario in SCENARIOS for defect in scenario.defects}
    assert {
        "iin.missing",
        "iin.invalid",
        "phone.missing",
        "respondent.contacts_missing",
        "respondent.cec_contacts_missing",
        "contested.publication_missing",
        "deadline.expired",
        "addressee.wrong_level",
        "respondent.wrong_level",
        "contested.date_missing",
    } <= planted
    kinds = {defect.kind for _, scenario in SCENARIOS for defect in scenario.defects}
    assert kinds == {packs.FIX, packs.QUESTION}, "a missed term is asked about, not edited away"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("scenario_id", "scenario"), SCENARIOS, ids=IDS)
def test_starting_draft_shows_exactly_its_planted_defects(
    scenario_id: str, scenario: packs.Scenario, language: str
) -> None:
    case = exercise.start(scenario, language, "Participant")
    assert case.exercise is not None and case.exercise.scenario == scenario_id
    assert case.language == language and case.exercise.today == scenario.today
    # No today given: a draft is judged on the day of its story, whatever the clock says.
    reported = {(problem.code, problem.field) for problem in checks.check_case(case)}
    assert reported == {(defect.code, defect.field) for defect in scenario.defects}
    assert packs.verify_scenario(scenario) == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("scenario_id", "scenario"), SCENARIOS, ids=IDS)
def test_fixing_one_by_one_raises_the_score_by_one_each_up_to_full(
    scenario_id: str, scenario: packs.Scenario, language: str
) -> None:
    case = exercise.start(scenario, language, "Participant")
    result = exercise.score(case, scenario)
    assert (result.score, result.max_score) == (0, len(scenario.defects))
    assert all(item.state == exercise.OPEN for item in result.defects)
    for step, defect in enumerate(scenario.defects, start=1):
        case = exercise.fixed_by(case, defect, scenario, language)
        result = exercise.score(case, scenario)
        assert result.score == step, defect.code
        assert result.new_blocking == ()
    assert result.score == result.max_score
    assert exercise.score(exercise.perfect(scenario, language), scenario).score == result.max_score


@pytest.mark.parametrize(("scenario_id", "scenario"), SCENARIOS, ids=IDS)
def test_a_new_blocking_problem_costs_a_point(scenario_id: str, scenario: packs.Scenario) -> None:
    case = exercise.perfect(scenario, "ru")
    case.complainant.full_name = ""
    result = exercise.score(case, scenario)
    assert [problem.code for problem in result.new_blocking] == ["complainant.name_missing"]
    assert result.score == result.max_score - 1
    assert result.as_json()["score"] == result.max_score - 1


def test_swapping_a_wrong_iin_for_none_is_not_a_fix() -> None:
    scenario = _scenario("removed_for_live_broadcast")
    case = exercise.start(scenario, "kk")
    case.complainant.iin = ""  # iin.invalid is gone, iin.missing came in its place
    result = exercise.score(case, scenario)
    iin = next(item for item in result.defects if item.defect.code == "iin.invalid")
    assert iin.state == exercise.OPEN and iin.points == 0
    assert [problem.code for problem in result.new_blocking] == ["iin.missing"]
    assert result.score == 0, "never below zero"


def test_a_question_is_scored_by_its_answer_and_editing_the_dates_earns_nothing() -> None:
    scenario = _scenario("protocol_copy_too_late")
    question = next(defect for defect in scenario.defects if defect.kind == packs.QUESTION)
    case = exercise.start(scenario, "ru")
    assert case.exercise is not None
    states = {}
    for answer in ("", "in_time", question.answer):
        case.exercise.answers[question.code] = answer
        item = next(i for i in exercise.score(case, scenario).defects if i.defect.code == question.code)
        states[answer] = (item.state, item.points)
    assert states == {
        "": (exercise.OPEN, 0),
        "in_time": (exercise.ANSWERED_WRONG, 0),
        question.answer: (exercise.ANSWERED_RIGHT, 1),
    }
    # Backdating the filing makes the checker quiet but is no answer to the question.
    case.exercise.answers.clear()
    case.filing_date = dt.date(2025, 11, 20)
    item = next(i for i in exercise.score(case, scenario).defects if i.defect.code == question.code)
    assert item.state == exercise.OPEN


def test_scoring_uses_the_trainers_scenario_not_the_draft_and_its_day() -> None:
    scenario = _scenario("tabulation_behind_closed_doors")
    case = exercise.perfect(scenario, "en")
    assert case.exercise is not None
    case.exercise.today = dt.date(2030, 1, 1)  # a participant cannot move the story's day
    assert exercise.score(case, scenario).score == scenario.max_score


@pytest.mark.parametrize(("scenario_id", "scenario"), SCENARIOS, ids=IDS)
def test_the_facts_sheet_holds_every_corrected_value(scenario_id: str, scenario: packs.Scenario) -> None:
    for language in LANGUAGES:
        sheet = scenario.facts_sheet[language]
        for defect in scenario.defects:
            for path, raw in defect.correct.items():
                value = packs.localize(raw, language, scenario.languages)
                if isinstance(value, dt.date):
                    from kzcomplaint.core.text.legal_dates import format_legal_date

                    assert format_legal_date(value, language) in sheet, (language, path)
                elif path in ("complainant.iin", "complainant.phone", "respondent.phone", "addressee.phone"):
                    assert value in sheet, (language, path)


@pytest.mark.parametrize(("scenario_id", "scenario"), SCENARIOS, ids=IDS)
def test_fictitious_people_synthetic_iins_and_training_phones(scenario_id: str, scenario: packs.Scenario) -> None:
    perfect = exercise.perfect(scenario, "ru")
    iin = perfect.complainant.iin
    assert ids.check_iin(iin).valid
    assert perfect.complainant.birth_date is not None
    serial = int(iin[7:11])
    assert serial <= 1 and iin == ids.make_iin(perfect.complainant.birth_date, ids.check_iin(iin).sex or "", serial), (
        "made with make_iin from the first serials, which no register hands out in order"
    )
    for language in LANGUAGES:
        text = scenario.story[language] + scenario.facts_sheet[language]
        for phone in re.findall(r"\+7[\d ]{9,}", text):
            assert phone.strip().startswith("+7 700 000 00 "), phone
    for path in ("complainant.phone", "respondent.phone", "addressee.phone"):
        value = get_path(perfect, path)
        assert not value or value.startswith("+7 700 000 00 "), (path, value)


def test_shipped_files_are_valid_toml_and_name_their_sources() -> None:
    for path in sorted((ROOT / "scenarios").glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
        assert data["format"] == packs.PACK_FORMAT
        assert "fictitious" in text.split("format =")[0], f"{path.name}: the header says the people are fictitious"


def test_the_scenario_day_decides_the_terms() -> None:
    scenario = _scenario("protocol_copy_too_late")
    case = exercise.start(scenario, "kk")
    terms = deadlines.case_deadlines(case)
    filing = next(term for term in terms if term.rule == "election.appeal_filing")
    assert filing.last_day == dt.date(2025, 11, 26)
    assert deadlines.PAST in filing.warning_codes, "past on the story's day (28 November 2025)"


def _scenario(scenario_id: str) -> packs.Scenario:
    return next(scenario for found, scenario in SCENARIOS if found == scenario_id)
