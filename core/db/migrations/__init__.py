"""Alembic's migration scripts (``versions/``) and the revision they lead to.

``HEAD_REVISION`` lets a database already at the newest schema open without importing
Alembic and parsing every script (a fifth of a second behind the login window on the
clerk's PC); tests/core/db/test_migrations.py checks that it is Alembic's own head.
"""

HEAD_REVISION = "0015"
