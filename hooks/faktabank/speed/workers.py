"""Forked processes: worker processes that make generated pages while MkDocs builds pages in the main
process; `split_work`, which reads data/ in two processes that meet in the middle; and `Background`, one
function call in a forked process (writing the open data).

MkDocs builds one page at a time in one process. The faktabank's own per-page work (the page's template,
the conversion to HTML, the content passes; content.make) and the theme's rendering of the page around it
(content.render) do not depend on anything MkDocs does to other pages, so `Workers.start` forks worker
processes once the file list, navigation and theme are final (the hook's `on_env`).
`share` divides the pages: a förbund's pages to one process, and a smaller share to the main process itself.
Each worker makes its pages in MkDocs' build order; a thread in the worker sends each result through a pipe
(widened to hold about 25 pages), so the worker goes on making pages while the main process is busy with a
long page of its own. `take`, which the hook calls for every generated page, first collects whatever
results have come, then hands the page to the hook when MkDocs reaches it. Should the page not be there,
the main process takes it over if the worker has not started it, or else makes the worker's next pages
itself while it waits (the worker skips both), so neither process idles while the other has work.
Collecting stops while LIMIT results from a worker wait to be taken, and a worker keeps at most LIMIT
results to send, so neither process holds more than a few hundred finished pages per worker, and a worker
that far ahead waits. (A
reader thread in the main process would have to win the GIL from the build for every result; measured,
workers then waited for it for seconds.)

Warnings a worker logs while making a page (a broken link, say) are sent with the page and logged again in
the main process, so `mkdocs build --strict` counts them. When a result cannot come (a worker failed or died,
or the build asks for pages in another order than expected), `take` returns None and the hook makes the page
in the main process, where an error is reported exactly as without workers.
"""

from __future__ import annotations

import contextlib
import logging
import mmap
import multiprocessing
import queue
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any

Made = Any  # a page's content as the adapter makes it (plugin.content.Made): workers only pass it on

LIMIT = 400  # results from one worker waiting to be taken (each holds its whole page)
PIPE_BYTES = 1 << 20  # a worker's pipe (Linux's default is 64 KB, two or three pages): about 25 pages
MAIN = -1  # the lane of the pages the main process makes itself
MAIN_WEIGHT = 0.6  # its share of the pages, against a worker's (it also runs MkDocs: measured on two cores)
AHEAD = 64  # how far past the page it waits for the main process makes a worker's pages itself
STARTED, TAKEN = 2, 1  # a job's claim: a worker has started it; the main process has taken it over
_Job = tuple[str, Callable[[str], Made], str | None]  # (src_uri, make the page's content, its förbund or None)


class _Capture(logging.Handler):
    """Collects what MkDocs logs while a worker makes a page."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _work(jobs: Sequence[_Job], conn: Connection, claims: mmap.mmap | None = None) -> None:
    """The worker process: make each job's page and send (src_uri, Made), or (src_uri, None) on an error. A
    thread sends the results, so that making pages goes on while the main process is busy with a long page
    of its own and the pipe is full (up to LIMIT results wait here). `claims` (shared with the main process,
    a byte per job): a job the main process has taken over (TAKEN) is skipped; the worker marks each job it
    starts (STARTED)."""
    capture = _Capture()
    logger = logging.getLogger("mkdocs")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    logger.addHandler(capture)
    logger.propagate = False
    outbox: queue.Queue[tuple[str, Made | None] | None] = queue.Queue(maxsize=LIMIT)
    stopped = threading.Event()  # the build stopped: nothing more is sent

    def send() -> None:
        while (result := outbox.get()) is not None:
            if stopped.is_set():
                continue
            try:
                conn.send(result)
            except (BrokenPipeError, EOFError, OSError):
                stopped.set()

    sender = threading.Thread(target=send, name="faktabank-ut", daemon=True)
    sender.start()
    try:
        for i, (src_uri, make, _) in enumerate(jobs):
            if stopped.is_set():
                break
            if claims is not None:
                if claims[i] == TAKEN:
                    continue
                claims[i] = STARTED
            capture.records = []
            try:
                made = make(src_uri)
            except Exception:  # the main process makes this page again and reports the error itself
                outbox.put((src_uri, None))
                continue
            made.warnings = capture.records
            outbox.put((src_uri, made))
    finally:
        outbox.put(None)
        sender.join()
        conn.close()


def _widen(conn: Connection) -> None:
    """Let the pipe hold PIPE_BYTES (Linux; elsewhere, or where the system allows less, it stays as it is), so
    a worker seldom waits for the main process to empty it."""
    with contextlib.suppress(ImportError, AttributeError, OSError):
        import fcntl  # POSIX only, and F_SETPIPE_SZ Linux only

        fcntl.fcntl(conn.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)


def _call(function: Callable[..., Any], args: tuple[Any, ...], conn: Connection) -> None:
    """Background's process: send (True, the return value), or (False, None) when the function failed."""
    try:
        try:
            value = (True, function(*args))
        except Exception:  # the main process calls the function again and reports the error itself
            value = (False, None)
        conn.send(value)
    except (BrokenPipeError, EOFError):  # the build stopped
        pass
    finally:
        conn.close()


