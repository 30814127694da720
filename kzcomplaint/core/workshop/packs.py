"""Scenario packs: the TOML files a trainer writes and shares, read and validated.

A pack holds scenarios; each scenario is a story read aloud, the facts sheet a
participant works from, the participant's starting draft (a case with
planted defects), and the defects themselves — each tied to a problem code
of the checker, with why it matters and how to fix it (its citation comes
from the rule data, never from the pack). ``docs/WORKSHOP.md`` documents the
format; ``scenarios/`` holds the packs shipped with the app.

Every text of a pack is given in each of the pack's ``languages``
(``story.kk = "…"``, ``story.ru = "…"``); a value of the draft is either the
same in every language (an IIN, a date) or such a table (a name, the facts).

Loading reports every problem of a file at once, each naming the scenario
and the key (:class:`PackError`); :func:`verify_scenario` then asks the
checker whether the planted defects are exactly what it reports.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import os
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from kzcomplaint.core.case import caseio
from kzcomplaint.core.case.model import FORMAT, Case
from kzcomplaint.core.files import resources
from kzcomplaint.core.law import catalog, checks
from kzcomplaint.core.text.i18n import N_, Message
from kzcomplaint.core.text.json_errors import NOT_UTF8, toml_reason
from kzcomplaint.core.text.languages import LANGUAGES

PACK_FORMAT = "kzcomplaint-pack/1"
"""The format identifier a pack file declares (``format = "kzcomplaint-pack/1"``)."""

MAX_PACK_BYTES = 4 * 1024 * 1024
"""Largest pack file read; the shipped ones are a few hundred kilobytes."""

FIX = "fix"
QUESTION = "question"

_ID = re.compile(r"[a-z][a-z0-9_]*")
_PACK_KEYS = frozenset({"format", "id", "languages", "title", "author", "scenario"})
_PACK_REQUIRED = frozenset({"format", "id", "languages", "title", "scenario"})
_SCENARIO_KEYS = frozenset({"id", "group", "today", "title", "story", "facts_sheet", "draft", "defect"})
_DEFECT_KEYS = frozenset({"code", "field", "why", "fix", "correct", "question", "choices", "answer"})
_DEFECT_REQUIRED = frozenset({"code", "field", "why", "fix"})
_CHOICE_KEYS = frozenset({"id", "label"})

# --- messages ------------------------------------------------------------------------

MSG_WHERE_FILE = N_("{file}: {reason}")
MSG_WHERE_KEY = N_("{file}, key {key}: {reason}")
MSG_WHERE_SCENARIO = N_("{file}, scenario “{scenario}”, key {key}: {reason}")

R_NOT_FOUND = N_("the file does not exist")
R_UNREADABLE = N_("the file cannot be read ({reason})")
R_TOO_LARGE = N_("the file is {size} bytes, more than the {limit} a pack may have")
R_NOT_UTF8 = NOT_UTF8
R_NOT_TOML = N_("the file is not valid TOML: {error}")
R_FORMAT = N_('expected format = "{supported}" (this version reads that format)')
R_MISSING = N_("this key is missing")
R_UNKNOWN_KEY = N_("unknown key; the keys here are: {allowed}")
R_EXPECTED_TEXT = N_("expected text in quotation marks")
R_EXPECTED_TABLE = N_("expected a table")
R_EXPECTED_LIST = N_("expected a list of tables ([[…]])")
R_EXPECTED_DATE = N_("expected a date written as 2025-11-18")
R_EXPECTED_ID = N_("expected an id of small Latin letters, digits and _, starting with a letter")
R_LANGUAGES = N_("expected a list of languages, each one of: {allowed}")
R_TEXTS = N_("expected the text in each language of the pack ({languages}); missing or empty: {missing}")
R_TEXT_LANGUAGES = N_("the languages {found} are not those of the pack ({languages})")
R_NO_SCENARIOS = N_("a pack needs at least one [[scenario]]")
R_DUPLICATE_SCENARIO = N_("the scenario id “{id}” is used more than once")
R_DUPLICATE_ELSEWHERE = N_("the scenario id “{id}” is already used by the pack {other}")
R_GROUP = N_("“{got}” is not a group; the groups are: {allowed}")
R_NO_DEFECTS = N_("a scenario needs at least one planted defect ([[scenario.defect]])")
R_CODE = N_("“{got}” is not a problem code the checker reports (docs/RULES.md lists them)")
R_FIELD = N_("“{got}” is not a field of a case (such as complainant.iin)")
R_DUPLICATE_CODE = N_("the problem {code} is planted twice in this scenario")
R_CORRECT_MISSING = N_('a defect that is fixed by editing needs correct = {{ "field" = value, … }}')
R_CORRECT_AND_QUESTION = N_("a question is answered, not corrected: remove correct, or the question")
R_CHOICES = N_("a question needs at least two choices, each with an id and a label")
R_DUPLICATE_CHOICE = N_("the choice “{id}” is given twice")
R_ANSWER = N_("the answer “{got}” is not one of the choices: {allowed}")
R_QUESTION_PARTS = N_("a question needs question, choices and answer together")
R_DRAFT_TEMPLATE = N_("“{got}” is not a document kind of the catalogue")
R_DRAFT_LANGUAGE = N_("the draft's language is the workshop's; remove this key")

V_NOT_REPORTED = N_("the checker does not report {code} in the starting draft ({language})")
V_WRONG_FIELD = N_("the checker reports {code} at {got}, not at {field} ({language})")
V_NOT_PLANTED = N_("the checker reports {code} ({field}) in the starting draft, but it is not planted ({language})")
V_FIX_KEEPS = N_("the corrected values leave {code} reported ({language})")
V_FIX_ADDS = N_("the corrected values bring in a problem that was not there: {code} ({field}) ({language})")


# --- results --------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class PackProblem:
    """One thing wrong with a pack: the scenario ("" for the pack itself), the key and why."""

    scenario: str
    key: str
    reason: Message


class PackError(Exception):
    """A pack that cannot be used, with every problem found in it.

    Attributes:
        source: the pack file.
        problems: each naming the scenario and the key.
    """

    def __init__(self, source: str, problems: Sequence[PackProblem]) -> None:
        """Keep the file and its problems (at least one)."""
        self.source = source
        self.problems = list(problems)
        super().__init__("\n".join(_english(message) for message in self.messages()))

    def messages(self) -> list[Message]:
        """One message per problem, naming the file, the scenario and the key."""
        return [problem_message(self.source, problem) for problem in self.problems]


def problem_message(source: str, problem: PackProblem) -> Message:
    """``problem`` as one message naming the file, the scenario and the key."""
    name = Path(source).name if source else "?"
    if problem.scenario:
        return Message(MSG_WHERE_SCENARIO, file=name, scenario=problem.scenario, key=problem.key, reason=problem.reason)
    if problem.key:
        return Message(MSG_WHERE_KEY, file=name, key=problem.key, reason=problem.reason)
    return Message(MSG_WHERE_FILE, file=name, reason=problem.reason)


def _english(message: Message) -> str:
    values = {key: _english(value) if isinstance(value, Message) else value for key, value in message.params.items()}
    return message.msgid.format(**values)


# --- the pack's parts -----------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Choice:
    """One answer a participant may give to a defect's question."""

    id: str
    label: Mapping[str, str]


