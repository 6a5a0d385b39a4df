"""The citation pages: one page per work in each language, the bibliography, downloads.

Plain functions from records to Markdown text: `site_files.py` hands the pages to MkDocs
in memory, `write_folder` puts them on disk for a look (`edition_cli.py generate`).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import escape, exports, formats, gost, paths
from .bibliography import Bibliography, Work
from .citations import Citation, by_work
from .labels import LABELS, label
from .romanize import is_cyrillic

ARTICLE = "../article.md"  # from a page in works/ to the article


@dataclass
class Context:
    lang: str
    bibliography: Bibliography
    citations: dict[str, list[Citation]]  # by work key
    place_names: dict[str, str]
    references: dict[tuple[str, str], str] = field(default_factory=dict)  # shared by languages
    records: dict[str, dict[str, str]] = field(default_factory=dict)  # key → format → file text
    styles: dict[str, gost.Style] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    editor_notes: dict[str, list] = field(default_factory=dict)  # by work key: commentary.Note

    def style(self, lang: str) -> gost.Style:
        """The English descriptions mark their runs in another language (gost.RUN)."""
        if lang not in self.styles:
            self.styles[lang] = gost.Style(lang, self.place_names, marked=lang == "en")
        return self.styles[lang]

    def reference(self, work: Work, lang: str | None = None) -> str:
        """The work's description, formatted once per language (pages and lists reuse it)."""
        key = (work.key, lang or self.lang)
        if key not in self.references:
            self.references[key] = gost.describe(work, self.style(key[1]))
        return self.references[key]

    def record_block(self, work: Work) -> str:
        """The biblatex record as a fenced code block (the same in both languages)."""
        self._take_records(work)
        return self.references[(work.key, "block")]

    def downloads(self, work: Work) -> str:
        """Links that save the record as biblatex, RIS and CSL-JSON (data URIs, made once
        for both languages; the link texts are the formats' names)."""
        self._take_records(work)
        return self.references[(work.key, "downloads")]

    def _take_records(self, work: Work) -> None:
        """Turn the work's three records into its code block and its links, once; the
        records themselves are then let go (a large bibliography stays light)."""
        if (work.key, "downloads") in self.references:
            return
        files = self.records.pop(work.key)
        record = files["bib"].removeprefix(exports.HEADER)
        fence = _fence(record)
        self.references[(work.key, "block")] = f"{fence}bibtex\n{record.strip()}\n{fence}"
        self.references[(work.key, "downloads")] = " · ".join(
            download_link(files[extension], f"{work.key}.{extension}", name, media_type)
            for name, extension, media_type in (
                ("biblatex", "bib", "application/x-bibtex"),
                ("RIS", "ris", "application/x-research-info-systems"),
                ("CSL-JSON", "json", "application/vnd.citationstyles.csl+json")))

    def title(self, work: Work) -> str:
        if work.key not in self.titles:
            self.titles[work.key] = page_title(work, self.style(self.lang))
        return self.titles[work.key]


# --- one work ---------------------------------------------------------------------------------


def page_title(work: Work, style: gost.Style) -> str:
    """A short name for the work: its own title, or the set's title and the volume."""
    if work.type == "collection" and work.parent is not None and work.own("volume"):
        volume = f"{style.words['volume']} {work.own('volume')}"
        if work.own("title"):
            volume += ": " + style.text(work.own("title"))
        return gost.sentence(page_title(work.parent, style), volume).rstrip(".")
    head = gost.heading(work, style)
    title = style.in_language(work, style.text(work.own("title")))
    return f"{head} {title}" if head else title


def lang_attribute(work: Work, page_lang: str) -> str:
    """` lang="de"` for a reference in another language than the page's (English pages mark
    the runs inside it instead: runs())."""
    code = work.marked_language(page_lang)
    return f' lang="{code}"' if code else ""


def runs(text: str) -> str:
    """A description as Markdown: each run in another language a <span lang>, all escaped."""
    if "\x02" not in text:
        return escape.md(text)
    return "".join(f'<span lang="{code}">{escape.md(piece)}</span>' if code else escape.md(piece)
                   for code, piece in gost.segments(text))


def cited_in(citations: list[Citation], lang: str) -> list[str]:
    """One line per citing note: the note, its pinpoint and kind, and its place in the text."""
    lines = []
    for citation in citations:
        line = f"- [{label(lang, 'note', n=citation.note)}]({ARTICLE}#fn:{citation.note})"
        details = [escape.md(citation.pinpoint)] if citation.pinpoint else []
        details += [f"*{label(lang, 'relation_' + relation)}*" for relation in citation.relations]
        if details:
            line += " — " + "; ".join(details)
        if citation.paragraph:
            place = label(lang, "in_text", n=citation.paragraph.removeprefix("p"))
            line += f" ([{place}]({ARTICLE}#fnref:{citation.note}))"
        lines.append(line)
    return lines


def editor_note_lines(notes: list, lang: str) -> list[str]:
    """The editor's notes on the work's citations (or citing it), after the author's notes."""
    return [f"- [{label(lang, 'editor_ref', letter=note.letter)}]({ARTICLE}#{note.html_id})" for note in notes]


def note_links(citations: list[Citation], lang: str) -> str:
    """"примеч. 17, 18" / "notes 17, 18": links to the notes."""
    word = label(lang, "notes_short" if len(citations) > 1 else "note_short")
    return f"{word} " + ", ".join(f"[{c.note}]({ARTICLE}#fn:{c.note})" for c in citations)


