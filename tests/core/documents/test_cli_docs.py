"""The render, batch and blank commands: exit codes 0 / 1 / 2 and messages, never tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from render_helpers import docx_text

from kzcomplaint.cli import main as cli
from kzcomplaint.core.files import resources

EXAMPLE = resources.examples_dir() / "observer_removed.json"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["--ui-lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _variant(tmp_path: Path, **complainant: str) -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["complainant"].update(complainant)
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_render_writes_the_document_in_the_language_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "new" / "folder" / "out.docx"
    code, out, err = _run(capsys, "render", str(EXAMPLE), "--lang", "kk", "-o", str(output))
    assert code == 0, out + err  # the example is complete: nothing blocks
    assert "ШАҒЫМ" in docx_text(output.read_bytes())
    assert str(output) in out and not err
    assert [p.name for p in output.parent.iterdir()] == ["out.docx"]


def test_render_with_blocking_problems_writes_and_lists_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = _variant(tmp_path, iin="", phone="")
    output = tmp_path / "out.docx"
    code, out, _ = _run(capsys, "render", str(case), "-o", str(output))
    assert code == 1
    assert output.is_file()
    assert "blocking problem(s) remain" in out and "complainant.iin" in out
    assert "ИИН: __________" in docx_text(output.read_bytes())


def test_unreadable_case_is_exit_2_naming_file_and_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["contested"]["date"] = "31.02.2021"
    case = tmp_path / "case.json"
    case.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, _, err = _run(capsys, "render", str(case), "-o", str(tmp_path / "out.docx"))
    assert code == 2
    assert str(case) in err and "contested.date" in err and "Traceback" not in err
    assert not (tmp_path / "out.docx").exists()


def test_unknown_template_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["template"] = "observer_removd"
    case = tmp_path / "case.json"
    case.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, _, err = _run(capsys, "render", str(case), "-o", str(tmp_path / "out.docx"))
    assert code == 2 and "template" in err and "observer_removed" in err


def test_unwritable_output_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    code, _, err = _run(capsys, "render", str(EXAMPLE), "-o", str(blocker / "out.docx"))
    assert code == 2 and str(blocker / "out.docx") in err and "Traceback" not in err
    code, _, err = _run(capsys, "blank", "observer_removed", "--lang", "ru", "-o", str(tmp_path))
    assert code == 2 and "folder" in err


@pytest.mark.parametrize("lang", ["kk", "ru", "en", "kk+ru"])
def test_blank_form_command(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    output = tmp_path / f"blank.{lang}.docx"
    code, out, _ = _run(capsys, "blank", "observer_removed", "--lang", lang, "-o", str(output))
    assert code == 0 and str(output) in out
    assert "__________" in docx_text(output.read_bytes())


def test_blank_of_unknown_kind_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "blank", "nope", "--lang", "ru", "-o", str(tmp_path / "x.docx"))
    assert code == 2 and "nope" in err


def test_batch_command_summary_and_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "good.json").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = _run(capsys, "batch", str(folder), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert code == 0 and "Rendered: 1, skipped (already there): 0, failed: 0" in out
    assert "[1/1]" in err  # progress on stderr (not a terminal: plain lines)
    (folder / "bad.json").write_text("{", encoding="utf-8")
    code, out, err = _run(capsys, "batch", str(folder), "-o", str(tmp_path / "out"), "--jobs", "2")
    # The first run's document is left as it is, and the summary says so.
    assert code == 1 and "Rendered: 0, skipped (already there): 1, failed: 1" in out
    assert "bad.json" in err and "good.ru.docx already exists" in err
    code, out, err = _run(capsys, "batch", str(folder), "-o", str(tmp_path / "out"), "--jobs", "2", "--overwrite")
    assert code == 1 and "Rendered: 1, skipped (already there): 0, failed: 1" in out
    code, _, err = _run(capsys, "batch", str(tmp_path / "missing"), "-o", str(tmp_path / "out"))
    assert code == 2 and "missing" in err


def test_evidence_outside_the_case_folder_is_refused_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # /etc/passwd, ~/… and ../../etc/shadow from a CSV row were fingerprinted into the document.
    import hashlib

    secret = tmp_path / "secret.txt"
    secret.write_text("private")
    folder = tmp_path / "cases"
    folder.mkdir()
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["evidence"] = [
        {"description": "Outside", "file": "../secret.txt"},
        {"description": "Absolute", "file": str(secret)},
    ]
    case = folder / "case.json"
    case.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    output = tmp_path / "out.docx"
    code, out, err = _run(capsys, "render", str(case), "-o", str(output))
    assert code in (0, 1) and output.is_file()
    assert "evidence.0.file" in err and "evidence.1.file" in err and "outside the case file's folder" in err
    text = docx_text(output.read_bytes())
    assert hashlib.sha256(b"private").hexdigest() not in text
    code, out, err = _run(capsys, "batch", str(folder), "-o", str(tmp_path / "batch"), "--jobs", "1")
    assert "outside the case file's folder" in err
    assert hashlib.sha256(b"private").hexdigest() not in docx_text(next((tmp_path / "batch").iterdir()).read_bytes())


@pytest.mark.parametrize("date", ["1³.01.2021", "10.01.202³", "²⁰²¹-01-10"])
def test_other_digits_in_a_date_are_a_field_error_in_check_and_deadlines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], date: str
) -> None:
    # An uncaught ValueError (or, through dateparser, the year 2023) before.
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["contested"]["date"] = date
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for command in ("check", "deadlines"):
        code, _out, err = _run(capsys, command, str(path))
        assert code == 2 and "contested.date" in err and "0–9" in err and "Traceback" not in err
    code, out, _err = _run(capsys, "check", "--json", str(path))
    assert code == 2 and json.loads(out)["error"]["problems"][0]["field"] == "contested.date"
    with pytest.raises(SystemExit) as stopped:  # the option's own message, exit 2
        _run(capsys, "deadlines", "--rule", "election.appeal_filing", "--event", date)
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and "--event" in err and "0–9" in err
