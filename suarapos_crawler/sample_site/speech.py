"""The sample site speaks: who is quoted, in the forms the region's news prints, and the ground truth of it.

A pass over the generated articles after every other draw (its own RNG, so the site's other draws, pages and
faults stay as they were): the quote paragraphs the writer drew become quotes in the forms below, each recorded
with its speaker in ``SampleArticle.quotes``. Forms (``FORMS``), as the region's news writes them:

- quote, then a cue verb and the speaker (``“…,” ujar Kapolres Bangka AKBP Hendra Gunawan.``), with a context
  after the name (``saat ditemui di Koba``), in straight ASCII quotes, or holding a quote of its own (‘…’);
- the cue verb with ``-nya`` (``“…,” katanya.``): the last named speaker;
- the speaker, then the quote (``X mengatakan, “…”``, ``Menurut X, “…”``);
- a quote over two paragraphs (the first left open, as Indonesian newsrooms print it);
- a speaker named only by office (``Kapolres Bangka``), a resident named with age and place, or not named;
- indirect speech, with no quotation marks (``Menurut Kepala BPS Babel, Rina Marlina, …``).

``HELD_OUT_FORMS`` are forms the extractor was not written against: a build with ``speech="held_out"`` uses them
(with speakers of their own) to measure it on what it was not tuned to.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from . import vocab

CUES = ("ujar", "kata", "ucap", "tutur", "terang", "jelas", "tegas", "ungkap", "imbuh", "tambah", "pungkas")
SAYS_BEFORE = ("mengatakan", "menjelaskan", "menegaskan", "mengungkapkan", "menambahkan")
FORMS = ("after", "after", "after_context", "pronoun", "pronoun", "before", "menurut", "two_paragraphs", "nested",
         "ascii", "office", "resident", "unnamed", "indirect_menurut", "indirect_bahwa")  # fmt: skip
HELD_OUT_FORMS = ("held_after", "held_pronoun", "held_before", "held_split", "held_senada", "held_indirect")
# The writer's quote paragraphs, as content._Writer prints them before this pass gives them a form.
DRAWN_QUOTE = re.compile(r"^“(?P<quote>.+),” (?P<cue>\w+) (?P<name>[^.]+)\.$")


@dataclass(frozen=True)
class Speaker:
    name: str | None
    role: str | None
    organisation: str | None
    rank: str = ""
    age: int | None = None

    def mention(self, rng: random.Random) -> str:
        """How the article first names them: office and name, with or without a comma between."""
        if self.name is None:
            return self.role or ""
        if self.age is not None:
            return f"{self.name} ({self.age}), {self.role}"
        if self.role is None:
            return self.name
        if self.rank:
            return f"{self.role} {self.rank} {self.name}"
        return f"{self.role}, {self.name}" if rng.random() < 0.5 else f"{self.role} {self.name}"

    def again(self, rng: random.Random) -> str:
        """How a later paragraph names them: the name alone, or its first word."""
        if self.name is None:
            return self.role or ""
        first = self.name.split()[0]
        return first if " " in self.name and rng.random() < 0.4 else self.name


OFFICIALS = {"seen": vocab.OFFICIALS, "held_out": vocab.OFFICIALS_HELD_OUT}


def truth_of(speaker: Speaker, text: str, kind: str, cue: str | None, paragraph: int) -> dict:
    return {
        "quote": text,
        "speaker": speaker.name,
        "role": speaker.role,
        "organisation": speaker.organisation,
        "kind": kind,
        "cue": cue,
        "paragraph": paragraph,
    }


class Voices:
    """Gives one article its quotes; ``quotes`` is their truth, in the order they are printed."""

    def __init__(self, rng: random.Random, officials: list[Speaker], forms: tuple[str, ...]):
        self.rng, self.officials, self.forms = rng, officials, forms
        self.last: Speaker | None = None
        self.named: set[Speaker] = set()
        self.quotes: list[dict] = []

    def speaker(self) -> Speaker:
        if self.last is not None and self.rng.random() < 0.3:
            return self.last
        return self.rng.choice(self.officials)

    def name(self, s: Speaker) -> str:
        text = s.again(self.rng) if s in self.named and s.name else s.mention(self.rng)
        self.named.add(s)
        self.last = s
        return text

    def cue(self) -> str:
        return self.rng.choice(CUES)

    def say(self, s: Speaker, text: str, kind: str, cue: str | None, paragraph: int) -> None:
        self.quotes.append(truth_of(s, text, kind, cue, paragraph))

    def paragraph(self, form: str, quote: str, number: int) -> list[str]:
        """The paragraph(s) of one quote in ``form``; ``number`` is the first one's, counted from 1."""
        handler = getattr(self, f"form_{form}")
        return handler(quote, number)

    def form_after(self, quote, n, context=""):
        s, cue = self.speaker(), self.cue()
        if s is self.last and s in self.named:
            self.say(s, quote, "direct", cue, n)
            return [f"“{quote},” {cue}nya."]
        text = f"“{quote},” {cue} {self.name(s)}{context}."
        self.say(s, quote, "direct", cue, n)
        return [text]

    def form_after_context(self, quote, n):
        place = self.rng.choice(vocab.PLACES)
        return self.form_after(quote, n, self.rng.choice([f" saat ditemui di {place}", " usai kegiatan tersebut"]))

    def form_pronoun(self, quote, n):
        if self.last is None:
            return self.form_after(quote, n)
        cue = self.cue()
        self.say(self.last, quote, "direct", cue, n)
        return [f"“{quote},” {cue}nya."]

    def form_before(self, quote, n):
        s, verb = self.speaker(), self.rng.choice(SAYS_BEFORE)
        text = f"{self.name(s)} {verb}, “{quote}.”"
        self.say(s, f"{quote}.", "direct", verb, n)
        return [text]

    def form_menurut(self, quote, n):
        s = self.speaker()
        text = f"Menurut {self.name(s)}, “{quote}.”"
        self.say(s, f"{quote}.", "direct", "menurut", n)
        return [text]

    def form_two_paragraphs(self, quote, n):
        s, cue = self.speaker(), self.cue()
        second = self.rng.choice(vocab.SPOKEN)
        text = f"“{second},” {cue} {self.name(s)}."
        self.say(s, f"{quote}. {second}", "direct", cue, n)
        return [f"“{quote}.", text]

    def form_nested(self, quote, n):
        s, cue = self.speaker(), self.cue()
        inner = self.rng.choice(vocab.OVERHEARD)
        said = f"Warga sempat bilang ‘{inner}’, jadi {quote[0].lower()}{quote[1:]}"
        text = f"“{said},” {cue} {self.name(s)}."
        self.say(s, said, "direct", cue, n)
        return [text]

    def form_ascii(self, quote, n):
        s, cue = self.speaker(), self.cue()
        text = f'"{quote}," {cue} {self.name(s)}.'
        self.say(s, quote, "direct", cue, n)
        return [text]

    def form_office(self, quote, n):
        s, cue = Speaker(None, *self.rng.choice(vocab.OFFICES_SPEAKING)), self.cue()
        self.last = s
        self.say(s, quote, "direct", cue, n)
        return [f"“{quote},” {cue} {s.role}."]

    def form_resident(self, quote, n):
        name, age, role = self.rng.choice(vocab.RESIDENTS)
        s, cue = Speaker(name, role, None, age=age), self.cue()
        text = f"“{quote},” {cue} {self.name(s)}."
        self.say(s, quote, "direct", cue, n)
        return [text]

    def form_unnamed(self, quote, n):
        s, cue = Speaker(None, self.rng.choice(vocab.UNNAMED), None), self.cue()
        self.last = s
        self.say(s, quote, "direct", cue, n)
        return [f"“{quote},” {cue} {s.role}."]

    def form_indirect_menurut(self, quote, n):
        s = self.speaker()
        clause = self.rng.choice(vocab.REPORTED)
        self.say(s, clause, "indirect", "menurut", n)
        return [f"Menurut {self.name(s)}, {clause}."]

    def form_indirect_bahwa(self, quote, n):
        s = self.speaker()
        clause = self.rng.choice(vocab.REPORTED)
        self.say(s, clause, "indirect", "mengatakan", n)
        return [f"{self.name(s)} mengatakan bahwa {clause}."]

    # Held out: written after the extraction, to measure it on forms it was not written against.
    def form_held_after(self, quote, n):
        s, cue = self.speaker(), self.rng.choice(vocab.HELD_OUT_CUES)
        when = self.rng.choice([" kepada wartawan", " kepada suarapos.co.id di ruang kerjanya", ""])
        text = f"“{quote},” {cue} {self.name(s)}{when}."
        self.say(s, quote, "direct", cue, n)
        return [text]

    def form_held_pronoun(self, quote, n):
        if self.last is None:
            return self.form_held_after(quote, n)
        cue = self.rng.choice(("kata", "ujar", "tambah"))
        self.say(self.last, quote, "direct", cue, n)
        return [f"“{quote},” {cue} dia."]

    def form_held_before(self, quote, n):
        s, verb = self.speaker(), self.rng.choice(vocab.HELD_OUT_SAYS)
        text = f"{self.name(s)} {verb}, “{quote}.”"
        self.say(s, f"{quote}.", "direct", verb, n)
        return [text]

    def form_held_split(self, quote, n):
        s, cue = self.speaker(), self.cue()
        second = self.rng.choice(vocab.SPOKEN)
        text = f"“{quote},” {cue} {self.name(s)}, “{second}.”"
        self.say(s, quote, "direct", cue, n)
        self.say(s, f"{second}.", "direct", cue, n)
        return [text]

    def form_held_senada(self, quote, n):
        s = self.speaker()
        text = f"Hal senada disampaikan {self.name(s)}. “{quote},” katanya."
        self.say(s, quote, "direct", "kata", n)
        return [text]

    def form_held_indirect(self, quote, n):
        s, verb = self.speaker(), self.rng.choice(vocab.HELD_OUT_REPORTS)
        clause = self.rng.choice(vocab.REPORTED)
        self.say(s, clause, "indirect", verb, n)
        return [f"{self.name(s)} {verb} {clause}."]


