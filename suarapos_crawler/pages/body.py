"""An article's own text from its content element, and the inline "Baca Juga" links taken out of it.

Works on a copy of the lxml tree: first the related-link blocks are lifted out
(with their targets), then everything that is not the article's prose (ads,
figures and captions, embeds, scripts and CSS), then the rest is read as
paragraphs, block by block, with ``<br><br>`` as a paragraph break too.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from lxml import etree

from .html import classes, has_class, select
from .text import clean_line

BACA_JUGA_LABEL = re.compile(r"^\s*baca\s+juga\b\s*:?\s*", re.I)
# Elements that may carry the label at the start of their text.
LABEL_TAGS = ("p", "div", "li", "h2", "h3", "h4", "h5", "h6", "strong", "b", "span", "ul")
XML_SPACE = re.compile(r"[ \t\r\n]+")
BACA_JUGA_AT_END = re.compile(r"baca\s+juga\s*:?\s*$", re.I)
# Blocks that are never prose, by tag or by one class token.
NOT_PROSE_TAGS = {
    "script",
    "style",
    "noscript",
    "iframe",
    "figure",
    "figcaption",
    "img",
    "ins",
    "form",
    "button",
    "svg",
    "video",
    "audio",
    "object",
    "embed",
    "input",
    "select",
    "textarea",
}
NOT_PROSE_CLASSES = {
    "td-a-rec",
    "wp-caption",
    "td-post-featured-image",
    "instagram-media",
    "twitter-tweet",
    "wp-block-embed",
    "td-post-sharing",
    "td-post-sharing-top",
    "td-post-sharing-bottom",
    "sharedaddy",
    "jp-relatedposts",
    "td-adspot-title",
    "tiktok-embed",
    "fb-post",
    "adsbygoogle",
    "wp-caption-text",
    "gallery",
    "wp-block-gallery",
    "td-g-rec",
    "code-block",
    # plugins' and themes' furniture inside the content: share buttons, a split post's page links
    "addtoany_share_save_container",
    "a2a_kit",
    "page-nav",
    "page-links",
    "pagination",
    "post-page-numbers",
    # comments a theme prints inside the content (WordPress's own classes: comments_template, wp_list_comments)
    "comments-area",
    "comment-list",
    "comment-respond",
    # a view counter (Post Views Counter): a number that changes on every fetch would make every fetch a version
    "post-views",
    "post-views-count",
}
BLOCK_TAGS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "pre",
    "dl",
    "dt",
    "dd",
    "center",
    "aside",
    "hr",
}
NOT_PROSE_TEXT = re.compile(r"^(- ?advertisement ?-|advertisement|iklan|berbagi|scroll to continue.*)$", re.I)
DATELINE = re.compile(
    r"^(?P<dateline>(?:[A-Z][A-Z .']*,\s*)?[A-Z][A-Z0-9-]*\.(?:COM|CO\.ID|ID|NET)(?:\s*,\s*[A-Z][A-Z .'/-]*[A-Z])?)"
    r"\s*[-–—]+\s*"
)


@dataclass
class FoundLink:
    href: str
    text: str


def text_of(el) -> str:
    return clean_line(" ".join(el.itertext()))


def remove(el) -> None:
    """Take an element out, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail or ""
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def attached(el, root) -> bool:
    """Whether ``el`` is still inside ``root`` (not in a subtree already removed)."""
    return any(anc is root for anc in el.iterancestors())


def outermost_wrapper(el, root):
    """The largest ancestor (below ``root``) that holds nothing but ``el``'s text."""
    own = text_of(el)
    while True:
        parent = el.getparent()
        if parent is None or parent is root or text_of(parent) != own:
            return el
        el = parent


def text_before(el):
    """Where the text just before ``el`` lives: (element, "tail") of its previous sibling or (parent, "text")."""
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):  # skip comments
        if prev.tail and prev.tail.strip():
            return prev, "tail"
        prev = prev.getprevious()
    if prev is not None:
        return prev, "tail"
    parent = el.getparent()
    return (parent, "text") if parent is not None else (None, "")


def _link_text(a) -> str:
    title = select(a, f".//*[{has_class('postTitle')}]")
    return text_of(title[0]) if title else text_of(a)


def starts_with_label(el) -> bool:
    """Whether the element's text begins with "baca jug" (any case, whitespace collapsed as XPath's
    ``normalize-space`` does), reading only as much of its text as that takes."""
    lead = ""
    for piece in el.itertext():
        if not lead:
            piece = piece.lstrip(" \t\r\n")
            if piece and piece[0] not in "bB":  # how nearly every element answers
                return False
        lead += piece
        if len(lead) >= 8 and len(lead := XML_SPACE.sub(" ", lead)) >= 8:
            break
    return lead[:8].lower() == "baca jug"


