"""Input bounds (config `max-file-size`, `max-line-length`): a file past them is one clear error line
naming the bound, exit 2, the other files still linted; the language server says the same in one
diagnostic."""

from __future__ import annotations

import subprocess
import sys

import pytest

from lint.config import MAX_LINE_LENGTH, ConfigError, parse_config
from tests.raw_lsp import RawClient


def test_a_file_over_max_file_size_is_one_error_and_not_read(run, tmp_path):
    (tmp_path / ".copylint.yaml").write_text("max-file-size: 100\n")
    (tmp_path / "big.txt").write_text("Two  spaces. " * 10)
    (tmp_path / "small.txt").write_text("Two  spaces.\n")
    r = run("check", "--no-cache", "big.txt", "small.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert "big.txt: 130 bytes, more than the limit of 100 (max-file-size in the config)" in r.stdout
    assert "small.txt:1:4: W105" in r.stdout


def test_a_line_over_max_line_length_is_one_error_naming_the_line(run, tmp_path):
    (tmp_path / ".copylint.yaml").write_text("max-line-length: 20\n")
    (tmp_path / "a.txt").write_text("Short.\nThis line is longer than twenty.\n")
    (tmp_path / "b.txt").write_text("Short  one.\r\nAnother.\r\n")
    r = run("check", "--no-cache", "a.txt", "b.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert "a.txt: line 2 has 32 characters, more than the limit of 20 (max-line-length in the config)" in r.stdout
    assert "b.txt:1:6: W105" in r.stdout


def test_the_default_line_bound(run, tmp_path):
    (tmp_path / "a.txt").write_text("x" * (MAX_LINE_LENGTH + 1) + "\n")
    (tmp_path / "b.txt").write_text("x" * MAX_LINE_LENGTH + "\n")
    r = run("check", "--isolated", "--no-cache", "--select", "W105", "a.txt", "b.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert f"a.txt: line 1 has {MAX_LINE_LENGTH + 1:,} characters" in r.stdout and "b.txt" not in r.stdout


def test_stdin_over_the_bound_is_echoed_unchanged_by_fix(tmp_path):
    (tmp_path / ".copylint.yaml").write_text("max-file-size: 10\n")
    data = b"Two  spaces and more.\n"
    r = subprocess.run([sys.executable, "-m", "lint", "check", "--no-cache", "--fix", "-", "--stdin-filename",
                        "x.txt"], input=data, capture_output=True, cwd=tmp_path, timeout=120)
    assert r.returncode == 2 and r.stdout == data
    assert b"x.txt: 22 bytes, more than the limit of 10" in r.stderr


@pytest.mark.parametrize("value", ["-1", "0", "1.5", "big"])
def test_bounds_must_be_positive_whole_numbers(value, tmp_path):
    with pytest.raises(ConfigError, match="'max-file-size' must be a positive whole number"):
        parse_config(f"max-file-size: {value}\n", None, tmp_path)


def test_the_language_server_says_a_document_is_past_the_bounds(tmp_path):
    (tmp_path / ".copylint.yaml").write_text("max-file-size: 50\n")
    client = RawClient(sys.executable, "-m", "lint", "lsp")
    try:
        client.start(tmp_path)
        big, small = (tmp_path / "big.txt").as_uri(), (tmp_path / "small.txt").as_uri()
        client.open(big, "Two  spaces. " * 10)
        diagnostics = client.diagnostics_for(big)
        assert diagnostics is not None and len(diagnostics) == 1
        assert diagnostics[0]["message"] == ("copylint does not lint this document: 130 bytes, more than the "
                                             "limit of 50 (max-file-size in the config)")
        client.open(small, "Two  spaces.\n")
        assert [d["code"] for d in client.diagnostics_for(small) or []] == ["W105"]
    finally:
        client.close()
