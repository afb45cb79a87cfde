"""Progress inside a step, for a listener in the same process (the `egov` progress display).

Dagster's event stream says when a step starts and ends; a dbt build is one step of dozens
of nodes, and its per-model events are converted only once dbt has exited (see
transform.assets). So the dbt step reports each finished node here as dbt announces it, and
the CLI, which runs the job in this process, subscribes. With no subscriber (a run launched
from the UI or a schedule) a report costs one empty loop.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class NodeDone:
    """One unit of work finished: `stage` (e.g. `dbt`), its `group` (a layer: seeds, staging,
    intermediate, marts, tests), the item's name and how it ended."""

    stage: str
    group: str
    item: str
    ok: bool


Subscriber = Callable[[NodeDone], None]
_subscribers: list[Subscriber] = []
_guard = threading.Lock()


@contextmanager
def subscribed(subscriber: Subscriber) -> Iterator[None]:
    with _guard:
        _subscribers.append(subscriber)
    try:
        yield
    finally:
        with _guard:
            _subscribers.remove(subscriber)


def report(done: NodeDone) -> None:
    with _guard:
        targets = list(_subscribers)
    for subscriber in targets:
        subscriber(done)
