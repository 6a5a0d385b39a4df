"""Security in depth: the Content-Security-Policy of every page, in the built HTML and in
Chromium; the deploy workflows pinned and audited; the Python packages locked by hash."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S)


def _policy(html: str) -> dict[str, list[str]]:
    (content,) = CSP_META.findall(html)
    return {part.split()[0]: part.split()[1:] for part in content.split(";") if part.strip()}


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


# --- the policy in the built pages ---------------------------------------------------------


@pytest.mark.slow
def test_every_page_has_the_policy_and_every_inline_script_is_hashed(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        html = path.read_text(encoding="utf-8")
        policy = _policy(html)
        assert policy["default-src"] == ["'self'"], path
        assert policy["object-src"] == ["'none'"] and "base-uri" in policy and "form-action" in policy, path
        assert policy["img-src"] == ["'self'", "data:"], path
        scripts = policy["script-src"]
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, path
        assert not any("unsafe" in value for values in policy.values() for value in values), path
        # The policy governs what follows it: it stands before the first script.
        assert html.index("Content-Security-Policy") < html.index("<script"), path
        inline = [m.group("body") for m in SCRIPT.finditer(html)
                  if "src=" not in m.group("attrs") and 'type="application/' not in m.group("attrs")]
        assert inline, path
        for body in inline:
            assert _sha256(body) in scripts, (path, body[:80])
        assert len(scripts) == 1 + len(set(inline)), path  # 'self' and these hashes, nothing more
        assert '<meta name="referrer" content="strict-origin-when-cross-origin">' in html, path
        assert not re.search(r"<[a-z][^>]*\son[a-z]+=", html), path  # no event-handler attribute


# --- the policy in Chromium ----------------------------------------------------------------

# Every violation the page reports, collected before the page's own scripts run.
LISTEN = """window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
  e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sample || '')));"""

PAGES = ["", "en/", "article/", "en/article/", "works/", "en/works/", "works/gorlov2001/",
         "en/works/moskva-berlin-1/", "registers/", "en/registers/", "timeline/", "en/timeline/",
         "about/", "en/about/", "no/such/page/"]


@pytest.fixture
def watched(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(LISTEN)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
    yield page, console
    context.close()


def _violations(page) -> list[str]:
    return page.evaluate("window.__violations")


@pytest.mark.slow
@pytest.mark.browser
def test_a_walk_through_every_kind_of_page_records_no_violation(watched, site, serve):
    page, console = watched
    base = serve(site)
    for path in PAGES:
        page.goto(f"{base}/{path}")
        page.wait_for_load_state("load")
        assert _violations(page) == [], path
    # Reading: a note's preview, the how-to-cite block, a paragraph's permalink.
    page.goto(f"{base}/article/")
    page.hover('a.footnote-ref[href="#fn:10"]')
    page.wait_for_selector(".md-tooltip2", state="visible", timeout=15000)
    page.click("details.quote summary")
    page.click('a.paragraph-link[href="#p7"]')
    # Material closes search 125 ms after the address's #fragment changes; a reader's next
    # click comes later than a script's (and search, started by that click, would be shut).
    page.wait_for_timeout(300)
    # Search: the worker, the index, the results.
    page.click("input.md-search__input")
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim()"
                           " === 'Начните печатать для поиска'", timeout=15000)  # the worker's index is ready
    page.fill("input.md-search__input", "переговоры")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    page.keyboard.press("Escape")
    # The palette and the language switch.
    page.click('label[for="__palette_1"]')
    page.hover(".md-select")
    page.click("a.md-select__link[hreflang='en']")
    page.wait_for_url(re.compile(r"/en/article/"))
    page.wait_for_load_state("load")
    # A code block's copy button (the works page's BibTeX record).
    page.goto(f"{base}/works/gorlov2001/")
    page.click("button.md-code__button[data-md-type=copy]")
    assert _violations(page) == []
    assert console == []


@pytest.mark.slow
@pytest.mark.browser
def test_a_script_injected_into_a_page_does_not_run(watched, site, tmp_path, serve):
    page, console = watched
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    target = copy / "article/index.html"
    html = target.read_text(encoding="utf-8")
    injected = ('<script>document.title = "inline ran"</script>'
                '<img src="no-such-image.png" onerror="document.title = \'handler ran\'">')
    target.write_text(html.replace("</article>", injected + "</article>", 1), encoding="utf-8")
    page.goto(f"{serve(copy)}/article/")
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    assert page.title() == "Германо-советские тайные военные переговоры в связи с Рурским конфликтом (1923)"
    blocked = _violations(page)
    assert any(v.startswith("script-src") and "inline" in v for v in blocked), blocked
    assert len([v for v in blocked if v.startswith("script-src")]) >= 2, blocked  # the script and the handler


# --- the workflows -------------------------------------------------------------------------

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


def test_zizmor_finds_nothing_of_medium_or_high_severity():
    zizmor = Path(sys.executable).parent / "zizmor"  # installed with the test requirements
    result = subprocess.run([str(zizmor), "--offline", "--min-severity", "medium",
                             "--format", "json", ".github/workflows"], cwd=ROOT, capture_output=True, text=True)
    findings = json.loads(result.stdout or "[]")
    assert findings == [], json.dumps(findings, indent=1)[:3000]
    assert result.returncode == 0, result.stderr[-2000:]


def _steps(workflow: dict):
    for job in workflow.get("jobs", {}).values():
        if "uses" in job:
            yield job["uses"], None
        for step in job.get("steps", []):
            if "uses" in step:
                yield step["uses"], step


def test_every_external_action_is_pinned_to_a_commit_sha():
    pinned = 0
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        for uses, step in _steps(yaml.safe_load(text)):
            if uses.startswith("./"):
                continue  # a workflow of this repository
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), (path.name, uses)
            assert re.search(re.escape(uses) + r" # v\d+\.\d+\.\d+", text), f"{uses}: its version in a comment"
            if uses.startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, path.name
            pinned += 1
    assert pinned >= 6


def test_every_job_asks_for_its_own_permissions():
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert workflow["permissions"] == {}, path.name  # nothing by default
        for name, job in workflow["jobs"].items():
            assert "permissions" in job, (path.name, name)
            assert "write" not in json.dumps(job["permissions"]) or name == "deploy", (path.name, name)


def test_dependabot_watches_every_kind_of_pin():
    config = yaml.safe_load((ROOT / ".github/dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in config["updates"]} == {"github-actions", "pip", "npm"}


# --- the Python packages -------------------------------------------------------------------


def _pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)", line)
        if match:
            found[match.group(1).lower().replace("_", "-")] = match.group(2)
    return found


def test_the_lock_holds_every_direct_pin_with_hashes():
    lock_text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    lock = _pins(ROOT / "requirements.txt")
    for listed in ("requirements.in", "requirements-test.in"):
        for name, version in _pins(ROOT / listed).items():
            assert lock.get(name) == version, f"{listed}: {name}=={version}; run make lock"
    lines = lock_text.splitlines()
    starts = [i for i, line in enumerate(lines) if re.match(r"^[A-Za-z0-9_.-]+==", line)]
    assert len(starts) == len(lock) > 20
    assert all("--hash=sha256:" in lines[i + 1] for i in starts), "every package with its hashes"


def test_make_installs_with_hash_checking():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt" in makefile
