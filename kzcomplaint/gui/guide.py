"""The offline guide (Help → Guide): read from ``guide.toml`` beside this module, in the user's role and language.

The guide is data like the rules: sections with their roles and their
Kazakh, Russian and English texts side by side (Markdown). Its tokens are
filled here, so it names pages, menus and document kinds exactly as the
interface does and writes citations as every citation in the app is
written, marked when unconfirmed:

``{page:<step>}``, ``{kind:<id>}``, ``{cite:<name>}``, ``{ui:<msgid>}``.

:func:`load_guide` validates the whole file (an error names the section and
the key); :func:`guide_markdown` writes one role's guide in one language.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Mapping
from pathlib import Path

from kzcomplaint.core.law import catalog, ruledata
from kzcomplaint.core.law.citations import Citation, parse_citation
from kzcomplaint.core.text.i18n import Translator
from kzcomplaint.core.text.languages import LANGUAGES
from kzcomplaint.gui.labels import citation_text, without_mnemonic
from kzcomplaint.gui.settings import ROLES
from kzcomplaint.gui.steps import STEP_TITLES

GUIDE_FILE = Path(__file__).with_name("guide.toml")
FORMAT = "kzcomplaint-guide/1"
GUIDE_ROLES: tuple[str, ...] = ROLES
"""The guide has a part for each of the app's roles: :func:`parse_guide` refuses a file that leaves one out."""
TOKEN = re.compile(r"\{(page|kind|cite|ui):([^{}]+)\}")


class GuideError(ruledata.RuleFileError):
    """The guide file is malformed (names the section and the key)."""


@dataclasses.dataclass(frozen=True)
class Section:
    """A part of the guide, for some roles, in three languages."""

    id: str
    roles: tuple[str, ...]
    title: Mapping[str, str]
    text: Mapping[str, str]


@dataclasses.dataclass(frozen=True)
class Guide:
    """The sections in file order and the citations they use."""

    sections: tuple[Section, ...]
    citations: Mapping[str, Citation]

    def for_role(self, role: str) -> list[Section]:
        """The sections a user of ``role`` reads, in order."""
        return [section for section in self.sections if role in section.roles]


def _check_tokens(text: str, where: str, citations: Mapping[str, Citation]) -> None:
    kinds = catalog.catalog()
    for kind, value in TOKEN.findall(text):
        if kind == "page" and value not in STEP_TITLES:
            raise GuideError(f"{where}: no page {value!r} (one of {', '.join(STEP_TITLES)})")
        if kind == "kind" and value not in kinds:
            raise GuideError(f"{where}: no document kind {value!r} in catalog.toml")
        if kind == "cite" and value not in citations:
            raise GuideError(f"{where}: no citation {value!r} in [citations]")
    leftover = TOKEN.sub("", text)
    if re.search(r"\{[a-z]+:", leftover):
        raise GuideError(f"{where}: a token is malformed")


def parse_guide(data: Mapping[str, object], source: str = GUIDE_FILE.name) -> Guide:
    """Validate a loaded guide file."""
    if data.get("format") != FORMAT:
        raise GuideError(f"{source}: format must be {FORMAT!r}")
    unknown = sorted(set(data) - {"format", "verified_as_of", "citations", "section"})
    if unknown:
        raise GuideError(f"{source}: unknown top-level keys {unknown}")
    raw_citations = data.get("citations", {})
    if not isinstance(raw_citations, Mapping):
        raise GuideError(f"{source} [citations]: expected a table")
    citations = {name: parse_citation(raw, f"{source} [citations] {name}") for name, raw in raw_citations.items()}
    raw_sections = data.get("section")
    if not isinstance(raw_sections, list) or not raw_sections:
        raise GuideError(f"{source}: no [[section]] entries")
    sections = []
    for index, raw in enumerate(raw_sections):
        if not isinstance(raw, Mapping):
            raise GuideError(f"{source} [[section]] #{index + 1}: expected a table")
        where = f"{source} [[section]] {raw.get('id', f'#{index + 1}')}"
        ruledata.check_keys(raw, frozenset({"id", "roles", "title", "text"}), frozenset(), where)
        roles = ruledata.string_list(raw["roles"], f"{where} roles")
        bad = sorted(set(roles) - set(GUIDE_ROLES))
        if bad or not roles:
            raise GuideError(f"{where} roles: {bad or 'empty'} (roles are {', '.join(GUIDE_ROLES)})")
        title = ruledata.localized(raw["title"], f"{where} title")
        text = ruledata.localized(raw["text"], f"{where} text")
        for language in LANGUAGES:
            _check_tokens(text[language], f"{where} text.{language}", citations)
            _check_tokens(title[language], f"{where} title.{language}", citations)
        for language in LANGUAGES[1:]:
            # The three languages say the same: the same tokens, in any order.
            if sorted(TOKEN.findall(text[language])) != sorted(TOKEN.findall(text[LANGUAGES[0]])):
                raise GuideError(f"{where} text.{language}: its tokens differ from text.{LANGUAGES[0]}")
        sections.append(Section(str(raw["id"]), roles, title, text))
    ids = [section.id for section in sections]
    if len(ids) != len(set(ids)):
        raise GuideError(f"{source}: section ids repeat")
    for role in GUIDE_ROLES:
        if not any(role in section.roles for section in sections):
            raise GuideError(f"{source}: nothing for the role {role!r}")
    return Guide(tuple(sections), citations)


@functools.cache
def load_guide() -> Guide:
    """The shipped guide (validated, read once)."""
    return parse_guide(ruledata.load_path(GUIDE_FILE))


def _fill(text: str, guide: Guide, tr: Translator) -> str:
    language = tr.language
    kinds = catalog.catalog()

    def token(match: re.Match[str]) -> str:
        kind, value = match.groups()
        if kind == "page":
            return tr.gettext(STEP_TITLES[value])
        if kind == "kind":
            return kinds[value].title[language]
        if kind == "cite":
            return citation_text(guide.citations[value], tr)
        return without_mnemonic(tr.gettext(value)).rstrip("…").rstrip(".").strip()

    return TOKEN.sub(token, text)


def guide_markdown(role: str, tr: Translator, guide: Guide | None = None) -> str:
    """The guide of ``role`` in ``tr``'s language, as Markdown (a heading per section)."""
    guide = guide or load_guide()
    parts = []
    for section in guide.for_role(role):
        parts.append(f"## {_fill(section.title[tr.language], guide, tr)}")
        parts.append(_fill(section.text[tr.language], guide, tr).strip())
    return "\n\n".join(parts) + "\n"


def ui_msgids(guide: Guide | None = None) -> set[str]:
    """Every interface msgid the guide names (``{ui:…}``): each must be in the app's catalogue."""
    guide = guide or load_guide()
    found: set[str] = set()
    for section in guide.sections:
        for texts in (section.title, section.text):
            for language in LANGUAGES:
                found.update(value for kind, value in TOKEN.findall(texts[language]) if kind == "ui")
    return found
