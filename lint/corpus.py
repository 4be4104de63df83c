"""Corpus mode: lint every record of a JSONL (or Parquet) corpus and decide clean / flag / drop.

    copylint corpus IN OUT --text-field text [--id-field id] [--fix] [--jobs N | --dask SCHEDULER]

The input is read as a stream, in shards of ``shard_size`` records (record n goes to shard
n // shard_size). Each shard's output, one JSON line per record (id, decision, findings with code, span
and message, words, and the fixed text with ``--fix``), is written to ``OUT/part-NNNNN.jsonl`` through a
temporary file and ``os.replace``: a shard is in OUT whole or not at all. A run that is killed leaves
whole shards only; running the same command again skips the shards already there and writes the
rest, so the output equals an uninterrupted run's (no record lost or duplicated). A shard that holds a
record stopped at its time limit is kept as well, unless the run gives more time than that record had
(a larger ``--file-timeout``, or 0): then it is checked again, as an uninterrupted run under that limit
would check it. ``OUT/_meta.json`` holds the settings, and a resumed run with other settings is
refused. At the end ``OUT/summary.json`` counts findings per rule, per 1M words, and decisions: from the
tallies the workers return with each shard, and for the shards an earlier run wrote, read back from them.

Memory is bounded by the shards in flight (a few per worker), not by the input. The work on a shard is
one pure function, ``lint_shard``: run in this process, on a process pool (``--jobs``), or as a Dask bag
map on a Dask scheduler (``--dask``: a ``dask.distributed`` address, or ``local:N`` for a local cluster
of N workers); Dask schedules, copylint only hands it shards and writes what comes back, as each is done.
Local workers (``--jobs``, ``--dask local:N``) get an uncompressed JSONL file as byte ranges (``Span``)
that each reads and decodes itself, so the parent only scans for line breaks and writes shards; a
gzipped or Parquet file, and any input on a remote Dask scheduler (whose workers may not see this
machine's files), is read by the parent and its records are sent.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from itertools import islice, repeat
from pathlib import Path
from typing import Any

# A decision per record from its findings per family: the first threshold a family's count reaches.
DEFAULT_FLAG = {"E": 1, "S": 1, "T": 1, "P": 1, "W": 1}
DEFAULT_DROP = {"E": 5, "S": 5}
# A shard (the unit of resuming, --shard-size records) is linted in pieces of about this much input, so
# that a small corpus, or the last shards of a big one, still keeps every worker busy; the parent joins
# a shard's pieces and commits the shard whole.
PIECE_BYTES = 1 << 18
PIECE_RECORDS = 100  # records sent (not read by the worker): pieces of this many
SHARD_NAME = "part-{:05d}.jsonl"


class CorpusError(Exception):
    pass


@dataclass(frozen=True)
class Settings:
    """Everything that decides a shard's output (written to _meta.json; a resume must match it)."""

    text_field: str = "text"
    id_field: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    path: str = "record.txt"  # the name each record is linted as (its suffix picks the format)
    flag: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_FLAG))
    drop: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_DROP))
    fix: bool = False
    shard_size: int = 1000
    # The run's repeated lines for S112 (repeated-line-across-files): (line key, documents holding it) of the
    # keys many records hold, and how many distinct records the run has; filled in by ``run`` from a
    # pass over the input (not part of _meta.json: the input decides it).
    tree: tuple[tuple[int, int], ...] = ()
    tree_documents: int = 0
    # Seconds one record may take to check and fix (lint.guard.Deadline; 0: no limit): past it the record's
    # decision is "error" (and its "time_limit" this limit). Not part of _meta.json, as a bound on work is no
    # setting of the output: a resumed run may give more time, and then checks the shards that hold a record
    # stopped sooner again (``stopped_sooner``).
    file_timeout: float = 120.0


# -- reading -------------------------------------------------------------------------------------

def read_records(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """(record number, record, error) for each record of a JSONL (optionally .gz) or Parquet file."""
    name = path.name.lower()
    if name.endswith(".parquet"):
        yield from _read_parquet(path)
        return
    opener: Callable[..., Any] = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="surrogateescape", newline="\n") as handle:
        yield from _parsed(handle, first_line=1, first_record=0)


