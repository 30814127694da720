"""The floor's own writer: a .docx as a short script writes it, with nothing of the app.

Used by ``bench.py`` and ``batch_floor.py``.

The same paragraphs as ours, written with f-strings, zipped with
:mod:`zipfile`, and — for the batch — put in place the way any careful script
must: a temporary file beside the target, its bytes synced, then linked to
its name (never over an existing file), and the folder synced once at the end.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from pathlib import Path

Paragraphs = list[tuple[str, list[tuple[str, bool, bool]]]]
"""(style, [(text, bold, italic)]) per paragraph."""

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def minimal_body(paragraphs: Paragraphs, tag: str) -> str:
    """The body XML of (style, [(text, bold, italic)]) paragraphs, the way a short script writes it."""
    out = []
    for style, runs in paragraphs:
        xml = []
        for text, bold, italic in runs:
            props = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
            pieces = []
            for number, line in enumerate(text.split("\n")):
                if number:
                    pieces.append("<w:br/>")
                if line:
                    pieces.append(f'<w:t xml:space="preserve">{line.translate(_ESCAPES)}</w:t>')
            xml.append(f'<w:r><w:rPr>{props}<w:lang w:val="{tag}"/></w:rPr>{"".join(pieces)}</w:r>')
        out.append(f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{"".join(xml)}</w:p>')
    return "".join(out)


def minimal_package(parts: list[tuple[str, bytes]], own: dict[str, bytes]) -> bytes:
    """Zip the parts, the document's ``own`` in place of the base's, every one compressed as :mod:`zipfile` does."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in parts:
            archive.writestr(name, own.get(name, data))
    return buffer.getvalue()


def write_new(path: Path, data: bytes) -> None:
    """Write a new file atomically: a temporary file beside it, synced, linked to ``path`` (never replacing one)."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.link(temporary, path)
    finally:
        os.unlink(temporary)


def sync_folder(folder: Path) -> None:
    """Make the names written in ``folder`` durable."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
