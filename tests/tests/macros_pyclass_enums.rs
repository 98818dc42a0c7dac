//! Complex `#[pyclass]` enums through an embedded interpreter: the variant classes (class
//! attributes, constructors with keyword and positional fields and `constructor = (...)`,
//! getters, `__len__`/`__getitem__` of tuple variants, `__match_args__`), the enum's own
//! methods on variant instances, conversion both ways; `#[pyclass(generic)]`; the class text
//! signature taken from `#[new]`.
#![forbid(unsafe_code)]

use pyo3::exceptions::{PyIndexError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::ffi::CString;

#[pyclass(eq, from_py_object, module = "enums")]
#[derive(Clone, Debug, PartialEq)]
enum Shape {
    Circle {
        radius: f64,
    },
    Rectangle {
        width: f64,
        height: f64,
    },
    RegularPolygon(u32, f64),
    Nothing {},
    #[pyo3(name = "Labelled", constructor = (text, size = 1))]
    Label {
        text: String,
        size: u8,
    },
}

#[pymethods]
impl Shape {
    fn area(&self) -> f64 {
        match self {
            Shape::Circle { radius } => std::f64::consts::PI * radius * radius,
            Shape::Rectangle { width, height } => width * height,
            Shape::RegularPolygon(n, side) => {
                let n = f64::from(*n);
                n * side * side / (4.0 * (std::f64::consts::PI / n).tan())
            }
            Shape::Nothing {} | Shape::Label { .. } => 0.0,
        }
    }

    #[staticmethod]
    fn unit() -> Shape {
        Shape::Rectangle { width: 1.0, height: 1.0 }
    }
}

#[pyfunction]
fn describe(shape: PyRef<'_, Shape>) -> String {
    format!("{:?}", *shape)
}

#[pyfunction]
fn cloned(shape: Shape) -> Shape {
    shape
}

fn run<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyDict> {
    let globals = PyDict::new(py);
    globals.set_item("Shape", py.get_type::<Shape>()).unwrap();
    globals.set_item("describe", wrap_pyfunction!(describe, py).unwrap()).unwrap();
    globals.set_item("cloned", wrap_pyfunction!(cloned, py).unwrap()).unwrap();
    let code = CString::new(code).unwrap();
    py.run(&code, Some(&globals), None).unwrap_or_else(|e| {
        e.print(py);
        panic!("{e}")
    });
    globals
}

#[test]
fn variant_classes() {
    Python::attach(|py| {
        run(
            py,
            r#"
c = Shape.Circle(radius=2.0)
assert isinstance(c, Shape) and isinstance(c, Shape.Circle)
assert not isinstance(c, Shape.Rectangle)
assert type(c) is Shape.Circle and type(c).__name__ == "Circle"
assert Shape.Circle.__qualname__ == "Shape.Circle", Shape.Circle.__qualname__
assert type(c).__module__ == "enums"
assert c.radius == 2.0 and Shape.Circle(3.0).radius == 3.0
r = Shape.Rectangle(width=2.0, height=3.0)
assert (r.width, r.height) == (2.0, 3.0) and r.area() == 6.0
p = Shape.RegularPolygon(4, 2.0)
assert (p._0, p._1) == (4, 2.0) and len(p) == 2 and p[0] == 4 and p[1] == 2.0
assert abs(p.area() - 4.0) < 1e-9
n = Shape.Nothing()
assert n.area() == 0.0
assert Shape.Circle.__match_args__ == ("radius",)
assert Shape.Rectangle.__match_args__ == ("width", "height")
assert Shape.RegularPolygon.__match_args__ == ("_0", "_1")
assert Shape.Nothing.__match_args__ == ()
l = Shape.Labelled("hi")
assert (l.text, l.size) == ("hi", 1) and Shape.Labelled("x", size=3).size == 3
assert Shape.Circle(1.0) == Shape.Circle(1.0) and Shape.Circle(1.0) != Shape.Circle(2.0)
assert Shape.Circle(1.0) != Shape.Nothing()
u = Shape.unit()
assert type(u) is Shape.Rectangle and u.width == 1.0
assert describe(c) == "Circle { radius: 2.0 }"
assert describe(p) == "RegularPolygon(4, 2.0)"
assert type(cloned(r)) is Shape.Rectangle and cloned(r) == r
try:
    c.radius = 1.0
    raise AssertionError("settable")
except AttributeError:
    pass
"#,
        );
    });
}

#[test]
fn variant_errors() {
    Python::attach(|py| {
        let g = run(py, "p = Shape.RegularPolygon(3, 1.0)");
        let p = g.get_item("p").unwrap().unwrap();
        let err = p.get_item(2).unwrap_err();
        assert!(err.is_instance_of::<PyIndexError>(py));
        assert_eq!(err.value(py).to_string(), "tuple index out of range");
        let ty = py.get_type::<Shape>();
        let err = ty.getattr("Circle").unwrap().call0().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py), "{err}");
        assert!(err.to_string().contains("radius"), "{err}");
        let err = ty.getattr("Circle").unwrap().call1(("x",)).unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py), "{err}");
        let err = ty.call0().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py), "{err}");
        let message = err.value(py).to_string();
        assert!(
            message.starts_with("cannot create '") && message.ends_with(".Shape' instances"),
            "{message}"
        );
    });
}

