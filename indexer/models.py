"""Typed shapes of everything the service returns: the API declares them as response models (so
``/docs`` shows every shape), the CLI prints them as JSON, the pages render them.

``Record`` also answers ``record["field"]`` and ``record.get("field")``: templates and the answer,
compare and brief code read documents and items as mappings, and extracted items carry fields that
depend on their kind (``extra="allow"``)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    model_config = ConfigDict(extra="allow")

    def __getitem__(self, key: str) -> Any:
        try:
            return getattr(self, key)
        except AttributeError:
            raise KeyError(key) from None

    def __setitem__(self, key: str, value: Any) -> None:
        setattr(self, key, value)

    def __contains__(self, key: str) -> bool:
        return key in self.model_fields_set or key in type(self).model_fields or \
            key in (self.model_extra or {})

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key, default)

    def to_dict(self) -> dict:
        return self.model_dump()


class ImplementsRef(Record):
    """A "thực hiện …" reference of a document, resolved to an indexed document when one matches."""

    type: str = ""
    number: str = ""
    date: str = ""
    issuer: str = ""
    text: str = ""
    doc_id: str | None = Field(None, description="The indexed document it names, if any")


class DocumentInfo(Record):
    id: str
    title: str = ""
    number: str = ""
    type: str = ""
    issuer: str = ""
    place: str = ""
    date: str = Field("", description="ISO date yyyy-mm-dd when known")
    source: str = ""
    file_name: str = Field("", description="The file name the document came from")
    passages: int = 0
    indexed_at: str | None = None
    implements: list[ImplementsRef] = []
    superior: str = Field("", description="The superior body named above the issuer in the header")
    marks: list[str] = Field([], description="Header marks such as MẬT or lưu hành nội bộ")
    content_hash: str = Field("", description="sha256 of the original file (its download key)")
    visibility: str = Field("public", description="public (anyone) or internal (signed-in users only)")


class DocumentList(Record):
    documents: list[DocumentInfo]


class OutlineEntry(Record):
    text: str
    level: int
    start: int
    end: int
    kind: str
    marker: str | None = None


class BlockInfo(Record):
    idx: int
    start: int
    end: int
    kind: str
    marker: str | None = None
    level: int = 0
    parents: list[int] = []


class PassageInfo(Record):
    ordinal: int
    start: int
    end: int
    kind: str
    section_path: list[str] = []
    page: int | None = None


class DocumentDetail(DocumentInfo):
    text: str = Field(..., description="The stored text; every offset points into it")
    outline: list[OutlineEntry] = []
    blocks: list[BlockInfo] = []
    passage_list: list[PassageInfo] = Field([], description="Offsets of every passage (anchors p-N)")
    page_starts: list[int] | None = Field(None, description="Offset where each page starts (PDF, scans)")


class SearchResult(Record):
    text: str = Field(..., description="The verbatim passage: document.text[start:end]")
    doc_id: str
    doc_title: str
    doc_number: str = ""
    doc_type: str = ""
    doc_issuer: str = ""
    doc_date: str = ""
    section_path: str = Field("", description="Headings above the passage, joined by ' › '")
    section_path_parts: list[str] = []
    passage: int = Field(0, description="Ordinal of the passage in its document (anchor p-N)")
    page: int | None = None
    start: int
    end: int
    score: float
    ranks: dict[str, int | None] = Field({}, description="Rank in each retrieval leg before fusion")
    highlights: list[list[int]] = Field([], description="[start, end] of query words inside text")


class SearchResponse(Record):
    query: str
    took_ms: float
    language: str = Field(..., description="vi, vi-noaccent or en")
    interpreted: str = Field("", description="The query with diacritics restored (else the query)")
    translated: str = Field("", description="Vietnamese terms searched for an English query")
    results: list[SearchResult] = []


class Item(Record):
    """An extracted responsibility, target or deadline: ``text[start:end] == quote``."""

    kind: str = Field(..., description="responsibility, target or deadline")
    doc_id: str
    ordinal: int = 0
    start: int
    end: int
    quote: str
    section_path: list[str] = []
    doc_title: str = ""


class ItemList(Record):
    doc_id: str
    kind: str
    items: list[Item]


class Citation(Record):
    text: str
    doc_id: str
    doc_title: str = ""
    section_path: list[str] = []
    start: int
    end: int


class AskResponse(Record):
    question: str
    kind: str = Field(..., description="who, target, when, tasks or general")
    interpreted: str = ""
    answer: str | None = Field(None, description="Words of the documents, or null when unsupported")
    message: str | None = None
    items: list[Item] = []
    citations: list[Citation] = []
    role: str | None = Field(None, description="The role asked for / answered (chủ trì, phối hợp, …)")
    support: dict | None = Field(None, description="Why this answer: the question's words found in "
                                 "the item (matched per field: item, section, document), those missing, "
                                 "coverage, 'says' (the stretch of the quote that says it) and, when the "
                                 "model vouched for words the text cannot show (English words no glossary "
                                 "entry covers), 'semantic': those words, the credit and the similarity; 'gate': "
                                 "'top_passage' when the item passed the lower gate kept for the passage the "
                                 "search ranks first, 'closest' when a when or target item passed the lowest "
                                 "one, kept for the sentence of that passage the model finds closest (or a "
                                 "who-answer read there, 'closest_actor', that the model vouched for: words "
                                 "or its action said otherwise); 'read': 'in_place' when the answer was read where the "
                                 "question word stands in a retrieved sentence (no extracted item answered), "
                                 "'typed' when an English question's length of time was read in the sentence "
                                 "the model finds closest, 'count' when the answer is how many numbered items "
                                 "a heading of the plan lists (cited by the heading and its last item)")


class UnitSummary(Record):
    name: str
    key: str
    items: int
    documents: list[str]
    written: list[str]


class UnitList(Record):
    units: list[UnitSummary]


class UnitDocument(Record):
    doc_id: str
    doc_title: str = ""
    responsibilities: list[Item] = []
    deadlines: list[Item] = []


class UnitDetail(Record):
    unit: str
    documents: list[UnitDocument]


class FileReport(Record):
    source: str
    name: str = ""
    status: str = Field(..., description="added, updated, unchanged, removed or failed")
    doc_id: str = ""
    passages: int = 0
    reason: str = ""
    code: str = ""
    message_vi: str = ""


class IndexReportModel(Record):
    summary: dict[str, int]
    generation: str | None = None
    embedded: int = 0
    reused: int = 0
    files: list[FileReport] = []


class Health(Record):
    status: str = Field(..., description="ok, starting or no_index")
    ready: bool = Field(False, description="True once the index, model and answer paths are warm")
    engine: str = ""
    generation: str | None = None
    documents: int | None = None
    passages: int | None = None
    model: str | None = None
    created: str | None = None
    detail: str | None = None


class CompareResult(Record):
    """A parent document's items with their status in the child (see indexer.compare)."""

    parent: dict
    child: dict
    summary: dict[str, int]
    items: list[dict]
    additions: list[dict] = []


