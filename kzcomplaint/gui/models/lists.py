"""Qt item models fed from the core's dataclasses.

Each model takes core objects (catalogue entries, problems, deadlines,
evidence items, directory entries) and shows them in the current interface
language; ``retranslate(tr)`` re-words them. No model decides anything:
severity, citations, dates and warnings come from the core as they are. The
start page's models (recent cases, terms falling due) are in
:mod:`kzcomplaint.gui.models.start`, which the first window loads without this
module.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QStyle

from kzcomplaint.core.case.model import Evidence
from kzcomplaint.core.law.citations import MSG_VIA
from kzcomplaint.core.text import legal_dates
from kzcomplaint.core.text.i18n import N_, Translator
from kzcomplaint.gui.labels import MSG_IMMEDIATELY, citation_text, ground_text
from kzcomplaint.gui.models.start import TranslatedRowsModel

if TYPE_CHECKING:
    from kzcomplaint.core.law.catalog import TemplateInfo
    from kzcomplaint.core.law.checks import Problem
    from kzcomplaint.core.law.deadlines import Deadline
    from kzcomplaint.core.law.directory import BodyEntry, Directory

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
"""The document kind id of a catalogue row (None for a group row)."""
DESCRIPTION_ROLE = Qt.ItemDataRole.UserRole + 2
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 3
"""The directory entry id of a row.

Models keep their core objects in Python lists and hand out plain strings
through roles: a Python object stored in a QVariant can outlive the
interpreter's objects when the application shuts down."""

MSG_BLOCKING = N_("Blocking")
MSG_WARNING = N_("Warning")
MSG_NO_FILE = N_("(no file)")
MSG_TO_CONFIRM = N_("to confirm")
MSG_VERIFIED = N_("verified")
MSG_NO_DATE = N_("date not known yet")
MSG_RECOMMENDED = N_("File by {date} (last working day)")
MSG_CITATION = N_("Citation: {citation}")
EVIDENCE_COLUMNS = (N_("What it shows"), N_("File"))
"""The evidence table's column titles (msgids; a marker nested in a call is not extracted)."""
MSG_OPEN_LAW = N_("Double-click, or press “Read the text of the law”, to read what it says")


def _icon(pixmap: QStyle.StandardPixmap) -> Any:
    style = QApplication.style()
    return style.standardIcon(pixmap) if style is not None else None


# --- the catalogue -----------------------------------------------------------------------


class CatalogModel(QStandardItemModel):
    """The document kinds grouped as the catalogue groups them: title and one-line description."""

    def __init__(self, parent: Any = None) -> None:
        """Load the catalogue (groups and kinds, in file order)."""
        super().__init__(parent)
        from kzcomplaint.core.law import catalog

        self._groups = catalog.groups()
        self._kinds = catalog.catalog()
        self._items: dict[str, QStandardItem] = {}
        for group in self._groups:
            group_item = QStandardItem()
            group_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group_item.setData(None, KIND_ROLE)
            for kind_id in group.kinds:
                item = QStandardItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setData(kind_id, KIND_ROLE)
                group_item.appendRow(item)
                self._items[kind_id] = item
            self.appendRow(group_item)

    def retranslate(self, tr: Translator) -> None:
        """Show titles and descriptions in ``tr``'s language."""
        language = tr.language
        for row, group in enumerate(self._groups):
            group_item = self.item(row)
            group_item.setText(group.title[language])
            font = group_item.font()
            font.setBold(True)
            group_item.setFont(font)
            for kind_id in group.kinds:
                info: TemplateInfo = self._kinds[kind_id]
                item = self._items[kind_id]
                item.setText(info.title[language])
                item.setData(info.description[language], DESCRIPTION_ROLE)
                item.setToolTip(info.description[language])
                item.setAccessibleText(f"{info.title[language]}. {info.description[language]}")

    def index_of(self, kind_id: str) -> QModelIndex:
        """The index of a kind's row (invalid when unknown)."""
        item = self._items.get(kind_id)
        return item.index() if item is not None else QModelIndex()


class CatalogFilter(QSortFilterProxyModel):
    """Keeps the kinds the core's catalogue search finds in the interface language."""

    def __init__(self, parent: Any = None) -> None:
        """Show everything until a search text is set."""
        super().__init__(parent)
        self._matches: set[str] | None = None
        self.setRecursiveFilteringEnabled(True)

    def set_search(self, text: str, language: str) -> None:
        """Filter by ``text`` searched in ``language`` (titles, descriptions, keywords), else in all three."""
        from kzcomplaint.core.law import catalog

        self.beginFilterChange()
        # In the interface language first; people type in the language they think in, so a
        # Kazakh word in a Russian interface («шығарып») finds its kinds through the others.
        found = catalog.search(text, language) or catalog.search(text) if text.strip() else []
        self._matches = None if not text.strip() else {info.id for info in found}
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        """Accept kinds found by the search; groups are kept when a kind of theirs is."""
        if self._matches is None:
            return True
        model = self.sourceModel()
        kind_id = model.index(source_row, 0, source_parent).data(KIND_ROLE)
        return kind_id is not None and kind_id in self._matches


