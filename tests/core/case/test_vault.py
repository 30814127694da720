"""The optional passphrase: nothing in clear once set, a wrong passphrase loses nothing, a locked app writes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kzcomplaint.core.case import caseio, drafts, forget, profile, vault
from kzcomplaint.core.case.model import Case, Person

NAME = "Тестова Айгерим"
SYNTHETIC_IIN = "800416400005"  # core.ids.make_iin(1980-04-16, female, 0): no real person


@pytest.fixture(autouse=True)
def _forget_the_key(kz_home: Path) -> Iterator[None]:
    vault.lock()
    yield
    vault.lock()


def _plain(path: Path) -> bool:
    raw = path.read_bytes()
    return NAME.encode("utf-8") in raw or SYNTHETIC_IIN.encode("ascii") in raw


def test_setting_a_passphrase_encrypts_what_exists_and_everything_written_after(kz_home: Path) -> None:
    profile.save_profile(Person(full_name=NAME, iin=SYNTHETIC_IIN))
    drafts.remember_case(kz_home / "case.json", "observer_removed")
    slot = drafts.AutosaveSlot.create()
    slot.write(Case(complainant=Person(full_name=NAME, iin=SYNTHETIC_IIN)))
    files = forget.protected_files()
    assert len(files) == 3 and all(_plain(path) for path in files[:1])
    assert sorted(vault.set_passphrase("correct horse battery", files)) == sorted(files)
    for path in files:
        assert path.read_bytes().startswith(vault.HEADER) and not _plain(path)
        assert path.stat().st_mode & 0o777 == 0o600
    assert profile.load_profile().iin == SYNTHETIC_IIN
    assert drafts.recent_cases()[0].template == "observer_removed"
    slot.write(Case(facts=f"{NAME} again"))
    assert not _plain(slot.path)
    slot.release()

    # The next start: locked until the passphrase is given; nothing is read, written or lost meanwhile.
    vault.lock()
    assert not vault.is_unlocked()
    with pytest.raises(vault.VaultLocked):
        profile.save_profile(Person(full_name=NAME))
    with pytest.raises(profile.ProfileError):
        profile.load_profile()
    assert drafts.claim_orphans() == [] and slot.path.is_file(), "a locked draft is left as it is, not deleted"
    before = {path: path.read_bytes() for path in forget.protected_files()}
    with pytest.raises(vault.WrongPassphrase):
        vault.unlock("wrong horse battery")
    assert {path: path.read_bytes() for path in forget.protected_files()} == before
    vault.unlock("correct horse battery")
    [draft] = drafts.claim_orphans()
    assert draft.case.facts == f"{NAME} again"
    draft.slot.release()


def test_a_copy_started_before_the_passphrase_was_set_writes_nothing_in_clear(kz_home: Path) -> None:
    slot = drafts.AutosaveSlot.create()  # this "copy" has no key
    vault.set_passphrase("correct horse battery", [])
    vault.lock()  # as if it were another process, which never heard the passphrase
    with pytest.raises(vault.VaultLocked):
        slot.write(Case(complainant=Person(full_name=NAME)))
    assert not slot.path.exists()
    with pytest.raises(vault.VaultLocked):
        drafts.remember_case(kz_home / "case.json")
    assert not drafts.recent_path().exists()


def test_removing_the_passphrase_decrypts_and_short_ones_are_refused(kz_home: Path) -> None:
    with pytest.raises(vault.VaultError):
        vault.set_passphrase("short", [])
    assert not vault.is_protected()
    profile.save_profile(Person(full_name=NAME))
    vault.set_passphrase("correct horse battery", forget.protected_files())
    vault.remove_passphrase(forget.protected_files())
    assert not vault.is_protected() and _plain(profile.profile_path())
    assert profile.load_profile().full_name == NAME


def test_case_files_the_user_saves_stay_ordinary_json(kz_home: Path) -> None:
    vault.set_passphrase("correct horse battery", [])
    path = kz_home / "case.json"
    caseio.save_case(Case(complainant=Person(full_name=NAME)), path)
    assert caseio.load_case(path).complainant.full_name == NAME and _plain(path)
