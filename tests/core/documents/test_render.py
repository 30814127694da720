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

from kzcomplaint.core.case import caseio, ids
from kzcomplaint.core.case.model import Body, Case, Contested, Evidence, Person
from kzcomplaint.core.documents import render, templates
from kzcomplaint.core.files import resources
from kzcomplaint.core.law import catalog, checks
from kzcomplaint.core.text import legal_dates

EXAMPLES = sorted(resources.examples_dir().glob("*.json"))
LANGS = ("kk", "ru", "en")
FIXTURE = templates.load_template_path(FIXTURES / "observer_removed.toml")
IIN = "800416100254"
CREATED = dt.datetime(2021, 1, 12, 10, 0, tzinfo=dt.UTC)


def _example_languages() -> list[tuple[Path, str]]:
    """Every example in every language it is written in (its own, its translations)."""
    pairs = []
    for path in EXAMPLES:
        case = caseio.load_case(path)
        pairs += [(path, lang) for lang in render.written_languages(case) if "+" not in lang]
    return pairs


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
    return docx_text(render.render_docx(case, lang, template=FIXTURE, created=CREATED, **kwargs))  # type: ignore[arg-type]


def _frame(key: str, lang: str) -> str:
    return templates.load_frame().text(key, lang)


# ── Every example of every kind, in every language ───────────────────────


@pytest.mark.parametrize(("path", "lang"), _example_languages(), ids=lambda v: getattr(v, "stem", v))
def test_example_renders_with_every_admissibility_detail(path: Path, lang: str) -> None:
    case = caseio.load_case(path)
    template = templates.load_template(case.template)
    data = render.render_docx(case, lang, base_dir=path.parent, created=CREATED)
    text = docx_text(data)
    info = catalog.get(case.template)

    assert _frame(f"title.{info.document}", lang) in text
    if not templates.placeholders(template.subtitle[lang]):
        assert template.subtitle[lang] in text
    person = case.complainant
    # Every example is complete: each of these is filled in and must be on the paper.
    for value in (person.full_name, person.iin, case.respondent.address, render.body_title(case.addressee, lang)):
        assert value and value in text, value
    checked = ids.check_phone(person.phone)
    assert checked.valid and checked.e164 and ids.format_phone(checked.e164) in text, person.phone
    for day in (case.filing_date, case.contested.date):
        assert day is not None and legal_dates.format_legal_date(day, lang) in text
    conditions = templates.TextRenderer(render.build_context(case, template, lang))
    for provision in template.legal_basis:
        if provision.when and not conditions.evaluate(template.compiled.conditions[provision.when]):
            assert f"{provision.citation.text(lang)} — {provision.summary[lang]}" not in text
            continue
        assert f"{provision.citation.text(lang)} — {provision.summary[lang]}" in text
    frame_and_template = without_user_values(text, case)
    assert "{{" not in frame_and_template and "{%" not in frame_and_template
    # the software and its doubts stay off the page
    assert template.id not in text and render.rules_version() not in text and _frame("footer.page", lang)[:4] in text
    assert "kzcomplaint" not in text.casefold()


@pytest.mark.parametrize(("path", "lang"), _example_languages(), ids=lambda v: getattr(v, "stem", v))
def test_example_text_outside_user_values_is_in_the_document_language(path: Path, lang: str) -> None:
    case = caseio.load_case(path)
    text = docx_text(render.render_docx(case, lang, base_dir=path.parent, created=CREATED))
    # Latin a document writes in every language: hashes, web addresses.
    for token in ("SHA-256", "UTC", "USB"):
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


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_carries_its_own_requests_in_every_language_it_is_offered_in(path: Path) -> None:
    case = caseio.load_case(path)
    languages = render.written_languages(case)
    assert case.language in languages
    for lang in languages:
        texts = case.texts_in(lang)
        assert texts.requests, "an example carries its own requests"
        assert not any(templates.BLANK in request for request in texts.requests)


# ── The frame ─────────────────────────────────────────────────────────────


@pytest.mark.parametrize("lang", LANGS)
def test_required_details_print_as_visible_blanks_and_optional_ones_not_at_all(lang: str) -> None:
    case = Case(template="observer_removed", language=lang)
    paragraphs, _, _ = docx_parts(render.render_docx(case, lang, template=FIXTURE, created=CREATED))
    for key in ("full_name", "iin", "residence", "phone"):  # required of every complaint
        label = _frame(f"labels.{key}", lang)
        lines = [p for p in paragraphs if p.startswith(f"{label}:")]
        assert lines and all(templates.BLANK in line for line in lines), (key, lines)
    for key in ("email", "organization", "bin"):  # optional: a complaint without them is complete
        assert not [p for p in paragraphs if p.startswith(f"{_frame(f'labels.{key}', lang)}:")], key
    assert f"{render.SIGNATURE_LINE} /{templates.BLANK}/" in paragraphs


