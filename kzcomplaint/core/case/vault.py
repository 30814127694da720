"""An optional passphrase that encrypts what the app keeps about the user: autosaves, kept drafts, the profile.

For observers at risk of having a laptop taken. Once a passphrase is set,
nothing of these is ever written in clear again: :func:`seal` encrypts
every write, and refuses (:class:`VaultLocked`) while the passphrase has not
been given in this process — a copy of the app that was started before the
passphrase was set cannot write them in clear either, as it checks on every
write. A wrong passphrase changes nothing on disk (:class:`WrongPassphrase`).

A forgotten passphrase cannot be recovered, by anyone: the interface says
so before one is set.

The key is derived with scrypt from the passphrase and a random salt kept in
``vault.json``; files are Fernet tokens (AES-128-CBC with HMAC-SHA256)
behind a short header. Case files the user saves where they choose stay
ordinary JSON, to hand to a lawyer.

Nothing here imports Qt.
"""

from __future__ import annotations

import base64
import contextlib
import os
from pathlib import Path
from typing import Any

from kzcomplaint.core.files import atomic, resources
from kzcomplaint.core.text.i18n import N_, Message

FORMAT = "kzcomplaint-vault/1"
VAULT_FILE = "vault.json"
HEADER = b"KZCOMPLAINT-SEALED/1\n"
MIN_PASSPHRASE_CHARS = 8
_CHECK = b"kzcomplaint passphrase check"
_SCRYPT = {"n": 2**15, "r": 8, "p": 1}

MSG_LOCKED = N_(
    "Your drafts and details are protected by a passphrase that was not given: nothing was written. "
    "Give the passphrase (Settings → Passphrase…) to keep autosaving."
)
MSG_WRONG = N_("This is not the passphrase. Nothing was changed; try again.")
MSG_TOO_SHORT = N_("A passphrase has at least {count} characters.")
MSG_DAMAGED = N_("A protected file cannot be decrypted ({file}); it is damaged. It was left as it is.")
MSG_VAULT_DAMAGED = N_("The passphrase settings ({file}) are damaged; the protected files cannot be opened.")


class VaultError(Exception):
    """A protected file or the passphrase cannot be used; ``message`` says why."""

    def __init__(self, message: Message) -> None:
        """Keep the message."""
        super().__init__(message.msgid.format(**message.params))
        self.message = message


class VaultLocked(VaultError):
    """A passphrase is set but was not given in this process: nothing may be written or read."""


class WrongPassphrase(VaultError):
    """The passphrase given is not the one set."""


_key: bytes | None = None
"""The Fernet key of this process, once the passphrase was given."""


def vault_path() -> Path:
    """Where the salt and the passphrase check are kept."""
    return resources.user_data_dir() / VAULT_FILE


def is_protected() -> bool:
    """Whether a passphrase is set on this computer."""
    return vault_path().is_file()


def is_unlocked() -> bool:
    """Whether this process may read and write protected files (no passphrase set, or it was given)."""
    return _key is not None or not is_protected()


def _derive(passphrase: str, salt: bytes, params: dict[str, int]) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    kdf = Scrypt(salt=salt, length=32, n=params["n"], r=params["r"], p=params["p"])
    return base64.urlsafe_b64encode(kdf.derive(passphrase.encode("utf-8")))


