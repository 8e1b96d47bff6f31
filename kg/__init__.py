"""kg: read news about the AI industry into an OWL-shaped RDF knowledge graph.

The package reads plain-text articles with spaCy, finds entity mentions and the
facts that tie them (usage policies, allegations, data collection, product
development, organization locations, non-responses), and writes an RDF graph
(ABox) under the kg ontology (TBox, ``ontology/kg.ttl``), validated with SHACL
(``ontology/shapes.ttl``).
"""

__version__ = "0.1.0"

#: Version of the extraction logic; part of every cache key and of the graph header.
EXTRACTOR_VERSION = "0.2.0"
