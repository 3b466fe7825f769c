"""Benchmark: `fluenzr contacts import` as a whole process next to `sqlite3 .import`.

Generates N contacts (two custom columns, 5 % duplicates, 1 % invalid addresses),
then times, in the same run and on the same file:
  - `fluenzr contacts import FILE` into a fresh workspace (process start included),
  - `sqlite3 DB ".mode csv" ".import FILE t"` into a fresh database,
and prints both times and the ratio (target: ≤ 8 at 100,000 rows).

Usage: .venv/bin/python bench/import_contacts.py [--rows 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIRST_NAMES = ["Jean", "Marie", "Lucas", "Léa", "John", "Emma", "Noah", "Chloé", "Hugo", "Inès"]
LAST_NAMES = ["Martin", "Bernard", "Dubois", "Smith", "Johnson", "Lefèvre", "Moreau", "Garcia"]
COMPANIES = ["Acme", "Société Générale", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay"]
TITLES = ["CEO", "CTO", "Head of Sales", "Founder", "VP Marketing", "Directeur commercial"]


def generate(path: Path, rows: int, seed: int = 7) -> None:
    """Write a realistic export: 5 % duplicate addresses, 1 % invalid ones, two custom columns."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["Email", "First name", "Last name", "Company", "Job title", "LinkedIn", "Segment"]
        )
        emitted: list[str] = []
        for index in range(rows):
            roll = rng.random()
            if roll < 0.01:
                email = f"broken{index}@@example"
            elif roll < 0.06 and emitted:
                email = rng.choice(emitted).upper()
            else:
                email = f"contact{index}.{rng.randrange(10**6)}@company{index % 5000}.com"
                emitted.append(email)
            first = rng.choice(FIRST_NAMES)
            writer.writerow(
                [
                    email,
                    first,
                    rng.choice(LAST_NAMES),
                    rng.choice(COMPANIES),
                    rng.choice(TITLES),
                    f"https://www.linkedin.com/in/{first.lower()}-{index}",
                    rng.choice(["smb", "mid-market", "enterprise"]),
                ]
            )


def time_command(command: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        sys.exit(f"{command[0]} failed: {completed.stderr.strip()}")
    return elapsed, completed.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the median is shown")
    args = parser.parse_args()

    sqlite3 = shutil.which("sqlite3")
    if sqlite3 is None:
        sys.exit("sqlite3 not found: apt-get install sqlite3 (make test installs it as root)")
    fluenzr = Path(sys.executable).with_name("fluenzr")
    if not fluenzr.exists():
        sys.exit(f"{fluenzr} not found: run `make test` or `pip install -e .` first")

    with tempfile.TemporaryDirectory(prefix="fluenzr-bench-") as folder:
        root = Path(folder)
        source = root / "contacts.csv"
        generate(source, args.rows)
        size_mb = source.stat().st_size / 1e6
        ours: list[float] = []
        reference: list[float] = []
        report: dict = {}
        for run in range(args.repeat):
            workspace = root / f"ws{run}"
            elapsed, stdout = time_command(
                [str(fluenzr), "contacts", "import", str(source), "--workspace", str(workspace),
                 "--json"]
            )  # fmt: skip
            ours.append(elapsed)
            report = json.loads(stdout)
            database = root / f"ref{run}.db"
            elapsed, _ = time_command([sqlite3, str(database), ".mode csv", f".import {source} t"])
            reference.append(elapsed)

    ours_median = statistics.median(ours)
    reference_median = statistics.median(reference)
    print(f"file: {args.rows:,} rows, {size_mb:.1f} MB (5 % duplicates, 1 % invalid)")
    print(
        f"fluenzr contacts import: imported {report['imported']:,}, updated {report['updated']:,}, "
        f"skipped {report['skipped']:,}, rejected {len(report['errors']):,}"
    )
    print(f"{'command':<30}{'median s':>10}   runs (s)")
    print(f"{'fluenzr contacts import':<30}{ours_median:>10.3f}   {_runs(ours)}")
    print(f"{'sqlite3 .import (reference)':<30}{reference_median:>10.3f}   {_runs(reference)}")
    print(f"ratio fluenzr / sqlite3: {ours_median / reference_median:.2f} (target ≤ 8)")


def _runs(values: list[float]) -> str:
    return " ".join(f"{value:.3f}" for value in values)


if __name__ == "__main__":
    main()
