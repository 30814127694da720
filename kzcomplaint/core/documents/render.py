"""The document: a case rendered as a .docx in Kazakh, Russian, English or kk+ru.

The frame of every document is built here, once, from the texts of
``templates/_frame.toml``; a template supplies only what is specific to its
kind. What is printed is what the filer states and the law requires, and
nothing else:

- the header: addressee; complainant (claimant, applicant) with every detail
  a requirement of ``rules/requirements.toml`` asks of this kind — a required
  detail not filled in stays a visible line to fill by hand, an optional one
  the user does not have (e-mail, organisation, BIN) is left out; a body's
  number stands where the language puts it, once;
- the title by document type with the template's subtitle, and, in English,
  the note that the text is a translation for information;
- the contested decision or action (not in an act or an application);
- the circumstances: the user's facts text in the document's language, or,
  when there is none, the kind's own sentences filled with the answers
  (:func:`drafted_facts`, the same draft the Facts page offers) — so every
  answer appears once, inside a sentence, and no question is ever printed;
- the legal grounds and the provisions cited (whether the team could confirm
  a provision's text is the app's warning to the user, never printed);
- the requests and the attachments: the user's, or the template's defaults
  whose conditions the answers meet;
- the evidence: description, medium, and for a file that could be read its
  name (never the folder), size, time and SHA-256 — what may be read is
  :func:`kzcomplaint.core.case.evidence.read_evidence`'s to say; a file
  refused or unreadable leaves no trace on the paper (no path, no "not found");
- date and signature; an act then has the witnesses' signatures and the
  receipt mark;
- a footer with page numbers only.

The trace — template id and version, frame version, rules version, app
version, creation time — goes into the .docx document properties, where a
trainer or lawyer can read it and a clerk does not see it.

Template texts are Jinja2 filled by a sandboxed engine (``templates``); user
text is only ever a value — the user's facts, requests and attachments never
pass through the engine at all.

``kk+ru`` is a parallel document: a borderless two-column table, Kazakh on
the left and Russian on the right, each column with the user's own text in
its language when the case has it (``Case.translations``). ``blank=True``
(:func:`render_blank`) is the paper form an observer fills by hand: the
kind's sentences with lines to write on, each choice as tick boxes.

The rules version (:func:`rules_version`) is ``<latest verified_as_of>/<hash>``:
the newest date any shipped rule file says its text was verified against and
the first 8 hex digits of a SHA-256 over the rule files' names and bytes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import re
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes

from kzcomplaint import __version__
from kzcomplaint.core.case import evidence, ids
from kzcomplaint.core.case.model import Body, Case, CaseText, Evidence, Person
from kzcomplaint.core.documents.docx_style import (
    FONT_SIZE_PT,
    FORM_FONT_SIZE_PT,
    DocumentProperties,
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
    Item,
    Paragraph,
    Template,
    TemplateError,
    TextRenderer,
    environment,
    load_frame,
    load_template,
    names_in,
)
from kzcomplaint.core.files import resources
from kzcomplaint.core.law import catalog, checks, routes, ruledata
from kzcomplaint.core.law.directory import shipped_directory
from kzcomplaint.core.text import dates, detect, legal_dates
from kzcomplaint.core.text.i18n import N_, Message
from kzcomplaint.core.text.languages import DOCUMENT_LANGUAGES, LANGUAGE_ENDONYMS

PARALLEL = {"kk+ru": ("kk", "ru")}
"""Parallel documents: the languages of their columns, left to right."""

SIGNATURE_LINE = "____________"
WITNESS_LINES_ON_PAPER = 2
"""Signature lines for witnesses on a blank form (and when none are named yet)."""
BLANK_TO_FILL = "_" * 24
FILL_LINE = "_" * 62
FILL_LINE_NARROW = "_" * 28
TICK_BOX = "☐"
"""An empty box to tick by hand (U+2610), before each choice on a blank form."""

_NO_RESPONDENT_BLOCK = frozenset({"act"})
"""Document types addressed, as a rule, to the very body the header would name again as respondent."""
_NO_CONTESTED_BLOCK = frozenset({"act", "application"})
"""Document types that contest no decision: the text says what was seen or asked."""
_BLANK_ROLES = {
    "act": ("observer", "proxy", "commission_member"),
    "complaint": ("observer", "voter", "candidate", "proxy"),
    "appeal": ("observer", "voter", "candidate", "proxy"),
    "application": ("voter",),
    "claim": ("voter", "candidate", "observer", "public_association"),
}
"""The capacities a blank form offers to tick, by document type."""


MSG_COLUMN_REPEATS = N_(
    "The case's facts, answers and requests are written in one language only ({written}); the “{column}” "
    "column repeats them as written. Add their “{column}” text to the case, or export one language."
)


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
_LONE_BLANK = re.compile(rf"(?<!_){re.escape(BLANK)}(?!_)")
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


def _number_in_name(name: str, number: str) -> bool:
    """Whether a body's name already carries its number («УИК № 997», «№ 997 учаскелік…»)."""
    return bool(number) and re.search(rf"(?<![\w/-]){re.escape(number)}(?![\w/-])", name) is not None


def body_title(body: Body, language: str) -> str:
    """A body's name in ``language`` with its number once, where the language puts it.

    A directory entry or a generic level name («участковая избирательная
    комиссия») is written in the document's language; a name the user typed
    is kept as typed. A number already in the name is not added again.
    """
    return _body_title(body.level, body.name.strip(), body.number.strip(), language)


