"""Family punctuation."""
