"""Document templates and the document frame: loading, validating, compiling.

A document kind is one TOML file ``templates/<id>.toml`` holding its Kazakh,
Russian and English wording side by side (format: ``templates/README.md``).
The texts every document shares — titles, header labels, headings, the
footer, the blank form's words — are ``templates/_frame.toml``; files whose
name starts with ``_`` are not document kinds.

Everything is validated on load and every mistake is reported with the file
and the key (``observer_removed.toml paragraphs[2].ru: …``), so a lawyer's
typo fails the test suite rather than a user's export. Placeholders are
Jinja2 expressions filled by a sandboxed engine (:func:`environment`); their
names are checked against the render context, the ``details.<id>`` names
against the template's questions, and the three languages of each text must
use the same placeholders.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import string
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.parser import Parser
from jinja2.runtime import new_context
from jinja2.sandbox import SandboxedEnvironment

from kzcomplaint.core.files import resources
from kzcomplaint.core.law import ruledata
from kzcomplaint.core.law.citations import Citation, parse_citation
from kzcomplaint.core.law.questions import Question, parse_questions, template_data
from kzcomplaint.core.text.languages import LANGUAGES

BLANK = "__________"
"""What an empty value prints as: a visible line, never nothing and never a guess."""

FRAME_FILE = "_frame.toml"

SECTIONS = ("circumstances", "legal", "closing")
DOCUMENT_TYPES = ("complaint", "act", "appeal", "claim", "application")

CONTEXT_NAMES = frozenset(
    {
        "complainant",
        "representative",
        "respondent",
        "addressee",
        "election",
        "voting_day",
        "contested",
        "contested_date",
        "published_on",
        "received_on",
        "filing_date",
        "details",
        "role",
        "precinct",
        "role_id",
        "days_to_voting",
    }
)
"""Names a template may use; ``templates/README.md`` documents each."""

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_VERSION = re.compile(r"^\d+\.\d+(\.\d+)?$")


class TemplateError(ruledata.RuleFileError):
    """A template file (or the frame) is malformed; the message names file and key."""


# ── The sandboxed engine ────────────────────────────────────────────────


class BlankUndefined(jinja2.ChainableUndefined):
    """An unknown or missing value: prints as the visible blank, is false in a condition."""

    __slots__ = ()

    def __str__(self) -> str:
        return BLANK


class Answer(str):
    """An answer to a question: compares as the stored value, prints as its label.

    A ``when`` condition reads ``details.police_involved == 'yes'`` while the
    document prints ``да`` / ``иә`` / ``yes``; a date answer compares as typed
    and prints in the legal form of the document's language.
    """

    __slots__ = ("label",)
    label: str

    def __new__(cls, value: str, label: str) -> Answer:
        """Keep ``value`` as the string and ``label`` as what is printed."""
        self = super().__new__(cls, value)
        self.label = label
        return self


def _finalize(value: object) -> object:
    """Turn every printed value into text; None and "" into the visible blank."""
    if isinstance(value, Answer):
        value = value.label
    if value is None or (isinstance(value, str) and not value):
        return BLANK
    return value


@functools.cache
def environment() -> SandboxedEnvironment:
    """The one Jinja2 environment for document texts.

    Sandboxed, no autoescaping (the output is not HTML; the docx writer
    escapes for XML), undefined values and empty values print as
    :data:`BLANK`. User text only ever enters as a value of the context, so
    ``{{ 7*7 }}`` typed by a user is printed as typed.
    """
    return SandboxedEnvironment(
        autoescape=False,
        undefined=BlankUndefined,
        finalize=_finalize,
        keep_trailing_newline=False,
        auto_reload=False,
    )


# ── Data classes ────────────────────────────────────────────────────────


@dataclasses.dataclass(frozen=True)
class Paragraph:
    """A paragraph of template text, printed in its section when ``when`` holds."""

    section: str
    text: Mapping[str, str]
    when: str = ""


@dataclasses.dataclass(frozen=True)
class Item:
    """A default request or attachment, listed when ``when`` holds (an answer supports it)."""

    text: Mapping[str, str]
    when: str = ""


@dataclasses.dataclass(frozen=True)
class Provision:
    """A provision the document rests on, with what it says in our words."""

    citation: Citation
    summary: Mapping[str, str]
    when: str = ""
    """Condition under which the provision is listed (e.g. only for an akimat respondent)."""


@dataclasses.dataclass(frozen=True)
class Template:
    """One document kind's texts, validated."""

    id: str
    version: str
    subtitle: Mapping[str, str]
    questions: tuple[Question, ...]
    paragraphs: tuple[Paragraph, ...]
    legal_basis: tuple[Provision, ...]
    requests: tuple[Item, ...]
    attachments: tuple[Item, ...]
    source: str = ""
    witness_signatures: str = ""
    """A multiline question whose lines are witnesses: each gets a signature line below the filer's."""

    def question(self, question_id: str) -> Question | None:
        """The question with this id, or None."""
        for question in self.questions:
            if question.id == question_id:
                return question
        return None

    @functools.cached_property
    def compiled(self) -> CompiledTemplate:
        """The template's texts compiled once (per process) for the sandboxed engine."""
        return CompiledTemplate(self)


