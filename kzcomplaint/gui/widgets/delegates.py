"""Item delegates: one that wraps long texts, one that keeps an edited cell within its field's limit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QStyledItemDelegate, QTreeView, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex
    from PySide6.QtWidgets import QStyleOptionViewItem, QTableView


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the column's width, so nothing is cut off.

    Long Kazakh and Russian texts do not fit one line; a view with this
    delegate re-measures its rows when its columns are resized.
    """

    def __init__(self, view: QTreeView | QTableView) -> None:
        """Measure for ``view`` (a tree or a table) and re-layout it when its columns change width."""
        super().__init__(view)
        self._view = view
        view.setWordWrap(True)
        header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
        header.sectionResized.connect(lambda *_args: view.doItemsLayout())

    def _width(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> int:
        view = self._view
        width = view.viewport().width()
        if isinstance(view, QTreeView):
            depth = 0
            parent = index.parent()
            while parent.isValid():
                depth += 1
                parent = parent.parent()
            spanned = view.isFirstColumnSpanned(index.row(), index.parent())
            if not spanned:
                width = view.columnWidth(index.column())
            if index.column() == 0:
                width -= view.indentation() * (depth + (1 if view.rootIsDecorated() else 0))
        else:
            width = view.columnWidth(index.column())
        if not option.icon.isNull():
            width -= option.decorationSize.width() + 6
        return max(width - 12, 40)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        """The height of the text wrapped at the column's width."""
        base = super().sizeHint(option, index)
        self.initStyleOption(option, index)
        text = option.text
        if not text:
            return base
        width = self._width(option, index)
        # Qt's namespace and QStyle load hundreds of enumerations: imported when the
        # first row is measured, not when the start page (which has a view like this) is built.
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QFontMetrics
        from PySide6.QtWidgets import QStyle

        metrics = QFontMetrics(option.font)
        rect = metrics.boundingRect(QRect(0, 0, width, 1_000_000), int(Qt.TextFlag.TextWordWrap), text)
        margin = self._view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameVMargin) * 2 + 4
        return QSize(base.width(), max(base.height(), rect.height() + margin))


class LimitedTextDelegate(QStyledItemDelegate):
    """Edits a cell in a line edit holding at most ``limit`` characters, control characters removed."""

    def __init__(self, limit: int, parent: QWidget | None = None) -> None:
        """Edit with at most ``limit`` characters."""
        super().__init__(parent)
        self.limit = limit

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        """The default editor, guarded like every input of the case."""
        from PySide6.QtWidgets import QLineEdit

        from kzcomplaint.gui.widgets.fields import InputGuard

        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            InputGuard(editor, self.limit)
        return editor
