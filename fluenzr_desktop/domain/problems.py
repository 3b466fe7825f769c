"""Problems as codes with parameters, and the one table of their English sentences.

A `Problem` names what is wrong by a code ("body_empty", "delay_amount_too_large") and
the values the sentence needs ({"max": 365, "unit": "days"}); its `message` is the English
sentence the command line prints. The window translates the same code and parameters
(`gui.problem_text`), so a French window shows French problems.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# What a template does past one of its limits: completes "the <what> …" (template_sizes).
LIMIT_PREDICATES: dict[str, str] = {
    "template_too_large": "builds a value too large (over {max:,} characters)",
    "template_repeats": "repeats text too many times (over {max:,} characters)",
    "template_too_wide": "pads text too widely (a width over {max:,})",
    "template_big_number": "computes too large a number (over {max:,} bits)",
    "template_big_range": "asks for a range of over {max:,} items",
    "template_lorem_ipsum": "asks for over {max:,} words of lorem ipsum",
    "template_slow_filter": "gives {filter} too much text (over {max:,} characters)",
    "template_too_many_steps": "loops too many times (over {max:,} steps)",
    "template_too_slow": "takes too long to render (over {seconds:g} s)",
    "template_too_much_memory": "needs too much memory",
    "template_too_deep_calls": "calls itself too deeply",
    "template_rendered_too_large": "is too large once rendered (over {megabytes:g} MB)",
    "template_subject_too_long": "is too long once rendered (over {max:,} characters)",
    "template_nested": "is nested too deeply (over {max} levels)",
}

# Code → English sentence; the parameters fill the `{…}` fields (str.format).
ENGLISH: dict[str, str] = {
    # nodes
    "unknown_node_type": "unknown node type {type!r} (expected {expected})",
    "node_type_missing": "the node has no type",
    "unknown_field": "unknown field {name!r} on {article} {type} node",
    "position_invalid": "the position must be two numbers [x, y]",
    "caption_not_text": "the {caption} must be text",
    # emails
    "body_not_text": "the body must be text",
    "body_empty": "the body is empty",
    "subject_not_text": "the subject must be text",
    "first_subject_empty": "the subject is empty (the first email of a path needs one)",
    "template_syntax": "the {what} does not compile: {detail}",
    **{code: "the {what} " + predicate for code, predicate in LIMIT_PREDICATES.items()},
    # A/B variants of an email (domain.variants)
    "variants_not_list": "the variants must be a list",
    "variants_too_few": "an email with variants needs at least {min} of them (it has {count})",
    "variants_too_many": "an email can have at most {max} variants (it has {count})",
    "variant_not_object": "variant number {number} must be an object",
    "variant_id_missing": "variant number {number} needs an id (a letter such as A)",
    "variant_id_repeated": "two variants have the id {variant!r}",
    "variant_weight_invalid": (
        "the weight of variant {variant} must be a number greater than 0 and at most {max:,}"
    ),
    "variant_unknown_field": "unknown field {name!r} on variant {variant}",
    "variant_body_empty": "variant {variant} has no body, and the email has none for it to take",
    "variant_first_subject_empty": (
        "variant {variant} has no subject, and neither has the email "
        "(the first email of a path needs one)"
    ),
    "ab_test_invalid": "the A/B test's {name} must be {expected} (got {value})",
    # delays
    "delay_amount_missing": "the delay needs an amount",
    "delay_amount_not_number": "the delay amount must be a number",
    "delay_amount_not_positive": "the delay amount must be greater than 0",
    "delay_amount_too_large": "the delay must be at most one year ({max:,} {unit})",
    "delay_unit_unknown": "the delay unit must be one of {expected} (got {value_or_missing})",
    # conditions
    "condition_missing": "the condition is missing or not an object",
    "condition_kind_unknown": "unknown condition kind {value_or_missing} (expected {expected})",
    "condition_field_missing": "the condition must name a contact field",
    "condition_op_unknown": "unknown comparison {value_or_missing} (expected {expected})",
    "condition_value_missing": "the {op!r} comparison needs a text or number value",
    "condition_email_missing": "the {kind!r} condition must name an email node",
    "condition_email_not_email": "{email!r} is not an email node",
    "condition_email_not_before": "email {email!r} does not come before this condition",
    # the graph
    "no_start": "the campaign has no Start node",
    "extra_start": "there can be only one Start node",
    "link_from_unknown": "a link starts at unknown node {node!r}",
    "link_to_unknown": "a link points to unknown node {node!r}",
    "link_into_start": "nothing may link into Start (a link comes from {source!r})",
    "link_port_invalid": 'a link\'s port must be "yes" or "no" (or absent)',
    "unreachable": "this node cannot be reached from Start",
    "no_path_to_end": "no path from this node reaches an End",
    "loop_without_delay": "this node is in a loop without a Delay: add a Delay to the loop",
    "end_has_output": "an End node cannot have outgoing links",
    "condition_branch_missing": "the condition has no {port!r} branch",
    "condition_branch_repeated": "the condition has {count} {port!r} branches",
    "condition_link_without_port": (
        "a condition's link must leave by 'yes' or 'no' (link to {target!r})"
    ),
    "output_port_unknown": "a {type} node has no {port!r} output (link to {target!r})",
    "leads_nowhere": "this node leads nowhere: link it to the next step",
    "too_many_outputs": "this node has {count} outgoing links; it needs exactly one",
    # settings
    "unknown_time_zone": "unknown time zone {value} (e.g. Europe/Paris)",
    "window_not_object": "the sending window must be an object",
    "window_no_days": "choose at least one sending day",
    "window_day_unknown": "sending days must be among {expected}",
    "window_time_invalid": "the window {key} must be a time like 09:00",
    "window_ends_before_start": "the sending window must end after it starts",
    "gap_invalid": "the gap must be [min, max] whole seconds from 0 to {max:,} (one day)",
    "gap_reversed": "the minimum gap is larger than the maximum",
    "daily_cap_invalid": "the daily cap must be a whole number from 1 to {max:,}",
    "setting_not_boolean": "{key} must be true or false",
    "tracking_needs_relay": (
        "opens and clicks are tracked through a tracking relay, and none is set: "
        "run `fluenzr tracking set-relay URL --token-file FILE`, or turn tracking off"
    ),
    "unsubscribe_text_invalid": "the unsubscribe sentence must be one line of at most {max} characters",
    "account_invalid": "the account must be an account id or null",
    # the workspace (preflight)
    "no_account": "no sending account is chosen for this campaign",
    "account_unknown": "account {account} does not exist",
    "unknown_variable": "unknown variable '{name}'",
    "unknown_variable_suggestion": "unknown variable '{name}' — did you mean {suggestion}?",
}

PROBLEM_CODES: frozenset[str] = frozenset(ENGLISH)


def english(code: str, params: Mapping[str, Any]) -> str:
    """The English sentence of a problem code with its parameters."""
    values = dict(params)
    # Wording only English needs: "an email node", "a delay node"; "missing" for no value.
    node_type = values.get("type")
    if isinstance(node_type, str):
        values.setdefault("article", "an" if node_type[:1] in "aeiou" else "a")
    if "value" in values:
        value = values["value"]
        values.setdefault("value_or_missing", "missing" if value is None else value)
    return ENGLISH[code].format_map(values)


@dataclass(frozen=True)
class Problem:
    """One thing to fix before a campaign can run: a code with parameters, on a node and field."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)
    node_id: str | None = None
    field: str | None = None
    # "warning": reported but not blocking (a field this version does not know is kept
    # and may come from a newer app or the canvas); "error": blocks activation.
    severity: str = "error"

    @property
    def message(self) -> str:
        """The English sentence (what the command line prints)."""
        return english(self.code, self.params)

    def to_dict(self) -> dict[str, Any]:
        """The problem as JSON for the CLI and the canvas."""
        shown: dict[str, Any] = {"node": self.node_id, "field": self.field, "message": self.message}
        if self.severity != "error":
            shown["severity"] = self.severity
        shown["code"] = self.code
        shown["params"] = dict(self.params)
        return shown

    def __str__(self) -> str:
        where = [] if self.node_id is None else [f"node {self.node_id}"]
        if self.field is not None:
            where.append(self.field)
        return f"{', '.join(where)}: {self.message}" if where else self.message
