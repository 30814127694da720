"""Benchmark of document rendering (``make bench``): prints figures, asserts nothing.

1. Median time to render one document warm, per language.
2. The same document rendered by docxtpl (a .docx template with one Jinja
   placeholder per paragraph, in the same styles, built in a temporary folder
   from the same house-style base), and the ratio.
3. Throughput of ``batch`` on 1,000 generated cases with 2 jobs.
4. Peak memory (maxrss) of this process and of its children.

Aims: one document well under 10 ms warm, at least 3x faster than docxtpl,
1,000 cases in under 10 s.
"""

from __future__ import annotations

import io
import json
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kzcomplaint.core.case import caseio  # noqa: E402
from kzcomplaint.core.case.model import Case  # noqa: E402
from kzcomplaint.core.documents import batch, docx_style, render  # noqa: E402
from kzcomplaint.core.files import resources  # noqa: E402

BATCH_CASES = 1000
BATCH_JOBS = 2


def _median_ms(action: Callable[[], object], runs: int) -> float:
    action()  # warm
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _sample() -> tuple[Case, Path]:
    examples = sorted(resources.examples_dir().glob("*.json"))
    preferred = [p for p in examples if p.stem == "observer_removed"] or examples
    if not preferred:
        sys.exit("bench: no example case in examples/")
    return caseio.load_case(preferred[0]), preferred[0].parent


def _docxtpl_renderer(case: Case, language: str, base_dir: Path, folder: Path) -> Callable[[], bytes]:
    """A docxtpl template with the same paragraphs, styles and footer as our document."""
    from docx import Document
    from docxtpl import DocxTemplate

    paragraphs = render.document_paragraphs(case, language, base_dir=base_dir)
    footer = render._footer(render.load_template(case.template), (language,), render.load_frame())
    document = Document(io.BytesIO(docx_style.write_package("", footer)))
    for index, paragraph in enumerate(paragraphs):
        document.add_paragraph(f"{{{{ p[{index}] }}}}", style=paragraph.style)
    path = folder / f"docxtpl-{language}.docx"
    document.save(str(path))

    def run() -> bytes:
        texts = [p.text for p in render.document_paragraphs(case, language, base_dir=base_dir)]
        template = DocxTemplate(str(path))
        template.render({"p": texts}, autoescape=True)
        out = io.BytesIO()
        template.save(out)
        return out.getvalue()

    return run


def _generate_cases(folder: Path, count: int) -> None:
    examples = sorted(resources.examples_dir().glob("*.json"))
    bases = [json.loads(p.read_text(encoding="utf-8")) for p in examples]
    for index in range(count):
        data = json.loads(json.dumps(bases[index % len(bases)]))
        data["complainant"]["full_name"] = f"Тестова Айгуль {index:04d}"
        data["respondent"]["number"] = str(100 + index % 900)
        data["language"] = ("kk", "ru", "en")[index % 3]
        (folder / f"case-{index:04d}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def main() -> int:
    """Run the benchmark and print the figures."""
    case, base_dir = _sample()
    print(f"kzcomplaint render benchmark — case {case.template} ({sys.version.split()[0]})")
    print()
    print("One document, warm (median):")
    ours: dict[str, float] = {}
    for language in ("kk", "ru", "en", "kk+ru"):
        ours[language] = _median_ms(lambda lang=language: render.render_docx(case, lang, base_dir=base_dir), 200)
        print(f"  {language:6} {ours[language]:7.2f} ms")
    blank = _median_ms(lambda: render.render_blank(case.template, "ru"), 100)
    print(f"  blank  {blank:7.2f} ms (paper form, ru)")

    print()
    print("Same document with docxtpl (same paragraphs, styles and footer):")
    with tempfile.TemporaryDirectory() as folder:
        for language in ("kk", "ru", "en"):
            run = _docxtpl_renderer(case, language, base_dir, Path(folder))
            theirs = _median_ms(run, 30)
            print(f"  {language:6} {theirs:7.2f} ms   kzcomplaint is {theirs / ours[language]:5.1f}x faster")

    print()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "cases"
        source.mkdir()
        _generate_cases(source, BATCH_CASES)
        started = time.perf_counter()
        summary = batch.run_batch(source, Path(folder) / "out", jobs=BATCH_JOBS)
        seconds = time.perf_counter() - started
    print(f"Batch: {BATCH_CASES} generated cases, {BATCH_JOBS} jobs (render + check + write):")
    print(f"  {seconds:.2f} s, {BATCH_CASES / seconds:.0f} documents/s")
    print(f"  rendered {summary.rendered}, failed {summary.failed}, with blocking problems {summary.with_blocking}")

    print()
    scale = 1 if sys.platform == "darwin" else 1024  # maxrss: bytes on macOS, KiB on Linux
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale / 2**20
    print(f"Peak memory (maxrss): this process {own:.0f} MiB, largest child {children:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
