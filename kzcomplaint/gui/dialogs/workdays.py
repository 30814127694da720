"""The working-day calendar of a year: every day off and weekend day worked, its reason and source, and the user's own.

What the deadline engine counts on, shown so a user can check it against a
new decree — and add a day the package does not know yet to their own
calendar file (or take one of theirs out). The core does the reading and
writing (``core.law.workdays``); terms are recounted with the change.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kzcomplaint.core.law import calendar as workcal
from kzcomplaint.core.law import workdays
from kzcomplaint.core.text import legal_dates
from kzcomplaint.core.text.i18n import N_, Translator
from kzcomplaint.gui.labels import MSG_UNCONFIRMED
from kzcomplaint.gui.widgets.fields import DateField, FeedbackLabel, form_layout

MSG_TITLE = N_("Working-day calendar")
MSG_INTRO = N_(
    "Holidays, days off moved by decree and weekend days worked in {year}, as the app counts terms. "
    "Your own entries come first: add a day a new decree makes off (or working) that is not listed yet."
)
MSG_ADDED = N_("{date} added to your calendar file ({path}); terms are counted with it.")
MSG_REMOVED = N_("{date} taken out of your calendar file.")
MSG_DAY_OFF = N_("day off")
MSG_WORKING = N_("working day")
MSG_WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))


class WorkdaysDialog(QDialog):
    """A year's days off with their sources, and the user's own entries."""

    calendarChanged = Signal()
    """The user's calendar file was changed: terms are to be recounted."""

    def __init__(self, tr: Translator, year: int, parent: QWidget | None = None) -> None:
        """Build the year's table and the form for an entry of the user's own."""
        super().__init__(parent)
        self.translator = tr
        self.days: list[workdays.DayStatus] = []
        self.setWindowTitle(tr.gettext(MSG_TITLE))
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.year.setAccessibleName(tr.gettext(N_("Year")))
        year_label = QLabel(tr.gettext(N_("&Year:")), self)
        year_label.setBuddy(self.year)
        self.weekends = QCheckBox(tr.gettext(N_("Show every &Saturday and Sunday")), self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.model = QStandardItemModel(self)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAccessibleName(tr.gettext(MSG_TITLE))
        self.remove_button = QPushButton(tr.gettext(N_("&Take my entry out")), self)
        self.add_box = QGroupBox(tr.gettext(N_("Add a day of my own")), self)
        form = form_layout()
        self.date = DateField(self.add_box)
        self.date.retranslate(tr)
        self.kind = QComboBox(self.add_box)
        self.kind.addItem(tr.gettext(MSG_DAY_OFF), workcal.DAY_OFF)
        self.kind.addItem(tr.gettext(MSG_WORKING), workcal.WORKING_DAY)
        self.reason = QLineEdit(self.add_box)
        self.source = QLineEdit(self.add_box)
        for msgid, widget in (
            (N_("&Date:"), self.date),
            (N_("&It is a:"), self.kind),
            (N_("&Reason:"), self.reason),
            (N_("&Source (decree, number and date):"), self.source),
        ):
            label = QLabel(tr.gettext(msgid), self.add_box)
            label.setBuddy(getattr(widget, "edit", widget))
            form.addRow(label, widget)
        self.add_button = QPushButton(tr.gettext(N_("&Add to my calendar")), self.add_box)
        box_layout = QVBoxLayout(self.add_box)
        box_layout.addLayout(form)
        box_layout.addWidget(self.add_button)
        self.status = FeedbackLabel(self)
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addWidget(self.weekends)
        top.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.remove_button)
        layout.addWidget(self.add_box)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.year.valueChanged.connect(lambda _value: self.refresh())
        self.weekends.toggled.connect(lambda _checked: self.refresh())
        self.add_button.clicked.connect(lambda: self.add())
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        self.view.selectionModel().currentChanged.connect(lambda *_args: self._selection_changed())
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 120, metrics.lineSpacing() * 40)
        self.refresh()

    def refresh(self) -> None:
        """Show the chosen year's days as the calendar now reads them."""
        tr = self.translator
        year = self.year.value()
        self.intro.setText(tr.format(MSG_INTRO, year=year))
        every = workdays.year_days(year, workcal.default_calendar())
        show_weekends = self.weekends.isChecked()
        self.days = [status for status in every if show_weekends or status.source != workdays.WEEKEND]
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [tr.gettext(N_("Date")), tr.gettext(N_("Day")), tr.gettext(N_("Reason")), tr.gettext(N_("Source"))]
        )
        for status in self.days:
            kind = tr.gettext(MSG_WORKING if status.working else MSG_DAY_OFF)
            reason = status.reason.render(tr)
            if not status.confirmed:
                reason = f"{reason} ({tr.gettext(MSG_UNCONFIRMED)})"
            source = tr.gettext(workdays.SOURCE_NAMES[status.source])
            if status.origin:
                source = f"{source}: {status.origin}"
            weekday = tr.gettext(MSG_WEEKDAYS[status.date.weekday()])
            row = [
                QStandardItem(legal_dates.format_legal_date(status.date, tr.language)),
                QStandardItem(f"{weekday}, {kind}"),
                QStandardItem(reason),
                QStandardItem(source),
            ]
            for item in row:
                item.setEditable(False)
                item.setToolTip(item.text())
            self.model.appendRow(row)
        header = self.view.header()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self._selection_changed()

    def _selected(self) -> workdays.DayStatus | None:
        row = self.view.currentIndex().row()
        return self.days[row] if 0 <= row < len(self.days) else None

    def _selection_changed(self) -> None:
        selected = self._selected()
        self.remove_button.setEnabled(selected is not None and selected.removable)

    def add(self) -> bool:
        """Add the form's day to the user's calendar file; True when added."""
        day = self.date.date()
        if day is None:
            self.status.show_error(self.translator.gettext(N_("Give the date.")))
            return False
        try:
            workdays.add_override(day, str(self.kind.currentData()), self.reason.text(), source=self.source.text())
        except workdays.OverrideError as error:
            self.status.show_error(error.message.render(self.translator))
            return False
        self.status.show_ok(
            self.translator.format(
                MSG_ADDED,
                date=legal_dates.format_legal_date(day, self.translator.language),
                path=str(workcal.user_file()),
            )
        )
        if day.year != self.year.value():
            self.year.setValue(day.year)
        self.refresh()
        self.calendarChanged.emit()
        return True

    def remove_selected(self) -> bool:
        """Take the selected entry of the user's own out of their file; True when taken out."""
        selected = self._selected()
        if selected is None or not selected.removable:
            return False
        try:
            removed = workdays.remove_override(selected.date)
        except workdays.OverrideError as error:
            self.status.show_error(error.message.render(self.translator))
            return False
        if removed:
            day = legal_dates.format_legal_date(selected.date, self.translator.language)
            self.status.show_ok(self.translator.format(MSG_REMOVED, date=day))
            self.refresh()
            self.calendarChanged.emit()
        return removed

    def select_date(self, day: dt.date) -> bool:
        """Select ``day`` in the table when it is listed (tests, and opening on a term's last day)."""
        for row, status in enumerate(self.days):
            if status.date == day:
                self.view.setCurrentIndex(self.model.index(row, 0))
                return True
        return False
