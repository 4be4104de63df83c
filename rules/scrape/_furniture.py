"""The scrape family's judge of page furniture by phrase lists (exact lines, prefixes, patterns): S102
flags the lines it names, S110 finds the anchors of a block of furniture with it."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import accumulate, repeat
from pathlib import Path
from typing import Any

from ahocorasick_rs import AhoCorasick

from lint.language import trie_alternation
from lint.lowered import ascii_view, lowered_ascii_pattern
from lint.lowered import lowered as lowered_text
from lint.patterns import compiled, compiled_on_use, kept_answer, kept_result
from lint.rule import rule_data
from lint.scan import matches_at, parsed

# A written line of plain text (cut at \n and \r, blank lines skipped), as S110 and S111 read a text's
# lines. (From a line's start only: tried at every character of a long blank line, it was quadratic.)
LINE = compiled_on_use(r"(?<![^\r\n])[^\r\n]*\S[^\r\n]*")

_TRIM = " \t\u00a0•·|>»›→←<«‹-–—*:.!…"


@lru_cache(maxsize=1)
def default_lists() -> dict[str, list[str]]:
    """The built-in phrases, prefixes and patterns (the patterns' named parts expanded)."""
    data = rule_data(Path(__file__).parent / "data" / "boilerplate.yaml")
    return {key: [expanded(p) for p in value] if key == "patterns" else value
            for key, value in data.items() if key != "definitions"}


_NAMED_PART = compiled_on_use(r"\(\?&(\w+)\)")


@lru_cache(maxsize=1)
def _definitions() -> dict[str, str]:
    data: dict[str, str] = rule_data(Path(__file__).parent / "data" / "boilerplate.yaml").get("definitions", {})
    return data


def expanded(pattern: str) -> str:
    """A pattern with each named part of boilerplate.yaml's definitions (`(?&date)`) written out as a
    group, parts inside parts too; Python's regexes have no such reference of their own. A name with no
    definition stays as written (``pattern_error`` names it)."""
    definitions = _definitions()
    for _ in range(8):
        if "(?&" not in pattern:
            break
        pattern = _NAMED_PART.sub(lambda m: f"(?:{definitions[m.group(1)]})" if m.group(1) in definitions
                                  else m.group(), pattern)
    return pattern


def pattern_error(pattern: str) -> str | None:
    """Why a user's furniture pattern (S102's `patterns`, `extend-patterns`) cannot be used, or None: a
    named part with no definition, or what the regex compiler says."""
    unknown = [m.group(1) for m in _NAMED_PART.finditer(expanded(pattern))]
    if unknown:
        return f"no named part '{unknown[0]}' (the parts: {', '.join(sorted(_definitions()))})"
    try:
        re.compile(expanded(pattern), re.IGNORECASE)
    except re.error as exc:
        return f"not a regular expression: {exc}"
    return None


# Below this length a text is asked for all the slow gates' words in one scan, which turns down most short
# texts (corpus records) at once. Past it the gates' substring tests cost less even where they all fail: the
# scan, an alternation the regex engine tries at every character, costs some 37 ns a character, the 43 words'
# tests 25 ns and 3 µs of calls (the candidate lines of the rust book's pages, 2,200 characters on average:
# 20 -> 13.5 ms; of corpus records, JSONL from ../shared/corpora: 36 -> 29 ms, against 8192 here before).
_SHORT = 256


class Judge:
    """Whether one line is furniture by the phrase lists: an exact line, a prefix with something after
    it, or a pattern matching the whole line. Built once per set of lists."""

    def __init__(self, phrases: tuple[str, ...], prefixes: tuple[str, ...], patterns: tuple[str, ...]) -> None:
        self.exact = frozenset(p.strip(_TRIM).lower() for p in phrases)
        # The same question of every line at once: the lines of the lowered text that are a phrase between
        # runs of ``_TRIM`` (``_exact_gate``), where each line was stripped and hashed in Python.
        self.exact_gate = _exact_gate(self.exact)
        prefix_alternatives = "|".join(re.escape(p.lower()) for p in sorted(prefixes, key=len, reverse=True))
        # Asked only of the lines the gates find, so compiled then (``lint.patterns``).
        self.prefix_re = compiled_on_use(prefix_alternatives) if prefixes else None
        self.whole_re = compiled_on_use("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None
        # The same questions over many lines, each after a newline, as gates: a line ``furniture`` would
        # accept is always among the lines they find (they may find more, which it then turns down).
        # Each gate opens with the newline, a literal the regex engine skips to, instead of `^`, which it
        # would try at every character.
        self.prefix_gate = (compiled(r"\n[ \t\u00a0•·|>»›→*]*(?:" + prefix_alternatives + ")", re.IGNORECASE)
                            if prefixes else None)
        # The same gate without IGNORECASE, for the lowered text where both it and the prefixes are ASCII:
        # then it finds the same lines, and the engine compares characters as they are (three times faster).
        self.ascii_prefix_gate = _ascii_gate(prefixes)
        # And for the lowered text of any text without the three characters that match an ASCII letter
        # when case is ignored but do not lower to it (İ, ı, ſ), where every prefix's characters outside
        # ASCII are caseless (©): then too it finds the same lines.
        self.lowered_prefix_gate = _lowered_gate(prefixes)
        # A pattern that opens with a run of any words ("… already a subscriber") backtracks over every
        # line it is tried on: it gets a gate of its own, run only where the words it cannot match
        # without occur in the text at all (substring tests in C).
        choices = [(pattern, _required_words(pattern)) for pattern in patterns]
        quick = [p for p, required in choices if not required]
        self.quick_gate = _gate(quick)
        # For an ASCII text, the places where the quick gate may match, found in the lowered text without
        # IGNORECASE (``lint.lowered``), where the gate itself is then asked: its own matches, faster.
        stand_in = lowered_ascii_pattern(_gate_source(quick), re.IGNORECASE) if quick else None
        self.ascii_quick_places = compiled_on_use(stand_in) if stand_in is not None else None
        self.slow_gates = [(required, _gate([p])) for p, required in choices if required]
        # Every word a slow gate requires, as one alternation of literals: a text where it finds none (most
        # texts) holds no set of any gate's words, and no gate is asked (one scan in C, where testing the
        # gates' word sets one by one costs some 20 µs a text in Python: corpus mode asks per record).
        # In one order whatever the hash seed ordered the set in: the pattern is kept between runs by its
        # text (only whether it finds a word matters, not which).
        words = sorted({w for required, _ in self.slow_gates for c in required for w in c}, key=_longest_first)
        self.slow_words = compiled_on_use("|".join(map(re.escape, words))) if words else None
        # The gates' words in ASCII, all looked for in one pass over a text (Aho-Corasick, ahocorasick-rs:
        # every occurrence, overlapping ones too), where a substring test per word read the text once for each
        # (some 2 % of ../shared/corpus's check). Built once per set of lists, as the gates are.
        ascii_words = [w for w in words if w.isascii()]
        self.ascii_words = AhoCorasick(ascii_words) if ascii_words else None

    def maybe_furniture(self, lines: list[str]) -> list[int]:
        """Indexes of the lines that may be furniture: an exact phrase, or a line a gate finds."""
        joined = "\n" + "\n".join(lines)
        lowered = lowered_text(joined)  # (its characters outside ASCII kept for ``ascii_view`` below)
        found = self._exact_lines(lines, joined, lowered)
        plain = joined.isascii()
        # The lowered text stands for the text, offset for offset, and holds a gate's ASCII words wherever
        # the gate (IGNORECASE) could match them, unless it holds one of the three characters that match
        # an ASCII letter without lowering to it (İ, which also lowers to two characters; ı; ſ). (Asked
        # once: each test is a scan of the whole text.)
        aligned = plain or ("\u0130" not in joined and "\u0131" not in joined and "\u017f" not in joined)
        ascii_gate = self.ascii_prefix_gate if plain else self.lowered_prefix_gate if aligned else None
        starts: list[int] | None = None
        searched = lowered  # the lowered text in ASCII where it has a view (``ascii_view``): see ``_slow_gates``
        for gate in (self.prefix_gate, self.quick_gate):
            if gate is None:
                continue
            # Outside ASCII the places are found in the text's ASCII view (``lint.lowered``) too, where the
            # gate itself was asked at every line: the PEPs' 117 texts outside ASCII 32 -> 14 ms, the view
            # made; ../shared/corpus's 784 49 -> 48 ms (their lines open with a capital, where the gate's
            # bylines fail at once and the stand-in, without case, reads on).
            view = (lowered if plain else ascii_view(joined, lowered)) if gate is self.quick_gate else None
            searched = view or searched
            if view is not None and self.ascii_quick_places is not None:
                at: Iterable[int] = _starts_through(self.ascii_quick_places, gate, joined, view)
            else:
                at = map(_start, ascii_gate.finditer(lowered) if ascii_gate is not None and gate is self.prefix_gate
                         else gate.finditer(joined))
            for a in at:
                if starts is None:
                    starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=1))
                found.add(bisect_right(starts, a + 1) - 1)
        # In ASCII text a slow gate is asked only about the lines that hold one of its rarest words (in
        # ASCII): a line its pattern matches whole holds one, as the lowered text shows it. A big text
        # holds such words somewhere, and was scanned whole for each gate they opened.
        # (Gates share words, `newsletter`, `photo`: each is looked for once.)
        if self.slow_words is None or (len(lowered) < _SHORT and self.slow_words.search(lowered) is None):
            return sorted(found)
        self._slow_gates(found, lines, joined, lowered, searched, aligned, starts)
        return sorted(found)

    def _exact_lines(self, lines: list[str], joined: str, lowered: str) -> set[int]:
        """Indexes of the lines whose key (stripped of ``_TRIM``, lowered: ``_keys``) is an exact phrase. Where
        no line holds a newline of its own, found by ``exact_gate`` in ``lowered`` (``joined`` lowered), whose
        lines are the lines lowered one by one (``_keys``' premises): one scan in C, where 111,323 candidate
        lines of the PEPs were each stripped and hashed (30 -> 15 ms)."""
        gate = self.exact_gate
        if not self.exact:
            return set()
        if gate is None or joined.count("\n") != len(lines):
            exact = self.exact
            keys = _keys(lines, joined, lowered)
            return set() if exact.isdisjoint(keys) else {i for i, key in enumerate(keys) if key in exact}
        found: set[int] = set()
        line = last = 0
        for m in gate.finditer(lowered):
            # The line's index: the newlines before the one that opens it (each counted once, in order).
            line += lowered.count("\n", last, m.start())
            last = m.start()
            found.add(line)
        return found

    def _slow_gates(self, found: set[int], lines: list[str], joined: str, lowered: str, searched: str, aligned: bool,
                    starts: list[int] | None) -> None:
        """``maybe_furniture``'s lines that the slow gates find, added to ``found``. Their words in ASCII are looked
        for in ``searched``, the lowered text's ASCII view where it has one (``ascii_view``: the same offsets, each
        character outside ASCII replaced by an ASCII stand-in): a text outside ASCII is held in two bytes a
        character, where a substring test steps through every character, and in one byte a character the test
        skips to the word's first letter (memchr). The view holds each ASCII word the lowered text holds, at the
        same place, and may hold more (a stand-in is a letter, a digit or a space): the lines it names are then
        asked of the gate as before, and a gate opened for nothing finds nothing. Words outside ASCII are looked
        for in the lowered text. (The Rust book's pages: some 5M instructions less.) The ASCII words are found in
        one pass (``ascii_words``), where a substring test per word read the text once for each."""
        # The gates' ASCII words that ``searched`` holds, found at once (overlapping: `news` in `newsletter`).
        present = frozenset(() if self.ascii_words is None else
                            self.ascii_words.find_matches_as_strings(searched, overlapping=True))

        def holds(word: str) -> bool:
            return word in present if word.isascii() else word in lowered

        for required, gate in self.slow_gates:
            if gate is None or not all(any(map(holds, c)) for c in required):
                continue
            if starts is None:
                starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=1))
            if aligned and all(map(str.isascii, required[0])):
                found.update(k for k in _lines_holding(searched, starts, required[0]) if gate.match(joined, starts[k] - 1))
                continue
            for m in gate.finditer(joined):
                found.add(bisect_right(starts, m.start() + 1) - 1)

    def furniture(self, line: str, kind: str, continues: Callable[[], bool]) -> bool:
        key = line.strip(_TRIM).lower()
        if not key or len(key) > 120:
            return False
        bare = line.strip(" \t\u00a0")
        if key in self.exact and not (" " not in key and bare.endswith(":")) and not (
                # "+ Comments." in a list, "Print" as a list item: the document's own words
                (bare.endswith(".") and not bare.endswith("..") and " " not in key)
                or (kind == "list_item" and " " not in key)):
            return True
        if self.prefix_re is not None:
            body = line.strip(" \t\u00a0•·|>»›→*")
            pm = self.prefix_re.match(body.lower())
            if (pm is not None and len(key.split()) <= 12 and body[pm.end():].strip(_TRIM) != ""
                    and not (not pm.group().rstrip().endswith(":") and _refers_back(body[pm.end():]))
                    and not continues()):
                return True
        if kind == "list_item":
            return False
        return self.whole_re is not None and self.whole_re.fullmatch(line.strip(" \t\u00a0•·|")) is not None


