"""Deadlines: every term of the case as a date, with its working, warnings and citation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeView, QVBoxLayout

from kzcomplaint.core.text.i18n import N_
from kzcomplaint.gui.labels import MSG_IMMEDIATELY
from kzcomplaint.gui.models.lists import DeadlineModel, today_label
from kzcomplaint.gui.pages.base import BasePage
from kzcomplaint.gui.widgets.delegates import WrappingDelegate
from kzcomplaint.gui.widgets.fields import FeedbackLabel

if TYPE_CHECKING:
    from kzcomplaint.core.law.deadlines import Deadline
    from kzcomplaint.gui.dialogs.law_text import LawTextDialog

MSG_TODAY = N_("Today is {today}. Each term shows how it was counted; open a term to see the steps.")
MSG_TRAINING_TODAY = N_("Training: the app takes {today} as today.")
MSG_NO_DEADLINES = N_("No terms yet: choose what happened and enter the date of the decision or action.")
MSG_COUNTING = N_("Counting the terms…")
MSG_CORE_ERROR = N_("The terms could not be computed: {reason}")
MSG_READ_LAW = N_("&Read the text of the law")


class DeadlinesPage(BasePage):
    """The terms as the core computed them."""

    STEP = "deadlines"
    law_dialog: LawTextDialog | None = None
    """The text of the law last opened from a term's citation."""

    def retranslate_titles(self) -> None:
        """Title and subtitle."""
        self.setTitle(self.step_title())
        self.setSubTitle(
            self.translator.gettext(N_("File in time: each term says what happens if it is missed."))
        )

    def _build(self) -> None:
        self.today = QLabel(self)
        self.today.setWordWrap(True)
        self.alerts = FeedbackLabel(self)
        self.model = DeadlineModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.law_button = QPushButton(self)
        self.law_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.law_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.today)
        layout.addWidget(self.alerts)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.draft.deadlinesChanged.connect(self._show)
        self.law_button.clicked.connect(lambda: self.read_law(self.tree.currentIndex()))
        self.tree.activated.connect(self.read_law)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.law_button.setEnabled(self.model.deadline_at(current) is not None)

    def read_law(self, index: QModelIndex) -> None:
        """Open the quoted text of the citation of the term ``index`` belongs to."""
        deadline = self.model.deadline_at(index)
        if deadline is None:
            return
        from kzcomplaint.gui.dialogs.law_text import LawTextDialog

        self.law_dialog = LawTextDialog(deadline.citation, self.translator, self)
        self.law_dialog.open()  # window-modal, and the page stays responsive behind it

    def retranslate(self) -> None:
        """All texts of the page."""
        super().retranslate()
        self.tree.setAccessibleName(self.translator.gettext(N_("Deadlines")))
        self.law_button.setText(self.translator.gettext(MSG_READ_LAW))
        self.model.retranslate(self.translator)  # built once here; the terms are put in once by _show
        self._show(self.draft.deadlines)

    def _load(self) -> None:
        self._show(self.draft.deadlines)

    def store(self) -> None:
        """Nothing on this page is edited."""

    def _show(self, deadlines: list[Deadline]) -> None:
        from kzcomplaint.core.law import deadlines as terms

        tr = self.translator
        if self.draft.effective_today is not None:
            self.today.setText(tr.format(MSG_TRAINING_TODAY, today=today_label(self.draft.effective_today, tr)))
        else:
            self.today.setText(tr.format(MSG_TODAY, today=today_label(None, tr)))
        self.model.set_deadlines(deadlines)
        for row in range(self.model.rowCount()):
            parent = self.model.index(row, 0)
            for child in range(self.model.rowCount(parent)):
                self.tree.setFirstColumnSpanned(child, parent, True)
        self.tree.expandAll()
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Each line named by its terms: two terms can pass on different days, and the lines must say
        # which is which; the same warning of several terms (a question left blank) is said once.
        # A term shown because a question is blank (seven days instead of ten) is said up front:
        # the answer decides which term is the user's.
        said: dict[str, list[str]] = {}
        for deadline in deadlines:
            for warning in deadline.warnings:
                if warning.code in (terms.PAST, terms.TODAY, terms.NON_WORKING, terms.UNANSWERED):
                    said.setdefault(warning.message.render(tr), []).append(deadline.title[tr.language])
        urgent = [f"{'; '.join(dict.fromkeys(titles))}: {message}" for message, titles in said.items()]
        urgent += [
            f"{deadline.title[tr.language]}: {tr.gettext(MSG_IMMEDIATELY)}"
            for deadline in deadlines
            if deadline.immediate
        ]
        if self.draft.core_error:
            urgent.append(tr.format(MSG_CORE_ERROR, reason=self.draft.core_error))
        # A user's calendar file that could not be used: the terms were
        # computed without the decreed transfers it holds, and the user must know.
        from kzcomplaint.core.law import calendar

        urgent += [warning.render(tr) for warning in calendar.default_calendar().load_warnings]
        if urgent:
            self.alerts.show_error("\n".join(dict.fromkeys(urgent)))
        self.alerts.setVisible(bool(urgent))
        # Before the first answer about this case, "no terms" would not be true yet.
        self.empty.setText(tr.gettext(MSG_NO_DEADLINES if self.draft.assessed else MSG_COUNTING))
        self.empty.setVisible(not deadlines)
        self.tree.setVisible(bool(deadlines))
        self.law_button.setVisible(bool(deadlines))
        self.law_button.setEnabled(self.model.deadline_at(self.tree.currentIndex()) is not None)
