"""Batch input as spreadsheets really write it, and a batch that is interrupted or over-asked.

Russian and Kazakh Excel writes ``;``-separated CSV, in Windows-1251 unless
told otherwise, with rows of empty cells; people leave a stray quotation mark,
a column twice, a cell too many. Each case here was a failure: a wrong
separator guess, a whole batch lost to one long cell, an empty row counted as
a failed case, a header-only file "succeeding" with nothing, problems of a row
left unreported, a rename note naming files that were never written, 1000
worker processes for four cases, and Ctrl-C that rendered the rest anyway.
"""

from __future__ import annotations

import concurrent.futures
import csv
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kzcomplaint.core.documents import batch
from kzcomplaint.core.files import resources
from kzcomplaint.core.text import dates
from kzcomplaint.core.text.i18n import Message, translator

EXAMPLE = resources.examples_dir() / "observer_removed.json"
ROOT = Path(__file__).resolve().parents[2]

ROW = {
    "template": "observer_removed",
    "language": "ru",
    "complainant.full_name": "Тестова Айгуль Маратовна",
    "complainant.iin": "800416100254",
    "complainant.phone": "8 701 000 00 21",
    "respondent.level": "precinct",
    "respondent.name": "Участковая избирательная комиссия № 998",
    "contested.type": "action",
    "contested.date": "10.01.2021",
    "facts": "Меня удалили; причина не названа, решение не вручено.",
}


def _csv_text(rows: list[dict[str, str]], delimiter: str = ",") -> str:
    columns: list[str] = []
    for row in rows:
        columns += [key for key in row if key not in columns]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _errors(summary: batch.BatchSummary) -> dict[str, list[str]]:
    return {r.source: [p.field for p in r.errors] for r in summary.results if r.errors}


# ── The separator and the encoding Excel uses ───────────────────────────


def test_semicolon_csv_with_a_comma_inside_a_quoted_cell(tmp_path: Path) -> None:
    # csv.Sniffer guessed "," from '"a;b, c"' and read the header as one column.
    source = _write(tmp_path / "cases.csv", _csv_text([{**ROW, "facts": "Меня удалили; причина, время"}], ";"))
    summary = batch.run_batch(source, tmp_path / "out", jobs=1)
    assert summary.rendered == 1 and summary.failed == 0, _errors(summary)


def test_excel_utf8_csv_with_byte_order_mark_and_semicolons(tmp_path: Path) -> None:
    source = tmp_path / "cases.csv"
    source.write_bytes(b"\xef\xbb\xbf" + _csv_text([ROW, ROW], ";").encode("utf-8"))
    summary = batch.run_batch(source, tmp_path / "out", jobs=1)
    assert summary.rendered == 2


def test_windows_1251_csv_says_how_to_save_it_and_where_it_breaks(tmp_path: Path) -> None:
    row = {**ROW, "complainant.full_name": "Тестова Айгуль"}
    text = _csv_text([row], ";")
    source = _write(tmp_path / "cases.csv", text, "cp1251")
    with pytest.raises(batch.BatchSourceError) as caught:
        batch.run_batch(source, tmp_path / "out", jobs=1)
    message = caught.value.message
    assert message.msgid == batch.MSG_CSV_NOT_UTF8
    assert message.params["line"] == 2  # the header is ASCII; the first Cyrillic is on line 2
    assert "UTF-8" in str(caught.value) and "codec" not in str(caught.value)
    assert not (tmp_path / "out").exists()


# ── Rows that are not cases, and files that have none ──────────────────


def test_rows_of_empty_cells_are_skipped_and_numbering_kept(tmp_path: Path) -> None:
    text = _csv_text([ROW], ";") + ";;;;;;;;;\r\n\r\n  ;  ;\r\n" + _csv_text([ROW], ";").split("\r\n", 1)[1]
    source = _write(tmp_path / "cases.csv", text)
    summary = batch.run_batch(source, tmp_path / "out", jobs=1)
    assert summary.failed == 0 and summary.rendered == 2
    # Rows count as a spreadsheet counts them, empty ones included.
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "cases-row-1-observer_removed.ru.docx",
        "cases-row-5-observer_removed.ru.docx",
    ]


