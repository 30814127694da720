"""A trainer's pack: read, validated with errors naming the scenario and the key; drafts as case files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kzcomplaint.core.case import caseio
from kzcomplaint.core.case.model import Case
from kzcomplaint.core.text.i18n import translator
from kzcomplaint.core.workshop import exercise, packs

ROOT = Path(__file__).resolve().parents[3]
SHIPPED = ROOT / "scenarios" / "observer_rights.toml"

MINIMAL = """
format = "kzcomplaint-pack/1"
id = "my_pack"
languages = ["ru"]
title.ru = "Мой семинар"

[[scenario]]
id = "my_scenario"
group = "observer_rights"
today = 2025-11-18
title.ru = "Удалили наблюдателя"
story.ru = "История."
facts_sheet.ru = "ИИН: 940712400002. Телефон: +7 700 000 00 11."

[scenario.draft]
template = "observer_removed"
filing_date = 2025-11-18
facts.ru = "Меня удалили."
requests.ru = ["Признать действия незаконными."]
[scenario.draft.election]
kind = "parliamentary"
voting_day = 2025-11-16
[scenario.draft.complainant]
full_name.ru = "Бекова Акерке Нурлановна"
iin = "940712400002"
birth_date = 1994-07-12
birth_place.ru = "г. Примерск"
address.ru = "г. Примерск, ул. Бирлик, д. 5"
phone = ""
email = "a@example.org"
[scenario.draft.respondent]
level = "precinct"
number = "417"
address.ru = "г. Примерск, ул. Школьная, д. 1"
phone = "+7 700 000 00 12"
[scenario.draft.addressee]
level = "territorial"
name.ru = "Территориальная избирательная комиссия города Примерск"
[scenario.draft.contested]
type = "action"
date = 2025-11-16
[scenario.draft.details]
removed_by.ru = "председатель"
stage = "counting"
stated_reason.ru = "«трансляция»"
written_decision = "no"
police_involved = "yes"
first_steps.ru = "возразила"

