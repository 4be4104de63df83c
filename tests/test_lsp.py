"""The language server (`copylint lsp`), driven over stdio by pytest-lsp's real client.

Each test starts the real server process (`python -m lint lsp`), initializes it with a real editor's
capabilities (VS Code's, as recorded by pytest-lsp), and checks what an editor would show: the
diagnostics (the same findings, at the same places, as `copylint check --format json`), the quick
fixes and "fix all", how edits update the diagnostics, positions in each negotiated encoding, the
config being re-read, and excluded files staying silent.

The client applies the server's edits with its own position arithmetic (below), independent of the
server's, as an editor would.
"""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import itertools
import json
import os
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from lint.engine import FixPass
from lint.model import Edit, Source
from lint.report import rule_url
from tests.conftest import SEED, needs_seed
from tests.raw_lsp import RawClient

# A server that stops answering fails its test instead of hanging the suite.
pytestmark = pytest.mark.timeout(60)

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "lint", "lsp"])
PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS

WIDE = (
    "東京の記者 😀 reported it.  \n"
    "Smiles 😀😀 and 漢字 around a doubled  space and a trailing one. \n"
    "Kiev said.The 😀 minister spoke , then left\n"
)


# -- an editor's side of the arithmetic ----------------------------------------------------------------------

def _units(text: str, encoding: str) -> int:
    if encoding == "utf-32":
        return len(text)
    codec = "utf-16-le" if encoding == "utf-16" else "utf-8"
    return len(text.encode(codec)) // (2 if encoding == "utf-16" else 1)


def _lines(text: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", text)


def to_offset(text: str, pos: types.Position, encoding: str = "utf-16") -> int:
    lines = _lines(text)
    seps = re.findall(r"\r\n|\r|\n", text)
    offset = sum(len(line) + len(sep) for line, sep in zip(lines[: pos.line], seps[: pos.line], strict=True))
    line = lines[pos.line]
    i = 0
    while i < len(line) and _units(line[: i + 1], encoding) <= pos.character:
        i += 1
    assert _units(line[:i], encoding) == pos.character, "position inside a character"
    return offset + i


def to_position(text: str, offset: int, encoding: str = "utf-16") -> types.Position:
    before = text[:offset]
    line = len(re.findall(r"\r\n|\r|\n", before))
    start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return types.Position(line, _units(before[start:], encoding))


def apply_edits(text: str, edits: list[types.TextEdit], encoding: str = "utf-16") -> str:
    spans = sorted(((to_offset(text, e.range.start, encoding), to_offset(text, e.range.end, encoding), e.new_text)
                    for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def edits_of(action: types.CodeAction, uri: str) -> tuple[list[types.TextEdit], int | None]:
    assert action.edit is not None
    if action.edit.document_changes:
        (change,) = action.edit.document_changes
        assert isinstance(change, types.TextDocumentEdit) and change.text_document.uri == uri
        return list(change.edits), change.text_document.version  # type: ignore[arg-type]
    assert action.edit.changes is not None
    return list(action.edit.changes[uri]), None


# -- fixtures ---------------------------------------------------------------------------------------------------

class Published:
    """Every publishDiagnostics the client receives, in order (pytest-lsp keeps only the last per URI)."""

    def __init__(self, client: LanguageClient) -> None:
        self.client = client
        self.items: list[types.PublishDiagnosticsParams] = []
        self._listen()

    def _listen(self) -> None:
        def on(future: Any) -> None:
            if future.cancelled() or future.exception() is not None:  # the server has exited
                return
            self.items.append(future.result())
            self._listen()

        self.client.protocol.wait_for_notification(PUBLISH).add_done_callback(on)

    async def wait(self, uri: str, version: int | None = None, timeout: float = 30) -> list[types.Diagnostic]:
        async def poll() -> list[types.Diagnostic]:
            while True:
                for p in reversed(self.items):
                    if p.uri == uri and (version is None or p.version == version):
                        return list(p.diagnostics)
                await asyncio.sleep(0.01)

        return await asyncio.wait_for(poll(), timeout)

    def count(self, uri: str) -> int:
        return sum(1 for p in self.items if p.uri == uri)


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient):
    registrations: list[types.Registration] = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:  # what VS Code does: accept, and watch
        registrations.extend(params.registrations)

    @lsp_client.feature(types.CLIENT_UNREGISTER_CAPABILITY)
    def unregister(params: types.UnregistrationParams) -> None:
        gone = {u.id for u in params.unregisterations}
        registrations[:] = [r for r in registrations if r.id not in gone]

    lsp_client.registrations = registrations  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # the config search stops here
    if SEED.exists():  # the tests that open it are marked needs_seed
        shutil.copyfile(SEED, tmp_path / "article.txt")
    (tmp_path / "wide.txt").write_text(WIDE, encoding="utf-8")
    return tmp_path


async def start(client: LanguageClient, root: Path, *, encodings: list[str] | None = None,
                options: dict[str, Any] | None = None) -> tuple[types.InitializeResult, Published]:
    caps = client_capabilities("visual-studio-code")
    if encodings is not None:
        caps.general = types.GeneralClientCapabilities(position_encodings=encodings)  # type: ignore[arg-type]
    published = Published(client)
    result = await client.initialize_session(types.InitializeParams(
        capabilities=caps, root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
        initialization_options=options,
    ))
    return result, published


def open_doc(client: LanguageClient, path: Path, text: str | None = None, language: str = "plaintext",
             version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
        uri=uri, language_id=language, version=version,
        text=path.read_text(encoding="utf-8") if text is None else text,
    )))
    return uri


