"""Rule packs: declarative rules as YAML data (forbidden, pattern-parity, glossary, do-not-translate).

The loader validates packs with line numbers and builds Rule objects of each kind.
"""
