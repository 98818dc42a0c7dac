//! Complex `#[pyclass]` enums, `#[pyclass(generic)]` and the class text signature from
//! `#[new]`, for `test_enums.py`.

use pyo3::prelude::*;

/// `#[pyclass]` enums and generic classes exercised by `test_enums.py`.
#[pymodule]
pub mod enums {
    #[pymodule_export]
    use super::{area_of, make_shapes, new_circle, Boxed, Shape};
}

/// A shape.
#[pyclass(eq, from_py_object, module = "pyroxide_ext.enums")]
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Circle {
        radius: f64,
    },
    Rectangle {
        width: f64,
        height: f64,
    },
    RegularPolygon(u32, f64),
    Nothing {},
    #[pyo3(constructor = (text, size = 1))]
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

    fn describe(&self) -> String {
        format!("{self:?}")
    }
}

/// The area of a shape given by value.
#[pyfunction]
pub fn area_of(shape: Shape) -> f64 {
    shape.area()
}

/// One shape of each variant, made in Rust.
#[pyfunction]
pub fn make_shapes() -> Vec<Shape> {
    vec![
        Shape::Circle { radius: 1.0 },
        Shape::Rectangle { width: 2.0, height: 3.0 },
        Shape::RegularPolygon(3, 1.0),
        Shape::Nothing {},
        Shape::Label { text: "x".into(), size: 2 },
    ]
}

/// A circle made with `Py::new`, which picks the variant's class like a conversion does.
#[pyfunction]
pub fn new_circle(py: Python<'_>, radius: f64) -> PyResult<Py<Shape>> {
    Py::new(py, Shape::Circle { radius })
}

/// A generic box.
#[pyclass(generic, module = "pyroxide_ext.enums")]
pub struct Boxed {
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
