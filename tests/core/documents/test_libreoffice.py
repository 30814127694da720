"""A real office suite opens every kind of document: LibreOffice → PDF → text.

Fails in CI (``CI`` set) when LibreOffice or poppler-utils is missing; skips
on a developer machine without them.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from kzcomplaint.core.case import caseio
from kzcomplaint.core.case.model import Body, Case, Contested, Person
from kzcomplaint.core.documents import render, templates
from kzcomplaint.core.files import resources

pytestmark = pytest.mark.libreoffice

IIN = "800416100254"
KAZAKH_LETTERS = "ҚҰҢҒӘӨҺІҮқұңғәөһіү"


def _case_of(template_id: str) -> tuple[Case, Path | None]:
    example = resources.examples_dir() / f"{template_id}.json"
    if example.is_file():
        case = caseio.load_case(example)
        return case, example.parent
    case = Case(
        template=template_id,
        language="kk",
        complainant=Person(full_name="Қасымова Әйгерім Нұрланқызы", iin=IIN, phone="+7 701 000 00 31"),
        respondent=Body(name="№ 999 учаскелік сайлау комиссиясы", number="999", address="Үлгі қ., Мектеп к., 1"),
        contested=Contested(date=dt.date(2021, 1, 10), time="14:30"),
        filing_date=dt.date(2021, 1, 12),
    )
    return case, None


def test_every_kind_converts_to_pdf_with_kazakh_text(tmp_path: Path, office: dict[str, str]) -> None:
    soffice, pdftotext, pdftoppm = office["soffice"], office["pdftotext"], office["pdftoppm"]
    kinds = templates.template_ids()
    sources = []
    iins = {}
    for template_id in kinds:
        case, base_dir = _case_of(template_id)
        path = tmp_path / f"{template_id}.kk.docx"
        path.write_bytes(render.render_docx(case, "kk", base_dir=base_dir))
        sources.append(path)
        iins[template_id] = case.complainant.iin
    ru_case, ru_base = _case_of(kinds[0])
    ru_path = tmp_path / f"{kinds[0]}.ru.docx"
    ru_path.write_bytes(render.render_docx(ru_case, "ru", base_dir=ru_base))
    sources.append(ru_path)

    profile = (tmp_path / "lo-profile").as_uri()
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path)]
        + [str(p) for p in sources],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for template_id in kinds:
        pdf = tmp_path / f"{template_id}.kk.pdf"
        assert pdf.is_file(), f"LibreOffice did not convert {template_id}: {result.stdout} {result.stderr}"
        text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "ШАҒЫМ" in text or "ТАЛАП ҚОЮ" in text or "АКТ" in text, template_id
        assert set(KAZAKH_LETTERS) & set(text), template_id
        assert iins[template_id] and iins[template_id] in text, template_id
        assert "Бет 1 / " in text  # the page field was computed
    ru_text = subprocess.run(
        [pdftotext, str(tmp_path / f"{kinds[0]}.ru.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Страница 1 из" in ru_text
    # first pages as images, for a person to look at (tmp_path is kept by pytest for a while)
    for stem in (f"{kinds[0]}.kk", f"{kinds[0]}.ru"):
        subprocess.run(
            [pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1", str(tmp_path / f"{stem}.pdf"), str(tmp_path / stem)],
            check=True,
        )
    assert len(list(tmp_path.glob("*.png"))) == 2
