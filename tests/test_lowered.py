"""The lowered-ASCII stand-in of a pattern (lint.lowered) must find every place the pattern matches."""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

import pytest
from lint.rules.scrape._furniture import _gate_source, _required_words, default_lists

from lint.lowered import UNVIEWABLE, _stand_in, ascii_view, lowered, lowered_ascii_pattern, stand_for

PATTERNS = [
    r"\nby (?-i:[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|and|&|of)){0,6})[ \t]*(?=\n|\Z)",
    r"\n(?:page )?\d+ of \d+",
    r"\n(?:categor(?:y|ies)|tags?)\s*:\s*[^.!?]{1,80}",
    r"\n(?:[\w-]+ )?(?:advertising|ads|powered) by",
    r"\n(?:view|see) all(?: [\w&'’-]+){0,4}?(?!x)(?<=l)",
    r"\n(?i:ab)(?-i:Cd)[^a-c]\W\S\D.",
    r"\n(?>ab|a)++c",
    r"\nſ+K",  # letters outside ASCII that IGNORECASE matches to ASCII ones (s, k)
]
# ASCII texts only (the stand-in is for them), with pieces of the patterns' matches.
ALPHABET = list("abcdksyABCDKSY .,:;!?&'-_/|0123\n\t") + [
    "by ", "\nBy ", "\nPage 1", " of ", "\n12 of 3", "\nTags", "ads by", "\nSee All", "\nAbCd", "\nabCd", "d.x",
    "\nab", "\naabc", "\nsK", "\nSSk"]


def _places(pattern: re.Pattern[str], text: str) -> set[int]:
    return {i for i in range(len(text)) if pattern.match(text, i)}


@pytest.mark.parametrize("source", PATTERNS + [_gate_source(list(default_lists()["patterns"]))])
def test_stand_in_finds_every_place_the_pattern_matches(source: str) -> None:
    stand_in = lowered_ascii_pattern(source, re.IGNORECASE)
    assert stand_in is not None
    pattern, places = re.compile(source, re.IGNORECASE), re.compile(stand_in)
    rnd = random.Random(7)
    matched = 0
    for _ in range(400):
        text = "".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(1, 30)))
        found = {m.start() for m in places.finditer(text.lower())}
        wanted = _places(pattern, text)
        matched += len(wanted)
        assert wanted <= found, (text, wanted - found)
    assert matched  # the texts do reach the pattern


def test_no_stand_in_where_it_cannot_be_written() -> None:
    assert lowered_ascii_pattern(r"(a)\1", re.IGNORECASE) is None  # a back reference
    assert lowered_ascii_pattern(r"(?s:a.b)", re.IGNORECASE) is None  # a flag the stand-in does not read
    assert lowered_ascii_pattern(r"^a$", re.IGNORECASE | re.MULTILINE) is None


# Repeats the stand-in may write possessive (a class before a class apart from it, inside repeated groups,
# before optional items and at the end) and repeats it must not (a class before one that shares a
# character, before an alternative or a group that may start with it, or that a repeated group returns to).
POSSESSIVE_CASES = [
    r"\n[a-z][\w.'-]*(?:\s+[a-z][\w.'-]*){1,3}\s*[,|-]\s*\d",
    r"\na*a",
    r"\na*(?:b|a)c",
    r"\n(?:ab*)*b",
    r"\n(?:a*)*ab",
    r"\nb*(?:c?)b",
    r"\n\d+(?:st|nd)?\d",
    r"\n[^.!?]{0,8}\bab[^.!?]{0,4}[.!?]?",
    r"\n\S+?\.?",
    r"\n(?:a\s*)+\s",
    r"\n(?:x|y*)y",
    r"\nk*(?-i:K)",
    r"\n[a-z-]*-x",
    r"\n[\w-]+-\d",
    r"\n(?:[a-z.]*\.a){2}",
    r"\n[ab]{2,}(?:b|c)",
    r"\n[ab]{0,3}b",
    # Found by mutation in review: a repeated group's own first characters may follow inside it; one
    # alternative of a branch that may match nothing makes the branch optional.
    r"\n(?:a[ab]*){2}c",
    r"\na*(?:b|c?)a",
]


