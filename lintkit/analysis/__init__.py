"""Shared analyses of the rule families, computed once per pair: placeholders, links, language, terms, content."""
