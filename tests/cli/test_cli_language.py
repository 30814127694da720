"""The command line's own help and usage errors come in the user's language, argparse's texts included."""

from __future__ import annotations

import re

import pytest

from kzcomplaint.cli.main import main

ENGLISH = ("usage:", "show this help message", "positional arguments", "options:", "the following arguments")


@pytest.mark.parametrize(("language", "usage"), [("ru", "использование:"), ("kk", "қолданылуы:")])
def test_help_is_in_the_users_language(capsys, language: str, usage: str) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--ui-lang", language, "--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(usage)
    for text in ENGLISH:
        assert text not in out, text
    assert "version number" not in out


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_usage_errors_are_in_the_users_language(capsys, language: str) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--ui-lang", language, "check"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "CASE" in err
    assert not re.search(r"the following|required|usage", err), err


def test_english_stays_english(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--ui-lang", "en", "--help"])
    assert "show this help message and exit" in capsys.readouterr().out
