"""The results cache: a file whose bytes and settings are unchanged costs no re-check.

Two keys lead to an entry, both salted with a fingerprint of everything that decides the findings:
copylint's version and code (the size and mtime of every module of the installed ``lint`` package, so an
edited rule invalidates it), the resolved config and the command-line selection.

- the file's path, size and modification time (as ruff does): a warm run over unchanged files reads
  no file that has nothing to report, and hashes none;
- the file's path and content hash: a fresh checkout (new mtimes, same bytes, as in CI) still hits.

Entries live under ``.copylint_cache/`` in the current folder, or the config's ``cache-dir``, or
``$COPYLINT_CACHE_DIR`` (which wins), one small JSON file each, written atomically; a corrupt entry is a
miss; ``copylint clean`` removes the folder. Runs with rule providers (LanguageTool) or --fix bypass
it: their results depend on more than the file.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from lint import __version__
from lint.model import Applicability, Edit, Finding, Fix, Severity

CACHE_DIR_NAME = ".copylint_cache"


def _sha256(data: bytes = b"") -> Any:
    """A SHA-256 hash object; hashlib is imported on the first call (a --no-cache run makes none)."""
    import hashlib

    return hashlib.sha256(data)


def enabled() -> bool:
    return os.environ.get("COPYLINT_NO_CACHE", "") in ("", "0")


def cache_dir(config: Any = None) -> Path:
    env = os.environ.get("COPYLINT_CACHE_DIR")
    if env:
        return Path(env)
    if config is not None and getattr(config, "cache_dir", None):
        return Path(config.cache_dir)
    return Path(CACHE_DIR_NAME)


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
    data = {k: v for k, v in asdict(config).items() if k not in ("path", "cache_dir")}
    blob = json.dumps([data, asdict(selection), code_fingerprint()], sort_keys=True, default=str)
    return _sha256(blob.encode()).hexdigest()


def content_digest(content: bytes) -> bytes:
    """The hash of a file's bytes that its content key is made from (taken once, so that the bytes
    need not be kept while the file is linted)."""
    return _sha256(content).digest()


def _entry(settings: str, content: bytes, path: str, folder: Path | None = None) -> Path:
    """The entry for these settings, path and content digest (``content_digest``)."""
    key = _sha256(settings.encode() + b"\0" + path.encode("utf-8", "surrogateescape") + b"\0"
                         + content).hexdigest()
    return (folder or cache_dir()) / __version__ / key[:2] / f"{key}.json"


def _stat_entry(settings: str, path: str, st: os.stat_result, folder: Path | None = None) -> Path:
    return Path(_stat_entry_name(settings, path, st, folder))


def _stat_entry_name(settings: str, path: str, st: os.stat_result, folder: Path | None = None) -> str:
    """``_stat_entry`` as a string: a warm run looks one up per file, and joining strings costs a
    fraction of joining Paths."""
    blob = f"{settings}\0{os.path.abspath(path)}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}"
    key = _sha256(blob.encode("utf-8", "surrogateescape")).hexdigest()
    return os.path.join(folder or cache_dir(), __version__, "stat", key[:2], f"{key}.json")


def _to_json(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code, "rule": f.rule, "message": f.message, "start": f.start, "end": f.end,
        "severity": f.severity.value,
        "fix": None if f.fix is None else {
            "applicability": f.fix.applicability.value,
            "edits": [[e.start, e.end, e.replacement] for e in f.fix.edits],
        },
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
    return Finding(_text(d["code"]), _text(d["rule"]), _text(d["message"]), _offset(d["start"]), _offset(d["end"]),
                   Severity(d["severity"]), fix, path)


def _read(entry: Path | str, path: str, length: int | None = None) -> tuple[list[Finding], tuple[str, str]] | None:
    """The stored findings and the document's language (with where it came from), or None (a miss) when
    there are none or the entry is not what ``store`` writes: unreadable, malformed, or with offsets past
    the text's ``length``."""
    try:
        with open(entry, encoding="utf-8") as handle:
            data = json.loads(handle.read())
        found = [_from_json(d, path) for d in data["findings"]]
        language = (_text(data["language"][0]), _text(data["language"][1]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None
    if length is not None and any(
        f.start > f.end or f.end > length
        or (f.fix is not None and any(e.start > e.end or e.end > length for e in f.fix.edits))
        for f in found
    ):
        return None
    return found, language


def load(settings: str, digest: bytes, path: str, folder: Path | None = None,
         length: int | None = None) -> tuple[list[Finding], tuple[str, str]] | None:
    return _read(_entry(settings, digest, path, folder), path, length)


def load_by_stat(settings: str, path: str, st: os.stat_result,
                 folder: Path | None = None) -> tuple[list[Finding], tuple[str, str]] | None:
    """The findings (and language) recorded for this path at this size and modification time, without
    reading it."""
    return _read(_stat_entry_name(settings, path, st, folder), path)


def _write(target: Path, root: Path, findings: list[Finding], language: tuple[str, str]) -> None:
    try:
        if not target.parent.is_dir():
            target.parent.mkdir(parents=True, exist_ok=True)
            tag = root / "CACHEDIR.TAG"
            if not tag.exists():
                tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n# copylint results cache\n")
            gitignore = root / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("*\n")
        import tempfile  # here: a run that writes no cache (--no-cache, a warm run) never needs it

        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"language": list(language), "findings": [_to_json(f) for f in findings]}, handle)
        os.replace(tmp, target)
    except OSError:
        pass  # a read-only folder: run without a cache


def store(settings: str, digest: bytes, path: str, findings: list[Finding], folder: Path | None = None,
          st: os.stat_result | None = None, language: tuple[str, str] = ("en", "default")) -> None:
    root = folder or cache_dir()
    _write(_entry(settings, digest, path, root), root, findings, language)
    if st is not None:
        _write(_stat_entry(settings, path, st, root), root, findings, language)
