"""Latency of the language server: from a change to its diagnostics, for a 100 KB Markdown file.

A real LSP client (pygls) starts `copylint lsp` over stdio, opens a Markdown document of about
100 KB built from ../shared/corpus/rust-book, then types: each change inserts or deletes one
character in a paragraph in the middle of the file, as a person typing does (pausing between
keystrokes longer than the debounce, so every change is linted and measured on its own). The clock
runs from sending didChange to receiving the publishDiagnostics of that version. Also printed: the
in-process lint time of the same text (parse + check + filter), so the debounce and transport
overhead can be read off. Usage:

    python bench/lsp.py [--size 100000] [--changes 40] [--debounce MS] [--select W,E]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT.parent / "shared" / "corpus" / "rust-book"


def markdown_text(size: int) -> str:
    chapters = sorted(p for p in BOOK.rglob("*.md") if p.is_file())
    parts: list[str] = []
    total = 0
    for p in chapters:
        text = p.read_text(encoding="utf-8")
        parts.append(text)
        total += len(text.encode("utf-8"))
        if total >= size:
            break
    text = "\n".join(parts)
    return text.encode("utf-8")[:size].decode("utf-8", "ignore").rsplit("\n", 1)[0] + "\n"


def typing_position(text: str) -> types.Position:
    """A position inside a prose paragraph near the middle of the file."""
    lines = text.split("\n")
    middle = len(lines) // 2
    for i in range(middle, len(lines)):
        line = lines[i]
        if len(line) > 40 and line[0].isalpha():
            return types.Position(i, 20)
    return types.Position(middle, 0)


def in_process_ms(text: str, path: str, select: list[str] | None, repeat: int = 5) -> float:
    from lint.config import Config
    from lint.engine import Linter, Selection
    from lint.model import Source

    linter = Linter(Selection(select=tuple(select) if select else None))
    config = Config()
    linter.findings(Source(path, text), config)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        linter.findings(Source(path, text), config)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


async def run(args: argparse.Namespace) -> None:
    text = markdown_text(args.size)
    folder = Path(tempfile.mkdtemp(prefix="copylint-lsp-bench-"))
    (folder / ".git").mkdir()
    path = folder / "book.md"
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()

    arrived: dict[int, float] = {}
    waiting: dict[int, asyncio.Future[float]] = {}
    client = LanguageClient("copylint-bench", "1")

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        if params.uri == uri and params.version is not None:
            now = time.perf_counter()
            arrived[params.version] = now
            fut = waiting.pop(params.version, None)
            if fut is not None and not fut.done():
                fut.set_result(now)

    async def diagnostics_for(version: int) -> float:
        if version in arrived:
            return arrived[version]
        fut: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        waiting[version] = fut
        return await asyncio.wait_for(fut, 30)

    await client.start_io(sys.executable, "-m", "lint", "lsp")
    options: dict[str, Any] = {}
    if args.debounce is not None:
        options["debounce"] = args.debounce
    if args.select:
        options["select"] = args.select.split(",")
    await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=folder.as_uri(), initialization_options=options,
    ))
    client.initialized(types.InitializedParams())
    opened = time.perf_counter()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
    open_ms = (await diagnostics_for(1) - opened) * 1000

    at = typing_position(text)
    latencies = []
    for n in range(args.changes):
        version = n + 2
        if n % 2 == 0:  # type a character...
            rng, new = types.Range(at, at), "x"
        else:  # ...and delete it
            rng, new = types.Range(at, types.Position(at.line, at.character + 1)), ""
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(range=rng, text=new)],
        ))
        latencies.append((await diagnostics_for(version) - sent) * 1000)
        await asyncio.sleep(args.pause / 1000)

    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()

    lint_ms = in_process_ms(text, str(path), args.select.split(",") if args.select else None)
    latencies.sort()
    p90 = latencies[int(len(latencies) * 0.9) - 1]
    size_kb = len(text.encode("utf-8")) / 1000
    print(f"document: {size_kb:.0f} KB Markdown, {text.count(chr(10))} lines; rules: {args.select or 'default'}")
    print(f"debounce: {args.debounce if args.debounce is not None else 'server default'} ms")
    print(f"open -> diagnostics: {open_ms:.1f} ms")
    print(f"change -> diagnostics over {len(latencies)} changes: median {statistics.median(latencies):.1f} ms, "
          f"p90 {p90:.1f} ms, max {latencies[-1]:.1f} ms")
    print(f"in-process lint of the same text: {lint_ms:.1f} ms (median of 5)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=100_000, help="document size in bytes")
    ap.add_argument("--changes", type=int, default=40)
    ap.add_argument("--pause", type=float, default=150, help="ms between keystrokes")
    ap.add_argument("--debounce", type=float, default=None, help="ms (default: the server's)")
    ap.add_argument("--select", default=None)
    asyncio.run(run(ap.parse_args()))


if __name__ == "__main__":
    main()
