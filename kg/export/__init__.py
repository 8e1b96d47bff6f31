"""Exports of a built graph: named-graph datasets (:mod:`kg.export.dataset`),
a Protégé-ready file (:mod:`kg.export.protege`), the ontology's HTML
documentation (:mod:`kg.export.docs`) and OWL reasoning (:mod:`kg.export.reason`).

Never imports the extractor or spaCy (a test checks it).
"""
