"""``kzcomplaint law [ID] [--json]``: the quoted text of a provision the app cites, or the list of them.

An observer in front of a commission chair can read the article aloud from
here, offline. Only the core is loaded (no Qt, no python-docx).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from kzcomplaint.cli import EXIT_OK, EXIT_UNREADABLE
from kzcomplaint.cli.cases import emit_json
from kzcomplaint.core.text.i18n import N_, Translator

if TYPE_CHECKING:
    from kzcomplaint.core.law.texts import ProvisionText

MSG_COUNT = N_("{count} provisions. Show one with “kzcomplaint law ID”.")


def run(args: argparse.Namespace, tr: Translator) -> int:
    """Print one provision (``args.provision``) or the list; return the exit code."""
    from kzcomplaint.core.law import texts

    if args.provision:
        try:
            provision = _find(args.provision)
        except texts.UnknownProvisionError as error:
            message = error.message.render(tr)
            sys.stderr.write(f"kzcomplaint: {message}\n")
            if args.json:
                emit_json({"error": {"provision": args.provision, "message": message}})
            return EXIT_UNREADABLE
        if args.json:
            emit_json({"provision": provision.as_json(tr.language)})
        else:
            _print_provision(provision, tr)
        return EXIT_OK
    provisions = list(texts.all_texts().values())
    if args.json:
        emit_json({"provisions": [provision.as_json(tr.language) for provision in provisions]})
        return EXIT_OK
    for provision in provisions:
        print(f"{provision.id:24} {provision.citation.text(tr.language)}")
    print()
    print(tr.format(MSG_COUNT, count=len(provisions)))
    return EXIT_OK


def _find(provision_id: str) -> ProvisionText:
    """The provision ``provision_id``; an id without its law is accepted when only one law has it."""
    from kzcomplaint.core.law import texts

    found = texts.all_texts().get(provision_id)
    if found is not None:
        return found
    matches = [text for key, text in texts.all_texts().items() if key.split(".", 1)[-1] == provision_id]
    if len(matches) == 1:
        return matches[0]
    return texts.get(provision_id)  # raises UnknownProvisionError with suggestions


def _print_provision(provision: ProvisionText, tr: Translator) -> None:
    from kzcomplaint.core.law import texts

    _, text = provision.quote(tr.language)
    print(provision.citation.text(tr.language))
    print(provision.title)
    print()
    print(text)
    print()
    for line in texts.about(provision, tr.language):
        print(line.render(tr))
