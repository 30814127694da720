"""``python -m kzcomplaint render`` as a user runs it: the .docx opened and read against lines written by hand.

The case (``e2e_cases``) has «A & B <x>» in every text field and July dates.
The expected lines (``e2e_cases.GOLDEN``) are typed out, not produced by the code under test:
a document that Word cannot open (unescaped «&»), a July printed as August, a
value in the wrong place or a label in the wrong language each fails here.
"""

from __future__ import annotations

import io
import json
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from docx import Document
from e2e_cases import DRAFTED, GOLDEN, MARK, NOT_ON_PAPER, WORDS, case_data, in_order, run_cli, write_case


def _paragraphs(data: bytes) -> list[str]:
    return [paragraph.text for paragraph in Document(io.BytesIO(data)).paragraphs]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[subprocess.CompletedProcess[str], Path]]:
    """Each language's case rendered by the command line, in a process of its own."""
    folder = tmp_path_factory.mktemp("render")
    home = folder / "home"
    done = {}
    for language in GOLDEN:
        case = write_case(folder / f"case_{language}.json", language)
        output = folder / f"complaint.{language}.docx"
        done[language] = (run_cli("render", str(case), "-o", str(output), home=home), output)
    return done


@pytest.mark.parametrize("language", list(GOLDEN))
def test_render_writes_the_document_and_says_so(rendered, language: str) -> None:
    completed, output = rendered[language]
    # A complete case: nothing blocks, nothing to note, no traceback.
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert completed.stdout == f"Written: {output}\n"
    assert completed.stderr == ""
    assert output.is_file()


@pytest.mark.parametrize("language", list(GOLDEN))
def test_every_part_is_well_formed_xml_with_the_text_escaped(rendered, language: str) -> None:
    _, output = rendered[language]
    with zipfile.ZipFile(output) as archive:
        for name in archive.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                ET.fromstring(archive.read(name))  # raises on «&» or «<» written as they are
        body = archive.read("word/document.xml").decode("utf-8")
    assert "A &amp; B &lt;x&gt;" in body
    assert MARK not in body


@pytest.mark.parametrize("language", list(GOLDEN))
def test_document_has_the_hand_written_lines(rendered, language: str) -> None:
    _, output = rendered[language]
    lines = _paragraphs(output.read_bytes())
    assert in_order(GOLDEN[language], lines) == []
    text = "\n".join(lines)
    assert [line for line in NOT_ON_PAPER[language] if line in text] == []
    # Escaped exactly once: the reader sees «&» and «<», never the XML entities.
    assert "&amp;" not in text and "&lt;" not in text and "&gt;" not in text


@pytest.mark.parametrize("language", list(GOLDEN))
def test_the_same_lines_when_rendered_in_this_process(tmp_path: Path, language: str) -> None:
    # The same expectations without a subprocess: a mutation run sees which code they cover.
    from kzcomplaint.core.case import caseio
    from kzcomplaint.core.documents import render

    case = caseio.load_case(write_case(tmp_path / "case.json", language))
    lines = _paragraphs(render.render_docx(case, language, base_dir=tmp_path))
    assert in_order(GOLDEN[language], lines) == []
    assert [line for line in NOT_ON_PAPER[language] if line in "\n".join(lines)] == []


@pytest.mark.parametrize("language", list(GOLDEN))
def test_without_facts_the_kinds_sentences_state_every_answer(tmp_path: Path, language: str) -> None:
    # No facts text: the answers (each «A & B <x> …») are told in the kind's own sentences, once.
    data = case_data(language)
    data["facts"] = ""
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    output = tmp_path / f"complaint.{language}.docx"
    completed = run_cli("render", str(case_file), "-o", str(output), home=tmp_path / "home")
    # Written; every answer the sentences tell is given, so the facts are stated: no facts.missing.
    assert completed.stdout.splitlines()[0] == f"Written: {output}", completed.stdout + completed.stderr
    assert "facts.missing" not in completed.stdout and completed.stderr == ""
    lines = _paragraphs(output.read_bytes())
    assert in_order(DRAFTED[language], lines) == []
    circumstances = lines[lines.index(DRAFTED[language][0]) + 1 : lines.index(DRAFTED[language][-1])]
    assert circumstances == DRAFTED[language][1:-1]  # nothing else, and no question's wording
    text = "\n".join(lines)
    assert [line for line in NOT_ON_PAPER[language][1:] if line in text] == []
    # the rest of the document is the same as with facts
    assert in_order([line for line in GOLDEN[language] if MARK + " " + WORDS[language]["facts"] != line], lines) == []


def test_two_language_document_has_both_columns(tmp_path: Path) -> None:
    case = write_case(tmp_path / "case.json", "kk")
    output = tmp_path / "complaint.kk-ru.docx"
    completed = run_cli("render", str(case), "--lang", "kk+ru", "-o", str(output), home=tmp_path / "home")
    assert completed.returncode == 0, completed.stdout + completed.stderr
    rows = [[cell.text for cell in row.cells] for table in Document(str(output)).tables for row in table.rows]
    for row in (
        ["ЖСН: 850714400074", "ИИН: 850714400074"],
        [
            "Туған күні мен жері: 1985 жылғы 14 шілде, A & B <x> Үлгі қаласы",
            "Дата и место рождения: 14 июля 1985 года, A & B <x> Үлгі қаласы",
        ],
        ["2021 жылғы 13 шілде", "13 июля 2021 года"],
    ):
        assert row in rows
    # Neither column carries a question's wording or a sentence the answers do not support, and the
    # third language (the interface's English) never reaches a kk+ru paper.
    text = "\n".join(cell for row in rows for cell in row)
    assert [line for language in ("kk", "ru", "en") for line in NOT_ON_PAPER[language] if line in text] == []
    english = [line for line in GOLDEN["en"] if line not in GOLDEN["kk"] + GOLDEN["ru"]]
    assert [line for line in english if line in text] == []


@pytest.mark.libreoffice
def test_libreoffice_opens_every_document_and_shows_the_text(rendered, tmp_path: Path, office: dict[str, str]) -> None:
    sources = [str(rendered[language][1]) for language in GOLDEN]
    converted = subprocess.run(
        [
            office["soffice"],
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *sources,
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert converted.returncode == 0, converted.stderr
    for language, last_line in (("kk", "2021 жылғы 13 шілде"), ("ru", "13 июля 2021 года"), ("en", "13 July 2021")):
        pdf = tmp_path / f"complaint.{language}.pdf"
        assert pdf.is_file(), converted.stdout + converted.stderr
        text = subprocess.run(
            [office["pdftotext"], str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert MARK in text, language
        assert last_line in text, language
