"""A fix never changes a file's structure, never a byte outside the edits it reports, and a second run
changes nothing: on every real file of ../shared, on the defects a user found (each reduced to a case),
and on generated documents of every format. The structure is checked with each format's own parser
(tests/structure.py), not with copylint's.
"""

from __future__ import annotations

import os
import random
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings

import lint
from lint.config import Config
from lint.engine import Linter
from lint.invariants import empties_an_html_text
from lint.model import Edit, Fix, Source
from tests.conftest import ROOT
from tests.documents import DOCUMENTS
from tests.structure import JSON_AS_CATALOGUE, Tally, check_fixes, real_files, rst_is_valid

SHARED = ROOT.parent / "shared"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (the benchmark corpora) is not beside the repository")


def _check_slice(paths: list[tuple[str, str]]) -> Tally:
    tally = Tally()
    linter = Linter()
    for path, text in paths:
        tally.add(check_fixes(path, text, JSON_AS_CATALOGUE, linter))
    return tally


def _check_all(paths: list[tuple[str, str]]) -> Tally:
    """Every file checked, on all cores (the real files are the suite's biggest job)."""
    workers = min(os.cpu_count() or 1, 4)
    if workers == 1 or len(paths) < 2:
        return _check_slice(paths)
    # Biggest first, dealt round: the few multi-megabyte data files (TSV read as one paragraph) then
    # land on different cores.
    paths = sorted(paths, key=lambda p: -len(p[1]))
    tally = Tally()
    with ProcessPoolExecutor(workers) as pool:
        for part in pool.map(_check_slice, [paths[i::workers] for i in range(workers)]):
            tally.add(part)
    return tally


# The real files of ../shared, every one of them whole: issue 13 asks CI to prove that no fix changes
# the structure of any of them. COPYLINT_REAL_SHARE=0.1 checks a sample instead, drawn by a fixed seed
# (the same files on every run, so that a failure reproduces), of about a tenth of each source's text; a
# file over _EXCERPT characters (the TSVs of languagetool and mqm-ted-zhen, read as one paragraph of
# megabytes) is then checked on a run of its whole lines starting at a seeded line.
_SOURCES = ["corpora/trafilatura", "corpora/languagetool+corpora/mqm-ted-zhen", "corpus/peps", "corpus/rust-book",
            "corpora/ftfy", "corpora/proselint", "corpus/README.md", "corpora/README.md"]  # the costliest first
_SEED = 20261204
_SHARE = float(os.environ.get("COPYLINT_REAL_SHARE", "1"))  # below 1: a seeded sample (a quick local run)
_EXCERPT = 100_000


def real_sample(files: list[tuple[str, str]], share: float, seed: int) -> list[tuple[str, str]]:
    """Files drawn in a seeded order until ``share`` of the source's characters are taken (at least one
    file); a file over _EXCERPT characters enters as an excerpt of that size at a seeded line."""
    if share >= 1:
        return files
    rng = random.Random(seed)
    budget = share * sum(len(text) for _, text in files)
    picked: list[tuple[str, str]] = []
    used = 0
    for path, text in rng.sample(files, len(files)):
        if len(text) > _EXCERPT:
            text = _excerpt(text, rng)
        if picked and used + len(text) > budget:
            continue
        picked.append((path, text))
        used += len(text)
    return picked


