"""Extraction on a dask.distributed cluster: a LocalCluster or a scheduler's address.

Inputs travel as bytes in chunks of :data:`DASK_CHUNK`, results come back in
input order, a few chunks per worker in flight.
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque
from collections.abc import Iterator

from directive_extract import messages
from directive_extract.run.work import (
    IN_FLIGHT_PER_WORKER,
    Result,
    _Task,
    _warm_up,
    _work,
)

#: Inputs per dask task: fewer round trips through the scheduler.
DASK_CHUNK = 4


def on_dask(items: Iterator[_Task | Result], scheduler: str, workers: int, timeout):
    """Results from a dask.distributed cluster, in order; ``"local"`` starts a LocalCluster.

    Inputs go in chunks of :data:`DASK_CHUNK` to keep the scheduler's cost per input low.
    """
    from distributed import Client, LocalCluster

    with contextlib.ExitStack() as stack:
        if scheduler == "local":
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.CRITICAL,  # a worker lost to a bad input is reported per input
            )
            stack.enter_context(cluster)
            client = stack.enter_context(Client(cluster))
        else:
            client = stack.enter_context(Client(scheduler))
        client.run(_warm_up)
        window = max(len(client.scheduler_info().get("workers", {})), 1) * IN_FLIGHT_PER_WORKER
        pending: deque = deque()
        for chunk in _chunks(items, DASK_CHUNK):
            pending.append(
                chunk if isinstance(chunk, Result) else _dask_submit(client, chunk, timeout)
            )
            while len(pending) >= window:
                yield from _dask_settle(pending.popleft(), client, timeout)
        while pending:
            yield from _dask_settle(pending.popleft(), client, timeout)


def _chunks(items: Iterator[_Task | Result], size: int) -> Iterator[list[_Task] | Result]:
    """Runs of up to ``size`` tasks, in order; a Result decided already comes alone."""
    chunk: list[_Task] = []
    for item in items:
        if isinstance(item, Result) or len(chunk) == size:
            if chunk:
                yield chunk
            chunk = []
        if isinstance(item, Result):
            yield item
        else:
            chunk.append(item)
    if chunk:
        yield chunk


def _work_many(tasks: list[_Task], timeout: float | None) -> list[Result]:
    return [_work(task, timeout) for task in tasks]


def _dask_submit(client, tasks: list[_Task], timeout: float | None):
    return tasks, client.submit(_work_many, tasks, timeout, pure=False)


def _dask_settle(entry, client, timeout: float | None, retry: bool = True) -> list[Result]:
    """The results of one dask future.

    dask blames every input queued on a worker that died, so the inputs of a
    chunk whose workers died are run once more, one by one, before one is taken
    for the cause.
    """
    if isinstance(entry, Result):
        return [entry]
    tasks, future = entry
    try:
        return future.result()
    except Exception as error:  # KilledWorker and the like: the worker died on it
        if retry:
            return [
                result
                for task in tasks
                for result in _dask_settle(
                    _dask_submit(client, [task], timeout), client, timeout, False
                )
            ]
        reason = messages.WORKER_DIED.format(detail=f"{type(error).__name__}: {error}")
        return [Result(task.source, "failed", reason=reason, digest=task.digest) for task in tasks]
    finally:
        future.release()
