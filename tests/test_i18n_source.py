"""i18n JSON catalogues paired key by key with their source-language catalogue (lint.formats.source_catalogue):
family B compares each translated string with the source's string under the same key path."""

from __future__ import annotations

import json
import os
from pathlib import Path

from lint.config import Config
from lint.engine import Linter, Selection
from lint.formats import FORMATS, source_catalogue
from lint.model import Source

CONFIG = '[tool.copylint]\nformats = {"*.json" = "i18n-json"}\n'


def _write(folder: Path, name: str, data: object) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def _read(path: Path, options: dict[str, object] | None = None):
    return FORMATS["i18n-json"].read(Source(str(path), path.read_text(encoding="utf-8")), options)


def _codes(path: Path, select: str = "B") -> list[tuple[str, str]]:
    """(code, the string's key) of each finding of family B in the catalogue."""
    config = Config(formats={"*.json": "i18n-json"}, root=path.parent)
    result = Linter(Selection(select=[select], cache=False)).lint_file(str(path), config)
    assert not result.errors, result.errors
    doc = _read(path)
    keys = []
    for f in result.findings:
        seg = next(s for s in doc.segments if s.to_source(0) <= f.start <= s.to_source(len(s.text)))
        keys.append((f.code, seg.key or ""))
    return keys


def test_a_dropped_placeholder_is_flagged_and_a_kept_one_is_not(tmp_path):
    _write(tmp_path, "en.json", {"a": "{count} files deleted", "b": "Hello {{name}}, <b>welcome</b>!"})
    fr = _write(tmp_path, "fr.json", {"a": "fichiers supprimés", "b": "Bonjour {{name}}, <b>bienvenue</b> !"})
    assert _codes(fr) == [("B101", "a")]


def test_a_dropped_tag_is_named(tmp_path):
    _write(tmp_path, "en.json", {"retry": "Try <button>reloading the page</button>.", "ok": "<b>Done</b>"})
    fr = _write(tmp_path, "fr-FR.json", {"retry": "Essayez de recharger la page.", "ok": "<b>Fait</b>"})
    config = Config(formats={"*.json": "i18n-json"}, root=tmp_path)
    found = Linter(Selection(select=["B106"], cache=False)).lint_file(str(fr), config).findings
    assert [f.message for f in found] == ["Markup differs from the source: missing </button> <button>"]


def test_a_copied_string_is_untranslated_unless_it_has_no_words_to_translate(tmp_path):
    _write(tmp_path, "en.json", {"save": "Save the drawing", "brand": "GitHub", "size": "{{width}} × {{height}}"})
    de = _write(tmp_path, "de.json", {"save": "Save the drawing", "brand": "GitHub", "size": "{{width}} × {{height}}"})
    assert _codes(de, "B102") == [("B102", "save")]


def test_nested_keys_and_arrays_pair_by_their_key_path_and_a_key_the_source_lacks_is_not_paired(tmp_path):
    _write(tmp_path, "en.json", {"menu": {"file": {"open": "Open {{name}}"}}, "tips": ["Press {{key}}", "Drag"]})
    fr = _write(tmp_path, "fr.json", {"menu": {"file": {"open": "Ouvrir"}}, "tips": ["Appuyez", "Glissez"],
                                      "extra": "Seulement {{ici}}"})
    doc = _read(fr)
    assert {s.key: s.source_text for s in doc.segments} == {
        "menu.file.open": "Open {{name}}", "tips.0": "Press {{key}}", "tips.1": "Drag", "extra": None}
    assert _codes(fr) == [("B101", "menu.file.open"), ("B101", "tips.0")]


