"""A digest: the new articles of one watched term or person, as an e-mail's subject and text and a webhook's JSON.
Pure functions of the ledger's rows; each digest is titled with its term."""

from __future__ import annotations

from dataclasses import dataclass

from ..clock import parse_iso


@dataclass
class Digest:
    term: str
    label: str
    articles: list[dict]  # url, title, published_at, section, count: newest first

    @property
    def title(self) -> str:
        n = len(self.articles)
        return f"{self.label}: {n} new article{'s' if n != 1 else ''} (suarapos)"

    def text(self) -> str:
        lines = [f"New in the archive for {self.label}:", ""]
        for a in self.articles:
            when = parse_iso(a["published_at"])
            day = f"{when:%d/%m/%Y %H:%M} WIB" if when else ""
            lines += [f"- {a['title']}", f"  {day}{' · ' + a['section'] if a.get('section') else ''}", f"  {a['url']}"]
        return "\n".join(lines) + "\n"

    def payload(self) -> dict:
        """The webhook's JSON: ``title`` and ``message`` as chat bots and ntfy read them, and the articles."""
        return {
            "title": self.title,
            "message": self.text(),
            "term": self.term,
            "label": self.label,
            "articles": [
                {k: a.get(k) for k in ("url", "title", "published_at", "section", "count")} for a in self.articles
            ],
        }


def digests_of(rows: list[dict]) -> list[Digest]:
    """The ledger's pending rows, one digest a term, in the rows' order."""
    found: dict[str, Digest] = {}
    for row in rows:
        found.setdefault(row["term"], Digest(row["term"], row["label"], [])).articles.append(row)
    return list(found.values())
