"""An editor's mistakes, one at a time: each stops the build with its file and line, or is
harmless and builds the same site.

Every mutation below is one change to a fresh copy of the project (a typo, a deleted line,
a mark mistyped, a wrong byte, an odd environment), built with the real `mkdocs build
--strict` in its own process. A mutation that must stop the build passes only if the build
fails, names the file and the line of the mistake with the expected words, and shows no
Python traceback. A harmless one (a BOM, Windows line ends) must build a site identical to
the unchanged project's. The builds run in parallel, once per test session.
"""

from __future__ import annotations

import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import MKDOCS, copy_project

pytestmark = pytest.mark.slow

ART_RU, ART_EN = "docs/ru/article.md", "docs/en/article.md"
HOME_RU, HOME_EN = "docs/ru/index.md", "docs/en/index.md"
ABOUT_RU, REG_EN, TIME_RU = "docs/ru/about.md", "docs/en/registers.md", "docs/ru/timeline.md"
BIB, NAMES, TIMELINE = "sources/references.bib", "sources/names.yml", "sources/timeline.yml"
EMEND, META, HYPH = "sources/emendations.yml", "sources/article.yml", "sources/hyphenation.yml"
SUMMARY, WITNESS = "sources/text/summary.ru.md", "sources/witness/article.txt"
COMMENT, ABOUT_EN = "sources/commentary.yml", "docs/en/about.md"


@dataclass
class Mutation:
    id: str
    file: str = ""  # the file changed (relative to the project)
    old: str | bytes = ""
    new: str | bytes = ""
    at: str | None = None  # a piece of the mutated file on the line the error must name
    says: str = ""  # words the error message must contain
    where: str | None = None  # the file the error must name, when another than `file`
    nth: int = 1  # which occurrence of `at`
    harmless: bool = False  # builds, and the site is the unchanged project's
    shows: tuple[str, str] | None = None  # builds, and this page of the site shows this text
    env: dict = field(default_factory=dict)
    out: str | None = None  # the output folder, relative to the project, when not site/
    count: int = 1  # how many occurrences of `old` to replace (0: all)
    delete: bool = False  # the file is deleted
    also: tuple[str, str] | None = None  # a second replacement in the same file


def stops(id, file, old, new, at="", says="", where=None, count=1, nth=1):
    """A mutation that must stop the build; by default the error names the line of `new`."""
    if at == "":
        at = new if isinstance(new, str) and new.strip() and "\n" not in new.strip() else None
    return Mutation(id, file, old, new, at=at, says=says, where=where, count=count, nth=nth)


