"""Throughput of family G: `copylint check --select G` against LanguageTool's own /v2/check on the same text.

Starts a LanguageTool server of its own (loopback, free port, the server's sentence cache off so that
repeated passes cost the same), warms it up on text outside the slice, then over a slice of
../shared/corpus times, alternately:

- direct: the exact requests copylint makes (the same prose, batched the same way), POSTed to
  /v2/check with urllib, one after the other: LanguageTool's own time;
- copylint: the real CLI in a subprocess (`check --isolated --select G --languagetool URL`) with an
  empty results cache: everything copylint adds (start-up, parsing, batching, mapping, reporting);

and then copylint once more with the cache the previous run left: requests the server saw (from its
log) and wall time. Usage:

    python bench/languagetool.py [--corpus DIR] [--kb 250] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))


def corpus_slice(corpus: Path, kb: int, skip: int = 0) -> list[Path]:
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".md", ".rst", ".txt") and p.is_file()
                   and p.name != "README.md")
    # Interleave the two halves of the corpus (Markdown book, reST PEPs) so the slice has both.
    md = [p for p in files if p.suffix == ".md"]
    rst = [p for p in files if p.suffix != ".md"]
    mixed = [p for pair in zip(md, rst, strict=False) for p in pair] + md[len(rst):] + rst[len(md):]
    out: list[Path] = []
    size = 0
    for p in mixed[skip:]:
        if size >= kb * 1000:
            break
        out.append(p)
        size += p.stat().st_size
    return out


def requests_copylint_makes(files: list[Path], url: str) -> list[tuple[str, dict[str, str]]]:
    """(text, params) of every /v2/check request copylint makes for these files, cache empty."""
    from lint.config import Config
    from lint.engine import Linter, Selection
    from lint.languagetool import store
    from lint.languagetool.rule import SEPARATOR, LanguageToolRule
    from lint.source import read_source

    store.set_cache_enabled(False)
    linter = Linter(Selection(select=("G",), languagetool=url))
    config = Config()
    rule = next(r for r in linter.checker(config).rules if isinstance(r, LanguageToolRule))
    out = []
    seen: set[str] = set()  # copylint sends a paragraph it has seen in this run only once
    for path in files:
        doc = linter.document(read_source(str(path)), config)
        units = [u for u in {u.key: u for u in rule._units(doc)}.values() if u.key not in seen]
        seen.update(u.key for u in units)
        for batch in rule._batches(units):
            out.append((SEPARATOR.join(u.text for u in batch), dict(rule.session.params)))
    return out


def direct(url: str, requests: list[tuple[str, dict[str, str]]]) -> float:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    start = time.perf_counter()
    for text, params in requests:
        body = urllib.parse.urlencode({**params, "text": text}).encode()
        with opener.open(urllib.request.Request(f"{url}/v2/check", data=body), timeout=600) as r:
            json.loads(r.read())
    return time.perf_counter() - start


def copylint(url: str, files: list[Path], cache: Path) -> tuple[float, int, float]:
    """Wall time, findings, and CPU time of the copylint process itself."""
    env = {**os.environ, "COPYLINT_CACHE_DIR": str(cache)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--isolated", "--select", "G", "--languagetool", url,
         "--format", "json", "--exit-zero", *map(str, files)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=3600,
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0 or proc.stderr.strip():
        raise SystemExit(f"copylint failed ({proc.returncode}): {proc.stderr}")
    return elapsed, len(json.loads(proc.stdout)["findings"]), cpu


def handled(log: Path) -> int:
    return log.read_text(errors="replace").count("Handled request")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--kb", type=int, default=250, help="size of the slice, in kB of source files")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from lint.languagetool import LT_VERSION, install, server

    inst = install.install()
    files = corpus_slice(args.corpus, args.kb)
    warm = corpus_slice(args.corpus, 60, skip=len(files))
    size = sum(p.stat().st_size for p in files)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        (home / LT_VERSION).symlink_to(inst.root, target_is_directory=True)
        state = server.start(port=server.free_port(), heap="1g", where=home,
                             properties={"cacheSize": "0", "maxTextLength": "50000"})
        log = Path(state.log)
        try:
            url = state.url
            reqs = requests_copylint_makes(files, url)
            sent = sum(len(t) for t, _ in reqs)
            print(f"slice: {len(files)} files, {size / 1000:.0f} kB of source, {sent / 1000:.0f} kB of prose "
                  f"sent in {len(reqs)} requests (LanguageTool {state.version}, server cache off)")
            direct(url, requests_copylint_makes(warm, url))  # JIT warm-up on other text
            t_direct, t_copylint, t_cpu = [], [], []
            findings = 0
            for i in range(args.repeat):
                t_direct.append(direct(url, reqs))
                elapsed, findings, cpu = copylint(url, files, Path(tmp) / f"cache{i}")
                t_copylint.append(elapsed)
                t_cpu.append(cpu)
                print(f"  pass {i + 1}: direct /v2/check {t_direct[-1]:.2f} s, copylint {t_copylint[-1]:.2f} s "
                      f"(its own CPU {cpu:.2f} s)")
            # Best of N: the machine is shared, and noise only ever adds time.
            d, c = min(t_direct), min(t_copylint)
            print(f"direct /v2/check (best of {args.repeat}): {d:.2f} s  {sent / 1000 / d:.1f} kB/s of prose")
            print(f"copylint --select G, cold cache (best of {args.repeat}): {c:.2f} s  {findings} findings")
            print(f"copylint overhead over LanguageTool's own time: {100 * (c - d) / d:+.1f} % wall, "
                  f"{100 * min(t_cpu) / d:.1f} % in copylint's own CPU time")
            before = handled(log)
            warm_time, warm_findings, _ = copylint(url, files, Path(tmp) / f"cache{args.repeat - 1}")
            requests = handled(log) - before
            print(f"copylint, second run on the cache: {warm_time:.2f} s, {requests} request(s) to the server "
                  f"(the start-up probe), {warm_findings} findings")
        finally:
            server.stop(where=home)


if __name__ == "__main__":
    main()
