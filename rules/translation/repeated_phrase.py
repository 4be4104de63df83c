"""T107 repeated-phrase: a phrase looping three times or more (`the bank's products, the bank's products,
the bank's products`), or a word joined to itself by `and` (`with benevolence and benevolence`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from itertools import accumulate, islice, repeat
from operator import eq, itemgetter
from typing import Any

from lint.formats.bilingual import xliff_example
from lint.formats.builder import PLACEHOLDER
from lint.language import pack
from lint.model import Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule
from lint.words import SEPARATOR, Keys, joined, tokens

from ._unspaced_loops import segments_with_unspaced_loops as _segments_with_unspaced_loops
from ._unspaced_loops import unspaced_loops

_SPAN = compiled_on_use(r"\w+")
_SPAN_OR_CODE = compiled_on_use(r"\w+|\ufffc")
_LONGEST = 10  # words in a looping phrase; MT loops repeat clauses, rarely more than a few words each
# The gate reads only words of three characters or more: a looping phrase loops in them too (with a
# shorter period), and there are a third fewer of them to compare (lint.words.SEPARATOR is one). A
# phrase of ten words may hold ten such words (`the national economic development strategy plan…`): the
# gate tries every period the reading does (periods 7 to 10 cost ~0.03 s on the 13.9 MB of PEPs).
_GATE_PERIOD = _LONGEST
# `X and X` that English uses to intensify or to mean "repeatedly": comparatives (-er), plural time and
# distance nouns (plurals are never read: `years and years`, `masses and masses`), adverbs of motion.
_DOUBLING_OK = frozenset({
    "more", "less", "again", "over", "on", "round", "around", "through", "by", "out", "up", "down", "back",
    "forth", "neck", "side", "time", "never", "ever", "far", "much", "many", "very", "so",
})


# `faster and faster` says that something changes: it follows a verb of change or of being, or an adverb
# that grades it (`went faster and faster`, `is getting harder and harder`, `ever higher and higher`). After
# an article, a preposition, an adjective or a noun an `-er` word is a noun (`the electoral barrier and
# barrier`, `to power and power`, `in the hot summer and summer`).
_CHANGE = frozenset("""
be is are was were been am get gets got gotten grow grows grew grown become becomes became go goes went gone
come comes came rise rises rose risen fall falls fell fallen run runs ran sink sinks sank keep keeps kept
seem seems look looks feel feels sound sounds turn turns even ever still much far yet and
""".split())


def _word_before(before: str) -> str:
    """The last word of ``before`` (with any marks it carries), or ""."""
    return before.rstrip().rsplit(None, 1)[-1] if before.strip() else ""


def _comparative_reading(before: str) -> bool:
    """An `-er` word doubled by `and` reads as a comparative after a verb of change or being, a past or
    present participle (`climbed`, `getting`) or a grading adverb, and at a sentence's start."""
    prev = _word_before(before)
    if not prev or not prev[-1:].isalpha():
        return True  # `Faster and faster, …`: nothing before it to tell a noun by
    prev = prev.lower()
    return prev in _CHANGE or prev.endswith(("ed", "ing", "ly"))


# `just cleaning and cleaning`, `kept walking and walking` say that an action went on: an `-ing` word
# doubled after a verb that starts or keeps an action, or `just`/`still`. (Not after a form of `be`: `the
# priority is training and training` is a noun MT doubled.) Elsewhere it is
# a noun MT doubled (`the training and training`, `professional storytelling and storytelling`), and so is
# a participle (`has been confirmed and confirmed`).
_ONGOING = frozenset("""
keep keeps kept keeping go goes went start starts started continue continues continued just still
""".split())


def _continuation_reading(word: str, before: str) -> bool:
    """An `-ing` word doubled by `and` after a word that opens an ongoing action reads as one."""
    if not word.endswith("ing"):
        return False
    return _word_before(before).lower() in _ONGOING


# `You build and build`, `they talked and talked`, `she waited and waited`: a word doubled right after a
# subject pronoun is its verb, said again for an action that went on (English's iterative reduplication).
# A noun MT doubled stands after an article, a preposition, a possessive or a verb (`our support and
# support`, `with benevolence and benevolence`), never right after a subject.
_SUBJECT_PRONOUNS = frozenset("i you we they he she".split())


# What a verb said again is not: a word with a noun's suffix (`they development and development`, `we
# cooperation and cooperation`: MT doubled a noun where a verb was lost), but the verbs spelt so.
_NOUN_SUFFIXES = ("ness", "ity", "ship", "ism", "ment", "tion", "sion", "ence", "ency", "ancy")
_VERBS_SPELT_AS_NOUNS = frozenset("""
comment document implement experiment lament torment cement ferment segment supplement complement compliment
augment question mention function position station caution auction ration petition commission condition
pension influence experience reference sentence silence commence evidence fence
""".split())
# A clause whose object went before its subject (`than we expected`, `what they wanted`) ends on a verb
# that takes one: doubled there it is no action that went on (`than she realized and realized.`).
_OBJECT_FRONTED = frozenset("than what which whom whatever whichever".split())
# A speech tag's verbs, which a tag says once (`…, he added and added.`): where the pronoun follows a
# comma or a dash, these are no action that went on, though a quotation closed further back, or there
# was none (reported speech).
_TAG_VERBS = frozenset("""
added noted stated stressed emphasized emphasised recalled concluded announced reported remarked observed
admitted acknowledged confirmed declared specified clarified underlined commented mentioned assured
replied answered told wrote
""".split())
# A relative clause's `that` after a noun its determiner opens (`the injuries that he received`): the verb
# ending it has its object in the noun, as after `than` or `what`. (After a verb, `that` opens a said clause:
# `He said that they talked and talked`.)
_RELATIVE_THAT = compiled_on_use(r"\b(?:the|a|an|this|these|those|its|their|his|her|our|my|your|every|each|any|some|no)"
                                 r"\s+(?:[\w'’-]+\s+){0,2}that$", re.IGNORECASE)
# `you` is the subject only where a clause opens; after a verb it is the object (`help you recover and
# recover`).
_CLAUSE_OPENERS = frozenset("""
and but or nor so yet then when whenever while as if because until till though although once since unless
where that before after
""".split())


