"""P105 unbalanced-brackets: a parenthesis, square or curly bracket with no partner in its paragraph."""

from __future__ import annotations

from collections.abc import Iterator

from lint.model import Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule
from lint.scan import scanners
from lint.words import SEPARATOR_BYTES, joined, known_encoded

_BRACKETS = compiled_on_use(r"[()\[\]{}]")
_NOT_BRACKET_OR_NUL = bytes(range(256)).translate(None, b"()[]{}\x00")
_PARTNER = {")": "(", "]": "[", "}": "{", "(": ")", "[": "]", "{": "}"}
# Brackets that need no partner, found before pairing: emoticons (:-) ;( =]), half-open intervals
# ([0, 1) (a, b]), a bracket quoted as a character ("(" ‘)’ '[') or escaped (\( in a pattern).
_EMOTICON = compiled_on_use(r"(?<![\w)\]:(])[:;=][-^'o]?[()\[\]](?![(])")
_EMOTICON_HINT = compiled_on_use(r"[:;=][-^'o]?[()\[\]]")
# The same, in pieces that open with a literal (``lint.scan``): searched over a whole document.
_EMOTICON_HINTS = scanners(r"[:;=][-^'o]?[()\[\]]")
_INTERVAL = compiled_on_use(
    r"[\[(]\s*[-+−]?[\w.∞]+\s*,\s*[-+−]?[\w.∞]+\s*[\])]"
    # between two numbers with a dash or a tilde, units after them ((0-30%], [1~100)): a settings table's
    # valid range, where a typo's mismatched brackets hold words
    r"|[\[(]\s*[-+−]?\d[\d.]*%?\s*[-–~]\s*[-+−]?\d[\d.]*%?\s*[\])]"
)
_QUOTED = compiled_on_use(
    r"""(?<=["'‘“`«])[()\[\]{}]+(?=["'’”`»])"""  # "(" ‘)’
    r"""|(?<=\\)[()\[\]{}]"""  # \( in a pattern
    # a quoted token: "f(x" "[^)\]+" (read up to its first bracket, then to its end, once); one in curly
    # quotes, “f(x”, is read by _quoted_spans from its opening quote
    r"""|"[^"\s()\[\]{}]*+[()\[\]{}][^"\s]*+"|(?P<curly>“)"""
    r"""|(?<=[\w.])[(\[{](?=['"’”`](?:[^\w'"’”`]|$))"""  # 'def foo(' and find: an opener that ends a quotation
)
_CURLY_END = compiled_on_use(r"[”\s]")


