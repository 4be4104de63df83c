"""Line arithmetic that costs what the line costs, never what the file costs.

``max(text.rfind("\\n", 0, i), text.rfind("\\r", 0, i))`` scans back to the start of the file whenever
the file has no ``\\r`` (most files), and the search for LF does so in a file whose lines end in CR only
(an old Mac export): a rule that asks it per match is quadratic in the file's size. Here both are
searched in a window before (or after) the place that doubles until one of them is found, so a search
reads about twice the line, whatever the file's line ends.
"""

from __future__ import annotations

_WINDOW = 256  # the first window's size: most lines are shorter


def line_start(text: str, i: int) -> int:
    """The offset where the line holding offset ``i`` starts (after LF, CR or CRLF)."""
    lo, size = max(i - _WINDOW, 0), _WINDOW
    while True:
        nl = text.rfind("\n", lo, i)
        cr = text.rfind("\r", nl + 1 if nl >= 0 else lo, i)
        if nl >= 0 or cr >= 0 or lo == 0:
            return max(nl, cr) + 1
        size *= 2
        i, lo = lo, max(lo - size, 0)


def line_end(text: str, i: int) -> int:
    """The offset of the line end at or after ``i`` (the text's length when the line is the last)."""
    size = _WINDOW
    while True:
        hi = i + size
        nl = text.find("\n", i, hi)
        cr = text.find("\r", i, nl if nl >= 0 else hi)
        if cr >= 0:
            return cr
        if nl >= 0:
            return nl
        if hi >= len(text):
            return len(text)
        i, size = hi, 2 * size


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The line around [start, end): its first offset and the offset of its line end."""
    return line_start(text, start), line_end(text, end)