def compile_condition(expression: str) -> jinja2.Template:
    """A ``when`` condition as a template that stores its value in ``result`` (read by :class:`TextRenderer`).

    The same tree :meth:`jinja2.Environment.compile_expression` builds, as a
    template, so that it runs in a document's one context like its texts.

    Raises:
        jinja2.TemplateSyntaxError: ``expression`` is not one expression.
    """
    env = environment()
    parser = Parser(env, expression, state="variable")
    value = parser.parse_expression()
    if not parser.stream.eos:
        raise jinja2.TemplateSyntaxError("chunk after expression", parser.stream.current.lineno, None, None)
    value.set_environment(env)
    return env.from_string(nodes.Template([nodes.Assign(nodes.Name("result", "store"), value, lineno=1)], lineno=1))


class CompiledTemplate:
    """Jinja templates of one document kind, compiled once per language."""

    def __init__(self, template: Template) -> None:
        """Compile every paragraph in every language and every ``when`` condition."""
        env = environment()
        self.subtitles = {lang: env.from_string(template.subtitle[lang]) for lang in LANGUAGES}
        self.paragraphs: dict[str, list[tuple[Paragraph, jinja2.Template]]] = {
            lang: [(p, env.from_string(p.text[lang])) for p in template.paragraphs] for lang in LANGUAGES
        }
        self.requests: dict[str, list[tuple[Item, jinja2.Template]]] = {
            lang: [(item, env.from_string(item.text[lang])) for item in template.requests] for lang in LANGUAGES
        }
        self.attachments: dict[str, list[tuple[Item, jinja2.Template]]] = {
            lang: [(item, env.from_string(item.text[lang])) for item in template.attachments] for lang in LANGUAGES
        }
        conditions = {p.when for p in template.paragraphs} | {p.when for p in template.legal_basis}
        conditions |= {item.when for item in (*template.requests, *template.attachments)}
        self.conditions: dict[str, jinja2.Template] = {when: compile_condition(when) for when in conditions if when}


class TextRenderer:
    """Renders the texts and conditions of one document in one Jinja context.

    ``jinja2.Template.render`` makes a new context (a copy of every value and
    the engine's globals) for each text; a document has some forty texts and
    conditions, all filled from the same values, so one context serves them
    all. What a text assigns (``{% set %}``) is cleared before the next text,
    so no text sees another's variables.
    """

    def __init__(self, values: Mapping[str, Any]) -> None:
        """One context over ``values`` and the engine's globals."""
        self._env = environment()
        self._context = new_context(self._env, None, {}, {**self._env.globals, **values}, shared=True)

    def _run(self, template: jinja2.Template) -> str:
        context = self._context
        context.vars.clear()
        context.exported_vars.clear()
        try:
            return "".join(template.root_render_func(context))
        except Exception:
            return self._env.handle_exception()

    def render(self, template: jinja2.Template) -> str:
        """The text ``template`` filled in."""
        return self._run(template)

    def evaluate(self, condition: jinja2.Template) -> Any:
        """The value of a condition from :func:`compile_condition`."""
        self._run(condition)
        return self._context.vars["result"]


