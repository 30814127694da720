"""One application-wide guard on input that would change an answer the user did not mean to give.

* The mouse wheel turns the page, never an answer: a combo box, spin box or
  date input without the keyboard focus lets the wheel pass to the page
  (the scroll area around it) instead of choosing another item. Qt 6 gives
  combo boxes the focus by wheel (``Qt.WheelFocus``); the guard lowers that
  to ``Qt.StrongFocus`` when the widget is first polished, so a wheel over
  an unfocused list never focuses it first and then changes it.
* Enter in a list activates the row and stops there. An item view emits
  ``activated`` and passes the key on to its dialog, which would press the
  default button as well: Enter on a situation went two pages on, skipping
  "Where and when". A calendar's grid, a popup list (a completer's, a
  drop-down's) and Qt's file dialog are left alone: Enter there picks the
  day, takes the item into its field, or opens the folder or file.

It is one event filter on the application (:func:`install`), so every
widget of every window and dialog is covered, including those made later.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QWidget,
)

_WHEEL = QEvent.Type.Wheel
_KEY_PRESS = QEvent.Type.KeyPress
_POLISH = QEvent.Type.Polish
_WATCHED = (_WHEEL, _KEY_PRESS, _POLISH)
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_ANSWER_WIDGETS = (QComboBox, QAbstractSpinBox)


def _answer_widget(widget: QObject) -> QWidget | None:
    """The combo box or spin box that ``widget`` is (or is the line edit of), else None."""
    if isinstance(widget, _ANSWER_WIDGETS):
        return widget
    parent = widget.parent() if isinstance(widget, QWidget) else None
    if isinstance(parent, _ANSWER_WIDGETS):  # the editable line of a combo or spin box
        return parent
    return None


def _handles_enter_itself(view: QAbstractItemView) -> bool:
    """Whether Enter belongs to ``view`` (or to what it is part of), not to the page around it.

    An edited cell; a calendar's day (Enter picks it); a popup list — a completer's or a
    drop-down's — where Enter takes the item into the field; and Qt's file dialog, whose
    lists and completer open a folder or the file on Enter. Swallowing Enter there left a
    typed path in the file dialog's name field with Enter doing nothing.
    """
    from PySide6.QtWidgets import QFileDialog

    if view.state() == QAbstractItemView.State.EditingState or isinstance(view.parent(), QCalendarWidget):
        return True
    window = view.window()
    return window.windowType() == Qt.WindowType.Popup or isinstance(window, QFileDialog)


class InputGuard(QObject):
    """The application's event filter; see the module's docstring."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Stop a wheel over an unfocused answer and Enter leaving a list; pass everything else."""
        kind = event.type()
        if kind not in _WATCHED:
            return False
        if kind == _POLISH:
            if isinstance(watched, _ANSWER_WIDGETS) and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if kind == _WHEEL:
            widget = _answer_widget(watched)
            if widget is not None and not widget.hasFocus():
                # Ignored and filtered: Qt offers the wheel to the parents (the page scrolls).
                event.ignore()
                return True
            return False
        if isinstance(watched, QAbstractItemView) and event.key() in _ENTER_KEYS:  # type: ignore[attr-defined]  # a KeyPress is a QKeyEvent
            if _handles_enter_itself(watched):
                return False
            index = watched.currentIndex()
            if index.isValid():
                watched.activated.emit(index)
            event.accept()
            return True
        return False


_guard: list[InputGuard] = []


def install(app: QApplication | None = None) -> InputGuard | None:
    """Install the guard on ``app`` (the running application by default), once."""
    application = app or QApplication.instance()
    if application is None:
        return None
    if not _guard:
        _guard.append(InputGuard(application))
        application.installEventFilter(_guard[0])
    return _guard[0]
