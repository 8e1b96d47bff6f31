"""A battery of invented news items on policies (cq01) and their reasons (cq07), read end to
end by the real model.

Every company, agency and person is invented and no sentence is taken from an article;
products (ChatGPT, DeepSeek, Gemini, Copilot, Claude) and places are well-known names.
Each case is a short article and the (issuer, product) of the policy it states, with, for
most, a reason written like a gold cell of the contract: ``|``-separated alternatives,
matched as the scorer matches descriptive columns (:func:`kg.query.evaluate.cell_matches`:
every word of one alternative begins a word of some returned reason).

The items cover how news states a policy (actives, passives with and without agents,
"told staff not to", "is not permitted", "must not", "may no longer", "pulled",
"will phase out", "restricted access", lists of issuers, "joined X in banning", side
mentions) and where it puts the reason: before the policy ("Citing X, ...", "Amid
concerns over X, ..."), in its clause ("over", "for fear that", "lest", "given concerns",
"in the wake of", "prompted by", "because it ..."), in a headline, and in a later
sentence ("The decision was driven by ...", "Officials said the app posed ...", "The
company worries that ...", quotes by officials, memos).

The rules under test live in :mod:`kg.extract.policy`, :mod:`kg.extract.reason` and
:mod:`kg.extract.linking`.
"""

from __future__ import annotations

import pytest

from kg.extract.extraction import extract
from kg.query.evaluate import cell_matches
from kg.io.corpus import read_article

#: cases the readers do not read yet, with what is missing (strict: a case that starts to pass
#: fails the run until it is taken off this list)
OPEN: dict[str, str] = {
    "policy041": "an incident the issuer reports ('doctors had entered patient notes into the chatbot') names "
                 "no risk word",
    "policy042": "'barred' parsed as an adjective of 'staff' after a three-word name",
    "policy118": "'only approved tools may be used ..., which rules out X': a rule by exclusion",
    "policy124": "an elliptical clause ('and B followed a week later') repeats the policy before",
}


def _cases(rows, prefix: str) -> list:
    """pytest params with ids ``<prefix>NNN``; the ones in :data:`OPEN` are strict xfails."""
    out = []
    for n, row in enumerate(rows):
        case = f"{prefix}{n:03d}"
        marks = [pytest.mark.xfail(strict=True, reason=OPEN[case])] if case in OPEN else []
        out.append(pytest.param(*(row if isinstance(row, tuple) else (row,)), id=case, marks=marks))
    return out


def read_policies(tmp_path, body: str) -> dict[tuple[str, str], dict]:
    """(issuer label, product label) -> the policy fact's attributes, for one article."""
    path = tmp_path / "a.txt"
    path.write_text(body, encoding="utf-8")
    facts = extract([read_article(path)]).facts
    return {(f.roles["issuer"].label, f.roles["product"].label): f.attrs for f in facts if f.kind == "policy"}