@dataclasses.dataclass(frozen=True)
class Frame:
    """The texts every document shares (``templates/_frame.toml``)."""

    version: str
    texts: Mapping[str, Mapping[str, str]]
    """Dotted key (``labels.iin``) → ``{kk, ru, en}``."""

    def text(self, key: str, language: str) -> str:
        """The frame text ``key`` in ``language``; a missing key is a programming error."""
        return self.texts[key][language]

    def has(self, key: str) -> bool:
        """Whether the frame defines ``key``."""
        return key in self.texts


# ── Validation helpers ──────────────────────────────────────────────────


def _fail(where: str, problem: str) -> TemplateError:
    return TemplateError(f"{where}: {problem}")


def _check_keys(raw: Mapping[str, Any], allowed: set[str], required: set[str], where: str) -> None:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise _fail(where, f"unknown keys {unknown} (allowed: {sorted(allowed)})")
    missing = sorted(key for key in required if key not in raw)
    if missing:
        raise _fail(where, f"missing keys {missing}")


def _localized(raw: object, where: str) -> dict[str, str]:
    try:
        return ruledata.localized(raw, where)
    except ruledata.RuleFileError as error:
        raise TemplateError(str(error)) from None


def _localized_lists(raw: object, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, Mapping):
        raise _fail(where, f"expected a table with keys {', '.join(LANGUAGES)}")
    _check_keys(raw, set(LANGUAGES), set(LANGUAGES), where)
    result: dict[str, tuple[str, ...]] = {}
    for lang in LANGUAGES:
        items = raw[lang]
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
            raise _fail(f"{where}.{lang}", "expected a list of non-empty strings")
        result[lang] = tuple(items)
    lengths = {lang: len(result[lang]) for lang in LANGUAGES}
    if len(set(lengths.values())) > 1:
        raise _fail(where, f"the languages have different numbers of items {lengths}")
    return result


def _items(raw: object, where: str, seen: set[str]) -> tuple[Item, ...]:
    """Default requests or attachments: ``[[requests]]`` tables (kk, ru, en, optional when).

    The older form, one table of three lists, is read as items without conditions.
    """
    if isinstance(raw, Mapping):
        lists = _localized_lists(raw, where)
        raw = [{lang: lists[lang][index] for lang in LANGUAGES} for index in range(len(lists[LANGUAGES[0]]))]
    if not isinstance(raw, list):
        raise _fail(where, "expected [[tables]] with kk, ru, en and an optional when")
    items: list[Item] = []
    for index, entry in enumerate(raw):
        at = f"{where}[{index}]"
        if not isinstance(entry, Mapping):
            raise _fail(at, "expected a table")
        _check_keys(entry, {"when", *LANGUAGES}, set(LANGUAGES), at)
        when = _condition(entry, seen, at)
        text = _localized({lang: entry[lang] for lang in LANGUAGES}, at)
        _check_names(_same_placeholders(text, at), seen, at)
        items.append(Item(text=text, when=when))
    return tuple(items)


def placeholders(text: str, where: str = "") -> set[str]:
    """The dotted names a Jinja text uses (``details.removed_by``, ``complainant.full_name``)."""
    try:
        tree = environment().parse(text)
    except jinja2.TemplateSyntaxError as error:
        raise _fail(where, f"template syntax error: {error.message} (line {error.lineno})") from None
    return _names_in(tree)


def _names_in(tree: nodes.Node) -> set[str]:
    found: set[str] = set()
    inner: set[int] = set()
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        if id(node) in inner:
            continue
        parts: list[str] = []
        current: nodes.Node = node
        while isinstance(current, nodes.Getattr | nodes.Getitem):
            inner.add(id(current))
            if isinstance(current, nodes.Getattr):
                parts.append(current.attr)
            elif isinstance(current.arg, nodes.Const) and isinstance(current.arg.value, str):
                parts.append(current.arg.value)
            else:
                break
            current = current.node
        if isinstance(current, nodes.Name):
            inner.add(id(current))
            found.add(".".join([current.name, *reversed(parts)]))
    for name in tree.find_all(nodes.Name):
        if id(name) not in inner and name.ctx == "load":
            found.add(name.name)
    return found


