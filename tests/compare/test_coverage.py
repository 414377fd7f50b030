"""The coverage matrix (one parent, all its implementing plans): links, statuses, citations, cache,
API, exports, pages and CLI — over the real corpus plus the hand-written children in
tests/data/children (hash embedder; the real-model run is test_coverage_real.py)."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from indexer.engine.errors import UnknownDocument
from indexer.models import CoverageResult
from server.app import create_app
from tests.conftest import CORPUS

CHILDREN = Path(__file__).resolve().parents[1] / "data" / "children"
P002, P003, P004 = "002_0f875316a6b16de4", "003_f9afe39036c3815c", "004_009c11248b00d7be"
TAM_DUONG, NA_KHUM, CAN_LOC, BAN_BO = ("huyen-tam-duong-002", "chi-bo-ban-na-khum-003", "huyen-can-loc-004",
                                       "xa-ban-bo-45")


@pytest.fixture(scope="module")
def _template(tmp_path_factory) -> Path:
    from indexer.service import Service
    from indexer.settings import Settings

    data = tmp_path_factory.mktemp("coverage") / "data"
    service = Service(Settings(data_dir=data, model="hash-256"))
    report = service.index_paths([CORPUS, CHILDREN])
    assert report.summary()["added"] == 9, report.to_dict()
    return data


@pytest.fixture
def service(_template, tmp_path):
    from indexer.service import Service
    from indexer.settings import Settings

    data = tmp_path / "data"
    shutil.copytree(_template, data, ignore=shutil.ignore_patterns(".lock", "cache"))
    return Service(Settings(data_dir=data, model="hash-256"))


@pytest.fixture
def client(service):
    return TestClient(create_app(service.settings, service))


def _row(result, snippet, kind="task"):
    rows = [t for t in result["tasks"] if t["kind"] == kind and snippet in t["text"]]
    assert rows, f"no {kind} row with {snippet!r}"
    return rows[0]


# -- links ------------------------------------------------------------------------------------------

def test_children_and_parents_resolve_by_one_rule(service):
    assert service.children(P002) == [TAM_DUONG]
    assert service.children(P003) == [NA_KHUM]
    assert service.children(P004) == [CAN_LOC]
    assert service.children(TAM_DUONG) == [BAN_BO]  # by number: Kế hoạch số 45-KH/HU
    assert service.parent_of(BAN_BO) == TAM_DUONG and service.parent_of(TAM_DUONG) == P002
    assert service.children("000_ab11ea391550b282") == []
    # The reader's resolved links are the same resolver's.
    doc = service.document(TAM_DUONG)
    assert [r.doc_id for r in doc["implements"]] == [P002, None]


def test_implementation_tree_three_levels(service):
    tree = service.coverage_tree(P002)
    assert tree["id"] == P002
    (district,) = tree["children"]
    assert district["id"] == TAM_DUONG and 0.5 < district["coverage"] < 1.0
    (commune,) = district["children"]
    assert commune["id"] == BAN_BO and commune["coverage"] is not None and commune["coverage"] < 0.5


# -- the matrix ---------------------------------------------------------------------------------------

def test_matrix_statuses_and_citations(service):
    result = service.coverage(P004)  # default: the linked children
    CoverageResult(**result)
    assert [c["id"] for c in result["children"]] == [CAN_LOC] and result["children"][0]["linked"]
    assert _row(result, "Việc tổ chức sơ kết được tiến hành từ cơ sở")["status"][CAN_LOC] == "missing"
    assert _row(result, "Các cơ quan báo chí của tỉnh chủ động")["status"][CAN_LOC] == "missing"
    assert _row(result, "Bám sát các quan điểm")["status"][CAN_LOC] == "partial"
    assert _row(result, "trước ngày 05/11/2021", "deadline")["status"][CAN_LOC] == "later"
    assert _row(result, "trước ngày 10/11/2021", "deadline")["status"][CAN_LOC] == "earlier"
    assert _row(result, "Thông qua sơ kết nhằm")["status"][CAN_LOC] == "covered"
    parent = service.document(P004)["text"]
    child = service.document(CAN_LOC)["text"]
    for t in result["tasks"]:
        assert parent[t["start"]:t["end"]] == t["text"]
        assert t["of"] == 1 and t["missing_in"] == (t["status"][CAN_LOC] == "missing")
        cite = t["child"][CAN_LOC]
        if t["status"][CAN_LOC] == "missing":
            assert cite is None
        else:
            assert child[cite["start"]:cite["end"]] == cite["text"]
    summary = result["children"][0]
    assert summary["missing"] >= 2 and summary["total"] >= len(result["tasks"])
    assert summary["later"] == 1 and summary["earlier"] == 1


def test_children_picked_by_hand_and_missing_counts(service):
    result = service.coverage(P002, [TAM_DUONG, CAN_LOC])
    assert [c["id"] for c in result["children"]] == [TAM_DUONG, CAN_LOC]
    assert [c["linked"] for c in result["children"]] == [True, False]
    by_id = {c["id"]: c for c in result["children"]}
    # A plan about another subject covers almost nothing of 002.
    assert by_id[CAN_LOC]["coverage"] < 0.2 < 0.8 < by_id[TAM_DUONG]["coverage"]
    dropped = _row(result, "Xây dựng đội ngũ cộng tác viên dư luận xã hội")
    assert dropped["status"] == {TAM_DUONG: "missing", CAN_LOC: "missing"} and dropped["missing_in"] == 2
    assert _row(result, "phấn đấu đến năm 2025, 94% các thôn", "target")["status"][TAM_DUONG] == "stricter"
    with pytest.raises(UnknownDocument):
        service.coverage(P002, ["no-such-plan"])
    with pytest.raises(UnknownDocument):
        service.coverage("no-such-parent")


def test_results_cached_by_content(service, monkeypatch):
    import indexer.compare.coverage as coverage

    first = service.coverage(P002)

    def recomputed(*args, **kwargs):
        raise AssertionError("a cached comparison was computed again")

    # from here on nothing may be compared again: the memo and the per-pair cache serve it (a
    # check on what runs, not on timings, which a busy machine makes flaky)
    monkeypatch.setattr(coverage, "compare", recomputed)
    second = service.coverage(P002)
    assert second == first
    second["tasks"][0]["cells"] = "annotated by a page"  # the memo hands out copies
    assert "cells" not in service.coverage(P002)["tasks"][0]
    files = list((Path(service.settings.data_dir) / "cache" / "coverage").glob("*.json"))
    assert len(files) == 1
    # A fresh service (a restart) reads the cached comparison back.
    from indexer.service import Service

    again = Service(service.settings).coverage(P002)
    assert again == first


def test_cache_key_follows_content():
    from indexer.compare import side_from_text
    from indexer.compare.coverage import cache_key
    from indexer.settings import Settings

    s = Settings(model="hash-256")
    text = (CHILDREN / "huyen-can-loc-004.txt").read_text(encoding="utf-8")
    parent = side_from_text("p", (CORPUS / "004_009c11248b00d7be.txt").read_text(encoding="utf-8"), s)
    a = cache_key(parent, side_from_text("c", text, s), s, "hash")
    b = cache_key(parent, side_from_text("c", text.replace("10/11/2021", "12/11/2021"), s), s, "hash")
    c = cache_key(parent, side_from_text("c", text, s), s.model_copy(update={"compare_covered": 0.6}), "hash")
    assert len({a, b, c}) == 3


# -- API and exports ----------------------------------------------------------------------------------

def test_api_coverage(client):
    r = client.get(f"/api/documents/{P002}/coverage")
    assert r.status_code == 200
    data = r.json()
    assert data["parent"]["id"] == P002 and [c["id"] for c in data["children"]] == [TAM_DUONG]
    task = data["tasks"][0]
    assert {"text", "section_path", "start", "end", "kind", "status", "notes", "child"} <= set(task)
    assert set(task["status"]) == {TAM_DUONG}
    r = client.get(f"/api/documents/{P002}/coverage", params={"children": f"{TAM_DUONG},{CAN_LOC}"})
    assert [c["id"] for c in r.json()["children"]] == [TAM_DUONG, CAN_LOC]
    assert client.get(f"/api/documents/{P002}/coverage", params={"children": "nope"}).status_code == 404
    assert client.get("/api/documents/nope/coverage").status_code == 404
    bad = client.get(f"/api/documents/{P002}/coverage", params={"children": "<script>"})
    assert bad.status_code == 422 and "invalid document id" in bad.json()["detail"]
    assert client.get(f"/api/documents/{P002}/coverage", params={"format": "pdf"}).status_code == 422
    tree = client.get(f"/api/documents/{P002}/tree").json()
    assert tree["children"][0]["id"] == TAM_DUONG and tree["children"][0]["children"][0]["id"] == BAN_BO


def test_exports_xlsx_and_docx(client):
    from docx import Document
    from openpyxl import load_workbook

    params = {"children": f"{TAM_DUONG},{CAN_LOC}"}
    r = client.get(f"/api/documents/{P002}/coverage", params={**params, "format": "xlsx"})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    wb = load_workbook(io.BytesIO(r.content))
    assert wb.sheetnames[:2] == ["Ma trận", "Tổng hợp"] and len(wb.sheetnames) == 4  # + one gaps sheet per child
    matrix = wb["Ma trận"]
    header = [c.value for c in matrix[1]]
    assert header[5:] == ["HUYỆN ỦY TAM ĐƯỜNG", "HUYỆN ỦY CAN LỘC"]
    texts = {row[2].value: row for row in matrix.iter_rows(min_row=2)}
    dropped = next(v for k, v in texts.items() if k.startswith("Xây dựng đội ngũ cộng tác viên"))
    assert [c.value for c in dropped[4:7]] == ["2/2", "Chưa có", "Chưa có"]
    gaps = wb[wb.sheetnames[2]]
    assert any("cộng tác viên dư luận" in (row[3].value or "") for row in gaps.iter_rows(min_row=2))
    r = client.get(f"/api/documents/{P002}/coverage", params={**params, "format": "docx"})
    doc = Document(io.BytesIO(r.content))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "BÁO CÁO KIỂM TRA" in body and "NGƯỜI KIỂM TRA" in body and "(Ký, ghi rõ họ tên)" in body
    cells = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "Xây dựng đội ngũ cộng tác viên dư luận xã hội" in cells
    md = client.get(f"/api/documents/{P002}/coverage", params={**params, "format": "md"}).text
    assert md.startswith("# Báo cáo mức độ cụ thể hóa") and "| Thiếu |" in md


# -- pages ---------------------------------------------------------------------------------------------

def test_coverage_page(client):
    r = client.get(f"/documents/{P002}/coverage", params={"children": [TAM_DUONG, CAN_LOC]})
    assert r.status_code == 200
    html = r.text
    assert "Tổng hợp theo đơn vị" in html and "HUYỆN ỦY CAN LỘC" in html
    assert "thiếu ở 2/2 đơn vị" in html
    assert 'class="st st-missing"' in html and ">Thiếu<" in html and ">Cao hơn<" in html  # colour and label
    # Cells link to both passages: the child's (status label) and the parent's (↑ cấp trên).
    assert f'href="/documents/{TAM_DUONG}?p=' in html and f'href="/documents/{P002}?p=' in html
    full = client.get(f"/documents/{P002}/coverage").text.count("<tr>")
    gaps = client.get(f"/documents/{P002}/coverage", params={"gaps": 1}).text
    assert "Nội dung còn thiếu sót" in gaps and 5 < gaps.count("<tr>") < full - 40
    only = client.get(f"/documents/{P002}/coverage",
                      params={"children": f"{TAM_DUONG},{CAN_LOC}", "only": TAM_DUONG, "gaps": 1}).text
    matrix_head = only.split('class="cov-matrix"')[1].split("</thead>")[0]
    assert "TAM ĐƯỜNG" in matrix_head and "CAN LỘC" not in matrix_head
    assert 'class="cov-list"' in html  # the phone view: one list per child


def test_coverage_page_bad_input(client):
    r = client.get(f"/documents/{P002}/coverage", params={"children": "<script>alert(1)</script>"})
    assert r.status_code == 200 and "<script>alert(1)" not in r.text and "không hợp lệ" in r.text
    assert client.get("/documents/nope/coverage").status_code == 404
    assert client.get(f"/documents/{P002}/coverage", params={"children": "nope"}).status_code == 404
    none = client.get("/documents/000_ab11ea391550b282/coverage")
    assert none.status_code == 200 and "Chưa có kế hoạch nào" in none.text


def test_tree_and_reader_links(client):
    r = client.get(f"/documents/{BAN_BO}/tree")
    assert r.status_code == 200
    html = r.text
    # Drawn from the topmost indexed document, with the unindexed resolution above it.
    assert "Kết luận số 224-KL/TU" in html
    tree = html.split('<ul class="tree">')[1]
    assert tree.index(P002) < tree.index(TAM_DUONG) < tree.index(BAN_BO) and "% đủ" in tree
    assert 'class="node current"' in tree
    reader = client.get(f"/documents/{TAM_DUONG}").text
    assert "Thực hiện văn bản" in reader and "Được thực hiện bởi" in reader
    assert f'href="/documents/{BAN_BO}"' in reader and f'href="/documents/{P002}"' in reader
    assert f"/documents/{TAM_DUONG}/coverage" in reader


# -- CLI -------------------------------------------------------------------------------------------------

def test_cli_coverage(service, tmp_path):
    from typer.testing import CliRunner

    from indexer.cli import app

    runner = CliRunner()
    env = {"NGHIQUYET_MODEL": "hash-256"}
    data = str(service.settings.data_dir)
    r = runner.invoke(app, ["coverage", P004, "--data-dir", data, "--format", "json"], env=env)
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert [c["id"] for c in out["children"]] == [CAN_LOC]
    xlsx = tmp_path / "m.xlsx"
    r = runner.invoke(app, ["coverage", P002, TAM_DUONG, CAN_LOC, "--data-dir", data, "-f", "xlsx", "-o", str(xlsx)],
                      env=env)
    assert r.exit_code == 0 and xlsx.stat().st_size > 1000
    r = runner.invoke(app, ["coverage", P002, "nope", "--data-dir", data], env=env)
    assert r.exit_code == 1 and "unknown document id nope" in r.output
    r = runner.invoke(app, ["coverage", P002, "--data-dir", data, "-f", "docx"], env=env)
    assert r.exit_code == 2 and "needs -o" in r.output
    r = runner.invoke(app, ["coverage", P002, "--data-dir", data, "-f", "table"], env=env)
    assert r.exit_code == 0 and "Theo đơn vị" in r.output and "HUYỆN ỦY TAM" in r.output
