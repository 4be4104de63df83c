"""HTML: body text is prose, per block; tags, attributes (but alt/title), code, scripts and styles are not;
entities are decoded and never rewritten."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import lint
from lint.formats import parse
from lint.model import Source
from tests.conftest import ROOT, shared_path

FIXTURE = ROOT / "tests" / "fixtures" / "formats" / "page.html"


def test_segments_per_block_with_alt_and_title():
    doc = parse(Source(str(FIXTURE), FIXTURE.read_text()), "html")
    assert [(s.kind, s.text) for s in doc.segments] == [
        ("heading", "Plane Crash In Belgorod"),
        ("caption", "World news , live"),
        ("paragraph", "The plane crashed,, officials said & confirmed. It was the the\nfirst crash this year."),
        ("paragraph", "Use \ufffc to quote. Prices\u00a0rose… More than 200 were exchanged."),
        ("caption", "A burned plane,, on the field"),
        ("paragraph", "Suppressed the the repeat."),
    ]


def test_findings_at_exact_positions_and_none_in_markup_or_code():
    text = FIXTURE.read_text()
    src = Source(str(FIXTURE), text)
    found = [(f.code, src.position(f.start).line, src.position(f.start).column)
             for f in lint.check_text(text, path=str(FIXTURE))]
    assert found == [("P104", 6, 21), ("T102", 6, 67), ("S107", 7, 51), ("S103", 8, 61), ("P104", 10, 37)]


def test_fix_edits_text_only_and_keeps_entities_and_code():
    text = FIXTURE.read_text()
    fixed = lint.fix_text(text, path=str(FIXTURE))
    assert "crashed, officials said &amp; confirmed" in fixed  # the entity is written as it was
    assert 'title="World news, live"' in fixed and 'alt="A burned plane, on the field"' in fixed
    assert "<code>copy,,  paste</code>" in fixed and 'var s = "the the,, ";' in fixed
    assert "Prices&nbsp;rose&#8230; More" in fixed

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[str] = []

        def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
            self.tags.append(tag)

    before, after = Tags(), Tags()
    before.feed(text)
    after.feed(fixed)
    assert before.tags == after.tags
    assert lint.fix_text(fixed, path=str(FIXTURE)) == fixed


def test_real_pages_map_every_prose_character_back():
    """The trafilatura evaluation pages (real scraped HTML): every character of every segment that
    stands for itself is the character at its mapped place in the file."""
    import gzip

    pages = sorted(shared_path("corpora", "trafilatura", "html_en").glob("*.gz"))[:60]
    assert pages
    segments = 0
    for page in pages:
        text = gzip.decompress(page.read_bytes()).decode("utf-8", "replace")
        doc = parse(Source(page.name, text), "html")
        for seg in doc.segments:
            segments += 1
            for i, ch in enumerate(seg.text):
                if not any(a <= i < b for a, b in seg.opaque):
                    assert text[seg.to_source(i)] == ch, (page.name, seg.text[:60], i)
    assert segments > 1000


def test_layout_rules_ignore_whitespace_between_tags():
    from lint.config import Config

    text = "<ul>   \n  <li>One item.</li>\n\n\n\n  <li>Two  items.</li>\n</ul>\n"
    assert lint.check_text(text, path="a.html") == []  # (W105: the page shows the prose's run as one space)
    asked = Config(rule_options={"W105": {"in-rendered-documents": True}})
    codes = [(f.code, f.start) for f in lint.check_text(text, path="a.html", config=asked)]
    assert [c for c, _ in codes] == ["W105"]  # only the run inside the prose "Two  items."


def test_attributes_read_as_prose_follow_the_config(run, tmp_path):
    page = ('<p><img alt="A photo of of Kyiv" src="x.jpg" aria-label="Close the the menu" data-title="in in">'
            '<a title="Go to to home" href="/">Home</a></p>\n')
    (tmp_path / "page.html").write_text(page)

    def flagged(config: str) -> list[str]:
        (tmp_path / ".copylint.yaml").write_text(config)
        r = run("check", "--no-cache", "--format", "json", "--select", "T102", "page.html", cwd=tmp_path)
        # Each finding is the second copy of a word; show it with the copy before it.
        return [page[f["start"]["offset"] - 1 - (f["end"]["offset"] - f["start"]["offset"]) : f["end"]["offset"]]
                for f in json.loads(r.stdout)["findings"]]

    assert flagged("") == ["of of", "to to"]  # alt and title by default; data-title is not title
    assert flagged("format-options:\n  html:\n    attributes: [aria-label]\n") == ["the the"]
    assert flagged("format-options:\n  html:\n    attributes: []\n") == []
    # One name stands for a list of one, not for its letters.
    assert flagged("format-options:\n  html:\n    attributes: aria-label\n") == ["the the"]
