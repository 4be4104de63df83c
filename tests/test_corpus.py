"""Corpus mode: per-record findings and decisions, --fix, resuming after kill -9, Dask, Parquet."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

TEXTS = [
    "The minister  said on Monday that talks would resume.\n",
    "A clean sentence with nothing to report.\n",
    "Cafe prices rose. CafÃ© owners complained about the rent &amp; taxes.\n",
    "He said “yes and left the room without a word to anyone there.\n",
    "Advertisement\n\nThe council met on Tuesday.\n\nShare this article\n",
]


def _write_corpus(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            handle.write(json.dumps({"id": f"doc-{i}", "text": TEXTS[i % len(TEXTS)] * (1 + i % 3)}) + "\n")


def _records(out: Path) -> list[dict]:
    return [json.loads(line) for p in sorted(out.glob("part-*.jsonl")) for line in p.read_text().splitlines()]


def _cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "lint", "corpus", *args]


def test_records_get_findings_decisions_and_a_summary(run, tmp_path):
    corpus = tmp_path / "in.jsonl"
    _write_corpus(corpus, 10)
    with corpus.open("a") as handle:
        handle.write("{not json\n")
        handle.write(json.dumps({"id": "no-text", "body": "x"}) + "\n")
    proc = run("corpus", str(corpus), str(tmp_path / "out"), "--id-field", "id", "--shard-size", "4", "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    records = _records(tmp_path / "out")
    assert [r["record"] for r in records] == list(range(12))
    texts = {f"doc-{i}": TEXTS[i % len(TEXTS)] * (1 + i % 3) for i in range(10)}
    first = records[0]
    assert first["id"] == "doc-0" and first["decision"] == "flag"
    w105 = [f for f in first["findings"] if f["code"] == "W105"]
    assert w105 and texts["doc-0"][w105[0]["start"]:w105[0]["end"]] == "  "
    assert records[6]["decision"] == "clean" and records[6]["findings"] == []  # TEXTS[1] once
    assert [r["decision"] for r in records[10:]] == ["error", "error"]
    assert "line 11" in records[10]["error"]
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["records"] == 12
    assert summary["findings"]["W105"] == sum(
        1 for r in records for f in r["findings"] if f["code"] == "W105")
    assert summary["per_million_words"]["W105"] == round(summary["findings"]["W105"] * 1e6 / summary["words"], 2)


def test_thresholds_decide_drop_and_fix_writes_the_fixed_text(run, tmp_path):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(json.dumps({"text": "One  two  three  four.\n"}) + "\n")
    proc = run("corpus", str(corpus), str(tmp_path / "out"), "--drop", "W=3", "--fix", "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    (record,) = _records(tmp_path / "out")
    assert record["decision"] == "drop"
    assert record["fixed"] == "One two three four.\n"
    bad = run("corpus", str(corpus), str(tmp_path / "out2"), "--drop", "W3")
    assert bad.returncode == 2 and "FAMILY=COUNT" in bad.stderr


def test_kill_9_then_resume_gives_the_output_of_an_uninterrupted_run(tmp_path):
    corpus = tmp_path / "in.jsonl"
    _write_corpus(corpus, 1500)
    whole, resumed = tmp_path / "whole", tmp_path / "resumed"
    args = ("--id-field", "id", "--shard-size", "25", "--jobs", "1")
    subprocess.run(_cmd(str(corpus), str(whole), *args), check=True, capture_output=True, timeout=300)
    proc = subprocess.Popen(_cmd(str(corpus), str(resumed), *args), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while len(list(resumed.glob("part-*.jsonl"))) < 3 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    written = len(list(resumed.glob("part-*.jsonl")))
    total = len(list(whole.glob("part-*.jsonl")))
    assert 0 < written < total, "the kill came too late to test a resume"
    subprocess.run(_cmd(str(corpus), str(resumed), *args), check=True, capture_output=True, timeout=300)
    names = sorted(p.name for p in whole.iterdir())
    assert names == sorted(p.name for p in resumed.iterdir())
    for name in names:
        assert (whole / name).read_bytes() == (resumed / name).read_bytes(), name
    # Another run's settings are not mixed into this output.
    other = subprocess.run(_cmd(str(corpus), str(resumed), "--shard-size", "10"), capture_output=True, text=True)
    assert other.returncode == 2 and "another run" in other.stderr


def test_a_local_dask_cluster_of_two_workers_gives_the_local_result(run, tmp_path):
    pytest.importorskip("dask.bag")
    pytest.importorskip("distributed")
    corpus = tmp_path / "in.jsonl"
    _write_corpus(corpus, 60)
    local = run("corpus", str(corpus), str(tmp_path / "local"), "--id-field", "id", "--shard-size", "7", "--jobs", "1")
    assert local.returncode == 0, local.stderr
    dask = run("corpus", str(corpus), str(tmp_path / "dask"), "--id-field", "id", "--shard-size", "7",
               "--dask", "local:2")
    assert dask.returncode == 0, dask.stderr
    assert _records(tmp_path / "dask") == _records(tmp_path / "local")
    assert len(_records(tmp_path / "local")) == 60
    # Records sent through the cluster (a gzipped input is read by the client, as any input is for a
    # remote scheduler) give the same shards.
    import gzip

    packed = tmp_path / "in.jsonl.gz"
    packed.write_bytes(gzip.compress(corpus.read_bytes()))
    sent = run("corpus", str(packed), str(tmp_path / "sent"), "--id-field", "id", "--shard-size", "7",
               "--dask", "local:2")
    assert sent.returncode == 0, sent.stderr
    assert _records(tmp_path / "sent") == _records(tmp_path / "local")


# The corpus command, its local cluster's scheduler slow to answer a heartbeat (1 s, twice the workers'
# interval: one is always in flight): a stand-in for a loaded machine, on which one was in flight as the
# cluster closed now and then.
_SLOW_HEARTBEATS = """
import asyncio, sys
import distributed.scheduler as scheduler
made = scheduler.Scheduler.__init__
def init(self, *args, **kwargs):
    made(self, *args, **kwargs)
    answer = self.handlers["heartbeat_worker"]
    async def slow(**kwargs):
        await asyncio.sleep(1.0)
        return answer(**kwargs)
    self.handlers["heartbeat_worker"] = slow
