"""The site in Brainstorm Force's Astra 4.6 (free on wordpress.org, among the most installed themes), with a fresh
install's defaults. Held out at first (the generic reading was not written against it): its first measurement
found the sections it now reads from the article's classes (docs/performance.md).

Reproduced from its templates (``template-parts/single/single-layout.php``, ``template-parts/blog/blog-layout-4.php``,
``inc/blog/blog-config.php``: ``astra_post_author``, ``astra_post_date``, ``inc/markup-extras.php``:
``astra_number_pagination``, the header and footer builders). Its traps: the date a ``<span class="published"
itemprop="datePublished">`` with the date alone; no categories and no tags on a single post; the site's name twice
(desktop and mobile headers); "By" and "/" in the meta line; no sidebar; "Next" and page numbers.
"""

from __future__ import annotations

from ..content import SampleArticle
from . import texturize
from .wordpress import ThemeRenderer, indonesian_date


class AstraRenderer(ThemeRenderer):
    theme = "astra"
    FURNITURE = ("Oleh", "Sebelumnya", "Berikutnya", "Tinggalkan Komentar", "Navigasi pos")
    DATE_SHOWN = "day"
    SHOWS_TAGS = False  # a single post prints none: only Yoast's JSON-LD keywords can say them
    MENU_CLASS = "main-header-menu ast-menu-shadow ast-nav-menu ast-flex  submenu-with-border stack-on-mobile"
    MENU_ITEM_CLASS = ""
    HOME_PATH = "/"

    def author(self, a: SampleArticle) -> str:
        return (
            '<span class="posted-by vcard author" itemtype="https://schema.org/Person" itemscope="itemscope" itemprop="author">\n'
            f'<a title="Lihat semua pos oleh {texturize(a.author[1])}" href="{self.author_url(a)}" rel="author" class="url fn n" itemprop="url">\n'
            f'<span class="author-name" itemprop="name">{texturize(a.author[1])}</span>\n</a>\n</span>'
        )

    def date(self, a: SampleArticle) -> str:
        return f'<span class="posted-on"><span class="published" itemprop="datePublished"> {indonesian_date(a.published)} </span></span>'

    def branding(self) -> str:
        return (
            '<div class="site-branding ast-site-identity" itemtype="https://schema.org/Organization" itemscope="itemscope"><div class="ast-site-title-wrap">'
            f'<span class="site-title" itemprop="name"><a href="{self.base}/" rel="home" itemprop="url" >Suarapos.co.id</a></span></div></div>'
        )

    # ---- chrome --------------------------------------------------------------------------------------------------
    def page(self, *, title: str, body_class: str, head: str, main: str, footer_extra: str = "") -> str:
        return f"""<!DOCTYPE html>
<html lang="id-ID">
<head>
<meta charset="UTF-8">
<title>{texturize(title)}</title>
{head}
</head>
<body itemtype='https://schema.org/Blog' itemscope='itemscope' class="{body_class} ast-desktop ast-separate-container ast-no-sidebar astra-4.6.3 ast-hfb-header">
<a class="skip-link screen-reader-text" href="#content" role="link" title="Langsung ke konten">Langsung ke konten</a>
<div class="hfeed site" id="page">
<header class="site-header header-main-layout-1 ast-primary-menu-enabled ast-logo-title-inline ast-hide-custom-menu-mobile ast-builder-menu-toggle-icon ast-mobile-header-inline" id="masthead" itemtype="https://schema.org/WPHeader" itemscope="itemscope" itemid="#masthead">
<div id="ast-desktop-header" data-toggle-type="dropdown"><div class="ast-main-header-wrap main-header-bar-wrap "><div class="ast-primary-header-bar ast-primary-header main-header-bar site-header-focus-item" data-section="section-primary-header-builder">
<div class="site-primary-header-wrap ast-builder-grid-row-container site-header-focus-item ast-container"><div class="ast-builder-grid-row ast-builder-grid-row-has-sides ast-builder-grid-row-no-center">
<div class="site-header-primary-section-left site-header-section ast-flex site-header-section-left"><div class="ast-builder-layout-element ast-flex site-header-focus-item" data-section="title_tagline">{self.branding()}</div></div>
<div class="site-header-primary-section-right site-header-section ast-flex ast-grid-right-section"><div class="ast-builder-menu-1 ast-builder-menu ast-flex ast-builder-layout-element site-header-focus-item"><div class="ast-main-header-bar-alignment"><div class="main-header-bar-navigation">
<nav class="site-navigation ast-flex-grow-1 navigation-accessibility site-header-focus-item" id="primary-site-navigation-desktop" aria-label="Navigasi Situs" itemtype="https://schema.org/SiteNavigationElement" itemscope="itemscope"><div class="main-navigation ast-inline-flex">{self.menu("ast-hf-menu-1")}</div></nav>
</div></div></div></div></div></div></div></div></div>
<div id="ast-mobile-header" class="ast-mobile-header-wrap " data-type="dropdown"><div class="ast-main-header-wrap main-header-bar-wrap" ><div class="ast-primary-header-bar ast-primary-header main-header-bar site-primary-header-wrap site-header-focus-item"><div class="ast-builder-grid-row ast-builder-grid-row-has-sides ast-builder-grid-row-no-center">
<div class="site-header-primary-section-left site-header-section ast-flex site-header-section-left">{self.branding()}</div>
<div class="site-header-primary-section-right site-header-section ast-flex ast-grid-right-section"><div class="ast-button-wrap"><button type="button" class="menu-toggle main-header-menu-toggle ast-mobile-menu-trigger-minimal"  aria-expanded="false"><span class="screen-reader-text">Menu Utama</span></button></div></div>
</div></div></div></div>
</header>
<div id="content" class="site-content"><div class="ast-container">
{main}
</div></div>
<footer class="site-footer" id="colophon" itemtype="https://schema.org/WPFooter" itemscope="itemscope" itemid="#colophon"><div class="site-below-footer-wrap ast-builder-grid-row-container site-footer-focus-item ast-builder-grid-row-full"><div class="ast-builder-grid-row-container-inner"><div class="ast-builder-footer-grid-columns site-below-footer-inner-wrap ast-builder-grid-row"><div class="site-footer-below-section-1 site-footer-section site-footer-section-1">
<div class="ast-footer-copyright"><p>Hak Cipta &copy; {self.site.now.year} Suarapos.co.id | Diberdayakan oleh <a href="https://wpastra.com/" rel="nofollow noopener" target="_blank">Astra WordPress Theme</a></p></div></div></div></div></div></footer>
</div>
<div id="ast-scroll-top" tabindex="0" class="ast-scroll-top-icon ast-scroll-to-top-right" data-on-devices="both"><span class="screen-reader-text">Gulir ke Atas</span></div>
{footer_extra}
</body>
</html>
"""

    def row(self, primary: str, with_baca_juga_widget: bool = False) -> str:
        return f'<div id="primary" class="content-area primary ast-grid-3 ast-blog-layout-4-grid">{primary}</div>'

    # ---- single post ------------------------------------------------------------------------------------------------
    def article(self, a: SampleArticle, page: int = 1) -> str:
        classes = (
            f"post-{a.post_id} post type-post status-publish format-standard has-post-thumbnail hentry "
            + " ".join(f"category-{s}" for s in a.sections)
            + " ast-article-single"
        )
        older, newer = self.neighbours(a)
        nav = '<nav class="navigation post-navigation" aria-label="Navigasi pos"><h2 class="screen-reader-text">Navigasi pos</h2><div class="nav-links">'
        if older:
            nav += f'<div class="nav-previous"><a title="{texturize(older.title)}"href="{self.article_url(older)}" rel="prev"><span class="ast-post-nav"> Sebelumnya</span> <p> {texturize(older.title)} </p></a></div>'
        if newer:
            nav += f'<div class="nav-next"><a title="{texturize(newer.title)}"href="{self.article_url(newer)}" rel="next"><span class="ast-post-nav">Berikutnya </span> <p> {texturize(newer.title)} </p></a></div>'
        nav += "</div></nav>"
        main = f"""<div id="primary" class="content-area primary"><main id="main" class="site-main">
<article class="{classes}" id="post-{a.post_id}" itemtype="https://schema.org/CreativeWork" itemscope="itemscope">
<div class="ast-post-format- single-layout-1">
<header class="entry-header "><h1 class="entry-title" itemprop="headline">{texturize(a.title)}</h1>
<div class="entry-meta">Oleh {self.author(a)} / {self.date(a)}</div></header>
<div class="entry-content clear" itemprop="text">
{self.body_html(a, page)}
{self.link_pages(a, page, '<div class="page-links">Halaman: ', "</div>", '<span class="page-link">{}</span>')}
</div>
</div></article>
{nav}
<div id="comments" class="comments-area comment-form-position-below "><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Tinggalkan Komentar</h3><form action="{self.url("/wp-comments-post.php")}" method="post" id="ast-commentform" class="comment-form"><input type="hidden" name="comment_post_ID" value="{a.post_id}" id="comment_post_ID" /></form></div></div>
</main></div>"""
        return self.page(
            title=f"{a.title} - Suarapos.co.id",
            body_class=f"post-template-default single single-post postid-{a.post_id} single-format-standard ast-blog-single-style-1 ast-single-post",
            head=self.article_head(a, page),
            main=main,
            footer_extra=self.inline_related_css(a),
        )

    # ---- archives (blog-layout-4) ---------------------------------------------------------------------------------------
    def listed_post(self, a: SampleArticle) -> str:
        cats = ", ".join(
            f'<a href="{self.section_url(s)}" rel="category tag">{texturize(self.site.sections[s].name)}</a>'
            for s in a.sections
        )
        return (
            f'<article class="post-{a.post_id} post type-post status-publish format-standard has-post-thumbnail hentry ast-grid-common-col ast-full-width ast-article-post remove-featured-img-padding" id="post-{a.post_id}" itemtype="https://schema.org/CreativeWork" itemscope="itemscope">'
            '<div class="ast-post-format- blog-layout-4 ast-article-inner"><div class="post-content ast-grid-common-col" >'
            f'<div class="ast-blog-featured-section post-thumb ast-blog-single-element"><div class="post-thumb-img-content post-thumb"><a href="{self.article_url(a)}" ><img src="{self.url(a.image)}" class="attachment-large size-large wp-post-image" alt="" itemprop="image"></a></div></div>'
            f'<span class="ast-blog-single-element ast-taxonomy-container cat-links default">{cats}</span>'
            f'<h2 class="entry-title ast-blog-single-element" itemprop="headline"><a href="{self.article_url(a)}" rel="bookmark">{texturize(a.title)}</a></h2>'
            f'<header class="entry-header ast-blog-single-element ast-blog-meta-container"><div class="entry-meta">{self.author(a)} / {self.date(a)}</div></header>'
            f'<div class="ast-excerpt-container ast-blog-single-element"><p>{self.excerpt(a, 20)}</p></div><div class="entry-content clear" itemprop="text"></div></div></div></article>'
        )

    def pagination(self, slug: str, page: int, pages: int) -> str:
        items = self.paginate_links(
            slug,
            page,
            pages,
            '<span class="ast-left-arrow">&larr;</span> Sebelumnya',
            'Berikutnya <span class="ast-right-arrow">&rarr;</span>',
            dots=False,
        )
        return f'<div class=\'ast-pagination\'><nav class="navigation pagination" aria-label="Paginasi pos"><h2 class="screen-reader-text">Paginasi pos</h2><div class="nav-links">{"".join(items)}</div></nav></div>'

    def archive_main(self, title: str, listed: list[SampleArticle], nav: str) -> str:
        posts = "".join(self.listed_post(a) for a in listed)
        return self.row(
            f'<section class="ast-archive-description"><h1 class="page-title ast-archive-title">{texturize(title)}</h1></section>'
            f'<main id="main" class="site-main"><div class="ast-row">{posts}</div></main>{nav}'
        )
