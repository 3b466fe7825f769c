"""Errors a user can cause; their message is one readable line, shown without a traceback."""

from __future__ import annotations


class FluenzrError(Exception):
    """Base of every error caused by the user's input or data (never a bug)."""


class DocumentError(FluenzrError):
    """A campaign document too malformed to load (the message names the field)."""


class IllegalTransition(FluenzrError):
    """A state change the campaign or enrollment state machine does not allow."""


class TemplateError(FluenzrError):
    """A template that does not compile or fails while rendering."""


class ActivationRefused(FluenzrError):
    """Activation of a campaign whose document has problems; `problems` lists them."""

    def __init__(self, message: str, problems: list) -> None:
        super().__init__(message)
        self.problems = problems


class NotFound(FluenzrError, LookupError):
    """A row named by the user (an id, an address) does not exist; the message names it."""


class NotEditable(FluenzrError):
    """An action the campaign's status forbids (editing a running campaign, enrolling into
    an archived one); the message says what to do first."""
