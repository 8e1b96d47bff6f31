"""Score a built graph against gold answers to the competency questions.

Gold files are CSV, one per question (``cq01.csv`` ...): the question's
columns, then ``required`` (``y``/``n``); a cell may list alternatives
separated by ``|``. The rules are those of the competency-question contract:

- values are normalized (NFKC, case folded, straight quotes, no leading
  "the", no trailing "'s", every run of non-alphanumerics one space);
- key columns decide whether a returned row answers a gold row; entity and
  date columns match by equality with one alternative, descriptive columns
  when every word of one alternative begins some word of the value;
- precision = returned rows (unique by key) matching some gold row / returned
  rows; recall = required gold rows matched / required gold rows; micro
  averages over questions. Attribute accuracy is checked on matched rows.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from ..errors import Errors, InputError
from .sparql import run

#: Columns that match by word prefixes instead of equality.
DESCRIPTIVE = frozenset({"scope", "signal", "purpose", "reason", "matter", "allegation", "policy_type", "relation"})
#: Key columns per question (bold in the contract).
KEYS = {
    "cq01": ["issuer", "product"], "cq02": ["issuer", "restricted_product", "alternative"],
    "cq03": ["developer", "product"], "cq04": ["accuser", "accused", "allegation"],
    "cq05": ["product", "signal"], "cq06": ["product", "purpose"], "cq07": ["issuer", "product", "reason"],
    "cq08": ["entity", "kind"], "cq09": ["organization", "country"], "cq10": ["party", "matter"],
    "cq11": ["relation", "subject", "object", "article"],
}


def norm(value: str) -> str:
    """Normalize a value for comparison (see the module docstring)."""
    text = unicodedata.normalize("NFKC", value or "").casefold().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"^\s*the\s+", "", text)
    text = re.sub(r"'s\b", "", text)
    return " ".join(re.sub(r"[^\w]+|_", " ", text).split())


def cell_matches(column: str, gold: str, value: str) -> bool:
    """True when ``value`` matches one ``|``-separated alternative of a gold cell."""
    got = norm(value)
    words = got.split()
    for alt in gold.split("|"):
        want = norm(alt)
        if column in DESCRIPTIVE:
            if want and all(any(w.startswith(x) for w in words) for x in want.split()):
                return True
        elif want == got:
            return True
    return False


@dataclass
class QuestionScore:
    """Counts for one question; ``missed`` and ``wrong`` hold rows for reports."""

    question: str
    returned: int = 0
    right: int = 0
    required: int = 0
    found: int = 0
    attr_ok: int = 0
    attr_all: int = 0
    missed: list = field(default_factory=list)
    wrong: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.returned if self.returned else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 0.0


def f1(p: float, r: float) -> float:
    """Harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * p * r / (p + r) if p + r else 0.0


def score_question(question: str, gold_rows: list[dict], rows: list[dict], columns: list[str]) -> QuestionScore:
    """Score returned rows (dicts by column) against gold rows."""
    keys = KEYS.get(question, columns)
    seen, unique = set(), []
    for row in rows:
        k = tuple(norm(row.get(c, "")) for c in keys)
        if k not in seen:
            seen.add(k)
            unique.append(row)

    def hits(g: dict, row: dict) -> bool:
        return all(cell_matches(c, g[c], row.get(c, "")) for c in keys if g.get(c))

    s = QuestionScore(question, returned=len(unique))
    s.right = sum(1 for row in unique if any(hits(g, row) for g in gold_rows))
    s.wrong = [row for row in unique if not any(hits(g, row) for g in gold_rows)]
    for g in gold_rows:
        if g.get("required", "").strip().lower() != "y":
            continue
        s.required += 1
        match = next((row for row in unique if hits(g, row)), None)
        if match is None:
            s.missed.append({c: g[c] for c in columns})
            continue
        s.found += 1
        for c in columns:
            if c not in keys and g.get(c):
                s.attr_all += 1
                s.attr_ok += cell_matches(c, g[c], match.get(c, ""))
    return s


def evaluate(graph: Graph, queries: Path, gold: Path) -> list[QuestionScore]:
    """Run each question's query over ``graph`` and score it against ``gold/cqNN.csv``.

    Raises:
        InputError: E050 when the gold folder has no ``cq*.csv`` file.
    """
    files = sorted(gold.glob("cq*.csv"))
    if not files:
        raise InputError(Errors.E050, path=gold)
    scores = []
    for path in files:
        question = path.stem
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            columns = [c for c in reader.fieldnames or [] if c != "required"]
            gold_rows = list(reader)
        qfiles = sorted(queries.glob(f"{question}*.rq"))
        rows: list[dict] = []
        if qfiles:
            cols, raw = run(graph, qfiles[0])
            rows = [dict(zip(cols, ("" if v is None else v for v in r))) for r in raw]
        scores.append(score_question(question, gold_rows, rows, columns))
    return scores


def totals(scores: list[QuestionScore]) -> dict:
    """Micro-averaged precision, recall, F1 and attribute accuracy."""
    ret = sum(s.returned for s in scores)
    right = sum(s.right for s in scores)
    req = sum(s.required for s in scores)
    found = sum(s.found for s in scores)
    a_all = sum(s.attr_all for s in scores)
    a_ok = sum(s.attr_ok for s in scores)
    p = right / ret if ret else 0.0
    r = found / req if req else 0.0
    return {"precision": p, "recall": r, "f1": f1(p, r), "attribute_accuracy": a_ok / a_all if a_all else 0.0}
