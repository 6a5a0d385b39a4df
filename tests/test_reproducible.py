"""Two builds of the same sources give the same site, byte for byte.

What may differ between two machines or two runs, and must not change the site: the folder
the project is checked out in, the files' modification times (a fresh clone has new ones),
Python's string hashing (set and dict order of str keys), the time zone and the locale.
The one input that may change the site's dates is SOURCE_DATE_EPOCH, which every build is
given (run_build passes it; `make build` and the Pages workflow take the last commit's time):
without it MkDocs stamps sitemap.xml, and the gzip header of sitemap.xml.gz, with the
build's own time.
"""

from __future__ import annotations

import difflib
import os
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import copy_project, run_build

pytestmark = pytest.mark.slow

EPOCH = 1700000000  # what run_build passes as SOURCE_DATE_EPOCH


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def first_difference(name: str, one: bytes, two: bytes) -> str:
    """Where two versions of a file part: a few lines of diff for text, an offset for binary."""
    try:
        a, b = one.decode("utf-8").splitlines(), two.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        offset = next((i for i, (x, y) in enumerate(zip(one, two)) if x != y), min(len(one), len(two)))
        return f"{name}: binary, first difference at byte {offset}"
    diff = list(difflib.unified_diff(a, b, lineterm="", n=0))[2:8]
    return f"{name}:\n    " + "\n    ".join(line[:160] for line in diff)


@pytest.fixture(scope="module")
def second_build(tmp_path_factory) -> Path:
    """The same sources built again, elsewhere, with everything but the sources changed."""
    work = tmp_path_factory.mktemp("rebuild")
    project = copy_project(work / "elsewhere")
    for path in project.rglob("*"):  # a fresh checkout: every file newer than the first build
        os.utime(path, (EPOCH + 86400 * 400, EPOCH + 86400 * 400))
    with pytest.MonkeyPatch.context() as env:  # run_build hands its environment to the build
        env.setenv("PYTHONHASHSEED", "4242")
        env.setenv("TZ", "Pacific/Kiritimati")
        env.setenv("LC_ALL", "C.UTF-8")
        result = run_build(project, work / "site", books=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return work / "site"


def test_two_builds_are_byte_identical(site, second_build):
    one, two = tree(site), tree(second_build)
    assert len(one) > 50
    assert sorted(one) == sorted(two), sorted(set(one) ^ set(two))
    different = [first_difference(name, one[name], two[name]) for name in one if one[name] != two[name]]
    assert not different, f"{len(different)} file(s) differ:\n" + "\n".join(different)


def test_the_sitemap_dates_are_the_source_date(site):
    # The dates come from SOURCE_DATE_EPOCH, not from the clock or the files' times.
    expected = datetime.fromtimestamp(EPOCH, tz=UTC).date().isoformat()
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    dates = {e.text for e in ET.parse(site / "sitemap.xml").getroot().iter(f"{ns}lastmod")}
    assert dates == {expected}, dates
