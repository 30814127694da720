"""The catalogue of document kinds: what the app drafts, for which bodies, under which terms.

The catalogue is data (``rules/catalog.toml``): one entry per document kind
with its titles and a plain-words description in three languages, the
levels of body it may be brought against and addressed to, the deadline
rules that may apply and the provision it rests on. This module reads it,
validates every entry (an error names the entry and the key) and answers
questions about it. The document text of a kind lives in
``templates/<id>.toml``; which requirements apply to a kind is decided by
``rules/requirements.toml`` alone (see :func:`kzcomplaint.core.law.checks.requirements_for`).
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
from collections.abc import Mapping
from typing import Any

from kzcomplaint.core.case.model import ContestedType, ElectionKind, Level
from kzcomplaint.core.law import ruledata
from kzcomplaint.core.law.citations import Citation, parse_citation
from kzcomplaint.core.text.i18n import N_, Message
from kzcomplaint.core.text.languages import LANGUAGES

CATALOG_FILE = "catalog.toml"

GROUP_IDS: tuple[str, ...] = ("observer_rights", "voting", "counting", "decisions")
"""The groups the contract allows (docs/DESIGN.md); their order and titles come from the file."""

DOCUMENT_TYPES: tuple[str, ...] = ("complaint", "act", "appeal", "claim", "application")
"""What kind of paper a document kind produces."""

ELECTION_KINDS: tuple[str, ...] = tuple(kind.value for kind in ElectionKind)

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_RULE_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
_GROUP_KEYS = frozenset({"id", "title"})
_KIND_KEYS = frozenset(
    {
        "id",
        "group",
        "document",
        "title",
        "description",
        "keywords",
        "contests",
        "respondent_levels",
        "addressee_levels",
        "deadline_rules",
        "citation",
        "election_kinds",
    }
)
_KIND_OPTIONAL = frozenset({"election_kinds"})

_UNKNOWN_WITH_SUGGESTIONS = N_("Unknown document kind “{template}”. Did you mean: {suggestions}?")
_UNKNOWN_PLAIN = N_("Unknown document kind “{template}”. Run “kzcomplaint templates” to list the kinds.")


class UnknownTemplateError(KeyError):
    """A template id that is not in the catalogue; ``message`` says which ids are close.

    A ``KeyError`` (so ``except LookupError`` and ``except KeyError`` both
    catch it) whose text is a sentence, not a quoted key.
    """

    def __init__(self, template_id: str, suggestions: tuple[str, ...]) -> None:
        """Remember the id asked for and the close matches found."""
        self.template_id = template_id
        self.suggestions = suggestions
        if suggestions:
            self.message = Message(_UNKNOWN_WITH_SUGGESTIONS, template=template_id, suggestions=", ".join(suggestions))
        else:
            self.message = Message(_UNKNOWN_PLAIN, template=template_id)
        super().__init__(f"unknown document kind {template_id!r}")

    def __str__(self) -> str:
        """The plain English text (``KeyError`` would quote it)."""
        return str(self.args[0])


@dataclasses.dataclass(frozen=True)
class Group:
    """A group of document kinds on the "what happened?" screen."""

    id: str
    title: Mapping[str, str]
    kinds: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class TemplateInfo:
    """Everything the app knows about one document kind except its text."""

    id: str
    group: str
    document: str
    title: Mapping[str, str]
    description: Mapping[str, str]
    keywords: Mapping[str, tuple[str, ...]]
    contests: tuple[str, ...]
    respondent_levels: tuple[str, ...]
    addressee_levels: tuple[str, ...]
    deadline_rules: tuple[str, ...]
    citation: Citation
    election_kinds: tuple[str, ...] = ()
    """The kinds of vote the document is written for (model.ElectionKind values); empty = any."""


@dataclasses.dataclass(frozen=True)
class _Catalog:
    groups: tuple[Group, ...]
    kinds: dict[str, TemplateInfo]


def _table(raw: object, where: str) -> Mapping[str, Any]:
    if not isinstance(raw, Mapping):
        raise ruledata.RuleFileError(f"{where}: expected a table")
    return raw


def _check_keys(
    entry: Mapping[str, Any], allowed: frozenset[str], where: str, optional: frozenset[str] = frozenset()
) -> None:
    if "requirements" in entry and "requirements" not in allowed:
        raise ruledata.RuleFileError(
            f"{where}: key 'requirements' is not used here; list the kind in the "
            "`kinds` of the requirement in requirements.toml instead"
        )
    ruledata.check_keys(entry, allowed, optional, where)


def _identifier(raw: object, where: str) -> str:
    if not isinstance(raw, str) or not _ID.match(raw):
        raise ruledata.RuleFileError(f"{where}: expected an id of lower-case letters, digits and _, got {raw!r}")
    return raw


def _choices(raw: object, allowed: tuple[str, ...], where: str, *, empty_ok: bool = False) -> tuple[str, ...]:
    values = ruledata.string_list(raw, where)
    if not values and not empty_ok:
        raise ruledata.RuleFileError(f"{where}: the list is empty")
    unknown = [value for value in values if value not in allowed]
    if unknown:
        raise ruledata.RuleFileError(f"{where}: unknown values {unknown}; allowed: {', '.join(allowed)}")
    if len(set(values)) != len(values):
        raise ruledata.RuleFileError(f"{where}: repeated values")
    return values


def _keywords(raw: object, where: str) -> dict[str, tuple[str, ...]]:
    table = _table(raw, where)
    extra = sorted(set(table) - set(LANGUAGES))
    if extra:
        raise ruledata.RuleFileError(f"{where}: unexpected languages {extra}")
    result: dict[str, tuple[str, ...]] = {}
    for lang in LANGUAGES:
        words = ruledata.string_list(table.get(lang), f"{where}.{lang}")
        if not words or not all(word.strip() for word in words):
            raise ruledata.RuleFileError(f"{where}.{lang}: at least one non-empty search word is required")
        result[lang] = words
    return result


def _parse_kind(entry: Mapping[str, Any], index: int, group_ids: tuple[str, ...]) -> TemplateInfo:
    label = entry.get("id") if isinstance(entry.get("id"), str) else f"#{index + 1}"
    where = f"{CATALOG_FILE} [[kind]] {label}"
    _check_keys(entry, _KIND_KEYS, where, _KIND_OPTIONAL)
    kind_id = _identifier(entry["id"], f"{where} id")
    group = entry["group"]
    if group not in group_ids:
        raise ruledata.RuleFileError(f"{where} group: {group!r} is not one of {', '.join(group_ids)}")
    document = entry["document"]
    if document not in DOCUMENT_TYPES:
        raise ruledata.RuleFileError(f"{where} document: {document!r} is not one of {', '.join(DOCUMENT_TYPES)}")
    levels = tuple(level.value for level in Level)
    deadline_rules = ruledata.string_list(entry["deadline_rules"], f"{where} deadline_rules")
    bad_rules = [rule for rule in deadline_rules if not _RULE_ID.match(rule)]
    if bad_rules:
        raise ruledata.RuleFileError(f"{where} deadline_rules: malformed rule ids {bad_rules}")
    description = ruledata.localized(entry["description"], f"{where} description")
    multi_line = [lang for lang, text in description.items() if "\n" in text.strip()]
    if multi_line:
        raise ruledata.RuleFileError(f"{where} description: must be one line ({', '.join(multi_line)})")
    return TemplateInfo(
        id=kind_id,
        group=str(group),
        document=str(document),
        title=ruledata.localized(entry["title"], f"{where} title"),
        description=description,
        keywords=_keywords(entry["keywords"], f"{where} keywords"),
        contests=_choices(entry["contests"], tuple(t.value for t in ContestedType), f"{where} contests"),
        respondent_levels=_choices(entry["respondent_levels"], levels, f"{where} respondent_levels"),
        addressee_levels=_choices(entry["addressee_levels"], levels, f"{where} addressee_levels"),
        deadline_rules=deadline_rules,
        citation=parse_citation(entry["citation"], f"{where} citation"),
        election_kinds=_choices(entry["election_kinds"], ELECTION_KINDS, f"{where} election_kinds")
        if "election_kinds" in entry
        else (),
    )


def parse_catalog(data: Mapping[str, Any]) -> tuple[tuple[Group, ...], dict[str, TemplateInfo]]:
    """Validate a loaded ``catalog.toml`` and return its groups and kinds.

    Raises:
        RuleFileError: naming the entry and the key at fault.
    """
    unknown = sorted(set(data) - {"group", "kind"})
    if unknown:
        raise ruledata.RuleFileError(f"{CATALOG_FILE}: unknown top-level keys {unknown}")
    raw_groups = data.get("group")
    raw_kinds = data.get("kind")
    if not isinstance(raw_groups, list) or not raw_groups:
        raise ruledata.RuleFileError(f"{CATALOG_FILE}: no [[group]] entries")
    if not isinstance(raw_kinds, list) or not raw_kinds:
        raise ruledata.RuleFileError(f"{CATALOG_FILE}: no [[kind]] entries")

    group_titles: dict[str, dict[str, str]] = {}
    for index, raw in enumerate(raw_groups):
        entry = _table(raw, f"{CATALOG_FILE} [[group]] #{index + 1}")
        label = entry.get("id") if isinstance(entry.get("id"), str) else f"#{index + 1}"
        where = f"{CATALOG_FILE} [[group]] {label}"
        _check_keys(entry, _GROUP_KEYS, where)
        group_id = _identifier(entry["id"], f"{where} id")
        if group_id not in GROUP_IDS:
            raise ruledata.RuleFileError(f"{where} id: {group_id!r} is not one of {', '.join(GROUP_IDS)}")
        if group_id in group_titles:
            raise ruledata.RuleFileError(f"{where} id: {group_id!r} appears twice")
        group_titles[group_id] = ruledata.localized(entry["title"], f"{where} title")

    kinds: dict[str, TemplateInfo] = {}
    for index, raw in enumerate(raw_kinds):
        entry = _table(raw, f"{CATALOG_FILE} [[kind]] #{index + 1}")
        info = _parse_kind(entry, index, tuple(group_titles))
        if info.id in kinds:
            raise ruledata.RuleFileError(f"{CATALOG_FILE} [[kind]] {info.id} id: appears twice")
        kinds[info.id] = info

    groups = []
    for group_id, title in group_titles.items():
        members = tuple(info.id for info in kinds.values() if info.group == group_id)
        if not members:
            raise ruledata.RuleFileError(f"{CATALOG_FILE} [[group]] {group_id}: no [[kind]] belongs to it")
        groups.append(Group(id=group_id, title=title, kinds=members))
    return tuple(groups), kinds


@functools.cache
def _loaded() -> _Catalog:
    groups, kinds = parse_catalog(ruledata.load(CATALOG_FILE))
    return _Catalog(groups=groups, kinds=kinds)


def catalog() -> dict[str, TemplateInfo]:
    """All document kinds by id, in the file's order (loaded once and validated)."""
    return dict(_loaded().kinds)


