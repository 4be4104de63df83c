"""S103 truncation-ellipsis: an ellipsis followed by a capitalized word inside a paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.model import Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

# A word, the ellipsis glued to it, a space, then a capitalized word that is not "I" (a word, the article
# `A`, an acronym `CNN` or an initial `M.`): a teaser cut off where a link ("Read more") or the rest of a
# sentence used to be.
_CUT = compiled_on_use(r"(?<=[A-Za-z0-9,])(…|\.\.\.)[ \u00a0](?=[A-Z][a-z]+\b|A\b|[A-Z]{2,}\b|[A-Z]\.)")
# A cut right after one of these is never a writer's pause: `the universe is not a… However`.
_FUNCTION_END = compiled_on_use(
    r"\b(?:a|an|the|of|to|in|on|at|for|with|and|or|but|by|from|that|its|their|his|her|our|my|your|is|are|was|"
    r"were|be|been|being|has|have|had|will|would|can|could|should|may|might|must|shall|after|before|during|"
    r"about|into|over|under|between|through|against|without|within|this|these|those|which|who|whose|when|"
    r"where|while|if|because|as|than|not|very|such|both|said|says|told|warned|added)$",
    re.IGNORECASE)
# After three dots (a writer's own mark, unlike the CMS's `…`), only these say that a teaser was cut.
_TEASER = compiled_on_use(r"(?:Read|Continue|More|Full|Click|See|Watch|Learn|Find out|View)\b")
_INTERJECTION = compiled_on_use(r"\b(?:etc|Wait|Well|So|Oh+|Um+|Uh+|Ah+|Hm+|Er+m?|Ugh|Anyway|And|But|Yes|No|Okay|OK)$")
_QUOTES = "“”\"‘’'"


class TruncationEllipsis(Rule):
    code = "S103"
    slug = "truncation-ellipsis"
    summary = "Text cut off at an ellipsis, with a new sentence after it"
    rationale = """
**What it does.** Flags an ellipsis that follows a word mid-paragraph and is followed by a capitalized
word (or `A`, an acronym, an initial): `when both sides… More than 200 prisoners were exchanged`.

**Why is this bad?** It is where a teaser was cut off: the CMS truncated a summary to a fixed length
and added `…`, or a scraper kept a link's teaser text and dropped the link. The sentence before it is
unfinished and the reader cannot know what is missing. Only a person can restore it, so there is no
fix.

