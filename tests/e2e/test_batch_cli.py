"""``python -m kzcomplaint batch`` on spreadsheets as observer groups export them, read back against hand-written lines.

Tab-separated exports, comma files whose facts are full of «;», Excel's
``;`` files with a byte-order mark; a summary whose every number differs, so
that counting one thing as another shows.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from e2e_cases import GOLDEN, NOT_ON_PAPER, csv_row, csv_text, in_order, run_cli

SUMMARY = re.compile(
    r"^Rendered: (\d+), skipped \(already there\): (\d+), failed: (\d+), with blocking problems: (\d+), "
    r"time: \d+\.\d s$"
)
# <csv-name>-row-<n>-<kind>.<lang>.docx: two CSV files exported into one folder never share a name.
DOCUMENTS = [
    "cases-row-1-observer_removed.kk.docx",
    "cases-row-2-observer_removed.ru.docx",
    "cases-row-3-observer_removed.en.docx",
]

COLUMN_NAME = re.compile(
    r"\b(?:template|language|election|complainant|respondent|addressee|contested|details|evidence)\.\w"
)
"""A spreadsheet's column name (``details.removed_by``), which a document never carries."""


def _summary(stdout: str) -> tuple[int, int, int, int]:
    """(rendered, skipped, failed, with blocking problems) from the command's last line."""
    match = SUMMARY.match(stdout.splitlines()[-1])
    assert match, stdout
    return int(match[1]), int(match[2]), int(match[3]), int(match[4])


def _batch(tmp_path: Path, data: bytes) -> tuple[int, str, str, Path]:
    source = tmp_path / "cases.csv"
    source.write_bytes(data)
    out = tmp_path / "documents"
    completed = run_cli("batch", str(source), "-o", str(out), "--jobs", "1", home=tmp_path / "home")
    return completed.returncode, completed.stdout, completed.stderr, out


def _documents_have_the_golden_lines(out: Path) -> None:
    assert sorted(path.name for path in out.iterdir()) == DOCUMENTS
    for name, language in zip(DOCUMENTS, ("kk", "ru", "en"), strict=True):
        lines = [paragraph.text for paragraph in Document(str(out / name)).paragraphs]
        assert in_order(GOLDEN[language], lines) == [], name
        text = "\n".join(lines)
        # What only the spreadsheet says never reaches the paper: a column's name, the «|» between
        # requests, the kind's id; nor a sentence the answers do not support, or a question.
        assert [line for line in NOT_ON_PAPER[language] if line in text] == [], name
        assert COLUMN_NAME.findall(text) == [], name
        assert "|" not in text and "observer_removed" not in text, name


def _three_rows(facts_extra: str = "") -> list[dict[str, str]]:
    rows = [csv_row(language) for language in ("kk", "ru", "en")]
    for row in rows:
        row["facts"] += facts_extra
    return rows


def test_a_tab_separated_export(tmp_path: Path) -> None:
    rows = _three_rows()
    for row in rows:
        row["complainant.address"] += "; кв. 2, подъезд 1"  # commas and semicolons in the cells
    text = csv_text(rows, "\t")
    assert text.count("\t") > 100 and "," in text and ";" in text
    code, stdout, stderr, out = _batch(tmp_path, text.encode("utf-8"))
    assert (code, stderr.count("kzcomplaint:")) == (0, 0), stdout + stderr
    assert _summary(stdout) == (3, 0, 0, 0)
    # The golden address lines changed by the «; кв. 2» suffix are left to the other tests.
    for name in DOCUMENTS:
        text_of = "\n".join(p.text for p in Document(str(out / name)).paragraphs)
        assert "; кв. 2, подъезд 1" in text_of and "A & B <x>" in text_of


def test_a_comma_file_whose_facts_are_full_of_semicolons(tmp_path: Path) -> None:
    # A minute-by-minute log: 14:00; 14:01; … 15:10;
    log = " " + " ".join(f"{14 + minute // 60}:{minute % 60:02d};" for minute in range(71))
    rows = _three_rows(log)
    text = csv_text(rows, ",")
    # Guessed from the whole file, «;» would win; the header says «,».
    assert text.count(";") > text.count(",")
    code, stdout, stderr, out = _batch(tmp_path, text.encode("utf-8"))
    assert (code, stderr.count("kzcomplaint:")) == (0, 0), stdout + stderr
    assert _summary(stdout) == (3, 0, 0, 0)
    assert sorted(path.name for path in out.iterdir()) == DOCUMENTS
    for name in DOCUMENTS:
        paragraphs = [p.text for p in Document(str(out / name)).paragraphs]
        assert any(p.endswith("15:08; 15:09; 15:10;") for p in paragraphs), name


