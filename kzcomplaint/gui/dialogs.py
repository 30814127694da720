"""Dialogs: first run, problems of a file, the directory of bodies, training date, errors."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kzcomplaint.core.case.model import Level
from kzcomplaint.core.law.directory import BodyEntry, DirectoryError
from kzcomplaint.core.text.i18n import N_, Message, Translator
from kzcomplaint.core.text.languages import LANGUAGES
from kzcomplaint.gui import labels
from kzcomplaint.gui.delegates import WrappingDelegate
from kzcomplaint.gui.draft import DraftController
from kzcomplaint.gui.i18n import LANGUAGE_NAMES, UiLanguage
from kzcomplaint.gui.models import ENTRY_ID_ROLE, DirectoryModel
from kzcomplaint.gui.settings import ROLES
from kzcomplaint.gui.widgets import DateField, FeedbackLabel, form_layout

ROLE_NAMES = {
    "observer": N_("&Observer"),
    "lawyer": N_("&Lawyer"),
    "trainer": N_("&Trainer"),
}
ROLE_HINTS = {
    "observer": N_("A complaint or an act in minutes, on voting day and after."),
    "lawyer": N_("Appeals and court claims; the representative's details are asked for."),
    "trainer": N_("Exercises with fictitious cases; you can set the date the app takes as today."),
}


def show_error(parent: QWidget | None, tr: Translator, reason: str, what_to_do: str) -> None:
    """An error as a dialog: the reason and what to do, never a traceback."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(tr.gettext(N_("kzcomplaint")))
    box.setText(reason)
    box.setInformativeText(what_to_do)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


class FirstRunDialog(QDialog):
    """Asks the interface language and the user's role; the dialog re-translates as a language is picked."""

    def __init__(self, ui: UiLanguage, role: str = "observer", parent: QWidget | None = None) -> None:
        """Offer the three languages (each in its own name) and the three roles."""
        super().__init__(parent)
        self.ui = ui
        self.language_box = QGroupBox(self)
        self.language_group = QButtonGroup(self)
        language_layout = QVBoxLayout(self.language_box)
        self.language_buttons: dict[str, QRadioButton] = {}
        for language in LANGUAGES:
            button = QRadioButton(LANGUAGE_NAMES[language], self.language_box)
            button.setChecked(language == ui.language)
            self.language_group.addButton(button)
            language_layout.addWidget(button)
            self.language_buttons[language] = button
            button.toggled.connect(lambda checked, code=language: self._language_toggled(code, checked))
        self.role_box = QGroupBox(self)
        self.role_group = QButtonGroup(self)
        role_layout = QVBoxLayout(self.role_box)
        self.role_buttons: dict[str, QRadioButton] = {}
        self.role_hints: dict[str, QLabel] = {}
        for value in ROLES:
            button = QRadioButton(self.role_box)
            button.setChecked(value == role)
            hint = QLabel(self.role_box)
            hint.setWordWrap(True)
            hint.setIndent(24)
            self.role_group.addButton(button)
            role_layout.addWidget(button)
            role_layout.addWidget(hint)
            self.role_buttons[value] = button
            self.role_hints[value] = hint
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.language_box)
        layout.addWidget(self.role_box)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        ui.changed.connect(self.retranslate)
        self.retranslate()

    def _language_toggled(self, language: str, checked: bool) -> None:
        if checked:
            self.ui.set_language(language)

    def retranslate(self, *_args: object) -> None:
        """All texts in the language picked."""
        tr = self.ui.translator
        self.setWindowTitle(tr.gettext(N_("Welcome to kzcomplaint")))
        self.language_box.setTitle(tr.gettext(N_("Interface language")))
        self.role_box.setTitle(tr.gettext(N_("You are")))
        for value in ROLES:
            self.role_buttons[value].setText(tr.gettext(ROLE_NAMES[value]))
            self.role_hints[value].setText(tr.gettext(ROLE_HINTS[value]))
        self.note.setText(tr.gettext(N_("Both can be changed later in the Settings menu.")))

    def chosen(self) -> tuple[str, str]:
        """The language and role picked."""
        language = next(code for code, button in self.language_buttons.items() if button.isChecked())
        role = next((value for value, button in self.role_buttons.items() if button.isChecked()), "observer")
        return language, role


@dataclasses.dataclass(frozen=True)
class FileProblem:
    """One line of a problems list: which entry or field, and what to do."""

    where: str
    message: Message


class ProblemsDialog(QDialog):
    """A file that cannot be used: its name, then each problem as (field, what to do)."""

    def __init__(
        self, tr: Translator, title: str, source: str, problems: Sequence[FileProblem], parent: QWidget | None = None
    ) -> None:
        """Show ``problems`` of the file ``source``."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.header = QLabel(tr.format(N_("The file {file} cannot be used. What to fix:"), file=source), self)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([tr.gettext(N_("Field")), tr.gettext(N_("What to do"))])
        for problem in problems:
            where = QStandardItem(problem.where or tr.gettext(N_("(whole file)")))
            message = QStandardItem(problem.message.render(tr))
            message.setToolTip(message.text())
            for item in (where, message):
                item.setEditable(False)
            self.model.appendRow([where, message])
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setWordWrap(True)
        self.view.setUniformRowHeights(False)
        self.view.setAccessibleName(tr.gettext(N_("Problems")))
        self.view.setItemDelegate(WrappingDelegate(self.view))
        self.view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.view.header().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 120, self.fontMetrics().lineSpacing() * 24)

    def rows(self) -> list[tuple[str, str]]:
        """The problems as shown: (field, what to do)."""
        return [
            (self.model.item(row, 0).text(), self.model.item(row, 1).text()) for row in range(self.model.rowCount())
        ]


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
        for key, msgid, widget in rows:
            label = QLabel(tr.gettext(msgid))
            label.setBuddy(widget)
            widget.setAccessibleName(labels.without_mnemonic(label.text()))
            form.addRow(label, widget)
            if isinstance(widget, QLineEdit):
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

    def save_entry(self) -> bool:
        """Validate the edited entry and save it into the user's own directory file."""
        from kzcomplaint.core.law import directory

        entry = self.edited_entry()
        problems = directory.validate_entry(entry)
        if problems:
            self.feedback.show_error(
                "\n".join(f"{problem.field}: {problem.message.render(self.translator)}" for problem in problems)
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
            self.feedback.show_error(str(error.strerror or error))
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
            self.feedback.show_error(str(error.strerror or error))
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
            name, _filter = QFileDialog.getOpenFileName(
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
            name, _filter = QFileDialog.getSaveFileName(
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
        except (OSError, directory.DirectoryError) as error:
            self.status.show_error(str(error))
            return False
        self.status.show_ok(self.translator.format(N_("Exported to {file}"), file=str(path)))
        return True