MUTATIONS = [
    # --- names.yml ----------------------------------------------------------------------------
    stops("names-key-typo", NAMES, "    life: 1876–1933", "    lifee: 1876–1933", says="unknown key 'lifee'"),
    stops("names-forms-typo", NAMES, "      ru: [В. Куно]", "      ry: [В. Куно]", says="unknown key 'ry'"),
    stops("names-duplicate-key", NAMES, "    sort: {ru: Куно, en: Cuno}", "    sort: {ru: Куно, en: Cuno}\n    sort: {ru: Куно, en: Cuno}",
          at="    sort: {ru: Куно, en: Cuno}", nth=2, says="given twice"),
    stops("names-duplicate-id", NAMES, "  - id: wendt", "  - id: cuno", nth=2, says="id 'cuno' is used twice"),
    stops("names-missing-forms", NAMES, "    forms:\n      ru: [В. Куно]\n      en: [W. Cuno, Cuno]\n", "", at="  - id: cuno",
          says="lacks the required key 'forms'"),
    stops("names-empty-form-list", NAMES, "      en: [W. Cuno, Cuno]", "      en: []", says="must not be empty"),
    stops("names-form-is-number", NAMES, "      en: [W. Cuno, Cuno]", "      en: [1923]", says="must be text"),
    stops("names-yaml-syntax", NAMES, "  - id: radek\n", "  - id: radek\n    forms: [\n", at=None, says="YAML syntax error"),
    stops("names-unknown-group", NAMES, "persons:", "people:", says="unknown key 'people'"),
    stops("names-unknown-work", NAMES, "    work: vtsik-1923-01-13", "    work: vtsik-1923-01-14",
          at="  - id: vtsik-appeal", says="work 'vtsik-1923-01-14' is not in references.bib"),
    stops("names-tab-indent", NAMES, "    life: 1876–1933", "\tlife: 1876–1933", says="YAML syntax error"),
    # --- timeline.yml --------------------------------------------------------------------------
    stops("timeline-impossible-day", TIMELINE, "- date: 1923-01-12", "- date: 1923-02-45", says="not a real date"),
    stops("timeline-month-13", TIMELINE, "- date: 1923-01-12", "- date: 1923-13-12", says="not a real date"),
    stops("timeline-range-backwards", TIMELINE, "- date: 1923-01-11/1923-01-16", "- date: 1923-01-16/1923-01-11",
          says="ends before it begins"),
    stops("timeline-key-typo", TIMELINE, "  paragraph: 4\n  quote: 12 января", "  paragraf: 4\n  quote: 12 января",
          at="  paragraf: 4", says="unknown key 'paragraf'"),
    stops("timeline-quote-not-in-paragraph", TIMELINE, "  quote: 12 января 1923 г., на следующий день",
          "  quote: 13 января 1923 г., на следующий день", at="- date: 1923-01-12", says="is not in paragraph 4"),
    stops("timeline-no-such-paragraph", TIMELINE, "  paragraph: 4\n  quote: 12 января", "  paragraph: 40\n  quote: 12 января",
          at="- date: 1923-01-12", says="there is no paragraph 40"),
    stops("timeline-paragraph-as-text", TIMELINE, "  paragraph: 4\n  quote: 12 января", "  paragraph: four\n  quote: 12 января",
          at="  paragraph: four", says="must be a whole number"),
    stops("timeline-event-lacks-english", TIMELINE,
          "    en: The VTsIK's appeal against the occupation of the Ruhr is published.\n", "",
          at="  event:\n    ru: Опубликовано", says="lacks the required key 'en'"),
    # --- emendations.yml -----------------------------------------------------------------------
    stops("emendation-second-edition-key", EMEND, "  edition: Völkerbund", "  edition: Völkerbund\n  edition: Volkerbund",
          at="  edition: Volkerbund", says="given twice"),
    stops("emendation-reading-not-in-witness", EMEND, "witness: Voelkerbund", "witness: Volkerbund",
          says="'Volkerbund' is not found in note 7"),
    stops("emendation-unknown-kind", EMEND, "  kind: correction\n  in: paragraph 4", "  kind: corection\n  in: paragraph 4",
          says="must be one of"),
    stops("emendation-bad-part", EMEND, "  in: note 7\n  witness: Voelkerbund", "  in: footnote 7\n  witness: Voelkerbund",
          at="  in: footnote 7", says="is not summary, abstract, paragraph N or note N"),
    stops("emendation-duplicate-id", EMEND, "- id: e5", "- id: e4", nth=2, says="emendation id 'e4' is used twice"),
    stops("emendation-same-reading", EMEND, "  edition: Völkerbund", "  edition: Voelkerbund", says="same as the witness reading"),
    stops("emendation-reason-lacks-russian", EMEND,
          "    ru: Две точки вместо многоточия, которым автор сокращает заглавие документа.\n", "",
          at="  reason:\n    en: Two full stops", says="lacks the required key 'ru'"),
    stops("emendation-sic-without-english", EMEND, "  english: V. Hasse\n", "", at="- id: s1",
          says="needs 'english'"),
    stops("emendation-renamed", EMEND, "- id: e1\n", "- id: e12\n", where=ART_RU, at="{em e1}", says="no entry 'e1'"),
    stops("emendation-unused", EMEND, "- id: e2\n", "- id: e12\n  kind: correction\n  in: note 11\n"
          "  witness: Цит. по\n  edition: \"Цит. по:\"\n  reason: {ru: Двоеточие., en: A colon.}\n\n- id: e2\n", at="- id: e12",
          says="marked nowhere"),
    # --- commentary.yml ------------------------------------------------------------------------
    stops("commentary-unknown-paragraph", COMMENT, "  anchor: p6", "  anchor: p16", says="has no paragraph 16"),
    stops("commentary-unknown-note", COMMENT, "  anchor: n21", "  anchor: n22", says="has no note 22"),
    stops("commentary-anchor-malformed", COMMENT, "  anchor: p6", "  anchor: para 6",
          says="is not a paragraph (p4) or an author's note (n8)"),
    stops("commentary-words-not-in-paragraph", COMMENT, "    ru: 22 января 1923 г.", "    ru: 23 января 1923 г.",
          says="is not in paragraph 6 of the ru article"),
    stops("commentary-english-words-not-in-paragraph", COMMENT, "    en: On 22 January 1923", "    en: On 23 January 1923",
          says="is not in paragraph 6 of the en article"),
    stops("commentary-words-twice", COMMENT, "    ru: 22 января 1923 г.", "    ru: '1923'", says="occurs 2 times"),
    stops("commentary-text-lacks-english", COMMENT, "    en: >-\n      The text of note 21, whose mark", "    xx: >-\n"
          "      The text of note 21, whose mark", at="    xx: >-", says="unknown key 'xx'"),
    stops("commentary-text-english-deleted", COMMENT, "    en: >-\n      The text of note 21, whose mark stands after "
          "«Heinkel D-17» ([paragraph 11](#p11)), is\n      missing in the same way. The account of the Lipetsk flying "
          "school and of the joint\n      enterprises has no other reference, so its source is not known from the "
          "article. The\n      edition keeps the mark and does not supply the note.\n", "",
          at="  text:\n    ru: >-\n      Так же отсутствует", says="lacks the required key 'en'"),
    stops("commentary-duplicate-id", COMMENT, "- id: note-21-missing", "- id: note-20-missing", nth=2,
          says="editor's note id 'note-20-missing' is used twice"),
    stops("commentary-key-typo", COMMENT, "  anchor: p6", "  anchr: p6", says="unknown key 'anchr'"),
    stops("commentary-mark-in-text", COMMENT, "      Знак примечания 20 стоит", "      {pb 8}Знак примечания 20 стоит",
          at="    ru: >-\n      {pb 8}Знак", says="has no place in an editor's note"),
    stops("commentary-link-to-no-place", COMMENT, "([paragraph 11](#p11))", "([paragraph 13](#p13))",
          at="    en: >-\n      The text of note 21", says="the link #p13 names no place"),
    stops("commentary-crossed-order", COMMENT, "    en: to the peoples of Europe", "    en: met the prominent Comintern figure",
          at="    en: General V. Hasse", says="a letter must mean one note in both languages"),
    stops("commentary-letter-by-hand", ART_RU, "ощутимых результатов не принесли.", "ощутимых результатов{ed hasse-initial} не принесли.",
          at="{ed hasse-initial}", says="the letters of the editor's notes are put in by the build"),
    stops("commentary-list-argument", ABOUT_EN, "{commentary}", "{commentary all}", says="{commentary} takes nothing"),
    # --- article.yml ---------------------------------------------------------------------------
    stops("meta-yaml-syntax", META, "language: ru", "language: [ru", at=None, says="YAML syntax error"),
    stops("meta-missing-unknown-field", META, "doi: null\n", "", at=None, says="lacks the required key 'doi'"),
    stops("meta-key-typo", META, "volume: null", "volum: null", says="unknown key 'volum'"),
    stops("meta-year-as-text", META, "year: null", "year: nineteen", says="must be a whole number"),
    stops("meta-language", META, "language: ru", "language: russian", says="must be one of"),
    stops("meta-title-lacks-english", META,
          "  en: German-Soviet secret military negotiations in connection with the Ruhr conflict (1923)\n\nlanguage",
          "\nlanguage", at="title:", says="lacks the required key 'en'"),
    stops("meta-non-utf8", META, b"language: ru", "language: r\xe9".encode("latin-1"), at="language: r",
          says="is not UTF-8"),
    # --- changelog.yml ----------------------------------------------------------------------
    stops("changelog-version-order", "sources/changelog.yml", "- version: 1.0.0", "- version: 1.9.0",
          says="the newest release comes first"),
    stops("changelog-impossible-date", "sources/changelog.yml", "  date: 2026-12-01", "  date: 2026-12-41",
          says="not a real date"),
    stops("changelog-key-typo", "sources/changelog.yml", "  changes:\n    ru:\n      - Любая", "  change:\n    ru:\n      - Любая",
          at="  change:", says="unknown key 'change'"),
    # --- hyphenation.yml -----------------------------------------------------------------------
    stops("hyphenation-word-not-in-witness", HYPH, "  - военно-политических", "  - военно-политически", at="военно-политически",
          says="not a word split at a line end"),
    stops("hyphenation-key-typo", HYPH, "keep:", "kept:", says="unknown key 'kept'"),
    # --- references.bib ------------------------------------------------------------------------
    stops("bib-impossible-origdate", BIB, "  origdate         = {1923-01-18},", "  origdate         = {1923-02-45},",
          says="not a real date"),
    stops("bib-month-13", BIB, "  origdate         = {1923-01-23},", "  origdate         = {1923-13-23},", says="not a real date"),
    stops("bib-latex-command", BIB, "  title            = {Из прошлого},", "  title            = {Из \\textit{прошлого}},",
          says="\\textit is not supported"),
    stops("bib-string-macro-undefined", BIB, "  location         = {Paderborn},", "  location         = paderborn,",
          says="'paderborn' is neither a braced value nor a defined @string macro"),
    stops("bib-unbalanced-brace", BIB, "title            = {Совершенно секретно},", "title            = {Совершенно {секретно},",
          at="@book{gorlov2001,", says="cannot parse the entry"),
    stops("bib-duplicate-key", BIB, "@book{wintzer2006,", "@book{seidt2002,", nth=2, says="duplicate entry key 'seidt2002'"),
    stops("bib-missing-journal", BIB, "  journaltitle     = {Военно-исторический журнал},\n", "", at="@article{zubachevsky2013,",
          says="missing required field 'journaltitle'"),
    stops("bib-crossref-unknown", BIB, "crossref         = {generaly-vermakhta},", "crossref         = {generaly-wehrmacht},",
          at="@incollection{niedermayer-1945-05-16,", says="crossref to unknown key 'generaly-wehrmacht'"),
    stops("bib-unknown-type", BIB, "@book{alltag1993,", "@memoir{alltag1993,", says="unknown entry type"),
    stops("bib-empty-key", BIB, "@book{alltag1993,", "@book{,", says="entry without a key"),
    stops("bib-keywords-typo", BIB, "  keywords         = {primary},\n}\n\n@collection{moskva-berlin-1,",
          "  keywords         = {primry},\n}\n\n@collection{moskva-berlin-1,", at="{primry}", says="keywords must say primary or secondary"),
    stops("bib-langid-missing", BIB, "  langid           = {russian},\n  keywords         = {primary},\n}\n\n@collection{moskva-berlin-1,",
          "  keywords         = {primary},\n}\n\n@collection{moskva-berlin-1,", at="@mvcollection{moskva-berlin,",
          says="missing required field 'langid'"),
    stops("bib-uncited-work", BIB, "% --- Published sources", "@book{extra2020,\n  title = {Лишняя книга},\n  date = {2020},\n"
          "  langid = {russian},\n  keywords = {secondary},\n}\n\n% --- Published sources", at="@book{extra2020,",
          says="cited by no note"),
    stops("bib-non-utf8", BIB, b"{Paderborn}", "{Paderb\xf6rn}".encode("latin-1"), at="location         = {Paderb",
          says="is not UTF-8"),
    stops("bib-opcit-of-authorless-work", ART_EN, "[^17]: [@rvs-report-1923-02-13 short]", "[^17]: [@rvs-report-1923-02-13 opcit]",
          says="no author"),
    # --- sources/text ---------------------------------------------------------------------------
    stops("text-unknown-meta-field", "sources/text/abstract.en.md", "{meta keywords}", "{meta keyword}",
          says="{meta keyword}: unknown field"),
    stops("summary-word-changed", SUMMARY, "решающий этап", "решительный этап", says="departs from the witness"),
    # The edition's own English texts: marks are checked, words are not held against the witness.
    stops("summary-translation-broken-mark", "sources/text/summary-translation.en.md",
          "## Summary, translated by the edition", "## Summary, translated by the edition {pb 4",
          says="is not a well-formed mark"),
    Mutation("translators-note-edited", "sources/text/translators-note.en.md", "(Moscow, Munich)",
             "(Moscow, Munich, Paderborn)", shows=("en/index.html", "(Moscow, Munich, Paderborn)")),
    stops("names-imprint-twice", NAMES, "  - location: Paderborn\n", "  - location: München\n",
          at="  - location: München", nth=2, says="listed twice"),
    stops("summary-paragraph-deleted", SUMMARY, "\n\nПо окончании", "\n\n<!-- -->По окончании", at=None,
          says="departs from the witness"),
    # --- the witness ---------------------------------------------------------------------------
    stops("witness-reading-changed", WITNESS, "нежели Цайдлер М. и Горлов С.А., описать", "нежели Цайдлер М. и Горлов С. А., описать",
          at="  witness: Горлов С.А.", where=EMEND, says="'Горлов С.А.' is not found in paragraph 1"),
    stops("witness-non-utf8", WITNESS, "германо-советских отношений в межвоенный".encode(),
          "германо-советских отношений в межвоенный".encode() + b"\xff", at="германо-советских отношений в межвоенный",
          says="is not UTF-8"),
    # --- the Russian article -------------------------------------------------------------------
    stops("ru-page-mark-unclosed", ART_RU, "{pb 4}Франции", "{pb 4 Франции", says="not a well-formed mark"),
    stops("ru-page-mark-not-a-number", ART_RU, "{pb 4}Франции", "{pb four}Франции", says="the page must be a number"),
    stops("ru-page-mark-out-of-range", ART_RU, "{pb 4}Франции", "{pb 9}Франции", says="marks pages 3–8"),
    stops("ru-page-mark-twice", ART_RU, "{pb 5}на стороне", "{pb 4}на стороне", says="is marked twice"),
    stops("ru-page-mark-deleted", ART_RU, "{pb 8}", "", at=None, says="{pb 8} is missing"),
    stops("ru-unknown-mark", ART_RU, "{pb 4}Франции", "{pd 4}Франции", says="is not a mark of this edition"),
    stops("ru-word-deleted", ART_RU, "Рейхсвер нуждался в поддержке России", "Рейхсвер нуждался в России",
          says="paragraph p3 departs from the witness at word"),
    stops("ru-note-word-changed", ART_RU, "(cite:seidt2002) S. 148 – 150.", "(cite:seidt2002) S. 148 – 151.",
          says="note 15 departs from the witness"),
    stops("ru-emendation-twice", ART_RU, "нежели Цайдлер М. и {em e1}", "нежели Цайдлер М. и {em e2}",
          at="{em e2}", nth=2, says="{em e2} is used twice"),
    stops("ru-emendation-unknown", ART_RU, "{em e1}", "{em e99}", says="no entry 'e99'"),
    stops("ru-sic-as-emendation", ART_RU, "{sic s1}", "{em s1}", says="write {sic s1}"),
    stops("ru-paragraph-deleted", ART_RU, "\n{: #p12 }", "", at="{: #p11 }", says="paragraph p12 is missing"),
    stops("ru-anchor-twice", ART_RU, "{: #p3 }", "{: #p2 }", nth=2, says="anchor #p2 is used twice"),
    stops("ru-anchor-out-of-order", ART_RU, "{: #p3 }", "{: #p13 }", says="stands where #p3 should"),
    stops("ru-note-without-text", ART_RU, "ощутимых результатов не принесли.", "ощутимых результатов не принесли.[^99]",
          at="[^99]", says="[^99] has no definition"),
    stops("ru-note-without-reference", ART_RU, "[^21]: {missing}", "[^21]: {missing}\n[^22]: Лишнее примечание.",
          at="[^22]:", says="nothing refers to it"),
    stops("ru-note-defined-twice", ART_RU, "[^21]: {missing}", "[^21]: {missing}\n[^21]: {missing}",
          at="[^21]: {missing}", nth=2, says="[^21] is defined twice"),
    stops("ru-cite-unknown-work", ART_RU, "(cite:seidt2002)", "(cite:seidt2020)", says="'seidt2020'"),
    stops("ru-block-mark-inline", ABOUT_RU, "{table emendations}", "Таблица: {table emendations}",
          says="must stand alone in its paragraph"),
    stops("ru-unknown-table", ABOUT_RU, "{table emendations}", "{table emendation}", says="unknown table"),
    stops("ru-cite-form", HOME_RU, "{cite}", "{cite full}", says="write {cite} or {cite folded}"),
    stops("ru-include-unknown", HOME_RU, "{include summary.ru}", "{include summary.rus}", says="no file summary.rus.md"),
    stops("ru-timeline-argument", TIME_RU, "{timeline}", "{timeline 1923}", says="takes nothing"),
    stops("en-header-argument", "docs/en/article.md", "{header}", "{header full}", says="{header} takes nothing"),
    stops("ru-parallel-mark-missing", "docs/ru/parallel.md", "{parallel}", "", at=None,
          says="the page needs the mark {parallel} once"),
    stops("edition-js-template-literal", "docs/assets/edition.js", '  var GAP = 6;', '  var GAP = `6`;',
          says="no template literals"),
    stops("edition-js-block-comment", "docs/assets/edition.js", '  var GAP = 6;', '  var GAP = 6; /* px */',
          says="write this line without /*"),
    stops("ru-mark-in-raw-html", HOME_RU, '<p class="byline" markdown>', '<p class="byline">', at="Автор: {meta authors}",
          says="inside raw HTML"),
    stops("ru-home-page-mark-deleted", HOME_RU, "{pb 2}", "", at=None, says="{pb 2} is missing"),
    stops("ru-link-to-missing-page", ABOUT_RU, "[библиографии](works/index.md)", "[библиографии](works/indx.md)",
          where="", says="'ru/about.md' contains a link 'works/indx.md'"),
    # --- the English article -------------------------------------------------------------------
    stops("en-cite-unknown-work", ART_EN, "[@seidt2002]", "[@seidt2020]", says="'seidt2020'"),
    stops("en-cite-unknown-form", ART_EN, "[@seidt2002]", "[@seidt2002 full]", says="unknown form 'full'"),
    stops("en-ibid-of-another-work", ART_EN, "[^12]: [@zubachevsky2013 ibid]", "[^12]: [@gorlov2001 ibid]",
          says="ibid. of 'gorlov2001'"),
    stops("en-emendation-mark", ART_EN, "{sic s1}", "{em e1}", says="marks no emendation"),
    stops("en-paragraph-deleted", ART_EN, "\n{: #p12 }", "", at="{: #p11 }", says="paragraph p12 is missing"),
    stops("en-page-mark-unclosed", ART_EN, "{pb 4}France", "{pb 4 France", says="not a well-formed mark"),
    stops("en-unknown-register", REG_EN, "{register places}", "{register place}", says="unknown group"),
    stops("en-meta-unknown-language", HOME_EN, "{meta title.ru}", "{meta title.de}", says="no language 'de'"),
    # --- mkdocs.yml ----------------------------------------------------------------------------
    stops("mkdocs-nav-missing-page", "mkdocs.yml", "            - Хронология: timeline.md", "            - Хронология: timelines.md",
          at=None, where="", says="timelines.md"),
    stops("mkdocs-yaml-syntax", "mkdocs.yml", "use_directory_urls: true", "use_directory_urls: [true", at=None, where="",
          says="mkdocs.yml"),
    # --- harmless changes ----------------------------------------------------------------------
    Mutation("bom-in-names", NAMES, b"", b"\xef\xbb\xbf", harmless=True),
    Mutation("bom-in-bib", BIB, b"", b"\xef\xbb\xbf", harmless=True),
    Mutation("bom-in-article", ART_RU, b"", b"\xef\xbb\xbf", harmless=True),
    Mutation("crlf-in-article", ART_RU, b"\n", b"\r\n", harmless=True, count=0),
    Mutation("crlf-in-emendations", EMEND, b"\n", b"\r\n", harmless=True, count=0),
    Mutation("crlf-in-bib", BIB, b"\n", b"\r\n", harmless=True, count=0),
    Mutation("mark-in-code-span", ABOUT_RU, "## Источник текста\n", "## Источник текста\n\nЗнак страницы: `{pb 4}`.\n",
             shows=("about/index.html", "<code>{pb 4}</code>")),
    Mutation("mark-in-fence", ABOUT_RU, "## Источник текста\n", "## Источник текста\n\n```\n{pb 4} {em e99} {table x}\n```\n",
             shows=("about/index.html", "{pb 4} {em e99} {table x}")),
    Mutation("latex-accent", BIB, "{München}", "{M{\\\"u}nchen}", shows=("works/alltag1993/index.html", "München, 1993")),
    Mutation("bib-string-macro", BIB, "{Paderborn}", "paderborn", shows=("works/wintzer2006/index.html", "Paderborn, 2006"),
             also=("% --- Published sources", "@string{paderborn = {Paderborn}}\n\n% --- Published sources")),
]
# Files deleted or emptied.
MUTATIONS += [
    Mutation("deleted-timeline", TIMELINE, delete=True, says="file not found"),
    Mutation("deleted-english-article", ART_EN, delete=True, says="file not found"),
    Mutation("deleted-summary", SUMMARY, delete=True, says="file not found"),
    Mutation("deleted-witness", WITNESS, delete=True, says="file not found"),
    Mutation("deleted-commentary", COMMENT, delete=True, says="file not found"),
    Mutation("empty-commentary", COMMENT, old=b"", new=b"", count=-1, says="must be a list"),
    Mutation("empty-names", NAMES, old=b"", new=b"", count=-1, says="must be a mapping"),
    Mutation("empty-emendations", EMEND, old=b"", new=b"", count=-1, says="must be a list"),
    Mutation("empty-bib", BIB, old=b"", new=b"", count=-1, where=NAMES, says="is not in references.bib"),
]
# Mutations of the environment: no file changes.
MUTATIONS += [
    Mutation("env-empty-site-url", env={"SITE_URL": ""}, says="SITE_URL is empty"),
    Mutation("env-site-url-not-a-url", env={"SITE_URL": "not a url"}, says="site_url"),
    Mutation("env-output-under-a-file", out="blocker/site", says="the site cannot be written there"),
    Mutation("env-release-tag-not-in-changelog", env={"EDITION_RELEASE_TAG": "v9.9.9"}, where="sources/changelog.yml",
             at="- version: 1.2.0", says="the build is of the tag v9.9.9"),
    stops("control-character-in-names", NAMES, "      en: [W. Cuno, Cuno]", "      en: [W. Cuno, Cu\x01no]", at="Cu\x01no",
          says="the control character U+0001"),
]
def _apply(project: Path, mutation: Mutation) -> None:
    if mutation.out:
        (project / mutation.out.split("/")[0]).write_text("a file where the output folder should go\n")
    if not mutation.file:
        return
    path = project / mutation.file
    if mutation.delete:
        path.unlink()
        return
    if mutation.count == -1:  # emptied
        path.write_bytes(b"")
        return
    if isinstance(mutation.old, bytes):
        data = path.read_bytes()
        if mutation.old == b"":
            path.write_bytes(mutation.new + data)
            return
        assert mutation.old in data, f"{mutation.id}: {mutation.old!r} not in {mutation.file}"
        path.write_bytes(data.replace(mutation.old, mutation.new, -1 if mutation.count == 0 else mutation.count))
        return
    text = path.read_text(encoding="utf-8")
    assert mutation.old in text, f"{mutation.id}: {mutation.old!r} not in {mutation.file}"
    text = text.replace(mutation.old, mutation.new, -1 if mutation.count == 0 else mutation.count)
    if mutation.also:
        text = text.replace(*mutation.also, 1)
    path.write_text(text, encoding="utf-8")


