"""Start-up does only what a run needs: a check of a small file imports no module it has no use for, and
data a rule ships is read from its YAML once, then from what was kept of it (bench/startup.py measures
the time; these tests hold the behaviour the time depends on)."""

from __future__ import annotations

import dataclasses
import datetime
import json
import marshal
import os
import re
import subprocess
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint import patterns
from lint.rule import rule_data

_RUN = (
    "import sys\n"
    "from lint.cli import main\n"
    "sys.argv = ['copylint', 'check', '--no-cache', *sys.argv[1:]]\n"
    "try:\n"
    "    main()\n"
    "except SystemExit as exc:\n"
    "    print('exit', exc.code, file=sys.stderr)\n"
    "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
)


def _modules_of_a_check(*args: str, cwd: Path) -> tuple[str, set[str]]:
    """The report and the modules imported by `copylint check --no-cache ARGS` in a new interpreter that
    writes bytecode caches, as a user's does (the run before it has written them)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for _ in range(2):
        run = subprocess.run([sys.executable, "-c", _RUN, *args], capture_output=True, text=True, cwd=cwd,
                             check=True, env=env)
    exit_line, modules = run.stderr.strip().splitlines()[-2:]
    return run.stdout + exit_line, set(modules.split())


def test_a_small_text_file_is_checked_without_pyyaml(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Share this\n\nTwo  spaces here.\n", encoding="utf-8")
    report, modules = _modules_of_a_check("a.txt", cwd=tmp_path)
    assert "S102" in report and "W105" in report and "exit 1" in report
    assert "yaml" not in modules


def test_a_small_text_file_is_checked_without_json(tmp_path: Path) -> None:
    # json compiles its regexes at import (some 5M instructions): a text report writes no JSON, the formats'
    # table is for the docs, and S111's model (weighed here: three lines) is kept between runs.
    (tmp_path / "a.txt").write_text("Share this\n\nTwo  spaces here.\n\nA third line, and more words.\n",
                                    encoding="utf-8")
    report, modules = _modules_of_a_check("a.txt", cwd=tmp_path)
    assert "S102" in report and "W105" in report and "exit 1" in report
    assert "lint.rules.scrape.furniture_line" in modules and "json" not in modules


def test_a_small_text_file_is_checked_without_making_the_other_commands(tmp_path: Path) -> None:
    # rules, formats, explain, corpus, baseline and clean (some 30 click options: 4M instructions) are made
    # when one of them is run or the commands are listed (lint.commands), not by every check.
    (tmp_path / "a.txt").write_text("Share this\n\nTwo  spaces here.\n", encoding="utf-8")
    made = _RUN.replace("print(' '.join(sorted(sys.modules))", "import lint.cli\nprint(' '.join(sorted(lint.cli.cli.commands))")
    run = subprocess.run([sys.executable, "-c", made, "a.txt"], capture_output=True, text=True, cwd=tmp_path,
                         check=True)
    assert "S102" in run.stdout and run.stderr.strip().splitlines()[-1] == "check"
    _, modules = _modules_of_a_check("a.txt", cwd=tmp_path)
    assert "lint.commands" not in modules
    listed = subprocess.run([sys.executable, "-m", "lint", "--help"], capture_output=True, text=True, check=True)
    names = [line.split()[0] for line in listed.stdout.split("Commands:")[1].strip().splitlines()]
    assert names == sorted(["baseline", "check", "clean", "corpus", "explain", "formats", "languages",
                            "languagetool", "lsp", "rules", "test-rules"])


def test_a_small_text_file_is_checked_without_the_markup_reader(tmp_path: Path) -> None:
    # L103 asks the markup reader's character reference only of a `;` in French (some 2.5M instructions to
    # import): a text file does without it. (In French: L103 runs for French only, and is not even imported
    # for an English file.)
    (tmp_path / "a.txt").write_text("# copylint-language: fr\n\nShare this\n\nDeux  espaces ici ; et là.\n",
                                    encoding="utf-8")
    report, modules = _modules_of_a_check("a.txt", cwd=tmp_path)
    assert "S102" in report and "W105" in report and "exit 1" in report
    assert "lint.rules.language.punctuation_spacing" in modules and "lint.formats.markup" not in modules


def test_a_small_english_text_file_imports_no_rule_that_runs_for_other_languages_only(tmp_path: Path) -> None:
    # The rule index says which languages a rule runs for (read off its class's `languages` line, the
    # language packs included, without importing it): L102-L107 (French, Spanish, CJK typography …) cannot
    # run on English, and their modules are not imported (fails before: all six were). A document in one
    # of their languages imports its own and they run on it.
    language_only = {"quotation_marks": "L102", "punctuation_spacing": "L103", "inverted_question_mark": "L104",
                     "cjk_ascii_punctuation": "L105", "width_mixing": "L106", "cjk_latin_spacing": "L107"}
    (tmp_path / "a.txt").write_text("Share this\n\nTwo  spaces here, and a “quote”.\n", encoding="utf-8")
    report, modules = _modules_of_a_check("a.txt", cwd=tmp_path)
    assert "S102" in report and "W105" in report and "exit 1" in report
    assert "lint.rules.punctuation.mixed_quote_styles" in modules  # (P102 runs for English: it is loaded)
    assert not {f"lint.rules.language.{m}" for m in language_only} & modules
    (tmp_path / "b.txt").write_text("# copylint-language: es\n\nDijo «hola» y luego \"adiós\". Vienes?\n", encoding="utf-8")
    report, modules = _modules_of_a_check("--select", "L", "b.txt", cwd=tmp_path)
    assert "L102" in report and "L104" in report and "exit 1" in report
    loaded = {m for m in language_only if f"lint.rules.language.{m}" in modules}
    assert loaded == {"quotation_marks", "inverted_question_mark"}, loaded


def test_a_small_text_file_imports_no_rule_whose_trigger_cannot_match_in_it(tmp_path: Path) -> None:
    # The rule index keeps the characters every match of a rule's trigger opens with (S104 `&`, S105 `<`, T106
    # `{ % < [ $`; T103's full-width marks and T104's Greek and Cyrillic letters only as "outside ASCII"): a
    # document whose prose has none of them needs neither the rule nor its module (fails before: all five
    # imported). A file that has them imports the rules and they report, the second file of a run too.
    gated = {"scrape.html_entity": "S104", "scrape.html_tag": "S105", "translation.foreign_punctuation": "T103",
             "translation.mixed_script_word": "T104", "translation.placeholder_residue": "T106"}
    (tmp_path / "a.txt").write_text("Share this\n\nTwo  spaces here, and a \"quote\".\n", encoding="utf-8")
    report, modules = _modules_of_a_check("a.txt", cwd=tmp_path)
    assert "S102" in report and "W105" in report and "exit 1" in report
    assert "lint.rules.scrape.glued_sentences" in modules  # (S106's trigger opens with `.`: it is loaded)
    assert not {f"lint.rules.{m}" for m in gated} & modules
    (tmp_path / "b.txt").write_text("Fish &amp; chips.\n\nThe <b>end</b> came，at last. Hello {0} in Moscоw.\n",
                                    encoding="utf-8")
    report, modules = _modules_of_a_check("--select", "S104,S105,T103,T104,T106", "a.txt", "b.txt", cwd=tmp_path)
    assert {f"lint.rules.{m}" for m in gated} <= modules
    assert "a.txt" not in report and "exit 1" in report
    assert sorted({line.split()[1] for line in report.splitlines() if line.startswith("b.txt")}) == sorted(gated.values())


def test_a_folder_is_checked_without_the_results_cache_module_and_json(tmp_path: Path) -> None:
    # Walking a folder skips the cache's own folder (its name and place are lint.paths'), and the pre-pass of
    # the tree rule (S112, on Markdown) counts each file's lines under its digest (lint.tree's): a --no-cache
    # run imported lint.cache for them, and json and dataclasses' code with it (some 14M instructions).
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("Share this\n\nTwo  spaces here.\n", encoding="utf-8")
    (tmp_path / "docs" / "c.md").write_text("# Title\n\nWe saw the the results.\n", encoding="utf-8")
    (tmp_path / ".copylint_cache").mkdir()
    (tmp_path / ".copylint_cache" / "b.txt").write_text("Two  spaces here.\n", encoding="utf-8")
    report, modules = _modules_of_a_check(".", cwd=tmp_path)
    assert "a.txt" in report and "c.md" in report and "b.txt" not in report and "exit 1" in report
    assert "lint.tree" in modules and "lint.cache" not in modules and "json" not in modules


def test_the_furniture_model_kept_is_the_one_its_file_holds() -> None:
    from lint.rules.scrape import furniture_line

    data = json.loads(furniture_line.MODEL.read_text(encoding="utf-8"))
    kept = furniture_line.model()
    assert kept.weights == tuple(float(w) for w in data["weights"]) and kept.threshold == float(data["threshold"])
    assert furniture_line._model_read() == (tuple(data["features"]), kept.weights, kept.threshold)


def test_box_drawing_and_accents_are_weighed_without_importing_ftfy_and_mojibake_with_it(tmp_path: Path) -> None:
    # E101 shows these lines to ftfy's badness heuristic, which passes them: the package is not needed.
    (tmp_path / "a.txt").write_text("The tree:\n\n├── src\n└── main.rs\n\nCafé au lait, Škoda, Москва.\n",
                                    encoding="utf-8")
    report, modules = _modules_of_a_check("--select", "E101", "a.txt", cwd=tmp_path)
    assert "exit 0" in report and "ftfy" not in modules
    (tmp_path / "a.txt").write_text("He said itâ€™s done.\n", encoding="utf-8")
    report, modules = _modules_of_a_check("--select", "E101", "a.txt", cwd=tmp_path)
    assert "E101" in report and "exit 1" in report and "ftfy" in modules


def test_the_badness_heuristic_run_alone_is_ftfys(monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    import ftfy.badness
    from lint.rules.encoding._repair import badness

    real = ftfy.badness
    monkeypatch.delitem(sys.modules, "ftfy.badness")  # as in a run that has not imported ftfy
    alone = badness.__wrapped__()
    assert alone is not real and alone.BADNESS_RE.pattern == real.BADNESS_RE.pattern
    rng = random.Random(101)
    chars = "aeZ .,'\u00c3\u00a9\u00e2\u20ac\u2122\u0153\u00c2\u00a0\u2500\u251c\u00b0\u00d7\u00b2\u0432\u0402\u00e0\u00b2"
    for _ in range(3000):
        line = "".join(rng.choice(chars) for _ in range(rng.randint(1, 8)))
        assert alone.is_bad(line) == real.is_bad(line), line


def test_a_config_file_is_still_read(tmp_path: Path) -> None:
    (tmp_path / ".copylint.yaml").write_text("ignore: [W105]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Share this\n\nTwo  spaces here.\n", encoding="utf-8")
    report, modules = _modules_of_a_check("a.txt", cwd=tmp_path)
    assert "S102" in report and "W105" not in report
    assert "yaml" in modules


@pytest.fixture()
def writing_caches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def _kept(path: Path) -> list[Path]:
    return sorted((path.parent / "__pycache__").glob(f"{path.name}.*.marshal"))


def test_rule_data_is_kept_and_read_again_when_its_file_changes(tmp_path: Path, writing_caches: None) -> None:
    data = tmp_path / "labels.yaml"
    data.write_text("date: [Posted, Updated]\nlimit: 3\nstrict: true\n", encoding="utf-8")
    assert rule_data(data) == {"date": ["Posted", "Updated"], "limit": 3, "strict": True}
    assert len(_kept(data)) == 1
    assert rule_data(data) == {"date": ["Posted", "Updated"], "limit": 3, "strict": True}
    data.write_text("date: [Posted]\n", encoding="utf-8")  # the same size class, a new text
    assert rule_data(data) == {"date": ["Posted"]}
    assert list(rule_data(data)) == ["date"]


def test_rule_data_kept_nowhere_without_bytecode_caches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    data = tmp_path / "labels.yaml"
    data.write_text("date: [Posted]\n", encoding="utf-8")
    assert rule_data(data) == {"date": ["Posted"]}
    assert not (tmp_path / "__pycache__").exists()


def test_rule_data_that_marshal_cannot_hold_is_read_each_time(tmp_path: Path, writing_caches: None) -> None:
    data = tmp_path / "dates.yaml"
    data.write_text("since: 2024-01-24\n", encoding="utf-8")
    assert rule_data(data) == {"since": datetime.date(2024, 1, 24)}
    assert rule_data(data) == {"since": datetime.date(2024, 1, 24)}
    assert not _kept(data) and not list((tmp_path / "__pycache__").glob("*.tmp"))


def test_a_damaged_kept_file_is_replaced(tmp_path: Path, writing_caches: None) -> None:
    data = tmp_path / "labels.yaml"
    data.write_text("date: [Posted]\n", encoding="utf-8")
    rule_data(data)
    (kept,) = _kept(data)
    kept.write_bytes(b"\x00not marshal")
    assert rule_data(data) == {"date": ["Posted"]}
    assert rule_data(data) == {"date": ["Posted"]}
    assert kept.read_bytes() != b"\x00not marshal"


# -- patterns compiled once per interpreter (lint.patterns) ------------------------------------------------

_TEXT = "Posted on 2024-01-24 by Anna.\nＴｏｋｙｏ and 東京 — Read more »\n"
_PATTERNS = [
    (r"(?P<year>\d{4})-(?P<month>\d\d)-(\d\d)", 0),
    (r"read more\s*»", re.IGNORECASE),
    (r"^[A-Z]\w+", re.MULTILINE),
    (r"[\u3400-\u9fff]+|[\uff10-\uff5a]+", 0),
    (r"\b(\w+) by (?=[A-Z])", 0),
]


@pytest.fixture()
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store of compiled patterns of its own, in a temporary folder, written as bytecode is."""
    path = tmp_path / "__pycache__" / "patterns.marshal"
    monkeypatch.setattr(patterns, "_KEPT", patterns._Kept(path))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    if not patterns._KEPT.usable:
        pytest.skip("this interpreter's patterns are compiled by re.compile alone")
    return path


