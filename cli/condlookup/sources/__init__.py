"""What is read from outside the project: the HPO release (hp.obo, phenotype.hpoa), the Mondo
digest and the script that writes it, the codes of outside catalogues, and downloading newer
releases for `condlookup update`.

Each source is one module that turns its files into plain records. It imports only the base
modules (errors, text, paths, records), never pages, the catalogue, matching, the index, the
renderers or the commands.
"""
