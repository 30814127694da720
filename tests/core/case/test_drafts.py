"""Autosave, restore, recent cases, the terms falling due, and the remembered profile."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from kzcomplaint.core.case import caseio, drafts, profile
from kzcomplaint.core.case.model import Body, Case, Contested, Person
from kzcomplaint.core.files import atomic
from kzcomplaint.core.filing import due

SYNTHETIC_IIN = "800416400005"  # core.ids.make_iin(1980-04-16, female, 0): no real person


def _case(**changes: object) -> Case:
    case = Case(
        template="observer_denied_entry",
        complainant=Person(full_name="Тестова Айгерим", iin=SYNTHETIC_IIN, phone="+7 700 000 00 01"),
        respondent=Body(level="precinct", number="123"),
        addressee=Body(level="territorial"),
        contested=Contested(type="action", date=dt.date(2021, 1, 10)),
    )
    for name, value in changes.items():
        setattr(case, name, value)
    return case


def test_no_autosave_at_first(kz_home: Path) -> None:
    assert not drafts.has_autosave()
    assert drafts.claim_orphans() == []


def test_autosave_round_trip_private_atomic_and_locked(kz_home: Path) -> None:
    case = _case(facts="Что произошло.")
    source = kz_home / "cases" / "mine.json"
    slot = drafts.AutosaveSlot.create()
    path = slot.write(case, source=source)
    assert path == slot.path and path.stat().st_mode & 0o777 == 0o600
    assert [name for name in os.listdir(drafts.drafts_dir()) if name.endswith(".tmp")] == []
    assert drafts.claim_orphans() == [], "a slot held by a living window is not anyone's to take"
    slot.release()
    [restored] = drafts.claim_orphans()
    assert restored.case == case and restored.source == source and restored.saved_at is not None
    assert restored.problems == [] and restored.kept is None
    assert drafts.claim_orphans() == [], "claimed once: a second copy of the app does not get it too"
    restored.slot.close()
    assert not drafts.has_autosave()
    restored.slot.close()  # closing twice is harmless


def test_two_slots_never_collide(kz_home: Path) -> None:
    first, second = drafts.AutosaveSlot.create(), drafts.AutosaveSlot.create()
    assert first.path != second.path
    other = drafts.AutosaveSlot(first.id)
    assert not other.lock.acquire(), "the lock excludes even another handle of this process"
    first.write(_case(facts="one"))
    second.write(_case(facts="two"))
    first.release()
    second.release()
    assert sorted(draft.case.facts for draft in drafts.claim_orphans()) == ["one", "two"]


def test_damaged_autosave_is_kept_aside_never_deleted(kz_home: Path) -> None:
    slot = drafts.AutosaveSlot.create()
    slot.path.write_text("{not json", encoding="utf-8")
    slot.release()
    [draft] = drafts.claim_orphans()
    assert not draft.readable and draft.problems
    assert draft.kept is not None and draft.kept.read_text(encoding="utf-8") == "{not json"
    assert drafts.kept_drafts() == [draft.kept]
    assert not slot.path.exists()


def test_an_autosave_of_an_earlier_version_is_adopted(kz_home: Path) -> None:
    drafts.drafts_dir().mkdir(parents=True)
    source = kz_home / "mine.json"
    caseio.save_case(_case(facts="from the old version"), drafts.drafts_dir() / drafts.LEGACY_AUTOSAVE_FILE)
    (drafts.drafts_dir() / drafts.LEGACY_META_FILE).write_text(json.dumps({"source": str(source)}))
    [draft] = drafts.claim_orphans()
    assert draft.case.facts == "from the old version" and draft.source == source
    assert sorted(os.listdir(drafts.drafts_dir())) == sorted([draft.slot.path.name, draft.slot.lock.path.name])


def test_write_private_file_replaces_atomically(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "file.bin"
    atomic.write_private_file(target, b"one")
    atomic.write_private_file(target, b"two")
    assert target.read_bytes() == b"two"
    assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(os.listdir(target.parent)) == ["file.bin"]


def test_recent_cases_most_recent_first_without_duplicates(kz_home: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    drafts.remember_case(first, "observer_removed", now=dt.datetime(2021, 1, 10, 9, 0))
    drafts.remember_case(second, "ballot_stuffing", now=dt.datetime(2021, 1, 10, 10, 0))
    drafts.remember_case(first, "observer_removed", now=dt.datetime(2021, 1, 10, 11, 0))
    recent = drafts.recent_cases()
    assert [case.path for case in recent] == [first, second]
    assert recent[0].used_at == dt.datetime(2021, 1, 10, 11, 0)
    assert recent[0].template == "observer_removed"
    assert not recent[0].exists
    drafts.forget_case(first)
    assert [case.path for case in drafts.recent_cases()] == [second]


def test_recent_list_is_capped(kz_home: Path, tmp_path: Path) -> None:
    for index in range(drafts.RECENT_LIMIT + 5):
        drafts.remember_case(tmp_path / f"{index}.json")
    assert len(drafts.recent_cases()) == drafts.RECENT_LIMIT


def test_damaged_recent_list_reads_as_empty(kz_home: Path) -> None:
    drafts.recent_path().parent.mkdir(parents=True, exist_ok=True)
    drafts.recent_path().write_text("[1, 2", encoding="utf-8")
    assert drafts.recent_cases() == []
    drafts.recent_path().write_text(json.dumps({"cases": [{"path": 3}, "x", {"path": "/tmp/ok.json"}]}))
    assert [case.path for case in drafts.recent_cases()] == [Path("/tmp/ok.json")]


@pytest.mark.parametrize(
    ("today", "bucket"),
    [
        (dt.date(2021, 1, 20), "today"),
        (dt.date(2021, 1, 19), "tomorrow"),
        (dt.date(2021, 1, 15), "week"),
        (dt.date(2021, 1, 12), None),
        (dt.date(2021, 1, 21), None),
    ],
)
def test_terms_falling_due(kz_home: Path, tmp_path: Path, today: dt.date, bucket: str | None) -> None:
    path = tmp_path / "case.json"
    caseio.save_case(_case(), path)
    terms, unreadable = due.due_terms([path], today=today)
    assert unreadable == []
    filing = [term for term in terms if term.deadline.rule == "election.appeal_filing"]
    if bucket is None:
        assert filing == []
    else:
        assert [term.bucket for term in filing] == [bucket]
        assert filing[0].due == dt.date(2021, 1, 20)
        assert filing[0].deadline.citation.article == "20"


def test_unreadable_case_files_are_listed(kz_home: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    terms, unreadable = due.due_terms([broken, tmp_path / "missing.json"], today=dt.date(2021, 1, 15))
    assert terms == []
    assert unreadable == [broken, tmp_path / "missing.json"]


def test_profile_is_opt_in_private_and_forgettable(kz_home: Path) -> None:
    assert profile.load_profile() is None
    person = Person(
        full_name="Тестова Айгерим", iin=SYNTHETIC_IIN, birth_date=dt.date(1980, 4, 16), phone="+7 700 000 00 01"
    )
    path = profile.save_profile(person)
    assert path.stat().st_mode & 0o777 == 0o600
    assert profile.has_profile()
    assert profile.load_profile() == person
    profile.forget_profile()
    assert not profile.has_profile()
    profile.forget_profile()


@pytest.mark.parametrize(
    "content",
    [
        "{",
        json.dumps({"format": "other/1", "person": {}}),
        json.dumps({"format": profile.FORMAT, "person": {"nickname": "x"}}),
        json.dumps({"format": profile.FORMAT, "person": {"birth_date": "1980-02-31"}}),
        json.dumps({"format": profile.FORMAT, "person": {"phone": 7}}),
    ],
)
def test_damaged_profile_raises_a_message(kz_home: Path, content: str) -> None:
    profile.profile_path().parent.mkdir(parents=True, exist_ok=True)
    profile.profile_path().write_text(content, encoding="utf-8")
    with pytest.raises(profile.ProfileError) as caught:
        profile.load_profile()
    assert caught.value.message.msgid in (profile.MSG_DAMAGED, profile.MSG_UNREADABLE)
