"""Generated pages made in forked worker processes (hooks/faktabank/workers.py) and in the main process.

The site must be the same byte for byte whichever way its pages are made; a worker's warnings must reach
the main process; a page a worker cannot deliver must be made in the main process instead of hanging.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from functools import partial
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.toc import TableOfContents

from conftest import MINIMAL, ROOT, make_project, run_build
from faktabank.export import opendata
from faktabank.load import loader
from faktabank.plugin.content import Made, worker_count
from faktabank.speed import workers


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_workers_and_main_process_build_the_same_site(tmp_path: Path) -> None:
    sites = {}
    for count in ("0", "3"):  # 0: every page in the main process; 3: an uneven split over three workers
        site = tmp_path / f"site-{count}"
        result = run_build(ROOT, site, {"FAKTABANK_WORKERS": count, "SOURCE_DATE_EPOCH": "1700000000"})
        assert result.returncode == 0, result.stderr[-3000:]
        sites[count] = _files(site)
    assert sites["0"].keys() == sites["3"].keys()
    assert len([name for name in sites["0"] if name.endswith("index.html")]) > 200
    different = [name for name in sites["0"] if sites["0"][name] != sites["3"][name]]
    assert different == []


def _made(src_uri: str) -> Made:
    if src_uri == "trasig.md":
        raise ValueError("a template error")
    if src_uri == "varning.md":
        logging.getLogger("mkdocs.structure.pages").warning("länken pekar på en sida som inte finns")
    return Made(f"<p>{src_uri}</p>", TableOfContents([]), src_uri, {"a"}, None, [])


def _slow_first(src_uri: str) -> Made:
    if src_uri == "sida-0.md":
        time.sleep(0.5)
    return _made(src_uri)


def _here(src_uri: str) -> Made:
    return Made(f"<p>{src_uri} (här)</p>", TableOfContents([]), src_uri, set(), None, [])


def _wait_until_started(pool: workers.Workers, i: int, k: int = 0) -> None:
    """Until worker k has started page i of its lane."""
    deadline = time.monotonic() + 30
    while pool.claims[k][i] != workers.STARTED and time.monotonic() < deadline:
        time.sleep(0.01)
    assert pool.claims[k][i] == workers.STARTED


def test_workers_deliver_pages_in_build_order_with_their_warnings() -> None:
    names = [f"sida-{i}.md" for i in range(25)] + ["varning.md", "trasig.md", "sist.md"]
    pool = workers.Workers([(name, _made, None) for name in names], 2, main_weight=0)
    pool.start()
    try:
        for k, lane in enumerate(pool.share):  # every page started (else the main process takes it over)
            for i in range(len(lane)):
                _wait_until_started(pool, i, k)
        made = {name: pool.take(name) for name in names}
    finally:
        pool.close()
    assert made["trasig.md"] is None  # made again in the main process, which reports the error
    for name in names:
        if name != "trasig.md":
            assert made[name].content == f"<p>{name}</p>" and made[name].title == name
    assert made["varning.md"].warnings == [("mkdocs.structure.pages", logging.WARNING,
                                            "länken pekar på en sida som inte finns")]
    assert made["sist.md"].warnings == []
    assert pool.take("okand.md") is None  # not a worker's page


def test_a_page_asked_for_out_of_order_is_not_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "LIMIT", 3)
    names = [f"sida-{i}.md" for i in range(20)]
    pool = workers.Workers([(name, _made, None) for name in names], 1, main_weight=0)
    pool.start()
    try:
        _wait_until_started(pool, 0)
        # three others wait to be taken, or the worker has not got to it: make it in the main process
        assert pool.take("sida-19.md") is None
        assert pool.take("sida-0.md").content == "<p>sida-0.md</p>"
    finally:
        pool.close()


def test_while_a_worker_makes_a_long_page_the_main_process_makes_the_next_ones() -> None:
    names = [f"sida-{i}.md" for i in range(workers.AHEAD + 10)]
    pool = workers.Workers([(name, _slow_first, None) for name in names], 1, main_weight=0, make_here=_here)
    pool.start()
    try:
        _wait_until_started(pool, 0)
        made = {name: pool.take(name) for name in names}
        assert pool.results == {}  # nothing the worker sent is left over
    finally:
        pool.close()
    assert made["sida-0.md"].content == "<p>sida-0.md</p>"  # the worker's
    ahead = [name for name in names[1:] if made[name].content == f"<p>{name} (här)</p>"]
    assert ahead == names[1:len(ahead) + 1] and len(ahead) <= workers.AHEAD  # the next ones, made here
    assert len(ahead) >= 2
    assert all(made[name].content == f"<p>{name}</p>" for name in names[len(ahead) + 1:])  # the rest: the worker's


def test_a_page_the_worker_has_not_started_is_taken_over() -> None:
    names = [f"sida-{i}.md" for i in range(6)]
    pool = workers.Workers([(name, _slow_first, None) for name in names], 1, main_weight=0)
    pool.start()
    try:
        _wait_until_started(pool, 0)
        assert pool.take("sida-3.md") is None  # not started: the main process makes it (MkDocs' own path)
        assert pool.claims[0][3] == workers.TAKEN
        made = {name: pool.take(name) for name in names if name != "sida-3.md"}
        assert all(made[name].content == f"<p>{name}</p>" for name in made)
        while not pool.done[0]:  # the worker ends without ever sending the page it skipped
            pool._receive(0)
        assert "sida-3.md" not in pool.results
    finally:
        pool.close()


def test_pages_taken_over_from_a_slow_worker_are_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker slowed down, so that the main process takes pages over and makes pages ahead: the site must
    be the same as one built with no worker at all."""
    monkeypatch.setenv("FAKTABANK_WORKERS", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "taken"), strict=True)
    hook = config.plugins["faktabank"]  # the plugin instance of this build
    make_and_render = hook._make_and_render

    def slowly(src_uri: str) -> Made:  # runs in the worker
        time.sleep(0.02)
        return make_and_render(src_uri)

    monkeypatch.setattr(hook, "_make_and_render", slowly)
    taken: list[tuple[int, int]] = []
    close = workers.Workers.close

    def counting(pool: workers.Workers) -> None:
        if pool.jobs:
            taken.append((len(pool.taken), len(pool.share[0])))
        close(pool)

    monkeypatch.setattr(workers.Workers, "close", counting)
    _build_here(config)
    assert taken and taken[0][0] > 20 and taken[0][0] < taken[0][1]  # pages taken over, not all of them
    _same_as_without_workers(tmp_path, tmp_path / "taken")


