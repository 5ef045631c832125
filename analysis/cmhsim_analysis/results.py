# Reads cmhsim HDF5 results files (run, comparison, sweep) through the documented schema.
# Knows docs/results-schema.md only: nothing of figures, HTML or the C++ code.
"""Reading cmhsim results files (schema version 2) into NumPy arrays and pandas tables."""

import os
import re
import zlib
from dataclasses import dataclass, field

import h5py
import numpy as np
import pandas as pd
import yaml

from .stats import mean_ci

SCHEMA_NAME = "cmhsim-results"
SUPPORTED_SCHEMA_VERSIONS = (2,)
REPORTABLE_CONTENT = ("run", "comparison", "sweep", "calibration")
# The seal cmhsim writes into a results file's 512-byte user block before the HDF5 data.
SEAL_BLOCK = 512
SEAL_MAGIC = b"cmhsim-seal-1\n"
HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"


# A YAML 1.2 number such as 1e3, which cmhsim's YAML reader takes as a number but PyYAML (YAML 1.1,
# which needs a dot in floats) leaves as a string.
_YAML12_NUMBER = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


class ResultsError(Exception):
    """A file that is not a readable cmhsim results file of a supported version and kind."""


def _strings(values):
    """Returns an HDF5 string attribute or dataset value as a list of str."""
    if isinstance(values, (str, bytes)):
        values = [values]
    return [v.decode("utf-8") if isinstance(v, bytes) else str(v) for v in values]


def _scalar(value):
    """Returns an HDF5 attribute value as a plain Python scalar (or str)."""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, np.generic):
        return value.item()
    return value


def _summary_frame(group, names, units, descriptions, reps):
    """Returns a table of mean, ci95_lo, ci95_hi and n per name; computed from reps if absent."""
    if "summary" in group:
        s = group["summary"]
        data = {k: s[k][()] for k in ("mean", "ci95_lo", "ci95_hi", "n")}
    else:
        mean, lo, hi, n = mean_ci(reps, axis=0)
        data = {"mean": mean, "ci95_lo": lo, "ci95_hi": hi, "n": n}
    frame = pd.DataFrame(data, index=pd.Index(names, name="name"))
    frame["unit"] = units
    frame["description"] = descriptions
    return frame


@dataclass
class Run:
    """One scenario's results: end-of-run metrics, monthly series and service summaries."""

    name: str
    attrs: dict
    scenario_text: str
    metrics: pd.DataFrame  # index: metric name; columns mean, ci95_lo, ci95_hi, n, unit, description
    metric_replications: np.ndarray  # [R, K]
    series_names: list
    series_units: list
    series_descriptions: list
    series_mean: np.ndarray  # [T, V]
    series_lo: np.ndarray
    series_hi: np.ndarray
    series_replications: np.ndarray  # [R, T, V]
    services: dict = field(default_factory=dict)  # service name -> summary table
    parameters: dict = field(default_factory=dict)  # key path -> value that ran (resolved)
    # Parameter uncertainty: {"keys", "values" [N, K], "weights" [N], "provenance"}, and the set
    # each replication used ([R] indices into values); None when the run had fixed parameters.
    parameter_sets: dict = None
    parameter_set_of: np.ndarray = None

    @property
    def replications(self):
        """Returns the number of replications stored."""
        return int(self.metric_replications.shape[0])

    @property
    def months(self):
        """Returns the number of recorded months."""
        return int(self.series_mean.shape[0])

    @property
    def scenario(self):
        """Returns the scenario file parsed as a dict (empty if it does not parse)."""
        try:
            parsed = yaml.safe_load(self.scenario_text)
        except yaml.YAMLError:
            return {}
        return parsed if isinstance(parsed, dict) else {}

    def metric(self, name):
        """Returns (mean, lo, hi, n) of an end-of-run metric, NaN if the run lacks it."""
        if name not in self.metrics.index:
            return (np.nan, np.nan, np.nan, 0)
        row = self.metrics.loc[name]
        return (float(row["mean"]), float(row["ci95_lo"]), float(row["ci95_hi"]), int(row["n"]))

    def metric_unit(self, name):
        """Returns an end-of-run metric's unit ('' if unknown)."""
        return str(self.metrics.loc[name, "unit"]) if name in self.metrics.index else ""

    def has_series(self, name):
        """Returns whether the run holds a monthly series of that name."""
        return name in self.series_names

    def series(self, name):
        """Returns (mean, lo, hi) arrays over months of a monthly series."""
        v = self.series_names.index(name)
        return self.series_mean[:, v], self.series_lo[:, v], self.series_hi[:, v]

    def series_unit(self, name):
        """Returns a monthly series' unit."""
        return self.series_units[self.series_names.index(name)]

    def series_per_replication(self, name):
        """Returns a monthly series as an [R, T] array."""
        return self.series_replications[:, :, self.series_names.index(name)]


@dataclass
class Comparison:
    """A comparison file: each scenario's run and the paired differences from the baseline."""

    path: str
    attrs: dict
    order: list
    runs: dict  # scenario name -> Run
    baseline: str
    compared: list
    differences: pd.DataFrame  # long: scenario, outcome, unit, difference, lo, hi, n, unpaired_lo/hi


