"""P103 missing-terminal-punctuation: a prose paragraph whose last sentence has no end mark."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import compress
from operator import and_, attrgetter, itemgetter

from lint import lines
from lint.language import pack, packs, primary
from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.options import RuleOptions, option
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule
from lint.scan import end_mark_test
from lint.sentences import final_line, final_sentence

# A cheap hint that a paragraph holds more than one sentence (the segmenter confirms it); not an initial
# (`carried A. Vanik to`).
# Led by the mark, which the regex engine skips to in C, with the word character before it asserted
# behind it: a pattern led by `[\w)\]]` is tried at nearly every character. (Asked only whether it occurs.)
_INNER_SENTENCE_END = compiled_on_use(r"[.!?](?<=[\w)\]](?<!\b[A-Z])[.!?])[\"”’)\]]?\s+[\"“‘(\[]?[A-Z]")
# In Chinese and Japanese, a full-width end mark followed by more text (no space, no capitals).
_INNER_CJK_END = compiled_on_use(r"[。！？][」』”）]?\S")
# ``_INNER_SENTENCE_END.search(text) is not None``, asked as its literal-led pieces, `.`, `!` and `?`: the
# engine skips from one mark to the next in C, where a search for the class tests every character.
_holds_inner_sentence_end = end_mark_test(_INNER_SENTENCE_END.pattern)
# Last sentences that are page furniture, not cut sentences: a label ("Photo: AP"), a credit
# ("Mike Blake/Reuters files"), a byline ("More by Logan C. Ritchie"), a call to action ("Donate today").
# A label of one to three words (`Photo: AP`, `Read more: …`), not a clause that introduces one
# (`The last poll showed: if …`).
_LABEL = compiled_on_use(r"(?=[\w ]{1,20}: )\w+(?: \w+){0,2}: ")
_BYLINE = compiled_on_use(r"\bby(?: [A-Z][\w.’'-]*)+$")
_CALL_TO_ACTION = compiled_on_use(
    r"(?:sign up|sign in|log in|subscribe|donate|download|follow|click|read more|read the|view all|see more|"
    r"see all|share|join|learn more|contact|buy|shop|order|watch|listen)\b", re.I)
# After the paragraph: the rest of its last line, then a blank line or the end of the text.
_PARAGRAPH_END = compiled_on_use(r"[^\r\n]*(?:(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)|(?:\r\n|\r|\n)?[ \t]*\Z)")
# The next block is a list, a table or a quotation that this paragraph introduces ("we propose\n\n- …").
_INTRODUCES = compiled_on_use(r"\s*(?:[-*+•]\s|\d{1,3}[.)]\s|[|+>]|\.\. |::|__ )")
_FURNITURE = compiled_on_use(r"©|\(c\) |\ball rights reserved\b|\S \| \S", re.I)
# An ellipsis that cuts text, not one between numbers (`+19…+24 degrees`: a range).
# A quotation's attribution after its last stop (`…信赖。- Kent C. Dodds - Testing Library 的作者`,
# `… you. — Jane Doe`): a credit line, not a cut sentence.
_ATTRIBUTION = compiled_on_use(r"\s*[-–—―]{1,2}\s*\S")
_ELLIPSIS = compiled_on_use(r"(?<![\d%])(?:…|\.\.\.)|(?:…|\.\.\.)(?![+\-–]?\d)")
_LIST_START = compiled_on_use(r"(?:[-*+•]|\d{1,3}[.)])\s")
# A web address written bare at the paragraph's end (`visit example.org`, `www.example.de/events`): a
# generic top-level domain, or any after `www.`, so that a file name (`README.md`) or a library (`Next.js`)
# is no address; nor is a method named as code (`logger.info`, `value.int`): `.info` and `.int` only after
# `www.`.
# (Matched whole against the last word alone: searched in the paragraph, every start before a long dotted
# run would be tried again.)
_DOMAIN = compiled_on_use(
    r"(?:www\.[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu)"
    r"(?:\.[a-z]{2})?)(?:/[\w./%-]*)?")


class MissingTerminalPunctuation(Rule):
    code = "P103"
    slug = "missing-terminal-punctuation"
    summary = "Paragraph ends without a full stop or other end mark"
    rationale = """
**What it does.** Flags a prose paragraph of several sentences whose last sentence ends in a word,
with no `.`, `!`, `?`, `…` or closing quote or bracket after one.

**Why is this bad?** The end of the text was cut: a teaser truncated by a CMS, a paragraph split by a
scraper at an ad slot, an MT segment that lost its final mark. Readers cannot tell whether something is
missing.

