"""The example that ships in examples/ is the README's first command: its findings are the ones the README
shows, the defect table in examples/README.md lists each of them, and --fix changes only what it reports."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "scraped-article.txt"


def _readme_block() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("`copylint check examples/scraped-article.txt` reports:")
    block = readme[start:].split("```text\n", 1)[1].split("```", 1)[0]
    return block.splitlines()


def test_the_readme_shows_what_the_example_prints(run) -> None:  # type: ignore[no-untyped-def]
    proc = run("check", "--isolated", "--no-cache", "examples/scraped-article.txt", cwd=ROOT)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == _readme_block()


def test_every_finding_is_in_the_examples_defect_table(run) -> None:  # type: ignore[no-untyped-def]
    proc = run("check", "--isolated", "--no-cache", "--format", "json", "examples/scraped-article.txt", cwd=ROOT)
    import json

    found = {(f["start"]["line"], f["code"]) for f in json.loads(proc.stdout)["findings"]}
    table = (ROOT / "examples" / "README.md").read_text(encoding="utf-8")
    listed = set()
    for first, _last, code in re.findall(r"^\| (\d+)(?:–(\d+))? \| .*? \| ([A-Z]\d{3}) \|", table, re.MULTILINE):
        listed.add((int(first), code))
    assert found == listed


def test_fixing_the_example_keeps_every_other_byte(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "scraped-article.txt"
    shutil.copy(EXAMPLE, copy)
    run("check", "--isolated", "--no-cache", "--fix", str(copy))
    fixed = copy.read_text(encoding="utf-8")
    assert fixed.startswith("Harbour workers in Valparaíso unload a container ship at dawn.\n\nDock workers")
    assert "Advertisement" not in fixed and "&amp;" not in fixed and "cafÃ©" not in fixed and "café" in fixed
    assert fixed.endswith("This story will be updated.\n")
    # What --fix does not repair is still there, byte for byte.
    assert "said.The agreement" in fixed and "the the new plan" in fixed and "accidents That the union" in fixed
    again = run("check", "--isolated", "--no-cache", "--fix", str(copy))
    assert copy.read_text(encoding="utf-8") == fixed and "Fixed" not in again.stdout
