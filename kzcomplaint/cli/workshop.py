"""``kzcomplaint workshop …``: scenarios, a participant's exercise, its score, the key, the room.

The same core calls as the GUI's workshop menu (``core.workshop``). Human
output is in the interface language; ``--json`` output is stable. Exit
codes: 0 done, 1 a pack the checker disagrees with or drafts that could not
be scored, 2 unreadable input or a usage error.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzcomplaint.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE
from kzcomplaint.cli.cases import emit_json, fail, load_case_or_report, printable, report_case_error, warn
from kzcomplaint.core.text.i18n import N_, Message, Translator, translator

if TYPE_CHECKING:
    from kzcomplaint.core.workshop.packs import Library, PackError, Scenario

MSG_NEW_BLOCKING = N_("new blocking problem")
MSG_NOT_SCORED = N_("not scored")
MSG_NOT_ANSWERED = N_("not answered")

STATE_NAMES = {
    "open": N_("open"),
    "fixed": N_("fixed"),
    "answered_right": N_("answered right"),
    "answered_wrong": N_("answered wrong"),
}


def add_parser(
    commands: argparse._SubParsersAction[Any],
    common: argparse.ArgumentParser,
    tr: Translator,
    parser_class: type[argparse.ArgumentParser],
) -> None:
    """The ``workshop`` command and its sub-commands, help texts in ``tr``'s language."""
    from kzcomplaint.core.text.languages import LANGUAGES as languages

    t = tr.gettext
    packs = argparse.ArgumentParser(add_help=False)
    packs.add_argument(
        "--pack",
        metavar="PACK.toml",
        action="append",
        default=[],
        help=t(N_("a trainer's scenario pack besides the shipped ones (may be repeated)")),
    )
    parent = [common, packs]
    workshop = commands.add_parser(
        "workshop", parents=[common], help=t(N_("workshop mode: scenarios, exercises, scores, answer keys"))
    )
    sub = workshop.add_subparsers(dest="workshop_command", metavar="ACTION", parser_class=parser_class)
    sub.required = True

    listing = sub.add_parser("list", parents=parent, help=t(N_("list the scenarios")))
    listing.add_argument("--json", action="store_true", help=t(N_("machine-readable output")))

    start = sub.add_parser("start", parents=parent, help=t(N_("start a participant's exercise")))
    start.add_argument("scenario", metavar="SCENARIO", help=t(N_("scenario id (see workshop list)")))
    start.add_argument("--lang", choices=languages, required=True, help=t(N_("the workshop's language")))
    start.add_argument("--participant", metavar="NAME", default="", help=t(N_("the participant's name")))
    start.add_argument("-o", "--output", metavar="DRAFT.json", required=True, help=t(N_("the draft to write")))

    score = sub.add_parser("score", parents=parent, help=t(N_("score a participant's draft")))
    score.add_argument("draft", metavar="DRAFT.json", help=t(N_("the participant's draft")))
    score.add_argument("--json", action="store_true", help=t(N_("machine-readable output")))

    key = sub.add_parser("key", parents=parent, help=t(N_("the printable answer key of a scenario")))
    key.add_argument("scenario", metavar="SCENARIO", help=t(N_("scenario id (see workshop list)")))
    key.add_argument("--lang", choices=languages, required=True, help=t(N_("the workshop's language")))
    key.add_argument("-o", "--output", metavar="KEY.docx", required=True, help=t(N_("output .docx file")))

    collect = sub.add_parser(
        "collect",
        parents=parent,
        help=t(N_("score every draft of a folder, export their documents, write the results")),
    )
    collect.add_argument("folder", metavar="DIR", help=t(N_("the folder of participants' drafts")))
    collect.add_argument("-o", "--output", metavar="OUTDIR", required=True, help=t(N_("output folder")))
    collect.add_argument(
        "--lang",
        choices=languages,
        help=t(N_("language of the results and the documents (default: the interface's, and each draft's own)")),
    )
    collect.add_argument("--jobs", type=int, default=0, metavar="N", help=t(N_("parallel jobs (default: CPU count)")))

    reset = sub.add_parser(
        "reset", parents=parent, help=t(N_("give a participant a fresh start (the old draft is kept)"))
    )
    reset.add_argument("draft", metavar="DRAFT.json", help=t(N_("the participant's draft")))

    check_pack = sub.add_parser("check-pack", parents=[common], help=t(N_("check a scenario pack a trainer wrote")))
    check_pack.add_argument("pack_file", metavar="PACK.toml", help=t(N_("the pack file")))


def _pack_error(error: PackError, tr: Translator) -> int:
    for message in error.messages():
        warn(message.render(tr))
    return EXIT_UNREADABLE


