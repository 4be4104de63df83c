"""E103 control-character: C0 and C1 control characters in text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.model import Applicability, Document, Finding, Severity
from lint.rule import Example, Rule

# Tab, LF, CR and form feed (a page break in plain-text documents such as RFCs) are layout, not defects.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")


class ControlCharacter(Rule):
    code = "E103"
    slug = "control-character"
    summary = "Control character in text"
    rationale = """
**What it does.** Flags C0 control characters other than tab, line feed, carriage return and form
feed, DEL, and C1 controls (U+0080–U+009F).

**Why is this bad?** They are never prose: a vertical tab from a word processor, an escape from a
terminal log, or a C1 character left by Windows-1252 text decoded as Latin-1 (U+0092 where `’` was
meant). Many XML-based formats reject them outright.
"""
    severity = Severity.ERROR
    fix = Applicability.SAFE
    fix_note = (
        "Deletes the control character. Where it is a C1 character that is part of mojibake, E101 "
        "repairs it instead (its fix covers the same span and is taken first)."
    )
    scope = "document"
    flag = (
        Example("Vertical\x0btab from a word processor.\n", "Verticaltab from a word processor.\n"),
        Example("Bell\x07 character.\n", "Bell character.\n"),
        Example("Escape \x1b[31mred\x1b[0m text.\n", "Escape [31mred[0m text.\n"),
        Example("Backspace\x08 in a log.\n", "Backspace in a log.\n"),
        Example("DEL\x7f character.\n", "DEL character.\n"),
    )
    allow = (
        Example("Tabs\tare layout.\n"),
        Example("Page one.\n\x0c\nPage two.\n"),
        Example("Windows line\r\nendings.\r\n"),
        Example("Plain text.\n"),
        Example("Curly apostrophe’s fine.\n"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        for m in _CONTROL.finditer(doc.text):
            i = m.start()
            yield self.finding_at(i, i + 1, f"Control character U+{ord(m.group()):04X}", "")
