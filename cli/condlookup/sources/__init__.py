"""What is read from outside the project: the HPO release (hp.obo, phenotype.hpoa), the Mondo
and Orphanet digests and the scripts that write them, the codes of outside catalogues, and
downloading newer releases for `condlookup update`.

Each source is one module that turns its files into plain records (Orphanet has two: its digest,
and the packets it is written from). It imports only the base modules (errors, text, paths,
records), never pages, the catalogue, matching, the index, the renderers or the commands.
"""
