"""Who said what, stored: an article's quotes, the people they are by, and the articles that name each person.

A person is one row per name (``people.name_key``, the name folded to lower case): "Eko Kurniawan" and the "Eko"
of a later paragraph are one person, read so by ``enrich.quotes``; the names they appear under, their roles and
organisations over time and their counts are kept up to date from the quotes as articles are stored. A person
first quoted today is linked at once to the stored articles that name them in full (the search index finds
them). A speaker named by office alone is no person (``quotes.person_id`` is empty).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from sqlite_utils import Database

from ..enrich.quotes import Gazetteer, Quote, find_quotes
from ..enrich.stems import stems_of

CAPITALISED_RUN = re.compile(r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)+")


def name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def speakers_of(found: list[Quote]) -> str:
    """``articles.speakers``: the people an article quotes, each once, in order, as a JSON list (a facet)."""
    return json.dumps(list(dict.fromkeys(q.speaker for q in found if q.speaker)), ensure_ascii=False)


def save_quotes(
    db: Database,
    url: str,
    title: str,
    body: str,
    gazetteer: Gazetteer | None = None,
    people: str = "now",
    found: list[Quote] | None = None,
) -> int:
    """The article's quotes and the people it names, replacing what an earlier text of it had; how many quotes.
    ``people`` says when the people's counts follow: ``now``; ``added`` (a batch: what the article adds, now, and
    the people it took from or made at ``refresh_marked_people``); ``later`` (the caller counts everyone once, after
    many articles). ``found``: the quotes read already, whose speakers the article's row was written with; else
    they are read, and written."""
    before = forget_quotes(db, url, refresh=False)
    made: set[int] = set()
    if found is None:
        found = find_quotes(title, body, gazetteer)
        db.execute("UPDATE articles SET speakers = ? WHERE url = ?", [speakers_of(found), url])
    counts: dict[int, int] = {}
    said: dict[int, list[Quote]] = {}  # each person's quotes in this article
    rows = []
    for position, q in enumerate(found, 1):
        person = person_id(db, q.speaker, made) if q.speaker else None
        if person is not None:
            counts[person] = counts.get(person, 0) + 1
            said.setdefault(person, []).append(q)
        rows.append(
            (url, position, q.quote, stems_of(q.quote), q.speaker, q.role, q.organisation, q.kind, q.cue,
             q.paragraph, q.named_as, person)
        )  # fmt: skip
    db.conn.executemany(
        "INSERT INTO quotes (article_url, position, quote, quote_stems, speaker, role, organisation, kind, cue, "
        "paragraph, named_as, person_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    for person in named_in(db, f"{title or ''}\n{body or ''}"):
        counts.setdefault(person, 0)
    db.conn.executemany(
        "INSERT OR REPLACE INTO article_people (article_url, person_id, quotes) VALUES (?, ?, ?)",
        [(url, person, n) for person, n in counts.items()],
    )
    if people == "now":
        refresh_people(db, before | set(counts))
    elif people == "added":  # counted now where the article only adds to a person; counted again at the batch's
        gained = set(counts) - before - made  # end where it took something away, or made them
        count_gains(db, url, {p: counts[p] for p in gained}, said)
        mark_people(db, (before | set(counts)) - gained)
    return len(rows)


def count_gains(db: Database, url: str, gains: dict[int, int], said: dict[int, list[Quote]]) -> None:
    """What an article adds to people it did not count before: its quotes, itself among their articles, its date
    among their first and last seen, the names and roles it prints them with. (A full count of a person quoted
    in thousands of articles, after each article, made storing 15 times slower.)"""
    if not gains:
        return
    published = (db.execute("SELECT published_at FROM articles WHERE url = ?", [url]).fetchone() or [None])[0]
    for person, quotes in gains.items():
        names, roles, first, last = db.execute(
            "SELECT names, roles, first_seen, last_seen FROM people WHERE id = ?", [person]
        ).fetchone()
        roles = json.loads(roles or "[]")
        for q in said.get(person, []):
            if q.role:
                roles = with_role(roles, q.role, q.organisation, published)
        printed = {q.named_as or q.speaker for q in said.get(person, [])}
        names = sorted({*json.loads(names or "[]"), *printed}, key=lambda n: (-len(n), n))
        dates = [d for d in (first, last, published) if d]
        db.execute(
            "UPDATE people SET quotes = quotes + ?, articles_quoted = articles_quoted + ?, "
            "articles_named = articles_named + 1, names = ?, roles = ?, organisations = ?, first_seen = ?, "
            "last_seen = ? WHERE id = ?",
            [quotes, int(quotes > 0), as_json(names), as_json(roles),
             as_json(sorted({r["organisation"] for r in roles if r["organisation"]})),
             min(dates, default=None), max(dates, default=None), person],
        )  # fmt: skip


def with_role(roles: list[dict], role: str, organisation: str | None, when: str | None) -> list[dict]:
    """The roles with this one seen ``when``: its first and last seen widened, or it added; in order first seen."""
    for r in roles:
        if r["role"] == role and r["organisation"] == organisation:
            r["first_seen"] = min((d for d in (r["first_seen"], when) if d), default=None)
            r["last_seen"] = max((d for d in (r["last_seen"], when) if d), default=None)
            break
    else:
        roles.append({"role": role, "organisation": organisation, "first_seen": when, "last_seen": when})
    return sorted(roles, key=lambda r: (r["first_seen"] or "", r["role"]))


def as_json(value) -> str:
    """JSON as SQLite's json_group_array writes it (the full count's), so that both give the same text."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def mark_people(db: Database, ids: Iterable[int]) -> None:
    """People whose counts a later ``refresh_marked_people`` brings up to date (once a batch, not once an article:
    a person quoted in thousands of articles is counted again in milliseconds, but not after each of them)."""
    db.execute("CREATE TEMP TABLE IF NOT EXISTS people_to_refresh (id INTEGER PRIMARY KEY)")
    db.conn.executemany("INSERT OR IGNORE INTO people_to_refresh (id) VALUES (?)", [(i,) for i in ids])


