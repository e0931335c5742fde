"""The site in Themeansar's Newsup 5.5 (free on wordpress.org). Held out at first (the generic reading was not
written against it): its first measurement found the sections and date it now reads (docs/performance.md).

Reproduced from its templates (``single.php``, ``template-parts/content-single.php``, ``archive.php``,
``inc/ansar/hooks/hook-index-main.php``, ``template-functions.php``: ``newsup_post_meta``, ``newsup_date_display_type``).
Its traps: no breadcrumb, no ``hentry`` and no ``<article id="post-N">`` on a single post; the headline an ``<a>``
without ``href`` inside the ``<h1>``; the date "Nov 29, 2026" as text, no time; the tags as "#tag" links without
``rel`` in the meta line; the content's ``<article>`` holding an inline script, icon-only share links and the post
navigation; "You missed" (four newest posts) on every page.
"""

from __future__ import annotations

from .. import vocab
from ..content import SampleArticle
from . import attr, texturize
from .wordpress import ThemeRenderer, indonesian_date


def newsup_date(a: SampleArticle) -> str:
    """get_the_date('M'), ('j,'), ('Y') on a single post: "Nov 29, 2026"."""
    return f"{vocab.MONTHS_ID[a.published.month - 1][:3]} {a.published.day}, {a.published.year}"


