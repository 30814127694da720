"""A failure said as a dialog: the reason and what to do, never a traceback."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QMessageBox,
    QWidget,
)

from kzcomplaint.core.text.i18n import N_, Message, Translator

MSG_CANNOT_WRITE = N_("{file} cannot be written: {reason}")


def cannot_write(path: Path | str, error: OSError) -> Message:
    """Which file could not be written, in the interface language, with the system's reason (disk full, …)."""
    return Message(MSG_CANNOT_WRITE, file=str(path), reason=error.strerror or str(error))


def show_error(parent: QWidget | None, tr: Translator, reason: str, what_to_do: str) -> None:
    """An error as a dialog: the reason and what to do, never a traceback."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(tr.gettext(N_("kzcomplaint")))
    box.setText(reason)
    box.setInformativeText(what_to_do)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
