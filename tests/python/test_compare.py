"""zorgsim.compare: common random numbers as `zorgsim compare`, the same files to the byte, and
differences.csv as a data frame."""

import pandas
import pytest
import zorgsim

from conftest import BASELINE, FIXTURES, ZERO_CLOSED, same_files, zorgsim_cli

COMPARE_FILES = ["comparison.json", "timeseries.csv", "differences.csv", "results.xlsx", "report.html",
                 "scenario-westfriesland-baseline.yaml", "scenario-westfriesland-zero-closed-2030.yaml"]


@pytest.fixture(scope="module")
def cli_compare(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "compare"
    zorgsim_cli("compare", BASELINE, ZERO_CLOSED, "--replications", 5, "--seed", 3, "--out", out, "--quiet")
    return out


@pytest.fixture(scope="module")
def comparison():
    return zorgsim.compare(BASELINE, zorgsim.load(ZERO_CLOSED), replications=5, seed=3)


def test_a_comparison_equals_the_command_lines(comparison, cli_compare, tmp_path):
    assert comparison.summary_json == (cli_compare / "comparison.json").read_text()
    assert comparison._core.differences_csv() == (cli_compare / "differences.csv").read_bytes()
    assert comparison._core.timeseries_csv() == (cli_compare / "timeseries.csv").read_bytes()
    folder = comparison.to_folder(tmp_path / "py")
    same_files(folder, cli_compare, COMPARE_FILES)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in cli_compare.iterdir())


def test_differences_is_differences_csv(comparison, cli_compare):
    frame = comparison.differences
    expected = pandas.read_csv(cli_compare / "differences.csv")
    assert list(frame.columns) == ["base", "alternative", "period_start", "service", "metric", "mean",
                                   "ci95_lo", "ci95_hi"]
    assert len(frame) == len(expected) > 0
    assert pandas.api.types.is_datetime64_any_dtype(frame["period_start"])
    pandas.testing.assert_series_equal(frame["mean"], expected["mean"])
    assert set(frame["alternative"]) == {"westfriesland-zero-closed-2030"}


def test_each_scenarios_results_are_its_own_run(comparison, tmp_path):
    assert [r.scenario.name for r in comparison.results] == ["westfriesland-baseline",
                                                             "westfriesland-zero-closed-2030"]
    zorgsim_cli("run", ZERO_CLOSED, "--replications", 5, "--seed", 3, "--out", tmp_path / "alt", "--quiet")
    alternative = comparison["westfriesland-zero-closed-2030"]
    assert alternative is comparison.alternatives[0]
    assert alternative.summary_json == (tmp_path / "alt" / "summary.json").read_text()
    assert len(comparison.timeseries) == len(comparison.base.timeseries) + len(alternative.timeseries)


def test_compare_does_not_depend_on_the_threads(tmp_path):
    base, alt = FIXTURES / "compare-base.yaml", FIXTURES / "compare-alt.yaml"
    one = zorgsim.compare(base, alt, replications=6, threads=1, keep_replications=True)
    three = zorgsim.compare(base, alt, replications=6, threads=3, keep_replications=True)
    assert one.summary_json == three.summary_json
    assert one._core.differences_csv() == three._core.differences_csv()
    zorgsim_cli("compare", base, alt, "--replications", 6, "--keep-replications", "--out", tmp_path / "cli", "--quiet")
    same_files(one.to_folder(tmp_path / "py"), tmp_path / "cli", ["comparison.json", "replications.csv"])
    assert len(one.replications) == len(pandas.read_csv(tmp_path / "cli" / "replications.csv"))


def test_refusals():
    with pytest.raises(ValueError, match="at least one alternative"):
        zorgsim.compare(BASELINE)
    with pytest.raises(ValueError, match="both named"):
        zorgsim.compare(BASELINE, BASELINE)
