"""Family B: a translation checked against its source (PO, XLIFF; i18n JSON and YAML catalogues paired with
their source-language catalogue, lint.formats.source_catalogue)."""
