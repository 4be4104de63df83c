"""L105 cjk-ascii-punctuation: an ASCII . , ! ? : ; right after Chinese or Japanese text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lint.language import HAN, HAN_COMPATIBILITY, KANA, pack
from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

from ._packs import languages_with
from .punctuation_spacing import literal_from_source, program_prefix

CJK = KANA + HAN + HAN_COMPATIBILITY
# The mark after a CJK character, then a space, a line end or more CJK text (not `設定.json`, not `...`).
# Or a mark between a Latin word and CJK text (`Vue,它`): in a CJK sentence either way.
# A comma (or ! ? ; :) stays wrong before a Latin word (`しかし,HTML`), and a full stop before a capital
# (`います.Angular`); a full stop before a lower-case letter is a file name (`設定.json`).
# Before a bracket or a quotation mark (`述べた.「`, `瞬間です.」`, `前面,"`) the mark ends a CJK sentence too, and a
# comma before a number (`息子は,13歳`) is in one.
_OPENING = "\u300c\u300d\u300e\u300f\uff08\uff09\u3010\u3011\u3008\u3009\u300a\u300b\u3014\u3015\u201c\u201d"
# Japanese case particles: a sentence never ends on one, so a full stop glued after one starts a name
# (`には.NET Core`), where after any other character it ends a sentence (`保存しました.API を`).
_PARTICLES = "はがをにでへとものや"
# Full-width letters and digits belong to the CJK text they sit in (`であり,３月`): no file name or version.
_WIDE_ALNUM = "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
_AFTER_CJK = compiled_on_use(rf"(?<=[{CJK}])(?:([.,!?:;])( ?)(?=[{CJK}{_OPENING}{_WIDE_ALNUM}\"]|\s|$)|([,!?;])( ?)(?=[A-Za-z0-9])"
                        rf"|(?<![{_PARTICLES}])(\.)()(?=[A-Z]))"
                        rf"|(?<=[A-Za-z0-9)])([,!?:;])( ?)(?=[{CJK}])")
# Marks every text in the language writes full-width; the others are held to the document's own habit.
_ALWAYS = frozenset(".,")


def _mark(m: re.Match[str]) -> str:
    return m.group(1) or m.group(3) or m.group(5) or m.group(7)


def _mark_start(m: re.Match[str]) -> int:
    return next(m.start(g) for g in (1, 3, 5, 7) if m.group(g))


class CjkAsciiPunctuation(Rule):
    code = "L105"
    slug = "cjk-ascii-punctuation"
    summary = "ASCII punctuation after Chinese or Japanese text"
    rationale = """
**What it does.** In Japanese and Chinese, flags an ASCII `.` or `,` right after a CJK character, and an
ASCII `! ? : ;` there when the document writes the full-width mark (`！ ？ ： ；`) after CJK text at
least as often: `これはテストです.`, `我们使用 Vue,它很简单`.

**Why is this bad?** Japanese ends a sentence with 。 and pauses with 、 (W3C *Requirements for Japanese
Text Layout*, jlreq, §3.1.4, cl-06/cl-07); Chinese uses 。，、；：？！ (GB/T 15834-2011 标点符号用法, §4;
W3C clreq §3.1). An ASCII mark is narrow, sits wrong in the em-box and is the trace of an English
source or an English keyboard. Korean uses Western punctuation (W3C klreq) and is not checked.

