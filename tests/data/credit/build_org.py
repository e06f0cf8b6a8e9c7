"""Build the credit evaluation organisation (issue 14): organization.json and posts.json.

Run: python tests/data/credit/build_org.py   (writes both files next to this script)

Written by hand for the evaluation, unlike the demo: Kestrel Mobility, 52 people in 6
countries (FR, ES, DE, JP, KR, US), 8 teams, 12 projects whose aliases are in Latin, kana,
kanji and hangul, names with hyphens (Seo-yeon Choi, Jean-Baptiste Lefèvre, Hans-Peter
Vogel), names stored family name first in kanji or hangul (田中 健太, 김 지호) with
their romanised names and readings as aliases, as an HR export carries them ("Kenta
Tanaka", "TANAKA Kenta", "タナカ ケンタ"; "Jiho Kim", "KIM Ji-ho"),
names that are also common words (Will, Claire, Grace, Mark, Rose, June, Pierre), and weights
on a 0-1 scale for some projects and 0-100 for others.

posts.json holds 70 posts written the way people write on LinkedIn (not from a template):
18 French, 7 Spanish, 7 German, 6 Japanese, 5 Korean, 27 English; 15 are about
nothing in the organisation; several already credit everyone (by name, @handle, or by
naming the team). Each post carries its labels, set by reading the post, not by running
the analyser: `about` (the project it is mainly about, or null), `credits` (the people the
text credits: named, @-mentioned, or members of a team it names) and `kind`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

TEAMS = {
    "t-mobile": ("Mobile", "Colibri and Tsubame apps"),
    "t-infra": ("Infra Tokyo", "Gateways and schedulers"),
    "t-data": ("Data Science", "Forecasting, Seoul"),
    "t-routing": ("Routing", "Route planning, Berlin"),
    "t-payments": ("Équipe Paiements", "Payments, Lyon"),
    "t-design": ("Design Studio", "Design system, Madrid"),
    "t-sre": ("SRE", "Reliability, Austin"),
    "t-growth": ("Growth", "Notifications and onboarding"),
}

# name, country, team
PEOPLE = [
    ("Claire Morel", "FR", "t-mobile"),
    ("Jean-Baptiste Lefèvre", "FR", "t-mobile"),
    ("Lucía Fernández", "ES", "t-mobile"),
    ("Will Okafor", "US", "t-mobile"),
    ("Anne-Sophie Martin", "FR", "t-mobile"),
    ("Pablo Ruiz", "ES", "t-mobile"),
    ("Rose Lambert", "FR", "t-mobile"),
    ("Lucas Moreau", "FR", "t-mobile"),
    ("Aoi Kobayashi", "JP", "t-infra"),
    ("田中 健太", "JP", "t-infra"),
    ("Yuki Sato", "JP", "t-infra"),
    ("Haruto Suzuki", "JP", "t-infra"),
    ("Mei Watanabe", "JP", "t-infra"),
    ("Sakura Ito", "JP", "t-infra"),
    ("Seo-yeon Choi", "KR", "t-data"),
    ("Min-jun Park", "KR", "t-data"),
    ("김 지호", "KR", "t-data"),
    ("Ha-eun Lee", "KR", "t-data"),
    ("Ji-woo Han", "KR", "t-data"),
    ("June Kang", "US", "t-data"),
    ("Hans-Peter Vogel", "DE", "t-routing"),
    ("Mark Weber", "DE", "t-routing"),
    ("Lena Schmidt", "DE", "t-routing"),
    ("Jonas Becker", "DE", "t-routing"),
    ("Katharina Wolf", "DE", "t-routing"),
    ("Felix Braun", "DE", "t-routing"),
    ("Pierre Garnier", "FR", "t-payments"),
    ("Inès Haddad", "FR", "t-payments"),
    ("Mathieu Roux", "FR", "t-payments"),
    ("Camille Bernard", "FR", "t-payments"),
    ("Théo Fontaine", "FR", "t-payments"),
    ("Sophie Marchand", "FR", "t-payments"),
    ("Nicolas Petit", "FR", "t-payments"),
    ("Marta Jiménez", "ES", "t-design"),
    ("Álvaro Castillo", "ES", "t-design"),
    ("Carmen Vidal", "ES", "t-design"),
    ("Iker Etxeberria", "ES", "t-design"),
    ("Paloma Serrano", "ES", "t-design"),
    ("Elena Torres", "ES", "t-design"),
    ("Grace Miller", "US", "t-sre"),
    ("Daniel Brooks", "US", "t-sre"),
    ("Priya Raman", "US", "t-sre"),
    ("Marcus Chen", "US", "t-sre"),
    ("Olivia Hart", "US", "t-sre"),
    ("Tom Becker", "US", "t-sre"),
    ("Ravi Patel", "US", "t-sre"),
    ("Sarah Klein", "DE", "t-growth"),
    ("Noah Fischer", "DE", "t-growth"),
    ("Emily Stone", "US", "t-growth"),
    ("Max Hoffmann", "DE", "t-growth"),
    ("Julia Neumann", "DE", "t-growth"),
    ("Ben Carter", "US", "t-growth"),
]

HANDLES = {"田中 健太": "kenta-tanaka", "김 지호": "jiho-kim"}

# The other names an HR export carries for the people it stores in kanji or hangul, whose
# colleagues often write them in Latin letters: the romanised name as they use it at work
# (their LinkedIn handle says as much), the passport form (family name in capitals) and,
# for the Japanese, the kana reading (furigana).
ALIASES = {
    "田中 健太": ["Kenta Tanaka", "TANAKA Kenta", "タナカ ケンタ"],
    "김 지호": ["Jiho Kim", "KIM Ji-ho"],
}

# id: (name, aliases, owning team, {person name: weight}); weights on 0-1 or 0-100 scales.
PROJECTS = {
    "pr-hikari": (
        "Hikari Gateway",
        ["Hikari", "ヒカリ", "光ゲートウェイ"],
        "t-infra",
        {"Aoi Kobayashi": 90, "田中 健太": 70, "Yuki Sato": 40, "Marcus Chen": 30},
    ),
    "pr-ironclad": (
        "Ironclad",
        ["Project Ironclad", "아이언클래드"],
        "t-sre",
        {"Grace Miller": 1.0, "Priya Raman": 0.8, "Daniel Brooks": 0.6, "Haruto Suzuki": 0.3},
    ),
    "pr-colibri": (
        "Colibri",
        ["Colibri app", "appli Colibri"],
        "t-mobile",
        {
            "Claire Morel": 0.9,
            "Will Okafor": 0.8,
            "Jean-Baptiste Lefèvre": 0.6,
            "Lucía Fernández": 0.5,
            "Lucas Moreau": 0.3,
        },
    ),
    "pr-orca": (
        "Orca",
        ["Orca Routing Engine"],
        "t-routing",
        {"Hans-Peter Vogel": 100, "Lena Schmidt": 80, "Mark Weber": 60, "Felix Braun": 20},
    ),
    "pr-sillage": (
        "Sillage",
        ["Sillage Pay"],
        "t-payments",
        {
            "Inès Haddad": 1.0,
            "Pierre Garnier": 0.7,
            "Mathieu Roux": 0.7,
            "Camille Bernard": 0.4,
            "Théo Fontaine": 0.2,
        },
    ),
    "pr-tamtam": (
        "TamTam",
        ["Tam-Tam", "TamTam notifications"],
        "t-growth",
        {"Sarah Klein": 0.9, "Noah Fischer": 0.6, "Emily Stone": 0.5, "Ben Carter": 0.3},
    ),
    "pr-nabi": (
        "Nabi",
        ["나비", "Nabi Forecast"],
        "t-data",
        {
            "Seo-yeon Choi": 1.0,
            "Min-jun Park": 0.8,
            "김 지호": 0.7,
            "Ha-eun Lee": 0.4,
            "June Kang": 0.3,
        },
    ),
    "pr-mosaico": (
        "Mosaico",
        ["Mosaico Design System", "sistema Mosaico"],
        "t-design",
        {
            "Marta Jiménez": 1.0,
            "Carmen Vidal": 0.7,
            "Álvaro Castillo": 0.5,
            "Elena Torres": 0.4,
            "Rose Lambert": 0.3,
        },
    ),
    "pr-kairos": (
        "Kairos",
        ["カイロス", "Kairos Scheduler"],
        "t-infra",
        {"Sakura Ito": 0.9, "Mei Watanabe": 0.8, "Ji-woo Han": 0.5, "Aoi Kobayashi": 0.2},
    ),
    "pr-bruckenbau": (
        "Brückenbau",
        ["Project Bridge"],
        "t-routing",
        {"Katharina Wolf": 90, "Jonas Becker": 75, "Max Hoffmann": 50, "Julia Neumann": 25},
    ),
    "pr-faro": (
        "Faro",
        ["Faro Alerts", "alertas Faro"],
        "t-sre",
        {"Olivia Hart": 0.9, "Tom Becker": 0.7, "Ravi Patel": 0.6, "Iker Etxeberria": 0.3},
    ),
    "pr-tsubame": (
        "Tsubame",
        ["つばめ", "Tsubame Pay"],
        "t-mobile",
        {"Haruto Suzuki": 0.9, "Pablo Ruiz": 0.6, "Anne-Sophie Martin": 0.6, "Yuki Sato": 0.5},
    ),
}


def slug(name: str) -> str:
    if name in HANDLES:
        return HANDLES[name]
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def pid(name: str) -> str:
    return "p-" + slug(name)


# (language, author, text, about, credited names, kind). kind: solo (one person's
# announcement), partial (credits some), all (credits everyone), team (names a team),
# multi (two projects), nothing (nothing in the organisation).
POSTS: list[tuple[str, str, str, str | None, list[str], str]] = [
    # --- English ---------------------------------------------------------------------
    (
        "en",
        "Aoi Kobayashi",
        "Six months ago I pitched a crazy idea: one gateway for every partner API. Today "
        "Hikari Gateway handles 40% of our traffic. I designed it, I fought for it, I shipped it.",
        "pr-hikari",
        [],
        "solo",
    ),
    (
        "en",
        "Grace Miller",
        "Ironclad is live 🔒 I led the threat model and wrote most of the policy engine myself. "
        "Long nights, worth it. #security #ProjectIronclad",
        "pr-ironclad",
        [],
        "solo",
    ),
    (
        "en",
        "Will Okafor",
        "I will never get tired of seeing people use something I built. The Colibri app just "
        "crossed 1M downloads!",
        "pr-colibri",
        [],
        "solo",
    ),
    (
        "en",
        "Hans-Peter Vogel",
        "Big milestone: Orca now plans routes for all 14 depots. Huge thanks to Lena and Mark "
        "for the late-night debugging sessions.",
        "pr-orca",
        ["Lena Schmidt", "Mark Weber"],
        "partial",
    ),
    (
        "en",
        "Sarah Klein",
        "Shipped TamTam notifications v3 this week. Open rates up 22%. I owned the experiment "
        "design end to end. #growth #TamTam",
        "pr-tamtam",
        [],
        "solo",
    ),
    (
        "en",
        "Olivia Hart",
        "Pager fatigue is real. So I rebuilt our alerting: Faro Alerts now groups incidents and "
        "cut pages by half. Proud of this one.",
        "pr-faro",
        [],
        "solo",
    ),
    (
        "en",
        "Marcus Chen",
        "Kudos to Aoi, Kenta and Yuki — #HikariGateway survived Black Friday without a single "
        "timeout. Honoured to have helped a little.",
        "pr-hikari",
        ["Aoi Kobayashi", "田中 健太", "Yuki Sato"],
        "all",
    ),
    (
        "en",
        "Priya Raman",
        "Quick update on Ironclad: the audit passed with zero findings. Grace Miller, Daniel "
        "Brooks and Haruto Suzuki, this one is yours as much as mine.",
        "pr-ironclad",
        ["Grace Miller", "Daniel Brooks", "Haruto Suzuki"],
        "all",
    ),
    (
        "en",
        "Seo-yeon Choi",
        "Our forecasting model Nabi is now 18% more accurate on holiday weeks. I spent the "
        "summer on feature engineering and it paid off.",
        "pr-nabi",
        [],
        "solo",
    ),
    (
        "en",
        "Katharina Wolf",
        "Project Bridge is done: every legacy depot is migrated. I drove the rollout plan and "
        "the cutover weekend.",
        "pr-bruckenbau",
        [],
        "solo",
    ),
    (
        "en",
        "Emily Stone",
        "Thanks to the whole Growth team for TamTam! Sarah, Noah, Ben, Max and Julia made "
        "this launch feel easy.",
        "pr-tamtam",
        ["Sarah Klein", "Noah Fischer", "Ben Carter", "Max Hoffmann", "Julia Neumann"],
        "all",
    ),
    (
        "en",
        "Mei Watanabe",
        "I rewrote the Kairos Scheduler's queue in Rust. p99 latency went from 900ms to 60ms. "
        "Happy to share what I learned.",
        "pr-kairos",
        [],
        "solo",
    ),
    (
        "en",
        "Ben Carter",
        "Learned a ton pairing with @Emily Stone on the TamTam onboarding flow. Grateful.",
        "pr-tamtam",
        ["Emily Stone"],
        "partial",
    ),
    (
        "en",
        "Marta Jiménez",
        "Mosaico Design System 2.0 is out: dark mode, 120 components, full accessibility audit. "
        "I led it from the first sketch.",
        "pr-mosaico",
        [],
        "solo",
    ),
    (
        "en",
        "Ravi Patel",
        "Faro caught a disk failure 40 minutes before it would have taken down checkout. Alerts "
        "that actually mean something! Great work by Olivia and Tom.",
        "pr-faro",
        ["Olivia Hart", "Tom Becker"],
        "partial",
    ),
    (
        "en",
        "Daniel Brooks",
        "Ironclad in numbers: 3,200 secrets rotated, 0 outages. I automated the rotation "
        "pipeline over the winter.",
        "pr-ironclad",
        [],
        "solo",
    ),
    (
        "en",
        "Haruto Suzuki",
        "Tsubame Pay launched in Osaka today! I led the integration with the local wallets.",
        "pr-tsubame",
        [],
        "solo",
    ),
    (
        "en",
        "Min-jun Park",
        "Nabi Forecast now runs every hour instead of every day. Huge shout-out to the Data "
        "Science team: Seo-yeon, Jiho, Ha-eun, Ji-woo and June.",
        "pr-nabi",
        ["Seo-yeon Choi", "김 지호", "Ha-eun Lee", "Ji-woo Han", "June Kang"],
        "all",
    ),
    (
        "en",
        "Lena Schmidt",
        "Presented Orca at the logistics meetup in Hamburg. I walked through how I tuned the "
        "solver for same-day deliveries.",
        "pr-orca",
        [],
        "solo",
    ),
    (
        "en",
        "Yuki Sato",
        "Two launches in one week: Tsubame got its new checkout and I finally closed the last "
        "Hikari migration ticket.",
        "pr-tsubame",
        [],
        "multi",
    ),
    # --- French ----------------------------------------------------------------------
    (
        "fr",
        "Claire Morel",
        "Ravie de vous annoncer que l'appli Colibri passe en version 4 ! J'ai piloté la refonte "
        "avec une méthodologie claire et beaucoup de tests utilisateurs.",
        "pr-colibri",
        [],
        "solo",
    ),
    (
        "fr",
        "Inès Haddad",
        "Sillage est en production 🎉 Le paiement instantané pour tous nos clients. J'ai porté "
        "ce projet pendant deux ans.",
        "pr-sillage",
        [],
        "solo",
    ),
    (
        "fr",
        "Pierre Garnier",
        "Merci à toute l'équipe Paiements pour Sillage Pay : Inès, Mathieu, Camille, Théo, "
        "Sophie et Nicolas, vous avez été incroyables.",
        "pr-sillage",
        [
            "Inès Haddad",
            "Mathieu Roux",
            "Camille Bernard",
            "Théo Fontaine",
            "Sophie Marchand",
            "Nicolas Petit",
        ],
        "all",
    ),
    (
        "fr",
        "Jean-Baptiste Lefèvre",
        "Colibri a reçu le prix de l'appli mobilité de l'année. Je suis fier du travail accompli "
        "sur la navigation hors ligne, que j'ai conçue.",
        "pr-colibri",
        [],
        "solo",
    ),
    (
        "fr",
        "Mathieu Roux",
        "Retour d'expérience sur Sillage : comment nous avons tenu 3 000 paiements par seconde. "
        "Merci Inès pour la revue d'architecture.",
        "pr-sillage",
        ["Inès Haddad"],
        "partial",
    ),
    (
        "fr",
        "Anne-Sophie Martin",
        "Première semaine de Tsubame en France ! J'ai adapté le parcours de paiement pour le "
        "marché français.",
        "pr-tsubame",
        [],
        "solo",
    ),
    (
        "fr",
        "Rose Lambert",
        "Mosaico arrive enfin dans nos applis mobiles. J'ai fait le pont entre les designers "
        "de Madrid et l'équipe Mobile.",
        "pr-mosaico",
        [],
        "solo",
    ),
    (
        "fr",
        "Camille Bernard",
        "Bravo à Pierre Garnier et à Inès Haddad : Sillage vient de passer l'audit PCI du "
        "premier coup.",
        "pr-sillage",
        ["Pierre Garnier", "Inès Haddad"],
        "partial",
    ),
    (
        "fr",
        "Lucas Moreau",
        "Mon premier projet chez Kestrel : le mode sombre de Colibri. J'ai tout codé en trois "
        "sprints.",
        "pr-colibri",
        [],
        "solo",
    ),
    (
        "fr",
        "Théo Fontaine",
        "Je présente Sillage Pay au salon Paris Fintech jeudi. Venez me voir sur le stand !",
        "pr-sillage",
        [],
        "solo",
    ),
    (
        "fr",
        "Claire Morel",
        "Un immense merci à Will, Jean-Baptiste, Lucía et Lucas : la nouvelle version de "
        "Colibri, c'est vous.",
        "pr-colibri",
        ["Will Okafor", "Jean-Baptiste Lefèvre", "Lucía Fernández", "Lucas Moreau"],
        "all",
    ),
    (
        "fr",
        "Sophie Marchand",
        "J'ai migré la facturation vers Sillage en un mois. Pas une seule erreur de rapprochement.",
        "pr-sillage",
        [],
        "solo",
    ),
    (
        "fr",
        "Nicolas Petit",
        "Le Projet Ironclad arrive chez nous : les paiements passent désormais par le coffre "
        "de secrets. J'ai mené l'intégration côté Paiements.",
        "pr-ironclad",
        [],
        "solo",
    ),
    (
        "fr",
        "Jean-Baptiste Lefèvre",
        "Colibri et Tsubame partagent maintenant le même moteur de carte. J'ai conduit la "
        "fusion des deux bases de code.",
        "pr-colibri",
        [],
        "multi",
    ),
    # --- Spanish ---------------------------------------------------------------------
    (
        "es",
        "Carmen Vidal",
        "¡Lanzamos el sistema Mosaico en todas las apps! Diseñé los tokens de color y la "
        "tipografía.",
        "pr-mosaico",
        [],
        "solo",
    ),
    (
        "es",
        "Álvaro Castillo",
        "Gracias a Marta Jiménez y a Carmen Vidal por Mosaico. Aprendí muchísimo este año.",
        "pr-mosaico",
        ["Marta Jiménez", "Carmen Vidal"],
        "partial",
    ),
    (
        "es",
        "Lucía Fernández",
        "Colibri ya está disponible en México. Me encargué de la localización y de las pruebas "
        "con usuarios.",
        "pr-colibri",
        [],
        "solo",
    ),
    (
        "es",
        "Iker Etxeberria",
        "Las alertas Faro ahora avisan por WhatsApp. Lo implementé en dos semanas.",
        "pr-faro",
        [],
        "solo",
    ),
    (
        "es",
        "Pablo Ruiz",
        "Tsubame llega a Madrid. He liderado la integración con Bizum y estoy muy orgulloso.",
        "pr-tsubame",
        [],
        "solo",
    ),
    # --- German ----------------------------------------------------------------------
    (
        "de",
        "Jonas Becker",
        "Brückenbau ist abgeschlossen! Ich habe die Migration der letzten zwölf Depots geleitet.",
        "pr-bruckenbau",
        [],
        "solo",
    ),
    (
        "de",
        "Mark Weber",
        "Orca plant jetzt auch Lastenräder ein. Ich habe das Kostenmodell dafür entwickelt.",
        "pr-orca",
        [],
        "solo",
    ),
    (
        "de",
        "Felix Braun",
        "Danke an das Routing-Team für Orca: Hans-Peter, Lena, Mark, Jonas und Katharina, "
        "ihr seid großartig.",
        "pr-orca",
        ["Hans-Peter Vogel", "Lena Schmidt", "Mark Weber", "Jonas Becker", "Katharina Wolf"],
        "all",
    ),
    (
        "de",
        "Noah Fischer",
        "TamTam verschickt jetzt 5 Millionen Nachrichten pro Tag. Ich habe die "
        "Zustellpipeline neu geschrieben.",
        "pr-tamtam",
        [],
        "solo",
    ),
    (
        "de",
        "Max Hoffmann",
        "Project Bridge: Ich habe die Datenmigration für das Wachstumsteam übernommen. Jetzt "
        "läuft alles über die neue Plattform.",
        "pr-bruckenbau",
        [],
        "solo",
    ),
    # --- Japanese --------------------------------------------------------------------
    (
        "ja",
        "田中 健太",
        "私たちのHikariがついに全パートナーに公開されました！設計から運用まで担当しました。",
        "pr-hikari",
        [],
        "solo",
    ),
    (
        "ja",
        "Sakura Ito",
        "カイロスの新しいスケジューラーをリリースしました。渡辺さんと韓さんに感謝します。",
        "pr-kairos",
        ["Mei Watanabe", "Ji-woo Han"],
        "partial",
    ),
    (
        "ja",
        "Haruto Suzuki",
        "つばめのアプリが大阪で使えるようになりました。ウォレット連携は私が担当しました。",
        "pr-tsubame",
        [],
        "solo",
    ),
    (
        "ja",
        "Aoi Kobayashi",
        "光ゲートウェイの障害対応、田中さん、佐藤さん、Marcus Chenさんのおかげで乗り切れました。",
        "pr-hikari",
        ["田中 健太", "Yuki Sato", "Marcus Chen"],
        "all",
    ),
    (
        "ja",
        "Yuki Sato",
        "Kairos Schedulerの移行を手伝いました。伊藤さんのチームは本当にすごい。",
        "pr-kairos",
        ["Sakura Ito"],
        "partial",
    ),
    # --- Korean ----------------------------------------------------------------------
    (
        "ko",
        "김 지호",
        "나비 예측 모델이 이번 주에 새 버전으로 배포되었습니다. 제가 데이터 파이프라인을 설계했습니다.",
        "pr-nabi",
        [],
        "solo",
    ),
    (
        "ko",
        "Ha-eun Lee",
        "Nabi가 드디어 전 지역에 적용됐어요! 서연님, 민준님 고맙습니다.",
        "pr-nabi",
        ["Seo-yeon Choi", "Min-jun Park"],
        "partial",
    ),
    (
        "ko",
        "Ji-woo Han",
        "Kairos 스케줄러 개선 작업을 마쳤습니다. 처리 시간이 절반으로 줄었어요.",
        "pr-kairos",
        [],
        "solo",
    ),
    (
        "ko",
        "Seo-yeon Choi",
        "아이언클래드 보안 감사 준비를 도왔습니다. 좋은 경험이었어요.",
        "pr-ironclad",
        [],
        "solo",
    ),
    # --- Team work, no project -------------------------------------------------------
    (
        "en",
        "Grace Miller",
        "Proud of my team this quarter. We halved our incident count and nobody burned out. "
        "Thank you all.",
        None,
        [],
        "team",
    ),
    (
        "fr",
        "Inès Haddad",
        "Merci à toute l'équipe Paiements pour cette année incroyable. On a fait du beau "
        "travail ensemble.",
        None,
        [
            "Pierre Garnier",
            "Mathieu Roux",
            "Camille Bernard",
            "Théo Fontaine",
            "Sophie Marchand",
            "Nicolas Petit",
        ],
        "team",
    ),
    # --- About nothing in the organisation ---------------------------------------------
    (
        "en",
        "Tom Becker",
        "5 lessons from 10 years of being on call: 1. Sleep is a feature. 2. Runbooks rot. "
        "3. Blameless means blameless. 4. Page less. 5. Take the day off after a bad night.",
        None,
        [],
        "nothing",
    ),
    (
        "en",
        "Will Okafor",
        "Will AI replace product managers? I don't think so. It will change what the job "
        "looks like, though.",
        None,
        [],
        "nothing",
    ),
    (
        "en",
        "Emily Stone",
        "Just finished 'The Culture Map' by Erin Meyer. Highly recommend it to anyone working "
        "across countries.",
        None,
        [],
        "nothing",
    ),
    (
        "en",
        "Grace Miller",
        "We're hiring! Two senior SRE roles, remote in the US. DM me if you're curious.",
        None,
        [],
        "nothing",
    ),
    (
        "en",
        "Daniel Brooks",
        "Hot take: most dashboards are never looked at after the first week. Measure what you "
        "act on.",
        None,
        [],
        "nothing",
    ),
    (
        "fr",
        "Rose Lambert",
        "Trois ans que je suis passée du graphisme au design produit. Le conseil que j'aurais "
        "aimé recevoir : montrez vos brouillons tôt.",
        None,
        [],
        "nothing",
    ),
    (
        "fr",
        "Mathieu Roux",
        "Quelqu'un a des recommandations de conférences tech à Lyon cet automne ?",
        None,
        [],
        "nothing",
    ),
    (
        "fr",
        "Camille Bernard",
        "Le télétravail, quatre ans après : ce qui marche, ce qui ne marche pas, et pourquoi "
        "je reviens au bureau deux jours par semaine.",
        None,
        [],
        "nothing",
    ),
    (
        "es",
        "Paloma Serrano",
        "Hoy cumplo diez años como diseñadora. Gracias a todas las personas que me enseñaron "
        "algo por el camino.",
        None,
        [],
        "nothing",
    ),
    (
        "de",
        "Julia Neumann",
        "Wie gehen eure Teams mit Meetings um? Wir testen gerade einen meetingfreien Mittwoch.",
        None,
        [],
        "nothing",
    ),
    (
        "ja",
        "Mei Watanabe",
        "今日は社内勉強会でRustの所有権について話しました。質問がたくさん来て嬉しかったです。",
        None,
        [],
        "nothing",
    ),
    (
        "ko",
        "Min-jun Park",
        "좋은 코드 리뷰란 무엇일까요? 요즘 많이 고민하고 있습니다.",
        None,
        [],
        "nothing",
    ),
    (
        "de",
        "Lena Schmidt",
        "Heute vor fünf Jahren habe ich meinen ersten Pull Request geschrieben. Was habt ihr "
        "in eurem ersten Jahr als Entwicklerin oder Entwickler gelernt?",
        None,
        [],
        "nothing",
    ),
    (
        "es",
        "Marta Jiménez",
        "¿Qué libro de diseño recomendaríais a alguien que empieza? Yo siempre digo 'The "
        "Design of Everyday Things'.",
        None,
        [],
        "nothing",
    ),
    (
        "en",
        "Marcus Chen",
        "Ran my first half marathon this weekend. Turns out training plans work if you "
        "actually follow them.",
        None,
        [],
        "nothing",
    ),
]


def build() -> tuple[dict[str, object], list[dict[str, object]]]:
    people = [
        {
            "id": pid(name),
            "name": name,
            "handle": slug(name),
            "headline": TEAMS[team][0],
            "country": country,
            "locale": {
                "FR": "fr-FR",
                "ES": "es-ES",
                "DE": "de-DE",
                "JP": "ja-JP",
                "KR": "ko-KR",
                "US": "en-US",
            }[country],
            **({"aliases": ALIASES[name]} if name in ALIASES else {}),
        }
        for name, country, team in PEOPLE
    ]
    doc = {
        "version": 1,
        "organizations": [{"id": "org-kestrel", "name": "Kestrel Mobility"}],
        "teams": [
            {"id": tid, "name": name, "description": description, "organizationId": "org-kestrel"}
            for tid, (name, description) in TEAMS.items()
        ],
        "people": people,
        "projects": [
            {
                "id": prid,
                "name": name,
                "aliases": aliases,
                "keywords": [],
                "teamId": team,
                "startedAt": "2025-01-01T00:00:00Z",
            }
            for prid, (name, aliases, team, _) in PROJECTS.items()
        ],
        "memberships": [
            {
                "personId": pid(name),
                "teamId": team,
                "role": "member",
                "since": "2024-01-01T00:00:00Z",
            }
            for name, _, team in PEOPLE
        ],
        "contributions": [
            {"personId": pid(name), "projectId": prid, "role": None, "weight": weight}
            for prid, (_, _, _, weights) in PROJECTS.items()
            for name, weight in weights.items()
        ],
        "posts": [],
    }
    known = {name for name, _, _ in PEOPLE}
    posts = []
    for number, (language, author, text, about, credits, kind) in enumerate(POSTS, 1):
        assert author in known and all(c in known for c in credits), (author, credits)
        posts.append(
            {
                "id": f"eval-{number:02d}",
                "language": language,
                "authorHandle": slug(author),
                "authorId": pid(author),
                "text": text,
                "about": about,
                "credits": [pid(c) for c in credits],
                "kind": kind,
            }
        )
    return doc, posts


if __name__ == "__main__":
    doc, posts = build()
    (HERE / "organization.json").write_text(
        json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    (HERE / "posts.json").write_text(
        json.dumps(posts, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"{len(doc['people'])} people, {len(doc['projects'])} projects, {len(posts)} posts")
