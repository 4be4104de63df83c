"""C001 unknown-suppression-code: an inline switch names a code no rule has."""

from __future__ import annotations

from collections.abc import Iterable

from lint.model import Document, Finding, Severity
from lint.rule import Example, Rule


class UnknownSuppressionCode(Rule):
    code = "C001"
    slug = "unknown-suppression-code"
    summary = "Inline switch names a code no rule has"
    rationale = """
**What it does.** Reads every inline switch (`<!-- copylint-disable S1O2 -->`, `.. copylint-disable`,
a PO `# copylint: disable=B1O1`) and flags a code, prefix or slug that names no rule, with the closest
valid name when there is one. The finding stands on the switch's own line.

**Why is this bad?** A mistyped code silences nothing: the finding the writer meant to accept is
still reported, or worse, the switch is trusted to guard text it does not guard. ruff (RUF100's
sibling checks) and markdownlint report the same.
"""
    severity = Severity.WARNING
    scope = "document"
    flag = (
        Example("<!-- copylint-disable-next-line S1O2 -->\nSkip to content\n", path="a.md",
                note="letter O for digit 0"),
        Example("<!-- copylint-disable T999 -->\nText.\n<!-- copylint-enable -->\n", path="a.md"),
        Example("<!-- copylint-disable-next-line repeated-words -->\nThe the end.\n", path="a.md",
                note="the slug is repeated-word"),
        Example('# copylint: disable=B1O1\nmsgid "Fichier"\nmsgstr "File"\n', path="m.po"),
        Example(".. copylint-disable-next-line Q101\n\nSome text.\n", path="a.rst"),
    )
    allow = (
        Example("<!-- copylint-disable-next-line T102 -->\nThe the end.\n", path="a.md"),
        Example("<!-- copylint-disable-next-line repeated-word, W -->\nThe the end.\n", path="a.md",
                note="a slug and a family letter"),
        Example("<!-- copylint-disable-file -->\nAnything.\n", path="a.md", note="no codes: every rule"),
        Example('# copylint: disable=B102\nmsgid "Fichier"\nmsgstr "Fichier"\n', path="m.po"),
        Example(".. copylint-disable-next-line S1\n\nSome text.\n", path="a.rst", note="a code prefix"),
        Example("The word S1O2 in prose is not a switch.\n", path="a.md"),
    )

    def check_document(self, doc: Document) -> Iterable[Finding]:
        if not doc.suppressions:
            return ()
        from lint.suppress import unknown_codes

        return unknown_codes(doc)
