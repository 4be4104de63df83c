"""What the bilingual rules (family B) compare: a translation and its source, both as written.

A translation segment's text hides its placeholders and escapes behind opaque characters; the B rules
need the strings themselves, so `pair` returns the decoded source (`msgid`) and the decoded
translation (`msgstr`) of a segment, or None when the segment has no source or is empty.

The extractors below take numbers, URLs, e-mail addresses and markup tags out of a string, each after
removing the placeholders (`%1$s`, `{0}`) so that a placeholder's digits are not read as numbers.
"""

from __future__ import annotations

import re
from collections import Counter

from lint.formats.builder import TEMPLATE_PLACEHOLDER
from lint.model import Document, Segment

_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]}»”’]")
_TAG = re.compile(r"</?([A-Za-z][\w:-]*)(?:\s[^<>]*)?/?>")
# A number with its group and decimal separators (1,000  1 000  1.000,5  3.14); the key drops them, so
# `1,000` and `1 000` (a French translation's grouping) compare equal.
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[,.\u00a0\u202f ]\d{3}(?!\d))*(?:[.,]\d+)?(?![\w])")
_SEPARATORS = re.compile(r"[.,\u00a0\u202f ]")


def pair(seg: Segment, doc: Document) -> tuple[str, str] | None:
    """(source, translation) of a bilingual segment, decoded, or None."""
    if not seg.source_text or not seg.text:
        return None
    if doc.format == "po":
        from lint.formats.po import decoded_raw, raw_string

        return seg.source_text, decoded_raw(raw_string(doc.text, seg.to_source(0)))
    return None


def _plain(text: str) -> str:
    return TEMPLATE_PLACEHOLDER.sub(" ", text)


def urls(text: str) -> list[str]:
    return _URL.findall(_plain(text))


def emails(text: str) -> Counter[str]:
    return Counter(e.lower() for e in _EMAIL.findall(_URL.sub(" ", _plain(text))))


def tags(text: str) -> Counter[str]:
    """Tags by name and kind: `<a href=...>` is `<a>`, attributes (a translated title) may differ."""
    return Counter(
        ("</" if m.group().startswith("</") else "<") + m.group(1).lower() + ("/>" if m.group().endswith("/>") else ">")
        for m in _TAG.finditer(_plain(text))
    )


def numbers(text: str) -> Counter[str]:
    """Numbers outside placeholders, URLs, e-mail addresses and tags, keyed by their digits."""
    rest = _TAG.sub(" ", _EMAIL.sub(" ", _URL.sub(" ", _plain(text))))
    return Counter(_SEPARATORS.sub("", m.group())for m in _NUMBER.finditer(rest))


def locate(seg: Segment, needle: str) -> tuple[int, int]:
    """Where ``needle`` stands in the segment's text, or the whole segment."""
    at = seg.text.find(needle)
    return (at, at + len(needle)) if at >= 0 and needle else (0, len(seg.text))
