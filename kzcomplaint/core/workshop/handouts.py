"""The trainer's paper: the answer key of a scenario and the room's results, as printable .docx.

These are workshop handouts, not documents anyone files: plain python-docx,
the documents' font and paper (``core.documents.docx_style``: Times New Roman,
which has every Kazakh letter; A4), headings and ruled tables. Every text is
in the workshop's language.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kzcomplaint.core.documents.docx_style import FONT, LANGUAGE_TAGS, PAGE_HEIGHT_MM, PAGE_WIDTH_MM
from kzcomplaint.core.text.i18n import N_, Translator
from kzcomplaint.core.text.legal_dates import format_legal_date
from kzcomplaint.core.workshop.answers import MSG_RIGHT_ANSWER, KeyEntry, answer_key
from kzcomplaint.core.workshop.packs import QUESTION, Scenario

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

MSG_KEY_TITLE = N_("Answer key: {title}")
MSG_TRAINING_DAY = N_("The day of the story (the app's today): {date}")
MSG_STORY = N_("The story")
MSG_FACTS_SHEET = N_("Facts sheet")
MSG_DEFECTS = N_("Planted defects")
MSG_DEFECT_HEADING = N_("Defect {number}: {problem}")
MSG_WHY = N_("Why it matters:")
MSG_LAW = N_("Grounds:")
MSG_FIX = N_("The fix:")
MSG_QUESTION = N_("Question to the participant:")
MSG_RESULTS_TITLE = N_("Workshop results")
MSG_RESULTS_FOLDER = N_("Drafts collected from: {folder}")
MSG_BY_PARTICIPANT = N_("By participant")
MSG_BY_DEFECT = N_("By defect: what the room keeps missing")
MSG_UNSCORED = N_("Files that could not be scored")
COL_FILE = N_("File")
COL_PARTICIPANT = N_("Participant")
COL_SCENARIO = N_("Scenario")
COL_SCORE = N_("Score")
COL_NEW_BLOCKING = N_("New blocking problems")
COL_MISSED = N_("Missed")
COL_DEFECT = N_("Defect")
COL_GOT = N_("Fixed or answered right")
COL_MISSED_BY = N_("Missed by")
COL_REASON = N_("Why")


def _document(language: str) -> DocxDocument:
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    for name in ("Title", "Heading 1", "Heading 2"):
        style = document.styles[name]
        style.font.name = FONT
        heading_fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            # A theme font (Calibri Light) would win over the named one.
            heading_fonts.attrib.pop(qn(attribute), None)
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            heading_fonts.set(qn(attribute), FONT)
    document.core_properties.language = LANGUAGE_TAGS[language]
    return document


def _save(document: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _labelled(document: DocxDocument, label: str, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(label).bold = True
    paragraph.add_run(f" {text}")


def _lines(document: DocxDocument, text: str) -> None:
    for line in text.strip().splitlines():
        if line.strip():
            document.add_paragraph(line.strip())


def _key_entry(document: DocxDocument, key: KeyEntry, tr: Translator) -> None:
    document.add_heading(tr.format(MSG_DEFECT_HEADING, number=key.number, problem=key.problem), level=2)
    if key.kind == QUESTION:
        _labelled(document, tr.gettext(MSG_QUESTION), key.question)
        document.add_paragraph(tr.format(MSG_RIGHT_ANSWER, answer=key.answer))
    _labelled(document, tr.gettext(MSG_WHY), key.why)
    _labelled(document, tr.gettext(MSG_LAW), "; ".join(key.law))
    _labelled(document, tr.gettext(MSG_FIX), key.fix)


def answer_key_docx(scenario: Scenario, tr: Translator) -> bytes:
    """The printable answer key of ``scenario`` in ``tr``'s language: story, facts sheet, each defect."""
    language = tr.language
    document = _document(language)
    document.core_properties.title = tr.format(MSG_KEY_TITLE, title=scenario.title[language])
    document.add_heading(tr.format(MSG_KEY_TITLE, title=scenario.title[language]), level=1)
    document.add_paragraph(tr.format(MSG_TRAINING_DAY, date=format_legal_date(scenario.today, language)))
    document.add_heading(tr.gettext(MSG_STORY), level=2)
    _lines(document, scenario.story[language])
    document.add_heading(tr.gettext(MSG_FACTS_SHEET), level=2)
    _lines(document, scenario.facts_sheet[language])
    document.add_heading(tr.gettext(MSG_DEFECTS), level=1)
    for key in answer_key(scenario, tr):
        _key_entry(document, key, tr)
    return _save(document)


def _table(document: DocxDocument, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text


def results_docx(
    folder: str,
    participants: Sequence[Sequence[str]],
    defects: Sequence[Sequence[str]],
    unscored: Sequence[tuple[str, str]],
    tr: Translator,
) -> bytes:
    """The room's results in ``tr``'s language: a table by participant, one by defect, the files not scored.

    The rows are ``core.workshop.room``'s (participant, file, scenario, score,
    new blocking problems, missed; scenario, defect, got it, missed by).
    """
    document = _document(tr.language)
    document.core_properties.title = tr.gettext(MSG_RESULTS_TITLE)
    document.add_heading(tr.gettext(MSG_RESULTS_TITLE), level=1)
    document.add_paragraph(tr.format(MSG_RESULTS_FOLDER, folder=folder))
    document.add_heading(tr.gettext(MSG_BY_PARTICIPANT), level=2)
    header = [tr.gettext(c) for c in (COL_PARTICIPANT, COL_FILE, COL_SCENARIO, COL_SCORE, COL_NEW_BLOCKING, COL_MISSED)]
    _table(document, header, participants)
    document.add_heading(tr.gettext(MSG_BY_DEFECT), level=2)
    _table(document, [tr.gettext(c) for c in (COL_SCENARIO, COL_DEFECT, COL_GOT, COL_MISSED_BY)], defects)
    if unscored:
        document.add_heading(tr.gettext(MSG_UNSCORED), level=2)
        _table(document, [tr.gettext(COL_FILE), tr.gettext(COL_REASON)], unscored)
    return _save(document)


__all__ = ["answer_key_docx", "results_docx"]
