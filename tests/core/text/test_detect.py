"""Telling the language of the user's texts, to warn before a document mixes two."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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
