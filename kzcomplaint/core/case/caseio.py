"""Reading and writing case files: the one JSON format an observer hands to a lawyer.

A case file is UTF-8 JSON (``"format": "kzcomplaint/1"``) that people also
write and edit by hand, so loading is strict about structure and generous
about how dates are written:

- every problem in a file is reported at once, each with the path of the
  field (``complainant.iin``, ``evidence.2.description``) and a message that
  says what to do (:class:`CaseFileError`, :class:`LoadProblem`);
- dates may be written as ``2021-01-10`` or in any form
  :func:`kzcomplaint.core.text.dates.parse_date` reads, and are normalised;
- an incomplete draft still loads: whether the IIN is valid or the phone is
  present is for ``core.checks`` to say, with the law's citation.

Saving is atomic (a temporary file in the same folder, ``fsync``,
``os.replace``) and private (mode 0600): a crash or a full disk never leaves
a half-written case or loses the previous one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import json
import math
import os
import re
import stat
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from kzcomplaint.core.case import limits
from kzcomplaint.core.case.model import (
    FORMAT,
    Answer,
    Body,
    Case,
    CaseText,
    Contested,
    ContestedType,
    Election,
    ElectionKind,
    Evidence,
    Exercise,
    Filing,
    FilingMethod,
    Level,
    Medium,
    Outcome,
    Person,
    Refusal,
    Role,
    Step,
    StepEnd,
    Witness,
)
from kzcomplaint.core.files import atomic
from kzcomplaint.core.text import dates
from kzcomplaint.core.text.i18n import N_, Message
from kzcomplaint.core.text.json_errors import json_reason
from kzcomplaint.core.text.languages import LANGUAGES

MAX_FILE_BYTES = limits.MAX_FILE_BYTES
"""Largest case file read (see :mod:`kzcomplaint.core.case.limits`, where every limit is declared)."""

MAX_TEXT_CHARS = limits.MAX_LONG_TEXT_CHARS
"""Longest narrative text (facts, requests, answers)."""

MAX_SHORT_TEXT_CHARS = limits.MAX_SHORT_TEXT_CHARS
"""Longest single-line text (names, addresses, numbers, evidence descriptions)."""

_FORMAT_PATTERN = re.compile(r"kzcomplaint/([0-9]{1,9})")  # longer numbers are no format, and int() refuses them
_CURRENT_VERSION = int(FORMAT.split("/")[1])

# --- messages ------------------------------------------------------------------

MSG_NOT_FOUND = N_("The file {file} does not exist. Check the file name and the folder.")
MSG_IS_DIRECTORY = N_("{file} is a folder, not a case file. Choose a .json case file.")
MSG_NOT_A_FILE = N_("{file} is not an ordinary file. Choose a .json case file.")
MSG_UNREADABLE = N_(
    "The file {file} cannot be read ({reason}). Check that you may open it, or copy it elsewhere."
)
MSG_TOO_LARGE = N_(
    "The file is {size} bytes, more than the {limit} bytes a case file may have. "
    "Check that you chose a kzcomplaint case file; keep evidence in separate files."
)
MSG_NOT_UTF8 = N_(
    "The file is not UTF-8 text: byte {position} (line {line}) cannot be read. "
    "Save the file again with the UTF-8 encoding."
)
MSG_BAD_JSON = N_(
    "The file is not valid JSON: {error} at line {line}, column {column}. "
    "Correct the text there; a missing comma, quotation mark or bracket is the usual cause."
)
MSG_BAD_JSON_VALUE = N_("The file holds a value that cannot be read ({error}). Correct or remove that value.")
MSG_BAD_CONSTANT = N_(
    "The file holds {value}, which is not allowed in a case file. Replace it with a number in digits."
)
MSG_TOO_DEEP = N_(
    "The file is nested too deeply to be a case file. Check that you chose a kzcomplaint case file."
)
MSG_NOT_A_CASE = N_(
    "The file holds {got} instead of a case (a JSON object in braces {{ … }}). "
    "Check that you chose a kzcomplaint case file."
)
MSG_FORMAT_MISSING = N_(
    'The file does not say its format. Add "format": "{supported}" at the top of the file.'
)
MSG_FORMAT_NEWER = N_(
    "The file was made by a newer version of kzcomplaint (format {found}; this version reads {supported}). "
    "Update kzcomplaint to open it."
)
MSG_FORMAT_UNKNOWN = N_(
    "{found} is not a kzcomplaint case-file format (this version reads {supported}). "
    "Check that you chose a kzcomplaint case file."
)
MSG_UNKNOWN_FIELD_SUGGEST = N_(
    "Unknown field {name!r}. Did you mean {suggestion!r}? Rename it, or remove it."
)
MSG_UNKNOWN_FIELD = N_("Unknown field {name!r}; the fields here are: {allowed}. Remove it or rename it.")
MSG_DUPLICATE_FIELD = N_(
    "The field {name!r} is written more than once, and only the last would be kept. Remove the extra ones."
)
MSG_EXPECTED_TEXT = N_(
    "Expected text in double quotes, but found {got}. Put the value in double quotes "
    "(numbers too, so that leading zeros are kept)."
)
MSG_EXPECTED_TEXT_OR_NUMBER = N_(
    "Expected text or a number, but found {got}. Write the answer as text in double quotes."
)
MSG_EXPECTED_DATE = N_(
    'Expected a date in double quotes, such as "2021-01-10" or "10.01.2021", but found {got}. '
    "Write the date in quotes, or null if it is unknown."
)
MSG_EXPECTED_SECTION = N_(
    "Expected a section in braces {{ … }}, but found {got}. Write the fields of this section inside {{ }}."
)
MSG_EXPECTED_SECTION_OR_NULL = N_(
    "Expected a section in braces {{ … }} or null, but found {got}. Write null when there is none."
)
MSG_EXPECTED_LIST = N_(
    "Expected a list in square brackets [ … ], but found {got}. "
    "Put the items inside [ ], separated by commas."
)
MSG_EXPECTED_FIELD_NAME = N_(
    "Expected a field name in double quotes, but found {got}. Name the field with text."
)
MSG_EMPTY_FIELD_NAME = N_("An answer has an empty name. Give it the question's id, or remove it.")
MSG_NOT_ALLOWED = N_("{got} is not allowed here. Use one of: {allowed}.")
MSG_CONTROL_CHARACTER = N_(
    "The text contains the invisible control character {char} at position {position}. "
    "Remove it (it usually comes from copying text out of another program)."
)
MSG_BROKEN_CHARACTER = N_(
    "The text contains a broken character ({char}) at position {position}. Retype that part of the text."
)
MSG_TOO_LONG = N_(
    "The text is {length} characters long; the limit here is {limit}. "
    "Shorten it, or put the full account in an attached document and refer to it."
)

MSG_TOO_MANY_ITEMS = N_("The list has {count} items; the limit here is {limit}. Keep the most important ones.")
MSG_LIST_TOO_LONG = N_(
    "The items here are {length} characters long together; the limit is {limit}. Shorten them."
)
MSG_TOO_MANY_ANSWERS = N_("There are {count} answers; a case has at most {limit}. Remove the ones not asked.")

MSG_SAVE_NO_FOLDER = N_("The folder {folder} does not exist. Choose an existing folder to save the case in.")
MSG_SAVE_NOT_A_FOLDER = N_("{folder} is a file, not a folder. Choose a folder to save the case in.")
MSG_SAVE_NO_PERMISSION = N_(
    "kzcomplaint may not write to the folder {folder}. Choose another folder, for example your Documents."
)
MSG_SAVE_IS_DIRECTORY = N_("{file} is a folder. Choose a file name ending in .json.")
MSG_SAVE_NOT_A_FILE = N_("{file} is not an ordinary file. Choose a file name ending in .json.")
MSG_SAVE_FAILED = N_(
    "The case could not be saved to {file} ({reason}). The previous file, if there was one, is unchanged. "
    "Free some disk space or choose another folder, and save again."
)
MSG_SAVE_BAD_TEXT = N_(
    "The case contains a broken character ({char}) and cannot be saved. Retype the text you pasted last."
)


def _english(message: Message) -> str:
    # msgids are English, so filling them in gives the English text without
    # loading a catalogue (str() of an error must never fail).
    return message.msgid.format(**message.params)


# --- errors ----------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class LoadProblem:
    """One reason a case file cannot be used.

    Attributes:
        path: the field, dotted (``complainant.iin``, ``evidence.2.description``),
            or ``""`` for the file as a whole.
        message: what is wrong and what to do; its ``field`` parameter repeats ``path``.
    """

    path: str
    message: Message

    def __str__(self) -> str:
        return f"{self.path or '(whole file)'}: {_english(self.message)}"


class CaseFileError(Exception):
    """A case file that cannot be loaded, with every problem found in it.

    Attributes:
        source: the file (or other origin) the data came from.
        problems: all problems, in the order of the format's fields.
    """

    def __init__(self, source: str, problems: list[LoadProblem]) -> None:
        """Keep the source and its problems (at least one)."""
        self.source = source
        self.problems = list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems)
        lines = [f"{self.source}: the case file cannot be used ({count} problem{'s' if count != 1 else ''}):"]
        lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)


class CaseSaveError(Exception):
    """A case that could not be saved; the previous file, if any, is intact.

    Attributes:
        path: the file that was to be written.
        message: what went wrong and what to do.
    """

    def __init__(self, path: str, message: Message) -> None:
        """Keep the target path and the message."""
        self.path = path
        self.message = message
        super().__init__(_english(message))


# --- field specifications -------------------------------------------------------------
# One table per section says what each field holds; the reader below is
# driven by them, and a test checks they name exactly the model's fields.


@dataclasses.dataclass(frozen=True)
class _Text:
    limit: int = MAX_SHORT_TEXT_CHARS
    numbers: bool = False  # a JSON number is accepted and kept as its digits


@dataclasses.dataclass(frozen=True)
class _Date:
    pass


@dataclasses.dataclass(frozen=True)
class _Time:
    pass


@dataclasses.dataclass(frozen=True)
class _Choice:
    allowed: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class _OptionalText:
    """Text where an absent value is ``None`` rather than ``""`` (evidence file)."""

    limit: int = MAX_SHORT_TEXT_CHARS


@dataclasses.dataclass(frozen=True)
class _TextList:
    limit: int
    total: int | None = None


@dataclasses.dataclass(frozen=True)
class _Details:
    pass


@dataclasses.dataclass(frozen=True)
class _Section:
    cls: type[Any]
    fields: Mapping[str, _FieldSpec]
    nullable: bool = False


@dataclasses.dataclass(frozen=True)
class _SectionList:
    section: _Section
    most: int


@dataclasses.dataclass(frozen=True)
class _ByLanguage:
    """A table keyed by document language (kk, ru, en), each value read with ``value``."""

    value: _FieldSpec


_FieldSpec = (
    _Text | _Date | _Time | _Choice | _OptionalText | _TextList | _Details | _Section | _SectionList | _ByLanguage
)


def _choices(enum_type: Any) -> _Choice:
    return _Choice(tuple(member.value for member in enum_type))


_TEXT = _Text()
_LONG_TEXT = _Text(limit=limits.text_limit("facts"))

_ELECTION_FIELDS: dict[str, _FieldSpec] = {"kind": _choices(ElectionKind), "voting_day": _Date()}
_PERSON_FIELDS: dict[str, _FieldSpec] = {
    "full_name": _TEXT,
    "iin": _TEXT,
    "birth_date": _Date(),
    "birth_place": _TEXT,
    "address": _TEXT,
    "phone": _TEXT,
    "email": _TEXT,
    "role": _choices(Role),
    "organization": _TEXT,
    "power_of_attorney": _TEXT,
}
_BODY_FIELDS: dict[str, _FieldSpec] = {
    "level": _choices(Level),
    "name": _TEXT,
    "number": _Text(numbers=True),
    "address": _TEXT,
    "phone": _TEXT,
    "email": _TEXT,
    "bin": _TEXT,
}
_CONTESTED_FIELDS: dict[str, _FieldSpec] = {
    "type": _choices(ContestedType),
    "date": _Date(),
    "time": _Time(),
    "place": _TEXT,
    "decision_number": _Text(numbers=True),
    "published_in": _TEXT,
    "published_on": _Date(),
    "received_on": _Date(),
}
_EVIDENCE_FIELDS: dict[str, _FieldSpec] = {
    "description": _Text(limit=limits.text_limit("evidence.description")),
    "file": _OptionalText(limit=limits.text_limit("evidence.file")),
    "medium": _Choice(("", *(medium.value for medium in Medium))),
    # The description in other languages: each with the description's limit.
    "translations": _ByLanguage(_Text(limit=limits.text_limit("evidence.0.translations.kk"))),
}
_REQUESTS = _TextList(limits.text_limit("requests.0"), limits.list_total_limit("requests"))
_ATTACHMENTS = _TextList(limits.text_limit("attachments.0"), limits.list_total_limit("attachments"))
# The user's texts in another language: the same limits as the case's own.
_CASE_TEXT_FIELDS: dict[str, _FieldSpec] = {
    "facts": _LONG_TEXT,
    "details": _Details(),
    "requests": _REQUESTS,
    "attachments": _ATTACHMENTS,
}
_FILING_FIELDS: dict[str, _FieldSpec] = {
    "date": _Date(),
    "time": _Time(),
    "place": _TEXT,
    "number": _Text(numbers=True),
    "accepted_by": _TEXT,
    "position": _TEXT,
    "how": _choices(FilingMethod),
}
_WITNESS_FIELDS: dict[str, _FieldSpec] = {"full_name": _TEXT, "contact": _TEXT}
_REFUSAL_FIELDS: dict[str, _FieldSpec] = {
    "date": _Date(),
    "time": _Time(),
    "place": _TEXT,
    "refused_by": _TEXT,
    "position": _TEXT,
    "how": _choices(FilingMethod),
    "grounds": _Text(limit=limits.text_limit("refusals.0.grounds")),
    "witnesses": _SectionList(_Section(Witness, _WITNESS_FIELDS), limits.MAX_WITNESSES),
}
_ANSWER_FIELDS: dict[str, _FieldSpec] = {"outcome": _choices(Outcome), "date": _Date(), "number": _Text(numbers=True)}
# What happened to a document after it was written: the same tables serve the
# case and each earlier step of its chain.
_AFTER_FILING: dict[str, _FieldSpec] = {
    "filings": _SectionList(_Section(Filing, _FILING_FIELDS), limits.MAX_FILINGS),
    "refusals": _SectionList(_Section(Refusal, _REFUSAL_FIELDS), limits.MAX_REFUSALS),
    "answer": _Section(Answer, _ANSWER_FIELDS, nullable=True),
}
_STEP_FIELDS: dict[str, _FieldSpec] = {
    "template": _TEXT,
    "respondent": _Section(Body, _BODY_FIELDS),
    "addressee": _Section(Body, _BODY_FIELDS),
    "contested": _Section(Contested, _CONTESTED_FIELDS),
    "filing_date": _Date(),
    **_AFTER_FILING,
    "review_rule": _TEXT,
    "review_last_day": _Date(),
    "end": _choices(StepEnd),
}
_EXERCISE_FIELDS: dict[str, _FieldSpec] = {
    "scenario": _TEXT,
    "pack": _TEXT,
    "participant": _TEXT,
    "language": _Choice(LANGUAGES),
    "today": _Date(),
    "answers": _Details(),
}
_CASE_FIELDS: dict[str, _FieldSpec] = {
    "template": _TEXT,
    "language": _Choice(LANGUAGES),
    "election": _Section(Election, _ELECTION_FIELDS),
    "complainant": _Section(Person, _PERSON_FIELDS),
    "representative": _Section(Person, _PERSON_FIELDS, nullable=True),
    "respondent": _Section(Body, _BODY_FIELDS),
    "addressee": _Section(Body, _BODY_FIELDS),
    "contested": _Section(Contested, _CONTESTED_FIELDS),
    "facts": _LONG_TEXT,
    "details": _Details(),
    "requests": _REQUESTS,
    "evidence": _SectionList(_Section(Evidence, _EVIDENCE_FIELDS), limits.MAX_EVIDENCE_ITEMS),
    "attachments": _ATTACHMENTS,
    "filing_date": _Date(),
    "translations": _ByLanguage(_Section(CaseText, _CASE_TEXT_FIELDS)),
    "exercise": _Section(Exercise, _EXERCISE_FIELDS, nullable=True),
    **_AFTER_FILING,
    "history": _SectionList(_Section(Step, _STEP_FIELDS), limits.MAX_HISTORY_STEPS),
}
_CASE_SECTION = _Section(Case, _CASE_FIELDS)

# --- migration -----------------------------------------------------------------------


def _identity(data: Mapping[str, Any]) -> Mapping[str, Any]:
    return data


def _from_1(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """Format 1 had nothing about what happened after filing: no filings, refusals, answer or earlier steps.

    Its every field means the same in format 2, so the data is read as it is
    (the same object: keys written twice are still reported) and the new
    fields take their empty values; the file is written as format 2 when saved.
    """
    return data


MIGRATIONS: dict[str, Callable[[Mapping[str, Any]], Mapping[str, Any]]] = {
    "kzcomplaint/1": _from_1,
    FORMAT: _identity,
}
"""Format identifier → function turning such data into the current format."""

# --- reading ---------------------------------------------------------------------------


class _JsonObject(dict[str, Any]):
    """A JSON object that remembers the keys written more than once."""

    duplicates: list[str]


def _object_pairs(pairs: list[tuple[str, Any]]) -> _JsonObject:
    result = _JsonObject()
    result.duplicates = []
    for key, value in pairs:
        if key in result and key not in result.duplicates:
            result.duplicates.append(key)
        result[key] = value
    return result


class _ConstantError(ValueError):
    def __init__(self, constant: str) -> None:
        super().__init__(constant)
        self.constant = constant


def _reject_constant(constant: str) -> Any:
    raise _ConstantError(constant)


def _shown(value: object) -> str:
    """A short, language-neutral picture of a JSON value for messages (control and broken characters escaped)."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = repr(value)
    text = text if len(text) <= 40 else text[:39] + "…"
    return _UNPRINTABLE_KEY.sub(lambda match: repr(match.group())[1:-1], text)


