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
from collections.abc import Callable, Iterable, Iterator
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
    # Several rules and the checker ask this of the same document text and prose: the last answers are
    # kept for the very strings they were given (compared by identity: a string is immutable), as many as
    # lie between two askers of one document's prose (P101 and the checker's foreign scan, with E101's
    # text, S102's lines and the prose T102 and T107 read as bytes between them).
    for kept, answer in _LAST_NON_ASCII:
        if kept is text:
            return answer
    return remember_non_ascii(text, text.encode("utf-8", "surrogatepass"))


def remember_non_ascii(text: str, encoded: bytes) -> str:
    """``non_ascii(text)`` read off ``encoded``, which holds ``text``'s characters outside ASCII in UTF-8 (with
    surrogatepass) in order, and kept for ``non_ascii``. A reader that has the UTF-8 of its text already (the
    Markdown reader, of what its parser read) hands it over: the checker's first asker (E-rules on the
    document's text) then pays no encoding pass of its own (some 18M instructions on the Rust book, whose
    curly quotes make its pages two bytes a character, each encoded at some 17 instructions)."""
    for kept, answer in _LAST_NON_ASCII:
        if kept is text:  # handed over already (the engine, of the bytes as read, before the Markdown reader)
            return answer
    # One pass over all the bytes keeps those outside ASCII and ASCII's controls (``uncommon``); the
    # characters outside ASCII are read off what it kept, mostly a few bytes.
    rest = encoded.translate(None, _PLAIN_BYTES)
    high = rest.translate(None, _ASCII_BYTES)
    answer = high.decode("utf-8", "surrogatepass")
    _LAST_NON_ASCII.insert(0, (text, answer))
    del _LAST_NON_ASCII[NON_ASCII_KEPT:]
    _LAST_UNCOMMON.insert(0, (text, answer if len(high) == len(rest) else rest.decode("utf-8", "surrogatepass")))
    del _LAST_UNCOMMON[NON_ASCII_KEPT:]
    return answer


def uncommon(text: str) -> str:
    """The characters of ``text`` other than printable ASCII and the white space of layout (tab, line feed,
    form feed, carriage return), in order: those outside ASCII (``non_ascii``) and ASCII's controls, DEL
    among them. Read off the same pass as ``non_ascii``, and kept with its answer: E103 asks it of a
    document's text, whose answers the engine took from the bytes as read (where it encoded the text
    and searched it whole, ~1 % of ../shared/corpus's check)."""
    for kept, answer in _LAST_UNCOMMON:
        if kept is text:
            return answer
    return text.encode("utf-8", "surrogatepass").translate(None, _PLAIN_BYTES).decode("utf-8", "surrogatepass")


NON_ASCII_KEPT = 6
# Printable ASCII and the white space of layout: the bytes ``uncommon`` leaves out.
_PLAIN_BYTES = bytes(range(0x20, 0x7F)) + b"\t\n\x0c\r"


_LAST_NON_ASCII: list[tuple[str, str]] = []
_LAST_UNCOMMON: list[tuple[str, str]] = []


def places(text: str, found: Iterable[str]) -> Iterator[int]:
    """Where the characters ``found`` stand in ``text``, in order, where they are every character of the
    text that a class outside ASCII matches (its matches in ``non_ascii(text)``): each is the first of its
    character after the one before, as no other lies between, and ``str.find`` reaches it in C, where a
    search of the class tests every character of the text (and goes on to its end after the last)."""
    at = -1
    for ch in found:
        at = text.find(ch, at + 1)
        yield at


def scanners(pattern: str, flags: int = 0) -> list[re.Pattern[str]]:
    """The pieces to search for, each compiled on first use (``lint.patterns``: a rule that starts
    outside ASCII costs nothing on an English file): the pattern itself when no split is faster."""
    return [compiled_on_use(p, flags) for p in _pieces(pattern, flags)]