class Brief(Record):
    """A study brief (see indexer.brief)."""


class VisibilityChange(BaseModel):
    """Body of ``PUT /api/documents/{id}/visibility``."""

    visibility: str = Field(..., pattern="^(public|internal)$", description="public or internal")


class AuditEntry(Record):
    id: int
    at: str = Field(..., description="UTC time, ISO 8601")
    actor: str = Field(..., description="user name, @admin-token, cli, or ? for an unknown token")
    action: str = Field(..., description="upload, index, delete, visibility, sign_in, sign_out, "
                                         "user_add, user_remove, user_reset, user_role, denied, …")
    target: str = ""
    ok: bool = True
    ip: str = ""
    detail: dict = {}


class AuditList(Record):
    entries: list[AuditEntry]


class Me(Record):
    name: str | None = Field(None, description="null when anonymous")
    role: str | None = Field(None, description="reader, editor, admin, or null when anonymous")


class CoverageDoc(Record):
    id: str
    title: str = ""
    type: str = ""
    number: str = ""
    issuer: str = ""


class CoverageChild(CoverageDoc):
    """One implementing plan: its count per status over the parent's items."""

    linked: bool = Field(False, description="Found by its own 'thực hiện …' reference (else picked by hand)")
    covered: int = 0
    partial: int = 0
    missing: int = 0
    weaker: int = 0
    stricter: int = 0
    changed: int = 0
    later: int = 0
    earlier: int = 0
    total: int = 0
    gaps: int = Field(0, description="missing + partial + weaker + changed + later")
    coverage: float = Field(0.0, description="Share of parent items covered, stricter or earlier")
    additions: int = 0
    error: str = ""


class CoverageTask(Record):
    """A parent item (task, target, deadline, responsibility) and its status in every child."""

    kind: str
    text: str
    section_path: list[str] = []
    start: int
    end: int
    passage: int | None = None
    status: dict[str, str] = Field({}, description="child id -> covered|partial|missing|weaker|stricter|"
                                   "changed|later|earlier")
    notes: dict[str, str] = {}
    child: dict[str, dict | None] = Field({}, description="child id -> the child's citation "
                                          "{text, section_path, start, end, passage} or null")
    score: dict[str, float] = {}
    values: dict[str, dict] = {}
    missing_in: int = 0
    gaps_in: int = 0
    of: int = 0


class CoverageResult(Record):
    parent: CoverageDoc
    children: list[CoverageChild]
    tasks: list[CoverageTask]
    linked: list[str] = []
    statuses: list[str] = []
    gaps: list[str] = []


class TreeNode(Record):
    id: str
    title: str = ""
    type: str = ""
    number: str = ""
    issuer: str = ""
    coverage: float | None = None
    children: list["TreeNode"] = []