def share(jobs: Sequence[_Job], count: int, main_weight: float = MAIN_WEIGHT) -> list[int]:
    """The lane of each job: a worker (0 … count-1) or MAIN, the main process itself.

    The main process makes a share of the pages too (main_weight of what a worker makes: it also runs MkDocs),
    and it needs no copy of the model to do so. All pages of one förbund go to the same lane, so that a worker
    reads, and so copies (reading an object writes its reference count), mostly its own part of the model it
    shares with the main process. The förbund, largest first, each go to the lane with the least work for its
    weight so far; a page about no förbund goes the same way on its own."""
    weights = [1.0] * count + ([main_weight] if main_weight > 0 else [])
    lanes = [*range(count), MAIN][:len(weights)]
    sizes: dict[str, int] = {}
    for _, _, group in jobs:
        if group is not None:
            sizes[group] = sizes.get(group, 0) + 1
    load = [0.0] * len(lanes)

    def lightest() -> int:
        return min(range(len(lanes)), key=lambda i: ((load[i] + 1) / weights[i], i))

    of_group: dict[str, int] = {}
    for group in sorted(sizes, key=lambda g: (-sizes[g], g)):
        i = lightest()
        of_group[group] = i
        load[i] += sizes[group]
    owners = []
    for _, _, group in jobs:
        if group is None:
            i = lightest()
            load[i] += 1
        else:
            i = of_group[group]
        owners.append(lanes[i])
    return owners


def _lanes(jobs: Sequence[_Job], count: int, main_weight: float) -> tuple[int, list[int]]:
    """The number of workers `Workers(jobs, count)` starts (at least one, at most one per page) and each job's lane."""
    count = max(1, min(count, len(jobs)))
    return count, share(jobs, count, main_weight)


def main_share(jobs: Sequence[_Job], count: int, main_weight: float = MAIN_WEIGHT) -> list[str]:
    """The pages (src_uri, in order) the main process will make itself when `Workers(jobs, count)` makes the rest."""
    _, owners = _lanes(jobs, count, main_weight)
    return [src for (src, _, _), lane in zip(jobs, owners, strict=True) if lane == MAIN]


def _from_end(items: Sequence[Any], do: Callable[[Any], Any], claims: mmap.mmap, conn: Connection) -> None:
    """split_work's forked process: `do` for each item from the last back, until one is taken; each result is
    sent as soon as it is there, then None."""
    try:
        for i in range(len(items) - 1, -1, -1):
            if claims[i] != 0:
                break
            claims[i] = TAKEN
            conn.send((i, do(items[i])))
    except Exception:  # what is left undone is done in the main process, which reports any error itself
        pass
    finally:
        with contextlib.suppress(BrokenPipeError, EOFError, OSError):
            conn.send(None)
        conn.close()


