"""The language server: ``copylint lsp`` speaks the Language Server Protocol over stdio (pygls).

- Diagnostics on open, on change (debounced: a lint runs once the edits pause
  for ``debounce`` ms, 25 by default) and on save. Each carries the rule code,
  ``codeDescription.href`` to the rule's docs and the document version.
- Code actions: a quick fix per fixable finding (unsafe ones say so and are
  never preferred) and "Fix all safe problems" (kind ``source.fixAll.copylint``,
  what ``editor.codeActionsOnSave`` asks for), computed on resolve when the
  client supports it.
- Positions in the encoding negotiated at ``initialize`` (``utf-16`` unless the
  client offers ``utf-8`` or ``utf-32`` first), for diagnostics, edits and the
  incremental changes the client sends. Lines break at ``\\n``, ``\\r\\n`` and
  ``\\r`` only, as the protocol says (so U+2028 or a form feed, which scraped
  text does contain, never shifts a position).
- Configuration: the nearest ``.copylint.yaml`` of each document, re-read when
  it changes (its mtime is checked on every lint, and ``didChangeWatchedFiles``
  re-lints the open documents). Its ``formats`` globs are matched relative to
  its folder, as ``copylint check`` run there matches them. A document the
  config excludes, or whose format copylint does not know, gets no diagnostics.
  ``initializationOptions`` may carry ``select``, ``extendSelect``, ``ignore``
  (as on the command line) and ``debounce`` (milliseconds).
- Documents whose findings depend on another file (an i18n catalogue, `fr.json`,
  on its source catalogue, `en.json`: ``Linter.sources_of``): a reverse map from
  each such file to the open documents that depend on it. When that file
  changes (its open buffer is edited, debounced as its own lint is; it is
  saved, opened or closed; ``didChangeWatchedFiles`` says it changed on disk),
  those documents, and no others, are linted again and their diagnostics
  published, unless the text they would compare with is the one they did. An
  open source's buffer is what they compare with, unsaved edits and all: the
  server hands each open buffer to the catalogue reader's memo of sources
  (``source_catalogue.open_buffer``), which reads it in place of the file.
  The server asks the editor to watch those files (dynamic registration).
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.exceptions import JsonRpcException, JsonRpcInternalError
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method
from pygls.uris import from_fs_path, to_fs_path

from lint import __version__, formats, registry
from lint.config import CONFIG_FILE_NAMES, Config, ConfigError, find_config_file, load_config
from lint.discover import _IgnoreCache
from lint.engine import FixPass, Linter, Selection
from lint.fix import changed_span
from lint.formats import source_catalogue
from lint.guard import Crash, describe
from lint.model import Applicability, Document, Finding, Severity, Source
from lint.report import rule_url
from lint.report.locations import Columns

log = logging.getLogger("copylint.lsp")

DEBOUNCE_MS = 25
FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.copylint"
FIX_ALL_TITLE = "Fix all safe problems (copylint)"
UNITS: dict[str, str] = {
    types.PositionEncodingKind.Utf8.value: "utf-8",
    types.PositionEncodingKind.Utf16.value: "utf-16",
    types.PositionEncodingKind.Utf32.value: "utf-32",
}
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


# -- positions ---------------------------------------------------------------------------------------------

_NEWLINE = re.compile(r"\r\n?|\n")


def make_source(path: str, text: str) -> Source:
    """A Source whose line starts are found by one regex scan (a 100 KB text: 0.6 ms rather than 2.3)."""
    source = Source(path, text)
    source._line_starts = [0, *[m.end() for m in _NEWLINE.finditer(text)]]
    return source


def offset_at(source: Source, line: int, character: int, unit: str) -> int:
    """The code-point offset of an LSP position (0-based line, ``character`` in ``unit``).

    A line past the end is the end of the text; a character past the end of its line is the end of
    the line (as the protocol says); a character inside a multi-unit character is its start.
    """
    text = source.text
    starts = source.line_starts()
    if line < 0:
        return 0
    if line >= len(starts):
        return len(text)
    start = starts[line]
    end = starts[line + 1] if line + 1 < len(starts) else len(text)
    line_text = text[start:end].rstrip("\r\n")
    character = max(character, 0)
    if unit == "utf-32" or line_text.isascii():
        return start + min(character, len(line_text))
    if unit == "utf-16":
        data = line_text.encode("utf-16-le", "surrogatepass")[: 2 * character]
        return start + len(data.decode("utf-16-le", "ignore"))
    data = line_text.encode("utf-8", "surrogatepass")[:character]
    return start + len(data.decode("utf-8", "ignore"))


def input_refused(text: str, config: Config) -> str | None:
    """Why a document is past the config's input bounds (as ``copylint check`` refuses such a file), or
    None."""
    from lint.source import long_line, too_large

    limit = config.max_file_size
    if len(text) > limit // 4:  # only then can its UTF-8 be over the limit
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > limit:
            return too_large(size, limit)
    return long_line(text, config.max_line_length)


def lsp_range(cols: Columns, start: int, end: int) -> types.Range:
    sl, sc = cols.at(start)
    el, ec = cols.at(end)
    return types.Range(types.Position(sl, sc), types.Position(el, ec))


TextEdit = tuple[int, int, str]  # start, end (code points), replacement


def fix_all_edits(original: str, passes: Sequence[FixPass], fixed: str) -> list[TextEdit]:
    """Non-overlapping edits on ``original`` that make ``fixed``: the edits of the fix passes that made it
    (``Linter.fix``'s log), each pass's edits carried back through the passes before it. Linear in the
    text and the edits, where diffing the two texts (difflib) was quadratic on a big file of repeated
    lines. Should the passes not make ``fixed`` (a log that is not this fix's), one edit of the span
    between what the two texts share at either end."""
    edits = passes_edits(original, passes)
    if _applied(original, edits) == fixed:
        return edits
    whole = _trimmed(original, (0, len(original), fixed))
    return [whole] if whole is not None else []


def passes_edits(original: str, passes: Sequence[FixPass]) -> list[TextEdit]:
    """The edits of fix passes (each on the text the one before made) as one list of edits on
    ``original``: sorted, apart (edits that touch are one), none that changes nothing."""
    edits: list[TextEdit] = []
    for step in passes:
        edits = _composed(edits, sorted((e.start, e.end, e.replacement) for e in step.edits), step.text)
    return [trimmed for e in edits if (trimmed := _trimmed(original, e)) is not None]


def _composed(first: list[TextEdit], second: list[TextEdit], middle: str) -> list[TextEdit]:
    """Edits on a text T that make what ``first`` (T -> ``middle``) then ``second`` (on ``middle``) make.

    Each edit of ``first`` becomes a span of ``middle``; spans of either list that overlap or touch are
    merged into one edit, whose replacement is ``middle``'s span with ``second``'s edits applied."""
    spans: list[tuple[int, int, int, int]] = []  # on middle: start, end, then which list (0, 1) and index
    shift = 0
    for k, (s, e, r) in enumerate(first):
        spans.append((s + shift, s + shift + len(r), 0, k))
        shift += len(r) - (e - s)
    spans.extend((s, e, 1, k) for k, (s, e, _) in enumerate(second))
    spans.sort()
    out: list[TextEdit] = []
    shift = 0  # how far middle's offsets run ahead of T's, before the span being merged
    i = 0
    while i < len(spans):
        lo, hi = spans[i][0], spans[i][1]
        group = [spans[i]]
        i += 1
        while i < len(spans) and spans[i][0] <= hi:
            hi = max(hi, spans[i][1])
            group.append(spans[i])
            i += 1
        delta = sum(len(first[k][2]) - (first[k][1] - first[k][0]) for _, _, which, k in group if which == 0)
        inner = [(second[k][0] - lo, second[k][1] - lo, second[k][2]) for _, _, which, k in group if which == 1]
        out.append((lo - shift, hi - shift - delta, _applied(middle[lo:hi], inner)))
        shift += delta
    return out


def _applied(text: str, edits: Sequence[TextEdit]) -> str:
    out, pos = [], 0
    for s, e, r in edits:
        out.append(text[pos:s])
        out.append(r)
        pos = e
    out.append(text[pos:])
    return "".join(out)


def _trimmed(text: str, edit: TextEdit) -> TextEdit | None:
    """The edit without what its replacement shares with the replaced text at either end (None if it
    changes nothing)."""
    s, e, r = edit
    span = changed_span(text[s:e], r)
    return None if span is None else (s + span[0], s + span[1], span[2])


# -- documents and configs ---------------------------------------------------------------------------------

@dataclass
class OpenDocument:
    uri: str
    language_id: str
    text: str
    version: int
    path: Path | None
    findings: list[Finding] = field(default_factory=list)
    source: Source | None = None  # the text the findings are about
    config: Config | None = None
    linter: EditorLinter | None = None
    linted_version: int | None = None
    kept: dict[tuple[str, int, int], bool] = field(default_factory=dict)  # quick fixes checked (this lint)
    fixed_all: tuple[int, types.WorkspaceEdit] | None = None  # fix all's edit, for the version it is of
    timer: asyncio.TimerHandle | None = None
    key: str | None = None  # the real path of its file (None: untitled), what Linter.sources_of names
    # The files its last lint's findings depend on (Linter.sources_of, as real paths) and the content of
    # each that lint compared it with (source_catalogue.digest: an open buffer's, else the file's; empty:
    # unreadable).
    sources: dict[str, bytes] = field(default_factory=dict)


class EditorLinter(Linter):
    """A Linter that also knows a document's format from its languageId (untitled buffers, odd names), and
    keeps the findings of each block of a big plain-text document (``Linter.findings`` lints those block
    by block) from one lint to the next: typing in a 10 MB dump re-lints the block typed in, not all 40.
    It also keeps the Document the last lint parsed whole and its findings, for the quick fixes' structure
    checks and fix all of that same text (a 10 MB Markdown document takes 3 s to parse and 3 s to check).
    Rules are pure (same text and config, same findings), and a config change makes a new EditorLinter."""

    def __init__(self, selection: Selection) -> None:
        super().__init__(selection)
        self.format_of: dict[str, str] = {}
        self._blocks: dict[str, dict[str, list[Finding]]] = {}  # path -> block text -> its findings
        self._linting: tuple[dict[str, list[Finding]], dict[str, list[Finding]]] | None = None
        self._parsed: dict[str, Document] = {}  # path -> the last lint's Document, when parsed whole
        self._found: dict[str, tuple[Document, list[Finding]]] = {}  # path -> that Document's findings
        self._top: Source | None = None  # the Source being linted

    def findings(self, source: Source, config: Config) -> list[Finding]:
        # Only the blocks of this lint are kept: the memo holds one copy of each open document's text.
        self._linting = (self._blocks.pop(source.path, {}), {})
        self._parsed.pop(source.path, None)
        self._found.pop(source.path, None)
        self._top = source
        try:
            found = super().findings(source, config)
            self._blocks[source.path] = self._linting[1]
            if source.path in self._parsed:
                self._found[source.path] = (self._parsed[source.path], list(found))
            return found
        finally:
            self._linting = None
            self._top = None

    def block_findings(self, block: Source, config: Config) -> list[Finding]:
        if self._linting is None:
            return super().block_findings(block, config)
        before, now = self._linting
        found = before.get(block.text)
        if found is None:
            found = super().block_findings(block, config)
        now[block.text] = found
        return found

    def forget(self, path: str) -> None:
        self._blocks.pop(path, None)
        self._parsed.pop(path, None)
        self._found.pop(path, None)

    def _findings_of(self, doc: Document, config: Config) -> list[Finding]:
        known = self._found.get(doc.source.path)
        if known is not None and known[0] is doc:
            return list(known[1])
        return super()._findings_of(doc, config)

    def document(self, source: Source, config: Config) -> Document:
        from lint.language import resolve

        kept = self._parsed.get(source.path)
        if kept is not None and kept.source is source:
            return kept
        fmt = self.format_of.get(source.path) or formats.DEFAULT_FORMAT
        doc = formats.parse(source, fmt, None, config.format_options.get(fmt))
        resolve(doc, config)
        if source is self._top:
            self._parsed[source.path] = doc
        return doc


@dataclass
class ConfigEntry:
    stamp: tuple[int, int] | None
    config: Config
    linter: EditorLinter
    ignore: _IgnoreCache = field(default_factory=_IgnoreCache)

    def excluded(self, path: Path) -> bool:
        return self.ignore.is_excluded(path.resolve(), self.config, False)


class Configs:
    """The config of each document's folder, re-read when its file changes (checked on every lint)."""

    def __init__(self, server: CopylintServer) -> None:
        self.server = server
        self.entries: dict[Path, ConfigEntry] = {}
        self.defaults: dict[Path, ConfigEntry] = {}
        self.reported: set[tuple[Path, tuple[int, int]]] = set()

    def clear(self) -> None:
        self.entries.clear()
        self.defaults.clear()
        _forget_failed_servers()

    def _default(self, root: Path) -> ConfigEntry:
        if root not in self.defaults:
            self.defaults[root] = ConfigEntry(None, Config(root=root), EditorLinter(self.server.selection))
        return self.defaults[root]

    def for_path(self, path: Path | None) -> ConfigEntry:
        folder = path.parent if path is not None else (self.server.root or Path.cwd())
        try:
            found = find_config_file(folder)
            if found is None:
                return self._default(self.server.root or folder)
            st = found.stat()
        except OSError:
            return self._default(self.server.root or folder)
        stamp = (st.st_mtime_ns, st.st_size)
        entry = self.entries.get(found)
        if entry is not None and entry.stamp == stamp:
            return entry
        if entry is not None:
            _forget_failed_servers()  # the new config may name another LanguageTool server
        try:
            config = load_config(found)
        except ConfigError as exc:
            if (found, stamp) not in self.reported:
                self.reported.add((found, stamp))
                self.server.show(f"copylint: {exc} (using the defaults until it is fixed)", types.MessageType.Error)
            config = Config(root=found.parent)
        entry = self.entries[found] = ConfigEntry(stamp, config, EditorLinter(self.server.selection))
        return entry


def _forget_failed_servers() -> None:
    """The LanguageTool provider remembers a server that failed for the life of the process; a
    long-lived editor process must retry it after a config change."""
    import sys

    provider = sys.modules.get("lint.languagetool.provider")
    if provider is not None:
        provider.reset()


# -- the server ----------------------------------------------------------------------------------------------

class CopylintProtocol(LanguageServerProtocol):
    """Keeps open documents itself: pygls's store splits lines at U+2028 and friends, LSP does not."""

    _server: CopylintServer

    def structure_message(self, data: dict[str, Any]) -> Any:
        """A request whose params do not fit the protocol (a negative position) gets an error reply:
        pygls would log it and leave the client waiting for an answer that never comes."""
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if isinstance(data, dict) and "method" in data and isinstance(data.get("id"), (int, str)):
                error = exc.to_response_error()
                error.message = f"{error.message}: {describe(exc.__cause__ or exc)}"
                self._send_response(data["id"], error=error)
            raise

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams) -> None:
        self._server.did_open(params.text_document)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams) -> None:
        self._server.did_change(params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams) -> None:
        self._server.did_close(params.text_document.uri)


class CopylintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "copylint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            protocol_cls=CopylintProtocol,
        )
        self.docs: dict[str, OpenDocument] = {}
        self.unit = "utf-16"
        self.selection = Selection()
        self.debounce = DEBOUNCE_MS / 1000
        self.root: Path | None = None
        self.configs = Configs(self)
        # Documents whose findings depend on another file (an i18n catalogue on its source catalogue,
        # Linter.sources_of): each open document's real path -> its uri (whose buffer the catalogue readers
        # read for that file: source_catalogue.open_buffer), each such file's real path -> the open
        # documents that depend on it.
        self.by_key: dict[str, str] = {}
        self.dependants: dict[str, set[str]] = {}
        self.watching: tuple[frozenset[str], str] | None = None  # the sources watched, the registration's id
        self.registrations = 0

    # -- messages to the client ------------------------------------------------------------------------------

    def show(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        self.window_show_message(types.ShowMessageParams(kind, message))

    def capability(self, path: str, default: Any = None) -> Any:
        return get_capability(self.client_capabilities, path, default)  # type: ignore[call-overload]

    # -- lifecycle -------------------------------------------------------------------------------------------

    def initialize(self, params: types.InitializeParams) -> None:
        encoding = self.protocol.workspace.position_encoding or "utf-16"
        self.unit = UNITS.get(getattr(encoding, "value", encoding), "utf-16")
        root = None
        if params.workspace_folders:
            root = to_fs_path(params.workspace_folders[0].uri)
        elif params.root_uri:
            root = to_fs_path(params.root_uri)
        elif params.root_path:
            root = params.root_path
        self.root = Path(root) if root else None
        options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        selection: dict[str, Any] = {}
        for key, name in (("select", "select"), ("extendSelect", "extend_select"), ("ignore", "ignore")):
            value = options.get(key)
            if isinstance(value, str):
                value = [value]
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                unknown = [v for v in value if not registry.is_selector(v)]
                if unknown:
                    self.show(f"copylint: unknown rule code or slug {', '.join(unknown)} in {key}",
                              types.MessageType.Warning)
                selection[name] = tuple(v for v in value if registry.is_selector(v))
        self.selection = Selection(**selection)
        debounce = options.get("debounce")
        if isinstance(debounce, (int, float)) and 0 <= debounce <= 5000:
            self.debounce = debounce / 1000

    def initialized(self) -> None:
        if self.capability("workspace.did_change_watched_files.dynamic_registration", False):
            watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILE_NAMES]
            self.client_register_capability(types.RegistrationParams([
                types.Registration(
                    id="copylint-config-watch",
                    method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
                )
            ]))

    # -- documents -------------------------------------------------------------------------------------------

    def did_open(self, item: types.TextDocumentItem) -> None:
        path = to_fs_path(item.uri) if item.uri.startswith("file:") else None
        doc = OpenDocument(item.uri, item.language_id, item.text, item.version, Path(path) if path else None)
        self.docs[item.uri] = doc
        if path:
            doc.key = os.path.realpath(path)
            self.by_key[doc.key] = item.uri
            source_catalogue.open_buffer(doc.key, doc.text)
        self.lint(doc)
        if doc.key is not None:
            self.changed(doc.key)  # its buffer, not the file, is now what its dependants compare with

    def did_change(self, params: types.DidChangeTextDocumentParams) -> None:
        doc = self.docs.get(params.text_document.uri)
        if doc is None:
            return
        text = doc.text
        for change in params.content_changes:
            if isinstance(change, types.TextDocumentContentChangePartial):
                # The last lint's Source, when it is of this text, has the line starts already.
                source = doc.source if doc.source is not None and doc.source.text is text else make_source("", text)
                r = change.range
                start = offset_at(source, r.start.line, r.start.character, self.unit)
                end = offset_at(source, r.end.line, r.end.character, self.unit)
                start, end = min(start, end), max(start, end)
                text = text[:start] + change.text + text[end:]
            else:
                text = change.text
        doc.text = text
        doc.version = params.text_document.version
        if doc.key is not None and self.by_key.get(doc.key) == doc.uri:
            source_catalogue.open_buffer(doc.key, text)
        self.schedule(doc)
        if doc.key is not None and doc.key in self.dependants:
            self.changed(doc.key, at_once=False)  # debounced as the document's own lint is

    def did_close(self, uri: str) -> None:
        doc = self.docs.pop(uri, None)
        if doc is not None and doc.timer is not None:
            doc.timer.cancel()
        if doc is not None and doc.linter is not None and doc.source is not None:
            doc.linter.forget(doc.source.path)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        if doc is not None:
            self.depend(doc, {})
            if doc.key is not None and self.by_key.get(doc.key) == uri:
                del self.by_key[doc.key]
                source_catalogue.open_buffer(doc.key, None)
                self.changed(doc.key)  # unsaved edits are gone: its dependants compare with the file again

    def schedule(self, doc: OpenDocument) -> None:
        if doc.timer is not None:
            doc.timer.cancel()
        if self.debounce <= 0:
            self.lint(doc)
            return
        loop = asyncio.get_running_loop()
        doc.timer = loop.call_later(self.debounce, self._lint_if_open, doc.uri)

    def _lint_if_open(self, uri: str) -> None:
        doc = self.docs.get(uri)
        if doc is not None:
            self.lint(doc)

    def ensure_linted(self, doc: OpenDocument) -> None:
        if doc.timer is not None or doc.linted_version != doc.version or doc.source is None:
            self.lint(doc)

    def relint_all(self) -> None:
        self.configs.clear()
        for doc in list(self.docs.values()):
            self.lint(doc)

    # -- documents whose findings depend on other files ------------------------------------------------------

    def changed(self, key: str, at_once: bool = True) -> None:
        """The file at the real path ``key`` (an open buffer, or the file on disk) may have changed: lint
        again the open documents that depend on it and last compared it with another text, now
        (``at_once``) or once edits pause (the debounce). Other documents are not linted again."""
        uris = self.dependants.get(key)
        if not uris:
            return
        content = source_catalogue.digest(key)
        for uri in sorted(uris):
            doc = self.docs.get(uri)
            if doc is None or doc.sources.get(key) == content:
                continue
            if at_once:
                self.lint(doc)
            else:
                self.schedule(doc)

    def watched_files_changed(self, changes: Sequence[types.FileEvent]) -> None:
        """Files changed on disk (``workspace/didChangeWatchedFiles``): a config re-lints every open
        document; a file open documents depend on, those documents (where it is not open itself: then its
        buffer stays what they compare with); a file created, the open documents it becomes a source of."""
        paths = [to_fs_path(c.uri) for c in changes if c.uri.startswith("file:")]
        if any(Path(p or "").name in CONFIG_FILE_NAMES for p in paths):
            self.relint_all()
            return
        for p in paths:
            key = os.path.realpath(p) if p else None
            if key is not None and key in self.dependants:
                source_catalogue.forget(key)  # read again, even where its size and mtime are the same
                self.changed(key)
        if any(c.type == types.FileChangeType.Created for c in changes):
            for doc in list(self.docs.values()):
                if self.sources_moved(doc):
                    self.lint(doc)

    def sources_moved(self, doc: OpenDocument) -> bool:
        """Whether the files the document's findings depend on are others than at its last lint."""
        fmt = formats.FORMATS.get(doc.linter.format_of.get(str(doc.path), "")) if doc.linter else None
        if fmt is None or fmt.sources is None or doc.config is None or doc.linter is None:
            return False
        found = doc.linter.sources_of(str(doc.path), doc.config, fmt.name)
        return {os.path.realpath(p) for p in found} != doc.sources.keys()

    def read_sources(self, doc: OpenDocument, linter: EditorLinter, config: Config, name: str, fmt: str) -> None:
        """Before a lint: the files the document's findings depend on (``Linter.sources_of``), and the
        content of each that the lint compares it with (its digest: an open buffer's, else the file's)."""
        found = linter.sources_of(name, config, fmt) if doc.path is not None else ()
        self.depend(doc, {os.path.realpath(path): source_catalogue.digest(path) for path in found})

    def depend(self, doc: OpenDocument, contents: dict[str, bytes]) -> None:
        """Record that the document's findings depend on the files ``contents`` names (the reverse map that
        ``changed`` reads), and have the editor watch those files."""
        moved = doc.sources.keys() != contents.keys()
        for key in doc.sources.keys() - contents.keys():
            users = self.dependants.get(key)
            if users is not None:
                users.discard(doc.uri)
                if not users:
                    del self.dependants[key]
        for key in contents:
            self.dependants.setdefault(key, set()).add(doc.uri)
        doc.sources = contents
        if moved:
            self.watch_sources()

    def watch_sources(self) -> None:
        """Have the editor watch the files open documents depend on (``workspace/didChangeWatchedFiles``),
        where it registers watchers on request: one registration, replaced when the set changes."""
        wanted = frozenset(self.dependants)
        if wanted == (self.watching[0] if self.watching else frozenset()):
            return
        if not self.capability("workspace.did_change_watched_files.dynamic_registration", False):
            return
        if self.watching is not None:
            self.client_unregister_capability(types.UnregistrationParams([types.Unregistration(
                id=self.watching[1], method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES)]))
            self.watching = None
        if not wanted:
            return
        relative = self.capability("workspace.did_change_watched_files.relative_pattern_support", False)
        watchers = [types.FileSystemWatcher(glob_pattern=types.RelativePattern(
            base_uri=from_fs_path(str(Path(key).parent)) or Path(key).parent.as_uri(), pattern=Path(key).name)
            if relative else f"**/{Path(key).name}") for key in sorted(wanted)]
        self.registrations += 1
        registration = f"copylint-source-watch-{self.registrations}"
        self.client_register_capability(types.RegistrationParams([types.Registration(
            id=registration, method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
        )]))
        self.watching = (wanted, registration)

    # -- linting ---------------------------------------------------------------------------------------------

    def format_for(self, doc: OpenDocument, config: Config) -> str | None:
        if doc.path is not None:
            fmt = formats.format_for(str(doc.path), config.formats, config.root)
            if fmt is not None:
                return fmt
        # languageId (what the editor calls the document), for documents whose name does not say: each
        # format declares the ids it answers to.
        return formats.format_for_language_id(doc.language_id)

    def lint(self, doc: OpenDocument) -> None:
        if doc.timer is not None:
            doc.timer.cancel()
            doc.timer = None
        started = time.perf_counter()
        name = str(doc.path) if doc.path is not None else doc.uri
        source = make_source(name, doc.text)
        entry = self.configs.for_path(doc.path)
        doc.source, doc.config, doc.linter = source, entry.config, entry.linter
        doc.findings = []
        doc.linted_version = doc.version
        doc.kept = {}
        diagnostics: list[types.Diagnostic] = []
        fmt = self.format_for(doc, entry.config)
        if fmt is None or (doc.path is not None and entry.excluded(doc.path)):
            self.depend(doc, {})
        else:
            entry.linter.format_of[name] = fmt
            self.read_sources(doc, entry.linter, entry.config, name, fmt)
            refused = input_refused(doc.text, entry.config)
            try:
                if refused is not None:
                    diagnostics.append(types.Diagnostic(
                        range=types.Range(types.Position(0, 0), types.Position(1, 0)),
                        message=f"copylint does not lint this document: {refused}",
                        severity=types.DiagnosticSeverity.Error, source="copylint",
                    ))
                else:
                    doc.findings = entry.linter.findings(source, entry.config)
            except formats.ParseError as exc:
                line = max((exc.line or 1) - 1, 0)
                diagnostics.append(types.Diagnostic(
                    range=types.Range(types.Position(line, 0), types.Position(line + 1, 0)),
                    message=f"copylint cannot parse this file: {exc}", severity=types.DiagnosticSeverity.Error,
                    source="copylint",
                ))
            except Exception as exc:  # a broken reader or rule must not take the editor's linter down with it
                log.exception("linting %s failed", doc.uri)
                self.window_log_message(types.LogMessageParams(
                    types.MessageType.Error, f"copylint: linting {doc.uri} failed: {describe(exc)}"))
        cols = Columns(source, self.unit, base=0)
        diagnostics.extend(self.diagnostic(f, cols, doc.uri) for f in doc.findings)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=doc.uri, version=doc.version, diagnostics=diagnostics)
        )
        log.debug("linted %s v%s in %.1f ms", doc.uri, doc.version, (time.perf_counter() - started) * 1000)

    def diagnostic(self, f: Finding, cols: Columns, uri: str) -> types.Diagnostic:
        href = None
        if self.capability("text_document.publish_diagnostics.code_description_support", False):
            href = types.CodeDescription(href=rule_url(f.code, f.rule))
        fix = f.fix.applicability.value if f.fix is not None else None
        related = None
        if f.related and self.capability("text_document.publish_diagnostics.related_information", False):
            related = [types.DiagnosticRelatedInformation(types.Location(uri, lsp_range(cols, r.start, r.end)), r.message)
                       for r in f.related]
        return types.Diagnostic(
            range=lsp_range(cols, f.start, f.end),
            message=f.message,
            severity=SEVERITIES.get(f.severity, types.DiagnosticSeverity.Warning),
            code=f.code,
            code_description=href,
            source="copylint",
            related_information=related,
            data={"rule": f.rule, "fix": fix},
        )

    # -- code actions ----------------------------------------------------------------------------------------

    def workspace_edit(self, doc: OpenDocument, edits: Sequence[tuple[int, int, str]]) -> types.WorkspaceEdit:
        assert doc.source is not None
        cols = Columns(doc.source, self.unit, base=0)
        text_edits = [types.TextEdit(lsp_range(cols, s, e), r) for s, e, r in edits]
        if self.capability("workspace.workspace_edit.document_changes", False):
            return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
                text_document=types.OptionalVersionedTextDocumentIdentifier(uri=doc.uri, version=doc.version),
                edits=list(text_edits),
            )])
        return types.WorkspaceEdit(changes={doc.uri: list(text_edits)})

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        doc = self.docs.get(params.text_document.uri)
        if doc is None:
            return None
        self.ensure_linted(doc)
        assert doc.source is not None
        only = params.context.only

        def wanted(kind: str) -> bool:
            return only is None or any(kind == k or kind.startswith(f"{k}.") for k in only)

        actions: list[types.CodeAction] = []
        if wanted(types.CodeActionKind.QuickFix):
            r = params.range
            start = offset_at(doc.source, r.start.line, r.start.character, self.unit)
            end = offset_at(doc.source, r.end.line, r.end.character, self.unit)
            cols = Columns(doc.source, self.unit, base=0)
            for f in doc.findings:
                if f.fix is None or f.start > end or f.end < start:
                    continue
                if not self.fix_is_kept(doc, f):
                    continue  # it would change the file's structure: check --fix would not apply it either
                safe = f.fix.applicability is Applicability.SAFE
                title = f"{describe_fix(f, doc.source.text)} ({f.code})" + ("" if safe else " — unsafe: review it")
                actions.append(types.CodeAction(
                    title=title,
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[self.diagnostic(f, cols, doc.uri)],
                    is_preferred=safe,
                    edit=self.workspace_edit(doc, [(e.start, e.end, e.replacement) for e in f.fix.edits]),
                ))
        if wanted(FIX_ALL_KIND) and any(
            f.fix is not None and f.fix.applicability is Applicability.SAFE for f in doc.findings
        ):
            action = types.CodeAction(title=FIX_ALL_TITLE, kind=FIX_ALL_KIND,
                                      data={"uri": doc.uri, "version": doc.version})
            if "edit" in self.capability("text_document.code_action.resolve_support.properties", []):
                actions.append(action)
            else:
                actions.append(self.resolve(action))
        return actions

    def resolve(self, action: types.CodeAction) -> types.CodeAction:
        data = action.data if isinstance(action.data, dict) else {}
        doc = self.docs.get(str(data.get("uri")))
        if action.kind != FIX_ALL_KIND or doc is None:
            return action
        self.ensure_linted(doc)
        assert doc.source is not None and doc.config is not None and doc.linter is not None
        # A client without lazy resolution gets fix all with every code action list: once per version.
        if doc.fixed_all is None or doc.fixed_all[0] != doc.version:
            passes: list[FixPass] = []
            try:
                fixed, _, _ = doc.linter.fix(doc.source, doc.config, unsafe=False, log=passes)
            except (Crash, formats.ParseError, RecursionError) as exc:
                raise JsonRpcInternalError(f"copylint cannot fix {doc.uri}: {exc}") from exc
            doc.fixed_all = (doc.version, self.workspace_edit(doc, fix_all_edits(doc.source.text, passes, fixed)))
        action.edit = doc.fixed_all[1]
        return action

    def fix_is_kept(self, doc: OpenDocument, f: Finding) -> bool:
        """``Linter.fix_is_kept``, once per finding and lint (an editor asks for code actions at every move
        of the cursor; on a big document each check parses it again)."""
        if doc.linter is None or doc.config is None or doc.source is None:
            return False
        key = (f.code, f.start, f.end)
        if key not in doc.kept:
            doc.kept[key] = doc.linter.fix_is_kept(doc.source, doc.config, f)
        return doc.kept[key]


