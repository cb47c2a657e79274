"""Refusals of the records layer. ``str()`` is a Chinese sentence saying what to do instead."""

from __future__ import annotations

import datetime as dt


class RecordsError(Exception):
    """Base class: an operation was refused and nothing was changed."""


class NotFound(RecordsError):
    pass


class InvalidInput(RecordsError):
    """Bad data from a form; ``where`` names the field (e.g. ``claims[0].patent``)."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}：{problem}" if where else problem)
        self.where = where
        self.problem = problem


class PermissionDenied(RecordsError):
    """The user's roles do not allow this action."""


class FourEyesViolation(PermissionDenied):
    """The person who registered or reviewed a case tried to approve it."""


class IllegalTransition(RecordsError):
    """The action is not possible from the case's current status."""


class StaleEdit(RecordsError):
    """Someone else changed the record since it was loaded."""

    def __init__(self, message: str, changed_by: str = "", changed_at: dt.datetime | None = None):
        super().__init__(message)
        self.changed_by = changed_by
        self.changed_at = changed_at


class LoginFailed(RecordsError):
    """Wrong user name or password (deliberately does not say which)."""

    def __init__(self, message: str, attempts_left: int | None = None) -> None:
        super().__init__(message)
        self.attempts_left = attempts_left


class AccountLocked(LoginFailed):
    """Too many failed logins; ``remaining`` is how long until the next try is allowed."""

    def __init__(self, message: str, remaining: dt.timedelta, until: dt.datetime) -> None:
        super().__init__(message, 0)
        self.remaining = remaining
        self.until = until


class AccountInactive(LoginFailed):
    pass


class ConfirmationRequired(RecordsError):
    """The step is allowed but has a consequence the user must confirm first; the message
    says what (the desk asks, and calls again with the confirmation)."""
