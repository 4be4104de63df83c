"""User rules as data: declarative YAML rules and rule packs (the README's custom rules section).

- ``config``: the ``custom-rules:`` and ``packs:`` keys of .copylint.yaml (called by lint.config);
  registers the rules so selection, ``rules`` and ``explain`` treat them like built-in ones.
- ``packs``: pack files by path, built-in name (rules/packs/) or entry point (``copylint.packs``).
- ``build``: one YAML rule -> one Rule class, checked against its own examples (``examples``).
- ``kinds``: existence, substitution, capitalization, occurrence, consistency, repetition,
  conditional, metric: what each reads and how it checks.
- ``spec``: reading a rule's fields with errors naming the file, the rule and the line.
- ``matcher``: word lists as one trie regex (``re``), user patterns with a timeout (``regex``).
- ``text``: sentences, words, syllables and readability formulas.
- ``cli``: ``copylint test-rules``.
"""