def change(client: LanguageClient, uri: str, version: int, edits: list[types.TextEdit]) -> None:
    # Content changes apply one after the other (unlike a WorkspaceEdit's edits, which all refer to the
    # original text): send them last first, so that each one's range is still where it was.
    ordered = sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangePartial(range=e.range, text=e.new_text) for e in ordered],
    ))


def cli_findings(root: Path, *names: str) -> list[dict[str, Any]]:
    r = subprocess.run([sys.executable, "-m", "lint", "check", "--no-cache", "--format", "json", *names],
                       cwd=root, capture_output=True, text=True)
    assert r.returncode in (0, 1), r.stderr
    return list(json.loads(r.stdout)["findings"])


def as_lsp(findings: list[dict[str, Any]], text: str, encoding: str = "utf-16") -> set[tuple[str, tuple[int, ...]]]:
    out: set[tuple[str, tuple[int, ...]]] = set()
    for f in findings:
        s = to_position(text, f["start"]["offset"], encoding)
        e = to_position(text, f["end"]["offset"], encoding)
        out.add((f["code"], (s.line, s.character, e.line, e.character)))
    return out


def as_set(diagnostics: list[types.Diagnostic]) -> set[tuple[str, tuple[int, ...]]]:
    return {(str(d.code), (d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character))
            for d in diagnostics}


# -- initialize, open, diagnostics ---------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_initialize_advertises_what_the_server_does(client: LanguageClient, workspace: Path):
    result, _ = await start(client, workspace)
    caps = result.capabilities
    assert result.server_info is not None and result.server_info.name == "copylint"
    assert caps.position_encoding in (None, types.PositionEncodingKind.Utf16)
    sync = caps.text_document_sync
    assert isinstance(sync, types.TextDocumentSyncOptions)
    assert sync.open_close and sync.change == types.TextDocumentSyncKind.Incremental and sync.save
    provider = caps.code_action_provider
    assert isinstance(provider, types.CodeActionOptions) and provider.resolve_provider
    assert set(provider.code_action_kinds or ()) == {"quickfix", "source.fixAll.copylint"}


@pytest.mark.asyncio
@needs_seed
async def test_open_the_seed_and_receive_the_cli_findings(client: LanguageClient, workspace: Path):
    _, published = await start(client, workspace)
    uri = open_doc(client, workspace / "article.txt")
    wide_uri = open_doc(client, workspace / "wide.txt")
    diagnostics = await published.wait(uri, version=1)
    text = SEED.read_text(encoding="utf-8")
    assert as_set(diagnostics) == as_lsp(cli_findings(workspace, "article.txt"), text)
    (w101,) = [d for d in diagnostics if d.code == "W101"]
    assert w101.range == types.Range(types.Position(0, 0), types.Position(0, 1))
    assert w101.source == "copylint" and w101.severity == types.DiagnosticSeverity.Warning
    assert w101.code_description is not None
    assert w101.code_description.href == rule_url("W101", "leading-whitespace")
    # the same, on lines with emoji and CJK before whatever the rules flag, counted in UTF-16
    wide = await published.wait(wide_uri, version=1)
    assert as_set(wide) == as_lsp(cli_findings(workspace, "wide.txt"), WIDE)


@pytest.mark.asyncio
async def test_quick_fix_then_edits_update_the_diagnostics(client: LanguageClient, workspace: Path):
    _, published = await start(client, workspace)
    text = "  Indented start, as scraped.\n"
    path = workspace / "lead.txt"
    path.write_text(text)
    uri = open_doc(client, path)
    diagnostics = await published.wait(uri, version=1)
    assert as_set(diagnostics) == {("W101", (0, 0, 0, 2))}

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri),
        range=types.Range(types.Position(0, 1), types.Position(0, 1)),
        context=types.CodeActionContext(diagnostics=diagnostics),
    ))
    assert actions is not None
    quick = [a for a in actions if isinstance(a, types.CodeAction) and a.kind == types.CodeActionKind.QuickFix]
    (fix,) = quick
    assert fix.is_preferred and "W101" in fix.title
    assert fix.diagnostics is not None and fix.diagnostics[0].code == "W101"
    edits, version = edits_of(fix, uri)
    assert version == 1
    text = apply_edits(text, edits)
    assert text == "Indented start, as scraped.\n"
    change(client, uri, 2, edits)
    assert await published.wait(uri, version=2) == []

    # the user types two spaces at the start again
    insert = [types.TextEdit(types.Range(types.Position(0, 0), types.Position(0, 0)), "  ")]
    change(client, uri, 3, insert)
    assert as_set(await published.wait(uri, version=3)) == {("W101", (0, 0, 0, 2))}

    # and saves: diagnostics again, for the same version
    before = published.count(uri)
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
    for _ in range(300):
        if published.count(uri) > before:
            break
        await asyncio.sleep(0.01)
    assert published.count(uri) > before
    assert as_set(await published.wait(uri, version=3)) == {("W101", (0, 0, 0, 2))}


