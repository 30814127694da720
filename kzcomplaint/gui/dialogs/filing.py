"""Recording what happened to a document: handed in, refused to be accepted, or answered.

One dialog, three forms. What the user enters goes to the core
(``core.filing.record``), which checks it against the case; a record that
does not fit is said under the form and the dialog stays open, with nothing
lost.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kzcomplaint.core.case import limits
from kzcomplaint.core.case.model import Answer, Case, Filing, FilingMethod, Outcome, Refusal, Witness
from kzcomplaint.core.filing import record, timeline
from kzcomplaint.core.text.i18n import N_, Translator
from kzcomplaint.gui.labels import without_mnemonic
from kzcomplaint.gui.widgets.fields import DateField, FeedbackLabel, TimeField, form_layout, guard_input

FILING = "filing"
REFUSAL = "refusal"
ANSWER = "answer"

TITLES = {
    FILING: N_("Record the handing-in"),
    REFUSAL: N_("Record a refusal to accept"),
    ANSWER: N_("Record the answer"),
}
INTROS = {
    FILING: N_(
        "When the body received the document: from that day it has its term to answer. "
        "For a letter, the day of delivery on the notice."
    ),
    REFUSAL: N_(
        "Who refused to accept the document, when and on what grounds, and who saw it: "
        "the act of refusal and the complaint about it are drafted from this."
    ),
    ANSWER: N_("What the body answered, or that no answer came by the last day of its term."),
}
MSG_DATE_FILED = N_("&Date received:")
MSG_DATE_REFUSED = N_("&Date of the refusal:")
MSG_DATE_ANSWER = N_("&Date of the answer:")
MSG_WITNESS_HINT = N_("One witness per line: full name, then after a comma how to reach them.")
MSG_TOO_MANY_WITNESSES = N_(
    "An act of refusal names at most {count} witnesses; {given} are listed. Keep those who saw it best."
)


class RecordDialog(QDialog):
    """A form for one record; :meth:`result_case` is the case with it, once accepted."""

    def __init__(
        self, tr: Translator, kind: str, case: Case, today: dt.date | None, parent: QWidget | None = None
    ) -> None:
        """Build the form of ``kind`` (filing, refusal or answer) for ``case``."""
        super().__init__(parent)
        self.translator = tr
        self.kind = kind
        self.case = case
        self.today = today
        self._result: Case | None = None
        self.setWindowTitle(without_mnemonic(tr.gettext(TITLES[kind])))
        intro = QLabel(tr.gettext(INTROS[kind]), self)
        intro.setWordWrap(True)
        form = form_layout()
        self.date = DateField(self)
        self.date.set_today_source(lambda: today or dt.date.today())  # «вчера» is the day before this today
        self.date.retranslate(tr)
        self.time = TimeField(self)
        self.time.retranslate(tr)
        self.number = QLineEdit(self)
        self.person = QLineEdit(self)
        self.position = QLineEdit(self)
        self.place = QLineEdit(self)
        self.how = QComboBox(self)
        for method in FilingMethod:
            self.how.addItem(tr.gettext(timeline.HOW_NAMES[method.value]), method.value)
        self.grounds = QPlainTextEdit(self)
        self.grounds.setTabChangesFocus(True)
        self.witnesses = QPlainTextEdit(self)
        self.witnesses.setTabChangesFocus(True)
        self.witnesses.setPlaceholderText(tr.gettext(MSG_WITNESS_HINT))
        self.outcome = QComboBox(self)
        for outcome in Outcome:
            self.outcome.addItem(tr.gettext(timeline.OUTCOME_NAMES[outcome.value]), outcome.value)
        self.outcome.setCurrentIndex(self.outcome.findData(Outcome.REJECTED.value))
        rows: list[tuple[str, QWidget]]
        if kind == FILING:
            rows = [
                (MSG_DATE_FILED, self.date),
                (N_("&Time:"), self.time),
                (N_("&How:"), self.how),
                (N_("Registration &number:"), self.number),
                (N_("Accepted &by (name):"), self.person),
                (N_("Their &position:"), self.position),
                (N_("&Where:"), self.place),
            ]
        elif kind == REFUSAL:
            rows = [
                (MSG_DATE_REFUSED, self.date),
                (N_("&Time:"), self.time),
                (N_("&How it was offered:"), self.how),
                (N_("Refused &by (name):"), self.person),
                (N_("Their &position:"), self.position),
                (N_("&Where:"), self.place),
                (N_("&Grounds given:"), self.grounds),
                (N_("&Witnesses:"), self.witnesses),
            ]
        else:
            rows = [
                (N_("&Outcome:"), self.outcome),
                (MSG_DATE_ANSWER, self.date),
                (N_("Answer &number:"), self.number),
            ]
            self.outcome.currentIndexChanged.connect(self._outcome_changed)
        used = {id(widget) for _msgid, widget in rows}
        every: tuple[QWidget, ...] = (
            self.date, self.time, self.number, self.person, self.position, self.place, self.how,
            self.grounds, self.witnesses, self.outcome,
        )
        for unused in every:
            if id(unused) not in used:
                unused.hide()  # built for every form, shown only in its own
        for msgid, widget in rows:
            label = QLabel(tr.gettext(msgid), self)
            label.setBuddy(getattr(widget, "edit", widget))
            name = without_mnemonic(tr.gettext(msgid)).rstrip(":")
            widget.setAccessibleName(name)
            setter = getattr(widget, "set_accessible_name", None)
            if setter is not None:
                setter(name)
            form.addRow(label, widget)
        # Each input holds what the case file holds (as the wizard's inputs do), so a record never
        # fails for a length; the record's field in the case names the limit.
        section = {FILING: "filings", REFUSAL: "refusals"}.get(kind, "answer")
        for widget, field in (
            (self.number, "number"),
            (self.person, "accepted_by" if kind == FILING else "refused_by"),
            (self.position, "position"),
            (self.place, "place"),
            (self.grounds, "grounds"),
            (self.witnesses, "witnesses"),
        ):
            guard_input(widget, f"{section}.{field}")
        self.problem = FeedbackLabel(self)
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._record)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.problem.setVisible(False)
        if kind != ANSWER:
            self.date.set_date(today or dt.date.today())

    def _outcome_changed(self, _index: int) -> None:
        none = self.outcome.currentData() == Outcome.NONE.value
        for widget in (self.date, self.number):
            widget.setEnabled(not none)

    def _witnesses(self) -> list[Witness]:
        found = []
        for line in self.witnesses.toPlainText().splitlines():
            name, _, contact = line.partition(",")
            if name.strip():
                found.append(Witness(full_name=name.strip(), contact=contact.strip()))
        return found

    def _record(self) -> None:
        try:
            if self.kind == FILING:
                filing = Filing(
                    date=self.date.date(),
                    time=self.time.value(),
                    place=self.place.text().strip(),
                    number=self.number.text().strip(),
                    accepted_by=self.person.text().strip(),
                    position=self.position.text().strip(),
                    how=str(self.how.currentData()),
                )
                self._result = record.record_filing(self.case, filing, today=self.today)
            elif self.kind == REFUSAL:
                witnesses = self._witnesses()
                if len(witnesses) > limits.MAX_WITNESSES:
                    message = self.translator.format(
                        MSG_TOO_MANY_WITNESSES, count=limits.MAX_WITNESSES, given=len(witnesses)
                    )
                    self.problem.show_error(message)
                    self.problem.setVisible(True)
                    return
                refusal = Refusal(
                    date=self.date.date(),
                    time=self.time.value(),
                    place=self.place.text().strip(),
                    refused_by=self.person.text().strip(),
                    position=self.position.text().strip(),
                    how=str(self.how.currentData()),
                    grounds=self.grounds.toPlainText().strip(),
                    witnesses=witnesses,
                )
                self._result = record.record_refusal(self.case, refusal, today=self.today)
            else:
                outcome = str(self.outcome.currentData())
                none = outcome == Outcome.NONE.value
                answer = Answer(
                    outcome=outcome,
                    date=None if none else self.date.date(),
                    number="" if none else self.number.text().strip(),
                )
                self._result = record.record_answer(self.case, answer, today=self.today)
        except record.RecordError as error:
            self.problem.show_error(error.message.render(self.translator))
            self.problem.setVisible(True)
            return
        self.accept()

    def result_case(self) -> Case | None:
        """The case with the record, once the dialog was accepted."""
        return self._result
