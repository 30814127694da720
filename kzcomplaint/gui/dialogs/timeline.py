"""The case timeline: every step of the chain in one view, what is due, and the next step.

Shows what :func:`kzcomplaint.core.filing.timeline.case_timeline` says about
the case being edited — each document, where it went, when it was handed in
or refused, the body's term, the answer — and what is due now. From here
the user records a handing-in, a refusal or an answer (saved at once when
the case has a file), drafts the next document of the chain or the act of
refusal, and exports the terms as a calendar.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kzcomplaint.core.case.model import Case
from kzcomplaint.core.filing import chain, timeline
from kzcomplaint.core.law import deadlines
from kzcomplaint.core.text.i18n import N_, Message, Translator
from kzcomplaint.gui.dialogs.filing import ANSWER, FILING, REFUSAL, RecordDialog
from kzcomplaint.gui.dialogs.messages import cannot_write, show_error
from kzcomplaint.gui.draft import DraftController
from kzcomplaint.gui.labels import citation_text, without_mnemonic
from kzcomplaint.gui.widgets import files
from kzcomplaint.gui.widgets.delegates import WrappingDelegate
from kzcomplaint.gui.widgets.fields import FeedbackLabel

MSG_TITLE = N_("Timeline and next steps")
MSG_NOTHING_DUE = N_("Nothing is due in this case now.")
MSG_GRANTED = N_("The complaint was granted: nothing more is due.")
MSG_NO_REVIEW = N_("The app knows no term for {body} to answer this document.")
MSG_NO_NEXT = N_("When the body refuses to accept the document, refuses it or does not answer in time, "
                 "the next step appears here.")
MSG_SAVED = N_("Recorded and saved in {file}.")
MSG_UNSAVED = N_("Recorded. Save the case to keep it.")
MSG_DRAFTED = N_("“{title}” drafted and saved as {file}: it is open now.")
MSG_SAVE_NEXT = N_("Save the next document as")
MSG_CASE_FILES = N_("Case files (*.json)")
MSG_CALENDAR_FILES = N_("Calendars (*.ics)")
MSG_ICS_WRITTEN = N_("Calendar saved: {file}")
MSG_NEXT_LINE = N_("{title} — to {body}; file by {date}")
MSG_THIS_CASE = N_("this case")
MSG_NEXT_LINE_NO_DATE = N_("{title} — to {body}")


def _item(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setToolTip(text)
    return item


class TimelineDialog(QDialog):
    """Every step of the case being edited, what is due, and the actions that move it on."""

    nextDrafted = Signal(object)
    """A next document was drafted and saved (its path); the window opens it."""

    def __init__(self, tr: Translator, draft: DraftController, parent: QWidget | None = None) -> None:
        """Build the views and the actions; fill them from the draft."""
        super().__init__(parent)
        self.translator = tr
        self.draft = draft
        self.found: timeline.Timeline | None = None
        self.setWindowTitle(tr.gettext(MSG_TITLE))
        self.steps_model = QStandardItemModel(self)
        self.steps_view = QTreeView(self)
        self.steps_view.setModel(self.steps_model)
        self.steps_view.setRootIsDecorated(False)
        self.steps_view.setWordWrap(True)
        self.steps_view.setUniformRowHeights(False)
        self.steps_view.setItemDelegate(WrappingDelegate(self.steps_view))
        self.steps_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps_view.setAccessibleName(tr.gettext(N_("Steps of the case")))
        self.due_box = QGroupBox(tr.gettext(N_("Due now")), self)
        self.due_model = QStandardItemModel(self)
        self.due_view = QListView(self.due_box)
        self.due_view.setModel(self.due_model)
        self.due_view.setWordWrap(True)
        self.due_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.due_view.setAccessibleName(tr.gettext(N_("Due now")))
        self.due_note = QLabel(self.due_box)
        self.due_note.setWordWrap(True)
        due_layout = QVBoxLayout(self.due_box)
        due_layout.addWidget(self.due_note)
        due_layout.addWidget(self.due_view)
        self.next_box = QGroupBox(tr.gettext(N_("Next step")), self)
        self.next_model = QStandardItemModel(self)
        self.next_view = QListView(self.next_box)
        self.next_view.setModel(self.next_model)
        self.next_view.setWordWrap(True)
        self.next_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.next_view.setAccessibleName(tr.gettext(N_("Next step")))
        self.next_note = QLabel(self.next_box)
        self.next_note.setWordWrap(True)
        self.next_button = QPushButton(tr.gettext(N_("&Draft the next document…")), self.next_box)
        self.act_button = QPushButton(tr.gettext(N_("Draft the &act of refusal…")), self.next_box)
        next_buttons = QHBoxLayout()
        next_buttons.addWidget(self.next_button)
        next_buttons.addWidget(self.act_button)
        next_buttons.addStretch(1)
        next_layout = QVBoxLayout(self.next_box)
        next_layout.addWidget(self.next_note)
        next_layout.addWidget(self.next_view)
        next_layout.addLayout(next_buttons)
        self.filed_button = QPushButton(tr.gettext(N_("Record &handing-in…")), self)
        self.refused_button = QPushButton(tr.gettext(N_("Record a &refusal…")), self)
        self.answer_button = QPushButton(tr.gettext(N_("Record the a&nswer…")), self)
        self.ics_button = QPushButton(tr.gettext(N_("Export to &calendar (.ics)…")), self)
        records = QHBoxLayout()
        for button in (self.filed_button, self.refused_button, self.answer_button, self.ics_button):
            records.addWidget(button)
        records.addStretch(1)
        self.status = FeedbackLabel(self)
        self.status.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        lines = self.fontMetrics().lineSpacing()
        self.steps_view.setMinimumHeight(lines * 14)
        self.due_view.setMaximumHeight(lines * 5)
        self.next_view.setMaximumHeight(lines * 6)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps_view, 1)
        layout.addLayout(records)
        layout.addWidget(self.due_box)
        layout.addWidget(self.next_box)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.filed_button.clicked.connect(lambda: self.record(FILING))
        self.refused_button.clicked.connect(lambda: self.record(REFUSAL))
        self.answer_button.clicked.connect(lambda: self.record(ANSWER))
        self.next_button.clicked.connect(lambda: self.draft_next())
        self.act_button.clicked.connect(lambda: self.draft_act())
        self.ics_button.clicked.connect(lambda: self.export_ics())
        self.next_view.activated.connect(lambda _index: self.draft_next())  # a double click, or Enter
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 140, metrics.lineSpacing() * 38)
        self.refresh()

    @property
    def today(self) -> dt.date:
        """The date taken as today (an exercise's story day, a trainer's date, else the real one)."""
        return self.draft.effective_today or dt.date.today()

    # -- showing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask the core for the timeline of the case being edited and show it."""
        tr = self.translator
        found = timeline.case_timeline(self.draft.case, today=self.today, directory=self.draft.directory)
        self.found = found
        self.steps_model.clear()
        self.steps_model.setHorizontalHeaderLabels(
            [
                tr.gettext(N_("Document")),
                tr.gettext(N_("Where it went")),
                tr.gettext(N_("Handed in")),
                tr.gettext(N_("The body's term")),
                tr.gettext(N_("Answer")),
            ]
        )
        for step in found.steps:
            handed = "\n".join("; ".join(part.render(tr) for part in parts) for parts in step.handed_in())
            term = step.term()
            outcome = step.outcome(found.granted)
            title = f"{step.number}. {step.title[tr.language]}"
            if step.current:
                this_case = tr.gettext(MSG_THIS_CASE)
                title = f"{title} ({this_case})"
            self.steps_model.appendRow(
                [
                    _item(title),
                    _item(step.where().render(tr)),
                    _item(handed),
                    _item(term.render(tr) if term is not None else "—"),
                    _item(outcome.render(tr) if outcome is not None else "—"),
                ]
            )
        header = self.steps_view.header()
        header.setStretchLastSection(True)
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self._show_due(found)
        self._show_next(found)
        current = self.draft.case
        self.answer_button.setEnabled(current.is_filed)
        self.act_button.setVisible(bool(current.refusals))

    def _show_due(self, found: timeline.Timeline) -> None:
        tr = self.translator
        self.due_model.clear()
        for item in found.due:
            deadline = item.deadline
            rule = f"{deadline.title[tr.language]} ({citation_text(deadline.citation, tr)})"
            text = f"{item.message().render(tr)} — {rule}"
            for warning in deadline.warnings:
                if warning.code == deadlines.NON_WORKING:
                    text = f"{text}\n{warning.message.render(tr)}"
            self.due_model.appendRow(_item(text))
        current = found.steps[-1]
        if found.granted:
            note = tr.gettext(MSG_GRANTED)
        elif found.due:
            note = ""
        elif current.filings and not current.review_rule and found.end is None:
            note = Message(MSG_NO_REVIEW, body=chain.body_label(current.addressee)).render(tr)
        else:
            note = tr.gettext(MSG_NOTHING_DUE)
        self.due_note.setText(note)
        self.due_note.setVisible(bool(note))
        self.due_view.setVisible(bool(found.due))

    def _show_next(self, found: timeline.Timeline) -> None:
        tr = self.translator
        self.next_model.clear()
        for proposal in found.proposals:
            body = chain.body_text(proposal.addressee, tr.language)
            due = found.next_due.get(proposal.kind)
            if due is not None:
                text = Message(MSG_NEXT_LINE, title=proposal.title, body=body, date=due).render(tr)
            else:
                text = Message(MSG_NEXT_LINE_NO_DATE, title=proposal.title, body=body).render(tr)
            reading = f"{proposal.basis.reading[tr.language]} ({citation_text(proposal.basis.citation, tr)})"
            item = _item(text)
            item.setToolTip(reading)
            self.next_model.appendRow(item)
        if found.proposals:
            self.next_view.setCurrentIndex(self.next_model.index(0, 0))
            self.next_note.setText(found.proposals[0].basis.reading[tr.language])
        else:
            self.next_note.setText(tr.gettext(MSG_NO_NEXT))
        self.next_view.setVisible(bool(found.proposals))
        self.next_button.setEnabled(bool(found.proposals))

    # -- recording --------------------------------------------------------------------------

    def record(self, kind: str) -> bool:
        """Open the form of ``kind``; on OK put the record in the case and save it; True when recorded."""
        dialog = RecordDialog(self.translator, kind, self.draft.case, self.today, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        changed = dialog.result_case()
        if changed is None:
            return False
        return self.apply(changed)

    def apply(self, changed: Case) -> bool:
        """Make ``changed`` the case being edited and save it to its file when it has one."""
        from kzcomplaint.core.case import caseio

        self.draft.case = changed
        self.draft.touch()
        path = self.draft.path
        if path is not None:
            try:
                self.draft.save(path)
            except caseio.CaseSaveError as error:
                self.status.show_error(error.message.render(self.translator))
                self.refresh()
                return True
            self.status.show_ok(self.translator.format(MSG_SAVED, file=str(path)))
        else:
            self.status.show_ok(self.translator.gettext(MSG_UNSAVED))
        self.refresh()
        return True

    # -- the next document -------------------------------------------------------------------

    def _ask_path(self, suggested: str, title: str, filters: str) -> Path | None:
        folder = self.draft.path.parent if self.draft.path is not None else Path.home()
        name = files.save_file(self, title, str(folder / suggested), filters)
        return Path(name) if name else None

    def draft_next(self, path: Path | None = None) -> Path | None:
        """Draft the chosen next document, save it (asking where) and hand it to the window to open."""
        found = self.found
        if found is None or not found.proposals:
            return None
        row = max(self.next_view.currentIndex().row(), 0)
        proposal = found.proposals[row]
        try:
            drafted, warnings = chain.next_case(
                self.draft.case, proposal.kind, proposal.end, today=self.today, directory=self.draft.directory
            )
        except chain.EscalationError as error:
            self.status.show_error(error.message.render(self.translator))
            return None
        for warning in warnings:
            QMessageBox.warning(self, self.translator.gettext(MSG_TITLE), warning.render(self.translator))
        return self._save_drafted(drafted, path)

    def draft_act(self, path: Path | None = None) -> Path | None:
        """Draft the act of the latest refusal, save it (asking where) and hand it to the window to open."""
        try:
            drafted = chain.refusal_act(self.draft.case, today=self.today, directory=self.draft.directory)
        except chain.EscalationError as error:
            self.status.show_error(error.message.render(self.translator))
            return None
        return self._save_drafted(drafted, path)

    def _save_drafted(self, drafted: Case, path: Path | None) -> Path | None:
        from kzcomplaint.core.case import caseio
        from kzcomplaint.core.law import catalog

        if self.draft.dirty and self.draft.path is not None:
            # Saved first: the window opens the next document in its place, without asking.
            try:
                self.draft.save(self.draft.path)
            except caseio.CaseSaveError as error:
                self.status.show_error(error.message.render(self.translator))
                return None
        if path is None:
            from kzcomplaint.gui.draft import suggested_stem

            path = self._ask_path(
                f"{suggested_stem(drafted, self.draft.today)}.json",  # the next kind's title, not its id
                self.translator.gettext(MSG_SAVE_NEXT),
                self.translator.gettext(MSG_CASE_FILES),
            )
            if path is None:
                return None
        if path.suffix.lower() != ".json":
            path = path.with_suffix(".json")
        try:
            caseio.save_case(drafted, path)
        except caseio.CaseSaveError as error:
            tr = self.translator
            show_error(self, tr, error.message.render(tr), tr.gettext(N_("Choose another folder.")))
            return None
        title = catalog.get(drafted.template).title[self.translator.language]
        self.status.show_ok(self.translator.format(MSG_DRAFTED, title=title, file=str(path)))
        self.nextDrafted.emit(path)
        return path

    # -- the calendar -----------------------------------------------------------------------

    def export_ics(self, path: Path | None = None) -> Path | None:
        """Write the running terms of this case as an .ics calendar (asking where)."""
        from kzcomplaint.core.files import atomic
        from kzcomplaint.core.filing import ics

        stem = self.draft.file_stem()
        if path is None:
            path = self._ask_path(
                f"{stem}.ics",
                without_mnemonic(self.translator.gettext(N_("Export to &calendar (.ics)…"))).rstrip("…"),
                self.translator.gettext(MSG_CALENDAR_FILES),
            )
            if path is None:
                return None
        name = self.draft.path.name if self.draft.path is not None else stem
        data = ics.calendar_bytes([(name, self.draft.case)], self.translator, today=self.today)
        try:
            atomic.write_private_file(path, data)
        except OSError as error:
            self.status.show_error(cannot_write(path, error).render(self.translator))
            return None
        self.status.show_ok(self.translator.format(MSG_ICS_WRITTEN, file=str(path)))
        return path
