"""Alembic environment of the provincial server; run through pos.province.database.upgrade()."""

from __future__ import annotations

from alembic import context

from pos.province.schema import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through pos.province.database.upgrade(engine)")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
