"""The records tests use the database fixtures of tests/core/db/conftest.py."""

from tests.core.db.conftest import cheap_passwords, clock, db, db_path, people, template_db

__all__ = ["cheap_passwords", "clock", "db", "db_path", "people", "template_db"]
