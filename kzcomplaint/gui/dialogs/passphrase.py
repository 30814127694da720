"""The passphrase: set it (saying first that a forgotten one cannot be recovered), or give it at start."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kzcomplaint.core.text.i18n import N_, Message, Translator
from kzcomplaint.gui.widgets.fields import FeedbackLabel, form_layout

MSG_SET_TITLE = N_("Protect your drafts with a passphrase")
MSG_SET_INTRO = N_(
    "With a passphrase, your autosaved drafts, the drafts kept aside, the list of recent cases and your "
    "remembered details are kept encrypted on this computer: someone who takes the computer cannot read them. "
    "kzcomplaint asks for the passphrase each time it starts."
)
MSG_UNRECOVERABLE = N_(
    "If you forget the passphrase, nobody can recover these drafts and details — not you, not the team, "
    "not anyone. Write it down somewhere safe. Case files you save yourself stay ordinary files."
)
MSG_PASSPHRASE = N_("&Passphrase:")
MSG_REPEAT = N_("&Repeat it:")
MSG_MISMATCH = N_("The two passphrases differ. Type the same passphrase twice.")
MSG_UNLOCK_TITLE = N_("Passphrase")
MSG_UNLOCK_INTRO = N_(
    "Your drafts and details on this computer are protected by a passphrase. Give it to restore your drafts "
    "and keep autosaving. Without it, nothing is read and nothing is autosaved."
)


class PassphraseDialog(QDialog):
    """Asks for a new passphrase (twice, with the warning) or for the passphrase set."""

    def __init__(self, tr: Translator, *, new: bool, parent: QWidget | None = None) -> None:
        """``new``: set a passphrase; otherwise give the one set."""
        super().__init__(parent)
        self.tr_ = tr
        self.new = new
        self.setWindowTitle(tr.gettext(MSG_SET_TITLE if new else MSG_UNLOCK_TITLE))
        self.intro = QLabel(tr.gettext(MSG_SET_INTRO if new else MSG_UNLOCK_INTRO), self)
        self.intro.setWordWrap(True)
        self.warning = FeedbackLabel(self)
        self.warning.show_error(tr.gettext(MSG_UNRECOVERABLE))
        self.warning.setVisible(new)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form = form_layout()
        label = QLabel(tr.gettext(MSG_PASSPHRASE), self)
        label.setBuddy(self.passphrase)
        form.addRow(label, self.passphrase)
        self.repeat_label = QLabel(tr.gettext(MSG_REPEAT), self)
        self.repeat_label.setBuddy(self.repeat)
        form.addRow(self.repeat_label, self.repeat)
        self.repeat.setVisible(new)
        self.repeat_label.setVisible(new)
        self.feedback = FeedbackLabel(self)
        self.feedback.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(self.feedback)
        layout.addWidget(buttons)
        self.passphrase.setAccessibleName(tr.gettext(MSG_PASSPHRASE).replace("&", ""))
        self.repeat.setAccessibleName(tr.gettext(MSG_REPEAT).replace("&", ""))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.adjustSize()

    def show_problem(self, message: Message) -> None:
        """Say why the passphrase was not taken; the dialog stays open."""
        self.feedback.show_error(message.render(self.tr_))
        self.feedback.show()
        self.adjustSize()  # the wrapped texts keep their full height
        self.passphrase.setFocus()
        self.passphrase.selectAll()

    def accept(self) -> None:
        """Check a new passphrase (length, typed twice the same) before closing."""
        if self.new:
            from kzcomplaint.core.case import vault

            problem = vault.check_passphrase(self.passphrase.text())
            if problem is None and self.passphrase.text() != self.repeat.text():
                problem = Message(MSG_MISMATCH)
            if problem is not None:
                self.show_problem(problem)
                return
        super().accept()

    def value(self) -> str:
        """The passphrase typed."""
        return self.passphrase.text()
