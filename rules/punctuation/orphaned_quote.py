"""P101 orphaned-quote: a quotation closed but never opened, or opened and never closed, in a paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.model import Applicability, Document, Finding, Severity
from lint.rule import Example, Rule
from lint.sentences import sentence_spans

_QUOTES = re.compile("[“”]")
# Where a quotation most likely began when its opening mark is lost: right after an attribution that
# ends a sentence ("… Gladkov said. I changed …"), or after the previous closing quotation mark.
_ATTRIBUTION = re.compile(
    r"(?:\b(?:said|says|told|added|wrote|asked|stated|explained|noted|declared|insisted|replied|"
    r"according to [^.!?“”]+)[^.!?“”]*[.!?:]|”[^“”.!?]*[.!?])\s+(?=[A-Z])"
)


class OrphanedQuote(Rule):
    code = "P101"
    slug = "orphaned-quote"
    summary = "Quotation mark with no partner in its paragraph"
    rationale = """
**What it does.** Pairs the curly double quotation marks of each paragraph and flags a closing mark
with no opening one before it, or an opening mark never closed (unless the next paragraph opens a
quotation too: the English convention for a quotation running over several paragraphs).

**Why is this bad?** The reader cannot tell where the quotation starts: whose words are these? MT
engines and scrapers drop an opening mark when it sat in a separate element (a pull quote, a link).
Attributing words to the wrong person is the worst error a news text can make.
"""
    severity = Severity.ERROR
    fix = Applicability.UNSAFE
    fix_note = (
        "Where the lost mark's place is clear — the first sentence after an attribution such as "
        "`he said.` or after the previous quotation — inserts “ there. Unsafe: the quotation may have "
        "begun earlier."
    )
    scope = "document"
    flag = (
        Example("“An investigation is under way,” the governor said. I changed my work schedule. All details later.”\n",
                "“An investigation is under way,” the governor said. “I changed my work schedule. All details later.”\n"),
        Example("He said. We will rebuild the bridge by spring.”\n",
                "He said. “We will rebuild the bridge by spring.”\n"),
        Example("The minister told reporters: “The budget is balanced.\n\nThe session then closed.\n"),
        Example("“We are ready,” he said, “and so is the army.\n"),
        Example("Prices rose.” The market closed early.\n"),
        Example("She asked “why now? and left.\n"),
        Example("“First quote” and then a second one” appeared.\n"),
        Example("The report, according to officials. It is not final.”\n",
                "The report, according to officials. “It is not final.”\n"),
    )
    allow = (
        Example("“This is completely new information,” Kremlin spokesman Dmitry Peskov said. “I can’t say anything yet.”\n"),
        Example("Six crew members and three “accompanying personnel” were on board.\n"),
        Example("“The first paragraph of a long quotation runs on.\n\n“And the second paragraph closes it.”\n"),
        Example("He called it ‘a disaster’ in an interview.\n"),
        Example("Russia’s war, the students’ books and rock ’n’ roll.\n"),
        Example("No quotation marks at all.\n"),
        Example("“Nested ‘single’ quotes are fine,” she said.\n"),
        Example("She said: “Go.” He went.\n"),
        Example("```\n”code” is not prose\n```\n", path="a.md"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        segments = doc.segments
        for n, seg in enumerate(segments):
            text = seg.text
            if "“" not in text and "”" not in text:
                continue
            open_at: int | None = None
            for m in _QUOTES.finditer(text):
                if m.group() == "“":
                    if open_at is not None:
                        yield self._unclosed(seg, open_at)
                    open_at = m.start()
                elif open_at is None:
                    yield self._orphan_close(seg, m.start())
                else:
                    open_at = None
            if open_at is not None:
                following = segments[n + 1].text if n + 1 < len(segments) else ""
                if not following.lstrip().startswith("“"):
                    yield self._unclosed(seg, open_at)

    def _unclosed(self, seg, at: int) -> Finding:  # type: ignore[no-untyped-def]
        return self.finding(seg, at, at + 1, "Opening quotation mark is never closed in this paragraph")

    def _orphan_close(self, seg, at: int) -> Finding:  # type: ignore[no-untyped-def]
        text = seg.text
        last = None
        for m in _ATTRIBUTION.finditer(text, 0, at):
            last = m
        message = "Closing quotation mark with no opening one"
        # The place is clear only where the segmenter agrees that a sentence starts there.
        if last is not None and last.end() < at and any(s == last.end() for s, _ in sentence_spans(text)):
            return self.finding(seg, at, at + 1, message, edits=[(last.end(), last.end(), "“")])
        return self.finding(seg, at, at + 1, message)
