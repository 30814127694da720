"""Files as a user meets them: open (with readable problems), recent cases, the profile, the directory."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from gui_cases import complete_case
from gui_helpers import click_when_shown
from PySide6.QtWidgets import QApplication

from kzcomplaint.core.case import caseio, drafts, profile
from kzcomplaint.core.law import directory as bodies
from kzcomplaint.gui.dialogs.directory import DirectoryDialog
from kzcomplaint.gui.dialogs.problems import ProblemsDialog


def test_open_shows_every_problem_as_a_readable_list(make_window, qtbot, tmp_path: Path) -> None:
    window = make_window("en")
    data = caseio.case_to_dict(complete_case())
    data["complainant"]["phon"] = "+7 700 000 00 01"
    data["contested"]["date"] = "2021-02-31"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert not window.open_path(broken)
    dialog = window.problems_dialog
    assert isinstance(dialog, ProblemsDialog)
    rows = dict(dialog.rows())
    assert "complainant.phon" in rows and "phone" in rows["complainant.phon"]
    assert "contested.date" in rows and rows["contested.date"]
    assert str(broken) in dialog.header.text()
    dialog.close()
    # What could be read is shown as a new, unsaved case; the file is bound to nothing and left as it is.
    assert window.draft.case.template == "observer_denied_entry" and window.draft.case.contested.date is None
    assert window.draft.path is None and window.draft.dirty


def test_open_a_case_fills_every_page_and_the_recent_list(make_window, qtbot, tmp_path: Path) -> None:
    case = complete_case()
    path = tmp_path / "case.json"
    caseio.save_case(case, path)
    window = make_window("en")
    assert window.open_path(path)
    qtbot.waitUntil(lambda: not window.wizard.walking)  # page by page, the window answering in between
    assert window.wizard.currentId() == 6
    assert window.draft.path == path and not window.draft.dirty
    where = window.wizard.pages[2]
    where.ensure_built()
    assert where.number.text() == "123"
    assert where.date.date() == dt.date(2021, 1, 10)
    assert drafts.recent_cases()[0].path == path
    window.wizard.go_to_page(0)
    start = window.start_page
    assert start.recent_model.rowCount() == 1
    assert "case.json" in start.recent_model.item(0).text()


def test_opening_a_case_without_requests_marks_nothing_unsaved(make_window, qtbot, tmp_path: Path) -> None:
    # A case drafted by the chain, a CSV or the CLI has no requests of its own: the Facts page shows
    # the kind's suggestions, which the paper prints anyway. That is the app's, not an answer of the
    # user's: the window must not call the case unsaved, ask about it on closing, or rewrite the file.
    case = complete_case()
    case.requests = []
    path = tmp_path / "no_requests.json"
    caseio.save_case(case, path)
    written = path.read_bytes()
    window = make_window("en")
    assert window.open_path(path)
    qtbot.waitUntil(lambda: not window.wizard.walking)
    assert window.wizard.currentId() == 6, "the walk went through the Facts page"
    facts = window.wizard.pages[3]
    assert window.draft.case.requests and facts.requests.toPlainText(), "the suggestions are shown"
    assert not window.draft.dirty and not window.isWindowModified()
    assert not window.draft.autosave()
    assert path.read_bytes() == written


def test_recent_cases_name_the_kind_in_the_interface_language_not_its_id(make_window, tmp_path: Path) -> None:
    from kzcomplaint.core.law import catalog

    case = complete_case()
    path = tmp_path / "recent.json"
    caseio.save_case(case, path)
    drafts.remember_case(path, case.template)
    window = make_window("kk")
    window.start_page.load()
    text = window.start_page.recent_model.item(0).text()
    assert text == f"recent.json — {catalog.get(case.template).title['kk']}"
    assert case.template not in text


def test_start_page_lists_terms_falling_due(make_window, qtbot, tmp_path: Path) -> None:
    case = complete_case()
    case.contested.date = dt.date(2021, 1, 10)
    path = tmp_path / "due.json"
    caseio.save_case(case, path)
    drafts.remember_case(path, case.template)
    window = make_window("en", role="trainer")
    window.draft.set_today(dt.date(2021, 1, 14))
    window.start_page.load()
    start = window.start_page
    qtbot.waitUntil(lambda: start.terms_model.rowCount() > 0, timeout=10_000)
    texts = [start.terms_model.item(row, 0).text() for row in range(start.terms_model.rowCount())]
    assert any("Due today" in text or "Due tomorrow" in text or "Due this week" in text for text in texts)
    rules = [start.terms_model.item(row, 2).text() for row in range(start.terms_model.rowCount())]
    assert all("—" in text for text in rules), "each term names its rule and citation"


def test_remember_me_saves_and_prefills_the_profile(make_window, qtbot) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case())
    window.wizard.go_to_page(4)
    parties = window.wizard.currentPage()
    parties.remember.setChecked(True)
    saved = profile.load_profile()
    assert saved is not None and saved.iin == complete_case().complainant.iin
    assert profile.profile_path().stat().st_mode & 0o777 == 0o600
    window.draft.dirty = False
    window.new_case()
    assert window.draft.case.complainant.full_name == complete_case().complainant.full_name
    parties.remember.setChecked(False)
    assert not profile.has_profile()


def test_directory_dialog_imports_with_named_errors_and_exports(make_window, qtbot, tmp_path: Path) -> None:
    window = make_window("en")
    dialog = DirectoryDialog(window.translator, window.draft, window)
    qtbot.addWidget(dialog)
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": bodies.FORMAT,
                "bodies": [
                    {"id": "my.tec", "level": "territorial", "name": {"kk": "А", "ru": "Б"}, "phone": "12"},
                ],
            }
        ),
        encoding="utf-8",
    )
    assert not dialog.import_file(bad)
    rows = dict(dialog.problems_dialog.rows())
    assert "my.tec · name" in rows and "en" in rows["my.tec · name"]
    assert "my.tec · phone" in rows
    dialog.problems_dialog.close()

    good = tmp_path / "good.toml"
    entry = bodies.BodyEntry(
        id="tec.almaty",
        level="territorial",
        region="almaty",
        name={"kk": "Алматы ҚАСК (тренер)", "ru": "ТИК Алматы (тренер)", "en": "Almaty TEC (trainer)"},
        address="Almaty, Example avenue 1",
        phone="+7 700 000 00 09",
        verified=True,
        note="fictitious, for a workshop",
    )
    bodies.export_entries([entry], good)
    assert dialog.import_file(good)
    assert window.draft.directory.get("tec.almaty").address == "Almaty, Example avenue 1"
    exported = tmp_path / "all.json"
    assert dialog.export_file(exported)
    assert len(bodies.read_entries(exported)) == len(window.draft.directory.entries)


def test_directory_dialog_saves_an_edited_entry(make_window, qtbot) -> None:
    window = make_window("en")
    dialog = DirectoryDialog(window.translator, window.draft, window)
    qtbot.addWidget(dialog)
    dialog.show_entry(window.draft.directory.get("cec"))
    dialog.inputs["email"].setText("not an e-mail")
    assert not dialog.save_entry()
    assert dialog.feedback.text().startswith("E-mail:"), "the input named as the form labels it, not by its key"
    dialog.inputs["email"].setText("cec@example.kz")
    assert dialog.save_entry()
    assert window.draft.directory.get("cec").email == "cec@example.kz"
    assert window.draft.directory.get("cec").origin == "user"


def test_closing_with_someone_elses_case_keeps_the_remembered_details(make_window, tmp_path: Path) -> None:
    me = complete_case().complainant
    profile.save_profile(me)
    other = complete_case()
    other.complainant = dataclasses.replace(other.complainant, full_name="Другой Заявитель", phone="+7 700 000 00 07")
    path = tmp_path / "other.json"
    caseio.save_case(other, path)
    window = make_window("en")
    assert window.open_path(path)
    window.wizard.go_to_page(4)
    assert window.wizard.currentPage().remember.isChecked()
    window.close()
    assert profile.load_profile().full_name == me.full_name, "only an edit of the complainant is remembered"


def test_an_edit_pending_when_closing_is_remembered(make_window) -> None:
    profile.save_profile(complete_case().complainant)
    window = make_window("en")
    window.draft.replace_case(complete_case())
    window.wizard.go_to_page(4)
    parties = window.wizard.currentPage()
    parties.complainant.widgets["email"].edit.setText("edited.before.close@example.kz")
    click_when_shown("Discard")  # the case's answers; the remembered details are the profile's
    assert window.close()  # before the delayed save
    assert profile.load_profile().email == "edited.before.close@example.kz"


def test_saving_an_entry_never_replaces_an_unusable_user_directory(make_window, qtbot) -> None:
    window = make_window("en")
    bodies.user_path().parent.mkdir(parents=True, exist_ok=True)
    damaged = "[[body]]\nid = 'my.tec'\nlevel = 'territorial'\nname = {kk = 'А', ru = 'Б', en = 'C'}\nphon = '1'\n"
    bodies.user_path().write_text(damaged, encoding="utf-8")
    dialog = DirectoryDialog(window.translator, window.draft, window)
    qtbot.addWidget(dialog)
    dialog.show_entry(window.draft.directory.get("cec"))
    dialog.inputs["email"].setText("cec@example.kz")
    assert not dialog.save_entry()
    assert bodies.user_path().read_text(encoding="utf-8") == damaged, "the user's own entries are kept"
    rows = dict(dialog.problems_dialog.rows())
    assert "my.tec · phon" in rows
    dialog.problems_dialog.close()


def test_a_late_computation_of_terms_does_not_overwrite_a_newer_one(make_window, tmp_path: Path) -> None:
    from kzcomplaint.gui.workers import threads

    case = complete_case()
    case.contested.date = dt.date(2021, 1, 10)
    path = tmp_path / "due.json"
    caseio.save_case(case, path)
    window = make_window("en", role="trainer")
    window.draft.set_today(dt.date(2021, 1, 14))
    start = window.start_page
    start.release_terms()  # as after the first paint
    start.refresh_terms([path])
    start.refresh_terms([])  # the case was forgotten meanwhile
    threads.wait_for_all()
    QApplication.processEvents()
    assert start.terms_model.rowCount() == 0