def _exact_gate(exact: frozenset[str]) -> re.Pattern[str] | None:
    """A line of a lowered text (each after a newline) that is one of the ``exact`` phrases between runs of
    ``_TRIM``: exactly a line whose key (``_keys``) is one, since no phrase opens or ends with a ``_TRIM``
    character (each was stripped of them, and lowering makes none at an end: ``_keys``' premises), and so
    the runs around it are all of the line's ``_TRIM`` at its ends, read possessively. None where a phrase
    is empty or holds a line break (no key is, and no key holds one: such lists keep the keys' test)."""
    if not exact or any(not p or "\n" in p or "\r" in p for p in exact):
        return None
    trim = "[" + "".join(map(re.escape, _TRIM)) + "]*+"
    return compiled_on_use(r"\n" + trim + "(?:" + _alternatives(sorted(exact)) + ")" + trim + r"(?=\n|\Z)")


def _keys(lines: list[str], joined: str, lowered: str) -> list[str]:
    """Each line stripped of ``_TRIM`` and lowered, as ``exact`` holds its phrases, cut from ``lowered``
    (``joined.lower()``, ``joined`` the lines each after a newline) where no line holds a newline: lowering
    the text once, where a line outside ASCII was lowered a second time (some 40 instructions a character).
    The same keys: no character lowers to a newline or to a string that opens or ends with a ``_TRIM``
    character, which are caseless and lower to themselves; a newline is neither cased nor case-ignorable,
    so a capital sigma's form (σ or ς) is decided within its line as it is in the line alone, and stripping
    before or after lowering leaves it the same (tests/test_fast_gates.py checks all three premises on
    every code point)."""
    if joined.count("\n") != len(lines):
        return list(map(str.lower, map(str.strip, lines, repeat(_TRIM))))
    return list(map(str.strip, lowered[1:].split("\n"), repeat(_TRIM)))


