"""The query tokenizer (indexer/embed/query_tokenizer.py) gives the ``tokenizers`` library's ids.

Fast tests build small Unigram tokenizers with the export's pipeline (ties, unknown characters,
truncation, special tokens) and check the cache; the slow one compares the real export's
``tokenizer.json`` on every corpus line, the dev questions and random Unicode."""

from __future__ import annotations

import json
import random
import shutil

import pytest

from indexer.embed.query_tokenizer import CACHE, UnigramQueryTokenizer
from tests.conftest import CORPUS, SHARED

tokenizers = pytest.importorskip("tokenizers")

MARK = "\u2581"
TRICKY = ["", " ", "  a  b ", "query: ", "abcdacdxx", "xx yy zz", "ab\u00a0cd\u2003ef\u200bgh\u001cij",
          "\t\n\r\x0b\x0c\x85x\u3000y", "<s>", "a<s>b", "<mask> x", MARK, f"x{MARK}y", "😀🇻🇳é\u0301",
          "tỷ lệ che phủ rừng", "TỶ LỆ", "a" * 700, "ab " * 400]


def _library(vocab: list[tuple[str, float]], special=("<s>", "<pad>", "</s>", "<unk>")):
    """A tokenizer with the export's pipeline: WhitespaceSplit + Metaspace, Unigram, <s> A </s>."""
    from tokenizers import Tokenizer, pre_tokenizers, processors
    from tokenizers.models import Unigram

    pieces = [(s, 0.0) for s in special] + vocab + [("<mask>", 0.0)]
    tok = Tokenizer(Unigram(pieces, unk_id=3, byte_fallback=False))
    tok.pre_tokenizer = pre_tokenizers.Sequence([pre_tokenizers.WhitespaceSplit(),
                                                 pre_tokenizers.Metaspace(replacement=MARK,
                                                                          prepend_scheme="always")])
    tok.post_processor = processors.TemplateProcessing(single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>",
                                                       special_tokens=[("<s>", 0), ("</s>", 2)])
    tok.add_special_tokens(["<s>", "<pad>", "</s>", "<unk>", "<mask>"])
    return tok


def _save(tok, folder, max_length: int = 512):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tokenizer.json").write_text(tok.to_str())
    tok.enable_truncation(max_length=max_length)
    return folder


def _agree(lib, fast: UnigramQueryTokenizer, texts: list[str]) -> int:
    """Texts the fast path handled; every one has the library's ids."""
    handled = 0
    for text in texts:
        ids = fast.encode(text)
        if ids is None:
            continue
        handled += 1
        assert ids == lib.encode(text).ids, text
    return handled


def test_small_vocabularies_agree_with_the_library(tmp_path):
    rnd = random.Random(7)
    letters = "abcdxy" + MARK
    for n in range(6):
        # scores with many ties, pieces up to 4 characters, some letters only reachable as <unk>
        vocab = {}
        for _ in range(40):
            piece = "".join(rnd.choice(letters) for _ in range(rnd.randint(1, 4)))
            vocab[piece] = rnd.choice([-1.0, -2.0, -2.5, -3.0, rnd.uniform(-9, -1)])
        vocab.pop("x", None)
        lib = _library(sorted(vocab.items()))
        folder = _save(lib, tmp_path / f"t{n}", max_length=16)
        fast = UnigramQueryTokenizer.load(folder, "tokenizer.json", 16)
        assert fast is not None
        texts = TRICKY + ["".join(rnd.choice("abcdxy é") for _ in range(rnd.randint(0, 30)))
                          for _ in range(400)]
        assert _agree(lib, fast, texts) > 380


def test_texts_with_special_tokens_or_metaspace_go_to_the_library(tmp_path):
    lib = _library([("a", -1.0), (MARK + "a", -0.5)])
    fast = UnigramQueryTokenizer.load(_save(lib, tmp_path / "t"), "tokenizer.json", 512)
    for text in ("<s>", "a </s> a", "<mask>", f"a{MARK}", "\ud800"):
        assert fast.encode(text) is None
    assert fast.encode("a a") == lib.encode("a a").ids


