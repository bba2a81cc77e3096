"""Alembic migrations for the store, packaged so that ``Store`` can upgrade any database."""
