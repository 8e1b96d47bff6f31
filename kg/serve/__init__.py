"""Serving a built graph: the SPARQL endpoint (:mod:`kg.serve.endpoint`) and
the interactive HTML view (:mod:`kg.serve.view`)."""
