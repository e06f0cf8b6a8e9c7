"""English lexicon rules grown from the training split's misses, pinned.

Each case is a sentence shortened from the training post that taught the rule (or, for
the few phrases named in the lexicon brief itself, the brief's own example), the phrase
the rule matches, and the kind it must be found with.
"""

from __future__ import annotations

import pytest

from teamcredit.analysis.framing import analyze_framing
from teamcredit.analysis.models import SignalKind
from tests.support.signals import kinds_of, weights_of

PROMOTION = SignalKind.SELF_PROMOTION
SELF = SignalKind.SELF_REFERENCE
CLAIM = SignalKind.ACHIEVEMENT_CLAIM
VULNERABILITY = SignalKind.PERFORMATIVE_VULNERABILITY
WE = SignalKind.COLLECTIVE_REFERENCE
TEAM = SignalKind.TEAM_REFERENCE
THANKS = SignalKind.GRATITUDE


CASES = [
    # Career events and self-promotion.
    ("I just got promoted to senior software engineer.", "I just got promoted", PROMOTION),
    ("I got a promotion today.", "I got a promotion", PROMOTION),
    ("I was nominated for an Individual Award of Excellence.", "I was nominated", PROMOTION),
    ("Much to my surprise, I was honored with an award.", "I was honored", PROMOTION),
    ("The call was to let me know I had been chosen.", "I had been chosen", PROMOTION),
    ("The crew had got together and nominated me.", "nominated me", PROMOTION),
    ("The committee congratulated me and told me I passed.", "congratulated me", PROMOTION),
    ("Every parent spoke to me, thanking me for the fire.", "thanking me", PROMOTION),
    ("Every single person said that they would miss me.", "miss me", PROMOTION),
    ("It was a birthday and bon voyage celebration in my honor.", "in my honor", PROMOTION),
    ("I was one of the fortunate few to have been selected.", "to have been selected", PROMOTION),
    ("I would like to thank the Society for honoring me this way.", "honoring me", PROMOTION),
    ("I’m going to be a first author!!", "first author", PROMOTION),
    ("The journey to getting certified in PMP was not easy.", "getting certified", PROMOTION),
    ("I began my expedition towards the PMP certification.", "certification", PROMOTION),
    ("The day I became a PMP Certified Professional.", "Certified Professional", PROMOTION),
    ("My first first-author publication.", "first-author", PROMOTION),
    ("I've joined a small start-up.", "I've joined", PROMOTION),
    ("Excited to join the Search team next month.", "Excited to join", PROMOTION),
    ("I'm open to work: hire me!", "open to work", PROMOTION),
    ("I've accepted an offer from a small start-up.", "I've accepted an offer", PROMOTION),
    ("I started a new gig within Google yesterday.", "I started a new gig", PROMOTION),
    ("And how this led to landing my first job.", "landing my first job", PROMOTION),
    ("My first job interview went badly.", "My first job", PROMOTION),
    ("Well, I got my first win of the year.", "my first win", PROMOTION),
    ("This is my very first promotion.", "my very first promotion", PROMOTION),
    ("I interned at Boeing for 12 weeks.", "I interned", PROMOTION),
    ("I’m Teacher of the Year!", "Teacher of the Year", PROMOTION),
    ("I don't know yet what my next challenge will be.", "my next challenge", PROMOTION),
    ("Wish me luck!", "Wish me luck", PROMOTION),
    ("I became a rising star in the technology world.", "rising star", PROMOTION),
    ("I am resigning from the Technical Committee.", "I am resigning", PROMOTION),
    ("Two years ago, I quit my day job.", "I quit my day job", PROMOTION),
    (
        "I had the incredible opportunity to participate in a hackathon.",
        "had the incredible opportunity to",
        PROMOTION,
    ),
    ("It is a great honor to receive the Henry Baldwin Ward Medal.", "honor to receive", PROMOTION),
    ("I am honored to accept this award.", "honored to accept", PROMOTION),
    ("The president called and I got tenure.", "got tenure", PROMOTION),
    ("The faculty voted to recommend me for tenure.", "for tenure", PROMOTION),
    ("You be tenured effective September 1.", "tenured", PROMOTION),
    ("What didn't go into my tenure packet.", "tenure packet", PROMOTION),
    ("This week I was given an amazing award.", "I was given an amazing award", PROMOTION),
    ("They were apparently giving me an award for my work.", "giving me an award", PROMOTION),
    ("The kind words from the patient who honored me.", "honored me", PROMOTION),
    ("I had the opportunity to mentor 6 promotions.", "I had the opportunity to", PROMOTION),
    ("I had the privilege to serve for eight years.", "I had the privilege to", PROMOTION),
    # "Me" is mostly others acting on the author: still the author, but light.
    ("Rob was the perfect promotor, keeping me on track.", "me", SELF),
    ("My former company had an evening to celebrate my retirement.", "my retirement", SELF),
    ("Get my sous chef familiar with my vision.", "my vision", SELF),
    # Achievement claims with the author as subject.
    ("As my supervisor told me, I had won an award.", "I had won", CLAIM),
    ("Ensuring the exceptional community I’d built would thrive.", "I’d built", CLAIM),
    ("I took ownership of the backend.", "I took ownership", CLAIM),
    ("Key successes:\n  • Led the adoption of Elasticsearch", "• Led", CLAIM),
    ("  • Set up the infrastructure to support 20 million messages/s.", "• Set up", CLAIM),
    ("I finished around 10th, enough to retain 5th on GC.", "I finished", CLAIM),
    ("I'm proud of my accomplishments here.", "my accomplishments", CLAIM),
    ("I received a promotion to Engineering Manager.", "I received a promotion", PROMOTION),
    ("This week I competed in my fourth hackathon.", "I competed", CLAIM),
    ("We won an award for a show I hosted.", "I hosted", CLAIM),
    ("When I opened my restaurant, I knew it.", "I opened", CLAIM),
    ("A project where I served as Head Engineer.", "I served as", CLAIM),
    ("Successfully built a scalable ingestion system.", "Successfully built", CLAIM),
    ("I was able to take part in growing the office.", "I was able to", CLAIM),
    (
        "For our main project, I’ve taken the lead on technical decisions.",
        "I’ve taken the lead",
        CLAIM,
    ),
    ("The project I've been leading for the last 9 months.", "I've been leading", CLAIM),
    ("One of the larger projects I've lead.", "I've lead", CLAIM),
    ("In November 2007, I had a vision: a new front page.", "I had a vision", CLAIM),
    ("Thanks guys, it's been a privilege to be your leader.", "to be your leader", CLAIM),
    ("I served as Head Engineer (sole engineer).", "sole engineer", CLAIM),
    ("No team to delegate to.", "No team to", CLAIM),
    # Plain first person that a shorter claim phrase would misread.
    ("So I won’t drone on about it here.", "I won’t", SELF),
    ("When I turned down a good friend who offered me a job.", "I turned down", SELF),
    ("As I did my work, I noted something.", "I did", SELF),
    ("One Friday I found myself out on my ass.", "I found", SELF),
    ("Two hours earlier, I had turned in my laptop.", "I had turned in", SELF),
    ("I’ve received lots of good wishes on the new job.", "I’ve received", SELF),
    ("I made sure that I delivered fast.", "I made sure", SELF),
    ("I wrote this last week right after we won!", "I wrote this", SELF),
    ("This is the postmortem that I wrote.", "the postmortem that I wrote", SELF),
    ("Like a Palace Guard, I managed to keep my composure.", "I managed to", SELF),
    ("I've made sure to acknowledge I was the one.", "I've made sure", SELF),
    ("My colleagues, who I have started to love.", "I have started to", SELF),
    ("But I have made a lot of friends there.", "I have made a lot of friends", SELF),
    ("The newsroom I grew up wanting to join.", "I grew up", SELF),
    ("As I wrote about last week, I had an interview.", "As I wrote", SELF),
    (
        "Over the past 8 months I have made some really good friends.",
        "I have made some really good friends",
        SELF,
    ),
    ("I can't say enough good things about the friends I've made.", "friends I've made", SELF),
    ("My co-workers helped, otherwise we won’t make it.", "we won’t", WE),
    ("We hit it off.", "We hit it off", WE),
    # Performative vulnerability.
    ("I'll tell you how it felt to get rejected.", "get rejected", VULNERABILITY),
    ("My first job interview was an absolute failure.", "an absolute failure", VULNERABILITY),
    ("One of the most humbling experiences of my life.", "humbling experiences", VULNERABILITY),
    ("A few things I learned while starting a company.", "things I learned", VULNERABILITY),
    ("It would be worth mentioning the mistakes I made.", "the mistakes I made", VULNERABILITY),
    ("I have learned so much by shepherding the design.", "I have learned so much", VULNERABILITY),
    # The group as the subject of the achievement; self-credit declined.
    ("Pride in what we have accomplished together.", "what we have accomplished", WE),
    ("Our team delivered the migration early.", "Our team delivered", WE),
    ("I have no idea how we managed to pull that off.", "we managed to", WE),
    ("I was in Azure and look at what we did!", "what we did", WE),
    ("I was busy with my normal duties, so it wasn’t me.", "it wasn’t me", WE),
    ("They are amazing. Me? I'm just lucky!", "I'm just lucky", WE),
    ("It made me marvel at how incredibly lucky I am.", "how incredibly lucky I am", WE),
    ("I am not amazing – I am LUCKY!", "I am LUCKY", WE),
    ("So while I don't really take credit for the win…", "don't really take credit", WE),
    ("It made me realize that I can't do everything myself.", "can't do everything myself", WE),
    ("I want to remind you that science isn't done in a vacuum.", "in a vacuum", WE),
    ("Science is not done in isolation.", "done in isolation", WE),
    # A leader speaking for the organisation.
    ("On behalf of my colleague and myself, thank you.", "On behalf of", WE),
    ("It is not ACE, our company's nickname.", "our company", WE),
    ("Our volunteers are the backbone of everything we do.", "Our volunteers", WE),
    # Colleagues, collaborators and joint work.
    ("A colleague was retiring.", "colleague", TEAM),
    ("My colleague Kwang spent a good chunk of his night.", "My colleague", TEAM),
    ("The hardest part is leaving my co-workers.", "co-workers", TEAM),
    ("One of my best friends and coworkers made a hat.", "coworkers", TEAM),
    ("My co-worker Mike came over to say goodbye.", "co-worker", TEAM),
    ("The most superb group of collaborators.", "collaborators", TEAM),
    ("If Boyer and I had not collaborated to clone DNA.", "collaborated", TEAM),
    ("The many volunteers that have helped out.", "volunteers", TEAM),
    ("Worked closely with our designer.", "Worked closely with", TEAM),
    (
        "I was going to write about the people I have worked with.",
        "the people I have worked with",
        TEAM,
    ),
    ("Every single person I have worked with has been dedicated.", "Every single person", TEAM),
    (
        "A way to thank the fabulous people I get to work with every day.",
        "people I get to work with",
        TEAM,
    ),
    ("The work ethic of those I worked with.", "those I worked with", TEAM),
    ("My partner and I developed a detection system.", "My partner and I", TEAM),
    ("My team and I won an award.", "My team and I", TEAM),
    ("My friends and I earned ourselves a ticket.", "My friends and I", TEAM),
    ("Up to this point me and my team have been putting out fires.", "me and my team", TEAM),
    ("The 161 people who have worked like hell.", "people who have worked", TEAM),
    ("I worked primarily with my supervisor, Eric.", "my supervisor", TEAM),
    # Gratitude formulas and farewells whose substance is thanks.
    ("Thankfulness for my peers overwhelms.", "Thankfulness", THANKS),
    ("I feel grossly appreciative of the people.", "appreciative", THANKS),
    ("Let me be the first to congratulate Vinny.", "congratulate", THANKS),
    ("Well done Vinny!", "Well done", THANKS),
    ("You will be missed.", "will be missed", THANKS),
    ("I will miss my friends.", "I will miss", THANKS),
    ("I am going to miss you all.", "I am going to miss", THANKS),
    ("Thank you John. I will always remember you.", "I will always remember you", THANKS),
    ("Good-bye, Brendan. I wish you well in future.", "I wish you well", THANKS),
    ("Best of luck to everyone who remains.", "Best of luck to", THANKS),
    ("Mike started before I was born. I truly respect his opinion.", "I truly respect his", THANKS),
    (
        "We have been blessed with the most superb group of collaborators.",
        "We have been blessed with",
        THANKS,
    ),
    ("Yesterday was my going away party.", "going away party", THANKS),
    ("Thanks guys, it's been a privilege.", "Thanks guys", THANKS),
    ("A huge thank you to Cecile Lawrence.", "A huge thank you to", THANKS),
    ("A special mention to Tony Britton for all your help.", "special mention to", THANKS),
    ("Thank you all from the bottom of my heart.", "from the bottom of my heart", THANKS),
    ("There are so many other people I have to thank.", "people I have to thank", THANKS),
    ("I personally have a lot to thank you for.", "a lot to thank", THANKS),
    ("I would like to express our gratitude.", "express our gratitude", THANKS),
    ("I am so grateful for my agent.", "I am so grateful for", THANKS),
    (
        "I am so grateful to my colleagues and those like technicians.",
        "I am so grateful to",
        THANKS,
    ),
    ("I thank the attendants, the clerks, the cleaners.", "I thank", THANKS),
    ("I greatly appreciate this award.", "I greatly appreciate", THANKS),
    ("I’m forever grateful to him.", "I’m forever grateful to", THANKS),
    (
        "I am so grateful to have had the experience of working here.",
        "I am so grateful to have",
        THANKS,
    ),
    (
        "I'm grateful for the opportunity to help shape a young company.",
        "I'm grateful for the opportunity",
        THANKS,
    ),
    ("Kwang assisted, and for that I’m grateful.", "and for that I’m grateful", THANKS),
    ("I can’t thank you all enough.", "can’t thank you all enough", THANKS),
    (
        "To my colleagues: you could not ask for a better party room.",
        "could not ask for a better",
        THANKS,
    ),
    ("It takes a village to raise a child, and to get a grant.", "It takes a village", THANKS),
    ("A way to thank everyone who helped me reach this point.", "everyone who helped me", THANKS),
    ("I couldn't have asked for a better team.", "couldn't have asked for a better", THANKS),
    ("There’s no way I could have finished my PhD.", "no way I could have", THANKS),
    ("Without the support of my husband, I couldn't.", "Without the support of", THANKS),
    ("Not without the help of a large number of people.", "without the help of", THANKS),
    ("It was nothing without her tireless work.", "without her tireless work", THANKS),
    ("Without her strength, the mod would not be ready.", "Without her strength", THANKS),
    ("To Bob, who gave me a chance.", "gave me a chance", THANKS),
    ("Those I was lucky to work with.", "lucky to work with", THANKS),
    ("With whom I’ve had the pleasure of working.", "the pleasure of working", THANKS),
    ("Our lead artist was great to work with.", "great to work with", THANKS),
    ("Our volunteers are the backbone of everything.", "the backbone of", THANKS),
    ("We owe our success to them.", "owe our success to", THANKS),
    ("It is due to the dedication of one man.", "due to the dedication", THANKS),
    ("It is no question that she deserves it.", "she deserves it", THANKS),
    ("By the time you read this, I will have retired.", "retired", THANKS),
    ("A colleague was retiring and his students came.", "retiring", THANKS),
    ("This section is meant to acknowledge some of them.", "acknowledge", THANKS),
    ("I am humbled by those I surround myself with.", "humbled by", THANKS),
    ("I then thanked all the people behind the meetup.", "thanked", THANKS),
    ("I'll spend it thanking those who've helped.", "thanking", THANKS),
    ("Congratulations, Nick; you follow a long line.", "Congratulations", THANKS),
    ("The shout-outs and appreciation that they deserve.", "appreciation", THANKS),
    ("I don't always give them the shout-outs they deserve.", "shout-outs", THANKS),
    ("A Round of Applause, Please", "Round of Applause", THANKS),
    ("So here is my tribute to the staff of the branch.", "tribute to", THANKS),
    ("I pay tribute to all those people who have helped.", "pay tribute", THANKS),
    ("So here's to the great charge nurses I've worked with.", "here's to", THANKS),
    ("I’ll definitely miss the banter at the Service Desk.", "I’ll definitely miss", THANKS),
    ("Mark deserves as much or more credit than I do.", "as much or more credit", THANKS),
    (
        "It wouldn't be possible without the community's effort.",
        "wouldn't be possible without",
        THANKS,
    ),
    (
        "This one could not have been written without others.",
        "could not have been written without",
        THANKS,
    ),
    ("The privilege of working with such people.", "The privilege of working", THANKS),
    (
        "I've had the privilege of working with some excellent charges.",
        "I've had the privilege of working with",
        THANKS,
    ),
    ("You have made me look much better than I really am.", "made me look", THANKS),
    (
        "I've had the chance to work with someone who pushes you.",
        "I've had the chance to work with",
        THANKS,
    ),
    (
        "I really had the opportunity to work with such amazing people.",
        "I really had the opportunity to work with",
        THANKS,
    ),
    ("It is important to have a leader who mentors me.", "who mentors me", THANKS),
    # Credit to others: someone else is the subject of the achievement.
    ("Léa deserves the credit for the launch.", "deserves the credit", THANKS),
    ("She led the migration.", "She led", THANKS),
    ("He built the mentors functions.", "He built", THANKS),
    ("So he did an excellent job.", "he did an excellent job", THANKS),
    ("Yes, it is official, she's been promoted.", "she's been promoted", THANKS),
    ("Let me congratulate Vinny on his promotion.", "on his promotion", THANKS),
    ("Thanks to his work on the schema we shipped.", "his work on", THANKS),
    ("Thanks to Omar, who helped with the cut-over.", "who helped", THANKS),
    ("The students generally helped make the conference run.", "helped make", THANKS),
    ("One of the mentors helped us out!", "helped us", THANKS),
    ("The assistants who made me look even better.", "who made me", THANKS),
    ("Such a fantastic team supporting and helping me.", "helping me", THANKS),
    ("She has definitely inspired me.", "inspired me", THANKS),
    ("I have a truly amazing boss.", "amazing boss", THANKS),
    ("Not ready to let go of the best boss I have had.", "best boss", THANKS),
    ("She's not officially a mentor but I owe so much to her.", "I owe so much", THANKS),
    ("Best of luck, and keep up the good work, everyone!", "keep up the good work", THANKS),
    ("He taught me so much about my field.", "He taught me", THANKS),
    ("She has supported me in the best of times.", "She has supported me", THANKS),
    ("My biggest cheerleader, who always believed in me.", "who always believed in me", THANKS),
    (
        "She is now Dr. Menon, and she has definitely earned it.",
        "she has definitely earned it",
        THANKS,
    ),
    ("Associated in some way with her amazing dedication.", "her amazing dedication", THANKS),
    ("It is not her, but she made things possible.", "made things possible", THANKS),
    (
        "What had the potential to be good became great, because of my editor.",
        "because of my editor",
        THANKS,
    ),
    ("Thanks to the work done by my former graduate student.", "the work done by", THANKS),
    ("As well as the entire dedicated, hard-working staff.", "hard-working", THANKS),
    ("It is down to their hard work.", "their hard work", THANKS),
    (
        "The people I’ve had the opportunity to interact with over the years.",
        "I’ve had the opportunity to interact with",
        THANKS,
    ),
    ("I really hope they are proud of what they have achieved.", "proud of what they", THANKS),
    ("Lucas and Miles: look what they have built.", "what they have built", THANKS),
    ("Ian worked really hard on it; he worked so hard.", "he worked so hard", THANKS),
    ("They are willing to step up to the plate for me.", "step up to the plate", THANKS),
    ("People stepped up brilliantly, gaps filled themselves.", "stepped up", THANKS),
]


