"""A battery of invented news sentences on data collection (cq05), stated purposes (cq06)
and non-responses (cq10), read end to end by the real model.

Every company, product and person is invented; no sentence is taken from an article.
Each case is a short article: a fixed first paragraph that introduces the maker
(Lumora Labs), its chatbot (Quillpoint) and a second company (Tarsen Systems), then
the sentence under test. Expectations are written like gold rows of the contract:
``|``-separated alternatives, matched as the scorer matches descriptive columns
(:func:`kg.query.evaluate.cell_matches`: every word of one alternative begins a word of the
returned value). Signals must also be short noun phrases (the annotation guidelines'
"short key words"): at most :data:`MAX_SIGNAL_WORDS` words, no relative clause and
no place they are kept in.

The rules under test live in :mod:`kg.extract.collection_news` (collecting verbs,
passives, transfers, permissions, "data collected includes", purposes with their
speaker), :mod:`kg.extract.collection` and :mod:`kg.extract.nonresponse`.
"""

from __future__ import annotations

import pytest

from kg.extract.extraction import extract
from kg.query.evaluate import cell_matches
from kg.io.corpus import read_article

HEAD = ("Lumora Labs, a software company based in Oslo, released its chatbot Quillpoint on Monday. "
        "Tarsen Systems, a rival firm, makes the Murmurix meeting recorder.\n\n")

#: a signal is a short noun phrase ("IP addresses", "voice recordings")
MAX_SIGNAL_WORDS = 5
#: words no signal may contain: a place data is kept in, a relative clause, a clause's verb
JUNK = {"servers", "server", "which", "that", "who", "are", "is", "was", "were", "every", "each"}

QUILL = "Quillpoint"
DRIFT = "Murmurix"

#: cases the readers do not read yet, with what is missing (strict: a case that starts to pass
#: fails the run until it is taken off this list)
OPEN = {
    "signal01": "'Quillpoint stores' tagged as a noun phrase and 'chat' as a verb",
    "signal06": "'logs' tagged as a noun after the product",
    "signal22": "second verb of a coordination ('and stores the transcripts')",
    "signal23": "the product name tagged as an adverb",
    "signal25": "'the data P collects includes ...' (a relative clause without a pronoun)",
    "signal27": "'ranges from A to B'",
    "signal29": "'transmits' tagged as a noun",
    "signal30": "'shares' tagged as a noun",
    "signal31": "'addresses' tagged as a verb after a transfer verb",
    "signal37": "'the company' in a privacy policy's statement resolved to the other company",
    "signal50": "a bullet with an adjective and a noun",
    "purpose01": "'stores' tagged as a noun",
    "purpose06": "'meant to let users ...' on a plural data noun",
    "purpose12": "'Tarsen Systems says it uses' for its product Murmurix",
    "purpose18": "a second 'to' clause",
    "purpose19": "'used for safety and integrity purposes'",
}


def _cases(rows, prefix: str) -> list:
    """pytest params with ids ``<prefix>NN``; the ones in :data:`OPEN` are strict xfails."""
    out = []
    for n, row in enumerate(rows):
        case = f"{prefix}{n:02d}"
        marks = [pytest.mark.xfail(strict=True, reason=OPEN[case])] if case in OPEN else []
        out.append(pytest.param(*(row if isinstance(row, tuple) else (row,)), id=case, marks=marks))
    return out


def _read(tmp_path, body: str):
    path = tmp_path / "a.txt"
    path.write_text(HEAD + body, encoding="utf-8")
    return extract([read_article(path)]).facts


def _collections(facts) -> list[tuple[str, list[str], list[str], list[str]]]:
    """(product, signals, purposes, stated_by labels) of every collection fact."""
    return [(f.roles["product"].label, f.attrs.get("signal", []), f.attrs.get("purpose", []),
             [e.label for e in f.entity_attrs.get("stated_by", [])])
            for f in facts if f.kind == "collection"]


