"""What a Markdown parser binding costs the reader on the Rust book (issue 18 item 0): markdown-it-pyrs's
tree alone, the reader whole (lint.formats.markdown.parse: template view, tree, walk), and pyromark
(pulldown-cmark) handing over its events with their byte ranges, alone and read as (kind, start, end).
pyromark is no dependency of copylint: `pip install pyromark` into the environment that runs this.

    python bench/markdown_events.py MODE            # runs MODE once over the book (for valgrind)
    python bench/markdown_events.py --instructions  # valgrind's count of each mode, less reading the files
    python bench/markdown_events.py --cpu           # best-of-5 CPU of each mode, each run a fresh process
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CORPUS

MODES = ("files", "tree", "tree-read", "tree-pretty", "reader", "render", "render-sourcepos", "pyromark-html", "pyromark",
         "pyromark-read")
_TAG = re.compile(r'<(\w+) data-sourcepos="(\d+):(\d+)-(\d+):(\d+)"|</(\w+)>')
_PRETTY = re.compile(r'( *)<(\w+) srcmap="(\d+):(\d+)">')


def texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "rust-book").rglob("*.md"))]


def _read(node, out: list) -> None:  # type: ignore[no-untyped-def]
    # What the walk reads off every node at least: its name, range and children.
    for child in node.children:
        out.append((child.name, child.srcmap))
        _read(child, out)


def run(mode: str) -> None:
    import pyromark

    from lint.formats.markdown import _parser, parse
    from lint.model import Source

    # Every mode imports the same (the baseline, "files", too): the figures are the work alone.
    pages = texts()
    if mode == "files":
        return
    if mode in ("tree", "tree-read", "tree-pretty", "render", "render-sourcepos"):
        parser = _parser(merged=True)
        if mode == "render-sourcepos":  # HTML whose elements (not text) carry their lines and columns
            parser.enable("sourcepos")
            for text in pages:
                _TAG.findall(parser.render(text))
            return
        for text in pages:
            if mode == "render":  # the same parse, rendered as HTML in Rust: no Python node at all
                parser.render(text)
                continue
            tree = parser.tree(text)
            if mode == "tree-read":
                _read(tree, [])
            elif mode == "tree-pretty":  # every node's (indent, name, start, end) in one native call
                _PRETTY.findall(tree.pretty(srcmap=True, meta=False))
    elif mode == "reader":
        for text in pages:
            parse(Source("x.md", text))
    else:
        opts = (pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH
                | pyromark.Options.ENABLE_YAML_STYLE_METADATA_BLOCKS)
        for text in pages:
            if mode == "pyromark-html":  # pulldown-cmark's parse and HTML, no Python event
                pyromark.html(text, options=opts)
                continue
            events = tuple(pyromark.events_with_range(text, options=opts))
            if mode == "pyromark-read":
                flat = []
                for event, span in events:
                    kind = event if type(event) is str else next(iter(event))
                    flat.append((kind, span["start"], span["end"]))


def count(mode: str) -> int:
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
           sys.executable, __file__, mode]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    line = next(s for s in done.stderr.splitlines() if "I" in s and "refs:" in s)
    return int(line.rsplit(":", 1)[1].replace(",", "").strip())


def cpu(mode: str, repeat: int = 5) -> float:
    """Best CPU seconds of ``repeat`` runs of ``mode``, each in a fresh process."""
    best = float("inf")
    for _ in range(repeat):
        code = ("import sys, time; sys.argv = ['', '-']; sys.path.insert(0, %r); import markdown_events as m; "
                "t = time.process_time(); m.run(%r); print(time.process_time() - t)") % (str(Path(__file__).parent), mode)
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        best = min(best, float(done.stdout))
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", nargs="?", choices=MODES)
    ap.add_argument("--instructions", action="store_true")
    ap.add_argument("--cpu", action="store_true")
    args = ap.parse_args()
    if args.mode:
        run(args.mode)
        return
    if args.cpu:
        for mode in MODES:
            print(f"{mode:14} {cpu(mode) * 1000:8.1f} ms CPU (best of 5)", flush=True)
        return
    if shutil.which("valgrind") is None:
        sys.exit("valgrind not found")
    base = count("files")
    for mode in MODES[1:]:
        print(f"{mode:14} {(count(mode) - base) / 1e6:8.1f}M instructions", flush=True)


if __name__ == "__main__":
    main()
