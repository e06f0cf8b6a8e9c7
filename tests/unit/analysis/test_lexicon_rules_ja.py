"""Japanese lexicon rules learned from the training split's misses, pinned."""

from __future__ import annotations

import pytest

from teamcredit.analysis.framing import analyze_framing
from teamcredit.analysis.models import FramingAnalysis, SignalKind


def kinds_of(analysis: FramingAnalysis, text: str) -> set[SignalKind]:
    """Kinds of the signals whose span text is `text` (case-insensitive)."""
    return {s.kind for s in analysis.signals if s.span.text.lower() == text.lower()}


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
        ("主査の高村先生に感謝申し上げます。", "高村先生", SignalKind.MENTION),
    ],
)
def test_phrase_is_found_with_its_kind(text: str, phrase: str, kind: SignalKind) -> None:
    assert kind in kinds_of(analyze_framing(text, "ja"), phrase)


def test_sensei_plural_is_not_a_name() -> None:
    analysis = analyze_framing("副査の先生方に感謝申し上げます。", "ja")
    assert not [s for s in analysis.signals if s.kind is SignalKind.MENTION]
