"""Answers typed with their own full stop do not print a double full stop in the document."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document

from kzcomplaint.core.case import caseio
from kzcomplaint.core.documents import render
from kzcomplaint.core.documents.docx_style import Style

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_answers_ending_in_a_full_stop(language: str) -> None:
    case = caseio.load_case(EXAMPLES / "ballot_stuffing.json")
    case.details = {key: value.rstrip(".") + "." for key, value in case.details.items() if value}
    document = Document(io.BytesIO(render.render_docx(case, language)))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert not DOUBLE_STOP.findall(text)
    assert any(value.rstrip(".") in text for value in case.details.values())


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_answers_without_a_full_stop_still_end_their_sentence(language: str) -> None:
    case = caseio.load_case(EXAMPLES / "violation_act.json")
    case.details = {key: value.rstrip(".") for key, value in case.details.items()}
    body = [
        paragraph.text.rstrip()
        for paragraph in Document(io.BytesIO(render.render_docx(case, language))).paragraphs
        if paragraph.style is not None and paragraph.style.style_id == Style.BODY
    ]
    assert body, "no body paragraphs found (style name changed?)"
    unfinished = [text for text in body if text and text[-1].isalnum()]
    assert not unfinished


def test_a_blank_to_fill_gets_no_full_stop() -> None:
    assert render._end_sentence("Қолы: ______") == "Қолы: ______"
    assert render._end_sentence("болған жоқ") == "болған жоқ."
    assert render._end_sentence("«Адал сайлау»") == "«Адал сайлау»."
    assert render._end_sentence("мыналар:") == "мыналар:"
