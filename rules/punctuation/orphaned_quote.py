"""P101 orphaned-quote: a quotation closed but never opened, or opened and never closed, in a paragraph."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from lint.language import RIGHT_TO_LEFT, pack, primary
from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule
from lint.scan import end_mark_test, non_ascii, scanners
from lint.sentences import sentence_spans

_MARKS = compiled_on_use("[“”„\"‘’']")
# The double marks and the single ones of _MARKS, each found alone (a paragraph of code or English has
# many more apostrophes than double quotes, and each reading passes over the other's marks otherwise).
_DOUBLE_MARKS = compiled_on_use("[“”„\"]")
_SINGLE_MARKS = compiled_on_use("[‘’']")
# A single mark that is not an apostrophe between letters (can’t). The mark comes first: a leading
# lookbehind would make every scan of a document stop at each character.
_SINGLE_BEFORE = compiled_on_use(r"['‘’](?:(?<![^\W\d_]['‘’])|(?![^\W\d_]))")
_EXCERPT_START = compiled_on_use(r"\s*(?:\.\.\.|…|\[…\]|\[\.\.\.\])")
_EXCERPT_END = compiled_on_use(r"(?:\.\.\.|…)\s*$")
# The same question asked of the text's end alone: less its trailing white space (what `\s*$` passes over:
# str.rstrip's white space is the engine's \s), it ends with one of these. A search of the pattern, led by
# a class of the two marks, tested every character of the paragraph.
_EXCERPT_ENDS = ("...", "…")
# Paragraphs with a double mark, and with a single mark at a word's edge, are found by scans in pieces
# the regex engine skips to (one per mark).
_HAS_DOUBLE = scanners("[“”„\"]")
_HAS_SINGLE = scanners(_SINGLE_BEFORE.pattern)
# What a single mark needs to be reported (``_pair_singles``): a closing mark after . , ! or ? (any
# other may be an apostrophe, never an orphan), or a ‘ that may be left open. A paragraph without
# either is not paired.
_SINGLE_FOUND = compiled_on_use("[.,!?]['’]|‘")
# ‘ inside words (Hawai‘i, Shi‘a, Ka‘ba) is an ʻokina or an ayn: single quotes are not pairs there.
_OKINA = compiled_on_use(r"‘(?<=\w‘)(?=\w)")
# Characters after which a quotation mark opens (besides the start of the paragraph and spaces); CJK text
# sets no spaces, so its commas, stops and opening brackets stand for one (`ため、”リアル”な`).
_OPEN_CONTEXT = "([{—–-/“‘„\"'«、。，；：！？（【「『《〈"
# Characters before which a quotation mark closes (besides the end of the paragraph and spaces).
_CLOSE_CONTEXT = ".,;:!?)]}—–-…’”\"'»*_、。，；：！？）】」』》〉"
# Elisions that begin with an apostrophe typed (or autocorrected) like an opening quote: ’90s, rock ’n’ roll.
_ELISION = compiled_on_use(r"\d|(?:n|em|til|tis|twas|cause|bout|round|nuff|sup|ello|ere|im|er|ndrangheta)\b", re.I)
# Where a quotation most likely began when its opening mark is lost: right after an attribution that
# ends a sentence ("… Gladkov said. I changed …"), or after the previous closing quotation mark.
_ATTRIBUTION = {
    "”": compiled_on_use(
        r"(?:\b(?:said|says|told|added|wrote|asked|stated|explained|noted|declared|insisted|replied|"
        r"according to [^.!?“”\"]+)[^.!?“”\"]*[.!?:]|”[^“”\".!?]*[.!?])\s+(?=[A-Z])"
    ),
    '"': compiled_on_use(
        r"(?:\b(?:said|says|told|added|wrote|asked|stated|explained|noted|declared|insisted|replied|"
        r"according to [^.!?“”\"]+)[^.!?“”\"]*[.!?:]|(?<=\S)\"[^“”\".!?]*[.!?])\s+(?=[A-Z])"
    ),
}


@dataclass(slots=True)
class _Mark:
    """A quotation mark in a sentence and the role its context gives it."""

    at: int
    char: str
    role: str  # "open" or "close"


# A Korean particle (or the copula) glued after a closing mark, then the word's end (`"/"일 때`, `"From "으로`),
# or a Japanese one before a word of another kind or the end (`"From "で始まる`): Korean and Japanese glue
# them to the quotation they follow, so the mark stands as before a space. A quotation that opens on such a
# syllable (`"이 값"`, `"はい"`) has more of its word, or a quotation mark, after it.
_PARTICLE_AFTER = compiled_on_use(
    r"(?:은|는|이|가|을|를|의|에|에서|에게|으로|로|와|과|도|만|까지|부터|보다|처럼|이나|나|이라는|라는|이라고|라고"
    r"|이란|란|인|일|입니다|이다|에는|에서는|으로는|로는|에도|로도|으로도|와는|과는|과의|와의)"
    r"(?=[\s.,;:!?)\]}、。，；：！？）]|$)"
    r"|(?:は|が|を|に|で|と|の|も|へ|から|まで|より|では|には|とは|での|として)(?=[^\u3040-\u309f\"'“”‘’]|$)"
)

# CJK punctuation (`、`, `。`, `（`, `「`) and the full-width forms (`，`, `（`): a mark after one opens.
_CJK_MARK = compiled_on_use(r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]")


def _context(text: str, i: int) -> tuple[bool, bool]:
    """Whether a mark at ``i`` stands where a quotation opens, and where one closes."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    # (Not for a mark at the start or after a CJK mark, `、"より狭い方"`: a quotation opens there, on a word
    # that may begin as a particle does.)
    if "\u3040" <= after <= "\ud7af" and i > 0 and not _CJK_MARK.match(before) and _PARTICLE_AFTER.match(text, i + 1):
        after = " "
    opens = (before.isspace() or before in _OPEN_CONTEXT) and not (after.isspace() or after in ".,;:!?)]}、。，；：！？）】」』》〉")
    closes = not (before.isspace() or before in "([{") and (after.isspace() or after in _CLOSE_CONTEXT)
    return opens, closes


