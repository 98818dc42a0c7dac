"""Complex `#[pyclass]` enums, `generic` and class text signatures (tests/ext/src/test_enums.rs)."""

import platform
import sys
import types

import pytest

ext = pytest.importorskip("pyroxide_ext")
m = ext.enums
Shape = m.Shape


def test_variant_classes():
    c = Shape.Circle(radius=2.0)
    assert isinstance(c, Shape) and isinstance(c, Shape.Circle)
    assert not isinstance(c, Shape.Rectangle)
    assert type(c) is Shape.Circle and type(c).__name__ == "Circle"
    assert Shape.Circle.__qualname__ == "Shape.Circle"
    assert [k.__name__ for k in Shape.Circle.__mro__] == ["Circle", "Shape", "object"]
    assert c.radius == 2.0 and Shape.Circle(3.0).radius == 3.0
    r = Shape.Rectangle(width=2.0, height=3.0)
    assert (r.width, r.height) == (2.0, 3.0) and r.area() == 6.0
    p = Shape.RegularPolygon(4, 2.0)
    assert (p._0, p._1) == (4, 2.0) and len(p) == 2 and (p[0], p[1]) == (4, 2.0)
    with pytest.raises(IndexError, match="tuple index out of range"):
        p[2]
    assert abs(p.area() - 4.0) < 1e-9
    assert Shape.Nothing().area() == 0.0
    label = Shape.Label("hi")
    assert (label.text, label.size) == ("hi", 1) and Shape.Label("x", size=3).size == 3
    assert c.describe() == "Circle { radius: 2.0 }"
    assert p.describe() == "RegularPolygon(4, 2.0)"
    with pytest.raises(AttributeError):
        c.radius = 1.0
    with pytest.raises(TypeError):
        Shape.Circle()
    with pytest.raises(TypeError):
        Shape.Circle("x")
    # No `#[new]`: Python cannot instantiate it (as in PyO3, the interpreter's own error).
    with pytest.raises(TypeError, match=r"^cannot create '[\w.]*Shape' instances$"):
        Shape()
    if sys.version_info >= (3, 10) and sys.implementation.name == "cpython":
        assert "__new__" not in Shape.__dict__


def test_match_args_and_equality():
    assert Shape.Circle.__match_args__ == ("radius",)
    assert Shape.Rectangle.__match_args__ == ("width", "height")
    assert Shape.RegularPolygon.__match_args__ == ("_0", "_1")
    assert Shape.Nothing.__match_args__ == ()
    assert Shape.Circle(1.0) == Shape.Circle(1.0)
    assert Shape.Circle(1.0) != Shape.Circle(2.0)
    assert Shape.Circle(1.0) != Shape.Nothing()


def test_conversions():
    c = m.new_circle(2.0)
    assert type(c) is m.Shape.Circle and c.radius == 2.0 and isinstance(c, m.Shape)
    shapes = m.make_shapes()
    assert [type(s).__name__ for s in shapes] == [
        "Circle",
        "Rectangle",
        "RegularPolygon",
        "Nothing",
        "Label",
    ]
    assert shapes[1] == Shape.Rectangle(2.0, 3.0)
    assert m.area_of(Shape.Rectangle(2.0, 5.0)) == 10.0
    with pytest.raises(TypeError):
        m.area_of(1.0)


@pytest.mark.skipif(sys.version_info < (3, 10), reason="match statements are 3.10+")
def test_match_statement():
    code = '''
def name(s):
    match s:
        case Shape.Circle(r):
            return f"circle {r}"
        case Shape.Rectangle(width=w, height=h):
            return f"rect {w}x{h}"
        case Shape.RegularPolygon(n, side):
            return f"{n}-gon {side}"
        case Shape.Nothing():
            return "nothing"
        case _:
            return "other"
'''
    scope = {"Shape": Shape}
    exec(code, scope)
    name = scope["name"]
    assert name(Shape.Circle(1.0)) == "circle 1.0"
    assert name(Shape.Rectangle(2.0, 3.0)) == "rect 2.0x3.0"
    assert name(Shape.RegularPolygon(5, 1.0)) == "5-gon 1.0"
    assert name(Shape.Nothing()) == "nothing"
    assert name(Shape.Label("a")) == "other"


def test_generic():
    alias = m.Boxed[int]
    assert isinstance(alias, types.GenericAlias)
    assert alias.__origin__ is m.Boxed and alias.__args__ == (int,)
    assert alias(2, scale=3).value == 6
    with pytest.raises(TypeError):
        Shape[int]


@pytest.mark.skipif(
    platform.python_implementation() != "CPython" or sys.version_info < (3, 10),
    reason="heap types get __text_signature__ from their docstring on CPython 3.10+ (GraalPy "
    "25.2 strips the signature from __doc__ but leaves __text_signature__ None)",
)
def test_text_signature():
    assert m.Boxed.__text_signature__ == "(value=0, *, scale=1)"
    assert m.Boxed.__doc__ == "A generic box."
    assert Shape.Circle.__text_signature__ == "(radius)"
    assert Shape.Label.__text_signature__ == "(text, size=1)"
