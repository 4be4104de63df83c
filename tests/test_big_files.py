"""A big plain-text file (a scraped dump, an export) is checked block by block, decoded straight into
its blocks: what the user sees is the same as for any file — findings at the right line and column
far into the file, past a character outside the BMP, and the same one-line errors for a line past
max-line-length or a byte that is not UTF-8."""

from __future__ import annotations

from lint.engine import BIG_TEXT

PARAGRAPH = "This is a sentence of plain words.\nAnother sentence follows it here.\n\n"


def _big(tail: str) -> tuple[str, int]:
    """A text over BIG_TEXT characters, an emoji in its first line, ``tail`` on its last line but
    one; and the number of that line."""
    count = BIG_TEXT // len(PARAGRAPH) + 2000
    text = "A smile \U0001f642 to start.\n\n" + PARAGRAPH * count + tail + "\nThe end.\n"
    return text, 2 + 3 * count + 1


def test_a_finding_deep_in_a_big_file_has_its_line_and_column(run, tmp_path):
    text, line = _big("Two  spaces.")
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    r = run("check", "--isolated", "--no-cache", "--select", "W105", "big.txt", cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert f"big.txt:{line}:4: W105" in r.stdout


def test_a_long_line_deep_in_a_big_file_is_one_error_naming_the_line(run, tmp_path):
    text, line = _big("x" * 300)
    (tmp_path / ".copylint.yaml").write_text("max-line-length: 200\n")
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    r = run("check", "--no-cache", "big.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert f"big.txt: line {line} has 300 characters, more than the limit of 200" in r.stdout


def test_a_bad_byte_near_the_end_of_a_big_file_is_one_error_naming_the_byte(run, tmp_path):
    text, _ = _big("Fine.")
    data = text.encode("utf-8")
    bad = len(data) - 5
    (tmp_path / "big.txt").write_bytes(data[:bad] + b"\xff" + data[bad:])
    r = run("check", "--isolated", "--no-cache", "big.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert f"big.txt: cannot decode as UTF-8 at byte {bad}" in r.stdout
