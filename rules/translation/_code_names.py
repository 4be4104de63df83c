"""The translation family's reading of which words a document writes as code: T108 and T109 skip a word
the document writes in backquotes, with an underscore, as a call, an attribute or a module path
(`werkzeug.`, `toga_`, ``dictproxy``, `readinto(`), since such a word is a name, not a slip."""

from __future__ import annotations

from functools import lru_cache

from lint.patterns import compiled_on_use

# A run of letters right after a code mark and ending at a word's end (`.bar`, `_spam`, `` `timeit ``),
# and one at a word's start right before one (`spam_`, `call(`, `mod.attr`, `` timeit` ``).
_AFTER_MARK = compiled_on_use(r"(?<=[`_./])[^\W\d_]+\b")
_BEFORE_MARK = compiled_on_use(r"\b[^\W\d_]+(?=[`_(]|\.\w)")


@lru_cache(maxsize=2)
def code_names(text: str) -> frozenset[str]:
    """Every word the document writes as code, found in two scans of the document (not one search of the
    whole document per candidate word)."""
    return frozenset(_AFTER_MARK.findall(text)) | frozenset(_BEFORE_MARK.findall(text))
