"""W102 trailing-whitespace: spaces or tabs before a line end."""

from __future__ import annotations

from collections.abc import Iterator

from lint.model import MARKDOWN_FORMATS, Applicability, Document, Finding, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

# A run of blanks is tried from its first blank only: tried from each of its blanks, the run was read to its
# end from each, to find no line end after it (4.8 s on a run of 20,000 spaces inside a line). A match starts
# at a run's first blank anyway, so the answers are the same.
_TRAILING = compiled_on_use(r"(?<![ \t])[ \t]+(?=\r\n|\r|\n|\Z)")
_LF_GATE = compiled_on_use(r"\n(?<=[ \t]\n)")


class TrailingWhitespace(Rule):
    code = "W102"
    slug = "trailing-whitespace"
    summary = "Spaces or tabs at the end of a line"
    rationale = """
**What it does.** Flags spaces and tabs between the last visible character of a line and its line
ending (or the end of the file).

**Why is this bad?** Invisible to readers, trailing blanks are noise in every diff and review, and a
sign of text pasted from a rendered page. In Markdown two or more trailing spaces inside a paragraph
are a hard line break, so those are left alone in Markdown files, as is a blank line that holds
exactly the indentation of the line after it (an editor's auto-indent inside a list item or block).
"""
    severity = Severity.INFO
    fix = Applicability.SAFE
    fix_note = "Deletes only spaces and tabs before the line ending."
    scope = "document"
    flag = (
        Example("A line with a space \nand a clean one.\n", "A line with a space\nand a clean one.\n"),
        Example("Tabs too.\t\t\n", "Tabs too.\n"),
        Example("Windows line.  \r\nNext.\r\n", "Windows line.\r\nNext.\r\n"),
        Example("End of file without newline   ", "End of file without newline"),
        Example("Spaces after a paragraph's last line are no break in Markdown.   \n\nNext.\n",
                "Spaces after a paragraph's last line are no break in Markdown.\n\nNext.\n", path="a.md"),
        Example("Blank line with spaces\n   \nafter.\n", "Blank line with spaces\n\nafter.\n"),
        Example("- Item\n\n  Its body.\n     \n  More of it.\n", "- Item\n\n  Its body.\n\n  More of it.\n", path="a.md"),
    )
    allow = (
        Example("No trailing blanks.\nNone here.\n"),
        Example("Two spaces are a hard line break in Markdown  \nso this stays.\n", path="a.md"),
        Example("<Card>\n  And in MDX, inside a component  \n  as outside one.\n</Card>\n", path="a.mdx"),
        Example("Three spaces are a hard line break in Markdown too   \nso this stays.\n", path="a.md",
                note="CommonMark: two or more spaces before a line ending inside a paragraph"),
        Example("Inner  spaces are W105's business.\n"),
        Example("\tIndentation at the start is not trailing.\n"),
        Example(""),
        Example("Non-breaking space\u00a0at the end is a character, not layout.\u00a0x\n"),
        Example("- **Details**\n\n  The first paragraph of the item.\n  \n  The second one, indented alike.\n", path="a.md",
                note="a blank line indented like the list item's body: the editor's auto-indent"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        # A gate in C: most texts have no trailing blanks, and the regex below would otherwise start a
        # match at every space between words. For LF text the gate is a pattern that starts with the
        # literal LF and looks behind (`re` skips to each LF at memchr speed): 5x faster than 4
        # substring tests on the corpus.
        if "\r" in text:
            if not (" \r" in text or "\t\r" in text or " \n" in text or "\t\n" in text):
                if not text.endswith((" ", "\t")):
                    return
        elif not _LF_GATE.search(text) and not text.endswith((" ", "\t")):
            return
        markdown = doc.format in MARKDOWN_FORMATS
        for m in _TRAILING.finditer(text):
            start, end = m.span()
            if (markdown and end - start >= 2 and not m.group().strip(" ") and end < len(text) and start > 0
                    and text[start - 1] not in "\r\n" and not _ends_block(text, end)):
                continue  # a Markdown hard line break: two or more spaces before a line ending in a paragraph
            if markdown and (start == 0 or text[start - 1] in "\r\n") and _indents_next(text, m.group(), end):
                continue  # a blank line an editor indented like the list item or block it sits in
            if doc.protected and doc.is_protected(start):
                continue
            yield self.finding_at(start, end, "Trailing whitespace", "")


def _ends_block(text: str, eol: int) -> bool:
    """Whether the line ending at ``eol`` closes a block: a blank line or the end of the text follows."""
    nxt = eol + (2 if text.startswith("\r\n", eol) else 1)
    rest = text[nxt : nxt + 200]
    line = rest.split("\n", 1)[0]
    return nxt >= len(text) or not line.strip()


def _indents_next(text: str, blanks: str, eol: int) -> bool:
    """Whether a line of nothing but ``blanks`` holds exactly the indentation of the next line with text
    (`  ` between two lines of a list item's body): the editor's auto-indent, invisible in every
    rendering of Markdown, and repeated from the source in every translation of a page."""
    nxt = eol + (2 if text.startswith("\r\n", eol) else 1)
    return text.startswith(blanks, nxt) and nxt + len(blanks) < len(text) and text[nxt + len(blanks)] not in " \t\r\n"
