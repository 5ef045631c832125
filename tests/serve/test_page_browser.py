# Browser test of `cmhsim serve`: headless Chromium opens the page, moves a lever, waits for the
# table, checks its numbers and sentences against the command line, and checks the screenshot.
"""End-to-end test of the what-if page with Selenium and headless Chromium."""

import json
import os
import re
import shlex
import subprocess
import sys
import time

import numpy as np
import pytest
from matplotlib import image
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

SOURCE_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SOURCE_DIR, "analysis"))
from cmhsim_analysis.summary import SUMMARY_OUTCOMES, describe_difference  # noqa: E402

EXE = os.environ.get("CMHSIM_EXE", os.path.join(SOURCE_DIR, "build", "release", "cmhsim"))
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1750"]
REPLICATIONS = 4


@pytest.fixture()
def server():
    """Starts `cmhsim serve` with the shipped ICS scenarios on a free port; yields its URL."""
    proc = subprocess.Popen([EXE, "serve", "--port", "0", "--threads", "2"], cwd=SOURCE_DIR,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = proc.stdout.readline()
    match = re.search(r"open (http://127\.0\.0\.1:\d+/)", first)
    assert match, first + proc.stderr.read()
    yield match.group(1)
    proc.send_signal(2)  # Ctrl-C: the server stops cleanly with exit code 0
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0
    assert "stopped" in out


@pytest.fixture()
def browser():
    """Yields a headless Chromium driven by Debian's chromium-driver."""
    options = webdriver.ChromeOptions()
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    yield driver
    driver.quit()


def set_value(driver, element, value):
    """Types a value into an input and fires its change event, as a user leaving it does."""
    driver.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, value)


def test_moving_a_lever_gives_the_command_line_numbers(server, browser, tmp_path):
    browser.get(server)
    WebDriverWait(browser, 30).until(
        lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")
    assert browser.find_element(By.ID, "baseline").get_attribute("value") == "ics_baseline"
    levers = [e.get_attribute("data-path") for e in browser.find_elements(By.CSS_SELECTOR,
                                                                           "#levers .lever")]
    assert levers[:2] == ["care_partners.fte", "supervision.supervisor_fte"]
    set_value(browser, browser.find_element(By.ID, "replications"), str(REPLICATIONS))
    set_value(browser, browser.find_element(By.ID, "precision"), "0")
    fte = browser.find_element(By.CSS_SELECTOR, '.lever[data-path="care_partners.fte"] '
                                                '[data-role="value"]')
    supervisors = browser.find_element(
        By.CSS_SELECTOR, '.lever[data-path="supervision.supervisor_fte"] [data-role="value"]')
    set_value(browser, supervisors, "3")
    set_value(browser, fte, "40")
    started = time.monotonic()
    WebDriverWait(browser, 300).until(
        lambda d: d.find_element(By.ID, "status").get_attribute("data-done") == "1")
    print(f"page answered in {time.monotonic() - started:.1f} s", file=sys.stderr)

    command = browser.find_element(By.ID, "command").text
    # Changed levers in page order, the run settings last.
    assert command == ("cmhsim compare scenarios/ics_baseline.yaml --set care_partners.fte=40 --set "
                       f"supervision.supervisor_fte=3 --replications {REPLICATIONS} --seed 20261123")
    rows = browser.find_elements(By.CSS_SELECTOR, "#headline tbody tr")
    names = [r.get_attribute("data-name") for r in rows]
    assert names == SUMMARY_OUTCOMES

    summary = tmp_path / "cli.json"
    args = shlex.split(command)[1:] + ["-q", "-o", str(tmp_path / "cli.h5"), "--summary-json",
                                       str(summary)]
    subprocess.run([EXE] + args, cwd=SOURCE_DIR, check=True, stdout=subprocess.DEVNULL)
    cli = json.loads(summary.read_text())
    diffs = cli["differences"]["ics_baseline_what_if"]
    sentences = {li.get_attribute("data-name"): li.text
                 for li in browser.find_elements(By.CSS_SELECTOR, "#sentences li")}
    for row in rows:
        name = row.get_attribute("data-name")
        cells = row.find_elements(By.TAG_NAME, "td")
        d = diffs[name]
        assert json.loads(cells[4].get_attribute("data-value")) == d["mean"], name
        assert json.loads(cells[5].get_attribute("data-lo")) == d["ci95"][0], name
        assert json.loads(cells[5].get_attribute("data-hi")) == d["ci95"][1], name
        assert json.loads(cells[2].get_attribute("data-value")) == \
            cli["metrics"][name]["ics_baseline"]["mean"], name
        nan = float("nan")
        expected = describe_difference(name, *(nan if v is None else v
                                               for v in (d["mean"], *d["ci95"])))
        assert sentences[name] == expected

    # The plots are drawn and the downloads are offered.
    assert len(browser.find_elements(By.CSS_SELECTOR, "#forest circle")) >= 5
    assert len(browser.find_elements(By.CSS_SELECTOR, "#series path")) == 4
    href = browser.find_element(By.ID, "download-yaml").get_attribute("href")
    assert href.startswith(server + "api/download?page=") and href.endswith("&what=yaml")

    shot = os.environ.get("CMHSIM_SCREENSHOT", str(tmp_path / "serve.png"))
    os.makedirs(os.path.dirname(os.path.abspath(shot)), exist_ok=True)
    browser.execute_script("window.scrollTo(0, 0)")
    assert browser.save_screenshot(shot)
    pixels = image.imread(shot)
    assert pixels.shape[0] > 500 and pixels.shape[1] > 800
    flat = pixels[:, :, :3].reshape(-1, 3)
    assert flat.std() > 0.05  # not one colour
    colours = np.unique((flat * 255).astype(np.uint8), axis=0)
    assert len(colours) > 50  # text, tables and plots, not a blank page