Three dots (`...`, the writer's own mark more often than the CMS's `…`) are flagged only after a word
that cannot end a thought (`the plan would... Read`) or before a teaser's link words (`Read more`).
Not checked in German, which capitalizes nouns. Not flagged: an ellipsis followed by two spaces (a sentence that ends with it), at the end of a paragraph, before `I` or a lowercase word, inside quoted
speech (a speaker trailing off), after a sentence's end, and elisions in brackets (`[…]`).
"""
    severity = Severity.WARNING
    trigger = r"… [A-Z]|\.\.\. [A-Z]"  # two literal-led alternatives: each scanned fast
    flag = (
        Example("The biggest swap came earlier in January, when both sides… More than 200 prisoners were exchanged."),
        Example("The minister said the plan would... Read the full story on our website."),
        Example("Residents of the coastal town were told to… Officials later confirmed the order."),
        Example("Prices rose by 20… The central bank is expected to act."),
        Example("The universe is not a… However, the universe is not silent."),
        Example("They collected stunning and silent movies… However, the universe is not silent."),
        Example("The company announced that its new… Shares fell 3% in early trading."),
        Example("Scientists believe the discovery could… Researchers at the university said more tests were due."),
        Example("The match ended in a draw after... Fans left the stadium disappointed."),
        Example("The report, which was published on Monday, warns that… Critics say it goes too far."),
        Example("Fans can bid on lessons with each of the coaches, with… ATP has also announced the dates.",
                note="an acronym after the cut"),
        Example("The video shows two cats helping a wounded dog make its way… A driver's dashcam captured it.",
                note="the article A after the cut"),
        Example("The firm received $472 million in funding from the US… Based in Boston, it makes vaccines.",
                note="an acronym before the cut"),
        Example('A representative commented, "All of the… We hope that the makeover will raise sales.',
                note="a quotation cut with its end: the paragraph never closes it"),
    )
    allow = (
        Example("The biggest swap came earlier in January. More than 200 prisoners were exchanged."),
        Example("He waited and waited…"),
        Example("“I was going to say… Never mind,” she said."),
        Example('"We had hoped for… NASA said no," the engineer said.', note="a quotation closed after the ellipsis"),
        Example("Options A, B… A third is possible.", note="a letter before the ellipsis, not a word"),
        Example("Well... I suppose so."),
        Example("The list went on… and on."),
        Example("“The court found […] The appeal was dismissed,” the judge wrote."),
        Example("It was over. … The next day began."),
        Example("Wait... What happened?", note="a sentence end before the ellipsis: the capital is not a cut"),
        Example("The fraction is 0.001100110011001...  As you can see, it repeats.", note="two spaces: a sentence end"),
        Example("It is in contrib, so this is not a real conflict... In fact, the \"contrib\" namespace is shared."),
        Example("He's actually really nice... Just a little odd."),
        Example("Rumour has it... Adele's got one just like that!"),
        Example("“Dishes, dishes, dishes. Ugh... If my mother wasn't always nursing a headache.”"),
        Example("Jimmy Kimmel Reveals How Gwyneth Paltrow’s Vagina Candle Smells… To Gwyneth Paltrow"),
        Example("I'm sorry to make things uncomfortable for you... It's just that this time of year is hard."),
        Example("Options include red, green, etc... Blue is also possible? Rarely.", note="etc"),
        Example('#: library/html.parser.rst:3\nmsgid "It handles tags, comments, entities, ... The parser calls them."\n'
                'msgstr "Il traite balises, commentaires, les… Le parseur les appelle."\n', path="messages.po",
                note="a catalogue's translation with the ellipsis its source writes"),
    )

    languages = frozenset("en fr es it pt nl sv da nb nn no fi pl cs sk ro ca hr sl hu et lv lt tr id ms".split())

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        text = seg.text
        if seg.source_text is not None and _ellipses(seg.source_text) >= _ellipses(text):
            return  # a catalogue's translation writes the ellipses its source writes: an enumeration, no cut
        # (Each cut is judged by what comes before and after it in the paragraph: the quotation marks on
        # either side are counted as the cuts come, and whether the paragraph is a headline is asked once,
        # where each cut counted, copied and split the whole paragraph again.)
        quotes = _Quotes(text)
        headline: bool | None = None
        for m in _CUT.finditer(text):
            start = m.start(1)
            if quotes.close_after(start, m.end()):
                continue  # inside quoted speech: a speaker trailing off, the quotation going on after
            # Both patterns are a word of letters at the end of the text before the cut (which ends in a letter,
            # a digit or a comma: no line break for `$` to skip): a match can only start where its last word
            # does, where a search from the segment's start tries every character before it.
            word = _last_word_start(text, start)
            if _INTERJECTION.match(text, word, start):
                continue
            if text[start - 1].isupper() and start - word < 2:
                continue  # a letter, not a word: a list's label (`options A, B… A third`)
            if m.group(1) == "..." and not _FUNCTION_END.match(text, word, start) and not _TEASER.match(text, m.end()):
                continue  # "a real conflict... In fact", "really nice... Just a little odd": a writer's pause
            if headline is None:
                headline = _title_case(text)
            if headline:
                continue  # a headline: "Jimmy Kimmel Reveals How Gwyneth Paltrow’s Candle Smells… To Gwyneth"
            yield self.finding(seg, start, m.end(1), "Ellipsis followed by a capital: text cut off here?")


def _last_word_start(text: str, end: int) -> int:
    """Where the run of word characters (``\\w``) that ends ``text[:end]`` starts."""
    i = end
    while i and (text[i - 1].isalnum() or text[i - 1] == "_"):
        i -= 1
    return i


class _Quotes:
    """The quotation marks of a paragraph, counted up to each cut as the cuts come in order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.total = {q: text.count(q) for q in '"“”'}
        self.before = dict.fromkeys('"“”', 0)  # up to ``self.at``
        self.at = 0

    def close_after(self, start: int, end: int) -> bool:
        """Whether the ellipsis at [start, end) is inside a quotation that the paragraph closes after it
        (`“I was going to say… Never mind,” she said`). A quotation the paragraph never closes was cut with
        its end (`He said, "All… We hope that`): the ellipsis is the cut."""
        text, before = self.text, self.before
        for q in before:
            before[q] += text.count(q, self.at, start)
        self.at = start
        after = {q: self.total[q] - before[q] - text.count(q, start, end) for q in before}
        if before['"'] % 2 == 1 and after['"'] % 2 == 1:
            return True
        return before["“"] > before["”"] and after["”"] > after["“"]


def _ellipses(text: str) -> int:
    return text.count("...") + text.count("…")


def _title_case(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
