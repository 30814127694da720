"""The floor of ``batch``: a minimal script doing the same I/O, for ``bench.py``.

It reads and parses every case file of a folder and writes, for each, a
.docx holding the case's texts as paragraphs (the fixed parts taken from a
document of ours, every part zipped by :mod:`zipfile`). No checks, no
templates, no atomic writes: what any batch must at least do.

    python bench/batch_floor.py CASES_DIR OUT_DIR BASE_DOCX
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def texts(value: object) -> list[str]:
    """Every string in a case file's data, in order."""
    if isinstance(value, str):
        return [line for line in value.split("\n") if line]
    if isinstance(value, dict):
        return [text for item in value.values() for text in texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in texts(item)]
    return []


def main() -> int:
    """Write one document per case file."""
    source, out, base = (Path(arg) for arg in sys.argv[1:4])
    with zipfile.ZipFile(base) as archive:
        parts = [(name, archive.read(name)) for name in archive.namelist()]
    document = dict(parts)["word/document.xml"].decode("utf-8")
    head = document[: document.index("<w:body>") + len("<w:body>")]
    tail = document[document.index("<w:sectPr", len(head)) :]
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("*.json")):
        data = json.loads(path.read_bytes())
        body = "".join(
            '<w:p><w:pPr><w:pStyle w:val="KzBody"/></w:pPr><w:r><w:t xml:space="preserve">'
            f"{text.translate(_ESCAPES)}</w:t></w:r></w:p>"
            for text in texts(data)
        )
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            for name, content in parts:
                archive.writestr(name, (head + body + tail).encode("utf-8") if name == "word/document.xml" else content)
        with open(out / f"{path.stem}.{data.get('language', 'ru')}.docx", "wb") as handle:
            handle.write(buffer.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
