"""The site in TieLabs' Sahifa 5.7, long a favourite of Indonesian portals.

Reproduced from its templates (``header.php``, ``single.php``, ``category.php``, ``framework/loops/loop-default.php``,
``framework/functions/pagenavi.php``, ``framework/parts/*``, ``theme-functions.php``: ``tie_get_time``), with the
panel's Indonesian translations. Its traps: the date is text alone (``span.tie-date``, "7 Desember 2026": no time,
no ``<time>``); the related posts are set to show inside the content (``section#related_posts`` at the top of
``.entry``); a breaking-news ticker of ten headlines on every page; "Tags" after the article, the author box,
"Cek Juga" with an excerpt that reads like body text; numbered pagination without ``rel``.
"""

from __future__ import annotations

from .. import vocab
from ..content import SampleArticle
from . import attr, texturize
from .wordpress import ThemeRenderer, indonesian_date


class SahifaRenderer(ThemeRenderer):
    theme = "sahifa"
    FURNITURE = (
        "Artikel Terkait",
        "Bagikan",
        "Cek Juga",
        "Baca Selengkapnya",
        "Tinggalkan komentar",
        "Views",
        "Breaking News",
        "Sebelumnya",
        "Selanjutnya",
    )
    DATE_SHOWN = "day"
    MENU_CLASS = "menu"
    MENU_ITEM_CLASS = ""
    SUBMENU_OPEN = '<ul class="sub-menu menu-sub-content">'
    HOME_PATH = "/"

    def tie_date(self, a: SampleArticle) -> str:
        return f'<span class="tie-date"><i class="fa fa-clock-o"></i>{indonesian_date(a.published)}</span>'

    # ---- chrome (header.php, footer.php, sidebar.php) -----------------------------------------
    def page(self, *, title: str, body_class: str, head: str, main: str, footer_extra: str = "") -> str:
        now = self.site.now
        ticker = "".join(
            f'<li><a href="{self.article_url(a)}" title="{attr(a.title)}">{texturize(a.title)}</a></li>'
            for a in self.site.articles[:10]
        )
        return f"""<!DOCTYPE html>
<html lang="id-ID" prefix="og: http://ogp.me/ns#">
<head>
<meta charset="UTF-8" />
<title>{texturize(title)}</title>
{head}
<link rel='stylesheet' id='tie-style-css' href='{self.url("/wp-content/themes/sahifa/style.css?ver=5.7.5")}' type='text/css' media='all' />
</head>
<body id="top" class="{body_class} lazy-enabled">
<div class="wrapper-outer"><div class="background-cover"></div>
<aside id="slide-out"><div class="search-mobile"></div><div id="mobile-menu" class="mobile-hide-icons"></div></aside>
<div id="wrapper" class="boxed"><div class="inner-wrapper">
<header id="theme-header" class="theme-header">
<div id="top-nav" class="top-nav"><div class="container"><span class="today-date">{vocab.WEEKDAYS_ID[now.weekday()]} , {vocab.MONTHS_ID[now.month - 1]} {now.day} {now.year}</span>
<div class="top-menu"><ul id="menu-top" class="menu"><li class="menu-item"><a href="{self.url("/redaksi/")}">Redaksi</a></li></ul></div>
<div class="search-block"><form method="get" id="searchform-header" action="{self.base}/"><button class="search-button" type="submit" value="Cari"><i class="fa fa-search"></i></button><input class="search-live" type="text" id="s-header" name="s" title="Cari" value="Cari" /></form></div></div></div>
<div class="header-content"><a id="slide-out-open" class="slide-out-open" href="#"><span></span></a>
<div class="logo" style=" margin-top:15px; margin-bottom:15px;"><h2><a title="Suarapos.co.id" href="{self.base}/"><img src="{self.url("/wp-content/uploads/logo.png")}" alt="Suarapos.co.id" /><strong>Suarapos.co.id Suara Rakyat Bangka Belitung</strong></a></h2></div>
<div class="e3lan e3lan-top"><a href="#"><img src="{self.url("/wp-content/uploads/banner-728x90.jpg")}" alt="" /></a></div><div class="clear"></div></div>
<nav id="main-nav" class="fixed-enabled"><div class="container"><div class="main-menu">{self.menu("menu-main")}</div>
<a href="{self.base}/?tierand=1" class="random-article ttip" title="Artikel Acak"><i class="fa fa-random"></i></a></div></nav>
</header>
<div class="clear"></div><div id="breaking-news" class="breaking-news"><span class="breaking-news-title"><i class="fa fa-bolt"></i> <span>Breaking News</span></span><ul>{ticker}</ul></div>
<div class="e3lan e3lan-below_header"></div>
<div id="main-content" class="container">
{main}
<div class="clear"></div></div>
<footer id="theme-footer"><div id="footer-widget-area" class="footer-3c"><div id="footer-first" class="footer-widgets-box"><div class="footer-widget"><div class="footer-widget-top"><h4>Tentang Kami</h4></div><div class="footer-widget-container"><p>Suarapos.co.id: berita Bangka Belitung terkini.</p></div></div></div></div><div class="clear"></div></footer><div class="clear"></div>
<div class="footer-bottom"><div class="container"><div class="alignright">Powered by <a href="http://wordpress.org">WordPress</a> | Designed by <a href="http://tielabs.com/">TieLabs</a></div>
<div class="alignleft">&#169; Copyright {now.year}, All Rights Reserved</div><div class="clear"></div></div></div>
</div></div></div>
<div id="topcontrol" class="fa fa-angle-up" title="Scroll To Top"></div><div id="fb-root"></div>
{footer_extra}
</body>
</html>
"""

    def sidebar(self, with_baca_juga_widget: bool, calendar_month=None) -> str:
        items = "".join(
            f'<li><div class="post-thumbnail"><a href="{self.article_url(a)}" rel="bookmark"><img width="110" height="75" src="{self.url(a.image)}" class="attachment-tie-small" alt="" /><span class="fa overlay-icon"></span></a></div>'
            f'<h3><a href="{self.article_url(a)}">{texturize(a.title)}</a></h3> {self.tie_date(a)}</li>'
            for a in self.site.articles[7:12] or self.site.articles[:5]
        )
        return (
            '<aside id="sidebar"><div class="theiaStickySidebar"><div id="posts-list-widget-2" class="widget posts-list">'
            '<div class="widget-top"><h4>Berita Terpopuler</h4><div class="stripe-line"></div></div>'
            f'<div class="widget-container"><ul>{items}</ul><div class="clear"></div></div></div></div></aside>'
        )

    def row(self, primary: str, with_baca_juga_widget: bool = False) -> str:
        return f'<div class="content">{primary}</div>{self.sidebar(with_baca_juga_widget)}'

    def crumbs_html(self, *items: tuple[str, str | None]) -> str:
        parts = [f'<a href="{self.base}/"><span class="fa fa-home" aria-hidden="true"></span> Beranda</a>']
        for name, url in items:
            parts.append('<span class="delimiter">/</span>')
            parts.append(
                f'<a href="{url}">{texturize(name)}</a>' if url else f'<span class="current">{texturize(name)}</span>'
            )
        return '<nav id="crumbs">' + "".join(parts) + "</nav>"

    # ---- single.php -----------------------------------------------------------------------------
    def related(self, a: SampleArticle) -> str:
        items = "".join(
            f'<div class="related-item"><div class="post-thumbnail"><a href="{self.article_url(x)}"><img src="{self.url(x.image)}" class="attachment-tie-medium" alt="" /><span class="fa overlay-icon"></span></a></div>'
            f'<h3><a href="{self.article_url(x)}" rel="bookmark">{texturize(x.title)}</a></h3><p class="post-meta">{self.tie_date(x)}</p></div>'
            for x in self.related_pool(a)
        )
        return (
            '<section id="related_posts"><div class="block-head"><h3>Artikel Terkait</h3><div class="stripe-line"></div></div>'
            f'<div class="post-listing">{items}<div class="clear"></div></div></section>'
        )

    def share(self, a: SampleArticle) -> str:
        url = self.url(f"/?p={a.post_id}")
        return (
            '<div class="share-post"><span class="share-text">Bagikan</span><ul class="flat-social">'
            f'<li><a href="http://www.facebook.com/sharer.php?u={url}" class="social-facebook" rel="external" target="_blank"><i class="fa fa-facebook"></i> <span>Facebook</span></a></li>'
            f'<li><a href="https://twitter.com/intent/tweet?text={attr(a.title)}&amp;url={url}" class="social-twitter" rel="external" target="_blank"><i class="fa fa-twitter"></i> <span>Twitter</span></a></li>'
            f'<li><a href="http://www.linkedin.com/shareArticle?mini=true&amp;url={url}" class="social-linkedin" rel="external" target="_blank"><i class="fa fa-linkedin"></i> <span>LinkedIn</span></a></li>'
            '</ul><div class="clear"></div></div>'
        )

    def after_article(self, a: SampleArticle) -> str:
        """Tags, the author box, the post navigation and "Cek Juga", as single.php prints them after the article."""
        older, newer = self.neighbours(a)
        tags = (
            '<p class="post-tag">Tags '
            + " ".join(f'<a href="{self.tag_url(t)}" rel="tag">{texturize(t)}</a>' for t in a.tags)
            + "</p>"
            if a.tags
            else ""
        )
        nav = '<div class="post-navigation">'
        if older:
            nav += f'<div class="post-previous"><a href="{self.article_url(older)}" rel="prev"><span>Sebelumnya</span> {texturize(older.title)}</a></div>'
        if newer:
            nav += f'<div class="post-next"><a href="{self.article_url(newer)}" rel="next"><span>Selanjutnya</span> {texturize(newer.title)}</a></div>'
        nav += "</div>"
        check = newer or older
        check_also = (
            '<section id="check-also-box" class="post-listing check-also-right"><a href="#" id="check-also-close"><i class="fa fa-close"></i></a>'
            f'<div class="block-head"><h3>Cek Juga</h3></div><div class="check-also-post"><h2 class="post-title"><a href="{self.article_url(check)}" rel="bookmark">{texturize(check.title)}</a></h2>'
            f"<p>{self.excerpt(check, 15)} &hellip;</p></div></section>"
            if check
            else ""
        )
        author = (
            f'<section id="author-box"><div class="block-head"><h3>Tentang {texturize(a.author[1])} </h3><div class="stripe-line"></div></div>'
            '<div class="post-listing"><div class="author-bio"><div class="author-avatar"><img alt="" src="https://secure.gravatar.com/avatar/0?s=90" class="avatar avatar-90 photo" height="90" width="90" /></div>'
            f'<div class="author-description">Jurnalis Suarapos.co.id yang meliput {texturize(self.site.sections[a.sections[0]].name)} dan sekitarnya.</div><div class="clear"></div></div></div></section>'
        )
        return tags + '<div class="e3lan e3lan-post"></div>' + author + nav + check_also

    def article(self, a: SampleArticle, page: int = 1) -> str:
        section = self.site.sections[a.sections[0]]
        classes = (
            f"post-listing post-{a.post_id} post type-post status-publish format-standard has-post-thumbnail "
            + " ".join(f"category-{s}" for s in a.sections)
        )
        meta = (
            f'<p class="post-meta"><span class="post-meta-author"><i class="fa fa-user"></i><a href="{self.author_url(a)}" title="">{texturize(a.author[1])} </a></span>'
            f'{self.tie_date(a)}<span class="post-cats"><i class="fa fa-folder"></i>{self.category_links(a)}</span>'
            f'<span class="post-comments"><i class="fa fa-comments"></i><a href="{self.article_url(a)}#respond">Tinggalkan komentar</a></span>'
            f'<span class="post-views"><i class="fa fa-eye"></i>{a.post_id % 997} Views</span> </p><div class="clear"></div>'
        )
        pages = self.link_pages(a, page, '<div class="page-link">Halaman: ', "</div>", "<span>{}</span>")
        content = f"""<div class="content">
{self.crumbs_html((section.name, self.section_url(section.slug)), (a.title, None))}
<div class="e3lan e3lan-post"></div>
<article class="{classes}" id="the-post">
<div class="single-post-thumb"><img width="660" height="330" src="{self.url(a.image)}" class="attachment-slider size-slider wp-post-image" alt="" /></div>
<div class="post-inner">
<h1 class="name post-title entry-title"><span itemprop="name">{texturize(a.title)}</span></h1>
{meta}
<div class="entry">
{self.related(a)}
{self.body_html(a, page)}
{pages}
</div><!-- .entry /-->
{self.share(a)}<div class="clear"></div>
</div><!-- .post-inner -->
</article><!-- .post-listing -->
{self.after_article(a)}
{self.comments(a)}
</div>"""
        return self.page(
            title=f"{a.title} - Suarapos.co.id",
            body_class=f"post-template-default single single-post postid-{a.post_id} single-format-standard",
            head=self.article_head(a, page),
            main=content + self.sidebar(True),
            footer_extra=self.inline_related_css(a),
        )

    def comments(self, a: SampleArticle) -> str:
        return (
            '<div id="comments"><div class="clear"></div><div id="respond" class="comment-respond">'
            '<h3 id="reply-title" class="comment-reply-title">Tinggalkan Balasan</h3>'
            f'<form action="{self.url("/wp-comments-post.php")}" method="post" id="commentform" class="comment-form"><p class="comment-form-comment"><textarea id="comment" name="comment"></textarea></p>'
            f'<input type="hidden" name="comment_post_ID" value="{a.post_id}" id="comment_post_ID" /></form></div></div>'
        )

    # ---- archives (category.php, loop-default.php, pagenavi.php) ---------------------------------
    def listed_post(self, a: SampleArticle) -> str:
        return f"""<article class="item-list">
<h2 class="post-box-title"><a href="{self.article_url(a)}">{texturize(a.title)}</a></h2>
<p class="post-meta">{self.tie_date(a)}<span class="post-cats"><i class="fa fa-folder"></i>{self.category_links(a)}</span><span class="post-comments"><i class="fa fa-comments"></i><a href="{self.article_url(a)}#respond">0</a></span></p>
<div class="post-thumbnail"><a href="{self.article_url(a)}"><img width="310" height="165" src="{self.url(a.image)}" class="attachment-tie-medium size-tie-medium wp-post-image" alt="" /><span class="fa overlay-icon"></span></a></div>
<div class="entry"><p>{self.excerpt(a, 50)} &hellip;</p><a class="more-link" href="{self.article_url(a)}">Baca Selengkapnya &raquo;</a></div>
<div class="clear"></div></article>"""

    def pagination(self, slug: str, page: int, pages: int) -> str:
        parts = [f'<span class="pages">Halaman {page} dari {pages}</span>']
        if page > 1:
            parts.append(f'<span id="tie-prev-page"><a href="{self.section_url(slug, page - 1)}" >&laquo;</a></span>')
        for n in range(max(1, page - 2), min(pages, page + 2) + 1):
            parts.append(
                f'<span class="current">{n}</span>'
                if n == page
                else f'<a href="{self.section_url(slug, n)}" class="page" title="{n}">{n}</a>'
            )
        if page < pages:
            parts.append(f'<span id="tie-next-page"><a href="{self.section_url(slug, page + 1)}" >&raquo;</a></span>')
            parts.append(
                f'<span class="extend">...</span><a href="{self.section_url(slug, pages)}" class="last" title="Terakhir &raquo;">Terakhir &raquo;</a>'
            )
        return '<div class="pagination">' + "".join(parts) + "</div>"

    def archive_header(self, title: str) -> str:
        return (
            self.crumbs_html((title, None))
            + f'<div class="page-head"><h1 class="page-title">{texturize(title)}</h1><div class="stripe-line"></div><div class="clear"></div></div>'
        )

    def archive_main(self, title: str, listed: list[SampleArticle], nav: str) -> str:
        posts = "".join(self.listed_post(a) for a in listed)
        return self.row(f'{self.archive_header(title)}<div class="post-listing archive-box">{posts}</div>{nav}')

    def home_block(self, name: str, url: str, listed: list[SampleArticle]) -> str:
        first, *others = listed
        items = (
            f'<li class="first-news"><div class="inner-content"><h2 class="post-box-title"><a href="{self.article_url(first)}" rel="bookmark">{texturize(first.title)}</a></h2>'
            f'<p class="post-meta">{self.tie_date(first)}</p><div class="entry"><p>{self.excerpt(first, 15)}</p><a class="more-link" href="{self.article_url(first)}">Baca Selengkapnya &raquo;</a></div></div></li>'
            + "".join(
                f'<li class="other-news"><h3 class="post-box-title"><a href="{self.article_url(x)}" rel="bookmark">{texturize(x.title)}</a></h3><p class="post-meta">{self.tie_date(x)}</p></li>'
                for x in others
            )
        )
        return (
            f'<section class="cat-box list-box"><div class="cat-box-title"><h2><a href="{url}">{texturize(name)}</a></h2><div class="stripe-line"></div></div>'
            f'<div class="cat-box-content"><ul>{items}</ul><div class="clear"></div></div></section>'
        )
