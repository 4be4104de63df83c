"""S105 html-tag: an HTML tag left in prose (`<br>`, `</p>`, `<a href="…">`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

_TAGS = (
    "a|abbr|b|br|blockquote|cite|code|div|em|figcaption|figure|font|h[1-6]|hr|i|img|li|ol|p|pre|q|s|small|"
    "span|strong|sub|sup|table|tbody|td|th|thead|tr|u|ul|wbr|iframe|script|style|noscript|section|article|"
    "header|footer|nav|aside|main|center|mark|del|ins|time|picture|source|video|audio|label|button"
)
_TAG = compiled_on_use(rf"</?(?:{_TAGS})(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?>", re.IGNORECASE)


# A tag named in the text rather than left in it: `the HTML <a> tag`, `<p> elements`.
_NAMED_AFTER = compiled_on_use(r"\s*(?:and\s+</?\w+>\s*)?(?:tags?|elements?|html)\b", re.IGNORECASE)
_NAMED_BEFORE = compiled_on_use(r"(?:html|empty|closing|opening|self-closing)\s*$", re.IGNORECASE)
# Tags that break a line or a block: deleting one between two words would glue them.
_BREAK = compiled_on_use(r"</?(?:br|p|div|li|tr|td|th|h[1-6]|hr|blockquote|section|article|header|footer)\b", re.IGNORECASE)


_CATALOGUE_KINDS = frozenset({"msgstr", "target"})


class HtmlTag(Rule):
    code = "S105"
    slug = "html-tag"
    summary = "HTML tag in prose"
    rationale = """
**What it does.** Flags HTML elements' tags (`<br>`, `</p>`, `<a href="…">`, `<span class="x">`) in
prose.

**Why is this bad?** Markup that leaked into text through a copy from a rich editor, an export that
escaped nothing, or an MT engine that translated around tags. Readers see the raw tag.

Not flagged: `<3`, comparisons (`a < b > c`), `<email@example.com>` and placeholders like `<name>`,
which are not HTML elements; Markdown's own inline HTML, which is markup there (never in a segment).
"""
    severity = Severity.WARNING
    fix = Applicability.UNSAFE
    fix_note = "Deletes the tag (a line or block break between two words becomes a space); unsafe because the tag may have carried meaning (a line break, a link)."
    trigger = r"</?[A-Za-z][\w-]*[\s/>]"
    flag = (
        Example("The governor said<br>the scene was secured.", "The governor said the scene was secured."),
        Example("This is a developing story.</p>", "This is a developing story."),
        Example("Read <a href=\"/news/world\">the report</a> online.", "Read the report online."),
        Example("Prices <span class=\"up\">rose</span> again.", "Prices rose again."),
        Example("The <strong>final</strong> vote is today.", "The final vote is today."),
        Example("First line<br/>second line.", "First line second line."),
        Example("<p>The text starts with a tag.", "The text starts with a tag."),
        Example("See <IMG SRC=\"x.png\"> the picture.", "See  the picture."),
    )
    allow = (
        Example('msgid "Cliquez <b>ici</b>"\nmsgstr "Click <b>here</b>"\n', path="messages.po",
                note="markup of the app's own string"),
        Example("I <3 New York."),
        Example("If a < b and b > c then nothing."),
        Example("Write to <editor@example.com> today."),
        Example("Replace <name> with your name."),
        Example("Arrows like <- and -> are fine."),
        Example("The <b> tag is discussed in `<b>`.", path="a.md", note="inline HTML in Markdown is markup"),
        Example("Use the template <project-name>/README."),
        Example("Values <10 and >20 were dropped."),
        Example("They are replaced with inline hyperlinks (HTML <a> tags).  The two footnotes are gone."),
        Example("Wrap each line in the <p> element, and use an empty <br> tag for breaks."),
        Example("# \\<script setup>\n\nThe \\<script setup> block runs once.\n", path="a.md",
                note="a backslash-escaped bracket is Markdown for text, written on purpose"),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        if seg.kind in _CATALOGUE_KINDS:
            return  # a tag in a message catalogue string is the app's markup; B106 compares it with the source's
        text = seg.text
        for m in _TAG.finditer(text):
            tag = m.group()
            at = seg.to_source(m.start())
            if doc.text.startswith("\\<", at):
                continue  # `\<script setup>`: the writer escaped the bracket to show the tag as text
            if " " not in tag and (_NAMED_AFTER.match(text, m.end())
                                   or _NAMED_BEFORE.search(text, max(0, m.start() - 20), m.start())):
                continue  # the tag is the subject: "(HTML <a> tags)", "the <br> element"
            glue = (_BREAK.match(tag) and 0 < m.start() and m.end() < len(text)
                    and not text[m.start() - 1].isspace() and not text[m.end()].isspace()
                    and text[m.end()] != "<" and text[m.start() - 1] != ">")
            yield self.finding(seg, m.start(), m.end(), f"HTML tag '{tag}' in text", " " if glue else "")
