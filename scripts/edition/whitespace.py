"""Material's templates indent every line of a page: on the article page a twentieth of its
compressed bytes, which decide whether the page reaches a phone in one round trip or two.

A run of white space that holds a line break is one line break to the browser wherever white
space collapses, so it is cut to one; <pre>, <textarea>, <script> and <style> keep theirs
(code, and scripts whose hashes the Content-Security-Policy holds).
"""

from __future__ import annotations

import re

KEEP = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
RUN = re.compile(r"[ \t\r]*\n\s*")


def compact(html: str) -> str:
    """The page with each run of white space that holds a line break cut to the break."""
    out, last = [], 0
    for kept in KEEP.finditer(html):
        out.append(RUN.sub("\n", html[last:kept.start()]))
        out.append(kept.group(0))
        last = kept.end()
    out.append(RUN.sub("\n", html[last:]))
    return "".join(out)
