"""Query token ids without the ``tokenizers`` library's start-up cost.

``Tokenizer.from_file`` on the export's 8.7 MB ``tokenizer.json`` takes 1.3 s per process, holding
the GIL (most of it building the 250k-piece trie), for a query of a few words. This module gives
the same ids for a query from a compact copy of the Unigram vocabulary (``tokenizer.unigram``,
written beside ``tokenizer.json`` on first use, atomically, and rebuilt when ``tokenizer.json``
changes): loading it takes tens of milliseconds.

It mirrors exactly the pipeline of the export's tokenizer.json and refuses any other one (``None``
from ``load``): no normalizer; pre-tokenizers WhitespaceSplit (Unicode White_Space) then Metaspace
("▁", prepend always, split); the Unigram model's Viterbi search as tokenizers 0.2x implements it
(``encode_optimized``: candidates in order of start and length, strictly better score wins, unknown
characters scored min score - 10 and consecutive unknowns fused into one ``<unk>``); truncation to
``max_length`` with room for the two special tokens; ``<s> … </s>``. A text holding an added token
("<s>", "<mask>"…) or "▁" is not handled (``encode`` returns None) and goes to the library, as
do several texts at once (passages). tests/embed/test_query_tokenizer.py checks the ids against the
library on the corpus and on edge cases.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import zlib
from bisect import bisect_left
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

CACHE = "tokenizer.unigram"
MAGIC = b"nghiquyet-unigram\n"
FORMAT = 2
METASPACE = "\u2581"
K_UNK_PENALTY = 10.0
# char::is_whitespace in Rust: the Unicode White_Space property (Python's str.split differs on
# U+001C..U+001F, which are not White_Space).
_WHITESPACE = re.compile("[\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_PRE_TOKENIZER = {"type": "Sequence", "pretokenizers": [
    {"type": "WhitespaceSplit"},
    {"type": "Metaspace", "replacement": METASPACE, "prepend_scheme": "always", "split": True}]}


class UnigramQueryTokenizer:
    def __init__(self, hashes: np.ndarray, order: np.ndarray, offsets: np.ndarray, scores: np.ndarray,
                 blob: bytes, unk_id: int, bos_id: int, eos_id: int, added: list[str], max_piece: int,
                 max_length: int):
        """``hashes`` (sorted CRC-32 of the distinct pieces) and ``order`` (their ids) find a piece;
        ``offsets`` and ``blob`` hold every piece's UTF-8 bytes by id, ``scores`` its score."""
        # memoryviews: bisect and indexing on them give Python ints at C speed, with no copy
        # (np.searchsorted on one scalar costs tens of microseconds)
        self._hashes = _view(hashes, np.uint32, "I")
        self._order = _view(order, np.int64, "q")
        self._offsets = _view(offsets, np.int64, "q")
        self._blob = blob
        self._scores = scores.tolist()
        self._unk_score = (float(scores.min()) if len(scores) else 0.0) - K_UNK_PENALTY
        self.unk_id, self.bos_id, self.eos_id = unk_id, bos_id, eos_id
        self._added = [a for a in added if a]
        self._max_piece = max_piece
        self.max_length = max_length

    # -- the pipeline ---------------------------------------------------------------------------
    def encode(self, text: str) -> list[int] | None:
        """Token ids with ``<s>`` and ``</s>``, or None when the text needs the library."""
        if METASPACE in text or any(a in text for a in self._added):
            return None
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates: the library reports them its own way
            return None
        ids: list[int] = []
        for word in _WHITESPACE.split(text):
            if word:
                ids.extend(self._word(METASPACE + word))
        return [self.bos_id, *ids[: max(self.max_length - 2, 0)], self.eos_id]

    def _id(self, piece: str) -> int | None:
        """The id of a vocabulary piece (its last id if it were listed twice, as in Rust), or None."""
        data = piece.encode("utf-8")
        h = zlib.crc32(data)
        i = bisect_left(self._hashes, h)
        while i < len(self._hashes) and self._hashes[i] == h:
            piece_id = self._order[i]
            if self._blob[self._offsets[piece_id]:self._offsets[piece_id + 1]] == data:
                return piece_id
            i += 1
        return None

    def _word(self, word: str) -> list[int]:
        """Viterbi over one pre-token (tokenizers' Unigram.encode_optimized, on characters: every
        vocabulary piece is whole characters, so byte and character prefixes match alike)."""
        size = len(word)
        score = [0.0] * (size + 1)
        start: list[int | None] = [None] * (size + 1)
        node = [0] * (size + 1)
        known: dict[str, int | None] = {}
        for i in range(size):
            here = score[i]
            single = False
            for end in range(i + 1, min(size, i + self._max_piece) + 1):
                piece_id = known[word[i:end]] = self._id(word[i:end])
                if piece_id is None:
                    continue
                candidate = self._scores[piece_id] + here
                if start[end] is None or candidate > score[end]:
                    score[end], start[end], node[end] = candidate, i, piece_id
                if end == i + 1:
                    single = True
            if not single:
                candidate = self._unk_score + here
                if start[i + 1] is None or candidate > score[i + 1]:
                    score[i + 1], start[i + 1], node[i + 1] = candidate, i, self.unk_id
        pieces: list[str] = []
        unknown: list[str] = []
        end = size
        while end > 0:
            begin = start[end]
            if node[end] == self.unk_id:
                unknown.append(word[begin:end])
            else:
                if unknown:
                    pieces.append("".join(reversed(unknown)))
                    unknown = []
                pieces.append(word[begin:end])
            end = begin
        if unknown:
            pieces.append("".join(reversed(unknown)))
        pieces.reverse()
        out = []
        for p in pieces:  # fused unknowns are looked up too (Unigram.tokenize does)
            piece_id = known[p] if p in known else self._id(p)
            out.append(self.unk_id if piece_id is None else piece_id)
        return out

    # -- building and caching -------------------------------------------------------------------
    @classmethod
    def from_tokenizer_json(cls, data: dict, max_length: int) -> "UnigramQueryTokenizer | None":
        fields = _fields(data)
        return None if fields is None else cls(*_tables(fields), max_length=max_length)

    @classmethod
    def load(cls, folder: Path, tokenizer_file: str, max_length: int) -> "UnigramQueryTokenizer | None":
        """From the cache beside ``tokenizer_file`` (written when missing or stale and the folder is
        writable); None when the tokenizer is not one this module mirrors or cannot be read."""
        source = Path(folder) / tokenizer_file
        cache = Path(folder) / CACHE
        try:
            raw = source.read_bytes()
        except OSError:
            return None
        stamp = {"bytes": len(raw), "crc32": f"{zlib.crc32(raw):08x}"}
        loaded = _read_cache(cache, stamp)
        if loaded is None:
            try:
                fields = _fields(json.loads(raw))
            except ValueError:
                return None
            if fields is None:
                return None
            loaded = _tables(fields)
            _write_cache(cache, stamp, loaded)
        return cls(*loaded, max_length=max_length)


