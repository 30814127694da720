"""The directory of bodies: commissions, courts and prosecutors with their names and contacts.

The app ships ``rules/bodies.toml`` (the CEC, the Supreme and Constitutional
Courts, the General Prosecutor's Office, and the territorial election
commission, the specialised interdistrict administrative court and the
prosecutor's office of every region and city of republican significance),
with names in Kazakh, Russian and English and with every contact detail
empty and ``verified = false`` until someone confirms it.

Users and trainers keep their own entries in ``bodies.toml`` in the user
data folder; an entry there overrides the shipped entry with the same id and
may add new ones. Both files, and any file imported or exported (TOML or
JSON), are validated entry by entry: a :class:`DirectoryError` lists every
bad entry and field with a message saying what to do.

The directory proposes the addressee from the respondent's level and region,
following the routes of ``rules/hierarchy.toml`` (read through
:func:`kzcomplaint.core.law.routes.routes`, the one place that says which body
hears a complaint against which). It is the one place that knows the
bodies' names in three languages.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import json
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from kzcomplaint.core.case.model import Body, Level
from kzcomplaint.core.files import resources
from kzcomplaint.core.law import citations, routes, ruledata
from kzcomplaint.core.text.i18n import N_, Message
from kzcomplaint.core.text.json_errors import AT_LINE, NOT_UTF8, json_reason, toml_reason
from kzcomplaint.core.text.languages import LANGUAGES

FORMAT = "kzcomplaint-bodies/1"
"""Identifier of the directory file format (shipped, user and exported files)."""

SHIPPED_FILE = "bodies.toml"
USER_FILE = "bodies.toml"
MAX_FILE_BYTES = 2_000_000
MAX_TEXT_CHARS = 1_000

CONTACT_FIELDS: tuple[str, ...] = ("address", "phone", "email", "bin", "website")
"""Contact details of an entry; empty means "to confirm"."""

ENTRY_FIELDS: tuple[str, ...] = ("id", "level", "region", "name", *CONTACT_FIELDS, "verified", "note")

_ID = re.compile(r"[A-Za-z0-9_.\-]{1,80}")
_LEVELS = tuple(level.value for level in Level)

MSG_NOT_TABLE = N_("Each entry must be a table of fields (id, level, name, …).")
MSG_REQUIRED = N_("This field is required.")
MSG_NOT_TEXT = N_("Write this field as text in quotes.")
MSG_TOO_LONG = N_("This text is longer than {limit} characters; shorten it.")
MSG_BAD_ID = N_("The id {value!r} may contain only Latin letters, digits, dots, hyphens and underscores (at most 80).")
MSG_DUPLICATE_ID = N_("The id {value!r} is used by another entry in the same file; give each entry its own id.")
MSG_BAD_LEVEL = N_("{value!r} is not a level of body. Use one of: {choices}.")
MSG_BAD_REGION = N_("{value!r} is not a region id. Use one of: {choices}.")
MSG_NAME_LANGUAGES = N_("The name needs its Kazakh, Russian and English text (kk, ru, en); missing: {missing}.")
MSG_NAME_EXTRA = N_("The name has texts in languages the app does not use: {extra}. Keep only kk, ru and en.")
MSG_UNKNOWN_FIELD = N_("Unknown field {value!r}. Remove it or correct the spelling.")
MSG_UNKNOWN_FIELD_GUESS = N_("Unknown field {value!r}: did you mean {guess!r}?")
MSG_NOT_BOOL = N_("Write true or false.")
MSG_BAD_PHONE = N_("{value!r} is not a Kazakhstan phone number. Write it as +7 and 10 digits.")
MSG_BAD_EMAIL = N_("{value!r} is not an e-mail address. Write it as name@example.kz.")
MSG_BAD_BIN = N_("{value!r} is not a valid BIN: 12 digits whose last digit is the check digit.")
MSG_FILE_UNREADABLE = N_("The file cannot be read ({reason}). Check that it exists and that you may open it.")
MSG_FILE_TOO_LARGE = N_("The file is larger than {limit} bytes; a directory of bodies is never that big.")
MSG_FILE_SYNTAX = N_("The file is not valid {kind}: {reason}. Fix the file or export it again.")
MSG_FILE_FORMAT = N_("This is not a kzcomplaint directory of bodies: the format is {value!r}, expected {expected!r}.")
MSG_NO_ENTRIES = N_('The file has no list of bodies ([[body]] entries in TOML, "bodies" in JSON).')
MSG_SUFFIX = N_("Use a file whose name ends in .toml or .json.")


@dataclasses.dataclass(frozen=True)
class Region:
    """A region or city of republican significance."""

    id: str
    name: Mapping[str, str]


@dataclasses.dataclass(frozen=True)
class BodyEntry:
    """One body in the directory.

    Attributes:
        id: stable id (``cec``, ``tec.almaty``); a user entry with the same id
            replaces the shipped one.
        level: a :class:`~kzcomplaint.core.case.model.Level` value.
        name: the name in kk, ru and en.
        region: a region id, or ``""`` for republican bodies.
        address: postal address; ``""`` = to confirm. Likewise the other
            contact fields.
        verified: True only when someone checked the contact details.
        note: free text, e.g. where the details were confirmed.
        origin: ``"shipped"`` or ``"user"`` (not written to files).
    """

    id: str
    level: str
    name: Mapping[str, str]
    region: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    bin: str = ""
    website: str = ""
    verified: bool = False
    note: str = ""
    origin: str = "user"

    def missing_contacts(self) -> tuple[str, ...]:
        """The contact fields a court asks for that are still empty (to confirm)."""
        return tuple(name for name in ("address", "phone", "email", "bin") if not getattr(self, name))

    def to_dict(self) -> dict[str, Any]:
        """The entry as written to a directory file (no origin)."""
        data: dict[str, Any] = {"id": self.id, "level": self.level}
        if self.region:
            data["region"] = self.region
        data["name"] = {lang: self.name[lang] for lang in LANGUAGES}
        for field in CONTACT_FIELDS:
            data[field] = getattr(self, field)
        data["verified"] = self.verified
        if self.note:
            data["note"] = self.note
        return data


@dataclasses.dataclass(frozen=True)
class Proposal:
    """A proposed addressee: a directory entry, or the respondent itself (``entry`` None)."""

    level: str
    entry: BodyEntry | None
    citation: citations.Citation | None


@dataclasses.dataclass(frozen=True)
class DirectoryProblem:
    """One thing wrong in a directory file: which entry, which field, what to do."""

    entry: str
    field: str
    message: Message


class DirectoryError(Exception):
    """A directory file that cannot be used, with every problem found in it."""

    def __init__(self, source: str, problems: Sequence[DirectoryProblem]) -> None:
        """Keep the file name and the problems."""
        self.source = source
        self.problems = list(problems)
        first = self.problems[0] if self.problems else None
        summary = f"{first.entry} {first.field}: {first.message.msgid}" if first else "invalid"
        super().__init__(f"{source}: {len(self.problems)} problem(s), first: {summary}")


class Directory:
    """The merged directory: shipped entries overridden and extended by the user's."""

    def __init__(
        self,
        regions: Sequence[Region],
        entries: Iterable[BodyEntry],
        level_names: Mapping[str, Mapping[str, str]],
    ) -> None:
        """Build the directory; later entries with the same id replace earlier ones."""
        self.regions: dict[str, Region] = {region.id: region for region in regions}
        self.entries: dict[str, BodyEntry] = {}
        for entry in entries:
            self.entries[entry.id] = entry
        self.level_names = {level: dict(names) for level, names in level_names.items()}

    def get(self, entry_id: str) -> BodyEntry | None:
        """The entry with ``entry_id``, if any."""
        return self.entries.get(entry_id)

    def bodies(self, level: str | None = None, region: str | None = None) -> list[BodyEntry]:
        """Entries of ``level`` (any when None) in ``region`` (any when None), in file order."""
        return [
            entry
            for entry in self.entries.values()
            if (level is None or entry.level == level) and (region is None or entry.region == region)
        ]

    def level_name(self, level: str, language: str) -> str:
        """The generic name of a level in ``language`` (lower case, as inside a sentence)."""
        names = self.level_names.get(level) or self.level_names.get(Level.OTHER.value, {})
        return names.get(language, level)

    def region_name(self, region_id: str, language: str) -> str:
        """The name of a region in ``language``, or ``""`` when unknown."""
        region = self.regions.get(region_id)
        return region.name[language] if region else ""

    def propose_addressees(
        self,
        respondent_level: str,
        region: str = "",
        allowed_levels: Iterable[str] | None = None,
        *,
        on: dt.date | None = None,
        election_kind: str = "",
    ) -> list[Proposal]:
        """Bodies that may hear a complaint against a respondent of ``respondent_level``, best first.

        Follows the routes of ``rules/hierarchy.toml`` in their order. For each
        route the document kind allows, the body of the addressee level is
        taken from the directory: a republican body (CEC, Supreme Court), or
        the territorial body of ``region``. A route to the respondent's own
        level proposes the respondent itself (``entry`` None).

        Args:
            respondent_level: the respondent's level.
            region: the respondent's region id (needed for territorial bodies).
            allowed_levels: the addressee levels the document kind allows
                (catalogue ``addressee_levels``); None allows every level.
            on: the day the routes must be in force (default today).
            election_kind: the kind of vote; a vote whose law was not read
                (the Kurultai) gets every route's citation unconfirmed.
        """
        from kzcomplaint.core.law import elections

        vote = elections.rules_for(election_kind)
        day = on or dt.date.today()
        allowed = None if allowed_levels is None else set(allowed_levels)
        proposals: list[Proposal] = []
        for route in routes.routes():
            if route.respondent != respondent_level or not route.in_force_on(day):
                continue
            if allowed is not None and route.addressee not in allowed:
                continue
            citation = vote.citation(route.citation)
            if route.addressee == respondent_level:
                proposals.append(Proposal(route.addressee, None, citation))
                continue
            candidates = [entry for entry in self.bodies(route.addressee) if not entry.region or entry.region == region]
            # The region's own body before a republican one of the same level
            # (the region's prosecutor's office before the General Prosecutor's).
            candidates.sort(key=lambda entry: entry.region != region)
            proposals.extend(Proposal(route.addressee, entry, citation) for entry in candidates[:1])
        return proposals

    @functools.cached_property
    def _by_name(self) -> dict[str, BodyEntry]:
        # Every name of every entry in any language, case-folded: the first entry in file order
        # that has it (as a scan would find it). Built once: a batch looks up every case's bodies.
        index: dict[str, BodyEntry] = {}
        for entry in self.entries.values():
            for text in entry.name.values():
                index.setdefault(text.casefold(), entry)
        return index

    @functools.cached_property
    def _level_by_name(self) -> dict[str, dict[str, str]]:
        # A generic level name in any language, case-folded → that level's names (the first level that has it).
        index: dict[str, dict[str, str]] = {}
        for names in self.level_names.values():
            for text in names.values():
                index.setdefault(text.casefold(), names)
        return index

    def find(self, body: Body) -> BodyEntry | None:
        """The entry a case's body was taken from, matched by its name in any language."""
        name = body.name.strip().casefold()
        return self._by_name.get(name) if name else None

    def is_known_name(self, name: str) -> bool:
        """Whether ``name`` is a directory entry's or a level's name in any language (not typed by a user)."""
        folded = name.strip().casefold()
        if not folded:
            return False
        return folded in self._by_name or folded in self._level_by_name

    def to_body(self, entry: BodyEntry, language: str, number: str = "") -> Body:
        """A case's :class:`Body` filled from ``entry`` with its name in ``language``."""
        return Body(
            level=entry.level,
            name=entry.name[language],
            number=number,
            address=entry.address,
            phone=entry.phone,
            email=entry.email,
            bin=entry.bin,
        )

    def generic_body(self, level: str, language: str, number: str = "") -> Body:
        """A body known only by its level (a precinct commission and its number)."""
        name = self.level_name(level, language)
        return Body(level=level, name=name[:1].upper() + name[1:], number=number)

    def localized_name(self, body: Body, language: str) -> str:
        """``body``'s name in ``language`` when it is a directory entry or a generic level name."""
        entry = self.find(body)
        if entry is not None:
            return entry.name[language]
        folded = body.name.strip().casefold()
        names = self._level_by_name.get(folded) if folded else None
        if names is not None:
            name = names[language]
            return name[:1].upper() + name[1:]
        return body.name


