"""Rule packs: declarative rules as YAML data (forbidden, pattern-parity, glossary, do-not-translate) and their loader."""
