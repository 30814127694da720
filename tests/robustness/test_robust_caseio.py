"""Case files that are broken on purpose or by accident: every problem a message, never an exception.

Pinned here: an impossible time of day kept as a fact, a format number too
long for ``int()``, a number too large for a float read as "inf", control
characters of a field name printed raw in the problem's path, and save
targets (a name too long, a NUL, a pipe) that ended in a traceback or
replaced what was there.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from kzcomplaint.core.case import caseio
from kzcomplaint.core.files import resources
from kzcomplaint.core.text import dates

EXAMPLE = resources.examples_dir() / "observer_removed.json"


@pytest.fixture
def example() -> dict[str, Any]:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def _problems(text: str) -> list[caseio.LoadProblem]:
    with pytest.raises(caseio.CaseFileError) as caught:
        caseio.loads_case(text.encode("utf-8"), "case.json")
    return caught.value.problems


@pytest.mark.parametrize("time", ["25:99", "24:00", "14.60", "2961"])
def test_impossible_time_is_reported(example: dict[str, Any], time: str) -> None:
    example["contested"]["time"] = time
    with pytest.raises(caseio.CaseFileError) as caught:
        caseio.parse_case(example, "case.json")
    (problem,) = caught.value.problems
    assert problem.path == "contested.time" and problem.message.msgid == dates.MSG_TIME_IMPOSSIBLE


@pytest.mark.parametrize("time", ["около 14 часов", "в обед", "14 ч."])
def test_time_in_words_is_still_kept(example: dict[str, Any], time: str) -> None:
    example["contested"]["time"] = time
    assert caseio.parse_case(example, "case.json").contested.time == time


def test_format_number_too_long_for_int_is_a_problem() -> None:
    # int() refuses more than 4300 digits: it was a ValueError traceback.
    problems = _problems(json.dumps({"format": "kzcomplaint/" + "9" * 5000}))
    assert [p.path for p in problems] == ["format"]
    assert problems[0].message.msgid == caseio.MSG_FORMAT_UNKNOWN


def test_a_number_too_large_for_a_float_is_not_an_answer() -> None:
    problems = _problems('{"format": "kzcomplaint/1", "details": {"votes": 1e400, "booths": 3}}')
    assert [(p.path, p.message.msgid) for p in problems] == [("details.votes", caseio.MSG_EXPECTED_TEXT_OR_NUMBER)]


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ('{"format": "kzcomplaint/1", "\\u001b[2J": 1}', "\\x1b[2J"),
        ('{"format": "kzcomplaint/1", "complainant": {"x\\u0007": 1}}', "complainant.x\\x07"),
        ('{"format": "kzcomplaint/1", "details": {"k\\u009b31m": "v"}}', "details.k\\x9b31m"),
        ('{"format": "kzcomplaint/1", "details": {"k\\ud800": "v"}}', "details.k\\ud800"),
    ],
)
def test_control_characters_of_a_field_name_are_escaped_in_its_path(text: str, path: str) -> None:
    problems = _problems(text)
    assert path in [p.path for p in problems]
    for problem in problems:
        assert problem.path.isprintable(), problem.path


def test_cyrillic_field_names_are_shown_as_written() -> None:
    problems = _problems('{"format": "kzcomplaint/1", "заявитель": {}}')
    assert [p.path for p in problems] == ["заявитель"]


@pytest.mark.parametrize("name", ["a" * 300 + ".json", "a\x00b.json"])
def test_save_to_an_impossible_name_is_a_save_error(tmp_path: Path, name: str) -> None:
    case = caseio.load_case(EXAMPLE)
    with pytest.raises(caseio.CaseSaveError):
        caseio.save_case(case, tmp_path / name)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_save_never_replaces_a_pipe_or_device(tmp_path: Path) -> None:
    pipe = tmp_path / "case.json"
    os.mkfifo(pipe)
    with pytest.raises(caseio.CaseSaveError) as caught:
        caseio.save_case(caseio.load_case(EXAMPLE), pipe)
    assert caught.value.message.msgid == caseio.MSG_SAVE_NOT_A_FILE
    assert pipe.exists() and not pipe.is_file()
    assert list(tmp_path.iterdir()) == [pipe]


def test_save_through_a_loop_of_links_is_a_save_error(tmp_path: Path) -> None:
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    with pytest.raises(caseio.CaseSaveError):
        caseio.save_case(caseio.load_case(EXAMPLE), tmp_path / "a.json")
    assert (tmp_path / "a.json").is_symlink() and (tmp_path / "b.json").is_symlink()