@dataclass
class Sweep:
    """A sweep file: the design, each point's settings and each point's run."""

    path: str
    attrs: dict
    design: str
    axes: list
    settings: list  # [P][A] strings as written
    points: list  # [(index, Run)] in ascending index
    sweep_text: str = ""

    def numeric_settings(self):
        """Returns the points' settings as a float [P, A] array (NaN where not a number)."""
        out = np.full((len(self.points), len(self.axes)), np.nan)
        for i, (index, _) in enumerate(self.points):
            for a, text in enumerate(self.settings[index]):
                try:
                    value = yaml.safe_load(text)
                except yaml.YAMLError:
                    continue
                if isinstance(value, str) and _YAML12_NUMBER.fullmatch(text.strip()):
                    value = float(value)
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    out[i, a] = float(value)
        return out


def _read_run(group, name, path):
    """Returns a Run read from a group with the run-file layout."""
    where = f"{path}:{group.name}"
    try:
        attrs = {k: _scalar(v) for k, v in group.attrs.items()}
        text = group["provenance/scenario_text"].asstr()[()] if "provenance" in group else ""
        parameters = {}
        if "provenance/parameters" in group:
            rows = group["provenance/parameters"].asstr()[()]
            parameters = {str(k): str(v) for k, v in rows}
        m = group["metrics/replications"]
        names = _strings(m.attrs["names"]) if m.shape[1] else []
        units = _strings(m.attrs["units"]) if m.shape[1] else []
        descriptions = _strings(m.attrs["descriptions"]) if m.shape[1] else []
        metric_reps = np.asarray(m[()], dtype=float)
        metrics = _summary_frame(group["metrics"], names, units, descriptions, metric_reps)
        s = group["series/replications"]
        series_reps = np.asarray(s[()], dtype=float)
        v = s.shape[2]
        snames = _strings(s.attrs["names"]) if v else []
        sunits = _strings(s.attrs["units"]) if v else []
        sdesc = _strings(s.attrs["descriptions"]) if v else []
        if "summary" in group["series"]:
            ss = group["series/summary"]
            smean, slo, shi = (np.asarray(ss[k][()], dtype=float) for k in ("mean", "ci95_lo", "ci95_hi"))
        else:
            smean, slo, shi, _ = mean_ci(series_reps, axis=0)
        services = {}
        if "services" in group:
            order = _strings(group["services"].attrs.get("order", list(group["services"].keys())))
            for service in order:
                g = group["services"][service]
                reps = np.asarray(g["replications"][()], dtype=float)
                services[service] = _summary_frame(
                    g, _strings(g["replications"].attrs["metrics"]),
                    _strings(g["replications"].attrs["units"]),
                    _strings(g["replications"].attrs["descriptions"]), reps)
        parameter_sets, parameter_set_of = None, None
        if "parameter_sets" in group:
            ps = group["parameter_sets"]
            parameter_sets = {
                "keys": _strings(ps["keys"][()]),
                "values": np.asarray(ps["values"][()], dtype=float),
                "weights": np.asarray(ps["weights"][()], dtype=float),
                "provenance": str(_scalar(ps.attrs.get("provenance", ""))),
            }
            parameter_set_of = np.asarray(group["replications/parameter_set"][()], dtype=np.int64)
    except KeyError as e:
        raise ResultsError(f"{where}: missing or malformed part of the run layout ({e})") from e
    return Run(name=name, attrs=attrs, scenario_text=text, metrics=metrics,
               metric_replications=metric_reps, series_names=snames, series_units=sunits,
               series_descriptions=sdesc, series_mean=smean, series_lo=slo, series_hi=shi,
               series_replications=series_reps, services=services, parameters=parameters,
               parameter_sets=parameter_sets, parameter_set_of=parameter_set_of)


def _scenario_name(run, fallback):
    """Returns the scenario's name from its text, or fallback."""
    name = run.scenario.get("name")
    return str(name) if name else fallback


def _check_root(f, path):
    """Raises ResultsError unless f is a cmhsim results file of a supported version and kind."""
    schema = _scalar(f.attrs.get("schema", None))
    if schema != SCHEMA_NAME:
        raise ResultsError(
            f"{path}: not a cmhsim results file (the root attribute 'schema' is "
            f"{'missing' if schema is None else repr(schema)}, expected '{SCHEMA_NAME}')")
    version = _scalar(f.attrs.get("schema_version", None))
    if version not in SUPPORTED_SCHEMA_VERSIONS:
        known = ", ".join(str(v) for v in SUPPORTED_SCHEMA_VERSIONS)
        raise ResultsError(
            f"{path}: results schema version {version} is not supported: this analysis reads "
            f"version {known} (docs/results-schema.md); write the file again with a matching cmhsim")
    content = _scalar(f.attrs.get("content", "run"))
    if content == "sweep-shard":
        raise ResultsError(f"{path}: a sweep shard holds only part of a sweep; join the shards "
                           "with 'cmhsim merge' and report on the merged file")
    if content not in REPORTABLE_CONTENT:
        raise ResultsError(f"{path}: unknown content '{content}' (expected run, comparison, sweep or "
                          "calibration)")
    model = _scalar(f.attrs.get("model", None))
    if content not in ("sweep", "calibration") and model not in (None, "pathway"):
        raise ResultsError(
            f"{path}: a {model} model file has no pathway outputs to report (the report covers "
            "pathway scenarios); 'cmhsim export' writes its service tables as CSV")
    return content


