"""Dashboard latency: p50/p95 of each view's GraphQL queries over HTTP, on a large organisation.

Starts its own embedded graph and API server in a temporary directory, imports an
organisation (the generated 10,000-person one by default, about 100,000 posts), creates a
`report` key, and sends each view's queries (the ones dashboard/src/api.ts sends) one at a
time, over a spread of filters: every organisation, 30 teams, every country, a few periods.
Prints the time of the first request (it waits for the one read of the graph the figures
come from) and then, per view, p50/p95/max. Target: p95 < 150 ms per view. Then it writes
posts through ingestPost, one at a time, and times the overview and teams views read right
after each (the new post is added to the figures, not read with the rest; the views are
computed anew).

    python bench/dashboard.py                          # 10,000 people, seed 7
    python bench/dashboard.py --org org.json           # an organisation document
    python bench/dashboard.py --people 600 --rounds 2  # a smoke run
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from organization import import_organization, organization_document, temp_graph  # noqa: E402

# The dashboard's own queries (dashboard/src/api.ts), read from its source so they stay equal.
API_TS = (ROOT / "dashboard" / "src" / "api.ts").read_text()


def ts_query(name: str) -> str:
    start = API_TS.index(f"export const {name} = `") + len(f"export const {name} = `")
    text = API_TS[start : API_TS.index("`;", start)]
    figures = "posts individual balanced collective mixedSignals notJudged postsCrediting "
    figures += "shareCrediting peopleCredited authors"
    return text.replace("${FIGURES}", figures)


VIEWS = {
    "overview": ["OPTIONS", "OVERVIEW"],
    "teams": ["TEAMS"],
    "projects": ["PROJECTS", "PROJECT"],
    "cultures": ["CULTURES"],
}


INGEST = "mutation($input: PostInput!) { ingestPost(input: $input) { id } }"


async def overview_total(http: httpx.AsyncClient) -> int:
    response = await http.post(
        "/graphql", json={"query": ts_query("OVERVIEW"), "variables": {"f": {}}}
    )
    return int(response.json()["data"]["dashboard"]["overview"]["total"]["posts"])


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def run(args: argparse.Namespace) -> None:
    async with temp_graph("teamcredit-dashboard-") as graph:
        doc = organization_document(args.org, args.people, args.seed)
        seconds = await import_organization(graph.services.client, doc)
        print(
            f"organisation: {len(doc.people)} people, {len(doc.posts)} posts "
            f"(imported in {seconds:.1f} s)"
        )
        key = (await graph.services.keys.create("bench", ("report",))).secret
        writer = (await graph.services.keys.create("bench-writes", ("read", "write"))).secret
        _proc, url = graph.start_api()
        rng = random.Random(args.seed)
        months = sorted({p.publishedAt.strftime("%Y-%m") for p in doc.posts if p.publishedAt})
        periods: list[dict[str, str]] = [{}]
        if months:
            periods += [{"from": months[len(months) // 2]}, {"from": months[0], "to": months[2]}]
        filters: list[dict[str, str]] = [{}]
        filters += [{"organizationId": o.id} for o in doc.organizations]
        filters += [{"teamId": t.id} for t in rng.sample(list(doc.teams), min(30, len(doc.teams)))]
        filters += [{"country": c} for c in sorted({p.country for p in doc.people if p.country})]
        projects = [p.id for p in rng.sample(list(doc.projects), min(20, len(doc.projects)))]
        async with httpx.AsyncClient(
            base_url=url, headers={"authorization": f"Bearer {key}"}, timeout=120
        ) as http:

            async def ask(name: str, variables: dict[str, Any]) -> float:
                started = time.perf_counter()
                response = await http.post(
                    "/graphql", json={"query": ts_query(name), "variables": variables}
                )
                elapsed = 1000 * (time.perf_counter() - started)
                body = response.json()
                if response.status_code != 200 or body.get("errors"):
                    raise SystemExit(f"{name}: {response.status_code} {str(body)[:300]}")
                return elapsed

            # The server starts reading the facts at startup; until it is done the dashboard
            # answers GRAPH_UNAVAILABLE ("retry in a few seconds").
            started = time.perf_counter()
            while True:
                response = await http.post(
                    "/graphql", json={"query": "{ dashboard { asOf } }", "variables": {}}
                )
                if response.status_code == 200 and not response.json().get("errors"):
                    break
                await asyncio.sleep(1)
            waited = time.perf_counter() - started
            print(f"figures ready {waited:.1f} s after the server answered its first probe")
            times: dict[str, list[float]] = {view: [] for view in VIEWS}
            for _ in range(args.rounds):
                for f in filters:
                    period = rng.choice(periods)
                    variables = {"f": {**f, **period}}
                    for view, names in VIEWS.items():
                        total = 0.0
                        for name in names:
                            extra = {"id": rng.choice(projects)} if name == "PROJECT" else {}
                            total += await ask(name, {**variables, **extra})
                        times[view].append(total)
            # Reads right after a write: ingestPost (a new post, added to the figures at
            # write time), then the overview and teams views, which must count it.
            times["overview after a write"] = []
            times["teams after a write"] = []
            people = [p.id for p in doc.people]
            for i in range(args.writes):
                posts = await overview_total(http)
                response = await http.post(
                    "/graphql",
                    json={
                        "query": INGEST,
                        "variables": {
                            "input": {
                                "text": f"We shipped release {i} together, thanks all!",
                                "authorId": rng.choice(people),
                            }
                        },
                    },
                    headers={"authorization": f"Bearer {writer}"},
                )
                if response.status_code != 200 or response.json().get("errors"):
                    raise SystemExit(f"ingestPost: {response.text[:300]}")
                started = time.perf_counter()
                after = await overview_total(http)
                times["overview after a write"].append(1000 * (time.perf_counter() - started))
                times["teams after a write"].append(await ask("TEAMS", {"f": {}}))
                if after != posts + 1:
                    raise SystemExit(f"the overview counted {after} posts, not {posts + 1}")
        print(f"\n{'view':<22} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        for view, values in times.items():
            print(
                f"{view:<22} {len(values):>8} {statistics.median(values):>8.1f} "
                f"{pct(values, 95):>8.1f} {max(values):>8.1f}"
            )
        print(f"\n{len(filters)} filters x {args.rounds} rounds; target p95 < 150 ms per view")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--org", help="an organisation document instead of generating one")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--writes", type=int, default=20, help="posts written, each then read")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
