"""Helpers of the GUI tests: answering the next modal message box; a window's process killed."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def click_when_shown(text: str) -> None:
    """Click the button whose text contains ``text`` in the next modal message box."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        for button in box.buttons():
            if text in button.text().replace("&", ""):
                button.click()
                return

    QTimer.singleShot(0, click)


def die(window) -> None:
    """What the system does to a window when its process is killed: the slot's lock is let go, nothing else."""
    window.draft.autosave_timer.stop()
    window.draft.slot.lock.release()
    window.draft.slot = None
    window.draft.dirty = False
