"""Reading the shipped rule files (TOML) with validation that names the place.

Rule files are data the team edits by hand; a mistake in them must fail the
test suite with the file, the entry and the key, never surface as a
``KeyError`` in a user's hands. The helpers here are the only way the core
reads them.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from kzcomplaint.core.files import resources
from kzcomplaint.core.text.languages import LANGUAGES


class RuleFileError(ValueError):
    """A shipped or user rule file is malformed."""


@functools.cache
def load(name: str) -> dict[str, Any]:
    """Load ``rules/<name>`` (cached: rule files do not change while running)."""
    return load_path(resources.rules_dir() / name)


def load_path(path: Path) -> dict[str, Any]:
    """Load any TOML rule file, turning syntax errors into :class:`RuleFileError`."""
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise RuleFileError(f"{path}: {error}") from error
    except UnicodeDecodeError as error:
        # tomllib decodes the bytes itself and lets this through: a user's
        # calendar.toml saved in cp1251 by Notepad would end in a traceback.
        line = error.object[: error.start].count(b"\n") + 1
        raise RuleFileError(f"{path}: not UTF-8 text (line {line}); save it with the UTF-8 encoding") from error
    except OSError as error:
        raise RuleFileError(f"{path}: cannot be read ({error.strerror})") from error


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string, for the TOML files the app writes (the user's calendar, bodies).

    A JSON string literal has TOML's escapes, except that it leaves DEL (U+007F)
    as it is, which TOML forbids: the file would not read back.
    """
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def fail(where: str, problem: str) -> RuleFileError:
    """The error for ``problem`` at ``where`` (file, entry and key)."""
    return RuleFileError(f"{where}: {problem}")


def check_keys(entry: Mapping[str, Any], allowed: frozenset[str], optional: frozenset[str], where: str) -> None:
    """Refuse keys outside ``allowed`` and missing keys that are not ``optional``."""
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise fail(where, f"unknown keys {unknown}")
    missing = sorted(allowed - optional - set(entry))
    if missing:
        raise fail(where, f"missing keys {missing}")


def localized(raw: object, where: str) -> dict[str, str]:
    """Validate a three-language text table: kk, ru and en all present and non-empty."""
    if not isinstance(raw, Mapping):
        raise RuleFileError(f"{where}: expected a table with keys {', '.join(LANGUAGES)}")
    missing = [lang for lang in LANGUAGES if not isinstance(raw.get(lang), str) or not raw[lang].strip()]
    if missing:
        raise RuleFileError(f"{where}: missing text for {', '.join(missing)}")
    extra = set(raw) - set(LANGUAGES)
    if extra:
        raise RuleFileError(f"{where}: unexpected languages {sorted(extra)}")
    return {lang: str(raw[lang]) for lang in LANGUAGES}


def date_value(raw: object, where: str, *, required: bool = False) -> dt.date | None:
    """Validate a TOML date (or ISO string) field."""
    if raw is None or raw == "":
        if required:
            raise RuleFileError(f"{where}: a date is required")
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str):
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            pass
    raise RuleFileError(f"{where}: {raw!r} is not a date (YYYY-MM-DD)")


def boolean(raw: object, where: str) -> bool:
    """Validate a boolean field."""
    if not isinstance(raw, bool):
        raise RuleFileError(f"{where}: expected true or false, got {raw!r}")
    return raw


def choice(raw: object, allowed: Sequence[str], where: str) -> str:
    """Validate a value that must be one of ``allowed``."""
    if raw not in allowed:
        raise RuleFileError(f"{where}: expected one of {', '.join(allowed)}, got {raw!r}")
    return str(raw)


def string_list(raw: object, where: str) -> tuple[str, ...]:
    """Validate a list of strings."""
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise RuleFileError(f"{where}: expected a list of strings")
    return tuple(raw)


def in_force(effective_from: dt.date, effective_to: dt.date | None, day: dt.date) -> bool:
    """Whether a rule version in force from ``effective_from`` to ``effective_to`` (None: open) holds on ``day``."""
    return effective_from <= day and (effective_to is None or day <= effective_to)


def periods_overlap(a_from: dt.date, a_to: dt.date | None, b_from: dt.date, b_to: dt.date | None) -> bool:
    """Whether two effective periods (open-ended when the end is None) share a day."""
    return (a_to is None or b_from <= a_to) and (b_to is None or a_from <= b_to)
