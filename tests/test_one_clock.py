"""One clock: no product module but `domain/clock.py` reads the wall clock.

A domain time read from the wall clock (an enrolment stamp, an event, a `Date:` header)
ignores `--now`, forecasts and tests, and a suite built on it passes only until the
real date passes the test's date. The check walks the syntax tree of every module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "fluenzr_desktop"
CLOCK_MODULE = PACKAGE / "domain" / "clock.py"

# Calls that read the wall clock, by the last two parts of their dotted name.
WALL_CLOCK_CALLS = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
    ("time", "localtime"),
    ("time", "gmtime"),
    ("time", "ctime"),
    ("time", "strftime"),
}
# Names that read the wall clock when imported on their own (`from time import time`).
WALL_CLOCK_IMPORTS = {("time", "time"), ("time", "time_ns"), ("time", "localtime"),
                      ("time", "gmtime"), ("time", "ctime")}  # fmt: skip
# SQL that stamps with the database server's clock instead of ours.
WALL_CLOCK_SQL = ("CURRENT_TIMESTAMP", "CURRENT_DATE", "datetime('now')", "func.now")


def _dotted(node: ast.expr) -> list[str]:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return parts[::-1]


def wall_clock_reads(source: str) -> list[str]:
    """Every place in this source that reads the wall clock, as 'line: what'."""
    tree = ast.parse(source)
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            parts = _dotted(node.func)
            if len(parts) >= 2 and tuple(parts[-2:]) in WALL_CLOCK_CALLS:
                # time.gmtime(seconds) / time.strftime(fmt, struct) convert, they don't read.
                converts = parts[-1] in ("gmtime", "localtime", "ctime") and node.args
                if not converts and not (parts[-1] == "strftime" and len(node.args) > 1):
                    found.append(f"{node.lineno}: {'.'.join(parts)}()")
            if parts[-1:] == ["now"] and parts[-2:-1] == ["func"]:
                found.append(f"{node.lineno}: {'.'.join(parts)}()")
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                if (node.module, alias.name) in WALL_CLOCK_IMPORTS:
                    found.append(f"{node.lineno}: from {node.module} import {alias.name}")
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and any(text.lower() in node.value.lower() for text in WALL_CLOCK_SQL)
        ):
            found.append(f"{node.lineno}: SQL clock in {node.value[:40]!r}")
    return found


def test_no_product_module_reads_the_wall_clock_but_the_clock_module():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == CLOCK_MODULE:
            continue
        relative = path.relative_to(PACKAGE.parent)
        offenders += [f"{relative}:{hit}" for hit in wall_clock_reads(path.read_text("utf-8"))]
    assert offenders == [], "ask the workspace's clock instead:\n" + "\n".join(offenders)


@pytest.mark.parametrize(
    "source",
    [
        "from datetime import datetime\nstamp = datetime.now()",
        "import datetime as dt\nstamp = dt.datetime.now(dt.UTC)",
        "from datetime import datetime\nstamp = datetime.utcnow()",
        "from datetime import date\nday = date.today()",
        "import time\nseconds = time.time()",
        "from time import time",
        "import time\nlabel = time.strftime('%Y')",
        "from sqlalchemy import func\ncolumn_default = func.now()",
        'QUERY = "UPDATE t SET at = CURRENT_TIMESTAMP"',
    ],
)
def test_the_check_finds_each_way_of_reading_the_wall_clock(source):
    assert wall_clock_reads(source), source


@pytest.mark.parametrize(
    "source",
    [
        "stamp = clock.now()",
        "import time\nstarted = time.monotonic()",
        "import time\nparts = time.gmtime(0)",
        "from datetime import datetime\nwhen = datetime.fromtimestamp(0)",
        "import time\nlabel = time.strftime('%Y', parts)",
    ],
)
def test_the_check_lets_clock_reads_and_conversions_through(source):
    assert wall_clock_reads(source) == []
