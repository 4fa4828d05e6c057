"""Gettext catalogs: scanning, loading with polib, plural forms, and the catalog as a pair of documents."""
