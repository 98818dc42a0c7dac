//! Must not compile: fn pattern parameter.
use pyo3::prelude::*;

#[pyfunction]
fn f((a, b): (i32, i32)) -> i32 {
    a + b
}

fn main() {}
