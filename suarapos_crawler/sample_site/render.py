"""HTML, XML and text of the sample site's pages, as WordPress + tagDiv Newspaper print them.

Markup follows ``shared/site-dossier.md`` (Newspaper 9.7 classic single template,
tagDiv Composer "tdb" template, Yoast SEO, Inline Related Posts).  Every page is
a pure function of the ``Site`` and the base URL, so two servers with the same
seed and "now" serve the same bytes.
"""

from __future__ import annotations

import hashlib
import html
import json
from datetime import UTC, datetime, timedelta

from . import vocab
from .content import DELETED_POST_ID, DELETED_SLUG, LONG_PATH_POST_ID, SampleArticle, Site

UTC = UTC
TEXTURE = {"–": "&#8211;", "—": "&#8212;", "“": "&#8220;", "”": "&#8221;", "’": "&#8217;", "…": "&#8230;"}
IRP_CSS = (
    " .{c} {{ padding:0px; margin: 0; padding-top:1em!important; padding-bottom:1em!important; width:100%;"
    " display: block; font-weight:bold; background-color:#eaeaea; border:0!important;"
    " border-left:4px solid #34495E!important; text-decoration:none; }}"
    " .{c}:active, .{c}:hover {{ opacity: 1; transition: opacity 250ms; text-decoration:none; }}"
    " .{c} .ctaText {{ font-weight:bold; color:inherit; text-decoration:none; font-size: 16px; }}"
    " .{c} .postTitle {{ color:#2C3E50; text-decoration: underline!important; font-size: 16px; }}"
    " .{c}:hover .postTitle {{ text-decoration: underline!important; }} "
)


