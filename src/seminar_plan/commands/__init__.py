"""The command line's commands beyond the core ones in ``cli.py``, one module per group."""
