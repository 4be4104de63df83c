"""The guard's prose runs near a fix: the same answers as all of a document's prose runs."""

from __future__ import annotations

import random

from lint.formats import parse
from lint.invariants import _in_prose, prose_runs, prose_runs_near
from lint.model import Source


def _documents() -> list[tuple[str, str]]:
    rst = (
        "Title\n=====\n\nA paragraph with ``literal`` text, a `link <https://example.com>`_ and x_::\n\n"
        "    code block\n\n- an item\n  that goes on *here*\n- and \\*escaped\\* marks |sub|\n\n"
        "   A block quote, see PEP_ and mail me@example.org.\n"
    )
    markdown = (
        "# Heading &amp; more\n\nSome `code` and [a link](https://example.com) with **bold**\ntext.\n\n"
        "- item one\n- item ![alt text](img.png) two\n\n> quoted\\* line\n"
    )
    return [("doc.rst", rst), ("doc.md", markdown), ("crlf.rst", rst.replace("\n", "\r\n"))]


def _questions(rng: random.Random, size: int) -> tuple[int, int, list[tuple[int, int]]]:
    lo = rng.randrange(size + 1)
    hi = min(size, lo + rng.choice([0, 1, 3, 10, 40]))
    points = []
    for _ in range(4):
        a = rng.randrange(lo, hi + 1)
        points.append((a, rng.randrange(a, hi + 1)))
    return lo, hi, points


def test_prose_runs_near_a_range_answer_as_all_runs_do():
    rng = random.Random(18)
    for path, text in _documents():
        fmt = "rst" if path.endswith(".rst") else "markdown"
        starts, ends = prose_runs(parse(Source(path, text), fmt))
        # One question per document (its anchors read near the range only), then many questions of one
        # document (past its budget, the whole runs answer): the same answers either way.
        fresh = [parse(Source(path, text), fmt) for _ in range(300)]
        shared = parse(Source(path, text), fmt)
        for doc in [*fresh, *[shared] * 3000]:
            lo, hi, points = _questions(rng, len(text))
            near_starts, near_ends = prose_runs_near(doc, lo, hi)
            for a, b in points:
                assert _in_prose(near_starts, near_ends, a, b) == _in_prose(starts, ends, a, b), (path, lo, hi, a, b)
