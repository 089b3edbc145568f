"""Build benchmark: the synthetic national faktabank against the trivial-page floor, at full and a tenth of the size.

Usage: PYTHONPATH=hooks python scripts/bench.py [--forbund 75] [--years 20] [--seed 1] [--json bench-results.json]

In one run, each build in a fresh `mkdocs build --strict` process:
  full   the national dataset (scripts/generate_national.py): wall time, peak memory, pages, average page
         size, size of the search index;
  stock  the same national build with the speed layer off (FAKTABANK_SPEED=0): MkDocs' own path;
  single the same with the speed layer on but no other process (FAKTABANK_WORKERS=0): against `full`, what the
         speed layer's processes save (page workers, data/ read by two processes, the open data written in the
         background), as a share of `stock`. Its one other shortcut, the compiled templates, serves `make serve`;
  floor  MkDocs with the same configuration, theme and plugins building as many trivial pages (a heading
         and one sentence; scripts/bench_floor_hook.py);
  small  a tenth of the national dataset: every tenth förbund with all its years, and the shared registries
         (so the mix of pages, reports to people to insatser, is the national one);
  real   the repository's own data/;
  serve  `mkdocs serve` of the real data: the time from saving a file under data/ until the changed page
         is served;
  pages  the national site's pages for a phone (scripts/pageweight.py): the largest page's HTML, the most
         elements on a page, and the load of the five heaviest in Chromium at 375 px with the CPU slowed four
         times (CDP Emulation.setCPUThrottlingRate), served from 127.0.0.1.
--work DIR (make bench WORK=DIR) keeps the generated data, projects, logs and built sites in DIR for
inspection: DIR/s-full is the national site.
It prints one table (Markdown) with each figure against its target and writes the same figures to
bench-results.json. The exit status is 0 when the measurements were made, whether or not every target was
met (--strict: 1 when one was not).
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "hooks"))

from generate_national import generate  # noqa: E402
from pageweight import MAX_ELEMENTS, MAX_LOAD_S, MAX_PAGE_KB, measure  # noqa: E402

from faktabank.plugin.content import worker_count  # noqa: E402

MB = 1024 * 1024
KB = 1024


@dataclass
class Build:
    """One `mkdocs build` in its own process."""

    wall_s: float
    cpu_s: float  # user + system time of the build and its worker processes: what it costs on a busy machine
    peak_rss_mb: float  # peak memory of the build and its workers together (TreeMemory)
    largest_rss_mb: float  # peak resident memory of the largest single process
    pages: int
    html_bytes: int
    search_index_bytes: int

    @property
    def per_page_ms(self) -> float:
        return 1000 * self.wall_s / max(self.pages, 1)


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    limit: float
    unit: str
    at_most: bool = True

    def met(self, value: float) -> bool:
        return value <= self.limit if self.at_most else value >= self.limit


TARGETS = (
    Target("pages", "Sidor, nationellt", 10_000, "", at_most=False),
    Target("wall_s", "Byggtid, nationellt", 45, "s"),
    Target("peak_rss_mb", "Minnestopp, nationellt", 600, "MB"),
    Target("ratio_per_page", "Tid per sida mot golvet (triviala sidor)", 1.3, "×"),
    Target("stock_ratio", "Utan hastighetslagret (FAKTABANK_SPEED=0): tid mot golvet", 2.5, "×"),
    # A shortcut of the speed layer stays only if it saves at least a tenth of the national build (issue 16)
    Target("processes_saving", "Hastighetslagrets processer sparar, av bygget utan lagret", 10, "%", at_most=False),
    Target("growth_per_page", "Tid per sida, full storlek mot en tiondel", 1.15, "×"),
    Target("avg_page_kb", "Genomsnittlig sida", 40, "KB"),
    Target("search_index_mb", "Sökindex, nationellt", 5, "MB"),
    Target("largest_page_kb", "Största sidan (HTML), nationellt", MAX_PAGE_KB, "KB"),
    Target("max_elements", "Flest element på en sida, nationellt", MAX_ELEMENTS, ""),
    Target("slowest_load_s", "Laddtid, de fem tyngsta sidorna (375 px, CPU 4× långsammare)", MAX_LOAD_S, "s"),
    Target("real_wall_s", "Byggtid, de riktiga data", 5, "s"),
    Target("serve_rebuild_s", "make serve: ändring i data/ till ny sida", 3, "s"),
    Target("serve_forbund_rebuild_s", "make serve FORBUND=…, hela landet i data/: ändring till ny sida", 3, "s"),
)


# --- projects and builds ----------------------------------------------------------------------------------


def make_project(where: Path, data: Path | None, floor: bool = False) -> Path:
    """A copy of the repository's configuration and docs with the given data/ (floor: the floor hook, no content)."""
    where.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    if (ROOT / "overrides").exists():
        (where / "overrides").symlink_to(ROOT / "overrides")
    if floor:
        shutil.copytree(ROOT / "docs", where / "docs", ignore=lambda _, names: [n for n in names if n.endswith(".md")])
        (where / "hooks").mkdir()
        shutil.copy(ROOT / "scripts" / "bench_floor_hook.py", where / "hooks" / "floor_hook.py")
        (where / "mkdocs.yml").write_text(floor_config((ROOT / "mkdocs.yml").read_text()))
        (where / "data").mkdir()
    else:
        shutil.copytree(ROOT / "docs", where / "docs")
        (where / "hooks").symlink_to(ROOT / "hooks")
        if data is not None:
            shutil.copytree(data, where / "data")
    return where


