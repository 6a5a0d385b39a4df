"""The Content-Security-Policy of every page: the second defence after escaping.

GitHub Pages sends no headers of ours, so the policy is a `<meta http-equiv>` at the top of
each page's head, before any script. Scripts run only from the site itself, or inline when
their SHA-256 is in the policy: the build hashes each page's own inline scripts (Material's
differ from page to page), so a script that escaped into a page some other way does not run,
nor does an event handler (`onerror=`), which no hash allows.

For someone adding a script: put it in a file under docs/assets/ and list it in mkdocs.yml
(`extra_javascript`), and 'self' allows it. An inline `<script>` in a template is allowed
by its hash, computed here at each build; an `on…=` attribute never is. A request to another
host (a font, an image, an API) is refused by design: the edition sends none.

What Material for MkDocs needs from the policy, and why:
  script-src 'self' + hashes   its bundle and the search worker are files; its few inline
                               scripts (the scope and palette set-up, the hash-to-checkbox
                               link) are hashed per page
  img-src 'self' data:         its icons are SVG data URIs (the logo, admonition and copy icons)
  connect-src 'self'           the search index and the sitemap it reads for the language switch
  worker-src 'self'            the search runs in a web worker loaded from the site
The rest is closed: no plugins, no <base> elsewhere, no form posting to another host.
"""

from __future__ import annotations

import base64
import hashlib
import re

# The one place the policy is written; {scripts} becomes the page's inline-script hashes.
POLICY = (
    "default-src 'self'; "
    "script-src 'self'{scripts}; "
    "style-src 'self'; "
    "img-src 'self' data:; "
    "font-src 'self' data:; "
    "connect-src 'self'; "
    "worker-src 'self'; "
    "object-src 'none'; "
    "base-uri 'self'; "
    "form-action 'self'"
)
REFERRER = "strict-origin-when-cross-origin"

# An inline script: a <script> without src, whose type is JavaScript (data blocks such as
# JSON-LD and Material's JSON config are not run, and the policy does not govern them).
SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
DATA_TYPE = re.compile(r'\btype="(?!text/javascript|module)[^"]+"', re.I)
CHARSET = re.compile(r'<meta charset="[^"]*">', re.I)


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would run."""
    return [m.group("body") for m in SCRIPT.finditer(html)
            if "src=" not in m.group("attrs") and not DATA_TYPE.search(m.group("attrs"))]


def script_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(html: str) -> str:
    hashes = sorted(set(script_hash(body) for body in inline_scripts(html)))
    return POLICY.format(scripts="".join(" " + h for h in hashes))


def add(html: str) -> str:
    """The page with its policy and referrer policy right after its <meta charset>."""
    tags = (f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
            f'<meta name="referrer" content="{REFERRER}">')
    found = CHARSET.search(html)
    if found is None:  # no head to speak of: not one of the site's pages
        return html
    return html[:found.end()] + tags + html[found.end():]