@functools.lru_cache(maxsize=4096)
def _body_title(level: str, name: str, number: str, language: str) -> str:
    # Pure in its arguments (the frame and the shipped directory never change in a process), and
    # asked several times per document: a batch of a precinct's cases asks the same few titles.
    frame = load_frame()
    directory = shipped_directory()
    if name and _number_in_name(name, number):
        # «Участковая избирательная комиссия № 999» in a Kazakh document: the generic
        # name is written in Kazakh and the number put where Kazakh puts it.
        bare = re.sub(rf"(?:№|No\.?|N)\s*{re.escape(number)}(?![\w/-])", " ", name)
        bare = re.sub(r"\s+", " ", bare).strip(" ,")
        if bare and directory.is_known_name(bare):
            name = bare
    if name and not _number_in_name(name, number):
        localized = directory.localized_name(Body(level=level, name=name), language)
        if localized != name or directory.is_known_name(name):
            name = localized
    elif not name and number:
        name = directory.level_name(level, language)
    elif not name:
        # The CEC and the supreme courts need no name in a case: there is one of each.
        only = directory.bodies(level)
        name = only[0].name[language] if len(only) == 1 else ""
    if not number or _number_in_name(name, number):
        return name
    known = directory.is_known_name(name) or any(
        name.casefold() == directory.level_name(generic, language).casefold()
        for generic in ("precinct", "district", "territorial")
    )
    # A generic name after the number in Kazakh is written in lower case («№ 997 учаскелік…»).
    if language == "kk" and known:
        name = name[:1].lower() + name[1:]
    text = frame.text("body_number", language).format(number=number, name=name)
    return text[:1].upper() + text[1:]


@dataclasses.dataclass(frozen=True)
class EvidenceFile:
    """What the document says about one evidence file."""

    name: str
    found: bool
    size: int = 0
    modified: dt.datetime | None = None
    sha256: str = ""
    status: str = ""
    """:mod:`kzcomplaint.core.case.evidence`'s outcome: ``read``, ``missing``, ``outside``…"""


def evidence_file(name: str, base_dir: Path | None, picked: Collection[Path] = ()) -> EvidenceFile:
    """Size, modification time and SHA-256 of an evidence file; ``found=False`` when it was not read.

    Which files may be read, and within what limits, is
    :func:`kzcomplaint.core.case.evidence.read_evidence`'s to say.

    Args:
        name: The path as written in the case, relative to ``base_dir`` (the case file's folder).
        base_dir: The case file's folder: files outside it are not read (None: none is, but ``picked``).
        picked: Files the user picked in a file dialog (the GUI): read wherever they are.
    """
    result = evidence.read_evidence(name, base_dir, picked=picked)
    return EvidenceFile(
        name=name,
        found=result.ok,
        size=result.size,
        modified=result.modified,
        sha256=result.sha256,
        status=result.status,
    )


def _file_name(name: str) -> str:
    """The file's own name, without the folders it was in (``C:\\Users\\…`` stays at home)."""
    return re.split(r"[\\/]", name.rstrip("\\/"))[-1]


def _size(size: int, language: str) -> str:
    grouped = f"{size:,}"
    return grouped if language == "en" else grouped.replace(",", "\u00a0")


def _timestamp(moment: dt.datetime, language: str) -> str:
    offset = moment.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    return f"{legal_dates.format_legal_date(moment.date(), language)}, {moment:%H:%M:%S} ({zone})"


def witness_lines(text: str) -> list[str]:
    """The witnesses of a witness answer, one a line ("Full Name, how to reach them")."""
    return [line.strip() for line in text.splitlines() if line.strip()]


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


def _body(body: Body, language: str) -> dict[str, str]:
    return {
        "level": body.level,
        "name": body_title(body, language),
        "number": body.number,
        "address": body.address,
        "phone": _phone(body.phone),
        "email": body.email,
        "bin": body.bin,
    }


def _answers(details: Mapping[str, str], template: Template, frame: Frame, language: str) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for key, value in details.items():
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


def _days_to_voting(case: Case) -> int | None:
    """Days from filing to voting day (0 on voting day, negative after it); None when a date is missing."""
    if case.election.voting_day is None or case.filing_date is None:
        return None
    return (case.election.voting_day - case.filing_date).days


def build_context(case: Case, template: Template, language: str) -> dict[str, Any]:
    """The values a template may use in ``language`` (``templates/README.md``).

    Answers are the case's in ``language`` (its translation where it has one).
    """
    frame = load_frame()
    contested = case.contested
    return {
        "complainant": _person(case.complainant, frame, language),
        "representative": _person(case.representative, frame, language),
        "respondent": _body(case.respondent, language),
        "addressee": _body(case.addressee, language),
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
            "date_of": legal_dates.format_legal_date_of(contested.date, language) if contested.date else "",
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
        "details": _answers(case.texts_in(language).details, template, frame, language),
        "role": _frame_choice(frame, "roles", case.complainant.role, language),
        "precinct": case.respondent.number,
        "role_id": case.complainant.role,
        "days_to_voting": _days_to_voting(case),
    }


# ── The blank form's context: every answer unknown, every choice a tick box ──


