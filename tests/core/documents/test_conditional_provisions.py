"""A provision with a ``when`` is listed only where it applies (and a blank form lists none).

A text whose condition cannot be evaluated for a case (a type the
comparison does not allow, a day count without its dates, an unanswered
question put in order) does not apply: it is never printed, and the document
is still written.
"""

from __future__ import annotations

import datetime as dt
import io
import tomllib
from pathlib import Path

import jinja2
import pytest
from docx import Document

from kzcomplaint.core.case import caseio
from kzcomplaint.core.case.model import Body, Case, Contested, Election, Person
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


# ── A condition that cannot be evaluated does not hold ──────────────────────

PLANTED = {
    "circumstances": "Planted circumstance.",
    "legal": "Planted argument.",
    "closing": "Planted closing line.",
    "request": "Planted request.",
    "attachment": "Planted attachment.",
    "provision": "An observer's authority.",
}


def _template_with_everywhere(when: str) -> templates.Template:
    """The fixture with ``when`` on a paragraph of each section, a provision, a request and an attachment."""
    data = tomllib.loads(FIXTURE.read_text(encoding="utf-8"))
    for section in ("circumstances", "legal", "closing"):
        text = PLANTED[section]
        data["paragraphs"].append({"section": section, "when": when, "kk": text, "ru": text, "en": text})
    data["legal_basis"][1]["when"] = when
    for key, planted in (("requests", PLANTED["request"]), ("attachments", PLANTED["attachment"])):
        older = data[key]  # the fixture's one table of three lists, as items of their own
        items = [{lang: older[lang][index] for lang in ("kk", "ru", "en")} for index in range(len(older["en"]))]
        data[key] = [*items, {"when": when, "kk": planted, "ru": planted, "en": planted}]
    return templates.parse_template(data, "observer_removed.toml", expected_id="observer_removed")


def _fixture_case(**details: str) -> Case:
    return Case(
        template="observer_removed",
        language="en",
        election=Election(kind="parliamentary", voting_day=dt.date(2021, 1, 10)),
        complainant=Person(full_name="Aliya Testova", iin="800416100254", phone="+7 700 000 00 11"),
        respondent=Body(level="precinct", name="PEC 999", number="999", address="1 School St"),
        addressee=Body(level="territorial", name="TEC", address="3 Central Sq"),
        contested=Contested(type="action", date=dt.date(2021, 1, 10), time="14:30", place="School 99"),
        details={"removed_by": "the chair", "police_involved": "yes", "by_whom": "police", **details},
        filing_date=dt.date(2021, 1, 12),
    )


@pytest.mark.parametrize(
    ("when", "details", "filing_date"),
    [
        ("details.minutes > 10", {"minutes": "20"}, dt.date(2021, 1, 12)),  # an answer is text, not a number
        ("days_to_voting < 5", {}, None),  # no filing date: no day count to compare
        ("details.removed_at > '12:00'", {}, dt.date(2021, 1, 12)),  # the question was not answered
        ("60 / (details.minutes | int) > 2", {"minutes": "0"}, dt.date(2021, 1, 12)),  # divided by a zero answered
    ],
    ids=["text-against-number", "day-count-without-dates", "unanswered-in-order", "divided-by-zero-answered"],
)
def test_a_condition_that_cannot_be_evaluated_prints_nothing(
    when: str, details: dict[str, str], filing_date: dt.date | None
) -> None:
    case = _fixture_case(**details)
    case.filing_date = filing_date
    text = _text(render.render_docx(case, "en", template=_template_with_everywhere(when)))
    assert [name for name, planted in PLANTED.items() if planted in text] == []
    # the document is whole: the texts without a condition are there
    assert "I acted as observer." in text and "1. Declare the actions unlawful (10 January 2021)." in text.split("\n")
    assert "Copy of the referral." in text


@pytest.mark.parametrize(
    ("when", "details", "filing_date"),
    [
        ("details.minutes > '10'", {"minutes": "20"}, dt.date(2021, 1, 12)),
        ("days_to_voting < 5", {}, dt.date(2021, 1, 12)),  # two days after voting day: -2
        ("details.removed_at > '12:00'", {"removed_at": "14:30"}, dt.date(2021, 1, 12)),
        ("60 / (details.minutes | int) > 2", {"minutes": "20"}, dt.date(2021, 1, 12)),
    ],
    ids=["text-against-text", "day-count", "answered-in-order", "divided"],
)
def test_the_same_conditions_print_every_text_when_they_hold(
    when: str, details: dict[str, str], filing_date: dt.date
) -> None:
    case = _fixture_case(**details)
    case.filing_date = filing_date
    text = _text(render.render_docx(case, "en", template=_template_with_everywhere(when)))
    assert [name for name, planted in PLANTED.items() if planted not in text] == []


def test_a_templates_own_error_in_a_condition_is_said_as_the_templates(monkeypatch: pytest.MonkeyPatch) -> None:
    # Not a case the condition cannot judge: a broken template, named with its condition.
    template = _template_with_everywhere("details.police_involved == 'yes'")
    broken_condition = template.compiled.conditions["details.police_involved == 'yes'"]
    evaluate = templates.TextRenderer.evaluate

    def broken(self: templates.TextRenderer, condition: jinja2.Template) -> object:
        if condition is broken_condition:
            raise jinja2.TemplateRuntimeError("no such operation")
        return evaluate(self, condition)

    monkeypatch.setattr(templates.TextRenderer, "evaluate", broken)
    with pytest.raises(templates.TemplateError) as raised:
        render.render_docx(_fixture_case(), "en", template=template)
    assert str(raised.value) == (
        "observer_removed.toml: condition \"details.police_involved == 'yes'\": no such operation"
    )
