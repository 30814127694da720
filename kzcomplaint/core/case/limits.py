"""How much each field of a case may hold, and which characters: declared once, for the loader and the inputs alike.

Whatever an input of the window accepts, a case file accepts, and the
other way round: the loader (:mod:`kzcomplaint.core.case.caseio`) checks
these limits, and the GUI gives every input the same ones (a line edit's
maximum length, a text box's cap, the time validator), so a draft can never
hold what its own file would refuse.

Lengths are counted in Python characters. Qt counts UTF-16 units, of which a
character outside the Basic Multilingual Plane takes two, so whatever fits an
input also fits here.
"""

from __future__ import annotations

import re

MAX_LONG_TEXT_CHARS = 100_000
"""The facts, one answer to a template's question, one request, the whole requests box."""

MAX_SHORT_TEXT_CHARS = 2_000
"""One line: names, addresses, numbers, an evidence description, one attachment."""

MAX_PATH_CHARS = 4_096
"""An evidence file's path (the longest path Linux allows)."""

MAX_ATTACHMENTS_CHARS = 20_000
"""The whole list of attachments (the box holding one per line)."""

MAX_EVIDENCE_ITEMS = 100
"""Items of evidence in one case."""

MAX_DETAILS = 50
"""Answers to a template's questions (a template asks at most this many; a test checks)."""

MAX_FILINGS = 20
"""Handings-in recorded for one document (a paper handed in again after a refusal, by post and in person…)."""

MAX_REFUSALS = 20
"""Refusals to accept recorded for one document."""

MAX_WITNESSES = 10
"""Witnesses of one refusal."""

MAX_HISTORY_STEPS = 20
"""Earlier documents of one escalation chain kept in a case."""

MAX_DATE_CHARS = 100
"""A date as typed (``10 января 2021 года``); nobody writes one longer."""

MAX_TIME_CHARS = 40
"""A time as typed (``14:30``) or in words (``около 14 ч.``)."""

MAX_NUMBER_DIGITS = 9
"""A number answer (how many ballots, people…)."""

MAX_JSON_DEPTH = 32
"""How deeply a case file may nest (a case nests five levels: case, evidence, item, translations, language)."""

MAX_FILE_BYTES = 16 * 1024 * 1024
"""The largest case file read. Every input at its maximum makes less (a test checks); evidence stays in its files."""

CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""C0 and C1 control characters other than tab, line feed and carriage return, and DEL.

Invisible, they come from copying text out of other programs; in a document
they are noise, and some cannot be written to a .docx at all.
"""

BROKEN_CHARACTERS = re.compile("[\ud800-\udfff]")
"""Lone surrogates: JSON allows ``"\\ud800"``, but no file can hold it as UTF-8."""

_LONG = ("facts", "requests", "refusals.grounds")
_PATHS = ("evidence.file",)


def _generic(path: str) -> str:
    """``evidence.3.description`` → ``evidence.description``; ``details.q`` → ``details``.

    A translation has the limits of the text it translates (``Case.translations``,
    ``Evidence.translations``): ``translations.kk.facts`` → ``facts``,
    ``translations.ru.requests.0`` → ``requests``, ``evidence.3.translations.kk``
    → ``evidence.description``.
    """
    parts = path.split(".")
    if parts[0] == "translations":
        parts = parts[2:]
    if parts and parts[0] == "details":
        return "details"
    kept = [part for part in parts if not (part.isascii() and part.isdigit())]
    if kept[:2] == ["evidence", "translations"]:
        return "evidence.description"
    return ".".join(kept)


def text_limit(path: str) -> int:
    """The most characters the field ``path`` holds (one item, for a list: ``requests.0``)."""
    generic = _generic(path)
    if generic in _LONG or generic == "details":
        return MAX_LONG_TEXT_CHARS
    if generic in _PATHS:
        return MAX_PATH_CHARS
    if generic.endswith(".time"):
        return MAX_TIME_CHARS
    return MAX_SHORT_TEXT_CHARS


def box_limit(path: str) -> int:
    """The most characters of the box that edits the whole field ``path`` (a list: all its items, one per line)."""
    if _generic(path) == "attachments":
        return MAX_ATTACHMENTS_CHARS
    return text_limit(path)


def list_total_limit(path: str) -> int | None:
    """The most characters all items of the list ``path`` hold together, or None for no limit but the items'."""
    if _generic(path) in ("requests", "attachments") and not path.split(".")[-1].isdigit():
        return box_limit(path)
    return None


def clean_text(text: str) -> tuple[str, int]:
    """``text`` without control and broken characters, and how many were removed.

    This is what an input does to what is typed or pasted into it, so that a
    draft never holds a character its case file would refuse.
    """
    cleaned, controls = CONTROL_CHARACTERS.subn("", text)
    cleaned, broken = BROKEN_CHARACTERS.subn("", cleaned)
    return cleaned, controls + broken


def max_case_chars(questions: int = MAX_DETAILS) -> int:
    """The most characters the inputs of one case can hold together (for the file-size bound)."""
    short_fields = 2 * 9 + 2 * 6 + 5  # two persons, two bodies, the contested act
    return (
        MAX_LONG_TEXT_CHARS * 2  # facts and the requests box
        + MAX_ATTACHMENTS_CHARS
        + questions * MAX_LONG_TEXT_CHARS
        + MAX_EVIDENCE_ITEMS * (MAX_SHORT_TEXT_CHARS + MAX_PATH_CHARS)
        + short_fields * MAX_SHORT_TEXT_CHARS
    )
