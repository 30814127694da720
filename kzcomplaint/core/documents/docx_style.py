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
the XML directly well under a millisecond. The parts that are the same in
every document (styles, settings, fonts, theme, relationships) are compressed
once per process and copied into each package as they are
(:func:`zip_members`); only what a document writes for itself — its body, its
properties, and a footer not seen before — is compressed per document.
Everything written is escaped for XML here, and characters XML cannot hold
are dropped here too.

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
import struct
import zipfile
import zlib
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
    ATTACHMENT = "KzAttachment"
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
class StyleLook:
    """How a paragraph style of the house style looks: the .docx styles and the preview are made from it."""

    style_id: str
    align: str | None
    """left | center | right | justify (None: the document's default)"""
    before: float = 0
    """Space before, in points."""
    after: float = 0
    """Space after, in points."""
    line: float = 1.0
    """Line spacing, in lines."""
    bold: bool | None = None
    italic: bool | None = None
    size: float | None = None
    """Font size in points (None: the document's)."""
    first_line_indent_cm: float | None = None
    left_indent_cm: float | None = None
    keep_with_next: bool = False


_INDENT_CM = 1.25
_HEADER_INDENT_CM = 8.0

HOUSE_STYLES: tuple[StyleLook, ...] = (
    StyleLook(Style.BODY, "justify", first_line_indent_cm=_INDENT_CM, line=1.15),
    StyleLook(Style.BODY_CELL, "left", first_line_indent_cm=0.75, line=1.15),
    StyleLook(Style.HEADER, "left", left_indent_cm=_HEADER_INDENT_CM),
    StyleLook(Style.HEADER_CELL, "left"),
    StyleLook(Style.HEADER_GROUP, "left", left_indent_cm=_HEADER_INDENT_CM, before=6, keep_with_next=True),
    StyleLook(Style.HEADER_GROUP_CELL, "left", before=6, keep_with_next=True),
    StyleLook(Style.TITLE, "center", bold=True, before=18, keep_with_next=True),
    StyleLook(Style.SUBTITLE, "center", after=12, keep_with_next=True),
    StyleLook(Style.HEADING, "center", bold=True, before=10, after=4, keep_with_next=True),
    StyleLook(Style.FIELD, "left", line=1.15),
    StyleLook(Style.LEAD, "justify", first_line_indent_cm=_INDENT_CM, line=1.15, before=8, keep_with_next=True),
    StyleLook(Style.ITEM, "justify", first_line_indent_cm=_INDENT_CM, line=1.15),
    # The list of attachments goes to the next page with the date and the signature, never leaving them
    # alone on a page of their own: the closing block (attachments, date, signature) stays whole.
    StyleLook(Style.ATTACHMENT, "justify", first_line_indent_cm=_INDENT_CM, line=1.15, keep_with_next=True),
    StyleLook(Style.EVIDENCE, "left", first_line_indent_cm=_INDENT_CM, line=1.15),
    StyleLook(Style.LINE, "left", before=8),
    StyleLook(Style.DATE, "left", before=18, keep_with_next=True),
    StyleLook(Style.SIGNATURE, "right", before=12, keep_with_next=True),
    StyleLook(Style.FOOTER, "center", size=FOOTER_SIZE_PT),
    StyleLook(Style.NOTICE, "center", after=10, keep_with_next=True),
    StyleLook(Style.TICK, "left", left_indent_cm=0.5, line=1.15, before=2),
    # A paper form's sentence with lines to write on: ragged right, so a line never stretches the words.
    StyleLook(Style.FORM_BODY, "left", first_line_indent_cm=_INDENT_CM, line=1.15, before=2),
    StyleLook(Style.CLOSING_GROUP, "left", before=10, keep_with_next=True),
    StyleLook(Style.CLOSING_LINE, "left", before=8),
    # The paragraph Word needs after a closing table (its exact 1 pt line is set in _build_styles).
    StyleLook(Style.END, None, size=1),
)
"""Every paragraph style of the documents, in the order they are added to the styles part."""

STYLE_LOOKS = {look.style_id: look for look in HOUSE_STYLES}


@dataclasses.dataclass(frozen=True)
class ZipMember:
    """A part of a package, compressed, with its local header: what a zip file holds for it."""

    name: bytes
    crc: int
    size: int
    compressed_size: int
    local: bytes
    """The local file header followed by the compressed data."""


# The fixed parts are compressed once, as small as deflate makes them; what
# changes per document is compressed fast.
FIXED_LEVEL = 9
CHANGING_LEVEL = 1
_DOS_DATE = (1 << 5) | 1  # 1980-01-01 00:00 (time 0): the same case renders to the same bytes
_LOCAL_HEADER = struct.Struct("<IHHHHHIIIHH")
_CENTRAL_HEADER = struct.Struct("<IHHHHHHIIIHHHHHII")
_END_OF_DIRECTORY = struct.Struct("<IHHHHIIH")
_ZIP_VERSION = 20  # 2.0: deflate
_DEFLATE = 8


def zip_member(name: str, data: bytes, level: int) -> ZipMember:
    """Compress one part (raw deflate) and build its local file header."""
    encoded = name.encode("ascii")  # OPC part names are ASCII; no UTF-8 flag needed
    compressor = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
    packed = compressor.compress(data) + compressor.flush()
    crc = zlib.crc32(data)
    header = _LOCAL_HEADER.pack(
        0x04034B50, _ZIP_VERSION, 0, _DEFLATE, 0, _DOS_DATE, crc, len(packed), len(data), len(encoded), 0
    )
    return ZipMember(encoded, crc, len(data), len(packed), header + encoded + packed)


def zip_members(members: Sequence[ZipMember]) -> bytes:
    """A zip file of ``members`` in order: their local entries, the central directory, its end record."""
    entries: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for member in members:
        directory.append(
            _CENTRAL_HEADER.pack(
                0x02014B50, _ZIP_VERSION, _ZIP_VERSION, 0, _DEFLATE, 0, _DOS_DATE, member.crc,
                member.compressed_size, member.size, len(member.name), 0, 0, 0, 0, 0, offset,
            )
            + member.name
        )
        entries.append(member.local)
        offset += len(member.local)
    central = b"".join(directory)
    end = _END_OF_DIRECTORY.pack(0x06054B50, 0, 0, len(members), len(members), len(central), offset, 0)
    return b"".join(entries) + central + end


@dataclasses.dataclass(frozen=True)
class BasePackage:
    """The cached parts of the base document, and where the body and footer go."""

    parts: tuple[tuple[str, bytes | None], ...]
    """Zip members in order; ``None`` marks the parts written per document."""
    members: tuple[ZipMember | None, ...]
    """The fixed parts compressed, in the order of :attr:`parts` (``None`` for those written per document)."""
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

    alignments = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }
    for look in HOUSE_STYLES:
        style = styles.add_style(look.style_id, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        fmt = style.paragraph_format
        fmt.space_before = Pt(look.before)
        fmt.space_after = Pt(look.after)
        if look.line == 1.0:
            fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        else:
            fmt.line_spacing = look.line
        if look.bold is not None:
            style.font.bold = look.bold
        if look.italic is not None:
            style.font.italic = look.italic
        if look.size is not None:
            style.font.size = Pt(look.size)
        if look.align is not None:
            fmt.alignment = alignments[look.align]
        if look.first_line_indent_cm is not None:
            fmt.first_line_indent = Cm(look.first_line_indent_cm)
        if look.left_indent_cm is not None:
            fmt.left_indent = Cm(look.left_indent_cm)
        if look.keep_with_next:
            fmt.keep_with_next = True
    # The paragraph Word needs after a closing table: as small as a paragraph can be,
    # so that a table filling the last page does not push it onto an empty one.
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
    parts = tuple((name, None if name in per_document else data) for name, data in members)
    return BasePackage(
        parts=parts,
        members=tuple(None if data is None else zip_member(name, data, FIXED_LEVEL) for name, data in parts),
        document_head=document_xml[:body_at],
        document_tail=document_xml[sect_at:],
        footer_name=footer_name,
        footer_head=footer_xml[: opening.end()],
        footer_tail="</w:ftr>",
    )


@functools.lru_cache(maxsize=256)
def _kept_member(name: str, xml: str) -> ZipMember:
    """A part that repeats from document to document (the footer of a language, the application's name), kept."""
    return zip_member(name, xml.encode("utf-8"), FIXED_LEVEL)


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
    # The body and the properties (they name the moment the document was made)
    # are this document's own: compressed fast. The footer and the application
    # name repeat from document to document: compressed once and kept.
    per_document = {
        "word/document.xml": lambda: base.document_head + body_xml + base.document_tail,
        CORE_PROPERTIES: properties.core_xml,
        CUSTOM_PROPERTIES: properties.custom_xml,
    }
    members: list[ZipMember] = []
    for (name, _), member in zip(base.parts, base.members, strict=True):
        if member is None:
            if name == base.footer_name:
                member = _kept_member(name, base.footer_head + footer_xml + base.footer_tail)
            elif name == APP_PROPERTIES:
                member = _kept_member(name, properties.app_xml())
            else:
                member = zip_member(name, per_document[name]().encode("utf-8"), CHANGING_LEVEL)
        members.append(member)
    return zip_members(members)


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


_BREAKS = re.compile("[\r\n\t]")


def _run_xml(run: Run, lang_tag: str) -> str:
    props = ("<w:b/><w:bCs/>" if run.bold else "") + ("<w:i/><w:iCs/>" if run.italic else "")
    head = f'<w:r><w:rPr>{props}<w:lang w:val="{lang_tag}"/></w:rPr>'
    text = run.text
    if not _BREAKS.search(text):  # most runs: one piece of text, nothing to split
        return f'{head}<w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>' if text else f"{head}</w:r>"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
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
    Style.ATTACHMENT: Style.BODY_CELL,
    Style.EVIDENCE: Style.BODY_CELL,
    Style.FORM_BODY: Style.BODY_CELL,
}
"""Column variants: a header block indented to the right half of the page does
not fit a column, and justified text in a half-width column leaves rivers."""


def cell_style(style: str) -> str:
    """The style a paragraph of ``style`` takes in a column of a parallel document."""
    return _CELL_STYLES.get(style, style)


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
                cell = Para(cell_style(source.style), source.runs)
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
    "HOUSE_STYLES",
    "STYLE_LOOKS",
    "BasePackage",
    "DocumentProperties",
    "Para",
    "Run",
    "Style",
    "StyleLook",
    "ZipMember",
    "base_package",
    "body_xml",
    "cell_style",
    "footer_xml",
    "para",
    "parallel_xml",
    "paragraph_xml",
    "write_package",
    "xml_text",
    "zip_member",
    "zip_members",
]