def _quoted_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where _QUOTED matches, a token in curly quotes (`“[^”\\s]*` with a bracket, then `”`) included. Every
    `“` of a run of characters up to a `”` or a blank shares that run's end, which a pattern read again from
    each (quadratic on a line of `“(“(“(`, with nothing to close it): the end and the first bracket after a
    `“` are found once, and serve the next `“` as long as it comes before them."""
    pos, end, bracket = 0, -1, -1
    while (m := _QUOTED.search(text, pos)) is not None:
        if m.group("curly") is None:
            yield m.span()
            pos = m.end()
            continue
        start = m.start()
        if end <= start:
            found = _CURLY_END.search(text, start + 1)
            end = found.start() if found else len(text)
        if bracket <= start:
            found = _BRACKETS.search(text, start + 1)
            bracket = found.start() if found else len(text)
        if bracket < end < len(text) and text[end] == "”":
            yield start, end + 1
            pos = end + 1
        else:
            pos = start + 1


# A closer with nothing open that is a list or reference marker: 1) a) iv) 2b) after a space or at
# the start ("in section 1a)", "both a) provide … and b) alert"). After an Italian preposition joined to
# the elided article l' (all', dell', nell', sull', dall': lower case, a word of its own), a letter is a
# label cited by its name: `dai punti a) e d) della tabella all'a)`, "of the table at (point) a)"; no
# Italian word is one letter after an elided article. Only there: French `l'a)`, `qu'a)` are the verb
# avoir, and English `Powell's)`, `Dell's)`, `quell'`/`stell'` are no such preposition.
_MARKER = compiled_on_use(r"(?:(?<![^\s(\[—–-])(?:\d{1,4}[a-z]?|[A-Za-z]|[ivxlc]{1,5}|[IVXLC]{1,5})"
                          r"|(?<![^\W\d_])(?:a|da|de|ne|su)ll['’][A-Za-z](?:/?\d{1,2})?)\)")
# A letter's label with a sub-item's number (a1), b/2)) after a space is a marker only beside a sibling of
# the same letter (`items a1) and a2)`, `b) … b1)`): alone it is as likely a name whose `(` was lost
# (`the G7) summit`, `il modello v2) è uscito`, `paper size A4)`).
_SUB_LABEL = compiled_on_use(r"(?<![^\s(\[—–-])([A-Za-z])(/?\d{1,2})?\)")


def _markers(text: str) -> set[int]:
    """The offsets of the closers that end a list or reference marker (``_MARKER``, ``_SUB_LABEL``)."""
    found = {m.end() - 1 for m in _MARKER.finditer(text)}
    numbered = [m for m in _SUB_LABEL.finditer(text) if m.group(2)]
    if numbered:
        labels: dict[str, set[str]] = {}
        for m in _SUB_LABEL.finditer(text):
            labels.setdefault(m.group(1), set()).add(m.group(2) or "")
        found.update(m.end() - 1 for m in numbered if len(labels[m.group(1)]) > 1)
    return found


_EXCERPT_START = compiled_on_use(r"\s*(?:\.\.\.|…)")
_EXCERPT_END = compiled_on_use(r"(?:\.\.\.|…)\s*$")
_PLACEHOLDER = "\ufffc"  # a URL or inline code the format masked (a URL may end in "_(bar)")


def _nested_well(text: str) -> bool:
    """Every bracket closes the last one opened (the common case, decided without the exceptions): the
    brackets alone, with each adjacent pair removed until none is left (in C, not a loop per bracket)."""
    marks = "".join(_BRACKETS.findall(text))
    while marks:
        shorter = marks.replace("()", "").replace("[]", "").replace("{}", "")
        if len(shorter) == len(marks):
            return False
        marks = shorter
    return True


def _segments_to_read(doc: Document) -> list[Segment]:
    """The segments ``check_segment`` may have something to say about: those whose brackets do not nest
    well, and those where an emoticon may stand. All segments' brackets are paired at once, in C, in the
    text the repeat rules read (``lint.words.joined``: NULs between the segments): Python runs per
    segment found, not per segment with a bracket."""
    segments = doc.segments
    text = joined(doc)
    if text is None:
        return list(segments)  # a NUL inside a text: each segment is read
    # The brackets and NULs alone, in order: every other byte of the UTF-8 text dropped by one
    # bytes.translate (no byte of a character outside ASCII is one of them), where a regex's findall
    # stopped at each bracket.
    # (From the one-byte text the repeat rules made where the document holds it: its brackets and NULs are the
    # UTF-8's, and the encoding pass, some 15M instructions on the Rust book, is not made again.)
    data = known_encoded(doc)
    marks = (text.encode("utf-8", "surrogatepass") if data is None else data).translate(None, _NOT_BRACKET_OR_NUL)
    while True:  # adjacent pairs removed until none is left, as ``_nested_well`` does (none forms across a NUL)
        shorter = marks.replace(b"()", b"").replace(b"[]", b"").replace(b"{}", b"")
        if len(shorter) == len(marks):
            break
        marks = shorter
    read = set() if len(marks) == len(SEPARATOR_BYTES) * (len(segments) - 1) else {
        i for i, rest in enumerate(marks.split(SEPARATOR_BYTES)) if rest}
    hinted = {id(seg) for seg in doc.segments_matching_any(_EMOTICON_HINTS)}
    if not hinted:
        return [segments[i] for i in sorted(read)]
    return [seg for i, seg in enumerate(segments) if i in read or id(seg) in hinted]


def _excess(text: str, opener: str) -> int:
    """How many more ``opener`` than closers ``text`` has (negative: more closers)."""
    return text.count(opener) - text.count(_PARTNER[opener])


def _bracket_counts(text: str) -> list[int]:
    return [text.count(ch) for ch in "()[]{}"]


class UnbalancedBrackets(Rule):
    code = "P105"
    slug = "unbalanced-brackets"
    summary = "Parenthesis or bracket with no partner in its paragraph"
    rationale = """
