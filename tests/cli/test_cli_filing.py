"""kzcomplaint filed / refused / answered / escalate / timeline / ics, as a user types them."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from icalendar import Calendar

from kzcomplaint.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "observer_removed.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def case_file(tmp_path: Path, kz_home: Path) -> Path:
    """The example complaint to the territorial commission (about a precinct commission), not yet filed."""
    path = tmp_path / "complaint.json"
    path.write_bytes(EXAMPLE.read_bytes())
    return path


def test_filed_records_and_deadlines_json_shows_the_bodys_term(
    capsys: pytest.CaptureFixture[str], case_file: Path
) -> None:
    code, before, _ = run(capsys, "deadlines", str(case_file), "--json", "--today", "2021-01-11")
    assert code == 0
    code, out, err = run(
        capsys, "filed", str(case_file), "--on", "2021-01-13", "--time", "10.15", "--number", "15",
        "--by", "Д. Е. Пробная", "--how", "in_person", "--today", "2021-01-13", "--ui-lang", "en",
    )
    assert code == 0, err
    assert "must answer by 16 January 2021" in out
    assert stat.S_IMODE(case_file.stat().st_mode) == 0o600
    data = json.loads(case_file.read_text(encoding="utf-8"))
    assert data["format"] == "kzcomplaint/2"
    assert data["filings"] == [
        {"date": "2021-01-13", "time": "10:15", "place": "", "number": "15", "accepted_by": "Д. Е. Пробная",
         "position": "", "how": "in_person"}
    ]
    code, after, _ = run(capsys, "deadlines", str(case_file), "--json", "--today", "2021-01-13")
    old, new = json.loads(before)["deadlines"], json.loads(after)["deadlines"]
    assert [d["rule"] for d in old] == [d["rule"] for d in new]
    assert [sorted(d) for d in old] == [sorted(d) for d in new], "the same JSON shape as before filing"
    review = next(d for d in new if d["rule"] == "election.higher_commission_review")
    assert (review["event"], review["last_day"]) == ("2021-01-13", "2021-01-16")


def test_a_bad_record_exits_2_with_a_message_and_leaves_the_file(
    capsys: pytest.CaptureFixture[str], case_file: Path
) -> None:
    before = case_file.read_bytes()
    code, _, err = run(capsys, "filed", str(case_file), "--on", "31.02.2021", "--ui-lang", "ru")
    assert code == 2 and "31.02.2021" in err and "Traceback" not in err
    code, _, err = run(
        capsys, "filed", str(case_file), "--on", "2021-01-13", "--today", "2021-01-12", "--ui-lang", "en"
    )
    assert code == 2 and "has not come yet" in err
    code, _, err = run(capsys, "answered", str(case_file), "--on", "2021-01-14", "--outcome", "rejected", "--today",
                       "2021-01-14", "--ui-lang", "en")
    assert code == 2 and "filed first" in err
    assert case_file.read_bytes() == before


def test_refused_then_the_act_and_the_complaint_about_the_refusal(
    capsys: pytest.CaptureFixture[str], case_file: Path, tmp_path: Path
) -> None:
    code, out, err = run(
        capsys, "refused", str(case_file), "--on", "2021-01-12", "--by", "Б. Е. Примеров",
        "--grounds", "жалобы не принимаем", "--witness", "Тестов Арман, +7 700 000 00 51",
        "--witness", "Пробная Дана", "--today", "2021-01-12", "--ui-lang", "en",
    )
    assert code == 0, err
    assert "refusal_to_accept_act" in out and "complaint_not_accepted" in out
    act = tmp_path / "act.json"
    code, out, err = run(capsys, "escalate", str(case_file), "--to", "refusal_to_accept_act", "-o", str(act),
                         "--today", "2021-01-12", "--ui-lang", "en")
    assert code == 0, err
    details = json.loads(act.read_text(encoding="utf-8"))["details"]
    assert details["witnesses"] == "Тестов Арман, +7 700 000 00 51\nПробная Дана"
    docx = tmp_path / "act.docx"
    code, _, err = run(capsys, "render", str(act), "--lang", "kk", "-o", str(docx))
    assert code in (0, 1) and docx.exists(), err
    complaint = tmp_path / "refusal_complaint.json"
    code, out, err = run(capsys, "escalate", str(case_file), "--to", "complaint_not_accepted", "--reason", "refused",
                         "-o", str(complaint), "--today", "2021-01-12", "--ui-lang", "en")
    assert code == 0, err
    data = json.loads(complaint.read_text(encoding="utf-8"))
    assert data["template"] == "complaint_not_accepted"
    assert data["contested"]["date"] == "2021-01-12" and data["details"]["refusal_form"] == "not_accepted"
    # A case file is never overwritten.
    code, _, err = run(capsys, "escalate", str(case_file), "--to", "complaint_not_accepted", "-o", str(complaint),
                       "--today", "2021-01-12", "--ui-lang", "en")
    assert code == 2 and "never overwritten" in err


def test_escalate_refuses_what_the_step_does_not_show(
    capsys: pytest.CaptureFixture[str], case_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "next.json"
    code, _, err = run(capsys, "escalate", str(case_file), "--to", "appeal_to_higher_commission", "-o", str(target),
                       "--today", "2021-01-12", "--ui-lang", "en")
    assert code == 2 and "not recorded as filed" in err and not target.exists()
    code, _, err = run(capsys, "escalate", str(case_file), "--to", "no_such_kind", "-o", str(target))
    assert code == 2 and not target.exists()


def test_timeline_json_and_text(capsys: pytest.CaptureFixture[str], case_file: Path, tmp_path: Path) -> None:
    run(capsys, "filed", str(case_file), "--on", "2021-01-13", "--number", "15", "--today", "2021-01-13")
    nxt = tmp_path / "appeal.json"
    code, _, err = run(capsys, "escalate", str(case_file), "--to", "appeal_to_higher_commission", "-o", str(nxt),
                       "--today", "2021-01-18")
    assert code == 0, err
    code, out, _ = run(capsys, "timeline", str(nxt), "--json", "--today", "2021-01-18", "--ui-lang", "ru")
    assert code == 0
    found = json.loads(out)["timeline"]
    assert [step["template"] for step in found["steps"]] == ["observer_removed", "appeal_to_higher_commission"]
    assert found["steps"][0]["review"]["last_day"] == "2021-01-16"
    drafted = nxt.read_bytes()
    assert found["steps"][0]["end"] == "no_answer"
    assert found["due"][0]["party"] == "file" and found["due"][0]["due"] == "2021-01-27"
    assert set(found["due"][0]["deadline"]) >= {"rule", "last_day", "steps", "warnings", "citation"}
    code, out, _ = run(capsys, "timeline", str(nxt), "--today", "2021-01-18", "--ui-lang", "kk")
    assert code == 0 and "2021 жылғы 27 қаңтар" in out
    assert nxt.read_bytes() == drafted, "the timeline reads the case file, never writes it"


def test_ics_of_one_case_and_of_a_folder(capsys: pytest.CaptureFixture[str], case_file: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.json").write_text("[1, 2]", encoding="utf-8")
    before = case_file.read_bytes()
    out_file = tmp_path / "terms.ics"
    code, out, err = run(capsys, "ics", str(tmp_path), "-o", str(out_file), "--today", "2021-01-12", "--ui-lang", "en")
    assert code == 0, err
    assert "notes.json" in err, "a file that is not a case is named, and skipped"
    calendar = Calendar.from_ical(out_file.read_bytes())
    [event] = list(calendar.walk("VEVENT"))
    assert event.decoded("dtstart").isoformat() == "2021-01-20"
    assert stat.S_IMODE(out_file.stat().st_mode) == 0o600
    assert case_file.read_bytes() == before and (tmp_path / "notes.json").read_text(encoding="utf-8") == "[1, 2]"
    calendar_bytes = out_file.read_bytes()
    code, _, err = run(capsys, "ics", str(tmp_path / "missing.json"), "-o", str(out_file))
    assert code == 2 and "Traceback" not in err
    assert out_file.read_bytes() == calendar_bytes, "a failed export leaves the calendar written before"


def test_a_file_name_with_control_characters_never_drives_the_terminal(
    capsys: pytest.CaptureFixture[str], case_file: Path, tmp_path: Path
) -> None:
    # A folder someone sent, holding "\x1b[2J.json": the skipped file is named escaped, not cleared
    # screens; the same for a case file that cannot be used at all.
    (tmp_path / "bad\x1b[2J.json").write_text("[1, 2]", encoding="utf-8")
    code, out, err = run(capsys, "ics", str(tmp_path), "-o", str(tmp_path / "terms.ics"), "--today", "2021-01-12")
    assert code == 0, err
    assert "\x1b" not in err + out and "bad\\x1b[2J.json" in err
    code, out, err = run(capsys, "timeline", str(tmp_path / "bad\x1b[2J.json"), "--ui-lang", "en")
    assert code == 2 and "\x1b" not in err + out and "bad\\x1b[2J.json" in err


@pytest.mark.parametrize("word", ["вчера", "кеше", "yesterday", "today"])
def test_a_word_for_a_recent_day_is_no_date_on_the_command_line_nor_in_the_case_file(
    capsys: pytest.CaptureFixture[str], case_file: Path, word: str
) -> None:
    # «вчера» in a record would mean another day tomorrow: the window reads it (and writes the date),
    # a command or a case file never does.
    before = case_file.read_bytes()
    code, out, err = run(capsys, "filed", str(case_file), "--on", word, "--ui-lang", "ru")
    assert code == 2 and word in err and "не может распознать" in err
    assert case_file.read_bytes() == before
    data = json.loads(before)
    data["filing_date"] = word
    case_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "check", str(case_file), "--ui-lang", "ru")
    assert code != 0 and word in out + err


def test_the_choices_of_the_commands_are_the_case_files_values() -> None:
    # The parser keeps them as plain tuples (building it imports no case model); they must not drift.
    from kzcomplaint.cli import filing
    from kzcomplaint.core.case.model import FilingMethod, Outcome, StepEnd

    assert filing.HOW == tuple(FilingMethod)
    assert filing.OUTCOMES == tuple(outcome for outcome in Outcome if outcome != Outcome.NONE)
    assert filing.REASONS == tuple(StepEnd)
