"""Free-threaded stress (tests/ext/src/test_threads.rs): 8 threads released together against
shared pyclass instances, a `PyOnceLock`, `intern!`, a lazily created type object and module
functions, for a bounded time, with faulthandler and a hard timeout (a hang is a deadlock).
Runs on GIL builds too (where it is plain concurrency); the GIL checks need a free-threaded build.
"""

import faulthandler
import os
import subprocess
import sys
import sysconfig
import threading
import time

import pytest

ext = pytest.importorskip("pyroxide_ext")
t = ext.threads

FREE_THREADED = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
needs_free_threading = pytest.mark.skipif(
    not FREE_THREADED, reason="needs a free-threaded (Py_GIL_DISABLED) build"
)
THREADS = 8
# Each test stops starting new rounds after this many seconds; the hard timeout kills a hang.
BUDGET = float(os.environ.get("PYROXIDE_STRESS_SECONDS", "1.5"))
HARD_TIMEOUT = 60
# GraalPy's `faulthandler.cancel_dump_traceback_later` does not cancel: the process would exit
# HARD_TIMEOUT s after every run, whatever came next. No hard timeout there.
HARD_STOP = sys.implementation.name != "graalpy"


def run_threads(work):
    """Runs `work(i)` in THREADS threads released together; returns their results in order."""
    barrier = threading.Barrier(THREADS)
    results = [None] * THREADS
    errors = []

    def body(i):
        try:
            barrier.wait()
            results[i] = work(i)
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    if HARD_STOP:
        faulthandler.dump_traceback_later(HARD_TIMEOUT, exit=True)
    try:
        threads = [threading.Thread(target=body, args=(i,)) for i in range(THREADS)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
    finally:
        if HARD_STOP:
            faulthandler.cancel_dump_traceback_later()
    assert not errors, errors
    return results


def until_budget(step):
    """Calls `step()` in rounds until BUDGET has passed; returns the number of calls."""
    deadline = time.monotonic() + BUDGET
    n = 0
    while time.monotonic() < deadline:
        for _ in range(200):
            step()
        n += 200
    return n


@needs_free_threading
def test_gil_stays_disabled():
    """`gil_used = false` modules keep the GIL off: import each in a fresh interpreter."""
    for module in ["pyroxide_ext", "string_sum", "sys_minimal"]:
        env = {k: v for k, v in os.environ.items() if k != "PYTHON_GIL"}
        code = f"import sys, {module}; print(sys._is_gil_enabled())"
        out = subprocess.run(
            [sys.executable, "-W", "error::RuntimeWarning", "-c", code],
            capture_output=True, text=True, env=env, timeout=60,
        )
        assert out.returncode == 0, (module, out.stderr)
        assert out.stdout.strip() == "False", (module, out.stdout, out.stderr)
    assert sys._is_gil_enabled() is False


def test_atomic_counter_adds_up():
    counter = t.AtomicCounter()
    calls = run_threads(lambda i: until_budget(counter.incr))
    assert counter.count == sum(calls)
    assert all(n > 0 for n in calls)


def test_borrow_flag_admits_one_writer():
    counter = t.MutCounter()

    def work(i):
        ok = refused = 0

        def step():
            nonlocal ok, refused
            try:
                counter.incr()
                ok += 1
            except RuntimeError as e:
                assert "borrow" in str(e).lower(), e
                refused += 1

        until_budget(step)
        return ok, refused

    results = run_threads(work)
    # Every successful increment is counted exactly once: no update was lost or doubled.
    assert counter.count == sum(ok for ok, _ in results)
    assert counter.count > 0
    if not FREE_THREADED:
        # With the GIL, calls never overlap, so no borrow is ever refused.
        assert sum(refused for _, refused in results) == 0


def test_once_lock_initializes_once():
    lists = run_threads(lambda i: [t.shared_list() for _ in range(100)])
    first = lists[0][0]
    assert all(x is first for per_thread in lists for x in per_thread)
    assert t.init_count() == 1


def test_intern_is_one_object():
    got = run_threads(lambda i: [t.interned() for _ in range(1000)])
    first = got[0][0]
    assert first == "pyroxide-free-threaded"
    assert all(x is first for per_thread in got for x in per_thread)


def test_lazy_type_object_is_created_once():
    made = run_threads(lambda i: t.make_lazy(i))
    assert [m.value for m in made] == list(range(THREADS))
    assert len({type(m) for m in made}) == 1
    assert type(made[0]).__name__ == "LazyType"


def test_module_functions_add_up():
    def work(i):
        total = 0

        def step():
            nonlocal total
            total = t.add(total, 1)

        n = until_budget(step)
        assert total == n
        return n

    assert all(n > 0 for n in run_threads(work))
    with pytest.raises(OverflowError, match="overflow"):
        t.add(2**64 - 1, 1)
