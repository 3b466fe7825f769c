"""The one rule for the subject an email goes out with; the engine, preview and inspector call it.

An email node after the first may leave its subject empty: it is then a reply in the
thread, sent as `Re: <subject of the nearest earlier email on the contact's path that
has one>`, never "Re: Re:" (lemlist's convention). Threading headers do not depend on it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping

from .workflow import Workflow

# Not translated: this is what the contact receives, whatever the app's language.
_REPLY_PREFIX = "Re: "


def clean_subject(text: str) -> str:
    """A subject as sent: runs of whitespace (newlines included) collapsed to one space."""
    return " ".join(text.split())


def reply_subject(subject: str) -> str:
    """`Re: <subject>`; a subject that already starts with "Re:" is kept as it is."""
    subject = clean_subject(subject)
    return subject if subject.lower().startswith("re:") else f"{_REPLY_PREFIX}{subject}"


def subject_as_sent(own: str, previous: str | None) -> str:
    """The subject of an email: its own, else a reply to `previous`; "" when it has neither.

    `previous` is the subject of the nearest earlier email on the contact's path that has
    one, or equally the subject the contact's last email went out with (that one is
    itself either its own subject or a reply to the same nearest subject).
    """
    own = clean_subject(own)
    if own:
        return own
    previous = clean_subject(previous or "")
    return reply_subject(previous) if previous else ""


def previous_subjects(
    workflow: Workflow, node_id: str, own_subjects: Mapping[str, str]
) -> list[str]:
    """For each way of reaching `node_id`: the own subject of the nearest earlier email with one.

    `own_subjects` maps email node ids to their own subject (a template or its rendering
    for one contact; empty when left blank). The result is distinct and in the order
    found (the first predecessor in document order first); "" stands for the paths on
    which no earlier email has a subject.
    """
    incoming: dict[str, list[str]] = {}
    for edge in workflow.edges:
        incoming.setdefault(edge.target, []).append(edge.source)
    types = {node.id: node.type for node in workflow.nodes}
    found: dict[str, None] = {}
    seen = {node_id}
    queue = deque(incoming.get(node_id, ()))
    while queue:
        current = queue.popleft()
        if current in seen or current not in types:
            continue
        seen.add(current)
        if types[current] == "email":
            subject = clean_subject(own_subjects.get(current, ""))
            if subject:
                found.setdefault(subject, None)
                continue  # the nearest one on this path: look no further back
        if types[current] == "start":
            found.setdefault("", None)
            continue
        queue.extend(incoming.get(current, ()))
    return list(found)


def possible_subjects(
    workflow: Workflow, node_id: str, own_subjects: Mapping[str, str]
) -> list[str]:
    """Every subject this email node can go out with, one per distinct earlier subject.

    One entry when the node has its own subject or every path agrees; none when no path
    gives it a subject (validation refuses that on a first email).
    """
    own = clean_subject(own_subjects.get(node_id, ""))
    if own:
        return [own]
    previous = previous_subjects(workflow, node_id, own_subjects)
    return [subject_as_sent("", subject) for subject in previous if subject]
