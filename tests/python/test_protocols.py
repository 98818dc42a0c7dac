"""Class protocols from Python (tests/ext/src/test_protocols.rs)."""

import asyncio
import operator

import pytest

ext = pytest.importorskip("pyroxide_ext")
m = ext.protocols


def test_arithmetic_and_reflection():
    a, b = m.Vec2(1, 2), m.Vec2(3, 4)
    assert repr(a + b) == "Vec2(4.0, 6.0)"
    assert repr(b - a) == "Vec2(2.0, 2.0)"
    assert repr(a * 2) == repr(2 * a) == "Vec2(2.0, 4.0)"
    assert a @ b == 11.0
    assert repr(b / 2) == "Vec2(1.5, 2.0)" and repr(12 / b) == "Vec2(4.0, 3.0)"
    assert repr(a**2) == repr(pow(a, 2)) == "Vec2(1.0, 4.0)"
    assert repr(-a) == "Vec2(-1.0, -2.0)"
    assert abs(b) == 5.0 and float(b) == 5.0
    assert bool(m.Vec2(0, 0)) is False and bool(a) is True


def test_operands_that_do_not_extract_are_not_implemented():
    a = m.Vec2(1, 2)
    with pytest.raises(TypeError, match=r"unsupported operand type\(s\) for \+: '(\S+\.)?Vec2' and 'int'"):
        a + 1
    with pytest.raises(TypeError, match=r"unsupported operand type\(s\) for -: 'int' and '(\S+\.)?Vec2'"):
        1 - a
    with pytest.raises(TypeError, match=r"unsupported operand type\(s\) for @"):
        a @ 1
    with pytest.raises(TypeError):
        a * "x"
    assert a.__add__(1) is NotImplemented


def test_inplace_operators_keep_identity():
    a = m.Vec2(1, 1)
    alias = a
    a += m.Vec2(1, 2)
    a *= 2
    assert a is alias and (a.x, a.y) == (4.0, 6.0)
    # No `__isub__`: `-=` falls back to `__sub__` and rebinds.
    a -= m.Vec2(1, 1)
    assert a is not alias and (a.x, a.y) == (3.0, 5.0)
    with pytest.raises(TypeError):
        a += 1


def test_comparisons():
    a, b = m.Vec2(1, 0), m.Vec2(3, 4)
    assert a == m.Vec2(1, 0) and a != b
    assert a < b and b > a  # `>` reflects to `__lt__`
    assert (a == 1) is False and a != 1
    with pytest.raises(TypeError, match="'<=' not supported"):
        a <= b


def test_mapping_items():
    r = m.Registry()
    r["a"] = 1
    r["b"] = [2]
    assert len(r) == 2 and r["b"] == [2] and "a" in r
    del r["a"]
    assert r.keys() == ["b"] and "a" not in r
    with pytest.raises(KeyError):
        del r["missing"]
    with pytest.raises(TypeError):
        r[1] = 2


def test_attribute_hooks():
    r = m.Registry()
    r.size = 3
    assert r.size == 3
    del r.size
    with pytest.raises(AttributeError, match="size"):
        r.size
    with pytest.raises(AttributeError):
        del r.size
    with pytest.raises(TypeError):
        r.size = "big"
    # Normal lookup still wins.
    assert r.keys() == []
    assert getattr(r, "nothing", 7) == 7


def test_descriptor():
    class Owner:
        count = m.Typed("count")

    assert isinstance(Owner.count, m.Typed)
    o = Owner()
    o.count = 5
    assert o.count == 5 and o.__dict__ == {"count": 5}
    with pytest.raises(TypeError):
        o.count = "x"
    del o.count
    with pytest.raises(KeyError):
        o.count


def test_async_iteration_and_await():
    async def main():
        got = [x async for x in m.Countdown(3)]
        return got, await m.Countdown(9)

    assert asyncio.run(main()) == ([2, 1, 0], 9)


def test_next_returning_plain_values():
    assert list(m.Fib(20)) == [0, 1, 1, 2, 3, 5, 8, 13]
    it = iter(m.Fib(0))
    assert next(it) == 0
    with pytest.raises(StopIteration) as info:
        next(it)
    assert info.value.args == ("done",)
    import itertools

    assert list(itertools.islice(m.Squares(), 4)) == [1, 4, 9, 16]


def test_sequence_from_getitem_and_len():
    s = m.Letters("abc")
    assert list(s) == ["a", "b", "c"] and list(reversed(s)) == ["c", "b", "a"]
    assert "b" in s and "z" not in s and s[-1] == "c"
    s[0] = "x"
    assert "".join(s) == "xbc"
    with pytest.raises(IndexError, match="Letters index out of range"):
        s[5]
    # `collections.abc` is not involved: the C sequence protocol is what these use.
    import operator

    assert operator.countOf(s, "b") == 1 and operator.indexOf(s, "c") == 2


def test_init_and_subclassing():
    r = m.Record(7, note="hi")
    assert (r.id, r.note) == (7, "hi")
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'id'"):
        m.Record()

    class Sub(m.Record):
        def __init__(self, name):
            super().__init__(len(name), note=name.upper())
            self.name = name

    s = Sub("abc")
    assert (s.id, s.note, s.name) == (3, "ABC", "abc")
    assert isinstance(s, m.Record)


def test_deleter():
    r = m.Record(1)
    assert r.note is None
    r.note = "x"
    assert r.note == "x"
    del r.note
    assert r.note is None
    with pytest.raises(AttributeError, match="note already deleted"):
        del r.note
    with pytest.raises(AttributeError):
        del r.id
