"""T105 untranslated-span: a run of another script inside English prose."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.language import CJK_LETTERS, HAN, HANGUL, KANA, path_hint, primary
from lint.model import Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

_SCRIPTS = "\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0e00-\u0e7f" + CJK_LETTERS
# One character of the scripts, compiled once (a class past Latin-1 costs some 3 ms to compile).
_SCRIPT_CHAR = compiled_on_use(f"[{_SCRIPTS}]")
_RUN = compiled_on_use(f"[{_SCRIPTS}][{_SCRIPTS}\\s，。、：；！？·-]*[{_SCRIPTS}]|[{_SCRIPTS}]")
_LATIN_WORD = compiled_on_use(r"[A-Za-z]{2,}")
# A link to a page in another language: its host or its first path segment is a language code
# (https://ja.vite.dev/, /zh-cn/guide/): the link text is that language's own name for the page.
_LANGUAGE_URL = compiled_on_use(r"\]\((?:[a-z][a-z0-9+.-]*://(?:www\.)?[a-z]{2,3}(?:-[a-z]{2,4})?\.|/[a-z]{2,3}(?:-[a-z]{2,4})?/)",
                                re.IGNORECASE)


class UntranslatedSpan(Rule):
    code = "T105"
    slug = "untranslated-span"
    summary = "A run of another script left untranslated in English prose"
    rationale = """
