"""reviewdog's Diagnostic Format, rdjson flavour: one ``DiagnosticResult`` object.

``copylint check --format rdjson . | reviewdog -f=rdjson -reporter=github-pr-review``

Positions follow reviewdog's proto: 1-based lines, 1-based columns counted in
UTF-8 bytes, exclusive ends. A fix becomes one ``suggestion``: reviewdog treats
a diagnostic's suggestions as alternatives, so the edits of a fix (which belong
together) are merged into one replacement of the span they cover, the text
between them kept. Streamed: diagnostics are written as each file is done.
"""

from __future__ import annotations

import json
from typing import Any

from lint.engine import FileResult
from lint.fix import apply_edits
from lint.model import Edit, Fix
from lint.report import Reporter, Summary, rule_url
from lint.report.locations import Columns, display_path
from lint.report.sarif import INFORMATION_URI

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
SOURCE = {"name": "copylint", "url": INFORMATION_URI}


def _range(cols: Columns, start: int, end: int) -> dict[str, Any]:
    sl, sc, el, ec = cols.span(start, end)
    return {"start": {"line": sl, "column": sc}, "end": {"line": el, "column": ec}}


def merged_edit(text: str, fix: Fix) -> tuple[int, int, str]:
    """The fix as one replacement: (start, end, new text) over the span of its edits."""
    start, end = min(e.start for e in fix.edits), max(e.end for e in fix.edits)
    inside = [Edit(e.start - start, e.end - start, e.replacement) for e in fix.edits]
    return start, end, apply_edits(text[start:end], inside)


class RdjsonReporter(Reporter):
    closes_on_stop = True

    def start(self) -> None:
        self._items = 0
        self.stream.write('{"source": %s, "diagnostics": [' % json.dumps(SOURCE))

    def file(self, result: FileResult) -> None:
        path = display_path(result.path)
        for error in result.errors:
            diag: dict[str, Any] = {
                "message": error.message,
                "location": {"path": path, **({"range": {"start": {"line": error.line}}} if error.line else {})},
                "severity": "ERROR",
                "source": SOURCE,
            }
            self.write_item(diag)
        source = result.source
        if source is None:
            return
        cols = Columns(source, "utf-8")
        for f in result.findings:
            diag = {
                "message": f.message,
                "location": {"path": path, "range": _range(cols, f.start, f.end)},
                "severity": SEVERITIES.get(f.severity.value, "WARNING"),
                "source": SOURCE,
                "code": {"value": f.code, "url": rule_url(f.code, f.rule)},
            }
            if f.related:
                diag["related_locations"] = [{"message": r.message, "location": {
                    "path": path, "range": _range(cols, r.start, r.end)}} for r in f.related]
            if f.fix is not None:
                start, end, text = merged_edit(source.text, f.fix)
                diag["suggestions"] = [{"range": _range(cols, start, end), "text": text}]
            self.write_item(diag)

    def finish(self, summary: Summary) -> None:
        self.stream.write("\n]}\n")
