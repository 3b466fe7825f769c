"""Fixtures of the mail tests: the real SMTP servers of tests/fixtures/smtp_server.py."""

from tests.fixtures.smtp_server import *  # noqa: F403
