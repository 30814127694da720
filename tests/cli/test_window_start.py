"""No command means the window: it starts without parsing a command line (argparse is not even imported).

Nor does the command line read a catalogue of messages then: the window reads the one of the
language the user chose, which need not be the system's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = textwrap.dedent(
    """
    import sys
    import kzcomplaint.app as app
    from kzcomplaint.core.files import resources
    read = []
    locales_dir = resources.locales_dir
    resources.locales_dir = lambda: read.append(True) or locales_dir()
    app.main = lambda **options: print(sorted(options.items())) or 0
    from kzcomplaint.cli.main import main
    code = main(sys.argv[1:])
    print("argparse" in sys.modules)
    print("catalogue read" if read else "no catalogue read")
    sys.exit(code)
    """
)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "KZCOMPLAINT_LANG": "en"},  # the usage line is in the interface language
    )


@pytest.mark.parametrize(
    ("args", "language"),
    [((), None), (("--ui-lang", "kk"), "kk"), (("--ui-lang=ru",), "ru")],
)
def test_the_window_opens_without_argparse(args: tuple[str, ...], language: str | None) -> None:
    completed = _run(*args)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.splitlines() == [
        f"[('self_test', False), ('ui_language', {language!r})]",
        "False",
        "no catalogue read",
    ]


@pytest.mark.parametrize("args", [("--ui-lang", "xx"), ("--ui-lang",), ("--self-test",), ("--bogus",)])
def test_anything_else_is_parsed_as_before(args: tuple[str, ...]) -> None:
    completed = _run(*args)
    if args == ("--self-test",):
        assert completed.returncode == 0
        assert completed.stdout.splitlines()[0] == "[('self_test', True), ('ui_language', None)]"
    else:
        assert completed.returncode == 2 and "usage:" in completed.stderr, completed.stderr
