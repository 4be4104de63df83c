"""C002 unused-suppression: an inline switch that silences nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from lint.model import Document, Finding, Severity
from lint.rule import Example, Rule


class UnusedSuppression(Rule):
    code = "C002"
    slug = "unused-suppression"
    summary = "Inline switch silences nothing"
    rationale = """
**What it does.** Flags an inline switch (`<!-- copylint-disable-next-line P101 -->`, a PO
`# copylint: disable=B102`) that covers no finding of the rules it names. A switch for a rule that
did not run in this check (not selected) is idle, not unused, and is not reported.

**Why is this bad?** Switches outlive the text they were written for: once the quotation is fixed,
the switch above it only hides the next real defect on that line. Off by default; turn it on with
`--report-unused-disables` (or select `C002`), as with ruff's RUF100 and ESLint's
`--report-unused-disable-directives`.
"""
    severity = Severity.INFO
    scope = "findings"
    default_enabled = False
    flag = (
        Example("<!-- copylint-disable-next-line T102 -->\nA clean sentence.\n", path="a.md", select=("T102",)),
        Example("<!-- copylint-disable-next-line -->\nA clean sentence.\n", path="a.md",
                note="no codes: every rule, and none found anything"),
        Example("<!-- copylint-disable W105 -->\nOne space here.\n<!-- copylint-enable -->\n", path="a.md",
                select=("W105",)),
        Example('# copylint: disable=B102\nmsgid "Supprimer le fichier"\nmsgstr "Delete the file"\n',
                path="m.po", select=("B102",)),
        Example(".. copylint-disable-next-line T102\n\nA clean sentence.\n", path="a.rst", select=("T102",)),
    )
    allow = (
        Example("<!-- copylint-disable-next-line T102 -->\nWe saw the the results.\n", path="a.md",
                select=("T102",)),
        Example("<!-- copylint-disable-next-line T102 -->\nA clean sentence.\n", path="a.md",
                note="T102 did not run: the switch is idle, not unused"),
        Example('# copylint: disable=B102\nmsgid "Supprimer le fichier"\nmsgstr "Supprimer le fichier"\n',
                path="m.po", select=("B102",)),
        Example("<!-- copylint-disable T102 -->\nWe saw the the results.\n<!-- copylint-enable -->\n", path="a.md",
                select=("T102",)),
        Example("A sentence with no switch at all.\n", path="a.md"),
    )

    def check_findings(self, doc: Document, findings: Sequence[Finding],
                       ran: Callable[[str], bool]) -> Iterable[Finding]:
        if not doc.suppressions:
            return ()
        from lint.suppress import unused

        return unused(doc, findings, ran=ran)
