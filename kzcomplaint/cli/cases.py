"""The quick sub-commands: ``check``, ``deadlines`` and ``templates``.

They load only the core (no Qt, no python-docx) so they answer in well under
half a second. Human output is in the interface language; ``--json`` output
is stable and language-neutral apart from the message texts.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzcomplaint.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE
from kzcomplaint.core.text.i18n import N_, Message, Translator

if TYPE_CHECKING:
    import argparse  # only to parse a command

    from kzcomplaint.core.case.caseio import CaseFileError
    from kzcomplaint.core.case.model import Case
    from kzcomplaint.core.law.citations import Citation


def run(args: argparse.Namespace, tr: Translator) -> int:
    """Dispatch one of the quick sub-commands; return the exit code."""
    handlers = {"check": _check, "deadlines": _deadlines, "templates": _templates}
    return handlers[args.command](args, tr)


def emit_json(data: dict[str, Any]) -> None:
    """Write ``data`` as JSON in one piece: the output is whole, valid JSON or nothing."""
    stream = sys.stdout
    # Readable UTF-8 where the stream is UTF-8; elsewhere (a Windows pipe in
    # cp1251) \uXXXX escapes, which every JSON reader turns back into the text.
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
    text = json.dumps(data, ensure_ascii=not encoding.startswith("utf"), indent=2)
    try:
        text.encode(encoding if encoding.startswith("utf") else "ascii")
    except (UnicodeEncodeError, LookupError):
        # A character no encoding can write (a lone surrogate from a file's
        # "\ud800"): escaped, the JSON is still valid and means the same.
        text = json.dumps(data, ensure_ascii=True, indent=2)
    stream.write(text + "\n")


# Control characters in a name (a case file called "\x1b[2J.json" in a folder
# someone sent) would drive the terminal; they are shown escaped instead.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with control characters (a line break too) and lone surrogates shown escaped: one line."""
    return _UNPRINTABLE.sub(lambda match: repr(match.group())[1:-1], text)


def warn(text: str) -> None:
    """Print ``text`` on stderr as a message of the program, escaped for the terminal."""
    sys.stderr.write(f"kzcomplaint: {printable(text)}\n")


def fail(text: str) -> int:
    """Print ``text`` as the program's error message; return the exit code of unusable input."""
    warn(text)
    return EXIT_UNREADABLE


def _report_calendar_warnings(tr: Translator) -> None:
    """Tell the user, on stderr, about calendar data that was ignored (a broken calendar.toml of theirs).

    The terms were counted without it, so a decreed transfer the user added
    may be missing from them; silence would make that invisible.
    """
    from kzcomplaint.core.law import calendar

    for warning in calendar.default_calendar().load_warnings:
        warn(warning.render(tr))


MSG_READ_TEXT = N_("Text: kzcomplaint law {provision}")


def ground_lines(
    citation: Citation | None, via: Citation | None, practice: Citation | None, tr: Translator
) -> list[str]:
    """How a rule's grounds print: the provision (or that none applies), its door, the practice behind it."""
    from kzcomplaint.core.law import texts
    from kzcomplaint.core.law.citations import MSG_NO_PROVISION, MSG_PRACTICE, MSG_VIA

    law = tr.gettext(N_("Law:"))
    if citation is None:
        lines = [f"{law} {tr.gettext(MSG_NO_PROVISION)}"]
    else:
        unconfirmed = tr.gettext(N_("unconfirmed"))
        mark = "" if citation.is_confirmed else f" [{unconfirmed}]"
        lines = [f"{law} {citation.text(tr.language)}{mark}"]
        if texts.texts_for(citation):
            lines.append(tr.format(MSG_READ_TEXT, provision=texts.provision_id(citation)))
    if via is not None:
        lines.append(tr.format(MSG_VIA, via=via.text(tr.language)))
    if practice is not None:
        lines.append(tr.format(MSG_PRACTICE, practice=practice.text(tr.language)))
    return lines


def load_case_or_report(path: str, tr: Translator, *, as_json: bool = False) -> Case | None:
    """Load a case file, or print every problem in it and return None.

    The problems always go to stderr for people; with ``as_json`` they also go
    to stdout as ``{"error": {"file", "problems": [{"field", "message"}]}}`` so
    a program reading the JSON learns why there is no result.
    """
    from kzcomplaint.core.case import caseio

    try:
        return caseio.load_case(path)
    except caseio.CaseFileError as error:
        report_case_error(error, tr, as_json=as_json)
        return None


def report_case_error(error: CaseFileError, tr: Translator, *, as_json: bool = False) -> None:
    """Print every problem of a case file that cannot be used, as :func:`load_case_or_report` does."""
    lines = [tr.format(N_("{file}: the case file cannot be used:"), file=error.source)]
    for problem in error.problems:
        where = problem.path or tr.gettext(N_("(whole file)"))
        lines.append(f"  - {where}: {problem.message.render(tr)}")
    sys.stderr.write("\n".join(printable(line) for line in lines) + "\n")
    if as_json:
        problems = [{"field": p.path, "message": p.message.render(tr)} for p in error.problems]
        emit_json({"error": {"file": str(error.source), "problems": problems}})


def parse_date_arg(value: str | None, option: str, tr: Translator) -> dt.date | None:
    """Parse a date given on the command line; raise SystemExit(2) with a message."""
    if value is None:
        return None
    from kzcomplaint.core.text import dates

    try:
        return dates.parse_date(value)
    except dates.DateError as error:
        fail(f"{option}: {error.message.render(tr)}")
        raise SystemExit(EXIT_UNREADABLE) from None


