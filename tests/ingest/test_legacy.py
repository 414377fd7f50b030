"""Legacy formats and encodings: a .doc (and .rtf, .odt) made by LibreOffice from a DOCX of plan
004 goes through headless LibreOffice back to DOCX and keeps its bold headings; TCVN3 (.VnTime) and
VNI text, in a .doc and in plain text files, comes out as Unicode."""

from __future__ import annotations

import pytest

from indexer.document import parse_bytes
from indexer.ingest import IngestError, read_document
from indexer.ingest.convert import converter_problem
from indexer.ingest.legacy import detect_legacy, fix_legacy, tcvn3_to_unicode, vni_to_unicode
from indexer.settings import Settings
from tests.conftest import PLANS
from tests.documents import docx_bytes, libreoffice_convert, need_tool, plan_paragraphs

PARAS = plan_paragraphs(PLANS["004"])
LIMIT = 50 * 1024 * 1024
# Strings as legacy fonts stored them (well-known renderings of the national motto).
TCVN3_MOTTO = "Céng hoµ x· héi chñ nghÜa ViÖt Nam §éc lËp - Tù do - H¹nh phóc"
VNI_MOTTO = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam Ñoäc laäp - Töï do - Haïnh phuùc"
TCVN3_BODY = ("Ban Th\u00adêng vô TØnh ñy chØ ®¹o c¸c cÊp ñy ®¶ng tæ chøc qu¸n triÖt NghÞ quyÕt "
              "tr\u00adíc ngµy 30/6/2026.")
UNICODE_BODY = ("Ban Thường vụ Tỉnh ủy chỉ đạo các cấp ủy đảng tổ chức quán triệt Nghị quyết "
                "trước ngày 30/6/2026.")


def test_tables_convert_the_motto():
    assert tcvn3_to_unicode(TCVN3_MOTTO) == "Cộng hoà xã hội chủ nghĩa Việt Nam Độc lập - Tự do - Hạnh phúc"
    assert vni_to_unicode(VNI_MOTTO) == "Cộng hòa xã hội chủ nghĩa Việt Nam Độc lập - Tự do - Hạnh phúc"
    assert tcvn3_to_unicode(TCVN3_BODY) == UNICODE_BODY


def test_detection_and_mixed_text():
    assert detect_legacy(TCVN3_BODY) == "tcvn3"
    assert detect_legacy(VNI_MOTTO) == "vni"
    assert detect_legacy(UNICODE_BODY) is None
    assert detect_legacy("Müller, Göttingen, Zürich and Ørsted were in München.") is None
    mixed = f"{TCVN3_BODY}\n{UNICODE_BODY}"  # a Unicode line stays as it is
    assert fix_legacy(mixed) == (f"{UNICODE_BODY}\n{UNICODE_BODY}", "tcvn3")


@pytest.mark.parametrize("encoding,text", [("tcvn3", TCVN3_BODY), ("vni", vni_to_unicode(VNI_MOTTO))])
def test_plain_text_files_in_legacy_encodings(encoding, text):
    raw = TCVN3_BODY if encoding == "tcvn3" else VNI_MOTTO
    doc = read_document("old.txt", (raw + "\n").encode("cp1252"), LIMIT)
    assert doc.text.strip() == (UNICODE_BODY if encoding == "tcvn3" else text)
    assert doc.encoding == encoding


def test_doc_made_by_libreoffice_is_parsed(tmp_path):
    need_tool("LibreOffice (libreoffice-writer-nogui)", converter_problem())
    source = docx_bytes(PARAS[:10], bold={0, 3, 7})
    doc_bytes = libreoffice_convert(source, ".docx", "doc")
    assert doc_bytes[:8] == bytes.fromhex("d0cf11e0a1b11ae1")  # an OLE2 binary .doc
    settings = Settings(model="hash-64", data_dir=tmp_path)
    parsed = parse_bytes("old", "old.doc", "old.doc", doc_bytes, settings)
    assert parsed.meta.type == "Kế hoạch"
    assert parsed.meta.title.startswith("Sơ kết 05 năm thực hiện Nghị quyết số 06-NQ/TU")
    for para in PARAS[1:10]:
        assert para in parsed.text
    headings = {b.text for b in parsed.blocks if b.kind == "heading"}
    assert "I. MỤC ĐÍCH, YÊU CẦU" in headings and "II. NỘI DUNG, PHƯƠNG THỨC, THỜI GIAN SƠ KẾT" in headings


