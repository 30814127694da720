"""A citation on the Check and Deadlines pages opens the text of the law; the Kurultai offers no chamber chairs."""

from __future__ import annotations

import dataclasses

from gui_cases import complete_case
from PySide6.QtCore import Qt

from kzcomplaint.gui.pages import STEP_TITLES
from kzcomplaint.gui.pages.check import CheckPage
from kzcomplaint.gui.pages.deadlines import DeadlinesPage

PAGE_IDS = {name: index for index, name in enumerate(STEP_TITLES)}


def _assessed(window, qtbot) -> None:
    """Wait for the check of the case, which runs off the UI thread."""
    qtbot.waitUntil(lambda: window.draft.assessed and not window.draft.checking)


def _page(window, kind: type):
    """Walk the wizard to the page of class ``kind`` (a page's id is its position in STEP_TITLES)."""
    name = {CheckPage: "check", DeadlinesPage: "deadlines"}.get(kind, "parties")
    assert window.wizard.go_to_page(PAGE_IDS[name])
    page = window.wizard.currentPage()
    assert isinstance(page, kind), page
    return page


def test_check_page_opens_the_text_behind_a_problem(make_window, qtbot) -> None:
    window = make_window("kk")
    case = complete_case()
    case.complainant = dataclasses.replace(case.complainant, phone="")
    case.addressee = dataclasses.replace(case.addressee, level="court", name="Учебный суд")
    window.draft.replace_case(case)
    check = _page(window, CheckPage)
    _assessed(window, qtbot)
    row = next(i for i, p in enumerate(window.draft.problems) if p.code == "phone.missing")
    check.view.setCurrentIndex(check.model.index(row, 0))
    assert "131-бабының екінші бөлігі" in check.details.text()  # a claim to a court: APPC art. 131 part 2
    assert "ЕҚЫҰ ДИАҚБ" in check.details.text()  # and the practice that makes it block, beside it
    assert check.law_button.isEnabled()
    qtbot.mouseClick(check.law_button, Qt.MouseButton.LeftButton)
    dialog = check.law_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.text()
    assert "Иск подается в суд в письменной форме" in text  # the official Russian wording
    assert "ресми қазақша мәтін табылмады" in text  # said in the Kazakh interface, not translated
    assert "adilet.zan.kz" in text
    dialog.reject()


def test_a_problem_without_a_provision_says_so_and_opens_nothing(make_window, qtbot) -> None:
    window = make_window("ru")
    case = complete_case()
    case.complainant = dataclasses.replace(case.complainant, phone="")
    window.draft.replace_case(case)
    check = _page(window, CheckPage)
    _assessed(window, qtbot)
    row = next(i for i, p in enumerate(window.draft.problems) if p.code == "phone.missing")
    check.view.setCurrentIndex(check.model.index(row, 0))
    details = check.details.text()
    assert "ни одна норма закона не требует" in details  # a complaint to a commission has no set form
    assert "БДИПЧ ОБСЕ" in details and "судебная практика" in details  # the reason it blocks, beside it
    assert not check.law_button.isEnabled()


def test_deadlines_page_opens_the_text_of_a_term(make_window, qtbot) -> None:
    window = make_window("ru")
    window.draft.replace_case(complete_case())
    page = _page(window, DeadlinesPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    first = page.model.index(0, 0)
    page.tree.setCurrentIndex(page.model.index(2, 0, first))  # a step of the first term
    assert page.law_button.isEnabled()
    qtbot.mouseClick(page.law_button, Qt.MouseButton.LeftButton)
    dialog = page.law_dialog
    assert dialog is not None and dialog.isVisible()
    assert "п. 9 ст. 20 " in dialog.text() and "рассмотрению не подлежит" in dialog.text()
    dialog.reject()


def test_the_kurultai_offers_no_chamber_chairs(make_window) -> None:
    from kzcomplaint.gui.pages.parties import PartiesPage

    window = make_window("ru")
    case = complete_case()
    case.election = dataclasses.replace(case.election, kind="kurultai")
    window.draft.replace_case(case)
    page = _page(window, PartiesPage)
    role = page.complainant.widgets["role"]
    offered = [role.itemData(i) for i in range(role.count())]
    assert "chamber_speaker" not in offered and "prime_minister" in offered and "observer" in offered
    case = complete_case()
    window.draft.replace_case(case)
    page = _page(window, PartiesPage)
    role = page.complainant.widgets["role"]
    assert "chamber_speaker" in [role.itemData(i) for i in range(role.count())]
