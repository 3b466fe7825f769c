"""The one rule for the subject an email goes out with; the engine, preview and inspector call it.

An email node after the first may leave its subject empty: it is then a reply in the
thread, sent as `Re: <subject of the nearest earlier email on the contact's path that
has one>`, never "Re: Re:" (lemlist's convention). Threading headers do not depend on it.
With A/B variants, a thread keeps the subject of the variant that started it: the engine
passes the subject the contact's last email went out with (`subject_as_sent`), and the
preview passes each variant's subject (`variant_subjects` below).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence

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
    workflow: Workflow,
    node_id: str,
    own_subjects: Mapping[str, str],
    variant_subjects: Mapping[str, Sequence[str]] | None = None,
) -> list[str]:
    """For each way of reaching `node_id`: the own subject of the nearest earlier email with one.

    `own_subjects` maps email node ids to their own subject (a template or its rendering
    for one contact; empty when left blank). `variant_subjects` maps the nodes with A/B
    variants to the subject of each variant (inherited ones resolved,
    `domain.variants.variant_subject_sources`); it replaces their entry of `own_subjects`,
    and a variant without a subject lets the search go further back, as a blank node does.
    The result is distinct and in the order found (the first predecessor in document order
    first); "" stands for the paths on which no earlier email has a subject.
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
            choices = _subject_choices(current, own_subjects, variant_subjects)
            for subject in choices:
                if subject:
                    found.setdefault(subject, None)
            if all(choices):
                continue  # the nearest one on this path: look no further back
        if types[current] == "start":
            found.setdefault("", None)
            continue
        queue.extend(incoming.get(current, ()))
    return list(found)


def possible_subjects(
    workflow: Workflow,
    node_id: str,
    own_subjects: Mapping[str, str],
    variant_subjects: Mapping[str, Sequence[str]] | None = None,
) -> list[str]:
    """Every subject this email node can go out with, one per distinct earlier subject.

    One entry when the node has its own subject or every path agrees; none when no path
    gives it a subject (validation refuses that on a first email). With `variant_subjects`
    (see `previous_subjects`), each variant of this node and of the earlier ones counts;
    to show one variant of this node, map it to that variant's subject alone. Without it,
    or for a workflow without variants, the answer is the same as before variants existed.
    """
    choices = _subject_choices(node_id, own_subjects, variant_subjects)
    answers: list[str] = []
    for own in choices:
        if own:
            answers.append(own)
            continue
        previous = previous_subjects(workflow, node_id, own_subjects, variant_subjects)
        answers += [subject_as_sent("", subject) for subject in previous if subject]
    # Several variants may share a subject (or reply to the same one): each shown once.
    return answers if len(choices) == 1 else list(dict.fromkeys(answers))


def _subject_choices(
    node_id: str,
    own_subjects: Mapping[str, str],
    variant_subjects: Mapping[str, Sequence[str]] | None,
) -> list[str]:
    """The own subjects an email node may go out with, cleaned: one per variant, or its own."""
    choices = (variant_subjects or {}).get(node_id)
    if not choices:
        choices = [own_subjects.get(node_id, "")]
    return [clean_subject(subject) for subject in choices]
