"""The directory of bodies: browse, edit your own entries, import and export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
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
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kzcomplaint.core.case.model import Level
from kzcomplaint.core.law import directory as directory_limits
from kzcomplaint.core.law.directory import BodyEntry, DirectoryError
from kzcomplaint.core.text.i18n import N_, Translator
from kzcomplaint.core.text.languages import LANGUAGES
from kzcomplaint.gui import labels
from kzcomplaint.gui.dialogs.messages import cannot_write
from kzcomplaint.gui.dialogs.problems import FileProblem, ProblemsDialog
from kzcomplaint.gui.draft import DraftController
from kzcomplaint.gui.models.lists import ENTRY_ID_ROLE, DirectoryModel
from kzcomplaint.gui.widgets import files
from kzcomplaint.gui.widgets.delegates import WrappingDelegate
from kzcomplaint.gui.widgets.fields import FeedbackLabel, InputGuard, form_layout


class DirectoryDialog(QDialog):
    """The directory of bodies: browse, edit your own entries, import and export."""

    def __init__(self, tr: Translator, draft: DraftController, parent: QWidget | None = None) -> None:
        """Show the draft's directory (shipped and user entries)."""
        super().__init__(parent)
        self.translator = tr
        self.draft = draft
        self.setWindowTitle(tr.gettext(N_("Directory of bodies")))
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(tr.gettext(N_("Search by name")))
        self.search.setAccessibleName(tr.gettext(N_("Search by name")))
        self.model = DirectoryModel(draft.directory, self)
        self.model.retranslate(tr)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(0)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setItemDelegate(WrappingDelegate(self.table))
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(tr.gettext(N_("Directory of bodies")))
        self.table.setColumnWidth(0, self.fontMetrics().averageCharWidth() * 45)
        self.table.setColumnWidth(1, self.fontMetrics().averageCharWidth() * 25)
        self.table.setColumnWidth(2, self.fontMetrics().averageCharWidth() * 20)

        self.editor = QGroupBox(tr.gettext(N_("Entry")), self)
        form = form_layout(self.editor)
        self.inputs: dict[str, QLineEdit] = {}
        self.level = QComboBox(self.editor)
        for level in Level:
            self.level.addItem(labels.capitalized(draft.directory.level_name(level.value, tr.language)), level.value)
        self.region = QComboBox(self.editor)
        self.region.addItem("—", "")
        for region_id, region in draft.directory.regions.items():
            self.region.addItem(region.name[tr.language], region_id)
        self.verified = QCheckBox(tr.gettext(N_("Contact details &checked against an official source")), self.editor)
        rows: list[tuple[str, str, QWidget]] = [
            ("id", N_("&Id:"), QLineEdit()),
            ("name.kk", N_("Name in &Kazakh:"), QLineEdit()),
            ("name.ru", N_("Name in &Russian:"), QLineEdit()),
            ("name.en", N_("Name in &English:"), QLineEdit()),
            ("level", N_("&Level:"), self.level),
            ("region", N_("Re&gion:"), self.region),
            ("address", N_("&Address:"), QLineEdit()),
            ("phone", N_("&Phone:"), QLineEdit()),
            ("email", N_("E-&mail:"), QLineEdit()),
            ("bin", N_("&BIN:"), QLineEdit()),
            ("website", N_("&Website:"), QLineEdit()),
            ("note", N_("&Note (source of the details):"), QLineEdit()),
        ]
        # A problem of an entry names its input as the form labels it, never by the file's key.
        self._field_labels = {key.split(".")[0]: msgid for key, msgid, _widget in rows}
        self._field_labels.update({"name": N_("Name"), "verified": N_("Checked")})
        for key, msgid, widget in rows:
            label = QLabel(tr.gettext(msgid))
            label.setBuddy(widget)
            widget.setAccessibleName(labels.without_mnemonic(label.text()))
            form.addRow(label, widget)
            if isinstance(widget, QLineEdit):
                # What the directory file accepts, the input accepts (and no more).
                InputGuard(widget, directory_limits.MAX_TEXT_CHARS)
                self.inputs[key] = widget
        form.addRow(self.verified)
        self.feedback = FeedbackLabel(self.editor)
        form.addRow(self.feedback)
        self.save_button = QPushButton(tr.gettext(N_("&Save entry")), self.editor)
        self.new_button = QPushButton(tr.gettext(N_("&New entry")), self.editor)
        self.reset_button = QPushButton(tr.gettext(N_("&Remove my version")), self.editor)
        entry_buttons = QHBoxLayout()
        for button in (self.save_button, self.new_button, self.reset_button):
            entry_buttons.addWidget(button)
        form.addRow(entry_buttons)

        self.import_button = QPushButton(tr.gettext(N_("&Import…")), self)
        self.export_button = QPushButton(tr.gettext(N_("E&xport…")), self)
        self.status = FeedbackLabel(self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.status, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        bottom.addWidget(close)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        if draft.directory_error is not None:
            warning = FeedbackLabel(self)
            warning.show_error(
                tr.format(
                    N_("Your own directory file could not be used ({file}); the shipped directory is shown."),
                    file=draft.directory_error.source,
                )
            )
            layout.addWidget(warning)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.resize(self.fontMetrics().averageCharWidth() * 200, self.fontMetrics().lineSpacing() * 42)

        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.save_button.clicked.connect(self.save_entry)
        self.new_button.clicked.connect(self._new_entry)
        self.reset_button.clicked.connect(self._remove_user_version)
        self.import_button.clicked.connect(lambda: self.import_file())
        self.export_button.clicked.connect(lambda: self.export_file())
        if self.proxy.rowCount():
            self.table.selectRow(0)

    # --- editing -----------------------------------------------------------------------

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry_id = self.proxy.data(current, ENTRY_ID_ROLE) if current.isValid() else None
        self.show_entry(self.draft.directory.get(entry_id) if entry_id else None)

    def show_entry(self, entry: BodyEntry | None) -> None:
        """Fill the editor with ``entry`` (None for a new one)."""
        self.feedback.hide()
        if entry is None:
            for edit in self.inputs.values():
                edit.clear()
            self.verified.setChecked(False)
            self.reset_button.setEnabled(False)
            return
        values = entry.to_dict()
        for key, edit in self.inputs.items():
            if key.startswith("name."):
                edit.setText(entry.name[key.split(".")[1]])
            else:
                edit.setText(str(values.get(key, "")))
            edit.setCursorPosition(0)
        self.level.setCurrentIndex(max(self.level.findData(entry.level), 0))
        self.region.setCurrentIndex(max(self.region.findData(entry.region), 0))
        self.verified.setChecked(entry.verified)
        self.reset_button.setEnabled(entry.origin == "user")

    def edited_entry(self) -> BodyEntry:
        """The entry as edited in the form (a user entry)."""
        return BodyEntry(
            id=self.inputs["id"].text().strip(),
            level=str(self.level.currentData()),
            name={lang: self.inputs[f"name.{lang}"].text().strip() for lang in LANGUAGES},
            region=str(self.region.currentData() or ""),
            address=self.inputs["address"].text().strip(),
            phone=self.inputs["phone"].text().strip(),
            email=self.inputs["email"].text().strip(),
            bin=self.inputs["bin"].text().strip(),
            website=self.inputs["website"].text().strip(),
            verified=self.verified.isChecked(),
            note=self.inputs["note"].text().strip(),
            origin="user",
        )

    def _field_name(self, field: str) -> str:
        msgid = self._field_labels.get(field)
        if msgid is None:
            return field
        return labels.without_mnemonic(self.translator.gettext(msgid)).rstrip(":").strip()

    def save_entry(self) -> bool:
        """Validate the edited entry and save it into the user's own directory file."""
        from kzcomplaint.core.law import directory

        entry = self.edited_entry()
        problems = directory.validate_entry(entry)
        if problems:
            self.feedback.show_error(
                "\n".join(
                    f"{self._field_name(problem.field)}: {problem.message.render(self.translator)}"
                    for problem in problems
                )
            )
            self.feedback.show()
            return False
        try:
            current = {item.id: item for item in directory.load_user_entries()}
        except directory.DirectoryError as error:
            # Saving now would replace the user's file, and every entry in it, by this one entry.
            self._show_file_problems(error)
            return False
        current[entry.id] = entry
        try:
            directory.save_user_entries(current.values())
        except OSError as error:
            self.feedback.show_error(cannot_write(directory.user_path(), error).render(self.translator))
            self.feedback.show()
            return False
        self._reload(select=entry.id)
        self.status.show_ok(
            self.translator.format(N_("Saved in your directory: {name}"), name=entry.name[self.translator.language])
        )
        return True

    def _new_entry(self) -> None:
        self.table.clearSelection()
        self.show_entry(None)
        self.inputs["id"].setText("my.")
        self.inputs["id"].setFocus()

    def _remove_user_version(self) -> None:
        from kzcomplaint.core.law import directory

        entry_id = self.inputs["id"].text().strip()
        try:
            remaining = [item for item in directory.load_user_entries() if item.id != entry_id]
            directory.save_user_entries(remaining)
        except directory.DirectoryError as error:
            self._show_file_problems(error)
            return
        except OSError as error:
            self.feedback.show_error(cannot_write(directory.user_path(), error).render(self.translator))
            self.feedback.show()
            return
        self._reload(select=entry_id)

    def _reload(self, select: str = "") -> None:
        self.draft.reload_directory()
        self.model.set_directory(self.draft.directory)
        for row in range(self.proxy.rowCount()):
            if self.proxy.data(self.proxy.index(row, 0), ENTRY_ID_ROLE) == select:
                self.table.selectRow(row)
                return

    def _show_file_problems(self, error: DirectoryError, title: str = N_("Directory of bodies")) -> None:
        """Every problem of an unusable directory file, as a list (``title`` is a msgid)."""
        problems = [
            FileProblem(" · ".join(part for part in (problem.entry, problem.field) if part), problem.message)
            for problem in error.problems
        ]
        self.problems_dialog = ProblemsDialog(
            self.translator, self.translator.gettext(title), error.source, problems, self
        )
        self.problems_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.problems_dialog.open()

    # --- files -------------------------------------------------------------------------

    def import_file(self, path: Path | None = None) -> bool:
        """Import a directory file (TOML or JSON); show every problem when it is unusable."""
        from kzcomplaint.core.law import directory

        if path is None:
            name = files.open_file(
                self,
                self.translator.gettext(N_("Import a directory")),
                "",
                self.translator.gettext(N_("Directory files (*.toml *.json)")),
            )
            if not name:
                return False
            path = Path(name)
        try:
            imported = directory.import_entries(path)
        except directory.DirectoryError as error:
            self._show_file_problems(error, N_("Import a directory"))
            return False
        except OSError as error:
            self.status.show_error(str(error.strerror or error))
            return False
        self._reload()
        self.status.show_ok(self.translator.format(N_("Imported {count} entries."), count=len(imported)))
        return True

    def export_file(self, path: Path | None = None) -> bool:
        """Export the whole directory (shipped and your entries) as TOML or JSON."""
        from kzcomplaint.core.law import directory

        if path is None:
            name = files.save_file(
                self,
                self.translator.gettext(N_("Export the directory")),
                "bodies.toml",
                self.translator.gettext(N_("Directory files (*.toml *.json)")),
            )
            if not name:
                return False
            path = Path(name)
        if path.suffix.lower() not in (".toml", ".json"):
            path = path.with_suffix(".toml")
        try:
            directory.export_entries(self.draft.directory.entries.values(), path)
        except directory.DirectoryError as error:  # a suffix it cannot write
            self._show_file_problems(error, N_("Export the directory"))
            return False
        except OSError as error:
            self.status.show_error(cannot_write(path, error).render(self.translator))
            return False
        self.status.show_ok(self.translator.format(N_("Exported to {file}"), file=str(path)))
        return True
