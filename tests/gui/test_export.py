"""Export off the UI thread: every language at once with progress, PDF through LibreOffice, self-test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from gui_cases import complete_case

from kzcomplaint.gui.workers import export

ROOT = Path(__file__).resolve().parents[2]


def test_export_all_languages_with_progress(make_window, qtbot, tmp_path: Path) -> None:
    window = make_window("kk")
    window.draft.replace_case(complete_case())
    window.wizard.go_to_page(7)
    page = window.document_page
    page.export_all(folder=tmp_path)
    qtbot.waitUntil(lambda: page.last_export() is not None, timeout=30_000)
    written = sorted(path.name for path in tmp_path.glob("*.docx"))
    stem = window.draft.file_stem()  # the kind's title and the date, not the kind's id
    assert stem.startswith("Жалоба на недопуск наблюдателя")
    assert written == [f"{stem}_en.docx", f"{stem}_kk.docx", f"{stem}_kk_ru.docx", f"{stem}_ru.docx"]
    assert page.open_folder_button.isEnabled()
    assert str(tmp_path) in page.saved.text()


def test_export_failure_is_shown_with_what_to_do(make_window, qtbot, tmp_path: Path) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case())
    window.wizard.go_to_page(7)
    page = window.document_page
    blocked = tmp_path / "not_a_folder"
    blocked.write_text("a file where a folder should be")
    page.export(path=blocked / "complaint.docx", language="en")
    qtbot.waitUntil(lambda: page.saved.is_error, timeout=20_000)
    assert "Choose another folder" in page.saved.text()
    assert page.export_button.isEnabled()


@pytest.mark.libreoffice
def test_export_pdf_through_libreoffice(make_window, qtbot, tmp_path: Path, office: dict[str, str]) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case())
    window.wizard.go_to_page(7)
    page = window.document_page
    assert page.pdf_button.isVisible()
    target = tmp_path / "complaint.pdf"
    page.export_pdf(path=target)
    qtbot.waitUntil(lambda: page.last_export() == target, timeout=180_000)
    assert target.read_bytes().startswith(b"%PDF")


def test_self_test_command(tmp_path: Path) -> None:
    env = dict(os.environ, KZCOMPLAINT_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    completed = subprocess.run(
        [sys.executable, "-m", "kzcomplaint", "--self-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kzcomplaint self-test: OK")
    assert "4 documents rendered (kk " in lines[0]
    assert list(tmp_path.iterdir()) == [], "the self-test leaves the user's folders alone"


def test_unexpected_error_is_a_dialog_not_a_traceback(make_window, monkeypatch, kz_home: Path) -> None:
    from kzcomplaint import app
    from kzcomplaint.gui.dialogs import messages as dialogs

    window = make_window("en")
    window.draft.replace_case(complete_case(), dirty=True)
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, tr, reason, what: shown.append((reason, what)))
    previous = sys.excepthook
    try:
        app.install_excepthook(window, kz_home / "kzcomplaint.log")
        try:
            raise RuntimeError("the disk vanished")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    assert shown and "the disk vanished" in shown[0][0]
    assert "kzcomplaint.log" in shown[0][1]
    assert window.draft.slot is not None and window.draft.slot.path.is_file(), "the answers were autosaved first"


def test_document_page_warns_when_facts_are_in_another_language(make_window, qtbot) -> None:
    window = make_window("en")
    case = complete_case()
    case.facts = (
        "Член участковой комиссии потребовал, чтобы я покинул участок, и не назвал причину удаления; "
        "полиция вывела меня из помещения для голосования."
    )
    case.details, case.requests = {}, []
    window.draft.replace_case(case)
    window.wizard.go_to_page(7)
    page = window.document_page
    select = page.language.findData("kk")
    page.language.setCurrentIndex(select)
    page.refresh_preview()
    assert page.mixed.isVisibleTo(page)
    assert "Русский" in page.mixed.text()
    page.language.setCurrentIndex(page.language.findData("ru"))
    page.refresh_preview()
    assert not page.mixed.isVisibleTo(page)


def test_pdf_failure_is_said_in_the_interface_language(make_window, qtbot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(export, "office_program", lambda: None)
    window = make_window("ru")
    window.draft.replace_case(complete_case())
    window.wizard.go_to_page(7)
    page = window.document_page
    page.export_pdf(path=tmp_path / "complaint.pdf")
    qtbot.waitUntil(lambda: page.saved.is_error, timeout=20_000)
    assert "LibreOffice не установлен" in page.saved.text()


def test_only_evidence_inside_the_case_folder_or_picked_here_is_read(make_window, qtbot, kz_home: Path) -> None:
    # A case file someone sent must not fingerprint files elsewhere on this computer into the document.
    import hashlib

    from kzcomplaint.core.case import caseio
    from kzcomplaint.core.case.model import Evidence

    secret = kz_home / "secret.txt"
    secret.write_bytes(b"private")
    folder = kz_home / "case"
    folder.mkdir()
    (folder / "clip.mp4").write_bytes(b"clip")
    case = complete_case()
    case.evidence = [Evidence("Clip", "clip.mp4"), Evidence("Secret", "../secret.txt")]
    path = folder / "case.json"
    caseio.save_case(case, path)
    window = make_window("en")
    assert window.open_path(path)
    window.wizard.go_to_page(7)
    page = window.wizard.currentPage()
    qtbot.waitUntil(lambda: page.evidence_note.isVisible(), timeout=10_000)
    assert "../secret.txt" in page.evidence_note.text() and "outside" in page.evidence_note.text()
    text = page.preview.toPlainText()
    assert hashlib.sha256(b"clip").hexdigest() in text
    assert hashlib.sha256(b"private").hexdigest() not in text

    def unread() -> set[str]:
        window.draft.recheck()
        return {problem.field for problem in window.draft.problems if problem.code == "evidence.unreadable"}

    assert unread() == {"evidence.1.file"}  # the checker and the document agree
    # Picked in the dialog, it is read — and no longer warned of.
    window.wizard.go_to_page(3)
    window.wizard.currentPage().add_picked_files([secret])
    window.wizard.go_to_page(7)
    qtbot.waitUntil(lambda: hashlib.sha256(b"private").hexdigest() in page.preview.toPlainText(), timeout=10_000)
    assert unread() == set()


def test_evidence_picked_inside_the_case_folder_is_saved_relative(make_window, kz_home: Path) -> None:
    from kzcomplaint.core.case import caseio

    folder = kz_home / "case"
    (folder / "media").mkdir(parents=True)
    (folder / "media" / "clip.mp4").write_bytes(b"clip")
    window = make_window("en")
    window.draft.replace_case(complete_case())
    window.wizard.go_to_page(3)
    window.wizard.currentPage().add_picked_files([folder / "media" / "clip.mp4", kz_home / "elsewhere.mp4"])
    window.wizard.currentPage().store()
    assert window.save_as(folder / "case.json")
    files = [item.file for item in caseio.load_case(folder / "case.json").evidence if item.file]
    assert files == ["media/clip.mp4", str(kz_home / "elsewhere.mp4")]