def _view(values: np.ndarray, dtype, code: str) -> memoryview:
    """A native-format memoryview of ``values`` (arrays read from the cache say "<q", which
    memoryviews cannot index)."""
    return memoryview(np.ascontiguousarray(values, dtype)).cast("B").cast(code)


def _fields(data: dict):
    """(pieces, scores, unk id, <s> id, </s> id, added tokens) of a tokenizer.json this module
    mirrors, else None."""
    try:
        model = data["model"]
        if (model.get("type") != "Unigram" or model.get("byte_fallback") or model.get("unk_id") is None
                or data.get("normalizer") is not None or data.get("pre_tokenizer") != _PRE_TOKENIZER):
            return None
        post = data["post_processor"]
        if post.get("type") != "TemplateProcessing" or [list(p) for p in post["single"]] != \
                [["SpecialToken"], ["Sequence"], ["SpecialToken"]] or post["single"][1]["Sequence"]["id"] != "A":
            return None
        special = post["special_tokens"]
        bos = special[post["single"][0]["SpecialToken"]["id"]]["ids"]
        eos = special[post["single"][2]["SpecialToken"]["id"]]["ids"]
        if len(bos) != 1 or len(eos) != 1:
            return None
        pieces = [p for p, _ in model["vocab"]]
        scores = [float(s) for _, s in model["vocab"]]
        if not pieces or not 0 <= model["unk_id"] < len(pieces):
            return None
        added = [t["content"] for t in data.get("added_tokens") or []]
        return pieces, scores, int(model["unk_id"]), int(bos[0]), int(eos[0]), added
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return None


