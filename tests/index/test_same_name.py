"""A document's identity is not its file name: two communes sending "ke-hoach.txt" keep two plans.
Checked through the API, the upload page and `nghiquyet index`."""

from __future__ import annotations

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from server.app import create_app

TOKEN = "s3cret-token-0123456789"
PLAN_A = ("KẾ HOẠCH\n\nvề trồng rừng\n\nI. MỤC TIÊU\n\nTỷ lệ che phủ rừng của xã Tả Phìn đạt 55% vào "
          "năm 2030, trồng mới 120 ha rừng phòng hộ đầu nguồn.").encode()
PLAN_B = ("KẾ HOẠCH\n\nvề du lịch cộng đồng\n\nI. MỤC TIÊU\n\nĐón 20.000 lượt khách du lịch đến bản "
          "Sín Chải vào năm 2027, xây dựng 15 homestay đạt chuẩn.").encode()


def _client(service):
    settings = service.settings.model_copy(update={"admin_token": TOKEN})
    return TestClient(create_app(settings, service))


def test_api_same_name_other_content_is_a_new_document(fake_engine):
    client = _client(fake_engine)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    first = client.post("/api/documents", files=[("files", ("ke-hoach.txt", PLAN_A))], headers=auth).json()
    second = client.post("/api/documents", files=[("files", ("ke-hoach.txt", PLAN_B))], headers=auth).json()
    assert first["summary"]["added"] == 1 and second["summary"]["added"] == 1
    assert second["summary"]["updated"] == 0
    note = second["files"][0]
    assert note["code"] == "same_name" and "giữ nguyên" in note["message_vi"] and note["name"] == "ke-hoach.txt"
    docs = client.get("/api/documents").json()["documents"]
    assert len(docs) == 2 and {d["file_name"] for d in docs} == {"ke-hoach.txt"}
    assert len({d["id"] for d in docs}) == 2
    # both plans stay searchable
    assert "55%" in client.get("/api/search", params={"q": "che phủ rừng"}).json()["results"][0]["text"]
    assert "homestay" in client.get("/api/search", params={"q": "homestay"}).json()["results"][0]["text"]
    # the same bytes again are recognised, not added twice
    again = client.post("/api/documents", files=[("files", ("ke-hoach.txt", PLAN_A))], headers=auth).json()
    assert again["summary"]["unchanged"] == 1 and len(client.get("/api/documents").json()["documents"]) == 2


def test_page_same_name_keeps_both(fake_engine):
    from tests.web.test_web_pages import sign_in

    client = _client(fake_engine)
    csrf = sign_in(client, TOKEN)
    for body in (PLAN_A, PLAN_B):
        r = client.post("/admin/upload", data={"csrf": csrf}, files=[("files", ("ke-hoach.txt", body))])
        assert r.status_code == 200
    assert "văn bản cũ vẫn được giữ nguyên" in r.text
    listing = client.get("/documents").text
    assert listing.count("về trồng rừng") + listing.count("về du lịch cộng đồng") >= 2
    assert len(fake_engine.documents()) == 2


def test_cli_same_name_in_two_folders(tmp_path):
    from indexer.cli import app

    for commune, body in (("ta-phin", PLAN_A), ("sin-chai", PLAN_B)):
        folder = tmp_path / commune
        folder.mkdir()
        (folder / "ke-hoach.txt").write_bytes(body)
    data = tmp_path / "data"
    result = CliRunner().invoke(app, ["index", str(tmp_path / "ta-phin"), str(tmp_path / "sin-chai"),
                                      "--data-dir", str(data), "--json"], env={"NGHIQUYET_MODEL": "hash-256"})
    assert result.exit_code == 0, result.output
    listed = CliRunner().invoke(app, ["documents", "--data-dir", str(data), "--json"],
                                env={"NGHIQUYET_MODEL": "hash-256"})
    import json

    docs = json.loads(listed.output)["documents"]
    assert len(docs) == 2 and {d["file_name"] for d in docs} == {"ke-hoach.txt"}