# (body, issuer, product, reason as a gold cell or None for "not checked")
POLICIES = [
    # ------------------------------------------------ reasons before the policy
    ("Citing data security risks, Dravik Bank has barred its employees from using ChatGPT.\n",
     "Dravik Bank", "ChatGPT", "data security"),
    ("Amid concerns over data privacy, Torvane Insurance has blocked access to DeepSeek on company laptops.\n",
     "Torvane Insurance", "DeepSeek", "privacy"),
    ("Fearing leaks of client information, Pellmont Corp told its staff not to use ChatGPT.\n",
     "Pellmont Corp", "ChatGPT", "leaks"),
    ("Given concerns about foreign surveillance, Texas has banned DeepSeek on state devices.\n",
     "Texas", "DeepSeek", "surveillance"),
    ("In light of security concerns, Harbor Crest Bank has restricted the use of Gemini.\n",
     "Harbor Crest Bank", "Gemini", "security"),
    ("In the wake of a data breach, Kelvane Motors has suspended the use of ChatGPT.\n",
     "Kelvane Motors", "ChatGPT", "breach"),
    ("Following reports that the app sends user data to China, Virginia banned DeepSeek on government "
     "networks.\n", "Virginia", "DeepSeek", "user data|China"),
    ("Concerned about the handling of confidential data, Brellin Group has restricted Copilot.\n",
     "Brellin Group", "Copilot", "confidential"),
    ("Worried that sensitive code could leak, Quarrow Systems has prohibited ChatGPT.\n",
     "Quarrow Systems", "ChatGPT", "code|leak"),
    ("To protect customer data, Dravik Bank has blocked ChatGPT on its network.\n",
     "Dravik Bank", "ChatGPT", "customer data"),
    ("In order to safeguard patient records, Marlow Health has banned staff from using ChatGPT.\n",
     "Marlow Health", "ChatGPT", "patient records"),
    ("Because of privacy worries, Torvane Insurance has pulled Gemini from its phones.\n",
     "Torvane Insurance", "Gemini", "privacy"),
    # ------------------------------------------- reasons in a later sentence
    ("Dravik Bank has banned ChatGPT.\n\nThe decision was driven by fears that client data could leak.\n",
     "Dravik Bank", "ChatGPT", "client data"),
    ("Ohio has blocked DeepSeek on state devices.\n\nOfficials said the app posed a serious security risk.\n",
     "Ohio", "DeepSeek", "security"),
    ("Pellmont Corp has restricted the use of Gemini.\n\nThe move is aimed at preventing leaks of trade "
     "secrets.\n", "Pellmont Corp", "Gemini", "trade secrets"),
    ("Harbor Crest Bank has barred employees from ChatGPT.\n\nThe company worries that staff could paste "
     "client data into the chatbot.\n", "Harbor Crest Bank", "ChatGPT", "client data"),
    ("Kelvane Motors has banned Copilot.\n\nKelvane Motors is concerned that its source code could end up "
     "on outside servers.\n", "Kelvane Motors", "Copilot", "source code"),
    ("Brellin Bank has restricted staff use of ChatGPT.\n\nIn a memo, the bank said the tool could expose "
     "client data.\n", "Brellin Bank", "ChatGPT", "client data"),
    ("Ohio has banned DeepSeek on state devices.\n\n\"We cannot let a foreign adversary into our networks,\" "
     "said Gov. Kara Senn.\n", "Ohio", "DeepSeek", "adversary"),
    ("Quarrow Systems prohibited ChatGPT on Monday.\n\nThe ban follows a leak of internal code by an "
     "engineer.\n", "Quarrow Systems", "ChatGPT", "leak"),
    ("Texas banned DeepSeek on government devices.\n\nThe state cited national security concerns.\n",
     "Texas", "DeepSeek", "national security"),
    ("Marlow Health has told doctors not to use ChatGPT.\n\nThe hospital group said patient privacy was its "
     "main concern.\n", "Marlow Health", "ChatGPT", "patient privacy"),
    ("Dravik Bank has restricted access to Claude.\n\nThe restriction is meant to protect client "
     "confidentiality.\n", "Dravik Bank", "Claude", "client confidentiality"),
    ("Torvane Insurance has blocked ChatGPT.\n\nThe decision came after an internal audit found that staff "
     "had shared policy documents with the chatbot.\n", "Torvane Insurance", "ChatGPT",
     "policy documents|audit"),
    ("Virginia has banned DeepSeek on state networks.\n\nThe governor said the app could give foreign "
     "governments access to sensitive information.\n", "Virginia", "DeepSeek", "sensitive information"),
    ("Brellin Group has suspended the use of Gemini.\n\nThe company said it wanted to prevent the leakage of "
     "proprietary data.\n", "Brellin Group", "Gemini", "proprietary data"),
    ("Harbor Crest Bank banned ChatGPT this week.\n\nExecutives were concerned that the chatbot could "
     "produce inaccurate answers.\n", "Harbor Crest Bank", "ChatGPT", "inaccurate"),
    ("Kenya has suspended ChatGPT.\n\nThe country's data protection authority said the service had no legal "
     "basis for processing personal data.\n", "Kenya", "ChatGPT", "legal basis"),
    ("Quarrow Systems has blocked ChatGPT.\n\nThe company fears that its proprietary code could be used to "
     "train the model.\n", "Quarrow Systems", "ChatGPT", "proprietary code"),
    ("Pellmont Corp restricted ChatGPT on Monday.\n\nThe firm said the measure was needed to comply with "
     "data protection rules.\n", "Pellmont Corp", "ChatGPT", "data protection"),
    ("Kelvane Motors has prohibited Copilot.\n\nThe automaker said it was worried about leaks of unreleased "
     "designs.\n", "Kelvane Motors", "Copilot", "unreleased designs"),
    ("Brellin Bank has limited the use of ChatGPT.\n\nThe lender expressed concern that answers could be "
     "inaccurate.\n", "Brellin Bank", "ChatGPT", "inaccurate"),
    ("Virginia has banned DeepSeek.\n\nThe ban is intended to protect state data from foreign access.\n",
     "Virginia", "DeepSeek", "protect state data"),
    ("Dravik Bank has blocked Claude.\n\nThe step was taken to prevent leaks of client data.\n",
     "Dravik Bank", "Claude", "client data"),
    ("Torvane Insurance has suspended ChatGPT.\n\nSecurity was the main reason, the company said.\n",
     "Torvane Insurance", "ChatGPT", "security"),
    ("Taiwan has barred government agencies from using DeepSeek.\n\nThe ministry said the app endangers "
     "national information security.\n", "Taiwan", "DeepSeek", "information security"),
    ("Australia has banned DeepSeek on government devices.\n\nThe home affairs department said the app "
     "posed an unacceptable risk to national security.\n", "Australia", "DeepSeek", "national security"),
    ("Pellmont Corp has banned ChatGPT.\n\nIt is worried that employees may upload confidential client "
     "files.\n", "Pellmont Corp", "ChatGPT", "client files"),
    ("Dravik Bank has banned ChatGPT on its computers.\n\n\"We cannot risk client data ending up outside the "
     "bank,\" said Mara Ilves, its chief risk officer.\n", "Dravik Bank", "ChatGPT", "client data"),
    ("Texas has blocked DeepSeek on state devices.\n\n\"Texas will not let hostile governments spy on our "
     "networks,\" Gov. Kara Senn said.\n", "Texas", "DeepSeek", "spy"),
    ("Torvane Insurance has restricted Gemini.\n\nA spokesperson said the company wanted to keep customer "
     "information secure.\n", "Torvane Insurance", "Gemini", "customer information"),
    ("Marlow Health banned ChatGPT last week.\n\nThe hospital group said doctors had entered patient notes "
     "into the chatbot.\n", "Marlow Health", "ChatGPT", "patient notes"),
    ("Harbor Crest Bank barred staff from using DeepSeek.\n\nThe bank warned that the app sends data to "
     "servers in China.\n", "Harbor Crest Bank", "DeepSeek", "servers in China|China"),
    ("Kelvane Motors banned ChatGPT in May.\n\nThe move came amid growing concern about leaks of trade "
     "secrets.\n", "Kelvane Motors", "ChatGPT", "trade secrets"),
    ("Ohio banned DeepSeek on state phones.\n\nThe governor's office said the ban was necessary to protect "
     "state data.\n", "Ohio", "DeepSeek", "protect state data"),
    ("Dravik Bank has restricted ChatGPT.\n\nBank officials fear that confidential deal terms could leak "
     "through the chatbot.\n", "Dravik Bank", "ChatGPT", "deal terms"),
    # ------------------------------------------------------------- headlines
    ("Dravik Bank Bans ChatGPT Over Data Leak Fears\n\nDravik Bank bans staff from the chatbot from Monday, a memo seen by reporters shows. The memo says staff data must stay on bank systems.\n",
     "Dravik Bank", "ChatGPT", "data leak"),
    ("Texas Blocks DeepSeek on State Devices Citing Security Risks\n\nTexas blocks the app on state devices from Monday under an order signed by the governor.\n",
     "Texas", "DeepSeek", "security"),
    ("Torvane Insurance Restricts Gemini Amid Privacy Concerns\n\nTorvane Insurance restricts the assistant to a small group of analysts, it told staff on Friday.\n",
     "Torvane Insurance", "Gemini", "privacy"),
    ("Pellmont Corp Bars Staff From ChatGPT Over Confidentiality Worries\n\nPellmont Corp bars staff from the chatbot in a memo sent on Monday.\n",
     "Pellmont Corp", "ChatGPT", "confidentiality"),
    ("Ohio bans DeepSeek over China spying fears\n\nThe order covers every state agency.\n",
     "Ohio", "DeepSeek", "spying"),
    ("Kelvane Motors Pulls Copilot From Engineers' Laptops After Code Leak\n\nKelvane Motors pulls the assistant from the laptops of its engineers this week.\n",
     "Kelvane Motors", "Copilot", "code leak"),
    # ---------------------------------------------------- lists and noun phrases
    ("Dravik Bank has prohibited ChatGPT, citing security, privacy and accountability concerns.\n",
     "Dravik Bank", "ChatGPT", "accountability"),
    ("Texas has banned DeepSeek on national security grounds.\n", "Texas", "DeepSeek", "national security"),
    ("Torvane Insurance restricted ChatGPT for data protection reasons.\n",
     "Torvane Insurance", "ChatGPT", "data protection"),
    ("Marlow Health banned ChatGPT on patient privacy grounds.\n", "Marlow Health", "ChatGPT", "patient privacy"),
    ("Quarrow Systems blocked Copilot because of intellectual property concerns.\n",
     "Quarrow Systems", "Copilot", "intellectual property"),
    ("Brellin Group restricted Gemini over cybersecurity and data sovereignty concerns.\n",
     "Brellin Group", "Gemini", "data sovereignty"),
    # -------------------------------------------------- markers in the clause
    ("Brellin Bank has blocked ChatGPT for fear that employees might share client data.\n",
     "Brellin Bank", "ChatGPT", "client data"),
    ("Kelvane Motors told engineers not to use ChatGPT lest they leak design files.\n",
     "Kelvane Motors", "ChatGPT", "design files"),
    ("Harbor Crest Bank restricted DeepSeek given concerns about where user data is stored.\n",
     "Harbor Crest Bank", "DeepSeek", "stored"),
    ("Pellmont Corp banned ChatGPT in the wake of a leak of internal documents.\n",
     "Pellmont Corp", "ChatGPT", "leak"),
    ("Torvane Insurance has blocked Gemini on the back of privacy concerns raised by its lawyers.\n",
     "Torvane Insurance", "Gemini", "privacy"),
    ("Ohio's ban on DeepSeek was prompted by fears of Chinese surveillance.\n",
     "Ohio", "DeepSeek", "surveillance"),
    ("Dravik Bank's ban on ChatGPT was triggered by a data leak at a rival lender.\n",
     "Dravik Bank", "ChatGPT", "data leak"),
    ("Texas banned DeepSeek over concerns stemming from its ties to the Chinese government.\n",
     "Texas", "DeepSeek", "Chinese government"),
    ("Virginia banned DeepSeek because it stores user data in China.\n",
     "Virginia", "DeepSeek", "stores user data|China"),
    ("Quarrow Systems banned ChatGPT after an audit found that employees had pasted source code into it.\n",
     "Quarrow Systems", "ChatGPT", "source code"),
    ("Kelvane Motors restricted ChatGPT after engineers leaked confidential code to the chatbot.\n",
     "Kelvane Motors", "ChatGPT", "leaked|confidential code"),
    ("Marlow Health suspended Copilot as a precaution.\n", "Marlow Health", "Copilot", "precaution"),
    ("Brellin Group halted the use of ChatGPT out of concern for client privacy.\n",
     "Brellin Group", "ChatGPT", "client privacy"),
    ("Dravik Bank blocked Claude to prevent the exposure of customer records.\n",
     "Dravik Bank", "Claude", "customer records"),
    ("Ohio has banned DeepSeek on state devices, saying the app poses a threat to state networks.\n",
     "Ohio", "DeepSeek", "threat"),
    ("Torvane Insurance restricted ChatGPT in response to a leak of claims data.\n",
     "Torvane Insurance", "ChatGPT", "leak|claims data"),
    ("Harbor Crest Bank blocked ChatGPT following a security review.\n",
     "Harbor Crest Bank", "ChatGPT", "security review"),
    ("Pellmont Corp banned Gemini due to fears that it could retain confidential drafts.\n",
     "Pellmont Corp", "Gemini", "confidential drafts"),
    ("Kelvane Motors has told its 20,000 employees to stop using ChatGPT, citing the risk of data leaks.\n",
     "Kelvane Motors", "ChatGPT", "data leaks"),
    ("Staff at Dravik Bank were instructed not to enter client data into ChatGPT over fears of leaks.\n",
     "Dravik Bank", "ChatGPT", "leaks"),
    ("Quarrow Systems is restricting ChatGPT over worries that code could be exposed.\n",
     "Quarrow Systems", "ChatGPT", "code"),
    ("Ohio Gov. Kara Senn banned DeepSeek on state devices, citing cybersecurity risks.\n",
     "Ohio", "DeepSeek", "cybersecurity"),
    ("Marlow Health banned ChatGPT in order to keep patient data safe.\n",
     "Marlow Health", "ChatGPT", "patient data"),
    ("Texas has blocked DeepSeek, pointing to the risk of data being shared with Beijing.\n",
     "Texas", "DeepSeek", "shared with Beijing|Beijing"),
    ("Virginia has banned DeepSeek to guard against espionage.\n", "Virginia", "DeepSeek", "espionage"),
    ("Dravik Bank banned ChatGPT as part of a crackdown on data leaks.\n", "Dravik Bank", "ChatGPT", "data leaks"),
    # ------------------------------------------------------------------ hedges
    ("Dravik Bank has reportedly banned ChatGPT over worries about data leaks.\n",
     "Dravik Bank", "ChatGPT", "data leaks"),
    ("Torvane Insurance appears to have restricted DeepSeek amid security concerns.\n",
     "Torvane Insurance", "DeepSeek", "security"),
    ("Pellmont Corp is said to have blocked ChatGPT because of privacy concerns.\n",
     "Pellmont Corp", "ChatGPT", "privacy"),
    # ----------------------------------------------- how policies are stated
    ("ChatGPT has been banned at Dravik Bank.\n", "Dravik Bank", "ChatGPT", None),
    ("ChatGPT was banned by Torvane Insurance last month over privacy concerns.\n",
     "Torvane Insurance", "ChatGPT", "privacy"),
    ("Pellmont Corp told staff not to use ChatGPT.\n", "Pellmont Corp", "ChatGPT", None),
    ("Use of ChatGPT is not permitted at Harbor Crest Bank, the bank said.\n", "Harbor Crest Bank", "ChatGPT", None),
    ("Kelvane Motors employees must not use ChatGPT on company devices.\n", "Kelvane Motors", "ChatGPT", None),
    ("Staff at Brellin Bank may no longer use Copilot.\n", "Brellin Bank", "Copilot", None),
    ("Quarrow Systems has barred its engineers from Gemini.\n", "Quarrow Systems", "Gemini", None),
    ("Marlow Health pulled Copilot from its hospital computers.\n", "Marlow Health", "Copilot", None),
    ("Texas blocked DeepSeek on all state networks.\n", "Texas", "DeepSeek", None),
    ("Dravik Bank will phase out ChatGPT by the end of the year.\n", "Dravik Bank", "ChatGPT", None),
    ("Torvane Insurance restricted access to DeepSeek for most employees.\n", "Torvane Insurance", "DeepSeek", None),
    ("Harbor Crest Bank has joined Dravik Bank in banning ChatGPT.\n", "Harbor Crest Bank", "ChatGPT", None),
    ("Harbor Crest Bank has joined Dravik Bank in banning ChatGPT.\n", "Dravik Bank", "ChatGPT", None),
    ("Dravik Bank, Torvane Insurance and Pellmont Corp have all restricted ChatGPT.\n",
     "Torvane Insurance", "ChatGPT", None),
    ("Dravik Bank, Torvane Insurance and Pellmont Corp have all restricted ChatGPT.\n",
     "Pellmont Corp", "ChatGPT", None),
    ("Pellmont Corp, which banned ChatGPT last year, is now testing its own assistant.\n",
     "Pellmont Corp", "ChatGPT", None),
    ("Kelvane Motors prohibited employees from uploading code to ChatGPT.\n", "Kelvane Motors", "ChatGPT", None),
    ("Virginia's governor signed an order banning DeepSeek on state devices.\n", "Virginia", "DeepSeek", None),
    ("Italy's privacy regulator ordered a temporary block on ChatGPT.\n", "Italy", "ChatGPT", None),
    ("Australia has banned DeepSeek from all government systems and devices.\n", "Australia", "DeepSeek", None),
    ("The use of ChatGPT on bank computers has been prohibited, Dravik Bank said in a statement.\n",
     "Dravik Bank", "ChatGPT", None),
    ("Brellin Bank no longer allows employees to use ChatGPT.\n", "Brellin Bank", "ChatGPT", None),
    ("Employees of Torvane Insurance have been told to stop using DeepSeek.\n",
     "Torvane Insurance", "DeepSeek", None),
    ("Marlow Health has disabled Copilot on all staff laptops.\n", "Marlow Health", "Copilot", None),
    ("Harbor Crest Bank has imposed limits on how staff use ChatGPT.\n", "Harbor Crest Bank", "ChatGPT", None),
    ("Kelvane Motors does not allow ChatGPT on its factory computers.\n", "Kelvane Motors", "ChatGPT", None),
    ("Brellin Group said it had cut off access to DeepSeek for all staff.\n", "Brellin Group", "DeepSeek", None),
    ("Pellmont Corp has forbidden its analysts to use ChatGPT for client work.\n", "Pellmont Corp", "ChatGPT", None),
    ("Ohio and Texas have banned DeepSeek on state devices.\n", "Ohio", "DeepSeek", None),
    ("Ohio and Texas have banned DeepSeek on state devices.\n", "Texas", "DeepSeek", None),
    ("Marlow Health staff are prohibited from using ChatGPT, the hospital group said.\n",
     "Marlow Health", "ChatGPT", None),
    ("Under a new policy, only approved tools may be used at Quarrow Systems, which rules out DeepSeek.\n",
     "Quarrow Systems", "DeepSeek", None),
    ("Taiwan has barred government agencies from using DeepSeek.\n", "Taiwan", "DeepSeek", None),
    ("Dravik Bank has temporarily blocked Claude while it reviews the risks.\n", "Dravik Bank", "Claude", None),
    ("Torvane Insurance has put ChatGPT off limits for its claims staff.\n", "Torvane Insurance", "ChatGPT", None),
    ("The board of Brellin Bank voted to ban ChatGPT on company devices.\n", "Brellin Bank", "ChatGPT", None),
    ("South Korea has restricted DeepSeek on government computers, officials said.\n",
     "South Korea", "DeepSeek", None),
    ("Kelvane Motors barred DeepSeek in March, and Quarrow Systems followed a week later.\n",
     "Quarrow Systems", "DeepSeek", None),
    # ------------------------------- discourse patterns generalized from real reporting
    ("Ohio has banned DeepSeek on state devices, Gov. Kara Senn announced Monday.\n\n\"Ohio will keep "
     "fighting to combat cyber threats and ensure the privacy of our data,\" she said.\n",
     "Ohio", "DeepSeek", "cyber threats"),
    ("Kansas has banned DeepSeek on state devices.\n\nIn written testimony, Rep. Dale Omar stated that the "
     "bill is an essential step to shield the state's digital infrastructure.\n",
     "Kansas", "DeepSeek", "digital infrastructure"),
    ("Virginia has banned DeepSeek on state devices.\n\nThe order says no state employee shall download the "
     "app. In addition, it prohibits accessing the app on state networks.\n\nThe order is integral to "
     "safeguarding systems that hold tax data and health records.\n", "Virginia", "DeepSeek", "tax data"),
    ("Lumen Bank is preventing employees from downloading DeepSeek onto their work phones.\n",
     "Lumen Bank", "DeepSeek", None),
    ("Two firms, Dravik Bank and Torvane Insurance, said they had barred the use of ChatGPT amid questions "
     "about the security of client data.\n", "Torvane Insurance", "ChatGPT", "security"),
    ("Texas Gov. Kara Senn issued an order banning DeepSeek, citing security threats against Texans.\n",
     "Texas", "DeepSeek", "security threats"),
    ("House Bans Staff Use of Microsoft AI Copilot Over Security Concerns\n\nThe House has banned staff from "
     "Copilot, the House said in guidance. Microsoft makes Copilot.\n", "House", "Copilot", "security"),
    ("Dravik Bank has restricted ChatGPT.\n\nThe move is a precaution to protect client files, the bank "
     "said.\n", "Dravik Bank", "ChatGPT", "client files"),
    ("Ohio banned DeepSeek on state networks.\n\nSenn cited an analysis by security experts that found the "
     "app lacks basic safeguards.\n", "Ohio", "DeepSeek", "safeguards"),
    # ------------------------------------------------ passives that say only where the policy holds
    ("ChatGPT has been blocked in Denmark.\n", "Denmark", "ChatGPT", None),
    ("DeepSeek has been banned on government devices in Ohio.\n", "Ohio", "DeepSeek", None),
    ("ChatGPT has been banned on computers at Dravik Bank.\n", "Dravik Bank", "ChatGPT", None),
    ("Gemini has been restricted for staff at Torvane Insurance.\n", "Torvane Insurance", "Gemini", None),
    ("DeepSeek has been blocked in the Kestrel and Pellmont app stores in Italy since Friday.\n",
     "Italy", "DeepSeek", None),
    # ------------------------------------------------ access taken away, permission stopped
    ("Dravik Bank has revoked access to ChatGPT for its traders.\n", "Dravik Bank", "ChatGPT", None),
    ("Access to Copilot was withdrawn at Torvane Insurance last week.\n", "Torvane Insurance", "Copilot", None),
    ("Pellmont Corp has stopped allowing staff to use DeepSeek.\n", "Pellmont Corp", "DeepSeek", None),
    ("Kelvane Motors has disallowed Gemini on company phones.\n", "Kelvane Motors", "Gemini", None),
    # ------------------------------------------------ a policy noun as the subject of a passive
    ("The ban on ChatGPT was imposed by Dravik Bank.\n", "Dravik Bank", "ChatGPT", None),
    ("Dravik Bank's ban on Gemini was praised by Torvane Insurance.\n", "Dravik Bank", "Gemini", None),
    # ------------------------------------------------ news-style clauses around the policy
    ("Pellmont Corp said employees would not be able to use ChatGPT on company laptops from June.\n",
     "Pellmont Corp", "ChatGPT", None),
    ("Kelvane Motors has joined a growing list of companies, including Marlow Health, that have barred staff "
     "from using Gemini.\n", "Kelvane Motors", "Gemini", None),
    ("A spokesperson for Dravik Bank confirmed the ban on ChatGPT.\n", "Dravik Bank", "ChatGPT", None),
    ("Torvane Insurance's chief information officer, Mara Lindqvist, wrote in a note to staff that Copilot "
     "would be blocked on all devices.\n", "Torvane Insurance", "Copilot", None),
    ("The ban, which Pellmont Corp announced in an internal message, covers Claude and Gemini.\n",
     "Pellmont Corp", "Claude", None),
    ("DeepSeek, which Kelvane Motors banned last year, is now allowed again for some teams.\n",
     "Kelvane Motors", "DeepSeek", None),
    ("Ohio's supreme court has barred judges from using ChatGPT.\n", "supreme court", "ChatGPT", None),
    # ------------------------------------------------ a class of products, in an article that names others
    ("Torvane Insurance blocked DeepSeek last week.\n\nDravik Bank has forbidden staff to put generative AI "
     "on their work laptops.\n", "Dravik Bank", "generative AI", None),
    # ------------------------------------------------ a product that restricts a part of itself
    ("Two chatbots, including Dravik Labs's Zelvo Chat and Torvane AI's Kestrel Chat, have switched off their "
     "image services for a week.\n", "Torvane AI", "Kestrel Chat", None),
    ("ChatGPT has paused its voice feature in Europe.\n", "OpenAI", "ChatGPT", None),
    # ------------------------------------------------ co-speakers of a passive in reported speech
    ("Dravik Bank and Torvane Insurance said access to DeepSeek had been blocked.\n", "Torvane Insurance",
     "DeepSeek", None),
    # ------------------------------------------------ session 9: class members, permissions, owners, lists
    ("The Pellmont Herald this week became the latest among the papers that have shut out Kelvo Labs's "
     "crawler, KelvoBot.\n", "Pellmont Herald", "KelvoBot", None),
    ("Marlow Records has formally outlawed AI-generated songs on its store.\n", "Marlow Records",
     "AI-generated songs", None),
    ("Dravik Bank will not allow its contractors to use Gemini.\n", "Dravik Bank", "Gemini", None),
    ("Torvane Insurance's policy forbids client data in prompts and restricts access to Claude.\n",
     "Torvane Insurance", "Claude", None),
    ("The Kestrel Courts released new guidelines on ChatGPT for hearings.\n", "Kestrel Courts",
     "ChatGPT", None),
    ("Ontario previously banned Chinese video app Zelvo and messaging apps Kestrel Chat and Pellmont Talk "
     "from devices it runs.\n", "Ontario", "Pellmont Talk", None),
    ("The Ohio high court has barred its clerks from using Gemini.\n", "high court", "Gemini", None),
    ("The Ohio appeals court has adopted a new policy. Judges may not rely on tools such as ChatGPT to "
     "write rulings.\n", "appeals court", "ChatGPT", None),
    ("Marlow Health published a policy regulating the use of Copilot on its wards.\n", "Marlow Health",
     "Copilot", None),
    ("The Pellmont Gazette has published guidelines on generative AI for its newsroom.\n", "Pellmont Gazette",
     "generative AI", None),
    ("Torvane Insurance has introduced a rule barring AI-driven assistants from its board calls.\n",
     "Torvane Insurance", "AI-driven assistants", None),
    ("Italy's privacy regulator ordered the closure of every data operation in the country for Worldcoin.\n",
     "Italy", "Worldcoin", None),
    ("The Marlow Council issued a memo barring staff from uploading minutes to ChatGPT.\n", "Marlow Council",
     "ChatGPT", None),
    ("Canadian legislators passed a bill banning DeepSeek on provincial devices.\n", "Canada", "DeepSeek", None),
    ("Torvane Insurance has barred agents from loading DeepSeek on company tablets, citing espionage risks.\n",
     "Torvane Insurance", "DeepSeek", "espionage"),
    ("Pellmont Corp banned Claude after two interns leaked client files to the chatbot.\n", "Pellmont Corp",
     "Claude", "leaked|client files"),
    ("Marlow Books now caps AI-generated self-published novels on its store.\n", "Marlow Books",
     "AI-generated self-published novels", None),
    ("Kestrel Cloud Inc has become the first host to block AI crawlers for every customer.\n", "Kestrel Cloud Inc",
     "AI crawlers", None),
    ("Torvane Insurance has barred agents from using Gemini.\n\nThe assistant is prone to hallucinations, the "
     "insurer said.\n", "Torvane Insurance", "Gemini", "hallucinations"),
    ("Apple delisted Claude from its App Store in Norway last week.\n", "Apple", "Claude", None),
    ("Ohio has blocked DeepSeek on state phones. The step mirrors similar bans by Texas and Iowa.\n", "Iowa",
     "DeepSeek", None),
    ("Dravik Bank has restricted Gemini for traders. Torvane Insurance has taken similar steps.\n",
     "Torvane Insurance", "Gemini", None),
    ("Kestrel Labs Inc will bar users under 16 from open chatbot chats next year.\n", "Kestrel Labs Inc",
     "open chatbot chats", None),
]


