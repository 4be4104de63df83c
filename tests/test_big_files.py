"""A big plain-text file (a scraped dump, an export) is checked block by block, decoded straight into
its blocks: what the user sees is the same as for any file — findings at the right line and column
far into the file, past a character outside the BMP, and the same one-line errors for a line past
max-line-length or a byte that is not UTF-8."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from lint.engine import BIG_TEXT

PARAGRAPH = "This is a sentence of plain words.\nAnother sentence follows it here.\n\n"


def _big(tail: str) -> tuple[str, int]:
    """A text over BIG_TEXT characters, an emoji in its first line, ``tail`` on its last line but
    one; and the number of that line."""
    count = BIG_TEXT // len(PARAGRAPH) + 2000
    text = "A smile \U0001f642 to start.\n\n" + PARAGRAPH * count + tail + "\nThe end.\n"
    return text, 2 + 3 * count + 1


def test_a_finding_deep_in_a_big_file_has_its_line_and_column(run, tmp_path):
    text, line = _big("Two  spaces.")
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    r = run("check", "--isolated", "--no-cache", "--select", "W105", "big.txt", cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert f"big.txt:{line}:4: W105" in r.stdout


def test_a_long_line_deep_in_a_big_file_is_one_error_naming_the_line(run, tmp_path):
    text, line = _big("x" * 300)
    (tmp_path / ".copylint.yaml").write_text("max-line-length: 200\n")
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    r = run("check", "--no-cache", "big.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert f"big.txt: line {line} has 300 characters, more than the limit of 200" in r.stdout


def test_a_bad_byte_near_the_end_of_a_big_file_is_one_error_naming_the_byte(run, tmp_path):
    text, _ = _big("Fine.")
    data = text.encode("utf-8")
    bad = len(data) - 5
    (tmp_path / "big.txt").write_bytes(data[:bad] + b"\xff" + data[bad:])
    r = run("check", "--isolated", "--no-cache", "big.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert f"big.txt: cannot decode as UTF-8 at byte {bad}" in r.stdout


def _cut_whole(text: str, smallest: int, block: int,
               cut: Callable[[str, int], re.Match[str] | None] | None = None) -> tuple[list[str], list[int]] | None:
    """The blocks of ``text`` decoded whole, cut as ``lint.engine._block_starts`` cuts them (at what ``cut``
    finds; by default, at the first run of blank lines)."""
    from lint.engine import _block_break

    if len(text) <= smallest:
        return None
    starts = [0]
    while len(text) - starts[-1] > block and (m := (cut or _block_break)(text, starts[-1] + block)) is not None:
        starts.append(m.end())
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)], starts


def _read_in_steps(step: int, cut: Callable[[str, int], re.Match[str] | None] | None = None,
                   ) -> Callable[[str], object]:
    """The blocks ``blocked_utf8`` decodes a text into, ``step`` bytes at a time (blocks of 4 characters at the
    least, cut as ``_cut_whole`` cuts them), as ``_cut_whole`` gives them."""
    from lint.engine import _block_break
    from lint.source import blocked_utf8

    def read(text: str) -> object:
        source = blocked_utf8("a.txt", text.encode(), 6, 4, cut or _block_break, step)
        return source and (source.blocks, source.block_starts)
    return read


def test_blocks_decoded_a_step_at_a_time_are_the_blocks_of_the_whole_text() -> None:
    # Small blocks and steps of a few bytes (a character split between two reads, reads that grow past a
    # long paragraph) against the text decoded whole and cut.
    from tests.differential import differences, texts_of

    pieces = ["x", "ab", "é", "\U0001f642", "\n", "\n\n", " ", "\t", "\xa0", "\n \n"]

    texts = [*texts_of(pieces, 1020, 3, 20_000, 24)]
    for step in (1, 3, 5, 64):
        assert differences(iter(texts), _read_in_steps(step), lambda text: _cut_whole(text, 6, 4)) == [], step


def test_blocks_decoded_a_step_at_a_time_are_cut_where_the_whole_text_is_by_the_line_after_the_cut() -> None:
    # The engine's cut weighs the head of the line after a run of blank lines (``_block_cut``): read a few
    # bytes at a time, a head not all read yet (or one the text ends within) is not weighed on what has been.
    from functools import partial

    from lint.engine import _block_cut
    from tests.differential import differences, texts_of

    cut = partial(_block_cut, last=24)  # any run 24 characters on: the hash decides nearer ones
    pieces = ["x", "é", "\U0001f642", "\n", "\n\n", " ", "\n \n", "A line of words", "Another one"]

    texts = [*texts_of(pieces, 1031, 3, 6_000, 30)]
    hashed = 0
    for end in ("\n", "\r\n", "\r"):
        ended = [_with_ends(text, end) for text in texts]
        for step in (1, 3, 64):
            assert differences(iter(ended), _read_in_steps(step, cut), lambda text: _cut_whole(text, 6, 4, cut)) == [], (end, step)
        for text in ended:
            cuts = _cut_whole(text, 6, 4, cut)
            starts = cuts[1] if cuts else [0]
            hashed += any(b - a < 24 for a, b in pairwise(starts))
    assert hashed > 100  # (cuts the hash chose, not only the first run 24 characters on)


def test_a_text_with_no_cut_is_searched_about_once() -> None:
    # Counted, not timed: the characters the searches for a cut step over in a text of n and 2n characters
    # with no blank line, at most 2.5 times the text as reads grow (each MB read searched the text since the
    # last cut again, n**2 / 2 MB characters: 3.4 times the text at 4 MB, 5.4 times at 8 MB at 84d2737).
    from lint.engine import BLOCK_TEXT, _block_break
    from lint.source import blocked_utf8

    scanned = [0]

    def counted(text: str, pos: int) -> re.Match[str] | None:
        found = _block_break(text, pos)
        scanned[0] += (found.end() if found else len(text)) - pos
        return found

    for size in (4 << 20, 8 << 20):
        text = "A line of words.\n" * (size // 17)
        scanned[0] = 0
        source = blocked_utf8("a.txt", text.encode(), BIG_TEXT, BLOCK_TEXT, counted)
        assert source is not None and source.blocks == [text]
        assert scanned[0] <= 3 * len(text), (size, scanned[0])


# The line starts as Source made them (84d2737): a list, an int object a line besides its slot.
def _old_line_starts(text: str) -> list[int]:
    from itertools import accumulate

    if "\r" in text:
        return [0, *[m.end() for m in re.finditer(r"\r\n?|\n", text)]]
    return [0, *accumulate(map((1).__add__, map(len, text.split("\n")[:-1])))]


_LINE_PIECES = ["x", "ab", "é", "\U0001f642", "\n", "\n\n", "\r", "\r\n", " ", "\n \n"]


def test_line_starts_are_those_they_were(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # LF-only text summed a few characters at a time (a cut after a line break, a line longer than a step)
    # and the CR path, against the list made whole.
    from lint import model
    from tests.differential import differences, texts_of

    texts = [*texts_of(_LINE_PIECES, 1021, 3, 20_000, 24)]
    for step in (1, 3, 5, 64, 1 << 20):
        monkeypatch.setattr(model, "_LINES_STEP", step)
        assert differences(iter(texts), lambda text: list(model.line_starts_of(text)), _old_line_starts) == [], step
        assert differences(iter(texts), lambda text: list(model.line_starts_of(text, 7)),
                           lambda text: [7 + at for at in _old_line_starts(text)]) == [], step


def _blocked(text: str, block: int) -> object:
    """``text`` (LF only) cut after the first line break ``block`` characters or more after each cut."""
    from lint.model import Source
    from lint.source import BlockedSource

    starts = [0]
    while (cut := text.find("\n", starts[-1] + block)) >= 0 and cut + 1 < len(text):
        starts.append(cut + 1)
    return BlockedSource.of(Source("a.txt", text), starts)


def test_positions_and_lines_of_blocks_are_those_of_the_whole_text() -> None:
    # Every offset's line and column, every line's text and the line starts, from the blocks against the text
    # read whole (the line starts made from the list, as before).
    from lint.model import Source
    from tests.differential import differences, texts_of

    def read(text: str, lines: Callable[[Source], list[int]], block: int = 0) -> object:
        source = _blocked(text, block) if block else Source("a.txt", text)
        source._line_starts = None
        starts = lines(source)
        return ([source.position(at) for at in range(len(text) + 2)],
                [source.line_text(line) for line in range(1, len(starts) + 1)], starts)

    texts = [*texts_of([p for p in _LINE_PIECES if "\r" not in p], 1022, 3, 3_000, 24)]
    for block in (1, 2, 5):
        def ours(text: str, block: int = block) -> object:
            return read(text, lambda source: list(source.line_starts()), block)
        assert differences(iter(texts), ours, lambda text: read(text, lambda source: _old_line_starts(source.text))) == []


def test_positions_in_a_big_file_are_found_in_memory_bounded_by_a_block() -> None:
    # Counted, not timed: the bytes allocated at the peak of finding the place of an offset in each block of a
    # text of a million blank lines, cut every 64 KB (the line starts of the whole file were a list: an int
    # object a line, some 36 MB here), and of making the line starts (a slot a line, 8 MB: no list of every
    # line on the way).
    import tracemalloc

    from lint import model
    from lint.engine import BLOCK_TEXT

    text = "x\n" + "\n" * 1_000_000 + "y\n"
    source = _blocked(text, BLOCK_TEXT)
    tracemalloc.start()
    try:
        lines = [source.position(at).line for at in range(0, len(text), 50_000)]  # type: ignore[attr-defined]
        peak = tracemalloc.get_traced_memory()[1]
        assert lines == [max(at, 1) for at in range(0, len(text), 50_000)]  # (line 1 is "x\n")
        # (a block of blank lines: its line starts, the list they are made from)
        assert peak <= 40 * BLOCK_TEXT, peak
        tracemalloc.reset_peak()
        starts = model.line_starts_of(text)
        made = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # (a slot a line, and what finding those of some 64 KB of text takes)
    assert len(starts) == 1_000_003 and made <= 8 * len(starts) + 40 * model._LINES_STEP, made


def test_a_report_that_steps_back_one_block_makes_each_blocks_line_starts_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A report asks for places in order, but a finding's end or its fix's edit may lie in the next block, and
    # the next finding's start in the one before: 40 blocks of a 3 MB file made their line starts 74 times
    # when only the block last asked about was kept.
    from lint import source as source_module
    from lint.engine import BLOCK_TEXT

    made: list[int] = []
    real = source_module.line_starts_of

    def counted(text: str, at: int = 0) -> object:
        made.append(len(text))
        return real(text, at)

    monkeypatch.setattr(source_module, "line_starts_of", counted)
    text = "".join(f"line {n}\n" if n % 7 else "\n" for n in range(200_000))
    blocked = _blocked(text, BLOCK_TEXT)
    starts = blocked.block_starts  # type: ignore[attr-defined]
    assert len(starts) >= 4
    asked = []
    for k in range(1, len(starts)):  # each step: a place before the cut, past it, then before it again
        asked += [starts[k] - 3, starts[k] + 2, starts[k] - 1]
    lines = [blocked.position(at).line for at in asked]
    assert lines == [text.count("\n", 0, at) + 1 for at in asked]
    assert len(made) == len(starts), (len(made), len(starts))


# The same text with each kind of line end: LF, CRLF, and CR alone (an old Mac export).
_ENDS = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}


def _with_ends(text: str, end: str) -> str:
    return text.replace("\n", end)


def _findings(linter: object, config: object, path: str) -> tuple[object, list[tuple[str, int, int, int, int]]]:
    """The file's Source as a check reads it and its findings' (code, start line and column, end line and
    column)."""
    result = linter.lint_file(path, config)  # type: ignore[attr-defined]
    assert not result.errors, result.errors
    source = result.source
    places = []
    for f in result.findings:
        a, b = source.position(f.start), source.position(f.end)
        places.append((f.code, a.line, a.column, b.line, b.column))
    return source, sorted(places)


def test_a_big_crlf_or_cr_file_is_checked_in_blocks_with_the_findings_of_its_lf_twin(tmp_path) -> None:
    # A file whose lines end in CRLF or CR alone was held and checked whole (the blocked reading refused
    # any CR): the PEPs as one CR file took 36.8 s and 682 MiB. Cut as an LF file is, it gives the findings
    # of the same text with LF ends, at the same lines and columns, far into the file.
    from lint.config import Config
    from lint.engine import Linter, Selection
    from lint.source import BlockedSource

    odd = ("Two  spaces here. We don&#8217;t know.\nA trailing blank \n\nthe the word.\n\n"
           "Title\n=====\n\nAuthor: Jane Doe\nStatus: Active\nType: Process\n\nSubtitle\n--------\n\n")
    # (Each paragraph its own, so that no rule that compares paragraphs sees them across a cut: CRLF ends make
    # each block end a few lines earlier than LF ones do.)
    parts = [f"This is sentence {n} of plain words.\nAnother sentence follows number {n}.\n\n" for n in range(24_000)]
    parts[::997] = [odd.replace("Jane", f"Jane {n}") for n in range(len(parts[::997]))]
    count = len(parts) // 997
    text = "A smile \U0001f642 to start.\n\n" + "".join(parts) + "The end.\n"
    assert len(text) > BIG_TEXT
    linter, config = Linter(Selection(cache=False)), Config()
    seen = {}
    for kind, end in _ENDS.items():
        path = tmp_path / f"{kind}.txt"
        path.write_bytes(_with_ends(text, end).encode("utf-8"))
        source, seen[kind] = _findings(linter, config, str(path))
        assert isinstance(source, BlockedSource) and len(source.blocks) > 10, kind
        assert all(block.endswith(end) for block in source.blocks), kind  # (a CRLF pair never cut in two)
    assert len(seen["lf"]) > 3 * count
    assert {code for code, *_ in seen["lf"]} >= {"W105", "W102", "T102"}
    assert seen["crlf"] == seen["lf"]
    assert seen["cr"] == seen["lf"]


def test_a_big_file_that_mixes_line_ends_is_checked_whole(tmp_path) -> None:
    # W106 weighs a file's line ends against each other: a block would weigh only its own.
    from lint.config import Config
    from lint.engine import Linter, Selection
    from lint.source import BlockedSource

    text, _ = _big("Fine.")
    path = tmp_path / "mixed.txt"
    path.write_bytes(text.encode("utf-8").replace(b"\n\n", b"\r\n\n"))
    source, found = _findings(Linter(Selection(cache=False)), Config(), str(path))
    assert not isinstance(source, BlockedSource)
    assert any(code == "W106" for code, *_ in found)


def test_blocks_of_crlf_and_cr_text_are_the_blocks_of_the_whole_text() -> None:
    # Read a few bytes at a time (a CRLF pair split between two reads), against the text decoded whole and
    # cut; a text that mixes its line ends is not cut.
    from lint.engine import _block_break
    from lint.source import blocked_utf8
    from tests.differential import differences, texts_of

    pieces = ["x", "é", "\U0001f642", "\n", "\n\n", " ", "\t", "\n \n", "\n\t\n"]

    texts = [*texts_of(pieces, 1023, 3, 6_000, 24)]
    for end in ("\r\n", "\r"):
        ended = [_with_ends(text, end) for text in texts]
        for step in (1, 2, 3, 64):
            assert differences(iter(ended), _read_in_steps(step), lambda text: _cut_whole(text, 6, 4)) == [], (end, step)
        for text in ended:
            cut = _cut_whole(text, 6, 4)
            assert cut is None or all(not block.startswith("\n") for block in cut[0]), repr(text)
    mixed = "a\r\n\r\nb\n\nc\r\n\r\n" * 4
    assert blocked_utf8("a.txt", mixed.encode(), 6, 4, _block_break) is None


def test_positions_and_lines_of_crlf_and_cr_blocks_are_those_of_the_whole_text() -> None:
    from lint.model import Source
    from lint.source import BlockedSource
    from tests.differential import differences, texts_of

    def blocked(text: str, block: int) -> Source:
        starts = [0]
        for m in re.finditer(r"\r\n|\r|\n", text):
            if m.end() - starts[-1] >= block and m.end() < len(text):
                starts.append(m.end())
        return BlockedSource.of(Source("a.txt", text), starts)

    def read(source: Source) -> object:
        starts = list(source.line_starts())
        return ([source.position(at) for at in range(len(source.text) + 2)],
                [source.line_text(line) for line in range(1, len(starts) + 1)], starts)

    texts = [*texts_of([p for p in _LINE_PIECES if "\r" not in p], 1024, 3, 2_000, 24)]
    for end in ("\r\n", "\r"):
        ended = [_with_ends(text, end) for text in texts]
        for block in (1, 2, 5):
            assert differences(iter(ended), lambda text, block=block: read(blocked(text, block)),
                               lambda text: read(Source("a.txt", text))) == [], (end, block)


def _old_line_start(text: str, i: int) -> int:
    nl = text.rfind("\n", 0, i)
    return max(nl, text.rfind("\r", nl + 1, i)) + 1


def _old_line_end(text: str, i: int) -> int:
    nl = text.find("\n", i)
    cr = text.find("\r", i, nl if nl >= 0 else len(text))
    return cr if cr >= 0 else nl if nl >= 0 else len(text)


def test_line_start_and_end_are_those_they_were(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from lint import lines
    from tests.differential import differences, texts_of

    texts = [*texts_of(_LINE_PIECES, 1025, 3, 4_000, 40)]
    for window in (1, 2, 3, 256):
        monkeypatch.setattr(lines, "_WINDOW", window)
        for ours, plain in ((lines.line_start, _old_line_start), (lines.line_end, _old_line_end)):
            assert differences(iter(texts), lambda text, f=ours: [f(text, i) for i in range(len(text) + 2)],
                               lambda text, f=plain: [f(text, i) for i in range(len(text) + 2)]) == [], window


def test_line_start_and_end_read_about_the_line_whatever_the_line_ends() -> None:
    # Counted, not timed: the characters the searches may read. The search for LF read back to the start of a
    # text whose lines end in CR alone, at each place asked: the PEPs as one CR file spent 36 s there.
    from lint import lines

    class Counted(str):
        read = 0

        def find(self, sub, start=0, end=None):  # type: ignore[no-untyped-def,override]
            Counted.read += (len(self) if end is None else min(end, len(self))) - start
            return str.find(self, sub, start, end)

        def rfind(self, sub, start=0, end=None):  # type: ignore[no-untyped-def,override]
            Counted.read += (len(self) if end is None else min(end, len(self))) - start
            return str.rfind(self, sub, start, end)

    for end in ("\n", "\r\n", "\r"):
        text = Counted(f"A line of some forty characters, ended.{end}" * 50_000)
        Counted.read = 0
        asked = range(100, len(text), 9_973)
        for at in asked:
            assert lines.line_start(text, at) == _old_line_start(str(text), at)
            assert lines.line_end(text, at) == _old_line_end(str(text), at)
        assert Counted.read <= 2 * 4 * 256 * len(asked), (repr(end), Counted.read)


def test_a_fix_of_a_big_cr_or_crlf_file_keeps_every_other_byte_and_reads_the_file_about_once(
        tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A big file was fixed whole: each pass parsed and checked the whole file again (the PEPs as one 13.9 MB
    # file: 35 s and 1.1 GiB with LF ends, 92 s with CR ends). Block by block, a pass reads again only the
    # blocks that still have fixes; the fixes are those of the text with LF ends, every other byte is kept
    # (its CR or CRLF line ends too), and a second run changes nothing.
    from lint import formats
    from lint.config import Config
    from lint.engine import Linter, Selection

    parts = [f"This is sentence {n} of plain words.\nAnother sentence follows number {n}.\n\n" for n in range(24_000)]
    parts[::4_000] = [f"We don&#8217;t know  why step {n} failed.\n\n" for n in range(len(parts[::4_000]))]
    text = "".join(parts)
    assert len(text) > BIG_TEXT
    fixed = text.replace("don&#8217;t know  why", "don\u2019t know why")
    parsed = [0]
    real = formats.parse

    def counted(source, *args, **kwargs):  # type: ignore[no-untyped-def]
        parsed[0] += len(source.text)
        return real(source, *args, **kwargs)

    monkeypatch.setattr(formats, "parse", counted)
    config = Config()
    for end in ("\r", "\r\n"):
        path = tmp_path / f"{len(end)}.txt"
        path.write_bytes(_with_ends(text, end).encode("utf-8"))
        parsed[0] = 0
        result = Linter(Selection(cache=False)).lint_file(str(path), config, fix=True)
        assert not result.errors and result.fixes_applied == 2 * len(parts[::4_000]), (result.errors, repr(end))
        assert path.read_bytes() == _with_ends(fixed, end).encode("utf-8"), repr(end)
        assert parsed[0] <= 1.5 * len(_with_ends(text, end)), (repr(end), parsed[0])
        again = Linter(Selection(cache=False)).lint_file(str(path), config, fix=True)
        assert not again.errors and again.fixes_applied == 0 and path.read_bytes() == _with_ends(fixed, end).encode()


def test_a_big_file_with_no_cut_is_fixed_as_one_block(tmp_path) -> None:
    # No blank line followed by a visible character: one block, the whole text (its fix read the block as a
    # big file again, and again: RecursionError on a corpus file at the first block-by-block fix).
    from lint.config import Config
    from lint.engine import Linter, Selection

    lines = [f"This is sentence {n} of plain words." for n in range(BIG_TEXT // 30)]
    lines[::3_000] = [f"We don&#8217;t know  why step {n} failed." for n in range(len(lines[::3_000]))]
    text = "\n".join(lines) + "\n"
    assert len(text) > BIG_TEXT
    fixed = text.replace("don&#8217;t know  why", "don\u2019t know why")
    for end in ("\n", "\r"):
        path = tmp_path / f"{len(end)}.txt"
        path.write_bytes(_with_ends(text, end).encode())
        result = Linter(Selection(cache=False)).lint_file(str(path), Config(), fix=True)
        assert not result.errors, result.errors
        assert path.read_bytes() == _with_ends(fixed, end).encode(), repr(end)


def test_a_big_text_is_encoded_as_whole_in_memory_bounded_by_its_bytes() -> None:
    # Encoding a string of four bytes a character to UTF-8 took four bytes a character first: a fix's write of
    # the PEPs as one file (a character past U+FFFF in it) peaked 55 MB over the 14 MB it wrote.
    import tracemalloc

    from lint.model import Source

    text = "\U0001f642 " + "Plain words and é and — more.\r\n" * 150_000
    for encoding, bom in (("utf-8", False), ("utf-8", True), ("utf-16-le", True), ("utf-32-be", True)):
        source = Source("a.txt", text, encoding, bom)
        assert source.encode() == ("\ufeff" if bom else "").encode(encoding) + text.encode(encoding)
    source = Source("a.txt", text)
    size = len(text.encode("utf-8"))
    tracemalloc.start()
    try:
        data = source.encode()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(data) == size
    assert peak <= 2.5 * size, (peak, size)  # (the pieces and their join; four bytes a character before)


def test_a_second_fix_of_a_big_file_changes_nothing_where_a_fix_moved_a_cut(tmp_path) -> None:
    # A fix that shortens a block moves where the fixed text is cut (a cut is sought from BLOCK_TEXT
    # characters after the block's start): a paragraph repeated across the first cut (not compared then) was
    # in one block at the next run, whose S108 fix changed the file again. The copy is deleted at the first
    # run, as the whole-file fix deletes it, and a second run changes nothing.
    from lint.config import Config
    from lint.engine import BLOCK_TEXT, Linter, Selection, _block_starts

    head = "Intro line.\n" + "\n" * 200 + "After the blank lines.\n\n"
    parts = [head]
    size, n = len(head), 0
    while size < BLOCK_TEXT - 200:
        parts.append(f"Plain words in paragraph number {n} of the filler.\n\n")
        size, n = size + len(parts[-1]), n + 1
    parts.append("\n" * (BLOCK_TEXT - 3 - size))  # the first copy starts at BLOCK_TEXT - 3
    tail = "".join(f"Plain words in paragraph number {n} of the tail.\n\n" for n in range(BIG_TEXT // 45))
    # (the paragraph whose start the text is cut before: a cut is made at one run of blank lines in several)
    for number in range(100):
        repeated = f"Paragraph {number} is repeated on both sides of the cut, word for word, as a scraper may leave it."
        text = "".join(parts) + f"{repeated}\n\n{repeated}\n\n" + tail
        first = text.index(repeated)
        if _block_starts(text)[1] == first + len(repeated) + 2:  # cut between the two copies
            break
    else:
        raise AssertionError("no paragraph is cut before")
    assert len(text) > BIG_TEXT
    for end in ("\n", "\r\n"):
        path = tmp_path / f"{len(end)}.txt"
        path.write_bytes(_with_ends(text, end).encode("utf-8"))
        first_run = Linter(Selection(cache=False)).lint_file(str(path), Config(), fix=True)
        assert not first_run.errors, first_run.errors
        written = path.read_bytes()
        assert written.decode("utf-8").count(repeated) == 1, repr(end)
        again = Linter(Selection(cache=False)).lint_file(str(path), Config(), fix=True)
        assert not again.errors and again.fixes_applied == 0, (again.fixes_applied, repr(end))
        assert path.read_bytes() == written, repr(end)


def test_a_fix_that_shortens_a_block_of_a_big_file_moves_no_cut(tmp_path) -> None:
    # A block is cut before a paragraph its head chooses (``_block_cut``), not at the first run of blank
    # lines BLOCK_TEXT characters after the cut before: a fix that shortened the first block (an entity
    # decoded, 6 characters) put the first cut one paragraph on, and every cut after it moved (the fix
    # fixed each block of the file twice, a second --fix read blocks of its own).
    from lint.config import Config
    from lint.engine import BLOCK_TEXT, Linter, Selection, _block_break, _block_starts

    def text_of(digits: int, first: int) -> str:
        return (f"We don&#8217;t know why, said run {'1' * digits}.\n\n"
                + "".join(f"Paragraph {n} has a few words in it.\n\n" for n in range(first, first + BIG_TEXT // 30)))

    for first in range(50):
        # (the first block as long as to have a paragraph start 2 characters past BLOCK_TEXT: 4 before it once
        # fixed; one the engine does not cut before)
        text = text_of(50, first)
        over = _block_break(text, BLOCK_TEXT + 2).end() - BLOCK_TEXT - 2  # type: ignore[union-attr]
        text = text_of(50 - over, first)
        assert _block_break(text, BLOCK_TEXT).end() == BLOCK_TEXT + 2  # type: ignore[union-attr]
        if _block_starts(text)[1] != BLOCK_TEXT + 2:
            break
    assert len(text) > BIG_TEXT
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    result = Linter(Selection(cache=False)).lint_file(str(path), Config(), fix=True)
    assert not result.errors and result.fixes_applied == 1
    fixed = path.read_text(encoding="utf-8")
    assert fixed == text.replace("&#8217;", "\u2019")
    cuts, fixed_cuts = _block_starts(text), _block_starts(fixed)
    assert len(cuts) > 10
    assert [text[c : c + 40] for c in cuts[1:]] == [fixed[c : c + 40] for c in fixed_cuts[1:]]
    again = Linter(Selection(cache=False)).lint_file(str(path), Config(), fix=True)
    assert not again.errors and again.fixes_applied == 0 and path.read_text(encoding="utf-8") == fixed


def test_a_byte_order_mark_that_starts_a_paragraph_of_a_big_file_is_flagged_and_fixed_as_in_a_small_one(
        tmp_path) -> None:
    # Two files glued together leave the second one's U+FEFF at the start of a line. A block cut before it
    # began with it, and E102 read it as the text's own byte order mark (one at the start of the text is
    # let through): the block path neither reported nor deleted it, the whole-file fix did.
    from lint.config import Config
    from lint.engine import Linter, Selection

    # (every paragraph after the first starts with one: so does every block after the first)
    parts = [f"\ufeffPlain words in paragraph number {n} of the text.\n\n" for n in range(BIG_TEXT // 45)]
    parts[0] = parts[0][1:]
    marks = len(parts) - 1
    text = "".join(parts)
    assert len(text) > BIG_TEXT
    for end in ("\n", "\r\n"):
        path = tmp_path / f"{len(end)}.txt"
        path.write_bytes(_with_ends(text, end).encode("utf-8"))
        checked = Linter(Selection(cache=False)).lint_file(str(path), Config())
        assert sum(f.code == "E102" for f in checked.findings) == marks, repr(end)
        fixed = Linter(Selection(cache=False)).lint_file(str(path), Config(), fix=True)
        assert not fixed.errors and fixed.fixes_applied == marks, (fixed.fixes_applied, repr(end))
        assert path.read_bytes() == _with_ends(text.replace("\ufeff", ""), end).encode("utf-8"), repr(end)
