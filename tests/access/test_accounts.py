"""Accounts (CLI users add/list/reset/remove, hashed tokens, migrations), visibility rules at
indexing time (explicit, header mark, kept on update, CLI --visibility), and the audit of CLI
actions."""

from __future__ import annotations

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from indexer.accounts import MIGRATIONS, Accounts
from indexer.cli import app
from indexer.service import Service
from indexer.settings import Settings
from indexer.visibility import decide, marked_internal
from tests.conftest import PLANS

runner = CliRunner()


def cli(*args, env=None):
    return runner.invoke(app, list(args), env={"NGHIQUYET_MODEL": "hash-256", **(env or {})})


def test_users_cli_round_trip(tmp_path):
    d = str(tmp_path / "data")
    r = cli("users", "add", "lan", "--role", "editor", "--data-dir", d)
    assert r.exit_code == 0, r.output
    token = r.stdout.strip().splitlines()[-1]
    assert token.startswith("nq_") and len(token) > 40 and " " not in token
    accounts = Accounts(tmp_path / "data")
    assert accounts.authenticate(token).role == "editor"
    assert accounts.authenticate(token + "x") is None and accounts.authenticate("nq_x_y") is None
    # only a salted slow hash is stored: the secret is nowhere in the file
    raw = b"".join(f.read_bytes() for f in (tmp_path / "data").glob("accounts.sqlite*"))
    assert b"lan" in raw and token.split("_", 2)[2].encode() not in raw
    listed = json.loads(cli("users", "list", "--json", "--data-dir", d).stdout)
    assert [(u["name"], u["role"]) for u in listed] == [("lan", "editor")] and token not in json.dumps(listed)
    assert cli("users", "add", "lan", "--role", "reader", "--data-dir", d).exit_code == 2  # taken
    assert cli("users", "add", "hoa", "--role", "chief", "--data-dir", d).exit_code == 2
    assert cli("users", "add", "../x", "--role", "reader", "--data-dir", d).exit_code == 2
    new = cli("users", "reset", "lan", "--data-dir", d).stdout.strip().splitlines()[-1]
    assert new != token and accounts.authenticate(token) is None and accounts.authenticate(new).name == "lan"
    assert cli("users", "remove", "lan", "--data-dir", d).exit_code == 0
    assert accounts.authenticate(new) is None
    assert cli("users", "remove", "lan", "--data-dir", d).exit_code == 2
    actions = [e["action"] for e in json.loads(cli("audit", "--json", "--data-dir", d).stdout)]
    assert actions[:3] == ["user_remove", "user_reset", "user_add"]


def test_salts_differ_and_hash_is_scrypt(tmp_path):
    accounts = Accounts(tmp_path)
    accounts.add("a", "reader")
    accounts.add("b", "reader")
    rows = sqlite3.connect(tmp_path / "accounts.sqlite").execute("SELECT salt, hash FROM users").fetchall()
    assert rows[0][0] != rows[1][0] and all(len(h) == 32 and len(s) == 16 for s, h in rows)


def test_migrations_are_numbered_and_idempotent(tmp_path):
    Accounts(tmp_path).add("a", "admin")
    again = Accounts(tmp_path)
    assert again.conn().execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert [u["name"] for u in again.users()] == ["a"]


@pytest.mark.parametrize("text,internal", [
    ("ĐẢNG BỘ TỈNH\nMẬT\n\nKẾ HOẠCH", True),
    ("Độ mật: TỐI MẬT\nKẾ HOẠCH", True),
    ("TỈNH ỦY\n(Tài liệu lưu hành nội bộ)\nKẾ HOẠCH", True),
    ("KẾ HOẠCH\nvề bảo vệ BÍ MẬT nhà nước", False),  # a title about secrets is not a mark
    ("KẾ HOẠCH\ntăng cường mối quan hệ mật thiết", False),
    ("KẾ HOẠCH" + "\nnội dung" * 40 + "\nlưu hành nội bộ", False),  # far below the head
])
def test_header_marks(text, internal):
    assert marked_internal(text) is internal
    assert decide(None, text) == ("internal" if internal else "public")
    assert decide("public", text) == "public"


def test_visibility_at_indexing(tmp_path):
    settings = Settings(data_dir=tmp_path / "data", model="hash-256")
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.txt").write_bytes(PLANS["004"].read_bytes())
    r = cli("index", str(plans), "--visibility", "internal", "--data-dir", str(settings.data_dir))
    assert r.exit_code == 0, r.output
    service = Service(settings)
    assert {d.id: d.visibility for d in service.documents()} == {"a": "internal"}
    assert service.for_viewer().documents() == []
    # the file changes (no mark, no explicit choice): it stays internal
    (plans / "a.txt").write_bytes(PLANS["004"].read_bytes() + "\nBổ sung.\n".encode())
    assert cli("index", str(plans), "--data-dir", str(settings.data_dir)).exit_code == 0
    assert service.documents()[0].visibility == "internal"
    # unchanged content, explicit public: the decision applies without re-indexing
    assert cli("index", str(plans), "--visibility", "public", "--data-dir", str(settings.data_dir)).exit_code == 0
    assert [d.id for d in service.for_viewer().documents()] == ["a"]
    assert cli("visibility", "a", "internal", "--data-dir", str(settings.data_dir)).exit_code == 0
    assert service.for_viewer().documents() == []
    assert cli("index", str(plans), "--visibility", "secret", "--data-dir", str(settings.data_dir)).exit_code == 2
    log = service.accounts.audit_entries()
    assert [e["action"] for e in log][:4] == ["visibility", "index", "index", "index"]
    assert log[0]["actor"].startswith("cli") and log[0]["detail"] == {"before": "public", "after": "internal"}
