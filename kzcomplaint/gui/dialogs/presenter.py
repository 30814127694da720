"""The presenter view for a projector: large text, the story, then the defects one by one.

Slides, in the workshop's language: the title and the day of the story, the
story, the facts sheet, each planted defect (what the checker says, why it
matters, the grounds, the fix; a question first asks, then answers), and the
end. Arrow keys, Page Up/Down (a presenter's clicker) and Space move; F11
toggles full screen; Escape leaves it. The text grows with the window.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kzcomplaint.core.text.i18n import N_, Translator, translator
from kzcomplaint.core.text.languages import LANGUAGES
from kzcomplaint.core.text.legal_dates import format_legal_date
from kzcomplaint.core.workshop import answers, packs
from kzcomplaint.core.workshop.handouts import MSG_FACTS_SHEET, MSG_FIX, MSG_STORY, MSG_WHY
from kzcomplaint.gui.i18n import LANGUAGE_NAMES

MSG_SLIDE = N_("{number} / {total}")
MSG_DAY = N_("The day of the story: {date}")
MSG_DEFECT = N_("Defect {number} of {total}")
MSG_END = N_("That is every planted defect.")
MSG_END_DETAIL = N_(
    "Score: one point per defect fixed or question answered right, less a point per new blocking problem."
)

_NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Down}
_PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_Up}


def slides(scenario: packs.Scenario, language: str) -> list[str]:
    """The slides of ``scenario`` as HTML, in ``language`` (the workshop's)."""
    workshop = translator(language)

    def paragraphs(text: str) -> str:
        return "".join(f"<p>{html.escape(line.strip())}</p>" for line in text.strip().splitlines() if line.strip())

    title = html.escape(scenario.title[language])
    day = html.escape(workshop.format(MSG_DAY, date=format_legal_date(scenario.today, language)))
    result = [
        f"<h1>{title}</h1><p>{day}</p>",
        f"<h2>{html.escape(workshop.gettext(MSG_STORY))}</h2>{paragraphs(scenario.story[language])}",
        f"<h2>{html.escape(workshop.gettext(MSG_FACTS_SHEET))}</h2>{paragraphs(scenario.facts_sheet[language])}",
    ]
    entries = answers.answer_key(scenario, workshop)
    total = len(entries)
    for entry in entries:
        heading = html.escape(workshop.format(MSG_DEFECT, number=entry.number, total=total))
        if entry.question:  # asked first; the next slide answers
            result.append(f"<h2>{heading}</h2><p><b>{html.escape(entry.question)}</b></p>")
        why = html.escape(workshop.gettext(MSG_WHY))
        fix = html.escape(workshop.gettext(MSG_FIX))
        law = "<br>".join(html.escape(line) for line in entry.law)
        answer = ""
        if entry.question:
            answer = f"<p><b>{html.escape(workshop.format(answers.MSG_RIGHT_ANSWER, answer=entry.answer))}</b></p>"
        result.append(
            f"<h2>{heading}</h2><h3>{html.escape(entry.problem)}</h3>{answer}"
            f"<p><b>{why}</b> {html.escape(entry.why)}</p><p><small>{law}</small></p>"
            f"<p><b>{fix}</b> {html.escape(entry.fix)}</p>"
        )
    result.append(
        f"<h1>{html.escape(workshop.gettext(MSG_END))}</h1><p>{html.escape(workshop.gettext(MSG_END_DETAIL))}</p>"
    )
    return result


class PresenterWindow(QWidget):
    """A window to put on the projector; the trainer picks the scenario and the workshop's language."""

    def __init__(self, tr: Translator, library: packs.Library, parent: QWidget | None = None) -> None:
        """Start on the first scenario in the interface language."""
        super().__init__(parent, Qt.WindowType.Window)
        self.tr_ui = tr
        self.library = library
        self.index = 0
        self.pages: list[str] = []
        self.scenario_box = QComboBox(self)
        self.language_box = QComboBox(self)
        for language in LANGUAGES:
            self.language_box.addItem(LANGUAGE_NAMES[language], language)
        self.language_box.setCurrentIndex(LANGUAGES.index(tr.language))
        self.previous_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.full_button = QPushButton(self)
        self.counter = QLabel(self)
        self.view = QTextBrowser(self)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setStyleSheet("QTextBrowser { background: white; color: black; border: none; padding: 2em; }")
        controls = QHBoxLayout()
        controls.addWidget(self.scenario_box, 3)
        controls.addWidget(self.language_box)
        controls.addStretch(1)
        controls.addWidget(self.counter)
        controls.addWidget(self.previous_button)
        controls.addWidget(self.next_button)
        controls.addWidget(self.full_button)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.view, 1)
        self.previous_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.full_button.clicked.connect(self.toggle_full_screen)
        self.scenario_box.currentIndexChanged.connect(lambda _index: self.load())
        self.language_box.currentIndexChanged.connect(lambda _index: self._language_changed())
        for widget in (self.scenario_box, self.language_box, self.previous_button, self.next_button, self.full_button):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 140, metrics.lineSpacing() * 40)
        self.retranslate()
        self._fill_scenarios()

    def retranslate(self) -> None:
        """Controls in the interface language (the slides are in the workshop's)."""
        tr = self.tr_ui
        self.setWindowTitle(tr.gettext(N_("Presenter view")))
        self.previous_button.setText(tr.gettext(N_("◀ Previous")))
        self.next_button.setText(tr.gettext(N_("Next ▶")))
        self.full_button.setText(tr.gettext(N_("Full screen (F11)")))

    def language(self) -> str:
        """The workshop's language."""
        return str(self.language_box.currentData())

    def choose(self, scenario_id: str, language: str) -> None:
        """Show ``scenario_id`` in ``language`` from its first slide."""
        self.language_box.setCurrentIndex(LANGUAGES.index(language))
        index = self.scenario_box.findData(scenario_id)
        if index >= 0:
            self.scenario_box.setCurrentIndex(index)
        self.load()

    def _language_changed(self) -> None:
        current = self.scenario_box.currentData()
        self._fill_scenarios()
        index = self.scenario_box.findData(current)
        if index >= 0:
            self.scenario_box.setCurrentIndex(index)

    def _fill_scenarios(self) -> None:
        language = self.language()
        self.scenario_box.blockSignals(True)
        self.scenario_box.clear()
        for scenario in self.library.scenarios:
            if language in scenario.languages:
                self.scenario_box.addItem(scenario.title[language], scenario.id)
        self.scenario_box.blockSignals(False)
        self.load()

    def load(self) -> None:
        """Build the slides of the chosen scenario and show the first."""
        scenario = self.library.find(str(self.scenario_box.currentData() or ""))
        self.pages = slides(scenario, self.language()) if scenario is not None else []
        self.index = 0
        self.show_slide()

    def show_slide(self) -> None:
        """The current slide, its number, the buttons' state."""
        if not self.pages:
            self.view.clear()
            self.counter.clear()
            return
        self.view.setHtml(self.pages[self.index])
        self.counter.setText(self.tr_ui.format(MSG_SLIDE, number=self.index + 1, total=len(self.pages)))
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.pages) - 1)

    def next(self) -> None:
        """The next slide."""
        if self.index < len(self.pages) - 1:
            self.index += 1
            self.show_slide()

    def previous(self) -> None:
        """The previous slide."""
        if self.index > 0:
            self.index -= 1
            self.show_slide()

    def toggle_full_screen(self) -> None:
        """Full screen on the screen the window is on (drag it to the projector first), or back."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Clicker and keyboard: next, previous, full screen."""
        key = event.key()
        if key in _NEXT_KEYS:
            self.next()
        elif key in _PREVIOUS_KEYS:
            self.previous()
        elif key == Qt.Key.Key_F11 or key == Qt.Key.Key_F5:
            self.toggle_full_screen()
        elif key == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Text that a room can read: about 26 lines fill the window's height."""
        super().resizeEvent(event)
        font = self.view.font()
        font.setPixelSize(max(14, self.height() // 26))
        self.view.setFont(font)


__all__ = ["PresenterWindow", "slides"]