def test_the_source_is_found_beside_or_in_the_parallel_folder_and_never_for_itself(tmp_path):
    beside = tmp_path / "flat"
    en_us = _write(beside, "en_US.json", {"a": "Open"})
    _write(beside, "en-GB.json", {"a": "Open"})
    pt = _write(beside, "pt_BR.json", {"a": "Abrir"})
    other = _write(beside, "percentages.json", {"a": "Abrir"})
    ui = _write(beside, "ui.json", {"a": "Abrir"})
    paths = (".json", ".i18n.json")
    assert source_catalogue.source_path(str(pt), None, paths) == str(en_us)
    assert source_catalogue.source_path(str(en_us), None, paths) is None
    assert source_catalogue.source_path(str(beside / "en-GB.json"), None, paths) is None
    assert source_catalogue.source_path(str(other), None, paths) is None
    assert source_catalogue.source_path(str(ui), None, paths) is None
    en = _write(tmp_path, "locales/en/app.json", {"a": "Open"})
    fr = _write(tmp_path, "locales/fr/app.json", {"a": "Ouvrir"})
    assert source_catalogue.source_path(str(fr), None, paths) == str(en)
    assert source_catalogue.source_path(str(en), None, paths) is None
    # Another source language, a template, or none.
    assert source_catalogue.source_path(str(en), {"source-language": "fr"}, paths) == str(fr)
    assert source_catalogue.source_path(str(fr), {"source": "../{lang}/{name}"}, paths) == str(en)
    assert source_catalogue.source_path(str(fr), {"source": "none"}, paths) is None


def test_a_source_that_is_not_json_leaves_its_catalogues_unpaired_and_is_reported_once(run, tmp_path):
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    (tmp_path / "en.json").write_text('{"a": "Open {{name}}",\n')
    _write(tmp_path, "fr.json", {"a": "Ouvrir"})
    _write(tmp_path, "de.json", {"a": "Öffnen"})
    proc = run("check", ".", "--no-cache", "--format", "json", cwd=tmp_path)
    out = json.loads(proc.stdout)
    assert out["findings"] == []
    assert [(Path(e["path"]).name, e["line"]) for e in out["errors"]] == [("en.json", 2)]


def test_an_edited_source_invalidates_its_catalogues_cached_results(run, tmp_path):
    """The cache keyed a catalogue's findings on its own bytes only: editing en.json left fr.json's stale."""
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    en = _write(tmp_path, "en.json", {"a": "Open the file"})
    _write(tmp_path, "fr.json", {"a": "Ouvrir le fichier {{name}}"})
    args = ("check", "fr.json", "--select", "B", "--format", "json")
    assert [f["code"] for f in json.loads(run(*args, cwd=tmp_path).stdout)["findings"]] == ["B101"]
    assert [f["code"] for f in json.loads(run(*args, cwd=tmp_path).stdout)["findings"]] == ["B101"]
    _write(tmp_path, "en.json", {"a": "Open the file {{name}}"})
    os.utime(en, ns=(1_000_000_000, 1_000_000_000))  # an old mtime: no racy-clean escape
    assert json.loads(run(*args, cwd=tmp_path).stdout)["findings"] == []



def test_a_deleted_source_leaves_its_catalogue_unpaired_not_its_cached_findings(run, tmp_path):
    """The stat index kept a paired catalogue's findings by its own size and mtime: once en.json was
    deleted, the unchanged fr.json's B101 against it was served again."""
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    en = _write(tmp_path, "en.json", {"a": "Open the file"})
    fr = _write(tmp_path, "fr.json", {"a": "Ouvrir le fichier {{name}}"})
    os.utime(fr, ns=(1_000_000_000, 1_000_000_000))  # an old mtime: the stat index may keep it
    args = ("check", "fr.json", "--select", "B", "--format", "json")
    assert [f["code"] for f in json.loads(run(*args, cwd=tmp_path).stdout)["findings"]] == ["B101"]
    en.unlink()
    assert json.loads(run(*args, cwd=tmp_path).stdout)["findings"] == []

def _catalogues(folder: Path) -> None:
    (folder / "pyproject.toml").write_text(CONFIG)
    _write(folder, "en.json", {"a": "{{count}} files", "b": "Visit https://example.com.", "c": "Saved",
                               "d": "Try <b>again</b>"})
    for lang in ("fr", "de", "es", "it", "nl", "pt", "sv", "da"):
        _write(folder, f"{lang}.json", {"a": "fichiers", "b": "Voir https://example.org", "c": "Saved", "d": "Encore"})


