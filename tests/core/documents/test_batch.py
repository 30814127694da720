"""Batch export: a folder of case files or a CSV, in parallel, carrying on past bad cases."""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from render_helpers import docx_text

from kzcomplaint.core.case import caseio
from kzcomplaint.core.case.model import FORMAT
from kzcomplaint.core.documents import batch
from kzcomplaint.core.files import resources

EXAMPLE = resources.examples_dir() / "observer_removed.json"


def _example_data() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def _write_case(folder: Path, name: str, **changes: object) -> Path:
    data = _example_data()
    data.update(changes)
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def case_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    _write_case(folder, "alpha.json")
    _write_case(folder, "beta.json", language="kk")
    (folder / "broken.json").write_text('{"format": "kzcomplaint/1", "template": ', encoding="utf-8")
    _write_case(folder, "bad_date.json", filing_date="31.02.2021")
    (folder / "notes.txt").write_text("not a case", encoding="utf-8")
    return folder


@pytest.mark.parametrize("jobs", [1, 2])
def test_folder_batch_renders_good_cases_and_reports_bad_ones(case_folder: Path, tmp_path: Path, jobs: int) -> None:
    out = tmp_path / "out" / "nested"
    seen: list[tuple[int, int]] = []
    summary = batch.run_batch(case_folder, out, jobs=jobs, progress=lambda done, total, _: seen.append((done, total)))
    assert summary.rendered == 2 and summary.failed == 2
    assert seen[-1] == (4, 4) and len(seen) == 4
    names = sorted(p.name for p in out.iterdir())
    assert names == ["alpha.ru.docx", "beta.kk.docx"]  # each case's own language; no temp files left
    assert "ЖАЛОБА" in docx_text((out / "alpha.ru.docx").read_bytes())
    assert "ШАҒЫМ" in docx_text((out / "beta.kk.docx").read_bytes())
    by_source = {Path(r.source).name: r for r in summary.results}
    assert by_source["broken.json"].errors and by_source["broken.json"].errors[0].field == ""
    assert [p.field for p in by_source["bad_date.json"].errors] == ["filing_date"]
    assert by_source["alpha.json"].ok and by_source["alpha.json"].output == str(out / "alpha.ru.docx")


def test_lang_option_overrides_each_case(case_folder: Path, tmp_path: Path) -> None:
    summary = batch.run_batch(case_folder, tmp_path / "out", language="kk+ru", jobs=1)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["alpha.kk+ru.docx", "beta.kk+ru.docx"]
    assert summary.rendered == 2


def test_same_name_twice_is_never_overwritten(tmp_path: Path) -> None:
    planned = batch.plan_outputs([("Case", "ru"), ("case", "ru"), ("case", "kk"), ("Case", "ru")], tmp_path)
    names = [path.name for path, _ in planned]
    assert names == ["Case.ru.docx", "case-2.ru.docx", "case.kk.docx", "Case-3.ru.docx"]
    assert planned[0][1] is None and planned[1][1] is not None
    assert planned[1][1].params == {"name": "case.ru.docx", "renamed": "case-2.ru.docx"}


