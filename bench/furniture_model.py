"""Train S111's line model (logistic regression, plain Python) on the development half of the labelled
furniture lines that bench/recall.py reads (sites split by a hash of their name), choose its threshold
on a third of the development sites held back from the fit, and write rules/scrape/data/furniture_line.json.
The test half is never read here: bench/recall.py --half test reports it.

    python bench/furniture_model.py [--precision 0.85] [--epochs 400]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import recall
from lint.rules.scrape.furniture_line import FEATURES, MODEL, line_features

Sample = tuple[list[float], bool]


def samples(pages: list[recall.Page]) -> dict[str, list[Sample]]:
    """Labelled lines of the development half's pages, by site."""
    by_site: dict[str, list[Sample]] = {}
    for page in pages:
        if recall.half(page.site) != "dev":
            continue
        feats = line_features(page.lines)
        for k, (x, label) in enumerate(zip(feats, page.labels, strict=True)):
            if label is not None and k > 0:
                by_site.setdefault(page.site, []).append((x, label))
    return by_site


def fit(data: list[Sample], epochs: int, l2: float = 1e-3, rate: float = 0.5) -> list[float]:
    """Batch gradient descent on the log loss, the classes weighted to count alike."""
    w = [0.0] * len(FEATURES)
    pos = sum(1 for _, y in data if y)
    neg = len(data) - pos
    cw = {True: len(data) / (2 * max(pos, 1)), False: len(data) / (2 * max(neg, 1))}
    for _ in range(epochs):
        grad = [0.0] * len(w)
        for x, y in data:
            z = sum(a * b for a, b in zip(w, x, strict=True))
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            g = (p - (1.0 if y else 0.0)) * cw[y]
            for i, v in enumerate(x):
                grad[i] += g * v
        w = [wi - rate * (gi / len(data) + l2 * wi) for wi, gi in zip(w, grad, strict=True)]
    return w


def score(w: list[float], x: list[float]) -> float:
    z = sum(a * b for a, b in zip(w, x, strict=True))
    return 1 / (1 + math.exp(-max(-30, min(30, z))))


def threshold_for(w: list[float], data: list[Sample], precision: float) -> tuple[float, float, float]:
    """The lowest threshold whose precision on ``data`` reaches ``precision``: (threshold, precision, recall)."""
    scored = sorted(((score(w, x), y) for x, y in data), reverse=True)
    total = sum(1 for _, y in scored if y)
    best = (1.0, 1.0, 0.0)
    tp = fp = 0
    for s, y in scored:
        tp += y
        fp += not y
        if tp and tp / (tp + fp) >= precision and tp / total > best[2]:
            best = (s, tp / (tp + fp), tp / total)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--precision", type=float, default=0.85)
    ap.add_argument("--epochs", type=int, default=400)
    args = ap.parse_args()
    pages = recall.aeb_pages("newspaper,readability,boilerpipe,goose3,justext,trafilatura".split(",")) + \
        recall.trafilatura_pages()
    by_site = samples(pages)
    # A third of the development sites choose the threshold; the model is fitted on the rest.
    held = {s for s in by_site if int(hashlib.sha256(("threshold:" + s).encode()).hexdigest(), 16) % 3 == 0}
    train = [x for s, xs in by_site.items() if s not in held for x in xs]
    tune = [x for s, xs in by_site.items() if s in held for x in xs]
    random.Random(0).shuffle(train)
    w = fit(train, args.epochs)
    t, p, r = threshold_for(w, tune, args.precision)
    print(f"fit on {len(train)} lines of {len(by_site) - len(held)} development sites "
          f"({sum(y for _, y in train)} furniture); threshold chosen on {len(tune)} lines of {len(held)} other "
          f"development sites: {t:.3f} (precision {p:.2f}, recall {r:.2f} there)")
    for name, wi in sorted(zip(FEATURES, w, strict=True), key=lambda z: -abs(z[1])):
        print(f"  {name:>14} {wi:+.2f}")
    MODEL.write_text(json.dumps({
        "about": "S111 line model: logistic regression over FEATURES, trained by bench/furniture_model.py on the "
                 "development half (sites split by sha256 of the site name) of the article-extraction "
                 "benchmark (github.com/scrapinghub/article-extraction-benchmark, extractor outputs) and "
                 "trafilatura's English evaluation pages (../shared/corpora/trafilatura)",
        "features": list(FEATURES),
        "weights": [round(x, 4) for x in w],
        "threshold": round(t, 4),
    }, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MODEL}")


if __name__ == "__main__":
    main()