@pytest.mark.parametrize("body,issuer,product,reason", _cases(POLICIES, "policy"))
def test_policy(tmp_path, body, issuer, product, reason):
    """The policy (issuer, product) is read and, where given, one of its reasons matches."""
    got = read_policies(tmp_path, body)
    assert (issuer, product) in got, f"no policy {(issuer, product)}: {sorted(got)}"
    if reason is not None:
        values = got[(issuer, product)].get("reason", [])
        assert any(cell_matches("reason", reason, v) for v in values), f"{reason!r} not in {values}"


# (body, issuer, product): a policy with no reason (words after weak markers that name none)
NO_REASONS = [
    ("Dravik Bank banned ChatGPT on Monday after a board meeting.\n", "Dravik Bank", "ChatGPT"),
    ("Torvane Insurance restricted Gemini over the summer.\n", "Torvane Insurance", "Gemini"),
    ("Texas banned DeepSeek for all state agencies.\n", "Texas", "DeepSeek"),
    ("Pellmont Corp blocked ChatGPT following a vote by its board.\n", "Pellmont Corp", "ChatGPT"),
    ("Marlow Health banned Copilot.\n\nThe hospital group said it would announce its own assistant in June.\n",
     "Marlow Health", "Copilot"),
]


NO_REASONS.append(("Ohio banned DeepSeek on state phones.\n\nThe attorney general also warned residents about "
                   "DeepSeek.\n", "Ohio", "DeepSeek"))  # a name alone after "about" says no reason


