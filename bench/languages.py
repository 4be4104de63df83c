"""Languages: copylint on real human-translated documentation, and recall on artifacts injected into it.

Two measurements, on folders of real translated Markdown you fetch yourself (nothing here ships text):

    python bench/languages.py real  --repo fr=PATH [--repo ja=PATH ...] [--half dev|test|all] [--sample 50]
    python bench/languages.py inject --text fr=PATH --text de=PATH ... --english PATH [--half dev|test|all]

`real` lints every Markdown file (`.md`, `.mdx`) of each folder as copylint does with no config: the default
rules, each file read by its extension's format (`.mdx` by the MDX reader, whose ESM and JSX are markup) and
each file's language its own or detected; it prints findings per 10,000 words, per rule, and a seeded random
sample of findings with their context, to judge by hand.

`inject` takes real paragraphs of each language (files identified as that language, paragraphs of 12 words
or more), injects one artifact of one kind into a copy, and counts the injections whose span a finding of
the expected rule touches (recall), per kind; it also lints the untouched paragraphs and prints their
findings per 10,000 words. Kinds: an English sentence (real, from --english) left in fr/de/es/ja/zh text
(L101); straight quotes in text that uses its language's marks (L102: around words in fr/de/es/it/pt, around
a few CJK characters in ja/zh); a missing French no-break space (L103); an ASCII full stop or comma after
CJK text (L105); a doubled word outside CJK (T102); a capitalized function word mid-sentence in fr/es/it/pt
(T101).

Base text for `inject`: documentation has real leftovers of the kinds measured (English left in French
pages), which count against the untouched figure; professionally translated news is cleaner:
`python bench/news_references.py OUT --ntrex … --wmt21 … --wmt24 …` writes it as Markdown. An English
sentence goes between sentences outside quotations (a quoted English sentence is someone's words, which
L101 leaves alone); straight quotes go into a paragraph that has none.

Files are split into halves by a hash of their path: `dev` (tune on it) and `test` (report it).
Words: letter runs outside CJK, plus one word per two CJK characters.

The untouched text is real text, and real text has real defects (straight quotes among “ ” in one
article, ASCII commas in Chinese, a space mix between Chinese and Latin words): its figure counts them
with the false findings. `--list-untouched` prints each untouched finding of the measured rules with
its context, to judge; `--judged FILE` reads such judgements (a line per finding: `real`, `false` or
`artefact` (made by how the base text was cut from its source: a quotation whose closing sentence the
treebank left out), a tab, the finding's key as `--list-untouched` prints it, and optionally a tab and
the reason) and splits the figure into judged real, judged false, artefact and not judged, so a change that adds a finding shows as not judged (`--all-rules`: the
findings of every default rule, the figure the issue sets, not only the measured rules'). Judge the `dev` half
while tuning; the `test` half once, at the end.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lint.config import Config
from lint.engine import Linter
from lint.model import Finding, Source

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_LETTERS = re.compile(r"[^\W\d_\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+")


def words(text: str) -> float:
    return len(_LETTERS.findall(text)) + len(_CJK.findall(text)) / 2


def half_of(path: Path) -> str:
    return "dev" if hashlib.sha1(str(path.name + str(path.parent.name)).encode()).digest()[0] % 2 == 0 else "test"


# MDX pages (Astro, Docusaurus) are read as the Markdown they mostly are by `inject`, which takes their
# paragraphs. `real` measures what a user gets with no config, the MDX reader: read as Markdown, an MDX
# page's `import { Tabs } from '@astrojs/starlight/components';` was prose (P102's straight quotes) and its
# JSX props (`labels={{ framework: 'Framework' }}`) French text (L103).
MDX = {"*.mdx": "markdown"}


def markdown_files(root: Path, half: str) -> list[Path]:
    files = sorted(p for p in root.rglob("*.md*") if p.suffix in (".md", ".mdx") and p.is_file()
                   and "node_modules" not in p.parts)
    return [p for p in files if half == "all" or half_of(p) == half]


def prose_words(linter: Linter, source: Source, config: Config) -> tuple[float, str]:
    doc = linter.document(source, config)
    return sum(words(seg.text) for seg in doc.segments), doc.language


# -- real ----------------------------------------------------------------------------------------------


def real(repos: list[tuple[str, Path]], half: str, sample: int, seed: int) -> None:
    linter = Linter()
    config = Config()
    for name, root in repos:
        files = markdown_files(root, half)
        total_words = 0.0
        found: list[tuple[Finding, str]] = []
        languages: Counter[str] = Counter()
        for path in files:
            text = path.read_text(encoding="utf-8", errors="replace")
            source = Source(str(path), text)
            n, language = prose_words(linter, source, config)
            total_words += n
            languages[language] += 1
            found.extend((f, text) for f in linter.findings(source, config))
        per_rule = Counter(f.code for f, _ in found)
        rate = len(found) / total_words * 10_000 if total_words else 0.0
        print(f"\n== {name} ({root}), half {half}: {len(files)} files, {total_words:,.0f} words, "
              f"languages {dict(languages.most_common(4))}")
        print(f"findings: {len(found)} = {rate:.2f} per 10k words; by rule: {dict(per_rule.most_common())}")
        rng = random.Random(seed)
        picked = rng.sample(found, min(sample, len(found)))
        for i, (f, text) in enumerate(sorted(picked, key=lambda p: (p[0].path, p[0].start)), 1):
            before = text[max(0, f.start - 50):f.start].replace("\n", "⏎")
            span = text[f.start:f.end][:80].replace("\n", "⏎")
            after = text[f.end:f.end + 30].replace("\n", "⏎")
            where = Path(f.path).relative_to(root)
            print(f"{i:3}. {f.code} {where}:{text.count(chr(10), 0, f.start) + 1} {f.message}\n"
                  f"     …{before}⟦{span}⟧{after}…")


# -- inject --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Injected:
    text: str
    start: int  # the artifact's span in ``text``
    end: int


Injector = Callable[[str, random.Random], "Injected | None"]

# A sentence ends at . ! ? before a space (not in 20.000 or 2.53) or at a CJK end mark.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])\s*")
# Quotations and parentheses: an English sentence inside one is someone's words or a gloss, which L101
# leaves alone by design (news text quotes a lot), so the English sentence goes between sentences outside.
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|„[^“”]*[“”]|\"[^\"]*\"|「[^」]*」|『[^』]*』|‘[^’]*’|\([^)]*\)|（[^）]*）")


def quoted_spans(paragraph: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTED.finditer(paragraph)]


def english_sentence(english: list[str]) -> Injector:
    def inject(paragraph: str, rng: random.Random) -> Injected | None:
        sentence = rng.choice(english)
        inside = quoted_spans(paragraph)
        ends = [m.end() for m in _SENTENCE_END.finditer(paragraph) if 0 < m.end() < len(paragraph)
                and not any(a < m.end() < b for a, b in inside)]
        at = rng.choice(ends) if ends else len(paragraph)
        sep = "" if _CJK.search(paragraph[at - 1:at] or " ") else " "
        if at == len(paragraph):
            sep = "" if _CJK.search(paragraph[-1:]) else " "
            new = paragraph + sep + sentence
            return Injected(new, len(paragraph) + len(sep), len(new))
        new = paragraph[:at] + sentence + sep + paragraph[at:]
        return Injected(new, at, at + len(sentence))
    return inject


_WORD_PAIR = re.compile(r"(?<=[a-zà-ÿ] )([a-zà-ÿ]{3,}(?: [a-zà-ÿ]{3,}){0,2})(?= [a-zà-ÿ])")


def straight_quotes(paragraph: str, rng: random.Random) -> Injected | None:
    if '"' in paragraph:
        return None  # a paragraph that quotes with straight quotes already does not use its language's marks
    spans = list(_WORD_PAIR.finditer(paragraph))
    if not spans:
        return None
    m = rng.choice(spans)
    new = paragraph[:m.start()] + '"' + m.group(1) + '"' + paragraph[m.end():]
    return Injected(new, m.start(), m.end() + 2)


# A few CJK characters inside a run of them: a term a Japanese or Chinese text quotes (English
# keyboards and MT engines quote it "强力", not “强力” or 「強力」).
_CJK_TERM = re.compile(r"(?<=[\u3040-\u30ff\u3400-\u9fff])([\u3040-\u30ff\u3400-\u9fff]{2,6})(?=[\u3040-\u30ff\u3400-\u9fff])")


def straight_quotes_cjk(paragraph: str, rng: random.Random) -> Injected | None:
    if '"' in paragraph:
        return None
    spans = list(_CJK_TERM.finditer(paragraph))
    if not spans:
        return None
    m = rng.choice(spans)
    new = paragraph[:m.start()] + '"' + m.group(1) + '"' + paragraph[m.end():]
    return Injected(new, m.start(), m.end() + 2)


_SPACED_MARK = re.compile(r"(?<=\w)[ \u00a0\u202f]([?!;:])(?=\s|$)")


def missing_nbsp(paragraph: str, rng: random.Random) -> Injected | None:
    spans = list(_SPACED_MARK.finditer(paragraph))
    if not spans:
        return None
    m = rng.choice(spans)
    new = paragraph[:m.start()] + m.group(1) + paragraph[m.end():]
    return Injected(new, m.start(), m.start() + 1)


_CJK_MARK = re.compile(r"(?<=[\u3040-\u30ff\u3400-\u9fff])([。、，])")


def ascii_after_cjk(paragraph: str, rng: random.Random) -> Injected | None:
    spans = list(_CJK_MARK.finditer(paragraph))
    if not spans:
        return None
    m = rng.choice(spans)
    ascii_mark = "." if m.group(1) == "。" else ","
    new = paragraph[:m.start()] + ascii_mark + paragraph[m.end():]
    return Injected(new, m.start(), m.start() + 1)


_WORD = re.compile(r"(?<=[\s(])([^\W\d_]{4,})(?=[\s,.])")


def doubled_word(paragraph: str, rng: random.Random, legitimate: frozenset[str] = frozenset()) -> Injected | None:
    spans = [m for m in _WORD.finditer(paragraph) if m.group(1).islower() and m.group(1) not in legitimate]
    if not spans:
        return None
    m = rng.choice(spans)
    new = paragraph[:m.end()] + " " + m.group(1) + paragraph[m.end():]
    return Injected(new, m.end(), m.end() + 1 + len(m.group(1)))


def capital_function_word(function_words: list[str]) -> Injector:
    pattern = re.compile(r"(?<=[a-zà-ÿ] )(" + "|".join(sorted(function_words, key=len, reverse=True))
                         + r")(?= [a-zà-ÿ])")

    def inject(paragraph: str, rng: random.Random) -> Injected | None:
        spans = list(pattern.finditer(paragraph))
        if not spans:
            return None
        m = rng.choice(spans)
        new = paragraph[:m.start()] + m.group(1).capitalize() + paragraph[m.end():]
        return Injected(new, m.start(), m.end())
    return inject


def files_in(root: Path, language: str, half: str, linter: Linter) -> Iterator[Source]:
    """The files of the half identified as ``language``."""
    config = Config(formats=dict(MDX))
    for path in markdown_files(root, half):
        source = Source(str(path), path.read_text(encoding="utf-8", errors="replace"))
        if linter.document(source, config).language.split("-")[0] == language:
            yield source


def paragraphs_of(sources: list[Source], language: str, linter: Linter) -> Iterator[str]:
    """Paragraphs of 12 words or more."""
    config = Config(language=language, formats=dict(MDX))
    for source in sources:
        doc = linter.document(source, config)
        for seg in doc.segments:
            if seg.kind == "paragraph" and words(seg.text) >= 12 and "\ufffc" not in seg.text:
                yield seg.text


def english_sentences(root: Path, linter: Linter) -> list[str]:
    out: list[str] = []
    for path in markdown_files(root, "all")[:200]:
        doc = linter.document(Source(str(path), path.read_text(encoding="utf-8")), Config())
        for seg in doc.segments:
            if seg.kind != "paragraph" or "\ufffc" in seg.text:
                continue
            for s in _SENTENCE_END.split(" ".join(seg.text.split())):
                if 8 <= len(s.split()) <= 30 and s[:1].isupper() and s.endswith("."):
                    out.append(s)
    return out


def untouched_key(f: Finding, text: str) -> str:
    """A finding's key in a judgement file: its rule, file and the text up to its span's end (20
    characters before it, so that an empty span, a missing space, is told apart too), stable while
    other findings come and go."""
    where = "/".join(Path(f.path).parts[-3:])
    return f"{f.code}\t{where}\t{text[max(0, f.start - 20):f.end]!r}"


def judgements(path: Path | None) -> dict[str, str]:
    if path is None:
        return {}
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        # verdict, then the key's three fields (code, file, text as repr: no tab inside), then a reason
        verdict, *key = line.split("\t")[:4]
        if verdict in VERDICTS and len(key) == 3:
            out["\t".join(key)] = verdict
    return out


VERDICTS = ("real", "false", "artefact")


def inject(texts: list[tuple[str, Path]], english_root: Path, half: str, per_kind: int, seed: int,
           list_untouched: bool = False, judged: Path | None = None, all_rules: bool = False) -> None:
    from lint.language import pack

    linter = Linter()
    config_for = {lang: Config(language=lang, formats=dict(MDX)) for lang, _ in texts}
    english = english_sentences(english_root, linter)
    by_language: dict[str, list[str]] = {}
    files: dict[str, list[Source]] = {}
    for lang, root in texts:
        files.setdefault(lang, []).extend(files_in(root, lang, half, linter))
    for lang, sources in files.items():
        by_language[lang] = list(paragraphs_of(sources, lang, linter))
    kinds: list[tuple[str, str, str, Injector]] = []
    for lang in by_language:
        kinds.append(("english-sentence", lang, "L101", english_sentence(english)))
        legitimate = frozenset((pack(lang) or {}).get("repeats") or ())
        if lang not in ("ja", "zh", "ko"):
            # Not in CJK text: its words are not set apart by spaces, reduplication is grammar (看看,
            # 常常, 時々), and the Latin words the injector doubles are one or two a page (0/0, 1/2).
            kinds.append(("doubled-word", lang, "T102",
                          lambda p, r, legitimate=legitimate: doubled_word(p, r, legitimate)))
        if lang in ("fr", "de", "es", "it", "pt", "ru", "pl"):
            kinds.append(("straight-quotes", lang, "L102", straight_quotes))
        if lang == "fr":
            kinds.append(("missing-nbsp", lang, "L103", missing_nbsp))
        if lang in ("ja", "zh"):
            kinds.append(("ascii-after-cjk", lang, "L105", ascii_after_cjk))
        if lang in ("fr", "es", "it", "pt"):
            words_of = (pack(lang) or {}).get("function-words") or []
            kinds.append(("mid-sentence-capital", lang, "T101", capital_function_word(words_of)))
    # Last, so that the kinds above draw the same paragraphs as before this one was added.
    kinds.extend(("straight-quotes", lang, "L102", straight_quotes_cjk) for lang in by_language if lang in ("ja", "zh"))
    print(f"paragraphs: { {k: len(v) for k, v in by_language.items()} }; English sentences: {len(english)}")
    # Untouched text: the files the paragraphs come from, as they are, in their language; findings of
    # the rules this benchmark measures, and of all default rules.
    measured = {"L101", "L102", "L103", "L104", "L105", "L106", "L107", "T101", "T102"}
    verdicts = judgements(judged)
    for lang, sources in files.items():
        found = [(f, source.text) for source in sources for f in linter.findings(source, config_for[lang])]
        n = sum(prose_words(linter, source, config_for[lang])[0] for source in sources)
        ours = [(f, text) for f, text in found if f.code in measured]
        # (With --all-rules, every default rule's finding is listed and judged: the figure the issue
        # sets, whose real defects of the base text stay.)
        listed = found if all_rules else ours
        print(f"untouched {lang}: {n:,.0f} words; measured rules {len(ours)} = {len(ours) / n * 1e4:.2f}/10k "
              f"{dict(Counter(f.code for f, _ in ours))}; all default rules {len(found) / n * 1e4:.2f}/10k")
        if judged is not None:
            said = Counter(verdicts.get(untouched_key(f, text), "not judged") for f, text in listed)
            print(f"    judged ({'all default rules' if all_rules else 'measured rules'}): "
                  + "; ".join(f"{v} {said[v]} = {said[v] / n * 1e4:.2f}/10k"
                                           for v in (*VERDICTS, "not judged")))
        if list_untouched:
            for f, text in listed:
                context = text[max(0, f.start - 60):f.start] + "⟦" + text[f.start:f.end] + "⟧" + text[f.end:f.end + 40]
                print(f"    {verdicts.get(untouched_key(f, text), '?')}\t{untouched_key(f, text)}\n"
                      f"        {context!r} | {f.message[:120]}")
    rng = random.Random(seed)
    for kind, lang, code, injector in kinds:
        paragraphs = by_language[lang]
        # A quotation kind needs a text that shows its language's marks: the paragraphs are joined to
        # a document with one paragraph that uses them, as a page of that site would.
        hits = tried = 0
        misses: list[str] = []
        for paragraph in rng.sample(paragraphs, min(len(paragraphs), per_kind * 3)):
            if tried >= per_kind:
                break
            injected = injector(paragraph, rng)
            if injected is None:
                continue
            tried += 1
            prefix = ""
            if code == "L102":
                first = ((pack(lang) or {}).get("quotes") or [["“", "”"]])[0]
                prefix = f"{first[0]}Exemple{first[1]}, {first[0]}deux{first[1]}.\n\n"
            text = prefix + injected.text + "\n"
            offset = len(prefix)
            found = linter.findings(Source(f"injected.{lang}.md", text), config_for[lang])
            ok = any(f.code == code and f.start < offset + injected.end and offset + injected.start <= f.end
                     for f in found)
            hits += ok
            if not ok and len(misses) < 3:
                misses.append(injected.text[max(0, injected.start - 40):injected.end + 20].replace("\n", " "))
        recall = hits / tried if tried else 0.0
        print(f"{kind:22} {lang}  {code}: recall {hits}/{tried} = {recall:.2f}")
        for miss in misses:
            print(f"      missed: …{miss}…")


def _pairs(values: list[str]) -> list[tuple[str, Path]]:
    out = []
    for v in values:
        lang, _, path = v.partition("=")
        out.append((lang, Path(path)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="mode", required=True)
    r = sub.add_parser("real")
    r.add_argument("--repo", action="append", required=True, help="NAME=PATH of a folder of Markdown")
    r.add_argument("--half", choices=("dev", "test", "all"), default="all")
    r.add_argument("--sample", type=int, default=50)
    r.add_argument("--seed", type=int, default=16)
    i = sub.add_parser("inject")
    i.add_argument("--text", action="append", required=True, help="LANG=PATH of a folder of Markdown")
    i.add_argument("--english", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "corpus")
    i.add_argument("--half", choices=("dev", "test", "all"), default="all")
    i.add_argument("--per-kind", type=int, default=100)
    i.add_argument("--seed", type=int, default=16)
    i.add_argument("--list-untouched", action="store_true",
                   help="print each finding of the measured rules on the untouched text, with its key and context")
    i.add_argument("--judged", type=Path, help="judgements of untouched findings: real|false, a tab, a key")
    i.add_argument("--all-rules", action="store_true",
                   help="list and judge the untouched findings of every default rule, not only the measured ones")
    args = ap.parse_args()
    if args.mode == "real":
        real(_pairs(args.repo), args.half, args.sample, args.seed)
    else:
        inject(_pairs(args.text), args.english, args.half, args.per_kind, args.seed, args.list_untouched, args.judged,
               args.all_rules)


if __name__ == "__main__":
    main()