# What follows a prefix in a sentence that points back at the text before it (`Read more about it in the
# FastAPI docs for Middleware.`): a teaser names its topic (`Read more about Brexit`), prose refers to it.
_BACK = frozenset({"it", "them", "this", "that", "these", "those"})


def _refers_back(rest: str) -> bool:
    """The rest of a prefix line is a sentence that points back: after a prefix without a colon, a
    pronoun in lower case, two words or more, and a full stop at the end (a teaser has none: `Read more
    about it on our website`, `RELATED: These are the best phones`)."""
    words = rest.split()
    return (len(words) >= 3 and words[0] in _BACK and not rest.lstrip().startswith(":")
            and rest.rstrip().endswith(".") and not rest.rstrip().endswith(".."))


def _longest_first(word: str) -> tuple[int, str]:
    return -len(word), word


def _start(m: re.Match[str]) -> int:
    return m.start()


def _starts_through(places: re.Pattern[str], gate: re.Pattern[str], text: str, lowered: str) -> Iterator[int]:
    """Where ``gate.finditer(text)``'s matches start, found by asking the gate only at the places its
    stand-in finds in ``lowered`` (every place it matches is one; the gate opens with a newline: never
    empty)."""
    return map(_start, matches_at(gate, text, map(_start, places.finditer(lowered))))


