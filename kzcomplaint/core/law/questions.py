"""What each document kind asks the user: its questions, their answer types and which are required.

The questions of a kind are written in its template file
(``templates/<kind>.toml``, ``[[questions]]``) beside the text that prints the
answers. They are read here, apart from the document text, because the
checker requires the required ones (``detail_answers``) and the checker must
not depend on how documents are built; :mod:`kzcomplaint.core.documents.templates`
reads them through :func:`parse_questions` too, so both see the same
questions.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Mapping
from typing import Any

from kzcomplaint.core.files import resources
from kzcomplaint.core.law import ruledata

QUESTION_TYPES = ("text", "multiline", "number", "date", "time", "choice", "yesno")
"""The kinds of answer a question takes (``templates/README.md`` describes each)."""

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_QUESTION_KEYS = frozenset({"id", "type", "required", "label", "hint", "options"})
_OPTION_KEYS = frozenset({"id", "label"})


@dataclasses.dataclass(frozen=True)
class Option:
    """One choice of a ``choice`` question."""

    id: str
    label: Mapping[str, str]


@dataclasses.dataclass(frozen=True)
class Question:
    """A question specific to the kind; its answer is ``case.details[id]``."""

    id: str
    type: str
    required: bool
    label: Mapping[str, str]
    hint: Mapping[str, str] | None = None
    options: tuple[Option, ...] = ()

    def as_json(self) -> dict[str, object]:
        """Machine-readable form (``kzcomplaint templates --json``)."""
        return {
            "id": self.id,
            "type": self.type,
            "required": self.required,
            "label": dict(self.label),
            "hint": dict(self.hint) if self.hint else None,
            "options": [{"id": option.id, "label": dict(option.label)} for option in self.options],
        }


def parse_question(raw: object, where: str) -> Question:
    """Validate one ``[[questions]]`` table; ``where`` names the file and the entry in errors."""
    if not isinstance(raw, Mapping):
        raise ruledata.fail(where, "expected a table")
    ruledata.check_keys(raw, _QUESTION_KEYS, _QUESTION_KEYS - {"id", "type", "label"}, where)
    question_id = raw["id"]
    if not isinstance(question_id, str) or not re.fullmatch(r"[a-z_]+", question_id):
        raise ruledata.fail(f"{where}.id", f"{question_id!r} is not an id of the form [a-z_]+")
    kind = raw["type"]
    if kind not in QUESTION_TYPES:
        raise ruledata.fail(f"{where}.type", f"{kind!r} is not one of {', '.join(QUESTION_TYPES)}")
    required = raw.get("required", False)
    if not isinstance(required, bool):
        raise ruledata.fail(f"{where}.required", "expected true or false")
    hint = ruledata.localized(raw["hint"], f"{where}.hint") if "hint" in raw else None
    options: list[Option] = []
    if kind == "choice":
        raw_options = raw.get("options")
        if not isinstance(raw_options, list) or not raw_options:
            raise ruledata.fail(f"{where}.options", "a choice question needs a list of options")
        for index, option in enumerate(raw_options):
            at = f"{where}.options[{index}]"
            if not isinstance(option, Mapping):
                raise ruledata.fail(at, "expected a table with id and label")
            ruledata.check_keys(option, _OPTION_KEYS, frozenset(), at)
            if not isinstance(option["id"], str) or not _ID.match(option["id"]):
                raise ruledata.fail(f"{at}.id", f"{option['id']!r} is not an id")
            options.append(Option(option["id"], ruledata.localized(option["label"], f"{at}.label")))
        ids = [o.id for o in options]
        if len(set(ids)) != len(ids):
            raise ruledata.fail(f"{where}.options", "option ids are not unique")
    elif "options" in raw:
        raise ruledata.fail(f"{where}.options", "only a choice question has options")
    return Question(
        id=question_id,
        type=kind,
        required=required,
        label=ruledata.localized(raw["label"], f"{where}.label"),
        hint=hint,
        options=tuple(options),
    )


def parse_questions(raw: object, where: str) -> tuple[Question, ...]:
    """Validate a template's ``[[questions]]`` list (ids unique); ``where`` names the file."""
    if not isinstance(raw, list):
        raise ruledata.fail(f"{where} questions", "expected [[questions]] tables")
    questions = tuple(parse_question(item, f"{where} questions[{index}]") for index, item in enumerate(raw))
    seen: set[str] = set()
    for index, question in enumerate(questions):
        if question.id in seen:
            raise ruledata.fail(f"{where} questions[{index}].id", f"duplicate question id {question.id!r}")
        seen.add(question.id)
    return questions


@functools.cache
def template_data(kind_id: str) -> Mapping[str, Any]:
    """``templates/<kind_id>.toml`` as read (empty when the kind has no template file), parsed once.

    The kind's questions, the sentences of its circumstances and the
    provisions it cites are all read from it: one parse serves them all.

    Raises:
        RuleFileError: the file is not valid TOML or cannot be read.
    """
    if not _ID.match(kind_id):
        return {}
    path = resources.templates_dir() / f"{kind_id}.toml"
    if not path.is_file():
        return {}
    return ruledata.load_path(path)


_DETAIL = re.compile(r"\bdetails\.([a-z_]+)")


@functools.cache
def facts_questions(kind_id: str) -> tuple[Question, ...]:
    """The questions of ``kind_id`` whose answers the kind's own sentences of the circumstances tell.

    With no facts text of the user's, the document states the facts in those
    sentences (:func:`kzcomplaint.core.documents.facts.draft_facts`); the
    checker asks for the required ones among them instead of a facts text. A
    sentence names its answers as ``details.<id>`` in its text or condition.
    """
    paragraphs = template_data(kind_id).get("paragraphs", [])
    named: set[str] = set()
    for paragraph in paragraphs if isinstance(paragraphs, list) else ():
        if isinstance(paragraph, Mapping) and paragraph.get("section") == "circumstances":
            for value in paragraph.values():
                if isinstance(value, str):
                    named.update(_DETAIL.findall(value))
    return tuple(question for question in kind_questions(kind_id) if question.id in named)


@functools.cache
def kind_questions(kind_id: str) -> tuple[Question, ...]:
    """The questions of document kind ``kind_id`` (none when the kind has no template file).

    Raises:
        RuleFileError: the template file is malformed.
    """
    return parse_questions(template_data(kind_id).get("questions", []), f"{kind_id}.toml")
