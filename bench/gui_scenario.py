"""One round of the window benchmark (run by ``bench_gui.py`` in a fresh interpreter).

Builds the main window as :func:`kzcomplaint.app.main` does, waits for its
first paint, then measures:

- ``settle_freeze``: the longest gap of a 1 ms heartbeat timer over the 1.5 s
  after the first paint (what the window does once shown);
- ``idle_freeze``: the longest gap over the idle second after that (the floor);
- ``open_freeze``: the longest gap from File → Open's ``open_path`` until the
  problems are shown and half a second more (at least 1.5 s);
- ``keystroke`` / ``keystroke_worst``: median and worst of five letters typed
  into the Facts text with key events while the document page is shown, from
  the key press to the preview painted with the letter in it;
- ``preview_work``: the floor of that, building the paragraphs and turning
  them into HTML with nothing else (median of 20).

Prints ``KZC-BENCH {json}`` with seconds.

    python bench/gui_scenario.py CASE.json
"""

from __future__ import annotations

import html
import json
import shutil
import statistics
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from kzcomplaint.app import build_main_window, create_application
from kzcomplaint.core.files import resources
from kzcomplaint.gui.settings import UiSettings

LETTERS = "xqzjw"


class Heartbeat:
    """A 1 ms timer noting when the event loop ran it."""

    def __init__(self) -> None:
        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))
        self.timer.start()

    def longest_gap(self, start: float, end: float) -> float:
        moments = [start, *(t for t in self.ticks if start < t < end), end]
        return max(b - a for a, b in zip(moments, moments[1:], strict=False))


def spin(seconds: float, until: object = None) -> None:
    """Run the event loop for ``seconds`` (or until ``until()`` is true, then ``seconds`` more)."""
    deadline = time.perf_counter() + 30
    if until is not None:
        while not until() and time.perf_counter() < deadline:  # type: ignore[operator]
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            time.sleep(0.0005)
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


class PaintWatch(QObject):
    """Notes the first paint of a widget after :meth:`arm`, at the first queued call after it."""

    def __init__(self, widget: object) -> None:
        super().__init__()
        self.armed = False
        self.painted: float | None = None
        widget.installEventFilter(self)  # type: ignore[attr-defined]

    def arm(self) -> None:
        self.armed, self.painted = True, None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.armed and event.type() == QEvent.Type.Paint:
            self.armed = False
            QTimer.singleShot(0, lambda: setattr(self, "painted", time.perf_counter()))
        return False


def main() -> int:
    source = Path(sys.argv[1])
    app = create_application()
    window = build_main_window(settings=UiSettings())
    painted: list[bool] = []
    window.firstPainted.connect(lambda: painted.append(True))
    beat = Heartbeat()
    window.show()
    spin(0.0, lambda: painted)
    after_paint = time.perf_counter()
    spin(1.5)  # what the window does once painted: the pages built, the core's data read
    settled = time.perf_counter()
    settle_freeze = beat.longest_gap(after_paint, settled)
    spin(1.0)
    idle_freeze = beat.longest_gap(settled, time.perf_counter())

    case = resources.user_data_dir() / "bench-case.json"
    case.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, case)
    shown: list[float] = []
    opened: list[float] = []
    window.draft.problemsChanged.connect(lambda problems: shown.append(time.perf_counter()) if opened else None)

    def open_case() -> None:
        opened.append(time.perf_counter())
        if not window.open_path(case, ask=False):
            raise SystemExit("the case could not be opened")

    QTimer.singleShot(0, open_case)
    spin(0.5, lambda: shown and time.perf_counter() - opened[0] > 1.0)
    open_freeze = beat.longest_gap(opened[0], time.perf_counter())

    page = window.document_page
    window.wizard.go_to_page(len(window.wizard.pages) - 1)
    if window.wizard.currentPage() is not page:
        raise SystemExit("the document page could not be reached")
    spin(0.6, lambda: page.preview.toPlainText().strip())
    facts = next(p for p in window.wizard.pages if p.STEP == "facts").facts
    watch = PaintWatch(page.preview.viewport())
    latencies = []
    typed = ""
    for letter in LETTERS:
        typed += letter
        watch.arm()
        pressed = time.perf_counter()
        key = getattr(Qt.Key, f"Key_{letter.upper()}")
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(facts, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, letter))

        def seen(expected: str = typed) -> bool:
            if expected not in page.preview.toPlainText():
                watch.arm()  # a paint without the letter does not count
                return False
            return watch.painted is not None

        spin(0.4, seen)
        if not seen():
            raise SystemExit(f"the preview never showed {typed!r}")
        assert watch.painted is not None
        latencies.append(watch.painted - pressed)

    from kzcomplaint.core.documents import render

    snapshot = window.draft.snapshot()
    language = page.output_language()
    work = []
    for _ in range(20):
        started = time.perf_counter()
        paragraphs = render.document_paragraphs(snapshot, language, base_dir=case.parent)
        "".join(f"<p>{html.escape(p.text)}</p>" for p in paragraphs)
        work.append(time.perf_counter() - started)

    figures = {
        "settle_freeze": settle_freeze,
        "idle_freeze": idle_freeze,
        "open_freeze": open_freeze,
        "keystroke": statistics.median(latencies),
        "keystroke_worst": max(latencies),
        "preview_work": statistics.median(work),
    }
    print("KZC-BENCH", json.dumps(figures), flush=True)
    window.draft.dirty = False
    beat.timer.stop()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
