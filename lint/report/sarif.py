"""SARIF 2.1.0 output, for GitHub code scanning and any SARIF viewer.

One run. Columns are UTF-16 code units, SARIF's default (``columnKind`` says so
explicitly): that is what GitHub code scanning and the VS Code SARIF viewer
count in. Paths are relative URIs against ``%SRCROOT%``, the folder copylint ran
in. Fixable findings carry ``fixes`` (safe and unsafe alike; the fix's
description and ``properties.applicability`` say which).

Streamed: results are written as each file is done. JSON object members have no
order, so the run's ``tool`` (whose ``rules`` lists only the rules that
reported something; rules are few) and ``invocations`` (which lists the files
that could not be read: few) close the run after the results.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from lint import __version__
from lint.engine import FileResult
from lint.model import FileError, Finding
from lint.report import Reporter, Summary, docs_file, json_text, rule_url
from lint.report.locations import Columns, Fingerprints, display_path

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = docs_file("rules.md").parent.as_uri()
SRCROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    shown = display_path(path)
    if Path(shown).is_absolute():
        return Path(shown).as_uri()
    return quote(os.fsencode(shown), safe="/")  # a name that is not UTF-8: its bytes, percent-encoded


def _region(cols: Columns, start: int, end: int) -> dict[str, int]:
    sl, sc, el, ec = cols.span(start, end)
    return {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec}


def _plain(markdown: str) -> str:
    return " ".join(markdown.replace("**", "").split())


def rule_descriptor(code: str, slug: str) -> dict[str, Any]:
    from lint import registry

    rule = registry.rule_by_name(code)
    summary = rule.summary if rule is not None else slug
    rationale = (getattr(rule, "rationale", "") or "").strip() if rule is not None else ""
    severity = rule.severity.value if rule is not None else "warning"
    descriptor: dict[str, Any] = {
        "id": code,
        "name": slug,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": _plain(rationale) or summary, **({"markdown": rationale} if rationale else {})},
        "helpUri": rule_url(code, slug),
        # The docs travel with the log (a code-scanning page shows them; the file the URI names is on the
        # machine that ran the check, not on the one that reads the log).
        **({"help": _help(rule)} if rule is not None else {}),
        "defaultConfiguration": {"level": LEVELS.get(severity, "warning")},
    }
    if rule is not None and rule.fix is not None:
        descriptor["properties"] = {"fix": rule.fix.value}
    return descriptor


def _help(rule: Any) -> dict[str, str]:
    from lint.docs import rule_markdown

    markdown = rule_markdown(rule, level=2)
    return {"text": _plain(markdown), "markdown": markdown}


class SarifReporter(Reporter):
    closes_on_stop = True

    def start(self) -> None:
        self._items = 0
        self._rules: dict[str, int] = {}
        self._descriptors: list[dict[str, Any]] = []
        self._errors: list[FileError] = []
        root = Path(os.getcwd()).as_uri().rstrip("/") + "/"
        self.stream.write(
            '{"$schema": %s, "version": "2.1.0", "runs": [{"columnKind": "utf16CodeUnits", '
            '"originalUriBaseIds": %s, "results": ['
            % (json.dumps(SCHEMA_URI), json.dumps({SRCROOT: {"uri": root}}))
        )

    def _rule_index(self, finding: Finding) -> int:
        index = self._rules.get(finding.code)
        if index is None:
            index = self._rules[finding.code] = len(self._descriptors)
            self._descriptors.append(rule_descriptor(finding.code, finding.rule))
        return index

    def file(self, result: FileResult) -> None:
        self._errors.extend(result.errors)
        if not result.findings or result.source is None:
            return
        cols = Columns(result.source, "utf-16")
        location = {"uri": artifact_uri(result.path), "uriBaseId": SRCROOT}
        fingerprint = Fingerprints(display_path(result.path), result.source)
        for f in result.findings:
            sarif: dict[str, Any] = {
                "ruleId": f.code,
                "ruleIndex": self._rule_index(f),
                "level": LEVELS.get(f.severity.value, "warning"),
                "message": {"text": f.message},
                "locations": [
                    {"physicalLocation": {"artifactLocation": location, "region": _region(cols, f.start, f.end)}}
                ],
                "partialFingerprints": {"copylint/v1": fingerprint(f)},
            }
            if f.related:
                sarif["relatedLocations"] = [
                    {"id": i, "message": {"text": r.message},
                     "physicalLocation": {"artifactLocation": location, "region": _region(cols, r.start, r.end)}}
                    for i, r in enumerate(f.related)
                ]
            if f.fix is not None:
                safe = f.fix.applicability.value == "safe"
                sarif["fixes"] = [{
                    "description": {
                        "text": f"{f.code}: safe fix" if safe else f"{f.code}: unsafe fix (review before applying)"
                    },
                    "artifactChanges": [{
                        "artifactLocation": location,
                        "replacements": [
                            {"deletedRegion": _region(cols, e.start, e.end), "insertedContent": {"text": e.replacement}}
                            for e in f.fix.edits
                        ],
                    }],
                    "properties": {"applicability": f.fix.applicability.value},
                }]
            self.write_item(sarif, indent="")

    def finish(self, summary: Summary) -> None:
        driver = {
            "name": "copylint",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": self._descriptors,
        }
        notifications = []
        for e in self._errors:
            n: dict[str, Any] = {
                "level": "error",
                "message": {"text": e.message},
            }
            if e.path:  # (none for the error that stopped the run where no file is to blame: ``Reporter.stop``)
                n["locations"] = [{"physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(e.path), "uriBaseId": SRCROOT},
                    **({"region": {"startLine": e.line}} if e.line else {}),
                }}]
            notifications.append(n)
        invocation = {"executionSuccessful": not self._errors, "toolExecutionNotifications": notifications}
        self.stream.write(
            "\n], \"tool\": %s, \"invocations\": [%s]}]}\n"
            % (json_text({"driver": driver}), json_text(invocation))
        )
