"""Rules rewritten to do the same work per character however long the paragraph (issue 18: each step of a
loop read the whole stack, the rest of the text or the next paragraph again, seconds on a paragraph of a few
thousand brackets) must give the findings they gave. Each is checked against the code it replaced, kept here, on
every short text of the pieces it turns on and random longer ones; the work is counted (Python lines run, calls),
never timed (CONTRIBUTING). The figures on the runaway inputs themselves are bench/hostile_repros.py's."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

import pytest
from lint.rules.punctuation import unbalanced_brackets
from lint.rules.punctuation.unbalanced_brackets import (
    _BRACKETS,
    _EMOTICON,
    _INTERVAL,
    _MARKER,
    _PARTNER,
    _PLACEHOLDER,
    _quoted_spans,
)

from lint import formats
from lint.model import Document, Finding, Segment, Source
from tests.differential import differences, texts_of


def _traced(run: Callable[[], object], filename: str) -> Counter[str]:
    """What ``run`` does in the module ``filename``: the lines it runs ('lines') and the calls of each of its
    functions by name."""
    counts: Counter[str] = Counter()

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        if frame.f_code.co_filename != filename:
            return None
        if event == "call":
            counts[frame.f_code.co_name] += 1
        elif event == "line":
            counts["lines"] += 1
        return trace

    sys.settrace(trace)
    try:
        run()
    finally:
        sys.settrace(None)
    return counts


class _PairedBefore(unbalanced_brackets.UnbalancedBrackets):
    """P105 as it paired brackets at 650d5fe: the stack searched for a closer's opener, the rest of the text
    counted for a wrong closer's, the text before a `)` copied to strip its run, a smiley looked for from the
    first for each `(`, the next paragraph read for each opener left open."""

    def _paired(self, seg: Segment, text: str) -> tuple[list[Finding], list[tuple[str, int]], list[int]]:
        """The brackets paired up, left to right: the findings for wrong closers and for inner brackets
        never closed, the openers left open, and the closers that close nothing."""
        skip: set[int] = set()
        spans = [*(m.span() for pattern in (_EMOTICON, _INTERVAL) for m in pattern.finditer(text)), *_quoted_spans(text)]
        for start, end in spans:
            skip.update(i for i in range(start, end) if text[i] in "()[]{}")
        markers = {m.end() - 1 for m in _MARKER.finditer(text)}
        found: list[Finding] = []
        stack: list[tuple[str, int]] = []
        orphans: list[int] = []
        for m in _BRACKETS.finditer(text):
            i = m.start()
            if i in skip:
                continue
            ch = m.group()
            if ch in "([{":
                stack.append((ch, i))
            elif stack and stack[-1][0] == _PARTNER[ch]:
                stack.pop()
            elif any(b == _PARTNER[ch] for b, _ in stack):
                # An inner bracket never closed: report it, and close the outer one this closer belongs to.
                while stack[-1][0] != _PARTNER[ch]:
                    b, at = stack.pop()
                    found.append(self.finding(seg, at, at + 1, f"'{b}' is never closed"))
                stack.pop()
            elif ch == ")" and i in markers:
                continue  # "1)", "a)": a list or reference marker
            elif ch == ")" and text[:i].rstrip(")").endswith(_PLACEHOLDER):
                continue  # the end of a URL such as …/wiki/Air_gap_(networking)
            elif stack and text.count(_PARTNER[stack[-1][0]], i) < sum(b == stack[-1][0] for b, _ in stack):
                # "[Russia and Ukraine)": the wrong closer for the open bracket, which closes nowhere else.
                b, at = stack.pop()
                found.append(self.finding(seg, i, i + 1, f"'{ch}' closes '{b}' (expected '{_PARTNER[b]}')"))
            else:
                orphans.append(i)
        return found, stack, orphans

    def _never_closed(self, seg: Segment, doc: Document, stack: list[tuple[str, int]]) -> Iterator[Finding]:
        # A smiley often doubles as the closing parenthesis: "(smaller fights ;-)".
        smiles = [m.end() - 1 for m in _EMOTICON.finditer(seg.text) if m.group().endswith(")")]
        for b, at in stack:
            if b == "(" and any(i > at for i in smiles):
                smiles.remove(next(i for i in smiles if i > at))
                continue
            if not self._continues_next(seg, doc, b):
                yield self.finding(seg, at, at + 1, f"'{b}' is never closed")


_NOW, _BEFORE = unbalanced_brackets.UnbalancedBrackets(), _PairedBefore()
_P105_PIECES = ["(", ")", ")", "[", "]", "{", "}", ":)", ";-)", "=]", "1)", "a)", "a", " ", '"', "“", "”", "\\",
                "[0, 1)", "https://x.org/a_(b)", "https://y.org/", "\n\n", "x.", "\n"]


def _p105(rule: unbalanced_brackets.UnbalancedBrackets) -> Callable[[str], list[tuple[int, int, str]]]:
    def findings(text: str) -> list[tuple[int, int, str]]:
        doc = formats.parse(Source("a.txt", text), "text")
        return [(f.start, f.end, f.message) for seg in doc.segments for f in rule.check_segment(seg, doc)]
    return findings


def test_p105_findings_are_the_findings_they_were() -> None:
    texts = [*texts_of(_P105_PIECES, 105, 3, 20_000, 24), "(" * 300 + "]" * 300, ":) " * 100 + "(" * 300,
             "x " + ")" * 500, "https://x.org/a_(b)" + ")" * 50 + "(" * 50, "( " * 200 + "\n\n" + "word ) " * 100]
    assert differences(iter(texts), _p105(_NOW), _p105(_BEFORE)) == []


# A paragraph of n `(` then n `]` (each `]` looked for its opener through the whole stack), of smileys then n `(`
# (each `(` looked through all the smileys), and of n `(` before a long paragraph (read for each).
_P105_SHAPES: dict[str, Callable[[int], str]] = {
    "wrong closers": lambda n: "(" * n + "]" * n,
    "smileys then openers": lambda n: ":) " * n + "(" * n,
    "openers then a paragraph": lambda n: "( " * n + "\n\n" + "word " * n,
}


@pytest.mark.parametrize("shape", sorted(_P105_SHAPES))
def test_p105_pairs_each_bracket_in_the_same_steps_however_many_came_before(shape: str) -> None:
    # Twice the brackets, twice the lines run; the next paragraph read once for each kind of opener left open.
    runs = [_traced(lambda n=n: _p105(_NOW)(_P105_SHAPES[shape](n)), unbalanced_brackets.__file__) for n in (400, 800)]
    assert runs[1]["lines"] <= 2.2 * runs[0]["lines"], (runs[0]["lines"], runs[1]["lines"])
    assert runs[1]["_continues_next"] <= 3, runs[1]["_continues_next"]
