"""S106 glued-sentences: a sentence end with no space before the next sentence (`said.The`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.rule import Example, Rule

# A lowercase word of three letters or more, a sentence end, then a capitalized word of two letters or
# more: `said.The`, `over!Now`, `ready?Yes`, `end.”The`.
_GLUED = re.compile(r"(?<![\w.@/\\-])([A-Za-z]?[a-z]+)([.!?][”\"’)]?)(?=[A-Z][a-z]+\b)")
# Things with a dot between a lowercase and a capitalized part that are not sentences.
_NOT_PROSE = re.compile(
    r"e\.g|i\.e|etc|vs|cf|al|approx|incl|fig|no|vol|ch|sec|ed|jr|sr|st|dr|mr|mrs|ms|prof|inc|ltd|co|corp",
    re.IGNORECASE,
)


class GluedSentences(Rule):
    code = "S106"
    slug = "glued-sentences"
    summary = "Two sentences glued together without a space"
    rationale = """
**What it does.** Flags a full stop, question or exclamation mark between a lowercase word and a
capitalized word with no space: `officials said.The plane…`.

**Why is this bad?** The space was a line break or a block boundary in the page (`</p><p>`) that the
extraction dropped. Readers stumble, and sentence-based tools (search snippets, TTS, MT) read one
sentence where there are two.

Not flagged: URLs and domains (`example.com`, `Node.js`), file names (`setup.py`), abbreviations
(`e.g.`, `U.S.`), initials (`J.R.R.`), identifiers (`obj.Method`, `ASP.NET`), decimals and versions.
"""
    severity = Severity.WARNING
    fix = Applicability.UNSAFE
    fix_note = "Inserts a space after the mark; unsafe because a product or code name may have been meant."
    languages = frozenset({"en"})
    trigger = r"[.!?][”\"’)]?[A-Z][a-z]"  # the mark first: a letter class first would start everywhere
    flag = (
        Example("Russian news agencies said.The plane was carrying soldiers.",
                "Russian news agencies said. The plane was carrying soldiers."),
        Example("No information has been published.Officials declined to comment.",
                "No information has been published. Officials declined to comment."),
        Example("Is it over?Nobody knows.", "Is it over? Nobody knows."),
        Example("What a match!Fans cheered for an hour.", "What a match! Fans cheered for an hour."),
        Example("He said “enough.”Then he left.", "He said “enough.” Then he left."),
        Example("The talks ended on Monday.Both sides blamed each other.",
                "The talks ended on Monday. Both sides blamed each other."),
        Example("Read the full story here.Subscribe to our newsletter.",
                "Read the full story here. Subscribe to our newsletter."),
        Example("It rained all week.Farmers welcomed it.", "It rained all week. Farmers welcomed it."),
    )
    allow = (
        Example("Visit example.com for details."),
        Example("Written in Node.js and ASP.NET by the team."),
        Example("Edit setup.py and README.md first."),
        Example("Call obj.Method and then self.Run."),
        Example("Fruit, e.g.Apples, are healthy."),
        Example("The U.S. Army and the U.K. Navy."),
        Example("J.R.R. Tolkien wrote it."),
        Example("Version 3.11 was released; pi is 3.14."),
        Example("The module os.Path is not real, but looks like code."),
        Example("See Connection.ProgrammingError and \"components.Filter\" for details."),
        Example("* parts.Contents: Generates a table of contents."),
        Example("Register classes like decimal.Decimal with an ABC, or the mx.Proxy package."),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        text = seg.text
        for m in _GLUED.finditer(text):
            word, mark = m.group(1), m.group(2)
            if len(word) < 3 or _NOT_PROSE.fullmatch(word):
                continue
            after = text[m.end() :]
            nxt = re.match(r"[A-Za-z]+", after)
            follow = text[m.end() + nxt.end() : m.end() + nxt.end() + 1] if nxt else ""
            if follow and not follow.isspace() and follow not in ",;":
                continue  # code or a name: obj.Method(), a.B.c, parts.Contents:, paths
            if nxt and (any(c.isupper() for c in nxt.group()[1:]) or nxt.group().lower() == word.lower()):
                continue  # CamelCase after the dot: Connection.ProgrammingError
            token_start = max(text.rfind(" ", 0, m.start(1)), text.rfind("\n", 0, m.start(1))) + 1
            if text[token_start : m.start(1)] and text[token_start] in "\"'“‘`(<[" and mark in ".!?":
                continue  # quoted or bracketed identifier: "components.Filter"
            if mark == "." and _looks_like_code(text, m.start(1)):
                continue
            at = m.end(2)
            yield self.finding(seg, m.start(2), at, f"No space after '{mark}' between two sentences",
                               edits=[(at, at, " ")])


def _looks_like_code(text: str, start: int) -> bool:
    """`self.Run`, `os.Path`: a short identifier-like word right after a space or bracket."""
    word_end = text.find(".", start)
    word = text[start:word_end]
    return word in ("self", "obj", "this", "os", "sys", "cls", "np", "pd", "re", "io") or "_" in word
