"""Faults the sample server injects on request, and which article carries each."""

from __future__ import annotations

from dataclasses import dataclass, field

from .content import SampleArticle, Site

FAULTS = {
    "retry_503": "the article's first request answers 503 with Retry-After: 1, later ones succeed",
    "slow": "the article answers after SLOW_SECONDS seconds",
    "drop": "the article's first request is cut mid-body (connection closed), later ones succeed",
    "truncated": "the article's HTML always stops in the middle of its body",
    "oversized": "the article page is padded past 12 MiB",
    "redirect_loop": "the article URL redirects to its /amp/ URL, which redirects back",
    "charset": "the article is sent as UTF-8 bytes with a header that says ISO-8859-1",
    "forbidden": "every page answers 403 (a blocked crawler)",
}
SLOW_SECONDS = 3.0
# Offsets into the day-1 articles, so each fault sits on its own, ordinary article.
_TARGET_OFFSET = {"retry_503": 13, "slow": 17, "drop": 19, "truncated": 23, "oversized": 29,
                  "redirect_loop": 31, "charset": 37}


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
        return cls(enabled, targets)

    def for_article(self, article: SampleArticle) -> list[str]:
        hits = [name for name, pid in self.targets.items() if pid == article.post_id]
        if "forbidden" in self.enabled:
            hits.append("forbidden")
        return sorted(hits)

    def on(self, name: str, article: SampleArticle | None) -> bool:
        return article is not None and self.targets.get(name) == article.post_id
