"""Any file name, any folder: a name that is not UTF-8 comes out in every format as that format allows
(its own bytes in text, ``\\udcXX`` escapes in JSON, percent-encoded bytes in SARIF URIs, U+FFFD in
GitHub's commands); an unreadable file named on the command line is one error line and the others are
still linted; an unreadable folder is said under --verbose; copylint never lints its own cache."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import SHARED

NAME = b"caf\xe9 \xff.txt"  # Latin-1, not UTF-8
CHECK = ["check", "--isolated", "--no-cache"]


def _raw(args: list[str], cwd: Path, prefix: list[str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*(prefix or []), sys.executable, "-m", "lint", *args], cwd=cwd, capture_output=True,
                          timeout=120)


@pytest.fixture
def odd_tree(tmp_path: Path) -> Path:
    (tmp_path / os.fsdecode(NAME)).write_text("Two  spaces.\n")
    (tmp_path / "plain.txt").write_text("Two  spaces.\n")
    return tmp_path


def test_text_output_writes_the_names_own_bytes(odd_tree):
    r = _raw([*CHECK, "."], odd_tree)
    assert r.returncode == 1, r.stderr
    assert NAME + b":1:4: W105" in r.stdout and b"Traceback" not in r.stderr


@pytest.mark.parametrize("fmt", ["json", "rdjson", "gitlab", "sarif"])
def test_json_formats_stay_valid_utf8_json(odd_tree, fmt):
    r = _raw([*CHECK, "--format", fmt, "."], odd_tree)
    assert r.returncode == 1, r.stderr
    data = json.loads(r.stdout.decode("utf-8"))  # strict UTF-8: raises on a raw byte
    text = json.dumps(data)
    if fmt == "sarif":
        assert "caf%E9%20%FF.txt" in text
        schema = SHARED / "schemas" / "sarif-2.1.0.json"
        if schema.is_file():
            jsonschema.Draft4Validator(json.loads(schema.read_text(encoding="utf-8"))).validate(data)
    else:
        assert "caf\\udce9 \\udcff.txt" in text


def test_json_paths_decode_back_to_the_file_name(odd_tree):
    r = _raw([*CHECK, "--format", "json", "."], odd_tree)
    paths = {os.fsencode(f["path"]) for f in json.loads(r.stdout.decode("utf-8"))["findings"]}
    assert NAME in paths and (odd_tree / os.fsdecode(NAME)).exists()


def test_github_annotations_stay_valid_utf8(odd_tree):
    r = _raw([*CHECK, "--format", "github", "."], odd_tree)
    assert r.returncode == 1
    assert "file=caf\ufffd \ufffd.txt" in r.stdout.decode("utf-8")


def test_diff_and_fix_work_on_such_a_name(odd_tree):
    r = _raw([*CHECK, "--diff", "."], odd_tree)
    assert r.returncode == 1 and b"--- a/" + NAME in r.stdout
    assert _raw([*CHECK, "--fix", "."], odd_tree).returncode == 0
    assert (odd_tree / os.fsdecode(NAME)).read_text() == "Two spaces.\n"


@pytest.fixture
def as_another_user() -> list[str]:
    """What runs a command as a user who cannot read a mode-000 file: ourselves, or, for root, root without
    the two capabilities that let it read any file. (Switching to nobody instead fails wherever nobody
    cannot reach the interpreter or the clone, as under /root.)"""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("root reads every file, and setpriv is not here to drop that")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]


@pytest.fixture
def shared_dir():
    folder = Path(tempfile.mkdtemp(prefix="copylint-perm-"))
    folder.chmod(0o777)  # reachable by the other user, if one is used
    yield folder
    for path in folder.rglob("*"):
        path.chmod(0o777)
    shutil.rmtree(folder)


def test_an_unreadable_file_named_explicitly_is_one_error_line(as_another_user, shared_dir):
    (shared_dir / "secret.txt").write_text("Two  spaces.\n")
    (shared_dir / "secret.txt").chmod(0)
    (shared_dir / "good.txt").write_text("Two  spaces.\n")
    (shared_dir / "good.txt").chmod(0o644)
    r = _raw([*CHECK, "secret.txt", "good.txt"], shared_dir, as_another_user)
    assert r.returncode == 2, r.stderr
    assert b"secret.txt: Permission denied" in r.stdout
    assert b"good.txt:1:4: W105" in r.stdout and b"Usage" not in r.stderr


def test_an_unreadable_folder_is_said_under_verbose(as_another_user, shared_dir):
    (shared_dir / "locked").mkdir()
    (shared_dir / "locked" / "a.txt").write_text("Two  spaces.\n")
    (shared_dir / "locked").chmod(0)
    (shared_dir / "good.txt").write_text("Two  spaces.\n")
    (shared_dir / "good.txt").chmod(0o644)
    quiet = _raw([*CHECK, "."], shared_dir, as_another_user)
    assert quiet.returncode == 1 and b"locked" not in quiet.stdout + quiet.stderr
    verbose = _raw([*CHECK, "--verbose", "."], shared_dir, as_another_user)
    assert b"locked: skipped: cannot read this folder: Permission denied" in verbose.stderr
    assert b"good.txt:1:4: W105" in verbose.stdout


def test_the_results_cache_is_never_linted(run, tmp_path):
    (tmp_path / ".copylint.yaml").write_text('formats:\n  "*.json": i18n-json\n')
    (tmp_path / "a.json").write_text('{"greeting": "Two  spaces."}\n')
    first = run("check", "--format", "json", ".", cwd=tmp_path)
    assert (tmp_path / ".copylint_cache").is_dir()  # no .git here: nothing else keeps it out
    second = run("check", "--format", "json", ".", cwd=tmp_path)
    for r in (first, second):
        data = json.loads(r.stdout)
        assert data["summary"]["files"] == 1 and data["errors"] == [], r.stdout
        assert {f["path"] for f in data["findings"]} == {"a.json"}
