"""--jobs: the same findings in the same order whatever the number of processes; the progress bar
only on a terminal with text output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest


def _tree(tmp_path):
    texts = [
        "The minister  said on Monday.\n",
        "  Indented first line.\n\n\n\nAfter blank lines.\n",
        "He said “yes.\n",
        "Café was written CafÃ© here.\n",
        "Clean prose, nothing to report.\n",
    ]
    for i in range(24):
        folder = tmp_path / f"d{i % 3}"
        folder.mkdir(exist_ok=True)
        (folder / f"f{i:02}.txt").write_text(texts[i % len(texts)] * (1 + i % 4), encoding="utf-8")
        (folder / f"g{i:02}.md").write_text("# Title\n\n" + texts[(i + 1) % len(texts)], encoding="utf-8")


def test_results_are_the_same_in_the_same_order_whatever_jobs(run, tmp_path):
    _tree(tmp_path)
    outputs = {}
    for jobs in ("1", "2", "3"):
        proc = run("check", ".", "--isolated", "--no-cache", "--format", "json", "--jobs", jobs, cwd=tmp_path)
        assert proc.returncode == 1, proc.stderr
        outputs[jobs] = json.loads(proc.stdout)["findings"]
    assert len(outputs["1"]) > 40
    assert outputs["1"] == outputs["2"] == outputs["3"]
    paths = [f["path"] for f in outputs["1"]]
    assert paths == sorted(paths, key=lambda p: (p.split("/")[0], p))  # walked folder by folder, sorted


def test_files_served_by_the_cache_and_files_linted_on_the_pool_come_out_in_order(run, tmp_path):
    """A warm run serves the unchanged files itself and lints the rest (here every other file, edited) on
    the pool: the report is the one a cold run in one process gives, in the same order."""
    import os

    _tree(tmp_path)
    old = 1_700_000_000 * 10**9  # older than the racy window: recorded by size and mtime
    files = sorted(p for p in tmp_path.rglob("*.*"))
    for f in files:
        os.utime(f, ns=(old, old))
    first = run("check", ".", "--isolated", "--format", "json", "--jobs", "2", cwd=tmp_path)
    for f in files[::2]:
        # (a word doubled: found in plain text and Markdown alike, where a page shows a run of spaces as one)
        f.write_text(f.read_text(encoding="utf-8") + "Edited the the end.\n", encoding="utf-8")
    warm = run("check", ".", "--isolated", "--format", "json", "--jobs", "2", cwd=tmp_path)
    cold = run("check", ".", "--isolated", "--no-cache", "--format", "json", "--jobs", "1", cwd=tmp_path)
    assert warm.returncode == cold.returncode == 1, warm.stderr
    found = json.loads(warm.stdout)["findings"]
    assert found == json.loads(cold.stdout)["findings"]
    assert len(found) >= len(json.loads(first.stdout)["findings"]) + len(files[::2])  # the edits are seen


def test_fix_on_several_processes_writes_what_one_process_writes(run, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    for folder in (one, two):
        folder.mkdir()
        _tree(folder)
    for folder, jobs in ((one, "1"), (two, "2")):
        proc = run("check", ".", "--isolated", "--no-cache", "--fix", "--jobs", jobs, cwd=folder)
        assert "Fixed" in proc.stdout, proc.stdout + proc.stderr
    files = sorted(p.relative_to(one) for p in one.rglob("*.*"))
    changed = [f for f in files if "  said" not in (one / f).read_text() and "said" in (one / f).read_text()]
    assert changed, "the fix changed nothing"
    assert all((one / f).read_bytes() == (two / f).read_bytes() for f in files)


def test_no_progress_bar_when_not_a_terminal_or_in_machine_formats(run, tmp_path):
    _tree(tmp_path)
    for fmt in ("text", "json"):
        proc = run("check", ".", "--isolated", "--no-cache", "--format", fmt, "--jobs", "2", cwd=tmp_path)
        assert "file/s" not in proc.stderr and "findings]" not in proc.stderr
    proc = run("check", ".", "--isolated", "--no-cache", "--format", "json", "--progress", cwd=tmp_path)
    assert "file/s" not in proc.stderr
    json.loads(proc.stdout)


def test_custom_rules_of_nested_configs_give_the_same_findings_on_several_processes(run, tmp_path):
    """A config's rule classes are made at load time (module lint.custom.user, which no process can import):
    a worker is sent the config with them, by code and definition, and finds the ones its parent loaded."""
    kyiv = "  - {code: X.house.kyiv, kind: substitution, swap: {Kiev: Kyiv}}\n"
    rules = {
        ".": f"custom-rules:\n{kyiv}packs: [tech-terms]\n",
        "a": "custom-rules:\n  - {code: X.a.jargon, kind: existence, tokens: [synergy]}\n",
        "a/b": "extend: ../.copylint.yaml\npacks: [ukraine-places]\n",
        "c": f"custom-rules:\n{kyiv}  - {{code: X.c.twice, kind: repetition}}\n",  # one code, one definition
    }
    for folder, config in rules.items():
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / ".copylint.yaml").write_text(config, encoding="utf-8")
        for i in range(6):
            (tmp_path / folder / f"f{i}.txt").write_text("The the synergy in Kiev and Kharkov, on Github.\n",
                                                         encoding="utf-8")
    outputs = {}
    for jobs in ("1", "2"):
        proc = run("check", ".", "--no-cache", "--format", "json", "--jobs", jobs, cwd=tmp_path)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
        outputs[jobs] = json.loads(proc.stdout)["findings"]
    assert outputs["1"] == outputs["2"]
    codes: dict[str, set[str]] = {}
    for f in outputs["1"]:
        codes.setdefault(f["path"].rpartition("/")[0], set()).add(f["code"])
    assert {c for c in codes[""] if c.startswith("X.")} == {"X.house.kyiv", "X.tech.casing"}
    assert {c for c in codes["a"] if c.startswith("X.")} == {"X.a.jargon"}
    assert {c for c in codes["a/b"] if c.startswith("X.")} == {"X.a.jargon", "X.ukraine.places"}
    assert {c for c in codes["c"] if c.startswith("X.")} == {"X.house.kyiv", "X.c.twice"}


def _workers(pid: int) -> list[int]:
    """The pool's workers of the process ``pid``: its children forked from it (the same command line), not
    a helper it started another way (multiprocessing's resource tracker)."""
    from pathlib import Path

    proc = Path(f"/proc/{pid}")
    children = (proc / "task" / str(pid) / "children").read_text().split()
    own = (proc / "cmdline").read_bytes()
    out = []
    for child in children:
        try:
            if Path(f"/proc/{child}/cmdline").read_bytes() == own:
                out.append(int(child))
        except OSError:  # (it ended meanwhile)
            pass
    return out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the workers from /proc")
def test_a_worker_killed_mid_run_is_one_error_line_and_exit_2(tmp_path):
    """A worker that dies (killed, or by the kernel out of memory) breaks the pool: one line that says so,
    exit 2 (an error), not a traceback and exit 1 (which says: findings). Deterministic: the report (some 3 MB) is not
    read until a worker is killed, so the run cannot end, nor its pool, before the kill."""
    for i in range(400):
        (tmp_path / f"f{i:03}.txt").write_text("The the minister  said on Monday.\n" * 8, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    proc = subprocess.Popen([sys.executable, "-m", "lint", "check", ".", "--isolated", "--no-cache", "--format",
                             "json", "--jobs", "2"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        workers: list[int] = []
        while len(workers) < 2 and proc.poll() is None:
            workers = _workers(proc.pid)
        assert len(workers) == 2, "the run ended before its pool started"
        os.kill(workers[0], signal.SIGKILL)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    stderr = err.decode("utf-8", "replace")
    assert proc.returncode == 2, stderr
    assert "Traceback" not in stderr
    assert stderr.startswith("copylint: ") and stderr.count("\n") == 1, stderr
    assert "--jobs 2" in stderr and "terminated abruptly" in stderr, stderr
    assert out.startswith(b'{"version"')  # (the report so far, as a config error midway leaves it)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the workers from /proc")
def test_a_killed_worker_s_pool_error_comes_once_the_pool_s_threads_have_ended(tmp_path, monkeypatch):
    """Issue 18. CPython 3.11's exit hook for process pools (concurrent.futures.process._python_exit) writes to
    the wake-up pipe of each pool whose manager thread still runs, without the lock that thread closes the pipe
    under: a pool left with its manager thread still stopping the other workers (as after a killed worker) could
    end the command, after its one error line, with a traceback at exit (OSError: bad file descriptor). The
    error comes once the pool's threads have ended, and says which files the report leaves out. (The pool here
    is forked from this process, a worker killed once the first batch is back: the files are more than the
    batches in flight, so the run cannot end first.)"""
    import threading

    from lint.config import Config
    from lint.engine import Selection
    from lint.parallel import Options, PoolError, Task, lint_in_pool

    config = Config()
    tasks = []
    for i in range(400):
        (tmp_path / f"f{i:03}.txt").write_text("The the minister  said on Monday.\n" * 8, encoding="utf-8")
        tasks.append(Task(str(tmp_path / f"f{i:03}.txt"), 0, config))
    monkeypatch.chdir(tmp_path)
    before = set(threading.enumerate())
    results = lint_in_pool(tasks, Selection(), Options(write=False), 2)
    reported = [next(results)]
    workers = _workers(os.getpid())
    assert len(workers) == 2, workers
    os.kill(workers[0], signal.SIGKILL)
    with pytest.raises(PoolError, match="terminated abruptly") as stopped:
        for result in results:
            reported.append(result)
    assert [t.name for t in threading.enumerate() if t not in before] == []
    k = len(reported)
    assert [r.path for r in reported] == [t.path for t in tasks[:k]]
    assert f"; the run stopped there: {400 - k} files not reported, from f{k:03}.txt on (" in str(stopped.value)
    assert _workers(os.getpid()) == []  # (the other worker stopped too)


def test_a_batch_that_cannot_be_sent_is_a_pool_error__fake_config_holding_a_lambda(tmp_path):
    """A fake: no config the loader makes holds what pickle refuses any more (user rule classes go by
    reference), but such a batch (the PicklingError of the custom rules before) is the pool's failure,
    said as one (lint.parallel.PoolError, which the command says in one line, exit 2), not a traceback."""
    from lint.config import Config
    from lint.engine import Selection
    from lint.parallel import Options, PoolError, Task, lint_in_pool

    config = Config(sections={"unsendable": lambda: None})
    tasks = []
    for i in range(4):
        (tmp_path / f"f{i}.txt").write_text("The minister  said.\n", encoding="utf-8")
        tasks.append(Task(str(tmp_path / f"f{i}.txt"), 0, config))
    with pytest.raises(PoolError, match=r"^--jobs 2: the worker processes failed \((PicklingError|AttributeError)"):
        list(lint_in_pool(tasks, Selection(), Options(write=False), 2))


def _interrupted_here() -> None:
    os.kill(os.getpid(), signal.SIGINT)


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT to a worker")
def test_ctrl_c_stops_a_workers_task_and_every_later_one_but_not_a_waiting_worker():
    import multiprocessing
    import time
    from concurrent.futures import ProcessPoolExecutor

    from lint.parallel import interrupted_in_workers, interruptibly

    context = multiprocessing.get_context("spawn")  # (not a fork of pytest's process)
    with ProcessPoolExecutor(1, mp_context=context, initializer=interrupted_in_workers) as pool:
        worker = pool.submit(interruptibly, os.getpid).result()
        os.kill(worker, signal.SIGINT)  # while it waits for work: it takes no notice
        time.sleep(0.5)
        assert pool.submit(os.getpid).result() == worker
        # A task sent before the interrupt was seen is not done after it.
        with pytest.raises(KeyboardInterrupt):
            pool.submit(interruptibly, os.getpid).result()
    with ProcessPoolExecutor(1, mp_context=context, initializer=interrupted_in_workers) as pool:
        with pytest.raises(KeyboardInterrupt):  # Ctrl-C in a task stops it
            pool.submit(interruptibly, _interrupted_here).result()
        with pytest.raises(KeyboardInterrupt):  # and the next one
            pool.submit(interruptibly, os.getpid).result()