def texturize(text: str) -> str:
    """Escape text for HTML and print the typographic characters as wptexturize entities."""
    out = html.escape(text, quote=False)
    for char, entity in TEXTURE.items():
        out = out.replace(char, entity)
    return out


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def utc_iso(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def wib_iso(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S+07:00")


def wall_clock_as_utc(when: datetime) -> str:
    """Newspaper <= 9's bug: the WIB wall-clock time labelled +00:00."""
    return when.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def long_date(when: datetime) -> str:
    return f"{vocab.WEEKDAYS_ID[when.weekday()]}, {when.day} {vocab.MONTHS_ID[when.month - 1]} {when.year}"


def listing_date(when: datetime) -> str:
    return f"{when.day} {vocab.MONTHS_ID[when.month - 1]} {when.year}"


def display_date(article: SampleArticle) -> str:
    when = article.published
    kind = article.date_display
    if kind == "short":
        return f"{when.day} {vocab.MONTHS_ID_SHORT[when.month - 1]} {when.year}"
    if kind == "wp_default":
        return f"{vocab.MONTHS_ID[when.month - 1]} {when.day}, {when.year}"
    if kind in ("with_time", "text_only"):
        return f"{long_date(when)} - {when:%H:%M} WIB"
    return long_date(when)


def topbar_date(now: datetime) -> str:
    # Newspaper's td_data_time: "l, F j, Y", today's date, not the article's.
    return f"{vocab.WEEKDAYS_ID[now.weekday()]}, {vocab.MONTHS_ID[now.month - 1]} {now.day}, {now.year}"


class Renderer:
    def __init__(self, site: Site, base_url: str):
        self.site = site
        self.base = base_url.rstrip("/")

    # ---- URLs -------------------------------------------------------------
    def url(self, path: str) -> str:
        return self.base + path

    def article_url(self, article: SampleArticle) -> str:
        return self.url(article.path)

    def section_url(self, slug: str, page: int = 1) -> str:
        path = self.site.sections[slug].path
        return self.url(path if page == 1 else f"{path}page/{page}/")

    def tag_url(self, tag: str) -> str:
        from .content import slugify

        return self.url(f"/tag/{slugify(tag)}/")

    def href_for(self, target_id: int, spelling: str) -> tuple[str, str]:
        """How an editor's link to an article is spelled, and the title it shows."""
        if target_id == DELETED_POST_ID:
            return self.url(f"/{DELETED_SLUG}/"), "Berita Ini Sudah Dihapus Redaksi"
        if target_id == LONG_PATH_POST_ID:
            return self.url("/" + "berita-panjang-" * 200 + "/"), "Berita Dengan Alamat Sangat Panjang"
        target = self.site.by_id.get(target_id)
        if target is None:  # linked article is not live on this day
            return self.url(f"/?p={target_id}"), "Berita"
        slug = target.slug
        if spelling == "no_slash":
            return self.url(f"/{slug}"), target.title
        if spelling == "utm":
            return self.url(f"/{slug}/?utm_source=internal&utm_medium=baca_juga"), target.title
        if spelling == "old_slug" and target.old_slugs:
            return self.url(f"/{target.old_slugs[0]}/"), target.title
        if spelling == "other_host":
            return f"https://suarapos.co.id/{slug}/", target.title
        if spelling == "fragment":
            return self.url(f"/{slug}/#respond"), target.title
        if spelling == "amp":
            return self.url(f"/{slug}/amp/"), target.title
        if spelling == "amp_query":
            return self.url(f"/{slug}/?amp=1"), target.title
        if spelling == "dotdot":
            return self.url(f"/category/berita/../../{slug}/"), target.title
        return self.url(f"/{slug}/"), target.title

    # ---- chrome -----------------------------------------------------------
    def menu(self, ul_id: str) -> str:
        items = [f'<li class="menu-item menu-item-type-custom menu-item-home"><a href="{self.base}">Beranda</a></li>']
        for s in self.site.sections.values():
            if s.parent:
                continue
            children = [c for c in self.site.sections.values() if c.parent == s.slug]
            sub = ""
            if children:
                sub = (
                    '<ul class="sub-menu">'
                    + "".join(
                        f'<li class="menu-item menu-item-type-taxonomy menu-item-object-category">'
                        f'<a href="{self.section_url(c.slug)}">{texturize(c.name)}</a></li>'
                        for c in children
                    )
                    + "</ul>"
                )
            cls = " menu-item-has-children" if children else ""
            items.append(
                f'<li class="menu-item menu-item-type-taxonomy menu-item-object-category td-menu-item{cls}">'
                f'<a href="{self.section_url(s.slug)}">{texturize(s.name)}</a>{sub}</li>'
            )
        return f'<ul id="{ul_id}" class="sf-menu">' + "".join(items) + "</ul>"

    def module(self, a: SampleArticle, layout: str = "td_module_1", cut: bool = True) -> str:
        title = a.title
        shown = title if not cut or len(title) <= 62 else title[:58].rsplit(" ", 1)[0] + "..."
        url = self.article_url(a)
        section = self.site.sections[a.sections[0]]
        thumb = (
            f'<div class="td-module-thumb"><a href="{url}" rel="bookmark" class="td-image-wrap" title="{attr(title)}">'
            f'<img class="entry-thumb" src="" alt="" title="{attr(title)}" data-type="image_tag" '
            f'data-img-url="{self.url(a.image.replace(".jpg", "-324x160.jpg"))}" width="324" height="160" /></a></div>'
        )
        meta = (
            f'<div class="td-module-meta-info"><span class="td-post-author-name"><a href="{self.url("/author/" + a.author[0] + "/")}">'
            f"{texturize(a.author[1])}</a> <span>-</span> </span>"
            f'<span class="td-post-date"><time class="entry-date updated td-module-date" '
            f'datetime="{wall_clock_as_utc(a.published)}" >{listing_date(a.published)}</time></span>'
            f'<div class="td-module-comments"><a href="{url}#respond">{a.comments}</a></div></div>'
        )
        h3 = (
            f'<h3 class="entry-title td-module-title"><a href="{url}" rel="bookmark" title="{attr(title)}">'
            f"{texturize(shown)}</a></h3>"
        )
        cat = f'<a href="{self.section_url(section.slug)}" class="td-post-category">{texturize(section.name)}</a>'
        excerpt = texturize(" ".join(a.paragraphs[0].split()[:24])) + " [&#8230;]"
        if layout == "td_module_10":
            return (
                f'<div class="td_module_10 td_module_wrap td-animation-stack">{thumb}'
                f'<div class="item-details">{h3}<div class="td-module-meta-info">{cat}</div>{meta}'
                f'<div class="td-excerpt">{excerpt}</div></div></div>'
            )
        extra = f'<div class="td-excerpt">{excerpt}</div>' if layout == "td_module_2" else ""
        return (
            f'<div class="{layout} td_module_wrap td-animation-stack"><div class="td-module-image">{thumb}{cat}</div>'
            f"{h3}{meta}{extra}</div>"
        )

    def sidebar(self, with_baca_juga_widget: bool, calendar_month: datetime | None = None) -> str:
        popular = self.site.articles[7:12] if len(self.site.articles) > 12 else self.site.articles[:5]
        widgets = [
            '<aside class="td_block_template_1 widget widget_block"><h4 class="block-title"><span>TERPOPULER</span></h4>'
            '<div class="td_block_inner">'
            + "".join(
                f'<div class="td_module_6 td_module_wrap"><div class="item-details"><h3 class="entry-title td-module-title">'
                f'<a href="{self.article_url(a)}" rel="bookmark" title="{attr(a.title)}">{texturize(a.title)}</a></h3>'
                f'<div class="td-module-meta-info"><span class="td-post-date"><time class="entry-date updated td-module-date" '
                f'datetime="{wall_clock_as_utc(a.published)}">{listing_date(a.published)}</time></span></div></div></div>'
                for a in popular
            )
            + "</div></aside>"
        ]
        if with_baca_juga_widget:
            picks = self.site.articles[12:16] or self.site.articles[:4]
            widgets.append(
                '<aside class="widget widget_custom_html"><h4 class="block-title"><span>Baca Juga</span></h4><ul>'
                + "".join(f'<li><a href="{self.article_url(a)}">{texturize(a.title)}</a></li>' for a in picks)
                + "</ul></aside>"
            )
        month = calendar_month or self.site.now
        prev = month.replace(day=1) - timedelta(days=1)
        widgets.append(
            '<aside class="widget widget_calendar"><div class="calendar_wrap"><table id="wp-calendar" class="wp-calendar-table">'
            f"<caption>{vocab.MONTHS_ID[month.month - 1]} {month.year}</caption><tbody><tr><td>1</td></tr></tbody></table>"
            f'<nav class="wp-calendar-nav"><span class="wp-calendar-nav-prev"><a href="{self.url(prev.strftime("/%Y/%m/"))}">'
            f"&laquo; {vocab.MONTHS_ID_SHORT[prev.month - 1]}</a></span></nav></div></aside>"
        )
        return (
            '<div class="td-pb-span4 td-main-sidebar" role="complementary"><div class="td-ss-main-sidebar">'
            + "".join(widgets)
            + "</div></div>"
        )

    def page(self, *, title: str, body_class: str, head: str, main: str, footer_extra: str = "") -> str:
        site_name = "Suarapos.co.id"
        static_links = "".join(
            f'<li><a href="{self.url("/" + slug + "/")}">{name}</a></li>' for slug, name, _ in vocab.STATIC_PAGES
        )
        now = self.site.now
        return f"""<!doctype html >
<html lang="id-ID" prefix="og: https://ogp.me/ns#">
<head>
<meta charset="UTF-8" />
<title>{texturize(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1.0">
{head}
<link rel="alternate" type="application/rss+xml" title="{site_name} &raquo; Feed" href="{self.url("/feed/")}" />
<link rel="https://api.w.org/" href="{self.url("/wp-json/")}" />
<link rel='stylesheet' id='td-theme-css' href='{self.url("/wp-content/themes/Newspaper/style.css?ver=9.7.1")}' type='text/css' media='all' />
</head>
<body class="{body_class} td-standard-pack global-block-template-1 td-full-layout" itemscope="itemscope" itemtype="https://schema.org/WebPage">
<div class="td-menu-background"></div>
<div id="td-mobile-nav"><div class="td-mobile-content"><div class="menu-main-menu-container">{self.menu("menu-main-menu-1")}</div></div></div>
<div id="td-outer-wrap" class="td-theme-wrap">
<div class="td-header-wrap td-header-style-1">
<div class="td-header-top-menu-full"><div class="td-header-top-menu"><div class="td_data_time"><div>{topbar_date(now)}</div></div></div></div>
<div class="td-banner-wrap-full td-logo-wrap-full"><div class="td-header-sp-logo"><h1 class="td-logo"><a class="td-main-logo" href="{self.base}/">
<img src="{self.url("/wp-content/uploads/logo.png")}" alt=""/><span class="td-visual-hidden">{site_name}</span></a></h1></div>
<div class="td-header-sp-recs"><div class="td-header-rec-wrap"><div class="td-a-rec td-a-rec-id-header"><span class="td-adspot-title">- Advertisement -</span></div></div></div></div>
<div class="td-header-menu-wrap-full"><div id="td-header-menu" role="navigation"><div class="menu-main-menu-container">{self.menu("menu-main-menu")}</div></div></div>
</div>
{main}
<div class="td-footer-wrapper"><div class="td-container"><aside class="widget"><h4 class="block-title"><span>POPULER</span></h4></aside></div></div>
<div class="td-sub-footer-container"><div class="td-sub-footer-copy">&copy; {site_name} {now.year}</div><ul class="menu">{static_links}</ul></div>
</div>
{footer_extra}
<script type='text/javascript' src='{self.url("/wp-content/themes/Newspaper/js/tagdiv_theme.min.js?ver=9.7.1")}'></script>
</body>
</html>
<!-- WP Fastest Cache file was created in 0.61 seconds, on {now:%d-%m-%y} 7:05:11 -->
"""

    def crumbs(self, *items: tuple[str, str | None]) -> str:
        parts = ['<span><a title="" class="entry-crumb" href="' + self.base + '/">Beranda</a></span>']
        for name, url in items:
            if url:
                parts.append(
                    f'<i class="td-icon-right td-bread-sep"></i><span><a title="Lihat semua kiriman dalam {attr(name)}" '
                    f'class="entry-crumb" href="{url}">{texturize(name)}</a></span>'
                )
            else:
                parts.append(
                    f'<i class="td-icon-right td-bread-sep td-bred-no-url-last"></i><span class="td-bred-no-url-last">{texturize(name)}</span>'
                )
        return '<div class="td-crumb-container"><div class="entry-crumbs">' + " ".join(parts) + "</div></div>"

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
        rows = []
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

    # ---- article ------------------------------------------------------------------
    def dateline_html(self, a: SampleArticle) -> str:
        if not a.dateline:
            return ""
        variant = a.post_id % 4
        dash = texturize(a.dash)
        if variant == 0:
            return f"<strong>{a.dateline}</strong> {dash} "
        if variant == 1:
            return f"<strong>{a.dateline} {dash}</strong> "
        if variant == 2:
            return f"{a.dateline} {dash}&nbsp;"
        return f"<b>{a.dateline}</b>&nbsp;{dash} "

    def paragraph_html(self, a: SampleArticle, i: int) -> str:
        text = texturize(a.paragraphs[i])
        if "Bangka Belitung" in text and i % 2 == 1:
            text = text.replace(
                "Bangka Belitung", f'<a href="{self.tag_url("Bangka Belitung")}">Bangka Belitung</a>', 1
            )
        elif "“" in a.paragraphs[i] and a.post_id % 3 == 0:
            text = text.replace("&#8220;", "<em>&#8220;", 1).replace("&#8221;", "&#8221;</em>", 1)
        return (self.dateline_html(a) if i == 0 else "") + text

    def baca_juga_html(self, a: SampleArticle, box_index: int, box) -> str:
        links = [self.href_for(t, sp) for t, sp in zip(box.targets, box.spellings, strict=False)]
        shape = box.shape
        if shape in ("irp", "irp_footer_css"):
            href, title = links[0]
            cls = "u" + hashlib.md5(f"{a.post_id}-{box_index}".encode()).hexdigest()
            style = f"<style>{IRP_CSS.format(c=cls)}</style>" if shape == "irp" else ""
            label = (
                '<span class="ctaText">Baca Juga</span>&nbsp;\n'
                if shape == "irp"
                else '<span class="ctaText">Baca Juga:</span>&nbsp;&nbsp;'
            )
            n = sum(1 for b in a.baca_juga[: box_index + 1] if b.shape.startswith("irp"))
            return (
                f'<div style="clear:both; margin-top:0em; margin-bottom:1em;"><a href="{attr(href)}" target="_blank" rel="nofollow" class="{cls}">'
                f'<!-- INLINE RELATED POSTS {n}/3 //-->{style}<div style="padding-left:1em; padding-right:1em;">{label}'
                f'<span class="postTitle">{texturize(title)}</span></div></a></div>'
            )
        href, title = links[0]
        if shape == "strong_colon":
            return f'<p><strong>Baca Juga:</strong> <a href="{attr(href)}">{texturize(title)}</a></p>'
        if shape == "plain":
            return f'<p>Baca juga: <a href="{attr(href)}">{texturize(title)}</a></p>'
        if shape == "red_span":
            return f'<p><span style="color: #ff0000;"><strong>BACA JUGA :</strong></span> <a href="{attr(href)}"><strong>{texturize(title)}</strong></a></p>'
        if shape == "list_box":
            items = "".join(f'<li><a href="{attr(h)}">{texturize(t)}</a></li>' for h, t in links)
            return f'<div style="background:#f5f5f5;padding:10px 15px;margin-bottom:15px;"><h4 style="margin:0">Baca Juga</h4><ul>{items}</ul></div>'
        if shape == "br_line":
            return f'Baca Juga: <a href="{attr(href)}">{texturize(title)}</a>'
        raise ValueError(shape)

    def figure_html(self, a: SampleArticle, gutenberg: bool) -> str:
        src = self.url(a.image.replace(".jpg", "-2.jpg"))
        caption = f"Foto: Dokumentasi {texturize(a.author[1])} untuk Suarapos"
        if gutenberg:
            return f'<figure class="wp-block-image size-large"><img loading="lazy" src="{src}" alt=""/><figcaption class="wp-element-caption">{caption}</figcaption></figure>'
        return f'<div id="attachment_{a.post_id + 1}" style="width: 690px" class="wp-caption aligncenter"><img class="size-full" src="{src}" alt="" width="680" height="400" /><p class="wp-caption-text">{caption}</p></div>'

    def embed_html(self, kind: str) -> str:
        if kind == "instagram":
            return (
                '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/Cabc123/" data-instgrm-version="14">'
                '<div><a href="https://www.instagram.com/p/Cabc123/" target="_blank">View this post on Instagram</a></div>'
                '<p><a href="https://www.instagram.com/p/Cabc123/">A post shared by Diskominfo Babel (@diskominfobabel)</a></p></blockquote>'
                '<script async src="//www.instagram.com/embed.js"></script>'
            )
        if kind == "youtube":
            return (
                '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">'
                '<iframe title="Video Kegiatan" width="696" height="392" src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed" frameborder="0" allowfullscreen></iframe>'
                "</div><figcaption>Video: Kanal resmi Pemprov Babel</figcaption></figure>"
            )
        return (
            '<blockquote class="twitter-tweet"><p lang="in" dir="ltr">Pantau terus informasi resmi dari Pemprov Babel di kanal kami.</p>'
            '&mdash; Humas Babel (@humasbabel) <a href="https://twitter.com/humasbabel/status/1623">February 8, 2023</a></blockquote>'
            '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
        )

    def ad_html(self) -> str:
        return (
            '<div class="td-a-rec td-a-rec-id-content_inline  tdi_2_823 td_block_template_1"><span class="td-adspot-title">- Advertisement -</span>'
            '<script async src="//pagead2.googlesyndication.com/pagead/js/adsbygoogle.js"></script>'
            '<ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-0000" data-ad-slot="1"></ins>'
            "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>"
        )

    def body_html(self, a: SampleArticle, page: int = 1) -> str:
        """The post's content as ``the_content()`` prints page ``page`` of it (the whole of an unsplit post)."""
        gutenberg = a.body_shape == "gutenberg"
        shown = a.page_paragraphs(page)
        after: dict[int, list[str]] = {}
        for k, box in enumerate(a.baca_juga):
            if box.after_paragraph in shown:
                after.setdefault(box.after_paragraph, []).append(self.baca_juga_html(a, k, box))
        if a.body_shape == "br":
            segments = []
            for i in range(len(a.paragraphs)):
                segments.append(self.paragraph_html(a, i))
                segments.extend(after.get(i, []))
            inner = "<br />\n<br />\n".join(segments)
            figure = self.figure_html(a, False) if a.figure_after is not None else ""
            embeds = "".join(self.embed_html(k) for k in a.embeds)
            ad = self.ad_html() if a.ad_after is not None else ""
            return f"{figure}<div>{inner}</div>\n{embeds}{ad}"
        out = []
        for i in shown:
            text = self.paragraph_html(a, i)
            if i in a.subheadings:
                block = (
                    f'<h2 class="wp-block-heading">{text}</h2>' if gutenberg else f"<h3><strong>{text}</strong></h3>"
                )
                out.append(f"<!-- wp:heading -->\n{block}\n<!-- /wp:heading -->" if gutenberg else block)
            elif i == a.quote_paragraph:
                out.append(
                    f'<blockquote class="wp-block-quote"><p>{text}</p></blockquote>'
                    if gutenberg
                    else f"<blockquote><p>{text}</p></blockquote>"
                )
            elif gutenberg:
                out.append(f"<!-- wp:paragraph -->\n<p>{text}</p>\n<!-- /wp:paragraph -->")
            else:
                out.append(f'<p style="text-align: justify;"><span style="font-weight: 400;">{text}</span></p>')
                if i % 3 == 2:
                    out.append("<p>&nbsp;</p>")
            if i == a.figure_after:
                out.append(self.figure_html(a, gutenberg))
            if i == a.ad_after:
                out.append(self.ad_html())
            out.extend(after.get(i, []))
            if i == 1:
                out.extend(self.embed_html(k) for k in a.embeds)
        return "\n".join(out)

    def page_url(self, a: SampleArticle, page: int) -> str:
        """The URL of page ``page`` of a split post, as WordPress links it."""
        return self.article_url(a) + ("" if page == 1 else f"{page}/")

    def link_pages(self, a: SampleArticle, page: int, before: str, after: str, link: str = "<div>{}</div>") -> str:
        """``wp_link_pages()``: the page links under a split post (WordPress gives them ``post-page-numbers``)."""
        if a.page_count == 1:
            return ""
        parts = []
        for n in range(1, a.page_count + 1):
            if n == page:
                parts.append(f'<span class="post-page-numbers current" aria-current="page">{link.format(n)}</span>')
            else:
                parts.append(f'<a href="{self.page_url(a, n)}" class="post-page-numbers">{link.format(n)}</a>')
        return before + " ".join(parts) + after

    def jsonld(self, a: SampleArticle) -> str:
        url = self.article_url(a)
        title = a.title.replace("&", "&#038;")
        section_names = [self.site.sections[s].name.replace("&", "&#038;") for s in a.sections]
        local = a.meta == "yoast_local"
        stamp = wib_iso if local else utc_iso
        article = {
            "@type": "Article" if a.meta == "yoast_old" else "NewsArticle",
            "@id": f"{url}#article",
            "isPartOf": {"@id": url},
            "author": {"name": a.author[1], "@id": f"{self.base}/#/schema/person/{a.author[0]}"},
            "headline": title,
            "datePublished": stamp(a.published),
            "dateModified": stamp(a.modified),
            "mainEntityOfPage": {"@id": url},
            "wordCount": sum(len(p.split()) for p in a.paragraphs),
            "commentCount": str(a.comments) if a.meta == "yoast_old" else a.comments,
            "publisher": {"@id": f"{self.base}/#organization"},
            "image": {"@id": f"{url}#primaryimage"},
            "thumbnailUrl": self.url(a.image),
            "keywords": a.tags,
            "articleSection": ",".join(section_names) if a.meta == "yoast_old" else section_names,
            "inLanguage": "id",
        }
        graph = {
            "@context": "https://schema.org",
            "@graph": [
                article,
                {
                    "@type": "WebPage",
                    "@id": url,
                    "url": url,
                    "name": f"{title} - Suarapos.co.id",
                    "datePublished": stamp(a.published),
                    "dateModified": stamp(a.modified),
                    "inLanguage": "id",
                },
                {
                    "@type": "ImageObject",
                    "@id": f"{url}#primaryimage",
                    "url": self.url(a.image),
                    "width": 1280,
                    "height": 720,
                },
                {"@type": "Organization", "@id": f"{self.base}/#organization", "name": "Suarapos.co.id"},
                {
                    "@type": "Person",
                    "@id": f"{self.base}/#/schema/person/{a.author[0]}",
                    "name": a.author[1],
                    "url": self.url(f"/author/{a.author[0]}/"),
                },
            ],
        }
        text = json.dumps(graph, ensure_ascii=False).replace("</", "<\\/")
        return f'<script type="application/ld+json" class="yoast-schema-graph">{text}</script>'

    def article_head(self, a: SampleArticle, page: int = 1) -> str:
        url = self.page_url(a, page)  # Yoast: each page of a split post is its own canonical
        head = [f'<link rel="canonical" href="{url}" />']
        if a.meta != "none":
            head += [
                f'<meta name="description" content="{attr(a.paragraphs[0][:150])}" />',
                '<meta property="og:locale" content="id_ID" />',
                '<meta property="og:type" content="article" />',
                f'<meta property="og:title" content="{attr(a.title)} - Suarapos.co.id" />',
                f'<meta property="og:url" content="{url}" />',
                '<meta property="og:site_name" content="Suarapos.co.id" />',
                f'<meta property="article:section" content="{attr(self.site.sections[a.sections[0]].name)}" />',
                f'<meta property="article:published_time" content="{utc_iso(a.published)}" />',
                f'<meta property="article:modified_time" content="{utc_iso(a.modified)}" />',
                f'<meta property="og:image" content="{self.url(a.image)}" />',
                '<meta name="twitter:card" content="summary_large_image" />',
                f'<meta name="twitter:label1" content="Ditulis oleh" /><meta name="twitter:data1" content="{attr(a.author[1])}" />',
            ]
            if a.meta != "og":
                head.append(self.jsonld(a))
        head.append(f"<link rel='shortlink' href='{self.url(f'/?p={a.post_id}')}' />")
        head.append(f'<meta property="og:image" content="{self.url(a.image)}" />')
        # Newspaper's own breadcrumb JSON-LD, glued from strings: a '"' in a title breaks it.
        raw_title = a.title.replace("“", '"').replace("”", '"')
        section = self.site.sections[a.sections[0]]
        head.append(
            '<script type="application/ld+json">{"@context": "http://schema.org","@type": "BreadcrumbList","itemListElement": ['
            f'{{"@type": "ListItem","position": 1,"item": {{"@type": "WebSite","@id": "{self.base}/","name": "Beranda"}}}},'
            f'{{"@type": "ListItem","position": 2,"item": {{"@type": "WebPage","@id": "{self.section_url(section.slug)}","name": "{section.name}"}}}},'
            f'{{"@type": "ListItem","position": 3,"item": {{"@type": "WebPage","@id": "{url}","name": "{raw_title}"}}}}]}}</script>'
        )
        return "\n".join(head)

    def time_tag(self, a: SampleArticle) -> str:
        if a.date_display == "text_only":
            return f'<time class="entry-date updated td-module-date">{display_date(a)}</time>'
        stamp = wib_iso(a.published) if a.template == "tdb" else wall_clock_as_utc(a.published)
        return f'<time class="entry-date updated td-module-date" datetime="{stamp}" >{display_date(a)}</time>'

    def tags_html(self, a: SampleArticle, ul_class: str) -> str:
        if not a.tags:
            return ""
        items = "".join(f'<li><a href="{self.tag_url(t)}">{texturize(t)}</a></li>' for t in a.tags)
        return f'<ul class="{ul_class}"><li><span>{a.tag_label}</span></li>{items}</ul>'

    def sharing(self, a: SampleArticle, where: str) -> str:
        url = self.article_url(a)
        return (
            f'<div class="td-post-sharing-{where}"><div id="td_social_sharing_article_{where}" class="td-post-sharing td-ps-bg td-ps-notext td-post-sharing-style1 ">'
            '<div class="td-post-sharing-visible"><div class="td-social-sharing-button td-social-sharing-button-js td-social-handler td-social-share-text">'
            '<div class="td-social-but-icon"><i class="td-icon-share"></i></div><div class="td-social-but-text">BERBAGI</div></div>'
            f'<a class="td-social-sharing-button td-social-network td-social-facebook" href="https://www.facebook.com/sharer.php?u={url}">'
            '<div class="td-social-but-icon"><i class="td-icon-facebook"></i></div><div class="td-social-but-text">Facebook</div></a>'
            f'<a class="td-social-sharing-button td-social-network td-social-twitter" href="https://twitter.com/intent/tweet?url={url}&amp;via=Suarapos.co.id">'
            '<div class="td-social-but-icon"><i class="td-icon-twitter"></i></div><div class="td-social-but-text">Twitter</div></a>'
            f'<a class="td-social-sharing-button td-social-network td-social-whatsapp" href="https://api.whatsapp.com/send?text={url}">'
            '<div class="td-social-but-icon"><i class="td-icon-whatsapp"></i></div><div class="td-social-but-text">WhatsApp</div></a>'
            "</div></div></div>"
        )

    def comments_html(self, a: SampleArticle) -> str:
        url = self.article_url(a)
        items = "".join(
            f'<li class="comment" id="li-comment-{a.post_id * 10 + k}"><article><footer><cite>Warga {vocab.PLACES[k]}</cite></footer>'
            f'<div class="comment-content"><p>Semoga program ini benar-benar dijalankan, kami tunggu hasilnya.</p></div>'
            f'<div class="comment-meta"><a rel="nofollow" class="comment-reply-link" href="{url}?replytocom={a.post_id * 10 + k}#respond">Balas</a></div></article></li>'
            for k in range(a.comments)
        )
        listing = (
            f'<h3 class="td-comments-title"><span>{a.comments} KOMENTAR</span></h3><ol class="comment-list">{items}</ol>'
            if a.comments
            else ""
        )
        return f"""<div class="comments" id="comments">{listing}
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">LEAVE A REPLY <small><a rel="nofollow" id="cancel-comment-reply-link" href="{url}#respond" style="display:none;">Batal balasan</a></small></h3>
<form action="{self.url("/wp-comments-post.php")}" method="post" id="commentform" class="comment-form" novalidate><div class="comment-form-input-wrap td-form-comment"><textarea placeholder="Komentar:" id="comment" name="comment" cols="45" rows="8"></textarea><div class="td-warning-comment">Please enter your comment!</div></div>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Kirim Komentar" /><input type='hidden' name='comment_post_ID' value='{a.post_id}' id='comment_post_ID' /></p></form></div></div>"""

    def related_html(self, a: SampleArticle) -> str:
        # The theme shows the newest of the same section (a short scan: never the whole section).
        pool = []
        for x in self.site.section_articles(a.sections[0]):
            if x.post_id != a.post_id:
                pool.append(x)
                if len(pool) == 3:
                    break
        items = "".join(
            f'<div class="td-related-span4">{self.module(x, "td_module_related_posts")}</div>' for x in pool
        )
        return (
            f'<div class="td_block_wrap td_block_related_posts tdi_3_1f3 td_with_ajax_pagination td-pb-border-top td_block_template_1">'
            f"<script>var block_tdi_3_1f3 = new tdBlock(); block_tdi_3_1f3.atts = '{{\"live_filter_cur_post_id\":{a.post_id}}}';</script>"
            '<h4 class="td-related-title td-block-title"><a class="td-related-left td-cur-simple-item" href="#">BERITA TERKAIT</a>'
            '<a class="td-related-right" href="#">DARI PENULIS</a></h4>'
            f'<div class="td_block_inner"><div class="td-related-row">{items}</div></div></div>'
        )

    def prev_next(self, a: SampleArticle) -> str:
        arts = self.site.articles
        i = self.site.position[a.post_id]
        older = arts[i + 1] if i + 1 < len(arts) else None
        newer = arts[i - 1] if i > 0 else None
        parts = []
        if older:
            parts.append(
                f'<div class="td-block-span6 td-post-prev-post"><div class="td-post-next-prev-content"><span>Berita sebelumya</span><a href="{self.article_url(older)}">{texturize(older.title)}</a></div></div>'
            )
        parts.append('<div class="td-next-prev-separator"></div>')
        if newer:
            parts.append(
                f'<div class="td-block-span6 td-post-next-post"><div class="td-post-next-prev-content"><span>Berita berikutnya</span><a href="{self.article_url(newer)}">{texturize(newer.title)}</a></div></div>'
            )
        return '<div class="td-block-row td-post-next-prev">' + "".join(parts) + "</div>"

    def article(self, a: SampleArticle, page: int = 1) -> str:
        url = self.article_url(a)
        section = self.site.sections[a.sections[0]]
        crumb_title = " ".join(a.title.split()[:13])
        crumbs = self.crumbs((section.name, self.section_url(section.slug)), (crumb_title, None))
        author_url = self.url(f"/author/{a.author[0]}/")
        cats_classic = "".join(
            f'<li class="entry-category"><a href="{self.section_url(s)}">{texturize(self.site.sections[s].name)}</a></li>'
            for s in a.sections
        )
        classes = f"post-{a.post_id} post type-post status-publish format-standard has-post-thumbnail " + " ".join(
            f"category-{s}" for s in a.sections
        )
        body = self.body_html(a, page) + self.link_pages(
            a, page, '<div class="page-nav page-nav-post td-pb-padding-side">', "</div>"
        )
        if a.template == "classic":
            featured = (
                f'<div class="td-post-featured-image"><figure><a href="{self.url(a.image)}" data-caption="Foto: Suarapos">'
                f'<img width="696" height="392" class="entry-thumb td-modal-image" src="{self.url(a.image)}" alt="" title="IMG"/></a>'
                '<figcaption class="wp-caption-text">Foto: Suarapos</figcaption></figure></div>'
            )
            article_html = f"""<article id="post-{a.post_id}" class="{classes}" itemscope itemtype="https://schema.org/Article">
<div class="td-post-header"><ul class="td-category">{cats_classic}</ul>
<header class="td-post-title"><h1 class="entry-title">{texturize(a.title)}</h1>
<div class="td-module-meta-info"><div class="td-post-author-name"><div class="td-author-by">{a.author_label}</div> <a href="{author_url}">{texturize(a.author[1])}</a><div class="td-author-line"> - </div> </div>
<span class="td-post-date">{self.time_tag(a)}</span>
<div class="td-post-comments"><a href="{url}#respond"><i class="td-icon-comments"></i>{a.comments}</a></div>
<div class="td-post-views"><i class="td-icon-views"></i><span class="td-nr-views-{a.post_id}">{a.post_id % 997}</span></div></div></header></div>
{self.sharing(a, "top")}
<div class="td-post-content tagdiv-type">
{featured}
{body}
</div>
<footer><div class="td-post-source-tags">{self.tags_html(a, "td-tags td-post-small-box clearfix")}</div>
{self.sharing(a, "bottom")}
{self.prev_next(a)}
<div class="td-author-name vcard author" style="display: none"><span class="fn"><a href="{author_url}">{texturize(a.author[1])}</a></span></div>
<span class="td-page-meta" itemprop="author" itemscope itemtype="https://schema.org/Person"><meta itemprop="name" content="{attr(a.author[1])}"></span>
<meta itemprop="datePublished" content="{wall_clock_as_utc(a.published)}"><meta itemprop="dateModified" content="{wib_iso(a.modified)}">
<meta itemscope itemprop="mainEntityOfPage" itemType="https://schema.org/WebPage" itemid="{url}"/>
<span class="td-page-meta" itemprop="publisher" itemscope itemtype="https://schema.org/Organization"><meta itemprop="name" content="Suarapos.co.id"></span>
<meta itemprop="headline " content="{attr(a.title)}">
</footer>
</article>"""
            body_class = f"post-template-default single single-post postid-{a.post_id} single-format-standard"
        else:
            cats = "".join(
                f'<a class="tdb-entry-category" href="{self.section_url(s)}"><span class="tdb-cat-bg"></span>{texturize(self.site.sections[s].name)}</a>'
                for s in a.sections
            )
            n = a.post_id % 40
            article_html = f"""<article id="template-id-{a.post_id + 7}" class="post-{a.post_id} post type-post status-publish tdb_templates">
<div class="td_block_wrap tdb_breadcrumbs tdi_{n + 36}_a1 td-pb-border-top"><div class="tdb-block-inner td-fix-index">{crumbs}</div></div>
<div class="td_block_wrap tdb_single_categories tdi_{n + 37}_b2"><div class="tdb-category td-fix-index">{cats}</div></div>
<div class="td_block_wrap tdb_title tdi_{n + 38}_c3 tdb-single-title td-pb-border-top"><div class="tdb-block-inner td-fix-index"><h1 class="tdb-title-text">{texturize(a.title)}</h1><div></div><div class="tdb-title-line"></div></div></div>
<div class="td_block_wrap tdb_single_author tdi_{n + 39}_d4 tdb-post-meta"><div class="tdb-block-inner td-fix-index"><div class="tdb-author-by">{a.author_label}</div><a class="tdb-author-name" href="{author_url}">{texturize(a.author[1])}</a></div></div>
<div class="td_block_wrap tdb_single_date tdi_{n + 40}_e5 td-pb-border-top tdb-post-meta"><div class="tdb-block-inner td-fix-index">{self.time_tag(a)}</div></div>
<div class="td_block_wrap tdb_single_post_share tdi_{n + 48}_f6">{self.sharing(a, "top")}</div>
<div class="td_block_wrap tdb_single_featured_image tdi_{n + 50}_a7"><div class="tdb-block-inner td-fix-index"><figure><img class="entry-thumb" src="{self.url(a.image)}" alt=""/><figcaption class="tdb-caption-text">Foto: Suarapos</figcaption></figure></div></div>
<div class="td_block_wrap tdb_single_content tdi_{n + 53}_b8 td-pb-border-top td_block_template_1 td-post-content tagdiv-type"><div class="tdb-block-inner td-fix-index">
{body}
</div></div>
<div class="td_block_wrap tdb_single_tags tdi_{n + 55}_c9">{self.tags_html(a, "tdb-tags")}</div>
<div class="td_block_wrap tdb_single_next_prev tdi_{n + 57}_d0">{self.prev_next(a)}</div>
</article>"""
            body_class = f"post-template-default single single-post postid-{a.post_id} single-format-standard tdb_template_{a.post_id % 7 + 100}"
        footer_css = self.inline_related_css(a)
        main = f"""<div class="td-main-content-wrap td-container-wrap"><div class="td-container td-post-template-default">
{crumbs if a.template == "classic" else ""}
<div class="td-pb-row"><div class="td-pb-span8 td-main-content" role="main"><div class="td-ss-main-content">
{article_html}
{self.related_html(a)}
{self.comments_html(a)}
</div></div>
{self.sidebar(True)}
</div></div></div>"""
        return self.page(
            title=f"{a.title} - Suarapos.co.id",
            body_class=body_class,
            head=self.article_head(a, page),
            main=main,
            footer_extra=footer_css,
        )

    def inline_related_css(self, a: SampleArticle) -> str:
        """Inline Related Posts' styles, when the plugin prints them in the footer rather than in each box."""
        if not any(b.shape == "irp_footer_css" for b in a.baca_juga):
            return ""
        rules = "".join(
            IRP_CSS.format(c="u" + hashlib.md5(f"{a.post_id}-{k}".encode()).hexdigest())
            for k in range(len(a.baca_juga))
        )
        return f"<style>{rules}</style>"

    # ---- feeds, sitemaps, robots --------------------------------------------------
    def robots(self) -> str:
        return (
            "User-agent: *\nDisallow: /wp-admin/\nDisallow: /wp-login.php\nAllow: /wp-admin/admin-ajax.php\n\n"
            "# START YOAST BLOCK\n# ---------------------------\nUser-agent: *\nDisallow: /?s=\nDisallow: /search/\n\n"
            f"Sitemap: {self.url('/sitemap_index.xml')}\n# ---------------------------\n# END YOAST BLOCK\n"
        )

    def post_sitemaps(self) -> list[list[SampleArticle]]:
        ordered = sorted(self.site.articles, key=lambda a: (a.modified, a.post_id))
        return [ordered[i : i + 1000] for i in range(0, len(ordered), 1000)] or [[]]

    def sitemap_index(self) -> str:
        chunks = self.post_sitemaps()
        entries = []
        for i, chunk in enumerate(chunks, 1):
            name = "post-sitemap.xml" if i == 1 else f"post-sitemap{i}.xml"
            last = utc_iso(chunk[-1].modified) if chunk else utc_iso(self.site.now)
            entries.append(f"<sitemap><loc>{self.url('/' + name)}</loc><lastmod>{last}</lastmod></sitemap>")
        for name in ("page-sitemap.xml", "category-sitemap.xml"):
            entries.append(
                f"<sitemap><loc>{self.url('/' + name)}</loc><lastmod>{utc_iso(self.site.now)}</lastmod></sitemap>"
            )
        return (
            f'<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" href="{self.url("/main-sitemap.xsl")}"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "\n".join(entries)
            + "\n</sitemapindex>\n<!-- XML Sitemap generated by Yoast SEO -->"
        )

    def urlset(self, entries: list[str]) -> str:
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "\n".join(entries)
            + "\n</urlset>\n<!-- XML Sitemap generated by Yoast SEO -->"
        )

    def post_sitemap(self, number: int) -> str | None:
        chunks = self.post_sitemaps()
        if not 1 <= number <= len(chunks):
            return None
        entries = [f"<url><loc>{self.base}/</loc></url>"] if number == 1 else []
        for a in chunks[number - 1]:
            entries.append(
                f"<url><loc>{self.article_url(a)}</loc><lastmod>{utc_iso(a.modified)}</lastmod>"
                f"<image:image><image:loc>{self.url(a.image)}</image:loc></image:image></url>"
            )
        return self.urlset(entries)

    def page_sitemap(self) -> str:
        return self.urlset([f"<url><loc>{self.url('/' + slug + '/')}</loc></url>" for slug, _, _ in vocab.STATIC_PAGES])

    def category_sitemap(self) -> str:
        return self.urlset([f"<url><loc>{self.section_url(s)}</loc></url>" for s in self.site.sections])

    def feed(self) -> str:
        items = []
        for a in self.site.articles[:10]:
            cats = "".join(f"<category><![CDATA[{self.site.sections[s].name}]]></category>" for s in a.sections)
            cats += "".join(f"<category><![CDATA[{t}]]></category>" for t in a.tags)
            items.append(
                f"<item><title>{texturize(a.title)}</title><link>{self.article_url(a)}</link>"
                f"<comments>{self.article_url(a)}#respond</comments><dc:creator><![CDATA[{a.author[1]}]]></dc:creator>"
                f"<pubDate>{a.published.astimezone(UTC):%a, %d %b %Y %H:%M:%S +0000}</pubDate>{cats}"
                f'<guid isPermaLink="false">{self.url(f"/?p={a.post_id}")}</guid>'
                f"<description><![CDATA[{texturize(a.paragraphs[0][:200])} [&#8230;]]]></description></item>"
            )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel><title>Suarapos.co.id</title>'
            f'<atom:link href="{self.url("/feed/")}" rel="self" type="application/rss+xml" /><link>{self.base}</link>'
            f"<description>Suara Rakyat Bangka Belitung</description><language>id</language>{''.join(items)}</channel></rss>"
        )
