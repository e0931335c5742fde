"""The frame of every page as tagDiv Newspaper prints it: URLs, menus, listing modules, sidebar, header and footer."""

from __future__ import annotations

from datetime import datetime, timedelta

from .. import vocab
from ..content import DELETED_POST_ID, DELETED_SLUG, LONG_PATH_POST_ID, SampleArticle, Site
from .text import (
    attr,
    listing_date,
    texturize,
    topbar_date,
    wall_clock_as_utc,
)


class Chrome:
    """Part of ``Renderer`` (``render/__init__.py``)."""

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

    def paginate_links(
        self, slug: str, page: int, pages: int, prev: str, next_: str, mid_size: int = 1, dots: bool = True
    ) -> list[str]:
        """WordPress's ``paginate_links()``, the items each theme wraps its way: previous, the first and last pages
        and ``mid_size`` either side of this one (``&hellip;`` between, where a theme's call asks for it), next."""
        items = []
        if page > 1:
            items.append(f'<a class="prev page-numbers" href="{self.section_url(slug, page - 1)}">{prev}</a>')
        last = 0
        for n in sorted({1, pages, *range(max(1, page - mid_size), min(pages, page + mid_size) + 1)}):
            if dots and n > last + 1:
                items.append('<span class="page-numbers dots">&hellip;</span>')
            items.append(
                f'<span aria-current="page" class="page-numbers current">{n}</span>'
                if n == page
                else f'<a class="page-numbers" href="{self.section_url(slug, n)}">{n}</a>'
            )
            last = n
        if page < pages:
            items.append(f'<a class="next page-numbers" href="{self.section_url(slug, page + 1)}">{next_}</a>')
        return items

    def tag_url(self, tag: str) -> str:
        from ..content import slugify

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
    def menu_tree(self) -> list:
        """The menu's sections, in its order: each top-level section with its child sections."""
        sections = list(self.site.sections.values())
        return [(s, [c for c in sections if c.parent == s.slug]) for s in sections if not s.parent]

    # How the theme prints its menu (ColorMag's differ): the list's class, an item's extra class, what opens a
    # submenu, the home link's path.
    MENU_CLASS = "sf-menu"
    MENU_ITEM_CLASS = " td-menu-item"
    SUBMENU_OPEN = '<ul class="sub-menu">'
    HOME_PATH = ""

    def menu(self, ul_id: str) -> str:
        home = f'<li class="menu-item menu-item-type-custom menu-item-home"><a href="{self.base}{self.HOME_PATH}">Beranda</a></li>'
        items = [home]
        for s, children in self.menu_tree():
            sub = ""
            if children:
                sub = (
                    self.SUBMENU_OPEN
                    + "".join(
                        f'<li class="menu-item menu-item-type-taxonomy menu-item-object-category">'
                        f'<a href="{self.section_url(c.slug)}">{texturize(c.name)}</a></li>'
                        for c in children
                    )
                    + "</ul>"
                )
            cls = " menu-item-has-children" if children else ""
            items.append(
                f'<li class="menu-item menu-item-type-taxonomy menu-item-object-category{self.MENU_ITEM_CLASS}{cls}">'
                f'<a href="{self.section_url(s.slug)}">{texturize(s.name)}</a>{sub}</li>'
            )
        return f'<ul id="{ul_id}" class="{self.MENU_CLASS}">' + "".join(items) + "</ul>"

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
