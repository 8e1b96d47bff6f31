"""A battery of invented news statements of allegations and lawsuits (cq04), end to end.

Each case is a short invented article (invented companies, products and people;
sentences written for this test, never taken from an article) in one of the
shapes news uses to state an accusation: suits ("sued X for ...", "filed a
lawsuit against X, alleging ..."), accusations active and passive, claims in a
complaint, regulators' findings and fines, quotes, statements spread over
sentences, headlines without punctuation; with the product concerned (target)
and to whom it was addressed (a court, lawmakers, a regulator, an app store).

Every case lists the allegations it must yield as (accuser, accused, practice)
with optional target and addressee; alternatives are separated by ``|`` and
the practice matches as the scorer's descriptive columns do (every word of one
alternative begins some word of the returned practices). Every allegation the
reader returns for a case must be an expected or an allowed one (precision).
Each case is its own corpus (facts merge over a corpus); the model is loaded once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import pytest

from kg.extract.extraction import extract
from kg.io.corpus import read_article


@dataclass
class Want:
    """One expected allegation: accuser, accused and practice alternatives ("A|B")."""

    accuser: str
    accused: str
    practice: str
    target: str | None = None
    addressed_to: str | None = None  # a word of the addressee's label ("court", "lawmakers")


@dataclass
class Case:
    """An invented article and what the reader must return for it."""

    name: str
    text: str
    wants: list[Want]
    allowed: set = field(default_factory=set)  # further (accuser, accused) pairs that are not wrong


CASES = [
    # --------------------------------------------------------------- sue
    Case("sue_for", "Dravik Press sued Lumora Labs on Tuesday for copyright infringement.\n",
         [Want("Dravik Press", "Lumora Labs", "copyright")]),
    Case("sue_over_use_to_train",
         "Torvane News has sued Brightwave Systems over the use of its articles to train the Orin chatbot.\n",
         [Want("Torvane News", "Brightwave Systems", "use|train")]),
    Case("suing_saying", "Pellmont Media is suing Kestrel AI, saying the startup copied millions of its "
                         "photographs without permission.\n",
         [Want("Pellmont Media", "Kestrel AI", "copy")]),
    Case("sued_by_passive", "Lumora Labs was sued by Quillpoint on Monday for allegedly scraping its website.\n",
         [Want("Quillpoint", "Lumora Labs", "scrap")]),
    Case("headline_sues_over", "Quillpoint sues Lumora Labs over scraped recipes\n\n"
                               "Quillpoint, a recipe site, said Lumora Labs ignored its requests to stop.\n",
         [Want("Quillpoint", "Lumora Labs", "scrap")]),
    Case("headline_title_case", "Dravik Press Sues Lumora Labs Over AI Training on Its Archive\n\n"
                                "Dravik Press said on Monday that talks with Lumora Labs had failed.\n",
         [Want("Dravik Press", "Lumora Labs", "train")]),
    Case("sued_in_court_claiming_target",
         "The novelists Mara Ellison and Tobias Renn sued Lumora Labs in federal court in San Francisco, claiming "
         "the company trained its Vexa model on pirated copies of their books.\n",
         [Want("Mara Ellison", "Lumora Labs", "pirat|train", target="Vexa", addressed_to="court"),
          Want("Tobias Renn", "Lumora Labs", "pirat|train", target="Vexa", addressed_to="court")]),
    Case("sued_two_plaintiffs_using",
         "Lumora Labs has been sued by Dravik Press and Torvane News for using their stories without payment.\n",
         [Want("Dravik Press", "Lumora Labs", "using|use"), Want("Torvane News", "Lumora Labs", "using|use")]),
    Case("sued_person_over_theft",
         "Harbor Crest Bank sued its former engineer Dorian Vale over the theft of customer data.\n",
         [Want("Harbor Crest Bank", "Dorian Vale", "theft")]),
    Case("sued_accusing_it",
         "Marrowind Software sued Halvex Corp., accusing it of hiring away engineers to steal trade secrets.\n",
         [Want("Marrowind Software", "Halvex Corp.|Halvex Corp|Halvex", "trade secret|steal")]),
    Case("defamation_suit", "Radio host Tobias Renn sued Lumora Labs for defamation after its chatbot falsely "
                            "described him as a fraudster.\n",
         [Want("Tobias Renn", "Lumora Labs", "defamation")]),
    Case("countersued", "Lumora Labs countersued Quillpoint, accusing the publisher of defamation.\n",
         [Want("Lumora Labs", "Quillpoint", "defamation")]),
    Case("suing_then_she_says",
         "Radio host Tobias Renn is suing Lumora Labs.\n\nHe says the company's Vexa model reproduces his "
         "paintings.\n",
         [Want("Tobias Renn", "Lumora Labs", "reproduc", target="Vexa")]),
    # -------------------------------------------------------------- file
    Case("filed_lawsuit_alleging",
         "Quillpoint filed a lawsuit against Lumora Labs on Wednesday, alleging that the company stole trade "
         "secrets.\n",
         [Want("Quillpoint", "Lumora Labs", "trade secret|theft|stole")]),
    Case("filed_complaint_accusing",
         "Harbor Crest Bank filed a complaint against Zenquist Inc. accusing it of defamation.\n",
         [Want("Harbor Crest Bank", "Zenquist Inc.|Zenquist", "defamation")]),
    Case("filed_suit_in_court_claiming",
         "Dravik Press filed suit against Brightwave Systems in the High Court in London, claiming copyright "
         "infringement.\n",
         [Want("Dravik Press", "Brightwave Systems", "copyright", addressed_to="court")]),
    Case("lawsuit_filed_by_accuses",
         "A lawsuit filed by Torvane News against Lumora Labs accuses the startup of reproducing its reporting "
         "word for word.\n",
         [Want("Torvane News", "Lumora Labs", "reproduc")]),
    Case("brought_case_alleging",
         "Marrowind Software brought a case against Halvex Corp., alleging that Halvex misappropriated its source "
         "code.\n",
         [Want("Marrowind Software", "Halvex Corp.|Halvex Corp|Halvex", "misappropriat")]),
    Case("lodged_complaint_with_regulator",
         "Pellmont Media lodged a complaint with the Kestrian Competition Commission against Vantora Inc., "
         "accusing it of abusing its dominant position.\n",
         [Want("Pellmont Media", "Vantora Inc.|Vantora", "abus", addressed_to="commission")]),
    Case("filed_claiming_target",
         "Dravik Press filed a lawsuit against Lumora Labs in New York, claiming the LumaChat chatbot reproduces "
         "its articles verbatim.\n",
         [Want("Dravik Press", "Lumora Labs", "reproduc", target="LumaChat")]),
    Case("class_action_accusing",
         "Mara Ellison has filed a class action against Lumora Labs, accusing it of recording users' "
         "conversations without consent.\n",
         [Want("Mara Ellison", "Lumora Labs", "record|consent")]),
    Case("suit_filed_in_court_possessive",
         "Orbelle Corp.'s lawsuit, filed in federal court in Delaware, accuses Halvex Corp. of infringing five of "
         "its patents.\n",
         [Want("Orbelle Corp.|Orbelle Corp|Orbelle", "Halvex Corp.|Halvex Corp|Halvex", "infring|patent",
               addressed_to="court")]),
    Case("filed_complaint_with_app_store",
         "Quillpoint filed a complaint with the Vantora App Store, alleging that the Snapvue app made by "
         "Kestrel AI copied its design.\n",
         [Want("Quillpoint", "Kestrel AI", "copy", target="Snapvue", addressed_to="store")]),
    Case("in_a_complaint_filed_with_court",
         "In a complaint filed with the Kestria District Court, Dravik Press accused Lumora Labs of ignoring "
         "licensing agreements.\n",
         [Want("Dravik Press", "Lumora Labs", "ignor|licens", addressed_to="court")]),
    Case("took_legal_action_for",
         "Pellmont Media took legal action against Kestrel AI for unauthorized use of its photos.\n",
         [Want("Pellmont Media", "Kestrel AI", "use|unauthoriz")]),
    # ------------------------------------------------------------ accuse
    Case("accused_passive_after_suit",
         "Quillpoint filed a lawsuit against Lumora Labs on Friday.\n\nLumora Labs is accused of scraping "
         "millions of news articles without permission.\n",
         [Want("Quillpoint", "Lumora Labs", "scrap")]),
    Case("accused_by_of", "Brightwave Systems was accused by Tessaly Data of copying its recommendation "
                          "software.\n",
         [Want("Tessaly Data", "Brightwave Systems", "copy")]),
    Case("accused_of_stealing", "Tessaly Data accused Brightwave Systems of stealing its customer list.\n",
         [Want("Tessaly Data", "Brightwave Systems", "theft|steal")]),
    Case("accused_rival_appos",
         "Zenquist Inc. has accused its rival Orbelle Corp. of poaching engineers to obtain trade secrets.\n",
         [Want("Zenquist Inc.|Zenquist", "Orbelle Corp.|Orbelle Corp|Orbelle", "trade secret|poach")]),
    Case("accused_distilling_target",
         "Lumora Labs has accused Nexaro of distilling its Quasar model to build a cheaper rival.\n",
         [Want("Lumora Labs", "Nexaro", "distill", target="Quasar")]),
    Case("letter_to_lawmakers", "In a letter to lawmakers, Lumora Labs accused Nexaro of distilling its models.\n",
         [Want("Lumora Labs", "Nexaro", "distill", addressed_to="lawmakers")]),
    Case("regulator_accused_antitrust",
         "The Kestrian Competition Commission accused Vantora Inc. of antitrust violations in its app store "
         "business.\n",
         [Want("Kestrian Competition Commission", "Vantora Inc.|Vantora", "antitrust")]),
    Case("complaint_accuses_after_court",
         "Pellmont Media went to court against Kestrel AI on Friday.\n\nThe complaint accuses Kestrel AI of "
         "stripping watermarks from its photographs.\n",
         [Want("Pellmont Media", "Kestrel AI", "strip|watermark")]),
    Case("charged_with_by_prosecutors",
         "Prosecutors in Kestria charged Dorian Vale with stealing trade secrets from Lumora Labs.\n",
         [Want("Prosecutors in Kestria|Kestria", "Dorian Vale", "trade secret|steal")]),
    Case("accusations_by_that",
         "Lumora Labs rejected accusations by Quillpoint that it had plagiarized news stories.\n",
         [Want("Quillpoint", "Lumora Labs", "plagiar")]),
    Case("fighting_suit_accusing",
         "Lumora Labs is fighting a suit by Quillpoint accusing it of copyright infringement.\n",
         [Want("Quillpoint", "Lumora Labs", "copyright")]),
    # ------------------------------------------------------------ allege
    Case("alleges_that_target",
         "Quillpoint alleges that Lumora Labs copied its articles to train the LumaChat assistant.\n",
         [Want("Quillpoint", "Lumora Labs", "copy|train", target="LumaChat")]),
    Case("in_its_complaint_alleges",
         "In its complaint, Dravik Press alleges that Brightwave Systems scraped paywalled stories.\n",
         [Want("Dravik Press", "Brightwave Systems", "scrap")]),
    Case("suit_claims_after_sued",
         "Pellmont Media sued Kestrel AI last week.\n\nThe suit claims that Kestrel AI used the photographers' "
         "images without a licence.\n",
         [Want("Pellmont Media", "Kestrel AI", "use|licen")]),
    Case("according_to_complaint",
         "Marrowind Software has taken Halvex Corp. to court.\n\nAccording to the complaint, Halvex Corp. "
         "downloaded thousands of confidential design files, stealing trade secrets.\n",
         [Want("Marrowind Software", "Halvex Corp.|Halvex Corp|Halvex", "trade secret|steal|download")]),
    Case("taken_to_court_over", "Orbelle Corp. has taken Zenquist Inc. to court over alleged patent "
                                "infringement.\n",
         [Want("Orbelle Corp.|Orbelle Corp|Orbelle", "Zenquist Inc.|Zenquist", "patent")]),
    Case("headline_takes_to_court", "Quillpoint takes Lumora Labs to court over copied articles\n\n"
                                    "Quillpoint said talks with Lumora Labs broke down in May.\n",
         [Want("Quillpoint", "Lumora Labs", "copy")]),
    Case("lawsuit_says_crawled",
         "Quillpoint's lawsuit says Lumora Labs ignored its robots.txt file and crawled its pages anyway.\n",
         [Want("Quillpoint", "Lumora Labs", "crawl|ignor")]),
    Case("claimed_cloned_target",
         "Orbelle Corp. claimed that Zenquist Inc. had cloned its voice assistant Aria.\n",
         [Want("Orbelle Corp.|Orbelle Corp|Orbelle", "Zenquist Inc.|Zenquist", "clon", target="Aria")]),
    Case("seeking_damages_over_alleged",
         "Quillpoint is seeking damages from Lumora Labs over the alleged copying of its archive.\n",
         [Want("Quillpoint", "Lumora Labs", "copy")]),
    Case("according_to_lawsuit_filed_by",
         "Brightwave Systems copied large parts of Tessaly Data's code, according to a lawsuit Tessaly Data "
         "filed on Tuesday.\n",
         [Want("Tessaly Data", "Brightwave Systems", "copy")]),
    Case("lawsuit_against_brought_by_centers",
         "The lawsuit against Brightwave Systems, brought by Tessaly Data, centers on the alleged misuse of "
         "licensed code.\n",
         [Want("Tessaly Data", "Brightwave Systems", "misus")]),
    Case("filed_then_complaint_says",
         "Torvane News filed suit on Monday.\n\nThe complaint says Brightwave Systems copied hundreds of its "
         "articles.\n",
         [Want("Torvane News", "Brightwave Systems", "copy")]),
    # ------------------------------------------------------------ reports
    Case("said_had_violated_harvesting",
         "Quillpoint said Lumora Labs had violated its terms of service by harvesting content from its site.\n",
         [Want("Quillpoint", "Lumora Labs", "violat|harvest")]),
    Case("said_violated_patents", "Tessaly Data said Brightwave Systems had violated its patents.\n",
         [Want("Tessaly Data", "Brightwave Systems", "violat|patent")]),
    Case("quote_stole_our_work",
         "\"Lumora Labs stole our work,\" Quillpoint chief executive Priya Halden said.\n",
         [Want("Quillpoint|Priya Halden", "Lumora Labs", "stole|steal|theft")],
         allowed={("Priya Halden", "Lumora Labs"), ("Quillpoint", "Lumora Labs")}),
    Case("told_lawmakers_distillation_target",
         "Lumora Labs told lawmakers that Nexaro had used distillation to copy its Quasar model.\n",
         [Want("Lumora Labs", "Nexaro", "distill", target="Quasar", addressed_to="lawmakers")]),
    Case("used_our_articles_to_train",
         "Quillpoint said Lumora Labs used its articles to train the Quasar model without paying.\n",
         [Want("Quillpoint", "Lumora Labs", "train|use", target="Quasar")]),
    Case("complained_to_regulator",
         "Lumora Labs complained to the Kestrian Competition Commission that Vantora Inc. was blocking rival "
         "assistants from its app store.\n",
         [Want("Lumora Labs", "Vantora Inc.|Vantora", "block", addressed_to="commission")]),
    Case("complained_to_lawmakers",
         "Torvane News complained to lawmakers that Lumora Labs was summarizing its articles without "
         "permission.\n",
         [Want("Torvane News", "Lumora Labs", "summar|permission", addressed_to="lawmakers")]),
    Case("privacy_complaint_with_regulator",
         "Privacy group Nordvault filed a complaint against Lumora Labs with the Harbor Data Authority, saying "
         "the LumaChat bot violated the privacy of its users.\n",
         [Want("Nordvault", "Lumora Labs", "privacy|violat", target="LumaChat", addressed_to="authority")]),
    # --------------------------------------------------- regulators, fines
    Case("regulator_found_breached",
         "The Kestrian Data Protection Authority investigated Lumora Labs last year.\n\nThe regulator found that "
         "Lumora Labs breached data protection law by processing children's data.\n",
         [Want("Kestrian Data Protection Authority", "Lumora Labs", "breach|process")]),
    Case("fined_for_processing",
         "The Harbor Data Authority fined Lumora Labs 15 million euros for processing personal data without a "
         "legal basis.\n",
         [Want("Harbor Data Authority", "Lumora Labs", "process|legal basis")]),
    Case("fined_by_passive",
         "Lumora Labs was fined 2 million euros by the Harbor Data Authority for failing to verify users' ages.\n",
         [Want("Harbor Data Authority", "Lumora Labs", "verif|age")]),
    Case("fined_collecting_consent",
         "The Kestrian Privacy Office fined Zenquist Inc. for collecting facial images without consent.\n",
         [Want("Kestrian Privacy Office", "Zenquist Inc.|Zenquist", "collect|consent")]),
    Case("regulator_found_transferred",
         "The Harbor Data Authority found that Zenquist Inc. had transferred users' data to servers abroad "
         "without telling them.\n",
         [Want("Harbor Data Authority", "Zenquist Inc.|Zenquist", "transfer")]),
    Case("regulator_said_violated_law",
         "The Kestrian Competition Commission said Vantora Inc. had violated competition law by favoring its own "
         "apps.\n",
         [Want("Kestrian Competition Commission", "Vantora Inc.|Vantora", "violat|favor")]),
    Case("penalty_imposed_on",
         "The Kestrian Privacy Office imposed a penalty of 3 million euros on Zenquist Inc. for keeping "
         "voice recordings longer than allowed.\n",
         [Want("Kestrian Privacy Office", "Zenquist Inc.|Zenquist", "keep|record")]),
    # ---------------------------------------------------------- faces
    Case("faces_lawsuit_from_over",
         "Lumora Labs faces a lawsuit from Quillpoint over the scraping of its news archive.\n",
         [Want("Quillpoint", "Lumora Labs", "scrap")]),
    # ------------------------------------------- discourse, lists, descriptions
    Case("listed_plaintiffs_with_group",
         "Other newspapers like Dravik Press, Torvane News and a group of Kestrian broadcasters have also sued "
         "Lumora Labs for copyright infringement.\n",
         [Want("Dravik Press", "Lumora Labs", "copyright"), Want("Torvane News", "Lumora Labs", "copyright"),
          Want("group of Kestrian broadcasters|Kestrian broadcasters", "Lumora Labs", "copyright")]),
    Case("company_further_claims",
         "Dravik Press has filed a lawsuit against Lumora Labs, accusing it of abusing its dominance in search.\n\n"
         "The company further claims Lumora Labs ties access to its search traffic to publishers handing over "
         "their archives.\n",
         [Want("Dravik Press", "Lumora Labs", "abus"), Want("Dravik Press", "Lumora Labs", "ties access")]),
    Case("headline_parent_company_of",
         "Parent company of Torvane News and Pellmont Media sues Lumora Labs\n\n"
         "Halden Group, the parent company of Torvane News and Pellmont Media, is suing Lumora Labs for copyright "
         "infringement.\n",
         [Want("Halden Group", "Lumora Labs", "copyright")]),
    Case("court_ruled_plaintiff_accuses",
         "Pellmont Media sued Kestrel AI in the High Court in London in 2024.\n\n"
         "The court ruled on Tuesday that Kestrel AI had infringed Pellmont Media's trademarks.\n",
         [Want("Pellmont Media", "Kestrel AI", "infring|trademark")]),
    Case("plaintiffs_claim",
         "Quillpoint and Dravik Press sued Lumora Labs in May.\n\nThe plaintiffs claim Lumora Labs ignored their "
         "requests to stop crawling their sites.\n",
         [Want("Quillpoint", "Lumora Labs", "crawl"), Want("Dravik Press", "Lumora Labs", "crawl")]),
    Case("cease_and_desist_letter",
         "Quillpoint sent a cease-and-desist letter on Friday to Lumora Labs, demanding that it stop scraping its recipes.\n",
         [Want("Quillpoint", "Lumora Labs", "scrap")]),
    Case("reported_to_regulator",
         "Torvane News reported Lumora Labs to the Kestrian Competition Commission for copying its headlines.\n",
         [Want("Torvane News", "Lumora Labs", "copy", addressed_to="commission")]),
    Case("said_it_had_filed",
         "Pellmont Media said on Tuesday it had filed a lawsuit against Kestrel AI over the use of its photos to "
         "train image models.\n",
         [Want("Pellmont Media", "Kestrel AI", "use|train")]),
    Case("alleged_in_the_suit",
         "Quillpoint alleged in the suit that Lumora Labs had removed the bylines from its articles.\n",
         [Want("Quillpoint", "Lumora Labs", "remov|byline")]),
    Case("being_sued_by_which_says",
         "Brightwave Systems is being sued by Tessaly Data, which says the company copied its database.\n",
         [Want("Tessaly Data", "Brightwave Systems", "copy")]),
    Case("latest_to_sue", "Torvane News is the latest publisher to sue Lumora Labs over the use of its articles.\n",
         [Want("Torvane News", "Lumora Labs", "use")]),
    Case("slapped_with_lawsuit", "Quillpoint slapped Lumora Labs with a lawsuit over scraped recipes.\n",
         [Want("Quillpoint", "Lumora Labs", "scrap")]),
    Case("in_its_lawsuit_against_says",
         "In its lawsuit against Brightwave Systems, Tessaly Data says the startup copied its ranking code.\n",
         [Want("Tessaly Data", "Brightwave Systems", "copy")]),
    Case("wrote_in_blog_post",
         "Nordvault wrote in a blog post that Lumora Labs was crawling its sites with disguised bots.\n",
         [Want("Nordvault", "Lumora Labs", "crawl")]),
    Case("told_news_agency", "Quillpoint told Reuters that Lumora Labs had copied its recipes.\n",
         [Want("Quillpoint", "Lumora Labs", "copy")]),
    Case("joined_lawsuit_against",
         "Pellmont Media joined a lawsuit against Kestrel AI over the scraping of stock photos.\n",
         [Want("Pellmont Media", "Kestrel AI", "scrap")]),
    Case("regulator_said_illegally",
         "The Kestrian Privacy Office said Zenquist Inc. had illegally collected children's data.\n",
         [Want("Kestrian Privacy Office", "Zenquist Inc.|Zenquist", "collect|illegal")]),
    Case("accused_described_defendant",
         "Nexaro, a Kestrian startup, released a recipe app in May.\n\nQuillpoint accused the startup of copying "
         "its app.\n",
         [Want("Quillpoint", "Nexaro", "copy")]),
    Case("the_defendants",
         "Dravik Press sued Lumora Labs and Brightwave Systems on Monday.\n\nThe lawsuit alleges that the "
         "defendants copied millions of its articles.\n",
         [Want("Dravik Press", "Lumora Labs", "copy"), Want("Dravik Press", "Brightwave Systems", "copy")]),
    Case("spokesperson_for_said",
         "A spokesperson for Quillpoint said Lumora Labs had ignored its licensing terms and scraped its site.\n",
         [Want("Quillpoint", "Lumora Labs", "scrap")]),
    Case("denied_possessive_accusations", "Lumora Labs denied Quillpoint's accusations of plagiarism.\n",
         [Want("Quillpoint", "Lumora Labs", "plagiar")]),
    Case("report_of_report",
         "Kestrian officials say Tobias Renn said that Nexaro had copied models made by Lumora Labs.\n",
         [Want("Tobias Renn", "Nexaro", "copy")]),
    Case("described_accuser_after_court",
         "Pellmont Media sued Kestrel AI in the Kestria High Court.\n\nThe photo agency accused Kestrel AI of "
         "copying its pictures.\n",
         [Want("Pellmont Media", "Kestrel AI", "copy", addressed_to="court")]),
    Case("headline_sues_alleging_noun",
         "Halvex Corp. sues Orbelle Corp. alleging unfair competition\n\nHalvex Corp. filed the suit against "
         "Orbelle Corp. in Delaware on Monday.\n",
         [Want("Halvex Corp.|Halvex Corp|Halvex", "Orbelle Corp.|Orbelle Corp|Orbelle", "unfair competition")]),
    Case("settle_charges_that",
         "Lumora Labs agreed to pay 5 million dollars to settle charges by the Kestrian Trade Commission that it "
         "misled users about data sharing.\n",
         [Want("Kestrian Trade Commission", "Lumora Labs", "misled|mislead")]),
    Case("finding_then_regulator_said",
         "Zenquist Inc. breached competition rules by favoring its own shopping service, the Kestrian Competition "
         "Commission said on Tuesday.\n",
         [Want("Kestrian Competition Commission", "Zenquist Inc.|Zenquist", "breach|favor")]),
    Case("quote_took_without_asking",
         "\"Kestrel AI took our photos without asking,\" said Mara Ellison, the chief executive of Pellmont Media.\n",
         [Want("Mara Ellison|Pellmont Media", "Kestrel AI", "took|without")],
         allowed={("Mara Ellison", "Kestrel AI"), ("Pellmont Media", "Kestrel AI")}),
    Case("faces_accusations_from_that",
         "Lumora Labs faces accusations from Quillpoint that it copied recipes from the site.\n",
         [Want("Quillpoint", "Lumora Labs", "copy")]),
    Case("lawyers_for_argued",
         "Lawyers for Dravik Press argued that Lumora Labs had copied its archive wholesale.\n",
         [Want("Dravik Press", "Lumora Labs", "copy")]),
    Case("fined_after_finding",
         "The Harbor Data Authority fined Lumora Labs 3 million euros after finding it had processed children's "
         "data without consent.\n",
         [Want("Harbor Data Authority", "Lumora Labs", "process|consent")]),
    Case("it_also_alleges_after_description",
         "Dravik Press claims Lumora Labs trained its models on its archive without permission.\n\nThe company had "
         "told crawlers to stay away.\n\nIt also alleges that Lumora Labs removed the bylines from its stories.\n",
         [Want("Dravik Press", "Lumora Labs", "remov|byline")]),
    Case("says_it_has_evidence_that",
         "Lumora Labs says it has evidence that Nexaro used its models to train a competing chatbot.\n",
         [Want("Lumora Labs", "Nexaro", "use|train")]),
    Case("regulator_said_transferred",
         "The Kestrian Privacy Office said Zenquist Inc. had transferred users' data to a partner abroad.\n",
         [Want("Kestrian Privacy Office", "Zenquist Inc.|Zenquist", "transfer")]),
    Case("sued_the_product_maker",
         "Lumora Labs released its LumaChat chatbot in 2023.\n\nDravik Press sued the LumaChat maker on Monday for "
         "copyright infringement.\n",
         [Want("Dravik Press", "Lumora Labs", "copyright", target="LumaChat")]),
    Case("sued_the_company_behind",
         "Lumora Labs launched its Vexa model last year.\n\nPellmont Media sued the company behind the Vexa model "
         "for copyright infringement.\n",
         [Want("Pellmont Media", "Lumora Labs", "copyright")]),
    Case("target_of_lawsuit_brought_by",
         "Lumora Labs is the target of a lawsuit brought by Torvane News over its use of news articles.\n",
         [Want("Torvane News", "Lumora Labs", "use")]),
    Case("among_publishers_suing",
         "Dravik Press and Torvane News are among the publishers suing Lumora Labs over scraped articles.\n",
         [Want("Dravik Press", "Lumora Labs", "scrap"), Want("Torvane News", "Lumora Labs", "scrap")]),
    Case("inverted_says", "Lumora Labs stole our recipes, says Quillpoint.\n",
         [Want("Quillpoint", "Lumora Labs", "stole|theft|steal")]),
    Case("accused_two_parties",
         "Quillpoint accused Lumora Labs and Brightwave Systems of scraping its recipes.\n",
         [Want("Quillpoint", "Lumora Labs", "scrap"), Want("Quillpoint", "Brightwave Systems", "scrap")]),
    Case("faces_lawsuit_which_says",
         "Brightwave Systems now faces a lawsuit from Pellmont Media, which says the company copied its stock "
         "photos.\n",
         [Want("Pellmont Media", "Brightwave Systems", "copy")]),
    # --------------------------------------------------------------- suits named in other acts
    Case("suit_brought_in_relative_clause",
         "A judge dismissed the lawsuit Pellmont Media had brought against Brightwave Systems over its photos.\n",
         [Want("Pellmont Media", "Brightwave Systems", "")]),
    Case("settled_suit_with", "Brightwave Systems settled a copyright lawsuit with Pellmont Media last year.\n",
         [Want("Pellmont Media", "Brightwave Systems", "copyright")]),
    Case("complaint_filed_saying",
         "Pellmont Media filed a complaint with the European Commission, saying Brightwave Systems abused its "
         "dominant position.\n",
         [Want("Pellmont Media", "Brightwave Systems", "abus")]),
    Case("settle_suit_brought_by",
         "Lumora Labs agreed to pay 5 million dollars to settle a lawsuit brought by Dravik Press.\n",
         [Want("Dravik Press", "Lumora Labs", "")]),
    # --------------------------------------------------------------- probes: what the "over" phrase suspects
    Case("probe_into_over", "Last week the European Commission began an inquiry into Brightwave Systems "
                            "over its handling of rival sellers' listings.\n",
         [Want("European Commission", "Brightwave Systems", "handling|listings")]),
    Case("probe_over_concerns", "The European Commission opened a probe into Lumora Labs over concerns that it "
                                "ranked its own offers above rivals.\n",
         [Want("European Commission", "Lumora Labs", "rank")]),
    # --------------------------------------------------------------- claimants described, not named
    Case("family_of_sued", "The parents of Mara Lindqvist sued Lumora Labs over the death of their daughter.\n",
         [Want("Mara Lindqvist", "Lumora Labs", "death")]),
    Case("group_of_sued", "A group of illustrators sued Brightwave Systems over the copying of their drawings.\n",
         [Want("group of illustrators", "Brightwave Systems", "copy")]),
    Case("described_filed", "Kestrian newspapers filed a lawsuit against Quillpoint Inc for copyright "
                            "infringement.\n",
         [Want("Kestrian newspapers", "Quillpoint Inc", "copyright")]),
    Case("investigating_over", "The Federal Trade Commission is investigating Quillpoint Inc over its "
                               "sharing of location records with brokers.\n",
         [Want("Federal Trade Commission", "Quillpoint Inc", "sharing|location")]),
]

#: statements that are no allegation: (name, text, parties that must be in none, or None for "no allegation at all")
NEGATIVES = [
    ("own_work", "Lumora Labs copied the design of its earlier app for the new version.\n", None),
    ("plain_claim", "Quillpoint said Lumora Labs had a strong quarter.\n", None),
    ("denial", "Nexaro denied accusations that it had copied models made by Lumora Labs.\n", {"Nexaro"}),
    ("patent_filing", "Lumora Labs filed a patent for a new chip design.\n", None),
    ("critics_sued", "Critics sued Lumora Labs last year.\n", None),
    ("probe_whether", "The Federal Trade Commission is investigating whether Quillpoint Inc shared "
                      "location records.\n", None),
    ("licensing_deal", "Quillpoint signed a licensing deal with Lumora Labs to let the startup train on its "
                       "archive.\n", None),
    ("fight_lawsuit", "Lumora Labs said it would fight the lawsuit.\n", None),
    ("dismissed", "A judge dismissed the lawsuit on Monday.\n", None),
    ("own_licensed_training", "Lumora Labs said it trained its models on licensed data.\n", None),
    ("licensed_use", "Quillpoint said Lumora Labs had used its recipes under a licensing deal.\n", None),
    ("news_report", "Torvane News reported that Lumora Labs raised 2 billion dollars.\n", None),
    ("expletive_it", "Lumora Labs released a new model on Monday.\n\nTobias Renn said in an interview that it "
                     "is possible that theft of trade secrets had occurred.\n", {"Lumora Labs"}),
    ("told_agency_it_had_seen", "Lumora Labs told Torvane News that it had seen evidence of distillation by groups "
                                "abroad.\n", {"Torvane News"}),
    ("regulator_said_it_acted", "The Kestrian Privacy Office asked Lumora Labs about its data practices.\n\nThe trade "
                                "ministry said it took the step as Lumora Labs had not responded to the office's "
                                "inquiry.\n", {"Lumora Labs"}),
    ("own_scraping", "Kestrel AI scraped public websites to train its model, the company said.\n", None),
    ("negated_accusation", "Quillpoint has not accused Lumora Labs of wrongdoing.\n", None),
]


def _norm(text: str) -> str:
    """The scorer's normalization: NFKC, case folded, every run of other characters than letters and digits one space."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[^\w]+|_", " ", text).strip()


