"""The rule index read from the rule modules' text agrees with the classes they define, and a selection
imports only the modules of the rules it names."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from lint import registry


def test_index_agrees_with_the_classes():
    for entry in registry.builtin_index():
        cls = registry.loaded(entry)
        assert (cls.code, cls.slug, cls.default_enabled) == (entry.code, entry.slug, entry.default_enabled)
        # The kinds the index reads are the class's (the engine leaves a rule out for a document with
        # none of them); a rule whose text does not say them plainly is kept for every document.
        assert entry.kinds is None or frozenset(entry.kinds) == cls.kinds, entry.code
        # So are the languages it reads (the engine leaves a rule out for a document in another language);
        # a rule whose `languages` line it cannot read is kept for every language.
        assert entry.languages is None or frozenset(entry.languages) == cls.languages, entry.code
        assert entry.languages is None or all(cls().applies_to(t) == entry.runs_for(t) for t in
                                              ("en", "fr-CA", "ZH", "pt_BR", "und", "")), entry.code
        # And both gates are what the class itself says (its scope, applies_to, trigger and reading of its
        # own: ``registry._gates_of``), or None where the text does not say it plainly.
        languages, opens, beyond = registry._gates_of(cls)
        assert entry.languages is None or entry.languages == languages, entry.code
        assert entry.opens is None or (entry.opens, entry.opens_beyond_ascii) == (opens, beyond), entry.code
    read = {e.code for e in registry.builtin_index() if e.languages is not None}
    # Literals, and the languages read off the packs (`languages_with("quotes")`, `*(primary(t) for t in packs())`).
    assert {"L102", "L103", "L104", "L105", "L106", "L107", "P102", "S103", "S107", "T105"} <= read, read
    translation_only = {e.code for e in registry.builtin_index() if e.kinds == ("msgstr", "string", "target")}
    assert {"B101", "B106", "B107"} <= translation_only, translation_only
    assert [e.code for e in registry.builtin_index()] == [r.code for r in registry.builtin_rules()]


def test_languages_not_written_plainly_are_not_read():
    """A `languages` line the index cannot read as a literal or a reading of the packs it knows gives None
    (the rule then loads for every language, as it did): a name the module defines, a call it does not
    know, a reader the module does not import from the packs' modules."""
    packs_read = "from lint.language import packs, primary\nfrom ._packs import languages_with\n"
    assert registry._languages_read('frozenset({"en", "fr"})', "") == ("en", "fr")
    assert registry._languages_read('frozenset("en nb".split()) - {"nb"}', "") == ("en",)
    assert registry._languages_read('languages_with("inverted")', packs_read) == ("es",)
    # (One function answers for the rule and for the index: rules/language/_packs.py's is lint.language's.)
    from lint.rules.language import _packs

    from lint.language import languages_with

    assert _packs.languages_with is languages_with
    from lint.language import packs

    assert packs() is packs()  # (read once per process: the packs are YAML files)
    assert registry._languages_read('languages_with("inverted")', "from x import languages_with\n") is None
    assert registry._languages_read('frozenset({"en", *_PACK_WORDS})', packs_read) is None
    assert registry._languages_read('frozenset({"en", *(primary(t) for t in packs() if t)})', packs_read) is None
    assert registry._languages_read("english()", packs_read) is None
    assert registry._languages_read("frozenset({", packs_read) is None


def test_gates_are_read_only_off_the_rule_class_itself(tmp_path) -> None:
    """The index reads a rule's `languages` and `trigger` off its module's text only where the lines are its
    class's own and the class derives from Rule itself: a family's base class may decide which documents the
    rule runs on (its own applies_to, scope, segments_to_read), an annotated `scope` line is not the plain one
    the reader knows (a rule of scope "findings" runs whatever the language), and a module-level helper's
    local of the same name is no declaration. Each would leave out a rule that 7ee9317 ran (fails before:
    all three read as French-only, Z901 and Z903 as needing `&`)."""
    head = 'from typing import ClassVar\n\nfrom lint.rule import Rule\n\nfrom ._base import Base\n\n\n'
    modules = {
        "inherited.py": head + 'class X(Base):\n    code = "Z901"\n    slug = "z-one"\n'
                        '    languages = frozenset({"fr"})\n    trigger = "&"\n',
        "findings.py": head + 'class X(Rule):\n    code = "Z902"\n    slug = "z-two"\n'
                       '    scope: ClassVar[str] = "findings"\n    languages = frozenset({"fr"})\n',
        "helper.py": head + 'def helper():\n    trigger = "&"\n    languages = frozenset({"fr"})\n    return trigger\n\n\n'
                     'class X(Rule):\n    code = "Z903"\n    slug = "z-three"\n',
        "plain.py": head + 'class X(Rule):\n    code = "Z904"\n    slug = "z-four"\n    rationale = """Docs.\n\nfor a reader, at column 0.\n"""\n'
                    '    languages = frozenset({"fr"})\n    trigger = "&"\n\n\ndef helper():\n    trigger = "<"\n',
    }
    for name, text in modules.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    entries = {e.code: e for e in registry._index_of((str(tmp_path),))}
    for code in ("Z901", "Z902", "Z903"):
        assert (entries[code].languages, entries[code].opens) == (None, None), entries[code]
    # (The plain class is read, its docstring's lines at column 0 included.)
    assert (entries["Z904"].languages, entries["Z904"].opens) == (("fr",), "&"), entries["Z904"]


