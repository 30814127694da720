"""What happened: the catalogue's situations, grouped and searchable in plain words."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kzcomplaint.core.text.i18n import N_
from kzcomplaint.gui.labels import citation_text
from kzcomplaint.gui.models.lists import DESCRIPTION_ROLE, KIND_ROLE, CatalogFilter, CatalogModel
from kzcomplaint.gui.pages.base import BasePage

DOCUMENT_NAMES = {
    "complaint": N_("Complaint"),
    "act": N_("Act of a violation"),
    "appeal": N_("Appeal to a higher commission"),
    "claim": N_("Administrative claim to a court"),
}
MSG_NOTHING_FOUND = N_("Nothing found. Try other words, e.g. “not let in”, “removed”, “ballots”, “protocol”.")
MSG_CHOOSE = N_("Choose what happened to go on.")
MSG_SELECTED = N_("{document} · legal basis: {citation}")

_PADDING = 4


class KindDelegate(QStyledItemDelegate):
    """Paints a kind as its title in bold with its one-line description under it, wrapped."""

    def __init__(self, view: QTreeView) -> None:
        """Paint for ``view`` (its width decides the wrapping)."""
        super().__init__(view)
        self._view = view

    def _text_width(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> int:
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        width = self._view.viewport().width() - self._view.indentation() * (depth + 1) - 2 * _PADDING
        return max(width, 120)

    def _texts(self, index: QModelIndex | QPersistentModelIndex) -> tuple[str, str]:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or ""), str(index.data(DESCRIPTION_ROLE) or "")

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        """Room for the wrapped title and description."""
        if index.data(KIND_ROLE) is None:
            return super().sizeHint(option, index)
        title, description = self._texts(index)
        width = self._text_width(option, index)
        bold = QFontMetrics(self._bold(option))
        plain = QFontMetrics(option.font)
        flags = int(Qt.TextFlag.TextWordWrap)
        height = bold.boundingRect(QRect(0, 0, width, 100_000), flags, title).height()
        height += plain.boundingRect(QRect(0, 0, width, 100_000), flags, description).height()
        return QSize(width, height + 3 * _PADDING)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """Background and selection from the style; title and description as text."""
        if index.data(KIND_ROLE) is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        title, description = self._texts(index)
        option.text = ""
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active if option.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        )
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = option.rect.adjusted(_PADDING, _PADDING, -_PADDING, -_PADDING)
        flags = int(Qt.TextFlag.TextWordWrap)
        painter.save()
        bold = self._bold(option)
        painter.setFont(bold)
        painter.setPen(option.palette.color(group, text_role))
        title_rect = QFontMetrics(bold).boundingRect(QRect(0, 0, rect.width(), 100_000), flags, title)
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), title_rect.height()), flags, title)
        painter.setFont(option.font)
        if not selected:
            painter.setPen(option.palette.color(group, QPalette.ColorRole.PlaceholderText))
        description_rect = QRect(
            rect.left(), rect.top() + title_rect.height() + _PADDING // 2, rect.width(), rect.height()
        )
        painter.drawText(description_rect, flags, description)
        painter.restore()

    @staticmethod
    def _bold(option: QStyleOptionViewItem) -> QFont:
        bold = QFont(option.font)
        bold.setBold(True)
        return bold


class KindTree(QTreeView):
    """The catalogue tree; rows are re-measured when its width changes (text wraps)."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Re-wrap the descriptions to the new width."""
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.doItemsLayout()


class SituationPage(BasePage):
    """Choose the document kind by what happened."""

    STEP = "situation"

    def retranslate_titles(self) -> None:
        """Title and subtitle."""
        self.setTitle(self.step_title())
        self.setSubTitle(
            self.translator.gettext(N_("Find your situation in plain words; you need not know its legal name."))
        )

    def _build(self) -> None:
        self.search_label = QLabel(self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.model = CatalogModel(self)
        self.proxy = CatalogFilter(self)
        self.proxy.setSourceModel(self.model)
        self.tree = KindTree(self)
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(KindDelegate(self.tree))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Rows are as tall as their wrapped text: scrolled by item, the bar stayed drawn at the
        # top while the list showed its end. By pixel, the bar tells where the list is.
        self.tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tree.expandAll()
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.selected_label = QLabel(self)
        self.selected_label.setWordWrap(True)
        self.selected_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.selected_label)
        self.register("template", self.tree, N_("Situations"))
        self.search_label.setBuddy(self.search)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._filter)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.activated.connect(self._activated)

    def retranslate(self) -> None:
        """All texts of the page."""
        super().retranslate()
        tr = self.translator
        self.search_label.setText(tr.gettext(N_("&Search by what happened:")))
        self.search.setPlaceholderText(tr.gettext(N_("e.g. not let in, removed, ballots, protocol copy")))
        self.search.setAccessibleName(tr.gettext(N_("Search by what happened")))
        self.empty_label.setText(tr.gettext(MSG_NOTHING_FOUND))
        self.model.retranslate(tr)
        if self.search.text():
            self._filter(self.search.text())
        self.tree.doItemsLayout()
        self._show_selected()

    def _load(self) -> None:
        self._select_chosen()
        self._show_selected()
        self.completeChanged.emit()

    def store(self) -> None:
        """The selected kind becomes the case's template."""
        kind = self.tree.currentIndex().data(KIND_ROLE)
        if kind:
            self.draft.set_template(kind)

    def isComplete(self) -> bool:
        """Nothing sensible can follow until a known kind is chosen."""
        return self.draft.template_info() is not None

    def _filter(self, text: str) -> None:
        # Filtering moves Qt's current row; the user's choice stays what it was.
        with self.loading():
            self.proxy.set_search(text, self.translator.language)
            self.tree.expandAll()
            self._select_chosen()
        self.empty_label.setVisible(self.proxy.rowCount() == 0)

    def _select_chosen(self) -> None:
        template = self.draft.case.template
        source = self.model.index_of(template) if template else QModelIndex()
        index = self.proxy.mapFromSource(source) if source.isValid() else QModelIndex()
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        else:
            self.tree.selectionModel().clearSelection()
            self.tree.setCurrentIndex(QModelIndex())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading:
            return
        if current.data(KIND_ROLE) and current.data(KIND_ROLE) != self.draft.case.template:
            self.changed()
            self.completeChanged.emit()
        self._show_selected()

    def _activated(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE):
            wizard = self.wizard()
            if wizard is not None:
                wizard.next()

    def _show_selected(self) -> None:
        info = self.draft.template_info()
        if info is None:
            self.selected_label.setText(self.translator.gettext(MSG_CHOOSE))
            return
        tr = self.translator
        self.selected_label.setText(
            f"<b>{_html(info.title[tr.language])}</b><br>"
            + _html(
                tr.format(
                    MSG_SELECTED,
                    document=tr.gettext(DOCUMENT_NAMES.get(info.document, info.document)),
                    citation=citation_text(info.citation, tr),
                )
            )
        )

    def reset_for_new_case(self) -> None:
        """Another case: no search text of the last one, every situation listed."""
        with self.loading():
            self.search.clear()
        super().reset_for_new_case()

    def reveal_field(self, path: str) -> QWidget | None:
        """Clear the search so that every situation is visible."""
        widget = self.widget_for(path)
        self.search.clear()
        return widget


def _html(text: str) -> str:
    from html import escape

    return escape(text)
