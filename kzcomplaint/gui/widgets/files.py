"""Choosing files and folders with Qt's own file dialog, in the interface language (for pages and dialogs alike).

A native dialog (GTK, Windows) speaks the system's language, not the one
chosen in kzcomplaint; Qt's dialog is worded by Qt's catalogue and the app's
supplement to it (:data:`kzcomplaint.gui.i18n.QT_SUPPLEMENT`). Its file sizes
are written in the interface language too: Qt's model writes them in the
system's ("40 bytes" in a Kazakh window).

Each function returns what was chosen, or "" / [] when the user cancelled.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QIdentityProxyModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QFileSystemModel, QWidget

_SIZE_COLUMN = 1


class _LocalSizes(QIdentityProxyModel):
    """The dialog's files with their sizes in the interface language (``QLocale()``), not the system's."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A file's size as the interface language writes it; everything else as Qt's model gives it."""
        source = self.sourceModel()
        size_shown = role == Qt.ItemDataRole.DisplayRole and index.column() == _SIZE_COLUMN
        if size_shown and isinstance(source, QFileSystemModel):
            source_index = self.mapToSource(index)
            if not source.isDir(source_index):
                return QLocale().formattedDataSize(source.size(source_index))
        return super().data(index, role)


def _dialog(parent: QWidget | None, title: str, start: str, filters: str) -> QFileDialog:
    dialog = QFileDialog(parent, title, start, filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setProxyModel(_LocalSizes(dialog))
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    try:
        return dialog.selectedFiles() if dialog.exec() == QDialog.DialogCode.Accepted else []
    finally:
        dialog.deleteLater()


def open_file(parent: QWidget | None, title: str, start: str, filters: str = "") -> str:
    """An existing file to open ("" when cancelled)."""
    dialog = _dialog(parent, title, start, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""


def open_files(parent: QWidget | None, title: str, start: str = "", filters: str = "") -> list[str]:
    """Existing files to open ([] when cancelled)."""
    dialog = _dialog(parent, title, start, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)


def save_file(parent: QWidget | None, title: str, suggested: str, filters: str = "") -> str:
    """Where to save, starting from the suggested path ("" when cancelled); asks before replacing a file."""
    dialog = _dialog(parent, title, suggested, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""


def choose_folder(parent: QWidget | None, title: str, start: str = "") -> str:
    """An existing folder ("" when cancelled)."""
    dialog = _dialog(parent, title, start, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""
