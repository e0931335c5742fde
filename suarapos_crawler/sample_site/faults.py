"""Faults the sample server injects on request, and which article carries each."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import quote

from . import vocab
from .content import LONG_PATH_POST_ID, BacaJuga, SampleArticle, Site, _Writer, slugify

SPAM_URLS = 20_000  # dead URLs each post sitemap lists under sitemap_spam
BURST = 30  # articles section_burst publishes
REUSED = 5  # post IDs post_id_reuse gives again
# Under invisible_chars: the characters, one an article (soft hyphen, word joiner, LRM, RLM, zero-width space,
# zero-width non-joiner, a byte-order mark inside the text), and the articles that carry them.
INVISIBLE = ("\u00ad", "\u2060", "\u200e", "\u200f", "\u200b", "\u200c", "\ufeff")
INVISIBLE_OFFSETS = (37, 39, 41, 43, 45, 47, 49)
COMMENTS_OFFSETS = (36, 38, 40)
TABLE_OFFSETS = (42, 44, 46)
REUSE_OFFSETS = (50, 53, 56, 59, 62)
TABLE = (("Kecamatan", "Penerima", "Anggaran"), ("Bukitintan", "120", "Rp 60 juta"), ("Gerunggang", "95", "Rp 47 juta"))
FAULTS = {
    "retry_503": "the article's first request answers 503 with Retry-After: 1, later ones succeed",
    "slow": "the article answers after SLOW_SECONDS seconds",
    "drop": "the article's first request is cut mid-body (connection closed), later ones succeed",
    "truncated": "the article's HTML always stops in the middle of its body",
    "oversized": "the article page is padded past 12 MiB",
    "redirect_loop": "the article URL redirects to its /amp/ URL, which redirects back",
    "charset": "the article is sent as UTF-8 bytes with a header that says ISO-8859-1",
    "forbidden": "every page answers 403 (a blocked crawler)",
    "malformed": "the article's HTML loses its closing </p> and </div> tags",
    "deep_nesting": "the article's text sits inside 5,000 nested <div>s",
    "soft_404": "the article answers 200 with the theme's 404 page",
    "no_date": "the article page carries no date at all",
    "no_title": "the article page carries no title at all",
    "hostile": "the article's title and text hold <script> markup and SQL metacharacters (as text)",
    "odd_urls": "the article links (Baca Juga) to a URL with ../ in it and to one with a 3,000-character path",
    "robots_5xx": "robots.txt answers 503",
    "canonical_home": "every article page's rel=canonical is the home page (an SEO plugin's bug)",
    "canonical_other": "the article's rel=canonical is another article's URL",
    "garbage_copy": "the article answers a cookie wall as long as its text, titled with the site's name",
    "long_slug": "the article's slug is 300 non-ASCII characters (2,700 percent-encoded)",
    "deep_jsonld": "the article's head holds a JSON-LD block nested 100,000 deep",
    "year_9999": "the article's JSON-LD dates are 9999-12-31 and 0001-01-01",
    "poison_500": "six articles always answer 500",
    "offsite_redirect": "a menu item (e-Paper) redirects to another host",
    "query_pagination": "a menu section pages by ?hal=N forever, listing the same articles",
    "huge_listing": "a menu section's page holds 12,000 listing blocks, none closed",
    "image_page": "the article's URL answers a real JPEG (image/jpeg)",
    "control_chars": "the article's title and author hold the control characters \\x08, \\x1b and \\x01",
    "cp1252": "the article's quotes and dashes are windows-1252 bytes in a page declared UTF-8",
    "utf16": "the article is sent as UTF-16 (with its byte-order mark), as its header says",
    "menu_bounce": "a menu section redirects to another spelling of itself, which redirects back",
    "lastmod_now": "every post sitemap dates every URL's lastmod at the time it is asked for",
    "sitemap_flood": "the sitemap index lists 2,000 more post sitemaps, each dated now, each empty",
    "robots_crawl_delay": "robots.txt asks for a Crawl-delay of 0.25 s",
    "robots_huge": "robots.txt is 9 MB (its rules, then comments)",
    "robots_disallows_us": "robots.txt disallows suarapos-crawler by name, and no one else",
    "sitemap_spam": f"every post sitemap also lists {SPAM_URLS:,} URLs that answer 404 (a hacked or broken plugin)",
    "slug_change": "the article's slug was edited: its old URL answers 301 to the new one, the text is the same",
    "slug_retitled": "the article's title was corrected and its slug made from the new title; the old URL answers 301",
    "takedown": "three articles were deleted: one answers 410, one 404, one the theme's 404 page with status 200",
    # round four: what years of the live web bring that no one here had imagined
    "invisible_chars": "seven articles hold an invisible character (soft hyphen, word joiner, direction mark...) inside "
    "a word of their title and of their text",
    "featured_block": "every section page prints the same 5 older posts in a block above its list (Pilihan Redaksi)",
    "no_sitemap": "the sitemaps answer 404 (a plugin switched off)",
    "section_burst": f"{BURST} articles published in Politik in the last half hour, more than a listing page holds",
    "post_id_reuse": f"a reinstall: {REUSED} new articles take stored articles' post IDs (theirs are new) and name "
    "those articles' URLs as rel=canonical",
    "view_counter": "every article's content ends with a 'Dibaca N kali' counter that grows with every request",
    "comments_in_content": "three articles print their comment list inside the content element",
    "table_in_body": "three articles hold a data table (one in a block editor's table figure)",
}
# Under takedown: how each deleted article's URL answers, in the order of TAKEDOWN_OFFSETS.
TAKEDOWN_STATUSES = (410, 404, 200)
TAKEDOWN_OFFSETS = (26, 28, 30)
CRAWL_DELAY = 0.25  # seconds between requests, under robots_crawl_delay
POISONED = 6  # articles that always answer 500 under poison_500
COOKIE_WALL = (
    "Situs ini menggunakan kuki untuk meningkatkan pengalaman Anda. Dengan melanjutkan, Anda menyetujui "
    "penggunaan kuki sesuai kebijakan privasi kami. Klik Setuju untuk melanjutkan membaca. "
)
SLOW_SECONDS = 3.0
# Offsets into the day-1 articles, so each fault sits on its own, ordinary article.
_TARGET_OFFSET = {
    "retry_503": 13,
    "slow": 17,
    "drop": 19,
    "truncated": 23,
    "oversized": 29,
    "redirect_loop": 31,
    "charset": 37,
    "malformed": 3,
    "deep_nesting": 5,
    "soft_404": 7,
    "no_date": 9,
    "no_title": 11,
    "hostile": 15,
    "odd_urls": 21,
    "canonical_other": 25,
    "garbage_copy": 27,
    "long_slug": 33,
    "deep_jsonld": 35,
    "year_9999": 1,
    "image_page": 14,
    "control_chars": 16,
    "cp1252": 18,
    "utf16": 20,
    "slug_change": 22,
    "slug_retitled": 24,
}
POISON_OFFSETS = (2, 4, 6, 8, 10, 12)


@dataclass
class Faults:
    enabled: set[str] = field(default_factory=set)
    targets: dict[str, int] = field(default_factory=dict)  # fault -> post ID
    poisoned: set[int] = field(default_factory=set)  # post IDs that always answer 500 (poison_500)
    canonical_of: dict[int, str] = field(default_factory=dict)  # post ID -> the other article's path it claims
    gone: dict[str, int] = field(default_factory=dict)  # slug of a deleted article -> its status (takedown)
    carried: dict[int, list[str]] = field(default_factory=dict)  # post ID -> the round-four faults it carries

    @classmethod
    def parse(cls, names: str | None, site: Site) -> Faults:
        enabled = {n.strip() for n in (names or "").split(",") if n.strip()}
        unknown = enabled - FAULTS.keys()
        if unknown:
            raise ValueError(f"unknown fault(s) {sorted(unknown)}; known: {', '.join(FAULTS)}")
        plain = [a for a in site.articles if a.day == 1 and not a.traps and not a.old_slugs]
        targets = {}
        for name in enabled:
            if name in _TARGET_OFFSET:
                targets[name] = plain[_TARGET_OFFSET[name] % len(plain)].post_id
        faults = cls(enabled, targets)
        if "poison_500" in enabled:
            faults.poisoned = {plain[i % len(plain)].post_id for i in POISON_OFFSETS}
        if "takedown" in enabled:
            deleted = [plain[i % len(plain)] for i in TAKEDOWN_OFFSETS]
            faults.gone = {a.slug: status for a, status in zip(deleted, TAKEDOWN_STATUSES, strict=True)}
            # Deleted: gone from listings, sitemaps and the truth; a Baca Juga link to one now leads nowhere.
            site.articles = [a for a in site.articles if a.slug not in faults.gone]
            site.__post_init__()
        faults.apply(site)
        faults.apply_round_four(site, plain)
        return faults

    def carry(self, article: SampleArticle, name: str) -> None:
        self.carried.setdefault(article.post_id, []).append(name)

    def apply_round_four(self, site: Site, plain: list[SampleArticle]) -> None:
        """Round four's faults, written into the articles and the site (and so into the truth)."""
        on = self.enabled
        for offset, char in zip(INVISIBLE_OFFSETS, INVISIBLE, strict=True) if "invisible_chars" in on else ():
            a = plain[offset % len(plain)]
            a.title = hide_in_longest_word(a.title, char)
            a.paragraphs = list(a.paragraphs)
            a.paragraphs[0] = hide_in_longest_word(a.paragraphs[0], char)
            self.carry(a, "invisible_chars")
        for offset in COMMENTS_OFFSETS if "comments_in_content" in on else ():
            plain[offset % len(plain)].comments_in_content = True
            self.carry(plain[offset % len(plain)], "comments_in_content")
        # a table in a report long enough that the table is a part of it, as in the real site's (a refresh is
        # checked by the words it keeps: three short paragraphs and a table are mostly table)
        reports = [a for a in plain if len(a.paragraphs) >= 6]
        for i, offset in enumerate(TABLE_OFFSETS) if "table_in_body" in on else ():
            a = reports[offset % len(reports)]
            a.table, a.table_figure = list(TABLE), i == 0
            self.carry(a, "table_in_body")
        if "view_counter" in on:
            site.view_counter = True
        if "featured_block" in on:
            site.featured = [a for a in reversed(plain) if not a.split_at][:5]  # older posts, pinned
        if "section_burst" in on:
            for i in range(BURST):
                self.carry(add_article(site, site.now - timedelta(minutes=1 + i), ["politik"], i), "section_burst")
        for k, offset in enumerate(REUSE_OFFSETS) if "post_id_reuse" in on else ():
            old = plain[offset % len(plain)]
            new = add_article(site, site.now - timedelta(minutes=40 + k), old.sections, 100 + k)
            new.post_id, old.post_id = old.post_id, 90001 + 3 * k
            self.canonical_of[new.post_id] = old.path
            self.carry(new, "post_id_reuse")
        site.articles.sort(key=lambda a: a.published, reverse=True)
        site.__post_init__()

    def apply(self, site: Site) -> None:
        """Faults that are content, not transport: written into the articles (and so into the truth)."""
        if "hostile" in self.targets:
            a = site.by_id[self.targets["hostile"]]
            a.title = "Awas <script>alert('xss')</script> & '; DROP TABLE articles; -- di Grup WhatsApp"
            a.paragraphs = list(a.paragraphs)
            a.paragraphs[1] += ' Pesan itu memuat <img src=x onerror=alert(1)> dan "; DELETE FROM articles; --.'
        if "long_slug" in self.targets:
            a = site.by_id[self.targets["long_slug"]]
            # WordPress keeps a non-ASCII slug percent-encoded, in lower case
            a.slug = "kabar-" + quote("漢" * 300).lower()
            site.__post_init__()  # the slug lookups again
        for name in ("slug_change", "slug_retitled"):
            if name in self.targets:
                a = site.by_id[self.targets[name]]
                a.old_slugs = [*a.old_slugs, a.slug]  # WordPress answers the old slug with a 301 to the new one
                if name == "slug_retitled":
                    a.title = "Ralat: " + a.title
                    a.modified = max(a.modified, site.now - timedelta(minutes=30))
                    a.slug = slugify(a.title)
                else:
                    a.slug += "-2"
                site.__post_init__()
        if "charset" in self.targets:  # what the fault sends as raw UTF-8: a dash and quotation marks, whatever
            a = site.by_id[self.targets["charset"]]  # forms the article's quotes took
            a.dash = "–"
            a.paragraphs = list(a.paragraphs)
            a.paragraphs[-1] = f"“{a.paragraphs[-1].rstrip('.')},” kata warga."
        if "canonical_other" in self.targets:
            a = site.by_id[self.targets["canonical_other"]]
            other = next(x for x in site.articles if x.published < a.published and not x.traps and x.day == 1)
            self.canonical_of[a.post_id] = other.path
        if "odd_urls" in self.targets:
            a = site.by_id[self.targets["odd_urls"]]
            older = next(x for x in site.articles if x.published < a.published and not x.old_slugs)
            a.baca_juga = list(a.baca_juga) + [
                BacaJuga(0, "strong_colon", [older.post_id], ["dotdot"]),
                BacaJuga(1, "plain", [LONG_PATH_POST_ID], ["canonical"]),
            ]

    def for_article(self, article: SampleArticle) -> list[str]:
        hits = [name for name, pid in self.targets.items() if pid == article.post_id]
        hits += self.carried.get(article.post_id, [])
        if article.post_id in self.poisoned:
            hits.append("poison_500")
        if "forbidden" in self.enabled:
            hits.append("forbidden")
        return sorted(hits)

    def on(self, name: str, article: SampleArticle | None) -> bool:
        if article is None:
            return False
        if name == "poison_500":
            return article.post_id in self.poisoned
        if name == "canonical_home":
            return "canonical_home" in self.enabled
        if name == "post_id_reuse":
            return "post_id_reuse" in self.enabled and article.post_id in self.canonical_of
        return self.targets.get(name) == article.post_id