# Languages where ” may open a quotation: Swedish and Finnish (”…”), and the right-to-left ones, where curly
# double marks are typed either way round.
_EITHER_WAY = frozenset({"sv", "fi"}) | RIGHT_TO_LEFT


# Letters of the scripts written right to left (Hebrew, Arabic and its extensions and presentation forms,
# Syriac, Thaana, N'Ko).
_RTL_LETTER = compiled_on_use("(?=[^\\W\\d_])[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")  # (letters: no vowel marks, digits)
_LETTER = compiled_on_use(r"[^\W\d_]")


def _written_right_to_left(text: str) -> bool:
    """Most of the paragraph's letters are of a right-to-left script: a language the list of
    right-to-left ones does not name (Western Punjabi's Shahmukhi `pnb`, Saraiki `skr`, Egyptian Arabic
    `arz`) types its marks either way round as Urdu and Arabic do."""
    if text.isascii():
        return False  # (asked of every paragraph with a double mark: most are ASCII)
    rtl = len(_RTL_LETTER.findall(text))
    return rtl > 0 and 2 * rtl > len(_LETTER.findall(text))


def _right_to_left(text: str, language: str, scripts: bool = True) -> bool:
    """Whether a paragraph reads right to left: its language's script does, or most of its letters.
    ``scripts``: whether the document holds a letter of a right-to-left script at all (False: no paragraph
    is asked for its letters, which a search at every character of it found none of)."""
    return language in RIGHT_TO_LEFT or (scripts and _written_right_to_left(text))


def _double_marks(text: str, language: str, rtl: bool) -> list[_Mark] | None:
    """The double quotation marks of a paragraph with their roles (``rtl``: ``_right_to_left``); None
    where a straight or Scandinavian mark has no clear role (`a " b`), which makes pairing guesswork."""
    out: list[_Mark] = []
    openers: list[str] = []
    for m in _DOUBLE_MARKS.finditer(text):
        mark, i = m.group(), m.start()
        # Right to left, “ and ” point either way (Arabic writes ”…“ as often as “…”: the glyphs are not
        # mirrored): their place tells which opens, as a straight mark's does; a mark spaced on both sides
        # or glued on both keeps its own direction, so one such mark does not leave the paragraph unread.
        ch = '"' if rtl and mark in "“”" and len(set(_context(text, i))) == 2 else mark
        before = text[i - 1] if i > 0 else ""
        if before in "'‘`" and before and text[i + 1:i + 2] in ("'", "’", "`"):
            continue  # '"': the character itself, quoted
        if ch == "“" and openers and openers[-1] == "„":
            role = "close"  # „German“
        elif ch == "“" and not openers and _low_quotes(language) and _context(text, i) == (False, True):
            role = "close"  # a German “ after the words it closes, its „ lost or in an earlier paragraph
        elif ch in "“„":
            role = "open"
        elif ch == "”" and language not in ("sv", "fi") and (openers or _context(text, i) != (True, False)):
            role = "close"
        else:  # straight " (and ” where it both opens and closes): decided by position
            opens, closes = _context(text, i)
            if ch == '"' and i + 1 < len(text) and text[i + 1] in "'’\"":
                closes = False  # b"'abc'": a closing mark is not followed by another quotation mark
            if before.isdigit() and not openers:
                continue  # 20" wide, 40°26'46": inches and seconds, not quotes
            if ch == '"' and before == "," and text[i + 1 : i + 2] in (",", ""):
                continue  # an item of a list on its own (`inch,inches,in,"`): the inch symbol, not a quote
            if ch == '"' and _key_value(text, i, before):
                return None  # `gflags="-m"`, `"main":"./dist/index.js"`: code, paired by its syntax
            if opens == closes:
                return None
            role = "open" if opens else "close"
        if role == "close" and not openers and ch == "”" and before.isdigit():
            continue  # a 12” pizza: an inch mark autocorrected to a quote
        if role == "open":
            openers.append(ch)
        elif openers:
            openers.pop()
        out.append(_Mark(i, mark, role))
    return out


