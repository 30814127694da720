"""File → Export many cases…: a folder or a CSV exported off the UI thread, with progress, cancel and a report."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import docx
import pytest
from PySide6.QtGui import QDesktopServices

from kzcomplaint.core.files import resources
from kzcomplaint.core.text.i18n import Translator
from kzcomplaint.gui.dialogs import batch as batch_dialog
from kzcomplaint.gui.dialogs.batch import BatchDialog

EXAMPLES = ("observer_removed.json", "observer_denied_entry.json", "ballot_stuffing.json")
BROKEN = '{"format": "kzcomplaint/1", "template": '
ROW = {
    "template": "observer_removed",
    "language": "ru",
    "complainant.full_name": "Тестова Айгуль Маратовна",
    "complainant.iin": "800416100254",
    "complainant.phone": "8 700 000 00 21",
    "respondent.level": "precinct",
    "respondent.name": "Участковая избирательная комиссия № 998",
    "contested.type": "action",
    "contested.date": "10.01.2021",
    "facts": "Меня удалили; причина не названа, решение не вручено.",
}


def _csv(path: Path, rows: list[dict[str, str]]) -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(ROW), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _whole_documents(folder: Path) -> list[str]:
    """The names in ``folder``, after checking that each is a document python-docx opens."""
    names = sorted(path.name for path in folder.iterdir())
    for name in names:
        assert name.endswith(".docx") and not name.startswith("."), f"not a finished document: {name}"
        docx.Document(str(folder / name))
    return names


def _dialog(window) -> BatchDialog:
    window.batch_action.trigger()
    dialog = window.batch_dialog
    assert isinstance(dialog, BatchDialog) and dialog.isVisible()
    return dialog


def _run(qtbot, dialog: BatchDialog, source: Path, output: Path, language: str | None = None):
    dialog.source_edit.setText(str(source))
    dialog.output_edit.setText(str(output))
    if language is not None:
        dialog.language.setCurrentIndex(dialog.language.findData(language))
    with qtbot.waitSignal(dialog.batchFinished, timeout=60_000) as finished:
        dialog.start_button.click()
    return finished.args[0]


def test_a_folder_of_cases_with_a_broken_file(make_window, qtbot, tmp_path: Path, monkeypatch) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    for name in EXAMPLES:
        shutil.copy(resources.examples_dir() / name, cases / name)
    (cases / "broken.json").write_text(BROKEN, encoding="utf-8")
    out = tmp_path / "documents"
    window = make_window("en")
    dialog = _dialog(window)
    assert dialog.output_language() == "en", "the current output language is offered first"
    values: list[int] = []
    dialog.progress.valueChanged.connect(values.append)

    summary = _run(qtbot, dialog, cases, out)

    assert summary.rendered == 3 and summary.failed == 1 and not summary.cancelled
    assert _whole_documents(out) == sorted(f"{Path(name).stem}.en.docx" for name in EXAMPLES)
    assert values[-1] == dialog.progress.maximum() == 4, "the progress bar reached the end"
    assert dialog.current.text().startswith("4 of 4: ")
    assert "Rendered: 3" in dialog.status.text() and "failed: 1" in dialog.status.text()
    assert str(out) in dialog.status.text()
    [(case, field, reason)] = dialog.failure_rows()
    assert case == "broken.json" and field == "(whole file)"
    assert reason.startswith("The file is not valid JSON") and "line 1" in reason
    assert dialog.failures.isVisibleTo(dialog)
    assert dialog.start_button.isEnabled() and not dialog.cancel_button.isEnabled()

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    assert dialog.open_folder_button.isEnabled()
    dialog.open_folder_button.click()
    assert opened == [str(out)]

    # The report follows the interface language, the core's reasons included.
    window.set_language("ru")
    ru = Translator("ru")
    assert dialog.windowTitle() == ru.gettext(batch_dialog.MSG_TITLE)
    [(_, field, reason)] = dialog.failure_rows()
    assert field == ru.gettext(batch_dialog.MSG_WHOLE_FILE)
    assert reason.startswith("Файл не является корректным JSON")
    assert dialog.failures_model.horizontalHeaderItem(2).text() == ru.gettext(batch_dialog.MSG_REASON)
    inputs = (
        dialog.source_edit,
        dialog.folder_button,
        dialog.csv_button,
        dialog.output_edit,
        dialog.browse_button,
        dialog.language,
        dialog.start_button,
        dialog.cancel_button,
        dialog.open_folder_button,
        dialog.progress,
        dialog.failures,
    )
    assert all(widget.accessibleName() and "&" not in widget.accessibleName() for widget in inputs)
    assert dialog.source_edit.accessibleName() == "Источник"


def test_cancel_midway_leaves_only_whole_documents(make_window, qtbot, tmp_path: Path) -> None:
    total = 600
    source = _csv(tmp_path / "cases.csv", [ROW] * total)
    out = tmp_path / "documents"
    window = make_window("en")
    dialog = _dialog(window)

    def cancel_once_started(value: int) -> None:
        if value >= 1 and dialog.cancel_button.isEnabled():
            dialog.cancel_button.click()

    dialog.progress.valueChanged.connect(cancel_once_started)
    summary = _run(qtbot, dialog, source, out, language="ru")

    assert summary.cancelled and summary.total == total
    written = _whole_documents(out)
    assert 1 <= len(written) < total // 2, len(written)
    assert len(written) == summary.rendered == len(summary.results)
    assert dialog.status.text().startswith(f"Cancelled after {len(written)} of {total} cases")
    assert dialog.start_button.isEnabled() and not dialog.cancel_button.isEnabled()


def test_closing_while_running_cancels_and_the_dialog_stays_to_report(make_window, qtbot, tmp_path: Path) -> None:
    source = _csv(tmp_path / "cases.csv", [ROW] * 600)
    window = make_window("en")
    dialog = _dialog(window)
    dialog.source_edit.setText(str(source))
    dialog.output_edit.setText(str(tmp_path / "documents"))
    with qtbot.waitSignal(dialog.batchFinished, timeout=60_000) as finished:
        assert dialog.start()
        assert dialog.is_running and not dialog.start_button.isEnabled()
        dialog.reject()  # Escape or Close
        assert dialog.isVisible()
    assert finished.args[0].cancelled
    dialog.reject()
    assert not dialog.isVisible()


def test_a_csv_source_names_failed_rows_in_the_interface_language(make_window, qtbot, tmp_path: Path) -> None:
    rows = [ROW, {**ROW, "language": "kk"}, {**ROW, "contested.date": "31.02.2021"}]
    source = _csv(tmp_path / "observers.csv", rows)
    out = tmp_path / "documents"
    window = make_window("ru")
    dialog = _dialog(window)

    summary = _run(qtbot, dialog, source, out, language="kk+ru")

    assert summary.rendered == 2 and summary.failed == 1
    assert _whole_documents(out) == [
        "observers-row-1-observer_removed.kk+ru.docx",
        "observers-row-2-observer_removed.kk+ru.docx",
    ]
    [(case, field, reason)] = dialog.failure_rows()
    assert case == "observers.csv, строка 3"
    # The field in the user's words (the wizard's page and label); the CSV column only as a tooltip.
    assert field == "Где и когда › Дата действия или бездействия" and "31.02.2021" in reason
    assert dialog.failures_model.item(0, 1).toolTip() == "contested.date"
    assert dialog.current.text() == "3 из 3: observers.csv, строка 3"


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        ("", "documents", "Choose the cases first"),
        ("cases", "", "Choose the folder for the documents"),
        ("cases", "blocker/documents", "is a file, not a folder"),
        ("missing", "documents", "is neither a folder of case files nor a .csv file"),
        ("empty", "documents", "No case files (*.json) in the folder"),
        ("cases", "cases/a.json/documents", "is a file, not a folder"),
    ],
)
def test_bad_input_is_a_readable_message(
    make_window, qtbot, tmp_path: Path, source: str, output: str, expected: str
) -> None:
    (tmp_path / "cases").mkdir()
    shutil.copy(resources.examples_dir() / EXAMPLES[0], tmp_path / "cases" / "a.json")
    (tmp_path / "empty").mkdir()
    (tmp_path / "blocker").write_text("a file where a folder should be", encoding="utf-8")
    window = make_window("en")
    dialog = _dialog(window)
    dialog.source_edit.setText(str(tmp_path / source) if source else "")
    dialog.output_edit.setText(str(tmp_path / output) if output else "")
    if dialog.start():  # checked in the worker: the source
        qtbot.waitSignal(dialog.batchFinished, timeout=30_000).wait()
    qtbot.waitUntil(lambda: not dialog.is_running, timeout=30_000)
    assert dialog.status.is_error and expected in dialog.status.text()
    assert "Traceback" not in dialog.status.text()
    assert dialog.summary() is None and not dialog.open_folder_button.isEnabled()
    assert not (tmp_path / "documents").exists()


def test_the_menu_offers_it_with_a_mnemonic_and_the_document_language(make_window, qtbot) -> None:
    window = make_window("ru")
    page = window.document_page
    page.ensure_built()
    page.language.setCurrentIndex(page.language.findData("kk+ru"))
    assert window.batch_action in window.file_menu.actions()
    assert "&" in window.batch_action.text()
    assert window.batch_action.text() == Translator("ru").gettext("Export &many cases…")
    assert _dialog(window).output_language() == "kk+ru"


def test_the_summary_counts_each_outcome_apart(make_window, qtbot, tmp_path: Path) -> None:
    import json

    cases = tmp_path / "cases"
    cases.mkdir()
    out = tmp_path / "documents"
    out.mkdir()
    for name in EXAMPLES[:2]:
        shutil.copy(resources.examples_dir() / name, cases / name)
    for name in ("no_iin_1.json", "no_iin_2.json"):
        data = json.loads((resources.examples_dir() / EXAMPLES[0]).read_text(encoding="utf-8"))
        data["complainant"]["iin"] = ""
        (cases / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for stem in ("earlier_1", "earlier_2", "earlier_3"):  # exported before and edited by hand since
        shutil.copy(resources.examples_dir() / EXAMPLES[0], cases / f"{stem}.json")
        (out / f"{stem}.en.docx").write_bytes(b"edited by hand")
    (cases / "broken.json").write_text(BROKEN, encoding="utf-8")
    window = make_window("en")
    dialog = _dialog(window)

    summary = _run(qtbot, dialog, cases, out, "en")

    # Four written (two of them with blocking problems), one failed, three left as they were: every number differs.
    assert (summary.rendered, summary.with_blocking, summary.failed, summary.skipped) == (4, 2, 1, 3)
    assert dialog.status.text().splitlines()[0] == (
        "Rendered: 4, with blocking problems: 2, failed: 1, skipped because the document already exists: 3."
    )
    failed_or_left = [row[0] for row in dialog.failure_rows()]
    assert failed_or_left == ["broken.json", "earlier_1.json", "earlier_2.json", "earlier_3.json"]
    assert all((out / f"earlier_{n}.en.docx").read_bytes() == b"edited by hand" for n in (1, 2, 3))
    window.set_language("kk")
    assert dialog.status.text().splitlines()[0] == (
        "Жасалды: 4, бөгейтін мәселелері бар: 2, сәтсіз: 1, құжат бұрыннан бар болғандықтан өткізіп жіберілді: 3."
    )
    window.set_language("ru")
    assert dialog.status.text().splitlines()[0] == (
        "Создано: 4, с блокирующими проблемами: 2, не удалось: 1, пропущено, потому что документ уже есть: 3."
    )


def test_a_second_export_into_the_same_folder_replaces_nothing_unless_asked(make_window, qtbot, tmp_path: Path) -> None:
    source = _csv(tmp_path / "observers.csv", [ROW])
    out = tmp_path / "documents"
    window = make_window("ru")
    dialog = _dialog(window)
    assert _run(qtbot, dialog, source, out).rendered == 1
    [name] = _whole_documents(out)
    (out / name).write_bytes(b"edited by hand after the first export")
    summary = _run(qtbot, dialog, source, out)
    assert (summary.rendered, summary.skipped, summary.failed) == (0, 1, 0)
    assert (out / name).read_bytes() == b"edited by hand after the first export"
    assert "уже есть: 1" in dialog.status.text()
    [(case, _field, reason)] = dialog.failure_rows()
    assert case == "observers.csv, строка 1" and name in reason and "--overwrite" in reason
    dialog.overwrite.setChecked(True)
    assert _run(qtbot, dialog, source, out).rendered == 1
    assert _whole_documents(out) == [name]