def give_voices(made, seed: int, speech: str = "seen") -> None:
    """Every generated article's drawn quote paragraphs, given the forms of ``speech`` (``seen`` or
    ``held_out``) and recorded as truth in ``quotes``, with the indirect speech the writer's sentences hold and a
    headline's quote. Articles with traps keep their text (the real article's quotes are its own)."""
    rng = random.Random(f"speech-{seed}-{speech}")
    forms = FORMS if speech == "seen" else HELD_OUT_FORMS
    officials = [Speaker(name, role, org, rank) for name, rank, role, org in OFFICIALS[speech]]
    for a in made:
        if "seed_article" in a.traps or a.duplicate_of:
            continue
        voices = Voices(rng, officials, forms)
        quote_in_title(a, voices)
        skip = set(a.subheadings) | {a.quote_paragraph} | {p - 1 for p in a.split_at}
        i = 0
        while i < len(a.paragraphs):
            drawn = DRAWN_QUOTE.match(a.paragraphs[i])
            if drawn is None or i in skip or i == 0:
                if drawn:  # kept as the writer printed it: "…,” kata NAME.
                    voices.say(Speaker(drawn["name"], None, None), drawn["quote"], "direct", drawn["cue"], i + 1)
                    voices.last = Speaker(drawn["name"], None, None)
                else:
                    reported_in(a.paragraphs[i], voices, i + 1)
                i += 1
                continue
            form = rng.choice(forms)
            last_paragraph = i + 1 >= len(a.paragraphs) or i + 1 in skip
            if form in ("two_paragraphs", "held_split") and (last_paragraph or boxed_after(a, i)):
                form = "after"
            written = voices.paragraph(form, drawn["quote"], i + 1)
            a.paragraphs[i : i + len(written)] = written
            i += len(written)
        a.quotes = voices.quotes
    by_id = {a.post_id: a for a in made}
    for a in made:
        if a.duplicate_of:  # a republished copy: the same paragraphs, so the same quotes
            a.quotes = [dict(q) for q in by_id[a.duplicate_of].quotes]