def test_parallel_runs_give_the_same_findings_in_the_same_order(run, tmp_path):
    _catalogues(tmp_path)
    outputs = {}
    for jobs in ("1", "2"):
        proc = run("check", ".", "--no-cache", "--select", "B", "--format", "json", "--jobs", jobs, cwd=tmp_path)
        outputs[jobs] = json.loads(proc.stdout)["findings"]
    assert outputs["1"] == outputs["2"]
    assert len({f["path"] for f in outputs["1"]}) == 8 and len(outputs["1"]) >= 32


def test_fix_never_touches_the_source_nor_a_key(run, tmp_path):
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    en = _write(tmp_path, "en.json", {"a": {"b": "Open  the file"}, "c": "Done"})
    before = en.read_bytes()
    fr = _write(tmp_path, "fr.json", {"a": {"b": "Ouvrir  le  fichier "}, "c": "Fait  ici"})
    unfixed = fr.read_bytes()
    run("check", "fr.json", "--fix", "--unsafe-fixes", "--no-cache", cwd=tmp_path)
    assert en.read_bytes() == before
    fixed = json.loads(fr.read_text(encoding="utf-8"))
    assert fr.read_bytes() != unfixed  # fixed: the double spaces (W105), the trailing space (B107)
    assert list(fixed) == ["a", "c"] and list(fixed["a"]) == ["b"]


def test_a_source_is_read_once_for_all_its_catalogues_and_again_once_edited(tmp_path):
    en = _write(tmp_path, "en.json", {"a": "Open"})
    targets = [_write(tmp_path, f"{lang}.json", {"a": "x"}) for lang in ("fr", "de", "es")]
    reads = source_catalogue.READS
    for path in targets:
        assert _read(path).segments[0].source_text == "Open"
    assert source_catalogue.READS == reads + 1
    _write(tmp_path, "en.json", {"a": "Open it"})
    os.utime(en, ns=(2_000_000_000, 2_000_000_000))
    assert [_read(path).segments[0].source_text for path in targets] == ["Open it"] * 3
    assert source_catalogue.READS == reads + 2


def test_a_rails_catalogue_pairs_below_its_locale_key_beside_its_source_and_a_gem_s_too(tmp_path):
    folder = tmp_path / "config" / "locales"
    folder.mkdir(parents=True)
    en = 'en:\n  hello: "Hello %{name}, welcome!"\n  items:\n    other: "%{count} items"\n  bye: Goodbye\n'
    fr = 'fr:\n  hello: "Bonjour, bienvenue !"\n  items:\n    other: "%{count} articles"\n  only: "Ici"\n'
    for prefix in ("", "devise."):
        (folder / f"{prefix}en.yml").write_text(en)
        (folder / f"{prefix}fr.yml").write_text(fr)
        path = folder / f"{prefix}fr.yml"
        doc = FORMATS["i18n-yaml"].read(Source(str(path), fr))
        assert {s.key: s.source_text for s in doc.segments} == {
            "fr.hello": "Hello %{name}, welcome!", "fr.items.other": "%{count} items", "fr.only": None}
        config = Config(formats={"*.yml": "i18n-yaml"}, root=tmp_path)
        found = Linter(Selection(select=["B101"], cache=False)).lint_file(str(path), config).findings
        assert [(f.code, f.message) for f in found] == [("B101", "Placeholders differ from the source: missing {name}")]
    assert FORMATS["i18n-yaml"].read(Source(str(folder / "en.yml"), en)).segments[0].source_text is None