def test_blocking_problems_are_counted_not_failed(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    data = _example_data()
    data["complainant"]["iin"] = ""
    data["complainant"]["phone"] = ""
    (folder / "incomplete.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    summary = batch.run_batch(folder, tmp_path / "out", jobs=1)
    assert summary.rendered == 1 and summary.failed == 0 and summary.with_blocking == 1
    fields = {field for _, field, _ in summary.results[0].blocking}
    assert "complainant.iin" in fields


def _csv(path: Path, rows: list[dict[str, str]]) -> Path:
    columns: list[str] = []
    for row in rows:
        columns += [key for key in row if key not in columns]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


BASE_ROW = {
    "template": "observer_removed",
    "language": "ru",
    "complainant.full_name": "Тестова Айгуль",
    "complainant.iin": "800416100254",
    "complainant.phone": "8 701 000 00 21",
    "respondent.level": "precinct",
    "respondent.name": "Участковая избирательная комиссия № 998",
    "respondent.number": "998",
    "contested.type": "action",
    "details.removed_by": "Председатель комиссии",
    "requests": "Признать действия незаконными.|Сообщить мне о решении.",
    "evidence.0.description": "Видео",
    "evidence.0.file": "clip.mp4",
}


def test_csv_batch_reads_dates_as_people_type_them(tmp_path: Path) -> None:
    (tmp_path / "clip.mp4").write_bytes(b"clip")
    rows = [
        {**BASE_ROW, "contested.date": "10.01.2021", "filing_date": "12.01.2021"},
        {**BASE_ROW, "contested.date": "10 января 2021 г.", "language": "kk"},
        {**BASE_ROW, "contested.date": "2021 жылғы 10 қаңтар", "language": "en"},
        {**BASE_ROW, "contested.date": "31.02.2021"},
        {**BASE_ROW, "complainant.nmae": "typo"},
    ]
    source = _csv(tmp_path / "cases.csv", rows)
    summary = batch.run_batch(source, tmp_path / "out", jobs=1)
    assert summary.rendered == 3 and summary.failed == 2
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == [
        "cases-row-1-observer_removed.ru.docx",
        "cases-row-2-observer_removed.kk.docx",
        "cases-row-3-observer_removed.en.docx",
    ]
    texts = {name: docx_text((tmp_path / "out" / name).read_bytes()) for name in names}
    assert "10 января 2021 года" in texts["cases-row-1-observer_removed.ru.docx"]
    assert "12 января 2021 года" in texts["cases-row-1-observer_removed.ru.docx"]
    assert "2021 жылғы 10 қаңтар" in texts["cases-row-2-observer_removed.kk.docx"]
    assert "10 January 2021" in texts["cases-row-3-observer_removed.en.docx"]
    first = texts["cases-row-1-observer_removed.ru.docx"]
    assert "1. Признать действия незаконными." in first and "2. Сообщить мне о решении." in first
    assert "+7 701 000 00 21" in first
    assert "SHA-256" in first  # evidence path relative to the CSV's folder
    failed = {r.source: r for r in summary.results if not r.ok}
    assert [p.field for p in failed["cases.csv row 4"].errors] == ["contested.date"]
    assert [p.field for p in failed["cases.csv row 5"].errors] == ["complainant.nmae"]


def test_csv_row_to_data_builds_nested_fields() -> None:
    data, problems = batch.csv_row_to_data(
        {
            "template": "observer_removed",
            "complainant.full_name": " A ",
            "details.removed_by": "B",
            "attachments": "one\ntwo | three",
            "evidence": "photo|video",
            "evidence.1.file": "v.mp4",
            "representative.full_name": "",
            "a.b.c": "x",
        }
    )
    assert data["complainant"] == {"full_name": "A"} and data["format"] == FORMAT
    assert data["details"] == {"removed_by": "B"}
    assert data["attachments"] == ["one", "two", "three"]
    assert data["evidence"] == [{"description": "photo"}, {"description": "video", "file": "v.mp4"}]
    assert "representative" not in data
    assert [p.field for p in problems] == ["a.b.c"]
    caseio.parse_case({k: v for k, v in data.items()}, "row")  # the rest is a valid case


def test_unusable_sources_raise(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(batch.BatchSourceError):
        batch.run_batch(empty, tmp_path / "out")
    other = tmp_path / "cases.xlsx"
    other.write_bytes(b"PK")
    with pytest.raises(batch.BatchSourceError):
        batch.run_batch(other, tmp_path / "out")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(batch.BatchSourceError):
        batch.run_batch(bad, tmp_path / "out")


def test_write_atomic_replaces_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "new" / "doc.docx"
    batch.write_atomic(target, b"one")
    batch.write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["doc.docx"]


def _record_syncs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """What the writer does, in order: ("file" | "folder", name) for each fsync, ("publish", name) for each link."""
    import os
    import stat

    events: list[tuple[str, str]] = []
    fsync, link, replace = os.fsync, os.link, os.replace

    def on_fsync(descriptor: int) -> None:
        fsync(descriptor)
        kind = "folder" if stat.S_ISDIR(os.fstat(descriptor).st_mode) else "file"
        events.append((kind, os.readlink(f"/proc/self/fd/{descriptor}")))

    def on_publish(function):  # type: ignore[no-untyped-def]
        def publish(source: str, target: object) -> None:
            function(source, target)
            events.append(("publish", str(target)))

        return publish

    monkeypatch.setattr(os, "fsync", on_fsync)
    monkeypatch.setattr(os, "link", on_publish(link))
    monkeypatch.setattr(os, "replace", on_publish(replace))
    return events


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="names a descriptor's file through /proc")
def test_batch_syncs_each_document_before_its_name_and_the_folder_once_before_returning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    for name in ("a.json", "b.json", "c.json"):
        _write_case(folder, name)
    out = tmp_path / "out"
    events = _record_syncs(monkeypatch)
    summary = batch.run_batch(folder, out, jobs=1)
    assert summary.rendered == 3
    published = [index for index, (kind, _) in enumerate(events) if kind == "publish"]
    assert len(published) == 3
    for index in published:
        # The bytes on disk before the name appears: a crash never leaves half a document under its name.
        kind, synced = events[index - 1]
        assert kind == "file" and Path(synced).parent == out and synced.endswith(".tmp"), events
    # Not the folder after every document; once, after the last, before the summary.
    assert [kind for kind, _ in events[published[0] :]].count("folder") == 1
    assert events[-1] == ("folder", str(out))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="names a descriptor's file through /proc")
def test_a_single_document_is_durable_when_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events = _record_syncs(monkeypatch)
    batch.write_atomic(tmp_path / "doc.docx", b"one")
    assert [kind for kind, _ in events] == ["file", "publish", "folder"]


def test_copying_a_case_keeps_relative_evidence(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    (folder / "evidence").mkdir(parents=True)
    case = caseio.load_case(EXAMPLE)
    case.evidence[0].file = "evidence/video_2021-01-10_1420.mp4"
    case.evidence[1].file = "evidence/act_2021-01-10.pdf"  # not copied
    (folder / "case.json").write_text(caseio.dumps_case(case), encoding="utf-8")
    (folder / "evidence" / "video_2021-01-10_1420.mp4").write_bytes(b"x" * 10)
    summary = batch.run_batch(folder, tmp_path / "out", language="ru", jobs=1)
    text = docx_text((tmp_path / "out" / "case.ru.docx").read_bytes())
    assert summary.rendered == 1
    assert "файл video_2021-01-10_1420.mp4, размер 10 байт" in text  # read from the case file's folder
    assert "act_2021-01-10.pdf" not in text and "не найден" not in text  # unreadable: left to the checker


@pytest.mark.parametrize("jobs", [1, 2])
def test_cancel_stops_soon_and_the_summary_names_every_whole_document(tmp_path: Path, jobs: int) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    for number in range(60):
        _write_case(folder, f"case-{number:02}.json")
    cancel = threading.Event()
    seen: list[int] = []

    def progress(done: int, total: int, _source: str) -> None:
        seen.append(done)
        if done == 3:
            cancel.set()

    out = tmp_path / "out"
    summary = batch.run_batch(folder, out, language="ru", jobs=jobs, progress=progress, cancel=cancel)
    assert summary.cancelled and summary.total == 60
    assert 3 <= len(summary.results) < 60
    if jobs == 1:
        assert len(summary.results) == 3 and seen == [1, 2, 3]  # no case starts once cancelled
    assert seen[-1] == len(summary.results)
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(Path(r.output).name for r in summary.results if r.output), "every file is reported"
    assert all(not name.startswith(".") for name in written), "a temporary file was left"
    for name in written:
        assert "ЖАЛОБА" in docx_text((out / name).read_bytes())


def test_a_batch_not_cancelled_says_so_and_csv_results_carry_their_row(tmp_path: Path) -> None:
    source = _csv(tmp_path / "cases.csv", [BASE_ROW, {**BASE_ROW, "contested.date": "31.02.2021"}])
    summary = batch.run_batch(source, tmp_path / "out", jobs=1, cancel=threading.Event())
    assert not summary.cancelled and summary.total == 2
    assert [r.row_number for r in summary.results] == [1, 2]


# ── The separator: read from the header row ───────────────────────────────

HEADER = ["template", "complainant.full_name", "facts"]


@pytest.mark.parametrize(
    ("separator", "name"),
    [
        (",", "comma"),
        (";", "semicolon"),
        ("\t", "tab"),
    ],
)
def test_the_header_row_decides_the_separator(tmp_path: Path, separator: str, name: str) -> None:
    # Every cell holds the other two separators, unquoted where the format allows it.
    others = "".join(ch for ch in ",;\t" if ch != separator)
    facts = f"a{others[0]}b{others[1]}c " * 10
    text = separator.join(HEADER) + "\r\n" + separator.join(["observer_removed", "Тестова", facts]) + "\r\n"
    source = tmp_path / f"{name}.csv"
    source.write_text(text, encoding="utf-8")
    [item] = batch.collect(source)
    assert item.row is not None and item.row["problems"] == []
    data = item.row["data"]
    assert (data["template"], data["complainant"]["full_name"], data["facts"]) == (
        "observer_removed",
        "Тестова",
        facts.strip(),
    )


def test_semicolons_in_the_facts_do_not_outvote_the_commas_of_the_header(tmp_path: Path) -> None:
    facts = "; ".join(f"14:{minute:02d}" for minute in range(40))
    source = tmp_path / "cases.csv"
    source.write_text(",".join(HEADER) + "\n" + f"observer_removed,Тестова,{facts}\n", encoding="utf-8")
    assert source.read_text(encoding="utf-8").count(";") > source.read_text(encoding="utf-8").count(",")
    [item] = batch.collect(source)
    assert item.row is not None and item.row["data"]["facts"] == facts


def test_a_byte_order_mark_is_not_part_of_the_first_column(tmp_path: Path) -> None:
    source = tmp_path / "excel.csv"
    source.write_bytes(b"\xef\xbb\xbf" + ";".join(HEADER).encode("utf-8") + b"\r\nobserver_removed;X;Y\r\n")
    [item] = batch.collect(source)
    assert item.row is not None and item.row["data"]["template"] == "observer_removed"
    assert item.stem == "excel-row-1-observer_removed"  # <csv-name>-row-N-<kind>


def test_a_header_without_any_separator_is_one_column(tmp_path: Path) -> None:
    source = tmp_path / "one.csv"
    source.write_text('facts\n"A; B, C"\nD; E\n', encoding="utf-8")  # a comma by default, quoted in a cell
    first, second = batch.collect(source)
    assert first.row is not None and first.row["data"]["facts"] == "A; B, C"
    assert second.row is not None and second.row["data"]["facts"] == "D; E"


def test_summary_counts_from_the_results() -> None:
    ok = batch.CaseResult(source="a", output="a.docx")
    blocked = batch.CaseResult(source="b", output="b.docx", blocking=[("iin.missing", "complainant.iin", {})])
    problem = batch.FieldProblem("", batch.Message("x"))
    failed = batch.CaseResult(source="c", errors=[problem])
    written_with_error = batch.CaseResult(source="d", output="d.docx", errors=[problem])
    skipped = batch.CaseResult(source="e", skipped="e.docx")  # already there: neither written nor failed
    results = [ok, blocked, blocked, blocked, failed, written_with_error, skipped]
    summary = batch.BatchSummary(results=results, seconds=0.0, total=len(results))
    assert [result.ok for result in summary.results] == [True] * 4 + [False] * 3
    assert [result.failed for result in summary.results] == [False] * 4 + [True, True, False]
    # every number differs, so none can stand in for another
    assert (summary.rendered, summary.with_blocking, summary.failed, summary.skipped) == (4, 3, 2, 1)
# ── A CSV read as a stream ──────────────────────────────────────────────


def _rows_csv(path: Path, count: int, line_end: str = "\r\n") -> Path:
    text = _csv(path, [{**BASE_ROW, "complainant.full_name": f"Тестова {n}"} for n in range(count)]).read_text("utf-8")
    path.write_bytes(text.replace("\r\n", line_end).encode("utf-8"))
    return path


def test_a_csv_is_counted_first_then_read_one_row_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = _rows_csv(tmp_path / "cases.csv", 50)
    built: list[str] = []
    real = batch.csv_row_to_data
    monkeypatch.setattr(batch, "csv_row_to_data", lambda row: built.append(row["complainant.full_name"]) or real(row))
    total, cases = batch.open_source(source)
    assert total == 50 and built == [], "counting builds no case"
    first = next(cases)
    assert first.row_number == 1 and built == ["Тестова 0"], "the first case is ready before the rest is read"
    assert [case.row_number for case in cases] == list(range(2, 51))


def test_a_csv_broken_near_its_end_fails_before_any_document_is_written(tmp_path: Path) -> None:
    source = _rows_csv(tmp_path / "cases.csv", 30)
    source.write_bytes(source.read_bytes() + b"observer_removed,\xff\xfe\r\n")
    out = tmp_path / "out"
    with pytest.raises(batch.BatchSourceError) as caught:
        batch.run_batch(source, out, jobs=1)
    assert caught.value.message.msgid == batch.MSG_CSV_NOT_UTF8
    assert caught.value.message.params["line"] == 32
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("line_end", ["\r\n", "\n", "\r"])
def test_every_kind_of_line_end_is_read(tmp_path: Path, line_end: str) -> None:
    source = _rows_csv(tmp_path / "cases.csv", 3, line_end)
    summary = batch.run_batch(source, tmp_path / "out", jobs=1)
    assert (summary.total, summary.rendered, summary.failed) == (3, 3, 0)


@pytest.mark.parametrize(("now", "expected_rendered"), [(2, 2), (6, 4)])
def test_a_csv_changed_after_it_was_counted_ends_with_a_case_saying_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, now: int, expected_rendered: int
) -> None:
    source = _rows_csv(tmp_path / "cases.csv", 4)
    replacement = _rows_csv(tmp_path / "other.csv", now).read_bytes()
    counted = batch.open_source

    def counted_then_saved_again(path: Path) -> tuple[int, Iterator[batch.BatchCase]]:
        found = counted(path)
        source.write_bytes(replacement)  # saved again from a spreadsheet, with another number of rows
        return found

    monkeypatch.setattr(batch, "open_source", counted_then_saved_again)
    summary = batch.run_batch(source, tmp_path / "out", jobs=1)
    assert summary.rendered == expected_rendered and summary.failed == 1
    last = summary.results[-1]
    assert [p.message.msgid for p in last.errors] == [batch.MSG_CSV_CHANGED]
    assert last.errors[0].message.params["counted"] == 4
    assert len(summary.results) == summary.total == expected_rendered + 1 and not summary.cancelled


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_long_csv_in_workers_keeps_input_order_and_every_row(tmp_path: Path, jobs: int) -> None:
    source = _rows_csv(tmp_path / "cases.csv", 120)
    seen: list[int] = []
    summary = batch.run_batch(source, tmp_path / "out", jobs=jobs, progress=lambda done, _t, _r: seen.append(done))
    assert [r.row_number for r in summary.results] == list(range(1, 121))
    assert summary.rendered == 120 and seen == list(range(1, 121))
    assert len(list((tmp_path / "out").iterdir())) == 120


# ── Earlier outputs are never replaced; rows are reported truly however the work is split ──


def test_two_csv_files_into_one_folder_never_collide(tmp_path: Path) -> None:
    # Both files' first row used to be row-1-<kind>.ru.docx: the second batch replaced the first's.
    first = _csv(tmp_path / "monday.csv", [{**BASE_ROW, "contested.date": "10.01.2021"}])
    second = _csv(tmp_path / "tuesday.csv", [{**BASE_ROW, "contested.date": "11.01.2021"}])
    out = tmp_path / "out"
    assert batch.run_batch(first, out, jobs=1).rendered == 1
    assert batch.run_batch(second, out, jobs=1).rendered == 1
    assert sorted(p.name for p in out.iterdir()) == [
        "monday-row-1-observer_removed.ru.docx",
        "tuesday-row-1-observer_removed.ru.docx",
    ]
    assert "10 января 2021 года" in docx_text((out / "monday-row-1-observer_removed.ru.docx").read_bytes())


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_existing_document_is_skipped_unless_overwrite(tmp_path: Path, jobs: int) -> None:
    source = _csv(tmp_path / "cases.csv", [{**BASE_ROW, "contested.date": "10.01.2021"}] * 3)
    out = tmp_path / "out"
    out.mkdir()
    earlier = out / "cases-row-2-observer_removed.ru.docx"
    earlier.write_bytes(b"an earlier batch's document")
    summary = batch.run_batch(source, out, jobs=jobs)
    assert (summary.rendered, summary.skipped, summary.failed) == (2, 1, 0)
    skipped = next(result for result in summary.results if result.skipped)
    assert skipped.row_number == 2 and skipped.skipped == str(earlier) and not skipped.errors
    assert earlier.read_bytes() == b"an earlier batch's document"
    summary = batch.run_batch(source, out, jobs=jobs, overwrite=True)
    assert (summary.rendered, summary.skipped, summary.failed) == (3, 0, 0)
    assert "ЖАЛОБА" in docx_text(earlier.read_bytes())


def test_a_document_appearing_while_rendering_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Another batch into the same folder writes the same name between the check and the write.
    source = _csv(tmp_path / "cases.csv", [BASE_ROW])
    out = tmp_path / "out"
    target = out / "cases-row-1-observer_removed.ru.docx"
    from kzcomplaint.core.documents import render

    real = render.render_docx

    def render_and_race(*args: object, **kwargs: object) -> bytes:
        target.write_bytes(b"the other batch")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(render, "render_docx", render_and_race)
    summary = batch.run_batch(source, out, jobs=1)
    assert summary.skipped == 1 and summary.rendered == 0
    assert target.read_bytes() == b"the other batch"
    assert sorted(p.name for p in out.iterdir()) == [target.name]  # no temporary file left


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("date", ["1³.01.2021", "²⁰²¹-01-10", "10.01.202³", "１０.０１.２０２１"])
def test_other_digits_in_a_date_fail_only_their_row(tmp_path: Path, jobs: int, date: str) -> None:
    rows = [
        {**BASE_ROW, "contested.date": "10.01.2021"},
        {**BASE_ROW, "contested.date": date},
        {**BASE_ROW, "contested.date": "11.01.2021"},
        {**BASE_ROW, "contested.date": "12.01.2021", "evidence.³.file": "x"},
    ]
    source = _csv(tmp_path / "cases.csv", rows)
    summary = batch.run_batch(source, tmp_path / "out", jobs=jobs)
    by_row = {result.row_number: result for result in summary.results}
    assert by_row[1].ok and by_row[3].ok
    assert [problem.field for problem in by_row[2].errors] == ["contested.date"]
    assert by_row[2].errors[0].message.params["char"] in date
    assert not by_row[4].ok and [problem.field for problem in by_row[4].errors] == ["evidence.³.file"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "cases-row-1-observer_removed.ru.docx",
        "cases-row-3-observer_removed.ru.docx",
    ]


def test_an_unexpected_error_fails_only_its_own_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = _csv(tmp_path / "cases.csv", [BASE_ROW, {**BASE_ROW, "facts": "boom"}, BASE_ROW])
    real = batch._read_case  # noqa: SLF001 - the seam where a bug would strike

    def flaky(item: batch.BatchCase):  # type: ignore[no-untyped-def]
        if item.row_number == 2:
            raise ValueError("a bug")
        return real(item)

    monkeypatch.setattr(batch, "_read_case", flaky)
    summary = batch.run_batch(source, tmp_path / "out", jobs=1)
    by_row = {result.row_number: result for result in summary.results}
    assert by_row[1].ok and by_row[3].ok and by_row[2].failed
    assert "a bug" in by_row[2].errors[0].message.params["error"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_long_csv_read_as_a_stream_still_never_replaces_a_document(tmp_path: Path, jobs: int) -> None:
    source = _rows_csv(tmp_path / "cases.csv", 120)
    out = tmp_path / "out"
    out.mkdir()
    earlier = {n: out / f"cases-row-{n}-observer_removed.ru.docx" for n in (1, 64, 120)}
    for path in earlier.values():
        path.write_bytes(b"an earlier batch's document")
    summary = batch.run_batch(source, out, jobs=jobs)
    assert (summary.total, summary.rendered, summary.skipped, summary.failed) == (120, 117, 3, 0)
    assert sorted(r.row_number for r in summary.results if r.skipped) == [1, 64, 120]
    assert all(path.read_bytes() == b"an earlier batch's document" for path in earlier.values())
    assert len(list(out.iterdir())) == 120, "one document per row, no second name for a skipped one"
