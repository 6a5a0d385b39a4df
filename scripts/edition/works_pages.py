"""Writing the citation pages: one page per work in each language, and the bibliography.

Pages are written as real Markdown files under `docs/<lang>/works/` (git-ignored), because
the i18n plugin cannot handle pages created in memory. A file is rewritten only when its
content changes, so that `mkdocs serve` does not rebuild for ever, and files of works no
longer in the bibliography are removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import escape, exports, gost, paths
from .bibliography import Bibliography, Work
from .citations import Citation, by_work
from .labels import label
from .romanize import is_cyrillic

ARTICLE = "../article.md"  # from a page in works/ to the article


@dataclass
class Context:
    lang: str
    bibliography: Bibliography
    citations: dict[str, list[Citation]]  # by work key
    place_names: dict[str, str]

    def reference(self, work: Work, lang: str | None = None) -> str:
        return gost.reference(work, lang or self.lang, place_names=self.place_names)


# --- one work ---------------------------------------------------------------------------------


def page_title(work: Work, lang: str) -> str:
    """A short name for the work: its own title, or the set's title and the volume."""
    style = gost.Style(lang)
    if work.type == "collection" and work.parent is not None and work.own("volume"):
        volume = f"{style.words['volume']} {work.own('volume')}"
        if work.own("title"):
            volume += ": " + style.text(work.own("title"))
        return gost.sentence(page_title(work.parent, lang), volume).rstrip(".")
    head = gost.heading(work, style)
    title = style.text(work.own("title"))
    return f"{head} {title}" if head else title


def cited_in(citations: list[Citation], lang: str) -> list[str]:
    lines = []
    for citation in citations:
        note = label(lang, "note", n=citation.note)
        line = f"- [{note}]({ARTICLE}#fn:{citation.note})"
        if citation.paragraph:
            paragraph = label(lang, "to_paragraph", n=citation.paragraph.removeprefix("p"))
            line += f" ({paragraph}: [{'текст' if lang == 'ru' else 'text'}]({ARTICLE}#fnref:{citation.note}))"
        details = [escape.md(citation.pinpoint)] if citation.pinpoint else []
        if citation.relation != "direct":
            details.append(f"*{label(lang, 'relation_' + citation.relation)}*")
        if details:
            line += " — " + ", ".join(details)
        lines.append(line)
    return lines


def _fence(text: str) -> str:
    longest = max((len(run) for run in text.split("\n") if set(run) == {"`"}), default=0)
    run, longest_inline = 0, 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest_inline = max(longest_inline, run)
    return "`" * max(3, longest + 1, longest_inline + 1)


def work_page(work: Work, ctx: Context) -> str:
    lang = ctx.lang
    out = [f"# {escape.md(page_title(work, lang))}", ""]
    reference = escape.md(ctx.reference(work))
    out += [f'<p class="work-reference">{reference}</p>', ""]
    if lang == "en" and is_cyrillic(gost.reference(work, "ru")):
        original = escape.md(gost.reference(work, "ru"))
        out += [f'<p class="work-original"><span class="work-original-label">{label(lang, "original")}:</span> '
                f'<span lang="ru">{original}</span></p>', ""]

    if work.parent is not None:
        chain = " › ".join(f"[{escape.md(page_title(a, lang))}]({a.key}.md)" for a in reversed(work.ancestors()))
        out += [f"**{label(lang, 'published_in')}:** {chain}", ""]

    out += [f"## {label(lang, 'cited_in')}", ""]
    own = ctx.citations.get(work.key, [])
    out += cited_in(own, lang) if own else [label(lang, "not_cited_directly")]
    out.append("")

    parts = [d for d in work.descendants() if d.key in ctx.citations]
    if parts:
        out += [f"## {label(lang, 'parts_cited')}", ""]
        for part in sorted(parts, key=lambda d: min(c.note for c in ctx.citations[d.key])):
            notes = ", ".join(f"[{c.note}]({ARTICLE}#fn:{c.note})" for c in ctx.citations[part.key])
            word = "примеч." if lang == "ru" else "notes"
            out.append(f"- [{escape.md(page_title(part, lang))}]({part.key}.md) — {word} {notes}")
        out.append("")

    record = exports.bibtex([work]).strip()
    fence = _fence(record)
    out += [f"## {label(lang, 'bibtex')}", "", f"{fence}bibtex", record, fence, "",
            f"[{label(lang, 'download_bibtex')}]({work.key}.bib) · "
            f"[{label(lang, 'download_ris')}]({work.key}.ris) · "
            f"[{label(lang, 'back_to_bibliography')}](index.md)", ""]
    return "\n".join(out)


# --- the bibliography --------------------------------------------------------------------------


def bibliography_page(works: list[Work], ctx: Context) -> str:
    lang = ctx.lang
    out = [f"# {label(lang, 'works')}", "", label(lang, "bibliography_intro"), "",
           f"[{label(lang, 'download_bibtex')}](references.bib) · [{label(lang, 'download_ris')}](references.ris)", ""]
    for group in ("primary", "secondary"):
        members = [w for w in works if w.group == group]
        if not members:
            continue
        out += [f"## {label(lang, group)}", ""]
        for number, work in enumerate(members, 1):
            line = f"{number}. [{escape.md(ctx.reference(work))}]({work.key}.md)"
            notes = ctx.citations.get(work.key, [])
            if notes:
                word = "примеч." if lang == "ru" else "notes"
                line += f" — {word} " + ", ".join(f"[{c.note}]({ARTICLE}#fn:{c.note})" for c in notes)
            out.append(line)
        out.append("")
    return "\n".join(out)


# --- writing -----------------------------------------------------------------------------------


def _write(path: Path, content: str, written: set[Path]) -> None:
    written.add(path)
    try:
        if path.read_text(encoding="utf-8") == content:
            return
    except FileNotFoundError:
        pass
    path.write_text(content, encoding="utf-8")


def generate(bibliography: Bibliography, citations: dict[str, list[Citation]],
             place_names: dict[str, str], root: Path | None = None) -> int:
    """Write every language's works folder; return the number of files written or kept."""
    ordered = sorted(bibliography.works.values(), key=gost.sort_key)
    everything_bib = exports.bibtex(ordered)
    everything_ris = exports.ris(ordered)
    count = 0
    for lang in paths.LANGUAGES:
        folder = (root / lang / paths.WORKS_FOLDER) if root else paths.works_dir(lang)
        folder.mkdir(parents=True, exist_ok=True)
        ctx = Context(lang, bibliography, by_work(citations.get(lang, ())), place_names)
        written: set[Path] = set()
        for work in ordered:
            _write(folder / f"{work.key}.md", work_page(work, ctx), written)
            _write(folder / f"{work.key}.bib", exports.bibtex([work]), written)
            _write(folder / f"{work.key}.ris", exports.ris([work]), written)
        _write(folder / "index.md", bibliography_page(ordered, ctx), written)
        _write(folder / "references.bib", everything_bib, written)
        _write(folder / "references.ris", everything_ris, written)
        for stale in set(folder.iterdir()) - written:
            if stale.is_file():
                stale.unlink()
        count += len(written)
    return count
