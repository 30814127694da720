"""Checks run off the UI thread: the window never waits for the rules, and never shows an answer about another case."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import shiboken6
from gui_cases import complete_case
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kzcomplaint.core.case import caseio
from kzcomplaint.core.law import checks
from kzcomplaint.core.text.i18n import Translator
from kzcomplaint.gui import draft as draft_module
from kzcomplaint.gui.pages.check import MSG_CHECKING, MSG_SUMMARY_NONE, CheckPage
from kzcomplaint.gui.pages.deadlines import MSG_COUNTING, DeadlinesPage
from kzcomplaint.gui.workers import threads

CHECK_PAGE = 6


def test_the_check_runs_on_a_worker_thread(make_window, qtbot, monkeypatch) -> None:
    window = make_window("en")
    seen: list[threading.Thread] = []
    real = checks.check_case

    def spy(case, **kwargs):
        seen.append(threading.current_thread())
        return real(case, **kwargs)

    monkeypatch.setattr(checks, "check_case", spy)
    window.draft.replace_case(complete_case())
    window.draft.recheck()
    qtbot.waitUntil(lambda: not window.draft.checking)
    assert seen and all(thread is not threading.main_thread() for thread in seen)
    assert window.draft.assessed


def test_opening_a_case_never_shows_the_previous_case_problems_or_no_problem(
    make_window, qtbot, monkeypatch, tmp_path: Path
) -> None:
    window = make_window("en")
    defective = complete_case()
    defective.complainant = dataclasses.replace(defective.complainant, phone="", iin="")
    window.draft.replace_case(defective)
    window.wizard.go_to_page(CHECK_PAGE)
    qtbot.waitUntil(lambda: not window.draft.checking and window.draft.assessed)
    assert any(problem.field == "complainant.iin" for problem in window.draft.problems)

    # The next check is held until the test lets it go: what shows meanwhile?
    release = threading.Event()
    real = draft_module.assess

    def held(case, today, **where):
        release.wait(10)
        return real(case, today, **where)

    monkeypatch.setattr(draft_module, "assess", held)
    path = tmp_path / "complete.json"
    caseio.save_case(complete_case(), path)
    assert window.open_path(path, ask=False)
    check = window.check_page
    deadlines = window.wizard.page_of(DeadlinesPage)
    tr = Translator("en")
    assert window.draft.problems == [] and not window.draft.assessed
    assert check.model.rowCount() == 0, "the previous case's problems are gone"
    assert check.summary.text() == tr.gettext(MSG_CHECKING)
    assert check.summary.text() != tr.gettext(MSG_SUMMARY_NONE)
    if deadlines.is_built:
        assert deadlines.empty.text() == tr.gettext(MSG_COUNTING)
    release.set()
    qtbot.waitUntil(lambda: window.draft.assessed and not window.draft.checking)
    assert isinstance(window.wizard.currentPage(), CheckPage)
    assert not [problem for problem in window.draft.problems if problem.blocking]
    assert check.summary.text() != tr.gettext(MSG_CHECKING)


def test_an_older_answer_never_replaces_a_newer_one(make_window, qtbot, monkeypatch) -> None:
    window = make_window("en")
    first_asked = threading.Event()
    let_first_finish = threading.Event()
    real = draft_module.assess

    def slow_first(case, today, **where):
        if case.facts == "first":
            first_asked.set()
            let_first_finish.wait(10)
        return real(case, today, **where)

    monkeypatch.setattr(draft_module, "assess", slow_first)
    case = complete_case()
    window.draft.replace_case(dataclasses.replace(case, facts="first"))
    window.draft.recheck()
    assert first_asked.wait(10)
    # The user emptied the facts and the answers the kind's sentences would tell them by: a blocking problem.
    window.draft.case.facts = ""
    window.draft.case.details = {}
    window.draft.recheck()
    qtbot.waitUntil(lambda: window.draft.assessed)
    newer = [problem.field for problem in window.draft.problems]
    assert "facts" in newer
    let_first_finish.set()
    qtbot.waitUntil(lambda: not window.draft.checking)
    assert threads.wait_for_all()
    QApplication.processEvents()
    assert [problem.field for problem in window.draft.problems] == newer, "the slow, older answer was dropped"


def test_an_answer_for_a_controller_deleted_meanwhile_is_dropped(qtbot, kz_home, monkeypatch) -> None:
    release = threading.Event()
    real = draft_module.assess
    monkeypatch.setattr(draft_module, "assess", lambda case, today, **kw: release.wait(10) and real(case, today, **kw))
    controller = draft_module.DraftController()
    controller.replace_case(complete_case())
    controller.recheck()
    shiboken6.delete(controller)  # the window closed while the rules were read
    assert not shiboken6.isValid(controller)
    release.set()
    assert threads.wait_for_all()
    QApplication.processEvents()  # the answer arrives: dropped, no "Signal source has been deleted"


def test_opening_a_case_walks_to_the_check_page_one_page_per_turn(make_window, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    caseio.save_case(complete_case(), path)
    window = make_window("en")
    wizard = window.wizard
    between: list[int] = []

    def note_page() -> None:  # a zero timer queued behind the first step: runs between two pages
        between.append(wizard.currentId())

    assert window.open_path(path, ask=False)
    assert wizard.walking and wizard.currentId() == 0
    assert not wizard.updatesEnabled(), "the pages walked through are never painted"
    QTimer.singleShot(0, note_page)
    qtbot.waitUntil(lambda: not wizard.walking)
    assert wizard.currentId() == CHECK_PAGE and wizard.updatesEnabled()
    assert between and 0 < between[0] < CHECK_PAGE, "the event loop ran while the pages were walked"


def test_going_elsewhere_during_the_walk_ends_it_there(make_window, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    caseio.save_case(complete_case(), path)
    window = make_window("en")
    assert window.open_path(path, ask=False)
    assert window.wizard.go_to_page(2)
    assert not window.wizard.walking and window.wizard.updatesEnabled()
    qtbot.wait(50)
    assert window.wizard.currentId() == 2, "the walk does not carry on past the user's choice"


def test_an_answer_about_the_replaced_case_is_never_shown(qtbot, kz_home, monkeypatch) -> None:
    release = threading.Event()
    real = draft_module.assess
    monkeypatch.setattr(draft_module, "assess", lambda case, today, **kw: release.wait(10) and real(case, today, **kw))
    controller = draft_module.DraftController()
    defective = complete_case()
    defective.complainant = dataclasses.replace(defective.complainant, iin="")
    controller.replace_case(defective)
    controller.recheck()  # the question about the defective case is on its way
    controller.replace_case(complete_case())  # another case before the answer; its own check not asked yet
    release.set()
    assert threads.wait_for_all()
    QApplication.processEvents()
    assert controller.problems == [] and not controller.assessed, "the answer was about the other case"
    controller.recheck()
    qtbot.waitUntil(lambda: controller.assessed)
    assert not [problem for problem in controller.problems if problem.field == "complainant.iin"]
    shiboken6.delete(controller)
