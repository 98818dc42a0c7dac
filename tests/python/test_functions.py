"""`#[pyfunction]` from Python: calls, signatures, errors, panics (tests/ext/src/test_functions.rs)."""

import gc
import sys
import time

import pytest

ext = pytest.importorskip("pyroxide_ext")
f = ext.functions


def test_abi3_build_when_expected():
    """`cargo xtask ext` names the modules whose abi3 build it puts first on the path."""
    import os

    expected = "pyroxide_ext" in os.environ.get("PYROXIDE_EXPECT_ABI3", "").split(",")
    # maturin installs a package whose inner module is the extension; the abi3 leg puts the
    # bare extension first on the path.
    inner = getattr(ext, "pyroxide_ext", ext)
    assert inner.__spec__.origin.endswith(".abi3.so") == expected


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="checks CPython's import hooks")
def test_export_hooks():
    """Every module exports `PyInit_<name>`; built for CPython 3.15+ it also exports
    `PyModExport_<name>` (PEP 793), which 3.15 imports through (abi3 builds target an older
    version, so they keep `PyInit_` alone)."""
    import ctypes

    inner = getattr(ext, "pyroxide_ext", ext)
    origin = inner.__spec__.origin
    library = ctypes.CDLL(origin)
    assert hasattr(library, "PyInit_pyroxide_ext")
    expected = sys.version_info >= (3, 15) and not origin.endswith(".abi3.so")
    assert hasattr(library, "PyModExport_pyroxide_ext") == expected
    # A module made from the export hook's slots has no definition object.
    get_def = ctypes.pythonapi.PyModule_GetDef
    get_def.restype, get_def.argtypes = ctypes.c_void_p, [ctypes.py_object]
    assert (get_def(inner) is None) == expected


def test_calls():
    assert f.noop() is None
    sentinel = object()
    assert f.identity(sentinel) is sentinel
    assert f.add(2, 40) == 42
    assert f.add(b=2, a=40) == 42
    assert f.sum_list([1, 2, 3]) == 6
    assert f.sum_list((1, 2)) == 3
    assert f.str_len("héllo") == 5
    assert f.make_dict(3) == {"0": 0, "1": 1, "2": 2}
    assert f.converted(5) == 2.5
    assert f.renamed(7) == 7
    assert f.closure_adder(40)(2) == 42


def test_full_signature():
    assert f.full(1, d=True) == (1, 10, 3, 0, True, None, [])
    assert f.full(1, 2, 3, 4, 5, d=False, e=1.5, z=1, y=2) == (1, 2, 3, 2, False, 1.5, ["y", "z"])
    assert f.full(1, c=9, d=True) == (1, 10, 9, 0, True, None, [])
    # A positional-only name given by keyword lands in **kwargs, as in Python.
    assert f.full(1, a=5, d=True)[-1] == ["a"]
    assert f.keyword_only() is False
    assert f.keyword_only(flag=True) is True
    with pytest.raises(TypeError, match=r"keyword_only\(\) takes 0 positional arguments but 1 was given"):
        f.keyword_only(True)


def test_metadata():
    assert f.add.__name__ == "add"
    assert f.add.__doc__ == "Adds two integers."
    assert f.add.__text_signature__ == "(a, b)"
    assert f.noop.__text_signature__ == "()"
    assert f.identity.__text_signature__ == "(x, /)"
    assert f.full.__text_signature__ == "(a, b=10, /, c=3, *args, d, e=None, **kwargs)"
    assert f.keyword_only.__text_signature__ == "(*, flag=False)"
    assert f.renamed.__name__ == "renamed"
    assert f.renamed.__text_signature__ == "(value)"
    if sys.implementation.name == "cpython":
        assert repr(f.add) == "<built-in function add>"
    assert f.__doc__ == "`#[pyfunction]`s exercised by `test_functions.py`."
    assert f.nested.DEPTH == 2
    assert f.module_name().endswith("functions")
    # The module a `pass_module` function receives shows as `$module`, as in CPython's own
    # module functions; `inspect.signature` leaves it out.
    assert f.module_name.__text_signature__ == "($module)"
    # Defaults: literals as written in the Rust source, anything else (negative numbers too) as
    # `...`, as PyO3 shows them.
    if not hasattr(f, "defaults_shown"):  # the abi3-py39 build
        return
    assert f.defaults_shown.__text_signature__ == (
        "(a=..., b=2.5, s=\"hi\", r=r\"r\\aw\", c='c', t=True, n=None, v=...)"
    )
    assert f.defaults_shown() == (-1, 2.5, "hi", "r\\aw", "c", True, None, [])
    if sys.implementation.name == "cpython":
        import inspect

        assert str(inspect.signature(f.module_name)) == "()"
        assert str(inspect.signature(f.defaults_shown)).startswith("(a=Ellipsis, b=2.5, s='hi', r='r\\\\aw'")


