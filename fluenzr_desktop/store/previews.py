"""Emails of a campaign rendered for one contact, as the engine would send them.

The preview and the engine share every rule: the subject of a follow-up
(`domain.subjects`), the texts of an A/B variant (`domain.variants.effective_email`), and
which variant a contact gets — the one stored at its send, else the winner in force (a
pick by hand, or an automatic winner while it is on), else its share of the split by
weight. (With Thompson allocation, a contact not yet sent is shown its weight split's
variant: the engine's choice then depends on the figures at the moment it sends.)
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import FluenzrError
from ..domain.subjects import possible_subjects
from ..domain.templating import missing_variables, render_body, render_subject
from ..domain.variants import (
    assign_variant,
    effective_email,
    variant_subject_sources,
    variants_of,
)
from ..domain.workflow import Workflow
from .ab_winners import current_winners, winner_in_force
from .campaigns import account_signature, workflow_of
from .contacts import template_variables
from .models import Campaign, Contact, Enrollment


def preview_contacts(
    session: Session, campaign: Campaign, limit: int = 20
) -> list[tuple[str, dict[str, str]]]:
    """(email, template variables) of a few contacts to preview emails for.

    The campaign's own contacts first; the workspace's when none is enrolled yet.
    """
    enrolled = select(Enrollment.contact_id).where(Enrollment.campaign_id == campaign.id)
    contacts = list(
        session.scalars(
            select(Contact).where(Contact.id.in_(enrolled)).order_by(Contact.id).limit(limit)
        )
    )
    if not contacts:
        contacts = list(session.scalars(select(Contact).order_by(Contact.id).limit(limit)))
    signature = account_signature(session, campaign)
    return [(contact.email, template_variables(contact, signature)) for contact in contacts]


def preview(
    session: Session, campaign: Campaign, contact: Contact, variant: str | None = None
) -> list[dict[str, Any]]:
    """Every email node rendered for one contact, with the variables it lacks.

    An empty subject shows what the engine sends (`domain.subjects`); where paths merge
    and the earlier subject depends on the path, `subjects` lists each possibility. An
    email with A/B variants shows `variant` where it has it, else the one the contact
    gets (`previewed_variants`); each entry names the variant it shows (None: no variants).
    """
    workflow = workflow_of(campaign)
    chosen = previewed_variants(session, campaign, contact, workflow, variant)
    variables = template_variables(contact, account_signature(session, campaign))
    own_subjects: dict[str, str] = {}
    results: list[dict[str, Any]] = []
    for node in workflow.email_nodes():
        subject_source, body_source = effective_email(node, chosen.get(node.id))
        entry: dict[str, Any] = {"node": node.id, "variant": chosen.get(node.id)}
        try:
            own_subjects[node.id] = render_subject(subject_source, variables)
            entry["body"] = render_body(body_source, variables)
        except FluenzrError as error:
            entry["error"] = str(error)
        entry["missing"] = missing_variables([subject_source, body_source], variables)
        results.append(entry)
    # A thread keeps the subject of the variant that started it: the chosen ones, rendered.
    sources = variant_subject_sources(workflow, chosen)
    rendered = {node_id: [own_subjects.get(node_id, "")] for node_id in sources}
    for entry in results:
        subjects = possible_subjects(workflow, entry["node"], own_subjects, rendered)
        entry["subject"] = subjects[0] if subjects else ""
        if len(subjects) > 1:
            entry["subjects"] = subjects
    keys = ("node", "variant", "subject", "subjects", "body", "missing", "error")
    return [{key: entry[key] for key in keys if key in entry} for entry in results]


def previewed_variants(
    session: Session, campaign: Campaign, contact: Contact, workflow: Workflow, wanted: str | None
) -> dict[str, str]:
    """Email node id → the variant a preview shows, for every node with (usable) variants.

    `wanted` where the node has it; else the contact's own: the one stored at its send, the
    winner in force, the one `assign_variant` gives it when enrolled, the first when not. A `wanted` no node has
    is a FluenzrError naming it and the variants there are.
    """
    varied = {node.id: variants_of(node) for node in workflow.email_nodes() if variants_of(node)}
    known = list(dict.fromkeys(v.id for variants in varied.values() for v in variants))
    if wanted is not None and wanted not in known:
        there = f"variants: {', '.join(known)}" if known else "it has no variants"
        raise FluenzrError(f"no email of this campaign has variant {wanted!r} ({there})")
    enrollment = session.scalar(
        select(Enrollment).where(
            Enrollment.campaign_id == campaign.id, Enrollment.contact_id == contact.id
        )
    )
    stored = enrollment.variants if enrollment is not None else None
    stored = stored if isinstance(stored, dict) else {}
    winners = current_winners(session.connection(), campaign.id)
    nodes = {node.id: node for node in workflow.email_nodes()}
    chosen: dict[str, str] = {}
    for node_id, variants in varied.items():
        ids = [v.id for v in variants]
        in_force = winner_in_force(winners.get(node_id), nodes[node_id])
        if wanted in ids or stored.get(node_id) in ids:
            chosen[node_id] = wanted if wanted in ids else stored[node_id]
        elif in_force is not None:
            chosen[node_id] = in_force
        elif enrollment is not None:
            chosen[node_id] = assign_variant(enrollment.id, node_id, variants)
        else:
            chosen[node_id] = ids[0]
    return chosen