def _short(text: str, limit: int = 24) -> str:
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return shown.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")


def describe_fix(f: Finding, text: str) -> str:
    assert f.fix is not None
    if len(f.fix.edits) != 1:
        return f"Apply the fix for {f.rule}"
    e = f.fix.edits[0]
    old = text[e.start : e.end]
    if not old.strip() and not e.replacement.strip():
        return "Fix the whitespace" if e.replacement else "Delete the whitespace"
    if not e.replacement:
        return f"Delete “{_short(old)}”"
    if not old:
        return f"Insert “{_short(e.replacement)}”"
    return f"Replace “{_short(old)}” with “{_short(e.replacement)}”"


def make_server() -> CopylintServer:
    server = CopylintServer()

    @server.feature(types.INITIALIZE)
    def _initialize(ls: CopylintServer, params: types.InitializeParams) -> None:
        ls.initialize(params)

    @server.feature(types.INITIALIZED)
    def _initialized(ls: CopylintServer, params: types.InitializedParams) -> None:
        ls.initialized()

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def _did_save(ls: CopylintServer, params: types.DidSaveTextDocumentParams) -> None:
        path = to_fs_path(params.text_document.uri) or ""
        if Path(path).name in CONFIG_FILE_NAMES:
            ls.relint_all()
            return
        doc = ls.docs.get(params.text_document.uri)
        if doc is not None:
            ls.lint(doc)
        if path:
            # Its dependants, now rather than once the debounce ends (and not at all where they were
            # linted with this text already).
            ls.changed(os.path.realpath(path))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def _watched(ls: CopylintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.watched_files_changed(params.changes)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND],  # type: ignore[list-item]
            resolve_provider=True,
        ),
    )
    def _code_action(ls: CopylintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        return ls.code_actions(params)

    @server.feature(types.CODE_ACTION_RESOLVE)
    def _resolve(ls: CopylintServer, action: types.CodeAction) -> types.CodeAction:
        return ls.resolve(action)

    return server


@click.command()
@click.option("--stdio", is_flag=True, help="Talk over stdin/stdout (the default and only transport).")
@click.option("--log-file", type=click.Path(dir_okay=False), help="Write the server's log here.")
def command(stdio: bool, log_file: str | None) -> None:
    """Run the language server over stdio (for editors)."""
    if log_file:
        logging.basicConfig(filename=log_file, level=logging.INFO)
    make_server().start_io()


__all__ = ["command", "fix_all_edits", "from_fs_path", "make_server", "offset_at"]
