"""Which files a folder walk lints: .gitignore, exclude globs, symlinks, extensions."""

from __future__ import annotations

import os
from pathlib import Path

from lint.config import Config, ConfigResolver, parse_config
from lint.discover import discover


def _walk(tmp_path: Path, config: Config | None = None, paths=(".",)) -> list[str]:
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        return [c.path for c in discover(paths, ConfigResolver(config))]
    finally:
        os.chdir(old)


def _tree(tmp_path: Path, files: dict[str, str]) -> None:
    for name, body in files.items():
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(body)


def test_gitignore_is_honoured_at_every_level(tmp_path):
    (tmp_path / ".git").mkdir()
    _tree(tmp_path, {
        ".gitignore": "generated/\n*.tmp.md\n!keep.tmp.md\n",
        "docs/.gitignore": "drafts/\n",
        "a.md": "", "generated/b.md": "", "x.tmp.md": "", "keep.tmp.md": "",
        "docs/c.txt": "", "docs/drafts/d.txt": "",
    })
    assert sorted(_walk(tmp_path)) == sorted(["a.md", "keep.tmp.md", "docs/c.txt"])


def test_default_and_configured_excludes(tmp_path):
    _tree(tmp_path, {
        "node_modules/pkg/README.md": "", ".venv/x.txt": "", "site/a.md": "", "vendor/b.md": "", "c.md": "",
    })
    config = parse_config("extend-exclude: [vendor]\n", None, tmp_path)
    assert sorted(_walk(tmp_path, config)) == ["c.md", "site/a.md"]


def test_excludes_with_a_negation_and_with_paths(tmp_path):
    """Exclude globs are matched as gitignore matches them, whether they can be matched as one pattern
    (no negation) or not: a path glob, a folder-only glob, and a `!` that takes a file back."""
    _tree(tmp_path, {
        "docs/gen/a.md": "", "docs/b.md": "", "out/c.md": "", "out.md": "", "notes/d.md": "", "notes/keep.md": "",
    })
    plain = parse_config("extend-exclude: [docs/gen, out/]\n", None, tmp_path)
    assert _walk(tmp_path, plain) == ["out.md", "docs/b.md", "notes/d.md", "notes/keep.md"]
    negated = parse_config("extend-exclude: ['notes/*.md', '!notes/keep.md']\n", None, tmp_path)
    assert _walk(tmp_path, negated) == ["out.md", "docs/b.md", "docs/gen/a.md", "notes/keep.md", "out/c.md"]


def test_explicit_file_always_linted(tmp_path):
    (tmp_path / ".git").mkdir()
    _tree(tmp_path, {".gitignore": "*.md\n", "ignored.md": "", "notes.rst.bak": ""})
    assert _walk(tmp_path, paths=("ignored.md", "notes.rst.bak")) == ["ignored.md", "notes.rst.bak"]


def test_symlinks_not_followed_out_of_tree(tmp_path):
    outside = tmp_path / "outside"
    tree = tmp_path / "tree"
    _tree(outside, {"secret.md": ""})
    _tree(tree, {"a.md": ""})
    os.symlink(outside, tree / "linkdir")
    os.symlink(outside / "secret.md", tree / "secret.md")
    os.symlink(tree / "a.md", tree / "alias.md")  # inside the tree: the same file, linted once
    assert _walk(tree) == ["a.md"]


def test_formats_override_claims_extension(tmp_path):
    _tree(tmp_path, {"page.txt.j2": "", "other.j2": ""})
    config = parse_config("formats: {'*.txt.j2': text}\n", None, tmp_path)
    assert _walk(tmp_path, config) == ["page.txt.j2"]


def test_force_exclude_applies_excludes_to_named_files(run, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".copylint.yaml").write_text("extend-exclude: [drafts, '*.gen.md']\n")
    _tree(tmp_path, {"drafts/a.md": "  x.\n", "b.gen.md": "  y.\n", "c.md": "  z.\n"})
    named = ("drafts/a.md", "b.gen.md", "c.md")
    r = run("check", "--select", "W101", *named, cwd=tmp_path)
    assert r.stdout.count("W101") == 3  # named files are linted even when excluded…
    r = run("check", "--select", "W101", "--force-exclude", *named, cwd=tmp_path)
    assert r.stdout.count("W101") == 1 and "c.md:1:1" in r.stdout  # …unless --force-exclude
