"""Instructions per post of the framing analyser: the speed figure that load does not move.

Run: .venv/bin/python bench/framing_instructions.py [--posts 600]   (about a minute)

Wall-clock on a shared VM moves by a third with the load (bench/framing_speed.py prints
it); valgrind's cachegrind counts the instructions instead. The analyser runs twice under
it, each time on the same 300 benchmark posts as a warm-up (lexicons built, caches
filled), then once more on N posts: the difference of the two totals over N is the cost
of a post, language given. docs/framing.md (Speed) gives the history of this figure.
Needs valgrind (`apt-get install valgrind`).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys

from framing_speed import build_posts
from teamcredit.analysis.framing import analyze_framing
from teamcredit.analysis.scanner import compiled

WARM_UP = 300
_TOTAL = re.compile(r"I\s+refs:\s+([\d,]+)")


def run_posts(count: int, built: int) -> None:
    """The measured run: the warm-up, then `count` more posts. Both runs build the same
    `built` posts, so that building them is no part of the difference."""
    posts = build_posts(built)
    for text, language in posts[: WARM_UP + count]:
        analyze_framing(text, language)


def instructions(count: int, built: int) -> int:
    """Instructions of a whole run of this script on `count` posts after the warm-up."""
    result = subprocess.run(
        [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
            sys.executable,
            __file__,
            "--run",
            str(count),
            str(built),
        ],
        capture_output=True,
        text=True,
        check=True,
        # The same hash seed in both runs, so that dict and set layouts cost the same.
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    found = _TOTAL.search(result.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{result.stderr}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=600, help="posts measured after warm-up")
    parser.add_argument("--run", type=int, nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run is not None:
        run_posts(*args.run)
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    if args.posts < 1:
        print("--posts must be at least 1", file=sys.stderr)
        return 2
    build = "compiled by mypyc" if compiled() else "interpreted"
    print(f"analyser {build}; {args.posts} posts after {WARM_UP} of warm-up, language given")
    built = WARM_UP + args.posts
    base = instructions(0, built)
    total = instructions(args.posts, built)
    print(f"instructions a post: {(total - base) // args.posts:,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
