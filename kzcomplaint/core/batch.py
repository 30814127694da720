"""Many cases at once: a folder of case files or one CSV, rendered in parallel.

A trainer exports a workshop's drafts, a lawyer a stack of complaints. A bad
case never stops the batch: it is reported with its file (or CSV row), the
field and the reason, and the rest carries on. A case with blocking problems
is still rendered (its missing details stay visibly blank) and counted.

A CSV has one row per case; its columns are the case fields with dots
(``complainant.full_name``, ``respondent.level``, ``contested.date``,
``details.<question>``, ``evidence.<n>.description``, ``evidence.<n>.file``),
and ``requests`` / ``attachments`` hold several items separated by ``|`` or
new lines. Dates are read as people type them (``10.01.2021``,
``10 января 2021 г.``, ``2021 жылғы 10 қаңтар``). Empty cells mean "not
known". Relative evidence paths start at the CSV's folder.

Output files are ``<case-stem>.<lang>.docx`` (CSV rows:
``row-<n>-<template>.<lang>.docx``); two cases that would get the same name
never overwrite each other — the second gets a ``-2`` suffix and the result
says so. Every file is written atomically (temporary file + ``os.replace``).
"""

from __future__ import annotations

import concurrent.futures
import csv
import dataclasses
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from kzcomplaint.core.i18n import N_, Message
from kzcomplaint.core.model import FORMAT

MSG_NO_CASES = N_("No case files (*.json) in the folder {folder}.")
MSG_NOT_SOURCE = N_("{source} is neither a folder of case files nor a .csv file.")
MSG_CSV_UNREADABLE = N_("The CSV file {source} cannot be read: {reason}")
MSG_CSV_EMPTY = N_("The CSV file {source} has no header row.")
MSG_CSV_COLUMN = N_("Column “{column}” is not a case field: {reason}")
MSG_RENAMED = N_("{name} already names another case's document; written as {renamed}.")
MSG_UNEXPECTED = N_("Unexpected error while rendering: {error}")
MSG_WRITE_FAILED = N_("The document {file} cannot be written: {reason}")
MSG_TEMPLATE = N_("The document kind cannot be rendered: {reason}")

LIST_SEPARATOR = re.compile(r"\s*(?:\||\r?\n)\s*")


class BatchSourceError(Exception):
    """The batch's input as a whole is unusable (no cases, unreadable CSV)."""

    def __init__(self, message: Message) -> None:
        """Keep the message for the front end to translate."""
        self.message = message
        super().__init__(message.msgid.format(**message.params))


@dataclasses.dataclass(frozen=True)
class BatchCase:
    """One case of a batch, not yet read."""

    source: str
    """The case file, or ``<csv> row <n>`` — what a message names."""
    stem: str
    """The output file name without ``.<lang>.docx``."""
    base_dir: str
    """Folder relative evidence paths start at."""
    path: str | None = None
    """The case file (folder input)."""
    row: dict[str, Any] | None = None
    """The case data built from a CSV row (CSV input)."""


@dataclasses.dataclass(frozen=True)
class FieldProblem:
    """Something wrong with one case: the field (dotted, "" for the whole case) and why."""

    field: str
    message: Message


@dataclasses.dataclass
class CaseResult:
    """What happened to one case of a batch."""

    source: str
    output: str | None = None
    language: str = ""
    errors: list[FieldProblem] = dataclasses.field(default_factory=list)
    """Why the case could not be rendered (empty when it was)."""
    blocking: list[tuple[str, str, dict[str, str]]] = dataclasses.field(default_factory=list)
    """Blocking problems of a rendered case: (code, field, message by language)."""
    notes: list[Message] = dataclasses.field(default_factory=list)
    """Things the user should know about a rendered case (a renamed output)."""

    @property
    def ok(self) -> bool:
        """Whether the document was written."""
        return self.output is not None and not self.errors


