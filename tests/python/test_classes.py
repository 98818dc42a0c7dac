"""`#[pyclass]`/`#[pymethods]` from Python (tests/ext/src/test_classes.rs)."""

import gc
import sys
import sysconfig

import pytest

ext = pytest.importorskip("pyroxide_ext")
m = ext.classes


def test_construction_and_members():
    c = m.Counter(5, step=2)
    assert (c.count, c.step) == (5, 2)
    assert c.incr() == 7 and c.incr(by=3) == 10 and c.incr(None) == 12
    assert c.pair() == (12, 2)
    c.step = 4
    assert c.incr() == 16
    assert c.negative == -16
    c.negative = 3
    assert c.count == -3
    with pytest.raises(AttributeError):
        c.count = 1
    with pytest.raises(TypeError):
        c.step = "x"
    assert m.Counter.parse(" 42 ") == 42
    assert m.Counter.named() == "Counter" and c.named() == "Counter"
    assert m.Counter.MAX == 2**63 - 1
    assert repr(m.Counter()) == "Counter(count=0, step=1)"
    assert len(m.Counter(3)) == 3
    assert m.Counter(1) < m.Counter(2) and m.Counter(2) == m.Counter(2)
    assert (m.Counter(1) == "x") is False


def test_metadata():
    assert m.Counter.__name__ == "Counter"
    assert m.Counter.__module__ == "pyroxide_ext.classes"
    assert m.Counter.__doc__ == "A counter."
    # PyPy 7.3's method descriptors show neither the docstring nor the text signature of a
    # method whose doc starts with `name(sig)\n--\n\n` (functions are fine).
    if sys.implementation.name == "cpython":
        assert m.Counter.incr.__doc__ == "Adds the step (or `by`) and returns the count."
        assert m.Counter.incr.__text_signature__ == "($self, by=None)"
    assert type(m.Counter.count).__name__ == "getset_descriptor"
    # Attributes without a doc comment have no docstring.
    assert m.Counter.count.__doc__ is None and m.Counter.step.__doc__ is None


def test_str_format_by_position():
    assert str(m.Pair(1, 2)) == "Pair(1,   2)"


def test_attribute_deletion():
    c = m.Counter()
    # As PyO3 words it (Python's own properties add the names).
    with pytest.raises(AttributeError, match="^property has no deleter$"):
        del c.step
    with pytest.raises(AttributeError):
        del c.count


def test_argument_errors():
    with pytest.raises(TypeError, match=r"Counter.__new__\(\) takes from 0 to 1 positional arguments but 2 were given"):
        m.Counter(1, 2)
    # `#[new]`'s argument errors: the extraction's exception, with a note naming the argument.
    # (pytest's `match` would see the notes after the message.)
    with pytest.raises(TypeError) as info:
        m.Counter("a")
    assert str(info.value) == "'str' object cannot be interpreted as an integer"
    assert info.value.__notes__ == ["while processing 'start'"]
    with pytest.raises(OverflowError) as info:
        m.Counter(2**70)
    assert info.value.__notes__ == ["while processing 'start'"]
    with pytest.raises(TypeError, match=r"Counter.incr\(\) got an unexpected keyword argument 'step'"):
        m.Counter().incr(step=1)


def test_exceptions_and_panics():
    c = m.Counter()
    with pytest.raises(m.CounterError, match="^bad$"):
        c.fail("bad")
    assert issubclass(m.CounterError, Exception)
    with pytest.raises(m.CounterError, match="invalid digit"):
        m.Counter.parse("x")
    with pytest.raises(BaseException) as info:
        c.panic()
    assert type(info.value).__name__ == "PanicException"
    assert c.incr() == 1


def test_borrow_conflicts_raise():
    c = m.Counter()
    with pytest.raises(RuntimeError, match="Already borrowed"):
        c.reenter(lambda: c.incr())
    assert c.reenter(lambda: c.count) == 0


def test_subclasses():
    lc = m.LabeledCounter("x", 3)
    assert lc.label == "x" and lc.count == 3 and lc.incr() == 4 and lc.describe() == "x=4"
    assert isinstance(lc, m.Counter)

    class Py(m.Counter):
        def twice(self):
            return self.incr() * 2

    p = Py(1)
    assert p.twice() == 4 and Py.named() == "Py"


def test_iterator_value_type_and_enum():
    assert list(m.Countdown(3)) == [3, 2, 1]
    p = m.Point(1, 2)
    assert (p.x, p.y) == (1, 2) and str(p) == "(1, 2)"
    assert m.Point(1, 2) == m.Point(1, 2) and m.Point(1, 2) < m.Point(2, 0)
    assert len({m.Point(1, 2), m.Point(1, 2), m.Point(0, 0)}) == 2
    with pytest.raises(AttributeError):
        p.x = 5
    assert m.Color.Red == m.Color.Red and m.Color.Red != m.Color.Green
    assert m.Color.Blue == 10 and int(m.Color.Green) == 1
    assert repr(m.Color.Blue) == "Color.Blue"
    # `eq_int` without `ord`: no ordering.
    with pytest.raises(TypeError):
        m.Color.Red < m.Color.Green


