"""Tests for core.caseio: the case file, its loader's messages and atomic saving."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzcomplaint.core.case import caseio, limits, model
from kzcomplaint.core.case.caseio import (
    MAX_FILE_BYTES,
    MAX_SHORT_TEXT_CHARS,
    MAX_TEXT_CHARS,
    CaseFileError,
    CaseSaveError,
    case_to_dict,
    dumps_case,
    load_case,
    loads_case,
    parse_case,
    save_case,
)
from kzcomplaint.core.case.ids import check_email, check_iin, check_phone
from kzcomplaint.core.case.model import Case, Evidence, Person
from kzcomplaint.core.text.i18n import translator
from kzcomplaint.core.text.languages import LANGUAGES

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "observer_removed.json"
RUNNING_AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def example() -> dict[str, Any]:
    """The example case file as parsed JSON, to be spoiled by each test."""
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


def problems_of(data: object) -> dict[str, list[str]]:
    """Load ``data`` expecting failure; return problem path → msgids."""
    with pytest.raises(CaseFileError) as caught:
        parse_case(data, "test.json")
    found: dict[str, list[str]] = {}
    for problem in caught.value.problems:
        found.setdefault(problem.path, []).append(problem.message.msgid)
    return found


def only_problem(data: object) -> caseio.LoadProblem:
    with pytest.raises(CaseFileError) as caught:
        parse_case(data, "test.json")
    assert len(caught.value.problems) == 1, caught.value
    return caught.value.problems[0]


def file_problem(path: Path) -> caseio.LoadProblem:
    with pytest.raises(CaseFileError) as caught:
        load_case(path)
    assert caught.value.source == str(path)
    assert len(caught.value.problems) == 1, caught.value
    problem = caught.value.problems[0]
    assert problem.path == ""
    return problem


# --- the example and the format --------------------------------------------------------


def test_example_loads_and_is_canonical() -> None:
    case = load_case(EXAMPLE)
    assert case.template == "observer_removed"
    assert case.election.voting_day == dt.date(2021, 1, 10)
    assert case.contested.date == dt.date(2021, 1, 10)
    assert case.filing_date == dt.date(2021, 1, 12)
    # The example is exactly what save_case would write.
    assert dumps_case(case) == EXAMPLE.read_text(encoding="utf-8")


def test_example_uses_synthetic_but_valid_identifiers() -> None:
    case = load_case(EXAMPLE)
    iin = check_iin(case.complainant.iin)
    assert iin.valid and iin.birth_date == case.complainant.birth_date
    assert case.complainant.iin not in {"800416100254", "680503250034"}  # made with make_iin
    for phone in (case.complainant.phone, case.respondent.phone, case.addressee.phone):
        assert check_phone(phone).valid
    assert check_email(case.complainant.email) and check_email(case.addressee.email)
    assert case.respondent.number == "999"


@pytest.mark.parametrize(
    ("section", "cls"),
    [
        (caseio._ELECTION_FIELDS, model.Election),
        (caseio._PERSON_FIELDS, model.Person),
        (caseio._BODY_FIELDS, model.Body),
        (caseio._CONTESTED_FIELDS, model.Contested),
        (caseio._EVIDENCE_FIELDS, model.Evidence),
        (caseio._CASE_TEXT_FIELDS, model.CaseText),
    ],
)
def test_field_tables_match_the_model(section: dict[str, Any], cls: type) -> None:
    assert list(section) == [field.name for field in dataclasses.fields(cls)]


def test_case_table_matches_the_model() -> None:
    assert set(caseio._CASE_FIELDS) | {"format"} == {field.name for field in dataclasses.fields(Case)}


def test_case_to_dict_has_every_field_with_iso_dates_and_null_for_unknown() -> None:
    data = case_to_dict(Case())
    assert list(data)[0] == "format" and data["format"] == model.FORMAT
    # A real case's file is as before exercises existed: no exercise section at all.
    assert set(data) == {field.name for field in dataclasses.fields(Case)} - {"exercise"}
    exercise = case_to_dict(Case(exercise=model.Exercise(scenario="s", today=dt.date(2025, 11, 18))))
    assert exercise["exercise"]["today"] == "2025-11-18" and set(exercise) == set(data) | {"exercise"}
    assert data["filing_date"] is None and data["representative"] is None
    assert set(data["complainant"]) == {field.name for field in dataclasses.fields(Person)}
    assert data["contested"]["published_on"] is None
    filled = case_to_dict(Case(filing_date=dt.date(2021, 1, 12), evidence=[Evidence("video")]))
    assert filled["filing_date"] == "2021-01-12"
    assert filled["evidence"] == [{"description": "video", "file": None, "medium": "", "translations": {}}]
    assert data["translations"] == {}


def test_a_file_without_translations_or_media_loads_as_before() -> None:
    """Files written before texts in other languages and evidence media existed load unchanged."""
    data = case_to_dict(load_case(EXAMPLE))
    del data["translations"]
    for item in data["evidence"]:
        del item["medium"], item["translations"]
    case = parse_case(data, "old.json")
    assert case.translations == {} and all(item.medium == "" for item in case.evidence)
    assert case.texts_in("kk").facts == case.facts or "kk" in load_case(EXAMPLE).translations


def test_translations_give_each_language_its_own_texts() -> None:
    data = case_to_dict(Case(language="ru", facts="Факты.", requests=["Требование."], details={"who": "председатель"}))
    data["translations"] = {"kk": {"facts": "Мән-жайлар.", "details": {"who": "төраға"}}}
    data["evidence"] = [{"description": "Видео", "file": None, "medium": "usb_drive", "translations": {"kk": "Бейне"}}]
    case = parse_case(data, "two.json")
    kazakh = case.texts_in("kk")
    assert kazakh.facts == "Мән-жайлар." and kazakh.details == {"who": "төраға"}
    assert kazakh.requests == ["Требование."]  # not translated: the case's own
    assert case.texts_in("ru").facts == "Факты." and case.written_in("kk") and not case.written_in("en")
    assert case.evidence[0].medium == "usb_drive" and case.evidence[0].translations == {"kk": "Бейне"}
    assert parse_case(case_to_dict(case), "again.json") == case


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d.update(translations={"de": {"facts": "x"}}), "translations.de"),
        (lambda d: d.update(translations={"kk": {"facts": 7}}), "translations.kk.facts"),
        (lambda d: d.update(translations=["kk"]), "translations"),
        (lambda d: d["evidence"].append({"description": "x", "medium": "floppy"}), "evidence.0.medium"),
    ],
)
def test_bad_translations_and_media_are_reported_by_field(change: Any, field: str) -> None:
    data = case_to_dict(Case())
    change(data)
    with pytest.raises(CaseFileError) as raised:
        parse_case(data, "bad.json")
    assert field in [problem.path for problem in raised.value.problems]


def test_translations_have_the_limits_of_the_texts_they_translate() -> None:
    """A translation holds no more than the text it translates; salvage keeps each cut to that limit."""
    data = case_to_dict(Case(language="ru", evidence=[Evidence("Видео")]))
    data["translations"] = {
        "kk": {
            "facts": "Ә" * (limits.MAX_LONG_TEXT_CHARS + 1),
            "details": {f"q{number}": "иә" for number in range(limits.MAX_DETAILS + 1)},
            "requests": ["Ә" * 60_000, "Ә" * 60_000],
            "attachments": ["Ә" * (limits.MAX_SHORT_TEXT_CHARS + 1)],
        }
    }
    data["evidence"][0]["translations"] = {"kk": "Ә" * (limits.MAX_SHORT_TEXT_CHARS + 1)}
    with pytest.raises(CaseFileError) as raised:
        parse_case(data, "long.json")
    found = {problem.path: problem.message.params["limit"] for problem in raised.value.problems}
    assert found == {
        "translations.kk.facts": limits.text_limit("facts"),
        "translations.kk.details": limits.MAX_DETAILS,
        "translations.kk.requests": limits.list_total_limit("requests"),
        "translations.kk.attachments.0": limits.text_limit("attachments.0"),
        "evidence.0.translations.kk": limits.text_limit("evidence.description"),
    }
    # The same limits, asked by the translation's own path (what an input for it would be given).
    assert limits.text_limit("translations.kk.facts") == limits.MAX_LONG_TEXT_CHARS
    assert limits.text_limit("evidence.0.translations.kk") == limits.MAX_SHORT_TEXT_CHARS
    assert limits.list_total_limit("translations.ru.attachments") == limits.MAX_ATTACHMENTS_CHARS
    salvaged = caseio.salvage_case_data(data, "long.json")
    kazakh = salvaged.case.translations["kk"]
    assert len(kazakh.facts) == limits.MAX_LONG_TEXT_CHARS and len(kazakh.details) == limits.MAX_DETAILS
    assert kazakh.requests == ["Ә" * 60_000] and len(kazakh.attachments[0]) == limits.MAX_SHORT_TEXT_CHARS
    assert len(salvaged.case.evidence[0].translations["kk"]) == limits.MAX_SHORT_TEXT_CHARS
    assert parse_case(case_to_dict(salvaged.case), "salvaged.json") == salvaged.case


def test_dumps_case_keeps_cyrillic_readable() -> None:
    text = dumps_case(Case(facts="Наблюдатель; байқаушы"))
    assert "Наблюдатель; байқаушы" in text and "\\u" not in text
    assert text.startswith('{\n  "format": "kzcomplaint/2",')


# --- round trip ------------------------------------------------------------------------

TEXT = st.text(
    alphabet=st.one_of(st.characters(blacklist_categories=("Cs", "Cc")), st.sampled_from("\n\r\t")),
    max_size=20,
)
DATES = st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
TIMES = st.just("") | st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59))


def _choice(enum_type: Any) -> st.SearchStrategy[str]:
    return st.sampled_from([member.value for member in enum_type])


PERSONS = st.builds(
    model.Person,
    full_name=TEXT,
    iin=TEXT,
    birth_date=DATES,
    birth_place=TEXT,
    address=TEXT,
    phone=TEXT,
    email=TEXT,
    role=_choice(model.Role),
    organization=TEXT,
    power_of_attorney=TEXT,
)
BODIES = st.builds(
    model.Body,
    level=_choice(model.Level),
    name=TEXT,
    number=TEXT,
    address=TEXT,
    phone=TEXT,
    email=TEXT,
    bin=TEXT,
)
CASES = st.builds(
    Case,
    template=TEXT,
    language=st.sampled_from(LANGUAGES),
    election=st.builds(model.Election, kind=_choice(model.ElectionKind), voting_day=DATES),
    complainant=PERSONS,
    representative=st.none() | PERSONS,
    respondent=BODIES,
    addressee=BODIES,
    contested=st.builds(
        model.Contested,
        type=_choice(model.ContestedType),
        date=DATES,
        time=TIMES,
        place=TEXT,
        decision_number=TEXT,
        published_in=TEXT,
        published_on=DATES,
        received_on=DATES,
    ),
    facts=TEXT,
    details=st.dictionaries(TEXT.filter(str.strip), TEXT, max_size=3),
    requests=st.lists(TEXT, max_size=3),
    evidence=st.lists(st.builds(Evidence, description=TEXT, file=st.none() | TEXT.filter(bool)), max_size=3),
    attachments=st.lists(TEXT, max_size=3),
    filing_date=DATES,
)


@given(CASES)
@settings(max_examples=60)
def test_any_case_survives_dump_and_load(case: Case) -> None:
    assert loads_case(dumps_case(case).encode("utf-8"), "memory") == case


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    case = load_case(EXAMPLE)
    case.representative = Person(full_name="Образцов Кайрат Лесович", role="lawyer", power_of_attorney="№ 1")
    target = tmp_path / "case.json"
    save_case(case, target)
    assert load_case(target) == case
    assert target.read_bytes() == dumps_case(case).encode("utf-8")


def test_saved_file_is_private_even_when_the_old_one_was_not(tmp_path: Path) -> None:
    target = tmp_path / "case.json"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o644)
    save_case(Case(), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_save_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    link = tmp_path / "link.json"
    save_case(Case(facts="old"), real)
    link.symlink_to(real)
    save_case(Case(facts="new"), link)
    assert link.is_symlink()
    assert load_case(real).facts == "new"


# --- atomic saving -------------------------------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "case.json")


@pytest.mark.parametrize("failing", ["replace", "fsync", "fchmod"])
def test_failure_mid_save_keeps_the_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "case.json"
    save_case(Case(facts="old"), target)
    before = target.read_bytes()

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(CaseSaveError) as caught:
        save_case(Case(facts="new"), target)
    monkeypatch.undo()
    assert target.read_bytes() == before
    assert _leftovers(tmp_path) == []
    assert caught.value.message.msgid == caseio.MSG_SAVE_FAILED
    assert caught.value.message.params["reason"] == "No space left on device"
    assert "unchanged" in str(caught.value)


def test_interrupted_save_cleans_up_and_reraises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "case.json"
    save_case(Case(facts="old"), target)

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        save_case(Case(facts="new"), target)
    monkeypatch.undo()
    assert load_case(target).facts == "old"
    assert _leftovers(tmp_path) == []


def test_save_into_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(CaseSaveError) as caught:
        save_case(Case(), tmp_path / "no such folder" / "case.json")
    assert caught.value.message.msgid == caseio.MSG_SAVE_NO_FOLDER
    assert caught.value.message.params["folder"] == str(tmp_path / "no such folder")


def test_save_where_a_file_stands_in_for_the_folder(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(CaseSaveError) as caught:
        save_case(Case(), tmp_path / "notes.txt" / "case.json")
    assert caught.value.message.msgid == caseio.MSG_SAVE_NOT_A_FOLDER


def test_save_onto_a_folder(tmp_path: Path) -> None:
    (tmp_path / "case.json").mkdir()
    with pytest.raises(CaseSaveError) as caught:
        save_case(Case(), tmp_path / "case.json")
    assert caught.value.message.msgid == caseio.MSG_SAVE_IS_DIRECTORY
    assert (tmp_path / "case.json").is_dir()


def test_save_without_permission_is_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As root chmod cannot make a folder read-only, so the refusal is simulated
    # where the operating system would raise it.
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    import tempfile

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(CaseSaveError) as caught:
        save_case(Case(), tmp_path / "case.json")
    assert caught.value.message.msgid == caseio.MSG_SAVE_NO_PERMISSION
    assert not (tmp_path / "case.json").exists()


@pytest.mark.skipif(RUNNING_AS_ROOT or os.name != "posix", reason="root ignores folder permissions")
def test_save_into_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    save_case(Case(facts="old"), folder / "case.json")
    folder.chmod(0o500)
    try:
        with pytest.raises(CaseSaveError) as caught:
            save_case(Case(facts="new"), folder / "case.json")
        assert caught.value.message.msgid == caseio.MSG_SAVE_NO_PERMISSION
        assert load_case(folder / "case.json").facts == "old"
    finally:
        folder.chmod(0o700)


def test_save_refuses_unencodable_text(tmp_path: Path) -> None:
    with pytest.raises(CaseSaveError) as caught:
        save_case(Case(facts="a\ud800b"), tmp_path / "case.json")
    assert caught.value.message.params["char"] == "U+D800"
    assert list(tmp_path.iterdir()) == []


# --- reading the file -------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    problem = file_problem(tmp_path / "nothing.json")
    assert problem.message.msgid == caseio.MSG_NOT_FOUND


def test_folder_instead_of_file(tmp_path: Path) -> None:
    assert file_problem(tmp_path).message.msgid == caseio.MSG_IS_DIRECTORY


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    assert file_problem(pipe).message.msgid == caseio.MSG_NOT_A_FILE


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "case.json"
    target.write_text("{}", encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", refuse)
    problem = file_problem(target)
    monkeypatch.undo()
    assert problem.message.msgid == caseio.MSG_UNREADABLE
    assert problem.message.params["reason"] == "Permission denied"


def test_too_large_file_names_size_and_limit(tmp_path: Path) -> None:
    target = tmp_path / "big.json"
    target.write_bytes(b" " * (MAX_FILE_BYTES + 1))
    problem = file_problem(target)
    assert problem.message.msgid == caseio.MSG_TOO_LARGE
    assert problem.message.params["size"] == MAX_FILE_BYTES + 1
    assert problem.message.params["limit"] == MAX_FILE_BYTES


def test_not_utf8(tmp_path: Path, example: dict[str, Any]) -> None:
    target = tmp_path / "cp1251.json"
    target.write_bytes(json.dumps(example, ensure_ascii=False, indent=2).encode("cp1251", errors="replace"))
    problem = file_problem(target)
    assert problem.message.msgid == caseio.MSG_NOT_UTF8
    line = problem.message.params["line"]
    assert isinstance(line, int) and line > 1


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    target = tmp_path / "bom.json"
    target.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    assert load_case(target) == load_case(EXAMPLE)


def test_invalid_json_names_line_and_column(tmp_path: Path) -> None:
    target = tmp_path / "broken.json"
    target.write_text(
        '{\n  "format": "kzcomplaint/1",\n  "facts": "x"\n  "requests": []\n}', encoding="utf-8"
    )
    problem = file_problem(target)
    assert problem.message.msgid == caseio.MSG_BAD_JSON
    assert (problem.message.params["line"], problem.message.params["column"]) == (4, 3)
    assert "line 4, column 3" in str(problem)


@pytest.mark.parametrize(
    ("raw", "msgid"),
    [
        (b'{"format": "kzcomplaint/1", "details": {"n": NaN}}', caseio.MSG_BAD_CONSTANT),
        (b'{"format": "kzcomplaint/1", "details": {"n": -Infinity}}', caseio.MSG_BAD_CONSTANT),
        (b"[" * 100_000 + b"]" * 100_000, caseio.MSG_TOO_DEEP),
        (b'{"details": {"n": ' + b"9" * 5000 + b"}}", caseio.MSG_BAD_JSON_VALUE),
        (b"", caseio.MSG_BAD_JSON),
    ],
)
def test_json_that_python_would_accept_or_choke_on(raw: bytes, msgid: str) -> None:
    with pytest.raises(CaseFileError) as caught:
        loads_case(raw, "memory")
    assert [p.message.msgid for p in caught.value.problems] == [msgid]


@pytest.mark.parametrize("data", [[], "case", 42, None])
def test_top_level_must_be_an_object(data: object) -> None:
    problem = only_problem(data)
    assert (problem.path, problem.message.msgid) == ("", caseio.MSG_NOT_A_CASE)


# --- format and migration -------------------------------------------------------------


def test_missing_format_is_reported_with_everything_else(example: dict[str, Any]) -> None:
    del example["format"]
    assert only_problem(example).message.msgid == caseio.MSG_FORMAT_MISSING
    assert f'Add "format": "{model.FORMAT}"' in str(only_problem(example))
    example["language"] = "fr"
    assert problems_of(example) == {
        "format": [caseio.MSG_FORMAT_MISSING],
        "language": [caseio.MSG_NOT_ALLOWED],
    }


@pytest.mark.parametrize("version", ["kzcomplaint/3", "kzcomplaint/17"])
def test_newer_format(example: dict[str, Any], version: str) -> None:
    example["format"] = version
    example["a_field_from_the_future"] = True
    problem = only_problem(example)
    assert (problem.path, problem.message.msgid) == ("format", caseio.MSG_FORMAT_NEWER)
    assert "newer version" in str(problem)


@pytest.mark.parametrize("value", ["kzcomplaint/0", "other/1", "", 1, None])
def test_unknown_format(example: dict[str, Any], value: object) -> None:
    example["format"] = value
    problem = only_problem(example)
    assert (problem.path, problem.message.msgid) == ("format", caseio.MSG_FORMAT_UNKNOWN)


def test_migrations_are_applied(example: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    def from_zero(data: Any) -> Any:
        upgraded = dict(data, format=model.FORMAT)
        upgraded["facts"] = upgraded.pop("story")
        return upgraded

    monkeypatch.setitem(caseio.MIGRATIONS, "kzcomplaint/0", from_zero)
    example["format"] = "kzcomplaint/0"
    example["story"] = example.pop("facts")
    case = parse_case(example, "old.json")
    assert case.facts.startswith("10 января 2021 года")
    assert case.format == model.FORMAT
    assert caseio.MIGRATIONS[model.FORMAT](example) is example


# --- fields -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value", "msgid"),
    [
        ("template", 5, caseio.MSG_EXPECTED_TEXT),
        ("complainant.iin", 900517401231, caseio.MSG_EXPECTED_TEXT),
        ("complainant.full_name", ["a"], caseio.MSG_EXPECTED_TEXT),
        ("complainant.phone", True, caseio.MSG_EXPECTED_TEXT),
        ("facts", {"a": 1}, caseio.MSG_EXPECTED_TEXT),
        ("filing_date", 20210112, caseio.MSG_EXPECTED_DATE),
        ("contested.date", ["2021-01-10"], caseio.MSG_EXPECTED_DATE),
        ("election", "parliamentary", caseio.MSG_EXPECTED_SECTION),
        ("complainant", None, caseio.MSG_EXPECTED_SECTION),
        ("representative", "none", caseio.MSG_EXPECTED_SECTION_OR_NULL),
        ("requests", "one request", caseio.MSG_EXPECTED_LIST),
        ("evidence", {}, caseio.MSG_EXPECTED_LIST),
        ("details", ["a"], caseio.MSG_EXPECTED_SECTION),
        ("evidence.0", "video", caseio.MSG_EXPECTED_SECTION),
        ("evidence.1.file", 3, caseio.MSG_EXPECTED_TEXT),
        ("requests.1", 2, caseio.MSG_EXPECTED_TEXT),
        ("details.police_involved", True, caseio.MSG_EXPECTED_TEXT_OR_NUMBER),
        ("details.removed_by", {"name": "x"}, caseio.MSG_EXPECTED_TEXT_OR_NUMBER),
        ("language", "de", caseio.MSG_NOT_ALLOWED),
        ("language", None, caseio.MSG_NOT_ALLOWED),
        ("election.kind", "local", caseio.MSG_NOT_ALLOWED),
        ("complainant.role", "Observer", caseio.MSG_NOT_ALLOWED),
        ("respondent.level", "village", caseio.MSG_NOT_ALLOWED),
        ("contested.type", 1, caseio.MSG_NOT_ALLOWED),
    ],
)
def test_wrong_values_name_the_field(example: dict[str, Any], path: str, value: object, msgid: str) -> None:
    _set(example, path, value)
    problem = only_problem(example)
    assert problem.path == path
    assert problem.message.msgid == msgid
    assert problem.message.params["field"] == path


def _set(data: Any, path: str, value: object) -> None:
    *parents, last = path.split(".")
    for part in parents:
        data = data[int(part)] if isinstance(data, list) else data[part]
    if isinstance(data, list):
        data[int(last)] = value
    else:
        data[last] = value


def test_not_allowed_lists_the_allowed_values(example: dict[str, Any]) -> None:
    example["respondent"]["level"] = "village"
    text = str(only_problem(example))
    assert '"village" is not allowed here' in text
    assert "cec, territorial, district, precinct" in text


def test_type_message_shows_the_value_briefly(example: dict[str, Any]) -> None:
    example["complainant"]["iin"] = 900517401231
    assert "found 900517401231" in str(only_problem(example))
    example["complainant"]["iin"] = "900517401231"
    example["facts"] = list(range(100))
    assert str(only_problem(example).message.params["got"]).endswith("…")


def test_unknown_fields_with_and_without_suggestion(example: dict[str, Any]) -> None:
    example["complainant"]["emial"] = "x@example.org"
    example["contested"]["publishd_on"] = None
    example["evidence"][2]["descripton"] = "x"
    example["colour"] = "blue"
    with pytest.raises(CaseFileError) as caught:
        parse_case(example, "test.json")
    by_path = {p.path: p.message for p in caught.value.problems}
    assert set(by_path) == {"complainant.emial", "contested.publishd_on", "evidence.2.descripton", "colour"}
    assert by_path["complainant.emial"].params["suggestion"] == "email"
    assert by_path["contested.publishd_on"].params["suggestion"] == "published_on"
    assert by_path["evidence.2.descripton"].params["suggestion"] == "description"
    assert by_path["colour"].msgid == caseio.MSG_UNKNOWN_FIELD
    assert "Did you mean 'email'?" in str(caught.value)


def test_duplicate_keys_are_not_silently_dropped() -> None:
    raw = '{"format": "kzcomplaint/1", "facts": "first", "facts": "second", "details": {"a": "1", "a": "2"}}'
    with pytest.raises(CaseFileError) as caught:
        loads_case(raw.encode(), "memory")
    assert [(p.path, p.message.msgid) for p in caught.value.problems] == [
        ("facts", caseio.MSG_DUPLICATE_FIELD),
        ("details.a", caseio.MSG_DUPLICATE_FIELD),
    ]


def test_every_bad_field_is_reported_at_once(example: dict[str, Any]) -> None:
    example["language"] = "de"
    example["complainant"]["birth_date"] = "31.02.1990"
    example["complainant"]["iin"] = 900517401231
    example["respondent"]["levle"] = "precinct"
    example["contested"]["date"] = "10.13.2021"
    example["evidence"][1]["description"] = "bad\x07"
    example["requests"].append(None)
    example["filing_date"] = "someday"
    found = problems_of(example)
    assert found == {
        "language": [caseio.MSG_NOT_ALLOWED],
        "complainant.iin": [caseio.MSG_EXPECTED_TEXT],
        "complainant.birth_date": [caseio.dates.MSG_NO_SUCH_DAY],
        "respondent.levle": [caseio.MSG_UNKNOWN_FIELD_SUGGEST],
        "contested.date": [caseio.dates.MSG_NO_SUCH_MONTH],
        "requests.3": [caseio.MSG_EXPECTED_TEXT],
        "evidence.1.description": [caseio.MSG_CONTROL_CHARACTER],
        "filing_date": [caseio.dates.MSG_NOT_RECOGNISED],
    }


def test_error_text_is_an_english_summary_and_renders_in_every_language(example: dict[str, Any]) -> None:
    example["language"] = "de"
    example["filing_date"] = "29.02.2021"
    example["facts"] = "x\x00"
    with pytest.raises(CaseFileError) as caught:
        parse_case(example, "case.json")
    lines = str(caught.value).splitlines()
    assert lines[0] == "case.json: the case file cannot be used (3 problems):"
    assert lines[1].startswith("  - language: ")
    assert "29.02.2021" in lines[3] and "has days 1 to 28, not 29" in lines[3]
    for language in ("kk", "ru", "en"):
        tr = translator(language)
        for problem in caught.value.problems:
            assert problem.message.render(tr)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2021-01-10", dt.date(2021, 1, 10)),
        ("10.01.2021", dt.date(2021, 1, 10)),
        ("10 января 2021 года", dt.date(2021, 1, 10)),
        ("2021 жылғы 10 қаңтар", dt.date(2021, 1, 10)),
        ("10 қаңтар 2021 ж.", dt.date(2021, 1, 10)),
        ("January 10, 2021", dt.date(2021, 1, 10)),
        ("", None),
        ("  ", None),
        (None, None),
    ],
)
def test_human_dates_are_normalised(
    example: dict[str, Any], written: object, expected: dt.date | None
) -> None:
    for path in (
        "election.voting_day",
        "complainant.birth_date",
        "contested.date",
        "contested.published_on",
        "contested.received_on",
        "filing_date",
    ):
        _set(example, path, written)
    example["representative"] = {"full_name": "Образцов К. Л.", "birth_date": written}
    case = parse_case(example, "test.json")
    assert case.election.voting_day == case.complainant.birth_date == case.contested.date == expected
    assert case.contested.published_on == case.contested.received_on == case.filing_date == expected
    assert case.representative is not None and case.representative.birth_date == expected
    saved = case_to_dict(case)
    assert saved["filing_date"] == (expected.isoformat() if expected else None)


def test_lenient_values(example: dict[str, Any]) -> None:
    example["respondent"]["number"] = 999
    example["contested"]["decision_number"] = 12
    example["contested"]["published_in"] = None
    example["contested"]["time"] = "14.30"
    example["details"] = {"count": 3, "ratio": 1.5, "missing": None, "text": "да"}
    example["evidence"][0]["file"] = ""
    example["attachments"] = None
    example["requests"] = None
    case = parse_case(example, "test.json")
    assert case.respondent.number == "999" and case.contested.decision_number == "12"
    assert case.contested.published_in == ""
    assert case.contested.time == "14:30"
    assert case.details == {"count": "3", "ratio": "1.5", "missing": "", "text": "да"}
    assert case.evidence[0].file is None
    assert case.attachments == [] and case.requests == []


def test_time_that_is_not_hh_mm_is_kept_as_written(example: dict[str, Any]) -> None:
    example["contested"]["time"] = "около 14 часов"
    assert parse_case(example, "test.json").contested.time == "около 14 часов"


def test_missing_sections_take_defaults() -> None:
    case = parse_case({"format": "kzcomplaint/1"}, "test.json")
    assert case == Case()


def test_empty_detail_name(example: dict[str, Any]) -> None:
    example["details"] = {" ": "x"}
    assert only_problem(example).message.msgid == caseio.MSG_EMPTY_FIELD_NAME


# --- text content ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "code"),
    [("\x00", "U+0000"), ("\x07", "U+0007"), ("\x1b", "U+001B"), ("\x7f", "U+007F"), ("\x85", "U+0085")],
)
def test_control_characters_are_named(example: dict[str, Any], char: str, code: str) -> None:
    example["complainant"]["address"] = f"ул. Учебная{char}, 7"
    problem = only_problem(example)
    assert problem.path == "complainant.address"
    assert problem.message.msgid == caseio.MSG_CONTROL_CHARACTER
    assert problem.message.params["char"] == code
    assert problem.message.params["position"] == 12
    assert code in str(problem) and "Remove it" in str(problem)


def test_tabs_and_line_breaks_are_fine(example: dict[str, Any]) -> None:
    example["facts"] = "Первый абзац.\r\nВторой\tабзац.\n"
    assert parse_case(example, "test.json").facts == "Первый абзац.\r\nВторой\tабзац.\n"


@pytest.mark.parametrize("path", ["details.removed_by", "attachments.0", "requests.2", "evidence.0.file"])
def test_control_characters_anywhere(example: dict[str, Any], path: str) -> None:
    _set(example, path, "text\x01")
    problem = only_problem(example)
    assert (problem.path, problem.message.msgid) == (path, caseio.MSG_CONTROL_CHARACTER)


def test_control_character_in_a_detail_name(example: dict[str, Any]) -> None:
    example["details"] = {"bad\x02name": "x"}
    assert only_problem(example).message.params["char"] == "U+0002"


def test_broken_surrogate_from_json_escape() -> None:
    raw = b'{"format": "kzcomplaint/1", "facts": "a\\ud800b"}'
    with pytest.raises(CaseFileError) as caught:
        loads_case(raw, "memory")
    problem = caught.value.problems[0]
    assert (problem.path, problem.message.msgid) == ("facts", caseio.MSG_BROKEN_CHARACTER)
    assert problem.message.params["char"] == "U+D800"


def test_one_megabyte_of_facts_is_rejected_clearly(tmp_path: Path, example: dict[str, Any]) -> None:
    example["facts"] = "а" * 1_000_000
    target = tmp_path / "long.json"
    target.write_text(json.dumps(example, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CaseFileError) as caught:
        load_case(target)
    (problem,) = caught.value.problems
    assert problem.path == "facts"
    assert problem.message.msgid == caseio.MSG_TOO_LONG
    assert problem.message.params["length"] == 1_000_000
    assert problem.message.params["limit"] == MAX_TEXT_CHARS
    assert "1000000 characters long; the limit here is 100000" in str(problem)


def test_short_fields_have_a_short_limit(example: dict[str, Any]) -> None:
    example["complainant"]["full_name"] = "Я" * (MAX_SHORT_TEXT_CHARS + 1)
    example["facts"] = "Я" * MAX_TEXT_CHARS  # exactly at the limit: fine
    problem = only_problem(example)
    assert problem.path == "complainant.full_name"
    assert problem.message.params["limit"] == MAX_SHORT_TEXT_CHARS


def test_parse_case_does_not_change_its_input(example: dict[str, Any]) -> None:
    before = copy.deepcopy(example)
    parse_case(example, "test.json")
    assert example == before


def test_importing_caseio_is_cheap() -> None:
    code = (
        "import sys, kzcomplaint.core.case.caseio; "
        "print(sorted({'dateparser', 'phonenumbers', 'babel', 'PySide6'} & set(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
