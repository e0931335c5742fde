"""The site in Twenty Twenty-Four, WordPress's default block theme: the pages as its blocks render them.

Reproduced from the theme's templates (``templates/single.html``, ``archive.html``, ``home.html``,
``parts/header.html``, ``patterns/hidden-post-meta.php``, ``posts-3-col.php``, ``hidden-comments.php``) and core's
block render code (``post-title``, ``post-date``, ``post-author-name``, ``post-terms``, ``post-content``,
``query-pagination``, ``navigation``). Its traps: no ``<article>`` and no post class around a single post (title,
meta and content are siblings in ``<main>``); the date "Nov 29, 2026" in a ``<time datetime>``; "oleh" and "di" as
loose paragraphs; the tags as pills with no label; no sidebar; the home page a business landing page whose only
list of posts is "Tonton, Baca, Dengar"; "Halaman Berikutnya" as the only way to page 2.
"""

from __future__ import annotations

from .. import vocab
from ..content import SampleArticle
from . import texturize, wib_iso
from .wordpress import ThemeRenderer

MONTHS_SHORT = [m[:3] for m in vocab.MONTHS_ID]
CONSTRAINED = "has-global-padding is-layout-constrained wp-block-group-is-layout-constrained"


def block_date(a: SampleArticle) -> str:
    """core/post-date with the theme's "M j, Y", through wp_date (Indonesian month names)."""
    return f"{MONTHS_SHORT[a.published.month - 1]} {a.published.day}, {a.published.year}"


