"""The spaCy side: the pipeline (:mod:`kg.nlp.model`), the knowledge base
(:mod:`kg.nlp.kb`), the typed word lists (:mod:`kg.nlp.lexicon`), and entity
mentions and their resolution (:mod:`kg.nlp.entities`).

Imports :mod:`kg.io` only. :mod:`kg.nlp.entities` imports spaCy at import;
the other modules load it when first called.
"""
