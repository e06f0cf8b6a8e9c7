"""German lexicon rules learned from the training split's misses, pinned."""

from __future__ import annotations

import pytest

from teamcredit.analysis.framing import analyze_framing
from teamcredit.analysis.models import SignalKind
from tests.support.signals import kinds_of, weights_of


@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [
        (
            "Ich habe meinen letzten Arbeitstag!",
            "meinen letzten Arbeitstag",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Wir haben auf die Erreichung meines Lebenstraums angestoßen.",
            "meines Lebenstraums",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Diese Weisheit haben wir alle schon gehört.",
            "haben wir",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Ich teile diesen Verdienst mit so vielen.",
            "Ich teile diesen Verdienst",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Mir sind die lieben Kolleg*innen ans Herz gewachsen.",
            "Kolleg*innen",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Sie sind mir zur zweiten Familie geworden.",
            "zweiten Familie",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Mit unseren Kollegen verbringen wir viel Zeit.",
            "unseren Kollegen",
            SignalKind.TEAM_REFERENCE,
        ),
        ("Ich freue mich, Teil des Ganzen zu sein.", "Teil des Ganzen", SignalKind.TEAM_REFERENCE),
        (
            "Team ist, was jeder Einzelne dazu beiträgt.",
            "jeder Einzelne",
            SignalKind.TEAM_REFERENCE,
        ),
        ("Die Unzulänglichkeiten jedes Einzelnen.", "jedes Einzelnen", SignalKind.TEAM_REFERENCE),
        ("Der Zusammenhalt ist einfach großartig.", "Zusammenhalt", SignalKind.TEAM_REFERENCE),
        (
            "Allen Beteiligten herzlichen Glückwunsch!",
            "Allen Beteiligten",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Meinen Mitarbeiterinnen und Mitarbeitern gebührt ein großes DANKE.",
            "Meinen Mitarbeiterinnen und Mitarbeitern",
            SignalKind.TEAM_REFERENCE,
        ),
        ("Ein neuer Abschnitt beginnt.", "Ein neuer Abschnitt", SignalKind.SELF_PROMOTION),
        (
            "Endlich darf ich diese Ankündigung machen!",
            "diese Ankündigung",
            SignalKind.SELF_PROMOTION,
        ),
        ("Ab Montag habe ich eine neue Stelle.", "neue Stelle", SignalKind.SELF_PROMOTION),
        (
            "Aus den Fehlern habe ich extrem viel mitgenommen.",
            "habe ich extrem viel mitgenommen",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        (
            "Doch aus den Fehlern lernt man.",
            "aus den Fehlern",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        ("Der Dank gilt aber auch jenen.", "Der Dank gilt", SignalKind.GRATITUDE),
        ("Ich danke meinen lieben Mitstreitern.", "Ich danke", SignalKind.GRATITUDE),
        (
            "Für die Arbeitsatmosphäre möchte ich mich herzlich bedanken.",
            "möchte ich mich herzlich bedanken",
            SignalKind.GRATITUDE,
        ),
        (
            "Allen Beteiligten herzlichen Glückwunsch!",
            "herzlichen Glückwunsch",
            SignalKind.GRATITUDE,
        ),
        ("Besonders seien genannt: Ramona und Matthias.", "seien genannt", SignalKind.GRATITUDE),
        (
            "Robin und Deliah haben einen riesigen Anteil daran.",
            "einen riesigen Anteil daran",
            SignalKind.GRATITUDE,
        ),
        (
            "Den Mitarbeitern gebührt ein großes DANKE.",
            "gebührt ein großes DANKE",
            SignalKind.GRATITUDE,
        ),
        (
            "Für alle, die an diesem Projekt mitgewirkt haben.",
            "mitgewirkt haben",
            SignalKind.GRATITUDE,
        ),
        (
            "Umso mehr freut mich diese verdiente Auszeichnung.",
            "verdiente Auszeichnung",
            SignalKind.GRATITUDE,
        ),
        (
            "Vor meiner Verabschiedung möchte ich mich ganz herzlich bedanken.",
            "möchte ich mich ganz herzlich bedanken",
            SignalKind.GRATITUDE,
        ),
        (
            "Bedanken möchte ich mich auch bei den vielen freien Redakteuren.",
            "Bedanken möchte ich mich",
            SignalKind.GRATITUDE,
        ),
        (
            "Für das Vertrauen bedanke ich mich sehr herzlich!",
            "bedanke ich mich",
            SignalKind.GRATITUDE,
        ),
        (
            "Ich möchte mich hier bei allen bedanken, die beigetragen haben.",
            "bedanken",
            SignalKind.GRATITUDE,
        ),
        (
            "Daher möchte ich dem Ministerium herzlich danken.",
            "danken",
            SignalKind.GRATITUDE,
        ),
        (
            "Danken möchte ich vor allem allen Angestellten.",
            "Danken möchte ich",
            SignalKind.GRATITUDE,
        ),
        (
            "Deswegen möchten wir uns bei vielen Menschen bedanken.",
            "möchten wir uns bei",
            SignalKind.GRATITUDE,
        ),
        (
            "Ich möchte die Gelegenheit nutzen, mich ganz herzlich zu bedanken.",
            "mich ganz herzlich zu bedanken",
            SignalKind.GRATITUDE,
        ),
        (
            "An den Herrn Schmidt denke ich: Die haben mich sehr unterstützt.",
            "haben mich sehr unterstützt",
            SignalKind.GRATITUDE,
        ),
        (
            "Dem Ministerium, das mich so großartig unterstützt hat, danke ich.",
            "mich so großartig unterstützt hat",
            SignalKind.GRATITUDE,
        ),
        (
            "Eine Führungskraft, die auch mich beim Einstieg sehr unterstützt hat.",
            "unterstützt hat",
            SignalKind.GRATITUDE,
        ),
        (
            "Heute habe ich mein Arbeitsleben Revue passieren lassen.",
            "mein Arbeitsleben",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Ich konnte sogar meinen ganz persönlichen Traum verwirklichen.",
            "meinen ganz persönlichen Traum",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Ich konnte in meiner Dienstzeit genug Geld sparen.",
            "meiner Dienstzeit",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Von nun an darf ich als Professorin für Psychologie lehren.",
            "als Professorin für",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Startup des Jahres ist der perfekte Abschluss für 2007.",
            "Startup des Jahres",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Heute habe ich meine Promotion verteidigt.",
            "meine Promotion",
            SignalKind.SELF_PROMOTION,
        ),
        ("Ich wurde zum Partner ernannt.", "Ich wurde zum", SignalKind.SELF_PROMOTION),
        (
            "Es ist uns immer wieder gelungen, Lösungen zu finden.",
            "Es ist uns immer wieder gelungen",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Das Fenster haben wir gemeinsam genützt.",
            "haben wir gemeinsam",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Allein hätten wir das nicht geschafft.",
            "Allein hätten wir das nicht",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Er würdigte in einer Rede meine Arbeit im Ausschuss.",
            "meine Arbeit",
            SignalKind.SELF_REFERENCE,
        ),
        ("Ich habe gute Nachrichten.", "Ich habe gute Nachrichten", SignalKind.SELF_PROMOTION),
        (
            "Endlich konnte ich meinen nächsten Arbeitsvertrag unterschreiben.",
            "meinen nächsten Arbeitsvertrag",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Ein herzlicher Dank für die tolle Zusammenarbeit im Team.",
            "herzlicher Dank",
            SignalKind.GRATITUDE,
        ),
        (
            "Ein ganz großes Lob für die tolle Zusammenarbeit.",
            "ganz großes Lob",
            SignalKind.GRATITUDE,
        ),
        (
            "Für Ihren neuen Lebensabschnitt wünsche ich Ihnen viel Tatendrang!",
            "wünsche ich Ihnen viel Tatendrang",
            SignalKind.GRATITUDE,
        ),
        ("Ich werde euch sehr vermissen.", "Ich werde euch sehr vermissen", SignalKind.GRATITUDE),
        (
            "Ich habe gerne mit Ihnen zusammengearbeitet.",
            "zusammengearbeitet",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Das Team, mit dem ich fünf Jahre zusammenarbeiten durfte.",
            "zusammenarbeiten",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Eine Bestätigung: Die viele Arbeit hat sich gelohnt.",
            "Die viele Arbeit hat sich gelohnt",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Nach elf Jahren habe ich gekündigt.",
            "habe ich gekündigt",
            SignalKind.SELF_PROMOTION,
        ),
        ("Alle sind stolz auf euch!", "stolz auf euch", SignalKind.TEAM_REFERENCE),
        (
            "Allen Beamten, ohne deren Unterstützung kein Abgeordneter arbeiten kann.",
            "ohne deren Unterstützung",
            SignalKind.GRATITUDE,
        ),
        (
            "Das ging nur mit der Unterstützung zahlreicher Mitstreiter.",
            "mit der Unterstützung",
            SignalKind.GRATITUDE,
        ),
        (
            "Sie hat es sich mehr als verdient.",
            "Sie hat es sich mehr als verdient",
            SignalKind.GRATITUDE,
        ),
        (
            "Wie immer ist den vielen HelferInnen zu danken.",
            "HelferInnen",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Das ging nur mit zahlreichen Mitstreiterinnen und Mitstreitern.",
            "Mitstreiterinnen",
            SignalKind.TEAM_REFERENCE,
        ),
        ("Der Kollege hat alles getan.", "Kollege", SignalKind.TEAM_REFERENCE),
        ("Das war eine echte Teamleistung.", "Teamleistung", SignalKind.TEAM_REFERENCE),
        (
            "Freue mich sehr, euch mitzuteilen, dass ich wechsle.",
            "Freue mich sehr, euch mitzuteilen",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Ich bin stolz, euch mitteilen zu dürfen: ich bin Partnerin.",
            "Ich bin stolz, euch mitteilen zu dürfen",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Ab sofort bin ich offen für neue Herausforderungen.",
            "offen für neue Herausforderungen",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Ich verantwortete den Umbau der Plattform.",
            "Ich verantwortete",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "Unter meiner Leitung wuchs der Bereich auf 40 Leute.",
            "Unter meiner Leitung",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "Die Prüfung habe ich erfolgreich bestanden.",
            "erfolgreich bestanden",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "Mein größter Fehler war, nie Nein zu sagen.",
            "Mein größter Fehler",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        (
            "Nach unzähligen Absagen kam endlich die Zusage.",
            "unzähligen Absagen",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        (
            "Im Namen des gesamten Vorstands gratuliere ich.",
            "Im Namen des",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Wir sind sehr stolz auf das Erreichte.",
            "Wir sind sehr stolz",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Heute bedanke ich mich bei Andreas für die Wertschätzung.",
            "bedanke ich mich bei",
            SignalKind.GRATITUDE,
        ),
        (
            "Jetzt ist ein ganz großes Dankeschön fällig.",
            "ein ganz großes Dankeschön",
            SignalKind.GRATITUDE,
        ),
        ("Gratulation zur bestandenen Prüfung, Lea!", "Gratulation", SignalKind.GRATITUDE),
        (
            "Danke für die vielen Glückwünsche zu meiner Beförderung!",
            "für die vielen Glückwünsche",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Ich bin so stolz auf mein Team!",
            "Ich bin so stolz auf mein Team",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Dank auch an die Zustellerinnen und Zusteller.",
            "Dank auch an",
            SignalKind.GRATITUDE,
        ),
        (
            "Ein besonderer Dank geht an Sandra Strauch.",
            "Ein besonderer Dank geht an",
            SignalKind.GRATITUDE,
        ),
        ("Nur dank euch hat es geklappt.", "dank euch", SignalKind.GRATITUDE),
        (
            "Dank eures Einsatzes lief alles reibungslos.",
            "Dank eures Einsatzes",
            SignalKind.GRATITUDE,
        ),
        (
            "Ich darf mich ab sofort Senior Engineer nennen.",
            "Ich darf mich ab sofort",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Ich habe am 7. Juli meine Disputation bestanden.",
            "meine Disputation",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Damit ist das Promotionsverfahren abgeschlossen.",
            "Promotionsverfahren",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Ich habe die Ergebnisse meiner Dissertation zusammengefasst.",
            "meiner Dissertation",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Ich bin gerade sehr stolz auf mich.",
            "stolz auf mich",
            SignalKind.SELF_PROMOTION,
        ),
        ("Vor einem Jahr wurde ich nominiert.", "wurde ich nominiert", SignalKind.SELF_PROMOTION),
        (
            "Ich habe den Plan, mich selbständig zu machen.",
            "mich selbständig",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Ich plane, mich mit einem Kollegen selbständig zu machen.",
            "selbständig zu machen",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Wir haben beschlossen, eine eigene Firma zu gründen.",
            "eine eigene Firma",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Dass ich diese Nominierung überhaupt geschafft habe.",
            "diese Nominierung",
            SignalKind.SELF_PROMOTION,
        ),
        ("Nun kann ich stolz präsentieren:", "stolz präsentieren", SignalKind.SELF_PROMOTION),
        (
            "Lehren aus 9 Monaten Führungstätigkeit:",
            "Lehren aus",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Viel Arbeit hat dazu geführt, dass meine Firma so groß geworden ist.",
            "meine Firma",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Die Erfahrungen, die ich für mein zukünftiges Berufsleben gesammelt habe.",
            "mein zukünftiges Berufsleben",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Nein, es ist mir gelungen, auf jeden Witz zu verzichten.",
            "es ist mir gelungen",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "Ich hatte immer eine hervorragende Mannschaft um mich.",
            "Mannschaft",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Ich bin beeindruckt, wie hilfsbereit viele Mitarbeitende sind.",
            "Mitarbeitende",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Ein 13-köpfiges Studierendenteam sitzt vor den Bildschirmen.",
            "Studierendenteam",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Seit mein altes Team auf sich selbst gestellt ist.",
            "mein altes Team",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Ich bin stolz, wie sie sich alleine durchkämpfen.",
            "Ich bin stolz, wie sie",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Herzlichen Dank an alle Mitglieder der Dekanate!",
            "Herzlichen Dank an",
            SignalKind.GRATITUDE,
        ),
        (
            "Vielen Dank Euch allen für die gemeinsame Zeit!",
            "Vielen Dank Euch allen",
            SignalKind.GRATITUDE,
        ),
        ("Danke Ihr lieben Griffels!", "Danke Ihr lieben", SignalKind.GRATITUDE),
        (
            "Ich wünsche all meinen lieben Kolleginnen Kraft und Zuversicht.",
            "Ich wünsche all",
            SignalKind.GRATITUDE,
        ),
        (
            "Ich danke allen, die zum Gelingen dieser Feiern beigetragen haben.",
            "beigetragen haben",
            SignalKind.GRATITUDE,
        ),
        (
            "Sie sind der Grund dafür, dass die Kunden loyale Partner sind.",
            "Sie sind der Grund",
            SignalKind.GRATITUDE,
        ),
        (
            "Ich habe eine sehr nette und kurze Abschiedsmail geschrieben.",
            "Abschiedsmail",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Vor einem Jahr bekam ich den Anruf, dass ich das Stipendium habe.",
            "das Stipendium",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Der Abend der Eröffnung meiner Ausstellung war sehr bewegend.",
            "meiner Ausstellung",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Ich bin echt dankbar für die vielen Chancen.",
            "dankbar für die vielen Chancen",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Trotzdem steht Ihre Verabschiedung nun so plötzlich vor der Tür.",
            "Ihre Verabschiedung",
            SignalKind.GRATITUDE,
        ),
        (
            "Für Ihren neuen Lebensabschnitt alles Gute!",
            "Ihren neuen Lebensabschnitt",
            SignalKind.GRATITUDE,
        ),
        (
            "Kollegen wie ihr sind das Fundament für den Erfolg eines Unternehmens.",
            "sind das Fundament",
            SignalKind.GRATITUDE,
        ),
        (
            "Kollegen wie ihr sind das Fundament für den Erfolg eines Unternehmens.",
            "Kollegen wie ihr",
            SignalKind.GRATITUDE,
        ),
        (
            "Das bleibt so mit den großartigen Menschen in meinem Team.",
            "großartigen Menschen",
            SignalKind.GRATITUDE,
        ),
        (
            "Das war aufregend, diese Preisverleihung des CNN Journalist Award!",
            "Preisverleihung",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Ende März bin ich in Pension gegangen.",
            "bin ich in Pension",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Vielen Dank auch für Eure Abschiedsgeschenke!",
            "Abschiedsgeschenke",
            SignalKind.GRATITUDE,
        ),
        (
            "Die feierliche Verabschiedung meiner Wenigkeit in den Ruhestand war gestern.",
            "meiner Wenigkeit",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Auch meine Verabschiedung konnte nur im kleinen Rahmen gefeiert werden.",
            "meine Verabschiedung",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Von meinem Arbeitgeber wurde ich bereits verabschiedet.",
            "wurde ich bereits verabschiedet",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Ich wurde bereits am letzten Arbeitstag verabschiedet.",
            "am letzten Arbeitstag",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Vor einem Jahr wurde ich entlassen.",
            "wurde ich entlassen",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        (
            "Das war's, ich war dabei, meinen Job zu verlieren.",
            "meinen Job zu verlieren",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        ("Ich hab es geschafft!", "Ich hab es geschafft", SignalKind.ACHIEVEMENT_CLAIM),
        (
            "Mir fiel ein, dass ich vor 25 Jahren unser Unternehmen gegründet habe.",
            "gegründet habe",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "Ich bin stolz, diese Menschen zusammengeführt zu haben, das ist mein Triumph.",
            "das ist mein Triumph",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "Die Promotionsprüfung ist vorbei.",
            "Promotionsprüfung",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Nun ist sie fertig: meine Bachelor Thesis.",
            "meine Bachelor Thesis",
            SignalKind.SELF_PROMOTION,
        ),
        ("Ich hab mein Diplom!", "mein Diplom", SignalKind.SELF_PROMOTION),
        ("Ich verlasse das beste Team der Welt.", "verlasse", SignalKind.SELF_PROMOTION),
        (
            "Ich bin nicht mehr zur Wahl angetreten und verlasse den Vorstand.",
            "verlasse",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Sie behielt die Nerven, als ich mich mit nichts als Zuversicht selbständig machte.",
            "selbständig machte",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Es war richtig, den Mut zur Gegenkandidatur gehabt zu haben.",
            "Gegenkandidatur",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Ich danke allen, die mir ihre Glückwünsche auf den Weg gegeben haben.",
            "ihre Glückwünsche",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Es war mir eine große Ehre, hier dabei zu sein.",
            "Es war mir eine große Ehre",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Ich freue mich sehr auf diese Herausforderung.",
            "freue mich sehr auf diese Herausforderung",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Vielen lieben Dank für den schönen letzten Tag bei blau!",
            "Vielen lieben Dank",
            SignalKind.GRATITUDE,
        ),
        (
            "Ein großer Dank geht zuallererst an Martin als Hebamme des Kanals.",
            "Ein großer Dank geht zuallererst an",
            SignalKind.GRATITUDE,
        ),
        (
            "Mir bleibt nur noch, von ganzem Herzen Danke zu sagen.",
            "Danke zu sagen",
            SignalKind.GRATITUDE,
        ),
        (
            "Ich werde Sie und euch vermissen.",
            "Ich werde Sie und euch vermissen",
            SignalKind.GRATITUDE,
        ),
        (
            "Liebe Freunde, falls einer von euch das liest: Danke! Ihr seid die Geilsten.",
            "Ihr seid die Geilsten",
            SignalKind.GRATITUDE,
        ),
        (
            "Es ist ein Privileg, mit solch einer Partnerin zusammenarbeiten zu dürfen.",
            "ein Privileg, mit solch",
            SignalKind.GRATITUDE,
        ),
        (
            "Meine Kollegen hatten eine Abschiedsparty für mich organisiert!",
            "für mich organisiert",
            SignalKind.GRATITUDE,
        ),
        (
            "Allen Beteiligten, die es ermöglicht haben, dass ich Professorin bin.",
            "ermöglicht haben",
            SignalKind.GRATITUDE,
        ),
        (
            "Nichts davon wäre möglich ohne die Arbeit der Giganten, die vor mir standen.",
            "ohne die Arbeit",
            SignalKind.GRATITUDE,
        ),
        (
            "Das ging schnell, sei es durch die Hilfe von Kerstin oder Katrin.",
            "durch die Hilfe von",
            SignalKind.GRATITUDE,
        ),
        (
            "Schaut, was wir gemeinsam erreicht haben: drei Hallen gebaut.",
            "erreicht haben",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Danke allen, die in den letzten Wochen tatkräftig mit angepackt haben.",
            "angepackt haben",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Der Dank gilt auch jenen, die hier namentlich nicht genannt sind.",
            "namentlich",
            SignalKind.GRATITUDE,
        ),
        (
            "Besonders hervorzuheben möchte ich Christian Wichert.",
            "Besonders hervorzuheben",
            SignalKind.GRATITUDE,
        ),
        ("Meine Crew ist wichtig für mich.", "Crew", SignalKind.TEAM_REFERENCE),
        (
            "Liebe Kolleginnen und Kollegen, mir bleibt ein Wort in eigener Sache.",
            "Liebe Kolleginnen und Kollegen",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Optimistisch blicke ich meinem neuen Arbeitgeber entgegen.",
            "meinem neuen Arbeitgeber",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Heute ist mein erster Arbeitstag in der neuen Firma gewesen.",
            "mein erster Arbeitstag",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Der erste richtige Jobwechsel meines Lebens ist gekommen.",
            "Jobwechsel",
            SignalKind.SELF_PROMOTION,
        ),
        ("Dafür bin ich angetreten.", "bin ich angetreten", SignalKind.SELF_PROMOTION),
        (
            "Jörg ist jetzt, zusammen mit Bob, einer meiner beiden Doktorväter.",
            "Doktorväter",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Prof. Raisch war zu Besuch, mein Mentor aus Magdeburg.",
            "mein Mentor",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Meinen eigenen Mitarbeiterinnen und Mitarbeitern gebührt ein großes DANKE.",
            "Meinen eigenen Mitarbeiterinnen und Mitarbeitern",
            SignalKind.TEAM_REFERENCE,
        ),
    ],
)
def test_phrase_is_found_with_its_kind(text: str, phrase: str, kind: SignalKind) -> None:
    assert kind in kinds_of(analyze_framing(text, "de"), phrase)


def test_wir_haben_alone_is_not_a_collective_claim() -> None:
    analysis = analyze_framing("Diese Weisheit haben wir alle schon gehört.", "de")
    weights = weights_of(analysis, "haben wir")
    assert weights and max(weights) < 1.5


def test_reflexive_mich_of_a_thanks_is_no_self_reference() -> None:
    analysis = analyze_framing("Für das Vertrauen bedanke ich mich sehr herzlich!", "de")
    assert SignalKind.SELF_REFERENCE not in {s.kind for s in analysis.signals}


def test_object_and_reflexive_mich_weigh_less_than_ich() -> None:
    analysis = analyze_framing("Eine Führungskraft, die mir die Angst genommen hat.", "de")
    weights = weights_of(analysis, "mir")
    assert weights and max(weights) < 0.6


def test_a_name_after_bedanke_mich_bei_is_a_mention() -> None:
    analysis = analyze_framing("Ich bedanke mich herzlich bei Andreas Schwarz.", "de")
    assert SignalKind.MENTION in kinds_of(analysis, "Andreas Schwarz")


def test_ich_habe_is_only_the_perfect_auxiliary() -> None:
    analysis = analyze_framing("Nach elf Jahren habe ich Tschüss gesagt.", "de")
    weights = weights_of(analysis, "habe ich")
    assert weights and max(weights) <= 0.6


def test_someone_elses_nomination_is_no_self_promotion() -> None:
    analysis = analyze_framing("Die Nominierung ging an Barbara.", "de")
    assert SignalKind.SELF_PROMOTION not in {s.kind for s in analysis.signals}


def test_a_colleagues_disputation_is_no_self_promotion() -> None:
    analysis = analyze_framing(
        "Entgegen der Tradition findet die Disputation im Seminarraum statt.", "de"
    )
    assert SignalKind.SELF_PROMOTION not in {s.kind for s in analysis.signals}


def test_sowie_joins_thanked_names() -> None:
    analysis = analyze_framing("Danke an Ettl, Krammer und Haupt sowie Waneck.", "de")
    assert SignalKind.MENTION in kinds_of(analysis, "Waneck")


@pytest.mark.parametrize(
    "text",
    [
        "Meine sehr geehrten Damen und Herren, das Gesetz kommt.",
        "Vielen Dank für Ihre Aufmerksamkeit.",
    ],
)
def test_speech_formulas_are_no_signal(text: str) -> None:
    assert analyze_framing(text, "de").signals == ()


def test_a_merit_disowned_is_no_achievement_claim() -> None:
    analysis = analyze_framing("Das ist nicht mein Verdienst, sondern der des Teams.", "de")
    assert SignalKind.ACHIEVEMENT_CLAIM not in {s.kind for s in analysis.signals}
    assert SignalKind.COLLECTIVE_REFERENCE in kinds_of(analysis, "nicht mein Verdienst")


def test_people_grown_fond_of_are_no_achievement() -> None:
    analysis = analyze_framing("Menschen, die ich in dreieinhalb Jahren lieb gewonnen habe.", "de")
    assert SignalKind.ACHIEVEMENT_CLAIM not in {s.kind for s in analysis.signals}


@pytest.mark.parametrize(
    "text",
    [
        "Da schrieb ich meine Abschiedsmail ans Haus.",
        "Wochenlang schrieb ich befreundete IT-Studenten an.",
    ],
)
def test_an_adverb_before_the_verb_is_no_credited_name(text: str) -> None:
    assert SignalKind.MENTION not in {s.kind for s in analyze_framing(text, "de").signals}


def test_made_it_to_the_party_is_no_collective_claim() -> None:
    analysis = analyze_framing("Ich danke allen, die es auf die Feier geschafft haben.", "de")
    claims = [
        s for s in analysis.signals if s.kind is SignalKind.COLLECTIVE_REFERENCE and s.weight >= 1.5
    ]
    assert claims == []


def test_ich_bin_weighs_more_than_ich() -> None:
    analysis = analyze_framing("Das war's, ich war dabei, meinen Job zu verlieren.", "de")
    assert weights_of(analysis, "ich war") == [1.0]


def test_wir_sind_weighs_more_than_wir() -> None:
    analysis = analyze_framing("Inzwischen sind wir sieben RideLink Verrückte.", "de")
    assert weights_of(analysis, "sind wir") == [1.2]


@pytest.mark.parametrize(
    "text",
    [
        "Dafür bedanken wir uns bei Ihnen. Sie sind ein wichtiger Teil.",
        "Das Wetter trug seinen Teil dazu bei, und dafür danke ich Euch.",
        "Nichts davon wäre möglich ohne die Arbeit der Giganten, die vor mir standen.",
        "Ihr seid die beste Visitenkarte für unser Projekt.",
    ],
)
def test_a_capitalised_word_after_a_thanks_is_no_name(text: str) -> None:
    assert SignalKind.MENTION not in {s.kind for s in analyze_framing(text, "de").signals}


def test_relying_on_someone_is_no_leaving() -> None:
    analysis = analyze_framing(
        "Auf Sie konnte ich mich verlassen, ich verlasse mich auf Sie.", "de"
    )
    assert SignalKind.SELF_PROMOTION not in {s.kind for s in analysis.signals}


def test_an_honour_to_work_with_you_is_thanks() -> None:
    analysis = analyze_framing("Es war mir eine große Ehre, mit euch zu arbeiten.", "de")
    assert SignalKind.GRATITUDE in kinds_of(analysis, "Es war mir eine große Ehre, mit euch")
