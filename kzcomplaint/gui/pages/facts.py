"""Facts: the template's own questions, the evidence, and the facts text drafted from the answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kzcomplaint.core.case import limits
from kzcomplaint.core.case.model import Evidence
from kzcomplaint.core.text.i18n import N_, Message, Translator
from kzcomplaint.core.text.languages import LANGUAGES
from kzcomplaint.gui import labels
from kzcomplaint.gui.i18n import LANGUAGE_NAMES
from kzcomplaint.gui.models.lists import EvidenceModel
from kzcomplaint.gui.pages.base import BasePage
from kzcomplaint.gui.pages.where_when import fill_combo, select_data
from kzcomplaint.gui.widgets import files
from kzcomplaint.gui.widgets.delegates import LimitedTextDelegate
from kzcomplaint.gui.widgets.fields import DateField, FeedbackLabel, TimeField

if TYPE_CHECKING:
    from kzcomplaint.core.documents.templates import Template
    from kzcomplaint.core.law.questions import Question

MSG_NO_QUESTIONS = N_("This kind of document has no questions of its own; describe the facts below.")
MSG_NO_TEMPLATE = N_("The text of this kind of document is not available: {reason}")
MSG_FOLLOWING = N_("The facts text follows your answers until you edit it.")
MSG_EDITED = N_(
    "You edited the facts text, so it is no longer redrafted from your answers. "
    "Use “Redraft from answers” to start again from the answers."
)
MSG_CONFIRM_REDRAFT = N_("Replace the facts text you edited with a new draft from your answers?")
MSG_NOT_ANSWERED = N_("— no answer —")
MSG_REQUIRED_MARK = N_("{label} *")
MSG_EVIDENCE_FULL = N_("A case lists at most {count} items of evidence; {left} file(s) were not added.")


class QuestionInput(QWidget):
    """The input for one template question, by its type; the value as stored in ``case.details``."""

    edited = Signal()

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        """Build the widget that fits ``question.type``."""
        super().__init__(parent)
        self.question = question
        self.input: QWidget
        kind = question.type
        if kind == "multiline":
            edit = QPlainTextEdit(self)
            edit.setTabChangesFocus(True)
            _set_lines(edit, 4)
            edit.textChanged.connect(self.edited)
            self.input = edit
        elif kind == "date":
            field = DateField(self)
            field.dateChanged.connect(lambda _value: self.edited.emit())
            field.edit.textEdited.connect(lambda _text: self.edited.emit())
            self.input = field
        elif kind == "time":
            time_field = TimeField(self)
            time_field.timeChanged.connect(lambda _value: self.edited.emit())
            self.input = time_field
        elif kind in ("choice", "yesno"):
            combo = QComboBox(self)
            combo.currentIndexChanged.connect(lambda _index: self.edited.emit())
            self.input = combo
        else:
            line = QLineEdit(self)
            if kind == "number":
                pattern = QRegularExpression(f"[0-9]{{0,{limits.MAX_NUMBER_DIGITS}}}")
                line.setValidator(QRegularExpressionValidator(pattern, line))
                line.setMaxLength(limits.MAX_NUMBER_DIGITS)
            line.textEdited.connect(lambda _text: self.edited.emit())
            self.input = line
        self.hint = FeedbackLabel(self)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.input)
        column.addWidget(self.hint)
        self.setFocusProxy(self.input)

    def retranslate(self, tr: Translator) -> None:
        """Choices, hint and accessible name in the interface language."""
        language = tr.language
        question = self.question
        if isinstance(self.input, QComboBox):
            items = [("", tr.gettext(MSG_NOT_ANSWERED))]
            if question.type == "yesno":
                words = labels.yes_no_labels(language)
                items += [("yes", labels.capitalized(words["yes"])), ("no", labels.capitalized(words["no"]))]
            else:
                items += [(option.id, option.label[language]) for option in question.options]
            fill_combo(self.input, items)
        elif isinstance(self.input, (DateField, TimeField)):
            self.input.retranslate(tr)
        hint = question.hint[language] if question.hint else ""
        self.hint.show_ok(hint)
        self.hint.setVisible(bool(hint))
        name = question.label[language]
        self.input.setAccessibleName(name)
        self.input.setAccessibleDescription(hint)
        if isinstance(self.input, (DateField, TimeField)):
            self.input.set_accessible_name(name)

    def set_today_source(self, today: Callable[[], dt.date]) -> None:
        """A date question reads «вчера», "today"… from the app's today."""
        if isinstance(self.input, DateField):
            self.input.set_today_source(today)

    def unread_text(self) -> str:
        """The text typed into a date or time question that cannot be read ("" when none)."""
        return self.input.unread_text() if isinstance(self.input, (DateField, TimeField)) else ""

    def reset_input(self) -> None:
        """Empty a date or time question, typed text included (another case is shown)."""
        if isinstance(self.input, (DateField, TimeField)):
            self.input.reset_input()

    def value(self) -> str:
        """The answer as stored: text, digits, ISO date (or the text typed), HH:MM, option id, yes/no."""
        widget = self.input
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip()
        if isinstance(widget, DateField):
            parsed = widget.date()
            return parsed.isoformat() if parsed else widget.edit.text().strip()
        if isinstance(widget, TimeField):
            return widget.value()
        if isinstance(widget, QComboBox):
            return str(widget.currentData() or "")
        assert isinstance(widget, QLineEdit)
        return widget.text().strip()

    def display_text(self) -> str:
        """The answer as the user sees it: a choice by its label, a date in the legal form."""
        widget = self.input
        if isinstance(widget, QComboBox):
            return widget.currentText() if widget.currentData() else ""
        if isinstance(widget, DateField) and widget.date() is not None:
            return widget.feedback.text()
        return self.value()

    def set_value(self, value: str) -> None:
        """Show a stored answer."""
        widget = self.input
        if isinstance(widget, QPlainTextEdit):
            if widget.toPlainText().strip() != value:
                widget.setPlainText(value)
        elif isinstance(widget, DateField):
            from kzcomplaint.core.text import dates

            try:
                widget.set_date(dates.parse_date(value) if value else None)
            except dates.DateError:
                # Text typed earlier that is not a date: shown as typed, and marked again.
                if widget.edit.text().strip() != value:
                    widget.edit.setText(value)
                    widget.edit.editingFinished.emit()
        elif isinstance(widget, TimeField):
            widget.set_value(value)
        elif isinstance(widget, QComboBox):
            select_data(widget, value)
        elif isinstance(widget, QLineEdit) and widget.text().strip() != value:
            widget.setText(value)


