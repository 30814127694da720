"""Check: every problem the core finds, blocking first, with its ground; and a review of all answers."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kzcomplaint.core.law.citations import MSG_PRACTICE, MSG_VIA
from kzcomplaint.core.text.i18n import N_
from kzcomplaint.gui.labels import ground_text
from kzcomplaint.gui.models.lists import ProblemModel
from kzcomplaint.gui.pages.base import BasePage
from kzcomplaint.gui.widgets.delegates import WrappingDelegate
from kzcomplaint.gui.widgets.fields import ERROR_STYLE, FeedbackLabel

if TYPE_CHECKING:
    from kzcomplaint.core.law.checks import Problem
    from kzcomplaint.gui.dialogs.law_text import LawTextDialog

ReviewSource = Callable[[], list[tuple[str, list[tuple[str, str, str]]]]]
UnreadSource = Callable[[], list[tuple[str, str, str]]]
"""(path, where the field is, the text typed) of every input whose text could not be read."""

MSG_SUMMARY_NONE = N_("No problem found: the document may be filed.")
MSG_CHECKING = N_("Checking the case…")
MSG_SUMMARY = N_("Blocking problems: {blocking} (fix them before filing). Warnings: {warnings}.")
MSG_SUMMARY_WARNINGS = N_("No blocking problem. Warnings to read before filing: {warnings}.")
MSG_CORE_ERROR = N_("The check could not be completed: {reason}")
MSG_HINT = N_("What to do: {hint}")
MSG_GROUND = N_("Legal basis: {citation}")
MSG_WHERE = N_("Where to fix it: {where}")
MSG_SELECT = N_("Select a problem to see what to do, then “Go to field”.")
MSG_UNREAD = N_("Typed but not understood, so these fields count as empty until you correct them:")
MSG_UNREAD_ITEM = N_("{field}: “{text}”")
MSG_READ_LAW = N_("&Read the text of the law")


class CheckPage(BasePage):
    """Problems with their citations and a way to the field; all answers for review."""

    STEP = "check"

    goToField = Signal(str)
    _review_source: ReviewSource | None = None
    _unread_source: UnreadSource | None = None
    _location_source: Callable[[str], str] | None = None
    law_dialog: LawTextDialog | None = None
    """The text of the law last opened from a problem's legal basis."""

    def retranslate_titles(self) -> None:
        """Title and subtitle."""
        self.setTitle(self.step_title())
        self.setSubTitle(
            self.translator.gettext(N_("What would get the document returned, and all your answers for review."))
        )

    def _build(self) -> None:
        self.summary = FeedbackLabel(self)
        self.unread = QLabel(self)
        self.unread.setWordWrap(True)
        self.unread.setTextFormat(Qt.TextFormat.RichText)
        self.unread.setStyleSheet(ERROR_STYLE)
        self.unread.hide()
        self.tabs = QTabWidget(self)
        problems_page = QWidget()
        self.model = ProblemModel(self)
        self.view = QTreeView(problems_page)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setWordWrap(True)
        self.view.setUniformRowHeights(False)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setItemDelegate(WrappingDelegate(self.view))
        header = self.view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.details = QLabel(problems_page)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.go_button = QPushButton(problems_page)
        self.law_button = QPushButton(problems_page)
        buttons = QVBoxLayout()
        buttons.addWidget(self.go_button)
        buttons.addWidget(self.law_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.details, 1)
        row.addLayout(buttons)
        column = QVBoxLayout(problems_page)
        column.addWidget(self.view, 1)
        column.addLayout(row)
        self.tabs.addTab(problems_page, "")

        review_page = QWidget()
        self.review_model = QStandardItemModel(self)
        self.review = QTreeView(review_page)
        self.review.setModel(self.review_model)
        self.review.setWordWrap(True)
        self.review.setUniformRowHeights(False)
        self.review.setAlternatingRowColors(True)
        self.review.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.review.setItemDelegate(WrappingDelegate(self.review))
        self.review_go_button = QPushButton(review_page)
        review_row = QHBoxLayout()
        review_row.addStretch(1)
        review_row.addWidget(self.review_go_button)
        column = QVBoxLayout(review_page)
        column.addWidget(self.review, 1)
        column.addLayout(review_row)
        self.tabs.addTab(review_page, "")

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.unread)
        layout.addWidget(self.tabs, 1)

    def _connect(self) -> None:
        self.draft.problemsChanged.connect(self._show_problems)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.activated.connect(self._go_to_index)
        self.go_button.clicked.connect(self.go_to_selected)
        self.law_button.clicked.connect(self.read_law)
        self.details.linkActivated.connect(lambda _link: self.read_law())
        self.review.activated.connect(self._review_activated)
        self.review_go_button.clicked.connect(lambda: self._review_activated(self.review.currentIndex()))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.unread.linkActivated.connect(self.goToField)

    def set_review_source(self, source: ReviewSource) -> None:
        """Where the review of all answers comes from (the wizard, which knows every page)."""
        self._review_source = source

    def set_location_source(self, source: Callable[[str], str]) -> None:
        """What names a field in the user's words (page › tab › label): the wizard."""
        self._location_source = source

    def location(self, path: str) -> str:
        """Where the field of ``path`` is, as the user finds it ("" when unknown)."""
        return self._location_source(path) if self._location_source is not None and path else ""

    def set_unread_source(self, source: UnreadSource) -> None:
        """Where the inputs holding text that could not be read come from (the wizard)."""
        self._unread_source = source

    def show_unread(self) -> None:
        """List the inputs whose typed text could not be read, each a link to its field."""
        unread = self._unread_source() if self._unread_source is not None else []
        if not unread:
            self.unread.hide()
            return
        tr = self.translator
        items = [
            f'<a href="{html.escape(path)}">{html.escape(tr.format(MSG_UNREAD_ITEM, field=where, text=text))}</a>'
            for path, where, text in unread
        ]
        self.unread.setText(f"{html.escape(tr.gettext(MSG_UNREAD))}<br>" + "<br>".join(items))
        self.unread.show()

    def retranslate(self) -> None:
        """All texts of the page."""
        super().retranslate()
        tr = self.translator
        self.tabs.setTabText(0, tr.gettext(N_("Problems")))
        self.tabs.setTabText(1, tr.gettext(N_("All answers")))
        self.go_button.setText(tr.gettext(N_("&Go to field")))
        self.law_button.setText(tr.gettext(MSG_READ_LAW))
        self.review_go_button.setText(tr.gettext(N_("&Change this answer")))
        self.view.setAccessibleName(tr.gettext(N_("Problems")))
        self.review.setAccessibleName(tr.gettext(N_("All answers")))
        self.model.retranslate(tr)
        self._show_summary()
        self._show_details()
        self.show_unread()
        if self.tabs.currentIndex() == 1:
            self.refresh_review()

    def _load(self) -> None:
        self._show_problems(self.draft.problems)
        self.show_unread()
        if self.tabs.currentIndex() == 1:
            self.refresh_review()

    def store(self) -> None:
        """Nothing on this page is edited."""

    def initializePage(self) -> None:
        """Check again with every answer stored."""
        super().initializePage()
        self.draft.recheck()

    # --- problems --------------------------------------------------------------------

    def _show_problems(self, problems: list[Problem]) -> None:
        current = self.model.problem(self.view.currentIndex().row())
        self.model.set_problems(problems)
        self._show_summary()
        if problems:
            row = next(
                (index for index, problem in enumerate(problems) if current is not None and problem == current), 0
            )
            self.view.setCurrentIndex(self.model.index(row, 0))
        self._show_details()

    def _show_summary(self) -> None:
        tr = self.translator
        problems = self.draft.problems
        blocking = self.draft.blocking_count()
        if not self.draft.assessed:
            self.summary.show_ok(tr.gettext(MSG_CHECKING))  # never "no problem" before the check has run
        elif self.draft.core_error:
            self.summary.show_error(tr.format(MSG_CORE_ERROR, reason=self.draft.core_error))
        elif not problems:
            self.summary.show_ok(tr.gettext(MSG_SUMMARY_NONE))
        elif blocking:
            self.summary.show_error(tr.format(MSG_SUMMARY, blocking=blocking, warnings=len(problems) - blocking))
        else:
            self.summary.show_ok(tr.format(MSG_SUMMARY_WARNINGS, warnings=len(problems)))

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_details()

    def selected_problem(self) -> Problem | None:
        """The problem selected in the list."""
        return self.model.problem(self.view.currentIndex().row())

    def _show_details(self) -> None:
        problem = self.selected_problem()
        tr = self.translator
        self.go_button.setEnabled(problem is not None and bool(problem.field))
        self.law_button.setEnabled(problem is not None and problem.citation is not None)
        if problem is None:
            self.details.setText(html.escape(tr.gettext(MSG_SELECT)) if self.draft.problems else "")
            return
        language = tr.language
        parts = [f"<b>{html.escape(problem.message[language])}</b>"]
        where = self.location(problem.field)
        if where:
            parts.append(html.escape(tr.format(MSG_WHERE, where=where)))
        if problem.hint and problem.hint.get(language):
            parts.append(html.escape(tr.format(MSG_HINT, hint=problem.hint[language])))
        ground = html.escape(ground_text(problem.citation, tr))
        if problem.citation is not None:
            ground = f'<a href="law">{ground}</a>'  # opens the quoted text
        parts.append(html.escape(tr.format(MSG_GROUND, citation="\0")).replace("\0", ground))
        if problem.via is not None:
            parts.append(html.escape(tr.format(MSG_VIA, via=problem.via.text(language))))
        if problem.practice is not None:
            parts.append(html.escape(tr.format(MSG_PRACTICE, practice=problem.practice.text(language))))
        self.details.setText("<br>".join(parts))

    def read_law(self) -> None:
        """Open the quoted text of the selected problem's legal basis."""
        problem = self.selected_problem()
        if problem is None or problem.citation is None:
            return
        from kzcomplaint.gui.dialogs.law_text import LawTextDialog

        self.law_dialog = LawTextDialog(problem.citation, self.translator, self)
        self.law_dialog.open()  # window-modal, and the page stays responsive behind it

    def go_to_selected(self) -> None:
        """Ask the wizard to show the field of the selected problem."""
        problem = self.selected_problem()
        if problem is not None and problem.field:
            self.goToField.emit(problem.field)

    def _go_to_index(self, index: QModelIndex) -> None:
        self.view.setCurrentIndex(index)
        self.go_to_selected()

    # --- review --------------------------------------------------------------------------

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self.refresh_review()

    def refresh_review(self) -> None:
        """Rebuild the list of all answers."""
        self.review_model.clear()
        tr = self.translator
        self.review_model.setHorizontalHeaderLabels([tr.gettext(N_("Question")), tr.gettext(N_("Answer"))])
        if self._review_source is None:
            return
        for title, rows in self._review_source():
            section = QStandardItem(title)
            section.setEditable(False)
            font = section.font()
            font.setBold(True)
            section.setFont(font)
            for path, label, value in rows:
                label_item = QStandardItem(label)
                label_item.setData(path, Qt.ItemDataRole.UserRole)
                value_item = QStandardItem(value)
                value_item.setData(path, Qt.ItemDataRole.UserRole)
                value_item.setToolTip(value)
                for item in (label_item, value_item):
                    item.setEditable(False)
                section.appendRow([label_item, value_item])
            self.review_model.appendRow([section, QStandardItem()])
        self.review.expandAll()
        self.review.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def _review_activated(self, index: QModelIndex) -> None:
        path = index.data(Qt.ItemDataRole.UserRole)
        if path:
            self.goToField.emit(str(path))
