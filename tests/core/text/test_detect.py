"""Telling the language of the user's texts, to warn before a document mixes two."""

from __future__ import annotations

import json
from pathlib import Path

import hypothesis
import pytest
from hypothesis import strategies as st

from kzcomplaint.core.case import caseio
from kzcomplaint.core.text import detect
from kzcomplaint.core.text.i18n import translator

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"

KK = "Сайлау учаскесінде комиссия мүшесі мені байқаушы ретінде сайлау учаскесінен шығарып жіберді, себебін айтпады."
RU = "Член участковой комиссии Жұмабаева потребовала, чтобы я покинул участок, и не назвала причину удаления."
EN = "A member of the precinct commission told me to leave the polling station and gave no reason at all."


@pytest.mark.parametrize(("text", "language"), [(KK, "kk"), (RU, "ru"), (EN, "en"), ("Жұмабаева", None), ("", None)])
def test_text_language(text: str, language: str | None) -> None:
    assert detect.text_language(text) == language


def test_every_example_is_written_in_its_own_language() -> None:
    for path in sorted(EXAMPLES.glob("*.json")):
        case = caseio.load_case(path)
        data = json.loads(path.read_text(encoding="utf-8"))
        assert detect.written_language(case.own_texts()) in (data["language"], None), path.name


@pytest.mark.parametrize(("document", "warns"), [("ru", False), ("kk+ru", False), ("kk", True), ("en", True)])
def test_mixed_language_note(document: str, warns: bool) -> None:
    case = caseio.load_case(EXAMPLES / "observer_removed.json")
    case.facts, case.details, case.requests = RU, {}, []
    note = detect.mixed_language_note(case.own_texts(), document)
    assert (note is not None) is warns
    if note is not None:
        for language in ("kk", "ru", "en"):
            assert "Русский" in note.render(translator(language))


def _letter_by_letter(text: str) -> str | None:
    """The rule as the module states it, counted one letter at a time (what the fast count must agree with)."""
    letters = [char for char in text if char.isalpha()]
    cyrillic = [char for char in letters if "\u0400" <= char <= "\u04ff"]
    latin = sum(1 for char in letters if char.isascii())
    if len(cyrillic) + latin < detect.MIN_LETTERS:
        return None
    if latin > len(cyrillic):
        return "en"
    kazakh = sum(1 for char in cyrillic if char in detect.KAZAKH_LETTERS)
    return "kk" if kazakh / len(cyrillic) > detect.KAZAKH_SHARE else "ru"


_MIXED_ALPHABET = (
    "".join(chr(code) for code in range(0x03F0, 0x0530))  # Greek end, all of Cyrillic, Cyrillic Supplement
    + "".join(sorted(detect.KAZAKH_LETTERS)) * 4
    + "abcXYZ éüß 0123456789 .,;:-–—«»\n\t"
    + "\ud800\U0001d538"  # a lone surrogate (JSON allows it) and a letter outside the basic plane
)


@hypothesis.settings(max_examples=400, deadline=None)
@hypothesis.given(st.text(alphabet=_MIXED_ALPHABET, max_size=160))
def test_text_language_counts_as_the_rule_says(text: str) -> None:
    # ҂ and the combining titlos are in the Cyrillic block but are not letters; "é" is a letter but not Latin
    # ASCII; a letter outside the basic plane is neither: none of them may tip the count.
    assert detect.text_language(text) == _letter_by_letter(text)


@pytest.mark.parametrize("text", ["҂" * 60, "\u0483" * 60 + "а" * 30, "é" * 80, "1" * 80])
def test_signs_and_other_letters_say_nothing(text: str) -> None:
    assert detect.text_language(text) is None
