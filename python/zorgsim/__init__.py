"""zorgsim from Python: run, compare, sweep and size youth-care scenarios in-process.

The same library code as the ``zorgsim`` command line does the work (the scenario loader and
its diagnostics, the replications under common random numbers, the writers of the results
files), so a run here gives the command line's figures to the byte for the same scenario, seed
and replications. Simulations run without the GIL, on all cores by default; Ctrl-C (a
notebook's "interrupt") stops them within a second with ``KeyboardInterrupt``.

>>> import zorgsim
>>> baseline = zorgsim.load("scenarios/westfriesland-baseline.yaml")
>>> result = zorgsim.run(baseline, replications=20)
>>> result.summary["system"]["youths_in_care"]["mean"]          # doctest: +SKIP
>>> result.timeseries.query("service == 'jeugdzorgplus'")       # doctest: +SKIP

See docs/python.md for a worked example and docs/output-format.md for what the figures mean.
"""

from __future__ import annotations

import datetime as _datetime
import io as _io
import json as _json
import os as _os
import warnings as _warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Sequence, Union

from . import _core
from ._core import ScenarioError

if TYPE_CHECKING:  # pandas is imported when a data frame is first asked for
    import pandas

__version__: str = _core.__version__
#: The git commit the module was built from ("" when not built from a clone).
source_commit: str = _core.source_commit

__all__ = [
    "Comparison",
    "Result",
    "Scenario",
    "ScenarioError",
    "ScenarioWarning",
    "Sizing",
    "Sweep",
    "compare",
    "load",
    "run",
    "size",
    "sweep",
]

PathLike = Union[str, "_os.PathLike[str]"]


class ScenarioWarning(UserWarning):
    """A warning about a scenario file ("FILE:LINE:COLUMN: warning: ..."), as the command line
    prints it; the scenario loads all the same."""


