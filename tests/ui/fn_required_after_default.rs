//! Must not compile: fn required after default.
use pyo3::prelude::*;

#[pyfunction]
#[pyo3(signature = (a = 1, b))]
fn f(a: i32, b: i32) -> i32 {
    a + b
}

fn main() {}
