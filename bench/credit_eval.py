"""Credit suggestions on an organisation nobody tuned them on (issue 14, docs/credit.md).

Run: .venv/bin/python bench/credit_eval.py [--org tests/data/credit/organization.json]
                                           [--posts tests/data/credit/posts.json] [--verbose]

Starts a fresh embedded graph in a temporary folder, imports the evaluation organisation
(tests/data/credit/build_org.py wrote it and says how), then analyses every labelled post
through the analysis service, as the API does (author by handle, post language given).
Prints:

- recall@3 of uncredited contributors: over the posts about a project, the contributors to
  that project who are neither the author nor credited by the post (the labels), found in
  the first three suggestions; each post counts min(3, such people) chances, so a project
  with five uncredited contributors is not asked to fit five people in three places.
  Plain recall@5 over all of them is printed beside it;
- project recognised: share of the posts about a project whose main project is the one
  the analysis put first;
- suggestions on posts about nothing (count), already-credited people suggested (count,
  from the labels), authors suggested (count).

Targets: recall@3 >= 0.95, project recognised >= 95 %, then 0, 0, 0. Exit code 1 if missed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from teamcredit.logs import configure_logging
from teamcredit.services.container import Services
from teamcredit.services.document import load_document
from teamcredit.services.importer import Importer
from teamcredit.services.requests import make_post_request
from teamcredit.services.runtime import open_graph
from teamcredit.settings import Settings

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "credit"


async def run(org: Path, posts_path: Path, verbose: bool) -> int:
    doc = json.loads(org.read_text(encoding="utf-8"))
    posts: list[dict[str, Any]] = json.loads(posts_path.read_text(encoding="utf-8"))
    contributors: dict[str, set[str]] = {}
    for c in doc["contributions"]:
        contributors.setdefault(c["projectId"], set()).add(c["personId"])
    names = {p["id"]: p["name"] for p in doc["people"]}

    with tempfile.TemporaryDirectory(prefix="teamcredit-credit-eval-") as folder:
        settings = Settings(data_dir=Path(folder), graph_timeout=60.0)
        runtime = await open_graph(settings)
        try:
            services = Services.build(settings, runtime)
            await Importer(services.client).run(load_document(org))
            services.project_changed()
            requests = [
                make_post_request(
                    p["text"], author_handle=p["authorHandle"], language=p["language"]
                )
                for p in posts
            ]
            results = await services.analysis.analyze_many(requests)
        finally:
            await runtime.close()  # stops the embedded graph it started

    hits = chances = found5 = gold_all = 0
    about_posts = recognised = 0
    on_nothing = credited_suggested = authors_suggested = 0
    bases: Counter[str] = Counter()
    for post, result in zip(posts, results, strict=True):
        suggested = [s.person_id for s in result.credit]
        credited = set(post["credits"])
        bases[f"{post['kind']}:{result.credit_basis.value}"] += 1
        wrong_credited = [pid for pid in suggested if pid in credited]
        credited_suggested += len(wrong_credited)
        authors_suggested += suggested.count(post["authorId"])
        missed: list[str] = []
        if post["about"] is None:
            on_nothing += len(suggested) if post["kind"] == "nothing" else 0
        else:
            about_posts += 1
            recognised += bool(result.project_ids) and result.project_ids[0] == post["about"]
            gold = contributors[post["about"]] - credited - {post["authorId"]}
            top3 = set(suggested[:3])
            hits += len(gold & top3)
            chances += min(3, len(gold))
            found5 += len(gold & set(suggested[:5]))
            gold_all += len(gold)
            missed = sorted(gold - top3)
        bad = (
            wrong_credited
            or post["authorId"] in suggested
            or (post["kind"] == "nothing" and suggested)
            or (
                post["about"] and (not result.project_ids or result.project_ids[0] != post["about"])
            )
            or (missed and len(gold & top3) < min(3, len(gold)))
        )
        if verbose or bad:
            print(
                f"{'!!' if bad else '  '} {post['id']} [{post['language']}] {post['kind']:<7}"
                f" basis={result.credit_basis.value} projects={list(result.project_ids)}"
                f" suggested={[names.get(s, s) for s in suggested]}"
                + (
                    f" credited-but-suggested={[names[s] for s in wrong_credited]}"
                    if wrong_credited
                    else ""
                )
                + (f" missed={[names[m] for m in missed]}" if bad and missed else ""),
                file=sys.stderr,
            )

    recall3 = hits / chances if chances else 1.0
    recall5 = found5 / gold_all if gold_all else 1.0
    share = recognised / about_posts if about_posts else 1.0
    nothing = sum(1 for p in posts if p["kind"] == "nothing")
    print(f"posts: {len(posts)} ({about_posts} about a project, {nothing} about nothing)")
    print(f"recall@3 of uncredited contributors: {recall3:.3f} ({hits}/{chances})  target >= 0.95")
    print(f"  (recall@5 over all uncredited contributors: {recall5:.3f}, {found5}/{gold_all})")
    print(f"project recognised: {share:.1%} ({recognised}/{about_posts})  target >= 95 %")
    print(f"suggestions on posts about nothing: {on_nothing}  target 0")
    print(f"already-credited people suggested: {credited_suggested}  target 0")
    print(f"authors suggested: {authors_suggested}  target 0")
    print(
        "credit basis by kind of post: " + ", ".join(f"{k} {v}" for k, v in sorted(bases.items()))
    )
    ok = (
        recall3 >= 0.95
        and share >= 0.95
        and on_nothing == 0
        and credited_suggested == 0
        and authors_suggested == 0
    )
    return 0 if ok else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--org", type=Path, default=DATA / "organization.json")
    parser.add_argument("--posts", type=Path, default=DATA / "posts.json")
    parser.add_argument("--verbose", action="store_true", help="one line per post on stderr")
    args = parser.parse_args()
    configure_logging("WARNING")
    sys.exit(asyncio.run(run(args.org, args.posts, args.verbose)))


if __name__ == "__main__":
    main()
