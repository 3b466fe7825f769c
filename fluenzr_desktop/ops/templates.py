"""Campaign templates: ready-made sequences (French and English) a new campaign can start from.

Each template is one JSON file in `campaign_templates/` beside this module, holding both
languages: its name and description, the sending settings it suggests, and its steps
(emails with a subject and a body per language, delays between them). Creating a campaign
from one builds a real campaign document, Start → Email → Delay → … → End, with fresh node
ids, on the workspace's defaults for new campaigns; the sending window's zone is the
sending account's own zone when it has one, else the workspace's `campaign_timezone`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

from ..domain.errors import FluenzrError
from ..domain.subjects import subject_as_sent
from ..domain.templating import render_subject
from ..domain.workflow import new_node_id
from ..workspace import Workspace
from .accounts import list_accounts
from .campaigns import CampaignSaved, create_campaign, new_campaign_document

LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"
TEMPLATES_FOLDER = "campaign_templates"
# Vertical distance between two steps on the canvas (as the starter document places them).
STEP_HEIGHT = 120


@dataclass(frozen=True)
class TemplateInfo:
    """A template as the gallery lists it, in one language; `steps` counts its emails."""

    id: str
    name: str
    description: str
    steps: int


@dataclass(frozen=True)
class TemplateStep:
    """One step of a template's outline: an email (its subject as sent) or a delay."""

    kind: str  # "email" or "delay"
    subject: str = ""  # emails: the subject with every fallback applied ("Re: …" for replies)
    amount: int = 0  # delays
    unit: str = ""  # delays: "minutes", "hours" or "days"


def template_language(language: str | None) -> str:
    """ "en" or "fr" from a language or locale name ("fr_FR", "fr-CA"); English otherwise."""
    code = (language or "").replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def list_templates(language: str) -> list[TemplateInfo]:
    """Every template in the gallery's order, named and described in `language`."""
    chosen = template_language(language)
    return [
        TemplateInfo(
            template["id"],
            template["name"][chosen],
            template["description"][chosen],
            sum(1 for step in template["steps"] if step["type"] == "email"),
        )
        for template in _templates()
    ]


def template_outline(template_id: str, language: str) -> list[TemplateStep]:
    """A template's steps as a preview shows them: subjects as a contact without data gets them."""
    chosen = template_language(language)
    outline: list[TemplateStep] = []
    previous = ""
    for step in _template(template_id)["steps"]:
        if step["type"] == "email":
            # No contact data: every placeholder shows its fallback text.
            own = render_subject(step["subject"][chosen], {})
            outline.append(TemplateStep("email", subject=subject_as_sent(own, previous)))
            previous = own or previous
        else:
            outline.append(TemplateStep("delay", amount=step["amount"], unit=step["unit"]))
    return outline


def template_document(workspace: Workspace, template_id: str, language: str) -> dict[str, Any]:
    """A campaign document of the template in `language` on the workspace's defaults."""
    template = _template(template_id)
    chosen = template_language(language)
    document = new_campaign_document(workspace)
    start, end = document["nodes"]
    suggested = json.loads(json.dumps(template["settings"]))  # a copy the caller may change
    document["settings"].update(suggested)
    nodes: list[dict[str, Any]] = [start]
    for step in template["steps"]:
        node: dict[str, Any] = {"id": new_node_id(), "type": step["type"]}
        if step["type"] == "email":
            node["subject"] = step["subject"][chosen]
            node["body"] = step["body"][chosen]
        else:
            node["amount"], node["unit"] = step["amount"], step["unit"]
        nodes.append(node)
    nodes.append(end)
    for row, node in enumerate(nodes):
        node["position"] = [0, row * STEP_HEIGHT]
    document["nodes"] = nodes
    document["edges"] = [
        {"from": source["id"], "to": target["id"]} for source, target in pairwise(nodes)
    ]
    return document


def create_from_template(
    workspace: Workspace,
    template_id: str,
    name: str | None,
    account_id: int | None,
    language: str,
) -> CampaignSaved:
    """A new draft campaign holding the template in `language` (blank name: the template's).

    The account is chosen as `create_campaign` chooses it (the one given, else the
    workspace's only account); its time zone, when it has one, becomes the window's.
    """
    template = _template(template_id)
    chosen = template_language(language)
    document = template_document(workspace, template_id, chosen)
    accounts = list_accounts(workspace)
    sender = next((a for a in accounts if a["id"] == account_id), None)
    if account_id is None and len(accounts) == 1:
        sender = accounts[0]
    if sender is not None and sender.get("timezone"):
        document["settings"]["timezone"] = sender["timezone"]
    title = name if name is not None and name.strip() else template["name"][chosen]
    return create_campaign(workspace, title, document, account_id)


def _template(template_id: str) -> dict[str, Any]:
    """One template by id, or one line naming the known ones."""
    for template in _templates():
        if template["id"] == template_id:
            return template
    known = ", ".join(template["id"] for template in _templates())
    raise FluenzrError(f"unknown template {template_id!r} (known: {known})")


@lru_cache(maxsize=1)
def _templates() -> tuple[dict[str, Any], ...]:
    """Every template file shipped with the package, in the gallery's order (read once)."""
    folder = resources.files(__package__).joinpath(TEMPLATES_FOLDER)
    found = [
        json.loads(entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".json")
    ]
    return tuple(sorted(found, key=lambda template: (template["order"], template["id"])))