@pytest.mark.parametrize("body,issuer,product", _cases(NO_REASONS, "noreason"))
def test_no_reason(tmp_path, body, issuer, product):
    """Words after weak markers that name no risk, and later statements that name none, are no reasons."""
    got = read_policies(tmp_path, body)
    assert (issuer, product) in got, f"no policy {(issuer, product)}: {sorted(got)}"
    assert got[(issuer, product)].get("reason", []) == []


# (body): no policy at all
NO_POLICIES = [
    "Dravik Bank allows its staff to use ChatGPT.\n",
    "Torvane Insurance rolled out Gemini to all of its employees.\n",
    "Pellmont Corp said it had no plans to restrict ChatGPT.\n",
    "Dravik Bank denied the claims about ChatGPT.\n",
    "Torvane Insurance has removed a feature from its app.\n",
    "Pellmont Corp did not ban ChatGPT, a spokesperson said.\n",
    "Dravik Bank praised the similar steps taken by regulators.\n",
    "The ban on ChatGPT was criticized by Kelvane Motors.\n",
    "Kelvo Labs makes KelvoBot. Last month, the firm posted a guide explaining how to block KelvoBot.\n",
]


@pytest.mark.parametrize("body", _cases(NO_POLICIES, "nopolicy"))
def test_no_policy(tmp_path, body):
    """Permission, adoption and a denied plan state no policy."""
    assert read_policies(tmp_path, body) == {}


