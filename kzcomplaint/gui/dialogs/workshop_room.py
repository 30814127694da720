"""The trainer's room: collect every participant's draft from a folder, score them, export, reset one.

The work is :func:`kzcomplaint.core.workshop.room.collect`, run off the UI
thread; this dialog chooses the folders and shows the two tables — by
participant, and by defect (what the room keeps missing).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kzcomplaint.core.text.i18n import N_, Translator, translator
from kzcomplaint.core.text.languages import LANGUAGES
from kzcomplaint.core.workshop import handouts, packs, room
from kzcomplaint.gui.i18n import LANGUAGE_NAMES
from kzcomplaint.gui.widgets import files
from kzcomplaint.gui.workers.threads import run_in_background

MSG_RUNNING = N_("Scoring and exporting… {done} of {total} documents")
MSG_DONE = N_("{scored} draft(s) scored, {unscored} not; the results and the documents are in {folder}.")
MSG_FAILED = N_("The drafts could not be collected: {reason}")
MSG_RESET_ASK = N_(
    "Give {participant} a fresh start of the scenario? Their current draft is kept beside it as a .bak file."
)
MSG_RESET_DONE = N_("{file} starts afresh; the old draft is kept as {backup}.")


class RoomDialog(QDialog):
    """Choose the drafts folder and where the results go; collect; see the tables; reset a participant."""

    def __init__(
        self, tr: Translator, library: packs.Library, folder: Path | None, parent: QWidget | None = None
    ) -> None:
        """Start with ``folder`` proposed for the drafts."""
        super().__init__(parent)
        self.tr_ui = tr
        self.library = library
        self.results: room.RoomResults | None = None
        self.running = False
        self.drafts = QLineEdit(str(folder) if folder else "", self)
        self.output = QLineEdit(str(folder / "results") if folder else "", self)
        self.browse_drafts = QPushButton(self)
        self.browse_output = QPushButton(self)
        self.language = QComboBox(self)
        for language in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[language], language)
        self.language.setCurrentIndex(LANGUAGES.index(tr.language))
        self.collect_button = QPushButton(self)
        self.open_button = QPushButton(self)
        self.reset_button = QPushButton(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.participants = self._table()
        self.defects = self._table()
        self.tabs.addTab(self.participants, "")
        self.tabs.addTab(self.defects, "")
        self.drafts_label, self.output_label, self.language_label = QLabel(self), QLabel(self), QLabel(self)
        form = QFormLayout()
        for label, field, browse in (
            (self.drafts_label, self.drafts, self.browse_drafts),
            (self.output_label, self.output, self.browse_output),
        ):
            row = QHBoxLayout()
            row.addWidget(field, 1)
            row.addWidget(browse)
            label.setBuddy(field)
            form.addRow(label, row)
        form.addRow(self.language_label, self.language)
        self.language_label.setBuddy(self.language)
        actions = QHBoxLayout()
        actions.addWidget(self.collect_button)
        actions.addWidget(self.reset_button)
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.browse_drafts.clicked.connect(lambda: self._browse(self.drafts))
        self.browse_output.clicked.connect(lambda: self._browse(self.output))
        self.collect_button.clicked.connect(self.collect)
        self.open_button.clicked.connect(self._open_results)
        self.reset_button.clicked.connect(self.reset_selected)
        self.participants.itemSelectionChanged.connect(self._update_buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 120, metrics.lineSpacing() * 34)
        self.retranslate()
        self._update_buttons()

    def _table(self) -> QTableWidget:
        table = QTableWidget(self)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(True)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        return table

    def retranslate(self) -> None:
        """Texts in the interface language."""
        tr = self.tr_ui
        self.setWindowTitle(tr.gettext(N_("Collect participants' drafts")))
        self.drafts_label.setText(tr.gettext(N_("&Drafts folder:")))
        self.output_label.setText(tr.gettext(N_("&Results folder:")))
        self.language_label.setText(tr.gettext(N_("Workshop &language:")))
        self.browse_drafts.setText(tr.gettext(N_("Choose…")))
        self.browse_output.setText(tr.gettext(N_("Choose…")))
        self.collect_button.setText(tr.gettext(N_("&Collect, score and export")))
        self.reset_button.setText(tr.gettext(N_("&Reset the selected participant…")))
        self.open_button.setText(tr.gettext(N_("&Open the results folder")))
        self.tabs.setTabText(0, tr.gettext(handouts.MSG_BY_PARTICIPANT))
        self.tabs.setTabText(1, tr.gettext(handouts.MSG_BY_DEFECT))

    def _browse(self, field: QLineEdit) -> None:
        name = files.choose_folder(self, self.windowTitle(), field.text() or str(Path.home()))
        if name:
            field.setText(name)
            if field is self.drafts and not self.output.text():
                self.output.setText(str(Path(name) / "results"))

    def _update_buttons(self) -> None:
        self.collect_button.setEnabled(not self.running)
        self.open_button.setEnabled(self.results is not None and bool(self.results.written))
        self.reset_button.setEnabled(
            not self.running and bool(self.participants.selectedItems()) and self.results is not None
        )

    def collect(self) -> None:
        """Collect in the background; the tables fill when it is done."""
        drafts, output = Path(self.drafts.text().strip()), Path(self.output.text().strip())
        if not self.drafts.text().strip() or not self.output.text().strip():
            self.status.setText(self.tr_ui.gettext(N_("Choose the drafts folder and the results folder first.")))
            return
        language = str(self.language.currentData())
        library = self.library
        self.running = True
        self._update_buttons()
        self.status.setText(self.tr_ui.format(MSG_RUNNING, done=0, total="…"))

        def work(progress: object) -> room.RoomResults:
            return room.collect(
                drafts,
                output,
                library,
                translator(language),
                language=language,
                progress=lambda done, total: progress(done, total),  # type: ignore[operator]  # the worker's callable
            )

        run_in_background(
            work,
            on_success=self._collected,
            on_failure=self._failed,
            on_progress=lambda done, total, _detail: self.status.setText(
                self.tr_ui.format(MSG_RUNNING, done=done, total=total)
            ),
        )

    def _collected(self, results: room.RoomResults) -> None:
        self.running = False
        self.results = results
        tr = translator(str(self.language.currentData()))
        header = [
            tr.gettext(c)
            for c in (
                handouts.COL_PARTICIPANT,
                handouts.COL_FILE,
                handouts.COL_SCENARIO,
                handouts.COL_SCORE,
                handouts.COL_NEW_BLOCKING,
                handouts.COL_MISSED,
            )
        ]
        rows = room.participant_rows(results, tr)
        rows += [("", entry.file.name, entry.reason.render(tr), "", "", "") for entry in results.unscored]
        self._fill(self.participants, header, rows)
        header = [
            tr.gettext(c)
            for c in (handouts.COL_SCENARIO, handouts.COL_DEFECT, handouts.COL_GOT, handouts.COL_MISSED_BY)
        ]
        self._fill(self.defects, header, [row[:4] for row in room.defect_rows(results, tr)])
        self.status.setText(
            self.tr_ui.format(
                MSG_DONE, scored=len(results.scored), unscored=len(results.unscored), folder=self.output.text()
            )
        )
        self._update_buttons()

    def _failed(self, error: Exception) -> None:
        self.running = False
        message = getattr(error, "message", None)
        reason = message.render(self.tr_ui) if message is not None else str(error)
        self.status.setText(self.tr_ui.format(MSG_FAILED, reason=reason))
        self._update_buttons()

    @staticmethod
    def _fill(table: QTableWidget, header: list[str], rows: list[tuple[str, ...]]) -> None:
        table.clear()
        table.setColumnCount(len(header))
        table.setHorizontalHeaderLabels(header)
        table.setRowCount(len(rows))
        for row_index, row in enumerate(rows):
            for column, text in enumerate(row):
                table.setItem(row_index, column, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        table.resizeRowsToContents()

    def _open_results(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.output.text()))

    def selected_file(self) -> Path | None:
        """The draft of the participant selected in the table."""
        rows = {index.row() for index in self.participants.selectedIndexes()}
        if not rows:
            return None
        item = self.participants.item(min(rows), 1)
        return Path(self.drafts.text().strip()) / item.text() if item is not None else None

    def reset_selected(self, *, ask: bool = True) -> Path | None:
        """Give the selected participant a fresh start (their draft kept as .bak); the backup's path."""
        from kzcomplaint.core.case import caseio
        from kzcomplaint.core.workshop import exercise

        path = self.selected_file()
        if path is None:
            return None
        who = self.participants.item(self.participants.currentRow(), 0)
        participant = who.text() if who is not None and who.text() else path.name
        if ask:
            answer = QMessageBox.question(
                self, self.windowTitle(), self.tr_ui.format(MSG_RESET_ASK, participant=participant)
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        try:
            _fresh, backup = exercise.reset(path, self.library)
        except caseio.CaseFileError as error:
            self.status.setText(f"{path.name}: {error.problems[0].message.render(self.tr_ui)}")
            return None
        except (caseio.CaseSaveError, exercise.ExerciseError) as error:
            self.status.setText(error.message.render(self.tr_ui))
            return None
        self.status.setText(self.tr_ui.format(MSG_RESET_DONE, file=path.name, backup=backup.name))
        return backup


__all__ = ["RoomDialog"]
