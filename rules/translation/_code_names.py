"""The translation family's reading of which words a document writes as code: T108 and T109 skip a word
the document writes in backquotes, with an underscore, as a call, an attribute or a module path
(`werkzeug.`, `toga_`, ``dictproxy``, `readinto(`), since such a word is a name, not a slip."""

from __future__ import annotations

from functools import lru_cache

from lint.patterns import compiled_on_use

# A run of letters right after a code mark and ending at a word's end (`.bar`, `_spam`, `` `timeit ``),
# and one at a word's start right before one (`spam_`, `call(`, `mod.attr`, `` timeit` ``).
# Each pattern opens with the mark (the words are its group), a character the regex engine skips to, where
# a leading lookbehind or word boundary is tried at every character. The second is asked of the text
# reversed: there the mark comes before the word (reversed), and the boundary after it.
_AFTER_MARK = compiled_on_use(r"[`_./]([^\W\d_]+)\b")
_BEFORE_MARK_REVERSED = compiled_on_use(r"[`_(]([^\W\d_]+)\b")
_BEFORE_DOT_REVERSED = compiled_on_use(r"\.(?<=\w\.)([^\W\d_]+)\b")


@lru_cache(maxsize=2)
def code_names(text: str) -> frozenset[str]:
    """Every word the document writes as code, found in three scans of the document (not one search of
    the whole document per candidate word)."""
    reversed_text = text[::-1]
    before = _BEFORE_MARK_REVERSED.findall(reversed_text) + _BEFORE_DOT_REVERSED.findall(reversed_text)
    return frozenset(_AFTER_MARK.findall(text)) | frozenset(word[::-1] for word in before)
