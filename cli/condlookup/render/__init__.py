"""Renderers: each turns a result into output (a str, a dict, or a Rich renderable); none print.

They import the domain (sources, pages, catalogue, matching, library, search) for its types and
words, never the index, the output or the commands.
"""
