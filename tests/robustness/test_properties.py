"""Property tests over hostile input: every path ends in a result or a clear error, and ``--json`` always parses.

The date parser gets digits of every Unicode class; the case loader, the
CSV reader and the renderer get generated JSON and cells with control and
broken characters, deep nesting and wrong types. Settings are modest so
``make test`` stays quick; the hypothesis database keeps what failed once.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzcomplaint.cli import main as cli
from kzcomplaint.core.case import caseio
from kzcomplaint.core.documents import batch, render, templates
from kzcomplaint.core.files import resources
from kzcomplaint.core.text import dates

# KZ_PROPERTY_EXAMPLES=2000 for a long hunt; 40 keeps ``make test`` quick.
MODEST = settings(
    max_examples=int(os.environ.get("KZ_PROPERTY_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

EXAMPLE = json.loads((resources.examples_dir() / "observer_removed.json").read_text(encoding="utf-8"))

# Digits of every kind Unicode has: decimal (Nd: Arabic-Indic, full-width…), other (No: ² ½ ①), letter (Nl: Ⅻ).
UNICODE_DIGITS = st.characters(categories=["Nd", "No", "Nl"])
DATE_PIECES = st.one_of(
    UNICODE_DIGITS,
    st.sampled_from(list("0123456789.-/: ")),
    st.sampled_from(["января", "қаңтар", "жылғы", "г.", "ж.", "January", "года"]),
    st.characters(),
)
DATE_TEXT = st.lists(DATE_PIECES, max_size=14).map("".join)
HOSTILE_TEXT = st.text(
    st.one_of(st.characters(), st.sampled_from(["\x00", "\x07", "\x0b", "\x1b", "\ud800", "\u2028", "³", "١"])),
    max_size=40,
)


@given(DATE_TEXT)
@MODEST
def test_a_date_is_read_or_refused_with_a_message(text: str) -> None:
    try:
        value = dates.parse_date(text)
    except dates.DateError as error:
        assert error.message.msgid and error.code
        return
    assert dates.MIN_YEAR <= value.year <= dates.MAX_YEAR
    assert all(char in "0123456789" or not char.isnumeric() for char in text)


@given(st.lists(st.sampled_from(list("0123456789")), min_size=1, max_size=8), UNICODE_DIGITS, st.integers(0, 8))
@MODEST
def test_a_digit_other_than_0_to_9_anywhere_is_the_not_a_digit_error(digits: list[str], other: str, at: int) -> None:
    if "0" <= other <= "9" or not other.isnumeric():
        return
    text = "".join(digits[:at]) + other + "".join(digits[at:])
    for parse in (dates.parse_date, dates.parse_time):
        with pytest.raises(dates.DateError) as caught:
            parse(f"{text[:2]}.{text[2:4]}.{text[4:]}" if parse is dates.parse_date else text)
        assert caught.value.code == "not_a_digit"
    assert dates.time_entry_state(text) == "invalid"


FIELD_NAMES = st.sampled_from(
    [
        "template", "language", "facts", "requests", "attachments", "evidence", "details", "filing_date",
        "election", "complainant", "representative", "respondent", "addressee", "contested", "format", "x",
    ]
)  # fmt: skip
JSON_LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), HOSTILE_TEXT, DATE_TEXT
)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.one_of(FIELD_NAMES, HOSTILE_TEXT), children, max_size=4)
    ),
    max_leaves=20,
)


def _mutated_example(changes: dict[str, object]) -> dict[str, object]:
    data = json.loads(json.dumps(EXAMPLE))
    data.update(changes)
    return data


CASE_DATA = st.one_of(
    JSON_VALUES,
    st.dictionaries(FIELD_NAMES, JSON_VALUES, max_size=6).map(_mutated_example),
    st.builds(lambda depth: _mutated_example({"facts": _nested(depth)}), st.integers(1, 200)),
)


def _nested(depth: int) -> list[object]:
    value: list[object] = []
    for _ in range(depth - 1):
        value = [value]
    return value


@given(CASE_DATA)
@MODEST
def test_the_loader_gives_a_case_or_every_problem_and_salvage_never_raises(data: object) -> None:
    raw = json.dumps(data, ensure_ascii=True).encode("utf-8") if _dumpable(data) else b"{"
    try:
        case = caseio.loads_case(raw, "generated.json")
    except caseio.CaseFileError as error:
        assert error.problems and str(error)
        for problem in error.problems:
            problem.message.msgid.format(**problem.message.params)
    else:
        assert caseio.loads_case(caseio.dumps_case(case).encode("utf-8"), "again.json") == case
    salvaged = caseio.salvage_case_bytes(raw, "generated.json")
    if salvaged.readable:
        caseio.dumps_case(salvaged.case).encode("utf-8")  # what was salvaged can be saved


def _dumpable(data: object) -> bool:
    try:
        json.dumps(data)
    except (ValueError, RecursionError):
        return False
    return True


@given(data=CASE_DATA)
@MODEST
def test_check_json_output_always_parses(data: object, tmp_path_factory: pytest.TempPathFactory, capsys) -> None:
    path = tmp_path_factory.mktemp("check") / "case.json"
    path.write_bytes(json.dumps(data, ensure_ascii=True).encode("utf-8") if _dumpable(data) else b"[" * 5000)
    code = cli.main(["--ui-lang", "ru", "check", "--json", str(path)])
    out, _err = capsys.readouterr()
    assert code in (0, 1, 2)
    parsed = json.loads(out)
    assert ("problems" in parsed) if code != 2 else ("error" in parsed)


COLUMNS = st.sampled_from(
    [
        "template", "language", "complainant.full_name", "contested.date", "contested.time", "filing_date",
        "details.removed_by", "requests", "evidence.0.file", "evidence.1.description", "evidence.³.file",
        "respondent.level", "a.b.c", "complainant", "",
    ]
)  # fmt: skip


@given(rows=st.lists(st.dictionaries(COLUMNS, st.one_of(HOSTILE_TEXT, DATE_TEXT), max_size=6), min_size=1, max_size=3))
@MODEST
def test_every_csv_row_ends_in_a_document_or_its_own_error(rows: list[dict[str, str]], tmp_path_factory) -> None:
    folder = tmp_path_factory.mktemp("csv")
    columns = sorted({column for row in rows for column in row} | {"template"})
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow({**{"template": "observer_removed"}, **row})
    source = folder / "rows.csv"
    source.write_bytes(buffer.getvalue().encode("utf-8", "replace"))  # a lone surrogate cannot be in UTF-8
    try:
        items = batch.collect(source)
    except batch.BatchSourceError as error:
        assert error.message.msgid
        return
    for item in items:
        result = batch.render_one(item, None, folder / "out" / f"{item.stem}.ru.docx")
        assert result.ok or result.errors or result.skipped
        for problem in result.errors:
            problem.message.msgid.format(**problem.message.params)


@given(st.dictionaries(FIELD_NAMES, JSON_VALUES, max_size=5).map(_mutated_example), st.sampled_from(["kk", "ru", "en"]))
@MODEST
def test_a_case_the_loader_accepts_renders_in_every_language(data: dict[str, object], language: str) -> None:
    try:
        case = caseio.parse_case(data, "generated")
    except caseio.CaseFileError:
        return
    try:
        document = render.render_docx(case, language, base_dir=Path("/nonexistent"))
    except (render.RenderError, templates.TemplateError):
        return
    assert document[:2] == b"PK"


@pytest.mark.parametrize("depth", [33, 985, 100_000])
def test_json_nested_deep_is_exit_2_with_a_message(depth: int, tmp_path: Path, capsys) -> None:
    # 985 levels parsed, then a RecursionError escaped from the code naming the bad value.
    path = tmp_path / "deep.json"
    path.write_text('{"format": "kzcomplaint/1", "facts": ' + "[" * depth + "]" * depth + "}", encoding="utf-8")
    for arguments in (["check", str(path)], ["check", "--json", str(path)], ["render", str(path), "-o", "x.docx"]):
        assert cli.main(["--ui-lang", "en", *arguments]) == 2
        out, err = capsys.readouterr()
        assert "nested too deeply" in err and "Traceback" not in err
        if "--json" in arguments:
            assert json.loads(out)["error"]["problems"][0]["field"] == ""


def test_a_lone_surrogate_in_the_format_gives_whole_json(tmp_path: Path, capsys) -> None:
    path = tmp_path / "case.json"
    path.write_text('{"format": "\\ud800", "facts": "\\udfff"}', encoding="utf-8")
    assert cli.main(["--ui-lang", "kk", "check", "--json", str(path)]) == 2
    out, _err = capsys.readouterr()
    assert json.loads(out)["error"]["problems"][0]["field"] == "format"
    assert dates.parse_date("10.01.2021") == dt.date(2021, 1, 10)