@pytest.mark.asyncio
@needs_seed
async def test_fix_all_safe_problems_matches_cli_fix(client: LanguageClient, workspace: Path):
    _, published = await start(client, workspace)
    uri = open_doc(client, workspace / "article.txt")
    await published.wait(uri, version=1)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri),
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll]),
    ))
    assert actions is not None
    (action,) = actions
    assert isinstance(action, types.CodeAction)
    assert action.kind == "source.fixAll.copylint" and action.title == "Fix all safe problems (copylint)"
    if action.edit is None:  # VS Code resolves lazily
        action = await client.code_action_resolve_async(action)
    edits, _ = edits_of(action, uri)
    fixed = apply_edits(SEED.read_text(encoding="utf-8"), edits)

    shutil.copyfile(SEED, workspace / "copy.txt")
    subprocess.run([sys.executable, "-m", "lint", "check", "--fix", "--no-cache", "copy.txt"], cwd=workspace,
                   capture_output=True, check=False)
    assert fixed == (workspace / "copy.txt").read_text(encoding="utf-8")
    assert not fixed.startswith(" ")
    # the edits are small, not the whole document: only what the fixes change
    original = SEED.read_text(encoding="utf-8")
    size = sum(to_offset(original, e.range.end) - to_offset(original, e.range.start) + len(e.new_text)
               for e in edits)
    assert size < len(original) / 10

    change(client, uri, 2, edits)
    after = await published.wait(uri, version=2)
    safe = [d for d in after if isinstance(d.data, dict) and d.data.get("fix") == "safe"]
    assert safe == []


def _repeated_report(n: int) -> str:
    """A scraped dump of n near-identical entries: many equal lines, fixes that take two passes in plain
    text (`&amp;amp;` becomes `&amp;`, then `&`), blank-line runs, doubled spaces."""
    return "Rates through the year\n\n" + "".join(
        f"Report {i} said  the rates rose &amp;amp; fell again .  \n\n\n\nThe bank said it again ,and  again.\n"
        for i in range(n))


@pytest.mark.asyncio
@pytest.mark.parametrize("name,language", [("dump.txt", "plaintext"), ("dump.md", "markdown")])
async def test_fix_all_over_several_passes_matches_cli_fix(client: LanguageClient, workspace: Path, name: str,
                                                            language: str):
    from lint.config import Config
    from lint.engine import Linter, Selection

    text = _repeated_report(300)
    passes: list[FixPass] = []
    Linter(Selection()).fix(Source(name, text), Config(), log=passes)
    assert len(passes) == (2 if name.endswith(".txt") else 1)  # the server must carry pass 2 back to pass 1
    path = workspace / name
    path.write_text(text, encoding="utf-8")
    _, published = await start(client, workspace)
    uri = open_doc(client, path, language=language)
    await published.wait(uri, version=1)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri),
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll]),
    ))
    assert actions is not None
    (action,) = actions
    assert isinstance(action, types.CodeAction)
    if action.edit is None:
        action = await client.code_action_resolve_async(action)
    edits, version = edits_of(action, uri)
    assert version == 1
    fixed = apply_edits(text, edits)

    subprocess.run([sys.executable, "-m", "lint", "check", "--fix", "--no-cache", name], cwd=workspace,
                   capture_output=True, check=False)
    assert fixed == path.read_text(encoding="utf-8") != text
    # one edit per place that changes, each no bigger than what changes there
    assert len(edits) >= 300
    assert sum(len(e.new_text) for e in edits) < len(text) / 20


def _dump(size: int) -> str:
    """Plain text in paragraphs of five sentences, a doubled space in one sentence of 37."""
    words = "the report said markets rose again in the new study of prices".split()
    out, n, i = [], 0, 0
    while n < size:
        sentence = f"Item {i}: " + " ".join(words[(i + k) % len(words)] for k in range(8)) + "."
        if i % 37 == 0:
            sentence = sentence.replace(" the ", "  the ", 1)
        out.append(sentence + ("\n\n" if i % 5 == 4 else " "))
        n += len(sentence) + 1
        i += 1
    return "".join(out)


