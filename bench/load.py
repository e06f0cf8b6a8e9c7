"""Load benchmark: analyzePost / analyzePosts over HTTP against their in-process floor.

Bounded by construction: a fixed number of requests per scenario, a time cap, loopback only.
It starts its own embedded graph and API server in a temporary directory, loads an
organisation (the generated 10,000-person one by default), and prints one table with
throughput and p50/p95/p99 per scenario, and the ratios that matter:

- HTTP + GraphQL overhead: analyzePost over HTTP vs the same analysis called in-process;
- framework floor: a bare ``{ __typename }`` through the same server;
- repeated posts (a feed: a few popular posts, each read by many colleagues from a few
  countries): analyzePost with the analysis cache off, on in the process, and on a shared
  Redis (``redis-server`` on a free port), each against the floor of that same server
  (the two take turns in slices, so a change in the machine's load weighs on both alike).
  The other scenarios run with the cache off, so they measure the analysis itself.

Two load shapes: *closed* (N clients, each sends its next request as soon as the previous
one answers: measures capacity) and *open* (N clients that together send at a fixed rate,
as extensions do: measures latency at a realistic load). Each client has its own connection,
as each browser does; one shared httpx pool for 50 clients cost the generator more CPU than
the server it measured.

The generator shares the machine with the server and the graph, so throughput ratios partly
measure the generator. The CPU columns do not: they read each process's own CPU time
(/proc, Linux) for the server, the graph and, for the in-process rows, this process, so
"server CPU per request" against "in-process CPU per analysis" is the HTTP + GraphQL
overhead with the generator left out.

    python bench/load.py                       # 10,000 people, seed 7
    python bench/load.py --quick              # a smoke run: 600 people, 200 requests
    python bench/load.py --repeated-only      # only the repeated-posts scenarios
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "services" / "api"))
sys.path.insert(0, str(ROOT / "bench"))

from organization import (  # noqa: E402
    TempGraph,
    import_organization,
    organization_document,
    temp_graph,
)
from teamcredit.graph.embedded import free_port  # noqa: E402
from teamcredit.services.document import ImportDocument  # noqa: E402
from teamcredit.services.requests import make_post_request  # noqa: E402

ANALYZE_ONE = """query One($input: PostInput!) { analyzePost(input: $input) {
  framing { orientation score signals { kind span { start end text } } }
  credit { person { id name handle } reason evidence score }
  suggestedPhrasing culture { summary } degraded } }"""
ANALYZE_MANY = """query Many($inputs: [PostInput!]!) { analyzePosts(inputs: $inputs) {
  framing { orientation score signals { kind span { start end text } } }
  credit { person { id name handle } reason evidence score }
  suggestedPhrasing culture { summary } degraded } }"""
TYPENAME = "query Floor { __typename }"
INGEST = "mutation Ingest($input: PostInput!) { ingestPost(input: $input) { id } }"


ERROR_CODES: Counter[str] = Counter()
DEGRADED = [0]


@dataclass
class Result:
    name: str
    latencies: list[float]
    seconds: float
    errors: int
    posts_per_request: int = 1
    cpu_serving: float = 0.0  # CPU seconds of whoever answered: the API server, or this process
    cpu_graph: float = 0.0
    degraded: int = 0  # analyses answered without the graph (they are cheaper: not comparable)

    def cpu_ms_per_request(self) -> float:
        return 1000 * self.cpu_serving / len(self.latencies) if self.latencies else float("nan")

    def pct(self, p: float) -> float:
        data = sorted(self.latencies)
        if not data:
            return float("nan")
        return data[min(len(data) - 1, round(p / 100 * (len(data) - 1)))] * 1000

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0


def post_inputs(doc: ImportDocument, n: int, seed: int) -> list[dict[str, Any]]:
    handles = {p.id: p.handle for p in doc.people}
    rng = random.Random(seed)
    posts = rng.sample(list(doc.posts), min(n, len(doc.posts)))
    return [
        {"text": p.text, "authorHandle": handles.get(p.authorId), "readerCountry": "JP"}
        for p in posts
    ]


Call = Callable[[int, int], Awaitable[bool]]  # (client, request number) -> succeeded


async def closed_loop(
    name: str,
    clients: int,
    total: int,
    cap: float,
    call: Call,
    posts_per_request: int = 1,
) -> Result:
    latencies: list[float] = []
    errors = 0
    counter = iter(range(total))
    deadline = time.perf_counter() + cap

    async def client(c: int) -> None:
        nonlocal errors
        for i in counter:
            if time.perf_counter() > deadline:
                return
            started = time.perf_counter()
            ok = await call(c, i)
            latencies.append(time.perf_counter() - started)
            errors += 0 if ok else 1

    started = time.perf_counter()
    await asyncio.gather(*(client(c) for c in range(clients)))
    return Result(name, latencies, time.perf_counter() - started, errors, posts_per_request)


async def open_loop(name: str, clients: int, rate: float, total: int, call: Call) -> Result:
    """``clients`` clients sending ``rate`` requests/s in total, ``total`` requests."""
    latencies: list[float] = []
    errors = 0
    interval = clients / rate
    per_client = max(1, total // clients)

    async def client(c: int) -> None:
        nonlocal errors
        await asyncio.sleep(random.Random(c).random() * interval)
        next_at = time.perf_counter()
        for k in range(per_client):
            next_at += interval
            started = time.perf_counter()
            ok = await call(c, c * per_client + k)
            latencies.append(time.perf_counter() - started)
            errors += 0 if ok else 1
            await asyncio.sleep(max(0.0, next_at - time.perf_counter()))

    started = time.perf_counter()
    await asyncio.gather(*(client(c) for c in range(clients)))
    return Result(name, latencies, time.perf_counter() - started, errors)


def http_clients(url: str, key: str, n: int) -> list[httpx.AsyncClient]:
    """One client per simulated reader, each with its own connection, as each browser has."""
    headers = {"authorization": f"Bearer {key}"}
    one_connection = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    return [
        httpx.AsyncClient(base_url=url, headers=headers, limits=one_connection, timeout=30)
        for _ in range(n)
    ]


async def graphql(
    http: httpx.AsyncClient, query: str, variables: dict[str, Any], auth: bool = True
) -> bool:
    """One GraphQL request; counts its error codes and degraded analyses. True when clean."""
    try:
        response = await http.post(
            "/graphql",
            json={"query": query, "variables": variables},
            headers=None if auth else {"authorization": ""},
        )
        body = response.json()
    except (httpx.HTTPError, ValueError) as exc:
        ERROR_CODES[f"transport:{type(exc).__name__}"] += 1
        return False
    for error in body.get("errors") or []:
        ERROR_CODES[str((error.get("extensions") or {}).get("code"))] += 1
    data = body.get("data") or {}
    analyses = [a for a in (data.get("analyzePosts") or [data.get("analyzePost")]) if a]
    DEGRADED[0] += sum(1 for a in analyses if a.get("degraded"))
    return response.status_code == 200 and "errors" not in body


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc; 0 elsewhere)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def measured(scenario: Awaitable[Result], serving_pid: int, graph_pid: int) -> Result:
    serving, graph, degraded = cpu_seconds(serving_pid), cpu_seconds(graph_pid), DEGRADED[0]
    result = await scenario
    result.cpu_serving = cpu_seconds(serving_pid) - serving
    result.cpu_graph = cpu_seconds(graph_pid) - graph
    result.degraded = DEGRADED[0] - degraded
    return result


def row(r: Result, floor_p50: float | None = None) -> str:
    ratio = f"{r.pct(50) / floor_p50:5.2f}x" if floor_p50 else "     "
    graph_ms = 1000 * r.cpu_graph / len(r.latencies) if r.latencies else float("nan")
    return (
        f"{r.name:<38} {len(r.latencies):>6} {r.rps:>8.1f} {r.rps * r.posts_per_request:>9.1f} "
        f"{r.pct(50):>7.1f} {r.pct(95):>7.1f} {r.pct(99):>7.1f} {r.errors:>5} {r.degraded:>5} "
        f"{r.cpu_ms_per_request():>10.2f} {graph_ms:>6.2f}  {ratio}"
    )


async def run(args: argparse.Namespace) -> None:
    # The floor runs with the server's own settings (timeouts, admission); the import
    # passes its own long timeouts. The cache is off: measure the analysis, not the cache.
    async with temp_graph("teamcredit-load-", analysis_cache_seconds=0) as graph:
        services = graph.services
        doc = organization_document(args.org, args.people, args.seed)
        seconds = await import_organization(services.client, doc)
        print(
            f"organisation: {len(doc.people)} people, {len(doc.posts)} posts "
            f"(imported in {seconds:.1f}s)",
            file=sys.stderr,
        )
        key = (await services.keys.create("load", ("analyze", "read", "write"))).secret
        inputs = post_inputs(doc, 2000, args.seed)
        requests_in_process = [
            make_post_request(i["text"], author_handle=i["authorHandle"], reader_country="JP")
            for i in inputs
        ]
        graph_pid = graph.endpoint.pid or 0
        if args.repeated_only:
            repeated = await repeated_posts(args, graph, key, inputs, graph_pid)
            report_repeated(args, repeated)
            return
        proc, url = graph.start_api()
        https = http_clients(url, key, args.clients)
        try:

            async def gql(c: int, query: str, variables: dict[str, Any], auth: bool = True) -> bool:
                return await graphql(https[c], query, variables, auth)

            async def one(c: int, i: int) -> bool:
                return await gql(c, ANALYZE_ONE, {"input": inputs[i % len(inputs)]})

            def batch(size: int) -> Call:
                async def call(c: int, i: int) -> bool:
                    start = (i * size) % (len(inputs) - size)
                    return await gql(c, ANALYZE_MANY, {"inputs": inputs[start : start + size]})

                return call

            async def ingest(c: int, i: int) -> bool:
                post = inputs[i % len(inputs)]
                # A new URN each time: every call is a real write (MERGE creating a post).
                variables = {"input": {**post, "urn": f"urn:li:activity:9{i:018d}"}}
                return await gql(c, INGEST, variables)

            async def floor(c: int, _i: int) -> bool:
                return await gql(c, TYPENAME, {}, auth=False)

            async def in_process(_c: int, i: int) -> bool:
                request = requests_in_process[i % len(requests_in_process)]
                DEGRADED[0] += (await services.analysis.analyze(request)).degraded
                return True

            def over_http(scenario: Awaitable[Result]) -> Awaitable[Result]:
                return measured(scenario, proc.pid, graph_pid)

            def here(scenario: Awaitable[Result]) -> Awaitable[Result]:
                return measured(scenario, os.getpid(), graph_pid)

            n, clients, cap = args.requests, args.clients, args.cap
            for c in range(clients):  # warm-up: connections, parser and key caches
                await one(c, c)
                await in_process(c, c)
            results = [
                await over_http(
                    closed_loop("framework floor { __typename }", clients, n, cap, floor)
                ),
                await here(
                    closed_loop("in-process analyze (no HTTP)", clients, n, cap, in_process)
                ),
                await over_http(closed_loop("analyzePost, closed loop", clients, n, cap, one)),
                await over_http(
                    closed_loop(
                        "analyzePosts x10, closed loop", clients, n // 5, cap, batch(10), 10
                    )
                ),
                await over_http(
                    closed_loop(
                        "analyzePosts x50, closed loop", clients, n // 20, cap, batch(50), 50
                    )
                ),
            ]
            capacity = results[2].rps
            # Open loop at a quarter and at half of the measured capacity: latency as users
            # see it, at a load a replica should run at (the HPA targets 65 % CPU).
            rates = (
                [args.rate] if args.rate else [max(5.0, 0.25 * capacity), max(10.0, 0.5 * capacity)]
            )
            for rate in rates:
                total = min(n, int(rate * cap))
                name = f"analyzePost, open loop {rate:.0f}/s"
                results.append(await over_http(open_loop(name, clients, rate, total, one)))
                name = f"in-process analyze, open loop {rate:.0f}/s"
                results.append(await here(open_loop(name, clients, rate, total, in_process)))
            repeated = await repeated_posts(args, graph, key, inputs, graph_pid)
            # Writes last: they change the graph the reads above ran on.
            results.append(
                await over_http(
                    closed_loop("ingestPost, closed loop", clients, n // 2, cap, ingest)
                )
            )
        finally:
            for http in https:
                await http.aclose()
    report(args, results)
    report_repeated(args, repeated)


def feed(inputs: list[dict[str, Any]], posts: int, seed: int) -> list[dict[str, Any]]:
    """A feed: ``posts`` popular posts, each read by colleagues in four countries, shuffled."""
    readers = ("JP", "FR", "US", "DE")
    rng = random.Random(seed)
    views = [{**p, "readerCountry": c} for p in inputs[:posts] for c in readers] * 50
    rng.shuffle(views)
    return views


def start_redis(data: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen(
        [
            *("redis-server", "--port", str(port), "--bind", "127.0.0.1"),
            *("--save", "", "--appendonly", "no", "--dir", str(data)),
        ],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc, f"redis://127.0.0.1:{port}/0"
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("redis-server did not start")


async def repeated_posts(
    args: argparse.Namespace,
    graph: TempGraph,
    key: str,
    inputs: list[dict[str, Any]],
    graph_pid: int,
) -> list[Result]:
    """The same feed against three servers in turn: cache off, in the process, on Redis."""
    views = feed(inputs, 20, args.seed)
    redis_proc, redis_url = start_redis(graph.data)
    modes = {
        "cache off": {},
        "process cache": {"TEAMCREDIT_ANALYSIS_CACHE_SECONDS": "300"},
        "Redis cache": {
            "TEAMCREDIT_ANALYSIS_CACHE_SECONDS": "300",
            "TEAMCREDIT_REDIS_URL": redis_url,
        },
    }
    results: list[Result] = []
    try:
        for mode, extra in modes.items():
            proc, url = graph.start_api(**extra)
            try:
                results += await feed_against(args, mode, proc.pid, url, key, views, graph_pid)
            finally:
                proc.terminate()
                proc.wait(timeout=20)
    finally:
        redis_proc.terminate()
        redis_proc.wait(timeout=10)
    return results


async def feed_against(
    args: argparse.Namespace,
    mode: str,
    pid: int,
    url: str,
    key: str,
    views: list[dict[str, Any]],
    graph_pid: int,
) -> list[Result]:
    """The floor and the feed, taking turns, through one server."""
    https = http_clients(url, key, args.clients)

    async def view(c: int, i: int) -> bool:
        return await graphql(https[c], ANALYZE_ONE, {"input": views[i % len(views)]})

    async def floor(c: int, _i: int) -> bool:
        return await graphql(https[c], TYPENAME, {})

    distinct = list({json.dumps(v, sort_keys=True): v for v in views}.values())

    async def first_read(c: int, i: int) -> bool:
        return await graphql(https[c], ANALYZE_ONE, {"input": distinct[i]})

    try:
        for c in range(args.clients):  # warm-up: connections and the key cache
            await floor(c, c)
        # Each post's first reader: with a cache on, the one analysis the others share. A
        # popular post is read by thousands; the bench's feed has 50 readers per view, so
        # first reads are timed apart rather than left to weigh 1 in 50 on the repeated row.
        first = await measured(
            closed_loop("first", args.clients, len(distinct), args.cap, first_read),
            pid,
            graph_pid,
        )
        # The floor and the feed take turns, in ROUNDS slices each: what else runs on the
        # (shared) machine then weighs on both alike, and their ratio holds still.
        n, clients, cap = args.requests // ROUNDS, args.clients, args.cap / ROUNDS
        floors, feeds = [], []
        for _ in range(ROUNDS):
            floors.append(
                await measured(closed_loop("floor", clients, n, cap, floor), pid, graph_pid)
            )
            feeds.append(await measured(closed_loop("feed", clients, n, cap, view), pid, graph_pid))
        return [
            merged(f"floor {{ __typename }} ({mode})", floors),
            merged(f"first reads ({mode})", [first]),
            merged(f"repeated analyzePost ({mode})", feeds),
        ]
    finally:
        for http in https:
            await http.aclose()


ROUNDS = 4


def merged(name: str, parts: list[Result]) -> Result:
    """Slices of one scenario as one result."""
    return Result(
        name,
        [latency for part in parts for latency in part.latencies],
        sum(part.seconds for part in parts),
        sum(part.errors for part in parts),
        parts[0].posts_per_request,
        sum(part.cpu_serving for part in parts),
        sum(part.cpu_graph for part in parts),
        sum(part.degraded for part in parts),
    )


def report_repeated(args: argparse.Namespace, results: list[Result]) -> None:
    print(
        f"\nRepeated posts: 20 posts x 4 reader countries, {args.clients} clients, "
        "each mode on its own server; each view's first read timed apart, then the repeated "
        "reads (target: cached analyzePost >= 0.8x the floor)"
    )
    print(
        f"{'scenario':<38} {'reqs':>6} {'req/s':>8} {'p50':>7} {'p99':>7} {'errs':>5} "
        f"{'cpu ms/req':>10}"
    )
    for r in results:
        print(
            f"{r.name:<38} {len(r.latencies):>6} {r.rps:>8.1f} {r.pct(50):>7.1f} "
            f"{r.pct(99):>7.1f} {r.errors:>5} {r.cpu_ms_per_request():>10.2f}"
        )
    # Throughput moves with whatever else runs on the machine; the server's own CPU per
    # request does not, so the capacity ratio is read from it too.
    for floor, repeated in zip(results[0::3], results[2::3], strict=True):
        print(
            f"  {repeated.name}: {repeated.rps / floor.rps:.2f}x the floor's throughput, "
            f"{floor.cpu_ms_per_request() / repeated.cpu_ms_per_request():.2f}x its capacity "
            "(server CPU per request)"
        )
    print(f"error codes: {dict(ERROR_CODES) or 'none'}; degraded answers: {DEGRADED[0]}")


def report(args: argparse.Namespace, results: list[Result]) -> None:
    floor_inproc = results[1].pct(50)
    print(f"\n{args.clients} concurrent clients; latency in ms; graph: embedded ArcadeDB over Bolt")
    print(
        f"{'scenario':<38} {'reqs':>6} {'req/s':>8} {'posts/s':>9} {'p50':>7} {'p95':>7} "
        f"{'p99':>7} {'errs':>5} {'degr':>5} {'cpu ms/req':>10} {'graph':>6}  p50/in-process"
    )
    for r in results:
        print(row(r, floor_inproc))
    in_process, http_one = results[1], results[2]
    opens = [r for r in results if "open loop" in r.name]
    print()
    print("HTTP + GraphQL overhead (target <= 2x the in-process floor):")
    print(
        f"  serving CPU per analyzePost: {http_one.cpu_ms_per_request():.2f} ms over HTTP vs "
        f"{in_process.cpu_ms_per_request():.2f} ms in-process = "
        f"{http_one.cpu_ms_per_request() / in_process.cpu_ms_per_request():.2f}x "
        "(generator excluded)"
    )
    for http, floor in zip(opens[0::2], opens[1::2], strict=True):
        print(
            f"  {http.name}: p50 {http.pct(50):.1f} ms = {http.pct(50) / floor.pct(50):.2f}x the "
            f"in-process p50 ({floor.pct(50):.1f} ms)"
        )
    print(
        f"  closed-loop throughput: {in_process.rps / http_one.rps:.2f}x "
        "(includes the generator's own CPU on the same cores)"
    )
    print(f"p99 of analyzePost at {args.clients} clients (target < 50 ms):")
    for r in results:
        if r.name.startswith("analyzePost,"):
            verdict = "met" if r.pct(99) < 50 else "not met"
            print(f"  {r.name}: {r.pct(99):.1f} ms ({verdict})")
    print(f"error codes: {dict(ERROR_CODES) or 'none'}; degraded answers: {DEGRADED[0]}")
    print(
        json.dumps(
            {r.name: {"rps": round(r.rps, 1), "p99_ms": round(r.pct(99), 1)} for r in results}
        ),
        file=sys.stderr,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--org", help="an organisation document instead of generating one")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=2000, help="per scenario")
    parser.add_argument("--cap", type=float, default=30.0, help="seconds per scenario at most")
    parser.add_argument(
        "--rate", type=float, default=0.0, help="open-loop req/s (default: 1/4 and 1/2 capacity)"
    )
    parser.add_argument("--quick", action="store_true", help="small smoke run")
    parser.add_argument(
        "--repeated-only", action="store_true", help="only the repeated-posts scenarios"
    )
    args = parser.parse_args()
    if args.quick:
        args.requests, args.cap, args.people = 200, 10.0, min(args.people, 600)
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