@dataclasses.dataclass
class BatchSummary:
    """The outcome of a batch."""

    results: list[CaseResult]
    seconds: float

    @property
    def rendered(self) -> int:
        """Documents written."""
        return sum(1 for r in self.results if r.ok)

    @property
    def failed(self) -> int:
        """Cases that could not be rendered."""
        return sum(1 for r in self.results if not r.ok)

    @property
    def with_blocking(self) -> int:
        """Rendered cases that still have blocking problems."""
        return sum(1 for r in self.results if r.ok and r.blocking)


# ── Writing files ────────────────────────────────────────────────────────


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and ``os.replace``.

    The folder is created if missing. A reader never sees a half-written
    document, and a failed write leaves any previous file intact.

    Raises:
        OSError: The folder cannot be created or written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as output:
            output.write(data)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


# ── Reading the input ───────────────────────────────────────────────────


def _split_list(value: str) -> list[str]:
    return [item for item in LIST_SEPARATOR.split(value.strip()) if item]


def csv_row_to_data(row: dict[str, str]) -> tuple[dict[str, Any], list[FieldProblem]]:
    """Turn one CSV row (column = dotted case field) into case data for ``caseio.parse_case``.

    Returns:
        The nested data and the problems with columns that cannot be placed.
    """
    data: dict[str, Any] = {}
    problems: list[FieldProblem] = []
    evidence: dict[int, dict[str, str]] = {}
    for column, raw in row.items():
        if column is None:  # more cells than header columns
            problems.append(FieldProblem("", Message(MSG_CSV_COLUMN, column="?", reason="extra cells")))
            continue
        name = column.strip()
        value = (raw or "").strip() if isinstance(raw, str) else ""
        if not name or not value:
            continue
        parts = name.split(".")
        head = parts[0]
        if head == "details" and len(parts) == 2:
            data.setdefault("details", {})[parts[1]] = value
        elif head in ("requests", "attachments") and len(parts) == 1:
            data[head] = _split_list(value)
        elif head == "evidence" and len(parts) == 1:
            for index, description in enumerate(_split_list(value)):
                evidence.setdefault(index, {})["description"] = description
        elif head == "evidence" and len(parts) == 3 and parts[1].isdigit():
            evidence.setdefault(int(parts[1]), {})[parts[2]] = value
        elif len(parts) <= 2 and all(parts):
            target = data
            for part in parts[:-1]:
                nested = target.setdefault(part, {})
                if not isinstance(nested, dict):
                    problems.append(
                        FieldProblem(name, Message(MSG_CSV_COLUMN, column=name, reason="conflicts with another"))
                    )
                    break
                target = nested
            else:
                target[parts[-1]] = value
        else:
            problems.append(FieldProblem(name, Message(MSG_CSV_COLUMN, column=name, reason="too many dots")))
    if evidence:
        data["evidence"] = [evidence[index] for index in sorted(evidence)]
    # A CSV has no format column: its rows are cases of the current format.
    data.setdefault("format", FORMAT)
    return data, problems


def _safe(text: str) -> str:
    cleaned = re.sub(r"[^\w.-]+", "_", text).strip("._")
    return cleaned or "case"


def collect(source: Path) -> list[BatchCase]:
    """The cases of a batch input: a folder's ``*.json`` files (sorted) or a CSV's rows.

    Raises:
        BatchSourceError: No cases, or the CSV cannot be read.
    """
    if source.is_dir():
        files = sorted(p for p in source.iterdir() if p.suffix.lower() == ".json" and p.is_file())
        if not files:
            raise BatchSourceError(Message(MSG_NO_CASES, folder=str(source)))
        return [BatchCase(source=str(p), stem=p.stem, base_dir=str(p.parent), path=str(p)) for p in files]
    if source.suffix.lower() == ".csv" and source.is_file():
        return list(_csv_cases(source))
    raise BatchSourceError(Message(MSG_NOT_SOURCE, source=str(source)))