def groups() -> tuple[Group, ...]:
    """The groups in display order, each with its title and its kinds in display order."""
    return _loaded().groups


def get(template_id: str) -> TemplateInfo:
    """The document kind ``template_id``.

    Raises:
        UnknownTemplateError: the id is not in the catalogue; its ``message``
            lists the closest ids.
    """
    kinds = _loaded().kinds
    try:
        return kinds[template_id]
    except KeyError:
        close = difflib.get_close_matches(template_id, list(kinds), n=3, cutoff=0.6)
        raise UnknownTemplateError(template_id, tuple(close)) from None


def search(text: str, language: str | None = None) -> list[TemplateInfo]:
    """Document kinds whose title, description or search words contain every word of ``text``.

    Case-insensitive; ``language`` limits the search to one language (all
    three when ``None``). Kinds are returned in catalogue order.
    """
    words = [word for word in text.casefold().split() if word]
    if not words:
        return list(_loaded().kinds.values())
    languages = LANGUAGES if language is None else (language,)
    found = []
    for info in _loaded().kinds.values():
        haystack = " ".join(
            " ".join([info.title[lang], info.description[lang], *info.keywords[lang]]) for lang in languages
        ).casefold()
        if all(word in haystack for word in words):
            found.append(info)
    return found


def as_json(info: TemplateInfo) -> dict[str, Any]:
    """Machine-readable form of a document kind (for ``kzcomplaint templates --json``)."""
    return {
        "id": info.id,
        "titles": {lang: info.title[lang] for lang in LANGUAGES},
        "group": info.group,
        "document": info.document,
        "description": {lang: info.description[lang] for lang in LANGUAGES},
        "contests": list(info.contests),
        "respondent_levels": list(info.respondent_levels),
        "addressee_levels": list(info.addressee_levels),
        "deadline_rules": list(info.deadline_rules),
    }


__all__ = [
    "DOCUMENT_TYPES",
    "GROUP_IDS",
    "Group",
    "TemplateInfo",
    "UnknownTemplateError",
    "as_json",
    "catalog",
    "get",
    "groups",
    "parse_catalog",
    "search",
]