def _parsed(lines: Iterable[str], first_line: int, first_record: int
            ) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """The records of JSONL lines (blank lines skipped), numbered from ``first_record``; an error names the
    file's line, counted from ``first_line``."""
    n = first_record
    for line_no, line in enumerate(lines, first_line):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield n, None, f"line {line_no}: invalid JSON ({exc.msg})"
        else:
            if isinstance(record, dict):
                yield n, record, None
            else:
                yield n, None, f"line {line_no}: a record must be a JSON object"
        n += 1


@dataclass(frozen=True)
class Span:
    """One shard of an uncompressed JSONL file as a byte range: what a worker reads for itself, so that
    only offsets travel to it (the parent neither decodes nor sends the records)."""

    number: int
    path: str
    start: int
    end: int
    first_line: int
    first_record: int
    part: int = 0  # the shard's pieces, in order (``PIECE_BYTES``)
    last: bool = True  # the shard's last piece

    def records(self) -> list[tuple[int, dict[str, Any] | None, str | None]]:
        with open(self.path, "rb") as handle:
            handle.seek(self.start)
            data = handle.read(self.end - self.start)
        lines = data.decode("utf-8", "surrogateescape").split("\n")
        if lines and lines[-1] == "":
            lines.pop()  # the text after the range's last line break is the next range's
        return list(_parsed(lines, self.first_line, self.first_record))


