"""Cyrillic → Latin by the Library of Congress (ALA-LC) table, through iuliia."""

import re
from functools import lru_cache

import iuliia

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
WORD = re.compile(r"[А-Яа-яЁё]+")


@lru_cache(maxsize=1 << 17)
def _word(word: str) -> str:
    # ALA-LC writes ё as ë; iuliia's table keeps the Cyrillic letter.
    return iuliia.ALA_LC.translate(word.replace("ё", "ë").replace("Ё", "Ë"))


@lru_cache(maxsize=1 << 16)
def romanize(text: str) -> str:
    """ALA-LC romanization of the Cyrillic in `text`; Latin text passes unchanged.

    iuliia transliterates word by word, so caching per word gives the same result and
    makes a large bibliography, which repeats its vocabulary, cheap to romanize; whole
    strings (a collection's title in each of its documents) are cached too.
    """
    if not CYRILLIC.search(text):
        return text
    return WORD.sub(lambda m: _word(m.group()), text)


def is_cyrillic(text: str) -> bool:
    return CYRILLIC.search(text) is not None
