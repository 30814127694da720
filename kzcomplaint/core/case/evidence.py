"""Reading an evidence file: which files may be read, within what limits, and what is learnt of them.

A case file or a CSV row can name any path as evidence; the document then
states the file's size, time and SHA-256. So that a case someone sent cannot
fingerprint ``~/.ssh/id_rsa`` or ``/etc/shadow`` into a document, nor hang
the app on ``/proc/self/pagemap`` or a pipe, a file is read only when

- it lies inside the case file's folder (relative paths start there; ``..``
  and links leading out are refused), or the user picked it in a file
  dialog of this window (``picked``);
- it is an ordinary file (no folder, device, pipe or socket — checked on the
  opened file, so nothing is swapped in between), no larger than
  :data:`MAX_BYTES`, its length what the system says (``/proc`` files say 0
  and are endless), and read within :data:`TIME_LIMIT_S`.

:func:`read_evidence` never raises: it returns what was read, or why not.
What the document prints for each outcome is the documents' business; the
checker's ``evidence.unreadable`` warning asks the same function, so the two
agree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import stat
import time
from collections.abc import Collection
from pathlib import Path

from kzcomplaint.core.case.model import Case
from kzcomplaint.core.text.i18n import N_, Message

MAX_BYTES = 8 * 1024**3
"""The largest evidence file read (a long video of a polling station)."""

TIME_LIMIT_S = 120.0
"""The longest time spent hashing one file (a slow network share)."""

_CHUNK = 1 << 20

READ = "read"
MISSING = "missing"
OUTSIDE = "outside"
NOT_A_FILE = "not_a_file"
TOO_LARGE = "too_large"
TOO_SLOW = "too_slow"
UNREADABLE = "unreadable"

MSG_OUTSIDE = N_(
    "The evidence file {file} is outside the case file's folder, so it was not read. Put it in that folder "
    "(or a folder inside it) and write its path relative to the case file."
)
MSG_NO_FOLDER = N_(
    "The evidence file {file} has no case folder to be found in, so it was not read. "
    "Save the case first, or attach the file with “Attach files…”."
)
MSG_MISSING = N_("The evidence file {file} was not found. Check its name and that it is in the case file's folder.")
MSG_NOT_A_FILE = N_("{file} is not an ordinary file (a folder, a device or a pipe), so it was not read as evidence.")
MSG_TOO_LARGE = N_("The evidence file {file} is larger than {limit} bytes, so it was not read.")
MSG_TOO_SLOW = N_(
    "Reading the evidence file {file} took longer than {seconds} s, so it was not read. Copy it to this computer."
)
MSG_UNREADABLE = N_("The evidence file {file} cannot be read ({reason}).")


@dataclasses.dataclass(frozen=True)
class EvidenceRead:
    """What was learnt of one evidence file, or why it was not read.

    Attributes:
        name: the path as written in the case.
        status: ``read``, ``missing``, ``outside``, ``not_a_file``,
            ``too_large``, ``too_slow`` or ``unreadable``.
        size, modified, sha256: of a file read (``status == "read"``).
        reason: what to tell the user when it was not read.
    """

    name: str
    status: str
    size: int = 0
    modified: dt.datetime | None = None
    sha256: str = ""
    reason: Message | None = None

    @property
    def ok(self) -> bool:
        """Whether the file was read."""
        return self.status == READ


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return False


def _locate(name: str, base_dir: Path | None, picked: Collection[Path]) -> tuple[Path | None, EvidenceRead | None]:
    """The file to read, or why none may be read."""
    path = Path(name)  # no "~": a case file must not reach into the home folder
    if not path.is_absolute():
        if base_dir is None:
            return None, EvidenceRead(name, OUTSIDE, reason=Message(MSG_NO_FOLDER, file=name))
        path = base_dir / path
    try:
        resolved = path.resolve()
        chosen = {Path(os.path.abspath(item)) for item in picked} | {Path(item).resolve() for item in picked}
    except (OSError, RuntimeError, ValueError):
        return None, EvidenceRead(name, MISSING, reason=Message(MSG_MISSING, file=name))
    if Path(os.path.abspath(path)) in chosen or resolved in chosen:
        return resolved, None
    if base_dir is None or not _inside(resolved, base_dir):
        return None, EvidenceRead(name, OUTSIDE, reason=Message(MSG_OUTSIDE, file=name))
    return resolved, None


def read_evidence(
    name: str,
    base_dir: Path | None,
    *,
    picked: Collection[Path] = (),
    max_bytes: int = MAX_BYTES,
    time_limit: float = TIME_LIMIT_S,
    content: bool = True,
) -> EvidenceRead:
    """Size, modification time and SHA-256 of an evidence file, or why it was not read (never raises).

    Args:
        name: the path as written in the case, relative to ``base_dir``.
        base_dir: the case file's folder (None: a case not saved yet).
        picked: files the user picked in a file dialog: read wherever they are.
        max_bytes: the largest file read.
        time_limit: the longest time spent reading it, in seconds.
        content: False to open the file and look at it without hashing it
            (``sha256`` stays ""): the checker's quick look, cheap enough for
            the window to take on every change. It refuses what the full read
            refuses, except a file too slow to hash, which only the full read
            (the document's) finds.
    """
    path, refused = _locate(name, base_dir, picked)
    if refused is not None or path is None:
        return refused or EvidenceRead(name, MISSING, reason=Message(MSG_MISSING, file=name))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)  # O_NONBLOCK: opening a pipe must not wait for a writer
    except FileNotFoundError:
        return EvidenceRead(name, MISSING, reason=Message(MSG_MISSING, file=name))
    except IsADirectoryError:
        return EvidenceRead(name, NOT_A_FILE, reason=Message(MSG_NOT_A_FILE, file=name))
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return EvidenceRead(name, UNREADABLE, reason=Message(MSG_UNREADABLE, file=name, reason=reason))
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            return EvidenceRead(name, NOT_A_FILE, reason=Message(MSG_NOT_A_FILE, file=name))
        if info.st_size > max_bytes:
            return EvidenceRead(name, TOO_LARGE, reason=Message(MSG_TOO_LARGE, file=name, limit=max_bytes))
        if content:
            digest = _digest(descriptor, str(path), info.st_size, info.st_mtime_ns, time_limit)
        else:
            digest = "" if _holds_more(descriptor, info.st_size) else None
    except OSError as error:
        reason = error.strerror or str(error)
        return EvidenceRead(name, UNREADABLE, reason=Message(MSG_UNREADABLE, file=name, reason=reason))
    finally:
        os.close(descriptor)
    if digest is None and content:
        return EvidenceRead(name, TOO_SLOW, reason=Message(MSG_TOO_SLOW, file=name, seconds=int(time_limit)))
    if digest == "":
        # More bytes than the system says the file has: /proc and other endless files.
        return EvidenceRead(name, NOT_A_FILE, reason=Message(MSG_NOT_A_FILE, file=name))
    modified = dt.datetime.fromtimestamp(info.st_mtime).astimezone()
    return EvidenceRead(name, READ, size=info.st_size, modified=modified, sha256=digest or "")


def _holds_more(descriptor: int, size: int) -> bool:
    """Whether the open file has a byte past the ``size`` the system states (``/proc`` files state 0)."""
    if hasattr(os, "pread"):
        return bool(os.pread(descriptor, 1, size))
    os.lseek(descriptor, size, os.SEEK_SET)
    return bool(os.read(descriptor, 1))


_known: dict[tuple[str, int, int], str] = {}
"""Digests already computed, by file and version (the preview renders often)."""


def _digest(descriptor: int, path: str, size: int, mtime_ns: int, time_limit: float) -> str | None:
    """The SHA-256 of the open file; None when too slow, "" when it holds more than ``size`` bytes."""
    key = (path, size, mtime_ns)
    if key in _known:
        return _known[key]
    started = time.monotonic()
    digest = hashlib.sha256()
    remaining = size
    while remaining > 0:
        chunk = os.read(descriptor, min(_CHUNK, remaining))
        if not chunk:
            break  # shrank meanwhile: hashed as it is now
        digest.update(chunk)
        remaining -= len(chunk)
        if time.monotonic() - started > time_limit:
            return None
    if os.read(descriptor, 1):
        return ""
    value = digest.hexdigest()
    if len(_known) > 1024:
        _known.clear()
    _known[key] = value
    return value


def evidence_notes(
    case: Case, base_dir: Path | None, *, picked: Collection[Path] = ()
) -> list[tuple[str, Message]]:
    """For each evidence file of ``case`` not read (refused, missing, unreadable): its field and why.

    The document says nothing of such a file (no path, no "not found": only the
    item's description and medium), so the user is told here.
    """
    notes = []
    for index, item in enumerate(case.evidence):
        if item.file:
            result = read_evidence(item.file, base_dir, picked=picked)
            if result.reason is not None:
                notes.append((f"evidence.{index}.file", result.reason))
    return notes
