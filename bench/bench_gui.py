"""Benchmark of the window (``make bench``): start to first paint, opening a case, keystroke to preview.

Every figure comes from a fresh interpreter, and ours alternates with what it
is measured beside, round by round; min / median / max are printed.

- Start to first paint: ``python -m kzcomplaint`` — the real entry point,
  argument parsing, settings and all, with a user's own home folder (no
  ``KZCOMPLAINT_HOME``: the folders are found as on a user's machine) —
  beside a bare 8-page ``QWizard``. Both
  note ``time.monotonic()`` at the first queued call after their window's
  first paint event (ours through the ``KZCOMPLAINT_BENCH_FIRST_PAINT`` hook of
  :mod:`kzcomplaint.app`) and the parent subtracts the moment it spawned them.
- Opening a case and keystroke → preview (``bench/gui_scenario.py``, one
  process per round): the window is built as the entry point builds it and
  painted; a 1 ms heartbeat timer then measures the longest time the event
  loop did not run in the 1.5 s after the first paint (printed as a note),
  then while a case file is opened (File → Open's own method), beside the
  longest gap in an idle second of the same process before it. Then the
  document page is shown, letters are typed into the Facts text with key
  events, and the time from each key press to the preview painted with the
  letter in it is taken, beside the floor: building the document's
  paragraphs and turning them into HTML, in the same process, no waiting.

    .venv/bin/python bench/bench_gui.py [--rounds 9] [--platform offscreen]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import common

MARKER = "KZC-BENCH"
SCENARIO = Path(__file__).resolve().parent / "gui_scenario.py"

BARE_CHILD = f"""
import sys, time
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage

def report():
    print("{MARKER} painted", time.monotonic(), time.process_time(), flush=True)
    QCoreApplication.quit()

class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, report)
        return False

app = QApplication(sys.argv[:1])
wizard = QWizard()
for number in range(8):
    page = QWizardPage()
    page.setTitle(f"Page {{number}}")
    QVBoxLayout(page).addWidget(QLabel(f"Page {{number}}"))
    wizard.addPage(page)
wizard.show()
probe = Probe(wizard)
wizard.installEventFilter(probe)
app.exec()
"""

SETTINGS_CHILD = """
from kzcomplaint.gui.settings import UiSettings
settings = UiSettings()
settings.language = "ru"
settings.role = "observer"
settings.sync()
"""


XDG_VARIABLES = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")

CPU_TIMES: dict[str, list[float]] = {}
"""CPU seconds of each child up to its first paint, by command (its own work, whatever the neighbours do)."""


def first_paint(command: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning ``command`` to its first paint (its CPU seconds go to :data:`CPU_TIMES`)."""
    started = time.monotonic()
    completed = subprocess.run(command, cwd=common.ROOT, env=env, capture_output=True, text=True, timeout=120)
    for line in completed.stdout.splitlines():
        if line.startswith(f"{MARKER} painted"):
            fields = line.split()
            if len(fields) > 3:
                CPU_TIMES.setdefault(" ".join(command[:2]), []).append(float(fields[3]))
            return float(fields[2]) - started
    raise SystemExit(f"bench: {command} did not report its first paint ({completed.returncode}):\n"
                     f"{completed.stderr[-2000:]}")


def scenario(env: dict[str, str], case: Path) -> dict[str, float]:
    """One run of ``gui_scenario.py``: its figures."""
    completed = subprocess.run(
        [sys.executable, str(SCENARIO), str(case)], cwd=common.ROOT, env=env, capture_output=True, text=True,
        timeout=300,
    )
    for line in completed.stdout.splitlines():
        if line.startswith(MARKER):
            return dict(json.loads(line[len(MARKER) :]))
    raise SystemExit(f"bench: the GUI scenario failed ({completed.returncode}):\n{completed.stderr[-3000:]}")


def main() -> int:
    """Measure and print the three rows."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--platform", default="offscreen", help="Qt platform plugin (offscreen, xcb, …)")
    parser.add_argument("--only-start", action="store_true", help="only the start-up row")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kzcomplaint-bench-gui-") as folder:
        home = Path(folder)
        env = common.quiet_env(home)
        env["QT_QPA_PLATFORM"] = args.platform
        if not any((common.ROOT / "locales").glob("*/LC_MESSAGES/*.mo")):
            print("note: no compiled catalogues (.mo); run `make catalogues` first, as `make run` does.")
        # A user's machine: no KZCOMPLAINT_HOME, the XDG folders below a home of its own.
        user_env = {name: value for name, value in env.items() if name not in ("KZCOMPLAINT_HOME", *XDG_VARIABLES)}
        user_env["HOME"] = str(home / "user")
        subprocess.run([sys.executable, "-c", SETTINGS_CHILD], env=user_env, check=True)
        subprocess.run([sys.executable, "-c", SETTINGS_CHILD], env=env, check=True)
        app_env = dict(user_env, KZCOMPLAINT_BENCH_FIRST_PAINT="1")
        ours = [sys.executable, "-m", "kzcomplaint"]
        bare = [sys.executable, "-c", BARE_CHILD]
        start = common.alternate(
            {"ours": lambda: first_paint(ours, app_env), "bare": lambda: first_paint(bare, user_env)}, args.rounds
        )
        common.row("start to first paint (python -m kzcomplaint)", start["ours"], start["bare"], "bare QWizard",
                   digits=0, aim="≤ 1.3×")
        cpu_ours, cpu_bare = CPU_TIMES.get(" ".join(ours[:2])), CPU_TIMES.get(" ".join(bare[:2]))
        if cpu_ours and cpu_bare:  # on a busy machine the wall clock counts the neighbours' work too
            common.row("  the same, CPU time of the process", cpu_ours, cpu_bare, "bare QWizard", digits=0)

        if args.only_start:
            return 0
        case = common.ROOT / "examples" / "observer_removed.json"
        runs = [scenario(env, case) for _ in range(1 + args.rounds)][1:]  # the first run writes the bytecode cache
        common.row("opening a case: longest UI freeze", [r["open_freeze"] for r in runs],
                   [r["idle_freeze"] for r in runs], "idle loop", digits=0, aim="≤ 50 ms")
        if all("settle_freeze" in r for r in runs):
            settle = sorted(r["settle_freeze"] for r in runs)
            common.note(
                f"the 1.5 s after the first paint: longest freeze {settle[0] * 1000:.0f} / "
                f"{settle[len(settle) // 2] * 1000:.0f} / {settle[-1] * 1000:.0f} ms (min / median / max)"
            )
        common.row("keystroke in Facts → preview shows it", [r["keystroke"] for r in runs],
                   [r["preview_work"] for r in runs], "paragraphs → HTML", digits=1, aim="< 200 ms")
        worst = max(r["keystroke_worst"] for r in runs)
        common.note(f"keystroke → preview, the worst of all letters typed: {worst * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
