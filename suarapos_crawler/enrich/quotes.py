"""Who said what: an article's quotes and who said each, read by the forms Indonesian news prints them in.

Rules and a gazetteer (``speakers.yml``: cue verbs, offices, ranks, the words of organisations), no model: no
Indonesian quote or entity model ships its weights in a package, and a region's cue verbs and titles are a closed
set. The forms read:

- ``“…,” ujar ROLE NAME saat …`` (a cue verb after the quote), and ``“…,” ujarnya`` (the last speaker named);
- ``ROLE NAME mengatakan, “…”`` and ``Menurut ROLE, NAME, “…”`` (the speaker first);
- a quote left open at the end of its paragraph and taken up by the next (one quote over two paragraphs);
- a paragraph that is a quote with no attribution of its own: the last speaker goes on;
- indirect speech: ``Menurut ROLE NAME, …`` and ``NAME mengatakan bahwa …`` with no quotation marks;
- a headline's ``NAME: “…”`` (paragraph 0).

A speaker is a person (``speaker``, with the ``role`` and ``organisation`` printed with them) or, named by office
alone (``Kapolres Bangka``), the office: a person is never guessed from an office. A first name alone
(``Eko``) is the person the article named in full. Pure functions, no I/O but reading the gazetteer.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from pathlib import Path

import yaml

from .regions import PLACE_REGION

GAZETTEER_PATH = Path(__file__).with_name("speakers.yml")
OPEN = '“"'  # the marks a quote opens with
SPAN = re.compile(r"“(?P<curly>[^“”]+)”|\"(?P<ascii>[^\"]+)\"")
NAME_WORD = re.compile(r"^[A-Z][a-z]+(?:['’-][A-Za-z]+)*$|^[A-Z]\.$")
MIN_WORDS = 3  # a quoted phrase shorter than this is a name or a term in quotation marks, not speech


@dataclass(frozen=True)
class Speaker:
    name: str | None
    role: str | None
    organisation: str | None


@dataclass(frozen=True)
class Quote:
    quote: str
    speaker: str | None
    role: str | None
    organisation: str | None
    kind: str  # direct | indirect
    cue: str | None
    paragraph: int  # from 1; 0 for the headline
    named_as: str | None = None  # the name as this quote's attribution prints it ("Eko"); None for "-nya"


@dataclass(frozen=True)
class Gazetteer:
    cues: frozenset[str]
    says: frozenset[str]
    pronouns: frozenset[str]
    context: tuple[str, ...]
    openers: tuple[str, ...]
    unnamed: tuple[str, ...]
    ranks: frozenset[str]
    honorifics: frozenset[str]
    offices: dict[str, str]
    words: frozenset[str]
    organisations: tuple[str, ...]

    @classmethod
    def from_data(cls, *sources: dict) -> Gazetteer:
        """The gazetteer of one or more files' data, later files adding to earlier ones."""
        merged: dict = {}
        for data in sources:
            for key, value in (data or {}).items():
                if isinstance(value, dict):
                    merged.setdefault(key, {}).update({str(k): str(v) for k, v in value.items()})
                else:
                    merged.setdefault(key, []).extend(str(v) for v in value or [])
        lists = {k: v for k, v in merged.items() if k != "offices"}
        return cls(
            cues=frozenset(lists.get("cues", [])),
            says=frozenset(lists.get("says", [])),
            pronouns=frozenset(lists.get("pronouns", [])),
            context=tuple(sorted(lists.get("context", []), key=len, reverse=True)),
            openers=tuple(lists.get("openers", [])),
            unnamed=tuple(lists.get("unnamed", [])),
            ranks=frozenset(lists.get("ranks", [])),
            honorifics=frozenset(lists.get("honorifics", [])),
            offices=merged.get("offices", {}),
            words=frozenset(w.lower() for w in lists.get("words", [])),
            organisations=tuple(sorted(lists.get("organisations", []), key=len, reverse=True)),
        )


class GazetteerError(Exception):
    """A gazetteer file that cannot be read."""


def load_gazetteer(extra: str | Path | None = None) -> Gazetteer:
    """The shipped gazetteer, with a user's file's entries added (``GazetteerError`` in one line if it is not one)."""
    sources = [_read_yaml(GAZETTEER_PATH)]
    if extra:
        sources.append(_read_yaml(Path(extra)))
    return Gazetteer.from_data(*sources)


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{path} cannot be read as a gazetteer ({str(exc).splitlines()[0]})") from exc
    if data is not None and not isinstance(data, dict):
        raise GazetteerError(f"{path} must be a mapping of lists (cues:, offices: ...), not a {type(data).__name__}")
    for key, value in (data or {}).items():
        wanted = dict if key == "offices" else list
        if value is not None and not isinstance(value, wanted):
            raise GazetteerError(f"{path}: {key} must be a {'mapping' if wanted is dict else 'list'}")
    return data or {}


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return load_gazetteer()