def boxed_after(a, i: int) -> bool:
    """A Baca Juga box follows paragraph ``i``: no quote runs on across it."""
    return any(b.after_paragraph == i for b in a.baca_juga)


# The writer's sentences that report speech or name a person (content.SENTENCES): a pronoun (``Ia``, ``Dia``) is
# the last person named before it, speaking or not (``Acara dibuka … oleh Bupati X. Ia menjelaskan …``).
NAMED_REPORT = re.compile(r"Menurut (?P<role>[A-Z][\w ]*?) (?P<name>%s), (?P<clause>[^.]+)\.")
NAMED_ONLY = re.compile(r"oleh (?P<role>[A-Z][\w ]*?) (?P<name>%s) dan")
PRONOUN_REPORT = re.compile(r"\b(?:Ia|Dia) (?P<cue>menjelaskan|menambahkan)(?: bahwa|,) (?P<clause>[^.]+)\.")


def reported_in(paragraph: str, voices: Voices, number: int) -> None:
    """The truth of the indirect speech a paragraph of the writer's sentences holds, in the order printed."""
    names = "|".join(re.escape(name) for name, _ in vocab.PEOPLE)
    found = [(m.start(), "named", m) for m in re.finditer(NAMED_REPORT.pattern % names, paragraph)]
    found += [(m.start(), "mentioned", m) for m in re.finditer(NAMED_ONLY.pattern % names, paragraph)]
    found += [(m.start(), "pronoun", m) for m in PRONOUN_REPORT.finditer(paragraph)]
    for _, how, m in sorted(found, key=lambda f: f[0]):
        if how in ("named", "mentioned"):
            s = Speaker(m["name"], m["role"], None)
            if how == "named":
                voices.say(s, m["clause"], "indirect", "menurut", number)
            voices.last = s
        elif voices.last is not None:  # "Ia" with no one named before it is no one we can name
            voices.say(voices.last, m["clause"], "indirect", m["cue"], number)


