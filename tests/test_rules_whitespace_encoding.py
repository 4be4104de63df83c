"""W (whitespace) and E (encoding) rules beyond their own examples: the seed's positions, every kind of
line ending, byte order marks, options, rule interplay under --fix, and E101 measured on ftfy's own
test data (../shared/corpora/ftfy: real mojibake from the wild, and texts that only look like it).
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from functools import cache

import pytest

import lint
from lint.config import Config
from lint.engine import Linter, Selection
from lint.model import Finding, Source
from lint.source import decode
from tests.conftest import SEED, needs_seed, shared_path

WE = ["W", "E"]


def codes(text: str, path: str = "a.txt", select: list[str] | None = None, config: Config | None = None) -> list[str]:
    return [f.code for f in lint.check_text(text, path=path, select=select or WE, config=config)]


def fixed(text: str, path: str = "a.txt", select: list[str] | None = None, config: Config | None = None) -> str:
    return lint.fix_text(text, path=path, select=select or WE, config=config)


def with_options(code: str, **options: object) -> Config:
    return Config(rule_options={code: dict(options)})


# -- the seed ----------------------------------------------------------------------------------------


def test_seed_defects_1_3_9_at_their_catalogue_positions(seed_text):
    source = Source("article.txt", seed_text)
    found = lint.check_text(seed_text, path="article.txt", select=WE)
    where = [(f.code, source.position(f.start).line, source.position(f.start).column) for f in found]
    # DEFECTS.md: 1 at 1:1 (leading space), 3 at 2:1 (five blank lines), 9 at 25:48 (no final newline).
    assert where == [("W101", 1, 1), ("W103", 2, 1), ("W104", 25, 48)]
    assert found[1].message == "5 blank lines in a row"


def test_seed_fix_repairs_1_3_9_and_nothing_else(seed_text):
    lines = seed_text.split("\n")
    assert lines[0].startswith(" date") and lines[1:6] == ["", "", "", "", ""] and lines[6] != ""
    expected = "\n".join([lines[0][1:], "", *lines[6:]]) + "\n"
    out = fixed(seed_text, path="article.txt")
    assert out == expected
    assert fixed(out, path="article.txt") == out
    assert lint.check_text(out, path="article.txt", select=WE) == []


@needs_seed
def test_seed_through_the_cli_fix_writes_only_those_changes(run, tmp_path, seed_text):
    target = tmp_path / "article.txt"
    target.write_bytes(SEED.read_bytes())
    r = run("check", "--isolated", "--select", "W,E", "--fix", str(target))
    assert r.returncode == 0, r.stdout + r.stderr
    lines = seed_text.split("\n")
    assert target.read_bytes() == ("\n".join([lines[0][1:], "", *lines[6:]]) + "\n").encode("utf-8")


# -- line endings -------------------------------------------------------------------------------------


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_every_line_ending_kept_by_every_fix(eol):
    text = eol.join(["  Leading.", "Trailing. \t", "", "", "", "Two  spaces.", "Zero\u200bwidth.", "End"])
    out = fixed(text)
    assert out == eol.join(["Leading.", "Trailing.", "", "Two spaces.", "Zerowidth.", "End"]) + eol
    assert codes(out) == []
    # Nothing was reported as a mixed ending: the file uses one kind throughout.
    assert "W106" not in codes(text)


def test_blank_line_run_counts_lines_with_spaces_and_keeps_crlf():
    text = "One.\r\n \r\n\t\r\n\r\nTwo.\r\n"
    found = lint.check_text(text, path="a.txt", select=["W103"])
    assert [(f.code, f.start, f.message) for f in found] == [("W103", 6, "3 blank lines in a row")]
    assert fixed(text, select=["W103"]) == "One.\r\n\r\nTwo.\r\n"
    # With W102 on too, the spaces on the blank lines go as well; the result is stable.
    assert fixed(text) == "One.\r\n\r\nTwo.\r\n"


def test_blank_line_run_maximum_option_and_rst_default():
    text = "One.\n\n\n\nTwo.\n"
    assert codes(text, select=["W103"], config=with_options("W103", maximum=3)) == []
    assert fixed(text, select=["W103"], config=with_options("W103", maximum=2)) == "One.\n\n\nTwo.\n"
    assert fixed(text, path="a.rst", select=["W103"]) == "One.\n\n\nTwo.\n"


def test_leading_blank_lines_are_reported_once():
    assert codes("\n\n\n\nText.\n") == ["W101"]
    assert fixed("\n\n\n\nText.\n") == "Text.\n"


def test_final_newline_is_the_dominant_one():
    assert fixed("a\r\nb\r\nc\nd", select=["W104"]) == "a\r\nb\r\nc\nd\r\n"
    assert fixed("only line", select=["W104"]) == "only line\n"
    assert codes("", select=["W104"]) == []


def test_mixed_line_endings_one_finding_per_file_naming_the_count():
    text = "a\r\nb\nc\r\nd\re\r\n"
    found = lint.check_text(text, path="a.txt", select=["W106"])
    assert [(f.start, f.end) for f in found] == [(4, 5)]
    assert found[0].message == "1 LF and 1 CR line endings in a file of CRLF line endings (the first here)"
    assert fixed(text, select=["W106"]) == "a\r\nb\r\nc\r\nd\r\ne\r\n"


def test_mixed_line_endings_a_pasted_catalogue_is_one_finding():
    # A PO file a Windows editor touched: hundreds of CRLF among LF, one thing for the translator to fix.
    lf = "".join(f'msgid "w{i}"\nmsgstr "m{i}"\n\n' for i in range(300))
    crlf = "".join(f'msgid "x{i}"\r\nmsgstr "n{i}"\r\n\r\n' for i in range(40))
    text = 'msgid ""\nmsgstr ""\n"Language: km\\n"\n\n' + lf + crlf
    found = lint.check_text(text, path="km.po", select=["W106"])
    assert len(found) == 1
    assert found[0].message == "120 CRLF line endings in a file of LF line endings (the first here)"
    assert "\r" not in fixed(text, path="km.po", select=["W106"])


def test_mixed_line_endings_tie_goes_to_lf():
    assert fixed("a\r\nb\nc", select=["W106"]) == "a\nb\nc"


# -- byte order marks and decoding ----------------------------------------------------------------------


def _findings_for_bytes(data: bytes, path: str = "a.txt") -> tuple[Source, list[Finding]]:
    source = decode(path, data)
    return source, Linter(Selection(select=tuple(WE))).findings(source, Config())


@pytest.mark.parametrize("encoding, bom", [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"),
                                           ("utf-16-be", b"\xfe\xff")])
def test_a_file_bom_is_not_an_invisible_character(encoding, bom):
    source, found = _findings_for_bytes(bom + "Caf\u00e9 au lait.\r\n".encode(encoding))
    assert source.bom and source.text == "Caf\u00e9 au lait.\r\n"
    assert found == []


def test_a_doubled_bom_is_flagged_and_fixed_keeping_the_real_one():
    source, found = _findings_for_bytes(b"\xef\xbb\xbf\xef\xbb\xbfText.\n")
    assert [(f.code, f.start) for f in found] == [("E102", 0)]
    text, _, _ = Linter(Selection(select=tuple(WE))).fix(source, Config())
    assert source.encode(text) == b"\xef\xbb\xbfText.\n"


def test_bom_in_text_handed_to_the_api_is_the_bom_itself():
    assert codes("\ufeffText.\n") == []
    assert codes("Two files glued.\n\ufeffText.\n") == ["E102"]


def test_bom_file_through_the_cli_keeps_its_bom_and_crlf(run, tmp_path):
    target = tmp_path / "bom.txt"
    target.write_bytes(b"\xef\xbb\xbf  Caf\xc3\x83\xc2\xa9 au lait.  \r\n\r\n\r\n\r\nEnd")
    r = run("check", "--isolated", "--select", "W,E", "--fix", str(target))
    assert r.returncode == 0, r.stdout + r.stderr
    assert target.read_bytes() == b"\xef\xbb\xbfCaf\xc3\xa9 au lait.\r\n\r\nEnd\r\n"


# -- W102 / W105 decisions ----------------------------------------------------------------------------


def test_markdown_hard_break_only_in_markdown():
    text = "A hard break  \nnext line.\n"
    assert codes(text, path="a.md", select=["W102"]) == []
    assert codes(text, path="a.txt", select=["W102"]) == ["W102"]
    # On a blank line or at the end of the file two spaces break nothing.
    assert codes("Text.\n  \nMore.\n", path="a.md", select=["W102"]) == ["W102"]
    assert codes("Text.  ", path="a.md", select=["W102"]) == ["W102"]


def test_space_run_allow_after_period_option():
    text = "Two after a period.  Next sentence.\n"
    assert codes(text, select=["W105"]) == []
    strict = with_options("W105", **{"allow-after-period": False})
    assert fixed(text, select=["W105"], config=strict) == "Two after a period. Next sentence.\n"
    # Three spaces after a period are not the convention: flagged either way.
    assert codes("End.   Next.\n", select=["W105"]) == ["W105"]


def test_space_run_not_inside_markdown_code():
    text = "Use `a  b` here, and\n\n```\nx  =  1\n```\n\nbut not  here.\n"
    asked = with_options("W105", **{"in-rendered-documents": True})
    found = lint.check_text(text, path="a.md", select=["W105"], config=asked)
    assert [text[f.start - 3 : f.end + 4] for f in found] == ["not  here"]


# A reST, Markdown or HTML page shows a run of spaces in its prose as one space (issue 15: 160 of the 333
# findings on ../shared/corpus were such runs in the PEPs), as a catalogue's marked-up strings do.
RENDERED = (
    ("pep.rst", "Title\n=====\n\nIt recommends to run it  every few hundred steps.\n"),
    ("page.md", "# Title\n\nSee the guide  for the details.\n\n| a  b | c |\n|---|---|\n| x | y |\n"),
    ("page.html", "<p>See the guide  for the details.</p>\n"),
)


@pytest.mark.parametrize(("path", "text"), RENDERED)
def test_space_run_in_a_rendered_documents_prose_is_left_alone_unless_asked(path, text):
    assert codes(text, path=path, select=["W105"]) == []
    asked = with_options("W105", **{"in-rendered-documents": True})
    assert codes(text, path=path, select=["W105"], config=asked) != []
    assert "  " not in fixed(text, path=path, select=["W105"], config=asked).replace("|---|---|", "")


def test_space_run_in_plain_text_and_in_a_rendered_documents_code_is_as_before():
    text = "It recommends to run it  every few hundred steps.\n"
    assert codes(text, path="a.txt", select=["W105"]) == ["W105"]
    # A literal block shows its spaces as written, and is code: never read, with or without the option.
    block = "Run this::\n\n    x  =  1\n\nDone.\n"
    asked = with_options("W105", **{"in-rendered-documents": True})
    assert codes(block, path="a.rst", select=["W105"]) == codes(block, path="a.rst", select=["W105"], config=asked) == []
    # A catalogue's label, shown as written: flagged as before.
    po = '#: src/main.c:12\nmsgid "Save the file"\nmsgstr "Enregistrer  le fichier"\n'
    assert codes(po, path="fr.po", select=["W105"]) == ["W105"]


@pytest.mark.parametrize("tag", ["pre", "xmp", "listing"])
def test_html_preformatted_elements_are_code_not_a_rendered_pages_prose(tag):
    """`xmp` and `listing`, obsolete forms of `pre`, show their spaces as written: code, as `pre` is, never
    read (not prose whose page collapses a run, and not a place for a repeated word or a run)."""
    text = f"<p>Before.</p>\n<{tag}>Name  Age\nthe the  end</{tag}>\n<p>After.</p>\n"
    asked = with_options("W105", **{"in-rendered-documents": True})
    assert codes(text, path="page.html", select=["W105", "T102"], config=asked) == []


def test_space_run_aligned_key_value_lines_are_layout():
    text = "Name:      Irix 4\nReleased:  1991\n"
    assert codes(text, select=["W105"]) == []
    # The same gap with no aligned neighbour is a hole.
    assert codes("Name:      Irix 4\n", select=["W105"]) == ["W105"]


def test_space_run_fix_touches_only_the_run():
    text = "Caf\u00e9  au lait and\u00a0more  text.\n"
    assert fixed(text, select=["W105"]) == "Caf\u00e9 au lait and\u00a0more text.\n"



# W105's source checks read every run of a translation and of its source once (``_Spacing``); before,
# each width and each mark split or searched the whole string again (1 MB of runs of every width: 24 s).
# These are those earlier readings, kept to check that the one pass answers as they did.
def _parted_by_split(text: str, width: int) -> list[str]:
    return re.split(f"(?<! ) {{{width}}}(?! )", text)


def _columns_by_split(translation: str, width: int, source: str) -> bool:
    columns = [len(part.split()) for part in _parted_by_split(translation, width)]
    return len(columns) >= 3 and columns == [len(part.split()) for part in _parted_by_split(source, width)]


def _heads_by_split(translation: str, width: int, source: str) -> bool:
    parts = [[p.strip() for p in _parted_by_split(side, width)] for side in (translation, source)]
    return len(parts[0]) >= 3 and len(parts[0]) == len(parts[1]) and all(
        p and not p[0].islower() and len(p.split()) <= 4 for side in parts for p in side)


def _code_by_find(token: str, width: int, source: str) -> bool:
    if not token or token.isalpha():
        return False
    padded = token + " " * width
    at = source.find(padded)
    while at >= 0:
        if not source.startswith(" ", at + len(padded)):
            return True
        at = source.find(padded, at + 1)
    return False


_PIECES = ["a", "Bé", "x1", "%d", "=", ":", "-", "é", "Ü", '"', "\\n", "\t", "\n", "\u2028", "\xa0", "#"]


def _random_string(rng: random.Random) -> str:
    if rng.random() < 0.3:  # a table's row: cells of one to five words, parted by runs of one width
        width = rng.randint(2, 4)
        return (" " * width).join(" ".join([rng.choice(("Bé", "%d", "=", "a")),
                                            *(rng.choice(_PIECES[:5]) for _ in range(rng.randint(0, 4)))])
                                  for _ in range(rng.randint(1, 5)))
    out = []
    for _ in range(rng.randint(0, 14)):
        out.append(rng.choice(_PIECES) if rng.random() < 0.6 else " " * rng.choice((1, 1, 2, 2, 3, 4, 5)))
    return "".join(out)


def test_space_run_one_pass_answers_as_the_splits_and_searches_did():
    from lint.rules.whitespace.space_run import _after_same_code, _Held, _Spacing

    rng = random.Random(105)
    for _ in range(1500):
        translation, source = _random_string(rng), _random_string(rng)
        # The document's text of the translation differs from the text read out of it (PO escapes).
        written = translation.replace("\n", "\\n") if rng.random() < 0.5 else translation
        held = _Held("ab" + written + "cd", 2, 2 + len(written), source, translation)
        for width in range(1, 7):
            parts = _parted_by_split(translation, width)
            assert _Spacing(translation).columns(width) == [len(p.split()) for p in parts]
            assert _Spacing(translation).all_heads(width) == all(
                p.strip() and not p.strip()[0].islower() and len(p.split()) <= 4 for p in parts), translation
            assert held.same_columns(width) == _columns_by_split(translation, width, source), (translation, source)
            assert held.table_heads(width) == _heads_by_split(translation, width, source), (translation, source)
            for mark in "=:-#\"a":
                spaces = " " * width
                for key, pattern in ((("", width, mark), f"(?<! ){spaces}{re.escape(mark)}"),
                                     ((mark, width, ""), f"{re.escape(mark)}{spaces}(?! )")):
                    ends = [2 + m.end() for m in re.finditer(pattern, written)]
                    for end in {2, 3 + len(written), *ends, *(e - 1 for e in ends)}:  # (where a count steps)
                        expected = (sum(e <= end for e in ends), len(re.findall(pattern, source)))
                        assert held.count_beside(key, end) == expected, (written, source, key, end)
            for token in ("%d", "x1", "=", "a%d", "Bé", ""):
                assert _after_same_code(token, width, _Spacing(source)) == _code_by_find(token, width, source)


# -- encoding rules: interplay, protection ---------------------------------------------------------------


def test_c1_quotes_are_repaired_by_e101_not_deleted_by_e103():
    text = "He said \x93hi\x94 and didn\x92t stop\x85\n"
    found = lint.check_text(text, path="a.txt", select=WE)
    assert [f.code for f in found] == ["E101"]
    assert fixed(text) == "He said \u201chi\u201d and didn\u2019t stop\u2026\n"
    # A C1 character that is no Windows-1252 character has nothing to be repaired to: E103 deletes it.
    assert codes("x\x81y\n") == ["E103"]
    assert fixed("x\x81y\n") == "xy\n"


def test_e103_leaves_a_control_character_in_a_listing_of_consecutive_characters():
    # es.javascript.info (String.fromCodePoint from 65 to 220): the output lists every character of the
    # range, DEL and the C1 controls among them, on purpose.
    listing = "".join(chr(i) for i in range(65, 221))
    page = f"Un ejemplo:\n\n```js\nalert( str );\n// salida:\n// {listing}\n```\n"
    assert lint.check_text(page, path="a.md", select=["E103"]) == []
    assert codes("Los caracteres " + "".join(chr(i) for i in range(0x70, 0x80)) + " y nada más.\n") == []


def test_e103_still_flags_a_control_character_beside_a_short_run():
    # A stray DEL after `~` or between two letters in order (`a\x7fb` is no run through it) is still a slip.
    for text in ("DEL\x7f character.\n", "Tilde ~\x7f here.\n", "abc\x7fdef\n", "}~\x7f\x80 x\n"):
        assert [f.code for f in lint.check_text(text, path="a.txt", select=["E103"])] == ["E103"], text


def test_e103_flags_a_run_of_control_characters_alone_in_code_point_order():
    # A binary table pasted into the text (`\x10\x11\x12…`) is in code point order too, but lists nothing
    # a reader sees: each of its control characters is flagged.
    text = "The file header reads " + "".join(chr(c) for c in range(0x10, 0x1A)) + " before the data.\n"
    assert [f.code for f in lint.check_text(text, path="a.txt", select=["E103"])] == ["E103"] * 10


def test_form_feed_is_a_page_break():
    assert codes("Page one.\n\x0c\nPage two.\n") == []


def test_e101_message_shows_control_characters_as_escapes():
    (f,) = lint.check_text("Left \u00e2\u0080\u009cquote\n", path="a.txt", select=["E101"])
    assert "\\x80" in f.message and "\x80" not in f.message


def test_encoding_rules_skip_markdown_code_blocks():
    code = "```\nprint('Caf\u00c3\u00a9')  # mojibake on purpose\ns = 'x\u200by'\nS\ufffdo Paulo, decoded with errors='replace'\n```\n"
    text = "How mojibake looks:\n\n" + code
    assert codes(text, path="a.md", select=["E"]) == []
    assert sorted(codes(text.replace("```\n", ""), path="a.txt", select=["E"])) == ["E101", "E102", "E104"]


def test_zwj_and_zwnj_where_scripts_need_them():
    assert codes("\U0001F469\u200d\U0001F52C scientist\n", select=["E102"]) == []
    assert codes("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645\n", select=["E102"]) == []  # Persian
    assert codes("\u0915\u094d\u200c\u0937\n", select=["E102"]) == []  # Devanagari
    assert codes("Eng\u200clish\n", select=["E102"]) == ["E102"]


def test_fixing_a_messy_text_is_stable():
    text = (" \tCaf\u00c3\u00a9 and  more\u200b. \r\n\r\n\r\n\r\nHe said \x93yes\x94.\x07\nLast\ufffd line  \r\nend")
    once = fixed(text)
    assert once == "Caf\u00e9 and more.\r\n\r\nHe said \u201cyes\u201d.\r\nLast\ufffd line\r\nend\r\n"
    assert fixed(once) == once
    assert codes(once) == ["E104"]  # lost text is only reported


# -- E101 against ftfy's test data ---------------------------------------------------------------------


def _norm(text: str) -> str:
    """Differences that are not about encoding, which E101 leaves alone on purpose (ftfy's default
    fixes also straighten quotes, split ligatures and narrow full-width forms)."""
    from ftfy.fixes import fix_character_width, fix_latin_ligatures, uncurl_quotes

    return unicodedata.normalize("NFC", uncurl_quotes(fix_latin_ligatures(fix_character_width(text))))


@cache
def _cases(name: str) -> list[dict[str, str]]:
    return json.loads(shared_path("corpora", "ftfy", f"{name}.json").read_text(encoding="utf-8"))


def _e101(text: str) -> tuple[bool, bool, str]:
    """(flagged, safe fix offered, text after safe fixes) with E101 alone."""
    linter = Linter(Selection(select=("E101",)))
    found = linter.findings(Source("a.txt", text), Config())
    safe = any(f.fix is not None and f.fix.applicability.value == "safe" for f in found)
    return bool(found), safe, linter.fix(Source("a.txt", text), Config())[0]


def _score(name: str) -> dict[str, int]:
    s = {"mojibake": 0, "clean": 0, "tp": 0, "fp": 0, "safe": 0, "safe_right": 0}
    for case in _cases(name):
        bad = _norm(case["original"]) != _norm(case["fixed"])
        flagged, safe, out = _e101(case["original"])
        s["mojibake" if bad else "clean"] += 1
        s["tp"] += bad and flagged
        s["fp"] += flagged and not bad
        s["safe"] += safe
        s["safe_right"] += safe and _norm(out) == _norm(case["fixed"])
    return s


def test_ftfy_negative_examples_are_not_flagged():
    """negative.json: texts that look like mojibake to a naive check and must not change. The one case
    that is not a negative (`parlé\\x85`, a Windows-1252 ellipsis read as Latin-1) must be repaired."""
    s = _score("negative")
    assert s == {"mojibake": 1, "clean": 30, "tp": 1, "fp": 0, "safe": 1, "safe_right": 1}


def test_ftfy_in_the_wild_recall_and_fix_accuracy():
    """in-the-wild.json: 70 real strings. Compared on encoding alone, 67 hold mojibake (the other 3 are a
    garble ftfy does not repair either, and two compatibility characters, `ŉ` and `ǌ`, which are no
    mojibake). E101 flags 66 of the 67: the miss is mojibake behind an HTML entity (`10Î&frac14;s`),
    which S104 decodes first. It flags none of the 3. Every safe fix gives ftfy's expected text; the
    one repair ftfy still finds suspicious (it ends in U+FFFD characters) is offered as unsafe only."""
    s = _score("in-the-wild")
    assert (s["mojibake"], s["clean"]) == (67, 3)
    assert (s["tp"], s["fp"]) == (66, 0)
    assert s["safe_right"] == s["safe"] == 65


def test_ftfy_synthetic_negatives_are_not_flagged():
    negatives = [c for c in _cases("synthetic") if "negative" in c["label"].lower()]
    assert len(negatives) >= 8
    flagged = [c["label"] for c in negatives if _e101(c["original"])[0]]
    assert flagged == []


def test_mojibake_entity_is_caught_once_s104_has_decoded_it():
    assert codes("10\u00ce\u00bcs\n", select=["E101"]) == ["E101"]
    assert fixed("10\u00ce\u00bcs\n", select=["E101"]) == "10\u03bcs\n"


def test_mojibake_lines_found_from_suspect_to_suspect_are_those_a_search_finds():
    from lint.rules.encoding.mojibake import _SUSPECT, _suspect_lines

    def searched(text: str) -> list[tuple[int, int]]:
        out, hit = [], _SUSPECT.search(text)
        while hit is not None:
            end = text.find("\n", hit.end())
            out.append((text.rfind("\n", 0, hit.start()) + 1, len(text) if end < 0 else end))
            hit = _SUSPECT.search(text, out[-1][1])
        return out

    sparse = "x" * 2000 + "\ncafÃ© and CafÃ©\n" + "y" * 2000 + "\nnaïve “quoted”\nÃ\n"
    dense = "Été à Noël\nça et là\n"
    for text in (sparse, dense):
        suspects = _SUSPECT.findall(text)
        assert list(_suspect_lines(text, suspects)) == searched(text)
    assert len(searched(sparse)) == 3
