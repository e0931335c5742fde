"""Score an archive database against the sample site's ground truth.

Used by the end-to-end tests, the demo and the benchmark: one definition of
"right" for every figure the issues ask for.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from sqlite_utils import Database

from ..clock import parse_iso
from ..pages.text import token_f1

# Strings that belong to the page around an article, never to its text.
BOILERPLATE = [
    "Baca Juga",
    "BACA JUGA",
    "ctaText",
    "postTitle",
    "padding:",
    "BERBAGI",
    "- Advertisement -",
    "adsbygoogle",
    "LEAVE A REPLY",
    "Kirim Komentar",
    "View this post on Instagram",
    "A post shared by",
    "Foto: Dokumentasi",
    "Foto: Suarapos",
    "Video: Kanal",
    "@humasbabel",
    "Berita sebelumya",
    "Berita berikutnya",
    "BERITA TERKAIT",
    "DARI PENULIS",
    "TERPOPULER",
    "Balas",
    "KOMENTAR",
    "Semoga program ini benar-benar dijalankan",
    "Facebook",
    "WhatsApp",
    "INLINE RELATED POSTS",
    # the redesigned site's (ColorMag, AddToAny)
    "Bagikan",
    "Anda Mungkin Juga Suka",
    "Tinggalkan Balasan",
    "Batalkan balasan",
    "Halaman:",
    "Berita Terbaru",
    "Baca Selengkapnya",
    "Terpopuler",
    "Hak Cipta",
]
# Faults after which an article cannot be had at all; the crawler is not scored on those.
UNREACHABLE_FAULTS = {
    "image_page",
    "redirect_loop",
    "oversized",
    "forbidden",
    "truncated",
    "soft_404",
    "no_date",
    "no_title",
    "garbage_copy",
    "poison_500",
}


@dataclass
class Score:
    expected: int = 0
    stored: int = 0
    found: int = 0
    non_article_rows: list[str] = field(default_factory=list)
    duplicate_pairs_stored_twice: list[str] = field(default_factory=list)
    field_right: dict[str, int] = field(default_factory=dict)
    body_f1_ok: int = 0
    boilerplate_hits: list[tuple[str, str]] = field(default_factory=list)
    links_expected: int = 0
    links_found: int = 0
    links_extra: list[tuple[str, str]] = field(default_factory=list)
    misses: dict[str, list[str]] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 0.0

    def field_rate(self, name: str) -> float:
        return self.field_right.get(name, 0) / self.found if self.found else 0.0

    @property
    def body_rate(self) -> float:
        return self.body_f1_ok / self.found if self.found else 0.0

    @property
    def link_recall(self) -> float:
        return self.links_found / self.links_expected if self.links_expected else 1.0

    def summary(self) -> dict:
        return {
            "articles_expected": self.expected,
            "articles_stored": self.stored,
            "recall": round(self.recall, 4),
            "non_article_rows": len(self.non_article_rows),
            "duplicates_stored_twice": len(self.duplicate_pairs_stored_twice),
            **{f"{name}_right": round(self.field_rate(name), 4) for name in sorted(self.field_right)},
            "body_f1_at_least_0.97": round(self.body_rate, 4),
            "bodies_with_boilerplate": len(self.boilerplate_hits),
            "baca_juga_recall": round(self.link_recall, 4),
            "baca_juga_extra": len(self.links_extra),
        }


def score_database(db: Database, truth: dict) -> Score:
    score = Score()
    rows = {r["url"]: r for r in db.query("SELECT * FROM articles")}
    links: dict[str, list[str]] = {}
    for r in db.query("SELECT source_url, target_url FROM related_links ORDER BY source_url, position"):
        links.setdefault(r["source_url"], []).append(r["target_url"])
    articles = truth["articles"]
    truth_urls = {a["url"] for a in articles}
    score.stored = len(rows)
    score.non_article_rows = sorted(set(rows) - truth_urls)
    deleted = set(truth.get("deleted_urls", [])) | set(truth.get("dead_link_urls", []))
    for a in articles:
        if set(a["faults"]) & UNREACHABLE_FAULTS:
            continue
        if a["duplicate_of"]:
            if a["url"] in rows and a["duplicate_of"] in rows:
                score.duplicate_pairs_stored_twice.append(a["url"])
            continue
        score.expected += 1
        row = rows.get(a["url"])
        if row is None:
            copy = next((c for c in articles if c["duplicate_of"] == a["url"]), None)
            row = rows.get(copy["url"]) if copy else None
        if row is None:
            score.misses.setdefault("missing", []).append(a["url"])
            continue
        score.found += 1
        score_fields(score, row, a, truth.get("furniture", []))
        score_links(score, row["url"], links.get(row["url"], []), a, deleted)
    return score


def score_fields(score: Score, row: dict, a: dict, furniture: list[str] = ()) -> None:
    """One stored article's fields against its truth: each right or missed, the body by F1, no boilerplate."""
    checks = {
        "title": row["title"] == a["title"],
        "published_at": same_time(row["published_at"] or "", a["published_at"], a.get("date_precision", "minute")),
        "author": row["author"] == a["author"],
        "section": row["section"] == a["section"],
        "tags": json.loads(row["tags"] or "[]") == a["tags"],
        "dateline": row["dateline"] == a["dateline"],
    }
    for name, ok in checks.items():
        score.field_right[name] = score.field_right.get(name, 0) + ok
        if not ok:
            score.misses.setdefault(name, []).append(a["url"])
    if token_f1(row["body"] or "", a["body"]) >= 0.97:
        score.body_f1_ok += 1
    else:
        score.misses.setdefault("body", []).append(a["url"])
    for needle in [*BOILERPLATE, *furniture]:
        if needle in (row["body"] or "") and needle not in a["body"]:
            score.boilerplate_hits.append((row["url"], needle))


