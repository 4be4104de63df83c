"""Config files and rule packs from a hostile or careless source: only regular files of bounded size are
read, YAML alias bombs are refused before anything walks them, a file that is no config is never
quoted, and a custom rule's regex cannot take the machine's memory to compile."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from lint.config import MAX_CONFIG_BYTES, ConfigError, load_config, parse_config
from lint.custom.matcher import MAX_EXPANDED_SIZE, expanded_size

SECRET = "root:$6$hunter2secret$abcdefgh:19000:0:99999:7:::\n"


def _run_bounded(args: list[str], cwd: Path, memory: int = 2 << 30) -> subprocess.CompletedProcess[str]:
    """The CLI with an address-space limit (a run that needs more fails, rather than the machine)."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, capture_output=True, text=True,
                          preexec_fn=limit, timeout=60)


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_config_must_be_a_regular_file(tmp_path, special):
    if special == "fifo":
        os.mkfifo(tmp_path / "fifo")  # nothing ever writes to it: reading it would wait forever
        special = str(tmp_path / "fifo")
    (tmp_path / "a.txt").write_text("Text.\n")
    r = _run_bounded(["check", "--no-cache", "--config", special, "a.txt"], tmp_path)
    assert r.returncode == 2
    assert r.stderr.strip() == f"copylint: {special}: cannot read config: not a regular file (a FIFO, socket or device)"


def test_config_size_is_bounded(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("# " + "x" * MAX_CONFIG_BYTES + "\n")
    with pytest.raises(ConfigError, match="cannot read config: larger than 1,048,576 bytes"):
        load_config(path)


def _alias_bomb(key: str, levels: int = 9) -> str:
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]")
    lines.append(f"{key}: *l{levels - 1}")
    return "\n".join(lines) + "\n"


def test_a_yaml_alias_bomb_in_a_config_is_refused_quickly(tmp_path):
    (tmp_path / ".copylint.yaml").write_text(_alias_bomb("ignore"))
    (tmp_path / "a.txt").write_text("Text.\n")
    r = _run_bounded(["check", "--no-cache", "a.txt"], tmp_path, memory=1 << 30)
    assert r.returncode == 2
    assert "more than 100,000 values once its aliases are expanded" in r.stderr
    assert "Traceback" not in r.stderr and "MemoryError" not in r.stderr


def test_a_yaml_alias_bomb_in_a_pack_is_refused_quickly(tmp_path):
    (tmp_path / "pack.yaml").write_text(_alias_bomb("rules"))
    (tmp_path / ".copylint.yaml").write_text("packs: [./pack.yaml]\n")
    (tmp_path / "a.txt").write_text("Text.\n")
    r = _run_bounded(["check", "--no-cache", "a.txt"], tmp_path, memory=1 << 30)
    assert r.returncode == 2
    assert "pack.yaml:1: invalid YAML: more than 100,000 values" in r.stderr


def test_aliases_within_the_bound_still_work():
    config = parse_config("ignore: &codes [W105, E101]\nextend-select: *codes\n", None, Path("."))
    assert list(config.ignore) == ["W105", "E101"] and list(config.extend_select) == ["W105", "E101"]


def test_a_recursive_alias_is_refused():
    with pytest.raises(ConfigError, match="aliases are expanded"):
        parse_config("ignore: &a [*a]\n", None, Path("."))


def test_deep_nesting_is_one_error():
    with pytest.raises(ConfigError, match=r"nested too deeply|invalid YAML"):
        parse_config("ignore: " + "[" * 5000 + "]" * 5000 + "\n", None, Path("."))


@pytest.mark.parametrize("listing", ["packs: [{path}]", "extend: {path}"])
def test_a_file_that_is_no_config_is_never_quoted(tmp_path, listing):
    secret = tmp_path / "shadow"
    secret.write_text(SECRET)
    (tmp_path / ".copylint.yaml").write_text(listing.format(path=secret) + "\n")
    (tmp_path / "a.txt").write_text("Text.\n")
    r = _run_bounded(["check", "--no-cache", "a.txt"], tmp_path)
    assert r.returncode == 2
    assert "hunter2" not in r.stderr + r.stdout and "root:" not in r.stderr + r.stdout


def test_config_pointing_at_a_secret_is_never_quoted(tmp_path):
    secret = tmp_path / "shadow"
    secret.write_text(SECRET)
    (tmp_path / "a.txt").write_text("Text.\n")
    r = _run_bounded(["check", "--no-cache", "--config", str(secret), "a.txt"], tmp_path)
    assert r.returncode == 2 and "hunter2" not in r.stderr and "unknown key (not a name)" in r.stderr


@pytest.mark.parametrize("pattern, size", [
    ("colou?r", 6), (r"\bfoo\b", 5), ("[a-z]{3,5}", 5), ("(ab|cd){1000}", 4000),
    ("((a{100}){100}){100}", 1_000_000), ("((((a{100}){100}){100}){100})", 100_000_000),
    (r"\p{Lu}{2,}", 2), ("a{,7}", 7), (r"(?#a{1000}{1000})x", 1),
])
def test_expanded_size_multiplies_nested_counts(pattern, size):
    assert expanded_size(pattern) == size


def test_a_custom_rule_whose_regex_unrolls_to_gigabytes_is_refused(tmp_path):
    (tmp_path / ".copylint.yaml").write_text(
        "custom-rules:\n  - code: X.a1\n    kind: existence\n    message: m\n"
        "    patterns: ['((((a{100}){100}){100}){100})']\n")
    (tmp_path / "a.txt").write_text("aaaa\n")
    r = _run_bounded(["check", "--no-cache", "a.txt"], tmp_path, memory=1 << 30)
    assert r.returncode == 2
    assert (f"invalid regular expression '((((a{{100}}){{100}}){{100}}){{100}})': the pattern unrolls to about "
            f"100,000,000 steps when compiled (nested counted repeats), more than the limit of "
            f"{MAX_EXPANDED_SIZE:,}") in r.stderr