@functools.lru_cache(maxsize=4096)
def names_in(text: str) -> frozenset[str]:
    """The heads of the names a text or condition uses (``details``, ``contested``, …)."""
    source = text if "{{" in text or "{%" in text else "{{ " + text + " }}"
    try:
        tree = environment().parse(source)
    except jinja2.TemplateSyntaxError:
        return frozenset()
    return frozenset(name.partition(".")[0] for name in _names_in(tree))


def _expression_names(expression: str, where: str) -> set[str]:
    try:
        tree = environment().parse("{{ " + expression + " }}")
    except jinja2.TemplateSyntaxError as error:
        raise _fail(where, f"condition syntax error: {error.message}") from None
    return _names_in(tree)


def _check_names(names: set[str], question_ids: set[str], where: str) -> None:
    for name in sorted(names):
        head, _, rest = name.partition(".")
        if head not in CONTEXT_NAMES:
            raise _fail(where, f"unknown placeholder {name!r} (known: {', '.join(sorted(CONTEXT_NAMES))})")
        if head == "details":
            detail = rest.partition(".")[0]
            if not detail:
                raise _fail(where, "use details.<question id>, not details alone")
            if detail not in question_ids:
                raise _fail(where, f"placeholder {name!r} names no question of this template")


def _same_placeholders(texts: Mapping[str, str], where: str) -> set[str]:
    found = {lang: placeholders(texts[lang], f"{where}.{lang}") for lang in LANGUAGES}
    reference = found[LANGUAGES[0]]
    for lang in LANGUAGES[1:]:
        if found[lang] != reference:
            missing = sorted(reference - found[lang])
            extra = sorted(found[lang] - reference)
            raise _fail(
                f"{where}.{lang}",
                f"placeholders differ from {LANGUAGES[0]}: missing {missing}, extra {extra}",
            )
    return reference


# ── Parsing a template ──────────────────────────────────────────────────


def _condition(raw: Mapping[str, Any], seen: set[str], at: str) -> str:
    """Validate an optional ``when`` condition: a string, known names, valid syntax."""
    when = raw.get("when", "")
    if not isinstance(when, str):
        raise _fail(f"{at}.when", "expected a condition as a string")
    if when:
        _check_names(_expression_names(when, f"{at}.when"), seen, f"{at}.when")
        try:
            compile_condition(when)
        except jinja2.TemplateSyntaxError as error:
            raise _fail(f"{at}.when", f"condition syntax error: {error.message}") from None
    return when


def _provision(raw: object, where: str, seen: set[str]) -> Provision:
    if not isinstance(raw, Mapping):
        raise _fail(where, "expected a table")
    if "summary" not in raw:
        raise _fail(where, "missing key 'summary'")
    if raw.get("confirmed", True) is True and "verified_as_of" not in raw:
        raise _fail(where, "a confirmed provision needs 'verified_as_of' (the date the text you read was in force)")
    when = _condition(raw, seen, where)
    fields = {key: value for key, value in raw.items() if key not in ("summary", "when")}
    for key in ("article", "part", "paragraph", "subparagraph", "section"):
        if key in fields and not isinstance(fields[key], str | int):
            raise _fail(f"{where}.{key}", "expected a string")
    try:
        citation = parse_citation(fields, where)
    except ruledata.RuleFileError as error:
        raise TemplateError(str(error)) from None
    return Provision(citation=citation, summary=_localized(raw["summary"], f"{where}.summary"), when=when)


