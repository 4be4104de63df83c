"""Applying fixes: range replacements on the Source text, never a rewrite of the file.

A fix is atomic (all its edits or none). In one pass the fixes are taken in
order of position and one that overlaps an already-taken fix is deferred to the
next pass, when the text has been re-checked. Two insertions at the same point
count as overlapping: their order would be a guess.
"""

from __future__ import annotations

from collections.abc import Iterable

from lint.model import Edit, Fix


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    # Also true for an insertion strictly inside the other edit's range.
    return a.start < b.end and b.start < a.end


def compatible_fixes(fixes: Iterable[Fix]) -> list[Fix]:
    """The fixes of one pass: non-overlapping, first by position."""
    taken: list[Fix] = []
    edits: list[Edit] = []
    for fix in sorted(fixes, key=lambda f: (f.span, len(f.edits))):
        if any(_overlaps(e, t) for e in fix.edits for t in edits):
            continue
        taken.append(fix)
        edits.extend(fix.edits)
    return taken


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits; everything outside them is copied unchanged."""
    out = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[pos : e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """One pass: the text with the compatible fixes applied, and how many were."""
    taken = compatible_fixes(fixes)
    return apply_edits(text, [e for f in taken for e in f.edits]), len(taken)