class NewsupRenderer(ThemeRenderer):
    theme = "newsup"
    FURNITURE = ("You missed", "Pos Terkait", "Oleh", "pinIt", "Tinggalkan Balasan")
    DATE_SHOWN = "day"
    MENU_CLASS = "nav navbar-nav mr-auto "
    MENU_ITEM_CLASS = ""
    SUBMENU_OPEN = '<ul role="menu" class=" dropdown-menu">'
    HOME_PATH = "/"

    def cats(self, a: SampleArticle) -> str:
        return "".join(
            f'<a class="newsup-categories category-color-1" href="{self.section_url(s)}" alt="Lihat semua pos di {attr(self.site.sections[s].name)}"> \n {texturize(self.site.sections[s].name)}\n </a>'
            for s in a.sections
        )

    def card_meta(self, a: SampleArticle) -> str:
        month = self.url(f"/{a.published.year}/{a.published.month:02d}/")
        return (
            f'<div class="mg-blog-meta"> <span class="mg-blog-date"><i class="fas fa-clock"></i>\n <a href="{month}">{indonesian_date(a.published)}</a></span>'
            f'<a class="auth" href="{self.author_url(a)}"><i class="fas fa-user-circle"></i>{texturize(a.author[1])}</a></div>'
        )

    # ---- chrome ---------------------------------------------------------------------------------------
    def page(self, *, title: str, body_class: str, head: str, main: str, footer_extra: str = "") -> str:
        missed = "".join(
            f'<div class="col-lg-3 col-sm-6 pulse animated"><div class="mg-blog-post-3 minh back-img mb-lg-0" style="background-image: url(\'{self.url(a.image)}\');">'
            f'<a class="link-div" href="{self.article_url(a)}"></a><div class="mg-blog-inner"><div class="mg-blog-category">{self.cats(a)}</div>'
            f'<h4 class="title"> <a href="{self.article_url(a)}" title="Permalink ke: {attr(a.title)}"> {texturize(a.title)}</a> </h4>{self.card_meta(a)}</div></div></div>'
            for a in self.site.articles[:4]
        )
        now = self.site.now
        return f"""<!DOCTYPE html>
<html lang="id-ID">
<head>
<meta charset="UTF-8">
<title>{texturize(title)}</title>
{head}
</head>
<body class="{body_class} wp-custom-logo wp-embed-responsive ta-hide-date-author-in-list"><div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Langsung ke konten</a>
<div class="wrapper" id="custom-background-css">
<header class="mg-headwidget"><div class="mg-head-detail hidden-xs"><div class="container-fluid"><div class="row align-items-center"><div class="col-md-6 col-xs-12"><ul class="info-left"><li>{vocab.WEEKDAYS_ID[now.weekday()][:3]}. {vocab.MONTHS_ID[now.month - 1][:3]} {now.day}th, {now.year} <span  id="time" class="time"></span></li></ul></div></div></div></div>
<div class="clearfix"></div>
<div class="mg-nav-widget-area-back"><div class="overlay"><div class="inner"><div class="container-fluid"><div class="mg-nav-widget-area"><div class="row align-items-center"><div class="col-md-3 text-center-xs"><div class="navbar-header">
<div class="site-branding-text"><p class="site-title"><a href="{self.base}/" rel="home">Suarapos.co.id</a></p><p class="site-description d-none">Suara Rakyat Bangka Belitung</p></div></div></div></div></div></div></div></div></div>
<div class="mg-menu-full"><nav class="navbar navbar-expand-lg navbar-wp"><div class="container-fluid"><div class="collapse navbar-collapse" id="navbar-wp"><div class="d-md-block">{self.menu("menu-utama")}</div></div></div></nav></div>
</header>
<div class="clearfix"></div>
{main}
<div class="container-fluid missed-section mg-posts-sec-inner"><div class="missed-inner"><div class="row"><div class="col-md-12"><div class="mg-sec-title"><h4>You missed</h4></div></div>{missed}</div></div></div>
<footer class="footer back-img" ><div class="overlay" ><div class="mg-footer-copyright"><div class="container-fluid"><div class="row"><div class="col-md-6 text-xs "><p>
<a href="https://wordpress.org/">Dengan bangga diberdayakan oleh WordPress</a><span class="sep"> | </span>Tema: <a href="https://themeansar.com/free-themes/newsup/" rel="theme-name">Newsup</a> oleh <a href="https://themeansar.com/" rel="designer">Themeansar</a>.</p></div></div></div></div></div></footer>
</div><a href="#" class="ta_upscr bounceInup animated"><i class="fas fa-angle-up"></i></a></div>
{footer_extra}
</body>
</html>
"""

    def sidebar(self, with_baca_juga_widget: bool, calendar_month=None) -> str:
        items = "".join(
            f'<li><a href="{self.article_url(a)}">{texturize(a.title)}</a></li>' for a in self.site.articles[:5]
        )
        return (
            '<aside class="col-md-4 sidebar-sticky"><aside id="secondary" class="widget-area" role="complementary"><div id="sidebar-right" class="mg-sidebar">'
            f'<div id="recent-posts-2" class="mg-widget widget_recent_entries"><div class="mg-wid-title"><h6 class="wtitle">Pos-pos Terbaru</h6></div><ul>{items}</ul></div></div></aside></aside>'
        )

    def row(self, primary: str, with_baca_juga_widget: bool = False) -> str:
        return f'<div id="content" class="container-fluid archive-class"><div class="row"><div class="col-md-8">{primary}</div>{self.sidebar(with_baca_juga_widget)}</div></div>'

    # ---- single post --------------------------------------------------------------------------------------
    def article(self, a: SampleArticle, page: int = 1) -> str:
        url = self.article_url(a)
        older, newer = self.neighbours(a)
        tags = ", ".join(f' <a href="{self.tag_url(t)}">#{texturize(t)}</a>' for t in a.tags)
        nav = '<nav class="navigation post-navigation" aria-label="Pos"><h2 class="screen-reader-text">Navigasi pos</h2><div class="nav-links">'
        if older:
            nav += f'<div class="nav-previous"><a href="{self.article_url(older)}" rel="prev">{texturize(older.title)} <div class="fa fa-angle-double-right"></div><span></span></a></div>'
        if newer:
            nav += f'<div class="nav-next"><a href="{self.article_url(newer)}" rel="next"><div class="fa fa-angle-double-left"></div><span></span> {texturize(newer.title)}</a></div>'
        nav += "</div></nav>"
        related = "".join(
            f'<div class="col-md-4"><div class="mg-blog-post-3 minh back-img mb-md-0 mb-2" style="background-image: url(\'{self.url(x.image)}\');"><div class="mg-blog-inner">'
            f'<div class="mg-blog-category">{self.cats(x)}</div><h4 class="title"> <a href="{self.article_url(x)}" title="Permalink ke: {attr(x.title)}">\n {texturize(x.title)}</a></h4>'
            f'<div class="mg-blog-meta"> <span class="mg-blog-date"><i class="fas fa-clock"></i> {newsup_date(x)}</span><a class="auth" href="{self.author_url(x)}"><i class="fas fa-user-circle"></i>{texturize(x.author[1])}</a> </div></div></div></div>'
            for x in self.related_pool(a)
        )
        main = f"""<main id="content" class="single-class content"><div class="container-fluid"><div class="row"><div class="col-lg-9 col-md-8">
<div class="mg-blog-post-box"><div class="mg-header"><div class="mg-blog-category">{self.cats(a)}</div>
<h1 class="title single"> <a title="Permalink ke: {attr(a.title)}">
 {texturize(a.title)}</a>
 </h1>
<div class="media mg-info-author-block"> <a class="mg-author-pic" href="{self.author_url(a)}"> <img alt='' src='https://secure.gravatar.com/avatar/0?s=150' class='avatar avatar-150 photo' height='150' width='150' loading='lazy' decoding='async'/> </a>
<div class="media-body"><h4 class="media-heading"><span>Oleh</span><a href="{self.author_url(a)}">{texturize(a.author[1])}</a></h4>
<span class="mg-blog-date"><i class="fas fa-clock"></i> \n {newsup_date(a)}\n </span>
{f'<span class="newsup-tags"><i class="fas fa-tag"></i>{tags}</span>' if tags else ""}
</div></div></div>
<img width="1280" height="720" src="{self.url(a.image)}" class="img-fluid single-featured-image wp-post-image" alt="" loading="eager" fetchpriority="high" decoding="async" />
<article class="page-content-single small single">
{self.body_html(a, page)}
{self.link_pages(a, page, '<div class="single-nav-links">', "</div>", "{}")}
<script>
 function pinIt() {{ var e = document.createElement('script'); e.setAttribute('type','text/javascript'); e.setAttribute('charset','UTF-8'); e.setAttribute('src','https://assets.pinterest.com/js/pinmarklet.js?r='+Math.random()*99999999); document.body.appendChild(e); }}
 </script>
<div class="post-share"><div class="post-share-icons cf"><a href="https://www.facebook.com/sharer/sharer.php?u={url}" class="link facebook" target="_blank" rel="noopener noreferrer"><i class="fab fa-facebook"></i></a><a href="http://twitter.com/share?url={url}&#038;text={attr(a.title)}" class="link x-twitter" target="_blank" rel="noopener noreferrer"><i class="fa-brands fa-x-twitter"></i></a><a class="print-r" href="javascript:window.print()"><i class="fas fa-print"></i></a></div></div>
<div class="clearfix mb-3"></div>
{nav}
</article></div>
<div class="media mg-info-author-block"><a class="mg-author-pic" href="{self.author_url(a)}"><img alt='' src='https://secure.gravatar.com/avatar/0?s=150' class='avatar avatar-150 photo' height='150' width='150' /></a><div class="media-body"><h4 class="media-heading">Oleh <a href ="{self.author_url(a)}">{texturize(a.author[1])}</a></h4></div></div>
<div class="mg-featured-slider p-3 mb-4"><div class="mg-sec-title"><h4>Pos Terkait</h4></div><div class="row">{related}</div></div>
<div id="comments" class="comments-area mg-card-box padding-20 mb-md-0 mb-4"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Tinggalkan Balasan</h3><form action="{self.url("/wp-comments-post.php")}" method="post" id="commentform" class="comment-form"><input type="hidden" name="comment_post_ID" value="{a.post_id}" id="comment_post_ID" /></form></div></div>
</div>{self.sidebar(True).replace("col-md-4", "col-lg-3 col-md-4", 1)}</div></div></main>"""
        return self.page(
            title=f"{a.title} &#8211; Suarapos.co.id",
            body_class=f"post-template-default single single-post postid-{a.post_id} single-format-standard",
            head=self.article_head(a, page),
            main=main,
            footer_extra=self.inline_related_css(a),
        )

    # ---- archives --------------------------------------------------------------------------------------------
    def listed_post(self, a: SampleArticle) -> str:
        return (
            f'<article id="post-{a.post_id}" class="d-md-flex mg-posts-sec-post align-items-center post-{a.post_id} post type-post status-publish format-standard has-post-thumbnail hentry">'
            f'<div class="col-12 col-md-6"><div class="mg-post-thumb back-img md" style="background-image: url(\'{self.url(a.image)}\');"><span class="post-form"><i class="fas fa-camera"></i></span><a class="link-div" href="{self.article_url(a)}"></a></div></div>'
            f'<div class="mg-sec-top-post py-3 col"><div class="mg-blog-category">{self.cats(a)}</div><h4 class="entry-title title"><a href="{self.article_url(a)}">{texturize(a.title)}</a></h4>'
            f'{self.card_meta(a)}<div class="mg-content"><p>{self.excerpt(a, 30)}&hellip;</p></div></div></article>'
        )

    def pagination(self, slug: str, page: int, pages: int) -> str:
        items = self.paginate_links(
            slug, page, pages, '<i class="fa fa-angle-left"></i>', '<i class="fa fa-angle-right"></i>', dots=False
        )
        return (
            '<div class="col-md-12 text-center d-flex justify-content-center"><nav class="navigation pagination" aria-label="Paginasi pos"><h2 class="screen-reader-text">Paginasi pos</h2>'
            f'<div class="nav-links">{"".join(items)}</div></nav></div>'
        )

    def archive_main(self, title: str, listed: list[SampleArticle], nav: str) -> str:
        banner = f'<div class="mg-breadcrumb-section"><div class="overlay"><div class="container-fluid"><div class="row"><div class="col-md-12 col-sm-12"><div class="mg-breadcrumb-title"><h1 class="title">Kategori: <span>{texturize(title)}</span></h1></div></div></div></div></div></div><div class="clearfix"></div>'
        posts = "".join(self.listed_post(a) for a in listed)
        return banner + self.row(
            f'<div class="mg-posts-sec mg-posts-modul-6"><div class="mg-posts-sec-inner">{posts}{nav}</div></div>'
        )