# ----------------------------------------------------------------- signals
# (body, product, expected signals as gold cells)
SIGNALS = [
    # collecting verbs with a list of objects
    ("Quillpoint collects keystrokes, IP addresses and device models.\n", QUILL,
     ["keystrokes", "IP addresses", "device models"]),
    ("Quillpoint gathers chat histories and voice recordings from its users.\n", QUILL,
     ["chat histories", "voice recordings"]),
    ("The chatbot harvests the browsing history of everyone who installs it.\n", QUILL, ["browsing history"]),
    ("Quillpoint records every conversation users have with the chatbot.\n", QUILL, ["conversation"]),
    ("Quillpoint stores user prompts on servers in Kestria.\n", QUILL, ["user prompts|prompts"]),
    ("Quillpoint tracks the precise location of its users.\n", QUILL, ["location"]),
    ("Quillpoint logs every keystroke typed into the app.\n", QUILL, ["keystroke"]),
    ("Quillpoint takes screenshots of whatever the display shows every five seconds.\n", QUILL, ["screenshots"]),
    ("The app can access your contacts, location and photos.\n", QUILL, ["contacts", "location", "photos"]),
    ("Quillpoint reads the clipboard whenever the app is opened.\n", QUILL, ["clipboard"]),
    ("Quillpoint scans users' emails and their attachments.\n", QUILL, ["emails", "attachments"]),
    ("Quillpoint monitors network traffic on the phones it is installed on.\n", QUILL, ["network traffic"]),
    ("Quillpoint retains voice recordings for up to three years.\n", QUILL, ["voice recordings"]),
    ("Quillpoint continuously captures audio from the phone's microphone.\n", QUILL, ["audio"]),
    ("The Quillpoint app uploads users' photos to the cloud.\n", QUILL, ["photos"]),
    ("Quillpoint has been harvesting users' biometric data, including face scans.\n", QUILL,
     ["biometric data", "face scans"]),
    ("Quillpoint collected excessive personal information from its users, the regulator said.\n", QUILL,
     ["personal information"]),
    ("Quillpoint also collects information about users' devices, such as the operating system and "
     "the screen resolution.\n", QUILL, ["operating system", "screen resolution"]),
    ("Quillpoint collects data such as browsing history, search queries and location.\n", QUILL,
     ["browsing history", "search queries", "location"]),
    ("Quillpoint, which collects users' contacts and call logs, was removed from the store last week.\n",
     QUILL, ["contacts", "call logs"]),
    ("Researchers found that Quillpoint collects keystrokes and mouse movements.\n", QUILL,
     ["keystrokes", "mouse movements"]),
    ("Security researchers said the chatbot secretly records what users type, including passwords.\n", QUILL,
     ["passwords"]),
    ("Murmurix, the meeting recorder, records users' calls and stores the transcripts.\n", DRIFT,
     ["calls", "transcripts"]),
    ("Murmurix captures the audio of every meeting it joins.\n", DRIFT, ["audio"]),
    # "data collected includes ..."
    ("Data collected by Quillpoint includes phone numbers, email addresses and payment details.\n", QUILL,
     ["phone numbers", "email addresses", "payment details"]),
    ("The data Quillpoint collects includes device identifiers and crash logs.\n", QUILL,
     ["device identifiers", "crash logs"]),
    ("Information gathered by the app includes the IP address, the device model and keystroke patterns.\n",
     QUILL, ["IP address", "device model", "keystroke patterns"]),
    ("The information collected by Quillpoint ranges from chat logs to location data.\n", QUILL,
     ["chat logs", "location data"]),
    # transfers
    ("Quillpoint sends keystroke data to servers in Kestria.\n", QUILL, ["keystroke data|keystroke"]),
    ("Quillpoint transmits users' chat logs to servers in Kestria, researchers found.\n", QUILL, ["chat logs"]),
    ("Quillpoint shares location data with advertisers.\n", QUILL, ["location data|location"]),
    ("The app sends device information and IP addresses to a server controlled by Lumora Labs.\n", QUILL,
     ["device information", "IP addresses"]),
    # permissions
    ("The app requests permission to access the camera and the microphone.\n", QUILL,
     ["camera", "microphone"]),
    ("Quillpoint asks for access to users' contacts and calendars.\n", QUILL, ["contacts", "calendars"]),
    ("Quillpoint has access to users' messages and call history.\n", QUILL, ["messages", "call history"]),
    # the maker's privacy policy
    ("Lumora Labs' privacy policy says it collects users' names, birth dates and voice recordings.\n", QUILL,
     ["names", "birth dates", "voice recordings"]),
    ("According to its privacy policy, Quillpoint collects IP addresses and cookies.\n", QUILL,
     ["IP addresses", "cookies"]),
    ("Quillpoint's privacy policy states that the company may collect users' chat history.\n", QUILL,
     ["chat history"]),
    # passives
    ("Quillpoint collects chat logs. User data is stored on servers in Kestria.\n", QUILL,
     ["chat logs", "user data|data"]),
    ("Voice recordings are collected by Quillpoint and kept for three years.\n", QUILL, ["voice recordings"]),
    ("Chat histories from Quillpoint are stored on servers located in Kestria.\n", QUILL, ["chat histories"]),
    ("Users' keystrokes are recorded by the app.\n", QUILL, ["keystrokes"]),
    # added to requests
    ("Quillpoint adds a hidden identifier to every request it sends.\n", QUILL, ["identifier"]),
    ("Quillpoint injects the user's time zone into prompts.\n", QUILL, ["time zone"]),
    ("Quillpoint appends the device's language setting to each query.\n", QUILL, ["language setting"]),
    # nouns
    ("Quillpoint's collection of location data, contacts and call logs drew criticism.\n", QUILL,
     ["location data", "contacts", "call logs"]),
    ("The regulator questioned the harvesting of face images by Quillpoint.\n", QUILL, ["face images"]),
    # the company standing for its product
    ("Lumora Labs collects the voice recordings of Quillpoint users.\n", QUILL, ["voice recordings"]),
    ("Lumora Labs said it uses users' conversations to train its models.\n", QUILL, ["conversations"]),
    ("Lumora Labs trains Quillpoint on public posts and comments.\n", QUILL, ["public posts|posts", "comments"]),
    # bullets introduced by a line ending in a colon
    ("The app collects:\n\n- IP addresses\n\n- device identifiers\n\n- precise location\n", QUILL,
     ["IP addresses", "device identifiers", "location"]),
    # session 9: the training phrase on the object, "data from X", data used for a goal
    ("Quillpoint trains ranking models on customer tickets and call notes.\n", QUILL,
     ["customer tickets|tickets", "call notes"]),
    ("Quillpoint uses data from customer calendars to train its assistant.\n", QUILL, ["calendars|customer calendars"]),
    ("Quillpoint uses metadata such as the hour of day to suggest replies.\n", QUILL, ["metadata"]),
]


