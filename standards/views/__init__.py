"""The pages of the standards app, one module per kind of record."""
