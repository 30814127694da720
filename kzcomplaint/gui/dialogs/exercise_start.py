"""Start an exercise: choose a scenario (by name, in the workshop's language) and say who you are."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kzcomplaint.core.law import catalog
from kzcomplaint.core.text.i18n import N_, Translator
from kzcomplaint.core.text.languages import LANGUAGES
from kzcomplaint.core.workshop import packs
from kzcomplaint.gui.i18n import LANGUAGE_NAMES

MSG_DEFECTS = N_("Planted defects: {count}")


class StartExerciseDialog(QDialog):
    """The scenarios of the packs at hand, grouped; the workshop's language; the participant's name."""

    addPackRequested = Signal()

    def __init__(
        self, tr: Translator, library: packs.Library, parent: QWidget | None = None, *, for_key: bool = False
    ) -> None:
        """List ``library``'s scenarios; the workshop's language starts as the interface's.

        ``for_key``: the trainer chooses a scenario for its answer key (no participant's name).
        """
        super().__init__(parent)
        self.tr_ui = tr
        self.for_key = for_key
        self.library = library
        self.language = QComboBox(self)
        for language in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[language], language)
        self.language.setCurrentIndex(LANGUAGES.index(tr.language))
        self.participant = QLineEdit(self)
        self.participant.setMaxLength(200)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.preview = QTextBrowser(self)
        self.add_pack = QPushButton(self)
        self.add_pack.clicked.connect(self.addPackRequested)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.addButton(self.add_pack, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.language_label = QLabel(self)
        self.participant_label = QLabel(self)
        self.language_label.setBuddy(self.language)
        self.participant_label.setBuddy(self.participant)
        self.form.addRow(self.language_label, self.language)
        self.form.addRow(self.participant_label, self.participant)
        self.participant.setVisible(not for_key)
        self.participant_label.setVisible(not for_key)
        self.add_pack.setVisible(not for_key)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.tree, 2)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        self.language.currentIndexChanged.connect(lambda _index: self.fill())
        self.tree.currentItemChanged.connect(lambda *_: self._selected())
        # A double click, or Enter (the input guard lets Enter activate the row only): start it.
        self.tree.itemActivated.connect(lambda item, _column: self._activated(item))
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 90, metrics.lineSpacing() * 34)
        self.retranslate()
        self.fill()

    def retranslate(self) -> None:
        """Texts in the interface language."""
        tr = self.tr_ui
        self.setWindowTitle(tr.gettext(N_("Save an answer key") if self.for_key else N_("Start an exercise")))
        self.language_label.setText(tr.gettext(N_("Workshop &language:")))
        self.participant_label.setText(tr.gettext(N_("Your &name (for the trainer):")))
        self.add_pack.setText(tr.gettext(N_("Add a &pack…")))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr.gettext(N_("&Save the key…") if self.for_key else N_("&Start")))

    def workshop_language(self) -> str:
        """The language chosen for the exercise."""
        return str(self.language.currentData())

    def set_library(self, library: packs.Library) -> None:
        """Show the scenarios of ``library`` (after a pack was added)."""
        self.library = library
        self.fill()

    def fill(self) -> None:
        """The scenarios written in the workshop's language, under their groups."""
        language = self.workshop_language()
        chosen = self.scenario()
        self.tree.clear()
        titles = {group.id: group.title[self.tr_ui.language] for group in catalog.groups()}
        first: QTreeWidgetItem | None = None
        for group_id, group_title in titles.items():
            scenarios = [s for s in self.library.scenarios if s.group == group_id and language in s.languages]
            if not scenarios:
                continue
            group_item = QTreeWidgetItem([group_title])
            group_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group_item)
            for scenario in scenarios:
                item = QTreeWidgetItem([scenario.title[language]])
                item.setData(0, Qt.ItemDataRole.UserRole, scenario.id)
                group_item.addChild(item)
                if first is None or (chosen is not None and scenario.id == chosen.id):
                    first = item
            group_item.setExpanded(True)
        if first is not None:
            self.tree.setCurrentItem(first)
        self._selected()

    def scenario(self) -> packs.Scenario | None:
        """The scenario selected, if any."""
        item = self.tree.currentItem() if hasattr(self, "tree") else None
        scenario_id = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return self.library.find(str(scenario_id)) if scenario_id else None

    def _selected(self) -> None:
        scenario = self.scenario()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(scenario is not None)
        if scenario is None:
            self.preview.clear()
            return
        language = self.workshop_language()
        count = self.tr_ui.format(MSG_DEFECTS, count=scenario.max_score)
        self.preview.setPlainText(f"{scenario.story[language].strip()}\n\n{count}")

    def _activated(self, item: QTreeWidgetItem) -> None:
        if item.data(0, Qt.ItemDataRole.UserRole):
            self.accept()


__all__ = ["StartExerciseDialog"]
