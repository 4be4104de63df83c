"""Applying fixes: range replacements on the Source text, never a rewrite of the file.

A fix is atomic (all its edits or none). In one pass the fixes are taken in
order of position and one that overlaps an already-taken fix is deferred to the
next pass, when the text has been re-checked. Two insertions at the same point
count as overlapping: their order would be a guess.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import deque
from collections.abc import Iterable, Sequence

from lint.model import Document, Edit, Fix


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    # Also true for an insertion strictly inside the other edit's range.
    return a.start < b.end and b.start < a.end


def compatible_fixes(fixes: Iterable[Fix]) -> list[Fix]:
    """The fixes of one pass: non-overlapping, first by position."""
    taken: list[Fix] = []
    # The taken edits, sorted: they do not overlap one another, so their ends rise with their starts and
    # an edit is compared with its few neighbours only (20,000 fixes cost 20,000 look-ups, not 2e8).
    edits: list[tuple[int, int]] = []
    for fix in sorted(fixes, key=lambda f: (f.span, len(f.edits))):
        if any(_overlaps_taken(e, edits) for e in fix.edits):
            continue
        taken.append(fix)
        for e in fix.edits:
            insort(edits, (e.start, e.end))
    return taken


def _overlaps_taken(e: Edit, edits: list[tuple[int, int]]) -> bool:
    i = bisect_left(edits, (e.start, e.start))
    j = i - 1
    while j >= 0 and edits[j][1] >= e.start:
        if _overlaps(e, Edit(*edits[j], "")):
            return True
        j -= 1
    while i < len(edits) and edits[i][0] <= e.end:
        if _overlaps(e, Edit(*edits[i], "")):
            return True
        i += 1
    return False


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


def keyed_values_kept(before: Document, after: Document, edits: Sequence[Edit]) -> bool:
    """Whether every keyed value (a catalogue string, a front-matter value) is still in the edited file,
    as long as the edits inside it make it. A file can parse and still say something else: a fix that
    puts a space before `#` in a plain YAML value turns the rest of it into a comment; one that puts a
    comma into a flow sequence splits a string in two; one that breaks front matter loses its values."""
    old = [seg for seg in before.segments if seg.key is not None]
    if not old:
        return True
    new: dict[str, deque[int]] = {}
    for seg in after.segments:
        if seg.key is not None:
            new.setdefault(seg.key, deque()).append(len(seg.text))
    if sum(map(len, new.values())) != len(old):
        return False
    edits = sorted(edits, key=lambda e: (e.start, e.end))
    starts = [e.start for e in edits]
    for seg in old:
        lengths = new.get(seg.key or "")
        if not lengths:
            return False
        length = lengths.popleft()
        start, end = seg.to_source(0), seg.to_source_end(len(seg.text))
        first = bisect_left(starts, start)
        near = edits[max(first - 1, 0) : bisect_right(starts, end)]
        if any(e.start < start < e.end or (start <= e.start < end < e.end) for e in near):
            continue  # an edit across the value's edge: its new length is not foreseen
        inside = [e for e in near if start <= e.start and e.end <= end]
        if length != len(seg.text) + sum(len(e.replacement) - (e.end - e.start) for e in inside):
            return False
    return True


def changed_span(old: str, new: str) -> tuple[int, int, str] | None:
    """Where ``new`` differs from ``old``: (start, end, replacement) in ``old``'s offsets, without what
    the two share at either end; None where they are the same."""
    if old == new:
        return None
    p = _shared_prefix(old, new)
    q = _shared_prefix(old[p:][::-1], new[p:][::-1])
    return p, len(old) - q, new[p : len(new) - q]


def _shared_prefix(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their start (slices compared in C, by halving)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo
