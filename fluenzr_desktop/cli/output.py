"""Printing results: JSON with --json, readable text otherwise; errors as one line."""

from __future__ import annotations

import json
import sys
from typing import Any


class Output:
    """Where a command writes its result and errors."""

    def __init__(self, json_mode: bool) -> None:
        self.json_mode = json_mode

    def result(self, payload: Any, text: str | None = None) -> None:
        """Print the command's result: `payload` as JSON, or `text` (default: the JSON)."""
        if self.json_mode or text is None:
            print(json.dumps(payload, ensure_ascii=False, default=str))
        else:
            print(text)

    def event(self, payload: Any, text: str) -> None:
        """One line as it happens (a long-running command): a JSON line with --json."""
        line = json.dumps(payload, ensure_ascii=False, default=str) if self.json_mode else text
        print(line, flush=True)

    def error(self, message: str, **extra: Any) -> None:
        """One line on stderr; with --json also an object on stdout."""
        line = " ".join(message.split())
        print(f"fluenzr: error: {line}", file=sys.stderr)
        if self.json_mode:
            print(json.dumps({"error": line, **extra}, ensure_ascii=False, default=str))

    def detail(self, line: str) -> None:
        """Extra human lines after an error (text mode only)."""
        if not self.json_mode:
            print(line, file=sys.stderr)


def table(rows: list[list[str]], headers: list[str]) -> str:
    """A plain aligned text table."""
    cells = [headers, *rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in cells
    ]
    return "\n".join(line.rstrip() for line in lines)
