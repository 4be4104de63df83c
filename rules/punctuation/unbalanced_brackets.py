"""P105 unbalanced-brackets: a parenthesis or square bracket with no partner in its paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.model import Document, Finding, Segment, Severity
from lint.rule import Example, Rule

_BRACKETS = re.compile(r"[()\[\]]")
_PAIRS = {")": "(", "]": "["}
# Not brackets that need a partner: list markers (1) a) iv)), emoticons, half-open intervals [0, 1).
_LIST_MARKER = re.compile(r"(?:^|(?<=\n)|(?<=[;:,] ))(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})\)")
_INLINE_MARKER = re.compile(r"(?<![\w(])(?:\d{1,2}|[a-h])\)")
_EMOTICON = re.compile(r"(?<![\w)])[:;=][-^']?[()\[\]](?![\w(])")
_INTERVAL = re.compile(r"[\[(]\s*[-+]?[\w.∞]+\s*,\s*[-+]?[\w.∞]+\s*[\])]")


def _nested_well(text: str) -> bool:
    """Every bracket closes the last one opened (the common case, decided without the exceptions)."""
    stack: list[str] = []
    for m in _BRACKETS.finditer(text):
        ch = m.group()
        if ch in "([":
            stack.append(ch)
        elif not stack or stack.pop() != _PAIRS[ch]:
            return False
    return not stack


class UnbalancedBrackets(Rule):
    code = "P105"
    slug = "unbalanced-brackets"
    summary = "Parenthesis or bracket with no partner in its paragraph"
    rationale = """
**What it does.** Pairs the round and square brackets of each paragraph and flags one that closes
nothing or is never closed.

**Why is this bad?** A lost bracket leaves the reader unsure where an aside ends. Scrapers drop
brackets together with the link or footnote they enclosed, and MT engines reorder clauses across them.

Not flagged: list markers (`1)`, `a)`, `iv)`), emoticons (`:)`, `;-(`), and half-open intervals
(`[0, 1)`).
"""
    severity = Severity.WARNING
    trigger = r"[()\[\]]"
    flag = (
        Example("The governor (who arrived on Monday said the scene was secured."),
        Example("The ministry said 65 soldiers were on board) and flown to Belgorod."),
        Example("The figure [as reported by CNN was not confirmed."),
        Example("Prices rose] sharply in March."),
        Example("The crash (in the Belgorod region (near the border) was confirmed."),
        Example("At least 24 people were killed (including three children."),
        Example("He left early). Nobody knows why."),
        Example("Both sides [Russia and Ukraine) exchanged prisoners."),
    )
    allow = (
        Example("The governor (who arrived on Monday) said the scene was secured."),
        Example("Options: 1) wait, 2) leave, 3) call."),
        Example("a) first item; b) second item."),
        Example("Great news :) see you soon."),
        Example("The value lies in [0, 1) by definition."),
        Example("Nested (brackets [like these] are) fine."),
        Example("No brackets at all."),
        Example("Sad face :( but fine."),
        Example("Not gzip because 1) that is only GNU tar and 2) we max out the size."),
        Example("Structs and enums\n(discussed in Chapter 6) are the building blocks."),
        Example("It fits within `self` (the first `Rectangle`); otherwise not.", path="a.md"),
        Example("The words of John Donne (British poet): no man is an island."),
        Example("Use the crate (version 0.10): it works."),
        Example("The operator (either at the C level or\n\n- in Python) is defined.\n", path="a.md"),
        Example("Link text [here](https://example.com) is markup.", path="a.md"),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        text = seg.text
        if text.count("(") == text.count(")") and text.count("[") == text.count("]") and _nested_well(text):
            return
        skip: set[int] = set()
        inline_markers = list(_INLINE_MARKER.finditer(text))
        if len(inline_markers) >= 2:  # an inline enumeration: "because 1) it is … and 2) we …"
            skip.update(m.end() - 1 for m in inline_markers)
        for pattern in (_LIST_MARKER, _EMOTICON, _INTERVAL):
            for m in pattern.finditer(text):
                skip.update(i for i in range(m.start(), m.end()) if text[i] in "()[]")
        stack: list[tuple[str, int]] = []
        for m in _BRACKETS.finditer(text):
            i = m.start()
            if i in skip:
                continue
            ch = m.group()
            if ch in "([":
                stack.append((ch, i))
            elif stack and stack[-1][0] == _PAIRS[ch]:
                stack.pop()
            else:
                if stack and any(b == _PAIRS[ch] for b, _ in stack):
                    # A mismatched inner bracket: report it, and close the outer one it belongs to.
                    while stack and stack[-1][0] != _PAIRS[ch]:
                        b, at = stack.pop()
                        yield self.finding(seg, at, at + 1, f"'{b}' is never closed")
                    stack.pop()
                    continue
                if seg.index > 0 and doc.introduces_block(doc.segments[seg.index - 1]):
                    continue  # closes an aside that the paragraph before this block opened
                yield self.finding(seg, i, i + 1, f"'{ch}' closes nothing")
        if stack and doc.introduces_block(seg):
            return  # the aside runs on into the list, code or quotation that follows
        for b, at in stack:
            yield self.finding(seg, at, at + 1, f"'{b}' is never closed")
