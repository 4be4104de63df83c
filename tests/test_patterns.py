"""lint.patterns: a regex compiled on first use answers as the compiled one does, and the checker
leaves the patterns of rules that start outside ASCII uncompiled on an English file (what keeps a small
run's start-up short)."""

from __future__ import annotations

import copy
import functools
import re
import types
from pathlib import Path

import pytest

from lint.check import Checker
from lint.formats import parse
from lint.model import Source
from lint.patterns import compiled_on_use
from lint.registry import default_rules


def test_a_pattern_compiled_on_use_answers_as_the_compiled_pattern() -> None:
    text = "Пример: Hello, мир — and 東京 again."
    lazy = compiled_on_use(r"[\u0400-\u04ff]+|[\u3040-\u9fff]+", re.IGNORECASE)
    real = re.compile(r"[\u0400-\u04ff]+|[\u3040-\u9fff]+", re.IGNORECASE)
    assert lazy.search(text).group() == real.search(text).group()  # type: ignore[union-attr]
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy.findall(text) == real.findall(text)
    assert lazy.sub("X", text) == real.sub("X", text)
    assert lazy.split(text) == real.split(text)
    assert (lazy.pattern, lazy.flags, lazy.groups) == (real.pattern, real.flags, real.groups)
    assert copy.deepcopy([lazy])[0].findall(text) == real.findall(text)


def test_a_bad_pattern_fails_when_used() -> None:
    bad = compiled_on_use("(unclosed")
    with pytest.raises(re.error):
        bad.search("text")


def test_an_english_file_compiles_no_pattern_of_the_rules_that_start_outside_ascii() -> None:
    checker = Checker([rule() for rule in default_rules()])
    assert checker.foreign, "the default rules include triggers that start outside ASCII (CJK, full-width)"
    checker.check(parse(Source("a.txt", "An English paragraph, plain ASCII.\n\nAnother one here.\n"), "text"))
    for rule, pattern in checker.foreign:
        assert "search" not in vars(pattern), rule.code
    assert checker.foreign_start is not None and "search" not in vars(checker.foreign_start)
    findings = checker.check(parse(Source("b.txt", "The city of 東京 is large，and busy.\n"), "text"))
    assert {"T103", "T105"} <= {f.code for f in findings}  # once used, they are compiled and find



def test_a_module_holds_the_compiled_pattern_itself_after_its_first_use() -> None:
    module = types.ModuleType("a_rule")
    exec("from lint.patterns import compiled_on_use\n"
         "PATTERN = compiled_on_use(r'\\bmodule\\b')\n"
         "def found(text):\n"
         "    return PATTERN.search(text)\n", vars(module))
    assert not isinstance(vars(module)["PATTERN"], re.Pattern)
    assert module.found("a module-level name").span() == (2, 8)
    assert isinstance(vars(module)["PATTERN"], re.Pattern)  # no wrapper left on the rule's path


def test_an_answer_with_no_code_object_is_kept_under_its_module(monkeypatch: pytest.MonkeyPatch,
                                                                tmp_path: Path) -> None:
    # A function compiled by mypyc has no __code__ (bench/compiled.py compiles the modules that ask);
    # functools.partial is a callable without one that pure Python can make.
    from lint import patterns

    monkeypatch.setattr(patterns, "_KEPT", patterns._Kept(tmp_path / "kept.marshal"))
    answer = functools.partial(sorted, "cba")
    assert not hasattr(answer, "__code__")
    assert patterns.kept_result(("test-no-code", "cba"), answer) == ["a", "b", "c"]
    key = patterns.code_signature(patterns._defining_file(answer))
    assert patterns._KEPT.get(("test-no-code", "cba"))[0] == key
