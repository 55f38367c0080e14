"""Derived facts shared by the checks and the views: who is where, and when.

Nothing here prints or reads files; every function takes the plan and returns values.
"""
