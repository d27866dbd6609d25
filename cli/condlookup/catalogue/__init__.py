"""The catalogue: one condition per disease (identity) and the names that mean it (names), the
disease and family pages, who to see, the tables of the whole index (tables), building its
catalogue half from the outside data alone (build, terms, propagation), and joining the pages to
it (overlay, families).

It imports the base modules, `sources` (the files it is built from) and `pages` (a page takes
over the catalogue disease it stands for), never matching, the index, the renderers or the
commands.
"""
