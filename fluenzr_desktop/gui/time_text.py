"""A moment as the window shows it: "Mon 7 Dec 09:00", in the interface's language."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime


def local_time_text(moment: datetime) -> str:
    """A local (wall-clock) time, short: day, date and minutes in the locale's words."""
    shown = QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )
    return QLocale().toString(shown, "ddd d MMM HH:mm")


def zoned_time_text(moment: datetime, zone_name: str) -> str:
    """A local time with its zone named: "Mon 7 Dec 09:00 (Europe/Paris)"."""
    return f"{local_time_text(moment)} ({zone_name})"