def test_cache_is_written_reused_and_rebuilt_when_the_tokenizer_changes(tmp_path, monkeypatch):
    from indexer.embed import query_tokenizer as qt

    lib = _library([("a", -1.0), ("b", -1.0), (MARK + "ab", -0.5)])
    folder = _save(lib, tmp_path / "t")
    assert UnigramQueryTokenizer.load(folder, "tokenizer.json", 512) is not None
    assert (folder / CACHE).exists() and not list(folder.glob("*.tmp"))
    # the cache alone serves the next process: tokenizer.json is not parsed again
    monkeypatch.setattr(qt, "_fields", lambda data: pytest.fail("tokenizer.json parsed again"))
    assert UnigramQueryTokenizer.load(folder, "tokenizer.json", 512).encode("ab") == lib.encode("ab").ids
    monkeypatch.undo()
    # another tokenizer.json (new export): the cache is stale and rebuilt
    lib2 = _library([("a", -1.0), ("b", -1.0), (MARK + "a", -0.1)])
    _save(lib2, folder)
    fast = UnigramQueryTokenizer.load(folder, "tokenizer.json", 512)
    assert fast.encode("ab") == lib2.encode("ab").ids != lib.encode("ab").ids
    # a damaged cache is not trusted
    (folder / CACHE).write_bytes((folder / CACHE).read_bytes()[:100])
    assert UnigramQueryTokenizer.load(folder, "tokenizer.json", 512).encode("ab") == lib2.encode("ab").ids


def test_read_only_folder_and_other_pipelines(tmp_path, monkeypatch):
    lib = _library([("a", -1.0)])
    folder = _save(lib, tmp_path / "t")
    monkeypatch.setattr("os.replace", lambda *a: (_ for _ in ()).throw(PermissionError("read-only")))
    fast = UnigramQueryTokenizer.load(folder, "tokenizer.json", 512)
    assert fast.encode("a a") == lib.encode("a a").ids  # built in memory, nothing left behind
    assert not (folder / CACHE).exists() and not list(folder.glob("*.tmp"))
    monkeypatch.undo()
    data = json.loads((folder / "tokenizer.json").read_text())
    data["normalizer"] = {"type": "NFKC"}  # not the pipeline this module mirrors
    (folder / "tokenizer.json").write_text(json.dumps(data))
    assert UnigramQueryTokenizer.load(folder, "tokenizer.json", 512) is None


def _real_tokenizer_json():
    from indexer.embed.onnx_export import TOKENIZER, export_folder
    from indexer.settings import Settings

    path = export_folder(Settings()) / TOKENIZER
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make install` (nghiquyet model export-onnx)")
    return path


@pytest.mark.slow
def test_real_export_tokenizer_agrees_on_the_corpus(tmp_path):
    """Every corpus line, each plan whole (truncation), the dev questions and random Unicode."""
    from tokenizers import Tokenizer

    folder = tmp_path / "export"
    folder.mkdir()
    shutil.copy(_real_tokenizer_json(), folder / "tokenizer.json")  # the cache is written here
    lib = Tokenizer.from_file(str(folder / "tokenizer.json"))
    lib.enable_truncation(max_length=512)
    fast = UnigramQueryTokenizer.load(folder, "tokenizer.json", 512)
    assert fast is not None
    texts = []
    for path in sorted(CORPUS.glob("*.txt")):
        body = path.read_text()
        texts += [line for line in body.splitlines() if line.strip()] + [body]
    for name in ("questions.dev.jsonl", "alqac.dev.jsonl"):
        path = SHARED / "eval" / name
        if path.exists():
            texts += ["query: " + json.loads(line)["question"] for line in path.read_text().splitlines()
                      if line.strip()]
    rnd = random.Random(1)
    alphabet = ("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậ 日本語中文한국어ελληνικάкириллица\t\u00a0"
                "\u2003\u200b\u3000😀🇻🇳👍🏽é\u0301-_.,;:!?\"'()[]{}/\\|@#$%^&*~`+=0123456789")
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40))) for _ in range(3000)]
    assert _agree(lib, fast, texts + TRICKY) > len(texts)