# --- problems ------------------------------------------------------------------------------


class ProblemModel(QAbstractTableModel):
    """The checker's problems, blocking first, with message and citation."""

    COLUMNS = 3

    def __init__(self, parent: Any = None) -> None:
        """Start empty."""
        super().__init__(parent)
        self._problems: list[Problem] = []
        self._tr: Translator | None = None

    def set_problems(self, problems: Sequence[Problem]) -> None:
        """Show ``problems`` in the order the core gives them (blocking first)."""
        self.beginResetModel()
        self._problems = list(problems)
        self.endResetModel()

    def retranslate(self, tr: Translator) -> None:
        """Re-word every row."""
        self._tr = tr
        if self._problems:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._problems) - 1, self.COLUMNS - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)

    def problem(self, row: int) -> Problem | None:
        """The problem shown in ``row``."""
        return self._problems[row] if 0 <= row < len(self._problems) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 - the default index is Qt's signature
        """Number of problems."""
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 - the default index is Qt's signature
        """Severity, message, citation."""
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or self._tr is None:
            return None
        titles = (N_("Severity"), N_("Problem"), N_("Legal basis"))
        return self._tr.gettext(titles[section])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Texts in the interface language; icons by severity; the hint as tooltip."""
        problem = self.problem(index.row())
        if problem is None or self._tr is None:
            return None
        tr = self._tr
        language = tr.language
        column = index.column()
        blocking = problem.severity == "blocking"
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return tr.gettext(MSG_BLOCKING if blocking else MSG_WARNING)
            if column == 1:
                return problem.message[language]
            return ground_text(problem.citation, tr)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return _icon(
                QStyle.StandardPixmap.SP_MessageBoxCritical if blocking else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            hint = problem.hint[language] if problem.hint else ""
            return f"{problem.message[language]}\n{hint}".strip()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        return None


# --- deadlines --------------------------------------------------------------------------------


class DeadlineModel(TranslatedRowsModel["Deadline"]):
    """Each term with its last day and status; under it the working, the warnings and the citation."""

    def set_deadlines(self, deadlines: Sequence[Deadline]) -> None:
        """Show ``deadlines`` as the core computed them."""
        self.set_rows(deadlines)

    def deadline_at(self, index: QModelIndex | QPersistentModelIndex) -> Deadline | None:
        """The term an index belongs to: its own row, or the row of the term it is a step of."""
        if not index.isValid():
            return None
        while index.parent().isValid():
            index = index.parent()
        row = index.row()
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _fill(self, tr: Translator) -> None:
        language = tr.language
        self.setHorizontalHeaderLabels([tr.gettext(N_("Term")), tr.gettext(N_("Last day")), tr.gettext(N_("Status"))])
        warn_icon = _icon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for deadline in self._rows:
            title = QStandardItem(deadline.title[language])
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            if deadline.immediate:
                last = tr.gettext(MSG_IMMEDIATELY)
            elif deadline.last_day is not None:
                last = legal_dates.format_legal_date(deadline.last_day, language)
            else:
                last = tr.gettext(MSG_NO_DATE)
            last_item = QStandardItem(last)
            last_item.setFont(font)
            status = "\n".join(warning.message.render(tr) for warning in deadline.warnings)  # sentences, each whole
            status_item = QStandardItem(status)
            status_item.setToolTip(status)
            if deadline.warnings:
                status_item.setIcon(warn_icon)
            for item in (title, last_item, status_item):
                item.setEditable(False)
            for step in deadline.steps:
                child = QStandardItem(step.render(tr))
                child.setEditable(False)
                child.setToolTip(child.text())
                title.appendRow([child, QStandardItem(), QStandardItem()])
            for warning in deadline.warnings:
                child = QStandardItem(warning.message.render(tr))
                child.setIcon(warn_icon)
                child.setEditable(False)
                child.setToolTip(child.text())
                title.appendRow([child, QStandardItem(), QStandardItem()])
            if deadline.recommended_day is not None and deadline.recommended_day != deadline.last_day:
                child = QStandardItem(
                    tr.format(MSG_RECOMMENDED, date=legal_dates.format_legal_date(deadline.recommended_day, language))
                )
                child.setEditable(False)
                title.appendRow([child, QStandardItem(), QStandardItem()])
            cite = QStandardItem(tr.format(MSG_CITATION, citation=citation_text(deadline.citation, tr)))
            cite.setEditable(False)
            cite.setToolTip(tr.gettext(MSG_OPEN_LAW))
            title.appendRow([cite, QStandardItem(), QStandardItem()])
            if deadline.via is not None:
                via = QStandardItem(tr.format(MSG_VIA, via=deadline.via.text(language)))
                via.setEditable(False)
                title.appendRow([via, QStandardItem(), QStandardItem()])
            self.appendRow([title, last_item, status_item])


# --- evidence ----------------------------------------------------------------------------------


class EvidenceModel(QAbstractTableModel):
    """The evidence items of the case: an editable description and the attached file."""

    def __init__(self, parent: Any = None) -> None:
        """Start empty."""
        super().__init__(parent)
        self._items: list[Evidence] = []
        self._tr: Translator | None = None

    def set_items(self, items: Sequence[Evidence]) -> None:
        """Show copies of ``items``."""
        self.beginResetModel()
        self._items = [dataclasses.replace(item, translations=dict(item.translations)) for item in items]
        self.endResetModel()

    def items(self) -> list[Evidence]:
        """The items as edited."""
        return [dataclasses.replace(item, translations=dict(item.translations)) for item in self._items]

    def add(self, item: Evidence) -> int:
        """Append ``item``; return its row."""
        row = len(self._items)
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.append(item)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        """Remove the item in ``row``."""
        if 0 <= row < len(self._items):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._items[row]
            self.endRemoveRows()

    def retranslate(self, tr: Translator) -> None:
        """Re-word the headers."""
        self._tr = tr
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)
        if self._items:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self._items) - 1, 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 - the default index is Qt's signature
        """Number of items."""
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 - the default index is Qt's signature
        """Description, file."""
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or self._tr is None:
            return None
        return self._tr.gettext(EVIDENCE_COLUMNS[section])

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        """The description is editable in place."""
        flags = super().flags(index)
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Description and file name."""
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.AccessibleTextRole):
            if index.column() == 0:
                return item.description
            if item.file:
                return Path(item.file).name
            return self._tr.gettext(MSG_NO_FILE) if self._tr else ""
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return item.file or None
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        """Edit a description (within its limit, without control characters, as every input of the case)."""
        if role != Qt.ItemDataRole.EditRole or index.column() != 0 or not index.isValid():
            return False
        from kzcomplaint.core.case import limits

        text = limits.clean_text(str(value))[0][: limits.text_limit("evidence.description")]
        self._items[index.row()].description = text
        self.dataChanged.emit(index, index)
        return True


