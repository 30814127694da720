"""A file that cannot be used (a case, a directory, a calendar): each problem with its place and what to do."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kzcomplaint.core.text.i18n import N_, Message, Translator
from kzcomplaint.gui.widgets.delegates import WrappingDelegate


@dataclasses.dataclass(frozen=True)
class FileProblem:
    """One line of a problems list: which entry or field, and what to do."""

    where: str
    message: Message


class ProblemsDialog(QDialog):
    """A file that cannot be used: its name, then each problem as (field, what to do)."""

    def __init__(
        self,
        tr: Translator,
        title: str,
        source: str,
        problems: Sequence[FileProblem],
        parent: QWidget | None = None,
        header: str | None = None,
    ) -> None:
        """Show ``problems`` of the file ``source`` under ``header`` (by default: it cannot be used)."""
        super().__init__(parent)
        self.setWindowTitle(title)
        if header is None:
            header = tr.format(N_("The file {file} cannot be used. What to fix:"), file=source)
        self.header = QLabel(header, self)
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
