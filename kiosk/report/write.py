"""Write the report folder: index.html (self-contained, charts inline) and CSV files."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Mapping, Sequence
from datetime import datetime
from html import escape
from pathlib import Path

from kiosk.report.data import Period, ReportData, read_report
from kiosk.report.svg import bars, columns

#: Raw tables exported as CSV, with their columns; time columns become local ISO text.
TABLES: Mapping[str, tuple[str, ...]] = {
    "visits": ("id", "started_at", "ended_at", "start_language", "language", "end_reason"),
    "panel_views": ("id", "visit_id", "shown_at", "chapter_id", "panel_id", "dwell_ms"),
    "excerpt_plays": ("id", "visit_id", "started_at", "panel_id", "watched_ms", "duration_ms"),
    "chapter_opens": ("id", "visit_id", "at", "chapter_id"),
    "language_changes": ("id", "visit_id", "at", "language"),
    "idle_resets": ("id", "visit_id", "at"),
}
_TIME_COLUMNS = {"started_at", "ended_at", "shown_at", "at"}
_VISIT_TIME = {"visits": "started_at"}


def write_report(
    db: sqlite3.Connection,
    out: Path,
    period: Period | None = None,
    *,
    title: str = "",
    labels: Mapping[str, str] | None = None,
) -> Path:
    """Write index.html and the CSV files into ``out``; returns the HTML file."""
    period = period or Period()
    out.mkdir(parents=True, exist_ok=True)
    data = read_report(db, period)
    csv_files = _write_csv(db, out, period, data)
    page = out / "index.html"
    page.write_text(render_html(data, title=title, labels=labels or {}, csv_files=csv_files), encoding="utf-8")
    return page


def _iso(value: object) -> object:
    if isinstance(value, float | int) and not isinstance(value, bool):
        return datetime.fromtimestamp(value).astimezone().isoformat(timespec="seconds")
    return value


def _write_csv(db: sqlite3.Connection, out: Path, period: Period, data: ReportData) -> list[str]:
    low, high = period.bounds()
    written = []
    for table, cols in TABLES.items():
        # Every table is cut to the visits that started in the period.
        if table == "visits":
            where, joined = "v.started_at >= ? AND v.started_at < ?", "visits v"
        else:
            where = "(v.started_at >= ? AND v.started_at < ?)"
            joined = f"{table} t LEFT JOIN visits v ON v.id = t.visit_id"
        prefix = "v." if table == "visits" else "t."
        select = ", ".join(prefix + c for c in cols)
        rows = db.execute(f"SELECT {select} FROM {joined} WHERE {where} ORDER BY {prefix}id", (low, high))
        name = f"{table}.csv"
        with (out / name).open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(cols)
            for row in rows:
                writer.writerow(
                    [_iso(v) if c in _TIME_COLUMNS and v is not None else v for c, v in zip(cols, row, strict=True)]
                )
        written.append(name)

    summaries: dict[str, tuple[tuple[str, ...], list[tuple[object, ...]]]] = {
        "visits_per_hour": (("hour", "visits"), [(f"{h:02d}:00", n) for h, n in enumerate(data.visits_per_hour)]),
        "visits_per_day": (("date", "visits"), [(d.isoformat(), n) for d, n in data.visits_per_day]),
        "dwell_per_chapter": (
            ("chapter_id", "views", "total_dwell_s", "median_dwell_s"),
            [(c.chapter_id, c.views, c.total_ms / 1000, c.median_ms / 1000) for c in data.chapters],
        ),
        "dwell_per_panel": (
            ("chapter_id", "panel_id", "views", "total_dwell_s", "median_dwell_s"),
            [(p.chapter_id, p.panel_id, p.views, p.total_ms / 1000, p.median_ms / 1000) for p in data.panels],
        ),
        "excerpts": (
            ("panel_id", "plays", "watched_s", "excerpt_s", "median_watched_share", "watched_90pct"),
            [
                (
                    e.panel_id,
                    e.plays,
                    e.watched_ms / 1000,
                    e.duration_ms / 1000,
                    round(e.median_fraction, 3),
                    e.completed,
                )
                for e in data.excerpts
            ],
        ),
        "languages": (("language", "visits"), list(data.languages)),
        "access": (("feature", "uses", "visits"), list(data.access)),
    }
    for name, (header, rows_) in summaries.items():
        with (out / f"{name}.csv").open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            writer.writerows(rows_)
        written.append(f"{name}.csv")
    return written


def _duration(ms: float) -> str:
    seconds = round(ms / 1000)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s" if seconds else f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def _pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "–"


def _period_text(data: ReportData) -> str:
    if data.first_visit is None or data.last_visit is None:
        return "No visits in this period."
    first, last = data.first_visit, data.last_visit
    if first.date() == last.date():
        return f"{first:%A %d %B %Y}, first visit {first:%H:%M}, last visit {last:%H:%M}"
    return f"{first:%d %B %Y} to {last:%d %B %Y}, {data.days} days with visits"


#: How the report names each accessibility feature visitors used (kiosk.analytics.access).
ACCESS_WORDS = {
    "listen": "listened to a panel",
    "keys": "used the keys",
    "sign_language": "watched sign language",
    "audio_description": "heard a film described",
}


def render_html(
    data: ReportData, *, title: str = "", labels: Mapping[str, str] | None = None, csv_files: Sequence[str] = ()
) -> str:
    names = labels or {}

    def name(identifier: str) -> str:
        return names.get(identifier, identifier)

    figures = [
        (str(data.visits), "visits"),
        (_duration(data.median_visit_ms), "median visit"),
        (f"{data.median_panels_per_visit:g}", "panels per visit (median)"),
        (_pct(data.language_switches, data.visits), "changed language"),
        (_pct(dict(data.end_reasons).get("idle", 0), data.visits), "ended by the idle timeout"),
        *[(_pct(users, data.visits), ACCESS_WORDS[feature]) for feature, _uses, users in data.access if users],
    ]
    sections = []

    busy = [h for h, n in enumerate(data.visits_per_hour) if n]
    first_hour = max(0, min(busy) - 1) if busy else 8
    last_hour = min(23, max(busy) + 1) if busy else 20
    hours = range(first_hour, last_hour + 1)
    sections.append(
        _section(
            "Visits per hour",
            "When visits started, by the kiosk's clock"
            + (f", summed over {data.days} days." if data.days > 1 else "."),
            columns(
                [f"{h:02d}h" for h in hours],
                [data.visits_per_hour[h] for h in hours],
                title="Visits started in each hour of the day",
            ),
        )
    )
    if data.days > 1:
        sections.append(
            _section(
                "Visits per day",
                "",
                columns(
                    [f"{d:%d/%m}" for d, _ in data.visits_per_day],
                    [n for _, n in data.visits_per_day],
                    title="Visits per day",
                    show_label=lambda i: len(data.visits_per_day) <= 16 or i % 7 == 0,
                ),
            )
        )
    if data.chapters:
        sections.append(
            _section(
                "Time spent per chapter",
                "Total time visitors kept the chapter's panels on screen; the median is per panel view.",
                bars(
                    [
                        (
                            name(c.chapter_id),
                            c.total_ms,
                            f"{_duration(c.total_ms)} · {c.views} views · median {_duration(c.median_ms)}",
                        )
                        for c in data.chapters
                    ],
                    title="Total dwell time per chapter",
                ),
            )
        )
    if data.excerpts:
        sections.append(
            _section(
                "Most watched excerpts",
                "Bar length: total time watched. Dark part: the median share of the excerpt one play watched.",
                bars(
                    [
                        (
                            name(e.panel_id),
                            e.watched_ms,
                            f"{e.plays} plays · {e.median_fraction:.0%} watched · {e.completed} to the end",
                        )
                        for e in data.excerpts[:12]
                    ],
                    shares=[e.median_fraction for e in data.excerpts[:12]],
                    title="Excerpts by total time watched",
                ),
            )
        )
    if data.languages:
        sections.append(
            _section(
                "Languages",
                "The language each visit ended in (visitors often switch at the start).",
                bars(
                    [(name(lang), n, f"{n} visits · {_pct(n, data.visits)}") for lang, n in data.languages],
                    title="Visits by language",
                ),
            )
        )
    if data.panels:
        rows = "".join(
            f"<tr><td>{escape(name(p.panel_id))}</td><td>{escape(name(p.chapter_id))}</td>"
            f"<td class=n>{p.views}</td><td class=n>{_duration(p.median_ms)}</td>"
            f"<td class=n>{_duration(p.total_ms)}</td></tr>"
            for p in data.panels[:15]
        )
        sections.append(
            _section(
                "Panels that held visitors longest",
                "",
                "<table><thead><tr><th>Panel</th><th>Chapter</th><th class=n>Views</th>"
                f"<th class=n>Median</th><th class=n>Total</th></tr></thead><tbody>{rows}</tbody></table>",
            )
        )

    heading = escape(title) if title else "Visits"
    figure_html = "".join(f"<div class=fig><b>{escape(v)}</b><span>{escape(k)}</span></div>" for v, k in figures)
    csv_links = " · ".join(f"<a href='{escape(f)}'>{escape(f)}</a>" for f in csv_files)
    generated = datetime.now().astimezone()
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{heading} · visit report</title>
<style>{_CSS}</style></head>
<body><main>
<header><p class=kicker>Visit report</p><h1>{heading}</h1><p class=period>{escape(_period_text(data))}</p></header>
<div class=figures>{figure_html}</div>
{"".join(sections)}
<footer><p>Recorded on this kiosk only: times, panels, excerpts and languages. No names, no camera,
nothing sent anywhere. Generated {generated:%d %B %Y %H:%M}.</p>
<p>CSV files: {csv_links}</p></footer>
</main></body></html>
"""


