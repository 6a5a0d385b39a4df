"""Benchmark of the whole site, run by hand (not in CI): build cost, growth, first view, Lighthouse.

    .venv/bin/python benchmarks/site.py [--runs 5] [--synthetic-runs 3] [--lighthouse-runs 3]
                                        [--sizes 1000 2000] [--report benchmarks/out/site-report.md]

1. The edition's full build against a plain Material build of the same Markdown: a copy of
   the project without the edition's hook, fed the Markdown the hook produced (recorded by a
   tiny extra hook during one edition build) as real files in docs/<lang>/. Goal: ≤ 1.3×.
2. A synthetic edition of 1,000 and 2,000 sources in both languages (the real bibliography
   plus benchmarks/synthetic.py's entries): build time, peak memory of the mkdocs process,
   and the growth between them. Goal: linear, ≤ 2.2×.
3. Each article page's first view (Russian and English) in Chromium, from a local server that
   sends the site under /REPO/ gzip-compressed as GitHub Pages does: bytes on the wire and
   requests, each listed, for the edition and for two pages of Material's default theme
   (no edition templates, CSS, JavaScript or face), side by side:
   - "default": the plain build of the Markdown the hook produced. The edition's marks are
     expanded by its Markdown extension, which the plain build lacks, so this page shows them
     raw ({header}, {ed …}) and lacks what they make: the article's header, the how-to-cite
     block, the emendations, the editor's notes.
   - "default, same text": Material's default page holding the article as the edition
     renders it (its HTML, recorded during the edition's build): the same words, notes and
     editor's notes in the default theme, which is what the edition's design is weighed on.
   Goal: ≤ 110 KB, ≤ 12 requests.
4. Lighthouse (npm `lighthouse`, pinned 12.2.3, through npx) on the article pages, mobile,
   median of the runs, alternated, where npx can run it. Goal: performance and largest
   contentful paint at least as good as the default pages' in the same run; accessibility,
   best practices, SEO 100.

Every build is `mkdocs build --strict` in a fresh process with a fixed SOURCE_DATE_EPOCH; its
time is wall-clock, its memory the process's own peak resident set (os.wait4's ru_maxrss).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))  # the GitHub Pages-like server and Chromium settings
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS, copy_project, server_url, start_pages_server  # noqa: E402

DEFAULT_REPORT = HERE / "out" / "site-report.md"
LIGHTHOUSE = "lighthouse@12.2.3"
EPOCH = "1700000000"
GOALS = {"ratio": 1.3, "growth": 2.2, "kb": 110, "requests": 12}


# --- Builds -----------------------------------------------------------------------------------

def timed_build(project: Path, site: Path, site_url: str | None = None,
                extra_env: dict | None = None) -> tuple[float, float]:
    """(seconds, peak MB) of one `mkdocs build --strict` of `project` into `site`."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=EPOCH, **(extra_env or {}))
    if site_url:
        env["SITE_URL"] = site_url
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                                 cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
        # wait4 gives this child's own resource use; RUSAGE_CHILDREN would mix all builds.
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            log.seek(0)
            raise RuntimeError(f"build of {project} failed:\n{log.read().decode()[-3000:]}")
    return seconds, usage.ru_maxrss / 1024  # Linux reports kilobytes


def without_keys(config: str, keys: tuple[str, ...]) -> str:
    """mkdocs.yml's text without the top-level `keys` and their indented blocks (the file
    holds !ENV and python tags, so it is edited as text, not loaded and dumped)."""
    out, skipping = [], False
    for line in config.splitlines(keepends=True):
        top = re.match(r"([A-Za-z_]+):", line)
        if top:
            skipping = top.group(1) in keys
        elif line.strip() and not line.startswith((" ", "\t", "#")):
            skipping = False
        if not skipping:
            out.append(line)
    return "".join(out)


