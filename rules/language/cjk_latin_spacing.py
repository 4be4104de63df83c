"""L107 cjk-latin-spacing: spacing between CJK and Latin text that differs from the rest of the document."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lint.language import HAN
from lint.model import TRANSLATION_KINDS, Applicability, Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

from ._packs import languages_with

# (Kana that are letters: not U+3040 (unassigned), the middle dot ・ nor the prolonged sound and iteration
# marks ー ヽ ヾ ヿ, which join words whatever the script around them.)
_HAN_KANA = "\u3041-\u309f\u30a1-\u30fa" + HAN
# A boundary between CJK and Latin text, with or without one space between.
_BOUNDARY = compiled_on_use(rf"(?<=[{_HAN_KANA}])( ?)(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])( ?)(?=[{_HAN_KANA}])")
_MIN_BOUNDARIES = 6
_MAJORITY = 3  # the document's habit outnumbers the other style this many times


# The head of the examples' Japanese catalogue, whose strings space CJK and Latin text.
_CATALOGUE = 'msgid ""\nmsgstr ""\n"Language: ja\\n"\n\n' + "".join(
    f'msgid "Use {name}"\nmsgstr "{name} を使う"\n\n' for name in ("Vue", "React", "Svelte", "Solid", "Qwik", "Lit",
                                                                    "Preact", "Ember", "Alpine", "Riot", "Deno", "Bun"))

# … and strings that space their numbers (`バージョン 2 を使う`).
_VERSIONS = "".join(f'msgid "Use version {i}"\nmsgstr "バージョン {i} を使う"\n\n' for i in range(2, 10))


class CjkLatinSpacing(Rule):
    code = "L107"
    slug = "cjk-latin-spacing"
    summary = "Spacing between CJK and Latin text unlike the rest of the document"
    rationale = """
**What it does.** In Japanese and Chinese, counts the places where CJK text meets Latin letters or
digits with a space (`使用 Vue 开发`) and without (`使用Vue开发`); where one style outnumbers the other
three to one (six boundaries at least), flags the other, at each place (each fix mends its own place
only: a fix never changes a byte outside the span it reports, so a place switched off inline, or
recorded in a baseline, stays as it is). A Latin run set off wrongly on both sides (`投资家兼AI从业者` in a
spaced text) is one slip, one finding over the run, whose fix mends both sides.

**Why is this bad?** Both styles exist — W3C jlreq §3.6.3 and clreq §3.4.1 describe the spacing as a
matter of house style, set by the typesetter as a quarter-em in print — but one document keeps one.
A mix is the mark of paragraphs translated by different hands or pasted from an MT engine.

Words and numbers are counted as two habits where each has six boundaries or more (a writer may space
`Vue` and set `2進数` tight); a kind with fewer follows the document's.

In a catalogue (PO, XLIFF, an app's strings) the strings are written by different hands over years and
read apart, each on its own screen: a place is flagged only where its own string also keeps the
catalogue's habit at a place of the same kind, word or number (`POSIX とWindows 上で`, `16 ビット、16ビット`).
A string that sets all its words, or all its numbers, one way keeps a habit of its own (`Kioskを選択`,
`Python には2つのフックがあります` in a catalogue that spaces), and so does one that sets each side of its
numbers' counters one way (`最小の 10進文字列を 17桁に`: each number spaced from the words before it, each
counter tight).

