"""Search as people type it: what a search box gets, read into a safe SQLite FTS5 query, and said back in words.

``a OR b`` (``or``, ``atau``) for either, ``-word`` to leave out, ``"a phrase"`` as written, ``word*`` for every
word that begins so; words with hyphens and dots as they come. The canned search, the articles table's search
box and its exports read them by these rules (plugins/suarapos_safety.py, suarapos_exports.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..enrich.stems import WORD as STEM_WORD
from ..enrich.stems import stem

# What a search box gets: "a quoted phrase", words (with hyphens, dots, apostrophes inside), word* prefixes.
PHRASE = re.compile(r'"([^"]*)"')
WORD = re.compile(r"[\w][\w.'’-]*\*?|\*", re.UNICODE)
ADVANCED = "fts:"  # a query that starts so is FTS5 syntax, as typed (docs/browsing.md)
NOTHING = '""'  # an FTS5 query that matches nothing, without an error
ARTICLE_TEXT = ("{title body}", "{title_stems body_stems}")  # the columns of articles_fts: words, stems
QUOTE_TEXT = ("{quote}", "{quote_stems}")  # of quotes_fts


OR_WORDS = {"or", "atau"}  # between two terms, in any case: either of them (Indonesian readers type atau)
TOKEN = re.compile(r'(?P<neg>-?)"(?P<phrase>[^"]*)"|(?P<wneg>-?)(?P<word>[\w][\w.\'’-]*\*?|\*)', re.UNICODE)


@dataclass
class Term:
    kind: str  # phrase, prefix or word
    text: str  # the words of a phrase, a prefix's beginning, a word's own letters
    excluded: bool = False


def search_terms(text: str | None) -> tuple[list[list[Term]], list[Term]]:
    """What a person typed, as alternatives (``a OR b``, ``a or b``, ``a atau b``: any one of them will do), each
    the terms that are all required, and the terms to exclude (``-word``, ``-"a phrase"``). OR parts the whole
    query: ``Diskominfo OR Pranata Humas`` is Diskominfo, or Pranata and Humas, as people type names."""
    tokens = []
    for found in TOKEN.finditer((text or "").strip()):
        if found["phrase"] is not None:
            words = WORD.findall(found["phrase"])
            if words:
                tokens.append(Term("phrase", " ".join(w.rstrip("*") for w in words), bool(found["neg"])))
            continue
        word, core = found["word"], found["word"].rstrip("*").strip(".'’-")
        if core:
            kind = "prefix" if word.endswith("*") else "word"
            tokens.append(Term(kind, core, bool(found["wneg"])))
    alternatives: list[list[Term]] = [[]]
    excluded = [t for t in tokens if t.excluded]
    wanted = [t for t in tokens if not t.excluded]
    for n, term in enumerate(wanted):
        is_or = term.kind == "word" and term.text.lower() in OR_WORDS
        if is_or and alternatives[-1] and n + 1 < len(wanted):
            alternatives.append([])
        else:
            alternatives[-1].append(term)
    return [a for a in alternatives if a], excluded


def fts_term(term: Term, stems: bool, columns: tuple[str, str]) -> str:
    if term.kind == "prefix":
        return f'"{term.text}"*'
    if term.kind == "phrase":
        return f'{columns[0]} : "{term.text}"' if stems else f'"{term.text}"'
    if not stems:
        return f'"{term.text}"'
    stemmed = " ".join(stem(w) for w in STEM_WORD.findall(term.text))
    return f'({columns[0]} : "{term.text}" OR {columns[1]} : "{stemmed}")'


def fts_query(text: str | None, stems: bool = False, columns: tuple[str, str] = ARTICLE_TEXT) -> str:
    """Any text a person types as a safe FTS5 query: each word and each quoted phrase a quoted term, all of them
    required, ``a OR b`` (``or``, ``atau``) either, ``-word`` none. ``anak-anak``, ``Kep. Babel``, ``Hukum &
    Kriminal``, an unbalanced quote: none is an error.

    With ``stems``, a word also matches its Indonesian stem in the stem columns (penangkapan finds menangkap,
    ditangkap): ``({title body} : "word" OR {title_stems body_stems} : "stem")``, and so excludes them all; a
    quoted phrase and a ``word*`` prefix match the words as written only."""
    text = (text or "").strip()
    if text.lower().startswith(ADVANCED):
        return text[len(ADVANCED) :].strip() or NOTHING
    alternatives, excluded = search_terms(text)
    if not alternatives:  # only exclusions: nothing to start from
        return NOTHING
    each = [" AND ".join(fts_term(term, stems, columns) for term in terms) for terms in alternatives]
    query = each[0] if len(each) == 1 else " OR ".join(f"({q})" for q in each)
    if excluded:
        return f"({query}) NOT ({' OR '.join(fts_term(term, stems, columns) for term in excluded)})"
    return query


def search_said(text: str | None) -> str:
    """What was searched, as a person reads it: ``tambang or lahan, and “kerja sama”, not banjir``."""
    if (text or "").strip().lower().startswith(ADVANCED):
        return f"the FTS5 query {text.strip()[len(ADVANCED) :].strip()}"
    shown = {"phrase": "“{}”", "prefix": "{}…", "word": "{}"}
    alternatives, excluded = search_terms(text)
    said = ", or ".join(" and ".join(shown[t.kind].format(t.text) for t in terms) for terms in alternatives)
    return said + "".join(f"; not {shown[t.kind].format(t.text)}" for t in excluded)


# How many articles a search finds, as the canned search (metadata.yml) counts them: every match when nothing narrows
# them, else up to FOUND_CAP + 1 (a common word in one section of a million articles, counted exactly, took seconds;
# up to 10,001, a section over four years of ten portals' archive timed out: its matches are read until the cap).
# The canned search holds the same text (tests/test_search.py checks it).
FOUND_CAP = 2_000
COUNT_FOUND = """WITH chosen AS (  -- the section's and days' articles, read from their indexes, not from each article
  SELECT rowid AS id FROM articles
  WHERE :section != '' AND section = :section AND published_at >= COALESCE(NULLIF(:from_date, ''), '0')
    AND published_at < COALESCE(date(NULLIF(:to_date, ''), '+1 day'), NULLIF(:to_date, ''), '9')
  UNION ALL
  SELECT rowid FROM articles
  WHERE :section = '' AND published_at >= COALESCE(NULLIF(:from_date, ''), '0')
    AND published_at < COALESCE(date(NULLIF(:to_date, ''), '+1 day'), NULLIF(:to_date, ''), '9')),
dated AS (  -- the stored order (rowid) the chosen days span: where in the index their matches are
  SELECT CASE WHEN :from_date = '' AND :to_date = '' THEN 0 ELSE (SELECT MIN(id) FROM chosen) END AS lo,
         CASE WHEN :from_date = '' AND :to_date = '' THEN 1 << 62 ELSE (SELECT MAX(id) FROM chosen) END AS hi),
matched AS MATERIALIZED (  -- a section's or days' matches, the last stored first: up to 2,001, read once
  SELECT f.rowid AS id FROM articles_fts f
  WHERE (:section != '' OR :from_date != '' OR :to_date != '') AND articles_fts MATCH fts_query_stemmed(:q)
    AND f.rowid BETWEEN (SELECT lo FROM dated) AND (SELECT hi FROM dated)
    AND +f.rowid IN (SELECT id FROM chosen)
  ORDER BY f.rowid DESC LIMIT 2001),
found AS (  -- every match when nothing narrows them (the index counts them); else up to 2,000
  SELECT CASE WHEN :section = '' AND :from_date = '' AND :to_date = ''
    THEN (SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH fts_query_stemmed(:q))
    ELSE (SELECT COUNT(*) FROM matched) END AS n)
SELECT n FROM found"""