# --- reading -----------------------------------------------------------------------


def user_path() -> Path:
    """The user's own directory file (may not exist)."""
    return resources.user_data_dir() / USER_FILE


@functools.cache
def _shipped() -> tuple[tuple[Region, ...], tuple[BodyEntry, ...], dict[str, dict[str, str]]]:
    data = ruledata.load(SHIPPED_FILE)
    where = SHIPPED_FILE
    if data.get("format") != FORMAT:
        raise ruledata.RuleFileError(f"{where}: format must be {FORMAT!r}")
    level_names = {
        level: ruledata.localized(names, f"{where} level_names.{level}")
        for level, names in (data.get("level_names") or {}).items()
    }
    unknown_levels = set(level_names) - set(_LEVELS)
    if unknown_levels:
        raise ruledata.RuleFileError(f"{where}: level_names has unknown levels {sorted(unknown_levels)}")
    regions = []
    for index, raw in enumerate(data.get("region") or []):
        region_id = raw.get("id")
        if not isinstance(region_id, str) or not _ID.fullmatch(region_id):
            raise ruledata.RuleFileError(f"{where} region #{index + 1}: bad id {region_id!r}")
        regions.append(Region(region_id, ruledata.localized(raw.get("name"), f"{where} region {region_id} name")))
    region_ids = {region.id for region in regions}
    entries, problems = _parse_entries(data.get("body"), region_ids, origin="shipped")
    if problems:
        first = problems[0]
        raise ruledata.RuleFileError(
            f"{where} body {first.entry} {first.field}: {first.message.msgid.format(**first.message.params)}"
        )
    return tuple(regions), tuple(entries), level_names


