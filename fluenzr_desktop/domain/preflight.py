"""What activation checks beyond the sequence: the sending account, the variables, the values.

Pure rules: the store gathers the facts of a workspace (its accounts, its custom fields,
the values of the enrolled contacts) and these functions decide. The engine applies the
same rule at send time (`templating.missing_variables`): an email that would print a
variable empty is not sent.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .contacts import HEADER_FIELDS, normalise_header
from .problems import Problem
from .templating import (
    FIELD_VARIABLES,
    STANDARD_VARIABLES,
    identifier_for,
    referenced_variables,
    required_variables,
)
from .variants import variant_texts
from .workflow import Workflow

TEMPLATE_FIELDS = ("subject", "body")


@dataclass(frozen=True)
class WorkspaceFacts:
    """What validation needs to know of the workspace a campaign runs in."""

    account_ids: frozenset[int] = frozenset()
    custom_fields: frozenset[str] = frozenset()
    # Whether a tracking relay is set (opens and clicks go through it).
    has_relay: bool = False


def known_variables(custom_fields: Iterable[str]) -> set[str]:
    """Every variable a template may name: standard fields, signature, custom fields (and aliases)."""
    known = set(STANDARD_VARIABLES)
    for name in custom_fields:
        known.add(name)
        alias = identifier_for(name)
        if alias:
            known.add(alias)
    return known


def suggest_variable(name: str, known: Iterable[str]) -> str | None:
    """The variable the user most likely meant: `prenom` → firstName, `compnay` → company."""
    candidates = sorted(known)
    folded = normalise_header(name)
    # The header synonyms of the CSV import, French and English: prénom, société, job title…
    standard = FIELD_VARIABLES.get(HEADER_FIELDS.get(folded, ""))
    if standard is not None:
        return standard
    by_fold = {normalise_header(candidate): candidate for candidate in candidates}
    if folded in by_fold:
        return by_fold[folded]  # first_name, FirstName, first-name
    close = difflib.get_close_matches(folded, list(by_fold), n=1, cutoff=0.75)
    return by_fold[close[0]] if close else None


def email_sources(workflow: Workflow) -> Iterable[tuple[str, str, str]]:
    """(node id, field, template text) of every subject and body of the sequence, the A/B
    variants' own texts included (a value only variant B prints is asked for too)."""
    for node in workflow.email_nodes():
        for key in TEMPLATE_FIELDS:
            value = node.props.get(key)
            if isinstance(value, str) and value.strip():
                yield node.id, key, value
        for field_name, text in variant_texts(node):
            yield node.id, field_name, text


def workspace_problems(workflow: Workflow, facts: WorkspaceFacts) -> list[Problem]:
    """Problems that depend on the workspace: no account, a missing account, tracking without
    a relay, unknown variables."""
    problems: list[Problem] = []
    account = workflow.effective_settings().get("account")
    if account is None:
        problems.append(Problem("no_account", {}, None, "settings.account"))
    elif isinstance(account, int) and account not in facts.account_ids:
        problems.append(Problem("account_unknown", {"account": account}, None, "settings.account"))
    settings = workflow.effective_settings()
    tracked = [key for key in ("track_opens", "track_clicks") if settings.get(key) is True]
    if tracked and not facts.has_relay:
        problems.append(Problem("tracking_needs_relay", {}, None, f"settings.{tracked[0]}"))
    known = known_variables(facts.custom_fields)
    for node_id, key, source in email_sources(workflow):
        for name in sorted(referenced_variables(source) - known):
            suggestion = suggest_variable(name, known)
            if suggestion is None:
                problems.append(Problem("unknown_variable", {"name": name}, node_id, key))
            else:
                params = {"name": name, "suggestion": suggestion}
                problems.append(Problem("unknown_variable_suggestion", params, node_id, key))
    return problems


def required_by_sequence(workflow: Workflow) -> dict[str, list[str]]:
    """Variable → the email nodes that print it without a default or an `if`, in order."""
    needed: dict[str, list[str]] = {}
    for node_id, _key, source in email_sources(workflow):
        for name in sorted(required_variables(source)):
            nodes = needed.setdefault(name, [])
            if node_id not in nodes:
                nodes.append(node_id)
    return needed


@dataclass
class MissingValue:
    """Pre-flight: how many enrolled contacts lack one variable the sequence needs."""

    variable: str
    nodes: list[str]
    missing: int = 0
    examples: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "variable": self.variable,
            "nodes": self.nodes,
            "missing": self.missing,
            "examples": self.examples,
        }


def preflight(
    workflow: Workflow,
    contacts: Iterable[tuple[str, Mapping[str, str]]],
    example_count: int = 3,
) -> tuple[int, list[MissingValue]]:
    """(contacts seen, the needed variables some of them lack) over (email, variables) pairs."""
    needed = required_by_sequence(workflow)
    report = {name: MissingValue(name, nodes) for name, nodes in needed.items()}
    seen = 0
    for address, variables in contacts:
        seen += 1
        for name, entry in report.items():
            if name not in variables:
                entry.missing += 1
                if len(entry.examples) < example_count:
                    entry.examples.append(address)
    return seen, [entry for entry in report.values() if entry.missing]
