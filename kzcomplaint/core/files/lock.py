"""An exclusive lock on a file, held while a process lives and let go by the system when it dies.

Two copies of the app (or two windows of one) must never write the same
autosave. Each holds the lock of its own slot; a slot whose lock anyone can
take belongs to a copy that has ended (closed, crashed, killed with -9), and
its draft may be restored — by one copy only, the one that took the lock.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path


class FileLock:
    """A non-blocking exclusive lock on ``path`` (created if missing, mode 0600)."""

    def __init__(self, path: Path) -> None:
        """Name the lock file; nothing is locked yet."""
        self.path = path
        self._descriptor: int | None = None

    @property
    def held(self) -> bool:
        """Whether this object holds the lock."""
        return self._descriptor is not None

    def acquire(self) -> bool:
        """Take the lock without waiting; True when taken (or already held here), False when someone holds it."""
        if self._descriptor is not None:
            return True
        try:
            descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return False
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                # flock belongs to this open file: a second open, even in this process, cannot take it.
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(descriptor)
            return False
        self._descriptor = descriptor
        return True

    def release(self, *, remove: bool = False) -> None:
        """Let the lock go; with ``remove``, delete the lock file first (only its holder may)."""
        descriptor, self._descriptor = self._descriptor, None
        if descriptor is None:
            return
        if remove:
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        with contextlib.suppress(OSError):
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)
        os.close(descriptor)