def parse_template(data: Mapping[str, Any], source: str, *, expected_id: str | None = None) -> Template:
    """Validate a template's TOML data; ``source`` names the file in every error.

    Args:
        data: The parsed TOML document.
        source: The file name, for messages.
        expected_id: The id the file name implies, if any.

    Raises:
        TemplateError: On the first problem, naming file and key.
    """
    where = source
    allowed = {
        "id",
        "version",
        "subtitle",
        "questions",
        "paragraphs",
        "legal_basis",
        "requests",
        "attachments",
        "witness_signatures",
    }
    _check_keys(data, allowed, {"id", "version", "subtitle", "legal_basis", "requests"}, where)
    template_id = data["id"]
    if not isinstance(template_id, str) or not _ID.match(template_id):
        raise _fail(f"{where} id", f"{template_id!r} is not an id")
    if expected_id is not None and template_id != expected_id:
        raise _fail(f"{where} id", f"{template_id!r} differs from the file name {expected_id!r}")
    version = data["version"]
    if not isinstance(version, str) or not _VERSION.match(version):
        raise _fail(f"{where} version", f'{version!r} is not a version like "1.0.0"')
    subtitle = _localized(data["subtitle"], f"{where} subtitle")

    try:
        questions = parse_questions(data.get("questions", []), where)
    except ruledata.RuleFileError as error:
        raise TemplateError(str(error)) from None
    seen = {question.id for question in questions}

    _check_names(_same_placeholders(subtitle, f"{where} subtitle"), seen, f"{where} subtitle")

    raw_paragraphs = data.get("paragraphs", [])
    if not isinstance(raw_paragraphs, list):
        raise _fail(f"{where} paragraphs", "expected [[paragraphs]] tables")
    paragraphs: list[Paragraph] = []
    for index, raw in enumerate(raw_paragraphs):
        at = f"{where} paragraphs[{index}]"
        if not isinstance(raw, Mapping):
            raise _fail(at, "expected a table")
        _check_keys(raw, {"section", "when", *LANGUAGES}, {"section", *LANGUAGES}, at)
        if raw["section"] not in SECTIONS:
            raise _fail(f"{at}.section", f"{raw['section']!r} is not one of {', '.join(SECTIONS)}")
        when = _condition(raw, seen, at)
        text = _localized({lang: raw[lang] for lang in LANGUAGES}, at)
        _check_names(_same_placeholders(text, at), seen, at)
        paragraphs.append(Paragraph(section=raw["section"], text=text, when=when))

    raw_basis = data["legal_basis"]
    if not isinstance(raw_basis, list) or not raw_basis:
        raise _fail(f"{where} legal_basis", "expected at least one [[legal_basis]] table")
    legal_basis = tuple(_provision(raw, f"{where} legal_basis[{i}]", seen) for i, raw in enumerate(raw_basis))

    requests = _items(data["requests"], f"{where} requests", seen)
    if not any(not item.when for item in requests):
        raise _fail(f"{where} requests", "a document needs at least one default request without a condition")
    attachments = _items(data.get("attachments", []), f"{where} attachments", seen)
    witnesses = data.get("witness_signatures", "")
    if witnesses:
        question = next((q for q in questions if q.id == witnesses), None)
        if question is None or question.type != "multiline":
            raise _fail(f"{where} witness_signatures", f"{witnesses!r} is not a multiline question of this template")
    return Template(
        id=template_id,
        version=version,
        subtitle=subtitle,
        questions=questions,
        paragraphs=tuple(paragraphs),
        legal_basis=legal_basis,
        requests=requests,
        attachments=attachments,
        source=source,
        witness_signatures=str(witnesses),
    )


def load_template_path(path: Path, *, catalogue: bool = True) -> Template:
    """Load and validate a template file.

    Args:
        path: The ``.toml`` file.
        catalogue: Also require the id to be a kind of ``rules/catalog.toml``
            (off for test fixtures).
    """
    try:
        data = ruledata.load_path(path)
    except ruledata.RuleFileError as error:
        raise TemplateError(str(error)) from None
    return _checked(parse_template(data, path.name, expected_id=path.stem), path, catalogue=catalogue)


