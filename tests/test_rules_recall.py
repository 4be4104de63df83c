"""Recall on defects the first rules missed (issue 15): repeats outside the first paragraph, foreign-script
runs at a paragraph's edges, CJK brackets and the enumeration comma."""

from __future__ import annotations

import pytest

import lint


def codes(text: str, select: list[str], path: str = "a.txt") -> list[tuple[str, str]]:
    return [(f.code, text[f.start:f.end]) for f in lint.check_text(text, path=path, select=select)]


# -- S108: a repeated sentence in any paragraph, not only the first -----------------------------------


def test_s108_finds_a_repeated_sentence_after_the_first_paragraph() -> None:
    text = ("The first paragraph is a plain one.\n\n"
            "Officials said 74 people were on board. Officials said 74 people were on board. No one survived.\n")
    assert codes(text, ["S108"]) == [("S108", "Officials said 74 people were on board.")]
    assert lint.fix_text(text, path="a.txt", select=["S108"]) == (
        "The first paragraph is a plain one.\n\nOfficials said 74 people were on board. No one survived.\n")


def test_s108_finds_a_repeat_in_the_third_paragraph_of_markdown() -> None:
    text = ("# Title\n\nIntro text here.\n\nSecond paragraph.\n\n"
            "Prices rose sharply in March, analysts said. Prices rose sharply in March, analysts said.\n")
    assert [c for c, _ in codes(text, ["S108"], path="a.md")] == ["S108"]


# -- T105: a run at the very start or end of a paragraph ----------------------------------------------


def test_t105_finds_a_run_at_the_end_of_a_paragraph() -> None:
    text = "Investors bought the apparel stock - 经济观察网 - 专业财经新闻网站\n"
    assert [c for c, _ in codes(text, ["T105"])] == ["T105"]


def test_t105_finds_a_run_at_the_start_of_a_paragraph() -> None:
    text = "华声在线 The provincial government opened the new bridge on Monday.\n"
    assert codes(text, ["T105"]) == [("T105", "华声在线")]


def test_t105_still_allows_a_bracketed_gloss() -> None:
    assert codes("The capital, Beijing (北京), hosted the talks.\n", ["T105"]) == []


# -- T103: CJK brackets and the enumeration comma ----------------------------------------------------


def test_t103_flags_cjk_lenticular_and_title_brackets_and_the_enumeration_comma() -> None:
    text = "The report 【Breaking】 cited the book 《Red Sorghum》 and apples、pears and plums.\n"
    assert [s for _, s in codes(text, ["T103"])] == ["【", "】", "《", "》", "、"]


# -- P101: a quotation over several paragraphs ----------------------------------------------------------


def test_p101_pairs_a_quotation_across_a_paragraph_without_marks() -> None:
    text = ("He said: “We are changing the rules for everyone.\n\n"
            "The second paragraph of his statement runs on.\n\n"
            "And the third one ends it,” the minister said.\n")
    assert codes(text, ["P101"]) == []


def test_p101_still_flags_a_quotation_never_closed() -> None:
    text = "He said: “We are changing the rules for everyone.\n\nThe session closed.\n\nNothing else happened.\n"
    assert [c for c, _ in codes(text, ["P101"])] == ["P101"]


# -- P103: a long one-sentence paragraph cut short (option running-words) -------------------------------


def test_p103_running_words_flags_a_long_sentence_cut_short_before_the_next_paragraph() -> None:
    from lint.config import Config

    text = ("Shares of the company fell.\n\n"
            "The company declined to comment on the report on its plans for the offices in the city, said a "
            "spokesperson when contacted on Monday\n\nShares fell 3 percent.\n")
    assert codes(text, ["P103"]) == []  # off by default: one-sentence paragraphs are most often captions
    on = Config(rule_options={"P103": {"running-words": 20}})
    found = [f for f in lint.check_text(text, path="a.txt", select=["P103"], config=on)]
    assert [text[f.start - 6:f.start] for f in found] == ["Monday"]