def _read_comparison(f, path):
    order = _strings(f["scenarios"].attrs["order"])
    runs = {name: _read_run(f["scenarios"][name], name, path) for name in order}
    c = f["comparison"]
    names = _strings(c.attrs["names"])
    units = _strings(c.attrs["units"])
    compared = _strings(c.attrs["compared"])
    rows = []
    arrays = {k: np.asarray(c[k][()], dtype=float) for k in
              ("difference_mean", "ci95_lo", "ci95_hi", "n", "unpaired_ci95_lo", "unpaired_ci95_hi")}
    for i, scenario in enumerate(compared):
        for o, outcome in enumerate(names):
            rows.append({"scenario": scenario, "outcome": outcome, "unit": units[o],
                         "difference": arrays["difference_mean"][i, o], "lo": arrays["ci95_lo"][i, o],
                         "hi": arrays["ci95_hi"][i, o], "n": int(arrays["n"][i, o]),
                         "unpaired_lo": arrays["unpaired_ci95_lo"][i, o],
                         "unpaired_hi": arrays["unpaired_ci95_hi"][i, o]})
    return Comparison(path=path, attrs={k: _scalar(v) for k, v in f.attrs.items()}, order=order,
                      runs=runs, baseline=_scalar(c.attrs["baseline"]), compared=compared,
                      differences=pd.DataFrame(rows))


def _read_sweep(f, path):
    sw = f["sweep"]
    axes = _strings(sw["axes"][()])
    settings = [_strings(row) for row in sw["settings"][()]]
    order = _strings(f["points"].attrs.get("order", sorted(f["points"].keys(), key=int)))
    points = []
    for key in order:
        g = f["points"][key]
        model = _scalar(g.attrs.get("model", "pathway"))
        if model != "pathway":
            raise ResultsError(f"{path}: a sweep of a {model} model has no pathway outputs to report")
        points.append((int(key), _read_run(g, f"point {key}", path)))
    return Sweep(path=path, attrs={k: _scalar(v) for k, v in f.attrs.items()},
                 design=_scalar(f.attrs.get("design", "factorial")), axes=axes, settings=settings,
                 points=points, sweep_text=sw["text"].asstr()[()] if "text" in sw else "")


def _check_seal(path):
    """Raises ResultsError if the file has a user block whose seal (a CRC-32 of every byte after
    it, docs/results-schema.md) is altered or does not match; unsealed files pass unchecked."""
    with open(path, "rb") as f:
        head = f.read(SEAL_BLOCK + len(HDF5_SIGNATURE))
        if len(head) < SEAL_BLOCK + len(HDF5_SIGNATURE) or head[SEAL_BLOCK:] != HDF5_SIGNATURE:
            return
        if head[:len(SEAL_MAGIC) + 8] == bytes(len(SEAL_MAGIC) + 8):
            return  # a blank user block: never sealed
        if not head.startswith(SEAL_MAGIC):
            raise ResultsError(f"{path}: the file is damaged: its seal is missing or altered")
        stored = head[len(SEAL_MAGIC):len(SEAL_MAGIC) + 8]
        f.seek(len(SEAL_MAGIC) + 8)
        crc = 0
        for chunk in iter(lambda: f.read(1 << 20), b""):
            crc = zlib.crc32(chunk, crc)
    if stored != b"%08x" % crc:
        raise ResultsError(f"{path}: the file is damaged or was edited: its checksum does not "
                           "match its contents")


def open_results(path):
    """Returns a Run, Comparison or Sweep read from a cmhsim results file; raises ResultsError."""
    path = os.fspath(path)
    if not os.path.exists(path):
        raise ResultsError(f"{path}: no such file")
    try:
        _check_seal(path)
        f = h5py.File(path, "r")
    except OSError as e:
        raise ResultsError(f"{path}: not a cmhsim results file (not an HDF5 file: {e})") from e
    with f:
        try:
            content = _check_root(f, path)
            if content == "comparison":
                return _read_comparison(f, path)
            if content == "sweep":
                return _read_sweep(f, path)
            if content == "calibration":
                from .calibration import read_calibration
                return read_calibration(f, path, {k: _scalar(v) for k, v in f.attrs.items()})
            run = _read_run(f, "", path)
            run.name = _scenario_name(run, os.path.splitext(os.path.basename(path))[0])
            return run
        except KeyError as e:
            raise ResultsError(f"{path}: missing or malformed part of the layout ({e})") from e
        except UnicodeDecodeError as e:
            raise ResultsError(f"{path}: stored text is not valid UTF-8 ({e})") from e
        except (ValueError, TypeError, IndexError, OSError, yaml.YAMLError) as e:
            raise ResultsError(f"{path}: damaged or unreadable contents ({e})") from e
