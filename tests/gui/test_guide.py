"""Help → Guide: an offline guide per role, in kk, ru and en, citing only law the team read."""

from __future__ import annotations

import copy
import tomllib

import pytest
from PySide6.QtCore import Qt
from screen_texts import english_words

from kzcomplaint.core.text.i18n import translator
from kzcomplaint.gui import guide
from kzcomplaint.gui.pages import STEP_TITLES
from tests.i18n.test_catalogues import EXTRACTED

ROLES = ("observer", "lawyer", "trainer")
LANGUAGES = ("kk", "ru", "en")

# The provisions quoted in shared/domain/LAW-TEXTS.md that the guide may cite (law, article).
QUOTED = {
    ("election_law", "20"),
    ("election_law", "20-1"),
    ("election_law", "39"),
    ("appc", "102"),
    ("appc", "105"),
    ("appc", "106"),
    ("appc", "129"),
    ("appc", "131"),
    ("appc", "138"),
    ("odihr_2021", ""),
}
# What ODIHR reports the courts dismissed complaints for, as each language says it.
DISMISSED = {
    "kk": ("телефон", "ЖСН", "ОСК-ның байланыс"),
    "ru": ("телефон", "ИИН", "контактные данные ЦИК"),
    "en": ("phone", "IIN", "contact details of the CEC"),
}
REFUSED = {"kk": "бас тарт", "ru": "отказ", "en": "refus"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_every_role_reads_pages_dismissals_and_refusals(role: str, language: str) -> None:
    tr = translator(language)
    text = guide.guide_markdown(role, tr)
    for title in STEP_TITLES.values():
        assert f"**{tr.gettext(title)}**" in text, title
    for ground in DISMISSED[language]:
        assert ground in text, ground
    assert REFUSED[language] in text
    assert "{" not in text and "}" not in text, "every token is filled"
    ids = [section.id for section in guide.load_guide().for_role(role)]
    assert ids[:3] == ["pages", "dismissed", "refused"] and role in ids
    others = [other for other in ROLES if other != role]
    assert not set(others) & set(ids), "another role's part is not shown"


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("role", ROLES)
def test_no_english_in_a_kazakh_or_russian_guide(role: str, language: str) -> None:
    text = guide.guide_markdown(role, translator(language))
    assert not english_words(text.replace("xx", "")), english_words(text)


def test_only_provisions_quoted_in_law_texts_are_cited() -> None:
    cited = {(citation.law, citation.article) for citation in guide.load_guide().citations.values()}
    assert cited <= QUOTED, cited - QUOTED
    for citation in guide.load_guide().citations.values():
        assert citation.is_confirmed, citation
        # The APPC's articles have parts, not paragraphs: cited by article until citations carry parts.
        if citation.law == "appc":
            assert not citation.paragraph, citation


def test_menus_and_tabs_are_named_as_the_interface_names_them() -> None:
    assert guide.ui_msgids() <= EXTRACTED
    text = guide.guide_markdown("trainer", translator("kk"))
    assert "Баптаулар → Менің рөлім → Тренер" in text


def _raw() -> dict:
    with guide.GUIDE_FILE.open("rb") as handle:
        return tomllib.load(handle)


def test_a_token_naming_nothing_is_refused() -> None:
    data = _raw()
    data["section"][0]["text"]["ru"] += " {page:nowhere}"
    with pytest.raises(guide.GuideError, match="nowhere"):
        guide.parse_guide(data)


def test_languages_must_say_the_same() -> None:
    data = copy.deepcopy(_raw())
    data["section"][1]["text"]["kk"] = data["section"][1]["text"]["kk"].replace("{cite:term}", "")
    with pytest.raises(guide.GuideError, match="tokens differ"):
        guide.parse_guide(data)


def test_help_guide_opens_for_the_users_role_and_follows_the_language(make_window, qtbot) -> None:
    window = make_window("ru", role="lawyer")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.guide_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.current_role() == "lawyer"
    text = dialog.text.toPlainText()
    assert "Юристу" in text and "Верховный Суд" in text
    window.set_language("kk")
    assert "Заңгерге" in dialog.text.toPlainText()
    assert dialog.windowTitle() == "Нұсқаулық"
    dialog.role.setCurrentIndex(dialog.role.findData("observer"))
    assert "Байқаушыға" in dialog.text.toPlainText()
    assert "Заңгерге" not in dialog.text.toPlainText()
    dialog.close()