**What it does.** Flags a run of CJK, Cyrillic, Hebrew, Arabic or Thai characters inside a mostly
English paragraph, when it is not a gloss (in brackets or quotation marks, after a colon, or on either
side of a slash: `简体中文 / Simplified Chinese` in a list of translations), nor a Chinese name beside its
romanisation (`Sikong Tu 司空图`: the capitalised words beside it are its characters' pinyin, read by
pypinyin's dictionary, not words that merely split into as many syllables: `tap Share 发送`), nor a full
name in a cased script
after another name and a comma (`…, Shannon Zhu, and Никита Соболев`: people credited as they write their names).

**Why is this bad?** MT engines leave spans they could not translate, and TMS exports keep source
text in target fields. Readers of the English text cannot read them.
"""
    severity = Severity.WARNING
    languages = frozenset({"en"})
    trigger = f"[{_SCRIPTS}]"
    flag = (
        Example("The 北京 government said the talks were over."),
        Example("Officials in Москва declined to comment."),
        Example("The company announced 新产品 on Monday."),
        Example("He wrote that the plan was отличный and left."),
        Example("The report was released by the ministry 昨天 in the afternoon."),
        Example("We visited the שוק market in the morning."),
        Example("Users saw the error 오류 on the page."),
        Example("Yesterday the minister met Владимир Путин in the capital.",
                note="a name left in its script in running prose"),
        Example("On Monday, Владимир Путин met the press in the capital.",
                note="a sentence's opening and its comma are no list of names"),
        Example("Yesterday in Moscow, Владимир Путин met the press.\n"),
        Example("The menu listed ต้มยำ soup among the dishes."),
        Example("Yesterday Wang Wei 北京大学 officials met the press.",
                note="a pinyin name beside a run of another length: no romanisation of it"),
        Example("To send the file, tap Share 发送 and pick a contact.\n",
                note="a word that splits into two pinyin syllables (sha re), but is not 发送's reading (fa song)"),
        Example("Click Open Menu 设置选项 to see the settings.\n"),
        Example("The sales lead Tina 北京 said the office would open.\n"),
        Example("Officials in Hong Kong 宣布 new rules for the port on Monday.\n",
                note="a place's romanisation, not the characters beside it"),
        Example("Read the [安装指南](https://example.com/guide/install) before you start the build.\n", path="a.md",
                note="a link text left untranslated, to a page in no other language"),
    )
    allow = (
        Example("- [简体中文 / Simplified Chinese](https://cn.vuejs.org/) and [Español / 西班牙语](https://es.vuejs.org/) are kept by volunteers.\n", path="a.md"),
        Example("- Docs: [English](/), [简体中文](https://cn.vite.dev/), [日本語](https://ja.vite.dev/), [한국어](https://ko.vite.dev/)\n", path="a.md",
                note="links to the site's translations, each named in its language"),
        Example("The capital, Beijing (北京), hosted the talks."),
        Example("The sign read “北京欢迎你” in red."),
        Example("In Russian: Москва."),
        Example("北京欢迎你。这是中文。"),
        Example("The word for Moscow is «Москва» in Russian."),
        Example("Plain English with no other script."),
        Example("Thanks to Jia Chen, Eric Traut, Alex Waygood, Shannon Zhu, and Никита Соболев\n",
                note="a name in a list of names, as its bearer writes it"),
        Example("Reviewed by Edward Qiu, Jia Chen, Gregory P. Smith, Никита Соболев,\nCAM Gerlach and others.\n"),
        Example("The late Tang poet Sikong Tu 司空图 (837–908) wrote on the subject.\n",
                note="a Chinese name beside its pinyin, as many syllables as characters (UD English-GUM)"),
        Example("The chairman 毛泽东 Mao Zedong spoke for an hour at the congress.\n"),
        Example("The late Tang poet 司空图 Sikong Tu wrote on the subject.\n"),
        Example("His treatise Xishan Qinkuang 谿山琴况 is read by players of the qin today.\n",
                note="谿 read xi, one of its two readings (UD English-GUM)"),
        Example("Kyiv and Moscow exchanged prisoners."),
        Example("The brand 'ソニー' is Sony in katakana."),
        Example("If you use Helm, 你可以通过 Helm 命令完成安装 and then upgrade the cluster with the new chart.\n",
                path="i18n/zh/docusaurus-plugin-content-docs/current/install.md",
                note="a page of a site's Chinese translation, still mostly English: the Chinese is the translation"),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        text = seg.text
        latin_words = len(_LATIN_WORD.findall(text))
        foreign_chars = sum(1 for _ in _SCRIPT_CHAR.finditer(text))
        if latin_words < 3 or foreign_chars * 2 > len(text):
            return  # not English prose with a foreign span, but foreign text
        for m in _RUN.finditer(text):
            # The nearest visible characters around the run (not the whole text on each side, copied and
            # stripped for every run: quadratic on a paragraph of megabytes).
            k = m.start()
            while k > 0 and text[k - 1].isspace():
                k -= 1
            before = text[k - 1 : k] if k > 0 else ""
            k = m.end()
            while k < len(text) and text[k].isspace():
                k += 1
            after = text[k : k + 1]
            # An empty neighbour is the paragraph's edge, not a gloss bracket.
            if (before and before in "(（“\"'«‘「:：/") or (after and after in ")）”\"'»’」/"):
                continue  # a gloss or a quotation in the original language, or a name and its gloss: 简体中文 / Simplified Chinese
            if _romanised_beside(text, m):
                continue  # `Sikong Tu 司空图 (837–908)`: a Chinese name beside its own romanisation
            if _name_in_list_of_names(text, m):
                continue  # `…, Shannon Zhu, and Никита Соболев`: people name themselves in their own script
            if _links_to_its_language(doc.source.text, seg.to_source(m.start()), seg.to_source_end(m.end())):
                continue  # [日本語](https://ja.vite.dev/): a list of a site's translations
            if _in_folder_script(m.group(), doc.source.path):
                continue  # i18n/zh/…: the page's translated part, around the English left untranslated
            yield self.finding(seg, m.start(), m.end(), f"Untranslated text '{m.group()}' in English prose")


# A name of two to four capitalized Cyrillic words (the one cased script among _SCRIPTS), the whole run.
_CAPITALIZED_NAME = compiled_on_use(r"[\u0400-\u042f][\u0400-\u04ff'’-]*(?: [\u0400-\u042f][\u0400-\u04ff'’-]*){1,3}")
# An item of a list of names and the comma after it (`Shannon Zhu, `): a capitalized name of one to four
# words, a comma, maybe `and`.
_NAME_ITEM = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3},(?: and| &)?\s*"
# Two such items right before the run (`Alex Waygood, Shannon Zhu, and `), or one.
_TWO_NAMES_BEFORE = compiled_on_use(f"(?:{_NAME_ITEM}){{2}}$")
_ONE_NAME_BEFORE = compiled_on_use(f"{_NAME_ITEM}$")


def _name_in_list_of_names(text: str, run: re.Match[str]) -> bool:
    """The run is a person's full name in its script, an item of a list of names (acknowledgements,
    authors): after two names, each with its comma, or after one where another item or the line's end
    follows it (`Gregory P. Smith, Никита Соболев,`). One capitalized word and a comma before it is a
    sentence's opening (`On Monday, Владимир Путин met…`), and a name alone in a sentence (`met Владимир
    Путин`) is one an MT system left untransliterated."""
    if _CAPITALIZED_NAME.fullmatch(run.group()) is None:
        return False
    window = max(0, run.start() - 160)
    if _TWO_NAMES_BEFORE.search(text, window, run.start()):
        return True
    after = text[run.end():run.end() + 1]
    return after in ("", ",", "\n") and _ONE_NAME_BEFORE.search(text, window, run.start()) is not None


# A Chinese name in Han characters (two to four), and the capitalised words that may romanise it, right
# before or right after it: one to three, each of at most twelve letters (the longest pinyin syllables
# are six, `zhuang`; a name's word joins two or three), so a long word costs nothing to read.
_HAN_NAME = compiled_on_use(f"[{HAN}]{{2,4}}")
_ROMAN_WORD = r"[A-Z][a-zü]{0,11}(?:['’-][a-zü]{1,11})?"
_NAME_BEFORE = compiled_on_use(rf"(?<![\w'’-])(?:{_ROMAN_WORD} ){{1,3}}$")
_NAME_AFTER = compiled_on_use(rf"(?: {_ROMAN_WORD}){{1,3}}(?![\w'’-])")
# The letters of a romanised word that pinyin writes: apostrophes and hyphens part syllables (`Xi'an`),
# `ü` is often typed `u` or `v` (pypinyin's toneless style writes it `v`).
_NOT_PINYIN = str.maketrans({"'": None, "’": None, "-": None, "ü": "u", "v": "u"})