Not flagged: headings, which keep a habit of their own (a headline separates its phrases and a score with
spaces: `エア 38 - 17 メルローズ`), boundaries with markup between (`**API**は`, `と[Vite](…)`), boundaries inside a metavariable's name in angle
brackets (`<参数1>`), boundaries inside a date written with 年, 月 and 日 (`2008年12月3日`), a translated name and its number between spaces or slashes where the source glues the
number to its word (`檔案1/檔案2` for `file1/file2`; no more such names than the source glues), documents under six boundaries or without a clear habit, code and URLs, full-width
punctuation next to Latin text, and other languages.
"""
    severity = Severity.INFO
    fix = Applicability.UNSAFE
    fix_note = "Inserts or deletes the one space; unsafe: a name or a term may be meant to stay attached."
    scope = "document"
    languages = languages_with("cjk-latin-spacing")
    flag = (
        Example("使用 Vue 开发。使用 React 开发。使用 Svelte 开发。使用Angular开发。\n", language="zh",
                fixed="使用 Vue 开发。使用 React 开发。使用 Svelte 开发。使用 Angular 开发。\n"),
        Example("使用Vue开发。使用React开发。使用Svelte开发。使用 Angular 开发。\n", language="zh",
                fixed="使用Vue开发。使用React开发。使用Svelte开发。使用Angular开发。\n"),
        Example("これは Vue です。これは React です。これは Svelte です。これはAngularです。\n", language="ja"),
        Example("# Vue の使い方\n\nこれは Vue です。これは React です。これは Svelte です。これはAngularです。\n",
                path="a.md", language="ja", note="the body's own habit, whatever the heading's"),
        Example("これはVueです。これはReactです。これはSvelteです。これは Angular です。\n", language="ja"),
        Example("使用 Vue 开发。使用 React 开发。使用 Svelte 开发。使用 Angular 开发。比较 <文件1> 与文件2\n", language="zh",
                note="outside the angle brackets the boundary is the text's"),
        Example("使用 Vue 开发。使用 React 开发。使用 Svelte 开发。使用 Angular 开发。当 x < 5时用Vue，y > 3 时\n",
                language="zh", note="signs of comparison, no metavariable's brackets"),
        Example("第 1 章。第 2 章。第 3 章。第4章。\n", language="zh"),
        Example('msgid ""\nmsgstr ""\n"Language: zh_TW\\n"\n\nmsgid "use Vue, React, Svelte and Angular"\nmsgstr "使用 Vue 開發，使用 React 開發，使用 Svelte 開發"\n\nmsgid "exit with exit code 2 if no matching refs are found in 5 seconds"\nmsgstr "若 5 秒內未找到符合的引用則以 Vue 離開碼2離開"\n',
                path="zh_TW.po", language="zh", note="a number the source spaces from its word"),
        Example('msgid ""\nmsgstr ""\n"Language: zh_TW\\n"\n\nmsgid "use Vue, React, Svelte and Angular"\nmsgstr "使用 Vue 開發，使用 React 開發，使用 Svelte 開發"\n\nmsgid "exit with status 1 if file1 differs"\nmsgstr "若 檔案1 不同則以 狀態1 離開"\n',
                path="zh_TW.po", language="zh", note="more names glued to the number than the source glues: one is spaced in the source"),
        Example("版本 3 发布。版本 4 发布。版本 5 发布。版本6发布。\n", language="zh"),
        Example("在 Node 中运行，在 Deno 中运行，在 Bun 中运行，在Workers中运行。\n", language="zh"),
        Example("這是 Vue 專案。這是 React 專案。這是 Svelte 專案。這是Angular專案。\n", language="zh-Hant"),
        Example(_CATALOGUE + 'msgid "Runs on POSIX and Windows"\nmsgstr "POSIX とWindows 上で動きます"\n', path="ja.po",
                language="ja", note="a string that mixes the two styles, in a catalogue that spaces them"),
    )
    allow = (
        Example("使用 Vue 开发。使用 React 开发。使用 Svelte 开发。使用 Angular 开发。\n", language="zh"),
        Example("使用Vue开发。使用React开发。使用Svelte开发。使用Angular开发。\n", language="zh"),
        Example("使用 Vue 开发。使用React开发。\n", language="zh"),
        Example("使用 Vue 开发。使用 React 开发。使用Svelte开发。使用Angular开发。\n", language="zh"),
        Example("これは Vue です。これは React です。これは Svelte です。\n", language="ja"),
        Example("Vue 와 React 와 Svelte 와Angular.\n", language="ko"),
        Example("Use Vue and React.\n"),
        Example("".join(f"これは {w} です。" for w in ("Vue", "React", "Svelte", "Angular", "Solid", "Qwik", "Lit",
                                                       "Preact", "Ember", "Alpine", "Mithril", "Riot"))
                + "2進数と8進数と10進数と16進数。\n", language="ja",
                note="words spaced, numbers set tight: two habits, each kept"),
        Example("使用 Vue 开发。使用 React 开发。使用 Svelte 开发。使用 Angular 开发。用法：git merge-file <文件1> <文件2>\n",
                language="zh", note="a metavariable's name in angle brackets is one name"),
        Example("使用 Vue 开发。使用 React 开发。使用 Svelte 开发。使用 `Angular` 开发。\n", path="a.md", language="zh"),
        Example('msgid ""\nmsgstr ""\n"Language: zh_TW\\n"\n\nmsgid "use Vue, React, Svelte and Angular"\nmsgstr "使用 Vue 開發，使用 React 開發，使用 Svelte 開發"\n\nmsgid "set labels for file1/orig-file/file2"\nmsgstr "為 檔案1/初始檔案/檔案2 設定標籤"\n', path="zh_TW.po",
                language="zh", note="a name with its number, as the source glues it to its word (`file1`)"),
        Example("# リヴィングストン 1 - 0 レンジャーズ\n\nこれはVueです。これはReactです。これはSvelteです。"
                "これはAngularです。\n", path="a.md", language="ja", note="a headline spaces its phrases and its score"),
        Example(_CATALOGUE + 'msgid "Select a kiosk"\nmsgstr "Kioskを選択"\n\nmsgid "Website"\nmsgstr "Webサイト"\n',
                path="ja.po", language="ja", note="each string of a catalogue keeps its own habit"),
        Example(_CATALOGUE + 'msgid "Python provides two hooks"\nmsgstr "Python には2つのフックがあります"\n',
                path="ja.po", language="ja", note="a string that spaces its words and sets its counts tight"),
        Example(_CATALOGUE + _VERSIONS + 'msgid "Python 3.0 was released on December 3, 2008"\n'
                'msgstr "Python 3.0 は 2008年12月3日 にリリースされました"\n', path="ja.po", language="ja",
                note="a date set as the language writes it, one token, in a string that spaces its version"),
        Example(_CATALOGUE + 'msgid "the shortest decimal string"\nmsgstr "最小の 10進文字列を 17桁に丸めます"\n',
                path="ja.po", language="ja", note="numbers spaced from the words before them, counters tight"),
    )

    def check_document(self, doc: Document) -> Iterable[Finding]:
        # Only boundaries written as they read: with markup between (`**API**は`, `と[Vite](…)`) the
        # writer's choice is about the markup, not the text.
        # Headings are set apart: a Japanese or Chinese headline separates its phrases and a score with
        # spaces (`# エア 38 - 17 メルローズ`) where the body sets Latin text tight.
        hits = [(seg, m) for seg in doc.segments_matching(_BOUNDARY) if seg.kind != "heading"
                for m in _BOUNDARY.finditer(seg.text) if seg.is_contiguous(max(m.start() - 1, 0), m.end() + 1)
                and not _in_metavariable(seg.text, m.start()) and not _numbered_name(seg, m) and not _in_date(seg.text, m)]
        if len(hits) < _MIN_BOUNDARIES:
            return
        spaced = sum(1 for _, m in hits if (m.group(1) or m.group(2)))
        tight = len(hits) - spaced
        # Words and numbers are two habits: a writer may space `Vue` and set `2進数`, `第4章` tight. A kind
        # with enough boundaries follows its own majority; one with few follows the document's.
        for kind in (True, False):
            own = [(seg, m) for seg, m in hits if _is_digit_boundary(seg.text, m) is kind]
            own_spaced = sum(1 for _, m in own if (m.group(1) or m.group(2)))
            if len(own) >= _MIN_BOUNDARIES:
                judged_spaced, judged_tight = own_spaced, len(own) - own_spaced
            else:
                judged_spaced, judged_tight = spaced, tight
            yield from self._minority(own, judged_spaced, judged_tight)

    def _minority(self, hits: list[tuple[Segment, re.Match[str]]], spaced: int, tight: int) -> Iterable[Finding]:
        """The places that break the document's habit, each with the document's count in its message."""
        total = spaced + tight
        if spaced >= _MAJORITY * tight and tight:
            slip_spaced = False
            what, habit = "No space between CJK and Latin text", f"this document spaces them ({spaced} of {total} places)"
            mend = " "
        elif tight >= _MAJORITY * spaced and spaced:
            slip_spaced = True
            what, habit = "Space between CJK and Latin text", f"this document sets them together ({tight} of {total} places)"
            mend = ""
        else:
            return
        # A catalogue's strings (PO entries, an app's strings) are written by different hands over years
        # and read apart, each on its own screen: a string that sets all its places of this kind one way
        # keeps a habit of its own (`Kioskを選択` in a spaced values-ja). Only a string that mixes the two
        # (`POSIX とWindows 上`) slips.
        # A number's counter is a habit of the string's own too: a writer may space a number from the
        # words before it and set its counter tight (`最小の 10進文字列を 17桁に`).
        kept = [(seg, m) for seg, m in hits if bool(m.group(1) or m.group(2)) is not slip_spaced]
        keeping = {seg.index for seg, _ in kept}
        keeping_counter = {seg.index for seg, m in kept if _before_counter(seg.text, m)}
        slips = [(seg, m) for seg, m in hits if bool(m.group(1) or m.group(2)) is slip_spaced
                 and (seg.kind not in TRANSLATION_KINDS
                      or seg.index in (keeping_counter if _before_counter(seg.text, m) else keeping))]
        for paired in _by_latin_run(slips):
            # A long run (whole English sentences set tight in a Chinese page) is two slips, one at each
            # end: one finding over it would span and quote hundreds of characters.
            long_run = len(paired) == 2 and paired[1][1].start() - paired[0][1].end() > _LONGEST_RUN
            yield from (self._slip([p], what, habit, mend) for p in paired) if long_run else (
                [self._slip(paired, what, habit, mend)])

    def _slip(self, places: list[tuple[Segment, re.Match[str]]], what: str, habit: str, mend: str) -> Finding:
        """The finding for one slip: a boundary, or both boundaries of one Latin run, with its fix."""
        seg = places[0][0]
        start, end = places[0][1].start(), places[-1][1].end()
        if len(places) == 2:
            run = seg.text[places[0][1].end():places[1][1].start()]
            message = f"{what} on both sides of '{run}'; {habit}"
        else:
            message = f"{what}; {habit}"
        if mend:
            edits = [(m.start(), m.start(), mend) for _, m in places]
        else:
            edits = [(m.start(), m.end(), "") for _, m in places]
        return self.finding(seg, start, end, message, edits=edits)


# The longest Latin run whose two wrong boundaries make one finding (a name, a term, a short phrase).
_LONGEST_RUN = 40

# What may lie between the two boundaries of one Latin run: anything below the CJK blocks (letters,
# digits, spaces, ASCII punctuation: `Scott Pittman`, `Face++`, `7.5`), no CJK text or full-width mark.
_LATIN_RUN = compiled_on_use(r"[^\u3000-\uffff]*")


def _by_latin_run(slips: list[tuple[Segment, re.Match[str]]]) -> Iterable[list[tuple[Segment, re.Match[str]]]]:
    """The slips, the two sides of one Latin run set alike (`兼AI从业者` in a spaced text) together: one
    word set off wrongly is one slip to mend, where each side was a finding."""
    i = 0
    while i < len(slips):
        seg, m = slips[i]
        if i + 1 < len(slips):
            next_seg, n = slips[i + 1]
            # (group 1: CJK then Latin; group 2: Latin then CJK)
            if (next_seg is seg and m.group(1) is not None and n.group(2) is not None
                    and _LATIN_RUN.fullmatch(seg.text, m.end(), n.start())):
                yield [(seg, m), (next_seg, n)]
                i += 2
                continue
        yield [(seg, m)]
        i += 1


def _in_metavariable(text: str, at: int) -> bool:
    """Whether ``at`` lies inside a metavariable, a name in angle brackets (`<参数1>`, `<遠端1>` in a usage
    line): one name, which a space would split, no boundary of the text's. A name's brackets stand apart
    from the words around them and hold no sentence's marks: `a<b并且c>d`, `x < 5时用Vue，y > 3` compare."""
    opened = text.rfind("<", max(0, at - 40), at)
    if opened < 0 or ">" in text[opened:at] or "\n" in text[opened:at]:
        return False
    closed = text.find(">", at, at + 40)
    if closed < 0 or "<" in text[at:closed] or "\n" in text[at:closed]:
        return False
    name = text[opened + 1 : closed]
    return (_METAVARIABLE_NAME.fullmatch(name) is not None and not text[opened - 1 : opened].isalnum()
            and not text[closed + 1 : closed + 2].isalnum())


