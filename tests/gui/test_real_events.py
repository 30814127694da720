"""The keyboard and the mouse wheel as a user presses and turns them, through Qt's own event delivery.

Keys go to the focused widget with QTest (shortcuts are found by Qt as for a
real key press); the wheel is delivered to the window at a point over the
input, and Qt decides which widget gets it, as for a real mouse. What must
NOT happen is tested too: an answer changed by a wheel the user meant for
the page, a save that asks for a new file or writes elsewhere after a restore.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from gui_cases import complete_case
from gui_helpers import die
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from kzcomplaint.core.case import caseio, drafts
from kzcomplaint.gui.models.lists import KIND_ROLE
from kzcomplaint.gui.pages.facts import FactsPage
from kzcomplaint.gui.pages.parties import PartiesPage
from kzcomplaint.gui.pages.situation import SituationPage
from kzcomplaint.gui.widgets.fields import DateField, TimeField

SITUATION, WHERE_WHEN, FACTS, PARTIES, CHECK = 1, 2, 3, 4, 6


# ── Helpers: real events ─────────────────────────────────────────────────


def _press(widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press and release ``key`` on ``widget``, as the keyboard would."""
    QTest.keyClick(widget, key, modifier)
    QApplication.processEvents()


def _focused(window) -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None and widget.window() is window, "the window has the keyboard focus"
    return widget


def _shortcut(window, key: Qt.Key) -> None:
    """Ctrl+``key`` where the user's focus is."""
    _press(_focused(window), key, Qt.KeyboardModifier.ControlModifier)


