"""Input widgets that show, as the user types, what the core makes of the input.

A :class:`DateField` takes a date typed as people type it in any of the
three languages (or picked on a calendar) and shows under it the date in the
legal form, or why it cannot be read. :class:`CheckedLineEdit` runs a core
check (IIN, phone, e-mail) on every keystroke and shows the verdict inline.
None of them ever blocks navigation.

:func:`guard_input` gives every input the limits the core declares for its
field (:mod:`kzcomplaint.core.case.limits`): a maximum length, and control
characters removed from what is typed or pasted, with a visible note — so
whatever an input holds, its case file accepts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from PySide6.QtCore import QDate, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor, QValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from kzcomplaint.core.case import limits
from kzcomplaint.core.text import legal_dates
from kzcomplaint.core.text.i18n import N_, Translator

PARSE_DELAY_MS = 300

ERROR_STYLE = "color: #b3261e;"
OK_STYLE = "color: palette(placeholder-text);"

# Inline verdicts on identifiers; the core says which rule failed, the GUI words it.
IIN_ERRORS = {
    "length": N_("An IIN has 12 digits."),
    "digits": N_("An IIN has digits only."),
    "century": N_("The 7th digit of an IIN is 1–6 (century and sex); check it."),
    "birth_date": N_("The first six digits of an IIN are the birth date (YYMMDD); this is not a real date."),
    "check_digit": N_("The last digit does not match: one of the digits is mistyped."),
    "never_issued": N_("No IIN is ever issued with these digits; check the number on the ID card."),
}
PHONE_ERRORS = {
    "empty": N_("Enter a phone number: courts return complaints without one."),
    "not_a_number": N_("A phone number has digits only (and +, spaces, brackets, hyphens)."),
    "invalid": N_("This is not a valid Kazakhstan number. Write +7 and 10 digits, e.g. +7 701 234 56 78."),
    "foreign": N_("This is not a Kazakhstan number. Write +7 and 10 digits, e.g. +7 701 234 56 78."),
}
MSG_EMAIL_INVALID = N_("This is not an e-mail address; write it as name@example.kz.")
MSG_IIN_OK = N_("Valid IIN · born {date}")
MSG_PHONE_OK = N_("Valid number: {phone}")
MSG_DATE_HINT = N_("Type a date (10.01.2021, 10 января 2021, 2021 жылғы 10 қаңтар) or pick it")
MSG_TIME_HINT = N_("Type a time as HH:MM, e.g. 14:30")
MSG_PICK_DATE = N_("Pick a date on the calendar")
MSG_READ_AS = N_("“{text}” read as {date}")
MSG_CONTROL_REMOVED = N_(
    "Invisible control characters were removed from what you typed or pasted "
    "(they come from copying text out of other programs)."
)
MSG_CUT_TO_LIMIT = N_("This field holds at most {limit} characters; the rest of what you pasted was left out.")
MSG_LINE_CUT = N_("Each line here holds at most {limit} characters; the rest of the line was left out.")

UNREAD_STYLE = "QLineEdit { border: 2px solid #b3261e; border-radius: 3px; padding: 1px; }"


def mark_unread(edit: QLineEdit, unread: bool) -> None:
    """Frame ``edit`` in red while its text cannot be used (the reason is said under it)."""
    if bool(edit.property("unread")) != unread:
        edit.setStyleSheet(UNREAD_STYLE if unread else "")
        edit.setProperty("unread", unread)


class FeedbackLabel(QLabel):
    """A small line under a field: a confirmation, a hint, or an error."""

    def __init__(self, parent: QWidget | None = None, *, reserve_lines: int = 0) -> None:
        """An empty, word-wrapping label.

        With ``reserve_lines`` it keeps room for that many lines even while it is
        empty or hidden: a verdict appearing as the user types must not push the
        fields below it down, where the next click would land on another field.
        """
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        if reserve_lines:
            policy.setRetainSizeWhenHidden(True)
            self.setMinimumHeight(self.fontMetrics().lineSpacing() * reserve_lines)
        self.setSizePolicy(policy)
        self.is_error = False

    def show_ok(self, text: str) -> None:
        """Show a confirmation or a hint."""
        self.is_error = False
        self.setStyleSheet(OK_STYLE)
        self.setText(text)

    def show_error(self, text: str) -> None:
        """Show what is wrong and how to fix it."""
        self.is_error = True
        self.setStyleSheet(ERROR_STYLE)
        self.setText(text)


class DateField(QWidget):
    """A date typed in any of the three languages (or «вчера», "today"), or picked on a calendar.

    Text that cannot be read as a date stays in the field, marked, with the
    reason under it: it is never dropped. A word like «вчера» or «кеше» is read
    relative to the app's today (:meth:`set_today_source`; a trainer's date
    included), the date it was read as is said under the field, and once the
    user leaves the field the word is replaced by that date (tomorrow it would
    mean another day).
    """

    dateChanged = Signal(object)
    """The parsed date (``datetime.date``) or None, after each change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        """Build the line edit, the calendar button and the feedback line."""
        super().__init__(parent)
        self._tr: Translator | None = None
        self._date: dt.date | None = None
        self._error_text = ""
        self._relative_word = ""
        self._today: Callable[[], dt.date] = dt.date.today
        self.edit = QLineEdit(self)
        self.edit.setClearButtonEnabled(True)
        self.edit.setMaxLength(limits.MAX_DATE_CHARS)
        self.button = QToolButton(self)
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.button.setMenu(menu)
        self._menu = menu
        self.feedback = FeedbackLabel(self, reserve_lines=2)  # a date it cannot read is explained in two lines
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.feedback)
        self.setFocusProxy(self.edit)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PARSE_DELAY_MS)
        self._timer.timeout.connect(self._parse)
        self.edit.textEdited.connect(lambda _text: self._timer.start())
        self.edit.editingFinished.connect(self._parse_now)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        menu.aboutToShow.connect(self._prepare_calendar)

    def date(self) -> dt.date | None:
        """The date, or None when empty or unreadable."""
        return self._date

    def has_error(self) -> bool:
        """Whether the text cannot be read as a date."""
        return bool(self._error_text)

    def unread_text(self) -> str:
        """The text typed that could not be read as a date ("" when there is none)."""
        return self.edit.text().strip() if self._error_text else ""

    def set_today_source(self, today: Callable[[], dt.date]) -> None:
        """Where «сегодня», «вчера», "today"… are counted from (the app's today, a trainer's date included)."""
        self._today = today

    def set_date(self, value: dt.date | None) -> None:
        """Show ``value`` (from the case) without emitting :attr:`dateChanged`.

        Text the user typed that is not a date is kept (and stays marked) when
        the case holds no date: going to another page and back never drops it.
        :meth:`reset_input` clears it for another case.
        """
        if value is None and self._date is None and self.edit.text().strip():
            if self._timer.isActive():
                self._parse()
            return
        if value == self._date and value is not None:
            return
        self._timer.stop()
        self._date = value
        self._error_text = ""
        self._relative_word = ""
        self.edit.setText(legal_dates.format_numeric(value) if value else "")
        self._show()

    def reset_input(self) -> None:
        """Empty the field, typed text included (another case is shown)."""
        self._timer.stop()
        self._date, self._error_text, self._relative_word = None, "", ""
        self.edit.clear()
        self._show()

    def set_accessible_name(self, name: str) -> None:
        """Name the field for screen readers (and its calendar button)."""
        self.edit.setAccessibleName(name)
        self.setAccessibleName(name)

    def retranslate(self, tr: Translator) -> None:
        """Re-word the feedback and tooltips in ``tr``'s language."""
        self._tr = tr
        self.button.setToolTip(tr.gettext(MSG_PICK_DATE))
        self.button.setAccessibleName(tr.gettext(MSG_PICK_DATE))
        self.edit.setPlaceholderText("10.01.2021")
        self.edit.setToolTip(tr.gettext(MSG_DATE_HINT))
        if self._error_text:
            self._parse()
        else:
            self._show()

    def _prepare_calendar(self) -> None:
        if self._date is not None:
            self.calendar.setSelectedDate(QDate(self._date.year, self._date.month, self._date.day))
        self.calendar.setFocus()

    def _picked(self, value: QDate) -> None:
        self._menu.close()
        picked = dt.date(value.year(), value.month(), value.day())
        self.edit.setText(legal_dates.format_numeric(picked))
        self._parse_now()
        self.edit.setFocus()

    def _parse_now(self) -> None:
        if self._timer.isActive() or self._error_text or self._text_differs():
            self._parse()
        if self._relative_word and self._date is not None:
            # The user left the field: the word becomes the date it was read as.
            self.edit.setText(legal_dates.format_numeric(self._date))

    def _text_differs(self) -> bool:
        shown = legal_dates.format_numeric(self._date) if self._date else ""
        return self.edit.text().strip() != shown

    def _parse(self) -> None:
        from kzcomplaint.core.text import dates

        self._timer.stop()
        text = self.edit.text().strip()
        previous = self._date
        self._relative_word = ""
        if not text:
            self._date, self._error_text = None, ""
        else:
            try:
                self._date, self._error_text = dates.parse_date(text, today=self._today()), ""
                if dates.relative_days(text) is not None:
                    self._relative_word = text
            except dates.DateError as error:
                self._date = None
                self._error_text = error.message.render(self._tr) if self._tr else str(error)
        self._show()
        if self._date != previous or self._error_text:
            self.dateChanged.emit(self._date)

    def _show(self) -> None:
        mark_unread(self.edit, bool(self._error_text))
        if self._error_text:
            self.feedback.show_error(self._error_text)
        elif self._date is not None and self._tr is not None:
            legal = legal_dates.format_legal_date(self._date, self._tr.language)
            if self._relative_word:
                self.feedback.show_ok(self._tr.format(MSG_READ_AS, text=self._relative_word, date=legal))
            else:
                self.feedback.show_ok(legal)
        else:
            self.feedback.show_ok("")
        self.feedback.setVisible(bool(self.feedback.text()))


