"""Panic containment, one test per trampoline kind (tests/ext/src/test_reliability.rs): a
panic becomes `PanicException` (or an unraisable report where nothing can be raised), the
next call succeeds, and a panic whose payload panics on drop aborts the process (SIGABRT)
rather than unwinding into C."""

import gc
import os
import signal
import subprocess
import sys

import pytest

ext = pytest.importorskip("pyroxide_ext")
rel = ext.reliability
Fragile = rel.Fragile
PanicException = pytest.importorskip("pyroxide_runtime").PanicException

OPS = {
    "method": lambda o: o.method(1),
    "getter": lambda o: o.value,
    "setter": lambda o: setattr(o, "value", 5),
    "repr": repr,
    "hash": hash,
    "richcmp": lambda o: o < 3,
    "iter": iter,
    "next": next,
    "len": len,
    "getitem": lambda o: o[2],
    "call": lambda o: o(1, 2),
    "add": lambda o: o + 1,
}
EXPECTED = {
    "method": 4, "getter": 3, "setter": None, "repr": "Fragile(3)", "hash": 3, "richcmp": False,
    "next": 3, "len": 3, "getitem": 6, "call": 2, "add": 4,
}


@pytest.mark.parametrize("kind", OPS)
def test_panic_in_slot(kind):
    obj = Fragile(f"panic:{kind}", 3)
    with pytest.raises(PanicException) as info:
        OPS[kind](obj)
    assert str(info.value) == f"{kind} panicked"
    assert not isinstance(info.value, Exception)
    # The object is not left borrowed, and the next call succeeds.
    obj.mode = ""
    result = OPS[kind](obj)
    if kind == "iter":
        assert result is obj
    else:
        assert result == EXPECTED[kind]


@pytest.mark.parametrize("kind", OPS)
def test_error_in_slot(kind):
    obj = Fragile(f"raise:{kind}", 3)
    with pytest.raises(ValueError, match=f"^{kind} raised$"):
        OPS[kind](obj)
    obj.mode = ""
    OPS[kind](obj)


@pytest.mark.parametrize("kind", ["new", "init"])
def test_panic_in_constructor(kind):
    with pytest.raises(PanicException, match=f"^{kind} panicked$"):
        Fragile(f"panic:{kind}", 1)
    with pytest.raises(ValueError, match=f"^{kind} raised$"):
        Fragile(f"raise:{kind}", 1)
    assert Fragile("", 1).method(1) == 2


def test_panic_in_function():
    with pytest.raises(PanicException, match="^boom$"):
        ext.functions.panics("boom")
    assert ext.functions.add(1, 2) == 3


def test_panic_in_closure():
    import pyroxide_ext

    adder = pyroxide_ext.functions.closure_adder(1)
    assert adder(2) == 3
    with pytest.raises(TypeError):
        adder("x")


@pytest.fixture
def unraisable():
    seen = []
    old = sys.unraisablehook
    sys.unraisablehook = lambda u: seen.append((type(u.exc_value), str(u.exc_value)))
    try:
        yield seen
    finally:
        sys.unraisablehook = old


@pytest.mark.skipif(
    sys.implementation.name in ("pypy", "graalpy"),
    reason="PyPy and GraalPy free objects when their own GC runs, not at gc.collect()",
)
def test_panic_in_drop_is_unraisable(unraisable):
    obj = Fragile("panic:drop", 1)
    del obj
    gc.collect()
    assert unraisable == [(PanicException, "drop panicked")]
    assert Fragile("", 1).method(1) == 2


@pytest.mark.skipif(sys.implementation.name == "pypy", reason="PyPy has no tp_traverse calls")
def test_panic_in_traverse_is_reported(capfd):
    payload = [1]
    obj = Fragile("panic:traverse", 0, payload)
    # GraalPy's `gc.get_referents` does not call tp_traverse (it answers `[]`); its collector does.
    referents = sys.implementation.name != "graalpy"
    # The collector calls tp_traverse, which may not raise: the panic is caught and reported.
    if referents:
        assert gc.get_referents(obj) == [type(obj)]
    gc.collect()
    err = capfd.readouterr().err
    assert "a panic in __traverse__ of Fragile was caught" in err
    obj.mode = ""
    if referents:
        assert payload in gc.get_referents(obj)


def test_panic_payload_kinds():
    # A payload that is neither &str nor String still becomes a PanicException.
    with pytest.raises(PanicException, match="^panic from Rust code$"):
        rel.panic_bomb(0)


def run_child(code):
    env = dict(os.environ, RUST_BACKTRACE="0")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)


def test_payload_panicking_on_drop_once_is_contained():
    proc = run_child(
        "import pyroxide_ext as e\n"
        "try:\n e.reliability.panic_bomb(1)\nexcept BaseException as x:\n print(type(x).__name__, x)\n"
        "print(e.functions.add(1, 2))\n"
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "3"


@pytest.mark.skipif(sys.platform == "win32", reason="signals")
def test_payload_panicking_on_drop_forever_aborts():
    proc = run_child("import pyroxide_ext as e\ne.reliability.panic_bomb(1000)\n")
    assert proc.returncode == -signal.SIGABRT, (proc.returncode, proc.stderr[-2000:])
    assert "aborting" in proc.stderr
