"""Build the yearly snapshots ("Faktabanken, läge 2021") with mike into the local gh-pages branch.

One version per reporting year (the year a report's period ends), each with only the reports
ending in or before that year; the newest also under the alias `latest`, which is the default.
Nothing is pushed: mike commits to the branch gh-pages of the repository this runs in.

Usage, from the repository root (normally through `make snapshots`):
    python scripts/snapshots.py                 every reporting year
    python scripts/snapshots.py --years 2023    only these years (older snapshots stay as they are)
    python scripts/snapshots.py --list          print the reporting years and exit

A snapshot's date (SOURCE_DATE_EPOCH: the sitemap's lastmod) is the latest decision date of
the reports it contains, so rebuilding it after later reports are added gives the same bytes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from faktabank.load.errors import DataError  # noqa: E402
from faktabank.load.loader import Options, build  # noqa: E402

ALIAS = "latest"
IDENTITY = {"GIT_AUTHOR_NAME": "Finsam faktabank", "GIT_AUTHOR_EMAIL": "faktabank@localhost",
            "GIT_COMMITTER_NAME": "Finsam faktabank", "GIT_COMMITTER_EMAIL": "faktabank@localhost"}


def snapshot_dates(root: Path) -> dict[int, int]:
    """Each reporting year (the year a published report's period ends) and its snapshot's date.

    The date (SOURCE_DATE_EPOCH, the sitemap's lastmod) is the latest decision date, else period
    end, of the reports the snapshot contains, at 00:00 UTC: later reports cannot change it.
    """
    reports = sorted(build(root, Options()).reports.values(), key=lambda r: r.till)
    dates: dict[int, int] = {}
    latest = ""
    for r in reports:
        latest = max(latest, r.data["beslut"]["datum"] if "beslut" in r.data else r.till)
        dates[r.year] = int(datetime.fromisoformat(latest).replace(tzinfo=UTC).timestamp())
    return dates


def mike_command() -> list[str]:
    beside = Path(sys.executable).parent / "mike"
    found = str(beside) if beside.exists() else shutil.which("mike")
    if not found:
        raise SystemExit("mike saknas: kör `make snapshots` (installerar requirements.txt) eller pip install -r requirements.txt")
    return [found]


def environment(extra: dict[str, str]) -> dict[str, str]:
    """mike runs `mkdocs` from PATH and commits with git: the interpreter's bin first, an identity if none is set."""
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    for key, value in IDENTITY.items():
        env.setdefault(key, value)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    env.update(extra)
    return env


def snapshot_config(root: Path, site_dir: Path) -> Path:
    """mkdocs.yml as it is, built strictly (like `make build`) into a folder outside the work tree's site/."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = root / ".mkdocs-snapshot.yml"  # beside mkdocs.yml: the hook finds data/ next to its config file
    config.write_text(f"{text.rstrip()}\n\n# written by scripts/snapshots.py\nstrict: true\nsite_dir: {site_dir}\n",
                      encoding="utf-8")
    return config


def deploy(root: Path, years: list[int], dates: dict[int, int], branch: str) -> None:
    newest = max(dates)
    mike = mike_command()
    with tempfile.TemporaryDirectory(prefix="faktabank-snapshot-") as tmp:
        config = snapshot_config(root, Path(tmp) / "site")
        try:
            for year in years:
                env = environment({"FAKTABANK_UPTO": str(year), "FAKTABANK_EDITION": "public",
                                   "SOURCE_DATE_EPOCH": str(dates[year])})
                aliases = ["--update-aliases", str(year), ALIAS] if year == newest else [str(year)]
                print(f"läge {year}: bygger med mike", flush=True)
                subprocess.run([*mike, "deploy", "--config-file", str(config), "--branch", branch,
                                "--title", f"Läge {year}", *aliases], cwd=root, env=env, check=True)
            if newest in years:
                subprocess.run([*mike, "set-default", "--config-file", str(config), "--branch", branch, ALIAS],
                               cwd=root, env=environment({}), check=True)
        finally:
            config.unlink(missing_ok=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", type=int, nargs="+", metavar="ÅR", help="bygg bara dessa år")
    parser.add_argument("--branch", default="gh-pages", help="grenen mike skriver till (gh-pages)")
    parser.add_argument("--list", action="store_true", help="skriv ut rapportåren och avsluta")
    args = parser.parse_args(argv)
    try:
        dates = snapshot_dates(ROOT)
    except DataError as exc:
        print(f"faktabank: fel i data/:\n{exc}", file=sys.stderr)
        return 1
    years = sorted(dates)
    if args.list:
        print(" ".join(map(str, years)))
        return 0
    chosen = sorted(set(args.years or years))
    unknown = [y for y in chosen if y not in years]
    if unknown:
        print(f"inga publicerade rapporter slutar {', '.join(map(str, unknown))}; rapportåren är "
              f"{', '.join(map(str, years))}", file=sys.stderr)
        return 2
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "data", "hooks", "docs", "overrides", "mkdocs.yml"],
                           cwd=ROOT, capture_output=True, text=True, check=False).stdout
    if dirty:
        print("obs: ändringar som inte är incheckade byggs med; gh-pages-incheckningen anger ändå HEAD", file=sys.stderr)
    try:
        deploy(ROOT, chosen, dates, args.branch)
    except subprocess.CalledProcessError as exc:
        print(f"mike misslyckades ({' '.join(exc.cmd[1:])}); se felet ovan. Grenen {args.branch} har bara "
              "de versioner som hann bli klara.", file=sys.stderr)
        return 1
    print(f"klart: {', '.join(map(str, chosen))} på grenen {args.branch}"
          + (f" ({years[-1]} också som {ALIAS}, förvald)" if years[-1] in chosen else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
