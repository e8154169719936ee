"""zorgsim.run: the same figures as `zorgsim run`, to the byte, whatever the thread count; the
data frames hold what the CSV files hold; to_folder writes the command line's folder."""

import json

import pandas
import pytest
import zorgsim

from conftest import BASELINE, FIXTURES, same_files, zorgsim_cli

RUN_FILES = ["summary.json", "timeseries.csv", "scenario.yaml", "results.xlsx", "report.html"]


@pytest.fixture(scope="module")
def baseline():
    return zorgsim.load(BASELINE)


@pytest.fixture(scope="module")
def cli_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "run"
    zorgsim_cli("run", BASELINE, "--replications", 6, "--seed", 11, "--threads", 2,
                "--keep-replications", "--out", out, "--quiet")
    return out


@pytest.fixture(scope="module")
def result(baseline):
    return zorgsim.run(baseline, replications=6, seed=11, threads=2, keep_replications=True)


def test_summary_and_timeseries_are_the_command_lines_bytes(result, cli_run):
    assert result.summary_json == (cli_run / "summary.json").read_text()
    assert result.summary == json.loads((cli_run / "summary.json").read_text())
    assert result._core.timeseries_csv() == (cli_run / "timeseries.csv").read_bytes()
    assert result._core.replications_csv() == (cli_run / "replications.csv").read_bytes()


def test_to_folder_writes_the_command_lines_folder(result, cli_run, tmp_path):
    folder = result.to_folder(tmp_path / "py")
    same_files(folder, cli_run, RUN_FILES + ["replications.csv"])
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in cli_run.iterdir())


def test_the_result_does_not_depend_on_the_threads(baseline, result):
    one = zorgsim.run(baseline, replications=6, seed=11, threads=1)
    three = zorgsim.run(baseline, replications=6, seed=11, threads=3)
    assert one.summary_json == three.summary_json == result.summary_json
    assert one._core.timeseries_csv() == three._core.timeseries_csv() == result._core.timeseries_csv()
    assert (one.threads, three.threads) == (1, 3)


def test_defaults_are_the_scenarios(tmp_path):
    mmc = FIXTURES / "mmc-short.yaml"  # replications: 4, seed: 7
    zorgsim_cli("run", mmc, "--out", tmp_path / "cli", "--quiet")
    result = zorgsim.run(mmc)  # a path is loaded first
    assert (result.replication_count, result.seed) == (4, 7)
    assert result.summary_json == (tmp_path / "cli" / "summary.json").read_text()


def test_overrides_run_as_with_set(tmp_path):
    zorgsim_cli("run", BASELINE, "--set", "services.pleegzorg.capacity=200", "--replications", 3,
                "--out", tmp_path / "cli", "--quiet")
    result = zorgsim.run(zorgsim.load(BASELINE, set={"services.pleegzorg.capacity": 200}), replications=3)
    assert result.summary_json == (tmp_path / "cli" / "summary.json").read_text()


def test_timeseries_is_timeseries_csv_with_dates(result, cli_run):
    frame = result.timeseries
    expected = pandas.read_csv(cli_run / "timeseries.csv")
    assert list(frame.columns) == list(expected.columns) == [
        "scenario", "period_start", "service", "metric", "mean", "ci95_lo", "ci95_hi",
        "p05", "p25", "p50", "p75", "p95"]
    assert len(frame) == len(expected)
    assert pandas.api.types.is_datetime64_any_dtype(frame["period_start"])
    assert frame["period_start"].dt.strftime("%Y-%m-%d").tolist() == expected["period_start"].tolist()
    for column in ["mean", "ci95_lo", "p05", "p95"]:
        pandas.testing.assert_series_equal(frame[column], expected[column], check_names=False)
    assert (frame["service"] == expected["service"]).all()


def test_replications_when_kept(result, baseline, cli_run):
    frame = result.replications
    expected = pandas.read_csv(cli_run / "replications.csv")
    assert list(frame.columns) == ["scenario", "replication", "period_start", "service", "metric", "value"]
    assert len(frame) == len(expected) and sorted(frame["replication"].unique()) == list(range(6))
    pandas.testing.assert_series_equal(frame["value"], expected["value"])
    with pytest.raises(ValueError, match="keep_replications=True"):
        zorgsim.run(baseline, replications=2).replications


def test_report_in_english(result, tmp_path):
    page = result.report(tmp_path / "en", lang="en")
    assert page == tmp_path / "en" / "report.html" and page.is_file()
    assert 'lang="en"' in page.read_text()[:2000]
    with pytest.raises(ValueError, match="lang"):
        result.report(tmp_path / "xx", lang="de")


def test_bad_settings_are_value_errors(baseline):
    with pytest.raises(ValueError, match="at least 1"):
        zorgsim.run(baseline, replications=0)
    with pytest.raises(ValueError, match="GiB"):
        zorgsim.run(baseline, replications=10**9)


def test_a_runaway_inflow_is_a_scenario_error():
    with pytest.raises(zorgsim.ScenarioError, match="max_youths"):
        zorgsim.run(zorgsim.load(BASELINE), replications=1, max_youths=10)
