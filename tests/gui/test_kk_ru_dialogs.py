"""No English and no internal name in the dialogs and panels of the after-filing, workshop and privacy rooms.

The same scan as every wizard page (test_kk_ru_screens), over the timeline, the filing records, the year's
calendar, the law text, the passphrase and forget questions, the exercise panel, its score, the presenter
view and the trainer's room, in Kazakh and Russian.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from screen_texts import english_words, widget_texts
from test_kk_ru_screens import _field_names
from test_timeline import opened

from kzcomplaint.core.workshop import packs
from kzcomplaint.gui.dialogs.filing import ANSWER, FILING, REFUSAL, RecordDialog

LIBRARY = packs.load_library(user=False)


def _bad(where: str, root: QWidget) -> list[tuple[str, str, str, tuple[str, ...]]]:
    QApplication.processEvents()
    found = []
    for kind, text in widget_texts(root):
        problems = tuple(english_words(text) + _field_names(text))
        if problems:
            found.append((where, kind, text[:120], problems))
    return found


def _message_box_texts(trigger) -> list[tuple[str, str]]:
    """Texts of the question a call shows (answered Cancel), as the user reads them."""
    seen: list[tuple[str, str]] = []

    def inspect() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(30, inspect)
            return
        try:
            seen.extend(widget_texts(box))
            seen.extend([("title", box.windowTitle()), ("informative", box.informativeText())])
        finally:
            box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(50, inspect)
    trigger()
    return seen


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_after_filing_dialogs(make_window, tmp_path: Path, language: str) -> None:
    window, _path = opened(make_window, tmp_path, language, dt.date(2024, 3, 14))
    bad = []
    timeline = window.show_timeline()
    bad += _bad("timeline", timeline)
    for kind in (FILING, REFUSAL, ANSWER):
        form = RecordDialog(window.translator, kind, window.draft.case, dt.date(2024, 3, 14), timeline)
        form.show()
        bad += _bad(f"record {kind}", form)
        form.date.edit.setText("вчера?")
        form.date.edit.editingFinished.emit()
        form.buttons.button(form.buttons.StandardButton.Ok).click()  # says what does not fit
        bad += _bad(f"record {kind} refused", form)
        form.reject()
    timeline.reject()
    workdays = window.show_workdays()
    bad += _bad("workdays", workdays)
    workdays.reject()
    assert not bad, "\n".join(map(str, bad))


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_privacy_and_law_dialogs(make_window, language: str) -> None:
    from gui_cases import complete_case

    from kzcomplaint.core.law.citations import parse_citation
    from kzcomplaint.gui.dialogs.law_text import LawTextDialog
    from kzcomplaint.gui.dialogs.passphrase import PassphraseDialog

    window = make_window(language)
    window.draft.replace_case(complete_case())
    bad = []
    for new in (True, False):
        dialog = PassphraseDialog(window.translator, new=new, parent=window)
        dialog.show()
        bad += _bad(f"passphrase new={new}", dialog)
        dialog.reject()
    texts = _message_box_texts(lambda: window.forget_everything(ask=True))
    assert texts, "the question was asked"
    bad += [("forget", kind, text[:120], tuple(english_words(text))) for kind, text in texts if english_words(text)]
    cited = ({"law": "appc", "article": "131", "part": "2"}, {"law": "election_law", "article": "49", "part": "4"})
    for citation in cited:
        dialog = LawTextDialog(parse_citation(citation, "test"), window.translator, window)
        dialog.show()
        bad += _bad(f"law {citation}", dialog)
        dialog.reject()
    assert not bad, "\n".join(map(str, bad))


@pytest.mark.qt_log_ignore(  # the offscreen plugin's limits, not the app's
    r"This plugin does not support raise\(\)", r"This plugin does not support propagateSizeHints\(\)"
)
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_workshop_panel_score_presenter_and_room(make_window, qtbot, language: str) -> None:
    from kzcomplaint.gui.dialogs.exercise_start import StartExerciseDialog

    window = make_window(language, role="trainer")
    bad = []
    chooser = StartExerciseDialog(window.translator, LIBRARY, window)
    chooser.show()
    bad += _bad("start an exercise", chooser)
    chooser.reject()
    scenario = LIBRARY.find("removed_for_live_broadcast")
    assert scenario is not None and window.workshop.start(scenario, language, "Айгүл")
    window.draft.recheck()
    assert window.workshop.dock is not None
    bad += _bad("exercise panel", window.workshop.dock)
    window.workshop.finish()
    assert window.workshop.result_dialog is not None
    bad += _bad("score", window.workshop.result_dialog)
    window.workshop.result_dialog.close()
    presenter = window.workshop.show_presenter()
    for _ in range(len(presenter.pages)):
        bad += _bad(f"presenter {presenter.index}", presenter)
        presenter.next()
    presenter.close()
    room = window.workshop.show_room()
    bad += _bad("room", room)
    room.close()
    assert not bad, "\n".join(map(str, bad))