@pytest.mark.parametrize("lang", LANGS)
def test_fixture_document_structure(lang: str) -> None:
    paragraphs, _, footers = docx_parts(render.render_docx(_case(), lang, template=FIXTURE, created=CREATED))
    text = "\n".join(paragraphs)
    order = [
        _frame("to.complaint", lang),
        _frame("from.complaint", lang),
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
    assert f"1. {FIXTURE.requests[0].text[lang].replace('{{ contested_date }}', contested_date)}" in paragraphs
    assert f"1. {FIXTURE.attachments[0].text[lang]}" in paragraphs
    assert _frame("roles.observer", lang) in text
    assert "+7 701 000 00 11" in text and "+7 700 000 00 13" in text
    assert footers and all(FIXTURE.id not in line and FIXTURE.version not in line for line in footers)


@pytest.mark.parametrize("lang", LANGS)
def test_answers_print_in_the_documents_language_when_there_is_no_facts_text(lang: str) -> None:
    text = _render(_case(facts=""), lang)
    # the kind's sentences carry the answers; conditions read the stored value
    assert "Chair Primerov" in text
    assert _frame("answers.yes", lang) in text
    assert FIXTURE.question("by_whom").options[0].label[lang] in text  # type: ignore[union-attr]
    assert legal_dates.format_legal_date(dt.date(2021, 1, 10), lang) in text
    assert FIXTURE.paragraphs[2].text[lang] not in text  # the "police: no" paragraph
    # with a facts text the user's words stand where the answers' sentences would
    assert "Chair Primerov" not in _render(_case(), lang)


def test_case_requests_and_attachments_replace_the_defaults() -> None:
    case = _case(requests=["Do this.", "  ", "Do that."], attachments=["Paper A"])
    text = _render(case, "en")
    assert "1. Do this." in text and "2. Do that." in text and "3." not in text.split("I ask:")[1].split("Attach")[0]
    assert FIXTURE.requests[1].text["en"] not in text
    assert "1. Paper A" in text and FIXTURE.attachments[0].text["en"] not in text


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


def test_unconfirmed_provision_is_cited_without_the_apps_doubt() -> None:
    for lang in LANGS:
        text = _render(_case(), lang)
        confirmed, unconfirmed = FIXTURE.legal_basis
        assert f"{unconfirmed.citation.text(lang)} — {unconfirmed.summary[lang]}" in text
        for marker in ("(мәтіні тексерілмеген)", "(текст не сверен)", "(text not verified)"):
            assert marker not in text


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
        assert text.count(sneaky) >= 2  # the facts and the request, as typed
        assert "/{{ 7*7 }}/" in text
    answered = _render(dataclasses.replace(case, facts=""), "ru")  # the answer in the kind's sentence
    assert sneaky in answered and "49" not in answered


def test_xml_invalid_characters_do_not_break_the_document() -> None:
    case = _case(facts="bell\x07 nul\x00 vt\x0b ok\ufffe", details={"removed_by": "Qa\x1fbQ"})
    text = docx_text(render.render_docx(case, "en", template=FIXTURE))
    # VT is a line boundary: the facts' paragraphs are split there
    assert "bell nul vt\nok\n" in text
    answered = docx_text(render.render_docx(dataclasses.replace(case, facts=""), "en", template=FIXTURE))
    assert "QabQ" in answered


def test_tabs_and_line_breaks_in_answers_are_kept() -> None:
    case = _case(facts="", details={**_case().details, "removed_by": "line one\nline two\tafter tab"})
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
def test_blank_form_of_the_fixture_has_the_kinds_sentences_with_lines_and_tick_boxes(lang: str) -> None:
    data = render.render_docx(Case(template="observer_removed"), lang, blank=True, template=FIXTURE)
    paragraphs, _, _ = docx_parts(data)
    text = "\n".join(paragraphs)
    # the sentence with an answer in it leaves a line to write the answer on
    opening = next(p for p in paragraphs if ("№" in p or "No." in p) and p.count(render.BLANK_TO_FILL) > 1)
    assert opening.count(render.BLANK_TO_FILL) >= 2  # the date, the station, the person
    # a sentence that depends on a yes/no answer is a box to tick, and so is a choice within it
    circumstances = paragraphs[paragraphs.index(_frame("headings.circumstances", lang)) :]
    ticked = [p for p in circumstances if p.startswith(render.TICK_BOX)]
    assert len(ticked) == 2 and FIXTURE.paragraphs[2].text[lang] in ticked[1]
    options = [option.label[lang] for option in FIXTURE.question("by_whom").options]  # type: ignore[union-attr]
    assert all(f"{render.TICK_BOX} {label}" in ticked[0] for label in options)
    assert _frame("blank.date", lang) in paragraphs
    for question in FIXTURE.questions:
        assert question.label[lang] not in text
    assert "{{" not in text


@pytest.mark.parametrize("template_id", templates.template_ids())
@pytest.mark.parametrize("lang", LANGS)
def test_blank_form_of_every_kind(template_id: str, lang: str) -> None:
    template = templates.load_template(template_id)
    text = docx_text(render.render_blank(template_id, lang))
    info = catalog.get(template_id)
    assert _frame(f"title.{info.document}", lang) in text
    assert render.BLANK_TO_FILL in text and render.TICK_BOX in text  # lines to write on, boxes to tick
    legal = [paragraph for paragraph in template.paragraphs if paragraph.section == "legal" and not paragraph.when]
    for paragraph in legal:  # the argument is there; the list of provisions would take a page
        assert paragraph.text[lang][:40] in text
    assert _frame("headings.provisions", lang) not in text
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
            Evidence(description="Witness statement", medium="paper"),
        ]
    )
    for lang in LANGS:
        text = docx_text(render.render_docx(case, lang, base_dir=tmp_path, template=FIXTURE))
        assert hashlib.sha256(content).hexdigest() in text
        assert f"{len(content):,}".replace(",", "\u00a0" if lang != "en" else ",") in text
        assert legal_dates.format_legal_date(dt.date(2021, 1, 10), lang) + ", 14:32:05" in text
        assert "clip.mp4" in text and "evidence/clip.mp4" not in text  # the name, never the folder
        assert "2. Photo" in text and "missing.jpg" not in text  # unreadable: the checker says so, not the paper
        assert f"3. Witness statement, {_frame('media.paper', lang)}" in text
        # the items handed over are attached by their numbers in the list
        items = _frame("attachments.items_many", lang).format(items="1, 3")
        assert _frame("attachments.evidence", lang).format(items=items) in text
    # relative paths start at the case file's folder, not the current one
    elsewhere = docx_text(render.render_docx(case, "en", base_dir=tmp_path / "nowhere", template=FIXTURE))
    assert "clip.mp4" not in elsewhere and "not found" not in elsewhere
    info = render.evidence_file(str(folder / "clip.mp4"), tmp_path)
    assert info.found and info.size == len(content) and info.sha256 == hashlib.sha256(content).hexdigest()
    # Outside the case file's folder only a file the user picked in a dialog is read.
    assert render.evidence_file(str(folder / "clip.mp4"), None).status == "outside"
    assert render.evidence_file(str(folder / "clip.mp4"), None, picked=[folder / "clip.mp4"]).found
    assert render.evidence_file(str(tmp_path), tmp_path).status == "not_a_file"  # a folder is not a file


