"""condlookup: an offline command-line reference for medical conditions."""

__version__ = "0.1.0"
