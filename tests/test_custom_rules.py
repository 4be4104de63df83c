"""Declarative rules in .copylint.yaml and rule packs: every kind, the seed's glossary defect, broken packs, timeouts."""

from __future__ import annotations

import shutil
import textwrap
import time
from pathlib import Path

import pytest

from lint import cache, registry
from lint.config import ConfigError, load_config
from lint.custom import config as custom_config
from lint.custom import packs
from lint.custom.examples import run_examples
from lint.engine import Linter, Selection
from lint.model import Finding, Severity, Source
from tests.conftest import SEED, needs_seed

FIXTURES = Path(__file__).parent / "fixtures" / "custom"


@pytest.fixture(autouse=True)
def _forget_user_rules():
    yield
    custom_config.reset()


def write_config(folder: Path, text: str) -> Path:
    path = folder / ".copylint.yaml"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def lint(folder: Path, config_text: str, text: str, name: str = "a.txt", select: tuple[str, ...] = ("X",)):
    config = load_config(write_config(folder, config_text))
    linter = Linter(Selection(select=select))
    source = Source(str(folder / name), text)
    return linter, config, source, linter.findings(source, config)


def fixed(folder: Path, config_text: str, text: str, name: str = "a.txt", unsafe: bool = False) -> str:
    linter, config, source, _ = lint(folder, config_text, text, name)
    new, _, _ = linter.fix(source, config, unsafe=unsafe)
    return new


# -- acceptance 1: the seed's defect 10 ---------------------------------------------------------

GLOSSARY = """\
custom-rules:
  - code: X.house.kyiv
    kind: substitution
    swap: {Kiev: Kyiv}
"""


@needs_seed
def test_seed_defect_10_kiev_is_reported_and_fixed(tmp_path):
    article = tmp_path / "article.txt"
    shutil.copyfile(SEED, article)
    original = article.read_text(encoding="utf-8")
    config = load_config(write_config(tmp_path, GLOSSARY))
    linter = Linter(Selection(select=("X",)))
    source = Source(str(article), original)
    found = linter.findings(source, config)
    assert [(f.code, source.position(f.start).line, source.position(f.start).column) for f in found] == [
        ("X.house.kyiv", 23, 1)
    ]
    assert found[0].message == "Use 'Kyiv' instead of 'Kiev'"
    new, remaining, applied = linter.fix(source, config)
    assert applied == 1 and remaining == []
    assert new == original.replace("Kiev and Moscow", "Kyiv and Moscow")


