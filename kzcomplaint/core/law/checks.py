"""The admissibility checker: what in a case would get the document dismissed on form.

What is required is data (``rules/requirements.toml``): each requirement names
a predicate of this module, the fields it looks at, the document kinds it
applies to, whether it blocks filing or only warns, its citation, and its
message and fix hint in Kazakh, Russian and English. Which body may hear a
complaint against which is data too (``rules/hierarchy.toml``). This module
holds the predicates — how to look at a case — and no legal rule.

:func:`check_case` returns :class:`Problem` objects, blocking ones first,
each with the field to jump to and its citation. The checker never raises on
a bad case: an unknown document kind is itself a problem (``template.unknown``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import string
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from kzcomplaint.core.case.model import Body, Case, ContestedType, Level, Person, get_path
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
    }
)
_REQUIREMENT_OPTIONAL = frozenset({"labels", "params", "effective_to"})

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
    citation: Citation
    message: Mapping[str, str]
    hint: Mapping[str, str]
    labels: Mapping[str, Mapping[str, str]]
    params: Mapping[str, Any]
    effective_from: dt.date
    effective_to: dt.date | None
    verified_as_of: dt.date
    index: int
    """Position in the file: the order problems of equal severity are reported in."""

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
        citation: the ground; check ``citation.is_confirmed`` before relying on it.
    """

    code: str
    severity: str
    field: str
    message: Mapping[str, str]
    hint: Mapping[str, str]
    citation: Citation

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
            "citation": self.citation.text(language),
            "citation_confirmed": self.citation.is_confirmed,
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


# ── The context a predicate sees ────────────────────────────────────────


class _Context:
    """The case under check and what predicates share: the kind, the dates, the deadlines."""

    def __init__(self, case: Case, today: dt.date) -> None:
        self.case = case
        self.today = today
        # The date that decides which version of a requirement (and route) applies.
        self.on = case.filing_date or today
        try:
            self.kind: catalogue.TemplateInfo | None = catalogue.get(case.template)
        except catalogue.UnknownTemplateError:
            self.kind = None
        # The versions applied and the routes taken, each with True when used outside its dates.
        self.applied: list[tuple[Requirement, bool]] = []
        self.routes_used: list[tuple[routing.Route, bool]] = []

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
        if number and lang == "kk":
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


@_check("body_contacts", placeholders={"body"}, min_fields=2)
def _body_contacts(ctx: _Context, req: Requirement) -> list[Finding]:
    address, *contacts = req.fields
    params = {"body": _body_names(ctx, address)}
    if not ctx.filled(address):
        return [Finding(address, params)]
    if not any(ctx.filled(path) for path in contacts):
        return [Finding(contacts[0], params)]
    return []


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


@_check("addressee_level", placeholders={"addressee", "respondent", "allowed"})
def _addressee_level(ctx: _Context, req: Requirement) -> list[Finding]:
    respondent = str(ctx.value("respondent.level"))
    addressee = str(ctx.value(req.fields[0]))
    candidates = [route for route in routing.routes() if route.respondent == respondent]
    if not candidates:
        return []  # a respondent no route starts from: respondent.wrong_level says why
    matching = [route for route in candidates if route.addressee == addressee]
    in_force = [route for route in matching if route.in_force_on(ctx.on)]
    kind_levels = ctx.kind.addressee_levels if ctx.kind is not None else _LEVELS
    if matching:
        chosen = in_force[0] if in_force else matching[-1]
        ctx.routes_used.append((chosen, not in_force))
        if addressee in kind_levels:
            return []
    allowed = [route.addressee for route in candidates if route.addressee in kind_levels]
    if not allowed:
        allowed = [route.addressee for route in candidates]
    allowed = list(dict.fromkeys(allowed))
    if matching and ctx.kind is not None:
        citation = ctx.kind.citation  # the route exists; this kind of document is not for it
    else:
        citation = candidates[0].citation  # the main route for this respondent
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
    chosen = str(ctx.value(req.fields[0]))
    if chosen in ctx.kind.contests:
        return []
    unknown = {lang: chosen for lang in LANGUAGES}
    params = {
        "contested": req.labels.get(chosen, unknown),
        "allowed": _join([req.labels[kind] for kind in ctx.kind.contests]),
    }
    return [Finding(req.fields[0], params, citation=ctx.kind.citation)]


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


