"""Build a JSONL corpus (one record per document, field `text`, field `id`) from ../shared/corpora, for
corpus mode's benchmarks: MQM TED talks (each system's translation of a talk, markers removed), the
trafilatura pages' kept and dropped strings, LanguageTool's and proselint's example sentences (in
groups of 20) and ftfy's test strings.

    python bench/corpus_jsonl.py OUT.jsonl [--copies N]

``--copies N`` writes the records N times (ids suffixed), for memory-against-input-size runs.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from corpus import SHARED

CORPORA = SHARED / "corpora"
_MARK = re.compile(r"</?v>")


def _tsv(path: Path) -> Iterator[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def records() -> Iterator[dict[str, str]]:
    talks: dict[tuple[str, str], dict[int, str]] = defaultdict(dict)
    for row in _tsv(CORPORA / "mqm-ted-zhen" / "ted_zhen_mqm_ted_zhen.tsv"):
        talks[(row["system"], row["doc"])][int(row["seg_id"])] = _MARK.sub("", row["target"])
    for (system, doc), segs in sorted(talks.items()):
        yield {"id": f"mqm/{system}/{doc}", "text": "\n\n".join(segs[k] for k in sorted(segs)) + "\n"}
    pages = json.loads((CORPORA / "trafilatura" / "evaldata_english_subset.json").read_text(encoding="utf-8"))
    for url, page in sorted(pages.items()):
        kept = [s for s in page.get("with", []) if isinstance(s, str)]
        dropped = [s for s in page.get("without", []) if isinstance(s, str)]
        yield {"id": f"trafilatura/{url}", "text": "\n\n".join(kept + dropped) + "\n"}
    for name in ("languagetool/lt_examples_all_2018.tsv", "languagetool/lt_java_rule_tests.tsv",
                 "proselint/proselint_examples.tsv"):
        path = CORPORA / name
        if not path.exists():
            continue
        rows = [r for r in _tsv(path)]
        column = next((c for c in ("sentence", "text", "example") if rows and c in rows[0]), None)
        if column is None:
            continue
        sentences = [r[column] for r in rows if r.get(column)]
        for i in range(0, len(sentences), 20):
            yield {"id": f"{name}/{i}", "text": " ".join(sentences[i:i + 20]) + "\n"}
    for name in ("in-the-wild.json", "synthetic.json", "negative.json", "known-failures.json"):
        path = CORPORA / "ftfy" / name
        if not path.exists():
            continue
        cases = json.loads(path.read_text(encoding="utf-8"))
        for i, case in enumerate(cases):
            text = case.get("original") if isinstance(case, dict) else None
            if isinstance(text, str):
                yield {"id": f"ftfy/{name}/{i}", "text": text}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--copies", type=int, default=1)
    args = ap.parse_args()
    all_records = list(records())
    with args.out.open("w", encoding="utf-8") as handle:
        for copy in range(args.copies):
            for r in all_records:
                rid = r["id"] if copy == 0 else f"{r['id']}#{copy}"
                handle.write(json.dumps({"id": rid, "text": r["text"]}, ensure_ascii=False) + "\n")
    size = args.out.stat().st_size
    print(f"{args.out}: {len(all_records) * args.copies} records, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