_KEYS_KEPT = (
    "import sys\n"
    "from pathlib import Path\n"
    "from lint import patterns\n"
    "patterns._KEPT = patterns._Kept(Path(sys.argv[1]))\n"
    "sys.dont_write_bytecode = False\n"
    "import lint\n"
    "from lint.registry import builtin_rules\n"
    "for rule in builtin_rules():\n"
    "    for ex in (*rule.flag, *rule.allow):\n"
    "        lint.check_text(ex.text, path=ex.path or 'a.txt')\n"
    "print(len(patterns._KEPT._loaded()))\n"
    "print('\\n'.join(sorted(repr(k) for k in patterns._KEPT._loaded())))\n"
)


def test_the_patterns_kept_are_the_same_whatever_the_hash_seed(tmp_path: Path) -> None:
    # A pattern built in a set's order (hash seeded per process) would be compiled and kept again by
    # every run, and the store, read at every start-up, would grow by it each time.
    if not patterns._KEPT.usable:
        pytest.skip("this interpreter's patterns are compiled by re.compile alone")
    kept = []
    for seed in ("1", "2"):
        env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", _KEYS_KEPT, str(tmp_path / f"store{seed}.marshal")],
                             capture_output=True, text=True, check=True, env=env)
        kept.append(run.stdout)
    assert int(kept[0].split("\n", 1)[0]) > 100
    assert kept[0] == kept[1]


