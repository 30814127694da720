"""Document: a live preview in the chosen document language, and export to .docx (or PDF)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
)

from kzcomplaint.core.case.model import Case
from kzcomplaint.core.text.i18n import N_, Message
from kzcomplaint.core.text.languages import DOCUMENT_LANGUAGES, LANGUAGES
from kzcomplaint.gui.i18n import language_label
from kzcomplaint.gui.pages.base import BasePage
from kzcomplaint.gui.pages.where_when import select_data
from kzcomplaint.gui.widgets import files
from kzcomplaint.gui.widgets.fields import FeedbackLabel
from kzcomplaint.gui.workers import threads

log = logging.getLogger(__name__)

PREVIEW_DELAY_MS = 100
"""How long typing must pause before the preview follows (it takes a few milliseconds to make)."""
MSG_UPDATING = N_("Updating the preview…")
MSG_NO_KIND = N_("Choose what happened first: the document follows from it.")
MSG_PREVIEW_FAILED = N_("The preview could not be made: {reason}")
MSG_EXPORTED = N_("Saved: {file}")
MSG_EXPORTED_ALL = N_("Saved {count} documents in {folder}")
MSG_EXPORT_FAILED = N_("The document could not be saved: {reason}. Choose another folder or file name.")
MSG_BLOCKING = N_("Blocking problems remain ({count}): see “Check” before filing. You can still export a draft.")
MSG_EXPORTING = N_("Exporting documents…")
MSG_CONVERTING = N_("Converting to PDF with LibreOffice…")


class DocumentPage(BasePage):
    """Preview and export."""

    STEP = "document"

    exported = Signal(object)
    """A document was written (its path)."""
    timelineRequested = Signal()
    """The user asked for the case's timeline: handed in, refused, answered, the next step."""

    def retranslate_titles(self) -> None:
        """Title and subtitle."""
        self.setTitle(self.step_title())
        self.setSubTitle(self.translator.gettext(N_("The document language is independent of the interface language.")))

    def _build(self) -> None:
        self._generation = 0
        self._last_export: Path | None = None
        self._last_count = 0
        self.language_label = QLabel(self)
        from kzcomplaint.gui.workers import export

        self.language = QComboBox(self)
        for language in DOCUMENT_LANGUAGES:
            self.language.addItem(language_label(language), language)
        self.status = FeedbackLabel(self)
        self.blocking = FeedbackLabel(self)
        self.mixed = FeedbackLabel(self)
        self.mixed.setWordWrap(True)
        self.mixed.setVisible(False)
        self.evidence_note = FeedbackLabel(self)
        self.evidence_note.setVisible(False)
        self._evidence_notes: list[Message] = []
        self.preview = QTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.export_button = QPushButton(self)
        self.export_all_button = QPushButton(self)
        self.pdf_button = QPushButton(self)
        self.pdf_button.setVisible(export.office_program() is not None)
        self.timeline_button = QPushButton(self)
        self.saved = FeedbackLabel(self)
        self.saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_file_button = QPushButton(self)
        self.open_folder_button = QPushButton(self)
        for button in (self.open_file_button, self.open_folder_button):
            button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.language_label)
        top.addWidget(self.language)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.export_all_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(self.timeline_button)
        opened = QHBoxLayout()
        opened.addWidget(self.saved, 1)
        opened.addWidget(self.open_file_button)
        opened.addWidget(self.open_folder_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.blocking)
        layout.addWidget(self.mixed)
        layout.addWidget(self.evidence_note)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addLayout(opened)
        self.register("output_language", self.language, N_("Document &language:"), self.language_label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)

    def _connect(self) -> None:
        self._timer.timeout.connect(self.refresh_preview)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.draft.caseChanged.connect(self._schedule)
        self.draft.problemsChanged.connect(self._show_blocking)
        self.export_button.clicked.connect(lambda: self.export())
        self.export_all_button.clicked.connect(lambda: self.export_all())
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.open_file_button.clicked.connect(self._open_file)
        self.open_folder_button.clicked.connect(self._open_folder)
        self.timeline_button.clicked.connect(self.timelineRequested)

    def retranslate(self) -> None:
        """All texts of the page."""
        super().retranslate()
        tr = self.translator
        self.preview.setAccessibleName(tr.gettext(N_("Preview of the document")))
        self.export_button.setText(tr.gettext(N_("&Export .docx…")))
        self.export_all_button.setText(tr.gettext(N_("Export in &all languages…")))
        self.pdf_button.setText(tr.gettext(N_("Export &PDF…")))
        self.open_file_button.setText(tr.gettext(N_("&Open file")))
        self.open_folder_button.setText(tr.gettext(N_("Open &folder")))
        self.timeline_button.setText(tr.gettext(N_("Filed? &Timeline and next step…")))
        self._show_blocking()
        self._show_saved()
        self._show_mixed(self.draft.snapshot(), self.output_language())
        self._show_evidence_notes(self._evidence_notes)

    def _load(self) -> None:
        language = self.draft.case.language
        if self.output_language() != "kk+ru":
            select_data(self.language, language if language in LANGUAGES else "ru")
        self._show_blocking()
        self._schedule()

    def reset_for_new_case(self) -> None:
        """Another case: its own document language, no file saved yet, no preview of the last case."""
        super().reset_for_new_case()
        self._timer.stop()
        self._generation += 1  # a preview of the last case still being made is not shown
        self._last_export = None
        self._last_count = 0
        for button in (self.open_file_button, self.open_folder_button):
            button.setEnabled(False)
        self.export_button.setEnabled(True)
        self.saved.show_ok("")
        self.preview.clear()
        self.status.show_ok("")
        self._show_evidence_notes([])  # the files of the last case were not this one's
        self.mixed.setVisible(False)
        language = self.draft.case.language
        with self.loading():
            select_data(self.language, language if language in LANGUAGES else "ru")

    def store(self) -> None:
        """A single output language becomes the case's document language."""
        language = self.output_language()
        if language in LANGUAGES:
            self.draft.set_document_language(language)

    def initializePage(self) -> None:
        """Render the preview when the page is shown."""
        super().initializePage()
        self.refresh_preview()

    def output_language(self) -> str:
        """The chosen output language: kk, ru, en or kk+ru."""
        return str(self.language.currentData() or "ru")

    def _language_chosen(self, _index: int) -> None:
        if self._loading:
            return
        self.changed()
        self.refresh_preview()

    # --- preview -----------------------------------------------------------------------

    def _schedule(self) -> None:
        if self.isVisible():
            self._timer.start()

    def refresh_preview(self) -> None:
        """Render the document off the UI thread and show its text (nothing to render before a kind is chosen)."""
        from kzcomplaint.gui.workers import export

        self._timer.stop()
        self._generation += 1
        generation = self._generation
        if self.draft.template_info() is None:
            self.preview.clear()
            self.status.show_ok(self.translator.gettext(MSG_NO_KIND))
            return
        case = self.draft.snapshot()
        language = self.output_language()
        base_dir = self._base_dir()
        picked = frozenset(self.draft.picked_files)
        self.status.show_ok(self.translator.gettext(MSG_UPDATING))
        self._show_mixed(case, language)

        def done(result: tuple[str, list[Message]]) -> None:
            if generation != self._generation:
                return
            text, notes = result
            scroll = self.preview.verticalScrollBar().value()
            self.preview.setHtml(text)
            self.preview.verticalScrollBar().setValue(scroll)
            self.status.show_ok("")
            self._show_evidence_notes(notes)

        def failed(error: Exception) -> None:
            if generation == self._generation:
                self.preview.clear()
                self.status.show_error(self.translator.format(MSG_PREVIEW_FAILED, reason=str(error)))

        def work() -> tuple[str, list[Message]]:
            from kzcomplaint.core.case import evidence

            text = export.preview(case, language, base_dir, picked)
            # After the render, whose reads are cached: the files the document says nothing about, and why.
            return text, [note for _field, note in evidence.evidence_notes(case, base_dir, picked=picked)]

        threads.run_in_background(work, on_success=done, on_failure=failed, context=self)

    def _show_evidence_notes(self, notes: list[Message]) -> None:
        """Say which evidence files were not read (outside the case's folder and not picked here, …)."""
        self._evidence_notes = list(notes)  # kept as messages: a language switch re-words them
        if notes:
            self.evidence_note.show_error("\n".join(note.render(self.translator) for note in notes))
        self.evidence_note.setVisible(bool(notes))

    def _show_mixed(self, case: Case, language: str) -> None:
        """Warn when the user's own texts are not in the document's language."""
        from kzcomplaint.core.documents import render

        notes = render.language_notes(case, language)
        if notes:
            self.mixed.show_error("\n".join(note.render(self.translator) for note in notes))
        self.mixed.setVisible(bool(notes))

    def _base_dir(self) -> Path | None:
        return self.draft.path.parent if self.draft.path is not None else None

    def _show_blocking(self, *_args: object) -> None:
        count = self.draft.blocking_count()
        if count:
            self.blocking.show_error(self.translator.format(MSG_BLOCKING, count=count))
        self.blocking.setVisible(bool(count))

    # --- export ------------------------------------------------------------------------

    def _suggested_name(self, language: str) -> str:
        return f"{self.draft.file_stem()}_{language.replace('+', '_')}.docx"

    def _start_folder(self) -> Path:
        if self.draft.path is not None:
            return self.draft.path.parent
        return Path.home()

    def export(self, path: Path | None = None, language: str | None = None) -> None:
        """Export the document (asking where, unless ``path`` is given)."""
        from kzcomplaint.gui.workers import export

        language = language or self.output_language()
        if path is None:
            name = files.save_file(
                self,
                self.translator.gettext(N_("Export the document")),
                str(self._start_folder() / self._suggested_name(language)),
                self.translator.gettext(N_("Word documents (*.docx)")),
            )
            if not name:
                return
            path = Path(name)
        if path.suffix.lower() != ".docx":
            path = path.with_suffix(".docx")
        case = self.draft.snapshot()
        base_dir = self._base_dir()
        picked = frozenset(self.draft.picked_files)
        self.export_button.setEnabled(False)

        def done(written: Path) -> None:
            self.export_button.setEnabled(True)
            self._exported(written)

        threads.run_in_background(
            lambda: export.export_docx(case, language, path, base_dir, picked),
            on_success=done,
            on_failure=self._export_failed,
        )

    def export_all(self, folder: Path | None = None) -> None:
        """Export one document per language into a folder, with progress."""
        from kzcomplaint.gui.workers import export

        if folder is None:
            name = files.choose_folder(
                self, self.translator.gettext(N_("Folder for the documents")), str(self._start_folder())
            )
            if not name:
                return
            folder = Path(name)
        case = self.draft.snapshot()
        base_dir = self._base_dir()
        picked = frozenset(self.draft.picked_files)
        stem = self.draft.file_stem()
        dialog = QProgressDialog(self.translator.gettext(MSG_EXPORTING), "", 0, len(DOCUMENT_LANGUAGES), self)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setValue(0)
        target = folder

        def done(written: list[Path]) -> None:
            dialog.reset()
            dialog.deleteLater()
            self._exported(written[0] if written else target, count=len(written))

        def failed(error: Exception) -> None:
            dialog.reset()
            dialog.deleteLater()
            self._export_failed(error)

        threads.run_in_background(
            lambda progress: export.export_all(case, target, stem, base_dir, progress=progress, picked=picked),
            on_success=done,
            on_failure=failed,
            on_progress=lambda value, _total, _detail: dialog.setValue(value),
        )

    def export_pdf(self, path: Path | None = None) -> None:
        """Export a PDF through LibreOffice (installed), with progress."""
        from kzcomplaint.gui.workers import export

        language = self.output_language()
        if path is None:
            name = files.save_file(
                self,
                self.translator.gettext(N_("Export PDF")),
                str(self._start_folder() / self._suggested_name(language).replace(".docx", ".pdf")),
                self.translator.gettext(N_("PDF documents (*.pdf)")),
            )
            if not name:
                return
            path = Path(name)
        case = self.draft.snapshot()
        base_dir = self._base_dir()
        picked = frozenset(self.draft.picked_files)
        dialog = QProgressDialog(self.translator.gettext(MSG_CONVERTING), "", 0, 0, self)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        target = path

        def done(written: Path) -> None:
            dialog.reset()
            dialog.deleteLater()
            self._exported(written)

        def failed(error: Exception) -> None:
            dialog.reset()
            dialog.deleteLater()
            self._export_failed(error)

        threads.run_in_background(
            lambda: export.export_pdf(case, language, target, base_dir, picked), on_success=done, on_failure=failed
        )

    def _exported(self, path: Path, count: int = 1) -> None:
        self._last_export = path
        self._last_count = count
        self.open_file_button.setEnabled(count == 1)
        self.open_folder_button.setEnabled(True)
        self._show_saved()
        self.exported.emit(path)

    def _show_saved(self) -> None:
        if self._last_export is None:
            if not self.saved.is_error:
                self.saved.show_ok("")
            return
        if self._last_count > 1:
            self.saved.show_ok(
                self.translator.format(MSG_EXPORTED_ALL, count=self._last_count, folder=str(self._last_export.parent))
            )
        else:
            self.saved.show_ok(self.translator.format(MSG_EXPORTED, file=str(self._last_export)))

    def _export_failed(self, error: Exception) -> None:
        self.export_button.setEnabled(True)
        from kzcomplaint.gui.workers.export import PdfConversionError

        if isinstance(error, PdfConversionError):
            reason = error.message.render(self.translator)
        else:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        self._last_export = None
        self.open_file_button.setEnabled(False)
        self.open_folder_button.setEnabled(False)
        self.saved.show_error(self.translator.format(MSG_EXPORT_FAILED, reason=reason))

    def last_export(self) -> Path | None:
        """The file written last."""
        return self._last_export

    def _open_file(self) -> None:
        if self._last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._last_export)))

    def _open_folder(self) -> None:
        if self._last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._last_export.parent)))