class TwentyTwentyFourRenderer(ThemeRenderer):
    theme = "twentytwentyfour"
    FURNITURE = ("Sebelumnya:", "Berikutnya:", "Komentar", "Tinggalkan Balasan", "Halaman Berikutnya")
    DATE_SHOWN = "minute"  # the datetime attribute of core/post-date

    def post_meta(self, a: SampleArticle) -> str:
        cats = '<span class="wp-block-post-terms__separator">, </span>'.join(
            f'<a href="{self.section_url(s)}" rel="tag">{texturize(self.site.sections[s].name)}</a>' for s in a.sections
        )
        return (
            f'<div class="wp-block-template-part"><div class="wp-block-group {CONSTRAINED}"><div class="wp-block-group is-content-justification-left is-layout-flex wp-container-core-group-is-layout-1 wp-block-group-is-layout-flex">'
            f'<div class="wp-block-post-date"><time datetime="{wib_iso(a.published)}"><a href="{self.article_url(a)}">{block_date(a)}</a></time></div>'
            '<p class="has-contrast-2-color has-text-color">—</p><p class="has-small-font-size has-contrast-2-color has-text-color">oleh</p>'
            f'<div class="wp-block-post-author-name"><a href="{self.author_url(a)}" target="_self" class="wp-block-post-author-name__link">{texturize(a.author[1])}</a></div>'
            f'<div class="taxonomy-category wp-block-post-terms"><span class="wp-block-post-terms__prefix">di </span>{cats}</div>'
            "</div></div></div>"
        )

    def navigation(self) -> str:
        items = []
        for s, children in self.menu_tree():
            if children:
                sub = "".join(
                    f'<li class=" wp-block-navigation-item wp-block-navigation-link"><a class="wp-block-navigation-item__content"  href="{self.section_url(c.slug)}"><span class="wp-block-navigation-item__label">{texturize(c.name)}</span></a></li>'
                    for c in children
                )
                items.append(
                    '<li data-wp-interactive="core/navigation" tabindex="-1" class="wp-block-navigation-item has-child open-on-hover-click wp-block-navigation-submenu">'
                    f'<a class="wp-block-navigation-item__content" href="{self.section_url(s.slug)}"><span class="wp-block-navigation-item__label">{texturize(s.name)}</span></a>'
                    f'<button aria-label="{texturize(s.name)} submenu" class="wp-block-navigation__submenu-icon wp-block-navigation-submenu__toggle" aria-expanded="false"><svg xmlns="http://www.w3.org/2000/svg" width="12" height="12" viewBox="0 0 12 12" fill="none" aria-hidden="true" focusable="false"><path d="M1.50002 4L6.00002 8L10.5 4" stroke-width="1.5"></path></svg></button>'
                    f'<ul class="wp-block-navigation__submenu-container wp-block-navigation-submenu">{sub}</ul></li>'
                )
            else:
                items.append(
                    f'<li class=" wp-block-navigation-item wp-block-navigation-link"><a class="wp-block-navigation-item__content"  href="{self.section_url(s.slug)}"><span class="wp-block-navigation-item__label">{texturize(s.name)}</span></a></li>'
                )
        return (
            '<nav class="is-responsive items-justified-right wp-block-navigation is-horizontal is-content-justification-right is-layout-flex wp-container-core-navigation-is-layout-1 wp-block-navigation-is-layout-flex" aria-label="Menu Utama" data-wp-interactive="core/navigation">'
            '<button aria-haspopup="dialog" aria-label="Buka menu" class="wp-block-navigation__responsive-container-open"><svg width="24" height="24" viewBox="0 0 24 24"><path d="M4 7.5h16v1.5H4z"></path></svg></button>'
            '<div class="wp-block-navigation__responsive-container" id="modal-1"><div class="wp-block-navigation__responsive-close" tabindex="-1"><div class="wp-block-navigation__responsive-dialog">'
            '<button aria-label="Tutup menu" class="wp-block-navigation__responsive-container-close"><svg viewBox="0 0 24 24"></svg></button>'
            '<div class="wp-block-navigation__responsive-container-content" id="modal-1-content"><ul class="wp-block-navigation__container is-responsive items-justified-right wp-block-navigation">'
            + "".join(items)
            + "</ul></div></div></div></div></nav>"
        )

    # ---- chrome ------------------------------------------------------------------------------------------
    def page(self, *, title: str, body_class: str, head: str, main: str, footer_extra: str = "") -> str:
        return f"""<!DOCTYPE html>
<html lang="id-ID">
<head>
<meta charset="UTF-8" />
<meta name='robots' content='max-image-preview:large' />
<title>{texturize(title)}</title>
{head}
<meta name="generator" content="WordPress 6.9.4" />
</head>
<body class="{body_class} wp-embed-responsive wp-theme-twentytwentyfour">
<div class="wp-site-blocks"><header class="wp-block-template-part">
<div class="wp-block-group alignwide has-base-background-color has-background {CONSTRAINED}" style="padding-top:20px;padding-bottom:20px"><div class="wp-block-group alignwide is-content-justification-space-between is-layout-flex wp-container-core-group-is-layout-2 wp-block-group-is-layout-flex">
<div class="wp-block-group is-layout-flex wp-block-group-is-layout-flex"><div class="wp-block-group is-layout-flow wp-block-group-is-layout-flow"><p class="wp-block-site-title"><a href="{self.base}/" target="_self" rel="home">Suarapos.co.id</a></p></div></div>
{self.navigation()}
</div></div></header>
{main}
<footer class="wp-block-template-part"><div class="wp-block-group {CONSTRAINED}" style="padding-top:var(--wp--preset--spacing--50);padding-bottom:var(--wp--preset--spacing--50)">
<div class="wp-block-columns alignwide is-layout-flex wp-block-columns-is-layout-flex"><div class="wp-block-column is-layout-flow wp-block-column-is-layout-flow" style="flex-basis:30%"><p class="wp-block-site-title has-medium-font-size"><a href="{self.base}/" target="_self" rel="home">Suarapos.co.id</a></p><p class="wp-block-site-tagline has-small-font-size">Suara Rakyat Bangka Belitung</p></div>
<div class="wp-block-column is-layout-flow wp-block-column-is-layout-flow" style="flex-basis:50%"><h2 class="wp-block-heading has-medium-font-size has-body-font-family">Tentang</h2><nav class="has-small-font-size is-vertical wp-block-navigation is-layout-flex" aria-label="Tentang"><ul class="wp-block-navigation__container has-small-font-size is-vertical wp-block-navigation"><li class="has-small-font-size wp-block-navigation-item wp-block-navigation-link"><a class="wp-block-navigation-item__content"  href="{self.url("/redaksi/")}"><span class="wp-block-navigation-item__label">Redaksi</span></a></li></ul></nav></div></div>
<div class="wp-block-group alignwide is-layout-flow wp-block-group-is-layout-flow"><p class="has-contrast-2-color has-text-color has-link-color has-small-font-size">Dirancang dengan <a href="https://wordpress.org" rel="nofollow">WordPress</a></p></div>
</div></footer></div>
{footer_extra}
</body>
</html>
"""

    def row(self, primary: str, with_baca_juga_widget: bool = False) -> str:
        return f'<main class="wp-block-group alignfull {CONSTRAINED}">{primary}</main>'

    # ---- single.html ------------------------------------------------------------------------------------------
    def comments(self, a: SampleArticle) -> str:
        return (
            '<div class="wp-block-comments wp-block-comments-query-loop"><h2 class="wp-block-heading">Komentar</h2>'
            '<div id="respond" class="comment-respond wp-block-post-comments-form"><h3 id="reply-title" class="comment-reply-title">Tinggalkan Balasan</h3>'
            f'<form action="{self.url("/wp-comments-post.php")}" method="post" id="commentform" class="comment-form"><input type="hidden" name="comment_post_ID" value="{a.post_id}" id="comment_post_ID" /></form></div></div>'
        )

    def post_navigation(self, a: SampleArticle) -> str:
        older, newer = self.neighbours(a)
        prev = (
            f'<span class="wp-block-post-navigation-link__arrow-previous is-arrow-arrow" aria-hidden="true">←</span><a href="{self.article_url(older)}" rel="prev"><span class="post-navigation-link__label">Sebelumnya: </span> <span class="post-navigation-link__title">{texturize(older.title)}</span></a>'
            if older
            else ""
        )
        nxt = (
            f'<a href="{self.article_url(newer)}" rel="next"><span class="post-navigation-link__label">Berikutnya: </span> <span class="post-navigation-link__title">{texturize(newer.title)}</span></a><span class="wp-block-post-navigation-link__arrow-next is-arrow-arrow" aria-hidden="true">→</span>'
            if newer
            else ""
        )
        return (
            '<nav class="wp-block-group is-content-justification-space-between is-nowrap is-layout-flex wp-container-core-group-is-layout-3 wp-block-group-is-layout-flex" aria-label="Pos">'
            f'<div class="post-navigation-link-previous wp-block-post-navigation-link">{prev}</div><div class="post-navigation-link-next wp-block-post-navigation-link">{nxt}</div></nav>'
        )

    def article(self, a: SampleArticle, page: int = 1) -> str:
        tags = '<span class="wp-block-post-terms__separator">  </span>'.join(
            f'<a href="{self.tag_url(t)}" rel="tag">{texturize(t)}</a>' for t in a.tags
        )
        pages = self.link_pages(a, page, '<p class="post-nav-links">Halaman: ', "</p>", "{}")
        main = f"""<main class="wp-block-group alignfull is-layout-flow wp-block-group-is-layout-flow">
<div class="wp-block-group {CONSTRAINED}" style="margin-bottom:var(--wp--preset--spacing--40);padding-top:var(--wp--preset--spacing--50)">
<figure class="wp-block-post-featured-image" style="margin-bottom:var(--wp--preset--spacing--40)"><img width="1280" height="720" src="{self.url(a.image)}" class="attachment-post-thumbnail size-post-thumbnail wp-post-image" alt="" style="object-fit:cover;" decoding="async" fetchpriority="high" /></figure>
<div class="wp-block-group is-vertical is-content-justification-stretch is-layout-flex wp-container-core-group-is-layout-4 wp-block-group-is-layout-flex" style="padding-top:0;padding-bottom:0">
<h1 class="wp-block-post-title has-x-large-font-size">{texturize(a.title)}</h1>
{self.post_meta(a)}
</div></div>
<div class="entry-content alignfull wp-block-post-content has-global-padding is-layout-constrained wp-block-post-content-is-layout-constrained">{self.body_html(a, page)}{pages}</div>
<div class="wp-block-group {CONSTRAINED}" style="margin-top:var(--wp--preset--spacing--40);padding-bottom:var(--wp--preset--spacing--50)">
{f'<div class="taxonomy-post_tag is-style-pill wp-block-post-terms">{tags}</div>' if tags else ""}
<div class="wp-block-group {CONSTRAINED}"><div style="height:var(--wp--preset--spacing--40)" aria-hidden="true" class="wp-block-spacer"></div>
<hr class="wp-block-separator has-text-color has-contrast-3-color has-alpha-channel-opacity has-contrast-3-background-color has-background is-style-wide"/>
{self.comments(a)}
{self.post_navigation(a)}
</div></div></main>"""
        return self.page(
            title=f"{a.title} &#8211; Suarapos.co.id",
            body_class=f"wp-singular post-template-default single single-post postid-{a.post_id} single-format-standard",
            head=self.article_head(a, page),
            main=main,
            footer_extra=self.inline_related_css(a),
        )

    # ---- archive.html (posts-3-col) and home.html -----------------------------------------------------------------
    def listed_post(self, a: SampleArticle) -> str:
        classes = (
            f"wp-block-post post-{a.post_id} post type-post status-publish format-standard has-post-thumbnail hentry "
            + " ".join(f"category-{s}" for s in a.sections)
        )
        return (
            f'<li class="{classes}"><figure class="wp-block-post-featured-image" style="aspect-ratio:3/4;margin-bottom:0"><a href="{self.article_url(a)}" target="_self"  ><img width="600" height="800" src="{self.url(a.image)}" class="attachment-post-thumbnail size-post-thumbnail wp-post-image" alt="{texturize(a.title)}" style="width:100%;height:100%;object-fit:cover;" loading="lazy" /></a></figure>'
            '<div class="wp-block-group is-vertical is-nowrap is-layout-flex wp-block-group-is-layout-flex" style="margin-top:var(--wp--preset--spacing--20);padding-top:0">'
            f'<h2 class="wp-block-post-title has-large-font-size"><a href="{self.article_url(a)}" target="_self" >{texturize(a.title)}</a></h2>'
            f"{self.post_meta(a)}"
            f'<div class="wp-block-post-excerpt has-contrast-2-color has-text-color has-small-font-size"><p class="wp-block-post-excerpt__excerpt">{self.excerpt(a, 55)}&hellip; </p></div></div></li>'
        )

    def query_pagination(self, page: int, pages: int, url) -> str:
        prev = (
            f"<a href=\"{url(page - 1)}\" class=\"wp-block-query-pagination-previous\"><span class='wp-block-query-pagination-previous-arrow is-arrow-arrow' aria-hidden='true'>←</span>Halaman Sebelumnya</a>"
            if page > 1
            else ""
        )
        nxt = (
            f"<a href=\"{url(page + 1)}\" class=\"wp-block-query-pagination-next\">Halaman Berikutnya<span class='wp-block-query-pagination-next-arrow is-arrow-arrow' aria-hidden='true'>→</span></a>"
            if page < pages
            else ""
        )
        return f'<nav class="wp-block-query-pagination is-content-justification-space-between is-layout-flex wp-block-query-pagination-is-layout-flex" aria-label="Paginasi">{prev}{nxt}</nav>'

    def pagination(self, slug: str, page: int, pages: int) -> str:
        return self.query_pagination(page, pages, lambda n: self.section_url(slug, n))

    def archive_main(self, title: str, listed: list[SampleArticle], nav: str) -> str:
        posts = "".join(self.listed_post(a) for a in listed) or "<p>Tidak ada pos yang ditemukan.</p>"
        return self.row(
            f'<h1 class="wp-block-query-title alignwide" style="padding-top:var(--wp--preset--spacing--50);line-height:1">Kategori: <span>{texturize(title)}</span></h1>'
            '<div class="wp-block-query alignwide is-layout-flow wp-block-query-is-layout-flow"><div class="wp-block-group is-layout-flow wp-block-group-is-layout-flow">'
            f'<ul class="columns-3 alignfull wp-block-post-template is-layout-grid wp-block-post-template-is-layout-grid">{posts}</ul>{nav}</div></div>'
        )

    def entry_page(self, title: str, inner: str) -> str:
        return f'<h1 class="wp-block-post-title">{texturize(title)}</h1><div class="entry-content wp-block-post-content">{inner}</div>'

    def home(self) -> str:
        """The business landing page of home.html: a hero, features, a testimonial, then the one list of posts."""
        listed = self.site.articles[:10]
        items = "".join(
            f'<li class="wp-block-post post-{a.post_id} post type-post status-publish format-standard hentry"><hr class="wp-block-separator has-alpha-channel-opacity is-style-wide"/>'
            f'<div class="wp-block-columns alignwide are-vertically-aligned-center is-layout-flex wp-block-columns-is-layout-flex"><div class="wp-block-column is-vertically-aligned-center" style="flex-basis:72%"><h2 class="wp-block-post-title" style="font-size:1.5rem;line-height:1.1"><a href="{self.article_url(a)}" target="_self" >{texturize(a.title)}</a></h2></div>'
            f'<div class="wp-block-column is-vertically-aligned-center" style="flex-basis:28%">{self.post_meta(a)}</div></div></li>'
            for a in listed
        )
        main = (
            '<main class="wp-block-group is-layout-flow wp-block-group-is-layout-flow" style="margin-top:0">'
            '<div class="wp-block-group alignfull is-layout-constrained"><h1 class="wp-block-heading has-text-align-center">Komitmen pada berita yang jernih</h1><p class="has-text-align-center">Suarapos.co.id melaporkan Bangka Belitung setiap hari.</p>'
            '<div class="wp-block-buttons"><div class="wp-block-button"><a class="wp-block-button__link wp-element-button" href="'
            + self.url("/tentang-kami/")
            + '">Tentang kami</a></div></div></div>'
            f'<div class="wp-block-group alignfull {CONSTRAINED}"><h2 class="wp-block-heading alignwide has-x-large-font-size">Tonton, Baca, Dengar</h2><div class="wp-block-query alignwide is-layout-flow wp-block-query-is-layout-flow">'
            f'<ul class="wp-block-post-template is-layout-flow wp-block-post-template-is-layout-flow">{items}</ul>'
            "</div></div></main>"
        )
        head = f'<link rel="canonical" href="{self.base}/" />\n<meta property="og:type" content="website" />'
        return self.page(
            title="Suarapos.co.id &#8211; Suara Rakyat Bangka Belitung", body_class="home blog", head=head, main=main
        )
