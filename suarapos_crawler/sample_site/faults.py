"""Faults the sample server injects on request, and which article carries each."""

from __future__ import annotations

from dataclasses import dataclass, field

from .content import LONG_PATH_POST_ID, BacaJuga, SampleArticle, Site

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
}
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
}


@dataclass
class Faults:
    enabled: set[str] = field(default_factory=set)
    targets: dict[str, int] = field(default_factory=dict)  # fault -> post ID

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
        faults.apply(site)
        return faults

    def apply(self, site: Site) -> None:
        """Faults that are content, not transport: written into the articles (and so into the truth)."""
        if "hostile" in self.targets:
            a = site.by_id[self.targets["hostile"]]
            a.title = "Awas <script>alert('xss')</script> & '; DROP TABLE articles; -- di Grup WhatsApp"
            a.paragraphs = list(a.paragraphs)
            a.paragraphs[1] += ' Pesan itu memuat <img src=x onerror=alert(1)> dan "; DELETE FROM articles; --.'
        if "odd_urls" in self.targets:
            a = site.by_id[self.targets["odd_urls"]]
            older = next(x for x in site.articles if x.published < a.published and not x.old_slugs)
            a.baca_juga = list(a.baca_juga) + [
                BacaJuga(0, "strong_colon", [older.post_id], ["dotdot"]),
                BacaJuga(1, "plain", [LONG_PATH_POST_ID], ["canonical"]),
            ]

    def for_article(self, article: SampleArticle) -> list[str]:
        hits = [name for name, pid in self.targets.items() if pid == article.post_id]
        if "forbidden" in self.enabled:
            hits.append("forbidden")
        return sorted(hits)

    def on(self, name: str, article: SampleArticle | None) -> bool:
        return article is not None and self.targets.get(name) == article.post_id
