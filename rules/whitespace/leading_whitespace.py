"""W101 leading-whitespace: the text starts with spaces or blank lines."""

from __future__ import annotations

from collections.abc import Iterator

from lint.model import Applicability, Document, Finding, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

# Possessive: a CRLF read as CR then LF gives the same end, and backtracking into the blank lines cannot reach a
# visible character; a greedy repeat tried every split of each CRLF (2**n on n CRLF blank lines and no text).
_LEADING = compiled_on_use(r"\A(?:[ \t]*+(?:\r\n|\r|\n))*+[ \t]*+(?=\S)|\A(?:[ \t]*+(?:\r\n|\r|\n))++")


class LeadingWhitespace(Rule):
    code = "W101"
    slug = "leading-whitespace"
    summary = "Whitespace before the first character of the text"
    rationale = """
**What it does.** Flags spaces, tabs and blank lines before the first visible
character of a file.

**Why is this bad?** Scrapers and CMS exports leave the indentation of the
element they cut the text from. Renderers show it as a stray indent, and it
hides other residue glued to the start (a metadata label, a bullet).
"""
    severity = Severity.WARNING
    fix = Applicability.SAFE
    fix_note = "Deletes only whitespace; the words are untouched."
    scope = "document"
    flag = (
        Example(" date 2024-01-24 Videograb shows an explosion.", "date 2024-01-24 Videograb shows an explosion."),
        Example("\n\nThe first paragraph.\n", "The first paragraph.\n"),
        Example("\t\tIndented by the CMS.\n", "Indented by the CMS.\n"),
        Example("  \n  Two kinds of space.\n", "Two kinds of space.\n"),
        Example("\r\n\r\nWindows blank lines first.\r\n", "Windows blank lines first.\r\n"),
        Example("\n\n    code block line\n", "    code block line\n", path="a.md",
                note="the blank lines go, the code block's indentation stays"),
        Example("\n  \n   A block quote in reST.\n", "   A block quote in reST.\n", path="a.rst"),
        Example("  Two spaces before a Markdown paragraph.\n", "Two spaces before a Markdown paragraph.\n",
                path="a.md", note="fewer than four columns: not a code block"),
    )
    allow = (
        Example("The text starts at once.\n"),
        Example("Videograb shows an explosion.  Two spaces later are another rule's business.\n"),
        Example("First line.\n   An indented second line is not the start of the text.\n"),
        Example(""),
        Example("A\n\n\nblank-line run in the middle is W103.\n"),
        Example("    code block line\n\nProse here.\n", path="a.md", note="indentation that makes a code block"),
        Example("   A block quote opens the file.\n", path="a.rst", note="indentation that makes a block quote"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        m = _LEADING.match(text)
        if not m or m.end() == 0:
            return
        end = m.end()
        if doc.format != "text":
            # In a marked-up file the first line's indentation can be markup (four columns make a Markdown
            # code block, any indentation a reST block quote): then only the blank lines before it are layout.
            # In MDX indentation is never markup.
            line_start = max(text.rfind("\n", 0, end), text.rfind("\r", 0, end)) + 1
            indent = text[line_start:end].expandtabs(4)
            if not (doc.format == "mdx" or (doc.format == "markdown" and len(indent) < 4)):
                end = line_start
            if end == 0:
                return
        yield self.finding_at(0, end, "The text starts with whitespace", "")