def spans_of(path: Path, size: int, skip: set[int], piece_bytes: int | None = None) -> Iterator[Span]:
    """The shards of ``size`` records of a JSONL file as byte ranges, each cut into pieces of about
    ``piece_bytes`` (default ``PIECE_BYTES``), leaving out the shards in ``skip``. A piece starts at the
    line of its first record; the scan reads bytes and decodes only a line that could be blank as text
    (one of Unicode spaces), so it counts records exactly as ``read_records``."""
    piece_bytes = piece_bytes or PIECE_BYTES
    # (offset, line number, record number, part) of the open piece
    opened: tuple[int, int, int, int] | None = None
    records = offset = 0
    name = str(path)
    with path.open("rb") as handle:
        for line_no, line in enumerate(handle, 1):
            if not _blank(line):
                starts_shard = records % size == 0
                if opened is None or starts_shard or offset - opened[0] >= piece_bytes:
                    if opened is not None and opened[2] // size not in skip:
                        yield Span(opened[2] // size, name, opened[0], offset, opened[1], opened[2], opened[3],
                                   starts_shard)
                    part = 0 if opened is None or starts_shard else opened[3] + 1
                    opened = (offset, line_no, records, part)
                records += 1
            offset += len(line)
    if opened is not None and opened[2] // size not in skip:
        yield Span(opened[2] // size, name, opened[0], offset, opened[1], opened[2], opened[3], True)


def _blank(line: bytes) -> bool:
    stripped = line.strip()
    if not stripped:
        return True
    # str.strip also strips \x1c-\x1f and the non-ASCII spaces (U+0085, U+00A0, U+3000…)
    return (stripped[0] >= 0x80 or 0x1C <= stripped[0] <= 0x1F) and not line.decode("utf-8", "surrogateescape").strip()


def _read_parquet(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise CorpusError("reading Parquet needs pyarrow: pip install 'copylint[corpus]'") from None
    n = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=1024):
        for record in batch.to_pylist():
            yield n, record, None
            n += 1


@dataclass(frozen=True)
class Piece:
    """Records of one shard, read here and sent to a worker (a gzipped or Parquet input, a remote
    cluster): the shard's ``part``-th piece, and whether it is its ``last``."""

    number: int
    records: list[tuple[int, dict[str, Any] | None, str | None]]
    part: int = 0
    last: bool = True


def shards(records: Iterable[tuple[int, dict[str, Any] | None, str | None]], size: int, skip: set[int],
           piece_records: int | None = None) -> Iterator[Piece]:
    """Each shard's records in pieces of ``piece_records`` (default ``PIECE_RECORDS``), leaving out the
    shards in ``skip`` (already written)."""
    per_piece = piece_records or PIECE_RECORDS
    current: list[tuple[int, dict[str, Any] | None, str | None]] = []
    number, part = 0, 0
    for item in records:
        shard = item[0] // size
        if shard != number:
            if current:
                yield Piece(number, current, part, True)
            current, number, part = [], shard, 0
        elif len(current) >= per_piece:
            yield Piece(number, current, part, False)
            current, part = [], part + 1
        if shard not in skip:
            current.append(item)
    if current:
        yield Piece(number, current, part, True)


# -- the work on one shard (pure: same shard and settings, same output) ------------------------------

_linters: dict[Any, Any] = {}


def _linter(settings: Settings) -> Any:
    key = (settings.select, settings.ignore)  # asked per record: no more than a dict lookup
    linter = _linters.get(key)
    if linter is None:
        from lint.engine import Linter, Selection

        linter = _linters[key] = Linter(Selection(select=settings.select, ignore=settings.ignore))
    return linter


def _prepared(settings: Settings) -> Any:
    """``_linter``, its rules imported and what they load on first use loaded (``Rule.prepare``) once per
    process, before its first record's time limit is armed: a record is not stopped for the worker's
    set-up (the parent of forked workers did it already: then it costs a lookup)."""
    linter = _linter(settings)
    key = ("prepared", settings.select, settings.ignore)
    if key not in _linters:
        from lint.parallel import prepared_for_fork

        prepared_for_fork(linter.checker(_config()))
        _warm_up(linter, settings)
        _linters[key] = True
    return linter


# A record checked once per process before the first one under a limit: what the reader and the rules make
# at their first use (patterns compiled on use, the sentence splitter's tables) is made then, not in the
# first record's time (some 0.05 s of CPU, which a loaded machine stretched past a limit of 0.5 s).
_WARM_UP = "Two  spaces here. Two  spaces here.\n\nA second paragraph, “quoted”, with a list:\n\n- one\n- two\n"


def _warm_up(linter: Any, settings: Settings) -> None:
    from lint.model import Source

    path = "copylint-warm-up" + Path(settings.path).suffix  # (the same reader as the records')
    try:
        linter.findings(Source(path, _WARM_UP), _config())
    except Exception:  # (a reader or rule that fails on it fails on a record too, where it is said)
        pass
    linter.taken_tree_lines(path)


def _config() -> Any:
    """The one config every record is linted under (made once: a Config asks for the working folder)."""
    config = _linters.get("config")
    if config is None:
        from lint.config import Config

        config = _linters["config"] = Config()
    return config


def decision(counts: Counter[str], settings: Settings) -> str:
    get = counts.get  # (counts[f] of a family it lacks calls Counter.__missing__, in Python)
    if any(get(f, 0) >= n for f, n in settings.drop.items()):
        return "drop"
    if any(get(f, 0) >= n for f, n in settings.flag.items()):
        return "flag"
    return "clean"


def lint_record(record: dict[str, Any] | None, error: str | None, number: int,
                settings: Settings) -> dict[str, Any]:
    from lint.guard import Deadline, TimedOut
    from lint.model import Source

    record_id = number if settings.id_field is None or record is None else record.get(settings.id_field, number)
    text = None if record is None else record.get(settings.text_field)
    if error is None and not isinstance(text, str):
        error = f"record {number}: no string field {settings.text_field!r}"
    if error is not None or not isinstance(text, str):
        return {"id": record_id, "record": number, "decision": "error", "error": error, "findings": [], "words": 0}
    linter = _prepared(settings)
    # The fixes are guarded (``Linter.guard_fixes``) only for a run that applies them: the output holds
    # no fix, and guarding one never changes its finding.
    linter.guard_fixes = settings.fix
    config = _config()
    source = Source(settings.path, text)
    if settings.tree and _tree_memo is not None:
        # The lines the pre-pass hashed for this record, for its check (each line is hashed once).
        _tree_memo.move(f"#{number}", settings.path)
        linter.line_memo = _tree_memo
    try:
        # The findings and the decision are the text's as it came; the fixed text is an addition.
        with Deadline(settings.file_timeout):
            found = linter.findings(source, config)
            tree_lines = linter.taken_tree_lines(settings.path)  # the text's (a fix would stash its own)
            fixed = linter.fix(source, config)[0] if settings.fix and any(f.fix for f in found) else text
    except (Exception, TimedOut) as exc:  # a record the readers or rules cannot handle must not stop the corpus
        what = type(exc).__name__
        stopped: dict[str, Any] = {}
        if isinstance(exc, TimedOut):
            what = (f"line {exc.line}: " if exc.line else "") + exc.message().replace("this file", "this record")
            # The limit it was given: a run given more time checks its shard again (``stopped_sooner``).
            stopped = {"time_limit": exc.seconds}
        return {"id": record_id, "record": number, "decision": "error",
                "error": f"record {number}: {what}", "findings": [], "words": len(text.split()), **stopped}
    if tree_lines and settings.tree:
        from lint.engine import FileResult

        found = linter.with_tree_findings(FileResult(settings.path, found, source=source, tree_lines=tree_lines),
                                          config, _tree_counts(settings)).findings
    counts = Counter(f.code.rstrip("0123456789") for f in found)
    out: dict[str, Any] = {
        "id": record_id, "record": number, "decision": decision(counts, settings), "words": len(text.split()),
        "findings": [{"code": f.code, "start": f.start, "end": f.end, "message": f.message} for f in found],
    }
    if settings.fix and fixed != text:
        out["fixed"] = fixed
    return out


def _tree_counts(settings: Settings) -> Any:
    """The run's repeated lines as ``lint.tree.TreeCounts`` (made once per settings object a worker gets)."""
    key = ("tree", id(settings.tree))
    made = _linters.get(key)
    if made is None or made[0] is not settings.tree:
        from lint.tree import TreeCounts

        made = _linters[key] = (settings.tree, TreeCounts(dict(settings.tree), settings.tree_documents))
    return made[1]


# The pre-pass's lines of each record (lint.tree.LineMemo, by "#<record number>"), inherited by forked
# workers; None before a run with S112.
_tree_memo: Any = None


def tree_settings(inp: Path, settings: Settings, jobs: int = 1) -> Settings:
    """``settings`` with the run's repeated lines, when its selection has a rule of scope "tree" (S112):
    one pass over the input's records, each record's line hashes counted once per distinct text. With
    ``jobs`` > 1 on an uncompressed JSONL file, forked workers hash the records' lines (``_span_lines``),
    while this process prepares the rules for the pool that lints them: the pass is not a serial step
    of the run before its pool starts."""
    from lint.engine import _tree_selected

    linter = _linter(settings)
    config = _config()
    # Read from the rule index: the rules themselves are imported while the workers hash (``_prepass``).
    if not _tree_selected(config, linter.selection):
        return settings
    from lint.tree import LineMemo, TreeCounts

    global _tree_memo
    counts = TreeCounts()
    memo = _tree_memo = LineMemo()
    for number, digest, entry in _prepass(inp, settings, jobs):
        counts.add_keys(digest, entry[2])
        memo.put_entry(f"#{number}", entry)
    rule = linter.tree_rule(config)
    if rule is None:  # (a selected built-in rule of scope "tree" is always found)
        _tree_memo = None
        return settings
    minimum = getattr(rule.opts, "min_documents", 3)
    repeated = tuple(sorted((k, n) for k, n in counts.counts.items() if n >= minimum))
    if not repeated:
        _tree_memo = None  # nothing to report: the records' lines are not looked at again
    else:
        # A record's lines serve its S112 findings only (``lint_record``), which are on the repeated ones:
        # the others need not be marked as prose or not by each record's check, nor kept.
        memo.restrict({k for k, _ in repeated})
    return replace(settings, tree=repeated, tree_documents=counts.documents)


Hashed = tuple[int, bytes, Any]  # (record number, content digest, its lines as lint.tree.kept_lines)


def _hashed(records: Iterable[tuple[int, dict[str, Any] | None, str | None]], text_field: str) -> list[Hashed]:
    from lint.cache import content_digest
    from lint.tree import kept_lines, tree_lines

    out = []
    for number, record, error in records:
        text = None if record is None or error is not None else record.get(text_field)
        if isinstance(text, str):
            out.append((number, content_digest(text.encode("utf-8", "surrogatepass")),
                        kept_lines(text, tree_lines(text))))
    return out


def _span_lines(span: Span, text_field: str) -> list[Hashed]:
    """The pre-pass on one piece of the input, in a forked worker (whose ``hash`` of a text is the
    parent's: the parent keeps what it returns in its LineMemo)."""
    return _hashed(span.records(), text_field)


def _prepass(inp: Path, settings: Settings, jobs: int) -> Iterator[Hashed]:
    """Every record's hashed lines, in record order."""
    import multiprocessing

    if jobs < 2 or "fork" not in multiprocessing.get_all_start_methods() or inp.name.lower().endswith(
            (".gz", ".parquet")) or inp.stat().st_size <= PIECE_BYTES:  # (one piece: nothing to share)
        for piece in shards(read_records(inp), PIECE_RECORDS, set()):
            yield from _hashed(piece.records, settings.text_field)
        return
    from functools import partial

    from lint.parallel import interruptibly, worker_pool

    with worker_pool(jobs, multiprocessing.get_context("fork")) as pool:
        done = pool.map(partial(interruptibly, _span_lines), spans_of(inp, 1 << 62, set()),
                        repeat(settings.text_field))
        # Meanwhile (the workers are forked): the rules imported and prepared, which the linting pool's
        # workers will inherit.
        _prepared(settings)
        for hashed in done:
            yield from hashed


@dataclass
class Tally:
    """What OUT/summary.json counts, over some records: kept by the worker that wrote them, so that the
    parent sums the workers' tallies instead of reading every shard back and decoding it again (a
    serial pass over the whole output at the end of a run); only the shards of an earlier run that this
    one resumed are read back (``tally_of``)."""

    records: int = 0
    words: int = 0
    decisions: Counter[str] = field(default_factory=Counter)
    findings: Counter[str] = field(default_factory=Counter)

    def add(self, record: dict[str, Any]) -> None:
        """One record's output, as a shard holds it."""
        self.records += 1
        self.words += record.get("words", 0)
        self.decisions[record["decision"]] += 1
        self.findings.update(f["code"] for f in record["findings"])

    def merge(self, other: Tally) -> None:
        self.records += other.records
        self.words += other.words
        self.decisions.update(other.decisions)
        self.findings.update(other.findings)

    def summary(self) -> dict[str, Any]:
        """Findings per rule (count and per 1M words) and decisions."""
        words = self.words
        per_million = {code: round(n * 1e6 / words, 2) if words else 0.0 for code, n in sorted(self.findings.items())}
        return {"records": self.records, "words": words, "decisions": dict(sorted(self.decisions.items())),
                "findings": dict(sorted(self.findings.items())), "per_million_words": per_million}


def lint_shard(shard: tuple[int, Sequence[tuple[int, dict[str, Any] | None, str | None]]],
               settings: Settings) -> tuple[int, str, Tally]:
    """(shard number, its output lines, their tally): the one function every backend runs."""
    from lint.report import json_encoder

    # (one encoder for the shard: ``json.dumps(out, ensure_ascii=False)`` built a JSONEncoder and its C
    # encoder per record)
    encode = json_encoder()
    number, records = shard
    tally = Tally()
    lines = []
    for n, r, e in records:
        out = lint_record(r, e, n, settings)
        tally.add(out)
        lines.append(encode(out))
    return number, "".join(line + "\n" for line in lines), tally


Done = tuple[int, int, bool, str, Tally]  # (shard number, part, last part, its output lines, their tally)


def lint_span(span: Span, settings: Settings) -> Done:
    """``lint_shard`` on a piece of a shard the worker reads from the input itself."""
    number, body, tally = lint_shard((span.number, span.records()), settings)
    return number, span.part, span.last, body, tally


def lint_piece(piece: Piece, settings: Settings) -> Done:
    """``lint_shard`` on a piece of a shard whose records were sent."""
    number, body, tally = lint_shard((piece.number, piece.records), settings)
    return number, piece.part, piece.last, body, tally


# This process's own worker process, for the records of a Dask task under a time limit (``guarded``).
_child: Any = None


def guarded(item: Any, settings: Settings, do: Callable[..., Done]) -> Done:
    """``do(item, settings)`` where each record's time limit can be armed: in this process on its main
    thread (or with no limit), else in a process of this one's own, made at its first task and kept. A
    Dask worker runs its tasks on a thread, which no signal reaches (``lint.guard.Deadline``): there a
    record that backtracks would hold the worker for good."""
    import threading

    if not settings.file_timeout or threading.current_thread() is threading.main_thread() or _daemonic():
        return do(item, settings)  # (a daemonic worker may start no process: the client said so, ``_dask_client``)
    global _child
    if _child is None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # Spawned, not forked: this process runs threads (the Dask worker's), whose locks a fork may copy held.
        _child = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=_exit_with,
                                     initargs=(os.getpid(),))
        # Shut down as this process exits, before multiprocessing joins its children there (the pool's own
        # exit hook runs after that join, and its process would wait for tasks for good: the nanny killed the
        # worker 4 s later, two warnings on the client's stderr each run), and before the pool's queue
        # closes its feeder thread (a finalizer of priority 10), which would not send the pool's stop.
        from multiprocessing.util import Finalize

        Finalize(None, _child.shutdown, exitpriority=100)
    return _child.submit(do, item, settings).result()  # type: ignore[no-any-return]


