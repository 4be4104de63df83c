"""Family translation."""
