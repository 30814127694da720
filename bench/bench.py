"""Benchmark of the command line, one document and batch (``make bench``): prints figures, asserts nothing.

Each row measures ours and a peer or floor in alternating rounds and prints
min / median / max of both and the ratio of the medians:

- ``kzcomplaint check CASE`` and ``kzcomplaint deadlines --rule … --event …``
  through the installed console script, beside ``python -c pass`` (the floor
  of any command written in Python);
- one document, over every example case in kk, ru and en (all of them each
  round, not one case again and again), beside docxtpl with an idiomatic
  template (one paragraph loop, a branch per style) and beside a minimal
  writer of the same document (the same paragraphs, already made, written
  with f-strings, zipped with :mod:`zipfile` with the document's own footer
  and properties);
- batch of 10,000 case files with one job through the real CLI, beside a
  minimal script doing the same work (read and parse every case file, write
  the same document — its paragraphs made beforehand — with the minimal
  writer, atomically and synced as ours is: ``bench/batch_floor.py``);
- batch of a 10,000-row CSV through the real CLI: peak memory of the largest
  process and the time to the first document written, each beside the same
  command on a 100-row CSV in the same rounds (flat memory and a start that
  does not wait for the whole file mean the same figures).

    .venv/bin/python bench/bench.py [--cases 10000] [--rounds 15] [--batch-rounds 3] [--only cli,document,batch,csv]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import common  # noqa: E402
from minimal import minimal_body, minimal_package  # noqa: E402

from kzcomplaint.core.case import caseio  # noqa: E402
from kzcomplaint.core.case.model import Case  # noqa: E402
from kzcomplaint.core.documents import docx_style, render  # noqa: E402
from kzcomplaint.core.files import resources  # noqa: E402

LANGUAGES = ("kk", "ru", "en")
FLOOR_SCRIPT = Path(__file__).resolve().parent / "batch_floor.py"


# ── Varied cases ────────────────────────────────────────────────────────


def examples() -> list[tuple[Case, Path]]:
    """Every example case with its folder."""
    paths = sorted(resources.examples_dir().glob("*.json"))
    if not paths:
        sys.exit("bench: no example case in examples/")
    return [(caseio.load_case(path), path.parent) for path in paths]


def example_data() -> list[dict[str, Any]]:
    """The example case files as data."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(resources.examples_dir().glob("*.json"))]


def varied(data: dict[str, Any], index: int) -> dict[str, Any]:
    """A copy of an example made different: another name, precinct, language and facts line."""
    copy = json.loads(json.dumps(data))
    copy["complainant"]["full_name"] = f"Тестова Айгуль {index:05d}"
    copy["respondent"]["number"] = str(100 + index % 900)
    copy["language"] = LANGUAGES[index % 3]
    copy["facts"] = f"{copy.get('facts', '')}\nЗапись {index}."
    return copy


