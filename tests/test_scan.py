"""lint.scan: the pieces a trigger is scanned in find the same paragraphs as the trigger itself.

Checked on every built-in rule's trigger, over the texts of all rules' examples (real-world prose with
the artefacts the rules look for), and on patterns made to probe the split."""

from __future__ import annotations

import functools
import re

import pytest

from lint.formats import parse
from lint.model import Source
from lint.registry import builtin_rules
from lint.scan import alternatives, lead_character, scanners

EXAMPLE_TEXTS = [ex.text for rule in builtin_rules() for ex in (*rule.flag, *rule.allow)]
TRIGGERS = sorted({(r.trigger, r.trigger_flags) for r in builtin_rules() if r.trigger}, key=str)


def paragraphs_found(pattern: str, flags: int, text: str) -> tuple[list[int], list[int], list[int]]:
    """The segments the pattern matches in one by one; those it finds scanned whole over the joined
    prose (as MULTILINE, so that `^` and `$` hold at the segments' edges: a superset); and those its
    pieces find there."""
    doc = parse(Source("a.txt", text), "text")
    alone, multiline, split = _compiled(pattern, flags)
    each = [seg.index for seg in doc.segments if alone.search(seg.text)]
    whole = [seg.index for seg in doc.segments_matching(multiline)]
    pieces = [seg.index for seg in doc.segments_matching_any(split)]
    return each, whole, pieces


@functools.cache
def _compiled(pattern: str, flags: int) -> tuple[re.Pattern[str], re.Pattern[str], list[re.Pattern[str]]]:
    """The pattern alone, as MULTILINE, and split into pieces: once per pattern, not once per text (the
    split parses the pattern, 4 s a pattern over the 1,162 example texts)."""
    return re.compile(pattern, flags), re.compile(pattern, flags | re.MULTILINE), scanners(pattern, flags | re.MULTILINE)


@pytest.mark.parametrize(("pattern", "flags"), TRIGGERS, ids=[t[0][:40] for t in TRIGGERS])
def test_pieces_of_each_builtin_trigger_find_the_same_paragraphs(pattern: str, flags: int) -> None:
    for text in EXAMPLE_TEXTS:
        each, whole, pieces = paragraphs_found(pattern, flags, text)
        assert pieces == whole, text
        assert set(each) <= set(pieces), text


def test_a_class_of_a_few_characters_is_split_into_literal_led_pieces() -> None:
    pieces = scanners(r"[,;.?!][,;.]")
    assert [p.pattern[0] for p in pieces] == [",", ";", "\\", "\\", "!"]
    assert [p.pattern for p in scanners(r"[()]")] == [r"\(", r"\)"]  # the class alone: its characters
    text = "Wait,, what?. Fine. (a) b; c, d.\n\nNo marks here\n\nEnd..\n"
    assert paragraphs_found(r"[,;.?!][,;.]", 0, text) == ([0, 2], [0, 2], [0, 2])
    assert [p.pattern for p in scanners(r"x|[ab]")] == ["x", "a", "b"]  # the engine reads it as [xab]


def test_a_class_then_more_is_split_into_each_character_then_the_rest_finding_the_same_paragraphs() -> None:
    # The rest may look back over the class's character, hold a group and refer to it, or follow a class
    # whose first member is `]`: each piece still matches where the pattern does.
    import random

    assert [p.pattern for p in scanners(r"[,;][,;.]")] == [",(?:[,;.])", ";(?:[,;.])"]
    probes = [r"[,;.][,;.]", r"[.!?](?<=\w[.!?]) ?[A-Z]", r"[ab](c)\1", r"[]a]b", r"[(:](?:x|y)$"]
    rng = random.Random(18)
    for pattern in probes:
        assert all(p.pattern != pattern for p in scanners(pattern, re.MULTILINE)), pattern
        for _ in range(400):
            text = "".join(rng.choice(["a", "b", "c", "cc", ",", ";", ".", "!", "?", " ", "A", "w", "]", "(", ":",
                                       "x", "y", "\n", "\n\n"]) for _ in range(rng.randrange(30)))
            each, whole, pieces = paragraphs_found(pattern, 0, text)
            assert pieces == whole, (pattern, text)
            assert set(each) <= set(pieces), (pattern, text)


