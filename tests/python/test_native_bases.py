"""`#[pyclass(extends = <native type>)]` from Python (tests/ext/src/test_native_bases.rs)."""

import pytest

ext = pytest.importorskip("pyroxide_ext")
m = getattr(ext, "native_bases", None)
if m is None:
    pytest.skip("native bases are not available under the limited API", allow_module_level=True)

# GraalPy keeps dict/set/float state outside the C struct: those bases are left out there.
collections = pytest.mark.skipif(
    not hasattr(m, "CountingDict"),
    reason="extending dict, set, float or OSError is not supported here (GraalPy)",
)


@collections
def test_dict_subclass_keeps_dict_behaviour_and_rust_state():
    d = m.CountingDict()
    assert isinstance(d, dict) and type(d).__mro__[1] is dict
    d.set("a", 1)
    d.set("a", 2)
    d["b"] = 3
    assert d == {"a": 2, "b": 3} and d.count("a") == 2 and d.count("b") == 0
    assert d.total() == 2 and len(d) == 2 and sorted(d) == ["a", "b"]
    # `dict.__init__` still runs on the arguments, after `#[new]`.
    e = m.CountingDict({"x": 1}, y=2)
    assert e == {"x": 1, "y": 2}


@collections
def test_dict_subclass_from_python():
    class Sub(m.CountingDict):
        def extra(self):
            return len(self) * 10

    s = Sub(z=1)
    s.set("q", 0)
    assert s.extra() == 20 and s.count("q") == 1 and isinstance(s, dict)


@collections
def test_set_and_float_bases():
    # `set.__init__` runs after `#[new]` with the same arguments, as for a Python subclass.
    s = m.TaggedSet("ab")
    assert isinstance(s, set) and s.tag == "ab" and s == {"a", "b"}
    s.add(5)
    s.tag = "u"
    assert 5 in s and s.tag == "u" and len(s) == 3
    f = m.Measured("m")
    assert isinstance(f, float) and f == 0.0 and f.unit == "m" and f + 1.5 == 1.5


def test_exception_bases_are_raisable_and_keep_fields():
    with pytest.raises(m.AppError) as info:
        raise m.AppError(7, "bad", "thing")
    err = info.value
    assert isinstance(err, Exception) and err.code == 7
    assert err.args == (7, "bad", "thing") and err.describe() == "code 7: (7, 'bad', 'thing')"
    with pytest.raises(KeyError) as info:
        raise m.LookupFailed("abcd")
    assert info.value.key_len == 4 and info.value.args == ("abcd",)


@collections
def test_oserror_base_has_its_own_fields():
    # As in PyO3, the native part is made without the call's arguments, so OSError's own
    # fields stay unset; the Rust field lives after them (OSError's struct is larger than
    # BaseException's).
    e = m.WithErrno("disk", 2, "No such file")
    assert isinstance(e, OSError) and e.label == "disk" and e.errno is None
    e.errno = 5
    e.strerror = "x"
    assert (e.errno, e.strerror, e.label) == (5, "x", "disk")


def test_many_instances_are_freed():
    import gc

    # Collections in between: PyPy frees then, and once counted each instance's reference to its
    # type down twice (its dealloc of a builtin base gives it back too), aborting after about
    # a thousand instances.
    for _ in range(5):
        for _ in range(1000):
            m.AppError(1, "z")
            if hasattr(m, "CountingDict"):
                d = m.CountingDict()
                d.set("k", [1, 2, 3])
                m.TaggedSet("t").add(1)
                m.Measured("u")
                m.WithErrno("x", 1, "y")
        gc.collect()

