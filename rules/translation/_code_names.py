"""The translation family's reading of which words a document writes as code: T108 and T109 skip a word
the document writes in backquotes, with an underscore, as a call, an attribute or a module path
(`werkzeug.`, `toga_`, ``dictproxy``, `readinto(`), since such a word is a name, not a slip."""

from __future__ import annotations

import re
from functools import lru_cache

from lint.patterns import compiled_on_use

# A run of letters right after a code mark and ending at a word's end (`.bar`, `_spam`, `` `timeit ``),
# and one at a word's start right before one (`spam_`, `call(`, `mod.attr`, `` timeit` ``).
# Each pattern opens with the mark (the words are its group), a character the regex engine skips to, where
# a leading lookbehind or word boundary is tried at every character; one pattern per mark, as a class of
# marks first is tested at every character too. (A match holds no other mark: each mark's matches are those
# a class of the marks finds, and the words are gathered in a set.) The second set is asked of the text
# reversed: there the mark comes before the word (reversed), and the boundary after it.
_AFTER_MARK = tuple(compiled_on_use(re.escape(mark) + r"([^\W\d_]+)\b") for mark in "`_./")
_BEFORE_MARK_REVERSED = tuple(compiled_on_use(re.escape(mark) + r"([^\W\d_]+)\b") for mark in "`_(")
_BEFORE_DOT_REVERSED = compiled_on_use(r"\.(?<=\w\.)([^\W\d_]+)\b")


@lru_cache(maxsize=2)
def code_names(text: str) -> frozenset[str]:
    """Every word the document writes as code, found in scans of the document (not one search of the whole
    document per candidate word); a mark the text does not hold is not scanned for."""
    reversed_text = text[::-1]
    before = [word for mark, pattern in zip("`_(", _BEFORE_MARK_REVERSED, strict=True) if mark in text
              for word in pattern.findall(reversed_text)] + _BEFORE_DOT_REVERSED.findall(reversed_text)
    after = [word for mark, pattern in zip("`_./", _AFTER_MARK, strict=True) if mark in text
             for word in pattern.findall(text)]
    return frozenset(after) | frozenset(word[::-1] for word in before)
