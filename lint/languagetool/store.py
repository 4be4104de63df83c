"""The cache of LanguageTool results, one entry per checked piece of text (a segment, or a slice of a
very long one), keyed by a hash of its text, the language, the settings and the server's version.

An unchanged file therefore costs no request on the next run, and an edited one costs a request for
its changed paragraphs only. Entries live in one SQLite file, ``languagetool/results.sqlite3`` under
copylint's cache folder (``.copylint_cache/`` in the current folder, or ``$COPYLINT_CACHE_DIR``).
``--no-cache`` (``Selection.cache``), ``COPYLINT_NO_CACHE=1`` or ``set_cache_enabled(False)`` turns it off; a folder that
cannot be written means a run without it. Within one process, results are also kept in memory.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lint import cache as engine_cache

SCHEMA = 1
_enabled = True
_memory: dict[str, Any] = {}


def set_cache_enabled(enabled: bool) -> None:
    """Turn the on-disk cache of G results off (or back on) for this process."""
    global _enabled
    _enabled = enabled


def cache_enabled() -> bool:
    return _enabled and engine_cache.enabled()


def cache_path() -> Path:
    return engine_cache.cache_dir() / "languagetool" / "results.sqlite3"


def key_for(fingerprint: str, text: str) -> str:
    return hashlib.sha256(f"{SCHEMA}\0{fingerprint}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()


class ResultStore:
    """Results by key: memory first, then the SQLite file (opened on first use)."""

    def __init__(self, path: Path | None = None, *, on_disk: bool = True) -> None:
        self.enabled = path is not None or (on_disk and cache_enabled())
        self.path = path if path is not None else (cache_path() if self.enabled else None)
        self._db: sqlite3.Connection | None = None
        self._failed = False
        self.hits = 0
        self.misses = 0

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None or self._failed or self.path is None:
            return self._db
        try:
            folder = self.path.parent
            if not folder.is_dir():
                folder.mkdir(parents=True, exist_ok=True)
                root = folder.parent
                if not (root / "CACHEDIR.TAG").exists():
                    (root / "CACHEDIR.TAG").write_text(
                        "Signature: 8a477f597d28d172789f06886806bc55\n# copylint results cache\n")
                if not (root / ".gitignore").exists():
                    (root / ".gitignore").write_text("*\n")
            db = sqlite3.connect(str(self.path), timeout=10.0, isolation_level=None)
            db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, data TEXT NOT NULL, "
                       "stored REAL NOT NULL)")
            self._db = db
        except (OSError, sqlite3.Error):
            self._failed = True
        return self._db

    def get_many(self, keys: Iterable[str]) -> dict[str, Any]:
        keys = list(dict.fromkeys(keys))
        memory = _memory if self.enabled else {}
        found = {k: memory[k] for k in keys if k in memory}
        rest = [k for k in keys if k not in found]
        db = self._connect() if rest else None
        if db is not None:
            try:
                for i in range(0, len(rest), 500):
                    chunk = rest[i : i + 500]
                    marks = ",".join("?" * len(chunk))
                    for key, data in db.execute(f"SELECT key, data FROM results WHERE key IN ({marks})", chunk):
                        with contextlib.suppress(ValueError):
                            found[key] = memory[key] = json.loads(data)
            except sqlite3.Error:
                pass
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def put_many(self, items: dict[str, Any]) -> None:
        if not self.enabled:
            return
        _memory.update(items)
        db = self._connect() if items else None
        if db is None:
            return
        now = time.time()
        try:
            with db:
                db.execute("BEGIN")
                db.executemany("INSERT OR REPLACE INTO results (key, data, stored) VALUES (?, ?, ?)",
                               [(k, json.dumps(v, ensure_ascii=False, separators=(",", ":")), now)
                                for k, v in items.items()])
        except sqlite3.Error:
            pass

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def clear_memory() -> None:
    _memory.clear()