def _excerpt(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    start = rng.randrange(len(lines))
    out: list[str] = []
    size = 0
    for line in lines[start:] + lines[:start]:
        if size + len(line) > _EXCERPT and out:
            break
        out.append(line)
        size += len(line)
    return "".join(out)


@needs_shared
@pytest.mark.heavy
@pytest.mark.parametrize("source", _SOURCES)
def test_fixes_keep_real_files_whole(source: str) -> None:
    files = []
    for one in source.split("+"):
        root = SHARED / one
        files += list(real_files(root)) if root.is_dir() else [(str(root), root.read_text(encoding="utf-8"))]
    assert files, f"no files under {source}"
    sample = real_sample(files, _SHARE, _SEED)
    tally = _check_all(sample)
    print(f"{source}: {tally.files} of {len(files)} files ({sum(len(t) for _, t in sample):,} characters), "
          f"{tally.changed} fixed (safe or unsafe), {tally.fixes} fixes applied, {tally.checks} invariant checks")
    assert tally.failures == []


# --- the defects a user met, each reduced to a case --------------------------------------------

_REPORTED = [
    # S102 reported the span up to the end tag and its safe fix deleted it: <p>p>
    ("page.html", "<html><body><p>Story text.</p>\n<p>\u00a9 THE INTERCEPT</p>\n</body></html>\n"),
    ("a.md", "Story text.\n\n**Related**\n\nMore text.\n"),
    ("a.md", "Story text.\n\n[Read more about headings](https://example.org/headings)\n\nMore.\n"),
    ("a.md", "Story text.\n\n- Share on Facebook\n- Other item\n"),
    ("a.md", "Story text.\n\nRead more <Badge text=\"new\"/>\n"),
    ("a.md", "<template>\n  <p>Share this article</p>\n</template>\n\nText.\n"),
    ("a.rst", "Text.\n\n.. seealso::\n\n   Read more: the guide\n\n.. versionchanged:: 3.2\n   Share this article\n\nEnd.\n"),
    ("a.rst", "Steps:\n\n#. Open the file.\n#. Print\n#. Share\n\nDone.\n"),
    ("a.rst", "Steps:\n\n1. Open the file.\n\n   Print\n\n2. Save it.\n"),
    # issue 20: fixes that edited non-prose
    ("a.po", 'msgid "Hello\x7f world"\nmsgstr "Bonjour\x7f monde."\n'),
    ("a.md", "    code block line\n\nProse here.\n"),
    ("b.html", '<p><a href="/caf\u00c3\u00a9/menu">Le menu</a></p>\n'),
    ("c.md", "Text with `caf\u00c3\u00a9` code and [link](/caf\u00c3\u00a9) here.\n"),
    ("d.html", "<p>Text.</p>\r\n<pre>line\nline\r\n</pre>\n<script>a  =  1;\x7f</script>\n"),
    # MDX: code read as prose (a fence whose info holds {{…}}), a stand-in read into prose (\<name>)
    ("e.mdx", '```astro "c={{...c}}" {2}\n<C a={{ b }} />  ,\n```\n\nSome  text ,here.\n\n```sh\nnpm i  x\n```\n'),
    ("f.mdx", "<Steps>   \n\n1. Use \\<name>  here ,now. <Link\n  to=\"/x\">guide</Link>  ok\n\n</Steps>   \n"),
]


@pytest.mark.parametrize(("path", "text"), _REPORTED, ids=[f"{p}:{t[:30]!r}" for p, t in _REPORTED])
def test_a_reported_case_keeps_its_markup(path: str, text: str) -> None:
    tally = check_fixes(path, text)
    assert tally.failures == []


def test_furniture_inside_an_html_element_is_reported_and_kept() -> None:
    text = "<html><body><p>Story text.</p>\n<p>\u00a9 THE INTERCEPT</p>\n</body></html>\n"
    found = [f for f in lint.check_text(text, path="page.html") if f.code == "S102"]
    assert [text[f.start:f.end] for f in found] == ["\u00a9 THE INTERCEPT"]  # the words, not the end tag
    assert lint.fix_text(text, path="page.html") == text
    assert lint.fix_text(text, path="page.html", unsafe=True) == text  # it would leave an empty <p>


def test_a_fix_that_would_empty_a_link_is_not_offered() -> None:
    """A page's footer links, one per line inside one block: deleting a link's words would leave an
    empty <a>. The fix is not offered (the finding stays), and the rest of the block is fixed as before."""
    text = ('<div class="footer">\n  <a href="/home/sitemap.html">Sitemap</a>\n  <a href="/about">About us</a>\n'
            '</div>\n<p>Story text.</p>\n')
    doc = Linter().document(Source("page.html", text), Config())
    line = text.index("Sitemap")
    deletion = Fix((Edit(line, line + len("Sitemap"), ""),))
    assert empties_an_html_text(doc, deletion)
    assert not empties_an_html_text(doc, Fix((Edit(line, line + 4, ""),)))  # "map" stays
    assert not empties_an_html_text(doc, Fix((Edit(line, line + len("Sitemap"), "Site map"),)))
    entity = "<p>AT&amp;T and more</p>"
    entity_doc = Linter().document(Source("e.html", entity), Config())
    assert not empties_an_html_text(entity_doc, Fix((Edit(3, 5, ""),)))  # the entity is still text
    for f in lint.check_text(text, path="page.html"):
        assert f.fix is None or not empties_an_html_text(doc, f.fix)
    assert lint.fix_text(text, path="page.html", unsafe=True).count("<a ") == 2


def test_furniture_inside_markdown_markup_is_never_deleted() -> None:
    for text in ("Story text.\n\n**Related**\n\nMore text.\n",
                 "Story text.\n\n[Read more about headings](https://example.org/headings)\n\nMore.\n",
                 "Story text.\n\n- Share on Facebook\n- Other item\n"):
        assert [f.code for f in lint.check_text(text, path="a.md")] == ["S102"]
        assert lint.fix_text(text, path="a.md", unsafe=True) == text


def test_a_furniture_line_inside_a_markdown_paragraph_goes_only_with_unsafe_fixes() -> None:
    text = "Story text.\nShare this article\nMore text.\n"
    assert lint.fix_text(text, path="a.md") == text
    assert lint.fix_text(text, path="a.md", unsafe=True) == "Story text.\nMore text.\n"
    assert lint.fix_text(text, path="a.txt") == "Story text.\nMore text.\n"  # plain text: safe


def test_a_sentence_about_video_is_not_a_credit_line() -> None:
    text = "Video playback is now supported.\n\nPhoto: Getty Images\n"
    assert lint.fix_text(text, path="a.txt") == "Video playback is now supported.\n\n"


def test_a_pass_that_would_change_the_structure_is_undone(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    """A house-style swap that writes markup into prose: the engine refuses it in Markdown (the
    emphasis would be new structure), and applies it in plain text."""
    (tmp_path / ".copylint.yaml").write_text(
        "custom-rules:\n  - code: X.house.kyiv\n    kind: substitution\n    swap: {Kiev: '**Kyiv**'}\n"
        "    case: exact\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("The train to Kiev left.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("The train to Kiev left.\n", encoding="utf-8")
    proc = run("check", "--fix", "--no-cache", "a.md", "a.txt", cwd=tmp_path)
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "The train to Kiev left.\n"
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "The train to **Kyiv** left.\n"
    assert "a.md:1:14: X.house.kyiv" in proc.stdout  # still reported, without a fix


def test_line_endings_inside_code_are_kept_unless_asked() -> None:
    text = "Text\r\n\r\n```\r\ncode\nmore\r\n```\r\n\r\nProse\nhere.\r\n"
    kept = lint.fix_text(text, path="a.md", select=["W106"])
    assert kept == "Text\r\n\r\n```\r\ncode\nmore\r\n```\r\n\r\nProse\r\nhere.\r\n"
    asked = lint.fix_text(text, path="a.md", select=["W106"], config=Config(rule_options={"W106": {"fix-code": True}}))
    assert asked == text.replace("\r\n", "\n").replace("\n", "\r\n")
    html = "<p>a</p>\n<pre>x\r\ny</pre>\n<p>b</p>\r\n<script>var a;\r\n</script>\n<p>c</p>\n"
    assert lint.fix_text(html, path="a.html", select=["W106"]) == html.replace("</p>\r\n", "</p>\n")


# --- generated documents ------------------------------------------------------------------------

# A small budget in CI; bench/invariants.py draws 10,000 per format.
_EXAMPLES = int(os.environ.get("COPYLINT_GENERATED_EXAMPLES", "25"))


@pytest.mark.parametrize("fmt", sorted(DOCUMENTS))
def test_fixes_keep_generated_documents_whole(fmt: str) -> None:
    path, documents = DOCUMENTS[fmt]
    linter = Linter()

    @settings(max_examples=_EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(text=documents)
    def keeps(text: str) -> None:
        assume(fmt != "rst" or rst_is_valid(text))  # malformed reST: a known gap (tests/structure.py)
        tally = check_fixes(path, text, JSON_AS_CATALOGUE, linter)
        assert tally.failures == [], text

    keeps()
