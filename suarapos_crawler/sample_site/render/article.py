"""Article pages as tagDiv Newspaper prints them: both single templates, the body in each editor's shape,
the Baca Juga boxes, Yoast's head, sharing, comments and related posts."""

from __future__ import annotations

import hashlib
import json

from .. import vocab
from ..content import VIEWS_MARK, SampleArticle
from .text import (
    IRP_CSS,
    attr,
    display_date,
    texturize,
    utc_iso,
    wall_clock_as_utc,
    wib_iso,
)


class ArticlePages:
    """Part of ``Renderer`` (``render/__init__.py``)."""

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
        """The post's content as ``the_content()`` prints page ``page`` of it (the whole of an unsplit post), and what
        plugins print inside it after the text on its last page (round four's faults)."""
        return self.content_html(a, page) + (self.inside_content_html(a) if page == a.page_count else "")

    def inside_content_html(self, a: SampleArticle) -> str:
        """A data table, the comment list (wp_list_comments) and a view counter (Post Views Counter), as their
        plugins print them at the end of the content."""
        out = []
        if a.table:
            cells = "".join(
                "<tr>" + "".join(f"<t{'h' if r == 0 else 'd'}>{c}</t{'h' if r == 0 else 'd'}>" for c in row) + "</tr>"
                for r, row in enumerate(a.table)
            )
            table = f"<table><tbody>{cells}</tbody></table>"
            out.append(f'<figure class="wp-block-table">{table}<figcaption>Sumber: Dinsos</figcaption></figure>'
                       if a.table_figure else table)  # fmt: skip
        if a.comments_in_content:
            out.append(
                '<div id="comments" class="comments-area"><h2 class="comments-title">2 tanggapan untuk berita ini</h2>'
                '<ol class="comment-list"><li id="comment-11" class="comment even depth-1"><article class="comment-body">'
                '<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Budi Santoso</b> '
                '<span class="says">berkata:</span></div></footer><div class="comment-content"><p>Mantap, semoga '
                'pembangunan jalan di desa kami juga segera dimulai.</p></div><div class="reply"><a rel="nofollow" '
                'class="comment-reply-link" href="?replytocom=11#respond">Balas</a></div></article></li></ol></div>'
            )
        if self.site.view_counter:
            out.append(
                f'<div class="post-views content-post post-{a.post_id} entry-meta"><span class="post-views-label">'
                f'Dibaca</span> <span class="post-views-count">{VIEWS_MARK}</span> kali</div>'
            )
        return "\n" + "\n".join(out) if out else ""

    def content_html(self, a: SampleArticle, page: int = 1) -> str:
        """The post's content as ``the_content()`` prints page ``page`` of it."""
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

    def related_pool(self, a: SampleArticle, size: int = 3) -> list[SampleArticle]:
        """The newest other articles of its section, as themes show them (a short scan, never the whole section)."""
        pool = []
        for x in self.site.section_articles(a.sections[0]):
            if x.post_id != a.post_id:
                pool.append(x)
                if len(pool) == size:
                    break
        return pool

    def neighbours(self, a: SampleArticle) -> tuple[SampleArticle | None, SampleArticle | None]:
        """The articles published just before and just after it (the older and the newer)."""
        arts, i = self.site.articles, self.site.position[a.post_id]
        return (arts[i + 1] if i + 1 < len(arts) else None), (arts[i - 1] if i > 0 else None)

    def related_html(self, a: SampleArticle) -> str:
        pool = self.related_pool(a)
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
        older, newer = self.neighbours(a)
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
        body = self.body_html(a, page) + self.link_pages(
            a, page, '<div class="page-nav page-nav-post td-pb-padding-side">', "</div>"
        )
        if a.template == "classic":
            article_html, body_class = self.classic_article_html(a, url, author_url, body)
        else:
            article_html, body_class = self.composer_article_html(a, crumbs, author_url, body)
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

    def classic_article_html(self, a: SampleArticle, url: str, author_url: str, body: str) -> tuple[str, str]:
        """The post in the theme's classic single template: its ``<article>`` and the page's body class."""
        cats_classic = "".join(
            f'<li class="entry-category"><a href="{self.section_url(s)}">{texturize(self.site.sections[s].name)}</a></li>'
            for s in a.sections
        )
        classes = f"post-{a.post_id} post type-post status-publish format-standard has-post-thumbnail " + " ".join(
            f"category-{s}" for s in a.sections
        )
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
        return article_html, body_class

    def composer_article_html(self, a: SampleArticle, crumbs: str, author_url: str, body: str) -> tuple[str, str]:
        """The post in a tagDiv Composer template (``tdb_*`` blocks): its ``<article>`` and the page's body class."""
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
        return article_html, body_class

    def inline_related_css(self, a: SampleArticle) -> str:
        """Inline Related Posts' styles, when the plugin prints them in the footer rather than in each box."""
        if not any(b.shape == "irp_footer_css" for b in a.baca_juga):
            return ""
        rules = "".join(
            IRP_CSS.format(c="u" + hashlib.md5(f"{a.post_id}-{k}".encode()).hexdigest())
            for k in range(len(a.baca_juga))
        )
        return f"<style>{rules}</style>"
