"""Building a Segment piece by piece, keeping each character's place in the Source.

Format parsers add text that stands for itself (``add``: it is in the Source verbatim from ``at``),
and characters that stand for other bytes (``add_opaque``: an entity, an escape, a placeholder for
inline code or markup); the builder joins them with one anchor per run. URLs and e-mail addresses are
masked when the segment is built: they are not prose, and rules must not read their dots as sentence
ends.
"""

from __future__ import annotations

import re

from lint.model import Segment

PLACEHOLDER = "\ufffc"  # OBJECT REPLACEMENT CHARACTER: stands for inline code, a URL, inline markup
# A URL may hold balanced parentheses (Wikipedia's `Foo_(bar)`); it does not end with punctuation.
_URL = re.compile(
    r"\b(?:https?://|ftp://|www\.)(?:[^\s<>\"'`()]|\([^\s<>\"'`()]*\))*(?:[^\s<>\"'`.,;:!?()\]}»”’]|\([^\s<>\"'`()]*\))"
    r"|\b[\w.+-]+@[\w-]+\.[\w.-]*\w"
)


class SegmentBuilder:
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.parts: list[str] = []
        self.anchors: list[tuple[int, int]] = []
        self.opaque: list[tuple[int, int]] = []
        self.length = 0
        self._next_src: int | None = None  # source offset right after the last verbatim character

    def add(self, text: str, at: int) -> None:
        """Text that is in the Source verbatim, starting at offset ``at``."""
        if not text:
            return
        if self._next_src != at or not self.anchors:
            self.anchors.append((self.length, at))
        self.parts.append(text)
        self.length += len(text)
        self._next_src = at + len(text)

    def add_opaque(self, text: str, at: int) -> None:
        """Characters that stand for other bytes of the Source starting at ``at`` (mapped there, never fixed)."""
        if not text:
            return
        self.anchors.append((self.length, at))
        self.opaque.append((self.length, self.length + len(text)))
        self.parts.append(text)
        self.length += len(text)
        self._next_src = None

    def build(self, index: int, strip: bool = True) -> Segment | None:
        text = "".join(self.parts)
        anchors = self.anchors
        opaque = self.opaque
        if "://" in text or "www." in text or "@" in text:
            text, opaque = mask_urls(text, opaque)
        if strip:
            lead = len(text) - len(text.lstrip())
            trail = len(text.rstrip())
            if lead or trail < len(text):
                text, anchors, opaque = _slice(text, anchors, opaque, lead, trail)
        if not text.replace(PLACEHOLDER, "").strip() or not anchors:
            return None
        return Segment(text, self.kind, tuple(anchors), index, opaque=tuple(opaque))


def mask_urls(text: str, opaque: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """URLs and e-mail addresses are not prose: each character becomes a placeholder (same length, so
    the map to the Source is unchanged) and the span is opaque."""
    spans = [m.span() for m in _URL.finditer(text)]
    if not spans:
        return text, opaque
    chars = list(text)
    for s, e in spans:
        chars[s:e] = PLACEHOLDER * (e - s)
    return "".join(chars), sorted([*opaque, *spans])


def _slice(text: str, anchors: list[tuple[int, int]], opaque: list[tuple[int, int]], start: int, end: int):  # type: ignore[no-untyped-def]
    seg = Segment(text, "", tuple(anchors))
    new_anchors: list[tuple[int, int]] = []
    for i, (a_seg, _) in enumerate(anchors):
        a_end = anchors[i + 1][0] if i + 1 < len(anchors) else len(text)
        lo, hi = max(a_seg, start), min(a_end, end)
        if lo < hi:
            new_anchors.append((lo - start, seg.to_source(lo)))
    new_opaque = [(max(s, start) - start, min(e, end) - start) for s, e in opaque if s < end and e > start]
    return text[start:end], new_anchors, new_opaque