def _cli_as_lsp(root: Path, name: str, text: str) -> set[tuple[str, tuple[int, ...]]]:
    """The CLI's findings for the file, as LSP ranges (ASCII text: UTF-16 units are characters)."""
    starts = [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", text))]

    def at(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(starts, offset) - 1
        return line, offset - starts[line]

    return {(f["code"], (*at(f["start"]["offset"]), *at(f["end"]["offset"]))) for f in cli_findings(root, name)}


@pytest.mark.asyncio
async def test_typing_in_a_big_plain_text_keeps_the_cli_findings(client: LanguageClient, workspace: Path):
    """Over 1 MiB, plain text is linted in blocks and the server keeps each block's findings from one lint
    to the next: after each change, the diagnostics must still be the CLI's for the whole new text."""
    from lint.engine import BIG_TEXT

    text = _dump(BIG_TEXT + 300_000)
    assert text.isascii() and len(text) > BIG_TEXT
    path = workspace / "dump.txt"
    path.write_text(text, encoding="utf-8")
    _, published = await start(client, workspace)
    uri = open_doc(client, path)
    assert as_set(await published.wait(uri, version=1, timeout=60)) == _cli_as_lsp(workspace, "dump.txt", text)

    lines = text.split("\n")
    middle = len(lines) // 2 + (0 if lines[len(lines) // 2] else 1)
    steps = [
        # lines added near the top: every later block moves down (its findings with it)
        (types.Range(types.Position(2, 0), types.Position(2, 0)), "Share  this story.\n\nAdvertisement\n\n"),
        # a doubled space typed in the middle, then a blank-line run
        (types.Range(types.Position(middle, 5), types.Position(middle, 5)), " "),
        (types.Range(types.Position(middle + 4, 0), types.Position(middle + 4, 0)), "\n\n\n\n"),
        # a whole paragraph near the end deleted
        (types.Range(types.Position(len(lines) - 9, 0), types.Position(len(lines) - 7, 0)), ""),
    ]
    for version, (rng, new_text) in enumerate(steps, start=2):
        change(client, uri, version, [types.TextEdit(rng, new_text)])
        text = apply_edits(text, [types.TextEdit(rng, new_text)])
        path.write_text(text, encoding="utf-8")
        diagnostics = await published.wait(uri, version=version, timeout=60)
        assert as_set(diagnostics) == _cli_as_lsp(workspace, "dump.txt", text), f"after change {version}"


@pytest.mark.asyncio
async def test_a_quick_fix_that_would_change_a_value_is_never_offered(client: LanguageClient, workspace: Path):
    """T103's `，` -> `, ` in a plain YAML value makes `#1 in tests` a comment: check --fix never applies
    it, so the editor is not offered it either; the other value's fix is. The server checks each fix
    once per lint and answers later requests from that: the same answer again, and after an edit."""
    (workspace / ".copylint.yaml").write_text('formats: {"*.yml": i18n-yaml}\n')
    path = workspace / "en.yml"
    text = "en:\n  risky: Our pick，#1 in tests\n  fine: Fine text，with a comma\n"
    path.write_text(text, encoding="utf-8")
    _, published = await start(client, workspace)
    uri = open_doc(client, path, language="yaml")
    assert {(d.code, d.range.start.line) for d in await published.wait(uri, version=1)} >= {("T103", 1), ("T103", 2)}

    async def quick_fix_lines() -> list[int]:
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=types.Range(types.Position(0, 0), types.Position(9, 0)),
            context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.QuickFix]),
        ))
        return sorted(a.diagnostics[0].range.start.line for a in actions or []
                      if isinstance(a, types.CodeAction) and a.diagnostics)

    assert await quick_fix_lines() == [2]
    assert await quick_fix_lines() == [2]
    # a line added above: the findings move down, and so does the fix on offer
    change(client, uri, 2, [types.TextEdit(types.Range(types.Position(1, 0), types.Position(1, 0)), "  new: Text\n")])
    await published.wait(uri, version=2)
    assert await quick_fix_lines() == [3]


# -- positions in the negotiated encoding ---------------------------------------------------------------------

@pytest.mark.asyncio
@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
async def test_positions_in_the_negotiated_encoding(client: LanguageClient, workspace: Path, encoding: str):
    """Edits from the client and diagnostics from the server, counted in the negotiated unit.

    At each step the diagnostics must be the CLI's findings for the same text, converted to the unit
    by the client's own arithmetic; whatever rules exist flag things after the emoji and CJK.
    """
    offered = None if encoding == "utf-16" else [encoding, "utf-16"]
    result, published = await start(client, workspace, encodings=offered)
    assert (result.capabilities.position_encoding or "utf-16") == encoding
    (workspace / "cli").mkdir()

    def expected(text: str) -> set[tuple[str, tuple[int, ...]]]:
        (workspace / "cli" / "emoji.txt").write_text(text, encoding="utf-8", newline="")
        return as_lsp(cli_findings(workspace / "cli", "emoji.txt"), text, encoding)

    text = "😀東x\u2028y  Tail 漢字 😀  done \nBody.\n"  # U+2028 is not a line break in LSP
    uri = open_doc(client, workspace / "emoji.txt", text)
    assert as_set(await published.wait(uri, version=1)) == expected(text)

    # delete "😀東x\u2028y" — 5 code points; 6 UTF-16 units; 12 UTF-8 bytes. Counted in any other unit,
    # the deletion would stop short or eat into the spaces after it
    end = _units("😀東x\u2028y", encoding)
    change(client, uri, 2, [types.TextEdit(types.Range(types.Position(0, 0), types.Position(0, end)), "")])
    text = text[len("😀東x\u2028y"):]
    got = as_set(await published.wait(uri, version=2))
    assert ("W101", (0, 0, 0, 2)) in got
    assert got == expected(text)

    # replace the first line, then type a tab after the emoji and the CJK
    change(client, uri, 3, [types.TextEdit(types.Range(types.Position(0, 0), types.Position(1, 0)), "😀東 x\n")])
    text = "😀東 x\nBody.\n"
    assert as_set(await published.wait(uri, version=3)) == expected(text)
    at = types.Position(0, _units("😀東", encoding))
    change(client, uri, 4, [types.TextEdit(types.Range(at, at), "\t")])
    text = "😀東\t x\nBody.\n"
    diagnostics = await published.wait(uri, version=4)
    assert as_set(diagnostics) == expected(text)

    # a code action request at the start of the file is understood in the same unit
    start_of = types.Position(0, 0)
    change(client, uri, 5, [types.TextEdit(types.Range(start_of, start_of), "  ")])
    text = "  " + text
    diagnostics = await published.wait(uri, version=5)
    assert as_set(diagnostics) == expected(text)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri),
        range=types.Range(types.Position(0, 1), types.Position(0, 1)),
        context=types.CodeActionContext(diagnostics=diagnostics, only=[types.CodeActionKind.QuickFix]),
    ))
    assert actions
    fixes = [a for a in actions if isinstance(a, types.CodeAction) and a.diagnostics
             and a.diagnostics[0].code == "W101"]
    assert len(fixes) == 1
    edits, _ = edits_of(fixes[0], uri)
    assert apply_edits(text, edits, encoding) == text[2:]


