"""The sample site's content: articles and their quirks, generated from a seed.

Everything here is data; ``render`` turns it into pages and ``truth`` into the
ground truth.  Each article carries the shapes it is rendered with (template,
metadata kind, body shape, Baca Juga shapes) so that a test can pick a page that
shows a given quirk, and the truth can say which quirks a page carries.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import unquote

from ..clock import WIB
from . import vocab
from .releases import run_releases
from .speech import give_voices, seed_article_quotes

SEED_ARTICLE_PATH = Path(__file__).with_name("seed-article.txt")
SEED_PUBLISHED = datetime(2023, 2, 8, 20, 15, 32, tzinfo=WIB)

BACA_JUGA_SHAPES = ("irp", "irp_footer_css", "strong_colon", "plain", "red_span", "list_box")
HREF_SPELLINGS = ("canonical", "no_slash", "utm", "old_slug", "other_host", "fragment")
# Spellings pasted from the AMP edition, given to some links after the random ones (the seed's draws stay the same).
AMP_SPELLINGS = ("amp", "amp_query")


@dataclass
class BacaJuga:
    """One inline related-link block: where it sits, how it looks, where it points."""

    after_paragraph: int
    shape: str
    targets: list[int]  # post IDs; DELETED_POST_ID for the deleted article
    spellings: list[str]


@dataclass
class SampleArticle:
    post_id: int
    slug: str
    title: str
    published: datetime
    modified: datetime
    author: tuple[str, str]  # (nicename, display name)
    sections: list[str]  # slugs, primary first
    tags: list[str]
    dateline: str | None
    dash: str  # what separates the dateline from the text
    paragraphs: list[str]
    subheadings: set[int] = field(default_factory=set)
    quote_paragraph: int | None = None
    baca_juga: list[BacaJuga] = field(default_factory=list)
    template: str = "classic"  # classic | tdb
    meta: str = "yoast"  # yoast | yoast_old | yoast_local | og | none
    body_shape: str = "gutenberg"  # gutenberg | classic_span | br
    date_display: str = "long"  # long | short | wp_default | with_time | text_only
    embeds: list[str] = field(default_factory=list)
    figure_after: int | None = None
    ad_after: int | None = None
    comments: int = 0
    old_slugs: list[str] = field(default_factory=list)
    duplicate_of: int | None = None
    traps: list[str] = field(default_factory=list)
    image: str = ""
    author_label: str = "Penulis"
    tag_label: str = "LABEL"
    day: int = 1  # the sample day on which the article first appears
    split_at: list[int] = field(default_factory=list)  # <!--nextpage-->: the first paragraph of pages 2, 3...
    quotes: list[dict] = field(default_factory=list)  # who says what, in print order (speech.py)
    # Round four's faults: a data table after the text (in a block editor's figure or not), comments printed inside
    # the content element
    table: list[tuple[str, ...]] = field(default_factory=list)
    table_figure: bool = False
    comments_in_content: bool = False
    # What the page declares it is (news, press_release, advertorial), by which marks; the release it reuses
    kind: str = "news"
    kind_marks: list[str] = field(default_factory=list)
    release: dict | None = None

    @property
    def page_count(self) -> int:
        return len(self.split_at) + 1

    def page_paragraphs(self, page: int) -> range:
        """The paragraphs printed on page ``page`` (from 1) of the post."""
        starts = [0, *self.split_at, len(self.paragraphs)]
        return range(starts[page - 1], starts[page])

    @property
    def path(self) -> str:
        return f"/{self.slug}/"


VIEWS_MARK = "@@VIEWS@@"  # where a view counter's number goes; the server writes the count of each request
DELETED_POST_ID = -1
DELETED_SLUG = "berita-ini-sudah-dihapus-redaksi"
LONG_PATH_POST_ID = -2  # a link whose path is 3,000 characters long


@dataclass
class Section:
    slug: str
    name: str
    parent: str | None
    layout: str

    @property
    def path(self) -> str:
        if self.parent:
            return f"/category/{self.parent}/{self.slug}/"
        return f"/category/{self.slug}/"


@dataclass
class Site:
    seed: int
    now: datetime
    day: int
    articles: list[SampleArticle]  # newest first, only those live on this day
    sections: dict[str, Section]
    per_page: int = 10
    featured: list = field(default_factory=list)  # older posts every section page pins above its list (a fault)
    view_counter: bool = False  # every article's content ends with a counter of its views (a fault)
    releases: list = field(default_factory=list)  # the press releases the newsroom ran, as sent (releases.py)

    def __post_init__(self):
        self.by_id = {a.post_id: a for a in self.articles}
        self.position = {a.post_id: i for i, a in enumerate(self.articles)}  # newest first
        self.by_slug = {unquote(a.slug): a for a in self.articles}  # as the server finds them: decoded
        self.old_slugs = {old: a for a in self.articles for old in a.old_slugs}
        self._listing_cache: dict[str, list[SampleArticle]] = {}

    def section_articles(self, slug: str) -> list[SampleArticle]:
        """Articles listed on a section: its own and its child sections', newest first."""
        if slug not in self._listing_cache:
            family = {slug} | {s.slug for s in self.sections.values() if s.parent == slug}
            self._listing_cache[slug] = [a for a in self.articles if family & set(a.sections)]
        return self._listing_cache[slug]

    def section_pages(self, slug: str) -> int:
        return max(1, -(-len(self.section_articles(slug)) // self.per_page))


def wib_now_default() -> datetime:
    """The current hour in WIB: the default "now" of the sample, stable within the hour."""
    return datetime.now(WIB).replace(minute=0, second=0, microsecond=0)


def slugify(text: str) -> str:
    text = text.lower().replace("&", " ").replace("’", "").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def load_seed_article() -> tuple[str, list[str], list[str]]:
    """Title, paragraphs (dateline removed) and Baca Juga titles of the one real article."""
    lines = [ln.strip() for ln in SEED_ARTICLE_PATH.read_text(encoding="utf-8").splitlines()]
    lines = [ln for ln in lines if ln]
    title = lines[1]
    body_lines = lines[lines.index("BERBAGI") + 1 : lines.index("LEAVE A REPLY")]
    paragraphs, related = [], []
    for line in body_lines:
        if line.startswith("Baca Juga"):
            related.append(line[len("Baca Juga") :].strip())
        else:
            paragraphs.append(line)
    first = paragraphs[0]
    assert first.startswith("SUARAPOS.COM – ")
    paragraphs[0] = first[len("SUARAPOS.COM – ") :]
    return title, paragraphs, related


class _Slots(dict):
    """Placeholder values drawn on first use, so a pattern pays only for what it names."""

    def __init__(self, rng: random.Random, when: datetime):
        super().__init__()
        self.rng, self.when = rng, when

    def __missing__(self, key: str) -> str:
        r, when = self.rng, self.when
        if key in ("person", "person_title"):
            self["person"], self["person_title"] = r.choice(vocab.PEOPLE)
        elif key in ("event", "event_l"):
            self["event"] = r.choice(vocab.EVENTS)
            self["event_l"] = self["event"][0].lower() + self["event"][1:]
        elif key in ("topic", "topic_cap"):
            self["topic"] = r.choice(vocab.TOPICS)
            self["topic_cap"] = self["topic"][0].upper() + self["topic"][1:]
        elif key == "office":
            self[key] = r.choice(vocab.OFFICES)
        elif key == "place":
            self[key] = r.choice(vocab.PLACES)
        elif key == "n":
            self[key] = str(r.choice([2, 3, 5, 12, 25, 40, 150, 300, 750]))
        elif key == "weekday":
            self[key] = vocab.WEEKDAYS_ID[when.weekday()]
        elif key == "dmy":
            self[key] = f"{when.day}/{when.month}/{when.year}"
        else:
            raise KeyError(key)
        return self[key]


class _Writer:
    """Plausible Indonesian regional news from the vocabulary, driven by one RNG."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def fill(self, pattern: str, when: datetime) -> str:
        """The pattern with each placeholder drawn from the vocabulary (only those it uses)."""
        return pattern.format_map(_Slots(self.rng, when))

    def title(self, when: datetime) -> str:
        return self.fill(self.rng.choice(vocab.TITLE_PATTERNS), when)

    def paragraph(self, when: datetime) -> str:
        r = self.rng
        if r.random() < 0.22:
            person, _ = r.choice(vocab.PEOPLE)
            quote = self.fill(r.choice(vocab.QUOTES), when)
            verb = r.choice(["ujar", "kata", "tegas", "jelas", "ungkap"])
            return f"“{quote},” {verb} {person}."
        return " ".join(self.fill(r.choice(vocab.SENTENCES), when) for _ in range(r.randint(1, 3)))

    def paragraphs(self, when: datetime, count: int) -> list[str]:
        first = self.fill(vocab.SENTENCES[0], when) + " " + self.fill(self.rng.choice(vocab.SENTENCES), when)
        return [first] + [self.paragraph(when) for _ in range(count - 1)]


def _publication_times(rng: random.Random, now: datetime, count: int) -> list[datetime]:
    """``count`` times going back from ``now``, about a dozen a day, newest first."""
    times, t = [], now
    for _ in range(count):
        t -= timedelta(minutes=rng.randint(20, 220), seconds=rng.randint(0, 59))
        times.append(t)
    return times


def build_site(
    articles: int = 60, day: int = 1, now: datetime | None = None, seed: int = 8, speech: str = "seen"
) -> Site:
    """The site as it stands on ``day`` (1 or later) with ``articles`` articles on day 1; its quotes in the forms
    of ``speech`` (``seen``, or ``held_out``: forms the quote extraction was not written against; ``none``: as the
    writer drew them, no truth of quotes: the site an archive of an earlier release was made of)."""
    if articles < 20:
        raise ValueError("the sample needs at least 20 articles to show every quirk")
    now = (now or wib_now_default()).astimezone(WIB)
    rng = random.Random(seed)
    writer = _Writer(rng)
    sections = {slug: Section(slug, name, parent, layout) for slug, name, parent, layout in vocab.SECTIONS}
    leaf_sections = [s for s in sections if s not in {"daerah"}]

    times = _publication_times(rng, now, articles)
    day2_count = max(3, min(12, articles // 40))
    day2_times = sorted((now + timedelta(minutes=rng.randint(30, 23 * 60)) for _ in range(day2_count)), reverse=True)
    all_times = day2_times + times
    first_day = [2] * day2_count + [1] * articles

    made: list[SampleArticle] = []
    for when, appears in zip(all_times, first_day, strict=False):
        primary = rng.choice(leaf_sections)
        secs = [primary]
        if rng.random() < 0.3:
            other = rng.choice([s for s in leaf_sections if s != primary])
            secs.append(other)
        if sections[primary].parent and rng.random() < 0.5:
            secs.append(sections[primary].parent)
        title = writer.title(when)
        paragraph_count = rng.choice([4, 5, 6, 7, 8, 9, 10, 12, 16, 24])
        city = vocab.SECTION_CITY.get(primary) or rng.choice([None, None, "PANGKALPINANG", "SUNGAILIAT"])
        made.append(
            SampleArticle(
                post_id=0,
                slug="",
                title=title,
                published=when,
                modified=when + timedelta(minutes=rng.randint(0, 90)),
                author=rng.choice(vocab.AUTHORS),
                sections=secs,
                tags=rng.sample(vocab.TAG_POOL, rng.randint(0, 4)),
                dateline=None if primary == "opini" else ("SUARAPOS.COM" + (f", {city}" if city else "")),
                dash=rng.choice(["–", "–", "-", "—"]),
                paragraphs=writer.paragraphs(when, paragraph_count),
                day=appears,
            )
        )

    _give_quirks(made, rng, writer, sections, now)
    releases = _speak_and_run_releases(made, seed, speech)

    live = [a for a in made if a.day <= day]
    if day >= 2:
        _apply_correction(live, now)
    site_now = now + timedelta(days=day - 1)
    return Site(seed=seed, now=site_now, day=day, articles=live, sections=sections, releases=releases)


def _speak_and_run_releases(made: list[SampleArticle], seed: int, speech: str) -> list:
    """The passes after the writer's: quotes in the forms of ``speech``, then releases and advertorials (none:
    the text as the writer drew it, as releases of the crawler before these passes served it)."""
    if speech == "none":
        return []
    give_voices(made, seed, speech)
    next(a for a in made if "seed_article" in a.traps).quotes = seed_article_quotes()
    return run_releases(made, seed, speech)


def _give_quirks(made: list[SampleArticle], rng: random.Random, writer: _Writer, sections, now: datetime) -> None:
    """The real article, IDs and slugs, shapes, traps, Baca Juga links and split posts, in this order."""
    _place_seed_article(made, writer, rng)
    made.sort(key=lambda a: a.published, reverse=True)
    _assign_ids_and_slugs(made)
    _assign_shapes(made, rng, now)
    _plant_traps(made, rng, writer, sections)
    made.sort(key=lambda a: a.published, reverse=True)
    _assign_baca_juga(made, rng)
    _split_long_posts(made)
    _respell_as_amp(made)


def _place_seed_article(made: list[SampleArticle], writer: _Writer, rng: random.Random) -> None:
    """Add the real article and the three articles it links to, dated as the real ones were."""
    title, paragraphs, related_titles = load_seed_article()
    targets = []
    for i, related_title in enumerate(related_titles):
        when = SEED_PUBLISHED - timedelta(days=3 + 5 * i, hours=i)
        section = ["hukum-kriminal", "bangka", "pangkalpinang"][i % 3]
        targets.append(
            SampleArticle(
                post_id=0,
                slug="",
                title=related_title,
                published=when,
                modified=when,
                author=("redaksi", "Redaksi"),
                sections=[section],
                tags=["Bangka Belitung"],
                dateline="SUARAPOS.COM",
                dash="–",
                paragraphs=writer.paragraphs(when, 6),
            )
        )
    seed = SampleArticle(
        post_id=0,
        slug="",
        title=title,
        published=SEED_PUBLISHED,
        modified=SEED_PUBLISHED + timedelta(minutes=4, seconds=39),
        author=("redaksi", "Redaksi"),
        sections=["pemerintahan"],
        tags=["Diskominfo Babel", "Pranata Humas"],
        dateline="SUARAPOS.COM",
        dash="–",
        paragraphs=paragraphs,
        traps=["seed_article"],
    )
    seed.baca_juga = [BacaJuga(after, "irp", [0], ["canonical"]) for after in (1, 4, 6)]
    seed._seed_targets = targets  # noqa: SLF001 - resolved to IDs once IDs exist
    # The real article and its targets replace the oldest generated ones, so the count holds.
    del made[-4:]
    made.extend([seed, *targets])


def _assign_ids_and_slugs(made: list[SampleArticle]) -> None:
    used: set[str] = set()
    for i, article in enumerate(reversed(made)):  # oldest gets the lowest ID
        article.post_id = 1001 + i * 3
        slug = slugify(article.title)[:90].strip("-")
        if slug in used:
            slug = f"{slug}-{article.post_id}"
        used.add(slug)
        article.slug = slug


def _assign_shapes(made: list[SampleArticle], rng: random.Random, now: datetime) -> None:
    """Template, metadata, body and date display, by age as on the real site."""
    n = len(made)
    for rank, a in enumerate(made):  # rank 0 is newest
        age = rank / n
        a.template = "tdb" if age < 0.3 and rng.random() < 0.8 else "classic"
        a.body_shape = "br" if age > 0.85 else rng.choice(["gutenberg", "gutenberg", "classic_span"])
        a.meta = rng.choices(["yoast", "yoast_old", "yoast_local", "og", "none"], [50, 8, 7, 20, 15])[0]
        a.date_display = rng.choice(["long", "long", "short", "wp_default"])
        if a.template == "tdb" and rng.random() < 0.4:
            a.date_display = "with_time"
        a.author_label = rng.choice(["Penulis", "Penulis", "Oleh", "By"])
        a.tag_label = rng.choice(["LABEL", "LABEL", "TAGS"])
        a.image = f"/wp-content/uploads/{a.published:%Y/%m}/IMG-{a.published:%Y%m%d}-WA{a.post_id % 9000:04d}.jpg"
        if len(a.paragraphs) > 3:
            a.figure_after = rng.choice([None, 1, 2])
            a.ad_after = rng.choice([None, 2, 3])
        if rng.random() < 0.12:
            a.embeds.append(rng.choice(["instagram", "youtube", "tweet"]))
        if rng.random() < 0.2:
            a.comments = rng.randint(1, 3)
        if len(a.paragraphs) > 5 and rng.random() < 0.15:
            a.subheadings.add(len(a.paragraphs) // 2)
        if len(a.paragraphs) > 4 and rng.random() < 0.1:
            a.quote_paragraph = 3
        if rng.random() < 0.08:
            a.old_slugs.append(old_slug(a))


def old_slug(article: SampleArticle) -> str:
    """The slug an article had before an editor shortened its URL (unique: it carries the post ID)."""
    return "-".join(article.slug.split("-")[:6]) + f"-{article.post_id}-draft"


def _find(made, predicate, start: int = 0) -> SampleArticle:
    for a in made[start:]:
        if predicate(a) and not a.traps:
            return a
    raise LookupError("no article fits this trap")


def _plant_traps(made: list[SampleArticle], rng: random.Random, writer: _Writer, sections) -> None:
    """Make sure every quirk of SITE.md is on some page, whatever the seed (in this order: each trap goes to an
    article no earlier one took)."""
    day1 = [a for a in made if a.day == 1]
    mid = len(day1) // 3
    _plant_title_traps(day1, mid)
    _plant_republished_release(made, day1, mid)
    _plant_metadata_traps(made, day1, mid)
    _plant_body_traps(day1, mid)


def _plant_title_traps(day1: list[SampleArticle], mid: int) -> None:
    early = _find(day1, lambda a: a.meta == "yoast", 2)
    early.published = early.published.replace(hour=5, minute=30, second=0)
    early.modified = early.published + timedelta(minutes=7)
    early.template, early.traps = "classic", ["early_morning_utc_previous_day"]

    long_title = _find(day1, lambda a: True, 3)
    long_title.title = (
        "Pemerintah Provinsi Kepulauan Bangka Belitung Bersama Seluruh Kabupaten dan Kota "
        "Sepakat Percepat Penurunan Angka Stunting Tahun Depan"
    )
    long_title.traps = ["long_title_crumb_cut"]

    quoted = _find(day1, lambda a: True, 4)
    quoted.title = "Gubernur: “Jangan Ada Lagi Pungli” di Pelabuhan Pangkalbalam & Tanjung Gudang"
    quoted.traps = ["quotes_and_ampersand_in_title"]

    script = _find(day1, lambda a: True, 5)
    script.title = "Waspada Modus Penipuan Lewat Tautan <script> Palsu di WhatsApp"
    script.traps = ["markup_in_title"]

    shared_a = _find(day1, lambda a: True, mid)
    shared_b = _find(day1, lambda a: True, mid + 5)
    for a in (shared_a, shared_b):
        a.title = "Rapat Paripurna DPRD Babel Digelar"
        a.traps = ["shared_title"]


def _plant_republished_release(made: list[SampleArticle], day1: list[SampleArticle], mid: int) -> None:
    release = _find(day1, lambda a: a.template == "classic", mid + 8)
    release.tags = ["Press Release", "Diskominfo Babel"]
    release.traps = ["press_release_original"]
    copy = SampleArticle(**{k: v for k, v in vars(release).items() if not k.startswith("_")})
    copy.published = release.published + timedelta(hours=3, minutes=12)
    copy.modified = copy.published
    copy.post_id = release.post_id + 1
    copy.slug = release.slug + "-2"
    copy.old_slugs, copy.baca_juga, copy.comments = [], [], 0
    copy.duplicate_of = release.post_id
    copy.traps = ["press_release_republished"]
    made.append(copy)


def _plant_metadata_traps(made: list[SampleArticle], day1: list[SampleArticle], mid: int) -> None:
    visible = _find(made, lambda a: a.template == "tdb" and a.day == 1, 1)
    visible.meta, visible.date_display, visible.traps = "none", "text_only", ["date_only_in_visible_text"]

    trap_only = _find(day1, lambda a: a.template == "classic", mid + 12)
    trap_only.meta, trap_only.traps = "none", ["only_theme_datetime_plus0000"]

    old_style = _find(day1, lambda a: True, mid + 14)
    old_style.meta, old_style.traps = "yoast_old", ["yoast_comma_section_string_count"]


def _plant_body_traps(day1: list[SampleArticle], mid: int) -> None:
    jumat = _find(day1, lambda a: a.dateline is not None, mid + 16)
    jumat.paragraphs[0] = jumat.paragraphs[0].rstrip(".") + ", Jum’at (10/2/2023)."
    jumat.traps = ["jumat_apostrophe_in_body"]

    for kind, offset in (("instagram", 6), ("youtube", 7), ("tweet", 9)):
        a = _find(day1, lambda a: True, offset)
        a.embeds = [kind]
        a.traps = [f"embed_{kind}"]

    commented = _find(day1, lambda a: True, 10)
    commented.comments, commented.traps = 3, ["comments_replytocom"]

    moved = _find(day1, lambda a: True, 11)
    moved.old_slugs = [old_slug(moved)]
    moved.traps = ["old_slug_redirect"]


def _assign_baca_juga(made: list[SampleArticle], rng: random.Random) -> None:
    """Inline related links to older articles, in every shape and URL spelling."""
    by_slug = {a.slug: a for a in made}
    by_id = {a.post_id: a for a in made}
    for i, a in enumerate(made):
        seed_targets = getattr(a, "_seed_targets", None)
        if seed_targets:
            for box, target in zip(a.baca_juga, seed_targets, strict=False):
                box.targets = [by_slug[target.slug].post_id]
            continue
        older = made[i + 1 : i + 51]  # editors link to what they remember: recent older stories
        if a.duplicate_of or not older or rng.random() < 0.15:
            continue
        usable = len(a.paragraphs) - 1
        shapes = ["br_line"] if a.body_shape == "br" else list(BACA_JUGA_SHAPES)
        count = min(usable, rng.choice([1, 1, 2, 3]))
        positions = sorted(rng.sample(range(usable), count))
        shape = rng.choice(shapes)
        for pos in positions:
            this_shape = shape if shape.startswith("irp") else rng.choice(shapes)
            targets = [rng.choice(older).post_id for _ in range(3 if this_shape == "list_box" else 1)]
            spellings = [rng.choices(HREF_SPELLINGS, [60, 10, 10, 8, 6, 6])[0] for _ in targets]
            for j, t in enumerate(targets):
                if spellings[j] == "old_slug" and not by_id[t].old_slugs:
                    spellings[j] = "canonical"
            a.baca_juga.append(BacaJuga(pos, this_shape, targets, spellings))
    moved = [a for a in made if a.old_slugs]
    # A link to an article that was deleted after it was linked.
    linker = next(a for a in made[5:] if a.day == 1 and a.baca_juga and a.body_shape != "br" and not a.traps)
    linker.baca_juga.append(BacaJuga(0, "strong_colon", [DELETED_POST_ID], ["canonical"]))
    linker.traps.append("baca_juga_to_deleted_article")
    position = {a.post_id: i for i, a in enumerate(made)}
    for target in moved:
        idx = position[target.post_id]
        for a in made[max(0, idx - 20) : idx]:
            if a.day == 1 and a.baca_juga and a.body_shape != "br" and not a.duplicate_of:
                a.baca_juga.append(BacaJuga(len(a.paragraphs) - 2, "plain", [target.post_id], ["old_slug"]))
                break
    for a in made:
        a.baca_juga.sort(key=lambda b: b.after_paragraph)
        if sum(b.shape.startswith("irp") for b in a.baca_juga) > 3:  # the plugin writes at most 3
            a.baca_juga = [b for b in a.baca_juga if not b.shape.startswith("irp")][:1] + [
                b for b in a.baca_juga if b.shape.startswith("irp")
            ][:3]
            a.baca_juga.sort(key=lambda b: b.after_paragraph)


def _split_long_posts(made: list[SampleArticle]) -> None:
    """Some long posts are split into three pages with ``<!--nextpage-->`` (chosen by post ID, not drawn)."""
    eligible = [
        a
        for a in made
        if len(a.paragraphs) >= 9 and not a.traps and a.body_shape != "br" and not a.duplicate_of and not a.embeds
    ]
    chosen = [a for a in eligible if a.post_id % 11 == 3] or eligible[:1]
    for a in chosen:
        n = len(a.paragraphs)
        a.split_at = [n // 3, 2 * n // 3]  # not a trap: traps choose the articles of later quirks


def _respell_as_amp(made: list[SampleArticle]) -> None:
    """Some links an editor copied from the AMP edition: ``/slug/amp/`` or ``/slug/?amp=1``."""
    boxes = [
        (a, box, j) for a in made for box in a.baca_juga for j, sp in enumerate(box.spellings) if sp == "canonical"
    ]
    for k, (a, box, j) in enumerate(boxes):
        if a.post_id in (DELETED_POST_ID,) or box.targets[j] < 0:
            continue
        if k % 13 == 5:
            box.spellings[j] = "amp"
        elif k % 13 == 11:
            box.spellings[j] = "amp_query"


def _apply_correction(live: list[SampleArticle], now: datetime) -> None:
    """Day 2: the editors correct one recent day-1 article."""
    target = next(a for a in live if a.day == 1 and not a.traps and a.meta == "yoast")
    target.title = target.title + " (Ralat)"
    target.paragraphs = list(target.paragraphs)
    target.paragraphs[-1] = target.paragraphs[-1] + " Berita ini telah diperbarui dengan keterangan terbaru."
    target.modified = now + timedelta(hours=2)
    target.traps = list(target.traps) + ["corrected_on_day_2"]