def _iterative_reading(before: str, word: str) -> bool:
    """A word doubled by `and` right after a subject pronoun reads as a verb said again, but in a speech
    tag (the pronoun right after a quotation's closing mark, a comma or dash between or not: `," he added
    and added`, `", he added and added`; or a tag's verb after a comma or dash: `…, she noted and
    noted`), which says once; but a word with a noun's suffix, a verb after a
    clause's fronted object (`than we expected`) and a word after an object `you`."""
    prev = _word_before(before)
    if prev.lower() not in _SUBJECT_PRONOUNS:
        return False
    if word.lower().endswith(_NOUN_SUFFIXES) and word.lower() not in _VERBS_SPELT_AS_NOUNS:
        return False
    earlier = before.rstrip()[: -len(prev)].rstrip()
    if earlier.rstrip(",-–—").rstrip().endswith(("”", '"', "’", "'", "»")):
        return False
    if earlier.endswith((",", "-", "–", "—")) and word.lower() in _TAG_VERBS:
        return False
    opener = _word_before(earlier)
    if opener.lower() in _OBJECT_FRONTED or _RELATIVE_THAT.search(earlier) is not None:
        return False
    return prev.lower() != "you" or not opener or not opener[-1:].isalpha() or opener.lower() in _CLAUSE_OPENERS


# `X and X` at the end of a clause: before a mark, the end, or another `and`/`but`/`or`. Followed by a
# modifier it is English (`developers and developers of other packages`, `lines and lines that start
# with #`, `cache and cache tags`), and so is a contrast (`may and may not`).
_DOUBLED = compiled_on_use(r"\b([a-z]{3,}) and (\1)(?=\s*(?:[.,;:!?)]|$|(?:and|but|or)\b))")
# The same over the texts joined (lint.words.joined), where a text ends at the separator's NUL.
_DOUBLED_JOINED = compiled_on_use(r"\b([a-z]{3,}) and (\1)(?=\s*(?:[.,;:!?)]|$|\x00|(?:and|but|or)\b))")


# A catalogue string that is a list a program splits on commas (gnome-calculator's unit symbols,
# `centimeter,centimeters,cm`): three items or more, no space after the commas.
_ALIASES = compiled_on_use(r"^[^\s,]+(?: [^\s,]+)*(?:,[^\s,]+(?: [^\s,]+)*){2,}$")


def _repeats_by_design(seg: Segment) -> bool:
    """A catalogue string whose copies are meant: its source is such a list (each item translated alone), or
    it translates plural forms (`one|other`), each a copy of the others but for a word."""
    return seg.source_text is not None and (_ALIASES.search(seg.source_text) is not None
                                            or seg.translates_plural_forms())