def parse_time_arg(value: str | None, option: str, tr: Translator) -> str:
    """Parse a time of day (HH:MM) given on the command line ("" when none); raise SystemExit(2) with a message."""
    if not value:
        return ""
    from kzcomplaint.core.text import dates

    try:
        return dates.parse_time(value)
    except dates.DateError as error:
        fail(f"{option}: {error.message.render(tr)}")
        raise SystemExit(EXIT_UNREADABLE) from None


def _check(args: argparse.Namespace, tr: Translator) -> int:
    from kzcomplaint.core.law import checks

    case = load_case_or_report(args.case, tr, as_json=args.json)
    if case is None:
        return EXIT_UNREADABLE
    today = parse_date_arg(args.today, "--today", tr)
    problems = checks.check_case(case, today=today, base_dir=Path(args.case).resolve().parent)
    _report_calendar_warnings(tr)
    blocking = [p for p in problems if p.blocking]
    if args.json:
        emit_json({"problems": [p.as_json(tr.language) for p in problems]})
        return EXIT_PROBLEMS if blocking else EXIT_OK
    if not problems:
        print(tr.gettext(N_("No problems found: the case is complete in form.")))
        return EXIT_OK
    labels = {"blocking": tr.gettext(N_("BLOCKING")), "warning": tr.gettext(N_("warning"))}
    how_to_fix = tr.gettext(N_("How to fix:"))
    for problem in problems:
        print(f"[{labels.get(problem.severity, problem.severity)}] {problem.code} ({problem.field})")
        print(f"    {problem.message[tr.language]}")
        print(f"    {how_to_fix} {problem.hint[tr.language]}")
        for line in ground_lines(problem.citation, problem.via, problem.practice, tr):
            print(f"    {line}")
    print()
    print(
        tr.format(
            N_("{blocking} blocking problem(s), {warnings} warning(s)."),
            blocking=len(blocking),
            warnings=len(problems) - len(blocking),
        )
    )
    return EXIT_PROBLEMS if blocking else EXIT_OK


def _deadlines(args: argparse.Namespace, tr: Translator) -> int:
    from kzcomplaint.core.law import deadlines

    today = parse_date_arg(args.today, "--today", tr)
    if args.rule:
        if args.case:
            return fail(tr.gettext(N_("give either a case file or --rule, not both")))
        if not args.event:
            return fail(tr.gettext(N_("--rule needs --event DATE")))
        event = parse_date_arg(args.event, "--event", tr)
        voting_day = parse_date_arg(args.voting_day, "--voting-day", tr)
        try:
            results = [deadlines.compute(args.rule, event, voting_day=voting_day, today=today)]
        except deadlines.UnknownRuleError as error:
            return fail(error.message.render(tr))
    elif args.case:
        if args.event or args.voting_day:
            # The case holds its own dates; silently ignoring these would compute other terms than asked.
            return fail(tr.gettext(N_("--event and --voting-day go with --rule; a case file uses its own dates")))
        case = load_case_or_report(args.case, tr, as_json=args.json)
        if case is None:
            return EXIT_UNREADABLE
        from kzcomplaint.core.law import catalog

        try:
            catalog.get(case.template)
        except catalog.UnknownTemplateError as error:
            # Without a document kind there is no term to compute; an empty
            # list would read as "no deadlines" in a case whose term may be running.
            reason = error.message.render(tr)
            return fail(tr.format(N_("{file}: field “template”: {reason}"), file=args.case, reason=reason))
        results = deadlines.case_deadlines(case, today=today)
    else:
        return fail(tr.gettext(N_("give a case file, or --rule ID --event DATE")))
    _report_calendar_warnings(tr)
    if args.json:
        emit_json({"deadlines": [d.as_json(tr) for d in results]})
        return EXIT_OK
    for deadline in results:
        print(f"{deadline.title[tr.language]} ({deadline.rule})")
        if deadline.immediate:
            print("  " + tr.gettext(N_("Last day: immediately — without delay (same day)")))
        elif deadline.last_day is not None:
            print("  " + Message(N_("Last day: {date}"), date=deadline.last_day).render(tr))
        for number, step in enumerate(deadline.steps, start=1):
            print(f"    {number}. {step.render(tr)}")
        for warning in deadline.warnings:
            print(f"  ! {warning.message.render(tr)}")
        for line in ground_lines(deadline.citation, deadline.via, None, tr):
            print(f"  {line}")
        print()
    return EXIT_OK


def _templates(args: argparse.Namespace, tr: Translator) -> int:
    from kzcomplaint.core.law import catalog

    kinds = catalog.catalog()
    if args.json:
        entries = []
        for info in kinds.values():
            entry = catalog.as_json(info)
            entry["questions"] = _questions_json(info.id)
            entries.append(entry)
        emit_json({"templates": entries})
        return EXIT_OK
    for group in catalog.groups():
        print(group.title[tr.language])
        for kind_id in group.kinds:
            info = kinds[kind_id]
            print(f"  {info.id:32} {info.title[tr.language]}")
            print(f"  {'':32} {info.description[tr.language]}")
        print()
    return EXIT_OK


def _questions_json(template_id: str) -> list[dict[str, Any]]:
    """The questions a document kind asks (its template is validated by the test suite)."""
    from kzcomplaint.core.documents import templates

    return [question.as_json() for question in templates.load_template(template_id).questions]
