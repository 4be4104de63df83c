"""How a regex is made to scan a document's prose fast: the pieces to search for instead of the
pattern as written, each of which the regex engine can skip to in C.

CPython's regex engine skips to a pattern's literal prefix with a tight loop in C, but stops at every
character where a pattern opens with a choice (a character class, alternatives), and costs three to
five times more there. So:

- a pattern of a few literal-led alternatives (`…|\\.\\.\\.`) is searched one alternative at a time;
- a pattern that opens with a class of a few characters (`[“”„"]…`) is searched once per character,
  as `c(?<=(?=PATTERN)c)`: the literal `c`, then the whole pattern asserted from that `c`.

Every position where the pattern matches is where one of its pieces matches, and the reverse, so a
rule gated by the pieces sees the same segments as one gated by the pattern.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from typing import Any

from lint.patterns import compiled_on_use, kept_answer

_MAX_PIECES = 6


_ASCII_BYTES = bytes(range(128))


def non_ascii(text: str) -> str:
    """The characters of ``text`` outside ASCII, in order: a UTF-8 round trip that drops the ASCII bytes
    (every byte of a longer sequence lies above them), in C. Whether a text holds a character of a class
    outside ASCII is asked of them a few times faster than of the text: most text outside ASCII holds
    only a few such characters (a curly quote, a masked URL's placeholder)."""
    # Several rules and the checker ask this of the same document text and prose: the last two answers
    # are kept for the very strings they were given (compared by identity: a string is immutable).
    for kept, answer in _LAST_NON_ASCII:
        if kept is text:
            return answer
    answer = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    _LAST_NON_ASCII.insert(0, (text, answer))
    del _LAST_NON_ASCII[2:]
    return answer


_LAST_NON_ASCII: list[tuple[str, str]] = []


def scanners(pattern: str, flags: int = 0) -> list[re.Pattern[str]]:
    """The pieces to search for, each compiled on first use (``lint.patterns``: a rule that starts
    outside ASCII costs nothing on an English file): the pattern itself when no split is faster."""
    return [compiled_on_use(p, flags) for p in _pieces(pattern, flags)]


@cache
def _pieces(pattern: str, flags: int) -> tuple[str, ...]:
    # Kept between runs (``lint.patterns``): finding them parses the pattern, a compile's worth of work.
    return tuple(kept_answer("pieces", pattern, flags, lambda: _pieces_of(pattern, flags)))


def _pieces_of(pattern: str, flags: int) -> tuple[str, ...]:
    reading = parsed(pattern, flags)
    if reading is not None and not reading[2] & re.IGNORECASE:
        parts = alternatives(pattern)
        try:
            pieces: list[str] = []
            if 2 <= len(parts) <= _MAX_PIECES and all(_starts_with_literal(p, flags) for p in parts):
                pieces = parts
            else:
                chars = _first_class_literals(reading)
                if chars is not None and 2 <= len(chars) <= _MAX_PIECES:
                    alone = len(reading[1]) == 1  # the class is the whole pattern: its characters will do
                    rest = _after_first_class(pattern) if len(parts) == 1 else None
                    pieces = [re.escape(c) if alone else _asserted(c, pattern) if rest is None
                              else f"{re.escape(c)}(?:{rest})" for c in chars]
            for piece in pieces:
                reading[0].parse(piece, flags)  # a piece the engine refuses raises here, not on first use
            if pieces:
                return tuple(pieces)
        except re.error:  # a piece the engine refuses (a pattern with inline global flags)
            pass
    if reading is None:
        re.compile(pattern, flags)  # a bad pattern is reported where the rule is prepared
    return (pattern,)


def _after_first_class(pattern: str) -> str | None:
    """What follows the character class that ``pattern`` opens with as written (``[...]``), or None. Where
    the pattern has no top-level alternatives, the class's character and then this match where the pattern
    does, and cost the engine far less at each occurrence of the character than the pattern asserted from
    it (``_asserted``: a lookbehind and a lookahead, tried at every comma of the prose for `[,;.?!][,;.]`)."""
    if not pattern.startswith("["):
        return None  # (an inline flag first: the class is elsewhere in the text)
    escaped = False
    for i in range(1, len(pattern)):
        ch = pattern[i]
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "]" and i > 1:  # (a `]` right after `[` is a member)
            return pattern[i + 1 :]
    return None


def _asserted(char: str, pattern: str) -> str:
    """``pattern`` at an occurrence of ``char``: the literal, then the pattern asserted from it (a
    lookbehind one character wide, holding a lookahead)."""
    c = re.escape(char)
    return f"{c}(?<=(?=(?:{pattern})){c})"


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex (split at `|` outside groups and character classes)."""
    parts, depth, in_class, escaped, start = [], 0, False, False, 0
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]" or pattern[i - 1] == "["
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


@lru_cache(maxsize=1024)
def parsed(pattern: str, flags: int) -> tuple[Any, list[Any], int] | None:
    """The stdlib's own reading of a pattern (no public API tells how it starts): the parser module,
    the top-level items, the flags in force (inline ones included); or None. Cached: preparing a rule
    asks this of its trigger three times (callers only read the items)."""
    try:
        parser: Any = importlib.import_module("re._parser")
        tree = parser.parse(pattern, flags)
        return parser, list(tree), tree.state.flags
    except Exception:  # a private module may change: then patterns are searched whole, only slower
        return None


def _starts_with_literal(pattern: str, flags: int) -> bool:
    reading = parsed(pattern, flags)
    if reading is None:
        return False
    parser, items, _ = reading
    return bool(items) and items[0][0] == parser.LITERAL


def _first_class_literals(reading: tuple[Any, list[Any], int]) -> list[str] | None:
    """The characters of the class a pattern opens with, when that class lists single characters
    only (no ranges, no negation, no categories); else None."""
    parser, items, _ = reading
    if not items or items[0][0] != parser.IN:
        return None
    chars = []
    for op, arg in items[0][1]:
        if op != parser.LITERAL:
            return None
        chars.append(chr(arg))
    return chars


def non_ascii_first_class(pattern: str, flags: int) -> str | None:
    """The body of a character class holding every first character of ``pattern``, when all of them
    lie outside ASCII; else None (kept between runs, as ``_pieces``)."""
    return kept_answer("non-ascii-first-class", pattern, flags, lambda: _non_ascii_first_class(pattern, flags))


def _non_ascii_first_class(pattern: str, flags: int) -> str | None:
    reading = parsed(pattern, flags)
    if reading is None or reading[2] & re.IGNORECASE:
        return None
    parser, items, _ = reading
    if not items or items[0][0] != parser.IN:
        return None
    body = []
    for op, arg in items[0][1]:
        if op == parser.LITERAL and arg >= 128:
            body.append(re.escape(chr(arg)))
        elif op == parser.RANGE and arg[0] >= 128:
            body.append(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        else:
            return None
    return "".join(body)


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``'s matches, where ``starts`` (ascending) holds every place one can
    begin: the pattern is tried only there, skipping places inside the last match, as finditer does. For a
    pattern the regex engine would try at every character (one that opens with a lookbehind or a class)
    when a cheaper scan finds where it can start. The pattern must not match the empty string."""
    end = 0
    match = pattern.match
    for at in starts:
        if at < end:
            continue
        m = match(text, at)
        if m is not None:
            yield m
            end = m.end()
