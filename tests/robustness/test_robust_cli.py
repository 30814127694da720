"""The command line under a user's mistakes and a hostile environment: a clear message, exit 2, nothing lost.

Each test pins a defect found by attacking the CLI: the input named as the
output, a device or a pipe as the output, a file where a folder has to be,
non-UTF-8 and broken standard output, terminal control characters in names,
a case whose document kind is unknown asked for its deadlines.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kzcomplaint.cli import main as cli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "observer_removed.json"
ESC = "\x1b"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = cli.main(["--ui-lang", "en", *args])
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _subprocess(*args: str, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, **(env or {})}
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "kzcomplaint", *args],
        env=environment,
        cwd=ROOT,
        timeout=120,
        check=False,
        **streams,  # type: ignore[arg-type]
    )


def _case(tmp_path: Path, **changes: object) -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# ── render -o: never destroy what is there ─────────────────────────────


def test_render_refuses_to_overwrite_the_case_file_itself(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = _case(tmp_path)
    before = case.read_bytes()
    code, _, err = _run(capsys, "render", str(case), "-o", str(case))
    assert code == 2
    assert case.read_bytes() == before, "the case file was replaced by the document"
    assert str(case) in err and "case file itself" in err


def test_render_refuses_a_link_to_the_case_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = _case(tmp_path)
    before = case.read_bytes()
    link = tmp_path / "link.docx"
    link.symlink_to(case)
    code, _, err = _run(capsys, "render", str(case), "-o", str(link))
    assert code == 2 and "case file itself" in err
    assert case.read_bytes() == before and link.is_symlink()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_render_refuses_a_pipe_or_device_as_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # As root, os.replace put a regular file in place of /dev/null; a pipe
    # stands in for the device here.
    pipe = tmp_path / "out.docx"
    os.mkfifo(pipe)
    code, _, err = _run(capsys, "render", str(EXAMPLE), "-o", str(pipe))
    assert code == 2 and "not an ordinary file" in err
    assert pipe.exists() and not pipe.is_file(), "the pipe was replaced by a file"


def test_render_names_the_file_that_stands_where_a_folder_must_be(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "report.pdf"
    blocker.write_bytes(b"%PDF")
    code, _, err = _run(capsys, "render", str(EXAMPLE), "-o", str(blocker / "sub" / "out.docx"))
    assert code == 2
    assert f"{blocker} is a file, not a folder" in err
    assert "File exists" not in err and blocker.read_bytes() == b"%PDF"


@pytest.mark.parametrize("name", ["a" * 300 + ".docx", "a\x00b.docx"])
def test_render_to_an_impossible_name_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    code, _, err = _run(capsys, "render", str(EXAMPLE), "-o", str(tmp_path / name))
    assert code == 2 and "cannot be written" in err
    assert list(tmp_path.iterdir()) == []


def test_batch_output_under_a_file_names_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "a.json").write_bytes(EXAMPLE.read_bytes())
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x")
    for output in (blocker, blocker / "out"):
        code, _, err = _run(capsys, "batch", str(folder), "-o", str(output), "--jobs", "1")
        assert code == 2 and f"{blocker} is a file, not a folder" in err, err
    assert blocker.read_text() == "x"


# ── deadlines of a case without a known document kind ──────────────────


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_deadlines_of_an_unknown_document_kind_is_not_an_empty_success(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], json_flag: list[str]
) -> None:
    # An empty list with exit 0 read as "no terms run" for a case whose
    # ten-day term may be running.
    case = _case(tmp_path, template="observer_removd")
    code, out, err = _run(capsys, "deadlines", str(case), *json_flag)
    assert code == 2 and out == ""
    assert str(case) in err and "template" in err and "observer_removed" in err


# ── terminal control characters from a file are shown, not obeyed ──────


def test_control_characters_in_field_names_do_not_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "case.json"
    path.write_text(
        '{"format": "kzcomplaint/1", "\\u001b]0;title\\u0007\\u001b[2J": 1, "details": {"a\\u001b[31m": "x"}}',
        encoding="utf-8",
    )
    code, out, err = _run(capsys, "check", str(path))
    assert code == 2
    assert ESC not in err and "\x07" not in err and ESC not in out
    assert "\\x1b[2J" in err, "the field is still named, escaped"


def test_control_characters_in_batch_file_names_are_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["complainant"]["phone"] = ""  # a blocking problem: the name is printed on stdout too
    (folder / f"x{ESC}[2J.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (folder / f"y{ESC}[2J.json").write_text("{broken", encoding="utf-8")
    code, out, err = _run(capsys, "batch", str(folder), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert code == 1
    assert ESC not in out and ESC not in err
    assert "\\x1b[2J" in out and "\\x1b[2J" in err


# ── standard output that is not UTF-8, full, or closed ─────────────────


@pytest.mark.parametrize("encoding", ["cp1251", "ascii"])
def test_kazakh_output_on_a_non_utf8_stdout_has_no_traceback(encoding: str) -> None:
    # A Windows pipe or file in cp1251 cannot hold қ, ң, ү …; it was a UnicodeEncodeError.
    result = _subprocess("templates", "--ui-lang", "kk", env={"PYTHONIOENCODING": encoding})
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in result.stderr
    assert b"observer_removed" in result.stdout


def test_json_on_a_non_utf8_stdout_is_valid_json_with_the_same_text() -> None:
    result = _subprocess("check", str(EXAMPLE), "--json", "--ui-lang", "kk", env={"PYTHONIOENCODING": "cp1251"})
    assert result.returncode == 0 and b"Traceback" not in result.stderr
    utf8 = _subprocess("check", str(EXAMPLE), "--json", "--ui-lang", "kk")
    assert json.loads(result.stdout.decode("cp1251")) == json.loads(utf8.stdout.decode("utf-8"))


def test_law_json_is_valid_json_on_a_non_utf8_stdout_and_for_an_id_no_encoding_can_write() -> None:
    # ``kzcomplaint law`` (issue 8) writes --json the way check does: whole, valid JSON whatever it holds.
    result = _subprocess("law", "--json", "--ui-lang", "kk", env={"PYTHONIOENCODING": "cp1251"})
    utf8 = _subprocess("law", "--json", "--ui-lang", "kk")
    assert result.returncode == 0 and b"Traceback" not in result.stderr
    assert json.loads(result.stdout.decode("cp1251")) == json.loads(utf8.stdout.decode("utf-8"))
    if sys.platform != "win32":  # an argument that is not UTF-8 reaches Python as a lone surrogate
        unknown = subprocess.run(  # noqa: S603 - our own interpreter and module
            [sys.executable.encode(), b"-m", b"kzcomplaint", b"--ui-lang", b"ru", b"law", b"\xff49", b"--json"],
            cwd=ROOT,
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert unknown.returncode == 2 and b"Traceback" not in unknown.stderr
        assert json.loads(unknown.stdout.decode("utf-8"))["error"]["provision"] == "\udcff49"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_for_stdout_is_a_message() -> None:
    with open("/dev/full", "wb") as full:
        result = _subprocess("check", str(EXAMPLE), "--ui-lang", "en", stdout=full)
    assert result.returncode == 2
    stderr = result.stderr.decode("utf-8")
    assert "Traceback" not in stderr and "Exception ignored" not in stderr
    assert "the output cannot be written" in stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell")
def test_a_closed_stdout_is_not_a_traceback() -> None:
    command = f'"{sys.executable}" -m kzcomplaint templates --json >&-'
    result = subprocess.run(  # noqa: S602 - a fixed command line of our own
        command, shell=True, capture_output=True, cwd=ROOT, timeout=120, check=False
    )
    assert b"Traceback" not in result.stderr, result.stderr.decode("utf-8", "replace")
    assert result.returncode == 0


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX locales")
@pytest.mark.parametrize("setting", [{}, {"LANG": "C"}, {"LC_ALL": "POSIX"}, {"LC_ALL": "C.UTF-8"}])
def test_no_locale_means_the_documented_default_russian(setting: dict[str, str]) -> None:
    # Python reports the C locale as en_US: a cron job or a bare container
    # got English, while an explicit LC_ALL=POSIX got Russian.
    environment = {"PATH": os.environ.get("PATH", ""), **setting}
    result = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "kzcomplaint", "templates"],
        capture_output=True,
        env=environment,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert "Права наблюдателя" in result.stdout.decode("utf-8")