def floor_config(text: str) -> str:
    """mkdocs.yml for the floor: the faktabank plugin replaced by the floor hook (trivial pages)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("  - faktabank"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("      "))
    return "\n".join([*lines[:start], *lines[end:], "hooks:", "  - hooks/floor_hook.py", ""])


def subset(data: Path, out: Path, count: int) -> list[str]:
    """Copy `count` of the förbund in `data` (evenly spread, each with all its files) and the shared registries."""
    ids = sorted(p.stem for p in (data / "forbund").glob("*.yaml"))
    chosen = ids[:: max(1, round(len(ids) / count))][:count]
    for sub in ("forbund", "insatser", "rapporter"):
        (out / sub).mkdir(parents=True)
    for name in ("organisationer.yaml", "personer.yaml", "ordlista.yaml"):
        shutil.copy(data / name, out / name)
    for fid in chosen:
        for sub in ("forbund", "insatser"):
            shutil.copy(data / sub / f"{fid}.yaml", out / sub / f"{fid}.yaml")
        for report in (data / "rapporter").glob(f"{fid}-*.yaml"):
            if re.fullmatch(rf"{re.escape(fid)}-\d{{4}}(-delar)?\.yaml", report.name):
                shutil.copy(report, out / "rapporter" / report.name)
    return chosen


def environment(**extra: str) -> dict[str, str]:
    hooks = str(ROOT / "hooks")
    path = os.environ.get("PYTHONPATH", "")
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": f"{hooks}{os.pathsep}{path}" if path else hooks,
            **extra}


class TreeMemory(threading.Thread):
    """The peak memory of a process and all its descendants (the build and its worker processes), sampled.

    Each process's proportional set size (PSS, from /proc/<pid>/smaps_rollup) is added up: memory that forked
    workers still share with the main process is counted once, split between them, where adding up resident
    sizes would count it once per process. For one process PSS is its resident size less its share of shared
    libraries. Sampled every INTERVAL seconds: reading the kernel's memory maps costs CPU time the build
    would otherwise have, and the peak builds up over tens of seconds. Where /proc has no smaps_rollup the
    result is 0 and the largest process's own peak is used instead.
    """

    INTERVAL = 0.5

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self.finished = threading.Event()

    @staticmethod
    def _children(pid: int) -> list[int]:
        found: list[int] = []
        with contextlib.suppress(OSError):
            for task in Path(f"/proc/{pid}/task").iterdir():
                with contextlib.suppress(OSError):
                    found += [int(x) for x in (task / "children").read_text(encoding="ascii").split()]
        return found

    @staticmethod
    def _pss_kb(pid: int) -> int:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text(encoding="ascii").splitlines():
                if line.startswith("Pss:"):
                    return int(line.split()[1])
        return 0

    def run(self) -> None:
        while not self.finished.wait(self.INTERVAL):
            pids, todo = [], [self.pid]
            while todo:
                pid = todo.pop()
                pids.append(pid)
                todo += self._children(pid)
            self.peak_kb = max(self.peak_kb, sum(self._pss_kb(pid) for pid in pids))


def measure_build(project: Path, site: Path, log: Path, env: dict[str, str] | None = None) -> Build:
    """Run `mkdocs build --strict` in a fresh process: wall time, CPU time and peak memory (workers included)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env or environment())
        memory = TreeMemory(proc.pid)
        memory.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        memory.finished.set()
        memory.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = log.read_text(encoding="utf-8")[-3000:]
        raise SystemExit(f"bygget av {project} misslyckades (kod {proc.returncode}):\n{tail}")
    pages = [p for p in site.rglob("*.html") if p.relative_to(site).as_posix() != "404.html"]
    index = site / "search" / "search_index.json"
    largest = round(usage.ru_maxrss * 1024 / MB, 1)
    return Build(round(wall, 2), round(usage.ru_utime + usage.ru_stime, 2),
                 round(memory.peak_kb * 1024 / MB, 1) if memory.peak_kb else largest, largest,
                 len(pages), sum(p.stat().st_size for p in pages), index.stat().st_size if index.exists() else 0)