class TimeField(QWidget):
    """A time of day typed as HH:MM (14:30, 14.30, 1430)."""

    timeChanged = Signal(str)
    """The normalised ``HH:MM``, or the raw text while it cannot be read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        """Build the line edit and the feedback line."""
        super().__init__(parent)
        self._tr: Translator | None = None
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("14:30")
        self.edit.setMaxLength(limits.MAX_TIME_CHARS)
        # A time that cannot exist (25:99) is refused as it is typed: the case file would refuse it.
        self.edit.setValidator(TimeValidator(self.edit))
        self.feedback = FeedbackLabel(self, reserve_lines=1)
        self.feedback.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.edit)
        column.addWidget(self.feedback)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(lambda _text: self._check(emit=True))
        self.edit.editingFinished.connect(self._normalise)

    def value(self) -> str:
        """The time as ``HH:MM`` when readable, else the text as typed."""
        from kzcomplaint.core.text import dates

        text = self.edit.text().strip()
        if not text:
            return ""
        try:
            return dates.parse_time(text)
        except dates.DateError:
            return text

    def set_value(self, value: str) -> None:
        """Show a stored time."""
        if value != self.value():
            self.edit.setText(value)
            self._check(emit=False)

    def unread_text(self) -> str:
        """The text typed that is not a time ("" when there is none)."""
        return self.edit.text().strip() if self.feedback.is_error and not self.feedback.isHidden() else ""

    def reset_input(self) -> None:
        """Empty the field (another case is shown)."""
        self.edit.clear()
        self._check(emit=False)

    def set_accessible_name(self, name: str) -> None:
        """Name the field for screen readers."""
        self.edit.setAccessibleName(name)
        self.setAccessibleName(name)

    def retranslate(self, tr: Translator) -> None:
        """Re-word the tooltip and feedback."""
        self._tr = tr
        self.edit.setToolTip(tr.gettext(MSG_TIME_HINT))
        self._check(emit=False)

    def _check(self, *, emit: bool) -> None:
        from kzcomplaint.core.text import dates

        text = self.edit.text().strip()
        unread = False
        if not text:
            self.feedback.hide()
        else:
            try:
                dates.parse_time(text)
                self.feedback.hide()
            except dates.DateError as error:
                unread = True
                self.feedback.show_error(error.message.render(self._tr) if self._tr else str(error))
                self.feedback.show()
        if not unread:
            self.feedback.is_error = False
        mark_unread(self.edit, unread)
        if emit:
            self.timeChanged.emit(self.value())

    def _normalise(self) -> None:
        value = self.value()
        if value != self.edit.text():
            self.edit.setText(value)
            self._check(emit=True)


class TimeValidator(QValidator):
    """Accepts what can still become a time of day, or words; refuses 25, 14:6, 1⁴ (the core decides)."""

    _STATES = {
        "acceptable": QValidator.State.Acceptable,
        "intermediate": QValidator.State.Intermediate,
        "invalid": QValidator.State.Invalid,
    }

    def validate(self, text: str, position: int) -> object:
        """The core's verdict on ``text`` as typed so far."""
        from kzcomplaint.core.text import dates

        return (self._STATES[dates.time_entry_state(text)], text, position)