def _fence(text: str) -> str:
    """A code fence longer than any run of backticks in the text."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def download_link(text: str, filename: str, label_text: str, media_type: str = "application/x-bibtex") -> str:
    """A link that saves `text` as a file: a data URI, so no file per work is written.
    `label_text` is Markdown, already escaped."""
    data = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return (f'<a href="data:{media_type};charset=utf-8;base64,{data}" '
            f'download="{escape.attr(filename)}">{label_text}</a>')


def work_page(work: Work, ctx: Context) -> str:
    lang, words = ctx.lang, LABELS[ctx.lang]
    heading_lang = lang_attribute(work, lang).strip()
    out = [f"# {runs(ctx.title(work))}" + (f" {{: {heading_lang} }}" if heading_lang else ""), "",
           f'<p class="work-reference"{lang_attribute(work, lang)}>{runs(ctx.reference(work))}</p>', ""]
    if lang == "en" and is_cyrillic(work.own("title") or work.get("title")):
        original = escape.md(ctx.reference(work, "ru"))
        out += [f'<p class="work-original"><span class="work-original-label">{words["original"]}:</span> '
                f'<span lang="ru">{original}</span></p>', ""]

    if work.parent is not None:
        chain = " › ".join(f"[{runs(ctx.title(a))}]({a.key}.md)" for a in reversed(work.ancestors()))
        out += [f"**{words['published_in']}:** {chain}", ""]

    out += [f"## {words['cited_in']}", ""]
    own = ctx.citations.get(work.key)
    out += cited_in(own, lang) if own else [words["not_cited_directly"]]
    out += editor_note_lines(ctx.editor_notes.get(work.key, []), lang)
    out.append("")

    if work.children:
        parts = [d for d in work.descendants() if d.key in ctx.citations]
        if parts:
            out += [f"## {words['parts_cited']}", ""]
            for part in sorted(parts, key=lambda d: min(c.note for c in ctx.citations[d.key])):
                out.append(f"- [{runs(ctx.title(part))}]({part.key}.md) — "
                           + note_links(ctx.citations[part.key], lang))
            out.append("")

    block = ctx.record_block(work)
    out += [f"## {words['bibtex']}", "", block, ""]
    if any(f"\n  {name} " in block for name in ("usera", "userb", "editora")):
        out += [words["custom_fields"], ""]  # what biblatex's custom fields hold here
    out += [f"{words['download']}: {ctx.downloads(work)}", "", f"[{words['back_to_bibliography']}](index.md)", ""]
    return "\n".join(out)


# --- the bibliography --------------------------------------------------------------------------


def bibliography_page(works: list[Work], ctx: Context) -> str:
    lang = ctx.lang
    out = [f"# {label(lang, 'works')}", "", label(lang, "bibliography_intro"), "",
           f"{label(lang, 'download_all')}: [biblatex](references.bib) · [RIS](references.ris) · "
           f"[CSL-JSON](references.json)", ""]
    for group in ("primary", "secondary"):
        members = [w for w in works if w.group == group]
        if not members:
            continue
        out += [f"## {label(lang, group)}", ""]
        for number, work in enumerate(members, 1):
            attribute = lang_attribute(work, lang).strip()
            line = f"{number}. [{runs(ctx.reference(work))}]({work.key}.md)"
            line += f"{{: {attribute} }}" if attribute else ""
            notes = ctx.citations.get(work.key, [])
            if notes:
                line += " — " + note_links(notes, lang)
            out.append(line)
        out.append("")
    return "\n".join(out)


# --- writing -----------------------------------------------------------------------------------


def pages(bibliography: Bibliography, citations: dict[str, list[Citation]],
          place_names: dict[str, str], lang: str, ordered: list[Work] | None = None,
          references: dict | None = None, records: dict | None = None,
          editor_notes: dict | None = None) -> dict[str, str]:
    """Every generated page of one language: file name (`KEY.md`, `index.md`) → Markdown."""
    ordered = ordered if ordered is not None else sorted(bibliography.works.values(), key=gost.sort_key)
    ctx = Context(lang, bibliography, by_work(citations.get(lang, ())), place_names,
                  references if references is not None else {},
                  records=records if records is not None else exports.records(ordered),
                  editor_notes=(editor_notes or {}).get(lang, {}))
    files = {f"{work.key}.md": work_page(work, ctx) for work in ordered}
    files["index.md"] = bibliography_page(ordered, ctx)
    return files


def downloads(ordered: list[Work], records: dict[str, dict[str, str]]) -> dict[str, str]:
    """The whole bibliography, in list order, as files to download (the same in both
    languages), joined from the works' own records."""
    return {"references.bib": exports.bibtex(ordered),
            "references.ris": "\n".join(records[w.key]["ris"] for w in ordered),
            "references.json": formats.csl_list([records[w.key]["csl"] for w in ordered])}


def all_pages(bibliography: Bibliography, citations: dict[str, list[Citation]],
              place_names: dict[str, str], editor_notes: dict | None = None) -> dict[str, dict[str, str]]:
    """Pages and downloads of every language: language → file name → text. `editor_notes`:
    language → work key → the editor's notes concerning its citations."""
    ordered = sorted(bibliography.works.values(), key=gost.sort_key)
    references: dict[tuple[str, str], str] = {}
    records = exports.records(ordered)
    shared = downloads(ordered, records)
    return {lang: pages(bibliography, citations, place_names, lang, ordered, references, records, editor_notes)
            | shared
            for lang in paths.LANGUAGES}


def write_folder(files: dict[str, dict[str, str]], root: Path) -> int:
    """Write `all_pages` output as ROOT/LANG/works/NAME, for reading outside the site."""
    count = 0
    for lang, named in files.items():
        folder = root / lang / paths.WORKS_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in named.items():
            (folder / name).write_text(text, encoding="utf-8")
            count += 1
    return count
