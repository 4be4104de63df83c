"""The language family's reading of the language packs (lint/data/languages/*.yaml): which languages
turn a rule on."""

from __future__ import annotations

from lint.language import packs, primary


def languages_with(key: str) -> frozenset[str]:
    """The primary subtags of the languages whose pack sets ``key`` (the rule's convention: `fullwidth`,
    `inverted`, `space-before` …): the rule runs for those languages only."""
    return frozenset(primary(t) for t, p in packs().items() if p.get(key))
