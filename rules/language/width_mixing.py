"""L106 width-mixing: full-width letters and digits among half-width ones, or half-width katakana."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from lint.model import Applicability, Document, Finding, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

from ._packs import languages_with

_FULL_ALNUM = compiled_on_use(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
_FULL_LETTERS = compiled_on_use(r"[\uff21-\uff3a\uff41-\uff5a]+")
_FULL_DIGITS = compiled_on_use(r"[\uff10-\uff19]+")
_HALF_LETTERS = compiled_on_use(r"[A-Za-z]+")
_HALF_DIGITS = compiled_on_use(r"[0-9]+")
_HALF_KANA = compiled_on_use(r"[\uff66-\uff9f]+")
# A number of one digit standing alone (not part of 2.0, 1,000 or a name like A4).
_ALNUM_AROUND = r"0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a.,\uff0e\uff0c"
# What may not touch a full-width run holding a one-digit number (`５G`, `1,０`).
_AROUND_RUN = compiled_on_use(r"[0-9A-Za-z.,\uff0e\uff0c]")
_FULL_SINGLE = compiled_on_use(rf"(?<![{_ALNUM_AROUND}])[\uff10-\uff19](?![{_ALNUM_AROUND}])")
_HALF_SINGLE = compiled_on_use(rf"(?<![{_ALNUM_AROUND}])[0-9](?![{_ALNUM_AROUND}])")


class WidthMixing(Rule):
    code = "L106"
    slug = "width-mixing"
    summary = "Full-width letters or digits among half-width ones, or half-width katakana"
    rationale = """
**What it does.** In Japanese, Chinese and Korean text, flags full-width Latin letters and digits
(`Ｖｕｅ`, `２０２４`) in a document that writes them half-width more often, and half-width katakana
(`ｶﾀｶﾅ`) anywhere.

**Why is this bad?** A document sets alphanumerics one way: W3C jlreq §3.2.1 and JIS X 4051 (ja), clreq
§3.2 (zh) and klreq §3.2 (ko) set them half-width among CJK text; a stray full-width `Ｖｕｅ` cannot be
found by search and breaks links and code names. Half-width katakana is a legacy of old encodings, not
a typographic form.

Not flagged: full-width alphanumerics in a document that uses them throughout (a house style for
numbers in vertical text); a one-digit number set full-width in a document that sets most of its one-digit
numbers so (the Japanese press style, Kyodo News 記者ハンドブック: one digit full-width, two or more
half-width: `第１章`, `２人`, `2024年`); full-width letters in a document with no more half-width letters
(letters and digits are weighed apart: `６インチｘ６インチ` in a text without Latin words); full-width
punctuation, and other languages.
"""
    severity = Severity.WARNING
    fix = Applicability.UNSAFE
    fix_note = "Replaces the run with its compatibility form (NFKC); unsafe: a house style may want full-width."
    scope = "document"
    languages = languages_with("width-source")
    flag = (
        Example("Ｖｕｅ は JavaScript のフレームワークです。\n", language="ja",
                fixed="Vue は JavaScript のフレームワークです。\n"),
        Example("バージョン ３ と Vue 2 の違い。\n", language="ja", fixed="バージョン 3 と Vue 2 の違い。\n"),
        Example("ｶﾀｶﾅで書かれています。\n", language="ja", fixed="カタカナで書かれています。\n"),
        Example("我们在２０２４年发布了 Vue 3.5。\n", language="zh", fixed="我们在2024年发布了 Vue 3.5。\n"),
        Example("使用 ＡＰＩ 和 SDK。\n", language="zh", fixed="使用 API 和 SDK。\n"),
        Example("ＨＴＭＬ 파일과 CSS 파일.\n", language="ko", fixed="HTML 파일과 CSS 파일.\n"),
        Example("設定は ｺﾝﾌｨｸﾞ に書きます。\n", language="ja", fixed="設定は コンフィグ に書きます。\n"),
        Example("請使用 ＪＳＯＮ 或 YAML 格式。\n", language="zh-Hant", fixed="請使用 JSON 或 YAML 格式。\n"),
        Example("５Gネットワークと4Gネットワークの違い。\n", language="ja", fixed="5Gネットワークと4Gネットワークの違い。\n",
                note="a one-digit number touching a half-width letter is part of a name, not the press style"),
    )
    allow = (
        Example("Vue は JavaScript のフレームワークです。\n", language="ja"),
        Example("第１章と第２章を読んでください。\n", language="ja"),
        Example("カタカナで書かれています。\n", language="ja"),
        Example("我们在2024年发布了 Vue 3.5。\n", language="zh"),
        Example("全角の句読点、「」、（）は正しい。\n", language="ja"),
        Example("HTML 파일과 CSS 파일.\n", language="ko"),
        Example("Ｖｕｅ est un cadriciel.\n", language="fr"),
        Example("使用 API 和 SDK。\n", language="zh"),
        Example("火災は４日間続き、21,000エーカーを焼き、２人が入院した。\n", language="ja"),
        Example("彼女は４月に着任し、５月１日に最初の会見を開いた。25 人が出席した。\n", language="ja"),
        Example("６インチｘ６インチのキャンバスと２本の筆。画用紙は100枚、500枚、12枚。\n", language="ja",
                note="no half-width letter to hold the times sign ｘ to; its ６ is a one-digit number in the press style"),
    )

    def check_document(self, doc: Document) -> Iterable[Finding]:
        prose, _ = doc.prose
        kana = list(doc.segments_matching(_HALF_KANA))
        wide = list(doc.segments_matching(_FULL_ALNUM))
        if not kana and not wide:
            return
        if wide:
            # Letters and digits are two habits: a text may have no half-width letter at all and set
            # `６インチｘ６インチ` full-width throughout, its `ｘ` a times sign, while its years are half-width.
            letters_half = len(_HALF_LETTERS.findall(prose)) >= len(_FULL_LETTERS.findall(prose))
            digits_half = len(_HALF_DIGITS.findall(prose)) >= len(_FULL_DIGITS.findall(prose))
            press_style = len(_FULL_SINGLE.findall(prose)) > len(_HALF_SINGLE.findall(prose))
            for seg in wide:
                for m in _FULL_ALNUM.finditer(seg.text):
                    if press_style and _FULL_SINGLE.match(seg.text, m.start()):
                        continue
                    wrong_letters = letters_half and _FULL_LETTERS.search(m.group()) is not None
                    wrong_digits = (digits_half and _FULL_DIGITS.search(m.group()) is not None
                                    and not (press_style and _lone_digit_among_full_width(seg.text, m)))
                    if not (wrong_letters or wrong_digits):
                        continue
                    yield self.finding(seg, m.start(), m.end(),
                                       f"Full-width '{m.group()}' among half-width letters and digits",
                                       unicodedata.normalize("NFKC", m.group()))
        for seg in kana:
            for m in _HALF_KANA.finditer(seg.text):
                yield self.finding(seg, m.start(), m.end(), f"Half-width katakana '{m.group()}'",
                                   unicodedata.normalize("NFKC", m.group()))


def _lone_digit_among_full_width(text: str, m: re.Match[str]) -> bool:
    """Whether a full-width run holds one digit, with no digit, half-width letter or decimal mark
    touching the run (`ｘ６` in `６インチｘ６インチ`): a one-digit number as the press style sets it."""
    digits = _FULL_DIGITS.findall(m.group())
    return (len(digits) == 1 and len(digits[0]) == 1
            and not _AROUND_RUN.match(text[max(m.start() - 1, 0) : m.start()])
            and not _AROUND_RUN.match(text[m.end() : m.end() + 1]))
