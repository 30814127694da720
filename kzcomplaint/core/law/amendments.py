"""What amending laws are known to change in the texts the app applies (``rules/amendments.toml``).

The rules were read in the wording in force on the date they were verified.
For a case after that date the honest warning is not "the text may differ"
but what is known: which amending law takes effect, and whether the
provisions the case rests on are among those it is known to change. This
module answers that from the data; the deadline engine and the checker word
their warnings with it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from typing import Any

from kzcomplaint.core.law import ruledata
from kzcomplaint.core.law.citations import Citation, laws, parse_citation
from kzcomplaint.core.text.languages import LANGUAGES
from kzcomplaint.core.text.legal_dates import format_legal_date

AMENDMENTS_FILE = "amendments.toml"

_AMENDMENT_KEYS = frozenset({"id", "law", "in_force", "text_read", "title", "note", "provisions"})
_PROVISION_KEYS = frozenset({"article", "paragraph", "subparagraph", "part"})
_WORDINGS = ("touched", "untouched", "articles", "none_known")


@dataclasses.dataclass(frozen=True)
class ChangedProvision:
    """A provision an amending law is known to change (a whole article when no unit is given)."""

    article: str
    unit: str = ""
    subparagraph: str = ""

    def covers(self, citation: Citation) -> bool:
        """Whether ``citation`` cites this provision or something inside it (or contains it)."""
        if citation.article != self.article:
            return False
        cited_unit = citation.part or citation.paragraph
        if not self.unit and not self.subparagraph:
            return True  # the whole article changes
        if not cited_unit and not citation.subparagraph:
            return True  # the citation is the whole article, and part of it changes
        if self.unit and cited_unit and self.unit != cited_unit:
            return False
        return not (self.subparagraph and citation.subparagraph and self.subparagraph != citation.subparagraph)


@dataclasses.dataclass(frozen=True)
class Amendment:
    """An amending law: which law it changes, from when, and which provisions."""

    id: str
    law: str
    in_force: dt.date
    text_read: bool
    title: Mapping[str, str]
    note: Mapping[str, str]
    provisions: tuple[ChangedProvision, ...]

    def touches(self, citation: Citation) -> bool:
        """Whether ``citation`` rests on a provision this law is known to change."""
        return citation.law == self.law and any(p.covers(citation) for p in self.provisions)

    def articles(self) -> tuple[str, ...]:
        """The articles it touches, in file order, each once."""
        return tuple(dict.fromkeys(p.article for p in self.provisions))


@dataclasses.dataclass(frozen=True)
class _Data:
    amendments: tuple[Amendment, ...]
    wording: Mapping[str, Mapping[str, str]]


def _parse(data: Mapping[str, Any]) -> _Data:
    unknown = sorted(set(data) - {"amendment", "wording"})
    if unknown:
        raise ruledata.fail(AMENDMENTS_FILE, f"unknown top-level keys {unknown}")
    result: list[Amendment] = []
    for index, entry in enumerate(data.get("amendment") or []):
        where = f"{AMENDMENTS_FILE} [[amendment]] #{index + 1}"
        if not isinstance(entry, Mapping):
            raise ruledata.fail(where, "expected a table")
        ruledata.check_keys(entry, _AMENDMENT_KEYS, frozenset(), where)
        if entry["law"] not in laws():
            raise ruledata.fail(f"{where} law", f"unknown law {entry['law']!r}")
        in_force = ruledata.date_value(entry["in_force"], f"{where} in_force", required=True)
        assert in_force is not None  # required=True
        provisions = []
        for number, raw in enumerate(entry["provisions"]):
            at = f"{where} provisions[{number}]"
            if not isinstance(raw, Mapping) or not raw.get("article"):
                raise ruledata.fail(at, "expected a table with an article")
            extra = sorted(set(raw) - _PROVISION_KEYS)
            if extra:
                raise ruledata.fail(at, f"unknown keys {extra}")
            # Read as a citation of the amended law, so a provision follows the law's own division
            # as every citation does: a paragraph of Election Law art. 49 or of an APPC article is refused.
            cited = parse_citation({"law": entry["law"], **raw}, at)
            provisions.append(
                ChangedProvision(
                    article=cited.article,
                    unit=cited.part or cited.paragraph,
                    subparagraph=cited.subparagraph,
                )
            )
        result.append(
            Amendment(
                id=str(entry["id"]),
                law=str(entry["law"]),
                in_force=in_force,
                text_read=ruledata.boolean(entry["text_read"], f"{where} text_read"),
                title=ruledata.localized(entry["title"], f"{where} title"),
                note=ruledata.localized(entry["note"], f"{where} note"),
                provisions=tuple(provisions),
            )
        )
    raw_wording = data.get("wording")
    if not isinstance(raw_wording, Mapping):
        raise ruledata.fail(AMENDMENTS_FILE, "missing [wording]")
    wording = {key: ruledata.localized(raw_wording.get(key), f"{AMENDMENTS_FILE} wording.{key}") for key in _WORDINGS}
    return _Data(tuple(result), wording)


@functools.cache
def _loaded() -> _Data:
    return _parse(ruledata.load(AMENDMENTS_FILE))


def amendments() -> tuple[Amendment, ...]:
    """Every amending law known, in file order (loaded once, validated)."""
    return _loaded().amendments


def pending(law: str, day: dt.date) -> list[Amendment]:
    """The amending laws of ``law`` in force on ``day`` whose new text the app has not read."""
    return [a for a in amendments() if a.law == law and a.in_force <= day and not a.text_read]


def _article_list(amendment: Amendment, language: str) -> str:
    template = _loaded().wording["articles"][language]
    return template.format(numbers=", ".join(amendment.articles()), law=laws()[amendment.law].short[language])


def known_changes(citations: Iterable[Citation], day: dt.date) -> dict[str, str] | None:
    """What is known to change on ``day`` in the provisions ``citations`` rest on, in kk, ru and en.

    ``None`` when no unread amendment of their laws is in force on ``day``.
    The text names the provisions among ``citations`` that an amending law is
    known to change; when none is, it names the articles the amending law
    touches, so the user learns what changed rather than "the text may differ".
    """
    cited = list(dict.fromkeys(citations))
    parts: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    for law_id in dict.fromkeys(citation.law for citation in cited):
        for amendment in pending(law_id, day):
            touched = [c for c in cited if amendment.touches(c)]
            for lang in LANGUAGES:
                values = {
                    "amendment": amendment.title[lang],
                    "in_force": format_legal_date(amendment.in_force, lang),
                    "note": amendment.note[lang],
                    "provisions": "; ".join(c.text(lang) for c in touched),
                    "articles": _article_list(amendment, lang),
                }
                key = "touched" if touched else "untouched"
                parts[lang].append(_loaded().wording[key][lang].format(**values).strip())
    if not parts[LANGUAGES[0]]:
        return None
    return {lang: " ".join(texts) for lang, texts in parts.items()}


def no_known_changes() -> dict[str, str]:
    """What to say when no amending law of the provisions is known: check the text all the same."""
    return dict(_loaded().wording["none_known"])


__all__ = [
    "AMENDMENTS_FILE",
    "Amendment",
    "ChangedProvision",
    "amendments",
    "known_changes",
    "no_known_changes",
    "pending",
]
