"""Links and images: what the LK3xx rules share.

`destinations` normalizes and classifies destinations, `recover` finds links
that Markdown no longer parses, `html_tags` finds broken `<a>` and `<img>`
tags, `parity` compares the destinations of a source and its translation,
`urls` tells a URL damaged by translation from another URL, `anchors` lists
the fragments a document offers, and `targets` answers, for the engine,
whether a local file exists (the only part that reads files).
"""
