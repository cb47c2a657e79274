"""Case records and workflow: users, applicants, applications, the state machine, notices and
payouts, the case list and the demo. See docs/records.md.

Import the submodules you need (``from core.records import cases, workflow``); this package
imports nothing itself, so that importing it stays cheap.
"""
