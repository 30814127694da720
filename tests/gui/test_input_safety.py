"""Answers change only when the user means it: Enter goes one page on, the wheel never picks an answer.

Real key and wheel events are sent to the widgets, as a user's keyboard and mouse would.
"""

from __future__ import annotations

import pytest
from gui_cases import complete_case
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from kzcomplaint.gui.models.lists import KIND_ROLE

SITUATION_PAGE = 1
WHERE_WHEN_PAGE = 2


def _kind_index(page, kind_id: str):
    source = page.model.index_of(kind_id)
    return page.proxy.mapFromSource(source)


def test_enter_on_a_situation_goes_to_where_and_when(make_window, qtbot) -> None:
    window = make_window("en")
    window.new_case(ask=False, go_on=True)
    wizard = window.wizard
    assert wizard.currentId() == SITUATION_PAGE
    page = wizard.currentPage()
    index = _kind_index(page, "observer_removed")
    page.tree.setFocus()
    page.tree.setCurrentIndex(index)
    assert window.draft.case.template == "observer_removed"
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert wizard.currentId() == WHERE_WHEN_PAGE, "Enter must go one page on, never two"
    assert window.draft.case.template == "observer_removed"


def test_enter_on_a_group_row_stays(make_window, qtbot) -> None:
    window = make_window("en")
    window.new_case(ask=False, go_on=True)
    page = window.wizard.currentPage()
    page.tree.setFocus()
    group = page.proxy.index(0, 0)
    assert group.data(KIND_ROLE) is None
    page.tree.setCurrentIndex(group)
    qtbot.keyClick(page.tree, Qt.Key.Key_Enter)
    assert window.wizard.currentId() == SITUATION_PAGE


def test_enter_in_the_list_of_steps_goes_to_that_step_only(make_window, qtbot) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case())
    wizard = window.wizard
    wizard.side.setFocus()
    wizard.side.setCurrentIndex(wizard.side_model.index(3, 0))
    qtbot.keyClick(wizard.side, Qt.Key.Key_Return)
    assert wizard.currentId() == 3


