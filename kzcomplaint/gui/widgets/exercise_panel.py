"""The participant's side panel in an exercise: the story, the facts sheet, the questions, the defects fixed.

The panel shows what the core says (:func:`kzcomplaint.core.workshop.exercise.score`)
after every check of the draft; it never decides anything itself. Defects not
yet fixed are not named — finding them is the exercise — only counted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kzcomplaint.core.text.i18n import N_, Translator, translator
from kzcomplaint.core.text.legal_dates import format_legal_date
from kzcomplaint.core.workshop import exercise, packs

MSG_DAY = N_("The day of the story: {date}")
MSG_PROGRESS = N_("Found and fixed: {done} of {total}")
MSG_FIXED = N_("Defect {number}: fixed — {problem}")
MSG_ANSWERED = N_("Question {number}: answered")
MSG_NOT_YET = N_("Defect {number}: not found yet")
MSG_NOT_ANSWERED = N_("Question {number}: not answered yet")
MSG_NEW_BLOCKING = N_("New blocking problem (−1): {problem}")


class ExercisePanel(QWidget):
    """Story, facts sheet and progress of one exercise; the questions answered here."""

    answered = Signal(str, str)
    """A question was answered: (problem code, choice id)."""
    finishRequested = Signal()
    restartRequested = Signal()

    def __init__(self, ui_translator: Translator, parent: QWidget | None = None) -> None:
        """Build an empty panel; :meth:`show_scenario` fills it."""
        super().__init__(parent)
        self.tr_ui = ui_translator
        self.scenario: packs.Scenario | None = None
        self.language = "ru"
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.day = QLabel(self)
        self.tabs = QTabWidget(self)
        self.story = QTextBrowser(self)
        self.sheet = QTextBrowser(self)
        self.tabs.addTab(self.story, "")
        self.tabs.addTab(self.sheet, "")
        self.questions_box = QGroupBox(self)
        self.questions_layout = QVBoxLayout(self.questions_box)
        self.question_groups: dict[str, QButtonGroup] = {}
        self.progress = QLabel(self)
        self.progress.setWordWrap(True)
        self.defects = QListWidget(self)
        self.defects.setWordWrap(True)
        self.finish_button = QPushButton(self)
        self.restart_button = QPushButton(self)
        self.finish_button.clicked.connect(self.finishRequested)
        self.restart_button.clicked.connect(self.restartRequested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.finish_button)
        buttons.addWidget(self.restart_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.day)
        layout.addWidget(self.tabs, 3)
        layout.addWidget(self.questions_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.defects, 2)
        layout.addLayout(buttons)
        self.retranslate(ui_translator)

    @property
    def workshop(self) -> Translator:
        """The workshop's language: the story's texts and the checker's messages are in it."""
        return translator(self.language)

    def retranslate(self, ui_translator: Translator) -> None:
        """Interface texts in the interface language."""
        self.tr_ui = ui_translator
        tr = ui_translator
        self.tabs.setTabText(0, tr.gettext(N_("The story")))
        self.tabs.setTabText(1, tr.gettext(N_("Facts sheet")))
        self.questions_box.setTitle(tr.gettext(N_("Questions for you")))
        self.finish_button.setText(tr.gettext(N_("&Finish and see the score")))
        self.restart_button.setText(tr.gettext(N_("Start a&gain")))
        if self.scenario is not None:
            self.day.setText(tr.format(MSG_DAY, date=format_legal_date(self.scenario.today, tr.language)))

    def show_scenario(self, scenario: packs.Scenario, language: str, answers: dict[str, str]) -> None:
        """Show ``scenario`` in ``language`` with the participant's ``answers`` ticked."""
        self.scenario = scenario
        self.language = language
        self.title.setText(scenario.title[language])
        self.story.setPlainText(scenario.story[language])
        self.sheet.setPlainText(scenario.facts_sheet[language])
        while self.questions_layout.count():
            item = self.questions_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.question_groups.clear()
        questions = [defect for defect in scenario.defects if defect.kind == packs.QUESTION]
        for defect in questions:
            assert defect.question is not None
            label = QLabel(defect.question[language], self.questions_box)
            label.setWordWrap(True)
            self.questions_layout.addWidget(label)
            group = QButtonGroup(self.questions_box)
            for choice in defect.choices:
                button = QRadioButton(choice.label[language], self.questions_box)
                button.setProperty("choice", choice.id)
                button.setChecked(answers.get(defect.code) == choice.id)
                group.addButton(button)
                self.questions_layout.addWidget(button)
            group.buttonClicked.connect(
                lambda button, code=defect.code: self.answered.emit(code, str(button.property("choice")))
            )
            self.question_groups[defect.code] = group
        self.questions_box.setVisible(bool(questions))
        self.retranslate(self.tr_ui)

    def show_score(self, result: exercise.Score) -> None:
        """Mark each planted defect as the checker now sees it; unfixed ones are only counted."""
        tr = self.tr_ui
        language = result.language
        self.progress.setText(tr.format(MSG_PROGRESS, done=result.score, total=result.max_score))
        self.defects.clear()
        for number, item in enumerate(result.defects, start=1):
            if item.defect.kind == packs.QUESTION:
                text = tr.format(MSG_ANSWERED if item.answer else MSG_NOT_ANSWERED, number=number)
            elif item.state == exercise.FIXED:
                text = tr.format(MSG_FIXED, number=number, problem=item.planted.message.get(language, ""))
            else:
                text = tr.format(MSG_NOT_YET, number=number)
            entry = QListWidgetItem(("✔ " if item.points or item.answer else "○ ") + text)
            self.defects.addItem(entry)
        for problem in result.new_blocking:
            self.defects.addItem(QListWidgetItem("✘ " + tr.format(MSG_NEW_BLOCKING, problem=problem.message[language])))


__all__ = ["ExercisePanel"]