def labelled_blocks(root) -> list:
    """Elements whose text begins with "baca jug", in document order. (An XPath test of every element's
    whole string value cost more than the rest of the body's extraction.)"""
    return [el for el in root.iter(*LABEL_TAGS) if el is not root and starts_with_label(el)]


def lift_baca_juga(root) -> list[FoundLink]:
    """Remove every inline "Baca Juga" block from ``root``; return its links in document order."""
    found: list[tuple[int, list[FoundLink]]] = []
    order = {el: i for i, el in enumerate(root.iter())}

    # 1. The Inline Related Posts box: a link holding span.ctaText (its CSS may be inside).
    for cta in select(root, f".//*[{has_class('ctaText')}]"):
        a = next((x for x in cta.iterancestors("a")), None)
        if a is None or not attached(a, root):
            continue
        found.append((order.get(a, 0), [FoundLink(a.get("href", ""), _link_text(a))]))
        remove(outermost_wrapper(a, root))

    # 2. Hand-typed blocks whose text starts with the label: a paragraph, or a box with a list.
    # Found once for steps 2 and 3: taking an element out only shortens the text of those around it, so an
    # element that begins with the label after step 2 began with it before (step 3 checks each one again).
    labelled = labelled_blocks(root)
    for el in labelled:
        if not attached(el, root) or not BACA_JUGA_LABEL.match(text_of(el)):
            continue
        links = select(el, ".//a[@href]")
        rest = text_of(el)
        for a in links:
            rest = rest.replace(text_of(a), "", 1)
        if not links or len(BACA_JUGA_LABEL.sub("", rest).strip(" :-–")) > 3:
            continue  # a sentence that merely begins with the words
        found.append((order.get(el, 0), [FoundLink(a.get("href", ""), _link_text(a)) for a in links]))
        remove(outermost_wrapper(el, root))

    # 3. A label alone (a heading or paragraph "Baca Juga:") followed by a list of links.
    for el in labelled:
        if not attached(el, root) or select(el, ".//a") or not BACA_JUGA_LABEL.fullmatch(text_of(el) + " "):
            continue
        following = el.getnext()
        if following is None or following.tag not in ("ul", "ol") or not select(following, ".//a[@href]"):
            continue
        found.append(
            (order.get(el, 0), [FoundLink(a.get("href", ""), _link_text(a)) for a in select(following, ".//a[@href]")])
        )
        remove(following)
        remove(outermost_wrapper(el, root))

    # 4. A "Baca Juga: <a>" line inside running text (old <br> posts), the link perhaps in <strong>.
    for a in list(root.iter("a")):
        if not attached(a, root):
            continue
        holder = outermost_wrapper(a, root)
        owner, attr_name = text_before(holder)
        before = getattr(owner, attr_name) or "" if owner is not None else ""
        if before.rstrip().rstrip(":").rstrip()[-4:].lower() != "juga" or not BACA_JUGA_AT_END.search(before):
            continue
        setattr(owner, attr_name, BACA_JUGA_AT_END.sub("", before))
        found.append((order.get(a, 0), [FoundLink(a.get("href", ""), _link_text(a))]))
        remove(holder)

    found.sort(key=lambda pair: pair[0])
    return [link for _, links in found for link in links]


def remove_furniture(el) -> None:
    """Take out an ad, an embed or a box the theme puts in the text, but not the article's paragraphs an unclosed
    tag of it swallowed (a ``</div>`` missing after an ad: a browser, and lxml, nest every later paragraph in the
    ad). WordPress's block editor marks each paragraph (``<!-- wp:paragraph -->``): the paragraphs from the first
    such mark on are the article's, moved out, in order, to where the box was."""
    swallowed, marked = [], False
    for node in el.iter():
        if not marked:
            marked = node.tag is etree.Comment and (node.text or "").strip().startswith("wp:paragraph")
        elif node.tag == "p" and not any(outer in swallowed for outer in node.iterancestors("p")):
            swallowed.append(node)
    for paragraph in reversed(swallowed):  # each put right after the box: reversed, they stay in order
        el.addnext(paragraph)
    remove(el)


