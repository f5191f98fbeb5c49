"""The pages of the contracts app, one module per kind of record."""
