"""Family G against a real LanguageTool server (installed by .ci/languagetool.sh, started once per session).

What a user sees: grammar errors flagged at the right span with LanguageTool's replacements, in plain
text and in Markdown; prose-only checking (code untouched); offsets right across batches, long
paragraphs and non-BMP characters; results cached; overlap with our rules; G only when asked for.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lint.config import Config, parse_config
from lint.engine import Linter, Selection
from lint.languagetool import install, provider, store
from lint.languagetool.overlap import OVERLAPS
from lint.languagetool.rule import LanguageToolRule
from lint.model import Applicability, Document, Finding, Segment, Source
from tests import languagetool_fixtures as fixtures
from tests.conftest import needs_seed
from tests.languagetool_fixtures import LTServer

# A server that stops answering must fail its test, not hang the suite (the first test starts the server).
# One worker runs every test of the real server (with -n): they share its install and its session server.
pytestmark = [pytest.mark.timeout(300), pytest.mark.xdist_group("languagetool")]

lt_server = fixtures.lt_server
lt_fresh = fixtures.lt_fresh

HE_GO = "He go to school every days."


def _config(text: str = "languagetool: {}\n", root: Path | None = None) -> Config:
    return parse_config(text, None, root or Path.cwd())


def _findings(url: str, text: str, path: str = "x.txt", config: Config | None = None,
              select: tuple[str, ...] | None = ("G",)) -> list[Finding]:
    linter = Linter(Selection(select=select, languagetool=url))
    return linter.findings(Source(path, text), config or Config())


def _g_rule(linter: Linter, config: Config) -> LanguageToolRule:
    return next(r for r in linter.checker(config).rules if isinstance(r, LanguageToolRule))


def _g(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.code.startswith("G:")]


def _env(lt: LTServer, cache: Path) -> dict[str, str]:
    return {"COPYLINT_CACHE_DIR": str(cache), "COPYLINT_LANGUAGETOOL_HOME": str(lt.home)}


# -- install ------------------------------------------------------------------------------------------


@fixtures.needs_languagetool
@pytest.mark.timeout(1800)  # installs from Maven Central when CI has not yet
def test_install_script_is_idempotent_and_verified(run):
    import subprocess
    import time

    from tests.conftest import ROOT

    script = ["bash", str(ROOT / ".ci" / "languagetool.sh")]
    proc = subprocess.run(script, capture_output=True, text=True, timeout=1800)  # installs if CI has not yet
    assert proc.returncode == 0 and "is installed in" in proc.stdout, proc.stderr
    start = time.perf_counter()
    proc = subprocess.run(script, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0 and "is installed in" in proc.stdout, proc.stderr
    assert time.perf_counter() - start < 10  # already installed: reads the manifest only
    assert "Maven" not in proc.stderr  # and runs no Maven
    inst = install.installed()
    assert inst is not None and {"en", "es", "ca", "pt"} <= set(inst.languages)
    manifest = json.loads((inst.root / "manifest.json").read_text())
    assert "languagetool-server-6.6.jar" in manifest["files"]
    assert all(len(info["sha256"]) == 64 for info in manifest["files"].values())
    # language-all (every language, hundreds of MB) is excluded.
    assert not any(name.startswith("language-all") for name in manifest["files"])
    r = run("languagetool", "install", "--verify")
    assert r.returncode == 0 and "every jar matches" in r.stdout, r.stderr


def test_pom_adds_requested_languages_only():
    pom = install.pom_text(["de", "en"])
    assert pom.count("<artifactId>language-de</artifactId>") == 1
    assert pom.count("<artifactId>language-en</artifactId>") == 1
    assert "<artifactId>language-all</artifactId>" in pom.split("<exclusions>")[1].split("</exclusions>")[0]
    with pytest.raises(install.InstallError, match="not a language module"):
        install.install(["../x"])


# -- the grammar error, where a user sees it ----------------------------------------------------------


def _check_json(run, lt: LTServer, cache: Path, cwd: Path, *args: str) -> tuple[list[dict], str, int]:
    r = run("check", "--isolated", "--languagetool", lt.url, "--format", "json", *args, cwd=cwd, env=_env(lt, cache))
    return json.loads(r.stdout)["findings"], r.stderr, r.returncode


def _edits(finding: dict) -> list[tuple[int, int, str]]:
    return [(e["start"]["offset"], e["end"]["offset"], e["replacement"]) for e in finding["fix"]["edits"]]


def _by_code(findings: list[dict]) -> dict[str, dict]:
    return {f["code"]: f for f in findings}


def test_grammar_error_in_plain_text(run, lt_server, tmp_path):
    import jsonschema

    from tests.conftest import ROOT

    (tmp_path / "x.txt").write_text(HE_GO + "\n")
    r = run("check", "--isolated", "--languagetool", lt_server.url, "--format", "json", "--select", "G", "x.txt",
            cwd=tmp_path, env=_env(lt_server, tmp_path / "cache"))
    assert r.returncode == 1, r.stderr
    jsonschema.validate(json.loads(r.stdout), json.loads((ROOT / "lint" / "data" / "output.schema.json").read_text()))
    findings, stderr = json.loads(r.stdout)["findings"], r.stderr
    g = _by_code(findings)
    verb = g["G:HE_VERB_AGR"]
    assert (verb["start"]["line"], verb["start"]["column"], verb["end"]["column"]) == (1, 4, 6)  # "go"
    assert verb["fix"]["applicability"] == "unsafe" and _edits(verb) == [(3, 5, "goes")]
    assert "went" in verb["message"] and verb["rule"] == "he-verb-agr" and verb["severity"] == "warning"
    days = g["G:EVERY_EACH_SINGULAR"]
    assert (days["start"]["offset"], days["end"]["offset"]) == (22, 26)  # "days"
    assert _edits(days) == [(22, 26, "day")]
    assert stderr == ""


def test_grammar_error_in_markdown_list_item(run, lt_server, tmp_path):
    text = "# Notes\n\n- He go to school every days.\n- A second item.\n"
    (tmp_path / "x.md").write_text(text)
    findings, _, _ = _check_json(run, lt_server, tmp_path / "cache", tmp_path, "--select", "G", "x.md")
    g = _by_code(findings)
    verb = g["G:HE_VERB_AGR"]
    assert (verb["start"]["line"], verb["start"]["column"]) == (3, 6)
    assert text[verb["start"]["offset"]:verb["end"]["offset"]] == "go"
    assert verb["fix"]["edits"][0]["replacement"] == "goes"
    days = g["G:EVERY_EACH_SINGULAR"]
    assert text[days["start"]["offset"]:days["end"]["offset"]] == "days"
    assert not any(f["code"] == "G:UPPERCASE_SENTENCE_START" for f in findings)


def test_unsafe_fix_applies_the_first_replacement(run, lt_server, tmp_path):
    (tmp_path / "x.txt").write_text(HE_GO + "\n")
    r = run("check", "--isolated", "--languagetool", lt_server.url, "--select", "G", "--fix", "--unsafe-fixes",
            "x.txt", cwd=tmp_path, env=_env(lt_server, tmp_path / "cache"))
    assert (tmp_path / "x.txt").read_text() == "He goes to school every day.\n", r.stdout + r.stderr
    assert r.returncode == 0


def test_whitespace_rule_fix_is_safe(lt_server, lt_fresh):
    found = _g(_findings(lt_server.url, "We went , and then left quickly.\n"))
    comma = next(f for f in found if f.code == "G:COMMA_PARENTHESIS_WHITESPACE")
    assert comma.fix is not None and comma.fix.applicability is Applicability.SAFE
    assert comma.fix.edits[0].replacement == "," and (comma.start, comma.end) == (7, 9)


def test_code_spans_are_not_sent(lt_server, lt_fresh):
    """A segment that leaves out a code span (as format parsers make them) is checked around the gap."""
    source_text = "Run `he go to school every days` first. He go to school every days.\n"
    code_start = source_text.index("`")
    code_end = source_text.index("`", code_start + 1) + 1
    before = source_text[:code_start]  # "Run "
    after = source_text[code_end:].rstrip("\n")  # " first. He go ..."
    seg = Segment(before + after.lstrip(), "paragraph", ((0, 0), (len(before), code_end + 1)))
    doc = Document(Source("x.md", source_text), "markdown", [seg])
    linter = Linter(Selection(select=("G",), languagetool=lt_server.url))
    rule = _g_rule(linter, Config())
    found = list(rule.check_document(doc))
    assert found, "the error after the code span is reported"
    assert all(not (code_start <= f.start < code_end) for f in found), found
    verb = next(f for f in found if f.code == "G:HE_VERB_AGR")
    assert source_text[verb.start:verb.end] == "go" and verb.start > code_end


def test_code_spans_untouched_in_markdown(run, lt_server, tmp_path):
    pytest.importorskip("lint.formats.markdown", reason="the Markdown format is not written yet")
    text = "Run `he go to school` first.\n\n```\nhe go to school every days\n```\n\n- He go to school.\n"
    (tmp_path / "x.md").write_text(text)
    findings, _, _ = _check_json(run, lt_server, tmp_path / "cache", tmp_path, "--select", "G", "x.md")
    inside = [f for f in findings if text.index("`") <= f["start"]["offset"] < text.index("- He")]
    assert inside == []
    assert any(f["code"] == "G:HE_VERB_AGR" and f["start"]["line"] == 7 for f in findings)


# -- offsets: UTF-16, batches, long paragraphs ----------------------------------------------------


def test_offsets_after_characters_outside_the_bmp(lt_server, lt_fresh):
    text = "Rocket 🚀🚀 launch went well. 𝔄 He go to school every days.\n"
    found = {f.code: f for f in _g(_findings(lt_server.url, text))}
    verb = found["G:HE_VERB_AGR"]
    assert text[verb.start:verb.end] == "go"
    assert text[found["G:EVERY_EACH_SINGULAR"].start:found["G:EVERY_EACH_SINGULAR"].end] == "days"


def test_segments_batched_into_few_requests_with_offsets_tracked(lt_server, lt_fresh):
    paragraphs = [f"Paragraph {i} is here. He go to school every days." for i in range(60)]
    text = "\n\n".join(paragraphs) + "\n"
    config = _config("languagetool:\n  max-text-length: 1000\n")
    linter = Linter(Selection(select=("G",), languagetool=lt_server.url))
    found = _g(linter.findings(Source("x.txt", text), config))
    rule = _g_rule(linter, config)
    size = sum(len(p) + 2 for p in paragraphs)
    assert 1 < rule.session.requests <= size // 1000 + 2
    verbs = [f for f in found if f.code == "G:HE_VERB_AGR"]
    assert len(verbs) == 60 and all(text[f.start:f.end] == "go" for f in verbs)
    assert len({text.count("\n", 0, f.start) for f in verbs}) == 60  # one per paragraph, each on its own line


def test_paragraph_longer_than_one_request_is_split(lt_server, lt_fresh):
    sentences = " ".join(f"Sentence {i} has words." for i in range(120))
    text = sentences + " He go to school every days. " + sentences + "\n"
    config = _config("languagetool:\n  max-text-length: 1000\n")
    linter = Linter(Selection(select=("G",), languagetool=lt_server.url))
    found = _g(linter.findings(Source("x.txt", text), config))
    assert _g_rule(linter, config).session.requests >= 6
    verb = next(f for f in found if f.code == "G:HE_VERB_AGR")
    assert text[verb.start:verb.end] == "go" and verb.start == text.index("He go") + 3


# -- cache ----------------------------------------------------------------------------------------


def test_second_run_is_served_from_the_cache(lt_server, lt_fresh):
    text = "He go to school every days.\n\nShe walk home after the class.\n"
    config = _config()
    first = Linter(Selection(languagetool=lt_server.url))
    found1 = first.findings(Source("x.txt", text), config)
    assert _g_rule(first, config).session.requests == 1
    assert (lt_fresh / "languagetool" / "results.sqlite3").is_file()
    provider.reset()
    store.clear_memory()  # a new process: only the file on disk remains
    second = Linter(Selection(languagetool=lt_server.url))
    found2 = second.findings(Source("x.txt", text), config)
    assert _g_rule(second, config).session.requests == 0
    assert found1 == found2 and _g(found2)
    # An edited paragraph costs a request for that paragraph only.
    provider.reset()
    store.clear_memory()
    third = Linter(Selection(languagetool=lt_server.url))
    third.findings(Source("x.txt", text.replace("She walk", "They walks")), config)
    session = _g_rule(third, config).session
    assert session.requests == 1 and session.characters == len("They walks home after the class.")


def test_no_cache_sends_every_time(lt_server, lt_fresh, monkeypatch):
    monkeypatch.setenv("COPYLINT_NO_CACHE", "1")
    for _ in range(2):
        provider.reset()
        config = Config()
        linter = Linter(Selection(select=("G",), languagetool=lt_server.url))
        linter.findings(Source("x.txt", HE_GO), config)
        assert _g_rule(linter, config).session.requests == 1
    assert not (lt_fresh / "languagetool").exists()


def test_no_cache_option_sends_every_time_and_leaves_the_environment_alone(lt_server, lt_fresh):
    """--no-cache reaches the G rule as Selection(cache=False), not through COPYLINT_NO_CACHE."""
    for _ in range(2):
        provider.reset()
        config = Config()
        linter = Linter(Selection(select=("G",), languagetool=lt_server.url, cache=False))
        linter.findings(Source("x.txt", HE_GO), config)
        assert _g_rule(linter, config).session.requests == 1
    assert not (lt_fresh / "languagetool").exists()
    assert "COPYLINT_NO_CACHE" not in os.environ


# -- what is dropped ------------------------------------------------------------------------------


def test_words_from_the_config_are_not_spelling_errors(lt_server, lt_fresh):
    text = "Kremlin spokesman Dmitry Peskov said it, and Peskov's aide agreed.\n"
    plain = [f for f in _g(_findings(lt_server.url, text)) if f.code == "G:MORFOLOGIK_RULE_EN_US"]
    assert {text[f.start:f.end] for f in plain} >= {"Peskov"}
    config = _config("words: [Peskov]\nlanguagetool: {}\n")
    kept = [f for f in _g(_findings(lt_server.url, text, config=config)) if f.code == "G:MORFOLOGIK_RULE_EN_US"]
    assert not any(text[f.start:f.end].startswith("Peskov") for f in kept)


def _overlap_config(entry) -> Config:
    return _config("languagetool:\n  level: picky\n" if entry.picky else "languagetool: {}\n")


@pytest.mark.parametrize("entry", OVERLAPS, ids=lambda e: e.lt_rule)
def test_overlap_table_names_real_languagetool_rules(entry, lt_server, lt_fresh):
    """LanguageTool really fires each rule of the table on the entry's example."""
    found = _g(_findings(lt_server.url, entry.example, config=_overlap_config(entry)))
    assert any(f.code == f"G:{entry.lt_rule}" for f in found), [f.code for f in found]
    assert all(name[0] in "WESTP" and name[1:].isdigit() for name in entry.ours), entry.ours