def test_the_checker_warns_of_exactly_the_evidence_files_the_document_says_nothing_of(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    (folder / "media").mkdir(parents=True)
    (folder / "media" / "clip.mp4").write_bytes(b"synthetic clip")
    outside = tmp_path / "elsewhere.mp4"
    outside.write_bytes(b"synthetic, outside the case folder")
    picked = tmp_path / "picked.mp4"
    picked.write_bytes(b"synthetic, picked in a dialog")
    case = _case(
        evidence=[
            Evidence(description="Inside", file="media/clip.mp4"),
            Evidence(description="Outside", file=str(outside)),
            Evidence(description="Up and out", file="../elsewhere.mp4"),
            Evidence(description="Picked", file=str(picked)),
            Evidence(description="Gone", file="media/gone.mp4"),
            Evidence(description="A folder", file="media", medium="usb_drive"),
        ]
    )
    problems = checks.check_case(case, base_dir=folder, picked=[picked])
    warned = {problem.field for problem in problems if problem.code == "evidence.unreadable"}
    assert warned == {"evidence.1.file", "evidence.2.file", "evidence.4.file", "evidence.5.file"}
    for lang in LANGS:
        text = docx_text(render.render_docx(case, lang, base_dir=folder, template=FIXTURE, picked=[picked]))
        for name, content in (("clip.mp4", b"synthetic clip"), ("picked.mp4", b"synthetic, picked in a dialog")):
            assert name in text and hashlib.sha256(content).hexdigest() in text
        assert hashlib.sha256(b"synthetic, outside the case folder").hexdigest() not in text
        for trace in ("elsewhere.mp4", "gone.mp4", str(tmp_path), "not found"):
            assert trace not in text
        assert f"6. A folder, {_frame('media.usb_drive', lang)}" in text
        # Handed over: the items read and the one on a medium, not those the document cannot vouch for.
        items = _frame("attachments.items_many", lang).format(items="1, 4, 6")
        assert _frame("attachments.evidence", lang).format(items=items) in text


def test_a_document_reads_each_evidence_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Its item and the attachments' list both ask about the file: a file too slow to hash would cost
    # its time limit twice, and a file that disappears between the two asks must not be listed as
    # handed over without its line on the paper.
    from kzcomplaint.core.case import evidence

    (tmp_path / "clip.mp4").write_bytes(b"synthetic clip")
    case = _case(evidence=[Evidence(description="Clip", file="clip.mp4")])
    asked: list[str] = []
    real = evidence.read_evidence

    def read_once_then_gone(name: str, base_dir: Path | None, **options: object) -> evidence.EvidenceRead:
        asked.append(name)
        if len(asked) > 1:
            return evidence.EvidenceRead(name, evidence.MISSING)
        return real(name, base_dir, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(evidence, "read_evidence", read_once_then_gone)
    paragraphs = [p.text for p in render.document_paragraphs(case, "ru", base_dir=tmp_path, template=FIXTURE)]
    assert asked == ["clip.mp4"]
    assert any(p.startswith("1. Clip; ") and hashlib.sha256(b"synthetic clip").hexdigest() in p for p in paragraphs)
    items = _frame("attachments.items_one", "ru").format(items="1")
    assert any(p.endswith(_frame("attachments.evidence", "ru").format(items=items)) for p in paragraphs)


def _evidence_folder(tmp_path: Path) -> Path:
    """A case folder with one clip inside, a folder, a link leading out and a pipe; a file beside it."""
    import os

    folder = tmp_path / "case"
    (folder / "media").mkdir(parents=True)
    (folder / "media" / "clip.mp4").write_bytes(b"synthetic clip inside")
    (tmp_path / "elsewhere.mp4").write_bytes(b"synthetic, outside the case folder")
    if hasattr(os, "symlink"):
        (folder / "media" / "link.mp4").symlink_to(tmp_path / "elsewhere.mp4")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "media" / "pipe.mp4")
    return folder


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("media/gone.mp4", "missing"),
        ("gone/clip.mp4", "missing"),
        ("../elsewhere.mp4", "outside"),
        ("media/link.mp4", "outside"),
        ("media", "not_a_file"),
        ("media/pipe.mp4", "not_a_file"),
    ],
)
def test_an_evidence_file_not_read_is_never_reported_as_found(tmp_path: Path, name: str, status: str) -> None:
    from kzcomplaint.core.case import evidence

    folder = _evidence_folder(tmp_path)
    if not (folder / name).exists() and name.endswith(("link.mp4", "pipe.mp4")):
        pytest.skip("links and pipes are POSIX")
    read = evidence.read_evidence(name, folder)  # the one reader: the document and the checker ask it
    assert (read.ok, read.status) == (False, status)
    info = render.evidence_file(name, folder)
    assert (info.found, info.status, info.size, info.modified, info.sha256) == (False, status, 0, None, "")
    case = _case(
        evidence=[Evidence(description="Video", file=name), Evidence(description="Clip", file="media/clip.mp4")]
    )
    warned = [p.field for p in checks.check_case(case, base_dir=folder) if p.code == "evidence.unreadable"]
    assert warned == ["evidence.0.file"]
    for lang in LANGS:
        paragraphs, _, _ = docx_parts(render.render_docx(case, lang, base_dir=folder, template=FIXTURE))
        # the item as described, nothing of its file; the clip read beside it
        assert "1. Video" in paragraphs
        clip = next(p for p in paragraphs if p.startswith("2. Clip; "))
        assert hashlib.sha256(b"synthetic clip inside").hexdigest() in clip
        # handed over (after the fixture's one attachment): the clip alone, not the file not read
        items = _frame("attachments.items_one", lang).format(items="2")
        assert f"2. {_frame('attachments.evidence', lang).format(items=items)}" in paragraphs
        text = "\n".join(paragraphs)
        assert hashlib.sha256(b"synthetic, outside the case folder").hexdigest() not in text
        assert Path(name).name not in text.replace("clip.mp4", "")


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
    first = render.render_docx(_case(), "ru", template=FIXTURE, created=CREATED)
    assert first == render.render_docx(_case(), "ru", template=FIXTURE, created=CREATED)


def test_unknown_language_is_refused() -> None:
    with pytest.raises(render.RenderError, match="de"):
        render.render_docx(_case(), "de", template=FIXTURE)


def test_rules_version_names_the_verified_date_and_a_hash() -> None:
    version = render.rules_version()
    date_part, digest = version.split("/")
    dt.date.fromisoformat(date_part)
    assert re.fullmatch(r"[0-9a-f]{8}", digest)