def _section(heading: str, note: str, body: str) -> str:
    note_html = f"<p class=note>{escape(note)}</p>" if note else ""
    return f"<section><h2>{escape(heading)}</h2>{note_html}{body}</section>"


_CSS = """
:root { color-scheme: light; }
body { margin: 0; background: #f6f5f1; color: #1f2a33;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; }
main { max-width: 860px; margin: 0 auto; padding: 40px 28px 60px; }
.kicker { text-transform: uppercase; letter-spacing: .12em; font-size: 12px; color: #6b7680; margin: 0; }
h1 { font: 600 30px/1.2 "Noto Serif", Georgia, serif; margin: 4px 0 6px; }
.period { color: #6b7680; margin: 0 0 28px; }
.figures { display: grid; grid-template-columns: repeat(5, 1fr); gap: 12px; margin-bottom: 28px; }
.fig { background: #fff; border-radius: 10px; padding: 14px 16px; box-shadow: 0 1px 2px rgba(0,0,0,.06); }
.fig b { display: block; font-size: 24px; font-weight: 600; }
.fig span { color: #6b7680; font-size: 13px; }
section { background: #fff; border-radius: 10px; padding: 20px 24px 16px; margin-bottom: 20px;
  box-shadow: 0 1px 2px rgba(0,0,0,.06); }
h2 { font-size: 18px; margin: 0 0 2px; }
.note { color: #6b7680; font-size: 13px; margin: 0 0 12px; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #eceeef; }
th { color: #6b7680; font-weight: 500; }
.n { text-align: right; font-variant-numeric: tabular-nums; }
footer { color: #6b7680; font-size: 13px; margin-top: 28px; }
footer a { color: #3d7a8c; }
@media (max-width: 700px) { .figures { grid-template-columns: repeat(2, 1fr); } }
@media print { body { background: #fff; } section, .fig { box-shadow: none; border: 1px solid #ddd; } }
"""
