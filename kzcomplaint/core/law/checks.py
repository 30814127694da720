"""The admissibility checker: what in a case would get the document dismissed on form.

What is required is data (``rules/requirements.toml``): each requirement names
a predicate of this module, the fields it looks at, the document kinds it
applies to, whether it blocks filing or only warns, its citation, and its
message and fix hint in Kazakh, Russian and English.

The ground of a requirement follows the document: a claim to a court rests
on APPC art. 131, a written appeal to a state body on APPC art. 63, and a
complaint to an election commission on neither (the Election Law sets no
form for it). A requirement says so per document (``grounds``); where its
force comes from court practice it also names the report (``practice``),
shown beside the provision as the reason it blocks — never as its legal
basis. Which body may hear a complaint against which is data too
(``rules/hierarchy.toml``). This module holds the predicates — how to look
at a case — and no legal rule.

:func:`check_case` returns :class:`Problem` objects, blocking ones first,
each with the field to jump to and its citation. The checker never raises on
a bad case: an unknown document kind is itself a problem (``template.unknown``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import string
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzcomplaint.core.case.model import Body, Case, ContestedType, ElectionKind, Level, Person, get_path
from kzcomplaint.core.law import catalog as catalogue
from kzcomplaint.core.law import routes as routing
from kzcomplaint.core.law import ruledata
from kzcomplaint.core.law.citations import Citation, parse_citation
from kzcomplaint.core.text.languages import LANGUAGES

if TYPE_CHECKING:
    from kzcomplaint.core.law.deadlines import Deadline

REQUIREMENTS_FILE = "requirements.toml"

BLOCKING = "blocking"
WARNING = "warning"
SEVERITIES: tuple[str, ...] = (BLOCKING, WARNING)

ALL_KINDS = "*"

_LEVELS = tuple(level.value for level in Level)
_REQUIREMENT_KEYS = frozenset(
    {
        "id",
        "severity",
        "check",
        "fields",
        "kinds",
        "citation",
        "message",
        "hint",
        "labels",
        "params",
        "effective_from",
        "effective_to",
        "verified_as_of",
        "grounds",
        "practice",
    }
)
_REQUIREMENT_OPTIONAL = frozenset({"labels", "params", "effective_to", "citation", "grounds", "practice"})

NO_PROVISION = "none"
"""A citation or ground written as this string: no provision of law requires it for that document."""

SCOPES: tuple[str, ...] = ("claim", "appeal", "complaint")
"""Documents as the law sees them: a claim to a court, a written appeal to a state body, a complaint to a commission."""

# Opening and closing quotation marks around a quoted question, per language.
_QUOTES: Mapping[str, tuple[str, str]] = {"kk": ("«", "»"), "ru": ("«", "»"), "en": ("“", "”")}


# ── Rule data ───────────────────────────────────────────────────────────


@dataclasses.dataclass(frozen=True)
class Requirement:
    """One version of a requirement, as declared in ``rules/requirements.toml``."""

    id: str
    severity: str
    check: str
    fields: tuple[str, ...]
    kinds: tuple[str, ...]
    citation: Citation | None
    message: Mapping[str, str]
    hint: Mapping[str, str]
    labels: Mapping[str, Mapping[str, str]]
    params: Mapping[str, Any]
    effective_from: dt.date
    effective_to: dt.date | None
    verified_as_of: dt.date
    index: int
    """Position in the file: the order problems of equal severity are reported in."""
    grounds: Mapping[str, Citation | None] | None = None
    """The provision by document (:data:`SCOPES`); a document missing here is not concerned.
    ``None`` for a scope: no provision requires it for that document."""
    practice: Citation | None = None
    """The court practice that makes it blocking (the ODIHR report), shown beside the provision."""

    def ground(self, scope: str) -> Citation | None:
        """The provision this requirement rests on for a document of ``scope``."""
        if self.grounds is None:
            return self.citation
        return self.grounds.get(scope)

    def concerns(self, scope: str) -> bool:
        """Whether a document of ``scope`` is subject to this requirement."""
        return self.grounds is None or scope in self.grounds

    def applies_to(self, template_id: str) -> bool:
        """Whether the requirement is for documents of kind ``template_id``."""
        return ALL_KINDS in self.kinds or template_id in self.kinds

    def in_force_on(self, day: dt.date) -> bool:
        """Whether this version holds on ``day``."""
        return ruledata.in_force(self.effective_from, self.effective_to, day)


# ── Results ─────────────────────────────────────────────────────────────


@dataclasses.dataclass(frozen=True)
class Problem:
    """A defect of a case: what is wrong, where, how to fix it, and on what ground.

    Attributes:
        code: the requirement id, stable (e.g. ``iin.invalid``).
        severity: ``blocking`` or ``warning``.
        field: dotted path of the field to fix (``complainant.iin``).
        message: what is wrong, in kk, ru and en, with its details filled in.
        hint: how to fix it, in kk, ru and en.
        citation: the provision it rests on; ``None`` when no provision of law
            requires it for this document (the app asks for it all the same,
            and ``practice`` may say why); check ``citation.is_confirmed``
            before relying on it.
        practice: the court practice that makes it blocking (a report), shown
            beside the provision — never the legal basis.
        via: the provision through which the cited law applies to this vote
            (the referendum law's door to the Election Law).
    """

    code: str
    severity: str
    field: str
    message: Mapping[str, str]
    hint: Mapping[str, str]
    citation: Citation | None
    practice: Citation | None = None
    via: Citation | None = None

    @property
    def blocking(self) -> bool:
        """True when the document must not be filed with this problem."""
        return self.severity == BLOCKING

    def as_json(self, language: str) -> dict[str, Any]:
        """Machine-readable form with the texts in ``language``."""
        return {
            "code": self.code,
            "severity": self.severity,
            "field": self.field,
            "message": self.message[language],
            "hint": self.hint[language],
            "citation": self.citation.text(language) if self.citation is not None else None,
            "citation_confirmed": self.citation.is_confirmed if self.citation is not None else None,
            "citation_ref": self.citation.as_json(language) if self.citation is not None else None,
            "practice": self.practice.text(language) if self.practice is not None else None,
            "via": self.via.text(language) if self.via is not None else None,
        }


@dataclasses.dataclass(frozen=True)
class Finding:
    """What a predicate reports: the field at fault and the details for the message.

    ``params`` values are strings, dates (written in each language's legal
    form) or three-language tables; ``citation`` replaces the requirement's
    own when the predicate knows a more precise ground (a route, a deadline rule).
    """

    field: str
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)
    citation: Citation | None = None
    severity: str | None = None
    """Replaces the requirement's severity when the predicate knows better (blocking for a court claim)."""


# ── The context a predicate sees ────────────────────────────────────────


class _Context:
    """The case under check and what predicates share: the kind, the dates, the deadlines."""

    def __init__(
        self, case: Case, today: dt.date, base_dir: Path | None = None, picked: Collection[Path] = ()
    ) -> None:
        self.case = case
        self.today = today
        self.base_dir = base_dir
        self.picked = picked
        # The date that decides which version of a requirement (and route) applies.
        self.on = case.filing_date or today
        try:
            self.kind: catalogue.TemplateInfo | None = catalogue.get(case.template)
        except catalogue.UnknownTemplateError:
            self.kind = None
        # The versions applied and the routes taken, each with True when used outside its dates.
        self.applied: list[tuple[Requirement, bool]] = []
        self.routes_used: list[tuple[routing.Route, bool]] = []
        self.scope = document_scope(case.addressee.level)
        from kzcomplaint.core.law import elections

        self.vote = elections.rules_for(case.election.kind)

    @functools.cached_property
    def deadlines(self) -> list[Deadline]:
        """The case's terms, computed once per check (imported late: only cases with dates need it)."""
        from kzcomplaint.core.law import deadlines

        return deadlines.case_deadlines(self.case, today=self.today)

    @functools.cached_property
    def filing_terms(self) -> list[Deadline]:
        """The case's terms that the complainant must meet (the filing terms)."""
        from kzcomplaint.core.law import deadlines

        terms = []
        for deadline in self.deadlines:
            rule, _ = deadlines.rule_version(deadline.rule, deadline.event or self.today)
            if rule.party == "complainant":
                terms.append(deadline)
        return terms

    def value(self, path: str) -> Any:
        return get_path(self.case, path)

    def filled(self, path: str) -> bool:
        return _filled(self.value(path))


def _filled(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, Mapping):
        return any(_filled(item) for item in value.values())
    if isinstance(value, list | tuple):
        return any(_filled(item) for item in value)
    return True


def _level_names(level: str) -> dict[str, str]:
    from kzcomplaint.core.law import directory

    names = directory.shipped_directory()
    return {lang: names.level_name(level, lang) for lang in LANGUAGES}


def _join(items: Sequence[Mapping[str, str]]) -> dict[str, str]:
    return {lang: ", ".join(item[lang] for item in items) for lang in LANGUAGES}


def _quoted(labels: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """Questions by their labels, each in the quotation marks of its language, joined with "; "."""
    items = list(labels)
    return {
        lang: "; ".join(f"{_QUOTES[lang][0]}{label[lang]}{_QUOTES[lang][1]}" for label in items)
        for lang in LANGUAGES
    }


# ── Predicates ──────────────────────────────────────────────────────────

_Predicate = Callable[[_Context, Requirement], list[Finding]]


@dataclasses.dataclass(frozen=True)
class _Check:
    function: _Predicate
    placeholders: frozenset[str]
    labels: tuple[str, ...]
    params: tuple[str, ...]
    min_fields: int


_CHECKS: dict[str, _Check] = {}


def _check(
    name: str,
    *,
    placeholders: Iterable[str] = (),
    labels: Iterable[str] = (),
    params: Iterable[str] = (),
    min_fields: int = 1,
) -> Callable[[_Predicate], _Predicate]:
    """Register a predicate under ``name``, declaring what a requirement using it must supply.

    Args:
        name: the value of ``check`` in the rule file.
        placeholders: the ``{names}`` the predicate fills in messages and hints.
        labels: the ``labels`` entries the requirement must define.
        params: the ``params`` entries the requirement must define.
        min_fields: how many ``fields`` the predicate reads.
    """

    def register(function: _Predicate) -> _Predicate:
        _CHECKS[name] = _Check(function, frozenset(placeholders), tuple(labels), tuple(params), min_fields)
        return function

    return register


def predicate_names() -> list[str]:
    """The names a requirement's ``check`` may take."""
    return sorted(_CHECKS)


@_check("template_known")
def _template_known(ctx: _Context, req: Requirement) -> list[Finding]:
    return [] if ctx.kind is not None else [Finding(req.fields[0])]


@_check("present")
def _present(ctx: _Context, req: Requirement) -> list[Finding]:
    for path in req.fields:
        if not ctx.filled(path):
            return [Finding(path)]
    return []


@_check(
    "iin",
    placeholders={"reason"},
    labels=("length", "digits", "century", "birth_date", "check_digit", "never_issued"),
)
def _iin(ctx: _Context, req: Requirement) -> list[Finding]:
    from kzcomplaint.core.case import ids

    value = ctx.value(req.fields[0])
    if not _filled(value):
        return []
    result = ids.check_iin(str(value))
    if result.valid:
        return []
    return [Finding(req.fields[0], {"reason": req.labels[str(result.error)]})]


@_check("phone", placeholders={"reason"}, labels=("empty", "not_a_number", "invalid", "foreign"))
def _phone(ctx: _Context, req: Requirement) -> list[Finding]:
    from kzcomplaint.core.case import ids

    value = ctx.value(req.fields[0])
    if not _filled(value):
        return []
    result = ids.check_phone(str(value))
    if result.valid:
        return []
    return [Finding(req.fields[0], {"reason": req.labels[str(result.error)]})]


@_check("email")
def _email(ctx: _Context, req: Requirement) -> list[Finding]:
    from kzcomplaint.core.case import ids

    value = ctx.value(req.fields[0])
    if not _filled(value) or ids.check_email(str(value)):
        return []
    return [Finding(req.fields[0])]


@_check("iin_matches_birth_date", placeholders={"birth_date", "iin_birth_date"}, min_fields=2)
def _iin_matches_birth_date(ctx: _Context, req: Requirement) -> list[Finding]:
    from kzcomplaint.core.case import ids

    birth_date = ctx.value(req.fields[0])
    iin = ctx.value(req.fields[1])
    if not isinstance(birth_date, dt.date) or not _filled(iin):
        return []
    result = ids.check_iin(str(iin))
    if not result.valid or result.birth_date is None or result.birth_date == birth_date:
        return []
    return [Finding(req.fields[0], {"birth_date": birth_date, "iin_birth_date": result.birth_date})]


@_check("representative_authority", params=("when_filled",))
def _representative_authority(ctx: _Context, req: Requirement) -> list[Finding]:
    if not ctx.filled(str(req.params["when_filled"])):
        return []
    return [] if ctx.filled(req.fields[0]) else [Finding(req.fields[0])]


def _body_names(ctx: _Context, field: str) -> dict[str, str]:
    """The body a field belongs to as the user knows it («участковая избирательная комиссия № 123»), per language."""
    from kzcomplaint.core.law import directory

    body = ctx.value(field.rsplit(".", 1)[0])
    if not isinstance(body, Body):
        return {lang: "" for lang in LANGUAGES}
    names = directory.shipped_directory()
    number = body.number.strip()
    result = {}
    for lang in LANGUAGES:
        name = names.localized_name(body, lang).strip() if body.name.strip() else names.level_name(body.level, lang)
        if number and re.search(rf"(?<![\w/-]){re.escape(number)}(?![\w/-])", name):
            pass  # the name carries its number already («УИК № 123»)
        elif number and lang == "kk":
            if name.casefold() == names.level_name(body.level, lang).casefold():
                name = name[:1].lower() + name[1:]  # «№ 123 учаскелік сайлау комиссиясы»
            name = f"№ {number} {name}"
        elif number:
            name = f"{name} {'No.' if lang == 'en' else '№'} {number}"
        result[lang] = name
    return result


@_check("body_identified", placeholders={"body"}, params=("unique_levels",), min_fields=1)
def _body_identified(ctx: _Context, req: Requirement) -> list[Finding]:
    if any(ctx.filled(path) for path in req.fields):
        return []
    body = req.fields[0].rsplit(".", 1)[0]
    if ctx.value(f"{body}.level") in req.params["unique_levels"]:
        return []
    return [Finding(req.fields[0], {"body": _body_names(ctx, req.fields[0])})]


@_check("any_present")
def _any_present(ctx: _Context, req: Requirement) -> list[Finding]:
    return [] if any(ctx.filled(path) for path in req.fields) else [Finding(req.fields[0])]


@_check("body_present", placeholders={"body"})
def _body_present(ctx: _Context, req: Requirement) -> list[Finding]:
    """Each field of a body filled in; the message names the body as the user knows it."""
    for path in req.fields:
        if not ctx.filled(path):
            return [Finding(path, {"body": _body_names(ctx, path)})]
    return []


@_check("body_any_present", placeholders={"body"})
def _body_any_present(ctx: _Context, req: Requirement) -> list[Finding]:
    """One of a body's fields filled in (a phone or an e-mail); the message names the body."""
    if any(ctx.filled(path) for path in req.fields):
        return []
    return [Finding(req.fields[0], {"body": _body_names(ctx, req.fields[0])})]


@_check("respondent_level", placeholders={"respondent", "allowed"})
def _respondent_level(ctx: _Context, req: Requirement) -> list[Finding]:
    if ctx.kind is None:
        return []
    level = str(ctx.value(req.fields[0]))
    if level in ctx.kind.respondent_levels:
        return []
    params = {
        "respondent": _level_names(level),
        "allowed": _join([_level_names(allowed) for allowed in ctx.kind.respondent_levels]),
    }
    return [Finding(req.fields[0], params, citation=ctx.kind.citation)]


def _route_on(versions: list[routing.Route], day: dt.date) -> tuple[routing.Route, bool] | None:
    """The version of one route (one pair of levels) for ``day``, True when used outside its dates; None: closed.

    A version in force on the day is taken. A day before the first version
    (the law before the wording read) takes the first, used outside its
    dates (``rules_verified`` says so). After a version ended with none in
    force on the day, that body no longer hears the complaint: the route is
    closed.
    """
    in_force = [route for route in versions if route.in_force_on(day)]
    if in_force:
        return in_force[0], False
    first = min(versions, key=lambda route: route.effective_from)
    if day < first.effective_from:
        return first, True
    return None


@_check("addressee_level", placeholders={"addressee", "respondent", "allowed"})
def _addressee_level(ctx: _Context, req: Requirement) -> list[Finding]:
    respondent = str(ctx.value("respondent.level"))
    addressee = str(ctx.value(req.fields[0]))
    candidates = [route for route in routing.routes() if route.respondent == respondent]
    if not candidates:
        return []  # a respondent no route starts from: respondent.wrong_level says why
    by_addressee: dict[str, list[routing.Route]] = {}
    for route in candidates:
        by_addressee.setdefault(route.addressee, []).append(route)
    open_routes = {level: found for level, versions in by_addressee.items() if (found := _route_on(versions, ctx.on))}
    kind_levels = ctx.kind.addressee_levels if ctx.kind is not None else _LEVELS
    taken = open_routes.get(addressee)
    if taken is not None:
        ctx.routes_used.append(taken)
        if addressee in kind_levels:
            return []
    allowed = [level for level in open_routes if level in kind_levels] or list(open_routes)
    if taken is not None and ctx.kind is not None:
        citation = ctx.kind.citation  # the route exists; this kind of document is not for it
    else:
        # the main route for this respondent (the first listed), open on the day if one is
        citation = next((route for route, _ in open_routes.values()), candidates[0]).citation
    params = {
        "addressee": _level_names(addressee),
        "respondent": _level_names(respondent),
        "allowed": _join([_level_names(level) for level in allowed]),
    }
    return [Finding(req.fields[0], params, citation=citation)]


@_check(
    "contested_type",
    placeholders={"contested", "allowed"},
    labels=tuple(kind.value for kind in ContestedType),
)
def _contested_type(ctx: _Context, req: Requirement) -> list[Finding]:
    if ctx.kind is None:
        return []
    return _outside_the_kind(ctx, req, "contested", ctx.kind.contests, ctx.kind.citation)


def _outside_the_kind(
    ctx: _Context, req: Requirement, name: str, allowed: Sequence[str], citation: Citation
) -> list[Finding]:
    """The answer at ``req.fields[0]`` is not one of ``allowed`` (the kind's own list): name both by their labels."""
    chosen = str(ctx.value(req.fields[0]))
    if chosen in allowed:
        return []
    unknown = {lang: chosen for lang in LANGUAGES}
    params = {name: req.labels.get(chosen, unknown), "allowed": _join([req.labels[value] for value in allowed])}
    return [Finding(req.fields[0], params, citation=citation)]


@_check("constitutional_court", params=("level", "roles"), min_fields=2)
def _constitutional_court(ctx: _Context, req: Requirement) -> list[Finding]:
    if ctx.value(req.fields[0]) != req.params["level"]:
        return []
    if ctx.value(req.fields[1]) in req.params["roles"]:
        return []
    return [Finding(req.fields[0])]


@_check("publication", min_fields=4)
def _publication(ctx: _Context, req: Requirement) -> list[Finding]:
    if ctx.case.contested.type != ContestedType.DECISION.value:
        return []
    number, published_in, published_on, received_on = req.fields[:4]
    if not ctx.filled(number):
        return [Finding(number)]
    if ctx.filled(received_on) or (ctx.filled(published_in) and ctx.filled(published_on)):
        return []
    return [Finding(published_in if not ctx.filled(published_in) else published_on)]


@_check("deadline", placeholders={"last_day", "consequence"}, labels=("unanswered",))
def _deadline(ctx: _Context, req: Requirement) -> list[Finding]:
    filed = ctx.case.filing_date
    if filed is None:
        return []
    for term in ctx.filing_terms:
        if term.last_day is not None and filed > term.last_day:
            # What a late filing costs depends on the term's own law: the
            # Election Law's "not considered at all" is for commissions only.
            consequence = dict(term.late or {lang: "" for lang in LANGUAGES})
            if term.unanswered:
                # A term that holds while a question is blank: say which, so an answer can lift it.
                question = _question_labels(ctx, term.unanswered)
                for lang in LANGUAGES:
                    note = req.labels["unanswered"][lang].replace("{question}", question[lang])
                    consequence[lang] = f"{consequence[lang]} {note}".strip()
            params = {"last_day": term.last_day, "consequence": consequence}
            return [Finding(req.fields[0], params, citation=term.citation)]
    return []


def _question_labels(ctx: _Context, ids: Sequence[str]) -> dict[str, str]:
    """The kind's questions ``ids`` by their labels, quoted, in every language."""
    from kzcomplaint.core.law.questions import kind_questions

    labels = {question.id: question.label for question in kind_questions(ctx.case.template)}
    return _quoted(labels[i] for i in ids if i in labels)


@_check("non_working_last_day", placeholders={"last_day", "recommended_day"})
def _non_working_last_day(ctx: _Context, req: Requirement) -> list[Finding]:
    from kzcomplaint.core.law import deadlines

    filed = ctx.case.filing_date
    for term in ctx.filing_terms:
        if deadlines.NON_WORKING not in term.warning_codes or term.last_day is None:
            continue
        recommended = term.recommended_day
        if recommended is None:
            continue
        if filed is not None and (filed <= recommended or filed > term.last_day):
            continue  # filed in good time, or too late (deadline.expired says so)
        return [Finding(req.fields[0], {"last_day": term.last_day, "recommended_day": recommended})]
    return []


@_check("answer_addressee", placeholders={"addressee", "allowed"}, params=("answers", "levels"))
def _answer_addressee(ctx: _Context, req: Requirement) -> list[Finding]:
    """An answer that sends the document elsewhere: when one of ``params.answers`` is given, the addressee
    must be of ``params.levels`` (a registration refused: the CEC or the Supreme Court)."""
    answers: Mapping[str, Sequence[str]] = req.params["answers"]
    if not any(ctx.case.details.get(question, "").strip() in values for question, values in answers.items()):
        return []
    addressee = str(ctx.value(req.fields[0]))
    levels: Sequence[str] = req.params["levels"]
    if addressee in levels:
        return []
    params = {"addressee": _level_names(addressee), "allowed": _join([_level_names(level) for level in levels])}
    return [Finding(req.fields[0], params)]


@_check("election_kind", placeholders={"vote", "allowed"}, labels=tuple(kind.value for kind in ElectionKind))
def _election_kind(ctx: _Context, req: Requirement) -> list[Finding]:
    """The document's text is written for other kinds of vote (``election_kinds`` of the catalogue)."""
    if ctx.kind is None or not ctx.kind.election_kinds:
        return []
    return _outside_the_kind(ctx, req, "vote", ctx.kind.election_kinds, ctx.kind.citation)


@_check("role_in", params=("roles",))
def _role_in(ctx: _Context, req: Requirement) -> list[Finding]:
    return [] if ctx.value(req.fields[0]) in req.params["roles"] else [Finding(req.fields[0])]


@_check("role_exists_in_vote")
def _role_exists_in_vote(ctx: _Context, req: Requirement) -> list[Finding]:
    return [Finding(req.fields[0])] if ctx.value(req.fields[0]) in ctx.vote.roles_not_offered else []


@_check("vote_rules_confirmed", placeholders={"note"})
def _vote_rules_confirmed(ctx: _Context, req: Requirement) -> list[Finding]:
    if ctx.vote.rules_confirmed or ctx.vote.note is None:
        return []
    return [Finding(req.fields[0], {"note": ctx.vote.note})]


@_check("facts_stated", placeholders={"missing"}, labels=("unanswered",))
def _facts_stated(ctx: _Context, req: Requirement) -> list[Finding]:
    """The facts: the user's own text, or the kind's sentences of the circumstances filled with the answers.

    Without a facts text the document tells the facts in the kind's own
    sentences (issue 9): complete when every required question those
    sentences tell is answered. The problem then names the ones that are not.
    """
    if ctx.filled(req.fields[0]):
        return []
    from kzcomplaint.core.law.questions import facts_questions

    asked = facts_questions(ctx.kind.id) if ctx.kind is not None else ()
    required = [question for question in asked if question.required]
    if not required:
        return [Finding(req.fields[0], {"missing": {lang: "" for lang in LANGUAGES}})]
    unanswered = [question for question in required if not _filled(ctx.case.details.get(question.id))]
    if not unanswered:
        return []  # the paper states the facts from the answers
    quoted = _quoted(question.label for question in unanswered)
    missing = {lang: " " + req.labels["unanswered"][lang].replace("{questions}", quoted[lang]) for lang in LANGUAGES}
    return [Finding(req.fields[0], {"missing": missing})]


@_check("detail_answers", placeholders={"questions"})
def _detail_answers(ctx: _Context, req: Requirement) -> list[Finding]:
    if ctx.kind is None:
        return []
    from kzcomplaint.core.law.questions import kind_questions

    unanswered = [
        question
        for question in kind_questions(ctx.kind.id)
        if question.required and not _filled(ctx.case.details.get(question.id))
    ]
    if not unanswered:
        return []
    questions = _quoted(question.label for question in unanswered)
    return [Finding(f"details.{unanswered[0].id}", {"questions": questions})]


def _numbered(label: Mapping[str, str], number: int) -> dict[str, str]:
    """«2-талап», «требование 2», "request 2"."""
    return {lang: f"{number}-{label[lang]}" if lang == "kk" else f"{label[lang]} {number}" for lang in LANGUAGES}


@_check(
    "language_mixed",
    placeholders={"language", "fields"},
    labels=("lang_kk", "lang_ru", "lang_en", "facts", "request", "attachment", "evidence"),
    params=("blocking_documents",),
)
def _language_mixed(ctx: _Context, req: Requirement) -> list[Finding]:
    from kzcomplaint.core.law.questions import kind_questions
    from kzcomplaint.core.text import detect

    language = ctx.case.language
    texts = ctx.case.texts_in(language)

    def foreign(text: str) -> bool:
        written = detect.text_language(text)
        return written is not None and written != language

    found: list[tuple[str, Mapping[str, str]]] = []
    if foreign(texts.facts):
        found.append(("facts", req.labels["facts"]))
    questions = kind_questions(ctx.kind.id) if ctx.kind is not None else ()
    for question in questions:
        if question.type in ("text", "multiline") and foreign(texts.details.get(question.id, "")):
            found.append((f"details.{question.id}", _quoted([question.label])))
    for name, items in (("request", texts.requests), ("attachment", texts.attachments)):
        for index, text in enumerate(items):
            if foreign(text):
                found.append((f"{name}s.{index}", _numbered(req.labels[name], index + 1)))
    for index, item in enumerate(ctx.case.evidence):
        if foreign(item.translations.get(language, "") or item.description):
            found.append((f"evidence.{index}.description", _numbered(req.labels["evidence"], index + 1)))
    if not found:
        return []
    blocking = ctx.kind is not None and ctx.kind.document in req.params["blocking_documents"]
    params = {"language": req.labels[f"lang_{language}"], "fields": _join([label for _, label in found])}
    return [Finding(found[0][0], params, severity=BLOCKING if blocking else None)]


@_check("evidence_readable", placeholders={"file"})
def _evidence_readable(ctx: _Context, req: Requirement) -> list[Finding]:
    """Evidence files the document will say nothing about: refused, missing or unreadable.

    Asked of :func:`kzcomplaint.core.case.evidence.read_evidence`, as the
    document asks it, so the warning and the paper agree; a quick look (the
    file is opened, not hashed), since the window checks on every change.
    """
    from kzcomplaint.core.case import evidence

    findings = []
    for index, item in enumerate(ctx.case.evidence):
        if not item.file:
            continue
        if not evidence.read_evidence(item.file, ctx.base_dir, picked=ctx.picked, content=False).ok:
            findings.append(Finding(f"evidence.{index}.file", {"file": item.file}))
    return findings


@functools.cache
def kind_citations(kind_id: str) -> tuple[Citation, ...]:
    """The provisions the document of a kind cites (its template's ``[[legal_basis]]``)."""
    from kzcomplaint.core.law.questions import template_data

    entries = template_data(kind_id).get("legal_basis", [])
    citations = []
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        fields = {key: value for key, value in entry.items() if key not in ("summary", "when")}
        citations.append(parse_citation(fields, f"{kind_id}.toml legal_basis[{index}]"))
    return tuple(citations)


@_check("provisions_confirmed", placeholders={"citations"})
def _provisions_confirmed(ctx: _Context, req: Requirement) -> list[Finding]:
    if ctx.kind is None:
        return []
    unconfirmed = [citation for citation in kind_citations(ctx.kind.id) if not citation.is_confirmed]
    if not unconfirmed:
        return []
    texts = {lang: "; ".join(citation.text(lang) for citation in unconfirmed) for lang in LANGUAGES}
    return [Finding(req.fields[0], {"citations": texts})]


@_check("rules_verified", placeholders={"verified_as_of", "date", "changes"}, labels=("before",))
def _rules_verified(ctx: _Context, req: Requirement) -> list[Finding]:
    from kzcomplaint.core.law import amendments, deadlines
    from kzcomplaint.core.text import legal_dates

    dates = [day for day in (ctx.case.contested.date, ctx.on) if day is not None]
    reference = max(dates)
    checked = [version.verified_as_of for version, _ in ctx.applied]
    checked += [route.verified_as_of for route, _ in ctx.routes_used]
    # A version used outside its dates is a doubt only where it rests on a provision: the app's own
    # check (no provision for this kind of paper) has no wording that could have differed.
    grounded = [version for version, fallback in ctx.applied if fallback and version.ground(ctx.scope) is not None]
    outside = bool(grounded) or any(fallback for _, fallback in ctx.routes_used)
    terms_flagged = any(deadlines.LAW_UNVERIFIED in term.warning_codes for term in ctx.deadlines)
    verified = min(checked) if checked else req.verified_as_of
    if reference <= verified and not outside and not terms_flagged:
        return []
    # Dated before the wording the app read came into force: say which provisions and from when.
    earlier = [version for version in grounded if ctx.on < version.effective_from]
    if earlier and reference <= verified and not terms_flagged:
        first = min(version.effective_from for version in earlier)
        provisions = list(dict.fromkeys(c for version in earlier if (c := version.ground(ctx.scope)) is not None))
        before = {
            lang: req.labels["before"][lang]
            .replace("{citations}", "; ".join(citation.text(lang) for citation in provisions))
            .replace("{effective_from}", legal_dates.format_legal_date(first, lang))
            .replace("{on}", legal_dates.format_legal_date(ctx.on, lang))
            for lang in LANGUAGES
        }
        return [Finding(req.fields[0], {"verified_as_of": verified, "date": reference, "changes": before})]
    # Name what is known to change in the provisions this case rests on.
    cited = [version.ground(ctx.scope) for version, _ in ctx.applied]
    cited += [route.citation for route, _ in ctx.routes_used]
    cited += [term.citation for term in ctx.deadlines]
    if ctx.kind is not None:
        cited.append(ctx.kind.citation)
    found = [citation for citation in cited if citation is not None]
    changes = amendments.known_changes(found, reference) or amendments.no_known_changes()
    return [Finding(req.fields[0], {"verified_as_of": verified, "date": reference, "changes": changes})]


# Predicates that need the addressee route or the deadlines to have been looked at
# before they run, whatever the order of the rule file.
_RUN_LAST = frozenset({"rules_verified"})


# ── Loading and validating the rule files ───────────────────────────────


@functools.cache
def _exemplar() -> Case:
    return Case(representative=Person())


def valid_field_path(path: str) -> bool:
    """Whether ``path`` names a field of :class:`~kzcomplaint.core.case.model.Case` (``details.<id>`` allowed)."""
    current: Any = _exemplar()
    for part in path.split("."):
        if isinstance(current, dict):
            return bool(part)
        if isinstance(current, list):
            return part.isdigit()
        if not dataclasses.is_dataclass(current) or part not in {f.name for f in dataclasses.fields(current)}:
            return False
        current = getattr(current, part)
    return True


def _placeholders(text: str, where: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as error:
        raise ruledata.fail(where, f"malformed placeholder ({error})") from None


def _texts(raw: object, where: str, allowed: frozenset[str], must_match: set[str] | None) -> dict[str, str]:
    texts = ruledata.localized(raw, where)
    names = {lang: _placeholders(text, f"{where}.{lang}") for lang, text in texts.items()}
    for lang, found in names.items():
        unknown = found - allowed
        if unknown:
            raise ruledata.fail(f"{where}.{lang}", f"placeholders {sorted(unknown)} are not filled by this check")
    reference = names[LANGUAGES[0]] if must_match is None else must_match
    for lang, found in names.items():
        if found != reference:
            raise ruledata.fail(f"{where}.{lang}", f"placeholders {sorted(found)} differ from {sorted(reference)}")
    return texts


def parse_requirement(entry: Mapping[str, Any], index: int, kind_ids: Iterable[str]) -> Requirement:
    """Validate one ``[[requirement]]`` entry.

    Raises:
        RuleFileError: naming the entry and the key at fault.
    """
    label = entry.get("id") if isinstance(entry.get("id"), str) else f"#{index + 1}"
    where = f"{REQUIREMENTS_FILE} [[requirement]] {label}"
    ruledata.check_keys(entry, _REQUIREMENT_KEYS, _REQUIREMENT_OPTIONAL, where)
    requirement_id = entry["id"]
    if not isinstance(requirement_id, str) or not requirement_id.strip() or " " in requirement_id:
        raise ruledata.fail(f"{where} id", "expected a code such as iin.invalid")
    severity = entry["severity"]
    if severity not in SEVERITIES:
        raise ruledata.fail(f"{where} severity", f"{severity!r} is not one of {', '.join(SEVERITIES)}")
    check_name = entry["check"]
    if check_name not in _CHECKS:
        known = ", ".join(sorted(_CHECKS))
        raise ruledata.fail(f"{where} check", f"{check_name!r} is not a predicate of checks.py ({known})")
    spec = _CHECKS[check_name]
    fields = ruledata.string_list(entry["fields"], f"{where} fields")
    if len(fields) < spec.min_fields:
        raise ruledata.fail(f"{where} fields", f"the {check_name!r} check reads {spec.min_fields} field(s)")
    bad_fields = [path for path in fields if not valid_field_path(path)]
    if bad_fields:
        raise ruledata.fail(f"{where} fields", f"not fields of a case: {bad_fields}")
    kinds = ruledata.string_list(entry["kinds"], f"{where} kinds")
    known_kinds = set(kind_ids)
    if not kinds:
        raise ruledata.fail(f"{where} kinds", 'the list is empty; use ["*"] for every kind')
    if ALL_KINDS in kinds and len(kinds) > 1:
        raise ruledata.fail(f"{where} kinds", '"*" must stand alone')
    unknown_kinds = [kind for kind in kinds if kind != ALL_KINDS and kind not in known_kinds]
    if unknown_kinds:
        raise ruledata.fail(f"{where} kinds", f"not kinds of catalog.toml: {unknown_kinds}")
    raw_labels = entry.get("labels", {})
    if not isinstance(raw_labels, Mapping):
        raise ruledata.fail(f"{where} labels", "expected a table of three-language texts")
    labels = {code: ruledata.localized(text, f"{where} labels.{code}") for code, text in raw_labels.items()}
    missing_labels = [code for code in spec.labels if code not in labels]
    if missing_labels:
        raise ruledata.fail(f"{where} labels", f"the {check_name!r} check needs labels for {missing_labels}")
    params = entry.get("params", {})
    if not isinstance(params, Mapping):
        raise ruledata.fail(f"{where} params", "expected a table")
    missing_params = [name for name in spec.params if name not in params]
    if missing_params:
        raise ruledata.fail(f"{where} params", f"the {check_name!r} check needs {missing_params}")
    extra_params = sorted(set(params) - set(spec.params))
    if extra_params:
        raise ruledata.fail(f"{where} params", f"not used by the {check_name!r} check: {extra_params}")
    if "when_filled" in params and not valid_field_path(str(params["when_filled"])):
        raise ruledata.fail(f"{where} params.when_filled", f"{params['when_filled']!r} is not a field of a case")
    if "unique_levels" in params:
        levels = ruledata.string_list(params["unique_levels"], f"{where} params.unique_levels")
        bad = [level for level in levels if level not in _LEVELS]
        if bad:
            raise ruledata.fail(f"{where} params.unique_levels", f"unknown levels {bad}")
    message = _texts(entry["message"], f"{where} message", spec.placeholders, None)
    hint = _texts(entry["hint"], f"{where} hint", spec.placeholders, None)
    effective_from = ruledata.date_value(entry["effective_from"], f"{where} effective_from", required=True)
    effective_to = ruledata.date_value(entry.get("effective_to"), f"{where} effective_to")
    verified = ruledata.date_value(entry["verified_as_of"], f"{where} verified_as_of", required=True)
    assert effective_from is not None and verified is not None  # required=True guarantees it
    if effective_to is not None and effective_to < effective_from:
        raise ruledata.fail(f"{where} effective_to", "is before effective_from")
    if ("citation" in entry) == ("grounds" in entry):
        raise ruledata.fail(where, "give either a citation or grounds by document, not both")
    citation = _ground(entry["citation"], f"{where} citation") if "citation" in entry else None
    grounds = _grounds(entry["grounds"], f"{where} grounds") if "grounds" in entry else None
    practice = parse_citation(entry["practice"], f"{where} practice") if "practice" in entry else None
    if practice is not None and not practice.source.report:
        raise ruledata.fail(f"{where} practice", "practice is a report of court practice, not a law: cite the law")
    if grounds is not None:
        citation = next((ground for ground in grounds.values() if ground is not None), None)
    sole_grounds = [citation] if grounds is None else list(grounds.values())
    if any(ground is not None and ground.source.report for ground in sole_grounds):
        raise ruledata.fail(where, "a report of practice is never the legal basis: cite it as practice")
    return Requirement(
        id=requirement_id,
        severity=str(severity),
        check=str(check_name),
        fields=fields,
        kinds=kinds,
        citation=citation,
        message=message,
        hint=hint,
        labels=labels,
        params=dict(params),
        effective_from=effective_from,
        effective_to=effective_to,
        verified_as_of=verified,
        index=index,
        grounds=grounds,
        practice=practice,
    )


def _ground(raw: object, where: str) -> Citation | None:
    """A citation table, or ``"none"``: no provision of law requires it."""
    if raw == NO_PROVISION:
        return None
    return parse_citation(raw, where)


def _grounds(raw: object, where: str) -> dict[str, Citation | None]:
    if not isinstance(raw, Mapping) or not raw:
        raise ruledata.fail(where, f"expected a table with some of {', '.join(SCOPES)}")
    unknown = sorted(set(raw) - set(SCOPES))
    if unknown:
        raise ruledata.fail(where, f"unknown documents {unknown}; use {', '.join(SCOPES)}")
    return {scope: _ground(raw[scope], f"{where}.{scope}") for scope in SCOPES if scope in raw}


def parse_requirements(data: Mapping[str, Any], kind_ids: Iterable[str]) -> tuple[Requirement, ...]:
    """Validate a loaded ``requirements.toml``: every entry, and versions of one id never overlapping.

    Raises:
        RuleFileError: naming the entry and the key at fault.
    """
    unknown = sorted(set(data) - {"requirement", "scopes"})
    if unknown:
        raise ruledata.fail(REQUIREMENTS_FILE, f"unknown top-level keys {unknown}")
    raw = data.get("requirement")
    if not isinstance(raw, list) or not raw:
        raise ruledata.fail(REQUIREMENTS_FILE, "no [[requirement]] entries")
    kinds = tuple(kind_ids)
    result: list[Requirement] = []
    for index, entry in enumerate(raw):
        if not isinstance(entry, Mapping):
            raise ruledata.fail(f"{REQUIREMENTS_FILE} [[requirement]] #{index + 1}", "expected a table")
        requirement = parse_requirement(entry, index, kinds)
        for other in result:
            if other.id != requirement.id:
                continue
            if ruledata.periods_overlap(
                other.effective_from, other.effective_to, requirement.effective_from, requirement.effective_to
            ):
                raise ruledata.fail(
                    f"{REQUIREMENTS_FILE} [[requirement]] {requirement.id}",
                    "two versions are in force on the same dates",
                )
            if other.severity != requirement.severity:
                raise ruledata.fail(
                    f"{REQUIREMENTS_FILE} [[requirement]] {requirement.id} severity",
                    "differs between versions of the same code",
                )
        result.append(requirement)
    return tuple(result)


@functools.cache
def _scopes() -> dict[str, str]:
    """Addressee level → document scope, from ``[scopes]`` of the requirements file."""
    raw = ruledata.load(REQUIREMENTS_FILE).get("scopes")
    where = f"{REQUIREMENTS_FILE} [scopes]"
    if not isinstance(raw, Mapping) or set(raw) != set(SCOPES):
        raise ruledata.fail(where, f"expected a table with {', '.join(SCOPES)}")
    result: dict[str, str] = {}
    for scope in SCOPES:
        for level in ruledata.string_list(raw[scope], f"{where} {scope}"):
            if level not in _LEVELS or level in result:
                raise ruledata.fail(f"{where} {scope}", f"{level!r} is unknown or listed twice")
            result[level] = scope
    missing = sorted(set(_LEVELS) - set(result))
    if missing:
        raise ruledata.fail(where, f"levels without a document: {missing}")
    return result


def document_scope(addressee_level: str) -> str:
    """``claim``, ``appeal`` or ``complaint``: what a document to a body of ``addressee_level`` is in law."""
    return _scopes().get(addressee_level, "complaint")


@functools.cache
def requirements() -> tuple[Requirement, ...]:
    """Every version of every requirement, in file order (loaded once, validated)."""
    return parse_requirements(ruledata.load(REQUIREMENTS_FILE), catalogue.catalog())


def problem_codes() -> list[str]:
    """Every problem code the checker can report, in file order."""
    return list(dict.fromkeys(requirement.id for requirement in requirements()))


@functools.lru_cache(maxsize=64)
def _versions_on(day: dt.date) -> tuple[tuple[Requirement, bool], ...]:
    """One version of each requirement for ``day``; ``True`` marks a version used outside its dates.

    Cached by day (the requirements are loaded once): a batch checks thousands of cases filed on a few days.
    """
    grouped: dict[str, list[Requirement]] = {}
    for requirement in requirements():
        grouped.setdefault(requirement.id, []).append(requirement)
    chosen: list[tuple[Requirement, bool]] = []
    for versions in grouped.values():
        versions.sort(key=lambda version: version.effective_from)
        in_force = [version for version in versions if version.in_force_on(day)]
        if in_force:
            chosen.append((in_force[0], False))
        elif day < versions[0].effective_from:
            chosen.append((versions[0], True))
        else:
            chosen.append(([v for v in versions if v.effective_from <= day][-1], True))
    chosen.sort(key=lambda pair: pair[0].index)
    return tuple(chosen)


def requirements_for(template_id: str, on: dt.date | None = None) -> list[Requirement]:
    """The requirements a document of kind ``template_id`` must meet on ``on`` (default today).

    This is the one answer to "which requirements apply to this kind": the
    catalogue does not list them, each requirement's ``kinds`` does.
    """
    day = on or dt.date.today()
    return [version for version, _ in _versions_on(day) if version.applies_to(template_id)]


# ── Checking a case ─────────────────────────────────────────────────────


def _render(texts: Mapping[str, str], params: Mapping[str, object]) -> dict[str, str]:
    from kzcomplaint.core.text import legal_dates

    result = {}
    for lang in LANGUAGES:
        values: dict[str, object] = {}
        for name, value in params.items():
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                values[name] = legal_dates.format_legal_date(value, lang)
            elif isinstance(value, Mapping):
                values[name] = value[lang]
            else:
                values[name] = value
        result[lang] = texts[lang].format(**values)
    return result


def check_case(
    case: Case, *, today: dt.date | None = None, base_dir: Path | None = None, picked: Collection[Path] = ()
) -> list[Problem]:
    """Check ``case`` for everything that would get it dismissed on form.

    Args:
        case: the case to check.
        today: the date to check against (default: the system date; the CLI's
            ``--today`` sets it for training; a workshop draft's default is its
            story's day). It also decides which version of each requirement
            applies when the case has no filing date.
        base_dir: the case file's folder, where relative evidence paths start;
            no evidence file outside it is read but ``picked`` (None: only ``picked``).
        picked: evidence files the user picked in a file dialog (the GUI),
            read wherever they are — as the document reads them.

    Returns:
        The problems, blocking ones first, otherwise in the order of the rule
        file. An empty list means the document may be filed.
    """
    ctx = _Context(case, today or case.story_today() or dt.date.today(), base_dir, picked)
    template_id = ctx.kind.id if ctx.kind is not None else ""
    # With an unknown kind only the requirements for every kind can be applied.
    applicable = [
        (version, fallback)
        for version, fallback in _versions_on(ctx.on)
        if version.applies_to(template_id) and version.concerns(ctx.scope)
    ]
    ctx.applied = applicable
    ordered = [pair for pair in applicable if pair[0].check not in _RUN_LAST]
    ordered += [pair for pair in applicable if pair[0].check in _RUN_LAST]
    problems: list[tuple[int, Problem]] = []
    for requirement, _ in ordered:
        for finding in _CHECKS[requirement.check].function(ctx, requirement):
            citation = finding.citation or requirement.ground(ctx.scope)
            if citation is not None:
                citation = ctx.vote.citation(citation)
            via = ctx.vote.via if citation is not None and citation.law == "election_law" else None
            problem = Problem(
                code=requirement.id,
                severity=finding.severity or requirement.severity,
                field=finding.field,
                message=_render(requirement.message, finding.params),
                hint=_render(requirement.hint, finding.params),
                citation=citation,
                practice=requirement.practice,
                via=via,
            )
            problems.append((requirement.index, problem))
    problems.sort(key=lambda pair: (SEVERITIES.index(pair[1].severity), pair[0]))
    return [problem for _, problem in problems]


def has_blocking(problems: Iterable[Problem]) -> bool:
    """Whether any of ``problems`` blocks filing."""
    return any(problem.blocking for problem in problems)


__all__ = [
    "BLOCKING",
    "NO_PROVISION",
    "SCOPES",
    "SEVERITIES",
    "WARNING",
    "Finding",
    "Problem",
    "Requirement",
    "check_case",
    "document_scope",
    "has_blocking",
    "kind_citations",
    "parse_requirement",
    "parse_requirements",
    "predicate_names",
    "problem_codes",
    "requirements",
    "requirements_for",
    "valid_field_path",
]