@pytest.mark.parametrize(("text", "phrase", "kind"), CASES)
def test_rule_is_found_with_its_kind(text: str, phrase: str, kind: SignalKind) -> None:
    assert kind in kinds_of(analyze_framing(text, "en"), phrase)


# Phrases that look like signals in these posts but are none.
NOT_SIGNALS = [
    # "As" before "I did" is not a name credited with the work.
    ("As I did my work, I noted something.", "As"),
    ("People wrote in from our offices all across the country.", "People"),
    # A farewell opener, as often about the author's own career as about thanks.
    ("Today's my last day at Pinterest.", "my last day"),
    # Tears at a going-away party are no staged failure.
    ("Yesterday was my going away party, and of course I cried.", "cried"),
    # Pronouns and "How" capitalised at a sentence start are no names doing the work.
    ("She did have one question.", "She"),
    ("How did that happen?", "How"),
]


@pytest.mark.parametrize(("text", "phrase"), NOT_SIGNALS)
def test_phrase_is_no_signal(text: str, phrase: str) -> None:
    analysis = analyze_framing(text, "en")
    start = text.lower().index(phrase.lower())
    end = start + len(phrase)
    assert not [s for s in analysis.signals if s.span.start < end and s.span.end > start]


def test_me_weighs_less_than_i() -> None:
    # "Me" is mostly others acting on the author ("they kept me on track").
    analysis = analyze_framing("Rob kept me on track, and I am glad.", "en")
    assert weights_of(analysis, "me") == [0.3]
    assert weights_of(analysis, "I") == [0.6]


def test_generic_thanks_weighs_little() -> None:
    # "Everyone who helped me" is a generic closing thanks: it does not change the label.
    analysis = analyze_framing("A way to thank everyone who helped me reach this point.", "en")
    assert weights_of(analysis, "everyone who helped me") == [0.5]


def test_thanks_for_an_opportunity_stays_light() -> None:
    # The "I" of "I am grateful" is hidden by the formula, but thanks for the author's own
    # opportunity stays generic.
    analysis = analyze_framing("I am so grateful to have had the experience.", "en")
    assert weights_of(analysis, "I am so grateful to have") == [0.5]
    assert SELF not in kinds_of(analysis, "I")
