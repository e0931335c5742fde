"""The site in TieLabs' Jannah 7, the commonest premium news theme of Indonesian portals.

Reproduced from its templates (``single.php``, ``templates/single-post/content.php``, ``templates/archives.php``,
``framework/functions/post-functions.php``: ``tie_get_time``, ``general-functions.php``: ``tie_article_schemas``,
``framework/classes/class-tielabs-pagination.php``) with its defaults and the Indonesian translations a portal sets
in its panel. Its traps: dates are relative ("3 jam yang lalu", ``time_format`` modern) in a plain ``span``; the
theme's own JSON-LD ``Article`` carries the whole text, Baca Juga lines included, as ``articleBody``; "Artikel Terkait"
(inline related posts) and an ad inside the content; "Tags" and the source at the end of the content; the meta line
again after the content; next-page links without ``rel`` ("Halaman berikutnya").
"""

from __future__ import annotations

import json

from .. import vocab
from ..content import SampleArticle
from . import attr, texturize, wib_iso
from .wordpress import ThemeRenderer, relative_date


class JannahRenderer(ThemeRenderer):
    theme = "jannah"
    FURNITURE = (
        "Artikel Terkait",
        "Advertisement",
        "Sumber",
        "Tags",
        "yang lalu",
        "menit membaca",
        "Tinggalkan Balasan",
        "Berita Terkini",
    )
    DATE_SHOWN = "minute"  # its own JSON-LD says datePublished; the page shows "... yang lalu"
    RELATIVE_DATES = True
    MENU_CLASS = "menu"
    MENU_ITEM_CLASS = ""
    SUBMENU_OPEN = '<ul class="sub-menu menu-sub-content">'
    HOME_PATH = "/"

    def date_span(self, a: SampleArticle) -> str:
        return f'<span class="date meta-item tie-icon">{relative_date(a.published, self.site.now)}</span>'

    # ---- chrome (header.php, templates/header/*, footer.php) -----------------------------------
    def page(self, *, title: str, body_class: str, head: str, main: str, footer_extra: str = "") -> str:
        now = self.site.now
        breaking = "".join(
            f'<li class="news-item"><a href="{self.article_url(a)}">{texturize(a.title)}</a></li>'
            for a in self.site.articles[:6]
        )
        return f"""<!DOCTYPE html>
<html lang="id" class="" data-skin="light">
<head>
<meta charset="UTF-8" />
<title>{texturize(title)}</title>
{head}
<link rel='stylesheet' id='tie-css-base-css' href='{self.url("/wp-content/themes/jannah/assets/css/base.min.css?ver=7.6.0")}' type='text/css' media='all' />
</head>
<body id="tie-body" class="{body_class} wrapper-has-shadow block-head-1 magazine2 is-thumb-overlay-disabled is-desktop is-header-layout-3 sidebar-right has-sidebar has-mobile-share">
<div class="background-overlay"><div id="tie-container" class="site tie-container"><div id="tie-wrapper">
<header id="theme-header" class="theme-header header-layout-3 main-nav-dark main-nav-below main-nav-boxed top-nav-active top-nav-above has-shadow">
<nav id="top-nav" class="has-date-breaking-components top-nav header-nav has-breaking-news" aria-label="Secondary Navigation"><div class="container"><div class="topbar-wrapper">
<div class="topbar-today-date">{vocab.WEEKDAYS_ID[now.weekday()]}, {vocab.MONTHS_ID[now.month - 1]} {now.day} {now.year}</div>
<div class="tie-alignleft"><div class="breaking"><span class="breaking-title"><span class="tie-icon-bolt breaking-icon" aria-hidden="true"></span><span class="breaking-title-text">Berita Terkini</span></span>
<ul id="breaking-news-in-header" class="breaking-news" data-type="reveal" data-arrows="true">{breaking}</ul></div></div></div></div></nav>
<div class="container header-container"><div class="tie-row logo-row"><div class="logo-wrapper"><div class="tie-col-md-4 logo-container clearfix">
<div id="logo" class="image-logo"><a title="Suarapos.co.id" href="{self.base}/"><picture class="tie-logo-default tie-logo-picture"><img class="tie-logo-img-default tie-logo-img" src="{self.url("/wp-content/uploads/logo.png")}" alt="Suarapos.co.id"></picture></a></div>
</div></div></div></div>
<div class="main-nav-wrapper"><nav id="main-nav" class="main-nav header-nav live-search-parent menu-style-default" aria-label="Primary Navigation"><div class="container"><div class="main-menu-wrapper"><div id="menu-components-wrap"><div class="main-menu main-menu-wrap">
<div id="main-nav-menu" class="main-menu header-menu">{self.menu("menu-utama")}</div></div></div></div></div></nav></div>
</header>
<div id="content" class="site-content container"><div id="main-content-row" class="tie-row main-content-row">
{main}
</div></div>
<footer id="footer" class="site-footer dark-skin dark-widgetized-area"><div id="site-info" class="site-info site-info-layout-2"><div class="container"><div class="tie-row"><div class="tie-col-md-12">
<div class="copyright-text copyright-text-first">&copy; Copyright {now.year}, All Rights Reserved &nbsp;|&nbsp; Theme by <a href="https://tielabs.com/">TieLabs</a></div></div></div></div></div></footer>
<a id="go-to-top" class="go-to-top-button" href="#go-to-tie-body"><span class="tie-icon-angle-up"></span><span class="screen-reader-text">Back to top button</span></a>
</div></div></div>
{self.mobile_share()}
{footer_extra}
</body>
</html>
"""

    def mobile_share(self) -> str:
        return '<div id="share-buttons-mobile" class="share-buttons share-buttons-mobile"><div class="share-links icons-only"></div></div><div class="mobile-share-buttons-spacer"></div>'

    def widget_item(self, a: SampleArticle) -> str:
        return (
            '<li class="widget-single-post-item widget-post-list tie-standard"><div class="post-widget-thumbnail">'
            f'<a aria-label="{attr(a.title)}" href="{self.article_url(a)}" class="post-thumb"><img class="attachment-jannah-image-small size-jannah-image-small tie-small-image wp-post-image" src="{self.url(a.image)}" alt=""></a></div>'
            f'<div class="post-widget-body "><a class="post-title the-subtitle" href="{self.article_url(a)}">{texturize(a.title)}</a>'
            f'<div class="post-meta">{self.date_span(a)}</div></div></li>'
        )

    def sidebar(self, with_baca_juga_widget: bool, calendar_month=None) -> str:
        items = "".join(self.widget_item(a) for a in self.site.articles[7:12] or self.site.articles[:5])
        return (
            '<aside class="sidebar tie-col-md-4 tie-col-xs-12 normal-side is-sticky" aria-label="Primary Sidebar"><div class="theiaStickySidebar">'
            '<div id="posts-list-widget-2" class="container-wrapper widget posts-list"><div class="widget-title the-global-title"><div class="the-subtitle">Terpopuler<span class="widget-title-icon tie-icon"></span></div></div>'
            f'<div class="widget-posts-list-wrapper"><div class="widget-posts-list-container"><ul class="posts-list-items widget-posts-wrapper">{items}</ul></div></div><div class="clearfix"></div></div>'
            "</div></aside>"
        )

    def row(self, primary: str, with_baca_juga_widget: bool = False) -> str:
        return f'<div class="main-content tie-col-md-8 tie-col-xs-12" role="main">{primary}</div>{self.sidebar(with_baca_juga_widget)}'

    def breadcrumb(self, *items: tuple[str, str | None]) -> str:
        parts = [f'<a href="{self.base}/"><span class="tie-icon-home" aria-hidden="true"></span> Beranda</a>']
        for name, url in items:
            parts.append('<em class="delimiter">&#47;</em>')
            parts.append(
                f'<a href="{url}">{texturize(name)}</a>' if url else f'<span class="current">{texturize(name)}</span>'
            )
        return '<nav id="breadcrumb">' + "".join(parts) + "</nav>"

    # ---- single post -----------------------------------------------------------------------------
    def meta_line(self, a: SampleArticle) -> str:
        return (
            '<div class="single-post-meta post-meta clearfix"><span class="author-meta single-author with-avatars"><span class="meta-item meta-author-wrapper">'
            f'<span class="meta-author"><a href="{self.author_url(a)}" class="author-name tie-icon" title="{attr(a.author[1])}">{texturize(a.author[1])}</a></span></span></span>'
            f'{self.date_span(a)}<div class="tie-alignright"><span class="meta-comment tie-icon meta-item fa-before">{a.comments}</span>'
            f'<span class="meta-views meta-item warm"><span class="tie-icon-fire" aria-hidden="true"></span> {a.post_id % 997} </span>'
            f'<span class="meta-reading-time meta-item"><span class="tie-icon-bookmark" aria-hidden="true"></span> {max(1, sum(len(p.split()) for p in a.paragraphs) // 200)} menit membaca</span> </div></div>'
        )

    def schema(self, a: SampleArticle) -> str:
        """``tie_article_schemas``: the theme's own Article, its whole text as ``articleBody`` (Baca Juga lines too)."""
        parts = []
        for i, paragraph in enumerate(a.paragraphs):
            parts.append(paragraph)
            for box in a.baca_juga:
                if box.after_paragraph == i:
                    parts += [f"Baca Juga: {self.site.by_id[t].title}" for t in box.targets if t in self.site.by_id]
        body = " ".join(parts)
        data = {
            "@context": "http://schema.org",
            "@type": "Article",
            "dateCreated": wib_iso(a.published),
            "datePublished": wib_iso(a.published),
            "dateModified": wib_iso(a.modified),
            "headline": a.title,
            "name": a.title,
            "keywords": ",".join(a.tags),
            "url": self.article_url(a),
            "description": a.paragraphs[0][:200],
            "copyrightYear": str(a.published.year),
            "articleSection": ",".join(self.site.sections[s].name for s in a.sections),
            "articleBody": body,
            "publisher": {"@id": "#Publisher", "@type": "Organization", "name": "Suarapos.co.id"},
            "author": {"@type": "Person", "name": a.author[1], "url": self.author_url(a)},
            "image": {"@type": "ImageObject", "url": self.url(a.image), "width": 1200, "height": 675},
        }
        text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
        return f'<script id="tie-schema-json" type="application/ld+json">{text}</script>'

    def inline_related(self, a: SampleArticle) -> str:
        items = "".join(self.widget_item(x) for x in self.related_pool(a, 2))
        return (
            '<div id="inline-related-post" class="mag-box mini-posts-box content-only"><div class="container-wrapper"><div class="widget-title the-global-title">'
            f'<div class="the-subtitle">Artikel Terkait</div></div><div class="mag-box-container clearfix"><ul class="posts-items posts-list-container">{items}</ul></div></div></div>'
        )

    def content(self, a: SampleArticle, page: int) -> str:
        """The content with what the theme's ``the_content`` filters add: an ad and the inline related posts after
        the second paragraph, the page links, the source and the tags at its end."""
        body = self.body_html(a, page)
        cut = body.find("</p>", body.find("</p>") + 4)
        if cut > 0:
            ad = (
                '<div class="stream-item stream-item-in-post stream-item-inline-post aligncenter"><span class="stream-title">- Advertisement -</span><a href="#"><img src="'
                + self.url("/wp-content/uploads/iklan-300x250.jpg")
                + '" alt=""></a></div>'
            )
            body = body[: cut + 4] + ad + self.inline_related(a) + body[cut + 4 :]
        tags = "".join(f'<a href="{self.tag_url(t)}" rel="tag">{texturize(t)}</a> ' for t in a.tags)
        return (
            '<div class="entry-content entry clearfix"><div class="stream-item stream-item-above-post-content"></div>'
            + body
            + self.link_pages(a, page, '<div class="multiple-post-pages clearfix">', "</div>", "{}")
            + '<div class="post-bottom-meta post-bottom-source" id="post-bottom-source"><div class="post-bottom-meta-title"><span class="tie-icon-link" aria-hidden="true"></span> Sumber</div>'
            f'<span class="tagcloud"><a href="{self.base}/" target="_blank" rel="nofollow noopener">Suarapos.co.id</a></span></div>'
            + (
                f'<div class="post-bottom-meta post-bottom-tags post-tags-modern"><div class="post-bottom-meta-title"><span class="tie-icon-tags" aria-hidden="true"></span> Tags</div><span class="tagcloud">{tags}</span></div>'
                if a.tags
                else ""
            )
            + "</div>"
        )

    def share(self, a: SampleArticle) -> str:
        url = self.article_url(a)
        return (
            '<div id="share-buttons-bottom" class="share-buttons share-buttons-bottom"><div class="share-links ">'
            f'<a href="https://www.facebook.com/sharer.php?u={url}" rel="external noopener nofollow" title="Facebook" target="_blank" class="facebook-share-btn large-share-button"><span class="share-btn-icon tie-icon-facebook"></span> <span class="social-text">Facebook</span></a>'
            f'<a href="https://x.com/intent/post?text={attr(a.title)}&amp;url={url}" rel="external noopener nofollow" title="X" target="_blank" class="twitter-share-btn large-share-button"><span class="share-btn-icon tie-icon-twitter"></span> <span class="social-text">X</span></a>'
            f'<a href="https://api.whatsapp.com/send?text={url}" rel="external noopener nofollow" title="WhatsApp" target="_blank" class="whatsapp-share-btn "><span class="share-btn-icon tie-icon-whatsapp"></span> <span class="screen-reader-text">WhatsApp</span></a>'
            "</div></div>"
        )

    def components(self, a: SampleArticle) -> str:
        related = "".join(
            f'<div class="related-item tie-standard"><a aria-label="{attr(x.title)}" href="{self.article_url(x)}" class="post-thumb"><img class="attachment-jannah-image-large" src="{self.url(x.image)}" alt=""></a>'
            f'<h3 class="post-title"><a href="{self.article_url(x)}">{texturize(x.title)}</a></h3><div class="post-meta clearfix">{self.date_span(x)}</div></div>'
            for x in self.related_pool(a, 4)
        )
        return (
            f'<div class="post-components"><div class="about-author container-wrapper"><div class="author-info"><h3 class="author-name"><a href="{self.author_url(a)}">{texturize(a.author[1])}</a></h3>'
            f'<div class="author-bio">Jurnalis Suarapos.co.id.</div></div><div class="clearfix"></div></div>'
            f'<div id="related-posts" class="container-wrapper has-extra-post"><div class="mag-box-title the-global-title"><h3>Artikel Terkait</h3></div><div class="related-posts-list">{related}</div></div>'
            '<div id="comments" class="comments-area"><div id="add-comment-block" class="container-wrapper"><div id="respond" class="comment-respond">'
            '<h3 id="reply-title" class="comment-reply-title the-global-title">Tinggalkan Balasan</h3>'
            f'<form action="{self.url("/wp-comments-post.php")}" method="post" id="commentform" class="comment-form"><input type="hidden" name="comment_post_ID" value="{a.post_id}" id="comment_post_ID" /></form></div></div></div></div>'
        )

    def article(self, a: SampleArticle, page: int = 1) -> str:
        section = self.site.sections[a.sections[0]]
        cats = "".join(
            f'<a class="post-cat tie-cat-{i + 2}" href="{self.section_url(s)}">{texturize(self.site.sections[s].name)}</a>'
            for i, s in enumerate(a.sections)
        )
        primary = f"""<div class="stream-item stream-item-above-post"></div>
<article id="the-post" class="container-wrapper post-content tie-standard">
<header class="entry-header-outer">
{self.breadcrumb((section.name, self.section_url(section.slug)), (a.title, None))}
<div class="entry-header"><span class="post-cat-wrap">{cats}</span>
<h1 class="post-title entry-title">{texturize(a.title)}</h1>
{self.meta_line(a)}
</div></header>
<div class="featured-area"><div class="featured-area-inner"><figure class="single-featured-image"><img src="{self.url(a.image)}" class="attachment-jannah-image-post size-jannah-image-post wp-post-image" alt="" data-main-img="1">
<figcaption class="single-caption-text"><span class="tie-icon-camera" aria-hidden="true"></span> Foto: Suarapos</figcaption></figure></div></div>
{self.content(a, page)}
<div id="post-extra-info"><div class="theiaStickySidebar">{self.meta_line(a)}</div></div><div class="clearfix"></div>
{self.schema(a)}
{self.share(a)}
</article>
<div class="stream-item stream-item-below-post"></div>
{self.components(a)}"""
        return self.page(
            title=f"{a.title} - Suarapos.co.id",
            body_class=f"post-template-default single single-post postid-{a.post_id} single-format-standard post-layout-1",
            head=self.article_head(a, page),
            main=self.row(primary, True),
            footer_extra=self.inline_related_css(a),
        )

    # ---- archives (templates/archives.php, pagination next-prev) ------------------------------------
    def listed_post(self, a: SampleArticle) -> str:
        return f"""<li class="post-item post-{a.post_id} post type-post status-publish format-standard has-post-thumbnail tie-standard">
<a aria-label="{attr(a.title)}" href="{self.article_url(a)}" class="post-thumb"><img width="390" height="220" src="{self.url(a.image)}" class="attachment-jannah-image-large size-jannah-image-large wp-post-image" alt=""></a>
<div class="post-details"><div class="post-meta clearfix"><span class="author-meta single-author no-avatars"><span class="meta-item meta-author-wrapper"><span class="meta-author"><a href="{self.author_url(a)}" class="author-name tie-icon" title="{attr(a.author[1])}">{texturize(a.author[1])}</a></span></span></span>{self.date_span(a)}</div>
<h2 class="post-title"><a href="{self.article_url(a)}">{texturize(a.title)}</a></h2>
<p class="post-excerpt">{self.excerpt(a, 20)}&hellip;</p>
<a class="more-link button" href="{self.article_url(a)}">Baca Selengkapnya &raquo;</a></div></li>"""

    def pagination(self, slug: str, page: int, pages: int) -> str:
        prev = (
            f'<a href="{self.section_url(slug, page - 1)}"><span class="pagination-icon" aria-hidden="true"></span>Halaman sebelumnya</a>'
            if page > 1
            else ""
        )
        nxt = (
            f'<a href="{self.section_url(slug, page + 1)}"><span class="pagination-icon" aria-hidden="true"></span>Halaman berikutnya</a>'
            if page < pages
            else ""
        )
        return (
            '<div class="pages-nav"><div class="pages-numbers pages-standard">'
            f'<span class="first-page first-last-pages">{prev}</span><span class="last-page first-last-pages">{nxt}</span></div></div>'
        )

    def archive_header(self, title: str) -> str:
        return (
            f'<header id="category-title-section" class="entry-header-outer container-wrapper archive-title-wrapper">{self.breadcrumb((title, None))}'
            f'<h1 class="page-title">{texturize(title)}</h1></header>'
        )

    def archive_main(self, title: str, listed: list[SampleArticle], nav: str) -> str:
        posts = "".join(self.listed_post(a) for a in listed)
        return self.row(
            self.archive_header(title)
            + '<div class="mag-box wide-post-box"><div class="container-wrapper"><div class="mag-box-container clearfix">'
            + f'<ul id="posts-container" data-layout="default" class="posts-items">{posts}</ul><div class="clearfix"></div></div></div></div>'
            + nav
        )

    def home_block(self, name: str, url: str, listed: list[SampleArticle]) -> str:
        return (
            f'<div class="mag-box big-post-left-box"><div class="container-wrapper"><div class="mag-box-title the-global-title"><h3><a href="{url}">{texturize(name)}</a></h3>'
            f'<div class="tie-alignright"><div class="mag-box-options"><a class="block-more-button" href="{url}">Lainnya</a></div></div></div>'
            f'<div class="mag-box-container clearfix"><ul class="posts-items posts-list-container">{"".join(self.listed_post(a) for a in listed)}</ul></div></div></div>'
        )