@functools.cache
def numbered_levels() -> frozenset[str]:
    """The levels whose bodies are known by a number (precinct and district commissions), from ``bodies.toml``."""
    raw = ruledata.load(SHIPPED_FILE).get("numbered_levels", [])
    levels = ruledata.string_list(raw, f"{SHIPPED_FILE} numbered_levels")
    unknown = sorted(set(levels) - set(_LEVELS))
    if unknown:
        raise ruledata.RuleFileError(f"{SHIPPED_FILE} numbered_levels: unknown levels {unknown}")
    return frozenset(levels)


def is_numbered(level: str) -> bool:
    """Whether a body of ``level`` is known by its number (a precinct commission), not by its name alone (the CEC)."""
    return level in numbered_levels()


@functools.cache
def shipped_directory() -> Directory:
    """The directory as shipped, without the user's entries (one instance: nothing changes a directory)."""
    regions, entries, level_names = _shipped()
    return Directory(regions, entries, level_names)


def load_user_entries(path: Path | None = None) -> list[BodyEntry]:
    """The user's own entries ([] when the file does not exist).

    Raises:
        DirectoryError: the file exists but is unusable (every problem listed).
    """
    target = path or user_path()
    if not target.exists():
        return []
    return read_entries(target)


def load_directory() -> Directory:
    """The shipped directory merged with the user's entries.

    Raises:
        DirectoryError: the user's file is unusable; callers fall back to
            :func:`shipped_directory` and tell the user.
    """
    regions, entries, level_names = _shipped()
    return Directory(regions, [*entries, *load_user_entries()], level_names)


