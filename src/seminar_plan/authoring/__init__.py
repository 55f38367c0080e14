"""Authoring a plan: the starter plan (``init``), people from a registration spreadsheet
(``import people``), and what changed between two versions (``diff``)."""
