"""Alembic environment: run only from :mod:`core.db.migrate` with a connection it provides."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from core.db.models import Base

config = context.config
connection = config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("迁移只能通过 core.db.migrate 运行（需要提供数据库连接）")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things; batch mode copies the table instead.
    render_as_batch=True,
    compare_type=True,
)

with context.begin_transaction():
    context.run_migrations()
