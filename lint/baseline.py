"""A baseline: today's findings recorded, so that a team adopts copylint on an existing repository and CI
fails only on new ones (``copylint baseline write``, ``copylint check --baseline FILE``).

A finding is recorded by a fingerprint that does not hold its line or offset: the rule, the file's path
relative to the baseline's folder, and the text of the span and of its line, whitespace folded. Lines
inserted or removed above a finding do not change it; editing the line it is on does (that is a new
finding). Identical fingerprints are counted: a file with three identical findings recorded and a fourth
added reports one.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from lint.lines import line_bounds
from lint.model import Finding
from lint.paths import relative_to_root

if TYPE_CHECKING:
    from lint.engine import FileResult

VERSION = 1


class BaselineError(Exception):
    pass


def fingerprint(finding: Finding, text: str, root: Path) -> str:
    """The rule, the relative path, and the span's text and its line's, whitespace folded."""
    start, end = line_bounds(text, finding.start, min(finding.end, len(text)))
    line = " ".join(text[start:max(end, finding.end)].split())
    span = " ".join(text[finding.start:finding.end].split())
    blob = "\0".join((finding.code, relative_to_root(finding.path, root), span, line))
    return hashlib.sha256(blob.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def fingerprints(results: Iterable[FileResult], root: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    for result in results:
        if result.source is None:
            continue
        for f in result.findings:
            counts[fingerprint(f, result.source.text, root)] += 1
    return counts


def write(path: Path, counts: Counter[str]) -> None:
    data = {"version": VERSION, "tool": "copylint", "findings": dict(sorted(counts.items()))}
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def load(path: Path) -> Counter[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline ({exc.strerror})") from None
    except ValueError:
        raise BaselineError(f"{path}: not a copylint baseline (invalid JSON)") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), dict):
        raise BaselineError(f"{path}: not a copylint baseline (version {VERSION} expected)")
    counts: Counter[str] = Counter()
    for key, n in data["findings"].items():
        if not isinstance(n, int) or n < 0:
            raise BaselineError(f"{path}: not a copylint baseline (bad count for {key!r})")
        counts[str(key)] = n
    return counts


def without_known(results: Iterable[FileResult], known: Counter[str], root: Path) -> Iterator[FileResult]:
    """The results with the findings the baseline records taken out (each recorded one once)."""
    left = Counter(known)
    for result in results:
        if result.source is not None and result.findings:
            kept = []
            for f in result.findings:
                key = fingerprint(f, result.source.text, root)
                if left[key] > 0:
                    left[key] -= 1
                else:
                    kept.append(f)
            result.findings = kept
        yield result