class _AnyAnswer:
    """An answer not yet written: meets every condition, prints as a line or as tick boxes."""

    __slots__ = ("shown",)

    def __init__(self, shown: str) -> None:
        self.shown = shown

    def __eq__(self, other: object) -> bool:
        return True

    def __ne__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return 0

    def __bool__(self) -> bool:
        return True

    def __str__(self) -> str:
        return self.shown


class _BlankAnswers(dict[str, _AnyAnswer]):
    """``details`` on a blank form: any question the template names is an unwritten answer."""

    def __missing__(self, key: str) -> _AnyAnswer:
        return _AnyAnswer(BLANK)


def _tick_boxes(labels: list[str]) -> str:
    return "  ".join(f"{TICK_BOX} {label}" for label in labels)


def _blank_context(template: Template, language: str) -> dict[str, Any]:
    """What a blank form is rendered with: the kind's usual bodies, no values, answers unwritten."""
    info = catalog.get(template.id)
    frame = load_frame()
    respondent = info.respondent_levels[0]
    addressee = next(
        (r.addressee for r in routes.routes() if r.respondent == respondent and r.addressee in info.addressee_levels),
        info.addressee_levels[0],
    )
    preferred = "decision" if info.document in ("claim", "appeal") else "action"
    contested_type = preferred if preferred in info.contests else info.contests[0]
    case = Case(
        template=template.id,
        respondent=Body(level=respondent),
        addressee=Body(level=addressee),
    )
    case.contested.type = contested_type
    context = build_context(case, template, language)
    answers = _BlankAnswers()
    for question in template.questions:
        if question.type == "choice":
            shown = _tick_boxes([option.label[language] for option in question.options])
        elif question.type == "yesno":
            shown = _tick_boxes([frame.text("answers.yes", language), frame.text("answers.no", language)])
        elif question.type == "multiline":
            shown = f"{BLANK}\n{FILL_LINE}"  # a description needs more than a blank in a sentence
        else:
            shown = BLANK
        answers[question.id] = _AnyAnswer(shown)
    context["details"] = answers
    return context


@functools.lru_cache(maxsize=1024)
def _compares_an_answer(when: str) -> bool:
    """Whether a condition compares an answer (``details.x == 'y'``): on a blank form it is a tick box."""
    tree = environment().parse("{{ " + when + " }}")
    for compare in tree.find_all(nodes.Compare):
        for node in (compare.expr, *(operand.expr for operand in compare.ops)):
            for found in node.find_all(nodes.Name):
                if found.name == "details":
                    return True
            if isinstance(node, nodes.Name) and node.name == "details":
                return True
    return False


def _states_an_answer(paragraph: Paragraph) -> bool:
    """Whether a paragraph prints or depends on an answer (``details.…``): it belongs to the facts' draft."""
    return any("details" in names_in(text) for text in (*paragraph.text.values(), paragraph.when) if text)


def _merge_ticks(texts: list[str]) -> list[str]:
    """Boxes to tick that all begin «Характер нарушения: …» become one line of boxes after that beginning."""
    merged: list[str] = []
    index = 0
    while index < len(texts):
        run = [texts[index]]
        prefix = _tick_prefix(texts[index])
        while prefix and index + len(run) < len(texts) and _tick_prefix(texts[index + len(run)]) == prefix:
            run.append(texts[index + len(run)])
        if len(run) > 2:
            choices = [text[len(prefix) :].strip().rstrip(".") for text in run]
            merged.append(f"{prefix[len(TICK_BOX) :].strip()} {_tick_boxes(choices)}")
        else:
            merged.extend(run)
        index += len(run)
    return merged


def _tick_prefix(text: str) -> str:
    """``"☐ Характер нарушения: "`` of a box to tick with such a beginning; "" for any other text."""
    if not text.startswith(TICK_BOX) or ": " not in text:
        return ""
    return text[: text.index(": ") + 2]


# ── Required details: from the requirements of the kind ────────────────


