"""The quoted statutory texts behind the citations (``rules/law_texts.toml``).

Every provision the app cites ships with its official wording (Russian; no
official Kazakh text was found in the stored copies, and the app says so),
the address it was published at and the date of the wording, so a citation
can be opened and read offline — on the Check and Deadlines pages, by
``kzcomplaint law`` and in docs/RULES.md.

A citation finds its text by its id (:func:`provision_id`): an exact entry,
else the entries inside it (a citation of a whole article shows all its
quoted parts), else the entry that contains it (a subparagraph within a
quoted paragraph).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
from collections.abc import Mapping
from typing import Any

from kzcomplaint.core.law import ruledata
from kzcomplaint.core.law.citations import Citation, laws, parse_citation
from kzcomplaint.core.text.i18n import N_, Message
from kzcomplaint.core.text.languages import LANGUAGES

TEXTS_FILE = "law_texts.toml"

_KEYS = frozenset(
    {
        "law",
        "article",
        "part",
        "paragraph",
        "subparagraph",
        "section",
        "title",
        "text",
        "url",
        "wording_as_of",
        "amendments",
        "notes",
        "source",
    }
)
_OPTIONAL = frozenset({"article", "part", "paragraph", "subparagraph", "section", "amendments", "notes", "url"})


def provision_id(citation: Citation) -> str:
    """The id of the provision a citation names: ``election_law.49.4``, ``appc.3.4.5``, ``odihr_2021.XIII``."""
    parts = [citation.law, citation.article or citation.section]
    unit = citation.part or citation.paragraph
    if unit:
        parts.append(unit)
    if citation.subparagraph:
        parts.append(citation.subparagraph)
    return ".".join(parts)


@dataclasses.dataclass(frozen=True)
class ProvisionText:
    """One quoted provision.

    Attributes:
        id: ``law.article[.unit[.subparagraph]]`` or ``law.section``.
        citation: how the app cites it.
        title: the article's (or section's) heading, verbatim.
        text: the wording by language; only the languages of which an
            official text was found (``ru``; ``en`` for a report in English).
        url: where it was published ("" when the source has no address).
        wording_as_of: the date the source gives for this wording.
        amendments: the source's amendment note.
        notes: the notes on pending changes.
        source: the stored copy it was quoted from.
    """

    id: str
    citation: Citation
    title: str
    text: Mapping[str, str]
    url: str
    wording_as_of: dt.date
    amendments: str
    notes: str
    source: str

    @property
    def original_language(self) -> str:
        """The language of the official text shipped (``ru``, or ``en`` for a report)."""
        return "ru" if "ru" in self.text else next(iter(self.text))

    def quote(self, language: str) -> tuple[str, str]:
        """The text to show to a user of ``language``: ``(language of the text, text)``.

        The official wording in that language when it is shipped, otherwise the
        original (Russian): the app never translates a statute itself.
        """
        if language in self.text:
            return language, self.text[language]
        original = self.original_language
        return original, self.text[original]

    def as_json(self, language: str) -> dict[str, Any]:
        """Machine-readable form; the citation in ``language``, every shipped wording."""
        return {
            "id": self.id,
            "citation": self.citation.text(language),
            "confirmed": self.citation.is_confirmed,
            "title": self.title,
            "text": dict(self.text),
            "languages": sorted(self.text),
            "url": self.url or None,
            "wording_as_of": self.wording_as_of.isoformat(),
            "amendments": self.amendments or None,
            "notes": self.notes or None,
            "source": self.source,
        }


class UnknownProvisionError(LookupError):
    """A provision id that no shipped text has; ``message`` names the closest ids."""

    def __init__(self, provision: str) -> None:
        """Remember the id and find close ones."""
        self.provision = provision
        close = difflib.get_close_matches(provision, list(all_texts()), n=3, cutoff=0.6)
        if close:
            self.message = Message(
                N_("No quoted text for “{provision}”. Did you mean: {suggestions}?"),
                provision=provision,
                suggestions=", ".join(close),
            )
        else:
            self.message = Message(
                N_("No quoted text for “{provision}”. Run “kzcomplaint law” to list the provisions."),
                provision=provision,
            )
        super().__init__(f"no quoted text for {provision!r}")


MSG_SOURCE = N_("Source: {url}")
MSG_WORDING = N_("Wording as of {date}.")
MSG_ONLY_RUSSIAN = N_(
    "Only the official Russian text is shipped: no official Kazakh text was found in the stored copies."
)
MSG_ORIGINAL_ENGLISH = N_("The report's own English text.")
MSG_NOTES = N_("Notes on pending changes: {notes}")


def about(provision: ProvisionText, language: str) -> list[Message]:
    """What a reader of ``language`` is told beside the text: source, date, language shown, pending changes."""
    shown, _ = provision.quote(language)
    lines = [
        Message(MSG_SOURCE, url=provision.url or provision.source),
        Message(MSG_WORDING, date=provision.wording_as_of),
    ]
    if shown == "ru" and language != "ru":
        lines.append(Message(MSG_ONLY_RUSSIAN))
    elif shown == "en" and language != "en":
        lines.append(Message(MSG_ORIGINAL_ENGLISH))
    if provision.notes:
        lines.append(Message(MSG_NOTES, notes=provision.notes))
    return lines


def _parse_entry(key: str, raw: object) -> ProvisionText:
    where = f"{TEXTS_FILE} [{key}]"
    if not isinstance(raw, Mapping):
        raise ruledata.fail(where, "expected a table")
    ruledata.check_keys(raw, _KEYS, _OPTIONAL, where)
    citation_keys = ("law", "article", "part", "paragraph", "subparagraph", "section")
    citation = parse_citation({k: raw[k] for k in citation_keys if k in raw}, where)
    if provision_id(citation) != key:
        raise ruledata.fail(where, f"the id does not match the citation ({provision_id(citation)})")
    text = raw["text"]
    if not isinstance(text, Mapping) or not text:
        raise ruledata.fail(f"{where} text", "expected a table of texts by language")
    unknown = sorted(set(text) - set(LANGUAGES))
    if unknown:
        raise ruledata.fail(f"{where} text", f"unknown languages {unknown}")
    if not all(isinstance(value, str) and value.strip() for value in text.values()):
        raise ruledata.fail(f"{where} text", "every text must be non-empty")
    if laws()[citation.law].url and "ru" not in text:
        raise ruledata.fail(f"{where} text", "a statute's official Russian wording (ru) is required")
    wording = ruledata.date_value(raw["wording_as_of"], f"{where} wording_as_of", required=True)
    assert wording is not None  # required=True
    url = str(raw.get("url", ""))
    if laws()[citation.law].url and not url:
        raise ruledata.fail(f"{where} url", "a statute's text needs the address it was published at")
    return ProvisionText(
        id=key,
        citation=citation,
        title=str(raw["title"]),
        text={lang: str(value) for lang, value in text.items()},
        url=url,
        wording_as_of=wording,
        amendments=str(raw.get("amendments", "")),
        notes=str(raw.get("notes", "")),
        source=str(raw["source"]),
    )


@functools.cache
def all_texts() -> dict[str, ProvisionText]:
    """Every quoted provision by id, in file order (loaded once, validated)."""
    data = ruledata.load(TEXTS_FILE)
    return {key: _parse_entry(key, raw) for key, raw in data.items()}


def get(provision: str) -> ProvisionText:
    """The quoted provision with id ``provision``.

    Raises:
        UnknownProvisionError: no shipped text has that id.
    """
    try:
        return all_texts()[provision]
    except KeyError:
        raise UnknownProvisionError(provision) from None


def texts_for(citation: Citation) -> list[ProvisionText]:
    """The quoted texts a citation opens: its own, the parts inside it, or the provision holding it.

    Empty only when nothing of the cited provision is shipped (a test keeps
    every citation of the rule files and templates covered).
    """
    texts = all_texts()
    key = provision_id(citation)
    if key in texts:
        return [texts[key]]
    inside = [text for text_id, text in texts.items() if text_id.startswith(key + ".")]
    if inside:
        return inside
    parts = key.split(".")
    while len(parts) > 2:
        parts.pop()
        holder = ".".join(parts)
        if holder in texts:
            return [texts[holder]]
    return []


__all__ = [
    "TEXTS_FILE",
    "ProvisionText",
    "UnknownProvisionError",
    "about",
    "all_texts",
    "get",
    "provision_id",
    "texts_for",
]