def _yaml_value(value: Any) -> str:
    """A Python value as the YAML text of a ``--set PATH=VALUE`` override."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, _datetime.date):
        return value.isoformat()
    if value is None:
        return "~"
    # Lists and mappings as JSON, which is YAML's flow style: [{"from": "2026-01-01", ...}].
    return _json.dumps(value, default=lambda v: v.isoformat() if hasattr(v, "isoformat") else str(v))


def _overrides(values: Mapping[str, Any] | None) -> list[tuple[str, str]]:
    if values is None:
        return []
    if not isinstance(values, Mapping):
        raise TypeError("set= takes a mapping of PATH to VALUE, e.g. {'services.pleegzorg.capacity': 200}")
    return [(str(path), _yaml_value(value)) for path, value in values.items()]


def _date(text: str) -> _datetime.date:
    return _datetime.date.fromisoformat(text)


def _frame(data: bytes, text_columns: Sequence[str], dates: Sequence[str] = ("period_start",)) -> "pandas.DataFrame":
    """A CSV file of the results (as bytes) as a data frame: empty cells are NaN, text columns
    stay text and dates are dates."""
    import pandas

    frame = pandas.read_csv(
        _io.BytesIO(data),
        keep_default_na=False,
        na_values=[""],
        dtype={column: str for column in text_columns},
    )
    for column in dates:
        if column in frame.columns:
            frame[column] = pandas.to_datetime(frame[column], format="%Y-%m-%d")
    return frame


def _timeseries_frame(data: bytes) -> "pandas.DataFrame":
    return _frame(data, ("scenario", "service", "metric"))


def _replications_frame(data: bytes) -> "pandas.DataFrame":
    return _frame(data, ("scenario", "service", "metric"))


class Scenario:
    """A loaded, checked scenario (``zorgsim.load``). Immutable: ``with_set`` gives a changed
    copy."""

    def __init__(self, core: _core.Scenario, *, warnings: Sequence[str] = (), source: str | None = None,
                 text: str | None = None, base_dir: Path | None = None,
                 overrides: Sequence[tuple[str, str]] = ()) -> None:
        self._core = core
        self._source = source  # as given: diagnostics name the file so, as on the command line
        self._text = text
        self._base_dir = base_dir
        self._overrides = list(overrides)
        #: The loader's warnings, as "FILE:LINE:COLUMN: warning: MESSAGE".
        self.warnings: list[str] = list(warnings)

    @property
    def name(self) -> str:
        """The scenario's name (``name:``), which names it in every results file."""
        return self._core.name

    @property
    def title(self) -> str:
        return self._core.title

    @property
    def replications(self) -> int:
        """The scenario's own replication count, used when ``run`` is given none."""
        return self._core.replications

    @property
    def seed(self) -> int:
        """The scenario's own seed, used when ``run`` is given none."""
        return self._core.seed

    @property
    def start(self) -> _datetime.date:
        return _date(self._core.start)

    @property
    def end(self) -> _datetime.date:
        return _date(self._core.end)

    @property
    def period(self) -> str:
        """The reporting period: "year", "quarter" or "month"."""
        return self._core.period

    @property
    def services(self) -> list[str]:
        """The ids of the services, in file order."""
        return self._core.services

    @property
    def regions(self) -> list[str]:
        """The ids of the regions (empty for a single-region scenario)."""
        return self._core.regions

    @property
    def municipalities(self) -> list[str]:
        """The names of the municipalities reported per municipality (those given with their
        youth population; empty otherwise), in file order."""
        return self._core.municipalities

    @property
    def source(self) -> Path | None:
        """The file it was loaded from (None for YAML text or a sized scenario)."""
        return None if self._source is None else Path(self._source)

    @property
    def overrides(self) -> dict[str, str]:
        """The ``set=`` overrides it was loaded with, as YAML text."""
        return dict(self._overrides)

    @property
    def yaml(self) -> str:
        """The fully resolved scenario (``extends`` and defaults applied), as scenario.yaml of a
        run holds it."""
        return self._core.resolved_yaml()

    def describe(self) -> str:
        """The network in words, as ``zorgsim describe`` prints it."""
        return "\n".join(self._core.describe())

    def with_set(self, set: Mapping[str, Any]) -> "Scenario":
        """The same scenario loaded again with more overrides (later ones win)."""
        return self._reload(self._overrides + _overrides(set))

    def _reload(self, overrides: list[tuple[str, str]], warn: bool = True) -> "Scenario":
        if self._source is not None:
            core, found = _core.load_file(self._source, overrides)
        elif self._text is not None:
            core, found = _core.load_text(self._text, "<string>", str(self._base_dir), overrides)
        else:
            raise ValueError(f"scenario {self.name} was not loaded from a file or text: it cannot be loaded again with other values")
        if warn:
            _warn(found)
        return Scenario(core, warnings=found, source=self._source, text=self._text,
                        base_dir=self._base_dir, overrides=overrides)

    def __repr__(self) -> str:
        where = f" from {self._source!r}" if self._source is not None else ""
        return f"<zorgsim.Scenario {self.name!r}{where}>"


def _warn(lines: Sequence[str]) -> None:
    for line in lines:
        _warnings.warn(line, ScenarioWarning, stacklevel=3)


def load(source: PathLike, set: Mapping[str, Any] | None = None) -> Scenario:
    """Loads and checks a scenario: a file (a path, or a ``str`` without a line break) or YAML
    text (a ``str`` with a line break; its ``extends`` is read relative to the working folder).

    ``set`` overrides values as ``zorgsim run --set PATH=VALUE`` does, in order:
    ``{"services.pleegzorg.capacity": 200}``; a value is written as YAML (lists and mappings as
    flow style).

    Raises ``ScenarioError`` (a ``ValueError``) with every mistake in ``.diagnostics``, as
    "FILE:LINE:COLUMN: error: MESSAGE" lines, the same as ``zorgsim validate`` prints; an
    override's mistake is at "<command line>:N:COLUMN", N counting the overrides from 1.
    Warnings are issued as ``ScenarioWarning``.
    """
    overrides = _overrides(set)
    if isinstance(source, str) and "\n" in source:
        base_dir = Path.cwd()
        core, found = _core.load_text(source, "<string>", str(base_dir), overrides)
        _warn(found)
        return Scenario(core, warnings=found, text=source, base_dir=base_dir, overrides=overrides)
    if not isinstance(source, (str, _os.PathLike)):
        raise TypeError(f"load() takes a path or YAML text, not {type(source).__name__}")
    path = _os.fspath(source)
    core, found = _core.load_file(path, overrides)
    _warn(found)
    return Scenario(core, warnings=found, source=path, overrides=overrides)