# --- serve ------------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str) -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    except OSError:
        return 0, ""
    finally:
        conn.close()


def stop(proc: subprocess.Popen) -> None:
    """End a server process: politely, then for good."""
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def measure_serve(project: Path, site: Path | None, log: Path, timeout: float = 120, forbund: str | None = None) -> float:
    """Seconds from saving an edit to data/personer.yaml until `mkdocs serve` serves the changed person page.
    `forbund`: `make serve FORBUND=<id>`, a preview of one förbund (a person on its board is edited)."""
    registry = project / "data" / "personer.yaml"
    text = registry.read_text(encoding="utf-8")
    if forbund is None:
        assert site is not None
        person = sorted(p.parent.name for p in (site / "personer").glob("*/index.html"))[0]
    else:
        report = sorted((project / "data" / "rapporter").glob(f"{forbund}-*.yaml"))[-1]
        found = re.search(r"person: ([a-z0-9-]+)", report.read_text(encoding="utf-8"))
        assert found, report
        person = found.group(1)
    entry = re.search(rf"id: {re.escape(person)}[,\n]", text)
    assert entry, person
    name_at = text.index("namn: ", entry.end()) + len("namn: ")
    name_end = min(i for i in (text.find("\n", name_at), text.find("}", name_at)) if i >= 0)  # block or flow style
    edited = text[:name_end] + " Mätning" + text[name_end:]
    port = _free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "-f",
               str(project / "mkdocs.yml")]
    env = environment(FAKTABANK_FORBUND=forbund) if forbund else environment()
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(command, cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env)
        try:
            deadline = time.monotonic() + timeout
            while _get(port, f"/personer/{person}/")[0] != 200:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"mkdocs serve startade inte:\n{log.read_text(encoding='utf-8')[-3000:]}")
                time.sleep(0.2)
            time.sleep(1.0)  # let the watcher settle after the first build
            start = time.perf_counter()
            registry.write_text(edited, encoding="utf-8")
            while "Mätning" not in _get(port, f"/personer/{person}/")[1]:
                if proc.poll() is not None or time.perf_counter() - start > timeout:
                    raise SystemExit(f"mkdocs serve byggde inte om:\n{log.read_text(encoding='utf-8')[-3000:]}")
                time.sleep(0.05)
            return round(time.perf_counter() - start, 2)
        finally:
            stop(proc)