class InputGuard(QObject):
    """Keeps a line edit or a text box within its field's limit, without control characters.

    What is cut or removed is said next to the input (a tooltip) and in the
    window's status bar; :attr:`last_note` keeps it for tests and screen readers.
    """

    def __init__(self, edit: QLineEdit | QPlainTextEdit, limit: int, line_limit: int | None = None) -> None:
        """Watch ``edit``; ``limit`` is the most characters it may hold, ``line_limit`` the most per line."""
        super().__init__(edit)
        self.edit = edit
        self.limit = limit
        self.line_limit = line_limit
        self.last_note = ""
        self._tr: Translator | None = None
        if isinstance(edit, QLineEdit):
            edit.setMaxLength(min(edit.maxLength(), limit))
            edit.textEdited.connect(self._line_edited)
        else:
            edit.document().contentsChange.connect(self._box_changed)
            self._fixing = False

    def retranslate(self, tr: Translator) -> None:
        """Word the notes in ``tr``'s language."""
        self._tr = tr

    def _note(self, msgid: str, **params: object) -> None:
        from kzcomplaint.core.text.i18n import translator

        tr = self._tr or translator("en")
        self.last_note = tr.format(msgid, **params) if params else tr.gettext(msgid)
        edit = self.edit
        show = getattr(edit.window(), "show_status", None)
        if callable(show):
            show(self.last_note)
        else:  # a dialog has no status bar: the note shows at the input
            QToolTip.showText(edit.mapToGlobal(QPoint(0, edit.height())), self.last_note, edit)

    def _line_edited(self, text: str) -> None:
        assert isinstance(self.edit, QLineEdit)
        cleaned, removed = limits.clean_text(text)
        if removed:
            position = self.edit.cursorPosition()
            self.edit.setText(cleaned)
            self.edit.setCursorPosition(max(0, position - removed))
            self.edit.textEdited.emit(cleaned)  # the page stores the cleaned text
            self._note(MSG_CONTROL_REMOVED)

    def _box_changed(self, position: int, _removed: int, added: int) -> None:
        """Clean and cut only what was just inserted, keeping the rest (and the undo history) as it is."""
        assert isinstance(self.edit, QPlainTextEdit)
        if self._fixing or not added:
            return
        text = self.edit.toPlainText()
        inserted = text[position : position + added]
        cleaned, removed = limits.clean_text(inserted)
        room = self.limit - (len(text) - len(inserted))
        cut = len(cleaned) > room
        long_line = self.line_limit is not None and any(
            len(line) > self.line_limit for line in (text[:position] + cleaned + text[position + added :]).split("\n")
        )
        if not removed and not cut and not long_line:
            return
        if cut:
            cleaned = cleaned[: max(room, 0)]
        self._fixing = True
        try:
            cursor = QTextCursor(self.edit.document())
            cursor.setPosition(position)
            cursor.setPosition(min(position + added, len(text)), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(cleaned)
            if long_line and self.line_limit is not None:
                lines = self.edit.toPlainText().split("\n")
                cursor.select(QTextCursor.SelectionType.Document)
                cursor.insertText("\n".join(line[: self.line_limit] for line in lines))
            self.edit.setTextCursor(cursor)
        finally:
            self._fixing = False
        if cut:
            self._note(MSG_CUT_TO_LIMIT, limit=self.limit)
        elif long_line:
            self._note(MSG_LINE_CUT, limit=self.line_limit)
        else:
            self._note(MSG_CONTROL_REMOVED)


def text_input_of(widget: QWidget) -> QLineEdit | QPlainTextEdit | None:
    """The line edit or text box a field's widget types into (None for a choice)."""
    inner = getattr(widget, "input", None) or getattr(widget, "edit", None) or widget
    inner = getattr(inner, "edit", inner)
    return inner if isinstance(inner, QLineEdit | QPlainTextEdit) else None


def guard_input(widget: QWidget, path: str) -> InputGuard | None:
    """Give the input of the case field ``path`` its limit and clean what is typed into it.

    A text box for a list (requests, attachments: one item per line) holds the
    list's whole limit; a date or a time holds what a date or a time can be.
    """
    edit = text_input_of(widget)
    if edit is None:
        return None
    line_limit = None
    if isinstance(edit, QPlainTextEdit):
        limit = limits.box_limit(path)
        if limits.list_total_limit(path) is not None:  # one item per line
            line_limit = limits.text_limit(f"{path}.0")
    elif isinstance(edit.parentWidget(), DateField):
        limit = limits.MAX_DATE_CHARS
    elif isinstance(edit.parentWidget(), TimeField):
        limit = limits.MAX_TIME_CHARS
    else:
        limit = limits.text_limit(path)
    guard = edit.findChild(InputGuard)
    if guard is None:
        guard = InputGuard(edit, limit, line_limit)
    return guard


Verdict = Callable[[str, Translator], tuple[bool, str]]
"""Checks a text: (valid, what to show). Empty text is never checked."""


class CheckedLineEdit(QWidget):
    """A line edit with a core check run as the user types, the verdict shown under it."""

    textChanged = Signal(str)

    def __init__(self, verdict: Verdict, parent: QWidget | None = None) -> None:
        """Build the edit and its feedback line; ``verdict`` is called on each change."""
        super().__init__(parent)
        self._verdict = verdict
        self._tr: Translator | None = None
        self.edit = QLineEdit(self)
        self.feedback = FeedbackLabel(self, reserve_lines=1)
        self.feedback.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.edit)
        column.addWidget(self.feedback)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._changed)

    def text(self) -> str:
        """The text as typed (trimmed)."""
        return self.edit.text().strip()

    def set_text(self, value: str) -> None:
        """Show a stored value."""
        if value != self.text():
            self.edit.setText(value)

    def has_error(self) -> bool:
        """Whether the verdict on the current text is negative."""
        return self.feedback.is_error and self.feedback.isVisible()

    def set_accessible_name(self, name: str) -> None:
        """Name the field for screen readers."""
        self.edit.setAccessibleName(name)
        self.setAccessibleName(name)

    def retranslate(self, tr: Translator) -> None:
        """Re-word the verdict."""
        self._tr = tr
        self._show()

    def _changed(self, text: str) -> None:
        self._show()
        self.textChanged.emit(text.strip())

    def _show(self) -> None:
        text = self.text()
        if not text or self._tr is None:
            self.feedback.hide()
            return
        valid, message = self._verdict(text, self._tr)
        if valid:
            self.feedback.show_ok(message)
        else:
            self.feedback.show_error(message)
        self.feedback.setVisible(bool(message))