def split_work(items: Sequence[Any], do: Callable[[Any], Any]) -> list[Any]:
    """`do` for every item, in two processes: this one from the first item on, a forked one from the last item
    back, until they meet (a byte per item, shared, says which are taken), so both finish together however
    fast each is. The forked process sends each result as it has it, and this one takes them in between its
    own items, so neither waits at the end for a pickled half. The results come in the items' order. What
    the forked process leaves undone (it failed, or died) is done here, where an error is raised as without it."""
    claims = mmap.mmap(-1, max(1, len(items)))
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    _widen(writer)
    process = context.Process(target=_from_end, args=(items, do, claims, writer), daemon=True,
                              name="faktabank-halva")
    process.start()
    writer.close()
    results: dict[int, Any] = {}
    ended = False

    def collect(wait: bool) -> None:
        nonlocal ended
        try:
            while not ended and (wait or reader.poll()):
                message = reader.recv()
                if message is None:
                    ended = True
                else:
                    results.setdefault(message[0], message[1])
        except (EOFError, OSError):
            ended = True

    try:
        for i, item in enumerate(items):
            if claims[i] != 0:
                break  # the forked process has come this far: the rest is taken
            claims[i] = STARTED
            results[i] = do(item)
            collect(wait=False)
        collect(wait=True)
    finally:
        reader.close()
        process.join(timeout=0.5)
        if process.is_alive():
            process.terminate()
            process.join()
    return [results[i] if i in results else do(item) for i, item in enumerate(items)]


class Background:
    """One function call in a forked process while the main process goes on; `result` waits for its value.

    The value comes back pickled through a pipe. When the process cannot deliver it (the function raised, or
    the process died), `result` calls the function in the main process instead, where an error is reported
    exactly as without the process. The function must not depend on anything the main process does after the
    fork."""

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        self.function = function
        self.args = args
        context = multiprocessing.get_context("fork")
        self.conn, writer = context.Pipe(duplex=False)
        self.process = context.Process(target=_call, args=(function, args, writer), daemon=True,
                                       name="faktabank-bakgrund")
        self.process.start()
        writer.close()

    def ready(self) -> bool:
        """Whether the value (or the process's end) has come, so that `result` would not wait."""
        try:
            return self.conn.poll()
        except (EOFError, OSError):
            return True

    def result(self) -> Any:
        try:
            ok, value = self.conn.recv()
        except (EOFError, OSError):
            ok, value = False, None
        self.close()
        return value if ok else self.function(*self.args)

    def close(self) -> None:
        """Stop the process if it still runs (the build failed or stopped)."""
        self.conn.close()
        self.process.join(timeout=0.5)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()


