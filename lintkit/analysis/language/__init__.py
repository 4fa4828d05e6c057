"""Telling translated text from text left in the source language: locales, words, detection."""