def test_header_without_rows_is_an_error_not_an_empty_success(tmp_path: Path) -> None:
    source = _write(tmp_path / "cases.csv", "template;language\r\n;\r\n")
    with pytest.raises(batch.BatchSourceError) as caught:
        batch.run_batch(source, tmp_path / "out", jobs=1)
    assert caught.value.message.msgid == batch.MSG_CSV_NO_ROWS


def test_unterminated_quote_names_the_line(tmp_path: Path) -> None:
    text = 'template,facts\r\nobserver_removed,"never closed\r\nobserver_removed,x\r\n'
    source = _write(tmp_path / "cases.csv", text)
    with pytest.raises(batch.BatchSourceError) as caught:
        batch.run_batch(source, tmp_path / "out", jobs=1)
    assert caught.value.message.msgid == batch.MSG_CSV_BROKEN
    assert caught.value.message.params["line"] >= 2


def test_a_column_twice_is_reported_not_silently_dropped(tmp_path: Path) -> None:
    source = _write(tmp_path / "cases.csv", "template,facts,template\r\nobserver_removed,x,nope\r\n")
    with pytest.raises(batch.BatchSourceError) as caught:
        batch.run_batch(source, tmp_path / "out", jobs=1)
    assert caught.value.message.msgid == batch.MSG_CSV_DUPLICATE_COLUMN
    assert caught.value.message.params["column"] == "template"


# ── Problems of one row ─────────────────────────────────────────────────


def test_one_very_long_cell_fails_its_row_not_the_file(tmp_path: Path) -> None:
    # The csv module's 128 KB field limit made the whole file unreadable.
    rows = [ROW, {**ROW, "facts": "я" * 1_000_000}, ROW]
    source = _write(tmp_path / "cases.csv", _csv_text(rows))
    summary = batch.run_batch(source, tmp_path / "out", jobs=1)
    assert summary.rendered == 2
    assert _errors(summary) == {"cases.csv row 2": ["facts"]}
    assert csv.field_size_limit() == 131072, "the module-wide limit is restored"


def test_extra_cells_are_reported_but_empty_trailing_ones_are_not(tmp_path: Path) -> None:
    header, values, _ = _csv_text([ROW], ";").split("\r\n")
    source = _write(tmp_path / "cases.csv", f"{header}\r\n{values};;;\r\n{values};surplus\r\n")
    summary = batch.run_batch(source, tmp_path / "out", jobs=1)
    assert summary.rendered == 1
    failed = next(r for r in summary.results if r.errors)
    assert failed.source == "cases.csv row 2"
    assert failed.errors[0].message.msgid == batch.MSG_CSV_EXTRA_CELLS
    assert failed.errors[0].message.params == {"count": 1}


def test_every_problem_of_a_row_is_reported_at_once(tmp_path: Path) -> None:
    # Column problems were dropped whenever the case's fields had problems too.
    row = {**ROW, "a.b.c": "x", "filing_date": "31.02.2021", "contested.time": "25:99"}
    source = _write(tmp_path / "cases.csv", _csv_text([row]))
    summary = batch.run_batch(source, tmp_path / "out", jobs=1)
    assert sorted(_errors(summary)["cases.csv row 1"]) == ["a.b.c", "contested.time", "filing_date"]


@pytest.mark.parametrize(
    "columns",
    [
        ["complainant.full_name", "complainant"],  # the plain column silently replaced the section
        ["complainant", "complainant.full_name"],
    ],
)
def test_a_section_and_a_plain_column_of_the_same_name_conflict(columns: list[str]) -> None:
    data, problems = batch.csv_row_to_data({"template": "observer_removed", columns[0]: "A", columns[1]: "B"})
    assert [p.message.msgid for p in problems] == [batch.MSG_CSV_CONFLICT]
    assert problems[0].field == columns[1]


def test_unknown_document_kind_in_a_row_suggests_the_close_ones(tmp_path: Path) -> None:
    source = _write(tmp_path / "cases.csv", _csv_text([{**ROW, "template": "observer_removd"}]))
    summary = batch.run_batch(source, tmp_path / "out", jobs=1)
    (error,) = summary.results[0].errors
    assert error.field == "template"
    reason = error.message.params["reason"]
    assert isinstance(reason, Message), "the catalogue's message, not a template loader's text"
    assert "observer_removed" in str(reason.params.get("suggestions"))
    assert "Did you mean: observer_removed" in error.message.render(translator("en"))


