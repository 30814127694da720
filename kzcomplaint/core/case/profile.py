"""The complainant's saved profile: "remember me on this computer", opt-in.

An observer files several complaints in one election; their name, IIN,
address, phone and e-mail are the same in each. When they tick "remember
me", the complainant's details are kept in ``profile.json`` in the user data
folder (atomic write, readable by the owner only) and pre-filled in every
new case. Unticking it deletes the file. Nothing is saved without the tick.
With a passphrase set (:mod:`kzcomplaint.core.case.vault`) the file is encrypted.

Nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

from kzcomplaint.core.case import limits, vault
from kzcomplaint.core.case.model import Person
from kzcomplaint.core.files import resources
from kzcomplaint.core.text.i18n import N_, Message

FORMAT = "kzcomplaint-profile/1"
PROFILE_FILE = "profile.json"
MAX_TEXT_CHARS = limits.MAX_SHORT_TEXT_CHARS

MSG_UNREADABLE = N_("Your saved profile cannot be read ({reason}); it was not used. Fill in your details again.")
MSG_DAMAGED = N_("Your saved profile is damaged ({reason}); it was not used. Fill in your details again.")

_FIELDS = {field.name for field in dataclasses.fields(Person)}


class ProfileError(Exception):
    """The saved profile cannot be used; ``message`` says so in the user's language."""

    def __init__(self, message: Message) -> None:
        """Keep the message."""
        super().__init__(message.msgid)
        self.message = message


def profile_path() -> Path:
    """Where the profile is kept."""
    return resources.user_data_dir() / PROFILE_FILE


def has_profile() -> bool:
    """Whether the user asked to be remembered."""
    return profile_path().is_file()


def load_profile() -> Person | None:
    """The remembered complainant, or None when the user has not opted in.

    Raises:
        ProfileError: the file exists but cannot be used (or the passphrase was not given).
    """
    path = profile_path()
    if not path.is_file():
        return None
    try:
        raw = json.loads(vault.read(path).decode("utf-8"))
    except vault.VaultError as error:
        raise ProfileError(error.message) from None
    except OSError as error:
        raise ProfileError(Message(MSG_UNREADABLE, reason=error.strerror or str(error))) from None
    except ValueError as error:
        raise ProfileError(Message(MSG_DAMAGED, reason=str(error))) from None
    return _parse(raw)


def _parse(raw: Any) -> Person:
    if not isinstance(raw, dict) or raw.get("format") != FORMAT or not isinstance(raw.get("person"), dict):
        raise ProfileError(Message(MSG_DAMAGED, reason=f"format is not {FORMAT}"))
    data = raw["person"]
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in _FIELDS:
            raise ProfileError(Message(MSG_DAMAGED, reason=f"unknown field {key!r}"))
        if key == "birth_date":
            if value is None:
                continue
            try:
                values[key] = dt.date.fromisoformat(str(value))
            except ValueError:
                raise ProfileError(Message(MSG_DAMAGED, reason=f"birth_date {value!r}")) from None
            continue
        if not isinstance(value, str) or len(value) > MAX_TEXT_CHARS:
            raise ProfileError(Message(MSG_DAMAGED, reason=f"field {key!r}"))
        values[key] = value
    return Person(**values)


def save_profile(person: Person) -> Path:
    """Remember ``person`` (atomic, mode 0600).

    Raises:
        OSError: the user data folder cannot be written.
        vault.VaultLocked: a passphrase is set and was not given (nothing is written).
    """
    data = dataclasses.asdict(person)
    data["birth_date"] = person.birth_date.isoformat() if person.birth_date else None
    text = json.dumps({"format": FORMAT, "person": data}, ensure_ascii=False, indent=1)
    path = profile_path()
    vault.write(path, text.encode("utf-8"))
    return path


def forget_profile() -> None:
    """Delete the remembered profile (unticking "remember me")."""
    with contextlib.suppress(FileNotFoundError):
        profile_path().unlink()