def read_entries(path: Path) -> list[BodyEntry]:
    """Read and validate a directory file (``.toml`` or ``.json``).

    Raises:
        DirectoryError: naming every bad entry and field.
    """
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in (".toml", ".json"):
        raise DirectoryError(source, [DirectoryProblem("", "", Message(MSG_SUFFIX))])
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DirectoryError(source, [DirectoryProblem("", "", Message(MSG_FILE_TOO_LARGE, limit=MAX_FILE_BYTES))])
        raw_bytes = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise DirectoryError(source, [DirectoryProblem("", "", Message(MSG_FILE_UNREADABLE, reason=reason))]) from None
    try:
        text = raw_bytes.decode("utf-8-sig")
        data = tomllib.loads(text) if suffix == ".toml" else json.loads(text)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, json.JSONDecodeError) as error:
        kind = "TOML" if suffix == ".toml" else "JSON"
        syntax: Message | str = Message(NOT_UTF8)
        if isinstance(error, json.JSONDecodeError):
            syntax = Message(AT_LINE, reason=json_reason(error.msg), line=error.lineno, column=error.colno)
        elif isinstance(error, tomllib.TOMLDecodeError):
            syntax = toml_reason(error)
        raise DirectoryError(
            source, [DirectoryProblem("", "", Message(MSG_FILE_SYNTAX, kind=kind, reason=syntax))]
        ) from None
    if not isinstance(data, dict):
        raise DirectoryError(source, [DirectoryProblem("", "", Message(MSG_NO_ENTRIES))])
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        raise DirectoryError(
            source, [DirectoryProblem("", "format", Message(MSG_FILE_FORMAT, value=fmt, expected=FORMAT))]
        )
    raw_entries = data.get("body", data.get("bodies"))
    if raw_entries is None:
        raise DirectoryError(source, [DirectoryProblem("", "", Message(MSG_NO_ENTRIES))])
    region_ids = {region.id for region in _shipped()[0]}
    entries, problems = _parse_entries(raw_entries, region_ids, origin="user")
    if problems:
        raise DirectoryError(source, problems)
    return entries