def _checked(template: Template, path: Path, *, catalogue: bool) -> Template:
    """``template`` as loaded from ``path``, its id checked against the catalogue when ``catalogue``."""
    if catalogue:
        from kzcomplaint.core.law import catalog

        try:
            catalog.get(template.id)
        except LookupError:
            raise _fail(f"{path.name} id", f"{template.id!r} is not a kind in the catalogue") from None
    return template


@functools.cache
def load_template(template_id: str) -> Template:
    """The shipped template of kind ``template_id`` (validated, cached).

    Raises:
        TemplateError: When there is no such template or it is malformed.
    """
    if not isinstance(template_id, str) or not _ID.match(template_id):
        raise TemplateError(f"template {template_id!r}: not a document kind id")
    path = resources.templates_dir() / f"{template_id}.toml"
    if not path.is_file():
        raise TemplateError(f"{path.name}: no template for the document kind {template_id!r}")
    # The same parse the kind's questions and citations were read from (one per kind and process).
    try:
        data = template_data(template_id)
    except ruledata.RuleFileError as error:
        raise TemplateError(str(error)) from None
    return _checked(parse_template(data, path.name, expected_id=path.stem), path, catalogue=True)


def template_ids() -> list[str]:
    """Ids of all shipped templates, sorted (the files, not the catalogue)."""
    return sorted(p.stem for p in resources.templates_dir().glob("*.toml") if not p.name.startswith("_"))


def all_templates() -> dict[str, Template]:
    """Every shipped template, by id, validated."""
    return {template_id: load_template(template_id) for template_id in template_ids()}


# ── The frame ───────────────────────────────────────────────────────────


def _walk_texts(raw: Mapping[str, Any], prefix: str) -> Iterator[tuple[str, object]]:
    for key, value in raw.items():
        dotted = f"{prefix}.{key}" if prefix else key
        if isinstance(value, Mapping) and not set(value) & set(LANGUAGES):
            yield from _walk_texts(value, dotted)
        else:
            yield dotted, value


def format_fields(text: str) -> set[str]:
    """The ``{name}`` fields of a frame text."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def parse_frame(data: Mapping[str, Any], source: str) -> Frame:
    """Validate the frame's TOML data: every text in kk, ru and en with the same ``{fields}``."""
    version = data.get("version")
    if not isinstance(version, str) or not _VERSION.match(version):
        raise _fail(f"{source} version", f'{version!r} is not a version like "1.0.0"')
    texts: dict[str, dict[str, str]] = {}
    for key, value in _walk_texts({k: v for k, v in data.items() if k != "version"}, ""):
        at = f"{source} {key}"
        localized = _localized(value, at)
        reference = format_fields(localized[LANGUAGES[0]])
        for lang in LANGUAGES[1:]:
            if format_fields(localized[lang]) != reference:
                raise _fail(f"{at}.{lang}", f"fields differ from {LANGUAGES[0]}: {sorted(reference)}")
        texts[key] = localized
    frame = Frame(version=version, texts=texts)
    required = [
        *(f"title.{d}" for d in DOCUMENT_TYPES),
        *(f"respondent.{d}" for d in DOCUMENT_TYPES),
        *(f"contested_heading.{d}" for d in DOCUMENT_TYPES),
    ]
    missing = [key for key in required if not frame.has(key)]
    if missing:
        raise _fail(source, f"missing texts {missing}")
    return frame


@functools.cache
def load_frame() -> Frame:
    """The shipped frame (validated, cached)."""
    path = resources.templates_dir() / FRAME_FILE
    try:
        data = ruledata.load_path(path)
    except ruledata.RuleFileError as error:
        raise TemplateError(str(error)) from None
    return parse_frame(data, path.name)


__all__ = [
    "BLANK",
    "Answer",
    "BlankUndefined",
    "Frame",
    "Item",
    "Paragraph",
    "Provision",
    "Template",
    "TemplateError",
    "TextRenderer",
    "all_templates",
    "compile_condition",
    "environment",
    "load_frame",
    "load_template",
    "load_template_path",
    "names_in",
    "parse_frame",
    "parse_template",
    "placeholders",
    "template_ids",
]
