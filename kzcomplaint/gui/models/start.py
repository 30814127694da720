"""Item models of the start page: the recent case files and the terms of them falling due.

They are apart from :mod:`kzcomplaint.gui.models.lists` because the first window
shows them: this module loads none of Qt's namespaces of enumerations (``Qt``,
``QStyle``), which cost more to load than the whole start page to build.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtGui import QStandardItem, QStandardItemModel

from kzcomplaint.core.text.i18n import N_, Translator
from kzcomplaint.gui.labels import MSG_IMMEDIATELY, citation_text, kind_title

if TYPE_CHECKING:
    from kzcomplaint.core.case.drafts import RecentCase
    from kzcomplaint.core.filing.due import DueTerm

MSG_BUCKET_TODAY = N_("Due today")
MSG_BUCKET_TOMORROW = N_("Due tomorrow")
MSG_BUCKET_WEEK = N_("Due this week")
MSG_MISSING_FILE = N_("file not found")

Row = TypeVar("Row")


class TranslatedRowsModel(QStandardItemModel, Generic[Row]):
    """Rows built from core results and re-worded whole on each change or language switch."""

    def __init__(self, parent: Any = None) -> None:
        """Start empty."""
        super().__init__(parent)
        self._rows: list[Row] = []
        self._tr: Translator | None = None

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show ``rows``."""
        self._rows = list(rows)
        self._rebuild()

    def retranslate(self, tr: Translator) -> None:
        """Re-word every row."""
        self._tr = tr
        self._rebuild()

    def _rebuild(self) -> None:
        self.clear()
        if self._tr is not None:
            self._fill(self._tr)

    def _fill(self, tr: Translator) -> None:
        """Append the rows in ``tr``'s language (the model is empty when called)."""
        raise NotImplementedError


class RecentModel(TranslatedRowsModel["RecentCase"]):
    """The recent case files: file name, document kind, folder."""

    def set_recent(self, recent: Sequence[RecentCase]) -> None:
        """Show ``recent``."""
        self.set_rows(recent)

    def path(self, row: int) -> Path | None:
        """The file of ``row``."""
        return self._rows[row].path if 0 <= row < len(self._rows) else None

    def _fill(self, tr: Translator) -> None:
        for recent in self._rows:
            kind = kind_title(recent.template, tr.language)
            text = f"{recent.path.name} — {kind}" if kind else recent.path.name
            if not recent.exists:
                text = f"{text} ({tr.gettext(MSG_MISSING_FILE)})"
            item = QStandardItem(text)
            item.setEditable(False)
            item.setToolTip(str(recent.path))
            self.appendRow(item)


class DueTermModel(TranslatedRowsModel["DueTerm"]):
    """Terms of recent cases falling due today, tomorrow and this week, with the rule behind each."""

    def set_terms(self, terms: Sequence[DueTerm]) -> None:
        """Show ``terms`` (already sorted by the core)."""
        self.set_rows(terms)

    def _fill(self, tr: Translator) -> None:
        self.setHorizontalHeaderLabels([tr.gettext(N_("When")), tr.gettext(N_("Case")), tr.gettext(N_("Term"))])
        if not self._rows:
            return
        from kzcomplaint.core.text import legal_dates

        titles = {"today": MSG_BUCKET_TODAY, "tomorrow": MSG_BUCKET_TOMORROW, "week": MSG_BUCKET_WEEK}
        for term in self._rows:
            deadline = term.deadline
            if deadline.immediate:
                when = tr.gettext(MSG_IMMEDIATELY)
            else:
                # Two lines: the column stays narrow and the term beside it gets the room.
                when = f"{tr.gettext(titles[term.bucket])}:\n{legal_dates.format_legal_date(term.due, tr.language)}"
            rule = f"{deadline.title[tr.language]} — {citation_text(deadline.citation, tr)}"
            if term.item is not None:
                # "The territorial commission must answer by …", "File “…” by …": who acts, on what.
                rule = f"{term.item.message().render(tr)}. {rule}"
            row = [QStandardItem(when), QStandardItem(term.path.name), QStandardItem(rule)]
            for item in row:
                item.setEditable(False)
                item.setToolTip(item.text())
            self.appendRow(row)