@pytest.mark.parametrize("entry", OVERLAPS, ids=lambda e: e.lt_rule)
def test_overlap_table_ours_wins(entry, lt_server, lt_fresh):
    """Where our rule of the entry exists, it flags the example and LanguageTool's finding is dropped."""
    from lint import registry

    ours = [cls for name in entry.ours for cls in registry.matching_rules(name)]
    if not ours:
        pytest.skip(f"{', '.join(entry.ours)} is not written yet: the table entry waits for it")
    config = _overlap_config(entry)
    codes = [f.code for f in _findings(lt_server.url, entry.example, config=config, select=("G", *entry.ours))]
    assert any(c in {cls.code for cls in ours} for c in codes), codes
    assert f"G:{entry.lt_rule}" not in codes


def test_overlap_drop_uses_our_rule_span(lt_server, lt_fresh):
    """The drop mechanism with a real rule of ours: only the G match that our rule covers goes."""
    from lint.check import Checker
    from lint.rule import Rule

    class Go(Rule):  # a rule of ours that flags "go" after "He"
        code = "T999"
        slug = "test-he-go"
        summary = rationale = "test"
        trigger = r"\bHe go\b"

        def check_segment(self, seg, doc):
            i = seg.text.index("He go") + 3
            yield self.finding(seg, i, i + 2, "ours")

    linter = Linter(Selection(select=("G",), languagetool=lt_server.url))
    rule = _g_rule(linter, Config())
    rule.session.overlap = {"HE_VERB_AGR": [Checker([Go()])], "EVERY_EACH_SINGULAR": [Checker([Go()])]}
    doc = Document(Source("x.txt", HE_GO), "text", [Segment.contiguous(HE_GO, "paragraph", 0)])
    codes = [f.code for f in rule.check_document(doc)]
    assert "G:HE_VERB_AGR" not in codes  # our T999 flags the same span
    assert "G:EVERY_EACH_SINGULAR" in codes  # mapped, but ours flags nothing at "days"