def _csv_cases(source: Path) -> Iterator[BatchCase]:
    try:
        with open(source, encoding="utf-8-sig", newline="") as handle:
            sample = handle.read(64 * 1024)
            handle.seek(0)
            try:
                dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
            except csv.Error:
                dialect = csv.excel
            reader = csv.DictReader(handle, dialect=dialect)
            if not reader.fieldnames:
                raise BatchSourceError(Message(MSG_CSV_EMPTY, source=str(source)))
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise BatchSourceError(Message(MSG_CSV_UNREADABLE, source=str(source), reason=reason)) from None
    for number, row in enumerate(rows, start=1):
        data, problems = csv_row_to_data(row)
        template = _safe(str(data.get("template") or "case"))
        yield BatchCase(
            source=f"{source.name} row {number}",
            stem=f"row-{number}-{template}",
            base_dir=str(source.parent),
            row={"data": data, "problems": [(p.field, p.message) for p in problems]},
        )


def plan_outputs(stems: Sequence[tuple[str, str]], out_dir: Path) -> list[tuple[Path, Message | None]]:
    """Output paths for ``(stem, language)`` pairs, none reused within the batch.

    File systems that ignore case (Windows, macOS) would let ``A.json`` and
    ``a.json`` overwrite each other, so names are compared case-folded.
    """
    taken: set[str] = set()
    planned: list[tuple[Path, Message | None]] = []
    for stem, language in stems:
        name = f"{stem}.{language}.docx"
        chosen = name
        counter = 2
        while chosen.casefold() in taken:
            chosen = f"{stem}-{counter}.{language}.docx"
            counter += 1
        taken.add(chosen.casefold())
        note = Message(MSG_RENAMED, name=name, renamed=chosen) if chosen != name else None
        planned.append((out_dir / chosen, note))
    return planned


# ── Rendering one case (in a worker process) ────────────────────────────


def _read_case(item: BatchCase) -> tuple[Any, list[FieldProblem]]:
    from kzcomplaint.core import caseio

    try:
        if item.path is not None:
            return caseio.load_case(item.path), []
        assert item.row is not None
        problems = [FieldProblem(field, message) for field, message in item.row["problems"]]
        case = caseio.parse_case(item.row["data"], item.source)
        return (None, problems) if problems else (case, [])
    except caseio.CaseFileError as error:
        return None, [FieldProblem(p.path, p.message) for p in error.problems]


def case_language(item: BatchCase, language: str | None) -> str:
    """The language a case is rendered in: the batch's ``--lang`` or the case's own."""
    if language:
        return language
    if item.row is not None:
        value = item.row["data"].get("language")
        return value if isinstance(value, str) and value in ("kk", "ru", "en", "kk+ru") else "ru"
    return ""  # decided after reading the file


def render_one(item: BatchCase, language: str | None, output: Path) -> CaseResult:
    """Read, check, render and write one case; never raises for a bad case."""
    from kzcomplaint.core import checks, render, templates

    result = CaseResult(source=item.source)
    case, problems = _read_case(item)
    if case is None:
        result.errors = problems
        return result
    chosen = language or case.language
    result.language = chosen
    if language is None and chosen != output.name.rsplit(".", 2)[-2]:
        output = output.with_name(f"{output.name.rsplit('.', 2)[0]}.{chosen}.docx")
    try:
        data = render.render_docx(case, chosen, base_dir=Path(item.base_dir))
    except (templates.TemplateError, render.RenderError) as error:
        result.errors = [FieldProblem("template", Message(MSG_TEMPLATE, reason=str(error)))]
        return result
    except Exception as error:  # noqa: BLE001 - one broken case must not stop a batch of a thousand
        result.errors = [FieldProblem("", Message(MSG_UNEXPECTED, error=f"{type(error).__name__}: {error}"))]
        return result
    try:
        write_atomic(output, data)
    except OSError as error:
        reason = error.strerror or str(error)
        result.errors = [FieldProblem("", Message(MSG_WRITE_FAILED, file=str(output), reason=reason))]
        return result
    result.output = str(output)
    result.blocking = [
        (p.code, getattr(p, "field", ""), dict(p.message)) for p in checks.check_case(case) if p.severity == "blocking"
    ]
    return result


