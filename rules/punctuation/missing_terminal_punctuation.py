"""P103 missing-terminal-punctuation: a prose paragraph whose last sentence has no end mark."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.rule import Example, Rule

_INNER_SENTENCE_END = re.compile(r"[a-z0-9][.!?][\"”’)]?\s+[A-Z]")


class MissingTerminalPunctuation(Rule):
    code = "P103"
    slug = "missing-terminal-punctuation"
    summary = "Paragraph ends without a full stop or other end mark"
    rationale = """
**What it does.** Flags a prose paragraph of several sentences (or one long sentence) whose last
sentence ends in a word, with no `.`, `!`, `?`, `…` or closing quote or bracket after one.

**Why is this bad?** The end of the text was cut: a teaser truncated by a CMS, a paragraph split by a
scraper at an ad slot, an MT segment that lost its final mark. Readers cannot tell whether something is
missing.

Not flagged: headings, list items, table cells and captions; short one-line paragraphs (likely a
heading, byline or caption in plain text); lines ending with a colon; paragraphs ending in code or a
link.
"""
    severity = Severity.INFO
    fix = Applicability.UNSAFE
    fix_note = "Appends a full stop; unsafe because the rest of the sentence may be what is missing."
    kinds = frozenset({"paragraph", "blockquote"})
    options = {"minimum-words": 12}
    flag = (
        Example("The plane crashed in the Belgorod region. Officials said 74 people were on board",
                "The plane crashed in the Belgorod region. Officials said 74 people were on board."),
        Example("Russian news agencies said the soldiers were flown to Belgorod before the exchange took place",
                "Russian news agencies said the soldiers were flown to Belgorod before the exchange took place."),
        Example("Talks resumed on Monday. Both sides said progress was slow but steady",
                "Talks resumed on Monday. Both sides said progress was slow but steady."),
        Example("The investigation continues. Officials will publish the results later this year"),
        Example("He said it was new. “We will deal with it now,” he added, and then he left the room"),
        Example("The river flooded after heavy rain. Hundreds of homes in the north were damaged"),
        Example("Prices rose again in March. The central bank is expected to raise rates in April"),
        Example("The museum reopened. Visitors queued for hours to see the restored paintings"),
    )
    allow = (
        Example("This is a developing story and will be updated."),
        Example("Videograb shows an explosion following the plane crash"),
        Example("By Jane Doe, Reuters"),
        Example("The following items were on board:"),
        Example("# A heading without a full stop, which is normal in headings of any length\n", path="a.md"),
        Example("- A list item without a full stop, which is normal in lists of any length\n", path="a.md"),
        Example("“We will deal with it now,” Kremlin spokesman Dmitry Peskov said."),
        Example("Is this the end? Nobody knows."),
        Example("He waited… and waited…"),
        Example("See the guide at https://example.com/docs/guide"),
        Example("Run the installer and then the command `cargo build --release`", path="a.md"),
        Example("But Alex Martelli thinks that this is what the next quotation says\n\n    this total breach.\n",
                path="a.rst"),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        text = seg.text
        # Look only at the end of the paragraph (a regex anchored at $ would scan all of it).
        tail = text.rstrip()
        if not tail or not tail[-1].isalpha():
            return  # ends with an end mark, a closing quote or bracket, code or a number
        if doc.introduces_block(seg):
            return  # it introduces the code, list or quotation that follows
        several = _INNER_SENTENCE_END.search(text) is not None
        if not several and len(text.split()) < int(self.opts["minimum-words"]):
            return
        if not several and "\n" not in text.strip() and text[:1].isupper() and _looks_like_title(text):
            return
        end = len(text.rstrip())
        yield self.finding(seg, end, end, "The paragraph ends without a full stop or other end mark", ".")


def _looks_like_title(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    capitals = sum(1 for w in words if w[0].isupper())
    return bool(words) and capitals * 2 > len(words)