def test_an_icu_branch_of_one_word_is_text_not_a_placeholder(tmp_path):
    """`{Element}` in `one {Element}` read as a placeholder: B101 flagged every plural or select whose
    branches are one word (an error on most FormatJS catalogues), and a language's own branches (`few`)."""
    _write(tmp_path, "en.json", {"n": "{count, plural, one {item} other {items}}",
                                 "g": "{gender, select, male {He} female {She} other {They}}",
                                 "f": "{count, plural, offset:1 =0 {Nobody} one {{name}} other {{name} and # others}}"})
    pl = _write(tmp_path, "pl.json", {"n": "{count, plural, one {element} few {elementy} many {elementów} other {elementu}}",
                                      "g": "{gender, select, male {On} other {Oni}}",
                                      "f": "{count, plural, offset:1 =0 {Nikt} one {Ktoś} other {# innych}}"})
    assert _codes(pl, "B101") == [("B101", "f")]  # it lost the name; the rest is the language's branches


def test_a_source_language_with_its_region_finds_that_file_and_no_other_variant(tmp_path):
    """`source-language: en-US` compared `en` (the file's language) with `en-us`: no catalogue was ever
    paired, and a template's `{lang}` was lowercased (`../en-us/{name}` for the folder `en-US`)."""
    paths = (".json",)
    flat = tmp_path / "flat"
    _write(flat, "en.json", {"a": "Open"})
    en_us = _write(flat, "en_US.json", {"a": "Open"})
    fr = _write(flat, "fr.json", {"a": "Ouvrir"})
    assert source_catalogue.source_path(str(fr), {"source-language": "en-US"}, paths) == str(en_us)
    assert source_catalogue.source_path(str(en_us), {"source-language": "en-US"}, paths) is None
    pt = tmp_path / "pt"
    _write(pt, "pt-PT.json", {"a": "Abrir"})
    es = _write(pt, "es.json", {"a": "Abrir"})
    # pt-PT is a translation of the pt-BR source, not the source: unpaired rather than wrongly paired
    assert source_catalogue.source_path(str(es), {"source-language": "pt-BR"}, paths) is None
    folders = tmp_path / "public" / "locales"
    common = _write(folders / "en-US", "common.json", {"a": "Open"})
    de = _write(folders / "de-DE", "common.json", {"a": "Öffnen"})
    assert source_catalogue.source_path(str(de), {"source-language": "en-US"}, paths) == str(common)
    template = {"source-language": "en-US", "source": "../{lang}/{name}"}
    assert source_catalogue.source_path(str(de), template, paths) == str(common)


def test_two_english_variants_without_the_bare_language_leave_the_choice_to_the_config(tmp_path):
    """fr.json beside en-AU.json and en-GB.json (no en.json, no en-US.json) was paired with en-AU, by name
    order: a guess between two translations of a source that is not there. One variant alone is the source."""
    _write(tmp_path, "en-AU.json", {"a": "Open"})
    gb = _write(tmp_path, "en-GB.json", {"a": "Open"})
    fr = _write(tmp_path, "fr.json", {"a": "Ouvrir"})
    assert source_catalogue.source_path(str(fr), None, (".json",)) is None
    (tmp_path / "en-AU.json").unlink()
    assert source_catalogue.source_path(str(fr), None, (".json",)) == str(gb)


def test_an_i18next_form_for_one_may_add_or_drop_the_count_and_no_other_placeholder(tmp_path):
    """Russian's `_one` also says 21 and 31 (`{{count}} элемент` for English's `One item`), German's is 1
    alone (`Eine Datei`): B101 flagged both as errors. The count is still compared in `_other`, and every
    other placeholder in every form."""
    _write(tmp_path, "en.json", {"item_one": "One item", "item_other": "{{count}} items", "file_one": "{{count}} file",
                                 "in_one": "{{count}} file in {{folder}}", "in_other": "{{count}} files in {{folder}}"})
    ru = _write(tmp_path, "ru.json", {"item_one": "{{count}} элемент", "item_other": "элементов",
                                      "in_one": "{{count}} файл", "in_other": "{{count}} файлов в {{folder}}"})
    assert _codes(ru, "B101") == [("B101", "item_other"), ("B101", "in_one")]
    de = _write(tmp_path, "de.json", {"file_one": "Eine Datei", "item_one": "Ein Element"})
    assert _codes(de, "B101") == []