# -- configuration and exclusion --------------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_config_is_reloaded_when_it_changes(client: LanguageClient, workspace: Path):
    config = workspace / ".copylint.yaml"
    config.write_text("ignore: [W101]\n")
    _, published = await start(client, workspace)
    path = workspace / "lead.txt"
    path.write_text("  Indented.\n")
    uri = open_doc(client, path)
    assert await published.wait(uri, version=1) == []

    await asyncio.sleep(0.2)
    watchers = [w for r in client.registrations for w in r.register_options["watchers"]  # type: ignore[attr-defined]
                if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    assert {w["globPattern"] for w in watchers} == {"**/.copylint.yaml", "**/.copylint.yml", "**/pyproject.toml"}

    config.write_text("select: [W101]\n# now W101 is on\n")
    before = published.count(uri)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
    for _ in range(1000):
        if published.count(uri) > before:
            break
        await asyncio.sleep(0.01)
    assert as_set(await published.wait(uri, version=1)) == {("W101", (0, 0, 0, 2))}

    # without a notification (a client that does not watch files), the next lint sees the change too
    config.write_text("ignore: [leading-whitespace]\n")
    change(client, uri, 2, [types.TextEdit(types.Range(types.Position(0, 11), types.Position(0, 11)), "!")])
    assert await published.wait(uri, version=2) == []


@pytest.mark.asyncio
async def test_a_broken_config_is_reported_once_and_the_defaults_apply(client: LanguageClient, workspace: Path):
    (workspace / ".copylint.yaml").write_text("selct: [W101]\n")
    _, published = await start(client, workspace, options={"select": ["W101", "W1O1"]})
    path = workspace / "lead.txt"
    path.write_text("  Indented.\n")
    uri = open_doc(client, path)
    assert as_set(await published.wait(uri, version=1)) == {("W101", (0, 0, 0, 2))}
    change(client, uri, 2, [types.TextEdit(types.Range(types.Position(0, 11), types.Position(0, 11)), "!")])
    await published.wait(uri, version=2)
    errors = [m.message for m in client.messages if m.type == types.MessageType.Error]
    assert len(errors) == 1 and ".copylint.yaml:1" in errors[0] and "selct" in errors[0]
    warnings = [m.message for m in client.messages if m.type == types.MessageType.Warning]
    assert any("W1O1" in w for w in warnings)


@pytest.mark.asyncio
async def test_excluded_and_unknown_files_get_no_diagnostics(client: LanguageClient, workspace: Path):
    (workspace / ".copylint.yaml").write_text("extend-exclude: [drafts/, '*.generated.txt']\n")
    _, published = await start(client, workspace)
    (workspace / "drafts").mkdir()
    paths = {
        "drafts/a.txt": "  Indented.\n",
        "b.generated.txt": "  Indented.\n",
        "tool.py": "  x = 1\n",
        "kept.txt": "  Indented.\n",
    }
    uris = {}
    for name, text in paths.items():
        (workspace / name).write_text(text)
        uris[name] = open_doc(client, workspace / name, language="python" if name.endswith(".py") else "plaintext")
    assert as_set(await published.wait(uris["kept.txt"], version=1)) == {("W101", (0, 0, 0, 2))}
    for name in ("drafts/a.txt", "b.generated.txt", "tool.py"):
        assert await published.wait(uris[name], version=1) == [], name
    # an untitled buffer is linted by its language
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
        uri="untitled:Untitled-1", language_id="plaintext", version=1, text="  New note.\n")))
    assert as_set(await published.wait("untitled:Untitled-1", version=1)) == {("W101", (0, 0, 0, 2))}


