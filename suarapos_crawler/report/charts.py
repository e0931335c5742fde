"""Charts drawn into the report as SVG: no script, no network, the same in a browser, in print and in a PDF.
Every label is escaped; the numbers are printed beside their bars, so a chart reads without a scale."""

from __future__ import annotations

from markupsafe import Markup, escape

BLUE = "#2b6cb0"
ROW = 20  # px per bar of a horizontal chart


def bars(pairs: list[tuple[str, int]], width: int = 660, label_width: int = 190, limit: int = 15) -> Markup:
    """A horizontal bar per (label, count), largest first as given; past ``limit`` the rest are one bar, others."""
    shown = list(pairs[:limit])
    if len(pairs) > limit:
        shown.append((f"{len(pairs) - limit} others", sum(n for _, n in pairs[limit:])))
    if not shown:
        return Markup('<p class="none">None in this period.</p>')
    top = max(n for _, n in shown) or 1
    room = width - label_width - 60
    rows = []
    for i, (label, n) in enumerate(shown):
        y, w = i * ROW, max(1, round(room * n / top)) if n else 0
        rows.append(
            f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{w}" height="{ROW - 6}" fill="{BLUE}"/>'
            f'<text x="{label_width + w + 5}" y="{y + 14}">{n:,}</text>'
        )
    height = len(shown) * ROW
    return Markup(
        f'<svg class="chart" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-size="12" font-family="sans-serif">{"".join(rows)}</svg>'
    )


def columns(pairs: list[tuple[str, int]], width: int = 660, height: int = 170) -> Markup:
    """A column per (day, count), in order, each with its count above and its day (DD/MM) below."""
    if not pairs:
        return Markup("")
    top = max((n for _, n in pairs), default=0) or 1
    step = width / len(pairs)
    room = height - 40
    parts = []
    for i, (day, n) in enumerate(pairs):
        h = round(room * n / top)
        x = i * step
        label = f"{day[8:10]}/{day[5:7]}" if len(day) >= 10 else escape(day)
        show_label = len(pairs) <= 16 or i % 2 == 0
        parts.append(
            f'<rect x="{x + step * 0.15:.1f}" y="{height - 20 - h}" width="{step * 0.7:.1f}" height="{h}" fill="{BLUE}"/>'
            f'<text x="{x + step / 2:.1f}" y="{height - 24 - h}" text-anchor="middle">{n}</text>'
            + (
                f'<text x="{x + step / 2:.1f}" y="{height - 6}" text-anchor="middle">{label}</text>'
                if show_label
                else ""
            )
        )
    return Markup(
        f'<svg class="chart" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-size="{11 if len(pairs) <= 16 else 9}" font-family="sans-serif">{"".join(parts)}</svg>'
    )