@functools.lru_cache(maxsize=256)
def _required_fields(template_id: str, on: dt.date, scope: str) -> frozenset[str]:
    """The case fields a blocking requirement of this kind asks of this document: left blank, they print as a line.

    ``any:a|b`` stands for "one of these": when all are empty, the first prints as a line.
    """
    required: set[str] = set()
    for requirement in checks.requirements_for(template_id, on):
        if requirement.severity != checks.BLOCKING or not requirement.concerns(scope):
            continue
        if requirement.check == "present":
            required.update(requirement.fields)
        elif requirement.check in ("body_identified", "representative_authority"):
            required.add(requirement.fields[0])
        elif requirement.check == "any_present":
            required.add("any:" + "|".join(requirement.fields))
    return frozenset(required)


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
        picked: Collection[Path] = (),
    ) -> None:
        self.case = case
        self.template = template
        self.document_type = document_type
        self.language = language
        self.blank = blank
        self.base_dir = base_dir
        self.picked = picked
        self.frame = load_frame()
        self.fill = FILL_LINE_NARROW if narrow else FILL_LINE
        self.texts: CaseText = CaseText() if blank else case.texts_in(language)
        self.context = _blank_context(template, language) if blank else build_context(case, template, language)
        on = case.filing_date or dt.date.today()
        self.required = _required_fields(template.id, on, checks.document_scope(case.addressee.level))
        # One Jinja context for every text and condition of the document.
        self.renderer = TextRenderer(self.context)
        self.out: list[Para] = []
        self.files: dict[str, EvidenceFile] = {}

    # helpers

    def t(self, key: str, **values: object) -> str:
        text = self.frame.text(key, self.language)
        return text.format(**values) if values else text

    def add(self, style: str, *runs: Run | str) -> None:
        self.out.append(para(style, *runs))

    def field(self, style: str, label_key: str, value: str, path: str = "", *, required: bool = False) -> None:
        """A labelled detail: left out when empty unless required (by ``path`` or ``required``): then a line.

        Only the filled-in document has these; the blank form lays out its own (:meth:`form_header`).
        """
        if value.strip():
            self.add(style, f"{self.t(label_key)}: {value}")
        elif required or path in self.required:
            self.add(style, f"{self.t(label_key)}: {BLANK}")

    def evidence_file(self, name: str) -> EvidenceFile:
        """An evidence file as read for this document: once, though its item and the attachments both ask.

        Reading hashes the file (up to :data:`~kzcomplaint.core.case.evidence.TIME_LIMIT_S`
        for one that is too slow to read, which no cache keeps); and the two
        must agree about a file that changes meanwhile.
        """
        if name not in self.files:
            self.files[name] = evidence_file(name, self.base_dir, self.picked)
        return self.files[name]

    def fill_lines(self, count: int = 1) -> None:
        for _ in range(count):
            self.add(Style.LINE, self.fill)

    def jinja(self, compiled: jinja2.Template) -> str:
        # An answer typed with its own full stop, placed before the template's,
        # would print "..": keep one (an ellipsis "..." is left alone).
        text = _DOUBLE_STOP.sub(".", self.renderer.render(compiled))
        # On paper a blank must leave room to write (a line already long enough is left as it is).
        return _LONE_BLANK.sub(BLANK_TO_FILL, text) if self.blank else text

    def holds(self, when: str) -> bool:
        """Whether a text's condition holds; one that cannot be evaluated does not.

        A comparison the answer's type does not allow (an answer is text: «20»
        > 10), a day count without its dates (``days_to_voting < 5`` before
        the filing date is known), an order asked of an unanswered question or
        arithmetic an answer cannot take (a division by a zero answered) says
        nothing about the case: the text does not apply and is not printed. A
        template's own error is the template's, and is said so.
        """
        if not when:
            return True
        test = self.template.compiled.conditions[when]
        try:
            return bool(self.renderer.evaluate(test))
        except (TypeError, ValueError, ArithmeticError, jinja2.UndefinedError):
            # A comparison the answer's type does not allow, a division by a zero answer, an
            # unanswered question compared: the condition cannot hold, the paragraph does not apply.
            return False
        except jinja2.TemplateError as error:
            raise TemplateError(f"{self.template.source}: condition {when!r}: {error}") from error

    def ticked(self, when: str, text: str) -> str:
        """On a blank form a text that depends on a choice gets a box to tick."""
        return f"{TICK_BOX} {text}" if self.blank and when and _compares_an_answer(when) else text

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
        if self.blank:
            self.form_header()
            return
        case = self.case
        h = Style.HEADER
        doc = self.document_type
        self.add(Style.HEADER_GROUP, Run(f"{self.t(f'to.{doc}')}:", bold=True))
        addressee = case.addressee
        self.add(h, _or_blank(body_title(addressee, self.language)))
        self.field(h, "labels.location", addressee.address)
        self.field(h, "labels.phone", _phone(addressee.phone))
        self.field(h, "labels.email", addressee.email)

        self.add(Style.HEADER_GROUP, Run(f"{self.t(f'from.{doc}')}:", bold=True))
        self.person(case.complainant, prefix="complainant")
        representative = case.representative
        if representative is not None:
            self.add(Style.HEADER_GROUP, Run(f"{self.t('labels.representative')}:", bold=True))
            self.person(representative, prefix="representative")

        if self.respondent_printed():
            self.add(Style.HEADER_GROUP, Run(f"{self.t(f'respondent.{doc}')}:", bold=True))
            respondent = case.respondent
            self.add(h, _or_blank(body_title(respondent, self.language)))
            self.field(h, "labels.location", respondent.address, "respondent.address")
            no_contacts = not (respondent.phone.strip() or respondent.email.strip())
            needed = no_contacts and "any:respondent.phone|respondent.email" in self.required
            self.field(h, "labels.phone", _phone(respondent.phone), required=needed)
            self.field(h, "labels.email", respondent.email)
            self.field(h, "labels.bin", respondent.bin)

    def form_header(self) -> None:
        """The header of the paper form: full width, several details a line, room to write."""
        doc = self.document_type
        f = Style.FIELD

        def group(label_key: str, *fields: tuple[str, int]) -> None:
            runs: list[Run | str] = [Run(f"{self.t(label_key)}: ", bold=True)] if label_key else []
            for index, (key, width) in enumerate(fields):
                runs.append(f"{'   ' if index else ''}{self.t(key)}: {'_' * width}")
            self.add(f, *runs)

        short, long = (12, 40) if self.fill == FILL_LINE else (6, 20)
        self.add(f, Run(f"{self.t(f'to.{doc}')}: ", bold=True), "_" * (long + 14))
        group(f"from.{doc}", ("labels.full_name", long))
        group("", ("labels.iin", short + 4), ("labels.phone", short + 6))
        group("", ("labels.residence", long + 6))
        if {"complainant.birth_date", "complainant.birth_place"} & self.required:
            group("", ("labels.birth", long))
        group("", ("labels.email", short + 10), ("labels.organization", short + 6))
        roles = _BLANK_ROLES.get(doc, _BLANK_ROLES["complaint"])
        self.add(f, f"{self.t('labels.role')}: {_tick_boxes([self.t(f'roles.{role}') for role in roles])}")
        if self.respondent_printed():
            self.add(f, Run(f"{self.t(f'respondent.{doc}')}: ", bold=True), "_" * long)
            group("", ("labels.location", long - 6), ("labels.phone", short))

    def respondent_printed(self) -> bool:
        if self.document_type in _NO_RESPONDENT_BLOCK:
            # An act handed to a higher body than the one it records (the act of a refusal to
            # accept, which goes with the complaint about it) names that body too.
            return not self.blank and self.case.respondent.level != self.case.addressee.level
        if self.document_type == "application":
            # An application goes to the commission that keeps the list; it is named once.
            if self.blank:
                return False
            respondent, addressee = self.case.respondent, self.case.addressee
            return respondent.level != addressee.level or body_title(respondent, "ru") != body_title(addressee, "ru")
        return True

    def person(self, person: Person, *, prefix: str) -> None:
        h = Style.HEADER
        representative = prefix == "representative"
        if person.full_name.strip():
            self.add(h, person.full_name.strip())  # under «Истец:» a name needs no label of its own
        else:
            self.field(h, "labels.full_name", "", f"{prefix}.full_name")
        self.field(h, "labels.iin", person.iin, f"{prefix}.iin")
        if not representative:
            required = {f"{prefix}.birth_date", f"{prefix}.birth_place"} & self.required
            born = [_date(person.birth_date, self.language), person.birth_place]
            if any(part.strip() for part in born) or required:
                self.add(h, f"{self.t('labels.birth')}: {', '.join(_or_blank(part) for part in born)}")
        self.field(h, "labels.residence", person.address, f"{prefix}.address")
        self.field(h, "labels.phone", _phone(person.phone), f"{prefix}.phone")
        self.field(h, "labels.email", person.email, f"{prefix}.email")
        if representative:
            self.field(h, "labels.power_of_attorney", person.power_of_attorney, "representative.power_of_attorney")
            return
        self.field(h, "labels.role", _frame_choice(self.frame, "roles", person.role, self.language))
        self.field(h, "labels.organization", person.organization)

    def title(self) -> None:
        self.add(Style.TITLE, self.t(f"title.{self.document_type}"))
        self.add(Style.SUBTITLE, self.jinja(self.template.compiled.subtitles[self.language]))
        if self.language == "en":
            self.add(Style.NOTICE, Run(self.t("translation_notice"), italic=True))

    def contested(self) -> None:
        if self.document_type in _NO_CONTESTED_BLOCK:
            return
        self.add(Style.HEADING, self.t(f"contested_heading.{self.document_type}"))
        c = self.case.contested
        lang = self.language
        f = Style.FIELD
        if self.blank:
            info = catalog.get(self.template.id)
            choices = []
            for kind in info.contests:
                if kind == "decision":
                    choices.append(self.t("blank.decision", date=self.t("blank.date")))
                else:
                    choices.append(self.t(f"contested_types.{kind}"))
            self.add(f, _tick_boxes(choices))
            self.add(f, f"{self.t('contested.action_date')}: {self.t('blank.date')}, {self.t('blank.time')}")
            self.add(f, f"{self.t('contested.place')}: {BLANK_TO_FILL}")
            return
        self.field(f, "contested.type", _frame_choice(self.frame, "contested_types", c.type, lang))
        if c.type == "decision":
            self.field(f, "contested.decision_number", c.decision_number, "contested.decision_number")
            self.field(f, "contested.decision_date", _date(c.date, lang), "contested.date")
            # Where and when it was published are required unless the day it was received is known.
            self.field(f, "contested.published_in", c.published_in, required=c.received_on is None)
            self.field(f, "contested.published_on", _date(c.published_on, lang), required=c.received_on is None)
            self.field(f, "contested.received_on", _date(c.received_on, lang))
        else:
            self.field(f, "contested.action_date", _date(c.date, lang), "contested.date")
            self.field(f, "contested.time", c.time)
            self.field(f, "contested.place", c.place)

    def template_paragraphs(self, section: str) -> list[str]:
        """The template's paragraphs of ``section`` that apply, filled in."""
        return [text for _, text in self.applying(section)]

    def applying(self, section: str) -> list[tuple[bool, str]]:
        """The paragraphs of ``section`` that apply, filled in, each with whether it states an answer.

        On a blank form a circumstance that depends on a choice gets a box to
        tick; an argument or closing line that depends on one is left out (the
        form argues only what holds whatever is ticked).
        """
        texts = []
        for paragraph, compiled in self.template.compiled.paragraphs[self.language]:
            if paragraph.section != section or not self.holds(paragraph.when):
                continue
            if self.blank and section != "circumstances" and paragraph.when and _compares_an_answer(paragraph.when):
                continue
            text = self.ticked(paragraph.when, _end_sentence(self.jinja(compiled)))
            texts.append((_states_an_answer(paragraph), text))
        return texts

    def paragraphs(self, section: str) -> None:
        texts = self.template_paragraphs(section)
        for text in _merge_ticks(texts) if self.blank else texts:
            self.add(self.body_style(text), text)

    def body_style(self, text: str) -> str:
        if text.startswith(TICK_BOX):
            return Style.TICK
        return Style.FORM_BODY if self.blank else Style.BODY

    def circumstances(self) -> None:
        self.add(Style.HEADING, self.t("headings.circumstances"))
        if self.blank:
            self.paragraphs("circumstances")
            self.add(Style.FIELD, self.t("blank.other_circumstances"))
            self.fill_lines(2)
            return
        for line in self.circumstance_lines():
            if line.strip():
                self.add(Style.BODY, line.strip())

    def circumstance_lines(self) -> list[str]:
        """The kind's own sentences of the circumstances, with the user's facts in place of the answers' ones.

        The sentences that state no answer (the date and the polling station
        the document is about) are the kind's and always printed; the ones
        that state an answer are the draft of the facts, which the user's own
        facts text replaces where there is one — so an answer is printed once.
        """
        parts = self.applying("circumstances")
        facts = self.texts.facts
        if not facts.strip():
            return [text for _, text in parts]
        lines: list[str] = []
        placed = False
        for states_an_answer, text in parts:
            if not states_an_answer:
                lines.append(text)
            elif not placed:
                lines.extend(facts.splitlines())
                placed = True
        if not placed:
            lines.extend(facts.splitlines())
        return lines

    def legal(self) -> None:
        self.add(Style.HEADING, self.t("headings.legal"))
        self.paragraphs("legal")
        if self.blank:
            return  # the form's legal paragraphs cite what they rest on; the list would take a page
        provisions = [provision for provision in self.template.legal_basis if self.holds(provision.when)]
        if not provisions:
            return
        self.add(Style.LEAD, self.t("headings.provisions"))
        for number, provision in enumerate(provisions, start=1):
            citation = provision.citation
            self.add(Style.ITEM, f"{number}) {citation.text(self.language)} — {provision.summary[self.language]}")

    def default_items(self, items: list[tuple[Item, jinja2.Template]]) -> list[str]:
        """The template's default requests or attachments that the answers support, filled in."""
        return [self.ticked(item.when, self.jinja(compiled)) for item, compiled in items if self.holds(item.when)]

    def numbered(self, items: list[str], *, extra_lines: int = 0, style: str = Style.ITEM) -> None:
        number = 0
        for item in items:
            if item.startswith(TICK_BOX):
                self.add(Style.TICK, item)
            else:
                number += 1
                self.add(style, f"{number}. {item}")
        for _ in range(extra_lines):
            number += 1
            self.add(Style.LINE, f"{number}. {self.fill}")

    def requests(self) -> None:
        self.add(Style.LEAD, Run(self.t("headings.ask"), bold=True))
        own = [r.strip() for r in self.texts.requests if r.strip()]
        items = own or self.default_items(self.template.compiled.requests[self.language])
        self.numbered(items, extra_lines=1 if self.blank else 0)

    def evidence_text(self, number: int, item: Evidence) -> str:
        description = item.translations.get(self.language, "").strip() or item.description.strip()
        text = f"{number}. {_or_blank(description)}"
        if item.medium and self.frame.has(f"media.{item.medium}"):
            text += f", {self.t(f'media.{item.medium}')}"
        if item.file:
            info = self.evidence_file(item.file)
            # A file refused or unreadable here is the checker's warning (evidence.unreadable),
            # never a line on the paper: no path, no "not found".
            if info.found and info.modified is not None:
                line = self.t(
                    "evidence.file",
                    name=_file_name(item.file),
                    size=_size(info.size, self.language),
                    modified=_timestamp(info.modified, self.language),
                    sha256=info.sha256,
                )
                text += f"; {line}"
        return text

    def evidence(self) -> None:
        if self.blank:
            self.add(Style.HEADING, self.t("headings.evidence"))
            for number in range(1, 3):
                self.add(Style.LINE, f"{number}. {self.fill}")
            return
        if not self.case.evidence:
            return
        self.add(Style.HEADING, self.t("headings.evidence"))
        for number, item in enumerate(self.case.evidence, start=1):
            self.add(Style.EVIDENCE, self.evidence_text(number, item))

    def attachments(self) -> None:
        own = [a.strip() for a in self.texts.attachments if a.strip()]
        items = own or self.default_items(self.template.compiled.attachments[self.language])
        if not self.blank:
            handed = [
                str(number)
                for number, item in enumerate(self.case.evidence, start=1)
                if item.medium or (item.file and self.evidence_file(item.file).found)
            ]
            if handed:
                key = "attachments.items_one" if len(handed) == 1 else "attachments.items_many"
                numbers = self.t(key, items=", ".join(handed))
                items.append(self.t("attachments.evidence", items=numbers))
        if self.document_type == "claim":
            items += [self.t("attachments.claim_copies"), self.t("attachments.state_duty")]
        if self.case.representative is not None and not self.blank:
            items.append(self.t("attachments.power_of_attorney"))
        if not items and not self.blank:
            return
        self.add(Style.LEAD, Run(self.t("headings.attachments"), bold=True))
        self.numbered(items, extra_lines=1 if self.blank else 0, style=Style.ATTACHMENT)

    def signature(self) -> None:
        if self.blank:
            self.add(Style.DATE, self.t("blank.date"))
            self.add(Style.SIGNATURE, f"{SIGNATURE_LINE} /{BLANK_TO_FILL}/")
        else:
            self.add(Style.DATE, _or_blank(_date(self.case.filing_date, self.language)))
            self.add(Style.SIGNATURE, f"{SIGNATURE_LINE} /{_or_blank(self.case.complainant.full_name)}/")
            representative = self.case.representative
            if representative is not None:
                label = self.t("labels.representative")
                self.add(Style.SIGNATURE, f"{label}: {SIGNATURE_LINE} /{_or_blank(representative.full_name)}/")
        if self.document_type == "act":
            self.add(Style.CLOSING_GROUP, self.t("act.witnesses"))
            # Witnesses the case names (the template says which answer holds them) sign on their own line.
            question = self.template.witness_signatures
            named = witness_lines(self.texts.details.get(question, "")) if question and not self.blank else []
            for number, name in enumerate(named, start=1):
                self.add(Style.CLOSING_LINE, f"{number}) {name} {SIGNATURE_LINE} {self.t('act.signature')}")
            for number in range(len(named) + 1, len(named) + 1 + (0 if named else WITNESS_LINES_ON_PAPER)):
                self.add(Style.CLOSING_LINE, f"{number}) {SIGNATURE_LINE}{SIGNATURE_LINE} {self.t('act.witness_line')}")
            self.add(Style.CLOSING_GROUP, self.t("act.receipt"))
            self.add(Style.CLOSING_LINE, f"{SIGNATURE_LINE}{SIGNATURE_LINE} {self.t('act.receipt_line')}")