class RepeatedPhrase(Rule):
    code = "T107"
    slug = "repeated-phrase"
    summary = "A phrase looping three times or more, or a word joined to itself by 'and'"
    rationale = """
**What it does.** Flags a phrase of two to ten words said three times or more in a row (the copies
may be separated by commas or semicolons), a word of four letters or more said four times or more in a row (`Disciplinary Disciplinary Disciplinary Disciplinary`) or three times inside running prose with bare
spaces between the copies, a content word of five letters or more (`the Orchestral Orchestral Orchestral`,
`tournament tournament tournament holders`), or three times with commas between the copies, right after a
lower-case word, in a sentence that says another word of five letters or more twice too, with a comma
between, and goes on (`not only good at momentum, momentum, momentum, but also good at understanding
change, change, strain`: a system that lost its place twice in one sentence); and a lower-case word joined to itself by *and* (`with
benevolence and benevolence`).

In text written without spaces between words (Chinese, Japanese) a run of characters is one word, and a
loop is a unit of characters said three times or more in a row, glued or parted by the same mark
(`的金融产品，的金融产品，的金融产品`, `双奶油奶油奶油蛋糕`, `少数の少数の少数の無神経な`). The unit holds a Han
character, or mixes hiragana and katakana in five letters or more; copies parted by marks hold five
letters or more and follow a letter (the loop broke off a clause) or are five or more; glued copies go on
into a letter or are five or more.

**Why is this bad?** Neural MT systems that lose their place in a long sentence fall into a loop and
repeat the last phrase until they hit their length limit; weak systems double a word they could not
translate twice. Raters mark both as the worst kind of error, and readers cannot tell what was meant.

Not flagged: one word said twice (T102's) or three times where speech or rhetoric sets it apart (`no, no,
no`, `kept saying sorry, sorry, sorry`, `about location, location, location, and`, two such figures in
one sentence, `money, money, money, and power, power, power`, or beside a pair that intensifies, `much,
much`, a doubling of English's own, `that that`, `blah blah`, `there, there`, or a pair said, `kept saying
sorry, sorry`, `said later, later.`; after a colon, a quotation, a quoted title, a headline in title case, a row of values), or a word of four letters or fewer
three times (`Mama Mama Mama`: a cry, a value, a name) or a word of three letters or fewer over and
over (`ha ha ha ha`, `MM MM MM MM`), a phrase of words of one or two letters alone said fewer than four
times or with marks between its words (`LC v LC v LC v`, `Is it, is it, is it, is it?`;
a contraction, `it's`, is one word), nor a sound, cry or chant said three times: a
short word of one syllable (`heard knock knock knock`), a letter drawn out four times or more (`Gooooal
Gooooal Gooooal`), copies capitalized in lower-case prose where the language capitalizes only names (not
German: `chantait Alléluia Alléluia Alléluia dans`); after an article the copies are a noun, and flagged
(`the world world world economy`, `der Staat Staat Staat`, `the Ministry Ministry Ministry`); a phrase said twice (a rhetorical
repetition); numbers; `X and X` that English uses to intensify (`more and more`, `over and over`,
comparatives such as `faster and faster` after a verb or a grading adverb, plurals such as `years and years`,
an action that went on: `kept walking and walking`, `just cleaning and cleaning`, a verb right after its
subject pronoun: `you build and build`, but for a speech tag's, `," he added and added`, `…, she
noted and noted`, a word with a noun's
suffix, `they development and development`, a verb after its fronted object, `than she realized and
realized`, `the injuries that he received and received`, and a verb after an object `you`, `help you recover and recover`), names (`Smith and Smith`),
and `X and X` that goes on with a modifier (`developers and developers of other packages`, `cache and
cache tags`) or a negation (`may and may not`): only a doubling that ends its clause is flagged. In a
catalogue, a loop in a string whose source loops too (a quoted chant, a list of option shapes) is a copy.
In Chinese and Japanese, not flagged: reduplication (`看看看看`, `一次又一次`, `人人`), laughter, sounds and
chants (`哈哈哈`, `ドキドキドキ`, `滴答滴答滴答`, `加油加油加油！`), units in kana alone (`はいはいはい`,
`ありがとう、ありがとう、ありがとう`) or in Hangul alone (Korean writes spaces: its words are read as
above), a word or two said three times with marks between (`对不起，对不起，对不起`), a clause said three or
four times from its start (emphasis, chants, refrains: `记得保存文件，记得保存文件，记得保存文件。`), quoted speech
(after a quote mark or a verb of saying, before Japanese quoting `と`: `痛い痛い痛いと叫んだ`), counts
(`何度も何度も何度も`), lists, dates, numbers and rows of marks.
"""
    severity = Severity.WARNING
    scope = "document"
    flag = (
        Example('msgid "| Name | Value |"\nmsgstr "| Nom Nom Nom Nom Nom Nom | Valeur |"\n', path="fr.po",
                note="a table row in a catalogue: its | parts no plural forms"),
        Example('msgid "It sold the bank\'s financial products."\nmsgstr "Elle vendait les produits de la banque, '
                'les produits de la banque, les produits de la banque."\n', path="fr.po",
                note="a loop its source does not have"),
        Example("설정은 `dev`에서는 `dev`에서는 `dev`에서는 `dev`에서는 다릅니다.\n", path="a.md", language="ko",
                note="a word glued to the same code four times: compared as written, still a loop"),
        Example("It sold the Chinese bank's financial products, the Chinese bank's financial products, "
                "the Chinese bank's financial products, and more."),
        Example("The minister said that the reform plan the reform plan the reform plan was ready."),
        Example("He said it's it's it's it's over and left.", note="a contraction: one word, not two short ones"),
        Example("The tool we're we're we're we're building is ready.", note="a contraction said four times"),
        Example("We must treat people with benevolence and benevolence."),
        Example("They thanked the ministry for our support and support.", note="a noun after a possessive"),
        Example('"We are ready," he added and added.', note="a speech tag: said once"),
        Example("The report says they development and development.", note="a noun's suffix after a pronoun"),
        Example("He knew more than she realized and realized.", note="a verb after its fronted object"),
        Example("He died from the injuries that he received and received.", note="a relative clause's verb"),
        Example('"We are ready", he added and added.', note="a speech tag after a comma outside the quotation"),
        Example("The talks were useful and will go on next week, he added and added.",
                note="a speech tag's verb after a comma: reported speech"),
        Example("He spoke of the modern era of the modern era of the modern era of reform."),
        Example("Sales rose in the first quarter; in the first quarter; in the first quarter; in the first quarter."),
        Example("The government will support innovation and innovation, the minister said."),
        Example("Prices fell. Prices fell. Prices fell. Nobody knew why."),
        Example("The team is ready to win the game, to win the game, to win the game, the coach said."),
        Example("Officials urged calm and calm."),
        Example("The sea stayed (calm and calm.) all night.", note="the first word after a mark"),
        Example("The ministry will strengthen the training and training.", note="after an article: a noun"),
        Example("The case has been confirmed and confirmed.", note="a participle"),
        Example("The main priority for the ministry is training and training.", note="a noun after `is`"),
        Example("The party could not overcome the electoral barrier and barrier."),
        Example("He thanked the ministry for its help on this matter and matter."),
        Example("Under the Regulations on Disciplinary Disciplinary Disciplinary Disciplinary Punishment, he was fired."),
        Example("The plan covers the national economic development strategy framework programme document, the "
                "national economic development strategy framework programme document, the national economic "
                "development strategy framework programme document, the minister said.",
                note="a phrase of nine long words"),
        Example("His papers include “On the Acoustic Hierarchy of Orchestral Orchestral Orchestral”, and more.",
                note="one word three times with bare spaces: no rhetoric"),
        Example("The ReYCup tournament tournament tournament holders followed the guidelines.",
                note="a lower-case word after the copies: running prose"),
        Example("Industrial projects must be not only good at momentum, momentum, momentum, but also good at "
                "understanding change, change, strain.",
                note="WMT21 zh-en (Online-G): copies between commas, and another word doubled in the sentence"),
        Example("The plan is good at momentum, momentum, momentum, but weak at strategy, strategy and change.",
                note="a pair between a comma, then `and`"),
        Example("He was questioned by the Discipline Discipline Discipline Inspection Commission of the region.",
                note="capitalized copies inside a longer name: a loop, not a chant"),
        Example("Der Sprecher sagte, dass die Regierung Regierung Regierung das Gesetz beschlossen hat.\n",
                path="a.md", language="de", note="German capitalizes every noun: no island of capitals"),
        Example("Nach Angaben der Behörden hat der Staat Staat Staat die Kosten für das Projekt übernommen.\n",
                path="a.md", language="de", note="one syllable after an article: a noun"),
        Example("Der Minister sagte, dass die Schifffahrt Schifffahrt Schifffahrt auf dem Rhein erlaubt ist.\n",
                path="a.md", language="de", note="German writes a letter three times in a compound"),
        Example("The report of the Ministry Ministry Ministry said that exports fell.",
                note="capitals after an article: a name's noun"),
        Example("The government said that the world world world economy would slow down.",
                note="one syllable after an article"),
        Example("Experts agree that health health health care costs are rising fast.",
                note="one syllable, but no short noise"),
        Example("Il a dit que le temps temps temps passe trop vite pour tout le monde ici.", language="fr"),
        Example("它卖的是中国银行的金融产品，的金融产品，的金融产品，以及其他服务。\n", language="zh",
                note="no spaces between words: a unit of characters three times, parted by commas"),
        Example("当社ではこのサービスは、このサービスは、このサービスは、無料で提供しています。\n", language="ja",
                note="kana alone, hiragana and katakana mixed: a phrase"),
        Example("我一直在厨房里做实验：双奶油奶油奶油蛋糕是我的强项。\n", language="zh",
                note="WMT21 en-zh (NiuTrans, Online-G, P3AI, UF): two characters glued three times inside a word"),
        Example("但为时已晚，几乎彻底彻底彻底整顿当天三球赤字的反击也来得太晚了。\n", language="zh",
                note="WMT21 en-zh (Online-A)"),
        Example("残念なことに、少数の少数の少数の無神経な企業の仕事は疑わしい。\n", language="ja",
                note="WMT21 en-ja (WeChat-AI)"),
        Example("神以外には力も力も力もないと大統領は結論づけた。\n", language="ja", note="WMT21 en-ja (Online-Y)"),
        Example("ルーカスは、殺人事件の解決に的を絞った的を絞った的を絞った捜査を心がけると述べた。\n", language="ja",
                note="WMT21 en-ja (HuaweiTSC)"),
        Example("2020年是百老汇首演百老汇百老汇百老汇百老汇百老汇。\n", language="zh",
                note="five glued copies and more: a loop, though it ends the sentence (WMT21 en-zh, UF: 26 copies)"),
        Example("价格下跌了。价格下跌了。价格下跌了。价格下跌了。价格下跌了。没有人知道原因。\n", language="zh",
                note="a sentence five times"),
        Example("共和国总统总统总统总统总结道。\n", language="zh", note="WMT21 en-zh (Online-Y)"),
    )
    allow = (
        Example('msgid "The chant goes \\"we will win, we will win, we will win\\" to the end."\nmsgstr "Le chant '
                'dit « nous allons gagner, nous allons gagner, nous allons gagner » jusqu\'à la fin."\n',
                path="fr.po", note="its source loops too: a copy, not a loop of MT"),
        Example(xliff_example("This collection should contain {{ limit }} element or more.|This collection should "
                              "contain {{ limit }} elements or more.",
                              "Ova kolekcija bi trebalo da sadrži {{ limit }} ili više elemenata.|Ova kolekcija bi "
                              "trebalo da sadrži {{ limit }} ili više elemenata.|Ova kolekcija bi trebalo da sadrži "
                              "{{ limit }} ili više elemenata.", version="1.2"), path="validators.bs.xlf",
                note="plural forms a program picks from (Symfony): Bosnian writes its three alike"),
        Example("`script-src-elem`에는 `'element'`를, `script-src-attr`에는 `'attribute'`를, `script-src`에는 "
                "`'default'`를 씁니다.\n", path="a.md", language="ko",
                note="a list of settings, each with its particle: the code differs"),
        Example("The loader takes `pattern` (optional), `base` (optional), `generateId` (optional), `retainBody` "
                "(optional) and more.\n", path="a.md"),
        Example("Set `a` to true, set `b` to true, set `c` to true, set `d` to true.\n", path="a.md"),
        Example('msgctxt "unit-symbols"\nmsgid "Standard Atmosphere,Standard atmosphere,standard atmosphere,atm"\n'
                'msgstr "ضغط جوي,ضغط جوي,ضغط جوي,atm"\n', path="ar.po",
                note="a list of aliases a program splits on commas, each translated alone"),
        Example("Prices rose more and more quickly."),
        Example("They tried again and again to reach the summit."),
        Example("The car went faster and faster down the hill."),
        Example("The noise grew louder and louder."),
        Example("The climbers moved higher and higher, roped together."),
        Example("It took years and years to finish the bridge."),
        Example("No, no, no, that is not what I said."),
        Example("Location, location, location is the rule of property."),
        Example("It was really really really cold that night.", note="speech doubles adverbs"),
        Example("The mask is barray([ True False False False]) after the call.", note="a row of values"),
        Example("Memory layout:\n\n    cccccccc cccccccc cccccccc  uc -- unsigned char[24]\n", note="a layout"),
        Example("Rules:\n\n    | NUMBER { number.string }\n    | STRING { string.string }\n    | \"?\" { \"?\" }\n",
                note="grammar rules: the marks are no words"),
        Example("A function looks like this:\n\n    function(\n        argument or *args, argument or *args, ...,\n"
                "        kwargument or *args, kwargument or *args, ...,\n        kwargument or **kwargs, ...\n    )\n",
                note="a signature's pattern, with its ellipses"),
        Example("Blah blah blah, he said, and left.", note="a word of four letters"),
        Example("Let it go, let it go, she sang."),
        Example("The firm Smith and Smith represented him."),
        Example("Row 1, 2, 3 and row 1, 2, 3 again."),
        Example("The code was 12 34 12 34 12 34 on the screen."),
        Example("He turned it over and over in his hands."),
        Example("As you are not waiting for anything, just cleaning and cleaning, the turns do not matter.",
                note="an action that went on"),
        Example("She kept walking and walking.", note="an action that went on"),
        Example("You build and build, but the treehouses keep falling down.",
                note="a verb said again right after its subject"),
        Example("The PEP defined a module cache and cache tags for file names."),
        Example("What values may and may not be used here is listed below."),
        Example("Both numpy developers and developers of other packages agreed."),
        Example("All blank lines and lines that start with a # are ignored."),
        Example("The committee met on Monday, the committee met on Tuesday and it met again on Friday."),
        Example("She kept saying sorry, sorry, sorry, and nobody listened.", note="words said: after a verb"),
        Example("The first rule of property is location, location, location.", note="rhetoric ends its clause"),
        Example("He had “blah, blah, blah” written on his head before the game.", note="a quotation"),
        Example("It sounds like ding, ding, ding in the hall.", note="an interjection"),
        Example("The song “Yeah Yeah Yeah” topped the charts for weeks.", note="a title, quoted"),
        Example("The Art of Blah Blah Blah and Other Essays", note="a headline in title case"),
        Example("The flags read True False False False in the log.", note="a row of values"),
        Example("In the dump the three flags read True False False False in every row we checked.",
                note="a row of values in a sentence mostly in lower case"),
        Example("Pianists such as Lang Lang and Yuja Wang played.", note="a name doubled"),
        Example("It's all about location, location, location, and the schools are good too.",
                note="rhetoric with commas, the clause going on"),
        Example("It came down to money, money, money, and power, power, power, the senator said.",
                note="two figures of three in one sentence: rhetoric"),
        Example("It is much, much more than location, location, location, and the schools.",
                note="a pair that intensifies beside the figure"),
        Example("The notes said: growth, growth, growth, then trade, trade, and more trade.",
                note="after a colon: words set apart"),
        Example("It takes practice, practice, practice, and he said that that was the only way.",
                note="a doubling English makes (`that that`), bare"),
        Example("He kept yelling faster, faster, faster, and she kept saying sorry, sorry.",
                note="a pair said, at its clause's end"),
        Example("Il a travaillé, travaillé, travaillé, et il a enfin réussi son examen."),
        Example("He radioed the tower: Mayday Mayday Mayday, we have lost both engines.", note="speech after a colon"),
        Example("The little boy cried Mama Mama Mama until his mother came back.", note="a cry of four letters"),
        Example("We heard knock knock knock on the door at midnight.", note="a noise: one syllable"),
        Example("The crowd chanted Gooooal Gooooal Gooooal when he scored.", note="a cry drawn out"),
        Example("The code column reads xxxxx xxxxx xxxxx where the data was masked.", note="a mask"),
        Example("Le chœur chantait Alléluia Alléluia Alléluia dans la nuit.", language="fr",
                note="a chant, capitalized in lower-case prose"),
        Example("The chant of Allez Allez Allez rose from the stands.", note="a chant, capitalized in lower-case prose"),
        Example("He laughed ha ha ha ha ha ha ha ha and went out.", note="one short word over and over: a sound"),
        Example("The header reads MM MM MM MM MM MM MM MM in the frame.", note="one short word over and over: cells"),
        Example("Is it, is it, is it, is it really over? she asked.", note="speech sets its copies apart"),
        Example("He said it is it is it is and walked away.", note="short words three times: not yet a loop"),
        Example("The timings were 10 ns 10 ns 10 ns in the first run.", note="a row of values"),
        Example("Il parle de la mer et de la terre, de la pluie et du vent.", language="fr"),
        Example("Ella cantaba la la la la la la mientras cocinaba.", language="es", note="a song's syllable"),
        Example("To be or not to be, to be or not to be: that is the question.", note="a quotation said twice"),
        Example("我们再看看吧，看看看看再说。", language="zh", note="reduplication: one word to the rule"),
        Example("我们慢慢来，一次又一次地试，人人都有机会，再看看吧。\n", language="zh", note="reduplication"),
        Example("他哈哈哈哈哈哈地笑了起来。\n", language="zh", note="laughter: one character over and over"),
        Example("彼はハハハと笑い、心臓がドキドキドキした。列はどんどんどんどん進んだ。\n", language="ja",
                note="sounds in kana alone"),
        Example("时钟滴答滴答滴答地走着。\n", language="zh", note="a sound written in Han"),
        Example("观众高喊加油加油加油的口号。\n", language="zh", note="a chant"),
        Example("大家一起喊：加油加油加油！\n", language="zh", note="a chant ends its clause"),
        Example("他一直说对不起，对不起，对不起，然后走了。\n", language="zh",
                note="a word said three times: under five letters"),
        Example("谢谢大家，谢谢大家，谢谢大家！\n", language="zh", note="speech: under five letters"),
        Example("「お願いします、お願いします、お願いします」と彼は言った。\n", language="ja", note="quoted speech"),
        Example("ありがとう、ありがとう、ありがとう、と彼女は言った。\n", language="ja", note="hiragana alone"),
        Example("はいはいはい、わかりました。\n", language="ja", note="kana alone"),
        Example("彼は何度も何度も何度も練習した。\n", language="ja", note="a count said again and again"),
        Example("子供は痛い痛い痛いと泣き、母は大丈夫大丈夫大丈夫と言い聞かせた。\n", language="ja",
                note="speech quoted without marks: quoting と after it"),
        Example("他说走吧走吧走吧就走了，他喊着快跑快跑快跑就冲了出去。\n", language="zh",
                note="speech quoted without marks: after a verb of saying"),
        Example("价格下跌了。价格下跌了。价格下跌了。没有人知道原因。\n", language="zh",
                note="a sentence three times from its start: emphasis"),
        Example("最后提醒：记得保存文件，记得保存文件，记得保存文件。\n", language="zh", note="emphasis"),
        Example("がんばれ日本、がんばれ日本、がんばれ日本！スタジアムに声が響いた。\n", language="ja", note="a chant"),
        Example("花落知多少，花落知多少，花落知多少。\n", language="zh", note="a refrain"),
        Example("目录：第1章、第2章、第3章、第4章。\n", language="zh", note="a list: the copies differ"),
        Example("会议定于2020年12月12日、2020年12月13日举行。\n", language="zh", note="dates"),
        Example("他沉默了……………… 然后说：——————\n", language="zh", note="rows of marks"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        segments = doc.segments
        # Words of all segments at once, compared in C with the word d places on: a loop of a d-word
        # phrase is a run of 2d equal pairs. A run of NULs keeps segments apart and tells them apart.
        text = joined(doc)
        if text is None:
            looping = doubled = set(range(len(segments)))  # a NUL inside a text: every segment is read
        else:
            # Case is kept: a loop repeats its phrase as it first wrote it, and lowering costs a pass.
            looping = _segments_with_loops(tokens(doc, keep=False) or [])
            # Each reading where its own gate chose the segment: in code-heavy Markdown `X and X` is mostly
            # `` `a` and `b` `` (two placeholders), which picked 191 of the Rust book's 197 segments, each
            # then read word by word for loops too (106M of the Rust book's 2,812M instructions end to end).
            # Where no paragraph holds a doubling at all (the whole Rust book), the gate is not asked.
            doubled = _segments_with_doublings(text) if _holds_doubling(text) else set()
        # Capitals set a chant apart only where the language capitalizes names alone (not German's nouns).
        sentence_case = bool((pack(doc.language) or {}).get("sentence-case"))
        unspaced = _segments_with_unspaced_loops(doc)
        for i in sorted(looping | doubled | unspaced):
            found: list[Finding] = []
            if i in looping:
                found += self._loops(segments[i], doc.text, sentence_case)
            if i in doubled:
                found += self._doublings(segments[i])
            yield from found
            if i in unspaced:
                yield from self._unspaced_loops(segments[i], found)

    def _unspaced_loops(self, seg: Segment, found: list[Finding]) -> Iterator[Finding]:
        """Loops in text written without spaces between words (Chinese, Japanese), that the words above
        read as one word; none where the words found a loop already."""
        if _repeats_by_design(seg):
            return
        for start, end, unit, copies in unspaced_loops(seg.text):
            finding = self.finding(seg, start, end, f"Phrase '{unit}' repeated {copies} times in a row")
            if not any(f.start < finding.end and finding.start < f.end for f in found):
                yield finding

    def _loops(self, seg: Segment, source: str, sentence_case: bool) -> Iterator[Finding]:
        if _repeats_by_design(seg):  # (`day,days` -> `天,天`)
            return
        text = seg.text
        coded = PLACEHOLDER in text
        pattern = _SPAN_OR_CODE if coded else _SPAN
        # The words lowered, read in C (a placeholder stays U+FFFC); their spans only where a loop needs them.
        words = list(map(str.lower, pattern.findall(text)))
        spans: list[tuple[int, int]] = []
        if coded:
            # Inline code and markup are words too, each compared as written: `script-src`에는 and
            # `style-src`에는, or "set `a` to true, set `b` to true", are a list, not a phrase repeated.
            # (The k-th placeholder among the words is the k-th in the text: no word holds one.)
            at = k = -1
            for _ in range(text.count(PLACEHOLDER)):
                at, k = text.index(PLACEHOLDER, at + 1), words.index(PLACEHOLDER, k + 1)
                words[k] = _code_as_written(seg, source, at)
        loops = _loops_in(words, text, (pattern, spans), sentence_case)
        if loops:
            _filled(pattern, spans, text)
        # A catalogue string whose source says a phrase over and over copies it (a quoted chant, a list of
        # option shapes: `"-opt args", "--opt args", "/opt args" or "+opt args"`, where a translation that
        # drops the `or` says it four times): a loop of MT is the translation's own.
        if loops and seg.source_text and _source_loops(seg.source_text, sentence_case):
            return
        covered = -1
        for k, d, copies in sorted(loops):
            if k < covered:
                continue  # the same loop read with a longer period
            covered = k + d * copies
            said = text[spans[k][0]:spans[k + d - 1][1]]
            start, end = spans[k + d][0], spans[k + d * copies - 1][1]
            yield self.finding(seg, start, end, f"Phrase '{said}' repeated {copies} times in a row")

    def _doublings(self, seg: Segment) -> Iterator[Finding]:
        text = seg.text
        for m in _doubled_matches(text):
            w = m.group(1)
            if w in _DOUBLING_OK or (w.endswith("s") and not w.endswith("ss")):
                continue
            if w.endswith("er") and _comparative_reading(text[:m.start()]):
                continue
            if _continuation_reading(w, text[:m.start()]) or _iterative_reading(text[:m.start()], w):
                continue
            yield self.finding(seg, m.start(), m.end(), f"'{w} and {w}': a word joined to itself")


def _holds_doubling(joined: str) -> bool:
    """Whether a text of ``joined`` (lint.words.joined) may hold a match of ``_DOUBLED``: one of
    ``_DOUBLED_JOINED``, which reads the separator's NUL as a text's end (``$``), and so finds each text's
    matches at least (a boundary before a text's first word is the space before it). False: no paragraph
    holds `X and X`, and the gate that chooses the paragraphs to read for them (some 30M instructions on
    the Rust book, which has none) is not asked."""
    return next(_doubled_matches(joined, _DOUBLED_JOINED), None) is not None


def _doubled_matches(text: str, pattern: re.Pattern[str] | None = None) -> Iterator[re.Match[str]]:
    """``_DOUBLED.finditer(text)``, the engine started only where a match can start. Its first word is
    lower-case letters from a word boundary up to an ` and `: the whole run of word characters before an
    ` and `, so each ` and ` (found in C) names the one place a match holding it may start. A search of the
    pattern, which opens with a boundary and a class, stops the engine at every character of the paragraph
    (some 15M instructions on the 210 paragraphs of the Rust book where the gate found `X and X`, mostly
    two code spans)."""
    pos = 0  # where the last match ended: finditer goes on from there
    at = text.find(" and ")
    while at >= 0:
        start = at
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):  # (the regex's \w)
            start -= 1
        # (A run shorter than three letters, or inside the last match, starts none: within a run of word
        # characters no boundary lies.)
        # (A match's first word is all of that run, and its second the same word right after the ` and `: where
        # the text after it says otherwise, compared as slices, the engine is not started.)
        if at - start >= 3 and start >= pos and text[at + 5 : 2 * at + 5 - start] == text[start:at]:
            m = (pattern or _DOUBLED).match(text, start)
            if m is not None:
                yield m
                pos = m.end()
        at = text.find(" and ", at + 1)


def _source_loops(source: str, sentence_case: bool) -> bool:
    """Whether a translation's source says a phrase three times or more in a row, as ``_loops_in`` reads it."""
    return bool(_loops_in(list(map(str.lower, _SPAN.findall(source))), source, (_SPAN, []), sentence_case))


def _loops_in(words: list[str], text: str, spans_of: tuple[re.Pattern[str], list[tuple[int, int]]],
              sentence_case: bool) -> list[tuple[int, int, int]]:
    """The loops of ``words`` (``text``'s): (first word, phrase length, copies). ``spans_of``: the pattern
    that found the words, and a list for their spans in the text, filled where a test first needs them."""
    loops: list[tuple[int, int, int]] = []
    for d in range(1, _LONGEST + 1):
        # One word needs four copies (three is rhetoric: `location, location, location`, `very very
        # very`), or three set in running prose (``_triple_in_prose``: `the Orchestral Orchestral
        # Orchestral`, `good at momentum, momentum, momentum, but also`).
        run = b"\x01" * (2 * d if d > 1 else 2)
        same = bytes(map(eq, words, islice(words, d, None)))
        at = same.find(run)
        while at >= 0:
            copies = 3
            while words[at + copies * d:at + (copies + 1) * d] == words[at:at + d]:
                copies += 1
            phrase = words[at:at + d]
            if any(len(w) > 1 and not w.isdigit() for w in phrase) and (d > 1 or len(phrase[0]) > 3) and (
                    d > 1 or copies > 3 or _triple_in_prose(text, _filled(*spans_of, text), at, phrase[0], sentence_case)
            ) and (any(len(w) > 2 for w in phrase) or _loop_of_short_words(text, _filled(*spans_of, text), at, d, copies)):
                loops.append((at, d, copies))
            at = same.find(run, at + d * copies)
    return loops


def _filled(pattern: re.Pattern[str], spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """``spans``, the spans of ``pattern``'s matches in ``text`` put in first where it is empty."""
    if not spans:
        spans.extend(m.span() for m in pattern.finditer(text))
    return spans


def _loop_of_short_words(text: str, spans: list[tuple[int, int]], at: int, d: int, copies: int) -> bool:
    """A phrase of words of one or two letters alone said four times or more, its words apart (`de la de la
    de la de la`, `is it is it is it is it`), with bare spaces between all of them, as MT loops them: speech
    and rhetoric set copies apart with commas (`Is it, is it, is it?`), and three copies are a figure or a
    row of values (`10 ns 10 ns 10 ns`). A word said over and over read two or three at a time (`ha ha ha ha
    ha ha`, `MM MM MM MM`) is a sound, a cry or a cell, as one word of three letters or fewer always is."""
    if any(len(token) > 2 for token in text[spans[at][0]:spans[at + d - 1][1]].split()):
        # Short words joined by a mark are one word as written (`it's`, `we're`, a CJK clause's `：`): the
        # loop is one of longer words, flagged as before (`it's it's it's it's`).
        return True
    if copies < 4 or len({text[s:e].lower() for s, e in spans[at:at + d]}) < 2:
        return False
    last = at + d * copies - 1
    return all(text[spans[k][1]:spans[k + 1][0]] == " " for k in range(at, last))


def _code_as_written(seg: Segment, source: str, at: int) -> str:
    """The source a placeholder at ``at`` stands for: up to where the character after it is written."""
    end = seg.to_source(at + 1) if at + 1 < len(seg.text) else seg.to_source_end(at + 1)
    return source[seg.to_source(at):end]


def _triple_in_prose(text: str, spans: list[tuple[int, int]], at: int, word: str, sentence_case: bool) -> bool:
    """Three copies of one content word of five letters or more with single spaces between them, set in
    running prose: a lower-case word just before the copies (`the Orchestral Orchestral Orchestral`), or
    just after them in a sentence mostly in lower case (`ReYCup tournament tournament tournament holders`).

    Rhetoric and speech set their copies apart, and the rule's signals cannot tell them from a loop there:
    commas (`about location, location, location, and`; but see ``_comma_triple_in_looping_sentence``), a colon
    (`He radioed: Mayday Mayday Mayday, we`), quotation marks; speech doubles adverbs (`really really
    really`); shorter words are cries, values and names (`Mama Mama Mama`, `True True True`, `Baba`)."""
    if len(word) < 5 or word.endswith("ly") or not word.isalpha() or at == 0:
        return False
    gaps = [text[spans[k][1]:spans[k + 1][0]] for k in (at, at + 1)]
    if gaps == [", ", ", "]:
        return _comma_triple_in_looping_sentence(text, spans, at, sentence_case)
    if any(gap != " " for gap in gaps):
        return False
    lead = text[spans[at - 1][1]:spans[at][0]]
    if ":" in lead or _said_as_a_sound(text, spans, at, sentence_case):
        return False
    before = text[spans[at - 1][0]:spans[at - 1][1]]
    if lead == " " and before.isalpha() and before.islower():
        return True
    # A row of values goes on with another of its kind before the copies: `True False False False in`.
    if at + 3 >= len(spans) or (lead == " " and _shape(before) == _shape(text[spans[at][0]:spans[at][1]])):
        return False
    after = text[spans[at + 3][0]:spans[at + 3][1]]
    return (after.isalpha() and after.islower() and text[spans[at + 2][1]:spans[at + 3][0]] in (" ", ", ")
            and _mostly_lower(text, spans))


def _comma_triple_in_looping_sentence(text: str, spans: list[tuple[int, int]], at: int, sentence_case: bool) -> bool:
    """Three copies of a lower-case content word parted by commas (`good at momentum, momentum, momentum,
    but`), right after a lower-case word, in a sentence that also says another content word twice with a
    comma between and goes on (`understanding change, change, strain`): a system that lost its place twice
    in one sentence (``_PAIR``: not English's own doublings, nor a pair said). One such
    triple alone is rhetoric as often (`about location, location, location, and`), and so are two figures of
    three (`jobs, jobs, jobs, and growth, growth, growth`) and a pair that intensifies (`much, much`)."""
    if not all(text[s:e].islower() for s, e in spans[at:at + 3]):
        return False
    before = text[spans[at - 1][0]:spans[at - 1][1]]
    if text[spans[at - 1][1]:spans[at][0]] != " " or not (before.isalpha() and before.islower()):
        return False  # after a colon, a quotation mark, a sentence's start: speech set apart
    if _said_as_a_sound(text, spans, at, sentence_case):
        return False
    first, last = spans[at][0], spans[at + 2][1]
    start = max(text.rfind(mark, 0, first) for mark in ".!?;") + 1
    ends = [i for i in (text.find(mark, last) for mark in ".!?;") if i >= 0]
    end = min(ends) if ends else len(text)
    for m in _PAIR.finditer(text, start, end):
        word = m.group(1)
        if first <= m.start() < last or word.endswith("ly") or word in _INTENSIFIERS:
            continue
        if len(word) <= 5 and len(_VOWEL_GROUPS.findall(word)) == 1:
            continue  # a sound or a call of one syllable (`knock, knock`, `quick, quick`)
        if word == "there" or _word_before(text[start:m.start()]) in _SAYING:
            continue  # speech: `said sorry, sorry`, `goes maybe, maybe`, `there, there`
        if text.endswith(word + m.group(2), start, m.start()):
            continue  # the last two copies of three: a figure of its own
        return True
    return False


# A lower-case content word (five letters or more) said twice with a comma between, as the loop's copies
# are, right after another lower-case word, and not a third time (``_comma_triple_in_looping_sentence``'s
# second repeat). Bare pairs are English's own doublings (`that that`, `there there`, `yeah yeah`, `chop
# chop`, `boom boom`), and so are short ones (`okay, okay`, `blah, blah`).
# Said once more and the sentence goes on (`change, change, strain`, `strategy, strategy and change`): a
# pair that ends its clause is said (`and the boss said later, later.`).
_PAIR = compiled_on_use(r"(?<=[a-z] )\b([a-z]{5,})(, )\1\b(?!,? \1\b)(?=,? [a-z])")
# Verbs that bring speech, a song or a sound: the pair after one is said (`kept saying sorry, sorry`).
_SAYING = frozenset("""
say says said saying sing sings sang singing go goes went going shout shouts shouted shouting yell yells
yelled yelling cry cries cried crying call calls called calling chant chants chanted chanting whisper
whispers whispered whispering scream screams screamed screaming reply replies replied answer answers
answered ask asks asked like
""".split())
# Words English doubles to intensify (`much, much simpler`, `many, many examples`, `very very`).
_INTENSIFIERS = frozenset("much many very really more less again over ever long little".split())


# A letter drawn out (`Gooooal`, `Nooooo`) or typed over a hidden value (`xxxxx`): four times or more, as
# no word of a lexicon writes it (German writes a letter three times where a compound joins two words:
# `Schifffahrt`, `Schritttempo`).
_DRAWN_OUT = compiled_on_use(r"(\w)\1\1\1")
_VOWEL_GROUPS = compiled_on_use(r"[aeiouyæœ]+")
# Articles (a closed class): copies right after one are a noun, a loop (`the world world world economy`,
# `le temps temps temps`, `der Staat Staat Staat`, `of the Ministry Ministry Ministry`), not a sound or a
# chant (`heard knock knock knock`, `chant of Allez Allez Allez`).
_ARTICLES = frozenset("""
the a an le la les l un une des du de het een der die das den dem des ein eine einen einem einer il lo i gli
el los las unos unas o os as um uma
""".split())


def _said_as_a_sound(text: str, spans: list[tuple[int, int]], at: int, sentence_case: bool) -> bool:
    """Three copies of a word that is a sound, a cry or a chant rather than a content word a translation
    lost its place in: shapes no loop of a lexical word takes, and no article before them.

    - A letter four times over: a cry drawn out (`chanted Gooooal Gooooal Gooooal`) or a mask (`xxxxx`).
    - A short word of one syllable (one run of vowels, five letters or fewer): a noise (`heard knock knock
      knock on the door`, `crash`, `thump`); the words MT systems loop on in running prose are nouns and
      adjectives (`tournament`, `health`, `school`; `the world`, after an article).
    - In a language that capitalizes only names and sentence starts (``sentence-case`` in its pack; not
      German, which capitalizes every noun), copies capitalized as an island in lower-case text: a title,
      name or chant set apart by its capitals (`chantait Alléluia Alléluia Alléluia dans`, `The chant of
      Allez Allez Allez rose`). Where the words before them are capitalized too (`the Acoustic Hierarchy of
      Orchestral Orchestral Orchestral`), or the word after them (`the Discipline Discipline Discipline
      Inspection Commission`), the capitals belong to a longer name or title the loop sits in."""
    word = text[spans[at][0]:spans[at][1]]
    bare = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))
    if _DRAWN_OUT.search(bare):
        return True
    if at > 0 and text[spans[at - 1][0]:spans[at - 1][1]].lower() in _ARTICLES:
        return False
    if len(bare) <= 5 and len(_VOWEL_GROUPS.findall(bare)) == 1:
        return True
    if word.islower() or not sentence_case:
        return False
    # The word before the copies, past short function words (`of`, `the`, `de`): lower case outside a title.
    k = at - 1
    while k > 0 and spans[k][1] - spans[k][0] <= 3 and text[spans[k][0]:spans[k][1]].islower():
        k -= 1
    if not text[spans[k][0]:spans[k][1]].islower():
        return False
    return at + 3 >= len(spans) or text[spans[at + 3][0]:spans[at + 3][1]].islower()


