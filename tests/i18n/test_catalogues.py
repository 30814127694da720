"""Every interface string is translated into Kazakh and Russian, with the same placeholders.

The strings are extracted from the source here, in the test, so a string
added to the code without a translation fails the build — the checked-in
catalogues cannot silently fall behind.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[a-zA-Z_][a-zA-Z0-9_]*(?:![rs])?(?::[^{}]*)?\}")
KEYWORDS = {"N_": None, "gettext": None, "ngettext": (1, 2)}


def _extracted() -> set[str]:
    ids: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "kzcomplaint"), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        if isinstance(message, tuple):
            ids.update(m for m in message if m)
        elif message:
            ids.add(message)
    return ids


def _catalog(language: str):
    with open(ROOT / "locales" / language / "LC_MESSAGES" / "kzcomplaint.po", "rb") as handle:
        return read_po(handle, locale=language)


EXTRACTED = _extracted()


def test_strings_are_found() -> None:
    assert len(EXTRACTED) > 50, "extraction found suspiciously few interface strings"


_MARKED = re.compile(r'\bN_\(\s*"((?:[^"\\]|\\.)*)"\s*\)')


def test_every_marked_string_is_extracted() -> None:
    # A marker nested in another call (``tr.gettext((N_("a"), N_("b"))[i])``) is skipped by
    # Babel's extractor: its string never reaches the catalogues and shows in English.
    missed = []
    for path in sorted((ROOT / "kzcomplaint").rglob("*.py")):
        for match in _MARKED.finditer(path.read_text(encoding="utf-8")):
            text = match.group(1).encode("latin-1", "backslashreplace").decode("unicode_escape")
            if text not in EXTRACTED:
                missed.append((path.relative_to(ROOT).as_posix(), text))
    assert not missed, f"marked but not extracted (a marker nested in a call?): {missed}"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_string_translated(language: str) -> None:
    catalog = _catalog(language)
    translated = {}
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            continue
        for msgid in ids:
            translated[msgid] = strings
    missing = sorted(EXTRACTED - set(translated))
    assert not missing, (
        f"{len(missing)} untranslated {language} strings, e.g. {missing[:5]} — run `make extract` and translate"
    )


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_placeholders_match(language: str) -> None:
    catalog = _catalog(language)
    bad = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set(PLACEHOLDER.findall(ids[0]))
        for text in strings:
            if text and set(PLACEHOLDER.findall(text)) != expected:
                bad.append((ids[0], text))
    assert not bad, f"placeholders differ: {bad[:5]}"


def test_kazakh_catalogue_uses_kazakh_letters() -> None:
    text = (ROOT / "locales" / "kk" / "LC_MESSAGES" / "kzcomplaint.po").read_text(encoding="utf-8")
    assert set("ҚҰҢҒӘӨІҮқұңғәөіү") & set(text), "the Kazakh catalogue has no Kazakh-specific letters"


def test_no_marker_inside_an_fstring() -> None:
    """Babel cannot see N_()/gettext() inside f-string braces: such a string would never be translated."""
    # A literal marked inside the braces; gettext(CONSTANT) is fine, the constant is marked where defined.
    pattern = re.compile(r"""\bf(["']).*\{[^}]*\b(?:N_\(|gettext\(\s*["'])""")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in (ROOT / "kzcomplaint").rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]
    assert not offenders, f"translate outside the f-string: {offenders}"
