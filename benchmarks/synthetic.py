"""Synthetic bibliographies and editions for the benchmarks: deterministic, mixed scripts."""

from __future__ import annotations

import random

RU_SURNAMES = ["Иванов", "Петров", "Сидоров", "Горлов", "Штейн", "Зубачевский", "Орлова", "Ёлкин",
               "Кузнецов", "Смирнова", "Лебедев", "Новиков", "Морозов", "Волкова", "Соловьев"]
LA_SURNAMES = ["Zeidler", "Wintzer", "Seidt", "Müller", "Schmidt", "Carr", "Dyck", "Erickson",
               "Hilger", "Rosenfeld", "Speidel", "Gatzke", "Post", "Kochan", "Zeidler"]
RU_WORDS = ["история", "военного", "сотрудничества", "Германии", "России", "переговоры", "политика",
            "дипломатия", "Рейхсвер", "армия", "документы", "Берлин", "Москва", "кризис", "Рур",
            "промышленность", "авиация", "союз", "договор", "оккупация"]
LA_WORDS = ["Geschichte", "der", "Reichswehr", "Rote", "Armee", "Politik", "Moskau", "Berlin",
            "Zusammenarbeit", "Krise", "Ruhr", "und", "im", "Zeitalter", "des", "Vertrages"]
PLACES = ["Москва", "Ленинград", "München", "Berlin", "Paderborn", "Санкт-Петербург", "Oxford"]


def _title(rng: random.Random, cyrillic: bool, words: int = 6) -> str:
    vocabulary = RU_WORDS if cyrillic else LA_WORDS
    text = " ".join(rng.choice(vocabulary) for _ in range(words))
    return text[0].upper() + text[1:]


def bibliography(n: int, seed: int = 1923) -> str:
    """About `n` entries: books, articles, multi-volume collections with volumes and documents."""
    rng = random.Random(seed)
    # No note cites these works: their keywords say `uncited`, so the build lists them.
    entries: list[str] = []
    i = 0
    while len(entries) < n:
        i += 1
        cyrillic = rng.random() < 0.6
        surname = rng.choice(RU_SURNAMES if cyrillic else LA_SURNAMES)
        initials = "А. Б." if cyrillic else "A. B."
        lang = "russian" if cyrillic else "german"
        kind = rng.random()
        if kind < 0.45:
            entries.append(
                f"@book{{book{i},\n  author = {{{surname}, {initials}}},\n"
                f"  title = {{{_title(rng, cyrillic)}}},\n  subtitle = {{{_title(rng, cyrillic, 4)}}},\n"
                f"  titletranslation = {{A translated title {i}}},\n"
                f"  location = {{{rng.choice(PLACES)}}},\n  date = {{{rng.randint(1925, 2024)}}},\n"
                f"  langid = {{{lang}}},\n  keywords = {{secondary, uncited}},\n}}")
        elif kind < 0.75:
            entries.append(
                f"@article{{article{i},\n  author = {{{surname}, {initials}}},\n"
                f"  title = {{{_title(rng, cyrillic)}}},\n  journaltitle = {{{_title(rng, cyrillic, 3)}}},\n"
                f"  date = {{{rng.randint(1960, 2024)}}},\n  number = {{{rng.randint(1, 12)}}},\n"
                f"  langid = {{{lang}}},\n  keywords = {{secondary, uncited}},\n}}")
        else:
            entries.append(
                f"@mvcollection{{set{i},\n  title = {{{_title(rng, cyrillic)}}},\n  titleaddon = {{сб. док.}},\n"
                f"  volumes = {{3}},\n  editor = {{{surname}, {initials}}},\n  editortype = {{chief}},\n"
                f"  location = {{Москва}},\n  date = {{2011}},\n  langid = {{{lang}}},\n  keywords = {{primary, uncited}},\n}}")
            entries.append(f"@collection{{set{i}-1,\n  crossref = {{set{i}}},\n  volume = {{1}},\n"
                           f"  title = {{1920 – 1926}},\n  date = {{2011}},\n}}")
            for d in range(3):
                entries.append(
                    f"@incollection{{doc{i}-{d},\n  title = {{{_title(rng, cyrillic)}}},\n"
                    f"  origdate = {{1923-0{rng.randint(1, 9)}-1{d}}},\n  crossref = {{set{i}-1}},\n}}")
    return "\n\n".join(entries[:n]) + "\n"
