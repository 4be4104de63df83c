"""T107's loops in text without spaces between words (rules/translation/_unspaced_loops.py): the spans
reported, read from the loop's first copy whatever a repetition passed over before it."""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from types import FrameType

from lint.rules.translation._unspaced_loops import unspaced_loops

import lint
from lint.model import Document, Segment, Source


def test_the_span_runs_from_the_second_copy_to_the_end_of_the_last() -> None:
    text = "它卖的是中国银行的金融产品，的金融产品，的金融产品，以及其他服务。"
    assert unspaced_loops(text) == [(14, 25, "的金融产品", 3)]
    assert text[14:25] == "的金融产品，的金融产品"


def test_a_repetition_passed_over_is_not_read_again_from_its_second_character() -> None:
    # `百老汇` four times before a full stop is passed over (glued, fewer than five, nothing after it):
    # read from its second character it was `老汇百` three times before a letter, flagged there.
    assert unspaced_loops("2020年是百老汇首演百老汇百老汇百老汇百老汇。") == []
    assert unspaced_loops("2020年是百老汇首演百老汇百老汇百老汇百老汇百老汇。") == [(14, 26, "百老汇", 5)]


def test_a_loop_the_words_found_is_reported_once() -> None:
    # Copies parted by spaces are words to the rule's first reading, which reports them already.
    text = "报告说，中国银行的金融产品 中国银行的金融产品 中国银行的金融产品 中国银行的金融产品 都很好。\n"
    found = lint.check_text(text, path="a.txt", select=["T107"])
    assert len(found) == 1


def test_a_search_reads_five_copies_at_most_and_the_loop_is_counted_to_its_end() -> None:
    # Each search is tried again from every character of a repetition passed over (`哈` or `加油` said
    # thousands of times): read to the run's end each time, it cost time in the square of its length.
    from lint.rules.translation._unspaced_loops import _LOOP

    m = _LOOP.search("加油" * 5000)
    assert m is not None and m.end() - m.start() == 5 * 2
    text = "2020年是百老汇首演" + "百老汇" * 25 + "。"
    assert unspaced_loops(text) == [(14, 14 + 24 * 3, "百老汇", 25)]
    assert unspaced_loops("哈" * 5000 + "加油" * 5000) == []


def _unspaced_doc(texts: list[str]) -> Document:
    segments = [Segment(t, "paragraph", ((0, 0),), i) for i, t in enumerate(texts)]
    return Document(Source(path="a.txt", text="\n".join(texts)), "text", segments)


def _calls_into(names: set[str], run: Callable[[], object]) -> int:
    """How many times ``run`` calls a Python function named in ``names`` (of the gate's module or
    ``lint.words``): work counted, not timed."""
    calls = 0

    def count(frame: FrameType, event: str, arg: object) -> None:
        nonlocal calls
        code = frame.f_code
        if event == "call" and code.co_name in names and code.co_filename.endswith(("_unspaced_loops.py", "words.py")):
            calls += 1

    sys.setprofile(count)
    try:
        run()
    finally:
        sys.setprofile(None)
    return calls


def test_the_gate_reads_no_character_of_text_that_says_none_again_within_a_period() -> None:
    # The exact reading (characters compared with those a period on, at every period: ``Keys`` did it for
    # 41 periods over every character) is entered only around two sampled characters equal to those a
    # period on: never in text that says no character again within 42 of it.
    from lint.rules.translation import _unspaced_loops as unspaced

    exact = {"_run_around", "runs", "_difference"}
    plain = "".join(chr(0x4E00 + i) for i in range(200)) * 20  # 4,000 Han, each said again 200 on
    doc = _unspaced_doc([plain[:1500], plain[1500:]])
    assert _calls_into(exact, lambda: unspaced.segments_with_unspaced_loops(doc)) == 0
    assert unspaced.segments_with_unspaced_loops(doc) == set()
    # In C it compares some four keys a character, where one per period was 41.
    assert len(unspaced.sampled_pairs(plain)[0]) < 4 * len(plain)
    looping = _unspaced_doc([plain[:1500], plain[1500:2000] + "的金融产品，" * 3 + plain[2000:]])
    assert _calls_into(exact, lambda: unspaced.segments_with_unspaced_loops(looping)) >= 1
    assert unspaced.segments_with_unspaced_loops(looping) == {1}


def _runs_by_hand(text: str) -> list[tuple[int, int]]:
    from lint.rules.translation._unspaced_loops import PERIODS

    found = []
    for period, length, _ in PERIODS:
        same = [text[k] == text[k + period] for k in range(len(text) - period)] + [False]
        start = 0
        for k, equal in enumerate(same):
            if not equal:
                if k - start >= length:
                    found.append((start, k))
                start = k + 1
    return found


def test_periodic_runs_are_the_maximal_runs_a_plain_reading_finds() -> None:
    # Keys are characters' low bytes: `一` U+4E00, `伀` U+4F00, `Ā` U+0100 and NUL share one, and are
    # told apart when the characters are read; a run that starts or ends the text, or runs to its end.
    from lint.rules.translation._unspaced_loops import periodic_runs

    rng = random.Random(1072)
    pieces = ["奶油", "的", "金融", "产品", "少数の", "サービス", "哈", "x", " ", "，", "。", "\n", "\ufffc", "\0",
              "\u4e00", "\u4f00", "\u0100", "𝄞", "\ud800"]
    found = 0
    for _ in range(700):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        if rng.random() < 0.5:
            unit = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
            at = rng.randint(0, len(text))
            text = text[:at] + unit * rng.randint(2, 6) + text[at:]
        runs = list(periodic_runs(text))
        assert runs == _runs_by_hand(text), text
        found += bool(runs)
    assert found > 250
