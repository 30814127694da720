"""No English and no case-file field name on a Kazakh or Russian screen: every page, tab, dialog and message."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from gui_cases import complete_case
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QTabWidget
from screen_texts import english_words, widget_texts

from kzcomplaint.core.case import caseio
from kzcomplaint.core.case.model import Person
from kzcomplaint.core.text.i18n import translator

FIELD_NAME = re.compile(
    r"\b(?:complainant|representative|respondent|addressee|contested|election|details)\.[a-z_]+\b"
    r"|\b[a-z]+_[a-z_]+\b"  # filing_date, voting_day, power_of_attorney …
)
FILE_NAME = re.compile(r"\S+\.(?:json|docx|pdf|csv|toml)\b|/\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:kz|com|org|ru)\b")


def _field_names(text: str) -> list[str]:
    return FIELD_NAME.findall(FILE_NAME.sub(" ", text))


def _cases():
    decision = complete_case()
    decision.template = "administrative_claim_cec"
    decision.respondent = dataclasses.replace(decision.respondent, level="cec", number="", address="", phone="")
    decision.addressee = dataclasses.replace(decision.addressee, level="supreme_court", name="")
    decision.contested = dataclasses.replace(decision.contested, type="decision", decision_number="")
    decision.representative = Person(full_name="Адвокатов Тест Тестович", role="lawyer")
    decision.filing_date = None
    defective = complete_case()
    defective.complainant = dataclasses.replace(defective.complainant, iin="800416400006", phone="")
    defective.facts, defective.requests = "", []
    return {"complete": complete_case(), "decision": decision, "defective": defective}


def _scan(window, qtbot) -> list[tuple[int, str, str, list[str]]]:
    """Visit every page and every tab; collect what is English or a field name."""
    bad = []
    wizard = window.wizard
    for page_id in range(len(wizard.pages)):
        assert wizard.go_to_page(page_id), page_id
        page = wizard.currentPage()
        tab_widgets = page.findChildren(QTabWidget)
        rounds = max([tabs.count() for tabs in tab_widgets] or [1])
        for tab in range(rounds):
            for tabs in tab_widgets:
                tabs.setCurrentIndex(min(tab, tabs.count() - 1))
            QApplication.processEvents()
            for where, text in widget_texts(window):
                problems = english_words(text) + _field_names(text)
                if problems:
                    bad.append((page_id, where, text[:100], problems))
    return list(dict.fromkeys((a, b, c, tuple(d)) for a, b, c, d in bad))


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("variant", ["complete", "decision", "defective"])
def test_no_english_or_field_name_on_any_page(make_window, qtbot, tmp_path: Path, language: str, variant: str) -> None:
    window = make_window("en", role="lawyer")
    case = _cases()[variant]
    window.draft.replace_case(case)
    assert window.save_as(tmp_path / f"{variant}.json")  # the start page lists it, the status bar says so
    window.draft.recheck()
    window.set_language(language)
    window.draft.recheck()
    bad = _scan(window, qtbot)
    assert not bad, "\n".join(map(str, bad))


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_status_bar_follows_a_language_switch(make_window, tmp_path: Path, language: str) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case())
    assert window.save_as(tmp_path / "case.json")
    assert window.status_label.text().startswith("Saved:")
    window.set_language(language)
    text = window.status_label.text()
    assert not english_words(text), text
    assert "case.json" in text


def test_a_new_case_clears_the_status_of_the_last_one(make_window, tmp_path: Path) -> None:
    window = make_window("ru")
    window.draft.replace_case(complete_case())
    assert window.save_as(tmp_path / "case.json")
    window.new_case(ask=False)
    assert "case.json" not in window.status_label.text()


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_file_dialog_speaks_the_interface_language(make_window, qtbot, tmp_path: Path, language: str) -> None:
    window = make_window(language)
    assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    folder = tmp_path / "дела"
    (folder / "папка").mkdir(parents=True)
    (folder / "дело.json").write_text("{}" * 700, encoding="utf-8")  # a size to show: "1,37 KiB", "40 байт"…
    (folder / "заметка.json").write_text("{}", encoding="utf-8")
    window.settings.last_folder = str(folder)
    own_names = set(folder.parts) | {Path.home().name, "дела", "папка", "дело.json", "заметка.json"}
    seen: dict[str, list] = {}

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, inspect)
            return
        seen["texts"] = widget_texts(dialog)
        seen["title"] = dialog.windowTitle()
        dialog.reject()

    QTimer.singleShot(100, inspect)
    window.open_case()  # File → Open: Qt's own dialog, modal, closed by ``inspect``
    assert seen, "the file dialog did not open"
    english = [(where, text) for where, text in seen["texts"] if english_words(text) and text not in own_names]
    assert not english, english
    assert any("байт" in text or "KiB" in text or "КиБ" in text for _where, text in seen["texts"]), "sizes shown"
    assert not english_words(seen["title"])


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_broken_json_is_explained_in_the_users_language(tmp_path: Path, language: str) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"template": "observer_removed", "facts": "не закрыто', encoding="utf-8")
    with pytest.raises(caseio.CaseFileError) as caught:
        caseio.load_case(broken)
    text = caught.value.problems[0].message.render(translator(language))
    assert "Unterminated" not in text and not english_words(text.replace("JSON", "")), text
    # Every one of json's complaints has words of its own.
    for bad in ('{"a" 1}', '{"a": 1,}', "[1] 2", "{a: 1}", '{"a": 1 "b": 2}', ""):
        bad_file = tmp_path / "bad.json"
        bad_file.write_text(bad, encoding="utf-8")
        with pytest.raises(caseio.CaseFileError) as caught:
            caseio.load_case(bad_file)
        rendered = caught.value.problems[0].message.render(translator(language))
        assert not english_words(rendered.replace("JSON", "")), (bad, rendered)
    assert json  # the module whose wording is translated


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_notes_of_the_new_rooms_follow_a_language_switch(make_window, tmp_path: Path, language: str) -> None:
    from kzcomplaint.core.case import limits

    window = make_window("en")
    window.draft.replace_case(complete_case())
    assert window.wizard.go_to_page(3)
    facts = window.wizard.currentPage()
    many = [tmp_path / f"photo{number}.jpg" for number in range(limits.MAX_EVIDENCE_ITEMS + 2)]
    facts.add_picked_files(many)  # more than a case holds: the status bar says so
    assert "not added" in window.status_label.text()
    window.set_language(language)
    assert not english_words(window.status_label.text()), window.status_label.text()
    assert window.export_calendar(tmp_path / "terms.ics") is not None
    window.set_language("en")
    window.set_language(language)
    assert "terms.ics" in window.status_label.text() and not english_words(window.status_label.text())