def test_an_impossible_time_in_a_cell_is_reported(tmp_path: Path) -> None:
    source = _write(tmp_path / "cases.csv", _csv_text([{**ROW, "contested.time": "25:99"}]))
    summary = batch.run_batch(source, tmp_path / "out", jobs=1)
    (error,) = summary.results[0].errors
    assert error.field == "contested.time" and error.message.msgid == dates.MSG_TIME_IMPOSSIBLE


# ── The batch as a whole ────────────────────────────────────────────────


def test_rename_note_names_the_files_actually_written(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "Case.json").write_bytes(EXAMPLE.read_bytes())
    (folder / "case.json").write_bytes(EXAMPLE.read_bytes())
    summary = batch.run_batch(folder, tmp_path / "out", jobs=1)
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    notes = [note for result in summary.results for note in result.notes]
    assert len(notes) == 1
    assert notes[0].params["renamed"] in written
    assert ".doc.docx" not in notes[0].params["name"] and notes[0].params["name"].endswith(".ru.docx")


def test_more_jobs_than_cases_starts_no_idle_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # --jobs 1000 started a thousand warming-up processes for four cases (90 s);
    # --jobs 99999999999 was an OverflowError.
    started: list[int] = []
    real = concurrent.futures.ProcessPoolExecutor

    def recording(*args: object, max_workers: int, **kwargs: object) -> concurrent.futures.ProcessPoolExecutor:
        started.append(max_workers)
        return real(*args, max_workers=max_workers, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", recording)
    folder = tmp_path / "cases"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.json").write_bytes(EXAMPLE.read_bytes())
    for jobs in (1000, 99_999_999_999):
        summary = batch.run_batch(folder, tmp_path / f"out-{jobs}", jobs=jobs)
        assert summary.rendered == 3
    assert started == [3, 3]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_write_atomic_never_replaces_a_pipe_or_device(tmp_path: Path) -> None:
    pipe = tmp_path / "out.docx"
    os.mkfifo(pipe)
    with pytest.raises(OSError):
        batch.write_atomic(pipe, b"doc")
    assert not pipe.is_file() and list(tmp_path.iterdir()) == [pipe]


def test_file_in_the_way(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert batch.file_in_the_way(blocker / "a" / "b") == blocker
    assert batch.file_in_the_way(blocker) == blocker
    assert batch.file_in_the_way(tmp_path / "new" / "folder") is None
    assert batch.file_in_the_way(tmp_path) is None


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and process groups")
def test_ctrl_c_stops_the_batch_soon_leaving_only_whole_documents(tmp_path: Path) -> None:
    total = 3000
    source = _write(tmp_path / "cases.csv", _csv_text([ROW] * total))
    out = tmp_path / "out"
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "kzcomplaint", "batch", str(source), "-o", str(out), "--jobs", "2"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (out.is_dir() and any(out.glob("*.docx"))):
            time.sleep(0.05)
        os.killpg(process.pid, signal.SIGINT)  # what the terminal does on Ctrl-C: the whole group
        interrupted = time.monotonic()
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130
    assert b"Traceback" not in stderr, stderr.decode("utf-8", "replace")
    assert time.monotonic() - interrupted < 15, "the pending cases were rendered anyway"
    names = [p.name for p in out.iterdir()]
    # Only the chunks already handed to the workers may finish (a few dozen
    # cases each); the thousands still queued are dropped.
    assert 0 < len(names) <= total // 2, len(names)
    assert all(name.endswith(".docx") and not name.startswith(".") for name in names), "a temporary file was left"
    for path in out.iterdir():
        assert path.read_bytes()[:2] == b"PK", f"{path.name} is not a whole document"


def test_an_unreadable_source_is_a_source_error_not_an_output_error(tmp_path: Path) -> None:
    # A source name the system refuses was reported as "the output folder cannot be created".
    with pytest.raises(batch.BatchSourceError) as caught:
        batch.collect(tmp_path / ("a" * 300))
    assert caught.value.message.msgid == batch.MSG_SOURCE_UNREADABLE
