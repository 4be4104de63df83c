"""L102 quotation-marks: quotation marks of another convention than the document's language uses."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lint.language import pack
from lint.model import Applicability, Document, Finding, Severity
from lint.rule import Example, Rule

from ._packs import languages_with
from ._straight_quotes import own_quotation_marks, straight_quotations

# Quotations holding inner straight ones that show a page's own second level: one may be a slip, two
# are a habit.
_HABIT = 2


class QuotationMarks(Rule):
    code = "L102"
    slug = "quotation-marks"
    summary = "Quotation marks of another language's convention"
    rationale = """
**What it does.** In a document whose language has its own quotation marks (French « », German „ “,
Polish „ ”, Russian « », Japanese 「」, Traditional Chinese 「」…, listed with their sources in
`docs/languages.md`), flags straight quotes `"…"` when the document uses its language's marks at least
as often (around its words: in a catalogue, a quotation of them holding a lone Latin word that the source
quotes straight, `“name”` for `"name"`, an identifier kept with its quotes curled, shows no convention for
quoting the page's words), and the marks of a convention that language does not use (English “…” in German, Polish or
Russian, French «…» in German outside Switzerland).

**Why is this bad?** Machine translation and copy-paste carry over the source's quotes: a French page
with « » in one paragraph and "…" in the next reads as unedited, and “…” is wrong in German, where
“ closes a quotation. Sources: Imprimerie nationale, Lexique des règles typographiques (fr); Duden
and DIN 5008 (de); Schweizer Orthografische Konferenz (de-CH); RAE Ortografía §3.4.8 (es); Treccani
(it); PWN Wielki słownik ortograficzny (pl); Мильчин, Справочник издателя и автора (ru); Український
правопис §165 (uk); W3C jlreq (ja); GB/T 15834-2011 and W3C clreq (zh); 教育部《重訂標點符號手冊》(zh-Hant).

