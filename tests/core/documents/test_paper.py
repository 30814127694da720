"""What a clerk receives: every kind in every language, checked for what must NOT be on it.

A synthetic case answers every question of a kind with a text that can be
found again (``ANSWER-<question>``), so each test can say where an answer is
printed and how often. The paper must carry each answer once, inside the
kind's sentences; never a question, a hint, an app's suggestion or doubt, the
software's ids and versions, a local path, an attachment or request the
answers do not support, a body's number twice, or a line for an optional
detail the case does not have. The trace lives in the document properties.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from render_helpers import docx_parts, docx_text

from kzcomplaint import __version__
from kzcomplaint.core.case import ids
from kzcomplaint.core.case.model import Body, Case, CaseText, Contested, Election, Evidence, Person
from kzcomplaint.core.documents import render, templates
from kzcomplaint.core.documents.docx_style import Style
from kzcomplaint.core.law import catalog, checks
from kzcomplaint.core.law.directory import shipped_directory
from kzcomplaint.core.law.questions import Question

KINDS = templates.template_ids()
LANGS = ("kk", "ru", "en")
ALL_LANGS = ("kk", "ru", "en", "kk+ru")
IIN = ids.make_iin(dt.date(1980, 4, 16), "female", 25) or ""
CREATED = dt.datetime(2021, 1, 12, 9, 30, tzinfo=dt.UTC)

SUGGESTIONS = (
    "(при наличии)",
    "(если применимо)",
    "(если обжалуется",
    "при необходимости",
    "(қажет болса)",
    "(бар болса)",
    "(if applicable)",
    "(if any)",
    "if needed",
    "Болжам жазбаңыз",
    "Без предположений",
    "No guesses",
    "своими словами",
    "өз сөзіңізбен",
    "in your own words",
)
"""The app's advice to its user, which a document never carries."""

SOFTWARE = ("kzcomplaint", "не сверен", "тексерілмеген", "not verified", "Шаблон:", "Үлгі:", "Template:")
"""The software and its doubts, which a document never carries."""


def _answer(question: Question, yes_no: str, option: int = 0) -> str:
    if question.type in ("text", "multiline"):
        return f"ANSWER-{question.id}"
    if question.type == "number":
        return "7"
    if question.type == "date":
        return "2021-01-09"
    if question.type == "time":
        return "13:05"
    if question.type == "yesno":
        return yes_no
    return question.options[option].id


def _name(level: str) -> str:
    """A body's name as the wizard fills it in: the level's name, or nothing when the number names it."""
    if level in ("precinct", "district", "cec", "supreme_court"):
        return ""
    name = shipped_directory().level_name(level, "ru")
    return name[:1].upper() + name[1:]


def _number(level: str) -> str:
    return "999" if level in ("precinct", "district") else ""


def _case(kind: str, *, yes_no: str = "yes", answered: str = "all", option: int = 0, **changes: object) -> Case:
    """A complete case of ``kind``: every required detail, every question answered (or only required ones)."""
    template = templates.load_template(kind)
    info = catalog.get(kind)
    respondent_level = info.respondent_levels[0]
    addressee_level = next(
        (level for level in info.addressee_levels if level != respondent_level),
        info.addressee_levels[0],
    )
    details = {
        q.id: _answer(q, yes_no, option)
        for q in template.questions
        if answered == "all" or (q.required and answered == "required")
    }
    contested_type = "decision" if "decision" in info.contests and info.document == "claim" else info.contests[0]
    case = Case(
        template=kind,
        language="ru",
        election=Election(voting_day=dt.date(2021, 1, 10)),
        complainant=Person(
            full_name="Тестова Алия Маратовна",
            iin=IIN,
            birth_date=dt.date(1980, 4, 16),
            birth_place="Алматы",
            address="Алматы, ул. Абая, 1",
            phone="+7 700 000 00 11",
            email="aliya@example.org",
            role="observer" if info.document != "claim" else "voter",
        ),
        respondent=Body(
            level=respondent_level,
            number=_number(respondent_level),
            address="Алматы, ул. Школьная, 1",
            phone="+7 700 000 00 12",
        ),
        addressee=Body(
            level=addressee_level,
            name=_name(addressee_level),
            number=_number(addressee_level),
            address="Алматы, пл. Центральная, 3",
        ),
        contested=Contested(
            type=contested_type,
            date=dt.date(2021, 1, 10),
            time="14:30",
            place="Школа № 99",
            decision_number="12/345",
            published_in="www.election.gov.kz",
            published_on=dt.date(2021, 1, 10),
        ),
        details=details,
        filing_date=dt.date(2021, 1, 12),
    )
    for name, value in changes.items():
        setattr(case, name, value)
    return case


