"""Readings of common news constructions on invented text, read by the real model: where a
restricted thing is used, store removals whose object carries an apposition, removals that
are no policy, designations as security risks, reasons given as purposes or as orders, and
place words inside longer names.

Each test names the rule it checks (a ``kg.extract.facts.ArticleReader`` method). Organizations
are invented; products and places are well-known names from the knowledge base or the
gazetteer.
"""

from __future__ import annotations

from .test_frame_discourse import reasons
from .test_frame_location_development import facts_of
from .test_frame_policy import policies


def test_devices_named_after_on_are_the_scope(tmp_path):
    """_used_on and _where_things_are: "will block all other public AI platforms on
    district-managed Chromebooks" restricts the class; the named devices are its scope."""
    got = policies(tmp_path, "Brisco Corp will block all other public AI platforms on district-managed "
                             "Chromebooks.\n")
    assert not any(product == "Chromebooks" for _, product in got)
    key = next(k for k in got if "AI platforms" in k[1])
    assert got[key]["scope"] == ["district-managed Chromebooks"]


def test_the_use_of_a_product_on_named_phones(tmp_path):
    """_used_on: "banned the use of X on Pixel phones": the phones say where, X is restricted."""
    got = policies(tmp_path, "Brisco Corp banned the use of TikTok on Pixel phones.\n")
    assert set(got) == {("Brisco Corp", "TikTok")}
    assert got[("Brisco Corp", "TikTok")]["scope"] == ["Pixel phones"]


def test_a_ban_on_a_product_is_still_the_product(tmp_path):
    """_used_on: a policy noun's "on" names the restricted thing ("imposed restrictions on X")."""
    got = policies(tmp_path, "Brisco Corp imposed restrictions on TikTok.\n")
    assert ("Brisco Corp", "TikTok") in got


def test_store_removal_with_an_apposition(tmp_path):
    """_store_removal: "removed X, the social network ..., from its app store, following ..."
    (the parse hangs "from" on the object or on its apposition)."""
    for desc in ("social network popular with teenagers", "messaging service favored by activists"):
        got = policies(tmp_path, f"Brisco Corp has removed WeChat, the {desc}, from its app store, "
                                 "following a 24-hour ultimatum to implement a moderation plan.\n")
        assert ("Brisco Corp", "WeChat") in got, desc


def test_delisting_from_an_exchange_restricts_nothing(tmp_path):
    """sentence_policy (``policy.exchange_nouns``): "X was delisted from the Nasdaq" is a
    company's shares leaving an exchange, no ban of a product."""
    got = policies(tmp_path, "Brisco Corp removed Telegram from its app store.\n\n"
                             "Quarnel Holdings was delisted from the Nasdaq in 2022 after going private.\n")
    assert ("Brisco Corp", "Telegram") in got
    assert not any(product == "Quarnel Holdings" for _, product in got)


def test_designated_a_supply_chain_risk(tmp_path):
    """_designation_policy: "classified X as a supply chain risk" restricts X's goods."""
    got = policies(tmp_path, "The Defense Department classified Quarnel Corp as a supply chain risk.\n")
    assert ("Defense Department", "Quarnel Corp") in got
    assert got[("Defense Department", "Quarnel Corp")]["type"] == ["restriction"]


def test_a_risk_without_a_security_modifier_is_no_designation(tmp_path):
    """_designation_policy: "deemed the plan a risk" designates nothing."""
    got = policies(tmp_path, "Brisco Corp deemed Quarnel Corp a risk to its margins.\n")
    assert not got


def test_purpose_clause_before_the_policy_is_its_reason(tmp_path):
    """_reasons (``reason.protect_verbs``): "To maintain a secure environment, X will be
    blocked ..., A said"."""
    got = reasons(tmp_path, "To maintain a secure learning environment, all other AI chatbots will be "
                            "blocked on school laptops, Brisco Corp said.\n",
                  ("Brisco Corp", "other AI chatbots"))
    assert "secure learning environment" in got


def test_an_order_followed_is_the_reason(tmp_path):
    """_reasons (``reason.reason_nouns``): "removed X ... following an order from Y"."""
    got = reasons(tmp_path, "Brisco Corp removed Telegram from its app store following an order from "
                            "the regulator.\n", ("Brisco Corp", "Telegram"))
    assert "order from the regulator" in got


def test_a_place_word_inside_a_name_locates_nothing(tmp_path):
    """sentence_location: "York" in "The New York Times" is no British modifier."""
    got = facts_of(tmp_path, "The New York Times reported that Brisco Corp banned ChatGPT.\n", "location")
    assert not any(country == "United Kingdom" for _, country in got)
