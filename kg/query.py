"""Run SPARQL SELECT queries (competency questions or user files) over a kg graph.

A query name is a file in ``queries/`` without ``.rq`` (``cq01-policies``) or
an id prefix (``cq01``); anything else is a path to a ``.rq`` file. The graph
is loaded together with the ontology so that ``rdfs:subClassOf*`` paths work
(SPARQL 1.1 property paths, https://www.w3.org/TR/sparql11-query/#propertypaths).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from .errors import InputError
from .resources import ontology_file, queries_dir


def resolve_query(name_or_file: str) -> Path:
    """Path of a query given by name, id prefix or file.

    Raises:
        InputError: E040 when no such query exists.
    """
    path = Path(name_or_file)
    if path.suffix == ".rq" and path.exists():
        return path
    qdir = queries_dir()
    exact = qdir / f"{name_or_file}.rq"
    if exact.exists():
        return exact
    matches = sorted(qdir.glob(f"{name_or_file}*.rq"))
    if len(matches) == 1:
        return matches[0]
    names = ", ".join(p.stem for p in sorted(qdir.glob("*.rq")))
    raise InputError("E040", f"no query named {name_or_file!r}; give a .rq file or one of: {names}.")


def load_graph(path: Path, with_ontology: bool = True) -> Graph:
    """Parse a graph file (format from the extension), plus the ontology.

    Raises:
        InputError: E041 when the file is missing or is not valid RDF.
    """
    from rdflib.util import guess_format

    if not path.is_file():
        raise InputError("E041", f"{path}: no such graph file; build one with `kg build CORPUS -o OUTDIR`.")
    g = Graph()
    try:
        g.parse(path, format=guess_format(str(path)) or "turtle")
    except Exception as exc:  # rdflib raises many parser-specific types
        raise InputError("E041", f"{path}: not valid RDF ({exc}).") from exc
    if with_ontology:
        g.parse(ontology_file(), format="turtle")
    return g


def run(graph: Graph, query_path: Path) -> tuple[list[str], list[list[str]]]:
    """Run a SELECT query.

    Returns:
        (column names, rows of strings); IRIs are shown by their ``rdfs:label``
        when they have one.

    Raises:
        InputError: E042 when the query does not parse or is not a SELECT.
    """
    text = query_path.read_text(encoding="utf-8")
    try:
        result = graph.query(text)
    except Exception as exc:
        raise InputError("E042", f"{query_path}: query failed ({exc}).") from exc
    if result.type != "SELECT":
        raise InputError("E042", f"{query_path}: only SELECT queries are supported.")
    cols = [str(v) for v in result.vars]
    rows = []
    for row in result:
        out = []
        for term in row:
            if isinstance(term, URIRef):
                label = graph.value(term, RDFS.label)
                out.append(str(label) if label is not None else str(term))
            elif isinstance(term, Literal):
                out.append(str(term))
            else:
                out.append("" if term is None else str(term))
        rows.append(out)
    return cols, rows


def render(cols: list[str], rows: list[list[str]], fmt: str) -> str:
    """Render rows as ``csv``, ``json`` (a list of objects) or ``table`` text."""
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(cols)
        w.writerows(rows)
        return buf.getvalue()
    if fmt == "json":
        return json.dumps([dict(zip(cols, r)) for r in rows], indent=2, ensure_ascii=False) + "\n"
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)) for r in rows]
    return "\n".join(lines) + "\n"