def _key_value(text: str, i: int, before: str) -> bool:
    """Whether the straight quote at ``i`` opens a key's quoted value: after `=` and a name (`gflags="-m"`,
    `run_name="__main__"`), or after the `:` of a JSON member written in prose (`"main":"./dist/index.js"`)."""
    return i > 1 and ((before == "=" and (text[i - 2].isalnum() or text[i - 2] == "_"))
                      or (before == ":" and text[i - 2] == '"' and '"' not in _JSON_MEMBER.sub("", text)))


# A JSON member written in prose, its value's closing mark maybe lost (`"main":"./dist/index.js"`). Only a
# paragraph whose straight marks all stand in such members is left unpaired: one beside them still pairs
# (`Set "main":"./dist/index.js", and the "types field too.` misses a closing mark).
_JSON_MEMBER = compiled_on_use(r'"[^"\n]*":"[^"\n]*"?')


@lru_cache(maxsize=64)
def _low_quotes(language: str) -> bool:
    """Whether the language closes its quotations with “ („…“: German, Russian's inner marks), so a “
    after a word closes one and never opens."""
    return any(pair[1] == "“" for pair in (pack(language) or {}).get("quotes") or ())


def _single_marks(text: str) -> list[_Mark]:
    """Opening single quotation marks and closing ones that cannot be apostrophes."""
    out: list[_Mark] = []
    for m in _SINGLE_MARKS.finditer(text):
        ch, i = m.group(), m.start()
        opens, closes = _context(text, i)
        before = text[i - 1] if i > 0 else " "
        if ch == "‘" and opens and not _ELISION.match(text, i + 1):
            out.append(_Mark(i, ch, "open"))
        elif ch == "'" and opens and not closes and not _ELISION.match(text, i + 1):
            out.append(_Mark(i, ch, "open"))
        elif ch in "’'" and closes:
            # After a letter it may be an apostrophe (the students’ books): it closes an open quotation
            # but is never an orphan. After . , ! ? it can only be a closing quotation mark.
            out.append(_Mark(i, ch, "close" if before in ".,!?" else "close?"))
    return out


