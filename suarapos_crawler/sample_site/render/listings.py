"""Home, section, archive, static and 404 pages as tagDiv Newspaper prints them."""

from __future__ import annotations

from datetime import datetime

from ..content import SampleArticle
from .text import (
    attr,
    texturize,
)


class Listings:
    """Part of ``Renderer`` (``render/__init__.py``)."""

    # ---- home ---------------------------------------------------------------
    def home(self) -> str:
        arts = self.site.articles
        ticker = "".join(
            f'<div class="td_module_trending_now td-trending-now-post-{i} td-trending-now-post"><h3 class="entry-title td-module-title">'
            f'<a href="{self.article_url(a)}" rel="bookmark" title="{attr(a.title)}">{texturize(a.title)}</a></h3></div>'
            for i, a in enumerate(arts[:5])
        )
        grid = "".join(self.module(a, "td_module_mx5") for a in arts[:5])
        blocks = []
        for s in self.site.sections.values():
            if s.parent:
                continue
            listed = self.site.section_articles(s.slug)[:5]
            if not listed:
                continue
            blocks.append(
                f'<div class="td_block_wrap td_block_1 td_uid_{len(blocks) + 7}_5f1a_rand td_with_ajax_pagination td-pb-border-top td_block_template_1">'
                f'<div class="td-block-title-wrap"><h4 class="block-title td-block-title"><a href="{self.section_url(s.slug)}" class="td-pulldown-size">{texturize(s.name)}</a></h4></div>'
                f'<div class="td_block_inner">' + "".join(self.module(a) for a in listed) + "</div>"
                '<div class="td-load-more-wrap"><a href="#" class="td_ajax_load_more td_ajax_load_more_js">Muat lebih<i class="td-icon-font td-icon-menu-down"></i></a></div></div>'
            )
        main = f"""<div class="td-main-content-wrap td-main-page-wrap td-container-wrap"><div class="tdc-content-wrap">
<div class="td_block_wrap td_block_trending_now td-pb-border-top td_block_template_1"><script>var block_td_uid_3 = new tdBlock(); block_td_uid_3.found_posts="{len(arts)}";</script>
<div class="td_block_inner"><div class="td-trending-now-wrapper"><div class="td-trending-now-title">Breaking News</div><div class="td-trending-now-display-area">{ticker}</div></div></div></div>
<div class="td_block_wrap td_block_big_grid_1 td-grid-style-1 td-big-grids td_block_template_1"><div class="td_block_inner"><div class="td-big-grid-wrapper">{grid}</div></div></div>
<div class="vc_row wpb_row td-pb-row"><div class="vc_column td-pb-span8"><div class="wpb_wrapper">{"".join(blocks)}</div></div>
<div class="vc_column td-pb-span4">{self.sidebar(False)}</div></div>
</div></div>"""
        head = (
            f'<link rel="canonical" href="{self.base}/" />\n<meta property="og:locale" content="id_ID" />\n'
            f'<meta property="og:type" content="website" />\n<meta property="og:title" content="Suarapos.co.id" />\n'
            f'<meta property="og:url" content="{self.base}/" />'
        )
        return self.page(
            title="Suarapos.co.id - Suara Rakyat Bangka Belitung",
            body_class="home page-template-default page",
            head=head,
            main=main,
        )

    # ---- listings -------------------------------------------------------------
    def page_nav(self, slug: str, page: int, pages: int) -> str:
        parts = []
        if page > 1:
            parts.append(f'<a href="{self.section_url(slug, page - 1)}" ><i class="td-icon-menu-left"></i></a>')
        if page > 3:
            parts.append(
                f'<a href="{self.section_url(slug)}" class="first" title="1">1</a><span class="extend">...</span>'
            )
        for n in range(max(1, page - 1), min(pages, page + 1) + 1):
            if n == page:
                parts.append(f'<span class="current">{n}</span>')
            else:
                parts.append(f'<a href="{self.section_url(slug, n)}" class="page" title="{n}">{n}</a>')
        if page + 1 < pages:
            parts.append(
                f'<span class="extend">...</span><a href="{self.section_url(slug, pages)}" class="last" title="{pages}">{pages}</a>'
            )
        if page < pages:
            parts.append(f'<a href="{self.section_url(slug, page + 1)}" ><i class="td-icon-menu-right"></i></a>')
        parts.append(f'<span class="pages">Halaman {page} dari {pages}</span><div class="clearfix"></div>')
        return '<div class="page-nav td-pb-padding-side">' + "".join(parts) + "</div>"

    def listing_main(
        self,
        header: str,
        listed: list[SampleArticle],
        layout: str,
        nav: str,
        grid: str = "",
        calendar: datetime | None = None,
    ) -> str:
        layout = "td_module_1" if layout == "load_more" else layout
        rows = [self.featured_block()] if self.site.featured and listed else []
        for i in range(0, len(listed), 2):
            pair = "".join(f'<div class="td-block-span6">{self.module(a, layout)}</div>' for a in listed[i : i + 2])
            rows.append(f'<div class="td-block-row">{pair}</div>')
        if not listed:
            rows.append('<div class="no-results td-pb-padding-side"><h2>Tidak ada hasil</h2></div>')
        return f"""<div class="td-category-header td-container-wrap"><div class="td-container"><div class="td-pb-row"><div class="td-pb-span12">{header}</div></div></div></div>
{grid}
<div class="td-main-content-wrap td-container-wrap"><div class="td-container"><div class="td-pb-row">
<div class="td-pb-span8 td-main-content"><div class="td-ss-main-content">{"".join(rows)}{nav}</div></div>
{self.sidebar(False, calendar)}
</div></div></div>"""

    def featured_block(self) -> str:
        """The same older posts pinned above every list (a theme's featured block, fault featured_block)."""
        return (
            '<div class="td_block_wrap td_block_15 td_block_template_1"><div class="td-block-title-wrap">'
            '<h4 class="block-title td-block-title"><span>Pilihan Redaksi</span></h4></div><div class="td_block_inner">'
            + "".join(self.module(a, "td_module_mx4") for a in self.site.featured)
            + "</div></div>"
        )

    def section(self, slug: str, page: int) -> str:
        s = self.site.sections[slug]
        listed_all = self.site.section_articles(slug)
        pages = self.site.section_pages(slug)
        per = self.site.per_page
        listed = listed_all[(page - 1) * per : page * per]
        crumbs = [(self.site.sections[s.parent].name, self.section_url(s.parent))] if s.parent else []
        header = (
            self.crumbs(*crumbs, (s.name, None)) + f'<h1 class="entry-title td-page-title">{texturize(s.name)}</h1>'
        )
        grid = ""
        if page == 1 and len(listed) >= 4:
            grid = (
                '<div class="td-category-grid"><div class="td_block_wrap td_block_big_grid_1"><div class="td_block_inner">'
                + "".join(self.module(a, "td_module_mx5") for a in listed[:4])
                + "</div></div></div>"
            )
        load_more = s.layout == "load_more"
        nav = "" if load_more else self.page_nav(slug, page, pages)
        if load_more:
            nav = '<div class="td-load-more-wrap"><a href="#" class="td_ajax_load_more td_ajax_load_more_js">Muat lebih</a></div>'
        head = [f'<link rel="canonical" href="{self.section_url(slug, page)}" />']
        if not load_more:
            if page > 1:
                head.append(f'<link rel="prev" href="{self.section_url(slug, page - 1)}" />')
            if page < pages:
                head.append(f'<link rel="next" href="{self.section_url(slug, page + 1)}" />')
        main = self.listing_main(header, listed, s.layout, nav, grid)
        title = f"{s.name} Archives - Suarapos.co.id" + (f" - Halaman {page} dari {pages}" if page > 1 else "")
        return self.page(title=title, body_class=f"archive category category-{slug}", head="\n".join(head), main=main)

    def simple_listing(
        self, kind: str, name: str, listed: list[SampleArticle], body_class: str, calendar: datetime | None = None
    ) -> str:
        header = self.crumbs((name, None)) + f'<h1 class="entry-title td-page-title">{kind}{texturize(name)}</h1>'
        main = self.listing_main(header, listed[:10], "td_module_1", "", calendar=calendar)
        return self.page(
            title=f"{name} - Suarapos.co.id",
            body_class=body_class,
            head='<meta name="robots" content="noindex, follow" />',
            main=main,
        )

    def static_page(self, slug: str, title: str, text: str) -> str:
        main = f"""<div class="td-main-content-wrap td-container-wrap"><div class="td-container"><div class="td-pb-row"><div class="td-pb-span8 td-main-content"><div class="td-ss-main-content">
{self.crumbs((title, None))}<div class="td-page-header"><h1 class="entry-title td-page-title"><span>{texturize(title)}</span></h1></div>
<div class="td-page-content tagdiv-type"><p>{texturize(text)}</p></div></div></div>{self.sidebar(False)}</div></div></div>"""
        head = f'<link rel="canonical" href="{self.url("/" + slug + "/")}" />\n<meta property="og:type" content="article" />'
        return self.page(
            title=f"{title} - Suarapos.co.id",
            body_class=f"page-template-default page page-id-{len(slug)}",
            head=head,
            main=main,
        )

    def not_found(self) -> str:
        main = """<div class="td-main-content-wrap td-container-wrap"><div class="td-container"><div class="td-pb-row"><div class="td-pb-span12 td-main-content">
<div class="td-404-title">Ooops ... Kesalahan 404</div><div class="td-404-sub-title">Maaf, tetapi halaman yang Anda cari tidak ada.</div>
<div class="td-404-sub-sub-title">Kami sarankan Anda <a href="/">kembali ke beranda</a>.</div></div></div></div></div>"""
        return self.page(title="Halaman tidak ditemukan - Suarapos.co.id", body_class="error404", head="", main=main)

    # ---- hostile listings (faults query_pagination, huge_listing) -----------------------------
    def endless_listing(self, path: str, page: int, listed: list[SampleArticle]) -> str:
        """A section that pages by ``?hal=N`` and never ends, listing the same articles on every page."""
        nxt = f'<a href="{self.url(path)}?hal={page + 1}"><i class="td-icon-menu-right"></i></a>'
        nav = f'<div class="page-nav td-pb-padding-side">{nxt}<div class="clearfix"></div></div>'
        header = self.crumbs(("Indeks", None)) + '<h1 class="entry-title td-page-title">Indeks</h1>'
        return self.page(
            title=f"Indeks - Halaman {page} - Suarapos.co.id",
            body_class="archive category category-indeks",
            head=f'<link rel="canonical" href="{self.url(path)}?hal={page}" />',
            main=self.listing_main(header, listed, "td_module_1", nav),
        )

    def unclosed_listing(self, articles: list[SampleArticle], blocks: int) -> str:
        """A section page of thousands of listing blocks whose <div>s are never closed (a broken page builder)."""
        modules = "".join(
            f'<div class="td_module_1 td_module_wrap"><h3 class="entry-title td-module-title">'
            f'<a href="{self.article_url(articles[i % len(articles)])}">{texturize(articles[i % len(articles)].title)}</a></h3>'
            for i in range(blocks)
        )
        return (
            '<!doctype html><html lang="id-ID"><head><meta charset="UTF-8" /><title>Indeks Lengkap - Suarapos.co.id</title></head>'
            f'<body class="archive category category-indeks-lengkap"><div class="td-main-content">{modules}</body></html>'
        )
