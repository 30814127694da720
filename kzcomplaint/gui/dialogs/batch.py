"""File → Export many cases…: every case of a folder or a CSV file rendered into a folder, off the UI thread.

A trainer exports a workshop's drafts, a lawyer the CSV an observer group
sent. The dialog only collects the source, the output folder and the
document language, runs :func:`kzcomplaint.core.documents.batch.run_batch` through
:mod:`kzcomplaint.gui.workers.threads` with a progress callback and a cancel flag,
and shows what the core reports: the counts, and each case that could not be
exported with its file (or CSV row), field and reason in the interface
language. Every text is kept as a msgid or a core :class:`Message` and
rendered in :meth:`BatchDialog.retranslate`, so switching the interface
language re-words a finished report too.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kzcomplaint.core.text.i18n import N_, Message, Translator
from kzcomplaint.core.text.languages import DOCUMENT_LANGUAGES
from kzcomplaint.gui.i18n import UiLanguage, language_label
from kzcomplaint.gui.labels import without_mnemonic
from kzcomplaint.gui.widgets import files
from kzcomplaint.gui.widgets.delegates import WrappingDelegate
from kzcomplaint.gui.widgets.fields import FeedbackLabel, form_layout
from kzcomplaint.gui.workers import threads

if TYPE_CHECKING:
    from kzcomplaint.core.documents.batch import BatchSummary, CaseResult

MSG_TITLE = N_("Export many cases")
MSG_INTRO = N_(
    "Each case of a folder of case files (*.json) or of one CSV file becomes a document in the output folder. "
    "A case with blocking problems is still exported, with blanks where details are missing; "
    "a case that cannot be read is listed below with the reason."
)
MSG_SOURCE = N_("&Source:")
MSG_SOURCE_HINT = N_("A folder of case files, or one CSV file")
MSG_CHOOSE_FOLDER = N_("Fol&der…")
MSG_CHOOSE_FOLDER_NAME = N_("Choose a folder of case files")
MSG_CHOOSE_CSV = N_("&CSV file…")
MSG_CHOOSE_CSV_NAME = N_("Choose a CSV file")
MSG_CSV_FILES = N_("CSV files (*.csv)")
MSG_OUTPUT = N_("&Output folder:")
MSG_BROWSE = N_("Bro&wse…")
MSG_BROWSE_NAME = N_("Choose the output folder")
MSG_LANGUAGE = N_("Document &language:")
MSG_START = N_("S&tart")
MSG_CANCEL = N_("Ca&ncel")
MSG_OPEN_FOLDER = N_("Open &folder")
MSG_PROGRESS = N_("Progress")
MSG_FAILURES = N_("Not exported — what to fix:")
MSG_FAILURES_NAME = N_("Cases that were not exported")
MSG_CASE = N_("Case")
MSG_FIELD = N_("Field")
MSG_REASON = N_("Reason")
MSG_WHOLE_FILE = N_("(whole file)")
MSG_WHOLE_ROW = N_("(whole row)")

MSG_READING = N_("Reading the cases…")
MSG_DONE_CASE = N_("{done} of {total}: {case}")
MSG_CANCELLING = N_("Cancelling: the document being written is finished first…")
MSG_SUMMARY = N_(
    "Rendered: {rendered}, with blocking problems: {blocking}, failed: {failed}, "
    "skipped because the document already exists: {skipped}."
)
MSG_OVERWRITE = N_("&Replace documents that already exist in the output folder")
MSG_FAILURES_OR_SKIPPED = N_("Not exported — what to fix, and documents left as they were:")
MSG_CANCELLED = N_("Cancelled after {done} of {total} cases; only whole documents were written.")
MSG_WHERE = N_("The documents are in {folder}.")
MSG_NEED_SOURCE = N_("Choose the cases first: a folder of case files or one CSV file.")
MSG_NEED_OUTPUT = N_("Choose the folder for the documents.")
# The same msgids as the command line's, so both say it in the same words.
MSG_FILE_IN_THE_WAY = N_("{file}: {blocker} is a file, not a folder. Choose another folder.")
MSG_OUTPUT_FAILED = N_("{file}: the output folder cannot be created: {reason}")
MSG_STOPPED = N_("The export stopped: {reason}")


class BatchDialog(QDialog):
    """Pick the cases, the output folder and the language; export them all with progress; report."""

    batchFinished = Signal(object)
    """The batch ended: its :class:`~kzcomplaint.core.documents.batch.BatchSummary`, or None when it could not run."""

    def __init__(
        self,
        ui: UiLanguage,
        output_language: str,
        start_folder: Path | None = None,
        parent: QWidget | None = None,
        field_label: Callable[[str], str] | None = None,
    ) -> None:
        """Offer ``output_language`` (kk, ru, en or kk+ru) first; choosers open in ``start_folder``.

        ``field_label`` names a case field (``complainant.iin``) in the user's words
        (the wizard's page, tab and label); the dotted name is then only a tooltip.
        """
        super().__init__(parent)
        self.ui = ui
        self._field_label = field_label
        self._start_folder = start_folder or Path.home()
        self._cancel: threading.Event | None = None
        self._source: Path | None = None
        self._output: Path | None = None
        self._summary: BatchSummary | None = None
        self._error: Message | None = None
        self._progress: tuple[int, int, CaseResult | None] | None = None
        self._build(output_language)
        self._connect()
        ui.changed.connect(self.retranslate)
        self.retranslate()

    # --- anatomy ---------------------------------------------------------------------

    @property
    def translator(self) -> Translator:
        """The interface translator."""
        return self.ui.translator

    def _build(self, output_language: str) -> None:
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.source_label = QLabel(self)
        self.source_edit = QLineEdit(self)
        self.source_edit.setClearButtonEnabled(True)
        self.folder_button = QPushButton(self)
        self.csv_button = QPushButton(self)
        self.source_label.setBuddy(self.source_edit)
        self.output_label = QLabel(self)
        self.output_edit = QLineEdit(self)
        self.output_edit.setClearButtonEnabled(True)
        self.browse_button = QPushButton(self)
        self.output_label.setBuddy(self.output_edit)
        self.language_label = QLabel(self)
        self.language = QComboBox(self)
        for language in DOCUMENT_LANGUAGES:
            self.language.addItem(language_label(language), language)
        self.language.setCurrentIndex(max(self.language.findData(output_language), 0))
        self.language_label.setBuddy(self.language)

        source_row = QHBoxLayout()
        source_row.addWidget(self.source_edit, 1)
        source_row.addWidget(self.folder_button)
        source_row.addWidget(self.csv_button)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output_edit, 1)
        output_row.addWidget(self.browse_button)
        form = form_layout()
        form.addRow(self.source_label, source_row)
        form.addRow(self.output_label, output_row)
        form.addRow(self.language_label, self.language)
        self.overwrite = QCheckBox(self)
        form.addRow(self.overwrite)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("%v / %m")
        self.current = QLabel(self)
        self.current.setTextFormat(Qt.TextFormat.PlainText)
        self.current.setWordWrap(True)
        self.status = FeedbackLabel(self)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.failures_label = QLabel(self)
        self.failures_model = QStandardItemModel(0, 3, self)
        self.failures = QTreeView(self)
        self.failures.setModel(self.failures_model)
        self.failures.setRootIsDecorated(False)
        self.failures.setUniformRowHeights(False)
        self.failures.setItemDelegate(WrappingDelegate(self.failures))
        self.failures.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.failures.header().setStretchLastSection(True)
        self.failures_label.setBuddy(self.failures)

        self.start_button = QPushButton(self)
        self.start_button.setDefault(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setEnabled(False)
        self.open_folder_button = QPushButton(self)
        self.open_folder_button.setEnabled(False)
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_folder_button)
        buttons.addWidget(self.close_buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.current)
        layout.addWidget(self.status)
        layout.addWidget(self.failures_label)
        layout.addWidget(self.failures, 1)
        layout.addLayout(buttons)
        self._show_failures_list(False)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 110, metrics.lineSpacing() * 30)

    def _connect(self) -> None:
        self.folder_button.clicked.connect(lambda: self.choose_source_folder())
        self.csv_button.clicked.connect(lambda: self.choose_source_csv())
        self.browse_button.clicked.connect(lambda: self.choose_output())
        self.start_button.clicked.connect(lambda: self.start())
        self.cancel_button.clicked.connect(self.cancel)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.close_buttons.rejected.connect(self.reject)

    def retranslate(self, *_args: object) -> None:
        """Every text in the interface language, the report of a finished batch included."""
        tr = self.translator
        self.setWindowTitle(tr.gettext(MSG_TITLE))
        self.intro.setText(tr.gettext(MSG_INTRO))
        for label, msgid, inputs in (
            (self.source_label, MSG_SOURCE, (self.source_edit,)),
            (self.output_label, MSG_OUTPUT, (self.output_edit,)),
            (self.language_label, MSG_LANGUAGE, (self.language,)),
        ):
            label.setText(tr.gettext(msgid))
            for widget in inputs:
                widget.setAccessibleName(without_mnemonic(tr.gettext(msgid)).rstrip(":："))
        self.source_edit.setPlaceholderText(tr.gettext(MSG_SOURCE_HINT))
        self.overwrite.setText(tr.gettext(MSG_OVERWRITE))
        for button, msgid, name in (
            (self.folder_button, MSG_CHOOSE_FOLDER, MSG_CHOOSE_FOLDER_NAME),
            (self.csv_button, MSG_CHOOSE_CSV, MSG_CHOOSE_CSV_NAME),
            (self.browse_button, MSG_BROWSE, MSG_BROWSE_NAME),
            (self.start_button, MSG_START, MSG_START),
            (self.cancel_button, MSG_CANCEL, MSG_CANCEL),
            (self.open_folder_button, MSG_OPEN_FOLDER, MSG_OPEN_FOLDER),
        ):
            button.setText(tr.gettext(msgid))
            button.setAccessibleName(without_mnemonic(tr.gettext(name)))
        self.progress.setAccessibleName(tr.gettext(MSG_PROGRESS))
        self.failures_label.setText(tr.gettext(MSG_FAILURES))
        self.failures.setAccessibleName(tr.gettext(MSG_FAILURES_NAME))
        self._show_progress()
        self._show_outcome()

    # --- choosing ----------------------------------------------------------------------

    def _folder_to_start(self, edit: QLineEdit) -> str:
        text = edit.text().strip()
        return text or str(self._start_folder)

    def choose_source_folder(self) -> None:
        """Ask for a folder of case files."""
        tr = self.translator
        name = files.choose_folder(self, tr.gettext(MSG_CHOOSE_FOLDER_NAME), self._folder_to_start(self.source_edit))
        if name:
            self.source_edit.setText(name)

    def choose_source_csv(self) -> None:
        """Ask for one CSV file."""
        tr = self.translator
        name = files.open_file(
            self, tr.gettext(MSG_CHOOSE_CSV_NAME), self._folder_to_start(self.source_edit), tr.gettext(MSG_CSV_FILES)
        )
        if name:
            self.source_edit.setText(name)

    def choose_output(self) -> None:
        """Ask for the output folder."""
        name = files.choose_folder(
            self, self.translator.gettext(MSG_BROWSE_NAME), self._folder_to_start(self.output_edit)
        )
        if name:
            self.output_edit.setText(name)

    def output_language(self) -> str:
        """The document language chosen: kk, ru, en or kk+ru."""
        return str(self.language.currentData())

    # --- running -----------------------------------------------------------------------

    @property
    def is_running(self) -> bool:
        """Whether a batch is under way."""
        return self._cancel is not None

    def start(self) -> bool:
        """Check the choices and start the batch off the UI thread; False (with a message) when it cannot start."""
        from kzcomplaint.core.documents import batch

        if self.is_running:
            return False
        source_text = self.source_edit.text().strip()
        output_text = self.output_edit.text().strip()
        self._summary = None
        self._progress = None
        if not source_text:
            return self._refuse(Message(MSG_NEED_SOURCE), self.source_edit)
        if not output_text:
            return self._refuse(Message(MSG_NEED_OUTPUT), self.output_edit)
        source, output = Path(source_text).expanduser(), Path(output_text).expanduser()
        blocker = batch.file_in_the_way(output)
        if blocker is not None:
            return self._refuse(Message(MSG_FILE_IN_THE_WAY, file=str(output), blocker=str(blocker)), self.output_edit)
        language = self.output_language()
        overwrite = self.overwrite.isChecked()
        cancel = threading.Event()
        self._cancel = cancel
        self._source, self._output, self._error = source, output, None
        self._set_running(True)
        self._show_outcome()
        self._show_progress()

        def export_cases(progress: batch.Progress) -> BatchSummary:
            # In this process, on the worker thread: a case takes milliseconds, so even a
            # thousand take seconds, and cancelling stops before the next case. Worker
            # processes would be forked from a process running Qt's threads (unsafe), or
            # spawned (a second start-up; a frozen build would have to re-enter its main).
            return batch.run_batch(
                source, output, language=language, jobs=1, progress=progress, cancel=cancel, overwrite=overwrite
            )

        threads.run_in_background(
            export_cases, on_success=self._finished, on_failure=self._failed, on_progress=self._progressed
        )
        return True

    def cancel(self) -> None:
        """Stop after the case being written (whole documents only); the report says what was done."""
        if self._cancel is not None and not self._cancel.is_set():
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self._show_progress()

    def _refuse(self, message: Message, widget: QWidget) -> bool:
        self._error = message
        self.open_folder_button.setEnabled(False)
        self._show_progress()
        self._show_outcome()
        widget.setFocus()
        return False

    def _set_running(self, running: bool) -> None:
        for widget in (
            self.source_edit,
            self.folder_button,
            self.csv_button,
            self.output_edit,
            self.browse_button,
            self.language,
            self.overwrite,
            self.start_button,
        ):
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.open_folder_button.setEnabled(not running and self._summary is not None)
        if running:
            self.cancel_button.setFocus()
        else:
            self.start_button.setFocus()

    def _progressed(self, done: int, total: int, result: CaseResult) -> None:
        self._progress = (done, total, result)
        self._show_progress()

    def _finished(self, summary: BatchSummary) -> None:
        self._cancel = None
        self._summary = summary
        if self._progress is None:
            self._progress = (len(summary.results), summary.total, None)
        self._set_running(False)
        self._show_progress()
        self._show_outcome()
        self.batchFinished.emit(summary)

    def _failed(self, error: Exception) -> None:
        from kzcomplaint.core.documents import batch

        self._cancel = None
        if isinstance(error, batch.BatchSourceError):
            self._error = error.message
        elif isinstance(error, batch.OutputFolderError) and self._output is not None:
            blocker = batch.file_in_the_way(self._output)
            if blocker is not None:
                self._error = Message(MSG_FILE_IN_THE_WAY, file=str(self._output), blocker=str(blocker))
            else:
                self._error = Message(MSG_OUTPUT_FAILED, file=str(self._output), reason=error.reason)
        else:
            self._error = Message(MSG_STOPPED, reason=str(error) or type(error).__name__)
        self._progress = None
        self._set_running(False)
        self._show_progress()
        self._show_outcome()
        self.batchFinished.emit(None)

    # --- showing -----------------------------------------------------------------------

    def _case_name(self, result: CaseResult) -> str:
        """A case as the user knows it: its file's name, or the CSV file and row in the interface language."""
        from kzcomplaint.core.documents import batch

        if self._source is None:
            return result.source
        name = batch.case_name(result, self._source, self.translator)
        return name if result.row_number is not None else Path(name).name

    def _show_progress(self) -> None:
        tr = self.translator
        self.progress.setTextVisible(self._progress is not None)
        done, total, finished = self._progress or (0, 1, None)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if self._cancel is not None and self._cancel.is_set():
            self.current.setText(tr.gettext(MSG_CANCELLING))
        elif finished is not None:
            self.current.setText(tr.format(MSG_DONE_CASE, done=done, total=total, case=self._case_name(finished)))
        else:
            self.current.setText(tr.gettext(MSG_READING) if self.is_running else "")

    def _show_outcome(self) -> None:
        tr = self.translator
        self.failures_model.clear()
        self.failures_model.setHorizontalHeaderLabels(
            [tr.gettext(MSG_CASE), tr.gettext(MSG_FIELD), tr.gettext(MSG_REASON)]
        )
        if self._error is not None:
            self.status.show_error(self._error.render(tr))
            self._show_failures_list(False)
            return
        summary = self._summary
        if summary is None:
            self.status.show_ok("")
            self._show_failures_list(False)
            return
        lines = []
        if summary.cancelled:
            lines.append(tr.format(MSG_CANCELLED, done=len(summary.results), total=summary.total))
        lines.append(
            tr.format(
                MSG_SUMMARY,
                rendered=summary.rendered,
                blocking=summary.with_blocking,
                failed=summary.failed,
                skipped=summary.skipped,
            )
        )
        if summary.rendered and self._output is not None:
            lines.append(tr.format(MSG_WHERE, folder=str(self._output)))
        if summary.failed or summary.skipped:
            self.status.show_error("\n".join(lines))
        else:
            self.status.show_ok("\n".join(lines))
        for result in summary.results:
            if not result.ok:
                self._add_failure(result)
        self._fit_columns()
        self.failures_label.setText(tr.gettext(MSG_FAILURES_OR_SKIPPED if summary.skipped else MSG_FAILURES))
        self._show_failures_list(summary.failed + summary.skipped > 0)

    def _add_failure(self, result: CaseResult) -> None:
        tr = self.translator
        case = self._case_name(result)
        whole = tr.gettext(MSG_WHOLE_ROW if result.row_number is not None else MSG_WHOLE_FILE)
        from kzcomplaint.core.documents import batch

        problems = list(result.errors)
        if result.skipped is not None:
            problems.append(batch.FieldProblem("", Message(batch.MSG_EXISTS, file=result.skipped)))
        for problem in problems:
            named = self._field_label(problem.field) if problem.field and self._field_label is not None else ""
            cells = [
                QStandardItem(case),
                QStandardItem(named or problem.field or whole),
                QStandardItem(problem.message.render(tr)),
            ]
            cells[0].setToolTip(result.source)
            if named:
                cells[1].setToolTip(problem.field)  # the column of a CSV, the key of a case file
            cells[2].setToolTip(cells[2].text())
            for cell in cells:
                cell.setEditable(False)
            self.failures_model.appendRow(cells)

    def _fit_columns(self) -> None:
        """The case and the field in full (they cannot wrap: names and dotted paths), the reason wrapped."""
        metrics = self.failures.fontMetrics()
        model = self.failures_model
        for column in (0, 1):
            texts = [model.headerData(column, Qt.Orientation.Horizontal)] + [
                model.item(row, column).text() for row in range(model.rowCount())
            ]
            width = max(metrics.horizontalAdvance(str(text)) for text in texts) + metrics.averageCharWidth() * 4
            self.failures.header().resizeSection(column, min(width, metrics.averageCharWidth() * 40))

    def _show_failures_list(self, visible: bool) -> None:
        self.failures_label.setVisible(visible)
        self.failures.setVisible(visible)

    def failure_rows(self) -> list[tuple[str, str, str]]:
        """The failures as shown: (case, field, reason)."""
        model = self.failures_model
        return [
            (model.item(row, 0).text(), model.item(row, 1).text(), model.item(row, 2).text())
            for row in range(model.rowCount())
        ]

    def summary(self) -> BatchSummary | None:
        """The last batch's summary (None before one finished)."""
        return self._summary

    def open_folder(self) -> None:
        """Show the output folder in the system's file manager."""
        if self._output is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._output)))

    # --- closing -----------------------------------------------------------------------

    def reject(self) -> None:
        """Close, Escape: while a batch runs, cancel it instead (the dialog stays to report)."""
        if self.is_running:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The window's close button: as :meth:`reject`."""
        if self.is_running:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)
