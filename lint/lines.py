"""Line arithmetic that costs what the line costs, never what the file costs.

``max(text.rfind("\\n", 0, i), text.rfind("\\r", 0, i))`` scans back to the start of the file whenever
the file has no ``\\r`` (most files): a rule that asks it per match is quadratic in the file's size.
Here the ``\\r`` search stops at the ``\\n`` found first, and the forward search likewise.
"""

from __future__ import annotations


def line_start(text: str, i: int) -> int:
    """The offset where the line holding offset ``i`` starts (after LF, CR or CRLF)."""
    nl = text.rfind("\n", 0, i)
    cr = text.rfind("\r", nl + 1, i)
    return max(nl, cr) + 1


def line_end(text: str, i: int) -> int:
    """The offset of the line end at or after ``i`` (the text's length when the line is the last)."""
    nl = text.find("\n", i)
    cr = text.find("\r", i, nl if nl >= 0 else len(text))
    if cr >= 0:
        return cr
    return nl if nl >= 0 else len(text)


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The line around [start, end): its first offset and the offset of its line end."""
    return line_start(text, start), line_end(text, end)
