"""The report as one self-contained HTML page: its styles inline, its charts SVG, no script and no address to
fetch, so it opens from a mail attachment and prints to PDF as it shows."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..clock import now_wib, wib_date
from .charts import bars, columns

TEMPLATES = Path(__file__).with_name("templates")
KIND_NAMES = {"news": "news", "press_release": "press releases", "advertorial": "advertorials", "(none)": "not read"}


def render_report(figures: dict, archive: str) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    env.filters["wib"] = lambda iso: wib_date(iso)
    env.filters["day"] = lambda when: wib_date(f"{when}T00:00"[:16], "day")  # a date, or a time of one
    period = figures["period"]
    change = figures["articles"] - figures["articles_before"]
    return env.get_template("report.html").render(
        f=figures,
        archive=archive,
        made=wib_date(now_wib()),
        title=f"Suarapos archive, {'week' if 'W' in period.label else 'month'} {period.label}",
        change=f"{change:+,}" if figures["articles_before"] else "",
        day_chart=columns(figures["per_day"]),
        section_chart=bars(figures["sections"]),
        region_chart=bars(figures["regions"]),
        kinds=[(KIND_NAMES.get(k, k), n) for k, n in figures["kinds"]],
    )
