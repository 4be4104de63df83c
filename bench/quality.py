"""Precision and recall of the S, T and P rules on real, labelled text (issue: at most 1 finding per
10,000 words of clean edited prose; at least 0.9 recall on labelled artifacts).

Clean text (every finding there is a false positive, or a real slip of the human editors):
  - mqm-ted-zhen: the human references (systems ref, refB, Human-*) and segments rated No-error;
  - ../shared/corpus: the PEPs (reST) and the Rust book (Markdown), parsed by their formats.
Labelled artifacts (recall):
  - mqm-ted-zhen Fluency/Punctuation spans: a finding of a P or S rule overlapping the span;
  - trafilatura: the `without` strings (boilerplate) that stand as a line of the page's text: S102;
  - the seed article's catalogue (DEFECTS.md), defects 1-9.

    python bench/quality.py [--limit N] [--rule CODE] [--examples 3]
"""

from __future__ import annotations

import argparse
import collections
import csv
import gzip
import json
import sys
from pathlib import Path

import lint

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
MQM = SHARED / "corpora" / "mqm-ted-zhen"
FAMILIES = ["S", "T", "P"]
csv.field_size_limit(sys.maxsize)


def words(text: str) -> int:
    return len(text.split())


def mqm_rows() -> list[dict[str, str]]:
    with open(MQM / "ted_zhen_mqm_ted_zhen.tsv", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def clean_mqm(rows: list[dict[str, str]]) -> list[str]:
    texts: dict[str, None] = {}
    for r in rows:
        if r["system"] in ("ref", "refB") or r["system"].startswith("Human") or r["category"] == "No-error":
            texts[r["target"].replace("<v>", "").replace("</v>", "")] = None
    return list(texts)


def run_clean(name: str, items: list[tuple[str, str]], select: list[str], examples: int) -> None:
    total_words = 0
    counts: collections.Counter[str] = collections.Counter()
    shown: dict[str, list[str]] = collections.defaultdict(list)
    for path, text in items:
        total_words += words(text)
        for f in lint.check_text(text, path=path, select=select):
            counts[f.code] += 1
            if len(shown[f.code]) < examples:
                shown[f.code].append(f"{Path(path).name}: …{text[max(0, f.start - 40):f.end + 30]!r}…")
    all_findings = sum(counts.values())
    print(f"\n## {name}: {len(items)} texts, {total_words} words; "
          f"{all_findings} findings = {all_findings * 10000 / max(total_words, 1):.2f} per 10,000 words")
    print("| rule | findings | per 10k words |")
    print("|---|---|---|")
    for code, n in sorted(counts.items()):
        print(f"| {code} | {n} | {n * 10000 / total_words:.2f} |")
    for code in sorted(shown):
        for line in shown[code]:
            print(f"   {code} {line}")


def recall_mqm_punctuation(rows: list[dict[str, str]], select: list[str]) -> None:
    spans: dict[str, list[tuple[int, int]]] = collections.defaultdict(list)
    with open(MQM / "error_spans.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["category"] == "Fluency/Punctuation" and r["span_side"] == "target" and r["span_text"].strip():
                spans[r["target_plain"]].append((int(r["span_start"]), int(r["span_end"])))
    hit = total = 0
    by_rule: collections.Counter[str] = collections.Counter()
    for text, marks in spans.items():
        found = lint.check_text(text, path="a.txt", select=select)
        for s, e in set(marks):
            total += 1
            covering = [f for f in found if f.start < max(e, s + 1) and s < max(f.end, f.start + 1)]
            if covering:
                hit += 1
                by_rule[covering[0].code] += 1
    print(f"\n## mqm Fluency/Punctuation spans (raters' labels, many are not artefacts: comma choice, "
          f"hyphens): {hit}/{total} covered = {hit / max(total, 1):.2f}; by rule: {dict(by_rule)}")


def recall_trafilatura(select: list[str]) -> None:
    data = json.loads((SHARED / "corpora" / "trafilatura" / "evaldata_english_subset.json").read_text())
    html_dir = SHARED / "corpora" / "trafilatura" / "html_en"
    total = hit = 0
    missed: list[str] = []
    for entry in data.values():
        page = html_dir / (entry["file"] + ".gz")
        if not page.exists():
            continue
        from lxml import html as lxml_html

        tree = lxml_html.fromstring(gzip.decompress(page.read_bytes()))
        for bad in tree.xpath("//script|//style|//noscript"):
            bad.drop_tree()
        lines = [ln.strip() for ln in tree.text_content().splitlines() if ln.strip()]
        text = "\n\n".join(lines) + "\n"
        found = lint.check_text(text, path="page.txt", select=select)
        flagged = {text[f.start:f.end].strip() for f in found if f.code == "S102"}
        for without in entry.get("without", []):
            # Only boilerplate that stands as a whole line of the page's text is S102's to find.
            w = without.strip()
            if w not in lines:
                continue
            total += 1
            if w in flagged:
                hit += 1
            elif len(missed) < 12:
                missed.append(w)
    print(f"\n## trafilatura boilerplate lines (`without` strings standing as a whole line): "
          f"S102 {hit}/{total} = {hit / max(total, 1):.2f}")
    print("   missed (page-specific furniture no phrase list knows):", missed)


def recall_seed() -> None:
    text = (SHARED / "seed" / "article.txt").read_text(encoding="utf-8")
    found = lint.check_text(text, path="article.txt")
    expected = {1: (1, "W"), 2: (1, "S"), 3: (2, "W"), 4: (13, "P"), 5: (15, "P"), 6: (19, "T"), 7: (21, "T"),
                8: (23, "S"), 9: (25, "W")}
    src = lint.engine.Source("article.txt", text)
    got = {(src.position(f.start).line, f.code[0]) for f in found}
    hits = [n for n, key in expected.items() if key in got]
    print(f"\n## seed catalogue: {len(hits)}/9 defects reported by the listed family; "
          f"{len(found)} findings in all")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="at most this many corpus files (0: all)")
    ap.add_argument("--rule", action="append", help="only these rules (repeatable); default S, T, P")
    ap.add_argument("--examples", type=int, default=3, help="findings shown per rule, to inspect")
    args = ap.parse_args()
    select = args.rule or FAMILIES
    rows = mqm_rows()
    run_clean("mqm-ted-zhen clean references", [("ref.txt", t) for t in clean_mqm(rows)], select, args.examples)
    files = sorted(p for p in (SHARED / "corpus").rglob("*") if p.suffix in (".md", ".rst"))
    if args.limit:
        files = files[: args.limit]
    for suffix, label in ((".rst", "PEPs (reST)"), (".md", "Rust book (Markdown)")):
        items = [(str(p), p.read_text(encoding="utf-8")) for p in files if p.suffix == suffix]
        run_clean(label, items, select, args.examples)
    recall_mqm_punctuation(rows, select)
    recall_trafilatura(select)
    recall_seed()


if __name__ == "__main__":
    main()
