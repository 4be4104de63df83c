"""S101 leading-metadata-label: a page-metadata label and value glued in front of a paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.options import RuleOptions, option
from lint.patterns import compiled
from lint.rule import Example, Rule, rule_data

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = (
    r"(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
    rf"|\d{{1,2}} {_MONTH},? \d{{4}}"
    rf"|{_MONTH} \d{{1,2}},? \d{{4}})"
)
_TIME = r"(?:\d{1,2}[:.]\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|MSK|[A-Z]{3,4}))?)"
# A relative time as feeds print it: `2 hours ago`, `yesterday`.
_AGO = r"(?:(?:\d{1,3}|an?|one)\s(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\sago|yesterday|just now)"
_DATE_VALUE = rf"(?:{_DATE}(?:,?\s(?:at\s)?{_TIME})?|{_TIME}(?:,?\s{_DATE})?|{_AGO})"
_CREDIT_VALUE = r"(?:(?!(?:The|A|An|This|That|These|It)\b)[A-Z][\w.&'-]*(?:[ /][A-Z][\w.&'-]*){0,3})"
_NAME = r"(?:[A-Z][a-z'’-]+(?: [A-Z]\.)?(?: [A-Z][a-z'’-]+){1,2})"


_CREDIT_WORDS = frozenset("via by and for of from on the courtesy de di von van".split())


def _text_follows(rest: str) -> bool:
    """What is left after the label is a sentence, not more of the credit or the date: three words or
    more, one of them a lowercase word that credits do not use (`Olivier Douliery/AFP via Getty Images`,
    `CET.`, `Wells` are not text)."""
    words = rest.split(None, 12)
    if len(words) < 3 or " via " in rest[:80]:
        return False
    return any(w[0].islower() and w.strip(".,;:!?") not in _CREDIT_WORDS for w in words)


@lru_cache(maxsize=1)
def default_labels() -> dict[str, list[str]]:
    data: dict[str, list[str]] = rule_data(Path(__file__).parent / "data" / "metadata_labels.yaml")
    return data


def _alternation(words: list[str]) -> str:
    # Longest first; words of one length in their own order, so that a run makes the pattern the runs before
    # it made and kept (``lint.patterns.compiled``), not one in the order of a set (which varies with
    # Python's hash seed from run to run). Among words of one length at most one can match at a place.
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=16)
def _pattern(extra: tuple[tuple[str, tuple[str, ...]], ...]) -> re.Pattern[str]:
    labels = {k: list(v) for k, v in default_labels().items()}
    for key, words in extra:
        labels.setdefault(key, []).extend(words)
    date = _alternation(labels.get("date", []))
    credit = _alternation(labels.get("credit", []))
    byline = _alternation(labels.get("byline", []))
    # Through lint.patterns.compiled: its opcodes are kept between runs (compiling it costs some 5 ms a run).
    return compiled(
        # A date label may take its preposition (`Posted on …`, `Updated at …`) and the author after the
        # date (`… by admin`, `… by Jane Doe`), as blog and CMS templates print them.
        rf"(?P<label>(?i:{date})):?(?:\s+(?i:on|at))?\s+{_DATE_VALUE}"
        rf"(?:\s+(?i:by)\s+(?:{_NAME}|[a-z][\w.-]{{1,20}}))?[\s|·•—–-]+(?=[A-Z“\"‘'(])"
        rf"|(?P<credit>(?i:{credit})):\s*{_CREDIT_VALUE}(?:\s*[/|·•]\s*{_CREDIT_VALUE})?[\s|·•—–-]+(?=[A-Z“\"‘'])"
        rf"|(?P<byline>(?i:{byline}))\s+{_NAME}(?:\s*(?:,|and)\s*{_NAME})*(?:\s*[|·•]|\s+[—–-])\s*"
        rf"(?:{_CREDIT_VALUE}\s*[|·•—–-]?\s*)?(?=[A-Z“\"‘'])"
        # `By Anna Petrova, Reuters The …`: after a comma the outlet is required (`By Christmas Eve, most …`).
        # The word after the outlet starts the text, not the next name of a list of authors (`by Steve
        # Klabnik, Carol Nichols, and Chris Krycho, with contributions …`: no outlet there).
        rf"|(?P<byline_outlet>(?i:{byline}))\s+{_NAME},\s+{_CREDIT_VALUE}\s+(?=[A-Z“\"‘'])"
        rf"(?![A-Z][\w.&'’-]*(?:,|\s+and\b))"
    )


class LeadingMetadataLabel(Rule):
    code = "S101"
    slug = "leading-metadata-label"
    summary = "Page metadata (date, credit, byline) glued in front of the text"
    rationale = """
**What it does.** Flags a label and its value — a date or time (`date 2024-01-24`, `Updated 10:42
GMT`), a photo credit (`Photo: AP`), a byline with a separator (`By Jane Doe | Reuters`) — at the very
start of a paragraph or caption that goes on with the text.

