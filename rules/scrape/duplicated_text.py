"""S108 duplicated-text: a paragraph or sentence repeated right after itself."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import compress, count, islice, pairwise
from operator import eq, itemgetter

from lint.formats.bilingual import xliff_example
from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule
from lint.scan import end_mark_pieces
from lint.sentences import sentence_spans

_SENTENCE_SPLIT = compiled_on_use(r"(?<=[.!?])\s+")  # a cheap gate before the segmenter: an exact sentence twice
# The same split over a whole document, the marks dropped (a lookbehind at every space is twice as slow
# as a scan for the mark).
_MARK_SPLIT = compiled_on_use(r"[.!?]\s+")
# The same cuts, one mark at a time (``_pieces_split``): a pattern that opens with a literal is skipped to in
# C, where one that opens with a class stops the engine at every character (a tenth of S108's time).
_MARK_CUTS = end_mark_pieces(_MARK_SPLIT.pattern)
_CUT = "\x01"
_LONGEST_RUN = 3  # sentences in a repeated run


class DuplicatedText(Rule):
    code = "S108"
    slug = "duplicated-text"
    summary = "Paragraph or sentence repeated right after itself"
    rationale = """
**What it does.** Flags a paragraph identical (after folding whitespace) to the paragraph before it,
and a sentence, or a run of two or three sentences, repeated immediately within a paragraph (a sentence
that holds a link, an address or code is compared as written).

**Why is this bad?** Scrapers that read both a page's teaser and its body, or both the mobile and the
desktop markup, keep the same text twice; MT pipelines duplicate segments when a retry succeeds after
a timeout.

A page's title kept above its headline (the same words with a site's name after a dash or a bar, as
in `Story - Hunan Daily Online`) is flagged too; its fix, which deletes the titled copy, is unsafe.