def same_time(stored: str, true: str, precision: str) -> bool:
    """The stored time is the true one at the precision the page showed it: the minute, the day, or within the
    hour a relative date ("3 jam yang lalu") can tell."""
    if not stored.endswith("+07:00"):
        return False
    if precision == "day":
        return stored[:10] == true[:10]
    if precision == "hour":
        when = parse_iso(stored)
        return when is not None and abs((when - parse_iso(true)).total_seconds()) < 3600
    return stored[:16] == true[:16]


def score_links(score: Score, url: str, got: list[str], a: dict, deleted: set[str]) -> None:
    """One stored article's Baca Juga links against its truth: found, missed, and extra (a link to a deleted
    article is no extra)."""
    want = a["baca_juga"]
    score.links_expected += len(want)
    remaining = Counter(got)
    for target in want:
        if remaining[target] > 0:
            remaining[target] -= 1
            score.links_found += 1
        else:
            score.misses.setdefault("baca_juga", []).append(f"{a['url']} -> {target}")
    for target, count in remaining.items():
        if count > 0 and target not in deleted:
            score.links_extra.append((url, target))


QUOTE_MATCH_F1 = 0.9  # a found quote is the true one when their words agree this well


@dataclass
class QuoteScore:
    """Quotes found against the truth's: direct ones by recall and precision, speakers, indirect marked as such."""

    direct_expected: int = 0
    direct_found: int = 0
    direct_matched: int = 0
    speaker_right: int = 0
    indirect_expected: int = 0
    indirect_matched: int = 0
    indirect_marked: int = 0
    offices_expected: int = 0
    offices_kept: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)

    def add(self, url: str, want: list[dict], got: list[dict]) -> None:
        """One article: its true quotes (``want``) and those found (``got``), each a dict of the quote columns."""
        free = list(got)
        for w in want:
            match = max(free, key=lambda g: token_f1(g["quote"], w["quote"]), default=None)
            matched = match is not None and token_f1(match["quote"], w["quote"]) >= QUOTE_MATCH_F1
            if matched:
                free.remove(match)
            if w["kind"] == "direct":
                self.direct_expected += 1
                self.direct_matched += matched
                right = matched and same_speaker(match, w)
                self.speaker_right += right
                if not right:
                    self.misses.append((url, f"{w['speaker'] or w['role']}: {w['quote'][:60]}"))
            else:
                self.indirect_expected += 1
                self.indirect_matched += matched
                self.indirect_marked += matched and match["kind"] == "indirect"
            if w["speaker"] is None:
                self.offices_expected += 1
                self.offices_kept += matched and match["speaker"] is None and match["role"] == w["role"]
        self.direct_found += sum(g["kind"] == "direct" for g in got)
        extra_direct = [g for g in free if g["kind"] == "direct"]
        self.misses.extend((url, f"extra: {g['speaker'] or g['role']}: {g['quote'][:60]}") for g in extra_direct)

    def summary(self) -> dict:
        def rate(a: int, b: int) -> float:
            return round(a / b, 4) if b else 1.0

        return {
            "direct_quotes": self.direct_expected,
            "direct_recall": rate(self.direct_matched, self.direct_expected),
            "direct_precision": rate(self.direct_matched, self.direct_found),
            "speaker_right": rate(self.speaker_right, self.direct_expected),
            "indirect_quotes": self.indirect_expected,
            "indirect_found": rate(self.indirect_matched, self.indirect_expected),
            "indirect_marked_indirect": rate(self.indirect_marked, self.indirect_matched),
            "office_speakers_kept_as_office": rate(self.offices_kept, self.offices_expected),
        }


