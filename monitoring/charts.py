"""Charts drawn on the server as SVG: no script, no CDN, readable by screen readers through their title and
description, each followed on the page by a table of the same numbers."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 640, 240, 44, 28, 12
COLOURS = ("#1f5fa8", "#e08a00")  # blue and orange: told apart by people with the common colour blindnesses


def _svg(chart_id: str, title: str, description: str, body: list[str]) -> str:
    return mark_safe(  # noqa: S308 (every text is escaped, every number formatted here)
        f'<svg class="chart" id="{escape(chart_id)}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" preserveAspectRatio="xMidYMid meet">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>' + "".join(body) + "</svg>"
    )


def stacked_bars(chart_id: str, title: str, description: str, labels, series: list[tuple[str, list[int]]]) -> str:
    """Bars per label (a month), each stacking the series' values; a legend above."""
    plot_w, plot_h = WIDTH - LEFT - 8, HEIGHT - BOTTOM - TOP - 16
    totals = [sum(values[i] for _name, values in series) for i in range(len(labels))]
    top = max(totals + [1])
    step = plot_w / max(len(labels), 1)
    bar = max(step * 0.6, 2)
    body = [f'<line x1="{LEFT}" y1="{TOP + 16 + plot_h}" x2="{WIDTH - 8}" y2="{TOP + 16 + plot_h}" stroke="#555"/>']
    body.append(f'<text x="{LEFT - 6}" y="{TOP + 20}" text-anchor="end" font-size="11">{top}</text>')
    body.append(f'<text x="{LEFT - 6}" y="{TOP + 16 + plot_h}" text-anchor="end" font-size="11">0</text>')
    for index, (name, _values) in enumerate(series):
        x = LEFT + index * 160
        body.append(f'<rect x="{x}" y="{TOP - 8}" width="10" height="10" fill="{COLOURS[index % 2]}"/>')
        body.append(f'<text x="{x + 14}" y="{TOP + 1}" font-size="11">{escape(name)}</text>')
    for i, label in enumerate(labels):
        x = LEFT + i * step + (step - bar) / 2
        y = TOP + 16 + plot_h
        for index, (_name, values) in enumerate(series):
            height = plot_h * values[i] / top
            y -= height
            body.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{height:.1f}" fill="{COLOURS[index % 2]}"/>'
            )
        body.append(
            f'<text x="{x + bar / 2:.1f}" y="{HEIGHT - 10}" text-anchor="middle" font-size="11">{escape(label)}</text>'
        )
    return _svg(chart_id, title, description, body)


def share_bars(chart_id: str, title: str, description: str, rows: list[tuple[str, float | None]]) -> str:
    """Horizontal bars of percentages (0–100), one per row; a missing value is written "—"."""
    height = TOP + 22 * len(rows) + 8
    label_w = 250
    plot_w = WIDTH - label_w - 60
    body = []
    for i, (label, value) in enumerate(rows):
        y = TOP + 22 * i
        body.append(f'<text x="{label_w - 8}" y="{y + 13}" text-anchor="end" font-size="12">{escape(label)}</text>')
        body.append(f'<rect x="{label_w}" y="{y}" width="{plot_w}" height="16" fill="#eef1f5"/>')
        if value is not None:
            body.append(
                f'<rect x="{label_w}" y="{y}" width="{plot_w * value / 100:.1f}" height="16" fill="{COLOURS[0]}"/>'
            )
        text = "—" if value is None else f"{value:.1f}%".replace(".", ",")
        body.append(f'<text x="{label_w + plot_w + 6}" y="{y + 13}" font-size="12">{text}</text>')
    svg = _svg(chart_id, title, description, body)
    return mark_safe(svg.replace(f'viewBox="0 0 {WIDTH} {HEIGHT}"', f'viewBox="0 0 {WIDTH} {height}"'))  # noqa: S308