def _shape(word: str) -> tuple[bool, bool, bool]:
    return word.islower(), word.istitle(), word.isupper()


def _mostly_lower(text: str, spans: list[tuple[int, int]]) -> bool:
    """Running prose: most words in lower case (a headline in title case capitalizes its words, and
    keeps only `and`, `of`, `the` lower: `Blah Blah Blah and More`)."""
    return sum(text[s].islower() for s, _ in spans) * 2 > len(spans)


def _segments_with_loops(tokens: list[Any]) -> set[int]:
    """Segments holding a run of 2d - 1 equal pairs d long words apart (a phrase three times; the last
    copy may carry other punctuation, a closing quote or bracket): the only ones read word by word.
    ``tokens``: the text's, as str or as ASCII bytes (``lint.words.split_tokens``) of ``lint.words.joined``, whose
    separators are the only tokens that open with a NUL."""
    tokens = [t for t in tokens if len(t) > 2]  # (a comprehension: cheaper here than compress over two maps)
    # Tokens are compared by their first characters first, all of them in C (lint.words), and word by
    # word only in the few runs where those agree. Equal stripped tokens have equal keys: stripping keeps
    # the first character, unless it strips all of a token's marks, and the marks all share one key.
    stripped: Callable[[Any], Any]
    leads: Any
    if tokens and isinstance(tokens[0], bytes):
        # (The marks keyed as a stop, and the separator's NUL as \x01: no key may be NUL.)
        leads = bytes(map(itemgetter(0), tokens))
        table = Keys(leads.translate(_BYTE_KEYS))
        stripped = _stripped_bytes
    else:
        keys = leads = "".join(map(itemgetter(0), tokens))
        for mark in _KEYED_AS_STOP:
            if mark in keys:
                keys = keys.replace(mark, ".")
        table = Keys(keys.replace("\0", "\1"))  # (the separator's key: no key may be NUL)
        stripped = _stripped
    nul = b"\0" if isinstance(leads, bytes) else "\0"
    hits: list[int] = []
    # A run of 2d - 1 equal pairs d tokens apart needs 3d - 1 tokens (three for one word): a period
    # longer than a third of the tokens finds nothing, and is not asked (a short record asks one or two).
    for d in range(1, min(_GATE_PERIOD, (len(tokens) + 1) // 3) + 1):
        run = b"\x01" * (2 * d - 1 if d > 1 else 2)  # (one word: three copies here, four in the reading)
        at = 0
        for start, end in table.runs(d, len(run)):
            if at >= end:
                continue
            # Where the keys agree, the tokens are compared as stripped: a run of equal pairs lies in
            # one run of equal keys, and is found there as in the whole (each search from the last hit
            # on by 2d).
            firsts = list(map(stripped, tokens[start:end]))
            same = bytes(map(eq, firsts, firsts[d:] + list(map(stripped, tokens[end:end + d]))))
            found = same.find(run, max(at - start, 0))
            while found >= 0:
                hit = start + found
                if nul in leads[hit:hit + len(run) + d]:
                    # Equal tokens through a separator: segments alike (list items, catalogue entries), each
                    # saying its words once; a loop lies within one segment.
                    found = same.find(run, found + 1)
                    continue
                hits.append(hit)
                at = hit + 2 * d
                found = same.find(run, at - start)
    # The segment of a hit is the number of separators before it: the tokens that open with a NUL (no
    # text of ``joined`` holds one), counted in the first characters from one hit to the next, in order
    # (a scan of the tokens for each separator compared every token with it: 28M instructions on the Rust
    # book, for a few hits).
    segments: set[int] = set()
    segment = last = 0
    for at in sorted(hits):
        segment += leads.count(nul, last, at)
        last = at
        segments.add(segment)
    return segments


# The marks that stripping takes off a token's end: a token of them alone strips to nothing.
_KEYED_AS_STOP = ",;:!?"


def _stripped(token: str) -> str:
    """A token as the loop gate compares it: without the marks after it, then without a closing quote
    or bracket (`Orchestral”,`), unless that leaves nothing (a token of marks alone, `"?"`, keeps its
    marks, so that a row of them is no loop)."""
    marked = token.rstrip(".,;:!?")
    return marked.rstrip("\"”’)]") or marked


def _stripped_bytes(token: bytes) -> bytes:
    """``_stripped`` of a token in ASCII or Windows-1252 (``lint.words.split_tokens``), where ” and ’ are \\x94 and \\x92."""
    marked = token.rstrip(b".,;:!?")
    return marked.rstrip(b"\")]\x94\x92") or marked


_BYTE_KEYS = bytes.maketrans(_KEYED_AS_STOP.encode("ascii") + b"\x00", b"." * len(_KEYED_AS_STOP) + b"\x01")


def _segments_with_doublings(joined: str) -> set[int]:
    """Segments where the word before an ` and ` ends with the word after it, compared in C (ends: the
    pattern's word may follow a mark, `(calm and calm.)`)."""
    pieces = joined.split(" and ")
    if len(pieces) < 2:
        return set()
    before = map(itemgetter(2), map(str.rpartition, pieces, repeat(" ")))
    after = map(str.rstrip, map(itemgetter(0), map(str.partition, islice(pieces, 1, None), repeat(" "))),
                repeat(".,;:!?\"'”’)"))
    same = bytes(map(str.endswith, before, after))
    at = same.find(b"\x01")
    found: set[int] = set()
    if at < 0:
        return found
    # Separators up to each piece, summed once rather than per hit.
    segment_of = list(accumulate(map(str.count, pieces, repeat(SEPARATOR))))
    while at >= 0:
        found.add(segment_of[at])
        at = same.find(b"\x01", at + 1)
    return found