# W105 leaves alone on purpose: a rendered page's prose (reST, Markdown, HTML), a Sphinx catalogue's
# reST string, a plain-text table's padding. LanguageTool's whitespace rules fire on each (G alone says so).
LEFT_TO_W105 = (
    ("pep.rst", "Title\n=====\n\nIt recommends to run it  every few hundred steps.\n"),
    ("page.md", "# Title\n\nSee the guide  for the details.\n"),
    ("page.html", "<p>See the guide  for the details.</p>\n"),
    ("fr.po", '#: library/os.rst:12\nmsgid "Return the path."\nmsgstr "Renvoie  le chemin."\n'),
    ("table.txt", "Name      Age   City\nAlice     30    Paris\n"),
)
_SPACE_RULES = {"G:WHITESPACE_RULE", "G:CONSECUTIVE_SPACES"}


@pytest.mark.parametrize(("path", "text"), LEFT_TO_W105, ids=[p for p, _ in LEFT_TO_W105])
def test_runs_w105_leaves_alone_are_not_reported_by_languagetools_whitespace_rules(path, text, lt_server, lt_fresh):
    """W105 decides a run of spaces, flagged or left alone: LanguageTool's whitespace rules follow it."""
    assert _SPACE_RULES & {f.code for f in _findings(lt_server.url, text, path, _config())}
    codes = {f.code for f in _findings(lt_server.url, text, path, _config(), select=("G", "W105"))}
    assert not codes & (_SPACE_RULES | {"W105"}), codes
    # Asked to flag them, W105 does, and LanguageTool's finding still goes: ours wins.
    asked = _config("languagetool: {}\nrules:\n  W105: {in-rendered-documents: true, in-rendered-catalogues: true,"
                    " allow-after-period: false}\n")
    codes = {f.code for f in _findings(lt_server.url, text, path, asked, select=("G", "W105"))}
    assert not codes & _SPACE_RULES and ("W105" in codes) == (path != "table.txt"), codes  # (a table stays layout)


