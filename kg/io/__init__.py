"""Input and output: the corpus and its metadata, saved web pages, fetching,
the output folder and atomic writes, the parse and build cache, the cluster.

The lowest layer: it imports nothing of kg but :mod:`kg.errors` and
:mod:`kg.resources`, and never spaCy at import.
"""