**Why is this bad?** It is the page's metadata, scraped together with the caption or paragraph it sat
next to. Readers see `date 2024-01-24 Videograb shows an explosion…`, and the real first word loses its
capital position.

The label words are data (`rules/scrape/data/metadata_labels.yaml`); add your CMS's with the option
`extend-labels: {date: [...], credit: [...], byline: [...]}`.
"""
    severity = Severity.WARNING
    fix = Applicability.SAFE
    fix_note = "Deletes the label, its value and the separator after it; the text that follows is untouched."

    @dataclass(frozen=True)
    class Options(RuleOptions):
        """The rule's options (config `rules: {S101: {...}}`; see `copylint explain`)."""

        extend_labels: dict[str, tuple[str, ...]] = option(  # noqa: RUF009 (option() copies the dict)
            {}, "label words added to the built-in ones, by kind", keys=("date", "credit", "byline"))
    opts: Options
    kinds = frozenset({"paragraph", "caption", "list_item", "blockquote"})
    # The default label words, or (for labels added with `extend-labels`) up to four words and then a
    # colon or a number: every date and credit label has one of the two.
    # Both tried at each paragraph's start, so each fails fast: the label words factored by their first
    # letters (one branch tried per character, not each word), and the words possessive (`++`, `{0,3}+`):
    # a word cut shorter, or fewer of them, is followed by a letter or a space and a letter, never by the
    # colon or number that must follow, so backtracking into them never found a match (the same matches:
    # tests/test_fast_gates.py).
    trigger = (
        r"^(?:(?i:by|cre(?:ated|dit)|date(?:d)?|f(?:irst|oto)|i(?:llustration|mage|ssued)|last|modified"
        r"|p(?:hoto|icture|osted|ublished)|re(?:leased|porting)|source|updated|video|written)\b"
        r"|[^\W\d_]++(?: [^\W\d_]++){0,3}+(?::| \d))"
    )
    flag = (
        Example(" date 2024-01-24 Videograb shows an explosion following the plane crash.",
                " Videograb shows an explosion following the plane crash."),
        Example("Updated 10:42 GMT The minister said the talks would resume.",
                "The minister said the talks would resume."),
        Example("Photo: AP Protesters gather outside parliament.", "Protesters gather outside parliament."),
        Example("By Jane Doe | Reuters The central bank raised rates.", "The central bank raised rates."),
        Example("Published: 12 March 2023 The report was released on Monday.", "The report was released on Monday."),
        Example("Posted March 3, 2024 at 9:15 am Residents were evacuated.", "Residents were evacuated."),
        Example("Image: Getty Images A view of the city at night.", "A view of the city at night."),
        Example("Last updated 2023-11-05T14:30:00Z Officials confirmed the figures.",
                "Officials confirmed the figures."),
        Example("Credit: Reuters/Jane Doe The bridge after the strike.", "The bridge after the strike."),
        Example("Posted 2 hours ago The Moscow task force reported new cases.", "The Moscow task force reported new cases."),
        Example("By Anna Petrova, Reuters The central bank cut its key rate.", "The central bank cut its key rate."),
        Example("Updated on 3 May 2022 by jsmith The ferry timetable changes next week.",
                "The ferry timetable changes next week.", note="a preposition and the author around the date"),
        Example("Published at 09:30 by Maria Lopez Rescue teams reached the village.",
                "Rescue teams reached the village."),
    )
    allow = (
        Example("by Steve Klabnik, Carol Nichols, and Chris Krycho, with contributions from the Rust Community\n",
                note="a list of authors, not a byline glued to text"),
        Example("Videograb shows an explosion following the plane crash."),
        Example("Updated figures were released on Monday."),
        Example("Photo editors chose the image carefully."),
        Example("By Monday the talks had collapsed."),
        Example("Date: 2024-01-24"),
        Example("Published in 2023, the report found rising prices."),
        Example("The photo: AP says it is authentic."),
        Example("By the way, the date 2024-01-24 was a Wednesday."),
        Example("Source: the Ministry of Defense said 65 soldiers were on board."),
        Example("Source:  The American Heritage Dictionary of the English Language."),
        Example("Photo: Olivier Douliery/AFP via Getty Images", note="a credit line alone is S102's"),
        Example("Foto: Marco Roepers [CC BY-SA 3.0], via Wikimedia Commons"),
        Example("Published: 28 Apr, 2020 CET."),
        Example("By David Wallace-Wells"),
        Example("VIDEO: Breast Cancer Symptoms That Aren't Lumps"),
        Example("By The Planetary Press - January 17, 2020"),
        Example("By Christmas Eve, most shops had closed."),
        Example("Posted 2 hours ago"),
        Example("By Christmas Eve, Shoppers had left the city centre."),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        extra = self.opts.extend_labels
        pattern = _pattern(tuple((k, tuple(v)) for k, v in sorted(extra.items())))
        m = pattern.match(seg.text)
        if m is None or not _text_follows(seg.text[m.end() :]):
            return
        label = m.group().strip(" |·•—–-")
        yield self.finding(seg, 0, m.end(), f"Page metadata '{label}' glued to the text", "")
