"""The SQLite index: what it is built from, building it, and opening an up-to-date one.

It imports the base modules, `sources`, `pages`, `catalogue` and `matching`, never the library,
the renderers or the commands.
"""
