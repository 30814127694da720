"""``kzcomplaint workshop …``: list, start, score, key, collect, reset, check-pack — exit codes and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kzcomplaint.cli.main import main
from kzcomplaint.core.case import caseio
from kzcomplaint.core.workshop import exercise, packs

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_list_json_names_every_shipped_scenario(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "workshop", "list", "--json")
    assert code == 0
    scenarios = json.loads(out)["scenarios"]
    assert len(scenarios) >= 12
    first = scenarios[0]
    assert set(first) >= {"id", "pack", "group", "languages", "today", "title", "max_score", "defects"}
    assert first["max_score"] == len(first["defects"])
    code, out, _ = run(capsys, "workshop", "list", "--ui-lang", "kk")
    assert code == 0 and "Байқаушының құқықтары" in out


def test_start_score_fix_and_score_again(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    draft = tmp_path / "aigul.json"
    code, out, _ = run(
        capsys,
        "workshop",
        "start",
        "protocol_copy_too_late",
        "--lang",
        "kk",
        "--participant",
        "Айгүл",
        "-o",
        str(draft),
        "--ui-lang",
        "kk",
    )
    assert code == 0 and draft.exists()
    assert "28 қараша" in out, "the story is printed for the participant"
    code, out, _ = run(capsys, "check", str(draft), "--json")
    assert {problem["code"] for problem in json.loads(out)["problems"]} == {"deadline.expired", "iin.missing"}

    code, out, _ = run(capsys, "workshop", "score", str(draft), "--json")
    assert code == 0
    result = json.loads(out)
    assert (result["score"], result["max_score"], result["participant"]) == (0, 2, "Айгүл")
    assert {(d["code"], d["field"], d["state"], d["points"]) for d in result["defects"]} == {
        ("deadline.expired", "filing_date", "open", 0),
        ("iin.missing", "complainant.iin", "open", 0),
    }

    case = caseio.load_case(draft)
    assert case.exercise is not None
    case.exercise.answers["deadline.expired"] = "in_time"
    case.complainant.iin = "910430300008"
    caseio.save_case(case, draft)
    result = json.loads(run(capsys, "workshop", "score", str(draft), "--json")[1])
    states = {d["code"]: (d["state"], d["points"]) for d in result["defects"]}
    assert states == {"deadline.expired": ("answered_wrong", 0), "iin.missing": ("fixed", 1)}
    assert result["score"] == 1

    scored = draft.read_bytes()
    code, out, _ = run(capsys, "workshop", "score", str(draft), "--ui-lang", "ru")
    assert "1" in out and "Жоқ, мерзімі өтіп кетті" in out, "the key for what was missed, in the workshop's language"
    assert draft.read_bytes() == scored, "scoring reads the draft, never writes it"

    code, _, err = run(capsys, "workshop", "start", "protocol_copy_too_late", "--lang", "kk", "-o", str(draft))
    assert code == 2 and "aigul.json" in err, "never over an existing draft"
    assert draft.read_bytes() == scored, "the participant's answers are still there"


def test_key_writes_a_docx(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    key = tmp_path / "key.docx"
    code, _, _ = run(capsys, "workshop", "key", "entry_refused_statute", "--lang", "ru", "-o", str(key))
    assert code == 0 and key.read_bytes()[:2] == b"PK"
    code, _, err = run(capsys, "workshop", "key", "no_such_scenario", "--lang", "ru", "-o", str(key))
    assert code == 2 and "no_such_scenario" in err


def test_key_is_written_as_render_writes_a_document_never_over_a_folder_or_a_file_in_the_way(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "workshop", "key", "entry_refused_statute", "--lang", "ru", "-o", str(tmp_path),
                       "--ui-lang", "en")
    assert code == 2 and "is a folder" in err and "Traceback" not in err
    draft = tmp_path / "p1.json"
    draft.write_text("{}", encoding="utf-8")
    code, _, err = run(capsys, "workshop", "key", "entry_refused_statute", "--lang", "ru",
                       "-o", str(draft / "key.docx"), "--ui-lang", "en")
    assert code == 2 and f"{draft} is a file, not a folder" in err and "Traceback" not in err
    assert draft.read_text(encoding="utf-8") == "{}"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["p1.json"], "nothing else was written"


def test_check_pack_names_scenario_and_key_of_a_broken_pack(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "workshop", "check-pack", str(ROOT / "scenarios" / "voting.toml"))
    assert code == 0 and "3" in out
    broken = tmp_path / "broken.toml"
    text = (ROOT / "scenarios" / "voting.toml").read_text(encoding="utf-8")
    broken.write_text(text.replace('code = "phone.missing"', 'code = "phone.gone"'), encoding="utf-8")
    code, _, err = run(capsys, "workshop", "check-pack", str(broken), "--ui-lang", "en")
    assert code == 2
    assert "stuffing_without_a_date" in err and "defect[2].code" in err and "phone.gone" in err
    assert "Traceback" not in err
    disagreeing = tmp_path / "disagreeing.toml"
    disagreeing.write_text(text.replace('phone = ""', 'phone = "+7 700 000 00 51"'), encoding="utf-8")
    code, _, err = run(capsys, "workshop", "check-pack", str(disagreeing))
    assert code == 1 and "phone.missing" in err


def test_collect_and_reset(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    library = packs.load_library(user=False)
    scenario = library.find("ballots_for_phone_photos")
    assert scenario is not None
    for number in range(3):
        case = exercise.start(scenario, "ru", f"П{number}")
        if number:
            case = exercise.perfect(scenario, "ru")
        caseio.save_case(case, drafts / f"p{number}.json")
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, "workshop", "collect", str(drafts), "-o", str(out), "--lang", "ru", "--jobs", "1")
    assert code == 0
    assert (out / "results.docx").exists() and (out / "participants.csv").exists()
    assert len(list((out / "documents").glob("*.ru.docx"))) == 3
    code, stdout, _ = run(capsys, "workshop", "reset", str(drafts / "p1.json"))
    assert code == 0
    assert exercise.score(caseio.load_case(drafts / "p1.json"), scenario).score == 0
    assert len(list(drafts.glob("p1.json.before-reset-*.bak"))) == 1
    code, _, err = run(capsys, "workshop", "collect", str(tmp_path / "nothing"), "-o", str(out))
    assert code == 2 and "nothing" in err
