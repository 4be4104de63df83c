"""S102 boilerplate-line: a line that is page furniture, not content (Advertisement, Share this article…)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache, partial
from pathlib import Path

import yaml

from lint.model import Applicability, Document, Finding, Severity
from lint.rule import Example, Rule

_LINE = re.compile(r"[^\r\n]+(?:\r\n|\r|\n)?")
_AFTER_SENTENCE = re.compile(r"[.!?:;\"”’)\]][ \t]*(?:\r\n|\r|\n)")
_TRIM = " \t\u00a0•·|>»›→←<«‹-–—*:.!…"
# Segments that are never page furniture: a heading or a cell is the document's own; a catalogue
# string ("Terms & Conditions", "Share") is the app's interface, whatever it reads like.
_NOT_FURNITURE = frozenset({"heading", "table_cell", "string", "msgstr", "target"})


@lru_cache(maxsize=1)
def default_lists() -> dict[str, list[str]]:
    data: dict[str, list[str]] = yaml.safe_load(
        (Path(__file__).parent / "data" / "boilerplate.yaml").read_text(encoding="utf-8")
    )
    return data


class _Judge:
    """Whether one line is furniture by the phrase lists: an exact line, a prefix with something after
    it, or a pattern matching the whole line. Built once per set of lists."""

    def __init__(self, phrases: tuple[str, ...], prefixes: tuple[str, ...], patterns: tuple[str, ...]) -> None:
        self.exact = frozenset(p.strip(_TRIM).lower() for p in phrases)
        self.prefix_re = (re.compile("|".join(re.escape(p.lower()) for p in sorted(prefixes, key=len, reverse=True)))
                          if prefixes else None)
        self.whole_re = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None

    def furniture(self, line: str, kind: str, continues: Callable[[], bool]) -> bool:
        key = line.strip(_TRIM).lower()
        if not key or len(key) > 120:
            return False
        bare = line.strip(" \t\u00a0")
        if key in self.exact and not (" " not in key and bare.endswith(":")) and not (
                # "+ Comments." in a list, "Print" as a list item: the document's own words
                (bare.endswith(".") and not bare.endswith("..") and " " not in key)
                or (kind == "list_item" and " " not in key)):
            return True
        if self.prefix_re is not None:
            body = line.strip(" \t\u00a0•·|>»›→*")
            pm = self.prefix_re.match(body.lower())
            if (pm is not None and len(key.split()) <= 12 and body[pm.end():].strip(_TRIM) != ""
                    and not continues()):
                return True
        if kind == "list_item":
            return False
        return self.whole_re is not None and self.whole_re.fullmatch(line.strip(" \t\u00a0•·|")) is not None


@lru_cache(maxsize=16)
def _judge(phrases: tuple[str, ...], prefixes: tuple[str, ...], patterns: tuple[str, ...]) -> _Judge:
    return _Judge(phrases, prefixes, patterns)


class BoilerplateLine(Rule):
    code = "S102"
    slug = "boilerplate-line"
    summary = "A line of page furniture (share buttons, ads, newsletter prompts) in the text"
    rationale = """
**What it does.** Flags a line that is, as a whole, page furniture: `Advertisement`, `Share this
article`, `Read more: …`, `Sign up for our newsletter`, `Skip to content`, cookie and paywall notices,
social buttons, a standalone image credit (`Photo: AP`, `(Getty Images)`), `12 comments`.

**Why is this bad?** Scrapers that take a page's text keep the words of its buttons, banners and
widgets. In a published article they read as nonsense between paragraphs.

