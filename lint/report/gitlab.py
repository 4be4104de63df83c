"""GitLab Code Quality report: a JSON array of Code Climate issues.

Each issue: ``description``, ``check_name`` (the rule code), ``fingerprint``,
``severity`` (info → ``info``, warning → ``minor``, error → ``major``) and
``location`` with ``path`` and ``positions`` (1-based lines and columns in code
points). The fingerprint hashes the path, the code, the flagged text and which
occurrence of that text it is in the file, not line numbers, so it is stable
across runs and across edits elsewhere in the file: GitLab tells new findings
from old ones by it. Streamed: issues are written as each file is done.
"""

from __future__ import annotations

from lint.engine import FileResult
from lint.report import Reporter, Summary
from lint.report.locations import Columns, Fingerprints, display_path

SEVERITIES = {"info": "info", "warning": "minor", "error": "major"}


class GitlabReporter(Reporter):
    closes_on_stop = True

    def start(self) -> None:
        self._items = 0
        self.stream.write("[")

    def file(self, result: FileResult) -> None:
        path = display_path(result.path)
        fingerprint = Fingerprints(path, result.source)
        for error in result.errors:
            line = error.line or 1
            self.write_item({
                "type": "issue",
                # (no path: the error that stopped the run, which no file is to blame for, ``Reporter.stop``)
                "description": (f"copylint could not check this file: {error.message}" if error.path
                                else f"copylint stopped: {error.message}"),
                "check_name": "copylint-error",
                "categories": ["Bug Risk"],
                "fingerprint": fingerprint.error(error.message),
                "severity": "blocker",
                "location": {"path": path, "lines": {"begin": line, "end": line}},
            })
        if result.source is None:
            return
        cols = Columns(result.source, "codepoints")
        for f in result.findings:
            sl, sc, el, ec = cols.span(f.start, f.end)
            self.write_item({
                "type": "issue",
                "description": f"{f.code} {f.message}",
                "check_name": f.code,
                "categories": ["Style"],
                "fingerprint": fingerprint(f),
                "severity": SEVERITIES.get(f.severity.value, "minor"),
                "location": {
                    "path": path,
                    "positions": {"begin": {"line": sl, "column": sc}, "end": {"line": el, "column": ec}},
                },
            })

    def finish(self, summary: Summary) -> None:
        self.stream.write("\n]\n")
