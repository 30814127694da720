"""The trainer's room: every participant's draft collected from a folder, scored, exported.

A folder (a shared USB stick, a network folder) holds the participants'
drafts (``*.json``). :func:`collect` scores each one against the trainer's
packs, exports every document at once with the existing batch, and writes
the results: ``results.docx`` (printable), ``participants.csv`` and
``defects.csv`` (``;``-separated UTF-8 with a byte-order mark, as Excel opens
it under Kazakh and Russian settings). A file that is not a draft, or whose
scenario is unknown, is listed with the reason and never stops the rest.
The results hold participants' names: they are written owner-only.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kzcomplaint.core.case import caseio
from kzcomplaint.core.files.atomic import write_private_file
from kzcomplaint.core.text.i18n import N_, Message, Translator
from kzcomplaint.core.workshop.exercise import ExerciseError, Score, scenario_of, score
from kzcomplaint.core.workshop.packs import Library, Scenario

if TYPE_CHECKING:
    from kzcomplaint.core.documents.batch import BatchSummary

RESULTS_DOCX = "results.docx"
PARTICIPANTS_CSV = "participants.csv"
DEFECTS_CSV = "defects.csv"
DOCUMENTS_DIR = "documents"

MSG_NO_DRAFTS = N_("No drafts (*.json) in the folder {folder}.")
MSG_NOT_A_FOLDER = N_("{folder} is not a folder of drafts.")
MSG_UNREADABLE_DRAFT = N_("the draft cannot be read: {reason}")
MSG_SCORE = N_("{score} of {max_score}")
MSG_NONE = N_("none")


class RoomError(Exception):
    """The folder as a whole cannot be collected; ``message`` says why."""

    def __init__(self, message: Message) -> None:
        """Keep the message for the front end to translate."""
        self.message = message
        super().__init__(message.msgid.format(**message.params))


@dataclasses.dataclass(frozen=True)
class Scored:
    """A participant's draft and its score."""

    file: Path
    score: Score


@dataclasses.dataclass(frozen=True)
class Unscored:
    """A file of the folder that could not be scored, and why."""

    file: Path
    reason: Message


@dataclasses.dataclass
class RoomResults:
    """What a collect found and wrote."""

    folder: Path
    scored: list[Scored]
    unscored: list[Unscored]
    written: list[Path] = dataclasses.field(default_factory=list)
    """The results files."""
    documents: BatchSummary | None = None
    """The batch summary of the exported documents, when exported."""


def draft_files(folder: Path) -> list[Path]:
    """The ``*.json`` files of ``folder``, sorted.

    Raises:
        RoomError: the folder is missing, unreadable or has no drafts.
    """
    try:
        if not folder.is_dir():
            raise RoomError(Message(MSG_NOT_A_FOLDER, folder=str(folder)))
        files = sorted(path for path in folder.iterdir() if path.suffix.lower() == ".json" and path.is_file())
    except OSError as error:
        raise RoomError(Message(MSG_NOT_A_FOLDER, folder=str(folder))) from error
    if not files:
        raise RoomError(Message(MSG_NO_DRAFTS, folder=str(folder)))
    return files


def score_folder(folder: Path, library: Library) -> RoomResults:
    """Score every draft of ``folder`` against ``library`` (nothing is written).

    Raises:
        RoomError: the folder has no drafts.
    """
    scored: list[Scored] = []
    unscored: list[Unscored] = []
    for path in draft_files(folder):
        try:
            case = caseio.load_case(path)
            scenario = scenario_of(case, library, path.name)
        except caseio.CaseFileError as error:
            first = error.problems[0]
            reason = Message(MSG_UNREADABLE_DRAFT, reason=first.message)
            unscored.append(Unscored(path, reason))
            continue
        except ExerciseError as error:
            unscored.append(Unscored(path, error.message))
            continue
        scored.append(Scored(path, score(case, scenario)))
    return RoomResults(folder, scored, unscored)


def _name(entry: Scored) -> str:
    return entry.score.participant or entry.file.stem


def participant_rows(results: RoomResults, tr: Translator) -> list[tuple[str, ...]]:
    """Participant, file, scenario, score, new blocking problems, the missed defects' codes."""
    rows: list[tuple[str, ...]] = []
    for entry in sorted(results.scored, key=lambda item: (_name(item).casefold(), item.file.name)):
        result = entry.score
        title = result.scenario.title.get(tr.language) or result.scenario.id
        missed = ", ".join(item.defect.code for item in result.missed) or tr.gettext(MSG_NONE)
        rows.append(
            (
                _name(entry),
                entry.file.name,
                title,
                tr.format(MSG_SCORE, score=result.score, max_score=result.max_score),
                str(len(result.new_blocking)),
                missed,
            )
        )
    return rows


