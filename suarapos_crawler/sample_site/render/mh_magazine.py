"""The site in MH Themes' MH Magazine 3.8, with its defaults and its own Indonesian translation.

Reproduced from its templates (``single.php``, ``content-single.php``, ``content-list.php``, ``content-header.php``,
``content-ticker-bottom.php``, ``content-author-box.php``, ``content-social.php``, ``includes/mh-custom-functions.php``,
``mh-breadcrumb.php``, ``mh-advertising.php``). Its traps: the date is the date alone, linked to the month's archive
("7 Desember 2026", class ``updated``, no ``<time>``); a news ticker of headlines and dates in the header of every
page; the featured image with its caption, both share bars and an ad inside ``entry-content``; ``entry-content``
again on the comments; tags as a bare list; the author box "Tentang ..."; numbered pagination without ``rel``.
"""

from __future__ import annotations

from ..content import SampleArticle
from . import attr, texturize
from .wordpress import ThemeRenderer, indonesian_date


class MHMagazineRenderer(ThemeRenderer):
    theme = "mh-magazine"
    FURNITURE = (
        "Berita Terkini",
        "Artikel Sejenis",
        "Sebelumnya",
        "Selanjutnya",
        "Foto: Dok. Suarapos",
        "Tinggalkan Balasan",
        "[...]",
    )
    DATE_SHOWN = "day"
    MENU_CLASS = "menu"
    MENU_ITEM_CLASS = ""
    HOME_PATH = "/"

    def date_meta(self, a: SampleArticle) -> str:
        month = self.url(f"/{a.published.year}/{a.published.month:02d}/")
        return f'<span class="entry-meta-date updated"><i class="fa fa-clock-o"></i><a href="{month}">{indonesian_date(a.published)}</a></span>'

    def author_meta(self, a: SampleArticle) -> str:
        return f'<span class="entry-meta-author author vcard"><i class="fa fa-user"></i><a class="fn" href="{self.author_url(a)}">{texturize(a.author[1])}</a></span>'

    # ---- chrome ------------------------------------------------------------------------------------
    def page(self, *, title: str, body_class: str, head: str, main: str, footer_extra: str = "") -> str:
        ticker = "".join(
            f'<li class="mh-ticker-item mh-ticker-item-bottom"><a href="{self.article_url(a)}" title="{attr(a.title)}"><span class="mh-ticker-item-date mh-ticker-item-date-bottom">[ {indonesian_date(a.published)} ]</span>'
            f'<span class="mh-ticker-item-title mh-ticker-item-title-bottom">{texturize(a.title)}</span>'
            f'<span class="mh-ticker-item-cat mh-ticker-item-cat-bottom"><i class="fa fa-caret-right"></i>{texturize(self.site.sections[a.sections[0]].name)}</span></a></li>'
            for a in self.site.articles[:5]
        )
        return f"""<!DOCTYPE html>
<html class="no-js mh-one-sb" lang="id-ID">
<head>
<meta charset="UTF-8">
<title>{texturize(title)}</title>
{head}
<link rel='stylesheet' id='mh-magazine-css' href='{self.url("/wp-content/themes/mh-magazine/style.css?ver=3.8.6")}' type='text/css' media='all' />
</head>
<body id="mh-mobile" class="{body_class} mh-boxed-layout mh-right-sb mh-loop-layout1 mh-widget-layout1" itemscope="itemscope" itemtype="http://schema.org/WebPage">
<div class="mh-container mh-container-outer">
<div class="mh-header-nav-mobile clearfix"></div>
<div class="mh-preheader"><div class="mh-container mh-container-inner mh-row clearfix"><div class="mh-header-bar-content mh-header-bar-top-left mh-col-2-3 clearfix">
<nav class="mh-navigation mh-header-nav mh-header-nav-top clearfix" itemscope="itemscope" itemtype="http://schema.org/SiteNavigationElement"><div class="menu-atas-container"><ul id="menu-atas" class="menu"><li class="menu-item"><a href="{self.url("/redaksi/")}">Redaksi</a></li></ul></div></nav></div></div></div>
<header class="mh-header" itemscope="itemscope" itemtype="http://schema.org/WPHeader"><div class="mh-container mh-container-inner clearfix"><div class="mh-custom-header clearfix"><div class="mh-header-columns mh-row clearfix">
<div class="mh-col-1-3 mh-site-identity"><div class="mh-site-logo" role="banner" itemscope="itemscope" itemtype="http://schema.org/Brand"><div class="mh-header-text"><a class="mh-header-text-link" href="{self.base}/" title="Suarapos.co.id" rel="home"><h2 class="mh-header-title">Suarapos.co.id</h2><h3 class="mh-header-tagline">Suara Rakyat Bangka Belitung</h3></a></div></div></div>
<aside class="mh-col-2-3 mh-header-widget-2"><div class="mh-widget mh-header-2 widget_media_image"><img src="{self.url("/wp-content/uploads/banner-728x90.jpg")}" alt="" /></div></aside>
</div></div></div>
<div class="mh-main-nav-wrap"><nav class="mh-navigation mh-main-nav mh-container mh-container-inner clearfix" itemscope="itemscope" itemtype="http://schema.org/SiteNavigationElement"><div class="menu-utama-container">{self.menu("menu-utama")}</div></nav></div>
</header>
<div class="mh-subheader"><div class="mh-container mh-container-inner mh-row clearfix"><div class="mh-header-bar-content mh-header-bar-bottom-left mh-col-2-3 clearfix"><div class="mh-header-ticker mh-header-ticker-bottom">
<div class="mh-ticker-bottom"><div class="mh-ticker-title mh-ticker-title-bottom">Berita Terkini<i class="fa fa-chevron-right"></i></div><div class="mh-ticker-content mh-ticker-content-bottom"><ul id="mh-ticker-loop-bottom">{ticker}</ul></div></div>
</div></div></div></div>
<div class="mh-wrapper clearfix"><div class="mh-main clearfix">
{main}
</div></div>
<div class="mh-copyright-wrap"><div class="mh-container mh-container-inner clearfix"><p class="mh-copyright">Copyright &copy; {self.site.now.year} | MH Magazine WordPress Theme by <a href="https://www.mhthemes.com/" title="Premium WordPress Themes" rel="nofollow">MH Themes</a></p></div></div>
<a href="#" class="mh-back-to-top"><i class="fa fa-chevron-up"></i></a>
</div>
{footer_extra}
</body>
</html>
"""

    def sidebar(self, with_baca_juga_widget: bool, calendar_month=None) -> str:
        items = "".join(
            f'<li class="post-{a.post_id} post type-post mh-custom-posts-item mh-custom-posts-small clearfix"><figure class="mh-custom-posts-thumb"><a class="mh-thumb-icon mh-thumb-icon-small" href="{self.article_url(a)}" title="{attr(a.title)}"><img width="80" height="60" src="{self.url(a.image)}" alt=""></a></figure>'
            f'<div class="mh-custom-posts-header"><div class="mh-custom-posts-small-title"><a href="{self.article_url(a)}" title="{attr(a.title)}">{texturize(a.title)}</a></div>'
            f'<div class="mh-meta entry-meta">{self.date_meta(a)}</div></div></li>'
            for a in self.site.articles[7:12] or self.site.articles[:5]
        )
        return (
            '<aside class="mh-widget-col-1 mh-sidebar" itemscope="itemscope" itemtype="http://schema.org/WPSideBar"><div id="mh_magazine_custom_posts-2" class="mh-widget mh_magazine_custom_posts">'
            f'<h4 class="mh-widget-title"><span class="mh-widget-title-inner">Terpopuler</span></h4><ul class="mh-custom-posts-widget clearfix">{items}</ul></div></aside>'
        )

    def row(self, primary: str, with_baca_juga_widget: bool = False) -> str:
        return f'<div id="main-content" class="mh-loop mh-content" role="main">{primary}</div>{self.sidebar(with_baca_juga_widget)}'

    def breadcrumb(self, *items: tuple[str, str | None]) -> str:
        sep = '<span class="mh-breadcrumb-delimiter"><i class="fa fa-angle-right"></i></span>'
        parts = [
            f'<span itemscope itemtype="http://data-vocabulary.org/Breadcrumb"><a href="{self.base}" itemprop="url"><span itemprop="title">Beranda</span></a></span>'
        ]
        for name, url in items:
            parts.append(sep)
            parts.append(
                f'<span itemscope itemtype="http://data-vocabulary.org/Breadcrumb"><a href="{url}" itemprop="url"><span itemprop="title">{texturize(name)}</span></a></span>'
                if url
                else texturize(name)
            )
        return '<nav class="mh-breadcrumb">' + "".join(parts) + "</nav>"

    # ---- single post -------------------------------------------------------------------------------
    def share(self, a: SampleArticle, where: str) -> str:
        url = self.article_url(a)
        return (
            f'<div class="mh-social-{where}"><div class="mh-share-buttons clearfix">'
            f'<a class="mh-facebook" href="#" onclick="window.open(\'https://www.facebook.com/sharer.php?u={url}\', \'facebookShare\', \'width=626,height=436\'); return false;" title="Bagikan di Facebook"><span class="mh-share-button"><i class="fa fa-facebook"></i></span></a>'
            f'<a class="mh-twitter" href="#" onclick="window.open(\'https://twitter.com/share?text={attr(a.title)}&url={url}\', \'twitterShare\', \'width=626,height=436\'); return false;" title="Tweet artikel ini"><span class="mh-share-button"><i class="fa fa-twitter"></i></span></a>'
            f'<a class="mh-email" href="mailto:?subject={attr(a.title)}&amp;body={url}" title="Kirim artikel ini ke teman" target="_blank"><span class="mh-share-button"><i class="fa fa-envelope-o"></i></span></a>'
            "</div></div>"
        )

    def content(self, a: SampleArticle, page: int) -> str:
        body = self.body_html(a, page)
        cut = body.find("</p>")
        if cut > 0:  # mh_magazine_content_ad: after the first paragraph
            body = (
                body[: cut + 4]
                + '<div class="mh-content-ad"><a href="#"><img src="'
                + self.url("/wp-content/uploads/iklan-468x60.jpg")
                + '" alt="" /></a></div>'
                + body[cut + 4 :]
            )
        return (
            '<div class="entry-content clearfix">'
            f'<figure class="entry-thumbnail"><img src="{self.url(a.image)}" alt="" title="{attr(a.title)}" /><figcaption class="wp-caption-text">Foto: Dok. Suarapos</figcaption></figure>'
            + self.share(a, "top")
            + body
            + self.link_pages(
                a, page, '<div class="pagination clearfix">', "</div>", '<span class="pagelink">{}</span>'
            )
            + self.share(a, "bottom")
            + "</div>"
        )

    def after_post(self, a: SampleArticle) -> str:
        older, newer = self.neighbours(a)
        author = (
            '<div class="mh-author-box clearfix"><figure class="mh-author-box-avatar"><img alt="" src="https://secure.gravatar.com/avatar/0?s=125" class="avatar avatar-125 photo" height="125" width="125" /></figure>'
            f'<div class="mh-author-box-header"><span class="mh-author-box-name">Tentang {texturize(a.author[1])}</span><span class="mh-author-box-postcount"><a href="{self.author_url(a)}" title="Artikel lainnya yang ditulis oleh {attr(a.author[1])}\'">{a.post_id % 300 + 20} Artikel</a></span></div>'
            f'<div class="mh-author-box-bio">Wartawan Suarapos.co.id di {texturize(self.site.sections[a.sections[0]].name)}.</div></div>'
        )
        nav = '<nav class="mh-post-nav mh-row clearfix" itemscope="itemscope" itemtype="http://schema.org/SiteNavigationElement">'
        if older:
            nav += f'<div class="mh-col-1-2 mh-post-nav-item mh-post-nav-prev"><a href="{self.article_url(older)}" rel="prev"><span>Sebelumnya</span><p>{texturize(older.title)}</p></a></div>'
        if newer:
            nav += f'<div class="mh-col-1-2 mh-post-nav-item mh-post-nav-next"><a href="{self.article_url(newer)}" rel="next"><span>Selanjutnya</span><p>{texturize(newer.title)}</p></a></div>'
        nav += "</nav>"
        related = ""
        if a.tags:
            cards = "".join(
                f'<div class="mh-col-1-3 mh-posts-grid-col clearfix"><article class="post-{x.post_id} format-standard mh-posts-grid-item clearfix"><figure class="mh-posts-grid-thumb"><a class="mh-thumb-icon mh-thumb-icon-small-mobile" href="{self.article_url(x)}" title="{attr(x.title)}"><img src="{self.url(x.image)}" alt=""></a>'
                f'<div class="mh-image-caption mh-posts-grid-caption">{texturize(self.site.sections[x.sections[0]].name)}</div></figure>'
                f'<h3 class="entry-title mh-posts-grid-title"><a href="{self.article_url(x)}" title="{attr(x.title)}" rel="bookmark">{texturize(x.title)}</a></h3>'
                f'<div class="mh-meta entry-meta">{self.date_meta(x)}{self.author_meta(x)}</div>'
                f'<div class="mh-posts-grid-excerpt clearfix"><div class="mh-excerpt"><p>{self.excerpt(x, 25)} <a class="mh-excerpt-more" href="{self.article_url(x)}" title="{attr(x.title)}">[...]</a></p></div></div></article></div>'
                for x in self.related_pool(a)
            )
            related = f'<section class="mh-related-content"><h3 class="mh-widget-title mh-related-content-title"><span class="mh-widget-title-inner">Artikel Sejenis</span></h3><div class="mh-related-wrap mh-row clearfix">{cards}</div></section>'
        return author + nav + related

    def comments(self, a: SampleArticle) -> str:
        items = "".join(
            f'<li id="comment-{a.post_id * 10 + k}" class="comment even thread-even depth-1"><article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Warga</b></div></footer>'
            '<div class="entry-content"><p>Semoga program ini benar-benar dijalankan, kami tunggu hasilnya.</p></div></article></li>'
            for k in range(a.comments)
        )
        listed = (
            f'<h4 id="mh-comments" class="mh-widget-title mh-comment-title"><span class="mh-widget-title-inner">{a.comments} Komentar</span></h4><ol class="commentlist mh-comment-list">{items}</ol>'
            if a.comments
            else ""
        )
        return (
            f'{listed}<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Tinggalkan Balasan</h3>'
            f'<form action="{self.url("/wp-comments-post.php")}" method="post" id="commentform" class="comment-form"><input type="hidden" name="comment_post_ID" value="{a.post_id}" id="comment_post_ID" /></form></div>'
        )

    def article(self, a: SampleArticle, page: int = 1) -> str:
        section = self.site.sections[a.sections[0]]
        classes = (
            f"post-{a.post_id} post type-post status-publish format-standard has-post-thumbnail hentry "
            + " ".join(f"category-{s}" for s in a.sections)
        )
        tags = (
            '<div class="entry-tags clearfix"><i class="fa fa-tag"></i><ul>'
            + "".join(f'<li><a href="{self.tag_url(t)}" rel="tag">{texturize(t)}</a></li>' for t in a.tags)
            + "</ul></div>"
            if a.tags
            else ""
        )
        primary = f"""{self.breadcrumb((section.name, self.section_url(section.slug)), (a.title, None))}
<article id="post-{a.post_id}" class="{classes}">
<header class="entry-header clearfix"><h1 class="entry-title">{texturize(a.title)}</h1>
<div class="mh-meta entry-meta">{self.date_meta(a)}{self.author_meta(a)}<span class="entry-meta-categories"><i class="fa fa-folder-open-o"></i>{self.category_links(a)}</span><span class="entry-meta-comments"><i class="fa fa-comment-o"></i><a href="{self.article_url(a)}#respond" class="mh-comment-count-link" >{a.comments}</a></span></div>
</header>
{self.content(a, page)}
{tags}
</article>
{self.after_post(a)}
{self.comments(a)}"""
        return self.page(
            title=f"{a.title} - Suarapos.co.id",
            body_class=f"post-template-default single single-post postid-{a.post_id} single-format-standard",
            head=self.article_head(a, page),
            main=f'<div id="main-content" class="mh-content" role="main" itemprop="mainContentOfPage">{primary}</div>{self.sidebar(True)}',
            footer_extra=self.inline_related_css(a),
        )

    # ---- archives ----------------------------------------------------------------------------------
    def listed_post(self, a: SampleArticle) -> str:
        return f"""<article class="post-{a.post_id} post type-post status-publish format-standard has-post-thumbnail hentry mh-posts-list-item clearfix">
<figure class="mh-posts-list-thumb"><a class="mh-thumb-icon mh-thumb-icon-small-mobile" href="{self.article_url(a)}"><img width="326" height="245" src="{self.url(a.image)}" class="attachment-mh-magazine-medium size-mh-magazine-medium wp-post-image" alt=""></a>
<div class="mh-image-caption mh-posts-list-caption">{texturize(self.site.sections[a.sections[0]].name)}</div></figure>
<div class="mh-posts-list-content clearfix"><header class="mh-posts-list-header"><h3 class="entry-title mh-posts-list-title"><a href="{self.article_url(a)}" title="{attr(a.title)}" rel="bookmark">{texturize(a.title)}</a></h3>
<div class="mh-meta entry-meta">{self.date_meta(a)}{self.author_meta(a)}<span class="entry-meta-comments"><i class="fa fa-comment-o"></i><a href="{self.article_url(a)}#respond" class="mh-comment-count-link" >0</a></span></div></header>
<div class="mh-posts-list-excerpt clearfix"><div class="mh-excerpt"><p>{self.excerpt(a, 35)} <a class="mh-excerpt-more" href="{self.article_url(a)}" title="{attr(a.title)}">[...]</a></p></div></div></div>
</article>"""

    def pagination(self, slug: str, page: int, pages: int) -> str:
        items = self.paginate_links(slug, page, pages, "&laquo;", "&raquo;")
        return (
            '<div class="mh-loop-pagination clearfix"><nav class="navigation pagination" aria-label="Pos"><h2 class="screen-reader-text">Navigasi pos</h2>'
            f'<div class="nav-links">{"".join(items)}</div></nav></div>'
        )

    def archive_header(self, title: str) -> str:
        return (
            self.breadcrumb((title, None))
            + f'<header class="page-header"><h1 class="page-title">{texturize(title)}</h1></header>'
        )
