"""The document: a case rendered as a .docx in Kazakh, Russian, English or kk+ru.

The frame of every document is built here, once, from the texts of
``templates/_frame.toml``: the header block with every admissibility detail
(an empty one printed as a visible ``__________``, never left out), the
title by document type with the template's subtitle, the contested decision
or action, the circumstances (template paragraphs, then the user's facts),
the legal grounds with the provisions cited (an unconfirmed one visibly
marked), the numbered requests, the evidence list with each file's size,
modification time and SHA-256, the numbered attachments, the date in the
legal form of the language, the signature line, and a footer on every page
with "page X of Y", the template id and version, the rules version and the
app version.

Template texts are Jinja2 filled by a sandboxed engine (``core.templates``);
user text is only ever a value — the user's facts, requests and attachments
are never passed through the engine at all.

``kk+ru`` is a parallel document: a borderless two-column table, Kazakh on
the left and Russian on the right, paragraph by paragraph. ``blank=True``
(:func:`render_blank`) is the paper fallback: the same structure with lines
to fill by hand and the template's questions with their hints.

The rules version printed in the footer (:func:`rules_version`) is
``<latest verified_as_of>/<hash>``: the newest date any shipped rule file says
its text was verified against, which tells a reader which state of the law
the document assumes, and the first 8 hex digits of a SHA-256 over the rule
files' names and bytes, which identifies the exact rule set. Neither needs
anybody to remember to bump a number.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import jinja2

from kzcomplaint import __version__
from kzcomplaint.core.case import ids
from kzcomplaint.core.case.model import Case, Person
from kzcomplaint.core.documents.docx_style import (
    Para,
    Run,
    Style,
    body_xml,
    footer_xml,
    para,
    parallel_xml,
    write_package,
)
from kzcomplaint.core.documents.templates import (
    BLANK,
    Answer,
    Frame,
    Template,
    TemplateError,
    TextRenderer,
    load_frame,
    load_template,
)
from kzcomplaint.core.files import resources
from kzcomplaint.core.law import catalog, ruledata
from kzcomplaint.core.text import dates, legal_dates
from kzcomplaint.core.text.languages import DOCUMENT_LANGUAGES

PARALLEL = {"kk+ru": ("kk", "ru")}
"""Parallel documents: the languages of their columns, left to right."""

SIGNATURE_LINE = "____________"
BLANK_TO_FILL = "_" * 24
FILL_LINE = "_" * 62
FILL_LINE_NARROW = "_" * 28
_HASH_CHUNK = 1 << 20


class RenderError(ValueError):
    """The document cannot be rendered (unknown language or template); the message says why."""


# ── Rules version ───────────────────────────────────────────────────────


def _verified_dates(data: object) -> Iterator[dt.date]:
    if isinstance(data, Mapping):
        for key, value in data.items():
            if key == "verified_as_of" and isinstance(value, dt.date):
                yield value.date() if isinstance(value, dt.datetime) else value
            else:
                yield from _verified_dates(value)
    elif isinstance(data, list):
        for item in data:
            yield from _verified_dates(item)


@functools.cache
def rules_version() -> str:
    """``<latest verified_as_of>/<8 hex digits>`` of the shipped rule files (see module doc)."""
    digest = hashlib.sha256()
    latest: dt.date | None = None
    for path in sorted(resources.rules_dir().glob("*.toml")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
        try:
            parsed = ruledata.load(path.name)  # cached: the rule loaders parse the same files
        except ruledata.RuleFileError:
            continue  # the rule loaders report a broken file; the hash still identifies it
        for found in _verified_dates(parsed):
            latest = found if latest is None or found > latest else latest
    date_part = latest.isoformat() if latest else "unverified"
    return f"{date_part}/{digest.hexdigest()[:8]}"


# ── Values ──────────────────────────────────────────────────────────────


@functools.lru_cache(maxsize=4096)
def _phone(text: str) -> str:
    """A phone as Kazakh documents write it, or as typed when it is not a valid number."""
    if not text.strip():
        return ""
    result = ids.check_phone(text)
    return ids.format_phone(result.e164) if result.valid and result.e164 else text


def _date(value: dt.date | None, language: str) -> str:
    return legal_dates.format_legal_date(value, language) if value else ""


_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")
_SENTENCE_OPEN = re.compile(r"(?:[^\W_]|[»”\")])$")  # a letter, digit or closing quote; not a blank "___"


def _end_sentence(text: str) -> str:
    """Close a body paragraph that ends in a user's answer without punctuation.

    Templates leave the full stop off after an answer (a typed one may carry
    its own); a paragraph must still read as a finished sentence. A blank to
    fill by hand or a paragraph ending in ':' is left as it is.
    """
    stripped = text.rstrip()
    # The last character alone: searching the whole text for "…$" tries every position.
    return stripped + "." if _SENTENCE_OPEN.search(stripped[-1:]) else text


def _or_blank(value: str) -> str:
    return value if value.strip() else BLANK


def _frame_choice(frame: Frame, group: str, value: str, language: str) -> str:
    key = f"{group}.{value}"
    return frame.text(key, language) if frame.has(key) else value


@dataclasses.dataclass(frozen=True)
class EvidenceFile:
    """What the document says about one evidence file."""

    name: str
    found: bool
    size: int = 0
    modified: dt.datetime | None = None
    sha256: str = ""


@functools.lru_cache(maxsize=1024)
def _hash_file(path: str, size: int, mtime_ns: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def evidence_file(name: str, base_dir: Path | None) -> EvidenceFile:
    """Size, modification time and SHA-256 of an evidence file; ``found=False`` if unreadable.

    Args:
        name: The path as written in the case, relative to ``base_dir``
            (the case file's folder) unless absolute.
        base_dir: The folder relative paths start from (current folder if None).
    """
    path = Path(name).expanduser()
    if not path.is_absolute():
        path = (base_dir or Path.cwd()) / path
    try:
        stat = path.stat()
        if not path.is_file():
            return EvidenceFile(name=name, found=False)
        sha = _hash_file(str(path), stat.st_size, stat.st_mtime_ns)
    except (OSError, ValueError):
        return EvidenceFile(name=name, found=False)
    modified = dt.datetime.fromtimestamp(stat.st_mtime).astimezone()
    return EvidenceFile(name=name, found=True, size=stat.st_size, modified=modified, sha256=sha)


def _timestamp(moment: dt.datetime, language: str) -> str:
    offset = moment.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    return f"{legal_dates.format_legal_date(moment.date(), language)}, {moment:%H:%M:%S} ({zone})"


# ── Render context ──────────────────────────────────────────────────────


def _person(person: Person | None, frame: Frame, language: str) -> dict[str, str] | None:
    if person is None:
        return None
    return {
        "full_name": person.full_name,
        "iin": person.iin,
        "birth_date": _date(person.birth_date, language),
        "birth_place": person.birth_place,
        "address": person.address,
        "phone": _phone(person.phone),
        "email": person.email,
        "role": _frame_choice(frame, "roles", person.role, language),
        "organization": person.organization,
        "power_of_attorney": person.power_of_attorney,
    }


def _body(body: Any) -> dict[str, str]:
    return {
        "level": body.level,
        "name": body.name,
        "number": body.number,
        "address": body.address,
        "phone": _phone(body.phone),
        "email": body.email,
        "bin": body.bin,
    }


def _answers(case: Case, template: Template, frame: Frame, language: str) -> dict[str, str]:
    answers: dict[str, str] = {}
    for key, value in case.details.items():
        question = template.question(key)
        label = value
        if question is not None and value.strip():
            if question.type == "date":
                try:
                    label = legal_dates.format_legal_date(dates.parse_date(value), language)
                except ValueError:
                    label = value  # printed as typed; the checker reports the date
            elif question.type == "yesno":
                label = _frame_choice(frame, "answers", value, language)
            elif question.type == "choice":
                for option in question.options:
                    if option.id == value:
                        label = option.label[language]
        answers[key] = Answer(value, label)
    return answers


def build_context(case: Case, template: Template, language: str) -> dict[str, Any]:
    """The values a template may use in ``language`` (``templates/README.md``)."""
    frame = load_frame()
    contested = case.contested
    return {
        "complainant": _person(case.complainant, frame, language),
        "representative": _person(case.representative, frame, language),
        "respondent": _body(case.respondent),
        "addressee": _body(case.addressee),
        "election": {
            "kind": case.election.kind,
            "name": _frame_choice(frame, "election_kinds", case.election.kind, language),
            "voting_day": _date(case.election.voting_day, language),
        },
        "voting_day": _date(case.election.voting_day, language),
        "contested": {
            "type": contested.type,
            "type_name": _frame_choice(frame, "contested_types", contested.type, language),
            "date": _date(contested.date, language),
            "time": contested.time,
            "place": contested.place,
            "decision_number": contested.decision_number,
            "published_in": contested.published_in,
            "published_on": _date(contested.published_on, language),
            "received_on": _date(contested.received_on, language),
        },
        "contested_date": _date(contested.date, language),
        "published_on": _date(contested.published_on, language),
        "received_on": _date(contested.received_on, language),
        "filing_date": _date(case.filing_date, language),
        "details": _answers(case, template, frame, language),
        "role": _frame_choice(frame, "roles", case.complainant.role, language),
        "precinct": case.respondent.number,
        "role_id": case.complainant.role,
    }


# ── Building the paragraphs ─────────────────────────────────────────────


class _Builder:
    """The paragraphs of one document in one language."""

    def __init__(
        self,
        case: Case,
        template: Template,
        document_type: str,
        language: str,
        *,
        blank: bool,
        base_dir: Path | None,
        narrow: bool,
    ) -> None:
        self.case = case
        self.template = template
        self.document_type = document_type
        self.language = language
        self.blank = blank
        self.base_dir = base_dir
        self.frame = load_frame()
        self.fill = FILL_LINE_NARROW if narrow else FILL_LINE
        self.context = {} if blank else build_context(case, template, language)
        self.texts = TextRenderer(self.context)
        self.out: list[Para] = []

    # helpers

    def t(self, key: str, **values: object) -> str:
        text = self.frame.text(key, self.language)
        return text.format(**values) if values else text

    def add(self, style: str, *runs: Run | str) -> None:
        self.out.append(para(style, *runs))

    def field(self, style: str, label_key: str, value: str) -> None:
        self.add(style, f"{self.t(label_key)}: {_or_blank(value)}")

    def fill_lines(self, count: int = 1) -> None:
        for _ in range(count):
            self.add(Style.LINE, self.fill)

    def jinja(self, compiled: jinja2.Template) -> str:
        # An answer typed with its own full stop, placed before the template's,
        # would print "..": keep one (an ellipsis "..." is left alone).
        text = _DOUBLE_STOP.sub(".", self.texts.render(compiled))
        # On paper a blank must leave room to write.
        return text.replace(BLANK, BLANK_TO_FILL) if self.blank else text

    def condition(self, when: str, test: jinja2.Template) -> bool:
        try:
            return bool(self.texts.evaluate(test))
        except (TypeError, ValueError):
            return False  # a comparison the answer's type does not allow: the paragraph does not apply
        except jinja2.TemplateError as error:
            raise TemplateError(f"{self.template.source}: condition {when!r}: {error}") from error

    # sections

    def build(self) -> list[Para]:
        self.header()
        self.title()
        self.contested()
        self.circumstances()
        self.legal()
        self.requests()
        self.paragraphs("closing")
        self.evidence()
        self.attachments()
        self.signature()
        return self.out

    def header(self) -> None:
        case = self.case
        h = Style.HEADER
        self.add(Style.HEADER_GROUP, Run(f"{self.t('labels.to')}:", bold=True))
        addressee = case.addressee
        name = " ".join(part for part in (addressee.name, f"№ {addressee.number}" if addressee.number else "") if part)
        self.field(h, "labels.body_name", name)
        self.field(h, "labels.location", addressee.address)
        self.field(h, "labels.phone", _phone(addressee.phone))
        self.field(h, "labels.email", addressee.email)

        self.add(Style.HEADER_GROUP, Run(f"{self.t('labels.from')}:", bold=True))
        self.person(case.complainant, representative=False)
        if case.representative is not None or self.blank:
            label = self.t("labels.representative")
            suffix = f" {self.t('blank.if_applicable')}" if self.blank else ""
            self.add(Style.HEADER_GROUP, Run(f"{label}{suffix}:", bold=True))
            self.person(case.representative or Person(role=""), representative=True)

        self.add(Style.HEADER_GROUP, Run(f"{self.t(f'respondent.{self.document_type}')}:", bold=True))
        respondent = case.respondent
        self.field(h, "labels.body_name", respondent.name)
        self.field(h, "labels.number", respondent.number)
        self.field(h, "labels.location", respondent.address)
        self.field(h, "labels.phone", _phone(respondent.phone))
        self.field(h, "labels.email", respondent.email)
        self.field(h, "labels.bin", respondent.bin)

    def person(self, person: Person, *, representative: bool) -> None:
        h = Style.HEADER
        blank = self.blank
        self.field(h, "labels.full_name", "" if blank else person.full_name)
        self.field(h, "labels.iin", "" if blank else person.iin)
        if not representative:
            born = ", ".join(_or_blank(v) for v in (_date(person.birth_date, self.language), person.birth_place))
            self.add(h, f"{self.t('labels.birth')}: {BLANK + ', ' + BLANK if blank else born}")
        self.field(h, "labels.residence", "" if blank else person.address)
        self.field(h, "labels.phone", "" if blank else _phone(person.phone))
        self.field(h, "labels.email", "" if blank else person.email)
        if representative:
            self.field(h, "labels.power_of_attorney", "" if blank else person.power_of_attorney)
            return
        role = "" if blank else _frame_choice(self.frame, "roles", person.role, self.language)
        self.field(h, "labels.role", role)
        self.field(h, "labels.organization", "" if blank else person.organization)

    def title(self) -> None:
        self.add(Style.TITLE, self.t(f"title.{self.document_type}"))
        env_template = self.template.compiled
        subtitle = env_template.subtitles[self.language]
        self.add(Style.SUBTITLE, self.jinja(subtitle))

    def contested(self) -> None:
        self.add(Style.HEADING, self.t(f"contested_heading.{self.document_type}"))
        c = self.case.contested
        lang = self.language
        f = Style.FIELD
        if self.blank:
            self.add(Style.HINT, self.t("blank.when_decision"))
            for key in ("decision_number", "decision_date", "published_in", "published_on", "received_on"):
                self.field(f, f"contested.{key}", "")
            self.add(Style.HINT, self.t("blank.when_action"))
            for key in ("action_date", "time", "place"):
                self.field(f, f"contested.{key}", "")
            return
        self.field(f, "contested.type", _frame_choice(self.frame, "contested_types", c.type, lang))
        if c.type == "decision":
            self.field(f, "contested.decision_number", c.decision_number)
            self.field(f, "contested.decision_date", _date(c.date, lang))
            self.field(f, "contested.published_in", c.published_in)
            self.field(f, "contested.published_on", _date(c.published_on, lang))
            self.field(f, "contested.received_on", _date(c.received_on, lang))
        else:
            self.field(f, "contested.action_date", _date(c.date, lang))
            self.field(f, "contested.time", c.time)
            self.field(f, "contested.place", c.place)

    def paragraphs(self, section: str) -> None:
        compiled = self.template.compiled
        for paragraph, text in compiled.paragraphs[self.language]:
            if paragraph.section != section:
                continue
            if paragraph.when:
                if self.blank:
                    self.add(Style.HINT, self.t("blank.if_applicable"))
                elif not self.condition(paragraph.when, compiled.conditions[paragraph.when]):
                    continue
            self.add(Style.BODY, _end_sentence(self.jinja(text)))

    def circumstances(self) -> None:
        self.add(Style.HEADING, self.t("headings.circumstances"))
        self.paragraphs("circumstances")
        if self.blank:
            for question in self.template.questions:
                self.add(Style.FIELD, question.label[self.language])
                self.fill_lines(3 if question.type == "multiline" else 1)
                if question.hint:
                    self.add(Style.HINT, question.hint[self.language])
            self.add(Style.FIELD, self.t("blank.facts"))
            self.fill_lines(6)
            return
        for line in self.case.facts.splitlines():
            if line.strip():
                self.add(Style.BODY, line.strip())

    def legal(self) -> None:
        self.add(Style.HEADING, self.t("headings.legal"))
        self.paragraphs("legal")
        self.add(Style.LEAD, self.t("headings.provisions"))
        compiled = self.template.compiled
        provisions = [
            provision
            for provision in self.template.legal_basis
            # A blank form lists every provision: the person filling it in picks.
            if self.blank or not provision.when or self.condition(provision.when, compiled.conditions[provision.when])
        ]
        for number, provision in enumerate(provisions, start=1):
            citation = provision.citation
            runs: list[Run | str] = [f"{number}) {citation.text(self.language)} — {provision.summary[self.language]}"]
            if not citation.is_confirmed:
                runs.append(Run(f" {self.t('unverified')}", bold=True, italic=True))
            self.add(Style.ITEM, *runs)

    def requests(self) -> None:
        self.add(Style.LEAD, Run(self.t("headings.ask"), bold=True))
        case_requests = [] if self.blank else [r.strip() for r in self.case.requests if r.strip()]
        if case_requests:
            items = case_requests
        else:
            items = [self.jinja(t) for t in self.template.compiled.requests[self.language]]
        for number, item in enumerate(items, start=1):
            self.add(Style.ITEM, f"{number}. {item}")
        if self.blank:
            self.add(Style.HINT, self.t("blank.requests"))
            for number in range(len(items) + 1, len(items) + 3):
                self.add(Style.LINE, f"{number}. {self.fill}")

    def evidence(self) -> None:
        if self.blank:
            self.add(Style.HEADING, self.t("headings.evidence"))
            self.add(Style.HINT, self.t("blank.evidence"))
            for number in range(1, 5):
                self.add(Style.LINE, f"{number}. {self.fill}")
            return
        if not self.case.evidence:
            return
        self.add(Style.HEADING, self.t("headings.evidence"))
        for number, item in enumerate(self.case.evidence, start=1):
            text = f"{number}. {_or_blank(item.description)}"
            if item.file:
                info = evidence_file(item.file, self.base_dir)
                if info.found and info.modified is not None:
                    line = self.t(
                        "evidence.file",
                        name=info.name,
                        size=info.size,
                        modified=_timestamp(info.modified, self.language),
                        sha256=info.sha256,
                    )
                else:
                    line = self.t("evidence.missing", name=info.name)
                text = f"{text}\n{line}"
            self.add(Style.EVIDENCE, text)

    def attachments(self) -> None:
        self.add(Style.LEAD, Run(self.t("headings.attachments"), bold=True))
        case_items = [] if self.blank else [a.strip() for a in self.case.attachments if a.strip()]
        items = case_items or [self.jinja(t) for t in self.template.compiled.attachments[self.language]]
        if self.document_type == "claim":
            items += [self.t("attachments.claim_copies"), self.t("attachments.state_duty")]
        if self.case.representative is not None and not self.blank:
            items.append(self.t("attachments.power_of_attorney"))
        if not self.blank:
            for evidence in self.case.evidence:
                if evidence.file:
                    items.append(
                        self.t("evidence.attachment", description=_or_blank(evidence.description), name=evidence.file)
                    )
        for number, item in enumerate(items, start=1):
            self.add(Style.ITEM, f"{number}. {item}")
        if self.blank:
            for number in range(len(items) + 1, len(items) + 4):
                self.add(Style.LINE, f"{number}. {self.fill}")

    def signature(self) -> None:
        if self.blank:
            self.add(Style.DATE, self.t("blank.date"))
            self.add(Style.SIGNATURE, f"{SIGNATURE_LINE} /{BLANK}/")
            return
        self.add(Style.DATE, _or_blank(_date(self.case.filing_date, self.language)))
        self.add(Style.SIGNATURE, f"{SIGNATURE_LINE} /{_or_blank(self.case.complainant.full_name)}/")
        representative = self.case.representative
        if representative is not None:
            label = self.t("labels.representative")
            self.add(Style.SIGNATURE, f"{label}: {SIGNATURE_LINE} /{_or_blank(representative.full_name)}/")


# ── Public API ──────────────────────────────────────────────────────────


def document_type(template: Template) -> str:
    """The catalogue's document type of a template: complaint | act | appeal | claim."""
    try:
        return catalog.get(template.id).document
    except LookupError:
        raise RenderError(f"{template.source}: {template.id!r} is not a kind in the catalogue") from None


def _template_of(case: Case, template: Template | None) -> Template:
    if template is not None:
        return template
    return load_template(case.template)


def _footer(template: Template, languages: tuple[str, ...], frame: Frame) -> str:
    values = {
        "template": template.id,
        "version": template.version,
        "rules": rules_version(),
        "app": __version__,
    }
    page_line = []
    trace_lines = []
    for index, lang in enumerate(languages):
        page_line.append(((" · " if index else "") + frame.text("footer.page", lang), lang))
        trace_lines.append([(frame.text("footer.trace", lang).format(**values), lang)])
    return footer_xml([page_line, *trace_lines])


def document_paragraphs(
    case: Case,
    language: str,
    *,
    blank: bool = False,
    base_dir: Path | None = None,
    template: Template | None = None,
    narrow: bool = False,
) -> list[Para]:
    """The paragraphs of the document in one language (kk, ru or en), before writing.

    Args:
        case: The case.
        language: kk, ru or en.
        blank: The paper form: lines to fill by hand instead of the case's values.
        base_dir: The case file's folder, for evidence files with relative paths.
        template: A template to use instead of the shipped one of ``case.template``.
        narrow: Shorter fill lines, for a column of a parallel document.
    """
    chosen = _template_of(case, template)
    builder = _Builder(case, chosen, document_type(chosen), language, blank=blank, base_dir=base_dir, narrow=narrow)
    return builder.build()


def render_docx(
    case: Case,
    language: str,
    *,
    blank: bool = False,
    base_dir: Path | None = None,
    template: Template | None = None,
) -> bytes:
    """Render ``case`` as a .docx document.

    Missing details stay visibly blank (``__________``): a case with blocking
    problems still renders, and nothing false is written.

    Args:
        case: The case.
        language: ``kk``, ``ru``, ``en`` or ``kk+ru`` (parallel columns).
        blank: The paper form of the case's kind, to print and fill by hand.
        base_dir: The case file's folder; relative evidence paths start there
            (the current folder when None).
        template: A template to use instead of the shipped one of
            ``case.template`` (tests, previews of a template being written).

    Returns:
        The .docx file's bytes.

    Raises:
        RenderError: An unknown language or a template not in the catalogue.
        TemplateError: No template for ``case.template`` or a malformed one.
    """
    if language not in DOCUMENT_LANGUAGES:
        raise RenderError(f"unknown document language {language!r}; use one of {', '.join(DOCUMENT_LANGUAGES)}")
    chosen = _template_of(case, template)
    frame = load_frame()
    languages = PARALLEL.get(language, (language,))
    if len(languages) == 1:
        paragraphs = document_paragraphs(case, language, blank=blank, base_dir=base_dir, template=chosen)
        body = body_xml(paragraphs, language)
    else:
        columns = [
            (
                lang,
                document_paragraphs(case, lang, blank=blank, base_dir=base_dir, template=chosen, narrow=True),
            )
            for lang in languages
        ]
        body = parallel_xml(columns)
    return write_package(body, _footer(chosen, languages, frame))


def render_blank(template_id: str, language: str) -> bytes:
    """The blank paper form of the document kind ``template_id`` in ``language``."""
    return render_docx(Case(template=template_id, language=language), language, blank=True)


__all__ = [
    "DOCUMENT_LANGUAGES",
    "EvidenceFile",
    "RenderError",
    "build_context",
    "document_paragraphs",
    "document_type",
    "evidence_file",
    "render_blank",
    "render_docx",
    "rules_version",
]