def test_rtf_and_odt_and_a_tcvn3_doc(tmp_path):
    need_tool("LibreOffice (libreoffice-writer-nogui)", converter_problem())
    rtf = libreoffice_convert(docx_bytes(PARAS[:3], bold={0}), ".docx", "rtf")
    assert "Sơ kết 05 năm" in read_document("a.rtf", rtf, LIMIT).text
    odt = libreoffice_convert(docx_bytes(PARAS[:3], bold={0}), ".docx", "odt")
    assert "Sơ kết 05 năm" in read_document("a.odt", odt, LIMIT).text
    # A .VnTime document of the 2000s: body in .VnTime, the heading in the capitals font .VnTimeH.
    import io

    import docx as python_docx

    d = python_docx.Document()
    run = d.add_paragraph().add_run("kÕ ho¹ch")
    run.font.name = ".VnTimeH"
    run.bold = True
    d.add_paragraph().add_run(TCVN3_BODY).font.name = ".VnTime"
    buf = io.BytesIO()
    d.save(buf)
    old = libreoffice_convert(buf.getvalue(), ".docx", "doc")
    doc = read_document("old.doc", old, LIMIT)
    assert doc.text.split("\n\n") == ["**KẾ HOẠCH**", UNICODE_BODY]


def test_broken_doc_is_a_clear_failure():
    need_tool("LibreOffice (libreoffice-writer-nogui)", converter_problem())
    with pytest.raises(IngestError) as info:
        read_document("broken.doc", bytes.fromhex("d0cf11e0a1b11ae1") + bytes(512), LIMIT)
    assert info.value.code == "convert_failed" and "could not be loaded" in info.value.message


def test_without_libreoffice_the_file_fails_clearly(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    problem = converter_problem()
    assert problem and "libreoffice-writer-nogui" in problem
    with pytest.raises(IngestError) as info:
        read_document("old.doc", b"\xd0\xcf\x11\xe0" * 100, LIMIT)
    assert info.value.code == "convert_unavailable" and "LibreOffice" in info.value.message_vi
    with pytest.raises(pytest.skip.Exception) as skipped:
        need_tool("LibreOffice", problem)
    assert "LOUD SKIP" in str(skipped.value)


def test_conversion_timeout_is_a_clear_failure():
    need_tool("LibreOffice (libreoffice-writer-nogui)", converter_problem())
    from indexer.ingest.convert import to_docx

    rtf = libreoffice_convert(docx_bytes(PARAS[:3], bold={0}), ".docx", "rtf")
    with pytest.raises(IngestError) as info:
        to_docx(rtf, ".rtf", timeout=0.01)
    assert info.value.code == "convert_failed" and "longer than" in info.value.message
    assert "Sơ kết 05 năm" in read_document("a.rtf", rtf, LIMIT).text  # the next conversion works


def test_unicode_text_under_an_old_font_name_is_left_alone():
    import io

    import docx as python_docx

    d = python_docx.Document()
    d.add_paragraph().add_run(UNICODE_BODY).font.name = ".VnTime"  # retyped, font name kept
    d.add_paragraph().add_run(TCVN3_BODY).font.name = ".VnTime"
    buf = io.BytesIO()
    d.save(buf)
    assert read_document("mixed.docx", buf.getvalue(), LIMIT).text.split("\n\n") == [UNICODE_BODY] * 2
