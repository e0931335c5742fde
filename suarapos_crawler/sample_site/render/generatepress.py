"""The site in GeneratePress 3.6 (Tom Usborne, free on wordpress.org). Held out at first (the generic reading was not
written against it): its first measurement found the sections and date it now reads (docs/performance.md).

Reproduced from its templates (``single.php``, ``content-single.php``, ``archive.php``, ``content.php``,
``inc/structure/post-meta.php``: ``generate_posted_on``, ``inc/structure/navigation.php``) with its defaults and
schema.org microdata. Its traps: the date shown alone, its time only in ``datetime``; a ``<time class="updated">``
of the modification printed *before* the publication's when a post was edited more than 30 minutes later; the
microdata ``itemprop="datePublished"`` on that ``<time>``, not a ``<meta>``; categories and tags after the content,
their labels for screen readers only; "Older posts" and page numbers.
"""

from __future__ import annotations

from ..content import SampleArticle
from . import texturize, wib_iso
from .wordpress import ThemeRenderer, indonesian_date

ARROW = '<span class="gp-icon icon-arrow"><svg viewBox="0 0 330 512" aria-hidden="true" width="1em" height="1em"><path d="M0 0"></path></svg></span>'


class GeneratePressRenderer(ThemeRenderer):
    theme = "generatepress"
    FURNITURE = ("Kategori ", "Tag ", "Tinggalkan komentar", "Baca selengkapnya", "Tinggalkan Balasan")
    DATE_SHOWN = "minute"  # the datetime of <time class="entry-date published">
    MENU_CLASS = " menu sf-menu"
    MENU_ITEM_CLASS = ""
    HOME_PATH = "/"

    def posted_on(self, a: SampleArticle) -> str:
        updated = ""
        if (a.modified - a.published).total_seconds() > 1800:  # generate_posted_on: edited more than 30 min later
            updated = f'<time class="updated" datetime="{wib_iso(a.modified)}" itemprop="dateModified">{indonesian_date(a.modified)}</time>'
        return (
            f'<span class="posted-on">{updated}<time class="entry-date published" datetime="{wib_iso(a.published)}" itemprop="datePublished">{indonesian_date(a.published)}</time></span> '
            f'<span class="byline">oleh <span class="author vcard" itemprop="author" itemtype="https://schema.org/Person" itemscope><a class="url fn n" href="{self.author_url(a)}" title="Lihat semua pos oleh {texturize(a.author[1])}" rel="author" itemprop="url"><span class="author-name" itemprop="name">{texturize(a.author[1])}</span></a></span></span>'
        )

    def footer_meta(self, a: SampleArticle) -> str:
        cats = ", ".join(
            f'<a href="{self.section_url(s)}" rel="category tag">{texturize(self.site.sections[s].name)}</a>'
            for s in a.sections
        )
        tags = ", ".join(f'<a href="{self.tag_url(t)}" rel="tag">{texturize(t)}</a>' for t in a.tags)
        return (
            f'<span class="cat-links"><span class="gp-icon icon-categories"><svg viewBox="0 0 512 512" aria-hidden="true"></svg></span><span class="screen-reader-text">Kategori </span>{cats}</span> '
            + (
                f'<span class="tags-links"><span class="gp-icon icon-tags"><svg viewBox="0 0 512 512" aria-hidden="true"></svg></span><span class="screen-reader-text">Tag </span>{tags}</span> '
                if tags
                else ""
            )
        )

    # ---- chrome -----------------------------------------------------------------------------------------------
    def page(self, *, title: str, body_class: str, head: str, main: str, footer_extra: str = "") -> str:
        return f"""<!DOCTYPE html>
<html lang="id-ID">
<head>
<meta charset="UTF-8">
<title>{texturize(title)}</title>
{head}
</head>
<body class="{body_class} wp-embed-responsive right-sidebar nav-float-right separate-containers header-aligned-left dropdown-hover" itemtype="https://schema.org/Blog" itemscope>
<a class="screen-reader-text skip-link" href="#content" title="Langsung ke konten">Langsung ke konten</a>
<header class="site-header has-inline-mobile-toggle" id="masthead" aria-label="Situs"  itemtype="https://schema.org/WPHeader" itemscope><div class="inside-header grid-container">
<div class="site-branding"><p class="main-title" itemprop="headline"><a href="{self.base}/" rel="home">Suarapos.co.id</a></p></div>
<nav class="main-navigation sub-menu-right" id="site-navigation" aria-label="Utama"  itemtype="https://schema.org/SiteNavigationElement" itemscope><div class="inside-navigation grid-container">
<button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false"><span class="mobile-menu">Menu</span></button>
<div id="primary-menu" class="main-nav">{self.menu("menu-utama")}</div></div></nav>
</div></header>
<div class="site grid-container container hfeed" id="page"><div class="site-content" id="content">
{main}
</div></div>
<div class="site-footer"><footer class="site-info" aria-label="Situs"  itemtype="https://schema.org/WPFooter" itemscope><div class="inside-site-info grid-container">
<div class="copyright-bar"><span class="copyright">&copy; {self.site.now.year} Suarapos.co.id</span> &bull; Dibangun dengan <a href="https://generatepress.com" itemprop="url">GeneratePress</a></div></div></footer></div>
{footer_extra}
</body>
</html>
"""

    def sidebar(self, with_baca_juga_widget: bool, calendar_month=None) -> str:
        items = "".join(
            f'<li><a href="{self.article_url(a)}">{texturize(a.title)}</a></li>' for a in self.site.articles[:5]
        )
        return (
            '<div class="widget-area sidebar is-right-sidebar" id="right-sidebar"><div class="inside-right-sidebar">'
            f'<aside id="recent-posts-2" class="widget inner-padding widget_recent_entries"><h2 class="widget-title">Pos-pos Terbaru</h2><ul>{items}</ul></aside></div></div>'
        )

    def row(self, primary: str, with_baca_juga_widget: bool = False) -> str:
        return f'<div class="content-area" id="primary"><main class="site-main" id="main">{primary}</main></div>{self.sidebar(with_baca_juga_widget)}'

    # ---- single post ----------------------------------------------------------------------------------------------
    def article(self, a: SampleArticle, page: int = 1) -> str:
        classes = (
            f"post-{a.post_id} post type-post status-publish format-standard has-post-thumbnail hentry "
            + " ".join(f"category-{s}" for s in a.sections)
        )
        older, newer = self.neighbours(a)
        nav = '<nav id="nav-below" class="post-navigation" aria-label="Pos">'
        if older:
            nav += f'<div class="nav-previous">{ARROW}<span class="prev"><a href="{self.article_url(older)}" rel="prev">{texturize(older.title)}</a></span></div>'
        if newer:
            nav += f'<div class="nav-next">{ARROW}<span class="next"><a href="{self.article_url(newer)}" rel="next">{texturize(newer.title)}</a></span></div>'
        nav += "</nav>"
        primary = f"""<article id="post-{a.post_id}" class="{classes}" itemtype="https://schema.org/CreativeWork" itemscope><div class="inside-article">
<div class="featured-image page-header-image-single grid-container grid-parent"><img width="1280" height="720" src="{self.url(a.image)}" class="attachment-full size-full wp-post-image" alt="" itemprop="image" decoding="async" fetchpriority="high" /></div>
<header class="entry-header"><h1 class="entry-title" itemprop="headline">{texturize(a.title)}</h1><div class="entry-meta">{self.posted_on(a)}</div></header>
<div class="entry-content" itemprop="text">
{self.body_html(a, page)}
{self.link_pages(a, page, '<div class="page-links">Halaman: ', "</div>", "{}")}
</div>
<footer class="entry-meta" aria-label="Meta entri">{self.footer_meta(a)}{nav}</footer>
</div></article>
<div class="comments-area"><div id="comments"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Tinggalkan Balasan</h3><form action="{self.url("/wp-comments-post.php")}" method="post" id="commentform" class="comment-form"><input type="hidden" name="comment_post_ID" value="{a.post_id}" id="comment_post_ID" /></form></div></div></div>"""
        return self.page(
            title=f"{a.title} &#8211; Suarapos.co.id",
            body_class=f"post-template-default single single-post postid-{a.post_id} single-format-standard featured-image-active",
            head=self.article_head(a, page),
            main=self.row(primary, True),
            footer_extra=self.inline_related_css(a),
        )

    # ---- archives -----------------------------------------------------------------------------------------------------
    def listed_post(self, a: SampleArticle) -> str:
        return (
            f'<article id="post-{a.post_id}" class="post-{a.post_id} post type-post status-publish format-standard has-post-thumbnail hentry" itemtype="https://schema.org/CreativeWork" itemscope><div class="inside-article">'
            f'<header class="entry-header"><h2 class="entry-title" itemprop="headline"><a href="{self.article_url(a)}" rel="bookmark">{texturize(a.title)}</a></h2><div class="entry-meta">{self.posted_on(a)}</div></header>'
            f'<div class="post-image"><a href="{self.article_url(a)}"><img src="{self.url(a.image)}" class="attachment-full size-full wp-post-image" alt="" itemprop="image" /></a></div>'
            f'<div class="entry-summary" itemprop="text"><p>{self.excerpt(a, 55)} ... <a title="{texturize(a.title)}" class="read-more" href="{self.article_url(a)}" aria-label="Baca selengkapnya tentang {texturize(a.title)}">Baca selengkapnya</a></p></div>'
            f'<footer class="entry-meta" aria-label="Meta entri">{self.footer_meta(a)}</footer></div></article>'
        )

    def pagination(self, slug: str, page: int, pages: int) -> str:
        older = (
            f'<div class="nav-previous">{ARROW}<span class="prev" title="Sebelumnya"><a href="{self.section_url(slug, page + 1)}" >Pos lebih lama</a></span></div>'
            if page < pages
            else ""
        )
        newer = (
            f'<div class="nav-next">{ARROW}<span class="next" title="Selanjutnya"><a href="{self.section_url(slug, page - 1)}" >Pos lebih baru</a></span></div>'
            if page > 1
            else ""
        )
        numbers = []
        for n in sorted({1, pages, *range(max(1, page - 1), min(pages, page + 1) + 1)}):
            numbers.append(
                f'<span aria-current="page" class="page-numbers current"><span class="screen-reader-text">Halaman</span>{n}</span>'
                if n == page
                else f'<a class="page-numbers" href="{self.section_url(slug, n)}"><span class="screen-reader-text">Halaman</span>{n}</a>'
            )
        if page < pages:
            numbers.append(
                f'<a class="next page-numbers" href="{self.section_url(slug, page + 1)}">Berikutnya <span aria-hidden="true">&rarr;</span></a>'
            )
        return f'<nav id="nav-below" class="paging-navigation" aria-label="Halaman arsip">{older}{newer}<div class="nav-links">{"".join(numbers)}</div></nav>'

    def archive_main(self, title: str, listed: list[SampleArticle], nav: str) -> str:
        posts = "".join(self.listed_post(a) for a in listed)
        return self.row(
            f'<header class="page-header" aria-label="Halaman"><h1 class="page-title">\n {texturize(title)}\n </h1></header>{posts}{nav}'
        )
