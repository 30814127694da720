"""Every text a user can read on a screen: labels, buttons, titles, tabs, lists, tables, menus, tooltips.

Used by the tests that no English and no case-file field name is left on a Kazakh or Russian screen.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
    QWizardPage,
)

LATIN_WORD = re.compile(r"(?<![\w@./\\-])[A-Za-z][a-z]{2,}(?![\w@.\\-])")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")

# Latin words that are right in a Kazakh or Russian interface: the app's and other
# programs' names, file formats, the name of the English language, units of a format hint.
ALLOWED = frozenset(
    {"kzcomplaint", "English", "Word", "LibreOffice", "PDF", "JSON", "CSV", "TOML", "docx", "json", "csv", "toml"}
)


def _columns(model, parent: QModelIndex) -> int:
    """How many columns (a list widget's model keeps its count private: it has one)."""
    try:
        return model.columnCount(parent)
    except TypeError:
        return 1


def _model_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    texts = []
    for column in range(_columns(model, QModelIndex())):
        header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if header and not (hasattr(view, "isHeaderHidden") and view.isHeaderHidden()):
            texts.append(str(header))

    def walk(parent: QModelIndex, depth: int) -> None:
        if depth > 4:
            return
        for row in range(min(model.rowCount(parent), 200)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = index.data(role)
                    if isinstance(value, str) and value:
                        texts.append(value)
            walk(model.index(row, 0, parent), depth + 1)

    walk(view.rootIndex() if view.rootIndex().isValid() else QModelIndex(), 0)
    return texts


def widget_texts(root: QWidget, *, visible_only: bool = True) -> list[tuple[str, str]]:
    """(where, text) of every text under ``root`` a user can read (the user's own answers excluded)."""
    found: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if visible_only and not widget.isVisibleTo(root) and widget is not root:
            continue
        name = type(widget).__name__
        if isinstance(widget, QLabel):
            found.append((name, widget.text()))
        if isinstance(widget, QAbstractButton):
            found.append((name, widget.text()))
        if isinstance(widget, QGroupBox):
            found.append((name, widget.title()))
        if isinstance(widget, QTabWidget):
            found += [(name, widget.tabText(index)) for index in range(widget.count())]
        if isinstance(widget, QComboBox):
            found += [(name, widget.itemText(index)) for index in range(widget.count())]
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            found.append((name + ".placeholder", widget.placeholderText()))
        if (
            isinstance(widget, QAbstractItemView)
            and not isinstance(widget, QHeaderView)  # its view gives the headers
            and not isinstance(widget.parentWidget(), QComboBox)
        ):
            found += [(name, text) for text in _model_texts(widget)]
        if isinstance(widget, QWizardPage):
            found += [(name, widget.title()), (name, widget.subTitle())]
        if isinstance(widget, QMainWindow):
            for menu in widget.menuBar().findChildren(QMenu):
                found.append(("QMenu", menu.title()))
                found += [("QAction", action.text()) for action in menu.actions()]
        found.append((name + ".toolTip", widget.toolTip()))
        found.append((name + ".accessibleName", widget.accessibleName()))
    return [(where, text) for where, text in found if text and text.strip()]


def english_words(text: str) -> list[str]:
    """Latin-letter words of ``text`` that are English left in a Kazakh or Russian interface."""
    plain = re.sub(r"<[^>]+>", " ", text)  # rich text: tags are not words
    plain = re.sub(r"\S+@\S+|\b\w+\.(?:kz|gov|com|org)\b\S*|https?://\S+", " ", plain)  # addresses
    return [word for word in LATIN_WORD.findall(plain) if word not in ALLOWED]


def cut_off(root: QWidget) -> list[tuple[str, str, int, int]]:
    """Visible labels, buttons and tabs under ``root`` too small for their text: (kind, text, has, needs)."""
    from PySide6.QtWidgets import QCheckBox, QPushButton, QRadioButton, QTabBar, QToolButton

    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + 1:
                    found.append(("QLabel", widget.text()[:60], widget.height(), needed))
            elif widget.sizeHint().width() > widget.width() + 1:
                found.append(("QLabel", widget.text()[:60], widget.width(), widget.sizeHint().width()))
        elif isinstance(widget, (QPushButton, QCheckBox, QRadioButton, QToolButton)) and widget.text():
            if widget.sizeHint().width() > widget.width() + 1:
                found.append((type(widget).__name__, widget.text()[:60], widget.width(), widget.sizeHint().width()))
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.tabRect(index).width() < widget.fontMetrics().horizontalAdvance(widget.tabText(index)):
                    found.append(("QTabBar", widget.tabText(index), widget.tabRect(index).width(), 0))
    return found