def _next_run(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the next process sees: the store written at exit, read afresh."""
    patterns._KEPT.save()
    monkeypatch.setattr(patterns, "_KEPT", patterns._Kept(path))


def test_a_pattern_from_the_store_is_the_pattern_re_compiles(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = [patterns.compiled(p, f) for p, f in _PATTERNS]
    assert not store.exists()  # written when the process exits
    _next_run(store, monkeypatch)
    assert store.exists()
    for (pattern, flags), before in zip(_PATTERNS, first, strict=True):
        kept = patterns.compiled(pattern, flags)
        real = re.compile(pattern, flags)
        assert kept == real and before == real  # same pattern, flags and opcodes
        assert (kept.groups, kept.groupindex, kept.flags) == (real.groups, real.groupindex, real.flags)
        assert [m.span() for m in kept.finditer(_TEXT)] == [m.span() for m in real.finditer(_TEXT)]
        assert [m.groups() for m in kept.finditer(_TEXT)] == [m.groups() for m in real.finditer(_TEXT)]
    assert not patterns._KEPT.added  # all five came from the store


def test_a_bad_pattern_is_an_error_as_with_re_compile(store: Path) -> None:
    with pytest.raises(re.error):
        patterns.compiled("(unclosed")


def test_a_store_of_another_interpreter_or_damaged_is_read_as_none(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patterns.compiled(r"\bword\b")
    _next_run(store, monkeypatch)
    header, entries = marshal.loads(store.read_bytes())
    store.write_bytes(marshal.dumps((("another", *header[1:]), entries)))
    monkeypatch.setattr(patterns, "_KEPT", patterns._Kept(store))
    assert patterns.compiled(r"\bword\b").search("a word here").span() == (2, 6)  # type: ignore[union-attr]
    assert patterns._KEPT.added  # compiled again, not taken from the other interpreter's store
    store.write_bytes(b"\x00 not a store")
    monkeypatch.setattr(patterns, "_KEPT", patterns._Kept(store))
    assert patterns.compiled(r"\bword\b").search("a word here").span() == (2, 6)  # type: ignore[union-attr]


def test_a_damaged_entry_is_compiled_again(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patterns.compiled(r"(a)(b)?c")
    _next_run(store, monkeypatch)
    key = ("compiled", r"(a)(b)?c", 0)
    flags, code, groups, groupindex, indexgroup = patterns._KEPT.get(key)
    patterns._KEPT.entries[key] = marshal.dumps(  # type: ignore[index]
        (flags, [999, *code[1:]], groups, groupindex, indexgroup))
    assert patterns.compiled(r"(a)(b)?c").fullmatch("ac").groups() == ("a", None)  # type: ignore[union-attr]


def test_an_entry_that_does_not_unmarshal_is_compiled_again(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patterns.compiled(r"(a)(b)?d")
    _next_run(store, monkeypatch)
    key = ("compiled", r"(a)(b)?d", 0)
    assert patterns._KEPT.get(key) is not None
    patterns._KEPT.entries[key] = b"\xff not marshal"  # type: ignore[index]
    assert patterns.compiled(r"(a)(b)?d").fullmatch("ad").groups() == ("a", None)  # type: ignore[union-attr]


def test_check_in_process_leaves_the_host_s_collector_as_it_was(tmp_path: Path) -> None:
    """An application (or a test) that runs the `check` command in its own process: its collector is
    neither switched on nor frozen by it (only the console script pauses it for start-up)."""
    import gc

    from click.testing import CliRunner

    from lint.cli import cli

    text = tmp_path / "a.txt"
    text.write_text("Two  spaces.\n", encoding="utf-8")
    frozen = gc.get_freeze_count()
    gc.disable()
    try:
        result = CliRunner().invoke(cli, ["check", "--no-cache", "--isolated", "--exit-zero", str(text)])
        assert result.exit_code == 0 and not gc.isenabled() and gc.get_freeze_count() == frozen
    finally:
        gc.enable()


def test_nothing_is_written_without_bytecode_caches(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    patterns.compiled(r"\d+ words")
    patterns._KEPT.save()
    assert patterns.compiled(r"\d+ words").search("in 3 words").group() == "3 words"  # type: ignore[union-attr]
    assert not store.exists() and not (store.parent.exists() and list(store.parent.iterdir()))


def test_an_answer_is_kept_and_asked_once(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def answer() -> tuple[str, ...]:
        asked.append("asked")
        return ("piece", "other piece")

    assert patterns.kept_answer("pieces", "a|b", 0, answer) == ("piece", "other piece")
    _next_run(store, monkeypatch)
    assert patterns.kept_answer("pieces", "a|b", 0, answer) == ("piece", "other piece")
    assert asked == ["asked"]


def test_an_answer_is_asked_again_when_the_asking_module_changes(
        store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A checkout whose version number stays the same while its code is edited must not be served the
    answers of the code before the edit."""
    module = tmp_path / "asking.py"

    def answer_in_module(returned: str, *, edit: bool) -> Callable[[], str]:
        source = f"def answer():\n    return {returned!r}\n"
        if edit:
            module.write_text(source, encoding="utf-8")
        namespace: dict[str, Any] = {}
        exec(compile(source, str(module), "exec"), namespace)
        return cast(Callable[[], str], namespace["answer"])

    def next_process() -> None:
        _next_run(store, monkeypatch)
        monkeypatch.setattr(patterns, "_ANSWERING", {})  # a new process reads the files afresh

    assert patterns.kept_answer("pieces", "a|b", 0, answer_in_module("first", edit=True)) == "first"
    next_process()
    # The module's file is as it was: the kept answer is served, not asked.
    assert patterns.kept_answer("pieces", "a|b", 0, answer_in_module("not asked", edit=False)) == "first"
    next_process()
    assert patterns.kept_answer("pieces", "a|b", 0, answer_in_module("edited!", edit=True)) == "edited!"


def test_a_kept_index_is_read_again_when_a_module_changes(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    module = tmp_path / "rules" / "a_rule.py"
    module.write_text('code = "X1"\n', encoding="utf-8")
    before = patterns.files_signature(str(tmp_path))
    assert [name for name, _, _ in before] == ["rules/a_rule.py"]
    module.write_text('code = "X12"\n', encoding="utf-8")
    assert patterns.files_signature(str(tmp_path)) != before


def test_a_value_kept_for_other_files_is_replaced_not_kept_beside(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert patterns.kept_value(("index", "rules"), lambda: ("A1",), valid_for=(("a.py", 10, 1),)) == ("A1",)
    _next_run(store, monkeypatch)
    assert patterns.kept_value(("index", "rules"), lambda: ("changed",), valid_for=(("a.py", 10, 1),)) == ("A1",)
    assert patterns.kept_value(("index", "rules"), lambda: ("A2",), valid_for=(("a.py", 11, 2),)) == ("A2",)
    assert len(patterns._KEPT.entries or {}) == 1


def _parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The patterns parsed from now on: by re (re.compile, re._compiler.compile) and by the store alike."""
    parsed: list[str] = []
    parse = patterns._parser.parse

    def counted(pattern: Any, flags: int = 0, *args: Any) -> Any:
        parsed.append(pattern)
        return parse(pattern, flags, *args)

    monkeypatch.setattr(patterns._parser, "parse", counted)
    return parsed


def test_a_library_s_patterns_from_the_store_answer_as_re_does(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library_store = store.with_name("library-patterns.marshal")
    monkeypatch.setattr(patterns, "_KEPT_LIBRARY", patterns._Kept(library_store))
    text = "Mr. Smith paid $3.50. He left at 5 p.m.\nThen: nothing."
    calls: list[tuple[str, tuple[Any, ...]]] = [
        ("sub", (r"(\w+)\.", r"\1∯", text)), ("sub", (r"(\w+)\.", r"\1∯", text, 1)),
        ("sub", (r"^then", "T", text, 0, re.IGNORECASE | re.MULTILINE)), ("subn", (r"\d", "#", text)),
        ("search", (r"p\.m\.", text)), ("match", (r"mr", text, re.IGNORECASE)), ("fullmatch", (r".+", "abc")),
        ("split", (r"\s+", text, 2)), ("findall", (r"(\d)\.(\d+)", text)),
    ]
    def answered(functions: Any) -> list[Any]:
        answers = []
        for name, args in calls:
            answer = getattr(functions, name)(*args)
            answers.append(answer.span() if isinstance(answer, re.Match) else answer)  # (matches: by identity)
        answers.append([m.span() for m in functions.finditer(r"\.", text)])
        answers.append(functions.compile(r"\d+").pattern)
        return answers

    theirs = answered(re)
    parsed = _parsed(monkeypatch)
    for run in ("compiled and kept", "from the store in the next process"):
        kept = patterns._KeptRe()
        parsed.clear()
        assert answered(kept) == theirs, run
        asked = sorted({args[0] for _, args in calls} | {r"\.", r"\d+"})
        assert sorted(parsed) == (asked if run == "compiled and kept" else []), run
        assert kept.escape("a.b") == re.escape("a.b") and kept.IGNORECASE is re.IGNORECASE
        with pytest.raises(re.error):
            kept.search("(", text)
        patterns._KEPT_LIBRARY.save()
        monkeypatch.setattr(patterns, "_KEPT_LIBRARY", patterns._Kept(library_store))
    assert library_store.exists() and not store.exists()  # apart from this package's patterns


def test_a_module_s_patterns_compiled_at_import_come_from_the_store(
        store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    library_store = store.with_name("library-patterns.marshal")
    monkeypatch.setattr(patterns, "_KEPT_LIBRARY", patterns._Kept(library_store))
    module_file = tmp_path / "library_module.py"
    module_file.write_text("import re\nWORDS = re.compile(r'[a-zé]+ \\d', re.VERBOSE)\nNAME = 'x'\n", encoding="utf-8")

    def load() -> Any:
        spec = importlib.util.spec_from_file_location("_library_module", module_file)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    parsed = _parsed(monkeypatch)
    re.purge()
    first = patterns.module_with_kept_patterns(str(module_file), load)
    assert parsed == [r"[a-zé]+ \d"] * 2  # by the module's re.compile, then for the store
    patterns._KEPT_LIBRARY.save()
    monkeypatch.setattr(patterns, "_KEPT_LIBRARY", patterns._Kept(library_store))  # the next process
    re.purge()
    parsed.clear()
    kept = patterns.module_with_kept_patterns(str(module_file), load)
    assert not parsed  # re.compile found it made from the opcodes the first process kept
    assert (kept.WORDS.pattern, kept.WORDS.flags) == (first.WORDS.pattern, first.WORDS.flags)
    assert kept.WORDS.findall("abé 1, x2 and y 3") == first.WORDS.findall("abé 1, x2 and y 3") == ["x2"]  # (verbose: the space is no character)
    module_file.write_text("import re\nWORDS = re.compile(r'[a-z]+ \\d', re.VERBOSE)\n", encoding="utf-8")
    re.purge()
    assert patterns.module_with_kept_patterns(str(module_file), load).WORDS.pattern == r"[a-z]+ \d"
    assert r"[a-z]+ \d" in parsed  # a changed module compiles its own


def test_two_processes_writing_the_store_keep_both_their_patterns(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A pool's workers each read the store as it was, compile what their files ask for, and write it.
    first, second = patterns._Kept(store), patterns._Kept(store)
    assert first.get(("compiled", "a", 0)) is None and second.get(("compiled", "a", 0)) is None
    first.put(("compiled", "a", 0), "from the first")
    first.put(("compiled", "c", 0), "from the first")
    second.put(("compiled", "b", 0), "from the second")
    second.put(("compiled", "a", 0), "from the second")
    first.save()
    second.save()
    kept = {key: marshal.loads(value) for key, value in patterns._Kept(store)._loaded().items()}  # (each marshalled)
    assert kept == {("compiled", "c", 0): "from the first",
                    ("compiled", "b", 0): "from the second",
                    ("compiled", "a", 0): "from the second"}


def test_patterns_built_from_texts_never_push_out_a_library_module_s(
        store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pysbd builds a pattern for each abbreviation it meets in a text (``(?<=\\sProf)\\.``): a run on many
    of them must not push out of the store the patterns ftfy compiles at import, which no later run
    would keep again, nor those every run asks for; the ones asked for longest ago go."""
    monkeypatch.setattr(patterns, "_KEPT_LIMIT", 8)
    library_store = store.with_name("library-patterns.marshal")
    module_file = tmp_path / "library_module.py"
    module_file.write_text("import re\nWORDS = re.compile(r'[a-z]+')\n", encoding="utf-8")

    def load() -> Any:
        namespace = types.ModuleType("_library_module")
        exec(compile(module_file.read_text(encoding="utf-8"), str(module_file), "exec"), vars(namespace))
        return namespace

    def next_process() -> patterns._KeptRe:
        patterns._KEPT_LIBRARY.save()
        monkeypatch.setattr(patterns, "_KEPT_LIBRARY", patterns._Kept(library_store))
        re.purge()
        return patterns._KeptRe()

    monkeypatch.setattr(patterns, "_KEPT_LIBRARY", patterns._Kept(library_store))
    patterns.module_with_kept_patterns(str(module_file), load)
    kept_re = next_process()
    kept_re.compile(r"\s+")  # asked for by every run
    for run in range(3):
        for number in range(10):  # more than the store holds: of this run's, the first made stay
            kept_re.sub(rf"(?<=\sAbbr{run}x{number})\.", "∯", "An Abbr. here.")
        kept_re = next_process()
        kept_re.compile(r"\s+")
    _, entries = marshal.loads(library_store.read_bytes())
    assert len(entries) == 8
    assert ("module-patterns", str(module_file)) in entries and ("compiled", "[a-z]+", re.UNICODE) in entries
    assert ("compiled", r"\s+", 0) in entries
    assert [key[1] for key in entries if "Abbr" in key[1]] == [rf"(?<=\sAbbr2x{n})\." for n in range(5)]
    parsed = _parsed(monkeypatch)
    assert patterns.module_with_kept_patterns(str(module_file), load).WORDS.findall("ab cd") == ["ab", "cd"]
    assert not parsed


_POOL_RUN = (
    "import sys\n"
    "from pathlib import Path\n"
    "from lint import patterns\n"
    "folder = Path(sys.argv[1])\n"
    "patterns._KEPT = patterns._Kept(folder / 'patterns.marshal')\n"
    "patterns._KEPT_CODE = patterns._Kept(folder / 'dataclasses.marshal')\n"
    "patterns._KEPT_LIBRARY = patterns._Kept(folder / 'library-patterns.marshal')\n"
    "parsed = []\n"
    "parse = patterns._parser.parse\n"
    "def counted(pattern, flags=0, *args):\n"
    "    parsed.append(pattern)\n"
    "    return parse(pattern, flags, *args)\n"
    "patterns._parser.parse = counted\n"
    "from lint.cli import main\n"
    "sys.argv = ['copylint', 'check', '--no-cache', '--exit-zero', *sys.argv[2:]]\n"
    "try:\n"
    "    main()\n"
    "except SystemExit:\n"
    "    pass\n"
    "import json\n"
    "print(json.dumps([pattern for pattern in parsed if isinstance(pattern, str)]), file=sys.stderr)\n"
)


def test_the_patterns_a_pool_s_workers_compiled_are_kept(tmp_path: Path) -> None:
    """The parent of a pool splits no sentence: pysbd's patterns and ftfy's are compiled in the workers,
    which end by os._exit, and are kept for the next run all the same."""
    from lint import parallel

    if not patterns._KEPT_LIBRARY.usable or not parallel.can_fork():
        pytest.skip("no kept patterns, or no forked workers, here")
    store = tmp_path / "store"
    store.mkdir()
    text = ("Dr. Smith met Prof. Jones at 5 p.m. on Monday. Officials said 74 people were on board. "
            "Officials said 74 people were on board.\nÇa coûte 5 €, dit-il.\n")
    files = []
    for number in range(4):
        (tmp_path / f"page{number}.txt").write_text(text, encoding="utf-8")
        files.append(f"page{number}.txt")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def run(*args: str) -> list[str]:
        done = subprocess.run([sys.executable, "-c", _POOL_RUN, str(store), *args], capture_output=True,
                              text=True, check=True, env=env, cwd=tmp_path)
        assert "S108" in done.stdout
        return cast(list[str], json.loads(done.stderr.strip().splitlines()[-1]))

    run("--jobs", "2", *files)
    _, entries = marshal.loads((store / "library-patterns.marshal").read_bytes())
    library = {key[1] for key in entries if key[0] == "compiled"}
    assert any("∯" in pattern for pattern in library)  # pysbd's
    assert any(key[0] == "module-patterns" and key[1].endswith("badness.py") for key in entries)  # ftfy's
    _, own = marshal.loads((store / "patterns.marshal").read_bytes())
    # The next run, in one process, parses none of them again.
    assert not set(run("--jobs", "1", *files)) & (library | {key[1] for key in own if key[0] == "compiled"})


def test_pysbd_reads_its_patterns_through_the_store() -> None:
    from lint import sentences

    assert sentences.sentence_spans("Dr. Smith arrived. He sat down.") == ((0, 18), (19, 31))
    if patterns._KEPT_LIBRARY.usable:
        import pysbd.processor

        assert pysbd.processor.re is patterns._KEPT_RE


def test_dataclass_methods_from_kept_code_are_the_ones_dataclasses_writes(
        store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    code_store = store.with_name("dataclasses.marshal")
    monkeypatch.setattr(patterns, "_KEPT_CODE", patterns._Kept(code_store))
    monkeypatch.delattr(dataclasses, "exec", raising=False)
    monkeypatch.setattr(patterns._KEPT_CODE, "usable", True)

    def made() -> type:
        @dataclasses.dataclass(frozen=True, order=True)
        class Point:
            x: int
            y: tuple[str, ...] = dataclasses.field(default_factory=tuple)
        return Point

    plain = made()
    patterns.keep_dataclass_code()
    assert "exec" in vars(dataclasses)
    monkeypatch.setattr(dataclasses, "exec", patterns.kept_exec)  # undone after the test
    first = made()
    assert patterns._KEPT_CODE.added  # compiled and kept
    patterns._KEPT_CODE.save()
    monkeypatch.setattr(patterns, "_KEPT_CODE", patterns._Kept(code_store))
    monkeypatch.setattr(patterns._KEPT_CODE, "usable", True)
    kept = made()
    assert not patterns._KEPT_CODE.added  # every method came from the store
    for cls in (first, kept):
        # Annotations as dataclasses writes them (objects, not the strings this module's __future__
        # import would make of them), and the same behaviour.
        assert cls.__init__.__annotations__ == plain.__init__.__annotations__
        assert repr(cls(1, ("a",))) == repr(plain(1, ("a",))).replace(plain.__qualname__, cls.__qualname__)
        assert cls(1) == cls(1) and cls(1) < cls(2) and hash(cls(1)) == hash(plain(1))
        with pytest.raises(dataclasses.FrozenInstanceError):
            cls(1).x = 2  # type: ignore[misc]


def test_a_folder_outside_a_repository_is_walked_without_pathspec(tmp_path: Path) -> None:
    # The exclude globs' pattern is kept between runs: pathspec is needed only for a .gitignore to read.
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("Two  spaces here.\n", encoding="utf-8")
    (tmp_path / "docs" / "node_modules").mkdir()
    (tmp_path / "docs" / "node_modules" / "b.txt").write_text("Two  spaces there.\n", encoding="utf-8")
    report, modules = _modules_of_a_check("docs", cwd=tmp_path)
    assert "a.txt" in report and "b.txt" not in report and "pathspec" not in modules
    (tmp_path / ".git").mkdir()  # a repository, whose .gitignore is read
    (tmp_path / "docs" / ".gitignore").write_text("a.txt\n", encoding="utf-8")
    report, modules = _modules_of_a_check("docs", cwd=tmp_path)
    assert "a.txt" not in report and "pathspec" in modules


_PARSED_RUN = (
    "import sys\n"
    "from lint import patterns\n"
    "parsed = []\n"
    "parse = patterns._parser.parse\n"
    "def counted(pattern, flags=0, *args):\n"
    "    parsed.append(pattern)\n"
    "    return parse(pattern, flags, *args)\n"
    "patterns._parser.parse = counted\n"
    "from lint.cli import main\n"
    "sys.argv = ['copylint', 'check', '--exit-zero', *sys.argv[1:]]\n"
    "try:\n"
    "    main()\n"
    "except SystemExit:\n"
    "    pass\n"
    "import json\n"
    "print(json.dumps([pattern for pattern in parsed if isinstance(pattern, str)]), file=sys.stderr)\n"
)


def _kept_patterns(folder: Path) -> set[str]:
    """The patterns a store in ``folder`` holds compiled."""
    (store,) = folder.glob("patterns.*.marshal")
    _, entries = marshal.loads(store.read_bytes())
    return {key[1] for key in entries if key[0] == "compiled"}


def test_without_bytecode_caches_a_check_keeps_its_patterns_in_the_user_s_cache(tmp_path: Path) -> None:
    """With PYTHONDONTWRITEBYTECODE set (Docker images set it) lint/__pycache__ takes no store: a check that
    uses the results cache keeps the compiled patterns in the user's cache folder (never the project's: a
    marshal file is not safe to read from whoever writes the project), and the next run parses none of them
    again; with --no-cache nothing is written anywhere."""
    if not patterns._KEPT.usable:
        pytest.skip("this interpreter's patterns are compiled by re.compile alone")
    (tmp_path / "a.txt").write_text("Share this\n\nTwo  spaces here, “quoted” words… And more.\n", encoding="utf-8")
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("COPYLINT_")}, "PYTHONDONTWRITEBYTECODE": "1",
           "XDG_CACHE_HOME": str(tmp_path / "user-cache")}

    def run(*args: str) -> list[str]:
        done = subprocess.run([sys.executable, "-c", _PARSED_RUN, *args], capture_output=True, text=True,
                              check=True, env=env, cwd=tmp_path)
        assert "S102" in done.stdout
        return cast(list[str], json.loads(done.stderr.strip().splitlines()[-1]))

    run("--no-cache", "--isolated", "a.txt")
    subprocess.run([sys.executable, "-m", "lint", "rules"], capture_output=True, check=True, env=env, cwd=tmp_path)
    assert not (tmp_path / ".copylint_cache").exists() and not (tmp_path / "user-cache").exists()
    run("--isolated", "a.txt")
    kept = tmp_path / "user-cache" / "copylint" / "kept"
    first = _kept_patterns(kept)
    assert len(first) > 20
    assert not list((tmp_path / ".copylint_cache").rglob("*.marshal"))  # (the project's results cache)
    (tmp_path / "a.txt").write_text("Share this\n\nTwo  spaces here, again.\n", encoding="utf-8")  # checked again
    assert not set(run("--isolated", "a.txt")) & first


def test_without_bytecode_caches_the_start_up_patterns_kept_in_the_user_s_cache_are_made_from_it(
        tmp_path: Path) -> None:
    """The patterns the command line's imports compile through re (yaml's, click's, ...) are put in re's cache
    at start-up from those the last check kept; with PYTHONDONTWRITEBYTECODE that check kept them in the
    user's cache folder, and the next run must read them there. It read lint/__pycache__, where nothing keeps
    them then: in a fresh clone each run parsed and compiled them all again (some 30), and in a working copy
    it got whatever another run had left there (the three patterns the test above saw parsed again)."""
    import shutil

    import lint.rules

    import lint

    if not patterns._KEPT.usable:
        pytest.skip("this interpreter's patterns are compiled by re.compile alone")
    # A copy of the package, as a fresh clone or an install has it: no store in its lint/__pycache__.
    copy = tmp_path / "package" / "lint"
    shutil.copytree(Path(lint.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__", "rules"))
    shutil.copytree(Path(lint.rules.__file__).parent, copy / "rules", ignore=shutil.ignore_patterns("__pycache__"))
    work = tmp_path / "work"
    work.mkdir()
    (work / "a.txt").write_text("Share this\n\nTwo  spaces here.\n", encoding="utf-8")
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("COPYLINT_")}, "PYTHONDONTWRITEBYTECODE": "1",
           "XDG_CACHE_HOME": str(tmp_path / "user-cache"), "PYTHONPATH": str(tmp_path / "package")}

    def run() -> list[str]:
        done = subprocess.run([sys.executable, "-c", _PARSED_RUN, "--isolated", "a.txt"], capture_output=True,
                              text=True, check=True, env=env, cwd=work)
        assert "S102" in done.stdout
        return cast(list[str], json.loads(done.stderr.strip().splitlines()[-1]))

    run()
    (store,) = (tmp_path / "user-cache" / "copylint" / "kept").glob("library-patterns.*.marshal")
    _, entries = marshal.loads(store.read_bytes())
    start_up = {pattern for pattern, _ in entries[("start-up-patterns",)]}
    assert len(start_up) > 5
    assert not start_up & set(run())
    assert not list((copy / "__pycache__").glob("*.marshal"))


def test_a_store_moved_is_read_and_written_where_it_was_moved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    home = tmp_path / "lint" / "__pycache__" / "patterns.marshal"
    elsewhere = tmp_path / "cache" / "kept" / "patterns.marshal"
    store = patterns._Kept(home)
    if not store.usable:
        pytest.skip("this interpreter's patterns are compiled by re.compile alone")
    writes: list[bool] = []
    store.move_to(elsewhere, lambda: bool(writes))
    assert patterns._compiled_in(store, r"\d+ words", 0).search("in 3 words").group() == "3 words"  # type: ignore[union-attr]
    store.save()
    assert not elsewhere.exists()  # (the cache is not one yet)
    writes.append(True)
    store.save()
    assert elsewhere.exists() and not home.exists()
    again = patterns._Kept(home)
    again.move_to(elsewhere)
    assert again.get(("compiled", r"\d+ words", 0)) is not None
    again.move_to(None)  # home again: written as bytecode is, which is not now
    patterns._compiled_in(again, r"\w+ more", 0)
    again.save()
    assert not home.exists()


# -- a rule's examples, built at every import of its module ------------------------------------------------

@dataclasses.dataclass(frozen=True)
class _PlainExample:
    """lint.rule.Example as dataclasses writes it (the reference of its own __init__)."""

    text: str
    fixed: str | None = None
    path: str = "example.txt"
    note: str = ""
    select: tuple[str, ...] = ()
    language: str | None = None
    tree: tuple[str, ...] = ()


_maybe_text = st.none() | st.text(max_size=8)
_words = st.lists(st.text(max_size=4), max_size=3).map(tuple)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=8), _maybe_text, st.text(max_size=8), st.text(max_size=8), _words, _maybe_text, _words,
       st.integers(0, 7), st.sets(st.integers(1, 6)))
