"""Layout: what the app says while the user types never moves the fields below; lists scroll honestly."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from gui_cases import complete_case, wait_assessed
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

WHERE_WHEN_PAGE, FACTS_PAGE, PARTIES_PAGE = 2, 3, 4


def _top(widget) -> int:
    """Where ``widget`` is drawn, in window coordinates."""
    return widget.mapTo(widget.window(), QPoint(0, 0)).y()


def _typing_keeps_the_next_field_in_place(qtbot, edit, below, text: str) -> None:
    QApplication.processEvents()
    before = _top(below)
    edit.setFocus()
    for char in text:
        qtbot.keyClick(edit, char)
        QApplication.processEvents()
        assert _top(below) == before, f"moved after typing {edit.text()!r}"
    qtbot.wait(400)  # past the pause after which a date is read
    QApplication.processEvents()
    assert _top(below) == before, f"moved once {edit.text()!r} was checked"


def test_iin_and_phone_verdicts_do_not_push_the_fields_below(make_window, qtbot) -> None:
    window = make_window("en")
    window.resize(1366, 768)
    case = complete_case()
    case.complainant = dataclasses.replace(case.complainant, iin="", phone="", email="")
    window.draft.replace_case(case)
    assert window.wizard.go_to_page(PARTIES_PAGE)
    form = window.wizard.currentPage().complainant.widgets
    _typing_keeps_the_next_field_in_place(qtbot, form["iin"].edit, form["birth_date"], "80041640000")
    _typing_keeps_the_next_field_in_place(qtbot, form["phone"].edit, form["email"], "+7700")
    _typing_keeps_the_next_field_in_place(qtbot, form["email"].edit, form["role"], "name@")


def test_date_and_time_feedback_do_not_push_the_fields_below(make_window, qtbot) -> None:
    window = make_window("ru")
    window.resize(1366, 768)
    case = complete_case()
    case.contested = dataclasses.replace(case.contested, date=None, time="")
    window.draft.replace_case(case)
    assert window.wizard.go_to_page(WHERE_WHEN_PAGE)
    page = window.wizard.currentPage()
    _typing_keeps_the_next_field_in_place(qtbot, page.date.edit, page.time, "10.01.2021")
    _typing_keeps_the_next_field_in_place(qtbot, page.time.edit, page.place, "25")
    _typing_keeps_the_next_field_in_place(qtbot, page.voting_day.edit, page.level, "31.02.2021")


def test_editing_the_facts_does_not_push_the_requests(make_window, qtbot) -> None:
    window = make_window("en")
    window.resize(1366, 768)
    case = complete_case()
    case.facts = ""
    window.draft.replace_case(case)
    assert window.wizard.go_to_page(FACTS_PAGE)
    page = window.wizard.currentPage()
    page.redraft()
    QApplication.processEvents()
    before = _top(page.requests)
    page.facts.setFocus()
    qtbot.keyClicks(page.facts, " More.")
    QApplication.processEvents()
    assert page._user_edited()
    assert _top(page.requests) == before
    before = _top(page.attachments)
    page.requests.setFocus()
    qtbot.keyClicks(page.requests, " x")
    QApplication.processEvents()
    assert _top(page.attachments) == before


def test_the_situation_list_scrollbar_shows_where_the_list_is(make_window, qtbot) -> None:
    window = make_window("kk")
    window.resize(1366, 768)
    case = complete_case()
    case.template = "voter_list_complaint"  # the last kind of the catalogue
    window.draft.replace_case(case)
    assert window.wizard.go_to_page(1)
    tree = window.wizard.currentPage().tree
    QApplication.processEvents()
    bar = tree.verticalScrollBar()
    assert bar.maximum() > 0, "the list is longer than the page"
    current = tree.visualRect(tree.currentIndex())
    assert tree.viewport().rect().intersects(current), "the chosen situation is shown"
    # The chosen kind is near the end: the scrollbar is near its end too, not at the top.
    assert bar.value() > bar.maximum() // 2, (bar.value(), bar.maximum())
    # The bar measures the list itself: its value is how far the first row has moved up,
    # so its handle sits where the shown part of the list is (rows differ in height).
    first = tree.model().index(0, 0)
    for value in (0, bar.maximum() // 3, bar.maximum()):
        bar.setValue(value)
        QApplication.processEvents()
        assert tree.visualRect(first).top() == -bar.value(), (value, tree.visualRect(first).top())
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    last_group = tree.model().index(tree.model().rowCount() - 1, 0)
    last = tree.model().index(tree.model().rowCount(last_group) - 1, 0, last_group)
    assert tree.viewport().rect().intersects(tree.visualRect(last)), "at the end of the bar, the last kind shows"
    bar.setValue(0)
    QApplication.processEvents()
    first = tree.model().index(0, 0)
    assert tree.visualRect(first).top() >= 0 and tree.viewport().rect().intersects(tree.visualRect(first))
    assert Qt  # enumerations used above through the model


def test_the_start_pages_term_column_is_not_squeezed(make_window, qtbot, tmp_path) -> None:
    import datetime as dt

    from kzcomplaint.core.case import caseio, drafts

    for number in range(3):
        case = complete_case()
        case.contested = dataclasses.replace(case.contested, date=dt.date.today() - dt.timedelta(days=2 + number))
        case.filing_date = None
        path = tmp_path / f"observer_removed_case_of_a_workshop_participant_{number}.json"
        caseio.save_case(case, path)
        drafts.remember_case(path, case.template)
    window = make_window("kk")
    window.resize(1366, 768)
    start = window.start_page
    start.load()
    qtbot.waitUntil(lambda: start.terms_model.rowCount() > 0, timeout=20_000)
    QApplication.processEvents()
    view = start.terms_view  # made with the first term shown
    assert view is not None and view.isVisible()
    width = view.viewport().width()
    assert view.columnWidth(2) >= width * 0.4, (view.columnWidth(0), view.columnWidth(1), view.columnWidth(2))
    metrics = view.fontMetrics()
    for row in range(start.terms_model.rowCount()):
        index = start.terms_model.index(row, 2)
        text = index.data()
        needed = metrics.boundingRect(0, 0, view.columnWidth(2) - 12, 10_000, int(Qt.TextFlag.TextWordWrap), text)
        assert view.visualRect(index).height() >= needed.height(), "the citation is not cut off"
        assert "»" in text, "the citation is there in full"


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)], ids=["1366x768", "1920x1080-at-150%"])
@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_nothing_is_cut_off_on_any_page(make_window, qtbot, size: tuple[int, int], language: str) -> None:
    from PySide6.QtWidgets import QTabWidget
    from screen_texts import cut_off

    from kzcomplaint.core.case.model import Person

    window = make_window(language, role="lawyer")
    # The window as it opens on such a screen: the whole available area at most.
    window.resize(min(window.width(), size[0]), min(window.height(), size[1] - 48))
    case = complete_case()
    case.contested = dataclasses.replace(case.contested, type="decision")
    case.representative = Person(full_name="Адвокатов Тест", role="lawyer")
    window.draft.replace_case(case)
    wait_assessed(window, qtbot)  # the Check page's texts come from the check, which runs off the UI thread
    bad = []
    for page_id in range(8):
        assert window.wizard.go_to_page(page_id)
        page = window.wizard.currentPage()
        tab_widgets = page.findChildren(QTabWidget)
        for tab in range(max([tabs.count() for tabs in tab_widgets] or [1])):
            for tabs in tab_widgets:
                tabs.setCurrentIndex(min(tab, tabs.count() - 1))
            QApplication.processEvents()
            QApplication.processEvents()  # a label's new text lays its parents out on the next turn
            bad += [(page_id, *found) for found in cut_off(window)]
    assert not bad, bad
    assert window.width() <= size[0] and window.height() <= size[1]


def test_the_recent_case_buttons_wrap_rather_than_be_cut_off(make_window) -> None:
    from screen_texts import cut_off

    window = make_window("kk")
    start = window.start_page
    buttons = [start.open_recent_button, start.timeline_button, start.forget_button]
    for width in (1200, 620):
        window.resize(width, 700)
        QApplication.processEvents()
        assert not cut_off(start.recent_box), width
        boxes = [button.geometry() for button in buttons]
        for index, box in enumerate(boxes):
            assert start.recent_box.rect().contains(box), (width, box)
            assert not any(box.intersects(other) for other in boxes[index + 1 :]), (width, boxes)
        rows = {box.top() for box in boxes}
        assert len(rows) == (1 if width == 1200 else 2), (width, boxes)
        # The buttons keep the layout spacing of the style between them, neither touching nor spread apart.
        spacing = start.recent_box.layout().spacing()
        pairs = [(left, right) for left, right in itertools.pairwise(boxes) if left.top() == right.top()]
        gaps = [right.left() - left.right() - 1 for left, right in pairs]
        assert gaps and all(gap == spacing > 0 for gap in gaps), (width, gaps, spacing)