# --- the run ----------------------------------------------------------------------------------------------


def machine() -> dict[str, object]:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = round(int(line.split()[1]) / 1024 / 1024, 1)
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": memory, "system": platform.platform(),
            "python": platform.python_version(), "mkdocs": metadata.version("mkdocs"),
            "mkdocs_material": metadata.version("mkdocs-material"),
            "load_average": [round(x, 2) for x in os.getloadavg()],
            "workers": worker_count()}


def run(args: argparse.Namespace, work: Path) -> dict[str, object]:
    say = print if not args.quiet else (lambda *_, **__: None)
    small_forbund = args.small_forbund or max(1, round(args.forbund / 10))
    say(f"Genererar {args.forbund} förbund × {args.years} år; en tiondel: {small_forbund} av förbunden …", flush=True)
    counts = generate(work / "full", args.seed, args.forbund, args.years)
    subset(work / "full" / "data", work / "small" / "data", small_forbund)
    results: dict[str, object] = {"machine": machine(), "dataset": {"seed": args.seed, "forbund": args.forbund,
                                                                     "years": args.years, **counts}}

    say("Bygger det nationella materialet …", flush=True)
    full = measure_build(make_project(work / "p-full", work / "full" / "data"), work / "s-full", work / "full.log")
    say(f"  {full.pages} sidor på {full.wall_s} s", flush=True)
    if not args.no_pages:
        say("Mäter sidorna för en telefon (Chromium, 375 px, CPU 4× långsammare) …", flush=True)
        results.update(measure(work / "s-full"))
    say("Bygger golvet (lika många triviala sidor) …", flush=True)
    floor = measure_build(make_project(work / "p-floor", None, floor=True), work / "s-floor", work / "floor.log",
                          environment(FAKTABANK_FLOOR_PAGES=str(full.pages)))
    say(f"  {floor.pages} sidor på {floor.wall_s} s", flush=True)
    say("Bygger det nationella materialet utan hastighetslagret (FAKTABANK_SPEED=0) …", flush=True)
    stock = measure_build(make_project(work / "p-stock", work / "full" / "data"), work / "s-stock", work / "stock.log",
                          environment(FAKTABANK_SPEED="0"))
    say(f"  {stock.pages} sidor på {stock.wall_s} s", flush=True)
    say("Bygger det nationella materialet med hastighetslagret men utan andra processer (FAKTABANK_WORKERS=0) …",
        flush=True)
    single = measure_build(make_project(work / "p-single", work / "full" / "data"), work / "s-single",
                           work / "single.log", environment(FAKTABANK_WORKERS="0"))
    say(f"  {single.pages} sidor på {single.wall_s} s", flush=True)
    say("Bygger en tiondel …", flush=True)
    small = measure_build(make_project(work / "p-small", work / "small" / "data"), work / "s-small", work / "small.log")
    say(f"  {small.pages} sidor på {small.wall_s} s", flush=True)
    results.update({
        "pages": full.pages, "wall_s": full.wall_s, "cpu_s": full.cpu_s, "peak_rss_mb": full.peak_rss_mb,
        "memory_measure": "peak of the summed PSS of the build process and its worker processes",
        "largest_process_rss_mb": full.largest_rss_mb,
        "avg_page_kb": round(full.html_bytes / max(full.pages, 1) / KB, 1),
        "search_index_mb": round(full.search_index_bytes / MB, 2),
        "per_page_ms": round(full.per_page_ms, 3),
        "floor_pages": floor.pages, "floor_wall_s": floor.wall_s, "floor_cpu_s": floor.cpu_s,
        "floor_peak_rss_mb": floor.peak_rss_mb,
        "floor_per_page_ms": round(floor.per_page_ms, 3),
        "ratio_per_page": round(full.per_page_ms / floor.per_page_ms, 2),
        "stock_wall_s": stock.wall_s, "stock_cpu_s": stock.cpu_s, "stock_peak_rss_mb": stock.peak_rss_mb,
        "stock_ratio": round(stock.per_page_ms / floor.per_page_ms, 2),
        "single_wall_s": single.wall_s, "single_cpu_s": single.cpu_s, "single_peak_rss_mb": single.peak_rss_mb,
        "processes_saving": round(100 * (single.wall_s - full.wall_s) / stock.wall_s, 1),
        "small_pages": small.pages, "small_wall_s": small.wall_s, "small_cpu_s": small.cpu_s,
        "small_peak_rss_mb": small.peak_rss_mb,
        "small_per_page_ms": round(small.per_page_ms, 3),
        "growth_per_page": round(full.per_page_ms / small.per_page_ms, 2),
    })
    if not args.no_real:
        say("Bygger de riktiga data …", flush=True)
        real_project = make_project(work / "p-real", ROOT / "data")
        real = measure_build(real_project, work / "s-real", work / "real.log")
        results.update({"real_pages": real.pages, "real_wall_s": real.wall_s, "real_cpu_s": real.cpu_s,
                        "real_peak_rss_mb": real.peak_rss_mb})
        if not args.no_serve:
            say("Mäter make serve: ändring i data/ …", flush=True)
            results["serve_rebuild_s"] = measure_serve(real_project, work / "s-real", work / "serve.log")
            say("Mäter make serve FORBUND=… med det nationella materialet i data/ …", flush=True)
            preview = sorted(p.stem for p in (work / "full" / "data" / "forbund").glob("*.yaml"))[0]
            results["serve_forbund_rebuild_s"] = measure_serve(work / "p-full", None, work / "serve-forbund.log",
                                                               forbund=preview)
            results["serve_forbund"] = preview
    results["targets"] = {t.key: {"label": t.label, "value": results[t.key], "limit": t.limit, "unit": t.unit,
                                  "at_most": t.at_most, "met": t.met(float(results[t.key]))}
                          for t in TARGETS if t.key in results}
    results["all_met"] = all(t["met"] for t in results["targets"].values())
    return results