@pytest.mark.parametrize("body,product,signals", _cases(SIGNALS, "signal"))
def test_signal(tmp_path, body, product, signals):
    """Collecting verbs, lists, passives, transfers, permissions, additions to requests,
    "data collected includes ...": every expected signal, as a short noun phrase."""
    got = _collections(_read(tmp_path, body))
    values = [s for p, sigs, _, _ in got if p == product for s in sigs]
    for want in signals:
        assert any(cell_matches("signal", want, v) for v in values), f"{want!r} not in {got}"
    for v in values:
        words = v.lower().split()
        assert len(words) <= MAX_SIGNAL_WORDS and not JUNK & set(words), f"not a short noun phrase: {v!r}"


# (body, product whose signals must be empty or absent)
NO_SIGNALS = [
    "Quillpoint does not collect location data, Lumora Labs said.\n",
    "Lumora Labs gathered reporters at its headquarters in Oslo on Monday.\n",
    "Quillpoint never stores users' chats, according to the company.\n",
    "Lumora Labs collected an industry award for Quillpoint last year.\n",
    "Analysts tracked the growth of Quillpoint across schools in Kestria.\n",
    "Quillpoint uses a large language model to answer questions.\n",
    "Tarsen Systems accused Lumora Labs of using its models to build a rival chatbot.\n",
]


@pytest.mark.parametrize("body", _cases(NO_SIGNALS, "nosignal"))
def test_no_signal(tmp_path, body):
    """Negated collection, other objects of collecting verbs and other agents give no signal."""
    got = _collections(_read(tmp_path, body))
    assert not [s for _, sigs, _, _ in got for s in sigs], got


