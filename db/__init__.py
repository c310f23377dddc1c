"""Storage: models, engine and sessions, migrations, queries by noun, backup."""
