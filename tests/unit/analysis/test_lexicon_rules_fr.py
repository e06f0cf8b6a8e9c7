"""French lexicon rules grown from the training split's misses, pinned.

Each case is a sentence shortened from the training post that taught the rule (or, for the
organisation-voice phrases the labelling guide names and the new-job, degree and job-search
formulas of LinkedIn posts, which the French training posts hardly hold, a plain example),
the phrase the scan must find, and the kind it must carry.
"""

from __future__ import annotations

import pytest

from teamcredit.analysis.framing import analyze_framing
from teamcredit.analysis.models import SignalKind
from tests.support.signals import kinds_of


@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [
        ("J'ai pu retrouver mon niveau assez vite.", "mon niveau", SignalKind.SELF_REFERENCE),
        (
            "Une décision motivée par un besoin de cohérence avec mes valeurs.",
            "mes valeurs",
            SignalKind.SELF_REFERENCE,
        ),
        ("Ma façon de concevoir mon métier.", "mon métier", SignalKind.SELF_REFERENCE),
        (
            "Pour voir les choses à la hauteur de mes ambitions.",
            "mes ambitions",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Au nom de Charles Pedersen et en mon propre nom, merci.",
            "en mon propre nom",
            SignalKind.SELF_REFERENCE,
        ),
        ("Me voici donc, avec ma marmaille.", "Me voici", SignalKind.SELF_REFERENCE),
        (
            "Et me voilà prêt à affronter le monde professionnel.",
            "me voilà",
            SignalKind.SELF_REFERENCE,
        ),
        ("J’en garde un très bon souvenir.", "J’en garde", SignalKind.SELF_REFERENCE),
        (
            "J’ai pris la décision de tout changer.",
            "J’ai pris la décision",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Une migration peut virer au cauchemar. Je l’ai déjà vécu.",
            "Je l’ai déjà vécu",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "J’ai trouvé agréable cette proximité avec les surveillants.",
            "J’ai trouvé agréable",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Au nom de Charles Pedersen, notre profonde gratitude.",
            "Au nom de",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        ("Notre entreprise a franchi un cap.", "Notre entreprise", SignalKind.COLLECTIVE_REFERENCE),
        ("Notre société fête ses dix ans.", "Notre société", SignalKind.COLLECTIVE_REFERENCE),
        (
            "Notre département est supposé sortir du livrable à tour de bras.",
            "Notre département",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Ceux et celles qui ont partagé notre quotidien.",
            "notre quotidien",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Nous avons réalisé deux ateliers.",
            "Nous avons réalisé",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Nous sommes très heureux de vous présenter l’affiche officielle.",
            "Nous sommes très heureux de vous présenter",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Nous sommes fiers d'accueillir trois nouveaux membres.",
            "Nous sommes fiers d'accueillir",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Cet honneur ne s'adresse point uniquement à moi.",
            "point uniquement à moi",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        ("Ce prix ne revient pas qu'à moi.", "pas qu'à moi", SignalKind.COLLECTIVE_REFERENCE),
        (
            "Ici, un petit article où je vole la vedette à mon illustrateur.",
            "je vole la vedette",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Je ne suis que très peu intervenu à ce stade.",
            "Je ne suis que très peu intervenu",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "J'ai compris que je n'étais qu'une dent de la roue entre Roland et Yves.",
            "qu'une dent de la roue",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        ("Ma team, mon équipe, mes petits un peu aussi.", "Ma team", SignalKind.TEAM_REFERENCE),
        (
            "J’ai décidé d’interroger les membres de mon groupe.",
            "les membres de",
            SignalKind.TEAM_REFERENCE,
        ),
        ("Aujourd’hui le groupe vit de mieux en mieux.", "le groupe", SignalKind.TEAM_REFERENCE),
        ("Ce matin j'ai rencontré le personnel.", "le personnel", SignalKind.TEAM_REFERENCE),
        ("J'attends l'arrivée de mes camarades.", "mes camarades", SignalKind.TEAM_REFERENCE),
        (
            "Je m'appuie beaucoup sur mon associé, Fred.",
            "Je m'appuie beaucoup sur",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Je remercie tous mes collaborateurs de cette décennie.",
            "mes collaborateurs",
            SignalKind.TEAM_REFERENCE,
        ),
        ("Je dédie ce trophée à tout le staff.", "tout le staff", SignalKind.TEAM_REFERENCE),
        (
            "Ce contenu appartient à ceux qui se l’approprient.",
            "appartient à ceux qui",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Ceux et celles qui ont partagé notre quotidien.",
            "Ceux et celles",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Toutes celles et tous ceux qui composent l’institution.",
            "Toutes celles et tous ceux",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Nous pouvons compter sur la motivation de chacun.",
            "compter sur",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "J’espère avoir été, à leurs côtés, un bon représentant.",
            "à leurs côtés",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Tous ces gars-là sont mes frères, et les joueurs ont tout donné.",
            "les joueurs",
            SignalKind.TEAM_REFERENCE,
        ),
        ("Nos salariés ont tenu la boutique.", "Nos salariés", SignalKind.TEAM_REFERENCE),
        ("Nos joueurs ont été admirables.", "Nos joueurs", SignalKind.TEAM_REFERENCE),
        (
            "J’ai déjà écrit sur la force de l’équipe.",
            "la force de l’équipe",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "C'est une reconnaissance collective.",
            "reconnaissance collective",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        ("L’équipe a été incroyable.", "L’équipe a été incroyable", SignalKind.TEAM_REFERENCE),
        (
            "Pendant de longues années, Pierre Curie et moi avons consacré nos journées.",
            "et moi avons",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Pour que nous puissions, Christophe et moi, nous sortir un salaire.",
            "et moi, nous",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Mon associé et moi fêtons nos cinq ans.",
            "Mon associé et moi",
            SignalKind.TEAM_REFERENCE,
        ),
        # "je suis fier" alone (self-promotion) started first and hid "fier de mon équipe".
        (
            "Je suis très fier de mon équipe.",
            "Je suis très fier de mon équipe",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Je suis fière de mes élèves, qui ont tout donné.",
            "Je suis fière de mes élèves",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Je voulais témoigner de ma prise de poste.",
            "ma prise de poste",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Le colis tant attendu de mon nouvel album.",
            "mon nouvel album",
            SignalKind.SELF_PROMOTION,
        ),
        ("Je commence mon nouveau job lundi.", "mon nouveau job", SignalKind.SELF_PROMOTION),
        (
            "Je suis le plus heureux du monde.",
            "Je suis le plus heureux du monde",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "J’ai le grand honneur et le réel plaisir de dire merci.",
            "J’ai le grand honneur",
            SignalKind.SELF_PROMOTION,
        ),
        ("Honorée de recevoir ce prix.", "Honorée de recevoir", SignalKind.SELF_PROMOTION),
        (
            "Je suis très fier de vous annoncer ma nomination.",
            "Je suis très fier de vous annoncer",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Je suis très content d’obtenir ce trophée.",
            "Je suis très content",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Je suis vraiment très content et très honoré.",
            "Je suis vraiment très content",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Lorsque je suis devenue chef, j'avais l'intention de rester.",
            "je suis devenue",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Quitter mon job et me lancer dans cette aventure.",
            "me lancer",
            SignalKind.SELF_PROMOTION,
        ),
        ("Je me suis lancée dans le projet.", "Je me suis lancée", SignalKind.SELF_PROMOTION),
        (
            "Story time : nous devions extraire un site web.",
            "Story time",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "J’ai pris la décision de quitter Cogeco.",
            "J’ai pris la décision de quitter",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Très content et très honoré de ces deux titres.",
            "honoré de ces",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Demain, commence une nouvelle vie, et c'est pas un poisson.",
            "nouvelle vie",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Une page se tourne dans ma vie et une nouvelle étape démarre.",
            "nouvelle étape",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Nouveau départ : je viens de parapher un CDI.",
            "Nouveau départ",
            SignalKind.SELF_PROMOTION,
        ),
        # LinkedIn formulas of a new job, a degree or a job search (plain examples).
        ("J'ai rejoint l'équipe produit de Doctolib.", "J'ai rejoint", SignalKind.SELF_PROMOTION),
        (
            "Je prends mes fonctions de directrice lundi.",
            "Je prends mes fonctions",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "J'ai été recrutée comme cheffe de projet.",
            "J'ai été recrutée",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Je suis officiellement diplômée de l'INSA.",
            "Je suis officiellement diplômée",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Hier, j'ai soutenu ma thèse devant le jury.",
            "j'ai soutenu ma thèse",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Je suis à la recherche d'un nouveau poste en data.",
            "à la recherche d'un nouveau poste",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "J'étais convaincu d'avoir bien fait. Je suis tellement fier de ma performance.",
            "Je suis tellement fier de ma",
            SignalKind.SELF_PROMOTION,
        ),
        ("J'en suis fier de ces trophées.", "J'en suis fier", SignalKind.SELF_PROMOTION),
        (
            "Vous avez été très nombreux à me féliciter pour ma nomination.",
            "Vous avez été très nombreux",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Je cherche un poste de cheffe de projet : contactez-moi.",
            "contactez-moi",
            SignalKind.SELF_PROMOTION,
        ),
        ("Cellule 24 lauréat du 35e Prix des Incos.", "lauréat", SignalKind.SELF_PROMOTION),
        (
            "J'ai accueilli cette nomination avec beaucoup de joie.",
            "cette nomination",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Les lecteurs qui ont voté pour mon roman.",
            "mon roman",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Je suis l'auteur le plus chanceux d'être si bien accompagné.",
            "le plus chanceux",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Je suis très content en tout cas d'avoir gagné mes deux premiers titres.",
            "d'avoir gagné",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "Je suis très content en tout cas d'avoir gagné mes deux premiers titres.",
            "mes deux premiers titres",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Cette semaine, j'ai participé à mon premier hackathon.",
            "j'ai participé",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "Je crois que je viens de trouver la fin de l'histoire.",
            "je viens de trouver",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "Jugez plutôt : je viens de parapher un CDI.",
            "je viens de parapher",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "Un enfant que j'ai contribué, de toutes mes forces, à élever.",
            "j'ai contribué",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "J'ai coordonné le projet et animé les ateliers avec les métiers.",
            "J'ai coordonné",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "C’est avec le sentiment du devoir accompli que je quitte la direction.",
            "du devoir accompli",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "Sur ce film, j’ai beaucoup appris sur le métier.",
            "j’ai beaucoup appris",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        # "Remercié" is also "let go": being thanked out of a job (plain examples).
        (
            "Après huit ans, j'ai été remerciée du jour au lendemain.",
            "j'ai été remerciée",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        (
            "Voici ce que cela m'a appris sur le management.",
            "ce que cela m'a appris",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        (
            "J'ai travaillé pour mais j'ai tellement douté.",
            "j'ai tellement douté",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        (
            "Je reprends du poil de la bête.",
            "du poil de la bête",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        (
            "Fatiguée, au bord de la dépression.",
            "au bord de la dépression",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        (
            "Le remercier d'avoir osé mettre une femme à ce poste.",
            "remercier",
            SignalKind.GRATITUDE,
        ),
        ("Les remerciements de mon manuscrit de thèse.", "remerciements", SignalKind.GRATITUDE),
        (
            "Je voudrais également saluer l’action des directeurs.",
            "Je voudrais également saluer",
            SignalKind.GRATITUDE,
        ),
        (
            "Un sentiment de reconnaissance si profond.",
            "sentiment de reconnaissance",
            SignalKind.GRATITUDE,
        ),
        ("La médaille du travail, bien méritée.", "bien méritée", SignalKind.GRATITUDE),
        (
            "Les collègues accomplissent un travail de grande qualité.",
            "un travail de grande qualité",
            SignalKind.GRATITUDE,
        ),
        ("Tellement heureuse pour toi et fière de toi.", "heureuse pour toi", SignalKind.GRATITUDE),
        ("Extrêmement fière de toi.", "fière de toi", SignalKind.GRATITUDE),
        (
            "Je tiens vraiment à remercier tous mes coéquipiers.",
            "Je tiens vraiment à remercier",
            SignalKind.GRATITUDE,
        ),
        ("Merci donc au généreux citoyen de votre pays.", "Merci donc", SignalKind.GRATITUDE),
        ("Merci au généreux citoyen de votre pays.", "Merci au", SignalKind.GRATITUDE),
        ("Merci d'être là. Merci d'être vous.", "Merci d'être", SignalKind.GRATITUDE),
        (
            "Merci d’avoir été une mentore et une inspiration.",
            "Merci d’avoir",
            SignalKind.GRATITUDE,
        ),
        ("Merci de m’avoir accordé cette confiance.", "Merci de m’avoir", SignalKind.GRATITUDE),
        ("Merci pour tous tes petits mots.", "Merci pour", SignalKind.GRATITUDE),
        (
            "Cela me réchauffe le cœur et je vous en remercie.",
            "je vous en remercie",
            SignalKind.GRATITUDE,
        ),
        (
            "Votre départ est une page qui se tourne et je voulais vous dire merci.",
            "je voulais vous dire merci",
            SignalKind.GRATITUDE,
        ),
        (
            "Je souhaitais remercier les personnes qui m’ont accompagné.",
            "je souhaitais remercier",
            SignalKind.GRATITUDE,
        ),
        (
            "Je me dois également de remercier mon directeur de thèse.",
            "Je me dois également de remercier",
            SignalKind.GRATITUDE,
        ),
        (
            "C’est pour moi l’occasion de remercier Mamadou.",
            "l’occasion de remercier",
            SignalKind.GRATITUDE,
        ),
        (
            "Un grand remerciement à Pierre qui m’a guidé.",
            "Un grand remerciement à",
            SignalKind.GRATITUDE,
        ),
        (
            "Une pensée particulière pour Claude Dusseau.",
            "Une pensée particulière pour",
            SignalKind.GRATITUDE,
        ),
        (
            "On saluera sa capacité à traiter n’importe quelle base.",
            "On saluera",
            SignalKind.GRATITUDE,
        ),
        (
            "Je suis contente de rendre un petit hommage à ces personnes.",
            "rendre un petit hommage",
            SignalKind.GRATITUDE,
        ),
        (
            "Ces petites mains qui ont contribué à leur évolution.",
            "qui ont contribué",
            SignalKind.GRATITUDE,
        ),
        (
            "Le remercier d'avoir eu confiance en moi.",
            "d'avoir eu confiance en moi",
            SignalKind.GRATITUDE,
        ),
        (
            "Les personnes qui m’ont accompagné au cours de ma vie.",
            "qui m’ont accompagné",
            SignalKind.GRATITUDE,
        ),
        ("L'ancien chef m'ont beaucoup soutenue.", "m'ont beaucoup soutenue", SignalKind.GRATITUDE),
        ("Il m’a fait confiance, m’a formée.", "Il m’a fait confiance", SignalKind.GRATITUDE),
        ("Tu m’as soutenu, encadré et encouragé.", "Tu m’as soutenu", SignalKind.GRATITUDE),
        (
            "Soyez toutes et tous remercié d’avoir participé.",
            "Soyez toutes et tous remercié",
            SignalKind.GRATITUDE,
        ),
        (
            "La personne qui a su me transmettre le goût de la recherche.",
            "qui a su",
            SignalKind.GRATITUDE,
        ),
        (
            "Vous qui n’avez pas ménagé vos efforts pour m’aider.",
            "pas ménagé vos efforts",
            SignalKind.GRATITUDE,
        ),
        ("Un trophée que je dédie à toute l'équipe.", "je dédie", SignalKind.GRATITUDE),
        (
            "C’est moi qui vous remercie pour la confiance.",
            "C’est moi qui vous remercie",
            SignalKind.GRATITUDE,
        ),
        ("Je ne serai rien sans eux.", "Je ne serai rien sans", SignalKind.GRATITUDE),
        (
            "Ce livre n'aurait pas pu se faire sans ces dirigeants d'entreprise.",
            "n'aurait pas pu se faire sans",
            SignalKind.GRATITUDE,
        ),
        (
            "Force est d'admettre que sans lui, je ne serais pas allé bien loin.",
            "sans lui",
            SignalKind.GRATITUDE,
        ),
        (
            "On m'a souvent demandé pourquoi je n'avais jamais passé de certification.",
            "On m'",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Maintenant, on me pose des questions par surprise.",
            "on me",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Une petite fête en mon honneur pour me remercier.",
            "me remercier",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Il m'en a remercié, avant de presque me féliciter.",
            "m'en a remercié",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Je vous l'annonce en avant-première.",
            "Je vous l'annonce",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Je vous avoue avoir versé quelques larmes.",
            "Je vous avoue",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Nous avons travaillé dans des conditions hors normes.",
            "Nous avons travaillé",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "On a tout écrit et composé avec mon beauf Guillaume.",
            "On a tout écrit",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Merci à mes deux filles pour leur patience durant ces deux années.",
            "leur patience",
            SignalKind.GRATITUDE,
        ),
        (
            "Votre dévouement n'est pas assez mis en lumière.",
            "Votre dévouement",
            SignalKind.GRATITUDE,
        ),
        (
            "Babacar Gning m'a démontré sa compétence tout au long de notre collaboration.",
            "sa compétence",
            SignalKind.GRATITUDE,
        ),
        (
            "Vous avez grandement contribué à donner à la Physique sa place.",
            "Vous avez grandement contribué",
            SignalKind.GRATITUDE,
        ),
        (
            "Jean, vous m'avez accueillie en 1998 pour mon premier poste.",
            "vous m'avez",
            SignalKind.GRATITUDE,
        ),
        (
            "Vous nous avez permis de connaître une expérience unique.",
            "Vous nous avez",
            SignalKind.GRATITUDE,
        ),
        (
            "De mon côté, j'admire chez Arnaud sa compétence fine.",
            "j'admire",
            SignalKind.GRATITUDE,
        ),
        (
            "Un merci sincère et admiratif à l'association du Prix.",
            "admiratif",
            SignalKind.GRATITUDE,
        ),
        (
            "Bienvenue à Gabrielle qui m'a rejoint pour une année.",
            "Bienvenue à",
            SignalKind.GRATITUDE,
        ),
        (
            "Merci de croire en moi plus que je ne le fais.",
            "de croire en moi",
            SignalKind.GRATITUDE,
        ),
        (
            "Noël a gagné le concours, et il a réalisé son oeuvre sur le parvis.",
            "il a réalisé",
            SignalKind.GRATITUDE,
        ),
        ("Elles ont conçu toute la signalétique.", "Elles ont conçu", SignalKind.GRATITUDE),
        (
            "J'ai eu plaisir à travailler avec vous.",
            "J'ai eu plaisir à travailler avec",
            SignalKind.GRATITUDE,
        ),
        (
            "J'ai eu la chance de travailler avec des gens formidables.",
            "J'ai eu la chance de travailler avec",
            SignalKind.GRATITUDE,
        ),
        (
            "Des gens d'une humanité rare, contrairement au monde de la TV.",
            "d'une humanité rare",
            SignalKind.GRATITUDE,
        ),
        (
            "C'est quelqu'un qui était toujours présent pour moi.",
            "présent pour moi",
            SignalKind.GRATITUDE,
        ),
        (
            "Pour tous les efforts que vous avez consentis pour moi, merci Mamadou.",
            "consentis pour moi",
            SignalKind.GRATITUDE,
        ),
        ("Tu as ouvert la voie pour moi.", "ouvert la voie pour moi", SignalKind.GRATITUDE),
        (
            "Ces dirigeants d'entreprise qui me font confiance depuis le démarrage.",
            "qui me font confiance",
            SignalKind.GRATITUDE,
        ),
        (
            "Les LCL Sansu et Laplane qui ont eu la gentillesse d'organiser ce pot.",
            "ont eu la gentillesse",
            SignalKind.GRATITUDE,
        ),
        (
            "Rendre hommage à tous ceux qui sont dans l'ombre.",
            "dans l'ombre",
            SignalKind.GRATITUDE,
        ),
        (
            "Ceux qui sont dans l'ombre mais dont le talent est indispensable.",
            "dont le talent",
            SignalKind.GRATITUDE,
        ),
        (
            "Surtout qu'Aurélien s'est chargé entièrement du découpage de l'album.",
            "s'est chargé",
            SignalKind.GRATITUDE,
        ),
        ("Il s'occupait plutôt du texte.", "Il s'occupait", SignalKind.GRATITUDE),
        (
            "Il y a un grand mérite à avoir travaillé 40 années en entreprise.",
            "un grand mérite",
            SignalKind.GRATITUDE,
        ),
        (
            "La météo est bonne, un beau millésime. On le mérite !",
            "On le mérite",
            SignalKind.GRATITUDE,
        ),
        (
            "Mes chers collègues, merci d'être venus.",
            "Mes chers collègues",
            SignalKind.TEAM_REFERENCE,
        ),
        ("Chers médaillés, Mesdames et Messieurs,", "Chers médaillés", SignalKind.TEAM_REFERENCE),
        # The organisation's voice thanking (plain examples).
        (
            "Nous tenons à remercier nos partenaires pour leur fidélité.",
            "Nous tenons à remercier",
            SignalKind.GRATITUDE,
        ),
        ("Nous remercions les bénévoles du festival.", "Nous remercions", SignalKind.GRATITUDE),
        (
            "Nos plus sincères remerciements aux équipes du chantier.",
            "Nos plus sincères remerciements",
            SignalKind.GRATITUDE,
        ),
        (
            "Je vous remercie toutes et tous pour cette soirée.",
            "toutes et tous",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Clarisse Enaudeau, qui m'a cornaquée, et Sophie qui m'a fait signer mon contrat.",
            "m'a fait signer",
            SignalKind.GRATITUDE,
        ),
        (
            "Isabelle, je crois que je te suis redevable.",
            "je te suis redevable",
            SignalKind.GRATITUDE,
        ),
        (
            "Je lui dois cette ferveur à toujours porter haut l'ambition.",
            "Je lui dois",
            SignalKind.GRATITUDE,
        ),
        ("Tu m'as permis d'accéder à mon plus grand rêve.", "Tu m'as", SignalKind.GRATITUDE),
        (
            "Je remercie William Vainchenker de m'avoir accueilli dans son unité.",
            "de m'avoir",
            SignalKind.GRATITUDE,
        ),
        (
            "Les charpentiers et les couvreurs ont travaillé d'arrache pied.",
            "ont travaillé d'arrache pied",
            SignalKind.GRATITUDE,
        ),
        (
            "Nous avons tous des collaborateurs qui ne comptent pas leur temps.",
            "ne comptent pas leur temps",
            SignalKind.GRATITUDE,
        ),
        (
            "Ils se sont donné beaucoup de mal pour nous écouter.",
            "se sont donné beaucoup de mal",
            SignalKind.GRATITUDE,
        ),
        ("Je suis toujours épatée par son énergie.", "épatée par", SignalKind.GRATITUDE),
        (
            "J'étais surtout fasciné par le chemin créatif que Victor leur faisait parcourir.",
            "fasciné par",
            SignalKind.GRATITUDE,
        ),
        (
            "Danilo Wyss a fait un boulot parfait, presque jusqu'au dernier kilomètre.",
            "un boulot parfait",
            SignalKind.GRATITUDE,
        ),
        (
            "Gabrielle fait déjà du beau boulot sur le projet.",
            "du beau boulot",
            SignalKind.GRATITUDE,
        ),
        (
            "J'ai obtenu trois promotions sous ton leadership.",
            "sous ton leadership",
            SignalKind.GRATITUDE,
        ),
        (
            "Ma collègue thésarde et moi, épaulées par deux étudiantes.",
            "épaulées par",
            SignalKind.GRATITUDE,
        ),
        (
            "Tu avais le don de me raconter des paraboles.",
            "Tu avais le don de",
            SignalKind.GRATITUDE,
        ),
        (
            "Non pas pour son départ, elle a bien mérité.",
            "elle a bien mérité",
            SignalKind.GRATITUDE,
        ),
        (
            "J'y ai rencontré des personnes formidables.",
            "des personnes formidables",
            SignalKind.GRATITUDE,
        ),
        (
            "Mes correcteurs, Jean-François Merle et Sylvie Taussig, m'ont tant appris.",
            "m'ont tant appris",
            SignalKind.GRATITUDE,
        ),
        (
            "Il m'a fait confiance, m'a formée, m'a appris les bases du métier.",
            "m'a appris",
            SignalKind.GRATITUDE,
        ),
        (
            "Des recteurs inspirés, qui m'auront tant appris.",
            "m'auront tant appris",
            SignalKind.GRATITUDE,
        ),
        (
            "Tous m'ont ouvert leur porte et leur confiance.",
            "m'ont ouvert leur porte",
            SignalKind.GRATITUDE,
        ),
        (
            "Je vous laisse découvrir ce cadeau, cette aventure collective.",
            "aventure collective",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Ce n'est déjà plus mon livre mais un projet communautaire.",
            "projet communautaire",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Une démarche très concertée et travaillée collégialement.",
            "collégialement",
            SignalKind.TEAM_REFERENCE,
        ),
        ("Je suis tellement content, fier des gars.", "fier des gars", SignalKind.TEAM_REFERENCE),
        (
            "Je suis extrêmement fier d'avoir travaillé au sein de ton équipe.",
            "fier d'avoir travaillé au sein de",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Je suis satisfait d'avoir rempli mon rôle d'équipier pour Jan.",
            "équipier",
            SignalKind.TEAM_REFERENCE,
        ),
        ("Je n'oublierai jamais cette équipe.", "cette équipe", SignalKind.TEAM_REFERENCE),
        ("Mieux qu'un club, une vraie famille.", "une vraie famille", SignalKind.TEAM_REFERENCE),
        (
            "C'est donc moi qui ai écrit tout le code.",
            "C'est donc moi qui",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "Pour cela j'ai programmé un tableau invisible.",
            "j'ai programmé",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "C'est la première fois que je gagne une étape.",
            "je gagne",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "J'ai beaucoup travaillé. J'ai travaillé dur.",
            "J'ai travaillé dur",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "J'ai tout donné avec mes armes du jour.",
            "J'ai tout donné",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "Je me suis vraiment dépouillé dans ce dernier tour.",
            "Je me suis vraiment dépouillé",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "Merci de m'avoir fait confiance en m'élisant à la présidence.",
            "en m'élisant",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Le brunch du bureau pour célébrer ma retraite.",
            "ma retraite",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Ce truc était une fête en mon honneur parce que je partais.",
            "en mon honneur",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Vendredi était donc mon dernier jour de travail.",
            "mon dernier jour",
            SignalKind.SELF_REFERENCE,
        ),
        ("Je quitte mon CDI en agence mi-2019.", "Je quitte mon", SignalKind.SELF_REFERENCE),
        (
            "2020 sera une année dédiée à pérenniser mon activité freelance.",
            "mon activité",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Un si beau congrès, organisé d'une main de maître par une UJA dynamique.",
            "organisé d'une main de maître par",
            SignalKind.GRATITUDE,
        ),
        (
            "Il est cependant fortement soutenu par Dominique Potier et Romain Colas.",
            "soutenu par",
            SignalKind.GRATITUDE,
        ),
        ("Mon livre, écrit par moi, va être édité.", "écrit par moi", SignalKind.ACHIEVEMENT_CLAIM),
        (
            "Un site conçu entièrement par nos soins.",
            "conçu entièrement par nos soins",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Des enfants auxquels j'espère avoir appris quelque chose et qui m'ont beaucoup apporté.",
            "m'ont beaucoup apporté",
            SignalKind.GRATITUDE,
        ),
        (
            "Un merci particulier à Luc Marie Greslé et Pierre Marol.",
            "Un merci particulier à",
            SignalKind.GRATITUDE,
        ),
        ("Mention spéciale à Karima pour la vidéo.", "Mention spéciale à", SignalKind.GRATITUDE),
        (
            "Merci à tous, sans oublier Laurent pour les photos.",
            "sans oublier",
            SignalKind.GRATITUDE,
        ),
        (
            "J'offre une dédicace spéciale à Bruno Falba, le meilleur libraire.",
            "une dédicace spéciale à",
            SignalKind.GRATITUDE,
        ),
        ("Je tiens à les féliciter.", "Je tiens à les féliciter", SignalKind.GRATITUDE),
        ("Merci à ceux qui se reconnaîtront.", "ceux qui se reconnaîtront", SignalKind.GRATITUDE),
        (
            "Je pense qu'on peut les applaudir chaleureusement.",
            "on peut les applaudir",
            SignalKind.GRATITUDE,
        ),
        ("J'ai réussi grâce à mon travail.", "grâce à mon travail", SignalKind.ACHIEVEMENT_CLAIM),
        (
            "Grâce à notre mobilisation, le projet a abouti.",
            "Grâce à notre mobilisation",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        ("C'est officiel : je suis jeune diplômée !", "C'est officiel", SignalKind.SELF_PROMOTION),
        ("Merci de partager autour de vous.", "Merci de partager", SignalKind.SELF_PROMOTION),
        (
            "Nous avons cosigné la proposition de loi avec M. Bas.",
            "nous avons cosigné",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Ce n'est pas ma victoire, c'est celle du club.",
            "Ce n'est pas ma victoire",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Une année de solidarité, d'entraide et de bienveillance.",
            "entraide",
            SignalKind.TEAM_REFERENCE,
        ),
        ("Nous avons avancé main dans la main.", "main dans la main", SignalKind.TEAM_REFERENCE),
        (
            "Une pensée toute particulière pour toutes les personnes éprouvées.",
            "Une pensée toute particulière pour",
            SignalKind.GRATITUDE,
        ),
        (
            "Nous nous sommes qualifiés pour la finale.",
            "Nous nous sommes qualifiés",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        ("On s'est battus jusqu'au bout.", "On s'est battus", SignalKind.COLLECTIVE_REFERENCE),
        (
            "Nous sommes très fiers de notre saison.",
            "Nous sommes très fiers de notre",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Je me suis qualifiée pour les Jeux.",
            "Je me suis qualifiée",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        ("Le confinement m'a permis d'enregistrer le feat.", "m'", SignalKind.SELF_REFERENCE),
        ("C'est grâce aux bénévoles que le festival existe.", "grâce aux", SignalKind.GRATITUDE),
        (
            "Ce rapport a été rendu possible par la qualité du travail de nos collègues.",
            "rendu possible par",
            SignalKind.GRATITUDE,
        ),
        (
            "Je tiens à témoigner de ma gratitude à la France qui m'a accueilli.",
            "témoigner de ma gratitude",
            SignalKind.GRATITUDE,
        ),
        ("Non pas pour son départ, elle a bien mérité.", "son départ", SignalKind.GRATITUDE),
        (
            "Michel, merci d'avoir cru en moi. Bonne retraite.",
            "Bonne retraite",
            SignalKind.GRATITUDE,
        ),
        (
            "Après deux décennies de carrière journalistique, je tire ma révérence.",
            "je tire ma révérence",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Je raccroche mon tablier à la rentrée scolaire prochaine.",
            "Je raccroche mon",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Après 13 années à défendre les couleurs du club, un chapitre se ferme.",
            "un chapitre se ferme",
            SignalKind.SELF_REFERENCE,
        ),
        ("Quatre ans de ma vie qui partent en fumée.", "ma vie", SignalKind.SELF_REFERENCE),
        (
            "Il ne s'agit pas de moi, mais bien de l'association.",
            "Il ne s'agit pas de moi",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        ("J'étais PO de mon équipe.", "J'étais PO", SignalKind.SELF_PROMOTION),
        (
            "Je viens d'être nommée directrice de l'agence.",
            "Je viens d'être nommée",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Heureuse de rejoindre l'équipe de Datagif !",
            "Heureuse de rejoindre",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "J'ai eu l'honneur de recevoir le prix.",
            "J'ai eu l'honneur de recevoir",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Je viens d'obtenir ma certification.",
            "Je viens d'obtenir",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "J'ai reçu le prix du meilleur espoir.",
            "J'ai reçu le prix",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "Je me suis fait virer il y a deux ans.",
            "Je me suis fait virer",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        (
            "Merci pour votre soutien, on se retrouve en septembre.",
            "Merci pour votre soutien",
            SignalKind.GRATITUDE,
        ),
        (
            "Reconnaissante pour cette opportunité, j'ai hâte de commencer.",
            "Reconnaissante pour cette opportunité",
            SignalKind.GRATITUDE,
        ),
        (
            "Vendredi soir, j'ai fait mon premier vernissage.",
            "mon premier",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Arriver ici en solitaire, c'est déjà une victoire.",
            "en solitaire",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "L'objectif était de valider ma qualification pour le Vendée Globe.",
            "ma qualification",
            SignalKind.SELF_PROMOTION,
        ),
        ("J'ai toujours voulu y participer.", "J'ai toujours voulu", SignalKind.SELF_REFERENCE),
        (
            "C'est avant tout une victoire collective.",
            "C'est avant tout une victoire collective",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "C'est un titre partagé avec tout le club.",
            "C'est un titre partagé",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Avec mon équipe, on a eu vraiment de la chance.",
            "mon équipe",
            SignalKind.TEAM_REFERENCE,
        ),
        ("Bonne route Sophie, tu vas nous manquer.", "tu vas nous manquer", SignalKind.GRATITUDE),
        ("Vous me manquerez tous, chers collègues.", "Vous me manquerez", SignalKind.GRATITUDE),
        (
            "J'étais d'ailleurs PO de mon équipe.",
            "J'étais d'ailleurs PO",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Rien de tout cela n'aurait été possible sans vous.",
            "n'aurait été possible sans",
            SignalKind.GRATITUDE,
        ),
        (
            "Je n'y serais jamais arrivée sans mon entraîneur.",
            "Je n'y serais jamais arrivée sans",
            SignalKind.GRATITUDE,
        ),
        (
            "Les bénévoles ? Ils ont été formidables.",
            "Ils ont été formidables",
            SignalKind.GRATITUDE,
        ),
        (
            "J'ai rejoint une équipe soudée et passionnée.",
            "une équipe soudée",
            SignalKind.TEAM_REFERENCE,
        ),
        ("Nous avons une super équipe.", "une super équipe", SignalKind.TEAM_REFERENCE),
        (
            "Tout ce que j'ai patiemment mis en place depuis un an se concrétise.",
            "j'ai patiemment mis en place",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "J'ai tout organisé, du lieu aux badges.",
            "J'ai tout organisé",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "Après deux ans, nous avons enfin livré la nouvelle version.",
            "nous avons enfin livré",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "On a tous travaillé pour ce podium.",
            "On a tous travaillé",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        ("Wow, cela m'a vraiment touché.", "cela m'a vraiment touché", SignalKind.SELF_REFERENCE),
        (
            "J'étais plus que touché par les cadeaux.",
            "J'étais plus que touché",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Au début, j'étais vraiment content d'avoir pu changer de job.",
            "j'étais vraiment content",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Il est le premier auteur non seulement de cet amendement, mais aussi de la loi.",
            "le premier auteur",
            SignalKind.GRATITUDE,
        ),
        (
            "Je pense tout particulièrement à Guillaume, si essentiel à la cohésion du club.",
            "Je pense tout particulièrement à",
            SignalKind.GRATITUDE,
        ),
        (
            "Le C.I.E.H « Maurienne », que j'ai le plaisir de servir depuis 27 ans.",
            "j'ai le plaisir de servir",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "C'est un cargo qui m'a amené mon nouveau bateau à Lorient.",
            "mon nouveau",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Continuons ensemble à construire ce projet.",
            "Continuons",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        ("Restons mobilisés jusqu'au bout.", "Restons", SignalKind.COLLECTIVE_REFERENCE),
        (
            "Ma première pensée va à Jason, gravement blessé le jour du match.",
            "Ma première pensée va",
            SignalKind.GRATITUDE,
        ),
    ],
)
def test_french_rule_is_found_with_its_kind(text: str, phrase: str, kind: SignalKind) -> None:
    assert kind in kinds_of(analyze_framing(text, "fr"), phrase)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Quand on a sa boîte, on l’a tous vu venir.", "Quand on"),
        ("Que peut-on tirer de cette année ?", "peut-on"),
        ("Tout à coup, on vous écoute.", "on vous"),
        ("Il a été rappelé en catastrophe (on imagine le TJ).", "on imagine"),
        ("Qu'on me permette d'exprimer ma joie.", "Qu'on me permette"),
        ("Une telle opération, nous a-t-il confié.", "nous a-t-il confié"),
        (
            "Ça fait 4000 ans qu'on critique les jeunes, et on ne le dit pas assez.",
            "on ne le dit pas",
        ),
        ("Quand on sait la différence d'engagement que cela représente.", "quand on sait"),
        ("Dans l'ensemble, le ressenti de la thèse a été positif.", "Dans l'ensemble"),
        ("Enfin bref, l'ensemble a l'air assez excitant.", "l'ensemble"),
        ("Le second d'une famille de 8 enfants de milieu modeste.", "une famille"),
        ("Ce trophée récompense la progression de l'équipe de France.", "l'équipe de France"),
        ("Le projet, dans son ensemble, a pris du retard.", "dans son ensemble"),
        ("Dieu merci, le serveur a tenu.", "Dieu merci"),
        ("La convention collective a été renégociée.", "convention collective"),
    ],
)
def test_french_ignored_phrase_gives_no_signal(text: str, phrase: str) -> None:
    start = text.lower().index(phrase.lower())
    end = start + len(phrase)
    analysis = analyze_framing(text, "fr")
    assert not [s for s in analysis.signals if s.span.start < end and start < s.span.end]