# ---------------------------------------------------------------- purposes
# (body, product, expected purpose, expected stated_by or None for "not checked")
PURPOSES = [
    ("Lumora Labs said Quillpoint collects location data to improve its recommendations.\n", QUILL,
     "improve recommendations", "Lumora Labs"),
    ("Quillpoint stores chat histories in order to train future models, the company said.\n", QUILL,
     "train", "Lumora Labs"),
    ("Quillpoint collects browsing history. Lumora Labs says it uses the data to personalise ads.\n", QUILL,
     "personalise ads", "Lumora Labs"),
    ("Quillpoint collects browsing history. The data is used for advertising, according to Lumora Labs.\n",
     QUILL, "advertising", "Lumora Labs"),
    ("Quillpoint records payment details. The company said the data helps Quillpoint detect fraud.\n", QUILL,
     "detect fraud", "Lumora Labs"),
    ("Quillpoint takes screenshots of the screen. The feature is designed to help users find old "
     "documents, Lumora Labs said.\n", QUILL, "find old documents", "Lumora Labs"),
    ("Quillpoint captures screenshots every few seconds. The screenshots are meant to let users search "
     "their past activity, the company said.\n", QUILL, "search past activity", "Lumora Labs"),
    ("Quillpoint records voice commands. Lumora Labs said the recordings are intended to improve speech "
     "recognition.\n", QUILL, "improve speech recognition", "Lumora Labs"),
    ("Quillpoint collects voice samples to verify users' identities, Lumora Labs said.\n", QUILL,
     "verify identities", "Lumora Labs"),
    ("Quillpoint collects device identifiers. Lumora Labs said it collects the information for security "
     "purposes.\n", QUILL, "security", "Lumora Labs"),
    ("Quillpoint collects payment details. According to Lumora Labs, the data is collected to prevent "
     "fraud.\n", QUILL, "prevent fraud", "Lumora Labs"),
    ("Quillpoint tracks the location of its users. Lumora Labs spokeswoman Mara Lindqvist said the location "
     "data helps the app suggest nearby events.\n", QUILL, "suggest nearby events",
     "Lumora Labs|Mara Lindqvist"),
    ("Murmurix records every meeting. Tarsen Systems says it uses the recordings to improve its "
     "transcription service.\n", DRIFT, "improve transcription", "Tarsen Systems"),
    ("Quillpoint stores users' chats. Lumora Labs said the data would be used to train its AI models.\n",
     QUILL, "train", "Lumora Labs"),
    ("Quillpoint collects location data so that it can show local weather, the company said.\n", QUILL,
     "show local weather", "Lumora Labs"),
    ("Quillpoint stores user prompts. Lumora Labs said it gathers the data for the purpose of improving "
     "the service.\n", QUILL, "improving service|improve service", "Lumora Labs"),
    ("Quillpoint collects browsing history. The information is used to tailor advertising, Lumora Labs "
     "said in a statement.\n", QUILL, "tailor advertising", "Lumora Labs"),
    ("Quillpoint scans incoming messages. Lumora Labs said in a blog post that the feature aims to protect "
     "users from scams.\n", QUILL, "protect users from scams", "Lumora Labs"),
    ("Quillpoint collects users' posts. The company said it uses the posts to train Quillpoint and to "
     "personalise the service.\n", QUILL, "personalise", "Lumora Labs"),
    ("Quillpoint scans faces in uploaded photos. Lumora Labs said the scans are used for safety and "
     "integrity purposes.\n", QUILL, "safety", "Lumora Labs"),
    ("Quillpoint records users' conversations. Lumora Labs says the recordings help it improve the "
     "chatbot's answers.\n", QUILL, "improve answers", "Lumora Labs"),
    ("According to Lumora Labs, Zelvo Chat records screenshots so that users can find past activity.\n",
     "Zelvo Chat", "find past activity", "Lumora Labs"),
    ("Lumora Labs says Quillpoint collects photos for the purpose of detecting abuse.\n", QUILL,
     "detecting abuse|detect abuse", "Lumora Labs"),
    ("Lumora Labs said Quillpoint collects location data for the purposes of advertising.\n", QUILL,
     "advertising", "Lumora Labs"),
]


@pytest.mark.parametrize("body,product,purpose,stated_by", _cases(PURPOSES, "purpose"))
def test_purpose(tmp_path, body, product, purpose, stated_by):
    """Purposes its maker gives: "to V", "in order to", "so that", "used for", "helps",
    "designed/meant/intended to", "for ... purposes", in the collecting sentence or the next,
    with the maker (or its spokesperson) who says so."""
    got = _collections(_read(tmp_path, body))
    rows = [(pur, by) for p, _, purs, by in got if p == product for pur in purs]
    hits = [by for pur, by in rows if cell_matches("purpose", purpose, pur)]
    assert hits, f"{purpose!r} not in {got}"
    assert any(any(cell_matches("stated_by", stated_by, b) or b in stated_by.split("|") for b in by)
               for by in hits), f"stated_by {stated_by!r} not in {got}"


NO_PURPOSES = [
    "Critics say Quillpoint collects location data to sell ads.\n",
    "The Kestrian regulator said Lumora Labs processed user data to train Quillpoint without consent.\n",
    "Quillpoint collects location data. Lumora Labs said it plans to expand to Brazil next year.\n",
]


