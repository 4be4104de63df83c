"""SubRip and WebVTT: cue text is prose; indexes, timings, settings, tags and NOTE blocks are not."""

from __future__ import annotations

import json
import shutil

import pytest

import lint
from lint.formats import ParseError, parse
from lint.model import Source
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "formats"


def _found(name: str) -> list[tuple[str, int, int]]:
    path = FIXTURES / name
    text = path.read_text(encoding="utf-8")
    src = Source(str(path), text)
    return [(f.code, src.position(f.start).line, src.position(f.start).column)
            for f in lint.check_text(text, path=str(path))]


def test_srt_findings_at_exact_positions_only_in_cue_text():
    assert _found("talk.srt") == [("P104", 3, 23), ("T102", 3, 30), ("S107", 8, 39)]


def test_vtt_findings_skip_header_note_and_settings():
    assert _found("talk.vtt") == [("P104", 7, 45)]


@pytest.mark.parametrize("name", ["talk.srt", "talk.vtt"])
def test_fix_edits_cue_text_only_and_file_still_parses(name):
    path = FIXTURES / name
    text = path.read_text(encoding="utf-8")
    fixed = lint.fix_text(text, path=str(path), unsafe=True)
    assert fixed != text
    before, after = parse(Source(str(path), text), name[-3:]), parse(Source(str(path), fixed), name[-3:])
    assert len(before.segments) == len(after.segments)
    # Every non-prose line (index, timing, settings, header) is byte for byte the same.
    timing = [ln for ln in text.splitlines() if "-->" in ln or ln.strip().isdigit() or ln.startswith(("WEBVTT", "NOTE"))]
    assert timing == [ln for ln in fixed.splitlines() if "-->" in ln or ln.strip().isdigit()
                      or ln.startswith(("WEBVTT", "NOTE"))]


def test_cue_tags_are_not_prose():
    doc = parse(Source("a.srt", "1\n00:00:01,000 --> 00:00:02,000\n<i>Hello</i> {\\an8}world\n"), "srt")
    assert [s.text for s in doc.segments] == ["\ufffcHello\ufffc \ufffcworld"]


@pytest.mark.parametrize("body, line", [
    ("1\n00:00:01,000 --> 00:00:02,000\nFine.\n\n2\n00:00:03 --> 00:00:04,000\nBroken.\n", 6),
    ("1\nno timing here\nText.\n", 1),
])
def test_malformed_timing_is_an_error_with_its_line(body, line):
    with pytest.raises(ParseError) as info:
        parse(Source("a.srt", body), "srt")
    assert info.value.line == line


def test_vtt_without_header_is_an_error():
    with pytest.raises(ParseError) as info:
        parse(Source("a.vtt", "00:01.000 --> 00:02.000\nText.\n"), "vtt")
    assert info.value.line == 1


def test_cli_reports_broken_file_and_still_lints_the_others(run, tmp_path):
    shutil.copy(FIXTURES / "talk.srt", tmp_path / "good.srt")
    (tmp_path / "bad.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nFine.\n\n2\n00:00:03 --> 00:00:04,000\nX.\n")
    r = run("check", ".", "--format", "json", "--no-cache", cwd=tmp_path)
    data = json.loads(r.stdout)
    assert r.returncode == 2
    assert data["errors"] == [{"path": "bad.srt", "message": "malformed timing '00:00:03 --> 00:00:04,000'",
                               "line": 6}]
    assert {f["path"] for f in data["findings"]} == {"good.srt"}