_CONTROL = limits.CONTROL_CHARACTERS
_SURROGATE = limits.BROKEN_CHARACTERS
_UNPRINTABLE_KEY = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _key_path(key: str) -> str:
    """A field name as it may appear in a problem's path: control characters escaped.

    The path is printed as it is; a key holding ``\\x1b[2J`` would clear
    the terminal of whoever checks the file.
    """
    return _UNPRINTABLE_KEY.sub(lambda match: repr(match.group())[1:-1], key)


class _Reader:
    """Turns parsed JSON into model objects, collecting every problem on the way."""

    def __init__(self, *, salvage: bool = False) -> None:
        self.problems: list[LoadProblem] = []
        self.salvage = salvage
        """Keep what can be kept: text cleaned and shortened to its limit (the problem is still reported)."""

    def problem(self, path: str, msgid: str, **params: object) -> None:
        self.problems.append(LoadProblem(path, Message(msgid, field=path, **params)))

    def text_content(self, value: str, path: str, limit: int) -> str:
        for pattern, msgid in ((_CONTROL, MSG_CONTROL_CHARACTER), (_SURROGATE, MSG_BROKEN_CHARACTER)):
            match = pattern.search(value)
            if match:
                self.problem(path, msgid, char=f"U+{ord(match.group()):04X}", position=match.start() + 1)
        if len(value) > limit:
            self.problem(path, MSG_TOO_LONG, length=len(value), limit=limit)
        if self.salvage:
            value = limits.clean_text(value)[0][:limit]
        return value

    def read(self, spec: _FieldSpec, value: Any, path: str) -> Any:
        if isinstance(spec, _Text):
            if value is None:
                return ""
            if spec.numbers and isinstance(value, int) and not isinstance(value, bool):
                return str(value)
            if not isinstance(value, str):
                self.problem(path, MSG_EXPECTED_TEXT, got=_shown(value))
                return ""
            return self.text_content(value, path, spec.limit)
        if isinstance(spec, _OptionalText):
            if value is None or value == "":
                return None
            if not isinstance(value, str):
                self.problem(path, MSG_EXPECTED_TEXT, got=_shown(value))
                return None
            return self.text_content(value, path, spec.limit)
        if isinstance(spec, _Date):
            return self.read_date(value, path)
        if isinstance(spec, _Time):
            return self.read_time(value, path)
        if isinstance(spec, _Choice):
            if isinstance(value, str) and value in spec.allowed:
                return value
            self.problem(path, MSG_NOT_ALLOWED, got=_shown(value), allowed=", ".join(spec.allowed))
            return None
        if isinstance(spec, _TextList):
            items: list[str] = self.read_list(
                value, path, lambda item, where: self.read_list_text(item, where, spec.limit)
            )
            # One per line in their box: the box's limit counts the line breaks too.
            length = sum(len(item) + 1 for item in items) - 1
            if spec.total is not None and length > spec.total:
                self.problem(path, MSG_LIST_TOO_LONG, length=length, limit=spec.total)
                if self.salvage:
                    while items and sum(len(item) + 1 for item in items) - 1 > spec.total:
                        items.pop()
            return items
        if isinstance(spec, _SectionList):
            sections = self.read_list(value, path, lambda item, where: self.read(spec.section, item, where))
            if len(sections) > spec.most:
                self.problem(path, MSG_TOO_MANY_ITEMS, count=len(sections), limit=spec.most)
                sections = sections[: spec.most] if self.salvage else sections
            return sections
        if isinstance(spec, _Details):
            return self.read_details(value, path)
        if isinstance(spec, _ByLanguage):
            return self.read_by_language(spec, value, path)
        if isinstance(spec, _Section):
            return self.read_section(spec, value, path)
        raise TypeError(f"unknown field specification {spec!r}")  # a bug in the tables above

    def read_list_text(self, value: Any, path: str, limit: int) -> str:
        # Unlike a field, a list item of null is no value at all: it would
        # print as an empty numbered request or attachment.
        if not isinstance(value, str):
            self.problem(path, MSG_EXPECTED_TEXT, got=_shown(value))
            return ""
        return self.text_content(value, path, limit)

    def read_date(self, value: Any, path: str) -> dt.date | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if not isinstance(value, str):
            self.problem(path, MSG_EXPECTED_DATE, got=_shown(value))
            return None
        try:
            return dates.parse_date(value)
        except dates.DateError as error:
            self.problems.append(
                LoadProblem(path, Message(error.message.msgid, field=path, **error.message.params))
            )
            return None

    def read_time(self, value: Any, path: str) -> str:
        text = self.read(_Text(limit=limits.text_limit(path)), value, path)
        if not text.strip():
            return ""
        # Normalise what reads as a time (14.30 → 14:30); anything else
        # ("около 14 часов") is the user's words, kept for the checker to judge.
        # A time of the form that does not exist (25:99) would go into the
        # document as a fact, so it is reported like an impossible date.
        try:
            return dates.parse_time(text)
        except dates.DateError as error:
            if error.code == "impossible":
                self.problems.append(
                    LoadProblem(path, Message(error.message.msgid, field=path, **error.message.params))
                )
                if self.salvage:
                    return ""
            return str(text)

    def read_list(self, value: Any, path: str, read_item: Callable[[Any, str], Any]) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(path, MSG_EXPECTED_LIST, got=_shown(value))
            return []
        return [read_item(item, f"{path}.{index}") for index, item in enumerate(value)]

    def check_keys(self, value: Mapping[Any, Any], path: str, allowed: list[str] | None) -> None:
        """Report duplicate keys, and unknown ones when ``allowed`` is given."""
        prefix = f"{path}." if path else ""
        for key in getattr(value, "duplicates", ()):
            self.problem(f"{prefix}{_key_path(key)}", MSG_DUPLICATE_FIELD, name=key)
        if allowed is None:
            return
        for key in value:
            if key in allowed:
                continue
            name = str(key)
            suggestion = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
            where = f"{prefix}{_key_path(name)}"
            if suggestion:
                self.problem(where, MSG_UNKNOWN_FIELD_SUGGEST, name=name, suggestion=suggestion[0])
            else:
                self.problem(where, MSG_UNKNOWN_FIELD, name=name, allowed=", ".join(allowed))

    def read_section(self, spec: _Section, value: Any, path: str, extra_keys: tuple[str, ...] = ()) -> Any:
        if value is None and spec.nullable:
            return None
        if not isinstance(value, Mapping):
            self.problem(
                path,
                MSG_EXPECTED_SECTION_OR_NULL if spec.nullable else MSG_EXPECTED_SECTION,
                got=_shown(value),
            )
            return None if spec.nullable else spec.cls()
        self.check_keys(value, path, [*extra_keys, *spec.fields])
        prefix = f"{path}." if path else ""
        values = {}
        for name, field_spec in spec.fields.items():
            if name in value:
                result = self.read(field_spec, value[name], prefix + name)
                # A value not among the choices leaves the model's default
                # (the problem is reported); None is a real value elsewhere.
                if result is not None or not isinstance(field_spec, _Choice):
                    values[name] = result
        return spec.cls(**values)

    def read_by_language(self, spec: _ByLanguage, value: Any, path: str) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            self.problem(path, MSG_EXPECTED_SECTION, got=_shown(value))
            return {}
        self.check_keys(value, path, list(LANGUAGES))
        return {
            language: self.read(spec.value, value[language], f"{path}.{language}")
            for language in LANGUAGES
            if language in value
        }

    def read_details(self, value: Any, path: str) -> dict[str, str]:
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            self.problem(path, MSG_EXPECTED_SECTION, got=_shown(value))
            return {}
        self.check_keys(value, path, None)
        if len(value) > limits.MAX_DETAILS:
            self.problem(path, MSG_TOO_MANY_ANSWERS, count=len(value), limit=limits.MAX_DETAILS)
        details: dict[str, str] = {}
        for key, answer in value.items():
            where = f"{path}.{_key_path(key) if isinstance(key, str) else key}"
            if not isinstance(key, str):
                self.problem(where, MSG_EXPECTED_FIELD_NAME, got=_shown(key))
                continue
            if not key.strip():
                self.problem(where, MSG_EMPTY_FIELD_NAME)
                continue
            key = self.text_content(key, where, MAX_SHORT_TEXT_CHARS)
            if self.salvage and len(details) >= limits.MAX_DETAILS:
                break
            if answer is None:
                details[key] = ""
            elif isinstance(answer, int | float) and not isinstance(answer, bool) and math.isfinite(answer):
                details[key] = str(answer)  # 1e400 is read as infinity: not an answer
            elif isinstance(answer, str):
                details[key] = self.text_content(answer, where, MAX_TEXT_CHARS)
            else:
                self.problem(where, MSG_EXPECTED_TEXT_OR_NUMBER, got=_shown(answer))
        return details


