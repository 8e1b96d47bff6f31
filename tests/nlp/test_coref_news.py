"""Reference rules that real news exposed (``kg.extract.facts.ArticleReader.coref`` and
``sentence_nonresponse``), on invented sentences read by the real model."""

from __future__ import annotations

from kg.extract.extraction import extract
from kg.io.corpus import read_article


def facts(tmp_path, text: str, kind: str) -> set[tuple[str, ...]]:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    return {tuple(r.label for r in f.roles.values()) for f in extract([read_article(path)]).facts if f.kind == kind}


def test_news_agency_that_could_not_confirm_is_no_party(tmp_path):
    """sentence_nonresponse: "Reuters could not confirm the report" is the reporter speaking."""
    got = facts(tmp_path, "Dravik Bank banned ChatGPT, Reuters reported. Reuters could not confirm the report.\n",
                "nonresponse")
    assert not any(party == "Reuters" for party, *_ in got)


def test_the_company_is_no_government_body(tmp_path):
    """coref: "the company" skips a government body named before it."""
    got = facts(tmp_path, "The Corvell Data Authority questioned Lumora Labs.\n\n"
                          "The company has banned ChatGPT on its networks.\n", "policy")
    assert not any(issuer == "Corvell Data Authority" for issuer, _ in got)


def test_refrained_matter_is_what_is_declined(tmp_path):
    """lawsuit frame, non-responses: "To date, X has refrained from making an announcement" -> announcement."""
    path = tmp_path / "a.txt"
    path.write_text("To date, Dravik Bank has refrained from making an official announcement.\n", encoding="utf-8")
    matters = [m for f in extract([read_article(path)]).facts if f.kind == "nonresponse" for m in f.attrs["matter"]]
    assert matters and "date" not in matters