@dataclasses.dataclass(frozen=True)
class Defect:
    """A planted defect: the checker's problem code, where it is, why it matters and the fix.

    A defect of kind :data:`FIX` is mended by editing (``correct`` holds the
    values the facts sheet gives); one of kind :data:`QUESTION` cannot be
    (a missed term): the participant answers ``question`` and ``answer`` is right.
    """

    code: str
    field: str
    why: Mapping[str, str]
    fix: Mapping[str, str]
    correct: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    question: Mapping[str, str] | None = None
    choices: tuple[Choice, ...] = ()
    answer: str = ""

    @property
    def kind(self) -> str:
        """:data:`FIX` or :data:`QUESTION`."""
        return QUESTION if self.question is not None else FIX

    def choice_label(self, choice_id: str, language: str) -> str:
        """The label of a choice in ``language`` (the id itself when unknown)."""
        for choice in self.choices:
            if choice.id == choice_id:
                return choice.label[language]
        return choice_id


@dataclasses.dataclass(frozen=True)
class Scenario:
    """One exercise: the story, the facts sheet, the starting draft and its planted defects."""

    id: str
    pack: str
    group: str
    today: dt.date
    title: Mapping[str, str]
    story: Mapping[str, str]
    facts_sheet: Mapping[str, str]
    draft: Mapping[str, Any]
    defects: tuple[Defect, ...]
    languages: tuple[str, ...]
    source: str

    def draft_case(self, language: str) -> Case:
        """The participant's starting draft in ``language`` (no exercise section yet).

        Raises:
            PackError: the draft is not a usable case (load problems named by key).
        """
        data = localize(self.draft, language, self.languages)
        data = {"format": FORMAT, **_plain(data), "language": language}
        try:
            return caseio.parse_case(data, self.source)
        except caseio.CaseFileError as error:
            problems = [PackProblem(self.id, _draft_key(problem.path), problem.message) for problem in error.problems]
            raise PackError(self.source, problems) from None

    def defect(self, code: str) -> Defect | None:
        """The planted defect with problem ``code``, if any."""
        return next((defect for defect in self.defects if defect.code == code), None)

    @property
    def max_score(self) -> int:
        """One point per planted defect."""
        return len(self.defects)


