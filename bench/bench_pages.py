"""How long each page takes on the server, in Streamlit's AppTest, on the bundled sample.

Run: .venv/bin/python bench/bench_pages.py [--runs 3] [--reruns 5]

For each page, in a fresh Python process (so imports cost what they cost the first visitor after a start):
- first view: the app opens on the Overview (the start: the sample is read), then the page is shown for the first
  time, and that run is timed (for the Overview, the first run itself);
- rerun: the median of --reruns reruns of the page with nothing changed, the least a click in a widget costs.
"Pairings, with a suggestion" first asks for a suggestion, then times the reruns that redraw it.
Each figure is the median over --runs processes. AppTest's own work (building and reading the page's elements)
is included, as the browser's is not.

With --server, also a real `streamlit run app.py` driven by Debian's Chromium: the server process's CPU seconds per
rerun (the R key, after three warm-up reruns), which adds what AppTest leaves out (sending the page over the
websocket, the server's own bookkeeping). The machine's load average is printed beside the table.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = {"Overview": "pages/overview.py", "Roster": "pages/roster.py", "Pairings": "pages/pairings.py",
         "Pairings, with a suggestion": "pages/pairings.py", "Health": "pages/health.py",
         "Outcomes": "pages/outcomes.py", "Guides": "pages/guides.py", "Data set-up": "pages/setup.py"}


def measure(name: str, reruns: int) -> dict[str, object]:
    """In this process: the page's first view and its reruns, in seconds."""
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import AppTest

    original = PagesManager.__init__

    def init(self, *args, **kwargs):  # as a real server: app.py runs on every rerun (see tests/app/conftest.py)
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    started = time.perf_counter()
    at.run()
    first = time.perf_counter() - started
    if PAGES[name] != "pages/overview.py":
        at.switch_page(PAGES[name])
        started = time.perf_counter()
        at.run()
        first = time.perf_counter() - started
    if name == "Pairings, with a suggestion":
        at.button(key="FormSubmitter:pairing_options-Suggest pairs").click().run()
    if at.exception:
        raise SystemExit(f"{name}: {at.exception[0].value}")
    times = []
    for _ in range(reruns):
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
    return {"first": first, "rerun": statistics.median(times), "elements": len(list(at.main))}


def server_cpu_per_rerun(page: str, reruns: int) -> float:
    """CPU seconds of a real dashboard server per rerun of `page` (its URL path), driven by Chromium."""
    from playwright.sync_api import sync_playwright

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
                               "--server.headless", "true", "--server.fileWatcherType", "none"], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def cpu() -> float:
        with open(f"/proc/{server.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    try:
        for _ in range(120):
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.25)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                      "--disable-background-networking", "--disable-component-update", "--disable-sync"])
            tab = browser.new_page(viewport={"width": 1400, "height": 1000})

            def settled() -> None:
                tab.wait_for_selector('[data-testid="stAppViewContainer"]')
                time.sleep(0.3)
                tab.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
                                      timeout=60_000)
                time.sleep(0.5)

            tab.goto(f"http://127.0.0.1:{port}/{page}")
            settled()
            for _ in range(3):  # warm up: the first runs import and compute what later reruns reuse
                tab.keyboard.press("r")
                settled()
            before = cpu()
            for _ in range(reruns):
                tab.keyboard.press("r")  # Streamlit's rerun key
                settled()
            spent = (cpu() - before) / reruns
            browser.close()
        return spent
    finally:
        server.terminate()
        server.wait(timeout=10)


SERVER_PAGES = {"Overview": "", "Roster": "roster", "Pairings": "pairings", "Health": "health",
                "Outcomes": "outcomes", "Guides": "guides",
                "Data set-up": "setup"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per page (the median is shown)")
    parser.add_argument("--reruns", type=int, default=5, help="reruns timed in each process (their median)")
    parser.add_argument("--server", action="store_true", help="also a real server's CPU per rerun (needs Chromium)")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # the child process: measure this page and print JSON
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.reruns)))
        return
    load_before = os.getloadavg()[0]
    print(f"{'page':<30} {'first view':>11} {'rerun (median)':>15}" + (f" {'server CPU per rerun':>21}"
                                                                      if args.server else ""))
    for name in PAGES:
        firsts, reruns = [], []
        for _ in range(args.runs):
            out = subprocess.run([sys.executable, __file__, "--one", name, "--reruns", str(args.reruns)],
                                 capture_output=True, text=True, check=True, cwd=ROOT)
            figures = json.loads(out.stdout.strip().splitlines()[-1])
            firsts.append(figures["first"])
            reruns.append(figures["rerun"])
        line = f"{name:<30} {statistics.median(firsts):>10.2f}s {statistics.median(reruns):>14.3f}s"
        if args.server and name in SERVER_PAGES:
            spent = [server_cpu_per_rerun(SERVER_PAGES[name], args.reruns) for _ in range(args.runs)]
            line += f" {statistics.median(spent):>20.3f}s"
        print(line, flush=True)
    print(f"load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after; {os.cpu_count()} cores; "
          f"median of {args.runs} processes, each rerun figure the median of {args.reruns}")


if __name__ == "__main__":
    main()
