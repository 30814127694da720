"""Item models of the start page: the recent case files and the terms of them falling due.

They are apart from :mod:`kzcomplaint.gui.models` because the first window
shows them: this module loads none of Qt's namespaces of enumerations (``Qt``,
``QStyle``), which cost more to load than the whole start page to build.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QStandardItem, QStandardItemModel

from kzcomplaint.core.i18n import N_, Translator
from kzcomplaint.gui.labels import MSG_IMMEDIATELY, citation_text

if TYPE_CHECKING:
    from kzcomplaint.core.drafts import DueTerm, RecentCase

MSG_BUCKET_TODAY = N_("Due today")
MSG_BUCKET_TOMORROW = N_("Due tomorrow")
MSG_BUCKET_WEEK = N_("Due this week")
MSG_MISSING_FILE = N_("file not found")


class RecentModel(QStandardItemModel):
    """The recent case files: file name, document kind, folder."""

    def __init__(self, parent: Any = None) -> None:
        """Start empty."""
        super().__init__(parent)
        self._recent: list[RecentCase] = []
        self._tr: Translator | None = None

    def set_recent(self, recent: Sequence[RecentCase]) -> None:
        """Show ``recent``."""
        self._recent = list(recent)
        self._rebuild()

    def retranslate(self, tr: Translator) -> None:
        """Re-word every row."""
        self._tr = tr
        self._rebuild()

    def path(self, row: int) -> Path | None:
        """The file of ``row``."""
        return self._recent[row].path if 0 <= row < len(self._recent) else None

    def _rebuild(self) -> None:
        self.clear()
        if self._tr is None or not self._recent:
            return
        from kzcomplaint.core import catalog

        kinds = catalog.catalog()
        for recent in self._recent:
            info = kinds.get(recent.template)
            kind = info.title[self._tr.language] if info else recent.template
            text = f"{recent.path.name} — {kind}" if kind else recent.path.name
            if not recent.exists:
                text = f"{text} ({self._tr.gettext(MSG_MISSING_FILE)})"
            item = QStandardItem(text)
            item.setEditable(False)
            item.setToolTip(str(recent.path))
            self.appendRow(item)


class DueTermModel(QStandardItemModel):
    """Terms of recent cases falling due today, tomorrow and this week, with the rule behind each."""

    def __init__(self, parent: Any = None) -> None:
        """Start empty."""
        super().__init__(parent)
        self._terms: list[DueTerm] = []
        self._tr: Translator | None = None

    def set_terms(self, terms: Sequence[DueTerm]) -> None:
        """Show ``terms`` (already sorted by the core)."""
        self._terms = list(terms)
        self._rebuild()

    def retranslate(self, tr: Translator) -> None:
        """Re-word every row."""
        self._tr = tr
        self._rebuild()

    def _rebuild(self) -> None:
        self.clear()
        tr = self._tr
        if tr is None:
            return
        self.setHorizontalHeaderLabels([tr.gettext(N_("When")), tr.gettext(N_("Case")), tr.gettext(N_("Term"))])
        if not self._terms:
            return
        from kzcomplaint.core import dates

        titles = {"today": MSG_BUCKET_TODAY, "tomorrow": MSG_BUCKET_TOMORROW, "week": MSG_BUCKET_WEEK}
        for term in self._terms:
            deadline = term.deadline
            if deadline.immediate:
                when = tr.gettext(MSG_IMMEDIATELY)
            else:
                when = f"{tr.gettext(titles[term.bucket])}: {dates.format_legal_date(term.due, tr.language)}"
            rule = f"{deadline.title[tr.language]} — {citation_text(deadline.citation, tr)}"
            row = [QStandardItem(when), QStandardItem(term.path.name), QStandardItem(rule)]
            for item in row:
                item.setEditable(False)
                item.setToolTip(item.text())
            self.appendRow(row)