@pytest.mark.asyncio
async def test_a_habit_diagnostic_carries_its_other_places(client: LanguageClient, workspace: Path):
    _, published = await start(client, workspace, options={"select": ["W106"]})
    text = "one\r\ntwo\nthree\r\nfour\nfive\r\n"  # two LF among three CRLF
    path = workspace / "mixed.txt"
    path.write_bytes(text.encode())
    uri = open_doc(client, path, text=text)
    (d,) = await published.wait(uri, version=1)
    assert d.code == "W106" and d.range.start == types.Position(1, 3)
    assert d.related_information is not None
    assert [(r.location.uri, r.location.range.start, r.message) for r in d.related_information] == [
        (uri, types.Position(3, 4), "LF line ending")]


@pytest.mark.asyncio
async def test_changes_are_debounced(client: LanguageClient, workspace: Path):
    _, published = await start(client, workspace, options={"debounce": 300, "select": ["W101"]})
    path = workspace / "typing.txt"
    path.write_text("Typing.\n")
    uri = open_doc(client, path)
    assert await published.wait(uri, version=1) == []
    text = "Typing.\n"
    for version in range(2, 8):  # six keystrokes in quick succession
        edit = types.TextEdit(types.Range(types.Position(0, 0), types.Position(0, 0)), " ")
        change(client, uri, version, [edit])
        text = " " + text
    assert as_set(await published.wait(uri, version=7)) == {("W101", (0, 0, 0, 6))}
    assert published.count(uri) == 2  # one for the open, one for the burst
    assert not [p for p in published.items if p.uri == uri and p.version not in (1, 7)]


# -- catalogues and their source catalogue -------------------------------------------------------------------

EN_CATALOGUE = '{\n  "greeting": "Welcome to the settings page",\n  "bye": "Goodbye and see you soon"\n}\n'
FR_CATALOGUE = '{\n  "greeting": "Welcome to the settings page",\n  "bye": "Au revoir et à bientôt"\n}\n'
EN_YAML = "en:\n  greeting: Welcome to the settings page\n  bye: Goodbye and see you soon\n"
FR_YAML = "fr:\n  greeting: Welcome to the settings page\n  bye: Au revoir et à bientôt\n"
# en's first string, which fr copies (B102), and an edit of it that ends the copy
COPIED = "Welcome to the settings page"
GREETING = types.Range(types.Position(1, 15), types.Position(1, 15 + len(COPIED)))
GREETING_YAML = types.Range(types.Position(1, 12), types.Position(1, 12 + len(COPIED)))
EDITED = "Welcome to your settings"


def catalogues(root: Path, suffix: str = ".json") -> tuple[Path, Path]:
    fmt, en_text, fr_text = ("i18n-json", EN_CATALOGUE, FR_CATALOGUE) if suffix == ".json" else (
        "i18n-yaml", EN_YAML, FR_YAML)
    (root / ".copylint.yaml").write_text(f'formats:\n  "locales/*{suffix}": {fmt}\n')
    (root / "locales").mkdir()
    en, fr = root / "locales" / f"en{suffix}", root / "locales" / f"fr{suffix}"
    en.write_text(en_text, encoding="utf-8")
    fr.write_text(fr_text, encoding="utf-8")
    return en, fr


@pytest.mark.asyncio
async def test_a_format_the_config_maps_by_a_path_glob_applies_in_the_editor(client: LanguageClient,
                                                                             workspace: Path):
    _, fr = catalogues(workspace)  # `locales/*.json`, relative to the config's folder, as check reads it
    _, published = await start(client, workspace)
    fr_uri = open_doc(client, fr, language="json")
    diagnostics = await published.wait(fr_uri, version=1)
    assert as_set(diagnostics) == as_lsp(cli_findings(workspace, "locales/fr.json"), FR_CATALOGUE)
    assert [d.code for d in diagnostics] == ["B102"]  # read as i18n JSON, paired with en.json


async def republished(published: Published, uri: str, before: int, timeout: float = 30) -> list[types.Diagnostic]:
    """The diagnostics of the next publication for ``uri`` after the ``before``-th."""
    for _ in range(int(timeout * 100)):
        if published.count(uri) > before:
            return list([p for p in published.items if p.uri == uri][-1].diagnostics)
        await asyncio.sleep(0.01)
    raise AssertionError(f"{uri} was not published again within {timeout} s")


@pytest.mark.asyncio
@pytest.mark.parametrize("suffix", [".json", ".yml"])
async def test_editing_an_open_source_catalogue_relints_its_open_translations(client: LanguageClient,
                                                                               workspace: Path, suffix: str):
    en, fr = catalogues(workspace, suffix)
    saved = en.read_text(encoding="utf-8")
    _, published = await start(client, workspace)
    fr_uri = open_doc(client, fr, language=suffix[1:])
    en_uri = open_doc(client, en, language=suffix[1:])
    other_uri = open_doc(client, workspace / "wide.txt")
    assert [d.code for d in await published.wait(fr_uri, version=1)] == ["B102"]  # fr's greeting is en's
    await published.wait(en_uri, version=1)
    await published.wait(other_uri, version=1)
    fr_count, other_count = published.count(fr_uri), published.count(other_uri)

    # The user edits en.json's greeting, unsaved: fr.json is compared with the buffer, not the file.
    before = published.count(fr_uri)
    change(client, en_uri, 2, [types.TextEdit(GREETING if suffix == ".json" else GREETING_YAML, EDITED)])
    assert await republished(published, fr_uri, before) == []
    assert en.read_text(encoding="utf-8") == saved
    await published.wait(en_uri, version=2)

    # Closing en.json unsaved: fr.json is compared with the file again.
    before = published.count(fr_uri)
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(en_uri)))
    assert [d.code for d in await republished(published, fr_uri, before)] == ["B102"]
    # Only the dependants were linted again: the other open document was not.
    await asyncio.sleep(0.2)
    assert published.count(fr_uri) == fr_count + 2 and published.count(other_uri) == other_count


