"""A provision with a ``when`` is listed only where it applies (and a blank form lists none)."""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

import pytest
from docx import Document

from kzcomplaint.core.case import caseio
from kzcomplaint.core.documents import render, templates

ROOT = Path(__file__).resolve().parents[3]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "observer_removed.toml"


def _template_with_condition(when: str) -> templates.Template:
    data = tomllib.loads(FIXTURE.read_text(encoding="utf-8"))
    data["legal_basis"][1]["when"] = when
    return templates.parse_template(data, "observer_removed.toml", expected_id="observer_removed")


def _text(data: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


@pytest.mark.parametrize(("level", "listed"), [("akimat", True), ("precinct", False)])
def test_provision_listed_only_when_its_condition_holds(level: str, listed: bool) -> None:
    template = _template_with_condition("respondent.level == 'akimat'")
    case = caseio.load_case(ROOT / "examples" / "observer_removed.json")
    case.respondent.level = level
    text = _text(render.render_docx(case, "en", template=template))
    assert ("An observer's authority." in text) is listed
    assert "An observer may appeal." in text


def test_blank_form_lists_no_provisions() -> None:
    """A paper form argues in its paragraphs, which cite what they rest on; a list would not fit two pages."""
    template = _template_with_condition("respondent.level == 'akimat'")
    case = caseio.load_case(ROOT / "examples" / "observer_removed.json")
    text = _text(render.render_docx(case, "en", template=template, blank=True))
    assert "An observer's authority." not in text and "An observer may appeal." not in text
    assert "I acted as" in text  # the fixture's legal paragraph


@pytest.mark.parametrize(
    ("when", "problem"),
    [("details.no_such_question == 'x'", "names no question"), ("respondent.level ==", "syntax")],
)
def test_bad_provision_condition_is_refused(when: str, problem: str) -> None:
    with pytest.raises(templates.TemplateError, match=problem):
        _template_with_condition(when)