# ── Public API ──────────────────────────────────────────────────────────


def document_type(template: Template) -> str:
    """The catalogue's document type of a template: complaint | act | appeal | claim | application."""
    try:
        return catalog.get(template.id).document
    except LookupError:
        raise RenderError(f"{template.source}: {template.id!r} is not a kind in the catalogue") from None


def circumstances(case: Case, language: str) -> list[str]:
    """The circumstances of ``case`` as its document states them in ``language``, one paragraph a line.

    The next document of a chain carries them over as its facts, so that
    what happened is told again without the earlier kind's questions.
    """
    builder = _builder(case, language, None, blank=False, base_dir=None, narrow=False)
    return [line.strip() for line in builder.circumstance_lines() if line.strip()]


def _template_of(case: Case, template: Template | None) -> Template:
    if template is not None:
        return template
    return load_template(case.template)


def _builder(case: Case, language: str, template: Template | None, **options: Any) -> _Builder:
    chosen = _template_of(case, template)
    return _Builder(case, chosen, document_type(chosen), language, **options)


def drafted_facts(case: Case, language: str, *, template: Template | None = None) -> str:
    """The facts drafted from the answers: the kind's sentences that state an answer and apply, one a line.

    This is what the document prints when the case has no facts text in
    ``language``, and what the Facts page offers as the facts text to edit.
    """
    builder = _builder(case, language, template, blank=False, base_dir=None, narrow=False)
    return "\n".join(text for states_an_answer, text in builder.applying("circumstances") if states_an_answer)


