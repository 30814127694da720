"""The directory of bodies: shipped data, the user's own entries, import/export with named errors."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import pytest

from kzcomplaint.core.case.model import Body, Level
from kzcomplaint.core.law import directory, routes
from kzcomplaint.core.text.languages import LANGUAGES

REGION_COUNT = 20  # 17 regions and 3 cities of republican significance (since 8 June 2022)
ON = dt.date(2026, 5, 15)  # routes in force on a fixed day: the answer must not follow the test machine's clock


@pytest.fixture
def shipped() -> directory.Directory:
    return directory.shipped_directory()


def test_shipped_directory_has_every_region_and_body(shipped: directory.Directory) -> None:
    assert len(shipped.regions) == REGION_COUNT
    for region_id in shipped.regions:
        assert len(shipped.bodies("territorial", region_id)) == 1, region_id
        assert len(shipped.bodies("court", region_id)) == 1, region_id
    for entry_id in ("cec", "supreme_court", "constitutional_court"):
        assert shipped.get(entry_id) is not None
    assert all(entry.origin == "shipped" for entry in shipped.entries.values())


def test_no_contact_detail_is_invented(shipped: directory.Directory) -> None:
    for entry in shipped.entries.values():
        assert not entry.verified, entry.id
        assert (entry.address, entry.phone, entry.email, entry.bin) == ("", "", "", ""), entry.id
        assert entry.missing_contacts() == ("address", "phone", "email", "bin")
    assert shipped.get("cec").website == "www.election.gov.kz"


@pytest.mark.parametrize(
    ("entry_id", "language", "name"),
    [
        ("cec", "kk", "Қазақстан Республикасының Орталық сайлау комиссиясы"),
        ("cec", "ru", "Центральная избирательная комиссия Республики Казахстан"),
        ("cec", "en", "Central Election Commission of the Republic of Kazakhstan"),
        ("supreme_court", "kk", "Қазақстан Республикасының Жоғарғы Соты"),
        ("supreme_court", "ru", "Верховный Суд Республики Казахстан"),
        ("constitutional_court", "ru", "Конституционный Суд Республики Казахстан"),
        ("tec.almaty", "ru", "Территориальная избирательная комиссия города Алматы"),
        ("tec.astana", "ru", "Территориальная избирательная комиссия города Астаны"),
        ("tec.abai", "kk", "Абай облысының аумақтық сайлау комиссиясы"),
        ("tec.ulytau", "ru", "Территориальная избирательная комиссия области Ұлытау"),
        ("tec.east_kazakhstan", "kk", "Шығыс Қазақстан облысының аумақтық сайлау комиссиясы"),
        ("admin_court.karaganda", "ru", "Специализированный межрайонный административный суд Карагандинской области"),
        ("admin_court.shymkent", "kk", "Шымкент қаласының мамандандырылған ауданаралық әкімшілік соты"),
        ("admin_court.jetisu", "en", "Specialized Interdistrict Administrative Court of Jetisu Region"),
    ],
)
def test_names_in_three_languages(shipped: directory.Directory, entry_id: str, language: str, name: str) -> None:
    assert shipped.get(entry_id).name[language] == name


@pytest.mark.parametrize(
    ("region", "kk", "ru", "en"),
    [
        ("akmola", "Ақмола облысы", "Акмолинская область", "Akmola Region"),
        ("aktobe", "Ақтөбе облысы", "Актюбинская область", "Aktobe Region"),
        ("jambyl", "Жамбыл облысы", "Жамбылская область", "Jambyl Region"),
        ("north_kazakhstan", "Солтүстік Қазақстан облысы", "Северо-Казахстанская область", "North Kazakhstan Region"),
        ("mangystau", "Маңғыстау облысы", "Мангистауская область", "Mangystau Region"),
        ("astana", "Астана қаласы", "город Астана", "Astana City"),
    ],
)
def test_region_names(shipped: directory.Directory, region: str, kk: str, ru: str, en: str) -> None:
    assert dict(shipped.regions[region].name) == {"kk": kk, "ru": ru, "en": en}


def test_every_level_has_a_generic_name(shipped: directory.Directory) -> None:
    for level in Level:
        for language in LANGUAGES:
            assert shipped.level_name(level.value, language).strip()
    assert shipped.generic_body("precinct", "ru", "123") == Body(
        level="precinct", name="Участковая избирательная комиссия", number="123"
    )


def test_addressee_proposed_from_the_respondent(shipped: directory.Directory) -> None:
    precinct = shipped.propose_addressees("precinct", "almaty", ["territorial", "court", "precinct"], on=ON)
    assert [proposal.entry.id if proposal.entry else None for proposal in precinct] == [
        "tec.almaty",
        "admin_court.almaty",
        None,
    ]
    assert precinct[0].citation.article == "14"
    cec = shipped.propose_addressees("cec", "", ["supreme_court"], on=ON)
    assert [proposal.entry.id for proposal in cec] == ["supreme_court"]
    claim = shipped.propose_addressees("precinct", "pavlodar", ["court"], on=ON)
    assert [proposal.entry.id for proposal in claim] == ["admin_court.pavlodar"]
    # Without a region no territorial body can be chosen; the act goes to the commission itself.
    assert shipped.propose_addressees("precinct", "", ["territorial"], on=ON) == []
    act = shipped.propose_addressees("precinct", "", ["precinct"], on=ON)
    assert len(act) == 1 and act[0].entry is None


def test_proposals_default_to_the_routes_in_force_today(shipped: directory.Directory, frozen_today) -> None:
    # Administrative courts hear election cases only since 1 July 2021 (APPC in force).
    frozen_today(directory, dt.date(2020, 3, 1))
    before = shipped.propose_addressees("precinct", "almaty", ["territorial", "court", "precinct"])
    assert [proposal.entry.id if proposal.entry else None for proposal in before] == ["tec.almaty", None]
    frozen_today(directory, ON)
    now = shipped.propose_addressees("precinct", "almaty", ["territorial", "court", "precinct"])
    assert [proposal.entry.id if proposal.entry else None for proposal in now] == [
        "tec.almaty",
        "admin_court.almaty",
        None,
    ]


def test_proposals_follow_the_admissible_routes(shipped: directory.Directory) -> None:
    admissible = {(route.respondent, route.addressee) for route in routes.routes()}
    proposed = 0
    for level in Level:
        for region in ("", "almaty"):
            for proposal in shipped.propose_addressees(level.value, region, on=ON):
                assert (level.value, proposal.level) in admissible
                proposed += 1
    assert proposed, "the shipped directory proposes an addressee for some respondent"


def test_localized_name_follows_the_document_language(shipped: directory.Directory) -> None:
    body = shipped.to_body(shipped.get("tec.almaty"), "ru")
    assert shipped.localized_name(body, "kk") == "Алматы қаласының аумақтық сайлау комиссиясы"
    generic = shipped.generic_body("precinct", "ru")
    assert shipped.localized_name(generic, "en") == "Precinct election commission"
    typed = Body(name="Моя комиссия")
    assert shipped.localized_name(typed, "kk") == "Моя комиссия"
    assert not shipped.is_known_name("Моя комиссия")
    assert shipped.is_known_name("верховный суд республики казахстан")


def test_user_entries_override_and_extend(kz_home: Path) -> None:
    override = directory.BodyEntry(
        id="cec",
        level="cec",
        name={"kk": "ОСК", "ru": "ЦИК", "en": "CEC"},
        email="cec@example.kz",
        verified=True,
        note="fictitious, for a workshop",
    )
    extra = directory.BodyEntry(
        id="my.district_tec",
        level="territorial",
        region="almaty",
        name={"kk": "Мысал ауданы АСК", "ru": "ТИК района Пример", "en": "Example District TEC"},
        phone="+7 700 000 00 05",
    )
    directory.save_user_entries([override, extra])
    assert directory.user_path().stat().st_mode & 0o777 == 0o600
    merged = directory.load_directory()
    assert merged.get("cec").email == "cec@example.kz"
    assert merged.get("cec").origin == "user"
    assert merged.get("my.district_tec").region == "almaty"
    assert len(merged.entries) == len(directory.shipped_directory().entries) + 1


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_export_and_import_round_trip(kz_home: Path, tmp_path: Path, suffix: str) -> None:
    entries = list(directory.shipped_directory().entries.values())[:5]
    target = tmp_path / f"bodies{suffix}"
    directory.export_entries(entries, target)
    read = directory.read_entries(target)
    assert [entry.to_dict() for entry in read] == [entry.to_dict() for entry in entries]
    imported = directory.import_entries(target)
    assert len(imported) == 5
    assert {entry.id for entry in directory.load_user_entries()} == {entry.id for entry in entries}


def test_exported_toml_is_valid_toml_with_quotes_and_newlines(tmp_path: Path) -> None:
    entry = directory.BodyEntry(
        id="q", level="other", name={"kk": 'а "б"', "ru": "в\\г", "en": "line\nbreak"}, note="«ёлка»"
    )
    target = tmp_path / "q.toml"
    directory.export_entries([entry], target)
    data = tomllib.loads(target.read_text(encoding="utf-8"))
    assert data["body"][0]["name"] == {"kk": 'а "б"', "ru": "в\\г", "en": "line\nbreak"}



def test_exported_toml_reads_back_with_a_del_character(tmp_path: Path) -> None:
    """JSON leaves U+007F unescaped and TOML refuses it: a pasted DEL must not make the file unreadable."""
    entry = directory.BodyEntry(id="d", level="other", name={"kk": "а", "ru": "б", "en": "c"}, note="a\x7fb")
    target = tmp_path / "d.toml"
    directory.export_entries([entry], target)
    assert "\x7f" not in target.read_text(encoding="utf-8")
    assert tomllib.loads(target.read_text(encoding="utf-8"))["body"][0]["note"] == "a\x7fb"


def _errors(tmp_path: Path, payload: object, name: str = "bad.json") -> dict[tuple[str, str], str]:
    path = tmp_path / name
    path.write_text(payload if isinstance(payload, str) else json.dumps(payload), encoding="utf-8")
    with pytest.raises(directory.DirectoryError) as caught:
        directory.read_entries(path)
    assert caught.value.source == str(path)
    return {(problem.entry, problem.field): problem.message.msgid for problem in caught.value.problems}


def test_validation_names_every_entry_and_field(tmp_path: Path) -> None:
    errors = _errors(
        tmp_path,
        {
            "format": directory.FORMAT,
            "bodies": [
                {"id": "a", "level": "galaxy", "name": {"kk": "А", "ru": "А", "en": "A"}},
                {"id": "b", "level": "cec", "name": {"kk": "Б"}, "phone": "123", "emial": "x@example.kz"},
                {"id": "c", "level": "territorial", "region": "atlantis", "name": {"kk": "В", "ru": "В", "en": "C"}},
                {"level": "cec", "name": {"kk": "Г", "ru": "Г", "en": "G"}},
                {"id": "a", "level": "cec", "name": {"kk": "Д", "ru": "Д", "en": "D"}, "verified": "yes"},
                {"id": "e", "level": "cec", "name": {"kk": "Е", "ru": "Е", "en": "E"}, "bin": "123456789012"},
            ],
        },
    )
    assert errors[("a", "level")] == directory.MSG_BAD_LEVEL
    assert errors[("b", "name")] == directory.MSG_NAME_LANGUAGES
    assert errors[("b", "phone")] == directory.MSG_BAD_PHONE
    assert errors[("b", "emial")] == directory.MSG_UNKNOWN_FIELD_GUESS
    assert errors[("c", "region")] == directory.MSG_BAD_REGION
    assert errors[("#4", "id")] == directory.MSG_REQUIRED
    assert errors[("a", "verified")] == directory.MSG_NOT_BOOL
    assert errors[("e", "bin")] == directory.MSG_BAD_BIN


def test_duplicate_ids_are_reported(tmp_path: Path) -> None:
    entry = {"id": "dup", "level": "cec", "name": {"kk": "А", "ru": "А", "en": "A"}}
    errors = _errors(tmp_path, {"bodies": [entry, entry]})
    assert errors[("dup", "id")] == directory.MSG_DUPLICATE_ID


@pytest.mark.parametrize(
    ("name", "payload", "msgid"),
    [
        ("broken.json", "{not json", directory.MSG_FILE_SYNTAX),
        ("broken.toml", "body = [", directory.MSG_FILE_SYNTAX),
        ("other.json", {"format": "something/9", "bodies": []}, directory.MSG_FILE_FORMAT),
        ("empty.json", {"format": directory.FORMAT}, directory.MSG_NO_ENTRIES),
        ("list.json", [1, 2], directory.MSG_NO_ENTRIES),
        ("bodies.csv", "a,b", directory.MSG_SUFFIX),
    ],
)
def test_unusable_files_say_why(tmp_path: Path, name: str, payload: object, msgid: str) -> None:
    errors = _errors(tmp_path, payload, name)
    assert list(errors.values()) == [msgid]


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(directory.DirectoryError) as caught:
        directory.read_entries(tmp_path / "missing.toml")
    assert caught.value.problems[0].message.msgid == directory.MSG_FILE_UNREADABLE


def test_broken_user_file_leaves_the_shipped_directory_usable(kz_home: Path) -> None:
    directory.user_path().parent.mkdir(parents=True, exist_ok=True)
    directory.user_path().write_text("body = [", encoding="utf-8")
    with pytest.raises(directory.DirectoryError):
        directory.load_directory()
    assert directory.shipped_directory().get("cec") is not None


def test_validate_entry_checks_an_edited_entry() -> None:
    entry = directory.BodyEntry(id="x", level="cec", name={"kk": "А", "ru": "А", "en": "A"}, email="nope")
    problems = directory.validate_entry(entry)
    assert [(problem.entry, problem.field) for problem in problems] == [("x", "email")]


def test_only_precinct_and_district_commissions_are_known_by_a_number() -> None:
    from kzcomplaint.core.law.directory import is_numbered

    assert is_numbered("precinct") and is_numbered("district")
    for level in ("cec", "supreme_court", "court", "territorial", "akimat"):
        assert not is_numbered(level), level