def _scenario(value: Scenario | PathLike) -> Scenario:
    return value if isinstance(value, Scenario) else load(value)


class _Results:
    """What run, compare and size results share: the settings and writing a results folder."""

    _keep: bool

    def _write(self, path: PathLike, lang: str) -> None:
        raise NotImplementedError

    def to_folder(self, path: PathLike, lang: str = "nl") -> Path:
        """Writes the results folder PATH as the command line's ``--out PATH`` does: the same
        files with the same bytes (report.html and results.xlsx in ``lang``, "nl" or "en";
        replications.csv when the replications were kept). The files are staged and moved in
        at the end; files of an earlier zorgsim command there are removed. Returns PATH."""
        self._write(path, lang)
        return Path(path)

    def report(self, path: PathLike, lang: str = "nl") -> Path:
        """Writes the results folder PATH with its report (as ``to_folder``) and returns the
        path of PATH/report.html, the forecast report in Dutch ("nl") or English ("en")."""
        return self.to_folder(path, lang) / "report.html"


class Result(_Results):
    """The results of ``zorgsim.run``: the figures of summary.json and timeseries.csv."""

    def __init__(self, core: _core.Run, keep_replications: bool, scenario: Scenario | None = None) -> None:
        self._core = core
        self._keep = keep_replications
        self._scenario = scenario
        self._summary: dict[str, Any] | None = None
        self._timeseries: "pandas.DataFrame | None" = None

    @property
    def scenario(self) -> Scenario:
        """The scenario that ran."""
        if self._scenario is None:
            self._scenario = _scenario_of(self._core.scenario)
        return self._scenario

    @property
    def replication_count(self) -> int:
        return self._core.replications

    @property
    def seed(self) -> int:
        return self._core.seed

    @property
    def threads(self) -> int:
        """The worker threads it ran on (the figures do not depend on it)."""
        return self._core.threads

    @property
    def summary_json(self) -> str:
        """summary.json, as the command line writes it."""
        return self._core.summary_json()

    @property
    def summary(self) -> dict[str, Any]:
        """summary.json as a dict: whole-horizon figures per service, for the system (and per
        region and municipality), each ``{"mean": m, "ci95": [lo, hi]}``, with the provenance."""
        if self._summary is None:
            self._summary = _json.loads(self.summary_json)
        return self._summary

    @property
    def timeseries(self) -> "pandas.DataFrame":
        """timeseries.csv as a data frame: scenario, period_start (a date), service, metric,
        mean, ci95_lo, ci95_hi, p05, p25, p50, p75, p95."""
        if self._timeseries is None:
            self._timeseries = _timeseries_frame(self._core.timeseries_csv())
        return self._timeseries.copy()

    @property
    def replications(self) -> "pandas.DataFrame":
        """replications.csv as a data frame (run with ``keep_replications=True``): scenario,
        replication, period_start, service, metric, value."""
        if not self._keep:
            raise ValueError("the replications were not kept: run with keep_replications=True")
        return _replications_frame(self._core.replications_csv())

    def _write(self, path: PathLike, lang: str) -> None:
        self._core.write_folder(_os.fspath(path), lang, self._keep)

    def __repr__(self) -> str:
        return f"<zorgsim.Result {self._core.scenario.name!r}: {self.replication_count} replications, seed {self.seed}>"


def _scenario_of(core: _core.Scenario) -> Scenario:
    return Scenario(core)