def _build_here(config) -> None:
    """`mkdocs build` of the config in this process (the hook's functions can be patched)."""
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()


def _same_as_without_workers(tmp_path: Path, built: Path) -> None:
    """The site in `built` is byte for byte the site built with no worker processes."""
    plain = tmp_path / "plain"
    result = run_build(ROOT, plain, {"FAKTABANK_WORKERS": "0", "SOURCE_DATE_EPOCH": "1700000000"})
    assert result.returncode == 0, result.stderr[-3000:]
    got, reference = _files(built), _files(plain)
    assert got.keys() == reference.keys()
    assert [name for name in reference if got[name] != reference[name]] == []


def test_worker_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKTABANK_WORKERS", "0")
    assert worker_count() == 0
    monkeypatch.setenv("FAKTABANK_WORKERS", "två")
    with pytest.raises(ValueError, match="FAKTABANK_WORKERS"):
        worker_count()
    monkeypatch.delenv("FAKTABANK_WORKERS")
    assert worker_count() >= 1


def test_a_forbunds_pages_go_to_one_lane_and_the_main_process_makes_a_share() -> None:
    jobs = [(f"{group}-{i}.md", _made, group) for i in range(6) for group in "abcdefgh"]
    jobs += [(f"utan-{i}.md", _made, None) for i in range(8)]
    owners = workers.share(jobs, 2, main_weight=0.5)
    lanes: dict[str, set[int]] = {}
    for (_, _, group), k in zip(jobs, owners, strict=True):
        if group is not None:
            lanes.setdefault(group, set()).add(k)
    assert all(len(ks) == 1 for ks in lanes.values())
    assert owners.count(0) == owners.count(1) > owners.count(workers.MAIN) > 0  # the main process: a smaller share
    pool = workers.Workers(jobs, 2, main_weight=0.5)
    mains = [src for (src, _, _), k in zip(jobs, owners, strict=True) if k == workers.MAIN]
    assert workers.main_share(jobs, 2, main_weight=0.5) == mains  # what the hook makes ahead (_premake)
    pool.start()
    try:
        assert all(pool.take(src) is None for src in mains)  # the main process makes these itself
        if "utan-7.md" not in mains:
            _wait_until_started(pool, pool.position["utan-7.md"], pool.owner["utan-7.md"])
            assert pool.take("utan-7.md") is not None
    finally:
        pool.close()


def _in_child_only_fails(parent: int) -> str:
    if os.getpid() != parent:
        raise RuntimeError("fails in the forked process")
    return "made in the main process"


def _dies(parent: int) -> str:
    if os.getpid() != parent:
        os._exit(3)
    return "made in the main process"


def test_background_returns_the_value_made_in_its_process() -> None:
    job = workers.Background(os.getpid)
    assert job.result() not in (os.getpid(), None)  # the forked process's own pid came back through the pipe