def test_a_selection_imports_only_its_rule_modules():
    code = (
        "import sys\n"
        "from lint.engine import check_text\n"
        "check_text('Two  spaces.\\n', 'a.txt', select=['W', 'E'])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('lint.rules.') and m.count('.') == 3)\n"
        "print(' '.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out, "no rule module was imported"
    assert all(m.split(".")[2] in ("whitespace", "encoding") for m in out), out


def test_family_helpers_are_no_rules():
    """`rules/<family>/_*.py` holds what a family's rules share; discovery passes it over, and every
    other module is one rule."""
    from pathlib import Path

    import lint.rules as package

    root = Path(package.__path__[0])
    helpers = sorted(p.relative_to(root).as_posix() for p in root.rglob("_*.py") if p.name != "__init__.py")
    assert "bilingual/_pairwise.py" in helpers, helpers
    indexed = {e.module for e in registry.builtin_index()}
    assert not {m for m in indexed if m.rsplit(".", 1)[1].startswith("_")}
    modules = {"lint.rules." + p.relative_to(root).with_suffix("").as_posix().replace("/", ".")
               for p in root.rglob("*.py") if not p.name.startswith("_")}
    assert modules == indexed


def test_a_text_file_imports_no_rule_for_catalogue_strings_and_a_catalogue_does():
    code = (
        "import sys\n"
        "from lint.engine import check_text\n"
        "print(len(check_text(sys.argv[1], sys.argv[2])))\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('lint.rules.bilingual.'))))\n"
    )
    text = subprocess.run([sys.executable, "-c", code, "Two  spaces.\n", "a.txt"], capture_output=True, text=True,
                          check=True).stdout.splitlines()
    assert text[0] == "1" and text[1:] in ([], [""]), text
    po = 'msgid ""\nmsgstr "Language: fr\\n"\n\nmsgid "Save {name}"\nmsgstr "Enregistrer"\n'
    catalogue = subprocess.run([sys.executable, "-c", code, po, "a.po"], capture_output=True, text=True,
                               check=True).stdout.splitlines()
    assert int(catalogue[0]) >= 1 and "lint.rules.bilingual.placeholder_mismatch" in catalogue[1], catalogue


def test_a_rule_left_out_for_want_of_its_segments_still_counts_as_run():
    """C002 reports a switch for a rule that ran and had nothing to silence: a B rule on a Markdown page
    is left out (no module imported) but has run, as far as the switch is concerned."""
    from lint.engine import check_text

    found = check_text("<!-- copylint-disable-next-line B101 -->\nSome text here.\n", "a.md", select=["C002", "B101"])
    assert [f.code for f in found] == ["C002"], found


def test_asking_whether_a_selector_is_valid_imports_no_rule_module_and_not_lint_docs():
    """`--ignore W105` asked ``is_selector`` about W105, which imported the rule's module (and ``lint.docs``
    for the families' letters) though the run then left the rule out (fails before: both imported)."""
    code = (
        "import sys\n"
        "from lint import registry\n"
        "print(registry.is_selector('W105'), registry.is_selector('T1'), registry.is_selector('S'),\n"
        "      registry.is_selector('space-run'), registry.is_selector('Q9'), registry.is_selector('G:X'))\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('lint.rules.') or m == 'lint.docs')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0] == "True True True True False True", out
    assert out[1:] in ([], [""]), out


def test_is_selector_answers_as_the_family_names_and_the_rules_it_names_do():
    """The old reading (``lint.docs.FAMILY_NAMES`` and ``matching_rules``) as the oracle, on every code, its
    prefixes, slug and family, and names that are none of them."""
    from lint.docs import FAMILY_NAMES

    def before(name: str) -> bool:
        if name.upper() == "ALL" or name.upper() in FAMILY_NAMES:
            return True
        return bool(registry.matching_rules(name)) or name.startswith("G:")

    names = {"ALL", "all", "G:EN_A", "Q", "Z9", "space_run", "", " ", "x.newsroom"} | set(FAMILY_NAMES)
    for entry in registry.builtin_index():
        names |= {entry.code, entry.code.lower(), entry.slug, entry.code[:2], entry.code[:3], entry.code + "9"}
    for name in sorted(names):
        assert registry.is_selector(name) == before(name), name


def test_a_trigger_s_opening_characters_are_in_every_text_it_matches():
    """The index leaves out a rule whose trigger cannot match in a document (none of the characters its
    matches open with is there): every text of a rule's examples that its trigger matches has one."""
    import re

    gated = set()
    for entry in registry.builtin_index():
        if entry.opens is None:
            continue
        gated.add(entry.code)
        cls = registry.loaded(entry)
        assert cls.trigger and not cls.trigger_flags and cls.scope == "prose", entry.code
        pattern = re.compile(cls.trigger, re.MULTILINE)
        for example in (*cls.flag, *cls.allow):
            if pattern.search(example.text):
                assert entry.may_fire(example.text), (entry.code, example.text)
    assert {"S104", "S105", "T103", "T104", "T106"} <= gated, gated
    # P105 names the segments it reads itself (Rule.segments_to_read); T105's trigger is no literal (an f-string).
    assert not {"P105", "T105"} & gated, gated


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abcxyzAHS .&<{}…\u0410\u0391\u00e9\uff0c\n", max_size=12),
       st.sampled_from(["a?b", "(?:ab|)c", "[\u0370-\u03ff](?<=[A-Za-z].)|[\u0400-\u04ff][a-z]", r"^(?:Home|Start)\b",
                        "(?=x)[xy]z", r"… [A-Z]|\.\.\. [A-Z]", "[{}]+x", r"&#?\w+;", "[\uff0c\u3002]", "(?:x|y)+?z",
                        r"\bA\.", "a{2,3}"]))
def test_opening_characters_open_every_match(text: str, pattern: str) -> None:
    import re

    from lint.scan import opening_characters

    opens = opening_characters(pattern)
    assert opens is not None, pattern
    ascii_chars, other_chars, ranges = opens
    if re.search(pattern, text, re.MULTILINE):
        assert any(c in ascii_chars + other_chars or any(lo <= ord(c) <= hi for lo, hi in ranges) for c in text), \
            (pattern, text)
        entry = registry.RuleEntry("X1", "x", "x", True, opens=ascii_chars, opens_beyond_ascii=bool(other_chars or ranges))
        assert entry.may_fire(text), (pattern, text)  # (what the index keeps)


def test_opening_characters_of_a_pattern_that_may_open_anywhere_are_unknown():
    from lint.scan import opening_characters

    for pattern in ("x*", "(?i:a)b", "[^a]", r"\s+", ".x", "a|", r"[a-z]*\d", "(?:)", "^$"):
        assert opening_characters(pattern) is None, pattern
    assert opening_characters("(?i)ab") is None and opening_characters("ab", 2) is None  # (2: re.IGNORECASE)


def test_the_kept_index_is_read_again_when_the_code_that_reads_it_changes(tmp_path) -> None:
    """The index's gates come from lint/scan.py (a trigger's opening characters) and lint/language.py (the
    packs), not only from the rule modules: an edit there (a fix to opening_characters) must not leave a
    checkout with the index an earlier run kept, whose gates would leave out rules the new code keeps (fails
    before: the edited copy still gated S104 on '&')."""
    import os
    import shutil
    from pathlib import Path

    import lint.rules

    import lint

    copy = tmp_path / "lint"  # (a plain copy: rules/ as lint/rules, as an installed wheel has it)
    shutil.copytree(Path(lint.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__", "rules"))
    shutil.copytree(Path(lint.rules.__file__).parent, copy / "rules", ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    ask = ("import lint, lint.registry as r; assert lint.__file__.startswith(%r), lint.__file__; "
           "print([e.opens for e in r.builtin_index() if e.code == 'S104'][0])" % str(tmp_path))
    first = subprocess.run([sys.executable, "-c", ask], env=env, capture_output=True, text=True, check=True, cwd=tmp_path)
    assert first.stdout.strip() == "&", first.stdout + first.stderr
    scan = copy / "scan.py"
    scan.write_text(scan.read_text(encoding="utf-8").replace(
        "    if may_be_empty:\n", "    if True:  # (opening_characters now knows nothing)\n", 1), encoding="utf-8")
    again = subprocess.run([sys.executable, "-c", ask], env=env, capture_output=True, text=True, check=True, cwd=tmp_path)
    assert again.stdout.strip() == "None", again.stdout + again.stderr