# -- T107: a word looped between commas in a sentence that loops again ---------------------------------


def test_t107_flags_a_comma_triple_in_a_sentence_that_doubles_another_word() -> None:
    text = ("Projects must be not only good at momentum, momentum, momentum, but also good at understanding "
            "change, change, strain.\n")
    assert codes(text, ["T107"]) == [("T107", "momentum, momentum")]


def test_t107_still_allows_a_comma_triple_as_rhetoric() -> None:
    for text in ("It's all about location, location, location, and the schools are good too.\n",
                 "It came down to money, money, money, and power, power, power, the senator said.\n",
                 "It is much, much more than location, location, location, and the schools.\n"):
        assert codes(text, ["T107"]) == [], text


# English doubles words of its own (`that that`, `there, there`, `blah blah`, `chop chop`), and speech says a
# word twice (`kept saying sorry, sorry`): beside a figure of three, neither is a system's second loop.
_SAID_TWICE = (
    "It takes practice, practice, practice, and he said that that was the only way.\n",
    "They talked about money, money, money, and then blah blah about taxes.\n",
    "It was all about sales, sales, sales, and the boss kept saying yada yada.\n",
    "He was told to hurry, hurry, hurry, and the boss said chop chop.\n",
    "The crowd chanted score, score, score while the drums went boom boom.\n",
    "It is about education, education, education, and then there there was nothing.\n",
    "He kept yelling faster, faster, faster, and she kept saying sorry, sorry.\n",
    "It takes practice, practice, practice, and then there, there, it is done.\n",
    "The crowd chanted score, score, score, and the band played louder, louder.\n",
    "Mother said hurry, hurry, hurry, and father said later, later.\n",
)


@pytest.mark.parametrize("text", _SAID_TWICE)
def test_t107_leaves_a_comma_triple_beside_a_doubling_english_makes_or_a_word_said_twice(text) -> None:
    assert codes(text, ["T107"]) == [], text


# -- T107: `X and X` right after a subject pronoun is a verb said again ---------------------------------


def test_t107_leaves_a_verb_doubled_right_after_its_subject_pronoun() -> None:
    for text in ("You build and build, but the treehouses keep falling down.\n",
                 "They talked and talked, and nothing changed.\n",
                 "She waited and waited.\n"):
        assert codes(text, ["T107"]) == [], text


def test_t107_still_flags_a_noun_doubled_after_a_possessive_or_a_verb_near_a_pronoun() -> None:
    # The closest defects: the pronoun is not right before the doubling (a verb or a possessive stands
    # between), so the doubled word is a noun MT said twice; or the pronoun opens a speech tag, which
    # says its verb once.
    for text, doubled in (("They thanked the ministry for our support and support.\n", "support and support"),
                          ("We offered guidance and guidance.\n", "guidance and guidance"),
                          ("He spoke of their cooperation and cooperation.\n", "cooperation and cooperation"),
                          ('"We are ready," he added and added.\n', "added and added"),
                          ("“We are ready,” she said and said.\n", "said and said")):
        assert codes(text, ["T107"]) == [("T107", doubled)], text



def test_t107_flags_a_noun_an_object_fronted_verb_or_a_speech_tag_after_a_pronoun() -> None:
    # A subject pronoun right before the doubling is no verb said again where the word has a noun's suffix
    # (MT lost the verb), where the clause's object went before it (`than we expected`), where `you` is a
    # verb's object, or in a speech tag after a quotation closed before its comma (British style).
    for text, doubled in (("The ministry thanked the donors, and they benevolence and benevolence.\n",
                           "benevolence and benevolence"),
                          ("The report says they development and development.\n", "development and development"),
                          ("The delegates agreed that we cooperation and cooperation.\n",
                           "cooperation and cooperation"),
                          ("He knew more than she realized and realized.\n", "realized and realized"),
                          ("He died from the injuries that he received and received.\n", "received and received"),
                          ("It was not the result that they expected and expected.\n", "expected and expected"),
                          ("The company said it would help you recover and recover.\n", "recover and recover"),
                          ('"We are ready", he added and added.\n', "added and added"),
                          ("“We are ready”, she noted and noted.\n", "noted and noted"),
                          ('"We are ready," - he added and added.\n', "added and added"),
                          ("The talks were useful and will go on, he added and added.\n", "added and added")):
        assert codes(text, ["T107"]) == [("T107", doubled)], text
    # A verb spelt as a noun, and a subject `you` after a clause's opener, are still verbs said again.
    for text in ("We question and question, but no answer comes.\n",
                 "He said that they talked and talked.\n",
                 "When it rains, you wait and wait.\n",
                 "When the rain came, they waited and waited.\n"):
        assert codes(text, ["T107"]) == [], text

