"""The trainer's room: a folder of drafts scored, every document exported, the results as .docx and CSV."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import docx
import pytest

from kzcomplaint.core.case import caseio
from kzcomplaint.core.case.model import Case
from kzcomplaint.core.documents import render
from kzcomplaint.core.text.i18n import translator
from kzcomplaint.core.workshop import answers, exercise, handouts, packs, room

LIBRARY = packs.load_library(user=False)


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def ten_drafts(folder: Path) -> dict[str, int]:
    """Ten participants on three scenarios, each with a different number of defects fixed; their expected scores."""
    scenarios = [
        LIBRARY.find(name)
        for name in ("removed_for_live_broadcast", "protocol_copy_too_late", "cec_resolution_to_supreme_court")
    ]
    expected = {}
    for number in range(10):
        scenario = scenarios[number % 3]
        assert scenario is not None
        language = ("kk", "ru", "en")[number % 3]
        case = exercise.start(scenario, language, f"Participant {number + 1:02d}")
        fixed = number % (len(scenario.defects) + 1)
        for defect in scenario.defects[:fixed]:
            case = exercise.fixed_by(case, defect, scenario, language)
        caseio.save_case(case, folder / f"p{number + 1:02d}.json")
        expected[f"Participant {number + 1:02d}"] = fixed
    return expected


def test_collect_over_ten_drafts_gives_the_tables_and_the_documents(tmp_path: Path) -> None:
    drafts = tmp_path / "usb"
    drafts.mkdir()
    expected = ten_drafts(drafts)
    caseio.save_case(Case(), drafts / "not-an-exercise.json")
    (drafts / "notes.txt").write_text("not a draft", encoding="utf-8")
    out = tmp_path / "out"
    results = room.collect(drafts, out, LIBRARY, translator("ru"), jobs=1)

    assert {entry.score.participant: entry.score.score for entry in results.scored} == expected
    assert [entry.file.name for entry in results.unscored] == ["not-an-exercise.json"]
    documents = sorted(path.name for path in (out / room.DOCUMENTS_DIR).iterdir())
    assert len([name for name in documents if name.startswith("p")]) == 10
    assert "p01.kk.docx" in documents and "p02.ru.docx" in documents and "p03.en.docx" in documents

    with open(out / room.PARTICIPANTS_CSV, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    scores = {row["participant"]: int(row["score"]) for row in rows if row["participant"]}
    assert scores == expected
    assert any(row["file"] == "not-an-exercise.json" and row["not_scored_because"] for row in rows)

    with open(out / room.DEFECTS_CSV, encoding="utf-8-sig", newline="") as handle:
        defects = list(csv.DictReader(handle, delimiter=";"))
    missed = [int(row["missed"]) for row in defects]
    assert missed == sorted(missed, reverse=True), "what the room keeps missing comes first"
    iin_invalid = next(row for row in defects if row["code"] == "iin.invalid")
    assert int(iin_invalid["got"]) + int(iin_invalid["missed"]) == 4  # participants 1, 4, 7 and 10

    text = docx_text((out / room.RESULTS_DOCX).read_bytes())
    assert "Participant 01" in text and "Participant 10" in text
    assert "not-an-exercise.json" in text
    assert "Итоги семинара" in text and "Workshop results" not in text, "in the workshop's language"
    for name in (room.RESULTS_DOCX, room.PARTICIPANTS_CSV, room.DEFECTS_CSV):
        assert ((out / name).stat().st_mode & 0o777) == 0o600, "participants' names: owner only"


def test_a_second_collection_gives_the_documents_of_the_drafts_as_they_are_now(tmp_path: Path) -> None:
    # Participants fix their drafts after a first collection: the new scores come with new
    # documents, never with the first run's documents left in the folder.
    drafts = tmp_path / "usb"
    drafts.mkdir()
    scenario = LIBRARY.find("removed_for_live_broadcast")
    assert scenario is not None
    case = exercise.start(scenario, "ru", "Participant 01")
    caseio.save_case(case, drafts / "p01.json")
    out = tmp_path / "out"
    first = room.collect(drafts, out, LIBRARY, translator("ru"), jobs=1)
    document = out / room.DOCUMENTS_DIR / "p01.ru.docx"
    before = docx_text(document.read_bytes())
    fixed = exercise.perfect(scenario, "ru")
    caseio.save_case(fixed, drafts / "p01.json")
    second = room.collect(drafts, out, LIBRARY, translator("ru"), jobs=1)
    assert second.scored[0].score.score > first.scored[0].score.score
    assert second.documents.rendered == 1 and second.documents.skipped == 0
    after = docx_text(document.read_bytes())
    assert after != before
    assert after == docx_text(render.render_docx(caseio.load_case(drafts / "p01.json"), "ru", base_dir=drafts))


def test_collect_of_an_empty_or_missing_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(room.RoomError):
        room.collect(tmp_path, tmp_path / "out", LIBRARY, translator("en"), jobs=1)
    with pytest.raises(room.RoomError):
        room.collect(tmp_path / "none", tmp_path / "out", LIBRARY, translator("en"), jobs=1)


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_answer_key_has_every_defect_with_its_citation_from_the_rule_data(language: str) -> None:
    scenario = LIBRARY.find("cec_resolution_to_supreme_court")
    assert scenario is not None
    tr = translator(language)
    data = handouts.answer_key_docx(scenario, tr)
    text = docx_text(data)
    planted = {problem.code: problem for problem in exercise.planted_problems(scenario, language)}
    for defect in scenario.defects:
        problem = planted[defect.code]
        assert problem.message[language] in text
        assert defect.fix[language] in text and defect.why[language] in text
        if problem.citation is not None:
            assert problem.citation.text(language) in text, "the citation comes from the checker's rule data"
    assert scenario.story[language].splitlines()[1] in text
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "word/document.xml" in archive.namelist()


def test_the_key_asks_the_question_and_gives_the_right_answer() -> None:
    scenario = LIBRARY.find("protocol_copy_too_late")
    assert scenario is not None
    entries = answers.answer_key(scenario, translator("kk"))
    question = next(entry for entry in entries if entry.kind == packs.QUESTION)
    assert question.question.endswith("?") and question.answer == "Жоқ, мерзімі өтіп кетті"
    assert [entry.code for entry in answers.answer_key(scenario, translator("kk"), only=["iin.missing"])] == [
        "iin.missing"
    ]


def test_nothing_of_the_exercise_is_printed_in_the_participants_document() -> None:
    scenario = LIBRARY.find("removed_for_live_broadcast")
    assert scenario is not None
    case = exercise.perfect(scenario, "ru")
    assert case.exercise is not None
    case.exercise.participant = "Участник-Тренинг-Семнадцать"
    text = docx_text(render.render_docx(case, "ru"))
    assert case.complainant.full_name in text
    for absent in ("Участник-Тренинг-Семнадцать", scenario.id, "exercise", scenario.pack):
        assert absent not in text
