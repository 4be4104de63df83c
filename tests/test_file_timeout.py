"""The per-file time limit (``file-timeout``, ``check --file-timeout``, ``corpus --file-timeout``): a file
that takes longer to read, check and fix is stopped, one error line naming it and what was running, exit 2,
and the other files of the run are checked as ever.

No test times anything: each gives a limit and an input that takes many times more (about 11 MB of plain
prose, some 10 s of the default rules' work, under a limit of 0.5 s), while the other files take a few
milliseconds under a selection of one rule; what is asserted is counted (the errors, the findings)."""

from __future__ import annotations

import random
import re
import signal
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from lint.config import ConfigError, parse_config
from lint.engine import BIG_TEXT, BLOCK_TEXT
from lint.guard import Deadline, TimedOut

LIMIT = "0.5"
STOPPED = re.compile(r"^slow/big\.txt(?::\d+)?: .+ took more than 0\.5 s on this file \(stopped\); please report it$",
                     re.MULTILINE)


def _prose(paragraphs: int) -> str:
    rng = random.Random(1)
    words = "the quick brown fox jumps over lazy dog and then runs away from home".split()
    return "\n\n".join(" ".join(rng.choice(words) for _ in range(40)).capitalize() + "." for _ in range(paragraphs)) + "\n"


@pytest.fixture(scope="module")
def slow_text() -> str:
    return _prose(60_000)  # 11.9 MB


def _tree(root: Path, slow_text: str, slow_config: str = "") -> list[str]:
    """Four small files under a config that selects one rule, and a big one under a config of its own (the
    default rules, and room for its size)."""
    # (W105 flags a run in a Markdown page's prose only where asked: the page shows one space)
    (root / ".copylint.yaml").write_text("select: [W105]\nrules: {W105: {in-rendered-documents: true}}\n")
    (root / "slow").mkdir()
    (root / "slow" / ".copylint.yaml").write_text("max-file-size: 100000000\n" + slow_config)
    (root / "slow" / "big.txt").write_text(slow_text)
    for name in ("a.md", "b.md", "y.md", "z.md"):
        (root / name).write_text("Two  spaces.\n")
    return ["a.md", "b.md", "slow/big.txt", "y.md", "z.md"]


def _assert_one_stopped(stdout: str) -> None:
    assert len(STOPPED.findall(stdout)) == 1, stdout
    assert stdout.count("took more than") == 1, stdout
    for name in ("a.md", "b.md", "y.md", "z.md"):
        assert f"{name}:1:4: W105" in stdout, stdout
    assert "4 findings" in stdout and "1 file with errors: slow/big.txt" in stdout, stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_past_the_limit_is_one_error_and_the_others_are_checked(run, tmp_path, slow_text, jobs):
    files = _tree(tmp_path, slow_text)
    r = run("check", "--no-cache", "--jobs", jobs, "--file-timeout", LIMIT, *files, cwd=tmp_path)
    assert r.returncode == 2, r.stdout + r.stderr
    _assert_one_stopped(r.stdout)
    assert "Traceback" not in r.stderr


def test_the_config_sets_the_limit_for_its_files(run, tmp_path, slow_text):
    files = _tree(tmp_path, slow_text, slow_config=f"file-timeout: {LIMIT}\n")
    r = run("check", "--no-cache", "--jobs", "1", *files, cwd=tmp_path)
    assert r.returncode == 2, r.stdout + r.stderr
    _assert_one_stopped(r.stdout)


def test_the_default_limit_changes_no_output(run, tmp_path):
    for name, text in (("a.md", "Two  spaces.\n"), ("b.txt", "Teh end .\n\n# Heading\n"), ("c.po", "")):
        (tmp_path / name).write_text(text)
    (tmp_path / "d.md").write_text(_prose(200))
    default = run("check", "--isolated", "--no-cache", ".", cwd=tmp_path)
    off = run("check", "--isolated", "--no-cache", "--file-timeout", "0", ".", cwd=tmp_path)
    assert default.returncode == off.returncode == 1
    assert default.stdout == off.stdout and "took more than" not in default.stdout


