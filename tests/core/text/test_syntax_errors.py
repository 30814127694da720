"""What tomllib says is wrong with a trainer's pack or a directory file reaches a kk/ru user in their language."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from kzcomplaint.core.law import directory
from kzcomplaint.core.text.i18n import Message, translator
from kzcomplaint.core.text.json_errors import toml_reason
from kzcomplaint.core.workshop import packs

# One broken document per kind of mistake tomllib reports (Python 3.11–3.13), with its line.
BROKEN: dict[str, tuple[str, int]] = {
    "no equals sign": ('id = "a"\ntitle "x"\n', 2),
    "table not closed": ("[scenario\n", 1),
    "array of tables not closed": ("[[scenario]\n", 1),
    "string not closed": ('id = "a\n', 1),
    "list not closed": ("ids = [1, 2\n", 0),  # 0: found at the end of the file
    "inline table not closed": ("x = { a = 1\n", 1),
    "bare word": ("id = hello\n", 1),
    "stray line": ("id = 1\n= 2\n", 2),
    "impossible date": ("day = 2021-02-30\n", 1),
    "bad escape": ('id = "\\q"\n', 1),
    "name twice": ("id = 1\nid = 2\n", 2),
    "table twice": ("[a]\n[a]\n", 2),
    "inline table extended": ("a = { b = 1 }\na.c = 2\n", 2),
    "control character": ('id = "a\x01b"\n', 1),
}
AT_END = {"kk": "(файлдың соңында)", "ru": "(в конце файла)"}
LATIN = re.compile(r"[A-Za-z]{3,}")


def _error(text: str) -> tomllib.TOMLDecodeError:
    with pytest.raises(tomllib.TOMLDecodeError) as raised:
        tomllib.loads(text)
    return raised.value


@pytest.mark.parametrize("case", list(BROKEN))
def test_every_kind_of_toml_mistake_is_translated_with_its_line(case: str) -> None:
    text, line = BROKEN[case]
    reason = toml_reason(_error(text))
    assert isinstance(reason, Message), f"tomllib's wording not known: {reason!r}"
    for language in ("kk", "ru"):
        shown = reason.render(translator(language))
        assert str(line) in shown if line else shown.endswith(AT_END[language])
        # No English of tomllib's left: only the TOML syntax itself ([table], YYYY) may be Latin.
        assert [word for word in LATIN.findall(shown) if word not in {"table", "YYYY"}] == [], shown


def test_an_unknown_wording_is_passed_on_with_its_position() -> None:
    reason = toml_reason(tomllib.TOMLDecodeError("Something new (at line 4, column 2)"))
    assert isinstance(reason, Message)
    assert reason.render(translator("ru")) == "Something new (строка 4, столбец 2)"
    assert toml_reason(ValueError("no position")) == "no position"


LINE = {"kk": "жол № {line}", "ru": "строка {line}"}


def _pack_messages(path: Path, language: str) -> list[str]:
    with pytest.raises(packs.PackError) as raised:
        packs.load_pack(path)
    return [message.render(translator(language)) for message in raised.value.messages()]


def _directory_messages(path: Path, language: str) -> list[str]:
    with pytest.raises(directory.DirectoryError) as raised:
        directory.read_entries(path)
    return [problem.message.render(translator(language)) for problem in raised.value.problems]


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize(
    ("read", "name", "text", "line"),
    [
        (_pack_messages, "pack.toml", 'format = "kzcomplaint-pack/1"\n[[scenario]\nid = "x"\n', 2),
        (_directory_messages, "bodies.toml", 'format = 1\n[[body]]\nid = "x"\nname "y"\n', 4),
    ],
    ids=["scenario pack", "directory of bodies"],
)
def test_a_broken_users_file_says_what_and_where_in_their_language(
    tmp_path: Path, read, name: str, text: str, line: int, language: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (shown,) = read(path, language)
    assert LINE[language].format(line=line) in shown
    assert "Expected" not in shown and "at line" not in shown
    # Not UTF-8: said in the user's language too, not as Python's codec message.
    path.write_bytes(b'format = 1\nname = "\xff"\n')
    (shown,) = read(path, language)
    assert "UTF-8" in shown and "codec" not in shown
