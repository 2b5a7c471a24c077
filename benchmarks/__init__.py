"""Benchmarks of normalize against plain spell checkers (see benchmarks/README.md).

Run the scripts from the repository root: ``python benchmarks/accuracy.py``.
"""