@pytest.mark.asyncio
async def test_a_source_catalogue_changed_on_disk_relints_its_open_translations(client: LanguageClient,
                                                                                 workspace: Path):
    en, fr = catalogues(workspace)
    _, published = await start(client, workspace)
    fr_uri = open_doc(client, fr, language="json")
    assert [d.code for d in await published.wait(fr_uri, version=1)] == ["B102"]

    # The server asks the editor to watch en.json (fr.json's source, not open).
    await asyncio.sleep(0.2)
    watched = []
    for r in client.registrations:  # type: ignore[attr-defined]
        if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES:
            for w in r.register_options["watchers"]:
                glob = w["globPattern"]
                watched.append(glob if isinstance(glob, str) else (glob["baseUri"], glob["pattern"]))
    assert (en.parent.as_uri(), "en.json") in watched or "**/en.json" in watched

    # git checkout, another editor: en.json changes on disk.
    en.write_text(EN_CATALOGUE.replace(COPIED, EDITED), encoding="utf-8")
    before = published.count(fr_uri)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=en.as_uri(), type=types.FileChangeType.Changed)]))
    assert await republished(published, fr_uri, before) == []

    # and is deleted: fr.json is read alone (no source, no B findings), as `copylint check` reads it
    en.unlink()
    before = published.count(fr_uri)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=en.as_uri(), type=types.FileChangeType.Deleted)]))
    assert await republished(published, fr_uri, before) == []


@pytest.mark.asyncio
async def test_saving_a_source_catalogue_relints_its_open_translations_at_once(client: LanguageClient,
                                                                                workspace: Path):
    en, fr = catalogues(workspace)
    _, published = await start(client, workspace, options={"debounce": 5000})
    fr_uri = open_doc(client, fr, language="json")
    en_uri = open_doc(client, en, language="json")
    assert [d.code for d in await published.wait(fr_uri, version=1)] == ["B102"]
    await published.wait(en_uri, version=1)

    # The user edits en.json and saves it before the 5 s debounce ends: fr.json is re-linted on the save.
    before = published.count(fr_uri)
    change(client, en_uri, 2, [types.TextEdit(GREETING, EDITED)])
    en.write_text(EN_CATALOGUE.replace(COPIED, EDITED), encoding="utf-8")
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(en_uri)))
    assert await republished(published, fr_uri, before, timeout=4) == []
    await published.wait(en_uri, version=2)


@contextlib.contextmanager
def translation_open(workspace: Path) -> Iterator[tuple[RawClient, Path, str]]:
    """A server on raw stdio, no debounce (each change is linted at once), with locales/fr.json open and
    its copy of en.json's greeting published (B102): the client, en.json (not open), fr.json's uri."""
    en, fr = catalogues(workspace)
    client = RawClient(sys.executable, "-m", "lint", "lsp")
    try:
        client.start(workspace)
        client.open(fr.as_uri(), FR_CATALOGUE, "json")
        assert [d["code"] for d in client.diagnostics_for(fr.as_uri()) or ()] == ["B102"]
        yield client, en, fr.as_uri()
    finally:
        client.close()


