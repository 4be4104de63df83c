"""A case-sensitive stand-in for a pattern, to scan an ASCII text lowered instead of the text itself.

A pattern compiled with IGNORECASE compares every letter through Unicode case tables, about three times
slower than a plain comparison. Over an ASCII text, lowered (``str.lower`` changes no length and no
character outside A-Z there), the stand-in finds a match at every place where the pattern matches the
text itself, and maybe at a few more: callers ask the pattern itself at each place the stand-in found
(``match`` at that place), so the answers are the pattern's own.

The stand-in is written from the stdlib's own reading of the pattern (``lint.scan.parsed``): each
character it may read becomes the class of the lowered forms of the ASCII characters it matches under
the flags in force there (each found by asking the regex engine, not by a table of ours); repeats,
branches and groups keep their shape; an assertion is dropped, which only widens what matches, as does
a possessive repeat or an atomic group read as a plain one. A pattern with a back reference, or with an
inline flag other than IGNORECASE, gets no stand-in (None).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lint.patterns import kept_answer
from lint.scan import parsed

_ASCII = [chr(i) for i in range(128)]


def lowered_ascii_pattern(pattern: str, flags: int) -> str | None:
    """The stand-in's source (compiled without flags), or None where the pattern has none. Its matches
    are the places, one character long at most, where the pattern may match: ``finditer`` finds them
    all, however long the pattern's own matches are. Kept between runs (``lint.patterns.kept_answer``,
    for as long as this module is the same): writing it parses the pattern and tries 128 characters per
    class."""
    return kept_answer("lowered-ascii", pattern, flags, lambda: _stand_in(pattern, flags))


def _stand_in(pattern: str, flags: int) -> str | None:
    reading = parsed(pattern, flags)
    if reading is None:
        return None
    parser, items, in_force = reading
    if in_force & ~(re.IGNORECASE | re.UNICODE):
        return None  # MULTILINE, DOTALL, VERBOSE's comments… are read as the pattern reads them: not here
    writer, ignore = _Writer(parser), bool(in_force & re.IGNORECASE)
    try:
        # The rest in a lookahead: finditer then finds every place (its matches cannot overlap a place
        # where the pattern matches). A leading literal stays outside it, for the engine to skip to.
        if items and items[0][0] == parser.LITERAL:
            op, arg = items[0]
            return writer.item(op, arg, ignore) + "(?=" + writer.sequence(items[1:], ignore) + ")"
        return "(?=" + writer.sequence(items, ignore) + ")"
    except _NoStandIn:
        return None


class _NoStandIn(Exception):
    pass


class _Writer:
    def __init__(self, parser: Any) -> None:
        self.p = parser

    def sequence(self, items: Any, ignore: bool) -> str:
        return "".join(self.item(op, arg, ignore) for op, arg in items)

    def item(self, op: Any, arg: Any, ignore: bool) -> str:
        p = self.p
        if op in (p.LITERAL, p.NOT_LITERAL, p.ANY, p.IN):
            return _class_of(_one_character(p, op, arg), ignore)
        if op == p.SUBPATTERN:
            _group, add, remove, body = arg
            if (add | remove) & ~re.IGNORECASE:
                raise _NoStandIn
            scoped = (ignore or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            return "(?:" + self.sequence(body, scoped) + ")"
        if op == p.BRANCH:
            return "(?:" + "|".join(self.sequence(b, ignore) for b in arg[1]) + ")"
        if op in (p.MAX_REPEAT, p.MIN_REPEAT, getattr(p, "POSSESSIVE_REPEAT", p.MAX_REPEAT)):
            low, high, body = arg
            inner = self.sequence(body, ignore)
            if not inner:
                return ""  # a repeat of assertions only, dropped with them
            top = "" if high == p.MAXREPEAT else str(high)
            return "(?:" + inner + "){" + f"{low},{top}" + "}"
        if op == getattr(p, "ATOMIC_GROUP", None):
            return "(?:" + self.sequence(arg, ignore) + ")"
        if op in (p.ASSERT, p.ASSERT_NOT, p.AT):
            return ""  # dropped: the stand-in then matches wherever the pattern does, and maybe more
        raise _NoStandIn  # a back reference, a conditional group, or an item this reading does not know


def _one_character(parser: Any, op: Any, arg: Any) -> str:
    """A pattern of the one item that reads one character, written back as the parser read it."""
    if op == parser.LITERAL:
        return re.escape(chr(arg))
    if op == parser.NOT_LITERAL:
        return "[^" + re.escape(chr(arg)) + "]"
    if op == parser.ANY:
        return "."
    parts = []
    for kind, value in arg:
        if kind == parser.NEGATE:
            parts.append("^")
        elif kind == parser.LITERAL:
            parts.append(re.escape(chr(value)))
        elif kind == parser.RANGE:
            parts.append(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
        elif kind == parser.CATEGORY and value in _categories(parser):
            parts.append(_categories(parser)[value])
        else:
            raise _NoStandIn
    if parts and parts[0] == "^" and len(parts) == 1:
        raise _NoStandIn
    return "[" + "".join(parts) + "]"


def _categories(parser: Any) -> dict[Any, str]:
    return {parser.CATEGORY_DIGIT: r"\d", parser.CATEGORY_NOT_DIGIT: r"\D", parser.CATEGORY_SPACE: r"\s",
            parser.CATEGORY_NOT_SPACE: r"\S", parser.CATEGORY_WORD: r"\w", parser.CATEGORY_NOT_WORD: r"\W"}


@lru_cache(maxsize=512)
def _class_of(one: str, ignore: bool) -> str:
    """The class of the lowered forms of the ASCII characters ``one`` matches (a pattern that matches
    none: a class that cannot match)."""
    test = re.compile(one, re.IGNORECASE if ignore else 0).fullmatch
    chars = sorted({c.lower() for c in _ASCII if test(c)})
    if not chars:
        return "(?!)"
    if len(chars) == 1:
        return re.escape(chars[0])
    return "[" + "".join(re.escape(c) for c in chars) + "]"
