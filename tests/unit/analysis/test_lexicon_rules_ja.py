"""Japanese lexicon rules learned from the training split's misses, pinned."""

from __future__ import annotations

import pytest

from teamcredit.analysis.framing import analyze_framing
from teamcredit.analysis.models import SignalKind
from tests.support.signals import kinds_of


@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [
        ("部署のマネージャーに昇格が決まりました。", "に昇格", SignalKind.SELF_PROMOTION),
        ("昇格が決まりました。", "昇格が決まり", SignalKind.SELF_PROMOTION),
        ("勤務した会社の最終出社日を迎えました。", "最終出社日", SignalKind.SELF_PROMOTION),
        ("入社エントリを自分のブログで書く。", "入社エントリ", SignalKind.SELF_PROMOTION),
        ("昨年初の就職を経験し", "就職", SignalKind.SELF_PROMOTION),
        ("なんとか、合格をいただくことができました。", "合格をいただ", SignalKind.SELF_PROMOTION),
        (
            "なんとか、合格をいただくことができました。",
            "ことができました",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        ("努力が実ったんだぞ、と。", "努力が実った", SignalKind.ACHIEVEMENT_CLAIM),
        ("半年で3人採用するなど結果も出て", "結果も出", SignalKind.ACHIEVEMENT_CLAIM),
        ("なんとか一年頑張れました。", "頑張れました", SignalKind.ACHIEVEMENT_CLAIM),
        ("多くの方々の協力なくしては出版は不可能です。", "多くの方々", SignalKind.TEAM_REFERENCE),
        ("多くの方々の協力なくしては出版は不可能です。", "協力なくして", SignalKind.GRATITUDE),
        (
            "先生方や先輩、そして同期の助けなくしてこのような機会はなかった",
            "助けなくして",
            SignalKind.GRATITUDE,
        ),
        ("皆様には、感謝しても感謝しきれません。", "感謝しきれません", SignalKind.GRATITUDE),
        ("先生方に、改めて感謝申し上げます。", "感謝申し上げます", SignalKind.GRATITUDE),
        (
            "進捗管理を行ってくださり、大変お世話になりました。",
            "お世話になりました",
            SignalKind.GRATITUDE,
        ),
        ("先生からのご指導の甲斐あって合格できた。", "ご指導", SignalKind.GRATITUDE),
        ("誤字脱字も指摘してくれた家族。", "てくれ", SignalKind.GRATITUDE),
        ("章立てをアドバイスしてくださったり", "てくださ", SignalKind.GRATITUDE),
        ("2人からは、たくさん教わる事があった。", "教わ", SignalKind.GRATITUDE),
        ("先日送別会を開いていただきました。", "ていただ", SignalKind.GRATITUDE),
        ("主査の高村先生に感謝申し上げます。", "高村先生", SignalKind.MENTION),
        ("修士論文発表で神田君が専攻長賞を受賞しました。", "神田君", SignalKind.MENTION),
        ("プロポーザルは清家先輩が一緒に考えてくれた。", "清家先輩", SignalKind.MENTION),
        (
            "このような環境を築いてくださった木下教授に感謝しております。",
            "木下教授",
            SignalKind.MENTION,
        ),
        ("6年間務めた理事長を退任致しました。", "退任致しました", SignalKind.SELF_PROMOTION),
        ("私は4月から他の大学に講師として異動します。", "異動します", SignalKind.SELF_PROMOTION),
        ("受験者全員が合格した。まずは、おめでとう。", "おめでとう", SignalKind.GRATITUDE),
        ("我社も「創業60周年」の欄に載っておりました。", "創業", SignalKind.COLLECTIVE_REFERENCE),
        ("我社も「創業60周年」の欄に載っておりました。", "周年", SignalKind.COLLECTIVE_REFERENCE),
        ("社員ひとり一人の努力はもちろんのこと", "ひとり一人", SignalKind.TEAM_REFERENCE),
        (
            "チームメンバー全員の頑張りが報われた気がして",
            "全員の頑張り",
            SignalKind.TEAM_REFERENCE,
        ),
        ("メンバー全員のがんばりが報われた。", "全員のがんばり", SignalKind.TEAM_REFERENCE),
        ("なんとか今の会社に拾ってもらいました。", "てもら", SignalKind.SELF_REFERENCE),
        ("当社では今年6名の社員が新たに入社しました。", "が新たに入社", SignalKind.TEAM_REFERENCE),
        ("明日4月1日、新卒社員が入社します。", "が入社", SignalKind.TEAM_REFERENCE),
        ("自分が当研究室に来たのは7年前です。", "自分が", SignalKind.SELF_REFERENCE),
        ("ISUCON7本選の出題を担当した @methane です。", "を担当し", SignalKind.SELF_REFERENCE),
        ("自分の成長スピードが鈍化している感覚はあった。", "自分の成長", SignalKind.SELF_REFERENCE),
        (
            "6年間務めさせて頂きました理事長を退任致しました。",
            "させて頂",
            SignalKind.SELF_REFERENCE,
        ),
        ("担当させて頂いてる物件も、引き渡しが近い。", "担当させて", SignalKind.SELF_REFERENCE),
        (
            "自分たちで作ったものを、みんなが楽しんでくれて",
            "自分たち",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        ("前半は自分達が、後半は浮穴先生が受け持つ。", "自分達", SignalKind.COLLECTIVE_REFERENCE),
        ("社員一同邁進して行く決意でおります。", "一同", SignalKind.COLLECTIVE_REFERENCE),
        ("皆で元気に100周年を祝いたいものです。", "皆で", SignalKind.COLLECTIVE_REFERENCE),
        ("また、我が社においては、今年は節目の年です。", "我が社", SignalKind.COLLECTIVE_REFERENCE),
        ("当社では今年6名の社員が新たに入社しました。", "当社", SignalKind.COLLECTIVE_REFERENCE),
        ("お陰様で弊社は創業50周年を迎えました。", "弊社", SignalKind.COLLECTIVE_REFERENCE),
        (
            "私一人でできることは高が知れています。",
            "一人でできること",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        ("個人ではたどり着けない場所だった。", "個人では", SignalKind.COLLECTIVE_REFERENCE),
        (
            "自分は縁の下の力持ちといったタイプだけど",
            "縁の下の力持ち",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        ("店長なんていうのは脇役や黒子みたいなもの。", "脇役", SignalKind.COLLECTIVE_REFERENCE),
        (
            "本当に自分1人の力ではお店は運営できない。",
            "1人の力では",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "この売上は決して自分1人で出したものではなく",
            "1人で出したものではなく",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        ("皆さま暖かく聞いてくださり、救われた。", "皆さま", SignalKind.TEAM_REFERENCE),
        ("ハードウェアの担当さん、営業担当さん。", "担当さん", SignalKind.TEAM_REFERENCE),
        ("深く関わっていた担当者さんを集めた。", "担当者さん", SignalKind.TEAM_REFERENCE),
        ("発令が出てまたひとつ昇格した。", "昇格した", SignalKind.SELF_PROMOTION),
        ("本日朝、昇格の発令を受けた。", "昇格の発令", SignalKind.SELF_PROMOTION),
        ("先生のご指導の甲斐あって合格できた。", "合格できた", SignalKind.SELF_PROMOTION),
        ("今度は最優秀賞に入賞しました。", "入賞しました", SignalKind.SELF_PROMOTION),
        ("PyConJP2019に参加・登壇してきました。", "登壇してきました", SignalKind.SELF_PROMOTION),
        ("必要な資格も4つ取得しました。", "取得しました", SignalKind.SELF_PROMOTION),
        ("大きなチームを主導した十分な実績がある。", "を主導", SignalKind.ACHIEVEMENT_CLAIM),
        ("大きなチームを主導した十分な実績がある。", "実績", SignalKind.ACHIEVEMENT_CLAIM),
        ("基盤チームの運営を任されたこと。", "を任され", SignalKind.ACHIEVEMENT_CLAIM),
        ("これまでの努力が認められたという喜び。", "努力が認められ", SignalKind.ACHIEVEMENT_CLAIM),
        ("プロジェクトの雰囲気作りに貢献した。", "に貢献した", SignalKind.ACHIEVEMENT_CLAIM),
        ("チームリーダの役割をある程度果たせた。", "果たせた", SignalKind.ACHIEVEMENT_CLAIM),
        (
            "目標を大きく上回る成果を出し、表彰もしてもらった。",
            "成果を出し",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        ("合計3億6千万の資金調達に成功しました。", "に成功しました", SignalKind.ACHIEVEMENT_CLAIM),
        ("チャンピオン・サケに輝き表彰されました。", "表彰されました", SignalKind.SELF_PROMOTION),
        ("チャンピオン・サケに輝き表彰されました。", "に輝き", SignalKind.SELF_PROMOTION),
        ("会社の忘年会でMIP賞をもらいました。", "賞をもらいました", SignalKind.SELF_PROMOTION),
        ("この度はこのような映えある賞をいただき、", "賞をいただき", SignalKind.SELF_PROMOTION),
        ("人がいる中で私が選出される事は", "選出され", SignalKind.SELF_PROMOTION),
        (
            "反省点と良かったことを3つずつ挙げてみる。",
            "反省点",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        ("マジで人を使うのが苦手。", "苦手", SignalKind.PERFORMATIVE_VULNERABILITY),
        (
            "もう一度ちゃんと学んだ事を書いておこうと思います。",
            "学んだ事",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        (
            "今日も一日、色んな経験から色んな事を学んだ。",
            "事を学んだ",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        ("初回の昇格では落選も経験している。", "落選", SignalKind.PERFORMATIVE_VULNERABILITY),
        ("送別会を開いていただいて本当に有難うございました。", "有難う", SignalKind.GRATITUDE),
        ("素敵な先輩達にも恵まれて、良い3年間だった。", "恵まれ", SignalKind.GRATITUDE),
        ("多くの方に支えられ、なんとかやってこられました。", "に支えられ", SignalKind.GRATITUDE),
        (
            "理事の皆様が支えて下さったお陰と感謝致しております。",
            "支えて下さ",
            SignalKind.GRATITUDE,
        ),
        ("理事の皆様が支えて下さったお陰と感謝致しております。", "お陰", SignalKind.GRATITUDE),
        ("お陰様で高品質の工事を提供できました。", "お陰様で", SignalKind.GRATITUDE),
        ("ご理解とご支援を賜り厚く御礼を申し上げます。", "ご支援", SignalKind.GRATITUDE),
        ("ご理解とご支援を賜り厚く御礼を申し上げます。", "厚く御礼", SignalKind.GRATITUDE),
        ("お客様のご支援の賜物と感謝申し上げます。", "賜物", SignalKind.GRATITUDE),
        ("皆さまあってのイベントだと思っております。", "あっての", SignalKind.GRATITUDE),
        ("従業員の皆さんの支えがあったればこそです。", "支えがあ", SignalKind.GRATITUDE),
        ("従業員の皆さんの協力があったればこそです。", "あったればこそ", SignalKind.GRATITUDE),
        ("どう考えてもぼくのせいです。", "ぼく", SignalKind.SELF_REFERENCE),
        ("ぼくらの作ったアプリです。", "ぼくら", SignalKind.COLLECTIVE_REFERENCE),
        (
            "建築士としての私の仕事は、まだ形のないゼロを1にすること。",
            "私の仕事",
            SignalKind.SELF_REFERENCE,
        ),
        ("そして昨日2/18 ついに内定をいただきました。", "内定をいただ", SignalKind.SELF_PROMOTION),
        ("私の短くて長かった転職活動は突然終わりを迎えた。", "転職活動", SignalKind.SELF_PROMOTION),
        ("ISUCON8に参加してきました。", "参加してきました", SignalKind.SELF_PROMOTION),
        ("今回この賞を取ることができたと思っています。", "賞を取", SignalKind.SELF_PROMOTION),
        ("急に話が来て、異動となりました。", "異動となりました", SignalKind.SELF_PROMOTION),
        (
            "名誉ある受賞をさせて頂き誠にありがとうございます。",
            "受賞をさせて",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "活動できているという事実は、誇らしいことだとも思う。",
            "誇らしい",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "締め切りまでに完走できたことは、少し自信になりました。",
            "自信になりました",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "その取り組みができたことは自分を褒めてあげたい。",
            "自分を褒め",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "がんばったのは私ではないし、むしろ放任気味だった。",
            "のは私ではな",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "といっても共同著者としての代理受賞であった。",
            "代理受賞",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        ("少し彼らの苦労話を。", "彼ら", SignalKind.TEAM_REFERENCE),
        ("この度、3月末で退職することになりました。", "退職することに", SignalKind.SELF_PROMOTION),
        ("4月から講師をすることになりました。", "することになりました", SignalKind.SELF_PROMOTION),
        ("私自身は採用周りや調整をメインにしています。", "私自身", SignalKind.SELF_REFERENCE),
        (
            "スクフェス新潟2024で登壇してきたので、ふりかえりをします。",
            "登壇してきた",
            SignalKind.SELF_PROMOTION,
        ),
    ],
)
def test_phrase_is_found_with_its_kind(text: str, phrase: str, kind: SignalKind) -> None:
    assert kind in kinds_of(analyze_framing(text, "ja"), phrase)


def test_sensei_plural_is_not_a_name() -> None:
    analysis = analyze_framing("副査の先生方に感謝申し上げます。", "ja")
    assert not [s for s in analysis.signals if s.kind is SignalKind.MENTION]


def test_job_title_with_san_is_not_a_name() -> None:
    analysis = analyze_framing("ソフトウェアの担当さん、営業担当さんが集まった。", "ja")
    assert not [s for s in analysis.signals if s.kind is SignalKind.MENTION]


def test_jibuntachi_is_not_a_self_reference() -> None:
    analysis = analyze_framing("自分たちで作ったものが認められた。", "ja")
    assert SignalKind.SELF_REFERENCE not in {s.kind for s in analysis.signals}


def test_someone_else_joining_is_not_a_new_job() -> None:
    analysis = analyze_framing("当社では今年6名の社員が新たに入社しました。", "ja")
    assert SignalKind.SELF_PROMOTION not in {s.kind for s in analysis.signals}


def test_plain_team_nouns_weigh_less_than_team_credit() -> None:
    # チーム / メンバー / 社員 name people in any workplace story (the author's own too);
    # handing the credit over (チームメンバーのおかげ) keeps the full weight.
    analysis = analyze_framing("結果的にはチームメンバーのおかげで最後まで辿り着けた。", "ja")
    weights = {s.span.text: s.weight for s in analysis.signals}
    assert weights["チーム"] < 1.0
    assert weights["おかげ"] >= 1.5


def test_one_of_a_group_is_not_solo_work() -> None:
    analysis = analyze_framing("その中の一人で、共著者の大賀さんがケーキを贈ってくれました。", "ja")
    assert SignalKind.ACHIEVEMENT_CLAIM not in {s.kind for s in analysis.signals}


def test_please_do_is_a_request_not_thanks() -> None:
    analysis = analyze_framing("私が貸し切りで段取りしますので、お返しさせてください。", "ja")
    assert SignalKind.GRATITUDE not in {s.kind for s in analysis.signals}


def test_someone_else_in_charge_is_not_the_author() -> None:
    analysis = analyze_framing("技術ブランディングを担当されている方が手を挙げた。", "ja")
    assert SignalKind.SELF_REFERENCE not in {s.kind for s in analysis.signals}


def test_asking_for_future_support_is_not_thanks() -> None:
    analysis = analyze_framing("お客様の引き続きのご支援、ご指導よろしくお願い申し上げます。", "ja")
    assert SignalKind.GRATITUDE not in {s.kind for s in analysis.signals}


def test_humble_causative_is_the_author_not_thanks() -> None:
    analysis = analyze_framing("ここに執筆させていただきました。", "ja")
    assert SignalKind.GRATITUDE not in {s.kind for s in analysis.signals}


def test_wishing_others_would_is_not_the_author_receiving() -> None:
    analysis = analyze_framing(
        "これからは管理職として、大いにがんばってもらいたいと思います。", "ja"
    )
    assert SignalKind.SELF_REFERENCE not in {s.kind for s in analysis.signals}


def test_reaching_an_anniversary_is_not_an_achievement_claim() -> None:
    analysis = analyze_framing("2020年4月17日、創立52周年を迎えることができました。", "ja")
    assert SignalKind.ACHIEVEMENT_CLAIM not in {s.kind for s in analysis.signals}


def test_one_of_those_i_respect_is_not_solo_work() -> None:
    analysis = analyze_framing("石川は僕が人生で最も敬意を持つ一人であり、恩人です。", "ja")
    assert SignalKind.ACHIEVEMENT_CLAIM not in {s.kind for s in analysis.signals}


def test_it_was_not_me_is_not_a_self_reference() -> None:
    analysis = analyze_framing("がんばったのは私ではないし、後輩に安堵した。", "ja")
    assert SignalKind.SELF_REFERENCE not in {s.kind for s in analysis.signals}


def test_someone_named_attending_is_not_the_author() -> None:
    analysis = analyze_framing("ITS研究会にB4の高橋が参加してきました。", "ja")
    assert SignalKind.SELF_PROMOTION not in {s.kind for s in analysis.signals}


def test_someone_named_leaving_is_not_the_author() -> None:
    analysis = analyze_framing("部長が退職することになりました。", "ja")
    assert SignalKind.SELF_PROMOTION not in {s.kind for s in analysis.signals}


def test_someone_named_giving_a_talk_is_not_the_author() -> None:
    analysis = analyze_framing("学会でB4の高橋が登壇しました。", "ja")
    assert SignalKind.SELF_PROMOTION not in {s.kind for s in analysis.signals}
