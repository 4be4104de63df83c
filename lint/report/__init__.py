"""The report stage: findings out, in the format the reader (a person, CI, an editor) needs.

A reporter is fed one FileResult at a time, in order, and writes as it goes, so
that memory stays bounded however many findings a run has (the errors, which
are few, may be kept for the end). Formats are looked up by name and imported
only when asked for.
"""

from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Generic, TypeVar

from lint.engine import FileResult
from lint.model import FileError, Finding, Severity, Source
from lint.patterns import compiled

T = TypeVar("T")

REPORTERS: dict[str, str] = {
    "text": "lint.report.text:TextReporter",
    "json": "lint.report.json:JsonReporter",
    "sarif": "lint.report.sarif:SarifReporter",
    "github": "lint.report.github:GithubReporter",
    "rdjson": "lint.report.rdjson:RdjsonReporter",
    "gitlab": "lint.report.gitlab:GitlabReporter",
}

def docs_file(name: str) -> Path:
    """A file of the docs that ship with copylint: the repository's ``docs/``, installed as ``lint/manual``
    (setup.cfg) and read in place from a checkout or an editable install. No web address: none is
    published, and these are the docs of the version installed."""
    lint_dir = Path(__file__).resolve().parent.parent
    for candidate in (lint_dir / "manual" / name, lint_dir.parent / "docs" / name):
        if candidate.is_file():
            return candidate
    return lint_dir / "manual" / name


def rule_url(code: str, slug: str) -> str:
    """The rule's section of the shipped docs/rules.md (generated: one heading per rule, `CODE slug`),
    as a ``file:`` URI an editor opens."""
    return f"{_rules_uri()}#{code.lower()}-{slug}"


@lru_cache(maxsize=1)
def _rules_uri() -> str:
    """``docs_file("rules.md")`` as a URI, found once a process: a report that links each finding to its
    rule (rdjson, the language server) looked the docs up again for each (a resolve and a stat: 0.7 s of
    the rdjson report of the PEPs' 11,454 findings)."""
    return docs_file("rules.md").as_uri()


@dataclass
class ReportOptions:
    """How the report is written (the command line's choices)."""

    color: bool = False
    show_source: bool = False
    statistics: bool = False
    quiet: bool = False
    fixing: bool = False  # --fix was given: say what was fixed
    unsafe_fixes: bool = False
    show_fixes: bool = False  # --show-fixes: list the fixes applied, per file and rule


@dataclass
class Summary:
    """The counts a report ends with, and what decides the exit code."""

    files: int = 0
    findings: int = 0
    fixable: int = 0  # safe fixes remaining
    unsafe_fixable: int = 0
    fixed: int = 0
    files_fixed: int = 0
    errors: int = 0
    failing: int = 0  # findings at or above their file's fail level: these make the exit code 1
    error_paths: list[str] = field(default_factory=list)  # files with an error, in order (few: kept whole)
    unread: int = 0  # files that could not be read or decoded at all (not checked)
    by_code: Counter[str] = field(default_factory=Counter)
    fixes_by_file: list[tuple[str, Counter[str]]] = field(default_factory=list)  # (path, fixes per code)
    slugs: dict[str, str] = field(default_factory=dict)

    def add(self, result: FileResult, fail_level: Severity | None = None) -> None:
        """Count ``result``; its findings below ``fail_level`` (None: none are) do not fail the run."""
        self.files += 1
        self.errors += len(result.errors)
        if result.errors:
            self.error_paths.append(result.path)
            if result.source is None:
                self.unread += 1
        self.fixed += result.fixes_applied
        if result.fixed_text is not None:
            self.files_fixed += 1
            if result.fixed_codes:
                self.fixes_by_file.append((result.path, result.fixed_codes))
        for f in result.findings:
            self.findings += 1
            if fail_level is None or f.severity.rank >= fail_level.rank:
                self.failing += 1
            self.by_code[f.code] += 1
            self.slugs[f.code] = f.rule
            if f.fix is not None:
                if f.fix.applicability.value == "safe":
                    self.fixable += 1
                else:
                    self.unsafe_fixable += 1


def position_dict(source: Source | None, offset: int) -> dict[str, int]:
    if source is None:
        return {"line": 1, "column": offset + 1, "offset": offset}
    p = source.position(offset)
    return {"line": p.line, "column": p.column, "offset": p.offset}


_KEPT_PLACES = 16


class KeptPlaces(Generic[T]):
    """A place (``place(offset)``, which a subclass says) with the last few answers kept: a file's report asks
    for a finding's place, then its fix's and its related places', mostly the same (44,272 asks for the
    11,454 findings of the PEPs as text, some 23,000 places). The answers are shared: what is written from
    them is the same. (A method, not a callable held: a bound method held would make each file's reporter
    state a cycle, its source freed only when the collector runs.)"""

    def __init__(self) -> None:
        self.made: dict[int, T] = {}

    def place(self, offset: int) -> T:
        raise NotImplementedError

    def __call__(self, offset: int) -> T:
        made = self.made.get(offset)
        if made is None:
            if len(self.made) >= _KEPT_PLACES:
                self.made.clear()
            made = self.made[offset] = self.place(offset)
        return made


