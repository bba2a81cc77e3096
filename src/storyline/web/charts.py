"""Figure series drawn as SVG on the server: how each outlet's count of a thing moved over time.

A chart is geometry only (points, paths, labels); the template writes the SVG, so every label is
escaped like any other text. Lines differ by marker shape and dash pattern as well as by colour,
and each point carries its number, so a chart reads in greyscale too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from storyline.model import Claim
from storyline.web.views import Index

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 60, 170, 20, 40
SHAPES = ("circle", "square", "triangle", "diamond", "cross", "star")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 4", "10 4")
MAX_CHARTS = 6
MAX_LINES = 6


@dataclass
class Point:
    x: float
    y: float
    value: float
    day: str
    claim_id: str
    article_id: str
    text: str


@dataclass
class Line:
    name: str
    shape: str
    dash: str
    colour: int
    points: list[Point] = field(default_factory=list)

    @property
    def path(self) -> str:
        return " ".join(f"{'M' if i == 0 else 'L'}{p.x:.1f},{p.y:.1f}" for i, p in enumerate(self.points))


@dataclass
class Chart:
    unit: str
    lines: list[Line]
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str]]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM


def _day(ix: Index, c: Claim) -> date | None:
    """The day a figure describes: its claim's time if it is a day, else its article's date."""
    for value in ((c.time.earliest if c.time else None), ix.articles[c.article_id].published.value
                  if c.article_id in ix.articles else None):
        if value and len(value) >= 10 and value[:4].isdigit():
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def charts(ix: Index) -> list[Chart]:
    """One chart per counted thing (unit) that at least two dated figures give, most told first."""
    series: dict[str, dict[str, list[tuple[date, float, Claim]]]] = {}
    for c in ix.report.claims:
        day = _day(ix, c)
        if day is None:
            continue
        for q in c.quantities:
            value = q.low if q.low is not None else q.high
            if not q.unit or value is None or q.increment or q.out_of_range:
                continue
            series.setdefault(q.unit, {}).setdefault(ix.outlet(c.article_id), []).append((day, value, c))
    ranked = sorted(series.items(), key=lambda kv: (-sum(len(v) for v in kv[1].values()), kv[0]))
    return [_chart(unit, by_outlet) for unit, by_outlet in ranked
            if sum(len(v) for v in by_outlet.values()) >= 2][:MAX_CHARTS]


def _chart(unit: str, by_outlet: dict[str, list[tuple[date, float, Claim]]]) -> Chart:
    outlets = sorted(by_outlet, key=lambda o: (-len(by_outlet[o]), o))[:MAX_LINES]
    every = [p for o in outlets for p in by_outlet[o]]
    d0, d1 = min(p[0] for p in every), max(p[0] for p in every)
    v1 = max(p[1] for p in every) or 1.0
    span = max(1, (d1 - d0).days)
    chart = Chart(unit, [], [], [])

    def x(d: date) -> float:
        if d0 == d1:
            return (chart.left + chart.right) / 2
        return chart.left + (d - d0).days / span * (chart.right - chart.left)

    def y(v: float) -> float:
        return chart.bottom - v / v1 * (chart.bottom - chart.top)

    for i, outlet in enumerate(outlets):
        line = Line(outlet, SHAPES[i % len(SHAPES)], DASHES[i % len(DASHES)], i)
        seen: set[tuple[date, float]] = set()
        for d, v, c in sorted(by_outlet[outlet], key=lambda p: (p[0], p[1])):
            if (d, v) in seen:  # the same figure, same day, same outlet: one point, one link
                continue
            seen.add((d, v))
            line.points.append(Point(x(d), y(v), v, d.isoformat(), c.id, c.article_id, c.text))
        chart.lines.append(line)
    chart.y_ticks = [(y(v1 * k / 4), _num(v1 * k / 4)) for k in range(5)]
    days = sorted({p[0] for p in every})
    step = max(1, len(days) // 5)
    chart.x_ticks = [(x(d), d.isoformat()) for d in days[::step]]
    return chart


def _num(v: float) -> str:
    return f"{v:,.0f}" if v >= 10 or v == int(v) else f"{v:.1f}"
