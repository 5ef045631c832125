# End-to-end: cmhsim compare and sweep on short horizons, `cmhsim report`, and the page rendered
# in headless Chromium (Debian's chromium). Slow; needs CMHSIM_EXE (set by CTest).
import base64
import os
import shutil
import struct
import subprocess
import tempfile
from html.parser import HTMLParser

import h5py
import numpy as np
import pytest
import yaml

from conftest import SOURCE_DIR

pytestmark = pytest.mark.slow

SCENARIOS = ["ics_baseline", "ics_partners", "ics_partners_unsupervised", "ics_stepdown"]
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _exe():
    exe = os.environ.get("CMHSIM_EXE") or os.path.join(SOURCE_DIR, "build", "release", "cmhsim")
    if not os.path.isfile(exe):
        pytest.fail(f"cmhsim executable not found at {exe} (set CMHSIM_EXE)")
    return exe


def _cmhsim(*args, expect=0):
    proc = subprocess.run([_exe(), *map(str, args)], capture_output=True, text=True, timeout=900)
    assert proc.returncode == expect, f"cmhsim {args} exited {proc.returncode}:\n{proc.stderr}"
    return proc


def _short_scenarios(directory):
    """Writes the four ICS scenarios with a 2-year horizon after a half-year warm-up."""
    paths = []
    for name in SCENARIOS:
        with open(os.path.join(SOURCE_DIR, "scenarios", name + ".yaml"), encoding="utf-8") as fh:
            scenario = yaml.safe_load(fh)
        scenario["horizon_days"] = 913.125
        scenario["warmup_days"] = 182.625
        path = os.path.join(directory, name + ".yaml")
        with open(path, "w", encoding="utf-8") as fh:
            yaml.safe_dump(scenario, fh, sort_keys=False)
        paths.append(path)
    return paths


class _Dom(HTMLParser):
    """Collects img sources, table ids and summary-table rows from a dumped DOM."""

    def __init__(self):
        super().__init__()
        self.images, self.tables, self.summary_rows, self._in_summary = [], [], 0, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "img":
            self.images.append(a.get("src", ""))
        elif tag == "table":
            self.tables.append(a.get("id"))
            self._in_summary = a.get("id") == "summary"
        elif tag == "tr" and self._in_summary:
            self.summary_rows += 1

    def handle_endtag(self, tag):
        if tag == "table":
            self._in_summary = False


def _png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "image is not a PNG"
    return struct.unpack(">II", data[16:24])


def _chromium(*args):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "headless check needs Debian's chromium package (apt-get install chromium)"
    profile = tempfile.mkdtemp(prefix="cmhsim-chromium-")
    try:
        return subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def _check_figures(out, stems, min_svg=20_000):
    for stem in stems:
        png, svg = os.path.join(out, stem + ".png"), os.path.join(out, stem + ".svg")
        assert os.path.getsize(png) > 50_000, f"{png} is too small to be a figure"
        width, height = _png_size(open(png, "rb").read(32))
        assert width > 1500 and height > 900, f"{png} is {width}x{height}, not 300 dpi"
        assert os.path.getsize(svg) > min_svg, f"{svg} is too small to be a figure"


def _check_page_renders(html_path, screenshot):
    url = "file://" + os.path.abspath(html_path)
    dom = _chromium("--dump-dom", url)
    assert dom.returncode == 0, dom.stderr
    parser = _Dom()
    parser.feed(dom.stdout)
    assert "summary" in parser.tables, "the summary table is missing from the rendered page"
    assert parser.summary_rows >= 4
    assert parser.images, "the rendered page has no images"
    for src in parser.images:
        assert src.startswith("data:image/png;base64,"), f"image not inline: {src[:60]}"
        width, height = _png_size(base64.b64decode(src.split(",", 1)[1]))
        assert width > 0 and height > 0
    shot = _chromium(f"--screenshot={screenshot}", "--window-size=1280,2000", url)
    assert shot.returncode == 0 and os.path.isfile(screenshot), shot.stderr
    import matplotlib.image

    pixels = matplotlib.image.imread(screenshot)[:, :, :3]
    assert pixels.shape[0] >= 1000 and pixels.shape[1] >= 1000
    colours = np.unique((pixels.reshape(-1, 3) * 255).astype(np.uint8), axis=0)
    assert len(colours) > 200, "the screenshot is nearly blank"
    assert pixels.std() > 0.05
    return len(parser.images)


