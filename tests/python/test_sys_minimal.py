"""Tests of `sys_minimal` (tests/ext-sys), the extension module written against the sys crates
alone: results, errors raised instead of crashes, module attributes and multi-phase init.

`cargo xtask ext` builds and installs the module into one venv per interpreter and sets
PYROXIDE_EXT_SUITE=1, which makes a missing module an error rather than a skip.
"""

import importlib.machinery
import importlib.util
import os
import platform
import re
import struct
import sys
from pathlib import Path

import pytest

if os.environ.get("PYROXIDE_EXT_SUITE"):
    import sys_minimal as _installed
else:
    _installed = pytest.importorskip("sys_minimal", reason="sys_minimal is not installed")

# maturin wraps an extension module in a package of the same name; test the extension itself.
m = getattr(_installed, "sys_minimal", _installed)

CPYTHON = platform.python_implementation() == "CPython"
# GraalPy words the errors that the interpreter itself raises (argument checks of METH_O and
# METH_FASTCALL, PyLong_AsLong's overflow) its own way; the module's own messages are the same.
GRAALPY = platform.python_implementation() == "GraalVM"
LONG_BITS = 8 * struct.calcsize("l")
LONG_MAX = 2 ** (LONG_BITS - 1) - 1
LONG_MIN = -LONG_MAX - 1


class MyInt(int):
    pass


class Index:
    """Not an int, though `PyLong_AsLong` would accept it through `__index__`."""

    def __index__(self):
        return 1


class Plain:
    pass


@pytest.mark.parametrize(
    "a, b, expected",
    [(2, 3, 5), (-7, 3, -4), (0, 0, 0), (True, 1, 2), (MyInt(40), 2, 42), (LONG_MAX, 0, LONG_MAX),
     (LONG_MIN, 0, LONG_MIN), (LONG_MAX, LONG_MIN, -1)],
)
def test_add(a, b, expected):
    result = m.add(a, b)
    assert result == expected
    assert type(result) is int


@pytest.mark.parametrize(
    "args, arg, type_name",
    [(("x", 1), "a", "str"), ((1, 2.5), "b", "float"), ((1, None), "b", "NoneType"),
     (([1], [2]), "a", "list"), ((Index(), 1), "a", "Index"), ((1, Plain()), "b", "Plain")],
)
def test_add_wrong_type_names_the_argument(args, arg, type_name):
    with pytest.raises(TypeError, match=rf"^add\(\) argument '{arg}' must be int, not {type_name}$"):
        m.add(*args)


@pytest.mark.parametrize("args", [(), (1,), (1, 2, 3)])
def test_add_wrong_arity(args):
    message = rf"^add\(\) takes exactly 2 arguments \({len(args)} given\)$"
    with pytest.raises(TypeError, match=message):
        m.add(*args)


def test_add_rejects_keywords():
    message = (r"^add\(\) got an unexpected keyword argument" if GRAALPY
               else r"add\(\) takes no keyword arguments")
    with pytest.raises(TypeError, match=message):
        m.add(a=1, b=2)


@pytest.mark.parametrize("args", [(LONG_MAX + 1, 0), (0, LONG_MIN - 1), (2**200, 1)])
def test_add_big_int_overflow_propagates(args):
    message = ("^Python int too large to convert to 8-byte C type$" if GRAALPY
               else "too large to convert to C long")
    with pytest.raises(OverflowError, match=message):
        m.add(*args)


@pytest.mark.parametrize("args", [(LONG_MAX, 1), (LONG_MIN, -1)])
def test_add_result_overflow(args):
    with pytest.raises(OverflowError, match=r"^add\(\) result does not fit in a C long$"):
        m.add(*args)


def test_module_usable_after_errors():
    for _ in range(1000):
        with pytest.raises(TypeError):
            m.add("a", 1)
        with pytest.raises(OverflowError):
            m.add(2**100, 1)
    assert m.add(1, 1) == 2


@pytest.mark.parametrize(
    "obj, expected",
    [(1, "int"), ("", "str"), (1.5, "float"), (None, "NoneType"), (int, "type"), (Plain(), "Plain"),
     (MyInt(1), "MyInt"), (m.add, "builtin_function_or_method")],
)
def test_type_name(obj, expected):
    assert m.type_name(obj) == expected


@pytest.mark.parametrize("args", [(), (1, 2)])
def test_type_name_wrong_arity(args):
    if GRAALPY:
        message = (r"^type_name\(\) missing 1 required positional argument: 'arg'$" if not args
                   else r"^type_name\(\) takes 1 positional argument but 2 were given$")
    else:
        message = r"type_name\(\) takes exactly one argument"
    with pytest.raises(TypeError, match=message):
        m.type_name(*args)


@pytest.mark.skipif(not CPYTHON, reason="reference counts are a CPython notion")
def test_no_reference_leaks_on_types():
    before = sys.getrefcount(Plain)
    for _ in range(1000):
        m.type_name(Plain())
        with pytest.raises(TypeError):
            m.add(Plain(), 1)
    assert sys.getrefcount(Plain) == before


def test_module_attributes():
    assert m.__name__ in ("sys_minimal", "sys_minimal.sys_minimal")  # the latter from maturin
    assert m.__doc__.startswith("A minimal extension module")
    cargo = (Path(__file__).parents[2] / "Cargo.toml").read_text()
    version = re.search(r'\[workspace\.package\][^\[]*?\nversion = "([^"]+)"', cargo).group(1)
    assert m.__version__ == version
    assert m.LONG_MAX == LONG_MAX
    assert m.add.__name__ == "add" and m.type_name.__name__ == "type_name"
    assert m.add.__module__ == m.__name__
    assert m.add.__doc__ == "The sum of two ints that fit in a C long."
    assert m.add.__text_signature__ == "(a, b, /)"


def test_built_for_this_interpreter():
    """The cfgs re-emitted by build.rs describe the interpreter that imported the module."""
    assert m.IMPLEMENTATION == platform.python_implementation()
    if m.LIMITED_API:
        # One abi3 build serves every newer interpreter; its cfgs stop at its minimum.
        assert m.PY_MINOR <= sys.version_info[1]
    else:
        assert m.PY_MINOR == sys.version_info[1]
        assert m.DEBUG_BUILD == int(hasattr(sys, "gettotalrefcount"))


def test_abi3_build_when_expected():
    """`cargo xtask ext` sets PYROXIDE_EXPECT_ABI3 when it puts the abi3 build first on the path."""
    expected = "sys_minimal" in os.environ.get("PYROXIDE_EXPECT_ABI3", "").split(",")
    assert bool(m.LIMITED_API) == expected
    if expected:
        assert m.__spec__.origin.endswith(".abi3.so")


def test_extension_module_file():
    spec = m.__spec__
    assert any(spec.origin.endswith(s) for s in importlib.machinery.EXTENSION_SUFFIXES)
    assert isinstance(spec.loader, importlib.machinery.ExtensionFileLoader)


def test_multi_phase_init_creates_independent_modules():
    """With PEP 489 each execution of the spec creates a new module object; a single-phase module
    would hand back the cached one."""
    spec = m.__spec__
    other = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(other)
    assert other is not m
    assert other.add(20, 22) == 42
    assert other.__version__ == m.__version__
    other.extra = 1
    assert not hasattr(m, "extra")
