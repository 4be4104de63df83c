"""S108 duplicated-text: a paragraph or sentence repeated right after itself."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.rule import Example, Rule
from lint.sentences import sentence_spans

_SPACE = re.compile(r"\s+")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")  # a cheap gate before the segmenter: an exact sentence twice


def _folded(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


class DuplicatedText(Rule):
    code = "S108"
    slug = "duplicated-text"
    summary = "Paragraph or sentence repeated right after itself"
    rationale = """
**What it does.** Flags a paragraph identical (after folding whitespace) to the paragraph before it,
and a sentence repeated immediately within a paragraph.

**Why is this bad?** Scrapers that read both a page's teaser and its body, or both the mobile and the
desktop markup, keep the same text twice; MT pipelines duplicate segments when a retry succeeds after
a timeout.

Only consecutive copies of at least four words are flagged: a refrain or a repeated heading elsewhere
in the text is deliberate.
"""
    severity = Severity.WARNING
    fix = Applicability.SAFE
    fix_note = "Deletes the second copy and the whitespace that separated it from the first."
    scope = "document"
    flag = (
        Example("The plane crashed near Belgorod on Wednesday.\n\nThe plane crashed near Belgorod on Wednesday.\n",
                "The plane crashed near Belgorod on Wednesday.\n"),
        Example("Officials said 74 people were on board. Officials said 74 people were on board. No one survived.\n",
                "Officials said 74 people were on board. No one survived.\n"),
        Example("Talks resumed on Monday in Geneva.\n\nTalks resumed  on Monday\nin Geneva.\n",
                "Talks resumed on Monday in Geneva.\n"),
        Example("Intro.\n\nThis is a developing story and will be updated.\n\nThis is a developing story and will be updated.\n",
                "Intro.\n\nThis is a developing story and will be updated.\n"),
        Example("The minister resigned after the vote. The minister resigned after the vote.\n",
                "The minister resigned after the vote.\n"),
        Example("# Title\n\nThe first paragraph is here twice.\n\nThe first paragraph is here twice.\n",
                "# Title\n\nThe first paragraph is here twice.\n", path="a.md"),
        Example("Prices rose sharply in March, analysts said. Prices rose sharply in March, analysts said.\n",
                "Prices rose sharply in March, analysts said.\n"),
        Example("A long quotation was repeated by the scraper.\r\n\r\nA long quotation was repeated by the scraper.\r\n",
                "A long quotation was repeated by the scraper.\r\n"),
    )
    allow = (
        Example("The plane crashed.\n\nThe plane landed.\n"),
        Example("Yes.\n\nYes.\n", note="too short to be a scraping artefact"),
        Example("Chorus: we shall overcome.\n\nVerse one.\n\nChorus: we shall overcome.\n", note="not consecutive"),
        Example("He said no. She said no.\n"),
        Example("Go. Go. Go.\n"),
        Example("```\nsame line of code here\n```\n\n```\nsame line of code here\n```\n", path="a.md"),
        Example("## Example\n\nText one is here.\n\n## Example\n\nText two is here.\n", path="a.md"),
        Example("``A``\n  The contents of any ``A`` fields.\n\n``B``\n  The contents of any ``B`` fields.\n", path="a.rst"),
        Example("The talks ended without a deal on Monday.\n\nThe talks ended without a deal on Tuesday.\n"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        segments = doc.segments
        text = doc.text
        previous: Segment | None = None
        previous_raw = ""
        for seg in segments:
            # Compared as written in the file (placeholders for code would make different paragraphs
            # equal), whitespace folded; the split is only made when the lengths are close.
            raw = text[seg.to_source(0) : seg.to_source_end(len(seg.text))]
            same = previous is not None and (
                raw == previous_raw
                or (abs(len(raw) - len(previous_raw)) * 10 <= len(raw) and raw.split() == previous_raw.split())
            )
            folded = _folded(raw) if same else ""
            if (
                same
                and previous is not None
                and len(folded.split()) >= 4
                and seg.kind == previous.kind
            ):
                # The copy and the whitespace between the two copies go; the first copy stays.
                start = previous.to_source_end(len(previous.text))
                end = seg.to_source_end(len(seg.text))
                gap = text[start : seg.to_source(0)]
                if gap.strip() == "":
                    yield self.finding_at(seg.to_source(0), end, "Paragraph repeats the one before it",
                                          edits=[(start, end, "")])
                    previous, previous_raw = seg, raw
                    continue
            previous, previous_raw = seg, raw
            if ". " in seg.text or "! " in seg.text or "? " in seg.text:
                parts = _SENTENCE_SPLIT.split(seg.text)
                if any(a == b and len(a) > 15 for a, b in pairwise(parts)):
                    yield from self._sentences(seg)

    def _sentences(self, seg) -> Iterator[Finding]:  # type: ignore[no-untyped-def]
        spans = sentence_spans(seg.text)
        for (a_start, a_end), (b_start, b_end) in pairwise(spans):
            first, second = seg.text[a_start:a_end], seg.text[b_start:b_end]
            if first == second and len(first.split()) >= 4 and "\ufffc" not in first:
                yield self.finding(seg, b_start, b_end, "Sentence repeats the one before it",
                                   edits=[(a_end, b_end, "")])