def _lines_holding(text: str, line_starts: list[int], words: frozenset[str]) -> set[int]:
    """Indexes of the lines of ``text`` (``line_starts``: where each starts) where one of ``words`` occurs."""
    out: set[int] = set()
    for word in words:
        at = text.find(word)
        while at >= 0:
            line = bisect_right(line_starts, at) - 1
            out.add(line)
            # On to the next line: one occurrence is enough for a line.
            at = text.find(word, line_starts[line + 1]) if line + 1 < len(line_starts) else -1
    return out


def _ascii_gate(prefixes: tuple[str, ...]) -> re.Pattern[str] | None:
    """The prefix gate for an ASCII text, lowered: case-sensitive, of the prefixes in ASCII (one with a
    character outside ASCII cannot match such a text, unless that character matches an ASCII letter
    when case is ignored, like `ſ` and the Kelvin sign: then None, and the gate is asked as it is)."""
    lowered = [p.lower() for p in prefixes]
    others = sorted({c for p in lowered if not p.isascii() for c in p if not c.isascii()})
    if others and compiled("[" + "".join(map(re.escape, others)) + "]", re.IGNORECASE).search("".join(map(chr, range(128)))):
        return None
    ascii_ones = sorted((p for p in lowered if p.isascii()), key=len, reverse=True)
    if not ascii_ones:
        return None
    return compiled_on_use(r"\n[ \t\u00a0•·|>»›→*]*(?:" + _alternatives(ascii_ones) + ")")


