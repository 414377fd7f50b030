"""Who may read a document: ``public`` (anyone who reaches the server) or ``internal`` (signed-in
users only). A document's visibility is decided when it is indexed and stored in its metadata:

1. the visibility given explicitly (upload form, ``POST /api/documents`` field ``visibility``,
   ``nghiquyet index --visibility``);
2. else ``internal`` when its first lines carry a restriction mark — a line that is only "MẬT",
   "TỐI MẬT" or "TUYỆT MẬT" (optionally "Độ mật: …"), or "lưu hành nội bộ" anywhere near the top;
3. else what the document was before (an updated file keeps its visibility);
4. else ``public``.

An editor may change it later; that decision lives in the accounts database
(``indexer.accounts``) and wins over the metadata (``indexer.access`` applies both)."""

from __future__ import annotations

import re
import unicodedata

VISIBILITIES = ("public", "internal")
HEAD_LINES = 15
HEAD_CHARS = 2000
_SECRET_LINE = re.compile(r"^(?:độ\s+mật\s*[:：]\s*)?(?:tối\s+|tuyệt\s+)?mật\.?$", re.IGNORECASE)
_INTERNAL = re.compile(r"lưu\s+hành\s+nội\s+bộ", re.IGNORECASE)


def check(value: str | None) -> str | None:
    """None (decide automatically), or a valid visibility; raises ValueError otherwise."""
    if value is None or value == "" or value == "auto":
        return None
    if value not in VISIBILITIES:
        raise ValueError(f"visibility must be 'public' or 'internal', not '{value}'")
    return value


def marked_internal(text: str) -> bool:
    """Does the head of the text carry a restriction mark ("MẬT", "lưu hành nội bộ")?"""
    head = unicodedata.normalize("NFC", text[:HEAD_CHARS])
    lines = [" ".join(line.split()) for line in head.splitlines()[:HEAD_LINES]]
    for line in lines:
        if not line:
            continue
        # "MẬT" must stand alone and in capitals: "bí mật", "mật thiết" in a title are not marks.
        bare = line.strip("()[]*_ ")
        if _SECRET_LINE.match(bare) and bare.split()[-1].rstrip(".").isupper():
            return True
        if _INTERNAL.search(line):
            return True
    return False


def decide(explicit: str | None, text: str, prior: str | None = None) -> str:
    """The visibility a document is stored with (rules 1-4 above)."""
    if explicit:
        return explicit
    if marked_internal(text):
        return "internal"
    return prior if prior in VISIBILITIES else "public"