def hide_in_longest_word(text: str, char: str) -> str:
    """``char`` in the middle of the text's longest word, as an editor's paste leaves it."""
    words = text.split(" ")
    longest = max(range(len(words)), key=lambda i: (words[i].isalpha(), len(words[i])))
    word = words[longest]
    words[longest] = word[: len(word) // 2] + char + word[len(word) // 2 :]
    return " ".join(words)


def add_article(site: Site, when, sections: list[str], n: int) -> SampleArticle:
    """A new article of the sample's writer, published ``when`` (its own RNG: the site's other draws stay)."""
    writer = _Writer(random.Random(f"round-four-{site.seed}-{n}"))
    title = writer.title(when)
    post_id = max(a.post_id for a in site.articles) + 3
    article = SampleArticle(
        post_id=post_id,
        slug=f"{slugify(title)[:80].strip('-')}-{post_id}",
        title=title,
        published=when,
        modified=when,
        author=("redaksi", "Redaksi"),
        sections=list(sections),
        tags=writer.rng.sample(vocab.TAG_POOL, 2),
        dateline="SUARAPOS.COM",
        dash="–",
        paragraphs=writer.paragraphs(when, 6),
        image=f"/wp-content/uploads/{when:%Y/%m}/IMG-{post_id}.jpg",
    )
    site.articles.append(article)
    site.by_id[post_id] = article
    return article