def same_speaker(got: dict, want: dict) -> bool:
    """The same speaker: the same person's name, or, for a speaker named by office alone, the same office and no
    person guessed."""
    if want["speaker"] is None:
        return got["speaker"] is None and got["role"] == want["role"]
    return got["speaker"] == want["speaker"]


def score_stored_quotes(db: Database, truth: dict) -> QuoteScore:
    """The archive's quotes against the truth's, over the articles it stored (a missed article is the crawl's
    miss, scored by ``score_database``)."""
    score = QuoteScore()
    stored: dict[str, list[dict]] = {}
    for row in db.query("SELECT * FROM quotes ORDER BY article_url, position"):
        stored.setdefault(row["article_url"], []).append(row)
    urls = {r["url"] for r in db.query("SELECT url FROM articles")}
    for a in truth["articles"]:
        if a["url"] in urls and not a["duplicate_of"]:
            score.add(a["url"], a["quotes"], stored.get(a["url"], []))
    return score


def score_stored_kinds(db: Database, truth: dict) -> dict:
    """The share of the truth's articles stored with the kind their page declares, and the ones that are not."""
    stored = dict(db.execute("SELECT url, kind FROM articles").fetchall())
    wrong = [
        (a["url"], a["kind"], stored.get(a["url"])) for a in truth["articles"] if stored.get(a["url"]) != a["kind"]
    ]
    kinds = Counter(a["kind"] for a in truth["articles"])
    return {"articles": len(truth["articles"]), "right": 1 - len(wrong) / len(truth["articles"]), "wrong": wrong,
            "kinds": dict(kinds)}  # fmt: skip


def score_pickups(found: dict[str, list[dict]], truth: dict, least: float = 0.5) -> dict:
    """How well pickup found the sample's copies of each release (``found``: release id → what ``scrapy pickup
    --json`` printed): the copies reusing at least ``least`` found, the listed articles that are no copy of it,
    and the worst difference between a share reported and the truth's."""
    copies = {(a["release"]["id"], a["url"]): a["release"]["share"] for a in truth["articles"] if a["release"]}
    wanted = {key for key, share in copies.items() if share >= least}
    listed = {(release, row["url"]): row["share"] for release, rows in found.items() for row in rows}
    false = sorted(key for key in listed if key not in copies)
    errors = [abs(listed[key] - copies[key]) for key in listed if key in copies]
    return {
        "copies": len(wanted),
        "found": len(wanted & set(listed)) / len(wanted) if wanted else 0.0,
        "false_matches": false,
        "worst_share_error": max(errors, default=0.0),
        "copies_listed": len(errors),
    }