def number(value: float, unit: str = "") -> str:
    text = f"{value:,.0f}" if isinstance(value, int) or value >= 1000 else f"{value:.2f}".rstrip("0").rstrip(".")
    text = text.replace(",", "\u00a0").replace(".", ",").replace("-", "\u2212")  # a saving can be negative
    return f"{text}\u00a0{unit}" if unit else text


def table(results: dict[str, object]) -> str:
    """The results as one Markdown table (value, target, met) followed by the figures it builds on."""
    rows = ["| Mått | Värde | Mål | Uppfyllt |", "|---|---:|---:|---|"]
    targets = results["targets"]
    for t in TARGETS:
        if t.key not in targets:
            continue
        found = targets[t.key]
        goal = f"{'≤' if t.at_most else '≥'} {number(t.limit, t.unit)}"
        rows.append(f"| {t.label} | {number(found['value'], t.unit)} | {goal} | {'ja' if found['met'] else '**nej**'} |")
    r = results
    details = [
        "",
        "| Bygge | Sidor | Tid | CPU-tid | Tid per sida | Minnestopp |",
        "|---|---:|---:|---:|---:|---:|",
        f"| Nationellt ({r['dataset']['forbund']} förbund × {r['dataset']['years']} år) | {number(r['pages'])} | "
        f"{number(r['wall_s'], 's')} | {number(r['cpu_s'], 's')} | {number(r['per_page_ms'], 'ms')} | "
        f"{number(r['peak_rss_mb'], 'MB')} |",
        f"| Nationellt utan hastighetslagret (FAKTABANK_SPEED=0) | {number(r['pages'])} | {number(r['stock_wall_s'], 's')} | "
        f"{number(r['stock_cpu_s'], 's')} | {number(1000 * r['stock_wall_s'] / max(r['pages'], 1), 'ms')} | "
        f"{number(r['stock_peak_rss_mb'], 'MB')} |",
        f"| Nationellt med hastighetslagret utan andra processer (FAKTABANK_WORKERS=0) | {number(r['pages'])} | "
        f"{number(r['single_wall_s'], 's')} | {number(r['single_cpu_s'], 's')} | "
        f"{number(1000 * r['single_wall_s'] / max(r['pages'], 1), 'ms')} | {number(r['single_peak_rss_mb'], 'MB')} |",
        f"| Golv: lika många triviala sidor | {number(r['floor_pages'])} | {number(r['floor_wall_s'], 's')} | "
        f"{number(r['floor_cpu_s'], 's')} | {number(r['floor_per_page_ms'], 'ms')} | {number(r['floor_peak_rss_mb'], 'MB')} |",
        f"| En tiondel | {number(r['small_pages'])} | {number(r['small_wall_s'], 's')} | {number(r['small_cpu_s'], 's')} | "
        f"{number(r['small_per_page_ms'], 'ms')} | {number(r['small_peak_rss_mb'], 'MB')} |",
    ]
    if "real_pages" in r:
        details.append(f"| De riktiga data (data/) | {number(r['real_pages'])} | {number(r['real_wall_s'], 's')} | "
                       f"{number(r['real_cpu_s'], 's')} | {number(1000 * r['real_wall_s'] / max(r['real_pages'], 1), 'ms')} | "
                       f"{number(r['real_peak_rss_mb'], 'MB')} |")
    if "page_loads" in r:
        details += ["", "| Tyngsta sidorna, nationellt | HTML | Element (HTML) | Element (Chromium) | Laddtid |",
                    "|---|---:|---:|---:|---:|"]
        details += [f"| `{x['page'] or '/'}` | {number(x['kb'], 'KB')} | {number(x['elements_html'])} | "
                    f"{number(x['elements_dom'])} | {number(x['load_s'], 's')} |" for x in r["page_loads"]]
        details.append(f"Laddtid: {r['load_conditions']}. Flest element: `{r['max_elements_page']}`.")
    m = r["machine"]
    details += ["", f"Maskin: {m['cpu']}, {m['cores']} kärnor, {number(m['memory_gb'], 'GB')} minne; Python {m['python']}, "
                f"MkDocs {m['mkdocs']}, Material {m['mkdocs_material']}; belastning vid start "
                f"{', '.join(number(x) for x in m['load_average'])}; arbetsprocesser (FAKTABANK_WORKERS): {m['workers']}.",
                "Alla mål uppfyllda." if r["all_met"] else "Alla mål är inte uppfyllda."]
    return "\n".join(rows + details)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--forbund", type=int, default=75)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--small-forbund", type=int, default=0, help="förbund in the small build (default: a tenth)")
    parser.add_argument("--json", type=Path, default=ROOT / "bench-results.json")
    parser.add_argument("--work", type=Path, help="keep the generated projects and sites here (default: a temporary folder)")
    parser.add_argument("--no-real", action="store_true", help="skip the build of data/ and the serve measurement")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve measurement")
    parser.add_argument("--no-pages", action="store_true", help="skip the pages' weight and load in Chromium")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is not met")
    parser.add_argument("--quiet", action="store_true", help="print only the table")
    args = parser.parse_args(argv)
    if args.work:
        if args.work.exists():
            shutil.rmtree(args.work)
        args.work.mkdir(parents=True)
        results = run(args, args.work)
    else:
        with tempfile.TemporaryDirectory(prefix="faktabank-bench-") as tmp:
            results = run(args, Path(tmp))
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print(f"\nSiffrorna finns också i {args.json}.")
    return 1 if args.strict and not results["all_met"] else 0


if __name__ == "__main__":
    sys.exit(main())