def find_quotes(title: str | None, body: str | None, gazetteer: Gazetteer | None = None) -> list[Quote]:
    """The quotes of an article, headline first, then the body's in the order printed."""
    reader = ArticleReader(gazetteer or default_gazetteer())
    found = reader.headline(title or "")
    paragraphs = [p.strip() for p in (body or "").split("\n\n")]
    for number, paragraph in enumerate(paragraphs, 1):
        found.extend(reader.paragraph(paragraph, number))
    found.extend(reader.close_open_quote())
    return found


# Words after a quote's comma that are not a verb of saying (“Babel Bangkit,” yang digagas …).
NOT_VERBS = frozenset(
    ("yang", "dan", "atau", "di", "ke", "dari", "untuk", "dengan", "karena", "serta", "juga", "pun", "itu", "ini")
    + ("pada",)
)
PRONOUN = Speaker(None, None, None)  # "ia", "-nya": the last speaker named, once resolved
RESIDENT = re.compile(
    r"^(?P<name>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}) \((?P<age>\d{1,3})(?: tahun)?\),? (?P<role>.+)$"
)
PROVINCE_NAMES = ("kepulauan bangka belitung", "bangka belitung", "kep. babel", "babel", "provinsi")
PLACES_OF_WORDS = tuple(place for place in PLACE_REGION if " " in place)
# Words written with a period that does not end a sentence (Kep. Babel, H. Ahmad, dr. Rina), and initials.
ABBREVIATIONS = frozenset(
    ("Kep", "Prov", "Kab", "Kec", "Kel", "Ds", "Jl", "No", "Hlm", "H", "Hj", "Dr", "Drs", "Dra", "Ir", "Prof", "Ust")
    + ("KH", "Sdr", "Bpk", "Ny", "Tn", "St", "Pol", "Inf", "Kav", "Kol", "Let", "dr", "drg", "dll", "dsb", "dkk")
    + ("tsb", "yth", "a.n", "u.p", "S.Sos", "S.H", "S.E", "M.Si", "M.M", "S.Pd", "S.IP")
)


def sentence_end(text: str) -> int:
    """Where the first sentence of ``text`` ends (the length of it); a period after an abbreviation (Kep., H.,
    dr.) does not end one, nor does one inside a number."""
    for m in re.finditer(r"[.!?](?=\s|$)|[“\"]", text):
        if m.group() in OPEN:
            return m.start()
        if m.group() == "." and abbreviated(text[: m.start()]):
            continue
        return m.start()
    return len(text)


