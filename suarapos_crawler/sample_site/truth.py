"""Ground truth of the sample site: what a perfect crawler would store."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from .content import DELETED_POST_ID, DELETED_SLUG, Site
from .faults import Faults


def url_of(base: str, slug: str, page: int = 1) -> str:
    """An article's URL as a crawler should store it: percent-escapes in upper case (RFC 3986's normal form)."""
    slug = re.sub(r"%[0-9a-f]{2}", lambda m: m.group(0).upper(), slug)
    return f"{base}/{slug}/" + (f"{page}/" if page > 1 else "")


def visible(text: str) -> str:
    """Text as a reader sees it: without the invisible format characters a paste leaves inside words."""
    return "".join(c for c in text if unicodedata.category(c) != "Cf") if not text.isascii() else text


def body_paragraphs(a) -> list[str]:
    """The paragraphs a perfect crawler stores: the text's, then a data table's rows, a row a line."""
    return [visible(p) for p in a.paragraphs] + [" | ".join(row) for row in a.table]


def article_truth(site: Site, base_url: str, faults: Faults, render=None) -> list[dict]:
    base = base_url.rstrip("/")
    out = []
    for a in site.articles:
        baca_juga = []
        for box in a.baca_juga:
            for target in box.targets:
                if target in site.by_id and target != DELETED_POST_ID:
                    # A link to a republished copy leads, canonically, to the article it copies.
                    linked = site.by_id[target]
                    linked = site.by_id.get(linked.duplicate_of, linked)
                    baca_juga.append(url_of(base, linked.slug))
        out.append(
            {
                "url": url_of(base, a.slug),
                "post_id": a.post_id,
                "title": visible(a.title),
                "published_at": a.published.isoformat(),
                "modified_at": a.modified.isoformat(),
                "author": a.author[1],
                "section": site.sections[a.sections[0]].name,
                "sections": [site.sections[s].name for s in a.sections],
                "tags": list(a.tags),
                "dateline": a.dateline,
                "body_paragraphs": body_paragraphs(a),
                "body": "\n\n".join(body_paragraphs(a)),
                "quotes": [dict(q) for q in a.quotes],
                "kind": a.kind,
                "kind_marks": list(a.kind_marks),
                "release": dict(a.release) if a.release else None,
                "baca_juga": baca_juga,
                "baca_juga_shapes": sorted({b.shape for b in a.baca_juga}),
                "template": a.template,
                "meta": a.meta,
                "body_shape": a.body_shape,
                "date_display": a.date_display,
                "old_urls": [f"{base}/{s}/" for s in a.old_slugs],
                "duplicate_of": url_of(base, site.by_id[a.duplicate_of].slug) if a.duplicate_of else None,
                "traps": list(a.traps),
                "faults": faults.for_article(a),
                "day": a.day,
                "page_urls": [url_of(base, a.slug, n) for n in range(1, a.page_count + 1)],
                # what its page in the served theme tells of the time: minute, hour or day
                "date_precision": render.date_precision(a) if hasattr(render, "date_precision") else "minute",
            }
        )
    return out


def site_truth(site: Site, base_url: str, faults: Faults, render=None) -> dict:
    """What a perfect crawl would store; ``render``, the served theme's renderer, says at what precision each page
    shows its date and which of the theme's own words no body may hold."""
    base = base_url.rstrip("/")
    listing_pages = {s: site.section_pages(s) for s in site.sections}
    return {
        "base_url": base,
        "seed": site.seed,
        "day": site.day,
        "now": site.now.isoformat(),
        "faults": sorted(faults.enabled),
        "article_count": len(site.articles),
        "listing_pages": listing_pages,
        "listing_page_count": sum(listing_pages.values()) + 1,  # + the home page
        "deleted_urls": [f"{base}/{DELETED_SLUG}/"],
        # Stored by an earlier crawl, deleted since (takedown): what their URLs answer now
        "taken_down": [{"url": url_of(base, slug), "status": status} for slug, status in faults.gone.items()],
        # Baca Juga links that lead to no article, whatever the crawler does (faults)
        "dead_link_urls": [f"{base}/" + "berita-panjang-" * 200 + "/"] if "odd_urls" in faults.enabled else [],
        "non_article_urls": [f"{base}/{slug}/" for slug in ("redaksi", "pedoman-media-siber", "tentang-kami")],
        "theme": getattr(render, "theme", "") or "newspaper",
        "furniture": list(getattr(render, "FURNITURE", ())),
        "releases": [r.truth() for r in site.releases],
        "articles": article_truth(site, base, faults, render),
    }


def write_truth(path: str | Path, truth: dict) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