def _render_chunk(chunk: list[tuple[BatchCase, str | None, str]]) -> list[CaseResult]:
    return [render_one(item, language, Path(output)) for item, language, output in chunk]


def _warm_up() -> None:
    """Load templates, the frame and the base document once per worker process."""
    from kzcomplaint.core import docx_style, templates

    docx_style.base_package()
    templates.load_frame()


# ── The batch ───────────────────────────────────────────────────────────

Progress = Callable[[int, int, str], None]
"""Called with (done, total, source of the case just finished)."""


def run_batch(
    source: Path,
    out_dir: Path,
    *,
    language: str | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> BatchSummary:
    """Render every case of ``source`` into ``out_dir``.

    Args:
        source: A folder of ``*.json`` case files or one ``.csv`` file.
        out_dir: Output folder (created if missing).
        language: Render every case in this language; None = each case's own.
        jobs: Worker processes; None or 0 = ``os.cpu_count()``; 1 = this process.
        progress: Called after each case.

    Raises:
        BatchSourceError: The input has no cases or cannot be read.
        OSError: The output folder cannot be created.
    """
    started = time.perf_counter()
    items = collect(source)
    out_dir.mkdir(parents=True, exist_ok=True)
    # For folder input without --lang the language is known only after
    # reading; plan with the case's declared stem and fix the suffix later.
    planned = plan_outputs([(item.stem, case_language(item, language) or "doc") for item in items], out_dir)
    work = [(item, language, str(path)) for item, (path, _) in zip(items, planned, strict=True)]
    notes = {index: note for index, (_, note) in enumerate(planned) if note is not None}
    workers = jobs or os.cpu_count() or 1
    total = len(work)
    results: list[CaseResult | None] = [None] * total

    def record(index: int, result: CaseResult) -> None:
        if index in notes and result.ok:
            result.notes.append(notes[index])
        results[index] = result

    done = 0
    if workers == 1 or total == 1:
        _warm_up()
        for index, entry in enumerate(work):
            record(index, _render_chunk([entry])[0])
            done += 1
            if progress:
                progress(done, total, entry[0].source)
    else:
        size = max(1, min(32, total // (workers * 8)))
        chunks = [list(range(i, min(i + size, total))) for i in range(0, total, size)]
        with concurrent.futures.ProcessPoolExecutor(max_workers=workers, initializer=_warm_up) as pool:
            futures = {pool.submit(_render_chunk, [work[i] for i in chunk]): chunk for chunk in chunks}
            for future in concurrent.futures.as_completed(futures):
                chunk = futures[future]
                try:
                    chunk_results = future.result()
                except Exception as error:  # noqa: BLE001 - a crashed worker fails its cases, not the batch
                    message = Message(MSG_UNEXPECTED, error=f"{type(error).__name__}: {error}")
                    chunk_results = [
                        CaseResult(source=work[i][0].source, errors=[FieldProblem("", message)]) for i in chunk
                    ]
                for index, result in zip(chunk, chunk_results, strict=True):
                    record(index, result)
                    done += 1
                    if progress:
                        progress(done, total, work[index][0].source)
    final = [r for r in results if r is not None]
    return BatchSummary(results=final, seconds=time.perf_counter() - started)


__all__ = [
    "BatchCase",
    "BatchSourceError",
    "BatchSummary",
    "CaseResult",
    "FieldProblem",
    "collect",
    "csv_row_to_data",
    "plan_outputs",
    "render_one",
    "run_batch",
    "write_atomic",
]
