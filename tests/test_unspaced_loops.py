"""T107's loops in text without spaces between words (rules/translation/_unspaced_loops.py): the spans
reported, read from the loop's first copy whatever a repetition passed over before it."""

from __future__ import annotations

from lint.rules.translation._unspaced_loops import unspaced_loops

import lint


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
