"""Family B: a translation checked against its source (PO, XLIFF)."""
