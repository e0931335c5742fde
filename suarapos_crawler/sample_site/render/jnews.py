"""The site in Jegtheme's JNews 11, with its bundled plugins (breadcrumb, JSON-LD, social share) as portals run it.

Reproduced from its templates (``fragment/post/single-post-1.php``, ``meta-post-1.php``, ``class/Category/*``,
``Block_5_View.php``, ``Hero_1_View.php``, ``lib/theme-helper.php``: ``jeg_get_post_date``) and the plugins
``jnews-jsonld`` and ``jnews-breadcrumb``. Its traps: the date is text alone in a link, and by default the *modified*
date when it is later (``jnews_global_post_date`` = modified); the plugin's JSON-LD dates carry no time zone
("2026-11-29 08:15:00", local time) and its ``articleBody`` is the raw post content, Baca Juga boxes included; the
share bar with its counts above the content; "Baca Juga" (the inline related posts, headed as portals set it) and an
ad inside ``content-inner``; "Tags:" at its end; the four newest posts repeated above every page of a category.
"""

from __future__ import annotations

import json

from ..content import SampleArticle
from . import attr, texturize
from .wordpress import ThemeRenderer, indonesian_date


class JNewsRenderer(ThemeRenderer):
    theme = "jnews"
    FURNITURE = (
        "BacaJuga",
        "Baca Juga",
        "SHARES",
        "VIEWS",
        "Bagikan di Facebook",
        "ADVERTISEMENT",
        "Tags:",
        "Artikel Sebelumnya",
        "Berita Terkait",
    )
    DATE_SHOWN = "minute"  # jnews-jsonld's datePublished, in local time
    MENU_CLASS = "jeg_menu jeg_main_menu jeg_menu_style_1"
    MENU_ITEM_CLASS = " bgnav"
    HOME_PATH = "/"

    def shown_date(self, a: SampleArticle) -> str:
        """``jeg_get_post_date``: the modified date when it is later than the published one."""
        return indonesian_date(max(a.published, a.modified))

    def meta_date(self, a: SampleArticle) -> str:
        return f'<div class="jeg_meta_date"><a href="{self.article_url(a)}"><i class="fa fa-clock-o"></i> {self.shown_date(a)}</a></div>'

    def card(self, a: SampleArticle, cls: str = "jeg_pl_lg_2", excerpt: bool = True) -> str:
        section = self.site.sections[a.sections[0]]
        text = (
            f'<div class="jeg_post_excerpt"><p>{self.excerpt(a, 20)} ...</p><a href="{self.article_url(a)}" class="jeg_readmore">Baca selengkapnya<span class="screen-reader-text">Detail</span></a></div>'
            if excerpt
            else ""
        )
        return (
            f'<article class="jeg_post {cls} format-standard"><div class="jeg_thumb"><a href="{self.article_url(a)}" aria-label="Baca artikel: {attr(a.title)}"><div class="thumbnail-container animate-lazy size-715 "><img width="350" height="250" src="data:image/png;base64," class="attachment-jnews-350x250 size-jnews-350x250 wp-post-image lazyload" alt="{attr(a.title)}" data-src="{self.url(a.image)}"></div></a>'
            f'<div class="jeg_post_category"><span><a href="{self.section_url(section.slug)}" class="category-{section.slug}">{texturize(section.name)}</a></span></div></div>'
            f'<div class="jeg_postblock_content"><h3 class="jeg_post_title"><a href="{self.article_url(a)}">{texturize(a.title)}</a></h3>'
            f'<div class="jeg_post_meta"><div class="jeg_meta_author"><span class="by">oleh</span> <a href="{self.author_url(a)}">{texturize(a.author[1])}</a></div>{self.meta_date(a)}'
            f'<div class="jeg_meta_comment"><a href="{self.article_url(a)}#respond" ><i class="fa fa-comment-o"></i> 0 </a></div></div>{text}</div></article>'
        )

    # ---- chrome --------------------------------------------------------------------------------------
    def page(self, *, title: str, body_class: str, head: str, main: str, footer_extra: str = "") -> str:
        menu = self.menu("menu-utama").replace('<ul id="menu-utama" class=', "<ul class=", 1)
        website = json.dumps(
            {
                "@context": "http://schema.org",
                "@type": "WebSite",
                "@id": f"{self.base}/#website",
                "url": f"{self.base}/",
                "name": "Suarapos.co.id",
            }
        )
        return f"""<!DOCTYPE html>
<html class="no-js" lang="id-ID">
<head>
<meta charset="UTF-8">
<title>{texturize(title)}</title>
{head}
<script type='application/ld+json'>{website}</script>
<link rel='stylesheet' id='jnews-frontend-css' href='{self.url("/wp-content/themes/jnews/assets/dist/frontend.min.css?ver=11.6.10")}' type='text/css' media='all' />
</head>
<body class="{body_class} jnews jsc_normal">
<div class="jeg_ad jeg_ad_top jnews_header_top_ads"></div>
<div class="jeg_viewport">
<div class="jeg_header_wrapper"><div class="jeg_header normal">
<div class="jeg_topbar jeg_container normal"><div class="container"><div class="jeg_nav_row"><div class="jeg_nav_col jeg_nav_left jeg_nav_grow"><div class="item_wrap jeg_nav_alignleft"><div class="jeg_nav_item"><ul class="jeg_menu jeg_top_menu"><li class="menu-item"><a href="{self.url("/redaksi/")}">Redaksi</a></li></ul></div></div></div></div></div></div>
<div class="jeg_midbar jeg_container normal"><div class="container"><div class="jeg_nav_row"><div class="jeg_nav_col jeg_nav_left jeg_nav_normal"><div class="item_wrap jeg_nav_alignleft"><div class="jeg_nav_item jeg_logo jeg_desktop_logo"><div class="site-title"><a href="{self.base}/" aria-label="Kunjungi beranda"><img class="jeg_logo_img" src="{self.url("/wp-content/uploads/logo.png")}" alt="Suarapos.co.id"></a></div></div></div></div></div></div></div>
<div class="jeg_bottombar jeg_navbar jeg_container jeg_navbar_wrapper jeg_navbar_normal"><div class="container"><div class="jeg_nav_row"><div class="jeg_nav_col jeg_nav_left jeg_nav_grow"><div class="item_wrap jeg_nav_alignleft"><div class="jeg_nav_item jeg_main_menu_wrapper"><div class="jeg_mainmenu_wrap">{menu}</div></div></div></div></div></div></div>
</div></div>
<div class="jeg_navbar_mobile_wrapper"><div class="jeg_navbar_mobile" data-mode="scroll"></div></div>
{main}
<div class="footer-holder" id="footer" data-id="footer"><div class="jeg_footer jeg_footer_1 dark"><div class="jeg_footer_container jeg_container"><div class="jeg_footer_content"><div class="container">
<div class="jeg_footer_secondary clearfix"><div class="footer_right"><ul class="jeg_menu_footer"><li class="menu-item"><a href="{self.url("/tentang-kami/")}">Tentang Kami</a></li></ul></div><p class="copyright"> &copy; {self.site.now.year} Suarapos.co.id </p></div>
</div></div></div></div></div>
<div class="jscroll-to-top desktop"><a href="#back-to-top" class="jscroll-to-top_link"><i class="fa fa-angle-up"></i></a></div>
</div>
{footer_extra}
</body>
</html>
"""

    def sidebar(self, with_baca_juga_widget: bool, calendar_month=None) -> str:
        items = "".join(
            f'<article class="jeg_post jeg_pl_sm format-standard"><div class="jeg_thumb"><a href="{self.article_url(a)}"><div class="thumbnail-container animate-lazy size-715"><img class="attachment-jnews-120x86 lazyload" src="data:image/png;base64," data-src="{self.url(a.image)}" alt=""></div></a></div>'
            f'<div class="jeg_postblock_content"><h3 class="jeg_post_title"><a href="{self.article_url(a)}">{texturize(a.title)}</a></h3><div class="jeg_post_meta">{self.meta_date(a)}</div></div></article>'
            for a in self.site.articles[:5]
        )
        return (
            '<div class="jeg_sidebar  jeg_sticky_sidebar col-md-4"><div class="jegStickyHolder"><div class="theiaStickySidebar">'
            '<div class="widget widget_jnews_module_block_21" id="jnews_module_block_21-3"><div class="jeg_postblock_21 jeg_postblock jeg_module_hook jeg_pagination_disable jeg_col_1o3 normal">'
            '<div class="jeg_block_heading jeg_block_heading_8 jeg_subcat_right"><h3 class="jeg_block_title"><span>Terbaru</span></h3></div>'
            f'<div class="jeg_block_container"><div class="jeg_posts jeg_load_more_flag">{items}</div></div></div></div></div></div></div>'
        )

    def row(self, primary: str, with_baca_juga_widget: bool = False) -> str:
        return (
            '<div class="jeg_main "><div class="jeg_container"><div class="jeg_content"><div class="jeg_section"><div class="container"><div class="jeg_cat_content row">'
            f'<div class="jeg_main_content jeg_column col-sm-8"><div class="jeg_inner_content">{primary}</div></div>{self.sidebar(with_baca_juga_widget)}</div></div></div></div></div></div>'
        )

    def breadcrumbs(self, *items: tuple[str, str]) -> str:
        parts = [f'<span class="">\n  <a href="{self.base}">Beranda</a>\n </span>']
        for i, (name, url) in enumerate(items):
            last = ' class="breadcrumb_last_link"' if i == len(items) - 1 else ' class=""'
            parts.append(
                f'<i class="fa fa-angle-right"></i><span{last}>\n  <a href="{url}">{texturize(name)}</a>\n </span>'
            )
        return f'<div id="breadcrumbs">{"".join(parts)}</div>'

    # ---- single post ----------------------------------------------------------------------------------
    def post_jsonld(self, a: SampleArticle) -> str:
        """``jnews-jsonld``: dates in local time with no zone, the raw post content as ``articleBody``."""
        data = {
            "@context": "http://schema.org",
            "@type": "Article",
            "mainEntityOfPage": {"@type": "WebPage", "@id": self.article_url(a)},
            "dateCreated": a.published.strftime("%Y-%m-%d %H:%M:%S"),
            "datePublished": a.published.strftime("%Y-%m-%d %H:%M:%S"),
            "dateModified": a.modified.strftime("%Y-%m-%d %H:%M:%S"),
            "url": self.article_url(a),
            "headline": a.title,
            "name": a.title,
            "articleBody": self.body_html(a),
            "author": {"@type": "Person", "name": a.author[1], "url": self.author_url(a)},
            "articleSection": [self.site.sections[s].name for s in a.sections],
            "image": {"@type": "ImageObject", "url": self.url(a.image), "width": 750, "height": 375},
            "publisher": {"@type": "Organization", "name": "Suarapos.co.id", "url": f"{self.base}/"},
        }
        text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
        return f"<script type='application/ld+json'>{text}</script>"

    def share_top(self, a: SampleArticle) -> str:
        url = self.article_url(a)
        return (
            '<div class="jeg_share_top_container"><div class="jeg_share_button clearfix"><div class="jeg_share_stats"><div class="jeg_share_count"><div class="counts">53</div><span class="sharetext">SHARES</span></div>'
            f'<div class="jeg_views_count"><div class="counts">{a.post_id % 997}</div><span class="sharetext">VIEWS</span></div></div><div class="jeg_sharelist">'
            f'<a href="http://www.facebook.com/sharer.php?u={url}" rel="nofollow" class="jeg_btn-facebook expanded"><i class="fa fa-facebook-official"></i><span>Bagikan di Facebook</span></a>'
            f'<a href="https://twitter.com/intent/tweet?text={attr(a.title)}&amp;url={url}" rel="nofollow" class="jeg_btn-twitter expanded"><i class="fa fa-twitter"></i><span>Bagikan di Twitter</span></a>'
            "</div></div></div>"
        )

    def inline_related(self, a: SampleArticle) -> str:
        items = "".join(
            f'<article class="jeg_post jeg_pl_xs format-standard"><div class="jeg_postblock_content"><h3 class="jeg_post_title"><a href="{self.article_url(x)}">{texturize(x.title)}</a></h3></div></article>'
            for x in self.related_pool(a, 2)
        )
        return (
            "<div class='jnews_inline_related_post_wrapper left half'><div class='jnews_inline_related_post'><div class=\"jeg_postblock_29 jeg_postblock jeg_module_hook jeg_pagination_nextprev jeg_col_1o3\">"
            '<div class="jeg_block_heading jeg_block_heading_6 jeg_subcat_right"><h3 class="jeg_block_title"><span>Baca<strong>Juga</strong></span></h3></div>'
            f'<div class="jeg_block_container"><div class="jeg_posts "><div class="jeg_postsmall jeg_load_more_flag">{items}</div></div></div></div></div></div>'
        )

    def content(self, a: SampleArticle, page: int) -> str:
        body = self.body_html(a, page)
        cut = body.find("</p>", body.find("</p>") + 4)
        if cut > 0:
            ad = (
                '<div class="jeg_ad jeg_ad_article jnews_content_inline_ads  "><div class=\'ads-wrapper align-right \'><a href="#"><img src="'
                + self.url("/wp-content/uploads/iklan-300x250.jpg")
                + '" alt=""></a><div class=\'ads-text\'>ADVERTISEMENT</div></div></div>'
            )
            body = body[: cut + 4] + self.inline_related(a) + body[cut + 4 :]
            second = body.find("</p>", body.find("jnews_inline_related_post_wrapper") + 1)
            if second > 0:
                body = body[: second + 4] + ad + body[second + 4 :]
        tags = "".join(f'<a href="{self.tag_url(t)}" rel="tag">{texturize(t)}</a>' for t in a.tags)
        return (
            '<div class="entry-content no-share"><div class="jeg_share_button share-float jeg_sticky_share clearfix share-monocrhome"><div class="jeg_share_float_container"></div></div>'
            '<div class="content-inner ">'
            + body
            + self.link_pages(a, page, '<div class="page-links">', "</div>", "{}")
            + (f'<div class="jeg_post_tags"><span>Tags:</span> {tags}</div>' if tags else "")
            + "</div></div>"
        )

    def article(self, a: SampleArticle, page: int = 1) -> str:
        section = self.site.sections[a.sections[0]]
        older, newer = self.neighbours(a)
        prevnext = '<div class="jnews_prev_next_container"><div class="jeg_prevnext_post">'
        if older:
            prevnext += f'<a href="{self.article_url(older)}" class="post prev-post"><span class="caption">Artikel Sebelumnya</span><h3 class="post-title">{texturize(older.title)}</h3></a>'
        if newer:
            prevnext += f'<a href="{self.article_url(newer)}" class="post next-post"><span class="caption">Artikel Berikutnya</span><h3 class="post-title">{texturize(newer.title)}</h3></a>'
        prevnext += "</div></div>"
        related = "".join(self.card(x, "jeg_pl_md_5", excerpt=False) for x in self.related_pool(a))
        cats = '<span class="category-separator">, </span>'.join(
            f'<a href="{self.section_url(s)}" rel="category tag">{texturize(self.site.sections[s].name)}</a>'
            for s in a.sections
        )
        primary = f"""<div class="jeg_breadcrumbs jeg_breadcrumb_container">{self.breadcrumbs((section.name, self.section_url(section.slug)))}</div>
<div class="entry-header"><h1 class="jeg_post_title">{texturize(a.title)}</h1>
<div class="jeg_meta_container"><div class="jeg_post_meta jeg_post_meta_1"><div class="meta_left">
<div class="jeg_meta_author"><img alt="{attr(a.author[1])}" src="https://secure.gravatar.com/avatar/0?s=80" class="avatar avatar-80 photo" height="80" width="80"> <span class="meta_text">oleh</span> <a href="{self.author_url(a)}">{texturize(a.author[1])}</a></div>
<div class="jeg_meta_date"><a href="{self.article_url(a)}">{self.shown_date(a)}</a></div>
<div class="jeg_meta_category"><span><span class="meta_text">dalam</span> {cats}</span></div>
</div><div class="meta_right"><div class="jeg_meta_comment"><a href="{self.article_url(a)}#respond"><i class="fa fa-comment-o"></i> {a.comments}</a></div></div></div></div></div>
<div class="jeg_featured featured_image "><a href="{self.url(a.image)}"><div class="thumbnail-container animate-lazy" style="padding-bottom:50%"><img class="attachment-jnews-750x375 size-jnews-750x375 wp-post-image lazyload" src="data:image/png;base64," data-src="{self.url(a.image)}" alt=""></div><p class="wp-caption-text">Foto: Suarapos</p></a></div>
{self.share_top(a)}
<div class="jeg_ad jeg_article jnews_content_top_ads "><div class='ads-wrapper  '></div></div>
{self.content(a, page)}
<div class="jeg_share_bottom_container"></div>
{prevnext}
<div class="jnews_related_post_container"><div class="jeg_postblock_22 jeg_postblock jeg_module_hook jeg_pagination_disable jeg_col_2o3"><div class="jeg_block_heading jeg_block_heading_6 jeg_subcat_right"><h3 class="jeg_block_title"><span>Berita<strong> Terkait</strong></span></h3></div><div class="jeg_block_container"><div class="jeg_posts_wrap"><div class="jeg_posts jeg_load_more_flag">{related}</div></div></div></div></div>
<div class="jnews_comment_container"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Tinggalkan Balasan</h3><form action="{self.url("/wp-comments-post.php")}" method="post" id="commentform" class="comment-form"><input type="hidden" name="comment_post_ID" value="{a.post_id}" id="comment_post_ID" /></form></div></div>"""
        return self.page(
            title=f"{a.title} - Suarapos.co.id",
            body_class=f"post-template-default single single-post postid-{a.post_id} single-format-standard jeg_single_tpl_1",
            head=self.article_head(a, page),
            main='<div class="post-wrapper"><div class="post-wrap" >' + self.row(primary, True) + "</div></div>",
            footer_extra=self.post_jsonld(a) + self.inline_related_css(a),
        )

    # ---- archives (category: the hero of the four newest on every page, then Block 5) ----------------------
    def listed_post(self, a: SampleArticle) -> str:
        return self.card(a)

    def pagination(self, slug: str, page: int, pages: int) -> str:
        parts = [f'<span class="page_info">Halaman {page} dari {pages}</span>']
        if page > 1:
            parts.append(
                f'<a class="page_nav prev" aria-label="Tampilkan halaman sebelumnya" href="{self.section_url(slug, page - 1)}"><span class="navtext">Sebelumnya</span></a>'
            )
        for n in sorted({1, pages, *range(max(1, page - 1), min(pages, page + 1) + 1)}):
            parts.append(
                f"<span class='page_number active'>{n}</span>"
                if n == page
                else f"<a class='page_number' href='{self.section_url(slug, n)}'>{n}</a>"
            )
        if page < pages:
            parts.append(
                f'<a class="page_nav next" aria-label="Tampilkan halaman berikutnya" href="{self.section_url(slug, page + 1)}"><span class="navtext">Berikutnya</span></a>'
            )
        return (
            '<div class="jeg_block_navigation"><div class="jeg_navigation jeg_pagination  jeg_pagenav_1 jeg_aligncenter no_navtext no_pageinfo">'
            + "\n".join(parts)
            + "</div></div>"
        )

    def archive_main(self, title: str, listed: list[SampleArticle], nav: str, hero: list[SampleArticle] = ()) -> str:
        heroes = "".join(self.card(a, "jeg_hero_item_1", excerpt=False) for a in hero)
        cards = "".join(self.card(a) for a in listed)
        primary = (
            f'<div class="jnews_category_header_bottom"><div class="jeg_cat_header jeg_cat_header_1"><div class="jeg_breadcrumbs jeg_breadcrumb_category jeg_breadcrumb_container">{self.breadcrumbs((title, "#"))}</div>'
            f'<h1 class="jeg_cat_title">{texturize(title)}</h1></div></div>'
            + (
                f'<div class="jnews_category_hero_container"><div class="jeg_heroblock jeg_heroblock_1 jeg_col_3o3 jeg_hero_style_1"><div class="jeg_heroblock_wrapper">{heroes}</div></div></div>'
                if heroes
                else ""
            )
            + f'<div class="jnews_category_content_wrapper"><div class="jeg_postblock_5 jeg_postblock jeg_module_hook jeg_pagination_nav_1 jeg_col_2o3"><div class="jeg_block_container"><div class="jeg_posts jeg_load_more_flag">{cards}</div></div>{nav}</div></div>'
        )
        return self.row(primary)

    def section_main(self, slug: str, listed: list[SampleArticle], nav: str) -> str:
        """The hero of the section's four newest posts sits above every page of it (it ignores the page)."""
        return self.archive_main(self.site.sections[slug].name, listed, nav, self.site.section_articles(slug)[:4])
