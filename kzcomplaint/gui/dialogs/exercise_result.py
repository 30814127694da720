"""The end of an exercise: the score, each planted defect as the checker sees it, and the key for what was missed."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from kzcomplaint.core.text.i18n import N_, Translator, translator
from kzcomplaint.core.workshop import answers, exercise, packs
from kzcomplaint.core.workshop.handouts import MSG_FIX, MSG_LAW, MSG_WHY

MSG_SCORE = N_("Score: {score} of {max_score}")
MSG_ALL_FOUND = N_("Every planted defect was found. Well done.")
MSG_MISSED = N_("The answer key for what was missed")
MSG_PENALTIES = N_("New blocking problems (a point each)")
MSG_YOUR_ANSWER = N_("Your answer: {answer}")
MSG_NOT_ANSWERED = N_("not answered")

STATE_NAMES = {
    exercise.OPEN: N_("open"),
    exercise.FIXED: N_("fixed"),
    exercise.ANSWERED_RIGHT: N_("answered right"),
    exercise.ANSWERED_WRONG: N_("answered wrong"),
}


def key_html(entries: list[answers.KeyEntry], workshop: Translator) -> str:
    """Answer-key entries as HTML, in the workshop's language (the presenter view uses it too)."""
    parts = []
    for entry in entries:
        parts.append(f"<h3>{entry.number}. {html.escape(entry.problem)}</h3>")
        if entry.question:
            right = workshop.format(answers.MSG_RIGHT_ANSWER, answer=entry.answer)
            parts.append(f"<p><i>{html.escape(entry.question)}</i><br><b>{html.escape(right)}</b></p>")
        parts.append(f"<p><b>{html.escape(workshop.gettext(MSG_WHY))}</b> {html.escape(entry.why)}</p>")
        law = "<br>".join(html.escape(line) for line in entry.law)
        parts.append(f"<p><b>{html.escape(workshop.gettext(MSG_LAW))}</b> {law}</p>")
        parts.append(f"<p><b>{html.escape(workshop.gettext(MSG_FIX))}</b> {html.escape(entry.fix)}</p>")
    return "".join(parts)


def result_html(result: exercise.Score) -> str:
    """The whole result as HTML in the workshop's language."""
    workshop = translator(result.language)
    parts = [f"<h2>{html.escape(result.scenario.title[result.language])}</h2>"]
    parts.append(f"<h1>{html.escape(workshop.format(MSG_SCORE, score=result.score, max_score=result.max_score))}</h1>")
    parts.append("<ol>")
    for item in result.defects:
        unanswered = item.defect.kind == packs.QUESTION and not item.answer
        state = workshop.gettext(MSG_NOT_ANSWERED if unanswered else STATE_NAMES[item.state])
        mark = "✔" if item.points else "✘"
        line = f"{mark} {html.escape(item.planted.message.get(result.language, item.defect.code))} — <b>{state}</b>"
        if item.answer:
            answer = item.defect.choice_label(item.answer, result.language)
            line += f"<br><i>{html.escape(workshop.format(MSG_YOUR_ANSWER, answer=answer))}</i>"
        parts.append(f"<li>{line}</li>")
    parts.append("</ol>")
    if result.new_blocking:
        parts.append(f"<h3>{html.escape(workshop.gettext(MSG_PENALTIES))}</h3><ul>")
        parts += [f"<li>−1 {html.escape(problem.message[result.language])}</li>" for problem in result.new_blocking]
        parts.append("</ul>")
    missed = [item.defect.code for item in result.missed]
    if missed:
        parts.append(f"<h2>{html.escape(workshop.gettext(MSG_MISSED))}</h2>")
        parts.append(key_html(answers.answer_key(result.scenario, workshop, only=missed), workshop))
    else:
        parts.append(f"<p>{html.escape(workshop.gettext(MSG_ALL_FOUND))}</p>")
    return "".join(parts)


class ExerciseResultDialog(QDialog):
    """Shows :func:`result_html` of a participant's score."""

    def __init__(self, tr: Translator, result: exercise.Score, parent: QWidget | None = None) -> None:
        """Show ``result``; the window title is in the interface language, the result in the workshop's."""
        super().__init__(parent)
        self.setWindowTitle(tr.gettext(N_("Your score")))
        self.browser = QTextBrowser(self)
        self.browser.setHtml(result_html(result))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 120, metrics.lineSpacing() * 44)


__all__ = ["ExerciseResultDialog", "key_html", "result_html"]
