"""The preview: the paragraphs of the .docx, as HTML, without writing and reading back a .docx."""

from __future__ import annotations

import dataclasses
import hashlib
import io
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document

from kzcomplaint.core.case import caseio
from kzcomplaint.core.case.model import Case, Evidence, Person
from kzcomplaint.core.documents import render
from kzcomplaint.core.documents.docx_style import STYLE_LOOKS, Style
from kzcomplaint.core.documents.preview import preview_html
from kzcomplaint.core.files import resources

EXAMPLES = sorted(resources.examples_dir().glob("*.json"))


@dataclasses.dataclass
class Block:
    """A ``<p>`` of the preview: its text, alignment, and whether it is all bold or italic."""

    text: str = ""
    align: str = ""
    tags: list[str] = dataclasses.field(default_factory=list)
    cell: int = -1


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[Block] = []
        self.open: list[str] = []
        self.cell = -1
        self.inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.cell = -1
        elif tag == "td":
            self.cell += 1
        elif tag == "p":
            self.blocks.append(Block(align=dict(attrs).get("align") or "", cell=self.cell))
            self.open = []
            self.inside = True
        elif tag == "br":
            self.blocks[-1].text += "\n"
        elif tag in ("b", "i") and self.blocks:
            self.open.append(tag)
            if not self.blocks[-1].text:
                self.blocks[-1].tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.blocks[-1].text += data


def _blocks(markup: str) -> list[Block]:
    reader = _Reader()
    reader.feed(markup)
    return [Block(b.text.replace("\xa0", ""), b.align, b.tags, b.cell) for b in reader.blocks]


def _docx_paragraphs(data: bytes) -> list[str]:
    return [paragraph.text for paragraph in Document(io.BytesIO(data)).paragraphs]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_preview_says_what_the_docx_says_paragraph_by_paragraph(path: Path, language: str) -> None:
    case = caseio.load_case(path)
    written = _docx_paragraphs(render.render_docx(case, language, base_dir=path.parent))
    shown = [block.text for block in _blocks(preview_html(case, language, base_dir=path.parent))]
    assert shown == written


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_a_parallel_preview_has_the_columns_of_the_docx(path: Path) -> None:
    # The examples carry kk and ru texts of their own (``translations``): each column shows its language's.
    case = caseio.load_case(path)
    table = Document(io.BytesIO(render.render_docx(case, "kk+ru", base_dir=path.parent))).tables[0]
    blocks = _blocks(preview_html(case, "kk+ru", base_dir=path.parent))
    for column in (0, 1):
        written = [row.cells[column].text for row in table.rows]
        shown = [block.text for block in blocks if block.cell == column]
        assert shown == written[: len(shown)] and not any(written[len(shown) :])


def test_the_preview_looks_as_the_house_style_says() -> None:
    case = Case(template="observer_removed", language="ru")
    paragraphs = render.document_paragraphs(case, "ru")
    blocks = _blocks(preview_html(case, "ru"))
    assert len(blocks) == len(paragraphs)
    for paragraph, block in zip(paragraphs, blocks, strict=True):
        look = STYLE_LOOKS[paragraph.style]
        assert block.align == look.align, paragraph.style
        assert ("b" in block.tags) is bool(look.bold or all(run.bold for run in paragraph.runs)), paragraph.text
    titles = [block for paragraph, block in zip(paragraphs, blocks, strict=True) if paragraph.style == Style.TITLE]
    assert titles and all(block.align == "center" and "b" in block.tags for block in titles)


def test_what_the_user_typed_is_shown_as_text_never_as_markup() -> None:
    typed = '<b>жирный</b> & <a href="x">ссылка</a> <script>alert(1)</script>'
    case = Case(template="observer_removed", language="ru", facts=typed, complainant=Person(full_name="<i>А</i>"))
    markup = preview_html(case, "ru")
    assert "<script>" not in markup and "<a " not in markup and "<b>жирный" not in markup
    texts = [block.text for block in _blocks(markup)]
    assert typed in texts
    assert any("<i>А</i>" in text for text in texts)


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(render.RenderError):
        preview_html(Case(template="observer_removed"), "de")


def test_the_header_block_sits_on_the_right_half_alone_but_not_in_a_column() -> None:
    case = Case(template="observer_removed", language="ru")
    assert "margin-left" in preview_html(case, "ru"), "as on paper: the header block 8 cm in"
    assert "margin-left" not in preview_html(case, "kk+ru"), "a column takes the cell styles, as the .docx does"


def test_an_english_document_shows_under_its_title_that_it_is_a_translation_as_on_paper() -> None:
    case = caseio.load_case(resources.examples_dir() / "observer_removed.json")
    paragraphs = render.document_paragraphs(case, "en")
    notices = [p for p in paragraphs if p.style == Style.NOTICE]
    assert len(notices) == 1
    blocks = _blocks(preview_html(case, "en"))
    shown = [block for block in blocks if block.text == notices[0].text]
    assert len(shown) == 1 and shown[0].align == "center" and "i" in shown[0].tags
    assert not any(block.text == notices[0].text for block in _blocks(preview_html(case, "ru")))


def test_the_preview_prints_a_file_the_document_may_read_and_not_one_it_may_not(tmp_path: Path) -> None:
    folder, elsewhere = tmp_path / "case", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    inside, outside = folder / "video.mp4", elsewhere / "photo.jpg"
    inside.write_bytes(b"a video" * 100)
    outside.write_bytes(b"a photo" * 100)
    evidence = [Evidence("Видеозапись", str(inside)), Evidence("Фотография", str(outside))]
    case = Case(template="observer_removed", language="ru", evidence=evidence)
    inside_hash, outside_hash = (hashlib.sha256(p.read_bytes()).hexdigest() for p in (inside, outside))

    markup = preview_html(case, "ru", base_dir=folder)
    assert inside_hash in markup and outside_hash not in markup, "only inside the case's folder"
    assert "photo.jpg" not in markup
    picked = preview_html(case, "ru", base_dir=folder, picked=frozenset({outside}))
    assert inside_hash in picked and outside_hash in picked, "a file the user picked is read wherever it is"
    written = _docx_paragraphs(render.render_docx(case, "ru", base_dir=folder, picked=frozenset({outside})))
    assert [block.text for block in _blocks(picked)] == written