def iin_verdict(text: str, tr: Translator) -> tuple[bool, str]:
    """The core's IIN check, worded for the field."""
    from kzcomplaint.core.case import ids

    result = ids.check_iin(text)
    if result.valid:
        born = legal_dates.format_legal_date(result.birth_date, tr.language) if result.birth_date else ""
        return True, tr.format(MSG_IIN_OK, date=born)
    return False, tr.gettext(IIN_ERRORS.get(result.error or "", IIN_ERRORS["check_digit"]))


def phone_verdict(text: str, tr: Translator) -> tuple[bool, str]:
    """The core's phone check, worded for the field."""
    from kzcomplaint.core.case import ids

    result = ids.check_phone(text)
    if result.valid and result.e164:
        return True, tr.format(MSG_PHONE_OK, phone=ids.format_phone(result.e164))
    return False, tr.gettext(PHONE_ERRORS.get(result.error or "", PHONE_ERRORS["invalid"]))


def email_verdict(text: str, tr: Translator) -> tuple[bool, str]:
    """The core's e-mail check, worded for the field."""
    from kzcomplaint.core.case import ids

    if ids.check_email(text):
        return True, ""
    return False, tr.gettext(MSG_EMAIL_INVALID)


def _tabs_and_stacks(widget: QWidget) -> Iterator[tuple[QWidget, QStackedWidget, QTabWidget | None]]:
    """From ``widget`` outwards: each stacked widget holding it (through ``child``), and its tab widget if any."""
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget):
            tabs = parent.parentWidget()
            yield child, parent, tabs if isinstance(tabs, QTabWidget) else None
        child = parent
        parent = parent.parentWidget()


def tab_of(widget: QWidget) -> str:
    """The text of the tab ``widget`` is on (the innermost one), or "" when it is on no tab."""
    for child, _stack, tabs in _tabs_and_stacks(widget):
        if tabs is not None and tabs.indexOf(child) >= 0:
            return tabs.tabText(tabs.indexOf(child))
    return ""


def reveal(widget: QWidget) -> None:
    """Make ``widget`` visible in its tabs and scroll areas, then give it the focus."""
    for child, stack, tabs in list(_tabs_and_stacks(widget)):
        if tabs is not None:
            tabs.setCurrentWidget(child)
        stack.setCurrentWidget(child)
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)


def form_layout(parent: QWidget | None = None) -> QFormLayout:
    """A form whose fields move under their labels when the window is too narrow for both."""
    form = QFormLayout(parent) if parent is not None else QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form
