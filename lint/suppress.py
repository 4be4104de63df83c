"""Checks of the inline switches themselves: a code no rule has, and a switch that silenced nothing.

The engine is meant to call these after parsing (``unknown_codes``) and, under
``--report-unused-disables``, with the findings found before suppressions were applied (``unused``).
Both return ordinary findings, placed on the line where the switch is written, so every reporter
shows them without special cases:

- ``C001 unknown-suppression-code``: ``<!-- copylint-disable S1O2 -->`` names no rule (as ruff's
  RUF100 and markdownlint do), with the closest valid name when there is one;
- ``C002 unused-suppression``: the switch covers no finding of a rule that ran.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from lint.model import Document, Finding, Severity, Suppression


def _line_span(doc: Document, line: int) -> tuple[int, int]:
    starts = doc.source.line_starts()
    if not 1 <= line <= len(starts):
        return 0, 0
    start = starts[line - 1]
    end = starts[line] if line < len(starts) else len(doc.text)
    while end > start and doc.text[end - 1] in "\r\n":
        end -= 1
    return start, end


def unknown_codes(doc: Document, known: Callable[[str], bool] | None = None) -> list[Finding]:
    """One finding per code, in a switch, that names no rule, family or slug."""
    from lint import registry

    valid = known or registry.is_selector
    out: list[Finding] = []
    for sup in doc.suppressions:
        for code in sorted(sup.codes or ()):
            if valid(code):
                continue
            hint = registry.closest_name(code)
            start, end = _line_span(doc, sup.line)
            message = f"Unknown code {code!r} in a copylint switch" + (f" (did you mean {hint}?)" if hint else "")
            out.append(Finding("C001", "unknown-suppression-code", message, start, end, Severity.WARNING,
                               path=doc.source.path))
    return out


def unused(doc: Document, findings: Iterable[Finding],
           ran: Callable[[str], bool] | None = None) -> list[Finding]:
    """One finding per switch that covers none of ``findings`` (found before suppression).

    ``ran(code)`` tells whether the rules a switch names ran at all; a switch for a rule that was not
    selected in this run is not unused, only idle, and is not reported.
    """
    found = list(findings)
    by_line: dict[int, list[Suppression]] = {}
    for sup in doc.suppressions:
        if not sup.peer:  # another linter's switch is for that linter too: its silence is not ours to judge
            by_line.setdefault(sup.line, []).append(sup)
    out: list[Finding] = []
    # A PO switch above an entry with several plural forms is one switch written once: group by line.
    for line, sups in sorted(by_line.items()):
        if any(s.covers(f) for s in sups for f in found):
            continue
        codes = sups[0].codes
        if codes is not None and ran is not None and not any(ran(c) for c in codes):
            continue
        start, end = _line_span(doc, line)
        named = ", ".join(sorted(codes)) if codes else "all rules"
        out.append(Finding("C002", "unused-suppression", f"Unused copylint switch ({named}): nothing to silence",
                           start, end, Severity.INFO, path=doc.source.path))
    return out