def _tables(fields) -> tuple:
    """The constructor's arguments (but ``max_length``) from ``_fields``."""
    pieces, scores, unk_id, bos_id, eos_id, added = fields
    encoded = [p.encode("utf-8") for p in pieces]
    last = {p: i for i, p in enumerate(encoded)}  # a repeated piece keeps its last id
    ids = np.fromiter(last.values(), np.int64, len(last))
    hashes = np.fromiter((zlib.crc32(p) for p in last), np.uint32, len(last))
    sort = np.argsort(hashes, kind="stable")
    offsets = np.zeros(len(encoded) + 1, np.int64)
    np.cumsum([len(p) for p in encoded], out=offsets[1:])
    return (hashes[sort], ids[sort], offsets, np.asarray(scores, np.float64), b"".join(encoded), unk_id,
            bos_id, eos_id, added, max(len(p) for p in pieces))


_ARRAYS = (("hashes", "<u4"), ("order", "<i8"), ("offsets", "<i8"), ("scores", "<f8"))


def _read_cache(path: Path, stamp: dict):
    try:
        with open(path, "rb") as fh:
            if fh.readline() != MAGIC:
                return None
            head = json.loads(fh.readline())
            if head.get("format") != FORMAT or head.get("source") != stamp:
                return None
            body = fh.read()
        arrays, pos = [], 0
        if sys.byteorder != "little":  # pragma: no cover - the arrays are stored little-endian
            return None
        for (name, dtype), count in zip(_ARRAYS, head["counts"]):
            size = np.dtype(dtype).itemsize * count
            if pos + size > len(body):
                return None
            arrays.append(np.frombuffer(body, dtype, count, pos))
            pos += size
        blob = body[pos:]
        hashes, order, offsets, scores = arrays
        if len(offsets) != len(scores) + 1 or offsets[-1] != len(blob) or len(order) != len(hashes):
            return None
        return (hashes, order, offsets, scores, blob, head["unk_id"], head["bos_id"], head["eos_id"],
                head["added"], head["max_piece"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_cache(path: Path, stamp: dict, loaded: tuple) -> None:
    """Write atomically (temp file + rename); a read-only folder just means no cache."""
    hashes, order, offsets, scores, blob, unk_id, bos_id, eos_id, added, max_piece = loaded
    arrays = (hashes, order, offsets, scores)
    head = {"format": FORMAT, "source": stamp, "counts": [len(a) for a in arrays], "unk_id": unk_id,
            "bos_id": bos_id, "eos_id": eos_id, "added": added, "max_piece": max_piece}
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(MAGIC)
            fh.write(json.dumps(head, ensure_ascii=False).encode("utf-8") + b"\n")
            for (_, dtype), values in zip(_ARRAYS, arrays):
                fh.write(np.ascontiguousarray(values, dtype).tobytes())
            fh.write(blob)
        os.replace(tmp, path)
    except OSError as exc:
        log.info("query tokenizer cache not written (%s)", exc)
        try:
            tmp.unlink()
        except OSError:
            pass