def defect_rows(results: RoomResults, tr: Translator) -> list[tuple[str, ...]]:
    """Scenario, defect, how many got it, how many missed it (with their names), code — most missed first."""
    tally: dict[tuple[str, str], list[list[str]]] = {}
    scenarios: dict[str, Scenario] = {}
    for entry in results.scored:
        scenario = entry.score.scenario
        scenarios[scenario.id] = scenario
        for item in entry.score.defects:
            got, missed = tally.setdefault((scenario.id, item.defect.code), [[], []])
            (got if item.points else missed).append(_name(entry))
    rows: list[tuple[str, ...]] = []
    for (scenario_id, code), (got, missed) in tally.items():
        scenario = scenarios[scenario_id]
        language = tr.language if tr.language in scenario.languages else scenario.languages[0]
        defect = scenario.defect(code)
        label = defect.why[language] if defect is not None else code
        who = f"{len(missed)}: {', '.join(sorted(missed, key=str.casefold))}" if missed else "0"
        rows.append(
            (scenario.title.get(language, scenario_id), f"{code} — {label}", str(len(got)), who, code, str(len(missed)))
        )
    rows.sort(key=lambda row: (-int(row[5]), row[0], row[4]))
    return rows


def _csv(header: list[str], rows: Sequence[Sequence[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def write_results(results: RoomResults, out_dir: Path, tr: Translator) -> list[Path]:
    """Write ``results.docx``, ``participants.csv`` and ``defects.csv`` into ``out_dir`` (owner-only)."""
    from kzcomplaint.core.workshop import handouts

    participants = [
        (
            entry.file.name,
            _name(entry),
            entry.score.scenario.id,
            entry.score.language,
            str(entry.score.score),
            str(entry.score.max_score),
            str(len(entry.score.new_blocking)),
            " ".join(item.defect.code for item in entry.score.missed),
            "",
        )
        for entry in sorted(results.scored, key=lambda item: item.file.name)
    ]
    participants += [
        (entry.file.name, "", "", "", "", "", "", "", entry.reason.render(tr)) for entry in results.unscored
    ]
    participant_header = [
        "file",
        "participant",
        "scenario",
        "language",
        "score",
        "max_score",
        "new_blocking",
        "missed",
        "not_scored_because",
    ]
    defect_header = ["scenario", "code", "got", "missed", "missed_by"]
    by_defect = defect_rows(results, tr)
    defects = [(row[0], row[4], row[2], row[5], row[3]) for row in by_defect]
    files = {
        RESULTS_DOCX: handouts.results_docx(
            results.folder.name,
            participant_rows(results, tr),
            [row[:4] for row in by_defect],
            [(entry.file.name, entry.reason.render(tr)) for entry in results.unscored],
            tr,
        ),
        PARTICIPANTS_CSV: _csv(participant_header, participants),
        DEFECTS_CSV: _csv(defect_header, defects),
    }
    written = []
    for name, data in files.items():
        target = out_dir / name
        write_private_file(target, data)
        written.append(target)
    results.written = written
    return written


def collect(
    folder: Path,
    out_dir: Path,
    library: Library,
    tr: Translator,
    *,
    language: str | None = None,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> RoomResults:
    """Score every draft of ``folder``, export every document into ``out_dir/documents``, write the results.

    Args:
        folder: the participants' drafts.
        out_dir: where the results and the documents go (created if missing).
        library: the trainer's packs.
        tr: the language of the results (the workshop's).
        language: the documents' language (None: each draft's own).
        jobs: worker processes for the batch export (None: one per CPU).
        progress: called with (documents done, total).

    Raises:
        RoomError: the folder has no drafts.
        OSError: the output folder cannot be written.
    """
    from kzcomplaint.core.documents import batch

    results = score_folder(folder, library)
    out_dir.mkdir(parents=True, exist_ok=True)
    results.documents = batch.run_batch(
        folder,
        out_dir / DOCUMENTS_DIR,
        # The room's own folder of documents: a second collection (drafts fixed meanwhile) replaces
        # them, as it replaces the scores, so the documents are those the scores are for.
        overwrite=True,
        language=language,
        jobs=jobs,
        progress=(lambda done, total, _result: progress(done, total)) if progress else None,
    )
    write_results(results, out_dir, tr)
    return results


__all__ = [
    "DEFECTS_CSV",
    "DOCUMENTS_DIR",
    "PARTICIPANTS_CSV",
    "RESULTS_DOCX",
    "RoomError",
    "RoomResults",
    "Scored",
    "Unscored",
    "collect",
    "defect_rows",
    "draft_files",
    "participant_rows",
    "score_folder",
    "write_results",
]
