"""The SQLite index: what it is built from, building it, and opening an up-to-date one.

It imports the base modules, `pages` and `catalogue`, never the library, the renderers or the
commands.
"""
