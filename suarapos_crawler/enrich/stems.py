"""Indonesian word stems, for a search that finds every form of a word (bangun: membangun, dibangun, pembangunan).

PySastrawi's stemmer (Nazief-Adriani with its dictionary), behind an exception list applied to the text
and to the query alike: names of Bangka Belitung's places and institutions, acronyms, and words the
stemmer is known to cut wrongly (``berikan`` is not ``ikan``). The stems are stored in plain columns of
``articles`` and indexed in the same full-text table as the words (no custom tokenizer: any SQLite tool
reads the file).
"""

from __future__ import annotations

import re
from functools import lru_cache

# A word as SQLite's unicode61 tokenizer sees one, with its reduplication kept together (anak-anak).
WORD = re.compile(r"\w+(?:-\w+)*")

# Kept as written: a stem of these would be wrong, or would join them to unrelated words.
# Places of Bangka Belitung (the stemmer cuts pangkalan to pangkal, membalong to balong).
PLACES = """
    pangkalpinang bangka belitung babel sungailiat muntok mentok toboali koba manggar tanjungpandan belinyu
    jebus kelapa kampit membalong gantung badau simpang katis pangkalan lepar pongok nasik kepulauan
"""
# Acronyms and institutions (pemilu is not milu, kejari not kejar: "to chase").
ACRONYMS = """
    pemilu pilkada pileg pilpres kejati kejari kejagung dprd dprk dpr polda polres polresta polsek bnnp bnn kpu
    bawaslu diskominfo bappeda pemprov pemkab pemkot rsud umkm bumd bumn pln pdam tni polri kodim korem lanal
    basarnas bpbd bpjs ojk kapolda kapolres kajati
"""
# Words the stemmer is known to cut into another word.
OVERSTEMMED = "berikan"  # to give, not ikan (fish)
EXCEPTIONS = frozenset(PLACES.split() + ACRONYMS.split() + OVERSTEMMED.split())


@lru_cache(maxsize=1)
def stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory  # its dictionary loads once, when first needed

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of one word (lower case); an exception, a number or a word of one letter as it is."""
    word = word.lower()
    if word in EXCEPTIONS or len(word) < 3 or not word.isalpha() and "-" not in word:
        return word
    return stemmer().stem(word) or word


def stems_of(text: str | None) -> str:
    """The stems of a text's words, in order, separated by spaces: what the stem columns hold."""
    return " ".join(map(stem, WORD.findall(text or "")))
