"""Adversarial inputs to conversions and wrappers (tests/ext/src/test_conversions.rs and
test_reliability.rs): each case asserts the exception type and its message. As in PyO3 0.30,
an exception raised while extracting an argument (`TypeError`, `OverflowError`, `ValueError`,
errors raised by the object's own dunders) passes through unchanged, with the note
`while processing 'x'` naming the argument."""

import collections
import collections.abc
import contextlib
import os
import re
import subprocess
import sys

import pytest

ext = pytest.importorskip("pyroxide_ext")
c = ext.conversions
rel = ext.reliability

PYPY = sys.implementation.name == "pypy"
GRAALPY = sys.implementation.name == "graalpy"
# `cargo xtask ext` names the modules whose stable-ABI (abi3-py39) build is first on the path.
ABI3 = "pyroxide_ext" in os.environ.get("PYROXIDE_EXPECT_ABI3", "").split(",")
SIGNED = {"i8": 8, "i16": 16, "i32": 32, "i64": 64, "i128": 128, "isize": 64}
UNSIGNED = {"u8": 8, "u16": 16, "u32": 32, "u64": 64, "u128": 128, "usize": 64}
# Ours ("out of range ...", for values a 64-bit int holds) or the interpreter's own messages for
# an int that does not fit: the wording varies by version, PyPy has its own ("integer too
# large", "cannot convert negative integer to unsigned int") and so has GraalPy's
# `PyLong_AsUnsignedLongLong` ("can't convert negative value to unsigned int").
OVERFLOW = r"out of range integral type conversion attempted|int too (big|large) to convert|" \
    r"can't convert negative (int|value) to unsigned|Python int too large|too large to convert|" \
    r"^integer too large$|^cannot convert negative integer to unsigned"
OUT_OF_RANGE = "^out of range integral type conversion attempted$"


def fn(name):
    return getattr(c, f"rt_{name}")


@contextlib.contextmanager
def argument_error(kind, match=None, name="x"):
    """`pytest.raises(kind)` whose message (`str()`, without the notes, which pytest's own
    `match` appends) matches `match`, and whose notes are the one naming argument `name`."""
    with pytest.raises(kind) as info:
        yield info
    assert type(info.value) is kind
    if match is not None:
        assert re.search(match, str(info.value)), (match, str(info.value))
    assert info.value.__notes__ == [f"while processing '{name}'"]


@pytest.mark.parametrize("name,bits", SIGNED.items())
def test_signed_bounds(name, bits):
    lo, hi = -(2 ** (bits - 1)), 2 ** (bits - 1) - 1
    assert fn(name)(lo) == lo
    assert fn(name)(hi) == hi
    assert fn(name)(-1) == -1
    for bad in (lo - 1, hi + 1, 2**128, -(2**128)):
        with argument_error(OverflowError, match=OVERFLOW):
            fn(name)(bad)
    if bits < 64:
        for bad in (lo - 1, hi + 1):
            with argument_error(OverflowError, match=OUT_OF_RANGE):
                fn(name)(bad)
    if not (PYPY or GRAALPY):
        # PyO3's words on CPython: `PyLong_AsLong`'s for the widths a C `long` holds, and
        # `_PyLong_AsByteArray`'s (as on CPython 3.11) for 128 bits.
        too_big = "^int too big to convert$" if bits == 128 else "^Python int too large to convert to C long$"
        for bad in (2**128, -(2**128)):
            with argument_error(OverflowError, match=too_big):
                fn(name)(bad)


@pytest.mark.parametrize("name,bits", UNSIGNED.items())
def test_unsigned_bounds(name, bits):
    hi = 2**bits - 1
    assert fn(name)(hi) == hi
    assert fn(name)(0) == 0
    for bad in (-1, hi + 1, 2**128):
        with argument_error(OverflowError, match=OVERFLOW):
            fn(name)(bad)
    if bits < 64:
        # Read as a 64-bit signed value, then narrowed (as in PyO3): -1 is out of range like
        # any other value the type lacks.
        for bad in (-1, hi + 1):
            with argument_error(OverflowError, match=OUT_OF_RANGE):
                fn(name)(bad)
        if not (PYPY or GRAALPY):
            with argument_error(OverflowError, match="^Python int too large to convert to C long$"):
                fn(name)(2**128)
    elif not (PYPY or GRAALPY):
        # `PyLong_AsUnsignedLongLong`'s words, and the same for 128 bits.
        with argument_error(OverflowError, match="^int too big to convert$"):
            fn(name)(2**128)
        with argument_error(OverflowError, match="^can't convert negative int to unsigned$"):
            fn(name)(-1)


