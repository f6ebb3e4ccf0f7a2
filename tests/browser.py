"""Debian's headless Chromium driven by selenium through chromedriver, for the tests of the pages the
program makes (the workshop's participant page, the interactive map page)."""

from __future__ import annotations

import shutil
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def headless_chromium(profile: Path, size: tuple[int, int]) -> webdriver.Chrome:
    """A headless Chromium with its own profile folder and window size, its console log kept. The
    machine's network is closed: everything that would call home is off, or its refusals flood the log.
    The caller quits it."""
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    assert chromium and driver_path, \
        "chromium or chromedriver is missing: run `python3 tools/install_debian_packages.py`"
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    driver.set_window_size(*size)
    return driver