def _text(case: Case, lang: str, **options: object) -> str:
    return docx_text(render.render_docx(case, lang, created=CREATED, **options))  # type: ignore[arg-type]


def _paragraph_texts(case: Case, lang: str) -> list[tuple[str, str]]:
    """(style id, text) of every body paragraph of a one-language document."""
    document = Document(io.BytesIO(render.render_docx(case, lang, created=CREATED)))
    return [(p.style.style_id if p.style is not None else "", p.text) for p in document.paragraphs]


def _normal(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


# ── Nothing of the interface ─────────────────────────────────────────────


def _printed_as_a_question(label: str, text: str) -> bool:
    """Whether a question's label stands in ``text`` as a question or a form's label (``label:``, ``label —``)."""
    bare = _normal(label).rstrip("?:：. ")
    if " " not in bare:
        return False  # a one-word label («Свидетели») is also a word of the frame («Свидетели:» under an act)
    return any(f"{bare}{end}" in text for end in ("?", ":", " —", " –", "\n")) or text.startswith(bare)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", ALL_LANGS)
@pytest.mark.parametrize("yes_no", ["yes", "no"])
def test_no_question_hint_or_suggestion_on_paper(kind: str, lang: str, yes_no: str) -> None:
    template = templates.load_template(kind)
    text = _normal(_text(_case(kind, yes_no=yes_no), lang))
    for column in lang.split("+"):
        for question in template.questions:
            assert not _printed_as_a_question(question.label[column], text), (
                f"{question.id!r}: {question.label[column]!r}"
            )
            if question.hint:
                assert _normal(question.hint[column]).rstrip(". ") not in text, f"hint of {question.id!r} printed"
    for phrase in SUGGESTIONS:
        assert _normal(phrase) not in text, phrase


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", ALL_LANGS)
def test_nothing_of_the_software_on_paper(kind: str, lang: str) -> None:
    template = templates.load_template(kind)
    text = _text(_case(kind), lang)
    for token in (*SOFTWARE, template.id, render.rules_version(), __version__):
        assert token.casefold() not in text.casefold(), token
    assert not re.search(r"\b\d+\.\d+\.\d+\b", text), "a version number is printed"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", LANGS)
def test_blank_form_has_no_question_hint_or_suggestion(kind: str, lang: str) -> None:
    template = templates.load_template(kind)
    text = _normal(docx_text(render.render_blank(kind, lang, created=CREATED)))
    for question in template.questions:
        assert not _printed_as_a_question(question.label[lang], text), question.id
        if question.hint:
            assert _normal(question.hint[lang]).rstrip(". ") not in text, question.id
    for phrase in (*SUGGESTIONS, *SOFTWARE):
        assert _normal(phrase) not in text, phrase
    assert "{{" not in text and "{%" not in text
    # Nor the software's ids: the kind's, a question's (an unwritten answer prints as a line), a version.
    assert kind not in text
    assert [question.id for question in template.questions if "_" in question.id and question.id in text] == []
    assert not re.search(r"\b\d+\.\d+\.\d+\b", text), "a version number is printed"


# ── Each answer once ─────────────────────────────────────────────────────


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("yes_no", ["yes", "no"])
def test_each_answer_is_printed_at_most_once(kind: str, lang: str, yes_no: str) -> None:
    template = templates.load_template(kind)
    text = _text(_case(kind, yes_no=yes_no), lang)
    for question in template.questions:
        if question.type in ("text", "multiline"):
            assert text.count(f"ANSWER-{question.id}") <= 1, question.id


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", LANGS)
def test_required_written_answers_are_printed_once(kind: str, lang: str) -> None:
    template = templates.load_template(kind)
    text = _text(_case(kind, answered="required"), lang)
    for question in template.questions:
        if question.required and question.type in ("text", "multiline"):
            assert text.count(f"ANSWER-{question.id}") == 1, question.id


@pytest.mark.parametrize("lang", LANGS)
def test_the_users_facts_replace_the_drafted_sentences(lang: str) -> None:
    case = _case("observer_removed", facts="Мой рассказ о том, что произошло.")
    text = _text(case, lang)
    assert "Мой рассказ о том, что произошло." in text
    assert "ANSWER-removed_by" not in text  # the answer fed the draft; the user's text replaced it
    drafted = render.drafted_facts(_case("observer_removed"), lang)
    assert "ANSWER-removed_by" in drafted and "\n" in drafted
    assert drafted.splitlines()[0] in _text(_case("observer_removed"), lang)


# ── Only what exists; what is required stays a line ──────────────────────


def _blank_lines(case: Case, lang: str) -> list[str]:
    """Paragraphs with a line to fill, apart from the signatures and the act's closing lines."""
    ignored = {Style.SIGNATURE, Style.CLOSING_LINE, Style.CLOSING_GROUP}
    return [text for style, text in _paragraph_texts(case, lang) if templates.BLANK in text and style not in ignored]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", LANGS)
def test_no_line_for_an_optional_detail_the_case_lacks(kind: str, lang: str) -> None:
    case = _case(kind, answered="required")
    case.complainant.email = ""
    case.complainant.organization = ""
    case.respondent.bin = ""
    case.respondent.phone = ""
    case.respondent.email = "pec999@example.org"
    case.addressee.address = ""
    case.contested.time = ""
    case.contested.place = ""
    assert _blank_lines(case, lang) == []


@pytest.mark.parametrize("lang", LANGS)
def test_a_required_detail_not_filled_stays_a_line(lang: str) -> None:
    case = _case("administrative_claim", answered="all")
    case.complainant.iin = ""
    case.complainant.birth_place = ""
    case.respondent.phone = ""
    lines = _blank_lines(case, lang)
    frame = templates.load_frame()
    assert any(line.startswith(frame.text("labels.iin", lang)) for line in lines)
    assert any(line.startswith(frame.text("labels.birth", lang)) for line in lines)
    # a phone or an e-mail of the CEC is required of a claim against it: neither leaves a line
    cec = _case("administrative_claim_cec", answered="all")
    cec.respondent.phone = ""
    assert any(line.startswith(frame.text("labels.phone", lang)) for line in _blank_lines(cec, lang))


# ── A body's number, once and where the language puts it ─────────────────


@pytest.mark.parametrize(
    ("name", "number", "lang", "expected"),
    [
        ("", "997", "ru", "Участковая избирательная комиссия № 997"),
        ("", "997", "kk", "№ 997 учаскелік сайлау комиссиясы"),
        ("", "997", "en", "Precinct election commission No. 997"),
        ("Участковая избирательная комиссия", "997", "kk", "№ 997 учаскелік сайлау комиссиясы"),
        ("Участковая избирательная комиссия № 997", "997", "ru", "Участковая избирательная комиссия № 997"),
        ("Участковая избирательная комиссия № 997", "997", "kk", "№ 997 учаскелік сайлау комиссиясы"),
        ("№ 997 учаскелік сайлау комиссиясы", "997", "ru", "Участковая избирательная комиссия № 997"),
        (
            "№ 993 сайлау учаскесінің учаскелік сайлау комиссиясы",
            "993",
            "kk",
            "№ 993 сайлау учаскесінің учаскелік сайлау комиссиясы",
        ),
        ("УИК 997", "997", "ru", "УИК 997"),
        (
            "Территориальная избирательная комиссия Акмолинской области",
            "",
            "kk",
            "Ақмола облысының аумақтық сайлау комиссиясы",
        ),
    ],
)
def test_body_number_once_where_the_language_puts_it(name: str, number: str, lang: str, expected: str) -> None:
    assert render.body_title(Body(level="precinct", name=name, number=number), lang) == expected


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", LANGS)
def test_no_number_sign_twice_for_one_body(kind: str, lang: str) -> None:
    case = _case(kind)
    case.respondent.name = "Участковая избирательная комиссия № 999"
    for style, text in _paragraph_texts(case, lang):
        if style in (Style.HEADER, Style.HEADER_GROUP):
            assert text.count("№") + text.count("No.") <= 1, text


# ── Requests and attachments the answers support ─────────────────────────

UNSUPPORTED_ATTACHMENTS = {
    "kk": ("бейнежазба", "жазбалар", "куәгер", "куәлер", "жауаптың", "жауабының"),
    "ru": ("видеозапис", "записи", "свидетел", "ответа"),
    "en": ("video", "recording", "witness", "answer"),
}
"""Words of an attachment that only a recording, a witness or an earlier answer supports."""
UNSUPPORTED_REQUESTS = {"kk": ("байқаушының актісін",), "ru": ("акт наблюдателя",), "en": ("observer's act",)}
"""Words of a request that only an act handed to the commission supports."""


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", LANGS)
def test_no_attachment_or_request_the_answers_do_not_support(kind: str, lang: str) -> None:
    case = _case(kind, yes_no="no", answered="required", option=-1)
    builder = render._Builder(
        case, templates.load_template(kind), catalog.get(kind).document, lang, blank=False, base_dir=None, narrow=False
    )
    for item in builder.default_items(builder.template.compiled.attachments[lang]):
        for word in UNSUPPORTED_ATTACHMENTS[lang]:
            assert word not in item.casefold(), (item, word)
    for item in builder.default_items(builder.template.compiled.requests[lang]):
        for word in UNSUPPORTED_REQUESTS[lang]:
            assert word not in item.casefold(), (item, word)


def test_cec_claim_lists_the_cec_answer_only_when_there_was_an_application() -> None:
    for answer, listed in (("no", False), ("yes", True)):
        case = _case("administrative_claim_cec", yes_no=answer)
        text = _text(case, "ru")
        assert ("Копия ответа" in text) is listed, answer


@pytest.mark.parametrize("lang", LANGS)
def test_claim_requests_name_the_contested_act_and_no_prosecutor(lang: str) -> None:
    for kind in ("administrative_claim", "administrative_claim_cec"):
        case = _case(kind)
        requests = render.default_requests(case, lang)
        assert any("12/345" in request for request in requests), (kind, requests)
        joined = " ".join(requests).casefold()
        assert not any(word in joined for word in ("прокурат", "прокурор", "prosecutor")), requests
        assert "указанное в настоящем иске" not in joined and "described in this claim" not in joined


@pytest.mark.parametrize("lang", LANGS)
def test_immediate_hearing_only_before_or_on_voting_day(lang: str) -> None:
    words = {"kk": "дереу", "ru": "немедленно", "en": "immediately"}[lang]
    for filed, printed in ((dt.date(2021, 1, 12), False), (dt.date(2021, 1, 8), True)):
        case = _case("administrative_claim_cec", filing_date=filed, option=-1)  # another CEC act: art. 49 applies
        body = [
            text for style, text in _paragraph_texts(case, lang) if style == Style.BODY
        ]  # not the provisions' summaries
        assert any(words in text for text in body) is printed, filed


# ── Who is who, by document type ─────────────────────────────────────────


@pytest.mark.parametrize("lang", LANGS)
def test_court_claim_names_claimant_and_respondent(lang: str) -> None:
    frame = templates.load_frame()
    text = _text(_case("administrative_claim"), lang)
    assert f"{frame.text('from.claim', lang)}:" in text and f"{frame.text('respondent.claim', lang)}:" in text
    assert {"kk": "Кімнен", "ru": "От кого", "en": "From"}[lang] not in text


def test_voter_list_kind_is_an_application_to_the_commission_keeping_the_list() -> None:
    assert catalog.get("voter_list_complaint").document == "application"
    case = _case("voter_list_complaint")
    case.addressee = Body(level="precinct", number="999", address="Алматы, ул. Школьная, 1")
    case.respondent = Body(level="precinct", number="999", address="Алматы, ул. Школьная, 1")
    for lang, title in (("ru", "ЗАЯВЛЕНИЕ"), ("kk", "ӨТІНІШ")):
        paragraphs = [text for _, text in _paragraph_texts(case, lang)]
        assert title in paragraphs
        assert sum("999" in text for text in paragraphs[: paragraphs.index(title)]) == 1  # named once


@pytest.mark.parametrize("lang", LANGS)
def test_act_ends_with_signature_witnesses_and_receipt_and_has_no_decision_block(lang: str) -> None:
    frame = templates.load_frame()
    case = _case("violation_act")
    paragraphs = _paragraph_texts(case, lang)
    texts = [text for _, text in paragraphs]
    signature = next(i for i, (style, _) in enumerate(paragraphs) if style == Style.SIGNATURE)
    witnesses = texts.index(frame.text("act.witnesses", lang))
    receipt = texts.index(frame.text("act.receipt", lang))
    assert signature < witnesses < receipt == len(texts) - 2
    assert frame.text("contested.decision_number", lang) not in "\n".join(texts)
    assert frame.text("contested_heading.act", lang) not in texts
    blank = docx_text(render.render_blank("violation_act", lang, created=CREATED))
    assert frame.text("contested.decision_number", lang) not in blank
    assert (
        frame.text("labels.power_of_attorney", lang) not in blank
        and frame.text("labels.representative", lang) not in blank
    )


# ── Evidence: what it is, never where it was on someone's disk ───────────


def test_evidence_prints_medium_name_size_time_hash_and_never_a_path(tmp_path: Path) -> None:
    folder = tmp_path / "evidence"
    folder.mkdir()
    (folder / "clip.mp4").write_bytes(b"x" * 1234)
    case = _case(
        "observer_removed",
        evidence=[
            Evidence(description="Видеозапись удаления", file="evidence/clip.mp4", medium="usb_drive"),
            Evidence(description="Фото", file=str(tmp_path / "secret" / "missing.jpg")),
            Evidence(description="Объяснение свидетеля", medium="paper"),
        ],
    )
    for lang in LANGS:
        text = _text(case, lang, base_dir=tmp_path)
        assert templates.load_frame().text("media.usb_drive", lang) in text
        assert "clip.mp4" in text and "evidence/clip.mp4" not in text and str(tmp_path) not in text
        assert "1\u00a0234" in text or "1,234" in text
        assert "missing.jpg" not in text and "not found" not in text and "не найден" not in text
    problems = checks.check_case(case, base_dir=tmp_path)
    unreadable = [p for p in problems if p.code == "evidence.unreadable"]
    assert [p.field for p in unreadable] == ["evidence.1.file"]
    assert not unreadable[0].blocking


# ── The trace: in the properties, not on the page ────────────────────────


def test_document_properties_carry_the_trace() -> None:
    data = render.render_docx(_case("observer_removed"), "kk", created=CREATED)
    document = Document(io.BytesIO(data))
    created = document.core_properties.created
    assert created is not None and created.replace(tzinfo=dt.UTC) == CREATED
    assert "ШАҒЫМ" in document.core_properties.title
    custom = zipfile.ZipFile(io.BytesIO(data)).read("docProps/custom.xml").decode()
    template = templates.load_template("observer_removed")
    for name, value in (
        ("kzcomplaint.template", template.id),
        ("kzcomplaint.template_version", template.version),
        ("kzcomplaint.rules_version", render.rules_version()),
        ("kzcomplaint.app_version", __version__),
        ("kzcomplaint.created", CREATED.isoformat()),
    ):
        assert f'name="{name}"><vt:lpwstr>{value}</vt:lpwstr>' in custom, name
    _, _, footers = docx_parts(data)
    assert all(template.id not in line and __version__ not in line for line in footers)
    assert any("Бет" in line for line in footers)


# ── Languages ────────────────────────────────────────────────────────────


def test_english_document_is_marked_as_a_translation_on_page_one() -> None:
    paragraphs = [text for _, text in _paragraph_texts(_case("observer_removed"), "en")]
    notice = templates.load_frame().text("translation_notice", "en")
    assert notice in paragraphs[: paragraphs.index("COMPLAINT") + 3]
    for lang in ("kk", "ru"):
        assert templates.load_frame().text("translation_notice", lang) not in _text(_case("observer_removed"), lang)


def test_parallel_document_shows_each_columns_own_text() -> None:
    case = _case(
        "observer_removed",
        details={},
        facts="Русский текст обстоятельств.",
        requests=["Признать действия незаконными."],
        translations={"kk": CaseText(facts="Мән-жайлардың қазақша мәтіні.", requests=["Әрекеттерді заңсыз деп тану."])},
    )
    _, tables, _ = docx_parts(render.render_docx(case, "kk+ru", created=CREATED))
    left = "\n".join(row[0] for row in tables[0])
    right = "\n".join(row[1] for row in tables[0])
    assert "Мән-жайлардың қазақша мәтіні." in left and "Русский текст" not in left
    assert "Русский текст обстоятельств." in right and "қазақша" not in right
    assert "1. Әрекеттерді заңсыз деп тану." in left and "1. Признать действия незаконными." in right
    assert render.language_notes(case, "kk+ru") == []
    one_language = _case(
        "observer_removed",
        details={},
        facts="Русский текст обстоятельств, написанный одним языком и достаточно длинный.",
    )
    notes = render.language_notes(one_language, "kk+ru")
    assert any(note.msgid == render.MSG_COLUMN_REPEATS for note in notes)


def test_language_mixed_blocks_a_court_claim_and_warns_otherwise() -> None:
    russian = "Председатель комиссии удалил наблюдателя из помещения для голосования без письменного решения."
    claim = _case("administrative_claim", details={}, facts=russian, language="kk")
    complaint = _case("observer_removed", details={}, facts=russian, language="kk")
    (claim_problem,) = [p for p in checks.check_case(claim) if p.code == "language.mixed"]
    (complaint_problem,) = [p for p in checks.check_case(complaint) if p.code == "language.mixed"]
    assert claim_problem.blocking and not complaint_problem.blocking
    assert claim_problem.field == "facts" and "мән-жайлар" in claim_problem.message["kk"]
    # the Kazakh text becomes the case's own, the Russian one its translation: nothing is mixed
    claim.facts = "Комиссия төрағасы байқаушыны жазбаша шешімсіз дауыс беруге арналған үй-жайдан шығарды."
    claim.translations = {"ru": CaseText(facts=russian)}
    assert not [p for p in checks.check_case(claim) if p.code == "language.mixed"]
    russian_claim = _case("administrative_claim", details={}, facts=russian)
    assert not [p for p in checks.check_case(russian_claim) if p.code == "language.mixed"]
