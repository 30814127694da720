"""Evidence files: only ordinary files inside the case's folder (or picked by the user), within limits, never a hang."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import pytest

from kzcomplaint.core.case import evidence
from kzcomplaint.core.case.model import Case, Evidence


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    (folder / "media").mkdir(parents=True)
    (folder / "media" / "clip.mp4").write_bytes(b"synthetic clip")
    (tmp_path / "secret.txt").write_text("not evidence")
    return folder


def test_a_file_inside_the_case_folder_is_read(case_dir: Path) -> None:
    result = evidence.read_evidence("media/clip.mp4", case_dir)
    assert result.ok and result.size == 14 and result.sha256 == hashlib.sha256(b"synthetic clip").hexdigest()
    assert result.modified is not None and result.reason is None


@pytest.mark.parametrize("name", ["../secret.txt", "media/../../secret.txt", "~/.bashrc", "/etc/passwd", "/etc/shadow"])
def test_a_path_leading_out_of_the_case_folder_is_refused(case_dir: Path, name: str) -> None:
    result = evidence.read_evidence(name, case_dir)
    assert result.status in ("outside", "missing") and not result.sha256
    if Path(name).is_absolute() or ".." in name:
        assert result.status == "outside" and result.reason.msgid == evidence.MSG_OUTSIDE


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_link_leading_out_is_refused(case_dir: Path) -> None:
    (case_dir / "media" / "link.txt").symlink_to(case_dir.parent / "secret.txt")
    assert evidence.read_evidence("media/link.txt", case_dir).status == "outside"


def test_a_file_the_user_picked_is_read_wherever_it_is(case_dir: Path) -> None:
    elsewhere = case_dir.parent / "secret.txt"
    assert evidence.read_evidence(str(elsewhere), None).status == "outside"
    assert evidence.read_evidence(str(elsewhere), None, picked=[elsewhere]).ok


@pytest.mark.skipif(sys.platform != "linux", reason="/proc is Linux's")
@pytest.mark.parametrize("name", ["/proc/self/pagemap", "/proc/self/mem", "/dev/zero", "/dev/urandom", "/proc/kmsg"])
def test_endless_and_special_files_picked_in_a_dialog_are_refused_not_hung_on(name: str) -> None:
    # /proc/self/pagemap made render and batch hang forever; "picked" lifts only the folder rule.
    result = evidence.read_evidence(name, None, picked=[Path(name)])
    assert not result.ok and result.status in ("not_a_file", "unreadable", "missing")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_in_the_case_folder_is_refused_without_waiting(case_dir: Path) -> None:
    os.mkfifo(case_dir / "media" / "pipe.mp4")
    assert evidence.read_evidence("media/pipe.mp4", case_dir).status == "not_a_file"
    assert evidence.read_evidence("media", case_dir).status == "not_a_file"


def test_size_and_time_limits(case_dir: Path) -> None:
    assert evidence.read_evidence("media/clip.mp4", case_dir, max_bytes=10).status == "too_large"
    (case_dir / "media" / "big.bin").write_bytes(b"x" * (3 << 20))
    assert evidence.read_evidence("media/big.bin", case_dir, time_limit=-1).status == "too_slow"
    assert evidence.read_evidence("media/missing.mp4", case_dir).status == "missing"


def test_notes_name_the_field_of_every_file_not_read(case_dir: Path) -> None:
    case = Case(
        evidence=[
            Evidence("Video", "media/clip.mp4"),
            Evidence("Passwords", "../../../etc/passwd"),
            Evidence("Witness"),
            Evidence("Gone", "media/gone.mp4"),
        ]
    )
    notes = evidence.evidence_notes(case, case_dir)
    # The document says nothing of a file it did not read, a missing one included: the note does.
    assert [(field, message.msgid) for field, message in notes] == [
        ("evidence.1.file", evidence.MSG_OUTSIDE),
        ("evidence.3.file", evidence.MSG_MISSING),
    ]


def test_the_quick_look_refuses_what_the_full_read_refuses_without_hashing(case_dir: Path) -> None:
    (case_dir / "media" / "big.bin").write_bytes(b"x" * (3 << 20))
    for name in ("media/clip.mp4", "media/big.bin", "../secret.txt", "media/missing.mp4", "media", "/etc/passwd"):
        full = evidence.read_evidence(name, case_dir)
        quick = evidence.read_evidence(name, case_dir, content=False)
        assert (quick.ok, quick.status, quick.size) == (full.ok, full.status, full.size), name
        assert quick.sha256 == ""  # looked at, not hashed
    assert evidence.read_evidence("media/clip.mp4", case_dir, max_bytes=10, content=False).status == "too_large"
    # Only the full read finds a file too slow to hash.
    assert evidence.read_evidence("media/big.bin", case_dir, time_limit=-1, content=False).ok


@pytest.mark.skipif(sys.platform != "linux", reason="/proc is Linux's")
@pytest.mark.parametrize("name", ["/proc/self/pagemap", "/proc/self/status", "/dev/zero"])
def test_the_quick_look_refuses_endless_files_too(name: str) -> None:
    assert not evidence.read_evidence(name, None, picked=[Path(name)], content=False).ok
