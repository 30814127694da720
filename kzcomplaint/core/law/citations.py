"""Citations of the law: the sources, how a citation reads in each language.

Every rule the app applies — a requirement, a deadline, a step of the
calendar — carries a :class:`Citation`. A citation knows its source (an
entry of ``rules/laws.toml``), article, part or paragraph and subparagraph,
the date its text was last checked, and whether it is confirmed. A citation
of a source the team did not read, or one marked ``confirmed = false``, is
unconfirmed and every front end shows it as such.

A citation follows the law's own division. Most Election Law articles have
numbered paragraphs (пункт, тармақ); its art. 49 and every article of the
APPC are divided into parts (часть, бөлік). ``rules/laws.toml`` says which
law or article is divided how, and :func:`parse_citation` refuses a
``paragraph`` of an article divided into parts (and a ``part`` of one divided
into paragraphs), so «п. 4 ст. 49» cannot be written in a rule file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Mapping
from typing import Any

from kzcomplaint.core.law import ruledata
from kzcomplaint.core.text.i18n import N_
from kzcomplaint.core.text.languages import LANGUAGES

MSG_NO_PROVISION = N_("no provision of law requires this for this document: the app's own check")
"""Said where a requirement's ground would be: no provision requires it for this document."""
MSG_VIA = N_("Applies through: {via}")
"""The provision through which a law applies to the vote (referendum law art. 31-1)."""
MSG_PRACTICE = N_("Why it blocks (court practice): {practice}")
"""The report of court practice shown beside a provision — never as the legal basis."""

DIVISIONS = ("paragraphs", "parts")
"""How a law divides its articles: numbered paragraphs (пункт, тармақ) or parts (часть, бөлік)."""

@dataclasses.dataclass(frozen=True)
class Law:
    """A source of rules: a law, code, decree or observers' report."""

    id: str
    title: Mapping[str, str]
    short: Mapping[str, str]
    read: bool
    url: str = ""
    divided_into: str = "paragraphs"
    """How the law divides its articles: ``paragraphs`` (пункты) or ``parts`` (части)."""
    articles_in_parts: frozenset[str] = frozenset()
    """Articles divided into parts although the law's others have paragraphs (Election Law art. 49)."""
    report: bool = False
    """A report of practice (ODIHR), not a law: never a legal basis, only the reason a check blocks."""

    def division(self, article: str) -> str:
        """``parts`` or ``paragraphs``: how ``article`` of this law is divided."""
        if self.divided_into == "parts" or article in self.articles_in_parts:
            return "parts"
        return "paragraphs"


@dataclasses.dataclass(frozen=True)
class Citation:
    """Where a rule comes from, and how sure the team is of it."""

    law: str
    article: str = ""
    part: str = ""
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
            "part": self.part or None,
            "paragraph": self.paragraph or None,
            "subparagraph": self.subparagraph or None,
            "section": self.section or None,
            "verified_as_of": self.verified_as_of.isoformat() if self.verified_as_of else None,
            "confirmed": self.is_confirmed,
        }


_KK_UNITS = ("", "бірінші", "екінші", "үшінші", "төртінші", "бесінші", "алтыншы", "жетінші", "сегізінші", "тоғызыншы")
_KK_TENS = ("", "он", "жиырма", "отыз")
_KK_ROUND_TENS = ("", "оныншы", "жиырмасыншы", "отызыншы")


def kazakh_ordinal(number: str) -> str:
    """«төртінші» for "4": how Kazakh legal texts name a part of an article.

    Parts are cited by ordinal words («49-бабының төртінші бөлігі»); a number
    that is not a plain 1–39 (a part "3-1") keeps its digits («3-1-бөлігі»
    reads as «3-1-бөлігі» then).
    """
    if not number.isdigit() or not 1 <= int(number) <= 39:
        return f"{number}-"
    value = int(number)
    tens, units = divmod(value, 10)
    if units == 0:
        return _KK_ROUND_TENS[tens]
    return " ".join(word for word in (_KK_TENS[tens], _KK_UNITS[units]) if word)


def _kk_part(number: str, ending: str) -> str:
    ordinal = kazakh_ordinal(number)
    # A digit form is joined with a hyphen («3-1-бөлігі»), a word with a space.
    return f"{ordinal}{ending}" if ordinal.endswith("-") else f"{ordinal} {ending}"


