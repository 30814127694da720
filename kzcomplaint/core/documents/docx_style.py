"""The house style of every document, and the writer of its WordprocessingML.

The style — A4, margins of Kazakh office paperwork (left 30 mm, right
15 mm, top and bottom 20 mm), Times New Roman 14 for Latin, Cyrillic and
complex scripts alike so that Қ Ұ Ң Ғ Ә Ө Һ І Ү never fall back to another
font, justified body with a first-line indent — is built once per process
with python-docx into a small base package (:func:`base_package`): unused
parts of python-docx's default template (its 350 KB of styles, the
thumbnail, custom XML) are dropped.

Rendering a document then only writes ``word/document.xml``, the footer and
the document properties as text and zips them with the cached parts: opening
and saving a python-docx ``Document`` per document costs about 20 ms, writing
the XML directly well under a millisecond. Everything written is escaped for
XML here, and characters XML cannot hold are dropped here too.

The document properties (:class:`DocumentProperties`) carry what a trainer or
lawyer may want to know about how a document was made — template, rules and
app versions, when — in the core properties (``docProps/core.xml``) and the
custom ones (``docProps/custom.xml``, File → Properties → Custom in Word and
LibreOffice), never on the page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

FONT = "Times New Roman"
FONT_SIZE_PT = 14
FORM_FONT_SIZE_PT = 12
"""The blank paper form's size: an act fits on two pages and a complaint on three, with room to write."""
SMALL_SIZE_PT = 10
FOOTER_SIZE_PT = 9

PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297
MARGIN_LEFT_MM = 30
MARGIN_RIGHT_MM = 15
MARGIN_TOP_MM = 20
MARGIN_BOTTOM_MM = 20
FOOTER_DISTANCE_MM = 10

LANGUAGE_TAGS = {"kk": "kk-KZ", "ru": "ru-RU", "en": "en-GB"}
"""The language a run is marked with (spelling, hyphenation) per document language."""


def _mm_to_twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


TEXT_WIDTH_TWIPS = _mm_to_twips(PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM)


class Style:
    """Paragraph style ids of the house style."""

    BODY = "KzBody"
    BODY_CELL = "KzBodyCell"
    HEADER = "KzHeader"
    HEADER_CELL = "KzHeaderCell"
    HEADER_GROUP = "KzHeaderGroup"
    HEADER_GROUP_CELL = "KzHeaderGroupCell"
    TITLE = "KzTitle"
    SUBTITLE = "KzSubtitle"
    HEADING = "KzHeading"
    FIELD = "KzField"
    LEAD = "KzLead"
    ITEM = "KzItem"
    EVIDENCE = "KzEvidence"
    LINE = "KzLine"
    DATE = "KzDate"
    SIGNATURE = "KzSignature"
    FOOTER = "KzFooter"
    NOTICE = "KzNotice"
    TICK = "KzTick"
    CLOSING_GROUP = "KzClosingGroup"
    CLOSING_LINE = "KzClosingLine"
    END = "KzEnd"
    FORM_BODY = "KzFormBody"


@dataclasses.dataclass(frozen=True)
class BasePackage:
    """The cached parts of the base document, and where the body and footer go."""

    parts: tuple[tuple[str, bytes | None], ...]
    """Zip members in order; ``None`` marks the parts written per document."""
    document_head: str
    document_tail: str
    footer_name: str
    footer_head: str
    footer_tail: str