[[scenario.defect]]
code = "phone.missing"
field = "complainant.phone"
why.ru = "Нет телефона."
fix.ru = "Впишите +7 700 000 00 11."
correct = { "complainant.phone" = "+7 700 000 00 11" }
"""


def write(tmp_path: Path, text: str, name: str = "pack.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def messages(error: packs.PackError, language: str = "en") -> list[str]:
    tr = translator(language)
    return [message.render(tr) for message in error.messages()]


def test_a_trainers_one_language_pack_loads_verifies_and_scores(tmp_path: Path) -> None:
    pack = packs.load_pack(write(tmp_path, MINIMAL))
    assert pack.languages == ("ru",)
    (scenario,) = pack.scenarios
    assert packs.verify_scenario(scenario) == []
    case = exercise.start(scenario, "ru", "Участник 1")
    assert exercise.score(case, scenario).score == 0
    assert exercise.score(exercise.perfect(scenario, "ru"), scenario).score == 1
    with pytest.raises(exercise.ExerciseError):
        exercise.start(scenario, "kk")


@pytest.mark.parametrize(
    ("change", "scenario", "key"),
    [
        (('code = "phone.missing"', 'code = "phone.absent"'), "my_scenario", "defect[1].code"),
        (('story.ru = "История."', 'story.kk = "Оқиға."'), "my_scenario", "story"),
        (('group = "observer_rights"', 'group = "elections"'), "my_scenario", "group"),
        (("today = 2025-11-18", 'today = "yesterday"'), "my_scenario", "today"),
        (('iin = "940712400002"', "iin = true"), "my_scenario", "draft.complainant.iin"),
        (
            ('email = "a@example.org"', 'email = "a@example.org"\nrole = "watcher"'),
            "my_scenario",
            "draft.complainant.role",
        ),
        (('level = "precinct"', 'level = "school"'), "my_scenario", "draft.respondent.level"),
        (('template = "observer_removed"', 'template = "observer_removd"'), "my_scenario", "draft.template"),
        (('field = "complainant.phone"', 'field = "complainant.telephone"'), "my_scenario", "defect[1].field"),
        (('correct = { "complainant.phone" = "+7 700 000 00 11" }', ""), "my_scenario", "defect[1].correct"),
        (('why.ru = "Нет телефона."', 'whyy.ru = "Нет телефона."'), "my_scenario", "defect[1].whyy"),
    ],
)
def test_a_broken_pack_names_the_scenario_and_the_key(
    tmp_path: Path, change: tuple[str, str], scenario: str, key: str
) -> None:
    assert change[0] in MINIMAL
    with pytest.raises(packs.PackError) as raised:
        packs.load_pack(write(tmp_path, MINIMAL.replace(change[0], change[1], 1)))
    found = [(problem.scenario, problem.key) for problem in raised.value.problems]
    assert (scenario, key) in found, found
    for language in ("kk", "ru", "en"):
        text = "\n".join(messages(raised.value, language))
        assert scenario in text and key in text and "pack.toml" in text
    assert "Traceback" not in str(raised.value)


def test_every_problem_of_a_pack_is_reported_at_once(tmp_path: Path) -> None:
    broken = MINIMAL.replace('code = "phone.missing"', 'code = "nope"').replace("today = 2025-11-18", "")
    with pytest.raises(packs.PackError) as raised:
        packs.load_pack(write(tmp_path, broken))
    keys = {problem.key for problem in raised.value.problems}
    assert {"today", "defect[1].code"} <= keys


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("format = 1\n", "format"),
        ("not [ toml", "TOML"),
        (MINIMAL.replace('languages = ["ru"]', 'languages = ["de"]'), "languages"),
        (MINIMAL.replace('format = "kzcomplaint-pack/1"', 'format = "kzcomplaint-pack/9"'), "kzcomplaint-pack/1"),
    ],
)
def test_a_file_that_is_no_pack_says_so(tmp_path: Path, text: str, fragment: str) -> None:
    with pytest.raises(packs.PackError) as raised:
        packs.load_pack(write(tmp_path, text))
    assert fragment in "\n".join(messages(raised.value))


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(packs.PackError, match="does not exist"):
        packs.load_pack(tmp_path / "none.toml")
    with pytest.raises(packs.PackError, match="cannot be read"):
        packs.load_pack(tmp_path)
    (tmp_path / "bad.toml").write_bytes(b"\xff\xfe title")
    with pytest.raises(packs.PackError, match="UTF-8"):
        packs.load_pack(tmp_path / "bad.toml")


def test_the_checker_disagreeing_with_the_pack_is_named(tmp_path: Path) -> None:
    # The phone is planted as missing but given: the checker does not report it; the IIN is wrong and not planted.
    text = MINIMAL.replace('phone = ""', 'phone = "+7 700 000 00 11"').replace(
        'iin = "940712400002"', 'iin = "940712400003"'
    )
    pack = packs.load_pack(write(tmp_path, text))
    found = {(problem.key, problem.reason.params.get("code")) for problem in packs.verify_scenario(pack.scenarios[0])}
    assert ("defect[1].code", "phone.missing") in found
    assert ("draft", "iin.invalid") in found


def test_library_adds_user_packs_and_refuses_a_clashing_scenario(tmp_path: Path, kz_home: Path) -> None:
    folder = packs.user_packs_dir()
    folder.mkdir(parents=True)
    write(folder, MINIMAL, "a-mine.toml")
    write(folder, MINIMAL.replace('id = "my_pack"', 'id = "other"'), "b-copy.toml")
    write(folder, "broken", "broken.toml")
    library = packs.load_library()
    assert library.find("my_scenario") is not None
    assert library.find("removed_for_live_broadcast") is not None
    assert {Path(error.source).name for error in library.errors} == {"broken.toml", "b-copy.toml"}
    assert len(packs.load_library([SHIPPED], user=False).packs) == len(packs.shipped_packs()), "the same file twice"
    copy = write(tmp_path, SHIPPED.read_text(encoding="utf-8"), "copy-of-shipped.toml")
    with pytest.raises(packs.PackError) as raised:
        packs.load_library([copy], user=False)  # named by the trainer: it must work, and it clashes
    assert "removed_for_live_broadcast" in "\n".join(messages(raised.value))


def test_an_exercise_round_trips_and_a_real_case_file_is_unchanged(tmp_path: Path) -> None:
    scenario = packs.shipped_packs()[0].scenarios[0]
    case = exercise.start(scenario, "kk", "Айгүл Т.")
    assert case.exercise is not None
    case.exercise.answers["deadline.expired"] = "late"
    path = tmp_path / "draft.json"
    exercise.save_new(case, path)
    assert (path.stat().st_mode & 0o777) == 0o600
    loaded = caseio.load_case(path)
    assert loaded == case
    with pytest.raises(exercise.ExerciseError):
        exercise.save_new(case, path)  # never over an existing draft
    plain = json.loads(caseio.dumps_case(Case()))
    assert "exercise" not in plain, "a real case file carries no exercise section"
    bad = json.loads(path.read_text(encoding="utf-8"))
    bad["exercise"]["language"] = "de"
    with pytest.raises(caseio.CaseFileError) as raised:
        caseio.parse_case(bad, "x.json")
    assert raised.value.problems[0].path == "exercise.language"


def test_reset_keeps_the_old_draft_beside_it(tmp_path: Path) -> None:
    scenario = packs.shipped_packs()[0].scenarios[0]
    path = tmp_path / "p1.json"
    case = exercise.perfect(scenario, "ru")
    assert case.exercise is not None
    case.exercise.participant = "П1"
    caseio.save_case(case, path)
    fresh, backup = exercise.reset(path, packs.load_library(user=False))
    assert backup.exists() and backup.suffix == ".bak" and caseio.load_case(backup) == case
    assert caseio.load_case(path) == fresh
    assert fresh.exercise is not None and fresh.exercise.participant == "П1"
    assert exercise.score(fresh, scenario).score == 0


def test_a_case_that_is_no_exercise_or_of_an_unknown_scenario_is_not_scored() -> None:
    library = packs.load_library(user=False)
    with pytest.raises(exercise.ExerciseError):
        exercise.scenario_of(Case(), library, "real.json")
    case = exercise.start(library.scenarios[0], "en")
    assert case.exercise is not None
    case.exercise.scenario = "not_in_any_pack"
    with pytest.raises(exercise.ExerciseError) as raised:
        exercise.scenario_of(case, library)
    assert "not_in_any_pack" in raised.value.message.render(translator("ru"))