class Positions(KeptPlaces[dict[str, int]]):
    """``position_dict`` for one file's offsets, the last few kept."""

    def __init__(self, source: Source | None) -> None:
        super().__init__()
        self.source = source

    def place(self, offset: int) -> dict[str, int]:
        return position_dict(self.source, offset)


def finding_dict(finding: Finding, source: Source | None, positions: Positions | None = None) -> dict[str, Any]:
    """A finding as the JSON contract (docs/json-output.md) spells it; ``positions``: the file's (its
    source's), where the caller writes several of its findings."""
    at = positions if positions is not None else Positions(source)
    fix = None
    if finding.fix is not None:
        fix = {
            "applicability": finding.fix.applicability.value,
            "edits": [
                {"start": at(e.start), "end": at(e.end), "replacement": e.replacement}
                for e in finding.fix.edits
            ],
        }
    out: dict[str, Any] = {
        "path": finding.path,
        "code": finding.code,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "start": at(finding.start),
        "end": at(finding.end),
    }
    if finding.related:
        out["related"] = [{"start": at(r.start), "end": at(r.end), "message": r.message} for r in finding.related]
    out["fix"] = fix
    return out


class Reporter:
    def __init__(self, stream: IO[str], options: ReportOptions) -> None:
        self.stream = stream
        self.options = options
        self._items = 0  # the items ``write_item`` has written

    def write_item(self, value: Any, indent: str = "  ") -> None:
        """One element of the JSON array a reporter streams as each file is done: on a line of its own,
        after a comma unless it is the first."""
        # One write, the item whole: a Ctrl-C between two writes would leave a comma that ``stop`` could not
        # close into valid JSON.
        self.stream.write(("\n" if self._items == 0 else ",\n") + indent + json_text(value))
        self._items += 1

    def start(self) -> None:
        pass

    def file(self, result: FileResult) -> None:
        pass

    def finish(self, summary: Summary) -> None:
        pass

    # A report that is one JSON document (json, sarif, rdjson, gitlab) sets this: left open, it is not JSON.
    closes_on_stop = False

    def stop(self, summary: Summary, error: FileError) -> None:
        """The run stopped part-way (exit 2, or 130 for Ctrl-C) with ``error``, which no file's result holds
        (a broken config met on the walk, a failed --jobs pool, a rule's ``StopRun``, Ctrl-C; ``path`` is
        empty where no file is to blame). A JSON report is closed: what was written stays, the error joins
        the file errors, in the format's place for them, and the report ends as a whole run's does. A
        line-oriented report (text, github) is left as it is: each line already stands alone."""
        if not self.closes_on_stop:
            return
        summary.errors += 1
        self.file(FileResult(path=error.path, errors=[error]))
        self.finish(summary)


# Compiled with the module, not on first use (through the store of compiled patterns, ``lint.patterns``,
# so cheaply): a report's memory then holds only what it writes.
_SURROGATE = compiled("[\ud800-\udfff]")


def json_text(value: Any) -> str:
    """``json.dumps`` with characters as they are, except lone surrogates: a file name that is not UTF-8
    reaches Python as surrogate escapes (PEP 383), which no UTF-8 stream can carry; in JSON they are
    written ``\\udcXX``, valid JSON text that decodes back to the same name (``os.fsencode`` gives the
    bytes)."""
    # (Imported here: a text report writes no JSON, and json compiles its regexes at import. As _json: the
    # submodule lint.report.json would shadow the name.)
    text = json_encoder()(value)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


_ENCODE: Any = None


def json_encoder() -> Any:
    """``json.dumps(value, ensure_ascii=False)`` as a function made once: each such call built a
    JSONEncoder and the C encoder under it (a report writes one item per finding)."""
    global _ENCODE
    if _ENCODE is None:
        # (Imported here: a text report writes no JSON, and json compiles its regexes at import. As _json:
        # the submodule lint.report.json would shadow the name.)
        import json as _json
        from json import encoder as _encoder

        make = getattr(_encoder, "c_make_encoder", None)
        if make is None:  # (no C accelerator: json's own way)
            def dumps(value: Any) -> str:
                return _json.dumps(value, ensure_ascii=False)
            _ENCODE = dumps
        else:
            base = _json.JSONEncoder(ensure_ascii=False)
            # As JSONEncoder.iterencode makes it for one value; ``markers``, its record of the containers
            # being written (the check for circular values), is emptied again where a value fails.
            markers: dict[int, Any] = {}
            c_encode = make(markers, base.default, _encoder.encode_basestring, None, base.key_separator,
                            base.item_separator, False, False, True)

            def dumps(value: Any) -> str:
                if isinstance(value, str):
                    return base.encode(value)
                try:
                    return "".join(c_encode(value, 0))
                except BaseException:
                    markers.clear()
                    raise
            _ENCODE = dumps
    return _ENCODE


def printable(text: str) -> str:
    """Text for a stream that must be UTF-8 and has no escapes (GitHub's workflow commands): a lone
    surrogate becomes U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def reporter_for(name: str, stream: IO[str], options: ReportOptions) -> Reporter:
    module_name, cls_name = REPORTERS[name].split(":")
    cls = getattr(importlib.import_module(module_name), cls_name)
    reporter: Reporter = cls(stream, options)
    return reporter
