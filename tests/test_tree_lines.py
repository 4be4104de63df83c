"""S112 (repeated-line-across-files) through the real command: the tree-wide line counts, with positions, in
a cold run, a warm run served by the results cache, on a pool of workers, and in corpus mode."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

FURNITURE = "Story continues below advertisement"
STORIES = [
    "Harbour workers ended a three-day strike on Friday after the port authority agreed to hire more staff.",
    "The city council approved the new budget on Tuesday, with more money for buses and less for roads.",
    "Schools across the county closed early on Monday as the first snow of the winter fell overnight.",
    "The river rose above its banks on Sunday, and the bridge to the old town was closed to traffic.",
    "A new library opened in the north of the city on Saturday, the first built there in forty years.",
]


def _tree(root: Path, n: int = 5, furniture_in: int = 5) -> list[Path]:
    paths = []
    for i, story in enumerate(STORIES[:n]):
        body = f"{story}\n\n{FURNITURE}\n\nMore of story {i}: unlike any other line here, {story.lower()}\n" \
            if i < furniture_in else f"{story}\n\nAnd then: {story.lower()}\n"
        path = root / f"page{i}.txt"
        _write(path, body)
        paths.append(path)
    return paths


def _write(path: Path, text: str) -> None:
    """Written a minute ago: the stat index records only files older than its two-second window."""
    path.write_text(text, encoding="utf-8")
    past = time.time() - 60
    os.utime(path, (past, past))


def _found(proc: subprocess.CompletedProcess[str]) -> list[tuple[str, int, int]]:
    return sorted((Path(f["path"]).name, f["start"]["line"], f["start"]["column"])
                  for f in json.loads(proc.stdout)["findings"] if f["code"] == "S112")


def test_a_line_many_files_hold_is_reported_in_each_with_its_position(run, tmp_path):
    _tree(tmp_path)
    proc = run("check", "--isolated", "--no-cache", "--select", "S112", "--output-format", "json", ".", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert _found(proc) == [(f"page{i}.txt", 3, 1) for i in range(5)]
    message = next(f["message"] for f in json.loads(proc.stdout)["findings"])
    assert "5 of the 5 documents" in message


def test_off_by_default_and_silent_under_min_documents(run, tmp_path):
    _tree(tmp_path, furniture_in=2)
    proc = run("check", "--isolated", "--no-cache", "--select", "S112", "--output-format", "json", ".", cwd=tmp_path)
    assert _found(proc) == []
    _tree(tmp_path)
    proc = run("check", "--isolated", "--no-cache", "--output-format", "json", ".", cwd=tmp_path)
    assert _found(proc) == []


def test_a_pool_of_workers_finds_the_same(run, tmp_path):
    _tree(tmp_path)
    one = run("check", "--isolated", "--no-cache", "--select", "S112", "--output-format", "json", "--jobs", "1", ".",
              cwd=tmp_path)
    two = run("check", "--isolated", "--no-cache", "--select", "S112", "--output-format", "json", "--jobs", "2", ".",
              cwd=tmp_path)
    assert _found(one) == _found(two) != []


def test_a_warm_run_counts_from_the_cache_and_follows_a_changed_file(run, tmp_path):
    paths = _tree(tmp_path, furniture_in=3)
    cache = tmp_path / "cache"
    args = ("check", "--isolated", "--select", "S112", "--output-format", "json", ".")
    env = {"COPYLINT_CACHE_DIR": str(cache)}
    cold = run(*args, cwd=tmp_path, env=env)
    assert _found(cold) == [(f"page{i}.txt", 3, 1) for i in range(3)]
    # The stat index keeps each file's line hashes: the next run counts the tree without reading it.
    index = next(cache.rglob("index/*.json"))
    rows = json.loads(index.read_text())
    assert len(rows) == 5 and all(len(row) == 9 and row[8] for row in rows.values())
    warm = run(*args, cwd=tmp_path, env=env)
    assert _found(warm) == _found(cold)
    # One file loses the line: the two others (served by the cache) fall under min-documents.
    _write(paths[0], STORIES[0] + "\n")
    after = run(*args, cwd=tmp_path, env=env)
    assert _found(after) == []
    # And a fourth file gets it: three files hold it again, the cached ones included.
    _write(paths[3], f"{STORIES[3]}\n\n{FURNITURE}\n")
    again = run(*args, cwd=tmp_path, env=env)
    assert _found(again) == [("page1.txt", 3, 1), ("page2.txt", 3, 1), ("page3.txt", 3, 1)]


def test_ignored_per_file_and_by_an_inline_switch(run, tmp_path):
    paths = _tree(tmp_path, n=4, furniture_in=4)
    paths[0].with_suffix(".md").write_text(f"<!-- copylint-disable-next-line S112 -->\n{FURNITURE}\n\n{STORIES[0]}\n",
                                           encoding="utf-8")
    paths[0].unlink()
    (tmp_path / ".copylint.yaml").write_text("per-file-ignores:\n  page1.txt: [S112]\n", encoding="utf-8")
    proc = run("check", "--no-cache", "--select", "S112", "--output-format", "json", ".", cwd=tmp_path)
    assert _found(proc) == [("page2.txt", 3, 1), ("page3.txt", 3, 1)]


def test_corpus_mode_counts_distinct_records_and_resumes_alike(tmp_path):
    corpus = tmp_path / "in.jsonl"
    records = [{"id": i, "text": f"{story}\n\n{FURNITURE}\n"} for i, story in enumerate(STORIES[:2])]
    # Copies count once: two distinct records hold the line, under min-documents (3).
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records * 4), encoding="utf-8")

    def findings(out: Path, *extra: str) -> list[tuple[int, str, str]]:
        subprocess.run([sys.executable, "-m", "lint", "corpus", str(corpus), str(out), "--select", "S112", "--id-field", "id", *extra],
                       check=True, capture_output=True)
        rows = [json.loads(line) for p in sorted(out.glob("part-*.jsonl")) for line in p.read_text().splitlines()]
        texts = {r["id"]: r["text"] for r in records + [{"id": 2, "text": f"{STORIES[2]}\n\n{FURNITURE}\n"}]}
        return [(row["id"], f["code"], texts[row["id"]][f["start"]:f["end"]]) for row in rows for f in row["findings"]]

    assert findings(tmp_path / "a") == []
    records.append({"id": 2, "text": f"{STORIES[2]}\n\n{FURNITURE}\n"})
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records * 2), encoding="utf-8")
    found = findings(tmp_path / "b", "--shard-size", "2")
    assert found == [(i % 3, "S112", FURNITURE) for i in range(6)]
    # Resuming a run with some shards written (each shard alone would see no repetition) gives the same.
    resumed = tmp_path / "c"
    findings(resumed, "--shard-size", "2")
    for part in sorted(resumed.glob("part-*.jsonl"))[1:]:
        part.unlink()
    assert findings(resumed, "--shard-size", "2") == found
    assert findings(tmp_path / "d", "--shard-size", "2", "--jobs", "2") == found


def test_no_tree_rule_is_on_by_default():
    """The engine decides that a run selecting nothing by name has no rule of scope "tree" without
    reading the rule index (lint.engine._tree_selected): that holds while none is on by default."""
    from lint import registry

    assert [e.code for e in registry.builtin_index() if e.tree] == ["S112"]
    assert not any(e.tree and e.default_enabled for e in registry.builtin_index())


def test_corpus_mode_with_fix_reports_positions_in_the_text_as_it_came(tmp_path):
    corpus = tmp_path / "in.jsonl"
    # A fix before the line (the entity) moves it in the fixed text: the finding stays on the input's.
    records = [{"id": i, "text": f"{story.replace(' and ', ' &amp; ', 1)}\n\n{FURNITURE}\n"}
               for i, story in enumerate(STORIES[:3])]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "lint", "corpus", str(corpus), str(out), "--select", "S", "--fix",
                    "--id-field", "id"], check=True, capture_output=True)
    rows = [json.loads(line) for p in sorted(out.glob("part-*.jsonl")) for line in p.read_text().splitlines()]
    texts = {r["id"]: r["text"] for r in records}
    assert [texts[row["id"]][f["start"]:f["end"]] for row in rows for f in row["findings"] if f["code"] == "S112"] \
        == [FURNITURE] * 3
    assert all("&amp;" not in row["fixed"] for row in rows if "&amp;" in texts[row["id"]])


def _whole_text_lines(text: str) -> list[tuple[int, int, int]]:
    """tree_lines as it read the text before: case folding and digits over the whole text at once."""
    from lint.tree import _DIGITS, MAX_CHARS, MIN_WORDS, _key

    out, start = [], 0
    for line, normal in zip(text.split("\n"), _DIGITS.sub("0", text.casefold()).split("\n"), strict=True):
        if 7 < len(line) <= MAX_CHARS and normal.count(" ") >= MIN_WORDS - 1:
            normal = " ".join(normal.split())
            if normal.count(" ") >= MIN_WORDS - 1:
                out.append((_key(normal), start + len(line) - len(line.lstrip()), start + len(line.rstrip())))
        start += len(line) + 1
    return out


def test_lines_are_read_one_by_one_as_the_whole_text_was():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from lint.tree import tree_lines

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(["Posted", "2", "hours", "ago", " ", "  ", "\n", "\t", "ß", "İstanbul",
                                     "ﬁ", "٣", "ＡＢ", "\u00a0", "\u2028", "x" * 120, "ŉ"]), max_size=60))
    def same(words: list[str]) -> None:
        text = " ".join(words)
        assert [tuple(t[:3]) for t in tree_lines(text)] == _whole_text_lines(text)

    same()


def test_a_line_is_prose_where_a_non_heading_segment_with_words_covers_part_of_it():
    """``document_lines`` (which reads a one-run segment's span off its anchor) against its definition, on
    plain text (one run a segment) and on Markdown and HTML whose inline markup cuts segments into runs."""
    from lint.config import Config
    from lint.engine import Linter, Selection
    from lint.model import SegmentKind, Source
    from lint.tree import document_lines

    line = f"{FURNITURE} today"
    texts = {
        "a.txt": f"{line}\n\n{STORIES[0]}\n{line}\n\n   \n{line}\n",
        "b.md": f"# {line}\n\n{line}\n\nSome *stressed* and `coded` words, then [a link](https://example.com) "
                f"and **more**.\n{line}\n\n```\n{line}\n```\n\n- {line} *too*\n",
        "c.html": f"<h1>{line}</h1><p>{line}</p><p>Some <b>bold</b> and <i>slanted</i> words.</p>"
                  f"<pre>{line}</pre><p>{line} <a href='x'>here</a></p>\n",
    }
    linter, config = Linter(Selection()), Config()
    runs = 0
    marks: set[bool] = set()
    for path, text in texts.items():
        doc = linter.document(Source(path, text), config)
        spans = [(s.to_source(0), s.to_source_end(len(s.text))) for s in doc.segments
                 if s.kind != SegmentKind.HEADING.value and s.text.strip()]
        runs += sum(len(s.anchors) > 1 for s in doc.segments)
        lines = document_lines(doc, "S112")
        marks.update(t.prose for t in lines)
        assert [t.prose for t in lines] == [any(a < t.end and t.start < b for a, b in spans) for t in lines], path
    assert runs and marks == {True, False}  # (segments of several runs, lines of both kinds among them)
