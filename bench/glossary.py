"""What a house glossary costs: ../shared/corpus linted with and without a 500-entry substitution rule.

The glossary is the kind a newsroom keeps: place names in their current spelling
(Kiev → Kyiv), style-guide phrases (in order to → to, e-mail → email) and British
spellings in an American house style (initialise → initialize), the last made
from the -ize words of the corpus itself so that some entries really occur.
It is written as YAML and loaded through the real config path, then every file
of the corpus is parsed and checked in process (``Linter.findings``), best of
``--repeat`` runs. Usage:

    python bench/glossary.py [--entries 500] [--repeat 3] [--select W,E] [--naive]

``--naive`` also times the same glossary as one rule per entry (500 scans per
segment) on a twentieth of the corpus, for comparison.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml
from corpus import CORPUS, corpus_files

PLACES = {
    "Kiev": "Kyiv", "Kharkov": "Kharkiv", "Lvov": "Lviv", "Odessa": "Odesa", "Nikolaev": "Mykolaiv",
    "Zaporozhye": "Zaporizhzhia", "Chernigov": "Chernihiv", "Lugansk": "Luhansk", "Rovno": "Rivne",
    "Vinnitsa": "Vinnytsia", "Zhitomir": "Zhytomyr", "Ternopol": "Ternopil", "Uzhgorod": "Uzhhorod",
    "Chernovtsy": "Chernivtsi", "Ivano-Frankovsk": "Ivano-Frankivsk", "Artemovsk": "Bakhmut",
    "Dnepropetrovsk": "Dnipro", "Kirovograd": "Kropyvnytskyi", "Bombay": "Mumbai", "Calcutta": "Kolkata",
    "Madras": "Chennai", "Peking": "Beijing", "Rangoon": "Yangon", "Ceylon": "Sri Lanka",
    "Swaziland": "Eswatini", "Byelorussia": "Belarus", "Kirghizia": "Kyrgyzstan", "Turkmenia": "Turkmenistan",
    "Moldavia": "Moldova", "Bangalore": "Bengaluru", "Gurgaon": "Gurugram", "Kampuchea": "Cambodia",
    "Upper Volta": "Burkina Faso", "Dahomey": "Benin", "Bechuanaland": "Botswana", "Nyasaland": "Malawi",
    "Tanganyika": "Tanzania", "Siam": "Thailand", "Persia": "Iran", "Kazakstan": "Kazakhstan",
}
STYLE = {
    "e-mail": "email", "web site": "website", "on-line": "online", "Web page": "webpage",
    "in order to": "to", "utilize": "use", "whilst": "while", "amongst": "among", "irregardless": "regardless",
    "prior to": "before", "in spite of": "despite", "with regards to": "regarding", "each and every": "each",
    "first and foremost": "first", "in the event that": "if", "due to the fact that": "because",
    "for the purpose of": "for", "has the ability to": "can", "in close proximity to": "near",
    "end result": "result", "past history": "history", "free gift": "gift", "advance planning": "planning",
    "totally unique": "unique", "very unique": "unique", "cancelled": "canceled", "travelled": "traveled",
    "modelling": "modeling", "labelled": "labeled", "judgement": "judgment",
    "acknowledgement": "acknowledgment", "catalogue": "catalog", "grey": "gray", "programme": "program",
    "licence": "license", "defence": "defense", "offence": "offense", "analyse": "analyze",
    "paralyse": "paralyze", "behaviour": "behavior", "colour": "color", "favour": "favor", "honour": "honor",
    "labour": "labor", "neighbour": "neighbor", "humour": "humor", "flavour": "flavor", "rumour": "rumor",
    "harbour": "harbor", "endeavour": "endeavor", "centre": "center", "theatre": "theater", "fibre": "fiber",
    "litre": "liter", "metre": "meter", "sombre": "somber", "spectre": "specter",
    "aeroplane": "airplane", "aluminium": "aluminum", "tyre": "tire", "tyres": "tires", "kerb": "curb",
    "pyjamas": "pajamas", "plough": "plow", "sceptic": "skeptic", "sceptical": "skeptical", "mould": "mold",
    "moult": "molt", "smoulder": "smolder", "draught": "draft", "storey": "story", "manoeuvre": "maneuver",
    "oestrogen": "estrogen", "paediatric": "pediatric", "anaesthesia": "anesthesia",
    "encyclopaedia": "encyclopedia", "foetus": "fetus", "haemorrhage": "hemorrhage", "leukaemia": "leukemia",
    "orthopaedic": "orthopedic", "diarrhoea": "diarrhea", "oesophagus": "esophagus", "jewellery": "jewelry",
    "enrol": "enroll", "fulfil": "fulfill", "instalment": "installment", "skilful": "skillful",
    "wilful": "willful", "distil": "distill", "analogue": "analog", "catalogues": "catalogs", "gaol": "jail",
    "ageing": "aging", "artefact": "artifact", "artefacts": "artifacts", "cosy": "cozy", "practise": "practice",
    "pretence": "pretense", "sulphur": "sulfur", "yoghurt": "yogurt", "cheque": "check", "cheques": "checks",
    "programmes": "programs", "defences": "defenses", "licences": "licenses", "offences": "offenses",
    "centres": "centers", "metres": "meters", "litres": "liters", "theatres": "theaters", "fibres": "fibers",
    "kilometre": "kilometer", "kilometres": "kilometers", "millimetre": "millimeter", "centimetre": "centimeter",
}
_IZE = re.compile(r"^[a-z]{3,}(iz|yz)(e|es|ed|ing|ation|ations|er|ers|able)$")
_ELED = re.compile(r"^[a-z]*(?:od|ab|nc|av|ann|und|ev|tot|ued|eu)e(l)(ed|ing)$")
_NOT_IZE = ("siz", "priz", "seiz", "baptiz")
_OR_STEMS = ("col", "behavi", "fav", "hon", "hum", "lab", "neighb", "rum", "flav", "harb", "vap", "vig", "rig",
             "arm", "cand", "clam", "endeav", "ferv", "od", "parl", "sav", "splend", "tum", "val")


def glossary(texts: list[str], entries: int) -> dict[str, str]:
    """``entries`` swaps: places, style phrases, British forms of the corpus's -ize words, then -our words."""
    swap = dict(PLACES)
    swap.update(STYLE)
    words = Counter(w for t in texts for w in re.findall(r"\b[a-z]+\b", t))
    for word, _ in words.most_common():
        if len(swap) >= entries:
            break
        if word in swap or any(x in word for x in _NOT_IZE):
            continue
        m = _IZE.match(word) or _ELED.match(word)
        if m and m.re is _IZE:
            swap.setdefault(word[: m.start(1)] + m.group(1).replace("z", "s") + m.group(2), word)
        elif m and words[word] > 1:  # labeled -> labelled, modeling -> modelling
            swap.setdefault(word[: m.end(1)] + "l" + m.group(2), word)
    for stem in _OR_STEMS:  # color -> colour, colors -> colours, colored -> coloured ...
        for suffix in ("", "s", "ed", "ing"):
            if len(swap) < entries:
                swap.setdefault(stem + "our" + suffix, stem + "or" + suffix)
    return dict(list(swap.items())[:entries])


