"""Attribution in the seed graph: every ``prov:wasAttributedTo`` of an evidence
node names an agent with a label, and anonymous sources stay within their article."""

from __future__ import annotations

from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import PROV

KGO = "https://w3id.org/kg-news/ontology#"
AGENT_CLASSES = {URIRef(KGO + c) for c in ("Company", "GovernmentBody", "NewsOrganization", "Organization",
                                           "Person", "AnonymousSource")}


def test_attributions_name_labelled_agents(seeds_graph):
    pairs = list(seeds_graph.subject_objects(PROV.wasAttributedTo))
    assert pairs, "the seeds quote named and anonymous sources"
    for evidence, agent in pairs:
        assert (evidence, RDF.type, URIRef(KGO + "Evidence")) in seeds_graph
        assert set(seeds_graph.objects(agent, RDF.type)) & AGENT_CLASSES, agent
        assert list(seeds_graph.objects(agent, RDFS.label)), agent


def test_anonymous_sources_are_per_article(seeds_graph):
    anonymous = set(seeds_graph.subjects(RDF.type, URIRef(KGO + "AnonymousSource")))
    assert anonymous
    for source in anonymous:
        articles = {art for ev in seeds_graph.subjects(PROV.wasAttributedTo, source)
                    for target in seeds_graph.objects(ev, URIRef("http://www.w3.org/ns/oa#hasTarget"))
                    for art in seeds_graph.objects(target, URIRef("http://www.w3.org/ns/oa#hasSource"))}
        assert len(articles) == 1, (source, articles)
