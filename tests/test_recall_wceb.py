"""bench/recall.py's labels for the web-content-extraction benchmark: its model-made ground truth leaves
tables, code and stretches of long articles out of a body, which must not count as furniture."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import recall

BODY = [
    "The council voted on Monday to extend the library's opening hours, and the change will start in the spring "
    "after a year of requests from students who study there in the evening.",
    "Members said that the cost of the extra staff is covered by a grant from the state, which was approved last "
    "month and runs for three years before it has to be renewed.",
    "The library will also open on Sunday afternoons, the first time it has done so since the building was "
    "renovated, and the reading room will stay open until ten at night.",
]
PROSE = "This is a paragraph of the article that the ground truth of the benchmark left out of its body text."


def _lay_out(root: Path, pages: dict[str, list[str]], without: list[str]) -> None:
    (root / "html").mkdir(parents=True)
    (root / "output").mkdir()
    truth = {key: {"url": f"https://www.site{key}.example/a", "articleBody": "\n".join(BODY), "headline": "A",
                   "without": without} for key in pages}
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    for key in pages:
        (root / "html" / f"{key}.html.gz").write_bytes(gzip.compress(b"<html><title>Library hours</title></html>"))
    out = {key: {"articleBody": "\n".join(lines)} for key, lines in pages.items()}
    for extractor in recall.WCEB_EXTRACTORS:
        (root / "output" / f"{extractor}.json").write_text(json.dumps(out if extractor == "trafilatura" else {}),
                                                           encoding="utf-8")


def _labels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pages: dict[str, list[str]],
            without: list[str]) -> dict[str, dict[str, bool | None]]:
    _lay_out(tmp_path / "wceb", pages, without)
    monkeypatch.setattr(recall, "DATA", tmp_path)
    return {page.site: dict(zip(page.lines, page.labels, strict=True)) for page in recall.wceb_pages()}


def test_lines_inside_the_body_count_only_where_the_benchmark_names_them(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    lines = ["Skip to content", BODY[0], "| Day | Hours |", "Opening hours by day", "Advertisement", BODY[1],
             BODY[2], "Share this story"]
    labels = _labels(tmp_path, monkeypatch, {"1": lines}, ["Advertisement"])["site1.example"]
    assert labels[BODY[0]] is False
    assert labels["Skip to content"] is True  # before the body
    assert labels["Share this story"] is True  # after it
    assert labels["Advertisement"] is True  # inside it, named by the benchmark
    assert labels["Opening hours by day"] is None  # inside it, a heading the ground truth dropped
    assert labels["| Day | Hours |"] is None  # a table's row


def test_a_page_whose_ground_truth_stops_early_is_left_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cut = [*BODY, *(f"Part {k}. {PROSE}" for k in range(recall.WCEB_PROSE + 1))]
    kept = [*BODY, *(f"Part {k}. {PROSE}" for k in range(recall.WCEB_PROSE))]
    sites = _labels(tmp_path, monkeypatch, {"1": cut, "2": kept}, [])
    assert "site1.example" not in sites
    assert sites["site2.example"][f"Part 0. {PROSE}"] is True


def test_readability_html_as_lines() -> None:
    html = ("<div><h2>Hours</h2><p>Open <b>daily</b>.</p><ul><li>Mon</li><li><p>Tue</p></li></ul>"
            "<table><tr><th>Day</th><td>9 to 5</td></tr><tr><td></td></tr></table></div>")
    assert recall._block_lines(html) == "Hours\nOpen daily.\nMon\nTue\nDay | 9 to 5"
