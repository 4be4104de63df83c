"""S110 furniture-block: a run of short link lines (a menu, a list of related headlines) or readers'
comments kept as text."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice, pairwise

from lint.model import Document, Finding, Severity, line_break_count
from lint.options import RuleOptions, option
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

from ._furniture import LINE, expanded, furniture_line

# A sentence's end (with a closing quote or bracket after it).
_END = compiled_on_use(r"[.!?;,…:][\"”’)\]]?$")
# A cut teaser of another article: "The minister said the talks would go on until..."
_TEASER = compiled_on_use(r"\w(?:\.\.\.|…)$")
# Code, markup, header fields (`Status: Final`), measurements, phone numbers: never a menu item.
_CODE = compiled_on_use(r"^[A-Z][\w-]*: |[={};<>$\\]|\w\(|^#|^//|--\w|\w_\w|::|\d\.\d|^\+?\(?\d[\d ()/-]{6,}$")
# A date standing alone (a teaser's or a byline's): Oct 9, 2019 / 11 Jan 2019 / Posted on April 29, 2022. The
# month and the dateline's word are boilerplate.yaml's definitions; the weekday and the day are written here
# (one space between words, a month with its year alone: `March 2019`), narrower than S102's timestamps'.
_DATE_SOURCE = expanded(
    r"(?:(?&dateline)(?: on)?:? +)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? )?"
    r"(?:\d{1,2}(?:st|nd|rd|th)? (?&month),? \d{4}|(?&month) (?:\d{1,2}(?:st|nd|rd|th)?,? +)?\d{4}"
    r"|\d{4}-\d\d-\d\d|\d{1,2}[./]\d{1,2}[./]\d{2,4})")
_DATE = compiled_on_use(f"(?i){_DATE_SOURCE}")
# A separator or a count left alone on its line: "|", "/", "(576)".
_SEPARATOR_SOURCE = r"(?:[|/•·>»›<«‹–—-]|\(?\d{1,5}\)?)"
_SEPARATOR = compiled_on_use(_SEPARATOR_SOURCE)
# A line that stops on a function word goes on in the next line: "My book gave an example as being"
_DANGLING = compiled_on_use(r"(?i)\b(?:a|an|the|of|to|for|as|being|and|or|with|in|on|at|from|that|is|are|was|were)$")
# Where a title's parts meet (`Fixes | Example News`). A cut starts only where a run of spaces starts (the
# lookbehind): from inside a run that no separator ends, the split read the rest of the run again from each
# space (a first line with 16,000 spaces in it: 2.3 s through the CLI), and from inside a run that one ends, the
# cut from the run's start was already taken.
_TITLE_SPLIT = compiled_on_use(r"(?<! ) +[|/–—-] +")

# One reader's comment's head or foot: `jjackwagon says:`, `November 19, 2019 at 9:03 am`, `2 days ago at 07:50 am`.
# (Not `wrote:`: a mail quotes the messages it answers under `On Monday, Jane wrote:`, its own text.) The
# date, the time and its zone are boilerplate.yaml's definitions, S102's timestamps' (a zone is a few letters
# ending in T, or UTC: `9:03 and` has none).
_COMMENT_HEADER_SOURCE = r"\S.{0,40}? says:"
_COMMENT_HEADER = compiled_on_use(_COMMENT_HEADER_SOURCE)
_COMMENT_STAMP_SOURCE = expanded(
    r"(?:(?&date)|(?&age))(?:,? +(?:at|@|-|\|)?) *(?&clock)"
    r"(?:(?&zone))?|(?&clock)(?:(?&zone))?,? +(?:on )?(?&day)")
_COMMENT_STAMP = compiled_on_use(f"(?i){_COMMENT_STAMP_SOURCE}")
# A link's source named in a list's entry: `via The Verge`, `Source: Reuters`, `theverge.com`.
_SOURCE = compiled_on_use(r"(?i)\b(?:via|source:) \S|(?<![\w-])-*+\b[\w-]++\.(?:com|org|net|co\.uk|io)\b")
# A comment's age, as comment systems print it (`2 days ago at 07:50 am`); an article's dates are absolute.
_AGE = compiled_on_use(expanded("(?&age)"))
_COMMENT_MARKS = 3
_RECORDS = 4
_COMMENT_GAP = 12

PROSE, SHORT, QUESTION, ANCHOR = 0, 1, 2, 3


def _tail(line: str) -> int:
    """Where to start looking for ``_END``, ``_TEASER`` or ``_DANGLING`` in a line: a few characters
    before its end, since each matches at most 5 characters before the end (or a final newline), one
    for one (IGNORECASE too), and a boundary or lookbehind still sees the characters before. A search
    from the line's start tries every character, most of a long line's cost."""
    return max(0, len(line) - 8)


def _kind(line: str, nxt: str | None) -> int:
    """What a line is, alone: prose (breaks a run), a short label, a short question, or furniture."""
    if _DATE.fullmatch(line) or _SEPARATOR.fullmatch(line):
        return ANCHOR
    words = line.count(" ") + 1
    if nxt is not None and nxt[:1].islower():
        return PROSE  # hard-wrapped prose: the sentence goes on in the next line
    if _TEASER.search(line, _tail(line)) and words <= 40 and not line[:1].islower():
        return SHORT
    if words > 16 or len(line) > 130 or _CODE.search(line):
        return PROSE
    if line[-1] in "?!":
        return QUESTION if words <= 10 else PROSE  # a reader's question, a subheading: never a menu item
    if _END.search(line, _tail(line)) and words > 3:
        return PROSE
    if line[:1].islower() and words > 3:
        return PROSE
    return SHORT


class FurnitureBlock(Rule):
    code = "S110"
    slug = "furniture-block"
    summary = "A block of short link lines (menu, related headlines, footer links) kept as text"
    rationale = """