def refresh_marked_people(db: Database) -> None:
    """The people marked since the last call, brought up to date (in the caller's transaction)."""
    if not db.execute("SELECT 1 FROM sqlite_temp_master WHERE name = 'people_to_refresh'").fetchone():
        return
    refresh_people(db, [r[0] for r in db.execute("SELECT id FROM people_to_refresh")])
    db.execute("DELETE FROM people_to_refresh")


def forget_quotes(db: Database, url: str, refresh: bool = True) -> set[int]:
    """The article's quotes and names gone (a new text replaces them, or the article is a copy); the people they
    were by, whose counts change."""
    people = {r[0] for r in db.execute("SELECT person_id FROM article_people WHERE article_url = ?", [url])}
    db.execute("DELETE FROM quotes WHERE article_url = ?", [url])
    db.execute("DELETE FROM article_people WHERE article_url = ?", [url])
    if refresh and people:
        refresh_people(db, people)
    return people


def person_id(db: Database, name: str, made: set[int] | None = None) -> int:
    """The person of this name, made (and linked to the stored articles that name them) if new (its ID added to
    ``made``)."""
    key = name_key(name)
    found = db.execute("SELECT id FROM people WHERE name_key = ?", [key]).fetchone()
    if found:
        return found[0]
    new = db.execute(
        "INSERT INTO people (name, name_key, quotes, articles_quoted, articles_named) VALUES (?, ?, 0, 0, 0)",
        [name, key],
    ).lastrowid
    if made is not None:
        made.add(new)
    if " " in key:  # a name of one word ("Ani") would find every use of that word: only quotes link it
        phrase = '"' + key.replace('"', "") + '"'
        db.execute(
            "INSERT OR IGNORE INTO article_people (article_url, person_id, quotes) "
            "SELECT url, ?, 0 FROM articles WHERE rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts "
            "MATCH ?)",
            [new, "{title body}: " + phrase],
        )
    return new


def named_in(db: Database, text: str) -> set[int]:
    """The known people a text names in full (two words or more, as printed)."""
    keys = set()
    for run in CAPITALISED_RUN.findall(text):
        words = run.split()
        for n in range(2, min(4, len(words)) + 1):
            keys.update(name_key(" ".join(words[i : i + n])) for i in range(len(words) - n + 1))
    keys = sorted(keys)
    found: set[int] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        found.update(r[0] for r in db.execute(f"SELECT id FROM people WHERE name_key IN ({marks})", chunk))
    return found


def reread_quotes(db: Database, gazetteer: Gazetteer | None = None) -> tuple[int, int]:
    """Every stored article's quotes read again (a new gazetteer, a better reader); (quotes, people)."""
    for table in ("quotes", "article_people", "people"):
        db.execute(f"DELETE FROM {table}")
    quotes = 0
    for url, title, body in db.execute("SELECT url, title, body FROM articles").fetchall():
        quotes += save_quotes(db, url, title, body, gazetteer, people="later")
    refresh_people(db)
    return quotes, db["people"].count


def refresh_people(db: Database, ids: Iterable[int] | None = None) -> None:
    """The people's names, roles, organisations, dates and counts, from their quotes and the articles naming them;
    a person no stored article names any more is removed."""
    where, params = "", []
    if ids is not None:
        ids = sorted(set(ids))
        if not ids:
            return
        where, params = f"WHERE id IN ({', '.join('?' * len(ids))})", ids
    db.execute(
        f"""UPDATE people SET
        quotes = (SELECT count(*) FROM quotes q WHERE q.person_id = people.id),
        articles_quoted = (SELECT count(*) FROM article_people ap WHERE ap.person_id = people.id AND ap.quotes > 0),
        articles_named = (SELECT count(*) FROM article_people ap WHERE ap.person_id = people.id),
        first_seen = (SELECT min(a.published_at) FROM article_people ap JOIN articles a ON a.url = ap.article_url
                      WHERE ap.person_id = people.id),
        last_seen = (SELECT max(a.published_at) FROM article_people ap JOIN articles a ON a.url = ap.article_url
                     WHERE ap.person_id = people.id),
        names = (SELECT json_group_array(n) FROM (SELECT n FROM (SELECT coalesce(q.named_as, q.speaker) AS n
                 FROM quotes q WHERE q.person_id = people.id UNION SELECT people.name) ORDER BY length(n) DESC, n)),
        roles = (SELECT json_group_array(json_object('role', role, 'organisation', organisation, 'first_seen', f,
                 'last_seen', l)) FROM (SELECT q.role, q.organisation, min(a.published_at) AS f,
                 max(a.published_at) AS l FROM quotes q JOIN articles a ON a.url = q.article_url
                 WHERE q.person_id = people.id AND q.role IS NOT NULL GROUP BY q.role, q.organisation
                 ORDER BY f, q.role)),
        organisations = (SELECT json_group_array(organisation) FROM (SELECT DISTINCT q.organisation FROM quotes q
                         WHERE q.person_id = people.id AND q.organisation IS NOT NULL ORDER BY q.organisation))
        {where}""",
        params,
    )
    db.execute(f"DELETE FROM people {where} {'AND' if where else 'WHERE'} articles_named = 0", params)