def _type(qtbot, edit: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Click into the input (scrolled into view) and type ``text`` key by key."""
    area = _scroll_area_of(edit)
    if area is not None:
        area.ensureWidgetVisible(edit)
    QTest.mouseClick(edit.viewport() if isinstance(edit, QPlainTextEdit) else edit, Qt.MouseButton.LeftButton)
    assert edit.hasFocus()
    qtbot.keyClicks(edit, text)
    QApplication.processEvents()


def _wheel_over(widget: QWidget, notches: int) -> None:
    """Turn the mouse wheel ``notches`` (negative: towards the user) with the pointer over ``widget``."""
    area = _scroll_area_of(widget)
    if area is not None:
        area.ensureWidgetVisible(widget)
    QApplication.processEvents()
    window = widget.window()
    centre = widget.rect().center()
    QTest.mouseMove(widget, centre)
    event = QWheelEvent(
        QPointF(widget.mapTo(window, centre)),
        QPointF(widget.mapToGlobal(centre)),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    # To the window, which finds the widget under the pointer as for a real wheel. (A
    # synthesised event is not passed on to the parents when the widget ignores it,
    # so whether the page then scrolls is not tested here.)
    QApplication.sendEvent(window.windowHandle(), event)
    QApplication.processEvents()


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def _file_dialog(monkeypatch, name: str, answer: Path | None = None) -> list[str]:
    """Answer the app's file dialog ``name`` with ``answer`` (None: the user cancels); return the names it suggested.

    The window asks through :mod:`kzcomplaint.gui.widgets.files` (Qt's own dialog in the
    interface language), so that is what is answered: a real dialog would wait for a user.
    """
    from kzcomplaint.gui.widgets import files

    function = {"getSaveFileName": "save_file", "getOpenFileName": "open_file"}[name]
    suggested: list[str] = []

    def choose(_parent=None, _title="", start="", _filters=""):
        suggested.append(start)
        return str(answer) if answer is not None else ""

    monkeypatch.setattr(files, function, choose)
    return suggested


def _answer_message_box(monkeypatch, answer: QMessageBox.StandardButton) -> list[str]:
    """Answer the next QMessageBox.question with ``answer``; return the questions asked."""
    asked: list[str] = []

    def question(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def _saved_case(path: Path):
    return caseio.load_case(path)


# ── Ctrl+S, Ctrl+O, Ctrl+N ───────────────────────────────────────────────


def _opened(make_window, tmp_path: Path, language: str = "en"):
    path = tmp_path / "cases" / "my_case.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    caseio.save_case(complete_case(), path)
    window = make_window(language)
    assert window.open_path(path)
    return window, path


def _edit_email_by_keys(qtbot, window, text: str) -> None:
    assert window.wizard.go_to_page(PARTIES)
    parties = window.wizard.currentPage()
    assert isinstance(parties, PartiesPage)
    email = parties.fields["complainant.email"].widget.edit
    _type(qtbot, email, "")
    _press(email, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select what is there, then type over it
    qtbot.keyClicks(email, text)
    assert email.text() == text


def test_ctrl_s_saves_into_the_opened_file_without_asking(make_window, qtbot, tmp_path: Path, monkeypatch) -> None:
    window, path = _opened(make_window, tmp_path)
    save_dialogs = _file_dialog(monkeypatch, "getSaveFileName")
    _edit_email_by_keys(qtbot, window, "typed.by.keys@example.kz")
    assert window.draft.dirty and window.isWindowModified()

    _shortcut(window, Qt.Key.Key_S)

    assert save_dialogs == [], "the case has a file: Save writes it, it does not ask"
    assert _saved_case(path).complainant.email == "typed.by.keys@example.kz"
    assert not window.draft.dirty and not window.isWindowModified()
    assert sorted(p.name for p in path.parent.iterdir()) == ["my_case.json"], "nothing written beside it"


def test_ctrl_s_on_a_new_case_asks_where_and_writes_there(make_window, qtbot, tmp_path: Path, monkeypatch) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case(), dirty=True)
    assert window.wizard.go_to_page(PARTIES)
    target = tmp_path / "chosen.json"
    asked = _file_dialog(monkeypatch, "getSaveFileName", target)
    name = window.wizard.currentPage().fields["complainant.full_name"].widget
    _press(name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert len(asked) == 1 and asked[0].endswith(".json")
    assert _saved_case(target) == window.draft.case
    assert window.draft.path == target and not window.draft.dirty


def test_ctrl_o_opens_the_chosen_file(make_window, qtbot, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "other.json"
    case = complete_case()
    case.complainant.full_name = "Тестова Әйгерім Ctrl+O"
    caseio.save_case(case, path)
    window = make_window("en")
    _file_dialog(monkeypatch, "getOpenFileName", path)

    _shortcut(window, Qt.Key.Key_O)

    assert window.draft.path == path and not window.draft.dirty
    assert window.draft.case.complainant.full_name == "Тестова Әйгерім Ctrl+O"
    assert window.windowTitle().startswith("other.json")


def test_ctrl_o_with_unsaved_answers_asks_first(make_window, qtbot, tmp_path: Path, monkeypatch) -> None:
    window, path = _opened(make_window, tmp_path)
    _edit_email_by_keys(qtbot, window, "unsaved@example.kz")
    open_dialogs = _file_dialog(monkeypatch, "getOpenFileName")
    asked = _answer_message_box(monkeypatch, QMessageBox.StandardButton.Cancel)

    _shortcut(window, Qt.Key.Key_O)

    assert len(asked) == 1, "unsaved answers: the user is asked before anything else is opened"
    assert open_dialogs == [], "cancelled: no file dialog"
    assert window.draft.case.complainant.email == "unsaved@example.kz" and window.draft.dirty


def test_ctrl_n_starts_a_new_case(make_window, qtbot, tmp_path: Path, monkeypatch) -> None:
    window, path = _opened(make_window, tmp_path)
    asked = _answer_message_box(monkeypatch, QMessageBox.StandardButton.Cancel)

    _shortcut(window, Qt.Key.Key_N)

    assert asked == [], "nothing unsaved: nothing to ask"
    assert window.draft.path is None and window.draft.case.template == ""
    assert window.wizard.currentId() == 0
    assert _saved_case(path) == complete_case(), "the opened file is left as it was"


def test_ctrl_n_with_unsaved_answers_asks_and_cancel_keeps_them(
    make_window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    window, path = _opened(make_window, tmp_path)
    _edit_email_by_keys(qtbot, window, "keep.me@example.kz")
    asked = _answer_message_box(monkeypatch, QMessageBox.StandardButton.Cancel)

    _shortcut(window, Qt.Key.Key_N)

    assert len(asked) == 1
    assert window.draft.path == path and window.draft.case.complainant.email == "keep.me@example.kz"
    assert window.wizard.currentId() == PARTIES


# ── Restore after a crash, then Ctrl+S ───────────────────────────────────


def _back_in(qtbot, window) -> None:
    """The dialog is closed: the main window is active again, as the window manager makes it."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)


def _click_default_button_when_shown() -> list[str]:
    """Press Enter in the next modal message box (its default button); return its text."""
    seen: list[str] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        QTest.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press)
    return seen


