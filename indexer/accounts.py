"""Accounts, sessions, the audit log and visibility decisions: one small SQLite file in the data
directory (``DATA_DIR/accounts.sqlite``), separate from the index generations so that re-indexing,
a rebuild or another engine (Milvus keeps the index elsewhere; this file stays in the data dir)
never touches who may read what.

Why here and not in the index: users and the audit trail must survive ``index --rebuild``, and the
audit must record failed writes too. Tokens are shown once and stored as scrypt hashes with a
per-user salt; a token names its row (``nq_<key>_<secret>``) so checking one costs one scrypt, and a
verified token is remembered in memory (keyed by its SHA-256) so the API does not pay scrypt on
every request. The schema evolves by numbered migrations (``PRAGMA user_version``).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

ROLES = ("reader", "editor", "admin")
VISIBILITIES = ("public", "internal")
FILE_NAME = "accounts.sqlite"
SESSION_HOURS = 8
BOOTSTRAP = "@admin-token"  # the principal of NGHIQUYET_ADMIN_TOKEN (no user may take this name)
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
_SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1, "dklen": 32}

MIGRATIONS: list[str] = [
    # 1: users, web sessions, audit log, visibility decisions, change counters
    """
    CREATE TABLE users (
        name TEXT PRIMARY KEY, role TEXT NOT NULL, key TEXT NOT NULL UNIQUE, salt BLOB NOT NULL,
        hash BLOB NOT NULL, created TEXT NOT NULL, token_set TEXT NOT NULL);
    CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY, user TEXT NOT NULL, bootstrap TEXT, created REAL NOT NULL,
        expires REAL NOT NULL);
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,
        action TEXT NOT NULL, target TEXT NOT NULL DEFAULT '', ok INTEGER NOT NULL DEFAULT 1,
        detail TEXT NOT NULL DEFAULT '{}', ip TEXT NOT NULL DEFAULT '');
    CREATE INDEX audit_at ON audit(at);
    CREATE TABLE visibility (
        doc_id TEXT PRIMARY KEY, value TEXT NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL);
    CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
    INSERT INTO counters VALUES ('visibility', 0);
    """,
]


class AccountError(ValueError):
    """A user operation that cannot be done (unknown user, bad name or role, name taken)."""


@dataclass(frozen=True)
class Principal:
    """Who is asking: a user with a role, the bootstrap admin token, or nobody (anonymous)."""

    name: str | None = None
    role: str | None = None

    @property
    def anonymous(self) -> bool:
        return self.role is None

    def can(self, role: str) -> bool:
        """Has at least ``role`` (reader < editor < admin)."""
        return self.role is not None and ROLES.index(self.role) >= ROLES.index(role)

    @property
    def reads_internal(self) -> bool:
        return self.can("reader")

    @property
    def label(self) -> str:
        return self.name or "anonymous"


ANONYMOUS = Principal()


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _hash(secret: str, salt: bytes) -> bytes:
    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, maxmem=64 * 1024 * 1024, **_SCRYPT)


def _sha(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def check_name(name: str) -> str:
    name = (name or "").strip()
    if not _NAME.match(name):
        raise AccountError(f"invalid user name '{name}': use 1-64 letters, digits, '.', '_', '-', '@', "
                           "starting with a letter or digit")
    return name


def check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"unknown role '{role}': use one of {', '.join(ROLES)}")
    return role


# The visibility revision remembered per accounts file, for every ``Accounts`` of this process (the
# server's, the CLI's run in-process by tests): a decision made through any of them applies at once.
_REVISIONS: dict[Path, tuple[float, int]] = {}  # path -> (monotonic time, value)
_REVISION_EPOCH: dict[Path, int] = {}  # path -> decisions made here: a read begun before one is not kept


def _decided(path: Path) -> None:
    _REVISION_EPOCH[path] = _REVISION_EPOCH.get(path, 0) + 1
    _REVISIONS.pop(path, None)


class Accounts:
    """The accounts database of one data directory. Thread-safe; several processes may share it
    (SQLite WAL, short transactions)."""

    def __init__(self, data_dir: Path):
        self.path = Path(data_dir) / FILE_NAME
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._verified: dict[str, bytes] = {}  # sha256(token) -> stored hash it matched
        self._revision_lock = threading.Lock()
        self._key = self.path.resolve()  # the same file however its data dir was spelled

    # -- connection and migrations ----------------------------------------------------------------
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            with self._lock:
                if self._conn is None:
                    try:
                        self.path.parent.mkdir(parents=True, exist_ok=True)
                        conn = sqlite3.connect(self.path, timeout=10, check_same_thread=False,
                                               isolation_level=None)
                        conn.row_factory = sqlite3.Row
                        conn.execute("PRAGMA journal_mode=WAL")
                        conn.execute("PRAGMA busy_timeout=10000")
                        _migrate(conn)
                    except (sqlite3.OperationalError, OSError):
                        if not self.path.exists():
                            raise
                        # a read-only data directory: read the file as it is (writes will fail)
                        conn = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True,
                                               check_same_thread=False, isolation_level=None)
                        conn.row_factory = sqlite3.Row
                    self._conn = conn
        return self._conn

    def _absent(self) -> bool:
        """No accounts file yet: reads answer "nothing" without creating one (a read-only data
        directory, or a server nobody has signed in to, keeps serving)."""
        return self._conn is None and not self.path.exists()

    def _exec(self, sql: str, args=()) -> list[sqlite3.Row]:
        conn = self.conn()
        with self._lock:
            return conn.execute(sql, args).fetchall()

    def _write(self, statements: list[tuple[str, tuple]]) -> None:
        conn = self.conn()
        with self._lock:
            conn.execute("BEGIN IMMEDIATE")
            try:
                for sql, args in statements:
                    conn.execute(sql, args)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # -- users ------------------------------------------------------------------------------------
    def _new_token(self) -> tuple[str, str, bytes, bytes]:
        key, secret = secrets.token_hex(6), secrets.token_urlsafe(24)
        salt = secrets.token_bytes(16)
        return f"nq_{key}_{secret}", key, salt, _hash(secret, salt)

    def add(self, name: str, role: str, actor: str = "cli", ip: str = "") -> str:
        """Create a user; returns its token (shown once: only its hash is stored). Audited, as
        every user change."""
        name, role = check_name(name), check_role(role)
        token, key, salt, digest = self._new_token()
        stamp = now_iso()
        try:
            self._write([("INSERT INTO users VALUES (?,?,?,?,?,?,?)", (name, role, key, salt, digest, stamp, stamp))])
        except sqlite3.IntegrityError:
            raise AccountError(f"user '{name}' already exists (use `users reset` for a new token)") from None
        self.audit(actor, "user_add", name, ip=ip, role=role)
        return token

    def reset(self, name: str, actor: str = "cli", ip: str = "") -> str:
        """A new token for an existing user; the old one stops working at once."""
        token, key, salt, digest = self._new_token()
        if not self._exec("SELECT 1 FROM users WHERE name = ?", (name,)):
            raise AccountError(f"unknown user '{name}'")
        self._write([("UPDATE users SET key = ?, salt = ?, hash = ?, token_set = ? WHERE name = ?",
                      (key, salt, digest, now_iso(), name)),
                     ("DELETE FROM sessions WHERE user = ?", (name,))])
        self.audit(actor, "user_reset", name, ip=ip)
        return token

    def set_role(self, name: str, role: str, actor: str = "cli", ip: str = "") -> None:
        check_role(role)
        rows = self._exec("SELECT role FROM users WHERE name = ?", (name,))
        if not rows:
            raise AccountError(f"unknown user '{name}'")
        self._write([("UPDATE users SET role = ? WHERE name = ?", (role, name))])
        self.audit(actor, "user_role", name, ip=ip, before=rows[0][0], after=role)

    def remove(self, name: str, actor: str = "cli", ip: str = "") -> None:
        rows = self._exec("SELECT role FROM users WHERE name = ?", (name,))
        if not rows:
            raise AccountError(f"unknown user '{name}'")
        self._write([("DELETE FROM users WHERE name = ?", (name,)),
                     ("DELETE FROM sessions WHERE user = ?", (name,))])
        self.audit(actor, "user_remove", name, ip=ip, role=rows[0][0])

    def users(self) -> list[dict]:
        rows = self._exec("SELECT name, role, created, token_set FROM users ORDER BY name")
        return [dict(r) for r in rows]

    def authenticate(self, token: str | None) -> Principal | None:
        """The user a token belongs to, or None. One scrypt per new token; then remembered."""
        parts = (token or "").strip().split("_", 2)
        if len(parts) != 3 or parts[0] != "nq" or not parts[1] or not parts[2] or len(token) > 200:
            return None
        if self._absent():
            return None
        rows = self._exec("SELECT name, role, salt, hash FROM users WHERE key = ?", (parts[1],))
        if not rows:
            return None
        row = rows[0]
        fingerprint = _sha(token.strip())
        if self._verified.get(fingerprint) != bytes(row["hash"]):
            if not hmac.compare_digest(_hash(parts[2], bytes(row["salt"])), bytes(row["hash"])):
                return None
            if len(self._verified) > 10_000:
                self._verified.clear()
            self._verified[fingerprint] = bytes(row["hash"])
        return Principal(row["name"], row["role"])

    # -- web sessions -----------------------------------------------------------------------------
    def start_session(self, principal: Principal, bootstrap_token: str | None = None) -> str:
        """A random session id for the cookie; only its SHA-256 is stored."""
        sid = secrets.token_urlsafe(32)
        t = time.time()
        fp = _sha(bootstrap_token.strip()) if bootstrap_token else None
        self._write([("DELETE FROM sessions WHERE expires < ?", (t,)),
                     ("INSERT INTO sessions VALUES (?,?,?,?,?)",
                      (_sha(sid), principal.name, fp, t, t + SESSION_HOURS * 3600))])
        return sid

    def session(self, sid: str | None, admin_token: str = "") -> Principal | None:
        """The principal of a live session (its user's current role), or None."""
        if not sid or len(sid) > 200 or self._absent():
            return None
        rows = self._exec("SELECT s.user, s.bootstrap, s.expires, u.role FROM sessions s LEFT JOIN users u"
                          " ON u.name = s.user WHERE s.id_hash = ?", (_sha(sid),))
        if not rows or rows[0]["expires"] < time.time():
            return None
        row = rows[0]
        if row["bootstrap"]:
            ok = admin_token.strip() and hmac.compare_digest(row["bootstrap"], _sha(admin_token.strip()))
            return Principal(BOOTSTRAP, "admin") if ok else None
        return Principal(row["user"], row["role"]) if row["role"] else None

    def end_session(self, sid: str | None) -> None:
        if sid:
            self._write([("DELETE FROM sessions WHERE id_hash = ?", (_sha(sid),))])

    # -- audit ------------------------------------------------------------------------------------
    def audit(self, actor: str, action: str, target: str = "", ok: bool = True, ip: str = "",
              **detail) -> None:
        self._write([("INSERT INTO audit (at, actor, action, target, ok, detail, ip) VALUES (?,?,?,?,?,?,?)",
                      (now_iso(), actor, action, target, int(ok), json.dumps(detail, ensure_ascii=False), ip))])

    def audit_entries(self, limit: int = 1000, action: str | None = None) -> list[dict]:
        sql, args = "SELECT * FROM audit", []
        if action:
            sql += " WHERE action = ?"
            args.append(action)
        rows = self._exec(sql + " ORDER BY id DESC LIMIT ?", (*args, limit))
        return [dict(r) | {"ok": bool(r["ok"]), "detail": json.loads(r["detail"])} for r in rows]

    # -- visibility decisions ---------------------------------------------------------------------
    def set_visibility(self, doc_id: str, value: str, actor: str) -> None:
        if value not in VISIBILITIES:
            raise AccountError(f"unknown visibility '{value}': use public or internal")
        self._write([("INSERT OR REPLACE INTO visibility VALUES (?,?,?,?)", (doc_id, value, now_iso(), actor)),
                     ("UPDATE counters SET value = value + 1 WHERE name = 'visibility'", ())])
        _decided(self._key)

    def forget_visibility(self, doc_ids: list[str]) -> None:
        self._write([("DELETE FROM visibility WHERE doc_id = ?", (d,)) for d in doc_ids] +
                    [("UPDATE counters SET value = value + 1 WHERE name = 'visibility'", ())])
        _decided(self._key)

    def visibility_overrides(self) -> dict[str, str]:
        if self._absent():
            return {}
        return {r[0]: r[1] for r in self._exec("SELECT doc_id, value FROM visibility")}

    REVISION_RECHECK_S = 0.05

    def revision(self) -> int:
        """Changes whenever a visibility decision does (the service's caches are keyed by it).
        A search asks several times; the answer is remembered for ``REVISION_RECHECK_S``: a
        decision made by another process (the CLI) reaches anonymous viewers within 50 ms, one made
        here at once (a read begun before it is not kept).
        Each query made while the query encoder runs beside a search cost ~1 ms of GIL hand-over
        on 2 cores: a third of an anonymous search before."""
        now = time.monotonic()
        memo = _REVISIONS.get(self._key)
        if memo is not None and now - memo[0] < self.REVISION_RECHECK_S:
            return memo[1]
        if memo is not None and not self._revision_lock.acquire(blocking=False):
            return memo[1]  # another thread is re-reading it: sixteen threads must not queue here
        try:
            return self._read_revision(now)
        finally:
            if memo is not None:
                self._revision_lock.release()

    def _read_revision(self, now: float) -> int:
        epoch = _REVISION_EPOCH.get(self._key, 0)
        if self._absent():
            value = 0
        else:
            rows = self._exec("SELECT value FROM counters WHERE name = 'visibility'")
            value = rows[0][0] if rows else 0
        if _REVISION_EPOCH.get(self._key, 0) == epoch:
            _REVISIONS[self._key] = (now, value)
        return value

    # -- backup -----------------------------------------------------------------------------------
    def backup_to(self, target: Path) -> None:
        """A consistent copy through SQLite's online backup API (safe while the server writes)."""
        dest = sqlite3.connect(target)
        try:
            conn = self.conn()
            with self._lock:
                conn.backup(dest)
        finally:
            dest.close()


def _migrate(conn: sqlite3.Connection) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("PRAGMA user_version").fetchone()[0] >= number:  # another process did it
                conn.execute("ROLLBACK")
                continue
            for statement in filter(str.strip, script.split(";")):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
