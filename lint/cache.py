"""The results cache: a file whose bytes and settings are unchanged costs no re-check.

Two keys lead to an entry, both salted with a fingerprint of everything that decides the findings:
copylint's version and code (the size and mtime of every module of the installed ``lint`` package, so an
edited rule invalidates it), the resolved config and the command-line selection.

- the file's path, size, modification time and inode (as ruff does), in one index per settings
  (``StatIndex``: one JSON file that a run reads once and writes once, at its end): a warm run over
  unchanged files opens no file that has nothing to report, and hashes none; the index names the
  content entry of a file that has;
- the file's path and content hash: a fresh checkout (new mtimes, same bytes, as in CI) still hits.

Entries live under ``.copylint_cache/`` in the current folder, or the config's ``cache-dir``, or
``$COPYLINT_CACHE_DIR`` (which wins), one small JSON file each, written atomically; a corrupt entry or
index is a miss; ``copylint clean`` removes the folder. Runs with rule providers (LanguageTool) or --fix
bypass it: their results depend on more than the file.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from lint import __version__
from lint.model import Applicability, Edit, Finding, Fix, Related, Severity

# (The cache folder's name and where it is live in ``lint.paths``: the walk of a folder skips it, also in a
# --no-cache run, which does without this module.)
from lint.paths import CACHE_DIR_NAME, cache_dir  # noqa: F401

# The hash of a file's bytes that its content key is made from (taken once, so that the bytes need not be kept
# while the file is linted): the tree pre-pass's, which a --no-cache run takes without this module.
from lint.tree import content_digest  # noqa: F401


def _sha256(data: bytes = b"") -> Any:
    """A SHA-256 hash object; hashlib is imported on the first call (a --no-cache run makes none)."""
    import hashlib

    return hashlib.sha256(data)


def enabled() -> bool:
    return os.environ.get("COPYLINT_NO_CACHE", "") in ("", "0")


def is_cache_dir(folder: Path) -> bool:
    """Whether ``folder`` is a copylint cache (``copylint clean`` removes nothing else)."""
    tag = folder / "CACHEDIR.TAG"
    try:
        return folder.is_dir() and "copylint" in tag.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    import lint

    h = _sha256(__version__.encode())
    roots = [Path(p) for p in lint.__path__]
    try:
        import lint.rules as rules_pkg

        roots += [Path(p) for p in rules_pkg.__path__]
    except ImportError:
        pass
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".yaml", ".json"):
                st = path.stat()
                h.update(f"{path}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()


def settings_key(config: Any, selection: Any) -> str:
    # A file's time limit is no setting of its findings: a file that finishes within it has the same ones, and
    # a file it stops is not stored.
    data = {k: v for k, v in asdict(config).items() if k not in ("path", "cache_dir", "file_timeout")}
    chosen = {k: v for k, v in asdict(selection).items() if k != "file_timeout"}
    blob = json.dumps([data, chosen, code_fingerprint()], sort_keys=True, default=str)
    return _sha256(blob.encode()).hexdigest()


def _entry(settings: str, content: bytes, path: str, folder: Path | None = None) -> Path:
    """The entry for these settings, path and content digest (``content_digest``)."""
    key = _sha256(settings.encode() + b"\0" + path.encode("utf-8", "surrogateescape") + b"\0"
                         + content).hexdigest()
    return (folder or cache_dir()) / __version__ / key[:2] / f"{key}.json"


def _to_json(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code, "rule": f.rule, "message": f.message, "start": f.start, "end": f.end,
        "severity": f.severity.value,
        "fix": None if f.fix is None else {
            "applicability": f.fix.applicability.value,
            "edits": [[e.start, e.end, e.replacement] for e in f.fix.edits],
        },
        **({"related": [[r.start, r.end, r.message] for r in f.related]} if f.related else {}),
    }


def _offset(value: Any) -> int:
    if type(value) is not int or value < 0:
        raise ValueError("not an offset")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("not a string")
    return value


def _from_json(d: dict[str, Any], path: str) -> Finding:
    """A finding as stored; a field of the wrong type (a tampered or foreign entry) raises ValueError."""
    fix = None
    if d["fix"] is not None:
        edits = tuple(Edit(_offset(s), _offset(e), _text(r)) for s, e, r in d["fix"]["edits"])
        fix = Fix(edits, Applicability(d["fix"]["applicability"]))
    related = tuple(Related(_offset(s), _offset(e), _text(m)) for s, e, m in d.get("related", ()))
    return Finding(_text(d["code"]), _text(d["rule"]), _text(d["message"]), _offset(d["start"]), _offset(d["end"]),
                   Severity(d["severity"]), fix, path, related)


@dataclass(frozen=True)
class Entry:
    """A content entry as ``store`` wrote it: the findings, the document's language (with where it came
    from), and its line hashes when a rule of scope "tree" ran (``lint.tree.packed``, unchecked: read by
    ``lint.tree.unpacked``), else None."""

    findings: list[Finding]
    language: tuple[str, str]
    lines: Any = None


def _read(entry: Path | str, path: str, length: int | None = None) -> Entry | None:
    """The entry, or None (a miss) when there is none or it is not what ``store`` writes: unreadable,
    malformed, or with offsets past the text's ``length``."""
    try:
        with open(entry, encoding="utf-8") as handle:
            data = json.loads(handle.read())
        found = [_from_json(d, path) for d in data["findings"]]
        language = (_text(data["language"][0]), _text(data["language"][1]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None
    if not _within(found, length):
        return None
    return Entry(found, language, data.get("lines"))


def _within(found: list[Finding], length: int | None) -> bool:
    """Whether every finding's, edit's and related place's offsets lie in a text of ``length`` characters (when known)."""
    return length is None or not any(
        f.start > f.end or f.end > length
        or (f.fix is not None and any(e.start > e.end or e.end > length for e in f.fix.edits))
        or any(r.start > r.end or r.end > length for r in f.related)
        for f in found
    )


def load(settings: str, digest: bytes, path: str, folder: Path | None = None,
         length: int | None = None) -> Entry | None:
    return _read(_entry(settings, digest, path, folder), path, length)


def _mark_root(root: Path) -> None:
    """Tag the cache folder (``copylint clean`` removes only a tagged one) and keep it out of git."""
    tag = root / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n# copylint results cache\n")
    gitignore = root / ".gitignore"
    if not gitignore.exists():
        gitignore.write_text("*\n")


def _write(target: Path, root: Path, findings: list[Finding], language: tuple[str, str],
           lines: list[int] | None = None) -> None:
    try:
        if not target.parent.is_dir():
            target.parent.mkdir(parents=True, exist_ok=True)
            _mark_root(root)
        import tempfile  # here: a run that writes no cache (--no-cache, a warm run) never needs it

        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            data: dict[str, Any] = {"language": list(language), "findings": [_to_json(f) for f in findings]}
            if lines is not None:
                data["lines"] = lines  # the document's line hashes (lint.tree.packed), for S112's counts
            json.dump(data, handle)
        os.replace(tmp, target)
    except OSError:
        pass  # a read-only folder: run without a cache


def store(settings: str, digest: bytes, path: str, findings: list[Finding], folder: Path | None = None,
          language: tuple[str, str] = ("en", "default"), lines: list[int] | None = None) -> None:
    root = folder or cache_dir()
    _write(_entry(settings, digest, path, root), root, findings, language, lines)


@dataclass(frozen=True)
class StatRecord:
    """What the index keeps for a file linted unchanged: its size, modification time and inode when it
    was read, its content digest (which names its content entry), how many findings it has and its
    language."""

    size: int
    mtime_ns: int
    inode: int
    digest: bytes
    findings: int
    language: tuple[str, str]
    # The findings as the content entry stores them, when they are few (KEPT_IN_INDEX): a warm run then
    # opens no entry for them; more are read from the content entry, and keep the index small.
    kept: list[dict[str, Any]] | None = None
    # The document's line hashes (``lint.tree.packed``) when a rule of scope "tree" ran: a warm run counts
    # the tree's lines from the index without reading the file.
    lines: list[int] | None = None


KEPT_IN_INDEX = 16


def stat_record(st: os.stat_result, digest: bytes, found: list[Finding], language: tuple[str, str],
                lines: list[int] | None = None) -> StatRecord:
    kept = [_to_json(f) for f in found] if 0 < len(found) <= KEPT_IN_INDEX else None
    return StatRecord(st.st_size, st.st_mtime_ns, st.st_ino, digest, len(found), language, kept, lines)


def kept_findings(record: StatRecord, path: str, length: int | None = None) -> list[Finding] | None:
    """The findings the index keeps for the file, or None when it keeps none, or not what ``stat_record``
    makes (tampered), or with offsets past the text's ``length``."""
    if record.kept is None:
        return None
    try:
        found = [_from_json(d, path) for d in record.kept]
    except (ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None
    return found if len(found) == record.findings and _within(found, length) else None


class StatIndex:
    """The stat records of one settings key in one cache folder, by absolute path: read whole on first
    use, changed in memory, written back whole (``save``) once, at the end of a run. Runs that end at
    the same time may each write theirs: the last one wins, and a file the other recorded is found by
    its content entry next time, then recorded again. A file that is gone is dropped when the index
    is written (so renames and deletions do not grow it for ever)."""

    def __init__(self, settings: str, folder: Path) -> None:
        self.file = os.path.join(folder, __version__, "index", f"{settings}.json")
        self.root = folder
        self._entries: dict[str, list[Any]] | None = None
        self._seen: set[str] = set()  # the paths this run asked for or recorded: they exist
        self.changed = False

    def _loaded(self) -> dict[str, list[Any]]:
        if self._entries is None:
            try:
                with open(self.file, encoding="utf-8") as handle:
                    data = json.loads(handle.read())
                self._entries = data if isinstance(data, dict) else {}
            except (OSError, ValueError):
                self._entries = {}
        return self._entries

    def get(self, path: str, st: os.stat_result) -> StatRecord | None:
        """The record of ``path`` (absolute) if it has this size, modification time and inode."""
        self._seen.add(path)
        row = self._loaded().get(path)
        try:
            if row is None or row[0] != st.st_size or row[1] != st.st_mtime_ns or row[2] != st.st_ino:
                return None
            count, language, kept = row[4], (_text(row[5]), _text(row[6])), row[7]
            if type(count) is not int or count < 0 or not (kept is None or isinstance(kept, list)):
                return None
            lines = row[8] if len(row) > 8 else None
            return StatRecord(row[0], row[1], row[2], bytes.fromhex(row[3]), count, language, kept, lines)
        except (ValueError, TypeError, IndexError, KeyError):
            return None  # a tampered or foreign index: a miss

    def put(self, path: str, record: StatRecord) -> None:
        row: list[Any] = [record.size, record.mtime_ns, record.inode, record.digest.hex(), record.findings,
                          *record.language, record.kept]
        if record.lines is not None:
            row.append(record.lines)
        entries = self._loaded()
        self._seen.add(path)
        if entries.get(path) != row:
            entries[path] = row
            self.changed = True

    def save(self) -> None:
        if not self.changed or self._entries is None:
            return
        seen = self._seen
        entries = {path: row for path, row in self._entries.items() if path in seen or os.path.lexists(path)}
        target = Path(self.file)
        try:
            if not target.parent.is_dir():
                target.parent.mkdir(parents=True, exist_ok=True)
                _mark_root(self.root)
            import tempfile

            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                # ASCII: a name that is not UTF-8 (surrogate escapes) travels as \u escapes
                handle.write(json.dumps(entries, separators=(",", ":")))
            os.replace(tmp, target)
            self.changed = False
        except OSError:
            pass  # a read-only folder: the next run looks files up by content