@_check("deadline", placeholders={"last_day"})
def _deadline(ctx: _Context, req: Requirement) -> list[Finding]:
    filed = ctx.case.filing_date
    if filed is None:
        return []
    for term in ctx.filing_terms:
        if term.last_day is not None and filed > term.last_day:
            return [Finding(req.fields[0], {"last_day": term.last_day}, citation=term.citation)]
    return []


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
    questions = {
        lang: "; ".join(f"{_QUOTES[lang][0]}{q.label[lang]}{_QUOTES[lang][1]}" for q in unanswered)
        for lang in LANGUAGES
    }
    return [Finding(f"details.{unanswered[0].id}", {"questions": questions})]


@_check("rules_verified", placeholders={"verified_as_of", "date"})
def _rules_verified(ctx: _Context, req: Requirement) -> list[Finding]:
    from kzcomplaint.core.law import deadlines

    dates = [day for day in (ctx.case.contested.date, ctx.on) if day is not None]
    reference = max(dates)
    checked = [version.verified_as_of for version, _ in ctx.applied]
    checked += [route.verified_as_of for route, _ in ctx.routes_used]
    outside = any(fallback for _, fallback in ctx.applied) or any(fallback for _, fallback in ctx.routes_used)
    terms_flagged = any(deadlines.LAW_UNVERIFIED in term.warning_codes for term in ctx.deadlines)
    verified = min(checked) if checked else req.verified_as_of
    if reference <= verified and not outside and not terms_flagged:
        return []
    return [Finding(req.fields[0], {"verified_as_of": verified, "date": reference})]


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
            if not part.isdigit():
                return False
            return True
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
    return Requirement(
        id=requirement_id,
        severity=str(severity),
        check=str(check_name),
        fields=fields,
        kinds=kinds,
        citation=parse_citation(entry["citation"], f"{where} citation"),
        message=message,
        hint=hint,
        labels=labels,
        params=dict(params),
        effective_from=effective_from,
        effective_to=effective_to,
        verified_as_of=verified,
        index=index,
    )


def parse_requirements(data: Mapping[str, Any], kind_ids: Iterable[str]) -> tuple[Requirement, ...]:
    """Validate a loaded ``requirements.toml``: every entry, and versions of one id never overlapping.

    Raises:
        RuleFileError: naming the entry and the key at fault.
    """
    unknown = sorted(set(data) - {"requirement"})
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
def requirements() -> tuple[Requirement, ...]:
    """Every version of every requirement, in file order (loaded once, validated)."""
    return parse_requirements(ruledata.load(REQUIREMENTS_FILE), catalogue.catalog())



def problem_codes() -> list[str]:
    """Every problem code the checker can report, in file order."""
    return list(dict.fromkeys(requirement.id for requirement in requirements()))


def _versions_on(day: dt.date) -> list[tuple[Requirement, bool]]:
    """One version of each requirement for ``day``; ``True`` marks a version used outside its dates."""
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
    return chosen


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


def check_case(case: Case, *, today: dt.date | None = None) -> list[Problem]:
    """Check ``case`` for everything that would get it dismissed on form.

    Args:
        case: the case to check.
        today: the date to check against (default: the system date; the CLI's
            ``--today`` sets it for training). It also decides which version of
            each requirement applies when the case has no filing date.

    Returns:
        The problems, blocking ones first, otherwise in the order of the rule
        file. An empty list means the document may be filed.
    """
    ctx = _Context(case, today or dt.date.today())
    template_id = ctx.kind.id if ctx.kind is not None else ""
    # With an unknown kind only the requirements for every kind can be applied.
    applicable = [(version, fallback) for version, fallback in _versions_on(ctx.on) if version.applies_to(template_id)]
    ctx.applied = applicable
    ordered = [pair for pair in applicable if pair[0].check not in _RUN_LAST]
    ordered += [pair for pair in applicable if pair[0].check in _RUN_LAST]
    problems: list[tuple[int, Problem]] = []
    for requirement, _ in ordered:
        for finding in _CHECKS[requirement.check].function(ctx, requirement):
            problem = Problem(
                code=requirement.id,
                severity=requirement.severity,
                field=finding.field,
                message=_render(requirement.message, finding.params),
                hint=_render(requirement.hint, finding.params),
                citation=finding.citation or requirement.citation,
            )
            problems.append((requirement.index, problem))
    problems.sort(key=lambda pair: (SEVERITIES.index(pair[1].severity), pair[0]))
    return [problem for _, problem in problems]


def has_blocking(problems: Iterable[Problem]) -> bool:
    """Whether any of ``problems`` blocks filing."""
    return any(problem.blocking for problem in problems)


__all__ = [
    "BLOCKING",
    "SEVERITIES",
    "WARNING",
    "Finding",
    "Problem",
    "Requirement",
    "check_case",
    "has_blocking",
    "parse_requirement",
    "parse_requirements",
    "predicate_names",
    "problem_codes",
    "requirements",
    "requirements_for",
    "valid_field_path",
]
