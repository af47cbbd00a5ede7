"""How often visitors used the accessibility features, from the analytics database."""

from __future__ import annotations

import sqlite3

FEATURES = ("listen", "keys", "sign_language", "audio_description")


def access_counts(
    db: sqlite3.Connection, since: float = 0.0, until: float = float("inf")
) -> dict[str, tuple[int, int]]:
    """feature -> (uses, visits that used it), for visits started in [since, until)."""
    rows = db.execute(
        """
        SELECT feature, count(*), count(DISTINCT access_uses.visit_id)
        FROM access_uses JOIN visits ON visits.id = access_uses.visit_id
        WHERE visits.started_at >= ? AND visits.started_at < ?
        GROUP BY feature
        """,
        (since, min(until, 1e300)),
    ).fetchall()
    found = {feature: (uses, visits) for feature, uses, visits in rows}
    return {feature: found.get(feature, (0, 0)) for feature in FEATURES}