scheduler.Scheduler.__init__ = init
from lint.cli import main
sys.argv = ["copylint", *sys.argv[1:]]
main()
"""


def test_a_local_cluster_closed_with_heartbeats_in_flight_leaves_no_traceback_on_stderr(tmp_path):
    # The workers' heartbeats in flight as the cluster closed, after the result was in, were logged on the
    # run's stderr: the worker's with a traceback (CommClosedError ... Stream is closed), the scheduler's as
    # a WARNING (a heartbeat from a worker it had removed). tests/test_file_timeout.py's local-cluster test
    # met them on a loaded machine (1 run in 20 to 30 there, against none with this change).
    pytest.importorskip("dask.bag")
    pytest.importorskip("distributed")
    corpus = tmp_path / "in.jsonl"
    _write_corpus(corpus, 10)
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    done = subprocess.run([sys.executable, "-c", _SLOW_HEARTBEATS, "corpus", str(corpus), str(tmp_path / "out"),
                           "--id-field", "id", "--shard-size", "5", "--dask", "local:2"],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 0 and len(_records(tmp_path / "out")) == 10, done.stderr
    assert "Traceback" not in done.stderr and "WARNING" not in done.stderr and "ERROR" not in done.stderr, done.stderr


# A Dask worker preload (each worker process of the local cluster runs it): joining the worker's own process
# for the records' time limit (``guarded``) takes 4.5 s, a stand-in for a loaded machine, where it took
# seconds. Only a pool whose process still runs is slowed: one already shut down has none to join.
_SLOW_GUARD_PROCESS_JOIN = """
import time
from concurrent.futures import process

if not getattr(process, "_slowed_for_the_test", False):
    process._slowed_for_the_test = True
    shutdown = process.ProcessPoolExecutor.shutdown

    def slow(self, *args, **kwargs):
        if self._processes:
            time.sleep(4.5)
        return shutdown(self, *args, **kwargs)

    process.ProcessPoolExecutor.shutdown = slow
