"""Helpers for the document tests: text of a .docx, user values of a case."""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docx import Document

from kzcomplaint.core.case import ids
from kzcomplaint.core.case.model import Case

FIXTURES = Path(__file__).parent / "fixtures"
KAZAKH_LETTERS = "ҚҰҢҒӘӨҺІҮқұңғәөһіү"
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def docx_parts(data: bytes) -> tuple[list[str], list[list[list[str]]], list[str]]:
    """Body paragraphs, tables (rows of cell texts) and footer paragraphs of a .docx."""
    document = Document(io.BytesIO(data))
    paragraphs = [p.text for p in document.paragraphs]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    footers = [p.text for section in document.sections for p in section.footer.paragraphs]
    return paragraphs, tables, footers


def docx_text(data: bytes) -> str:
    """All the text a reader sees: paragraphs, table cells and the footer."""
    paragraphs, tables, footers = docx_parts(data)
    cells = [cell for table in tables for row in table for cell in row]
    return "\n".join([*paragraphs, *cells, *footers])


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _strings(getattr(value, field.name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def user_values(case: Case) -> list[str]:
    """Every text the user typed (and its phone-formatted form), longest first."""
    found: set[str] = set()
    for text in _strings(case):
        if not text.strip():
            continue
        found.add(text)
        found.update(line.strip() for line in text.splitlines() if line.strip())
        result = ids.check_phone(text)
        if result.valid and result.e164:
            found.add(ids.format_phone(result.e164))
    return sorted(found, key=len, reverse=True)


def without_user_values(text: str, case: Case) -> str:
    """``text`` with the user's values cut out, leaving the frame's and template's words."""
    for value in user_values(case):
        text = text.replace(value, " ")
    return text