def test_an_excel_file_with_a_byte_order_mark_and_semicolons(tmp_path: Path) -> None:
    rows = _three_rows()
    text = csv_text(rows, ";")
    code, stdout, stderr, out = _batch(tmp_path, b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert (code, stderr.count("kzcomplaint:")) == (0, 0), stdout + stderr
    assert _summary(stdout) == (3, 0, 0, 0)
    _documents_have_the_golden_lines(out)


def test_the_summary_counts_each_outcome_apart(tmp_path: Path) -> None:
    no_iin = {"complainant.iin": ""}
    rows = [
        csv_row("kk"),
        csv_row("ru"),
        {**csv_row("ru"), **no_iin},
        {**csv_row("en"), **no_iin},
        {**csv_row("en"), "contested.date": "31.02.2021"},
        csv_row("kk"),
        csv_row("ru"),
        csv_row("en"),
    ]
    out = tmp_path / "documents"
    out.mkdir()
    earlier = [
        "cases-row-6-observer_removed.kk.docx",
        "cases-row-7-observer_removed.ru.docx",
        "cases-row-8-observer_removed.en.docx",
    ]
    for name in earlier:  # an earlier export's documents, edited by hand since
        (out / name).write_bytes(b"edited by hand")
    code, stdout, stderr, out = _batch(tmp_path, csv_text(rows, ";").encode("utf-8"))
    assert code == 1, "a failed case is exit code 1"
    assert stdout.splitlines()[:-1] == [
        "cases.csv, row 3: 1 blocking problem(s): iin.missing",
        "cases.csv, row 4: 1 blocking problem(s): iin.missing",
    ]
    # Four written (two with blocking problems), three left as they were, one failed: every number differs.
    assert _summary(stdout) == (4, 3, 1, 2)
    errors = [line for line in stderr.splitlines() if line.startswith("kzcomplaint:")]
    left = (
        " already exists and was left as it is. To replace it, choose to replace existing documents "
        "(--overwrite on the command line), or choose another output folder."
    )
    assert errors == [
        "kzcomplaint: cases.csv, row 5: contested.date: '31.02.2021' is not a real date: "
        "month 2 of 2021 has days 1 to 28, not 31. Check the day and the month.",
        *(f"kzcomplaint: cases.csv, row {row}: {out / name}{left}" for row, name in enumerate(earlier, start=6)),
    ]
    assert sorted(path.name for path in out.iterdir()) == [
        "cases-row-1-observer_removed.kk.docx",
        "cases-row-2-observer_removed.ru.docx",
        "cases-row-3-observer_removed.ru.docx",
        "cases-row-4-observer_removed.en.docx",
        *earlier,
    ]
    assert all((out / name).read_bytes() == b"edited by hand" for name in earlier)


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_every_separator_reads_the_same_cases(tmp_path: Path, separator: str) -> None:
    code, stdout, stderr, out = _batch(tmp_path, csv_text(_three_rows(), separator).encode("utf-8"))
    assert (code, stderr.count("kzcomplaint:")) == (0, 0), stdout + stderr
    assert _summary(stdout) == (3, 0, 0, 0)
    _documents_have_the_golden_lines(out)


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_the_same_files_in_this_process(tmp_path: Path, separator: str) -> None:
    # What the command does, called in this process: a mutation run sees which code it covers.
    from kzcomplaint.core.documents import batch

    source = tmp_path / "cases.csv"
    source.write_bytes(b"\xef\xbb\xbf" + csv_text(_three_rows(), separator).encode("utf-8"))
    summary = batch.run_batch(source, tmp_path / "documents", jobs=1)
    assert (summary.rendered, summary.skipped, summary.failed, summary.with_blocking) == (3, 0, 0, 0)
    assert [result.language for result in summary.results] == ["kk", "ru", "en"]
    _documents_have_the_golden_lines(tmp_path / "documents")
