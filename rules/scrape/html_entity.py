"""S104 html-entity: an HTML character entity left in prose (`&amp;`, `&nbsp;`, `&#39;`)."""

from __future__ import annotations

from collections.abc import Iterator

from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

_ENTITY = compiled_on_use(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


class HtmlEntity(Rule):
    code = "S104"
    slug = "html-entity"
    summary = "HTML character entity in prose"
    rationale = """
**What it does.** Flags named and numeric HTML character references (`&amp;`, `&nbsp;`, `&rsquo;`,
`&#39;`, `&#x2019;`) in prose, and decodes them.

**Why is this bad?** Text taken out of HTML without decoding, or encoded twice by a CMS, shows readers
`Tom &amp; Jerry` and `don&#39;t`. (In HTML files entities are the format's own syntax: the HTML parser
decodes them before rules see the text.)
"""
    severity = Severity.WARNING
    fix = Applicability.SAFE
    fix_note = "Replaces the entity by the character it stands for (`&nbsp;` by a no-break space U+00A0)."
    trigger = r"&#?\w+;"
    flag = (
        Example("Tom &amp; Jerry is a cartoon.", "Tom & Jerry is a cartoon."),
        Example("The minister said he didn&#39;t know.", "The minister said he didn't know."),
        Example("It&rsquo;s over, she said.", "It’s over, she said."),
        Example("Prices&nbsp;rose again.", "Prices\u00a0rose again."),
        Example("The &ldquo;accident&rdquo; occurred in the district.", "The “accident” occurred in the district."),
        Example("Russia&#x2019;s war entered its third year.", "Russia’s war entered its third year."),
        Example("R&amp;D spending rose 5 &#37; last year.", "R&D spending rose 5 % last year."),
        Example("Temperatures of 30&deg;C were recorded.", "Temperatures of 30°C were recorded."),
    )
    allow = (
        Example("Tom & Jerry is a cartoon."),
        Example("AT&T and R&D are fine."),
        Example("Use `&amp;` in HTML source.", path="a.md"),
        Example("The query string a=1&b=2 is part of a URL."),
        Example("Johnson & Johnson; Procter & Gamble."),
        Example("The symbol &c. is an old abbreviation."),
        Example("A made-up &notanentity; stays as it is."),
        Example("Salt & pepper; oil & vinegar."),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        # Imported where an entity-like text is: the table of HTML's 2,231 names is a millisecond to load.
        import html
        from html.entities import html5

        for m in _ENTITY.finditer(seg.text):
            name = m.group()[1:]
            if not name.startswith("#") and name not in html5:
                continue  # not an entity HTML knows (`&not` inside `&notanentity;` does not count)
            decoded = html.unescape(m.group())
            if decoded == m.group():
                continue
            yield self.finding(seg, m.start(), m.end(), f"HTML entity '{m.group()}' in text: '{decoded}'", decoded)
