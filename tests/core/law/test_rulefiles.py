"""Every shipped rule file, whoever wrote it: ids, citations, three languages, date ranges.

The test does not know the files by name. It loads every ``core/law/rules/*.toml``
and looks for arrays of entries that carry an ``id`` and a ``citation``
(requirements, deadline rules, routes, catalogue kinds, …); a file added
tomorrow is covered without touching this test.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from kzcomplaint.core.files import resources
from kzcomplaint.core.law import ruledata
from kzcomplaint.core.law.citations import parse_citation
from kzcomplaint.core.text.languages import LANGUAGES

RULE_FILES = sorted(resources.rules_dir().glob("*.toml"))
# No rule can have been checked against the law texts after the rule files were
# last reviewed: the end of the year of that review. A later review raises this
# in the same commit. It is a fixed day, not the machine's clock, so the suite
# passes on a clock set early as on a late one; a date past it is a typo (2062
# for 2026).
LATEST_REVIEW = dt.date(2026, 12, 31)
# Nothing can be verified before the oldest law it cites was adopted.
EARLIEST_LAW = dt.date(1995, 9, 28)
_LANGUAGE_KEYS = frozenset(LANGUAGES)
_FORMAT_FIELD = re.compile(r"(?<!\{)\{([a-z_][a-z0-9_]*)\}(?!\})")


def _entry_arrays(path: Path) -> Iterator[tuple[str, list[Mapping[str, Any]]]]:
    """The arrays of tables in ``path`` whose entries have ids and citations."""
    data = ruledata.load_path(path)
    for key, value in data.items():
        if not isinstance(value, list) or not value or not all(isinstance(item, Mapping) for item in value):
            continue
        if any("id" in item and ("citation" in item or "grounds" in item) for item in value):
            yield key, value


RULE_ARRAYS = [
    pytest.param(path, key, entries, id=f"{path.name}[{key}]")
    for path in RULE_FILES
    for key, entries in _entry_arrays(path)
]


def test_rule_files_are_found() -> None:
    names = {path.name for path in RULE_FILES}
    assert {"catalog.toml", "requirements.toml", "hierarchy.toml", "deadlines.toml"} <= names
    covered = {param.values[0].name for param in RULE_ARRAYS}
    assert {"catalog.toml", "requirements.toml", "hierarchy.toml", "deadlines.toml"} <= covered


@pytest.mark.parametrize("path", RULE_FILES, ids=[path.name for path in RULE_FILES])
def test_rule_file_is_valid_toml(path: Path) -> None:
    assert isinstance(ruledata.load_path(path), dict)


@pytest.mark.parametrize(("path", "key", "entries"), RULE_ARRAYS)
def test_every_entry_has_an_id_and_a_citation_that_parses(
    path: Path, key: str, entries: list[Mapping[str, Any]]
) -> None:
    for index, entry in enumerate(entries):
        where = f"{path.name} [[{key}]] #{index + 1}"
        assert isinstance(entry.get("id"), str) and entry["id"].strip(), f"{where}: no id"
        assert ("citation" in entry) != ("grounds" in entry), f"{where}: a citation or grounds by document"
        # "none" says that no provision of law requires it (requirements.toml).
        tables = [entry.get("citation"), *dict(entry.get("grounds", {})).values(), entry.get("practice")]
        for raw in tables:
            if raw is None or raw == "none":
                continue
            citation = parse_citation(raw, f"{where} citation")
            assert citation.source.short[LANGUAGES[0]]
            if "verified_as_of" in raw:
                assert citation.verified_as_of is not None


def _range(entry: Mapping[str, Any], where: str) -> tuple[dt.date, dt.date]:
    start = ruledata.date_value(entry.get("effective_from"), f"{where} effective_from") or dt.date.min
    end = ruledata.date_value(entry.get("effective_to"), f"{where} effective_to") or dt.date.max
    assert start <= end, f"{where}: effective_to before effective_from"
    return start, end


@pytest.mark.parametrize(("path", "key", "entries"), RULE_ARRAYS)
def test_ids_are_unique_or_versions_with_disjoint_dates(path: Path, key: str, entries: list[Mapping[str, Any]]) -> None:
    seen: dict[str, list[tuple[dt.date, dt.date]]] = {}
    for index, entry in enumerate(entries):
        where = f"{path.name} [[{key}]] {entry.get('id')} (#{index + 1})"
        start, end = _range(entry, where)
        for other_start, other_end in seen.get(entry["id"], []):
            assert end < other_start or other_end < start, f"{where}: overlaps another version of the same id"
        seen.setdefault(entry["id"], []).append((start, end))


@pytest.mark.parametrize(("path", "key", "entries"), RULE_ARRAYS)
def test_verified_dates_are_dates_within_the_review(path: Path, key: str, entries: list[Mapping[str, Any]]) -> None:
    for index, entry in enumerate(entries):
        where = f"{path.name} [[{key}]] {entry.get('id')} (#{index + 1})"
        for table, name in ((entry, "verified_as_of"), (entry.get("citation", {}), "citation.verified_as_of")):
            if "verified_as_of" not in table:
                continue
            verified = ruledata.date_value(table["verified_as_of"], f"{where} {name}", required=True)
            assert verified is not None and EARLIEST_LAW <= verified <= LATEST_REVIEW, f"{where} {name}: {verified}"


def _localized_tables(value: object, where: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every table in ``value`` keyed by a language code, at any depth."""
    if isinstance(value, Mapping):
        if set(value) & _LANGUAGE_KEYS:
            yield where, value
            return
        for key, item in value.items():
            yield from _localized_tables(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _localized_tables(item, f"{where}[{index}]")


def _placeholders(text: str) -> set[str]:
    if "{" not in text:
        return set()
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        return set(_FORMAT_FIELD.findall(text))


@pytest.mark.parametrize(("path", "key", "entries"), RULE_ARRAYS)
def test_texts_are_complete_in_three_languages(path: Path, key: str, entries: list[Mapping[str, Any]]) -> None:
    for index, entry in enumerate(entries):
        for where, table in _localized_tables(entry, f"{path.name} [[{key}]] {entry.get('id')} (#{index + 1})"):
            assert set(table) == _LANGUAGE_KEYS, f"{where}: languages {sorted(table)}"
            for lang in LANGUAGES:
                text = table[lang]
                if isinstance(text, list):
                    assert text and all(isinstance(item, str) and item.strip() for item in text), f"{where}.{lang}"
                else:
                    assert isinstance(text, str) and text.strip(), f"{where}.{lang}: empty"
            if all(isinstance(table[lang], str) for lang in LANGUAGES):
                names = {lang: _placeholders(table[lang]) for lang in LANGUAGES}
                assert names["kk"] == names["ru"] == names["en"], f"{where}: placeholders differ {names}"
