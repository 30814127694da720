"""The first window holds only the start page; the other pages come once it is painted, or as soon as asked for."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_cases import complete_case
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QWizard

from kzcomplaint.core.case import caseio, drafts
from kzcomplaint.core.text.i18n import Translator
from kzcomplaint.gui.pages import STEP_TITLES
from kzcomplaint.gui.pages.start import MSG_COMPUTING

ROOT = Path(__file__).resolve().parents[2]
LAST_PAGE = len(STEP_TITLES) - 1


def _forget_unsaved(window) -> None:
    window.draft.dirty = False  # closing would ask about unsaved answers


@pytest.fixture
def built_window(qtbot, kz_home: Path) -> Iterator:
    """Build main windows in ``kz_home`` without showing them; closed and reset after the test."""
    from kzcomplaint.app import build_main_window
    from kzcomplaint.gui.settings import UiSettings
    from kzcomplaint.gui.workers import threads

    built = []

    def build(language: str = "en"):
        settings = UiSettings()
        settings.language = language
        settings.role = "observer"
        window = build_main_window(language, settings=settings)
        qtbot.addWidget(window, before_close_func=_forget_unsaved)
        built.append(window)
        return window

    yield build
    threads.wait_for_all()
    for window in built:
        window.draft.autosave_timer.stop()
        window.ui.set_language("en")
        window.deleteLater()
    QApplication.processEvents()
    # Deleted now, not at some later test's event loop: a window left alive would
    # start its own idle work (reading the core's data) in the middle of that test.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    threads.wait_for_all()
    QApplication.processEvents()


def _side_texts(wizard) -> list[str]:
    return [wizard.side_model.item(row).text() for row in range(wizard.side_model.rowCount())]


def test_pages_are_in_the_order_of_the_step_titles() -> None:
    from kzcomplaint.gui.wizard import PAGES, page_classes

    assert PAGES == page_classes()
    assert [page.__module__ for page in PAGES] == [f"kzcomplaint.gui.pages.{name}" for name in STEP_TITLES]
    assert [page.STEP for page in PAGES] == list(STEP_TITLES)


def test_only_the_start_page_exists_until_the_window_is_painted(built_window, qtbot) -> None:
    window = built_window("ru")
    wizard = window.wizard
    ru = Translator("ru")
    assert wizard.pageIds() == [0] and not wizard.pages_created
    # Every step is listed from the start, in the interface language.
    assert _side_texts(wizard) == [ru.gettext(title) for title in STEP_TITLES.values()]
    with qtbot.waitSignal(window.firstPainted, timeout=5_000):
        window.show()
    assert wizard.pages_created
    assert wizard.pageIds() == list(range(len(STEP_TITLES)))
    assert [page.title() for page in wizard.pages] == _side_texts(wizard)
    assert [page.is_built for page in wizard.pages] == [True] + [False] * LAST_PAGE, "widgets come when needed"
    # Embedded as a plain widget, the list of steps reachable by Tab and by click.
    assert not wizard.isWindow()
    assert wizard.side.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_next_works_before_the_other_pages_exist(built_window) -> None:
    window = built_window("en")
    window.show()  # the first paint (and with it the other pages) waits for the event loop
    wizard = window.wizard
    assert not wizard.pages_created
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.isVisible() and next_button.isEnabled()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    next_button.click()
    assert wizard.currentId() == 1
    assert wizard.currentPage() is wizard.pages[1] and wizard.currentPage().is_built


def test_every_page_and_field_is_reached_from_a_window_not_painted_yet(built_window, qtbot) -> None:
    window = built_window("en")
    window.show()
    window.draft.replace_case(complete_case())
    wizard = window.wizard
    assert not wizard.pages_created
    # "Go to field" before any other page exists.
    assert wizard.go_to_field("contested.date") is not None
    assert wizard.currentId() == 2
    for page_id in [*range(len(STEP_TITLES)), *reversed(range(len(STEP_TITLES)))]:
        assert wizard.go_to_page(page_id), page_id
        assert wizard.currentPage() is wizard.pages[page_id] and wizard.pages[page_id].is_built
    # The list of steps.
    rect = wizard.side.visualRect(wizard.side_model.index(6, 0))
    qtbot.mouseClick(wizard.side.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert wizard.currentId() == 6
    # "Go to field" from the check page, to a field of each page that has one.
    check = window.check_page
    fields = {
        "template": 1,
        "contested.date": 2,
        "facts": 3,
        "complainant.iin": 4,
        "addressee.phone": 4,
        "output_language": LAST_PAGE,
    }
    for path, page_id in fields.items():
        check.goToField.emit(path)
        assert wizard.currentId() == page_id, path
    wizard.go_to_page(0)
    window.new_case(ask=False, go_on=True)
    assert wizard.currentId() == 1


def test_the_new_case_and_the_menus_entries_are_made_once_the_window_is_painted(built_window, qtbot) -> None:
    from PySide6.QtGui import QKeySequence

    from kzcomplaint.core.case import profile

    me = complete_case().complainant
    profile.save_profile(me)
    window = built_window("ru")
    window.settings.role = "lawyer"
    ru = Translator("ru")
    # Before the first paint: the menus' titles, none of their entries; the new case not made yet.
    assert [menu.title() for menu in (window.file_menu, window.settings_menu, window.help_menu)] == [
        ru.gettext("&File"),
        ru.gettext("&Settings"),
        ru.gettext("&Help"),
    ]
    assert not window.menus_filled and not window.file_menu.actions() and not window.workshop.menu.actions()
    assert window.draft.first_case is not None
    with qtbot.waitSignal(window.firstPainted, timeout=5_000):
        window.show()
    # Painted: every entry, in the interface language, with its shortcut; the case with the user's defaults.
    assert window.menus_filled and window.draft.first_case is None
    assert window.open_action.text() == ru.gettext("&Open…")
    assert window.open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.workshop.start_action.text() == ru.gettext("&Start an exercise…")
    assert window.language_actions["ru"].isChecked() and window.role_actions["lawyer"].isChecked()
    case = window.draft.case
    assert case.complainant.full_name == me.full_name and case.complainant.iin == me.iin
    assert case.representative is not None and case.representative.role == "lawyer"
    assert case.language == "ru" and window.wizard.currentId() == 0


def test_a_page_shown_before_the_paint_gets_the_new_case_with_the_defaults_and_stays_shown(built_window) -> None:
    from kzcomplaint.core.case import profile

    me = complete_case().complainant
    profile.save_profile(me)
    window = built_window("en")
    window.show()  # not painted yet: the new case is not made
    assert window.draft.first_case is not None
    window.wizard.button(QWizard.WizardButton.NextButton).click()
    # The page asked for the case: made then, with the defaults, and the wizard stays on that page.
    assert window.wizard.currentId() == 1
    assert window.draft.first_case is None
    assert window.draft.case.complainant.full_name == me.full_name and window.draft.path is None
    assert not window.draft.dirty


def test_an_answer_given_before_the_first_paint_is_not_replaced_once_painted(built_window, qtbot) -> None:
    window = built_window("en")
    window.show()  # not painted yet
    window.wizard.button(QWizard.WizardButton.NextButton).click()
    case = window.draft.case  # made now, quietly, for the page shown
    case.facts = "Typed before the window was painted."
    window.draft.touch()
    with qtbot.waitSignal(window.firstPainted, timeout=5_000):
        pass
    # The paint makes no second new case over the one the user already answers in.
    assert window.draft.case is case and window.draft.case.facts == "Typed before the window was painted."
    assert window.draft.dirty and window.wizard.currentId() == 1


def test_a_case_opened_before_the_first_paint_is_not_replaced_by_a_new_one(built_window, qtbot, tmp_path: Path) -> None:
    case = complete_case()
    case.facts = "Opened before the window was painted."
    path = tmp_path / "opened.json"
    caseio.save_case(case, path)
    window = built_window("en")
    window.show()
    assert window.open_path(path)
    with qtbot.waitSignal(window.firstPainted, timeout=5_000):
        pass
    assert window.draft.path == path and window.draft.case.facts == case.facts
    assert not window.draft.dirty


def test_a_language_and_role_chosen_before_the_first_paint_are_the_checked_entries(built_window, qtbot) -> None:
    window = built_window("en")
    window.set_language("kk")  # the menus have no entries yet: nothing to check, nothing breaks
    window.set_role("trainer")
    with qtbot.waitSignal(window.firstPainted, timeout=5_000):
        window.show()
    kk = Translator("kk")
    assert [code for code, item in window.language_actions.items() if item.isChecked()] == ["kk"]
    assert [role for role, item in window.role_actions.items() if item.isChecked()] == ["trainer"]
    assert window.new_action.text() == kk.gettext("&New complaint") != "&New complaint"
    assert window.training_action.isEnabled()


def test_pages_created_or_built_after_a_language_switch_are_in_that_language(built_window) -> None:
    window = built_window("en")
    wizard = window.wizard
    window.set_language("ru")  # before the other pages exist
    ru = Translator("ru")
    assert not wizard.pages_created
    pages = wizard.pages
    for page, title in zip(pages, STEP_TITLES.values(), strict=True):
        assert page.title() == ru.gettext(title) != title, type(page).__name__
        assert page.subTitle() and not page.is_built

    window.set_language("kk")  # the pages exist, their widgets do not
    kk = Translator("kk")
    assert _side_texts(wizard) == [kk.gettext(title) for title in STEP_TITLES.values()]
    window.draft.replace_case(complete_case())
    window.show()
    for page_id, (page, title) in enumerate(zip(pages, STEP_TITLES.values(), strict=True)):
        assert wizard.go_to_page(page_id), page_id
        assert page.is_built
        assert page.title() == kk.gettext(title) != title, type(page).__name__
        for path, entry in page.fields.items():
            if entry.literal:
                continue  # a template's own question: its label is data in the three languages
            assert entry.widget.accessibleName() == entry.text(kk), path
            if entry.label is not None:
                assert entry.label.text() == kk.gettext(entry.msgid), path


def test_terms_of_recent_cases_are_computed_once_the_window_is_painted(built_window, qtbot, tmp_path: Path) -> None:
    from kzcomplaint.gui.workers import threads

    assert threads.wait_for_all()  # nothing left running from before this window
    QApplication.processEvents()
    case = complete_case()
    path = tmp_path / "case.json"
    caseio.save_case(case, path)
    drafts.remember_case(path, case.template)
    window = built_window("en")
    window.show()
    start = window.start_page
    computing = Translator("en").gettext(MSG_COMPUTING)
    assert start.recent_model.rowCount() == 1
    assert start.terms_label.text() == computing
    assert not threads.busy(), "nothing competes with the first paint"
    qtbot.waitUntil(lambda: start.terms_label.text() != computing, timeout=10_000)


def test_the_table_of_terms_is_made_only_when_there_is_a_term_to_show(built_window, qtbot, tmp_path: Path) -> None:
    import dataclasses
    import datetime as dt

    window = built_window("kk")
    with qtbot.waitSignal(window.firstPainted, timeout=5_000):
        window.show()
    start = window.start_page
    assert start.terms_view is None, "no recent case, no term: no empty table (and none to build before the paint)"
    case = complete_case()
    case.contested = dataclasses.replace(case.contested, date=dt.date.today() - dt.timedelta(days=8))
    case.filing_date = None  # ten days to complain of an action eight days ago: due this week
    path = tmp_path / "due.json"
    caseio.save_case(case, path)
    drafts.remember_case(path, case.template)
    start.load()
    qtbot.waitUntil(lambda: start.terms_view is not None and start.terms_view.isVisible(), timeout=20_000)
    view = start.terms_view
    assert view.model() is start.terms_model and start.terms_model.rowCount() > 0
    assert view.accessibleName() == Translator("kk").gettext("Terms falling due")
    drafts.forget_case(path)
    start.load()
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=10_000)
    assert start.terms_view is view, "made once, hidden when there is nothing to show"


FIRST_WINDOW = textwrap.dedent(
    """
    import json, sys
    from PySide6 import QtCore
    from kzcomplaint.app import build_main_window, create_application
    from kzcomplaint.gui.settings import UiSettings

    lazy_types = "Qt" not in vars(QtCore)  # PySide creates a type on its first use
    app = create_application()
    settings = UiSettings()
    settings.language = "ru"
    settings.role = "observer"
    window = build_main_window("ru", settings=settings)
    seen = {}

    def loaded():
        return sorted(name for name in sys.modules if name.startswith("kzcomplaint"))

    def shown():
        seen["shown"] = loaded()
        seen["qt_namespace"] = lazy_types and "Qt" in vars(QtCore)

    def painted():
        seen["painted"] = loaded()
        app.quit()

    window.firstShown.connect(shown)
    window.firstPainted.connect(painted)
    window.show()
    app.exec()
    print(json.dumps(seen))
    """
)


def test_the_first_window_loads_neither_the_other_pages_nor_qt_namespace(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KZCOMPLAINT_HOME=str(tmp_path))
    completed = subprocess.run(
        [sys.executable, "-c", FIRST_WINDOW], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=True
    )
    seen = json.loads(completed.stdout.splitlines()[-1])
    other_pages = {f"kzcomplaint.gui.pages.{name}" for name in STEP_TITLES if name != "start"}
    later = other_pages | {
        "kzcomplaint.gui.dialogs.batch",
        "kzcomplaint.gui.models.lists",
        "kzcomplaint.gui.widgets.fields",
        "kzcomplaint.core.law.catalog",
        "kzcomplaint.core.law.checks",
        "kzcomplaint.core.law.deadlines",
        # Nor the case model and its file reader (the new case is made once the window is painted),
        # nor the thread pool (nothing runs in the background before).
        "kzcomplaint.core.case.model",
        "kzcomplaint.core.case.caseio",
        "kzcomplaint.gui.workers.threads",
        "kzcomplaint.gui.widgets.terms",
        "kzcomplaint.gui.widgets.delegates",
    }
    assert "kzcomplaint.gui.pages.start" in seen["shown"]
    assert not later & set(seen["shown"])
    assert not seen["qt_namespace"], "Qt's namespace (hundreds of enumerations) loaded before the first window"
    assert other_pages <= set(seen["painted"])


def test_once_idle_the_pages_are_built_and_every_kinds_texts_compiled(built_window, qtbot, monkeypatch) -> None:
    # Opening a case then fills built pages and drafts its facts from compiled sentences: no
    # Jinja compilation on the UI thread (a 70 ms freeze per kind before).
    from kzcomplaint.core.documents import templates

    for template in templates.all_templates().values():
        template.__dict__.pop("compiled", None)  # as in a fresh process
    window = built_window("kk")
    with qtbot.waitSignal(window.firstPainted, timeout=5_000):
        window.show()
    kinds = templates.all_templates().values()
    qtbot.waitUntil(lambda: all("compiled" in template.__dict__ for template in kinds), timeout=30_000)
    assert all(page.is_built for page in window.wizard.pages)
