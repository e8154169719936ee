"""zorgsim.load: files and YAML text, --set-style overrides, and the loader's diagnostics as the
command line prints them."""

import datetime
import warnings

import pytest
import zorgsim

from conftest import BASELINE, FIXTURES, SCENARIOS, zorgsim_cli


def test_a_file_loads_with_its_defaults():
    scenario = zorgsim.load(BASELINE)
    assert scenario.name == "westfriesland-baseline"
    assert scenario.replications == 100 and scenario.seed == 1
    assert scenario.start == datetime.date(2025, 1, 1)
    assert "jeugdzorgplus" in scenario.services
    assert scenario.source == BASELINE
    assert zorgsim.load(str(BASELINE)).name == scenario.name  # a str path too


def test_the_municipalities_with_their_youths_are_listed():
    scenario = zorgsim.load(BASELINE)
    assert scenario.municipalities[0] == "Drechterland" and len(scenario.municipalities) == 7
    # A plain list of names reports nothing per municipality.
    plain = zorgsim.load(SCENARIOS.parent / "tests" / "scenario" / "fixtures" / "valid" / "care.yaml")
    assert plain.municipalities == []


def test_describe_is_the_command_lines():
    described = zorgsim_cli("describe", BASELINE).stdout
    assert zorgsim.load(BASELINE).describe() + "\n" == described


def test_the_resolved_yaml_is_what_a_run_writes(tmp_path):
    zorgsim_cli("run", FIXTURES / "mmc-short.yaml", "--replications", 2, "--out", tmp_path / "cli", "--quiet")
    assert zorgsim.load(FIXTURES / "mmc-short.yaml").yaml == (tmp_path / "cli" / "scenario.yaml").read_text()


def test_yaml_text_loads_and_extends_from_the_working_folder(monkeypatch):
    monkeypatch.chdir(SCENARIOS)
    text = "extends: westfriesland-baseline.yaml\nname: from-text\n"
    scenario = zorgsim.load(text)
    assert scenario.name == "from-text" and scenario.source is None
    assert scenario.services == zorgsim.load(BASELINE).services


def test_set_overrides_as_the_command_line():
    scenario = zorgsim.load(BASELINE, set={"services.pleegzorg.capacity": 200, "replications": 7})
    assert scenario.replications == 7
    assert scenario.overrides == {"services.pleegzorg.capacity": "200", "replications": "7"}
    described = zorgsim_cli("describe", BASELINE, "--set", "services.pleegzorg.capacity=200",
                            "--set", "replications=7").stdout
    assert scenario.describe() + "\n" == described
    assert scenario.describe() != zorgsim.load(BASELINE).describe()
    again = scenario.with_set({"seed": 9})
    assert (again.seed, again.replications) == (9, 7)


def test_errors_carry_every_diagnostic_as_the_command_line_prints_them():
    broken = FIXTURES / "broken.yaml"
    expected = zorgsim_cli("validate", broken, expect=2).stderr.splitlines()
    with pytest.raises(zorgsim.ScenarioError) as caught:
        zorgsim.load(broken)
    assert isinstance(caught.value, ValueError)
    assert caught.value.diagnostics == expected
    assert len(expected) > 1 and all(line.startswith(f"{broken}:") for line in expected)
    for line in caught.value.diagnostics:
        file, row, column, rest = line.split(":", 3)
        assert row.isdigit() and column.isdigit() and rest.startswith(" error: ") or " warning: " in rest


def test_a_bad_override_is_reported_at_the_command_line():
    with pytest.raises(zorgsim.ScenarioError) as caught:
        zorgsim.load(BASELINE, set={"seed": 1, "services.no_such_service.capacity": 3})
    expected = zorgsim_cli("validate", BASELINE, "--set", "seed=1", "--set",
                           "services.no_such_service.capacity=3", expect=2).stderr.splitlines()
    assert caught.value.diagnostics == expected
    assert caught.value.diagnostics[0].startswith("<command line>:2:")


def test_a_missing_file_is_a_scenario_error(tmp_path):
    with pytest.raises(zorgsim.ScenarioError) as caught:
        zorgsim.load(tmp_path / "nothing.yaml")
    assert caught.value.diagnostics and "nothing.yaml" in caught.value.diagnostics[0]


def test_yaml_text_errors_name_the_string():
    with pytest.raises(zorgsim.ScenarioError) as caught:
        zorgsim.load("name: x\nstart: not-a-date\n")
    assert all(line.startswith("<string>:") for line in caught.value.diagnostics)


def test_growing_waiting_lists_come_with_a_run_not_with_load():
    # Loading warns of nothing the simulation has not shown: a waiting list that keeps growing is
    # found by a run (as `zorgsim run` warns) and is in its summary, as in summary.json.
    mmc = FIXTURES / "mmc-short.yaml"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        scenario = zorgsim.load(mmc, set={"services.team.capacity": 2})
    assert [w for w in caught if issubclass(w.category, zorgsim.ScenarioWarning)] == []
    assert scenario.warnings == []
    result = zorgsim.run(scenario, replications=2, seed=1)
    assert isinstance(result.summary["warnings"], list)