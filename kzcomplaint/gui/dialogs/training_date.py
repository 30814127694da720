"""A trainer's date the app takes as today, for exercises."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kzcomplaint.core.text.i18n import N_, Translator
from kzcomplaint.gui.widgets.fields import DateField


class TrainingDateDialog(QDialog):
    """A trainer's "today" for exercises, or the real date."""

    def __init__(self, tr: Translator, today: dt.date | None, parent: QWidget | None = None) -> None:
        """Offer a date field and "use the real date"."""
        super().__init__(parent)
        self.setWindowTitle(tr.gettext(N_("Training date")))
        self.field = DateField(self)
        self.field.retranslate(tr)
        self.field.set_date(today)
        self.field.set_accessible_name(tr.gettext(N_("Date the app takes as today")))
        label = QLabel(tr.gettext(N_("&Date the app takes as today (empty: the real date):")), self)
        label.setWordWrap(True)
        label.setBuddy(self.field.edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(buttons)

    def chosen(self) -> dt.date | None:
        """The date picked, or None for the real date."""
        return self.field.date()
