"""Rendered documents, checked by their extracted text, per kind and language."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm
from render_helpers import CYRILLIC, FIXTURES, KAZAKH_LETTERS, docx_parts, docx_text, without_user_values

from kzcomplaint import __version__
from kzcomplaint.core.case import caseio, ids
from kzcomplaint.core.case.model import Body, Case, Contested, Evidence, Person
from kzcomplaint.core.documents import render, templates
from kzcomplaint.core.files import resources
from kzcomplaint.core.law import catalog
from kzcomplaint.core.text import legal_dates

EXAMPLES = sorted(resources.examples_dir().glob("*.json"))
LANGS = ("kk", "ru", "en")
FIXTURE = templates.load_template_path(FIXTURES / "observer_removed.toml")
IIN = "800416100254"


def _case(**changes: object) -> Case:
    """A complete synthetic case for the fixture template."""
    case = Case(
        template="observer_removed",
        language="ru",
        complainant=Person(
            full_name="Testova Aliya",
            iin=IIN,
            birth_date=dt.date(1980, 4, 16),
            birth_place="Almaty",
            address="Almaty, Abay St 1",
            phone="+7 701 000 00 11",
            email="aliya@example.org",
            organization="Training Network",
        ),
        respondent=Body(level="precinct", name="PEC 999", number="999", address="Almaty, School St 1"),
        addressee=Body(
            level="territorial", name="TEC Almaty", address="Almaty, Central Sq 3", phone="+7 700 000 00 13"
        ),
        contested=Contested(type="action", date=dt.date(2021, 1, 10), time="14:30", place="School 99"),
        facts="First line of facts.\n\nSecond line of facts.",
        details={
            "removed_by": "Chair Primerov",
            "police_involved": "yes",
            "by_whom": "police",
            "noticed_on": "10.01.2021",
            "removed_at": "14:30",
            "minutes": "20",
        },
        filing_date=dt.date(2021, 1, 12),
    )
    return dataclasses.replace(case, **changes)  # type: ignore[arg-type]


def _render(case: Case, lang: str, **kwargs: object) -> str:
    return docx_text(render.render_docx(case, lang, template=FIXTURE, **kwargs))  # type: ignore[arg-type]


def _frame(key: str, lang: str) -> str:
    return templates.load_frame().text(key, lang)


# ── Every example of every kind, in every language ───────────────────────


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def example(request: pytest.FixtureRequest) -> tuple[Path, Case]:
    path: Path = request.param
    return path, caseio.load_case(path)


@pytest.mark.parametrize("lang", LANGS)
def test_example_renders_with_every_admissibility_detail(example: tuple[Path, Case], lang: str) -> None:
    path, case = example
    template = templates.load_template(case.template)
    data = render.render_docx(case, lang, base_dir=path.parent)
    text = docx_text(data)
    info = catalog.get(case.template)

    assert _frame(f"title.{info.document}", lang) in text
    if not templates.placeholders(template.subtitle[lang]):
        assert template.subtitle[lang] in text
    person = case.complainant
    for value in (person.full_name, person.iin, case.respondent.name, case.respondent.address, case.addressee.name):
        if value:
            assert value in text, value
    if person.phone:
        checked = ids.check_phone(person.phone)
        assert (ids.format_phone(checked.e164) if checked.valid and checked.e164 else person.phone) in text
    for value in (case.filing_date, case.contested.date):
        if value:
            assert legal_dates.format_legal_date(value, lang) in text
    conditions = templates.TextRenderer(render.build_context(case, template, lang))
    for provision in template.legal_basis:
        if provision.when and not conditions.evaluate(template.compiled.conditions[provision.when]):
            assert f"{provision.citation.text(lang)} — {provision.summary[lang]}" not in text
            continue
        assert provision.citation.text(lang) in text
        if not provision.citation.is_confirmed:
            assert f"{provision.citation.text(lang)} — {provision.summary[lang]} {_frame('unverified', lang)}" in text
    frame_and_template = without_user_values(text, case)
    assert "{{" not in frame_and_template and "{%" not in frame_and_template
    assert template.id in text and template.version in text
    assert render.rules_version() in text and __version__ in text


@pytest.mark.parametrize("lang", LANGS)
def test_example_text_outside_user_values_is_in_the_document_language(example: tuple[Path, Case], lang: str) -> None:
    path, case = example
    template = templates.load_template(case.template)
    text = docx_text(render.render_docx(case, lang, base_dir=path.parent))
    # Latin the frame writes in every language: ids, versions, hashes, file names.
    for token in (template.id, render.rules_version(), "kzcomplaint", "SHA-256", "UTC"):
        text = text.replace(token, " ")
    text = re.sub(r"\b[0-9a-f]{64}\b", " ", text)
    text = without_user_values(text, case)
    if lang == "en":
        assert not CYRILLIC.findall(text), sorted(set(CYRILLIC.findall(text)))
    else:
        latin = re.findall(r"[A-Za-z]+", text)
        assert not latin, sorted(set(latin))
    if lang == "ru":
        assert not [ch for ch in text if ch in KAZAKH_LETTERS]


# ── The frame ─────────────────────────────────────────────────────────────


@pytest.mark.parametrize("lang", LANGS)
def test_empty_details_print_as_visible_blanks(lang: str) -> None:
    case = Case(template="observer_removed", language=lang)
    paragraphs, _, _ = docx_parts(render.render_docx(case, lang, template=FIXTURE))
    for key in ("full_name", "iin", "birth", "residence", "phone", "email", "organization", "bin"):
        label = _frame(f"labels.{key}", lang)
        lines = [p for p in paragraphs if p.startswith(f"{label}:")]
        assert lines, key
        assert all(templates.BLANK in line for line in lines), (key, lines)
    assert f"{render.SIGNATURE_LINE} /{templates.BLANK}/" in paragraphs


@pytest.mark.parametrize("lang", LANGS)
def test_fixture_document_structure(lang: str) -> None:
    paragraphs, _, footers = docx_parts(render.render_docx(_case(), lang, template=FIXTURE))
    text = "\n".join(paragraphs)
    order = [
        _frame("labels.to", lang),
        _frame("labels.from", lang),
        _frame("respondent.complaint", lang),
        _frame("title.complaint", lang),
        FIXTURE.subtitle[lang],
        _frame("contested_heading.complaint", lang),
        _frame("headings.circumstances", lang),
        "First line of facts.",
        _frame("headings.legal", lang),
        _frame("headings.ask", lang),
        _frame("headings.attachments", lang),
        legal_dates.format_legal_date(dt.date(2021, 1, 12), lang),
        "/Testova Aliya/",
    ]
    position = 0
    for item in order:  # each after the one before
        position = text.index(item, position) + len(item)
    assert "Second line of facts." in paragraphs  # paragraph breaks kept, empty lines dropped
    assert "" not in paragraphs[paragraphs.index("First line of facts.") : paragraphs.index("Second line of facts.")]
    contested_date = legal_dates.format_legal_date(dt.date(2021, 1, 10), lang)
    assert f"1. {FIXTURE.requests[lang][0].replace('{{ contested_date }}', contested_date)}" in paragraphs
    assert f"1. {FIXTURE.attachments[lang][0]}" in paragraphs
    assert _frame("roles.observer", lang) in text
    # answers print in the document's language; conditions read the stored value
    assert _frame("answers.yes", lang) in text
    assert FIXTURE.question("by_whom").options[0].label[lang] in text  # type: ignore[union-attr]
    assert legal_dates.format_legal_date(dt.date(2021, 1, 10), lang) in text
    assert FIXTURE.paragraphs[2].text[lang] not in text  # the "police: no" paragraph
    assert "+7 701 000 00 11" in text and "+7 700 000 00 13" in text
    assert any(FIXTURE.id in line and FIXTURE.version in line for line in footers)


def test_case_requests_and_attachments_replace_the_defaults() -> None:
    case = _case(requests=["Do this.", "  ", "Do that."], attachments=["Paper A"])
    text = _render(case, "en")
    assert "1. Do this." in text and "2. Do that." in text and "3." not in text.split("I ask:")[1].split("Attach")[0]
    assert FIXTURE.requests["en"][1] not in text
    assert "1. Paper A" in text and FIXTURE.attachments["en"][0] not in text


def test_decision_block_names_number_and_publication() -> None:
    contested = Contested(
        type="decision",
        date=dt.date(2020, 12, 4),
        decision_number="12/345",
        published_in="www.election.gov.kz",
        published_on=dt.date(2020, 12, 5),
        received_on=dt.date(2020, 12, 7),
    )
    paragraphs, _, _ = docx_parts(render.render_docx(_case(contested=contested), "ru", template=FIXTURE))
    assert "Номер решения: 12/345" in paragraphs
    assert "Дата принятия решения: 4 декабря 2020 года" in paragraphs
    assert "Где опубликовано: www.election.gov.kz" in paragraphs
    assert "Дата опубликования: 5 декабря 2020 года" in paragraphs
    assert "Дата получения: 7 декабря 2020 года" in paragraphs


def test_representative_is_printed_with_power_of_attorney() -> None:
    representative = Person(full_name="Advocate Lawson", iin="680503250034", power_of_attorney="No. 7 of 11.01.2021")
    text = _render(_case(representative=representative), "en")
    assert "Representative:" in text
    assert "Power of attorney: No. 7 of 11.01.2021" in text
    assert "680503250034" in text
    assert _frame("attachments.power_of_attorney", "en") in text
    assert f"Representative: {render.SIGNATURE_LINE} /Advocate Lawson/" in text


@pytest.mark.parametrize("lang", LANGS)
def test_claim_lists_copies_and_state_duty(lang: str) -> None:
    claim = dataclasses.replace(FIXTURE, id="administrative_claim")
    assert catalog.get("administrative_claim").document == "claim"
    text = docx_text(render.render_docx(_case(template="administrative_claim"), lang, template=claim))
    assert _frame("title.claim", lang) in text
    assert _frame("respondent.claim", lang) in text
    assert _frame("attachments.claim_copies", lang) in text
    assert _frame("attachments.state_duty", lang) in text


def test_unconfirmed_provision_is_visibly_marked() -> None:
    for lang in LANGS:
        text = _render(_case(), lang)
        confirmed, unconfirmed = FIXTURE.legal_basis
        assert f"{unconfirmed.citation.text(lang)} — {unconfirmed.summary[lang]} {_frame('unverified', lang)}" in text
        assert f"{confirmed.summary[lang]} {_frame('unverified', lang)}" not in text


# ── User text is only a value ────────────────────────────────────────────


def test_user_text_is_never_evaluated() -> None:
    sneaky = "{{ 7*7 }} {% for x in range(3) %}x{% endfor %} {{ ''.__class__ }}"
    case = _case(
        complainant=dataclasses.replace(_case().complainant, full_name="{{ 7*7 }}"),
        facts=sneaky,
        details={**_case().details, "removed_by": sneaky},
        requests=[sneaky],
        attachments=["{{ 7*7 }}"],
        evidence=[Evidence(description="{{ 7*7 }}")],
    )
    for lang in ("ru", "kk+ru"):
        text = _render(case, lang)
        assert "49" not in text
        assert "xxx" not in text
        assert text.count(sneaky) >= 3
        assert "/{{ 7*7 }}/" in text


def test_xml_invalid_characters_do_not_break_the_document() -> None:
    case = _case(facts="bell\x07 nul\x00 vt\x0b ok\ufffe", details={"removed_by": "a\x1fb"})
    data = render.render_docx(case, "en", template=FIXTURE)
    text = docx_text(data)
    # VT is a line boundary: the facts' paragraphs are split there
    assert "bell nul vt\nok\n" in text and "ab" in text


def test_tabs_and_line_breaks_in_answers_are_kept() -> None:
    case = _case(details={**_case().details, "removed_by": "line one\nline two\tafter tab"})
    text = _render(case, "en")
    assert "line one\nline two\tafter tab" in text


# ── Parallel kk+ru ───────────────────────────────────────────────────────


def test_kk_ru_parallel_document_has_two_aligned_columns() -> None:
    data = render.render_docx(_case(), "kk+ru", template=FIXTURE)
    paragraphs, tables, footers = docx_parts(data)
    assert len(tables) == 1
    rows = tables[0]
    assert all(len(row) == 2 for row in rows)
    left = [row[0] for row in rows]
    right = [row[1] for row in rows]
    kk_alone = docx_parts(render.render_docx(_case(), "kk", template=FIXTURE))[0]
    ru_alone = docx_parts(render.render_docx(_case(), "ru", template=FIXTURE))[0]
    assert left == kk_alone and right == ru_alone
    assert left.index("ШАҒЫМ") == right.index("ЖАЛОБА")
    assert not "".join(p for p in paragraphs if p.strip())  # everything is in the table
    footer = "\n".join(footers)
    assert "Бет" in footer and "Страница" in footer
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert 'w:val="kk-KZ"' in xml and 'w:val="ru-RU"' in xml
    assert 'w:insideV w:val="nil"' in xml  # borderless


# ── Blank paper form ─────────────────────────────────────────────────────


@pytest.mark.parametrize("lang", LANGS)
def test_blank_form_of_the_fixture_has_lines_and_hints(lang: str) -> None:
    data = render.render_docx(Case(template="observer_removed"), lang, blank=True, template=FIXTURE)
    paragraphs, _, _ = docx_parts(data)
    text = "\n".join(paragraphs)
    for question in FIXTURE.questions:
        index = paragraphs.index(question.label[lang])
        assert set(paragraphs[index + 1]) == {"_"}
        if question.hint:
            assert question.hint[lang] in paragraphs[index + 2 : index + 6]
    assert _frame("blank.date", lang) in paragraphs
    assert _frame("blank.if_applicable", lang) in text
    assert _frame("labels.representative", lang) in text
    assert "{{" not in text


@pytest.mark.parametrize("template_id", templates.template_ids())
@pytest.mark.parametrize("lang", LANGS)
def test_blank_form_of_every_kind(template_id: str, lang: str) -> None:
    template = templates.load_template(template_id)
    text = docx_text(render.render_blank(template_id, lang))
    info = catalog.get(template_id)
    assert _frame(f"title.{info.document}", lang) in text
    for question in template.questions:
        assert question.label[lang] in text
        if question.hint:
            assert question.hint[lang] in text
    for provision in template.legal_basis:
        assert provision.citation.text(lang) in text
    assert "{{" not in text and "{%" not in text
    if lang == "en":
        assert not CYRILLIC.findall(text)
    if lang == "ru":
        assert not [ch for ch in text if ch in KAZAKH_LETTERS]


def test_blank_parallel_form() -> None:
    template_id = templates.template_ids()[0]
    _, tables, _ = docx_parts(render.render_blank(template_id, "kk+ru"))
    assert tables and all(len(row) == 2 for row in tables[0])


# ── Evidence ─────────────────────────────────────────────────────────────


def test_evidence_file_size_time_and_hash(tmp_path: Path) -> None:
    folder = tmp_path / "evidence"
    folder.mkdir()
    content = b"synthetic video bytes \x00\x01" * 1000
    (folder / "clip.mp4").write_bytes(content)
    moment = dt.datetime(2021, 1, 10, 14, 32, 5).timestamp()
    import os

    os.utime(folder / "clip.mp4", (moment, moment))
    case = _case(
        evidence=[
            Evidence(description="Video of the removal", file="evidence/clip.mp4"),
            Evidence(description="Photo", file="evidence/missing.jpg"),
            Evidence(description="Witness statement"),
        ]
    )
    for lang in LANGS:
        text = docx_text(render.render_docx(case, lang, base_dir=tmp_path, template=FIXTURE))
        assert hashlib.sha256(content).hexdigest() in text
        assert f" {len(content)} " in text
        assert legal_dates.format_legal_date(dt.date(2021, 1, 10), lang) + ", 14:32:05" in text
        assert _frame("evidence.missing", lang).format(name="evidence/missing.jpg") in text
        assert "3. Witness statement" in text
        assert (
            _frame("evidence.attachment", lang).format(description="Video of the removal", name="evidence/clip.mp4")
            in text
        )
    # relative paths start at the case file's folder, not the current one
    elsewhere = docx_text(render.render_docx(case, "en", base_dir=tmp_path / "nowhere", template=FIXTURE))
    assert "evidence/clip.mp4 — file not found" in elsewhere
    info = render.evidence_file(str(folder / "clip.mp4"), None)
    assert info.found and info.size == len(content) and info.sha256 == hashlib.sha256(content).hexdigest()
    assert not render.evidence_file(str(tmp_path), None).found  # a folder is not a file


# ── The document as a file ───────────────────────────────────────────────


def test_house_style_page_and_fonts() -> None:
    document = Document(io.BytesIO(render.render_docx(_case(), "kk", template=FIXTURE)))
    section = document.sections[0]

    def close(length: int | None, mm: float) -> bool:  # Word stores twips: within 0.1 mm
        return length is not None and abs(length - Mm(mm)) < Mm(0.1)

    assert close(section.page_width, 210) and close(section.page_height, 297)
    assert close(section.left_margin, 30) and close(section.right_margin, 15)
    assert close(section.top_margin, 20) and close(section.bottom_margin, 20)
    styles_xml = document.styles.element.xml
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert f'w:{script}="Times New Roman"' in styles_xml
    assert "Theme" not in styles_xml.split("<w:docDefaults>")[1].split("</w:docDefaults>")[0]
    body = document.styles["KzBody"]
    assert body.paragraph_format.first_line_indent is not None and body.paragraph_format.first_line_indent > 0
    assert document.styles["Normal"].font.size.pt == 14
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml


def test_same_case_renders_to_the_same_bytes() -> None:
    assert render.render_docx(_case(), "ru", template=FIXTURE) == render.render_docx(_case(), "ru", template=FIXTURE)


def test_unknown_language_is_refused() -> None:
    with pytest.raises(render.RenderError, match="de"):
        render.render_docx(_case(), "de", template=FIXTURE)


def test_rules_version_names_the_verified_date_and_a_hash() -> None:
    version = render.rules_version()
    date_part, digest = version.split("/")
    dt.date.fromisoformat(date_part)
    assert re.fullmatch(r"[0-9a-f]{8}", digest)
