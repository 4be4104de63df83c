"""User rules as data: declarative YAML rules and rule packs."""
