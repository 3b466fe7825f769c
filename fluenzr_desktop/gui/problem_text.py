"""A domain problem as the window shows it: translated text from its code and parameters.

The domain names each problem by a code with parameters (`domain.problems.Problem`);
the CLI prints its English `message`, the window prints this, so the French window
shows French problems. Every code has an entry here (a test checks it); the texts are
marked with QT_TRANSLATE_NOOP so pyside6-lupdate collects them in the "Problems" context.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from ..domain.problems import Problem

CONTEXT = "Problems"

# Code → (English source with %1…%n, the parameters that fill %1…%n in order).
TEXTS: dict[str, tuple[str, tuple[str, ...]]] = {
    # nodes
    "unknown_node_type": (
        QT_TRANSLATE_NOOP("Problems", "unknown node type '%1' (expected %2)"),
        ("type", "expected"),
    ),
    "node_type_missing": (QT_TRANSLATE_NOOP("Problems", "the node has no type"), ()),
    "unknown_field": (QT_TRANSLATE_NOOP("Problems", "unknown field '%1' on this node"), ("name",)),
    "position_invalid": (
        QT_TRANSLATE_NOOP("Problems", "the position must be two numbers [x, y]"),
        (),
    ),
    "caption_not_text": (QT_TRANSLATE_NOOP("Problems", "the %1 must be text"), ("caption",)),
    # emails
    "body_not_text": (QT_TRANSLATE_NOOP("Problems", "the body must be text"), ()),
    "body_empty": (QT_TRANSLATE_NOOP("Problems", "the body is empty"), ()),
    "subject_not_text": (QT_TRANSLATE_NOOP("Problems", "the subject must be text"), ()),
    "first_subject_empty": (
        QT_TRANSLATE_NOOP("Problems", "the subject is empty (the first email of a path needs one)"),
        (),
    ),
    "template_syntax": (
        QT_TRANSLATE_NOOP("Problems", "%1 does not compile: %2"),
        ("what", "detail"),
    ),
    "template_too_large": (
        QT_TRANSLATE_NOOP("Problems", "%1 builds a value too large (over %2 characters)"),
        ("what", "max"),
    ),
    "template_repeats": (
        QT_TRANSLATE_NOOP("Problems", "%1 repeats text too many times (over %2 characters)"),
        ("what", "max"),
    ),
    "template_too_wide": (
        QT_TRANSLATE_NOOP("Problems", "%1 pads text too widely (a width over %2)"),
        ("what", "max"),
    ),
    "template_big_number": (
        QT_TRANSLATE_NOOP("Problems", "%1 computes too large a number (over %2 bits)"),
        ("what", "max"),
    ),
    "template_big_range": (
        QT_TRANSLATE_NOOP("Problems", "%1 asks for a range of over %2 items"),
        ("what", "max"),
    ),
    "template_lorem_ipsum": (
        QT_TRANSLATE_NOOP("Problems", "%1 asks for over %2 words of lorem ipsum"),
        ("what", "max"),
    ),
    "template_slow_filter": (
        QT_TRANSLATE_NOOP("Problems", "%1 gives %2 too much text (over %3 characters)"),
        ("what", "filter", "max"),
    ),
    "template_too_many_steps": (
        QT_TRANSLATE_NOOP("Problems", "%1 loops too many times (over %2 steps)"),
        ("what", "max"),
    ),
    "template_too_slow": (
        QT_TRANSLATE_NOOP("Problems", "%1 takes too long to render (over %2 s)"),
        ("what", "seconds"),
    ),
    "template_too_much_memory": (
        QT_TRANSLATE_NOOP("Problems", "%1 needs too much memory"),
        ("what",),
    ),
    "template_too_deep_calls": (
        QT_TRANSLATE_NOOP("Problems", "%1 calls itself too deeply"),
        ("what",),
    ),
    "template_rendered_too_large": (
        QT_TRANSLATE_NOOP("Problems", "%1 is too large once rendered (over %2 MB)"),
        ("what", "megabytes"),
    ),
    "template_subject_too_long": (
        QT_TRANSLATE_NOOP("Problems", "%1 is too long once rendered (over %2 characters)"),
        ("what", "max"),
    ),
    "template_nested": (
        QT_TRANSLATE_NOOP("Problems", "%1 is nested too deeply (over %2 levels)"),
        ("what", "max"),
    ),
    # A/B variants
    "variants_not_list": (QT_TRANSLATE_NOOP("Problems", "the variants must be a list"), ()),
    "variants_too_few": (
        QT_TRANSLATE_NOOP(
            "Problems", "an email with variants needs at least %1 of them (it has %2)"
        ),
        ("min", "count"),
    ),
    "variants_too_many": (
        QT_TRANSLATE_NOOP("Problems", "an email can have at most %1 variants (it has %2)"),
        ("max", "count"),
    ),
    "variant_not_object": (
        QT_TRANSLATE_NOOP("Problems", "variant number %1 must be an object"),
        ("number",),
    ),
    "variant_id_missing": (
        QT_TRANSLATE_NOOP("Problems", "variant number %1 needs an id (a letter such as A)"),
        ("number",),
    ),
    "variant_id_repeated": (
        QT_TRANSLATE_NOOP("Problems", "two variants have the id '%1'"),
        ("variant",),
    ),
    "variant_weight_invalid": (
        QT_TRANSLATE_NOOP(
            "Problems", "the weight of variant %1 must be a number greater than 0 and at most %2"
        ),
        ("variant", "max"),
    ),
    "ab_test_invalid": (
        QT_TRANSLATE_NOOP("Problems", "the A/B test's %1 must be %2 (got %3)"),
        ("name", "expected", "value"),
    ),
    "variant_unknown_field": (
        QT_TRANSLATE_NOOP("Problems", "unknown field '%1' on variant %2"),
        ("name", "variant"),
    ),
    "variant_body_empty": (
        QT_TRANSLATE_NOOP(
            "Problems", "variant %1 has no body, and the email has none for it to take"
        ),
        ("variant",),
    ),
    "variant_first_subject_empty": (
        QT_TRANSLATE_NOOP(
            "Problems",
            "variant %1 has no subject, and neither has the email "
            "(the first email of a path needs one)",
        ),
        ("variant",),
    ),
    # delays
    "delay_amount_missing": (QT_TRANSLATE_NOOP("Problems", "the delay needs an amount"), ()),
    "delay_amount_not_number": (
        QT_TRANSLATE_NOOP("Problems", "the delay amount must be a number"),
        (),
    ),
    "delay_amount_not_positive": (
        QT_TRANSLATE_NOOP("Problems", "the delay amount must be greater than 0"),
        (),
    ),
    "delay_amount_too_large": (
        QT_TRANSLATE_NOOP("Problems", "the delay must be at most one year (%1 %2)"),
        ("max", "unit"),
    ),
    "delay_unit_unknown": (
        QT_TRANSLATE_NOOP("Problems", "the delay unit must be one of %1 (got %2)"),
        ("expected", "value"),
    ),
    # conditions
    "condition_missing": (
        QT_TRANSLATE_NOOP("Problems", "the condition is missing or not an object"),
        (),
    ),
    "condition_kind_unknown": (
        QT_TRANSLATE_NOOP("Problems", "unknown condition kind %1 (expected %2)"),
        ("value", "expected"),
    ),
    "condition_field_missing": (
        QT_TRANSLATE_NOOP("Problems", "the condition must name a contact field"),
        (),
    ),
    "condition_op_unknown": (
        QT_TRANSLATE_NOOP("Problems", "unknown comparison %1 (expected %2)"),
        ("value", "expected"),
    ),
    "condition_value_missing": (
        QT_TRANSLATE_NOOP("Problems", "the '%1' comparison needs a text or number value"),
        ("op",),
    ),
    "condition_email_missing": (
        QT_TRANSLATE_NOOP("Problems", "the '%1' condition must name an email node"),
        ("kind",),
    ),
    "condition_email_not_email": (
        QT_TRANSLATE_NOOP("Problems", "'%1' is not an email node"),
        ("email",),
    ),
    "condition_email_not_before": (
        QT_TRANSLATE_NOOP("Problems", "email '%1' does not come before this condition"),
        ("email",),
    ),
    # the graph
    "no_start": (QT_TRANSLATE_NOOP("Problems", "the campaign has no Start node"), ()),
    "extra_start": (QT_TRANSLATE_NOOP("Problems", "there can be only one Start node"), ()),
    "link_from_unknown": (
        QT_TRANSLATE_NOOP("Problems", "a link starts at unknown node '%1'"),
        ("node",),
    ),
    "link_to_unknown": (
        QT_TRANSLATE_NOOP("Problems", "a link points to unknown node '%1'"),
        ("node",),
    ),
    "link_into_start": (
        QT_TRANSLATE_NOOP("Problems", "nothing may link into Start (a link comes from '%1')"),
        ("source",),
    ),
    "link_port_invalid": (
        QT_TRANSLATE_NOOP("Problems", "a link's port must be Yes or No (or absent)"),
        (),
    ),
    "unreachable": (QT_TRANSLATE_NOOP("Problems", "this node cannot be reached from Start"), ()),
    "no_path_to_end": (QT_TRANSLATE_NOOP("Problems", "no path from this node reaches an End"), ()),
    "loop_without_delay": (
        QT_TRANSLATE_NOOP(
            "Problems", "this node is in a loop without a Delay: add a Delay to the loop"
        ),
        (),
    ),
    "end_has_output": (
        QT_TRANSLATE_NOOP("Problems", "an End node cannot have outgoing links"),
        (),
    ),
    "condition_branch_missing": (
        QT_TRANSLATE_NOOP("Problems", "the condition has no '%1' branch"),
        ("port",),
    ),
    "condition_branch_repeated": (
        QT_TRANSLATE_NOOP("Problems", "the condition has %1 '%2' branches"),
        ("count", "port"),
    ),
    "condition_link_without_port": (
        QT_TRANSLATE_NOOP("Problems", "a condition's link must leave by Yes or No (link to '%1')"),
        ("target",),
    ),
    "output_port_unknown": (
        QT_TRANSLATE_NOOP("Problems", "this node has no '%1' output (link to '%2')"),
        ("port", "target"),
    ),
    "leads_nowhere": (
        QT_TRANSLATE_NOOP("Problems", "this node leads nowhere: link it to the next step"),
        (),
    ),
    "too_many_outputs": (
        QT_TRANSLATE_NOOP("Problems", "this node has %1 outgoing links; it needs exactly one"),
        ("count",),
    ),
    # settings
    "unknown_time_zone": (
        QT_TRANSLATE_NOOP("Problems", "unknown time zone %1 (e.g. Europe/Paris)"),
        ("value",),
    ),
    "window_not_object": (
        QT_TRANSLATE_NOOP("Problems", "the sending window must be an object"),
        (),
    ),
    "window_no_days": (QT_TRANSLATE_NOOP("Problems", "choose at least one sending day"), ()),
    "window_day_unknown": (
        QT_TRANSLATE_NOOP("Problems", "sending days must be among %1"),
        ("expected",),
    ),
    "window_time_invalid": (
        QT_TRANSLATE_NOOP("Problems", "the window %1 must be a time like 09:00"),
        ("key",),
    ),
    "window_ends_before_start": (
        QT_TRANSLATE_NOOP("Problems", "the sending window must end after it starts"),
        (),
    ),
    "gap_invalid": (
        QT_TRANSLATE_NOOP(
            "Problems", "the gap must be [min, max] whole seconds from 0 to %1 (one day)"
        ),
        ("max",),
    ),
    "gap_reversed": (
        QT_TRANSLATE_NOOP("Problems", "the minimum gap is larger than the maximum"),
        (),
    ),
    "daily_cap_invalid": (
        QT_TRANSLATE_NOOP("Problems", "the daily cap must be a whole number from 1 to %1"),
        ("max",),
    ),
    "setting_not_boolean": (QT_TRANSLATE_NOOP("Problems", "%1 must be true or false"), ("key",)),
    "tracking_needs_relay": (
        QT_TRANSLATE_NOOP(
            "Problems",
            "opens and clicks are tracked through a tracking relay, and none is set: "
            "set one on the Settings page (in the sidebar), or turn tracking off",
        ),
        (),
    ),
    "unsubscribe_text_invalid": (
        QT_TRANSLATE_NOOP(
            "Problems", "the unsubscribe sentence must be one line of at most %1 characters"
        ),
        ("max",),
    ),
    "account_invalid": (
        QT_TRANSLATE_NOOP("Problems", "the account must be an account id or null"),
        (),
    ),
    # the workspace
    "no_account": (
        QT_TRANSLATE_NOOP("Problems", "no sending account is chosen for this campaign"),
        (),
    ),
    "account_unknown": (QT_TRANSLATE_NOOP("Problems", "account %1 does not exist"), ("account",)),
    "unknown_variable": (QT_TRANSLATE_NOOP("Problems", "unknown variable '%1'"), ("name",)),
    "unknown_variable_suggestion": (
        QT_TRANSLATE_NOOP("Problems", "unknown variable '%1' — did you mean %2?"),
        ("name", "suggestion"),
    ),
}

# Parameters that are words of the interface, not data: translated before they are shown.
_WORDS: dict[str, str] = {
    "subject": QT_TRANSLATE_NOOP("Problems", "the subject"),
    "body": QT_TRANSLATE_NOOP("Problems", "the body"),
    "template": QT_TRANSLATE_NOOP("Problems", "the template"),
    "minutes": QT_TRANSLATE_NOOP("Problems", "minutes"),
    "hours": QT_TRANSLATE_NOOP("Problems", "hours"),
    "days": QT_TRANSLATE_NOOP("Problems", "days"),
    "yes": QT_TRANSLATE_NOOP("Problems", "Yes"),
    "no": QT_TRANSLATE_NOOP("Problems", "No"),
    "start": QT_TRANSLATE_NOOP("Problems", "start"),
    "end": QT_TRANSLATE_NOOP("Problems", "end"),
    "label": QT_TRANSLATE_NOOP("Problems", "label"),
    "note": QT_TRANSLATE_NOOP("Problems", "note"),
}
_WORD_PARAMS = frozenset({"what", "unit", "port", "key", "caption"})
# Figures shown with the interface's digit grouping (10,000 / 10 000); ids are left alone.
_FIGURE_PARAMS = frozenset({"max", "count", "seconds", "megabytes"})
_MISSING = QT_TRANSLATE_NOOP("Problems", "missing")
_PLACE = re.compile(r"%(\d)")


def problem_text(problem: Problem) -> str:
    """The problem's sentence in the interface language (no location prefix)."""
    return problem_sentence(problem.code, problem.params)


def problem_sentence(code: str, params: Mapping[str, Any]) -> str:
    """The translated sentence of a problem code with its parameters."""
    source, names = TEXTS[code]
    text = QCoreApplication.translate(CONTEXT, source)
    values = [_shown(name, params.get(name)) for name in names]

    def fill(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return values[index] if 0 <= index < len(values) else match.group(0)

    # One pass, so a value that holds "%2" is never filled in turn.
    return _PLACE.sub(fill, text)


def _shown(name: str, value: Any) -> str:
    """One parameter as the sentence shows it."""
    if value is None:
        return QCoreApplication.translate(CONTEXT, _MISSING)
    if name in _WORD_PARAMS and isinstance(value, str) and value in _WORDS:
        return QCoreApplication.translate(CONTEXT, _WORDS[value])
    if name in _FIGURE_PARAMS and isinstance(value, int | float) and not isinstance(value, bool):
        return QLocale().toString(value)
    return str(value)