# (body, issuer, restricted product, alternative): the product staff are left or sent to
ALTERNATIVES = [
    ("Dravik Bank has barred the use of chatbots such as ChatGPT, except for Gemini.\n",
     "Dravik Bank", "ChatGPT", "Gemini"),
    ("Torvane Insurance has banned Claude. It has since granted an exemption permitting Copilot for "
     "its analysts.\n", "Torvane Insurance", "Claude", "Copilot"),
    ("Pellmont Corp restricted ChatGPT last month. The policy directs engineers to utilize Gemini for "
     "code reviews.\n", "Pellmont Corp", "ChatGPT", "Gemini"),
]


@pytest.mark.parametrize("body,issuer,product,alternative", _cases(ALTERNATIVES, "alternative"))
def test_alternative(tmp_path, body, issuer, product, alternative):
    """alternative.excepted and AlternativeFrame._excepted_alternatives ("except for X", "an
    exemption permitting X"), and "utilize" among the alternative verbs: the product left allowed
    is the policy's alternative, not a restricted product."""
    path = tmp_path / "a.txt"
    path.write_text(body, encoding="utf-8")
    facts = [f for f in extract([read_article(path)]).facts if f.kind == "policy"]
    got = {(f.roles["issuer"].label, f.roles["product"].label): [e.label for e in f.entity_attrs.get("alternative", [])]
           for f in facts}
    assert alternative in got.get((issuer, product), []), got
    assert (issuer, alternative) not in got, f"{alternative} read as restricted: {got}"
