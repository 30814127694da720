"""Start: a new complaint, a case file, the recent cases and the terms falling due."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
)

from kzcomplaint.core.case import drafts
from kzcomplaint.core.text.i18n import N_, Message
from kzcomplaint.gui.models.start import DueTermModel, RecentModel
from kzcomplaint.gui.pages.base import BasePage
from kzcomplaint.gui.widgets.flow import FlowLayout

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex
    from PySide6.QtGui import QKeyEvent

    from kzcomplaint.core.filing import due
    from kzcomplaint.gui.widgets.terms import TermsView

MSG_NO_RECENT = N_("No case files yet. Saved and opened cases appear here.")
MSG_NO_TERMS = N_("No term of a recent case falls due this week (as of {today}).")
MSG_TERMS_AS_OF = N_("Terms of your recent cases due today, tomorrow and this week (as of {today}):")
MSG_UNREADABLE_CASES = N_("Could not read: {files}")
MSG_COMPUTING = N_("Computing the terms of your recent cases…")
MSG_TERMS_FAILED = N_("The terms could not be computed: {reason}")
MSG_TERMS_TITLE = N_("Terms falling due")


class StartPage(BasePage):
    """The first page: start or continue a case, see what is due."""

    STEP = "start"

    newRequested = Signal()
    openRequested = Signal()
    openPathRequested = Signal(object)
    timelineRequested = Signal(object)
    """The timeline of a recent case was asked for (its path)."""

    _terms_held = False
    _held_paths: list[Path] | None = None
    _terms_generation = 0
    """Counts the computations of terms started: only the latest one's result is shown."""

    def hold_terms(self) -> None:
        """Start no computation of terms until :meth:`release_terms` (the main window's first paint).

        The computation runs on another thread, but it holds Python's interpreter lock while it
        imports and reads the cases, and the first window would be painted that much later.
        """
        self._terms_held = True

    def release_terms(self) -> None:
        """Compute the terms asked for while held, and from now on at once."""
        self._terms_held = False
        paths, self._held_paths = self._held_paths, None
        if paths is not None:
            self.refresh_terms(paths)

    def retranslate_titles(self) -> None:
        """Title and subtitle."""
        self.setTitle(self.step_title())
        self.setSubTitle(
            self.translator.gettext(N_("Start a new complaint, or continue a case. Every answer is kept as you go."))
        )

    def _build(self) -> None:
        self._terms_state: tuple[str, dict[str, object]] = ("", {})
        self.new_button = QPushButton(self)
        self.new_button.setDefault(False)
        self.open_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)

        self.recent_box = QGroupBox(self)
        self.recent_model = RecentModel(self)
        self.recent_view = QListView(self.recent_box)
        self.recent_view.setModel(self.recent_model)
        self.recent_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recent_empty = QLabel(self.recent_box)
        self.recent_empty.setWordWrap(True)
        self.open_recent_button = QPushButton(self.recent_box)
        self.forget_button = QPushButton(self.recent_box)
        self.timeline_button = QPushButton(self.recent_box)
        recent_buttons = FlowLayout()  # three long labels in Kazakh: they wrap rather than be cut off
        recent_buttons.addWidget(self.open_recent_button)
        recent_buttons.addWidget(self.timeline_button)
        recent_buttons.addWidget(self.forget_button)
        recent_layout = QVBoxLayout(self.recent_box)
        recent_layout.addWidget(self.recent_empty)
        recent_layout.addWidget(self.recent_view, 1)
        recent_layout.addStretch(0)
        recent_layout.addLayout(recent_buttons)

        self.terms_box = QGroupBox(self)
        self.terms_label = QLabel(self.terms_box)
        self.terms_label.setWordWrap(True)
        self.terms_model = DueTermModel(self)
        self.terms_view: TermsView | None = None
        """The table of terms: made when the first term is shown (:meth:`_terms_table`); its header is
        set up then too (:meth:`fit_terms_columns`), once it has rows."""
        self.terms_layout = QVBoxLayout(self.terms_box)
        self.terms_layout.addWidget(self.terms_label)
        self.terms_layout.addStretch(0)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.recent_box, 2)
        layout.addWidget(self.terms_box, 3)

    def _connect(self) -> None:
        self.new_button.clicked.connect(self.newRequested)
        self.open_button.clicked.connect(self.openRequested)
        self.recent_view.activated.connect(self._open_index)
        self.open_recent_button.clicked.connect(self._open_current)
        self.forget_button.clicked.connect(self._forget_current)
        self.timeline_button.clicked.connect(self._timeline_current)

    def retranslate(self) -> None:
        """All texts of the page."""
        super().retranslate()
        tr = self.translator
        self.new_button.setText(tr.gettext(N_("&New complaint")))
        self.open_button.setText(tr.gettext(N_("&Open a case file…")))
        self.recent_box.setTitle(tr.gettext(N_("Recent cases")))
        self.recent_view.setAccessibleName(tr.gettext(N_("Recent cases")))
        self.recent_empty.setText(tr.gettext(MSG_NO_RECENT))
        self.open_recent_button.setText(tr.gettext(N_("Open the selected &case")))
        self.forget_button.setText(tr.gettext(N_("&Remove from the list")))
        self.timeline_button.setText(tr.gettext(N_("&Timeline and next step…")))
        self.terms_box.setTitle(tr.gettext(MSG_TERMS_TITLE))
        if self.terms_view is not None:
            self.terms_view.setAccessibleName(tr.gettext(MSG_TERMS_TITLE))
        self.recent_model.retranslate(tr)
        self.terms_model.retranslate(tr)
        self._show_terms_state()

    def _load(self) -> None:
        recent = drafts.recent_cases()
        self.recent_model.set_recent(recent)
        self.recent_empty.setVisible(not recent)
        self.recent_view.setVisible(bool(recent))
        self.open_recent_button.setEnabled(bool(recent))
        self.forget_button.setEnabled(bool(recent))
        self.timeline_button.setEnabled(bool(recent))
        if recent:
            self.recent_view.setCurrentIndex(self.recent_model.index(0, 0))
        self.refresh_terms([case.path for case in recent if case.exists])

    def store(self) -> None:
        """Nothing on this page is part of the case."""

    def refresh_terms(self, paths: list[Path]) -> None:
        """Compute the due terms of ``paths`` off the UI thread."""
        today = self.draft.today or dt.date.today()
        # A computation still running (a case forgotten since, another today) must not
        # overwrite what this one shows when it reports back later.
        self._terms_generation += 1
        generation = self._terms_generation
        if not paths:
            self._held_paths = None
            self.terms_model.set_terms([])
            self._set_terms_state(MSG_NO_TERMS, today=today)
            return
        self._set_terms_state(MSG_COMPUTING)
        if self._terms_held:
            self._held_paths = list(paths)
            return

        def compute() -> tuple[list[due.DueTerm], list[Path]]:
            from kzcomplaint.core.filing import due  # on the worker: the first window does without it

            return due.due_terms(paths, today=today)

        def done(result: tuple[list[due.DueTerm], list[Path]]) -> None:
            if generation != self._terms_generation:
                return
            terms, unreadable = result
            self.terms_model.set_terms(terms)
            message = MSG_TERMS_AS_OF if terms else MSG_NO_TERMS
            self._set_terms_state(message, today=today)  # shows the table (made now, the first time)
            self.fit_terms_columns()
            if unreadable:
                self.terms_label.setText(
                    self.terms_label.text()
                    + "\n"
                    + self.translator.format(MSG_UNREADABLE_CASES, files=", ".join(path.name for path in unreadable))
                )

        def failed(error: Exception) -> None:
            if generation == self._terms_generation:
                self._set_terms_state(MSG_TERMS_FAILED, reason=str(error))

        from kzcomplaint.gui.workers import threads  # after the first paint: the terms are held until then

        threads.run_in_background(compute, on_success=done, on_failure=failed)

    def fit_terms_columns(self) -> None:
        """The term and its citation get the room: the date in full, the case's file name at most a third."""
        view = self.terms_view
        if view is None or self.terms_model.columnCount() < 3 or self.terms_model.rowCount() == 0:
            return  # nothing shown to fit
        header = view.header()
        header.setStretchLastSection(True)
        from PySide6.QtCore import Qt  # after the first paint: the first window does without Qt's namespace
        from PySide6.QtWidgets import QHeaderView

        # A long file name loses its middle, not its end (dates and numbers tell cases apart); the tooltip has it whole.
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        wanted = max(view.sizeHintForColumn(1), header.sectionSizeHint(1))
        header.resizeSection(1, min(wanted, view.viewport().width() // 3))

    def _set_terms_state(self, msgid: str, **params: object) -> None:
        self._terms_state = (msgid, dict(params))
        self._show_terms_state()

    def _show_terms_state(self) -> None:
        msgid, params = self._terms_state
        if not msgid:
            self.terms_label.setText("")
            return
        self.terms_label.setText(Message(msgid, **params).render(self.translator))
        if self.terms_model.rowCount() > 0:
            self._terms_table().setVisible(True)
        elif self.terms_view is not None:
            self.terms_view.setVisible(False)

    def _terms_table(self) -> TermsView:
        """The table of terms, made the first time (between the text above it and the stretch below)."""
        if self.terms_view is None:
            from kzcomplaint.gui.widgets.terms import TermsView

            view = TermsView(self.terms_model, self.terms_box)
            view.setAccessibleName(self.translator.gettext(MSG_TERMS_TITLE))
            view.widthChanged.connect(self.fit_terms_columns)
            self.terms_layout.insertWidget(1, view, 1)
            self.terms_view = view
        return self.terms_view

    def _open_index(self, index: QModelIndex) -> None:
        path = self.recent_model.path(index.row())
        if path is not None:
            self.openPathRequested.emit(path)

    def _open_current(self) -> None:
        self._open_index(self.recent_view.currentIndex())

    def _timeline_current(self) -> None:
        path = self.recent_model.path(self.recent_view.currentIndex().row())
        if path is not None:
            self.timelineRequested.emit(path)

    def _forget_current(self) -> None:
        path = self.recent_model.path(self.recent_view.currentIndex().row())
        if path is not None:
            drafts.forget_case(path)
            self.load()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete removes the selected recent case from the list."""
        from PySide6.QtCore import Qt  # not at the top: the first window does without Qt's namespace

        if event.key() == Qt.Key.Key_Delete and self.recent_view.hasFocus():
            self._forget_current()
            return
        super().keyPressEvent(event)
