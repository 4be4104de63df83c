"""A language's words for numbers (data/number_words.yaml), read by B103: the numbers a translation writes
in words (`ثلاثون دقيقة`, thirty minutes; `חצי שעה`, half an hour) and those an English source says in words
that a translation may write in digits (`U-turn`, 180 degrees)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

from lint.language import primary, trie_alternation
from lint.rule import rule_data

_DATA = Path(__file__).parent / "data" / "number_words.yaml"


@lru_cache(maxsize=1)
def joined_letters() -> frozenset[str]:
    """The one-letter words a language of the data writes joined to the word after them, its `prefixes` of one
    letter: Arabic's conjunctions and prepositions و ف ب ك ل, Hebrew's prefixed letters ו ה ב כ ל מ ש."""
    return frozenset(p for entry in _data().values() for p in (entry.get("prefixes") or ()) if len(p) == 1)


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data: dict[str, Any] = rule_data(_DATA)
    return data


# Arabic's short vowels and its other marks over or under a letter (tashkeel), and the tatweel that stretches a
# word; Hebrew's points and cantillation marks (not its maqaf, paseq, sof pasuq or nun hafukha, which are letters'
# neighbours, not marks on them).
_AR_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_HE_MARKS = re.compile("[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]")
# Arabic's alef with a hamza or a madda read as bare alef, ta marbuta as ha, alef maqsura as ya: how its words are
# typed as often as not (`اربعون` for `أربعون`, `عشره` for `عشرة`).
_AR_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})
_SPACES = re.compile(r"\s+")


def _fold(text: str, language: str) -> str:
    """``text`` as the language's words are compared: marks dropped, letters folded, one space between words, and
    no space after the conjunction that joins a compound number's parts (`خمس و أربعون` as `خمس وأربعون`)."""
    if language == "ar":
        text = _AR_MARKS.sub("", text).translate(_AR_LETTERS)
    elif language == "he":
        text = _HE_MARKS.sub("", text)
    text = _SPACES.sub(" ", text)
    joiner = (_data().get(language) or {}).get("and")
    return text.replace(f" {joiner} ", f" {joiner}") if joiner else text


def _words(entry: dict[str, Any], language: str) -> dict[str, int]:
    """Each word or compound of words the language says a number from 1 to 99 with, folded, and its value."""
    out = {_fold(w, language): int(value) for table in ("units", "teens", "tens")
           for value, forms in (entry.get(table) or {}).items() for w in forms}
    unit_first = entry.get("compound") == "unit-and-ten"
    for ten, ten_forms in (entry.get("tens") or {}).items():
        for unit, unit_forms in (entry.get("units") or {}).items():
            for t in ten_forms:
                for u in unit_forms:
                    first, second = (u, t) if unit_first else (t, u)
                    out[_fold(f"{first} {entry['and']}{second}", language)] = int(ten) + int(unit)
    return out


def _pattern(words: list[str], prefixes: list[str]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word, one of ``prefixes`` joined before it or none."""
    joined = f"(?:{trie_alternation(sorted(prefixes, key=len, reverse=True))})?" if prefixes else ""
    return re.compile(rf"(?<![^\W\d_]){joined}({trie_alternation(sorted(words, key=len, reverse=True))})(?![^\W\d_])")


@lru_cache(maxsize=16)
def _reader(language: str) -> tuple[re.Pattern[str], dict[str, int], re.Pattern[str] | None, dict[str, int]] | None:
    entry = (_data().get(language) or {})
    if not entry.get("units"):
        return None
    words = _words(entry, language)
    prefixes = [_fold(p, language) for p in entry.get("prefixes") or ()]
    minutes = {_fold(w, language): int(v) for v, forms in (entry.get("minutes") or {}).items() for w in forms}
    return (_pattern(list(words), prefixes), words, _pattern(list(minutes), prefixes) if minutes else None, minutes)


def said_in_words(translation: str, language: str, source: str) -> Counter[int]:
    """The numbers ``translation`` writes in its language's words (`عشرون`, 20; `ארבעים וחמש`, 45), each as often
    as it is said, the longest reading of each run (`خمس وأربعون` is 45, not 5 and 40); with the words that stand
    for a number of minutes (`חצי שעה`, 30) where ``source`` counts that many minutes (`30 minutes`, `30 min`)."""
    reader = _reader(primary(language))
    if reader is None:
        return Counter()
    pattern, words, minute_pattern, minutes = reader
    text = _fold(translation, primary(language))
    said = Counter(words[m.group(1)] for m in pattern.finditer(text))
    if minute_pattern is not None:
        # Each as often as the source counts that many minutes: `30 hours then 30 minutes` is one half hour.
        counted = Counter(minutes[m.group(1)] for m in minute_pattern.finditer(text))
        for value, times in counted.items():
            said[value] += min(times, len(re.findall(rf"(?<![\d.,]){value}\s*(?:minutes?|mins?|m)\b", source,
                                                     re.IGNORECASE)))
    return said


@lru_cache(maxsize=1)
def _source_phrases() -> tuple[re.Pattern[str], dict[str, list[int]]] | None:
    phrases = (_data().get("en") or {}).get("phrases") or {}
    if not phrases:
        return None
    values = {p.lower(): [int(v) for v in vs] for p, vs in phrases.items()}
    return re.compile(rf"(?<![\w-])({trie_alternation(sorted(values, key=len, reverse=True))})(?![\w-])", re.IGNORECASE), values


def said_by_source(source: str) -> Counter[int]:
    """The numbers an English ``source`` says with words that stand for one (`U-turn`, 180 degrees; `around the
    clock`, 24 hours), which a translation may write in digits: each once for each time the source says it."""
    reader = _source_phrases()
    if reader is None:
        return Counter()
    pattern, values = reader
    return Counter(v for m in pattern.finditer(source) for v in values[m.group(1).lower()])
