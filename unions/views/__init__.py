"""The pages of the unions app, one module per concept."""