def test_background_says_when_its_value_is_ready() -> None:
    job = workers.Background(time.sleep, 1.5)
    assert not job.ready()
    deadline = time.monotonic() + 30
    while not job.ready() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert job.ready()
    assert job.result() is None  # time.sleep's own value, from the forked process


def test_pages_made_while_the_open_data_is_written_are_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """While on_files waits for the open-data process, the hook makes the pages the main process will make
    itself (_premake). Here that process is slowed down so that it does; the site must be the same as one
    built with no worker at all."""
    write = opendata.write

    def write_slowly(model, folder):  # runs in the forked open-data process
        time.sleep(3)
        return write(model, folder)

    monkeypatch.setattr(opendata, "write", write_slowly)
    monkeypatch.setenv("FAKTABANK_WORKERS", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "ahead"), strict=True)
    hook = config.plugins["faktabank"]  # the plugin instance of this build
    premade: list[int] = []
    premake = hook._premake

    def counting(background):
        premake(background)
        premade.append(len(hook.premade))

    monkeypatch.setattr(hook, "_premake", counting)
    _build_here(config)
    assert premade and premade[0] > 20  # made ahead, and then taken in _fill
    assert hook.premade == {}
    _same_as_without_workers(tmp_path, tmp_path / "ahead")


@pytest.mark.parametrize("function", [_in_child_only_fails, _dies])
def test_background_makes_the_value_here_when_its_process_cannot(function) -> None:
    assert workers.Background(function, os.getpid()).result() == "made in the main process"


def test_data_read_in_two_processes_is_read_as_in_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same documents and the same problems, in the same order, however data/ is split."""
    project = make_project(tmp_path, MINIMAL / "data")
    (project / "data" / "rapporter" / "trasig-2021.yaml").write_text("id: [\n", encoding="utf-8")
    (project / "data" / "anteckning.txt").write_text("inte data\n", encoding="utf-8")
    (project / "data" / "insatser" / "fel.yaml").write_text("insatser: 3\n", encoding="utf-8")
    serial = loader.read_documents(project)
    parallel = loader.read_documents(project, workers.split_work)
    assert [d.path for _, d in serial[0]] == [d.path for _, d in parallel[0]]
    assert [d.data for _, d in serial[0]] == [d.data for _, d in parallel[0]]
    assert [d.lines for _, d in serial[0]] == [d.lines for _, d in parallel[0]]
    assert serial[1] == parallel[1] and len(serial[1]) >= 3


def test_a_workers_pipe_holds_many_pages() -> None:
    fcntl = pytest.importorskip("fcntl")
    if not hasattr(fcntl, "F_GETPIPE_SZ"):
        pytest.skip("the pipe's size is Linux's to set")
    allowed = Path("/proc/sys/fs/pipe-max-size")
    if not allowed.exists():
        pytest.skip("no limit to read")
    reader, writer = multiprocessing.get_context("fork").Pipe(duplex=False)
    try:
        workers._widen(writer)
        expected = min(workers.PIPE_BYTES, int(allowed.read_text()))
        assert fcntl.fcntl(writer.fileno(), fcntl.F_GETPIPE_SZ) >= expected > 64 * 1024
    finally:
        reader.close()
        writer.close()


def _slowly_with_pid(item: int) -> tuple[int, int]:
    time.sleep(0.01)
    return item * item, os.getpid()


def test_split_work_meets_in_the_middle_and_keeps_the_order() -> None:
    results = workers.split_work(list(range(60)), _slowly_with_pid)
    assert [value for value, _ in results] == [i * i for i in range(60)]
    pids = [pid for _, pid in results]
    here = pids.count(os.getpid())
    assert 0 < here < 60  # both processes did some
    assert pids[:here] == [os.getpid()] * here and os.getpid() not in pids[here:]  # this one the first, the other the rest


def _dies_in_child(parent: int, item: int) -> int:
    if os.getpid() != parent and item == 55:
        os._exit(3)
    return item + 1


def _fails_in_child(parent: int, item: int) -> int:
    if os.getpid() != parent:
        raise RuntimeError("fails in the forked process")
    time.sleep(0.005)
    return item + 1


@pytest.mark.parametrize("function", [_dies_in_child, _fails_in_child])
def test_split_work_does_here_what_the_forked_process_left_undone(function) -> None:
    assert workers.split_work(list(range(60)), partial(function, os.getpid())) == list(range(1, 61))


def _always_fails(item: int) -> int:
    raise ValueError(f"fel i {item}")


def test_split_work_raises_here_as_without_a_second_process() -> None:
    with pytest.raises(ValueError, match="fel i 0"):
        workers.split_work(list(range(10)), _always_fails)