def notes(exc):
    return getattr(exc, "__notes__", None)


def test_argument_errors():
    positional_only = "got some positional-only arguments passed as keyword arguments"
    cases = [
        (lambda: f.add(1), "add() missing 1 required positional argument: 'b'"),
        (lambda: f.add(), "add() missing 2 required positional arguments: 'a' and 'b'"),
        (lambda: f.add(1, 2, 3), "add() takes 2 positional arguments but 3 were given"),
        (lambda: f.add(1, 2, c=3), "add() got an unexpected keyword argument 'c'"),
        (lambda: f.add(1, a=3), "add() got multiple values for argument 'a'"),
        (lambda: f.full(d=True), "full() missing 1 required positional argument: 'a'"),
        (lambda: f.full(1), "full() missing 1 required keyword argument: 'd'"),
        (lambda: f.posonly_two(1, b=2), f"posonly_two() {positional_only}: 'b'"),
        (lambda: f.posonly_two(a=1, b=2), f"posonly_two() {positional_only}: 'a' and 'b'"),
        # In the order given; reported before the missing arguments.
        (lambda: f.posonly_three(c=3, a=1, d=4, b=2), f"posonly_three() {positional_only}: 'c', 'a', and 'b'"),
        (lambda: f.posonly_three(), "posonly_three() missing 3 required positional arguments: 'a', 'b', and 'c'"),
        (lambda: f.posonly_three(a=1, e=2), "posonly_three() got an unexpected keyword argument 'e'"),
        (lambda: f.identity(x=1), None),
    ]
    for call, message in cases:
        with pytest.raises(TypeError) as info:
            call()
        if message is not None:
            assert str(info.value) == message
        # Errors of the call's shape name no single argument.
        assert notes(info.value) is None


def test_extraction_errors_keep_the_exception_and_add_a_note():
    """PyO3 0.30: the extraction's own exception, unchanged, with the note `while processing
    'name'` (`BaseException.add_note`; before 3.11, where it is missing, `__notes__` is set the
    same way)."""
    cases = [
        (lambda: f.add(1, "x"), TypeError, "'str' object cannot be interpreted as an integer", "b"),
        (lambda: f.sum_list("abc"), TypeError, "Can't extract `str` to `Vec`", "values"),
        (lambda: f.sum_list([1, "2"]), TypeError, "'str' object cannot be interpreted as an integer", "values"),
        (lambda: f.initial("ab"), ValueError, "expected a string of length 1", "c"),
        (lambda: f.add(2**70, 1), OverflowError, None, "a"),
        (lambda: f.converted("x"), TypeError, None, "x"),
        (lambda: f.totals(1, "two"), TypeError, "'str' object cannot be interpreted as an integer", "args"),
        (lambda: f.totals(1, x=None), TypeError, "'NoneType' object cannot be interpreted as an integer", "kwargs"),
    ]
    for call, kind, message, name in cases:
        with pytest.raises(kind) as info:
            call()
        assert type(info.value) is kind
        if message is not None:
            assert str(info.value) == message
        assert notes(info.value) == [f"while processing '{name}'"]
    assert f.totals(1, 2, x=3) == 6
    if sys.implementation.name == "cpython":
        with pytest.raises(OverflowError) as info:
            f.add(1, 2**70)
        assert str(info.value) == "Python int too large to convert to C long"