# A second hook, run after the edition's on each event, that writes down what the edition
# hands MkDocs: every page's Markdown after the edition's marks are expanded, and the text
# of every file the edition generates (works pages, downloads).
RECORDER = '''
import json, os
from mkdocs.plugins import event_priority

_pages, _files, _contents = {}, {}, {}

@event_priority(-120)
def on_files(files, config, **kwargs):
    for file in files:
        if getattr(file, "generated_by", None) and not file.src_uri.endswith(".md"):
            _files[file.src_uri] = file.content_string
    return files

@event_priority(-100)
def on_page_markdown(markdown, page, **kwargs):
    _pages[page.file.src_uri] = markdown
    return markdown

@event_priority(-100)
def on_page_content(html, page, **kwargs):
    _contents[page.file.src_uri] = html
    return html

def on_post_build(config, **kwargs):
    with open(os.environ["EDITION_RECORD"], "w", encoding="utf-8") as out:
        json.dump({"pages": _pages, "files": _files, "contents": _contents}, out, ensure_ascii=False)
'''


def default_project(plain: Path, dest: Path) -> Path:
    """Material's default page of the same article: the plain project without the edition's
    templates, stylesheet, script and favicon (the fonts stay the system's: the benchmark's
    machine has no Google Fonts to reach)."""
    shutil.copytree(plain / "docs", dest / "docs")
    config = without_keys((plain / "mkdocs.yml").read_text(encoding="utf-8"), ("extra_css", "extra_javascript"))
    config = re.sub(r"(?m)^  (custom_dir|favicon): .*\n", "", config)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest


NO_BOOKS = {"EDITION_BOOKS": "0"}  # the site alone: the books are measured on their own
ARTICLE_PAGES = {"ru": "article/", "en": "en/article/"}


def same_text_project(default: Path, work: Path, dest: Path) -> Path:
    """Material's default page holding the article as the edition renders it: the default
    project with each language's article page replaced by the edition's HTML of it (recorded
    by plain_project), which Python-Markdown passes through as one raw block."""
    shutil.copytree(default, dest)
    contents = json.loads((work / "record.json").read_text(encoding="utf-8"))["contents"]
    for lang in ARTICLE_PAGES:
        html = contents[f"{lang}/article.md"]
        (dest / "docs" / lang / "article.md").write_text(f"<div>\n{html}\n</div>\n", encoding="utf-8")
    return dest


def plain_project(edition: Path, dest: Path, work: Path) -> Path:
    """The same docs and theme without the edition's hook, fed the Markdown the hook made."""
    recording = copy_project(work / "recording")
    (work / "recorder.py").write_text(RECORDER, encoding="utf-8")
    config = (recording / "mkdocs.yml").read_text(encoding="utf-8")
    # The recorder goes last in the hooks list, after the edition's hook.
    config, added = re.subn(r"(?m)^(hooks:\n(?:  - .*\n)+)",
                            lambda m: m.group(1) + f"  - {work / 'recorder.py'}\n", config, count=1)
    assert added == 1, "mkdocs.yml has no `hooks:` list to add the recorder to"
    (recording / "mkdocs.yml").write_text(config, encoding="utf-8")
    record = work / "record.json"
    # The books are not recorded (no page holds them): the recording build leaves them out.
    timed_build(recording, work / "recording-site", extra_env={"EDITION_RECORD": str(record), **NO_BOOKS})
    made = json.loads(record.read_text(encoding="utf-8"))

    dest.mkdir(parents=True)
    shutil.copytree(edition / "docs", dest / "docs", ignore=shutil.ignore_patterns("works", "__pycache__"))
    shutil.copytree(edition / "overrides", dest / "overrides")
    plain = without_keys((edition / "mkdocs.yml").read_text(encoding="utf-8"), ("hooks", "watch"))
    # The anchors the edition's tree processors add (the editor's notes' #ed-…) are not in the
    # recorded Markdown: the plain build reports links to them without failing.
    plain += "\nvalidation:\n  anchors: info\n"
    (dest / "mkdocs.yml").write_text(plain, encoding="utf-8")
    languages = sorted({uri.split("/", 1)[0] for uri in made["pages"]})
    written = {}
    for src_uri, text in {**made["files"], **made["pages"]}.items():
        if src_uri.split("/", 1)[0] in languages:
            written[src_uri] = text
        else:
            # A file the edition shares between languages (cite/article.bib): mkdocs-static-i18n
            # builds a file outside the language folders for the default language only, so the
            # other language's links to it would break the strict build. Plain MkDocs needs a
            # copy in each language folder.
            written.update({f"{lang}/{src_uri}": text for lang in languages})
    for src_uri, text in written.items():
        path = dest / "docs" / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return dest




