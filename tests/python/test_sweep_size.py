"""zorgsim.sweep and zorgsim.size: the command line's sweep.csv and sizing.json, to the byte."""

import pandas
import pytest
import zorgsim

from conftest import FIXTURES, same_files, zorgsim_cli

MMC = FIXTURES / "mmc-short.yaml"


def test_a_sweep_equals_the_command_lines(tmp_path):
    zorgsim_cli("sweep", MMC, "--set", "services.team.capacity=3,4", "--set", "seed=7,8",
                "--replications", 3, "--keep-replications", "--out", tmp_path / "cli", "--quiet")
    swept = zorgsim.sweep(MMC, {"services.team.capacity": [3, 4], "seed": [7, 8]}, replications=3,
                          keep_replications=True)
    assert swept.points == [{"services.team.capacity": "3", "seed": "7"},
                            {"services.team.capacity": "3", "seed": "8"},
                            {"services.team.capacity": "4", "seed": "7"},
                            {"services.team.capacity": "4", "seed": "8"}]
    same_files(swept.to_folder(tmp_path / "py"), tmp_path / "cli", ["sweep.csv", "replications.csv"])
    table = swept.table
    expected = pandas.read_csv(tmp_path / "cli" / "sweep.csv")
    assert list(table.columns) == list(expected.columns)
    pandas.testing.assert_series_equal(table["mean"], expected["mean"])
    replications = swept.replications
    assert list(replications.columns) == list(pandas.read_csv(tmp_path / "cli" / "replications.csv").columns)
    assert len(swept.results) == 4 and swept.results[2].scenario.services == ["team"]


def test_a_bad_sweep_value_reports_every_point():
    with pytest.raises(zorgsim.ScenarioError) as caught:
        zorgsim.sweep(MMC, {"services.team.capacity": [-1, 3, -2]}, replications=1)
    errors = caught.value.diagnostics
    assert len(errors) == 2 and all(line.startswith("<command line>:1:") for line in errors)


def test_sizing_equals_the_command_lines(tmp_path):
    done = zorgsim_cli("size", MMC, "--service", "team", "--target", "wait_days.mean <= 2",
                       "--replications", 3, "--out", tmp_path / "cli", "--quiet")
    sizing = zorgsim.size(MMC, "team", "wait_days.mean <= 2", replications=3)
    assert f"team: capacity {sizing.capacity['team']} meets" in done.stdout
    assert sizing._core.sizing_json() == (tmp_path / "cli" / "sizing.json").read_text()
    same_files(sizing.to_folder(tmp_path / "py"), tmp_path / "cli",
               ["sizing.json", "summary.json", "timeseries.csv", "scenario.yaml", "report.html"])
    assert sizing.sized.name == "mmc-short"
    assert set(sizing.curve["capacity"]) and sizing.curve["meets"].any()
    assert pandas.api.types.is_datetime64_any_dtype(sizing.plan["period_start"])


def test_an_impossible_target_is_a_value_error():
    with pytest.raises(ValueError, match="max_capacity"):
        zorgsim.size(MMC, "team", "wait_days.mean <= 0.0001", max_capacity=3, replications=2)
    with pytest.raises(ValueError, match="no such service"):
        zorgsim.size(MMC, "nothing", "wait_days.mean <= 2", replications=2)
