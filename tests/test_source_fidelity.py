"""Nothing lost: encodings, BOMs and line endings survive a fix; undecodable and binary files are handled."""

from __future__ import annotations

import json
import os
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lint.config import Config
from lint.engine import Linter
from lint.model import Source
from lint.source import BinaryFile, LoadError, decode, write_source


@pytest.mark.parametrize(
    "data, encoding, bom",
    [
        (b"plain\n", "utf-8", False),
        (b"\xef\xbb\xbfwith bom\r\n", "utf-8", True),
        ("utf16 \u2019\n".encode("utf-16-le"), None, None),
        ("\ufeffutf16 le \u2019\n".encode("utf-16-le"), "utf-16-le", True),
        ("\ufeffutf16 be \u2019\n".encode("utf-16-be"), "utf-16-be", True),
    ],
)
def test_decode_and_encode_round_trip(data, encoding, bom):
    if encoding is None:
        with pytest.raises(BinaryFile):
            decode("x.txt", data)  # UTF-16 without a BOM has NUL bytes: treated as binary
        return
    src = decode("x.txt", data)
    assert src.encoding == encoding and src.bom is bom
    assert not src.text.startswith("\ufeff")
    assert src.encode() == data


def test_undecodable_names_the_byte():
    with pytest.raises(LoadError, match="cannot decode as UTF-8 at byte 5"):
        decode("x.txt", b"hello\xff world")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_fix_keeps_line_endings_bom_and_encoding(run, tmp_path, newline):
    body = f"  Indented first line.{newline}Second line \u2019.{newline}"
    for encoding, bom in (("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-8", b"")):
        f = tmp_path / "a.txt"
        f.write_bytes(bom + body.encode(encoding))
        r = run("check", "a.txt", "--fix", "--select", "W101", cwd=tmp_path)
        assert r.returncode == 0, r.stdout + r.stderr
        assert f.read_bytes() == bom + body.lstrip(" ").encode(encoding)


def test_positions_use_the_files_own_line_endings():
    for nl in ("\n", "\r\n", "\r"):
        src = Source("x.txt", f"one{nl}two{nl}three")
        offset = src.text.index("three")
        p = src.position(offset)
        assert (p.line, p.column) == (3, 1)
        assert src.line_text(2) == "two"


def test_binary_file_skipped_with_note_under_verbose(run, tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    (tmp_path / "ok.txt").write_text("Fine.\n")
    r = run("check", ".", "--verbose", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "image.txt: skipped: binary file" in r.stderr
    r = run("check", ".", cwd=tmp_path)
    assert "image.txt" not in r.stderr + r.stdout


def test_decode_error_reported_and_others_still_linted(run, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"ok " * 400 + b"\xc3\x28 broken\n")
    (tmp_path / "good.txt").write_text("  Indented.\n")
    r = run("check", ".", "--select", "W101", cwd=tmp_path)
    assert r.returncode == 2
    assert "bad.txt: cannot decode as UTF-8 at byte 1200" in r.stdout
    assert "good.txt:1:1: W101" in r.stdout


def test_file_changed_on_disk_is_not_written(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"  Indented.\n")
    src = decode(str(f), f.read_bytes())
    f.write_bytes(b"  Someone else's edit.\n")
    with pytest.raises(LoadError, match="changed on disk"):
        write_source(src, "Indented.\n")
    assert f.read_bytes() == b"  Someone else's edit.\n"


def test_write_is_atomic_replace(tmp_path):
    """A reader never sees a half-written file: the new content arrives by rename."""
    f = tmp_path / "a.txt"
    f.write_bytes(b"  x" * 200_000)
    src = decode(str(f), f.read_bytes())
    inode_before = os.stat(f).st_ino
    seen: list[bytes] = []
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            seen.append(f.read_bytes()[:3])

    t = threading.Thread(target=reader)
    t.start()
    write_source(src, "y" * 600_000)
    stop.set()
    t.join()
    assert os.stat(f).st_ino != inode_before
    assert set(seen) <= {b"  x", b"yyy"}
    assert f.read_bytes() == b"y" * 600_000


def test_fix_changes_no_byte_outside_its_edits():
    text = "  Keep \u2019this\u2019 \u00e9xactly\r\nas it is.\r\n"
    new_text, remaining, applied = Linter().fix(Source("a.txt", text), Config(select=["W101"]))
    assert applied == 1 and remaining == []
    assert new_text == text[2:]


def test_json_offsets_count_code_points_not_bytes(run, tmp_path):
    (tmp_path / "a.txt").write_text("\U0001F600\n\n\n\nx\n", encoding="utf-8")
    r = run("check", "a.txt", "--format", "json", "--select", "W", cwd=tmp_path)
    findings = json.loads(r.stdout)["findings"]
    runs = [f for f in findings if f["rule"] == "blank-line-run"]
    if not runs:
        pytest.skip("blank-line-run not present yet")
    assert runs[0]["start"]["offset"] >= 2 and runs[0]["start"]["line"] >= 2


def test_positions_counted_from_place_to_place_are_those_of_the_line_starts():
    text = "one\ntwo é\n\nfour\n"
    for offsets in ([0, 3, 4, 9, 10, 11, 15, 16, 40], [11, 4, 16, 0, 9, 9, 3]):
        counted, lines = Source("a.txt", text), Source("a.txt", text)
        lines.line_starts()  # (made first: positions then come from them)
        assert [counted.position(o) for o in offsets] == [lines.position(o) for o in offsets]
    assert Source("a.txt", "a\r\nb\rc").position(5).line == 3


@given(st.text(alphabet="ab\né", max_size=60), st.lists(st.integers(0, 64), max_size=30))
def test_positions_counted_in_any_order_are_those_of_the_line_starts(text, offsets):
    counted, lines = Source("a.txt", text), Source("a.txt", text)
    lines.line_starts()
    assert [counted.position(o) for o in offsets] == [lines.position(o) for o in offsets]


def test_a_source_made_with_another_text_counts_its_positions_afresh():
    # A fix makes the next pass's source with ``dataclasses.replace``: what the first text's places were
    # counted as must not carry over (an XLIFF switch was placed a line early after --fix).
    import dataclasses

    source = Source("a.txt", "a\u200b\u200b\u200b\u200b b\nline two\nthree\n")
    source.position(20)
    fixed = dataclasses.replace(source, text="a b\nline two\nthree\n", _line_starts=None)
    assert fixed.position(16) == Source("a.txt", fixed.text).position(16)
    assert fixed.position(16).line == 3
