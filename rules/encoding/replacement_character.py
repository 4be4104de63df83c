"""E104 replacement-character: U+FFFD, the mark of characters already lost."""

from __future__ import annotations

from collections.abc import Iterator

from lint.model import Document, Finding, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

_FFFD = compiled_on_use("\ufffd+")
# The character quoted on its own is named, not lost: "\ufffd", `\ufffd`, '\ufffd', \u201c\ufffd\u201d.
_MENTION = compiled_on_use("([\"'`\u201c\u2018])\ufffd+(?:\\1|[\u201d\u2019])")


class ReplacementCharacter(Rule):
    code = "E104"
    slug = "replacement-character"
    summary = "Replacement character U+FFFD: text lost in decoding"
    rationale = """
**What it does.** Flags U+FFFD REPLACEMENT CHARACTER (shown as �), one finding per run.

**Why is this bad?** A decoder put it where bytes could not be decoded: the original characters are
gone and cannot be recovered from the text. Someone has to restore them from the source, so there is
no fix.

Not flagged: the character quoted on its own (`"\ufffd"`, a text about encodings naming it) and
anything inside code the format protects.
"""
    severity = Severity.ERROR
    scope = "document"
    flag = (
        Example("Caf\ufffd au lait.\n"),
        Example("The \ufffd\ufffdquoted\ufffd\ufffd word.\n"),
        Example("S\ufffdo Paulo.\n"),
        Example("\ufffd at the start.\n"),
        Example("Price: 20 \ufffd.\n"),
    )
    allow = (
        Example("Café au lait.\n"),
        Example("São Paulo.\n"),
        Example("Price: 20 €.\n"),
        Example("A question mark? Fine.\n"),
        Example("Box drawing \u2588 is a real character.\n"),
        Example("Python shows \"\ufffd\" for bytes it cannot decode.\n"),
        Example("A decoder writes `\ufffd` there.\n", path="a.md"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if "\ufffd" not in text:  # a C search, much faster than the regex on clean text
            return
        for m in _FFFD.finditer(text):
            if doc.protected and doc.is_protected(m.start()):
                continue  # a code example that shows the character on purpose
            if _MENTION.match(text, m.start() - 1) and m.start() > 0:
                continue
            n = len(m.group())
            yield self.finding_at(m.start(), m.end(), f"{n} replacement character{'s' if n > 1 else ''} (U+FFFD): text lost")