def test_patterns_not_worth_splitting_are_kept_whole() -> None:
    for pattern, flags in ((r"[a-z]\d", 0), (r"[ab]c", re.IGNORECASE), (r"(?i)[ab]c", 0), (r"(?m)[ab]c$", 0),
                           (r"[abcdefgh]x", 0), (r"^Home", 0), (r"x|[a-z]b", 0)):
        assert [p.pattern for p in scanners(pattern, flags)] == [pattern]


def test_alternatives_split_only_at_the_top_level() -> None:
    assert alternatives(r"a(b|c)|[|]d|\|e") == ["a(b|c)", "[|]d", r"\|e"]


def test_matches_tried_at_every_place_one_can_begin_are_finditer_s() -> None:
    """``matches_at`` with the places a cheaper scan finds gives what finditer gives, overlaps skipped."""
    import random

    from lint.scan import matches_at

    pattern = re.compile(r"(?<![\w.])(\d*[^\W\d_]{2,})\. {1,2}([^\W\d_A-Z]+)")
    starts = re.compile(r"(?<![\w.])\w")  # every place the pattern can begin, and more
    rng = random.Random(7)
    for _ in range(500):
        text = "".join(rng.choice("ab1. .  cX\n") for _ in range(rng.randrange(60)))
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in matches_at(pattern, text, (s.start() for s in starts.finditer(text)))] == expected
        assert [m.span() for m in matches_at(pattern, text, range(len(text)))] == expected


def test_a_pattern_s_lead_character_is_one_every_match_opens_with() -> None:
    # Only a literal that every match opens with: not an alternative's (even one all share), an optional
    # one's, a class's, nor one of a pattern that ignores case (a document without `t` may hold `The`).
    assert [lead_character(p, f) for p, f in (
        (r"\$\{", 0), ("… [A-Z]", 0), (r" [,;:.!?]", 0), (r"\.(?:[,;.])", 0), ("ab|ac", 0), ("a|b", 0),
        ("a?b", 0), ("a{0,2}b", 0), ("a*", 0), ("[ab]c", 0), ("(?i)the", 0), ("the", re.I), ("(?=a)a", 0),
        (r"\d", 0), (r"\bthe", 0), ("", 0), ("x(?#note)?b", 0), ("x(?#()|b", 0))] == ["$", "…", " ", ".", *[""] * 14]
    # A document without it is passed over, and one with it scanned as before.
    doc = parse(Source("a.txt", "One ${x}.\n\nTwo.\n\nThree ${y}.\n"), "text")
    assert [seg.index for seg in doc.segments_matching(re.compile(r"\$\{"))] == [0, 2]
    assert list(doc.segments_matching(re.compile(r"\[\["))) == []


def test_places_of_a_class_s_characters_are_its_matches_in_the_text() -> None:
    from lint.scan import non_ascii, places

    invisible = re.compile("[\u200b\u00ad]")
    text = "a\u200bb é\u00ad\u200b\nc\u00adé\u200b"
    found = invisible.findall(non_ascii(text))
    assert list(places(text, found)) == [m.start() for m in invisible.finditer(text)] == [1, 5, 6, 9, 11]