def _migrate(data: Mapping[str, Any], reader: _Reader) -> Mapping[str, Any] | None:
    """Bring ``data`` to the current format, or return None when it cannot be read at all."""
    if "format" not in data:
        # Probably hand-written; read it as the current format so that every
        # other problem is reported together with this one.
        reader.problem("format", MSG_FORMAT_MISSING, supported=FORMAT)
        return data
    found = data["format"]
    migration = MIGRATIONS.get(found) if isinstance(found, str) else None
    if migration is not None:
        return migration(data)
    match = _FORMAT_PATTERN.fullmatch(found) if isinstance(found, str) else None
    if match and int(match[1]) > _CURRENT_VERSION:
        reader.problem("format", MSG_FORMAT_NEWER, found=found, supported=FORMAT)
    else:
        reader.problem("format", MSG_FORMAT_UNKNOWN, found=_shown(found), supported=FORMAT)
    return None


def parse_case(data: object, source: str) -> Case:
    """Build a :class:`Case` from parsed JSON, checking every field.

    Args:
        data: the parsed file (normally a dict).
        source: where it came from, for :attr:`CaseFileError.source`.

    Returns:
        The case, dates normalised.

    Raises:
        CaseFileError: listing every problem found.
    """
    reader = _Reader()
    if not isinstance(data, Mapping):
        reader.problem("", MSG_NOT_A_CASE, got=_shown(data))
        raise CaseFileError(source, reader.problems)
    current = _migrate(data, reader)
    if current is None:
        raise CaseFileError(source, reader.problems)
    case = reader.read_section(_CASE_SECTION, current, "", extra_keys=("format",))
    if reader.problems:
        raise CaseFileError(source, reader.problems)
    return case  # type: ignore[no-any-return]  # read_section builds spec.cls, here Case