Only consecutive copies of at least four words are flagged: a refrain or a repeated heading elsewhere
in the text is deliberate.
"""
    severity = Severity.WARNING
    fix = Applicability.SAFE
    fix_note = ("Deletes the second copy and the whitespace that separated it from the first. In a marked-up "
                "file (Markdown, reST, HTML) a repeated paragraph is a block of the document: it is reported, "
                "and not deleted, since the file's structure would change; a repeated sentence inside a "
                "paragraph is deleted there too.")
    scope = "document"
    flag = (
        Example("The plane crashed near Belgorod on Wednesday.\n\nThe plane crashed near Belgorod on Wednesday.\n",
                "The plane crashed near Belgorod on Wednesday.\n"),
        Example("Officials said 74 people were on board. Officials said 74 people were on board. No one survived.\n",
                "Officials said 74 people were on board. No one survived.\n"),
        Example("Talks resumed on Monday in Geneva.\n\nTalks resumed  on Monday\nin Geneva.\n",
                "Talks resumed on Monday in Geneva.\n"),
        Example("Intro.\n\nThis is a developing story and will be updated.\n\nThis is a developing story and will be updated.\n",
                "Intro.\n\nThis is a developing story and will be updated.\n"),
        Example("The minister resigned after the vote. The minister resigned after the vote.\n",
                "The minister resigned after the vote.\n"),
        Example("# Title\n\nThe first paragraph is here twice.\n\nThe first paragraph is here twice.\n",
                "# Title\n\nThe first paragraph is here twice.\n\nThe first paragraph is here twice.\n", path="a.md",
                note="in Markdown a paragraph is a block of the document: reported, never deleted"),
        Example("The minister resigned after the vote. The minister resigned after the vote.\n",
                "The minister resigned after the vote.\n", path="a.md"),
        Example("Prices rose sharply in March, analysts said. Prices rose sharply in March, analysts said.\n",
                "Prices rose sharply in March, analysts said.\n"),
        Example('With a smile, Yoshikawa said, "I am relieved. With a smile, Yoshikawa said, "I am relieved. '
                'I am happy."\n', 'With a smile, Yoshikawa said, "I am relieved. I am happy."\n',
                note="a sentence that ends inside a quotation"),
        Example('"We are fresh now, with no injuries," he said. Ovechkin cannot wait for the season. "We are fresh '
                'now, with no injuries," he said. Ovechkin cannot wait for the season. It starts in May.\n',
                '"We are fresh now, with no injuries," he said. Ovechkin cannot wait for the season. It starts in '
                'May.\n',
                note="two sentences said twice"),
        Example("Write to info@example.org for a form. Write to info@example.org for a form.\n",
                note="an address in it: compared as written"),
        Example("A long quotation was repeated by the scraper.\r\n\r\nA long quotation was repeated by the scraper.\r\n",
                "A long quotation was repeated by the scraper.\r\n"),
        Example("Apparel stocks rally after strong results - Hunan Daily Online - 华声在线\n\n"
                "Apparel stocks rally after strong results\n\nShares rose.\n",
                "Apparel stocks rally after strong results\n\nShares rose.\n", note="a page title above its headline"),
        Example("# Talks resume in Geneva after a pause\n\nTalks resume in Geneva after a pause | Reuters\n\nText.\n",
                path="a.md", note="reported; the engine keeps a Markdown file's block structure, so no fix here"),
    )
    allow = (
        Example(xliff_example("This value is too long. It should have {{ limit }} character or less.|This value is "
                              "too long. It should have {{ limit }} characters or less.",
                              "Ta wartość jest zbyt długa. Powinna mieć {{ limit }} znaków lub mniej.|Ta wartość jest "
                              "zbyt długa. Powinna mieć {{ limit }} znaków lub mniej.|Ta wartość jest zbyt długa. "
                              "Powinna mieć {{ limit }} znaków lub mniej.", version="1.2"),
                path="validators.pl.xlf", note="plural forms a program picks from, written alike"),
        Example("The plane crashed.\n\nThe plane landed.\n"),
        Example("Yes.\n\nYes.\n", note="too short to be a scraping artefact"),
        Example("Chorus: we shall overcome.\n\nVerse one.\n\nChorus: we shall overcome.\n", note="not consecutive"),
        Example("He said no. She said no.\n"),
        Example("Go. Go. Go.\n"),
        Example("```\nsame line of code here\n```\n\n```\nsame line of code here\n```\n", path="a.md"),
        Example("## Example\n\nText one is here.\n\n## Example\n\nText two is here.\n", path="a.md"),
        Example("``A``\n  The contents of any ``A`` fields.\n\n``B``\n  The contents of any ``B`` fields.\n", path="a.rst"),
        Example("The talks ended without a deal on Monday.\n\nThe talks ended without a deal on Tuesday.\n"),
        Example("Prices rose again in March\n\nPrices rose again in March - and then fell in April.\n",
                note="the paragraph goes on with a clause, not a site's name"),
        Example("The new border treaty\n\nThe new border treaty: what it means\n", note="a subtitle"),
        Example("The vote is set for Monday. The result is not known. The vote is set for Monday.\n",
                note="not right after itself"),
        Example("Write to info@example.org for a form. Write to help@example.org for a form.\n",
                note="different addresses"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        segments = doc.segments
        repeated = _repeated_sentences(segments)
        for i in _segments_to_read(doc, repeated):
            seg = segments[i]
            if seg.translates_plural_forms():
                continue  # plural forms in one string (`one|other`): a language may write them alike
            previous = segments[i - 1] if i else None
            if previous is not None and _same_start(seg.text, previous.text):
                suffixed = self._titled_copy(previous, seg, text)
                if suffixed is not None:
                    yield suffixed
                    continue
            if previous is not None and seg.kind == previous.kind and _same_ends(seg.text, previous.text):
                # Compared as written in the file (placeholders for code would make different
                # paragraphs equal), whitespace folded.
                raw, previous_raw = _raw(text, seg), _raw(text, previous)
                words = raw.split()
                if (raw == previous_raw or words == previous_raw.split()) and len(words) >= 4:
                    # The copy and the whitespace between the two copies go; the first copy stays.
                    start = previous.to_source_end(len(previous.text))
                    end = seg.to_source_end(len(seg.text))
                    if text[start : seg.to_source(0)].strip() == "":
                        yield self.finding_at(seg.to_source(0), end, "Paragraph repeats the one before it",
                                              edits=[(start, end, "")])
                        continue
            if repeated and any(r in seg.text for r in repeated):
                windows = _windows(seg.text)
                if windows:
                    found = [f for lo, hi in windows for f in self._sentences(seg, doc, lo, hi)]
                    # The segmenter keeps a sentence that ends inside a quotation (`said, "I'm relieved.`)
                    # with the next one; the plain split at the mark still sees the copy.
                    yield from found or self._pieces(seg)

    def _pieces(self, seg: Segment) -> Iterator[Finding]:
        text = seg.text
        for (a_start, a_end), (b_start, b_end) in pairwise(_piece_spans(text)):
            first, second = text[a_start:a_end], text[b_start:b_end]
            if first == second and len(first.split()) >= 4 and "\ufffc" not in first:
                yield self.finding(seg, b_start, b_end, "Sentence repeats the one before it",
                                   edits=[(a_end, b_end, "")])

    def _titled_copy(self, previous: Segment, seg: Segment, text: str) -> Finding | None:
        """The page's <title> (a headline and the site's name) next to the headline itself: the copy with
        the site's name is flagged, and its fix deletes it with the whitespace that parts the two."""
        a, b = " ".join(_raw(text, previous).split()), " ".join(_raw(text, seg).split())
        if len(a) == len(b) or len(min(a, b, key=len).split()) < 4:
            return None
        short, long_ = (a, b) if len(a) < len(b) else (b, a)
        m = _SITE_SUFFIX.fullmatch(long_[len(short):]) if long_.startswith(short) else None
        if m is None or len(m.group(1).split()) > 6 or m.group(1).endswith("."):
            return None
        first, second = (previous, seg)
        gap = (first.to_source_end(len(first.text)), second.to_source(0))
        if text[gap[0]:gap[1]].strip():
            return None
        if long_ is a:  # the titled copy comes first: it goes with the whitespace after it
            start, end, edit = first.to_source(0), first.to_source_end(len(first.text)), (first.to_source(0), gap[1])
        else:
            start, end, edit = second.to_source(0), second.to_source_end(len(second.text)), (gap[0], _end_of(second))
        return self.finding_at(start, end, f"Paragraph repeats the one {'after' if long_ is a else 'before'} it "
                               f"with the site's name '{m.group(1)}' added", edits=[(*edit, "")],
                               applicability=Applicability.UNSAFE)

    def _sentences(self, seg: Segment, doc: Document, lo: int, hi: int) -> Iterator[Finding]:
        """A run of one to three sentences said twice in a row (an MT retry or a scraper's second read
        repeats a quotation with its attribution, two sentences at once), within ``seg.text[lo:hi]``."""
        spans = [(a + lo, b + lo) for a, b in sentence_spans(seg.text[lo:hi])]
        texts = [_sentence_text(seg, doc, a, b) for a, b in spans]
        i = 0
        while i < len(spans):
            for k in range(1, _LONGEST_RUN + 1):
                if i + 2 * k > len(spans):
                    break
                first = texts[i:i + k]
                if None not in first and first == texts[i + k:i + 2 * k] and \
                        sum(len(t.split()) for t in first if t) >= 4:
                    start, end = spans[i + k][0], spans[i + 2 * k - 1][1]
                    message = "Sentence repeats the one before it" if k == 1 else \
                        f"{k} sentences repeat the {k} before them"
                    yield self.finding(seg, start, end, message, edits=[(spans[i + k - 1][1], end, "")])
                    i += 2 * k - 1
                    break
            i += 1