**What it does.** In plain text, flags a run of short lines (few words, no sentence punctuation, no code)
that stands next to page furniture (`Related`, `Share`, `Home`, `Privacy Policy`, a lone date): the
site's menu, a list of other articles' headlines, the footer's links. One finding covers the block.

**Why is this bad?** A scraper that keeps a page's text keeps its navigation too. A reader of the
article meets twenty lines of section names or unrelated headlines between paragraphs.

A line alone does not tell a menu item from a heading, so the rule looks at the run: at least four
short lines in a row, with a line that `S102` (boilerplate-line) or a lone date marks as furniture
within `window` lines. The document's title (its first line) and lines that repeat it, lines before
a wrapped sentence, and Markdown or reST documents (their lists and headings are marked up) are never
flagged, nor a list that a sentence announces with a colon, its items phrases in lower case after their first
word (`Examples of tax avoidance:` over `Claiming deductions`), up to its first furniture line, nor a run of such
phrases whose only furniture is a sentence (a call to action: `Click here to download the game.`); a sentence
that names other pages or the site's offers (`Other stories you may enjoy:`, `Sign up for our newsletter.`)
leads into furniture, its headlines in sentence case or not. Report only: a person decides where the article ends.

Readers' comments under an article are reported as one block too, with no furniture phrase near them:
three lines or more that head or close a comment (`jjackwagon says:`, `November 19, 2019 at 9:03 am`,
`2 days ago at 07:50 am`), each within twelve lines of the next, after a paragraph of the article's
(five markers where no paragraph comes first: a few dated entries alone are a log's or a diary's own), and
only as a comment system prints them: three names or more, a `says:` line with its time under it, or
comments' ages. An interview's two speakers (`The reporter says:`, `The mayor says:`) and a programme's or
a log's dated entries are the text's own.
The block runs from the name over the first comment to the comment under the last marker.