def test_fix_with_g_keeps_the_spaces_w105_leaves_alone(run, lt_server, tmp_path):
    """The whitespace rules' fix is safe: it must not collapse what W105 keeps (a table, a page's prose),
    and the run W105 flags is still mended."""
    kept = {"table.txt": LEFT_TO_W105[4][1], "page.md": LEFT_TO_W105[1][1]}
    for name, text in kept.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "x.txt").write_text("The minister  said on Monday.\n")
    run("check", "--isolated", "--languagetool", lt_server.url, "--select", "G,W105", "--fix", *kept, "x.txt",
        cwd=tmp_path, env=_env(lt_server, tmp_path / "cache"))
    assert {name: (tmp_path / name).read_text() for name in kept} == kept
    assert (tmp_path / "x.txt").read_text() == "The minister said on Monday.\n"


# -- when G runs ------------------------------------------------------------------------------------


def test_g_is_off_unless_asked_for(run, lt_server, tmp_path):
    (tmp_path / "x.txt").write_text(HE_GO + "\n")
    r = run("check", "--isolated", "--format", "json", "x.txt", cwd=tmp_path, env=_env(lt_server, tmp_path / "c"))
    assert not any(f["code"].startswith("G") for f in json.loads(r.stdout)["findings"])
    assert r.stderr == ""
    # --select without G leaves it off even with a URL.
    findings, stderr, _ = _check_json(run, lt_server, tmp_path / "c", tmp_path, "--select", "W", "x.txt")
    assert not any(f["code"].startswith("G") for f in findings) and stderr == ""


