"""Hypothesis fuzzing of every function exported by `pyroxide_ext.conversions` and
`pyroxide_ext.functions` (tests/ext/src/test_conversions.rs, test_functions.rs): random values
(ints of any size and bool, floats with nan/inf, text with lone surrogates and NUL, bytes, None,
nested lists/tuples/dicts/sets, objects whose dunders raise or lie) as 0-3 positional arguments.
Each call must return a value or raise one of the exceptions the functions document; a
`PanicException`, a `SystemError`, any other exception or a crash is a failure.

The example count per function is `PYROXIDE_FUZZ_EXAMPLES` (default 150, about 15 s in all on
CPython 3.11); the run is derandomized, so CI sees the same examples every time."""

import datetime
import inspect
import ipaddress
import os

import pytest

hypothesis = pytest.importorskip("hypothesis")
ext = pytest.importorskip("pyroxide_ext")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

EXAMPLES = int(os.environ.get("PYROXIDE_FUZZ_EXAMPLES", "150"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)

# What argument extraction and the functions document: a wrong type or arity (TypeError), an
# int out of range (OverflowError), a bad value (ValueError, with UnicodeEncodeError for lone
# surrogates, a zero NonZero, a NUL in a CString, a wrong length, `parse`/`fails`), a container
# changed during iteration (RuntimeError) or nested too deep (RecursionError, a RuntimeError),
# and `closure_adder`'s closure called without arguments (IndexError). `Boom` is what the test
# objects' own dunders raise; it passes through unchanged.
DOCUMENTED = (TypeError, ValueError, OverflowError, RuntimeError, IndexError)


class Boom(Exception):
    """Raised by the hostile dunders below."""


class IndexRaises:
    def __index__(self):
        raise Boom("__index__")


class IndexNotInt:
    def __index__(self):
        return "seven"


class IndexHuge:
    def __index__(self):
        return 2**200


class FloatRaises:
    def __float__(self):
        raise Boom("__float__")


class LyingLen:
    """Iterable of three ints whose `__len__` returns anything (or raises)."""

    def __init__(self, n):
        self.n = n

    def __len__(self):
        if self.n is None:
            raise Boom("__len__")
        return self.n

    def __iter__(self):
        return iter([1, 2, 3])


class ListLyingLen(list):
    """A list subclass whose `__len__` lies, so length-first extraction paths see it."""

    def __init__(self, items, n):
        super().__init__(items)
        self.n = n

    def __len__(self):
        return self.n


class IterRaises:
    def __len__(self):
        return 2

    def __iter__(self):
        yield 1
        raise Boom("__iter__")

    def __getitem__(self, i):
        raise Boom("__getitem__")


class HashRaises:
    def __hash__(self):
        raise Boom("__hash__")


class EqRaises(str):
    def __hash__(self):
        return 1

    def __eq__(self, other):
        raise Boom("__eq__")


class FspathRaises:
    def __fspath__(self):
        raise Boom("__fspath__")


class PackedRaises:
    @property
    def packed(self):
        raise Boom("packed")


def raising_generator():
    yield 1
    yield 2
    raise Boom("generator")


BOUNDARIES = [
    sign * 2**bits + delta for bits in (7, 8, 15, 16, 31, 32, 63, 64, 127, 128) for sign in (1, -1)
    for delta in (-1, 0, 1)
]
SURROGATE_TEXT = st.text(alphabet=st.sampled_from(["\ud800", "\udcff", "\udfff", "\0", "a", "é", "1"]))
HASHABLE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from(BOUNDARIES),
    st.floats(),
    st.text(),
    SURROGATE_TEXT,
    st.binary(),
)
HOSTILE = st.one_of(
    st.builds(IndexRaises),
    st.builds(IndexNotInt),
    st.builds(IndexHuge),
    st.builds(FloatRaises),
    st.builds(LyingLen, st.one_of(st.none(), st.integers(-1, 2**63 - 1))),
    st.builds(ListLyingLen, st.lists(st.integers(), max_size=3), st.integers(0, 2**63 - 1)),
    st.builds(IterRaises),
    st.builds(HashRaises),
    st.builds(EqRaises, st.text(max_size=3)),
    st.builds(FspathRaises),
    st.builds(PackedRaises),
    st.builds(raising_generator),
    st.builds(bytearray, st.binary(max_size=8)),
    st.builds(lambda s: iter(s), st.lists(st.integers(), max_size=4)),
    st.timedeltas(),
    st.sampled_from([ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("::1")]),
    st.sampled_from([datetime.timedelta(0), datetime.timedelta(days=-1)]),
)
# Well-typed values for the conversions, so that success paths are reached too.
TYPED = st.one_of(
    st.lists(st.integers(-(2**70), 2**70), max_size=4),
    st.lists(st.text(max_size=4), max_size=4),
    st.lists(st.lists(st.integers(-9, 9), max_size=3), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=3),
    st.dictionaries(st.integers(), st.text(max_size=4), max_size=3),
    st.sets(st.integers(), max_size=4),
    st.frozensets(st.text(max_size=4), max_size=4),
    st.tuples(st.integers(), st.text(), st.floats()),
    st.sampled_from(["127.0.0.1", "::1", "1.2.3", "", "/tmp/x", "12", "-3", " 7"]),
)
NESTED = st.recursive(
    st.one_of(HASHABLE, HOSTILE),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.tuples(children, children, children),
        st.lists(children, max_size=4).map(tuple),
        st.dictionaries(HASHABLE, children, max_size=3),
        st.sets(HASHABLE, max_size=4),
        st.frozensets(HASHABLE, max_size=4),
    ),
    max_leaves=6,
)
# One of these kinds, weighted (a plain `one_of` would flatten them into equal branches).
KINDS = [HASHABLE, HASHABLE, HASHABLE, HASHABLE, TYPED, TYPED, HOSTILE, NESTED]
VALUES = st.integers(0, len(KINDS) - 1).flatmap(KINDS.__getitem__)


