"""The shapes S111 never reports (``text_structure``), each at its edge: where the shape stops, the line is
judged again. The rule examples hold one page of each shape; these hold the bounds they leave free: each
test fails on a mutant of those bounds that the examples and the other tests let through."""

from __future__ import annotations

from lint.rules.scrape import furniture_line as fl

import lint

_TITLE = "Counseling services near campus"
_BODY = ("Students who want help outside the university can see one of the clinics below, and most of them "
         "charge fees based on income or accept insurance.",
         "Each clinic sets its own hours, so call ahead before you go, and bring your student card and a list "
         "of any medicines you take at the moment.")


def structure(lines: list[str]) -> list[int]:
    """The indices of the lines ``text_structure`` protects."""
    layout = fl.layout_of(lines)
    return [k for k in range(1, len(lines)) if fl.text_structure(lines, k, layout)]


def test_only_the_lines_between_the_first_and_last_body_line_are_inside_the_body() -> None:
    lines = [_TITLE, "Key Takeaways", _BODY[0], "Psychotherapy", _BODY[1], "Related resources"]
    assert structure(lines) == [3]


def test_a_table_row_needs_a_row_beside_it() -> None:
    # A line of links split by bars (a menu) is one line, not a table.
    assert structure([_TITLE, *_BODY, "| Clinic | Fee |", "| Mission Family Clinic | Sliding scale |"]) == [3, 4]
    assert structure([_TITLE, *_BODY, "Home | Clinics | Contact us"]) == []


def test_a_bullet_counts_as_a_list_item_only_with_another_bullet_near_it() -> None:
    assert structure([_TITLE, *_BODY, "- Ana Ruiz", "- Tom Becker", "- Lina Okafor"]) == [3, 4, 5]
    assert structure([_TITLE, *_BODY, "Share", "- Facebook", "Newsletter"]) == []


def test_bullets_further_apart_than_an_item_reaches_are_no_list() -> None:
    block = ["210 Bay Street", "Suite 301", "San Francisco", "(415) 555-0142", "Fees based on income",
             "Monday to Friday"]
    far = [_TITLE, *_BODY, "- Harbor Counseling Center", *block, "- Mission Family Clinic"]  # 7 lines apart
    assert 3 not in structure(far) and 10 not in structure(far)
    near = [_TITLE, *_BODY, "- Harbor Counseling Center", *block[:3], "- Mission Family Clinic"]  # 4 lines apart
    assert {3, 7} <= set(structure(near))


def test_the_last_items_block_is_no_longer_than_the_one_before_it() -> None:
    lines = [_TITLE, *_BODY, "- Harbor Counseling Center", "210 Bay Street", "(415) 555-0142",
             "- Mission Family Clinic", "Outer Sunset District", "(415) 555-0187", "Privacy policy"]
    assert structure(lines) == [3, 4, 5, 6, 7, 8]  # the line at the items' spacing after the last is not


def test_the_last_items_block_is_measured_against_a_bullet_beyond_the_reach() -> None:
    # Items five lines apart: the line three under the last bullet needs the bullet before it, eight above.
    lines = [_TITLE, *_BODY, "- Harbor Counseling Center", "210 Bay Street", "Suite 301", "(415) 555-0142",
             "Sliding scale", "- Mission Family Clinic", "Outer Sunset District", "(415) 555-0187", "Psychotherapy"]
    assert 11 in structure(lines)


def test_a_block_under_a_furniture_lead_of_three_words_is_still_reported() -> None:
    body = ("The city council voted on Tuesday to raise spending on public schools by four percent next year, "
            "the largest increase in a decade, after months of debate.")
    text = "\n\n".join(["Council approves school budget", body, "Share this article:", "Teachers back new contract",
                        "Bus routes to change in autumn", "Library hours cut at three branches",
                        "Parents protest school closures", "Newsletter"]) + "\n"
    codes = [f.code for f in lint.check_text(text, path="page.txt", select=["S102", "S110", "S111"])]
    assert "S110" in codes


