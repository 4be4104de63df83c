"""The language family's cheap look at the text around a mark: the sentence or line it is in (L102,
L103 judge a mark by it: an English message quoted inside a French page keeps English typography)."""

from __future__ import annotations


def sentence_around(text: str, at: int) -> str:
    """The sentence (or line) around offset ``at``: from after the last line end or `. ` before it to
    the first one after it."""
    start = max(text.rfind("\n", 0, at), text.rfind(". ", 0, at)) + 1
    ends = [i for i in (text.find("\n", at), text.find(". ", at)) if i >= 0]
    return text[start:min(ends) if ends else len(text)]
