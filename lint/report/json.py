"""JSON output: the contract editors and CI scripts read (docs/json-output.md, lint/data/output.schema.json).

Streamed: findings are written as each file is done; errors (few) and the
summary close the object.
"""

from __future__ import annotations

import json

from lint.engine import FileResult
from lint.model import FileError
from lint.report import Positions, Reporter, Summary, finding_dict, json_text

VERSION = 1
# Additions within version 1 (docs/json-output.md): 1 added `files` (each file's language), 2 a finding's
# `related` places.
MINOR_VERSION = 2


class JsonReporter(Reporter):
    closes_on_stop = True

    def start(self) -> None:
        self._items = 0
        self._errors: list[FileError] = []
        self._files: list[dict[str, str]] = []
        self.stream.write('{"version": %d, "minor_version": %d, "findings": [' % (VERSION, MINOR_VERSION))

    def file(self, result: FileResult) -> None:
        self._errors.extend(result.errors)
        if result.language is not None:
            self._files.append({"path": result.path, "language": result.language,
                                "language_from": result.language_from or "default"})
        positions = Positions(result.source)
        for f in result.findings:
            self.write_item(finding_dict(f, result.source, positions))

    def finish(self, summary: Summary) -> None:
        errors = [
            {"path": e.path, "message": e.message, **({"line": e.line} if e.line else {})}
            for e in self._errors
        ]
        tail = {
            "files": summary.files,
            "findings": summary.findings,
            "fixable": summary.fixable,
            "unsafe_fixable": summary.unsafe_fixable,
            "fixed": summary.fixed,
            "errors": summary.errors,
        }
        self.stream.write("\n], \"files\": " + json_text(self._files))
        self.stream.write(', "errors": ' + json_text(errors))
        self.stream.write(', "summary": ' + json.dumps(tail) + "}\n")