def test_config_section_turns_g_on_beside_the_other_rules(run, lt_server, tmp_path):
    (tmp_path / ".copylint.yaml").write_text(f"languagetool:\n  url: {lt_server.url}\n")
    (tmp_path / "x.txt").write_text("  " + HE_GO + "\n")
    r = run("check", "--format", "json", "x.txt", cwd=tmp_path, env=_env(lt_server, tmp_path / "c"))
    codes = {f["code"] for f in json.loads(r.stdout)["findings"]}
    assert {"W101", "G:HE_VERB_AGR"} <= codes, r.stderr


def test_select_and_ignore_single_languagetool_rules(run, lt_server, tmp_path):
    (tmp_path / "x.txt").write_text(HE_GO + "\n")
    findings, _, _ = _check_json(run, lt_server, tmp_path / "c", tmp_path, "--select", "G:HE_VERB_AGR", "x.txt")
    assert {f["code"] for f in findings} == {"G:HE_VERB_AGR"}
    findings, _, _ = _check_json(run, lt_server, tmp_path / "c", tmp_path, "--select", "G", "--ignore",
                                 "G:HE_VERB_AGR", "x.txt")
    assert {f["code"] for f in findings} == {"G:EVERY_EACH_SINGULAR"}


def test_config_is_validated_with_lines(tmp_path):
    from lint.config import ConfigError

    with pytest.raises(ConfigError, match=r"unknown key 'languagetool.lang'.*did you mean 'language'") as e:
        _config("select: [W]\nlanguagetool:\n  lang: en-US\n")
    assert e.value.line == 3
    for bad, message in (
        ("  url: localhost:8081\n", "must be an http"),
        ("  level: strict\n", "default or picky"),
        ("  timeout: -1\n", "number of seconds"),
        ("  disabled-rules: [A B]\n", "not a LanguageTool rule"),
        ("  autostart: maybe\n", "true or false"),
    ):
        with pytest.raises(ConfigError, match=message):
            _config("languagetool:\n" + bad)
    settings = _config("languagetool:\n  url: http://localhost:8081\n  disabled-categories: [CASING]\n"
                       "  timeout: 5\n").sections["languagetool"]
    assert settings.url == "http://localhost:8081" and settings.disabled_categories == ("CASING",)
    assert settings.timeout == 5.0


