"""P104 doubled-punctuation: `,,`, `..`, `?.` and other marks doubled by mistake."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.rule import Example, Rule

_DOUBLED = re.compile(r",,|;;|(?<=\w)\.\.(?![.\w/])|(?<=\w)[?!]\.(?![.\w])|(?<=\w),\.(?!\.)|(?<=\w);\.|(?<=[a-z])\.,")
_ABBREVIATION = re.compile(r"(?:\b(?:[A-Za-z]\.)+|\b(?:etc|Inc|Ltd|Co|Corp|Jr|Sr|St|Dr|Mr|Mrs|Ms|Prof|vs|cf|al|approx|Ph\.D|No|Vol|pp|ed|eds|Fig|Eq|Ref|Mt|Ave|Blvd|ft|in|lb|lbs|oz|km|mi|min|sec|hr|hrs|yr|yrs|mo|wk|est|dept|gov|govt)\.)$")


class DoubledPunctuation(Rule):
    code = "P104"
    slug = "doubled-punctuation"
    summary = "Punctuation mark doubled or stacked by mistake"
    rationale = """
**What it does.** Flags `,,`, `;;`, two full stops that are not an ellipsis (`end..`), a question or
exclamation mark followed by a full stop (`really?.`), `,.`, `;.`, and a full stop followed by a comma
after a word that is not an abbreviation.

**Why is this bad?** Joining fragments (a caption and its sentence, a quote and its attribution)
doubles the marks at the seam; MT engines add a full stop after one that was already there.

Not flagged: the ellipsis `...`, `?!` and `!!`, and an abbreviation's full stop followed by a comma
(`e.g.,`, `etc.,`, `U.S.,`, `Inc.,`).
"""
    severity = Severity.WARNING
    fix = Applicability.SAFE
    fix_note = "Removes the second mark where the intended one is clear (`,,` `;;` `..` `?.` `!.`); otherwise reports only."
    trigger = r"[,;.?!][,;.]"
    flag = (
        Example("The plane crashed,, officials said.", "The plane crashed, officials said."),
        Example("This is a developing story..", "This is a developing story."),
        Example("Is it possible?. Nobody knows.", "Is it possible? Nobody knows."),
        Example("What a day!. It was long.", "What a day! It was long."),
        Example("Three items;; then more.", "Three items; then more."),
        Example("It ended,. Then it began again."),
        Example("He left the building., and drove away."),
        Example("The report was released;. The minister resigned."),
    )
    allow = (
        Example("When both sides... More than 200 were exchanged."),
        Example("Really?! I had no idea."),
        Example("Stop!! Now!"),
        Example("Fruit, e.g., apples and pears."),
        Example("Tools, pens, etc., were on the table."),
        Example("The U.S., Canada and Mexico signed."),
        Example("Acme Inc., a supplier, said so."),
        Example("Version 1.2.3 was released."),
        Example("The range 1..10 is inclusive."),
        Example("See ../docs for details."),
        Example("Robots of 8 ft., 12 ft. long."),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        text = seg.text
        for m in _DOUBLED.finditer(text):
            mark = m.group()
            start, end = m.span()
            if mark == ".," and _ABBREVIATION.search(text, 0, start + 1):
                continue
            if mark in (",,", ";;", ".."):
                yield self.finding(seg, start, end, f"Doubled '{mark[0]}'", mark[0])
            elif mark in ("?.", "!."):
                yield self.finding(seg, start, end, f"'{mark}': a full stop after '{mark[0]}'", mark[0])
            else:
                yield self.finding(seg, start, end, f"Stacked punctuation '{mark}'", applicability=None)