def arguments(function):
    """0-3 positional arguments, mostly as many as `function` takes without defaults."""
    try:
        parameters = inspect.signature(function).parameters.values()
        arity = sum(p.default is p.empty and p.kind in POSITIONAL for p in parameters)
    except (TypeError, ValueError):
        arity = 1
    exact = st.lists(VALUES, min_size=min(arity, 3), max_size=min(arity, 3))
    return st.one_of(exact, exact, exact, st.lists(VALUES, max_size=3))


POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)


def exported(module):
    """The callables a module exports (its functions; not its submodules or dunders)."""
    return {
        name: getattr(module, name)
        for name in dir(module)
        if not name.startswith("_") and callable(getattr(module, name))
        and not isinstance(getattr(module, name), type)
    }


FUNCTIONS = {f"conversions.{k}": v for k, v in exported(ext.conversions).items()}
FUNCTIONS.update({f"functions.{k}": v for k, v in exported(ext.functions).items()})
# The closure `closure_adder` returns is a function too.
FUNCTIONS["functions.closure_adder(1)"] = ext.functions.closure_adder(1)


def test_every_function_is_fuzzed():
    # 39 conversions and 22 functions (with `renamed`), plus the closure; the abi3-py39 build
    # has no `rt_str` nor `defaults_shown` (`&str` arguments need 3.10's limited API, as in
    # PyO3).
    abi3 = "pyroxide_ext" in os.environ.get("PYROXIDE_EXPECT_ABI3", "").split(",")
    assert ("conversions.rt_str" in FUNCTIONS) != abi3
    assert ("functions.defaults_shown" in FUNCTIONS) != abi3
    assert len(FUNCTIONS) == (60 if abi3 else 62), sorted(FUNCTIONS)
    assert "functions.panics" in FUNCTIONS and "conversions.tree_depth" in FUNCTIONS


INTEGER_RANGES = {
    **{f"rt_i{bits}": (-(2 ** (bits - 1)), 2 ** (bits - 1) - 1) for bits in (8, 16, 32, 64, 128)},
    **{f"rt_u{bits}": (0, 2**bits - 1) for bits in (8, 16, 32, 64, 128)},
    "rt_isize": (-(2**63), 2**63 - 1), "rt_usize": (0, 2**64 - 1),
    "rt_nonzero_i64": (-(2**63), 2**63 - 1), "rt_nonzero_u32": (1, 2**32 - 1),
}


def integer_expectation(name, args):
    """For an integer conversion given one `int` or `bool`: the exception it must raise, or
    None when it must return the value."""
    bounds = INTEGER_RANGES.get(name.split(".")[1])
    if bounds is None or len(args) != 1 or type(args[0]) not in (int, bool):
        return False
    if args[0] == 0 and "nonzero" in name:
        return ValueError
    return None if bounds[0] <= args[0] <= bounds[1] else OverflowError


def check_result(name, args, result):
    """What a successful call must have returned, where the function makes that exact."""
    short = name.split(".")[1]
    if short in ("identity", "renamed"):
        assert result is args[0]
    elif short == "noop":
        assert result is None
    elif short == "add":
        assert result == (args[0] + args[1] + 2**63) % 2**64 - 2**63  # i64, wrapping in release
    elif short in ("rt_string", "rt_str", "rt_cow_str") and type(args[0]) is str:
        assert result == args[0]
    elif short in INTEGER_RANGES and type(args[0]) in (int, bool):
        assert result == args[0] and type(result) is int
    elif short == "rt_bool" and type(args[0]) is bool:
        assert result is args[0]
    elif short == "str_len" and type(args[0]) is str:
        assert result == len(args[0])


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
# `functions.warns*` warn at each call (their warnings are tested in test_functions.py).
@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning", "ignore::FutureWarning")
def test_fuzz(name):
    function = FUNCTIONS[name]

    @SETTINGS
    @given(args=arguments(function))
    def run(args):
        if name == "functions.make_dict" and args and type(args[0]) is int and 1000 < args[0] < 2**32:
            args[0] %= 1000  # a valid but huge `n` builds billions of entries
        expected = integer_expectation(name, args)
        try:
            result = function(*args)
        except (*DOCUMENTED, Boom) as error:
            if expected is not False:
                assert type(error) is expected, f"{name}{tuple(args)!r} raised {error!r}"
            return
        except BaseException as error:
            if name == "functions.panics" and type(error).__name__ == "PanicException":
                assert len(args) == 1 and isinstance(args[0], str)
                return
            raise AssertionError(f"{name}{tuple(args)!r} raised {type(error).__name__}: {error}")
        assert expected in (None, False), f"{name}{tuple(args)!r} returned {result!r}"
        check_result(name, args, result)

    run()
