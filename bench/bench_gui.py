"""Cold start of the GUI to its first shown window, beside a bare PySide6 QWizard measured the same way.

Each run spawns a fresh interpreter. The parent notes the monotonic clock
just before the spawn; the child prints a marker with the same clock when
its window receives its first show event, then its peak resident memory a
moment later (after the work that follows the first show). The ratio of the
medians is printed; the aim is a first window in under 1 s and under 1.5×
the bare wizard.

    .venv/bin/python bench/bench_gui.py [--runs 7] [--platform offscreen]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARKER = "KZC-BENCH"

_REPORT = f"""
import resource, sys, time
from PySide6.QtCore import QTimer

def report_shown():
    print("{MARKER} shown", time.monotonic(), flush=True)
    def finish():
        print("{MARKER} rss_kib", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
        app.quit()
    QTimer.singleShot(300, finish)
"""

APP_CHILD = (
    _REPORT
    + """
from kzcomplaint.app import build_main_window, create_application
from kzcomplaint.gui.settings import UiSettings

app = create_application()
settings = UiSettings()
settings.language = "ru"
settings.role = "observer"
window = build_main_window("ru", settings=settings)
window.firstShown.connect(report_shown)
window.show()
app.exec()
"""
)

BARE_CHILD = (
    _REPORT
    + """
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage

class Wizard(QWizard):
    _shown = False

    def showEvent(self, event):
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            report_shown()

app = QApplication(sys.argv[:1])
wizard = Wizard()
for number in range(8):
    page = QWizardPage()
    page.setTitle(f"Page {number}")
    QVBoxLayout(page).addWidget(QLabel(f"Page {number}"))
    wizard.addPage(page)
wizard.show()
app.exec()
"""
)


def run_once(code: str, env: dict[str, str]) -> tuple[float, int]:
    """Spawn ``code``; return seconds from spawn to first show and peak RSS in KiB."""
    started = time.monotonic()
    completed = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    shown = rss = None
    for line in completed.stdout.splitlines():
        if line.startswith(f"{MARKER} shown"):
            shown = float(line.split()[2])
        elif line.startswith(f"{MARKER} rss_kib"):
            rss = int(line.split()[2])
    if completed.returncode != 0 or shown is None or rss is None:
        raise RuntimeError(f"benchmark child failed ({completed.returncode}):\n{completed.stderr[-2000:]}")
    return shown - started, rss


def main() -> int:
    """Measure both programs alternately and print the medians and their ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default="offscreen", help="Qt platform plugin (offscreen, xcb, …)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kzcomplaint-bench-") as home:
        # Bytecode is cached (in the temporary folder, not the checkout) as in
        # an installed app: compiling the sources is not start-up work.
        env = dict(
            os.environ, QT_QPA_PLATFORM=args.platform, KZCOMPLAINT_HOME=home, PYTHONPYCACHEPREFIX=f"{home}/pycache"
        )
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.pop("PYTHONSTARTUP", None)
        if not any((ROOT / "locales").glob("*/LC_MESSAGES/*.mo")):
            print("note: no compiled catalogues (.mo); run `make catalogues` first, as `make run` does —")
            print("      without them every start parses the .po sources.")
        results: dict[str, list[tuple[float, int]]] = {"kzcomplaint": [], "bare QWizard": []}
        run_once(APP_CHILD, env)  # warm the disk cache and write the settings once
        run_once(BARE_CHILD, env)
        for _ in range(args.runs):
            results["kzcomplaint"].append(run_once(APP_CHILD, env))
            results["bare QWizard"].append(run_once(BARE_CHILD, env))
    medians = {}
    for name, runs in results.items():
        seconds = statistics.median(run[0] for run in runs)
        rss = statistics.median(run[1] for run in runs)
        medians[name] = (seconds, rss)
        best = min(run[0] for run in runs)
        print(
            f"{name:>14}: first window {seconds * 1000:6.0f} ms (best {best * 1000:.0f} ms), "
            f"peak RSS {rss / 1024:6.1f} MiB"
        )
    (app_s, app_rss), (bare_s, bare_rss) = medians["kzcomplaint"], medians["bare QWizard"]
    print(f"{'ratio':>14}: start-up {app_s / bare_s:.2f}×, memory {app_rss / bare_rss:.2f}× (aim: < 1 s and < 1.5×)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