def test_an_i18next_form_for_one_that_stands_for_many_numbers_keeps_its_count(tmp_path):
    """Russian's `_one` is shown for 1, 21, 31…: `Один файл` ("one file") for `{{count}} file` reads "one
    file" where 21 were deleted. The exemption for a form that spells its number out let it pass, as an
    Android quantity no longer does (r218)."""
    _write(tmp_path, "en.json", {"file_one": "{{count}} file", "file_other": "{{count}} files"})
    ru = _write(tmp_path, "ru.json", {"file_one": "Один файл", "file_other": "{{count}} файлов"})
    uk = _write(tmp_path, "uk.json", {"file_one": "{{count}} файл", "file_other": "{{count}} файлів"})
    assert _codes(ru, "B101") == [("B101", "file_one")]
    assert _codes(uk, "B101") == []


def test_a_yaml_key_pyyaml_reads_as_a_boolean_pairs_by_its_text(tmp_path):
    """The source was loaded with PyYAML's resolvers: its `yes:`, `no:` and `on:` keys became True, False
    and True (key paths `en.confirm.True`), so the catalogue's `fr.confirm.yes` was never paired."""
    (tmp_path / "en.yml").write_text('en:\n  confirm:\n    yes: "Yes, delete %{name}"\n    no: "No"\n    1: "One"\n',
                                     encoding="utf-8")
    fr = tmp_path / "fr.yml"
    fr.write_text('fr:\n  confirm:\n    yes: "Oui, supprimer"\n    no: "Non"\n    1: "Un"\n', encoding="utf-8")
    doc = FORMATS["i18n-yaml"].reader(Source(str(fr), fr.read_text(encoding="utf-8")), None)
    assert {s.key: s.source_text for s in doc.segments} == {
        "fr.confirm.yes": "Yes, delete %{name}", "fr.confirm.no": "No", "fr.confirm.1": "One"}


# One reader of locale names (source_catalogue.locale_tag) for the catalogues' file and folder names and Rails'
# top-level keys: what each of them accepted before, but a second part of three letters in lower case.
LOCALES = {"fr": "fr", "pt_BR": "pt-BR", "pt-br": "pt-br", "es-419": "es-419", "zh-Hant": "zh-Hant",
           "zh-hant": "zh-hant", "sr_Latn": "sr-Latn"}
NO_LOCALES = ("ui", "db", "app", "en-", "fr_", "percentages", "my-app", "id-map", "de-bug", "fr-FR-x", "FR",
              "fil", "e", "pt_BRA1", "zh-Hantx")


def test_one_locale_reader_accepts_the_tags_catalogues_are_named_by_and_refuses_other_names():
    for name, tag in LOCALES.items():
        assert source_catalogue.locale_tag(name) == tag, name
        assert source_catalogue.locale_tag(name, three_letters=True) == tag, name
    for name in NO_LOCALES:
        assert source_catalogue.locale_tag(name) is None, name
        assert source_catalogue.locale_tag(name, three_letters=True) is None, name
    # A language of three letters, with a region or a script: a catalogue's name beside its source only.
    for name in ("kab-KAB", "fil-PH", "ast_ES", "sgs-Latn"):
        assert source_catalogue.locale_tag(name) is None, name
        assert source_catalogue.locale_tag(name, three_letters=True) == name.replace("_", "-"), name


def test_a_catalogue_named_by_a_word_after_a_language_code_is_no_translation(tmp_path):
    """`my-app.json` (`my` is Burmese) beside `en.json` was paired as a Burmese catalogue: the source
    catalogue's reader took any three letters after a language for a region."""
    _write(tmp_path, "en.json", {"a": "Open the file"})
    paths = (".json",)
    for name in ("my-app.json", "id-map.json"):
        assert source_catalogue.source_path(str(_write(tmp_path, name, {"a": "Open the file"})), None, paths) is None
    kab = _write(tmp_path, "kab-KAB.json", {"a": "Open the file"})
    assert source_catalogue.source_path(str(kab), None, paths) == str(tmp_path / "en.json")


