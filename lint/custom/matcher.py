"""Matching for declarative rules: word lists compiled into one trie regex, user patterns with a timeout.

Word lists (``tokens``, ``swap``, ``terms``, ``either``) are literals, so they are
compiled with the standard ``re`` module into one trie-shaped alternation: the
longest term wins at a position and a clean segment costs one scan however long
the list. A trie of literals cannot backtrack catastrophically, so it needs no
timeout. Patterns users write as regexes are compiled with the ``regex`` module
and searched with its ``timeout`` argument (``PatternTimeout`` names the rule).

Word boundaries are added for the user (not with ``nonword: true``): a term
that starts (ends) with a word character must not be preceded (followed) by
one, and a match that is part of a URL, an e-mail address, a path or a handle
(``github.com/kiev``, ``@kiev``, ``kiev.ua``) is not a match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import regex

DEFAULT_TIMEOUT = 1.0  # seconds per pattern per segment

# Word boundaries around a user's pattern: a match that starts (ends) with a word
# character must not be preceded (followed) by one; punctuation at its edge needs none.
BOUNDARY_START = r"(?:(?<!\w)|(?=\W))"
BOUNDARY_END = r"(?:(?!\w)|(?<=\W))"

_WS = re.compile(r"\s+")
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*|\d+)\}|\{|\}")
# What precedes a sentence-initial word: the start of the text or the end of a
# sentence, then opening quotes or brackets.
_SENTENCE_START = re.compile(r"(?:^|[.!?\u2026][\"'\u201d\u2019)\]]*\s+)[\"'\u201c\u2018(\[]*$")


class PatternTimeout(Exception):
    def __init__(self, pattern: str, seconds: float) -> None:
        super().__init__(f"pattern '{pattern}' timed out after {seconds:g} s")
        self.pattern = pattern
        self.seconds = seconds


def normalize_space(text: str) -> str:
    return _WS.sub(" ", text)


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def glued(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is part of a URL, address, path or handle rather than a word of prose."""
    if start > 0:
        before = text[start - 1]
        if before in "/\\@#" or (before == "." and start >= 2 and text[start - 2].isalnum()):
            return True
    if end < len(text):
        after = text[end]
        if after in "/\\@" or (after == "." and end + 1 < len(text) and text[end + 1].isalnum()):
            return True
    return False


def sentence_initial(text: str, start: int) -> bool:
    return _SENTENCE_START.search(text, max(0, start - 40), start) is not None


# -- templates ----------------------------------------------------------------------------


def placeholders(template: str) -> list[str]:
    """The names in ``{name}`` placeholders; raises ValueError on a lone brace."""
    out = []
    for m in _PLACEHOLDER.finditer(template):
        tok = m.group()
        if tok in ("{{", "}}"):
            continue
        if m.group(1) is None:
            raise ValueError(f"a lone '{tok}' (write '{tok}{tok}' for a literal brace)")
        out.append(m.group(1))
    return out


def render(template: str, values: Mapping[str, Any]) -> str:
    """Fill ``{name}`` and ``{1}`` placeholders; unknown ones render empty; ``{{``/``}}`` are braces."""

    def sub(m: re.Match[str]) -> str:
        tok = m.group()
        if tok == "{{":
            return "{"
        if tok == "}}":
            return "}"
        if m.group(1) is None:
            return tok
        v = values.get(m.group(1))
        return "" if v is None else str(v)

    return _PLACEHOLDER.sub(sub, template)


# -- case ------------------------------------------------------------------------------------


def _has_cased(s: str) -> bool:
    return any(c.isupper() or c.islower() for c in s)


def _first_cased(s: str) -> int:
    for i, c in enumerate(s):
        if c.isupper() or c.islower():
            return i
    return -1


def upper_first(s: str) -> str:
    i = _first_cased(s)
    return s if i < 0 else s[:i] + s[i].upper() + s[i + 1 :]


def lower_first(s: str) -> str:
    i = _first_cased(s)
    return s if i < 0 else s[:i] + s[i].lower() + s[i + 1 :]