def test_a_document_s_prose_is_read_outside_ascii_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The characters outside ASCII of a page's prose are read once for the rules and the checker that ask
    (P101 first, the checker's scan for foreign marks last, other texts asked between them)."""
    import sys

    from lint import scan
    from lint.config import Config
    from lint.engine import Linter

    computed: list[str] = []
    real = scan.non_ascii

    def counted(text: str) -> str:
        if not any(kept is text for kept, _ in scan._LAST_NON_ASCII):
            computed.append(text)
        return real(text)

    for module in list(sys.modules.values()):
        if getattr(module, "non_ascii", None) is real:
            monkeypatch.setattr(module, "non_ascii", counted)
    text = ("# The “Title”\n\nShe said “go” and `x` went, then “stop”.\n\n- an item’s line with a "
            "“quote”\n\nRead the guide at https://example.com today.\n")
    linter = Linter()
    doc = linter.document(Source("a.md", text), Config())
    checker = linter.checker(Config(), frozenset(seg.kind for seg in doc.segments))
    checker.check(doc)
    assert sum(t is doc.prose[0] for t in computed) == 1


def test_a_markdown_page_s_text_is_read_outside_ascii_by_its_reader_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Markdown reader hands over the characters outside ASCII of the page's text, read off the UTF-8
    it has already (a template makes its view another string than the text): no rule that asks (E-rules
    on the whole text) encodes the page again."""
    import sys

    from lint import scan
    from lint.config import Config
    from lint.engine import Linter

    computed: list[str] = []
    real = scan.non_ascii

    def counted(text: str) -> str:
        if not any(kept is text for kept, _ in scan._LAST_NON_ASCII):
            computed.append(text)
        return real(text)

    for module in list(sys.modules.values()):
        if getattr(module, "non_ascii", None) is real:
            monkeypatch.setattr(module, "non_ascii", counted)
    text = "# The “Title”\n\n{{#include ../listings/ch01/main.rs}}\n\nShe said “go” and `x` went.\n"
    linter = Linter()
    doc = linter.document(Source("a.md", text), Config())
    checker = linter.checker(Config(), frozenset(seg.kind for seg in doc.segments))
    checker.check(doc)
    assert not any(t is doc.text for t in computed)


def test_uncommon_is_every_character_but_printable_ascii_and_layout() -> None:
    """``uncommon`` (E103's first ask of a document's text) holds the characters outside printable ASCII and
    tab, LF, FF, CR, in order, whether read off bytes handed over (kept with ``non_ascii``'s answer) or off
    the text itself; and the characters outside ASCII read off the same pass are ``non_ascii``'s."""
    import random

    from lint import scan

    pieces = ["a", " ", "~", "\t", "\n", "\r", "\x0c", "\x00", "\x07", "\x0b", "\x1f", "\x7f", "\x80", "\x9f",
              "\xa0", "\xbf", "\xc0", "é", "’", "中", "\U0001f600", "\ud800"]
    rng = random.Random(262)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        expected = "".join(c for c in text if not (" " <= c <= "~" or c in "\t\n\x0c\r"))
        assert scan.uncommon(text) == expected  # not kept: read off the text
        fresh = "x" + text  # (a string of its own, handed over as the engine hands over the bytes as read)
        scan.remember_non_ascii(fresh, fresh.encode("utf-8", "surrogatepass"))
        assert any(kept is fresh for kept, _ in scan._LAST_UNCOMMON)
        assert scan.uncommon(fresh) == expected
        assert scan.non_ascii(fresh) == "".join(c for c in text if ord(c) > 127)


def test_e103_s_gate_on_uncommon_characters_is_the_utf8_lead_bytes_test() -> None:
    """E103 reads a text whose UTF-8 holds a byte a control character's opens with (a C0 control, DEL, 0xC2):
    asked of ``uncommon``'s characters, the answer is that of the bytes."""
    import random

    from lint.rules.encoding.control_character import _CONTROL_LEAD

    from lint.scan import uncommon

    leads = bytes(b for b in range(256) if not (b <= 0x08 or b == 0x0B or 0x0E <= b <= 0x1F or b in (0x7F, 0xC2)))
    rng = random.Random(103)
    for _ in range(5000):
        text = "".join(chr(rng.choice([rng.randint(0, 0x7F), rng.randint(0x80, 0x17F), rng.randint(0x80, 0x10FFFF)]))
                       for _ in range(rng.randint(0, 8)))
        assert (_CONTROL_LEAD.search(uncommon(text)) is not None) == bool(
            text.encode("utf-8", "surrogatepass").translate(None, leads))