class FloatRaises:
    def __init__(self, exc):
        self.exc = exc

    def __float__(self):
        raise self.exc


def test_argument_note_keeps_the_raised_object():
    # The very exception raised while converting: identity, cause and earlier notes kept.
    exc = KeyError("k")
    exc.__cause__ = ZeroDivisionError("z")
    exc.__notes__ = ["first"]
    with pytest.raises(KeyError) as info:
        f.converted(FloatRaises(exc))
    assert info.value is exc
    assert type(exc.__cause__) is ZeroDivisionError
    assert exc.__notes__ == ["first", "while processing 'x'"]
    # When the note cannot be added (`__notes__` is not a list), the error is raised as it was.
    exc = LookupError("l")
    exc.__notes__ = "not a list"
    with pytest.raises(LookupError) as info:
        f.converted(FloatRaises(exc))
    assert info.value is exc
    assert exc.__notes__ == "not a list"


def test_argument_note_without_add_note():
    """Where `BaseException.add_note` is missing (CPython before 3.11, some PyPy versions) the
    note is appended to `__notes__` by hand: the same list either way."""
    has_add_note = hasattr(BaseException, "add_note")
    if sys.implementation.name == "cpython":
        assert has_add_note == (sys.version_info >= (3, 11))
    with pytest.raises(TypeError) as info:
        f.add("x", 1)
    assert info.value.__notes__ == ["while processing 'a'"]
    assert type(info.value.__notes__) is list
    assert str(info.value) == "'str' object cannot be interpreted as an integer"


def test_errors_and_panics():
    with pytest.raises(ValueError, match="^bad$"):
        f.fails("bad")
    with pytest.raises(ValueError, match="invalid digit"):
        f.parse("x")
    assert f.parse("12") == 12
    with pytest.raises(BaseException) as info:
        f.panics("boom")
    assert type(info.value).__name__ == "PanicException"
    assert not isinstance(info.value, Exception)
    assert str(info.value) == "boom"
    from pyroxide_runtime import PanicException

    assert isinstance(info.value, PanicException)
    # The interpreter and the module stay usable.
    assert f.add(1, 1) == 2


@pytest.mark.skipif(not hasattr(sys, "getrefcount"), reason="no reference counts")
def test_no_reference_leaks():
    obj = object()
    before = sys.getrefcount(obj)
    for _ in range(1000):
        f.identity(obj)
        f.full(1, 2, 3, obj, obj, d=True, extra=obj)
        try:
            f.add(obj, 1)
        except TypeError:
            pass
    # GraalPy releases native handles when its Java GC runs, which `gc.collect()` only requests:
    # give it a few rounds (CPython and PyPy are settled after the first).
    for _ in range(20):
        gc.collect()
        if sys.getrefcount(obj) == before:
            break
        time.sleep(0.05)
    assert sys.getrefcount(obj) == before


def test_warn_option():
    import warnings

    with pytest.warns(DeprecationWarning, match=r"^warns\(\) is deprecated$") as record:
        assert f.warns() == 1
    # Reported in the caller's frame (stack level 1), like `warnings.warn` from Python code.
    assert record[0].filename == __file__
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        assert f.warns_twice(5) == 5
    assert [(w.category, str(w.message)) for w in record] == [(UserWarning, "first"), (FutureWarning, "second")]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(DeprecationWarning, match="deprecated"):
            f.warns()
        with pytest.raises(UserWarning, match="^first$"):
            f.warns_twice(5)
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        legacy = f.Legacy()
        assert legacy.method() == 2
        assert f.Legacy.make() == 3
    assert [(w.category, str(w.message)) for w in record] == [
        (DeprecationWarning, "Legacy is deprecated"),
        (UserWarning, "Legacy.method is deprecated"),
        (UserWarning, "Legacy.make is deprecated"),
    ]
