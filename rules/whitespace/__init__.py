"""Family whitespace."""