def is_shouting(s: str) -> bool:
    """All cased letters upper case, and at least two of them (``KIEV``, not ``I``)."""
    letters = [c for c in s if c.isupper() or c.islower()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def adapt_case(found: str, key: str, replacement: str) -> str:
    """The replacement written the way ``found`` differs from ``key``: KIEV → KYIV, E-mail → Email."""
    if not _has_cased(found) or not _has_cased(replacement):
        return replacement
    if is_shouting(found) and not is_shouting(key):
        return replacement.upper()
    if _title_words(found) and not _title_words(key) and found != upper_first(key):
        return " ".join(upper_first(w) for w in replacement.split(" "))
    i, j = _first_cased(found), _first_cased(key)
    if i < 0 or j < 0:
        return replacement
    if found[i].isupper() and key[j].islower():
        return upper_first(replacement)
    if found[i].islower() and key[j].isupper():
        return lower_first(replacement)
    return replacement


def _title_words(text: str) -> bool:
    """Two or more words, each starting with a capital (a phrase in a title-case heading)."""
    words = text.split()
    return len(words) >= 2 and all(w[0].isupper() for w in words if w[0].isalpha())


def case_variants(term: str) -> list[str]:
    """The forms a term is matched in by default: as written, ALL CAPS, Capitalized at a sentence start,
    and for a lower-case phrase Every Word Capitalized (a title-case heading)."""
    out = [term]
    if any(c.islower() for c in term) and len([c for c in term if c.isalpha()]) >= 2:
        out.append(term.upper())
    i = _first_cased(term)
    if i >= 0 and term[i].islower():
        out.append(upper_first(term))
        words = term.split()
        if len(words) >= 2 and all(w.islower() for w in words):
            out.append(" ".join(upper_first(w) for w in words))
    return list(dict.fromkeys(out))


# -- tries -----------------------------------------------------------------------------------


def _units(term: str) -> list[str]:
    """A term as trie keys: one per character, one " " per run of whitespace (matches any run, line breaks too)."""
    out: list[str] = []
    for ch in term.strip():
        if ch.isspace():
            if not out or out[-1] != " ":
                out.append(" ")
        else:
            out.append(ch)
    return out


def _folded(ch: str) -> str:
    """A letter and its other case as a class (``[kK]``): cheaper for ``re`` than the IGNORECASE flag."""
    lo, up = ch.lower(), ch.upper()
    if lo == up or len(lo) != 1 or len(up) != 1:
        return re.escape(ch)
    return "[" + re.escape(lo) + re.escape(up) + "]"


def trie_pattern(terms: Iterable[str], *, nonword: bool = False, fold: bool = False) -> str:
    """One ``re`` pattern matching any of ``terms`` (longest first), with word boundaries unless ``nonword``.

    ``fold``: letters match in either case (the terms are given in lower case).
    """
    root: dict[str, Any] = {}
    for term in terms:
        units = _units(term)
        if not units:
            continue
        node = root
        for u in units:
            node = node.setdefault(u, {})
        node[""] = True

    def unit_pattern(u: str) -> str:
        if u == " ":
            return r"\s+"
        return _folded(u) if fold else re.escape(u)

    def build(node: dict[str, Any], last: str) -> str:
        alts = [unit_pattern(u) + build(child, u) for u, child in sorted(node.items()) if u]
        if "" in node:
            alts.append("" if nonword or not is_word_char(last) else r"(?!\w)")
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    word_start = {u: c for u, c in root.items() if is_word_char(u)}
    other_start = {u: c for u, c in root.items() if not is_word_char(u)}
    parts = []
    if word_start:
        body = build(word_start, "")
        if len(word_start) > 1:
            # One set test before the alternation: a word start whose letter begins no term fails at once.
            firsts = sorted({c for u in word_start for c in ((u, u.upper()) if fold else (u,))})
            body = "(?=[" + "".join(re.escape(u) for u in firsts) + "])" + body
        parts.append(body if nonword else r"\b" + body)
    if other_start:
        parts.append(build(other_start, ""))
    if not parts:
        return r"(?!)"
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


@dataclass
class TermMatch:
    start: int
    end: int
    text: str
    key: str  # the entry of the list this is a form of


class TermMatcher:
    """A list of literal terms as one compiled matcher that maps each match back to its entry.

    ``case``: "variants" (default) matches each term as written, in ALL CAPS and
    Capitalized; "exact" only as written; "ignore" in any case.
    """

    def __init__(self, terms: Iterable[str], *, case: str = "variants", nonword: bool = False) -> None:
        self.case = case
        self.nonword = nonword
        self.lookup: dict[str, str] = {}
        forms: list[str] = []
        entries = list(dict.fromkeys(terms))
        # Terms as written first, so a variant never shadows an entry that is written that way.
        for term in entries:
            self.lookup.setdefault(self._key(term), term)
        for term in entries:
            for form in (case_variants(term) if case == "variants" else [term]):
                k = self._key(form)
                self.lookup.setdefault(k, term)
                forms.append(form.lower() if case == "ignore" else form)
        self.source = trie_pattern(forms, nonword=nonword, fold=case == "ignore")
        self.pattern = re.compile(self.source)

    def _key(self, text: str) -> str:
        text = normalize_space(text.strip())
        return text.casefold() if self.case == "ignore" else text

    def finditer(self, text: str) -> Iterator[TermMatch]:
        for m in self.pattern.finditer(text):
            start, end = m.span()
            if not self.nonword and glued(text, start, end):
                continue
            found = m.group()
            key = self.lookup.get(self._key(found))
            if key is None:
                continue
            yield TermMatch(start, end, found, key)


# -- user patterns ---------------------------------------------------------------------------


def compile_pattern(pattern: str, *, ignorecase: bool = False, nonword: bool = False) -> regex.Pattern[str]:
    """A user's regex (``regex`` module syntax, VERSION1 off), bounded by word boundaries unless ``nonword``.

    Raises ``regex.error`` for an invalid pattern.
    """
    flags = regex.IGNORECASE if ignorecase else 0
    src = pattern if nonword else f"{BOUNDARY_START}(?:{pattern}){BOUNDARY_END}"
    size = expanded_size(pattern)
    if size > MAX_EXPANDED_SIZE:
        # Refused before compiling: `regex` unrolls counted repeats, so the compiled program (and the
        # memory and time to build it) grows as the product of nested counts: ((a{100}){100}){100}
        # took 295 MB and a fourth level 23 GB. The bound is exact for what matters (it multiplies
        # the counts the way the compiler unrolls them), costs one pass over the pattern's text, and
        # needs no subprocess; a pattern of ordinary prose needs a few hundred.
        raise regex.error(f"the pattern unrolls to about {size:,} steps when compiled (nested counted "
                          f"repeats), more than the limit of {MAX_EXPANDED_SIZE:,}: use + or * instead")
    regex.compile(pattern, flags)  # first alone, so an error's position points into the user's text
    return regex.compile(src, flags)


MAX_EXPANDED_SIZE = 100_000  # about 30 MB of compiled pattern in `regex` (measured: a{100000} takes 26 MB)
_COUNT = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")


def expanded_size(pattern: str) -> int:
    """About how many steps ``regex`` compiles ``pattern`` into: each character, escape, class or
    group is one, alternatives add up, and a counted repeat ``{m,n}`` multiplies what it repeats by its
    largest count (``*``, ``+`` and ``?`` do not: they loop)."""
    # One frame per open group: [alternatives so far, current alternative, size of its last item].
    frames: list[list[int]] = [[0, 0, 0]]
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        frame = frames[-1]
        item = 1
        if c == "\\":
            i = _after_escape(pattern, i)
        elif c == "[":
            i = _after_class(pattern, i)
        elif c == "(":
            if pattern.startswith("(?#", i):
                close = pattern.find(")", i)
                i = close + 1 if close >= 0 else n
                continue
            frames.append([0, 0, 0])
            i += 1
            continue
        elif c == ")" and len(frames) > 1:
            frames.pop()
            item = max(frame[0] + frame[1], 1)
            frame = frames[-1]
            i += 1
        elif c == "|":
            frame[0] += frame[1]
            frame[1] = frame[2] = 0
            i += 1
            continue
        elif c in "*+?":
            i += 1
            continue
        elif c == "{" and (m := _COUNT.match(pattern, i)) is not None and (m.group(1) or m.group(3)):
            low, comma, high = m.groups()
            count = max(int(high) if comma and high else int(low or 0), 1)
            frame[1] += frame[2] * (count - 1)
            frame[2] *= count
            i = m.end()
            continue
        else:
            i += 1
        frame[1] += item
        frame[2] = item
    total = 0
    while frames:  # groups left open (an invalid pattern, which compiling reports) close here
        frame = frames.pop()
        total = frame[0] + frame[1] + total
    return total


def _after_escape(pattern: str, i: int) -> int:
    """Where the escape at ``i`` ends (``\\p{...}``, ``\\N{...}`` with their braces)."""
    j = i + 2
    if pattern[i + 1 : i + 2] in ("p", "P", "N") and pattern[j : j + 1] == "{":
        close = pattern.find("}", j)
        j = close + 1 if close >= 0 else len(pattern)
    return j


def _after_class(pattern: str, i: int) -> int:
    """Where the character class that opens at ``i`` ends (a leading "]" and "[:name:]" inside it)."""
    n = len(pattern)
    j = i + 1 + (pattern[i + 1 : i + 2] == "^")
    j += pattern[j : j + 1] == "]"
    while j < n and pattern[j] != "]":
        if pattern[j] == "\\":
            j += 1
        elif pattern.startswith("[:", j):
            close = pattern.find(":]", j + 2)
            j = close + 1 if close >= 0 else j
        j += 1
    return j + 1


def matches_empty(pattern: regex.Pattern[str]) -> bool:
    try:
        m = pattern.fullmatch("", timeout=0.1)
    except TimeoutError:
        return False
    return m is not None


def finditer_timed(pattern: regex.Pattern[str], text: str, seconds: float,
                   label: str) -> Iterator[regex.Match[str]]:
    """``pattern.finditer`` that raises ``PatternTimeout`` when the whole scan of ``text`` exceeds ``seconds``."""
    try:
        for m in pattern.finditer(text, timeout=seconds):
            if m.end() > m.start():
                yield m
    except TimeoutError:
        raise PatternTimeout(label, seconds) from None
