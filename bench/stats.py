"""Benchmark: one campaign's statistics with 1,000,000 events and 100,000 enrollments.

Builds the workspace once (cached under /tmp/fluenzr-bench-stats-<events>): 100,000
contacts in one campaign of three emails sent through two accounts (tracking on), and
their events: one `sent` per message, human opens (re-opens too), Apple proxied opens,
machine opens and clicks, human clicks on two links, replies, auto-replies, bounces (hard,
soft, delayed warnings), unsubscribes, completions — 1,000,000 rows in all, inserted with
sqlite3 `executemany`. Then times, on the same file and warm, the median of 5 runs of:
  - `ops.stats.campaign_stats(workspace, id)` (the totals a user sees, read from the
    trigger-kept summary), the same counted from the events (a period), and the
    `--by step`, `--by day`, `--by account` and `--by link` breakdowns;
  - the single bare SQL `GROUP BY kind` over the campaign's events (per kind: hits and
    distinct messages), which gives the same sent, clicked, proxied, machine-hit, reply,
    auto-reply and unsubscribe totals (not the final/hard split of bounces, nor opens with
    the opens a click implies: those need more than one GROUP BY),
checks that both give the same numbers, and prints both and the ratio.
Target (issue 14): totals ≤ 100 ms and ≤ 1.5× the bare query.
It also prints what the summary costs: filling it from every event (migration 0009) and
the time of one event inserted and committed with and without its triggers.

Usage: .venv/bin/python bench/stats.py [--events 1000000] [--enrollments 100000]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fluenzr_desktop.store.accounts import add_account  # noqa: E402
from fluenzr_desktop.store.campaigns import create_campaign  # noqa: E402
from fluenzr_desktop.workspace import open_workspace  # noqa: E402

STEPS = ("e1", "e2", "e3")
LINKS = ("https://startup.io/pricing", "https://startup.io/demo")
BARE_QUERY = """
SELECT kind, COUNT(*) AS hits, COUNT(DISTINCT message_id) AS messages
FROM events
WHERE campaign_id = ?
GROUP BY kind
"""


def document() -> dict:
    """Start → e1 → 3 days → e2 → 4 days → e3 → End."""
    nodes = [{"id": "start", "type": "start"}]
    edges = []
    previous = "start"
    for index, step in enumerate(STEPS, start=1):
        nodes.append(
            {
                "id": step,
                "type": "email",
                "subject": "Quick question" if index == 1 else "",
                "body": f"Hi {{{{ firstName | default('there') }}}}, step {index}.",
            }
        )
        edges.append({"from": previous, "to": step})
        previous = step
        if index < len(STEPS):
            delay = f"d{index}"
            nodes.append({"id": delay, "type": "delay", "amount": 3 + index, "unit": "days"})
            edges.append({"from": previous, "to": delay})
            previous = delay
    nodes.append({"id": "end", "type": "end"})
    edges.append({"from": previous, "to": "end"})
    return {"version": 1, "settings": {"timezone": "Europe/Paris"}, "nodes": nodes, "edges": edges}


def build_workspace(event_target: int, enrollment_count: int) -> tuple[Path, int]:
    """The cached workspace folder and its campaign id, made on first use."""
    root = Path(f"/tmp/fluenzr-bench-stats-{event_target}-{enrollment_count}")
    marker = root / "built.json"
    if marker.exists():
        return root / "workspace", json.loads(marker.read_text())["campaign_id"]
    root.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with open_workspace(root / "workspace") as workspace:
        with workspace.session() as session:
            accounts = [
                add_account(
                    session, name=f"Sender {n}", email=f"s{n}@startup.io", smtp_host="127.0.0.1"
                ).id
                for n in (1, 2)
            ]
            campaign_id = create_campaign(session, "Bench", document(), accounts[0]).id
        database = workspace.database_path
    rng = random.Random(14)
    start = datetime.now(UTC).replace(tzinfo=None, microsecond=0) - timedelta(days=60)
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=OFF")
    stamp = start.isoformat(sep=" ")
    connection.executemany(
        "INSERT INTO contacts (id, email, custom_fields, created_at, updated_at, search_folded) "
        "VALUES (?, ?, '{}', ?, ?, ?)",
        (
            (n, f"c{n}@co{n % 5000}.com", stamp, stamp, f"c{n}@co{n % 5000}.com")
            for n in range(1, enrollment_count + 1)
        ),
    )
    outbox: list[tuple] = []
    events: list[tuple] = []
    enrollment_rows: list[tuple] = []
    opened_messages: list[tuple] = []

    def event(kind, at, enrollment, node, message, detail=None, source=None):
        events.append(
            (
                kind,
                at.isoformat(sep=" "),
                campaign_id,
                enrollment,
                enrollment,
                node,
                message,
                json.dumps(detail or {}),
                source,
            )
        )

    for enrollment in range(1, enrollment_count + 1):
        account = accounts[enrollment % 2]
        at = start + timedelta(minutes=rng.randrange(30 * 24 * 60))
        state = "completed"
        for step_index, step in enumerate(STEPS):
            message = f"<m{enrollment}.{step}@startup.io>"
            outbox.append(
                (
                    enrollment,
                    account,
                    step,
                    message,
                    "sent",
                    f"c{enrollment}@x.com",
                    at.isoformat(sep=" "),
                    at.isoformat(sep=" "),
                    campaign_id,
                    1,
                    2,
                )
            )
            event("sent", at, enrollment, step, message, {"subject": "Quick question"})
            roll = rng.random()
            if rng.random() < 0.45:
                hits = rng.randint(1, 4)
                for hit in range(hits):
                    when = at + timedelta(hours=1 + hit * 7 + rng.random() * 5)
                    event(
                        "opened",
                        when,
                        enrollment,
                        step,
                        message,
                        {"hit": "open"},
                        f"s{len(events)}",
                    )
                opened_messages.append((enrollment, step, message, at))
            if rng.random() < 0.25:
                for hit in range(rng.randint(1, 2)):
                    event(
                        "open_proxied",
                        at + timedelta(minutes=3 + hit),
                        enrollment,
                        step,
                        message,
                        {"hit": "open"},
                        f"s{len(events)}",
                    )
            if rng.random() < 0.08:
                event(
                    "open_machine",
                    at + timedelta(seconds=20),
                    enrollment,
                    step,
                    message,
                    {"hit": "open"},
                    f"s{len(events)}",
                )
            if rng.random() < 0.06:
                for hit in range(rng.randint(1, 2)):
                    link = rng.randrange(2)
                    event(
                        "clicked",
                        at + timedelta(hours=2, minutes=hit),
                        enrollment,
                        step,
                        message,
                        {"hit": "click", "link": link, "url": LINKS[link]},
                        f"s{len(events)}",
                    )
            if rng.random() < 0.04:
                for link in range(2):
                    event(
                        "click_machine",
                        at + timedelta(seconds=30),
                        enrollment,
                        step,
                        message,
                        {"hit": "click", "link": link, "url": LINKS[link]},
                        f"s{len(events)}",
                    )
            inbound = f"<in{enrollment}.{step}@co.com>"
            later = at + timedelta(hours=rng.randint(1, 60))
            if step_index == 0 and roll < 0.03:
                final = roll >= 0.003
                event(
                    "bounced",
                    at + timedelta(minutes=2),
                    enrollment,
                    None,
                    inbound,
                    {"hard": roll < 0.02, "final": final},
                )
                if final:
                    state = "error"
                    break
            if roll > 0.995:
                event("unsubscribed", later, enrollment, None, inbound, {"from": "x"})
                state = "unsubscribed"
                break
            if roll > 0.955:
                event("replied", later, enrollment, None, inbound, {"from": "x"})
                state = "replied"
                break
            if roll > 0.925:
                event("auto_replied", later, enrollment, None, inbound, {"from": "x"})
            at += timedelta(days=3 + step_index + 1, minutes=rng.randrange(600))
        if state == "completed":
            event("completed", at, enrollment, "end", None)
        enrollment_rows.append((enrollment, campaign_id, enrollment, state, stamp, stamp))
    # Re-opens of opened messages up to the target (people open a mail more than once).
    while len(events) < event_target:
        enrollment, step, message, at = opened_messages[rng.randrange(len(opened_messages))]
        event(
            "opened",
            at + timedelta(days=rng.randint(1, 9)),
            enrollment,
            step,
            message,
            {"hit": "open"},
            f"s{len(events)}",
        )
    del events[event_target:]
    connection.executemany(
        "INSERT INTO enrollments (id, campaign_id, contact_id, state, variants, created_at, "
        "updated_at, version) VALUES (?, ?, ?, ?, '{}', ?, ?, 1)",
        [(e, c, ct, s, a, b) for e, c, ct, s, a, b in enrollment_rows],
    )
    connection.executemany(
        "INSERT INTO outbox_messages (enrollment_id, account_id, node_id, message_id, state, "
        "to_address, subject, attempts, created_at, sent_at, campaign_id, track_opens, "
        "tracked_links) VALUES (?, ?, ?, ?, ?, ?, '', 1, ?, ?, ?, ?, ?)",
        outbox,
    )
    held_out = events[-HELD_OUT:]  # inserted last, one by one, to time the triggers
    maintenance = _fill(connection, events[:-HELD_OUT], held_out)
    connection.close()
    print(
        f"built {len(events):,} events, {len(outbox):,} messages, {enrollment_count:,} "
        f"enrollments in {time.perf_counter() - started:.1f} s (cached in {root})"
    )
    marker.write_text(json.dumps({"campaign_id": campaign_id, "maintenance": maintenance}))
    return root / "workspace", campaign_id


INSERT_EVENT = (
    "INSERT INTO events (kind, occurred_at, campaign_id, enrollment_id, contact_id, node_id, "
    "message_id, detail, source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
HELD_OUT = 20_000


def _fill(connection: sqlite3.Connection, bulk: list[tuple], held_out: list[tuple]) -> dict:
    """Insert the events, timing what the statistics summary costs (store.stats_summary):
    filling it from every event at once (what migration 0009 does), and keeping it up to
    date as events arrive one by one, next to the same inserts without its triggers."""
    from sqlalchemy import create_engine

    from fluenzr_desktop.store import stats_summary

    for name in stats_summary.TRIGGER_NAMES:
        connection.execute(f"DROP TRIGGER {name}")
    connection.executemany(INSERT_EVENT, bulk)
    connection.commit()

    def one_by_one() -> float:
        started = time.perf_counter()
        for row in held_out:
            connection.execute(INSERT_EVENT, row)
            connection.commit()
        return (time.perf_counter() - started) / len(held_out)

    bare = one_by_one()
    connection.execute(
        "DELETE FROM events WHERE id > (SELECT max(id) FROM events) - ?", (HELD_OUT,)
    )
    connection.commit()
    engine = create_engine(f"sqlite:///{connection.execute('PRAGMA database_list').fetchone()[2]}")
    started = time.perf_counter()
    with engine.begin() as db:
        stats_summary.install(db)
        stats_summary.rebuild(db)
    filled = time.perf_counter() - started
    engine.dispose()
    kept = one_by_one()
    return {"filled_s": filled, "bare_insert_us": bare * 1e6, "kept_insert_us": kept * 1e6}


def median_time(function, runs: int = 5) -> tuple[float, object]:
    """The median wall time of `runs` calls (after one warm-up call), and the last result."""
    result = function()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def bare_totals(database: Path, campaign_id: int) -> dict[str, int]:
    """The bare GROUP BY's rows as the same totals `campaign_stats` reports."""
    connection = sqlite3.connect(database)
    try:
        rows = connection.execute(BARE_QUERY, (campaign_id,)).fetchall()
    finally:
        connection.close()
    by_kind = {kind: (hits, messages) for kind, hits, messages in rows}

    def messages(kind: str) -> int:
        return by_kind.get(kind, (0, 0))[1]

    def hits(kind: str) -> int:
        return by_kind.get(kind, (0, 0))[0]

    return {
        "sent": messages("sent"),
        "clicked": messages("clicked"),
        "click_hits": hits("clicked"),
        "proxied_opens": messages("open_proxied"),
        "proxied_open_hits": hits("open_proxied"),
        "machine_hits": hits("open_machine") + hits("click_machine"),
        "replied": messages("replied"),
        "auto_replied": messages("auto_replied"),
        "unsubscribed": messages("unsubscribed"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--enrollments", type=int, default=100_000)
    args = parser.parse_args()
    folder, campaign_id = build_workspace(args.events, args.enrollments)

    from fluenzr_desktop.ops.stats import campaign_stats

    maintenance = json.loads((folder.parent / "built.json").read_text())["maintenance"]
    workspace = open_workspace(folder)
    database = workspace.database_path
    try:
        bare, totals = median_time(lambda: bare_totals(database, campaign_id))
        ours, stats = median_time(lambda: campaign_stats(workspace, campaign_id))
        mine = stats.total.to_dict()
        different = {key: (value, mine[key]) for key, value in totals.items() if mine[key] != value}
        print(f"campaign {campaign_id}: {args.events:,} events, {args.enrollments:,} enrollments")
        print(f"  bare SQL GROUP BY kind (sqlite3)   {bare * 1000:8.1f} ms")
        print(
            f"  campaign_stats totals              {ours * 1000:8.1f} ms   ratio {ours / bare:.2f}×"
        )
        wide = (date(2000, 1, 1), date(2100, 1, 1))  # a period: counted from the events
        counted_time, counted = median_time(
            lambda: campaign_stats(workspace, campaign_id, None, *wide)
        )
        print(
            f"  the same, counted from the events  {counted_time * 1000:8.1f} ms   "
            f"same figures: {'yes' if counted.total == stats.total else 'NO'}"
        )
        for by in ("step", "day", "account", "link"):
            spent, _ = median_time(lambda by=by: campaign_stats(workspace, campaign_id, by))
            print(f"  campaign_stats --by {by:<8}       {spent * 1000:8.1f} ms")
        print(
            "  figures: "
            + ", ".join(
                f"{key} {mine[key]:,}"
                for key in ("sent", "delivered", "opened", "clicked", "replied")
            )
        )
        if different:
            print(f"  MISMATCH with the bare query (bare, ours): {different}")
            sys.exit(1)
        print("  same totals as the bare query: yes")
        print("  target: ≤ 100 ms and ≤ 1.5× the bare query")
        print(
            f"summary upkeep: filled from every event in {maintenance['filled_s']:.1f} s "
            f"(migration 0009); an event inserted alone and committed "
            f"{maintenance['kept_insert_us']:.0f} µs with its triggers, "
            f"{maintenance['bare_insert_us']:.0f} µs without"
        )
        if counted.total != stats.total:
            sys.exit(1)
    finally:
        workspace.close()


if __name__ == "__main__":
    main()
