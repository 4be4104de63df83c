"""copylint's built-in rules, installed as ``lint.rules``: one module per rule, a folder per family."""