@dataclasses.dataclass(frozen=True)
class SalvagedCase:
    """What could be read of a case file the loader refuses.

    Attributes:
        case: every field that could be read; a field that could not keeps its
            default, a text with control characters is cleaned and an
            over-long one shortened to its limit.
        problems: what was left out or changed, as the loader reports it.
        readable: False when nothing at all could be read (not JSON, not UTF-8,
            not a file); ``case`` is then empty.
    """

    case: Case
    problems: list[LoadProblem]
    readable: bool


def salvage_case_data(data: object, source: str) -> SalvagedCase:
    """Read what can be read of parsed case data, never raising for its content (see :class:`SalvagedCase`)."""
    reader = _Reader(salvage=True)
    if not isinstance(data, Mapping):
        reader.problem("", MSG_NOT_A_CASE, got=_shown(data))
        return SalvagedCase(Case(), reader.problems, readable=False)
    current = _migrate(data, reader)
    # A newer or unknown format is still read as the current one: whatever
    # has the same name and meaning is kept, the rest is listed.
    case = reader.read_section(_CASE_SECTION, data if current is None else current, "", extra_keys=("format",))
    return SalvagedCase(case, reader.problems, readable=True)


def salvage_case_bytes(raw: bytes, source: str) -> SalvagedCase:
    """Decode and read what can be read of the bytes of a case file (see :func:`salvage_case`)."""
    try:
        return SalvagedCase(loads_case(raw, source), [], readable=True)
    except CaseFileError as error:
        if any(problem.path for problem in error.problems):
            data = read_json(raw, source)
            return salvage_case_data(data, source)
        return SalvagedCase(Case(), error.problems, readable=False)


