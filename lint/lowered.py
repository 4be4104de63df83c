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

A greedy repeat of one character's class that no character able to come next belongs to is written
possessive (`[\\w.'-]*+` before `\\s+`): giving back what it took could only put a character of its class
where none of the next's may stand, so the places are the same, and the engine no longer backtracks
through every word of a line before it fails (the byline and dateline gates on the PEPs' lines: 90 -> 49 ms).

A text outside ASCII is read through a view (``ascii_view``): lowered, with each character outside ASCII
replaced by an ASCII one of its kind to the engine's classes (``stand_for``: white space, a decimal digit,
another letter or digit, anything else), and each class of the stand-in that may match a character of
such a kind outside ASCII holds its stand-in too; so the stand-in finds every place there as well.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lint.patterns import kept_answer
from lint.scan import non_ascii, parsed

_ASCII = [chr(i) for i in range(128)]


def lowered_ascii_pattern(pattern: str, flags: int) -> str | None:
    """The stand-in's source (compiled without flags), or None where the pattern has none. Its matches
    are the places, one character long at most, where the pattern may match: ``finditer`` finds them
    all, however long the pattern's own matches are. Kept between runs (``lint.patterns.kept_answer``,
    for as long as this module is the same): writing it parses the pattern and tries 128 characters per
    class."""
    return kept_answer("lowered-ascii", pattern, flags, lambda: _stand_in(pattern, flags))


def _stand_in(pattern: str, flags: int, possessive: bool = True) -> str | None:
    """``possessive=False``: every repeat written greedy, as read (the tests' reference)."""
    reading = parsed(pattern, flags)
    if reading is None:
        return None
    parser, items, in_force = reading
    if in_force & ~(re.IGNORECASE | re.UNICODE):
        return None  # MULTILINE, DOTALL, VERBOSE's comments… are read as the pattern reads them: not here
    writer, ignore = _Writer(parser, possessive), bool(in_force & re.IGNORECASE)
    try:
        # The rest in a lookahead: finditer then finds every place (its matches cannot overlap a place
        # where the pattern matches). A leading literal stays outside it, for the engine to skip to.
        # After the lookahead's end nothing need follow: the follow set there is empty.
        if items and items[0][0] == parser.LITERAL:
            op, arg = items[0]
            return writer.item(op, arg, ignore) + "(?=" + writer.sequence(items[1:], ignore, _END) + ")"
        return "(?=" + writer.sequence(items, ignore, _END) + ")"
    except _NoStandIn:
        return None


class _NoStandIn(Exception):
    pass


# The characters that may come next (the stand-in reads lowered ASCII, so a set of them is complete);
# None where that is not known.
_Follow = frozenset[str] | None
_END: frozenset[str] = frozenset()