def test_an_example_is_the_example_dataclasses_would_make(
        text: str, fixed: str | None, path: str, note: str, select: tuple[str, ...], language: str | None,
        tree: tuple[str, ...], positional: int, named_defaults: set[int]) -> None:
    from lint.rule import Example

    names = [f.name for f in dataclasses.fields(_PlainExample)]
    values: list[Any] = [text, fixed, path, note, select, language, tree]
    # Some fields given by position, the rest by name, some left to their defaults (never text).
    args = values[:positional]
    kwargs = {n: v for k, (n, v) in enumerate(zip(names, values, strict=True))
              if k >= positional and k not in named_defaults}
    made, plain = Example(*args, **kwargs), _PlainExample(*args, **kwargs)
    assert [f.name for f in dataclasses.fields(Example)] == names
    assert dataclasses.asdict(made) == dataclasses.asdict(plain) and vars(made) == vars(plain)
    assert repr(made) == repr(plain).replace("_PlainExample", "Example") and hash(made) == hash(plain)
    assert made == Example(**dataclasses.asdict(plain)) and (made == Example("other " + text)) is False
    assert dataclasses.replace(made, note="x") == Example(**{**dataclasses.asdict(plain), "note": "x"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Example(text, unknown=1)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Example()  # type: ignore[call-arg]


def test_every_rule_s_examples_are_the_ones_dataclasses_would_make() -> None:
    from lint.registry import builtin_rules

    for rule in builtin_rules():
        for ex in (*rule.flag, *rule.allow):
            assert vars(ex) == vars(_PlainExample(**dataclasses.asdict(ex))), rule.code


_COMPILED_RUN = (
    "import os, sys, traceback\n"
    "import re._compiler\n"
    "compile_ = re._compiler.compile\n"
    "callers = set()\n"
    "def counted(pattern, flags=0):\n"
    "    frames = [f for f in traceback.extract_stack()[:-1] if os.sep + 're' + os.sep not in f.filename]\n"
    "    callers.add(frames[-1].filename)\n"
    "    return compile_(pattern, flags)\n"
    "re._compiler.compile = counted\n"
    "from lint.cli import main\n"
    "sys.argv = ['copylint', 'check', '--no-cache', '--exit-zero', *sys.argv[1:]]\n"
    "try:\n"
    "    main()\n"
    "except SystemExit:\n"
    "    pass\n"
    "print('\\n'.join(sorted(callers)), file=sys.stderr)\n"
)


def test_copylint_s_own_patterns_are_compiled_through_the_kept_ones(tmp_path: Path) -> None:
    """A pattern a module of lint/ or rules/ hands re.compile (or re.search as a string) is parsed anew by
    every run; through lint.patterns it is parsed once. (Patterns built from a text, T101's, aside: this text
    has none.)"""
    import lint.rules

    import lint

    (tmp_path / "a.txt").write_text("Share this\n\n\n\n\nTwo  spaces here.\n\nA third line, and more words.\n",
                                    encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for _ in range(2):
        run = subprocess.run([sys.executable, "-c", _COMPILED_RUN, "--isolated", "a.txt"], capture_output=True,
                             text=True, check=True, env=env, cwd=tmp_path)
    assert "W103" in run.stdout and "S102" in run.stdout
    ours = [str(Path(p)) + os.sep for p in (*lint.__path__, *lint.rules.__path__)]
    callers = run.stderr.strip().splitlines()
    assert not [c for c in callers if any(c.startswith(folder) for folder in ours)]


def test_the_patterns_start_up_s_imports_compile_are_made_from_kept_opcodes(tmp_path: Path) -> None:
    """The stdlib's modules and click's that the command line imports compile some patterns through ``re`` as
    they load (gettext's, locale's, dataclasses', click's): an earlier run kept what they compiled to, and
    the next finds them in re's cache (lint.patterns.seed_start_up_patterns), not parsed and compiled
    again. (platform's bytes pattern aside: only str patterns are kept.)"""
    (tmp_path / "a.txt").write_text("Share this\n\nTwo  spaces here.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for _ in range(2):
        run = subprocess.run([sys.executable, "-c", _COMPILED_RUN, "--isolated", "a.txt"], capture_output=True,
                             text=True, check=True, env=env, cwd=tmp_path)
    assert "W105" in run.stdout and "S102" in run.stdout
    names = {Path(c).name for c in run.stderr.strip().splitlines()}
    assert not names & {"gettext.py", "locale.py", "dataclasses.py", "_compat.py"}, names


_START_UP_RUN = (
    "import sys\n"
    "from pathlib import Path\n"
    "from lint import patterns\n"
    "patterns._KEPT_LIBRARY = patterns._Kept(Path(sys.argv.pop(1)))\n"
    "from lint.cli import main\n"
    "sys.argv = ['copylint', 'check', '--no-cache', '--exit-zero', *sys.argv[1:]]\n"
    "try:\n"
    "    main()\n"
    "except SystemExit:\n"
    "    pass\n"
)


def test_the_first_run_keeps_the_start_up_patterns_made(tmp_path: Path) -> None:
    # The first run after an install names the patterns start-up compiled and keeps their opcodes too: the
    # second finds them made (not parsed and compiled by lint.patterns in their place).
    if not patterns._KEPT.usable:
        pytest.skip("this interpreter's patterns are compiled by re.compile alone")
    (tmp_path / "a.txt").write_text("Two  spaces here.\n", encoding="utf-8")
    store = tmp_path / "library.marshal"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", _START_UP_RUN, str(store), "--isolated", "a.txt"], capture_output=True,
                   check=True, env=env, cwd=tmp_path)
    _, entries = marshal.loads(store.read_bytes())
    named = entries[("start-up-patterns",)]
    assert named and all(("compiled", pattern, flags) in entries for pattern, flags in named)
    assert all(patterns._compiled_in(patterns._Kept(store), p, f) == re.compile(p, f) for p, f in named)


def test_the_language_packs_are_the_yaml_files_of_their_folder() -> None:
    # lint.language.packs lists the folder itself (no glob: its regex is compiled anew by every run).
    import lint.rules

    from lint.language import packs

    folder = Path(lint.rules.__path__[0]) / "language" / "data"
    assert list(packs()) == [str(rule_data(p)["language"]) for p in sorted(folder.glob("*.yaml"))]
