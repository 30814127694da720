"""Command-line front end: argument parsing and dispatch, nothing else.

Each sub-command's work lives in a module imported only when that command
runs, so ``check``, ``deadlines`` and ``templates`` never load Qt or
python-docx and answer quickly. Exit codes: 0 success (no blocking
problem), 1 blocking problems or failed cases, 2 unreadable input or usage
error.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kzcomplaint import __version__
from kzcomplaint.cli import EXIT_OK, EXIT_UNREADABLE
from kzcomplaint.core.text.i18n import N_, Translator, default_ui_language, translator
from kzcomplaint.core.text.languages import DOCUMENT_LANGUAGES, LANGUAGES

if TYPE_CHECKING:
    import argparse

# Errors of writing to stdout itself: a full disk, an I/O error, a closed descriptor.
_OUTPUT_ERRORS = frozenset(
    code for code in (errno.ENOSPC, errno.EIO, errno.EBADF, errno.EFBIG, getattr(errno, "EDQUOT", None)) if code
)


# argparse's own texts (Python 3.11–3.13), marked so that they are translated in the
# app's catalogue: the help and the usage errors come in the user's language.
ARGPARSE_TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ignored explicit argument %r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


def _translate_argparse(tr: Translator) -> None:
    """Make argparse word its help and errors through ``tr`` (it looks its gettext up when it formats)."""
    import argparse

    argparse._ = tr.gettext  # type: ignore[attr-defined]  # argparse's module-level gettext
    argparse.ngettext = tr.ngettext  # type: ignore[attr-defined]  # likewise for plural texts


def _parser_class() -> type[argparse.ArgumentParser]:
    """An argument parser whose usage errors exit with code 2 (argparse is imported only to parse a command)."""
    import argparse

    class _Parser(argparse.ArgumentParser):
        def error(self, message: str) -> None:  # type: ignore[override]  # argparse declares NoReturn
            self.print_usage(sys.stderr)
            self.exit(EXIT_UNREADABLE, f"{self.prog}: {message}\n")

    return _Parser


def build_parser(tr: Translator) -> argparse.ArgumentParser:
    """Build the parser with help texts in ``tr``'s language."""
    _Parser = _parser_class()  # noqa: N806 - a class
    t = tr.gettext
    _translate_argparse(tr)
    common = _Parser(add_help=False)
    common.add_argument(
        "--ui-lang", choices=LANGUAGES, help=t(N_("language of messages (default: system locale)"))
    )
    parser = _Parser(
        prog="kzcomplaint",
        description=t(N_("Election complaints for Kazakhstan that are complete in form and filed in time.")),
        parents=[common],
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"kzcomplaint {__version__}",
        help=t(N_("show the program's version number and exit")),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=t(N_("build the main window offscreen, render one document per language, exit 0 if all is well")),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", parents=[common], help=t(N_("check a case file for defects")))
    check.add_argument("case", metavar="CASE", help=t(N_("case file (.json)")))
    check.add_argument("--json", action="store_true", help=t(N_("machine-readable output")))
    check.add_argument("--today", metavar="DATE", help=t(N_("take this date as today (for training)")))

    deadlines = commands.add_parser(
        "deadlines", parents=[common], help=t(N_("compute the terms of a case or of one rule"))
    )
    deadlines.add_argument("case", metavar="CASE", nargs="?", help=t(N_("case file (.json)")))
    deadlines.add_argument("--rule", metavar="ID", help=t(N_("deadline rule id, e.g. election.appeal_filing")))
    deadlines.add_argument("--event", metavar="DATE", help=t(N_("the date that starts the term")))
    deadlines.add_argument("--voting-day", metavar="DATE", help=t(N_("voting day, for rules that depend on it")))
    deadlines.add_argument("--today", metavar="DATE", help=t(N_("take this date as today (for training)")))
    deadlines.add_argument("--json", action="store_true", help=t(N_("machine-readable output")))

    templates = commands.add_parser("templates", parents=[common], help=t(N_("list the document kinds")))
    templates.add_argument("--json", action="store_true", help=t(N_("machine-readable output")))

    law = commands.add_parser(
        "law", parents=[common], help=t(N_("the quoted text of a provision the app cites, or the list of them"))
    )
    law.add_argument(
        "provision", metavar="ID", nargs="?", help=t(N_("provision id, e.g. election_law.39.2 (none: list them all)"))
    )
    law.add_argument("--json", action="store_true", help=t(N_("machine-readable output")))

    render = commands.add_parser("render", parents=[common], help=t(N_("export a case as a .docx document")))
    render.add_argument("case", metavar="CASE", help=t(N_("case file (.json)")))
    render.add_argument(
        "--lang", choices=DOCUMENT_LANGUAGES, help=t(N_("document language (default: the case's language)"))
    )
    render.add_argument("-o", "--output", metavar="FILE", required=True, help=t(N_("output .docx file")))

    batch = commands.add_parser("batch", parents=[common], help=t(N_("export many cases at once")))
    batch.add_argument("source", metavar="DIR_OR_CSV", help=t(N_("a folder of case files or one CSV file")))
    batch.add_argument("-o", "--output", metavar="OUTDIR", required=True, help=t(N_("output folder")))
    batch.add_argument("--lang", choices=DOCUMENT_LANGUAGES, help=t(N_("document language (default: each case's)")))
    batch.add_argument("--jobs", type=int, default=0, metavar="N", help=t(N_("parallel jobs (default: CPU count)")))
    batch.add_argument(
        "--overwrite",
        action="store_true",
        help=t(N_("replace documents already in the output folder (default: leave them and report the case)")),
    )

    forget = commands.add_parser(
        "forget", parents=[common], help=t(N_("remove everything kzcomplaint stored about you on this computer"))
    )
    forget.add_argument("--yes", action="store_true", help=t(N_("do not ask before removing")))

    from kzcomplaint.cli import filing

    filing.add_parsers(commands, common, tr)

    blank = commands.add_parser("blank", parents=[common], help=t(N_("a blank paper form of a document kind")))
    blank.add_argument("template", metavar="TEMPLATE", help=t(N_("document kind id")))
    blank.add_argument("--lang", choices=DOCUMENT_LANGUAGES, required=True, help=t(N_("document language")))
    blank.add_argument("-o", "--output", metavar="FILE", required=True, help=t(N_("output .docx file")))

    from kzcomplaint.cli import workshop  # argparse and the core's messages only: nothing slow

    workshop.add_parser(commands, common, tr, _Parser)
    return parser


def _only_ui_language(argv: Sequence[str]) -> bool:
    """Whether the command line asks for nothing but the window (at most ``--ui-lang`` with a known language)."""
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg.startswith("--ui-lang=") and arg.split("=", 1)[1] in LANGUAGES:
            continue
        if arg == "--ui-lang" and rest and rest[0] in LANGUAGES:
            rest.pop(0)
            continue
        return False
    return True


def _ui_language(argv: Sequence[str]) -> str:
    """Find --ui-lang before full parsing, so help texts come out in that language."""
    for index, arg in enumerate(argv):
        if arg == "--ui-lang" and index + 1 < len(argv) and argv[index + 1] in LANGUAGES:
            return argv[index + 1]
        if arg.startswith("--ui-lang=") and arg.split("=", 1)[1] in LANGUAGES:
            return arg.split("=", 1)[1]
    return default_ui_language()


def _prepare_streams() -> None:
    """Make stdout and stderr safe to print Kazakh and Russian to, whatever the locale.

    A closed stream (``kzcomplaint check x >&-``) becomes the null device. A
    stream whose encoding cannot hold Cyrillic (a Windows console or a file
    redirected in cp1251/cp866, ``LC_ALL=C`` with ``PYTHONUTF8=0``) writes
    what it cannot encode as ``\\uXXXX`` instead of failing with a traceback.
    """
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process
            continue
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if not encoding.startswith("utf") and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    """Send what is still buffered for stdout to the null device, so exiting prints nothing more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    _prepare_streams()
    args_list = list(sys.argv[1:] if argv is None else argv)
    ui_language = _ui_language(args_list)
    tr = translator(ui_language)
    # No command is the window: there is nothing to parse, and the first paint
    # need not wait for argparse and the help texts of every command.
    args = None if _only_ui_language(args_list) else build_parser(tr).parse_args(args_list)
    try:
        code = _dispatch(args, args_list, ui_language, tr)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
        return code
    except BrokenPipeError:
        # The reader went away (``kzcomplaint templates | head``): not an error.
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except OSError as error:
        # Printing the report failed (``> report.txt`` on a full disk, a
        # closed descriptor). Files the commands read or write have their own
        # messages; anything else is a bug and keeps its traceback.
        if error.errno not in _OUTPUT_ERRORS:
            raise
        message = tr.format(N_("the output cannot be written: {reason}"), reason=error.strerror or str(error))
        sys.stderr.write(f"kzcomplaint: {message}\n")
        _silence_stdout()
        return EXIT_UNREADABLE


def _dispatch(args: argparse.Namespace | None, args_list: list[str], ui_language: str, tr: Translator) -> int:
    if args is not None and args.command is not None:
        return _run_command(args, tr)
    from kzcomplaint import app

    explicit = any(arg == "--ui-lang" or arg.startswith("--ui-lang=") for arg in args_list)
    self_test = bool(args is not None and args.self_test)
    return app.main(self_test=self_test, ui_language=ui_language if explicit else None)


def _run_command(args: argparse.Namespace, tr: Translator) -> int:
    """Run the sub-command ``args.command``; each one's module is imported only when it runs."""
    command = args.command
    if command in ("check", "deadlines", "templates"):
        from kzcomplaint.cli import cases

        return cases.run(args, tr)
    if command == "law":
        from kzcomplaint.cli import law

        return law.run(args, tr)
    if command == "workshop":
        from kzcomplaint.cli import workshop

        return workshop.run(args, tr)
    if command in ("filed", "refused", "answered", "escalate", "timeline", "ics"):
        from kzcomplaint.cli import filing

        return filing.run(args, tr)
    if command == "forget":
        from kzcomplaint.cli import privacy

        return privacy.run(args, tr)
    if command in ("render", "batch", "blank"):
        from kzcomplaint.cli import documents

        return documents.run(args, tr)
    raise AssertionError(f"a command the parser knows and the dispatch does not: {command!r}")
