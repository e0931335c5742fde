"""The same site after a redesign: the pages as ThemeGrill's ColorMag 4 prints them.

Reproduced from ColorMag's templates (``header.php``, ``single.php``,
``template-parts/content-single.php``, ``template-parts/entry/*.php``,
``template-parts/content.php``, ``template-parts/content/related-posts.php``,
``inc/template-tags.php``: ``colormag_entry_meta``, ``colormag_colored_category``,
``colormag_numbered_pagination``), with the plugins a regional news site keeps
through a redesign unchanged: Yoast SEO's head (JSON-LD, OpenGraph), Inline
Related Posts' boxes in the content, AddToAny's share buttons around it. No
tagDiv class is left; the articles, their URLs and the truth are the same.
"""

from __future__ import annotations

from datetime import datetime

from .. import vocab
from ..content import SampleArticle
from . import Renderer, attr, listing_date, texturize, wib_iso


def colormag_date(when: datetime) -> str:
    # get_the_date() with the site's date format, "j F Y" in Indonesian
    return f"{when.day} {vocab.MONTHS_ID[when.month - 1]} {when.year}"


class ColorMagRenderer(Renderer):
    """Pages of the sample in ColorMag; the listings, feeds and sitemaps keep their URLs."""

    theme = "colormag"

    # ---- chrome -----------------------------------------------------------
    MENU_CLASS = "menu"
    MENU_ITEM_CLASS = ""
    SUBMENU_OPEN = '<span role="button" tabindex="0" class="cm-submenu-toggle"></span><ul class="sub-menu">'
    HOME_PATH = "/"

    def sidebar(self, with_baca_juga_widget: bool, calendar_month: datetime | None = None) -> str:
        recent = self.site.articles[:5]
        popular = self.site.articles[7:12] if len(self.site.articles) > 12 else self.site.articles[:5]
        widgets = [
            '<aside id="recent-posts-2" class="widget widget_recent_entries"><h3 class="cm-widget-title"><span>Berita Terbaru</span></h3><ul>'
            + "".join(
                f'<li><a href="{self.article_url(a)}">{texturize(a.title)}</a><span class="post-date">{listing_date(a.published)}</span></li>'
                for a in recent
            )
            + "</ul></aside>",
            '<aside id="colormag_featured_posts_vertical_widget-2" class="widget cm-featured-posts cm-featured-posts--style-2">'
            '<h3 class="cm-widget-title"><span>Terpopuler</span></h3><div class="cm-first-post">'
            + "".join(
                f'<div class="cm-post"><div class="cm-post-content"><h3 class="cm-entry-title"><a href="{self.article_url(a)}" '
                f'title="{attr(a.title)}">{texturize(a.title)}</a></h3></div></div>'
                for a in popular
            )
            + "</div></aside>",
        ]
        if with_baca_juga_widget:
            picks = self.site.articles[12:16] or self.site.articles[:4]
            widgets.append(
                '<aside id="custom_html-3" class="widget_text widget widget_custom_html"><h3 class="cm-widget-title"><span>Baca Juga</span></h3>'
                '<div class="textwidget custom-html-widget"><ul>'
                + "".join(f'<li><a href="{self.article_url(a)}">{texturize(a.title)}</a></li>' for a in picks)
                + "</ul></div></aside>"
            )
        return (
            '<div id="cm-secondary" class="cm-secondary"><div class="cm-secondary-inner">'
            + "".join(widgets)
            + "</div></div>"
        )

    def page(self, *, title: str, body_class: str, head: str, main: str, footer_extra: str = "") -> str:
        site_name = "Suarapos.co.id"
        now = self.site.now
        static_links = "".join(
            f'<li class="menu-item"><a href="{self.url("/" + slug + "/")}">{name}</a></li>'
            for slug, name, _ in vocab.STATIC_PAGES
        )
        date_line = f"{vocab.WEEKDAYS_ID[now.weekday()]}, {now.day} {vocab.MONTHS_ID[now.month - 1]} {now.year}"
        return f"""<!DOCTYPE html>
<html lang="id-ID" prefix="og: https://ogp.me/ns#">
<head>
<meta charset="UTF-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="profile" href="http://gmpg.org/xfn/11"/>
<title>{texturize(title)}</title>
{head}
<link rel="alternate" type="application/rss+xml" title="{site_name} &raquo; Feed" href="{self.url("/feed/")}" />
<link rel='stylesheet' id='colormag_style-css' href='{self.url("/wp-content/themes/colormag/style.css?ver=4.2.2")}' type='text/css' media='all' />
<link rel='stylesheet' id='addtoany-css' href='{self.url("/wp-content/plugins/add-to-any/addtoany.min.css?ver=1.16")}' type='text/css' media='all' />
</head>
<body class="{body_class} wp-custom-logo cm-header-layout-1 adv-style-1 cm-normal-container cm-right-sidebar right-sidebar wide">
<a class="skip-link screen-reader-text" href="#cm-main">Langsung ke konten</a>
<div id="cm-page" class="hfeed site">
<header id="cm-masthead" class="cm-header cm-layout-1 cm-layout-1-style-1 cm-full-width">
<div class="cm-top-bar"><div class="cm-container"><div class="cm-row"><div class="cm-top-bar__1"><div class="date-in-header">{date_line}</div></div>
<div class="cm-top-bar__2"><div class="social-links"><ul><li><a href="https://www.facebook.com/suaraposbabel" target="_blank"><i class="fa fa-facebook"></i></a></li></ul></div></div></div></div></div>
<div class="cm-main-header"><div id="cm-header-1" class="cm-header-1"><div class="cm-container"><div class="cm-row">
<div class="cm-header-col-1"><div id="cm-site-branding" class="cm-site-branding"><a href="{self.base}/" class="custom-logo-link" rel="home"><img width="300" height="80" src="{self.url("/wp-content/uploads/logo.png")}" class="custom-logo" alt="{site_name}" /></a></div>
<div id="cm-site-info" class=""><h3 class="cm-site-title"><a href="{self.base}/" title="{site_name}" rel="home">{site_name}</a></h3><p class="cm-site-description">Suara Rakyat Bangka Belitung</p></div></div>
<div class="cm-header-col-2"><div id="header-right-sidebar" class="clearfix"><aside id="colormag_728x90_advertisement_widget-1" class="widget cm-728x90-advertisemen-widget clearfix"><div class="advertisement_728x90"><div class="cm-advertisement-content"><a href="#" class="single_ad_728x90" target="_blank" rel="nofollow"><img src="{self.url("/wp-content/uploads/banner-728x90.jpg")}" width="728" height="90" alt=""></a></div></div></aside></div></div>
</div></div></div>
<div id="cm-header-2" class="cm-header-2"><nav id="cm-primary-nav" class="cm-primary-nav"><div class="cm-container"><div class="cm-row">
<div class="cm-home-icon"><a href="{self.base}/" title="{site_name}"><svg class="cm-icon cm-icon--home" viewBox="0 0 28 22"><path d="M0 0"></path></svg></a></div>
<p class="cm-menu-toggle" aria-expanded="false"><svg class="cm-icon cm-icon--bars" viewBox="0 0 24 24"><path d="M0 0"></path></svg></p>
<div class="cm-menu-primary-container">{self.menu("menu-primary")}</div>
</div></div></nav></div>
</div>
</header>
<div id="cm-content" class="cm-content"><div class="cm-container">
{main}
</div></div>
<footer id="cm-footer" class="cm-footer "><div class="cm-footer-cols"><div class="cm-container"><div class="cm-row">
<div class="cm-lower-footer-cols"><div class="cm-lower-footer-col cm-lower-footer-col--1"><aside class="widget widget_text"><h3 class="cm-widget-title"><span>Tentang Kami</span></h3><div class="textwidget"><p>Suarapos.co.id: berita Bangka Belitung terkini.</p></div></aside></div></div>
</div></div></div>
<div class="cm-footer-bar cm-footer-bar-style-1"><div class="cm-container"><div class="cm-row"><div class="cm-footer-bar-area">
<div class="cm-footer-bar__1"><div class="copyright">Hak Cipta &copy; {now.year} <a href="{self.base}/" title="{site_name}"><span>{site_name}</span></a>. Seluruh hak cipta dilindungi. Tema: <a href="https://themegrill.com/themes/colormag" target="_blank" title="ColorMag" rel="nofollow"><span>ColorMag</span></a> oleh ThemeGrill.</div></div>
<div class="cm-footer-bar__2"><nav class="cm-footer-menu"><ul id="menu-footer" class="menu">{static_links}</ul></nav></div>
</div></div></div></div>
</footer>
<a href="#cm-masthead" id="scroll-up"><i class="fa fa-chevron-up"></i></a>
</div>
{footer_extra}
<script type="text/javascript" src="{self.url("/wp-content/themes/colormag/assets/js/colormag-custom.min.js?ver=4.2.2")}" id="colormag-custom-js"></script>
</body>
</html>
"""

    def row(self, primary: str, with_baca_juga_widget: bool = False) -> str:
        return (
            f'<div class="cm-row"><div id="cm-primary" class="cm-primary">{primary}</div>'
            f"{self.sidebar(with_baca_juga_widget)}</div>"
        )

    # ---- entry parts (inc/template-tags.php) -------------------------------------
    def categories(self, a: SampleArticle) -> str:
        links = "".join(
            f'<a href="{self.section_url(s)}" rel="category tag">{texturize(self.site.sections[s].name)}</a>'
            for s in a.sections
        )
        return f'<div class="cm-entry-header-meta"><div class="cm-post-categories">{links}</div></div>'

    def entry_meta(self, a: SampleArticle, full: bool = True) -> str:
        url = self.article_url(a)
        date = (
            f'<span class="cm-post-date"><a href="{url}" title="{a.published:%H:%M}" rel="bookmark">'
            '<svg class="cm-icon cm-icon--calendar-fill" viewBox="0 0 24 24"><path d="M0 0"></path></svg> '
            f'<time class="entry-date published updated" datetime="{wib_iso(a.published)}">{colormag_date(a.published)}</time></a></span>'
        )
        author = (
            '<span class="cm-author cm-vcard"><svg class="cm-icon cm-icon--user" viewBox="0 0 24 24"><path d="M0 0"></path></svg>'
            f'<a class="url fn n" href="{self.url("/author/" + a.author[0] + "/")}" title="{attr(a.author[1])}">{texturize(a.author[1])}</a></span>'
        )
        extra = ""
        if full:
            extra = (
                f'<span class="cm-post-views"><svg class="cm-icon cm-icon--eye" viewBox="0 0 24 24"><path d="M0 0"></path></svg>'
                f'<span class="total-views">{a.post_id % 997}</span></span>'
            )
            if a.tags:
                extra += (
                    '<span class="cm-tag-links"><svg class="cm-icon cm-icon--tag" viewBox="0 0 24 24"><path d="M0 0"></path></svg> '
                    + ", ".join(f'<a href="{self.tag_url(t)}" rel="tag">{texturize(t)}</a>' for t in a.tags)
                    + "</span>"
                )
        return f'<div class="cm-below-entry-meta cm-separator-default ">{date}{author}{extra}</div>'

    def ad_html(self) -> str:
        # Ad Inserter's block: tagDiv's ad spots went with the theme.
        return (
            '<div class="code-block code-block-2" style="margin: 8px auto; text-align: center; display: block; clear: both;">'
            '<script async src="//pagead2.googlesyndication.com/pagead/js/adsbygoogle.js"></script>'
            '<ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-0000" data-ad-slot="2"></ins>'
            "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>"
        )

    def share_buttons(self, a: SampleArticle, where: str) -> str:
        """AddToAny's buttons, added by its ``the_content`` filter inside the content."""
        url = self.article_url(a)
        return (
            f'<div class="addtoany_share_save_container addtoany_content addtoany_content_{where}"><div class="a2a_kit a2a_kit_size_32 addtoany_list" '
            f'data-a2a-url="{url}" data-a2a-title="{attr(a.title)}">'
            f'<a class="a2a_button_facebook" href="https://www.addtoany.com/add_to/facebook?linkurl={url}" title="Facebook" rel="nofollow noopener" target="_blank"></a>'
            f'<a class="a2a_button_whatsapp" href="https://www.addtoany.com/add_to/whatsapp?linkurl={url}" title="WhatsApp" rel="nofollow noopener" target="_blank"></a>'
            f'<a class="a2a_button_x" href="https://www.addtoany.com/add_to/x?linkurl={url}" title="X" rel="nofollow noopener" target="_blank"></a>'
            '<a class="a2a_dd addtoany_share_save addtoany_share" href="https://www.addtoany.com/share">Bagikan</a></div></div>'
        )

    def related_posts(self, a: SampleArticle) -> str:
        pool = self.related_pool(a)
        if not pool:
            return ""
        items = "".join(
            f'<div class="single-related-posts"><div class="related-posts-thumbnail"><a href="{self.article_url(x)}" title="{attr(x.title)}">'
            f'<img width="390" height="205" src="{self.url(x.image.replace(".jpg", "-390x205.jpg"))}" alt="" /></a></div>'
            f'<div class="cm-post-content"><h3 class="cm-entry-title"><a href="{self.article_url(x)}" rel="bookmark" title="{attr(x.title)}">'
            f"{texturize(x.title)}</a></h3>{self.entry_meta(x, full=False)}</div></div>"
            for x in pool
        )
        return (
            '<div class="related-posts-wrapper style-one"><h3 class="related-posts-main-title"><i class="fa fa-thumbs-up"></i>'
            f'<span>Anda Mungkin Juga Suka</span></h3><div class="related-posts">{items}</div></div>'
        )

    def post_navigation(self, a: SampleArticle) -> str:
        older, newer = self.neighbours(a)
        parts = []
        if older:
            parts.append(
                f'<li class="previous"><a href="{self.article_url(older)}" rel="prev"><span class="meta-nav">&larr;</span> {texturize(older.title)}</a></li>'
            )
        if newer:
            parts.append(
                f'<li class="next"><a href="{self.article_url(newer)}" rel="next">{texturize(newer.title)} <span class="meta-nav">&rarr;</span></a></li>'
            )
        return '<ul class="default-wp-page">' + "".join(parts) + "</ul>"

    def comments(self, a: SampleArticle) -> str:
        url = self.article_url(a)
        items = "".join(
            f'<li class="comment even thread-even depth-1" id="li-comment-{a.post_id * 10 + k}"><article id="comment-{a.post_id * 10 + k}" class="comment">'
            f'<header class="comment-meta comment-author vcard"><div class="comment-author-link"><i class="fa fa-user"></i>Warga {vocab.PLACES[k]}</div></header>'
            '<section class="comment-content comment"><p>Semoga program ini benar-benar dijalankan, kami tunggu hasilnya.</p>'
            f'<a rel="nofollow" class="comment-reply-link" href="{url}?replytocom={a.post_id * 10 + k}#respond">Balas</a></section></article></li>'
            for k in range(a.comments)
        )
        listing = (
            f'<h3 class="comments-title">{a.comments} tanggapan untuk &ldquo;<span>{texturize(a.title)}</span>&rdquo;</h3><ul class="comment-list">{items}</ul>'
            if a.comments
            else ""
        )
        return f"""<div id="comments" class="comments-area">{listing}
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Tinggalkan Balasan <small><a rel="nofollow" id="cancel-comment-reply-link" href="{url}#respond" style="display:none;">Batalkan balasan</a></small></h3>
<form action="{self.url("/wp-comments-post.php")}" method="post" id="commentform" class="comment-form" novalidate><p class="comment-notes"><span id="email-notes">Alamat email Anda tidak akan dipublikasikan.</span></p>
<p class="comment-form-comment"><label for="comment">Komentar</label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Kirim Komentar" /> <input type='hidden' name='comment_post_ID' value='{a.post_id}' id='comment_post_ID' /></p></form></div></div>"""

    # ---- article (single.php, template-parts/content-single.php) --------------------
    def article(self, a: SampleArticle, page: int = 1) -> str:
        classes = (
            f"post-{a.post_id} post type-post status-publish format-standard has-post-thumbnail hentry "
            + " ".join(f"category-{s}" for s in a.sections)
        )
        content = (
            self.share_buttons(a, "top")
            + self.body_html(a, page)
            + self.share_buttons(a, "bottom")
            + self.link_pages(
                a,
                page,
                '<div style="clear: both;"></div><div class="pagination clearfix">Halaman: ',
                "</div>",
                "<span>{}</span>",
            )
        )
        article_html = f"""<article id="post-{a.post_id}" class="{classes}">
<div class="cm-post-content">
<div class="cm-featured-image"><img width="800" height="445" src="{self.url(a.image)}" class="attachment-colormag-featured-image size-colormag-featured-image wp-post-image" alt="" /></div>
{self.categories(a)}
<header class="cm-entry-header"><h1 class="cm-entry-title">{texturize(a.title)}</h1></header>
{self.entry_meta(a)}
<div class="cm-entry-summary">
{content}
</div>
</div>
</article>"""
        primary = (
            f'<div class="cm-posts clearfix">{article_html}</div>'
            f"{self.post_navigation(a)}{self.related_posts(a)}{self.comments(a)}"
        )
        footer_css = self.inline_related_css(a)
        return self.page(
            title=f"{a.title} - Suarapos.co.id",
            body_class=f"post-template-default single single-post postid-{a.post_id} single-format-standard",
            head=self.article_head(a, page),
            main=self.row(primary, with_baca_juga_widget=True),
            footer_extra=footer_css,
        )

    # ---- listings (archive.php, template-parts/content.php) -------------------------------
    def listed_post(self, a: SampleArticle) -> str:
        excerpt = texturize(" ".join(a.paragraphs[0].split()[:20])) + " [&hellip;]"
        return f"""<article id="post-{a.post_id}" class="post-{a.post_id} post type-post status-publish format-standard has-post-thumbnail hentry">
<div class="cm-post-content"><div class="cm-featured-image"><a href="{self.article_url(a)}" title="{attr(a.title)}"><img width="800" height="445" src="{self.url(a.image)}" class="attachment-colormag-featured-image" alt="" /></a></div>
{self.categories(a)}{self.entry_meta(a, full=False)}
<header class="cm-entry-header"><h2 class="cm-entry-title"><a href="{self.article_url(a)}" title="{attr(a.title)}">{texturize(a.title)}</a></h2></header>
<div class="cm-entry-summary"><p>{excerpt}</p><a class="cm-entry-button" title="{attr(a.title)}" href="{self.article_url(a)}"><span>Baca Selengkapnya</span></a></div></div></article>"""

    def numbered_pagination(self, slug: str, page: int, pages: int) -> str:
        """``the_posts_pagination()`` as a list (``colormag_numbered_pagination``)."""
        links = self.paginate_links(
            slug,
            page,
            pages,
            '<i class="fa fa-chevron-left" aria-hidden="true"></i>',
            '<i class="fa fa-chevron-right" aria-hidden="true"></i>',
            mid_size=2,
        )
        items = [f"<li>{link}</li>" for link in links]
        return (
            '<div class="tg-numbered-pagination"><nav class="navigation pagination" aria-label="Pos"><h2 class="screen-reader-text">Navigasi pos</h2>'
            "<div class=\"nav-links\"><ul class='page-numbers'>" + "".join(items) + "</ul></div></nav></div>"
        )

    def archive_main(self, title: str, listed: list[SampleArticle], nav: str) -> str:
        posts = "".join(self.listed_post(a) for a in listed) or (
            '<section class="no-results not-found"><header class="cm-page-header"><h2 class="cm-page-title">Tidak Ada yang Ditemukan</h2></header></section>'
        )
        primary = (
            f'<header class="cm-page-header"><h1 class="cm-page-title"><span>{texturize(title)}</span></h1></header>'
            f'<div class="cm-posts cm-layout-2 cm-layout-2-style-1 col-2">{posts}</div>{nav}'
        )
        return self.row(primary)

    def section(self, slug: str, page: int) -> str:
        s = self.site.sections[slug]
        pages = self.site.section_pages(slug)
        per = self.site.per_page
        listed = self.site.section_articles(slug)[(page - 1) * per : page * per]
        head = [f'<link rel="canonical" href="{self.section_url(slug, page)}" />']
        if page > 1:
            head.append(f'<link rel="prev" href="{self.section_url(slug, page - 1)}" />')
        if page < pages:
            head.append(f'<link rel="next" href="{self.section_url(slug, page + 1)}" />')
        nav = self.numbered_pagination(slug, page, pages) if pages > 1 else ""
        title = f"{s.name} Archives - Suarapos.co.id" + (f" - Halaman {page} dari {pages}" if page > 1 else "")
        return self.page(
            title=title,
            body_class=f"archive category category-{slug} wp-embed-responsive",
            head="\n".join(head),
            main=self.archive_main(s.name, listed, nav),
        )

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
        arts = self.site.articles
        blocks = []
        for s in self.site.sections.values():
            if s.parent:
                continue
            listed = self.site.section_articles(s.slug)[:4]
            if not listed:
                continue
            posts = "".join(
                f'<div class="cm-post"><div class="cm-post-content">{self.categories(a)}<h3 class="cm-entry-title">'
                f'<a href="{self.article_url(a)}" title="{attr(a.title)}">{texturize(a.title)}</a></h3>{self.entry_meta(a, full=False)}</div></div>'
                for a in listed
            )
            blocks.append(
                f'<section id="colormag_featured_posts_widget-{len(blocks) + 2}" class="widget cm-featured-posts cm-featured-posts--style-1">'
                f'<h3 class="cm-widget-title"><span>{texturize(s.name)}</span></h3><div class="cm-first-post">{posts}</div></section>'
            )
        slider = "".join(
            f'<div class="cm-slide"><div class="cm-slide-content"><h3 class="cm-entry-title"><a href="{self.article_url(a)}" title="{attr(a.title)}">'
            f"{texturize(a.title)}</a></h3></div></div>"
            for a in arts[:4]
        )
        primary = (
            f'<section class="widget cm-featured-posts-slider-widget"><div class="cm-slider-area">{slider}</div></section>'
            + "".join(blocks)
        )
        head = (
            f'<link rel="canonical" href="{self.base}/" />\n<meta property="og:locale" content="id_ID" />\n'
            f'<meta property="og:type" content="website" />\n<meta property="og:title" content="Suarapos.co.id" />'
        )
        return self.page(
            title="Suarapos.co.id - Suara Rakyat Bangka Belitung",
            body_class="home blog wp-custom-logo",
            head=head,
            main=self.row(primary),
        )

    def static_page(self, slug: str, title: str, text: str) -> str:
        primary = (
            f'<div class="cm-posts clearfix"><article id="post-{len(slug)}" class="post-{len(slug)} page type-page status-publish hentry">'
            f'<div class="cm-post-content"><header class="cm-entry-header"><h1 class="cm-entry-title">{texturize(title)}</h1></header>'
            f'<div class="cm-entry-summary"><p>{texturize(text)}</p></div></div></article></div>'
        )
        head = f'<link rel="canonical" href="{self.url("/" + slug + "/")}" />\n<meta property="og:type" content="article" />'
        return self.page(
            title=f"{title} - Suarapos.co.id",
            body_class=f"page-template-default page page-id-{len(slug)}",
            head=head,
            main=self.row(primary),
        )

    def not_found(self) -> str:
        primary = (
            '<section class="error-404 not-found"><header class="cm-page-header"><h1 class="cm-page-title">Oops! Halaman itu tidak dapat ditemukan.</h1></header>'
            "<p>Sepertinya tidak ada yang ditemukan di lokasi ini.</p></section>"
        )
        return self.page(
            title="Halaman tidak ditemukan - Suarapos.co.id", body_class="error404", head="", main=self.row(primary)
        )
