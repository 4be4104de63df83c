"""Latency of the language server: open, typing and "fix all", up to a 10 MB document.

A real LSP client (pygls) starts `copylint lsp` over stdio and opens a document of ``--size`` bytes:
``book``, Markdown from ../shared/corpus/rust-book (repeated past its 1.5 MB), or ``dump``, plain text
in paragraphs with a doubled space in one sentence of 40 (the 10 MB document of issue 20). It then
types: each change inserts or deletes one character in a paragraph in the middle of the file, as a
person typing does (pausing between keystrokes longer than the debounce, so every change is linted
and measured on its own). The clock runs from sending didChange to receiving the publishDiagnostics
of that version. With ``--fix-all`` it then asks for "Fix all safe problems" (codeAction, then
resolve), applies the edits with its own position arithmetic and compares the result with
`copylint check --fix` on a copy of the file. Printed: wall times, the server's CPU time for open
and fix all (wall time on a loaded machine counts others' work too), and the in-process lint time of
the same text (parse + check + filter), so the transport overhead can be read off. Usage:

    python bench/lsp.py [--document book|dump] [--size 100000] [--changes 40] [--fix-all]
                        [--debounce MS] [--select W,E]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import statistics
import subprocess
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
    while total < size:  # the book again after its end, for sizes past its 1.5 MB
        for p in chapters:
            text = p.read_text(encoding="utf-8")
            parts.append(text)
            total += len(text.encode("utf-8"))
            if total >= size:
                break
    text = "\n".join(parts)
    return text.encode("utf-8")[:size].decode("utf-8", "ignore").rsplit("\n", 1)[0] + "\n"


def dump_text(size: int) -> str:
    sys.path.insert(0, str(ROOT / "bench"))
    from hostile_repros import paragraphs

    return str(paragraphs(size))


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


_BREAK = re.compile(r"\r\n|\r|\n")


def applied(text: str, edits: list[types.TextEdit]) -> str:
    """The text with a WorkspaceEdit's edits applied, positions counted in UTF-16 as the client's own
    arithmetic (independent of the server's), in one pass over the text."""
    starts = [0, *(m.end() for m in _BREAK.finditer(text))]

    def offset(pos: types.Position) -> int:
        start = starts[pos.line]
        line = text[start : starts[pos.line + 1] if pos.line + 1 < len(starts) else len(text)]
        units = line.encode("utf-16-le", "surrogatepass")[: 2 * pos.character]
        return start + len(units.decode("utf-16-le"))

    spans = sorted((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits)
    out, at = [], 0
    for start, end, new in spans:
        assert start >= at, "overlapping edits"
        out += [text[at:start], new]
        at = end
    out.append(text[at:])
    return "".join(out)


def cli_fix(text: str, folder: Path, name: str) -> tuple[str, float]:
    """What `copylint check --fix` makes of the text as a file, and its CPU time (children included)."""
    path = folder / f"cli-{name}"
    path.write_bytes(text.encode("utf-8"))
    before = os.times()
    subprocess.run([sys.executable, "-m", "lint", "check", "--fix", "--no-cache", path.name], cwd=folder,
                   capture_output=True, check=False)
    after = os.times()
    return path.read_bytes().decode("utf-8"), (after.children_user - before.children_user
                                                + after.children_system - before.children_system)


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
    linter.findings(Source(path, text[:20_000]), config)  # the rules imported and prepared
    times = []
    for _ in range(repeat):
        start = time.process_time()
        linter.findings(Source(path, text), config)
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000 if times else float("nan")


async def run(args: argparse.Namespace) -> None:
    text = markdown_text(args.size) if args.document == "book" else dump_text(args.size)
    name, language = ("book.md", "markdown") if args.document == "book" else ("dump.txt", "plaintext")
    folder = Path(tempfile.mkdtemp(prefix="copylint-lsp-bench-"))
    try:
        await measure(args, text, folder, name, language)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


async def measure(args: argparse.Namespace, text: str, folder: Path, name: str, language: str) -> None:
    (folder / ".git").mkdir()
    path = folder / name
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
        return await asyncio.wait_for(fut, args.timeout)

    await client.start_io(sys.executable, "-m", "lint", "lsp")
    assert client._server is not None
    server_pid = client._server.pid
    options: dict[str, Any] = {}
    if args.debounce is not None:
        options["debounce"] = args.debounce
    if args.select:
        options["select"] = args.select.split(",")
    capabilities = types.ClientCapabilities(text_document=types.TextDocumentClientCapabilities(
        code_action=types.CodeActionClientCapabilities(
            resolve_support=types.ClientCodeActionResolveOptions(properties=["edit"])),
    ))
    await client.initialize_async(types.InitializeParams(
        capabilities=capabilities, root_uri=folder.as_uri(), initialization_options=options,
    ))
    client.initialized(types.InitializedParams())
    cpu = cpu_seconds(server_pid)
    opened = time.perf_counter()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    open_ms = (await diagnostics_for(1) - opened) * 1000
    open_cpu = cpu_seconds(server_pid) - cpu

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

    fix_all: tuple[float, float, int, bool, float] | None = None
    if args.fix_all:
        # After an even number of changes the text is the one opened.
        assert args.changes % 2 == 0, "--fix-all wants an even --changes (the text as opened)"
        cpu = cpu_seconds(server_pid)
        asked = time.perf_counter()
        actions = await asyncio.wait_for(client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=types.Range(types.Position(0, 0), types.Position(0, 0)),
            context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll]),
        )), args.timeout)
        (action,) = actions or []
        assert isinstance(action, types.CodeAction)
        if action.edit is None:
            action = await asyncio.wait_for(client.code_action_resolve_async(action), args.timeout)
        fix_s = time.perf_counter() - asked
        fix_cpu = cpu_seconds(server_pid) - cpu
        assert action.edit is not None and action.edit.changes is not None
        edits = list(action.edit.changes[uri])
        expected, cli_cpu = cli_fix(text, folder, name)
        fix_all = (fix_s, fix_cpu, len(edits), applied(text, edits) == expected, cli_cpu)

    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()

    lint_ms = in_process_ms(text, str(path), args.select.split(",") if args.select else None, args.repeat)
    latencies.sort()
    p90 = latencies[max(int(len(latencies) * 0.9) - 1, 0)] if latencies else 0.0
    size_kb = len(text.encode("utf-8")) / 1000
    print(f"document: {size_kb:.0f} KB {language}, {text.count(chr(10))} lines; rules: {args.select or 'default'}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"debounce: {args.debounce if args.debounce is not None else 'server default'} ms")
    print(f"open -> diagnostics: {open_ms:.1f} ms (server CPU {open_cpu:.1f} s)")
    if latencies:
        print(f"change -> diagnostics over {len(latencies)} changes: median {statistics.median(latencies):.1f} ms, "
              f"p90 {p90:.1f} ms, max {latencies[-1]:.1f} ms")
    if fix_all is not None:
        fix_s, fix_cpu, n_edits, same, cli_cpu = fix_all
        print(f"fix all: {fix_s:.1f} s (server CPU {fix_cpu:.1f} s), {n_edits} edits; the same text as "
              f"`copylint check --fix` (CPU {cli_cpu:.1f} s): {'yes' if same else 'NO'}")
    print(f"in-process lint of the same text: {lint_ms:.1f} ms CPU (median of {args.repeat})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--document", choices=("book", "dump"), default="book",
                    help="book: rust-book Markdown; dump: plain-text paragraphs (issue 20's 10 MB document)")
    ap.add_argument("--size", type=int, default=100_000, help="document size in bytes")
    ap.add_argument("--changes", type=int, default=40)
    ap.add_argument("--fix-all", action="store_true", help="ask for fix all and compare with check --fix")
    ap.add_argument("--timeout", type=float, default=120, help="seconds to wait for one reply")
    ap.add_argument("--repeat", type=int, default=5, help="in-process lints (median)")
    ap.add_argument("--pause", type=float, default=150, help="ms between keystrokes")
    ap.add_argument("--debounce", type=float, default=None, help="ms (default: the server's)")
    ap.add_argument("--select", default=None)
    asyncio.run(run(ap.parse_args()))


if __name__ == "__main__":
    main()