Not flagged: a lone ASCII word in quotes (a key, a label, an identifier: `"Delete"`), a quotation in
another language (an English error message quoted as written), straight
quotes in a document that mostly uses them (a house style, not a slip), two straight marks with “ or ”
between them in a language whose marks are “ ” (two quotations typed half straight, each mark P102's), inches
(`5"`), straight quotes inside quotations of the language's marks, in two quotations or more, in a document
that never sets the language's second pair (`« il a dit "non" »` throughout: the page's own second level; not
where the first pair is “ ”), code-like contents (`"a=b"`, `"./path"`), quotes inside code, and in a
catalogue, a command or value the translation keeps in ASCII and quotes as its source does, lower case
first (`"git rebase --abort"`, `"true"`: what the user types, not prose), or a line marker in capitals
with its colon (`"GIT:"`, which git's editor templates open comment lines with; a translated quotation or a
label capitalized as a phrase, `"Save now"`, is still requoted).
"""
    severity = Severity.WARNING
    fix = Applicability.UNSAFE
    fix_note = ("Replaces the marks with the language's first pair (with its no-break spaces in French), or, "
                "inside a quotation of that pair, with the second; unsafe: a quotation that runs over "
                "paragraphs is not seen as open.")
    scope = "document"
    languages = languages_with("quotes") - {"en"}
    flag = (
        Example('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n#: howto/sockets.rst:3\nmsgid "The \\"server\\" socket listens."\n'
                'msgstr "Le socket \\"serveur\\" écoute, dit « lui »."\n', path="messages.po",
                note="a word quoted as the source quotes it is prose: requoted"),
        Example('msgid ""\nmsgstr ""\n"Language: zh_TW\\n"\n\nmsgid "mark files as \\"not changing\\""\n'
                'msgstr "把檔案標記為 \\"沒有變更\\"，或「僅索引」"\n', path="zh_TW.po",
                note="the source's quotation translated: prose, requoted"),
        Example('msgid ""\nmsgstr ""\n"Language: pl\\n"\n\nmsgid "Click \\"Save now\\" to keep it"\n'
                'msgstr "Kliknij \\"Save now\\", aby „zachować”"\n', path="pl.po",
                note="a label kept as the source writes it, capitalized as a phrase: still requoted"),
        Example('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "Lines beginning in \\"Note:\\" are kept."\n'
                'msgstr "Les lignes commençant par \\"Note:\\" sont gardées, dit « lui »."\n', path="fr.po",
                note="a word with its colon, capitalized as prose: requoted"),
        Example("Il a dit « bonjour » puis il a ajouté \"au revoir\" en partant.\n", language="fr",
                fixed="Il a dit « bonjour » puis il a ajouté «\u00a0au revoir\u00a0» en partant.\n"),
        Example("Er sagte „Hallo“ und dann “Auf Wiedersehen”.\n", language="de",
                fixed="Er sagte „Hallo“ und dann „Auf Wiedersehen“.\n"),
        Example("Er las «Die Verwandlung» und „Der Process“.\n", language="de"),
        Example("Она сказала «да», а потом “нет”.\n", language="ru", fixed="Она сказала «да», а потом «нет».\n"),
        Example("Powiedział „tak”, a potem \"nie\".\n", language="pl", fixed="Powiedział „tak”, a potem „nie”.\n"),
        Example("Dijo «sí» y luego \"no\" al final.\n", language="es", fixed="Dijo «sí» y luego «no» al final.\n"),
        Example("« Il a répondu\u00a0: \"Parce qu’il me fait rire\"\u00a0», m’a dit Mme Scovell. Elle dit « il m’a "
                "dit “oui” ».\n", language="fr",
                fixed="« Il a répondu\u00a0: “Parce qu’il me fait rire”\u00a0», m’a dit Mme Scovell. Elle dit « il m’a "
                "dit “oui” ».\n",
                note="a quotation inside a quotation takes the second pair, which the page sets elsewhere"),
        Example("Dijo: «Me preguntó \"¿vienes?\" y me fui». Y luego «me dijo “no”».\n", language="es",
                fixed="Dijo: «Me preguntó “¿vienes?” y me fui». Y luego «me dijo “no”».\n"),
        Example("« Il a dit \"non\" », dit-elle.\n", language="fr", fixed="« Il a dit “non” », dit-elle.\n",
                note="one inner straight quotation shows no habit of the page's"),
        Example("« Elle a crié \"pas encore\" et \"trop tard\" », dit-il. « Bien », répondit-elle. « Non », fit-il.\n",
                language="fr",
                fixed="« Elle a crié “pas encore” et “trop tard” », dit-il. « Bien », répondit-elle. « Non », fit-il.\n",
                note="two inner straight quotations in one quotation: no habit yet"),
        Example("« Il a dit \"non\" ». « Elle a dit \"oui\" ». « Ils ont dit \"peut-être\" ». « On a dit “jamais” ». "
                "« Vous avez dit “toujours” ».\n", language="fr",
                fixed="« Il a dit “non” ». « Elle a dit “oui” ». « Ils ont dit “peut-être” ». « On a dit “jamais” ». "
                "« Vous avez dit “toujours” ».\n",
                note="the page sets the second pair: its straight pairs slipped from it"),
        Example("Disse «sì» e poi \"no\" alla fine.\n", language="it"),
        Example("Ha detto “sì” e poi \"no\" alla fine.\n", language="it", fixed="Ha detto “sì” e poi “no” alla fine.\n",
                note="the page quotes with “ ”, which Italian allows too"),
        Example("彼は「はい」と言い、\"いいえ\"とも言った。\n", language="ja"),
        Example("他说“好”，“学术带头人是公司吸引走的，\"李开复说。近年来，“脸书”和“谷歌”招聘了精英。\"我认为应该这样，”"
                "他说。这座监狱称为 \"龙卷风\" 监狱。\n",
                "他说“好”，“学术带头人是公司吸引走的，\"李开复说。近年来，“脸书”和“谷歌”招聘了精英。\"我认为应该这样，”"
                "他说。这座监狱称为 “龙卷风” 监狱。\n", language="zh",
                note="a straight pair is requoted; two straight marks with “ ” between are two quotations' (P102's)"),
        Example("Вона сказала «так», а потім “ні”.\n", language="uk"),
        Example("“name” 어트리뷰트와 “해시 기반” 캐시 파일이 사용됩니다. 그밖에 \"장소들\"을 가리킬 수 있습니다.\n",
                language="ko", fixed="“name” 어트리뷰트와 “해시 기반” 캐시 파일이 사용됩니다. 그밖에 “장소들”을 가리킬 수 "
                "있습니다.\n", note="the page quotes its own words in “ ” too"),
    )
    allow = (
        Example("Il a dit « bonjour » puis « au revoir ».\n", language="fr"),
        Example("Il a dit « il m’a répondu “non” hier ».\n", language="fr"),
        Example("« Il a répondu\u00a0: \"Parce qu’il me fait rire\"\u00a0», m’a dit Mme Scovell. « Je me demandais ce "
                "qu’ils mettraient sur ma tombe. \"Elle a pleuré\"\u00a0? »\n", language="fr",
                note="every quotation inside « » set in \"…\": the page's own second level, not a slip"),
        Example("Sie sagte: „Er nannte es \"meinen Plan\" und ging.“ Dann: „Sie rief \"komm schnell\" und lief.“\n",
                language="de", note="no ‚…‘ anywhere: the inner straight quotes are the page's habit"),
        Example("Er sagte „Hallo“ und ‚Tschüss‘.\n", language="de"),
        Example("Er las »Die Verwandlung« und »Der Process«.\n", language="de"),
        Example("Er sagte «Grüezi» und ging.\n", language="de-CH"),
        Example("L'écran mesure 27\" et le câble \"./bin/run\" est fourni.\n", language="fr"),
        Example("Il a dit \"bonjour\" puis \"au revoir\".\n", language="fr"),
        Example("Utilisez `\"strict\"` ou « lax » selon le cas.\n", path="a.md", language="fr"),
        Example("He said “hello” and \"goodbye\".\n"),
        Example('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n#: faq/extending.rst:3\nmsgid "Use the formats \\"()\\" and \\"(i)\\" for tuples."\n'
                'msgstr "Utilisez les formats \\"()\\" et \\"(i)\\" pour les n-uplets, dit « lui »."\n',
                path="messages.po", note="a catalogue's code strings quoted as its source quotes them"),
        Example('msgid ""\nmsgstr ""\n"Language: zh_TW\\n"\n\nmsgid "  (use \\"git rebase --abort\\" to check out the '
                'original branch)"\nmsgstr "  （使用 \\"git rebase --abort\\" 以簽出「原有」分支）"\n', path="zh_TW.po",
                note="a command the source quotes straight, kept as the user types it"),
        Example('msgid ""\nmsgstr ""\n"Language: pl\\n"\n\nmsgid "value is \\"true\\" or \\"false\\""\n'
                'msgstr "wartość to \\"true\\" lub \\"false\\", a nie „tak” ani „nie”"\n', path="pl.po",
                note="values the source quotes straight, kept as written"),
        Example('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "Lines beginning in \\"GIT:\\" will be removed."\n'
                'msgstr "Les lignes commençant par \\"GIT:\\" seront supprimées, dit « lui »."\n', path="fr.po",
                note="a line marker in capitals with its colon, quoted as the source quotes it"),
        Example("彼は「はい」と言った。\n", language="ja"),
        Example("李开复表示，“学术带头人不是公司吸引走的，\"李开复说。近年来，“脸书”和“谷歌”招聘了精英。\"我认为应该这样，”他说。\n",
                language="zh", note="each straight mark closes or opens one of the “ ” quotations around it"),
        Example("Une « racine » démontée lève l'erreur \"Cannot update an unmounted root\".\n", language="fr"),
        Example("La « console » affiche :\n\nWarning: Each child in a list should have a unique \"key\" prop.\n",
                language="fr"),
        Example('msgid ""\nmsgstr ""\n"Language: ko\\n"\n\nmsgid "The \\"name\\", \\"loader\\" attributes are used."\n'
                'msgstr "“name”, “loader” 어트리뷰트들이 사용됩니다."\n\nmsgid "Python supports \\"hash-based\\" files."\n'
                'msgstr "파이썬은 \\"해시 기반\\" 파일을 지원합니다."\n\nmsgid "other \\"locations\\""\n'
                'msgstr "그밖의 \\"장소들\\""\n', path="ko.po",
                note="“ ” only around names the source quotes straight, the page's words quoted straight "
                     "(python-docs-ko's import.po)"),
    )

    def check_document(self, doc: Document) -> Iterable[Finding]:
        conventions = pack(doc.language)
        used = own_quotation_marks(doc)
        if not conventions or not sum(used):
            return  # the document shows no convention of its language's to hold it to
        quotes = conventions["quotes"]
        prose, _ = doc.prose
        # The pair the document itself sets most (Italian and Portuguese allow « » and “ ”: a page that
        # quotes with “ ” is held to “ ”, and its straight quotes become “ ”, not « »).
        first_open, first_close = quotes[used.index(max(used))]
        inside = conventions.get("space-inside-quotes") or {}
        opening = first_open + inside.get(first_open, "")
        closing = inside.get(first_close, "") + first_close
        name = conventions.get("name", doc.language)
        chosen = [first_open, first_close]
        inner_open, inner_close = quotes[quotes.index(chosen) + 1] if quotes.index(chosen) + 1 < len(quotes) else chosen
        found = straight_quotations(doc)
        nested = {id(m): seg.text.rfind(first_open, 0, m.start()) for seg, m in found
                  if _inside_pair(seg.text, m.start(), first_open, first_close)}
        # Quotations inside quotations are a level of their own: a page that sets every quotation in « »
        # and every one inside them in "…" (`« Il a répondu : "Parce qu’il me fait rire" »`, throughout
        # a translator's pages) keeps a house style, as a page quoting straight throughout does. It shows
        # one by repeating it, inside two quotations or more, and by never setting its language's second
        # pair: a page that sets “oui” inside « » once shows the convention its straight pairs slipped from.
        # Not where the first pair is “ ”: a straight pair after an unclosed “ there is mostly a quotation
        # typed half straight (`“…，”他说，"由于…"`), not a second level.
        outer = {(id(seg), nested[id(m)]) for seg, m in found if id(m) in nested}
        house_nested = (first_open != "“" and inner_open != first_open and len(outer) >= _HABIT
                        and inner_open not in prose)
        for seg, m in found:
            if id(m) in nested:
                if house_nested:
                    continue
                # Inside a quotation of the first pair, a quotation takes the next (« il a dit “non” »;
                # Imprimerie nationale, RAE §3.4.8, Treccani).
                o, c = inner_open + inside.get(inner_open, ""), inside.get(inner_close, "") + inner_close
            else:
                o, c = opening, closing
            yield self.finding(seg, m.start(), m.end(),
                               f"Straight quotes in {name} text that uses {first_open} {first_close}",
                               edits=[(m.start(), m.start() + 1, o), (m.end() - 1, m.end(), c)])
        for o, c in conventions.get("foreign-quotes") or ():
            pattern = re.compile(rf"{re.escape(o)}(?=\S)([^{re.escape(o + c)}\n]{{1,200}}?)(?<=\S){re.escape(c)}")
            if o not in prose:
                continue
            for seg in doc.segments_matching(re.compile(re.escape(o))):
                for m in pattern.finditer(seg.text):
                    yield self.finding(seg, m.start(), m.end(),
                                       f"Quotation marks {o} {c} are not {name} (use {first_open} {first_close})",
                                       edits=[(m.start(), m.start() + 1, opening), (m.end() - 1, m.end(), closing)])


def _inside_pair(text: str, at: int, opening: str, closing: str) -> bool:
    """Whether ``at`` lies inside a quotation of the pair in its paragraph (more opened than closed before)."""
    before = text[:at]
    return before.count(opening) > before.count(closing)
