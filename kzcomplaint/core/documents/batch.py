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
``<csv-stem>-row-<n>-<template>.<lang>.docx``, so two CSV files exported into
one folder never name the same document); two cases of one batch that would
get the same name never overwrite each other — the second gets a ``-2``
suffix and the result says so. A document already in the output folder (an
earlier batch's) is never replaced unless asked (``overwrite=True``): the
case is reported as skipped. Every file is written atomically.

A batch can be cancelled (``run_batch(..., cancel=event)``): cases not yet
started are dropped, those being rendered finish, and the summary lists
exactly the documents written — never a partial one.

Durability: each document's bytes are synced to disk before its name
appears (so a crash never leaves half a document under its name), and the
output folder is synced once, when the batch ends, before the summary is
returned — not after every document: every document the summary names is on
disk, and a crash mid-batch can only lose whole documents of a batch that
never gave its summary (run again, it writes them and skips those there).
"""

from __future__ import annotations

import codecs
import concurrent.futures
import csv
import dataclasses
import io
import os
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from kzcomplaint.core.case.model import FORMAT
from kzcomplaint.core.files import atomic
from kzcomplaint.core.text.i18n import N_, Message, Translator
from kzcomplaint.core.text.languages import LANGUAGES

MSG_NO_CASES = N_("No case files (*.json) in the folder {folder}.")
MSG_NOT_SOURCE = N_("{source} is neither a folder of case files nor a .csv file.")
MSG_CSV_UNREADABLE = N_("The CSV file {source} cannot be read: {reason}")
MSG_CSV_EMPTY = N_("The CSV file {source} has no header row.")
MSG_SOURCE_UNREADABLE = N_("{source} cannot be read: {reason}")
MSG_CSV_NOT_UTF8 = N_(
    "The CSV file {source} is not UTF-8 text (line {line}). In Excel save it as “CSV UTF-8”; "
    "in other programs choose the UTF-8 encoding when saving."
)
MSG_CSV_BROKEN = N_(
    "The CSV file {source} cannot be read at line {line}: {reason}. Check the quotation marks on that line."
)
MSG_CSV_NO_ROWS = N_("The CSV file {source} has a header row but no cases under it.")
MSG_CSV_CHANGED = N_(
    "The CSV file {source} changed while the batch was running: it no longer has the {counted} cases it had "
    "when the batch began. Check the documents written and run the batch again."
)
MSG_CSV_DUPLICATE_COLUMN = N_("The CSV file {source} has the column “{column}” more than once. Keep one of them.")
MSG_CSV_EXTRA_CELLS = N_(
    "The row has {count} more cell(s) than the header has columns. Remove them, or give their columns a name."
)
MSG_CSV_CONFLICT = N_(
    "Column “{column}” and column “{other}” cannot both be used: one is a section, the other a single value. "
    "Keep one of them."
)
MSG_CSV_TOO_MANY_DOTS = N_(
    "Column “{column}” is not a case field. Name columns section.field (complainant.full_name), "
    "details.<question> or evidence.<n>.description."
)
MSG_RENAMED = N_("{name} already names another case's document; written as {renamed}.")
MSG_UNEXPECTED = N_("Unexpected error while rendering: {error}")
MSG_WRITE_FAILED = N_("The document {file} cannot be written: {reason}")
MSG_TEMPLATE = N_("The document kind cannot be rendered: {reason}")
MSG_EXISTS = N_(
    "{file} already exists and was left as it is. To replace it, choose to replace existing documents "
    "(--overwrite on the command line), or choose another output folder."
)

MAX_WORKERS = 61
"""The most worker processes a batch starts (Windows cannot wait on more)."""

LIST_SEPARATOR = re.compile(r"\s*(?:\||\r?\n)\s*")


class OutputFolderError(Exception):
    """The output folder cannot be created or used; ``error`` is the operating system's reason."""

    def __init__(self, folder: Path, error: OSError | ValueError) -> None:
        """Keep the folder and the reason."""
        self.folder = folder
        self.error = error
        self.reason = getattr(error, "strerror", None) or str(error)
        super().__init__(f"{folder}: {self.reason}")


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
    row_number: int | None = None
    """The CSV row (1 = the first under the header), for a front end to name it in its own language."""


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
    row_number: int | None = None
    """The CSV row of the case (None for a case file)."""
    errors: list[FieldProblem] = dataclasses.field(default_factory=list)
    """Why the case could not be rendered (empty when it was)."""
    blocking: list[tuple[str, str, dict[str, str]]] = dataclasses.field(default_factory=list)
    """Blocking problems of a rendered case: (code, field, message by language)."""
    notes: list[Message] = dataclasses.field(default_factory=list)
    """Things the user should know about a rendered case (a renamed output)."""
    skipped: str | None = None
    """The document that already existed and was left as it is (the case was not rendered)."""

    @property
    def ok(self) -> bool:
        """Whether the document was written."""
        return self.output is not None and not self.errors

    @property
    def failed(self) -> bool:
        """Whether the case could not be rendered (not merely skipped)."""
        return not self.ok and self.skipped is None


@dataclasses.dataclass
class BatchSummary:
    """The outcome of a batch."""

    results: list[CaseResult]
    """One per case done, in input order (fewer than ``total`` when cancelled)."""
    seconds: float
    total: int = 0
    """Cases in the input."""
    cancelled: bool = False
    """The batch was cancelled before every case was done."""

    @property
    def rendered(self) -> int:
        """Documents written."""
        return sum(1 for r in self.results if r.ok)

    @property
    def failed(self) -> int:
        """Cases that could not be rendered."""
        return sum(1 for r in self.results if r.failed)

    @property
    def skipped(self) -> int:
        """Cases whose document already existed and was left as it is."""
        return sum(1 for r in self.results if r.skipped is not None)

    @property
    def with_blocking(self) -> int:
        """Rendered cases that still have blocking problems."""
        return sum(1 for r in self.results if r.ok and r.blocking)


# ── Writing files ────────────────────────────────────────────────────────


def write_atomic(path: Path, data: bytes, *, overwrite: bool = True, sync: bool = True) -> None:
    """Write a document atomically and privately (see :func:`kzcomplaint.core.files.atomic.write_private_file`).

    The folder is created if missing. A reader never sees a half-written
    document, a failed write leaves any previous file intact, and a device or
    a pipe at ``path`` is never replaced. With ``sync`` False the folder is
    not synced: the caller does it once for many documents
    (:func:`kzcomplaint.core.files.atomic.sync_folder`) before reporting them.

    Raises:
        FileExistsError: ``overwrite`` is False and ``path`` exists.
        OSError: The folder cannot be created or written.
    """
    atomic.write_private_file(path, data, overwrite=overwrite, sync=sync)


def file_in_the_way(folder: Path) -> Path | None:
    """The first of ``folder`` and its parents that exists but is not a folder, or None.

    ``-o report.pdf/out.docx`` fails with "File exists" or "Not a directory";
    this names the file that stands where a folder has to be.
    """
    for candidate in (folder, *folder.parents):
        try:
            if candidate.is_dir():
                return None
            if candidate.exists():
                return candidate
        except (OSError, ValueError):
            return None
    return None


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
    plain: dict[str, str] = {}  # section name → the column that gave it a single value
    for column, raw in row.items():
        if column is None:  # more cells than header columns (csv.DictReader's convention)
            cells = raw if isinstance(raw, list) else [raw]
            extra = [cell for cell in cells if isinstance(cell, str) and cell.strip()]
            if extra:
                problems.append(FieldProblem("", Message(MSG_CSV_EXTRA_CELLS, count=len(extra))))
            continue
        name = column.strip()
        value = (raw or "").strip() if isinstance(raw, str) else ""
        if not name or not value:
            continue
        parts = name.split(".")
        head = parts[0]
        if head == "details" and len(parts) == 2 and isinstance(data.setdefault("details", {}), dict):
            data["details"][parts[1]] = value
        elif head in ("requests", "attachments") and len(parts) == 1:
            data[head] = _split_list(value)
        elif head == "evidence" and len(parts) == 1:
            for index, description in enumerate(_split_list(value)):
                evidence.setdefault(index, {})["description"] = description
        elif head == "evidence" and len(parts) == 3 and parts[1].isascii() and parts[1].isdigit():
            evidence.setdefault(int(parts[1]), {})[parts[2]] = value
        elif len(parts) == 1 and isinstance(data.get(head), dict):
            # "complainant" after "complainant.full_name": it would replace the section.
            other = next((c for c in row if isinstance(c, str) and c.strip().startswith(f"{head}.")), head)
            problems.append(FieldProblem(name, Message(MSG_CSV_CONFLICT, column=name, other=other.strip())))
        elif len(parts) == 1 and all(parts):
            data[head] = value
            plain[head] = name
        elif len(parts) == 2 and all(parts):
            nested = data.setdefault(head, {})
            if isinstance(nested, dict):
                nested[parts[1]] = value
            else:
                other = plain.get(head, head)  # a plain column, or the list column "requests"/"attachments"
                problems.append(FieldProblem(name, Message(MSG_CSV_CONFLICT, column=name, other=other)))
        else:
            problems.append(FieldProblem(name, Message(MSG_CSV_TOO_MANY_DOTS, column=name)))
    if evidence:
        data["evidence"] = [evidence[index] for index in sorted(evidence)]
    # A CSV has no format column: its rows are cases of the current format.
    data.setdefault("format", FORMAT)
    return data, problems


def _safe(text: str) -> str:
    cleaned = re.sub(r"[^\w.-]+", "_", text).strip("._")
    return cleaned or "case"


def open_source(source: Path) -> tuple[int, Iterator[BatchCase]]:
    """How many cases ``source`` holds, and the cases one at a time.

    A folder's ``*.json`` files are listed (sorted); a CSV is read as a
    stream, twice: once to check the whole file and count its cases before
    anything is written — a file that breaks at line 9,000 fails before the
    first document, as it always did — and then row by row as the cases are
    rendered, so memory stays flat however long the file is.

    Raises:
        BatchSourceError: No cases, or the folder or CSV cannot be read.
    """
    try:
        if source.is_dir():
            files = sorted(p for p in source.iterdir() if p.suffix.lower() == ".json" and p.is_file())
            if not files:
                raise BatchSourceError(Message(MSG_NO_CASES, folder=str(source)))
            cases = (BatchCase(source=str(p), stem=p.stem, base_dir=str(p.parent), path=str(p)) for p in files)
            return len(files), cases
        is_csv = source.suffix.lower() == ".csv" and source.is_file()
    except (OSError, ValueError) as error:  # an unreadable folder, a name too long
        reason = getattr(error, "strerror", None) or str(error)
        raise BatchSourceError(Message(MSG_SOURCE_UNREADABLE, source=str(source), reason=reason)) from None
    if is_csv:
        total = _csv_count(source)
        return total, _csv_cases(source, total)
    raise BatchSourceError(Message(MSG_NOT_SOURCE, source=str(source)))


def collect(source: Path) -> list[BatchCase]:
    """Every case of a batch input at once (:func:`open_source` gives them one at a time).

    Raises:
        BatchSourceError: No cases, or the folder or CSV cannot be read.
    """
    return list(open_source(source)[1])


_CSV_DELIMITERS = (",", ";", "\t")
_CSV_FIELD_LIMIT = 16 * 1024 * 1024


def _undecodable_line(source: Path) -> int:
    """The line of the first byte in ``source`` that is not UTF-8 (read again, line by line, only to say where)."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    number = 0
    try:
        with source.open("rb") as handle:
            for number, raw in enumerate(handle, start=1):  # noqa: B007 - the line that fails, or the last
                decoder.decode(raw)  # "\n" never occurs inside a UTF-8 sequence: splitting there is safe
            decoder.decode(b"", final=True)
    except (UnicodeDecodeError, OSError):
        pass
    return max(number, 1)


def _csv_records(source: Path) -> Iterator[list[str]]:
    """The header and then every row of a CSV as cells, read as a stream.

    The separator is the one the header row uses most: Excel writes ``;``
    where the decimal separator is a comma (Russian and Kazakh settings),
    ``,`` elsewhere. Column names never contain a separator, so the header
    tells reliably — a guess from the data is fooled by text like "a;b, c".

    Raises:
        BatchSourceError: The file cannot be opened or read, is not UTF-8, or
            its quoting is broken (naming the line).
    """
    def unreadable(error: OSError) -> BatchSourceError:
        reason = error.strerror or str(error)
        return BatchSourceError(Message(MSG_CSV_UNREADABLE, source=str(source), reason=reason))

    try:
        handle = source.open("rb")
    except OSError as error:
        raise unreadable(error) from None
    # newline="" keeps line ends as they are and splits at "\r", "\n" and "\r\n" alike, as the csv
    # module wants; plain "utf-8" decodes in C, so Excel's byte-order mark is skipped by hand.
    with io.TextIOWrapper(handle, encoding="utf-8", newline="") as text:
        try:
            header_line = handle.readline(1 << 20).split(b"\n", 1)[0].decode("utf-8", "replace")
            handle.seek(len(codecs.BOM_UTF8) if header_line.startswith("\ufeff") else 0)
        except OSError as error:
            raise unreadable(error) from None
        found = [d for d in _CSV_DELIMITERS if d in header_line]
        delimiter = max(found, key=header_line.count) if found else ","
        reader = csv.reader(text, delimiter=delimiter, strict=True)
        while True:
            # A long text belongs in a case field, whose own limit gives a message
            # naming the row and the field; the csv module's 128 KB limit would fail
            # the whole file instead. The limit is the module's: raised per record only.
            previous = csv.field_size_limit()
            csv.field_size_limit(max(previous, _CSV_FIELD_LIMIT))
            try:
                record = next(reader, None)
            except csv.Error as error:
                message = Message(MSG_CSV_BROKEN, source=str(source), line=reader.line_num, reason=str(error))
                raise BatchSourceError(message) from None
            except UnicodeDecodeError:
                line = _undecodable_line(source)
                raise BatchSourceError(Message(MSG_CSV_NOT_UTF8, source=str(source), line=line)) from None
            except OSError as error:
                raise unreadable(error) from None
            finally:
                csv.field_size_limit(previous)
            if record is None:
                return
            yield record


def _is_case(cells: list[str]) -> bool:
    """Not a row of empty cells (an empty line of a spreadsheet, ";;;;")."""
    return any(cell.strip() for cell in cells)


def _csv_count(source: Path) -> int:
    """Read the whole CSV once: every problem of the file as a whole, then the number of cases in it."""
    records = _csv_records(source)
    header = next(records, None)
    count = sum(1 for cells in records if _is_case(cells))
    if not header or not any(name.strip() for name in header):
        raise BatchSourceError(Message(MSG_CSV_EMPTY, source=str(source)))
    names = [name.strip() for name in header]
    for name in names:
        if name and names.count(name) > 1:
            raise BatchSourceError(Message(MSG_CSV_DUPLICATE_COLUMN, source=str(source), column=name))
    if not count:
        raise BatchSourceError(Message(MSG_CSV_NO_ROWS, source=str(source)))
    return count


def _csv_cases(source: Path, expected: int) -> Iterator[BatchCase]:
    """The CSV's cases as its rows are read (``expected`` of them, as counted).

    A file changed since it was counted (saved again from a spreadsheet while
    the batch runs) ends with one failed case saying so, rather than a
    summary that does not match the file.
    """
    records = _csv_records(source)
    given = number = 0
    problem = Message(MSG_CSV_CHANGED, source=str(source), counted=expected)
    try:
        header = next(records, None) or []
        for number, cells in enumerate(records, start=1):  # noqa: B007 - the last row read names the change
            if not _is_case(cells):
                continue
            if given == expected:
                break
            row: dict[Any, Any] = dict(zip(header, cells, strict=False))
            if len(cells) > len(header):
                row[None] = cells[len(header) :]
            data, problems = csv_row_to_data(row)
            template = _safe(str(data.get("template") or "case"))
            given += 1
            yield BatchCase(
                source=f"{source.name} row {number}",
                stem=f"{_safe(source.stem)}-row-{number}-{template}",
                base_dir=str(source.parent),
                row={"data": data, "problems": [(p.field, p.message) for p in problems]},
                row_number=number,
            )
        else:
            if given == expected:
                return
    except BatchSourceError as error:
        problem = error.message
    yield BatchCase(
        source=f"{source.name} row {number}",
        stem=f"{_safe(source.stem)}-row-{number}",
        base_dir=str(source.parent),
        row={"data": None, "problems": [("", problem)]},  # no case to read: the message is the result
        row_number=number,
    )


class OutputNames:
    """Output paths for the cases of a batch as they come, none reused within the batch.

    File systems that ignore case (Windows, macOS) would let ``A.json`` and
    ``a.json`` overwrite each other, so names are compared case-folded.
    """

    def __init__(self, out_dir: Path) -> None:
        """Names go in ``out_dir``."""
        self.out_dir = out_dir
        self._taken: set[str] = set()

    def plan(self, stem: str, language: str) -> tuple[Path, Message | None]:
        """The path for ``stem`` in ``language``, and a note when the name had to change."""
        name = f"{stem}.{language}.docx"
        chosen = name
        counter = 2
        while chosen.casefold() in self._taken:
            chosen = f"{stem}-{counter}.{language}.docx"
            counter += 1
        self._taken.add(chosen.casefold())
        note = Message(MSG_RENAMED, name=name, renamed=chosen) if chosen != name else None
        return self.out_dir / chosen, note


def plan_outputs(stems: Sequence[tuple[str, str]], out_dir: Path) -> list[tuple[Path, Message | None]]:
    """Output paths for ``(stem, language)`` pairs, none reused within the batch (see :class:`OutputNames`)."""
    names = OutputNames(out_dir)
    return [names.plan(stem, language) for stem, language in stems]


# ── Rendering one case (in a worker process) ────────────────────────────


def _read_case(item: BatchCase) -> tuple[Any, list[FieldProblem]]:
    from kzcomplaint.core.case import caseio

    if item.path is not None:
        try:
            return caseio.load_case(item.path), []
        except caseio.CaseFileError as error:
            return None, [FieldProblem(p.path, p.message) for p in error.problems]
    assert item.row is not None
    # Every problem of the row at once: its columns', then its fields'.
    problems = [FieldProblem(field, message) for field, message in item.row["problems"]]
    if item.row["data"] is None:
        return None, problems
    try:
        case = caseio.parse_case(item.row["data"], item.source)
    except caseio.CaseFileError as error:
        return None, problems + [FieldProblem(p.path, p.message) for p in error.problems]
    return (None, problems) if problems else (case, [])


def case_language(item: BatchCase, language: str | None) -> str:
    """The language a case is rendered in: the batch's ``--lang`` or the case's own."""
    if language:
        return language
    if item.row is not None:
        value = (item.row["data"] or {}).get("language")
        return value if isinstance(value, str) and value in LANGUAGES else "ru"
    return ""  # decided after reading the file


def render_one(
    item: BatchCase, language: str | None, output: Path, *, overwrite: bool = False, sync: bool = True
) -> CaseResult:
    """Read, check, render and write one case; never raises for a bad case.

    An ``output`` that exists is left as it is (``skipped``) unless ``overwrite``.
    ``sync`` False leaves the output folder's sync to the caller (:func:`run_batch`
    does it once, before it returns): the document's bytes are on disk before
    its name appears either way.
    """
    from kzcomplaint.core.documents import render, templates
    from kzcomplaint.core.law import catalog, checks

    result = CaseResult(source=item.source, row_number=item.row_number)
    case, problems = _read_case(item)
    if case is None:
        result.errors = problems
        return result
    try:
        catalog.get(case.template)
    except catalog.UnknownTemplateError as error:  # says which kinds are close, as ``render`` does
        result.errors = [FieldProblem("template", Message(MSG_TEMPLATE, reason=error.message))]
        return result
    chosen = language or case.language
    result.language = chosen
    if language is None and chosen != output.name.rsplit(".", 2)[-2]:
        output = output.with_name(f"{output.name.rsplit('.', 2)[0]}.{chosen}.docx")
    if not overwrite and os.path.lexists(output):
        result.skipped = str(output)  # checked before rendering: a re-run of a big batch takes seconds
        return result
    try:
        data = render.render_docx(case, chosen, base_dir=Path(item.base_dir))
    except (templates.TemplateError, render.RenderError) as error:
        result.errors = [FieldProblem("template", Message(MSG_TEMPLATE, reason=str(error)))]
        return result
    except Exception as error:  # noqa: BLE001 - one broken case must not stop a batch of a thousand
        result.errors = [FieldProblem("", Message(MSG_UNEXPECTED, error=f"{type(error).__name__}: {error}"))]
        return result
    try:
        write_atomic(output, data, overwrite=overwrite, sync=sync)
    except FileExistsError:  # created meanwhile, by another batch into the same folder
        result.skipped = str(output)
        return result
    except OSError as error:
        reason = error.strerror or str(error)
        result.errors = [FieldProblem("", Message(MSG_WRITE_FAILED, file=str(output), reason=reason))]
        return result
    result.output = str(output)
    from kzcomplaint.core.case import evidence

    # Evidence not read (outside the case's folder — a CSV's folder —, missing…): the user is told so.
    base_dir = Path(item.base_dir)
    result.notes.extend(message for _field, message in evidence.evidence_notes(case, base_dir))
    result.blocking = [
        (p.code, p.field, dict(p.message)) for p in checks.check_case(case, base_dir=base_dir) if p.blocking
    ]
    return result


def _render_safely(item: BatchCase, language: str | None, output: str, overwrite: bool) -> CaseResult:
    """:func:`render_one`, and an unexpected error becomes this case's failure, never its neighbours'."""
    try:
        return render_one(item, language, Path(output), overwrite=overwrite, sync=False)
    except Exception as error:  # noqa: BLE001 - one broken case must not stop a batch of a thousand
        message = Message(MSG_UNEXPECTED, error=f"{type(error).__name__}: {error}")
        return CaseResult(source=item.source, row_number=item.row_number, errors=[FieldProblem("", message)])


_Work = tuple[BatchCase, str | None, str, bool]
"""One case's work: the case, the language asked for (None: its own), the output path, whether to overwrite."""