@pytest.mark.parametrize("body", _cases(NO_PURPOSES, "nopurpose"))
def test_no_purpose(tmp_path, body):
    """A purpose someone else attributes to the maker, or a plan that is no purpose of collected data."""
    got = _collections(_read(tmp_path, body))
    assert not [pur for _, _, purs, _ in got for pur in purs], got


# ----------------------------------------------------------- non-responses
# (body, party, matter)
NONRESPONSES = [
    ("Lumora Labs did not respond to a request for comment.\n", "Lumora Labs", "comment"),
    ("Lumora Labs declined to comment on the report.\n", "Lumora Labs", "report"),
    ("Lumora Labs did not immediately reply to an email seeking comment.\n", "Lumora Labs", "email|comment"),
    ("Representatives of Lumora Labs could not be reached for comment.\n", "Lumora Labs", "comment"),
    ("Lumora Labs has not addressed the privacy concerns.\n", "Lumora Labs", "privacy concerns"),
    ("Lumora Labs declined to say how long the data is stored.\n", "Lumora Labs", "how long"),
    ("Tarsen Systems did not return a request for comment.\n", "Tarsen Systems", "comment"),
    ("A spokesperson for Lumora Labs declined to comment.\n", "Lumora Labs", "comment"),
    ("Lumora Labs did not explain its decision.\n", "Lumora Labs", "decision"),
    ("Neither Lumora Labs nor Tarsen Systems responded to requests for comment.\n", "Lumora Labs", "comment"),
    ("Neither Lumora Labs nor Tarsen Systems responded to requests for comment.\n", "Tarsen Systems", "comment"),
    ("Lumora Labs has yet to respond to the findings.\n", "Lumora Labs", "findings"),
    ("Lumora Labs did not immediately reply to an AFP request for comment late on Sunday.\n", "Lumora Labs",
     "comment"),
    ("Lumora Labs, which did not respond to questions about the app, removed it on Friday.\n", "Lumora Labs",
     "questions"),
    ("Oren Talbot, the chief executive of Lumora Labs, declined to discuss the company's data practices.\n",
     "Oren Talbot|Talbot", "data practices"),
    ("Lumora Labs was not immediately available for comment.\n", "Lumora Labs", "comment"),
    ("Lumora Labs did not answer questions about who can access the recordings.\n", "Lumora Labs",
     "questions|who can access"),
    ("When asked about the data transfers, Lumora Labs declined to comment.\n", "Lumora Labs",
     "comment|data transfers"),
    ("Lumora Labs did not reply to emailed questions from the newspaper.\n", "Lumora Labs", "questions"),
    ("Tarsen Systems would not say which products were affected.\n", "Tarsen Systems", "products"),
    ("Lumora Labs did not disclose how the data is processed.\n", "Lumora Labs", "processed"),
]


def _nonresponses(facts) -> list[tuple[str, list[str]]]:
    return [(f.roles["party"].label, f.attrs.get("matter", [])) for f in facts if f.kind == "nonresponse"]


@pytest.mark.parametrize("body,party,matter", _cases(NONRESPONSES, "nonresponse"))
def test_nonresponse(tmp_path, body, party, matter):
    """Did not respond / reply / return, declined to, could not be reached, was not available,
    has not addressed, would not say: the party (a spokesperson's organization) and the matter."""
    got = _nonresponses(_read(tmp_path, body))
    assert any(p in party.split("|") and any(cell_matches("matter", matter, m) for m in ms) for p, ms in got), got


NO_NONRESPONSES = [
    "Reuters could not independently verify the report.\n",
    "Lumora Labs responded to the complaint in a statement on Friday.\n",
    "Lumora Labs told staff to refrain from using rival chatbots.\n",
]


@pytest.mark.parametrize("body", _cases(NO_NONRESPONSES, "nononresponse"))
def test_no_nonresponse(tmp_path, body):
    """A news organization's own checks, an answer given, and a rule are no non-responses."""
    assert _nonresponses(_read(tmp_path, body)) == []


def test_nonresponse_day_is_no_matter(tmp_path):
    """NonResponseFrame._matters: a date after the request ("... for comment on Monday") says
    when, and is no matter of its own."""
    got = _nonresponses(_read(tmp_path, "Tarsen Systems did not respond to our queries on Monday.\n"))
    matters = [m for p, ms in got if p == "Tarsen Systems" for m in ms]
    assert matters and not any(m.strip().lower() == "monday" for m in matters), got