class Comparison(_Results):
    """The results of ``zorgsim.compare``: the scenarios paired by replication (common random
    numbers), the base first."""

    def __init__(self, core: _core.Compared, scenarios: Sequence[Scenario], keep_replications: bool) -> None:
        self._core = core
        self._keep = keep_replications
        self.scenarios: list[Scenario] = list(scenarios)
        #: Each scenario's own results (what ``zorgsim run`` gives for it with this seed and
        #: replication count), the base first.
        self.results: list[Result] = [Result(core.result(i), keep_replications, scenario)
                                      for i, scenario in enumerate(self.scenarios)]
        self._summary: dict[str, Any] | None = None

    @property
    def base(self) -> Result:
        return self.results[0]

    @property
    def alternatives(self) -> list[Result]:
        return self.results[1:]

    def __getitem__(self, name: str | int) -> Result:
        """A scenario's results, by position or name."""
        if isinstance(name, int):
            return self.results[name]
        for scenario, result in zip(self.scenarios, self.results):
            if scenario.name == name:
                return result
        raise KeyError(name)

    @property
    def replication_count(self) -> int:
        return self._core.replications

    @property
    def seed(self) -> int:
        return self._core.seed

    @property
    def summary_json(self) -> str:
        """comparison.json, as the command line writes it."""
        return self._core.comparison_json()

    @property
    def summary(self) -> dict[str, Any]:
        """comparison.json as a dict: each scenario's figures and the paired differences."""
        if self._summary is None:
            self._summary = _json.loads(self.summary_json)
        return self._summary

    @property
    def timeseries(self) -> "pandas.DataFrame":
        """timeseries.csv of the comparison: the rows of every scenario."""
        return _timeseries_frame(self._core.timeseries_csv())

    @property
    def differences(self) -> "pandas.DataFrame":
        """differences.csv as a data frame: base, alternative, period_start (a date), service,
        metric, mean, ci95_lo, ci95_hi; the difference ALT - BASE paired by replication."""
        return _frame(self._core.differences_csv(), ("base", "alternative", "service", "metric"))

    @property
    def replications(self) -> "pandas.DataFrame":
        """replications.csv of every scenario (compare with ``keep_replications=True``)."""
        if not self._keep:
            raise ValueError("the replications were not kept: compare with keep_replications=True")
        return _replications_frame(self._core.replications_csv())

    def _write(self, path: PathLike, lang: str) -> None:
        self._core.write_folder(_os.fspath(path), lang, self._keep)

    def __repr__(self) -> str:
        names = " vs ".join(repr(s.name) for s in self.scenarios)
        return f"<zorgsim.Comparison {names}: {self.replication_count} replications, seed {self.seed}>"


class Sweep:
    """The results of ``zorgsim.sweep``: one run per point of the grid, all with the same seed."""

    def __init__(self, parameters: Sequence[str], values: Sequence[Sequence[str]], scenarios: Sequence[Scenario],
                 cores: Sequence[_core.Run], keep_replications: bool) -> None:
        self.parameters: list[str] = list(parameters)
        #: Per point, the value of each parameter (as YAML text), the first parameter varying
        #: slowest.
        self.points: list[dict[str, str]] = [dict(zip(self.parameters, point)) for point in values]
        self.scenarios: list[Scenario] = list(scenarios)
        self.results: list[Result] = [Result(core, keep_replications, scenario)
                                      for core, scenario in zip(cores, scenarios)]
        self._values = [list(point) for point in values]
        self._cores = list(cores)
        self._keep = keep_replications

    @property
    def table(self) -> "pandas.DataFrame":
        """sweep.csv as a data frame: point, one column per parameter, service, metric, mean,
        ci95_lo, ci95_hi (whole-horizon figures)."""
        return _frame(_core.sweep_csv(self.parameters, self._values, self._cores),
                      ["service", "metric"] + self.parameters, dates=())

    @property
    def replications(self) -> "pandas.DataFrame":
        """replications.csv of the sweep: every point's replications with its point first."""
        if not self._keep:
            raise ValueError("the replications were not kept: sweep with keep_replications=True")
        import pandas

        frames = [result.replications for result in self.results]
        for point, frame in enumerate(frames):
            frame.insert(0, "point", point)
        return pandas.concat(frames, ignore_index=True)

    def to_folder(self, path: PathLike) -> Path:
        """Writes sweep.csv (and replications.csv when kept) into the results folder PATH, as
        ``zorgsim sweep --out PATH`` does. Returns PATH."""
        _core.write_sweep_folder(_os.fspath(path), self.parameters, self._values, self._cores, self._keep)
        return Path(path)

    def __repr__(self) -> str:
        return f"<zorgsim.Sweep of {', '.join(self.parameters)}: {len(self.points)} points>"


