"""Matching: what the symptoms given to `match` stand for, scoring conditions against them,
and ranking published cases (GA4GH phenopackets).

It reads the index's tables through a connection it is handed, and imports the base modules,
`sources`, `pages` and `catalogue`, never the index, the library, the renderers or the commands.
"""
