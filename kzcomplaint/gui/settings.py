"""Interface preferences kept with QSettings: language, role, window geometry, folders.

Only UI preferences live here (an INI file in the user config folder, so a
test's ``KZCOMPLAINT_HOME`` isolates it); cases, drafts and the profile are
the core's business.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from kzcomplaint.core.files import resources
from kzcomplaint.core.text.i18n import N_
from kzcomplaint.core.text.languages import LANGUAGES

if TYPE_CHECKING:
    from PySide6.QtCore import QByteArray

ROLES: tuple[str, ...] = ("observer", "lawyer", "trainer")
"""Who uses the app (USERS.md); the role sets the defaults of a new case."""
ROLE_NAMES: dict[str, str] = {
    "observer": N_("&Observer"),
    "lawyer": N_("&Lawyer"),
    "trainer": N_("&Trainer"),
}
"""Each role's name (a msgid with its mnemonic), as menus and the first-run dialog show it."""


class UiSettings:
    """Typed access to the interface preferences."""

    def __init__(self) -> None:
        """Open the INI file in the user config folder."""
        self.path = resources.user_config_dir() / "ui.ini"
        self._store = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._private()

    def _private(self) -> None:
        # The last folder used names the user's cases: the owner's only, like every file of the app.
        with contextlib.suppress(OSError):
            os.chmod(self.path, 0o600)

    def sync(self) -> None:
        """Write pending changes to disk (readable by the owner only)."""
        self._store.sync()
        self._private()

    def forget(self) -> None:
        """Remove every preference, in memory and on disk ("Forget everything")."""
        self._store.clear()
        self._store.sync()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    @property
    def language(self) -> str | None:
        """The chosen interface language, or None before the first run."""
        value = self._store.value("ui/language", "")
        return value if value in LANGUAGES else None

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue("ui/language", value)

    @property
    def role(self) -> str | None:
        """The user's role, or None before the first run."""
        value = self._store.value("ui/role", "")
        return value if value in ROLES else None

    @role.setter
    def role(self, value: str) -> None:
        self._store.setValue("ui/role", value)

    @property
    def first_run_done(self) -> bool:
        """Whether the language and role were asked."""
        return self.language is not None and self.role is not None

    @property
    def geometry(self) -> QByteArray | None:
        """The main window's saved geometry."""
        value = self._store.value("window/geometry")
        if value is None:  # none saved yet (the first start): QByteArray's type need not be loaded
            return None
        from PySide6.QtCore import QByteArray

        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    @property
    def last_folder(self) -> str:
        """The folder of the last file opened, saved or exported."""
        return str(self._store.value("files/last_folder", ""))

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._store.setValue("files/last_folder", value)

    @property
    def training_today(self) -> dt.date | None:
        """A trainer's "today" for exercises, or None for the real date."""
        value = str(self._store.value("training/today", ""))
        try:
            return dt.date.fromisoformat(value) if value else None
        except ValueError:
            return None

    @training_today.setter
    def training_today(self, value: dt.date | None) -> None:
        self._store.setValue("training/today", value.isoformat() if value else "")
