"""A real office suite opens every document: LibreOffice → PDF → text, pages counted.

Every kind is converted filled in (Kazakh) and as a blank paper form in
Kazakh and Russian, in one LibreOffice run. A blank act fits on two A4 pages
and a blank complaint on three; a parallel kk+ru document ends on a page
with text on it. The ``office`` fixture fails in CI (``CI`` set) when
LibreOffice or poppler-utils is missing; skips on a developer machine without them.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from kzcomplaint.core.case import caseio
from kzcomplaint.core.case.model import Body, Case, Contested, Person
from kzcomplaint.core.documents import render, templates
from kzcomplaint.core.files import resources
from kzcomplaint.core.law import catalog
from kzcomplaint.core.text import legal_dates

pytestmark = pytest.mark.libreoffice

IIN = "800416100254"
KAZAKH_LETTERS = "ҚҰҢҒӘӨҺІҮқұңғәөһіү"
MAX_BLANK_PAGES = {"act": 2, "complaint": 3, "appeal": 3}
"""What an observer can carry and fill by hand; the other kinds are for lawyers at a desk."""


def _case_of(template_id: str) -> tuple[Case, Path | None]:
    example = resources.examples_dir() / f"{template_id}.json"
    if example.is_file():
        return caseio.load_case(example), example.parent
    case = Case(
        template=template_id,
        language="kk",
        complainant=Person(full_name="Қасымова Әйгерім Нұрланқызы", iin=IIN, phone="+7 701 000 00 31"),
        respondent=Body(name="Учаскелік сайлау комиссиясы", number="999", address="Үлгі қ., Мектеп к., 1"),
        contested=Contested(date=dt.date(2021, 1, 10), time="14:30"),
        filing_date=dt.date(2021, 1, 12),
    )
    return case, None


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory, office: dict[str, str]) -> tuple[Path, dict[str, str]]:
    """Every document of this test as PDF in one folder; the IIN printed in each filled one."""
    soffice = office["soffice"]
    folder = tmp_path_factory.mktemp("lo")
    iins: dict[str, str] = {}
    sources = []
    for template_id in templates.template_ids():
        case, base_dir = _case_of(template_id)
        path = folder / f"{template_id}.filled.docx"
        path.write_bytes(render.render_docx(case, "kk", base_dir=base_dir))  # the frame's Kazakh letters
        sources.append(path)
        iins[template_id] = case.complainant.iin
        for lang in ("kk", "ru"):
            blank = folder / f"{template_id}.blank.{lang}.docx"
            blank.write_bytes(render.render_blank(template_id, lang))
            sources.append(blank)
        if "kk+ru" in render.written_languages(case):
            parallel = folder / f"{template_id}.kk+ru.docx"
            parallel.write_bytes(render.render_docx(case, "kk+ru", base_dir=base_dir))
            sources.append(parallel)
    profile = (folder / "lo-profile").as_uri()
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(folder)]
        + [str(p) for p in sources],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    missing = [p.name for p in sources if not p.with_suffix(".pdf").is_file()]
    assert not missing, f"LibreOffice did not convert {missing}: {result.stdout} {result.stderr}"
    return folder, iins


def _text(office: dict[str, str], pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        [office["pdftotext"], "-layout", *pages, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def _pages(office: dict[str, str], pdf: Path) -> int:
    info = subprocess.run([office["pdfinfo"], str(pdf)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.M)
    assert match, info
    return int(match.group(1))


def test_every_kind_converts_to_pdf_with_kazakh_text(
    converted: tuple[Path, dict[str, str]], office: dict[str, str]
) -> None:
    folder, iins = converted
    for template_id in templates.template_ids():
        text = _text(office, folder / f"{template_id}.filled.pdf")
        assert set(KAZAKH_LETTERS) & set(text), template_id
        assert iins[template_id] and iins[template_id] in text, template_id
        assert "Бет 1 / " in text  # the page field was computed
        assert "kzcomplaint" not in text.casefold() and template_id not in text  # no trace on the page


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_blank_form_converts_and_fits_the_pages_an_observer_carries(
    converted: tuple[Path, dict[str, str]], office: dict[str, str], lang: str
) -> None:
    folder, _ = converted
    too_long = {}
    for template_id in templates.template_ids():
        pdf = folder / f"{template_id}.blank.{lang}.pdf"
        frame = templates.load_frame()
        document = catalog.get(template_id).document
        assert frame.text(f"title.{document}", lang) in _text(office, pdf, 1), template_id
        limit = MAX_BLANK_PAGES.get(document)
        if limit is not None and _pages(office, pdf) > limit:
            too_long[template_id] = _pages(office, pdf)
    assert not too_long, too_long


def test_parallel_document_ends_on_a_page_with_text(
    converted: tuple[Path, dict[str, str]], office: dict[str, str]
) -> None:
    folder, _ = converted
    parallel = sorted(folder.glob("*.kk+ru.pdf"))
    assert parallel, "an example written in Kazakh and Russian"
    for pdf in parallel:
        last = _text(office, pdf, _pages(office, pdf))
        body = "\n".join(
            line for line in last.splitlines() if not re.search(r"Бет \d+ / \d+|Страница \d+ из \d+", line)
        )
        assert body.strip(), f"{pdf.name}: the last page is empty"


def test_the_signature_is_never_on_a_page_without_its_date(
    converted: tuple[Path, dict[str, str]], office: dict[str, str]
) -> None:
    # A signature alone on the last page signs nothing a clerk can see: the date goes with it
    # (the observer's complaint in Kazakh ended with its signature by itself on page 5).
    folder, _ = converted
    alone = []
    for template_id in templates.template_ids():
        case, _ = _case_of(template_id)
        assert case.filing_date is not None and case.complainant.full_name, template_id
        pdf = folder / f"{template_id}.filled.pdf"
        signed = f"/{case.complainant.full_name}/"
        pages = [_text(office, pdf, page) for page in range(1, _pages(office, pdf) + 1)]
        (page,) = [text for text in pages if signed in " ".join(text.split())]
        if legal_dates.format_legal_date(case.filing_date, "kk") not in page:
            alone.append(template_id)
        # The attachments go with them: the signature page holds the closing block, not two lines.
        if templates.load_frame().text("headings.attachments", "kk") not in page:
            alone.append(f"{template_id} (attachments)")
    assert not alone, alone
