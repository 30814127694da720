"""Fixtures of the GUI tests: a main window in a private home (synthetic cases are in ``gui_cases``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication


def _forget_unsaved(window) -> None:
    window.draft.dirty = False


@pytest.fixture
def make_window(qtbot, kz_home: Path) -> Iterator:
    """Build main windows in ``kz_home`` (observer role, language chosen); closed and reset after the test."""
    from kzcomplaint.app import build_main_window
    from kzcomplaint.gui.settings import UiSettings
    from kzcomplaint.gui.workers import threads

    built = []

    def make(language: str = "en", role: str = "observer"):
        settings = UiSettings()
        settings.language = language
        settings.role = role
        window = build_main_window(language, settings=settings)
        # Closing asks about unsaved answers (a modal question); a test that wants
        # that answers it itself, and at the end of a test nothing is kept.
        qtbot.addWidget(window, before_close_func=_forget_unsaved)
        # Painted: what the window finishes after its first paint (the other pages, the input guard) is done.
        with qtbot.waitSignal(window.firstPainted, timeout=10_000), qtbot.waitExposed(window):
            window.show()
        with qtbot.waitActive(window):
            window.activateWindow()
        built.append(window)
        return window

    yield make
    threads.wait_for_all()
    for window in built:
        window.draft.autosave_timer.stop()
        window.draft.dirty = False
        window.draft.close_slot()
        window.ui.set_language("en")
        window.deleteLater()
    QApplication.processEvents()
    # Deleted now, not at some later test's event loop: a window left alive would
    # start its own idle work (reading the core's data) in the middle of that test.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    threads.wait_for_all()
    QApplication.processEvents()
