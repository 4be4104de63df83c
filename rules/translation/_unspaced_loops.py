"""Phrase loops in text written without spaces between its words (Chinese, Japanese), for T107
repeated-phrase: `的金融产品，的金融产品，的金融产品`, `少数の少数の少数の無神経な`. Its words are read
between spaces and marks, and a run of Han or kana is one word to them.

A loop here is a unit of characters said three times or more in a row, the copies glued or parted by the
same mark each time (`，`, `、`, `。`, a space: what MT puts between them). Chinese and Japanese repeat
characters and words on purpose, so a unit is flagged only in the shapes MT loops take on real output
(WMT21 en-zh and en-ja; bench/cjk_loops.py):

- it holds a Han character (Han 漢字, 々); a unit of kana alone only where it mixes hiragana and katakana
  in five letters or more (`このサービスは`): kana alone say sounds, cries and greetings (`ドキドキドキ`,
  `はいはいはい`, `ありがとう、ありがとう、ありがとう`), Hangul alone is Korean, which writes spaces
  (the words' reading finds its loops);
- it is not itself a repetition (`哈哈` in `哈哈哈哈哈哈`, `看看` in `看看看看`: reduplication), nor a
  count said again and again (`一次`, `一遍`, `何度も`: `何度も何度も何度も`);
- copies parted by marks hold five letters or more (two words or more): shorter ones are said so
  (`对不起，对不起，对不起`, `谢谢大家，谢谢大家，谢谢大家`); and the first follows a letter (the loop broke
  off a clause), or there are five or more: a clause said three or four times from its start is emphasis,
  a chant or a refrain (`记得保存文件，记得保存文件，记得保存文件。`, `がんばれ日本、がんばれ日本、がんばれ日本！`);
- glued copies go on into a letter (`奶油奶油奶油蛋糕`: the loop sits inside the clause; a chant or a cry
  ends it, `加油加油加油！`), or are five or more of three characters or more; a unit of two characters also has a letter before it and is no sound or chant
  (`滴答滴答滴答地`, `加油加油加油的`);
- none starts right after an opening quote, bracket or colon (`「お願いします、お願いします、お願いします」`:
  speech quoted), or a verb of saying (`他说走吧走吧走吧就走了`, `他喊着快跑快跑快跑`), nor ends before
  Japanese quoting `と` or `って` (`痛い痛い痛いと叫んだ`, `頑張れ頑張れ頑張れと応援した`): speech quoted
  without marks.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate

from lint.language import HAN, HAN_COMPATIBILITY, HANGUL
from lint.model import Document
from lint.patterns import compiled_on_use
from lint.scan import non_ascii

_HAN = "\u3005" + HAN + HAN_COMPATIBILITY  # with the iteration mark 々
# Kana letters alone: not the voicing and iteration marks (゛, ゝ), the middle dot nor the prolonged sound mark
_HIRAGANA = "\u3041-\u3096"
_KATAKANA = "\u30a1-\u30fa"
_HANGUL = HANGUL
_LETTER = compiled_on_use(f"[{_HAN}{_HIRAGANA}{_KATAKANA}{_HANGUL}]")
_HAN_CHAR = compiled_on_use(f"[{_HAN}]")
_HIRAGANA_CHAR = compiled_on_use(f"[{_HIRAGANA}]")
_KATAKANA_CHAR = compiled_on_use(f"[{_KATAKANA}]")
UNIT = 40  # characters in a looping unit: a clause of some 20 Han, or more kana
# A unit from a letter on (a loop read from its first copy's start), up to UNIT characters of one line,
# none a table's cell wall, a tab or inline code (a placeholder stands for different code each time); the
# copies glued, or parted by the same mark or space each time. It reads three copies to five (``_MANY``):
# ``unspaced_loops`` counts the rest, once a loop (read to its end at every character of a long one, as
# `(?:\2\1)+` would, a run of `哈` or `加油` cost time in the square of its length).
_LOOP = compiled_on_use(
    f"([{_HAN}{_HIRAGANA}{_KATAKANA}{_HANGUL}][^\\n\\t|\ufffc]{{1,{UNIT - 1}}}?)"
    r"((?:[、，。,;；]\s?|\s)?)\1(?:\2\1){1,3}")
_SEPARATOR_LONGEST = 2  # a mark and a space
# Sound words and chants written in Han, two characters each: `滴答滴答滴答`, `加油加油加油`.
_SOUNDS = frozenset("哈嘿呵嘻哇呜啊哦喔嗯嘟嘀嗒滴答叮咚当哗啦咕噜扑通砰啪嗡呼噗嘭咔嚓轰隆唰沙吱呀咯嘎咩喵汪呱叽喳哟呦嗨咿唷嘞")
_CHANTS = frozenset({"加油", "万岁", "萬歲", "快点", "快點", "不要", "好的", "是的", "对的", "對的"})
_COUNTS = ("一", "何")  # `一次`, `一遍`, `一个`, `何度も`, `何回も`: counts said again and again
_MANY = 5  # (three copies and two more in _LOOP) glued copies of a unit of three characters or more: a loop wherever it ends (no chant says
# `百老汇` 26 times)
_OPENERS = "「『“‘\"'（(《〈【：:"
_SAYING = frozenset("说說讲講喊叫嚷念叨问問骂罵唱吼")  # verbs of saying, with what they said after them
_SAID = frozenset("着著道了")  # `喊着`, `喊道`, `说了`
_QUOTING = ("と", "って")  # Japanese particles that end words quoted


def _periodic(unit: str) -> bool:
    """A unit that is itself a shorter one repeated (`哈哈`, `どんどん`)."""
    return (unit + unit).find(unit, 1) < len(unit)


def _is_letter(char: str) -> bool:
    return bool(char) and _LETTER.match(char) is not None


def _speech(text: str, start: int, end: int) -> bool:
    """Words said again and again, quoted without marks: after a verb of saying (`他说走吧走吧走吧就走了`,
    `他喊着快跑快跑快跑`), or before Japanese quoting `と` or `って` (`痛い痛い痛いと叫んだ`)."""
    before = text[max(0, start - 2):start]
    return (before[-1:] in _SAYING or (len(before) == 2 and before[1] in _SAID and before[0] in _SAYING)
            or text.startswith(_QUOTING, end))


def _kept(text: str, start: int, end: int, unit: str, separator: str) -> bool:
    """A loop as MT writes it, not a repetition the language makes (the module docstring)."""
    letters = len(_LETTER.findall(unit))
    if letters < 2 or _periodic(unit) or unit.startswith(_COUNTS):
        return False
    if not _HAN_CHAR.search(unit) and (
            letters < 5 or not _HIRAGANA_CHAR.search(unit) or not _KATAKANA_CHAR.search(unit)):
        return False
    if (start and text[start - 1] in _OPENERS) or _speech(text, start, end):
        return False
    if separator:
        # Said again from a clause's start, a sentence or a call three or four times is meant (emphasis,
        # `记得保存文件，记得保存文件，记得保存文件。`, a chant, `がんばれ日本、がんばれ日本、がんばれ日本！`, a
        # refrain); an MT loop breaks off a clause inside (`银行的金融产品，的金融产品`) or runs on.
        copies = (end - start + len(separator)) // (len(unit) + len(separator))
        return letters >= 5 and (_is_letter(text[start - 1:start]) or copies >= _MANY)
    if not _is_letter(text[end:end + 1]) and (len(unit) < 3 or end - start < _MANY * len(unit)):
        return False
    if len(unit) == 2:
        return _is_letter(text[start - 1:start]) and not set(unit) <= _SOUNDS and unit not in _CHANTS
    return True


def _end(text: str, end: int, copy: str) -> int:
    """The end of the copies ``copy`` (a mark, then the unit) that follow one another from ``end``."""
    while text.startswith(copy, end):
        end += len(copy)
    return end


def unspaced_loops(text: str) -> list[tuple[int, int, str, int]]:
    """The loops of ``text``: (start of the second copy, end of the last, unit, copies)."""
    found: list[tuple[int, int, str, int]] = []
    at = 0
    passed = (0, 0)  # the end and period of the last repetition passed over
    while (m := _LOOP.search(text, at)) is not None:
        unit, separator = m.group(1), m.group(2)
        period = len(unit) + len(separator)
        # A match inside a repetition passed over, with its period, is the same read from another
        # character (`老汇百` in `首演百老汇百老汇百老汇。`): passed over too.
        if m.start() < passed[0] and period == passed[1]:
            at = m.start() + 1
            continue
        end = _end(text, m.end(), separator + unit)
        if not _kept(text, m.start(), end, unit, separator):
            if m.start() >= passed[0]:
                passed = (end, period)
            at = m.start() + 1  # (another loop may start inside it: `哈哈哈` then a real one)
            continue
        found.append((m.start() + period, end, unit, (end - m.start() + len(separator)) // period))
        at = end
    return found


def segments_with_unspaced_loops(doc: Document) -> set[int]:
    """The segments that may hold a loop ``unspaced_loops`` finds: those with a run of characters equal
    to the ones a period on (two copies and more of a third: ``periodic_runs``), read over the segments
    that hold a Han, kana or Hangul character at once. Prose without one costs a look at its characters
    outside ASCII (``lint.scan.non_ascii``: kept for the prose, which other readers ask too), ASCII prose
    less."""
    prose = doc.prose[0]
    if prose.isascii() or not _LETTER.search(non_ascii(prose)):
        return set()
    segments = doc.segments
    # (A segment's own text is searched, not its characters outside ASCII: in Chinese or Japanese the
    # first letter comes at once, and asking ``non_ascii`` of every segment pushes the prose's answer,
    # which other rules share, out of what it keeps.)
    chosen = [i for i, seg in enumerate(segments) if not seg.text.isascii() and _LETTER.search(seg.text)]
    texts = [segments[i].text for i in chosen]
    starts = list(accumulate(map((1).__add__, map(len, texts[:-1])), initial=0))
    found: set[int] = set()
    for start, end in periodic_runs("\n".join(texts)):
        found.update(chosen[k] for k in range(bisect_right(starts, start) - 1, bisect_right(starts, end)))
    return found


def _run_length(period: int) -> int:
    """The characters equal to those ``period`` on in three copies of a unit parted by a mark: two copies
    and the mark between them (2 * period - the mark's length), a unit holding two characters or more."""
    return 2 * period - min(_SEPARATOR_LONGEST, period - 2)


# (period, run length, step) for every period of a unit and its mark: a run that long holds two characters
# ``step`` apart of those the gate samples, whatever it starts at (the step is half the run).
PERIODS = tuple((period, _run_length(period), _run_length(period) // 2)
                for period in range(2, UNIT + _SEPARATOR_LONGEST + 1))
_CHUNK = 32  # characters compared at once when reading a run to its ends


def sampled_pairs(text: str) -> tuple[bytes, list[tuple[int, int, int]], list[int]]:
    """Whether each character sampled equals the one a period on, for every period at once, in C: the
    difference (0 where equal) of two byte strings, the keys of the sampled characters and of those a
    period on, one part per period (``parts``, starting at ``offsets``, a non-zero difference between two).
    A key is the low byte of a character: equal characters have equal keys, and a pair found equal is then
    read as characters (``periodic_runs``). Each period samples one character in ``step``: all periods
    together compare some four keys a character, not forty-one (a period each)."""
    n = len(text)
    keys = text.encode("ascii") if text.isascii() else text.encode("utf-32-le", "surrogatepass")[::4]
    parts = [part for part in PERIODS if n - part[0] >= part[1]]
    near = b"\1".join([keys[0:n - period:step] for period, _, step in parts])
    far = b"\2".join([keys[period::step] for period, _, step in parts])
    difference = (int.from_bytes(near, "little") ^ int.from_bytes(far, "little")).to_bytes(len(near), "little")
    offsets = list(accumulate([(n - period + step - 1) // step + 1 for period, _, step in parts], initial=0))
    return difference, parts, offsets


def periodic_runs(text: str) -> Iterator[tuple[int, int]]:
    """The maximal runs ``[start, end)`` of characters each equal to the one a period on, as long as three
    copies of a unit make them (``PERIODS``), period after period. A run that long holds two sampled
    characters in a row that equal those a period on (``sampled_pairs``): only around such a pair are the
    characters read (``_run_around``), and text without one is read in C alone."""
    difference, parts, offsets = sampled_pairs(text)
    find = difference.find
    at = find(b"\0\0")
    while at >= 0:
        part = bisect_right(offsets, at) - 1
        period, length, step = parts[part]
        k = (at - offsets[part]) * step
        if text[k] != text[k + period]:  # keys alike, characters not
            at = find(b"\0\0", at + 1)
            continue
        start, end = _run_around(text, k, period)
        if end - start >= length:
            yield start, end
        # The next run starts past this one's end, and holds a pair of sampled characters from there.
        at = find(b"\0\0", max(at + 1, offsets[part] + end // step + 1))


def _run_around(text: str, at: int, period: int) -> tuple[int, int]:
    """The maximal run ``[start, end)`` of characters equal to those ``period`` on that holds ``at``."""
    start = at
    while start > 0:
        before = max(start - _CHUNK, 0)
        if text[before:start] != text[before + period:start + period]:
            while text[start - 1] == text[start - 1 + period]:
                start -= 1
            break
        start = before
    end, last = at + 1, len(text) - period
    while end < last:
        after = min(end + _CHUNK, last)
        if text[end:after] != text[end + period:after + period]:
            while text[end] == text[end + period]:
                end += 1
            break
        end = after
    return start, end