class IndexRaises:
    def __index__(self):
        raise ZeroDivisionError("from __index__")


class IndexNotInt:
    def __index__(self):
        return "seven"


class IndexSeven:
    def __index__(self):
        return 7


@pytest.mark.parametrize("name", [*SIGNED, *UNSIGNED])
def test_int_from_odd_objects(name):
    f = fn(name)
    # bool is an int subclass: accepted, as by PyO3.
    assert f(True) == 1 and f(False) == 0
    assert f(IndexSeven()) == 7
    with argument_error(ZeroDivisionError, match="^from __index__$"):
        f(IndexRaises())
    # The interpreter's wording (3.15 words it anew).
    not_int = r"(__index__ returned non-int \(type str\)|.*__index__\(\) must return an int, not str)"
    with argument_error(TypeError, match=rf"^{not_int}"):
        f(IndexNotInt())
    for value, type_name in ((1.5, "float"), ("3", "str"), (None, "NoneType")):
        with argument_error(TypeError) as info:
            f(value)
        assert str(info.value) == f"'{type_name}' object cannot be interpreted as an integer"


def test_floats():
    nan = c.rt_f32(float("nan"))
    assert nan != nan
    assert c.rt_f32(float("inf")) == float("inf")
    assert c.rt_f32(float("-inf")) == float("-inf")
    # f32 narrows like a C cast: out-of-range finite values become infinities.
    assert c.rt_f32(1e300) == float("inf")
    assert c.rt_f64(1e300) == 1e300
    assert c.rt_f64(3) == 3.0
    with pytest.raises(OverflowError, match="int too large to convert to float"):
        c.rt_f64(2**1100)
    with argument_error(TypeError, match=r"^must be real number, not str$"):
        c.rt_f64("1.0")


@pytest.mark.parametrize("name", ["string", "str", "cow_str", "cstring", "char"])
def test_lone_surrogates(name):
    if name == "str" and ABI3:
        # `&str` parameters need the full API or the limited API of 3.10+ (as in PyO3): the
        # stable-ABI build for 3.9 leaves `rt_str` out.
        assert not hasattr(c, "rt_str")
        pytest.skip("no &str parameters in the abi3-py39 build")
    with argument_error(UnicodeEncodeError, match="surrogates not allowed"):
        fn(name)("\ud800")


def test_strings():
    assert c.rt_string("a\0b") == "a\0b"
    # As in PyO3, `CString` is `&CStr` (checked by `CStr::from_bytes_with_nul`) where the
    # string's UTF-8 buffer is reachable, and `CString::new` (a `NulError`) under the limited
    # API before 3.10: the same ValueError, in the words of each Rust error.
    if ABI3:
        nul = "^nul byte found in provided data at position: 1$"
    else:
        nul = "^data provided contains an interior nul byte at byte position 1$"
    with argument_error(ValueError, match=nul):
        c.rt_cstring("a\0b")
    with argument_error(ValueError, match="^expected a string of length 1$"):
        c.rt_char("ab")
    with argument_error(TypeError, match=r"^'bytes' object is not an instance of 'str'$"):
        c.rt_string(b"x")
    with argument_error(TypeError, match=r"^'None' is not an instance of 'str'$"):
        c.rt_string(None)