@dataclasses.dataclass(frozen=True)
class Pack:
    """A pack file: its id, title, languages and scenarios."""

    id: str
    title: Mapping[str, str]
    languages: tuple[str, ...]
    scenarios: tuple[Scenario, ...]
    source: str
    author: str = ""


def _draft_key(path: str) -> str:
    return f"draft.{path}" if path else "draft"


def _plain(value: Any) -> Any:
    """Dates as ISO text, the way a case file writes them."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def is_localized(value: object) -> bool:
    """Whether ``value`` is a table of one value per language (``{kk = …, ru = …}``)."""
    return isinstance(value, Mapping) and bool(value) and all(key in LANGUAGES for key in value)


def localize(value: Any, language: str, languages: Sequence[str]) -> Any:
    """``value`` with every per-language table replaced by its ``language`` entry."""
    if is_localized(value):
        return value[language]
    if isinstance(value, Mapping):
        return {key: localize(item, language, languages) for key, item in value.items()}
    if isinstance(value, list):
        return [localize(item, language, languages) for item in value]
    return value


# --- reading ----------------------------------------------------------------------------------


class _Reader:
    """Validates parsed TOML into a :class:`Pack`, collecting every problem."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[PackProblem] = []
        self.languages: tuple[str, ...] = LANGUAGES

    def problem(self, scenario: str, key: str, reason: str, **params: object) -> None:
        self.problems.append(PackProblem(scenario, key, Message(reason, **params)))

    def keys(
        self, table: Mapping[str, Any], allowed: frozenset[str], required: frozenset[str], scenario: str, prefix: str
    ) -> None:
        for name in sorted(required - set(table)):
            self.problem(scenario, prefix + name, R_MISSING)
        for name in table:
            if name not in allowed:
                self.problem(scenario, prefix + str(name), R_UNKNOWN_KEY, allowed=", ".join(sorted(allowed)))

    def texts(self, raw: object, scenario: str, key: str) -> dict[str, str]:
        if not isinstance(raw, Mapping):
            self.problem(scenario, key, R_TEXTS, languages=", ".join(self.languages), missing=", ".join(self.languages))
            return {language: "" for language in self.languages}
        extra = [name for name in raw if name not in self.languages]
        if extra:
            self.problem(
                scenario, key, R_TEXT_LANGUAGES, found=", ".join(map(str, raw)), languages=", ".join(self.languages)
            )
        missing = [
            language
            for language in self.languages
            if not isinstance(raw.get(language), str) or not raw[language].strip()
        ]
        if missing:
            self.problem(scenario, key, R_TEXTS, languages=", ".join(self.languages), missing=", ".join(missing))
        return {language: str(raw.get(language) or "").strip() for language in self.languages}

    def identifier(self, raw: object, scenario: str, key: str) -> str:
        if not isinstance(raw, str) or not _ID.fullmatch(raw):
            self.problem(scenario, key, R_EXPECTED_ID)
            return ""
        return raw

    def pack(self, data: Mapping[str, Any]) -> Pack | None:
        self.keys(data, _PACK_KEYS, _PACK_REQUIRED, "", "")
        if "format" in data and data["format"] != PACK_FORMAT:
            self.problem("", "format", R_FORMAT, supported=PACK_FORMAT)
        pack_id = self.identifier(data.get("id"), "", "id") if "id" in data else ""
        raw_languages = data.get("languages")
        if (
            not isinstance(raw_languages, list)
            or not raw_languages
            or any(language not in LANGUAGES for language in raw_languages)
            or len(set(raw_languages)) != len(raw_languages)
        ):
            if "languages" in data:
                self.problem("", "languages", R_LANGUAGES, allowed=", ".join(LANGUAGES))
            return None  # every text of the pack is judged against its languages
        self.languages = tuple(raw_languages)
        title = self.texts(data.get("title"), "", "title") if "title" in data else {}
        author = data.get("author", "")
        if not isinstance(author, str):
            self.problem("", "author", R_EXPECTED_TEXT)
            author = ""
        raw_scenarios = data.get("scenario")
        if raw_scenarios is None:
            return None
        if not isinstance(raw_scenarios, list) or not all(isinstance(item, Mapping) for item in raw_scenarios):
            self.problem("", "scenario", R_EXPECTED_LIST)
            return None
        if not raw_scenarios:
            self.problem("", "scenario", R_NO_SCENARIOS)
        scenarios = []
        seen: set[str] = set()
        for index, raw in enumerate(raw_scenarios):
            scenario = self.scenario(raw, index, pack_id)
            if scenario is None:
                continue
            if scenario.id in seen:
                self.problem(scenario.id, "id", R_DUPLICATE_SCENARIO, id=scenario.id)
            seen.add(scenario.id)
            scenarios.append(scenario)
        if self.problems:
            return None
        return Pack(pack_id, title, self.languages, tuple(scenarios), self.source, author)

    def scenario(self, raw: Mapping[str, Any], index: int, pack_id: str) -> Scenario | None:
        before = len(self.problems)
        raw_id = raw.get("id")
        name = raw_id if isinstance(raw_id, str) and raw_id else f"#{index + 1}"
        self.keys(raw, _SCENARIO_KEYS, _SCENARIO_KEYS, name, "")
        scenario_id = self.identifier(raw_id, name, "id") if "id" in raw else ""
        groups = [group.id for group in catalog.groups()]
        group = raw.get("group")
        if "group" in raw and group not in groups:
            self.problem(name, "group", R_GROUP, got=group, allowed=", ".join(groups))
        today = raw.get("today")
        if "today" in raw and (not isinstance(today, dt.date) or isinstance(today, dt.datetime)):
            self.problem(name, "today", R_EXPECTED_DATE)
        texts = {key: self.texts(raw[key], name, key) for key in ("title", "story", "facts_sheet") if key in raw}
        draft = raw.get("draft")
        if "draft" in raw:
            draft = self.draft(draft, name)
        defects: list[Defect] = []
        raw_defects = raw.get("defect")
        if "defect" in raw:
            if not isinstance(raw_defects, list) or not all(isinstance(item, Mapping) for item in raw_defects):
                self.problem(name, "defect", R_EXPECTED_LIST)
            elif not raw_defects:
                self.problem(name, "defect", R_NO_DEFECTS)
            else:
                codes: set[str] = set()
                for number, raw_defect in enumerate(raw_defects, start=1):
                    defect = self.defect(raw_defect, name, f"defect[{number}].")
                    if defect is None:
                        continue
                    if defect.code in codes:
                        self.problem(name, f"defect[{number}].code", R_DUPLICATE_CODE, code=defect.code)
                    codes.add(defect.code)
                    defects.append(defect)
        if len(self.problems) > before:
            return None
        assert isinstance(today, dt.date) and isinstance(draft, Mapping)
        scenario = Scenario(
            id=scenario_id,
            pack=pack_id,
            group=str(group),
            today=today,
            title=texts["title"],
            story=texts["story"],
            facts_sheet=texts["facts_sheet"],
            draft=draft,
            defects=tuple(defects),
            languages=self.languages,
            source=self.source,
        )
        for language in self.languages:
            try:
                scenario.draft_case(language)
            except PackError as error:
                self.problems.extend(error.problems)
                return None
        return scenario

    def draft(self, raw: object, scenario: str) -> Mapping[str, Any] | None:
        if not isinstance(raw, Mapping):
            self.problem(scenario, "draft", R_EXPECTED_TABLE)
            return None
        self.localized_values(raw, scenario, "draft")
        if "language" in raw:
            self.problem(scenario, "draft.language", R_DRAFT_LANGUAGE)
        template = raw.get("template")
        if template not in catalog.catalog():
            self.problem(scenario, "draft.template", R_DRAFT_TEMPLATE, got=template)
        return raw

    def localized_values(self, raw: object, scenario: str, key: str) -> None:
        """Every per-language table inside ``raw`` has exactly the pack's languages."""
        if is_localized(raw):
            assert isinstance(raw, Mapping)
            if set(raw) != set(self.languages):
                self.problem(scenario, key, R_TEXT_LANGUAGES, found=", ".join(raw), languages=", ".join(self.languages))
            return
        if isinstance(raw, Mapping):
            for name, item in raw.items():
                self.localized_values(item, scenario, f"{key}.{name}")
        elif isinstance(raw, list):
            for index, item in enumerate(raw):
                self.localized_values(item, scenario, f"{key}.{index}")

    def defect(self, raw: Mapping[str, Any], scenario: str, prefix: str) -> Defect | None:
        before = len(self.problems)
        self.keys(raw, _DEFECT_KEYS, _DEFECT_REQUIRED, scenario, prefix)
        code = raw.get("code")
        if "code" in raw and code not in checks.problem_codes():
            self.problem(scenario, prefix + "code", R_CODE, got=code)
        field = raw.get("field")
        if "field" in raw and (not isinstance(field, str) or not checks.valid_field_path(field)):
            self.problem(scenario, prefix + "field", R_FIELD, got=field)
        why = self.texts(raw["why"], scenario, prefix + "why") if "why" in raw else {}
        fix = self.texts(raw["fix"], scenario, prefix + "fix") if "fix" in raw else {}
        question_parts = [key for key in ("question", "choices", "answer") if key in raw]
        question: dict[str, str] | None = None
        choices: list[Choice] = []
        answer = ""
        correct: dict[str, Any] = {}
        if question_parts:
            if len(question_parts) < 3:
                self.problem(scenario, prefix + "question", R_QUESTION_PARTS)
            if "correct" in raw:
                self.problem(scenario, prefix + "correct", R_CORRECT_AND_QUESTION)
            question = self.texts(raw.get("question"), scenario, prefix + "question")
            choices = self.choices(raw.get("choices"), scenario, prefix + "choices")
            answer = str(raw["answer"]) if isinstance(raw.get("answer"), str) else ""
            ids = [choice.id for choice in choices]
            if "answer" in raw and answer not in ids:
                self.problem(scenario, prefix + "answer", R_ANSWER, got=raw.get("answer"), allowed=", ".join(ids))
        else:
            raw_correct = raw.get("correct")
            if not isinstance(raw_correct, Mapping) or not raw_correct:
                self.problem(scenario, prefix + "correct", R_CORRECT_MISSING)
            else:
                for path, value in raw_correct.items():
                    if not checks.valid_field_path(path):
                        self.problem(scenario, f"{prefix}correct.{path}", R_FIELD, got=path)
                    self.localized_values(value, scenario, f"{prefix}correct.{path}")
                    correct[path] = value
        if len(self.problems) > before:
            return None
        return Defect(str(code), str(field), why, fix, correct, question, tuple(choices), answer)

    def choices(self, raw: object, scenario: str, key: str) -> list[Choice]:
        if not isinstance(raw, list) or len(raw) < 2 or not all(isinstance(item, Mapping) for item in raw):
            self.problem(scenario, key, R_CHOICES)
            return []
        result: list[Choice] = []
        for number, item in enumerate(raw, start=1):
            where = f"{key}[{number}]"
            self.keys(item, _CHOICE_KEYS, _CHOICE_KEYS, scenario, f"{where}.")
            choice_id = self.identifier(item.get("id"), scenario, f"{where}.id") if "id" in item else ""
            if any(choice.id == choice_id for choice in result):
                self.problem(scenario, f"{where}.id", R_DUPLICATE_CHOICE, id=choice_id)
            label = self.texts(item.get("label"), scenario, f"{where}.label") if "label" in item else {}
            result.append(Choice(choice_id, label))
        return result