def edition_against_plain(runs: int, work: Path) -> dict:
    """The site's build against plain Material's, and the same build with the books."""
    edition = copy_project(work / "edition")
    plain = plain_project(edition, work / "plain", work)
    kinds = (("edition", edition, NO_BOOKS), ("plain", plain, NO_BOOKS), ("books", edition, {"EDITION_BOOKS": "1"}))
    times = {name: [] for name, _, _ in kinds}
    memory = {name: [] for name, _, _ in kinds}
    for run in range(runs):  # alternated, so that a slow moment of the machine hits all
        for name, project, env in kinds:
            seconds, peak = timed_build(project, work / f"{name}-site", extra_env=env)
            times[name].append(seconds)
            memory[name].append(peak)
        print(f"  run {run + 1}: " + ", ".join(f"{name} {times[name][-1]:.2f} s" for name in times))
    pages = {name: sum(1 for _ in (work / f"{name}-site").rglob("*.html")) for name in times}
    books = {path.name: path.stat().st_size for path in sorted((work / "books-site" / "data").glob("edition-*.*"))}
    return {"times": times, "memory": memory, "pages": pages, "books": books,
            "ratio": statistics.median(times["edition"]) / statistics.median(times["plain"])}


def synthetic_edition(sizes: list[int], runs: int, work: Path) -> dict:
    real = (ROOT / "sources" / "references.bib").read_text(encoding="utf-8")
    real_count = len(re.findall(r"(?m)^@\w+\s*\{", real))
    results = {}
    for size in sizes:
        project = copy_project(work / f"synthetic-{size}")
        # The real entries stay: the notes cite them, and the build checks every citation.
        bib = real + "\n" + synthetic.bibliography(size - real_count)
        (project / "sources" / "references.bib").write_text(bib, encoding="utf-8")
        times, peaks = [], []
        for run in range(runs):
            seconds, peak = timed_build(project, work / f"synthetic-{size}-site", extra_env=NO_BOOKS)
            times.append(seconds)
            peaks.append(peak)
            print(f"  {size} sources, run {run + 1}: {seconds:.2f} s, {peak:.0f} MB")
        pages = sum(1 for _ in (work / f"synthetic-{size}-site").rglob("*.html"))
        results[size] = {"times": times, "peaks": peaks, "pages": pages}
    return results


# --- In the browser ---------------------------------------------------------------------------

def first_view(url: str, server) -> list[dict]:
    """Every request of a page's first view in a fresh Chromium profile, as the server
    answered it: path, status, compressed body bytes, header bytes."""
    from playwright.sync_api import sync_playwright
    server.log.clear()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(1500)  # anything a script asks for late (search index, worker)
        browser.close()
    return [{"path": path, "status": status, "body": body, "headers": headers}
            for path, status, body, headers in server.log]


def lighthouse(urls: dict[tuple, str], runs: int, work: Path) -> dict[tuple, dict] | None:
    """Lighthouse's mobile report for each of `urls` (by site and language), `runs` times, the
    pages alternated so that a slow moment of the machine hits all; None where npx cannot run it."""
    npx = shutil.which("npx")
    if not npx:
        return None
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    reports: dict[tuple, list[dict]] = {name: [] for name in urls}
    for run in range(runs):
        for name, url in urls.items():
            output = work / ("lighthouse-" + re.sub(r"\W+", "-", " ".join(name)) + f"-{run}.json")
            command = [npx, "--yes", LIGHTHOUSE, url, "--quiet", "--output=json", f"--output-path={output}",
                       "--only-categories=performance,accessibility,best-practices,seo",
                       "--no-enable-error-reporting", f"--chrome-flags={flags}"]
            result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
            if result.returncode != 0 or not output.is_file():
                print(f"  Lighthouse did not run: {(result.stderr or result.stdout)[-500:]}")
                return None
            reports[name].append(json.loads(output.read_text(encoding="utf-8")))
            scores = {k: round(v["score"] * 100) for k, v in reports[name][-1]["categories"].items()}
            print(f"  Lighthouse run {run + 1}, {' '.join(name)}: {scores}")
    return {name: summarise_lighthouse(found) for name, found in reports.items()}


