"""Rendering and exporting documents, as plain functions that run on a worker thread.

These call the core's renderer and write files; they touch no widget, so
the document page runs them with :func:`kzcomplaint.gui.workers.threads.run_in_background`.
"""

from __future__ import annotations

import html
import io
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kzcomplaint.core.case.model import Case
from kzcomplaint.core.files import atomic
from kzcomplaint.core.text.i18n import N_, Message, translator
from kzcomplaint.core.text.languages import DOCUMENT_LANGUAGES

if TYPE_CHECKING:
    from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
    from docx.text.paragraph import Paragraph

PDF_TIMEOUT_S = 180


MSG_NO_OFFICE = N_("LibreOffice is not installed: install it to export PDF, or export .docx and print that")
MSG_OFFICE_TIMEOUT = N_("LibreOffice did not finish within {seconds} s; close other LibreOffice windows and try again")
MSG_OFFICE_FAILED = N_("LibreOffice could not convert the document: {reason}")


class PdfConversionError(RuntimeError):
    """LibreOffice did not produce a PDF; ``message`` says why, for the interface language."""

    def __init__(self, message: Message) -> None:
        """Keep the translatable ``message``; ``str()`` gives it in English for logs."""
        super().__init__(message.render(translator("en")))
        self.message = message


def render(case: Case, language: str, base_dir: Path | None, picked: Collection[Path] = ()) -> bytes:
    """The .docx bytes of ``case`` in ``language`` (kk, ru, en or kk+ru).

    Evidence files are read only inside ``base_dir`` (the case file's folder)
    or when the user ``picked`` them in a file dialog.
    """
    from kzcomplaint.core.documents import render as renderer

    return renderer.render_docx(case, language, base_dir=base_dir, picked=picked)


def docx_html(data: bytes) -> str:
    """The document's paragraphs and tables as simple HTML for a read-only preview."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    parts: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            parts.append(_paragraph_html(block))
        elif isinstance(block, Table):
            rows = []
            for row in block.rows:
                cells = []
                for cell in row.cells:
                    inner = "".join(_paragraph_html(paragraph) for paragraph in cell.paragraphs)
                    cells.append(f'<td valign="top" width="50%">{inner}</td>')
                rows.append(f"<tr>{''.join(cells)}</tr>")
            parts.append(f'<table width="100%" cellspacing="6">{"".join(rows)}</table>')
    return "\n".join(parts)


def _paragraph_html(paragraph: Paragraph) -> str:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    text = html.escape(paragraph.text).replace("\n", "<br>")
    names: dict[WD_PARAGRAPH_ALIGNMENT | None, str] = {
        WD_ALIGN_PARAGRAPH.RIGHT: "right",
        WD_ALIGN_PARAGRAPH.CENTER: "center",
        WD_ALIGN_PARAGRAPH.JUSTIFY: "justify",
    }
    align = names.get(paragraph.alignment or _style_alignment(paragraph), "left")
    bold = any(run.bold for run in paragraph.runs if run.text.strip())
    if bold:
        text = f"<b>{text}</b>"
    return f'<p align="{align}" style="margin: 0 0 0.3em 0">{text or "&nbsp;"}</p>'


def _style_alignment(paragraph: Paragraph) -> WD_PARAGRAPH_ALIGNMENT | None:
    """The alignment the paragraph's style (or its base styles) gives it."""
    style = paragraph.style
    while style is not None:
        alignment: WD_PARAGRAPH_ALIGNMENT | None = style.paragraph_format.alignment  # python-docx leaves it untyped
        if alignment is not None:
            return alignment
        style = style.base_style
    return None


def docx_paragraphs(data: bytes) -> list[str]:
    """The text of every paragraph, table cells included, in document order."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    texts: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            texts.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    texts.extend(paragraph.text for paragraph in cell.paragraphs)
    return texts


def preview(case: Case, language: str, base_dir: Path | None, picked: Collection[Path] = ()) -> str:
    """Render and turn into preview HTML (worker thread)."""
    return docx_html(render(case, language, base_dir, picked))


def export_docx(
    case: Case, language: str, path: Path, base_dir: Path | None, picked: Collection[Path] = ()
) -> Path:
    """Render ``case`` and write it to ``path`` (atomic, readable by the owner only)."""
    atomic.write_private_file(path, render(case, language, base_dir, picked))
    return path


def export_all(
    case: Case,
    folder: Path,
    stem: str,
    base_dir: Path | None,
    languages: Sequence[str] = DOCUMENT_LANGUAGES,
    progress: Callable[[int, int], None] | None = None,
    picked: Collection[Path] = (),
) -> list[Path]:
    """Write one document per language into ``folder`` as ``<stem>_<language>.docx``."""
    written = []
    for index, language in enumerate(languages):
        if progress is not None:
            progress(index, len(languages))
        target = folder / f"{stem}_{language.replace('+', '_')}.docx"
        written.append(export_docx(case, language, target, base_dir, picked))
    if progress is not None:
        progress(len(languages), len(languages))
    return written


def office_program() -> str | None:
    """LibreOffice's command, when installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def export_pdf(
    case: Case, language: str, path: Path, base_dir: Path | None, picked: Collection[Path] = ()
) -> Path:
    """Render to .docx and convert to PDF with LibreOffice (headless), writing ``path``.

    Raises:
        PdfConversionError: LibreOffice is missing, failed, or took too long.
    """
    program = office_program()
    if program is None:
        raise PdfConversionError(Message(MSG_NO_OFFICE))
    with tempfile.TemporaryDirectory(prefix="kzcomplaint-pdf-") as folder:
        work = Path(folder)
        source = work / "document.docx"
        source.write_bytes(render(case, language, base_dir, picked))
        profile = work / "profile"
        command = [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            completed = subprocess.run(command, capture_output=True, timeout=PDF_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise PdfConversionError(Message(MSG_OFFICE_TIMEOUT, seconds=PDF_TIMEOUT_S)) from None
        produced = work / "document.pdf"
        if completed.returncode != 0 or not produced.is_file():
            reason = completed.stderr.decode("utf-8", "replace").strip() or f"exit code {completed.returncode}"
            raise PdfConversionError(Message(MSG_OFFICE_FAILED, reason=reason))

        atomic.write_private_file(path, produced.read_bytes())
    return path
