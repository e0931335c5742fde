"""The site in PenciDesign's Soledad 8, with the list layout news portals choose and its inline related posts on.

Reproduced from its templates (``single.php``, ``content-single.php``, ``content-list.php``,
``inc/templates/related_posts.php``, ``inc/templates/post_pagination.php``, ``inc/json-schema-validar.php``,
``functions.php``: ``penci_soledad_pagination``) with its defaults. Its traps: the date is shown alone, but in a
``<time class="entry-date published" datetime="...">`` that has the time (and a hidden duplicate byline and date in
every header and card); its own JSON-LD ``BlogPosting`` gives ``datePublished`` as a day only (``Y-m-d``); the inline
related posts ("Mungkin Anda Tertarik", ``penci-ilrelated-posts``) inside the content; the tags as bare links at the end of the
content; "Older Posts" / "Newer Posts" instead of page numbers.
"""

from __future__ import annotations

import json

from ..content import SampleArticle
from . import attr, texturize, wib_iso
from .wordpress import ThemeRenderer, indonesian_date

ANGLE = '<i class="penci-faicon fa fa-angle-right" ></i>'


class SoledadRenderer(ThemeRenderer):
    theme = "soledad"
    FURNITURE = (
        "Mungkin Anda Tertarik",
        "ditulis oleh",
        "Anda mungkin juga suka",
        "artikel sebelumnya",
        "artikel berikutnya",
        "Tinggalkan Komentar",
        "Kategori:",
    )
    DATE_SHOWN = "minute"  # the <time>'s datetime attribute
    MENU_CLASS = "menu"
    MENU_ITEM_CLASS = ""
    HOME_PATH = "/"

    def time(self, a: SampleArticle) -> str:
        return f'<time class="entry-date published" datetime="{wib_iso(a.published)}">{indonesian_date(a.published)}</time>'

    def hidden_byline(self, a: SampleArticle) -> str:
        return (
            f'<div class="penci-hide-tagupdated"><span class="author-italic author vcard">oleh <a class="url fn n" href="{self.author_url(a)}">{texturize(a.author[1])}</a></span>'
            f"{self.time(a)}</div>"
        )

    def cat_label(self, a: SampleArticle) -> str:
        return "".join(
            f'<a class="penci-cat-name penci-cat-{i + 2}" href="{self.section_url(s)}"  rel="category tag">{texturize(self.site.sections[s].name)}</a>'
            for i, s in enumerate(a.sections)
        )

    # ---- chrome ------------------------------------------------------------------------------------
    def page(self, *, title: str, body_class: str, head: str, main: str, footer_extra: str = "") -> str:
        menu = self.menu("menu-utama")
        return f"""<!DOCTYPE html>
<html lang="id-ID">
<head>
<meta charset="UTF-8">
<title>{texturize(title)}</title>
{head}
{self.site_schema()}
<link rel='stylesheet' id='penci-soledad-parent-style-css' href='{self.url("/wp-content/themes/soledad/style.css?ver=8.1.2")}' type='text/css' media='all' />
</head>
<body class="{body_class} pclight-mode pcmn-drdw-style-slide_down">
<div class="wrapper-boxed header-style-header-1 header-search-style-default">
<div class="penci-header-wrap"><nav id="navigation" class="header-layout-top header-1 menu-style-1" role="navigation" itemscope itemtype="https://schema.org/SiteNavigationElement"><div class="container">
<div class="button-menu-mobile header-1"><svg width=18px height=18px viewBox="0 0 512 384"><g><rect x="0" y="0" width="512" height="62"></rect></g></svg></div>
{menu}
<div id="top-search" class="penci-top-search pcheader-icon top-search-classes"><a class="search-click"><i class="penciicon-magnifiying-glass"></i></a><div class="show-search"><form role="search" method="get" class="pc-searchform" action="{self.base}/"><div class="pc-searchform-inner"><input type="text" class="search-input" placeholder="Ketik dan tekan enter..." name="s"/><input type="submit" class="searchsubmit" value="Cari"/></div></form></div></div>
</div></nav>
<header id="header" class="penci-header-second header-header-1 has-bottom-line" itemscope="itemscope" itemtype="https://schema.org/WPHeader"><div class="inner-header"><div class="container">
<div id="logo"><a href="{self.base}/"><img class="penci-mainlogo pclogo-cls" src="{self.url("/wp-content/uploads/logo.png")}" alt="Suarapos.co.id" width="300" height="80"></a></div>
</div></div></header></div>
{main}
<div class="clear-footer"></div>
<footer id="footer-section" class="penci-footer-social-media penci-lazy" itemscope itemtype="https://schema.org/WPFooter"><div class="container">
<div class="footer-logo-copyright footer-not-logo"><div id="footer-copyright"><p>@{self.site.now.year} - Suarapos.co.id. Hak cipta dilindungi.</p></div>
<div class="go-to-top-parent"><a href="#" class="go-to-top"><span><i class="penciicon-up-chevron"></i> <br>Kembali ke atas</span></a></div></div></div></footer>
</div>
<a id="close-sidebar-nav" class="header-1"><i class="penci-faicon fa fa-times" ></i></a>
<nav id="sidebar-nav" class="header-1" role="navigation" itemscope itemtype="https://schema.org/SiteNavigationElement">{menu.replace('id="menu-utama"', 'id="menu-utama-1"')}</nav>
{footer_extra}
</body>
</html>
"""

    def site_schema(self) -> str:
        data = {
            "@context": "https://schema.org/",
            "@type": "organization",
            "@id": "#organization",
            "name": "Suarapos.co.id",
            "url": f"{self.base}/",
        }
        return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'

    def sidebar(self, with_baca_juga_widget: bool, calendar_month=None) -> str:
        items = "".join(
            f'<li class="penci-feed"><div class="side-item"><div class="side-image"><a class="penci-image-holder penci-lazy small-fix-size" rel="bookmark" data-bgset="{self.url(a.image)}" href="{self.article_url(a)}" title="{attr(a.title)}"></a></div>'
            f'<div class="side-item-text"><h4 class="side-title-post"><a href="{self.article_url(a)}" rel="bookmark" title="{attr(a.title)}">{texturize(a.title)}</a></h4>'
            f'<div class="grid-post-box-meta penci-side-item-meta pcsnmt-below"><span class="side-item-meta side-wdate">{self.time(a)}</span></div></div></div></li>'
            for a in self.site.articles[7:12] or self.site.articles[:5]
        )
        return (
            '<div id="sidebar" class="penci-sidebar-right penci-sidebar-content style-1 pcalign-center  pciconp-right pcicon-right"><div class="theiaStickySidebar">'
            '<aside id="penci_popular_news_widget-2" class="widget penci_popular_news_widget"><h3 class="widget-title penci-border-arrow"><span class="inner-arrow">Terpopuler</span></h3>'
            f'<ul id="penci-popularwg-2" class="side-newsfeed">{items}</ul></aside></div></div>'
        )

    def row(self, primary: str, with_baca_juga_widget: bool = False) -> str:
        return (
            '<div class="container penci_sidebar right-sidebar"><div id="main" class="penci-layout-list"><div class="theiaStickySidebar">'
            f"{primary}</div></div>{self.sidebar(with_baca_juga_widget)}</div>"
        )

    def breadcrumb(self, *items: tuple[str, str | None], cls: str = "") -> str:
        parts = [f'<span><a class="crumb" href="{self.base}/">Beranda</a></span>']
        for name, url in items:
            parts.append(ANGLE)
            parts.append(
                f'<span><a class="crumb" href="{url}">{texturize(name)}</a></span>'
                if url
                else f"<span>{texturize(name)}</span>"
            )
        return f'<div class="container penci-breadcrumb{cls}">' + "".join(parts) + "</div>"

    # ---- single post ---------------------------------------------------------------------------------
    def post_schema(self, a: SampleArticle) -> str:
        data = {
            "@context": "https://schema.org/",
            "@type": "BlogPosting",
            "headline": a.title,
            "description": a.paragraphs[0][:150],
            "datePublished": a.published.strftime("%Y-%m-%d"),
            "datemodified": a.modified.strftime("%Y-%m-%d"),
            "mainEntityOfPage": self.article_url(a),
            "image": {"@type": "ImageObject", "url": self.url(a.image), "width": 1200, "height": 675},
            "publisher": {"@type": "Organization", "name": "Suarapos.co.id"},
            "author": {
                "@type": "Person",
                "@id": f"#person-{a.author[1]}",
                "name": a.author[1],
                "url": self.author_url(a),
            },
        }
        return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'

    def inline_related(self, a: SampleArticle) -> str:
        items = "".join(
            f'<li class="pcilrp-item pcilrp-item-list"><a href="{self.article_url(x)}">{texturize(x.title)}</a></li>'
            for x in self.related_pool(a, 2)
        )
        return (
            '<div class="penci-ilrltpost-insert"><div class="penci-ilrelated-posts pcilrt-list pcilrt-none pcilrt-col-2"><div class="pcilrp-heading pcilrph-align-left"><span>Mungkin Anda Tertarik</span></div>'
            f'<ul class="pcilrp-content">{items}</ul></div></div>'
        )

    def content(self, a: SampleArticle, page: int) -> str:
        body = self.body_html(a, page)
        cut = body.find("</p>", body.find("</p>") + 4)
        cut = body.find("</p>", cut + 4) if cut > 0 else cut
        if cut > 0:
            body = body[: cut + 4] + self.inline_related(a) + body[cut + 4 :]
        tags = "".join(f'<a href="{self.tag_url(t)}" rel="tag">{texturize(t)}</a>' for t in a.tags)
        return (
            '<div class="post-entry blockquote-style-1"><div class="inner-post-entry entry-content" id="penci-post-entry-inner">'
            + body
            + self.link_pages(a, page, '<div class="penci-single-link-pages">', "</div>", "{}")
            + (f'<div class="post-tags">{tags}</div>' if tags else "")
            + "</div></div>"
        )

    def after_content(self, a: SampleArticle) -> str:
        url = self.article_url(a)
        older, newer = self.neighbours(a)
        share = (
            f'<div class="tags-share-box single-post-share tags-share-box-s1  center-box  social-align-default"><span class="single-comment-o"><i class="penci-faicon fa fa-comment-o" ></i>{a.comments} komentar</span>'
            f'<div class="post-share"><span class="post-share-item post-share-plike"><span class="count-number-like">0</span><a href="#" aria-label="Sukai artikel ini" class="penci-post-like single-like-button" data-post_id="{a.post_id}" title="Suka"><i class="penci-faicon fa fa-heart-o" ></i></a></span>'
            f'<a class="post-share-item post-share-facebook" aria-label="Bagikan di Facebook" target="_blank"  rel="noreferrer" href="https://www.facebook.com/sharer/sharer.php?u={url}"><i class="penci-faicon fa fa-facebook" ></i><span class="dt-share">Facebook</span></a>'
            f'<a class="post-share-item post-share-twitter" aria-label="Bagikan di Twitter" target="_blank"  rel="noreferrer" href="https://twitter.com/intent/tweet?text={attr(a.title)}%20-%20{url}"><i class="penci-faicon fa fa-twitter" ></i><span class="dt-share">Twitter</span></a></div></div>'
        )
        author = (
            f'<div class="post-author abio-style-1 bioimg-round"><div class="author-img"><img alt="" src="https://secure.gravatar.com/avatar/0?s=100" class="avatar avatar-100 photo" height="100" width="100" /></div>'
            f'<div class="author-content"><h5><a href="{self.author_url(a)}" title="Penulis {attr(a.author[1])}" rel="author">{texturize(a.author[1])}</a></h5><p>Jurnalis Suarapos.co.id.</p></div></div>'
        )
        nav = '<div class="post-pagination">'
        if older:
            nav += f'<div class="prev-post"><div class="prev-post-inner"><div class="prev-post-title"><span>artikel sebelumnya</span></div><a href="{self.article_url(older)}"><div class="pagi-text"><h5 class="prev-title">{texturize(older.title)}</h5></div></a></div></div>'
        if newer:
            nav += f'<div class="next-post"><div class="next-post-inner"><div class="prev-post-title next-post-title"><span>artikel berikutnya</span></div><a href="{self.article_url(newer)}"><div class="pagi-text"><h5 class="next-title">{texturize(newer.title)}</h5></div></a></div></div>'
        nav += "</div>"
        related = "".join(
            f'<div class="item-related"><a class="related-thumb penci-image-holder penci-lazy" data-bgset="{self.url(x.image)}" href="{self.article_url(x)}" title="{attr(x.title)}"></a>'
            f'<h3><a href="{self.article_url(x)}">{texturize(" ".join(x.title.split()[:8]))}&#8230;</a></h3><span class="date">{self.time(x)}</span></div>'
            for x in self.related_pool(a)
        )
        related_box = (
            '<div class="post-related"><div class="post-title-box"><h4 class="post-box-title">Anda mungkin juga suka</h4></div>'
            f'<div class="penci-owl-carousel penci-owl-carousel-slider penci-related-carousel" data-lazy="true" data-item="3">{related}</div></div>'
        )
        comments = (
            '<div class="post-comments no-comment-yet penci-comments-hide-0" id="comments"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title"><span>Tinggalkan Komentar</span></h3>'
            f'<form action="{self.url("/wp-comments-post.php")}" method="post" id="commentform" class="comment-form"><input type="hidden" name="comment_post_ID" value="{a.post_id}" id="comment_post_ID" /></form></div></div>'
        )
        return share + author + nav + related_box + comments

    def article(self, a: SampleArticle, page: int = 1) -> str:
        section = self.site.sections[a.sections[0]]
        primary = f"""<article id="post-{a.post_id}" class="post type-post status-publish">
<div class="header-standard header-classic single-header">
<div class="penci-standard-cat"><span class="cat">{self.cat_label(a)}</span></div>
<h1 class="post-title single-post-title entry-title">{texturize(a.title)}</h1>
{self.hidden_byline(a)}
<div class="post-box-meta-single"><span class="author-post byline"><span class="author vcard">ditulis oleh <a class="author-url url fn n" href="{self.author_url(a)}">{texturize(a.author[1])}</a></span></span>
<span>{self.time(a)}</span></div></div>
<div class="post-image"><a href="{self.url(a.image)}" data-rel="penci-gallery-image-content"><img class="attachment-penci-full-thumb size-penci-full-thumb penci-lazy wp-post-image pc-singlep-img" width="1170" height="658" src="data:image/svg+xml,%3Csvg%3E%3C/svg%3E" alt="" data-src="{self.url(a.image)}"></a></div>
{self.content(a, page)}
{self.after_content(a)}
</article>"""
        main = (
            '<div class="penci-single-wrapper"><div class="penci-single-block">'
            + self.breadcrumb((section.name, self.section_url(section.slug)), (a.title, None), cls=" single-breadcrumb")
            + '<div class="container container-single penci_sidebar  penci-enable-lightbox"><div id="main"><div class="theiaStickySidebar">'
            + primary
            + f"</div></div>{self.sidebar(True)}</div></div></div>"
        )
        return self.page(
            title=f"{a.title} - Suarapos.co.id",
            body_class=f"post-template-default single single-post postid-{a.post_id} single-format-standard",
            head=self.article_head(a, page) + "\n" + self.post_schema(a),
            main=main,
            footer_extra=self.inline_related_css(a),
        )

    # ---- archives (content-list.php, the default pagination) -----------------------------------------
    def listed_post(self, a: SampleArticle) -> str:
        return f"""<li class="list-post pclist-layout"><article id="post-{a.post_id}" class="item hentry">
<div class="thumbnail"><a class="penci-image-holder penci-lazy" data-bgset="{self.url(a.image)}" href="{self.article_url(a)}" title="{attr(a.title)}"></a></div>
<div class="content-list-right content-list-center"><div class="header-list-style"><span class="cat">{self.cat_label(a)}</span>
<h2 class="penci-entry-title entry-title grid-title"><a href="{self.article_url(a)}">{texturize(a.title)}</a></h2>
{self.hidden_byline(a)}
<div class="grid-post-box-meta"><span class="otherl-date-author author-italic author vcard">oleh <a class="url fn n" href="{self.author_url(a)}">{texturize(a.author[1])}</a></span><span class="otherl-date">{self.time(a)}</span></div></div>
<div class="item-content entry-content"><p>{self.excerpt(a, 30)}&hellip;</p></div></div></article></li>"""

    def pagination(self, slug: str, page: int, pages: int) -> str:
        newer = (
            f'<a href="{self.section_url(slug, page - 1)}" ><span><i class="penci-faicon fa fa-angle-left" ></i>Artikel Lebih Baru</span></a>'
            if page > 1
            else '<div class="disable-url"><span><i class="penci-faicon fa fa-angle-left" ></i>Artikel Lebih Baru</span></div>'
        )
        older = (
            f'<a href="{self.section_url(slug, page + 1)}" ><span>Artikel Lebih Lama <i class="penci-faicon fa fa-angle-right" ></i></span></a>'
            if page < pages
            else '<div class="disable-url"><span>Artikel Lebih Lama <i class="penci-faicon fa fa-angle-right" ></i></span></div>'
        )
        return f'<div class="penci-pagination"><div class="newer">{newer}</div><div class="older">{older}</div></div>'

    def archive_main(self, title: str, listed: list[SampleArticle], nav: str) -> str:
        posts = "".join(self.listed_post(a) for a in listed)
        return (
            self.breadcrumb((title, None))
            + f'<div class="archive-box"><div class="title-bar"><span>Kategori:</span> <h1>{texturize(title)}</h1></div></div>'
            + self.row(f'<ul class="penci-wrapper-data penci-grid">{posts}</ul>{nav}')
        )
