"""``kzcomplaint forget``: remove everything the app stored about the user on this computer.

It lists the files first and asks, unless given ``--yes``; without a
terminal to ask on, it removes nothing and says to add ``--yes``. Case
files and documents saved where the user chose are not touched. Exit codes:
0 removed (or nothing to remove), 1 some files could not be removed, 2 not
confirmed.
"""

from __future__ import annotations

import argparse
import sys

from kzcomplaint.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE
from kzcomplaint.core.text.i18n import N_, Translator


def _confirmed(tr: Translator) -> bool:
    if not sys.stdin or not sys.stdin.isatty():
        sys.stderr.write(
            "kzcomplaint: "
            + tr.gettext(N_("nothing was removed: there is no terminal to ask on; add --yes to remove these files"))
            + "\n"
        )
        return False
    sys.stdout.write(tr.gettext(N_("Remove these files? Type yes to remove them: ")))
    sys.stdout.flush()
    answer = sys.stdin.readline().strip().casefold()
    return answer in {"yes", "y", tr.gettext(N_("yes")).casefold()}


def run(args: argparse.Namespace, tr: Translator) -> int:
    """List what is stored, ask unless ``--yes``, remove it and list what was removed."""
    from kzcomplaint.core.case import forget

    files = forget.stored_files()
    if not files:
        print(tr.gettext(N_("kzcomplaint keeps nothing about you on this computer.")))
        return EXIT_OK
    print(tr.format(N_("kzcomplaint keeps {count} file(s) about you on this computer:"), count=len(files)))
    for path in files:
        print(f"  {path}")
    print(tr.gettext(N_("Case files and documents you saved elsewhere are not touched.")))
    if not args.yes and not _confirmed(tr):
        print(tr.gettext(N_("Nothing was removed.")))
        return EXIT_UNREADABLE
    removed, kept = forget.forget_everything()
    for path in removed:
        print(tr.format(N_("Removed: {file}"), file=str(path)))
    for path in kept:
        sys.stderr.write("kzcomplaint: " + tr.format(N_("could not be removed: {file}"), file=str(path)) + "\n")
    print(tr.format(N_("Removed {count} file(s)."), count=len(removed)))
    return EXIT_PROBLEMS if kept else EXIT_OK
