"""The app makes no network calls: every command runs with the network forbidden by an audit hook."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import contextlib, io, sys

attempts = []

def refuse_network(event, args):
    if event.startswith("socket.") and event not in ("socket.__new__",):
        attempts.append(event)
        raise RuntimeError(f"network call: {event} {args!r}")
    if event == "urllib.Request":
        attempts.append(event)
        raise RuntimeError("network call: urllib")

sys.addaudithook(refuse_network)

from kzcomplaint.cli.main import main

out = sys.argv[1]
example = sys.argv[2]
codes = []
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    codes.append(main(["check", example]))
    codes.append(main(["deadlines", example, "--json"]))
    codes.append(main(["deadlines", "--rule", "election.appeal_filing", "--event", "10 қаңтар 2021 ж."]))
    codes.append(main(["templates", "--json"]))
    codes.append(main(["render", example, "--lang", "kk+ru", "-o", out + "/a.docx"]))
    codes.append(main(["blank", "violation_act", "--lang", "kk", "-o", out + "/b.docx"]))
    codes.append(main(["batch", example.rsplit("/", 1)[0], "-o", out + "/batch", "--jobs", "1"]))
print(codes, attempts)
"""


def test_no_command_touches_the_network(tmp_path: Path) -> None:
    example = ROOT / "examples" / "observer_removed.json"
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path), str(example)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    codes, attempts = result.stdout.strip().rsplit("] [", 1)
    assert attempts == "]", f"network calls attempted: {attempts}"
    assert codes == "[0, 0, 0, 0, 0, 0, 0"
    assert (tmp_path / "a.docx").stat().st_size > 0