@pytest.mark.parametrize("source", POSSESSIVE_CASES + PATTERNS + [
    _gate_source(list(default_lists()["patterns"])),
    _gate_source([p for p in default_lists()["patterns"] if not _required_words(p)])])
def test_possessive_repeats_find_the_same_places(source: str) -> None:
    """The stand-in with its possessive repeats finds exactly the places of the one written greedy
    throughout (``_stand_in(possessive=False)``, the reading as it was), on texts made to reach them."""
    fast, plain = _stand_in(source, re.IGNORECASE), _stand_in(source, re.IGNORECASE, possessive=False)
    assert fast is not None and plain is not None
    fast_re, plain_re = re.compile(fast), re.compile(plain)
    rnd = random.Random(11)
    alphabet = [*ALPHABET, "a", "b", "ab", "abab", "x", "y", "1st ", "12", "\na", "\nb", "\nk", " - ", ", ", "-", "a-b-",
                "-x", ".a", "c", "\nab-x", "\n.a.a", "\nx.a.a"]
    reached = 0
    for _ in range(600):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 40))).lower()
        wanted = [m.start() for m in plain_re.finditer(text)]
        reached += len(wanted)
        assert [m.start() for m in fast_re.finditer(text)] == wanted, text
    assert reached


def test_possessive_repeats_are_written_where_nothing_after_can_take_their_characters() -> None:
    letters = "[abcdefghijklmnopqrstuvwxyz]"
    assert f"(?:{letters}){{0,}}+[0123456789]" in (_stand_in(r"\n[a-z]*\d", re.IGNORECASE) or "")
    # A character that may come next: runs of the others taken whole, that one at a time.
    others = letters.replace("a", "")
    assert f"(?:{others}{{0,}}+a){{0,}}{others}{{0,}}+a" in (_stand_in(r"\n[a-z]*a", re.IGNORECASE) or "")
    assert "}+" not in (_stand_in(r"\n[ab]{0,3}b", re.IGNORECASE) or "")  # a bound: as read


def test_unviewable_holds_every_character_whose_case_crosses_a_kind() -> None:
    """From Unicode's tables as ``str`` and the regex engine read them: a character outside ASCII whose
    lower case is not one character outside ASCII, or that IGNORECASE matches to an ASCII one, or whose
    case forms (lower, and the engine's extra equivalences) are of another kind (``stand_for``) is
    ``UNVIEWABLE``; all others keep their kind, which the view's argument rests on."""
    from re import _casefix  # type: ignore[attr-defined]

    to_ascii = re.compile("[\x00-\x7f]", re.IGNORECASE).fullmatch
    crossing = set()
    for code in range(128, sys.maxunicode + 1):
        ch = chr(code)
        lower = ch.lower()
        if len(lower) != 1 or lower.isascii() or to_ascii(ch) or stand_for(lower) != stand_for(ch):
            crossing.add(ch)
    # The engine's extra equivalences: the characters a text may hold (outside UNVIEWABLE) of one kind.
    for code, others in _casefix._EXTRA_CASES.items():
        group = [chr(c) for c in (code, *others)]
        held = [ch for ch in group if not ch.isascii() and ch not in UNVIEWABLE]
        assert len({stand_for(ch) for ch in held}) <= 1, group
        assert not held or all(not ch.isascii() for ch in group), group
        crossing.update(ch for ch in group if ch in UNVIEWABLE)  # (each one there for a reason)
    assert crossing == UNVIEWABLE


