"""The document sub-commands: ``render``, ``batch`` and ``blank``.

Exit codes: 0 the document was written; 1 written, but blocking problems
remain (``render``) or some cases failed (``batch``); 2 the case, template or
input cannot be read, or the output cannot be written. Every failure is a
message naming the file and the field, never a traceback. Human output is in
the interface language (``tr``); documents are in the language asked for.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from kzcomplaint.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE
from kzcomplaint.cli.cases import printable, warn
from kzcomplaint.core.text.i18n import N_, Message, Translator

if TYPE_CHECKING:
    from kzcomplaint.core.documents.batch import CaseResult


def run(args: argparse.Namespace, tr: Translator) -> int:
    """Dispatch ``render``, ``batch`` or ``blank``; return the exit code."""
    handlers = {"render": _render, "batch": _batch, "blank": _blank}
    return handlers[args.command](args, tr)


MSG_FILE_IN_THE_WAY = N_("{file}: {blocker} is a file, not a folder. Choose another folder.")


def _same_file(path: Path, other: str | None) -> bool:
    if other is None:
        return False
    try:
        return os.path.samefile(path, other)
    except (OSError, ValueError):
        return False


def write_document(path: Path, data: bytes, tr: Translator, *, source: str | None = None) -> bool:
    """Write the document atomically; on failure print why and return False.

    Never replaces ``source`` (the case file being rendered), a folder, or
    anything that is not an ordinary file (``/dev/null`` would be replaced by
    a file when run as root).
    """
    from kzcomplaint.core.documents.batch import file_in_the_way, write_atomic

    try:
        if _same_file(path, source):
            message = N_(
                "{file}: this is the case file itself; writing the document there would destroy the case. "
                "Give another name, ending in .docx."
            )
            warn(tr.format(message, file=str(path)))
            return False
        if path.is_dir():
            warn(tr.format(N_("{file}: is a folder; give the name of a .docx file"), file=str(path)))
            return False
        if path.exists() and not path.is_file():
            message = N_("{file}: not an ordinary file (a device or a pipe); give the name of a .docx file")
            warn(tr.format(message, file=str(path)))
            return False
        blocker = file_in_the_way(path.parent)
        if blocker is not None:
            warn(tr.format(MSG_FILE_IN_THE_WAY, file=str(path), blocker=str(blocker)))
            return False
        write_atomic(path, data)
    except (OSError, ValueError) as error:  # ValueError: a NUL in the name
        reason = getattr(error, "strerror", None) or str(error)
        warn(tr.format(N_("{file}: the document cannot be written: {reason}"), file=str(path), reason=reason))
        return False
    return True


def _template_problem(source: str, error: Exception, tr: Translator) -> None:
    from kzcomplaint.core.law import catalog

    if isinstance(error, catalog.UnknownTemplateError):
        reason = error.message.render(tr)
    else:
        reason = str(error)
    warn(tr.format(N_("{file}: field “template”: {reason}"), file=source, reason=reason))


def _render(args: argparse.Namespace, tr: Translator) -> int:
    from kzcomplaint.cli.cases import load_case_or_report
    from kzcomplaint.core.documents import render, templates
    from kzcomplaint.core.law import catalog, checks

    case = load_case_or_report(args.case, tr)
    if case is None:
        return EXIT_UNREADABLE
    language = args.lang or case.language
    try:
        catalog.get(case.template)
        data = render.render_docx(case, language, base_dir=Path(args.case).resolve().parent)
    except (catalog.UnknownTemplateError, templates.TemplateError, render.RenderError) as error:
        _template_problem(args.case, error, tr)
        return EXIT_UNREADABLE
    output = Path(args.output)
    if not write_document(output, data, tr, source=args.case):
        return EXIT_UNREADABLE
    print(tr.format(N_("Written: {file}"), file=str(output)))
    from kzcomplaint.core.case import evidence

    base_dir = Path(args.case).resolve().parent
    for field, note in evidence.evidence_notes(case, base_dir):
        warn(f"{args.case}: {field}: {note.render(tr)}")
    for note in render.language_notes(case, language):
        print(f"! {note.render(tr)}")
    blocking = [p for p in checks.check_case(case, base_dir=base_dir) if p.blocking]
    if not blocking:
        return EXIT_OK
    print(
        tr.format(
            N_("{count} blocking problem(s) remain; the missing details are left blank in the document:"),
            count=len(blocking),
        )
    )
    for problem in blocking:
        print(f"  - {problem.code} ({problem.field}): {problem.message[tr.language]}")
    return EXIT_PROBLEMS


def _blank(args: argparse.Namespace, tr: Translator) -> int:
    from kzcomplaint.core.documents import render, templates
    from kzcomplaint.core.law import catalog

    try:
        catalog.get(args.template)
        data = render.render_blank(args.template, args.lang)
    except (catalog.UnknownTemplateError, templates.TemplateError, render.RenderError) as error:
        _template_problem(args.template, error, tr)
        return EXIT_UNREADABLE
    output = Path(args.output)
    if not write_document(output, data, tr):
        return EXIT_UNREADABLE
    print(tr.format(N_("Written: {file}"), file=str(output)))
    return EXIT_OK


class _ProgressLine:
    """``[ 37/1000] name`` on stderr: rewritten in place on a terminal, a line now and then otherwise."""

    def __init__(self, source: Path, tr: Translator) -> None:
        self.tty = sys.stderr.isatty()
        self.last = 0.0
        self.source = source
        self.tr = tr

    def __call__(self, done: int, total: int, result: CaseResult) -> None:
        from kzcomplaint.core.documents import batch

        width = len(str(total))
        text = printable(f"[{done:>{width}}/{total}] {Path(batch.case_name(result, self.source, self.tr)).name}")
        if self.tty:
            sys.stderr.write("\r" + text[:78].ljust(78))
            if done == total:
                sys.stderr.write("\n")
            sys.stderr.flush()
            return
        now = time.monotonic()
        if done == total or now - self.last >= 2.0 or done == 1:
            self.last = now
            sys.stderr.write(text + "\n")
            sys.stderr.flush()


def _batch(args: argparse.Namespace, tr: Translator) -> int:
    from kzcomplaint.core.documents import batch

    if args.jobs < 0:
        warn(tr.gettext(N_("--jobs must be 0 (one per CPU) or more")))
        return EXIT_UNREADABLE
    try:
        summary = batch.run_batch(
            Path(args.source),
            Path(args.output),
            language=args.lang,
            jobs=args.jobs or None,
            progress=_ProgressLine(Path(args.source), tr),
            overwrite=args.overwrite,
        )
    except batch.BatchSourceError as error:
        warn(error.message.render(tr))
        return EXIT_UNREADABLE
    except batch.OutputFolderError as error:
        blocker = batch.file_in_the_way(Path(args.output))
        if blocker is not None:
            warn(tr.format(MSG_FILE_IN_THE_WAY, file=args.output, blocker=str(blocker)))
            return EXIT_UNREADABLE
        message = N_("{file}: the output folder cannot be created: {reason}")
        warn(tr.format(message, file=args.output, reason=error.reason))
        return EXIT_UNREADABLE
    for result in summary.results:
        name = batch.case_name(result, Path(args.source), tr)
        for problem in result.errors:
            where = problem.field or tr.gettext(N_("(whole file)"))
            warn(f"{name}: {where}: {problem.message.render(tr)}")
        for note in result.notes:
            warn(f"{name}: {note.render(tr)}")
        if result.skipped is not None:
            warn(f"{name}: {Message(batch.MSG_EXISTS, file=result.skipped).render(tr)}")
        if result.ok and result.blocking:
            codes = ", ".join(code for code, _, _ in result.blocking)
            print(
                tr.format(
                    N_("{file}: {count} blocking problem(s): {codes}"),
                    file=printable(name),
                    count=len(result.blocking),
                    codes=codes,
                )
            )
    print(
        tr.format(
            N_(
                "Rendered: {rendered}, skipped (already there): {skipped}, failed: {failed}, "
                "with blocking problems: {blocking}, time: {seconds} s"
            ),
            rendered=summary.rendered,
            skipped=summary.skipped,
            failed=summary.failed,
            blocking=summary.with_blocking,
            seconds=f"{summary.seconds:.1f}",
        )
    )
    return EXIT_PROBLEMS if summary.failed else EXIT_OK
