//! Must not compile: class complex enum.
use pyo3::prelude::*;

#[pyclass]
enum Shape {
    Circle { radius: f64 },
    Square(f64),
}

fn main() {}
