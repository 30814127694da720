"""The .docx package: a valid zip, its fixed parts compressed once and copied; only the body and trace change."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from kzcomplaint.core.case.model import Case
from kzcomplaint.core.documents import docx_style, render

KINDS = ("observer_removed", "ballot_stuffing")


def _members(data: bytes) -> dict[str, tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None, "every CRC matches"
        return {info.filename: (info, archive.read(info)) for info in archive.infolist()}


def _raw_entries(data: bytes) -> dict[str, bytes]:
    """Each member's compressed bytes as they sit in the file (local header and data)."""
    entries = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = sorted(archive.infolist(), key=lambda info: info.header_offset)
    ends = [info.header_offset for info in infos[1:]] + [data.index(b"PK\x01\x02")]
    for info, end in zip(infos, ends, strict=True):
        entries[info.filename] = data[info.header_offset : end]
    return entries


@pytest.mark.parametrize("template", KINDS)
@pytest.mark.parametrize("language", ["kk", "ru", "en", "kk+ru"])
def test_every_part_reads_back_as_the_base_package_holds_it(template: str, language: str) -> None:
    base = docx_style.base_package(docx_style.FORM_FONT_SIZE_PT)  # a blank form's text size
    data = render.render_blank(template, language)
    members = _members(data)
    assert list(members) == [name for name, _ in base.parts], "the same parts in the same order"
    for name, fixed in base.parts:
        info, content = members[name]
        assert info.compress_type == zipfile.ZIP_DEFLATED
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
        if fixed is not None:
            assert content == fixed, name
    document = members["word/document.xml"][1].decode("utf-8")
    assert document.startswith(base.document_head) and document.endswith(base.document_tail)
    footer = members[base.footer_name][1].decode("utf-8")
    assert footer.startswith(base.footer_head) and footer.endswith(base.footer_tail)


MOMENT = dt.datetime(2024, 3, 1, 9, 30, tzinfo=dt.UTC)


def test_only_the_body_differs_between_documents_the_fixed_parts_are_the_same_bytes() -> None:
    first = _raw_entries(render.render_docx(Case(template="observer_removed"), "ru", created=MOMENT))
    other = Case(template="observer_removed", facts="Другой текст.")
    second = _raw_entries(render.render_docx(other, "ru", created=MOMENT))
    differing = {name for name in first if first[name] != second[name]}
    assert differing == {"word/document.xml"}


def test_the_trace_in_the_properties_is_written_for_each_document_never_copied() -> None:
    case = Case(template="observer_removed")
    later = MOMENT + dt.timedelta(hours=1)
    first = render.render_docx(case, "ru", created=MOMENT)
    second = render.render_docx(case, "ru", created=later)
    raw_first, raw_second = _raw_entries(first), _raw_entries(second)
    differing = {name for name in raw_first if raw_first[name] != raw_second[name]}
    assert differing == {docx_style.CORE_PROPERTIES, docx_style.CUSTOM_PROPERTIES}
    for data, moment in ((first, MOMENT), (second, later)):
        members = _members(data)
        assert moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode() in members[docx_style.CORE_PROPERTIES][1]
        assert moment.isoformat().encode() in members[docx_style.CUSTOM_PROPERTIES][1]
        assert b"observer_removed" in members[docx_style.CUSTOM_PROPERTIES][1]
        assert b"kzcomplaint" not in members["word/document.xml"][1], "the trace is never on the page"


def test_a_member_of_our_zip_writer_is_what_zipfile_reads() -> None:
    text = "Қазақ тілі — 1 x < 2 & 3".encode() * 200
    data = docx_style.zip_members(
        [docx_style.zip_member("a/one.xml", text, 9), docx_style.zip_member("two.xml", b"", 1)]
    )
    members = _members(data)
    assert members["a/one.xml"][1] == text and members["two.xml"][1] == b""
    assert members["a/one.xml"][0].compress_size < len(text) // 10, "compressed, not stored"
