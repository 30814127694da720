"""The table of terms falling due on the start page: made when there are terms to show.

Most first windows have none (no recent case, or none due this week), and the
table, its header and its wrapping delegate cost the first paint some 3 ms; the
start page creates it the first time a term is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from kzcomplaint.gui.widgets.delegates import WrappingDelegate

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent, QStandardItemModel
    from PySide6.QtWidgets import QWidget


class TermsView(QTreeView):
    """The terms, one per row, long texts wrapped; says when its width changes (its columns are fitted again)."""

    widthChanged = Signal()

    def __init__(self, model: QStandardItemModel, parent: QWidget | None = None) -> None:
        """A read-only view of ``model`` without the tree's decoration."""
        super().__init__(parent)
        self.setModel(model)
        self.setRootIsDecorated(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setItemDelegate(WrappingDelegate(self))  # which also wraps the view's words

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Announce a new width (a new height changes nothing of the columns)."""
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.widthChanged.emit()
