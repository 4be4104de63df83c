"""Family language: text in another language than the document's, and each language's own typography."""