def _lowered_gate(prefixes: tuple[str, ...]) -> re.Pattern[str] | None:
    """The prefix gate for a lowered text (see ``maybe_furniture``): case-sensitive, of all the prefixes
    lowered; None where a prefix holds a character outside ASCII that has case (the regex engine's
    case-insensitive match of it is not the lowered text's)."""
    lowered = [p.lower() for p in prefixes]
    if not lowered or any(not c.isascii() and not c.lower() == c == c.upper() for p in prefixes for c in p):
        return None
    return compiled_on_use(r"\n[ \t\u00a0•·|>»›→*]*(?:" + _alternatives(lowered) + ")")


def _alternatives(prefixes: list[str]) -> str:
    """The prefixes as one alternation, factored by their first characters (``trie_alternation``: the
    engine tries one branch per character, not every prefix at every line), longest first where one
    holds a line break (a match may then reach into the next line, and which one is tried first
    decides where the scan goes on)."""
    if any("\n" in p or "\r" in p for p in prefixes):
        return "|".join(map(re.escape, sorted(prefixes, key=len, reverse=True)))
    # Built at each run's first furniture question: kept between runs, as compiled patterns are.
    return kept_result(("furniture-alternatives", tuple(prefixes)), lambda: trie_alternation(prefixes))


def _gate(patterns: list[str]) -> re.Pattern[str] | None:
    """Lines (each after a newline) that one of ``patterns`` may match whole, edges stripped (compiled
    on first use: a slow gate runs only on a text with its required words)."""
    if not patterns:
        return None
    return compiled_on_use(_gate_source(patterns), re.IGNORECASE)