# A page title's tail: a separator and a site's name of at most six words ("Story - Hunan Daily Online").
# The name starts with a capital or another script, and ends without a sentence's mark (a dot inside
# is a domain: `Sport-Express.Ru`).
_SITE_SUFFIX = compiled_on_use(r"\s+(?:[-|–—»]|--|::)\s+((?:[A-Z0-9]|[^\x00-\u024f])[^!?;,]{0,60}?)\s*")


def _end_of(seg: Segment) -> int:
    return seg.to_source_end(len(seg.text))


def _segments_to_read(doc: Document, repeated: set[str]) -> list[int]:
    """Positions of the segments ``check_document`` may find something in, at most: a segment whose
    first twelve characters or first word are its predecessor's, or that holds a repeated sentence.
    Compared in C over all segments; Python runs only for the few found."""
    texts = [seg.text for seg in doc.segments]
    heads = list(map(itemgetter(slice(0, 12)), texts))
    found = set(compress(count(1), map(eq, islice(heads, 1, None), heads)))
    # The first words are compared where the first characters after any leading white space agree
    # (lstrip hands back the text itself when it has none: splitting each text copied all of it).
    initials = list(map(itemgetter(slice(0, 1)), map(str.lstrip, texts)))
    if "" in initials:  # a segment without a word (none is made so, but nothing here relies on it)
        return list(range(len(texts)))
    for k in compress(count(1), map(eq, islice(initials, 1, None), initials)):
        if k not in found and texts[k].split(None, 1)[0] == texts[k - 1].split(None, 1)[0]:
            found.add(k)
    if repeated:
        joined, starts = doc.prose
        last = len(starts) - 1
        for piece in repeated:
            at = joined.find(piece)
            while at >= 0:
                k = bisect_right(starts, at) - 1
                found.add(k)
                at = joined.find(piece, starts[k + 1]) if k < last else -1
    return sorted(found)


def _same_start(a: str, b: str) -> bool:
    return a[:12] == b[:12] and len(a) != len(b)


# Past this length a paragraph is data read as one paragraph (a TSV, a dump), not prose: the segmenter
# (pysbd, about 30 kB/s) reads only the stretches around the pieces that repeat, not megabytes.
_WHOLE = 20_000
_CONTEXT = 3  # pieces before and after a repeat that the segmenter reads with it