def _exit_with(parent: int) -> None:
    """In the process ``guarded`` starts: exit once its parent (the Dask worker) is gone. A spawned worker of a
    pool holds both ends of its task queue's pipe, which so never closes: it would wait for tasks for good."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="copylint-exit-with-parent").start()


def _work(inp: Path, settings: Settings, skip: set[int],
          shared_input: bool) -> tuple[Iterable[Any], Callable[..., Done]]:
    """The shards to do and the function that does one. Where the workers see the input (``shared_input``:
    local processes or a local cluster), an uncompressed JSONL file is handed out as byte ranges that they
    read; otherwise, and for a gzipped or Parquet file, it is read here and its records are sent."""
    name = inp.name.lower()
    if not shared_input or name.endswith((".gz", ".parquet")):
        return shards(read_records(inp), settings.shard_size, skip), lint_piece
    return spans_of(inp, settings.shard_size, skip), lint_span


# -- writing ---------------------------------------------------------------------------------------

def _commit(out: Path, number: int, body: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=out, prefix=".part-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape") as handle:
            handle.write(body)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, out / SHARD_NAME.format(number))
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def done_shards(out: Path) -> set[int]:
    return {n for n in map(_shard_number, out.glob("part-*.jsonl")) if n is not None}


def _shard_number(path: Path) -> int | None:
    try:
        return int(path.stem.split("-")[1])
    except ValueError:
        return None


def _prepare(inp: Path, out: Path, settings: Settings) -> set[int]:
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob(".part-*.tmp"):  # a killed run's unfinished shard
        stale.unlink()
    given = {k: v for k, v in asdict(settings).items() if k not in ("tree", "tree_documents", "file_timeout")}
    meta = {"input": str(inp.resolve()), "settings": given, "version": 1}
    meta_path = out / "_meta.json"
    if meta_path.exists():
        try:
            old = json.loads(meta_path.read_text(encoding="utf-8"))
        except ValueError:
            old = None
        if old != json.loads(json.dumps(meta)):
            raise CorpusError(f"{out} holds the output of another run (other input or settings): "
                              "use an empty folder, or the same command to resume")
        return done_shards(out)
    if any(out.glob("part-*.jsonl")):
        raise CorpusError(f"{out} holds shards without _meta.json: use an empty folder")
    tmp = meta_path.with_suffix(".tmp")
    tmp.write_text(json.dumps(meta, indent=1), encoding="utf-8")
    os.replace(tmp, meta_path)
    return set()


def stopped_sooner(out: Path, shards: set[int], limit: float) -> set[int]:
    """Of the written ``shards``, those that hold a record stopped at a time limit shorter than ``limit`` (0:
    no limit). A run that gives more time checks them again, as an uninterrupted run under its limit
    would have; under the same or a shorter limit they are kept (the same check would be stopped again)."""
    found = set()
    for number in sorted(shards):
        with (out / SHARD_NAME.format(number)).open("rb") as handle:
            # (the field is looked for in the bytes first: most lines are not decoded)
            if any(b'"time_limit"' in line and _given_less(json.loads(line).get("time_limit"), limit)
                   for line in handle):
                found.add(number)
    return found


def _given_less(given: Any, limit: float) -> bool:
    return isinstance(given, (int, float)) and (limit == 0 or given < limit)


def tally_of(out: Path, shards: set[int] | None = None) -> Tally:
    """The tally of the shards in OUT (or of those numbered in ``shards``), read back from them."""
    tally = Tally()
    for p in sorted(out.glob("part-*.jsonl")):
        if shards is not None and _shard_number(p) not in shards:
            continue
        with p.open(encoding="utf-8", errors="surrogateescape") as handle:
            for line in handle:
                tally.add(json.loads(line))
    return tally


# -- backends ----------------------------------------------------------------------------------------

def _pool_map(work: Iterable[Any], do: Callable[..., Done], settings: Settings,
              jobs: int) -> Iterator[Done]:
    """Shards done on a process pool, each yielded as soon as it is done (a slow shard holds up no
    other), with at most two per worker in flight."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, wait

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    if context.get_start_method() == "fork":
        # Import the rules and prepare them once, before the fork: every worker inherits them.
        _prepared(settings)
    from lint.parallel import interruptibly, worker_pool

    pending: set[Future[Done]] = set()
    with worker_pool(jobs, context) as pool:
        for shard in work:
            pending.add(pool.submit(interruptibly, do, shard, settings))
            if len(pending) >= 2 * jobs:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (f.result() for f in done)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (f.result() for f in done)


