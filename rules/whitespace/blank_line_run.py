"""W103 blank-line-run: more than one blank line in a row."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from lint.model import MARKDOWN_FORMATS, Applicability, Document, Finding, Severity, line_break_count
from lint.options import RuleOptions, option
from lint.patterns import compiled, compiled_on_use
from lint.rule import Example, Rule

_VISIBLE = compiled_on_use(r"\S")  # blank lines before the first visible character are W101's
# A reST section title after the run: an optional overline, the title, an underline of one repeated
# punctuation character. The title line (one with a visible character) is read once, possessively: two
# greedy runs around its visible character backtracked over every split of a long line (quadratic).
_EOL_OR_END = r"(?:\r\n|\r|\n|\Z)"
_RST_TITLE = compiled_on_use(
    rf"(?:([=\-~^\"'`#*+:._])\1{{2,}}[ \t]*{_EOL_OR_END})?[^\S\r\n]*+\S[^\r\n]*+(?:\r\n|\r|\n)"
    rf"([=\-~^\"'`#*+:._])\2{{2,}}[ \t]*{_EOL_OR_END}"
)


@lru_cache(maxsize=8)
def _run_pattern(maximum: int, any_eol: bool) -> re.Pattern[str]:
    """A line end, then more than ``maximum`` lines holding nothing but spaces or tabs, each with its
    own line end. Text without a CR gets a pattern that starts with the literal LF, which `re` skips to
    in C (six times faster on the corpus than the any-line-end form). The lines are read possessively (each
    can be read one way only): `re` keeps a backtracking state for each line of a greedy run, some 180 bytes,
    374 MB for a run of two million blank lines."""
    if any_eol:
        return compiled(rf"(\r\n|\r(?!\n)|\n)((?:[ \t]*+(?:\r\n|\r(?!\n)|\n)){{{maximum + 1},}}+)")
    return compiled(rf"(\n)((?:[ \t]*+\n){{{maximum + 1},}}+)")


class BlankLineRun(Rule):
    code = "W103"
    slug = "blank-line-run"
    summary = "More than one blank line in a row"
    rationale = """
**What it does.** Flags two or more consecutive blank lines (lines that are empty or hold only spaces
and tabs) and keeps one.

**Why is this bad?** One blank line separates paragraphs; more is residue of removed elements (an
image, an ad, an embed) that the scraper or CMS export replaced by nothing. Renderers collapse or keep
it unpredictably.

In reStructuredText extra blank lines before a section title are house style (the PEP template
uses two, many PEPs three), so runs of any length directly before a title are not flagged there, and
elsewhere in reST the default allowance is two. Markdown also renders any run of blank lines as one
break (CommonMark), and its writers use two as layout (before a section, around an HTML or MDX block;
the Rust book does, as do the React and Vue docs and their translations), so there too the default
allowance is two: a run of three or more is still flagged. The option `maximum` sets the allowance for
every format.
"""
    severity = Severity.WARNING
    fix = Applicability.SAFE
    fix_note = "Removes the extra blank lines, keeping one blank line and the file's own line endings."
    scope = "document"

    @dataclass(frozen=True)
    class Options(RuleOptions):
        """The rule's options (config `rules: {W103: {...}}`; see `copylint explain`)."""

        maximum: int | None = option(None, "the blank lines allowed in a row (null: any before a reST "
                                           "section title, 2 elsewhere in reST and Markdown, 1 in other formats)", minimum=0)
    opts: Options
    flag = (
        Example("Caption.\n\n\n\n\n\nFirst paragraph.\n", "Caption.\n\nFirst paragraph.\n"),
        Example("One.\n\n\nTwo.\n", "One.\n\nTwo.\n"),
        Example("One.\r\n\r\n\r\nTwo.\r\n", "One.\r\n\r\nTwo.\r\n"),
        Example("One.\n  \n\t\n\nTwo.\n", "One.\n\nTwo.\n"),
        Example("Last paragraph.\n\n\n", "Last paragraph.\n\n"),
        Example("Old Mac.\r\r\rNext.\r", "Old Mac.\r\rNext.\r"),
        Example("Code follows.\n\n\n\n```\ncode\n\n\n\nmore code\n```\n",
                "Code follows.\n\n\n```\ncode\n\n\n\nmore code\n```\n", path="a.md"),
        Example("# Title\n\nIntro.\n\n\n\n\n\nAn embed was here.\n", "# Title\n\nIntro.\n\n\nAn embed was here.\n",
                path="a.md"),
        Example("Title\n=====\n\n\n\nText.\n", "Title\n=====\n\n\nText.\n", path="a.rst"),
        Example("Text.\n\n\n\nMore text.\n-- not an underline\n", "Text.\n\n\nMore text.\n-- not an underline\n",
                path="a.rst"),
    )
    allow = (
        Example("One.\n\nTwo.\n"),
        Example("One.\nTwo.\n"),
        Example("One.\r\n\r\nTwo.\r\n"),
        Example("Text.\n"),
        Example("\n\n\n\nLeading blank lines are W101's business.\n"),
        Example("Windows.\r\n  \r\nNext.\r\n"),
        Example("Text.\n\n\nSection\n=======\n", path="a.rst"),
        Example("Text.\n\n\n\n\nReferences\n----------\n\nMore.\n", path="a.rst"),
        Example("Text.\r\n\r\n\r\n\r\n=========\r\nCopyright\r\n=========\r\n", path="a.rst"),
        Example("A fenced block keeps its own blank lines:\n\n```\nx = 1\n\n\n\ny = 2\n```\n", path="a.md"),
        Example("Intro.\n\n\n## Next section\n\nText.\n", path="a.md", note="two blank lines: Markdown layout"),
        Example("<Intro>\n\n\nText of the intro.\n\n</Intro>\n", path="a.mdx.md"),
        Example("import Box from './Box.astro';\n\n\n<Box>\n  Text of the box.\n</Box>\n", path="a.mdx",
                note="MDX is Markdown: two blank lines are its layout"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        maximum = self.opts.maximum
        if maximum is None:
            maximum = 2 if doc.format == "rst" or doc.format in MARKDOWN_FORMATS else 1
        text = doc.text
        rst = doc.format == "rst"
        first = _VISIBLE.search(text)
        if first is None:
            return  # nothing but whitespace: W101's business
        for m in _run_pattern(maximum, "\r" in text).finditer(text, first.start()):
            start, end = m.span(2)
            if doc.protected and doc.is_protected(start):
                continue
            if rst and _RST_TITLE.match(text, end):
                continue
            run = m.group(2)
            endings = line_break_count(run)
            # Keep the allowed blank lines, written with the line ending the run uses.
            keep = m.group(1) * maximum
            yield self.finding_at(start, end, f"{endings} blank lines in a row", keep)