def _parse_entries(
    raw_entries: object, region_ids: set[str], *, origin: str
) -> tuple[list[BodyEntry], list[DirectoryProblem]]:
    """Validate every entry; collect every problem rather than stopping at the first."""
    if not isinstance(raw_entries, list):
        return [], [DirectoryProblem("", "", Message(MSG_NO_ENTRIES))]
    entries: list[BodyEntry] = []
    problems: list[DirectoryProblem] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_entries):
        entry, entry_problems = _parse_entry(raw, index, region_ids, origin)
        if entry is not None and entry.id in seen:
            entry_problems.append(DirectoryProblem(entry.id, "id", Message(MSG_DUPLICATE_ID, value=entry.id)))
        problems.extend(entry_problems)
        if entry is not None and not entry_problems:
            seen.add(entry.id)
            entries.append(entry)
    return entries, problems


def _parse_entry(
    raw: object, index: int, region_ids: set[str], origin: str
) -> tuple[BodyEntry | None, list[DirectoryProblem]]:
    label = f"#{index + 1}"
    if not isinstance(raw, Mapping):
        return None, [DirectoryProblem(label, "", Message(MSG_NOT_TABLE))]
    problems: list[DirectoryProblem] = []
    raw_id = raw.get("id")
    if isinstance(raw_id, str) and _ID.fullmatch(raw_id):
        label = raw_id
    elif raw_id is None or raw_id == "":
        problems.append(DirectoryProblem(label, "id", Message(MSG_REQUIRED)))
    else:
        problems.append(DirectoryProblem(label, "id", Message(MSG_BAD_ID, value=str(raw_id))))

    def problem(field: str, message: Message) -> None:
        problems.append(DirectoryProblem(label, field, message))

    for key in raw:
        if key not in ENTRY_FIELDS:
            guesses = difflib.get_close_matches(str(key), ENTRY_FIELDS, n=1)
            if guesses:
                problem(str(key), Message(MSG_UNKNOWN_FIELD_GUESS, value=str(key), guess=guesses[0]))
            else:
                problem(str(key), Message(MSG_UNKNOWN_FIELD, value=str(key)))

    level = raw.get("level")
    if level is None or level == "":
        problem("level", Message(MSG_REQUIRED))
    elif level not in _LEVELS:
        problem("level", Message(MSG_BAD_LEVEL, value=str(level), choices=", ".join(_LEVELS)))

    region = raw.get("region", "")
    if not isinstance(region, str):
        problem("region", Message(MSG_NOT_TEXT))
        region = ""
    elif region and region not in region_ids:
        problem("region", Message(MSG_BAD_REGION, value=region, choices=", ".join(sorted(region_ids))))

    name = raw.get("name")
    names: dict[str, str] = {}
    if name is None:
        problem("name", Message(MSG_REQUIRED))
    elif not isinstance(name, Mapping):
        problem("name", Message(MSG_NAME_LANGUAGES, missing=", ".join(LANGUAGES)))
    else:
        missing = [lang for lang in LANGUAGES if not isinstance(name.get(lang), str) or not name[lang].strip()]
        extra = sorted(str(key) for key in name if key not in LANGUAGES)
        if missing:
            problem("name", Message(MSG_NAME_LANGUAGES, missing=", ".join(missing)))
        if extra:
            problem("name", Message(MSG_NAME_EXTRA, extra=", ".join(extra)))
        for lang in LANGUAGES:
            text = name.get(lang)
            if isinstance(text, str):
                if len(text) > MAX_TEXT_CHARS:
                    problem(f"name.{lang}", Message(MSG_TOO_LONG, limit=MAX_TEXT_CHARS))
                names[lang] = text.strip()

    texts: dict[str, str] = {}
    for field in (*CONTACT_FIELDS, "note"):
        value = raw.get(field, "")
        if not isinstance(value, str):
            problem(field, Message(MSG_NOT_TEXT))
            continue
        value = value.strip()
        if len(value) > MAX_TEXT_CHARS:
            problem(field, Message(MSG_TOO_LONG, limit=MAX_TEXT_CHARS))
        texts[field] = value
    problems.extend(DirectoryProblem(label, field, message) for field, message in _contact_problems(texts))

    verified = raw.get("verified", False)
    if not isinstance(verified, bool):
        problem("verified", Message(MSG_NOT_BOOL))
        verified = False

    if problems:
        return (None if label.startswith("#") else _stub(label)), problems
    entry = BodyEntry(
        id=label,
        level=str(level),
        name=names,
        region=region,
        verified=verified,
        origin=origin,
        **texts,
    )
    return entry, problems


