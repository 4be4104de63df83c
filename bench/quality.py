"""Precision and recall of the S, T and P rules on real, labelled text (issue: at most 1 finding per
10,000 words of clean edited prose; at least 0.9 recall on labelled artifacts).

Clean text (every finding there is a false positive, or a real slip of the human editors):
  - mqm-ted-zhen: the human references (systems ref, refB, Human-*) and segments rated No-error;
  - ../shared/corpus: the PEPs (reST) and the Rust book (Markdown), parsed by their formats.
Labelled artifacts (recall):
  - mqm-ted-zhen Fluency/Punctuation spans: a finding of a P or S rule overlapping the span;
  - trafilatura: the `without` strings (boilerplate) that stand as a line of the page's text: S102;
  - LanguageTool's grammar examples: the sentences marked correct and the corrected forms;
  - ftfy test cases: the texts after repair (`fixed`) and the look-broken-but-are-not cases (`negative`)
    as clean text; the cases whose original holds an HTML entity: S104;
  - the seed article's catalogue (DEFECTS.md), defects 1-9;
  - injected (synthetic, said so in the output): real clean reference sentences with one scrape artefact
    put in by this script (glued, cut, entity, tag, spaced comma, label, repeat): recall per S rule where
    no labelled corpus has the artefact.

    python bench/quality.py [--limit N] [--rule CODE] [--examples 3]
"""

from __future__ import annotations

import argparse
import collections
import csv
import gzip
import itertools
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


CLEAN_TOTALS: dict[str, tuple[int, collections.Counter[str]]] = {}


def selected_codes(select: list[str]) -> list[str]:
    from lint import registry

    return sorted(r.code for sel in select for r in registry.matching_rules(sel))


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
    CLEAN_TOTALS[name] = (total_words, counts)


def summary(select: list[str]) -> None:
    names = list(CLEAN_TOTALS)
    print("\n## Clean text, findings per 10,000 words (every finding a false positive or an editor's slip)")
    print("| rule | " + " | ".join(f"{n} ({CLEAN_TOTALS[n][0]} w)" for n in names) + " | all English edited prose |")
    print("|---" * (len(names) + 2) + "|")
    codes = selected_codes(select)
    edited = [n for n in names if not n.startswith("ftfy")]  # ftfy's cases: many languages, not edited prose
    words_all = sum(CLEAN_TOTALS[n][0] for n in edited)
    for code in [*codes, "total"]:
        cells = []
        n_all = 0
        for n in names:
            w, c = CLEAN_TOTALS[n]
            k = sum(c.values()) if code == "total" else c.get(code, 0)
            n_all += k if n in edited else 0
            cells.append(f"{k * 10000 / max(w, 1):.2f}")
        print(f"| {code} | " + " | ".join(cells) + f" | {n_all * 10000 / max(words_all, 1):.2f} |")


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
    """A `without` string counts as found when a finding covers its line whole (a line finding, or a
    block finding whose span runs from a line start to a line end). Content check: `with` strings
    (the article's own text) that a finding touches are counted as false positives. The pages are
    split in two halves by a hash of the file name, to see that the recall holds on both."""
    import bisect
    import hashlib

    data = json.loads((SHARED / "corpora" / "trafilatura" / "evaldata_english_subset.json").read_text())
    html_dir = SHARED / "corpora" / "trafilatura" / "html_en"
    total = [0, 0]
    hit = [0, 0]
    content = content_hit = 0
    missed: list[str] = []
    touched: list[str] = []
    by_rule: collections.Counter[str] = collections.Counter()
    from lxml import html as lxml_html

    for entry in data.values():
        page = html_dir / (entry["file"] + ".gz")
        if not page.exists():
            continue
        half = int(hashlib.md5(entry["file"].encode()).hexdigest(), 16) % 2
        tree = lxml_html.fromstring(gzip.decompress(page.read_bytes()))
        for bad in tree.xpath("//script|//style|//noscript"):
            bad.drop_tree()
        lines = [ln.strip() for ln in tree.text_content().splitlines() if ln.strip()]
        text = "\n\n".join(lines) + "\n"
        starts = list(itertools.accumulate((len(ln) + 2 for ln in lines[:-1]), initial=0))
        found = lint.check_text(text, path="page.txt", select=select)
        covered: dict[int, str] = {}  # line index -> code of the first finding covering it whole
        for f in found:
            a = bisect.bisect_right(starts, f.start) - 1
            b = bisect.bisect_right(starts, max(f.end - 1, f.start)) - 1
            span = text[f.start:f.end]
            if span.strip() and text[starts[a]:f.start].strip() == "" and f.end - starts[b] >= len(lines[b]):
                for k in range(a, b + 1):
                    covered.setdefault(k, f.code)
        by_line: dict[str, list[int]] = collections.defaultdict(list)
        for k, ln in enumerate(lines):
            by_line[ln].append(k)
        for without in entry.get("without", []):
            # Only boilerplate that stands as a whole line of the page's text is a line rule's to find.
            w = without.strip()
            if w not in by_line:
                continue
            total[half] += 1
            codes = [covered[k] for k in by_line[w] if k in covered]
            if codes:
                hit[half] += 1
                by_rule[codes[0]] += 1
            else:
                missed.append(w)
        for with_ in entry.get("with", []):
            w = with_.strip()
            if not w:
                continue
            content += 1
            codes = sorted({f.code for pos in _occurrences(text, w) for f in found
                            if f.code[:1] == "S" and f.start < pos + len(w) and pos < f.end})
            if codes:
                content_hit += 1
                touched.append(f"{'/'.join(codes)}: {w[:60]}")
    print(f"\n## trafilatura boilerplate lines (`without` strings standing as a whole line): "
          f"{sum(hit)}/{sum(total)} = {sum(hit) / max(sum(total), 1):.2f}; by rule: {dict(by_rule)}; "
          f"half A {hit[0]}/{total[0]} = {hit[0] / max(total[0], 1):.2f}, "
          f"half B {hit[1]}/{total[1]} = {hit[1] / max(total[1], 1):.2f}")
    print(f"   content (`with` strings) touched by an S finding: {content_hit}/{content}", touched)
    print("   missed (page-specific furniture: headlines, names, site sections):", missed)


