"""The edition's build steps from the command line, without MkDocs.

    python scripts/edition_cli.py check      read and check every source file
    python scripts/edition_cli.py generate [--out DIR]
                                             write the works pages and downloads to DIR
                                             (the build hands them to MkDocs in memory)
    python scripts/edition_cli.py cite KEY   print a work's reference in both languages
    python scripts/edition_cli.py release-files
                                             write CITATION.cff and .zenodo.json at the root
    python scripts/edition_cli.py tei [--out FILE]
                                             write the edition in TEI P5
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edition import edition, gost, paths, release_files, tei, webfonts, works_pages  # noqa: E402
from edition.errors import EditionError  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="read and check every source file")
    generate = commands.add_parser("generate", help="write the works pages and downloads to a folder")
    generate.add_argument("--out", type=Path, default=Path("build/works"), help="default: build/works")
    cite = commands.add_parser("cite", help="print a work's reference in both languages")
    cite.add_argument("key")
    commands.add_parser("release-files", help="write CITATION.cff and .zenodo.json at the repository's root")
    tei_command = commands.add_parser("tei", help="write the edition in TEI P5")
    tei_command.add_argument("--out", type=Path, default=Path("build/edition.tei.xml"),
                             help="default: build/edition.tei.xml")
    fonts_command = commands.add_parser("fonts", help="cut the site's text face to a built site's characters")
    fonts_command.add_argument("--site", type=Path, required=True, help="a built site (make fonts builds one)")
    args = parser.parse_args(argv)
    try:
        if args.command == "fonts":
            for name, size in webfonts.write(args.site).items():
                print(f"{webfonts.OUT.relative_to(paths.ROOT) / name}: {size:,} bytes")
            return 0
        sources = edition.load()
        if args.command == "generate":
            count = works_pages.write_folder(edition.generate(sources), args.out)
            print(f"{count} files written under {args.out}")
        elif args.command == "release-files":
            for name, text in release_files.files(sources).items():
                (paths.ROOT / name).write_text(text, encoding="utf-8")
                print(f"{name} written")
        elif args.command == "tei":
            args.out.parent.mkdir(parents=True, exist_ok=True)
            release = sources.release
            args.out.write_text(tei.document(sources, release.version, release.date,
                                             os.environ.get("SITE_URL", "http://127.0.0.1:8000/")), encoding="utf-8")
            print(f"{args.out} written")
        elif args.command == "cite":
            if args.key not in sources.bibliography:
                print(f"error: no work '{args.key}' in the bibliography", file=sys.stderr)
                return 1
            work = sources.bibliography[args.key]
            for lang in ("ru", "en"):
                print(gost.reference(work, lang, place_names=sources.place_names))
        else:
            print(f"{len(sources.bibliography.works)} works, {len(sources.emendations)} emendations, "
                  f"{len(sources.names)} names: all sources read without error")
    except EditionError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"error: {error.filename or ''}: {error.strerror or error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