def _stub(entry_id: str) -> BodyEntry:
    """A placeholder carrying only the id, so duplicate ids are still reported."""
    return BodyEntry(id=entry_id, level=Level.OTHER.value, name={})


def _contact_problems(texts: Mapping[str, str]) -> list[tuple[str, Message]]:
    """Validate the phone, e-mail and BIN that are filled in (empty = to confirm)."""
    problems: list[tuple[str, Message]] = []
    if not any(texts.get(field) for field in ("phone", "email", "bin")):
        return problems
    from kzcomplaint.core.case import ids

    phone = texts.get("phone", "")
    if phone and not ids.check_phone(phone).valid:
        problems.append(("phone", Message(MSG_BAD_PHONE, value=phone)))
    email = texts.get("email", "")
    if email and not ids.check_email(email):
        problems.append(("email", Message(MSG_BAD_EMAIL, value=email)))
    bin_value = texts.get("bin", "")
    if bin_value and not ids.check_bin(bin_value).valid:
        problems.append(("bin", Message(MSG_BAD_BIN, value=bin_value)))
    return problems


def validate_entry(entry: BodyEntry) -> list[DirectoryProblem]:
    """Check an entry edited in the app the same way a file entry is checked."""
    region_ids = {region.id for region in _shipped()[0]}
    _parsed, problems = _parse_entry(entry.to_dict(), 0, region_ids, entry.origin)
    return problems


# --- writing -----------------------------------------------------------------------


def entries_to_toml(entries: Iterable[BodyEntry]) -> str:
    """Write entries as a directory TOML file."""
    lines = [
        '# kzcomplaint directory of bodies. Empty contact fields are "to confirm".',
        f"format = {ruledata.toml_string(FORMAT)}",
        f"exported_on = {dt.date.today().isoformat()}",
        "",
    ]
    for entry in entries:
        data = entry.to_dict()
        lines.append("[[body]]")
        for key, value in data.items():
            if key == "name":
                lines.extend(f"name.{lang} = {ruledata.toml_string(text)}" for lang, text in value.items())
            elif isinstance(value, bool):
                lines.append(f"{key} = {'true' if value else 'false'}")
            else:
                lines.append(f"{key} = {ruledata.toml_string(value)}")
        lines.append("")
    return "\n".join(lines)


def entries_to_json(entries: Iterable[BodyEntry]) -> str:
    """Write entries as a directory JSON file."""
    data = {"format": FORMAT, "bodies": [entry.to_dict() for entry in entries]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def export_entries(entries: Iterable[BodyEntry], path: Path) -> None:
    """Write ``entries`` to ``path`` as TOML or JSON (by the file's suffix), atomically.

    Raises:
        DirectoryError: the suffix is neither .toml nor .json.
        OSError: the file cannot be written.
    """
    from kzcomplaint.core.files import atomic

    suffix = path.suffix.lower()
    if suffix == ".toml":
        text = entries_to_toml(entries)
    elif suffix == ".json":
        text = entries_to_json(entries)
    else:
        raise DirectoryError(str(path), [DirectoryProblem("", "", Message(MSG_SUFFIX))])
    atomic.write_private_file(path, text.encode("utf-8"))


def save_user_entries(entries: Iterable[BodyEntry]) -> None:
    """Replace the user's own directory file with ``entries`` (TOML, mode 0600)."""
    export_entries([dataclasses.replace(entry, origin="user") for entry in entries], user_path())


def import_entries(path: Path) -> list[BodyEntry]:
    """Read a directory file and merge its entries into the user's own file.

    Entries with an id the user already has replace it; the others are added.

    Returns:
        The imported entries.

    Raises:
        DirectoryError: the file (or the user's current file) is unusable.
    """
    imported = read_entries(path)
    current = {entry.id: entry for entry in load_user_entries()}
    for entry in imported:
        current[entry.id] = entry
    save_user_entries(current.values())
    return imported