"""


def test_a_local_cluster_whose_workers_are_slow_to_end_their_own_process_closes_without_killing_one(tmp_path):
    # Each worker runs its records in a process of its own (the time limit's, ``guarded``), which it used to
    # shut down only as it exited: inside the 4 s its nanny gives it to end once the cluster closes. On a
    # loaded machine the nanny ran out of time and killed it: "Worker process still alive after 4.0
    # seconds, killing" on the run's stderr (commit 60d3688's load runs: 2 to 4 runs in 56).
    pytest.importorskip("dask.bag")
    pytest.importorskip("distributed")
    corpus = tmp_path / "in.jsonl"
    _write_corpus(corpus, 10)
    preload = tmp_path / "slow_guard_join.py"
    preload.write_text(_SLOW_GUARD_PROCESS_JOIN)
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env["DASK_DISTRIBUTED__WORKER__PRELOAD"] = json.dumps([str(preload)])
    done = subprocess.run(_cmd(str(corpus), str(tmp_path / "out"), "--id-field", "id", "--shard-size", "5",
                               "--dask", "local:2"), capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 0 and len(_records(tmp_path / "out")) == 10, done.stderr
    assert "still alive" not in done.stderr and "WARNING" not in done.stderr, done.stderr


def test_a_scheduler_given_by_address_gets_the_records_sent(run, tmp_path):
    """`--dask tcp://…`: a real scheduler, started here and reached by its address, as a remote cluster is
    (its workers may not see this machine's files, so the client sends the records); same shards as a
    local run."""
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    corpus = tmp_path / "in.jsonl"
    _write_corpus(corpus, 30)
    local = run("corpus", str(corpus), str(tmp_path / "local"), "--id-field", "id", "--shard-size", "7", "--jobs", "1")
    assert local.returncode == 0, local.stderr
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster:
        remote = run("corpus", str(corpus), str(tmp_path / "remote"), "--id-field", "id", "--shard-size", "7",
                     "--dask", cluster.scheduler_address)
    assert remote.returncode == 0, remote.stderr
    assert _records(tmp_path / "remote") == _records(tmp_path / "local")
    # Its worker is a daemonic process (the default), which may start none: the time limit, whose records
    # would run in a process of the worker's own, does not apply there, as the client says once.
    assert remote.stderr.count("--file-timeout does not apply there") == 1, remote.stderr


def test_parquet_input(run, tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({"id": ["a", "b"], "text": [TEXTS[0], TEXTS[1]]})
    pq.write_table(table, tmp_path / "in.parquet")
    proc = run("corpus", str(tmp_path / "in.parquet"), str(tmp_path / "out"), "--id-field", "id", "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    assert [(r["id"], r["decision"]) for r in _records(tmp_path / "out")] == [("a", "flag"), ("b", "clean")]


def test_workers_that_read_their_own_byte_ranges_give_what_the_records_sent_give(run, tmp_path):
    """An uncompressed JSONL file is handed to the workers as byte ranges; the same file gzipped is read by
    the parent and its records sent. Both must give the same shards, byte for byte, on lines that a
    byte-level scan could count differently from a text reader: blank lines of Unicode spaces, bad JSON,
    a record that is not an object, CRLF endings, a last line without a line break."""
    import gzip

    lines = []
    for i in range(23):
        lines.append(json.dumps({"id": f"doc-{i}", "text": TEXTS[i % len(TEXTS)]}, ensure_ascii=i % 2 == 0))
        if i % 4 == 1:
            lines.append("")
        if i % 5 == 2:
            lines.append("\u3000\u00a0 ")  # blank to str.strip, not to bytes.strip
        if i == 7:
            lines.append('{"id": "broken", "text": ')
        if i == 11:
            lines.append('["not", "an", "object"]')
    body = "\n".join(lines[:10]) + "\r\n" + "\n".join(lines[10:])  # one CRLF; no final line break
    plain = tmp_path / "in.jsonl"
    plain.write_bytes(body.encode("utf-8"))
    packed = tmp_path / "in.jsonl.gz"
    packed.write_bytes(gzip.compress(body.encode("utf-8")))
    outs = {}
    for name, source in (("plain", plain), ("packed", packed)):
        proc = run("corpus", str(source), str(tmp_path / name), "--id-field", "id", "--shard-size", "3",
                   "--jobs", "2")
        assert proc.returncode == 0, proc.stderr
        outs[name] = {p.name: p.read_bytes() for p in (tmp_path / name).glob("part-*.jsonl")}
    assert outs["plain"] == outs["packed"]
    records = _records(tmp_path / "plain")
    assert [r["record"] for r in records] == list(range(25))  # 23 records, a bad line and a non-object
    broken, listed = lines.index('{"id": "broken", "text": ') + 1, lines.index('["not", "an", "object"]') + 1
    assert [r["error"] for r in records if r["decision"] == "error"] == [
        f"line {broken}: invalid JSON (Expecting value)", f"line {listed}: a record must be a JSON object"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_shards_linted_in_pieces_are_the_shards_linted_whole(tmp_path, monkeypatch, jobs):
    """A shard is linted in pieces (so that a small corpus still keeps every worker busy) and committed
    whole: pieces of one record, read from byte ranges or sent, give the shards that whole-shard pieces
    give, byte for byte, blank lines, bad JSON and a last line without a line break included."""
    import gzip

    from lint import corpus as cm

    lines = [json.dumps({"id": f"doc-{i}", "text": TEXTS[i % len(TEXTS)]}) for i in range(17)]
    lines[4:4] = ["", "\u3000 ", '{"id": "broken", "text": ']
    body = "\n".join(lines).encode("utf-8")
    (tmp_path / "in.jsonl").write_bytes(body)
    (tmp_path / "in.jsonl.gz").write_bytes(gzip.compress(body))
    settings = cm.Settings(id_field="id", shard_size=5)
    outs = {}
    for piece in ("whole", "small"):
        if piece == "small":
            monkeypatch.setattr(cm, "PIECE_BYTES", 1)
            monkeypatch.setattr(cm, "PIECE_RECORDS", 1)
        for name in ("in.jsonl", "in.jsonl.gz"):
            out = tmp_path / f"{piece}-{name}"
            cm.run(tmp_path / name, out, settings, jobs=jobs)
            outs[piece, name] = {p.name: p.read_bytes() for p in out.glob("part-*.jsonl")}
    assert len(outs["whole", "in.jsonl"]) == 4  # 18 records in shards of 5
    assert list(cm.spans_of(tmp_path / "in.jsonl", 5, set()))[1].part == 1  # pieces there were
    assert outs["whole", "in.jsonl"] == outs["small", "in.jsonl"] == outs["whole", "in.jsonl.gz"] == \
        outs["small", "in.jsonl.gz"]


def test_the_pre_pass_on_forked_workers_counts_what_the_serial_one_counts(tmp_path, monkeypatch):
    """With --jobs 2 the records' lines for S112 are hashed by forked workers, a piece each (here one record
    a piece); the run's repeated lines, the lines each worker is handed and the shards are those of the
    pass in one process, bad JSON, blank lines and copies of a record (counted once) included."""
    from lint import corpus as cm
    from lint.tree import tree_lines

    furniture = "Sign up for our newsletter to get the latest news\n\n"
    texts = [furniture + t for t in TEXTS] + [furniture + "Read more stories from the 2 editors here\n" + t for t in TEXTS]
    lines = [json.dumps({"id": f"doc-{i}", "text": texts[i % len(texts)]}) for i in range(24)]
    lines[6:6] = ["", '{"id": "broken", "text": ', json.dumps({"id": "no-text"})]
    inp = tmp_path / "in.jsonl"
    inp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(cm, "PIECE_BYTES", 1)
    settings = cm.Settings(id_field="id", shard_size=4, select=("S",))
    serial = cm.tree_settings(inp, settings, jobs=1)
    forked = cm.tree_settings(inp, settings, jobs=2)
    assert forked == serial and len(serial.tree) >= 2 and serial.tree_documents == len(texts)
    numbered = [line for line in lines if line.strip()]  # a record number for bad JSON too
    texts_of = {n: json.loads(line).get("text") for n, line in enumerate(numbered) if line.endswith("}")}
    repeated = {key for key, _ in serial.tree}  # the lines kept for a record's check: its repeated ones
    assert all(cm._tree_memo.pop(f"#{n}", t) == [line for line in tree_lines(t) if line.key in repeated]
               for n, t in texts_of.items() if t)
    assert sum(1 for t in texts_of.values() if t) == 24
    outs = {}
    for jobs in (1, 2):
        cm.run(inp, tmp_path / f"out-{jobs}", settings, jobs=jobs)
        outs[jobs] = {p.name: p.read_bytes() for p in (tmp_path / f"out-{jobs}").glob("part-*.jsonl")}
    assert outs[1] == outs[2] and b'"S112"' in b"".join(outs[1].values())


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the pool's workers from /proc")
def test_ctrl_c_reaching_idle_corpus_workers_prints_no_traceback(tmp_path):
    # One record on three workers: two wait for work when Ctrl-C reaches the whole process group, and a
    # waiting worker that did not ignore it would die printing its own traceback.
    from tests.conftest import ctrl_c_reaches_it

    corpus = tmp_path / "in.jsonl"
    import random

    rng = random.Random(1)
    words = "the port workers said a new plan would be reviewed by the city council next week and".split()
    text = "".join(" ".join(rng.choice(words) for _ in range(14)).capitalize() + ".\n\n" for _ in range(60000))
    corpus.write_text(json.dumps({"id": "d0", "text": text}) + "\n", encoding="utf-8")
    proc = subprocess.Popen(_cmd(str(corpus), str(tmp_path / "out"), "--id-field", "id", "--shard-size", "100",
                                 "--jobs", "3"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=ctrl_c_reaches_it)
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    deadline = time.time() + 120
    while proc.poll() is None and time.time() < deadline and max(map(_cpu_seconds, _pids(children)), default=0) < 1:
        time.sleep(0.02)  # (until one worker is well into the record, some 4 s of CPU: the others wait)
    assert proc.poll() is None and len(_pids(children)) == 3, "no pool of three, or it ended too soon"
    os.killpg(proc.pid, signal.SIGINT)
    stderr = proc.communicate(timeout=120)[1]
    assert proc.returncode == 130, stderr
    assert stderr.strip() == "copylint: interrupted"


def _pids(children: Path) -> list[int]:
    return [int(pid) for pid in children.read_text().split()]


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
