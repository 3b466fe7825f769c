"""Figures as the window shows them: rates, counts and durations in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from ..domain.stats import duration_parts


def percent_text(value: float | None) -> str:
    """A rate as "28.6%" ("28,6 %" in French); "—" when it has no denominator."""
    if value is None:
        return "—"
    return QCoreApplication.translate("CampaignAnalytics", "%1%").replace(
        "%1", QLocale().toString(value * 100, "f", 1)
    )


def count_text(value: int) -> str:
    """A count with the locale's digit grouping ("1,234", "1 234")."""
    return QLocale().toString(value)


def duration_text(seconds: float | None) -> str:
    """A duration as "45 min", "3 h 20 min", "2 d 4 h" (units chosen by domain.stats)."""
    if seconds is None:
        return "—"
    unit, big, small = duration_parts(seconds)
    if unit == "min":
        return QCoreApplication.translate("CampaignAnalytics", "%1 min").replace("%1", str(big))
    if unit == "h":
        return (
            QCoreApplication.translate("CampaignAnalytics", "%1 h %2 min")
            .replace("%1", str(big))
            .replace("%2", f"{small:02d}")
        )
    return (
        QCoreApplication.translate("CampaignAnalytics", "%1 d %2 h")
        .replace("%1", str(big))
        .replace("%2", str(small))
    )
