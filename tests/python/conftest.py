"""What the tests of the Python module share. CTest (tests/python/CMakeLists.txt) runs them with
PYTHONPATH at the build's module folder and tells them where the command line is:
ZORGSIM_CLI (the zorgsim binary) and ZORGSIM_SOURCE_DIR (the repository)."""

import os
import subprocess
from pathlib import Path

import pytest

SOURCE_DIR = Path(os.environ.get("ZORGSIM_SOURCE_DIR", Path(__file__).resolve().parents[2]))
CLI = os.environ.get("ZORGSIM_CLI", str(SOURCE_DIR / "build" / "tools" / "cli" / "zorgsim"))
FIXTURES = SOURCE_DIR / "tests" / "cli" / "fixtures"
SCENARIOS = SOURCE_DIR / "scenarios"
BASELINE = SCENARIOS / "westfriesland-baseline.yaml"
ZERO_CLOSED = SCENARIOS / "westfriesland-zero-closed-2030.yaml"


def zorgsim_cli(*args, expect=0):
    """Runs the command line (the reference the module is compared with); returns it."""
    done = subprocess.run([CLI, *map(str, args)], capture_output=True, text=True)
    assert done.returncode == expect, f"zorgsim {' '.join(map(str, args))}: exit {done.returncode}\n{done.stderr}"
    return done


def same_files(a: Path, b: Path, names):
    """Every file NAME byte-identical in folders A and B."""
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), f"{name} differs between {a} and {b}"


@pytest.fixture(scope="session")
def cli():
    return zorgsim_cli


def pytest_configure(config):
    # The shipped baseline warns (as `zorgsim validate` does) about services whose waiting list
    # grows without bound; the tests that check warnings record them themselves.
    config.addinivalue_line("filterwarnings", "ignore::zorgsim.ScenarioWarning")
