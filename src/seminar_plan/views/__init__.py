"""Renderers: model and findings -> text. Pure functions; only terminal.py imports rich."""
