"""Printing a page with headless Chromium and reading the PDF back with poppler (browser tests).

Needs Debian's chromium, fonts-noto-cjk and poppler-utils (.ci/run installs them); the tests
that use it carry ``BROWSER`` as their marks, so they are skipped with the reason without them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")

BROWSER = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.is_file(), reason="needs /usr/bin/chromium (Debian: apt-get install chromium)"
    ),
    pytest.mark.skipif(
        shutil.which("pdftotext") is None,
        reason="needs pdftotext (Debian: apt-get install poppler-utils)",
    ),
]


def run_chromium(folder: Path, url: str, *options: str) -> str:
    """Run headless Chromium on ``url`` with a fresh profile in ``folder``, closed to the network
    (this machine's is); its standard output (``--dump-dom`` prints the page there)."""
    profile = folder / f"profile-{sum(1 for _ in folder.glob('profile-*'))}"
    profile.mkdir()
    return subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            *options,
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=180,
    ).stdout


def print_pdf(page: str, folder: Path, name: str = "sheet") -> Path:
    """Print the HTML ``page`` to ``folder/NAME.pdf`` with headless Chromium."""
    source = folder / f"{name}.html"
    source.write_text(page, encoding="utf-8")
    target = folder / f"{name}.pdf"
    run_chromium(folder, source.as_uri(), f"--print-to-pdf={target}", "--no-pdf-header-footer")
    return target


def pdf_pages(pdf: Path, *, keep_lines: bool = False) -> list[str]:
    """The text of each page; white space removed, or with ``keep_lines`` its lines kept."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pages = text.split("\f")[:-1]
    if keep_lines:
        return pages
    return [re.sub(r"\s+", "", page) for page in pages]
