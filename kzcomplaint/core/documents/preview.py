"""The document as simple HTML for the on-screen preview, made from the paragraphs the .docx is written from.

The preview shows what the paper says, in the order it says it: the same
paragraphs :func:`~kzcomplaint.core.documents.render.document_paragraphs`
builds for the .docx, laid out by the same house style
(:data:`~kzcomplaint.core.documents.docx_style.HOUSE_STYLES`: alignment,
indents, bold, italic, smaller text, space before headings). A ``kk+ru`` document is a
two-column table, row by row, as on paper. Nothing is written to a .docx and
read back: the preview takes about a millisecond, so it can follow typing.
"""

from __future__ import annotations

import html
from collections.abc import Collection, Sequence
from pathlib import Path

from kzcomplaint.core.case.model import Case
from kzcomplaint.core.documents import render
from kzcomplaint.core.documents.docx_style import FONT_SIZE_PT, STYLE_LOOKS, Para, Run, StyleLook, cell_style

# Lengths of the paper as pixels of a screen at 96 dpi.
_PX_PER_PT = 96 / 72
_PX_PER_CM = 96 / 2.54


def _run_html(run: Run) -> str:
    text = html.escape(run.text).replace("\r\n", "\n").replace("\n", "<br>").replace("\t", " ")
    if run.bold:
        text = f"<b>{text}</b>"
    if run.italic:
        text = f"<i>{text}</i>"
    return text


def paragraph_html(paragraph: Para) -> str:
    """One paragraph as ``<p>``, looking as its style does on paper."""
    # A style outside the house style (none is) looks as plain text: no space, indent or emphasis.
    look = STYLE_LOOKS.get(paragraph.style) or StyleLook(paragraph.style, None)
    content = "".join(_run_html(run) for run in paragraph.runs) or "&nbsp;"
    css = [f"margin-top: {round(look.before * _PX_PER_PT)}px", "margin-bottom: 0.3em"]
    if look.left_indent_cm:
        css.append(f"margin-left: {round(look.left_indent_cm * _PX_PER_CM)}px")  # the header block, right half
    if look.first_line_indent_cm:
        css.append(f"text-indent: {round(look.first_line_indent_cm * _PX_PER_CM)}px")
    if look.size is not None and look.size < FONT_SIZE_PT:
        css.append("font-size: small")
    if look.bold:
        content = f"<b>{content}</b>"
    if look.italic:
        content = f"<i>{content}</i>"
    return f'<p align="{look.align or "left"}" style="{"; ".join(css)}">{content}</p>'


def _columns_html(columns: Sequence[Sequence[Para]]) -> str:
    width = 100 // len(columns)
    rows = []
    for index in range(max(len(paragraphs) for paragraphs in columns)):
        cells = []
        for paragraphs in columns:
            if index < len(paragraphs):
                inner = paragraph_html(Para(cell_style(paragraphs[index].style), paragraphs[index].runs))
            else:
                inner = "&nbsp;"
            cells.append(f'<td valign="top" width="{width}%">{inner}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f'<table width="100%" cellspacing="6">{"".join(rows)}</table>'


def preview_html(case: Case, language: str, *, base_dir: Path | None = None, picked: Collection[Path] = ()) -> str:
    """The body of the document of ``case`` in ``language`` (kk, ru, en or kk+ru) as HTML.

    ``base_dir`` and ``picked`` say which evidence files may be read, as for
    :func:`~kzcomplaint.core.documents.render.render_docx`.

    Raises:
        RenderError: An unknown language or a template not in the catalogue.
        TemplateError: No template for ``case.template`` or a malformed one.
    """
    columns = render.document_columns(case, language, base_dir=base_dir, picked=picked)
    if len(columns) == 1:
        return "\n".join(paragraph_html(paragraph) for paragraph in columns[0][1])
    return _columns_html([paragraphs for _, paragraphs in columns])


__all__ = ["paragraph_html", "preview_html"]