# Texts outside ASCII: letters with and without case, a mark, digits of other scripts, spaces, quotes, the
# placeholder, and pieces that reach the patterns.
OUTSIDE = [*"éÉüÜßΣσςΩ’“”•·\u00a0\u2009٣²½\ufffcşİKιΙ\u1fbe", "für ", "\nFür", "\n٣ of ٣", "\nÉdouard Dupont, Jan 3, 2024 10:30 am EST",
           "\nBy Zoë Smith", "\n2 ٣ comments", "\nPhoto: Björn ", "\n• Tags: é", "\nKK", "\né’ ’s", "\n٣-x", "\nTags: é", "\nab-x", "\nx.a.a", "\na  ",
           "\nι 12", "\n\u0301x", "\n²"]
VIEW_PATTERNS = [r"\n[\w.'’-]+ ’s", r"\n(?-i:[À-Ö])\w+", r"\n\d+ ٣", r"\n[^a-z]+x", r"\nfür\b", r"\n\s+\S", r"\n\W\D.",
                 # A digit that is no decimal (`²`) is no \d; U+0345 matches the letter ι, case ignored.
                 r"\n\D", "\n\u0345 \\d", "\n[\u0300-\u036f]x"]


@pytest.mark.parametrize("source", POSSESSIVE_CASES + PATTERNS + VIEW_PATTERNS + [
    _gate_source(list(default_lists()["patterns"])),
    _gate_source([p for p in default_lists()["patterns"] if not _required_words(p)])])
def test_stand_in_finds_every_place_in_a_view_of_text_outside_ascii(source: str) -> None:
    stand_in = lowered_ascii_pattern(source, re.IGNORECASE)
    assert stand_in is not None
    pattern, places = re.compile(source, re.IGNORECASE), re.compile(stand_in)
    rnd = random.Random(5)
    matched = viewed = 0
    for _ in range(1000):
        text = "".join(rnd.choice(ALPHABET + OUTSIDE) for _ in range(rnd.randint(1, 30)))
        view = ascii_view(text, text.lower())
        if view is None:
            assert not UNVIEWABLE.isdisjoint(text)
            continue
        viewed += 1
        wanted = _places(pattern, text)
        matched += len(wanted)
        assert wanted <= {m.start() for m in places.finditer(view)}, (text, view)
    assert matched and viewed > 200


def test_the_quick_gate_through_a_view_finds_the_gates_own_matches() -> None:
    """S102's quick gate asked only at the places its stand-in finds in a text's view finds what it finds
    over the whole text (``_starts_through``, as ``maybe_furniture`` asks it)."""
    from lint.rules.scrape._furniture import _default_judge, _starts_through

    judge = _default_judge()
    gate, places = judge.quick_gate, judge.ascii_quick_places
    assert gate is not None and places is not None
    lines = ["Published Monday, November 18, 2019 8:22AM EST", "Par Zoë Dupont — 11/18/19 11:04 PM EST",
             "By Justine Coleman - 11/18/19 11:04 PM EST", "Photo: Getty Images", "12 of 30", "Image 3 of 5",
             "Catégorie : Économie", "Tags: café, thé", "Powered by Ça", "View all “posts”", "Le café était fermé.",
             "Straße und Wörter.", "\u00a0• Nov 19, 2019 at 9:08 GMT", "2 días ago at 07:52 am", "Ω of ٣"]
    rnd = random.Random(9)
    found = 0
    for _ in range(500):
        joined = "\n" + "\n".join(rnd.choice(lines) for _ in range(rnd.randrange(1, 8)))
        view = ascii_view(joined, joined.lower())
        assert view is not None
        wanted = [m.start() for m in gate.finditer(joined)]
        found += len(wanted)
        assert list(_starts_through(places, gate, joined, view)) == wanted, joined
    assert found


def _view_as_first_read(text: str, lowered: str) -> str | None:
    """``ascii_view`` as it first read a text: the lowered text's characters outside ASCII read off it whole."""
    from lint.scan import non_ascii

    if not UNVIEWABLE.isdisjoint(non_ascii(text)):
        return None
    outside = set(non_ascii(lowered))
    if len(outside) > 48:
        return None
    view = lowered
    for ch in outside:
        view = view.replace(ch, stand_for(ch))
    return view if view.isascii() and len(view) == len(text) else None