def default_requests(case: Case, language: str, *, template: Template | None = None) -> list[str]:
    """The kind's default requests that the case's answers support, filled in, in ``language``."""
    builder = _builder(case, language, template, blank=False, base_dir=None, narrow=False)
    return builder.default_items(builder.template.compiled.requests[language])


def language_notes(case: Case, language: str) -> list[Message]:
    """What to tell the user before a document in ``language`` (kk, ru, en, kk+ru) mixes languages.

    Each column's own texts (the case's, or their translation) are looked at
    in its language; a parallel column without texts of its own repeats the
    other's, which is said too.
    """
    notes: list[Message] = []
    columns = PARALLEL.get(language, (language,))
    repeated = [c for c in columns if len(columns) > 1 and not case.written_in(c)]
    if len(repeated) == len(columns) or not any(text.strip() for text in case.own_texts()):
        repeated = []  # no column has texts of its own: each is simply in another language
    for column in columns:
        if column in repeated:
            continue  # said once below: the column repeats the other's text
        texts = case.texts_in(column)
        # Each text on its own: the app's suggested requests in the column's language
        # must not outweigh the user's facts written in another.
        own = (text for text in (texts.facts, *texts.details.values(), *texts.requests) if text.strip())
        note = next((found for text in own if (found := detect.mixed_language_note([text], column))), None)
        if note is not None and all((n.msgid, n.params) != (note.msgid, note.params) for n in notes):
            notes.append(note)
    for column in repeated:
        names = {"written": LANGUAGE_ENDONYMS[case.language], "column": LANGUAGE_ENDONYMS[column]}
        notes.append(Message(MSG_COLUMN_REPEATS, **names))
    return notes