Not flagged: a full stop glued after a Japanese particle, where no sentence ends (`には.NET Core`: the name
is `.NET`), or followed by a lower-case letter or a half-width digit (`設定.json`, `v1.2`; a
full-width letter or digit after it is CJK text: `した.２０２２年` is flagged), ellipses `...`, code
and URLs, and `! ? : ;` in a document that writes them half-width throughout (a house style). In a
catalogue, a program's name (and its subcommand's, where the program opens a synopsis of the catalogue) that opens both the source and the translation with its
colon (`git checkout: 從索引…`), the source's delimiter (`day,days` as `天,天`), and the commas of a list of names that keeps
its source's symbol (`au,天文單位` for `au`, a unit a program reads from the user), and a literal the translation
copies from its source as one token (`squash!/fixup!`, L103's reading), and a comma and one space that end a piece
the program joins, as its source ends (git's `modified content, `), are not flagged.
"""
    severity = Severity.WARNING
    fix = Applicability.UNSAFE
    fix_note = ("Replaces the mark (and one space after it) with the language's full-width mark; unsafe: a "
                "Japanese text may prefer ， to 、, and a mark may end a code-like token.")
    scope = "document"
    languages = languages_with("fullwidth")
    flag = (
        Example('msgid ""\nmsgstr ""\n"Language: zh_TW\\n"\n\nmsgid "Stop!"\nmsgstr "停止！"\n\n'
                'msgid "Warning! squash!/fixup! are read"\nmsgstr "警告! squash!/fixup! 會被讀取"\n',
                path="zh_TW.po", language="zh-Hant", note="a mark of the translation's own words beside the literal"),
        Example('msgid ""\nmsgstr ""\n"Language: zh_TW\\n"\n\nmsgid "Done, thanks."\nmsgstr "完成，謝謝。"\n\n'
                'msgid "modified content"\nmsgstr "修改的內容, "\n', path="zh_TW.po", language="zh-Hant",
                note="a separator the source does not end with"),
        Example('msgid ""\nmsgstr ""\n"Language: zh_TW\\n"\n\nmsgid "Done, thanks."\nmsgstr "完成，謝謝。"\n\n'
                'msgid "Note: go."\nmsgstr "注意：開始。"\n\nmsgid "error: "\nmsgstr "錯誤: "\n', path="zh_TW.po",
                language="zh-Hant", note="a prefix's colon: the label's own mark, not a separator"),
        Example('msgid ""\nmsgstr "Language: zh_TW\\n"\n\nmsgid "file not found: %s"\nmsgstr "file not found: 檔案 %s"\n\n'
                'msgid "Hello: world."\nmsgstr "你好：世界。"\n', path="zh_TW.po", language="zh-Hant",
                note="three words copied before the colon: prose left untranslated, no program's name"),
        Example('msgid ""\nmsgstr "Language: zh_TW\\n"\n\nmsgid "protocol error: bad pack header"\n'
                'msgstr "protocol error: 錯誤的包頭"\n\nmsgid "Hello: world."\nmsgstr "你好：世界。"\n',
                path="zh_TW.po", language="zh-Hant",
                note="two words copied before the colon, no program of the catalogue's synopses: left untranslated"),
        Example('msgid ""\nmsgstr "Language: zh_CN\\n"\n\nmsgid "OK, got it"\nmsgstr "OK, 知道了"\n\n'
                'msgid "Name: %s"\nmsgstr "名称：%s"\n', path="zh_CN.po", language="zh",
                note="a capitalized word copied from the source is a word, not a program's name"),
        Example('msgid ""\nmsgstr "Language: zh_CN\\n"\n\nmsgid "OK"\nmsgstr "OK,我知道了。"\n\n'
                'msgid "Name: %s"\nmsgstr "名称：%s"\n', path="zh_CN.po", language="zh",
                note="the source's word kept, then a sentence after the comma: no list of names"),
        Example('msgid ""\nmsgstr "Language: zh_TW\\n"\n\nmsgid "Warning"\nmsgstr "Warning,警告"\n\n'
                'msgid "Hello, world."\nmsgstr "你好，世界。"\n', path="zh_TW.po", language="zh-Hant",
                note="the source's word kept before its translation: a word, not a symbol a program reads"),
        Example("設定を保存しました.API を使います。\n", language="ja", fixed="設定を保存しました。API を使います。\n",
                note="a name in capitals after a sentence's end"),
        Example("これはテストです.\n", language="ja", fixed="これはテストです。\n"),
        Example("コンポーネントを作成し, 登録します。\n", language="ja", fixed="コンポーネントを作成し、登録します。\n"),
        Example("我们使用 Vue,它很简单。\n", language="zh", fixed="我们使用 Vue，它很简单。\n"),
        Example("这是一个例子. 下一个例子。\n", language="zh", fixed="这是一个例子。下一个例子。\n"),
        Example("本当ですか? 本当です！ 本当ですか？\n", language="ja", fixed="本当ですか？本当です！ 本当ですか？\n"),
        Example("注意：这一点很重要。注意:这一点也很重要。\n", language="zh",
                fixed="注意：这一点很重要。注意：这一点也很重要。\n"),
        Example("這是一個例子.\n", language="zh-Hant", fixed="這是一個例子。\n"),
        Example("しかし,HTML が安全な場合もあります。\n", language="ja", fixed="しかし、HTML が安全な場合もあります。\n"),
        Example("彼はそう述べた.「次は勝つ」と語った。\n", language="ja", fixed="彼はそう述べた。「次は勝つ」と語った。\n"),
        Example("彼の息子は,13歳で発症した。\n", language="ja", fixed="彼の息子は、13歳で発症した。\n"),
        Example("議長国を務めており,３月初旬に合意した。\n", language="ja", fixed="議長国を務めており、３月初旬に合意した。\n"),
        Example("家賃が上昇した.２０２２年以降も続いた。\n", language="ja", fixed="家賃が上昇した。２０２２年以降も続いた。\n"),
        Example("“我就站在你前面,\"一位女人说。\n", language="zh", fixed="“我就站在你前面，\"一位女人说。\n",
                note="the straight quote is L102's and P102's; the comma before it is this rule's"),
        Example("他说：“也不会是什么好的协议.”\n", language="zh", fixed="他说：“也不会是什么好的协议。”\n"),
        Example("<!-- copylint-language: ja -->\n設定を変更します.\n", path="a.md",
                fixed="<!-- copylint-language: ja -->\n設定を変更します。\n"),
    )
    allow = (
        Example('msgid ""\nmsgstr ""\n"Language: zh_TW\\n"\n\nmsgid "Stop!"\nmsgstr "停止！"\n\n'
                'msgid "move commits that begin with squash!/fixup! under -i"\nmsgstr "在 -i 互動模式下，移動以 squash!/fixup! 開頭的提交"\n',
                path="zh_TW.po", language="zh-Hant", note="a literal copied from the source as one token (git's commit-subject prefixes)"),
        Example('msgid ""\nmsgstr ""\n"Language: zh_TW\\n"\n\nmsgid "Done, thanks."\nmsgstr "完成，謝謝。"\n\n'
                'msgid "modified content, "\nmsgstr "修改的內容, "\n', path="zh_TW.po", language="zh-Hant",
                note="the separator and space that end a piece the program joins, as its source ends"),
        Example("残りのコマンドには.NET Core SDK がインストールされている必要があります。\n", language="ja",
                note="the name .NET (tldr-pages ja dotnet)"),
        Example("これはテストです。\n", language="ja"),
        Example("設定は config.json に書きます。\n", language="ja"),
        Example("ファイル名は設定.json です。\n", language="ja"),
        Example("説明は第３章、設定は設定.json、値は３．５。\n", language="ja",
                note="full-width digits beside a file name; a full-width decimal point is the writer's own mark"),
        Example("以下のように追加します:\n", language="ja"),
        Example("待って...まだです。\n", language="ja"),
        Example("我们使用 Vue，它很简单。\n", language="zh"),
        Example("版本号是 3.5.0。\n", language="zh"),
        Example("이것은 테스트입니다.\n", language="ko"),
        Example("C'est un test.\n", language="fr"),
        Example('msgid ""\nmsgstr "Language: zh_CN\\n"\n\nmsgid "day,days"\nmsgstr "天,天"\n\n'
                'msgid "Hello, world."\nmsgstr "你好，世界。"\n', path="zh_CN.po", language="zh",
                note="the source's delimiter: a program splits the string on it"),
        Example('msgid ""\nmsgstr "Language: zh_TW\\n"\n\nmsgctxt "unit-symbols"\nmsgid "au"\nmsgstr "au,天文單位"\n\n'
                'msgid "Hello, world."\nmsgstr "你好，世界。"\n', path="zh_TW.po", language="zh-Hant",
                note="the source's symbol kept, and a name added after an ASCII comma: a list a program splits"),
        Example('msgid ""\nmsgstr "Language: zh_TW\\n"\n\nmsgid "autosummary_generate: file not found: %s"\n'
                'msgstr "autosummary_generate: 檔案未找到： %s"\n', path="zh_TW.po", language="zh",
                note="a name and its mark copied from the source as the program prints them"),
        Example('msgid ""\nmsgstr "Language: zh_TW\\n"\n\nmsgid "git fetch-pack [<options>] [<repository>]"\n'
                'msgstr "git fetch-pack [<選項>] [<版本庫>]"\n\nmsgid "git fetch-pack: expected response end packet"\n'
                'msgstr "git fetch-pack: 預期要有回應結束封包"\n\nmsgid "Hello: world."\nmsgstr "你好：世界。"\n',
                path="zh_TW.po", language="zh-Hant",
                note="… a program's and its subcommand's, the program opening a synopsis of the catalogue"),
    )

    def check_document(self, doc: Document) -> Iterable[Finding]:
        full = (pack(doc.language) or {}).get("fullwidth") or {}
        prose, _ = doc.prose
        if not any(m in prose for m in full):
            return
        hits = [(seg, m) for seg in doc.segments_matching(_AFTER_CJK) for m in _AFTER_CJK.finditer(seg.text)
                if not _delimiter(seg, _mark(m), _mark_start(m) + 1) and not _copied_name(seg, _mark_start(m), doc)
                and not _symbol_list(seg, _mark(m))
                and not (seg.source_text is not None and literal_from_source(seg.text, _mark_start(m), seg.source_text))
                and not _joined_piece(seg, _mark(m), _mark_start(m))]
        if not hits:
            return
        ascii_count: dict[str, int] = {}
        for _, m in hits:
            ascii_count[_mark(m)] = ascii_count.get(_mark(m), 0) + 1
        wide_count = {mark: len(re.findall(rf"[{CJK}]{re.escape(wide)}", prose)) for mark, wide in full.items()
                      if mark not in _ALWAYS and mark in ascii_count}
        name = (pack(doc.language) or {}).get("name", doc.language)
        for seg, m in hits:
            mark = _mark(m)
            at = _mark_start(m)
            if mark not in _ALWAYS and wide_count.get(mark, 0) < ascii_count[mark]:
                continue  # the document writes it half-width as a rule
            wide = full[mark]
            following = seg.text[m.end(): m.end() + 1]
            end = m.end() if following and following not in " \n" else at + 1
            yield self.finding(seg, at, at + 1, f"ASCII '{mark}' in {name} text (use '{wide}')",
                               edits=[(at, end, wide)])


def _copied_name(seg: Segment, at: int, doc: Document) -> bool:
    """Whether the ASCII mark at ``at`` ends the Latin name both a translation and its source open with
    (`autosummary_generate: 檔案未找到` for `autosummary_generate: file not found`, `git checkout: 從索引…`):
    the prefix a program prints before its message, kept as the source writes it (L103's reading,
    ``program_prefix``: a capitalized word is a word, `OK, 知道了`)."""
    return seg.source_text is not None and program_prefix(seg.text, at, seg.source_text, doc)


# A symbol or an abbreviation: three letters at most, with the digits and signs units are written with
# (`au`, `K`, `nmi`, `km/h`, `m²`, `°C`). A word (`Warning`, `Yes`) kept before a name in the translation
# (`Warning,警告`) is prose that lost its full-width comma, not a list a program splits.
_SYMBOL = compiled_on_use(r"(?![A-Z][a-z]{2}$)[\d_/°²³.%$€£¥-]*(?:[^\W\d_][\d_/°²³.%$€£¥-]*){1,3}")
# A CJK sentence's own marks: a list of names holds none (`au,天文單位`), a sentence does (`OK,我知道了。`).
_SENTENCE_MARKS = compiled_on_use(r"[。，、；：？！.!?;:\s]")


def _symbol_list(seg: Segment, mark: str) -> bool:
    """Whether a translation is a list of names separated by ASCII commas that keeps its source's symbol
    as one of them (`au,天文單位` for `au`, gnome-calculator's `unit-symbols`): the names a program
    splits on the comma and accepts from the user, not a sentence."""
    if mark != "," or seg.source_text is None:
        return False
    source = seg.source_text.strip()
    items = seg.text.strip().split(",")
    return (_SYMBOL.fullmatch(source) is not None and len(items) >= 2 and source in items
            and not any(not item or _SENTENCE_MARKS.search(item) for item in items))


def _joined_piece(seg: Segment, mark: str, at: int) -> bool:
    """Whether a comma and one space end a piece the program joins to the next one, as its source ends
    (`new commits, `, `modified content, ` in git's status line): the source's separator, kept in ASCII
    (git's zh translators keep it so: a full-width mark cut at a byte limit shows half a character). Not a
    prompt's `? ` nor a prefix's `: ` (`錯誤: `), which end the translation's own sentence or label."""
    text = seg.text
    return (mark == "," and seg.source_text is not None and at == len(text) - 2 and text.endswith(" ")
            and seg.source_text.endswith(mark + " ") and not seg.source_text.endswith("  "))


def _delimiter(seg: Segment, mark: str, end: int) -> bool:
    """Whether a translation's mark is its source's delimiter (``day,days`` → ``天,天``): a catalogue
    string a program splits on that mark, which the translation must keep as it is."""
    return (seg.source_text is not None and not seg.text[end : end + 1].isspace()
            and re.search(rf"[^\s{re.escape(mark)}]{re.escape(mark)}[^\s{re.escape(mark)}]", seg.source_text) is not None)
