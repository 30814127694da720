"""The quoted text of a provision the app cites, opened from a citation (Check and Deadlines pages).

Offline, from the shipped texts: an observer can read the article aloud to
a commission chair. Only the official Russian text is shipped; in a Kazakh
or English interface the dialog says so rather than translating a statute.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from kzcomplaint.core.text.i18n import N_, Translator

if TYPE_CHECKING:
    from kzcomplaint.core.law.citations import Citation

MSG_TITLE = N_("Text of the law")
MSG_UNCONFIRMED = N_("The app marks this citation unconfirmed: check the text in force before relying on it.")
MSG_NO_TEXT = N_("The app has no quoted text of this provision.")


def law_text_html(citation: Citation, tr: Translator) -> str:
    """The provision's quoted text with its source and date, as rich text in ``tr``'s language."""
    from kzcomplaint.core.law import texts

    found = texts.texts_for(citation)
    parts = [f"<h3>{html.escape(citation.text(tr.language))}</h3>"]
    if not citation.is_confirmed:
        parts.append(f"<p><b>{html.escape(tr.gettext(MSG_UNCONFIRMED))}</b></p>")
    if not found:
        parts.append(f"<p>{html.escape(tr.gettext(MSG_NO_TEXT))}</p>")
    for provision in found:
        language, text = provision.quote(tr.language)
        parts.append(f"<p><i>{html.escape(provision.title)}</i></p>")
        paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
        parts.append(f'<div lang="{language}">{paragraphs}</div>')
        about = " ".join(line.render(tr) for line in texts.about(provision, tr.language))
        parts.append(f"<p><small>{html.escape(about)}</small></p>")
    return "".join(parts)


class LawTextDialog(QDialog):
    """Shows what a citation says, with where and as of when the wording was taken."""

    def __init__(self, citation: Citation, tr: Translator, parent: QWidget | None = None) -> None:
        """Build the dialog for ``citation`` in ``tr``'s language."""
        super().__init__(parent)
        self.setWindowTitle(tr.gettext(MSG_TITLE))
        self.citation = citation
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # offline: nothing here opens a network address
        self.browser.setHtml(law_text_html(citation, tr))
        self.browser.setAccessibleName(tr.gettext(MSG_TITLE))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def text(self) -> str:
        """The plain text shown (for tests and screen readers)."""
        return self.browser.toPlainText()
