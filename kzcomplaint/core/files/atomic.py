"""Writing the user's files safely: atomically, and readable by the owner only.

Case files, drafts, the profile and the user's directory hold personal data
(names, IINs, phones): a crash or a full disk must leave the old file or the
new one, never half of one, and nobody but the owner may read them.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def write_private_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, readable and writable by the owner only.

    The bytes go to a temporary file in the same folder, are flushed to disk,
    and replace ``path`` in one step, so a crash leaves either the old file or
    the new one, never half of one. Missing folders are created (mode 0700).

    Raises:
        OSError: the folder or file cannot be written.
    """
    import tempfile  # imported here: the first window must not wait for it

    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
