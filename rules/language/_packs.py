"""The language family's reading of the language packs (lint/data/languages/*.yaml): which languages
turn a rule on (``lint.language.languages_with``, which the rule index reads a `languages` line with)."""

from __future__ import annotations

from lint.language import languages_with

__all__ = ["languages_with"]
