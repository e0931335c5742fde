"""A generated, faithful copy of suarapos.co.id, served on 127.0.0.1, with its ground truth.

``build_site`` makes the content, ``SampleSite`` answers requests, ``serve``
starts a real HTTP server, ``site_truth`` says what a perfect crawl would store.
"""

from __future__ import annotations

from datetime import datetime

from .content import WIB, Site, build_site
from .faults import FAULTS, Faults
from .server import SampleSite, make_site_factory
from .truth import site_truth, write_truth

__all__ = ["FAULTS", "WIB", "Faults", "SampleSite", "Site", "build_site", "listen", "site_truth", "write_truth"]


def parse_now(text: str | None) -> datetime | None:
    """An ISO 8601 time; one without an offset is taken as WIB."""
    if not text:
        return None
    when = datetime.fromisoformat(text)
    return when if when.tzinfo else when.replace(tzinfo=WIB)


def listen(
    *,
    port: int = 0,
    host: str = "127.0.0.1",
    articles: int = 60,
    day: int = 1,
    now: datetime | None = None,
    faults: str | None = None,
    seed: int = 8,
    gzip: bool = False,
    request_log=None,
    theme: str = "newspaper",
    redesign_day: int = 1,
    speech: str = "seen",
):
    """Build the site and listen on ``host:port`` (0 picks a free port); returns (SampleSite, listening port).

    ``theme`` is the theme the site is served in from ``redesign_day`` on (the days before, in its own);
    ``speech`` the forms its quotes take (``seen``, or ``held_out``: forms the quote extraction was not written for).
    The reactor is not started here: the caller runs it.
    """
    from .server import THEMES

    if theme not in THEMES:
        raise ValueError(f"--theme must be one of {', '.join(THEMES)}, not {theme!r}")
    served_theme = theme if day >= redesign_day else "newspaper"
    from twisted.internet import reactor

    if speech not in ("seen", "held_out", "none"):
        raise ValueError(f"--speech must be seen, held_out or none, not {speech!r}")
    site = build_site(articles=articles, day=day, now=now, seed=seed, speech=speech)
    fault_set = Faults.parse(faults, site)
    holder = SampleSite(site, "http://placeholder", fault_set, served_theme)
    factory = make_site_factory(holder, gzip, request_log)
    listening = reactor.listenTCP(port, factory, interface=host)
    actual = listening.getHost().port
    sample = SampleSite(site, f"http://{host}:{actual}", fault_set, served_theme)
    factory.resource.sample = sample
    return sample, listening
