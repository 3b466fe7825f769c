"""Benchmark: the contacts table (ContactsView) on a workspace of 1,000,000 contacts.

Builds the workspace once (cached under /tmp/fluenzr-bench-contacts-table-<rows>), then
times, in one process and on the same file:
  - opening the view until the first rows are painted,
  - scrolling to the end (last row painted),
  - filtering by a search term (selective and broad) until the rows are painted,
  - clearing the filter,
each next to a reference: bare `sqlite3` `SELECT id FROM contacts` and the same LIKE
query on the same file; then prints the peak RSS. Targets (issue 5): open ≤ 0.5 s,
filter ≤ 0.3 s.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/contacts_table.py [--rows 1000000]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import sqlite3
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIRST_NAMES = ["Jean", "Marie", "Lucas", "Léa", "John", "Emma", "Noah", "Chloé", "Hugo", "Inès"]
LAST_NAMES = ["Martin", "Bernard", "Dubois", "Smith", "Johnson", "Lefèvre", "Moreau", "Garcia"]
COMPANIES = ["Acme", "Société Générale", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay"]
TITLES = ["CEO", "CTO", "Head of Sales", "Founder", "VP Marketing", "Directeur commercial"]
SELECTIVE_TERM = "contact12345"  # matches contact12345 and contact123450…123459 (11 rows)
BROAD_TERM = "globex"  # one company in seven


def build_workspace(rows: int) -> Path:
    """The cached workspace folder of `rows` contacts, made on first use."""
    root = Path(f"/tmp/fluenzr-bench-contacts-table-{rows}")
    marker = root / "built"
    if marker.exists():
        return root
    from fluenzr_desktop.store.csv_io import import_contacts
    from fluenzr_desktop.workspace import open_workspace

    root.mkdir(parents=True, exist_ok=True)
    source = root / "contacts.csv"
    rng = random.Random(11)
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "Email",
                "First name",
                "Last name",
                "Company",
                "Job title",
                "Phone",
                "Tags",
                "LinkedIn",
                "Segment",
            ]
        )
        for index in range(rows):
            first = rng.choice(FIRST_NAMES)
            roll = rng.random()
            tags = "vip; lead" if roll < 0.01 else "lead" if roll < 0.1 else ""
            writer.writerow(
                [
                    f"contact{index}@company{index % 5000}.com",
                    first,
                    rng.choice(LAST_NAMES),
                    rng.choice(COMPANIES),
                    rng.choice(TITLES),
                    f"+33 6 {rng.randrange(10**8):08d}",
                    tags,
                    f"https://www.linkedin.com/in/{first.lower()}-{index}",
                    rng.choice(["smb", "mid-market", "enterprise"]),
                ]
            )
    started = time.perf_counter()
    with open_workspace(root / "workspace") as workspace:
        report = import_contacts(workspace.engine, source)
    print(
        f"built {report.imported:,} contacts in {time.perf_counter() - started:.1f} s "
        f"(cached in {root})"
    )
    source.unlink()
    marker.touch()
    return root


def reference_times(database: Path, term: str) -> tuple[float, float, int]:
    """Bare sqlite3: `SELECT id FROM contacts` and the model's LIKE query on the same file."""
    from fluenzr_desktop.domain.contacts import fold_search_term

    connection = sqlite3.connect(database)
    try:
        started = time.perf_counter()
        connection.execute("SELECT id FROM contacts").fetchall()
        plain = time.perf_counter() - started
        # The model's search: one LIKE over the folded (accent- and case-blind) column.
        pattern = f"%{fold_search_term(term)}%"
        started = time.perf_counter()
        found = connection.execute(
            "SELECT id FROM contacts WHERE search_folded LIKE ? ESCAPE '\\' ORDER BY id",
            (pattern,),
        ).fetchall()
        like = time.perf_counter() - started
    finally:
        connection.close()
    return plain, like, len(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    root = build_workspace(args.rows)

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from fluenzr_desktop.gui.contacts_view import ContactsView
    from fluenzr_desktop.workspace import open_workspace

    app = QApplication.instance() or QApplication(sys.argv)
    workspace = open_workspace(root / "workspace")
    database = workspace.database_path
    # Warm the OS page cache so both sides read the same (hot) file; the references are
    # taken now, while no background scan of ours competes for the CPU.
    reference_times(database, SELECTIVE_TERM)
    plain, _, _ = reference_times(database, SELECTIVE_TERM)
    references = {term: reference_times(database, term) for term in (SELECTIVE_TERM, BROAD_TERM)}

    def settle(until, signal, timeout_ms: int = 60_000) -> None:
        # One nested event loop, not a processEvents() spin: PySide6 6.12 on Python 3.11
        # drops a reference to None on every void call, and a spin aborts the process.
        if until():
            return
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)
        if not until():
            sys.exit("timed out waiting for the table")

    def paint(view: ContactsView) -> None:
        # A synchronous repaint: the visible rows' data() is asked for now.
        view.table.viewport().repaint()
        app.processEvents()

    figures: list[tuple[str, float, str, float]] = []

    started = time.perf_counter()
    view = ContactsView(workspace)
    view.resize(1100, 700)
    view.show()
    settle(lambda: view.model.loaded_once, view.model.loaded)
    paint(view)
    opened = time.perf_counter() - started
    first_email = view.model.index(0, 0).data()
    figures.append(("open view, first rows shown", opened, "sqlite3 SELECT id", plain))

    started = time.perf_counter()
    view.table.scrollToBottom()
    paint(view)
    scrolled = time.perf_counter() - started
    last_email = view.model.index(view.model.rowCount() - 1, 0).data()
    figures.append(("scroll to the end", scrolled, "sqlite3 SELECT id", plain))

    # Custom columns and tags are found by a background scan after the first rows show;
    # the filters are timed once it is over, as a user typing a few seconds later sees.
    started_scan = time.perf_counter()
    settle(lambda: view.model.metadata_loaded, view.model.metadata_changed)
    scan_left = time.perf_counter() - started_scan
    columns = view.model.custom_columns

    def search_shown(text: str) -> None:
        # `loaded` comes only with the ids of the latest query asked for: the first one
        # after set_search is this search's.
        arrived: list[None] = []

        def note() -> None:
            arrived.append(None)

        view.model.loaded.connect(note)
        view.model.set_search(text)  # what the debounced search box calls
        settle(lambda: bool(arrived), view.model.loaded)
        view.model.loaded.disconnect(note)

    for term in (SELECTIVE_TERM, BROAD_TERM):
        _, like, expected = references[term]
        started = time.perf_counter()
        search_shown(term)
        paint(view)
        filtered = time.perf_counter() - started
        if view.model.rowCount() != expected:
            sys.exit(f"filter {term!r}: {view.model.rowCount()} rows, sqlite3 found {expected}")
        figures.append(
            (f"filter {term!r} ({expected:,} rows)", filtered, "sqlite3 same LIKE", like)
        )

    started = time.perf_counter()
    search_shown("")
    paint(view)
    cleared = time.perf_counter() - started
    figures.append(("clear the filter", cleared, "sqlite3 SELECT id", plain))

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"workspace: {view.model.rowCount():,} contacts ({database})")
    print(f"first row {first_email}, last row {last_email}")
    print(f"custom columns {columns} and tags known {scan_left:.2f} s after the scroll step")
    print(f"{'step':<42}{'view s':>8}   {'reference':<20}{'s':>7}")
    for step, ours, reference, theirs in figures:
        print(f"{step:<42}{ours:>8.3f}   {reference:<20}{theirs:>7.3f}")
    print(f"peak RSS: {rss_mb:.0f} MB")
    print("targets: open ≤ 0.5 s, filter ≤ 0.3 s")
    view.close()
    view.deleteLater()
    app.processEvents()
    workspace.close()


if __name__ == "__main__":
    main()
