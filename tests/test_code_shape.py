"""The engine and the rules stay readable: no function over 60 lines (from its `def` to its last line,
decorators left out: click's option declarations are not logic). Complexity (mccabe, at most 15) and
statement counts (at most 50) are ruff's C901 and PLR0915, in ruff.toml."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 60


def _long_functions(folder: Path, root: Path = ROOT) -> list[str]:
    out = []
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_LINES:
                    out.append(f"{path.relative_to(root)}:{node.lineno} {node.name} ({length} lines)")
    return out


def test_no_function_in_the_engine_or_the_rules_is_over_60_lines():
    assert _long_functions(ROOT / "lint") + _long_functions(ROOT / "rules") == []


def test_a_long_function_is_found(tmp_path):
    body = "".join(f"    x{i} = {i}\n" for i in range(MAX_LINES))
    (tmp_path / "long.py").write_text(f"def short():\n    return 1\n\n\ndef long():\n{body}")
    assert _long_functions(tmp_path, tmp_path) == [f"long.py:5 long ({MAX_LINES + 1} lines)"]
