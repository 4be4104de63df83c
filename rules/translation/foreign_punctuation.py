"""T103 foreign-punctuation: full-width CJK punctuation, guillemets or German quotes in English text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.language import CJK_LETTERS
from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

# Full-width marks and their English form; the English form carries its own spacing where the CJK one
# carries none.
# The enumeration comma 、 lists items as a comma does. The lenticular 【】 and title 《》 brackets are
# reported only: English marks a heading or a title by other means (bold, italics, quotes).
_FULL_WIDTH = {"，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")", "、": ","}
_MARKS = compiled_on_use("[，。：；！？（）«»„【】《》、]")
_CJK = compiled_on_use(f"[{CJK_LETTERS}]")
_TRAILING = {",", ".", ":", ";", "!", "?", ")"}


class ForeignPunctuation(Rule):
    code = "T103"
    slug = "foreign-punctuation"
    summary = "Punctuation of another language in English text"
    rationale = """
**What it does.** Flags full-width CJK punctuation (`，。：；！？（）`, the enumeration comma `、`, the
lenticular `【】` and title `《》` brackets), guillemets (`« »`) and German
low quotes (`„`) in English prose.

**Why is this bad?** MT engines carry the source language's punctuation into the target, and
translators' tools keep it when a segment is copied untranslated. In English it renders too wide,
breaks line wrapping, and is not what readers or search engines expect.

Not flagged: a segment written mostly in a CJK script (a quotation in the original language).
"""
    severity = Severity.WARNING
    fix = Applicability.SAFE
    fix_note = (
        "Only the unambiguous full-width marks are replaced: by the ASCII mark, followed by a space where a "
        "word follows. Guillemets and German quotes are reported only (which English quote they stand for "
        "depends on the house style)."
    )
    languages = frozenset({"en"})
    trigger = "[，。：；！？（）«»„【】《》、]"
    flag = (
        Example("The minister said the war was over »"),
        Example("The talks ended，and the delegates left.", "The talks ended, and the delegates left."),
        Example("What happened next？", "What happened next?"),
        Example("The city（Belgorod）was hit.", "The city (Belgorod) was hit."),
        Example("He said «enough» and left."),
        Example("She wrote „never again“ in her diary."),
        Example("The meeting ended。", "The meeting ended."),
        Example("Two points：first，second.", "Two points: first, second."),
        Example("Stop！ He shouted.", "Stop! He shouted."),
        Example("【Breaking】 The bridge reopened on Monday."),
        Example("The novel 《Red Sorghum》 was filmed in 1987."),
        Example("They grew apples、pears and plums.", "They grew apples, pears and plums."),
    )
    allow = (
        Example("The talks ended, and the delegates left."),
        Example("The sign read 北京欢迎你。"),
        Example("In Chinese: 你好，世界！"),
        Example("What happened next?"),
        Example("The city (Belgorod) was hit."),
        Example("Le président a dit « non ».", path="a.txt", note="not English: language option"),
        Example("A plain sentence, with commas; and colons: fine."),
        Example("The ratio is 3:2."),
        Example("The title was 《红高粱》 in the original.", note="a title quoted in its own script"),
        Example("Discover more »", note="an arrow ending a label (AntennaPod's strings)"),
        Example("« Back to the list"),
    )

    def applies_to(self, language: str) -> bool:
        return super().applies_to(language)

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        text = seg.text
        cjk = len(_CJK.findall(text))
        if cjk * 3 > len(text.replace(" ", "")) or (cjk and _latin_share(text) < 0.5):
            return
        if "«" in text and re.search(r"[àâçéèêëîïôûùüÿœ]", text):
            return  # French text (a quotation in the source language)
        for m in _MARKS.finditer(text):
            i = m.start()
            ch = m.group()
            if cjk and _CJK.search(text[max(0, i - 2) : i + 2]):
                continue  # inside a CJK quotation
            english = _FULL_WIDTH.get(ch)
            if ch in "«»" and _ARROW.match(text, i) and _GUILLEMET_PARTNER[ch] not in text and _LABEL.fullmatch(
                    text.replace(ch, "").strip()):
                continue  # `Discover more »`: an arrow a short label ends or starts with, no quotation
            if english is None:
                yield self.finding(seg, i, i + 1, f"'{ch}' is not English punctuation", applicability=None)
                continue
            after = text[i + 1] if i + 1 < len(text) else ""
            before = text[i - 1] if i > 0 else ""
            replacement = english
            if english in _TRAILING and after and not after.isspace() and after not in ".,;:!?)\"”’":
                replacement += " "
            if english == "(" and before and not before.isspace():
                replacement = " " + replacement
            yield self.finding(seg, i, i + 1, f"Full-width '{ch}' in English text: use '{english}'", replacement)


# A guillemet standing alone at a label's end or start, spaced from its words (`All podcasts »`,
# `« Back`): a sign pointing on, not a quotation mark.
_ARROW = compiled_on_use(r"(?:^|(?<=\s))[«»](?=\s*$)|^[«»](?=\s)", re.M)
_GUILLEMET_PARTNER = {"«": "»", "»": "«"}
# A label: four words at most, no sentence's end mark (`All podcasts`, `Back to the list`).
_LABEL = compiled_on_use(r"[^\s.!?]+(?: [^\s.!?]+){0,3}")


def _latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if c < "\u0250") / len(letters)