def end_mark_pieces(pattern: str, flags: int = 0) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    """The literal-led pieces (``scanners``) of a pattern led by the class `[.!?]`, as the `.`, `!` and `?`
    ones, each known by the mark it opens with, not by its place in the list; None where the pieces are
    not one per mark."""
    pieces = _pieces(pattern, flags)
    by_mark = {c: p for p in pieces for c in ".!?" if p.startswith(re.escape(c))}
    if len(pieces) != 3 or set(by_mark) != {".", "!", "?"}:
        return None
    return compiled_on_use(by_mark["."], flags), compiled_on_use(by_mark["!"], flags), compiled_on_use(by_mark["?"], flags)


def end_mark_test(pattern: str, flags: int = 0) -> Callable[[str], bool]:
    """``lambda text: re.search(pattern, text) is not None`` for a pattern led by the class `[.!?]`, asked
    as its pieces (``end_mark_pieces``): the `.` piece everywhere, the `!` and `?` pieces only where the
    text holds the mark, the regex engine skipping from one mark to the next in C; the whole pattern
    where the pieces are not one per mark."""
    pieces = end_mark_pieces(pattern, flags)
    if pieces is None:
        whole = compiled_on_use(pattern, flags)
        return lambda text: whole.search(text) is not None
    dot, bang, question = pieces

    def holds(text: str) -> bool:
        return (dot.search(text) is not None or ("!" in text and bang.search(text) is not None)
                or ("?" in text and question.search(text) is not None))

    return holds


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


def lead_character(pattern: str, flags: int = 0) -> str:
    """The character every match of ``pattern`` opens with, where the pattern starts with one literal
    character that case does not change; else "". A text without that character holds no match, and
    ``char in text`` says so some twenty times faster than a search: the engine steps to a literal
    prefix one character at a time (1.2 ns a character of the PEPs' prose), where ``str`` looks for one
    character as memchr does.

    Read off the pattern's text, not the parser's reading (which a run would parse, or take from the kept
    answers, for each of the 30-odd patterns it scans for): only the plain cases, as the pieces
    ``scanners`` makes are: a character that is no syntax, or one escaped that is no class or anchor,
    not repeated, in a pattern of one alternative."""
    if flags & _CASE_OR_VERBOSE or not pattern or "(?#" in pattern:
        return ""  # (a comment may hide what follows the first character: `x(?#note)?b`, `x(?#()|b`)
    first, rest = pattern[0], pattern[1:]
    if first == "\\":
        if not rest or rest[0].isalnum() or not rest[0].isascii():
            return ""  # (\d, \b, \x41, \N{...}: a class, an anchor or a code, not the character)
        first, rest = rest[0], rest[1:]
    elif first in _SYNTAX:
        return ""
    if rest[:1] in _REPEATS or ("|" in pattern and len(alternatives(pattern)) != 1):
        return ""
    return first


# Characters that are syntax at a pattern's start (those a literal may not be written as), and what
# repeats the character before it (which may then be absent: `a?b`, `a{0,2}`).
_SYNTAX = frozenset(".^$*+?{}[]|()\\")
_REPEATS = frozenset("*+?{")
_CASE_OR_VERBOSE = int(re.IGNORECASE | re.VERBOSE)  # (an int: each operation on re's flags is a call into enum)


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


def line_scanner(pattern: str, flags: int) -> str | None:
    """For a pattern anchored at a text's start (`^…`, no MULTILINE) whose matches stay on the text's first
    line: the same pattern after a line break (`\\n(?:…)`), to be searched over texts joined by line breaks,
    where it matches after the break before a text exactly where the pattern matches that text. None
    where that cannot be told from the pattern (kept between runs, as ``_pieces``)."""
    return kept_answer("line-scanner", pattern, flags, lambda: _line_scanner(pattern, flags))


