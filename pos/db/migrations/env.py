"""Alembic environment: always run programmatically by pos.db.migrate with a live connection."""

from alembic import context

from pos.db.models import Base, is_managed

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table instead
    compare_type=True,
    include_object=is_managed,
)
with context.begin_transaction():
    context.run_migrations()
