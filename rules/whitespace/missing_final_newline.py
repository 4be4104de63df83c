"""W104 missing-final-newline: the text does not end with a newline."""

from __future__ import annotations

from collections.abc import Iterator

from lint.model import Applicability, Document, Finding, Severity
from lint.rule import Example, Rule


class MissingFinalNewline(Rule):
    code = "W104"
    slug = "missing-final-newline"
    summary = "No newline at the end of the file"
    rationale = """
**What it does.** Flags a non-empty file whose last character is not a line ending.

**Why is this bad?** POSIX tools treat the last line as incomplete: `cat` glues the next file to it,
`wc -l` miscounts, and every later append shows as a change to the last line in a diff. Exports that
cut text out of a page rarely end it properly.
"""
    severity = Severity.INFO
    fix = Applicability.SAFE
    fix_note = "Appends the file's own dominant line ending (LF, CRLF or CR)."
    scope = "document"
    flag = (
        Example("This is a developing story and will be updated.", "This is a developing story and will be updated.\n"),
        Example("Two lines\r\nin Windows style", "Two lines\r\nin Windows style\r\n"),
        Example("Old Mac\rstyle", "Old Mac\rstyle\r"),
        Example("# Heading\n\nText", "# Heading\n\nText\n", path="a.md"),
        Example("Ends with spaces   ", "Ends with spaces   \n"),
    )
    allow = (
        Example("Ends properly.\n"),
        Example("Windows.\r\n"),
        Example(""),
        Example("Old Mac.\r"),
        Example("Blank last line.\n\n"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if text and text[-1] not in "\r\n":
            end = len(text)
            yield self.finding_at(end, end, "No newline at the end of the file", doc.source.newline)