class OrphanedQuote(Rule):
    code = "P101"
    slug = "orphaned-quote"
    summary = "Quotation mark with no partner in its paragraph"
    rationale = """
**What it does.** Pairs the quotation marks of each paragraph — curly “ ” ‘ ’, low „ and straight
" ' — and flags a closing mark with nothing open before it, an opening mark never closed, and a mark
turned the wrong way (`”word”`, `“word“`, with a fix; right to left, Arabic, Persian, Hebrew and Urdu
type ”…“ as often as “…”, so there either way round is right; so does any paragraph whose letters are
mostly of a right-to-left script, whatever language it is said to be in). In a language that closes with “
(German `„…“`), a “ after the words it ends closes. Straight
marks are told apart by position (after a space they open, before one they close; a Korean or
Japanese particle glued after a mark, `"/"일 때`, `"From "で`, stands for that space); apostrophes
(`Russia's`, `can’t`, `the students’ books`, `’90s`, `rock ’n’ roll`, `O’Brien`) are not quotation
marks.

**Why is this bad?** The reader cannot tell where the quotation starts: whose words are these? MT
engines and scrapers drop an opening mark when it sat in a separate element (a pull quote, a link).
Attributing words to the wrong person is the worst error a news text can make.

Not flagged: a quotation running over several paragraphs (each paragraph reopens it, only the last
closes it — the English convention), one that a scraper split over paragraphs (opened in one,
closed in a later one, up to three paragraphs on, with no double mark in between; in a document laid out
in paragraphs of sentences — half or more of its four or more paragraphs hold two sentences or more —
the paragraph right after the one that left it open must reopen it, while a line per sentence, as MT
output and sentence-split text have, carries it on without a mark), a quotation whose own opening mark reopens it at the start of one of
its sentences (`„A. B. „C.“`: each paragraph of a long quotation reopened, the paragraph breaks lost when
sentence-per-line text or a scraper ran them together; not after an attribution such as `…, she said.`,
where a new quotation opens), nested quotations, TeX's quotation marks (``…'', in a document that opens one with ``), inch and second marks after a number (`20" wide`,
`40°26'46"`), and paragraphs whose straight quotes cannot be told apart (`a " b`) or hold a key's quoted value
(`(gflags="-m")`, a JSON member `"main":"./dist/index.js"`: code, whose marks pair by its syntax). An opening single
quote left open is flagged only when curly (‘): a straight one is too often an elision (`'Tis`).
"""
    severity = Severity.ERROR
    fix = Applicability.UNSAFE
    fix_note = (
        "Where the lost mark's place is clear — the first sentence after an attribution such as "
        "`he said.` or after the previous quotation, with no other quotation mark in between — inserts "
        "the opening mark there. Unsafe: the quotation may have begun earlier."
    )
    scope = "document"
    flag = (
        Example('Set "main":"./dist/index.js" in package.json, and the "types field as well.\n', path="a.md",
                note="a JSON member beside an unclosed quote in prose: the prose's marks still pair"),
        Example("He said ”hello” to us، وَقَالَ: بِسْمِ.\n", language="en",
                note="a few Arabic words with their vowel marks: the paragraph's letters are mostly Latin"),
        Example("قال ” الأخبار. ثم قال “وصلت اليوم إلى المدينة.\n", language="ar",
                note="right to left, a spaced mark keeps its own direction: the “ is still never closed"),
        Example("子コンポーネントが破棄され再作成されるため、”リアル”な条件レンダリングです。\n",
                "子コンポーネントが破棄され再作成されるため、“リアル”な条件レンダリングです。\n", language="ja",
                note="one mistyped opening mark, not two orphans"),
        Example("“An investigation is under way,” the governor said. I changed my work schedule. All details later.”\n",
                "“An investigation is under way,” the governor said. “I changed my work schedule. All details later.”\n"),
        Example("He said. We will rebuild the bridge by spring.”\n",
                "He said. “We will rebuild the bridge by spring.”\n"),
        Example("The minister told reporters: “The budget is balanced.\n\nThe session then closed.\n"),
        Example("“We are ready,” he said, “and so is the army.\n"),
        Example("Prices rose.” The market closed early.\n"),
        Example("She asked “why now? and left.\n"),
        Example("“First quote” and then a second one” appeared.\n"),
        Example("The report, according to officials. It is not final.”\n",
                "The report, according to officials. “It is not final.”\n"),
        Example('"This is new," Peskov said. I can\'t say anything yet."\n',
                '"This is new," Peskov said. "I can\'t say anything yet."\n'),
        Example('The U.S. envoy called it "a turning point in the talks.\n'),
        Example("The BBC’s correspondent said the phrase ‘a new era of peace was hollow.\n"),
        Example("What?' he asked, and nobody answered.\n"),
        Example("Despite that, “both fields are optional“ is a reasonable interpretation.\n"),
        Example("The time for ”little steps in the right direction” is long gone.\n",
                "The time for “little steps in the right direction” is long gone.\n"),
        Example("Speaking on Morning Ireland he said \"“It’s not about who’s right,” and left.\n"),
        Example("The league met on Monday. It changed the rules.\n\n“This violates the integrity of the tournament. "
                "It breaks the principle of sport.\n\nAnd this decision would not be supported by UEFA,” he said. The "
                "vote was close.\n\nThe clubs will meet again. Nothing is settled.\n",
                note="paragraphs of sentences: the next paragraph of a quotation must reopen it"),
        Example("Der Erfolg wird daran gemessen. Der Verein gehört in die Premier League“, erklärte er. „Es ist "
                "keine leichte Aufgabe.“\n", language="de", note="German “ closes: its „ was lost"),
        Example("„Ich bin Lehrerin, und wir können nicht in Quarantäne gehen, sagte sie. „Wir kriegen kein Geld "
                "zurück.“\n", language="de", note="after an attribution a new quotation opens: the first never closed"),
        Example("“I will come tomorrow. “Fine,” she replied. We left at noon and walked home.\n",
                note="dialogue: a new speaker's quotation opens mid-line, the first never closed"),
        Example("“We cannot go into quarantine when we return, she said. “We are getting no money back.”\n",
                note="after an attribution a new quotation opens: the first never closed"),
    )
    allow = (
        Example("يمكنك إضافة حلقات عن طريق الضغط عليها واختيار ”أضف إلى الطابور“.\n", language="ar",
                note="right to left, ”…“ is as common as “…” (AntennaPod's Arabic strings)"),
        Example("الرجاء تأكيد رغبتك في حذف العلامة “الأخبار”.\n", language="ar"),
        Example("ہݨے مسئلے دا حال ”حل کھندھیا“\n", language="pnb",
                note="a right-to-left script, in a language no list names (Western Punjabi): its letters say so"),
        Example("一个用于描述错误的可选参数。（例如：\"用户必须登录。\"）\n", language="zh"),
        Example('``PATH_INFO``가 단지 "/"일 때, 이 루틴은 빈 문자열을 반환합니다.\n', language="ko",
                note="a Korean particle glued after the closing mark (python-docs-ko)"),
        Example('헤더가 "From "으로 시작하는 줄은 이스케이프됩니다.\n', language="ko",
                note="a quoted space, then a particle: as in English, a mark between two spaces pairs with no side"),
        Example('msgctxt "unit-symbols"\nmsgid "inch,inches,in"\nmsgstr "polegada,polegadas,in,\\""\n', path="pt_BR.po",
                note="the inch symbol as an item of a list"),
        Example("“This is completely new information,” Kremlin spokesman Dmitry Peskov said. “I can’t say anything yet.”\n"),
        Example("Six crew members and three “accompanying personnel” were on board.\n"),
        Example("“The first paragraph of a long quotation runs on.\n\n“And the second paragraph closes it.”\n"),
        Example("He called it ‘a disaster’ in an interview.\n"),
        Example("Russia’s war, the students’ books and rock ’n’ roll.\n"),
        Example("Russia's war, the students' books, rock 'n' roll, O'Brien and the '90s.\n"),
        Example("No quotation marks at all.\n"),
        Example("“Nested ‘single’ quotes are fine,” she said.\n"),
        Example("She said: “Go.” He went.\n"),
        Example("```\n”code” is not prose\n```\n", path="a.md"),
        Example('The screen is 20" wide and the seat pitch is 31-33", with a 31" pitch on newer aircraft.\n'),
        Example("He is 5'11\" tall; the summit is at 40°26'46\" N.\n"),
        Example('"02" will sort before "10" as expected.\n'),
        Example("Kill 'em all! Puttin' on the Ritz with the '49 team in the 1920s and '30s.\n"),
        Example("Paradise lost to the alleged water needs of Texas' big cities Thursday.\n"),
        Example("On their 'host' societies, as NASA's report on the ‘Apollo’ missions says.\n"),
        Example("“Correct, he said.\n\nThis is the next sentence.” Here’s another sentence.\n"),
        Example("He said: “We are changing the rules for everyone.\n\nThe second paragraph of his statement runs on.\n\n"
                "And the third one ends it,” the minister said.\n", note="a quotation over three paragraphs"),
        Example("The league met on Monday.\n\nIt changed the rules.\n\n“This violates the integrity of the tournament."
                "\n\nAnd this decision would not be supported by UEFA,” he said.\n\nThe clubs will meet again.\n",
                note="a line per sentence (MT output, sentence-split text): a quotation runs on without a mark"),
        Example('In addition, the government would pay a $1,000 "cost of education" grant to the schools.\n'),
        Example("It was decades before the term \"black hole\" was coined -- in fact they're the death state "
                "of very massive stars.\n"),
        Example("The ‘49ers, the ‘90s and the ‘Ndrangheta are elisions, not quotations.\n"),
        Example("A 12” pizza from https://example.com/menu is enough.\n"),
        Example("„Das ist neu“, sagte er. “Yes,” she said.\n"),
        Example("Das Feuerschiff „Amrumbank“/„Deutsche Bucht“ wurde 1917 gebaut.\n"),
        Example("The quoting character defaults to '\"'. Setting it to None has the effect of `\"`.\n"),
        Example("...n-eating amoeba\") is a fresh-water species that can be fatal to humans.\n"),
        Example("...my credit card and ran up charges.\" It's harder to get them to buy into \"Someone stole my s...\n"),
        Example("Der Justizminister erklärte: „Die Entscheidung wurde Anfang der Woche getroffen. Die neuen Daten "
                "gaben uns Grund zur Sorge. „Wir verstehen, dass das eine Enttäuschung ist.“\n", language="de",
                note="each paragraph of a long quotation reopens it, the paragraph breaks lost"),
        Example("The minister said: “The decision was taken early this week. The new data gave us cause for "
                "concern.\n“We understand that this is a disappointment.”\n",
                note="each paragraph of a long quotation reopens it, the paragraph breaks lost"),
        Example("Die Delegierte erklärte:\n\n„Wir verzeichnen einen beträchtlichen Ausbruch.\n\nWir müssen "
                "beobachten, was in den nächsten Wochen geschieht.“\n", language="de",
                note="a line per sentence: German “ closes the quotation carried on"),
        Example("Agregó: “Quiero que nuestra clase política, que está a punto de traicionar el Brexit, sienta el "
                "calor. “Vamos a movilizar al ejército popular de este país”.\n", language="es",
                note="the quotation's own clause after a comma, no attribution: reopened"),
        Example("Kanzler Kohl sagte im Bundestag: ``Wir werden dieses Angebot aufnehmen.\n\nUnd darüber "
                "sprechen.'' Das Gefühl kehrte zurück.\n", language="de", note="TeX's quotation marks"),
        Example("Er sagte, es gehe um „erst Denuklearisierung“ und um die „Erklärung des Kriegsendes“.\n",
                language="de"),
        Example('"inline" cannot apply to every function. Run the process with the argument (gflags="-m") to '
                'display the functions that are inlined.\n',
                note="a key's quoted value, code: its mark opens (cloudwego's docs)"),
        Example('Set the tag as <img alt="Logo" width="40"> and the logo shows.\n'),
        Example('| Package.json | 기본 .d.ts의 위치 |\n| :--- | :--- |\n| "main":"./dist/index.js" | ./dist/index.d.ts |\n',
                path="a.md", language="ko", note="a JSON member in a table cell (TypeScript's handbook, ko)"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        segments = doc.segments
        language = doc.language.split("-")[0].lower()
        prose = doc.prose[0]
        # The curly marks the prose holds, asked of its few characters outside ASCII: a scan for a mark
        # it does not hold would pass over the whole prose for nothing.
        curly = "" if prose.isascii() else non_ascii(prose)
        singles = "‘" not in curly or _OKINA.search(prose) is None
        # A letter of a right-to-left script in a paragraph is one among the prose's characters outside
        # ASCII (the paragraphs' texts joined): where they hold none, most documents, no paragraph is read
        # for them (199 of the Rust book's paragraphs with a double mark, each searched at every character).
        scripts = _RTL_LETTER.search(curly) is not None
        doubles: list[list[_Mark] | None] = [None] * len(segments)
        with_doubles: dict[int, bool] = {}  # (each paragraph with a double mark: whether it reads right to left)
        for seg in doc.segments_matching_any(_held(_HAS_DOUBLE, curly)):
            rtl = with_doubles[seg.index] = _right_to_left(seg.text, language, scripts)
            doubles[seg.index] = _double_marks(seg.text, language, rtl)
        # Only a single mark at a word's edge can be a quotation mark (can’t, O’Brien never are).
        with_singles = {seg.index for seg in doc.segments_matching_any(_held(_HAS_SINGLE, curly))} if singles else set()
        # Asked only where a quotation left open may be carried on (a reading of many of its paragraphs):
        # in most documents none is.
        paragraphs = _asked_once(doc)
        for n in sorted(with_doubles.keys() | with_singles):
            seg = segments[n]
            marks = doubles[n]
            if marks:
                yield from self._pair_doubles(seg, marks, doubles, segments, n, language, with_doubles[n], paragraphs)
            if n in with_singles and _SINGLE_FOUND.search(seg.text):
                yield from self._pair_singles(seg, segments, n, tex="``" in prose)

    def _pair_doubles(self, seg: Segment, marks: list[_Mark], doubles: list[list[_Mark] | None],
                      segments: list[Segment], n: int, language: str, rtl: bool,
                      paragraphs: Callable[[], bool]) -> Iterator[Finding]:
        text = seg.text
        # A quotation opened in an earlier paragraph and never closed there may close here; the paragraphs
        # between, without a double mark, are its middle (a scraper drops the marks that reopen them).
        # Where the document is laid out in paragraphs of sentences, though, the paragraph right after
        # one that left a quotation open must reopen it (English's convention): a line per sentence (MT
        # output, subtitles, sentence-split text) carries a quotation on without a mark.
        previous = _nearest(doubles, n, -1)
        carried = (previous is not None and _left_open(previous) and marks[0].role == "close"
                   and not (doubles[n - 1] is previous and segments[n - 1].kind == seg.kind and paragraphs()))
        # An excerpt ("...charges." It's …, "Someone stole my s...") begins or ends inside a quotation.
        cut_start, cut_end = _EXCERPT_START.match(text) is not None, text.rstrip().endswith(_EXCERPT_ENDS)
        # A stack, not a flag: straight-quoted text nests "double" quotes in "double" quotes.
        stack: list[_Mark] = []
        opened = False  # whether a mark before this one opens (asked of each closer after a cut start)
        for k, mark in enumerate(marks):
            seen_open, opened = opened, opened or mark.role == "open"
            if mark.role == "open" and mark.char == "”" and language not in _EITHER_WAY and not rtl:
                yield self.finding(seg, mark.at, mark.at + 1, "Closing quotation mark ” where an opening “ belongs",
                                   "“")
                stack.append(mark)
            elif mark.role == "open":
                if (stack and mark.char == "“" and stack[-1].char == "“" and not rtl
                        and _context(text, mark.at) == (False, True)):
                    yield self.finding(seg, mark.at, mark.at + 1, "Opening quotation mark “ where a closing ” belongs",
                                       "”")
                    stack.pop()
                else:
                    stack.append(mark)
            elif stack:
                stack.pop()
            elif (carried and k == 0) or (cut_start and not seen_open):
                continue
            else:
                yield self._orphan_close(seg, mark)
        if stack and not cut_end and not _reopened(text, marks, language):
            open_mark = stack[0]  # the outermost: the one whose closing mark is missing
            following = _nearest(doubles, n, 1)
            nxt = segments[n + 1].text if n + 1 < len(segments) else ""
            continues = nxt.lstrip()[:1] in ("“", '"', "„") or (following is not None and following[0].role == "close")
            if not continues:
                yield self._unclosed(seg, open_mark)

    def _pair_singles(self, seg: Segment, segments: list[Segment], n: int, tex: bool = False) -> Iterator[Finding]:
        text = seg.text
        stack: list[_Mark] = []
        for mark in _single_marks(text):
            if tex and "''" in text[max(0, mark.at - 1):mark.at + 2]:
                continue  # TeX's quotation marks (``…''), as text typed for TeX and tokenized corpora have them
            if mark.role == "open":
                stack.append(mark)
            elif stack:
                stack.pop()
            elif mark.role == "close" and not _SINGLE_BEFORE.search(text, 0, mark.at):
                # (an orphan only where no earlier single mark could have opened it: b'...' is code)
                yield self.finding(seg, mark.at, mark.at + 1, "Closing quotation mark with no opening one")
        following = segments[n + 1].text.lstrip()[:1] if n + 1 < len(segments) else ""
        for mark in stack:
            if mark.char == "‘" and following not in ("‘", "“"):
                yield self._unclosed(seg, mark)

    def _unclosed(self, seg: Segment, mark: _Mark) -> Finding:
        return self.finding(seg, mark.at, mark.at + 1, "Opening quotation mark is never closed in this paragraph")

    def _orphan_close(self, seg: Segment, mark: _Mark) -> Finding:
        text, at = seg.text, mark.at
        message = "Closing quotation mark with no opening one"
        if mark.char == "“":
            return self.finding(seg, at, at + 1, message)  # German „…“: where its „ was lost is not English's
        closer = "”" if mark.char == "”" else '"'
        last = _attribution_before(text, closer, at)
        if last is None or last >= at or _MARKS_BUT_APOSTROPHES.search(text, last, at):
            return self.finding(seg, at, at + 1, message)
        # The place is clear only where the segmenter agrees that a sentence starts there.
        if last not in _sentence_starts(text):
            return self.finding(seg, at, at + 1, message)
        opener = "“" if closer == "”" else '"'
        return self.finding(seg, at, at + 1, message, edits=[(last, last, opener)])


# A quotation mark other than the apostrophes (' ’), which also stand inside words.
_MARKS_BUT_APOSTROPHES = compiled_on_use("[“”„\"‘]")


@lru_cache(maxsize=8)
def _attributions(text: str, closer: str) -> tuple[list[int], list[int]]:
    """The starts and ends of the places a quotation may have begun (``_ATTRIBUTION[closer]``) in a
    paragraph, found once for all its orphaned closing marks."""
    found = [m.span() for m in _ATTRIBUTION[closer].finditer(text)]
    return [start for start, _ in found], [end for _, end in found]


def _attribution_before(text: str, closer: str, at: int) -> int | None:
    """Where the last attribution before the closing mark at ``at`` ends: the last match of
    ``_ATTRIBUTION[closer].finditer(text, 0, at)``. A match reads a closing mark only as its first
    character (`” he said.`: the quotation before it) and never ends just before one (its lookahead wants
    a capital), so a match that starts before ``at`` ends before it: the matches of the whole paragraph
    that start before ``at`` are those. (A „ read as closing is not one the pattern stops at: it is
    searched for up to the mark, as each was.)"""
    if text[at] not in "”\"":
        ends = [m.end() for m in _ATTRIBUTION[closer].finditer(text, 0, at)]
        return ends[-1] if ends else None
    starts, ends = _attributions(text, closer)
    k = bisect_left(starts, at)
    return ends[k - 1] if k else None


@lru_cache(maxsize=8)
def _sentence_starts(text: str) -> frozenset[int]:
    return frozenset(start for start, _ in sentence_spans(text))


def _held(pieces: list[re.Pattern[str]], curly: str) -> list[re.Pattern[str]]:
    """The pieces of a scan (each opens with its mark) that may match in prose whose characters outside
    ASCII are ``curly``: a piece that opens with a curly mark the prose does not hold finds nothing."""
    return [p for p in pieces if p.pattern[:1] not in _CURLY or p.pattern[:1] in curly]


_CURLY = frozenset("“”„‘’")


# Paragraphs a quotation may run over without a mark (style guides reopen each paragraph of a long
# quotation; scraped and translated text often loses those marks).
_SPAN = 3


def _nearest(doubles: list[list[_Mark] | None], n: int, step: int) -> list[_Mark] | None:
    """The double marks of the nearest paragraph before (step -1) or after (step 1) paragraph n that has
    any, within _SPAN paragraphs; None when there is none."""
    for k in range(n + step, n + step * (_SPAN + 1), step):
        if not 0 <= k < len(doubles):
            return None
        if doubles[k]:
            return doubles[k]
    return None


# A sentence end inside a paragraph: a stop, a closing mark if any, a space, an opening mark if any, a capital.
_INNER_END = compiled_on_use(r"[.!?][\"”’)]?\s+[\"“‘(]?[A-Z]")


def _asked_once(doc: Document) -> Callable[[], bool]:
    """``_paragraph_layout(doc)``, worked out at the first call and kept (a closure: ``functools.cache`` of
    a partial copies the wrapped function's attributes, each missing one an exception, some 5 µs a document)."""
    answer: list[bool] = []

    def paragraphs() -> bool:
        if not answer:
            answer.append(_paragraph_layout(doc))
        return answer[0]
    return paragraphs


def _paragraph_layout(doc: Document) -> bool:
    """Half or more of the document's paragraphs (four or more of them) hold more than one sentence: a text laid out
    in paragraphs, not a line per sentence."""
    paragraphs = [s.text for s in doc.segments if s.kind == "paragraph"]
    if len(paragraphs) < 4:
        return False
    # Asked only until half of them are found to hold one: the answer is then known.
    half = (len(paragraphs) + 1) // 2
    return next(islice(filter(None, map(_holds_inner_end, paragraphs)), half - 1, None), None) is not None


# ``_INNER_END.search(text) is not None``, asked as its literal-led pieces, `.`, `!` and `?`: the engine
# skips from one mark to the next in C, where a search for the class tests every character (five times the cost).
_holds_inner_end = end_mark_test(_INNER_END.pattern)


# A sentence's start: its end mark (and a closing bracket) and a space before. (Not 。 and “ without a
# space: Chinese news types “ for a closing ” there, `会客室。“至于`, which a reopening would hide: on NTREX
# zh dev, four of the five unclosed quotations it would set aside were such slips.)
_SENTENCE_BEFORE = compiled_on_use(r"[.!?…][)\]]?\s+$")


# A sentence that ends in a clause of one or two words after a comma (`…, sagte sie.`, `…, he said.`): an
# attribution, after which the quotation mark opens a new quotation (the one before lost its closing
# mark). (Three words are as often the quotation's own: `…, que está a punto de traicionar, sienta el calor.`)
_ATTRIBUTION_TAIL = compiled_on_use(r",\s+[^\W\d_]+(?:\s+[^\W\d_]+)?[.!?]\s+$")


def _reopened(text: str, marks: list[_Mark], language: str = "en") -> bool:
    """Whether the paragraph's quotations all close where a quotation's own opening mark, at the start of
    one of its sentences, reopens it instead of opening one inside it: the convention that reopens each
    paragraph of a long quotation, in text whose paragraph breaks are lost (sentence-per-line text
    joined, a scraper's paragraphs run together): „A. B. „C. D.“ In English, whose dialogue opens a
    new speaker's quotation mid-line (`“I will come. “Fine,” she replied.`: the first never closed), only
    at the start of a line."""
    english = primary(language) == "en"
    depth = 0
    first = ""
    reopened = False
    for mark in marks:
        if mark.role == "open":
            if depth == 0:
                first = mark.char
            elif (depth == 1 and mark.char == first and _SENTENCE_BEFORE.search(text, max(0, mark.at - 8), mark.at)
                  and not _ATTRIBUTION_TAIL.search(text, max(0, mark.at - 60), mark.at)
                  and (not english or text.rfind("\n", max(0, mark.at - 8), mark.at) >= 0)):
                reopened = True
                continue
            depth += 1
        elif depth == 0:
            return False
        else:
            depth -= 1
    return reopened and depth == 0


def _left_open(marks: list[_Mark]) -> bool:
    depth = 0
    for mark in marks:
        depth = depth + 1 if mark.role == "open" else max(depth - 1, 0)
    return depth > 0