@pytest.mark.parametrize("value", ["-1", "'soon'", "true", ".nan", "[1]"])
def test_a_wrong_file_timeout_is_a_config_error(tmp_path, value):
    with pytest.raises(ConfigError, match="'file-timeout' must be a number of seconds, 0 or more"):
        parse_config(f"file-timeout: {value}\n", None, tmp_path)
    assert parse_config("file-timeout: 0\n", None, tmp_path).file_timeout == 0


def test_a_record_past_the_limit_is_an_error_and_the_corpus_goes_on(slow_text):
    from lint import corpus

    settings = corpus.Settings(file_timeout=float(LIMIT))
    small = {"text": "Two  spaces here.\n"}
    # The rules loaded first, without a limit (the linter is shared by settings of the same selection).
    before = corpus.lint_record(small, None, 0, replace(settings, file_timeout=0))
    out = corpus.lint_record({"text": slow_text}, None, 1, settings)
    assert out["decision"] == "error" and out["findings"] == []
    assert re.fullmatch(r"record 1: (line \d+: )?.+ took more than 0\.5 s on this record \(stopped\); please report it",
                        out["error"]), out
    assert corpus.lint_record(small, None, 2, settings) == {**before, "record": 2, "id": 2}
    assert before["decision"] == "flag"


def test_a_backtracking_pattern_is_stopped_and_the_timer_and_handler_are_restored():
    handler = signal.getsignal(signal.SIGALRM)
    outer = signal.getitimer(signal.ITIMER_REAL)[0]  # pytest-timeout's, where it runs with signals
    with pytest.raises(TimedOut), Deadline(0.05):
        re.match(r"(a+)+$", "a" * 40 + "b")  # 2**40 steps
    assert signal.getsignal(signal.SIGALRM) is handler
    after = signal.getitimer(signal.ITIMER_REAL)[0]
    assert after == 0 if not outer else 0 < after < outer
    with Deadline(outer + 30):
        pass
    assert signal.getsignal(signal.SIGALRM) is handler
    assert (signal.getitimer(signal.ITIMER_REAL)[0] == 0) == (not outer)


def test_a_host_alarm_due_first_is_left_alone():
    handler = signal.getsignal(signal.SIGALRM)
    saved = signal.setitimer(signal.ITIMER_REAL, 1000)
    try:
        with Deadline(2000):
            assert signal.getsignal(signal.SIGALRM) is handler and signal.getitimer(signal.ITIMER_REAL)[0] <= 1000
        assert 900 < signal.getitimer(signal.ITIMER_REAL)[0] <= 1000
    finally:
        signal.setitimer(signal.ITIMER_REAL, *saved)


def test_off_the_main_thread_nothing_is_armed():
    seen: list[tuple[float, float]] = []

    def body() -> None:
        with Deadline(30):
            seen.append(signal.getitimer(signal.ITIMER_REAL))

    before = signal.getitimer(signal.ITIMER_REAL)[0]
    thread = threading.Thread(target=body)
    thread.start()
    thread.join()
    assert len(seen) == 1 and seen[0][0] <= before  # not armed by the thread (pytest-timeout's, if any, runs down)


# -- what a stop leaves behind: the process checks its next file as if nothing had been stopped ---------

_AFTER_A_STOP = """
import json, sys
from lint import corpus
limit = float(sys.argv[1])
record = {"text": "Two  spaces here.\\nTeh end .\\n"}
stops = 0
while limit and limit < 0.5:  # each record stopped further into the loading than the one before
    first = corpus.lint_record(record, None, 0, corpus.Settings(file_timeout=limit))
    stops += "took more than" in first.get("error", "")
    limit *= 2
assert stops > 0 or not limit
print(json.dumps(corpus.lint_record(record, None, 1, corpus.Settings(file_timeout=0))))
"""