def _gate_source(patterns: list[str]) -> str:
    return r"\n[ \t\u00a0•·|]*(?:" + "|".join(f"(?:{p})" for p in patterns) + r")[ \t\u00a0•·|]*(?=\n|\Z)"


def _required_words(pattern: str) -> tuple[frozenset[str], ...]:
    """For a pattern that does not open with a literal (those fail at once on most lines), the sets of
    lowercased words of which every match holds at least one word each; () for one that opens with a
    literal, or where no such words are seen. The set of the rarest-looking words (longest shortest
    word) comes first, so that a text without them is turned down after one set of tests. Kept between
    runs (``lint.patterns.kept_answer``): finding them parses the pattern."""
    return tuple(kept_answer("furniture-required-words", pattern, re.IGNORECASE, lambda: _required_words_of(pattern)))


def _required_words_of(pattern: str) -> tuple[frozenset[str], ...]:
    reading = parsed(pattern, re.IGNORECASE)
    if reading is None:  # then the pattern is simply not gated
        return ()
    parser, items, _ = reading
    if not items or items[0][0] == parser.LITERAL:
        return ()
    choices = [c for c in (_choices(parser, op, arg) for op, arg in items) if c]
    run = _longest_run(parser, items)
    if run:
        choices.append(frozenset({run}))
    return tuple(sorted(choices, key=lambda c: min(map(len, c)), reverse=True))


def _choices(parser: Any, op: Any, arg: Any) -> frozenset[str] | None:
    """The texts a mandatory item can start with: a group's literal run, or one per branch."""
    if op == parser.SUBPATTERN:
        body = list(arg[-1])
        return _choices(parser, *body[0]) if len(body) == 1 else _leading_run(parser, body)
    if op == parser.BRANCH:
        runs = [_leading_run(parser, list(branch)) for branch in arg[1]]
        if all(runs):
            return frozenset().union(*runs)  # type: ignore[arg-type]
    return None


def _leading_run(parser: Any, items: list[Any]) -> frozenset[str] | None:
    chars = []
    for op, arg in items:
        if op != parser.LITERAL:
            break
        chars.append(chr(arg).lower())
    text = "".join(chars).strip()
    return frozenset({text}) if len(text) >= 4 else None


def _longest_run(parser: Any, items: list[Any]) -> str | None:
    """The longest run of 4+ literal characters among a sequence's own (mandatory) items."""
    best, chars = "", []
    for op, arg in [*items, (None, None)]:
        if op == parser.LITERAL:
            chars.append(chr(arg).lower())
            continue
        text = "".join(chars).strip()
        best = text if len(text) > len(best) else best
        chars = []
    return best if len(best) >= 4 else None


@lru_cache(maxsize=16)
def judge_for(phrases: tuple[str, ...], prefixes: tuple[str, ...], patterns: tuple[str, ...]) -> Judge:
    return Judge(phrases, prefixes, patterns)


def furniture_line(line: str) -> bool:
    """True when one line, alone, is page furniture by the default lists (exact phrase, prefix or
    pattern), as S102 judges a line outside a list; S110 uses it to find the anchors of a block."""
    return _default_judge().furniture(line, "paragraph", lambda: False)


@lru_cache(maxsize=1)
def _default_judge() -> Judge:
    """The judge of the default lists, built once (S110 asks it about every line of a candidate block)."""
    lists = default_lists()
    return judge_for(tuple(lists.get("phrases", [])), tuple(lists.get("prefixes", [])), tuple(lists.get("patterns", [])))