class FactsPage(BasePage):
    """The kind's own questions, evidence with files, and the facts text."""

    STEP = "facts"

    def retranslate_titles(self) -> None:
        """Title and subtitle."""
        self.setTitle(self.step_title())
        self.setSubTitle(
            self.translator.gettext(
                N_("Answer what you can: the facts text is drafted from your answers, and you can edit it.")
            )
        )

    def _build(self) -> None:
        self._template_id: str | None = None
        self._template: Template | None = None
        self._template_error = ""
        self._inputs: dict[str, QuestionInput] = {}
        self._last_draft: str | None = None
        content = QWidget()
        self.questions_box = QGroupBox(content)
        self.questions_layout = QVBoxLayout(self.questions_box)
        self.questions_note = QLabel(self.questions_box)
        self.questions_note.setWordWrap(True)

        self.evidence_box = QGroupBox(content)
        self.evidence_model = EvidenceModel(self)
        self.evidence_view = QTableView(self.evidence_box)
        self.evidence_view.setModel(self.evidence_model)
        self.evidence_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.evidence_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.evidence_view.verticalHeader().hide()
        self.evidence_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.evidence_view.setTabKeyNavigation(False)
        self.evidence_view.setMinimumHeight(self.evidence_view.fontMetrics().lineSpacing() * 6)
        description_limit = limits.text_limit("evidence.description")
        self.evidence_view.setItemDelegateForColumn(0, LimitedTextDelegate(description_limit, self))
        self.add_file_button = QPushButton(self.evidence_box)
        self.add_item_button = QPushButton(self.evidence_box)
        self.remove_item_button = QPushButton(self.evidence_box)
        evidence_buttons = QHBoxLayout()
        for button in (self.add_file_button, self.add_item_button, self.remove_item_button):
            evidence_buttons.addWidget(button)
        evidence_buttons.addStretch(1)
        evidence_layout = QVBoxLayout(self.evidence_box)
        evidence_layout.addWidget(self.evidence_view)
        evidence_layout.addLayout(evidence_buttons)

        self.facts_box = QGroupBox(content)
        self.facts_label = QLabel(self.facts_box)
        self.facts = QPlainTextEdit(self.facts_box)
        self.facts.setTabChangesFocus(True)
        _set_lines(self.facts, 10)
        self.draft_language_label = QLabel(self.facts_box)
        self.draft_language = QComboBox(self.facts_box)
        for language in LANGUAGES:
            self.draft_language.addItem(LANGUAGE_NAMES[language], language)
        self.redraft_button = QPushButton(self.facts_box)
        self.facts_state = FeedbackLabel(self.facts_box, reserve_lines=2)  # the longer of its two messages
        facts_row = QHBoxLayout()
        facts_row.addWidget(self.draft_language_label)
        facts_row.addWidget(self.draft_language)
        facts_row.addStretch(1)
        facts_row.addWidget(self.redraft_button)
        facts_layout = QVBoxLayout(self.facts_box)
        facts_layout.addWidget(self.facts_label)
        facts_layout.addWidget(self.facts)
        facts_layout.addLayout(facts_row)
        facts_layout.addWidget(self.facts_state)

        self.requests_box = QGroupBox(content)
        self.requests_label = QLabel(self.requests_box)
        self.requests_label.setWordWrap(True)
        self.requests = QPlainTextEdit(self.requests_box)
        self.requests.setTabChangesFocus(True)
        _set_lines(self.requests, 6)
        self.default_requests_button = QPushButton(self.requests_box)
        self.requests_state = FeedbackLabel(self.requests_box, reserve_lines=1)
        self.attachments_label = QLabel(self.requests_box)
        self.attachments_label.setWordWrap(True)
        self.attachments = QPlainTextEdit(self.requests_box)
        self.attachments.setTabChangesFocus(True)
        _set_lines(self.attachments, 4)
        requests_row = QHBoxLayout()
        requests_row.addWidget(self.requests_state, 1)
        requests_row.addWidget(self.default_requests_button)
        requests_layout = QVBoxLayout(self.requests_box)
        requests_layout.addWidget(self.requests_label)
        requests_layout.addWidget(self.requests)
        requests_layout.addLayout(requests_row)
        requests_layout.addWidget(self.attachments_label)
        requests_layout.addWidget(self.attachments)

        column = QVBoxLayout(content)
        column.addWidget(self.questions_box)
        column.addWidget(self.evidence_box)
        column.addWidget(self.facts_box)
        column.addWidget(self.requests_box)
        column.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)

        self.register("evidence", self.evidence_view, N_("Evidence"))
        self.register("facts", self.facts, N_("&Facts, in your words:"), self.facts_label)
        self.register("language", self.draft_language, N_("&Language of the document:"), self.draft_language_label)
        self.register("requests", self.requests, N_("What you &ask for, one request per line:"), self.requests_label)
        self.register(
            "attachments",
            self.attachments,
            N_("A&ttachments, one per line (empty: the usual list for this document):"),
            self.attachments_label,
        )
        self._last_requests: list[str] | None = None

    def _connect(self) -> None:
        self.add_file_button.clicked.connect(self._add_files)
        self.add_item_button.clicked.connect(self._add_item)
        self.remove_item_button.clicked.connect(self._remove_item)
        self.evidence_model.dataChanged.connect(self.changed)
        self.evidence_model.rowsInserted.connect(self.changed)
        self.evidence_model.rowsRemoved.connect(self.changed)
        self.facts.textChanged.connect(self._facts_edited)
        self.draft_language.currentIndexChanged.connect(self._language_chosen)
        self.redraft_button.clicked.connect(self.redraft)
        self.requests.textChanged.connect(self._requests_edited)
        self.attachments.textChanged.connect(self.changed)
        self.default_requests_button.clicked.connect(self.restore_default_requests)

    def retranslate(self) -> None:
        """All texts of the page, the questions' labels in the interface language."""
        tr = self.translator
        for question_id, widget in self._inputs.items():
            entry = self.fields[f"details.{question_id}"]
            entry.msgid = self._question_label(widget.question)
        super().retranslate()
        self.questions_box.setTitle(tr.gettext(N_("Questions about what happened")))
        self.evidence_box.setTitle(tr.gettext(N_("Evidence")))
        self.add_file_button.setText(tr.gettext(N_("Attach &files…")))
        self.add_item_button.setText(tr.gettext(N_("Add an item &without a file")))
        self.remove_item_button.setText(tr.gettext(N_("Re&move the selected item")))
        self.evidence_model.retranslate(tr)
        self.evidence_view.setAccessibleName(tr.gettext(N_("Evidence")))
        self.facts_box.setTitle(tr.gettext(N_("Facts")))
        self.redraft_button.setText(tr.gettext(N_("&Redraft from answers")))
        self.requests_box.setTitle(tr.gettext(N_("Requests and attachments")))
        self.default_requests_button.setText(tr.gettext(N_("Use the &suggested requests")))
        self._show_questions_note()
        self._show_facts_state()
        self._show_requests_state()

    def _question_label(self, question: Question) -> str:
        text = question.label[self.translator.language]
        return self.translator.format(MSG_REQUIRED_MARK, label=text) if question.required else text

    def widget_for(self, path: str) -> QWidget | None:
        """The input for ``path``; "details" alone means the first question."""
        widget = super().widget_for(path)
        if widget is None and path.split(".")[0] == "details" and self._inputs:
            return next(iter(self._inputs.values()))
        return widget

    # --- questions ---------------------------------------------------------------------

    def _rebuild_questions(self) -> None:
        template_id = self.draft.case.template
        if template_id == self._template_id:
            return
        self._template_id = template_id
        while self.questions_layout.count():
            item = self.questions_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        for question_id in list(self._inputs):
            self.fields.pop(f"details.{question_id}", None)
        self._inputs = {}
        self._template, self._template_error = None, ""
        if template_id:
            from kzcomplaint.core.documents import templates

            try:
                self._template = templates.load_template(template_id)
            except templates.TemplateError as error:
                self._template_error = str(error)
        self.questions_note = QLabel(self.questions_box)
        self.questions_note.setWordWrap(True)
        self.questions_layout.addWidget(self.questions_note)
        if self._template is not None:
            for question in self._template.questions:
                label = QLabel(self.questions_box)
                label.setWordWrap(True)
                widget = QuestionInput(question, self.questions_box)
                widget.edited.connect(self._answer_edited)
                self.questions_layout.addWidget(label)
                self.questions_layout.addWidget(widget)
                self.questions_layout.addSpacing(label.fontMetrics().lineSpacing() // 2)
                self._inputs[question.id] = widget
                self.register(f"details.{question.id}", widget, self._question_label(question), label, literal=True)
                label.setBuddy(widget.input if not isinstance(widget.input, DateField) else widget.input.edit)
        self._last_draft = None
        with self.loading():
            self.retranslate()

    def _show_questions_note(self) -> None:
        if self._template_error:
            self.questions_note.setText(self.translator.format(MSG_NO_TEMPLATE, reason=self._template_error))
        elif self._template is not None and not self._template.questions:
            self.questions_note.setText(self.translator.gettext(MSG_NO_QUESTIONS))
        else:
            self.questions_note.setText("")
        self.questions_note.setVisible(bool(self.questions_note.text()))

    # --- load / store ------------------------------------------------------------------

    def _load(self) -> None:
        self._rebuild_questions()
        case = self.draft.case
        for question_id, widget in self._inputs.items():
            widget.set_value(case.details.get(question_id, ""))
        self.evidence_model.set_items(case.evidence)
        self._update_evidence_buttons()
        if self.facts.toPlainText() != case.facts:
            self.facts.setPlainText(case.facts)
        language = self._document_language()
        select_data(self.draft_language, language)
        # What the app would draft now: facts equal to it still follow the answers
        # (a case reopened, or its document language switched, is not "edited").
        self._last_draft = self.draft.drafted_facts(language) if self._template is not None else None
        # Requests still as the app suggested them follow the answers; the user's own stay.
        untouched = not case.requests or case.requests == self._last_requests
        if self._template is not None:
            suggested = self.draft.suggested_requests(language)
            self._last_requests = list(suggested)
            if untouched and suggested != case.requests:
                case.requests = suggested
                # The app's suggestion, not an answer: an opened case stays saved ("unsaved" only after the user).
                self.draft.touch(by_user=False)
        requests_text = "\n".join(case.requests)
        if self.requests.toPlainText() != requests_text:
            self.requests.setPlainText(requests_text)
        attachments_text = "\n".join(case.attachments)
        if self.attachments.toPlainText() != attachments_text:
            self.attachments.setPlainText(attachments_text)
        self._show_facts_state()
        self._show_requests_state()

    def _document_language(self) -> str:
        language = self.draft.case.language
        return language if language in LANGUAGES else "ru"

    def reset_for_new_case(self) -> None:
        """Another case: the top of the page, and nothing remembered of the last case's drafts."""
        super().reset_for_new_case()
        self._last_draft = None
        self._last_requests = None
        self.evidence_view.clearSelection()

    def store(self) -> None:
        """Answers, evidence, facts and the document language into the case."""
        case = self.draft.case
        for question_id, widget in self._inputs.items():
            value = widget.value()
            if value:
                case.details[question_id] = value
            else:
                case.details.pop(question_id, None)
        case.evidence = self.evidence_model.items()
        case.facts = self.facts.toPlainText()
        case.requests = _lines(self.requests.toPlainText())
        case.attachments = _lines(self.attachments.toPlainText())
        language = self.draft_language.currentData()
        if language in LANGUAGES:
            self.draft.set_document_language(language)

    # --- the facts text ----------------------------------------------------------------

    def drafted_text(self) -> str:
        """The facts as drafted from the current answers in the document language."""
        if self._template is None:
            return ""
        return self.draft.drafted_facts(self._document_language())

    def _user_edited(self) -> bool:
        text = self.facts.toPlainText()
        return bool(text.strip()) and text != self._last_draft

    def _answer_edited(self) -> None:
        if self._loading:
            return
        self.store()
        if not self._user_edited():
            self._set_facts(self.drafted_text())
        if self._last_requests is not None and self.draft.case.requests == self._last_requests:
            self._set_requests(self.suggested_requests())
        self.draft.touch()

    def _language_chosen(self, _index: int) -> None:
        if self._loading:
            return
        # The controller drafts again what still follows the answers; the page shows it.
        self.store()
        self.load()
        self.draft.touch()

    def _set_facts(self, text: str) -> None:
        self._last_draft = text
        with self.loading():
            self.facts.setPlainText(text)
        self.draft.case.facts = text
        self._show_facts_state()

    def _facts_edited(self) -> None:
        if self._loading:
            return
        self.changed()
        self._show_facts_state()

    def redraft(self) -> None:
        """Replace the facts by a draft from the answers, asking first if the user edited them."""
        if self._user_edited():
            answer = QMessageBox.question(
                self,
                self.translator.gettext(N_("Redraft from answers")),
                self.translator.gettext(MSG_CONFIRM_REDRAFT),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._set_facts(self.drafted_text())
        self.draft.touch()

    def _show_facts_state(self) -> None:
        self.facts_state.show_ok(self.translator.gettext(MSG_EDITED if self._user_edited() else MSG_FOLLOWING))

    # --- requests ------------------------------------------------------------------------

    def suggested_requests(self) -> list[str]:
        """The template's suggested requests, filled in for this case in the document language."""
        if self._template is None:
            return []
        return self.draft.suggested_requests(self._document_language())

    def _set_requests(self, requests: list[str]) -> None:
        self._last_requests = list(requests)
        with self.loading():
            self.requests.setPlainText("\n".join(requests))
        self.draft.case.requests = list(requests)
        self._show_requests_state()

    def _requests_edited(self) -> None:
        if self._loading:
            return
        self.changed()
        self._show_requests_state()

    def restore_default_requests(self) -> None:
        """Replace the requests by the template's suggestions, asking first if the user changed them."""
        current = _lines(self.requests.toPlainText())
        if current and current != self._last_requests:
            answer = QMessageBox.question(
                self,
                self.translator.gettext(N_("Use the suggested requests")),
                self.translator.gettext(N_("Replace the requests you wrote with the suggested ones?")),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._set_requests(self.suggested_requests())
        self.draft.touch()

    def _show_requests_state(self) -> None:
        current = _lines(self.requests.toPlainText())
        if current and current == self._last_requests:
            self.requests_state.show_ok(
                self.translator.gettext(N_("These are the suggested requests; edit them as you need."))
            )
        else:
            self.requests_state.show_ok("")
        self.requests_state.setVisible(bool(self.requests_state.text()))

    # --- evidence ----------------------------------------------------------------------

    def _add_files(self) -> None:
        names = files.open_files(self, self.translator.gettext(N_("Attach evidence files")))
        self.add_picked_files([Path(name) for name in names])

    def add_picked_files(self, paths: list[Path]) -> None:
        """Add files the user picked in the file dialog: the only files read wherever they are."""
        room = max(limits.MAX_EVIDENCE_ITEMS - self.evidence_model.rowCount(), 0)
        for path in paths[:room]:
            file = str(path)[: limits.MAX_PATH_CHARS]
            self.draft.picked_files.add(Path(file))
            description = limits.clean_text(path.stem)[0][: limits.text_limit("evidence.description")]
            self.evidence_model.add(Evidence(description=description, file=file))
        if len(paths) > room:
            left = len(paths) - room
            self.show_note(Message(MSG_EVIDENCE_FULL, count=limits.MAX_EVIDENCE_ITEMS, left=left))
        if paths:
            self.evidence_view.setFocus()
        self._update_evidence_buttons()

    def show_note(self, note: Message) -> None:
        """A note for the user in the window's status bar (re-worded there on a language switch)."""
        show = getattr(self.window(), "show_status", None)
        if callable(show):
            show(note)

    def _update_evidence_buttons(self) -> None:
        room = self.evidence_model.rowCount() < limits.MAX_EVIDENCE_ITEMS
        self.add_file_button.setEnabled(room)
        self.add_item_button.setEnabled(room)

    def _add_item(self) -> None:
        if self.evidence_model.rowCount() >= limits.MAX_EVIDENCE_ITEMS:
            return
        row = self.evidence_model.add(Evidence(description=""))
        index = self.evidence_model.index(row, 0)
        self.evidence_view.setCurrentIndex(index)
        self.evidence_view.edit(index)

    def _remove_item(self) -> None:
        index = self.evidence_view.currentIndex()
        if index.isValid():
            self.evidence_model.remove(index.row())
        self._update_evidence_buttons()


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _set_lines(edit: QPlainTextEdit, lines: int) -> None:
    """Size a text box for about ``lines`` lines of the current font (it scrolls beyond)."""
    height = edit.fontMetrics().lineSpacing() * lines + 2 * edit.frameWidth() + 8
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(height)