class _Writer:
    def __init__(self, parser: Any, possessive: bool = True) -> None:
        self.p = parser
        self.possessive = possessive

    def sequence(self, items: Any, ignore: bool, follow: _Follow = None) -> str:
        """The items written in order; ``follow``: what may come after the last of them."""
        items = list(items)
        return "".join(self.item(op, arg, ignore, _then(self._first(items[k + 1:], ignore), follow))
                       for k, (op, arg) in enumerate(items))

    def item(self, op: Any, arg: Any, ignore: bool, follow: _Follow = None) -> str:
        p = self.p
        if op in (p.LITERAL, p.NOT_LITERAL, p.ANY, p.IN):
            return _class_of(_one_character(p, op, arg), ignore)
        if op == p.SUBPATTERN:
            _group, add, remove, body = arg
            if (add | remove) & ~re.IGNORECASE:
                raise _NoStandIn
            return "(?:" + self.sequence(body, _scoped(ignore, add, remove), follow) + ")"
        if op == p.BRANCH:
            return "(?:" + "|".join(self.sequence(b, ignore, follow) for b in arg[1]) + ")"
        if op in (p.MAX_REPEAT, p.MIN_REPEAT, getattr(p, "POSSESSIVE_REPEAT", p.MAX_REPEAT)):
            return self._repeat(op, arg, ignore, follow)
        if op == getattr(p, "ATOMIC_GROUP", None):
            return "(?:" + self.sequence(arg, ignore, follow) + ")"
        if op in (p.ASSERT, p.ASSERT_NOT, p.AT):
            return ""  # dropped: the stand-in then matches wherever the pattern does, and maybe more
        raise _NoStandIn  # a back reference, a conditional group, or an item this reading does not know

    def _repeat(self, op: Any, arg: Any, ignore: bool, follow: _Follow) -> str:
        p = self.p
        low, high, body = arg
        body = list(body)
        # Inside, what may come next is the body again or what follows the repeat (the repeat may stop
        # after any pass, once it has made ``low``).
        again = self._first(body, ignore)
        inner = self.sequence(body, ignore, None if again is None or follow is None else again[0] | follow)
        if not inner:
            return ""  # a repeat of assertions only, dropped with them
        top = "" if high == p.MAXREPEAT else str(high)
        written = "(?:" + inner + "){" + f"{low},{top}" + "}"
        if (not self.possessive or op != p.MAX_REPEAT or follow is None or len(body) != 1
                or body[0][0] not in (p.LITERAL, p.NOT_LITERAL, p.ANY, p.IN)):
            return written
        chars = _characters(_one_character(p, *body[0]), ignore)
        if chars.isdisjoint(follow):
            return written + "+"
        stops, kept = chars & follow, chars - follow
        if high != p.MAXREPEAT or not kept:
            return written
        # Some of its characters may come next (`-` in a name before `[,|-]`): the repeat need only give
        # back to just before one of them, or stop at its end. Runs of the others taken whole, and
        # one of those characters at a time: the same places, without a step back per character.
        kept_run = _class_from(kept) + "{0,}+"
        return "(?:" + inner + "){" + str(low) + "}" + f"(?:{kept_run}{_class_from(stops)}){{0,}}{kept_run}"

    def _first(self, items: list[Any], ignore: bool) -> tuple[frozenset[str], bool] | None:
        """The characters the stand-in of ``items`` may start with, and whether it may match nothing
        (then what follows them may come first); None where that is not known."""
        out: set[str] = set()
        for op, arg in items:
            first = self._first_of(op, arg, ignore)
            if first is None:
                return None
            out |= first[0]
            if not first[1]:
                return frozenset(out), False
        return frozenset(out), True

    def _first_of(self, op: Any, arg: Any, ignore: bool) -> tuple[frozenset[str], bool] | None:
        p = self.p
        if op in (p.LITERAL, p.NOT_LITERAL, p.ANY, p.IN):
            return _characters(_one_character(p, op, arg), ignore), False
        if op == p.SUBPATTERN:
            return self._first(list(arg[3]), _scoped(ignore, arg[1], arg[2]))
        if op == p.BRANCH:
            firsts = [self._first(list(b), ignore) for b in arg[1]]
            if any(f is None for f in firsts):
                return None
            return frozenset().union(*(f[0] for f in firsts if f)), any(f[1] for f in firsts if f)
        if op in (p.MAX_REPEAT, p.MIN_REPEAT, getattr(p, "POSSESSIVE_REPEAT", p.MAX_REPEAT)):
            first = self._first(list(arg[2]), ignore)
            return None if first is None else (first[0], first[1] or arg[0] == 0)
        if op == getattr(p, "ATOMIC_GROUP", None):
            return self._first(list(arg), ignore)
        if op in (p.ASSERT, p.ASSERT_NOT, p.AT):
            return _END, True  # dropped from the stand-in: they match nothing there
        return None


def _then(first: tuple[frozenset[str], bool] | None, follow: _Follow) -> _Follow:
    """What may come after an item: the first characters of the items after it, and, where those may
    match nothing, what follows them all."""
    if first is None:
        return None
    if not first[1]:
        return first[0]
    return None if follow is None else first[0] | follow


