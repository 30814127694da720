"""The first run: the interface language and the user's role (observer, lawyer, trainer)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kzcomplaint.core.text.i18n import N_
from kzcomplaint.core.text.languages import LANGUAGES
from kzcomplaint.gui.i18n import LANGUAGE_NAMES, UiLanguage
from kzcomplaint.gui.settings import ROLE_NAMES, ROLES

ROLE_HINTS = {
    "observer": N_("A complaint or an act in minutes, on voting day and after."),
    "lawyer": N_("Appeals and court claims; the representative's details are asked for."),
    "trainer": N_("Exercises with fictitious cases; you can set the date the app takes as today."),
}


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
