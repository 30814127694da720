"""After filing: ``filed``, ``refused``, ``answered``, ``escalate``, ``timeline`` and ``ics``.

The same core calls as the GUI's timeline: ``core.filing.record`` records
what happened and rewrites the case file atomically (mode 0600; on any
error the file is left as it was), ``core.filing.chain`` drafts the next
document, ``core.filing.timeline`` says what is due, ``core.filing.ics``
writes the calendar. Exit codes: 0 done; 2 the case cannot be read, the
record does not fit it, the next document cannot follow, or a file cannot
be written — always with a message, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzcomplaint.cli import EXIT_OK, EXIT_UNREADABLE
from kzcomplaint.cli.cases import (
    emit_json,
    fail,
    load_case_or_report,
    parse_date_arg,
    parse_time_arg,
    report_case_error,
    warn,
)
from kzcomplaint.core.text.i18n import N_, Message, Translator

if TYPE_CHECKING:
    from collections.abc import Callable

    from kzcomplaint.core.case.model import Case
    from kzcomplaint.core.filing.timeline import Timeline

HOW = ("in_person", "post", "email", "efiling")
OUTCOMES = ("granted", "partly", "rejected", "returned")
REASONS = ("no_answer", "rejected", "refused")

MSG_RECORDED_FILING = N_("{file}: recorded as handed in on {date}.")
MSG_RECORDED_REFUSAL = N_("{file}: recorded as refused on {date}.")
MSG_RECORDED_ANSWER = N_("{file}: answer of {date} recorded: {outcome}.")
MSG_NOW_DUE = N_("Due now:")
MSG_NEXT = N_("Next steps (kzcomplaint escalate {file} --to KIND -o NEXT.json):")
MSG_ACT_HINT = N_(
    "The act of the refusal, for the witnesses to sign: kzcomplaint escalate {file} --to {act} -o ACT.json"
)
MSG_WRITTEN_NEXT = N_("{file}: “{title}” drafted from {source}.")
MSG_EXISTS = N_("{file} exists already; a case file is never overwritten. Give another name.")
MSG_NOT_JSON = N_("{file}: give the name of a .json case file.")
MSG_ICS_WRITTEN = N_("{file}: {count} term(s) of {cases} case(s) written.")
MSG_NOT_A_CASE_SKIPPED = N_("{file}: skipped, not a usable case file ({reason}).")
MSG_NO_CASES = N_("No case file was found in {paths}.")
MSG_WRITE_FAILED = N_("{file}: cannot be written ({reason}).")
MSG_STEP = N_("Step {number}: {title}")


def add_parsers(commands: Any, common: argparse.ArgumentParser, tr: Translator) -> None:
    """Add the after-filing sub-commands to the main parser."""
    t = tr.gettext

    filed = commands.add_parser("filed", parents=[common], help=t(N_("record that a document was handed in")))
    filed.add_argument("--on", metavar="DATE", required=True, help=t(N_("the day the body received it")))
    filed.add_argument("--time", metavar="HH:MM", help=t(N_("the time it was handed in")))
    filed.add_argument("--number", metavar="N", help=t(N_("the registration (incoming) number")))
    filed.add_argument("--by", metavar="NAME", help=t(N_("who accepted it")))
    filed.add_argument("--position", metavar="TEXT", help=t(N_("their position")))
    filed.add_argument("--where", metavar="TEXT", help=t(N_("where it was handed in")))
    filed.add_argument("--how", choices=HOW, default="in_person", help=t(N_("how it was handed in")))

    refused = commands.add_parser(
        "refused", parents=[common], help=t(N_("record that a body refused to accept a document"))
    )
    refused.add_argument("--on", metavar="DATE", required=True, help=t(N_("the day of the refusal")))
    refused.add_argument("--time", metavar="HH:MM", help=t(N_("the time of the refusal")))
    refused.add_argument("--by", metavar="NAME", help=t(N_("who refused")))
    refused.add_argument("--position", metavar="TEXT", help=t(N_("their position")))
    refused.add_argument("--where", metavar="TEXT", help=t(N_("where it happened")))
    refused.add_argument("--how", choices=HOW, default="in_person", help=t(N_("how the document was offered")))
    refused.add_argument("--grounds", metavar="TEXT", help=t(N_("the grounds given for the refusal")))
    refused.add_argument(
        "--witness",
        metavar="NAME",
        action="append",
        default=[],
        help=t(N_("a witness (repeat for each); after a comma, how to reach them")),
    )

    answered = commands.add_parser("answered", parents=[common], help=t(N_("record the body's answer")))
    answered.add_argument("--on", metavar="DATE", required=True, help=t(N_("the date of the answer")))
    answered.add_argument("--outcome", choices=OUTCOMES, required=True, help=t(N_("what the answer said")))
    answered.add_argument("--number", metavar="N", help=t(N_("the answer's number")))

    escalate = commands.add_parser(
        "escalate", parents=[common], help=t(N_("draft the next document of the chain from this one"))
    )
    escalate.add_argument("--to", metavar="KIND", required=True, help=t(N_("the next document's kind")))
    escalate.add_argument("--reason", choices=REASONS, help=t(N_("how this step ended (default: as recorded)")))
    escalate.add_argument("-o", "--output", metavar="NEXT.json", required=True, help=t(N_("the new case file")))

    timeline = commands.add_parser(
        "timeline", parents=[common], help=t(N_("every step of a case and what is due next"))
    )
    timeline.add_argument("--json", action="store_true", help=t(N_("machine-readable output")))

    ics = commands.add_parser("ics", parents=[common], help=t(N_("the running terms as a calendar (.ics)")))
    ics.add_argument("paths", metavar="CASE_OR_DIR", nargs="+", help=t(N_("case files, or folders of them")))
    ics.add_argument("-o", "--output", metavar="FILE.ics", required=True, help=t(N_("the calendar file")))
    ics.add_argument(
        "--remind-days", type=int, default=2, metavar="N", help=t(N_("first reminder, days before (default 2)"))
    )
    # Every command but ics works on one case file; every one takes a training date, listed last.
    for parser in (filed, refused, answered, escalate, timeline):
        parser.add_argument("case", metavar="CASE", help=t(N_("case file (.json)")))
    for parser in (filed, refused, answered, escalate, timeline, ics):
        parser.add_argument("--today", metavar="DATE", help=t(N_("take this date as today (for training)")))


def run(args: argparse.Namespace, tr: Translator) -> int:
    """Dispatch one of the after-filing sub-commands; return the exit code."""
    handlers = {
        "filed": _filed,
        "refused": _refused,
        "answered": _answered,
        "escalate": _escalate,
        "timeline": _timeline,
        "ics": _ics,
    }
    return handlers[args.command](args, tr)


def _legal(day: dt.date | None, tr: Translator) -> str:
    from kzcomplaint.core.text import legal_dates

    return legal_dates.format_legal_date(day, tr.language) if day is not None else ""


def _update(args: argparse.Namespace, tr: Translator, change: Callable[[Case], Case]) -> Case | None:
    """Record in the case file; print why not and return None when it cannot be done."""
    from kzcomplaint.core.case import caseio
    from kzcomplaint.core.filing import record

    try:
        return record.update_case_file(args.case, change)
    except caseio.CaseFileError as error:
        report_case_error(error, tr)
    except record.RecordError as error:
        fail(f"{args.case}: {error.message.render(tr)}")
    except caseio.CaseSaveError as error:
        fail(error.message.render(tr))
    return None


def _print_due(case: Case, path: str, tr: Translator, today: dt.date | None) -> None:
    from kzcomplaint.core.filing import timeline

    found = timeline.case_timeline(case, today=today)
    _print_due_of(found, path, tr)


def _print_due_of(found: Timeline, path: str, tr: Translator) -> None:
    from kzcomplaint.core.filing import chain

    note = found.note()
    if note is not None:
        print(note.render(tr))
    else:
        print(tr.gettext(MSG_NOW_DUE))
        for item in found.due:
            deadline = item.deadline
            rule = f"{deadline.title[tr.language]} ({deadline.citation.text(tr.language)})"
            print(f"  - {item.message().render(tr)} — {rule}")
            for warning in deadline.warnings:
                print(f"      ! {warning.message.render(tr)}")
    if found.proposals:
        print(tr.format(MSG_NEXT, file=path))
        for proposal in found.proposals:
            addressee = chain.body_text(proposal.addressee, tr.language)
            print(f"  {proposal.kind:32} {proposal.title[tr.language]} → {addressee}")
    if found.end == "refused" and any(step.current and step.refusals for step in found.steps):
        print(tr.format(MSG_ACT_HINT, file=path, act=chain.REFUSAL_ACT))


def _filed(args: argparse.Namespace, tr: Translator) -> int:
    from kzcomplaint.core.case.model import Filing
    from kzcomplaint.core.filing import record

    today = parse_date_arg(args.today, "--today", tr)
    filing = Filing(
        date=parse_date_arg(args.on, "--on", tr),
        time=parse_time_arg(args.time, "--time", tr),
        place=args.where or "",
        number=args.number or "",
        accepted_by=args.by or "",
        position=args.position or "",
        how=args.how,
    )
    case = _update(args, tr, lambda case: record.record_filing(case, filing, today=today))
    if case is None:
        return EXIT_UNREADABLE
    print(tr.format(MSG_RECORDED_FILING, file=args.case, date=_legal(filing.date, tr)))
    _print_due(case, args.case, tr, today)
    return EXIT_OK


def _witness(text: str) -> tuple[str, str]:
    name, _, contact = text.partition(",")
    return name.strip(), contact.strip()


def _refused(args: argparse.Namespace, tr: Translator) -> int:
    from kzcomplaint.core.case.model import Refusal, Witness
    from kzcomplaint.core.filing import record

    today = parse_date_arg(args.today, "--today", tr)
    refusal = Refusal(
        date=parse_date_arg(args.on, "--on", tr),
        time=parse_time_arg(args.time, "--time", tr),
        place=args.where or "",
        refused_by=args.by or "",
        position=args.position or "",
        how=args.how,
        grounds=args.grounds or "",
        witnesses=[Witness(name, contact) for name, contact in map(_witness, args.witness) if name],
    )
    case = _update(args, tr, lambda case: record.record_refusal(case, refusal, today=today))
    if case is None:
        return EXIT_UNREADABLE
    print(tr.format(MSG_RECORDED_REFUSAL, file=args.case, date=_legal(refusal.date, tr)))
    _print_due(case, args.case, tr, today)
    return EXIT_OK


def _answered(args: argparse.Namespace, tr: Translator) -> int:
    from kzcomplaint.core.case.model import Answer
    from kzcomplaint.core.filing import record, timeline

    today = parse_date_arg(args.today, "--today", tr)
    answer = Answer(outcome=args.outcome, date=parse_date_arg(args.on, "--on", tr), number=args.number or "")
    case = _update(args, tr, lambda case: record.record_answer(case, answer, today=today))
    if case is None:
        return EXIT_UNREADABLE
    outcome = Message(timeline.OUTCOME_NAMES[answer.outcome])
    print(tr.format(MSG_RECORDED_ANSWER, file=args.case, date=_legal(answer.date, tr),
                    outcome=outcome.render(tr)))
    _print_due(case, args.case, tr, today)
    return EXIT_OK


def _escalate(args: argparse.Namespace, tr: Translator) -> int:
    from kzcomplaint.core.case import caseio
    from kzcomplaint.core.filing import chain
    from kzcomplaint.core.law import catalog

    today = parse_date_arg(args.today, "--today", tr)
    target = Path(args.output)
    if target.suffix.lower() != ".json":
        return fail(tr.format(MSG_NOT_JSON, file=args.output))
    if target.exists() or target.is_symlink():
        return fail(tr.format(MSG_EXISTS, file=args.output))
    case = load_case_or_report(args.case, tr)
    if case is None:
        return EXIT_UNREADABLE
    try:
        catalog.get(args.to)
    except catalog.UnknownTemplateError as error:
        return fail(f"--to: {error.message.render(tr)}")
    try:
        if args.to == chain.REFUSAL_ACT:
            drafted, warnings = chain.refusal_act(case, today=today), list[Message]()
        else:
            drafted, warnings = chain.next_case(case, args.to, args.reason, today=today)
    except chain.EscalationError as error:
        return fail(f"{args.case}: {error.message.render(tr)}")
    try:
        caseio.save_case(drafted, target)
    except caseio.CaseSaveError as error:
        return fail(error.message.render(tr))
    for warning in warnings:
        warn(warning.render(tr))
    title = catalog.get(drafted.template).title[tr.language]
    print(tr.format(MSG_WRITTEN_NEXT, file=str(target), title=title, source=args.case))
    _print_due(drafted, str(target), tr, today)
    return EXIT_OK


def _timeline(args: argparse.Namespace, tr: Translator) -> int:
    from kzcomplaint.core.filing import timeline

    today = parse_date_arg(args.today, "--today", tr)
    case = load_case_or_report(args.case, tr, as_json=args.json)
    if case is None:
        return EXIT_UNREADABLE
    found = timeline.case_timeline(case, today=today)
    if args.json:
        emit_json({"timeline": found.as_json(tr)})
        return EXIT_OK
    for line in timeline_lines(found, tr):
        print(line)
    print()
    _print_due_of(found, args.case, tr)
    return EXIT_OK


def timeline_lines(found: Timeline, tr: Translator) -> list[str]:
    """The steps of a timeline as lines of text in ``tr``'s language (the GUI shows the same messages)."""
    lines: list[str] = []
    for step in found.steps:
        lines.append(tr.format(MSG_STEP, number=step.number, title=step.title[tr.language]))
        lines.append("    " + step.where().render(tr))
        for parts in step.handed_in():
            lines.append("    " + "; ".join(part.render(tr) for part in parts))
        for message in (step.term(), step.outcome(found.granted)):
            if message is not None:
                lines.append("    " + message.render(tr))
    return lines