def _numbered_name(seg: Segment, m: re.Match[str]) -> bool:
    """Whether a tight boundary ends a translated name with its number, one token between spaces or
    slashes (`檔案1/初始檔案/檔案2` for `file1/orig-file/file2`), where the source glues the same number to
    a Latin word: the number is the name's, as in the source, and a space would split it. A number the
    source spaces (`exit code 2` as `離開碼2`) or a counter (`第2`, for `#2`) is the text's boundary."""
    if m.group(1) != "" or seg.source_text is None:
        return False
    text = seg.text
    digits = _DIGITS.match(text, m.end())
    if digits is None or text[digits.end() : digits.end() + 1] not in ("", "/", " ", "\n"):
        return False
    start = m.start()
    while start > 0 and _CJK_CHAR.match(text[start - 1]):
        start -= 1
    if text[start - 1 : start] not in ("", "/", " ", "\n"):
        return False
    # As many such names as the source has words glued to the number: `exit with status 1 if file1 differs`
    # as `若 檔案1 不同則以 狀態1 離開` glues one name too many, a number the source spaces (`status 1`).
    end = r"(?=$|[\s/])"
    names = len(re.findall(rf"(?:^|[\s/])[{_HAN_KANA}]+" + digits.group() + end, text))
    return 0 < names <= len(re.findall(r"(?:^|[\s/])[A-Za-z][A-Za-z-]*" + digits.group() + end, seg.source_text))