def _scoped(ignore: bool, add: int, remove: int) -> bool:
    return (ignore or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE


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
def _characters(one: str, ignore: bool) -> frozenset[str]:
    """The lowered forms of the ASCII characters ``one`` matches, and the stand-ins (``stand_for``) of the
    kinds of character outside ASCII it may match."""
    test = re.compile(one, re.IGNORECASE if ignore else 0).fullmatch
    return frozenset(c.lower() for c in _ASCII if test(c)) | _standing_in(one)


# Characters outside ASCII that no view can hold: İ lowers to two characters; ı, ſ and the Kelvin sign match
# an ASCII letter when case is ignored (the Kelvin sign also lowers to `k`); U+0345, a mark, matches the
# letter ι when case is ignored. (tests/test_lowered.py finds every such character in Unicode's tables.)
UNVIEWABLE = frozenset("\u0130\u0131\u017f\u212a\u0345")
# Past this many different characters outside ASCII (a page in another script), replacing them one by one
# would cost a pass of the text each: no view.
_MOST_REPLACED = 48
_ALL_STAND_INS = frozenset(" 0a\x01")
# The stand-ins of the kinds of character outside ASCII that each category matches (``stand_for``: \w is a
# letter, a digit or `_`, \d a decimal digit, \s white space, to the engine as to ``str``'s tests).
_CATEGORY_STAND_INS = {"CATEGORY_DIGIT": "0", "CATEGORY_WORD": "0a", "CATEGORY_SPACE": " ",
                       "CATEGORY_NOT_DIGIT": " a\x01", "CATEGORY_NOT_WORD": " \x01", "CATEGORY_NOT_SPACE": "0a\x01"}


def stand_for(ch: str) -> str:
    """The ASCII character that stands for ``ch`` (outside ASCII) in a view: one of the same kind to the
    regex engine's categories."""
    return " " if ch.isspace() else "0" if ch.isdecimal() else "a" if ch.isalnum() else "\x01"


def ascii_view(text: str, lowered: str) -> str | None:
    """``lowered`` (``text.lower()``) in ASCII, offset for offset: each character outside ASCII replaced
    by ``stand_for``'s; None where ``text`` holds an ``UNVIEWABLE`` character or too many different ones
    outside ASCII."""
    found = non_ascii(text)
    if not UNVIEWABLE.isdisjoint(found):
        return None
    outside = _lowered_outside(found, lowered)
    if len(outside) > _MOST_REPLACED:
        return None
    view = lowered
    for ch in outside:
        view = view.replace(ch, stand_for(ch))
    return view if view.isascii() and len(view) == len(text) else None


def _lowered_outside(found: str, lowered: str) -> set[str]:
    """The characters outside ASCII of ``lowered``, a text's ``lower()``, where ``found`` are the text's own
    (``non_ascii``). str.lower reads no character's neighbours but a capital sigma's (σ or ς by what follows
    it): without one, the lowered text's characters outside ASCII are those of its characters outside ASCII
    lowered one by one, a few characters to lower where the lowered text was read whole again (no character
    of ASCII lowers to one outside it; tests/test_lowered.py asks every code point in context)."""
    if "\u03a3" in found:
        return set(non_ascii(lowered))
    return set(non_ascii(found.lower()))


def _standing_in(one: str) -> frozenset[str]:
    """The stand-ins of the kinds of character outside ASCII that ``one`` (one character's pattern, as
    ``_one_character`` writes it) may match: a kind a character of its own belongs to (case ignored or
    not: a character's other cases are of its kind, but for ``UNVIEWABLE``, which may match another kind),
    or a category's kinds; every kind for a negated class, any character, an ``UNVIEWABLE`` character, or
    an item not read here."""
    reading = parsed(one, 0)
    if reading is None or not reading[1]:
        return _ALL_STAND_INS
    parser, items, _ = reading
    op, arg = items[0]
    if op not in (parser.LITERAL, parser.IN):
        return _ALL_STAND_INS
    out: set[str] = set()
    for kind, value in [(op, arg)] if op == parser.LITERAL else arg:
        if kind == parser.LITERAL:
            if chr(value) in UNVIEWABLE:  # (U+0345, a mark, matches the letter ι when case is ignored)
                return _ALL_STAND_INS
            if value >= 128:
                out.add(stand_for(chr(value)))
        elif kind == parser.RANGE:
            low, high = max(value[0], 128), value[1]
            if high - low > 4096 or any(low <= ord(ch) <= high for ch in UNVIEWABLE):
                return _ALL_STAND_INS
            out.update(stand_for(chr(c)) for c in range(low, high + 1))
        elif kind == parser.CATEGORY and str(value) in _CATEGORY_STAND_INS:
            out.update(_CATEGORY_STAND_INS[str(value)])
        else:
            return _ALL_STAND_INS
    return frozenset(out)


@lru_cache(maxsize=512)
def _class_of(one: str, ignore: bool) -> str:
    """The class of the lowered forms of the ASCII characters ``one`` matches (a pattern that matches
    none: a class that cannot match)."""
    return _class_from(_characters(one, ignore))


def _class_from(characters: frozenset[str]) -> str:
    chars = sorted(characters)
    if not chars:
        return "(?!)"
    if len(chars) == 1:
        return re.escape(chars[0])
    return "[" + "".join(re.escape(c) for c in chars) + "]"


def lowered(text: str) -> str:
    """``text.lower()``, where every character of the text outside ASCII is one that lowering leaves as it is
    (a curly quote, a dash, the placeholder of masked code: the Rust book's pages hold only such), lowered as
    UTF-8 bytes, whose ``lower`` changes the ASCII capitals alone: ``str.lower`` of a text outside Latin-1 reads
    every character through the Unicode case tables (some 50 instructions a character: 14M of S102's 195M on
    the Rust book), the bytes' some 5 with their encoding and decoding. The same text: a character outside ASCII
    lowers as it does alone but for a capital sigma, which always changes (``test_str_lower_reads_no_neighbour_but_a_capital_sigmas``);
    its UTF-8 bytes all lie above ASCII, which ``bytes.lower`` leaves; surrogates pass both ways, one by one.
    The characters outside ASCII come from ``non_ascii``, which keeps them for the next caller asking of the
    same text (``ascii_view``)."""
    if text.isascii():
        return text.lower()
    outside = non_ascii(text)
    if outside.lower() != outside:
        return text.lower()
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