class Sizing(_Results):
    """The results of ``zorgsim.size``: the smallest capacity that meets the target, the plan
    per period, the trade-off curve, and the sized scenario's own run."""

    def __init__(self, core: _core.Sized, keep_replications: bool) -> None:
        self._core = core
        self._keep = keep_replications
        #: sizing.json as a dict.
        self.summary: dict[str, Any] = _json.loads(core.sizing_json())
        #: The sized scenario's own results.
        self.result = Result(core.result(), keep_replications)

    @property
    def sized(self) -> Scenario:
        """The scenario at the sized constant capacities."""
        return _scenario_of(self._core.sized)

    @property
    def services(self) -> list[dict[str, Any]]:
        """Every sized service's part of sizing.json, in the order sized."""
        return list(self.summary.get("sequence", [self.summary]))

    @property
    def capacity(self) -> dict[str, int]:
        """Per sized service, the smallest constant capacity that meets its target."""
        return {s["service"]: s["capacity"] for s in self.services}

    @property
    def plan(self) -> "pandas.DataFrame":
        """The smallest capacity per period: service, period_start (a date), capacity."""
        import pandas

        rows = [{"service": s["service"], "period_start": p["period_start"], "capacity": p["capacity"]}
                for s in self.services for p in s["plan"]]
        frame = pandas.DataFrame(rows, columns=["service", "period_start", "capacity"])
        frame["period_start"] = pandas.to_datetime(frame["period_start"], format="%Y-%m-%d")
        return frame

    @property
    def curve(self) -> "pandas.DataFrame":
        """The trade-off curve: per service and evaluated capacity, whether it meets the target,
        the wait (mean, interval, pooled p50 and p90), utilization and cost."""
        import pandas

        def interval(prefix: str, figure: dict[str, Any]) -> dict[str, Any]:
            lo, hi = figure["ci95"]
            return {f"{prefix}_mean": figure["mean"], f"{prefix}_ci95_lo": lo, f"{prefix}_ci95_hi": hi}

        rows = []
        for s in self.services:
            for point in s["curve"]:
                row = {"service": s["service"], "capacity": point["capacity"], "meets": point["meets"]}
                row.update(interval("wait_days", point["wait_days"]))
                row["wait_days_p50"] = point["wait_days"]["p50"]
                row["wait_days_p90"] = point["wait_days"]["p90"]
                row.update(interval("utilization", point["utilization"]))
                row.update(interval("cost", point["cost"]))
                rows.append(row)
        return pandas.DataFrame(rows)

    def _write(self, path: PathLike, lang: str) -> None:
        self._core.write_folder(_os.fspath(path), lang, self._keep)

    def __repr__(self) -> str:
        sized = ", ".join(f"{k} = {v}" for k, v in self.capacity.items())
        return f"<zorgsim.Sizing {sized}>"


def run(scenario: Scenario | PathLike, replications: int | None = None, seed: int | None = None,
        threads: int | None = None, keep_replications: bool = False, progress: bool = False,
        max_youths: int | None = None) -> Result:
    """Runs a scenario's replications (as ``zorgsim run``) and returns its ``Result``.

    ``replications`` and ``seed`` default to the scenario's own (100 and 1 for the
    Westfriesland baseline); ``threads`` to all cores (the figures do not depend on it).
    ``keep_replications`` keeps every replication's figures for ``.replications`` and
    replications.csv. ``progress`` draws a progress line on ``sys.stderr``. ``max_youths``:
    the youths alive at once in one replication before the run stops as a runaway.

    Raises ``ValueError`` for settings that cannot run (replications whose figures would not
    fit in memory), ``ScenarioError`` when the scenario fails while it runs (a loop in zero
    time, a runaway inflow) and ``KeyboardInterrupt`` on Ctrl-C.
    """
    loaded = _scenario(scenario)
    core = _core.run(loaded._core, replications, seed, threads, max_youths, progress)
    return Result(core, keep_replications, loaded)


