"""The screen of one campaign, one file per part (header, tabs, dialogs, table model)."""

from .view import CampaignView

__all__ = ["CampaignView"]
