"""Markdown front matter: not prose, except the values of the keys a config names."""

from __future__ import annotations

import json

import yaml

PAGE = (
    "---\n"
    "title: The  crash near Belgorod\n"      # line 2: a double space (W105) in the title
    "description: >\n"
    "  A report of of the crash\n"           # line 4: a repeated word (T102)
    "  and what came after\n"
    "slug: the the-crash\n"                  # not named: never read
    "tags: [news, news]\n"
    "---\n"
    "\n"
    "# Heading\n"
    "\n"
    "Body text here.\n"
)
# (W105 flags a run in a page's prose, front matter values read as prose included, only where asked: the
# rendered page shows one space.)
CONFIG = ("format-options:\n  markdown:\n    front-matter-keys: [title, description]\n"
          "rules: {W105: {in-rendered-documents: true}}\n")


def _check(run, tmp_path, config: str, *args: str):
    (tmp_path / ".copylint.yaml").write_text(config)
    (tmp_path / "page.md").write_text(PAGE)
    r = run("check", "--no-cache", "--output-format", "json", *args, "page.md", cwd=tmp_path)
    assert r.returncode in (0, 1), r.stderr
    return [(f["code"], f["start"]["line"], f["start"]["column"]) for f in json.loads(r.stdout)["findings"]]


def test_front_matter_is_not_prose_by_default(run, tmp_path):
    assert _check(run, tmp_path, "") == []


def test_named_keys_are_prose_at_their_exact_place(run, tmp_path):
    assert _check(run, tmp_path, CONFIG) == [("W105", 2, 11), ("T102", 4, 15)]


def test_fix_edits_only_the_values_and_the_front_matter_still_loads(run, tmp_path):
    (tmp_path / ".copylint.yaml").write_text(CONFIG)
    page = tmp_path / "page.md"
    page.write_text(PAGE)
    r = run("check", "--no-cache", "--fix", "--unsafe-fixes", "page.md", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    fixed = page.read_text()
    assert fixed == PAGE.replace("The  crash", "The crash").replace("of of", "of")
    meta = yaml.safe_load(fixed.split("---\n")[1])
    assert meta["title"] == "The crash near Belgorod"
    assert meta["description"] == "A report of the crash and what came after\n"
    assert meta["slug"] == "the the-crash" and meta["tags"] == ["news", "news"]


def test_a_fix_that_would_break_the_front_matter_is_not_written(run, tmp_path):
    # T103 swaps a full-width colon for ":", which makes the plain value "Two points: first…" a
    # mapping YAML refuses. The front matter is read leniently (a page with broken front matter is
    # still linted), so the fix is caught by its value going missing, and never written.
    (tmp_path / ".copylint.yaml").write_text(CONFIG)
    page = tmp_path / "page.md"
    text = "---\ntitle: Two points：first and second\n---\n\nBody text here。 More text.\n"
    page.write_text(text)
    r = run("check", "--no-cache", "--fix", "--select", "T103", "--output-format", "json", "page.md", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert page.read_text() == text.replace("here。", "here.")
    assert yaml.safe_load(page.read_text().split("---\n")[1]) == {"title": "Two points：first and second"}
    assert [(f["code"], f["start"]["line"], f["fix"]) for f in json.loads(r.stdout)["findings"]] == [("T103", 2, None)]


def test_a_named_key_whose_value_is_an_alias_reads_nothing_under_another_key(run, tmp_path):
    (tmp_path / ".copylint.yaml").write_text(CONFIG)
    aliased = "---\nlayout: &l The  post layout\ntitle: *l\n---\n\nBody text here.\n"
    anchored = "---\ntitle: &t The  post title\nlayout: *t\n---\n\nBody text here.\n"
    found = {}
    for name, text in (("aliased.md", aliased), ("anchored.md", anchored)):
        (tmp_path / name).write_text(text)
        r = run("check", "--no-cache", "--output-format", "json", name, cwd=tmp_path)
        found[name] = [(f["code"], f["start"]["line"]) for f in json.loads(r.stdout)["findings"]]
    assert found == {"aliased.md": [], "anchored.md": [("W105", 2)]}