def _render_chunk(chunk: list[_Work]) -> list[CaseResult]:
    return [_render_safely(item, language, output, overwrite) for item, language, output, overwrite in chunk]


def _warm_up() -> None:
    """Load templates, the frame and the base document once per worker process."""
    from kzcomplaint.core.documents import docx_style, templates

    docx_style.base_package()
    templates.load_frame()


def _worker_start() -> None:
    """Start a worker process: Ctrl-C is the main process's to handle, then warm up.

    The terminal sends Ctrl-C to every process of the batch; a worker that
    took it would fail the cases it holds, while the main process cancels
    what has not started and lets the running chunks finish their files.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _warm_up()


# ── The batch ───────────────────────────────────────────────────────────

Progress = Callable[[int, int, CaseResult], None]
"""Called with (done, total, the result of the case just finished)."""

MSG_CSV_ROW = N_("{file}, row {row}")


def case_name(result: CaseResult, source: Path, tr: Translator) -> str:
    """A case as the user knows it, in ``tr``'s language: its file, or the CSV file and row.

    ``source`` is what the batch was given (the folder or the CSV file).
    """
    if result.row_number is None:
        return result.source
    return tr.format(MSG_CSV_ROW, file=source.name, row=result.row_number)


def run_batch(
    source: Path,
    out_dir: Path,
    *,
    language: str | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    overwrite: bool = False,
) -> BatchSummary:
    """Render every case of ``source`` into ``out_dir``.

    Args:
        source: A folder of ``*.json`` case files or one ``.csv`` file.
        out_dir: Output folder (created if missing).
        language: Render every case in this language; None = each case's own.
        jobs: Worker processes; None or 0 = ``os.cpu_count()``; 1 = this process.
        progress: Called after each case.
        cancel: When set (from another thread), no further case is started;
            cases being rendered finish, so only whole documents are written.
            The summary then has ``cancelled`` and the results of the cases done.
        overwrite: Replace documents already in ``out_dir``; by default they
            are left as they are and their cases reported as skipped.

    Raises:
        BatchSourceError: The input has no cases or cannot be read.
        OutputFolderError: The output folder cannot be created.
    """
    started = time.perf_counter()
    # More workers than cases only costs start-up time; Windows allows at most 61.
    requested = max(1, min(jobs or os.cpu_count() or 1, MAX_WORKERS))
    pool = _start_pool(requested) if requested > 1 and _long_csv(source) else None
    try:
        total, items = open_source(source)
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except (OSError, ValueError) as error:  # ValueError: a NUL in the name
            raise OutputFolderError(out_dir, error) from None
    except BaseException:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        raise
    names = OutputNames(out_dir)
    renamed: dict[int, str] = {}  # index → the case's stem, for the note naming the file written

    def planned() -> Iterator[tuple[int, _Work]]:
        # For folder input without --lang the language is known only after
        # reading; plan with the case's declared stem and fix the suffix later.
        for index, item in enumerate(items):
            path, note = names.plan(item.stem, case_language(item, language) or "doc")
            if note is not None:
                renamed[index] = item.stem
            yield index, (item, language, str(path), overwrite)

    workers = min(requested, total)
    results: list[CaseResult | None] = [None] * total
    done = 0

    def record(index: int, result: CaseResult) -> None:
        nonlocal done, total
        stem = renamed.pop(index, None)
        if stem is not None and result.ok and result.output:
            # Named after the file actually written: its language is known only now.
            name = f"{stem}.{result.language}.docx"
            result.notes.append(Message(MSG_RENAMED, name=name, renamed=Path(result.output).name))
        if index >= len(results):  # a CSV that grew since it was counted ends with one more (failed) case
            results.extend([None] * (index + 1 - len(results)))
            total = len(results)
        results[index] = result
        done += 1
        if progress:
            progress(done, total, result)

    def cancelled() -> bool:
        return cancel is not None and cancel.is_set()

    if pool is None and workers > 1:
        pool = _start_pool(workers)
    try:
        if pool is None:
            _warm_up()
            for index, entry in planned():
                if cancelled():
                    break
                record(index, _render_chunk([entry])[0])
        else:
            _run_in_pool(pool, planned(), workers, max(1, min(32, total // (workers * 8))), record, cancelled)
    finally:
        # Each document's bytes were synced before its name appeared; the names are made
        # durable here, once for the batch, before the summary (or Ctrl-C) reports them.
        atomic.sync_folder(out_dir)
    final = [r for r in results if r is not None]
    if not cancelled():
        total = len(final)  # every case given was done (a CSV changed meanwhile gave more or fewer)
    return BatchSummary(results=final, seconds=time.perf_counter() - started, total=total, cancelled=len(final) < total)


_LONG_CSV_BYTES = 1 << 20
"""A CSV this long (a few hundred cases) takes a noticeable time to read through before the first case."""


def _long_csv(source: Path) -> bool:
    try:
        return source.suffix.lower() == ".csv" and source.stat().st_size >= _LONG_CSV_BYTES
    except (OSError, ValueError):
        return False  # open_source says what is wrong with it


def _start_pool(workers: int) -> concurrent.futures.ProcessPoolExecutor:
    """Worker processes, started now: they load the renderer while this process reads the input."""
    pool = concurrent.futures.ProcessPoolExecutor(max_workers=workers, initializer=_worker_start)
    pool.submit(int)  # the first task starts every worker (and its warm-up) at once
    return pool


def _run_in_pool(
    pool: concurrent.futures.ProcessPoolExecutor,
    work: Iterator[tuple[int, _Work]],
    workers: int,
    size: int,
    record: Callable[[int, CaseResult], None],
    cancelled: Callable[[], bool],
) -> None:
    """Render ``work`` in worker processes, a few chunks ahead of the results, never the whole input at once."""
    Chunk = list[tuple[int, _Work]]

    def chunks() -> Iterator[Chunk]:
        chunk: Chunk = []
        for entry in work:
            chunk.append(entry)
            if len(chunk) == size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    pending: dict[concurrent.futures.Future[list[CaseResult]], Chunk] = {}
    source = chunks()
    ahead = workers * 4  # enough queued that no worker waits, few enough that memory stays flat
    with pool:

        def submit() -> None:
            while len(pending) < ahead and not cancelled():
                chunk = next(source, None)
                if chunk is None:
                    return
                pending[pool.submit(_render_chunk, [entry for _, entry in chunk])] = chunk

        def take(future: concurrent.futures.Future[list[CaseResult]]) -> None:
            chunk = pending.pop(future)
            try:
                chunk_results = future.result()
            except Exception as error:  # noqa: BLE001 - a crashed worker fails its cases, not the batch
                message = Message(MSG_UNEXPECTED, error=f"{type(error).__name__}: {error}")
                chunk_results = [
                    CaseResult(source=item.source, row_number=item.row_number, errors=[FieldProblem("", message)])
                    for _, (item, *_) in chunk
                ]
            for (index, _), result in zip(chunk, chunk_results, strict=True):
                record(index, result)

        try:
            submit()
            while pending:
                finished, _ = concurrent.futures.wait(pending, return_when=concurrent.futures.FIRST_COMPLETED)
                for future in finished:
                    take(future)
                if cancelled():
                    break
                submit()
        except BaseException:
            # Ctrl-C: chunks not yet started are dropped; running ones finish
            # their files (each written atomically), then the pool closes.
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        if cancelled():
            # As for Ctrl-C, and the chunks that finished meanwhile are reported:
            # the summary names every document written.
            pool.shutdown(wait=True, cancel_futures=True)
            for future in list(pending):
                if future.done() and not future.cancelled():
                    take(future)


__all__ = [
    "BatchCase",
    "BatchSourceError",
    "BatchSummary",
    "CaseResult",
    "OutputFolderError",
    "FieldProblem",
    "OutputNames",
    "collect",
    "csv_row_to_data",
    "file_in_the_way",
    "open_source",
    "plan_outputs",
    "render_one",
    "run_batch",
    "write_atomic",
]
