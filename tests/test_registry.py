"""The rule index read from the rule modules' text agrees with the classes they define, and a selection
imports only the modules of the rules it names."""

from __future__ import annotations

import subprocess
import sys

from lint import registry


def test_index_agrees_with_the_classes():
    for entry in registry.builtin_index():
        cls = registry.loaded(entry)
        assert (cls.code, cls.slug, cls.default_enabled) == (entry.code, entry.slug, entry.default_enabled)
    assert [e.code for e in registry.builtin_index()] == [r.code for r in registry.builtin_rules()]


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
