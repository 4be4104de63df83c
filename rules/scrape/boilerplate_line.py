"""S102 boilerplate-line: a line that is page furniture, not content (Advertisement, Share this article…)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from itertools import accumulate, repeat
from operator import itemgetter

from lint import lines
from lint.guard import SettingUp
from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.options import OptionError, RuleOptions, option
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

from ._furniture import Judge, _start, default_lists, expanded, judge_for, pattern_error

_SEG_LINE = compiled_on_use(r"[^\r\n\x00]*")
_EOL_AT = compiled_on_use(r"\r\n|\r|\n")
# Candidate lines in the segments' texts, each segment after a NUL: a segment's first line, and a
# line after one that ended a sentence. The line is read ahead (so that its own end can open the next)
# and left out when longer than any furniture (no line of prose is longer than the file's line). The
# inner lookahead, atomic, stands for a possessive `{1,160}+` (Python 3.11) and keeps the engine from
# backing off a long line one character at a time. A NUL inside a text only adds a candidate: lines
# are mapped back by offset.
_LONGEST_LINE = 160  # (``_first_lines`` cuts the same lines)
_LINE_AHEAD = rf"(?=(?=([^\r\n\x00]{{1,{_LONGEST_LINE}}}))\1(?![^\r\n\x00]))"
_FIRST_LINE = compiled_on_use(r"\x00" + _LINE_AHEAD)
_NEXT_LINE = compiled_on_use(r"[.!?:;\"”’)\]][ \t]*(?:\r\n|\r|\n)" + _LINE_AHEAD)
# The same lines in a text without a CR, each found from its line break (a literal the engine skips to,
# where the pattern above stops at every mark of punctuation): the break after a mark, and the break
# after spaces or tabs, for which the mark is looked for before them (``_after_mark``).
_ENDS_SENTENCE = ".!?:;\"”’)]"
_BREAK_AFTER_MARK = compiled_on_use(r"\n(?<=[.!?:;\"”’)\]]\n)" + _LINE_AHEAD)
_BREAK_AFTER_SPACE = compiled_on_use(r"\n(?<=[ \t]\n)" + _LINE_AHEAD)
_SPACED_BREAK = compiled_on_use(r"\n(?<=[ \t]\n)")
# Segments that are never page furniture: a heading or a cell is the document's own; a catalogue
# string ("Terms & Conditions", "Share") is the app's interface, whatever it reads like.
_NOT_FURNITURE = frozenset({"heading", "table_cell", "string", "msgstr", "target"})
# A link as a docs source writes it, and its target: Markdown and MDX (`[text](target)`, an image's
# `![alt](target)`), reST (`` `text <target>`_ ``, and the roles that name the site's own pages).
_LINK_TARGET = compiled_on_use(r"\]\(\s*<?([^)\s>]*)|`[^`<]*<([^>`]+)>`__?|:(?:doc|ref):`")
# A target with a scheme (`https:`, `mailto:`) or a protocol-relative one (`//cdn…`) leaves the site.
_LEAVES_SITE = compiled_on_use(r"[A-Za-z][A-Za-z0-9+.\-]*:|//")
_SOURCE_FORMATS = frozenset({"markdown", "mdx", "rst"})



@dataclass(frozen=True)
class _Taken:
    """A line the phrase lists take as furniture: its segment, where it lies there (``a``, ``b``) and in
    the file (``start``, ``end``), its words, whether a sentence before it announces it, and whether it
    holds a time of day (a stamp)."""

    seg: Segment
    a: int
    b: int
    start: int
    end: int
    line: str
    announced: bool
    stamped: bool


class BoilerplateLine(Rule):
    code = "S102"
    slug = "boilerplate-line"
    summary = "A line of page furniture (share buttons, ads, newsletter prompts) in the text"
    rationale = """