def test_paths():
    import pathlib

    # Rust paths may hold NUL (std::fs refuses them later), as with PyO3.
    assert c.rt_path("a\0b") == pathlib.Path("a\0b")
    if not PYPY:
        # surrogateescape: undecodable bytes survive a round trip.
        assert c.rt_osstring("\udcff") == "\udcff"
        assert c.rt_path("a\udcff") == pathlib.Path("a\udcff")
    # GraalPy's UTF-8 codec words the error its own way ("... can't encode character '\ud800'
    # in position 0: malformed input").
    unencodable = "malformed input" if GRAALPY else "surrogates not allowed"
    with argument_error(UnicodeEncodeError, match=unencodable):
        c.rt_path("\ud800")
    with argument_error(TypeError, match=r"^expected str, bytes or os.PathLike object, not list$"):
        c.rt_path([])


def test_sequences():
    with argument_error(TypeError, match=r"^Can't extract `str` to `Vec`$"):
        c.rt_vec("abc")
    with argument_error(TypeError, match=r"^'str' object cannot be interpreted as an integer$"):
        c.rt_vec([1, "2"])
    with argument_error(ValueError, match=r"^expected a sequence of length 3 \(got 2\)$"):
        c.rt_array([1, 2])
    with argument_error(ValueError, match="^expected tuple of length 3, but got tuple of length 2$"):
        c.rt_tuple((1, "a"))


class RaisingHalfway(collections.abc.Sequence):
    """A sequence whose iterator raises after two items."""

    def __init__(self, exc):
        self.exc = exc

    def __len__(self):
        return 3

    def __getitem__(self, i):
        return [1, 2, 3][i]

    def __iter__(self):
        yield 1
        yield 2
        raise self.exc


def test_iteration_raising_halfway():
    with argument_error(RuntimeError, match="^halfway$"):
        c.rt_vec(RaisingHalfway(RuntimeError("halfway")))
    with argument_error(TypeError, match="^halfway$"):
        c.rt_vec(RaisingHalfway(TypeError("halfway")))


def test_vec_wants_a_sequence():
    # As in PyO3: only `collections.abc.Sequence`s become a `Vec`; other iterables are refused
    # before anything is iterated.
    def gen():
        yield 1

    for value in [{1, 2}, {1: 2}, gen(), iter([1])]:
        name = type(value).__name__
        with argument_error(TypeError, match=rf"^'{name}' object is not an instance of 'Sequence'$"):
            c.rt_vec(value)
    assert c.rt_vec(range(3)) == [0, 1, 2]
    assert c.rt_vec(collections.UserList([4, 5])) == [4, 5]


class LyingLen(collections.abc.Sequence):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return [1, 2, 3][i]

    def __iter__(self):
        return iter([1, 2, 3])


@pytest.mark.parametrize("n", [0, 1, 2**31, 2**40, 2**62, 2**63 - 1])
def test_lying_len(n):
    # The length is a capacity hint only: a huge one used to abort on the allocation.
    assert c.rt_vec(LyingLen(n)) == [1, 2, 3]


def test_len_raising():
    assert c.rt_vec(LyingLen(-1)) == [1, 2, 3]


class Mutator:
    """Changes the dict (or set) it is a value of while it is extracted."""

    def __init__(self, target):
        self.target = target

    def __index__(self):
        if isinstance(self.target, dict):
            self.target[object()] = 1
        else:
            self.target.add(object())
        return 1

    def __hash__(self):
        return 1


def test_dict_mutated_during_extraction():
    d = {"a": 1}
    d["b"] = Mutator(d)
    d["c"] = 3
    with argument_error(RuntimeError, match="^dictionary changed size during iteration$"):
        c.rt_hashmap(d)
    d = {1: "x"}
    d[2] = "y"
    # BTreeMap<i64, String>: keys extracted through __index__ of a mutating key.
    key = Mutator(None)
    key.target = d
    d[key] = "z"
    with argument_error(RuntimeError, match="^dictionary changed size during iteration$"):
        c.rt_btreemap(d)


def test_set_mutated_during_extraction():
    s = {1, 2}
    s.add(Mutator(s))
    # The set iterator's own message: CPython capitalises it, PyPy does not.
    with argument_error(RuntimeError, match="^[Ss]et changed size during iteration$"):
        c.rt_hashset(s)


class EqRaises(str):
    def __hash__(self):
        return 1

    def __eq__(self, other):
        raise RuntimeError("from __eq__")