TITLE_SAYS = re.compile(r"^(?P<who>[^:“]+): (?P<said>[^“”]+)$")
TITLE_QUOTES = re.compile(r"^(?P<who>[^:“]+): “(?P<said>[^”]+)”")


def quote_in_title(a, voices: Voices) -> None:
    """A headline that gives a speaker's words after their name (``X: …``) prints them in quotation marks; one that
    gives an office's (``Gubernur: “…” di …``) keeps the office as the speaker."""
    names = {name for name, _ in vocab.PEOPLE}
    said = TITLE_SAYS.match(a.title)
    if said and said["who"] in names:
        a.title = f"{said['who']}: “{said['said']}”"
    quoted = TITLE_QUOTES.match(a.title)
    if quoted:
        who = quoted["who"]
        speaker = Speaker(who, None, None) if who in names else Speaker(None, who, None)
        voices.say(speaker, quoted["said"], "direct", None, 0)


def seed_article_quotes() -> list[dict]:
    """The real article's quotes, as a reader finds them: three direct, one reported, all Eko Kurniawan's."""
    eko = Speaker(
        "Eko Kurniawan", "Staf Ahli Gubernur Kep. Babel Bidang Ekonomi, Keuangan, dan Pembangunan", "Pemprov Babel"
    )
    return [
        truth_of(eko, "Pranata Humas adalah ujung tombak organisasi untuk memberikan citra terbaik bagi "
                 "organisasinya, pada posisi inilah Pranata Humas menjadi gerbang dua arah yaitu menyampaikan "
                 "informasi kepada masyarakat dan menerima informasi dari masyarakat", "direct", "ujar", 2),
        truth_of(eko, "Dengan kompetensi yang memadai, diharapkan bapak/ibu dapat saling bersinergi dalam merespon "
                 "setiap pengaduan ataupun permohonan informasi yang disampaikan oleh masyarakat", "direct", "ujar", 4),
        truth_of(eko, "di era digital tuntutan masyarakat akan informasi semakin tinggi", "indirect", "mengatakan", 5),
        truth_of(eko, "Pemerintah tak bisa lagi abai dan menutup mata atas keluhan, kritik, saran ataupun sekedar "
                 "pertanyaan dari masyarakat yang ingin tahu terkait program pemerintah. Di era keterbukaan "
                 "informasi, di tengah kemajuan teknologi yang begitu pesat dapat dikatakan seluruh gerak gerik kita "
                 "terpantau oleh media, baik itu media konvensional maupun media sosial", "direct", "terang", 6),
    ]  # fmt: skip