def written_languages(case: Case) -> list[str]:
    """The document languages the case's own texts exist in: its language, its translations, kk+ru when both.

    A document in any other language would print the user's words in a
    language not its own; a trainer's demo offers an example in these only.
    """
    found = [language for language in ("kk", "ru", "en") if case.written_in(language)]
    for parallel, columns in PARALLEL.items():
        if all(column in found for column in columns):
            found.append(parallel)
    return found


def _footer(languages: tuple[str, ...], frame: Frame) -> str:
    page_line = [
        ((" · " if index else "") + frame.text("footer.page", lang), lang) for index, lang in enumerate(languages)
    ]
    return footer_xml([page_line])


def _properties(
    template: Template, languages: tuple[str, ...], frame: Frame, created: dt.datetime, *, blank: bool
) -> DocumentProperties:
    document = document_type(template)
    subtitles = template.compiled.subtitles
    title = " / ".join(f"{frame.text(f'title.{document}', lang)} {subtitles[lang].render({})}" for lang in languages)
    return DocumentProperties(
        title=title,
        language="+".join(languages),
        created=created,
        application=f"kzcomplaint {__version__}",
        custom=(
            ("kzcomplaint.template", template.id),
            ("kzcomplaint.template_version", template.version),
            ("kzcomplaint.frame_version", frame.version),
            ("kzcomplaint.rules_version", rules_version()),
            ("kzcomplaint.app_version", __version__),
            ("kzcomplaint.created", created.isoformat()),
            ("kzcomplaint.blank_form", "yes" if blank else "no"),
        ),
    )