def abbreviated(head: str) -> bool:
    """The word before a period is an abbreviation or an initial (the period is part of it)."""
    word = head.rsplit(None, 1)[-1] if head.strip() else ""
    word = word.lstrip("(")
    return word in ABBREVIATIONS or (len(word) == 1 and word.isupper())


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph, each with its closing mark."""
    out = []
    while text.strip():
        end = sentence_end(text)
        if end < len(text) and text[end] in OPEN:  # a quote: not a sentence of reported speech
            out.append(text[: end + 1])
            text = text[end + 1 :]
            continue
        out.append(text[: end + 1].strip())
        text = text[end + 1 :]
    return out


def government_of(text: str) -> str | None:
    """The government of the place ``text`` names: Pemprov Babel, Pemkot Pangkalpinang, Pemkab Bangka ..."""
    lowered = " ".join(text.lower().split())
    if any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", lowered) for p in PROVINCE_NAMES):
        return "Pemprov Babel"
    for place in sorted(PLACE_REGION, key=len, reverse=True):
        if re.search(rf"(?<!\w){re.escape(place)}(?!\w)", lowered):
            region = PLACE_REGION[place]
            return "Pemkot Pangkalpinang" if region == "Pangkalpinang" else f"Pemkab {region}"
    return None


class SpeakerReader:
    """Reads a speaker phrase (``Kapolres Bangka AKBP Hendra Gunawan saat ditemui``) into a Speaker."""

    def __init__(self, g: Gazetteer):
        self.g = g
        self.titles = sorted(g.offices, key=len, reverse=True)
        self.title_words = {w.lower() for t in g.offices for w in t.split()}
        self.context = re.compile(rf"[ ,]+(?:{'|'.join(map(re.escape, g.context))})\b")
        # whole names of organisations and places of more than one word, by their first word
        self.wholes: dict[str, list[list[str]]] = {}
        for whole in (*g.organisations, *PLACES_OF_WORDS):
            parts = whole.lower().split()
            self.wholes.setdefault(parts[0], []).append(parts)

    def read(self, phrase: str) -> Speaker | None:
        """The speaker the phrase names, ``PRONOUN``, or None if it names no one (``data BPS``)."""
        phrase = self.trim(phrase)
        if not phrase or len(phrase.split()) > 25:
            return None
        if phrase.lower() in self.g.pronouns:
            return PRONOUN
        lowered = phrase.lower()
        if any(lowered.startswith(u + " ") for u in self.g.unnamed):
            return Speaker(None, phrase, None)
        resident = RESIDENT.match(phrase)
        if resident:
            return Speaker(resident["name"], resident["role"].strip(" ,"), None)
        name, role = self.split_name(phrase)
        if name is None and not self.is_office(role):
            return None
        return Speaker(name, role or None, self.organisation_of(role) if role else None)

    def trim(self, phrase: str) -> str:
        """The phrase without its occasion (``saat …``), its opener (``Sementara itu,``) and end punctuation."""
        phrase = " ".join(phrase.split()).strip(" ,;:")
        found = self.context.search(phrase)
        if found:
            phrase = phrase[: found.start()]
        for opener in self.g.openers:
            if phrase.startswith(opener):
                phrase = phrase[len(opener) :].lstrip(" ,")
        return phrase.rstrip(" ,.;:")

    def is_office(self, role: str | None) -> bool:
        return bool(role) and any(role == t or role.startswith(t + " ") for t in self.titles)

    def ordinary(self, word: str, covered: bool) -> bool:
        """A word that cannot be part of a person's name here: an office's, a rank, a place's or an organisation's."""
        bare = word.rstrip(",")
        return (
            covered
            or not NAME_WORD.match(bare)
            or bare.lower() in self.g.words
            or bare.lower() in self.title_words
            or bare in self.g.ranks
            or bare.lower() in PLACE_REGION
        )

    def split_name(self, phrase: str) -> tuple[str | None, str]:
        """(the person's name, the role printed with it): the name is the run of name words at the end, after a
        comma or directly after the office (ranks and honorifics between belong to neither)."""
        words = phrase.split()
        covered = self.covered(words)
        end = len(words)
        start = end
        while (
            start > 0 and not self.ordinary(words[start - 1], covered[start - 1]) and not words[start - 1].endswith(",")
        ):
            start -= 1
        if start == end:
            return None, phrase
        while start > 0 and words[start - 1] in self.g.honorifics:
            start -= 1
        name_words = [w for w in words[start:end] if w not in self.g.honorifics]
        role_words = words[:start]
        while role_words and role_words[-1].rstrip(",") in self.g.ranks:
            role_words.pop()
        name = " ".join(name_words).strip(" ,")
        return (name or None), " ".join(role_words).strip(" ,")

    def covered(self, words: list[str]) -> list[bool]:
        """Which words belong to an organisation the gazetteer names whole (RSUD Depati Hamzah), or to a place of
        more than one word (Air Gegas)."""
        flags = [False] * len(words)
        text = [w.rstrip(",").lower() for w in words]
        for i, word in enumerate(text):
            for parts in self.wholes.get(word, ()):
                if text[i : i + len(parts)] == parts:
                    flags[i : i + len(parts)] = [True] * len(parts)
        return flags

    def organisation_of(self, role: str) -> str | None:
        """The organisation an office heads, by the gazetteer's rule for its title."""
        for title in self.titles:
            if role == title or role.startswith(title + " "):
                rest = re.split(r",| Bidang ", role[len(title) :], maxsplit=1)[0].strip()
                template = self.g.offices[title]
                if "{government}" in template:
                    government = government_of(rest)
                    return template.replace("{government}", government) if government else None
                if "{rest}" in template and not rest:
                    return None
                return template.replace("{rest}", rest).strip() or None
        return None


def prepared(g: Gazetteer) -> tuple[SpeakerReader, str, re.Pattern]:
    """The speaker reader, the verbs of saying as a pattern, and the pattern of an office and a name after it
    (capitalised words up to the first word in lower case), of this gazetteer; kept on it."""
    made = g.__dict__.get("_prepared")
    if made is None:
        speakers = SpeakerReader(g)
        says = "|".join(sorted(map(re.escape, g.says), key=len, reverse=True))
        titles = "|".join(re.escape(t) for t in speakers.titles)
        office_mention = re.compile(rf"\b(?:{titles})(?: (?:[A-Z0-9][\w.'’-]*),?)+")
        made = (speakers, says, office_mention)
        object.__setattr__(g, "_prepared", made)  # frozen: the gazetteer's own fields do not change
    return made


def held_as_list(value) -> list:
    """A gazetteer's field as a list: a set sorted (its order means nothing), a mapping's pairs and a tuple as held."""
    if isinstance(value, frozenset):
        return sorted(value)
    return list(value.items()) if isinstance(value, dict) else list(value)


def fingerprint(g: Gazetteer) -> str:
    """A digest of everything this gazetteer holds, the same in every process (quotes read with one gazetteer are
    used only where the same one is in force); kept on it."""
    made = g.__dict__.get("_fingerprint")
    if made is None:
        held = {f.name: held_as_list(getattr(g, f.name)) for f in fields(g)}
        made = hashlib.sha256(json.dumps(held, ensure_ascii=False).encode()).hexdigest()
        object.__setattr__(g, "_fingerprint", made)
    return made


class ArticleReader:
    """Reads one article's paragraphs in order, remembering who spoke last and whom it named in full."""

    def __init__(self, g: Gazetteer):
        self.g = g
        # what the gazetteer makes (its offices sorted, its patterns compiled), made once a gazetteer: 0.16 ms an
        # article, half of reading one, when made for each
        self.speakers, self.says, self.office_mention = prepared(g)
        self.last: Speaker | None = None
        self.people: list[Speaker] = []
        self.open: tuple[str, int] | None = None  # a quote left open at the end of its paragraph
        self.printed: str | None = None  # the name the last attribution read printed

    def resolve(self, s: Speaker | None) -> Speaker | None:
        """The speaker as this article knows them: a pronoun is the last speaker, a first name the person named in
        full before; a new speaker is remembered for what follows."""
        if s is PRONOUN:
            return self.last
        if s is not None and s.name:
            self.printed = s.name
            for earlier in reversed(self.people):
                if s.name == earlier.name or (" " not in s.name and s.name in earlier.name.split()):
                    s = earlier if not s.role else replace(s, name=earlier.name)
                    break
            else:
                self.people.append(s)
        if s is not None:
            self.last = s
        return s

    def headline(self, title: str) -> list[Quote]:
        said = re.match(r"^(?P<who>[^:“\"]{2,80}):\s*[“\"](?P<said>[^”\"]+)[”\"]", title)
        if not said or len(said["said"].split()) < MIN_WORDS:
            return []
        s = self.speakers.read(said["who"])
        if s is None or s is PRONOUN:
            return []
        return [quote_of(said["said"], s, "direct", None, 0, s.name)]

    def close_open_quote(self) -> list[Quote]:
        """A quote left open and never taken up: the last speaker's, if the article named one."""
        if self.open is None:
            return []
        text, number = self.open
        self.open = None
        return [quote_of(text, self.last, "direct", None, number)] if self.last else []

    def paragraph(self, text: str, number: int) -> list[Quote]:
        out: list[Quote] = []
        prefix, first_number = "", number
        if self.open is not None:
            if text[:1] in OPEN:
                prefix, first_number = self.open[0] + " ", self.open[1]
                self.open = None
            else:
                out.extend(self.close_open_quote())
        if text[:1] in OPEN and unclosed(text):
            self.open = (prefix + text[1:].strip(), first_number)
            return out
        out.extend(self.direct(text, number, prefix, first_number))
        if not SPAN.search(text):
            out.extend(self.indirect(text, number))
        return out

    def direct(self, text: str, number: int, prefix: str, first_number: int) -> list[Quote]:
        out = []
        said_before = False
        previous_end = 0
        for m in SPAN.finditer(text):
            inner = (m["curly"] or m["ascii"]).strip()
            if len((prefix + inner).split()) < MIN_WORDS:
                continue
            self.named_before(text[previous_end : m.start()], after_quote=previous_end > 0)
            previous_end = m.end()
            self.printed = None
            s, cue = self.after(text[m.end() :], inner[-1:] in ",!?")
            if s is None:
                s, cue = self.before(text[: m.start()])
            if s is None and (m.start() == 0 or said_before) and self.last is not None:
                s = self.last  # the paragraph is the last speaker's words going on
            if s is None:
                continue
            said_before = True
            at = first_number if m.start() == 0 and prefix else number
            out.append(quote_of(prefix + inner if m.start() == 0 else inner, s, "direct", cue, at, self.printed))
            prefix = ""
        return out

    def after(self, tail: str, attributed: bool) -> tuple[Speaker | None, str | None]:
        """The speaker of a cue verb after a quote (``, ujar X``; ``, ujarnya``). A quote that ends in a comma
        (``“…,” papar X``) says that what follows attributes it: its verb need not be one the gazetteer knows."""
        m = re.match(r"[\s,]*(?P<word>\w+)", tail)
        if not m:
            return None, None
        word = m["word"]
        known = word in self.g.cues or word[:-3] in self.g.cues
        if not known and not (attributed and word.isalpha() and word.islower() and word not in NOT_VERBS):
            return None, None
        if word.endswith("nya"):
            return self.resolve(PRONOUN), word[:-3]
        rest = tail[m.end() :]
        phrase = rest[: sentence_end(rest)]
        return self.resolve(self.speakers.read(phrase)), word

    def before(self, head: str) -> tuple[Speaker | None, str | None]:
        """The speaker named before a quote in its sentence (``X mengatakan, “…``; ``Menurut X, “…``)."""
        sentence = sentences(head)[-1] if head.strip() else ""
        m = re.search(r"(?:^|\s)Menurut\s+(?P<who>.+?)[\s,:]*$", sentence)
        if m:
            return self.resolve(self.speakers.read(m["who"])), "menurut"
        m = re.search(rf"^(?P<who>.+?)\s+(?P<verb>{self.says})(?:\s+bahwa)?[\s,:]*$", sentence)
        if m is None:  # a verb of the active voice (me-) before ", “": one of saying, known or not
            m = re.search(r"^(?P<who>.+?)\s+(?P<verb>me[a-z]{4,})\s*[,:]\s*$", sentence)
        if m:
            return self.resolve(self.speakers.read(m["who"])), m["verb"]
        return None, None

    def indirect(self, text: str, number: int) -> list[Quote]:
        """Reported speech in sentences with no quotation marks."""
        out = []
        for sentence in sentences(text):
            self.printed = None
            found = self.reported(sentence.rstrip(".!? "))
            if found:
                s, cue, clause = found
                if s is not None and len(clause.split()) >= MIN_WORDS:
                    out.append(quote_of(clause, s, "indirect", cue, number, self.printed))
            else:
                self.named_in(sentence)
        return out

    def named_before(self, head: str, after_quote: bool) -> None:
        """People the sentences before a quote name (``Hal senada disampaikan X. “…,” katanya.``), leaving out
        the sentence that attributes the quote before (its speaker is read with it)."""
        told = sentences(head)
        if told and not told[-1].endswith((".", "!", "?")):
            told.pop()  # the sentence the quote is part of
        for sentence in told[1 if after_quote else 0 :]:
            self.named_in(sentence)

    def named_in(self, sentence: str) -> None:
        """A person the sentence names with their office (``… dibuka oleh Bupati Bangka X dan …``): the one a
        pronoun after it stands for, speaking or not."""
        for m in self.office_mention.finditer(sentence):
            s = self.speakers.read(m.group())
            if s is not None and s is not PRONOUN and s.name:
                self.resolve(s)

    def reported(self, sentence: str) -> tuple[Speaker | None, str, str] | None:
        m = re.search(r"(?:^|,\s*)Menurut\s+(?P<rest>.+)$", sentence)
        if m:
            parts = m["rest"].split(", ")
            taken = 1
            while taken < len(parts) - 1 and (parts[taken][:1].isupper() or parts[taken].startswith("dan ")):
                taken += 1
            who, clause = ", ".join(parts[:taken]), ", ".join(parts[taken:])
            return self.resolve(self.speakers.read(who)), "menurut", clause
        m = re.search(rf"^(?P<who>.+?)\s+(?P<verb>{self.says})(?:\s+bahwa\s*,?|,)\s*(?P<clause>.+)$", sentence)
        if m:
            return self.resolve(self.speakers.read(m["who"])), m["verb"], m["clause"]
        return None


def unclosed(text: str) -> bool:
    """A paragraph that opens a quote and does not close it: the quote goes on in the next one."""
    if text.startswith('"'):
        return text.count('"') % 2 == 1
    return text.count("“") > text.count("”")


def quote_of(text: str, s: Speaker, kind: str, cue: str | None, paragraph: int, named_as: str | None = None) -> Quote:
    return Quote(text.strip().rstrip(",").strip(), s.name, s.role, s.organisation, kind, cue, paragraph, named_as)