@needs_seed
def test_seed_defect_10_with_the_cli(tmp_path, run):
    article = tmp_path / "article.txt"
    shutil.copyfile(SEED, article)
    original = article.read_text(encoding="utf-8")
    # Kievan Rus is another word: the rule must leave it alone.
    article.write_text(original + "\n\nKievan Rus was a medieval state.\n", encoding="utf-8")
    write_config(tmp_path, GLOSSARY)
    checked = run("check", "--no-cache", "--select", "X", "article.txt", cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr
    assert "article.txt:23:1" in checked.stdout and "X.house.kyiv" in checked.stdout
    assert checked.stdout.count("X.house.kyiv") == 1
    fixing = run("check", "--no-cache", "--fix", "--select", "X", "article.txt", cwd=tmp_path)
    assert fixing.returncode == 0, fixing.stdout + fixing.stderr
    after = article.read_text(encoding="utf-8")
    assert after == original.replace("Kiev and", "Kyiv and") + "\n\nKievan Rus was a medieval state.\n"


# -- every kind --------------------------------------------------------------------------------


def test_the_fixture_pack_loads_and_its_examples_pass():
    pack = packs.load_file(FIXTURES / "newsroom.yaml")
    kinds = {r.kind for r in pack.rules}
    assert kinds == {"existence", "substitution", "capitalization", "occurrence", "consistency", "repetition",
                     "conditional", "metric"}
    for rule in pack.rules:
        assert rule.code.startswith("X.newsroom.")
        assert rule.flag and rule.allow, rule.code
        assert run_examples(rule) == []


def test_existence_words_phrases_and_patterns(tmp_path):
    cfg = """
    custom-rules:
      - code: X.style.banned
        kind: existence
        message: "Avoid '{match}'"
        tokens: [going forward, utilize]
        patterns: ['\\d+ ?percent']
    """
    text = "Going forward we\nutilize it. UTILIZE! Utilized? 40 percent; 40percentile; see utilize.example.org\n"
    _, _, _, found = lint(tmp_path, cfg, text)
    assert [text[f.start:f.end] for f in found] == ["Going forward", "utilize", "UTILIZE", "40 percent"]
    assert found[0].message == "Avoid 'Going forward'" and found[0].fix is None
    # ignorecase: any capitalization; nonword: no word boundaries.
    cfg2 = """
    custom-rules:
      - {code: X.a.b, kind: existence, tokens: [utilize], ignorecase: true}
      - {code: X.a.c, kind: existence, tokens: [ize], nonword: true}
    """
    _, _, _, found = lint(tmp_path, cfg2, "UTILIZE the organize; uTiLiZe")
    assert sorted((f.code, f.start) for f in found) == [("X.a.b", 0), ("X.a.b", 22), ("X.a.c", 4), ("X.a.c", 17)]


def test_existence_message_with_capture_groups(tmp_path):
    cfg = """
    custom-rules:
      - code: X.style.very
        kind: existence
        message: "'{1}' adds nothing to '{adj}'"
        patterns: ['(very|really) (?P<adj>\\w+)']
    """
    _, _, _, found = lint(tmp_path, cfg, "It was really good.")
    assert [f.message for f in found] == ["'really' adds nothing to 'good'"]


def test_substitution_preserves_capitalization(tmp_path):
    cfg = """
    custom-rules:
      - code: X.house.terms
        kind: substitution
        swap: {Kiev: Kyiv, e-mail: email, web site: website, Internet: internet}
    """
    text = "KIEV. Kiev's mayor. kiev. E-mail the web\nsite. Internet use grew. The Internet grew."
    out = fixed(tmp_path, cfg, text)
    # kiev in lower case is not the listed form; a capital at a sentence start is kept.
    assert out == "KYIV. Kyiv's mayor. kiev. Email the website. Internet use grew. The internet grew."
    assert fixed(tmp_path, cfg, out) == out


def test_substitution_case_exact_and_ignorecase(tmp_path):
    exact = """
    custom-rules:
      - {code: X.a.exact, kind: substitution, swap: {Kiev: Kyiv}, case: exact}
    """
    assert fixed(tmp_path, exact, "KIEV and Kiev") == "KIEV and Kyiv"
    anycase = """
    custom-rules:
      - {code: X.a.any, kind: substitution, swap: {Kiev: Kyiv}, ignorecase: true}
    """
    assert fixed(tmp_path, anycase, "kiev, KIEV, Kiev, kIEV") == "kyiv, KYIV, Kyiv, kyiv"


def test_substitution_word_boundaries_urls_and_exceptions(tmp_path):
    cfg = """
    custom-rules:
      - code: X.house.kyiv
        kind: substitution
        swap: {Kiev: Kyiv}
        exceptions: [chicken Kiev]
    """
    text = ("Kievan Rus. KievX. #Kiev @Kiev kiev.ua www.Kiev.com/x https://x.org/Kiev "
            "chicken Kiev. Chicken Kiev! Kiev-based, (Kiev), “Kiev”.")
    out = fixed(tmp_path, cfg, text)
    assert out == text.replace("Kiev-based, (Kiev), “Kiev”", "Kyiv-based, (Kyiv), “Kyiv”")


def test_substitution_whose_replacement_contains_the_term_is_idempotent(tmp_path):
    cfg = """
    custom-rules:
      - {code: X.a.mk, kind: substitution, swap: {Macedonia: North Macedonia}}
    """
    assert fixed(tmp_path, cfg, "Macedonia and North Macedonia.") == "North Macedonia and North Macedonia."


def test_substitution_patterns_with_groups(tmp_path):
    cfg = """
    custom-rules:
      - code: X.a.units
        kind: substitution
        message: "Write {replacement}"
        patterns: {'(\\d+) ?kms': '{1} km'}
    """
    _, _, _, found = lint(tmp_path, cfg, "It is 40 kms away and 5kms more.")
    assert [f.message for f in found] == ["Write 40 km", "Write 5 km"]
    assert fixed(tmp_path, cfg, "It is 40 kms away.") == "It is 40 km away."


def test_substitution_fix_can_be_unsafe(tmp_path):
    cfg = """
    custom-rules:
      - {code: X.a.to, kind: substitution, swap: {in order to: to}, fix: unsafe}
    """
    text = "We met in order to talk."
    assert fixed(tmp_path, cfg, text) == text
    assert fixed(tmp_path, cfg, text, unsafe=True) == "We met to talk."


def test_capitalization_terms(tmp_path):
    cfg = """
    custom-rules:
      - {code: X.a.brands, kind: capitalization, terms: [GitHub, iPhone, JavaScript]}
    """
    text = "Github and GITHUB and github.com and Iphone and javascript; GitHub stays."
    assert fixed(tmp_path, cfg, text) == "GitHub and GitHub and github.com and iPhone and JavaScript; GitHub stays."
    # In a sentence of lower-case words GITHUB is shouted: flagged; in a heading in capitals it is not.
    _, _, _, found = lint(tmp_path, cfg, "We use GITHUB daily.")
    assert [f.message for f in found] == ["Write 'GitHub', not 'GITHUB'"]
    _, _, _, found = lint(tmp_path, cfg, "WHY WE LEFT GITHUB")
    assert found == []


def test_capitalization_heading_styles(tmp_path):
    cfg = """
    custom-rules:
      - {code: X.a.sentence, kind: capitalization, match: sentence, exceptions: [Kyiv, New York]}
    """
    md = "# Talks Resume In Kyiv\n\nA Paragraph Stays As It Is.\n\n## Why NATO Matters To New York\n\n## iPhone sales: A new low\n"
    _, _, src, found = lint(tmp_path, cfg, md, "a.md")
    assert [src.position(f.start).line for f in found] == [1, 5]
    assert found[0].message == "Use sentence case: 'Talks resume in Kyiv'"
    assert found[0].fix is not None and found[0].fix.applicability.value == "unsafe"
    out = fixed(tmp_path, cfg, md, "a.md", unsafe=True)
    assert out.splitlines()[0] == "# Talks resume in Kyiv"
    assert out.splitlines()[4] == "## Why NATO matters to New York"
    title = """
    custom-rules:
      - {code: X.a.title, kind: capitalization, match: title}
    """
    out = fixed(tmp_path, title, "# the rise and fall of the roman empire\n", "a.md", unsafe=True)
    assert out == "# The Rise and Fall of the Roman Empire\n"
    assert fixed(tmp_path, title, out, "a.md", unsafe=True) == out


def test_occurrence_per_sentence_segment_and_document(tmp_path):
    cfg = """
    custom-rules:
      - code: X.a.long
        kind: occurrence
        token: '\\w+'
        max: 5
        per: sentence
        message: "{count} words; at most {max}"
      - {code: X.a.adverbs, kind: occurrence, tokens: [very], max: 1, per: document}
      - {code: X.a.cite, kind: occurrence, token: '\\[\\d+\\]', min: 1}
    """
    text = "One two three. One two three four five six seven.\n\nVery good [1]. Very very."
    _, _, _, found = lint(tmp_path, cfg, text)
    got = sorted((f.code, text[f.start:f.end], f.message) for f in found)
    assert got == [
        ("X.a.adverbs", "Very", "3 matches in this file; at most 1"),
        ("X.a.cite", "One two three. One two three four five six seven.", "0 matches in this paragraph; at least 1"),
        ("X.a.long", "One two three four five six seven.", "7 words; at most 5"),
    ]


def test_consistency_fixes_to_the_majority(tmp_path):
    cfg = """
    custom-rules:
      - {code: X.a.ise, kind: consistency, either: {organise: organize, colour: color}}
    """
    text = "Organize it. We organize. They organise colour and color.\n"
    _, _, _, found = lint(tmp_path, cfg, text)
    # organize wins 2-1; colour/color tie: the first seen (colour) wins.
    assert sorted(text[f.start:f.end] for f in found) == ["color", "organise"]
    assert fixed(tmp_path, cfg, text) == "Organize it. We organize. They organize colour and colour.\n"


def test_repetition(tmp_path):
    cfg = """
    custom-rules:
      - {code: X.a.rep, kind: repetition, exceptions: [had]}
    """
    text = "It was the the\nbest. She had had enough. Bora Bora. The the end."
    _, _, _, found = lint(tmp_path, cfg, text)
    assert [text[f.start:f.end] for f in found] == ["the the\nbest"[:7], "The the"]
    assert fixed(tmp_path, cfg, text) == text  # the fix is a suggestion
    assert fixed(tmp_path, cfg, text, unsafe=True) == "It was the\nbest. She had had enough. Bora Bora. The end."


def test_conditional_acronym_before_definition(tmp_path):
    cfg = """
    custom-rules:
      - {code: X.a.acro, kind: conditional, exceptions: [CNN]}
    """
    text = ("CNN says the WHO warned. The World Health Organization (WHO) agreed; WHO again.\n\n"
            "The Ministry of Defense (MOD) said the MOD would reply. NATO (North Atlantic Treaty Organization) "
            "met. NATO agreed. IL-76 crashed. IL again.\n\nNEWS IN CAPITALS\n")
    _, _, _, found = lint(tmp_path, cfg, text)
    assert [text[f.start:f.end] for f in found] == ["WHO", "IL"]
    assert found[0].message == "'WHO' is used before it is defined"


def test_metric_readability(tmp_path):
    cfg = """
    custom-rules:
      - {code: X.a.read, kind: metric, formula: flesch-kincaid-grade, max: 12, min-words: 10}
    """
    hard = ("Notwithstanding considerable institutional uncertainty, intergovernmental negotiations concerning "
            "comprehensive infrastructural modernization necessitated extraordinary administrative coordination.")
    easy = "The cat sat on the mat. The dog ran to the park and back. We had fun in the sun all day."
    _, _, _, found = lint(tmp_path, cfg, hard + "\n\n" + easy + "\n\nShort and hard: institutionalization.")
    assert len(found) == 1 and found[0].start == 0
    assert found[0].message.startswith("Flesch-Kincaid grade is ") and found[0].message.endswith("at most 12 wanted")


def test_scope_and_languages(tmp_path):
    cfg = """
    custom-rules:
      - {code: X.a.head, kind: existence, tokens: [Breaking], scope: heading}
      - {code: X.a.list, kind: existence, tokens: [etc], scope: [list item]}
      - {code: X.a.de, kind: existence, tokens: [Breaking], languages: [de]}
    """
    md = "# Breaking news\n\nBreaking in a paragraph, etc.\n\n- apples, etc\n"
    _, _, src, found = lint(tmp_path, cfg, md, "a.md")
    assert sorted((f.code, src.position(f.start).line) for f in found) == [("X.a.head", 1), ("X.a.list", 5)]


def test_severity_level_and_select_by_prefix(tmp_path):
    cfg = """
    custom-rules:
      - {code: X.news.a, kind: existence, tokens: [alpha], severity: error}
      - {code: X.news.b, kind: existence, tokens: [beta], level: suggestion}
      - {code: X.other.c, kind: existence, tokens: [gamma]}
    """
    _, _, _, found = lint(tmp_path, cfg, "alpha beta gamma", select=("X.news",))
    assert [(f.code, f.severity) for f in found] == [("X.news.a", Severity.ERROR), ("X.news.b", Severity.INFO)]
    assert {r.code for r in registry.matching_rules("X.news")} == {"X.news.a", "X.news.b"}
    rule = registry.rule_by_name("news-b")
    assert rule is not None and rule.code == "X.news.b"


# -- acceptance 2: a broken rule is one error naming the pack file, the rule and the line ------------

BROKEN = {
    "invalid regex": ("""
      - code: banned
        kind: existence
        patterns:
          - 'fine'
          - '(unclosed'
    """, 9, "rule X.newsroom.banned: invalid regular expression '(unclosed': missing )"),
    "unknown kind": ("""
      - code: kyiv
        kind: substition
        swap: {Kiev: Kyiv}
    """, 6, "rule X.newsroom.kyiv: unknown kind 'substition' (did you mean 'substitution'?)"),
    "missing field": ("""
      - code: kyiv
        kind: substitution
        message: "Use {replacement}"
    """, 5, "rule X.newsroom.kyiv: missing field 'swap'"),
    "unknown field": ("""
      - code: kyiv
        kind: substitution
        swapp: {Kiev: Kyiv}
    """, 7, "rule X.newsroom.kyiv: unknown field 'swapp' for kind 'substitution' (did you mean 'swap'?)"),
    "failing example": ("""
      - code: kyiv
        kind: substitution
        swap: {Kiev: Kyiv}
        examples:
          flag:
            - "Kiev is the capital."
            - {text: "KIEV", fixed: "Kyiv"}
    """, 11, "rule X.newsroom.kyiv: flag example 'KIEV': fixed to 'KYIV', expected 'Kyiv'"),
    "example flagged that must pass": ("""
      - code: kyiv
        kind: substitution
        swap: {Kiev: Kyiv}
        examples:
          pass: ["Kievan Rus", "Kiev"]
    """, 9, "rule X.newsroom.kyiv: pass example 'Kiev': flagged: Use 'Kyiv' instead of 'Kiev'"),
    "missing code": ("""
      - kind: existence
        tokens: [a]
    """, 5, "rule #2: missing field 'code'"),
    "placeholder": ("""
      - code: kyiv
        kind: substitution
        swap: {Kiev: Kyiv}
        message: "Use {replacment}"
    """, 8, "rule X.newsroom.kyiv: unknown placeholder {replacment} in 'Use {replacment}' (did you mean 'replacement'?"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_pack_is_one_error_naming_file_rule_and_line(tmp_path, case, run):
    rules, line, message = BROKEN[case]
    pack = tmp_path / "style" / "newsroom.yaml"
    pack.parent.mkdir()
    pack.write_text("name: newsroom\nprefix: X.newsroom\nrules:\n"
                    "  - {code: fine, kind: existence, tokens: [synergy]}\n"
                    + textwrap.dedent(rules).strip("\n").replace("\n", "\n  ").join(["  ", "\n"]),
                    encoding="utf-8")
    cfg = write_config(tmp_path, "select: [W]\npacks:\n  - ./style/newsroom.yaml\n")
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    exc = err.value
    assert exc.path == str(pack) and exc.line == line, str(exc)
    assert message in exc.message
    assert f"(pack listed at {cfg}:3)" in exc.message
    # The CLI says it in one line and exits 2.
    (tmp_path / "a.txt").write_text("synergy\n")
    result = run("check", "--no-cache", "a.txt", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [f"copylint: {pack}:{line}: {exc.message}"]


def test_error_in_the_config_itself_names_the_config_line(tmp_path):
    cfg = write_config(tmp_path, """
    language: en
    custom-rules:
      - code: X.a.b
        kind: existence
        tokens: [x]
      - code: newsroom.kyiv
        kind: substitution
        swap: {Kiev: Kyiv}
    """)
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    assert err.value.line == 6 and err.value.path == str(cfg)
    assert "code 'newsroom.kyiv' must start with 'X.'" in err.value.message


@pytest.mark.parametrize("rule, message", [
    ("{code: X.a.b, kind: substitution, swap: {Kiev: Kyiv, Kyiv: Kiev}}", "which this rule swaps too"),
    ("{code: X.a.b, kind: substitution, swap: {Kiev: Kiev}}", "is swapped for itself"),
    ("{code: X.a.b, kind: existence, tokens: [a], fix: safe}", "existence rules have no fix"),
    ("{code: X.a.b, kind: existence, patterns: ['x*']}", "matches the empty string"),
    ("{code: X.a.b, kind: existence, tokens: [a], scope: paragraphs}", "unknown scope 'paragraphs' (did you mean 'paragraph'?)"),
    ("{code: X.a.b, kind: occurrence, token: 'x', min: 5, max: 2}", "'min' (5) is more than 'max' (2)"),
    ("{code: X.a.b, kind: capitalization, terms: [GitHub, Github]}", "differ only in case"),
    ("{code: X.a.b, kind: consistency, either: {a: b, b: c}}", "'b' is in two pairs"),
    ("{code: X.a.b, kind: metric, formula: flesch-reading, max: 3}", "did you mean 'flesch-reading-ease'"),
    ("{code: X.a.b, kind: existence, tokens: [a], severity: fatal}", "'severity' must be one of error, warning, info"),
    ("{code: X.a.b, kind: existence, tokens: [a], severity: error, level: warning}", "contradicts"),
    ("{code: X.a.b, kind: substitution, patterns: {'(a)': '{2}'}}", "{2} in '{2}': the pattern has 1 group(s)"),
    ("{code: X.a.b, kind: existence, tokens: [a], slug: Not A Slug}", "slug 'Not A Slug' must be lower-case"),
])
def test_rule_errors(tmp_path, rule, message):
    cfg = write_config(tmp_path, f"custom-rules:\n  - {rule}\n")
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    assert message in err.value.message and err.value.line == 2, str(err.value)


def test_codes_must_be_unique_and_not_builtin(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text("rules:\n  - {code: X.a.b, kind: existence, tokens: [x]}\n")
    cfg = write_config(tmp_path, """
    custom-rules:
      - {code: X.a.b, kind: existence, tokens: [y]}
    packs: [./p.yaml]
    """)
    with pytest.raises(ConfigError, match=r"X\.a\.b is defined twice"):
        load_config(cfg)
    cfg = write_config(tmp_path, "custom-rules:\n  - {code: X.a.b, kind: existence, tokens: [y], slug: leading-whitespace}\n")
    with pytest.raises(ConfigError, match="slug 'leading-whitespace' is already the slug of W101"):
        load_config(cfg)


def test_loading_again_replaces_what_the_file_registered(tmp_path):
    cfg = write_config(tmp_path, "custom-rules:\n  - {code: X.a.old, kind: existence, tokens: [x]}\n")
    load_config(cfg)
    load_config(cfg)  # idempotent
    assert registry.rule_by_name("X.a.old") is not None
    write_config(tmp_path, "custom-rules:\n  - {code: X.a.new, kind: existence, tokens: [x]}\n")
    load_config(cfg)
    assert registry.rule_by_name("X.a.old") is None and registry.rule_by_name("X.a.new") is not None
    # Another config giving the same code another definition is an error, not a silent overwrite.
    other = tmp_path / "sub"
    other.mkdir()
    cfg2 = write_config(other, "custom-rules:\n  - {code: X.a.new, kind: existence, tokens: [y]}\n")
    with pytest.raises(ConfigError, match="defined differently"):
        load_config(cfg2)
    # The same definition twice (two configs sharing a pack) is fine.
    write_config(other, "custom-rules:\n  - {code: X.a.new, kind: existence, tokens: [x]}\n")
    load_config(cfg2)


def test_the_cache_key_follows_the_rules_content(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text("rules:\n  - {code: X.a.b, kind: substitution, swap: {Kiev: Kyiv}}\n")
    cfg = write_config(tmp_path, "packs: [./p.yaml]\n")
    key1 = cache.settings_key(load_config(cfg), Selection())
    assert cache.settings_key(load_config(cfg), Selection()) == key1
    custom_config.reset()
    pack.write_text("rules:\n  - {code: X.a.b, kind: substitution, swap: {Kiev: Kyiv, Odessa: Odesa}}\n")
    assert cache.settings_key(load_config(cfg), Selection()) != key1


# -- acceptance 3: a catastrophic pattern times out, the rest is still reported ----------------------


def test_catastrophic_pattern_times_out_and_other_findings_remain(tmp_path):
    cfg = """
    custom-rules:
      - code: X.bad.backtrack
        kind: existence
        patterns: ['(\\w+\\s?)+$']
        timeout: 0.3
      - {code: X.good.kyiv, kind: substitution, swap: {Kiev: Kyiv}}
    """
    big = ("word " * 20_000).strip() + "."  # one 100 KB paragraph
    assert len(big) == 100_000
    text = f"Kiev first.  \n\n{big}\n\nKiev again.\n"
    start = time.perf_counter()
    _, _, src, found = lint(tmp_path, cfg, text, select=("X", "W"))
    elapsed = time.perf_counter() - start
    assert elapsed < 5, elapsed
    by_code: dict[str, list[Finding]] = {}
    for f in found:
        by_code.setdefault(f.code, []).append(f)
    bad = by_code["X.bad.backtrack"]
    assert len(bad) == 1 and bad[0].severity == Severity.ERROR and bad[0].fix is None
    assert src.position(bad[0].start).line == 3
    assert "rule X.bad.backtrack stopped: its pattern '(\\w+\\s?)+$' took more than 0.3 s" in bad[0].message
    assert "paragraph (100,000 characters)" in bad[0].message
    assert [src.position(f.start).line for f in by_code["X.good.kyiv"]] == [1, 5]
    assert "W102" in by_code  # trailing whitespace on line 1: the built-in rules ran too


def test_timeout_in_a_document_wide_rule(tmp_path):
    cfg = """
    custom-rules:
      - {code: X.bad.defined, kind: conditional, first: '(\\w+\\s?)+$', timeout: 0.2}
    """
    text = "Short one.\n\n" + ("word " * 5_000).strip() + ".\n"
    _, _, src, found = lint(tmp_path, cfg, text)
    assert [(f.code, f.severity, src.position(f.start).line) for f in found] == [("X.bad.defined", Severity.ERROR, 3)]
    assert "took more than 0.2 s on this paragraph (25,000 characters)" in found[0].message


def test_default_timeout_is_one_second(tmp_path):
    cfg = "custom-rules:\n  - {code: X.a.b, kind: existence, patterns: ['(x+x+)+y']}\n"
    config = load_config(write_config(tmp_path, cfg))
    (rule,) = config.sections["custom-rules"]
    assert rule.timeout == 1.0


# -- speed: a glossary is one matcher, not one pass per entry -------------------------------------


def test_a_glossary_compiles_to_one_trigger_and_one_matcher(tmp_path):
    swap = {f"term{i}x": f"Term{i}" for i in range(500)}
    lines = "".join(f"      {k}: {v}\n" for k, v in swap.items())
    config = load_config(write_config(tmp_path, f"custom-rules:\n  - code: X.g.big\n    kind: substitution\n    swap:\n{lines}"))
    (rule,) = config.sections["custom-rules"]
    checker = Linter(Selection(select=("X",))).checker(config)
    assert len(checker.triggered) == 1 and not checker.always
    assert rule.terms is not None and rule.trigger == rule.terms.source
    found = Linter(Selection(select=("X",))).findings(Source("a.txt", "See term499x and term1x, not term5."), config)
    assert [f.message for f in found] == ["Use 'Term499' instead of 'term499x'", "Use 'Term1' instead of 'term1x'"]


# -- the documentation's examples are real ---------------------------------------------------------

DOC = Path(__file__).resolve().parent.parent / "README.md"  # the custom rules section


def _section() -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index("## House style as data")
    end = text.index("\n## ", start + 3)
    return text[start:end]


def _yaml_blocks() -> list[str]:
    import re

    return re.findall(r"```yaml\n(.*?)```", _section(), re.S)


def test_every_kind_is_documented_with_an_example():
    from lint.custom.kinds import KINDS

    text = DOC.read_text(encoding="utf-8")
    blocks = "\n".join(_yaml_blocks())
    for kind in KINDS:
        assert f"### {kind}:" in text and f"kind: {kind}" in blocks, kind


def _rule_blocks() -> list[str]:
    import yaml

    return [b for b in _yaml_blocks() if isinstance(d := yaml.safe_load(b), dict) and ("custom-rules" in d or "rules" in d)]


def test_the_documentation_has_rule_examples():
    assert len(_rule_blocks()) >= 10


@pytest.mark.parametrize("index", range(len(_rule_blocks())))
def test_documented_yaml_loads(tmp_path, index):
    import yaml

    block = _rule_blocks()[index]
    data = yaml.safe_load(block)
    if "custom-rules" in data:
        config = load_config(write_config(tmp_path, block))
        assert len(config.sections["custom-rules"]) == len(data["custom-rules"])
    else:
        pack = packs.read_pack(block, "doc.yaml")
        assert len(pack.rules) == len(data["rules"])


def test_applies_keeps_each_configs_rules_to_itself(tmp_path):
    from lint.config import Config
    from lint.engine import selected_rule_classes

    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    config_a = load_config(write_config(a, "custom-rules:\n  - {code: X.a.one, kind: existence, tokens: [x]}\n"))
    config_b = load_config(write_config(b, "custom-rules:\n  - {code: X.b.two, kind: existence, tokens: [y]}\n"))
    rule_a = registry.rule_by_name("X.a.one")
    assert rule_a is not None
    assert custom_config.applies(rule_a, config_a) and not custom_config.applies(rule_a, config_b)
    assert not custom_config.applies(rule_a, Config())
    assert all(custom_config.applies(r, config_b) for r in registry.builtin_rules())
    # Filtered with applies(), the engine's selection for config b keeps only b's own rules.
    chosen = selected_rule_classes(config_b, Selection(select=("X",)))
    assert {r.code for r in chosen if custom_config.applies(r, config_b)} == {"X.b.two"}
