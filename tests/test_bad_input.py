"""Bad input stops `mkdocs build --strict` with a message naming the file and the line.

Each test breaks one thing in a copy of the project and runs the real build on it.
"""

import re

import pytest

from conftest import run_build

pytestmark = pytest.mark.slow


def edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path, needle) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def assert_stops(project, tmp_path, where: str, *phrases: str) -> str:
    result = run_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert where in output, output
    for phrase in phrases:
        assert phrase in output, output
    return output


# --- the text and its data (issue: the Russian edition) --------------------------------------


def test_note_reference_without_definition(project, tmp_path):
    page = project / "docs/ru/article.md"
    edit(page, "ощутимых результатов не принесли.", "ощутимых результатов не принесли.[^99]")
    line = line_of(page, "[^99]")
    assert_stops(project, tmp_path, f"docs/ru/article.md:{line}", "[^99] has no definition")


def test_definition_without_reference(project, tmp_path):
    page = project / "docs/ru/article.md"
    edit(page, "[^21]: {missing}", "[^21]: {missing}\n[^22]: Лишнее примечание.")
    line = line_of(page, "[^22]:")
    assert_stops(project, tmp_path, f"docs/ru/article.md:{line}", "nothing refers to it")


def test_emendation_whose_witness_reading_is_not_in_the_witness(project, tmp_path):
    data = project / "sources/emendations.yml"
    edit(data, "witness: Voelkerbund", "witness: Volkerbund")
    line = line_of(data, "witness: Volkerbund")  # the entry's witness reading, the value at fault
    assert_stops(project, tmp_path, f"sources/emendations.yml:{line}", "'Volkerbund' is not found in note 7")


def test_malformed_metadata_yaml(project, tmp_path):
    data = project / "sources/article.yml"
    edit(data, "language: ru", "language: [ru")
    output = assert_stops(project, tmp_path, "sources/article.yml:", "YAML syntax error")
    # The parser notices the open bracket where the flow sequence should have ended.
    reported = int(re.search(r"sources/article\.yml:(\d+)", output).group(1))
    assert line_of(data, "language: [ru") <= reported <= line_of(data, "authors:")


def test_metadata_without_a_required_unknown_field(project, tmp_path):
    data = project / "sources/article.yml"
    edit(data, "doi: null\n", "")
    assert_stops(project, tmp_path, "sources/article.yml:", "lacks the required key 'doi'")


# --- the bibliography (issue: citation pages) --------------------------------------------------


BIB = "sources/references.bib"


def test_bib_unbalanced_brace(project, tmp_path):
    bib = project / BIB
    edit(bib, "title            = {Совершенно секретно},", "title            = {Совершенно {секретно},")
    line = line_of(bib, "@book{gorlov2001,")
    assert_stops(project, tmp_path, f"{BIB}:{line}", "cannot parse the entry")


def test_bib_duplicate_key(project, tmp_path):
    bib = project / BIB
    edit(bib, "@book{wintzer2006,", "@book{seidt2002,")
    first, second = [n for n, text in enumerate(bib.read_text().split("\n"), 1) if "@book{seidt2002," in text]
    assert_stops(project, tmp_path, f"{BIB}:{second}", "duplicate entry key 'seidt2002'",
                 f"first defined on line {first}")


def test_bib_missing_required_field(project, tmp_path):
    bib = project / BIB
    edit(bib, "  journaltitle     = {Военно-исторический журнал},\n", "")
    line = line_of(bib, "@article{zubachevsky2013,")
    assert_stops(project, tmp_path, f"{BIB}:{line}", "missing required field 'journaltitle'")


def test_bib_crossref_to_unknown_key(project, tmp_path):
    bib = project / BIB
    edit(bib, "crossref         = {generaly-vermakhta},", "crossref         = {generaly-wehrmacht},")
    line = line_of(bib, "@incollection{niedermayer-1945-05-16,")
    assert_stops(project, tmp_path, f"{BIB}:{line}", "crossref to unknown key 'generaly-wehrmacht'")


def test_bib_unknown_entry_type(project, tmp_path):
    bib = project / BIB
    edit(bib, "@book{alltag1993,", "@memoir{alltag1993,")
    line = line_of(bib, "@memoir{alltag1993,")
    assert_stops(project, tmp_path, f"{BIB}:{line}", "unknown entry type")


def test_note_linking_to_an_unknown_work(project, tmp_path):
    page = project / "docs/ru/article.md"
    edit(page, "(cite:seidt2002)", "(cite:seidt2020)")
    line = line_of(page, "(cite:seidt2020)")
    assert_stops(project, tmp_path, f"docs/ru/article.md:{line}", "'seidt2020'")


def test_english_note_linking_to_an_unknown_work(project, tmp_path):
    page = project / "docs/en/article.md"
    edit(page, "[@seidt2002]", "[@seidt2020]")
    line = line_of(page, "[@seidt2020]")
    assert_stops(project, tmp_path, f"docs/en/article.md:{line}", "'seidt2020'")


def test_names_yaml_error(project, tmp_path):
    data = project / "sources/names.yml"
    edit(data, "  - id: radek\n", "  - id: radek\n    forms: [\n")
    assert_stops(project, tmp_path, "sources/names.yml:", "YAML syntax error")