def document_paragraphs(
    case: Case,
    language: str,
    *,
    blank: bool = False,
    base_dir: Path | None = None,
    template: Template | None = None,
    narrow: bool = False,
    picked: Collection[Path] = (),
) -> list[Para]:
    """The paragraphs of the document in one language (kk, ru or en), before writing.

    Args:
        case: The case.
        language: kk, ru or en.
        blank: The paper form: lines to fill by hand instead of the case's values.
        base_dir: The case file's folder, for evidence files with relative paths.
        template: A template to use instead of the shipped one of ``case.template``.
        narrow: Shorter fill lines, for a column of a parallel document.
        picked: Evidence files the user picked in a file dialog (read wherever they are).
    """
    return _builder(case, language, template, blank=blank, base_dir=base_dir, narrow=narrow, picked=picked).build()


def document_columns(
    case: Case,
    language: str,
    *,
    blank: bool = False,
    base_dir: Path | None = None,
    template: Template | None = None,
    picked: Collection[Path] = (),
) -> list[tuple[str, list[Para]]]:
    """The paragraphs of the document in ``language`` by column: ``(language, paragraphs)``, left to right.

    One column for kk, ru or en; for a parallel document (kk+ru) one per
    language, with the narrow fill lines of a column. The .docx and the
    preview are both laid out from this. The arguments are those of
    :func:`document_paragraphs`.

    Raises:
        RenderError: An unknown language or a template not in the catalogue.
        TemplateError: No template for ``case.template`` or a malformed one.
    """
    if language not in DOCUMENT_LANGUAGES:
        raise RenderError(f"unknown document language {language!r}; use one of {', '.join(DOCUMENT_LANGUAGES)}")
    chosen = _template_of(case, template)
    languages = PARALLEL.get(language, (language,))
    narrow = len(languages) > 1
    return [
        (
            lang,
            document_paragraphs(
                case, lang, blank=blank, base_dir=base_dir, template=chosen, narrow=narrow, picked=picked
            ),
        )
        for lang in languages
    ]


def render_docx(
    case: Case,
    language: str,
    *,
    blank: bool = False,
    base_dir: Path | None = None,
    template: Template | None = None,
    picked: Collection[Path] = (),
    created: dt.datetime | None = None,
) -> bytes:
    """Render ``case`` as a .docx document.

    A required detail not filled in stays a visible line to fill by hand: a
    case with blocking problems still renders, and nothing false is written.

    Args:
        case: The case.
        language: ``kk``, ``ru``, ``en`` or ``kk+ru`` (parallel columns).
        blank: The paper form of the case's kind, to print and fill by hand.
        base_dir: The case file's folder; relative evidence paths start there,
            and no file outside it is read but ``picked`` (None: only ``picked``).
        template: A template to use instead of the shipped one of
            ``case.template`` (tests, previews of a template being written).
        picked: Evidence files the user picked in a file dialog (the GUI):
            read wherever they are; others only inside ``base_dir``.
        created: The moment recorded in the document properties (now when None).

    Returns:
        The .docx file's bytes.

    Raises:
        RenderError: An unknown language or a template not in the catalogue.
        TemplateError: No template for ``case.template`` or a malformed one.
    """
    columns = document_columns(case, language, blank=blank, base_dir=base_dir, template=template, picked=picked)
    chosen = _template_of(case, template)  # cached: the one the columns were built from
    languages = tuple(lang for lang, _ in columns)
    body = body_xml(columns[0][1], language) if len(columns) == 1 else parallel_xml(columns)
    frame = load_frame()
    moment = (created or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    properties = _properties(chosen, languages, frame, moment, blank=blank)
    size = FORM_FONT_SIZE_PT if blank else FONT_SIZE_PT
    return write_package(body, _footer(languages, frame), properties, font_size=size)


def render_blank(template_id: str, language: str, *, created: dt.datetime | None = None) -> bytes:
    """The blank paper form of the document kind ``template_id`` in ``language``."""
    return render_docx(Case(template=template_id, language=language), language, blank=True, created=created)


__all__ = [
    "DOCUMENT_LANGUAGES",
    "EvidenceFile",
    "RenderError",
    "body_title",
    "build_context",
    "circumstances",
    "default_requests",
    "document_columns",
    "document_paragraphs",
    "document_type",
    "drafted_facts",
    "evidence_file",
    "language_notes",
    "render_blank",
    "render_docx",
    "rules_version",
    "written_languages",
]
