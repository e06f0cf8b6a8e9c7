"""Experiment: does a reading of whose contribution each sentence describes help the verdict?

Run: .venv/bin/python bench/sentence_roles.py   (a few minutes; scikit-learn, offline)

Every sentence of 1,449 training posts has a role (`teamcredit.training.sentence_roles`,
docs/sentence-roles.md): SELF, WE, OTHERS, THANKS or NONE. The posts are those of batches
1-4 and 6, the batches the lexicons were grown from, so the posts no lexicon rule
came from stay unread here too.

A sentence model (word 1-2-grams and character 2-4-grams, hashed; logistic regression) is
fitted on the tagged sentences; each post then gets the share of its sentences in each role,
how many sentences of each role it has, and whether it has both a SELF sentence and an
OTHERS (or WE) sentence. Tagged posts get their features from a sentence model that did
not see them (five folds by post). The framing model is cross-validated as
`teamcredit.training.fit` does it, with and without these columns, and scored on every
post and on the posts no lexicon rule came from.

Not in the product: a hashed n-gram model over every sentence costs more than the
analyser's whole budget (docs/framing.md, Speed). The product ships a light reading of the
same tags instead, the role phrases (analysis/roles.py), which are among the "shipped"
features here; this measures what a heavier reading would add on top of them.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import KFold

from teamcredit.training import fit as framing_fit
from teamcredit.training.corpus import CorpusPost, in_split, load_corpus, load_devset
from teamcredit.training.sentence_roles import ROLES, load_roles, sentences

SENTENCE_C = 3.0
FOLDS = 5

_WORDS = HashingVectorizer(
    analyzer="word",
    ngram_range=(1, 2),
    n_features=2**18,
    alternate_sign=False,
    token_pattern=r"(?u)\b\w+\b",
)
_CHARS = HashingVectorizer(
    analyzer="char_wb", ngram_range=(2, 4), n_features=2**18, alternate_sign=False
)


def vectors(texts: list[str]) -> csr_matrix:
    return hstack([_WORDS.transform(texts), _CHARS.transform(texts)]).tocsr()


def role_features(texts: list[str], model: LogisticRegression) -> list[float]:
    probabilities = model.predict_proba(vectors(texts or [""]))
    counts = np.bincount(probabilities.argmax(axis=1), minlength=len(ROLES))
    self_, we, others = counts[0] > 0, counts[1] > 0, counts[2] > 0
    return [
        *probabilities.mean(axis=0),
        *np.log1p(counts),
        float(self_ and others),
        float(self_ and (we or others)),
    ]


def main() -> None:
    posts = in_split(load_corpus(), "train", "validation")
    by_id = {post.id: post for post in posts}
    roles = load_roles(by_id)
    tagged = np.array(sorted(roles))
    texts = {pid: sentences(by_id[pid].text) for pid in tagged}

    def sentence_model(ids: NDArray[np.str_]) -> LogisticRegression:
        rows = [text for pid in ids for text in texts[pid]]
        tags = [tag for pid in ids for tag in roles[pid]]
        return LogisticRegression(C=SENTENCE_C, max_iter=3000).fit(vectors(rows), tags)

    # Tagged posts are read by a sentence model fitted on the other folds' posts.
    model_for: dict[str, LogisticRegression] = {}
    truth, guessed = [], []
    for train, held in KFold(FOLDS, shuffle=True, random_state=1).split(tagged):
        model = sentence_model(tagged[train])
        for pid in tagged[held]:
            model_for[pid] = model
            truth += roles[pid]
            guessed += list(model.predict(vectors(texts[pid])))
    everyone = sentence_model(tagged)
    per_role = f1_score(truth, guessed, average=None, labels=range(len(ROLES)))
    print(
        f"sentence roles: {len(roles)} posts, {len(truth)} sentences; held-out accuracy "
        f"{np.mean(np.array(truth) == np.array(guessed)):.3f}, macro-F1 "
        f"{f1_score(truth, guessed, average='macro'):.3f}"
    )
    named = zip(ROLES, per_role, strict=True)
    print("  " + ", ".join(f"{role} {score:.2f}" for role, score in named))

    def with_roles(data: framing_fit.Scanned, group: list[CorpusPost]) -> framing_fit.Scanned:
        extra = [role_features(sentences(p.text), model_for.get(p.id, everyone)) for p in group]
        return framing_fit.Scanned(np.hstack([data.features, np.array(extra)]), data.languages)

    labels = framing_fit.targets(posts)
    unread = framing_fit.unread_mask(posts)
    written = load_devset()
    base = framing_fit.scanned(posts)
    base_written = framing_fit.extra_of(written)
    plus = with_roles(base, posts)
    plus_written = framing_fit.Extra(with_roles(base_written.data, written), base_written.labels)
    not_tagged = ~np.isin([p.id for p in posts], tagged)
    print(
        f"framing, 5-fold cross-validated macro-F1 ({len(posts)} posts; "
        f"{int(unread.sum())} no lexicon rule came from; {int(not_tagged.sum())} untagged)"
    )
    print("  C      features        all   unread  untagged")
    for c in (0.03, 0.1, 0.3):
        for name, data, extra in (("shipped", base, base_written), ("+ roles", plus, plus_written)):
            logits = framing_fit.out_of_fold_logits(data, labels, c, extra)
            scores = [
                framing_fit.scored_macro_f1(logits, labels, mask)
                for mask in (None, unread, not_tagged)
            ]
            print(f"  {c:<6} {name:<12} " + "  ".join(f"{score:.3f}" for score in scores))


if __name__ == "__main__":
    main()
