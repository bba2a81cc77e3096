"""Migration scripts, applied in order by ``storyline.store.migrate.upgrade``."""