def _windows(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` to segment, none where no piece (a cheap split at the marks, compared in
    C) is followed by itself or starts a run that is: the whole of a paragraph of ordinary length; in a
    longer one, each run of repeated pieces with _CONTEXT pieces on either side (overlaps merged)."""
    spans = _piece_spans(text)
    parts = [text[a:b] for a, b in spans]
    repeats = [(i, k) for k in range(1, _LONGEST_RUN + 1)
               for i in compress(range(len(parts)), map(eq, parts, islice(parts, k, None))) if len(parts[i]) > 15]
    if not repeats:
        return []
    if len(text) <= _WHOLE:
        return [(0, len(text))]
    wanted = sorted((spans[max(0, i - _CONTEXT)][0], spans[min(len(spans) - 1, i + 2 * k - 1 + _CONTEXT)][1])
                    for i, k in repeats)
    merged: list[tuple[int, int]] = []
    for a, b in wanted:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _piece_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the pieces _SENTENCE_SPLIT makes of ``text`` (each with its mark, not the space after)."""
    spans, start = [], 0
    for m in _SENTENCE_SPLIT.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _raw(text: str, seg: Segment) -> str:
    return text[seg.to_source(0) : seg.to_source_end(len(seg.text))]


def _same_ends(a: str, b: str) -> bool:
    """Whether two texts start and end with the same word: a C-level gate before comparing them whole."""
    a_words, b_words = a.split(None, 1), b.split(None, 1)
    if not a_words or not b_words or a_words[0] != b_words[0]:
        return False
    return a.rsplit(None, 1)[-1] == b.rsplit(None, 1)[-1]


def _repeated_sentences(segments: Sequence[Segment]) -> set[str]:
    """Sentence-like pieces that follow themselves anywhere in the document's prose, split and
    compared in C; a segment is searched with the segmenter only when it holds one of them."""
    # The separator ends in a mark of its own, so a paragraph's first sentence starts clean (a bare NUL
    # stayed glued to it, and no repeat outside the first paragraph was ever seen).
    sentences = _pieces_split("\n\0.\n".join(seg.text for seg in segments) + "\n")
    # A run of k sentences said twice: a sentence and the one k sentences on.
    return {p for k in range(1, _LONGEST_RUN + 1)
            for p in compress(sentences, map(eq, sentences, islice(sentences, k, None))) if len(p) > 15}


def _pieces_split(text: str) -> list[str]:
    """``_MARK_SPLIT.split(text)``. Each of its matches is a mark and all the white space after it (a run a
    mark cannot stand in), wherever a mark has white space after it: so the matches are those of each
    mark's own pattern, and replacing them mark by mark with a character the text does not hold (neither
    a mark nor white space: a cut changes no other match) and splitting at it cuts the same pieces."""
    if _MARK_CUTS is None:
        return _MARK_SPLIT.split(text)
    dot, bang, question = _MARK_CUTS
    if "!" not in text and "?" not in text:
        return dot.split(text)
    if _CUT in text:
        return _MARK_SPLIT.split(text)
    # Where the other marks are few against the full stops, cut at the full stops first, then cut again
    # only the pieces that hold another mark (a match of one mark's pattern lies inside a piece: it ends
    # before the next mark); cutting the whole text at each mark made a new copy of it per mark (the PEPs
    # as text: 60 -> 46 ms). Where they are many (an FAQ, a dialogue), a loop step per piece costs more
    # than the copies: the whole text is cut mark by mark.
    others = text.count("!") + text.count("?")
    if others * _FEW_OTHER_MARKS > text.count("."):
        text = dot.sub(_CUT, text)
        if "!" in text:
            text = bang.sub(_CUT, text)
        if "?" in text:
            text = question.sub(_CUT, text)
        return text.split(_CUT)
    pieces: list[str] = []
    for piece in dot.split(text):
        cut = piece
        if "!" in piece:
            cut = bang.sub(_CUT, cut)
        if "?" in piece:
            cut = question.sub(_CUT, cut)
        if cut is piece:
            pieces.append(piece)
        else:
            pieces.extend(cut.split(_CUT))
    return pieces


# Pieces cut again one by one only where the full stops outnumber the other marks this many times.
_FEW_OTHER_MARKS = 8


def _sentence_text(seg: Segment, doc: Document, start: int, end: int) -> str | None:
    """A sentence as compared: its text, or where a placeholder stands for code, a link or an address in
    it, the source it stands for (`e-mail to str@krd.ru`); None where the source is not there to read."""
    text = seg.text[start:end]
    if "\ufffc" not in text:
        return text
    if not seg.anchors:
        return None
    raw = doc.text[seg.to_source(start):seg.to_source_end(end)]
    return None if "\ufffc" in raw else " ".join(raw.split())