_DIGITS = compiled_on_use(r"[0-9]+")
_CJK_CHAR = compiled_on_use(rf"[{_HAN_KANA}]")


# A metavariable's name: no space at either end, no sentence's mark inside (`<参数1>`, `<密钥 ID>`).
_METAVARIABLE_NAME = compiled_on_use(r"[^\s<>，。、；：！？,.;:!?]+(?: [^\s<>，。、；：！？,.;:!?]+)*")


# A date written with the CJK year, month and day (`2008年12月3日`, `12月3日`, `2008 年 12 月`): one token, set as
# the language's date, whose inner boundaries are no habit of the text's spacing.
_CJK_DATE = compiled_on_use(r"(?<![0-9])[0-9]{1,4} ?年 ?[0-9]{1,2} ?月(?: ?[0-9]{1,2} ?日)?|(?<![0-9])[0-9]{1,2} ?月 ?[0-9]{1,2} ?日")


def _in_date(text: str, m: re.Match[str]) -> bool:
    """Whether a boundary lies inside a CJK date (`2008年12月3日`), between its numbers and their 年, 月, 日."""
    start = max(0, m.start() - 12)
    return any(start + d.start() < m.start() and m.end() < start + d.end()
               for d in _CJK_DATE.finditer(text[start : m.end() + 12]))


def _before_counter(text: str, m: re.Match[str]) -> bool:
    """Whether a boundary lies between a number and the CJK text after it, its counter or unit (`17桁`)."""
    return m.group(2) is not None and text[m.start() - 1 : m.start()].isdigit()


def _is_digit_boundary(text: str, m: re.Match[str]) -> bool:
    """Whether the Latin side of a boundary is a digit (`2進数`, `第 4 章`)."""
    before = text[m.start() - 1 : m.start()]
    after = text[m.end() : m.end() + 1]
    return before.isdigit() or after.isdigit()
