"""Renderers: each turns a result into output (a str, a dict, or a Rich renderable); none print."""
