"""Forget everything: every file the app keeps about its user listed and removed; the user's own files untouched."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kzcomplaint.core.case import caseio, drafts, forget, profile
from kzcomplaint.core.case.model import Case, Person
from kzcomplaint.core.files import atomic, resources

ROOT = Path(__file__).resolve().parents[3]


def _store_everything(kz_home: Path) -> tuple[Path, Path]:
    profile.save_profile(Person(full_name="Тестова Айгерим"))
    my_case = kz_home / "mine" / "case.json"
    my_case.parent.mkdir()
    caseio.save_case(Case(facts="mine"), my_case)
    drafts.remember_case(my_case)
    slot = drafts.AutosaveSlot.create()
    slot.write(Case(facts="draft"))
    slot.release()
    (drafts.kept_dir()).mkdir(parents=True)
    (drafts.kept_dir() / "20210110-old.autosave").write_text("{")
    (resources.user_data_dir() / "kzcomplaint.log").write_text("log")
    resources.user_config_dir().mkdir(parents=True, exist_ok=True)
    (resources.user_config_dir() / "ui.ini").write_text("[ui]")
    (resources.user_config_dir() / "calendar.toml").write_text("")
    orphan = my_case.parent / f".case.json.{2**22 + 12345}-abcdef.tmp"  # a pid no process has
    orphan.write_text("half a case")
    return my_case, orphan


def test_forget_everything_lists_and_removes_every_stored_file(kz_home: Path) -> None:
    my_case, orphan = _store_everything(kz_home)
    stored = forget.stored_files()
    names = {path.name for path in stored}
    assert {"profile.json", "recent.json", "kzcomplaint.log", "ui.ini", "calendar.toml", orphan.name} <= names
    assert any(name.endswith(".autosave") for name in names) and "20210110-old.autosave" in names
    removed, kept = forget.forget_everything()
    assert sorted(removed) == stored and kept == []
    assert forget.stored_files() == []
    assert not resources.user_data_dir().exists() and not resources.user_config_dir().exists()
    assert caseio.load_case(my_case).facts == "mine", "the user's own case file is theirs"
    assert not orphan.exists()


def test_a_live_writers_temporary_file_is_never_an_orphan(tmp_path: Path) -> None:
    live = tmp_path / f".case.json.{os.getpid()}-abc.tmp"
    live.write_text("being written")
    dead = tmp_path / f".case.json.{2**22 + 1}-abc.tmp"
    dead.write_text("left behind")
    assert atomic.orphan_temp_files(tmp_path) == [dead]


def _cli(kz_home: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, KZCOMPLAINT_HOME=str(kz_home))
    return subprocess.run(
        [sys.executable, "-m", "kzcomplaint", "--ui-lang", "en", "forget", *args],
        cwd=ROOT, env=env, input=stdin, capture_output=True, text=True, timeout=60, check=False,
    )


def test_the_forget_command_asks_unless_yes(kz_home: Path) -> None:
    _store_everything(kz_home)
    count = len(forget.stored_files())
    refused = _cli(kz_home, stdin="yes\n")  # not a terminal: nothing is removed without --yes
    assert refused.returncode == 2 and "--yes" in refused.stderr and "Nothing was removed" in refused.stdout
    assert len(forget.stored_files()) == count
    done = _cli(kz_home, "--yes")
    assert done.returncode == 0, done.stderr
    assert f"Removed {count} file(s)." in done.stdout and "profile.json" in done.stdout
    assert forget.stored_files() == []
    again = _cli(kz_home, "--yes")
    assert again.returncode == 0 and "keeps nothing about you" in again.stdout