# --- the directory of bodies -----------------------------------------------------------------------


class DirectoryModel(QAbstractTableModel):
    """Directory entries: name (interface language), region, contacts, verified or to confirm."""

    FIELDS = ("name", "level", "region", "address", "phone", "email", "bin", "verified")

    def __init__(self, directory: Directory, parent: Any = None) -> None:
        """Show the entries of ``directory``."""
        super().__init__(parent)
        self._directory = directory
        self._entries: list[BodyEntry] = list(directory.entries.values())
        self._tr: Translator | None = None

    def set_directory(self, directory: Directory) -> None:
        """Show another directory (after an import or an edit)."""
        self.beginResetModel()
        self._directory = directory
        self._entries = list(directory.entries.values())
        self.endResetModel()

    def entry(self, row: int) -> BodyEntry | None:
        """The entry in ``row``."""
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def retranslate(self, tr: Translator) -> None:
        """Re-word the rows and headers."""
        self.beginResetModel()
        self._tr = tr
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 - the default index is Qt's signature
        """Number of entries."""
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 - the default index is Qt's signature
        """One column per shown field."""
        return 0 if parent.isValid() else len(self.FIELDS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or self._tr is None:
            return None
        titles = (
            N_("Name"),
            N_("Level"),
            N_("Region"),
            N_("Address"),
            N_("Phone"),
            N_("E-mail"),
            N_("BIN"),
            N_("Checked"),
        )
        return self._tr.gettext(titles[section])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Entry fields; empty contacts read "to confirm"."""
        entry = self.entry(index.row())
        if entry is None or self._tr is None:
            return None
        tr = self._tr
        field = self.FIELDS[index.column()]
        if role == ENTRY_ID_ROLE:
            return entry.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if field == "name":
                return entry.name[tr.language]
            if field == "level":
                return self._directory.level_name(entry.level, tr.language)
            if field == "region":
                return self._directory.region_name(entry.region, tr.language)
            if field == "verified":
                return tr.gettext(MSG_VERIFIED if entry.verified else MSG_TO_CONFIRM)
            value = getattr(entry, field)
            return value or f"({tr.gettext(MSG_TO_CONFIRM)})"
        if role == Qt.ItemDataRole.ForegroundRole and field not in ("name", "level", "region"):
            if (field == "verified" and not entry.verified) or (field != "verified" and not getattr(entry, field)):
                palette = QApplication.palette()
                return palette.placeholderText()
        return None


def today_label(today: dt.date | None, tr: Translator) -> str:
    """The date the app takes as today, in the legal form."""
    return legal_dates.format_legal_date(today or dt.date.today(), tr.language)