def _words_match(alternatives: str, value: str) -> bool:
    """Every word of one alternative begins some word of ``value`` (the scorer's descriptive match)."""
    words = _norm(value).split()
    return any(all(any(w.startswith(a) for w in words) for a in _norm(alt).split())
               for alt in alternatives.split("|"))


@pytest.fixture(scope="module")
def by_article(tmp_path_factory):
    """Allegation facts of every case, each case read as a corpus of its own (facts merge over a
    corpus): case name -> list of facts."""
    folder = tmp_path_factory.mktemp("battery")
    out: dict[str, list] = {}
    for name, text in [(c.name, c.text) for c in CASES] + [(n, t) for n, t, _ in NEGATIVES]:
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        out[name] = [f for f in extract([read_article(path)]).facts if f.kind == "allegation"]
    return out


def _describe(facts) -> list[tuple]:
    return [(f.roles["accuser"].label, f.roles["accused"].label, f.attrs.get("practice", []),
             [e.label for e in f.entity_attrs.get("target", [])],
             [e.label for e in f.entity_attrs.get("addressed_to", [])]) for f in facts]


def _matches(want: Want, f) -> bool:
    if f.roles["accuser"].label not in want.accuser.split("|") or f.roles["accused"].label not in want.accused.split("|"):
        return False
    if not _words_match(want.practice, " ; ".join(f.attrs.get("practice", []))):
        return False
    if want.target and want.target not in {e.label for e in f.entity_attrs.get("target", [])}:
        return False
    if want.addressed_to and not any(want.addressed_to in e.label.lower()
                                     for e in f.entity_attrs.get("addressed_to", [])):
        return False
    return True


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_allegation_battery(case: Case, by_article):
    """Each expected allegation is read with its practice (and target, addressee); nothing else is returned."""
    facts = by_article.get(case.name, [])
    for want in case.wants:
        assert any(_matches(want, f) for f in facts), (want, _describe(facts))
    ok = {(a, b) for w in case.wants for a in w.accuser.split("|") for b in w.accused.split("|")} | case.allowed
    extra = [d for d in _describe(facts) if (d[0], d[1]) not in ok]
    assert not extra, extra


@pytest.mark.parametrize("name,text,forbidden", NEGATIVES, ids=[n for n, _, _ in NEGATIVES])
def test_no_allegation(name, text, forbidden, by_article):
    """Statements of one's own acts, denials, deals and plain claims make no allegation (or none by the denier)."""
    facts = by_article.get(name, [])
    if forbidden is None:
        assert not facts, _describe(facts)
    else:
        assert not [f for f in facts if {f.roles["accuser"].label, f.roles["accused"].label} & forbidden], \
            _describe(facts)


def test_battery_matcher_can_fail():
    """The practice matcher is the scorer's: a prefix of a returned word matches, another word does not."""
    assert _words_match("distill", "model distillation efforts")
    assert _words_match("trade secret|theft", "theft of trade secrets")
    assert not _words_match("copy", "scraping")