def _library(args: argparse.Namespace, tr: Translator) -> Library | None:
    from kzcomplaint.core.workshop import packs

    try:
        library = packs.load_library(args.pack)
    except packs.PackError as error:
        _pack_error(error, tr)
        return None
    for unusable in library.errors:
        _pack_error(unusable, tr)
    return library


def _named_scenario(args: argparse.Namespace, tr: Translator) -> Scenario | None:
    """The scenario ``args.scenario`` of the packs at hand; None (and why, on stderr) when there is none."""
    from kzcomplaint.core.workshop.exercise import MSG_UNKNOWN_SCENARIO

    library = _library(args, tr)
    if library is None:
        return None
    scenario = library.find(args.scenario)
    if scenario is None:
        fail(Message(MSG_UNKNOWN_SCENARIO, scenario=args.scenario).render(tr))
    return scenario


def run(args: argparse.Namespace, tr: Translator) -> int:
    """Run one ``workshop`` action; return the exit code."""
    handlers = {
        "list": _list,
        "start": _start,
        "score": _score,
        "key": _key,
        "collect": _collect,
        "reset": _reset,
        "check-pack": _check_pack,
    }
    return handlers[args.workshop_command](args, tr)


def _list(args: argparse.Namespace, tr: Translator) -> int:
    from kzcomplaint.core.law import catalog

    library = _library(args, tr)
    if library is None:
        return EXIT_UNREADABLE
    if args.json:
        emit_json(
            {
                "scenarios": [
                    {
                        "id": scenario.id,
                        "pack": scenario.pack,
                        "group": scenario.group,
                        "template": scenario.draft.get("template"),
                        "languages": list(scenario.languages),
                        "today": scenario.today.isoformat(),
                        "title": dict(scenario.title),
                        "max_score": scenario.max_score,
                        "defects": [
                            {"code": defect.code, "field": defect.field, "kind": defect.kind}
                            for defect in scenario.defects
                        ],
                    }
                    for scenario in library.scenarios
                ]
            }
        )
        return EXIT_OK
    groups = {group.id: group.title[tr.language] for group in catalog.groups()}
    for group_id, group_title in groups.items():
        scenarios = [scenario for scenario in library.scenarios if scenario.group == group_id]
        if not scenarios:
            continue
        print(group_title)
        for scenario in scenarios:
            language = tr.language if tr.language in scenario.languages else scenario.languages[0]
            languages = ", ".join(scenario.languages)
            points = tr.format(N_("planted defects: {count}"), count=scenario.max_score)
            print(f"  {scenario.id:34} {scenario.title[language]}")
            print(f"  {'':34} {points}; {languages}; {scenario.pack}")
        print()
    return EXIT_OK


def _start(args: argparse.Namespace, tr: Translator) -> int:
    from kzcomplaint.core.case import caseio
    from kzcomplaint.core.workshop import exercise, packs

    scenario = _named_scenario(args, tr)
    if scenario is None:
        return EXIT_UNREADABLE
    try:
        case = exercise.start(scenario, args.lang, args.participant)
        exercise.save_new(case, args.output)
    except exercise.ExerciseError as error:
        return fail(error.message.render(tr))
    except packs.PackError as error:
        return _pack_error(error, tr)
    except caseio.CaseSaveError as error:
        return fail(error.message.render(tr))
    story = translator(args.lang)
    print(tr.format(N_("The exercise “{title}” is in {file}."), title=scenario.title[args.lang], file=args.output))
    print()
    print(story.gettext(N_("The story")))
    print(scenario.story[args.lang])
    print()
    print(story.gettext(N_("Facts sheet")))
    print(scenario.facts_sheet[args.lang])
    return EXIT_OK