def strip_non_prose(root) -> None:
    furniture = [
        el
        for el in root.iter()
        if isinstance(el.tag, str)
        and (el.tag in NOT_PROSE_TAGS or classes(el) & NOT_PROSE_CLASSES)
        and not (el.tag == "figure" and el.find(".//table") is not None)  # a table block (wp-block-table) is text
    ]
    for el in furniture:
        if attached(el, root):  # not inside a box already taken out
            remove_furniture(el)
    for el in list(root.iter(etree.Comment)):
        remove(el)


def _blocks(el, out: list[str]) -> None:
    """Text with a blank line around every block element and a newline for <br>.

    Iterative, not recursive: a page nested thousands of elements deep must not exhaust the stack."""
    stack: list[tuple[object, bool]] = [(el, False)]
    while stack:
        node, closing = stack.pop()
        if closing:  # after the node's children: close the block, then the text that follows it
            if node.tag in BLOCK_TAGS:
                out.append("\n\n")
            if node.tail:
                out.append(_inline(node.tail))
            continue
        if not isinstance(node.tag, str):  # a comment or processing instruction: only its tail is text
            if node.tail:
                out.append(_inline(node.tail))
            continue
        if node.tag in BLOCK_TAGS:
            out.append("\n\n")
        elif node.tag == "br":
            out.append("\n")
        elif node.tag in ("td", "th") and node.getprevious() is not None:
            out.append(" | ")  # a table's row is a line, its cells apart
        if node.text:
            out.append(_inline(node.text))
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))


def _inline(text: str) -> str:
    # Line breaks in the HTML source are spaces; only <br> and blocks break lines.
    return text.replace("\r", " ").replace("\n", " ")


def paragraphs_of(root) -> list[str]:
    parts: list[str] = []
    if root.text:
        parts.append(_inline(root.text))
    for child in root:
        if isinstance(child.tag, str):
            _blocks(child, parts)
        elif child.tail:
            parts.append(_inline(child.tail))
    text = "".join(parts)
    out = []
    for chunk in re.split(r"\n[ \t\r\f\v\xa0\u200b]*\n", text):
        para = clean_line(chunk)
        if para and not NOT_PROSE_TEXT.match(para):
            out.append(para)
    return out


def split_dateline(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """The dateline ("SUARAPOS.COM, PANGKALPINANG –") that opens the first paragraph, and the rest."""
    if not paragraphs:
        return None, paragraphs
    m = DATELINE.match(paragraphs[0])
    if not m:
        return None, paragraphs
    dateline = re.sub(r"\s*,\s*", ", ", m.group("dateline").strip())
    rest = paragraphs[0][m.end() :].strip()
    return dateline, ([rest] if rest else []) + paragraphs[1:]


@dataclass
class Body:
    paragraphs: list[str]
    dateline: str | None
    links: list[FoundLink]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def _before(a, b, root) -> bool:
    """``a`` comes before ``b`` in ``root``'s document order."""
    for node in root.iter():
        if node is a:
            return True
        if node is b:
            return False
    return False


def cut_at(root, stop) -> None:
    """Take out ``stop``, with the furniture around it that holds no paragraph, and everything after it in
    ``root``: what an unclosed tag of the text swallowed (the page's tags, next and previous posts, comments,
    sidebar and footer nested in the content element)."""
    while stop.getparent() is not root and not select(stop.getparent(), ".//p"):
        stop = stop.getparent()
    node = stop
    while node is not root:
        for later in list(node.itersiblings()):
            node.getparent().remove(later)
        node = node.getparent()
    stop.getparent().remove(stop)


def extract_body(content, exclude: tuple[str, ...] = (), ends_before: str = "") -> Body:
    """The prose, dateline and Baca Juga links of a content element (left untouched); ``exclude``: XPaths of what
    the theme puts inside it that is not the article (a learned profile's), taken out first; ``ends_before``: the
    XPath of a part the theme prints after the text (its tags), where the text ends if it is found inside."""
    root = copy.deepcopy(content)
    after = select(root, ends_before) if ends_before else []
    paragraphs = select(root, ".//p")
    if (
        after
        and paragraphs
        and _before(paragraphs[0], after[0], root)
        and not any(a.tag == "p" for a in after[0].iterancestors())
    ):  # text first, then the tags, outside any paragraph: the text ends there
        cut_at(root, after[0])
    links = lift_baca_juga(root)  # first: what a profile excludes may never take a Baca Juga box with it
    for query in exclude:
        for el in select(root, query):
            if el is not root and attached(el, root):
                remove_furniture(el)
    strip_non_prose(root)
    dateline, paragraphs = split_dateline(paragraphs_of(root))
    return Body(paragraphs, dateline, links)