def test_enum_ord_with_eq_int():
    low, high = m.Level.Low, m.Level.High
    # Between variants: the Rust `PartialOrd`; against ints: the value.
    assert low < high and not high < low and low <= low and high >= low
    assert low == -1 and high == 5 and low != high
    assert low < 0 and high > 0 and high >= 5 and not high < 5
    assert sorted([high, low]) == [low, high]
    assert hash(low) == hash(m.Level.Low)
    with pytest.raises(TypeError):
        low < "x"


@pytest.mark.skipif(not hasattr(sys, "getrefcount"), reason="no reference counts")
def test_no_leaks():
    obj = object()
    before = sys.getrefcount(obj)
    c = m.Counter()
    for _ in range(1000):
        c.reenter(lambda: obj)
        m.Counter(1) == m.Counter(2)
    gc.collect()
    assert sys.getrefcount(obj) == before


def test_freelist_reuse_gives_fresh_instances():
    # The types' counts are compared with a GIL only: free-threaded builds merge decrefs made by
    # other threads (earlier tests' threads used these classes too) whenever the owner gets to
    # it, which may be in the middle of this test.
    free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    refcounts = getattr(sys, "getrefcount", lambda _: None)
    if free_threaded:
        refcounts = lambda _: None  # noqa: E731
    counts = refcounts(m.Point), refcounts(m.Counter)

    class Sub(m.Counter):
        pass

    for i in range(300):
        points = [m.Point(i, j) for j in range(10)]
        assert [(p.x, p.y) for p in points] == [(i, j) for j in range(10)]
        counters = [m.Counter(j) for j in range(12)] + [Sub(j, step=3) for j in range(3)]
        assert [c.count for c in counters] == list(range(12)) + [0, 1, 2]
        assert [c.step for c in counters] == [1] * 12 + [3] * 3
        labeled = m.LabeledCounter("x", i)
        assert labeled.count == i
        del points, counters, labeled
    del Sub
    gc.collect()
    assert (refcounts(m.Point), refcounts(m.Counter)) == counts


def test_python_subclass_init_runs_after_rust_new():
    # `Counter(...)` may bypass `type.__call__` (vectorcall); a Python subclass must not.
    class Sub(m.Counter):
        def __init__(self, start=0, *, step=1):
            self.seen = (start, step)

    s = Sub(4, step=2)
    assert type(s) is Sub and s.seen == (4, 2) and (s.count, s.step) == (4, 2)
    c = m.Counter(4, step=2)
    assert type(c) is m.Counter and (c.count, c.step) == (4, 2)
    with pytest.raises(TypeError):
        m.Counter(1, 2)
    with pytest.raises(TypeError):
        m.Counter(nope=1)


def test_weakref_and_dict_slots():
    import weakref

    died = []
    r = m.Referent(7)
    r.extra = "kept in __dict__"
    ref = weakref.ref(r, died.append)
    proxy = weakref.proxy(r)
    assert ref() is r and proxy.value == 7 and r.__dict__ == {"extra": "kept in __dict__"}
    r.__dict__ = {"other": 1}
    assert r.other == 1 and not hasattr(r, "extra")
    with pytest.raises(TypeError):
        r.__dict__ = 5
    # Dropping the object clears its weak references (on PyPy its own side does, before the
    # C object dies: calling PyObject_ClearWeakRefs there made cpyext abort).
    del r
    for _ in range(3):
        gc.collect()
    assert ref() is None and len(died) == 1
    with pytest.raises(ReferenceError):
        proxy.value
    # Many short-lived instances, some never weakly referenced.
    refs = [weakref.ref(m.Referent(i)) if i % 2 else m.Referent(i) for i in range(100)]
    gc.collect()
    assert sum(1 for x in refs if isinstance(x, weakref.ref) and x() is not None) == 0


@pytest.mark.skipif(
    sys.implementation.name == "graalpy",
    reason="GraalPy frees native objects when the Java GC runs, not at gc.collect()",
)
def test_cycle_through_instance_dict_is_collected():
    # A class with `dict` takes part in garbage collection, so `obj.me = obj` is freed.
    import gc
    import weakref

    r = m.Referent(1)
    r.me = r
    w = weakref.ref(r)
    del r
    gc.collect()
    assert w() is None
    if sys.implementation.name == "cpython":
        assert gc.is_tracked(m.Referent(2))