**What it does.** Flags a line that is, as a whole, page furniture: `Advertisement`, `Share this
article`, `Read more: …`, `Sign up for our newsletter`, `Skip to content`, cookie and paywall notices,
social buttons, a standalone image credit (`Photo: AP`, `(Getty Images)`, `Sakib Ali/Hindustan
Times/Getty Images`; after `Photo:` a name that may be a place's, `Photo: Council Chamber`, only with an
unsafe fix), a counter (`Image 3 of 5`), `12 comments`, a timestamp alone (`Nov 19, 2019 at
9:08 GMT`, `2 days ago at 07:52 am`; a date without its time of day may be a letter's, and is left
alone). A timestamp line is deleted safely only where it is the page's one stamp, in its head (the title
and the three lines under it): stamps between passages say who said what and when (a transcript's
messages, a live blog's `Updated at 1:23 p.m.`), and their fix is unsafe, as is a stamp without a dateline's
word (`Published`, `Updated`), a byline or an age: `Thursday, June 6, 2024 / 10:00 AM PDT` under a
webinar's title is when it takes place; a name before the date and
time without `By` (`Chris Davies - Nov 19, 2019, 10:31 pm CST`) is reported without a fix, since it is
a sender's or an event's place as often as an author's. A credit that names its photographer after `by`
(`Photo by Man Ray`) may attribute a work an article discusses: its fix is unsafe. A line after a sentence that ends with a colon
may be what the sentence quotes (`…the red button that says:` over `Subscribe to our newsletter`): its fix
is unsafe, and a date with its time there is the value announced, not reported.

In plain text it also reports, without a fix, a photo's caption that carries its credit: `… outside a
store in Hialeah, Fla. (AP Photo/Alan Diaz, File)`, `… last week.Credit...Anna Moneymaker/The New York
Times`, `© John Brecher Needle poking skin …`, `The first global geologic map of Titan.
(NASA/JPL-Caltech/ASU)` (sources in brackets count only after the caption's full stop, and where they
name a person, an agency or a medium: `(Windows/Linux)` closes a release note). The caption
describes a picture the text no longer has; whether it goes is a person's call.

**Why is this bad?** Scrapers that take a page's text keep the words of its buttons, banners and
widgets. In a published article they read as nonsense between paragraphs.

Not flagged in a docs site's source (Markdown, MDX, reST): a line whose link goes to a path of the same
site (`Read more about [environment variables](/en/guides/…)`, `Next: [Install Rust](#rust)`, an image's
alt text `![Search Preview](./preview.gif)`, a reST role), or any line with a link in an MDX file, which no
extractor writes. The author wrote such a pointer; text a scraper took from a page has its links resolved
to other sites' absolute URLs, or none, and there the same words are a teaser. Nor, anywhere, a command's
one-line summary right under its name: a line in lower case that opens with the last words of a heading
shaped as a command, in lower case or a code span (`## helm show all` over `show all information of the
chart`).

The phrase lists are data (`rules/scrape/data/boilerplate.yaml`: exact lines, prefixes, patterns).
Extend them for your CMS with the options `extend-phrases`, `extend-prefixes`, `extend-patterns`, or
replace them with `phrases`, `prefixes`, `patterns`.
"""
    severity = Severity.WARNING
    fix = Applicability.SAFE
    fix_note = "Deletes the whole line, its line ending included; nothing else on other lines changes."
    scope = "document"

    @dataclass(frozen=True)
    class Options(RuleOptions):
        """The rule's options (config `rules: {S102: {...}}`; see `copylint explain`)."""

        phrases: tuple[str, ...] | None = option(None, "whole lines that are boilerplate, instead of the "
                                                       "built-in list (null: the built-in list)")
        prefixes: tuple[str, ...] | None = option(None, "beginnings of short boilerplate lines, instead of "
                                                        "the built-in list")
        patterns: tuple[str, ...] | None = option(None, "regular expressions a boilerplate line matches, "
                                                        "instead of the built-in list")
        extend_phrases: tuple[str, ...] = option((), "whole lines added to the phrase list")
        extend_prefixes: tuple[str, ...] = option((), "beginnings added to the prefix list")
        extend_patterns: tuple[str, ...] = option((), "regular expressions added to the pattern list; "
                                                      "they may use the built-in named parts (`(?&date)`)")

        def __post_init__(self) -> None:
            for key, given in (("patterns", self.patterns or ()), ("extend-patterns", self.extend_patterns)):
                for pattern in given:
                    if (why := pattern_error(pattern)) is not None:
                        raise OptionError(key, f"'{key}': {pattern!r}: {why}")
    opts: Options
    flag = (
        Example("The plane crashed.\nAdvertisement\nOfficials said 74 people were on board.\n",
                "The plane crashed.\nOfficials said 74 people were on board.\n"),
        Example("First paragraph.\n\nShare this article\n\nSecond paragraph.\n",
                "First paragraph.\n\n\nSecond paragraph.\n"),
        Example("Read more: Russia and Ukraine swap prisoners\n", ""),
        Example("Text.\n\nRead more about the floods in Valencia\n", "Text.\n\n"),
        Example("Text.\nSign up for our newsletter\n", "Text.\n"),
        Example("Skip to content\nThe real article starts here.\n", "The real article starts here.\n"),
        Example("Text.\r\n  • Share on Facebook  \r\nMore text.\r\n", "Text.\r\nMore text.\r\n"),
        Example("Text.\n(Getty Images)\nMore text.\n", "Text.\nMore text.\n"),
        Example("Vite 5 is out.\n\nQuick links:\n\n- [Docs](https://vite.dev/)\n", path="a.md",
                note="over links that leave the site, as a scraper resolves them: a widget's heading"),
        Example("The storm passed.\n\nRelated:\n\nRead more\n\nSchools reopened.\n",
                "The storm passed.\n\nRelated:\n\n\nSchools reopened.\n",
                note="a label's colon introduces more furniture"),
        Example("The smog thickened.\n\nSakib Ali/Hindustan Times/Getty Images\n\nSchools closed.\n",
                "The smog thickened.\n\n\nSchools closed.\n", note="a credit naming the photographer first"),
        Example("The crowd waited.\n\n(Joshua Roberts/AP)\n\nThe doors opened.\n",
                "The crowd waited.\n\n\nThe doors opened.\n"),
        Example("The lander is ready.\n\nImage 3 of 5\n\nIt launches in May.\n", "The lander is ready.\n\n\nIt launches in May.\n",
                note="a gallery's counter"),
        Example("The lander is ready.\n\n(Image credit: Future/SpaceX/Blue Origin, Sierra Nevada)\n\nIt launches in May.\n",
                "The lander is ready.\n\n\nIt launches in May.\n", note="a credit naming several sources"),
        Example("The moon has an ocean.\n\n(Image: © NASA/ESA/K. Retherford/SWRI)\n\nIt lies under the ice.\n",
                "The moon has an ocean.\n\n\nIt lies under the ice.\n"),
        Example("The committee met on Tuesday.\n\nPhoto: Jane Chambers\n\nMembers voted nine to two.\n",
                "The committee met on Tuesday.\n\n\nMembers voted nine to two.\n",
                note="a person's name, though a room's noun is in it"),
        Example("The committee met on Tuesday.\n\nPhoto: Council Chamber\n\nMembers voted nine to two.\n",
                "The committee met on Tuesday.\n\n\nMembers voted nine to two.\n",
                note="a room's name or a photographer's: reported, its fix unsafe (tests/test_rules_scrape.py)"),
        Example("The author died in 2006.\n\nPhoto by David Dyer-Bennet\n\nHis novels are back in print.\n",
                "The author died in 2006.\n\n\nHis novels are back in print.\n"),
        Example("Sales fell in March.\n\nA worker loads door trims into his truck outside a store in Hialeah, Fla. "
                "(AP Photo/Alan Diaz, File)\n\nThe chain expects a better summer.\n",
                note="a photo's caption with its credit: reported, not fixed"),
        Example("The talks stalled.\n\nThe president at the Economic Club last week.Credit...Anna Moneymaker/The New York "
                "Times\n\nBoth sides blamed the other.\n", note="a credit the extractor glued to its caption"),
        Example("Flu season starts early.\n\n© John Brecher Needle poking skin during a flu shot at a health center.\n\n"
                "Doctors urge everyone to get one.\n", note="a caption led by its credit"),
        Example("The map took ten years.\n\nThe first global geologic map of Titan. (NASA/JPL-Caltech/ASU)\n\n"
                "It shows dunes and lakes.\n", note="the sources in brackets after the caption's full stop"),
        Example("Acme Widgets\n\n© Acme Corporation All rights reserved.\n", "Acme Widgets\n\n",
                note="a company's copyright footer: a boilerplate line, no caption"),
        Example("Text.\n12 comments\n", "Text.\n"),
        Example("## Social share\n\nShare this article\n\nThe storm passed.\n", path="a.md",
                note="a label under a heading that ends with its word: capitalized, no command's summary"),
        Example("# My trip\n\nWe drove north for three days.\n\n## If you liked it, please share\n\nshare this "
                "article\n\n## Next\n\nMore soon.\n", path="a.md",
                note="under a heading of words, not a command's: the summary's shield is for commands"),
        Example("## Top stories\n\nview all stories in politics\n", path="a.md",
                note="in lower case, but under a heading it does not echo"),
        Example("The plane landed safely, officials said:\n\n12 comments\n\nThe crew was praised.\n",
                "The plane landed safely, officials said:\n\n\nThe crew was praised.\n",
                note="a colon announces content, never a count of comments"),
        Example("Here is what the minister told reporters:\n\nRead more: Russia and Ukraine swap prisoners\n",
                "Here is what the minister told reporters:\n\n", note="nor a teaser"),
        Example("Text.\n\nNov 19, 2019 at 9:08 GMT\n\nMore text.\n", "Text.\n\n\nMore text.\n",
                note="a timestamp alone: a dateline"),
        Example("Great phone, shame about the price.\n\n2 days ago at 07:52 am\n\nI agree with you.\n",
                "Great phone, shame about the price.\n\n\nI agree with you.\n", note="a comment's time"),
        Example("The talks went on all night.\n\nFirst published on November 19, 2019 / 8:16 AM\n\nMore talks are planned.\n",
                "The talks went on all night.\n\n\nMore talks are planned.\n", note="a dateline, its date and time split by a slash"),
        Example("The talks went on all night.\n\nPublished 10:02 AM EST Nov 19, 2019\n\nMore talks are planned.\n",
                "The talks went on all night.\n\n\nMore talks are planned.\n", note="the time before the date"),
        Example("The talks went on all night.\n\nUpdated at 1:23 p.m.\n\nMore talks are planned.\n",
                "The talks went on all night.\n\n\nMore talks are planned.\n"),
        Example("The talks went on all night.\n\nBy Justine Coleman - 11/18/19 11:04 PM EST\n\nMore talks are planned.\n",
                "The talks went on all night.\n\n\nMore talks are planned.\n", note="a byline with its timestamp"),
        Example("The talks went on all night.\n\nChris Davies - Nov 19, 2019, 10:31 pm CST\n\nMore talks are planned.\n",
                note="a name with a timestamp and its zone: reported, not fixed (a message's sender, an event's "
                     "place)"),
        Example("Published Monday, November 18, 2019 8:22AM EST\n\nThe storm closed every school.\n",
                "\nThe storm closed every school.\n"),
        Example("Text.\nThis website uses cookies to improve your experience.\n", "Text.\n"),
        Example("Text.\n\nCategory : Press Releases\n", "Text.\n\n"),
        Example("By U.S. CUSTOMS AND BORDER PROTECTION\n\nAgents seized 40 kg.\n", "\nAgents seized 40 kg.\n"),
        Example("By Sarah Johnson. Reuters\n\nAgents seized 40 kg.\n", "\nAgents seized 40 kg.\n",
                note="a byline's capitalized `By`, its outlet after a full stop"),
        Example("Text.\n\nImage Getty Images\n\nMore text.\n", "Text.\n\n\nMore text.\n",
                note="bare `Image` before an agency's name: a credit"),
        Example("Text.\n\nGET THE BOING BOING NEWSLETTER\n", "Text.\n\n"),
        Example("Text.\n\n© 2020 Vox Media, LLC. All rights reserved.\n", "Text.\n\n"),
        Example("Text.\n\nDo Not Sell My Personal Information\n", "Text.\n\n"),
        Example("Text.\n\nFind The Guardian on Facebook\n\nMore text.\n", "Text.\n\n\nMore text.\n"),
        Example("Text.\n\nFollow our news team on Twitter\n", "Text.\n\n"),
        Example("Text.\n\nFollow me on Twitter\n", "Text.\n\n"),
        Example("Text.\n\nRead more about it on our website\n", "Text.\n\n", note="a teaser: no full stop"),
        Example("Text.\n\nRELATED: These are the best phones of 2024\n", "Text.\n\n"),
        Example("The talks ended.\n\nRead more: [Russia and Ukraine swap prisoners](https://news.example.com/world/"
                "2024/swap)\n\nMore text.\n", path="a.md",
                note="scraped into Markdown: a teaser's link is an absolute URL"),
        Example("The talks ended.\n\n![Advertisement](https://ads.example.com/banner.gif)\n", path="a.md",
                note="an advertisement's image, from another site"),
    )
    allow = (
        Example("We renovated the kitchen over the winter.\n\nPictures: Before and After\n\nThe old cabinets went.\n",
                note="a gallery's caption, not a credit"),
        Example("Our trip took us through three countries.\n\nPhotos: Paris, Lyon, Geneva and Milan\n\n"
                "The first stop was the hardest.\n", note="a list of places, not a credit"),
        Example("Version 4.2 release notes\n\nFixed a crash when opening very large files. (Windows/Linux)\n"
                "The installer no longer asks for a restart. (Windows/macOS)\n",
                note="platforms in brackets: no person, agency or medium"),
        Example("My grandmother baked this bread every Sunday for fifty years, and the recipe below is hers "
                "(Courtesy of Jane Doe)\n", note="a recipe's source, no picture's"),
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
        Example("The course has four parts, each with a short film.\n\nVideo: Install, configure, test\n\n"
                "The first part takes ten minutes.\n", note="a title after Video:, no credit"),
        Example("Launch settings for the server.\n\nImage: Ubuntu 22.04, x86-64, 20 GB disk\n\nRegion: eu-west-1\n",
                note="a value list after Image:"),
        Example("Firmware notes for the router.\n\nUpdated 1.20\n\nFixes the Wi-Fi drop on reboot.\n",
                note="a version after the dateline's word, no time of day"),
        Example("Dear Editor,\n\nFebruary 1995\n\nI write about the bridge.\n", note="a letter's date is content"),
        Example("The hall opens on one day only.\n\nNovember 19, 2019\n\nTickets are free.\n",
                note="a date without its time of day"),
        Example("It all began in the spring.\n\nTwenty years ago\n\nThe town had no school.\n",
                note="an age in words: a heading of the story's own"),
        Example("Tags are free-form labels; see the guide.\n"),
        Example("The storm hit at night.\n\nPhoto by Jane Smith shows the roof torn off.\n\nNobody was hurt.\n",
                note="a sentence about a photo: a verb follows the name"),
        Example("Export\n\nThe editor saves the image in three formats (PNG/JPEG/GIF)\n\nPick one.\n",
                note="terms in brackets with slashes, not after a full stop"),
        Example("The figures come from two agencies (see NASA/ESA).\n", note="a sentence ends after the bracket"),
        Example("The flight was delayed. (Reuters/AP)\n", path="a.md", note="Markdown: not extractor output"),
        Example("Connect the client to the router.\n\nStation/AP\n\nThe two modes differ.\n",
                note="a pair of terms: a credit names a person, two words or more"),
        Example("Modes of the radio.\n\nWireless Access Point/AP\n\nThe device relays traffic.\n",
                note="a term and its abbreviation: an agency of two letters is a credit only in brackets"),
        Example("You are invited to our spring concert.\n\nSaturday, June 1, 2024 at 7:30 pm\n\nRoyal Albert Hall.\n",
                note="an event's date and time: no time zone, no dateline's word"),
        Example("You are invited to our spring concert.\n\nRoyal Albert Hall - June 1, 2024, 7:30 pm\n\nTickets are free.\n",
                note="a place with a date and time: no `By`, no time zone"),
        Example("Deadline for entries:\n\nMay 31, 2024 at 23:59 CET\n\nLate entries are not read.\n",
                note="the content a sentence ending with a colon announces"),
        Example("It all began in the spring.\n\n20 years ago\n\nThe town had no school.\n",
                note="an age without a time of day"),
        Example("Release schedule:\n\n- September 29, 2017\n- 3.3.7 final: September 19, 2017\n", path="a.rst"),
        Example("The toolbar has three buttons:\n\n- Print\n- Share\n- Close\n", path="a.md"),
        Example("Woman arrested in Kostanay for post on Instagram\n\nShe was spreading false information.\n",
                note="a headline is a sentence; a social link names an account"),
        Example("Text.\n\nProtesters gathered on Facebook\n\nMore text.\n"),
        Example("Several middlewares are provided by Starlette.\n\nRead more about them in the [FastAPI docs for "
                "Middleware](https://fastapi.tiangolo.com/advanced/middleware/).\n", path="a.md",
                note="a sentence that points back at the text before it"),
        Example("Set the key in your `.env` file.\n\n:::tip\nRead more about [environment variables]"
                "(/en/guides/environment-variables/) and `.env` files in Astro.\n:::\n", path="a.mdx",
                note="a docs source's pointer to a page of the same site"),
        Example("Install the system dependencies.\n\nNext: [Install Rust](#rust)\n", path="a.md",
                note="a link within the page"),
        Example("Vite 5 is out.\n\nQuick links:\n\n- [Docs](/)\n- [Migration Guide](/guide/migration)\n", path="a.md",
                note="a label over the author's own list of links to the same site (vite.dev's release posts)"),
        Example("You can see the new search on the site.\n\n![Search Preview](./blog/search_preview.gif)\n",
                path="a.md", note="an image of the page's own, its alt text"),
        Example("<Steps>\n1. [Sign up for Fly.io](https://fly.io/docs/getting-started/) if you haven't already.\n"
                "</Steps>\n", path="a.mdx", note="MDX is a site's source, never an extractor's output"),
        Example("Set the key first.\n\nRead more about `environment variables <../guides/env.html>`_.\n",
                path="a.rst", note="a reST link to a page of the same site"),
        Example("## helm show all\n\nshow all information of the chart\n\n### Synopsis\n\nThis command inspects a "
                "chart.\n", path="a.md", note="a command's one-line summary under its name (helm's CLI reference)"),
        Example("# r2e\n\n> An RSS to email tool.\n\n- Subscribe to a feed:\n\n`r2e add {{name}} {{url}}`\n\n"
                "- Log out:\n\n```\nr2e logout\n```\n", path="pages/common/r2e.md",
                note="a step's words over the command it runs"),
        Example("Fold and cut was the basis of several early magic tricks. The earliest\n\nreference we know is from "
                "1833, in a book written\n\nby Lydia Marie Child. See\n\nthe history project for images.\n",
                note="a wrapped line where a sentence ends after a name: no byline"),
        Example("A crowdfunding video should tell a story that connects with the viewer.\n\nVideo Production Tips\n\n"
                "Picking a partner is hard, because most companies make videos rarely.\n",
                note="a heading: bare, capitalized words after `Video` or `Image` are no credit (`Photo John Smith` is)"),
    )

    def _judge(self) -> Judge:
        """The judge of this rule's lists, made once per rule (the options are fixed): asked per document,
        the lists' tuples were copied and hashed for ``judge_for``'s cache in each (4 µs a record)."""
        judge: Judge | None = self.__dict__.get("_judge_made")
        if judge is None:
            with SettingUp():  # (the lists read and compiled once: the run's, not this document's time)
                lists = default_lists()
                o = self.opts
                phrases = (*(o.phrases or lists.get("phrases", [])), *o.extend_phrases)
                prefixes = (*(o.prefixes or lists.get("prefixes", [])), *o.extend_prefixes)
                patterns = (*(map(expanded, o.patterns) if o.patterns else lists.get("patterns", [])),
                            *map(expanded, o.extend_patterns))
                judge = self.__dict__["_judge_made"] = judge_for(phrases, prefixes, patterns)
        return judge

    def prepare(self) -> None:
        self._judge()

    def check_document(self, doc: Document) -> Iterator[Finding]:
        # A caption is asked of the lines the lists did not take: a credit or a copyright line they
        # take is a boilerplate line, with its fix.
        taken: set[int] = set()
        for finding in self._furniture(doc):
            taken.add(finding.start)
            yield finding
        if doc.format == "text":
            yield from (f for f in self._captions(doc) if f.start not in taken)

    def _furniture(self, doc: Document) -> Iterator[Finding]:
        """The lines the phrase lists take as furniture."""
        judge = self._judge()
        segments = [seg for seg in doc.segments if seg.kind not in _NOT_FURNITURE]
        if not segments:
            return
        text = doc.text
        # The lists are asked about all candidate lines at once, cut from the segments' texts in C (a
        # masked URL shown as it is in the file); only the few lines they may name are mapped back to
        # the file and judged as the file shows them.
        texts = [seg.text if not seg.opaque else _shown(seg, text) for seg in segments]
        body = "\x00" + "\x00".join(texts)
        firsts = _first_lines(body, texts)
        hits = judge.maybe_furniture(firsts + _next_lines(body))
        if not hits:
            return
        starts = list(accumulate((len(seg.text) + 1 for seg in segments[:-1]), initial=1))
        at = [m.start(1) for m in _FIRST_LINE.finditer(body)] + [m.start(1) for m in _next_line_matches(body)]
        plain = doc.format == "text"
        taken: list[_Taken] = []
        for k in hits:
            i = bisect_right(starts, at[k]) - 1
            seg = segments[i]
            # The line as the segment has it: its prose, never the markup around it in the file.
            a = at[k] - starts[i]
            line = body[at[k] : _line_end(body, at[k])]
            b = a + len(line.rstrip())
            if b - a > 160 or b <= a:
                continue
            start, end = seg.to_source(a), seg.to_source_end(b)
            if doc.protected and doc.is_protected(start):
                continue
            if not judge.furniture(line, seg.kind, partial(_continues, seg.text, b)):
                continue
            if (_points_within_site(doc, start, end) or _introduces_code(doc, line, end)
                    or _introduces_own_links(doc, line, end)
                    or _describes_heading(doc, seg, a, line)):
                continue
            announced = _announced(text, start, judge)
            if announced and _ANNOUNCED_VALUE.search(line) is not None:
                continue
            taken.append(_Taken(seg, a, b, start, end, line, announced, _TIME_OF_DAY.search(line) is not None))
        # A timestamp line (a dateline, a byline with its time) is deleted only where it is the page's one
        # stamp, in its head: stamps between passages are who said what and when (a transcript's
        # messages, a live blog's updates), and a name with a date and time is as often an event's.
        stamps = sum(1 for t in taken if t.stamped)
        # After a sentence that ends with a colon, the line may be what it announces (a button's label
        # the text quotes: `…the red button that says:` over `Subscribe to our newsletter`): unsafe.
        for t in taken:
            words = t.line.strip()
            fix = (_NO_FIX if t.stamped and _NAMED_STAMP.match(words) else
                   _UNSAFE if t.announced or _CREDIT_BY.match(words) is not None
                   or _PLACE_CREDIT.fullmatch(words) is not None
                   or (t.stamped and (stamps > 1 or not _in_head(text, t.start)
                                      or _DATELINE.match(words) is None)) else _AS_PLACED)
            yield self._finding(doc, t.seg, t.a, t.b, t.start, t.end, t.line, plain, fix)

    def _captions(self, doc: Document) -> Iterator[Finding]:
        """A photo's caption with its credit (plain text): reported, never fixed, since the caption
        describes a picture the text lost and a person decides whether it goes."""
        text = doc.text
        for start, end in _bracket_or_credit_lines(text):
            shown = text[start:end]
            if not any(map(shown.__contains__, _CAPTION_MARKS)):
                continue  # (``caption_with_credit`` turns it down: most lines that end with a bracket)
            lead = len(shown) - len(shown.lstrip())
            if len(shown) - lead > 400 or not caption_with_credit(shown.strip()):
                continue
            if doc.protected and doc.is_protected(start + lead):
                continue
            yield self.finding_at(start + lead, start + len(shown.rstrip()),
                                  f"Photo caption with its credit '{shown.strip()[:50]}'")

    def _finding(self, doc: Document, seg: Segment, a: int, b: int, start: int, end: int, line: str,
                 plain: bool, fix: int = 0) -> Finding:
        """A furniture line, and how much of it a fix may delete. The whole line, its ending included,
        where the file's line is nothing but the furniture; safe only in plain text, since in a marked-up
        file the line is a block of its own (a paragraph, an item) whose removal changes the document's
        structure. Inside a line of markup (a tag, emphasis, a link), only the words, and unsafe."""
        text = doc.text
        message = f"Boilerplate line '{line.strip()[:50]}'"
        if not seg.is_contiguous(a, b) or fix == _NO_FIX:
            return self.finding_at(start, end, message)
        line_start = lines.line_start(text, start)
        eol = _EOL_AT.search(text, end)
        line_end = eol.start() if eol else len(text)
        after = eol.end() if eol else len(text)
        if not text[line_start:start].strip() and not text[end:line_end].strip():
            return self.finding_at(start, end, message, edits=[(line_start, after, "")],
                                   applicability=Applicability.SAFE if plain and fix == _AS_PLACED
                                   else Applicability.UNSAFE)
        return self.finding_at(start, end, message, edits=[(start, end, "")], applicability=Applicability.UNSAFE)


# How far a furniture line's fix goes: as its place says (the whole line, safe in plain text), unsafe
# only, or none (reported only).
_AS_PLACED, _UNSAFE, _NO_FIX = 0, 1, 2
# A time of day, the mark of a timestamp line (`10:31 pm`, `8.22 am`).
_TIME_OF_DAY = compiled_on_use(r"(?<![\d.])\d{1,2}(?::\d{2}|\.\d{2} ?[AaPp]\.?[Mm])(?![\d.]\d)")
# A name before the date and time, without `By` (`Chris Davies - Nov 19, 2019, 10:31 pm CST`): a
# message's sender, an event's place or title as often as an article's author.
_NAMED_STAMP = compiled_on_use(r"(?!(?i:by|published|updated|posted|first|last)\b)[A-Z][\w.'’-]*"
                               r"(?:\s+[A-Z][\w.'’-]*){1,3}\s*[,|-]\s*\w")
# A dateline's word, a byline or an age before a stamp's time (`Published Nov 19, 2019 8:22 AM EST`, `By Jane
# Doe - …`, `2 days ago at 07:52 am`): a page's own stamp. A date, a time and a zone alone (`Thursday, June
# 6, 2024 / 10:00 AM PDT`) head an event's page as often: the time it announces, content.
_DATELINE = compiled_on_use(r"(?i)(?:first\s+)?(?:published|updated|posted|last updated|by\s)|[^\n]*\bago\b")
# A credit that names its photographer after `by` (`Photo by David Dyer-Bennet`): in an article on art the
# same words attribute the work the text discusses (`Photo by Man Ray`), content.
_CREDIT_BY = compiled_on_use(r"(?i)\(?(?:photo|image|picture|video)(?: credit)? by\s")
# A credit whose name may be a place's (`Photo: Council Chamber`, boilerplate.yaml's `place`): a caption as
# often as a credit, so its deletion is the reader's call.
_PLACE_CREDIT = compiled_on_use(expanded(r"(?i)\(?(?:photo|picture)\s*:\s*(?:© ?)?(?&place)\)?\.?"))
# The document's head: its title and the first lines under it, where a page's dateline stands.
_HEAD_LINES = 4


def _in_head(text: str, start: int) -> bool:
    """Whether the line at ``start`` is among the document's first ``_HEAD_LINES`` lines that hold text."""
    held = 0
    for line in text[:start].splitlines():
        if line.strip():
            held += 1
            if held >= _HEAD_LINES:
                return False
    return True


# A caption's credit at its end: (AP Photo/Alan Diaz, File), (Photo by Kevin Mazur/Getty Images),
# (Credit: Getty Images), (Image credit: NASA), Credit...Doug Mills/The New York Times (glued by the
# extractor), or after the caption's full stop the sources in brackets, slashes between capitalized
# names: (NASA/JPL-Caltech/ASU), ( STEVE GSCHMEISSNER/SCIENCE PHOTO LIBRARY ).
_CREDIT_END = compiled_on_use(
    r"(?:\((?:(?:AP|AFP|Reuters|Getty) )?(?:Photo|Image|Picture)(?: credit)?(?: by |/|: ?)[^()\n]{2,80}\)"
    r"|\((?:Credit|Courtesy): [^()\n]{2,80}\)"
    r"|\bCredit\.\.\.(?=[A-Z])[^()\n]{2,80}"
    r"|[.!?][\"”’]? ?\((?P<sources> ?[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3}(?: ?/ ?[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3})+ ?)\))$")
# What every credit _CREDIT_END finds holds (its sources in brackets are split by a slash): a line ending
# with a bracket that holds none (a call, an aside: most of them) is turned down by substring tests in C,
# where the search tried the pattern at each bracket and mark (the PEPs' 11,947 such lines: 14.5 -> 9.5 ms).
_CREDIT_MARKS = ("/", "Photo", "Image", "Picture", "Credit", "Courtesy")
# What every line ``caption_with_credit`` takes holds: a credit mark, or the © it opens with (white space
# stripped from a line's ends takes no mark off it).
_CAPTION_MARKS = (*_CREDIT_MARKS, "©")
# Sources in brackets are a credit where they name a person (two capitalized words), an agency (an
# acronym: NASA, ESA) or a medium (…/Science Photo Library, …/Getty Images); release notes end with
# their platforms the same way ('Fixed a crash. (Windows/Linux)').
_SOURCES_CREDIT = compiled_on_use(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b|\b[A-Z]{2,}\b"
                                  r"|(?i:\b(?:photos?|images?|pictures?|press|news|agency|library|times)\b)")
# A caption led by its credit: © John Brecher Needle poking skin during … (a name of two capitalized
# words, then the caption's capitalized first word). A company's copyright footer is no caption
# ('© Acme Corporation All rights reserved.', '© The New York Times Company').
_CREDIT_START = compiled_on_use(r"© ?[A-Z][\w.'-]+ [A-Z][\w.'-]+ [A-Z][a-z]"
                                r"(?!.*\b(?:All rights reserved|Inc\b|Corp\b|Corporation|Company|Foundation|Ltd\b|LLC))")


# The line breaks after a closing bracket, each found from a line break (a literal the regex engine skips to
# faster than str.find finds the two characters: 10 against 17 ms on the PEPs), and a glued credit, found
# from its capital (7 against 12 ms).
_BRACKET_LF = compiled_on_use(r"\n(?<=\)\n)")
_BRACKET_CR = compiled_on_use(r"\r(?<=\)\r)")
_GLUED_CREDIT = compiled_on_use(r"Credit\.\.\.")


def _bracket_or_credit_lines(text: str) -> list[tuple[int, int]]:
    """Where each line that ends with a bracket, or holds a glued credit or a ©, starts and ends (found
    in C: most lines of a text are neither, and are never split out; a CR is looked for only in a text
    that holds one)."""
    ends = set(map(_start, _BRACKET_LF.finditer(text)))
    if "\r" in text:
        ends.update(map(_start, _BRACKET_CR.finditer(text)))
    if text.endswith(")"):
        ends.add(len(text))
    m = _GLUED_CREDIT.search(text)
    while m is not None:
        end = lines.line_end(text, m.start())
        ends.add(end)
        m = _GLUED_CREDIT.search(text, end)
    i = text.find("©")  # (one character: str.find's own fast search, 10 times the regex engine's)
    while i >= 0:
        end = lines.line_end(text, i)
        ends.add(end)
        i = text.find("©", end)
    return [(lines.line_start(text, e), e) for e in sorted(ends)]


def caption_with_credit(line: str) -> bool:
    """Whether a line is a caption of three words or more with its photo credit at its end, or one led
    by a © credit."""
    if _CREDIT_START.match(line) is not None:
        return True
    if not any(map(line.__contains__, _CREDIT_MARKS)):
        return False
    m = _CREDIT_END.search(line)
    if m is None or (m.group("sources") is not None and _SOURCES_CREDIT.search(m.group("sources")) is None):
        return False
    # Three words or more before the credit: a credit alone is the credit patterns' (a safe deletion).
    return line[:m.start()].strip().count(" ") >= 2


def _first_lines(body: str, texts: list[str]) -> list[str]:
    """``_FIRST_LINE.findall(body)``, ``body`` the ``texts`` each after a NUL: where those NULs are all of its
    NULs and it holds no CR, each text's first line of 1 to 160 characters, cut from the text in C (up to
    its first newline), where the regex engine stepped through the whole body to each NUL (the PEPs as
    text: 57 -> 45 ms with the texts' joining)."""
    if "\r" in body or body.count("\x00") != len(texts):
        return _FIRST_LINE.findall(body)
    heads = map(itemgetter(0), map(str.partition, texts, repeat("\n")))
    return [head for head in heads if 0 < len(head) <= _LONGEST_LINE]


def _next_lines(body: str) -> list[str]:
    """``_NEXT_LINE.findall(body)``: the lines after one that ended a sentence."""
    # (One search for a line break after a space or a tab, from each line break, where the two substring
    # tests scanned the text twice: 9 against 29 ms on the PEPs.)
    if "\r" in body or _SPACED_BREAK.search(body) is not None:
        return [m.group(1) for m in _next_line_matches(body)]
    return _BREAK_AFTER_MARK.findall(body)


def _next_line_matches(body: str) -> list[re.Match[str]]:
    """The matches of ``_NEXT_LINE`` in ``body`` (group 1: the line), or of patterns that find the same
    lines in the same order."""
    if "\r" in body:
        return list(_NEXT_LINE.finditer(body))
    found = list(_BREAK_AFTER_MARK.finditer(body))
    spaced = [m for m in _BREAK_AFTER_SPACE.finditer(body) if _after_mark(body, m.start())]
    return sorted(found + spaced, key=_line_start) if spaced else found


def _line_start(m: re.Match[str]) -> int:
    return m.start(1)


def _after_mark(body: str, at: int) -> bool:
    """Whether the spaces or tabs before the line break at ``at`` follow a mark that ends a sentence."""
    i = at
    while i > 0 and body[i - 1] in " \t":
        i -= 1
    return i > 0 and body[i - 1] in _ENDS_SENTENCE


def _line_end(body: str, pos: int) -> int:
    m = _SEG_LINE.match(body, pos)
    return m.end() if m else pos


def _shown(seg: Segment, text: str) -> str:
    """The segment's text, with a masked URL or code as the file has it where the segment is one run of
    the file (the mask is as long as what it hides)."""
    if len(seg.anchors) > 1:
        return seg.text
    start = seg.anchors[0][1]
    return text[start : start + len(seg.text)]



def _points_within_site(doc: Document, start: int, end: int) -> bool:
    """Whether the line at ``start``–``end`` is a docs source's own pointer: in Markdown, MDX or reST, its
    link (or image) goes to a path of the same site (`/en/guides/…`, `#rust`, `./preview.gif`, a reST
    role), or the file is MDX, which no extractor writes, and the line holds a link at all. A site's
    source writes such lines itself (`Read more about [environment variables](/en/guides/…)`, `Next:
    [Install Rust](#rust)`); text a scraper took from a page has its links resolved to absolute URLs, or
    none, and there the same words are a teaser."""
    if doc.format not in _SOURCE_FORMATS:
        return False
    text = doc.text
    targets = [m.group(1) if m.group(1) is not None else m.group(2)
               for m in _LINK_TARGET.finditer(text, lines.line_start(text, start), lines.line_end(text, end))]
    if not targets:
        return False
    return (doc.format == "mdx" or doc.source.path.lower().endswith(".mdx")  # (an MDX file read as Markdown)
            or any(t is None or not _LEAVES_SITE.match(t) for t in targets))


# What opens a code block on the next line of a Markdown or reST source: a fence, an indented block,
# a line that is one code span (tldr-pages' command lines), a reST code directive. The blank lines between
# are read possessively, stopping at one that opens an indented block itself: a greedy repeat backtracked
# into them, and tried each split of a CRLF into CR and LF (2**n on n CRLF blank lines then prose).
_CODE_NEXT = compiled_on_use(r"[ \t]*+(?:\r\n|\r|\n)(?:(?! {4}|\t)[ \t]*+(?:\r\n|\r|\n))*+"
                             r"(?:[ \t]*(?:```|~~~)|    |\t|[ \t]*`[^`\r\n]+`[ \t]*(?:\r\n|\r|\n|$)|\.\. code)")


def _introduces_code(doc: Document, line: str, end: int) -> bool:
    """Whether the line, in a docs source, ends with a colon before a code block: the words of an
    instruction the code carries out (tldr-pages' `- Subscribe to a feed:` over `r2e add …`, `Log in:`),
    not a button's label."""
    return doc.format in _SOURCE_FORMATS and line.rstrip().endswith(":") and _CODE_NEXT.match(
        doc.text, end + (1 if doc.text[end : end + 1] == ":" else 0)) is not None


# The first item of a Markdown list on a later line (blank lines between), as [start, end) of its line.
_LIST_ITEM_NEXT = compiled_on_use(r"[ \t]*+(?:\r\n|\r|\n)(?:[ \t]*+(?:\r\n|\r|\n))*+([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t][^\r\n]*)")


def _introduces_own_links(doc: Document, line: str, end: int) -> bool:
    """Whether the line, in a docs source, is a label ending with a colon over a list whose first item
    links to the same site (vite.dev's release posts: `Quick links:` over `- [Docs](/)`): the author's
    own list of pointers, as `_points_within_site`'s line is, not a widget's heading a scraper kept."""
    if doc.format not in _SOURCE_FORMATS or not line.rstrip().endswith(":"):
        return False
    item = _LIST_ITEM_NEXT.match(doc.text, end + (1 if doc.text[end : end + 1] == ":" else 0))
    return item is not None and _points_within_site(doc, item.start(1), item.end(1))


# What a sentence ending with a colon announces among furniture's shapes, left alone: a value, a date and
# a time of day (`Deadline for entries:` over `May 31, 2024 at 23:59 CET`). A count of comments, a button,
# a social link or a teaser there is reported (`…officials said:` over `12 comments`), but not deleted
# safely: the text may be quoting a label (`…the red button that says:` over `Subscribe to our newsletter`).
_ANNOUNCED_VALUE = compiled_on_use(r"\b\d{1,2}[:.]\d{2}\b")


def _announced(text: str, start: int, judge: Judge) -> bool:
    """Whether the line at ``start`` follows a sentence that ends with a colon (blank lines between them),
    which may announce it: a value (`Deadline for entries:` over `May 31, 2024 at 23:59 CET`, left alone)
    or a label the text quotes (`…the button that says:` over `Subscribe to our newsletter`, not deleted
    safely). Not after a label of a few words or furniture of its own (`Share this:` over `Facebook`,
    `Related:`), which introduces more furniture."""
    before = text[max(0, start - 400):start].rstrip()
    if not before.endswith(":"):
        return False
    line = before[max(before.rfind("\n"), before.rfind("\r")) + 1:]
    return len(line.split()) >= 3 and not judge.furniture(line, "paragraph", _never)


def _describes_heading(doc: Document, seg: Segment, at: int, line: str) -> bool:
    """Whether the line opens the section right under a heading shaped as a command (in lower case, or a
    code span), and describes it: its first words, in lower case, are the heading's last ones, after the
    command's own (`## helm show all` over `show all information of the chart`: a CLI reference's one-line
    summary). A page's chrome under a heading of its own is capitalized, or its heading is words, not a
    command (`## Top stories` over `View all`, `## If you liked it, please share` over `share this article`)."""
    if at != 0 or seg.index == 0 or doc.segments[seg.index - 1].kind != "heading":
        return False
    above = doc.segments[seg.index - 1]
    # A command's name is written in lower case (`helm show all`) or as code; a heading of words
    # (`## If you liked it, please share`) names none.
    shown = doc.text[above.to_source(0):above.to_source_end(len(above.text))] if above.text else ""
    if above.text != above.text.lower() and "`" not in shown:
        return False
    heading = above.text.split()
    words = line.split()
    if not words or not words[0].islower():
        return False
    return any(heading[-k:] == words[:k] for k in range(1, min(len(heading) - 1, len(words)) + 1))


def _never() -> bool:
    return False


def _continues(text: str, line_end: int) -> bool:
    """The next line of the same paragraph starts lowercase: the line was wrapped mid-sentence."""
    nxt = text[line_end : line_end + 80].lstrip(" \t\r\n")
    return nxt[:1].islower()
