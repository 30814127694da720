"""Writing the user's files safely: atomically, and readable by the owner only.

Case files, drafts, the profile, documents and the user's directory hold
personal data (names, IINs, phones): a crash, a kill or a full disk must
leave the old file or the new one, never half of one, and nobody but the
owner may read them. This is the one writer every part of the app uses.

The temporary file is ``.<name>.<pid>-<random>.tmp`` beside the target. A
process killed mid-write leaves it behind; :func:`remove_orphan_temp_files`
removes those whose process is gone (at the next start), never the temporary
file of a copy of the app that is still writing.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import time
from collections.abc import Iterable
from pathlib import Path

TEMP_SUFFIX = ".tmp"
_TEMP_NAME = re.compile(r"\..+\.([0-9]+)-[A-Za-z0-9_]+\.tmp")
ORPHAN_AGE_S = 3600
"""Where a process cannot be asked whether it lives (Windows), a temporary file this old is an orphan."""


class NotAFileError(OSError):
    """The target exists and is a device, a pipe or a socket: it is left as it is."""


def temp_prefix(name: str) -> str:
    """The start of the temporary file's name for a target called ``name``."""
    return f".{name}.{os.getpid()}-"


def sync_folder(folder: Path) -> None:
    """Make the names written in ``folder`` durable (the files' own bytes are already synced when written).

    :func:`write_private_file` does this after each file unless told not to;
    a writer of many files into one folder (a batch) calls it once, before it
    reports the files written. POSIX only: Windows cannot open a folder this
    way, and there a rename is already durable enough.
    """
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _publish_new(temporary: str, path: Path) -> None:
    """Put ``temporary`` at ``path`` only if nothing is there (no race with another writer)."""
    if os.name == "nt":
        os.rename(temporary, path)  # Windows' rename refuses an existing target
        return
    try:
        os.link(temporary, path)  # fails with EEXIST, whoever created the file meanwhile
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        # A file system without hard links (FAT on a USB stick): the check and the
        # rename are two steps, which is as good as that file system allows.
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
        os.replace(temporary, path)
        return
    os.unlink(temporary)


def write_private_file(
    path: Path, data: bytes, *, overwrite: bool = True, make_folders: bool = True, sync: bool = True
) -> Path:
    """Write ``data`` to ``path`` atomically, readable and writable by the owner only (mode 0600).

    The bytes go to a temporary file in the same folder, are flushed to disk,
    and replace ``path`` in one step, so a crash leaves either the old file or
    the new one, never half of one. A symbolic link is followed (the file it
    points to is replaced, the link is kept).

    Args:
        path: the file to write.
        data: its whole content.
        overwrite: when False, an existing ``path`` is never replaced
            (:class:`FileExistsError`), even if another process creates it
            while this one writes.
        make_folders: create missing folders (mode 0700).
        sync: make the new name durable too (the folder synced). With False
            the bytes are still on disk before the name appears — a crash can
            lose the new file, never leave half of one — and the caller calls
            :func:`sync_folder` before it says the file was written.

    Returns:
        The file written (the link's target when ``path`` is a link).

    Raises:
        FileExistsError: ``overwrite`` is False and ``path`` exists.
        IsADirectoryError: ``path`` is a folder.
        NotAFileError: ``path`` is a device, a pipe or a socket.
        OSError: the folder or file cannot be written (no space, no permission…).
    """
    import tempfile  # imported here: the first window must not wait for it

    path = Path(path)
    if path.is_symlink():
        path = path.resolve()
    try:
        mode: int | None = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None:
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(mode):
            # os.replace would put a file in place of /dev/null or a pipe.
            raise NotAFileError(errno.EEXIST, "not an ordinary file, left as it is", str(path))
        if not overwrite:
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
    if make_folders:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, temporary = tempfile.mkstemp(prefix=temp_prefix(path.name), suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            if hasattr(os, "fchmod"):  # not on Windows, where mkstemp's file is private anyway
                os.fchmod(stream.fileno(), 0o600)
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if overwrite:
            os.replace(temporary, path)
        else:
            _publish_new(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    if sync:
        sync_folder(path.parent)
    return path


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return True  # cannot ask cheaply: the file's age decides (see below)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


def orphan_temp_files(folder: Path) -> list[Path]:
    """The temporary files in ``folder`` (not below it) left by a process that no longer runs."""
    found: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    now = time.time()
    for entry in entries:
        match = _TEMP_NAME.fullmatch(entry.name)
        if match is None:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        pid = int(match[1])
        if pid == os.getpid():
            continue  # this process's own write, in progress
        if not _process_alive(pid) or (sys.platform == "win32" and age > ORPHAN_AGE_S):
            found.append(Path(entry.path))
    return found


def remove_orphan_temp_files(folders: Iterable[Path]) -> list[Path]:
    """Remove the orphan temporary files of ``folders``; return those removed."""
    removed: list[Path] = []
    seen: set[Path] = set()
    for folder in folders:
        if folder in seen:
            continue
        seen.add(folder)
        for path in orphan_temp_files(folder):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed
