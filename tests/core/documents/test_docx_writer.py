"""The WordprocessingML writer: what it writes for a run, a paragraph, a table and a footer, typed out by hand.

An organisation named «… & Сайлау» or a facts text with «<» must give a
document every office suite opens: the writer escapes all text it puts into
XML, and drops what XML cannot hold at all.
"""

from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET
import zipfile

import pytest
from docx import Document

from kzcomplaint.core.documents import docx_style
from kzcomplaint.core.documents.docx_style import DocumentProperties, Para, Run, para

HOSTILE_PROPERTIES = DocumentProperties(
    title="ШАҒЫМ «Әділ & Сайлау» <x>",
    language="kk",
    created=dt.datetime(2021, 7, 15, 9, 30, tzinfo=dt.UTC),
    application="A & B <app>",
    custom=(("template & <id>", "A & B <x>"),),
)


@pytest.mark.parametrize(
    ("text", "xml"),
    [
        ("A & B <x>", "A &amp; B &lt;x&gt;"),
        ("«Әділ & Сайлау» > 5", "«Әділ &amp; Сайлау» &gt; 5"),
        ("&amp;", "&amp;amp;"),  # typed text that looks like an entity stays as typed
        ('"quoted" \'single\'', '"quoted" \'single\''),  # content, not an attribute: quotes stay
        ("a\x00b\x08c\x0bd\x0ce\x1ff", "abcdef"),  # control characters XML 1.0 cannot hold
        ("tab\tnew\nline\rreturn", "tab\tnew\nline\rreturn"),  # the three it can
        ("x\ud800y\ufffez\uffff", "xyz"),  # a lone surrogate, U+FFFE, U+FFFF
        ("Қ Ұ Ң Ғ Ә Ө Һ І Ү", "Қ Ұ Ң Ғ Ә Ө Һ І Ү"),
    ],
)
def test_text_is_escaped_for_xml(text: str, xml: str) -> None:
    assert docx_style.xml_text(text) == xml


def test_paragraph_xml_written_out() -> None:
    paragraph = para("KzBody", Run("a & b", bold=True), "x\ty\nz", Run("<i>", italic=True))
    assert docx_style.paragraph_xml(paragraph, "kk") == (
        '<w:p><w:pPr><w:pStyle w:val="KzBody"/></w:pPr>'
        '<w:r><w:rPr><w:b/><w:bCs/><w:lang w:val="kk-KZ"/></w:rPr>'
        '<w:t xml:space="preserve">a &amp; b</w:t></w:r>'
        '<w:r><w:rPr><w:lang w:val="kk-KZ"/></w:rPr>'
        '<w:t xml:space="preserve">x</w:t><w:tab/><w:t xml:space="preserve">y</w:t>'
        '<w:br/><w:t xml:space="preserve">z</w:t></w:r>'
        '<w:r><w:rPr><w:i/><w:iCs/><w:lang w:val="kk-KZ"/></w:rPr>'
        '<w:t xml:space="preserve">&lt;i&gt;</w:t></w:r>'
        "</w:p>"
    )


@pytest.mark.parametrize(("language", "tag"), [("kk", "kk-KZ"), ("ru", "ru-RU"), ("en", "en-GB")])
def test_runs_are_marked_with_the_document_language(language: str, tag: str) -> None:
    assert f'<w:lang w:val="{tag}"/>' in docx_style.paragraph_xml(para("KzBody", "text"), language)


def test_windows_line_ends_become_one_break_each() -> None:
    xml = docx_style.paragraph_xml(para("KzBody", "one\r\ntwo\rthree"), "en")
    assert xml.count("<w:br/>") == 2
    assert "\r" not in xml


def test_an_empty_run_writes_no_text_element() -> None:
    assert "<w:t" not in docx_style.paragraph_xml(para("KzBody", ""), "en")


def test_body_xml_is_the_paragraphs_in_order() -> None:
    first, second = para("KzTitle", "ONE"), para("KzBody", "two")
    assert docx_style.body_xml([first, second], "ru") == (
        docx_style.paragraph_xml(first, "ru") + docx_style.paragraph_xml(second, "ru")
    )


def test_parallel_columns_use_the_cell_styles_and_fill_short_columns() -> None:
    kk = [para("KzHeader", "Кімге: A & B"), para("KzBody", "Мәтін")]
    ru = [para("KzHeader", "Кому: A & B")]
    xml = docx_style.parallel_xml([("kk", kk), ("ru", ru)])
    assert xml.startswith("<w:tbl>")
    assert xml.count("<w:tr>") == 2
    assert xml.count("<w:tc>") == 4
    assert '<w:pStyle w:val="KzHeaderCell"/>' in xml and '<w:pStyle w:val="KzBodyCell"/>' in xml
    assert '<w:pStyle w:val="KzHeader"/>' not in xml
    assert "Кімге: A &amp; B" in xml and "Кому: A &amp; B" in xml
    assert xml.count("<w:p/>") == 1, "the Russian column is one paragraph short: one empty cell"
    # A4 less the margins: 210 - 30 - 15 = 165 mm = 9354 twips, two columns of 4677.
    assert docx_style.TEXT_WIDTH_TWIPS == 9354
    assert xml.count('<w:gridCol w:w="4677"/>') == 2
    assert '<w:tblW w:w="9354" w:type="dxa"/>' in xml
    # Word wants a paragraph after a table at the end of a document: the tiny end paragraph,
    # so that a table filling the last page does not push it onto an empty one.
    assert xml.endswith('</w:tbl><w:p><w:pPr><w:pStyle w:val="KzEnd"/></w:pPr></w:p>')


def test_footer_fields_and_escaped_text() -> None:
    xml = docx_style.footer_xml([[("Бет {page} / {pages}", "kk")], [("Үлгі: A & B", "kk"), (" · x", "en")]])
    assert xml.count("<w:p>") == 2
    assert xml.count('<w:pStyle w:val="KzFooter"/>') == 2
    assert '<w:instrText xml:space="preserve"> PAGE </w:instrText>' in xml
    assert '<w:instrText xml:space="preserve"> NUMPAGES </w:instrText>' in xml
    assert xml.count('<w:fldChar w:fldCharType="begin"/>') == 2
    assert xml.count('<w:fldChar w:fldCharType="end"/>') == 2
    assert "Үлгі: A &amp; B" in xml and "{page" not in xml
    assert '<w:lang w:val="en-GB"/>' in xml and '<w:lang w:val="kk-KZ"/>' in xml


def test_a_package_with_hostile_text_opens() -> None:
    body = docx_style.body_xml([para("KzBody", "«Әділ & Сайлау» <b>bold?</b> ]]> \x01")], "kk")
    footer = docx_style.footer_xml([[("A & B <x>", "kk")]])
    data = docx_style.write_package(body, footer, HOSTILE_PROPERTIES)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                ET.fromstring(archive.read(name))
        # The same bytes every time: the only time in the package is the one in its properties.
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        custom = ET.fromstring(archive.read("docProps/custom.xml"))
    document = Document(io.BytesIO(data))
    assert [p.text for p in document.paragraphs] == ["«Әділ & Сайлау» <b>bold?</b> ]]> "]
    assert [p.text for p in document.sections[0].footer.paragraphs] == ["A & B <x>"]
    core = document.core_properties
    assert (core.title, core.language) == ("ШАҒЫМ «Әділ & Сайлау» <x>", "kk")
    assert core.created == HOSTILE_PROPERTIES.created and core.author == ""
    [prop] = custom
    assert prop.get("name") == "template & <id>" and [value.text for value in prop] == ["A & B <x>"]
    assert data == docx_style.write_package(body, footer, HOSTILE_PROPERTIES)


def test_the_house_style_page() -> None:
    document = Document(io.BytesIO(docx_style.write_package("", "", HOSTILE_PROPERTIES)))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin)
    assert tuple(round(margin.mm) for margin in margins) == (30, 15, 20, 20)
    styles = {style.style_id for style in document.styles}
    assert {"KzBody", "KzHeader", "KzTitle", "KzDate", "KzSignature", "KzFooter", "KzEnd"} <= styles
    assert document.styles["KzBody"].font.name is None  # inherits Times New Roman from Normal
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 14


def test_para_text_joins_its_runs() -> None:
    assert Para("KzBody", (Run("a"), Run("b", bold=True), Run("c"))).text == "abc"
