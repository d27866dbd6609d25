"""The catalogue: one condition per disease (identity), the disease and family pages, who to see,
and writing the catalogue's tables (terms, phrases, annotations, families) into the index.

It imports the base modules, `sources` (the files it is built from) and `pages` (a curated
page joins the catalogue disease it stands for), never matching, the index, the renderers or
the commands.
"""