def config_yaml(swap: dict[str, str], per_entry: bool = False) -> str:
    if per_entry:
        rules = [{"code": f"X.naive.g{i}", "kind": "substitution", "swap": {k: v}} for i, (k, v) in enumerate(swap.items())]
    else:
        rules = [{"code": "X.bench.glossary", "kind": "substitution", "swap": swap}]
    return yaml.safe_dump({"custom-rules": rules}, allow_unicode=True, sort_keys=False)


def load(text: str, folder: Path):  # type: ignore[no-untyped-def]
    from lint.config import load_config

    path = folder / ".copylint.yaml"
    path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    config = load_config(path)
    return config, time.perf_counter() - start


def run(sources, config, select):  # type: ignore[no-untyped-def]
    """Parse, check and filter every source (``Linter.findings``): seconds and findings."""
    from lint.engine import Linter, Selection

    linter = Linter(Selection(select=select))
    linter.checker(config)  # prepare the rules outside the timing, as a CLI run does once
    start = time.perf_counter()
    found = 0
    for src in sources:
        found += len(linter.findings(src, config))
    return time.perf_counter() - start, found


def check_only(docs, config, select):  # type: ignore[no-untyped-def]
    """The check stage alone on documents parsed beforehand."""
    from lint.engine import Linter, Selection

    checker = Linter(Selection(select=select)).checker(config)
    start = time.perf_counter()
    for doc in docs:
        checker.check(doc)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--entries", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--select", default=None, help="comma-separated selectors for both runs (default: the built-in rules on by default)")
    ap.add_argument("--naive", action="store_true", help="also time one rule per entry on 1/20 of the corpus")
    args = ap.parse_args()

    from lint.config import Config
    from lint.engine import Linter
    from lint.model import Source

    files = corpus_files(args.corpus)
    texts = [p.read_text(encoding="utf-8") for p in files]
    sources = [Source(str(p), t) for p, t in zip(files, texts, strict=True)]
    size = sum(len(t.encode()) for t in texts) / 1e6
    swap = glossary(texts, args.entries)
    print(f"corpus: {args.corpus} ({len(files)} files, {size:.1f} MB); glossary: {len(swap)} entries")

    from lint import registry

    # Explicit selections: the registry is process-wide, so "the default rules" would include the glossary
    # rule once its config is loaded.
    base_select = tuple(args.select.split(",")) if args.select else tuple(
        r.code for r in registry.builtin_rules() if getattr(r, "default_enabled", True))
    with_select = (*base_select, "X.bench")
    with tempfile.TemporaryDirectory() as tmp:
        config, load_s = load(config_yaml(swap), Path(tmp))
        print(f"loading the glossary rule (validate, compile, register): {load_s * 1000:.0f} ms")
        base_cfg = Config()
        docs = [Linter().document(src, base_cfg) for src in sources]
        # Interleaved, best of each: the machine is shared, so noise hits both sides alike.
        base = best = check_base = check_with = float("inf")
        hits = base_hits = 0
        for _ in range(args.repeat):
            t, base_hits = run(sources, base_cfg, base_select)
            base = min(base, t)
            t, hits = run(sources, config, with_select)
            best = min(best, t)
            check_base = min(check_base, check_only(docs, base_cfg, base_select))
            check_with = min(check_with, check_only(docs, config, with_select))
        print(f"parse + check, without the glossary: {base:.2f} s ({size / base:.1f} MB/s)")
        print(f"parse + check, with the glossary:    {best:.2f} s ({size / best:.1f} MB/s), "
              f"{hits - base_hits} glossary findings")
        print(f"check stage alone: {check_base:.2f} s without, {check_with:.2f} s with "
              f"(the glossary costs {check_with - check_base:.2f} s)")
        overhead = (best - base) / base * 100
        print(f"overhead: {overhead:+.1f}% (acceptance: at most +30%)")
        if args.naive:
            sample = sources[::20]
            naive_cfg, naive_load = load(config_yaml(swap, per_entry=True), Path(tmp))
            t_one, _ = run(sample, config, (*base_select, "X.bench"))
            t_naive, _ = run(sample, naive_cfg, (*base_select, "X.naive"))
            print(f"1/20 of the corpus: one matcher {t_one:.2f} s, one rule per entry {t_naive:.2f} s "
                  f"(loading those {len(swap)} rules: {naive_load:.1f} s)")
    sys.exit(0)


if __name__ == "__main__":
    main()
