"""Forget everything on this computer: every file the app keeps about its user, listed and removed.

The app keeps, in its own folders: the remembered profile, the autosaves and
the drafts kept aside, the list of recent cases, the log, the interface
settings (``ui.ini``), the user's directory of bodies and calendar, and the
passphrase settings. A killed process may also have left temporary copies
(``.<name>.<pid>-….tmp``) there or next to a case file it was saving.
:func:`stored_files` lists all of it; :func:`forget_everything` removes it
and says what it removed. Case files and documents the user saved where
they chose are theirs, and are not touched.

Nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from kzcomplaint.core.case import drafts, profile, vault
from kzcomplaint.core.files import atomic, resources


def app_folders() -> list[Path]:
    """The app's own folders: the user data folder and the user config folder."""
    return [resources.user_data_dir(), resources.user_config_dir()]


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    try:
        for root, _dirs, files in os.walk(folder):
            found.extend(Path(root) / name for name in files)
    except OSError:
        pass
    return found


def _temp_folders() -> list[Path]:
    """Where a killed process may have left temporary files: the app's folders and those of the recent cases."""
    folders: list[Path] = []
    for folder in app_folders():
        with contextlib.suppress(OSError):
            folders.extend(Path(root) for root, _dirs, _files in os.walk(folder))
    folders.extend(case.path.parent for case in drafts.recent_cases())
    return folders


def orphan_temp_files() -> list[Path]:
    """Temporary files left by a killed process: in the app's folders and next to the recent case files."""
    found: list[Path] = []
    for folder in dict.fromkeys(_temp_folders()):  # each folder once, in order
        found.extend(atomic.orphan_temp_files(folder))
    return found


def remove_orphan_temp_files() -> list[Path]:
    """Remove what :func:`orphan_temp_files` finds (at every start); return what was removed."""
    return atomic.remove_orphan_temp_files(_temp_folders())


def protected_files() -> list[Path]:
    """The files a passphrase encrypts: the profile, the recent list, the autosaves and the kept drafts."""
    candidates = [profile.profile_path(), drafts.recent_path(), *drafts.autosave_files(), *drafts.kept_drafts()]
    return [path for path in candidates if path.is_file()]


def stored_files() -> list[Path]:
    """Every file the app keeps about its user on this computer, sorted."""
    files = {*orphan_temp_files()}
    for folder in app_folders():
        files.update(_walk(folder))
    return sorted(files)


def _remove_empty_folders(folders: Iterable[Path]) -> None:
    for folder in folders:
        for root, _dirs, _files in sorted(os.walk(folder), key=lambda entry: -len(entry[0])):
            with contextlib.suppress(OSError):
                os.rmdir(root)


def forget_everything() -> tuple[list[Path], list[Path]]:
    """Remove every file of :func:`stored_files`; return (removed, could not be removed).

    The passphrase of this process is forgotten too.
    """
    removed: list[Path] = []
    kept: list[Path] = []
    for path in stored_files():
        try:
            path.unlink()
            removed.append(path)
        except FileNotFoundError:
            continue
        except OSError:
            kept.append(path)
    _remove_empty_folders(app_folders())
    vault.lock()
    return removed, kept