So is a list of other articles made from one template after an article: a lone date or a separator
(`-`, `(576)`) every two to four lines, four times or more, the lines between them headlines, names or
blurbs shaped alike and without a sentence's end (sentences under dates are a timeline, the article's own).
A bare number is no separator (a recipe's numbered steps), and a date over each entry heads a timeline's
or a changelog's entry unless the entries are shaped as links (a teaser cut short, a source named); a
date under a headline is a teaser's.
"""
    severity = Severity.WARNING
    fix = None
    scope = "findings"

    @dataclass(frozen=True)
    class Options(RuleOptions):
        """The rule's options (config `rules: {S110: {...}}`; see `copylint explain`)."""

        window: int = option(20, "how many lines from a furniture line a short line may be", minimum=1)
        min_lines: int = option(4, "the short lines in a row that make a block", minimum=1)
    opts: Options
    flag = (
        Example("Storm closes schools\n\nThe storm closed every school in the county on Monday.\n\nRelated\n\n"
                "Flooding cuts power to 3,000 homes\n\nBridge reopens after repairs\n\n"
                "Council approves new budget\n", select=("S102",)),
        Example("Rail strike ends\n\nHome\nNews\nSport\nWeather\nContact Us\n\nUnions and the operator agreed "
                "a pay deal late on Tuesday, ending the strike.\n", select=("S102",)),
        Example("Rail strike ends\n\nUnions agreed a deal on Tuesday.\n\nPrivacy Policy\nTerms of Use\n"
                "Careers\nAdvertise With Us\nPress Room\n", select=("S102",)),
        Example("How to repot an orchid\n\nWater it the day before you repot it.\n\nMost Popular\n"
                "Ten houseplants that survive anything\nOct 9, 2019\nWhy your basil keeps dying\nOct 7, 2019\n",
                select=("S102",)),
        Example("Budget vote delayed\n\nThe vote was moved to Thursday.\n\nTrending Stories\n"
                "1 seriously injured in semi-vehicle crash\n8 dead after crash involving suspected smuggler\n"
                "MoPac SB shut down after rollover crash\n", select=("S102",)),
        Example("Python 3 sockets\n\nThe socket module gives access to the BSD socket interface.\n\n"
                "Previous post\nNext post\nArchive\nRSS\nImpressum\n", select=("S102",)),
        Example("Annual report\n\nRevenue grew by 4 percent.\n\nContact Us\nINFORMATION FOR\nAuthors\nReviewers\n"
                "Institutions / Libraries / Agencies\nAdvertisers\n", select=("S102",)),
        Example("Mask shortage\n\nHospitals reported missing boxes.\n\nRELATED STORIES\n"
                "Do masks offer protection from new coronavirus? It depends\n"
                "Hoarding and price-gouging send mask prices soaring\n"
                "Japan gets creative as mask shortages continue\n\nThe incident comes at a time of shortage.\n",
                select=("S102",)),
        Example("Chargers bench their quarterback\n\nThe coach said on Monday that the starter would sit out the next game "
                "after four interceptions against the Chiefs on Sunday night.\n\nlonespeed says:\n"
                "November 19, 2019 at 8:45 am\nHe looked like an aging quarterback.\ntheguiceisright says:\n"
                "November 19, 2019 at 8:53 am\nI don't think the backup is that bad.\nsolo681 says:\n"
                "November 19, 2019 at 9:03 am\nWhy was there no plan?\n", select=("S102",),
                note="readers' comments: a name and a time over each, no furniture phrase near them"),
        Example("Council delays the budget vote\n\nThe vote on next year's budget was moved to Thursday after two members "
                "asked for more time to read the final figures.  \n\nmarkb says: \nNovember 19, 2019 at 8:45 a.m. \n"
                "Another week lost.  \nlinda_r says: \nNovember 19, 2019 at 8:53 a.m. \nThey need the time.  \n"
                "tom1971 says: \nNovember 19, 2019 at 9:03 a.m. \nWhy was it not ready?  \n", select=("S102",),
                note="the same with the spaces scraped text leaves at line ends, and `a.m.`"),
        Example("Rating: 25 Votes\nfmcshan\n2 days ago at 07:50 am\nIt would be nice if Apple switched to a 14-inch model.\n"
                "Rating: 17 Votes\n2 days ago at 07:51 am\nShouldn't 2020 be the year of a redesign?\n"
                "Rating: 12 Votes\n2 days ago at 08:12 am\nNo surprise Apple is keeping the 13-inch model.\n"
                "Rating: 10 Votes\n2 days ago at 07:54 am\nI think this is it.\nRating: 9 Votes\n"
                "PickUrPoison\n2 days ago at 08:49 am\nThe new keyboard is better.\n", select=("S102",),
                note="an extractor that kept the comments alone: five markers"),
        Example("Gas leak closes the village\n\nThe village was closed on Wednesday after a gas leak near the square, "
                "and residents were told to stay away until the evening.\n\nBridge reopens after two years\n"
                "Nov 8, 2023\nCouncil approves speed cameras near schools\nNov 8, 2023\nTax collections fall again\n"
                "Nov 8, 2023\nA new bakery opens in the old bank\nNov 7, 2023\n", select=("S102",),
                note="other articles' headlines, each over its date, with no furniture phrase near them"),
        Example("Chargers bench their quarterback\n\nThe coach said on Monday that the starter would sit out the next "
                "game after four interceptions against the Chiefs.\n\n-\nPats place Olszewski on IR\n"
                "New England's roster is re-shuffling\n-\nPlayoff picture: Raiders in pursuit\n"
                "Breaking down the playoff picture after Sunday's games\n-\nChiefs vs. Chargers: Recap, highlights\n"
                "Kansas City has held on to its lead\n-\nRams top Bears as offenses struggle\n"
                "Neither team could get much going on Sunday night\n", select=("S102",),
                note="a headline and a blurb between separators"),
        Example("Council approves park budget\n\nThe council voted on Tuesday to fund the new riverside park.\n\n"
                "Other stories you may enjoy:\n\nScientists discover water on Mars\n\nStocks tumble as inflation "
                "fears mount\n\nLocal bakery wins national award\n\nPolice investigate break-in at school\n\n"
                "Advertisement\n\nThe park opens next spring.\n", select=("S102",),
                note="a sentence that names other pages over their headlines in sentence case"),
        Example("Council approves park budget\n\nThe council voted on Tuesday to fund the new riverside park.\n\n"
                "Get our morning briefing\n\nTop stories delivered every weekday\n\nExclusive analysis from our "
                "reporters\n\nSign up for our newsletter today.\n\nThe park opens next spring.\n", select=("S102",),
                note="a newsletter's pitch that its call closes"),
    )
    allow = (
        Example("Pineapple Upside-Down Cake\n\nIngredients\n1 can pineapple slices in juice\n"
                "1/2 cup butter\n1 cup brown sugar\n3 eggs\n\nHeat the oven to 350°F.\n", select=("S102",),
                note="a list with no furniture near it is the text's own"),
        Example("Tour Dates\n\nBerlin\nHamburg\nMunich\nVienna\nZurich\n\nTickets go on sale on Friday.\n",
                select=("S102",)),
        Example("Sign up for our newsletter\n\nThe committee met on Monday. The chair said the budget would be\n"
                "Published in full next week, and the members\nAgreed to meet again in May after the\n"
                "recess ended.\n", select=("S102",), note="hard-wrapped prose, lines that go on"),
        Example("Share\n\n    set-option -g mouse on\n    bind-key -T copy-mode-vi y send-keys\n"
                "    set-option -s set-clipboard off\n    unbind-key C-b\n", select=("S102",),
                note="configuration lines are code"),
        Example("Benchmark results\n\nTwitter\ncanada 2.3 GB/s\ncitm_catalog 2.5 GB/s\ngsoc-2018 3.3 GB/s\n"
                "twitter 2.2 GB/s\n", select=("S102",), note="measurements"),
        Example("New Robot Samples Blood\n\nShare\nFacebook\nTwitter\nNew Robot Samples Blood\n\n"
                "A Rutgers-led team has built a blood-sampling robot.\n", select=("S102",),
                note="the title repeated is the article's"),
        Example("# Menu\n\n- Home\n- News\n- Sport\n- Weather\n- Contact us\n", path="a.md", select=("S102",),
                note="Markdown lists are marked up"),
        Example("We answer every letter within a week.\n\nYours sincerely,\nJane Doe\nHead of Communications\n"
                "Acme Ltd\n12 High Street\nLondon EC1A 1BB\n", select=("S102",),
                note="a signature and an address with no furniture near them"),
        Example("The committee met on Monday.\n\nWhat happens next?\nWho pays for it?\nWhen will it open?\n"
                "Where will it stand?\n\nAdvertisement\n", select=("S102",), note="questions are not menu items"),
        Example("Ship's log\n\nWe left the harbour on the first of March with a crew of six and enough food for three "
                "weeks at sea.\n\nMarch 3, 2021 at 6:00 am\nWind north-east, force four; we left the harbour.\n"
                "March 3, 2021 at 12:00 pm\nSighted the lighthouse.\nMarch 4, 2021 at 6:00 am\nBecalmed.\n",
                select=("S102",), note="dated entries, the text's own, after its introduction"),
        Example("Spring festival programme\n\nThe festival returns this year with three evenings of music in the old "
                "town square, and entry is free for everyone.\n\nJune 1, 2024 at 7:30 pm\nOpening concert with the "
                "city orchestra.\nJune 2, 2024 at 3:00 pm\nChildren's choir in the square.\nJune 3, 2024 at 8:00 pm\n"
                "Closing night with fireworks.\n", select=("S102",), note="a programme: dates and times, no comments"),
        Example("Interview with the mayor\n\nThe interview below was conducted by email last week and has been edited "
                "for length and clarity by our staff.\n\nThe reporter says:\nWhy did the bridge cost twice the estimate?"
                "\nThe mayor says:\nSteel prices doubled during construction.\nThe reporter says:\nWill the council "
                "review the contract?\nThe mayor says:\nYes, in the spring.\n", select=("S102",),
                note="an interview: two speakers, no comment system's times"),
        Example("How to cook pasta\n\nCooking pasta well takes only a few minutes of attention, and the steps below "
                "work for any shape you buy.\n\n1\nBring a large pot of salted water to the boil\n2\nAdd the pasta "
                "and stir at once\n3\nCook until just tender\n4\nDrain and toss with the sauce\n", select=("S102",),
                note="numbered steps: a bare number is no separator"),
        Example("Timeline of the outbreak\n\nThe first cases were confirmed in the spring, and within a month the city "
                "had closed its schools and most of its offices.\n\nMarch 3, 2020\nFirst case confirmed in the city\n"
                "March 10, 2020\nSchools close for two weeks\nMarch 17, 2020\nOffices send their staff home\n"
                "March 24, 2020\nMayor orders shops to close\n", select=("S102",),
                note="a date over each entry, no teaser or source: a timeline"),
        Example("Thanks for the patch, it works here, and the tests pass on both machines I tried it on.\n\n"
                "On Monday, Jane wrote:\n> It fixes the crash.\nOn Monday, Tom wrote:\n> Please add a test.\n"
                "On Tuesday, Jane wrote:\n> Added.\n", select=("S102",), note="a mail's quoted messages"),
        Example("The minister said the talks would go on until a deal was reached, and the unions agreed to wait.\n\n"
                "The minister says:\nWe will meet again in May.\nThe union wrote:\nWe accept.\n", select=("S102",),
                note="two speakers quoted: fewer than three markers"),
        Example("How the outbreak spread\n\nThe first cases were confirmed in the spring, and within a month the "
                "city had closed its schools and most of its offices.\n\nMarch 3, 2020\nThe first case is confirmed "
                "in the city.\nMarch 10, 2020\nSchools close for two weeks.\nMarch 17, 2020\nOffices send their staff "
                "home.\nMarch 24, 2020\nThe mayor orders shops to close.\n", select=("S102",),
                note="a timeline: a date over each sentence is the article's own"),
        Example("Release notes\n\nAcme Notes is a small editor for plain text, and this page lists every release "
                "since the first one, newest first.\n\nJan 8, 2023\nFaster start-up\nDec 2, 2022\nNew export formats\nNov 4, 2022\n"
                "Dark mode\nOct 1, 2022\nFirst release\n", select=("S102",), note="a changelog: a date over each entry"),
        Example("Cutting your tax bill\n\nTax avoidance means using the rules as written to pay less, and it is legal."
                "\n\nExamples of tax avoidance:\nClaiming deductions\nClaiming tax credits\nLowering your taxable income\n"
                "Postponing income to a later year\n\nRead more: How to lower your taxable income\n\nA final word\n\n"
                "Paying tax is part of managing your money.\n", select=("S102",),
                note="a list that a sentence announces with a colon, a cross-reference after it"),
        Example("Puzzle Night\n\nPuzzle Night is a card game for two players who want to try something new together.\n\n"
                "New puzzles for every level\nHints that explain each answer\nBetter support for tablets\nBugs fixed\n\n"
                "Click here to learn more or download the game.\n\nThe game works offline and needs no account.\n",
                select=("S102",), note="a product's features, phrases of running text, closed by a call to action"),
        Example("Notes 4.2\n\nNotes is a small editor for plain text.\n\nThe latest version brings these changes:\n\n"
                "Faster loading of large files\n\nBetter support for tablets\n\nCleaner printing of reports\n\n"
                "Several crashes fixed\n\nAdvertisement\n\nThe update is free for every user.\n", select=("S102",),
                note="`latest` alone names no other page: the text's own list"),
    )

    def check_findings(self, doc: Document, findings: Sequence[Finding],
                       ran: Callable[[str], bool]) -> Iterator[Finding]:
        if doc.format != "text" or not doc.segments:
            return
        # A block stands next to furniture that S102 or S109 reports: a document without any is left alone
        # (no pass over its lines), unless it holds readers' comments, which need no phrase list.
        anchors = {f.start for f in findings if f.code in ("S102", "S109")}
        text = doc.text
        if not anchors and ran("S102") and not _holds_marks(text):
            return
        lines, starts, ends, kinds = _classified_lines(text, anchors)
        thread = _comment_thread(lines, kinds)
        if thread is not None:
            first, last = thread
            yield self.finding_at(starts[first], ends[last],
                                  f"{last - first + 1} lines of readers' comments or dated links (a name or a time over "
                                  f"each) starting '{lines[first][:40]}'")
        records = _record_list(lines, kinds) if thread is None else None
        if records is not None:
            first, last = records
            yield self.finding_at(starts[first], ends[last],
                                  f"{last - first + 1} lines of a list of links (a date or a separator in "
                                  f"each entry) starting '{lines[first][:40]}'")
        if not anchors and ran("S102"):
            return
        flagged = _flagged(lines, kinds, self.opts.window, self.opts.min_lines)
        if records is not None:
            flagged[records[0]:records[1] + 1] = [False] * (records[1] + 1 - records[0])
        if thread is not None:
            flagged[thread[0]:thread[1] + 1] = [False] * (thread[1] + 1 - thread[0])
        for first, last, count in _stretches(flagged, kinds):
            yield self._block(lines, starts, ends, first, last, count)

    def _block(self, lines: list[str], starts: list[int], ends: list[int], first: int, last: int,
               count: int) -> Finding:
        return self.finding_at(starts[first], ends[last],
                               f"{count} line{'s' if count > 1 else ''} of navigation or link lists "
                               f"(menu, related headlines) starting '{lines[first][:40]}'")


def _record_list(lines: list[str], kinds: list[int]) -> tuple[int, int] | None:
    """The first and last line of a list made from one template after an article: a lone date or a
    separator every ``period`` lines (2 to 4), ``_RECORDS`` times or more in a row, the lines between
    them shaped alike (a headline, a name, a blurb). The lines before the first mark and after the last
    one that are shaped as the lines next to the other marks are the first and last record's own."""
    marks = [k for k, line in enumerate(lines) if _record_mark(line)]
    best: tuple[int, int, int] | None = None
    at = set(marks)
    # A mark inside a chain already read (for its period) starts no chain of its own: each mark is
    # walked over once per period.
    inside: dict[int, set[int]] = {2: set(), 3: set(), 4: set()}
    for first in marks:
        for period in (2, 3, 4):
            if first in inside[period]:
                continue
            last = first
            while last + period in at and _same_record(lines, kinds, last, last + period):
                last += period
                inside[period].add(last)
            count = (last - first) // period + 1
            if count >= _RECORDS and (best is None or last - first > best[1] - best[0]):
                best = (first, last, period)
    if best is None:
        return None
    first, last, period = best
    # An article comes first: a list of dated entries alone (a log, a changelog) is the text's own.
    if not any(kinds[k] == PROSE and lines[k].count(" ") >= 15 for k in range(first)):
        return None
    start, end = first, last
    for j in range(1, period):
        if first - j < 0 or _shape(lines[first - j], kinds[first - j]) != _shape(lines[last - j], kinds[last - j]):
            break
        start = first - j
    for j in range(1, period):
        if last + j >= len(lines) or _shape(lines[last + j], kinds[last + j]) != _shape(lines[first + j], kinds[first + j]):
            break
        end = last + j
    # A date over each entry (nothing of the entry before the first date) heads a timeline's or a
    # changelog's entry, the text's own, unless the entries are shaped as links: a teaser cut short or a
    # source named. A date under a headline is a teaser's byline.
    if start == first and _DATE.fullmatch(lines[first]) and not any(
            _TEASER.search(lines[k]) or _SOURCE.search(lines[k]) for k in range(start, end + 1)):
        return None
    return start, end


def _shape(line: str, kind: int) -> tuple[int, bool, bool, bool]:
    """What the lines of one template share: their kind, a bullet, a capital, a sentence's end."""
    return kind, line[:2] in ("- ", "• ", "* "), line[:1].isupper(), _END.search(line) is not None


def _same_record(lines: list[str], kinds: list[int], a: int, b: int) -> bool:
    """Whether the lines after the mark at ``a`` up to the mark at ``b`` are shaped as the lines after
    ``b`` (or, for the last record, before ``a``): one template's records, not an article's paragraphs."""
    period = b - a
    # Sentences between the marks are an article's own (a timeline: a date over each paragraph); a list
    # of links holds headlines, names and blurbs without a sentence's end.
    if any(kinds[k] in (ANCHOR, PROSE) for k in range(a + 1, b)):
        return False
    return all(_shape(lines[a + j], kinds[a + j])[:2] == _shape(lines[b + j], kinds[b + j])[:2]
               for j in range(1, period) if b + j < len(lines))


def _holds_marks(text: str) -> bool:
    """Whether a text holds what one of the paths that need no furniture phrase looks for: three comment
    markers (``_comment_marker``), each within ``_COMMENT_GAP`` lines of the next, or ``_RECORDS`` marks
    of a list's entries (``_record_mark``), each within 4 lines (the longest period) of the next. Lines
    are cut and counted as ``LINE`` finds them (at \n and \r only; blank lines skipped). Asked of every text where S102 found no
    furniture, before its lines are classified, so the lines that may be marks are found in C: the short
    lines that end in a mark, in the text read backwards (each starts at a line break, which the regex
    engine skips to, then with its mark). A necessary condition: what it passes over neither path reports."""
    backward = _BACKWARD_MARKED_LINE if "\r" in text else _BACKWARD_MARKED_LINE_N
    size = len(text)
    comments: list[tuple[int, int]] = []
    records: list[tuple[int, int]] = []
    for match in backward.finditer(f"\n{text[::-1]}"):
        # The match's line, read forwards; where it starts and ends in ``text``.
        start, end = size + 1 - match.end(), size - match.start()
        line = text[start:end].strip()
        if _comment_marker(line):
            comments.append((start, end))
        elif _record_mark(line):
            records.append((start, end))
    # Found backwards: the last line first.
    return (_clustered(text, comments[::-1], _COMMENT_MARKS, _COMMENT_GAP)
            or _clustered(text, records[::-1], _RECORDS, 4))


def _clustered(text: str, marks: list[tuple[int, int]], count: int, gap: int) -> bool:
    """Whether ``count`` of the marked lines (their spans, in order) follow one another each within ``gap``
    lines of the one before, lines counted as ``LINE`` finds them."""
    if len(marks) < count:
        return False
    run = 1
    for (_, end), (start, _) in pairwise(marks):
        between = islice(LINE.finditer(text, end, start), gap)
        run = run + 1 if sum(1 for _ in between) < gap else 1
        if run >= count:
            return True
    return False


def _record_mark(line: str) -> bool:
    """A (stripped) line that marks an entry of a list of links: a lone date, or a separator or a count in
    brackets. A bare number is a step's or an item's own (a recipe's 1, 2, 3 over its steps), never a
    separator."""
    return len(line) <= 60 and (_DATE.fullmatch(line) is not None
                                or (_SEPARATOR.fullmatch(line) is not None and not line.isdigit()))


# In the text read backwards: a line break, spaces (the line's last), then a line that may be a mark and its
# spaces (its first), to the line's end. A separator or a count in brackets is the whole line. Any other
# mark is 60 characters or fewer and ends as one of the marks ends: a comment's head in `says:`; a comment's
# stamp in a time (two digits, `am`, `a.m.`, any case), a time zone after a time (a few letters ending in
# T, or UTC) or a date; a date in two digits (a year, a day or a month). The other lines cannot be marks.
# (A digit is any decimal digit, as ``\d`` reads it in the marks: `２０１９` too.)
_SEPARATORS = "|/•·>»›<«‹–—-"
_BACKWARD_MARKED = (rf"[^\S\n\r]*+(?=[\d:mMtTcC.{re.escape(_SEPARATORS)})])"  # (most lines fail here, at once)
                    rf"(?:(?:[{re.escape(_SEPARATORS)}]|\)\d{{1,5}}\(?|\d{{1,5}}\()"
                    rf"|(?=:syas |\d\d|\.?[mM]\.?[aApP]|(?i:t[a-z]{{1,3}}|ctu)[^\S\n\r]+[\dmM.])"
                    rf"(?![^\n\r]{{60}}[^\n\r]*?\S)[^\S\n\r]*+\S[^\n\r]*+)[^\S\n\r]*+(?![^\n\r])")
_BACKWARD_MARKED_LINE = compiled_on_use(f"[\\n\\r]{_BACKWARD_MARKED}")
# (Where every break is \n, the pattern starts with it, a literal the engine finds fastest.)
_BACKWARD_MARKED_LINE_N = compiled_on_use(f"\\n{_BACKWARD_MARKED}")


def _comment_marker(line: str) -> bool:
    """A line that heads or closes one reader's comment: a name followed by `says:`, or a
    date (or `2 days ago`) with a time of day and nothing else."""
    return len(line) <= 60 and (_COMMENT_HEADER.fullmatch(line) is not None or _COMMENT_STAMP.fullmatch(line) is not None)


def _comment_thread(lines: list[str], kinds: list[int]) -> tuple[int, int] | None:
    """The first and last line of the readers' comments under an article: three comment markers or more,
    each within ``_COMMENT_GAP`` lines of the next, after a paragraph of the article's. The name line over
    the first marker and the comment under the last one belong to it."""
    marks = [k for k, line in enumerate(lines) if _comment_marker(line)]
    best: tuple[int, int] | None = None
    i = 0
    while i < len(marks):
        j = i
        while j + 1 < len(marks) and marks[j + 1] - marks[j] <= _COMMENT_GAP:
            j += 1
        if j - i + 1 >= _COMMENT_MARKS and (best is None or marks[j] - marks[i] > best[1] - best[0]):
            best = (marks[i], marks[j])
        i = j + 1
    if best is None:
        return None
    first, last = best
    if not _as_comments_print(lines[first:last + 1]):
        return None
    # Without an article's paragraph before them, more markers are asked for: a page of a few dated
    # entries alone (a log, a diary) is the text's own.
    marks_in = sum(1 for k in marks if first <= k <= last)
    if marks_in < _COMMENT_MARKS + 2 and not any(kinds[k] == PROSE and lines[k].count(" ") >= 15 for k in range(first)):
        return None
    if first > 0 and kinds[first - 1] != PROSE and lines[first - 1].count(" ") <= 3 and not _END.search(lines[first - 1]):
        first -= 1
    gaps = [b - a for a, b in pairwise(k for k in range(first, last + 1) if _comment_marker(lines[k]))]
    reach = max(gaps, default=1)
    end = last
    while end + 1 < len(lines) and end + 1 - last <= reach and kinds[end + 1] != ANCHOR \
            and not _comment_marker(lines[end + 1]) and (kinds[end + 1] == PROSE or end + 1 - last == 1):
        end += 1
    return first, end


def _as_comments_print(lines: list[str]) -> bool:
    """Whether the markers among ``lines`` are a comment system's: names that differ (three or more), a
    `says:` line with its time under it (three times), or comments' ages. An interview's two speakers
    (`The reporter says:`, `The mayor says:`) and a programme's or a log's dated entries (`June 1, 2024 at
    7:30 pm` over each) are the text's own."""
    names = {line[:-len(" says:")].lower() for line in lines if _COMMENT_HEADER.fullmatch(line)}
    stamped = sum(1 for k, line in enumerate(lines[:-1]) if _COMMENT_HEADER.fullmatch(line)
                  and any(_COMMENT_STAMP.fullmatch(x) for x in lines[k + 1:k + 3]))
    ages = sum(1 for line in lines if _AGE.match(line) and _COMMENT_STAMP.fullmatch(line))
    return len(names) >= _COMMENT_MARKS or stamped >= _COMMENT_MARKS or ages >= _COMMENT_MARKS


def _classified_lines(text: str, anchors: set[int]) -> tuple[list[str], list[int], list[int], list[int]]:
    """The text's lines (stripped), where each starts and ends (without its spaces), and each one's kind:
    PROSE, ANCHOR (furniture, or a line S102 or S109 reported), or a kind of short line."""
    spans = [m.span() for m in LINE.finditer(text)]
    lines = [text[s:e].strip() for s, e in spans]
    starts = [s + len(text[s:e]) - len(text[s:e].lstrip()) for s, e in spans]
    ends = [e - len(text[s:e]) + len(text[s:e].rstrip()) for s, e in spans]
    n = len(lines)
    kinds = [PROSE] * n
    dangling = False
    for i, line in enumerate(lines):
        gap = text[ends[i]:starts[i + 1]] if i + 1 < n else ""
        adjacent = line_break_count(gap) == 1
        kind = PROSE if dangling else _kind(line, lines[i + 1] if adjacent else None)
        dangling = _DANGLING.search(line, _tail(line)) is not None and line.count(" ") >= 3
        if dangling:
            kind = PROSE
        if starts[i] in anchors or (kind != PROSE and furniture_line(line)):
            kind = ANCHOR
        kinds[i] = kind
    return lines, starts, ends, kinds


def _flagged(lines: list[str], kinds: list[int], window: int, min_lines: int) -> list[bool]:
    """Per line, whether it is a short line of a block of ``min_lines`` non-prose lines or more that
    holds furniture no further than ``window`` lines away (and is not the title)."""
    n = len(lines)
    first = lines[0]
    title = {first, *(p for p in _TITLE_SPLIT.split(first) if p.count(" ") >= 2)}
    flagged = [False] * n
    i = 0
    while i < n:
        if kinds[i] == PROSE:
            i += 1
            continue
        j = i
        while j < n and kinds[j] != PROSE:
            j += 1
        # A list that a sentence announces with a colon is the text's own, up to the first furniture line:
        # from there on the run must make a block by itself.
        start = _after_announced_list(lines, kinds, i, j)
        found = [k for k in range(start, j) if kinds[k] == ANCHOR]
        if j - start >= min_lines and found and not _list_under_a_call(lines, kinds, start, j, found):
            a = 0
            for k in range(start, j):
                while a + 1 < len(found) and abs(found[a + 1] - k) <= abs(found[a] - k):
                    a += 1
                if (kinds[k] == SHORT and k > 0 and abs(found[a] - k) <= window and lines[k] not in title
                        and not (lines[k].count(" ") >= 2 and first.startswith(lines[k]))):
                    flagged[k] = True
        i = j
    return flagged


def _after_announced_list(lines: list[str], kinds: list[int], i: int, j: int) -> int:
    """Where the run of non-prose lines ``i`` to ``j`` (exclusive) may start to be furniture: at ``i``,
    or at its first furniture line (``j`` where it holds none) where a line of three words or more that
    ends with a colon leads into it (the line before it, or its first line) and most of the items it
    announces (two or more, up to that furniture line) are phrases of running text. A colon announces a
    list (`Examples of tax avoidance:` over `Claiming deductions`), as S102 reads one; a label of a word
    or two (`Share:`, `Related:`) introduces furniture, and so does a sentence over other pages' titles,
    which are capitalized (`You may also like these:` over `German Hazelnut Cake`), or over buttons, or one
    that names other pages (`Other stories you may enjoy:`: their headlines in sentence case read as running
    text)."""
    for k in (i - 1, i):
        if 0 <= k < j and kinds[k] in (PROSE, SHORT) and _announces(lines[k]) and not _furniture_lead(lines[k]):
            end = next((m for m in range(k + 1, j) if kinds[m] == ANCHOR), j)
            items = lines[k + 1:end]
            if 2 * sum(map(_running_phrase, items)) > len(items) >= 2:
                return end
            return i
    return i


def _list_under_a_call(lines: list[str], kinds: list[int], start: int, j: int, found: list[int]) -> bool:
    """Whether the run's furniture is only sentences (`Click here to learn more or download the game.`) and
    every short line of it is a phrase of running text (`Hints that explain each answer`): a list of the
    text's own (a product's features, a recipe's steps) that a call to action closes. A menu or a list of
    links stands by a label (`Related`, `Share`, `Privacy Policy`, a date), and its lines are titles, names
    or buttons; a call to action alone sits among an article's paragraphs as often. A call that names other
    pages or the site's offers (`Sign up for our newsletter today.`, `Click here for more business news.`)
    closes their pitch or their headlines, furniture too. (Only its words are asked: its first words are
    S102's phrase by nature, `Download the app today.`)"""
    return (all(_CALL.search(lines[k]) is not None and lines[k].count(" ") >= 3
                and _LEAD.search(lines[k]) is None for k in found)
            and all(_running_phrase(lines[k]) for k in range(start, j) if kinds[k] == SHORT))


# A sentence's end: a full stop, a question or an exclamation mark (a closing quote or bracket after it).
_CALL = compiled_on_use(r"[.!?][\"”’)\]]?$")
# A word of running text in lower case: longer than the function words a title leaves in lower case
# (`Pasta with Sausages`, `Guide to the City`).
_LOWER_WORD = compiled_on_use(r"\s[a-z][a-z'’-]{4,}\b")
_BULLET = "-•*·–— "


def _running_phrase(line: str) -> bool:
    """An item of a list in running text: two words or more, a capital first (after a bullet), and a word
    of five letters or more in lower case after it (`Claiming tax credits`, `Bugs fixed`). A headline or a
    name in title case (`German Hazelnut Cake`), a button (`Share`, `845`) is none."""
    item = line.lstrip(_BULLET)
    return item[:1].isupper() and " " in item and _LOWER_WORD.search(item) is not None


# Words that point to other pages or to the site's own offers: a line holding one leads into furniture however it
# goes on (`More coverage from the region:`, `Other stories you may enjoy:` over sentence-case headlines, which
# read as running text; `Sign up for our newsletter today.` under the newsletter's pitch).
# (Not `latest`, `reading` or `you may` alone: `The latest version brings these changes:`, `Here is what you
# might need:` announce the text's own lists.)
_LEAD = compiled_on_use(r"(?i)\b(?:stor(?:y|ies)|articles?|posts?|headlines?|news|coverage|videos?|podcasts?"
                        r"|reads?|further reading|related|recommended|trending|popular|also like"
                        r"|you(?: may| might|'ll|’ll)(?: also)? (?:like|enjoy|love)"
                        r"|miss(?:ed)?|more (?:from|in)|newsletters?|subscribe|sign up|follow us)\b")


def _furniture_lead(line: str) -> bool:
    """Whether a sentence that would announce or close a list of the text's own leads into furniture instead:
    it holds a word that points to other pages or the site's offers, or its first words are a furniture line
    by S102's lists (`You might also like these stories:`, `Trending now on our site:`). A list that the
    text announces names its own subject (`Examples of tax avoidance:`)."""
    if _LEAD.search(line) is not None:
        return True
    words = line.rstrip(":.!? ").split()
    return any(furniture_line(" ".join(words[:n])) for n in range(2, len(words)))


def _announces(line: str) -> bool:
    """A line that ends with a colon after three words or more, not a reader's comment's head (`Bob Smith
    says:`)."""
    return line.endswith(":") and line.count(" ") >= 2 and _COMMENT_HEADER.fullmatch(line) is None


def _stretches(flagged: list[bool], kinds: list[int]) -> Iterator[tuple[int, int, int]]:
    """One (first, last, count of flagged lines) per stretch of flagged lines (furniture lines inside it
    join it; at its edges they are S102's to report)."""
    n = len(flagged)
    k = 0
    while k < n:
        if not flagged[k]:
            k += 1
            continue
        last = k
        m = k + 1
        while m < n and (flagged[m] or kinds[m] == ANCHOR):
            if flagged[m]:
                last = m
            m += 1
        yield k, last, sum(1 for x in range(k, last + 1) if flagged[x])
        k = m
