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