def _read_vault() -> dict[str, Any]:
    import json  # here: a first window without a passphrase reads no vault

    try:
        data = json.loads(vault_path().read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(data.get("format"))
        salt = base64.b64decode(data["salt"])
        params = {name: int(data[name]) for name in ("n", "r", "p")}
        check = str(data["check"]).encode("ascii")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise VaultError(Message(MSG_VAULT_DAMAGED, file=str(vault_path()))) from None
    return {"salt": salt, "params": params, "check": check}


def unlock(passphrase: str) -> None:
    """Give the passphrase for this process.

    Raises:
        WrongPassphrase: it is not the one set (nothing changes).
        VaultError: the passphrase settings are damaged.
    """
    global _key
    from cryptography.fernet import Fernet, InvalidToken

    vault = _read_vault()
    key = _derive(passphrase, vault["salt"], vault["params"])
    try:
        if Fernet(key).decrypt(vault["check"]) != _CHECK:
            raise InvalidToken
    except InvalidToken:
        raise WrongPassphrase(Message(MSG_WRONG)) from None
    _key = key


def lock() -> None:
    """Forget the passphrase in this process (tests; quitting)."""
    global _key
    _key = None


def check_passphrase(passphrase: str) -> Message | None:
    """Why ``passphrase`` cannot be set, or None."""
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        return Message(MSG_TOO_SHORT, count=MIN_PASSPHRASE_CHARS)
    return None


def seal(data: bytes) -> bytes:
    """``data`` as it may be written: encrypted when a passphrase is set, as it is otherwise.

    Raises:
        VaultLocked: a passphrase is set and was not given; nothing may be written.
    """
    if not is_protected():
        return data
    if _key is None:
        raise VaultLocked(Message(MSG_LOCKED))
    from cryptography.fernet import Fernet

    return HEADER + Fernet(_key).encrypt(data)


def is_sealed(raw: bytes) -> bool:
    """Whether ``raw`` is an encrypted file."""
    return raw.startswith(HEADER)


def unseal(raw: bytes, source: Path) -> bytes:
    """The content of a file read from disk: decrypted when it was encrypted.

    Raises:
        VaultLocked: it is encrypted and the passphrase was not given.
        VaultError: it is damaged (it is left as it is).
    """
    if not is_sealed(raw):
        return raw
    if _key is None:
        raise VaultLocked(Message(MSG_LOCKED))
    from cryptography.fernet import Fernet, InvalidToken

    try:
        return Fernet(_key).decrypt(raw[len(HEADER) :])
    except InvalidToken:
        raise VaultError(Message(MSG_DAMAGED, file=str(source))) from None


def write(path: Path, data: bytes) -> Path:
    """Write a protected file: sealed, atomic, mode 0600.

    Raises:
        VaultLocked: a passphrase is set and was not given (nothing is written).
        OSError: the file cannot be written.
    """
    return atomic.write_private_file(path, seal(data))


def read(path: Path) -> bytes:
    """Read a protected file (see :func:`unseal`).

    Raises:
        OSError: it cannot be read.
        VaultLocked, VaultError: see :func:`unseal`.
    """
    return unseal(path.read_bytes(), path)


def _reseal(files: list[Path], transform: Any) -> list[Path]:
    done = []
    for path in files:
        try:
            raw = path.read_bytes()
        except OSError:
            continue
        atomic.write_private_file(path, transform(raw, path))
        done.append(path)
    return done


def set_passphrase(passphrase: str, files: list[Path]) -> list[Path]:
    """Set (or change) the passphrase and encrypt ``files`` with it; return the files encrypted.

    When a passphrase is already set it must have been given (:func:`unlock`).
    The settings are written first, so from that moment on no copy of the app
    writes in clear; then each file is rewritten encrypted.

    Raises:
        VaultError: ``passphrase`` is too short (see :func:`check_passphrase`).
        VaultLocked: a passphrase is set and was not given.
        OSError: a file cannot be written (those done stay encrypted and readable).
    """
    global _key
    import json

    from cryptography.fernet import Fernet

    problem = check_passphrase(passphrase)
    if problem is not None:
        raise VaultError(problem)
    if is_protected() and _key is None:
        raise VaultLocked(Message(MSG_LOCKED))
    # Read everything with the old key before there is a new one.
    contents = {}
    for path in files:
        with contextlib.suppress(OSError):
            contents[path] = unseal(path.read_bytes(), path)
    salt = os.urandom(16)
    key = _derive(passphrase, salt, _SCRYPT)
    vault = {
        "format": FORMAT,
        "kdf": "scrypt",
        "salt": base64.b64encode(salt).decode("ascii"),
        **_SCRYPT,
        "check": Fernet(key).encrypt(_CHECK).decode("ascii"),
    }
    atomic.write_private_file(vault_path(), json.dumps(vault, indent=1).encode("utf-8"))
    _key = key
    for path, content in contents.items():
        atomic.write_private_file(path, seal(content))
    return list(contents)


def remove_passphrase(files: list[Path]) -> list[Path]:
    """Decrypt ``files`` and remove the passphrase (it must have been given); return the files decrypted.

    Raises:
        VaultLocked: the passphrase was not given.
        OSError: a file cannot be written (the passphrase then stays set).
    """
    global _key
    if not is_protected():
        return []
    if _key is None:
        raise VaultLocked(Message(MSG_LOCKED))
    done = _reseal(files, unseal)
    with contextlib.suppress(FileNotFoundError):
        vault_path().unlink()
    _key = None
    return done
