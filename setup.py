"""Compile the framing analyser's hot modules with mypyc; everything else is in pyproject.toml.

mypyc turns these type-annotated modules into C extensions from the same source: the
analyser goes from about 4,500 posts/s interpreted to about 36,000 compiled
(bench/framing_speed.py). The build is optional, the way simplejson and markupsafe do it:
with no C compiler, or with TEAMCREDIT_PURE_PYTHON=1, the same modules run interpreted.
pip hides a build's output, so the fallback shows at run time instead: `make install-py`
warns, the API logs `analysis.interpreted` at startup and sets the
`teamcredit_analyser_compiled` gauge to 0. A type error in these modules is not a
fallback: mypyc refuses to compile them and the install fails, as mypy would.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

ANALYSIS = Path("services/api/teamcredit/analysis")
# The modules a post goes through in `analyze_framing`, and nothing that does I/O.
# tests/unit/analysis/test_compiled.py reads this list.
COMPILED = (
    "features",
    "framing",
    "language",
    "lexicon",
    "mentions",
    "models",
    "quotes",
    "roles",
    "scanner",
    "scoring",
)


def _remove_compiled() -> None:
    # Left in the source tree by an earlier editable build, they would shadow the sources.
    for name in COMPILED:
        for built in ANALYSIS.glob(f"{name}.*.so"):
            built.unlink()
    for built in ANALYSIS.parents[1].glob("teamcredit_analysis__mypyc.*.so"):
        built.unlink()


def _interpreted(reason: str) -> list[Any]:
    _remove_compiled()
    print(f"teamcredit: {reason}; the analyser stays interpreted", file=sys.stderr)
    return []


def _extensions() -> list[Any]:
    if os.environ.get("TEAMCREDIT_PURE_PYTHON") == "1":
        return _interpreted("TEAMCREDIT_PURE_PYTHON=1")
    try:
        from mypyc.build import mypycify
    except ImportError:
        return _interpreted("mypyc is missing")
    paths = [str(ANALYSIS / f"{name}.py") for name in COMPILED]
    # An empty --config-file keeps the project's mypy plugins (pydantic, strawberry) out
    # of the build environment, which has none of them; these modules import neither.
    options = ["--config-file=", "--python-version=3.11"]
    return list(mypycify(options + paths, group_name="teamcredit_analysis", opt_level="3"))


class OptionalBuildExt(build_ext):
    """A failed compile leaves the interpreted modules in charge instead of failing."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # compilers fail in many ways
            # A half-built group, or one left from an earlier build, would shadow the
            # sources: `_interpreted` removes the in-place copies, this the build folder's.
            for output in self.get_outputs():
                Path(output).unlink(missing_ok=True)
            _interpreted(f"compiling failed ({error})")


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
