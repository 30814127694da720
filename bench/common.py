"""What both benchmarks share: alternating rounds, min / median / max, and one line per row.

Every row of ``make bench`` compares ours with a peer or a floor measured in
the same rounds, one after the other (ours, theirs, ours, theirs, …), so a
neighbour's burst of work on a shared machine falls on both. A row prints the
minimum, median and maximum of each and the ratio of the medians.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
SCRIPT = VENV_BIN / "kzcomplaint"
"""The installed console script: the command a user types."""

Measure = Callable[[], float]


def alternate(contenders: Mapping[str, Measure], rounds: int, *, warm: int = 1) -> dict[str, list[float]]:
    """Run each contender once per round, in turn; ``warm`` unrecorded rounds first."""
    results: dict[str, list[float]] = {name: [] for name in contenders}
    for index in range(warm + rounds):
        for name, measure in contenders.items():
            value = measure()
            if index >= warm:
                results[name].append(value)
    return results


def spawn_seconds(command: Sequence[str], *, env: Mapping[str, str] | None = None, cwd: Path = ROOT) -> float:
    """Wall time of one run of ``command`` (stdout and stderr discarded); a failure stops the bench."""
    started = time.perf_counter()
    completed = subprocess.run(
        list(command), cwd=cwd, env=dict(env) if env is not None else None, capture_output=True, check=False
    )
    seconds = time.perf_counter() - started
    if completed.returncode not in (0, 1):  # 1: the case has blocking problems, which is a result
        sys.exit(f"bench: {' '.join(command)} failed ({completed.returncode}):\n{completed.stderr.decode()[-2000:]}")
    return seconds


def quiet_env(home: Path) -> dict[str, str]:
    """A child's environment: its own empty user folders, bytecode cached outside the checkout."""
    env = dict(os.environ, KZCOMPLAINT_HOME=str(home), PYTHONPYCACHEPREFIX=str(home / "pycache"))
    for name in ("PYTHONDONTWRITEBYTECODE", "PYTHONSTARTUP", "PYTHONPROFILEIMPORTTIME"):
        env.pop(name, None)
    return env


def _spread(values: Sequence[float], scale: float, digits: int) -> str:
    low, middle, high = min(values) * scale, statistics.median(values) * scale, max(values) * scale
    return f"{low:.{digits}f} / {middle:.{digits}f} / {high:.{digits}f}"


HEADER_PRINTED = False


def header() -> None:
    """The column titles, once per program."""
    global HEADER_PRINTED
    if HEADER_PRINTED:
        return
    HEADER_PRINTED = True
    print(f"{'row':<44} {'ours min / median / max':>28}   {'beside: min / median / max':>34}  {'ratio':>6}  aim")


def row(
    title: str,
    ours: Sequence[float],
    theirs: Sequence[float] | None,
    beside: str,
    *,
    unit: str = "ms",
    scale: float = 1000.0,
    digits: int = 1,
    aim: str = "",
) -> None:
    """Print one row: ours, what it is measured beside, the ratio of the medians, the aim."""
    header()
    left = f"{_spread(ours, scale, digits)} {unit}"
    if theirs:
        right = f"{beside}: {_spread(theirs, scale, digits)} {unit}"
        ratio = f"{statistics.median(ours) / statistics.median(theirs):5.2f}×"
    else:
        right, ratio = beside, ""
    print(f"{title:<44} {left:>28}   {right:>34}  {ratio:>6}  {aim}", flush=True)


def note(text: str) -> None:
    """An indented line under a row."""
    print(f"{'':4}{text}", flush=True)
