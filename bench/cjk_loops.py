"""Phrase loops in Chinese and Japanese MT output (issues 15, 16): how many of the segments that hold a
loop T107 repeated-phrase flags, and how often it flags the human references (every finding there a false
one unless shown to be a slip).

Data (not in the repository): github.com/wmt-conference/wmt21-news-systems (newstest2021), under
$COPYLINT_CJK_DATA (default /work/data/h186/wmt21):
  - newstest2021.en-ja.all.xml (xml/): documents, the human reference A and 15 system outputs;
  - newstest2021.en-zh.{src.en,ref.A.zh,ref.B.zh,hyp.SYSTEM.zh} (txt/): one segment a line, no document
    marks (the en-zh XML is not in the snapshot): a line takes the document of the en-ja XML whose source
    segment it is, else the document of the line before it (871 of the 1002 source lines are found).
Split by document id (sha256, as bench/recall.py does): dev is the only half read while tuning.

The oracle is written apart from the rule: a brute-force search, at every position, for a unit of 2-40
characters (two of them Han, kana or Hangul, not one character over and over) said three times or more in
a row, the copies glued or parted by any marks and spaces. It counts repetition the languages make too
(onomatopoeia, names): its hits are listed, so that each can be judged.

Clean text beside it (`--clean DIR ...`: every finding a false one): Markdown and text files read as
copylint reads them, per 10,000 Han and kana characters (the Chinese and Japanese Rust books,
github.com/KaiserY/trpl-zh-cn and rust-lang-ja/book-ja, src/), and the Chinese TED transcripts of
../shared/corpora/mqm-ted-zhen (its source column).

    python bench/cjk_loops.py [--half dev|test|both] [--examples 10] [--clean DIR ...]
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import lint

DATA = Path(os.environ.get("COPYLINT_CJK_DATA", "/work/data/h186/wmt21"))
HALVES = ("dev", "test")
_LETTER = re.compile(r"[\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3041-\u3096\u30a1-\u30fa\uac00-\ud7a3]")
_GAP = set(" \t\u3000，、。,;；：:・")


def half(name: str) -> str:
    return HALVES[int(hashlib.sha256(name.encode()).hexdigest(), 16) % 2]


def oracle(seg: str) -> str | None:
    """The first unit said 3+ times in a row (brute force, the rule's code unused), or None."""
    n = len(seg)
    for i in range(n):
        if not _LETTER.match(seg[i]) or seg.find(seg[i], i + 2, i + 60) < 0:
            continue  # (a second copy starts with this character, within 40 characters and the gaps)
        for size in range(2, 41):
            unit = seg[i:i + size]
            if len(unit) < size or len(set(unit)) < 2 or len(_LETTER.findall(unit)) < 2:
                continue
            at, copies = i + size, 1
            while True:
                j = at
                while j < n and seg[j] in _GAP:
                    j += 1
                if seg.startswith(unit, j):
                    at, copies = j + size, copies + 1
                else:
                    break
            if copies >= 3:
                return unit
    return None


def _en_ja() -> tuple[list[tuple[str, str, list[str]]], dict[str, str]]:
    """(document, system or 'ref:A', segments) for en-ja, and each English source segment's document."""
    root = ET.parse(DATA / "newstest2021.en-ja.all.xml").getroot()
    out: list[tuple[str, str, list[str]]] = []
    doc_of: dict[str, str] = {}
    for d in root:
        name = d.get("id") or "?"
        for s in d.find("src").iter("seg"):  # type: ignore[union-attr]
            doc_of.setdefault(s.text or "", name)
        for ref in d.findall("ref"):
            out.append((name, "ja:ref:" + (ref.get("translator") or "?"), [s.text or "" for s in ref.iter("seg")]))
        for hyp in d.findall("hyp"):
            out.append((name, "ja:" + (hyp.get("system") or "?"), [(s.text or "").strip() for s in hyp.iter("seg")]))
    return out, doc_of


def _en_zh(doc_of: dict[str, str]) -> list[tuple[str, str, list[str]]]:
    src = (DATA / "newstest2021.en-zh.src.en").read_text(encoding="utf-8").splitlines()
    docs: list[str] = []
    for line in src:
        docs.append(doc_of.get(line, docs[-1] if docs else "zh-start"))
    out: list[tuple[str, str, list[str]]] = []
    for path in sorted(DATA.glob("newstest2021.en-zh.*.zh")):
        kind = path.name.split(".")[2]  # ref or hyp
        system = "zh:" + ("ref:" if kind == "ref" else "") + path.name.split(f".{kind}.")[1].removesuffix(".zh")
        by_doc: dict[str, list[str]] = collections.defaultdict(list)
        for name, line in zip(docs, path.read_text(encoding="utf-8").splitlines(), strict=True):
            by_doc[name].append(line.strip())
        out.extend((name, system, segs) for name, segs in by_doc.items())
    return out


def _flagged(segs: list[str]) -> dict[int, list[str]]:
    """Segment index -> the T107 findings' texts, the document read as one paragraph a segment."""
    text = "\n\n".join(segs) + "\n"
    starts = [0]
    for s in segs[:-1]:
        starts.append(starts[-1] + len(s) + 2)
    out: dict[int, list[str]] = collections.defaultdict(list)
    for f in lint.check_text(text, path="mt.txt", select=["T107"]):
        k = max(i for i, s in enumerate(starts) if s <= f.start)
        out[k].append(text[f.start:f.end])
    return out


def clean(dirs: list[str]) -> None:
    """T107's findings on text nobody looped: files under ``dirs``, and the TED transcripts in ../shared."""
    shared = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "mqm-ted-zhen"
    sources: list[tuple[str, list[tuple[str, str]]]] = []
    for d in dirs:
        files = sorted(p for p in Path(d).rglob("*") if p.suffix in (".md", ".txt") and p.is_file())
        sources.append((d, [(p.name, p.read_text(encoding="utf-8", errors="replace")) for p in files]))
    tsv = shared / "ted_zhen_mqm_ted_zhen.tsv"
    if tsv.exists():
        import csv
        csv.field_size_limit(1 << 30)
        with tsv.open(encoding="utf-8") as f:
            segs = {(r["doc"], r["seg_id"]): r["source"] for r in csv.DictReader(f, delimiter="\t")}
        sources.append((str(tsv), [("ted.txt", "\n\n".join(segs.values()) + "\n")]))
    for name, files in sources:
        letters = findings = 0
        for path, text in files:
            letters += len(_LETTER.findall(text))
            for f in lint.check_text(text, path=path, select=["T107"]):
                findings += 1
                print(f"  {name}/{path}: {text[f.start:f.end][:80]!r} {f.message}")
        print(f"clean {name}: {len(files)} files, {letters} Han/kana/Hangul characters, {findings} T107 findings "
              f"({1e4 * findings / max(letters, 1):.3f} per 10k)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", choices=["dev", "test", "both"], default="dev")
    ap.add_argument("--examples", type=int, default=10)
    ap.add_argument("--clean", nargs="*", default=[], help="trees of clean Chinese or Japanese text")
    args = ap.parse_args()
    if args.clean is not None and args.clean != []:
        clean(args.clean)
    halves = HALVES if args.half == "both" else (args.half,)
    ja, doc_of = _en_ja()
    c: collections.Counter[str] = collections.Counter()
    shown: list[str] = []
    for name, system, segs in ja + _en_zh(doc_of):
        h = half(name)
        if h not in halves:
            continue
        lang, ref = system[:2], ":ref:" in system
        flagged = _flagged(segs)
        for k, seg in enumerate(segs):
            unit = oracle(seg)
            key = f"{h} {lang} {'ref' if ref else 'hyp'}"
            c[key + " chars"] += len(seg)
            c[key + " segments"] += 1
            c[key + " oracle"] += unit is not None
            c[key + " oracle flagged"] += unit is not None and k in flagged
            c[key + " findings"] += len(flagged.get(k, []))
            c[key + " flagged, no oracle"] += unit is None and k in flagged
            if unit is not None or k in flagged:
                mark = "FLAGGED" if k in flagged else "not flagged"
                line = f"  {h} {system} {name}#{k} oracle={unit!r} {mark} {flagged.get(k, [])}: {seg[:120]}"
                if h == "dev" and len(shown) < 200:
                    shown.append(line)
    for h in halves:
        for lang in ("zh", "ja"):
            for kind in ("hyp", "ref"):
                key = f"{h} {lang} {kind}"
                per = 1e4 * c[key + " findings"] / max(c[key + " chars"], 1)
                print(f"{key}: {c[key + ' segments']} segments, {c[key + ' chars']} chars; oracle loops "
                      f"{c[key + ' oracle']}, flagged {c[key + ' oracle flagged']}; findings {c[key + ' findings']} "
                      f"({per:.3f} per 10k chars), on segments the oracle passes {c[key + ' flagged, no oracle']}")
    print("dev oracle hits and findings:")
    for line in shown[:args.examples]:
        print(line)


if __name__ == "__main__":
    main()
