"""Compile the framing analyser's hot modules with mypyc; everything else is in pyproject.toml.

mypyc turns these type-annotated modules into C extensions from the same source, which
takes the analyser from about 18,000 to 25,000+ posts/s (bench/framing_speed.py). The
build is optional, the way simplejson and markupsafe do it: with no C compiler, or with
TEAMCREDIT_PURE_PYTHON=1, the same modules run as plain Python and only slower.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

ANALYSIS = Path("services/api/teamcredit/analysis")
# The modules a post goes through in `analyze_framing`, and nothing that does I/O or is
# patched by tests. Keep in step with tests/unit/analysis/test_compiled.py.
COMPILED = ("framing", "language", "lexicon", "mentions", "models", "quotes", "scanner", "scoring")


def _remove_compiled() -> None:
    # Left in the source tree by an earlier editable build, they would shadow the sources.
    for name in COMPILED:
        for built in ANALYSIS.glob(f"{name}.*.so"):
            built.unlink()
    for built in ANALYSIS.parents[1].glob("teamcredit_analysis__mypyc.*.so"):
        built.unlink()


def _extensions() -> list[Any]:
    if os.environ.get("TEAMCREDIT_PURE_PYTHON") == "1":
        _remove_compiled()
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("teamcredit: mypyc is missing, the analyser stays pure Python", file=sys.stderr)
        return []
    paths = [str(ANALYSIS / f"{name}.py") for name in COMPILED]
    # An empty --config-file keeps the project's mypy plugins (pydantic, strawberry) out
    # of the build environment, which has none of them; these modules import neither.
    options = ["--config-file=", "--python-version=3.11"]
    return list(mypycify(options + paths, group_name="teamcredit_analysis", opt_level="3"))


class OptionalBuildExt(build_ext):
    """A failed compile leaves the pure-Python modules in charge instead of failing."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # compilers fail in many ways
            # A half-built group would shadow the sources with modules that cannot import.
            for output in self.get_outputs():
                Path(output).unlink(missing_ok=True)
            print(
                f"teamcredit: compiling the analyser failed ({error}); it stays pure Python",
                file=sys.stderr,
            )


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
