"""Workshop mode in the window: a participant's exercise in the ordinary wizard, the presenter view, the room."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kzcomplaint.core.case import caseio
from kzcomplaint.core.workshop import exercise, packs

LIBRARY = packs.load_library(user=False)


def planted(window, qtbot) -> set[tuple[str, str]]:
    window.draft.recheck()
    qtbot.waitUntil(lambda: window.draft.assessed and not window.draft.checking)  # the check runs off the UI thread
    return {(problem.code, problem.field) for problem in window.draft.problems}


def test_a_participant_works_in_the_ordinary_wizard_and_the_checker_marks_each_fix(make_window, qtbot) -> None:
    window = make_window("kk")
    scenario = LIBRARY.find("removed_for_live_broadcast")
    assert scenario is not None
    assert window.workshop.start(scenario, "kk", "Айгүл")
    panel = window.workshop.panel
    assert panel is not None and window.workshop.dock is not None and window.workshop.dock.isVisible()
    assert "Ақерке" in panel.story.toPlainText() and "940712400002" in panel.sheet.toPlainText()
    assert window.training_label.text().endswith("2025 жылғы 18 қараша"), "terms judged on the story's day"
    expected = {(defect.code, defect.field) for defect in scenario.defects}
    assert planted(window, qtbot) == expected
    # Walking every page of the wizard neither fixes nor adds anything by itself.
    for page_id in range(len(window.wizard.pages)):
        window.wizard.go_to_page(page_id)
    window.wizard.go_to_page(1)
    assert planted(window, qtbot) == expected
    shown = [panel.defects.item(i).text() for i in range(panel.defects.count())]
    assert not any(scenario.defects[0].why["kk"] in text for text in shown), "open defects are not given away"

    target = window.wizard.go_to_field("complainant.iin")
    assert target is not None
    target.edit.clear()
    qtbot.keyClicks(target.edit, "940712400002")  # typed, as a participant types it
    window.wizard.go_to_page(6)
    window.draft.recheck()
    qtbot.waitUntil(lambda: not window.draft.checking)
    assert "1" in panel.progress.text()
    assert panel.defects.item(0).text().startswith("✔")
    result = window.workshop.current_score()
    assert result is not None and (result.score, result.max_score) == (1, 2)

    window.workshop.finish()
    dialog = window.workshop.result_dialog
    assert dialog is not None
    text = dialog.browser.toPlainText()
    assert "1" in text and "+7 700 000 00 11" in text, "the key for the missed phone"
    dialog.close()


def test_a_question_is_answered_on_the_panel_and_saved_with_the_draft(make_window, qtbot, tmp_path: Path) -> None:
    window = make_window("ru")
    scenario = LIBRARY.find("protocol_copy_too_late")
    assert scenario is not None and window.workshop.start(scenario, "ru", "Асель")
    panel = window.workshop.panel
    group = panel.question_groups["deadline.expired"]
    late = next(button for button in group.buttons() if button.property("choice") == "late")
    qtbot.mouseClick(late, Qt.MouseButton.LeftButton)
    assert window.draft.case.exercise.answers == {"deadline.expired": "late"}
    assert window.draft.dirty
    path = tmp_path / "asel.json"
    assert window.save_as(path)
    saved = caseio.load_case(path)
    assert saved.exercise is not None and saved.exercise.answers == {"deadline.expired": "late"}
    assert exercise.score(saved, scenario).score == 1

    window.new_case(ask=False)
    assert not window.workshop.dock.isVisible(), "a real case shows no exercise panel"
    assert window.open_path(path, ask=False)
    assert window.workshop.dock.isVisible()
    reopened = window.workshop.panel.question_groups["deadline.expired"]
    assert next(b for b in reopened.buttons() if b.isChecked()).property("choice") == "late"


def test_start_again_gives_the_starting_draft_back(make_window) -> None:
    window = make_window("en")
    scenario = LIBRARY.find("stuffing_without_a_date")
    assert scenario is not None and window.workshop.start(scenario, "en", "P")
    window.draft.case.complainant.phone = "+7 700 000 00 51"
    window.draft.touch()
    window.workshop.restart(ask=False)
    assert window.draft.case.complainant.phone == ""
    assert window.draft.case.exercise.participant == "P"


@pytest.mark.qt_log_ignore(  # the offscreen plugin's limits, not the app's
    r"This plugin does not support raise\(\)", r"This plugin does not support propagateSizeHints\(\)"
)
def test_presenter_view_walks_the_story_then_the_defects(make_window, qtbot) -> None:
    window = make_window("ru")
    scenario = LIBRARY.find("cec_resolution_to_supreme_court")
    assert scenario is not None and window.workshop.start(scenario, "kk", "")
    presenter = window.workshop.show_presenter()
    qtbot.waitExposed(presenter)
    assert presenter.language() == "kk"
    assert len(presenter.pages) == 3 + len(scenario.defects) + 1
    assert scenario.title["kk"] in presenter.view.toPlainText()
    qtbot.keyClick(presenter, Qt.Key.Key_PageDown)
    assert "Бүгін" not in presenter.view.toPlainText() or presenter.index == 1
    assert presenter.index == 1
    for _ in range(3):
        qtbot.keyClick(presenter, Qt.Key.Key_Right)
    assert presenter.index == 4
    text = presenter.view.toPlainText()
    assert scenario.defects[1].fix["kk"] in text
    qtbot.keyClick(presenter, Qt.Key.Key_Left)
    assert presenter.index == 3
    presenter.resize(1600, 900)
    assert presenter.view.font().pixelSize() >= 900 // 26 - 1, "large text on a projector"
    presenter.close()


def test_the_room_collects_scores_and_resets(make_window, qtbot, tmp_path: Path) -> None:
    window = make_window("ru")
    scenario = LIBRARY.find("ballots_for_phone_photos")
    assert scenario is not None
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    caseio.save_case(exercise.start(scenario, "ru", "Первый"), drafts / "a.json")
    caseio.save_case(exercise.perfect(scenario, "ru"), drafts / "b.json")
    dialog = window.workshop.show_room()
    dialog.drafts.setText(str(drafts))
    dialog.output.setText(str(tmp_path / "out"))
    dialog.collect()
    qtbot.waitUntil(lambda: dialog.results is not None and not dialog.running, timeout=60_000)
    assert dialog.participants.rowCount() == 2
    assert (tmp_path / "out" / "results.docx").exists()
    rows = [dialog.participants.item(row, 1).text() for row in range(2)]
    dialog.participants.selectRow(rows.index("b.json"))
    backup = dialog.reset_selected(ask=False)
    assert backup is not None and backup.exists()
    assert exercise.score(caseio.load_case(drafts / "b.json"), scenario).score == 0
    dialog.close()


def test_an_exercise_never_replaces_the_users_remembered_details(make_window, qtbot) -> None:
    from kzcomplaint.core.case import profile
    from kzcomplaint.core.case.model import Person

    mine = Person(full_name="Менің Атым", phone="+7 700 000 00 99")
    profile.save_profile(mine)
    window = make_window("kk")
    scenario = LIBRARY.find("removed_for_live_broadcast")
    assert scenario is not None and window.workshop.start(scenario, "kk", "")
    target = window.wizard.go_to_field("complainant.phone")
    assert target is not None
    parties = window.wizard.currentPage()
    assert not parties.remember.isEnabled()
    target.edit.clear()
    qtbot.keyClicks(target.edit, "+7 700 000 00 11")
    parties.save_profile()
    parties.flush_profile()
    kept = profile.load_profile()
    assert kept is not None and kept.full_name == "Менің Атым" and kept.phone == "+7 700 000 00 99"