def summarise_lighthouse(reports: list[dict]) -> dict:
    categories = {}
    for key in reports[0]["categories"]:
        categories[key] = [round(r["categories"][key]["score"] * 100) for r in reports]
    median_run = sorted(reports, key=lambda r: r["categories"]["performance"]["score"])[len(reports) // 2]
    audits = median_run["audits"]
    metrics = {audits[k]["title"]: audits[k]["displayValue"] for k in
               ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                "cumulative-layout-shift", "speed-index") if k in audits}
    failing = {}
    for category in median_run["categories"].values():
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                value = f", {audit['displayValue']}" if audit.get("displayValue") else ""
                examples = [_example(item) for item in audit.get("details", {}).get("items", [])[:3]]
                where = f": {'; '.join(e for e in examples if e)}" if any(examples) else ""
                failing.setdefault(category["title"], []).append(
                    f"{audit['title']} (score {audit['score']:.2f}{value}){where}")
    runs = {key: [r["audits"][audit]["numericValue"] for r in reports]
            for key, audit in (("lcp", "largest-contentful-paint"), ("fcp", "first-contentful-paint"),
                               ("cls", "cumulative-layout-shift"))}
    return {"categories": categories, "metrics": metrics, "failing": failing,
            "lcp_ms": statistics.median(runs["lcp"]), "lcp_runs": runs["lcp"],
            "fcp_ms": statistics.median(runs["fcp"]), "fcp_runs": runs["fcp"], "cls": statistics.median(runs["cls"]),
            "version": median_run.get("lighthouseVersion", "?"),
            "chrome": median_run.get("environment", {}).get("hostUserAgent", "?")}


def _example(item: dict) -> str:
    """The element or resource a Lighthouse finding is about, shortly."""
    for key in ("node", "source", "relatedNode"):
        if isinstance(item.get(key), dict) and item[key].get("snippet"):
            snippet = " ".join(item[key]["snippet"].split())[:140]
            selector = item[key].get("selector", "")
            return f"`{snippet}`" + (f" at `{selector}`" if selector else "")
    if item.get("url"):
        return f"`{item['url']}`"
    return ""


# --- The report -------------------------------------------------------------------------------

def verdict(ok: bool) -> str:
    return "meets the goal" if ok else "**misses the goal**"


def report_lines(args, build: dict | None, growth: dict | None, views: dict[tuple, list[dict]],
                 lh: dict | None) -> list[str]:
    lines = [
        "# Site benchmark", "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}. Every build: `mkdocs build --strict`, a fresh "
        f"process; time is wall-clock, memory the process's peak resident set.", ""]
    if build is None:
        lines += ["The builds were not timed in this run (`--browser-only`).", ""]
    else:
        lines += build_lines(args, build, growth)
    return lines + browser_lines(views, lh)


def build_lines(args, build: dict, growth: dict) -> list[str]:
    med = statistics.median
    lines = [
        "## Full build: the edition against plain Material", "",
        f"Median of {args.runs} runs each, alternated. The plain build is the same docs, theme and "
        "plugins without the edition's hook, fed the Markdown and files the hook produced.", "",
        "| build | HTML pages | median s | runs (s) | peak MB |", "| --- | ---: | ---: | --- | ---: |",
    ]
    for name in ("edition", "plain"):  # the books' build has a section of its own
        lines.append(f"| {name} | {build['pages'][name]} | {med(build['times'][name]):.2f} | "
                     + ", ".join(f"{t:.2f}" for t in build["times"][name])
                     + f" | {max(build['memory'][name]):.0f} |")
    lines += ["", f"Ratio edition / plain: **{build['ratio']:.2f}×** (goal ≤ {GOALS['ratio']}×): "
              f"{verdict(build['ratio'] <= GOALS['ratio'])}.", ""]

    med_books = med(build["times"]["books"]) - med(build["times"]["edition"])
    lines += ["## The books: two PDFs and two EPUBs", "",
              "The same build with the books (EDITION_BOOKS=1, as `make build` and the Pages workflow run it) "
              "against the build without them, in the same runs: their cost is the difference.", "",
              "| build | median s | runs (s) | peak MB |", "| --- | ---: | --- | ---: |"]
    for name in ("edition", "books"):
        lines.append(f"| {'site and books' if name == 'books' else 'site alone'} | {med(build['times'][name]):.2f} | "
                     + ", ".join(f"{t:.2f}" for t in build["times"][name]) + f" | {max(build['memory'][name]):.0f} |")
    lines += ["", f"Making the books: **{med_books:.2f} s**; peak memory of the build with them "
              f"**{max(build['memory']['books']):.0f} MB** (without: {max(build['memory']['edition']):.0f} MB).", "",
              "| file | bytes |", "| --- | ---: |"]
    lines += [f"| `{name}` | {size:,} |" for name, size in build["books"].items()]
    lines.append("")

    sizes = sorted(growth)
    lines += ["## Synthetic editions", "",
              f"The real bibliography plus synthetic entries (benchmarks/synthetic.py), both languages; "
              f"median of {args.synthetic_runs} runs.", "",
              "| sources | HTML pages | median s | runs (s) | peak MB |", "| ---: | ---: | ---: | --- | ---: |"]
    for size in sizes:
        g = growth[size]
        lines.append(f"| {size:,} | {g['pages']:,} | {med(g['times']):.2f} | "
                     + ", ".join(f"{t:.2f}" for t in g["times"]) + f" | {max(g['peaks']):.0f} |")
    if len(sizes) >= 2:
        small, large = growth[sizes[0]], growth[sizes[-1]]
        factor = med(large["times"]) / med(small["times"])
        memory_factor = max(large["peaks"]) / max(small["peaks"])
        lines += ["", f"Growth from {sizes[0]:,} to {sizes[-1]:,} sources: time **{factor:.2f}×** "
                  f"(goal ≤ {GOALS['growth']}×: {verdict(factor <= GOALS['growth'])}), "
                  f"peak memory {memory_factor:.2f}×."]
    lines.append("")
    return lines


