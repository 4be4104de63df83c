"""bench/recall.py's unseen clean sources added for issue 15 (WMT24's English source, NTREX-128's, UD
English-PUD): how each is cut into documents and paragraphs, on small files laid out as the real ones."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import recall

QUOTED = [
    "Police have urged people who saw anything to come forward.",
    "Detective Inspector Brian O'Hagan said: 'The investigation is in the early stages.",
    "I would also appeal to anyone who may have dashcam footage to contact us.'",
    "A police spokesman confirmed the woman was local.",
]


def test_single_marks_keep_a_quotation_over_sentences_in_one_paragraph() -> None:
    pars = recall._paragraphs(QUOTED, single=True)
    assert any("'The investigation" in p and "contact us.'" in p for p in pars)
    # (Without single marks counted, as for the other sources, the quotation is cut.)
    assert not any("'The investigation" in p and "contact us.'" in p for p in recall._paragraphs(QUOTED))


def test_a_sentence_that_ends_with_a_single_mark_closes_a_quotation_and_is_no_headline() -> None:
    lines = ["Kit believes television is partly to blame.", "He continued: 'What is innate?",
             "What is taught on TV?", "How do we change that?", "Because something has gone wrong.'",
             "He also said he was done with battles."]
    pars = recall._paragraphs(lines, single=True)
    assert not any(p == "Because something has gone wrong.'" for p in pars)
    assert any(p.endswith("Because something has gone wrong.'") and "'What is innate?" in p for p in pars)


def test_ntrex_documents_less_the_ones_named_elsewhere(tmp_path: Path) -> None:
    (tmp_path / "ntrex.src.eng.txt").write_text("Headline one\n" + "\n".join(QUOTED) + "\nHeadline two\nA line.\n",
                                                encoding="utf-8")
    (tmp_path / "ntrex.document_ids.tsv").write_text("a.1\n" * 5 + "b.2\n" * 2, encoding="utf-8")
    docs = recall.ntrex_docs(tmp_path)
    assert [d.name for d in docs] == ["ntrex:a.1", "ntrex:b.2"]
    assert docs[0].paragraphs[0] == "Headline one"
    assert [d.name for d in recall.ntrex_docs(tmp_path, frozenset({"b.2"}))] == ["ntrex:a.1"]


def test_wmt24_keeps_a_literary_work_whole_and_leaves_other_domains_out(tmp_path: Path) -> None:
    lines = [("canary", "canary", "x"), ("news", "test-en-news_site.1", "A headline"),
             ("news", "test-en-news_site.1", "A paragraph."),
             ("literary", "test-en-literary_snow_chunk_1_words_993", "One."),
             ("literary", "test-en-literary_snow_chunk_2_words_986", "Two."),
             ("speech", "test-en-speech_abc", "um so yeah")]
    (tmp_path / "wmt24.en.src.txt").write_text("".join(t + "\n" for _, _, t in lines), encoding="utf-8")
    (tmp_path / "wmt24.en.docs").write_text("".join(f"{d}\t{n}\n" for d, n, _ in lines), encoding="utf-8")
    assert [(d.name, d.paragraphs) for d in recall.wmt24_docs(tmp_path, "news")] == [
        ("wmt24:test-en-news_site.1", ("A headline", "A paragraph."))]
    assert [(d.name, d.paragraphs) for d in recall.wmt24_docs(tmp_path, "literary")] == [
        ("wmt24:test-en-literary_snow", ("One.", "Two."))]


def test_pud_takes_the_sentences_first_written_in_english(tmp_path: Path) -> None:
    (tmp_path / "en_pud-ud-test.conllu").write_text(
        "# newdoc id = n01001\n# sent_id = n01001011\n# text = First.\n\n# sent_id = n01001013\n# text = Second.\n\n"
        "# newdoc id = n02001\n# sent_id = n02001003\n# text = Translated.\n\n", encoding="utf-8")
    assert [(d.name, d.paragraphs) for d in recall.pud_docs(tmp_path)] == [("pud:n01001", ("First.", "Second."))]