def test_restore_after_a_crash_then_ctrl_s_writes_the_original_file(
    make_window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    first, path = _opened(make_window, tmp_path)
    _edit_email_by_keys(qtbot, first, "after.crash@example.kz")
    first.draft.autosave_timer.setInterval(10)
    qtbot.waitUntil(drafts.has_autosave, timeout=5_000)
    # The process dies here: no close, no clean-up, its slot's lock let go. The next start offers the draft.
    die(first)
    second = make_window("en")
    save_dialogs = _file_dialog(monkeypatch, "getSaveFileName")
    shown = _click_default_button_when_shown()
    assert second.offer_restore()
    _back_in(qtbot, second)
    assert shown and "not closed properly" in shown[0]
    assert second.draft.dirty and second.draft.case.complainant.email == "after.crash@example.kz"
    assert second.windowTitle().startswith("my_case.json"), "the title names the case's own file"

    _shortcut(second, Qt.Key.Key_S)

    assert save_dialogs == [], "Save after a restore writes the case's own file; it does not ask for a new one"
    assert _saved_case(path).complainant.email == "after.crash@example.kz"
    assert sorted(p.name for p in path.parent.iterdir()) == ["my_case.json"], "nothing written elsewhere"
    assert not drafts.has_autosave(), "saved: the draft is gone"
    assert not second.draft.dirty


def test_restore_of_a_never_saved_case_asks_where_to_save(make_window, qtbot, tmp_path: Path, monkeypatch) -> None:
    first = make_window("en")
    first.draft.replace_case(complete_case(), dirty=True)
    assert first.draft.autosave()
    die(first)
    second = make_window("en")
    _click_default_button_when_shown()
    assert second.offer_restore()
    _back_in(qtbot, second)
    target = tmp_path / "first_save.json"
    asked = _file_dialog(monkeypatch, "getSaveFileName", target)
    _shortcut(second, Qt.Key.Key_S)
    assert len(asked) == 1
    assert _saved_case(target) == complete_case()


# ── Tab and Enter ───────────────────────────────────────────────────────


def test_tab_walks_the_complainant_fields_in_reading_order(make_window, qtbot) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case())
    assert window.wizard.go_to_page(PARTIES)
    page = window.wizard.currentPage()
    stops: list[QWidget] = []
    for path in ("complainant.full_name", "complainant.iin", "complainant.birth_date", "complainant.birth_place",
                 "complainant.address", "complainant.phone", "complainant.email", "complainant.role",
                 "complainant.organization"):  # fmt: skip
        widget = page.fields[path].widget
        stops += [widget.edit, widget.button] if isinstance(widget, DateField) else [getattr(widget, "edit", widget)]
    QTest.mouseClick(stops[0], Qt.MouseButton.LeftButton)
    walked = [QApplication.focusWidget()]
    for _ in stops[1:]:
        _press(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert [w.accessibleName() for w in walked] == [w.accessibleName() for w in stops]
    assert walked == stops
    # And back: Shift+Tab from the organisation to the capacity.
    _press(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is stops[-2]


def test_enter_in_a_text_box_starts_a_new_line_and_stays_on_the_page(make_window, qtbot) -> None:
    window = make_window("en")
    case = complete_case()
    case.facts = ""
    window.draft.replace_case(case)
    assert window.wizard.go_to_page(FACTS)
    page = window.wizard.currentPage()
    assert isinstance(page, FactsPage)
    _type(qtbot, page.facts, "first line")
    _press(page.facts, Qt.Key.Key_Return)
    qtbot.keyClicks(page.facts, "second line")
    assert page.facts.toPlainText() == "first line\nsecond line"
    assert window.wizard.currentId() == FACTS


def test_enter_on_the_situation_list_goes_to_the_next_page_only(make_window, qtbot) -> None:
    window = make_window("en")
    assert window.wizard.go_to_page(SITUATION)
    page = window.wizard.currentPage()
    assert isinstance(page, SituationPage)
    tree = page.tree
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    tree.setFocus()
    # Down to the first situation (the first rows are group headings).
    for _ in range(10):
        if tree.currentIndex().data(KIND_ROLE):
            break
        _press(tree, Qt.Key.Key_Down)
    assert tree.currentIndex().data(KIND_ROLE)
    _press(tree, Qt.Key.Key_Return)
    assert window.draft.case.template == tree.currentIndex().data(KIND_ROLE)
    assert window.wizard.currentId() == WHERE_WHEN


# ── The mouse wheel over every kind of input ─────────────────────────────


def _facts_window(make_window):
    window = make_window("en")
    case = complete_case()
    case.details["recorded"] = "no"
    case.details["admitted_at"] = "09:15"
    window.draft.replace_case(case)
    assert window.wizard.go_to_page(FACTS)
    return window, window.wizard.currentPage()


def _where_when_window(make_window):
    window = make_window("en")
    window.draft.replace_case(complete_case())
    assert window.wizard.go_to_page(WHERE_WHEN)
    return window, window.wizard.currentPage()


def _parties_window(make_window):
    window = make_window("en")
    window.draft.replace_case(complete_case())
    assert window.wizard.go_to_page(PARTIES)
    return window, window.wizard.currentPage()


def _input(page, path: str) -> QWidget:
    widget = page.fields[path].widget
    return getattr(widget, "input", widget)


def _value(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, (DateField, TimeField)):
        return widget.edit.text()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    raise AssertionError(f"no value for {type(widget).__name__}")


def _wheel_changes_nothing(window, widget: QWidget) -> None:
    # The focus is elsewhere: the user is scrolling the page, not editing this input.
    window.wizard.side.setFocus()
    assert not widget.hasFocus()
    before_case = copy.deepcopy(window.draft.case)
    before = _value(widget)
    target = widget.edit if isinstance(widget, (DateField, TimeField)) else widget
    for notches in (-1, -3, 2):
        _wheel_over(target, notches)
        assert _value(widget) == before, f"the wheel changed {type(widget).__name__}"
    window.wizard.currentPage().store()
    assert window.draft.case == before_case
    assert not window.draft.dirty


WHEEL_INPUTS = [
    pytest.param(_facts_window, "details.refused_by", id="line edit"),
    pytest.param(_facts_window, "details.admitted_at", id="time field"),
    pytest.param(_facts_window, "facts", id="text box"),
    pytest.param(_where_when_window, "contested.date", id="date field"),
    pytest.param(_where_when_window, "respondent.number", id="number field"),
    pytest.param(_parties_window, "representative", id="check box"),
    pytest.param(_facts_window, "details.recorded", id="yes-no drop-down"),
    pytest.param(_where_when_window, "contested.type", id="choice drop-down"),
]


@pytest.mark.parametrize(("open_page", "path"), WHEEL_INPUTS)
def test_the_wheel_over_an_input_does_not_change_the_answer(make_window, open_page, path: str) -> None:
    window, page = open_page(make_window)
    _wheel_changes_nothing(window, _input(page, path))


def test_the_wheel_over_the_situation_list_scrolls_and_keeps_the_choice(make_window) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case())
    assert window.wizard.go_to_page(SITUATION)
    page = window.wizard.currentPage()
    chosen = window.draft.case.template
    window.wizard.side.setFocus()
    bar = page.tree.verticalScrollBar()
    page.tree.scrollToTop()
    _wheel_over(page.tree.viewport(), -3)
    assert bar.value() > 0, "the list scrolled"
    assert window.draft.case.template == chosen and page.tree.currentIndex().data(KIND_ROLE) == chosen
    assert not window.draft.dirty


def test_the_wheel_over_a_focused_drop_down_changes_it(make_window) -> None:
    # The other side of the rule: once the user has clicked into a drop-down, the wheel is theirs to use.
    window, page = _facts_window(make_window)
    combo = _input(page, "details.recorded")
    assert isinstance(combo, QComboBox)
    _scroll_area_of(combo).ensureWidgetVisible(combo)
    combo.setFocus(Qt.FocusReason.MouseFocusReason)
    assert combo.currentData() == "no"
    _wheel_over(combo, 1)  # away from the user: the item above
    assert combo.currentData() == "yes"
    assert window.draft.case.details["recorded"] == "yes"
