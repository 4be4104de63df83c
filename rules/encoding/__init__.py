"""Family encoding."""
