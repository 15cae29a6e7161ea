"""Work spread over the machine's cores: checking and building many sites at once.

Python runs one thread of Python code at a time, so the sites are built by worker processes: a
pool of one per core for the whole build (``--jobs``), each built by forking a server process
that imported Rettfram, MkDocs and Altair once (multiprocessing's ``forkserver``), so no process
starts or imports anything per site. ``fork`` from the build itself would be faster still but is
not safe: a process that has already rendered a chart holds vl-convert's threads, which a forked
child does not have.

Each worker gets the build's environment (the server's may be older) and returns its results to
the build, which keeps them in the order it asked for them: the output is the same with one core
or many. An error in a worker stops the build as it would without workers; Ctrl-C or SIGTERM
stops the workers before the stage is removed, and a build killed outright takes its workers
with it.

As with any use of multiprocessing that does not fork the caller, a worker imports the script
that started the build: a script that calls ``site_build.build`` itself (``bench/``, a user's
own) must keep that call under ``if __name__ == "__main__":``. ``build.py`` does.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
PRELOAD = ["rettfram.site_build"]


def default_jobs() -> int:
    """One worker per core this process may run on."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


def run(
    function: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    done: Callable[[int, R], None] = lambda index, result: None,
) -> list[R]:
    """``[function(item) for item in items]``, on up to ``jobs`` workers; ``done(index, result)``
    in the build's process after each, in order. ``function`` must be a module-level function and
    ``items`` picklable. One job, or one item, runs here without workers."""
    if jobs <= 1 or len(items) < 2:
        results = []
        for index, item in enumerate(items):
            results.append(function(item))
            done(index, results[-1])
        return results
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    pool = context.Pool(min(jobs, len(items)), initializer=_start_worker, initargs=(dict(os.environ),))
    try:
        results = []
        for index, result in enumerate(pool.imap(function, items)):
            results.append(result)
            done(index, result)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
    return results


def _start_worker(environment: dict[str, str]) -> None:
    """The build's environment, and (on Linux) death with the fork server, which ends when the
    build does: a build killed outright (SIGKILL) leaves no worker writing into its stage."""
    os.environ.clear()
    os.environ.update(environment)
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the worker ends when it next asks for work
        pass


_PR_SET_PDEATHSIG = 1