def _build(project: Path, mutation: Mutation | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")
    env.pop("SITE_URL", None)
    if mutation is not None:
        env.update(mutation.env)
    out = project / (mutation.out if mutation and mutation.out else "site")
    return subprocess.run([*MKDOCS, "build", "--strict", "-d", str(out)], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def results(tmp_path_factory):
    """Every mutation built once, in parallel: id → (project, completed process)."""
    root = tmp_path_factory.mktemp("mutations")

    def run(mutation: Mutation | None):
        project = copy_project(root / (mutation.id if mutation else "unchanged"))
        if mutation is not None:
            _apply(project, mutation)
        return project, _build(project, mutation)

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        done = dict(zip(["unchanged", *(m.id for m in MUTATIONS)], pool.map(run, [None, *MUTATIONS])))
    return done


def _line_of(path: Path, piece: str, nth: int = 1) -> int:
    """The line on which the nth occurrence of `piece` begins in the mutated file."""
    text = path.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n").lstrip("\ufeff")
    index = -1
    for _ in range(nth):
        index = text.find(piece, index + 1)
        assert index != -1, f"{piece!r} not {nth} times in {path}"
    return text[:index].count("\n") + 1


def _site_files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.suffix in (".html", ".xml", ".json", ".bib", ".ris")}


def test_the_corpus_is_large_and_covers_every_source():
    root = Path(__file__).parents[1]
    files = {m.file for m in MUTATIONS}
    sources = {str(p.relative_to(root)) for p in (root / "sources").rglob("*") if p.is_file() and p.name != "README.md"}
    assert len(MUTATIONS) >= 80
    assert not sources - files, sorted(sources - files)
    assert {ART_RU, ART_EN, HOME_RU, HOME_EN, "mkdocs.yml"} <= files
    assert any(m.env for m in MUTATIONS) and any(m.out for m in MUTATIONS)


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: m.id)
def test_mutation(mutation, results):
    project, result = results[mutation.id]
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    if mutation.harmless or mutation.shows:
        assert result.returncode == 0, output
        if mutation.harmless:  # the same site as the unchanged project's
            unchanged_project, unchanged = results["unchanged"]
            assert unchanged.returncode == 0, unchanged.stdout + unchanged.stderr
            assert _site_files(project / "site") == _site_files(unchanged_project / "site")
        else:
            page, text = mutation.shows
            assert text in (project / "site" / page).read_text(encoding="utf-8")
        return
    assert result.returncode != 0, output
    assert mutation.says in output, output
    where = mutation.file if mutation.where is None else mutation.where
    if where and mutation.at is not None:
        line = _line_of(project / where, mutation.at, mutation.nth)
        assert f"{where}:{line}:" in output, output
    elif where:
        assert where in output, output