def test_a_catalogue_named_by_a_script_in_lower_case_names_its_language(tmp_path):
    """`zh-hant.json` was paired as Chinese (the source catalogue's reader) but named no language of its
    own (the file-language reader took a script only as `Hant`)."""
    zh = _write(tmp_path, "zh-hant.json", {"a": "打開檔案"})
    assert _read(zh).language == "zh-hant"
    yml = tmp_path / "zh-hant.yml"
    yml.write_text("zh-hant:\n  a: 打開檔案\n", encoding="utf-8")
    assert FORMATS["i18n-yaml"].read(Source(str(yml), yml.read_text(encoding="utf-8"))).language == "zh-hant"


def test_a_word_of_four_letters_after_a_language_code_names_no_locale(tmp_path):
    """`my-page.json` read as Burmese and `no-data.json` as Norwegian (and each paired with `en.json` as a
    translation): the one locale reader took any four letters after a language for a script, where the
    file-language reader had taken only a script in title case (`zh-Hant`)."""
    for name in ("my-page", "no-data", "en-test", "is-open", "my-list", "de-demo"):
        assert source_catalogue.locale_tag(name) is None, name
        assert source_catalogue.locale_tag(name, three_letters=True) is None, name
    _write(tmp_path, "en.json", {"a": "Open the file"})
    page = _write(tmp_path, "my-page.json", {"a": "Open the file"})
    assert _read(page).language != "my-page"
    assert source_catalogue.source_path(str(page), None, (".json",)) is None
    for name in ("zh-hant", "sr-latn", "sr-Latn", "zh-HANT", "pa-Guru"):
        assert source_catalogue.locale_tag(name) == name.replace("_", "-"), name


def test_three_capitals_after_a_language_of_two_letters_name_no_locale():
    """`de-DEV.json` and `en-API.json` read as German and English since 5b491dc (a region of three capitals,
    excalidraw's `kab-KAB`, was taken after any language); no locale writes a region so after two letters."""
    for name in ("de-DEV", "en-API", "fr-FRA"):
        assert source_catalogue.locale_tag(name) is None, name
        assert source_catalogue.locale_tag(name, three_letters=True) is None, name
    assert source_catalogue.locale_tag("kab-KAB", three_letters=True) == "kab-KAB"


def test_a_catalogue_s_source_is_looked_up_once_per_check(tmp_path, monkeypatch):
    """The stat index, the results cache's key and the reader each looked the source up (three folder
    listings per catalogue); now the engine does, once, and hands it to the others."""
    monkeypatch.delenv("COPYLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(tmp_path / "cache"))
    _write(tmp_path, "en.json", {"a": "Open {{name}}"})
    fr = _write(tmp_path, "fr.json", {"a": "Ouvrir"})
    config = Config(formats={"*.json": "i18n-json"}, root=tmp_path)
    for cached in (True, False, True):
        before = source_catalogue.LOOKUPS
        linter = Linter(Selection(select=["B"], cache=cached))
        assert linter.cached(str(fr), config) is None  # the CLI's pass over the stat index: no record, no lookup
        assert [f.code for f in linter.lint_file(str(fr), config).findings] == ["B101"]
        assert source_catalogue.LOOKUPS == before + 1, cached


def test_one_memo_of_a_source_for_the_cache_key_and_the_reader(tmp_path):
    """The engine hashed each source in its own memo beside the reader's: one memo now, by path, size
    and modification time, which an edited source leaves."""
    en = _write(tmp_path, "en.json", {"a": "Open"})
    first = source_catalogue.digest(str(en))
    assert source_catalogue.source_strings(str(en)) == {"a": "Open"}
    assert source_catalogue.digest(str(en)) == first
    _write(tmp_path, "en.json", {"a": "Open it"})
    os.utime(en, ns=(3_000_000_000, 3_000_000_000))
    assert source_catalogue.digest(str(en)) != first
    assert source_catalogue.source_strings(str(en)) == {"a": "Open it"}
    assert source_catalogue.digest(str(tmp_path / "gone.json")) == b""
