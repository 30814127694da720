"""Help → Guide: the offline guide for a role (observer, lawyer, trainer), in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kzcomplaint.core.text.i18n import N_
from kzcomplaint.gui.guide import GUIDE_ROLES, guide_markdown
from kzcomplaint.gui.i18n import UiLanguage
from kzcomplaint.gui.labels import without_mnemonic
from kzcomplaint.gui.settings import ROLE_NAMES


class GuideDialog(QDialog):
    """The guide of the chosen role; it re-translates when the interface language changes."""

    def __init__(self, ui: UiLanguage, role: str, parent: QWidget | None = None) -> None:
        """Show the guide for ``role``."""
        super().__init__(parent)
        self.ui = ui
        self.role_label = QLabel(self)
        self.role = QComboBox(self)
        for value in GUIDE_ROLES:
            self.role.addItem("", value)
        self.role.setCurrentIndex(max(self.role.findData(role), 0))
        self.role_label.setBuddy(self.role)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)  # offline: the guide links nowhere
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.role_label)
        top.addWidget(self.role)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        size = QSize(metrics.averageCharWidth() * 120, metrics.lineSpacing() * 46)
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry().size()
            size = size.boundedTo(QSize(available.width() * 9 // 10, available.height() * 9 // 10))
        self.resize(size)
        self.role.currentIndexChanged.connect(self._show)
        ui.changed.connect(self.retranslate)
        self.retranslate()

    def show_role(self, role: str) -> None:
        """Show the guide of ``role``."""
        self.role.setCurrentIndex(max(self.role.findData(role), 0))

    def current_role(self) -> str:
        """The role whose guide is shown."""
        return str(self.role.currentData())

    def retranslate(self, *_args: object) -> None:
        """Title, role names and the guide itself in the interface language."""
        tr = self.ui.translator
        self.setWindowTitle(tr.gettext(N_("Guide")))
        self.role_label.setText(tr.gettext(N_("Guide &for:")))
        for index in range(self.role.count()):
            self.role.setItemText(index, without_mnemonic(tr.gettext(ROLE_NAMES[str(self.role.itemData(index))])))
        self._show()

    def _show(self, *_args: object) -> None:
        self.text.setMarkdown(guide_markdown(self.current_role(), self.ui.translator))
