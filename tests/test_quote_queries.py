"""Who said what, most quoted, a person and their feed, as metadata.yml asks them (read from indexes, so that a
million articles answer in under a second), give what their plain definitions give, on the sample's articles.

The plain definitions are the queries as they were written first: every quote joined to its article, then
filtered and sorted. Both readings of ``person`` (a person quoted more than 2,000 times is met in the newest
articles first) are checked here on a small archive by moving the threshold."""

from __future__ import annotations

import pytest
import yaml
from sqlite_utils import Database

from suarapos_crawler import storage
from suarapos_crawler.browse.plugins.suarapos_safety import prepare_connection
from suarapos_crawler.sample_site import Faults, build_site, parse_now, site_truth

from .test_search import ROOT

QUERIES = yaml.safe_load((ROOT / "metadata.yml").read_text())["databases"]["suarapos"]["queries"]
DAYS = "(:from_date = '' OR a.published_day >= :from_date) AND (:to_date = '' OR a.published_day <= :to_date)"
PLAIN = {
    "who_said_what": f"""SELECT a.published_day AS day, q.speaker AS person, q.role, q.quote, q.kind, a.url AS article_url,
        a.title, a.section FROM quotes q JOIN articles a ON a.url = q.article_url
        WHERE (:q = '' OR q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH fts_query_quotes(:q)))
          AND (:speaker = '' OR q.speaker LIKE '%' || :speaker || '%' OR q.role LIKE '%' || :speaker || '%')
          AND (:section = '' OR a.section = :section) AND {DAYS}
        ORDER BY a.published_at DESC, q.position LIMIT 100""",
    "most_quoted": f"""SELECT p.name AS person,
        (SELECT q2.role FROM quotes q2 JOIN articles a2 ON a2.url = q2.article_url
          WHERE q2.person_id = p.id AND q2.role IS NOT NULL ORDER BY a2.published_at DESC LIMIT 1) AS latest_role,
        COUNT(DISTINCT q.article_url) AS articles, COUNT(*) AS quotes, MAX(a.published_day) AS last_quoted
        FROM quotes q JOIN people p ON p.id = q.person_id JOIN articles a ON a.url = q.article_url
        WHERE (:section = '' OR a.section = :section) AND {DAYS}
        GROUP BY p.id ORDER BY articles DESC, quotes DESC, person LIMIT 100""",
    "person": """SELECT day, role, quote, kind, article_url, title FROM (
        SELECT a.published_at AS at, a.published_day AS day, q.role, q.quote, q.kind, a.url AS article_url, a.title,
               q.position
        FROM people p JOIN quotes q ON q.person_id = p.id JOIN articles a ON a.url = q.article_url
        WHERE p.name_key = lower(trim(:name)) OR EXISTS (SELECT 1 FROM json_each(p.names) WHERE value = trim(:name))
        UNION ALL
        SELECT a.published_at, a.published_day, NULL, NULL, 'named', a.url, a.title, 0
        FROM people p JOIN article_people ap ON ap.person_id = p.id AND ap.quotes = 0
             JOIN articles a ON a.url = ap.article_url
        WHERE p.name_key = lower(trim(:name)) OR EXISTS (SELECT 1 FROM json_each(p.names) WHERE value = trim(:name)))
        ORDER BY kind = 'named', at DESC, position
        LIMIT 100 OFFSET 100 * (max(CAST(COALESCE(NULLIF(:page, ''), '1') AS INTEGER), 1) - 1)""",
}


@pytest.fixture(scope="module")
def archive(upgraded_archive) -> Database:
    db = Database(memory=True)
    upgraded_archive.conn.backup(db.conn)
    site = build_site(articles=120, now=parse_now("2026-11-29T14:00:00+07:00"))
    for t in site_truth(site, "https://www.suarapos.com", Faults())["articles"]:
        article = {**t, "published_raw": t["published_at"], "date_source": "json-ld", "related": []}
        storage.save_article(db, article, "2026-11-29T14:00:00+07:00")
    prepare_connection(db.conn)
    return db


def rows(db: Database, sql: str, **params) -> list[tuple]:
    return [tuple(r) for r in db.execute(sql, params).fetchall()]


def busiest(db: Database, rank: int = 0) -> str:
    return db.execute("SELECT name FROM people ORDER BY quotes DESC, name LIMIT 1 OFFSET ?", [rank]).fetchone()[0]


def test_who_said_what_gives_the_quotes_its_plain_definition_gives(archive):
    day = archive.execute("SELECT published_day FROM articles ORDER BY published_at LIMIT 1 OFFSET 60").fetchone()[0]
    section = archive.execute("SELECT section FROM articles GROUP BY section ORDER BY COUNT(*) DESC").fetchone()[0]
    cases = [{}, {"q": "masyarakat"}, {"speaker": busiest(archive)}, {"section": section, "from_date": day},
             {"q": "akan", "to_date": day}, {"speaker": "Kapolres"}]  # fmt: skip
    for case in cases:
        params = {"q": "", "speaker": "", "section": "", "from_date": "", "to_date": "", **case}
        found = rows(archive, QUERIES["who_said_what"]["sql"], page="", **params)
        assert found == rows(archive, PLAIN["who_said_what"], **params), case
        assert found or case.get("speaker") == "Kapolres", case


def test_most_quoted_gives_the_people_its_plain_definition_gives_with_and_without_filters(archive):
    section = archive.execute("SELECT section FROM articles GROUP BY section ORDER BY COUNT(*) DESC").fetchone()[0]
    for case in ({}, {"section": section}, {"from_date": "2026-11-28"}):
        params = {"section": "", "from_date": "", "to_date": "", **case}
        found = rows(archive, QUERIES["most_quoted"]["sql"], **params)
        assert found and found == rows(archive, PLAIN["most_quoted"], **params), case


@pytest.mark.parametrize("often", [False, True])
def test_a_persons_page_and_feed_read_either_way_give_their_quotes_newest_first(archive, often):
    def threshold(sql: str) -> str:  # both readings, on an archive whose people are quoted a few times each
        return sql.replace("> 2000", "> 0").replace("<= 2000", "<= 0") if often else sql

    def paged(sql: str) -> str:  # pages of 5, so that the busiest people's rows take several
        return sql.replace("LIMIT 100", "LIMIT 5").replace("100 *", "5 *")

    for name in (busiest(archive), busiest(archive, 5)):
        found = rows(archive, threshold(QUERIES["person"]["sql"]), name=name, page="")
        assert found and found == rows(archive, PLAIN["person"], name=name, page="")
        pages = [rows(archive, paged(threshold(QUERIES["person"]["sql"])), name=name, page=str(n)) for n in range(1, 7)]
        assert len(pages[1]) == 5  # more than one page of 5
        assert [r for page in pages for r in page] == rows(
            archive, paged(PLAIN["person"]).replace("LIMIT 5", "LIMIT 30"), name=name, page=""
        )
        feed = rows(archive, threshold(QUERIES["person_feed"]["sql"]), name=name)
        quotes = [r for r in found if r[3] != "named"]
        assert [f[6] for f in feed] == [q[4] for q in quotes][:50]  # the same articles, newest first
    assert rows(archive, threshold(QUERIES["person_feed"]["sql"]), name="Nobody Here")[0][0].startswith("urn:")