The phrase lists are data (`rules/scrape/data/boilerplate.yaml`: exact lines, prefixes, patterns).
Extend them for your CMS with the options `extend-phrases`, `extend-prefixes`, `extend-patterns`, or
replace them with `phrases`, `prefixes`, `patterns`.
"""
    severity = Severity.WARNING
    fix = Applicability.SAFE
    fix_note = "Deletes the whole line, its line ending included; nothing else on other lines changes."
    scope = "document"
    options = {
        "phrases": None, "prefixes": None, "patterns": None,
        "extend-phrases": [], "extend-prefixes": [], "extend-patterns": [],
    }
    flag = (
        Example("The plane crashed.\nAdvertisement\nOfficials said 74 people were on board.\n",
                "The plane crashed.\nOfficials said 74 people were on board.\n"),
        Example("First paragraph.\n\nShare this article\n\nSecond paragraph.\n",
                "First paragraph.\n\n\nSecond paragraph.\n"),
        Example("Read more: Russia and Ukraine swap prisoners\n", ""),
        Example("Text.\nSign up for our newsletter\n", "Text.\n"),
        Example("Skip to content\nThe real article starts here.\n", "The real article starts here.\n"),
        Example("Text.\r\n  • Share on Facebook  \r\nMore text.\r\n", "Text.\r\nMore text.\r\n"),
        Example("Text.\n(Getty Images)\nMore text.\n", "Text.\nMore text.\n"),
        Example("Text.\n12 comments\n", "Text.\n"),
        Example("Text.\nThis website uses cookies to improve your experience.\n", "Text.\n"),
        Example("Text.\n\nCategory : Press Releases\n", "Text.\n\n"),
        Example("By U.S. CUSTOMS AND BORDER PROTECTION\n\nAgents seized 40 kg.\n", "\nAgents seized 40 kg.\n"),
        Example("Text.\n\nGET THE BOING BOING NEWSLETTER\n", "Text.\n\n"),
        Example("Text.\n\n© 2020 Vox Media, LLC. All rights reserved.\n", "Text.\n\n"),
        Example("Text.\n\nDo Not Sell My Personal Information\n", "Text.\n\n"),
    )
    allow = (
        Example('msgid "Partager cet article"\nmsgstr "Share this article"\n', path="messages.po",
                note="a catalogue string is the app's own button"),
        Example("Officials said the advertisement was misleading.\n"),
        Example("Share prices rose by 3% on Monday.\n"),
        Example("Read more about the history of the region in our archive, which covers 200 years.\n",
                note="a prefix line that goes on like a sentence is still flagged only when short"),
        Example("Home prices fell for a third month.\n"),
        Example("The committee will print this article in its bulletin.\n"),
        Example("Comments from the minister were brief.\n"),
        Example("```\nAdvertisement\n```\n", path="a.md"),
        Example("Subscribers received the report on Monday.\n"),
        Example("# Contact us\n", path="a.md", note="a heading is a page's own structure"),
        Example("To see the output, we\nprint\nthe result and read it.\n"),
        Example("The following may appear before it:\n\n+ The module docstring (if any).\n+ Comments.\n"
                "+ Blank lines.\n", path="a.rst"),
        Example("Read more about HAMT in [5]_.  The CPython implementation [1]_ has a\n"
                "fairly detailed description of the algorithm.\n", path="a.rst"),
        Example("References\n==========\n\nRelated:\n\n* :pep:`384` \"Defining a Stable ABI\"\n", path="a.rst"),
        Example("By Monday the talks had collapsed and both delegations had gone home.\n"),
        Example("In May 2019 the council met again.\n"),
        Example("Dear Editor,\n\nFebruary 1995\n\nI write about the bridge.\n", note="a letter's date is content"),
        Example("Tags are free-form labels; see the guide.\n"),
        Example("Release schedule:\n\n- September 29, 2017\n- 3.3.7 final: September 19, 2017\n", path="a.rst"),
        Example("The toolbar has three buttons:\n\n- Print\n- Share\n- Close\n", path="a.md"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        lists = default_lists()
        o = self.opts
        phrases = tuple((o["phrases"] or lists.get("phrases", [])) + list(o["extend-phrases"]))
        prefixes = tuple((o["prefixes"] or lists.get("prefixes", [])) + list(o["extend-prefixes"]))
        patterns = tuple((o["patterns"] or lists.get("patterns", [])) + list(o["extend-patterns"]))
        judge = _judge(phrases, prefixes, patterns)
        text = doc.text
        for seg in doc.segments:
            if seg.kind in _NOT_FURNITURE:
                continue
            start = seg.to_source(0)
            end = seg.to_source_end(len(seg.text))
            # Candidate lines: the segment's first line, and lines after a line that ended a sentence
            # (inside a wrapped paragraph, "we\nprint\nthe result" is prose). Long lines are prose.
            candidates = [start] if "\n" not in seg.text else [start, *(
                seg.to_source(m.end()) for m in _AFTER_SENTENCE.finditer(seg.text) if m.end() < len(seg.text))]
            for line_start in candidates:
                m = _LINE.match(text, line_start, min(end + 2, len(text)))
                if m is None or m.end() - m.start() > 160:
                    continue
                if doc.protected and doc.is_protected(m.start()):
                    continue
                line = m.group().rstrip("\r\n")
                if judge.furniture(line, seg.kind, partial(_continues, text, m.end(), end)):
                    yield self.finding_at(m.start(), m.end(), f"Boilerplate line '{line.strip()[:50]}'", "")


def furniture_line(line: str) -> bool:
    """True when one line, alone, is page furniture by the default lists (exact phrase, prefix or
    pattern), as S102 judges a line outside a list; S110 uses it to find the anchors of a block."""
    lists = default_lists()
    judge = _judge(tuple(lists.get("phrases", [])), tuple(lists.get("prefixes", [])), tuple(lists.get("patterns", [])))
    return judge.furniture(line, "paragraph", lambda: False)


def _continues(text: str, line_end: int, seg_end: int) -> bool:
    """The next line of the same paragraph starts lowercase: the line was wrapped mid-sentence."""
    if line_end >= seg_end:
        return False
    nxt = text[line_end : line_end + 80].lstrip(" \t")
    return nxt[:1].islower()