def generate_case_files(folder: Path, count: int) -> None:
    """``count`` case files made from the examples."""
    bases = example_data()
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        data = varied(bases[index % len(bases)], index)
        (folder / f"case-{index:05d}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


_NOT_IN_A_CSV = frozenset({"translations", "filings", "refusals", "answer", "history", "exercise"})
"""What a case file holds and a CSV row cannot: second-language texts, the after-filing record, an exercise."""


def _flatten(data: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    for key, value in data.items():
        name = f"{prefix}{key}"
        if key in _NOT_IN_A_CSV:
            continue
        if key in ("requests", "attachments") and not prefix:
            yield name, " | ".join(value)
        elif key == "evidence" and not prefix:
            for number, item in enumerate(value):
                for field, text in item.items():
                    if text and field not in _NOT_IN_A_CSV:
                        yield f"evidence.{number}.{field}", str(text)
        elif isinstance(value, dict):
            yield from _flatten(value, f"{name}.")
        elif value is not None and key != "format":
            yield name, str(value)


def generate_csv(path: Path, count: int) -> None:
    """A CSV of ``count`` cases (one per row, dotted columns) made from the examples."""
    bases = example_data()
    rows = [dict(_flatten(varied(bases[index % len(bases)], index))) for index in range(count)]
    columns = sorted({column for row in rows for column in row})
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, delimiter=";")
        writer.writeheader()
        writer.writerows(rows)


# ── The floor: a minimal writer of the same document.xml (bench/minimal.py) ──

PROPERTIES = (docx_style.CORE_PROPERTIES, docx_style.CUSTOM_PROPERTIES)
"""The parts a document writes for itself besides its body: its properties (when and how it was made)."""


class FloorWriter:
    """The fixed parts of our base package, written around prepared paragraphs by the minimal writer."""

    def __init__(self) -> None:
        """Take the parts and the document's head and tail from a rendered document of ours."""
        sample = render.render_docx(Case(template="observer_removed", language="ru"), "ru")
        with zipfile.ZipFile(io.BytesIO(sample)) as archive:
            self.parts = [(name, archive.read(name)) for name in archive.namelist()]
        document = dict(self.parts)["word/document.xml"].decode("utf-8")
        self.head = document[: document.index("<w:body>") + len("<w:body>")]
        self.tail = document[document.index("<w:sectPr", len(self.head)) :]
        self.footer_name = next(name for name, _ in self.parts if name.startswith("word/footer"))
        # (Run against a version without zip_member, to measure it as it was, the row is left out.)
        own = ("word/document.xml", *PROPERTIES)
        self.members = [
            None if name in own else docx_style.zip_member(name, data, 9) for name, data in self.parts
        ] if hasattr(docx_style, "zip_member") else []

    def write(
        self,
        paragraphs: list[tuple[str, list[tuple[str, bool, bool]]]],
        language: str,
        footer: bytes,
        properties: dict[str, bytes],
    ) -> bytes:
        """A .docx of ``paragraphs``, with its footer and its properties."""
        body = minimal_body(paragraphs, docx_style.LANGUAGE_TAGS[language])
        document = (self.head + body + self.tail).encode("utf-8")
        return minimal_package(self.parts, {"word/document.xml": document, self.footer_name: footer, **properties})

    def write_copying(
        self, paragraphs: list[tuple[str, list[tuple[str, bool, bool]]]], language: str, properties: dict[str, bytes]
    ) -> bytes:
        """The same, but the fixed parts and the footer copied already compressed: the body and properties deflated."""
        body = minimal_body(paragraphs, docx_style.LANGUAGE_TAGS[language])
        own = {"word/document.xml": (self.head + body + self.tail).encode("utf-8"), **properties}
        members = [
            member or docx_style.zip_member(name, own[name], 1)
            for (name, _), member in zip(self.parts, self.members, strict=True)
        ]
        return docx_style.zip_members(members)


def _plain(paragraphs: list[docx_style.Para]) -> list[tuple[str, list[tuple[str, bool, bool]]]]:
    return [(p.style, [(r.text, r.bold, r.italic) for r in p.runs]) for p in paragraphs]


# ── Rows ────────────────────────────────────────────────────────────────


def cli_rows(rounds: int, home: Path) -> None:
    """``check`` and ``deadlines --rule`` beside ``python -c pass``."""
    env = common.quiet_env(home)
    case = str(resources.examples_dir() / "observer_removed.json")
    floor = [sys.executable, "-c", "pass"]
    commands = {
        "kzcomplaint check CASE": [str(common.SCRIPT), "--ui-lang", "ru", "check", case],
        "deadlines --rule … --event …": [
            str(common.SCRIPT),
            "--ui-lang",
            "ru",
            "deadlines",
            "--rule",
            "election.appeal_filing",
            "--event",
            "2024-03-11",
        ],
    }
    aims = {"kzcomplaint check CASE": "< 150 ms", "deadlines --rule … --event …": "< 100 ms"}
    for title, command in commands.items():
        results = common.alternate(
            {
                "ours": lambda c=command: common.spawn_seconds(c, env=env),
                "floor": lambda: common.spawn_seconds(floor, env=env),  # the same environment as ours
            },
            rounds,
        )
        common.row(title, results["ours"], results["floor"], "python -c pass", aim=aims[title])


def _docxtpl_template(language: str, footer: str) -> bytes:
    """An idiomatic docxtpl template: one loop over the paragraphs, one branch per style, our house style."""
    from docx import Document

    properties = docx_style.DocumentProperties(
        title="", language=language, created=dt.datetime.now(dt.UTC), application="docxtpl"
    )
    document = Document(io.BytesIO(docx_style.write_package("", footer, properties)))
    styles = [value for name, value in vars(docx_style.Style).items() if name.isupper() and value != "KzFooter"]
    document.add_paragraph("{%p for p in paragraphs %}")
    for index, style in enumerate(styles):
        keyword = "if" if index == 0 else "elif"
        document.add_paragraph(f'{{%p {keyword} p.style == "{style}" %}}')
        document.add_paragraph("{{ p.text }}", style=style)
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def document_rows(rounds: int) -> None:
    """One document, over varied cases: ours, docxtpl, and the minimal writer of the same XML."""
    from docxtpl import DocxTemplate

    cases = examples()
    jobs = [(case, base, language) for case, base in cases for language in LANGUAGES]
    floor = FloorWriter()
    prepared = []
    templates: dict[tuple[str, str], bytes] = {}
    for case, base, language in jobs:
        paragraphs = render.document_paragraphs(case, language, base_dir=base)
        ours = render.render_docx(case, language, base_dir=base)
        with zipfile.ZipFile(io.BytesIO(ours)) as archive:
            footer = archive.read(floor.footer_name)
            our_document = archive.read("word/document.xml")
            properties = {name: archive.read(name) for name in PROPERTIES}
        floor_bytes = floor.write(_plain(paragraphs), language, footer, properties)
        with zipfile.ZipFile(io.BytesIO(floor_bytes)) as archive:
            if archive.read("word/document.xml") != our_document:
                common.note(f"note: the minimal writer's document.xml differs from ours for {case.template} {language}")
        footer_xml = footer.decode("utf-8")
        footer_xml = footer_xml[footer_xml.index(">", footer_xml.index("<w:ftr")) + 1 : footer_xml.rindex("</w:ftr>")]
        key = (case.template, language)
        if key not in templates:
            templates[key] = _docxtpl_template(language, footer_xml)
        prepared.append((_plain(paragraphs), language, footer, properties, templates[key]))

    def ours() -> float:
        started = time.perf_counter()
        for case, base, language in jobs:
            render.render_docx(case, language, base_dir=base)
        return (time.perf_counter() - started) / len(jobs)

    def minimal() -> float:
        started = time.perf_counter()
        for paragraphs, language, footer, properties, _ in prepared:
            floor.write(paragraphs, language, footer, properties)
        return (time.perf_counter() - started) / len(jobs)

    def docxtpl() -> float:
        started = time.perf_counter()
        for (case, base, language), (*_, template) in zip(jobs, prepared, strict=True):
            # The texts come from the same model: docxtpl is given what a template author would pass.
            paragraphs = render.document_paragraphs(case, language, base_dir=base)
            texts = [{"style": p.style, "text": p.text} for p in paragraphs]
            document = DocxTemplate(io.BytesIO(template))
            document.render({"paragraphs": texts})
            document.save(io.BytesIO())
        return (time.perf_counter() - started) / len(jobs)

    def copying() -> float:
        started = time.perf_counter()
        for paragraphs, language, _, properties, _ in prepared:
            floor.write_copying(paragraphs, language, properties)
        return (time.perf_counter() - started) / len(jobs)

    peer_rounds = max(3, rounds // 3)
    contenders: dict[str, common.Measure] = {"ours": ours, "floor": minimal}
    if floor.members:
        contenders["copying"] = copying
    results = common.alternate(contenders, rounds)
    peer = common.alternate({"ours": ours, "docxtpl": docxtpl}, peer_rounds)
    title = f"one document ({len(jobs)} varied, per document)"
    common.row(title, results["ours"], results["floor"], "minimal writer", digits=2, aim="≤ 1.2 ms")
    if "copying" in results:
        common.row("one document, beside writing its XML only", results["ours"], results["copying"], "XML + zip",
                   digits=2)
        common.note("XML + zip: the paragraphs given, their XML and the properties deflated, "
                    "every fixed part copied already compressed")
    common.row("one document, beside docxtpl (loop template)", peer["ours"], peer["docxtpl"], "docxtpl", digits=2)


def prepare_floor(source: Path, target: Path) -> None:
    """What the batch floor is given beforehand: our base package and each case's paragraphs, footer, properties.

    The floor still reads and parses every case file and writes every
    document itself; what it is spared is what ours adds: validating the
    case, checking it and building its paragraphs from the template.
    """
    floor = FloorWriter()
    documents = {}
    for path in sorted(source.glob("*.json")):
        case = caseio.load_case(path)
        paragraphs = render.document_paragraphs(case, case.language, base_dir=path.parent)
        with zipfile.ZipFile(io.BytesIO(render.render_docx(case, case.language, base_dir=path.parent))) as archive:
            own = {name: archive.read(name) for name in (floor.footer_name, *PROPERTIES)}
        documents[path.stem] = (_plain(paragraphs), own)
    base = {"parts": floor.parts, "head": floor.head, "tail": floor.tail, "tags": docx_style.LANGUAGE_TAGS,
            "documents": documents}
    with target.open("wb") as handle:
        pickle.dump(base, handle, protocol=pickle.HIGHEST_PROTOCOL)


def _same_documents(ours: Path, floor: Path, sample: int = 50) -> tuple[int, int]:
    """How many of a sample of the floor's documents have our document.xml, of how many compared."""
    names = sorted(path.name for path in floor.glob("*.docx"))
    step = max(1, len(names) // sample)
    same = compared = 0
    for name in names[::step]:
        if not (ours / name).exists():
            continue
        with zipfile.ZipFile(ours / name) as a, zipfile.ZipFile(floor / name) as b:
            same += a.read("word/document.xml") == b.read("word/document.xml")
        compared += 1
    return same, compared


def batch_files_row(count: int, rounds: int, home: Path) -> None:
    """Batch of ``count`` case files, one job, through the real CLI, beside the minimal script."""
    env = common.quiet_env(home)
    source = home / "cases"
    generate_case_files(source, count)
    out_ours, out_floor = home / "out", home / "floor-out"
    prepared = home / "floor.pickle"
    prepare_floor(source, prepared)

    def ours() -> float:
        shutil.rmtree(out_ours, ignore_errors=True)
        return common.spawn_seconds(
            [str(common.SCRIPT), "--ui-lang", "ru", "batch", str(source), "-o", str(out_ours), "--jobs", "1"], env=env
        )

    def floor() -> float:
        shutil.rmtree(out_floor, ignore_errors=True)
        return common.spawn_seconds(
            [sys.executable, str(FLOOR_SCRIPT), str(source), str(out_floor), str(prepared)], env=env
        )

    results = common.alternate({"ours": ours, "floor": floor}, rounds, warm=0)
    written = sum(1 for _ in out_floor.glob("*.docx")) if out_floor.exists() else 0
    common.row(
        f"batch, {count:,} files, 1 job", results["ours"], results["floor"], "minimal script",
        unit="s", scale=1.0, digits=2, aim="≤ 1.6× the floor",
    )
    same, compared = _same_documents(out_ours, out_floor)
    common.note(f"the minimal script wrote {written:,} documents in its last round, each synced before its name, "
                f"the folder once; {same} of {compared} compared have our document.xml")
    for folder in (source, out_ours, out_floor):
        shutil.rmtree(folder, ignore_errors=True)
    prepared.unlink()


# A small parent for the measured command: a child's peak RSS on Linux starts from its parent's at the
# spawn (the high-water mark is kept across exec), so the bench's own memory must not be that parent.
_PEAK_HELPER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
sys.stderr.write(f"KZC-BENCH peak {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}\\n")
"""


def _run_watching(command: list[str], env: dict[str, str], out: Path) -> tuple[float, float, float]:
    """Run ``command``: seconds, seconds to the first .docx in ``out``, peak RSS (MiB) of its largest process."""
    started = time.perf_counter()
    first: list[float] = []
    process = subprocess.Popen(
        [sys.executable, "-c", _PEAK_HELPER, *command], env=env, cwd=common.ROOT, stderr=subprocess.PIPE
    )
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            try:
                if any(entry.name.endswith(".docx") for entry in os.scandir(out)):
                    first.append(time.perf_counter() - started)
                    return
            except FileNotFoundError:
                pass
            time.sleep(0.005)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    stderr = process.communicate()[1].decode("utf-8", "replace")
    seconds = time.perf_counter() - started
    stop.set()
    watcher.join()
    peak = [line.split() for line in stderr.splitlines() if line.startswith("KZC-BENCH peak")]
    if process.returncode != 0 or not peak or int(peak[-1][3]) not in (0, 1):
        sys.exit(f"bench: {' '.join(command)} failed:\n{stderr[-2000:]}")
    # Linux: ru_maxrss of a waited child is the largest of it and its own waited children (the workers), in KiB.
    scale = 1 if sys.platform == "darwin" else 1024
    return seconds, (first[0] if first else float("nan")), int(peak[-1][2]) * scale / 2**20


def batch_csv_row(count: int, rounds: int, home: Path) -> None:
    """A CSV of ``count`` rows through the real CLI: peak memory and time to the first document, beside 100 rows."""
    env = common.quiet_env(home)
    big, small = home / "big.csv", home / "small.csv"
    generate_csv(big, count)
    generate_csv(small, 100)
    out = home / "csv-out"
    memory: dict[str, list[float]] = {"big": [], "small": []}
    first: dict[str, list[float]] = {"big": [], "small": []}
    seconds: list[float] = []
    for _ in range(rounds):
        for name, source in (("big", big), ("small", small)):
            shutil.rmtree(out, ignore_errors=True)
            command = [str(common.SCRIPT), "--ui-lang", "ru", "batch", str(source), "-o", str(out)]
            elapsed, to_first, rss = _run_watching(command, env, out)
            memory[name].append(rss)
            first[name].append(to_first)
            if name == "big":
                seconds.append(elapsed)
    common.row(
        f"batch, CSV of {count:,} rows: peak RSS", memory["big"], memory["small"], "100 rows",
        unit="MiB", scale=1.0, digits=0, aim="flat, < 100 MiB",
    )
    common.row(f"batch, CSV of {count:,} rows: first document", first["big"], first["small"], "100 rows",
               aim="< 1 s")
    common.note(f"the whole batch of {count:,} rows took {min(seconds):.1f} s at best")
    shutil.rmtree(out, ignore_errors=True)


def main() -> int:
    """Run the rows asked for and print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000, help="cases in the batch rows")
    parser.add_argument("--rounds", type=int, default=15, help="rounds of the quick rows")
    parser.add_argument("--batch-rounds", type=int, default=3, help="rounds of the batch rows")
    parser.add_argument("--only", default="cli,document,batch,csv", help="rows to run, comma-separated")
    args = parser.parse_args()
    only = set(args.only.split(","))
    print(f"kzcomplaint bench — Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="kzcomplaint-bench-") as folder:
        home = Path(folder)
        steps: list[tuple[str, Callable[[], None]]] = [
            ("cli", lambda: cli_rows(args.rounds, home)),
            ("document", lambda: document_rows(args.rounds)),
            ("batch", lambda: batch_files_row(args.cases, args.batch_rounds, home)),
            ("csv", lambda: batch_csv_row(args.cases, max(1, args.batch_rounds - 1), home)),
        ]
        for name, step in steps:
            if name in only:
                step()
    return 0


if __name__ == "__main__":
    sys.exit(main())