# -- T101: a start-case run inside a title quoted whole -------------------------------------------------


def test_t101_leaves_a_run_inside_a_title_quoted_whole() -> None:
    # AP style quotes the titles of books, songs and shows; a title's own casing may capitalize `To`.
    for text in ('Her book "The Girlfriend\'s Guide To Closing the Deal" shares what she learned.\n',
                 "Her book “The Girlfriend's Guide To Closing the Deal” shares what she learned.\n"):
        assert codes(text, ["T101"]) == [], text


def test_t101_still_flags_a_run_in_a_quoted_sentence_or_outside_the_quotation() -> None:
    # The closest defects: the quotation runs past a sentence end (a quoted sentence pasted in title
    # case), or the run stands after the quotation has closed.
    for text, run in (('She said, "The Girlfriend\'s Guide To Closing deals is mine. We wrote it."\n',
                       "Guide To Closing"),
                      ('She said "yes" and The Girlfriend\'s Guide To Closing the Deal came out.\n',
                       "Guide To Closing")):
        assert any(run in found for _, found in codes(text, ["T101"])), text


def test_t101_flags_a_run_in_a_quoted_sentence_that_ends_in_a_comma() -> None:
    # A quoted sentence that ends in a comma before its speech tag closes before any sentence end, as a
    # title does, but its other words are in lower case: a link's anchor pasted into it is still flagged.
    for text, run in (('"Residents were told to Read More About The Flood Plan before leaving," officials said.\n',
                       "Read More About"),
                      ("“People should Sign Up For Our Newsletter today,” the mayor said.\n", "Sign Up For")):
        assert any(run in found for _, found in codes(text, ["T101"])), text
    # A title's own small words in lower case keep it a title.
    for text in ('Her book "A Field Guide To Getting Lost in the City" sold well.\n',
                 'Her essay "A Guide To Reading Maps between the Lines" sold well.\n'):
        assert codes(text, ["T101"]) == [], text


# -- P103: a numbered caption is a label and a fragment ----------------------------------------------------


def test_p103_leaves_a_numbered_caption_of_a_label_and_a_fragment() -> None:
    body = "The villages lie along the river, and most of them can be reached by road in the dry season.\n\n"
    for caption in ("Figure 2. Map of the speaking area", "Fig. 3: Rainfall by month in 2019",
                    "Table 1. Speakers by village and age group"):
        assert codes(body + caption + "\n", ["P103"]) == [], caption


def test_p103_still_flags_a_caption_label_before_sentences_cut_short() -> None:
    # The closest defect: past the label a full sentence ends, and the one after it is cut.
    text = "Figure 2. The map shows where the language is spoken. Villages are marked in red\n"
    assert [code for code, _ in codes(text, ["P103"])] == ["P103"]


def test_p103_flags_a_numbered_step_or_rule_cut_short_as_no_caption() -> None:
    # Only a caption's word (Figure, Table, Map...) labels a caption: a numbered step or rule, its label
    # the same shape, goes on in sentences, and one cut short is flagged.
    for text in ("Preheat the oven before you start.\n\nStep 3. Add the flour and stir until the mixture is smooth and\n",
                 "The rules are simple.\n\nRule 4. Never leave the children alone near the water without an adult\n"):
        assert [code for code, _ in codes(text, ["P103"])] == ["P103"], text