def browser_lines(views: dict[tuple, list[dict]], lh: dict | None) -> list[str]:
    med = statistics.median
    lines = []
    lines += ["## The articles' first view: the edition and Material's default pages", "",
              "Chromium with an empty cache opens each article page (/REPO/article/, /REPO/en/article/) from a "
              "local server that sends the site under /REPO/ with gzip, as GitHub Pages does; counted at the "
              "server until the network is idle. Two pages of Material's default theme (no edition templates, "
              "CSS, JavaScript or face), built in the same run: *default*, the plain build of the Markdown the "
              "hook produced, which shows the edition's marks raw and so lacks the header, the how-to-cite block, "
              "the emendations and the editor's notes; *default, same text*, the default theme holding the "
              "article as the edition renders it.", ""]
    names = sorted({name for name, _ in views}, key=lambda n: (n != "edition", n))
    totals = {}
    for key, requests in views.items():
        totals[key] = (sum(r["body"] + r["headers"] for r in requests) / 1024, len(requests))
    lines += ["| page | " + " | ".join(names) + " |", "| --- |" + " ---: |" * len(names)]
    for lang, path in ARTICLE_PAGES.items():
        lines.append(f"| /REPO/{path} | " + " | ".join(
            f"{totals[(n, lang)][0]:.1f} KB, {totals[(n, lang)][1]} requests" for n in names) + " |")
    lines.append("")
    for (name, lang), requests in views.items():
        lines += [f"### {name}: /REPO/{ARTICLE_PAGES[lang]}", "", "| # | request | status | bytes (gzip body + headers) |",
                  "| ---: | --- | ---: | ---: |"]
        for number, r in enumerate(requests, 1):
            lines.append(f"| {number} | `{r['path']}` | {r['status']} | {r['body'] + r['headers']:,} |")
        lines += ["", f"Total: **{totals[(name, lang)][0]:.1f} KB** in **{totals[(name, lang)][1]} requests**.", ""]
    for lang, path in ARTICLE_PAGES.items():
        kb, count = totals[("edition", lang)]
        lines.append(f"- /REPO/{path}: the edition {kb:.1f} KB in {count} requests. Goal ≤ {GOALS['kb']} KB: "
                     f"{verdict(kb <= GOALS['kb'])}; ≤ {GOALS['requests']} requests: "
                     f"{verdict(count <= GOALS['requests'])}.")
    lines.append("")

    lines += ["## Lighthouse (mobile) on the articles: the edition and Material's default pages", ""]
    if lh is None:
        lines += ["Not run: `npx` is missing or could not run Lighthouse here.", ""]
        return lines
    titles = {"performance": "Performance", "accessibility": "Accessibility",
              "best-practices": "Best practices", "seo": "SEO"}
    first = next(iter(lh.values()))
    runs = len(first["categories"]["performance"])
    lines += [f"Lighthouse {first['version']}, {runs} run(s) of each page, alternated; medians (each run in "
              "brackets). Sites served locally with gzip; Lighthouse's simulated slow 4G and CPU.", ""]
    for lang, path in ARTICLE_PAGES.items():
        lines += [f"### /REPO/{path}", "", "| | " + " | ".join(names) + " |", "| --- |" + " ---: |" * len(names)]
        for key, title in titles.items():
            cells = []
            for name in names:
                found = lh[(name, lang)]["categories"].get(key, [])
                cells.append(f"{med(found):.0f} ({', '.join(map(str, found))})" if found else "–")
            lines.append(f"| {title} | " + " | ".join(cells) + " |")
        for metric, label in (("fcp_ms", "First contentful paint"), ("lcp_ms", "Largest contentful paint")):
            lines.append(f"| {label}, s | " + " | ".join(
                f"{lh[(n, lang)][metric] / 1000:.2f} ("
                + ", ".join(f"{v / 1000:.2f}" for v in lh[(n, lang)][metric.replace('_ms', '_runs')]) + ")"
                for n in names) + " |")
        lines.append("| Cumulative layout shift | " + " | ".join(
            f"{lh[(n, lang)]['cls']:.3f}" for n in names) + " |")
        lines.append("")
        mine = lh[("edition", lang)]
        for name in names[1:]:
            theirs = lh[(name, lang)]
            ok = (med(mine["categories"]["performance"]) >= med(theirs["categories"]["performance"])
                  and mine["lcp_ms"] <= theirs["lcp_ms"])
            lines.append(f"Against *{name}*: performance {med(mine['categories']['performance']):.0f} against "
                         f"{med(theirs['categories']['performance']):.0f}, largest contentful paint "
                         f"{mine['lcp_ms'] / 1000:.2f} s against {theirs['lcp_ms'] / 1000:.2f} s. Goal, at least as "
                         f"good: {verdict(ok)}.")
            lines.append("")
        if mine["failing"]:
            lines += ["Audits of the edition below full score (median run):"]
            for category, audits in mine["failing"].items():
                lines += [f"- {category}: " + "; ".join(audits)]
            lines.append("")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="builds of each kind for the ratio")
    parser.add_argument("--synthetic-runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000])
    parser.add_argument("--lighthouse-runs", type=int, default=3)
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--browser-only", action="store_true",
                        help="only the first view and Lighthouse (for trying a change to the pages)")
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="site-benchmark-") as tmp:
        work = Path(tmp)
        if args.browser_only:  # the projects the pages need, without timing their builds
            build = growth = None
            plain_project(copy_project(work / "edition"), work / "plain", work)
        else:
            print("Full build, edition against plain Material:")
            build = edition_against_plain(args.runs, work)
            print("Synthetic editions:")
            growth = synthetic_edition(args.sizes, args.synthetic_runs, work)

        print("First view and Lighthouse, the edition and Material's default pages:")
        default = default_project(work / "plain", work / "default")
        projects = {"edition": work / "edition", "default": default,
                    "default, same text": same_text_project(default, work, work / "same-text")}
        servers, urls = {}, {}
        try:
            for number, (name, project) in enumerate(projects.items()):
                served = work / f"served-{number}"
                served.mkdir()
                servers[name] = start_pages_server(served)  # started first: SITE_URL has its port
                urls[name] = server_url(servers[name])
                timed_build(project, served, site_url=urls[name], extra_env=NO_BOOKS)
            views = {(name, lang): first_view(urls[name] + path, servers[name])
                     for lang, path in ARTICLE_PAGES.items() for name in projects}
            lh = None if args.no_lighthouse else lighthouse(
                {(name, lang): urls[name] + path for lang, path in ARTICLE_PAGES.items() for name in projects},
                args.lighthouse_runs, work)
        finally:
            for server in servers.values():
                server.shutdown()

    report = "\n".join(report_lines(args, build, growth, views, lh)) + "\n"
    print("\n" + report)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(report, encoding="utf-8")
    print(f"Written to {args.report}")


if __name__ == "__main__":
    main()
