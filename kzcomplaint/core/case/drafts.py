"""Never lose an answer: the autosaved draft and the list of recent cases.

The app writes the case being edited to ``drafts/autosave.json`` in the user
data folder every few seconds and on every page change, in the ordinary
case-file format (through :func:`kzcomplaint.core.case.caseio.save_case`:
atomic, readable only by the owner). A side file remembers which case file
the draft belongs to. When the app starts and an autosave exists — after a
crash, a kill, or a close with unsaved answers — it offers to restore it;
the autosave is removed only once the case was saved or the user discarded
it.

Recent cases are a short list of case files the user opened or saved; the
start screen shows them with the terms that fall due soon
(:mod:`kzcomplaint.core.filing.due`).

Nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzcomplaint.core.files import resources
from kzcomplaint.core.files.atomic import write_private_file

if TYPE_CHECKING:
    from kzcomplaint.core.case.model import Case

DRAFTS_DIR = "drafts"
AUTOSAVE_FILE = "autosave.json"
AUTOSAVE_META_FILE = "autosave.meta.json"
RECENT_FILE = "recent.json"
RECENT_LIMIT = 12


def drafts_dir() -> Path:
    """The folder of the autosaved draft (not created here)."""
    return resources.user_data_dir() / DRAFTS_DIR


def autosave_path() -> Path:
    """The autosave file, in the case-file format."""
    return drafts_dir() / AUTOSAVE_FILE


@dataclasses.dataclass(frozen=True)
class Autosave:
    """A restorable draft: the case, the file it belongs to, when it was written."""

    case: Case
    source: Path | None
    saved_at: dt.datetime | None


def write_autosave(case: Case, *, source: Path | None = None) -> Path:
    """Autosave ``case`` (atomic, mode 0600); ``source`` is the case file it was opened from.

    Returns:
        The autosave file.

    Raises:
        OSError: the user data folder cannot be written.
    """
    from kzcomplaint.core.case import caseio

    folder = drafts_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = autosave_path()
    caseio.save_case(case, target)
    meta = {
        "source": str(source) if source else None,
        "saved_at": dt.datetime.now().replace(microsecond=0).isoformat(),
    }
    write_private_file(folder / AUTOSAVE_META_FILE, json.dumps(meta).encode("utf-8"))
    return target


def has_autosave() -> bool:
    """Whether a draft is waiting to be restored."""
    return autosave_path().is_file()


def read_autosave() -> Autosave | None:
    """The autosaved draft, or None when there is none.

    Raises:
        kzcomplaint.core.case.caseio.CaseFileError: the autosave exists but is
            damaged; the caller offers to discard it.
    """
    from kzcomplaint.core.case import caseio

    target = autosave_path()
    if not target.is_file():
        return None
    case = caseio.load_case(target)
    source: Path | None = None
    saved_at: dt.datetime | None = None
    try:
        meta = json.loads((drafts_dir() / AUTOSAVE_META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = {}
    if isinstance(meta, dict):
        if isinstance(meta.get("source"), str) and meta["source"]:
            source = Path(meta["source"])
        if isinstance(meta.get("saved_at"), str):
            with contextlib.suppress(ValueError):
                saved_at = dt.datetime.fromisoformat(meta["saved_at"])
    if saved_at is None:
        with contextlib.suppress(OSError):
            saved_at = dt.datetime.fromtimestamp(target.stat().st_mtime).replace(microsecond=0)
    return Autosave(case=case, source=source, saved_at=saved_at)


def discard_autosave() -> None:
    """Remove the autosaved draft (after the case was saved or the user discarded it)."""
    for name in (AUTOSAVE_FILE, AUTOSAVE_META_FILE):
        with contextlib.suppress(FileNotFoundError):
            (drafts_dir() / name).unlink()


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
    """The recent cases, most recently used first (a damaged list reads as empty)."""
    try:
        raw = json.loads(recent_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
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
    write_private_file(recent_path(), json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def remember_case(path: Path, template: str = "", *, now: dt.datetime | None = None) -> list[RecentCase]:
    """Put ``path`` at the top of the recent cases; return the new list."""
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
