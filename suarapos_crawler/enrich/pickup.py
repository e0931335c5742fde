"""Press-release pickup: how much of a release an article reused, which paragraphs, and what the newsroom changed.

A release is compared with an article word by word, not by exact text: newsrooms cut paragraphs, swap them,
rewrite the lead, change a word, add their own. Each paragraph of the release is aligned with the article's
words (difflib), and only runs of at least ``RUN`` words in common count as reused, so that the words every
text of the region shares ("di Pangkalpinang", "Provinsi Kepulauan Bangka Belitung") do not. The share is the
fraction of the release's words reused, 0 to 1.

Which articles to compare is found by shingles: ``RUN``-word phrases of the release, sampled across it, asked
of the archive's full-text index at once (storage/pickup.py), so a release is compared with the few articles
that share a phrase with it, not with the whole archive.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from .diff import words_changed

RUN = 5  # words in common, in a row, that make a reuse (and the length of a probe phrase)
PROBES = 60  # phrases of the release asked of the index
WORD = re.compile(r"\w+")
EDGE_PUNCTUATION = "\"'“”‘’()[]{}.,:;!?…–—-"
TITLE_MAX_WORDS = 20


@dataclass
class Release:
    title: str
    paragraphs: list[str]

    @classmethod
    def from_text(cls, text: str) -> Release:
        """A release as pasted or saved: paragraphs between blank lines (one a line, where none is blank); a
        first line that is short and does not end a sentence is its title."""
        text = text.replace("\r\n", "\n").strip()
        blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
        if len(blocks) == 1:
            blocks = [line for line in text.split("\n") if line.strip()]
        lines = blocks[0].split("\n") if blocks else []
        title = ""
        if lines and len(WORD.findall(lines[0])) <= TITLE_MAX_WORDS and not lines[0].rstrip().endswith((".", "”")):
            title, rest = lines[0].strip(), "\n".join(lines[1:]).strip()
            blocks = ([rest] if rest else []) + blocks[1:]
        return cls(title, [" ".join(b.split()) for b in blocks])

    @property
    def words(self) -> int:
        return sum(len(words(p)) for p in self.paragraphs)


@dataclass
class ParagraphReuse:
    number: int  # the release's paragraph, from 1
    share: float  # of its words reused
    found_in: int | None  # the article's paragraph that holds most of it, from 1
    changes: list[tuple[str, str]] = field(default_factory=list)  # (same|del|ins, words): release → article


@dataclass
class Reuse:
    share: float
    title_kept: bool
    paragraphs: list[ParagraphReuse]

    @property
    def edited(self) -> bool:
        return any(p.share < 1 for p in self.paragraphs)


def words(text: str) -> list[str]:
    """The words of ``text`` as a reader counts them (``Rp12,3`` is one, ``(5/12/2026).`` one), case and the
    punctuation around them left out."""
    return [w for w in (t.strip(EDGE_PUNCTUATION).casefold() for t in (text or "").split()) if w]


def probe_phrases(release: Release, count: int = PROBES) -> list[list[str]]:
    """``count`` phrases of ``RUN`` words, spread evenly over every paragraph of the release."""
    phrases = [p[i : i + RUN] for p in map(words, release.paragraphs) for i in range(0, max(1, len(p) - RUN + 1))]
    phrases = [p for p in phrases if len(p) == RUN]
    step = max(1, len(phrases) // count)
    return phrases[::step][:count]


def reused_runs(release_words: list[str], article: difflib.SequenceMatcher) -> list[difflib.Match]:
    """The runs of words of the release found, in order, in the article (``article``: a matcher whose second
    sequence is the article's words, indexed once for every paragraph of the release): those of at least ``RUN``
    words, and the shorter ones in step with one of them, a word or two away (the rest of a sentence in which the
    newsroom changed a word)."""
    article.set_seq1(release_words)
    blocks = [m for m in article.get_matching_blocks() if m.size]
    long = [m for m in blocks if m.size >= RUN]
    return [m for m in blocks if m.size >= RUN or any(_in_step(m, run) for run in long)]


def _in_step(short: difflib.Match, run: difflib.Match, gap: int = 2) -> bool:
    """``short`` just before or just after ``run``, in the release and in the article alike."""
    before = 0 <= run.a - (short.a + short.size) <= gap and 0 <= run.b - (short.b + short.size) <= gap
    after = 0 <= short.a - (run.a + run.size) <= gap and 0 <= short.b - (run.b + run.size) <= gap
    return before or after


def compare(release: Release, title: str, body: str) -> Reuse:
    """How much of ``release`` the article (``title``, ``body`` in paragraphs) reused, paragraph by paragraph."""
    article = [p for p in (body or "").split("\n\n") if p.strip()]
    article_words = [words(p) for p in article]
    flat, owner = [], []
    for number, paragraph in enumerate(article_words):
        flat.extend(paragraph)
        owner.extend([number] * len(paragraph))
    matcher = difflib.SequenceMatcher(b=flat, autojunk=False)
    found, total, reuses = 0, 0, []
    for number, text in enumerate(release.paragraphs, 1):
        mine = words(text)
        runs = reused_runs(mine, matcher)
        reused = sum(m.size for m in runs)
        found, total = found + reused, total + len(mine)
        where = None
        if runs:
            biggest = max(runs, key=lambda m: m.size)
            where = owner[biggest.b]
        changes = (
            words_changed(text.split(), article[where].split()) if where is not None and reused < len(mine) else []
        )
        reuses.append(ParagraphReuse(number, round(reused / len(mine), 3) if mine else 0.0, _from_one(where), changes))
    return Reuse(round(found / total, 3) if total else 0.0, words(release.title) == words(title), reuses)


def _from_one(index: int | None) -> int | None:
    return None if index is None else index + 1
