"""A row of buttons that wraps onto a second line when the window is too narrow for it.

A Kazakh or Russian label is often half as long again as the English one: in a
plain row the last button would be squeezed and its text cut off. Here each
button keeps the width its text needs, and what does not fit goes on the next line.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget

# Nothing here touches Qt's namespace (``Qt.…``) or QStyle (whose twenty enumerations
# cost about 5 ms to load): the start page uses this layout before its first paint.


class FlowLayout(QLayout):
    """Items left to right at their preferred width, wrapping onto further lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        """An empty layout (with no margins of its own when nested in another)."""
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        if parent is None:
            self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        """Qt's way of adding a widget (``addWidget`` ends here)."""
        self._items.append(item)

    def count(self) -> int:
        """How many items."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        """The item at ``index``, or None."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        """Remove and return the item at ``index``."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def hasHeightForWidth(self) -> bool:
        """Its height depends on its width (how many lines it takes)."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height the items need at ``width``."""
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        """Place the items within ``rect``."""
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """All items on one line."""
        items = self._visible()
        width = sum(item.sizeHint().width() for item in items) + self._gap() * max(len(items) - 1, 0)
        height = max((item.sizeHint().height() for item in items), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        """As narrow as the widest item, whose text is never cut."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.sizeHint())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _gap(self) -> int:
        # Unset, QLayout::spacing() is already the parent layout's spacing or the parent
        # widget's style's layout spacing; a style that gives none (-1) gets Qt's usual 6 px.
        spacing = self.spacing()
        return spacing if spacing >= 0 else 6

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        gap = self._gap()
        x, y, line = area.x(), area.y(), 0
        for item in self._visible():
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()

