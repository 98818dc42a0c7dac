"""Parameters borrowing a `#[pyclass]`, `#[new]` with `#[classmethod]`, repetition counts and
class names in argument errors, from Python (tests/ext/src/test_class_args.rs)."""

import contextlib
import re

import pytest

ext = pytest.importorskip("pyroxide_ext")
m = ext.class_args


@contextlib.contextmanager
def raises(kind, match):
    """`pytest.raises` matching `str()` only: an argument's error also carries the note naming it
    (`while processing 'x'`), which pytest's own `match` would include."""
    with pytest.raises(kind) as info:
        yield info
    assert re.search(match, str(info.value)), str(info.value)


def test_class_references_in_methods_and_functions():
    a, b = m.Tally(2), m.Tally(5)
    a.add_from(b)
    assert (a.n, b.n) == (7, 5)
    a.give_to(b)
    assert b.n == 12
    assert a.or_minus_one(b) == 12 and a.or_minus_one(None) == -1 and a.or_minus_one() == -1
    assert m.total(a, b) == 20 and b.n == 13
    assert m.maybe_n(a) == 7 and m.maybe_n(None) is None and m.maybe_n() is None
    assert m.reset(b) and b.n == 0 and not m.reset(None)
    assert m.uses_a(m.A()) == 2 and m.A().m() == 1
    with raises(TypeError, r"'int' object is not an instance of 'Tally'$"):
        m.total(1, b)
    with raises(TypeError, r"'str' object is not an instance of 'Tally'$"):
        a.add_from("x")
    with raises(TypeError, r"'Tally' object is not an instance of 'A'$"):
        m.uses_a(a)


def test_conflicting_borrows_raise_runtime_error():
    t = m.Tally(1)
    with raises(RuntimeError, "^Already borrowed$"):
        t.give_to(t)
    with raises(RuntimeError, "^Already mutably borrowed$"):
        t.add_from(t)
    with raises(RuntimeError, "^Already borrowed$"):
        m.total(t, t)
    assert t.n == 1 and t.or_minus_one(t) == 1


def test_self_in_operators():
    assert m.Tally(3) == m.Tally(3) and m.Tally(3) != m.Tally(4)
    assert (m.Tally(3) == 3) is False
    assert (m.Tally(2) + m.Tally(3)).n == 5
    with raises(TypeError, "unsupported operand"):
        m.Tally(1) + 1
    t = m.Tally(5)
    t -= m.Tally(2)
    assert t.n == 3
    with raises(TypeError, "unsupported operand"):
        t -= 1
    assert m.Version(1) < m.Version(2) and m.Version(2) >= m.Version(2)
    assert (m.Version(1) == 1) is False
    with pytest.raises(TypeError):
        m.Version(1) < 1


def test_new_classmethod_receives_the_class():
    made = m.Made(5)
    assert (made.by, made.x) == ("Made", 5) and m.Made().x == 1

    class Sub(m.Made):
        pass

    s = Sub(x=2)
    assert type(s) is Sub and (s.by, s.x) == ("Sub", 2)


def test_repeat_count_is_extracted():
    s = m.Items([1, 2])
    assert (s * 2).items == [1, 2, 1, 2] and (2 * s).items == [1, 2, 1, 2]
    assert (s * 0).items == []
    # CPython's wording; PyPy says "cannot convert negative integer to unsigned int", GraalPy
    # "can't convert negative value to unsigned int".
    with raises(OverflowError, r"(can't|cannot) convert negative (int|integer|value) to unsigned( int)?$"):
        s * -1


def test_crate_option_on_the_methods_block():
    assert m.WithCrate().ok()


def test_argument_errors_name_the_python_class():
    with raises(TypeError, r"^Pt.__new__\(\) got an unexpected keyword argument 'z'$"):
        m.Pt(1, z=2)
    with raises(TypeError, r"^Pt.__new__\(\) missing 1 required positional argument: 'x'$"):
        m.Pt()
    with raises(TypeError, r"^Pt.sig\(\) missing 1 required positional argument: 'a'$"):
        m.Pt(1).sig()
    assert m.Pt(1).sig(2) == 3 and m.Pt.__name__ == "Pt"
