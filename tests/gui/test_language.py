"""Switching the interface language re-translates every page live, Qt's own buttons included."""

from __future__ import annotations

import pytest
from gui_cases import complete_case
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWizard

from kzcomplaint.core.law import catalog
from kzcomplaint.core.text.i18n import Translator
from kzcomplaint.gui.dialogs.first_run import FirstRunDialog
from kzcomplaint.gui.i18n import UiLanguage
from kzcomplaint.gui.models.lists import KIND_ROLE

MARK = "⟪"


@pytest.fixture
def marked_russian(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Russian catalogue that visibly marks every string it translates (the real one comes later)."""
    original = Translator.gettext

    def gettext(self: Translator, message: str) -> str:
        text = original(self, message)
        return f"{MARK}{text}" if self.language == "ru" else text

    monkeypatch.setattr(Translator, "gettext", gettext)


def _button_texts(window) -> dict[str, str]:
    wizard = window.wizard
    return {
        "back": wizard.button(QWizard.WizardButton.BackButton).text(),
        "next": wizard.button(QWizard.WizardButton.NextButton).text(),
        "finish": wizard.button(QWizard.WizardButton.FinishButton).text(),
    }


def test_switching_language_retranslates_every_page(make_window, marked_russian) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case())
    for page_id in range(len(window.wizard.pages)):
        window.wizard.go_to_page(page_id)
    assert _button_texts(window)["next"] == "&Next >"

    window.set_language("ru")

    for page in window.wizard.pages:
        assert page.title().startswith(MARK), type(page).__name__
        assert page.subTitle().startswith(MARK), type(page).__name__
        for path, entry in page.fields.items():
            if entry.literal:
                continue  # a template's own question: its label is data in the three languages
            assert entry.widget.accessibleName().startswith(MARK), path
            if entry.label is not None:
                assert entry.label.text().startswith(MARK), path
    assert window.file_menu.title().startswith(MARK)
    assert window.windowTitle()
    side = [window.wizard.side_model.item(row).text() for row in range(window.wizard.side_model.rowCount())]
    assert all(text.startswith(MARK) for text in side)
    # Qt's own buttons come from Qt's catalogue.
    buttons = _button_texts(window)
    assert buttons["next"] == QCoreApplication.translate("QWizard", "&Next >") == "&Далее >"
    assert buttons["back"] == "< &Назад"
    assert buttons["finish"] == "&Завершить"
    # Data texts (the catalogue) follow the interface language too.
    situation = window.wizard.pages[1]
    index = situation.model.index_of("observer_denied_entry")
    assert index.data() == catalog.get("observer_denied_entry").title["ru"]
    assert index.data(KIND_ROLE) == "observer_denied_entry"

    window.set_language("kk")
    assert _button_texts(window)["back"] == "< &Артқа"
    assert index.data() == catalog.get("observer_denied_entry").title["kk"]
    window.set_language("en")
    assert _button_texts(window)["next"] == "&Next >"
    assert not window.wizard.pages[0].title().startswith(MARK)


def test_language_switch_keeps_answers(make_window) -> None:
    window = make_window("en")
    case = complete_case()
    window.draft.replace_case(case)
    window.wizard.go_to_page(4)
    window.set_language("kk")
    window.set_language("ru")
    assert window.draft.case.complainant.full_name == case.complainant.full_name
    assert window.draft.case.contested.date == case.contested.date
    assert window.draft.case.details == case.details


def test_language_is_remembered(make_window) -> None:
    window = make_window("en")
    window.set_language("kk")
    from kzcomplaint.gui.settings import UiSettings

    assert UiSettings().language == "kk"


def test_first_run_dialog_retranslates_as_a_language_is_picked(qtbot, kz_home, marked_russian) -> None:
    ui = UiLanguage("en")
    dialog = FirstRunDialog(ui)
    qtbot.addWidget(dialog)
    assert not dialog.windowTitle().startswith(MARK)
    dialog.language_buttons["ru"].click()
    assert ui.language == "ru"
    assert dialog.windowTitle().startswith(MARK)
    assert dialog.role_buttons["lawyer"].text().startswith(MARK)
    dialog.language_buttons["kk"].click()
    ok = QCoreApplication.translate("QPlatformTheme", "OK")
    assert ok == "ОК"  # Cyrillic, from qtbase_kk.qm
    qtbot.waitUntil(lambda: dialog.buttons.buttons()[0].text() == ok)
    dialog.role_buttons["trainer"].click()
    assert dialog.chosen() == ("kk", "trainer")
    ui.set_language("en")


def test_qt_catalogues_ship_with_pyside(kz_home) -> None:
    for language in ("kk", "ru"):
        ui = UiLanguage(language)
        assert ui.qt_catalogue_loaded, language
        ui.set_language("en")


def test_the_terms_follow_a_language_switch_and_stay_in_it_when_counted_again(make_window, qtbot) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case())
    assert window.wizard.go_to_page(5)
    page = window.wizard.currentPage()
    qtbot.waitUntil(lambda: window.draft.assessed and page.model.rowCount() > 0, timeout=10_000)
    rows = page.model.rowCount()

    window.set_language("ru")
    titles = [page.model.item(row, 0).text() for row in range(rows)]
    assert titles == [deadline.title["ru"] for deadline in window.draft.deadlines]
    header = page.model.horizontalHeaderItem(1).text()
    assert header == window.translator.gettext("Last day") != "Last day"

    window.draft.recheck()  # an answer changed: the terms come again, in the language shown
    qtbot.waitUntil(lambda: not window.draft.checking, timeout=10_000)
    assert [page.model.item(row, 0).text() for row in range(page.model.rowCount())] == titles
    assert page.model.horizontalHeaderItem(1).text() == header