def test_hash_and_eq_raising():
    # Rust hashes the extracted String: Python's __hash__/__eq__ are not called.
    assert c.rt_hashmap({EqRaises("a"): 1}) == {"a": 1}
    assert c.rt_hashset({2, 3}) == {2, 3}


def nested(depth):
    x = 1
    for _ in range(depth):
        x = [x]
    return x


def test_deep_nesting_is_a_recursion_error():
    assert c.tree_depth(nested(50)) == (50, 1)
    # 3.14+ measure the C stack: "Stack overflow (used … kB) while extracting a Vec".
    with pytest.raises(RecursionError, match="^(maximum recursion depth exceeded|Stack overflow)"):
        c.tree_depth(nested(100_000))
    # And the interpreter is fine afterwards.
    assert c.tree_depth([1, [2, 3]]) == (2, 6)


def test_deep_nesting_on_a_thread():
    import threading

    result = []
    def run():
        with pytest.raises(RecursionError):
            c.tree_depth(nested(100_000))
        result.append(True)

    t = threading.Thread(target=run)
    t.start()
    t.join()
    assert len(result) == 1


def test_wrong_receivers():
    counter = ext.classes.Counter(0)
    # The method descriptor's own check refuses the receiver before our code runs; PyPy words it
    # differently from CPython, and GraalPy (25.2) names the class's metaclass (`'type'
    # objects`) where CPython names the class.
    if PYPY:
        wrong = r"^descriptor 'method' requires a '{}' object but received a '{}'$"
    elif GRAALPY:
        wrong = r"^descriptor 'method' for 'type' objects doesn't apply to a '(?:[\w.]+\.)?{1}' object$"
    else:
        wrong = r"^descriptor 'method' for '(?:[\w.]+\.)?{}' objects doesn't apply to a '(?:[\w.]+\.)?{}' object$"
    with pytest.raises(TypeError, match=wrong.format("Fragile", "Counter")):
        rel.Fragile.method(counter, 1)
    other = rel.other.Fragile()
    assert type(other).__name__ == "Fragile"
    with pytest.raises(TypeError, match=wrong.format("Fragile", "Fragile")):
        rel.Fragile.method(other, 1)
    with pytest.raises(TypeError):
        rel.Fragile.value.__get__(other)
    with pytest.raises(TypeError):
        rel.Fragile.value.__set__(other, 1)
    with pytest.raises(TypeError):
        rel.Fragile.__repr__(other)
    if PYPY:
        # PyPy's slot wrapper does not check the receiver: the number slot itself sees a
        # foreign left operand and declines, as for `counter + fragile`.
        assert rel.Fragile.__add__(counter, 1) is NotImplemented
    else:
        with pytest.raises(TypeError):
            rel.Fragile.__add__(counter, 1)
    assert rel.Fragile("", 1).method(1) == 2


def test_reentrant_calls_are_borrow_errors():
    obj = rel.Fragile("", 0)
    shared = "^Already mutably borrowed$"  # a `&self` call while a `&mut self` one runs
    exclusive = "^Already borrowed$"  # a `&mut self` call while any other runs
    with pytest.raises(RuntimeError, match=shared):
        obj.reenter_mut(lambda: obj.method(1))
    with pytest.raises(RuntimeError, match=exclusive):
        obj.reenter_mut(lambda: obj.reenter_mut(lambda: None))
    with pytest.raises(RuntimeError, match=shared):
        obj.reenter_mut(lambda: repr(obj))
    with pytest.raises(RuntimeError, match=shared):
        obj.reenter_mut(lambda: obj.value)
    with pytest.raises(RuntimeError, match=exclusive):
        obj.reenter_mut(lambda: setattr(obj, "mode", ""))
    # Shared borrows nest; a mutable borrow inside a shared one fails.
    counter = ext.classes.Counter(0)
    assert counter.reenter(lambda: counter.pair()) == (0, 1)
    with pytest.raises(RuntimeError, match=exclusive):
        counter.reenter(lambda: counter.incr())
    assert obj.bump() == 6
