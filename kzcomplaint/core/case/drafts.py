"""Never lose an answer: one autosave per window, each under its own lock, and the list of recent cases.

Every window autosaves the case it edits every few seconds and on every page
change into its own *slot* in ``drafts/`` of the user data folder: a file
``<slot>.autosave`` (the case, the case file it belongs to and when it was
written, in one atomic write, so the draft and its file can never be
mismatched) and a lock ``<slot>.lock`` held as long as the window lives. Two
copies of the app never share or take each other's slot. A slot whose lock
can be taken belongs to a window that is gone (closed with unsaved answers,
crashed, killed): :func:`claim_orphans` takes it, and the window that
restores it keeps it.

A draft the loader refuses is never deleted: it is moved aside to
``drafts/kept/`` as it is, and what could be read of it is offered with the
list of what could not (:class:`Autosave` ``problems`` and ``kept``).

With a passphrase set (:mod:`kzcomplaint.core.case.vault`), autosaves, kept
drafts and the recent list are written encrypted.

Recent cases are a short list of case files the user opened or saved; the
start screen shows them with the terms that fall due soon
(:mod:`kzcomplaint.core.filing.due`).

Nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzcomplaint.core.case import vault
from kzcomplaint.core.files import resources
from kzcomplaint.core.files.lock import FileLock
from kzcomplaint.core.text.i18n import N_, Message

if TYPE_CHECKING:
    from kzcomplaint.core.case import caseio
    from kzcomplaint.core.case.model import Case

# The case model, its file reader and writer (caseio) and json are imported where a draft or the
# list is written or read, not here: the first window would otherwise wait for them (some 13 ms).

DRAFTS_DIR = "drafts"
KEPT_DIR = "kept"
AUTOSAVE_SUFFIX = ".autosave"
LOCK_SUFFIX = ".lock"
AUTOSAVE_FORMAT = "kzcomplaint-autosave/1"
LEGACY_AUTOSAVE_FILE = "autosave.json"
LEGACY_META_FILE = "autosave.meta.json"
RECENT_FILE = "recent.json"
RECENT_LIMIT = 12

MSG_NOT_AN_AUTOSAVE = N_("This is not an autosaved draft of kzcomplaint.")


def drafts_dir() -> Path:
    """The folder of the autosaves (not created here)."""
    return resources.user_data_dir() / DRAFTS_DIR


def kept_dir() -> Path:
    """The folder where drafts the loader refused are kept as they were."""
    return drafts_dir() / KEPT_DIR


class AutosaveSlot:
    """One window's autosave: its file and its lock (held while the slot is in use)."""

    def __init__(self, slot_id: str) -> None:
        """Name the slot; :meth:`claim` takes it."""
        self.id = slot_id
        self.path = drafts_dir() / f"{slot_id}{AUTOSAVE_SUFFIX}"
        self.lock = FileLock(drafts_dir() / f"{slot_id}{LOCK_SUFFIX}")

    @classmethod
    def create(cls) -> AutosaveSlot:
        """A new slot of this process, locked.

        Raises:
            OSError: the drafts folder cannot be created or locked.
        """
        drafts_dir().mkdir(parents=True, exist_ok=True, mode=0o700)
        while True:
            slot = cls(os.urandom(8).hex())  # 16 random hex digits, as a uuid4's first 16 (no uuid import at start)
            if not slot.path.exists() and slot.lock.acquire():
                return slot

    def claim(self) -> bool:
        """Take the slot when no living window holds it and it still has a draft; True when taken."""
        if not self.lock.acquire():
            return False
        if not self.path.is_file():  # its owner finished with it meanwhile
            self.lock.release()
            return False
        return True

    def write(self, case: Case, *, source: Path | None = None) -> Path:
        """Autosave ``case`` (one atomic write, mode 0600; encrypted with a passphrase set).

        Raises:
            vault.VaultLocked: a passphrase is set and was not given (nothing is written).
            OSError: the user data folder cannot be written.
        """
        import json

        from kzcomplaint.core.case import caseio

        envelope = {
            "format": AUTOSAVE_FORMAT,
            "saved_at": dt.datetime.now().replace(microsecond=0).isoformat(),
            "source": str(source) if source else None,
            "case": caseio.case_to_dict(case),
        }
        try:
            payload = json.dumps(envelope, ensure_ascii=False, indent=1).encode("utf-8")
        except UnicodeEncodeError:
            # A lone surrogate (the inputs remove them) is written escaped and listed by
            # the loader at restore: a draft is never refused at the moment it is saved.
            payload = json.dumps(envelope, ensure_ascii=True, indent=1).encode("ascii")
        return vault.write(self.path, payload)

    def discard(self) -> None:
        """Remove the draft (after the case was saved or the user discarded it); the slot stays held."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def release(self) -> None:
        """Give the slot up: the draft, if any, stays for the next start to offer."""
        self.lock.release(remove=not self.path.exists())

    def close(self) -> None:
        """Discard the draft and give the slot up (a window closed with nothing unsaved)."""
        self.discard()
        self.release()


@dataclasses.dataclass
class Autosave:
    """A restorable draft, its slot claimed by this process.

    Attributes:
        slot: the slot, held: the window that restores the draft keeps autosaving into it.
        case: the draft (what could be read of it, when ``problems``).
        source: the case file it belongs to; None for a new case and for a
            draft read only in part (saving it must never replace a file).
        saved_at: when it was written.
        problems: what could not be read; the file was moved to ``kept``.
        kept: where the refused draft is kept, as it was.
        readable: False when nothing could be read (``case`` is empty).
    """

    slot: AutosaveSlot
    case: Case
    source: Path | None
    saved_at: dt.datetime | None
    problems: list[caseio.LoadProblem] = dataclasses.field(default_factory=list)
    kept: Path | None = None
    readable: bool = True


def keep_aside(path: Path) -> Path:
    """Move a refused draft to :func:`kept_dir` as it is (never deleted); return where it is now.

    Raises:
        OSError: it cannot be moved.
    """
    folder = kept_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{stamp}-{path.name}"
    counter = 2
    while target.exists():
        target = folder / f"{stamp}-{counter}-{path.name}"
        counter += 1
    os.replace(path, target)
    return target


def kept_drafts() -> list[Path]:
    """The refused drafts kept aside, oldest first."""
    try:
        return sorted(path for path in kept_dir().iterdir() if path.is_file())
    except OSError:
        return []


def _envelope(raw: bytes, source: str) -> tuple[Any, str | None, dt.datetime | None]:
    """The case data, the source and the time of an autosave's bytes.

    Raises:
        caseio.CaseFileError: the bytes are not an autosave.
    """
    from kzcomplaint.core.case import caseio

    data = caseio.read_json(raw, source)
    if not isinstance(data, dict) or data.get("format") != AUTOSAVE_FORMAT:
        raise caseio.CaseFileError(source, [caseio.LoadProblem("", Message(MSG_NOT_AN_AUTOSAVE))])
    origin = data.get("source") if isinstance(data.get("source"), str) and data.get("source") else None
    saved_at = None
    if isinstance(data.get("saved_at"), str):
        with contextlib.suppress(ValueError):
            saved_at = dt.datetime.fromisoformat(data["saved_at"])
    return data.get("case"), origin, saved_at


def read_slot(slot: AutosaveSlot) -> Autosave:
    """The draft of a claimed slot; a refused one is kept aside and read in part.

    Raises:
        vault.VaultLocked: it is encrypted and the passphrase was not given (it stays as it is).
        OSError: it cannot be read (it stays as it is).
    """
    from kzcomplaint.core.case import caseio

    source = str(slot.path)
    raw = vault.read(slot.path)
    saved_at = dt.datetime.fromtimestamp(slot.path.stat().st_mtime).replace(microsecond=0)
    try:
        data, origin, written = _envelope(raw, source)
    except caseio.CaseFileError as error:
        from kzcomplaint.core.case.model import Case

        kept = keep_aside(slot.path)
        return Autosave(slot, Case(), None, saved_at, list(error.problems), kept, readable=False)
    salvaged = caseio.salvage_case_data(data, source)
    if not salvaged.problems:
        return Autosave(slot, salvaged.case, Path(origin) if origin else None, written or saved_at)
    kept = keep_aside(slot.path)
    return Autosave(slot, salvaged.case, None, written or saved_at, salvaged.problems, kept, salvaged.readable)


def _adopt_legacy() -> None:
    """Turn the single autosave of earlier versions into a slot (a refused one is kept aside)."""
    legacy = drafts_dir() / LEGACY_AUTOSAVE_FILE
    if not legacy.is_file():
        return
    import json

    from kzcomplaint.core.case import caseio

    meta_path = drafts_dir() / LEGACY_META_FILE
    salvaged = caseio.salvage_case(legacy)
    if salvaged.problems:
        with contextlib.suppress(OSError):
            keep_aside(legacy)
        return
    origin = None
    with contextlib.suppress(OSError, ValueError, AttributeError):
        origin = json.loads(meta_path.read_text(encoding="utf-8")).get("source")
    slot = AutosaveSlot.create()
    try:
        slot.write(salvaged.case, source=Path(origin) if isinstance(origin, str) and origin else None)
    except (OSError, vault.VaultError):
        slot.lock.release(remove=True)
        return
    slot.release()
    legacy.unlink()
    with contextlib.suppress(FileNotFoundError):
        meta_path.unlink()


def autosave_files() -> list[Path]:
    """Every autosave on disk, held or not."""
    try:
        return sorted(drafts_dir().glob(f"*{AUTOSAVE_SUFFIX}"))
    except OSError:
        return []


def claim_orphans() -> list[Autosave]:
    """Claim the drafts of windows that are gone and read them, newest first.

    A draft held by a living window (another copy of the app) is not touched.
    One that cannot be read now (passphrase not given, unreadable) is left
    as it is and its slot let go. The caller restores each draft or calls
    :meth:`AutosaveSlot.close` (discard) or :meth:`AutosaveSlot.release`
    (keep for the next start).
    """
    with contextlib.suppress(OSError, vault.VaultError):
        _adopt_legacy()
    found: list[Autosave] = []
    for path in autosave_files():
        slot = AutosaveSlot(path.name[: -len(AUTOSAVE_SUFFIX)])
        if not slot.claim():
            continue
        try:
            found.append(read_slot(slot))
        except (OSError, vault.VaultError):
            slot.release()
    found.sort(key=lambda draft: draft.saved_at or dt.datetime.min, reverse=True)
    return found


def has_autosave() -> bool:
    """Whether some draft is on disk (held by a window or waiting to be restored)."""
    return bool(autosave_files()) or (drafts_dir() / LEGACY_AUTOSAVE_FILE).is_file()


# --- recent cases --------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class RecentCase:
    """A case file the user opened or saved."""

    path: Path
    template: str
    used_at: dt.datetime | None

    @property
    def exists(self) -> bool:
        """Whether the file is still there."""
        return self.path.is_file()


def recent_path() -> Path:
    """The file listing the recent cases."""
    return resources.user_data_dir() / RECENT_FILE


def recent_cases() -> list[RecentCase]:
    """The recent cases, most recently used first (a damaged or locked list reads as empty)."""
    try:
        data = vault.read(recent_path())
    except (OSError, vault.VaultError):
        return []  # none yet (a first start reads no further)
    import json

    try:
        raw = json.loads(data)
    except ValueError:
        return []
    if not isinstance(raw, dict) or not isinstance(raw.get("cases"), list):
        return []
    result: list[RecentCase] = []
    for item in raw["cases"]:
        if not isinstance(item, dict) or not isinstance(item.get("path"), str):
            continue
        used_at = None
        if isinstance(item.get("used_at"), str):
            with contextlib.suppress(ValueError):
                used_at = dt.datetime.fromisoformat(item["used_at"])
        template = item.get("template") if isinstance(item.get("template"), str) else ""
        result.append(RecentCase(Path(item["path"]), str(template), used_at))
    return result[:RECENT_LIMIT]


def _write_recent(cases: Iterable[RecentCase]) -> None:
    data: dict[str, Any] = {
        "cases": [
            {
                "path": str(case.path),
                "template": case.template,
                "used_at": case.used_at.isoformat() if case.used_at else None,
            }
            for case in cases
        ]
    }
    import json

    vault.write(recent_path(), json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def remember_case(path: Path, template: str = "", *, now: dt.datetime | None = None) -> list[RecentCase]:
    """Put ``path`` at the top of the recent cases; return the new list.

    Raises:
        OSError, vault.VaultLocked: the list cannot be written.
    """
    resolved = Path(os.path.abspath(path))
    when = (now or dt.datetime.now()).replace(microsecond=0)
    others = [case for case in recent_cases() if case.path != resolved]
    cases = [RecentCase(resolved, template, when), *others][:RECENT_LIMIT]
    _write_recent(cases)
    return cases


def forget_case(path: Path) -> list[RecentCase]:
    """Remove ``path`` from the recent cases (the file itself is kept); return the new list."""
    resolved = Path(os.path.abspath(path))
    cases = [case for case in recent_cases() if case.path != resolved]
    _write_recent(cases)
    return cases