def _romanised_beside(text: str, run: re.Match[str]) -> bool:
    """The run is a Chinese name written beside its romanisation: the capitalised words right before or
    after it (one space between) are the run's own pinyin, every character read one of its ways
    (`Sikong Tu 司空图`, `毛泽东 Mao Zedong`, `Xishan Qinkuang 谿山琴况`). The reader is given the name
    twice, not left a span to read. Words that merely split into as many syllables (`tap Share 发送`,
    `Hong Kong 宣布`) read other characters."""
    if _HAN_NAME.fullmatch(run.group()) is None:
        return False
    before = _NAME_BEFORE.search(text, max(0, run.start() - 80), run.start())
    after = _NAME_AFTER.match(text, run.end())
    candidates = []
    if before is not None:
        words = before.group().split()
        candidates += ["".join(words[-k:]) for k in range(1, len(words) + 1)]
    if after is not None:
        words = after.group().split()
        candidates += ["".join(words[:k]) for k in range(1, len(words) + 1)]
    if not candidates:
        return False
    readings = _readings(run.group())
    return any(_reads_as(readings, word.lower().translate(_NOT_PINYIN)) for word in candidates)


def _readings(name: str) -> list[set[str]]:
    """Each character's toneless pinyin readings, every one pypinyin knows (heteronyms: 谿 xi or ji),
    read alone and within the name (a phrase's reading of a character may be one it has only there)."""
    # Imported here: loading its dictionaries takes a second, paid only where a name sits beside
    # capitalised words.
    from pypinyin import Style, pinyin

    within = pinyin(name, style=Style.NORMAL, heteronym=True)
    alone = pinyin(list(name), style=Style.NORMAL, heteronym=True)
    if len(within) != len(name) or len(alone) != len(name):
        return []  # a character pypinyin does not read as one syllable
    return [{r.translate(_NOT_PINYIN) for r in (*a, *b)} for a, b in zip(within, alone, strict=True)]


def _reads_as(readings: list[set[str]], letters: str) -> bool:
    """Whether ``letters`` is the characters' readings in a row, one reading of each."""
    if not readings:
        return False
    ends = {0}  # where the characters read so far may end in ``letters``
    for options in readings:
        ends = {at + len(r) for at in ends for r in options if letters.startswith(r, at)}
        if not ends:
            return False
    return len(letters) in ends


# The letters of the languages a translated site's folder may name (`i18n/zh/…`, `docs/ru/…`).
_FOLDER_LETTERS = {"zh": HAN, "ja": KANA + HAN, "ko": HANGUL,
                   "he": "\u0590-\u05ff", "ar": "\u0600-\u06ff", "fa": "\u0600-\u06ff", "th": "\u0e00-\u0e7f",
                   **dict.fromkeys(("ru", "uk", "bg", "be", "sr", "mk", "kk"), "\u0400-\u04ff")}


def _in_folder_script(run: str, path: str) -> bool:
    """The run is in the script of the language the file's folder names: on a page of a site's Chinese
    translation that is still mostly English, the Chinese is what was translated, not what was left."""
    hinted = primary(path_hint(path)) if path else ""
    letters = _FOLDER_LETTERS.get(hinted)
    return letters is not None and re.match(f"[{letters}]", run) is not None


def _links_to_its_language(source: str, start: int, end: int) -> bool:
    """The run is the whole text of a Markdown link to a page in another language."""
    return source[start - 1:start] == "[" and _LANGUAGE_URL.match(source, end) is not None