def test_comparison_report_renders_in_chromium(tmp_path):
    paths = _short_scenarios(tmp_path)
    results = tmp_path / "cmp.h5"
    _cmhsim("compare", *paths, "-o", results, "--replications", 3, "--threads", 2, "-q")
    out = tmp_path / "report"
    proc = _cmhsim("report", results, "-o", out)
    assert "report.html" in proc.stdout
    _check_figures(out, ["timeseries", "differences", "costs", "equity"])
    # Three replications put only a few markers on the plane, so its SVG is smaller.
    _check_figures(out, ["ce_plane", "acceptability"], min_svg=10_000)
    images = _check_page_renders(out / "report.html", str(tmp_path / "screenshot.png"))
    assert images == 6
    page = (out / "report.html").read_text(encoding="utf-8")
    assert '<table id="cost_effectiveness">' in page
    assert "At 20,000 GBP per QALY, Care Partners with supervision are cost-effective in" in page
    assert "differ only by chance" in page
    assert "fewer people in the gap" in page
    assert "shaded bands are 95% confidence intervals" in page
    assert "cmht_discharge_destination" in page  # a scenario parameter that differs
    # The waits and vacancies table; 2 years after warm-up cannot follow a step-down for 3.
    assert '<table id="access">' in page and "<td>Care Partner vacancy rate</td>" in page
    assert ("<td>Step-down: primary care only at 3 years</td>" + "<td>not defined</td>" * 4
            in page)


def test_sweep_reports_frontier_and_tornado(tmp_path):
    factorial = tmp_path / "factorial.h5"
    _cmhsim("sweep", os.path.join(SOURCE_DIR, "scenarios", "sweep_small.yaml"), "-o", factorial,
            "--threads", 2, "-q")
    _cmhsim("report", factorial, "-o", tmp_path / "factorial")
    _check_figures(tmp_path / "factorial", ["frontier"])
    assert not (tmp_path / "factorial" / "sensitivity.png").exists()

    shutil.copy(os.path.join(SOURCE_DIR, "scenarios", "ics_partners.yaml"), tmp_path)
    (tmp_path / "lhs.yaml").write_text(
        "name: lhs_e2e\nbase: ics_partners.yaml\ndesign: latin_hypercube\npoints: 10\n"
        "replications: 2\nseed: 5\nset:\n  horizon_days: 547.875\n  warmup_days: 182.625\naxes:\n"
        "  care_partners.fte: {range: [0, 60]}\n  supervision.supervisor_fte: {range: [0, 5]}\n"
        "  care_partners.caseload_per_fte: {range: [20, 40]}\n", encoding="utf-8")
    lhs = tmp_path / "lhs.h5"
    _cmhsim("sweep", tmp_path / "lhs.yaml", "-o", lhs, "--threads", 2, "-q")
    _cmhsim("report", lhs, "-o", tmp_path / "lhs")
    _check_figures(tmp_path / "lhs", ["frontier", "sensitivity"])
    page = (tmp_path / "lhs" / "report.html").read_text(encoding="utf-8")
    assert '<table id="prcc">' in page and "Care Partner FTE" in page


def test_report_rejects_bad_files_with_clear_errors(tmp_path):
    text = tmp_path / "notes.h5"
    text.write_text("not results")
    proc = _cmhsim("report", text, "-o", tmp_path / "a", expect=2)
    assert "not a cmhsim results file" in proc.stderr
    future = tmp_path / "future.h5"
    with h5py.File(future, "w") as f:
        f.attrs["schema"] = "cmhsim-results"
        f.attrs["schema_version"] = np.int32(99)
        f.attrs["content"] = "run"
    proc = _cmhsim("report", future, "-o", tmp_path / "b", expect=2)
    assert "schema version 99 is not supported" in proc.stderr
    assert not (tmp_path / "b" / "report.html").exists()
