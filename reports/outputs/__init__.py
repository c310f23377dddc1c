"""The outputs a person asks for: each composes a dataset, its tables and a renderer, and
owns the permission check and the audit row. `registry` lists them for the screen and
the command line."""
