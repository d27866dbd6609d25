"""The HPO catalogue: reading the HPO files, writing its tables, the catalogue's disease pages,
who to see, and the ranking behind `match`.

It imports the base modules and `pages` (a curated page joins the catalogue disease it stands
for), never the index, the renderers or the commands.
"""