class Workers:
    """`count` forked processes making the given pages (in build order) for `take`.

    The main process does not sit waiting for a worker. When the page MkDocs asks for is a worker's and has
    not come, and the worker has not started it, the main process takes it over; when the worker is making
    it, the main process makes the content of the worker's next pages not started yet (`make_here`, the
    plugin's `_make`: content.make), up to AHEAD pages on, and looks again. A worker skips the pages
    taken over (`claims`, a byte per page shared with it), so the split follows how fast each process
    really is. Should the worker start a page in the same instant as it is taken over, its result is
    dropped."""

    def __init__(self, jobs: Sequence[_Job], count: int, main_weight: float = MAIN_WEIGHT,
                 make_here: Callable[[str], Made | None] | None = None) -> None:
        self.jobs = list(jobs)
        self.count, owners = _lanes(self.jobs, count, main_weight)
        self.owner = {src: k for (src, _, _), k in zip(self.jobs, owners, strict=True) if k != MAIN}
        self.share = [[job for job, k in zip(self.jobs, owners, strict=True) if k == w] for w in range(self.count)]
        self.position = {src: i for lane in self.share for i, (src, _, _) in enumerate(lane)}  # in its worker's lane
        self.results: dict[str, Made | None] = {}
        self.waiting = [0] * self.count  # results received from each worker and not yet taken
        self.done = [False] * self.count
        self.conns: list[Connection] = []
        self.processes: list[multiprocessing.process.BaseProcess] = []
        self.claims: list[mmap.mmap] = []  # per worker, a byte per page of its lane, shared with it (STARTED, TAKEN)
        self.taken: set[str] = set()  # workers' pages the main process has taken over
        self.make_here = make_here
        self.made_here: dict[str, Made] = {}  # taken-over pages' content made ahead, until MkDocs asks for them

    def start(self) -> None:
        """Fork the workers; each starts on its first page at once."""
        context = multiprocessing.get_context("fork")
        for k in range(self.count):
            reader, writer = context.Pipe(duplex=False)
            _widen(writer)
            claims = mmap.mmap(-1, max(1, len(self.share[k])))  # anonymous and shared: the forked worker sees it
            process = context.Process(target=_work, args=(self.share[k], writer, claims), daemon=True,
                                      name=f"faktabank-{k}")
            process.start()
            writer.close()
            self.processes.append(process)
            self.conns.append(reader)
            self.claims.append(claims)

    def _receive(self, k: int) -> None:
        """The next result from worker k (waiting for it), or the end of its results."""
        try:
            src_uri, made = self.conns[k].recv()
        except (EOFError, OSError):
            self.done[k] = True
            return
        if src_uri in self.taken:  # started by the worker as the main process took it over
            return
        self.results[src_uri] = made
        self.waiting[k] += 1

    def _collect(self) -> None:
        """Every result that has come already, without waiting: the workers' pipes are emptied at every page,
        so a worker that is ahead goes on making pages (up to LIMIT waiting) instead of waiting to send."""
        for k, conn in enumerate(self.conns):
            try:
                while not self.done[k] and self.waiting[k] < LIMIT and conn.poll():
                    self._receive(k)
            except (EOFError, OSError):
                self.done[k] = True

    def _take_over(self, k: int, i: int) -> bool:
        """Take page i of worker k's lane over, unless the worker has started it."""
        claims = self.claims[k]
        if claims[i] != 0:
            return False
        claims[i] = TAKEN
        self.taken.add(self.share[k][i][0])
        return True

    def _make_ahead(self, k: int, i: int) -> bool:
        """Take over and make the first page after page i of worker k's lane that the worker has not started
        (within AHEAD pages); False when there is none."""
        assert self.make_here is not None
        lane, claims = self.share[k], self.claims[k]
        for j in range(i + 1, min(i + 1 + AHEAD, len(lane))):
            if claims[j] == 0 and self._take_over(k, j):
                made = self.make_here(lane[j][0])
                if made is not None:
                    self.made_here[lane[j][0]] = made
                return True  # made, or (None) made by MkDocs' own path when MkDocs gets to it
        return False

    def take(self, src_uri: str) -> Made | None:
        """The page's content from its worker (or made here ahead of MkDocs), or None: make it in this
        process instead."""
        self._collect()
        made = self.made_here.pop(src_uri, None)
        if made is not None:
            return made
        k = self.owner.get(src_uri)
        if k is None or src_uri in self.taken:
            return None
        while src_uri not in self.results and not self.done[k] and self.waiting[k] < LIMIT:
            if self.claims and not self.conns[k].poll():
                i = self.position[src_uri]
                if self._take_over(k, i):
                    return None  # the worker has not got to it: made here, now
                if self.make_here is not None and self._make_ahead(k, i):
                    continue
            self._receive(k)
        if src_uri not in self.results:
            return None
        self.waiting[k] -= 1
        return self.results.pop(src_uri)

    def close(self) -> None:
        """Stop the workers (when the build is done, or failed)."""
        self.done = [True] * self.count
        self.results.clear()
        self.made_here.clear()
        for conn in self.conns:
            conn.close()
        self.conns.clear()
        for process in self.processes:
            process.join(timeout=0.5)
            if process.is_alive():
                process.terminate()
                process.join()
        self.processes.clear()