def _build_styles(document: DocxDocument, font_size: float) -> None:
    """Replace python-docx's default styles with the house style, text in ``font_size`` points."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Cm, Pt

    styles = document.styles
    root = styles.element
    for child in list(root):
        if child.tag == qn("w:latentStyles"):
            root.remove(child)
        elif child.tag == qn("w:style") and child.get(qn("w:default")) != "1":
            root.remove(child)
    half_points = round(font_size * 2)
    defaults = parse_xml(
        f"<w:docDefaults {nsdecls('w')}><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
        f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    old = root.find(qn("w:docDefaults"))
    if old is not None:
        root.replace(old, defaults)
    else:
        root.insert(0, defaults)

    normal = styles["Normal"]
    # python-docx's Normal points at theme fonts; pin every script to Times New Roman.
    normal.element.get_or_add_rPr()
    fonts = normal.element.rPr.get_or_add_rFonts()
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), FONT)
    normal.font.size = Pt(font_size)
    normal.paragraph_format.widow_control = True

    def add(
        style_id: str,
        *,
        before: float = 0,
        after: float = 0,
        line: float = 1.0,
        bold: bool | None = None,
        italic: bool | None = None,
        size: float | None = None,
        **paragraph_format: object,
    ) -> None:
        style = styles.add_style(style_id, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        fmt = style.paragraph_format
        fmt.space_before = Pt(before)
        fmt.space_after = Pt(after)
        if line == 1.0:
            fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        else:
            fmt.line_spacing = line
        if bold is not None:
            style.font.bold = bold
        if italic is not None:
            style.font.italic = italic
        if size is not None:
            style.font.size = Pt(size)
        for key, value in paragraph_format.items():  # alignment, indents, keep_with_next
            setattr(fmt, key, value)

    indent = Cm(1.25)
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    add(Style.BODY, alignment=justify, first_line_indent=indent, line=1.15)
    add(Style.BODY_CELL, alignment=WD_ALIGN_PARAGRAPH.LEFT, first_line_indent=Cm(0.75), line=1.15)
    add(Style.HEADER, alignment=WD_ALIGN_PARAGRAPH.LEFT, left_indent=Cm(8.0))
    add(Style.HEADER_CELL, alignment=WD_ALIGN_PARAGRAPH.LEFT)
    add(Style.HEADER_GROUP, alignment=WD_ALIGN_PARAGRAPH.LEFT, left_indent=Cm(8.0), before=6, keep_with_next=True)
    add(Style.HEADER_GROUP_CELL, alignment=WD_ALIGN_PARAGRAPH.LEFT, before=6, keep_with_next=True)
    add(Style.TITLE, alignment=WD_ALIGN_PARAGRAPH.CENTER, bold=True, before=18, keep_with_next=True)
    add(Style.SUBTITLE, alignment=WD_ALIGN_PARAGRAPH.CENTER, after=12, keep_with_next=True)
    add(Style.HEADING, alignment=WD_ALIGN_PARAGRAPH.CENTER, bold=True, before=10, after=4, keep_with_next=True)
    add(Style.FIELD, alignment=WD_ALIGN_PARAGRAPH.LEFT, line=1.15)
    add(Style.LEAD, alignment=justify, first_line_indent=indent, line=1.15, before=8, keep_with_next=True)
    add(Style.ITEM, alignment=justify, first_line_indent=indent, line=1.15)
    add(Style.EVIDENCE, alignment=WD_ALIGN_PARAGRAPH.LEFT, first_line_indent=indent, line=1.15)
    add(Style.LINE, alignment=WD_ALIGN_PARAGRAPH.LEFT, before=8)
    add(Style.DATE, alignment=WD_ALIGN_PARAGRAPH.LEFT, before=18)
    add(Style.SIGNATURE, alignment=WD_ALIGN_PARAGRAPH.RIGHT, before=12)
    add(Style.FOOTER, alignment=WD_ALIGN_PARAGRAPH.CENTER, size=FOOTER_SIZE_PT)
    add(Style.NOTICE, alignment=WD_ALIGN_PARAGRAPH.CENTER, after=10, keep_with_next=True)
    add(Style.TICK, alignment=WD_ALIGN_PARAGRAPH.LEFT, left_indent=Cm(0.5), line=1.15, before=2)
    # A paper form's sentence with lines to write on: ragged right, so a line never stretches the words.
    add(Style.FORM_BODY, alignment=WD_ALIGN_PARAGRAPH.LEFT, first_line_indent=indent, line=1.15, before=2)
    add(Style.CLOSING_GROUP, alignment=WD_ALIGN_PARAGRAPH.LEFT, before=10, keep_with_next=True)
    add(Style.CLOSING_LINE, alignment=WD_ALIGN_PARAGRAPH.LEFT, before=8)
    # The paragraph Word needs after a closing table: as small as a paragraph can be,
    # so that a table filling the last page does not push it onto an empty one.
    add(Style.END, size=1)
    end = styles[Style.END].element.get_or_add_pPr()
    end.append(parse_xml(f'<w:spacing {nsdecls("w")} w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'))


@functools.cache
def base_package(font_size: float = FONT_SIZE_PT) -> BasePackage:
    """Build the styled empty document once per process (per text size) and keep its parts."""
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.shared import Mm

    document = Document()
    _build_styles(document, font_size)
    section = document.sections[0]
    section.page_width = Mm(PAGE_WIDTH_MM)
    section.page_height = Mm(PAGE_HEIGHT_MM)
    section.left_margin = Mm(MARGIN_LEFT_MM)
    section.right_margin = Mm(MARGIN_RIGHT_MM)
    section.top_margin = Mm(MARGIN_TOP_MM)
    section.bottom_margin = Mm(MARGIN_BOTTOM_MM)
    section.footer_distance = Mm(FOOTER_DISTANCE_MM)
    section.header_distance = Mm(FOOTER_DISTANCE_MM)
    footer = section.footer
    footer.is_linked_to_previous = False
    footer.paragraphs[0].text = ""

    # Drop what the documents never use: smaller files, faster writes.
    unused = {
        RT.CUSTOM_XML,
        RT.WEB_SETTINGS,
        "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    }
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype in unused:
            del document.part.rels[rel_id]
    package_rels = document.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rel_id]
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        members = [(name, archive.read(name)) for name in archive.namelist()]
    footer_name = footer.part.partname.lstrip("/")
    # The properties are written per document (DocumentProperties); the custom
    # ones are a part python-docx does not make: declare it.
    members = [(name, _with_custom_properties(name, data)) for name, data in members]
    members.append((CUSTOM_PROPERTIES, b""))
    per_document = ("word/document.xml", footer_name, CORE_PROPERTIES, APP_PROPERTIES, CUSTOM_PROPERTIES)

    document_xml = dict(members)["word/document.xml"].decode("utf-8")
    body_at = document_xml.index("<w:body>") + len("<w:body>")
    sect_at = document_xml.index("<w:sectPr", body_at)
    footer_xml = dict(members)[footer_name].decode("utf-8")
    opening = re.search(r"<w:ftr\b[^>]*>", footer_xml)
    assert opening is not None, "python-docx wrote a footer without <w:ftr>"
    return BasePackage(
        parts=tuple((name, None if name in per_document else data) for name, data in members),
        document_head=document_xml[:body_at],
        document_tail=document_xml[sect_at:],
        footer_name=footer_name,
        footer_head=footer_xml[: opening.end()],
        footer_tail="</w:ftr>",
    )


_FIXED_TIME = (1980, 1, 1, 0, 0, 0)

CORE_PROPERTIES = "docProps/core.xml"
APP_PROPERTIES = "docProps/app.xml"
CUSTOM_PROPERTIES = "docProps/custom.xml"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the one format id custom properties use


def _with_custom_properties(name: str, data: bytes) -> bytes:
    """Declare ``docProps/custom.xml`` in the content types and the package relationships."""
    if name == "[Content_Types].xml":
        override = f'<Override PartName="/{CUSTOM_PROPERTIES}" ContentType="{_CUSTOM_TYPE}"/>'
        return data.replace(b"</Types>", override.encode() + b"</Types>")
    if name == "_rels/.rels":
        relation = f'<Relationship Id="rIdCustomProps" Type="{_CUSTOM_REL}" Target="{CUSTOM_PROPERTIES}"/>'
        return data.replace(b"</Relationships>", relation.encode() + b"</Relationships>")
    return data


@dataclasses.dataclass(frozen=True)
class DocumentProperties:
    """What the file says about itself, off the page: title, language, when and how it was made."""

    title: str
    language: str
    created: dt.datetime
    application: str
    custom: tuple[tuple[str, str], ...] = ()
    """Named texts shown as custom properties (template id and version, rules version, …)."""

    def core_xml(self) -> str:
        """``docProps/core.xml``: title, language, created; no author (the filer signs the paper)."""
        moment = self.created.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return (
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
            ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{xml_text(self.title)}</dc:title>"
            f"<dc:language>{xml_text(self.language)}</dc:language>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{moment}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{moment}</dcterms:modified>'
            "<cp:revision>1</cp:revision>"
            "</cp:coreProperties>"
        )

    def app_xml(self) -> str:
        """``docProps/app.xml``: the application that wrote the file."""
        return (
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
            ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"<Application>{xml_text(self.application)}</Application>"
            "</Properties>"
        )

    def custom_xml(self) -> str:
        """``docProps/custom.xml``: each custom property as text."""
        items = "".join(
            f'<property fmtid="{_CUSTOM_FMTID}" pid="{pid}" name="{xml_text(name)}">'
            f"<vt:lpwstr>{xml_text(value)}</vt:lpwstr></property>"
            for pid, (name, value) in enumerate(self.custom, start=2)  # pid 0 and 1 are reserved
        )
        return (
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
            f' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{items}</Properties>'
        )


def write_package(
    body_xml: str, footer_xml: str, properties: DocumentProperties, *, font_size: float = FONT_SIZE_PT
) -> bytes:
    """Zip the cached base parts (text in ``font_size`` points) with this document's body, footer and properties."""
    base = base_package(font_size)
    per_document = {
        "word/document.xml": lambda: base.document_head + body_xml + base.document_tail,
        base.footer_name: lambda: base.footer_head + footer_xml + base.footer_tail,
        CORE_PROPERTIES: properties.core_xml,
        APP_PROPERTIES: properties.app_xml,
        CUSTOM_PROPERTIES: properties.custom_xml,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in base.parts:
            if name in per_document:
                data = per_document[name]().encode("utf-8")
            info = zipfile.ZipInfo(name, _FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            assert data is not None  # the two per-document parts were filled in just above
            archive.writestr(info, data, compresslevel=1)
    return buffer.getvalue()


# ── Writing WordprocessingML ─────────────────────────────────────────────

# XML 1.0 allows tab, newline, carriage return and everything from U+0020
# except surrogates and U+FFFE/U+FFFF. caseio rejects control characters;
# a template or a file name must not be able to break the document either.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Escape ``text`` for XML content, dropping characters XML cannot hold."""
    return escape(_XML_INVALID.sub("", text))


@dataclasses.dataclass(frozen=True, slots=True)
class Run:
    """A piece of text in one format."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclasses.dataclass(frozen=True, slots=True)
class Para:
    """A paragraph: a style and its runs. Newlines in a run become line breaks."""

    style: str
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        """The paragraph's plain text."""
        return "".join(run.text for run in self.runs)


def para(style: str, *runs: Run | str) -> Para:
    """Build a :class:`Para`; plain strings are unformatted runs."""
    return Para(style, tuple(Run(r) if isinstance(r, str) else r for r in runs))


def _run_xml(run: Run, lang_tag: str) -> str:
    props = ("<w:b/><w:bCs/>" if run.bold else "") + ("<w:i/><w:iCs/>" if run.italic else "")
    head = f'<w:r><w:rPr>{props}<w:lang w:val="{lang_tag}"/></w:rPr>'
    text = run.text.replace("\r\n", "\n").replace("\r", "\n")
    pieces: list[str] = []
    for line_index, line in enumerate(text.split("\n")):
        if line_index:
            pieces.append("<w:br/>")
        for tab_index, chunk in enumerate(line.split("\t")):
            if tab_index:
                pieces.append("<w:tab/>")
            if chunk:
                pieces.append(f'<w:t xml:space="preserve">{xml_text(chunk)}</w:t>')
    return head + "".join(pieces) + "</w:r>"


def paragraph_xml(paragraph: Para, language: str) -> str:
    """The ``<w:p>`` of a paragraph, its runs marked with the language."""
    lang_tag = LANGUAGE_TAGS[language]
    runs = "".join(_run_xml(run, lang_tag) for run in paragraph.runs)
    return f'<w:p><w:pPr><w:pStyle w:val="{paragraph.style}"/></w:pPr>{runs}</w:p>'


def body_xml(paragraphs: Iterable[Para], language: str) -> str:
    """The body of a one-language document."""
    return "".join(paragraph_xml(p, language) for p in paragraphs)


_CELL_STYLES = {
    Style.HEADER: Style.HEADER_CELL,
    Style.HEADER_GROUP: Style.HEADER_GROUP_CELL,
    Style.BODY: Style.BODY_CELL,
    Style.ITEM: Style.BODY_CELL,
    Style.EVIDENCE: Style.BODY_CELL,
    Style.FORM_BODY: Style.BODY_CELL,
}
"""Column variants: a header block indented to the right half of the page does
not fit a column, and justified text in a half-width column leaves rivers."""


def parallel_xml(columns: Sequence[tuple[str, Sequence[Para]]]) -> str:
    """A borderless table, one column per language, one row per paragraph.

    Args:
        columns: ``(language, paragraphs)`` for each column, left to right;
            row ``i`` holds paragraph ``i`` of each column (a shorter column
            gets empty cells).
    """
    width = TEXT_WIDTH_TWIPS // len(columns)
    borders = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in columns)
    out = [
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{width * len(columns)}" w:type="dxa"/>'
        f"<w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0"'
        ' w:noHBand="1" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
    ]
    rows = max(len(paragraphs) for _, paragraphs in columns)
    cell_head = f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
    for index in range(rows):
        out.append("<w:tr>")
        for language, paragraphs in columns:
            if index < len(paragraphs):
                source = paragraphs[index]
                cell = Para(_CELL_STYLES.get(source.style, source.style), source.runs)
                out.append(cell_head + paragraph_xml(cell, language) + "</w:tc>")
            else:
                out.append(cell_head + "<w:p/></w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    # A document must not end with a table; Word wants a paragraph after it.
    out.append(f'<w:p><w:pPr><w:pStyle w:val="{Style.END}"/></w:pPr></w:p>')
    return "".join(out)


def field_runs(instruction: str, placeholder: str, language: str) -> str:
    """A complex field (PAGE, NUMPAGES) with ``placeholder`` as its last computed value."""
    lang = f'<w:rPr><w:lang w:val="{LANGUAGE_TAGS[language]}"/></w:rPr>'
    return (
        f'<w:r>{lang}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{lang}<w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        f'<w:r>{lang}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{lang}<w:t>{xml_text(placeholder)}</w:t></w:r>"
        f'<w:r>{lang}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def footer_xml(lines: Sequence[Sequence[tuple[str, str]]]) -> str:
    """Footer paragraphs, each a list of ``(text, language)`` pieces.

    ``{page}`` and ``{pages}`` in a text become PAGE and NUMPAGES fields, so
    every page says "page X of Y" in any office suite.
    """
    style = f'<w:pPr><w:pStyle w:val="{Style.FOOTER}"/></w:pPr>'
    out = []
    for pieces in lines:
        runs = []
        for text, language in pieces:
            lang_tag = LANGUAGE_TAGS[language]
            for chunk in re.split(r"(\{page\}|\{pages\})", text):
                if chunk == "{page}":
                    runs.append(field_runs("PAGE", "1", language))
                elif chunk == "{pages}":
                    runs.append(field_runs("NUMPAGES", "1", language))
                elif chunk:
                    runs.append(_run_xml(Run(chunk), lang_tag))
        out.append(f"<w:p>{style}{''.join(runs)}</w:p>")
    return "".join(out)


__all__ = [
    "FONT",
    "FONT_SIZE_PT",
    "FORM_FONT_SIZE_PT",
    "BasePackage",
    "DocumentProperties",
    "Para",
    "Run",
    "Style",
    "base_package",
    "body_xml",
    "footer_xml",
    "para",
    "parallel_xml",
    "paragraph_xml",
    "write_package",
    "xml_text",
]
