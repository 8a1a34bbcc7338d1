"""Writes about organisations, split by concern: participants and their enrolments, file
imports, one-time sign-in codes and login cards."""

from organisations.services.imports import commit_import, preview_import
from organisations.services.login_codes import issue_login_codes, use_login_code
from organisations.services.participants import (
    add_participant,
    enroll_participants,
    open_run,
    withdraw_participant,
)
from organisations.services.retention import clear_stale_import_rows

__all__ = ["add_participant", "clear_stale_import_rows", "commit_import",
           "enroll_participants", "issue_login_codes", "open_run", "preview_import",
           "use_login_code", "withdraw_participant"]
