import subprocess
import sys
import time

import pytest

from dagster_project.core.lock import RefreshBusyError, holder, refresh_lock

HOLD = """
import sys, time
from pathlib import Path
from dagster_project.core.lock import refresh_lock
with refresh_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_lock_is_reentrant_within_a_process(tmp_path):
    lock_file = tmp_path / "refresh.lock"
    with refresh_lock(lock_file, wait_s=0), refresh_lock(lock_file, wait_s=0):
        assert "pid" in holder(lock_file)


def test_second_process_is_refused_or_waits(tmp_path):
    lock_file = tmp_path / "refresh.lock"
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(lock_file), "2"], stdout=subprocess.PIPE, text=True
    )
    assert other.stdout.readline().strip() == "held"
    with (
        pytest.raises(RefreshBusyError, match="another refresh is running"),
        refresh_lock(lock_file, wait_s=0),
    ):
        pass
    waited = []
    started = time.monotonic()
    with refresh_lock(lock_file, wait_s=30, on_wait=waited.append):
        assert time.monotonic() - started > 0.5
    assert waited and "pid" in waited[0]
    other.wait(timeout=10)
