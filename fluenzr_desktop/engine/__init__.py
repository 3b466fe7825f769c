"""The background service that runs active campaigns (no Qt)."""
