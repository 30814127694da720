"""The command line: exit codes, JSON shapes, languages and staying light (no Qt, no python-docx)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kzcomplaint.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "observer_removed.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:  # argparse usage errors
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def defective_case(tmp_path: Path) -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["complainant"]["phone"] = ""
    data["complainant"]["iin"] = "800416100255"  # published test value with a wrong check digit
    path = tmp_path / "defective.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_check_example_is_admissible(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(EXAMPLE), "--ui-lang", "en")
    assert code == 0, out


def test_check_blocking_problems_exit_1_with_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "check", str(defective_case(tmp_path)), "--json", "--ui-lang", "ru")
    assert code == 1
    problems = json.loads(out)["problems"]
    codes = {p["code"] for p in problems}
    assert {"phone.missing", "iin.invalid"} <= codes
    for problem in problems:
        assert set(problem) >= {"code", "severity", "field", "message", "citation"}
        assert problem["severity"] in {"blocking", "warning"}
    assert problems[0]["severity"] == "blocking", "blocking problems come first"
    phone = next(p for p in problems if p["code"] == "phone.missing")
    assert phone["field"] == "complainant.phone"
    assert any("а" <= ch <= "я" for ch in phone["message"].lower()), "message in the interface language (ru)"


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_check_human_output_in_each_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, language: str
) -> None:
    code, out, _ = run(capsys, "check", str(defective_case(tmp_path)), "--ui-lang", language)
    assert code == 1
    assert "phone.missing" in out
    if language == "kk":
        assert set("ҚҰҢҒӘӨІҮқұңғәөіү") & set(out)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{not json", "1"),  # line number of the syntax error is named
        (b"[]", ""),
        (b'{"format": "kzcomplaint/1", "complainant": {"iin": 5}}', "complainant.iin"),
        (b'{"format": "kzcomplaint/1", "filing_date": "31.02.2021"}', "filing_date"),
        (b'{"format": "kzcomplaint/1", "facts": "a\\u0007b"}', "facts"),
        (b"\xff\xfe garbage", ""),
    ],
)
def test_unreadable_case_exit_2_names_file_and_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    code, out, err = run(capsys, "check", str(path), "--ui-lang", "en")
    assert code == 2
    assert "broken.json" in err
    assert expected in err
    assert "Traceback" not in err


def test_missing_file_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", str(tmp_path / "nope.json"), "--ui-lang", "en")
    assert code == 2
    assert "nope.json" in err


def test_deadlines_rule_json_immediate(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "deadlines", "--rule", "election.court_review", "--event", "07.01.2021",
        "--voting-day", "10 января 2021 г.", "--json", "--today", "2021-01-07",
    )
    assert code == 0
    (deadline,) = json.loads(out)["deadlines"]
    assert deadline["immediate"] is True
    assert deadline["last_day"] is None
    assert set(deadline) >= {"rule", "start", "last_day", "immediate", "unit", "days", "citation", "steps", "warnings"}


def test_deadlines_rule_json_filing_term(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "deadlines", "--rule", "election.appeal_filing", "--event", "2021 жылғы 10 қаңтар",
        "--json", "--today", "2021-01-12",
    )
    assert code == 0
    (deadline,) = json.loads(out)["deadlines"]
    assert deadline["last_day"] == "2021-01-20"
    assert deadline["unit"] == "calendar" and deadline["days"] == 10
    assert deadline["steps"] and all(isinstance(step, str) for step in deadline["steps"])
    assert all(set(w) == {"code", "message"} for w in deadline["warnings"])


def test_deadlines_of_a_case(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "deadlines", str(EXAMPLE), "--json", "--ui-lang", "kk")
    assert code == 0
    rules = {d["rule"] for d in json.loads(out)["deadlines"]}
    assert "election.appeal_filing" in rules


@pytest.mark.parametrize(
    "argv",
    [
        ["deadlines", "--rule", "no.such_rule", "--event", "2021-01-10"],
        ["deadlines", "--rule", "election.appeal_filing", "--event", "31.02.2021"],
        ["deadlines", "--rule", "election.appeal_filing"],
        ["deadlines", str(EXAMPLE), "--event", "2021-01-10"],
        ["deadlines"],
        ["check"],
    ],
)
def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _, err = run(capsys, *argv, "--ui-lang", "en")
    assert code == 2
    assert err.strip()
    assert "Traceback" not in err


def test_templates_json_lists_every_kind(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "templates", "--json")
    assert code == 0
    templates = json.loads(out)["templates"]
    ids = {t["id"] for t in templates}
    assert len(ids) == 23
    assert {"observer_removed", "administrative_claim_cec", "voter_list_complaint"} <= ids
    for template in templates:
        assert set(template["titles"]) == {"kk", "ru", "en"}
        assert all(template["titles"].values())


def test_templates_human_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "templates", "--ui-lang", "ru")
    assert code == 0
    assert "observer_removed" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["check", str(EXAMPLE)],
        ["deadlines", str(EXAMPLE)],
        ["templates", "--json"],
    ],
)
def test_quick_commands_load_neither_qt_nor_docx(argv: list[str]) -> None:
    script = (
        "import sys, contextlib, io\n"
        "from kzcomplaint.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main({argv!r})\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'docx'))\n"
        "print(heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("command", ["check", "deadlines"])
def test_unreadable_case_with_json_explains_itself_on_stdout(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"format": "kzcomplaint/1", "filing_date": "31.02.2021"}', encoding="utf-8")
    code, out, err = run(capsys, command, str(path), "--json", "--ui-lang", "en")
    assert code == 2
    error = json.loads(out)["error"]
    assert error["file"].endswith("bad.json")
    assert [p["field"] for p in error["problems"]] == ["filing_date"]
    assert error["problems"][0]["message"]
    assert "filing_date" in err, "people still get the human text on stderr"


def test_batch_names_a_bad_csv_row_in_the_interface_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "cases.csv"
    source.write_text("template;contested.date\nobserver_removed;31.02.2021\n", encoding="utf-8")
    code, _, err = run(capsys, "batch", str(source), "-o", str(tmp_path / "out"), "--ui-lang", "ru", "--jobs", "1")
    assert code == 1
    assert "cases.csv, строка 1: contested.date:" in err


def test_render_warns_when_the_case_texts_are_in_another_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    russian_case = ROOT / "examples" / "administrative_claim.json"
    code, out, _ = run(capsys, "render", str(russian_case), "--lang", "kk", "-o", str(tmp_path / "kk.docx"))
    assert code == 0
    assert "Русский" in out and "Қазақша" in out
    code, out, _ = run(capsys, "render", str(russian_case), "--lang", "ru", "-o", str(tmp_path / "ru.docx"))
    assert "Русский" not in out


def test_deadlines_says_when_the_users_calendar_file_was_ignored(
    capsys: pytest.CaptureFixture[str], kz_home: Path
) -> None:
    from kzcomplaint.core.law import calendar as workcal

    user = workcal.user_file()
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text("[[day]\n", encoding="utf-8")  # broken TOML
    workcal.default_calendar.cache_clear()
    try:
        argv = ["deadlines", "--rule", "election.appeal_filing", "--event", "2021-01-07", "--json", "--ui-lang", "en"]
        code, out, err = run(capsys, *argv)
    finally:
        workcal.default_calendar.cache_clear()
    assert code == 0
    assert json.loads(out)["deadlines"]  # stdout stays clean JSON
    assert str(user) in err and "ignored" in err
