"""examples/python/fan_chart.py runs as docs/python.md shows it and writes its figure."""

import os
import subprocess
import sys
from pathlib import Path

from conftest import SOURCE_DIR


def test_fan_chart_writes_a_png(tmp_path):
    out = tmp_path / "fan.png"
    done = subprocess.run(
        [sys.executable, str(SOURCE_DIR / "examples" / "python" / "fan_chart.py"), "--replications", "10",
         "--out", str(out)],
        capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "MPLBACKEND": "Agg"})
    assert done.returncode == 0, done.stderr
    assert f"wrote {out}" in done.stdout
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    if os.environ.get("ZORGSIM_KEEP_FIGURE"):  # to look at it
        (SOURCE_DIR / "build" / "fan_chart_test.png").write_bytes(data)


def test_fan_chart_default_output_is_under_results(tmp_path):
    env = {**os.environ, "MPLBACKEND": "Agg"}
    if Path(env.get("PYTHONPATH", "")) == SOURCE_DIR / "build" / "python":
        del env["PYTHONPATH"]  # as straight after the quick start: the script finds build/python
    done = subprocess.run(
        [sys.executable, str(SOURCE_DIR / "examples" / "python" / "fan_chart.py"), "--replications", "4"],
        capture_output=True, text=True, cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "results" / "fan-chart-closed-care.png").is_file()
