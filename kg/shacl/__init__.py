"""SHACL validation with pySHACL (:mod:`kg.shacl.validate`): whole graphs, part
by part, incrementally after a rebuild, in forked or Dask workers."""