def compare(base: Scenario | PathLike, *alternatives: Scenario | PathLike, replications: int | None = None,
            seed: int | None = None, threads: int | None = None, keep_replications: bool = False,
            progress: bool = False, max_youths: int | None = None) -> Comparison:
    """Runs a base scenario and one or more alternatives with common random numbers (as
    ``zorgsim compare``): replication r of every scenario uses the same random streams, with
    the base's seed and replication count unless given. ``.differences`` are the paired
    differences ALT - BASE per period with their 95% intervals."""
    if not alternatives:
        raise ValueError("compare needs a base scenario and at least one alternative")
    scenarios = [_scenario(s) for s in (base, *alternatives)]
    core = _core.compare([s._core for s in scenarios], replications, seed, threads, max_youths, progress)
    return Comparison(core, scenarios, keep_replications)


def sweep(scenario: Scenario | PathLike, grid: Mapping[str, Sequence[Any]], replications: int | None = None,
          seed: int | None = None, threads: int | None = None, keep_replications: bool = False,
          progress: bool = False, max_youths: int | None = None) -> Sweep:
    """Runs a scenario over every combination of values of one or more parameters (as
    ``zorgsim sweep --set PATH=V1,V2,...``), the first parameter varying slowest, every point
    with the same seed (common random numbers across the sweep)::

        zorgsim.sweep(baseline, {"services.pleegzorg.capacity": [180, 190, 200, 210]})

    Every point is loaded and checked before anything runs: a bad value raises
    ``ScenarioError`` with the mistakes of every point."""
    loaded = _scenario(scenario)
    if not isinstance(grid, Mapping) or not grid:
        raise ValueError("sweep needs at least one parameter: {PATH: [V1, V2, ...]}")
    parameters: list[tuple[str, list[str]]] = []
    for path, values in grid.items():
        if isinstance(values, (str, bytes)) or not isinstance(values, Sequence) or not values:
            raise ValueError(f"sweep: {path} needs a non-empty list of values")
        parameters.append((str(path), [_yaml_value(v) for v in values]))
    points = _core.grid_points(parameters)
    scenarios: list[Scenario] = []
    diagnostics: list[str] = []
    for index, values in enumerate(points):
        overrides = loaded._overrides + [(path, value) for (path, _), value in zip(parameters, values)]
        try:
            scenarios.append(loaded._reload(overrides, warn=False))
        except ScenarioError as error:
            # As the command line: the first point's warnings, every point's errors.
            diagnostics += [d for d in error.diagnostics if index == 0 or ": error: " in d]
    if diagnostics:
        failed = ScenarioError("\n".join(diagnostics))
        failed.diagnostics = diagnostics
        raise failed
    cores = _core.sweep([s._core for s in scenarios], replications, seed, threads, max_youths, progress)
    return Sweep([path for path, _ in parameters], points, scenarios, cores, keep_replications)


def size(scenario: Scenario | PathLike, service: str | Sequence[str], target: str | Sequence[str],
         max_capacity: int = 1000, replications: int | None = None, seed: int | None = None,
         threads: int | None = None, keep_replications: bool = False, progress: bool = False,
         max_youths: int | None = None) -> Sizing:
    """Finds the smallest capacity of a service that meets a target (as ``zorgsim size``),
    e.g. ``zorgsim.size(s, "kleinschalig_wonen", "wait_days.p90 <= 28")``: constant over the
    horizon, and per period. Several services (a list) are sized in order, each with the
    earlier ones at their sized capacity; ``target`` is one for all or one per service. Raises
    ``ValueError`` when no capacity up to ``max_capacity`` meets it."""
    loaded = _scenario(scenario)
    services = [service] if isinstance(service, str) else list(service)
    targets = [target] if isinstance(target, str) else list(target)
    core = _core.size(loaded._core, services, targets, max_capacity, replications, seed, threads,
                      max_youths, progress)
    return Sizing(core, keep_replications)
