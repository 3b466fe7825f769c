"""The plans as the window words them: plan names, feature names, the line of each gate.

The domain names a gate by a stable feature code (`domain.plans.Gate.feature`) and gives
the English line the command line prints; the window shows the translated line from
this module instead, so a French window refuses in French. Every plan-related text of
the window lives here (marked with QT_TRANSLATE_NOOP, context "PlanText").
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale

from ..domain.plans import (
    AB_TESTS,
    ANALYTICS,
    API,
    CONDITIONS,
    FEATURES,
    FREE,
    FREE_DAILY_LIMIT,
    PRO,
    STARTER,
    WEBHOOKS,
    Gate,
)

CONTEXT = "PlanText"

PLAN_TEXTS: dict[str, str] = {
    FREE: QT_TRANSLATE_NOOP("PlanText", "Free"),
    STARTER: QT_TRANSLATE_NOOP("PlanText", "Starter"),
    PRO: QT_TRANSLATE_NOOP("PlanText", "Pro"),
}

FEATURE_TEXTS: dict[str, str] = {
    AB_TESTS: QT_TRANSLATE_NOOP("PlanText", "A/B tests"),
    ANALYTICS: QT_TRANSLATE_NOOP("PlanText", "Analytics"),
    CONDITIONS: QT_TRANSLATE_NOOP("PlanText", "Condition nodes"),
    WEBHOOKS: QT_TRANSLATE_NOOP("PlanText", "Outgoing webhooks"),
    API: QT_TRANSLATE_NOOP("PlanText", "The API"),
}

# The one line refusing activation, per gated feature (the words; `Gate.message`
# is the command line's English). Analytics is every plan's: it has no gate to word.
GATE_TEXTS: dict[str, str] = {
    CONDITIONS: QT_TRANSLATE_NOOP("PlanText", "Condition nodes need the Pro plan"),
    AB_TESTS: QT_TRANSLATE_NOOP("PlanText", "A/B variants need Starter"),
    WEBHOOKS: QT_TRANSLATE_NOOP("PlanText", "Outgoing webhooks need the Pro plan"),
    API: QT_TRANSLATE_NOOP("PlanText", "The API needs the Pro plan"),
}

FREE_USAGE = QT_TRANSLATE_NOOP("PlanText", "%1 · %2/%3 today")
PAID_USAGE = QT_TRANSLATE_NOOP("PlanText", "%1 plan")
FREE_LIMIT = QT_TRANSLATE_NOOP("PlanText", "Free plan: up to %1 emails a day across the workspace")


def _translate(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def plan_name(plan: str) -> str:
    """A plan's name in the window's language ("Free", "Starter", "Pro")."""
    source = PLAN_TEXTS.get(plan)
    return _translate(source) if source is not None else plan


def feature_name(feature: str) -> str:
    """A feature's name in the window's language ("Condition nodes")."""
    source = FEATURE_TEXTS.get(feature)
    return _translate(source) if source is not None else feature


def features_text(features: frozenset[str] | set[str]) -> str:
    """The features in force, named in the domain's order, comma-separated."""
    return ", ".join(feature_name(feature) for feature in FEATURES if feature in features)


def gate_text(gate: Gate) -> str:
    """The one line of a gate in the window's language ("Condition nodes need the Pro plan").

    A feature this window has no words for yet shows the domain's English line: never
    an empty refusal.
    """
    source = GATE_TEXTS.get(gate.feature)
    return _translate(source) if source is not None else gate.message


def plan_usage_text(plan: str, sent_today: int) -> str:
    """The plan in a few words: "Free · 12/50 today" on Free, "Pro plan" otherwise."""
    if plan != FREE:
        return _translate(PAID_USAGE).replace("%1", plan_name(plan))
    return (
        _translate(FREE_USAGE)
        .replace("%1", plan_name(plan))
        .replace("%2", str(sent_today))
        .replace("%3", str(FREE_DAILY_LIMIT))
    )


def free_limit_text() -> str:
    """What the Free plan allows sending: "Free plan: up to 50 emails a day across …"."""
    return _translate(FREE_LIMIT).replace("%1", str(FREE_DAILY_LIMIT))


def date_text(day: date) -> str:
    """A licence's day in the window's language: "3 December 2026", "3 décembre 2026"."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")
