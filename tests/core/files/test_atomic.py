"""Atomic private writes: what ``sync=False`` (a batch's many files) must not give up."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kzcomplaint.core.files import atomic


@pytest.mark.parametrize("sync", [True, False])
def test_an_existing_file_is_never_replaced_without_overwrite(tmp_path: Path, sync: bool) -> None:
    target = tmp_path / "document.docx"
    atomic.write_private_file(target, b"the user's own")
    with pytest.raises(FileExistsError):
        atomic.write_private_file(target, b"another", overwrite=False, sync=sync)
    assert target.read_bytes() == b"the user's own"
    assert os.listdir(tmp_path) == ["document.docx"]  # no temporary file left beside it


@pytest.mark.parametrize("sync", [True, False])
def test_the_bytes_are_on_disk_before_the_name_and_the_folder_synced_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sync: bool
) -> None:
    events: list[str] = []
    fsync, replace = os.fsync, os.replace

    def on_fsync(descriptor: int) -> None:
        events.append("folder" if stat.S_ISDIR(os.fstat(descriptor).st_mode) else "file")
        fsync(descriptor)

    def on_replace(source: str, target: str | os.PathLike[str]) -> None:
        events.append("name")
        replace(source, target)

    monkeypatch.setattr(os, "fsync", on_fsync)
    monkeypatch.setattr(os, "replace", on_replace)
    target = atomic.write_private_file(tmp_path / "case.json", b"{}", sync=sync)
    assert events == (["file", "name", "folder"] if sync else ["file", "name"])
    assert target.read_bytes() == b"{}" and stat.S_IMODE(target.stat().st_mode) == 0o600
