"""The rules of DOMAIN.md as pure functions, report datasets and renderers."""
