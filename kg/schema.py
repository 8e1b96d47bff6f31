"""The schema of fact kinds, read from ``kg/data/fact_kinds.json``.

One entry per kind of n-ary fact kg extracts: the key roles (observations that
agree on them merge into one fact), the entity-valued and literal attributes,
the ``kgo`` property each of them is written as, the ontology class, and the
literal attributes that belong to the key as well. The extractor's merge
(:func:`kg.extract.extraction.merge`), the graph writer (:mod:`kg.rdf.abox`) and the dataset
export (:mod:`kg.export.dataset`) all read it; the data file is the one place the
kinds are spelled out.

>>> kinds = fact_kinds()
>>> kinds["policy"].key
('issuer', 'product')
>>> kinds["policy"].classes
('UsagePolicy', 'Ban', 'Restriction')
>>> kinds["policy"].class_for({"type": ["ban"]}), kinds["policy"].class_for({})
('Ban', 'Restriction')
>>> kinds["nonresponse"].key_attributes
('matter',)
>>> kinds["allegation"].properties["addressed_to"]
'addressedTo'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

from .errors import Errors, ResourceError
from .resources import data_file, read_json

#: Name of the schema file in ``kg/data``.
SCHEMA_FILE = "fact_kinds.json"
#: Value forms of literal attributes: ``text`` is a plain literal; ``date`` an
#: ``xsd:date`` (``YYYY-MM-DD``) or ``xsd:gMonthDay`` (``--MM-DD``).
VALUE_FORMS = ("text", "date")


@dataclass(frozen=True)
class LiteralAttribute:
    """A literal-valued attribute of a fact kind.

    Attributes:
        name: the attribute name in observations (``"scope"``).
        prop: local name of the ``kgo`` property it is written as (``"scope"``).
        value: the value form, one of :data:`VALUE_FORMS`.
    """

    name: str
    prop: str
    value: str


@dataclass(frozen=True)
class ClassChoice:
    """A class picked by the values of a literal attribute.

    Attributes:
        attribute: the attribute consulted (``"type"``); it is not written as a property.
        when: (value, class local name) pairs, tried in order.
        otherwise: the class when no value of ``when`` is present.
    """

    attribute: str
    when: tuple[tuple[str, str], ...]
    otherwise: str


@dataclass(frozen=True)
class FactKind:
    """One kind of n-ary fact.

    Attributes:
        name: the kind (``"policy"``).
        description: one sentence saying what a fact of the kind states.
        cls: local name of the ``kgo`` class of the kind (``"UsagePolicy"``).
        key: the key roles in order (they order the parts of the fact IRI).
        entity_attributes: the entity-valued attributes (lists of entities).
        literal_attributes: literal attribute name -> :class:`LiteralAttribute`.
        key_attributes: literal attributes that are part of the merge key too
            (their first value), e.g. the ``matter`` of a non-response.
        class_by: how to pick a subclass of ``cls`` from an attribute, or None
            when every fact of the kind is written as ``cls``.
        properties: role or entity attribute -> local name of its ``kgo``
            object property.
    """

    name: str
    description: str
    cls: str
    key: tuple[str, ...]
    entity_attributes: tuple[str, ...]
    literal_attributes: Mapping[str, LiteralAttribute]
    key_attributes: tuple[str, ...]
    class_by: ClassChoice | None
    properties: Mapping[str, str]

    @property
    def classes(self) -> tuple[str, ...]:
        """Every class local name a fact of this kind may carry or be recognised by (``cls`` first)."""
        out = [self.cls]
        if self.class_by is not None:
            out += [c for _, c in self.class_by.when] + [self.class_by.otherwise]
        return tuple(dict.fromkeys(out))

    @property
    def attributes(self) -> frozenset[str]:
        """Every attribute name an observation of this kind may carry (besides the key roles)."""
        names = set(self.entity_attributes) | set(self.literal_attributes)
        if self.class_by is not None:
            names.add(self.class_by.attribute)
        return frozenset(names)

    def class_for(self, attrs: Mapping[str, list]) -> str:
        """The class local name a fact with these literal attributes is written as."""
        if self.class_by is None:
            return self.cls
        values = attrs.get(self.class_by.attribute, [])
        for value, cls in self.class_by.when:
            if value in values:
                return cls
        return self.class_by.otherwise


def _fail(path: Path, where: str, what: str) -> ResourceError:
    return ResourceError(Errors.E013, path=path, where=where, what=what)


def _names(path: Path, where: str, value: object, field: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(k, str) and k and isinstance(v, str) and v
                                              for k, v in value.items()):
        raise _fail(path, where, f"'{field}' must be an object of name -> kgo local name")
    return value


def _kind(path: Path, name: str, entry: object) -> FactKind:
    where = f"kind {name!r}"
    if not isinstance(entry, dict):
        raise _fail(path, where, "must be an object")
    allowed = {"description", "class", "class_by", "key", "entity_attributes", "literal_attributes",
               "key_attributes"}
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise _fail(path, where, f"unknown field(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")
    cls = entry.get("class")
    if not isinstance(cls, str) or not cls:
        raise _fail(path, where, "'class' must be a kgo class local name")
    key = _names(path, where, entry.get("key"), "key")
    if not key:
        raise _fail(path, where, "'key' must name at least one role")
    ents = _names(path, where, entry.get("entity_attributes", {}), "entity_attributes")
    lits_raw = entry.get("literal_attributes", {})
    if not isinstance(lits_raw, dict):
        raise _fail(path, where, "'literal_attributes' must be an object of name -> {property, value}")
    lits: dict[str, LiteralAttribute] = {}
    for attr, spec in lits_raw.items():
        if not (isinstance(spec, dict) and set(spec) == {"property", "value"} and isinstance(spec["property"], str)
                and spec["property"] and spec["value"] in VALUE_FORMS):
            raise _fail(path, f"{where}, literal attribute {attr!r}",
                        f"must be {{\"property\": <kgo local name>, \"value\": one of {', '.join(VALUE_FORMS)}}}")
        lits[attr] = LiteralAttribute(attr, spec["property"], spec["value"])
    key_attrs = entry.get("key_attributes", [])
    if not isinstance(key_attrs, list) or any(a not in lits for a in key_attrs):
        raise _fail(path, where, "'key_attributes' must be a list of the kind's literal attributes")
    choice = None
    if "class_by" in entry:
        raw = entry["class_by"]
        if not (isinstance(raw, dict) and set(raw) == {"attribute", "when", "otherwise"}
                and isinstance(raw["attribute"], str) and raw["attribute"]
                and isinstance(raw["otherwise"], str) and raw["otherwise"]):
            raise _fail(path, where, "'class_by' must be {\"attribute\": ..., \"when\": {value: class}, "
                                     "\"otherwise\": class}")
        when = _names(path, where, raw["when"], "class_by.when")
        choice = ClassChoice(raw["attribute"], tuple(when.items()), raw["otherwise"])
    names = list(key) + list(ents) + list(lits) + ([choice.attribute] if choice else [])
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise _fail(path, where, f"{', '.join(twice)} named more than once among roles and attributes")
    description = entry.get("description", "")
    if not isinstance(description, str):
        raise _fail(path, where, "'description' must be a string")
    return FactKind(name=name, description=description, cls=cls, key=tuple(key), entity_attributes=tuple(ents),
                    literal_attributes=MappingProxyType(lits), key_attributes=tuple(key_attrs), class_by=choice,
                    properties=MappingProxyType({**key, **ents}))


def load_fact_kinds(path: Path) -> dict[str, FactKind]:
    """Read and check a fact-kind schema file.

    Args:
        path: a JSON file shaped like ``kg/data/fact_kinds.json``.

    Returns:
        Kind name -> :class:`FactKind`, in file order.

    Raises:
        ResourceError: E011 when the file is missing, E012 when it is not
            valid JSON, E013 when its content is malformed (the message names
            the file, the kind and the field).

    >>> sorted(load_fact_kinds(Path(__file__).parent / "data" / SCHEMA_FILE))[:2]
    ['allegation', 'collection']
    """
    data = read_json(path)
    if not isinstance(data, dict) or not isinstance(data.get("kinds"), dict) or not data["kinds"]:
        raise _fail(path, "top level", "must be an object with a non-empty \"kinds\" object")
    return {name: _kind(path, name, entry) for name, entry in data["kinds"].items()}


@cache
def _cached() -> MappingProxyType:
    return MappingProxyType(load_fact_kinds(data_file(SCHEMA_FILE)))


def fact_kinds() -> dict[str, FactKind]:
    """The fact kinds kg extracts and writes, from ``kg/data/fact_kinds.json`` (read once).

    Returns:
        Kind name -> :class:`FactKind`, in file order (a fresh dict; the
        :class:`FactKind` values are immutable).

    Raises:
        ResourceError: when the file is missing or malformed (see :func:`load_fact_kinds`).

    >>> [k for k in fact_kinds()]
    ['policy', 'allegation', 'collection', 'development', 'location', 'nonresponse']
    """
    return dict(_cached())