def _dask_client(scheduler: str, settings: Settings) -> tuple[Any, Any]:
    """A client of the scheduler (and the local cluster it started, or None). A cluster whose workers cannot
    start the process the time limit needs (``guarded``) is said to run its records without it."""
    import dask
    from distributed import Client, LocalCluster

    if not scheduler.startswith("local:"):
        client = Client(scheduler)
        if settings.file_timeout and any(client.run(_daemonic).values()):
            import sys

            print(f"copylint: the Dask workers at {scheduler} are daemonic processes, which cannot start the "
                  "process a record's time limit needs: --file-timeout does not apply there (start them with "
                  "distributed.worker.daemon: false)", file=sys.stderr, flush=True)
        return client, None
    # Workers that may start a process: the one that runs their records under the time limit (``guarded``).
    dask.config.set({"distributed.worker.daemon": False})
    # Its HTTP server (health, and the dashboard where bokeh is installed) on a free port: two runs at
    # once, or a cluster already serving on the default 8787, make no clash and no warning.
    cluster = LocalCluster(n_workers=int(scheduler.split(":", 1)[1]), threads_per_worker=1,
                           processes=True, dashboard_address=":0")
    return Client(cluster), cluster


class _TeardownHeartbeat(logging.Filter):
    """Leaves out the records of a local cluster's heartbeats once the run's results are all in. A worker of
    ``distributed`` sends the scheduler a heartbeat every 0.5 s; the cluster's close (its workers first, then
    the scheduler) cuts the one in flight: the worker logs its failure with a traceback (CommClosedError ...
    Stream is closed, dask/distributed#7105) on the stderr it shares with this process, and the scheduler
    may get it after it removed the worker (Received heartbeat from unregistered worker). A loaded machine,
    slow to answer heartbeats, left one in flight often enough; the result was right and committed by then.
    Any other record is still shown."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.funcName not in ("heartbeat", "heartbeat_worker")


def _quiet_teardown_heartbeats() -> None:
    """On a worker of the local cluster, once the run's results are all in (``_TeardownHeartbeat``)."""
    logging.getLogger("distributed.worker").addFilter(_TeardownHeartbeat())