**What it does.** Pairs the round, square and curly brackets of each paragraph and flags one that
closes nothing, one that is never closed, and a closer of the wrong kind (`[… )`).

**Why is this bad?** A lost bracket leaves the reader unsure where an aside ends. Scrapers drop
brackets together with the link or footnote they enclosed, and MT engines reorder clauses across them.

Not flagged: a translation (PO, XLIFF) with the same brackets as its source (`Start Group [(]`),
list and reference markers with nothing open (`1)`, `a)`, `iv)`, `in section 1a)`, `b1)` beside its
sibling `b2)`), an Italian one cited after a preposition with an elided article (`della tabella all'a)`),
emoticons (`:)`, `;-(`), half-open intervals (`[0, 1)`, `(0-30%]`), a bracket quoted or escaped as a character
(`"("`, `‘)’`, `\\(`), a closer right after a URL (which may end in `_(bar)`), and an aside that runs
from one paragraph into the next.
"""
    severity = Severity.WARNING
    trigger = r"[()\[\]{}]"
    flag = (
        Example("Text here.\n\n(\n\nMore text.\n", note="a paragraph of a bracket alone is no heading"),
        Example("The governor (who arrived on Monday said the scene was secured."),
        Example("The ministry said 65 soldiers were on board) and flown to Belgorod."),
        Example("The figure [as reported by CNN was not confirmed."),
        Example("Prices rose] sharply in March."),
        Example("The crash (in the Belgorod region (near the border) was confirmed."),
        Example("At least 24 people were killed (including three children."),
        Example("He left early). Nobody knows why."),
        Example("Both sides [Russia and Ukraine) exchanged prisoners."),
        Example("Both sides [Russia-Ukraine) exchanged prisoners.", note="words, not a range of numbers"),
        Example("The key function also maintains the stability of the sort (records with the same key "
                "are left in their original order.\n\nOriginal code follows.\n"),
        Example("Use the template {name to greet the user."),
        Example("The U.S. Department of Justice (DOJ said on Tuesday that the inquiry was closed."),
        Example("Personne ne l'a) vu depuis lundi.", note="French l'a is the verb avoir, no label"),
        Example("Nella tabella dell'anno) successivo mancano i dati.",
                note="a word after the elided article, not a letter's label"),
        Example("The leaders of the G7) met in Paris on Monday.", note="a name with a number, no sibling label"),
        Example("According to Powell's) statement, the rates stay.", note="an English possessive, no Italian all'"),
    )
    allow = (
        Example("The governor (who arrived on Monday) said the scene was secured."),
        Example("Options: 1) wait, 2) leave, 3) call."),
        Example("a) first item; b) second item."),
        Example("Valgono i punti a) e d) della tabella all'a).", note="an Italian label cited after all' (to a)"),
        Example("Si compila il modulo all'g/1) nelle sezioni indicate.", note="a label with a sub-item's number"),
        Example("The values of items a1) and a2) are set below.", note="a sub-item's label"),
        Example("Great news :) see you soon."),
        Example("The value lies in [0, 1) by definition."),
        Example("| `EERThreshold` | 10% | Value: (0-30%] |", path="a.md", note="a valid range in a settings table"),
        Example("Retries: [1~5) times."),
        Example("Nested (brackets [like these] are) fine."),
        Example("No brackets at all."),
        Example("Sad face :( but fine."),
        Example("Not gzip because 1) that is only GNU tar and 2) we max out the size."),
        Example("Structs and enums\n(discussed in Chapter 6) are the building blocks."),
        Example("It fits within `self` (the first `Rectangle`); otherwise not.", path="a.md"),
        Example("The words of John Donne (British poet): no man is an island."),
        Example("Use the crate (version 0.10): it works."),
        Example("The operator (either at the C level or\n\n- in Python) is defined.\n", path="a.md"),
        Example("Link text [here](https://example.com) is markup.", path="a.md"),
        Example("We discussed this in Chapter 1)."),
        Example("We discussed this in section iv)."),
        Example("By combining these systems, we're able to both\na) provide functionality, and b) alert consumers."),
        Example("The rule applies immediately after \"(\" in any expression."),
        Example("Even if some_rule or ‘)’ fail to be parsed."),
        Example("A search for \"PyList_GET_ITEM\\(\\[^)\\]+\\(\" found only a handful of cases."),
        Example("See https://en.wikipedia.org/wiki/Air_gap_(networking) for the attack."),
        Example("The plight of Tamil refugees caused a surge of support.[90]"),
        Example("(Note that the launcher reads this file first.\n\nIt then reads the global file.)\n"),
        Example("The PEP editors will make a unilateral decision (it's not like such decisions can't be reversed :)."),
        Example("We can form consensus more easily (smaller fights ;-), and accept divergence."),
        Example("A double-colon (::) can be used instead of a single colon (:) to support docstrings."),
        Example("Enumerators use a right-parenthesis suffix (\"1)\", \"2)\") or parentheses (\"(1)\", \"(2)\")."),
        Example("While no nation other than the Russian Federation (and previously the f..."),
        Example("...n-eating amoeba\") is a fresh-water species that can be fatal to humans."),
        Example("Love the post, and hope you have a great weekend :)Amy x Wandering Everywhere"),
        Example("Shrug ¯\\_(ツ)_/¯ and move on."),
        Example("# ]\n\n> This shell keyword ends `[`.\n", path="pages/common/].md",
                note="a heading that is the bracket itself (the page of a command named `]`): no prose"),
        Example('msgid "Start Group [(]"\nmsgstr "Démarrer un groupe [(]"\n', path="x.po",
                note="a translation keeps its source\'s brackets"),
    )

    def segments_to_read(self, doc: Document) -> list[Segment]:
        # The whole document's brackets are paired at once, in C: only the few paragraphs where they do
        # not nest, or an emoticon may stand, are read in Python (of those the trigger finds, most nest).
        return _segments_to_read(doc)

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        text = seg.text
        if seg.kind == "heading" and not any(c.isalnum() for c in text):
            return  # a heading of brackets alone (the page of the command `]`, `}`): a name, not an aside
        # (An emoticon needs one of its eyes: looked for in C before the pattern is.)
        if _nested_well(text) and not (
                (":" in text or ";" in text or "=" in text) and _EMOTICON_HINT.search(text)):
            return
        if seg.source_text is not None and _bracket_counts(seg.source_text) == _bracket_counts(text):
            return  # a translation with its source's brackets (`Start Group [(]`): the source's design
        found, stack, orphans = self._paired(seg, text)
        yield from found
        if orphans and _EXCERPT_START.match(text):
            orphans = []  # an excerpt ("...n-eating amoeba") is …") may begin inside an aside
        if orphans and not self._continues_previous(seg, doc, text[orphans[0]]):
            for i in orphans:
                yield self.finding(seg, i, i + 1, f"'{text[i]}' closes nothing")
        if _EXCERPT_END.search(text):
            stack = []  # "(and previously the f...": an excerpt cut inside an aside
        yield from self._never_closed(seg, doc, stack)

    def _paired(self, seg: Segment, text: str) -> tuple[list[Finding], list[tuple[str, int]], list[int]]:
        """The brackets paired up, left to right: the findings for wrong closers and for inner brackets
        never closed, the openers left open, and the closers that close nothing.

        Each bracket costs the same however many came before it (a paragraph of 7,500 `(` then 7,500 `]`
        took 4.9 s, each `]` reading the whole stack and the rest of the text): the stack's openers and
        the brackets read so far are counted by kind as they go, and a closer knows where its run of `)`
        started."""
        skip: set[int] = set()
        spans = [*(m.span() for pattern in (_EMOTICON, _INTERVAL) for m in pattern.finditer(text)), *_quoted_spans(text)]
        for start, end in spans:
            skip.update(i for i in range(start, end) if text[i] in "()[]{}")
        markers = _markers(text)
        found: list[Finding] = []
        stack: list[tuple[str, int]] = []
        orphans: list[int] = []
        open_now = dict.fromkeys("([{", 0)  # the stack's openers of each kind
        ahead = {ch: text.count(ch) for ch in ")]}"}  # the closers of each kind from the bracket read on
        run_start = -1  # where the run of `)` that holds the last `)` read starts
        for m in _BRACKETS.finditer(text):
            i = m.start()
            ch = m.group()
            if ch in ahead:
                ahead[ch] -= 1
                if ch == ")" and text[i - 1:i] != ")":
                    run_start = i
            if i in skip:
                continue
            if ch in open_now:
                stack.append((ch, i))
                open_now[ch] += 1
            elif stack and stack[-1][0] == _PARTNER[ch]:
                open_now[stack.pop()[0]] -= 1
            elif open_now[_PARTNER[ch]]:
                # An inner bracket never closed: report it, and close the outer one this closer belongs to.
                while stack[-1][0] != _PARTNER[ch]:
                    b, at = stack.pop()
                    open_now[b] -= 1
                    found.append(self.finding(seg, at, at + 1, f"'{b}' is never closed"))
                open_now[stack.pop()[0]] -= 1
            elif ch == ")" and i in markers:
                continue  # "1)", "a)": a list or reference marker
            elif ch == ")" and text[run_start - 1:run_start] == _PLACEHOLDER:
                continue  # the end of a URL such as …/wiki/Air_gap_(networking)
            elif stack and ahead[_PARTNER[stack[-1][0]]] + (text[i] == _PARTNER[stack[-1][0]]) < open_now[stack[-1][0]]:
                # "[Russia and Ukraine)": the wrong closer for the open bracket, which closes nowhere else.
                b, at = stack.pop()
                open_now[b] -= 1
                found.append(self.finding(seg, i, i + 1, f"'{ch}' closes '{b}' (expected '{_PARTNER[b]}')"))
            else:
                orphans.append(i)
        return found, stack, orphans

    def _never_closed(self, seg: Segment, doc: Document, stack: list[tuple[str, int]]) -> Iterator[Finding]:
        # A smiley often doubles as the closing parenthesis: "(smaller fights ;-)". Each `(` takes the first
        # smiley after it not taken: the openers and the smileys are both in order, so one pass reads both.
        smiles = [m.end() - 1 for m in _EMOTICON.finditer(seg.text) if m.group().endswith(")")]
        taken = 0
        goes_on: dict[str, bool] = {}  # by opener: the same answer for each (it reads the next paragraph)
        for b, at in stack:
            if b == "(":
                while taken < len(smiles) and smiles[taken] <= at:
                    taken += 1
                if taken < len(smiles):
                    taken += 1
                    continue
            if b not in goes_on:
                goes_on[b] = self._continues_next(seg, doc, b)
            if not goes_on[b]:
                yield self.finding(seg, at, at + 1, f"'{b}' is never closed")

    @staticmethod
    def _continues_next(seg: Segment, doc: Document, opener: str) -> bool:
        """The aside goes on in the next paragraph, or its closer sits in markup the format left out
        (a reST enumerator such as ``2012)`` at the start of a wrapped line)."""
        segments = doc.segments
        n = seg.index
        if not (0 <= n < len(segments) and segments[n] is seg):
            return False
        if doc.introduces_block(seg):
            return True  # the aside runs on into the list, code or quotation that follows
        end = seg.to_source_end(len(seg.text))
        if n + 1 >= len(segments):
            return _PARTNER[opener] in doc.text[end:end + 40]
        nxt = segments[n + 1]
        gap = doc.text[end:nxt.to_source(0)]
        return _PARTNER[opener] in gap[:40] or _excess(nxt.text, opener) < 0

    @staticmethod
    def _continues_previous(seg: Segment, doc: Document, closer: str) -> bool:
        segments = doc.segments
        n = seg.index
        if not (0 < n < len(segments) and segments[n] is seg):
            return False
        # An aside opened in the paragraph before, or closed after the block that paragraph introduces.
        return _excess(segments[n - 1].text, _PARTNER[closer]) > 0 or doc.introduces_block(segments[n - 1])
