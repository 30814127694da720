"""Rendering and exporting documents, as plain functions that run on a worker thread.

These call the core's renderer and write files; they touch no widget, so
the document page runs them with :func:`kzcomplaint.gui.workers.threads.run_in_background`.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from kzcomplaint.core.case.model import Case
from kzcomplaint.core.files import atomic
from kzcomplaint.core.text.i18n import N_, Message, translator
from kzcomplaint.core.text.languages import DOCUMENT_LANGUAGES

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
    """The document as preview HTML, from the paragraphs the .docx is made of (worker thread)."""
    from kzcomplaint.core.documents.preview import preview_html

    return preview_html(case, language, base_dir=base_dir, picked=picked)


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