def _line_scanner(pattern: str, flags: int) -> str | None:
    reading = parsed(pattern, flags)
    if reading is None or not pattern.startswith("^"):
        return None
    parser, items, in_force = reading
    if in_force & (re.MULTILINE | re.DOTALL | re.VERBOSE) or not items or items[0] != (parser.AT, parser.AT_BEGINNING):
        return None
    if not all(_in_line(parser, op, arg) for op, arg in items[1:]):
        return None
    # Only where every match opens with a literal: then the engine tries it at few of the line breaks. One
    # that opens with a class of letters (S101's `Word word: `) is tried after nearly every break, inside
    # the texts too, and costs more so than one match at each text's start.
    if len(items) < 2 or not _opens_with_literal(parser, *items[1]):
        return None
    return "\\n(?:" + pattern[1:] + ")"


def _opens_with_literal(parser: Any, op: Any, arg: Any) -> bool:
    name = str(op)
    if name == "LITERAL":
        return True
    if name == "SUBPATTERN":
        body = list(arg[3])
        return bool(body) and _opens_with_literal(parser, *body[0])
    if name == "BRANCH":
        return all(branch and _opens_with_literal(parser, *branch[0]) for branch in arg[1])
    return False


# A class's categories that hold the line break (\s, \W, \D and their Unicode forms).
_BREAK_CATEGORIES = frozenset({"CATEGORY_SPACE", "CATEGORY_NOT_WORD", "CATEGORY_NOT_DIGIT", "CATEGORY_LINEBREAK",
                               "CATEGORY_UNI_SPACE", "CATEGORY_UNI_NOT_WORD", "CATEGORY_UNI_NOT_DIGIT",
                               "CATEGORY_UNI_LINEBREAK", "CATEGORY_LOC_NOT_WORD"})
_SAFE_CATEGORIES = frozenset({"CATEGORY_DIGIT", "CATEGORY_WORD", "CATEGORY_NOT_SPACE", "CATEGORY_NOT_LINEBREAK",
                              "CATEGORY_UNI_DIGIT", "CATEGORY_UNI_WORD", "CATEGORY_UNI_NOT_SPACE",
                              "CATEGORY_UNI_NOT_LINEBREAK", "CATEGORY_LOC_WORD"})


def _in_line(parser: Any, op: Any, arg: Any) -> bool:
    """Whether the item matches no line break and reads no character outside its match but through
    `\\b` or `\\B` (which read a line break after a text's last character as they read the text's end:
    neither is a word character). Unknown items are not."""
    name = str(op)
    if name == "LITERAL":
        return bool(arg != 10)
    if name == "ANY":
        return True  # (without DOTALL: checked by the caller)
    if name == "IN":
        return _class_holds_break(arg) is False
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        return all(_in_line(parser, o, a) for o, a in arg[2])
    if name == "SUBPATTERN":
        _, add_flags, _, body = arg
        return not add_flags & (re.MULTILINE | re.DOTALL | re.VERBOSE) and all(_in_line(parser, o, a) for o, a in body)
    if name == "ATOMIC_GROUP":
        return all(_in_line(parser, o, a) for o, a in arg)
    if name == "BRANCH":
        return all(_in_line(parser, o, a) for branch in arg[1] for o, a in branch)
    if name == "AT":
        return str(arg) in ("AT_BOUNDARY", "AT_NON_BOUNDARY")
    return False


def _class_holds_break(members: list[Any]) -> bool | None:
    """Whether a class (``IN``'s members) holds the line break; None where that is not known."""
    negated = False
    holds = False
    for op, arg in members:
        name = str(op)
        if name == "NEGATE":
            negated = True
        elif name == "LITERAL":
            holds = holds or arg == 10
        elif name == "RANGE":
            holds = holds or arg[0] <= 10 <= arg[1]
        elif name == "CATEGORY" and str(arg) in _BREAK_CATEGORIES:
            holds = True
        elif name == "CATEGORY" and str(arg) in _SAFE_CATEGORIES:
            continue
        else:
            return None
    return holds != negated


