"""Text -> index terms. Two fields:

- ``words``: underthesea word segmentation, lower-cased after segmentation, compounds joined with
  "_" ("tỷ_lệ", "che_phủ") plus their syllables, so a segmentation slip still matches;
- ``folded``: diacritics removed (đ -> d) syllables and syllable bigrams, so "ty le che phu rung"
  finds "tỷ lệ che phủ rừng" and the bigrams keep "ty_le" apart from other "ty"/"le".
Pure functions; the segmenter is loaded lazily, and without most of underthesea (``_light_segmenter``).
"""

from __future__ import annotations

import logging
import sys
import threading
from functools import lru_cache

from indexer.text import fold, syllables

log = logging.getLogger(__name__)


# underthesea's __init__ imports every optional pipeline it ships; "translate" imports transformers
# and with it torch. We use only word_tokenize: with these stubbed during the import, loading the
# segmenter took 12.8 s and 118 MB instead of 77 s and 337 MB (busy 2-core machine), and a server
# on the ONNX encoder never loads torch. The stubs leave sys.modules right after the import, so an
# explicit import of one of these pipelines still gets the real module.
_UNUSED_PIPELINES = {
    "underthesea.pipeline.classification": "classify",
    "underthesea.pipeline.sentiment": "sentiment",
    "underthesea.pipeline.lang_detect": "lang_detect",
    "underthesea.pipeline.dependency_parse": "dependency_parse",
    "underthesea.pipeline.translate": "translate",
    "underthesea.agent": "agent",
    "underthesea.address": "convert_address",
}
_segmenter_lock = threading.Lock()
_word_tokenize = None


def _segmenter():
    """underthesea's ``word_tokenize``, loaded once per process (thread-safe)."""
    global _word_tokenize
    if _word_tokenize is None:
        with _segmenter_lock:
            if _word_tokenize is None:
                tokenize = None
                if "underthesea" not in sys.modules:
                    try:
                        tokenize = _light_segmenter()
                    except Exception as exc:  # another underthesea layout: the whole package
                        log.info("light segmenter load failed (%s: %s); importing underthesea",
                                 exc.__class__.__name__, exc)
                _word_tokenize = tokenize or _full_segmenter()
    return _word_tokenize


def _full_segmenter():
    import types

    stubbed = []
    if "underthesea" not in sys.modules:
        for module, name in _UNUSED_PIPELINES.items():
            if module not in sys.modules:
                stub = types.ModuleType(module)
                setattr(stub, name, None)  # what underthesea sets when the import fails
                sys.modules[module] = stub
                stubbed.append(module)
    try:
        from underthesea import word_tokenize
    finally:
        for module in stubbed:
            sys.modules.pop(module, None)
    return word_tokenize


class _CRFTagger:
    """underthesea's ``FastCRFSequenceTagger.predict`` on a model loaded without joblib."""

    def __init__(self, featurizer, estimator):
        self.featurizer = featurizer
        self.estimator = estimator

    def predict(self, tokens):
        return self.estimator.tag(self.featurizer.process([tokens])[0])


