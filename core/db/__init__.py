"""The case database: models, opening and upgrading, audit chain, backup and restore.

Import what you need from the submodules; this package imports nothing heavy on its own so
that ``ipdesk-cli calc`` never loads SQLAlchemy.
"""