def _score(args: argparse.Namespace, tr: Translator) -> int:
    from kzcomplaint.core.workshop import answers, exercise, handouts

    case = load_case_or_report(args.draft, tr, as_json=args.json)
    if case is None:
        return EXIT_UNREADABLE
    library = _library(args, tr)
    if library is None:
        return EXIT_UNREADABLE
    try:
        scenario = exercise.scenario_of(case, library, args.draft)
    except exercise.ExerciseError as error:
        return fail(error.message.render(tr))
    result = exercise.score(case, scenario)
    if args.json:
        emit_json(result.as_json())
        return EXIT_OK
    workshop = translator(result.language)
    print(f"{scenario.title[result.language]} — {result.participant or Path(args.draft).name}")
    for item in result.defects:
        mark = "+1" if item.points else " 0"
        unanswered = item.defect.kind == "question" and not item.answer
        state = workshop.gettext(MSG_NOT_ANSWERED if unanswered else STATE_NAMES[item.state])
        print(f"  [{mark}] {item.defect.code} ({item.defect.field}): {state}")
    for problem in result.new_blocking:
        print(f"  [-1] {problem.code} ({problem.field}): {workshop.gettext(MSG_NEW_BLOCKING)}")
        print(f"       {problem.message[result.language]}")
    print()
    print(workshop.format(N_("Score: {score} of {max_score}"), score=result.score, max_score=result.max_score))
    missed = [item.defect.code for item in result.missed]
    if missed:
        print()
        print(workshop.gettext(N_("The answer key for what was missed:")))
        for entry in answers.answer_key(scenario, workshop, only=missed):
            print(f"  {entry.number}. {entry.problem}")
            if entry.question:
                print(f"     {entry.question} — {workshop.format(answers.MSG_RIGHT_ANSWER, answer=entry.answer)}")
            print(f"     {workshop.gettext(handouts.MSG_WHY)} {entry.why}")
            for line in entry.law:
                print(f"     {line}")
            print(f"     {workshop.gettext(handouts.MSG_FIX)} {entry.fix}")
    return EXIT_OK


def _key(args: argparse.Namespace, tr: Translator) -> int:
    from kzcomplaint.cli.documents import write_document
    from kzcomplaint.core.workshop import exercise, handouts

    scenario = _named_scenario(args, tr)
    if scenario is None:
        return EXIT_UNREADABLE
    try:
        exercise.check_language(scenario, args.lang)
    except exercise.ExerciseError as error:
        return fail(error.message.render(tr))
    data = handouts.answer_key_docx(scenario, translator(args.lang))
    if not write_document(Path(args.output), data, tr):
        return EXIT_UNREADABLE
    print(tr.format(N_("Answer key written: {file}"), file=args.output))
    return EXIT_OK


def _collect(args: argparse.Namespace, tr: Translator) -> int:
    from kzcomplaint.core.workshop import room

    library = _library(args, tr)
    if library is None:
        return EXIT_UNREADABLE
    results_tr = translator(args.lang) if args.lang else tr
    try:
        results = room.collect(
            Path(args.folder), Path(args.output), library, results_tr, language=args.lang, jobs=args.jobs or None
        )
    except room.RoomError as error:
        return fail(error.message.render(tr))
    except OSError as error:
        reason = error.strerror or str(error)
        return fail(tr.format(N_("{file} cannot be written: {reason}"), file=args.output, reason=reason))
    for row in room.participant_rows(results, results_tr):
        print(f"  {row[0]:30} {row[3]:>10}  {row[2]}")
    for entry in results.unscored:
        print(printable(f"  {entry.file.name:30} {tr.gettext(MSG_NOT_SCORED)}: {entry.reason.render(tr)}"))
    rendered = results.documents.rendered if results.documents is not None else 0
    print()
    print(
        tr.format(
            N_("{scored} draft(s) scored, {unscored} not; {documents} document(s) in {folder}."),
            scored=len(results.scored),
            unscored=len(results.unscored),
            documents=rendered,
            folder=str(Path(args.output) / room.DOCUMENTS_DIR),
        )
    )
    for path in results.written:
        print(f"  {path}")
    return EXIT_PROBLEMS if results.unscored else EXIT_OK


def _reset(args: argparse.Namespace, tr: Translator) -> int:
    from kzcomplaint.core.case import caseio
    from kzcomplaint.core.workshop import exercise, packs

    library = _library(args, tr)
    if library is None:
        return EXIT_UNREADABLE
    try:
        _fresh, backup = exercise.reset(args.draft, library)
    except caseio.CaseFileError as error:
        report_case_error(error, tr)
        return EXIT_UNREADABLE
    except (exercise.ExerciseError, caseio.CaseSaveError) as error:
        return fail(error.message.render(tr))
    except packs.PackError as error:
        return _pack_error(error, tr)
    print(
        tr.format(N_("{file} starts afresh; the old draft is kept as {backup}."), file=args.draft, backup=str(backup))
    )
    return EXIT_OK


def _check_pack(args: argparse.Namespace, tr: Translator) -> int:
    from kzcomplaint.core.workshop import packs

    try:
        pack = packs.load_pack(args.pack_file)
    except packs.PackError as error:
        return _pack_error(error, tr)
    problems = [problem for scenario in pack.scenarios for problem in packs.verify_scenario(scenario)]
    for problem in problems:
        warn(packs.problem_message(pack.source, problem).render(tr))
    if problems:
        return EXIT_PROBLEMS
    print(
        tr.format(
            N_("{file}: {count} scenario(s); the checker reports exactly the planted defects."),
            file=args.pack_file,
            count=len(pack.scenarios),
        )
    )
    return EXIT_OK
