"""What every theme of the zoo shares: the pages WordPress builds from a theme's own parts.

A theme of the zoo (``colormag.py``, ``sahifa.py``, ``jannah.py``...) prints its chrome (``page``, ``row``,
``sidebar``), its single post (``article``), its archive card (``listed_post``) and its pagination; section, tag,
author and date archives, the home page's blocks and the static and 404 pages are assembled here from those parts.
The plugins a regional news site keeps through a redesign print what they printed before: Yoast SEO's head
(``article_head``), Inline Related Posts' boxes and the editors' Baca Juga lines in the content (``body_html``).
"""

from __future__ import annotations

from datetime import datetime

from .. import vocab
from ..content import SampleArticle
from . import Renderer, attr, texturize


def indonesian_date(when: datetime) -> str:
    """``get_the_date()`` with an Indonesian site's date format, ``j F Y``: "7 Desember 2026"."""
    return f"{when.day} {vocab.MONTHS_ID[when.month - 1]} {when.year}"


def relative_date(when: datetime, now: datetime) -> str:
    """``human_time_diff()`` with the theme's "ago", as an Indonesian site translates it: "3 jam yang lalu"."""
    seconds = max(int((now - when).total_seconds()), 60)
    for unit, size in (("minggu", 7 * 86400), ("hari", 86400), ("jam", 3600), ("menit", 60)):
        if seconds >= size:
            return f"{round(seconds / size)} {unit} yang lalu"
    return "1 menit yang lalu"


class ThemeRenderer(Renderer):
    """A theme of the zoo. ``DATE_SHOWN`` says what its single post shows of the publication time when no plugin
    prints a machine date (the truth's ``date_precision``): ``minute`` (a ``datetime`` attribute, or a date and a
    time), ``day`` (the date alone), ``hour`` (a relative date counted in hours)."""

    theme = ""
    # Words the theme prints around an article that no body read from its pages may hold (the scorer's check).
    FURNITURE: tuple[str, ...] = ()
    DATE_SHOWN = "minute"
    RELATIVE_DATES = False  # the pages say "3 jam yang lalu": the server's Date header is the site's "now"
    SHOWS_TAGS = True  # whether a single post prints its tags

    def date_precision(self, a: SampleArticle) -> str:
        """What a reader can know of ``a``'s publication time from its page in this theme."""
        if a.meta != "none":
            return "minute"  # Yoast's JSON-LD or OpenGraph
        return self.DATE_SHOWN

    # ---- the theme's parts (each theme prints its own) --------------------------------
    def row(self, primary: str, with_baca_juga_widget: bool = False) -> str:
        raise NotImplementedError

    def listed_post(self, a: SampleArticle) -> str:
        raise NotImplementedError

    def pagination(self, slug: str, page: int, pages: int) -> str:
        raise NotImplementedError

    def archive_header(self, title: str) -> str:
        return f'<h1 class="page-title">{texturize(title)}</h1>'

    def archive_main(self, title: str, listed: list[SampleArticle], nav: str) -> str:
        posts = "".join(self.listed_post(a) for a in listed) or "<p>Tidak ada pos yang ditemukan.</p>"
        return self.row(self.archive_header(title) + posts + nav)

    def entry_page(self, title: str, inner: str) -> str:
        """A static page's article in this theme."""
        return f'<article class="page type-page status-publish"><h1 class="entry-title">{texturize(title)}</h1><div class="entry-content">{inner}</div></article>'

    # ---- pages ----------------------------------------------------------------------
    def section(self, slug: str, page: int) -> str:
        s = self.site.sections[slug]
        pages = self.site.section_pages(slug)
        per = self.site.per_page
        listed = self.site.section_articles(slug)[(page - 1) * per : page * per]
        # Yoast 11 and later print no rel=prev/next: only the theme's own pagination leads on.
        head = f'<link rel="canonical" href="{self.section_url(slug, page)}" />'
        nav = self.pagination(slug, page, pages) if pages > 1 else ""
        title = f"{s.name} Archives - Suarapos.co.id" + (f" - Halaman {page} dari {pages}" if page > 1 else "")
        return self.page(
            title=title,
            body_class=f"archive category category-{slug}"
            + (f" paged paged-{page} category-paged-{page}" if page > 1 else ""),
            head=head,
            main=self.section_main(slug, listed, nav),
        )

    def section_main(self, slug: str, listed: list[SampleArticle], nav: str) -> str:
        return self.archive_main(self.site.sections[slug].name, listed, nav)

    def simple_listing(
        self, kind: str, name: str, listed: list[SampleArticle], body_class: str, calendar: datetime | None = None
    ) -> str:
        return self.page(
            title=f"{name} - Suarapos.co.id",
            body_class=body_class,
            head='<meta name="robots" content="noindex, follow" />',
            main=self.archive_main(kind + name, listed[:10], ""),
        )

    def home(self) -> str:
        blocks = []
        for s in self.site.sections.values():
            listed = self.site.section_articles(s.slug)[:4] if not s.parent else []
            if listed:
                blocks.append(self.home_block(s.name, self.section_url(s.slug), listed))
        head = (
            f'<link rel="canonical" href="{self.base}/" />\n<meta property="og:locale" content="id_ID" />\n'
            '<meta property="og:type" content="website" />\n<meta property="og:title" content="Suarapos.co.id" />'
        )
        return self.page(
            title="Suarapos.co.id - Suara Rakyat Bangka Belitung",
            body_class="home blog",
            head=head,
            main=self.row("".join(blocks)),
        )

    def home_block(self, name: str, url: str, listed: list[SampleArticle]) -> str:
        return f'<section class="home-block"><h2><a href="{url}">{texturize(name)}</a></h2>{"".join(self.listed_post(a) for a in listed)}</section>'

    def static_page(self, slug: str, title: str, text: str) -> str:
        head = f'<link rel="canonical" href="{self.url("/" + slug + "/")}" />\n<meta property="og:type" content="article" />'
        return self.page(
            title=f"{title} - Suarapos.co.id",
            body_class=f"page-template-default page page-id-{len(slug)}",
            head=head,
            main=self.row(self.entry_page(title, f"<p>{texturize(text)}</p>")),
        )

    def not_found(self) -> str:
        inner = "<p>Sepertinya tidak ada yang ditemukan di lokasi ini.</p>"
        return self.page(
            title="Halaman tidak ditemukan - Suarapos.co.id",
            body_class="error404",
            head="",
            main=self.row(self.entry_page("Halaman tidak ditemukan", inner)),
        )

    # ---- shared helpers ----------------------------------------------------------------
    def excerpt(self, a: SampleArticle, words: int) -> str:
        return texturize(" ".join(a.paragraphs[0].split()[:words]))

    def title_attr(self, a: SampleArticle) -> str:
        return attr(a.title)

    def category_links(self, a: SampleArticle, cls: str = "", sep: str = ", ") -> str:
        klass = f' class="{cls}"' if cls else ""
        return sep.join(
            f'<a{klass} href="{self.section_url(s)}" rel="category tag">{texturize(self.site.sections[s].name)}</a>'
            for s in a.sections
        )

    def author_url(self, a: SampleArticle) -> str:
        return self.url(f"/author/{a.author[0]}/")
