"""S112 repeated-line-across-files: the same line in many documents of a run (site furniture)."""

from __future__ import annotations

from dataclasses import dataclass

from lint.model import Severity
from lint.options import RuleOptions, option
from lint.rule import Example, Rule

_STORY = ("Harbour workers ended a three-day strike on Friday after the port authority agreed to hire "
          "more crane operators, union leaders said.\n")
_OTHER = ("The city council approved the new budget on Tuesday, with more money for buses and "
          "less for road building, after a debate that lasted into the night.\n")
_THIRD = ("Schools across the county closed early on Monday as the first snow of the winter fell, "
          "and officials said buses would run late on Tuesday.\n")


def _pages(line: str, *others: str) -> tuple[str, tuple[str, ...]]:
    """A story with ``line`` after it, and two other stories with the lines ``others`` (default: the same)."""
    second, third = (others + (line, line))[:2]
    return (f"{_STORY}\n{line}\n", (f"{_OTHER}\n{second}\n", f"{_THIRD}\n{third}\n"))


def _example(line: str, *others: str, note: str = "") -> Example:
    text, tree = _pages(line, *others)
    return Example(text, note=note, tree=tree)


class RepeatedLineAcrossFiles(Rule):
    code = "S112"
    slug = "repeated-line-across-files"
    summary = "A line that many documents of the run hold word for word (site furniture)"
    rationale = """
**What it does.** Counts, over all the documents of one run (the files `copylint check` is given, the
records of `copylint corpus`), how many distinct documents hold each line, and flags a line of prose
that `min-documents` documents or more hold: `Story continues below advertisement`, `Comments are
closed.`, `This article is more than 2 years old`, a site's credit or newsletter line. Lines are
compared with spaces collapsed, case folded and every number read alike (`2 years`, `3 years`); only
lines of three words or more count. A heading, a code block, front matter and markup are never
flagged, and copies of one document count once.

**Why is this bad?** Phrase lists know the furniture of the sites they were written from. What every
site's furniture shares is that it repeats on every page of the site while its articles do not: the
line-frequency signal that web-corpus pipelines (C4, Gopher, FineWeb) remove boilerplate by. A line
that the pages of a scraped tree hold word for word is the site's, not the article's.

Off by default: select it (`--select S112`, or the `S` family) on scraped text. In a tree a person
wrote, lines repeat on purpose (a licence notice, a standing note), and a single file or a text on
stdin has nothing to compare with. It needs the whole run first: one pass over the documents' line
hashes before any is checked (a document the results cache knows gives its hashes from there, unread).
Report only: the line may be the site's notice the text needs.
"""
    severity = Severity.INFO
    fix = None
    scope = "tree"
    default_enabled = False

    @dataclass(frozen=True)
    class Options(RuleOptions):
        min_documents: int = option(3, "how many distinct documents of the run must hold a line", minimum=2)

    opts: Options
    flag = (
        _example("Story continues below advertisement"),
        _example("This article is more than 2 years old", "This article is more than 3 years old",
                 note="numbers read alike"),
        _example("Comments are closed.", "COMMENTS ARE  CLOSED.", note="case and spaces read alike"),
        _example("Scroll to continue with content"),
        _example("Copyright 2021 The Associated Press. All rights reserved.",
                 "Copyright 2023 The Associated Press. All rights reserved."),
        _example("Sharing is caring!"),
        _example("Sign up for the Morning Brief newsletter"),
        _example("Continue reading the main story"),
        Example("# Port strike ends\n\n" + _STORY + "\n- Follow the Harbour Gazette on Mastodon\n", path="a.md",
                tree=("# Budget passes\n\n" + _OTHER + "\n- Follow the Harbour Gazette on Mastodon\n",
                      "# Snow closes schools\n\n" + _THIRD + "\n- Follow the Harbour Gazette on Mastodon\n"),
                note="a Markdown list item"),
    )
    allow = (
        Example(_pages("Story continues below advertisement")[0], note="one document: nothing to compare with"),
        Example(_pages("Story continues below advertisement")[0],
                tree=(_pages("Story continues below advertisement")[1][0],),
                note="two documents: under min-documents"),
        _example("See also", note="under three words"),
        Example(_pages("Story continues below advertisement")[0],
                tree=(_pages("Story continues below advertisement")[0],) * 2,
                note="copies of one document count once"),
        _example("Story continues below advertisement", "Story continues below the photo",
                 note="other words"),
        Example("# Port strike ends\n\n" + _STORY + "\n## What the union wants next\n", path="a.md",
                tree=("# Budget passes\n\n" + _OTHER + "\n## What the union wants next\n",
                      "# Snow closes schools\n\n" + _THIRD + "\n## What the union wants next\n"),
                note="a heading: the documents' own structure"),
        Example("# Port strike ends\n\n" + _STORY + "\n```\nsee the port authority notice\n```\n", path="a.md",
                tree=("# Budget passes\n\n" + _OTHER + "\n```\nsee the port authority notice\n```\n",
                      "# Snow closes schools\n\n" + _THIRD + "\n```\nsee the port authority notice\n```\n"),
                note="a code block"),
        Example("---\ntitle: Weekly notes from the harbour\n---\n\n" + _STORY, path="a.md",
                tree=("---\ntitle: Weekly notes from the harbour\n---\n\n" + _OTHER,
                      "---\ntitle: Weekly notes from the harbour\n---\n\n" + _THIRD),
                note="front matter"),
        Example("<!-- copylint-disable-next-line S112 -->\nFollow the Harbour Gazette on Mastodon\n\n" + _STORY,
                path="a.md",
                tree=("Follow the Harbour Gazette on Mastodon\n\n" + _OTHER,
                      "Follow the Harbour Gazette on Mastodon\n\n" + _THIRD),
                note="an inline switch"),
    )