def test_status_reports_version_languages_and_memory(run, lt_server):
    r = run("languagetool", "status", "--home", str(lt_server.home))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "LanguageTool 6.6 at " + lt_server.url in r.stdout
    assert "en-US" in r.stdout and "MiB resident" in r.stdout
    info = json.loads(run("languagetool", "status", "--json", "--home", str(lt_server.home)).stdout)
    assert info["version"] == "6.6" and "en-US" in info["languages"]
    assert info["pid"] == lt_server.pid and info["rss"] > 50 * 2**20
    other = json.loads(run("languagetool", "status", "--json", "--url", lt_server.url, "--home",
                           str(lt_server.home.parent)).stdout)
    assert other["running"] and other["version"] == "6.6" and "rss" not in other


@needs_seed
def test_seed_article_g_findings(run, lt_server, tmp_path):
    """The seed's G findings (listed, with a judgement of each, in the closing note of issue 6)."""
    from tests.conftest import SEED

    findings, _, _ = _check_json(run, lt_server, tmp_path / "c", tmp_path, "--select", "G", str(SEED))
    text = SEED.read_text(encoding="utf-8")
    got = {(f["code"], text[f["start"]["offset"]:f["end"]["offset"]]) for f in findings}
    # The unopened quotation (defect 5) and the glued label's lowercase start (defect 2) are real errors.
    assert ("G:EN_UNPAIRED_QUOTES", "”") in got
    assert ("G:UPPERCASE_SENTENCE_START", "date") in got
    # Names are spelling noise that `words:` silences.
    config = tmp_path / "words.yaml"
    config.write_text("words: [Peskov, Vyacheslav, Gladkov, Korochansky]\nlanguagetool: {}\n")
    r = run("check", "--config", str(config), "--languagetool", lt_server.url, "--select", "G", "--format", "json",
            str(SEED), cwd=tmp_path, env=_env(lt_server, tmp_path / "c"))
    assert not any(f["code"] == "G:MORFOLOGIK_RULE_EN_US" for f in json.loads(r.stdout)["findings"])