Not flagged: headings, list items, table cells and captions; one-sentence paragraphs (in scraped text
most often a caption, a title or a teaser — option `single-sentence: true` flags those of at least
`minimum-words` words), except a one-sentence paragraph of `between-words` words or more (11 by default), mostly
lower-case words with an article or a past auxiliary (`was`, `had`: headlines drop articles and tell the past in
the present), not code, a list item, an indented block, a `[Photo]`
caption or a title with its site's name, between two paragraphs that end their sentences (or the last one, after
such a paragraph; a paragraph that reopens a quotation the one before left open starts a sentence too): where its neighbours keep the convention, the one that breaks it was cut short; and, with the
option `running-words: N` (off by default), a long one (N words or more) that another paragraph follows with a new
sentence, whatever the paragraph before it; a last sentence that is page furniture (`Photo: AP`, `Mike Blake/Reuters
files`, `More by Jane Doe`, `Donate today`, `Download Your Free Upgrade` (Title Case: every word capitalized but articles, conjunctions and
short prepositions; a sentence heavy with names keeps its verbs in lower case and is flagged), a page title with its
site's name (`… - Xinhuanet`), a copyright line, a
`News | Sports` menu); a paragraph that introduces a list, a table, a quotation or code below it
(`we propose` + list); a paragraph set entirely in emphasis (a byline, a note); a numbered caption of one line, its label and one
fragment (`Figure 2. Map of the speaking area`: a caption that is no full sentence takes no stop; a
numbered step's, `Step 3. Add the flour and`, is judged); a letter's closing
(`Best regards,` + name); lines ending with a colon, a number, code or a link (a web address written bare too: `visit example.org`,
`www.example.de`; not a file or library name, `README.md`, `Next.js`, nor a method, `logger.info`, nor a
company named by its address and capitalized, `… is Amazon.com`).

In Chinese and Japanese, sentences are told apart by their full-width marks (。！？) and the fix appends
`。` (the language pack's full stop). A last sentence of fewer than eight characters is a label, and one of
24 characters or fewer with a slash, no comma and a word for the photograph, © or an agency a caption's
photo credit (`约翰·史密斯摄/盖蒂图片社`, `写真　山田太郎／ロイター`; not `詳細は設定/一般を参照`): neither is flagged.
"""
    severity = Severity.INFO
    fix = Applicability.UNSAFE
    fix_note = "Appends a full stop; unsafe because the rest of the sentence may be what is missing."
    kinds = frozenset({"paragraph", "blockquote"})
    # Sentences end with `.` in most languages, with the full-width `。` where the pack says so (ja, zh).
    languages = frozenset({"en", *(primary(t) for t in packs())})
    # A document rule: only a paragraph that ends in a letter can lack its end mark, and those few are
    # picked from all segments in one comprehension rather than a call per segment.
    scope = "document"
    # One-sentence paragraphs are flagged only on request (`single-sentence: true`), and then only from
    # `minimum-words` words on: a lone sentence without a full stop is most often a caption or a title.
    # A long one-sentence paragraph (`running-words` words or more, mostly in lower case) followed by a
    # paragraph that starts a sentence is most often a sentence cut short. Off by default (0): on held-out
    # human news references it flagged about one paragraph in 10,000 words (captions, standfirsts) for
    # little recall; 20 is the value measured in bench/recall.py.

    @dataclass(frozen=True)
    class Options(RuleOptions):
        """The rule's options (config `rules: {P103: {...}}`; see `copylint explain`)."""

        single_sentence: bool = option(False, "also flag a paragraph of one sentence (most often a caption "
                                              "or a title)")
        minimum_words: int = option(20, "with `single-sentence`: the words a one-sentence paragraph needs "
                                        "to be flagged", minimum=1)
        running_words: int = option(0, "flag a one-sentence paragraph of this many words or more, mostly in "
                                       "lower case, that runs into the next (0: off)", minimum=0)
        between_words: int = option(11, "flag a one-sentence paragraph of this many words or more, mostly in "
                                        "lower case, between paragraphs that end with an end mark (the last "
                                        "paragraph: after one) (0: off)", minimum=0)
    opts: Options
    flag = (
        Example("The plane crashed in the Belgorod region. Officials said 74 people were on board",
                "The plane crashed in the Belgorod region. Officials said 74 people were on board."),
        Example("Russian news agencies said the soldiers had been flown to Belgorod. The exchange took place "
                "near the border",
                "Russian news agencies said the soldiers had been flown to Belgorod. The exchange took place "
                "near the border."),
        Example("Talks resumed on Monday. Both sides said progress was slow but steady",
                "Talks resumed on Monday. Both sides said progress was slow but steady."),
        Example("The investigation continues. Officials will publish the results later this year"),
        Example("Figure 2. The map shows where the language is spoken. Villages are marked in red",
                note="a caption's label, then sentences: the last one cut"),
        Example("Preheat the oven before you start.\n\nStep 3. Add the flour and stir until the mixture is smooth and",
                note="a numbered step is no caption: its sentence cut"),
        Example("March 3, 2024. The company said on Monday that the new version would ship to every customer before "
                "the end of", note="a dated paragraph that goes on into an article's sentence"),
        Example("We met the team in Paris in May 2024. Everyone came back with new ideas for the project",
                note="a first sentence that holds more than a date"),
        Example("12 March 2024. The minister said on Tuesday that the new budget would\n",
                note="a news item's dateline, then its first sentence cut short"),
        Example("12 de marzo de 2024. El ministro dijo que el presupuesto\n", language="es"),
        Example("He said it was new. “We will deal with it now,” he added, and then he left the room"),
        Example("The river flooded after heavy rain. Hundreds of homes in the north were damaged"),
        Example("Prices rose again in March. The U.S. Federal Reserve is expected to raise rates in April"),
        Example("The museum reopened. Visitors queued for hours to see the restored paintings\n\n## Next\n",
                path="a.md"),
        Example("This is a test sentence.\nAnd this is a second test sentence. Here is a quotation mark missing"),
        Example("Mr. Smith met Dr. Jones in Washington, D.C. on Monday. They discussed the NATO summit"),
        Example("The page renders on the server first. The whole front end of the shop is built with Next.js",
                "The page renders on the server first. The whole front end of the shop is built with Next.js.",
                note="a library's name, not a web address"),
        Example("The books were first sold online in 1995. The biggest seller of them today is Amazon.com",
                "The books were first sold online in 1995. The biggest seller of them today is Amazon.com.",
                note="a company named by its address, capitalized: a name that ends the sentence, not an address"),
        Example("Warnings go to the log file. To record one the handler calls logger.info",
                "Warnings go to the log file. To record one the handler calls logger.info.",
                note="a method named as code, not a web address"),
        Example("設定を変更しました。詳細は設定/一般を参照\n", "設定を変更しました。詳細は設定/一般を参照。\n", language="ja",
                note="a short clause with a slash, but no photograph, © or agency: no credit"),
        Example("程序运行时发生了问题。读取/写入数据时出错\n", "程序运行时发生了问题。读取/写入数据时出错。\n", language="zh"),
        Example("これは最初の文です。これは二番目の文ですが終わりがありません\n",
                "これは最初の文です。これは二番目の文ですが終わりがありません。\n", language="ja"),
        Example("这是第一句话。这是第二句话但是没有结束\n", "这是第一句话。这是第二句话但是没有结束。\n", language="zh"),
        Example("議会は週末も開かれる。与党は予算案／補正予算案の両方を来週の本会議で採決する見通しだが\n",
                "議会は週末も開かれる。与党は予算案／補正予算案の両方を来週の本会議で採決する見通しだが。\n",
                language="ja", note="a slash in a clause cut short: longer than a credit"),
        Example("国会周末继续开会。执政党希望下周表决预算/补充预算，但是\n",
                "国会周末继续开会。执政党希望下周表决预算/补充预算，但是。\n", language="zh",
                note="a comma: a clause, not a credit"),
        Example("The storm hit the coast on Monday night.\n\nImmediately after the storm, the government set up a "
                "response team and opened a hotline\n\nThe damage is still being counted.\n",
                "The storm hit the coast on Monday night.\n\nImmediately after the storm, the government set up a "
                "response team and opened a hotline.\n\nThe damage is still being counted.\n",
                note="one sentence between two paragraphs that end theirs"),
        Example("He moved through more than twenty clubs in his career.\n\nHe is the only player to have played in "
                "all six confederations of the world game\n",
                "He moved through more than twenty clubs in his career.\n\nHe is the only player to have played in "
                "all six confederations of the world game.\n", note="the last paragraph, after one that ends"),
        Example("Rescuers arrived within minutes of the call.\n\nThey carried A. Vanik to an ambulance, which took "
                "him to the medical center in the city\n", note="an initial is not a sentence end"),
        Example("The league changed the rules after the final.\n\n\"This violates the integrity of the tournament and the principle of sport\n\n"
                "\"And this decision would not be supported by UEFA,\" he said.\n",
                "The league changed the rules after the final.\n\n\"This violates the integrity of the tournament and the principle of sport.\n\n"
                "\"And this decision would not be supported by UEFA,\" he said.\n",
                note="the next paragraph reopens a quotation with a capital: a sentence"),
        Example("He scored 39 points in 28 matches last season.\n\nDrury was selected 42nd overall by Carolina in the "
                "2018 draft\n", "He scored 39 points in 28 matches last season.\n\nDrury was selected 42nd overall by "
                "Carolina in the 2018 draft.\n", note="a past auxiliary: a sentence, not a headline"),
        Example("The drivers raced for two days. Andrey Petukhov, Vladislav Nezvankin, Vadim Antipov, and Dmitry "
                "Lebedev won the Super-Production",
                "The drivers raced for two days. Andrey Petukhov, Vladislav Nezvankin, Vadim Antipov, and Dmitry "
                "Lebedev won the Super-Production.", note="names, but verbs in lower case: not Title Case"),
        Example("The election is in October. The last poll showed: if the elections took place today, 17 percent "
                "would vote for the farmers",
                "The election is in October. The last poll showed: if the elections took place today, 17 percent "
                "would vote for the farmers.", note="a clause before the colon, not a label"),
        Example("In CVS, the bug fix releases happen on a branch. For example, the branch for the 2.3\n"
                "maintenance releases is release23-maint\n",
                "In CVS, the bug fix releases happen on a branch. For example, the branch for the 2.3\n"
                "maintenance releases is release23-maint.\n", note="one identifier is no code"),
    )
    allow = (
        Example("これは最初の文です。これは二番目の文です。\n", language="ja"),
        Example("共和党は予算案で合意できなかった。議会は週末も開かれる。写真\u3000山田太郎／ロイター\n", language="ja",
                note="a caption's photo credit: photographer, slash, agency"),
        Example("议员们未能就预算达成一致。国会周末继续开会。约翰·史密斯摄/盖蒂图片社\n", language="zh"),
        Example("第一段。这是正文。\n\n> 你的测试越是类似于你的软件的使用方式，它们就越能值得你信赖。- Kent C. Dodds - Testing "
                "Library 的作者\n\n第三段。这是正文。\n", path="a.md", language="zh",
                note="a quotation's attribution after its last stop"),
        Example("Ceci est une phrase. Et voici la suite de la phrase.\n", language="fr"),
        Example("This is a developing story and will be updated."),
        Example("Videograb shows an explosion following the plane crash"),
        Example("By Jane Doe, Reuters"),
        Example("The following items were on board:"),
        Example("# A heading without a full stop, which is normal in headings of any length\n", path="a.md"),
        Example("- A list item without a full stop, which is normal in lists of any length\n", path="a.md"),
        Example("“We will deal with it now,” Kremlin spokesman Dmitry Peskov said."),
        Example("Is this the end? Nobody knows."),
        Example("He waited… and waited…"),
        Example("See the guide at https://example.com/docs/guide"),
        Example("The gallery opens on Friday. For more information visit example.org\n",
                note="a web address written bare: a link, as one with its scheme is"),
        Example("Die Galerie öffnet am Freitag. Weitere Informationen erhalten Sie auf galerie-beispiel.org\n",
                language="de"),
        Example("Run the installer and then the command `cargo build --release`", path="a.md"),
        Example("But Alex Martelli thinks that this is what the next quotation says\n\n    this total breach.\n",
                path="a.rst"),
        Example("Minuet for piano in G major, WoO 10/2 - Ludwig van Beethoven"),
        Example("Game board with 108 spaces arranged in a 12 by 9 array"),
        Example("The typical U.S. daily menu, says Dr. Keys, contains 3,000 calories"),
        Example("Support for Python 2.7 officially stopped in January 2020"),
        Example("Mentionable missing or incompatible features in the library include\n\n- SHA-3\n- BLAKE2\n",
                path="a.md"),
        Example("It is ignored in the following example, which is why one can get\n\n```\n>>> f()\n```\n",
                path="a.md"),
        Example("_The Rust Programming Language_ by Steve Klabnik, Carol Nichols, and Chris Krycho, with "
                "contributions from the Rust Community_\n", path="a.md"),
        Example("Thank you for your help. I will send the files on Monday.\nBest regards,\nJohn Smith"),
        Example("Union Station, Chicago, 1960. Photo: Bettmann Archive/Getty"),
        Example("The smoke can be seen from space. Mike Blake/Reuters files"),
        Example("Daniel Lemire is a computer science professor at the University of Quebec (TELUQ). "
                "View all posts by Daniel Lemire"),
        Example("© 2023 WWB Holdings, LLC. All rights reserved"),
        Example("Twitter users reacted. Follow us: Google News | NewsBreak | Reddit | Instagram | Facebook"),
        Example("A flypast to mark the 80th anniversary of the Battle of Britain took place over Kent on Tuesday "
                "as crowds gathered on the cliffs to watch the aircraft go by"),
        Example("Make your contribution now and help Gothamist thrive in 2023. Donate today"),
        Example("Already have a subscription? Download Your Free Upgrade"),
        Example("Daniel Lemire is a professor. He writes about software. More by Daniel Lemire"),
        Example("Shares fell 3 percent on Monday after the report.\n\nWhite House plans to include more checks and "
                "extend moratorium on evictions for renters\n\nThe plan was announced on Friday.\n",
                note="a headline: no article"),
        Example("The treatment continues to be rapid and efficient. Ministry of Emergency Management maintains "
                "flood control measures for Yangtze and Huaihe Rivers - Xinhuanet",
                note="a page title with its site's name glued to the paragraph"),
        Example("The figures were published on Monday.\n\nLocal officials say small business loan scheme may soon miss its "
                "targets entirely\n\nThe scheme began in May.\n", note="a headline: no article, no past auxiliary"),
        Example("The rally ended at noon.\n\nThe work of directly recruiting sergeants has been fully launched -- "
                "Xinhua Net\n\nXinhua News Agency reported it on Sunday.\n", note="a site's name after `--`"),
        Example("Officials gave no details about the talks.\n\nThe president of the club – who is also its owner "
                "– said nothing about the deal - Sports News\n", note="a page title with its site's name"),
        Example("The function returns three values.\n\nreturn the package_depth, fspath and modname if the path "
                "is found in the table\n\nThe caller unpacks them.\n", note="code"),
        Example("The option is described below.\n\n    the value is read from the file that the user gives on the "
                "command line\n\nIt is optional.\n", note="an indented block in plain text"),
        Example("Should be equivalent to:\n\n    f(name=\"No Country for Old Men\", year=2007) # Not OK. Unrecognized item\n"
                "    g(name=\"No Country for Old Men\", year=2007) # OK\n", note="code read as plain text"),
        Example("The values of the options are given in the table below. The results are\n\n"
                "| a | b |\n|---|---|\n| 1 | 2 |\n", path="a.md"),
        Example("### React India 2024\nOctober 17 - 19, 2024. In-person in Goa, India (hybrid event) + Oct 15 2024 - "
                "remote day\n\n[Website](https://example.com/india)\n", path="a.md", language="fr",
                note="an event's listing: its date, then its place (react.dev's conference pages)"),
        Example("November 28 & December 1, 2025. In-person in London, UK + online\n"),
        Example("17 - 19 octobre 2024. En présentiel à Goa, en Inde, et en ligne\n", language="fr"),
        Example("October 7-8, 2025. Henderson, Nevada, USA and free livestream\n"),
        Example("The villages lie along the river, and most of them can be reached by road.\n\n"
                "Figure 2. Map of the speaking area\n", note="a numbered caption: its label and a fragment"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        kinds = self.kinds or frozenset()
        # Only a paragraph that ends in a letter: not one that ends with an end mark, a closing quote or
        # bracket, code or a number.
        # (Both tests over all segments in C: most paragraphs end with a mark.)
        segments = doc.segments
        of_kinds = map(kinds.__contains__, map(attrgetter("kind"), segments))
        ends_in_letter = map(str.isalpha, map(itemgetter(slice(-1, None)), map(str.rstrip, map(attrgetter("text"), segments))))
        paragraphs = list(compress(segments, map(and_, of_kinds, ends_in_letter)))
        if not paragraphs:
            return
        full_stop = ((pack(doc.language) or {}).get("fullwidth") or {}).get(".", ".")
        for seg in paragraphs:
            yield from self._check_paragraph(seg, doc, full_stop)

    def _check_paragraph(self, seg: Segment, doc: Document, full_stop: str) -> Iterator[Finding]:
        """A paragraph whose text ends in a letter; ``full_stop`` is the language's."""
        text = seg.text
        tail = text.rstrip()
        inner = _INNER_CJK_END if full_stop != "." else _INNER_SENTENCE_END
        # The tests are asked cheapest first: most paragraphs that end in a letter are one sentence that
        # sits among others of its kind, and the segmenter runs last.
        several = _holds_inner_sentence_end(text) if inner is _INNER_SENTENCE_END else inner.search(text) is not None
        if not several and not (
                (self.opts.single_sentence and len(text.split()) >= self.opts.minimum_words) or
                _runs_into_next(seg, doc, self.opts.running_words) or
                _between_stopped_paragraphs(seg, doc, self.opts.between_words)):
            return  # one sentence: in scraped text most often a caption, a title or a teaser
        if doc.introduces_block(seg) or not self._paragraph_ends_here(seg, doc):
            return  # it introduces the code, list or quotation that follows, or runs into it
        last_line = tail.rsplit("\n", 1)
        if len(last_line) == 2 and len(last_line[1].split()) <= 4 and last_line[0].rstrip().endswith(","):
            return  # "Best regards,\nJohn Smith"
        if _FURNITURE.search(text):
            return  # "© 2023 WWB Holdings. All rights reserved", "Follow us: News | Reddit | Twitter"
        if several:
            if full_stop == "." and _last_line_is_a_label(text):
                return  # (the last sentence lies in the last line: too short, ``_furniture``'s label)
            if full_stop == "." and _dated_listing(tail):
                return  # `October 17 - 19, 2024. In-person in Goa, India + remote`: an event's date and place
            if full_stop == "." and _CAPTION.fullmatch(tail) is not None:
                return  # `Figure 2. Map of the Eegimaa speaking area`: a numbered caption's label and fragment
            span = final_sentence(text, doc.language)
            if span is None:
                return
            last = text[span[0]:span[1]]
        else:
            if "\n" not in tail and text[:1].isupper() and _looks_like_title(text):
                return
            last = text
        if _ATTRIBUTION.match(last) is not None or (_furniture(last) if full_stop == "." else
                                                    len(last) < 8 or _cjk_credit(last)):
            return  # (CJK text has no spaces to count words by: a short last sentence is a label)
        if (_DOMAIN.fullmatch(address := tail.rsplit(None, 1)[-1]) is not None
                and (address.startswith("www.") or not address[:1].isupper())):
            return  # `… erhalten Sie auf example.org`: a web address, left bare as a link is, no stop to mistake for its own
        end = len(tail)
        yield self.finding(seg, end, end, "The paragraph ends without a full stop or other end mark", full_stop)

    @staticmethod
    def _paragraph_ends_here(seg: Segment, doc: Document) -> bool:
        """The segment is a whole paragraph: a blank line or the end of the text follows it, it does not
        introduce a list, table, quotation or code block, and it is not set entirely in emphasis."""
        if not seg.text or not seg.anchors:
            return True
        source = doc.text
        start, end = seg.to_source(0), seg.to_source_end(len(seg.text.rstrip()))
        if source[start:end] != seg.text.rstrip() or len(seg.anchors) > 1:
            # Markup inside or around the segment (a Markdown or reST paragraph).
            if start > 0 and source[start - 1] in "*_" and source[end:end + 1] in ("*", "_"):
                return False  # _a paragraph in emphasis_: a byline, a note
        m = _PARAGRAPH_END.match(source, end)
        if m is None:
            return False  # a line follows without a blank line: a list or block the paragraph runs into
        rest = source[m.end():m.end() + 200]
        if _INTRODUCES.match(rest) or doc.is_protected(m.end() + len(rest) - len(rest.lstrip())):
            return False
        line_start = lines.line_start(source, end)  # (after LF, CRLF or a lone CR)
        own_indent = len(source[line_start:end]) - len(source[line_start:end].lstrip(" \t"))
        next_line = rest.lstrip("\r\n")
        if next_line.strip() and len(next_line) - len(next_line.lstrip(" \t")) > own_indent:
            return False  # an indented block follows: a quotation or code the paragraph introduces
        segments = doc.segments
        n = seg.index
        if 0 <= n + 1 < len(segments) and segments[n] is seg:
            nxt = segments[n + 1]
            if nxt.kind in ("list_item", "table_cell", "blockquote") or _LIST_START.match(nxt.text):
                return False
        return True


def _last_line_is_a_label(text: str) -> bool:
    """Whatever the segmenter makes of ``text``, its last sentence has fewer than ``_LABEL_WORDS`` words, so
    ``_furniture`` takes it for a label: its last line has (``lint.sentences.final_line``), and the sentence
    lies within it. Asked before the segmenter, which costs some 0.6 ms a paragraph: most paragraphs of code
    or of a list end in a line of a few words."""
    line = final_line(text)
    return line is not None and len(line.split()) < _LABEL_WORDS


# A date that is a sentence of its own at a line's start, a year in it: days, month names (any language's:
# no more than two words), `&`, `-`, `,` or `/` between them, and its full stop (`October 17 - 19, 2024.`,
# `November 28 & December 1, 2025.`, `October 7-8, 2025.`, `17 - 19 octobre 2024.`, `October 27th 2023.`).
_DATE_SENTENCE = compiled_on_use(
    r"(?=[^.\n]*\b(?:19|20)\d\d\.\s)(?:[^\W\d_]+\.?,?|\d{1,4}(?:st|nd|rd|th)?(?:[-–]\d{1,2})?,?|[-–&/])"
    r"(?:[ \t]+(?:[^\W\d_]+\.?,?|\d{1,4}(?:st|nd|rd|th)?(?:[-–]\d{1,2})?,?|[-–&/]))*\.[ \t]+")
_LETTER_WORD = compiled_on_use(r"[^\W\d_]{3,}")
# The most words a listing's line holds after its date: a place and how to attend, not an article.
_LISTING_WORDS = 14
# Articles (English, French, Spanish, German, Italian, Portuguese): a listing names a place and how to
# attend without one (`In-person in Kraków, Poland + remote`, `Henderson, Nevada, USA and free livestream`);
# a news item's dateline then its first sentence cut short holds one (`12 March 2024. The minister said
# on Tuesday that the new budget would`, `12 de marzo de 2024. El ministro dijo que el presupuesto`).
_ARTICLE = compiled_on_use(r"(?i)\b(?:the|an?|le|la|les|l'|une?|des|du|el|los|las|una|der|die|das|den|dem|"
                           r"ein|eine[mnrs]?|il|lo|gli|os|as|uma?)\b")


def _dated_listing(tail: str) -> bool:
    """Whether a paragraph is one line of an event's listing: a date as its first sentence (``_DATE_SENTENCE``,
    two month names at most), then a few words that name the place and how to attend (react.dev's
    conference pages: `October 17 - 19, 2024. In-person in Goa, India (hybrid event) + remote day`), no
    sentence to end. A dated paragraph that goes on into an article's sentence (more words) is prose."""
    if "\n" in tail:
        return False
    date = _DATE_SENTENCE.match(tail)
    return (date is not None and len(_LETTER_WORD.findall(date.group())) <= 2
            and len(tail[date.end():].split()) <= _LISTING_WORDS and _ARTICLE.search(tail, date.end()) is None)


# A numbered caption, one line: its label (a caption's word, an optional abbreviation's stop, a number,
# then a stop or colon: `Figure 2.`, `Fig. 3:`, `Table 1.`) and one fragment with no sentence end in it.
# A caption that is an incomplete sentence takes no full stop (Chicago Manual of Style 3.21). Only a
# caption's word labels one: a numbered step, rule or section goes on in sentences (`Step 3. Add the flour
# and stir until the`, cut short).
_CAPTION = compiled_on_use(
    r"(?:Figure|Fig|Table|Tab|Map|Chart|Graph|Diagram|Plate|Photo|Image|Illustration|Exhibit|Box|Panel|Scheme"
    r"|Abbildung|Abb|Tabelle|Karte|Tableau|Carte|Figura|Tabla|Tabela|Tabella|Mapa|Mappa)"
    r"\.? \d{1,3}[a-z]?[.:] [^.!?…\n]+")


_TITLE_SEPARATOR = compiled_on_use(r" (?:[-|–—»]|--) | --(?=[A-Z])")


def _runs_into_next(seg: Segment, doc: Document, words: int) -> bool:
    """A one-sentence paragraph of ``words`` words or more, most of them in lower case (prose, not a
    title), not the first, followed by a paragraph of the same kind that starts with a capital."""
    text = seg.text
    if not words or text[:1] in "[(":
        return False  # `[Photo] Prince William …`: a caption with its label
    segments = doc.segments
    n = seg.index
    # The document's first paragraph is its title, in sentence case on many sites; so is a line with a
    # site's name after a separator (`… - Yahoo!News`).
    # (The neighbours are asked before the words are counted, a Python step per word: every test must
    # hold, and most paragraphs fail one of theirs.)
    if not (1 <= n and n + 1 < len(segments) and segments[n] is seg):
        return False
    nxt = segments[n + 1]
    if nxt.kind != seg.kind or not _opens_sentence(nxt.text, text) or _TITLE_SEPARATOR.search(text):
        return False
    tokens = text.split()
    return len(tokens) >= words and sum(1 for w in tokens[1:] if w[:1].islower()) * 3 >= (len(tokens) - 1) * 2


# A word of running text with its marks; code (`package_depth,`, `ns.b = 'bar'`, `:width:`) is not.
_PROSE_TOKEN = compiled_on_use(r"[\"“‘(]?(?:[^\W\d_]+(?:['’-][^\W\d_]+)*|\d[\d,.]*(?:%|st|nd|rd|th)?)[.,;:!?\"”’)]*|[–—-]")
# Headlines drop their articles and tell the past in the present (`Woman arrested in Kostanay`, `Putin says …`);
# a sentence keeps an article or a past auxiliary (`Drury was selected …`). (`will`, `is` and `has been` are
# headline English too.)
_GRAMMAR = compiled_on_use(r"\b(?:the|a|an|was|were|had|would|could)\b")
_ENDS_SENTENCE = compiled_on_use(r"[.!?…][\"”’)]*\s*$")


def _ends_sentence(text: str) -> bool:
    """``_ENDS_SENTENCE.search(text) is not None``, read off the text's end with two strips in C (the
    search tries every character of the paragraph): an end mark, closing marks if any, white space if any."""
    return text.rstrip().rstrip("\"”’)")[-1:] in (".", "!", "?", "…")


def _between_stopped_paragraphs(seg: Segment, doc: Document, words: int) -> bool:
    """A one-sentence paragraph of ``words`` words or more, most of them in lower case, where the
    document's paragraphs around it end their sentences: the one before ends with an end mark, and the
    one after (if any) is a paragraph of sentences too. Where its neighbours keep the convention, the one
    paragraph that breaks it was cut; a caption or a standfirst stands beside a title, a list or another
    label, not between two paragraphs of sentences."""
    if not words:
        return False
    # (Every test must hold: the neighbours are asked first, the words of the paragraph, read one by one
    # in Python, last.)
    segments = doc.segments
    n = seg.index
    if not (1 <= n < len(segments) and segments[n] is seg):
        return False
    before = segments[n - 1]
    if before.kind != seg.kind or not _ends_sentence(before.text) or len(before.text.split()) < 6:
        return False
    if n + 1 < len(segments):
        after = segments[n + 1]
        if not (after.kind == seg.kind and _opens_sentence(after.text, seg.text)
                and _ends_sentence(after.text)):
            return False
    if not _prose_run(seg.text, words) or _GRAMMAR.search(seg.text) is None:
        return False  # (headlines drop their articles: `Kanye West apologises to wife after revelations`)
    # (and not a list item, a definition's body or a quotation in plain text)
    return not (any(_LIST_START.match(line.lstrip()) for line in seg.text.splitlines()) or _indented(seg, doc))


def _opens_sentence(text: str, before: str) -> bool:
    """The paragraph starts with a capital; or, where the paragraph ``before`` it opens a quotation and
    leaves it open, with an opening quotation mark and a capital (`"This violates …` then `"And this
    decision …`: English reopens each paragraph of a long quotation). After any other paragraph a quoted
    title may open it (`"Sports Boys" officially landed`), under a headline."""
    if text[:1].isupper():
        return True
    return (text.startswith(("\"", "“")) and text[1:2].isupper() and before.startswith(("\"", "“"))
            and (before.count('"') % 2 == 1 if before[:1] == '"' else before.count("“") > before.count("”")))


def _indented(seg: Segment, doc: Document) -> bool:
    start = seg.to_source(0)
    line_start = lines.line_start(doc.text, start)  # (after LF, CRLF or a lone CR)
    return doc.text[line_start:start].strip() == "" and start > line_start


def _prose_run(text: str, words: int) -> bool:
    """``words`` words or more, most of them in lower case, not a `[Photo]` caption nor a page title with
    its site's name."""
    tokens = text.split()
    return (len(tokens) >= words and sum(1 for w in tokens[1:] if w[:1].islower()) * 3 >= (len(tokens) - 1) * 2
            and sum(1 for w in tokens if _PROSE_TOKEN.fullmatch(w)) * 10 >= len(tokens) * 9
            and text[:1] not in "[(" and not _site_suffix(text))


def _site_suffix(text: str) -> bool:
    """A page title's site name after a separator: a few words, capitalized or a domain, at the end
    (`… passes away at 86 - chinanews.com`), not a dash that sets off a clause (`behavior – it is …`)."""
    parts = _TITLE_SEPARATOR.split(text)
    if len(parts) < 2:
        return False
    tail = parts[-1].split()
    return len(tail) <= 5 and all(w[:1].isupper() or "." in w or not w[:1].isalpha() for w in tail)


# A last "sentence" of fewer words is a label, a credit or a button, not a sentence cut short.
_LABEL_WORDS = 4


def _furniture(sentence: str) -> bool:
    """The last sentence is page furniture, not a sentence cut short: "Photo: Getty", "Mike Blake/Reuters
    files", "More by Logan C. Ritchie", "Donate today", "Download Your Free Upgrade", "… Wikipedia" (a
    teaser cut at an ellipsis is S103's)."""
    words = sentence.split()
    ellipsis = "…" in sentence or "..." in sentence
    if ellipsis:
        ellipsis = bool(_ELLIPSIS.search(sentence))
    return (len(words) < _LABEL_WORDS or _LABEL.match(sentence) is not None or ellipsis
            or _code_like(words)
            or ("/" in sentence and len(words) <= 6) or _BYLINE.search(sentence) is not None
            or (_CALL_TO_ACTION.match(sentence) is not None and len(words) <= 8) or _looks_like_title(sentence)
            or _site_suffix(sentence))


def _cjk_credit(sentence: str) -> bool:
    """A photo credit after a caption in Chinese or Japanese text (`凯文·迪奇摄/盖蒂图片社`, `写真　ケビン・
    ディーチ／ゲッティイメージズ`): a short last sentence whose slash parts a photographer from an agency, with
    no comma (a clause cut short has one sooner than a slash), as `_furniture` reads `Mike Blake/Reuters`."""
    sentence = sentence.strip()
    return (len(sentence) <= _CJK_CREDIT_CHARACTERS and ("/" in sentence or "／" in sentence)
            and not any(mark in sentence for mark in "，、,") and _CJK_CREDIT_CUE.search(sentence) is not None)


# The longest photo credit read so (`写真　ケビン・ディーチ／ゲッティイメージズ` is 21 characters).
_CJK_CREDIT_CHARACTERS = 24
# What shows a credit, not a clause with a slash (`詳細は設定/一般を参照`, `输入/输出错误`): a word for the
# photograph or its taking (写真, 撮影, 提供, 摄, 图片, 来源), ©, or an agency at its end (…社, ロイター,
# ゲッティイメージズ, 通信, AFP, Reuters…).
_CJK_CREDIT_CUE = compiled_on_use(
    r"写真|撮影|提供|摄|攝|照片|图片|圖片|图源|來源|来源|出典|©|"
    r"(?:社|ロイター|イメージズ|通信|共同|時事|路透|AFP|AP|EPA|Reuters|Getty(?: Images)?|Xinhua)\s*\Z")


def _code_like(words: list[str]) -> bool:
    """Two words or more, and a fifth or more of them, that are not words of prose: code (`g(name="No",
    year=2007) # OK`), not a sentence that names one identifier (`… is release23-maint`)."""
    other = sum(1 for w in words if not _PROSE_TOKEN.fullmatch(w))
    return other >= 2 and other * 5 > len(words)


def _looks_like_title(text: str) -> bool:
    """Title Case: most words capitalized, and no lower-case word but the small words style guides leave
    in lower case (articles, conjunctions, short prepositions). A sentence heavy with names keeps its
    verbs and nouns in lower case (`… and Dmitry Lebedev won the Super-Production`)."""
    words = [w for w in text.split() if w[:1].isalpha()]
    capitals = sum(1 for w in words if w[0].isupper())
    if not words or capitals * 2 <= len(words):
        return False
    return all(w[0].isupper() or w.strip(",;:()\"“”'’").lower() in _TITLE_SMALL for w in words)


_TITLE_SMALL = frozenset("""
a an the and but or nor for so yet as at by in of off on per to up via vs with from into onto over than
upon out de la le van von der den du des di da del y e et und
""".split())