def test_an_unsaved_source_buffer_is_read_from_memory_with_no_file_written(workspace: Path, tmp_path_factory: Any,
                                                                          monkeypatch: pytest.MonkeyPatch):
    """The open source's buffer reaches the reader of its dependants as it is (an overlay of the open
    buffers): no copy of it is written anywhere, not even to the server's temporary folder."""
    temporary = tmp_path_factory.mktemp("server-tmp")
    monkeypatch.setenv("TMPDIR", str(temporary))  # the server's tempfile folder
    with translation_open(workspace) as (client, en, fr_uri):
        en_uri = en.as_uri()
        client.open(en_uri, EN_CATALOGUE, "json")
        assert client.diagnostics_for(en_uri) is not None
        # The user edits en.json's greeting, unsaved: fr.json is checked again against the buffer.
        edited = EN_CATALOGUE.replace(COPIED, EDITED)
        client.send({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": en_uri, "version": 2}, "contentChanges": [{"text": edited}]}})
        assert client.diagnostics_for(fr_uri) == []
        assert list(temporary.iterdir()) == [] and en.read_text(encoding="utf-8") == EN_CATALOGUE
        # and undoes it: the copy is back.
        client.send({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": en_uri, "version": 3}, "contentChanges": [{"text": EN_CATALOGUE}]}})
        assert [d["code"] for d in client.diagnostics_for(fr_uri) or ()] == ["B102"]
        assert list(temporary.iterdir()) == []


def test_a_source_catalogue_changed_on_disk_within_one_clock_tick_is_read_again(workspace: Path):
    with translation_open(workspace) as (client, en, fr_uri):
        # en.json is rewritten with as many bytes and, on a coarse clock, the same modification time: what
        # the editor's watcher says changed is read again, not taken from the memo of its size and time.
        st = en.stat()
        en.write_text(EN_CATALOGUE.replace(COPIED, COPIED.replace("the", "our")), encoding="utf-8")
        os.utime(en, ns=(st.st_atime_ns, st.st_mtime_ns))
        assert en.stat().st_size == st.st_size
        client.send({"method": "workspace/didChangeWatchedFiles",
                     "params": {"changes": [{"uri": en.as_uri(), "type": types.FileChangeType.Changed.value}]}})
        assert client.diagnostics_for(fr_uri) == []


# -- the arithmetic, in process -------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding,expected", [("utf-16", 6), ("utf-8", 12), ("utf-32", 5)])
def test_offsets_and_columns_after_emoji_and_cjk(encoding: str, expected: int):
    from lint.lsp import offset_at
    from lint.report.locations import Columns

    text = "first\r\n東京😀 x\u2028more\rlast"
    source = Source("t.txt", text)
    x = text.index("x")
    cols = Columns(source, encoding, base=0)
    assert cols.at(x) == (1, expected - 1) == (1, _units("東京😀 ", encoding))
    assert offset_at(source, 1, _units("東京😀 ", encoding), encoding) == x
    # U+2028 stays inside line 1; \r alone ends it
    m = text.index("more")
    assert cols.at(m) == (1, _units("東京😀 x\u2028", encoding))
    assert cols.at(text.index("last")) == (2, 0)
    # past the end of a line: the end of the line; past the last line: the end of the text
    assert offset_at(source, 0, 99, encoding) == text.index("\r\n")
    assert offset_at(source, 9, 0, encoding) == len(text)
    # inside the emoji: its start
    if encoding != "utf-32":
        emoji = text.index("😀")
        assert offset_at(source, 1, _units("東京", encoding) + 1, encoding) == emoji


def _random_passes(rng: random.Random, text: str) -> list[FixPass]:
    """Up to four passes of random non-overlapping edits, each on the text the one before made (edits
    may touch; never two insertions at one point, as compatible_fixes takes them)."""
    passes = []
    for _ in range(rng.randint(0, 4)):
        edits: list[Edit] = []
        pos = rng.randint(0, 5)
        while pos <= len(text):
            end = min(len(text), pos + rng.choice([0, 0, 1, 2, 3]))
            if not (edits and edits[-1].start == edits[-1].end == pos == end):
                edits.append(Edit(pos, end, rng.choice(["", "x", "yz", " ", text[pos:end]])))
            pos = end + rng.randint(0, 6)
        passes.append(FixPass(text, tuple(rng.sample(edits, len(edits)))))  # in no particular order
        text = _apply_offsets(text, [(e.start, e.end, e.replacement) for e in edits])
    return passes


def _apply_offsets(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, repl in sorted(edits, reverse=True):
        text = text[:start] + repl + text[end:]
    return text


def test_fix_all_edits_carry_each_pass_back_to_the_original():
    from lint.lsp import fix_all_edits, passes_edits

    rng = random.Random(20)
    for _ in range(2000):
        original = "".join(rng.choice("ab \n") for _ in range(rng.randint(0, 40)))
        passes = _random_passes(rng, original)
        fixed = _apply_offsets(passes[-1].text, [(e.start, e.end, e.replacement) for e in passes[-1].edits]) \
            if passes else original
        edits = passes_edits(original, passes)
        assert _apply_offsets(original, edits) == fixed  # the passes alone make it: no fallback needed
        for (_, e1, _), (s2, _, _) in itertools.pairwise(edits):
            assert e1 < s2  # separate: merged where they touched
        assert all(original[s:e] != r for s, e, r in edits)  # none that changes nothing
        assert fix_all_edits(original, passes, fixed) == edits


def test_fix_all_edits_from_a_log_that_does_not_make_the_text_are_one_trimmed_edit():
    from lint.lsp import fix_all_edits

    assert fix_all_edits("one two three\n", [], "one 2 three\n") == [(4, 7, "2")]
    assert fix_all_edits("same\n", [], "same\n") == []


def test_quick_fix_titles_say_what_changes():
    from lint.lsp import describe_fix
    from lint.model import Edit, Finding, Fix

    text = "Kiev said.  Then «left»"

    def title(start: int, end: int, *edits: tuple[int, int, str]) -> str:
        fix = Fix(tuple(Edit(*e) for e in edits))
        return describe_fix(Finding("X100", "x", "m", start, end, fix=fix), text)

    assert title(0, 4, (0, 4, "Kyiv")) == "Replace “Kiev” with “Kyiv”"
    assert title(10, 12, (10, 12, " ")) == "Fix the whitespace"
    assert title(10, 12, (10, 12, "")) == "Delete the whitespace"
    assert title(0, 0, (0, 0, "Breaking: ")) == "Insert “Breaking: ”"
    assert title(4, 9, (4, 9, "")) == "Delete “ said”"
    s = text.index("«")
    assert title(s, len(text), (s, s + 1, "“"), (len(text) - 1, len(text), "”")) == "Apply the fix for x"