def test_a_stop_while_the_rules_load_leaves_the_next_record_checked_as_ever():
    # A fresh process loaded the rules (imports, a C extension's among them, and compiles) under the first
    # record's limit, which is a small fraction of that work (one import of pyyaml alone is more): a stop
    # in the middle of an import left the module half made for the rest of the process, every later
    # record an AttributeError. So the stop waits for an import to end. (The rules now load before the
    # limit is armed, ``SettingUp``; what the first record's check imports still comes under it.)
    import subprocess
    import sys

    def after(limit: str) -> str:
        proc = subprocess.run([sys.executable, "-c", _AFTER_A_STOP, limit], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    unguarded = after("0")
    assert '"decision": "flag"' in unguarded
    for limit in ("0.000001", "0.0000015"):  # a first record costs about 0.002 s now its rules load outside
        assert after(limit) == unguarded, limit


_SET_UP = """
import signal, sys
from pathlib import Path
timers = []  # the file's timer, as each rule module is imported

class Seen:  # looks first for every module imported, and finds none: the others do
    def find_spec(self, name, path=None, target=None):
        if name.startswith("lint.rules."):
            timers.append(signal.getitimer(signal.ITIMER_REAL)[0])

sys.meta_path.insert(0, Seen())
from lint import corpus
from lint.config import Config
from lint.engine import Linter, Selection
if sys.argv[1] == "check":
    Path("a.md").write_text("Two  spaces.\\n")
    errors = Linter(Selection(file_timeout=60)).lint_file("a.md", Config()).errors
else:
    errors = corpus.lint_record({"text": "Two  spaces.\\n"}, None, 0, corpus.Settings(file_timeout=60))["findings"] == []
print(len(timers), sum(left > 0 for left in timers), bool(errors))
"""


@pytest.mark.parametrize("mode", ["check", "corpus"])
def test_loading_the_rules_is_outside_the_first_files_limit(tmp_path, mode):
    # A fresh process imports its rules with the first file it checks: that is the run's set-up, and it ran
    # under that file's limit (a limit of 1 s stopped small first files). Counted, not timed: the timer
    # armed for the file as each rule module is imported.
    import subprocess

    proc = subprocess.run([sys.executable, "-c", _SET_UP, mode], capture_output=True, text=True, timeout=120,
                          cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    imported, under_the_limit, failed = proc.stdout.split()
    assert int(imported) > 10 and failed == "False", proc.stdout
    assert under_the_limit == "0", proc.stdout


def test_an_import_is_never_cut_in_half(tmp_path, monkeypatch):
    # The module's own work is some 20 M loop steps (about a second), the limit 0.02 s.
    (tmp_path / "slow_to_import.py").write_text("total = 0\nfor i in range(20_000_000):\n    total += i\ndone = True\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "slow_to_import", raising=False)
    with pytest.raises(TimedOut), Deadline(0.02):
        import slow_to_import  # noqa: F401
        re.match(r"(a+)+$", "a" * 32 + "b")  # then the file goes on: 2**32 steps, stopped
    assert sys.modules["slow_to_import"].done is True


class _Silent:
    """A LanguageTool address whose server takes connections and never answers (the probe waits 10 s)."""

    def __enter__(self) -> str:
        import socket

        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.listen(16)
        return f"http://127.0.0.1:{self.server.getsockname()[1]}"

    def __exit__(self, *exc: object) -> None:
        self.server.close()


def test_a_grammar_server_that_never_answers_stops_no_file(run, tmp_path):
    # The LanguageTool probe runs while the rules load. A stop there left the linter with the config's
    # rules chosen and none provided: every later file a KeyError; then (7cd0ec4) it stopped the first file
    # (exit 2, "please report it") for the server's silence. The probe is the run's set-up: outside the
    # file's limit, waiting at most that limit, the server then said once to be off and every file checked.
    # (2 s: a tiny file's check is far below it however loaded the machine; the probe would wait 10 s)
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("Two  spaces.\n")
    with _Silent() as url:
        r = run("check", "--isolated", "--no-cache", "--jobs", "1", "--languagetool", url, "--file-timeout", "2",
                "a.txt", "b.txt", "c.txt", cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "KeyError" not in r.stdout and "internal error" not in r.stdout, r.stdout
    assert "took more than" not in r.stdout, r.stdout
    assert all(f"{name}:1:4: W105" in r.stdout for name in ("a.txt", "b.txt", "c.txt")), r.stdout
    assert r.stderr.count(f"LanguageTool at {url} did not answer within 2 s. Grammar checks (G) are off.") == 1, \
        r.stderr


def test_a_stop_in_the_rules_names_the_rule():
    # The rules alone, on a document read beforehand: 3,000 paragraphs, some 2 s of the default rules'
    # work, under a limit of 0.05 s.
    from lint.config import Config
    from lint.engine import Linter
    from lint.formats import parse
    from lint.model import Source

    doc = parse(Source("big.txt", _prose(3_000)), "text", "en")
    checker = Linter().checker(Config(), None)  # (loaded beforehand: the stop is in the checker)
    with pytest.raises(TimedOut) as stopped, Deadline(0.05):
        checker.check(doc)
    assert re.fullmatch(r"rule [A-Z]+\d+|the checker", stopped.value.stage or ""), stopped.value.stage


def test_the_line_is_that_of_the_segment_being_read():
    from lint.formats import parse
    from lint.guard import segment_line
    from lint.model import Source

    paragraphs = [f"Paragraph {i} of ten." for i in range(10)]
    paragraphs[6] += " Stop here."
    doc = parse(Source("ten.txt", "\n\n".join(paragraphs) + "\n"), "text", "en")

    def rule(doc: object) -> None:  # a segment rule's loop, whose pattern backtracks on one segment
        for seg in doc.segments:  # type: ignore[attr-defined]
            if "Stop here" in seg.text:
                re.match(r"(a+)+$", "a" * 32 + "b")  # 2**32 steps, under a limit of 0.05 s

    with pytest.raises(TimedOut) as stopped, Deadline(0.05):
        rule(doc)
    assert segment_line(stopped.value) == 13  # paragraph 6, after six paragraphs and their blank lines


# A pattern that backtracks on a long run of words (``(\w+\s?)+$``, README), but not while double spaces break
# the run into runs of ten: it is slow only once W105 has fixed them, in a later fix pass.
_SLOW_RULE = ("custom-rules:\n  - code: X.slow.words\n    kind: existence\n    nonword: true\n    timeout: 600\n"
              "    patterns: ['(\\w+\\s?)+$']\n")
_SLOW_PARAGRAPH = "  ".join(" ".join(["word"] * 10) for _ in range(500)) + "!"


@pytest.mark.parametrize("big", [False, True], ids=["small", "big"])
def test_a_stop_in_a_later_fix_pass_names_its_line_in_the_text_as_fixed(run, tmp_path, big):
    # The passes after the first read the text with fixes applied, here with the run of blank lines before
    # the paragraph made one (W103): a stop there named that text's line as the file's (line 5 of the file,
    # not the paragraph's 9). A big file's later blocks count the lines of the blocks before as fixed.
    (tmp_path / ".copylint.yaml").write_text(
        f"max-file-size: 100000000\nfile-timeout: 10\nselect: [W103, W105, X.slow]\n{_SLOW_RULE}")
    # (the rest in runs of four words: the rule reads every paragraph)
    paragraphs = [", ".join(" ".join(p.split()[i : i + 4]) for i in range(0, 40, 4))
                  for p in (_prose(5700).split("\n\n") if big else [])]
    filler, tail = "".join(p + "\n\n" for p in paragraphs[:700]), "\n\n".join(paragraphs[700:])
    text = f"Intro.\n\n\n\n\n\n{filler}Before.\n\n{_SLOW_PARAGRAPH}\n\n{tail}"
    assert (len(text) > BIG_TEXT) == big and big == (len(filler) > 2 * BLOCK_TEXT)
    (tmp_path / "slow.txt").write_text(text)
    line = text[: text.index(_SLOW_PARAGRAPH)].count("\n") + 1
    r = run("check", "--no-cache", "--fix", "slow.txt", cwd=tmp_path)
    assert r.returncode == 2, r.stdout + r.stderr
    assert re.search(rf"^slow\.txt: rule X\.slow\.words took more than 10 s on this file \(stopped at line {line - 4} of "
                     r"the text as fixed so far\); please report it$", r.stdout, re.MULTILINE), r.stdout
    assert (tmp_path / "slow.txt").read_text() == text  # (nothing written)


def test_a_host_timer_is_put_back_less_the_time_the_file_took():
    handler = signal.getsignal(signal.SIGALRM)
    saved = signal.setitimer(signal.ITIMER_REAL, 1000, 500)
    try:
        with pytest.raises(TimedOut), Deadline(0.05):
            re.match(r"(a+)+$", "a" * 32 + "b")  # 2**32 steps
        left, every = signal.getitimer(signal.ITIMER_REAL)
        assert signal.getsignal(signal.SIGALRM) is handler
        # The host's timer did not run while the file's did: what the file took (0.05 s) comes off it.
        assert 900 < left <= 1000 - 0.05 and every == 500, (left, every)
    finally:
        signal.setitimer(signal.ITIMER_REAL, *saved)


def test_set_up_pauses_the_limit_and_gives_back_what_was_left():
    # Counted on the timer, not timed: paused inside (0 left), nested set-up included; after it, what was
    # left when it began (less than the limit, never a fresh one), also where the set-up raised.
    from lint.guard import SettingUp

    with Deadline(20):
        signal.setitimer(signal.ITIMER_REAL, 15)  # (as if 5 s of the file's time were spent)
        with pytest.raises(ValueError), SettingUp():
            with SettingUp():
                assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
            assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
            raise ValueError
        assert 14 < signal.getitimer(signal.ITIMER_REAL)[0] <= 15
        # A block inside the file's (a host's own limit on part of it): once it ends, the set-up after it
        # pauses the file's limit again (it paused none: the file's set-up ran under its limit).
        with Deadline(10):
            pass
        with SettingUp():
            assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
        assert 0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 15


def test_the_corpus_command_records_a_stop_and_resumes_under_another_limit(run, tmp_path, slow_text):
    import json

    records = [{"id": f"r{i}", "text": slow_text if i == 1 else "Two  spaces here.\n"} for i in range(3)]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    out = tmp_path / "out"

    def corpus(limit: str) -> dict[str, dict]:
        r = run("corpus", "in.jsonl", "out", "--id-field", "id", "--jobs", "1", "--shard-size", "1", "--file-timeout",
                limit, cwd=tmp_path)
        assert r.returncode == 0 and "Traceback" not in r.stderr, r.stdout + r.stderr
        assert json.loads((out / "summary.json").read_text())["records"] == 3
        return {row["id"]: row for part in sorted(out.glob("part-*.jsonl"))
                for row in map(json.loads, part.read_text().splitlines())}

    rows = corpus(LIMIT)
    assert sorted(rows) == ["r0", "r1", "r2"]
    assert rows["r1"]["decision"] == "error" and "took more than 0.5 s on this record" in rows["r1"]["error"]
    assert rows["r1"]["time_limit"] == 0.5 and "time_limit" not in rows["r0"]
    # Resumed under the same limit (a shard lost to a kill): the stopped record is kept, not checked again,
    # as the uninterrupted run under that limit stops it too.
    stopped = (out / "part-00001.jsonl").stat()
    (out / "part-00002.jsonl").unlink()
    rows = corpus(LIMIT)
    assert rows["r2"]["decision"] == "flag" and rows["r1"]["decision"] == "error"
    assert (out / "part-00001.jsonl").stat().st_ino == stopped.st_ino
    # A run that gives more time (a larger limit, or none) checks the stopped record's shard again: the
    # output is the uninterrupted run's under that limit. The other shards are kept.
    kept = (out / "part-00000.jsonl").stat().st_ino
    rows = corpus("0")
    assert rows["r1"]["decision"] in ("flag", "drop") and rows["r1"]["findings"] and "time_limit" not in rows["r1"]
    assert (out / "part-00000.jsonl").stat().st_ino == kept


def test_a_file_checked_while_a_module_is_imported_is_stopped(tmp_path, monkeypatch):
    # A host whose module checks files as it is imported: the imports under way are the host's, not ones
    # the file's work started, and do not hold the stop back. 2**26 steps (over a second), limit 0.05 s.
    (tmp_path / "checks_on_import.py").write_text(
        "import re\nfrom lint.guard import Deadline, TimedOut\nstopped = False\ntry:\n"
        "    with Deadline(0.05):\n        re.match(r'(a+)+$', 'a' * 26 + 'b')\n"
        "except TimedOut:\n    stopped = True\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "checks_on_import", raising=False)
    import checks_on_import

    assert checks_on_import.stopped is True


def test_a_limit_due_at_once_still_puts_the_handler_back():
    # A limit of 1e-7 s runs out before ``with`` has entered the block (a few microseconds at least; so
    # may any limit in a process descheduled just then), where __exit__ would not run: the handler of
    # the stopped block was left in place, and a host's timer lost.
    handler = signal.getsignal(signal.SIGALRM)
    outer = signal.getitimer(signal.ITIMER_REAL)[0]  # pytest-timeout's, where it runs with signals
    left = []
    for _ in range(200):
        try:
            with Deadline(1e-7):
                sum(range(1000))
        except TimedOut:
            pass
        left.append((signal.getsignal(signal.SIGALRM) is handler, (signal.getitimer(signal.ITIMER_REAL)[0] == 0) == (not outer)))
    assert left.count((True, True)) == 200, left[:3]


def test_a_stop_the_interpreter_drops_is_raised_again():
    # The alarm can come while a ``__del__`` (or a weakref's or the collector's callback) runs: there the
    # interpreter prints the exception and drops it. The block must still be stopped, not run on unguarded
    # (seen in a corpus run: the stop fell in WeakSet's callback and the record was checked to its end).
    import time

    dropped = []

    class Slow:
        def __del__(self) -> None:
            try:
                while True:
                    pass
            except TimedOut:
                dropped.append(True)
                raise

    start = time.monotonic()
    with pytest.raises(TimedOut), Deadline(0.05):
        slow = Slow()
        del slow  # (its __del__ runs until the limit, and the stop raised there is dropped)
        while time.monotonic() - start < 30:  # (unguarded, the block would run to this bound)
            pass
    assert dropped == [True]
    assert time.monotonic() - start < 30


def test_a_record_past_the_limit_on_a_local_dask_cluster_is_an_error(run, tmp_path, slow_text):
    # A Dask worker runs its tasks on a thread, which SIGALRM does not reach: the limit was not armed and
    # the slow record was checked to its end. Its records now run in a process of the worker's own.
    pytest.importorskip("dask.bag")
    pytest.importorskip("distributed")
    import json

    records = [{"id": f"r{i}", "text": slow_text if i == 1 else "Two  spaces here.\n"} for i in range(3)]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    r = run("corpus", "in.jsonl", "out", "--id-field", "id", "--shard-size", "1", "--dask", "local:2",
            "--file-timeout", LIMIT, cwd=tmp_path)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stdout + r.stderr
    rows = {row["id"]: row for part in sorted((tmp_path / "out").glob("part-*.jsonl"))
            for row in map(json.loads, part.read_text().splitlines())}
    assert rows["r1"]["decision"] == "error" and rows["r1"]["time_limit"] == 0.5, rows["r1"]
    assert "took more than 0.5 s on this record" in rows["r1"]["error"]
    assert rows["r0"]["decision"] == rows["r2"]["decision"] == "flag", (rows["r0"], rows["r2"])
    # The workers' processes end with them: a worker's exit waited for its own (which waited for tasks for
    # good) until the nanny killed it, 4 s on, with a warning each on stderr.
    assert "still alive" not in r.stderr and "WARNING" not in r.stderr, r.stderr
