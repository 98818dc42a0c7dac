//! Must not compile: a unit variant in a complex enum, and an unknown variant option.
use pyo3::prelude::*;

#[pyclass]
enum Shape {
    Circle { radius: f64 },
    Empty,
    #[pyo3(frozen)]
    Square(f64),
}

fn main() {}
