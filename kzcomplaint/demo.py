"""Workshop demo: every shipped example case rendered in each language its texts are written in.

Run by ``make demo`` as ``python -m kzcomplaint.demo out/demo``. The examples
are fictitious people with synthetic IINs; the output is what a trainer
shows on a projector. An example is rendered in its own language, in every
language its translations give (``Case.translations``) and in kk+ru when it
has both — never in a language that would print its facts in another one.
Exit code 1 if any example failed to render.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    """Render every ``examples/*.json`` into the folder given (default ``out/demo``)."""
    from kzcomplaint.core.case import caseio
    from kzcomplaint.core.documents import batch, render, templates
    from kzcomplaint.core.files import resources

    args = list(sys.argv[1:] if argv is None else argv)
    out_dir = Path(args[0] if args else "out/demo")
    examples = sorted(resources.examples_dir().glob("*.json"))
    if not examples:
        sys.stderr.write(f"no example cases in {resources.examples_dir()}\n")
        return 1
    written = 0
    failures = 0
    for path in examples:
        try:
            case = caseio.load_case(path)
        except caseio.CaseFileError as error:
            sys.stderr.write(f"{error}\n")
            failures += 1
            continue
        for language in render.written_languages(case):
            target = out_dir / f"{path.stem}.{language}.docx"
            try:
                batch.write_atomic(target, render.render_docx(case, language, base_dir=path.parent))
            except (templates.TemplateError, render.RenderError, OSError) as error:
                sys.stderr.write(f"{path.name} ({language}): {error}\n")
                failures += 1
                continue
            written += 1
            print(target)
    print(f"{written} documents written to {out_dir}, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