def _end_guard_process() -> None:
    """On a worker of the local cluster, once the run's results are all in: the process of its own that runs
    records under their time limit (``guarded``) is shut down and joined now, while nothing bounds it. Left
    to the worker's exit, that join counted against the 4 s its nanny gives the worker process to end once
    the cluster closes (0.8 of ``Nanny.close``'s 5 s): on a loaded machine it took longer, and the nanny
    killed the worker ("Worker process still alive after 4.0 seconds, killing" on the run's stderr)."""
    global _child
    if _child is not None:
        _child.shutdown()
        _child = None


def _daemonic() -> bool:
    """Whether this (Dask worker) process is daemonic: one that may start no process."""
    import multiprocessing

    return bool(multiprocessing.current_process().daemon)


def _dask_map(work: Iterable[Any], do: Callable[..., Done], settings: Settings,
              scheduler: str) -> Iterator[Done]:
    """Shards mapped as Dask bags of a few shards per worker each, every partition's result taken as soon
    as it is done and the next bag sent while a batch's last shards still run (no worker waits for the
    slowest). Byte-range shards are only offsets: the workers must see the input at the same path (a
    local cluster, or a shared file system)."""
    try:
        import dask.bag as db
        from distributed import as_completed
    except ImportError:
        raise CorpusError("--dask needs dask and distributed: pip install 'copylint[corpus]'") from None
    client, cluster = _dask_client(scheduler, settings)
    teardown = _TeardownHeartbeat()
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        items = iter(work)
        done = as_completed()

        def send() -> int:
            batch = list(islice(items, 4 * workers))
            if batch:
                # (``guarded``: on a worker's task thread, each record's time limit needs a process of its own)
                bag = db.from_sequence(batch, npartitions=len(batch)).map(guarded, settings, do)
                done.update(client.compute(bag.to_delayed()))
            return len(batch)

        in_flight = send()
        for future in done:
            in_flight -= 1
            yield from future.result()
            future.release()
            if in_flight < 2 * workers:
                in_flight += send()
        if cluster is not None:
            # Every result is in: the cluster is closed next, its heartbeats in flight cut (``_TeardownHeartbeat``).
            client.run(_quiet_teardown_heartbeats)
            client.run(_end_guard_process)
            logging.getLogger("distributed.scheduler").addFilter(teardown)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        logging.getLogger("distributed.scheduler").removeFilter(teardown)