def test_a_bulleted_list_above_the_body_is_judged() -> None:
    # A nav bar or a language switcher above the article is a bulleted list too (review h162: `- English`,
    # `- Español`; a byline's `- Sep 26, 2022`): the model judges it, as before text_structure.
    lines = [_TITLE, "- World", "- Politics", "- Business", "- Opinion", *_BODY, "- Sliding scale", "- Insurance"]
    protected = structure(lines)
    assert not {1, 2, 3, 4} & set(protected) and {len(lines) - 2, len(lines) - 1} <= set(protected)


_LETTER_BODY = ("We are back from Europe, having been to London and then to the islands, and we had a quiet week "
                "at the end of it with friends who send you their love.",
                "I have seen the doctor twice since we came back, and he is sure that the pain was nothing worse "
                "than a strained muscle from carrying the cases.")


def test_a_letters_salutation_close_and_signature_are_its_own_frame() -> None:
    # A letter sets its salutation above the first paragraph, its complimentary close under the last and
    # the signature under that, each on a line of its own: short, capitalized, outside the body.
    lines = ["August 19, 1975", "Dear Hannah:", *_LETTER_BODY, "Yours,", "Bill"]
    assert structure(lines) == [1, 4, 5]
    text = "\n\n".join(lines) + "\n"
    assert [f for f in lint.check_text(text, path="letter.txt") if f.code == "S111"] == []


def test_a_close_and_name_followed_by_page_furniture_are_no_letters_frame() -> None:
    # The closest defect: a close-shaped line and a name under the body that more lines follow (a credit
    # line, a prompt) are furniture still, and reported with them.
    body = ("The storm closed every school in the county on Monday, officials said, and more snow is expected "
            "on Tuesday night across the region.",
            "Parents were told to check the district's website for updates before leaving home, and buses will "
            "run on a reduced schedule until Thursday.")
    for tail in (["Yours,", "Bill", "ITV, ASSOCIATED PRESS", "Topics"], ["Yours,", "Bill", "EMAIL ME"]):
        lines = ["Storm closes schools across the county", *body, *tail]
        assert structure(lines) == []
        text = "\n\n".join(lines) + "\n"
        assert {text[f.start:f.end] for f in lint.check_text(text, path="page.txt") if f.code == "S111"} == set(tail)


def test_a_salutation_stands_right_above_the_first_paragraph_and_a_signature_ends_with_no_sentence() -> None:
    # `Dear reader,` after the body is no salutation; a "signature" that ends a sentence, or is no name,
    # is no signature.
    assert structure(["Storm closes schools", *_LETTER_BODY, "Dear reader,", "Sign up now"]) == []
    assert structure(["Storm closes schools", *_LETTER_BODY, "Thanks,", "Read more."]) == []
    assert structure(["Storm closes schools", *_LETTER_BODY, "Thanks,", "Sign up now"]) == []
    assert structure(["Storm closes schools", "Dear Mr. Ortiz,", *_LETTER_BODY]) == [1]


def test_a_close_and_signature_frame_a_letter_only_under_its_salutation_and_open_with_a_close_word() -> None:
    # Under an article with no salutation, a close and a name are a site's template (`Sincerely,`, `The
    # Daily Herald`); a line shaped as a close that opens with no close's word is furniture (`Tags,`).
    body = ("The storm closed every school in the county on Monday, officials said, and more snow is expected "
            "on Tuesday night across the region.",
            "Parents were told to check the district's website for updates before leaving home, and buses will "
            "run on a reduced schedule until Thursday.")
    for tail in (["Sincerely,", "The Daily Herald"], ["Regards,", "The Team"], ["Best,", "Editorial Staff"]):
        lines = ["Storm closes schools across the county", *body, *tail]
        assert structure(lines) == []
        text = "\n\n".join(lines) + "\n"
        assert {text[f.start:f.end] for f in lint.check_text(text, path="page.txt") if f.code == "S111"} == set(tail)
    for tail in (["Tags,", "Weather Schools"], ["Follow Us,", "Contact Us"], ["Sponsored Content,"]):
        assert structure(["August 19, 1975", "Dear Reader:", *body, *tail]) == [1]
    # A letter under its salutation keeps its frame, with a close of more words.
    assert structure(["August 19, 1975", "Dear Hannah:", *_LETTER_BODY, "With best wishes,", "Bill"]) == [1, 4, 5]