def _case_files(paths: list[str], tr: Translator) -> list[tuple[str, Case]]:
    from kzcomplaint.core.case import caseio

    found: list[tuple[str, Case]] = []
    for name in paths:
        path = Path(name)
        candidates = sorted(path.glob("*.json")) if path.is_dir() else [path]
        for candidate in candidates:
            try:
                found.append((candidate.name, caseio.load_case(candidate)))
            except caseio.CaseFileError as error:
                if not path.is_dir():
                    raise
                reason = error.problems[0].message.render(tr) if error.problems else ""
                warn(tr.format(MSG_NOT_A_CASE_SKIPPED, file=str(candidate), reason=reason))
    return found


def _ics(args: argparse.Namespace, tr: Translator) -> int:
    from kzcomplaint.core.case import caseio
    from kzcomplaint.core.files import atomic
    from kzcomplaint.core.filing import ics

    today = parse_date_arg(args.today, "--today", tr)
    if args.remind_days < 0:
        return fail("--remind-days: " + tr.gettext(N_("give a number of days, 0 or more")))
    try:
        cases = _case_files(args.paths, tr)
    except caseio.CaseFileError as error:
        report_case_error(error, tr)
        return EXIT_UNREADABLE
    if not cases:
        return fail(tr.format(MSG_NO_CASES, paths=", ".join(args.paths)))
    found = ics.entries(cases, today=today)
    data = ics.entries_calendar_bytes(found, tr, reminders=ics.Reminders(days_before=args.remind_days))
    target = Path(args.output)
    if target.is_dir():
        return fail(tr.format(N_("{file}: is a folder; give the name of a .ics file"), file=args.output))
    try:
        atomic.write_private_file(target, data)
    except OSError as error:
        return fail(tr.format(MSG_WRITE_FAILED, file=args.output, reason=error.strerror or str(error)))
    print(tr.format(MSG_ICS_WRITTEN, file=args.output, count=len(found), cases=len(cases)))
    return EXIT_OK