def parse_pack(data: Mapping[str, Any], source: str) -> Pack:
    """Validate a parsed pack file.

    Raises:
        PackError: every problem, each naming the scenario and the key.
    """
    reader = _Reader(source)
    pack = reader.pack(data)
    if reader.problems or pack is None:
        if not reader.problems:
            reader.problem("", "scenario", R_NO_SCENARIOS)
        raise PackError(source, reader.problems)
    return pack


def loads_pack(raw: bytes, source: str) -> Pack:
    """Decode, parse and validate the bytes of a pack file (see :func:`load_pack`)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PackError(source, [PackProblem("", "", Message(R_NOT_UTF8))]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PackError(source, [PackProblem("", "", Message(R_NOT_TOML, error=toml_reason(error)))]) from None
    return parse_pack(data, source)


def load_pack(path: str | os.PathLike[str]) -> Pack:
    """Read and validate a pack file.

    Raises:
        PackError: the file is missing, unreadable, too large, not TOML, or
            has problems — every one named by scenario and key.
    """
    source = os.fspath(path)
    try:
        size = os.stat(source).st_size
        if not Path(source).is_file():
            raise IsADirectoryError(source)
        if size > MAX_PACK_BYTES:
            raise PackError(source, [PackProblem("", "", Message(R_TOO_LARGE, size=size, limit=MAX_PACK_BYTES))])
        raw = Path(source).read_bytes()
    except FileNotFoundError:
        raise PackError(source, [PackProblem("", "", Message(R_NOT_FOUND))]) from None
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise PackError(source, [PackProblem("", "", Message(R_UNREADABLE, reason=reason))]) from None
    return loads_pack(raw, source)


# --- what the checker says about a scenario ----------------------------------------------------


def _problem_key(problem: checks.Problem) -> tuple[str, str]:
    return problem.code, problem.field


def apply_values(case: Case, values: Mapping[str, Any], language: str, languages: Sequence[str]) -> Case:
    """A copy of ``case`` with ``values`` (dotted field → value, per-language tables allowed) set.

    Raises:
        caseio.CaseFileError: a value that does not fit its field.
    """
    data = caseio.case_to_dict(case)
    for path, raw in values.items():
        value = _plain(localize(raw, language, languages))
        target: Any = data
        parts = path.split(".")
        for part in parts[:-1]:
            if isinstance(target, list):
                target = target[int(part)]
            else:
                if target.get(part) is None:
                    target[part] = {}
                target = target[part]
        if isinstance(target, list):
            target[int(parts[-1])] = value
        else:
            target[parts[-1]] = value
    return caseio.parse_case(data, "workshop")


def verify_scenario(scenario: Scenario) -> list[PackProblem]:
    """Whether the checker agrees with the scenario, in each of its languages.

    The starting draft must show exactly the planted defects, each at its
    field; fixed one by one in the order they are listed, each defect's
    corrected values must remove its problem and bring no other. Returns the
    disagreements (empty when there are none).
    """
    problems: list[PackProblem] = []

    def add(key: str, reason: str, **params: object) -> None:
        problems.append(PackProblem(scenario.id, key, Message(reason, **params)))

    for language in scenario.languages:
        case = scenario.draft_case(language)
        reported = checks.check_case(case, today=scenario.today)
        by_code = {problem.code: problem for problem in reported}
        for number, defect in enumerate(scenario.defects, start=1):
            found = by_code.get(defect.code)
            if found is None:
                add(f"defect[{number}].code", V_NOT_REPORTED, code=defect.code, language=language)
            elif found.field != defect.field:
                add(
                    f"defect[{number}].field",
                    V_WRONG_FIELD,
                    code=defect.code,
                    got=found.field,
                    field=defect.field,
                    language=language,
                )
        for problem in reported:
            if scenario.defect(problem.code) is None:
                add("draft", V_NOT_PLANTED, code=problem.code, field=problem.field, language=language)
            # Fixed in the order they are listed, each fix must take away its own problem and bring no other.
        before = {_problem_key(problem) for problem in reported}
        for number, defect in enumerate(scenario.defects, start=1):
            if defect.kind != FIX:
                continue
            try:
                case = apply_values(case, defect.correct, language, scenario.languages)
            except caseio.CaseFileError as error:
                for load_problem in error.problems:
                    add(
                        f"defect[{number}].correct.{load_problem.path}",
                        load_problem.message.msgid,
                        **load_problem.message.params,
                    )
                break
            after = checks.check_case(case, today=scenario.today)
            if any(problem.code == defect.code for problem in after):
                add(f"defect[{number}].correct", V_FIX_KEEPS, code=defect.code, language=language)
            for problem in after:
                if _problem_key(problem) not in before and scenario.defect(problem.code) is None:
                    add(
                        f"defect[{number}].correct",
                        V_FIX_ADDS,
                        code=problem.code,
                        field=problem.field,
                        language=language,
                    )
            before = {_problem_key(problem) for problem in after}
    return problems


def verify_pack(pack: Pack) -> None:
    """Check every scenario of ``pack`` against the checker.

    Raises:
        PackError: naming each scenario and key the checker disagrees with.
    """
    problems = [problem for scenario in pack.scenarios for problem in verify_scenario(scenario)]
    if problems:
        raise PackError(pack.source, problems)


# --- the packs at hand ---------------------------------------------------------------------------


def scenarios_dir() -> Path:
    """The folder of the shipped packs."""
    return resources.scenarios_dir()


def user_packs_dir() -> Path:
    """The folder of the packs a trainer added (not created here)."""
    return resources.user_data_dir() / "workshop"


@functools.cache
def shipped_packs() -> tuple[Pack, ...]:
    """The packs shipped with the app (validated; a broken one is a bug the tests catch)."""
    return tuple(load_pack(path) for path in sorted(scenarios_dir().glob("*.toml")))


@dataclasses.dataclass(frozen=True)
class Library:
    """The packs at hand: shipped, added by the trainer, given on the command line.

    Attributes:
        packs: in that order.
        errors: the packs that could not be read (the rest are usable).
    """

    packs: tuple[Pack, ...]
    errors: tuple[PackError, ...] = ()

    @property
    def scenarios(self) -> list[Scenario]:
        """Every scenario, pack by pack."""
        return [scenario for pack in self.packs for scenario in pack.scenarios]

    def find(self, scenario_id: str) -> Scenario | None:
        """The scenario ``scenario_id`` (a later pack does not shadow an earlier one)."""
        return next((scenario for scenario in self.scenarios if scenario.id == scenario_id), None)


def load_library(extra: Iterable[str | os.PathLike[str]] = (), *, user: bool = True) -> Library:
    """The shipped packs, the trainer's own (``user_packs_dir()``) and ``extra`` pack files.

    A scenario id used by two packs is reported against the later pack, which
    is then left out: a draft names its scenario by id alone.

    Raises:
        PackError: one of ``extra`` cannot be used (the trainer named it, so it must work).
    """
    packs: list[Pack] = list(shipped_packs())
    errors: list[PackError] = []
    owners = {scenario.id: pack for pack in packs for scenario in pack.scenarios}
    candidates: list[tuple[Path, bool]] = []
    if user:
        folder = user_packs_dir()
        try:
            candidates += [(path, False) for path in sorted(folder.glob("*.toml"))]
        except OSError:
            pass
    candidates += [(Path(path), True) for path in extra]
    for path, required in candidates:
        try:
            pack = load_pack(path)
            clashes = [
                PackProblem(
                    scenario.id,
                    "id",
                    Message(R_DUPLICATE_ELSEWHERE, id=scenario.id, other=Path(owners[scenario.id].source).name),
                )
                for scenario in pack.scenarios
                if scenario.id in owners and owners[scenario.id].source != pack.source
            ]
            if clashes:
                raise PackError(str(path), clashes)
        except PackError as error:
            if required:
                raise
            errors.append(error)
            continue
        if any(existing.source == pack.source for existing in packs):
            continue
        packs.append(pack)
        owners.update({scenario.id: pack for scenario in pack.scenarios})
    return Library(tuple(packs), tuple(errors))


__all__ = [
    "FIX",
    "PACK_FORMAT",
    "QUESTION",
    "Choice",
    "Defect",
    "Library",
    "Pack",
    "PackError",
    "PackProblem",
    "Scenario",
    "apply_values",
    "is_localized",
    "load_library",
    "load_pack",
    "loads_pack",
    "localize",
    "parse_pack",
    "problem_message",
    "shipped_packs",
    "user_packs_dir",
    "verify_pack",
    "verify_scenario",
]
