"""Curated and user pages: the model, reading and checking YAML, page folders, the JSON Schema,
skeletons for new pages and the files export writes.

It imports only the base modules (errors, text, paths, records), never the sources, the
catalogue, matching, the index, the renderers or the commands.
"""
