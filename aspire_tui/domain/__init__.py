"""Plain career rules and records: no Textual, no TinyDB."""
