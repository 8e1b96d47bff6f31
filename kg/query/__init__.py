"""The query side of a built graph: SPARQL and the competency questions
(:mod:`kg.query.sparql`), provenance records (:mod:`kg.query.provenance`),
``kg explain``, ``kg conflicts``, ``kg stats`` and ``kg evaluate``.

Reads graphs and stores only: never imports the extractor or spaCy (a test checks it).
"""