#[test]
fn rust_conversions() {
    Python::attach(|py| {
        let obj = Shape::RegularPolygon(6, 1.5).into_pyobject(py).unwrap();
        assert_eq!(obj.get_type().name().unwrap().to_string(), "RegularPolygon");
        assert!(obj.is_instance_of::<Shape>());
        assert_eq!(obj.get_refcnt(), 1);
        let back: Shape = obj.extract().unwrap();
        assert_eq!(back, Shape::RegularPolygon(6, 1.5));
        let r: PyRef<'_, Shape> = obj.extract().unwrap();
        assert_eq!(*r, Shape::RegularPolygon(6, 1.5));
        drop(r);
        let label = Shape::Label { text: "t".into(), size: 2 }.into_pyobject(py).unwrap();
        assert_eq!(label.getattr("text").unwrap().extract::<String>().unwrap(), "t");
        assert!(label.get().eq(&Shape::Label { text: "t".into(), size: 2 }));
        let g = run(py, "m = Shape.Circle(radius=0.5)");
        let m: Shape = g.get_item("m").unwrap().unwrap().extract().unwrap();
        assert_eq!(m, Shape::Circle { radius: 0.5 });
    });
}

#[test]
fn match_statement() {
    Python::attach(|py| {
        if py.version_info() < (3, 10) {
            return;
        }
        run(
            py,
            r#"
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
assert name(Shape.Circle(1.0)) == "circle 1.0"
assert name(Shape.Rectangle(2.0, 3.0)) == "rect 2.0x3.0"
assert name(Shape.RegularPolygon(5, 1.0)) == "5-gon 1.0"
assert name(Shape.Nothing()) == "nothing"
assert name(Shape.Labelled("a")) == "other"
"#,
        );
    });
}

/// A generic container.
#[pyclass(generic)]
struct Boxed {
    #[pyo3(get)]
    value: i64,
}

#[pymethods]
impl Boxed {
    #[new]
    #[pyo3(signature = (value = 0, *, scale = 1))]
    fn new(value: i64, scale: i64) -> Self {
        Boxed { value: value * scale }
    }
}

/// Overridden.
#[pyclass(text_signature = "(a, b)")]
struct Overridden;

#[pymethods]
impl Overridden {
    #[new]
    fn new(a: i64) -> Self {
        let _ = a;
        Overridden
    }
}

#[pyclass]
struct Undocumented;

#[pymethods]
impl Undocumented {
    #[new]
    #[pyo3(text_signature = "(x)")]
    fn new(x: Option<i64>) -> Self {
        let _ = x;
        Undocumented
    }
}

#[test]
fn generic_and_text_signature() {
    Python::attach(|py| {
        let globals = PyDict::new(py);
        globals.set_item("Boxed", py.get_type::<Boxed>()).unwrap();
        globals.set_item("Overridden", py.get_type::<Overridden>()).unwrap();
        globals.set_item("Undocumented", py.get_type::<Undocumented>()).unwrap();
        globals.set_item("Shape", py.get_type::<Shape>()).unwrap();
        let code = CString::new(
            r#"
import inspect, sys, types
alias = Boxed[int]
assert isinstance(alias, types.GenericAlias), type(alias)
assert alias.__origin__ is Boxed and alias.__args__ == (int,)
assert Boxed[int, str].__args__ == (int, str)
assert alias(value=2, scale=3).value == 6
# Heap types take __text_signature__ from their docstring on 3.10+ (PyPy 3.11 gives them none,
# but still strips the signature from __doc__).
if sys.version_info >= (3, 10):
    assert Boxed.__doc__ == "A generic container.", repr(Boxed.__doc__)
    assert Overridden.__doc__ == "Overridden.", repr(Overridden.__doc__)
    # A signature with no text after it: CPython gives "", PyPy None.
    empty = "" if sys.implementation.name == "cpython" else None
    assert Undocumented.__doc__ == empty, repr(Undocumented.__doc__)
if sys.version_info >= (3, 10) and sys.implementation.name == "cpython":
    assert Boxed.__text_signature__ == "(value=0, *, scale=1)", Boxed.__text_signature__
    assert str(inspect.signature(Boxed)) == "(value=0, *, scale=1)"
    assert Overridden.__text_signature__ == "(a, b)", repr(Overridden.__text_signature__)
    assert Undocumented.__text_signature__ == "(x)", repr(Undocumented.__text_signature__)
    assert Shape.Circle.__text_signature__ == "(radius)", Shape.Circle.__text_signature__
    assert Shape.Labelled.__text_signature__ == "(text, size=1)", Shape.Labelled.__text_signature__
assert Shape.__text_signature__ is None
try:
    Shape[int]
    raise AssertionError("not generic")
except TypeError:
    pass
"#,
        )
        .unwrap();
        py.run(&code, Some(&globals), None).unwrap_or_else(|e| {
            e.print(py);
            panic!("{e}")
        });
    });
}