def _light_segmenter():
    """The same ``word_tokenize`` (the same module, the same CRF model and dictionary) in about a
    fifth of the time: the package's ``__init__`` (every pipeline: chunking, NER, POS models…) is not
    run, and its pickles are read by the C unpickler instead of joblib's pure-Python one (joblib's
    import alone costs 0.15-0.3 s). ``word_tokenize`` needs only ``pipeline.text_normalize`` (whose
    rules module is provided ready-made) and the CRF tagger (provided ready-made); these modules are
    loaded under a placeholder package and taken out of ``sys.modules`` again. Any other layout
    of the package raises, and the caller imports underthesea as a whole. tests/index/
    test_light_segmenter.py checks that both give the same words."""
    import importlib
    import importlib.util
    import pickle
    import re
    import types
    from pathlib import Path

    spec = importlib.util.find_spec("underthesea")
    root = Path(spec.origin).parent
    rules = re.search(r'^rule_file = "([\w.]+)"$',
                      (root / "pipeline" / "text_normalize" / "text_normalizer.py").read_text(), re.M)
    model = re.search(r'join\(wd, "models", "(\w+)"\)',
                      (root / "pipeline" / "word_tokenize" / "__init__.py").read_text())
    if not rules or not model:
        raise RuntimeError("unknown underthesea layout")
    with open(root / "pipeline" / "text_normalize" / rules.group(1), "rb") as fh:
        data = pickle.load(fh)
    model_dir = root / "pipeline" / "word_tokenize" / "models" / model.group(1)
    with open(model_dir / "features.bin", "rb") as fh:
        features = pickle.load(fh)
    with open(model_dir / "dictionary.bin", "rb") as fh:
        dictionary = pickle.load(fh)
    from underthesea_core import CRFFeaturizer, CRFTagger

    estimator = CRFTagger()
    estimator.load(str(model_dir / "models.bin"))
    tagger = _CRFTagger(CRFFeaturizer(features, dictionary), estimator)

    name = "underthesea.pipeline.text_normalize.text_normalizer"
    rules_module = types.ModuleType(name)
    rules_module.__file__ = str(root / "pipeline" / "text_normalize" / "text_normalizer.py")
    rules_module.rule_file = rules.group(1)
    rules_module.character_map = data["character"]
    rules_module.token_map = data["token"]
    package = types.ModuleType("underthesea")
    package.__path__ = [str(root)]
    before = set(sys.modules)
    sys.modules["underthesea"] = package
    sys.modules[name] = rules_module
    try:
        importlib.import_module("underthesea.pipeline.text_normalize")  # before word_tokenize (a cycle)
        module = importlib.import_module("underthesea.pipeline.word_tokenize")
        module.word_tokenize_model = tagger
        return module.word_tokenize
    finally:
        # The modules stay private to this function (its globals hold them): a later `import
        # underthesea` anywhere gets the real package, complete, as if this never ran.
        for added in set(sys.modules) - before:
            if added == "underthesea" or added.startswith("underthesea."):
                del sys.modules[added]


SHORT_TEXT = 400  # characters: a query, a heading line; remembered by ``segmented``


@lru_cache(maxsize=4096)
def segmented(text: str) -> tuple[str, ...] | None:
    """underthesea's words of a short text (a query), remembered: the search's lexical leg and the
    highlights of its results both need the query's words, and the CRF costs ~1 ms a call. None
    when the segmenter fails (callers fall back to syllables)."""
    try:
        return tuple(_segmenter()(text))
    except Exception:
        return None


def segment(text: str) -> list[str]:
    """Word tokens: compounds joined by "_" and followed by their syllables; punctuation dropped."""
    if not text.strip():
        return []
    words = segmented(text) if len(text) <= SHORT_TEXT else None
    if words is None:
        try:
            words = _segmenter()(text)
        except Exception:  # the segmenter must never take indexing down: fall back to syllables
            words = syllables(text)
    out: list[str] = []
    for word in words:
        parts = syllables(word)
        if not parts:
            continue
        if len(parts) > 1:
            out.append("_".join(parts))
        out.extend(parts)
    return out


def folded_terms(text: str) -> list[str]:
    """Diacritic-free syllables plus adjacent-syllable bigrams."""
    sy = syllables(fold(text))
    return sy + [f"{a}_{b}" for a, b in zip(sy, sy[1:])]


@lru_cache(maxsize=8192)
def _segment_cached(text: str) -> tuple[str, ...]:
    return tuple(segment(text))


def word_terms(text: str) -> list[str]:
    """Terms of an indexed text. Its first line (title and heading path, repeated for every passage
    of a section) is segmented once and cached."""
    head, sep, body = text.partition("\n")
    if not sep:
        return segment(text)
    return list(_segment_cached(head)) + segment(body)
