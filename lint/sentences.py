"""Sentence boundaries, from pysbd (a rule-based segmenter in the Golden Rules tradition).

Why pysbd: it handles abbreviations (`U.S.`, `Dr.`), initials, decimals, ellipses and quotations
that a split on `[.!?] ` gets wrong, it is pure Python (no model download) and keeps character
offsets (``char_span=True``). It is slow — on the order of 0.1 MB/s (``bench/sentences.py`` prints the
figure) — so no rule calls it on every segment: a rule asks for sentences only in the segments its
trigger has matched, and results are cached per text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=8)
def _segmenter(language: str) -> Any:
    import pysbd

    try:
        return pysbd.Segmenter(language=language, clean=False, char_span=True)
    except ValueError:
        return pysbd.Segmenter(language="en", clean=False, char_span=True)


@lru_cache(maxsize=4096)
def sentence_spans(text: str, language: str = "en") -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of ``text``, trailing whitespace excluded."""
    if not text.strip():
        return ()
    spans = []
    for span in _segmenter(language.split("-")[0].lower()).segment(text):
        start, end = span.start, span.end
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        if end > start:
            spans.append((start, end))
    return tuple(spans)


def sentence_start_before(text: str, offset: int, language: str = "en") -> int:
    """The start of the sentence that contains ``offset`` (0 when none is found)."""
    best = 0
    for start, _ in sentence_spans(text, language):
        if start <= offset:
            best = start
        else:
            break
    return best
