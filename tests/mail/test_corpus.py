"""The inbox sorts a corpus of real-world mail right: at least 98 %, by kind.

`tests/mail/corpus/` holds real bounces, delay warnings, complaints, auto-replies,
replies and unsubscribe requests from many MTAs and clients (sources and licences in its
README); `MANIFEST.tsv` says what each one is, as a careful person reading it concludes.
"""

from __future__ import annotations

import csv
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from fluenzr_desktop.mail.classify import Classification, classify, parse_bytes

CORPUS = Path(__file__).parent / "corpus"
NOW = datetime(2026, 12, 1, 9, 0)
TARGET = 0.98


def manifest() -> list[dict[str, str]]:
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def recipients(entry: dict[str, str]) -> list[str]:
    """The failed addresses the manifest names (none: "-")."""
    value = entry["failed_recipient"]
    return [] if value == "-" else [a.strip().lower() for a in value.split(",")]


def verdict_of(entry: dict[str, str]) -> Classification:
    return classify(parse_bytes((CORPUS / entry["path"]).read_bytes()), now=NOW)


def sorted_right(entry: dict[str, str], verdict: Classification) -> bool:
    """What the inbox must conclude of this sample for the contact to be treated right."""
    expected = entry["kind"]
    if expected == "bounce":
        # A final failure stops the contact; only a bad address is suppressed for good.
        hard = entry["hard"] == "yes"
        named = set(recipients(entry)) <= set(verdict.failed_recipients)
        return verdict.kind == "bounce" and verdict.final and verdict.hard is hard and named
    if expected == "delayed":
        return verdict.kind == "bounce" and not verdict.final and not verdict.hard
    return verdict.kind == expected


def test_the_manifest_and_the_files_agree():
    listed = {entry["path"] for entry in manifest()}
    on_disk = {str(p.relative_to(CORPUS)) for p in CORPUS.glob("*/*.eml")}
    assert listed == on_disk
    kinds = Counter(entry["kind"] for entry in manifest())
    assert kinds["bounce"] >= 30 and kinds["auto_reply"] >= 10 and kinds["reply"] >= 10
    assert len({e["mta_or_client"] for e in manifest() if e["kind"] == "bounce"}) >= 10


def test_at_least_98_percent_of_the_corpus_is_sorted_right(record_property, capsys):
    by_kind: dict[str, list[bool]] = {}
    misses = []
    for entry in manifest():
        verdict = verdict_of(entry)
        right = sorted_right(entry, verdict)
        group = "bounce" if entry["kind"] in ("bounce", "delayed") else entry["kind"]
        by_kind.setdefault(group, []).append(right)
        if not right:
            misses.append(f"{entry['path']}: {verdict.kind} final={verdict.final} "
                          f"hard={verdict.hard} {verdict.failed_recipients}")  # fmt: skip
    total = [right for results in by_kind.values() for right in results]
    share = sum(total) / len(total)
    line = (
        "inbox corpus sorted right: "
        + ", ".join(
            f"{kind} {sum(results)}/{len(results)}" for kind, results in sorted(by_kind.items())
        )
        + f"; all {sum(total)}/{len(total)} = {share:.1%}"
    )
    record_property("corpus", line)
    with capsys.disabled():
        print(f"\n{line}")
    assert share >= TARGET, "\n".join([line, *misses])


@pytest.mark.parametrize(
    "entry", [e for e in manifest() if e["kind"] in ("bounce", "delayed")], ids=lambda e: e["path"]
)
def test_every_bounce_names_its_failed_recipient(entry):
    verdict = verdict_of(entry)
    assert verdict.kind == "bounce", verdict
    assert set(recipients(entry)) <= set(verdict.failed_recipients)