def run(inp: Path, out: Path, settings: Settings, jobs: int = 1, dask: str | None = None,
        on_shard: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Lint the corpus into OUT (resuming where a previous run of the same settings stopped) and
    return the summary."""
    if not inp.is_file():
        raise CorpusError(f"{inp}: no such file")
    skip = _prepare(inp, out, settings)
    if skip:
        skip -= stopped_sooner(out, skip, settings.file_timeout)
    settings = tree_settings(inp, settings, jobs if not dask else 1)
    # A remote Dask cluster may not see this machine's files: its workers get the records.
    work, do = _work(inp, settings, skip, shared_input=not dask or dask.startswith("local:"))
    if dask:
        results: Iterable[Done] = _dask_map(work, do, settings, dask)
    elif jobs > 1:
        results = _pool_map(work, do, settings, jobs)
    else:
        results = (do(s, settings) for s in work)
    # A shard is committed once all its pieces are back (they come back in any order).
    parts: dict[int, dict[int, str]] = {}
    counts: dict[int, int] = {}
    # The shards this run writes are counted from their workers' tallies; those of an earlier run are read back.
    tally = tally_of(out, skip) if skip else Tally()
    for number, part, last, body, piece_tally in results:
        tally.merge(piece_tally)
        got = parts.setdefault(number, {})
        got[part] = body
        if last:
            counts[number] = part + 1
        if len(got) == counts.get(number):
            _commit(out, number, "".join(got[i] for i in range(len(got))))
            del parts[number], counts[number]
            if on_shard is not None:
                on_shard(number)
    summary = tally.summary()
    tmp = out / "summary.json.tmp"
    tmp.write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, out / "summary.json")
    return summary