def test_str_lower_reads_no_neighbour_but_a_capital_sigmas() -> None:
    """The premise of ``_lowered_outside``: every code point but Σ lowers alike whatever stands around it
    (cased letters, case-ignorable marks, spaces, a line break), and no ASCII character lowers outside ASCII."""
    chars = [chr(code) for code in range(sys.maxunicode + 1) if code != 0x3A3]
    lows = [ch.lower() for ch in chars]
    contexts = ["", "A", "a", " ", "\u0345", "'", ".", "\n", "\u00b7"]
    for before in contexts:
        for after in contexts:
            # Each character between the two (and the one before's after before it), lowered in one call.
            whole = (before + (after + before).join(chars) + after).lower()
            assert whole == before.lower() + (after + before).lower().join(lows) + after.lower(), (before, after)
    assert all(ch.lower().isascii() for ch in map(chr, range(128)))
    assert "AΣ".lower() != "A".lower() + "Σ".lower()  # (the one exception: a final sigma)


def test_ascii_view_reads_the_lowered_text_outside_ascii_from_the_texts_own_characters(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """``ascii_view`` gives the view it gave when it read the lowered text whole for its characters outside
    ASCII (on random texts of capitals, sigmas, dotted and dotless I, marks and scripts), and reads the
    lowered text no more, but where it holds a capital sigma."""
    from lint import lowered as lowered_module

    rnd = random.Random(203)
    for _ in range(20_000):
        text = "".join(rnd.choice(ALPHABET + OUTSIDE) for _ in range(rnd.randint(0, 30)))
        assert ascii_view(text, text.lower()) == _view_as_first_read(text, text.lower()), text
    read: list[int] = []
    non_ascii = lowered_module.non_ascii

    def counted(text: str) -> str:
        read.append(len(text))
        return non_ascii(text)

    monkeypatch.setattr(lowered_module, "non_ascii", counted)
    text = "Le café était fermé, dit-il. " * 100
    assert ascii_view(text, text.lower()) == _view_as_first_read(text, text.lower())
    assert sum(read) < len(text) + 10 * 100  # the text, and its 400 characters outside ASCII lowered
    read.clear()
    text = "ΟΔΥΣΣΕΥΣ " * 100
    ascii_view(text, text.lower())
    assert sum(read) == 2 * len(text)  # a capital sigma: the lowered text read whole


def test_lowered_is_str_lower() -> None:
    """``lowered`` (bytes lowered where the text outside ASCII is caseless) against ``str.lower`` as the oracle:
    random texts of capitals, caseless and cased characters outside ASCII, a capital sigma, surrogates (a pair
    too, which must stay two), every code point below 0x3000 with capitals around it, and the Rust book's pages."""
    rng = random.Random(18209)
    alphabet = ["A", "z", "Q ", " ", "\n", "\u2019", "\u201c", "\u2014", "\ufffc", "\u00e9", "\u00c9", "\u03a3",
                "\u0130", "\u212a", "\ud83d", "\ude00", "\U0001f600", "\u4e2d", "\u00df", "\u1e9e", "\x00"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(30))) for _ in range(20000)]
    texts += [f"AB{chr(c)}cD \u2019" for c in range(0x80, 0x3000)]
    shared = Path(os.environ.get("COPYLINT_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared")
    texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / "rust-book").glob("*.md"))]
    for text in texts:
        assert lowered(text) == text.lower(), ascii(text)


def test_lowered_reads_a_caseless_text_outside_ascii_as_bytes() -> None:
    """The Rust book's kind of text (curly quotes, dashes) is lowered through its bytes: no character of it goes
    through ``str.lower`` but the few outside ASCII (fails before: the whole text was)."""
    text = "The \u201cBook\u201d \u2014 Chapter \u2019s Ownership " * 100
    asked: list[int] = []

    class Counted(str):
        def lower(self) -> str:
            asked.append(len(self))
            return str.lower(self)

    assert lowered(Counted(text)) == text.lower()
    assert sum(asked) < 10, asked
