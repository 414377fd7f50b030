"""JSON API: status, search, documents (read side)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response

from indexer.engine.errors import UnknownDocument
from indexer.models import DocumentDetail, DocumentList, Health, SearchResponse
from indexer.search.query import MAX_QUERY_CHARS, QueryError, check_query
from indexer.service import DocFilter

from .deps import ServiceDep, model_json

router = APIRouter()


@router.get("/api/health", tags=["status"], response_model=Health)
def health(service: ServiceDep) -> Health:
    """Index status: engine, generation, document and passage counts, model; ``ready`` once warm."""
    return service.health()


@router.get("/api/search", tags=["search"], response_model=SearchResponse)
def search(service: ServiceDep,
           q: str = Query(..., description="Question or keywords (Vietnamese, English, or without "
                                           "diacritics)", max_length=4 * MAX_QUERY_CHARS),
           k: int = Query(10, ge=1, le=100, description="Number of results"),
           doc: str | None = Query(None, description="Restrict to one document id", max_length=200),
           type: str | None = Query(None, description="Document type, e.g. Kế hoạch", max_length=100),
           issuer: str | None = Query(None, description="Issuing body (substring, no diacritics "
                                                        "needed)", max_length=200),
           year: int | None = Query(None, ge=1900, le=2100, description="Year of the document date"),
           highlights: bool = Query(True, description="Mark the query's words in each passage "
                                                      "(false: empty highlight lists, a faster search)")
           ) -> Response:
    """Hybrid (BM25 + embeddings) search; verbatim passages with offsets, best first."""
    try:
        query = check_query(q)
    except QueryError as exc:
        raise HTTPException(422, str(exc)) from None
    try:
        filters = DocFilter(doc_type=type or None, issuer=issuer or None, year=year)
        return model_json(service.search(query, k=k, doc=doc or None, filters=filters or None,
                                          highlights=highlights))
    except UnknownDocument:
        raise HTTPException(404, f"unknown document id '{doc}'") from None


@router.get("/api/documents", tags=["documents"], response_model=DocumentList)
def documents(service: ServiceDep) -> DocumentList:
    """All indexed documents with their metadata and resolved "implements" links."""
    return DocumentList(documents=service.documents())


@router.get("/api/documents/{doc_id}", tags=["documents"], response_model=DocumentDetail,
            response_model_exclude={"blocks"})
def document(service: ServiceDep, doc_id: str) -> DocumentDetail:
    """One document: metadata, stored text (offsets point into it), outline and passage offsets."""
    doc = service.document(doc_id)
    if doc is None:
        raise HTTPException(404, f"unknown document id '{doc_id}'")
    return doc


@router.get("/api/documents/{doc_id}/original", tags=["documents"], response_class=Response,
            responses={200: {"content": {"application/octet-stream": {}},
                             "description": "The file the document was indexed from"}})
def original(service: ServiceDep, doc_id: str) -> Response:
    """The original file (PDF, DOCX, scan…) as it was indexed; 404 when it was not kept."""
    try:
        found = service.original(doc_id)
    except UnknownDocument:
        raise HTTPException(404, f"unknown document id '{doc_id}'") from None
    if found is None:
        raise HTTPException(404, f"the original file of '{doc_id}' was not kept")
    data, name, media = found
    return Response(data, media_type=media, headers=_disposition(name))


def _disposition(name: str) -> dict:
    """inline (a PDF opens at #page=N in the browser), with an RFC 5987 UTF-8 file name."""
    from urllib.parse import quote

    ascii_name = name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    return {"Content-Disposition": f"inline; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"}
