"""Benchmark: a synthetic bibliography of 10,000 entries (books, articles, multi-volume
document collections with their volumes and documents; Cyrillic and Latin), parsed, checked,
formatted as citation pages in both languages and handed to MkDocs as the build does.
Goal (issue #3): at most 2 s and 200 MB peak memory on the project's 2-core machine.

    .venv/bin/python benchmarks/bibliography.py [--entries 10000] [--runs 3] [--report FILE]

Each run is a fresh process: its time includes the imports, its memory is the whole
process's peak (ru_maxrss). Writing the same pages to disk (what `edition_cli.py generate`
does) is measured apart, as is the bare cost of creating that many files on this disk.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "scripts"))
sys.path.insert(0, str(HERE))


def one_run(bib_path: Path, scratch: Path) -> dict:
    start = time.perf_counter()
    from edition import bibliography, edition, site_files, works_pages  # imports are part of the cost
    imported = time.perf_counter()
    with edition.gc_paused():  # as the build's hook runs these steps
        bib = bibliography.parse(bib_path.read_text(encoding="utf-8"), bib_path)
        parsed = time.perf_counter()
        generated = works_pages.all_pages(bib, {}, {"Москва": "Moscow"})
        formatted = time.perf_counter()
        files = [f for lang in generated for f in site_files.files_for(lang, generated, str(scratch / "site"))]
        handed = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    written = works_pages.write_folder(generated, scratch / "pages")
    on_disk = time.perf_counter()
    return {"entries": len(bib.works), "pages": sum(f.is_documentation_page() for f in files),
            "import_s": imported - start, "parse_s": parsed - imported,
            "format_s": formatted - parsed, "mkdocs_files_s": handed - formatted,
            "total_s": handed - start, "peak_mb": peak,
            "write_to_disk_s": on_disk - handed, "files_on_disk": written}


def bare_create(count: int, folder: Path) -> float:
    """Seconds to create `count` files of 3 KB on this disk: the floor for any writer."""
    folder.mkdir()
    data = b"x" * 3000
    start = time.perf_counter()
    for number in range(count):
        descriptor = os.open(folder / f"{number}.md", os.O_WRONLY | os.O_CREAT, 0o644)
        os.write(descriptor, data)
        os.close(descriptor)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--report", type=Path)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(one_run(Path(args.child[0]), Path(args.child[1]))))
        return

    import synthetic
    with tempfile.TemporaryDirectory(dir=HERE.parent) as tmp:
        bib = Path(tmp) / "synthetic.bib"
        bib.write_text(synthetic.bibliography(args.entries), encoding="utf-8")
        results = []
        for run in range(args.runs):
            scratch = Path(tmp) / f"run{run}"
            scratch.mkdir()
            line = subprocess.run([sys.executable, __file__, "--child", str(bib), str(scratch)],
                                  capture_output=True, text=True, check=True).stdout
            results.append(json.loads(line))
            print(f"run {run + 1}: " + ", ".join(
                f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in results[-1].items()))
        floor = bare_create(results[0]["files_on_disk"], Path(tmp) / "bare")

    best = min(results, key=lambda r: r["total_s"])
    lines = [
        f"# Bibliography benchmark ({args.entries:,} entries)", "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"best of {args.runs} fresh processes.", "",
        "| step | seconds |", "| --- | ---: |",
        f"| imports | {best['import_s']:.2f} |",
        f"| parse and check the .bib (bibtexparser + checks) | {best['parse_s']:.2f} |",
        f"| format {best['pages']:,} pages, both languages | {best['format_s']:.2f} |",
        f"| hand them to MkDocs (in-memory files) | {best['mkdocs_files_s']:.2f} |",
        f"| **total, as the build does it** (goal ≤ 2 s) | **{best['total_s']:.2f}** |", "",
        f"Peak memory: **{best['peak_mb']:.0f} MB** (goal ≤ 200 MB).", "",
        f"For reference, not part of the build: writing the same {best['files_on_disk']:,} files to disk "
        f"took {best['write_to_disk_s']:.2f} s; creating that many empty-ish files with bare "
        f"`os.open`/`os.write` on this disk took {floor:.2f} s.",
    ]
    report = "\n".join(lines) + "\n"
    print("\n" + report)
    if args.report:
        args.report.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
