"""W106 mixed-line-endings: a file that mixes LF, CRLF and CR."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from lint.model import Applicability, Document, Finding, Severity
from lint.rule import Example, Rule

_EOL = re.compile(r"\r\n|\r|\n")
_NAMES = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}


class MixedLineEndings(Rule):
    code = "W106"
    slug = "mixed-line-endings"
    summary = "Line endings of more than one kind in one file"
    rationale = """
**What it does.** Flags each line ending that differs from the file's majority kind (LF, CRLF or CR).

**Why is this bad?** Text assembled from several sources (a CMS field, a pasted translation, a Windows
editor) ends up with mixed endings: diffs show whole lines as changed, and some tools see stray `\\r`
characters or extra blank lines.
"""
    severity = Severity.WARNING
    fix = Applicability.SAFE
    fix_note = "Rewrites only the minority line endings, to the majority kind."
    scope = "document"
    flag = (
        Example("One\nTwo\r\nThree\nFour\n", "One\nTwo\nThree\nFour\n"),
        Example("One\r\nTwo\nThree\r\n", "One\r\nTwo\r\nThree\r\n"),
        Example("One\rTwo\nThree\nFour\n", "One\nTwo\nThree\nFour\n"),
        Example("A\r\nB\r\nC\rD\r\n", "A\r\nB\r\nC\r\nD\r\n"),
        Example("Pasted\ntranslation\r\nhere\n", "Pasted\ntranslation\nhere\n"),
    )
    allow = (
        Example("All\nLF\nhere\n"),
        Example("All\r\nCRLF\r\nhere\r\n"),
        Example("All\rCR\rhere\r"),
        Example("One line, no ending"),
        Example(""),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if "\r" not in text:
            return
        endings = [(m.start(), m.group()) for m in _EOL.finditer(text)]
        counts = Counter(e for _, e in endings)
        if len(counts) < 2:
            return
        majority = max(counts, key=lambda e: (counts[e], e == "\n"))
        for start, eol in endings:
            if eol != majority:
                yield self.finding_at(
                    start, start + len(eol),
                    f"{_NAMES[eol]} line ending in a file of {_NAMES[majority]} line endings", majority,
                )