def _occurrences(text: str, needle: str) -> list[int]:
    out: list[int] = []
    pos = text.find(needle)
    while pos >= 0:
        out.append(pos)
        pos = text.find(needle, pos + 1)
    return out


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


def languagetool_clean() -> list[tuple[str, str]]:
    """LanguageTool's grammar examples marked correct, and the corrected forms of the incorrect ones."""
    with open(SHARED / "corpora" / "languagetool" / "lt_examples_all_2018.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    texts = dict.fromkeys([r["sentence"] for r in rows if r["label"] == "correct"]
                          + [r["first_corrected_sentence"] for r in rows if r["first_corrected_sentence"]])
    return [("lt.txt", t) for t in texts]


def ftfy_cases() -> list[dict[str, str]]:
    cases: list[dict[str, str]] = []
    for name in ("in-the-wild.json", "synthetic.json", "negative.json"):
        cases += json.loads((SHARED / "corpora" / "ftfy" / name).read_text(encoding="utf-8"))
    return cases


def ftfy_clean() -> list[tuple[str, str]]:
    return [("ftfy.txt", c.get("fixed") or c["original"]) for c in ftfy_cases()]


def recall_ftfy_entities(select: list[str]) -> None:
    import re

    cases = [c["original"] for c in ftfy_cases() if re.search(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", c["original"], re.I)]
    hit = sum(1 for t in cases if any(f.code == "S104" for f in lint.check_text(t, path="a.txt", select=select)))
    print(f"\n## ftfy cases whose original holds an HTML entity: S104 {hit}/{len(cases)}")


# One artefact put into real text: (rule, name, make(a, b) -> (text, start, end) of the artefact or None).
def _inject(a: str, b: str) -> dict[str, tuple[str, int, int] | None]:
    import re

    out: dict[str, tuple[str, int, int] | None] = {}
    ends = a[-1:] in ".!?" and b[:1].isupper()
    out["S101"] = (f"Updated 10:42 GMT {b}", 0, 18) if b[:1].isupper() else None
    words_a = a.split(" ")
    cut = " ".join(words_a[: len(words_a) // 2]).rstrip(",;:")
    teaser = ends and len(words_a) >= 6 and cut[-1:].isalpha() and not b.startswith(("I ", "I'", "I’"))
    out["S103"] = (f"{cut}… {b}", len(cut), len(cut) + 1) if teaser else None  # "I" is capital anywhere
    m = re.search(r"[a-z]'[a-z]", a)
    out["S104"] = (a[: m.start() + 1] + "&#39;" + a[m.start() + 2 :], m.start() + 1, m.start() + 6) if m else None
    out["S105"] = (f"{a}<br>{b}", len(a), len(a) + 4) if ends else None
    out["S106"] = (f"{a}{b}", len(a) - 1, len(a)) if ends and a[-2:-1].islower() else None
    c = re.search(r"[a-z],", a)
    out["S107"] = (a[: c.start() + 1] + " " + a[c.start() + 1 :], c.start() + 1, c.start() + 2) if c else None
    out["S108"] = (f"{a}\n\n{a}", len(a) + 2, 2 * len(a) + 2) if len(a.split()) >= 4 else None
    return out


def recall_injected(refs: list[str], select: list[str], limit: int, examples: int) -> None:
    codes = [c for c in ("S101", "S103", "S104", "S105", "S106", "S107", "S108") if c in selected_codes(select)]
    if not codes:
        return
    tried: collections.Counter[str] = collections.Counter()
    hit: collections.Counter[str] = collections.Counter()
    missed: dict[str, list[str]] = collections.defaultdict(list)
    pairs = list(itertools.pairwise(refs))[:limit]
    for a, b in pairs:
        for code, made in _inject(a, b).items():
            if made is None or code not in codes:
                continue
            text, s, e = made
            tried[code] += 1
            found = lint.check_text(text, path="ref.txt", select=[code])
            if any(f.start < max(e, s + 1) and s < max(f.end, f.start + 1) for f in found):
                hit[code] += 1
            elif len(missed[code]) < examples:
                missed[code].append(text[max(0, s - 40):e + 30])
    print(f"\n## injected artefacts in clean references (synthetic: real sentences, artefact put in by this "
          f"script; {len(pairs)} sentence pairs)")
    print("| rule | found | injected | recall |")
    print("|---|---|---|---|")
    for code in codes:
        print(f"| {code} | {hit[code]} | {tried[code]} | {hit[code] / max(tried[code], 1):.2f} |")
    for code, texts in sorted(missed.items()):
        for t in texts:
            print(f"   missed {code}: …{t!r}…")


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
    run_clean("LanguageTool correct sentences", languagetool_clean(), select, args.examples)
    run_clean("ftfy fixed and negative cases", ftfy_clean(), select, args.examples)
    summary(select)
    recall_mqm_punctuation(rows, select)
    recall_trafilatura(select)
    recall_ftfy_entities(select)
    recall_seed()
    refs = [t for t in clean_mqm(rows) if not lint.check_text(t, path="ref.txt", select=select)]
    recall_injected(refs, select, args.limit * 10 if args.limit else 1000, args.examples)


if __name__ == "__main__":
    main()