def _wheel(widget, steps: int = -1) -> None:
    """Turn the mouse wheel over the middle of ``widget`` (negative: towards the user, as when scrolling down)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_does_not_answer_a_question_on_the_facts_page(make_window, qtbot) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case())
    assert window.wizard.go_to_page(3)
    facts = window.wizard.currentPage()
    combos = [widget.input for widget in facts._inputs.values() if hasattr(widget.input, "currentIndex")]
    assert combos, "the kind has a yes/no or choice question"
    answers = dict(window.draft.case.details)
    facts.facts.setFocus()
    for combo in combos:
        before = combo.currentIndex()
        _wheel(combo)
        _wheel(combo, steps=1)
        _wheel(combo)
        assert combo.currentIndex() == before
        assert not combo.hasFocus(), "the wheel does not give a list the focus"
    assert window.draft.case.details == answers
    # With the focus, the wheel is the user's choice (the event itself is real).
    combo = combos[0]
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    before = combo.currentIndex()
    _wheel(combo, steps=1 if before > 0 else -1)
    assert combo.currentIndex() != before


def test_the_wheel_does_not_change_where_and_when(make_window, qtbot) -> None:
    from PySide6.QtWidgets import QComboBox

    window = make_window("ru")
    window.draft.replace_case(complete_case())
    assert window.wizard.go_to_page(WHERE_WHEN_PAGE)
    page = window.wizard.currentPage()
    page.place.setFocus()
    case_before = repr(window.draft.case)
    combos = page.findChildren(QComboBox)
    assert len(combos) >= 4
    for combo in combos:
        if combo.isVisible():
            _wheel(combo)
            _wheel(combo, steps=2)
    assert repr(window.draft.case) == case_before


def test_the_wheel_does_not_change_a_spin_box(qtbot) -> None:
    from PySide6.QtWidgets import QSpinBox, QWidget

    from kzcomplaint.gui.widgets import guard

    guard.install()
    holder = QWidget()
    qtbot.addWidget(holder)
    spin = QSpinBox(holder)
    spin.setRange(0, 10)
    spin.setValue(5)
    holder.show()
    _wheel(spin)
    assert spin.value() == 5


def test_the_new_dialogs_are_guarded_too(make_window, qtbot) -> None:
    import datetime as dt

    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QAbstractItemView

    from kzcomplaint.gui.dialogs.filing import FILING, RecordDialog

    window = make_window("kk", role="trainer")
    window.draft.replace_case(complete_case())
    form = RecordDialog(window.translator, FILING, window.draft.case, dt.date(2024, 3, 14), window)
    qtbot.addWidget(form)
    form.show()
    form.number.setFocus()
    how = form.how.currentIndex()
    _wheel(form.how)
    _wheel(form.how, steps=1)
    assert form.how.currentIndex() == how, "the wheel over the filing form's list changes nothing"
    # Enter on a day of the date's calendar picks that day (the guard leaves a calendar alone).
    calendar = form.date.calendar
    calendar.setSelectedDate(QDate(2024, 3, 12))
    grid = calendar.findChild(QAbstractItemView)
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert form.date.date() == dt.date(2024, 3, 12)
    assert form.result() != form.DialogCode.Accepted, "Enter on the calendar did not record the form"
    form.reject()

    workdays = window.show_workdays()
    year = workdays.year.value()
    workdays.view.setFocus()
    _wheel(workdays.year)
    assert workdays.year.value() == year, "the wheel does not turn the calendar's year unasked"
    workdays.reject()


def test_enter_on_a_scenario_starts_it_once(make_window, qtbot) -> None:
    from kzcomplaint.core.workshop import packs
    from kzcomplaint.gui.dialogs.exercise_start import StartExerciseDialog

    window = make_window("en", role="trainer")
    dialog = StartExerciseDialog(window.translator, packs.load_library(user=False), window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tree.setFocus()
    group = dialog.tree.topLevelItem(0)
    dialog.tree.setCurrentItem(group)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    assert dialog.result() != dialog.DialogCode.Accepted, "a group is not a scenario"
    dialog.tree.setCurrentItem(group.child(0))
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.scenario() is not None


@pytest.mark.qt_log_ignore("This plugin does not support")  # a popup offscreen cannot raise or grab
def test_enter_in_a_completer_popup_takes_the_item(qtbot) -> None:
    """The guard must leave popup lists alone: Enter in a completer's list reaches the completer."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QCompleter, QLineEdit

    edit = QLineEdit()
    qtbot.addWidget(edit)
    completer = QCompleter(["observer_removed.json", "other.json"], edit)
    edit.setCompleter(completer)
    taken: list[str] = []
    completer.activated.connect(taken.append)
    edit.show()
    edit.setFocus()
    qtbot.keyClicks(edit, "obs")
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert taken == ["observer_removed.json"]
    assert not popup.isVisible()


def test_enter_in_the_file_dialog_opens_the_typed_file(qtbot, tmp_path) -> None:
    """A path typed into the app's own file dialog and Enter: the file is chosen (the guard swallowed it)."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

    from kzcomplaint.gui.widgets import files

    target = tmp_path / "case.json"
    target.write_text("{}", encoding="utf-8")

    def type_and_enter() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible())
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        name.setText(str(target))
        completer = name.completer()
        if completer is not None and completer.popup().isVisible():
            qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)  # as a user's Enter lands first in the popup
        qtbot.keyClick(name, Qt.Key.Key_Return)
        QTimer.singleShot(2000, dialog.reject)  # never hang the suite if Enter does nothing

    QTimer.singleShot(300, type_and_enter)
    assert files.open_file(None, "Open", str(tmp_path), "Case files (*.json)") == str(target)
