"""A participant's exercise: starting a scenario, and scoring the draft honestly.

The checker decides. A planted defect that is mended by editing counts as
fixed only when the checker no longer reports its problem and no new
blocking problem sits on the fields it concerns; a defect that cannot be
mended (a missed term) is answered, and the answer is scored. Every blocking
problem that the starting draft did not have costs a point. The score never
goes below zero.

Checks run on the day of the scenario's story (its training date), so terms
are judged as in the story, whatever the computer's clock says.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import os
from pathlib import Path
from typing import Any

from kzcomplaint.core.case import caseio
from kzcomplaint.core.case.model import Case, Exercise
from kzcomplaint.core.law import checks
from kzcomplaint.core.text.i18n import N_, Message
from kzcomplaint.core.workshop.packs import FIX, QUESTION, Defect, Library, Scenario, apply_values

OPEN = "open"
FIXED = "fixed"
ANSWERED_RIGHT = "answered_right"
ANSWERED_WRONG = "answered_wrong"
STATES = (OPEN, FIXED, ANSWERED_RIGHT, ANSWERED_WRONG)

MSG_NOT_AN_EXERCISE = N_("{file} is a case file, not a workshop exercise (it has no exercise section).")
MSG_UNKNOWN_SCENARIO = N_(
    "The scenario “{scenario}” is not in the packs at hand. Add its pack (--pack FILE, or Workshop → Add a pack)."
)
MSG_LANGUAGE_NOT_IN_PACK = N_("The scenario “{scenario}” is written in {languages}, not in {language}.")
MSG_EXISTS = N_("{file} already exists; it is left as it is. Choose another name, or reset that draft.")


class ExerciseError(Exception):
    """An exercise that cannot be started or scored; ``message`` says why and what to do."""

    def __init__(self, message: Message) -> None:
        """Keep the message for the front end to translate."""
        self.message = message
        super().__init__(message.msgid.format(**message.params))


# --- starting ---------------------------------------------------------------------------------


def check_language(scenario: Scenario, language: str) -> None:
    """Raise :class:`ExerciseError` unless the scenario is written in ``language``."""
    if language not in scenario.languages:
        raise ExerciseError(
            Message(
                MSG_LANGUAGE_NOT_IN_PACK,
                scenario=scenario.id,
                languages=", ".join(scenario.languages),
                language=language,
            )
        )


def start(scenario: Scenario, language: str, participant: str = "") -> Case:
    """The participant's starting draft: the scenario's case in ``language``, marked as an exercise.

    Raises:
        ExerciseError: the scenario is not written in ``language``.
        PackError: the scenario's draft is not a usable case.
    """
    check_language(scenario, language)
    case = scenario.draft_case(language)
    case.exercise = Exercise(
        scenario=scenario.id,
        pack=scenario.pack,
        participant=participant.strip(),
        language=language,
        today=scenario.today,
    )
    return case


def perfect(scenario: Scenario, language: str) -> Case:
    """The draft with every defect fixed as the facts sheet says and every question answered right."""
    case = start(scenario, language)
    for defect in scenario.defects:
        case = fixed_by(case, defect, scenario, language)
    return case


def fixed_by(case: Case, defect: Defect, scenario: Scenario, language: str) -> Case:
    """``case`` with ``defect`` mended: its corrected values set, or its question answered right."""
    if defect.kind == QUESTION:
        result = copy.deepcopy(case)
        assert result.exercise is not None  # only exercises are scored
        result.exercise.answers[defect.code] = defect.answer
        return result
    return apply_values(case, defect.correct, language, scenario.languages)


def save_new(case: Case, path: str | os.PathLike[str]) -> None:
    """Save a new exercise draft, never over an existing file.

    Raises:
        ExerciseError: the file exists.
        caseio.CaseSaveError: it cannot be written.
    """
    target = Path(path)
    if target.exists() or target.is_symlink():
        raise ExerciseError(Message(MSG_EXISTS, file=str(target)))
    caseio.save_case(case, target)


def reset(path: str | os.PathLike[str], library: Library) -> tuple[Case, Path]:
    """Give the participant of the draft ``path`` a fresh start of the same scenario.

    The old draft is kept beside it as ``<name>.before-reset-<time>.bak``
    (not a .json, so a collect does not take it for a participant's draft).

    Returns:
        The fresh draft and where the old one was kept.

    Raises:
        caseio.CaseFileError, ExerciseError, caseio.CaseSaveError.
    """
    target = Path(path)
    old = caseio.load_case(target)
    scenario = scenario_of(old, library, str(target))
    assert old.exercise is not None
    fresh = start(scenario, old.exercise.language, old.exercise.participant)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = target.with_name(f"{target.name}.before-reset-{stamp}.bak")
    counter = 2
    while backup.exists():
        backup = target.with_name(f"{target.name}.before-reset-{stamp}-{counter}.bak")
        counter += 1
    caseio.save_case(old, backup)
    caseio.save_case(fresh, target)
    return fresh, backup


def scenario_of(case: Case, library: Library, source: str = "") -> Scenario:
    """The scenario the exercise draft ``case`` started from.

    Raises:
        ExerciseError: ``case`` is no exercise, or its scenario is not in ``library``.
    """
    if case.exercise is None:
        raise ExerciseError(Message(MSG_NOT_AN_EXERCISE, file=source or "?"))
    scenario = library.find(case.exercise.scenario)
    if scenario is None:
        raise ExerciseError(Message(MSG_UNKNOWN_SCENARIO, scenario=case.exercise.scenario))
    return scenario


# --- scoring -------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class DefectResult:
    """How one planted defect stands in a participant's draft.

    Attributes:
        defect: the planted defect.
        state: :data:`OPEN`, :data:`FIXED`, :data:`ANSWERED_RIGHT` or :data:`ANSWERED_WRONG`.
        points: 1 when fixed or answered right, else 0.
        planted: the problem as the checker reported it in the starting draft
            (its message, hint and citation are the answer key's).
        answer: the participant's answer to a question ("" when none).
    """

    defect: Defect
    state: str
    points: int
    planted: checks.Problem
    answer: str = ""

    def as_json(self, language: str) -> dict[str, Any]:
        """Machine-readable form, texts in ``language``."""
        return {
            "code": self.defect.code,
            "field": self.defect.field,
            "kind": self.defect.kind,
            "state": self.state,
            "points": self.points,
            "answer": self.answer or None,
            "message": self.planted.message[language],
        }


@dataclasses.dataclass(frozen=True)
class Score:
    """A participant's score on a scenario, with what it is made of."""

    scenario: Scenario
    language: str
    participant: str
    defects: tuple[DefectResult, ...]
    new_blocking: tuple[checks.Problem, ...]
    """Blocking problems the starting draft did not have: a point each."""

    @property
    def earned(self) -> int:
        """Points for defects fixed or answered right."""
        return sum(result.points for result in self.defects)

    @property
    def score(self) -> int:
        """Points earned less a point per new blocking problem, never below zero."""
        return max(0, self.earned - len(self.new_blocking))

    @property
    def max_score(self) -> int:
        """One point per planted defect."""
        return self.scenario.max_score

    @property
    def missed(self) -> list[DefectResult]:
        """The defects not fixed nor answered right: the answer key the participant needs."""
        return [result for result in self.defects if result.points == 0]

    def as_json(self) -> dict[str, Any]:
        """Machine-readable form (``workshop score --json``), texts in the workshop's language."""
        return {
            "scenario": self.scenario.id,
            "pack": self.scenario.pack,
            "participant": self.participant,
            "language": self.language,
            "today": self.scenario.today.isoformat(),
            "defects": [result.as_json(self.language) for result in self.defects],
            "new_blocking": [
                {"code": problem.code, "field": problem.field, "points": -1, "message": problem.message[self.language]}
                for problem in self.new_blocking
            ],
            "score": self.score,
            "max_score": self.max_score,
        }


def planted_problems(scenario: Scenario, language: str) -> list[checks.Problem]:
    """What the checker reports in the starting draft (on the story's day)."""
    return checks.check_case(scenario.draft_case(language), today=scenario.today)


def _fields_of(code: str) -> set[str]:
    return {field for requirement in checks.requirements() if requirement.id == code for field in requirement.fields}


def score(case: Case, scenario: Scenario) -> Score:
    """Score the exercise draft ``case`` against ``scenario``.

    The scenario comes from the trainer's packs, never from the draft: the
    draft says only which scenario it is, its participant and its answers.
    """
    exercise = case.exercise or Exercise(scenario=scenario.id, language=case.language)
    language = exercise.language if exercise.language in scenario.languages else scenario.languages[0]
    start_problems = planted_problems(scenario, language)
    start_codes = {problem.code for problem in start_problems}
    current = checks.check_case(case, today=scenario.today)
    current_codes = {problem.code for problem in current}
    planted_codes = {defect.code for defect in scenario.defects}
    new_blocking = tuple(
        problem for problem in current if problem.blocking and problem.code not in planted_codes | start_codes
    )
    results = []
    for defect in scenario.defects:
        planted = next((problem for problem in start_problems if problem.code == defect.code), None)
        if planted is None:
            # The rules changed since the pack was written; verify_scenario says so. The
            # defect is scored on what the checker reports now, with the pack's own texts.
            planted = unreported_problem(defect, language)
        if defect.kind == QUESTION:
            answer = exercise.answers.get(defect.code, "")
            if not answer:
                state = OPEN
            else:
                state = ANSWERED_RIGHT if answer == defect.answer else ANSWERED_WRONG
            results.append(DefectResult(defect, state, int(state == ANSWERED_RIGHT), planted, answer))
            continue
        fields = _fields_of(defect.code) | {defect.field}
        displaced = any(problem.field in fields for problem in new_blocking)
        state = FIXED if defect.code not in current_codes and not displaced else OPEN
        results.append(DefectResult(defect, state, int(state == FIXED), planted))
    return Score(scenario, language, exercise.participant, tuple(results), new_blocking)


def unreported_problem(defect: Defect, language: str) -> checks.Problem:
    """``defect`` as a problem in ``language`` when the checker no longer reports it: the pack's own texts."""
    texts = {language: defect.why[language]}
    return checks.Problem(defect.code, checks.BLOCKING, defect.field, texts, {language: defect.fix[language]}, None)


__all__ = [
    "ANSWERED_RIGHT",
    "ANSWERED_WRONG",
    "FIX",
    "FIXED",
    "OPEN",
    "QUESTION",
    "STATES",
    "DefectResult",
    "ExerciseError",
    "Score",
    "check_language",
    "fixed_by",
    "perfect",
    "planted_problems",
    "reset",
    "save_new",
    "scenario_of",
    "score",
    "start",
    "unreported_problem",
]
