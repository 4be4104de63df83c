"""What the CI formats (sarif, github, rdjson, gitlab) and the language server share.

- Paths as CI systems want them: relative to the folder copylint runs in (the
  repository root in CI), with ``/`` separators.
- Columns in the unit each consumer counts: Unicode code points (copylint's own,
  GitHub annotations, GitLab), UTF-16 code units (SARIF's default, LSP's
  default) or UTF-8 bytes (reviewdog, LSP's ``utf-8``).
- Fingerprints that survive edits elsewhere in the file (GitLab, SARIF).

Everything here works per finding, with no state that grows with the number of
findings beyond one file's occurrence counts.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path, PurePath

from lint.model import Finding, Source
from lint.patterns import compiled
from lint.report import KeptPlaces

# Compiled with the module (through the store, ``lint.patterns``): a report's memory holds what it writes.
_ASTRAL = compiled("[\U00010000-\U0010ffff]")
_NEWLINES = compiled(r"\r\n?")


def display_path(path: str, cwd: str | None = None) -> str:
    """``path`` relative to ``cwd`` (default: the current folder) when it is inside it, with ``/``."""
    if not path or path == "-":
        return path
    p = Path(path)
    if p.is_absolute():
        base = Path(cwd or os.getcwd())
        try:
            p = p.relative_to(base)
        except ValueError:
            try:
                p = p.resolve().relative_to(base.resolve())
            except ValueError:
                return p.as_posix()
    posix = PurePath(os.path.normpath(p)).as_posix()
    return posix


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units: characters beyond the BMP count twice."""
    if text.isascii():
        return len(text)
    return len(text) + len(_ASTRAL.findall(text))


def utf8_len(text: str) -> int:
    if text.isascii():
        return len(text)
    return len(text.encode("utf-8", "surrogatepass"))


UNIT_COUNTERS = {"codepoints": len, "utf-32": len, "utf-16": utf16_len, "utf-8": utf8_len}


class Columns(KeptPlaces[tuple[int, int]]):
    """Line and column of a Source offset in a chosen unit; 1-based (``base=1``) or 0-based."""

    def __init__(self, source: Source, unit: str = "codepoints", base: int = 1) -> None:
        super().__init__()
        self.source = source
        self.base = base
        self.count = UNIT_COUNTERS[unit]
        if self.count is len:
            return  # code points: no need of the text (a big file's is joined from its blocks on demand)
        text = source.text
        # A file without characters beyond the BMP counts UTF-16 like code points.
        if unit == "utf-16" and (text.isascii() or _ASTRAL.search(text) is None):
            self.count = len
        elif unit == "utf-8" and text.isascii():
            self.count = len

    def place(self, offset: int) -> tuple[int, int]:
        """(line, column) of a code-point offset (``at`` keeps the last few)."""
        p = self.source.position(offset)
        line_start = offset - (p.column - 1)
        if self.count is len:
            column = p.column - 1
        else:
            column = self.count(self.source.text[line_start:offset])
        return p.line - 1 + self.base, column + self.base

    at = KeptPlaces.__call__  # (line, column) of a code-point offset, the last few kept

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column) of ``start``, then of ``end``."""
        return (*self.at(start), *self.at(end))


class Fingerprints:
    """Stable identities of one file's findings: path, code, the flagged text and its occurrence.

    Line numbers are left out on purpose, so inserting a paragraph above a finding
    does not make CI report it as new. Feed the findings of one file in order.
    """

    def __init__(self, path: str, source: Source | None) -> None:
        self.path = path
        self.text = source.text if source is not None else ""
        self.seen: dict[int, int] = {}

    def __call__(self, finding: Finding) -> str:
        flagged = _NEWLINES.sub("\n", self.text[finding.start : finding.end])
        digest = hashlib.sha256(f"{finding.code}\0{flagged}".encode("utf-8", "surrogatepass")).digest()
        key = int.from_bytes(digest[:8], "big")  # small: one int per distinct text of the file
        n = self.seen.get(key, 0)
        self.seen[key] = n + 1
        return self._hash(digest.hex(), str(n))

    def error(self, message: str) -> str:
        """The fingerprint of a file that could not be checked (one per file and message)."""
        return self._hash("error", message)

    def _hash(self, *parts: str) -> str:
        blob = "\0".join((self.path, *parts))
        return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()[:32]

