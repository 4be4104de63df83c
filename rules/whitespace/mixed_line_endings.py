"""W106 mixed-line-endings: a file that mixes LF, CRLF and CR."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from lint.model import Applicability, Document, Finding, Related, Severity, in_ranges, line_breaks_by_kind
from lint.options import RuleOptions, option
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

_EOL = compiled_on_use(r"\r\n|\r|\n")
_NAMES = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}
# The first line ending of each kind, as _EOL reads them.
_FIRST = {"\r\n": compiled_on_use(r"\r\n"), "\r": compiled_on_use(r"\r(?!\n)"), "\n": compiled_on_use(r"(?<!\r)\n")}


class MixedLineEndings(Rule):
    code = "W106"
    slug = "mixed-line-endings"
    summary = "Line endings of more than one kind in one file"
    rationale = """
**What it does.** Flags a file whose line endings are not all of its majority kind (LF, CRLF or CR): one
finding per file, at the first line ending of another kind, naming how many there are; its fix rewrites
them all.

**Why is this bad?** Text assembled from several sources (a CMS field, a pasted translation, a Windows
editor) ends up with mixed endings: diffs show whole lines as changed, and some tools see stray `\\r`
characters or extra blank lines.
"""
    severity = Severity.WARNING
    fix = Applicability.SAFE
    fix_note = ("Rewrites only the minority line endings, to the majority kind. Line endings inside code "
                "(code blocks and inline code in Markdown, literal blocks and directives in reST, `pre`, "
                "`code`, `script` and `style` in HTML) are the author's bytes: they are reported and left "
                "as they are, unless the option `fix-code: true` asks for them too.")
    scope = "document"

    @dataclass(frozen=True)
    class Options(RuleOptions):
        """The rule's options (config `rules: {W106: {...}}`; see `copylint explain`)."""

        fix_code: bool = option(False, "also convert the line endings inside code blocks and other verbatim text")
    opts: Options
    flag = (
        Example("One\nTwo\r\nThree\nFour\n", "One\nTwo\nThree\nFour\n"),
        Example("One\r\nTwo\nThree\r\n", "One\r\nTwo\r\nThree\r\n"),
        Example("One\rTwo\nThree\nFour\n", "One\nTwo\nThree\nFour\n"),
        Example("A\r\nB\r\nC\rD\r\n", "A\r\nB\r\nC\r\nD\r\n"),
        Example("Pasted\ntranslation\r\nhere\n", "Pasted\ntranslation\nhere\n"),
        Example("Text\r\n\r\n```\r\ncode\nmore\r\n```\r\n", "Text\r\n\r\n```\r\ncode\nmore\r\n```\r\n",
                path="a.md", note="reported, not rewritten: the code block is the author's"),
        Example("<p>One</p>\r\n<p>Two</p>\n<p>Three</p>\r\n", "<p>One</p>\r\n<p>Two</p>\r\n<p>Three</p>\r\n",
                path="a.html"),
        Example("<p>Text</p>\n<pre>line\r\nline</pre>\n<p>x</p>\n", "<p>Text</p>\n<pre>line\r\nline</pre>\n<p>x</p>\n",
                path="a.html", note="inside pre: reported, kept"),
        Example("Text\n\n::\n\n    code\r\rMore\n", "Text\n\n::\n\n    code\r\rMore\n", path="a.rst",
                note="the CR after the kept one in code stays: an LF there would make one CRLF of two breaks"),
    )
    allow = (
        Example("All\nLF\nhere\n"),
        Example("All\r\nCRLF\r\nhere\r\n"),
        Example("All\rCR\rhere\r"),
        Example("One line, no ending"),
        Example(""),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if "\r" not in text:
            return
        counts = _counts(text)
        if len(counts) < 2:
            return
        majority = max(counts, key=lambda e: (counts[e], e == "\n"))
        verbatim = [] if self.opts.fix_code else doc.memo.get("verbatim", [])
        minority = [(m.start(), eol) for m in _EOL.finditer(text) if (eol := m.group()) != majority]
        edits: list[tuple[int, int, str]] = []
        kept = 0
        for start, eol in minority:
            if verbatim and in_ranges(verbatim, start):
                kept += 1
            elif (majority[0] == "\n" and text[start - 1 : start] == "\r") or (
                    majority[-1] == "\r" and text[start + len(eol) : start + len(eol) + 1] == "\n"):
                # A CR kept just before (inside code) and an LF written here would read as one CRLF:
                # two line breaks would become one.
                continue
            else:
                edits.append((start, start + len(eol), majority))
        related = [Related(start, start + len(eol), f"{_NAMES[eol]} line ending") for start, eol in minority[1:]]
        yield self.finding_at(minority[0][0], minority[0][0] + len(minority[0][1]),
                              _message(minority, majority, kept), edits=edits or None, related=related)


def _counts(text: str) -> Counter[str]:
    """The line endings of each kind in ``text``, the kinds in the order they first occur, counted in C: a
    list of every line ending (a tuple each) took 143 MB for a file of a million CRLF lines (issue 18)."""
    counts = line_breaks_by_kind(text)
    first = {eol: m.start() for eol, pattern in _FIRST.items() if counts[eol] and (m := pattern.search(text))}
    return Counter({eol: counts[eol] for eol in sorted(first, key=first.__getitem__)})


def _message(minority: list[tuple[int, str]], majority: str, kept: int) -> str:
    """What the file mixes, counted: one finding per file (a pasted translation brings hundreds)."""
    counts = Counter(eol for _, eol in minority)
    kinds = " and ".join(f"{n} {_NAMES[eol]}" for eol, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    noun = "line ending" if len(minority) == 1 else "line endings"
    message = f"{kinds} {noun} in a file of {_NAMES[majority]} line endings"
    if len(minority) > 1:
        message += " (the first here)"
    if kept:
        message += f"; {kept} inside code, kept" if kept < len(minority) else " (inside code: kept)"
    return message
