"""W105 space-run: two or more spaces between words inside a line."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.model import Applicability, Document, Finding, Severity
from lint.rule import Example, Rule

_RUN = re.compile(r"(?<=[^\s])( {2,})(?=[^\s])")
_AFTER_SENTENCE = re.compile(r"[.!?:][\"'”’)\]]?$")


class SpaceRun(Rule):
    code = "W105"
    slug = "space-run"
    summary = "Two or more spaces between words"
    rationale = """
**What it does.** Flags runs of two or more spaces between visible characters of one line, and
replaces them by one space.

**Why is this bad?** Runs of spaces are left where a scraper dropped an inline element (a link, an
icon, a footnote mark) or where an MT engine removed a tag. Browsers hide them; every other channel
(e-mail, feeds, plain text, search snippets) shows them.

Not flagged: indentation, two spaces after a sentence's end (a typing convention, unless the option
`allow-after-period` is false), lines that look like a plain-text table (two runs or more of spaces that
align columns), and anything the format marks as code or markup.
"""
    severity = Severity.INFO
    fix = Applicability.SAFE
    fix_note = "Replaces the run by a single space; no visible character changes."
    scope = "document"
    options = {"allow-after-period": True}
    flag = (
        Example("The minister  said on Monday.\n", "The minister said on Monday.\n"),
        Example("A link was here:   and now it is gone.\n", "A link was here: and now it is gone.\n"),
        Example("Prices rose by  5 percent.\n", "Prices rose by 5 percent.\n"),
        Example("Kyiv and    Moscow exchanged prisoners.\n", "Kyiv and Moscow exchanged prisoners.\n"),
        Example("The Ministry of  Defense said so.\r\n", "The Ministry of Defense said so.\r\n"),
    )
    allow = (
        Example("One space between words.\n"),
        Example("Two spaces after a period.  That is a convention.\n"),
        Example("    Indented line of text.\n"),
        Example("Name      Age   City\nAlice     30    Paris\n"),
        Example("Trailing spaces are W102's business.   \n"),
        Example("Tab\tseparated\tvalues.\n"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        allow_after_period = bool(self.opts["allow-after-period"])
        for m in _RUN.finditer(text):
            start, end = m.span(1)
            if doc.protected and doc.is_protected(start):
                continue
            line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
            line_end_candidates = [i for i in (text.find("\n", end), text.find("\r", end)) if i >= 0]
            line_end = min(line_end_candidates) if line_end_candidates else len(text)
            line = text[line_start:line_end]
            if len(_RUN.findall(line.strip())) >= 2:
                continue  # a plain-text table: the runs align columns
            if allow_after_period and _AFTER_SENTENCE.search(text[line_start:start]) and end - start == 2:
                continue
            yield self.finding_at(start, end, f"{end - start} spaces in a row", " ")
