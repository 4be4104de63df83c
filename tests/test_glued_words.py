"""T109 (glued-words): two content words joined are flagged only in a document without code; each sign
of code the rule reads turns them off, and look-alikes that are not code do not."""

import random
import re

import pytest
from lint.rules.translation import glued_words

from lint.engine import check_text
from lint.model import Document, Segment, Source

GLUED = "It was the first private company to have a rocketreach outer space."


def t109(text: str) -> list[str]:
    return [text[f.start:f.end] for f in check_text(text, path="a.txt", select=["T109"])]


@pytest.mark.parametrize("code", [
    "Call `run` first.", "Set max_size first.", "Use _private_ names.", "Call run() first.",
    "Call os.path.join(here) first.", "Use std::vec here.", "Map x => y here.", "Map x -> y here.",
    "Use {name} here.", "Close it with } here.",
])
def test_a_sign_of_code_turns_compounds_off(code):
    assert t109(f"{GLUED}\n\n{code}\n") == []


@pytest.mark.parametrize("prose", [
    "Nothing here is code.", "Use snake _ case.", "The value (see above) holds.", "Call () alone.",
    "Call Os.path(here).", "Call 9os.path(here).", "It is one. Then(again) not.", "Time: 10:30 today.",
])
def test_prose_that_looks_like_code_does_not(prose):
    assert t109(f"{GLUED}\n\n{prose}\n") == ["rocketreach"]


# -- the runs read in C must give the words _CANDIDATE gives (a speed change: the same findings) ----------


def test_the_runs_that_are_candidates_are_the_words_the_candidate_pattern_finds() -> None:
    rng = random.Random(109)
    pieces = ["theyalso", "abcdef", "abcde", "xyzxyzxyz", "Theyalso", "THE", "s", "t", " ", " ", "\n", ".", ",", "'",
              "’", "@", "/", ":", "_", "-", "(", ")", "1", "é", "ß", "\u00a0", "a", "x"]
    seen = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        words = set(glued_words._CANDIDATE.findall(text))
        runs = glued_words._runs(text)
        assert runs == set(re.findall(r"(?<![a-z])[a-z]{6,}", text)), repr(text)
        assert {w for w in runs if glued_words._candidate(text, w)} == words, repr(text)
        seen += bool(words)
    assert seen > 2000


def _plain_glued_words(doc: Document) -> dict[str, tuple[str, str]]:
    """``_glued_words`` as it read the prose's candidates with _CANDIDATE itself."""
    text = doc.text
    rare = [w for w in set(glued_words._CANDIDATE.findall(doc.prose[0]))
            if glued_words._frequency()(w) < glued_words._RARE]
    compounds = not glued_words._has_code(text)
    glued = {}
    for word in rare:
        halves = glued_words.split_of(word, compounds, doc.format != "text")
        if halves is not None and glued_words._uses(text)[word] <= 1 and word not in glued_words.code_names(text):
            glued[word] = halves
    return glued


def test_the_glued_words_are_those_the_candidate_pattern_gives() -> None:
    rng = random.Random(110)
    pieces = ["theyalso", "Theyalso", "frommany", "xfrommany", "frommany_", "frommany's", "frommany.com", "notwant",
              "@notwant", "rocketreach", "rocketreachx", "the", "said", "becauseof", "(becauseof)", "’thatthe", "`x`",
              " ", " ", " ", "\n", ".", ",", "/", "-", "1"]
    found = 0
    for _ in range(3000):
        texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(rng.randint(1, 3))]
        doc = Document(Source("a.txt", "\n".join(texts)), "text",
                       [Segment(t, "paragraph", ((sum(len(x) + 1 for x in texts[:i]), 0),), i) for i, t in enumerate(texts)])
        ours = glued_words._glued_words(doc)
        assert ours == _plain_glued_words(doc), texts
        found += bool(ours)
    assert found > 300


def test_the_zipf_frequency_read_off_the_list_entry_is_wordfreqs() -> None:
    from wordfreq import iter_wordlist, zipf_frequency

    rng = random.Random(111)
    zipf = glued_words._frequency.__wrapped__()  # a fresh one: no entry asked before
    listed = [w for i, w in enumerate(iter_wordlist("en", "large")) if i % 23 == 0]
    made = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(1, 14))) for _ in range(3000)]
    # Words the list's entries do not answer for: wordfreq folds case and ligatures (`Hello`, `ﬁnal`)
    # and keeps letters outside ASCII (`naïve`, `straße`, `İstanbul`).
    folded = ["Hello", "HELLO", "ﬁnal", "naïve", "straße", "İstanbul", "Kelvin", "ſtop", "don't", "e-mail", "abc123"]
    words = [*listed, *made, *folded, *(w[: len(w) // 2] for w in listed[:3000]), *(w + "s" for w in listed[:3000])]
    rng.shuffle(words)
    assert sum(1 for w in listed if w.isascii() and w.isalpha() and w.islower()) > 5000
    for word in words:
        assert zipf(word) == float(zipf_frequency(word, "en", wordlist="large")), word


def test_without_wordfreq_a_document_of_no_candidate_is_checked(monkeypatch) -> None:
    # A fake for what the tests cannot cause here: wordfreq absent (it is installed with the test extras).
    def missing() -> None:
        raise RuntimeError("T109 (glued-words) needs wordfreq: pip install 'copylint[glue]'")

    monkeypatch.setattr(glued_words, "_frequency", missing)

    def doc(text: str) -> Document:
        return Document(Source("a.txt", text), "text", [Segment(text, "paragraph", ((0, 0),), 0)])

    assert glued_words._glued_words(doc("Yesterday it was wet.")) == {}  # `esterday` is a run, no candidate
    with pytest.raises(RuntimeError, match="needs wordfreq"):
        glued_words._glued_words(doc("It was a sunnyday in the town."))


def test_a_hashtag_is_joined_by_design() -> None:
    text = "Fix the machine, not the person.\n\n#systemanalysis, #proposal, #sharedvalues #cognitivebias\n"
    assert t109(text) == []


def test_a_glued_word_beside_a_hashtag_is_still_flagged() -> None:
    # The closest defect: the glued word stands in the prose, after a space, not after the hashtag's mark.
    assert t109("The new law theyalso requires a permit. #sharedvalues\n") == ["theyalso"]


def test_a_derivation_in_ness_after_an_inflected_form_is_a_word() -> None:
    # NTREX-128's English source (cnn.304478, h259's dev half): `some of the woundedness that our soldiers
    # do return with` was read as `wounded ness` (the case-folded list counts `ness` as Loch Ness's).
    assert t109("Families feel the woundedness that soldiers bring home.\n") == []


def test_a_participle_glued_to_the_next_word_is_still_flagged() -> None:
    # The closest defects: an inflected form glued to the next word, one of them a word that starts as
    # the suffix does (`nest`).
    assert t109("Medics carried the woundedsoldiers to the road.\n") == ["woundedsoldiers"]
    assert t109("Rangers found the abandonednest in the oak.\n") == ["abandonednest"]
