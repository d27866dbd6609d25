"""The command line: the Typer app, its options and its commands.

The top of the house: it may import every other part, and nothing imports it but `__main__`.
"""