def salvage_case(path: str | os.PathLike[str]) -> SalvagedCase:
    """Everything that can be read of a case file, and a list of what cannot; never raises.

    A draft or case file the loader refuses is not lost: the caller keeps the
    file as it is and shows the user this case together with the list.
    """
    source = os.fspath(path)
    try:
        raw = _read_bytes(source)
    except CaseFileError as error:
        return SalvagedCase(Case(), error.problems, readable=False)
    return salvage_case_bytes(raw, source)


def _problem(source: str, msgid: str, **params: object) -> CaseFileError:
    return CaseFileError(source, [LoadProblem("", Message(msgid, field="", **params))])


def _read_bytes(path: str) -> bytes:
    """Read the whole file, refusing folders, devices and oversized files."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise _problem(path, MSG_NOT_FOUND, file=path) from None
    except (OSError, ValueError) as error:  # ValueError: a NUL in the name
        raise _problem(
            path, MSG_UNREADABLE, file=path, reason=getattr(error, "strerror", None) or str(error)
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise _problem(path, MSG_IS_DIRECTORY, file=path)
    if not stat.S_ISREG(info.st_mode):
        # Opening a FIFO would block; a device could be endless.
        raise _problem(path, MSG_NOT_A_FILE, file=path)
    if info.st_size > MAX_FILE_BYTES:
        raise _problem(path, MSG_TOO_LARGE, size=info.st_size, limit=MAX_FILE_BYTES)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except IsADirectoryError:
        raise _problem(path, MSG_IS_DIRECTORY, file=path) from None
    except OSError as error:
        raise _problem(path, MSG_UNREADABLE, file=path, reason=error.strerror or str(error)) from None
    if len(raw) > MAX_FILE_BYTES:  # the file grew after stat()
        raise _problem(path, MSG_TOO_LARGE, size=len(raw), limit=MAX_FILE_BYTES)
    return raw


def loads_case(raw: bytes, source: str) -> Case:
    """Decode, parse and check the bytes of a case file (see :func:`load_case`)."""
    return parse_case(read_json(raw, source), source)


def read_json(raw: bytes, source: str) -> Any:
    """The JSON data of a case file's (or an autosave's) bytes, with the case file's limits.

    Raises:
        CaseFileError: not UTF-8, not JSON, a constant such as NaN, nested too deep.
    """
    try:
        # utf-8-sig: Windows Notepad puts a byte-order mark in front of UTF-8.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise _problem(source, MSG_NOT_UTF8, position=error.start, line=line) from None
    try:
        data = json.loads(text, object_pairs_hook=_object_pairs, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        reason = json_reason(error.msg)  # json's English, in the user's language
        raise _problem(source, MSG_BAD_JSON, error=reason, line=error.lineno, column=error.colno) from None
    except _ConstantError as error:
        raise _problem(source, MSG_BAD_CONSTANT, value=error.constant) from None
    except RecursionError:
        raise _problem(source, MSG_TOO_DEEP) from None
    except ValueError as error:  # e.g. an integer longer than Python converts
        raise _problem(source, MSG_BAD_JSON_VALUE, error=str(error).split(";")[0]) from None
    if _depth_exceeds(data, limits.MAX_JSON_DEPTH):
        # Python's parser goes deeper than the code that reports a problem could
        # follow (a RecursionError naming the value): refused here, at once.
        raise _problem(source, MSG_TOO_DEEP)
    return data


def _depth_exceeds(data: Any, limit: int) -> bool:
    """Whether ``data`` nests lists and objects more than ``limit`` deep (walked without recursion)."""
    pending: list[tuple[Any, int]] = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, dict | list):
            if depth > limit:
                return True
            children = value.values() if isinstance(value, dict) else value
            pending.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def load_case(path: str | os.PathLike[str]) -> Case:
    """Load a case file.

    Args:
        path: the ``.json`` file.

    Returns:
        The case, with dates normalised.

    Raises:
        CaseFileError: when the file is missing, unreadable, too large, not
            UTF-8 JSON, of an unknown or newer format, or has bad fields —
            every problem listed.
    """
    source = os.fspath(path)
    return loads_case(_read_bytes(source), source)


# --- writing --------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


def case_to_dict(case: Case) -> dict[str, Any]:
    """The case as plain JSON data: ISO dates, ``None`` for unknown dates, every field present.

    ``format`` comes first and is always the current format. ``exercise`` is
    written only for a workshop draft, so a real case's file is the same as
    before exercises existed (and opens in a version that does not know them).
    """
    data: dict[str, Any] = {"format": FORMAT}
    for name in _CASE_FIELDS:
        if name == "exercise" and case.exercise is None:
            continue
        data[name] = _plain(getattr(case, name))
    return data


def dumps_case(case: Case) -> str:
    """The case as the text of a case file (UTF-8 JSON, indented, non-ASCII kept readable)."""
    return json.dumps(case_to_dict(case), ensure_ascii=False, indent=2) + "\n"


def _save_error(target: Path, error: OSError) -> CaseSaveError:
    folder = str(target.parent)
    if isinstance(error, FileNotFoundError):
        return CaseSaveError(str(target), Message(MSG_SAVE_NO_FOLDER, folder=folder))
    if isinstance(error, NotADirectoryError):
        return CaseSaveError(str(target), Message(MSG_SAVE_NOT_A_FOLDER, folder=folder))
    if isinstance(error, PermissionError):
        return CaseSaveError(str(target), Message(MSG_SAVE_NO_PERMISSION, folder=folder))
    reason = error.strerror or str(error)
    return CaseSaveError(str(target), Message(MSG_SAVE_FAILED, file=str(target), reason=reason))


def save_case(case: Case, path: str | os.PathLike[str]) -> None:
    """Write the case to ``path`` atomically, readable only by its owner (mode 0600).

    The text goes to a temporary file in the same folder, is flushed to disk,
    and then replaces ``path`` in one step; on any failure the temporary file
    is removed and the previous ``path`` is left as it was.

    Raises:
        CaseSaveError: when the folder is missing, not a folder, not
            writable, the disk is full, or ``path`` is a folder.
    """
    target = Path(path)
    if "\0" in str(target):  # no file system allows it; os calls raise ValueError
        raise CaseSaveError(str(target), Message(MSG_SAVE_FAILED, file=str(target), reason="NUL"))
    try:
        if target.is_symlink():
            # Replace the file the link points to, not the link.
            target = target.resolve()
        is_dir = target.is_dir()
        is_other = target.exists() and not is_dir and not target.is_file()
    except OSError as error:  # a name too long
        raise _save_error(target, error) from None
    except RuntimeError as error:  # Path.resolve() on a loop of links (Python < 3.13)
        raise CaseSaveError(str(target), Message(MSG_SAVE_FAILED, file=str(target), reason=str(error))) from None
    try:
        payload = dumps_case(case).encode("utf-8")
    except UnicodeEncodeError as error:
        char = f"U+{ord(error.object[error.start]):04X}"
        raise CaseSaveError(str(target), Message(MSG_SAVE_BAD_TEXT, char=char)) from None
    if is_dir:
        raise CaseSaveError(str(target), Message(MSG_SAVE_IS_DIRECTORY, file=str(target)))
    if is_other:
        # os.replace would put the case in place of a device or a pipe.
        raise CaseSaveError(str(target), Message(MSG_SAVE_NOT_A_FILE, file=str(target)))
    try:
        atomic.write_private_file(target, payload, make_folders=False)
    except OSError as error:
        raise _save_error(target, error) from None