def closed_matches(pattern: re.Pattern[str], openings: re.Pattern[str], closers: Callable[[str], str],
                   text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern each of whose matches starts with a match of ``openings`` and
    reads on to a closing character (`«[^»]*»`, `</?[a-z][^>]*>`): ``closers`` gives, for an opening's text,
    the characters that may close it. The pattern is tried only at an opening that one of them follows: where
    none does, it cannot match, and the search read the rest of the text from each such opening (n**2 / 2
    steps on a line of n openings that nothing closes). Each closing set's last place is found once."""
    last: dict[str, int] = {}
    pos = 0
    while (opening := openings.search(text, pos)) is not None:
        chars = closers(opening.group())
        if chars not in last:
            last[chars] = max(text.rfind(c) for c in chars)
        if last[chars] >= opening.end() and (m := pattern.match(text, opening.start())) is not None:
            yield m
            pos = m.end()
        else:
            pos = opening.start() + 1


def opening_characters(pattern: str, flags: int = 0) -> tuple[str, str, tuple[tuple[int, int], ...]] | None:
    """Characters one of which opens every match of ``pattern`` (the first character it consumes): those
    in ASCII, the others, and ranges of others (code points, inclusive); None where the pattern's reading
    does not say (a class of categories or a negated one, any character, a repeat that may be absent,
    case folded, a pattern that may match empty). A text none of them occurs in holds no match.

    From the stdlib parser's reading (asked where the answer is kept, as the rule index is: not per run)."""
    reading = parsed(pattern, flags)
    if reading is None or reading[2] & int(re.IGNORECASE):
        return None
    parser, items, _ = reading
    try:
        chars, ranges, may_be_empty = _opening(parser, items)
    except _Unknown:
        return None
    if may_be_empty:
        return None
    for lo, hi in [r for r in ranges if r[0] < 128]:  # ASCII parts of ranges as characters
        chars |= {chr(c) for c in range(lo, min(hi, 127) + 1)}
    others = tuple(sorted((max(lo, 128), hi) for lo, hi in ranges if hi >= 128))
    return ("".join(sorted(c for c in chars if c.isascii())), "".join(sorted(c for c in chars if not c.isascii())),
            others)


class _Unknown(Exception):
    pass


def _opening(parser: Any, items: Iterable[Any]) -> tuple[set[str], set[tuple[int, int]], bool]:
    """The characters and ranges that may open a match of ``items`` (a sequence), and whether it may
    consume nothing at all."""
    chars: set[str] = set()
    ranges: set[tuple[int, int]] = set()
    for op, arg in items:
        if op == parser.LITERAL:
            chars.add(chr(arg))
            return chars, ranges, False
        if op == parser.IN:
            for member, value in arg:
                if member == parser.LITERAL:
                    chars.add(chr(value))
                elif member == parser.RANGE:
                    ranges.add((value[0], value[1]))
                else:  # NEGATE, CATEGORY
                    raise _Unknown
            return chars, ranges, False
        if op in (parser.AT, parser.ASSERT, parser.ASSERT_NOT):
            continue  # consumes nothing: the next item opens the match
        if op == parser.BRANCH:
            empty = False
            for alternative in arg[1]:
                c, r, e = _opening(parser, alternative)
                chars |= c
                ranges |= r
                empty = empty or e
        elif op == parser.SUBPATTERN:
            if arg[1] & int(re.IGNORECASE):
                raise _Unknown
            c, r, empty = _opening(parser, arg[3])
            chars |= c
            ranges |= r
        elif op in (parser.MAX_REPEAT, parser.MIN_REPEAT, getattr(parser, "POSSESSIVE_REPEAT", parser.MAX_REPEAT)):
            c, r, empty = _opening(parser, arg[2])
            chars |= c
            ranges |= r
            empty = empty or arg[0] == 0
        else:  # ANY, NOT_LITERAL, a group reference, a conditional …
            raise _Unknown
        if not empty:
            return chars, ranges, False
    return chars, ranges, True
