"""Citations of the law: the sources, how a citation reads in each language.

Every rule the app applies — a requirement, a deadline, a step of the
calendar — carries a :class:`Citation`. A citation knows its source (an
entry of ``rules/laws.toml``), article, paragraph and subparagraph, the date
its text was last checked, and whether it is confirmed. A citation of a
source the team did not read, or one marked ``confirmed = false``, is
unconfirmed and every front end shows it as such.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Mapping
from typing import Any

from kzcomplaint.core.law import ruledata
from kzcomplaint.core.text.languages import LANGUAGES


@dataclasses.dataclass(frozen=True)
class Law:
    """A source of rules: a law, code, decree or observers' report."""

    id: str
    title: Mapping[str, str]
    short: Mapping[str, str]
    read: bool
    url: str = ""


@dataclasses.dataclass(frozen=True)
class Citation:
    """Where a rule comes from, and how sure the team is of it."""

    law: str
    article: str = ""
    paragraph: str = ""
    subparagraph: str = ""
    section: str = ""
    verified_as_of: dt.date | None = None
    confirmed: bool = True

    @property
    def source(self) -> Law:
        """The law or report cited."""
        return laws()[self.law]

    @property
    def is_confirmed(self) -> bool:
        """True only when the source was read and the rule is not marked unconfirmed."""
        return self.confirmed and self.source.read

    def text(self, language: str) -> str:
        """The citation as a lawyer writes it in ``language``."""
        return format_citation(self, language)

    def as_json(self, language: str) -> dict[str, Any]:
        """Machine-readable form, with the text in ``language``."""
        return {
            "text": self.text(language),
            "law": self.law,
            "article": self.article or None,
            "paragraph": self.paragraph or None,
            "subparagraph": self.subparagraph or None,
            "section": self.section or None,
            "verified_as_of": self.verified_as_of.isoformat() if self.verified_as_of else None,
            "confirmed": self.is_confirmed,
        }


def format_citation(citation: Citation, language: str) -> str:
    """Write ``citation`` in the legal style of ``language``."""
    short = citation.source.short[language]
    if language == "kk":
        # The last element of the chain is in the nominative with the
        # possessive, the one before it in the genitive:
        # 20-бабының 9-тармағы; 12-бабының 5) тармақшасы;
        # 3-бабы 4-тармағының 5) тармақшасы (adilet.zan.kz usage).
        parts = []
        if citation.section:
            parts.append(f"{citation.section} бөлімі")
        if citation.article:
            if citation.paragraph and citation.subparagraph:
                parts.append(f"{citation.article}-бабы")
            elif citation.paragraph or citation.subparagraph:
                parts.append(f"{citation.article}-бабының")
            else:
                parts.append(f"{citation.article}-бабы")
        if citation.paragraph:
            ending = "тармағының" if citation.subparagraph else "тармағы"
            parts.append(f"{citation.paragraph}-{ending}")
        if citation.subparagraph:
            parts.append(f"{citation.subparagraph}) тармақшасы")
        return " ".join([short, *parts]) if parts else short
    if language == "ru":
        parts = []
        if citation.section:
            parts.append(f"раздел {citation.section}")
        if citation.subparagraph:
            parts.append(f"подп. {citation.subparagraph})")
        if citation.paragraph:
            parts.append(f"п. {citation.paragraph}")
        if citation.article:
            parts.append(f"ст. {citation.article}")
        return " ".join([*parts, short]) if parts else short
    parts = []
    if citation.section:
        parts.append(f"section {citation.section}")
    if citation.article:
        parts.append(f"art. {citation.article}")
    if citation.paragraph:
        parts.append(f"para. {citation.paragraph}")
    if citation.subparagraph:
        parts.append(f"subpara. {citation.subparagraph}")
    return f"{' '.join(parts)} of {short}" if parts else short


@functools.cache
def laws() -> dict[str, Law]:
    """All sources, by id, from ``rules/laws.toml``."""
    data = ruledata.load("laws.toml")
    result: dict[str, Law] = {}
    for law_id, entry in data.items():
        where = f"laws.toml [{law_id}]"
        result[law_id] = Law(
            id=law_id,
            title=ruledata.localized(entry.get("title"), f"{where} title"),
            short=ruledata.localized(entry.get("short"), f"{where} short"),
            read=ruledata.boolean(entry.get("read"), f"{where} read"),
            url=str(entry.get("url", "")),
        )
    return result


def parse_citation(raw: object, where: str) -> Citation:
    """Build a citation from a rule file's ``citation`` table, validating it."""
    if not isinstance(raw, Mapping):
        raise ruledata.RuleFileError(f"{where}: citation must be a table")
    law = raw.get("law")
    if law not in laws():
        raise ruledata.RuleFileError(f"{where}: citation names unknown law {law!r}")
    known = {"law", "article", "paragraph", "subparagraph", "section", "verified_as_of", "confirmed"}
    unknown = set(raw) - known
    if unknown:
        raise ruledata.RuleFileError(f"{where}: unknown citation keys {sorted(unknown)}")
    if not any(raw.get(key) for key in ("article", "section")):
        raise ruledata.RuleFileError(f"{where}: citation needs an article or a section")
    return Citation(
        law=str(law),
        article=str(raw.get("article", "")),
        paragraph=str(raw.get("paragraph", "")),
        subparagraph=str(raw.get("subparagraph", "")),
        section=str(raw.get("section", "")),
        verified_as_of=ruledata.date_value(raw.get("verified_as_of"), f"{where} verified_as_of"),
        confirmed=ruledata.boolean(raw.get("confirmed", True), f"{where} confirmed"),
    )


__all__ = ["LANGUAGES", "Citation", "Law", "format_citation", "laws", "parse_citation"]
