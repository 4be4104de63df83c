"""T106 placeholder-residue: software placeholders and inline tags left in translated prose."""

from __future__ import annotations

from collections.abc import Iterator

from lint.model import Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

_PLACEHOLDER = compiled_on_use(
    r"\{\{\s*[\w.]+\s*\}\}"  # {{name}} (Mustache, Jinja, Angular)
    r"|\{\d+\}"  # {0} (.NET, Java MessageFormat)
    # {name} (Python format, ICU): a word in braces is prose often enough that only names with an
    # underscore, or the names templates use most, count.
    r"|\{[a-z]+_[a-z0-9_]*\}"
    r"|\{(?:name|username|user|count|email|date|time|number|num|id|n|url|link|title|value|amount|price)\}"
    r"|(?<![\w%])%(?:\d+\$)?[-+ 0#]*\d*(?:\.\d+)?[sdifuxXeEgGc@](?![a-zA-Z])"  # %s %d %1$s %.2f %@
    r"|(?<![\w%])%\(\w+\)[sdif]"  # %(name)s
    r"|<(?:x|bx|ex|ph|g|it|mrk|pc|sc|ec)\b[^>]*/?>|</(?:g|ph|it|mrk|pc)>"  # XLIFF inline codes
    r"|\[\[[A-Z0-9_:]+\]\]"  # [[LINK]]
    r"|\$\{[\w.]+\}"  # ${name}
)


class PlaceholderResidue(Rule):
    code = "T106"
    slug = "placeholder-residue"
    summary = "Software placeholder or inline tag left in prose"
    rationale = """
**What it does.** Flags format placeholders (`{0}`, `{name}`, `{{name}}`, `%s`, `%1$s`, `%(name)s`,
`${name}`), XLIFF inline codes (`<x id="1"/>`, `<g id="2">`) and CMS tokens (`[[LINK]]`) in prose.

**Why is this bad?** They are instructions to software that went unfilled: a string was published
from a template without its values, or an MT engine kept a segment's inline codes as text. Readers see
`Hello {0}`.

In files that are templates by design (PO, XLIFF, i18n JSON) placeholders are not prose: the format
parsers keep them out of segments, and the bilingual rules compare them with the source instead.
"""
    severity = Severity.ERROR
    trigger = r"\{[\d{a-z]|%[\d(sdifuxXeEgGc@$.+#-]|</?(?:x|bx|ex|ph|g|it|mrk|pc|sc|ec)\b|\[\[[A-Z0-9]|\$\{"
    flag = (
        Example("Welcome back, {0}! Your order has shipped."),
        Example("Hello {{name}}, your subscription ends soon."),
        Example("The file %s could not be opened."),
        Example("You have %1$s new messages."),
        Example("Click <x id=\"1\"/>here<x id=\"2\"/> to continue."),
        Example("Read the [[LINK]] for details."),
        Example("Dear ${customer.name}, thank you."),
        Example("Deleted %(count)d items."),
        Example("Hi {username}, welcome."),
    )
    allow = (
        Example("Prices rose 50% since March."),
        Example("The set {1, 2, 3} has three elements."),
        Example("A 100%-renewable grid by 2030."),
        Example("Use `{0}` in the format string.", path="a.md"),
        Example("The ratio was 3 % higher, said the report."),
        Example("Tags like <b> are HTML, another rule's business."),
        Example("He earned $100 {approximately} last week."),
        Example("The formula x = {a + b} was shown."),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        for m in _PLACEHOLDER.finditer(seg.text):
            yield self.finding(seg, m.start(), m.end(), f"Placeholder '{m.group()}' left in the text")