def format_citation(citation: Citation, language: str) -> str:
    """Write ``citation`` in the legal style of ``language``, following the law's own division.

    kk: «49-бабының төртінші бөлігі», «20-бабының 9-тармағы»,
    «3-бабы төртінші бөлігінің 5) тармақшасы»; ru: «ч. 4 ст. 49», «п. 9 ст. 20»,
    «подп. 5) ч. 4 ст. 3»; en: "art. 49, part 4", "art. 20 para. 9",
    "art. 3, part 4, subpara. 5".
    """
    short = citation.source.short[language]
    if language == "kk":
        # The last element of the chain is in the nominative with the
        # possessive, the one before it in the genitive:
        # 20-бабының 9-тармағы; 12-бабының 5) тармақшасы;
        # 3-бабы 4-тармағының 5) тармақшасы (adilet.zan.kz usage).
        parts = []
        if citation.section:
            parts.append(f"{citation.section} бөлімі")
        division = citation.part or citation.paragraph
        if citation.article:
            if division and citation.subparagraph:
                parts.append(f"{citation.article}-бабы")
            elif division or citation.subparagraph:
                parts.append(f"{citation.article}-бабының")
            else:
                parts.append(f"{citation.article}-бабы")
        if citation.part:
            parts.append(_kk_part(citation.part, "бөлігінің" if citation.subparagraph else "бөлігі"))
        elif citation.paragraph:
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
        if citation.part:
            parts.append(f"ч. {citation.part}")
        elif citation.paragraph:
            parts.append(f"п. {citation.paragraph}")
        if citation.article:
            parts.append(f"ст. {citation.article}")
        return " ".join([*parts, short]) if parts else short
    parts = []
    if citation.section:
        parts.append(f"section {citation.section}")
    if citation.article:
        parts.append(f"art. {citation.article}")
    if citation.part:
        parts[-1] += ","
        parts.append(f"part {citation.part}")
        if citation.subparagraph:
            parts[-1] += ","
    elif citation.paragraph:
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
            divided_into=ruledata.choice(entry.get("divided_into", "paragraphs"), DIVISIONS, f"{where} divided_into"),
            articles_in_parts=frozenset(
                ruledata.string_list(entry.get("articles_in_parts", []), f"{where} articles_in_parts")
            ),
            report=ruledata.boolean(entry.get("report", False), f"{where} report"),
        )
    return result


def parse_citation(raw: object, where: str) -> Citation:
    """Build a citation from a rule file's ``citation`` table, validating it."""
    if not isinstance(raw, Mapping):
        raise ruledata.RuleFileError(f"{where}: citation must be a table")
    law = raw.get("law")
    if law not in laws():
        raise ruledata.RuleFileError(f"{where}: citation names unknown law {law!r}")
    known = {"law", "article", "part", "paragraph", "subparagraph", "section", "verified_as_of", "confirmed"}
    unknown = set(raw) - known
    if unknown:
        raise ruledata.RuleFileError(f"{where}: unknown citation keys {sorted(unknown)}")
    if not any(raw.get(key) for key in ("article", "section")):
        raise ruledata.RuleFileError(f"{where}: citation needs an article or a section")
    article = str(raw.get("article", ""))
    division = laws()[str(law)].division(article)
    if raw.get("paragraph") and division == "parts":
        raise ruledata.RuleFileError(
            f"{where}: art. {article} of {law} is divided into parts, not paragraphs: write part = "
            f"{str(raw['paragraph'])!r} (ч., бөлік), never paragraph (п.)"
        )
    if raw.get("part") and division == "paragraphs":
        raise ruledata.RuleFileError(
            f"{where}: art. {article} of {law} is divided into paragraphs (п., тармақ): write paragraph, not part"
        )
    return Citation(
        law=str(law),
        article=article,
        part=str(raw.get("part", "")),
        paragraph=str(raw.get("paragraph", "")),
        subparagraph=str(raw.get("subparagraph", "")),
        section=str(raw.get("section", "")),
        verified_as_of=ruledata.date_value(raw.get("verified_as_of"), f"{where} verified_as_of"),
        confirmed=ruledata.boolean(raw.get("confirmed", True), f"{where} confirmed"),
    )


__all__ = [
    "DIVISIONS",
    "LANGUAGES",
    "MSG_NO_PROVISION",
    "MSG_PRACTICE",
    "MSG_VIA",
    "Citation",
    "Law",
    "format_citation",
    "kazakh_ordinal",
    "laws",
    "parse_citation",
]
